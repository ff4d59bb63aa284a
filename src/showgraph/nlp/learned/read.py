"""Scored pairs into facts: what the relation classifier found, as :class:`~showgraph.facts.Fact` s.

The classifier scores each candidate pair for each relation (``doc.user_data["showgraph_relations"]``,
written by ``showgraph_relations``); a pair whose score reaches the threshold is a fact. Names are
the article's fullest forms (people through the article's alias table), the status is read from the
cues around the words that join the pair (:func:`showgraph.nlp.status.status_for`), and a ``plays``
fact carries the show named nearest in its sentence, else the article's show, and implies a
``cast_member`` (FORMAT.md: every ``plays`` implies one).

Which relations come from the classifier, which from the rules and which from both is a policy
(:class:`ReadingPolicy`) chosen on the tune split and shipped beside the weights (``policy.json``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from showgraph.facts import Evidence, Fact
from showgraph.nlp.aliases import fold
from showgraph.nlp.context import ArticleContext
from showgraph.nlp.learned.candidates import PAIR_RELATIONS, RELATIONS, mentions, pair_kinds
from showgraph.nlp.learned.components import RELATIONS_KEY
from showgraph.nlp.status import status_for

#: Where the reading mode can be chosen without touching code (``rules``, ``model`` or ``combined``).
MODE_ENV = "SHOWGRAPH_RELATIONS"
THRESHOLD_ENV = "SHOWGRAPH_RELATION_THRESHOLD"
MODES = ("rules", "model", "combined")


@dataclass
class ReadingPolicy:
    """How rules and the classifier combine. ``sources`` maps a relation to ``rules``, ``model`` or
    ``both`` (relations the classifier does not know are always the rules')."""

    mode: str = "combined"
    threshold: float = 0.5
    sources: dict[str, str] = field(default_factory=dict)

    def source(self, relation: str) -> str:
        if relation not in RELATIONS or self.mode == "rules":
            return "rules"
        if self.mode == "model":
            return "model"
        return self.sources.get(relation, "both")

    @classmethod
    def load(cls, folder: str | Path | None) -> ReadingPolicy:
        """The policy shipped in ``folder/policy.json`` (if any), with the environment's overrides."""
        policy = cls()
        path = Path(folder) / "policy.json" if folder else None
        if path is not None and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            policy = cls(data.get("mode", "combined"), float(data.get("threshold", 0.5)), dict(data.get("sources", {})))
        mode = os.environ.get(MODE_ENV, "").strip()
        if mode:
            if mode not in MODES:
                raise ValueError(f"{MODE_ENV}={mode!r}: expected one of {', '.join(MODES)}")
            policy.mode = mode
        threshold = os.environ.get(THRESHOLD_ENV, "").strip()
        if threshold:
            policy.threshold = float(threshold)
        return policy


def combine(rule_facts: list[Fact], model_facts: list[Fact], policy: ReadingPolicy) -> list[Fact]:
    """The facts each relation's source gives: the rules', the classifier's or both."""
    kept = [f for f in rule_facts if policy.source(f.relation) in {"rules", "both"}]
    kept += [f for f in model_facts if policy.source(f.relation) in {"model", "both"}]
    return kept


def learned_facts(doc: Doc, ctx: ArticleContext, threshold: float) -> list[Fact]:
    """Facts from the scored pairs on ``doc`` at or above ``threshold``: people by their fullest name in
    the article's alias table, shows spelled as the article's shows (main first) spell them."""
    table = ctx.aliases

    def canonical(name: str, position: int) -> str:
        return table.canonical(name, position) if table is not None else name

    article_id, shows = ctx.article.id, ctx.shows
    rows = doc.user_data.get(RELATIONS_KEY) or []
    by_fold = {fold(s): s for s in shows}
    main_show = shows[0] if shows else None
    out: list[Fact] = []
    for row in rows:
        s_start, s_end, s_kind, s_text, o_start, o_end, o_kind, o_text, sent_start, scores = row
        kinds = pair_kinds(s_kind, o_kind)
        allowed = PAIR_RELATIONS[kinds] if kinds else ()
        chosen = [r for r, score in scores.items() if r in allowed and score >= threshold]
        if not chosen or not s_text:
            continue
        sent = doc[sent_start].sent
        subject = _name(s_text, s_kind, s_start, canonical, by_fold)
        obj = _name(o_text, o_kind, o_start, canonical, by_fold)
        if fold(subject) == fold(obj):
            continue
        if o_start < 0:  # the article's award, named in another sentence: the subject's head joins them
            anchor = _anchor(doc, None, (s_start, s_end), sent)
        else:
            anchor = _anchor(doc, (s_start, s_end) if s_start >= 0 else None, (o_start, o_end), sent)
        status, cues = status_for(anchor, sent)
        evidence = Evidence(article_id, sent.text, sent.start_char, sent.end_char, "", cues)
        for relation in chosen:
            qualifiers: dict[str, str | int] = {}
            if relation == "plays":
                show = _nearest_show(sent, o_start, by_fold) or main_show
                if show:
                    qualifiers["show"] = show
                    out.append(_fact("cast_member", show, subject, {}, status, evidence, "Person"))
            out.append(_fact(relation, subject, obj, qualifiers, status, evidence, _kind(o_kind, relation)))
    return out


def _fact(
    relation: str, subject: str, obj: str, qualifiers: dict, status: str, evidence: Evidence, object_kind: str | None
) -> Fact:
    ev = Evidence(
        evidence.article_id, evidence.sentence, evidence.start, evidence.end, f"model:{relation}", evidence.cues
    )
    return Fact(relation, subject, obj, qualifiers, status, ev, None, object_kind)


def _kind(mention_kind: str, relation: str) -> str | None:
    if relation in {"produced_by", "represented_by"}:
        return "Person" if mention_kind == "PERSON" else "Organization"
    return None


def _name(text: str, kind: str, start: int, canonical: Any, by_fold: dict[str, str]) -> str:
    if kind == "PERSON":
        return canonical(text, start)
    if kind in {"WORK", "ORG"}:
        key = fold(text)
        bare = fold(text[4:]) if text.lower().startswith("the ") else key
        return by_fold.get(key) or by_fold.get(bare) or by_fold.get(fold("The " + text)) or text
    return text


def _nearest_show(sent: Span, index: int, by_fold: dict[str, str]) -> str | None:
    works = [m for m in mentions(sent.doc, sent.start, sent.end) if m.kind == "WORK"]
    if not works:
        return None
    best = min(works, key=lambda m: abs(m.start - index))
    return _name(best.text, "WORK", best.start, None, by_fold)


def _anchor(doc: Doc, subject: tuple[int, int] | None, obj: tuple[int, int], sent: Span) -> Token:
    """The word that joins the pair: their lowest shared head (the object's head for the main show)."""
    b = doc[obj[0] : obj[1]].root
    if subject is None:
        return b.head if b.head is not b else b
    a = doc[subject[0] : subject[1]].root
    ancestors = {a, *a.ancestors}
    for t in (b, *b.ancestors):
        if t in ancestors:
            return t
    return sent.root
