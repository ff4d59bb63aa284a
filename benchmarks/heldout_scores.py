"""Score the extractor on the held-out gold set (benchmarks/heldout), articles its rules were not tuned on.

    PYTHONPATH=src .venv/bin/python benchmarks/heldout_scores.py [--set tune|check|all] [--misses]

``benchmarks/heldout`` holds only the gold files (``NAME.gold.json``) in two sets: ``tune/`` (10
articles) may be read to find what the rules miss; ``check/`` (5 articles) is kept for measuring,
and rule writers do not read its misses, so its score says how the rules generalise. The articles themselves come
from ``../shared/corpus/bbc-news/entertainment``, where ``bbc-X.gold.json`` annotates ``X.txt``. This
script copies each article into a temporary folder as ``NAME.txt`` beside its gold file (adding the
``Title:`` / ``Source: BBC News`` header if the corpus file lacks one), then runs
``showgraph eval`` on that folder and prints its table; ``--misses`` is passed through and lists every
missed and spurious fact with its sentence. Without ../shared it says so and exits 0.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "heldout"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "bbc-news" / "entertainment"
PREFIX = "bbc-"


def with_header(text: str) -> str:
    """The article in the header format of FORMAT.md: as it is if it has a Title: line, else built."""
    if text.startswith("Title:"):
        return text
    title, _, body = text.lstrip().partition("\n")
    return f"Title: {title.strip()}\nSource: BBC News\n\n{body.lstrip()}"


def build(folder: Path, which: str) -> int:
    """Write NAME.txt + NAME.gold.json for every gold file of set WHICH into FOLDER; returns how many."""
    count = 0
    sets = ("tune", "check") if which == "all" else (which,)
    for gold in sorted(g for s in sets for g in (GOLD / s).glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        source = CORPUS / f"{name.removeprefix(PREFIX)}.txt"
        if not source.exists():
            raise SystemExit(f"article for {gold.name} not found: {source}")
        (folder / f"{name}.txt").write_text(with_header(source.read_text(encoding="utf-8")), encoding="utf-8")
        shutil.copyfile(gold, folder / gold.name)
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("tune", "check", "all"), default="tune", help="which gold set to score")
    parser.add_argument("--misses", action="store_true", help="list missed and spurious facts")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} not found: the held-out articles come from ../shared; nothing to score.")
        return
    showgraph = Path(sys.executable).with_name("showgraph")
    with tempfile.TemporaryDirectory(prefix="showgraph-heldout-") as tmp:
        count = build(Path(tmp), args.set)
        print(f"{count} held-out articles ({args.set})", flush=True)
        command = [str(showgraph), "eval", tmp]
        if args.misses:
            command.append("--misses")
        code = subprocess.call(command)
    raise SystemExit(code)


if __name__ == "__main__":
    main()
