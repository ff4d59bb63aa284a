"""Article relations: ``author``, ``published_by`` (header and byline) and ``cites`` (the body).

``cites`` needs a named outlet credited for information: "told Variety", "Deadline reported",
"(via Soompi)", "per Soompi", "according to the Hollywood Reporter". The publisher itself is never
cited, nor a company's own statement, nor unnamed sources. An outlet is an ``OUTLET`` entity (the
curated list) or an organisation whose name says it is a publication ("the Daily Record").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from showgraph.facts import Fact
from showgraph.nlp.aliases import fold
from showgraph.nlp.context import ArticleContext, label_spans, token_list
from showgraph.nlp.lexicon import (
    BYLINE_TAIL,
    FINDING_NOUNS,
    MEASURE_NOUNS,
    MEDIUM_NOUNS,
    PUBLICATION_OPENERS,
    PUBLICATION_WORDS,
    REPORT_VERBS,
    SHARED_PUBLICATION_WORDS,
    TOLD_VERBS,
)
from showgraph.nlp.relations import rules

BYLINE = re.compile(r"^\s*(?:By|Written by|Words by)\s+([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})", re.M)
ABOUT_AUTHOR = re.compile(r"About (?:The|the) Author:\s*([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})")


def _names(value: str) -> list[str]:
    parts = re.split(r"\s*(?:,|&|\band\b)\s*", value)
    return [p.strip() for p in parts if p.strip()]


def _byline_name(raw: str) -> str:
    words = raw.split()
    while words and words[-1].rstrip(":") in BYLINE_TAIL:
        words.pop()
    return " ".join(words).rstrip(":")


def article_facts(doc_span: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``author`` and ``published_by`` from the header, and authors from a byline in the body."""
    article = ctx.article
    doc = doc_span.doc
    if not len(doc):
        return
    anchor = doc[0]
    authors: list[str] = []
    if article.author:
        authors.extend(_names(article.author))
    head = article.body[:400]
    for match in BYLINE.finditer(head):
        authors.append(_byline_name(match.group(1)))
    for match in ABOUT_AUTHOR.finditer(article.body):
        authors.append(_byline_name(match.group(1)))
    seen: set[str] = set()
    for author in authors:
        if not author or (" " not in author and not article.author) or fold(author) in seen:
            continue
        seen.add(fold(author))
        yield ctx.fact("author", "article", author, anchor, "article.author", object_kind="Person")
    if article.source:
        yield ctx.fact(
            "published_by", "article", article.source.strip(), anchor, "article.source", object_kind="Organization"
        )


article_facts.scope = "article"  # type: ignore[attr-defined]
rules.register("article.header", func=article_facts)


def _outlet(token: Token, ctx: ArticleContext) -> str | None:
    """The outlet a token names, if it names a publication (not the article's own publisher)."""
    ent = ctx.entity(token)
    if ent is None:
        return None
    if ent.label_ == "OUTLET":
        name = ent.ent_id_ or ent.text
    elif ent.label_ in ("ORG", "WORK_OF_ART", "PERSON") and _publication_name(ent):
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I).strip()
        name = re.sub(r"['’]s$", "", name)
    else:
        return None
    source = ctx.article.source or ""
    if source and (fold(name) == fold(source) or fold(name).startswith(fold(source))):
        return None
    return name


def _publication_name(ent: Span) -> bool:
    """Whether a name the outlet list does not know reads as a publication's: it ends in a publication
    word ("the Daily Record", "Beijing News"), not merely contains one ("Standard Chartered", "Jim
    Press", "the European Medicines Agency"); a lone word needs "the" ("the Mirror", not "People").
    A person-labelled name counts only when it opens like a paper's ("Sunday Mirror")."""
    words = [t for t in ent if not t.is_punct]
    if not words or words[-1].lower_ not in PUBLICATION_WORDS:
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    opener = words[0].lower_ in PUBLICATION_OPENERS or (before is not None and before.lower_ == "the")
    if len(words) == 1 or ent.label_ == "PERSON" or words[-1].lower_ in SHARED_PUBLICATION_WORDS:
        return opener
    return True


