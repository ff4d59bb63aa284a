"""Graph building: one article and its facts in, one RDF graph out, exactly as docs/MODEL.md says.

Every fact becomes a claim node carrying its status, qualifiers and evidence, so what an article
*alleges* is never confused with what it *states*; only confirmed, reported, admitted and scheduled
facts also become direct edges for quick queries. Entity IRIs are slugs of names, so the same
person read in two articles is one node.

>>> from showgraph.facts import ArticleFacts, Evidence, Fact
>>> from showgraph.readers import Article
>>> article = Article("Glory cast", "Song Hye-kyo plays Moon Dong-eun.")
>>> fact = Fact("plays", "Song Hye-kyo", "Moon Dong-eun",
...             evidence=Evidence(article.id, "Song Hye-kyo plays Moon Dong-eun.", 0, 33, "plays.verb"))
>>> graph = article_graph(article, ArticleFacts(article.id, [fact]))
>>> (entity_iri("Song Hye-kyo", "Person"), SG.plays, entity_iri("Moon Dong-eun", "Character")) in graph
True
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from showgraph.facts import (
    ARTICLE_RELATIONS,
    RELATIONS,
    SEASON_STATUSES,
    STATUSES,
    ArticleFacts,
    Fact,
)
from showgraph.readers import Article

SG = Namespace("https://w3id.org/showgraph/ontology#")
SGID = Namespace("https://w3id.org/showgraph/id/")
SGART = Namespace("https://w3id.org/showgraph/article/")
SGQ = Namespace("https://w3id.org/showgraph/quarantine/")
SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
#: An open namespace: rdflib's closed XSD warns whenever pytest's doctest collector probes it.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

#: Prefixes bound on every graph this module builds (and used by serialisations downstream).
#: ``sgid:person/x`` is not a legal prefixed name in Turtle or SPARQL (no ``/`` in local names),
#: so each entity folder has its own prefix: ``person:ahn-gil-ho``.
PREFIXES: dict[str, Namespace] = {
    "sg": SG,
    "sgid": SGID,
    "person": Namespace(SGID["person/"]),
    "show": Namespace(SGID["show/"]),
    "character": Namespace(SGID["character/"]),
    "org": Namespace(SGID["org/"]),
    "sgart": SGART,
    "sgq": SGQ,
    "schema": SCHEMA,
    "prov": PROV,
    "oa": OA,
    "skos": SKOS,
    "rdfs": RDFS,
    "xsd": XSD,
}

#: Entity kind -> IRI folder. Show and Work share one folder, as do all organisations.
KIND_FOLDERS: dict[str, str] = {
    "Person": "person",
    "Show": "show",
    "Work": "show",
    "Character": "character",
    "Organization": "org",
    "Platform": "org",
    "Agent": "org",
}

#: Entity kind -> ontology class.
KIND_CLASSES: dict[str, URIRef] = {kind: SG[kind] for kind in KIND_FOLDERS}

AGENT_KINDS = ("Agent", "Person", "Organization", "Platform")
_KINDS_ACCEPTED: dict[str, tuple[str, ...]] = {
    "Agent": AGENT_KINDS,
    "Organization": ("Organization", "Platform"),
    "Work": ("Work", "Show"),
}


def accepted_kinds(kind: str) -> tuple[str, ...]:
    """The entity kinds that may fill a slot the relation vocabulary types as ``kind``.

    >>> accepted_kinds("Organization")
    ('Organization', 'Platform')
    >>> accepted_kinds("Person")
    ('Person',)
    """
    return _KINDS_ACCEPTED.get(kind, (kind,))


#: Per relation: the entity kinds its subject may have (the first is the default).
SUBJECT_KINDS: dict[str, tuple[str, ...]] = {
    relation: ("Article",) if relation in ARTICLE_RELATIONS else accepted_kinds(spec.subject)
    for relation, spec in RELATIONS.items()
}
# FORMAT.md: an award goes to "show or person".
for _award in ("won_award", "nominated_for"):
    SUBJECT_KINDS[_award] = (*AGENT_KINDS, "Show", "Work")

#: Per relation whose object is an entity: the kinds the object may have (the first is the default).
OBJECT_KINDS: dict[str, tuple[str, ...]] = {
    relation: accepted_kinds(spec.object) for relation, spec in RELATIONS.items() if spec.object != "Literal"
}

#: Qualifiers whose value is an entity, and the kinds it may have.
QUALIFIER_KINDS: dict[str, tuple[str, ...]] = {
    "show": ("Show",),
    "platform": ("Platform",),
    "source": AGENT_KINDS,
}

#: Statuses that also become direct edges; the others exist only as claims.
DIRECT_STATUSES = frozenset({"confirmed", "reported", "admitted", "scheduled"})


def _camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(part.capitalize() for part in rest)


def relation_property(relation: str) -> URIRef:
    """The property of a relation: snake_case becomes camelCase.

    >>> relation_property("directed_by") == SG.directedBy
    True
    """
    return SG[_camel(relation)]


def claim_class(relation: str) -> URIRef:
    """The relation-specific claim class (``sg:PlaysClaim``), which the SHACL shapes target.

    >>> claim_class("released_on") == SG.ReleasedOnClaim
    True
    """
    return SG[_camel(relation)[0].upper() + _camel(relation)[1:] + "Claim"]


STATUS_IRIS: dict[str, URIRef] = {status: SG[status] for status in STATUSES}
SEASON_STATUS_IRIS: dict[str, URIRef] = {status: SG[_camel(status)] for status in SEASON_STATUSES}
RELATION_PROPERTIES: dict[str, URIRef] = {relation: relation_property(relation) for relation in RELATIONS}
CLAIM_CLASSES: dict[str, URIRef] = {relation: claim_class(relation) for relation in RELATIONS}
#: The relation name of each relation property's IRI (the inverse of RELATION_PROPERTIES).
RELATION_BY_PROPERTY: dict[str, str] = {str(iri): relation for relation, iri in RELATION_PROPERTIES.items()}


def local_name(iri: object) -> str:
    """The last segment of an IRI, for display and for status or rank names.

    >>> local_name("https://w3id.org/showgraph/ontology#confirmed"), local_name("https://w3id.org/showgraph/id/show/glory")
    ('confirmed', 'glory')
    """
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


#: Extra types some claims carry so schema.org-aware tools read them (MODEL.md).
_EXTRA_CLAIM_TYPES: dict[str, tuple[URIRef, ...]] = {
    "plays": (SCHEMA.PerformanceRole,),
    "released_on": (SCHEMA.PublicationEvent,),
    "accused_of": (SG.Allegation,),
    "rating": (SCHEMA.Rating,),
    "viewership": (SG.ViewershipFigure,),
}

_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_NON_ALNUM = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"the[\W_]+")
_DATE_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)
_IRI_UNSAFE = re.compile(r'[\s<>"{}|\\^`]')


def slug(name: str, *, drop_leading_the: bool = False) -> str:
    """The IRI slug of a name: accents dropped, case folded, apostrophes dropped, other runs of
    non-alphanumerics become ``-``.

    >>> slug("Ahn Gil Ho"), slug("Ahn Gil-ho"), slug("Zoë O'Brien"), slug("Grey’s Anatomy")
    ('ahn-gil-ho', 'ahn-gil-ho', 'zoe-obrien', 'greys-anatomy')
    >>> slug("The Glory", drop_leading_the=True), slug("The", drop_leading_the=True)
    ('glory', 'the')
    >>> slug("...")[:2]  # nothing alphanumeric left: a hash of the name keeps it distinct
    'x-'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFC", text).casefold())
    if drop_leading_the:
        match = _LEADING_THE.match(text)
        if match and _NON_ALNUM.sub("", text[match.end() :]):
            text = text[match.end() :]
    result = _NON_ALNUM.sub("-", text).strip("-")
    return result or "x-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def entity_iri(name: str, kind: str) -> URIRef:
    """One IRI per entity across articles: the kind's folder plus the slug of the name.

    >>> str(entity_iri("Ahn Gil Ho", "Person"))
    'https://w3id.org/showgraph/id/person/ahn-gil-ho'
    >>> entity_iri("Ahn Gil-ho", "Person") == entity_iri("Ahn Gil Ho", "Person")
    True
    >>> str(entity_iri("The Glory", "Show")), str(entity_iri("Netflix", "Platform"))
    ('https://w3id.org/showgraph/id/show/glory', 'https://w3id.org/showgraph/id/org/netflix')
    """
    try:
        folder = KIND_FOLDERS[kind]
    except KeyError:
        raise ValueError(f"unknown entity kind {kind!r}; expected one of {sorted(KIND_FOLDERS)}") from None
    return SGID[f"{folder}/{slug(name, drop_leading_the=folder == 'show')}"]


