"""Articles in, facts out: parse, build the :class:`ArticleContext`, run every rule, merge.

>>> from showgraph.readers import Article
>>> facts = extract_article(Article("A test", "Nothing to see here."), _test_nlp())
>>> facts.facts
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from showgraph.facts import ARTICLE_RELATIONS, ArticleFacts, Evidence, Fact
from showgraph.nlp.aliases import AliasTable, build_aliases, fold
from showgraph.nlp.context import ArticleContext, Rule, reset_indexes
from showgraph.nlp.learned.read import ReadingPolicy, combine, learned_facts
from showgraph.nlp.relations import all_rules
from showgraph.nlp.status import merge_statuses
from showgraph.readers import Article

#: Kinds of entity that get an entry in ``ArticleFacts.entities`` (values, articles do not).
ENTITY_KINDS = frozenset({"Person", "Show", "Character", "Organization", "Platform", "Agent", "Work"})


def extract_article(article: Article, nlp: Language) -> ArticleFacts:
    """Every fact one article states, de-duplicated, with the entities they name."""
    return facts_from_doc(article, nlp(_make_doc(article, nlp)))


def parse_articles(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parse, in order, parsing bodies in batches with ``nlp.pipe``.

    ``n_process`` > 1 parses in that many worker processes (the rules still run in this one).
    """
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield _make_doc(article, nlp)

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        yield pending.pop(0), doc


