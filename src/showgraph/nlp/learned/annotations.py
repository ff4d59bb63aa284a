"""Readers' annotation files into corpus files: evidence sentences become offsets.

A reader writes each fact with the sentence it comes from, copied from the article. The corpus keeps
offsets instead, so that text which is not ours (the BBC articles in ``../shared``) never enters the
repository, and records where the text is. Run once per batch of readers' files::

    python -m showgraph.nlp.learned.annotations READER_DIR CORPUS_DIR [--shared ../shared]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from showgraph.readers import read_file


def evidence_offsets(body: str, header: str, evidence: str) -> list[int] | str | None:
    """``[start, end]`` of the evidence in the body, ``"header"`` for a header line, else None.

    >>> evidence_offsets("Ana stars. Bo directs.", "Title: T", "Bo directs.")
    [11, 22]
    >>> evidence_offsets("Ana stars.", "Source: X News", "Source: X News")
    'header'
    """
    evidence = evidence.strip()
    at = body.find(evidence)
    if at >= 0:
        return [at, at + len(evidence)]
    if evidence and evidence in header:
        return "header"
    return None


def convert(gold_path: Path, text_ref: str, article_path: Path) -> dict[str, Any]:
    """One reader's gold file as a corpus file (facts with offsets, the text's location)."""
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    article = read_file(article_path)[0]
    raw = article_path.read_text(encoding="utf-8")
    header = raw.split("\n\n", 1)[0]
    facts = []
    for original in data.get("facts", []):
        fact = {k: v for k, v in original.items() if k != "evidence"}
        evidence = original.get("evidence")
        fact["evidence"] = evidence_offsets(article.body, header, evidence) if isinstance(evidence, str) else None
        facts.append(fact)
    return {"article": gold_path.name.replace(".gold.json", ".txt"), "text": text_ref, "facts": facts}


#: Share of new articles each split gets (by a hash of the article's name, so the split never moves).
SPLIT_SHARES = (("train", 70), ("tune", 15), ("check", 15))


def split_for(name: str) -> str:
    """The split a new article joins, fixed by its name.

    >>> split_for("a-listers-flock-to-gervais-sitcom") in {"train", "tune", "check"}
    True
    """
    bucket = int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 100
    for split, share in SPLIT_SHARES:
        if bucket < share:
            return split
        bucket -= share
    return "train"


def update_splits(corpus: Path) -> dict[str, list[str]]:
    """Add every article of ``corpus`` that ``splits.json`` lacks, keeping the ones it has."""
    path = corpus / "splits.json"
    splits: dict[str, list[str]] = json.loads(path.read_text()) if path.exists() else {}
    for split, _ in SPLIT_SHARES:
        splits.setdefault(split, [])
    known = {name for names in splits.values() for name in names}
    for gold in sorted(corpus.rglob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        if name not in known:
            splits[split_for(name)].append(name)
    ordered = {split: sorted(splits[split]) for split, _ in SPLIT_SHARES}
    path.write_text(json.dumps(ordered, indent=1) + "\n", encoding="utf-8")
    return ordered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("readers", type=Path, help="folder of readers' files (bbc/ and written/ inside)")
    parser.add_argument("corpus", type=Path, help="the corpus folder (corpus/annotated)")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args(argv)
    counts = {"bbc": 0, "written": 0}
    shared_corpus = (args.shared / "corpus").resolve()
    for gold in sorted((args.readers / "bbc").glob("*.gold.json")):
        source = Path(json.loads(gold.read_text())["source_path"]).resolve()
        ref = "shared:" + str(source.relative_to(shared_corpus))
        out = args.corpus / "bbc" / gold.name
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_dump(convert(gold, ref, source)), encoding="utf-8")
        counts["bbc"] += 1
    for gold in sorted((args.readers / "written").glob("*.gold.json")):
        text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        if not text.exists():
            continue
        out = args.corpus / "written" / gold.name
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(text, out.with_name(text.name))
        out.write_text(_dump(convert(gold, text.name, text)), encoding="utf-8")
        counts["written"] += 1
    splits = update_splits(args.corpus)
    print(json.dumps(counts | {split: len(names) for split, names in splits.items()}))
    return 0


def _dump(data: dict[str, Any]) -> str:
    """The gold layout: one fact per line."""
    head = json.dumps({k: v for k, v in data.items() if k != "facts"}, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(f, ensure_ascii=False) for f in data["facts"])
    return f'{head}, "facts": [\n{lines}\n]}}\n'


if __name__ == "__main__":
    raise SystemExit(main())