def cites(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """Outlets the article credits: told X, X reported, via X, per X, according to X."""
    doc = sent.doc
    for label in ("OUTLET", "ORG", "WORK_OF_ART", "PERSON"):
        for ent in label_spans(doc, label, sent.start, sent.end):
            name = _outlet(ent[0], ctx)
            if name is not None and _credited(ent):
                yield ctx.fact("cites", "article", name, ent, "article.cites", object_kind="Organization")


def _credited(ent: Span) -> bool:
    doc = ent.doc
    before = [t for t in doc[max(ent.sent.start, ent.start - 3) : ent.start] if not t.is_space]
    words = [t.lower_ for t in before]
    if (words and words[-1] in ("via", "per")) or words[-2:] == ["according", "to"]:
        return True
    if words[-3:-1] == ["according", "to"] and words[-1] == "the":
        return True
    if words and words[-1] in ("by",) and len(words) > 1 and words[-2] in ("reported", "revealed", "confirmed"):
        return True
    if words[-2:] in (["interview", "with"], ["speaking", "to"], ["talking", "to"], ["report", "in"]):
        return True
    root = ent.root
    head = root.head
    if root.dep_ in ("nsubj",) and head.lemma_.lower() in REPORT_VERBS:
        # A paper is singular: "People were saying" / "People say" is the common noun, not the magazine.
        verbs = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
        return not any(v.tag_ == "VBP" or v.lower_ in ("were", "are", "have") for v in verbs)
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() in TOLD_VERBS:
        return head.lemma_.lower() in ("tell", "give") or root.dep_ == "dative"
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in TOLD_VERBS:
        return True
    return bool(root.dep_ == "poss" and head.lower_ in ("report", "reports", "interview", "sources"))


def _name_run(doc, start: int, end: int) -> tuple[str, int] | None:
    """The capitalised name that starts at ``start`` ("Radio Times", "Nielsen"), and its end."""
    index = start
    while index < end and (doc[index].is_title or doc[index].is_upper) and doc[index].is_alpha:
        index += 1
    if index == start:
        return None
    return doc[start:index].text, index


def _is_outlet(token: Token, ctx: ArticleContext) -> bool:
    ent = ctx.entity(token)
    return ent is not None and ent.label_ in {"OUTLET", "AGGREGATOR"}


def credited_findings(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """Outlets credited for a finding: "in a poll by listings magazine X", "according to the X ratings
    system" (a ratings agency or a publication, whatever the tagger calls it)."""
    doc = sent.doc
    source = fold(ctx.article.source or "")
    for token in token_list(sent):
        found = None
        if token.lower_ == "by" and token.i > sent.start and doc[token.i - 1].lemma_.lower() in FINDING_NOUNS:
            index = token.i + 1 + (token.i + 1 < sent.end and doc[token.i + 1].lower_ == "the")
            medium = False
            while index < sent.end and doc[index].lower_ in MEDIUM_NOUNS:
                medium, index = True, index + 1
            found = _name_run(doc, index, sent.end)
            # "a poll by listings magazine X" (the medium says it), or a known outlet
            if found and not (medium or _is_outlet(doc[found[1] - 1], ctx)):
                found = None
        elif token.lower_ == "according" and token.i + 2 < sent.end and doc[token.i + 1].lower_ == "to":
            index = token.i + 2 + (doc[token.i + 2].lower_ == "the")
            run = _name_run(doc, index, sent.end)
            # "according to the X ratings system" (a ratings measurer), or a known outlet's poll
            measured = run is not None and run[1] < sent.end and doc[run[1]].lower_ in MEASURE_NOUNS
            if measured and (doc[run[1]].lower_ == "ratings" or _is_outlet(doc[run[1] - 1], ctx)):
                found = run
        if found is None:
            continue
        name, end = found
        if end < sent.end and (doc[end].like_num or doc[end].lower_ in {"for", "of"}):
            continue  # "BBC Radio 2 listeners", "the Society for ...": the name goes on
        ent = ctx.entity(doc[end - 1])
        if ent is not None and ent.label_ in {"PERSON", "SHOW", "PLATFORM"}:
            continue  # "according to the BBC ...": a broadcaster's own statement; a person is no outlet
        if source and fold(name) == source:
            continue
        yield ctx.fact("cites", "article", name, doc[token.i : end], "article.cites", object_kind="Organization")


rules.register("article.cites", func=cites)
rules.register("article.credited_findings", func=credited_findings)