def extract_articles(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[ArticleFacts]:
    """Facts for each article in order, parsing bodies in batches with ``nlp.pipe``."""
    for article, doc in parse_articles(articles, nlp, batch_size=batch_size, n_process=n_process):
        yield facts_from_doc(article, doc)


def _make_doc(article: Article, nlp: Language) -> Doc:
    doc = nlp.make_doc(article.body)
    doc._.title = article.title
    return doc


def build_context(article: Article, doc: Doc) -> ArticleContext:
    """The context the rules read: shows (main first), aliases, the publication date."""
    reset_indexes(doc)
    table = build_aliases(doc)
    ctx = ArticleContext(
        article=article,
        doc=doc,
        shows=list(doc._.shows),
        published=parse_published(article.published),
        canonical=table.canonical,
        aliases=table,
    )
    for name, forms in table.variants.items():
        ctx.variants.setdefault(name, set()).update(forms)
        ctx.kinds.setdefault(name, "Person")
    for show in ctx.shows:
        ctx.kinds[show] = "Show"
        ctx.variants.setdefault(show, set())
    for ent in doc.ents:
        if ent.label_ == "SHOW" and ent.kb_id_ in ctx.variants:
            ctx.variants[ent.kb_id_].add(ent.text)
        elif ent.label_ in ("PLATFORM", "OUTLET", "AGGREGATOR"):
            name = ent.ent_id_ or ent.text
            ctx.kinds.setdefault(name, "Platform" if ent.label_ == "PLATFORM" else "Organization")
            ctx.variants.setdefault(name, set()).add(ent.text)
    return ctx


def parse_published(value: str | None) -> date | None:
    """The header's ``Published:`` value as a date (a month or year alone: its first day).

    >>> parse_published("2019-07-09"), parse_published("2021-08"), parse_published(None)
    (datetime.date(2019, 7, 9), datetime.date(2021, 8, 1), None)
    """
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or 1, match.group(3) or 1
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def facts_from_doc(article: Article, doc: Doc) -> ArticleFacts:
    """Run every registered rule over a parsed article and merge what they find.

    Rules run by ``scope``: ``article`` rules (handed the whole document) first, then ``sentence``
    rules sentence by sentence, then ``late`` rules sentence by sentence, which may read what the
    others found in ``ctx.memo["found"]`` (e.g. who the article's cast members are).
    """
    ctx = build_context(article, doc)
    found = combine_with_learned(rule_facts(doc, ctx), doc, ctx)
    facts = merge_facts(_canonicalise(found, ctx))
    return ArticleFacts(article.id, facts, entities_of(facts, ctx))


def rule_facts(doc: Doc, ctx: ArticleContext) -> list[Fact]:
    """What the registered rules read in a parsed article, by scope (see :func:`facts_from_doc`)."""
    found: list[Fact] = []
    by_scope = rules_by_scope()
    for rule in by_scope["article"]:
        found.extend(rule(doc[:], ctx))
    sentences = list(doc.sents)
    for sent in sentences:
        for rule in by_scope["sentence"]:
            found.extend(rule(sent, ctx))
    if by_scope["late"]:
        ctx.memo["found"] = list(found)
        for sent in sentences:
            for rule in by_scope["late"]:
                found.extend(rule(sent, ctx))
    reset_indexes(doc)  # the indexes hold spans: drop them so the doc can still be serialised
    return found


def combine_with_learned(found: list[Fact], doc: Doc, ctx: ArticleContext) -> list[Fact]:
    """The rules' facts (``found``) and the relation classifier's, as the reading policy says (rules
    alone where the pipeline has no trained classifier)."""
    if "showgraph_relations" not in doc.user_data:
        return found
    policy = reading_policy()
    if policy.mode == "rules":
        return found
    return combine(found, learned_facts(doc, ctx, policy.threshold), policy)


@cache
def reading_policy() -> ReadingPolicy:
    """The shipped reading policy with the environment's overrides (read once per process)."""
    from showgraph.nlp.learned.train import MODELS, RELATIONS_DIR

    return ReadingPolicy.load(MODELS / RELATIONS_DIR)


@cache
def rules_by_scope() -> dict[str, list[Rule]]:
    """The registered rules grouped by ``scope`` (read once per process: the registry reads entry
    points each time it is asked)."""
    by_scope: dict[str, list[Rule]] = {"article": [], "sentence": [], "late": []}
    for rule in all_rules().values():
        by_scope.setdefault(getattr(rule, "scope", "sentence"), []).append(rule)  # type: ignore[arg-type]
    return by_scope


def _canonicalise(facts: list[Fact], ctx: ArticleContext) -> list[Fact]:
    out = []
    table: AliasTable | None = ctx.aliases
    for fact in facts:
        subject, obj = fact.subject, fact.object
        if table is not None and fact.subject_type in ("Person", "Agent") and fact.relation not in ARTICLE_RELATIONS:
            subject = table.canonical(subject)
        if table is not None and isinstance(obj, str) and fact.object_type in ("Person", "Agent"):
            obj = table.canonical(obj)
        if (subject, obj) != (fact.subject, fact.object):
            fact = Fact(
                fact.relation,
                subject,
                obj,
                dict(fact.qualifiers),
                fact.status,
                fact.evidence,
                fact.subject_kind,
                fact.object_kind,
            )
        out.append(fact)
    return out


def _merge_key(fact: Fact) -> tuple:
    obj = fact.object if isinstance(fact.object, int) else fold(str(fact.object))
    return (fact.relation, fold(fact.subject), obj)


def merge_facts(facts: list[Fact]) -> list[Fact]:
    """One fact per statement: same relation, subject and object (names folded) merge into one.

    Qualifiers are united (the first value wins a conflict, except that different seasons stay
    separate facts); the status is the strongest the article gives (denied > admitted > confirmed >
    scheduled > reported > alleged > rumored > speculative: "reported, then denied" is denied);
    the evidence is the first statement's, its cues joined with the others'.
    """
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        key = _merge_key(fact)
        season = fact.qualifiers.get("season")
        # A season-less statement joins an existing group of the same fact, whatever its season.
        key = (*key, season) if season is not None else next((k for k in groups if k[:3] == key), key)
        groups.setdefault(key, []).append(fact)
    # A season-less group whose fact later appears with exactly one season folds into it.
    for key in [k for k in groups if len(k) == 3]:
        seasoned = [k for k in groups if len(k) == 4 and k[:3] == key]
        if len(seasoned) == 1:
            groups[seasoned[0]] = groups.pop(key) + groups[seasoned[0]]
    position = {id(f): i for i, f in enumerate(facts)}
    ordered = sorted(groups.values(), key=lambda g: min(position[id(f)] for f in g))
    return [_merge_group(group) for group in ordered]


def _merge_group(group: list[Fact]) -> Fact:
    group = sorted(group, key=lambda f: f.evidence.start if f.evidence else 0)
    first = group[0]
    if len(group) == 1:
        return first
    qualifiers: dict[str, str | int] = {}
    for fact in group:
        for key, value in fact.qualifiers.items():
            qualifiers.setdefault(key, value)
    status = merge_statuses(f.status for f in group)
    chosen = next(f for f in group if f.status == status)
    evidence = chosen.evidence
    if evidence is not None:
        cues = tuple(dict.fromkeys(c for f in group if f.status == status and f.evidence for c in f.evidence.cues))
        evidence = Evidence(evidence.article_id, evidence.sentence, evidence.start, evidence.end, evidence.rule, cues)
    subject_kind = next((f.subject_kind for f in group if f.subject_kind), None)
    object_kind = next((f.object_kind for f in group if f.object_kind), None)
    return Fact(first.relation, first.subject, first.object, qualifiers, status, evidence, subject_kind, object_kind)


def entities_of(facts: list[Fact], ctx: ArticleContext) -> dict[str, tuple[str, set[str]]]:
    """Canonical name -> (kind, variants) for every entity the facts name."""
    out: dict[str, tuple[str, set[str]]] = {}
    for fact in facts:
        ends = [(fact.object, fact.object_type)]
        if fact.relation not in ARTICLE_RELATIONS:
            ends.append((fact.subject, fact.subject_type))
        for name, kind in ends:
            if not isinstance(name, str) or kind not in ENTITY_KINDS:
                continue
            kind = ctx.kinds.get(name, kind) if kind == "Agent" else kind
            variants = set(ctx.variants.get(name, set())) - {name}
            if name in out:
                out[name][1].update(variants)
            else:
                out[name] = (kind, variants)
    return out


@cache
def _test_nlp() -> Language:  # pragma: no cover - doctest helper
    from showgraph.nlp.pipeline import load_pipeline

    return load_pipeline()
