"""Counts of the annotated corpus for its datasheet: articles by split and origin, facts per relation
and split, statuses, and how many articles give no screen fact.

    PYTHONPATH=src .venv/bin/python benchmarks/corpus_stats.py

BBC articles are counted only when ../shared is beside the clone (their text is read from there).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from showgraph.nlp.learned.corpus import is_screen_article, read_corpus  # noqa: E402

SPLITS = ("train", "tune", "check")


def main() -> None:
    articles = read_corpus(ROOT / "corpus" / "annotated")
    by_relation: dict[str, Counter] = defaultdict(Counter)
    origin: Counter = Counter()
    statuses: Counter = Counter()
    for a in articles:
        origin[(a.split, a.origin)] += 1
        for fact in a.facts:
            by_relation[fact["relation"]][a.split] += 1
            statuses[fact.get("status", "confirmed")] += 1
    print(f"{len(articles)} articles; {sum(not is_screen_article(a.facts) for a in articles)} give no screen fact")
    print("| split | articles (BBC + written) | facts |\n|---|---|---|")
    for split in SPLITS:
        bbc, written = origin[(split, "bbc")], origin[(split, "written")]
        facts = sum(c[split] for c in by_relation.values())
        print(f"| {split} | {bbc + written} ({bbc} + {written}) | {facts:,} |")
    print("\n| relation | train | tune | check | all |\n|---|---|---|---|---|")
    total: Counter = Counter()
    for relation in sorted(by_relation, key=lambda r: -sum(by_relation[r].values())):
        counts = by_relation[relation]
        total.update(counts)
        print(f"| {relation} | " + " | ".join(str(counts[s]) for s in SPLITS) + f" | {sum(counts.values())} |")
    print("| **all** | " + " | ".join(f"{total[s]:,}" for s in SPLITS) + f" | {sum(total.values()):,} |")
    print("\nBy status: " + ", ".join(f"{n:,} {s}" for s, n in statuses.most_common()))


if __name__ == "__main__":
    main()
