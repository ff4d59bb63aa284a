"""Precision on unseen text, re-measured against a careful reader's verdicts.

    .venv/bin/python benchmarks/audit_precision.py [FACTS.jsonl] [--show W|C|new] [--relation R]

``benchmarks/audit/bbc-entertainment-judgments.tsv`` holds one reader's verdict (C correct, N right
but written in a form a strict scorer would miss, W wrong) on every fact an earlier version
extracted from the 353 BBC entertainment articles; ``bbc-entertainment-REPORT.md`` groups the
errors into patterns. This script extracts those articles again (or reads FACTS.jsonl) and prints,
per relation, how many judged-wrong facts are still produced, how many judged-correct ones were
lost, and how many facts are new (not judged: read them with ``--show new``). Header facts
(published_by) are left out. Needs ../shared/corpus/bbc-news/entertainment.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDGMENTS = ROOT / "benchmarks" / "audit" / "bbc-entertainment-judgments.tsv"
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news" / "entertainment"


def fold(text: object) -> str:
    return "".join(ch for ch in str(text).casefold() if ch.isalnum())


def key(fact: dict[str, str]) -> tuple[str, str, str, str]:
    return (Path(fact["article"]).name, fact["relation"], fold(fact["subject"]), fold(fact["object"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("facts", nargs="?", type=Path, help="facts to check (default: extract the corpus now)")
    parser.add_argument("--show", choices=("W", "C", "new"), help="list kept-wrong, lost-correct or new facts")
    parser.add_argument("--relation", help="only this relation")
    args = parser.parse_args()

    if args.facts:
        lines = args.facts.read_text(encoding="utf-8").splitlines()
    else:
        showgraph = Path(sys.executable).with_name("showgraph")
        out = subprocess.run([str(showgraph), "extract", str(CORPUS)], capture_output=True, text=True, check=True)
        lines = out.stdout.splitlines()
    facts = {key(f): f for f in map(json.loads, lines) if f["relation"] != "published_by"}
    with JUDGMENTS.open(newline="", encoding="utf-8") as handle:
        judged = {key(row): row for row in csv.DictReader(handle, delimiter="\t")}

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for k, row in judged.items():
        verdict, present = row["verdict"], k in facts
        counts[row["relation"]][f"{verdict}_{'kept' if present else 'lost'}"] += 1
        wanted = args.relation in (None, row["relation"])
        if wanted and args.show == "W" and verdict == "W" and present:
            print(f"W kept\t{row['relation']}\t{row['subject']}\t{row['object']}\t{row['note']}")
        if wanted and args.show == "C" and verdict == "C" and not present:
            print(f"C lost\t{row['relation']}\t{row['subject']}\t{row['object']}\t{row['sentence'][:160]}")
    for k, fact in facts.items():
        if k not in judged:
            counts[fact["relation"]]["new"] += 1
            if args.show == "new" and args.relation in (None, fact["relation"]):
                sentence = fact.get("evidence", {}).get("sentence", "")[:160]
                print(f"new\t{fact['relation']}\t{fact['subject']}\t{fact['object']}\t{sentence}")

    columns = ("C_kept", "C_lost", "N_kept", "W_kept", "W_lost", "new")
    print(f"{'relation':<16}" + "".join(f"{c:>8}" for c in columns))
    total: Counter[str] = Counter()
    for relation in sorted(counts):
        total.update(counts[relation])
        print(f"{relation:<16}" + "".join(f"{counts[relation][c]:>8}" for c in columns))
    print(f"{'all':<16}" + "".join(f"{total[c]:>8}" for c in columns))
    judged_kept = total["C_kept"] + total["N_kept"] + total["W_kept"]
    if judged_kept:
        print(
            f"strict precision over the judged facts still produced: {total['C_kept'] / judged_kept:.3f} "
            f"({total['new']} new facts not judged)"
        )


if __name__ == "__main__":
    main()
