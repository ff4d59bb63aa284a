"""Extraction speed against the base model: CPU seconds of bare ``nlp.pipe`` of the small English model
and of showgraph's whole extraction (its pipeline with the trained components, then rules and the
relation classifier's reading), on the same texts in one process, and their ratio.

    PYTHONPATH=src .venv/bin/python benchmarks/extract_speed.py [FOLDER] [--limit N] [--repeat R]

Default input: ../shared/corpus/bbc-news/entertainment (else corpus/bbc-news). Each figure is the
best of ``--repeat`` runs (CPU time of this process: ``time.process_time``). The issue's target is a
ratio of at least 0.7 (bare / showgraph: 1.0 would be no cost over the base model).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402

from showgraph.nlp.extract import facts_from_doc, parse_articles  # noqa: E402
from showgraph.nlp.pipeline import load_pipeline, resolve_model  # noqa: E402
from showgraph.readers import read_articles  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "bbc-news" / "entertainment"


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT if DEFAULT.is_dir() else ROOT / "corpus")
    parser.add_argument("--limit", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles, _ = read_articles([args.folder])
    articles = articles[: args.limit]
    texts = [a.body for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(resolve_model())
    full = load_pipeline()
    list(bare.pipe(texts[:5]))  # warm both up
    list(full.pipe(texts[:5]))

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=32):
            pass

    def run_full() -> None:
        for article, doc in parse_articles(articles, full, batch_size=32):
            facts_from_doc(article, doc)

    def run_parse_only() -> None:
        for _ in parse_articles(articles, full, batch_size=32):
            pass

    t_bare, t_parse, t_full = (
        best_of(args.repeat, run_bare),
        best_of(args.repeat, run_parse_only),
        best_of(args.repeat, run_full),
    )
    print(f"{len(articles)} articles, {words} words; CPU seconds, best of {args.repeat}")
    print(f"bare nlp.pipe ({resolve_model()}): {t_bare:7.2f} s  {words / t_bare:8.0f} words/s")
    print(f"showgraph pipeline (parse only):   {t_parse:7.2f} s  {words / t_parse:8.0f} words/s")
    print(f"showgraph extraction (all):        {t_full:7.2f} s  {words / t_full:8.0f} words/s")
    print(
        f"ratio bare / extraction: {t_bare / t_full:.2f} (target >= 0.7); pipeline components' share "
        f"{(t_parse - t_bare) / t_full:.0%}, rules and reading {(t_full - t_parse) / t_full:.0%}"
    )
    print("pipeline: " + ", ".join(full.pipe_names))


if __name__ == "__main__":
    main()
