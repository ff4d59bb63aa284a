"""Scoring extracted facts against gold annotations (the gold format of ``FORMAT.md``).

A predicted fact matches a gold one when relation, subject and object agree: names folded (case,
accents, spaces, hyphens, apostrophes, a leading "the"), dates to the gold's precision, numbers by
value; loose relations (genre, rating, ...) also match when one folded object contains the other,
and a character named by fewer of its words still counts. Qualifiers and status are scored
separately, over matched facts. Knows nothing of RDF or the store.

>>> fold("The Ahn Gil Ho") == fold("ahn gil-ho")
True
>>> facts_match({"relation": "released_on", "subject": "X", "object": "2022-12"},
...             {"relation": "released_on", "subject": "x", "object": "2022-12-30"})
True
>>> prf(8, 2, 2)
(0.8, 0.8, 0.8)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from showgraph.errors import ShowgraphError
from showgraph.facts import ARTICLE_RELATIONS

NUMBER_RELATIONS = frozenset({"episode_count", "age"})
DATE_RELATIONS = frozenset({"released_on"})
LOOSE_RELATIONS = frozenset(
    {
        "accused_of",
        "genre",
        "rating",
        "viewership",
        "country",
        "won_award",
        "nominated_for",
        "adapted_from",
        "produced_by",
    }
)
SCORED_QUALIFIERS = ("show", "season", "platform", "date", "source", "period", "category", "status")

GoldFact = dict[str, Any]


class GoldError(ShowgraphError):
    """A gold folder or file is missing or malformed."""

    code = "SG501"


def fold(value: object) -> str:
    """A name folded for comparison: no accents, case, spaces, hyphens, apostrophes or leading "the"."""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[\s\-\u2010-\u2015'\u2019`.,\"]+", "", text)


def _words(value: object) -> set[str]:
    text = unicodedata.normalize("NFKD", str(value)).casefold()
    return {w for w in re.split(r"[\s\-\u2010-\u2015'\u2019.,]+", text) if w}


def _number(value: object) -> float | None:
    match = re.search(r"-?\d+(?:\.\d+)?", str(value).replace(",", ""))
    return float(match.group()) if match else None


def objects_match(relation: str, gold: object, predicted: object) -> bool:
    if relation in NUMBER_RELATIONS:
        return _number(gold) is not None and _number(gold) == _number(predicted)
    if relation in DATE_RELATIONS:
        g, p = str(gold).strip(), str(predicted).strip()
        return bool(g) and p[: len(g)] == g
    g, p = fold(gold), fold(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    if relation in LOOSE_RELATIONS:
        return g in p or p in g
    if relation == "plays":
        gw, pw = _words(gold), _words(predicted)
        return bool(pw) and (pw <= gw or gw <= pw)
    return False


def facts_match(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    relation = gold["relation"]
    if predicted.get("relation") != relation:
        return False
    if relation not in ARTICLE_RELATIONS and fold(gold["subject"]) != fold(predicted.get("subject", "")):
        return False
    return objects_match(relation, gold["object"], predicted.get("object", ""))


def qualifier_agrees(key: str, gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    default = "confirmed" if key == "status" else None
    g, p = gold.get(key, default), predicted.get(key, default)
    if key == "season":
        return _number(g) == _number(p)
    if key == "date":
        return p is not None and str(p)[: len(str(g))] == str(g)
    return p is not None and fold(g) == fold(p)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 6), round(r, 6), round(f, 6)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def scores(self) -> tuple[float, float, float]:
        return prf(self.tp, self.fp, self.fn)


@dataclass
class Scores:
    """Per-relation and micro-averaged counts, qualifier agreement, and the misses and extras."""

    articles: int
    relations: dict[str, Counts] = field(default_factory=dict)
    qualifiers: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (agree, seen)
    misses: list[tuple[str, GoldFact]] = field(default_factory=list)
    extras: list[tuple[str, GoldFact]] = field(default_factory=list)
    disagreements: list[tuple[str, str, GoldFact, GoldFact]] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        return Counts(
            sum(c.tp for c in self.relations.values()),
            sum(c.fp for c in self.relations.values()),
            sum(c.fn for c in self.relations.values()),
        )

    def to_dict(self) -> dict[str, Any]:
        def row(c: Counts) -> dict[str, Any]:
            return dict(zip(("precision", "recall", "f1"), c.scores, strict=True)) | {
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
            }

        return {
            "articles": self.articles,
            "micro": row(self.micro),
            "relations": {r: row(c) for r, c in sorted(self.relations.items())},
            "qualifiers": {k: {"agree": a, "seen": n} for k, (a, n) in sorted(self.qualifiers.items())},
        }


def load_gold(gold_dir: str | Path) -> dict[str, list[GoldFact]]:
    """Gold facts by article file name, from every ``NAME.gold.json`` in the folder."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder; give the folder that holds NAME.txt and NAME.gold.json pairs")
    gold: dict[str, list[GoldFact]] = {}
    for path in sorted(folder.glob("*.gold.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            name = Path(data.get("article", path.name.replace(".gold.json", ".txt"))).name
            gold[name] = list(data["facts"])
        except (ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{path}: not a gold file ({error}); see the gold format of FORMAT.md") from error
    if not gold:
        raise GoldError(f"{folder}: no *.gold.json files; each article NAME.txt needs a NAME.gold.json beside it")
    return gold


def score(gold: Mapping[str, list[GoldFact]], predicted: Mapping[str, Iterable[GoldFact]]) -> Scores:
    """Match predictions to gold article by article (each gold fact matches at most one prediction)."""
    result = Scores(articles=len(gold))
    counts: dict[str, Counts] = defaultdict(Counts)
    qualifiers: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article, gold_facts in gold.items():
        unmatched = _dedupe(predicted.get(article, []))
        for g in gold_facts:
            hit = next((p for p in unmatched if facts_match(g, p)), None)
            if hit is None:
                counts[g["relation"]].fn += 1
                result.misses.append((article, g))
                continue
            unmatched.remove(hit)
            counts[g["relation"]].tp += 1
            for key in SCORED_QUALIFIERS:
                if key in g or key == "status":
                    qualifiers[key][1] += 1
                    if qualifier_agrees(key, g, hit):
                        qualifiers[key][0] += 1
                    else:
                        result.disagreements.append((article, key, g, hit))
        for p in unmatched:
            counts[str(p.get("relation", "?"))].fp += 1
            result.extras.append((article, p))
    result.relations = dict(counts)
    result.qualifiers = {k: (v[0], v[1]) for k, v in qualifiers.items()}
    return result


def _dedupe(facts: Iterable[GoldFact]) -> list[GoldFact]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for fact in facts:
        key = (str(fact.get("relation")), fold(fact.get("subject", "")), fold(fact.get("object", "")))
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out


def format_table(scores: Scores) -> str:
    """The per-relation table, qualifier agreement and the micro line, as text."""
    lines = [f"{'relation':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for relation, c in sorted(scores.relations.items()):
        p, r, f = c.scores
        lines.append(f"{relation:<18}{p:7.3f}{r:7.3f}{f:7.3f}{c.tp:6d}{c.fp:6d}{c.fn:6d}")
    for key, (agree, seen) in sorted(scores.qualifiers.items()):
        lines.append(f"qualifier {key:<8} {agree}/{seen} agree")
    p, r, f = scores.micro.scores
    lines.append(f"micro: P {p:.3f} R {r:.3f} F1 {f:.3f} over {scores.articles} articles")
    return "\n".join(lines)
