"""Measuring rules, classifier and both on annotated articles, and choosing the reading policy.

Each article is parsed once; the rules and the classifier's scored pairs are then read under every
mode and threshold asked for, and scored with :func:`showgraph.evaluate.score` (the scorer of
``showgraph eval``). :func:`choose_policy` keeps, relation by relation, the source that scores best
on the split it is given (tune, never check).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from showgraph.evaluate import Scores, score
from showgraph.nlp.learned.candidates import RELATIONS
from showgraph.nlp.learned.corpus import AnnotatedArticle
from showgraph.nlp.learned.read import ReadingPolicy


@dataclass
class Parsed:
    """An annotated article with its rule facts and the doc its classifier scores sit on."""

    annotated: AnnotatedArticle
    doc: Any
    rule_facts: list
    ctx: Any


def parse_all(nlp: Language, articles: Sequence[AnnotatedArticle]) -> list[Parsed]:
    """Parse and run the rules once per article."""
    from showgraph.nlp.extract import _make_doc, build_context, rule_facts

    out = []
    docs = nlp.pipe((_make_doc(a.article, nlp) for a in articles), batch_size=16)
    for annotated, doc in zip(articles, docs, strict=True):
        ctx = build_context(annotated.article, doc)
        out.append(Parsed(annotated, doc, rule_facts(doc, ctx), ctx))
    return out


def read_with(parsed: Iterable[Parsed], policy: ReadingPolicy) -> Scores:
    """Score every parsed article read under ``policy``."""
    from showgraph.nlp.extract import _canonicalise, merge_facts
    from showgraph.nlp.learned.read import combine, learned_facts

    gold: dict[str, list[dict[str, Any]]] = {}
    predicted: dict[str, list[dict[str, Any]]] = {}
    for p in parsed:
        name = p.annotated.name
        gold[name] = [{k: v for k, v in f.items() if k != "evidence"} for f in p.annotated.facts]
        model = [] if policy.mode == "rules" else learned_facts(p.doc, p.ctx, policy.threshold)
        facts = merge_facts(_canonicalise(combine(p.rule_facts, model, policy), p.ctx))
        predicted[name] = [f.to_gold() for f in facts]
    return score(gold, predicted)


def choose_article_gate(
    classifier: Language, articles: Sequence[AnnotatedArticle], gates: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.9)
) -> float:
    """The highest article-classifier score to require that still keeps every screen article of
    ``articles`` (tune) the lowest gate keeps: off-topic news passes less, no screen fact is lost."""
    from showgraph.nlp.learned.corpus import is_screen_article

    screen = [
        float(doc.cats.get("SCREEN", 1.0))
        for a, doc in zip(articles, classifier.pipe(a.article.body for a in articles), strict=True)
        if is_screen_article(a.facts)
    ]
    kept = sum(s >= min(gates) for s in screen)
    return max(g for g in gates if sum(s >= g for s in screen) == kept)


def choose_policy(
    parsed: Sequence[Parsed], thresholds: Sequence[float] = (0.3, 0.4, 0.5, 0.6, 0.7)
) -> tuple[ReadingPolicy, dict[str, Any]]:
    """The threshold and per-relation sources that score best on ``parsed`` (micro F1, then per relation)."""
    best: tuple[float, ReadingPolicy] | None = None
    notes: dict[str, Any] = {}
    for threshold in thresholds:
        rules = read_with(parsed, ReadingPolicy("rules", threshold))
        model = read_with(parsed, ReadingPolicy("model", threshold))
        both = read_with(parsed, ReadingPolicy("combined", threshold))
        sources = {}
        for relation in RELATIONS:
            f1 = {
                name: scores.relations[relation].scores[2] if relation in scores.relations else 0.0
                for name, scores in (("rules", rules), ("model", model), ("both", both))
            }
            sources[relation] = max(("both", "model", "rules"), key=lambda k: (f1[k], k == "rules"))
        policy = ReadingPolicy("combined", threshold, sources)
        micro = read_with(parsed, policy).micro.scores[2]
        notes[str(threshold)] = {"micro_f1": round(micro, 4), "sources": sources}
        if best is None or micro > best[0]:
            best = (micro, policy)
    assert best is not None
    return best[1], notes
