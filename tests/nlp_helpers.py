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


#: Appended where a rule fires only in an article about screen work (one that names a platform).
SCREEN_WORK = " Its episodes stream on Hulu."


def run_rule(
    nlp,
    rule,
    body: str,
    *,
    screen_work: bool,
    title: str = "News",
    published: str | None = None,
    whole: bool = False,
) -> list:
    """The facts one rule finds in a one-off article: sentence by sentence, or over the whole text."""
    from showgraph.nlp.extract import build_context

    if screen_work:
        body += SCREEN_WORK
    article = Article(title=title, body=body, published=published)
    doc = nlp.make_doc(body)
    doc._.title = title
    doc = nlp(doc)
    ctx = build_context(article, doc)
    if whole:
        return list(rule(doc[:], ctx))
    return [fact for sent in doc.sents for fact in rule(sent, ctx)]


def triples(facts) -> set[tuple]:
    return {(f.relation, f.subject, f.object) for f in facts}
