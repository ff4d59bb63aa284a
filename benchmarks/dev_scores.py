"""Score the extractor on the annotated dev set (or any folder of NAME.txt + NAME.gold.json).

    PYTHONPATH=src .venv/bin/python benchmarks/dev_scores.py [FOLDER] [--misses] [--out facts.jsonl]
    PYTHONPATH=src .venv/bin/python benchmarks/dev_scores.py --precision ../shared/corpus/bbc-news/sport

Extracts every ``*.txt`` of FOLDER (default ``../shared/eval/dev``) to a JSONL of gold-shaped facts,
then runs ``score.py`` (found beside the gold, else ``../shared/eval/score.py``) and prints its table.
``--precision`` instead counts facts per 100 articles of a folder without gold (non-TV sections should
yield almost none) and prints the articles/second; ``benchmarks/precision.py`` does this for every BBC
section at once, leaves out the header facts and writes a sample of facts to read by hand.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "dev"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"

sys.path.insert(0, str(ROOT / "src"))

from showgraph.nlp.extract import extract_articles  # noqa: E402
from showgraph.nlp.pipeline import load_pipeline  # noqa: E402
from showgraph.readers import Article  # noqa: E402


def read_article(path: Path) -> Article:
    """Read one article with showgraph.readers when available, else the plain header format."""
    try:
        from showgraph.readers import read_file  # type: ignore[attr-defined]

        return read_file(path)[0]
    except ImportError:
        pass
    text = path.read_text(encoding="utf-8")
    header, _, body = text.partition("\n\n")
    fields: dict[str, str] = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    return Article(
        title=fields.get("title", path.stem),
        body=body,
        source=fields.get("source"),
        url=fields.get("url"),
        author=fields.get("author"),
        published=fields.get("published"),
        path=str(path),
    )


def extract_folder(folder: Path, out: Path, *, model: str | None = None) -> tuple[int, int, float]:
    """Write every fact of FOLDER's articles to OUT; returns (articles, facts, seconds)."""
    paths = sorted(p for p in folder.glob("*.txt"))
    articles = [read_article(p) for p in paths]
    nlp = load_pipeline(model)
    started = time.perf_counter()
    count = 0
    relations: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as stream:
        for article, facts in zip(articles, extract_articles(articles, nlp), strict=True):
            for fact in facts.facts:
                stream.write(json.dumps(fact.to_gold(article=article.name), ensure_ascii=False) + "\n")
                relations[fact.relation] += 1
                count += 1
    elapsed = time.perf_counter() - started
    extract_folder.relations = relations  # type: ignore[attr-defined]
    return len(articles), count, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--misses", action="store_true", help="list missed and spurious facts")
    parser.add_argument("--out", type=Path, default=Path("/tmp/showgraph-dev-facts.jsonl"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--precision", action="store_true", help="facts per 100 articles (no gold needed)")
    parser.add_argument("--show", action="store_true", help="with --precision: print each fact")
    args = parser.parse_args()
    articles, facts, seconds = extract_folder(args.folder, args.out, model=args.model)
    rate = articles / seconds if seconds else float("inf")
    print(f"{articles} articles, {facts} facts in {seconds:.1f}s ({rate:.1f} articles/s) -> {args.out}")
    if args.precision:
        per_100 = 100 * facts / articles if articles else 0.0
        print(f"facts per 100 articles: {per_100:.1f}")
        for relation, n in extract_folder.relations.most_common():  # type: ignore[attr-defined]
            print(f"  {relation:<16}{n:6d}")
        if args.show:
            print(args.out.read_text(encoding="utf-8"))
        return
    scorer = args.folder.parent / "score.py"
    scorer = scorer if scorer.exists() else DEFAULT_SCORER
    command = [sys.executable, str(scorer), str(args.folder), str(args.out)]
    if args.misses:
        command.append("--misses")
    raise SystemExit(subprocess.call(command))


if __name__ == "__main__":
    main()
