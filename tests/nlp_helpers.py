"""Small helpers for the NLP tests: run the extractor over a made-up article."""

from __future__ import annotations

from showgraph.nlp.extract import extract_article
from showgraph.readers import Article


def facts_of(nlp, body: str, title: str = "A test article", **header) -> list[tuple]:
    """(relation, subject, object) of every fact extracted from a one-off article."""
    result = extract_article(Article(title=title, body=body, **header), nlp)
    return [(f.relation, f.subject, f.object) for f in result.facts]


def full_facts(nlp, body: str, title: str = "A test article", **header):
    return extract_article(Article(title=title, body=body, **header), nlp)
