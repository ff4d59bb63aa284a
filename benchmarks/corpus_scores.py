"""Precision, recall and F1 of rules only, the classifier only and both, on the annotated corpus's
splits and the dev set, per relation and micro-averaged.

    PYTHONPATH=src .venv/bin/python benchmarks/corpus_scores.py [--split tune check dev] [--threshold T] [--json]

``tune`` may be read for misses (``--misses``); ``check`` is only scored: nobody reads its misses, so
its score says how extraction carries to text it was not built on. ``dev`` is ``../shared/eval/dev``.
BBC articles are read from ``../shared``; without it only the written articles are scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from showgraph.nlp.learned.corpus import read_corpus, read_gold_folder  # noqa: E402
from showgraph.nlp.learned.measure import parse_all, read_with  # noqa: E402
from showgraph.nlp.learned.read import ReadingPolicy  # noqa: E402
from showgraph.nlp.pipeline import load_pipeline  # noqa: E402

CORPUS = ROOT / "corpus" / "annotated"
DEV = ROOT.parent / "shared" / "eval" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--split", nargs="+", default=["tune", "check", "dev"], choices=["train", "tune", "check", "dev"]
    )
    parser.add_argument(
        "--threshold", type=float, default=None, help="the classifier's threshold (default: the policy's)"
    )
    parser.add_argument("--misses", action="store_true", help="list misses and extras (tune and train only)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    nlp = load_pipeline()
    shipped = ReadingPolicy.load(ROOT / "src" / "showgraph" / "models" / "relations")
    threshold = args.threshold if args.threshold is not None else shipped.threshold
    results = {}
    for split in args.split:
        articles = read_gold_folder(DEV, "dev") if split == "dev" else read_corpus(CORPUS, splits=[split])
        if not articles:
            print(f"{split}: no articles (is ../shared beside the clone?)")
            continue
        parsed = parse_all(nlp, articles)
        for mode in ("rules", "model", "combined"):
            policy = ReadingPolicy(mode, threshold, shipped.sources)
            scores = read_with(parsed, policy)
            results[f"{split}/{mode}"] = scores.to_dict()
            p, r, f = scores.micro.scores
            print(f"{split:6} {mode:9} articles {len(parsed):4}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
            if args.misses and split in {"train", "tune"} and mode == "combined":
                for label, items in (("MISS ", scores.misses), ("EXTRA", scores.extras)):
                    for article, fact in items:
                        print(f"  {label} {article}: {json.dumps(fact, ensure_ascii=False)}")
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        _per_relation(results)


def _per_relation(results: dict) -> None:
    names = sorted({r for res in results.values() for r in res["relations"]})
    keys = list(results)
    print("\nF1 per relation (gold count in brackets): " + " | ".join(keys))
    for relation in names:
        cells = []
        for key in keys:
            row = results[key]["relations"].get(relation)
            cells.append("   -  " if row is None else f"{row['f1']:.2f}({row['tp'] + row['fn']})")
        print(f"{relation:17} " + "  ".join(cells))


if __name__ == "__main__":
    main()
