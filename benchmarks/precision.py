"""Precision where TV is not the subject: facts per 100 articles of news sections without gold.

    PYTHONPATH=src .venv/bin/python benchmarks/precision.py [SECTION_FOLDER ...] [--sample N] [--out FILE]

Default input: ../shared/corpus/bbc-news/{business,politics,sport,tech,entertainment}. For each
folder it extracts every ``*.txt`` and prints, per relation, the facts per 100 articles, leaving out
the header facts every article has (``published_by``, ``author``); business, politics, sport and
tech should give almost none (entertainment is there for reference). It also prints how many
articles had a show title found and the articles/second, and writes up to ``--sample`` non-header
facts per section (with the rule and sentence that gave them) to ``--out`` for reading by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news"
SECTIONS = ("business", "politics", "sport", "tech", "entertainment")
#: Facts every article gets from its header, whatever it is about.
HEADER_RELATIONS = frozenset({"published_by", "author"})

sys.path.insert(0, str(ROOT / "src"))

from showgraph.facts import Fact  # noqa: E402
from showgraph.nlp.extract import extract_articles  # noqa: E402
from showgraph.nlp.pipeline import load_pipeline  # noqa: E402
from showgraph.readers import read_articles  # noqa: E402


def _describe(name: str, fact: Fact) -> str:
    qualifiers = "".join(f" {k}={v}" for k, v in fact.qualifiers.items())
    status = f" [{fact.status}]" if fact.status != "confirmed" else ""
    rule = fact.evidence.rule if fact.evidence else "?"
    sentence = " ".join(fact.evidence.sentence.split()) if fact.evidence else ""
    return (
        f"{name}: {fact.relation}({fact.subject!r}, {fact.object!r}){qualifiers}{status}  <{rule}>\n"
        f"    {sentence[:300]}\n"
    )


def measure(folder: Path, nlp, sample: int, seed: int = 7, processes: int = 1) -> tuple[dict, list[str]]:
    """Counts for one folder and a sample of its non-header facts, described for reading."""
    articles, failures = read_articles(sorted(folder.glob("*.txt")))
    relations: Counter[str] = Counter()
    with_show = 0
    described: list[str] = []
    started = time.perf_counter()
    for article, result in zip(articles, extract_articles(articles, nlp, n_process=processes), strict=True):
        body_facts = [f for f in result.facts if f.relation not in HEADER_RELATIONS]
        relations.update(f.relation for f in body_facts)
        name = Path(article.path).name if article.path else article.title
        described.extend(_describe(name, f) for f in body_facts)
        with_show += any(f.subject_type == "Show" for f in body_facts)
    seconds = time.perf_counter() - started
    random.Random(seed).shuffle(described)
    stats = {
        "articles": len(articles),
        "failures": len(failures),
        "facts": sum(relations.values()),
        "relations": relations,
        "with_show": with_show,
        "seconds": seconds,
    }
    return stats, described[:sample]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[CORPUS / s for s in SECTIONS])
    parser.add_argument("--sample", type=int, default=60, help="non-header facts per section to write out")
    parser.add_argument("--out", type=Path, default=Path("/tmp/showgraph-precision-sample.txt"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--processes", type=int, default=1, help="parse with this many processes (nlp.pipe)")
    args = parser.parse_args()
    nlp = load_pipeline(args.model)
    lines: list[str] = []
    print(f"{'section':<15}{'articles':>9}{'facts/100':>11}{'w/ show':>9}{'art/s':>8}  by relation (per 100 articles)")
    for folder in args.folders:
        stats, sample = measure(folder, nlp, args.sample, processes=args.processes)
        n = stats["articles"] or 1
        per_relation = ", ".join(f"{r} {100 * c / n:.1f}" for r, c in stats["relations"].most_common())
        rate = stats["articles"] / stats["seconds"] if stats["seconds"] else 0.0
        print(
            f"{folder.name:<15}{stats['articles']:>9}{100 * stats['facts'] / n:>11.1f}"
            f"{stats['with_show']:>9}{rate:>8.1f}  {per_relation}"
        )
        lines.append(f"=== {folder.name}: {stats['facts']} non-header facts, {len(sample)} sampled\n")
        lines.extend(sample)
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"sample -> {args.out}")


if __name__ == "__main__":
    main()