def article_iri(article_id: str) -> URIRef:
    """The article node's IRI (also the name of its graph).

    >>> str(article_iri("abc123"))
    'https://w3id.org/showgraph/article/abc123'
    """
    return SGART[article_id]


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds one article's accepted facts: the article's own IRI."""
    return SGART[article_id]


def quarantine_iri(article_id: str) -> URIRef:
    """The named graph for an article's claims that broke a shape, with the SHACL report.

    >>> str(quarantine_iri("abc123"))
    'https://w3id.org/showgraph/quarantine/abc123'
    """
    return SGQ[article_id]


def claim_iri(article_id: str, fact: Fact) -> URIRef:
    """A claim's IRI: the article IRI plus a hash of the fact key, so re-loads give the same IRI."""
    key = json.dumps(fact.key(), default=str, ensure_ascii=False)
    return SGART[f"{article_id}/claim/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"]


def date_literal(text: str | int) -> Literal:
    """An ISO date of precision Y, YM or YMD as xsd:gYear / xsd:gYearMonth / xsd:date.

    Anything else (an impossible date, free text) stays a plain string, which the shapes reject,
    so bad dates land in quarantine rather than crash graph building.

    >>> date_literal("2023-03").datatype == XSD.gYearMonth, date_literal(2022).datatype == XSD.gYear
    (True, True)
    >>> date_literal("2022-13-45").datatype is None
    True
    """
    text = str(text).strip()
    for pattern, datatype in _DATE_FORMS:
        if pattern.fullmatch(text):
            try:
                date.fromisoformat((text + "-01-01")[:10])
            except ValueError:
                break
            return Literal(text, datatype=datatype)
    return Literal(text)


def _integer_literal(value: str | int) -> Literal:
    """An xsd:integer where the value is one (``5``, ``"5"``), else a plain string for the shapes."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Literal(value)
    text = str(value).strip()
    if re.fullmatch(r"[+-]?\d+", text):
        return Literal(int(text))
    return Literal(text)


def _iri_of_url(url: str) -> URIRef:
    return URIRef(_IRI_UNSAFE.sub(lambda match: f"%{ord(match.group()):02X}", url.strip()))


class _Builder:
    """Accumulates one article's triples; knows the article's entity map."""

    def __init__(self, article: Article, facts: ArticleFacts) -> None:
        self.article = article
        self.article_node = article_iri(article.id)
        self.entity_kinds: dict[str, str] = {name: kind for name, (kind, _) in facts.entities.items()}
        self.graph = Graph(identifier=graph_iri(article.id), bind_namespaces="none")
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        self.add = self.graph.add
        self.typed: set[tuple[URIRef, URIRef]] = set()
        self.labels: dict[URIRef, set[str]] = {}

    def entity(self, name: str, kinds: tuple[str, ...], explicit: str | None = None) -> URIRef:
        """The node of a named entity in a slot accepting ``kinds``; declared once per kind."""
        kind = explicit if explicit in KIND_FOLDERS else None
        if kind is None:
            known = self.entity_kinds.get(name)
            kind = known if known in kinds else kinds[0]
        node = entity_iri(name, kind)
        if (node, KIND_CLASSES[kind]) not in self.typed:
            self.typed.add((node, KIND_CLASSES[kind]))
            self.add((node, RDF.type, KIND_CLASSES[kind]))
        self.name(node, name)
        return node

    def name(self, node: URIRef, name: str) -> None:
        """The first name a node is given is its label; later, different ones are alternatives."""
        names = self.labels.get(node)
        if names is None:
            self.labels[node] = {name}
            self.add((node, RDFS.label, Literal(name)))
        elif name not in names:
            names.add(name)
            self.add((node, SKOS.altLabel, Literal(name)))

    def article_node_triples(self) -> None:
        article, node = self.article, self.article_node
        for cls in (SG.Article, SCHEMA.NewsArticle, PROV.Entity):
            self.add((node, RDF.type, cls))
        self.add((node, SCHEMA.headline, Literal(article.title)))
        if article.url:
            self.add((node, SCHEMA.url, _iri_of_url(article.url)))
        if article.published:
            published = date_literal(article.published)
            if published.datatype is not None:  # metadata: a date we cannot read is left out
                self.add((node, SCHEMA.datePublished, published))
        if article.source:
            self.add((node, SG.sourceName, Literal(article.source)))
        if article.path:
            self.add((node, SG.file, Literal(article.name)))

    def entity_map_triples(self, entities: dict[str, tuple[str, set[str]]]) -> None:
        for name, (kind, variants) in entities.items():
            if kind not in KIND_FOLDERS:
                continue
            node = self.entity(name, (kind,))
            for variant in sorted(variants):
                self.name(node, variant)

    def fact_triples(self, fact: Fact, claim: URIRef) -> None:
        add, relation = self.add, fact.relation
        prop = RELATION_PROPERTIES[relation]
        add((claim, RDF.type, SG.Claim))
        add((claim, RDF.type, CLAIM_CLASSES[relation]))
        for cls in _EXTRA_CLAIM_TYPES.get(relation, ()):
            add((claim, RDF.type, cls))
        add((claim, SG.relation, prop))

        if relation in ARTICLE_RELATIONS:
            subject: URIRef = self.article_node
        else:
            subject = self.entity(fact.subject, SUBJECT_KINDS[relation], fact.subject_kind)
        add((claim, SG.subject, subject))

        target: URIRef | Literal
        if relation in OBJECT_KINDS:
            target = self.entity(str(fact.object), OBJECT_KINDS[relation], fact.object_kind)
            add((claim, SG.object, target))
        elif relation == "season_status" and fact.object in SEASON_STATUS_IRIS:
            target = SEASON_STATUS_IRIS[str(fact.object)]
            add((claim, SG.object, target))
        else:
            if relation == "released_on":
                target = date_literal(fact.object)
            elif relation in ("episode_count", "age"):
                target = _integer_literal(fact.object)
            else:
                target = Literal(str(fact.object))
            add((claim, SG.value, target))
        add((claim, SG.status, STATUS_IRIS[fact.status]))

        qualifiers = fact.qualifiers
        for key, value in qualifiers.items():
            if key in QUALIFIER_KINDS:
                add((claim, SG[key], self.entity(str(value), QUALIFIER_KINDS[key])))
            elif key == "season":
                add((claim, SG.season, _integer_literal(value)))
            elif key == "date":
                add((claim, SG.date, date_literal(value)))
            else:  # period, category
                add((claim, SG[key], Literal(str(value))))

        add((claim, PROV.wasDerivedFrom, self.article_node))
        evidence = fact.evidence
        if evidence is not None:
            add((claim, SG.rule, Literal(evidence.rule)))
            for cue in evidence.cues:
                add((claim, SG.cue, Literal(cue)))
            resource = URIRef(f"{claim}/evidence")
            position = URIRef(f"{resource}/position")
            quote = URIRef(f"{resource}/quote")
            add((claim, SG.evidence, resource))
            add((resource, RDF.type, OA.SpecificResource))
            add((resource, OA.hasSource, self.article_node))
            add((resource, OA.hasSelector, position))
            add((resource, OA.hasSelector, quote))
            add((position, RDF.type, OA.TextPositionSelector))
            add((position, OA.start, Literal(evidence.start, datatype=XSD.integer)))
            add((position, OA.end, Literal(evidence.end, datatype=XSD.integer)))
            add((quote, RDF.type, OA.TextQuoteSelector))
            add((quote, OA.exact, Literal(evidence.sentence)))

        # schema.org shapes (MODEL.md), so schema.org-aware tools read the claim
        if relation == "plays":
            add((claim, SCHEMA.actor, subject))
            add((claim, SCHEMA.characterName, Literal(str(fact.object))))
            if "show" in qualifiers:
                add((self.entity(str(qualifiers["show"]), QUALIFIER_KINDS["show"]), SCHEMA.actor, claim))
        elif relation == "released_on":
            add((claim, SCHEMA.startDate, target))
            if "platform" in qualifiers:
                platform = self.entity(str(qualifiers["platform"]), QUALIFIER_KINDS["platform"])
                add((claim, SCHEMA.publishedOn, platform))
        elif relation == "rating":
            add((claim, SCHEMA.ratingValue, target))

        if fact.status in DIRECT_STATUSES:
            add((subject, prop, target))


def article_graph(article: Article, facts: ArticleFacts | Iterable[Fact]) -> Graph:
    """The RDF of one article: its node, its entities, one claim per fact, direct edges.

    The graph's identifier is the article's graph IRI; loading it replaces that named graph.
    Facts with the same key (relation, subject, object, qualifiers) are one claim: the first wins.
    """
    if not isinstance(facts, ArticleFacts):
        facts = ArticleFacts(article.id, list(facts))
    if facts.article_id != article.id:
        raise ValueError(
            f"facts are for article {facts.article_id!r} but the article's id is {article.id!r}; "
            "pass the ArticleFacts extracted from this article"
        )
    builder = _Builder(article, facts)
    builder.article_node_triples()
    builder.entity_map_triples(facts.entities)
    seen: set[URIRef] = set()
    for fact in facts.facts:
        claim = claim_iri(article.id, fact)
        if claim in seen:
            continue
        seen.add(claim)
        builder.fact_triples(fact, claim)
    return builder.graph
