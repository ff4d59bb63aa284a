"""The store as a network: entities as nodes, claims as labelled edges, and questions about it.

Everything here reads the claim nodes of docs/MODEL.md, not the direct edges, so alleged, rumored,
speculative and denied facts are in the picture too, each edge carrying its status (and the pictures
draw it: dashed for alleged, rumored and speculative, dotted for denied). Decisions:

- Nodes are entities (people, shows, characters, organisations, platforms, works), keyed by IRI, with
  ``label``, ``kind`` (class local name), ``iri``, ``colour`` and ``alt_labels``.
- Edges are claims whose object is an entity, keyed by the claim IRI, from subject to object, with
  ``relation``, ``label``, ``status``, ``article``, ``evidence`` and the qualifiers ``show``/``season``.
- Literal-valued facts (release dates, ages, genres, allegations, ...) are node attributes named by the
  relation, ``"; "``-joined, a non-confirmed status in brackets: ``accused_of="bullying (alleged)"``.
  ``season_status`` objects (``sg:renewed`` ...) count as values too.
- A ``plays`` claim with a ``show`` qualifier also gives an edge character -> show (relation
  ``in_show``, ``derived=True``, the claim's status and source), so characters hang off their show
  and a path from actor to actor reads "plays X, a character in S".
- Article-level relations (author, published_by, cites) are provenance, not part of the network.

The graph is a :class:`networkx.MultiDiGraph` with only strings, numbers and booleans as attribute
values, so GraphML and GEXF writers take it as it is.
"""

from __future__ import annotations

import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

import networkx as nx
from rdflib import Literal, URIRef

from showgraph.errors import EntityNotFoundError, QueryError
from showgraph.facts import ARTICLE_RELATIONS, RELATIONS, STATUSES
from showgraph.rdf import RELATION_BY_PROPERTY, SEASON_STATUS_IRIS, local_name, slug

if TYPE_CHECKING:
    from showgraph.store import QueryResult

__all__ = [
    "KIND_COLOURS",
    "NAMED_TOGETHER",
    "STATUS_STYLES",
    "EdgeStyle",
    "NetworkData",
    "PathStep",
    "build_network",
    "describe_path",
    "find_path",
    "find_path_in_store",
    "follow_changes",
    "load_neighbourhood",
    "load_network_data",
    "network_stats",
    "resolve_entities",
    "resolve_in_store",
    "to_cytoscape",
]

#: Node colour per entity class (colour-blind-safe Tableau 10); ``Entity`` for anything unclassed.
KIND_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "Show": "#f28e2b",
    "Character": "#59a14f",
    "Platform": "#e15759",
    "Organization": "#b07aa1",
    "Work": "#edc948",
    "Entity": "#bab0ac",
}

#: When an entity carries several classes, the first of these it has names its kind.
KIND_ORDER = ("Person", "Show", "Character", "Platform", "Organization", "Work")


@dataclass(frozen=True)
class EdgeStyle:
    """How an edge of one status is drawn: ``line`` is solid, dashed or dotted."""

    line: str
    colour: str


#: Edge style per status: solid for what the article states, dashed for what it only reports as
#: alleged, rumored or speculative, dotted for what is denied.
STATUS_STYLES: dict[str, EdgeStyle] = {
    "confirmed": EdgeStyle("solid", "#4d4d4d"),
    "reported": EdgeStyle("solid", "#8c8c8c"),
    "admitted": EdgeStyle("solid", "#9c6b30"),
    "scheduled": EdgeStyle("solid", "#1f77b4"),
    "alleged": EdgeStyle("dashed", "#d62728"),
    "rumored": EdgeStyle("dashed", "#ff7f0e"),
    "speculative": EdgeStyle("dashed", "#9467bd"),
    "denied": EdgeStyle("dotted", "#7f7f7f"),
}

#: Statuses a path or a centrality is not built on by default: a denied role is not a connection.
UNRELIABLE_FOR_PATHS = frozenset({"denied"})
#: Statuses a path avoids when it can (each such hop costs as much as this many solid ones).
_WEAK_STATUSES = frozenset({"alleged", "rumored", "speculative"})
_WEAK_COST = 1.5
#: Extra cost of a hop through a channel or a production company: many shows share one, so a path
#: through it says little about how two people know each other.
_RELATION_COSTS = {"platform": 2.0, "produced_by": 1.0}
#: Cost of an article hop (entity -> an article that names it -> another entity it names), the last
#: resort of a path: dearer than any one claim (4.5 at most) and than six stated claims in a row, so a
#: chain of claims wins where there is a fair one, and two people named in one article are not linked
#: through a channel and a dozen shows.
_ARTICLE_HOP_COST = 6.5
#: The relation of an article hop in a :class:`PathStep`.
NAMED_TOGETHER = "named_together"

#: The derived character -> show edge (see the module docstring).
IN_SHOW = "in_show"

_RELATION_LABELS = {
    "cast_member": "cast member",
    "directed_by": "directed by",
    "written_by": "written by",
    "created_by": "created by",
    "produced_by": "produced by",
    "presented_by": "presented by",
    "adapted_from": "adapted from",
    "represented_by": "represented by",
    IN_SHOW: "in",
}

_SEASON_STATUS_BY_IRI = {str(iri): name for name, iri in SEASON_STATUS_IRIS.items()}

_PREFIXES = """\
PREFIX sg: <https://w3id.org/showgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
_CLASSES_QUERY = (
    _PREFIXES + "SELECT DISTINCT ?e ?class WHERE { VALUES ?class { sg:Person sg:Show sg:Character sg:Platform "
    "sg:Organization sg:Work } ?e a ?class }"
)
_LABELS_QUERY = _PREFIXES + "SELECT ?e ?label WHERE { ?e rdfs:label ?label }"
_ALT_LABELS_QUERY = _PREFIXES + "SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
_NAMED_IN_QUERY = _PREFIXES + "SELECT DISTINCT ?e ?a WHERE { GRAPH ?a { ?a a sg:Article . ?e sg:articleLabel ?name } }"
_ARTICLES_QUERY = (
    _PREFIXES + "SELECT ?a (SAMPLE(?h) AS ?title) (SAMPLE(?u) AS ?url) WHERE { ?a a sg:Article . "
    "OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:url ?u } } GROUP BY ?a"
)
_CLAIMS_QUERY = (
    _PREFIXES
    + """SELECT ?claim ?relation ?subject ?object ?value ?status ?article ?show ?season ?sentence ?rank WHERE {
  ?claim a sg:Claim ; sg:relation ?relation ; sg:subject ?subject ; sg:status ?status ;
         prov:wasDerivedFrom ?article .
  OPTIONAL { ?claim sg:object ?object }
  OPTIONAL { ?claim sg:value ?value }
  OPTIONAL { ?claim sg:show ?show }
  OPTIONAL { ?claim sg:season ?season }
  OPTIONAL { ?claim sg:evidence/oa:hasSelector/oa:exact ?sentence }
  OPTIONAL { ?claim sg:rank ?rank }
}"""
)


class Queryable(Protocol):
    """Anything that answers SPARQL like :meth:`showgraph.core.ShowGraph.query` (a ShowGraph, a Store)."""

    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None) -> QueryResult: ...


@dataclass
class Entity:
    """An entity as the network knows it: one IRI, its best label, its kind and its other names."""

    iri: str
    label: str
    kind: str = "Entity"
    alt_labels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Claim:
    """One stored claim, as the network reads it (``relation`` in snake_case, ``status`` its name)."""

    iri: str
    relation: str
    subject: str
    status: str
    article: str
    object: str | None = None
    value: str | None = None
    show: str | None = None
    season: int | None = None
    evidence: str | None = None
    #: preferred, normal or deprecated (showgraph.ranking), where ranks have been computed.
    rank: str | None = None


@dataclass
class NetworkData:
    """What the network is built from: entities, claims and article titles, read in four queries, and
    (for paths) the articles that name each entity."""

    entities: dict[str, Entity] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    articles: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: entity IRI -> the articles naming it (its article graph gives it a label), for article hops.
    named_in: dict[str, set[str]] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        entity = self.entities.get(iri)
        return entity.label if entity else local_name(iri)


def load_network_data(source: Queryable, *, named_in: bool = False) -> NetworkData:
    """Read every entity, claim and article headline from the store (quarantined claims excluded), and
    with ``named_in`` which articles name each entity (what :func:`find_path`'s article hops need)."""
    data = NetworkData()
    data.entities = _entities_from(
        source.query(_CLASSES_QUERY).rows, source.query(_LABELS_QUERY).rows, source.query(_ALT_LABELS_QUERY).rows
    )
    for a, title, url in source.query(_ARTICLES_QUERY).rows:
        data.articles[str(a)] = ("" if title is None else str(title), "" if url is None else str(url))
    for e, a in source.query(_NAMED_IN_QUERY).rows if named_in else ():
        data.named_in.setdefault(str(e), set()).add(str(a))
    seen: set[str] = set()
    for row in source.query(_CLAIMS_QUERY).rows:
        claim = _claim_from_row(row)
        if claim is None or claim.iri in seen:
            continue
        seen.add(claim.iri)
        data.claims.append(claim)
    data.claims.sort(key=lambda c: c.iri)
    return data


def _entities_from(
    class_rows: Iterable[Sequence[Any]], label_rows: Iterable[Sequence[Any]], alt_rows: Iterable[Sequence[Any]]
) -> dict[str, Entity]:
    """Entities from rows of (entity, class), (entity, label) and (entity, alternative label).

    The entities graph holds one label per entity (docs/MODEL.md); should a store hold several (data
    written by another tool), the fullest wins and the others count as alternative labels.
    """
    classes: dict[str, set[str]] = defaultdict(set)
    for e, cls in class_rows:
        classes[str(e)].add(local_name(str(cls)))
    labels: dict[str, set[str]] = defaultdict(set)
    for e, label in label_rows:
        labels[str(e)].add(str(label))
    alts: dict[str, set[str]] = defaultdict(set)
    for e, alt in alt_rows:
        alts[str(e)].add(str(alt))
    entities: dict[str, Entity] = {}
    for iri in classes.keys() | labels.keys():
        kinds = classes.get(iri, set())
        kind = next((k for k in KIND_ORDER if k in kinds), "Entity")
        ranked = sorted(labels.get(iri, set()), key=lambda name: (-len(name), name))
        label = ranked[0] if ranked else local_name(iri)
        others = set(ranked[1:]) | alts.get(iri, set())
        others.discard(label)
        entities[iri] = Entity(iri, label, kind, sorted(others))
    return entities


def _claim_from_row(row: Sequence[Any]) -> Claim | None:
    """A claim from a row of :data:`_CLAIMS_QUERY`; None for a relation outside the vocabulary."""
    claim, relation, subject, obj, value, status, article, show, season, sentence, rank = row
    name = RELATION_BY_PROPERTY.get(str(relation))
    if name is None:
        return None  # not of the vocabulary: another tool's data
    object_iri = None if obj is None else str(obj)
    text_value = None if value is None else str(value)
    if object_iri in _SEASON_STATUS_BY_IRI:
        object_iri, text_value = None, _SEASON_STATUS_BY_IRI[object_iri]
    season_number = None
    if season is not None:
        try:
            season_number = int(str(season))
        except ValueError:
            season_number = None
    return Claim(
        iri=str(claim),
        relation=name,
        subject=str(subject),
        status=local_name(str(status)),
        article=str(article),
        object=object_iri,
        value=text_value,
        show=None if show is None else str(show),
        season=season_number,
        evidence=None if sentence is None else str(sentence),
        rank=None if rank is None else local_name(str(rank)).removesuffix("Rank").lower(),
    )


# --------------------------------------------------------------------------------------------------
# Reading only what a view shows: a neighbourhood, hop by hop, with SPARQL

#: IRIs per VALUES block: a few hundred keep each query small and the planner on its indexes.
_CHUNK = 400
#: Three small queries, each on an index: the claims of the nodes, then what those claims say, then
#: their evidence. (One query with OPTIONALs was slower by far: engines, Oxigraph among them, evaluate
#: a UNION, or an OPTIONAL of more than one pattern, on its own, reading every claim in the store.)
_NODE_CLAIM_IRIS_QUERY = (
    _PREFIXES + "SELECT DISTINCT ?claim WHERE { VALUES ?node { %s } { ?claim sg:subject ?node } UNION "
    "{ ?claim sg:object ?node } UNION { ?claim sg:show ?node ; sg:relation sg:plays } }"
)
_CLAIM_PROPERTIES_QUERY = _PREFIXES + "SELECT ?claim ?p ?o WHERE { VALUES ?claim { %s } ?claim ?p ?o }"
_CLAIM_SENTENCES_QUERY = (
    _PREFIXES + "SELECT ?claim ?sentence WHERE { VALUES ?claim { %s } "
    "?claim sg:evidence ?evidence . ?evidence oa:hasSelector ?selector . ?selector oa:exact ?sentence }"
)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SG = "https://w3id.org/showgraph/ontology#"
_CLAIM_FIELDS = {
    _RDF_TYPE: "type",
    _SG + "relation": "relation",
    _SG + "subject": "subject",
    _SG + "object": "object",
    _SG + "value": "value",
    _SG + "status": "status",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "article",
    _SG + "show": "show",
    _SG + "season": "season",
    _SG + "rank": "rank",
}
_ROW_ORDER = ("relation", "subject", "object", "value", "status", "article", "show", "season", "sentence", "rank")
_NODE_CLASSES_QUERY = _PREFIXES + "SELECT ?e ?class WHERE { VALUES ?e { %s } ?e a ?class }"
_NODE_LABELS_QUERY = _PREFIXES + "SELECT ?e ?label WHERE { VALUES ?e { %s } ?e rdfs:label ?label }"
_NODE_ALTS_QUERY = _PREFIXES + "SELECT ?e ?alt WHERE { VALUES ?e { %s } ?e skos:altLabel ?alt }"
_NODE_NAMED_IN_QUERY = (
    _PREFIXES
    + "SELECT DISTINCT ?e ?a WHERE { VALUES ?e { %s } GRAPH ?a { ?e sg:articleLabel ?name . ?a a sg:Article } }"
)
_NODE_ARTICLES_QUERY = (
    _PREFIXES + "SELECT ?a (SAMPLE(?h) AS ?title) (SAMPLE(?u) AS ?url) WHERE { VALUES ?a { %s } ?a a sg:Article . "
    "OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:url ?u } } GROUP BY ?a"
)


def _iri_chunks(iris: Iterable[str]) -> Iterable[str]:
    """IRIs as VALUES blocks of :data:`_CHUNK`; pyoxigraph checks each one, so no text reaches SPARQL raw."""
    import pyoxigraph as ox

    ordered = sorted(set(iris))
    for start in range(0, len(ordered), _CHUNK):
        yield " ".join(str(ox.NamedNode(iri)) for iri in ordered[start : start + _CHUNK])


def _rows(source: Queryable, template: str, iris: Iterable[str]) -> list[Sequence[Any]]:
    """Rows of ``template`` with the IRIs in its ``%s``, a chunk at a time."""
    return [row for block in _iri_chunks(iris) for row in source.query(template % block).rows]


def _neighbours_by_claim(claim: Claim) -> list[tuple[str, str]]:
    """The node pairs a claim links in the network (see :func:`_add_claim`)."""
    if claim.relation in ARTICLE_RELATIONS or claim.object is None:
        return []
    pairs = [(claim.subject, claim.object)]
    if claim.relation == "plays" and claim.show:
        pairs.append((claim.object, claim.show))
    return pairs


class StoreWalk:
    """Claims read from the store around some nodes, hop by hop, never the whole store.

    Each node's claims (as subject, object, or show of a role) are read once, by SPARQL with the
    nodes in a VALUES block, so a view costs what it shows, whatever the size of the store.
    """

    def __init__(self, source: Queryable) -> None:
        self.source = source
        self.claims: dict[str, Claim] = {}
        self.read: set[str] = set()
        self.adjacent: dict[str, set[str]] = defaultdict(set)
        #: entity -> the articles naming it, for the nodes :meth:`fetch_named_in` has read
        self.named_in: dict[str, set[str]] = {}

    def fetch_named_in(self, nodes: Iterable[str]) -> None:
        """Read which articles name the nodes not read yet (for article hops; the walk does not grow
        through them: an article names too many entities to be a way forward)."""
        todo = set(nodes) - self.named_in.keys()
        if not todo:
            return
        for node in todo:
            self.named_in[node] = set()
        for e, a in _rows(self.source, _NODE_NAMED_IN_QUERY, todo):
            self.named_in[str(e)].add(str(a))

    def articles_of(self, nodes: Iterable[str]) -> set[str]:
        """The articles naming any of the nodes (those read so far)."""
        return {a for node in nodes for a in self.named_in.get(node, ())}

    def fetch(self, nodes: Iterable[str]) -> None:
        """Read the claims of the nodes not read yet."""
        todo = set(nodes) - self.read
        if not todo:
            return
        self.read |= todo
        iris = {str(row[0]) for row in _rows(self.source, _NODE_CLAIM_IRIS_QUERY, todo)} - self.claims.keys()
        self.fetch_claims(iris)

    def fetch_claims(self, iris: Iterable[str]) -> list[Claim]:
        """Read the claims of the given IRIs (those that are stored ``sg:Claim`` s of the vocabulary)."""
        iris = set(iris)
        if not iris:
            return []
        fetched: list[Claim] = []
        fields: dict[str, dict[str, Any]] = defaultdict(dict)
        claims: set[str] = set()
        for claim, p, o in _rows(self.source, _CLAIM_PROPERTIES_QUERY, iris):
            field_name = _CLAIM_FIELDS.get(str(p))
            if field_name == "type":
                if str(o) == _SG + "Claim":
                    claims.add(str(claim))
            elif field_name is not None:
                fields[str(claim)].setdefault(field_name, o)  # one of each, as the whole-graph reading
        for claim, sentence in _rows(self.source, _CLAIM_SENTENCES_QUERY, claims):
            fields[str(claim)].setdefault("sentence", sentence)
        for iri in sorted(claims):
            found = fields[iri]
            if any(found.get(name) is None for name in ("relation", "subject", "status", "article")):
                continue
            claim = _claim_from_row((iri, *(found.get(name) for name in _ROW_ORDER)))
            if claim is None:
                continue
            fetched.append(claim)
            if claim.relation in ARTICLE_RELATIONS:
                continue
            self.claims[claim.iri] = claim
            for u, v in _neighbours_by_claim(claim):
                self.adjacent[u].add(v)
                self.adjacent[v].add(u)
        return fetched

    def grow(self, frontier: set[str], reached: set[str]) -> set[str]:
        """The nodes one hop from ``frontier`` that are not in ``reached`` (the frontier's claims read)."""
        self.fetch(frontier)
        return {n for node in frontier for n in self.adjacent.get(node, ())} - reached

    def data(self, nodes: set[str], extra_entities: Iterable[str] = ()) -> NetworkData:
        """A :class:`NetworkData` of the claims among ``nodes`` (and the values of those nodes), with
        the descriptions of the nodes and the headlines of the articles, read for them only."""
        data = NetworkData()
        kept = []
        for claim in self.claims.values():
            pairs = _neighbours_by_claim(claim)
            # a value of a node within reach, or an edge within reach (a role's character -> show edge
            # is, even when the actor is not); build_network's cut drops what lies beyond
            if (claim.object is None and claim.subject in nodes) or any(u in nodes and v in nodes for u, v in pairs):
                kept.append(claim)
        data.claims = sorted(kept, key=lambda c: c.iri)
        described = set(nodes) | set(extra_entities)
        described |= {c.show for c in kept if c.show}
        data.entities = _entities_from(
            _rows(self.source, _NODE_CLASSES_QUERY, described),
            _rows(self.source, _NODE_LABELS_QUERY, described),
            _rows(self.source, _NODE_ALTS_QUERY, described),
        )
        data.named_in = {node: set(self.named_in[node]) for node in nodes if self.named_in.get(node)}
        articles = {c.article for c in kept} | {a for found in data.named_in.values() for a in found}
        for a, title, url in _rows(self.source, _NODE_ARTICLES_QUERY, articles):
            data.articles[str(a)] = ("" if title is None else str(title), "" if url is None else str(url))
        return data


def load_neighbourhood(
    source: Queryable, seeds: Iterable[str], depth: int, *, extra_entities: Iterable[str] = ()
) -> NetworkData:
    """What lies within ``depth`` hops of ``seeds`` (IRIs), read with SPARQL hop by hop.

    Every claim of a node less than ``depth`` hops away is read (its other ends are the next hop), and
    every claim of the last ring, to keep the edges between nodes within reach and their values;
    :func:`build_network` with ``focus`` then cuts exactly the picture the whole graph would give.
    ``extra_entities`` are described too (a ``show`` filter's show).
    """
    walk = StoreWalk(source)
    reached = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        frontier = walk.grow(frontier, reached)
        if not frontier:
            break
        reached |= frontier
    walk.fetch(frontier)
    return walk.data(reached, extra_entities)


_ARTICLE_CLAIMS_QUERY = (
    _PREFIXES + "SELECT ?claim WHERE { VALUES ?article { %s } ?claim prov:wasDerivedFrom ?article ; a sg:Claim }"
)


def follow_changes(
    source: Queryable,
    data: NetworkData,
    *,
    articles: Iterable[str] = (),
    entities: Iterable[str] = (),
    ranks: Mapping[str, str] | None = None,
) -> NetworkData:
    """``data`` brought up to date after known writes, reading only what they touched.

    ``articles``: article graphs replaced (their claims and headline are read again); ``entities``:
    entities described afresh; ``ranks``: claims re-ranked, with their new rank. The result equals
    :func:`load_network_data` after the same writes, at the cost of the change, not of the store.
    """
    changed = set(articles)
    claims = [c for c in data.claims if c.article not in changed]
    if changed:
        iris = {str(row[0]) for row in _rows(source, _ARTICLE_CLAIMS_QUERY, changed)}
        claims.extend(StoreWalk(source).fetch_claims(iris))
        for article in changed:
            data.articles.pop(article, None)
        for a, title, url in _rows(source, _NODE_ARTICLES_QUERY, changed):
            data.articles[str(a)] = ("" if title is None else str(title), "" if url is None else str(url))
    if ranks:
        claims = [replace(c, rank=ranks[c.iri].removesuffix("Rank").lower()) if c.iri in ranks else c for c in claims]
    data.claims = sorted({c.iri: c for c in claims}.values(), key=lambda c: c.iri)
    touched = set(entities)
    if touched:
        fresh = _entities_from(
            _rows(source, _NODE_CLASSES_QUERY, touched),
            _rows(source, _NODE_LABELS_QUERY, touched),
            _rows(source, _NODE_ALTS_QUERY, touched),
        )
        for iri in touched:
            data.entities.pop(iri, None)
        data.entities.update(fresh)
    return data


_CANDIDATES_QUERY = (
    _PREFIXES + "SELECT DISTINCT ?e WHERE { { ?e sg:nameKey ?key } UNION { ?e sg:titleKey ?title } UNION "
    "{ VALUES ?e { %s } ?e rdfs:label ?any } }"
)
_DEGREE_QUERY = (
    _PREFIXES + "SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE { VALUES ?e { %s } "
    "{ ?c sg:subject ?e } UNION { ?c sg:object ?e } ?c a sg:Claim } GROUP BY ?e"
)
_KNOWN_QUERY = (
    _PREFIXES + "ASK { { ?e a ?class VALUES ?class { sg:Person sg:Show sg:Character sg:Platform sg:Organization "
    "sg:Work sg:Agent } } UNION { ?c sg:subject ?e } UNION { ?c sg:object ?e } }"
)
_ALL_NAMES_QUERY = _PREFIXES + "SELECT ?e ?class ?name WHERE { ?e a ?class ; rdfs:label|skos:altLabel ?name }"


def resolve_in_store(source: Queryable, name: str, *, kinds: Iterable[str] | None = None) -> list[str]:
    """:func:`resolve_entities` answered by the store's indexes, not by reading every entity.

    Candidates are the entities with the name's key (``sg:nameKey``/``sg:titleKey``, docs/MODEL.md)
    and the IRIs the name's slug would have in each folder; they are then ranked by the same rules.
    Only when nothing matches are all names read, to suggest the nearest.
    """
    from showgraph.entity_graph import name_key, title_key
    from showgraph.rdf import KIND_FOLDERS, entity_iri

    text = name.strip()
    iri = _expand_iri(text)
    if iri is not None:
        import pyoxigraph as ox

        try:
            known = source.query(_KNOWN_QUERY, bindings={"e": URIRef(ox.NamedNode(iri).value)}).boolean
        except ValueError:
            known = False
        if not known:
            raise EntityNotFoundError(f"no entity has the IRI <{iri}> in the graph; check it, or search by name")
        return [iri]
    slugs = {str(entity_iri(text, kind)) for kind in KIND_FOLDERS} if text else set()
    candidates: set[str] = set()
    for block in _iri_chunks(slugs) if slugs else [""]:
        rows = source.query(
            _CANDIDATES_QUERY % block, bindings={"key": Literal(name_key(text)), "title": Literal(title_key(text))}
        ).rows
        candidates |= {str(row[0]) for row in rows}
    data = NetworkData()
    if candidates:
        data.entities = _entities_from(
            _rows(source, _NODE_CLASSES_QUERY, candidates),
            _rows(source, _NODE_LABELS_QUERY, candidates),
            _rows(source, _NODE_ALTS_QUERY, candidates),
        )
    degrees = {str(e): int(n.toPython()) for e, n in _rows(source, _DEGREE_QUERY, candidates)} if candidates else {}
    matches = _matches(data, text, set(kinds) if kinds is not None else None, degrees)
    if matches:
        return matches
    everything = NetworkData()
    rows = source.query(_ALL_NAMES_QUERY).rows
    everything.entities = _entities_from([(e, c) for e, c, _ in rows], [], [(e, n) for e, _, n in rows])
    raise EntityNotFoundError(_not_found_message(everything, text, set(kinds) if kinds is not None else None))


def _matches(data: NetworkData, text: str, wanted_kinds: set[str] | None, degree: Mapping[str, int]) -> list[str]:
    """The entities of ``data`` a name stands for, best first (the rules of :func:`resolve_entities`)."""
    folded, slugged = text.casefold(), slug(text, drop_leading_the=True)
    matches: list[tuple[int, int, str]] = []
    for entity in data.entities.values():
        if wanted_kinds is not None and entity.kind not in wanted_kinds:
            continue
        if entity.label.casefold() == folded:
            rank = 0
        elif any(alt.casefold() == folded for alt in entity.alt_labels):
            rank = 1
        elif any(slug(n, drop_leading_the=True) == slugged for n in (entity.label, *entity.alt_labels)):
            rank = 2
        else:
            continue
        matches.append((rank, -degree.get(entity.iri, 0), entity.iri))
    return [iri for _, _, iri in sorted(matches)]


# --------------------------------------------------------------------------------------------------
# Names -> IRIs


def resolve_entities(data: NetworkData, name: str, *, kinds: Iterable[str] | None = None) -> list[str]:
    """The IRIs an entity name (label or alternative label, any case) or IRI stands for, best first.

    ``sgid:person/x`` and full IRIs are taken as they are. Names match case-insensitively, and also
    when only spacing, punctuation, accents or a leading "the" differ ("Ahn Gil Ho" = "Ahn Gil-ho").
    An exact label beats an alternative label; among equals, the entity with more claims comes first.
    Raises EntityNotFoundError, with the nearest names, when nothing matches.
    """
    wanted_kinds = set(kinds) if kinds is not None else None
    text = name.strip()
    iri = _expand_iri(text)
    if iri is not None:
        known = iri in data.entities or any(c.subject == iri or c.object == iri for c in data.claims)
        if not known:
            raise EntityNotFoundError(f"no entity has the IRI <{iri}> in the graph; check it, or search by name")
        return [iri]
    degree: dict[str, int] = defaultdict(int)
    for claim in data.claims:
        degree[claim.subject] += 1
        if claim.object:
            degree[claim.object] += 1
    matches = _matches(data, text, wanted_kinds, degree)
    if not matches:
        raise EntityNotFoundError(_not_found_message(data, text, wanted_kinds))
    return matches


def _not_found_message(data: NetworkData, text: str, kinds: set[str] | None) -> str:
    names = sorted(
        {n for e in data.entities.values() if kinds is None or e.kind in kinds for n in (e.label, *e.alt_labels)}
    )
    folded = text.casefold()
    near = [n for n in names if folded in n.casefold()][:5]
    near += [n for n in difflib.get_close_matches(text, names, n=5, cutoff=0.6) if n not in near]
    what = "entity" if kinds is None else " or ".join(sorted(kinds))
    hint = f"; did you mean: {', '.join(near[:5])}?" if near else ""
    return (
        f"no {what} is called {text!r} (label or alternative label, any case){hint} "
        f"Find names with: showgraph query --name search --param text={text.split()[0] if text else ''}"
    )


def _expand_iri(text: str) -> str | None:
    """A full IRI for ``text`` if it is one (or a showgraph prefixed name), else None.

    >>> _expand_iri("sgid:show/glory"), _expand_iri("The Glory")
    ('https://w3id.org/showgraph/id/show/glory', None)
    """
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    for prefix, namespace in (
        ("sgid:", "https://w3id.org/showgraph/id/"),
        ("sgart:", "https://w3id.org/showgraph/article/"),
    ):
        if text.startswith(prefix):
            return namespace + text[len(prefix) :]
    if text.startswith(("http://", "https://", "urn:")) and " " not in text:
        return text
    return None


def _article_iri(text: str) -> str:
    """An article filter: a full IRI, ``sgart:ID`` or a bare article id."""
    return _expand_iri(text) or "https://w3id.org/showgraph/article/" + text.strip()


# --------------------------------------------------------------------------------------------------
# Building the network


def _check_choices(values: Iterable[str] | None, allowed: Iterable[str], what: str) -> set[str] | None:
    if values is None:
        return None
    chosen = {v.strip().lower().replace("-", "_") for v in ([values] if isinstance(values, str) else values)}
    unknown = chosen - set(allowed)
    if unknown:
        raise QueryError(f"unknown {what} {', '.join(sorted(unknown))}; expected some of {', '.join(allowed)}")
    return chosen


def build_network(
    data: NetworkData,
    *,
    focus: str | None = None,
    depth: int = 2,
    relations: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
    show: str | None = None,
    article: str | None = None,
    drop_deprecated: bool = False,
    seeds: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """The network of ``data``, filtered, and cut to ``depth`` hops around ``focus`` when given
    (``seeds``: the IRIs ``focus`` stands for, when already resolved).

    Filters combine: ``relations`` and ``statuses`` (names from facts.RELATIONS / facts.STATUSES),
    ``show`` (a name or IRI: claims whose subject, object or ``show`` qualifier is that show),
    ``article`` (an IRI, ``sgart:ID`` or id: claims read from that article), ``drop_deprecated``
    (leave out claims ranked deprecated: denied or overturned by a later article). Hops ignore direction.
    """
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, got {depth}")
    entity_relations = [r for r in RELATIONS if r not in ARTICLE_RELATIONS]
    wanted_relations = _check_choices(relations, entity_relations, "relation")
    wanted_statuses = _check_choices(statuses, STATUSES, "status")
    shows = set(resolve_entities(data, show, kinds=("Show", "Work"))) if show else None
    article_iri = _article_iri(article) if article else None

    graph = nx.MultiDiGraph()
    for claim in data.claims:
        if claim.relation in ARTICLE_RELATIONS:
            continue
        if wanted_relations is not None and claim.relation not in wanted_relations:
            continue
        if wanted_statuses is not None and claim.status not in wanted_statuses:
            continue
        if article_iri is not None and claim.article != article_iri:
            continue
        if drop_deprecated and claim.rank == "deprecated":
            continue
        if shows is not None and not shows & {claim.subject, claim.object, claim.show}:
            continue
        _add_claim(graph, data, claim)

    if focus is None:
        return graph
    seeds = list(seeds) if seeds is not None else resolve_entities(data, focus)
    for seed in seeds:
        if seed not in graph:
            _add_node(graph, data, seed)
    return graph.subgraph(_within(graph, seeds, depth)).copy()


def _within(graph: nx.MultiDiGraph, seeds: Iterable[str], depth: int) -> set[str]:
    """Nodes at most ``depth`` hops from any seed, whatever the edge direction."""
    reached = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        frontier = {n for node in frontier for n in itertools.chain(graph.successors(node), graph.predecessors(node))}
        frontier -= reached
        if not frontier:
            break
        reached |= frontier
    return reached


def _add_node(graph: nx.MultiDiGraph, data: NetworkData, iri: str) -> None:
    if iri in graph:
        return
    entity = data.entities.get(iri) or Entity(iri, local_name(iri))
    graph.add_node(
        iri,
        label=entity.label,
        kind=entity.kind,
        iri=iri,
        colour=KIND_COLOURS.get(entity.kind, KIND_COLOURS["Entity"]),
        alt_labels="; ".join(entity.alt_labels),
    )


def _add_claim(graph: nx.MultiDiGraph, data: NetworkData, claim: Claim) -> None:
    _add_node(graph, data, claim.subject)
    if claim.object is None:
        value = claim.value if claim.value is not None else ""
        text = value if claim.status == "confirmed" else f"{value} ({claim.status})"
        node = graph.nodes[claim.subject]
        node[claim.relation] = f"{node[claim.relation]}; {text}" if claim.relation in node else text
        return
    _add_node(graph, data, claim.object)
    attrs = _edge_attrs(data, claim, claim.relation)
    graph.add_edge(claim.subject, claim.object, key=claim.iri, **attrs)
    if claim.relation == "plays" and claim.show:
        _add_node(graph, data, claim.show)
        attrs = _edge_attrs(data, claim, IN_SHOW)
        attrs["derived"] = True
        graph.add_edge(claim.object, claim.show, key=f"{claim.iri}#{IN_SHOW}", **attrs)


def _edge_attrs(data: NetworkData, claim: Claim, relation: str) -> dict[str, Any]:
    style = STATUS_STYLES[claim.status]
    title, url = data.articles.get(claim.article, ("", ""))
    attrs: dict[str, Any] = {
        "relation": relation,
        "label": relation_label(relation),
        "status": claim.status,
        "claim": claim.iri,
        "article": claim.article,
        "article_title": title,
        "article_url": url,
        "line": style.line,
        "colour": style.colour,
        "derived": False,
    }
    if claim.evidence is not None:
        attrs["evidence"] = claim.evidence
    if claim.show is not None:
        attrs["show"] = claim.show
        attrs["show_label"] = data.label(claim.show)
    if claim.season is not None:
        attrs["season"] = claim.season
    if claim.rank is not None:
        attrs["rank"] = claim.rank
    return attrs


def relation_label(relation: str) -> str:
    """The words an edge is labelled with.

    >>> relation_label("cast_member"), relation_label("plays")
    ('cast member', 'plays')
    """
    return _RELATION_LABELS.get(relation, relation.replace("_", " "))


# --------------------------------------------------------------------------------------------------
# Paths


@dataclass(frozen=True)
class PathStep:
    """One hop of a path: a claim linking ``source`` to ``target`` (in the order walked).

    ``forward`` says whether the claim reads source -> target (False: target is the claim's
    subject). ``character`` names the role when the hop is a person's part in a show.
    """

    source: str
    source_label: str
    target: str
    target_label: str
    relation: str
    status: str
    forward: bool
    claim: str
    article: str
    article_title: str = ""
    article_url: str = ""
    evidence: str = ""
    show: str = ""
    show_label: str = ""
    character: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sentence(self) -> str:
        """The hop in words, in the claim's own direction: ``Song Hye-kyo plays Moon Dong-eun``."""
        subject, obj = (
            (self.source_label, self.target_label) if self.forward else (self.target_label, self.source_label)
        )
        if self.relation == NAMED_TOGETHER:
            return f"{subject} and {obj} are both named in one article"
        template = _PATH_PHRASES.get(self.relation, "{s} " + relation_label(self.relation) + " {o}")
        text = template.format(s=subject, o=obj)
        if self.relation == "plays" and self.show_label:
            text += f" in {self.show_label}"
        if self.character and self.relation != "plays":
            text += f" (as {self.character})"
        if self.status and self.status != "confirmed":
            text += f" [{self.status}]"
        return text


_PATH_PHRASES = {
    "plays": "{s} plays {o}",
    "cast_member": "{o} is in the cast of {s}",
    "directed_by": "{o} directed {s}",
    "written_by": "{o} wrote {s}",
    "created_by": "{o} created {s}",
    "produced_by": "{o} produced {s}",
    "presented_by": "{o} presents {s}",
    "platform": "{s} is on {o}",
    "adapted_from": "{s} is adapted from {o}",
    "represented_by": "{o} represents {s}",
    IN_SHOW: "{s} is a character in {o}",
}


def _undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """One edge per linked pair, the most reliable claim kept.

    ``weight`` is 1 a hop, more for alleged, rumored and speculative claims and for hops through a
    platform or producer, so shortest paths go through people, shows and roles where they can.
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        weight = 1.0 + _RELATION_COSTS.get(attrs["relation"], 0.0)
        weight += _WEAK_COST if attrs["status"] in _WEAK_STATUSES else 0.0
        rank = (weight, attrs.get("derived", False), key)
        current = simple.get_edge_data(u, v)
        if current is None or rank < current["rank"]:
            simple.add_edge(u, v, weight=weight, rank=rank, key=key, source=u, target=v, attrs=attrs)
    return simple


def find_path(
    data: NetworkData,
    a: str,
    b: str,
    *,
    statuses: Iterable[str] | None = None,
) -> list[PathStep]:
    """How ``a`` is connected to ``b`` (names or IRIs): the hops of the shortest chain of claims.

    Hops follow claims either way; alleged, rumored and speculative claims cost more than stated ones,
    and so do hops through a platform or a producer, so the path goes through them only when nothing
    firmer or closer links the two. Denied claims are left out
    unless ``statuses`` asks for them, and so are claims ranked deprecated (overturned by a later
    article). As a last resort (see :data:`_ARTICLE_HOP_COST`) a hop may go through an article that
    names both its ends, a step of relation :data:`NAMED_TOGETHER` with the article's headline (where
    ``data`` knows which articles name what: ``load_network_data(..., named_in=True)``); not when
    ``statuses`` is given, which asks for claims of those statuses only. Returns [] when the two
    are not connected (or are the same).
    """
    sources, targets = resolve_entities(data, a), resolve_entities(data, b)
    return _shortest(data, sources, targets, statuses)[1]


#: ``path`` looks at most this many hops away (both ends together) before it says "not connected".
MAX_PATH_HOPS = 8


def find_path_in_store(
    source: Queryable, a: str, b: str, *, statuses: Iterable[str] | None = None, max_hops: int = MAX_PATH_HOPS
) -> list[PathStep]:
    """:func:`find_path` reading only what lies between the two ends, never the whole store.

    The neighbourhoods of both ends grow a hop at a time (the one with the smaller frontier first) by
    SPARQL. Once they meet, the cheapest path among what was read costs C; every hop costs at least 1,
    so growing on until the two radii add up to C covers every path that could be cheaper, and the
    answer is the one :func:`find_path` gives on the whole graph. The neighbourhoods grow ``max_hops``
    hops in all, so a path of more than ``max_hops + 1`` hops is not found. Article hops join nodes
    read from either end (the walk does not grow through an article: one names dozens of entities).
    """
    _check_choices(statuses, STATUSES, "status")
    sources, targets = resolve_in_store(source, a), resolve_in_store(source, b)
    walk = StoreWalk(source)
    balls, frontiers, radii = [set(sources), set(targets)], [set(sources), set(targets)], [0, 0]
    best: list[PathStep] = []
    while True:
        walk.fetch(frontiers[0] | frontiers[1])
        if statuses is None:
            walk.fetch_named_in(frontiers[0] | frontiers[1])
        touching = (
            balls[0] & balls[1]
            or any(walk.adjacent.get(n, set()) & balls[1] for n in balls[0])
            or walk.articles_of(balls[0]) & walk.articles_of(balls[1])
        )
        if touching:
            data = walk.data(balls[0] | balls[1])
            cost, best = _shortest(data, sources, targets, statuses)
            if best and radii[0] + radii[1] >= min(cost, max_hops):
                return best
        if radii[0] + radii[1] >= max_hops:
            return best
        open_sides = [side for side in (0, 1) if frontiers[side]]
        if not open_sides:
            return best
        side = min(open_sides, key=lambda s: len(frontiers[s]))
        frontiers[side] = walk.grow(frontiers[side], balls[side])
        balls[side] |= frontiers[side]
        radii[side] += 1


def _shortest(
    data: NetworkData, sources: list[str], targets: list[str], statuses: Iterable[str] | None
) -> tuple[float, list[PathStep]]:
    """The cheapest path from any source to any target, and its cost (inf and [] if none)."""
    allowed = _check_choices(statuses, STATUSES, "status") or set(STATUSES) - UNRELIABLE_FOR_PATHS
    graph = build_network(data, statuses=allowed, drop_deprecated=statuses is None)
    simple = _undirected(graph)
    if statuses is None:
        _add_article_hops(simple, data, {*sources, *targets})
    best: list[str] | None = None
    best_cost = float("inf")
    for source, target in itertools.product(sources, targets):
        if source == target or source not in simple or target not in simple:
            continue
        try:
            cost, nodes = nx.single_source_dijkstra(simple, source, target, weight="weight")
        except nx.NetworkXNoPath:
            continue
        if cost < best_cost:
            best, best_cost = nodes, cost
    if best is None:
        return best_cost, []
    steps: list[PathStep] = []
    at = 0
    while at < len(best) - 1:
        if simple.nodes[best[at + 1]].get("kind") == "Article":
            steps.append(_article_step(data, graph, best[at], best[at + 1], best[at + 2]))
            at += 2
        else:
            steps.append(_step(graph, simple, best[at], best[at + 1]))
            at += 1
    return best_cost, steps


def _add_article_hops(simple: nx.Graph, data: NetworkData, ends: set[str]) -> None:
    """Article nodes linking the entities each article names (of those in the graph, and the path's
    ends), half an article hop's cost each way, so entity -> article -> entity costs one hop's."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for entity, articles in data.named_in.items():
        if entity in simple or entity in ends:
            for article in articles:
                by_article[article].add(entity)
    for article, entities in sorted(by_article.items()):
        if len(entities) < 2 or article in simple:
            continue
        simple.add_node(article, kind="Article", label=data.articles.get(article, ("", ""))[0])
        for entity in sorted(entities):
            if entity not in simple:
                _add_node(simple, data, entity)
            simple.add_edge(entity, article, weight=_ARTICLE_HOP_COST / 2)


def _article_step(data: NetworkData, graph: nx.MultiDiGraph, u: str, article: str, v: str) -> PathStep:
    """The hop from ``u`` to ``v`` through an article that names both."""

    def label(node: str) -> str:
        return graph.nodes[node]["label"] if node in graph else data.label(node)

    title, url = data.articles.get(article, ("", ""))
    return PathStep(
        source=u,
        source_label=label(u),
        target=v,
        target_label=label(v),
        relation=NAMED_TOGETHER,
        status="",
        forward=True,
        claim="",
        article=article,
        article_title=title,
        article_url=url,
    )


def _step(graph: nx.MultiDiGraph, simple: nx.Graph, u: str, v: str) -> PathStep:
    edge = simple.edges[u, v]
    attrs = edge["attrs"]
    forward = edge["source"] == u
    character = ""
    if attrs["relation"] == "cast_member":
        show, person = (u, v) if forward else (v, u)
        character = _role_in(graph, person, show)
    return PathStep(
        source=u,
        source_label=graph.nodes[u]["label"],
        target=v,
        target_label=graph.nodes[v]["label"],
        relation=attrs["relation"],
        status=attrs["status"],
        forward=forward,
        claim=attrs["claim"],
        article=attrs["article"],
        article_title=attrs.get("article_title", ""),
        article_url=attrs.get("article_url", ""),
        evidence=attrs.get("evidence", ""),
        show=attrs.get("show", ""),
        show_label=attrs.get("show_label", ""),
        character=character,
    )


def _role_in(graph: nx.MultiDiGraph, person: str, show: str) -> str:
    """The character a person plays in a show, if a plays claim says so ("" if none does)."""
    names = sorted(
        graph.nodes[character]["label"]
        for _, character, attrs in graph.out_edges(person, data=True)
        if attrs["relation"] == "plays" and attrs.get("show") == show
    )
    return " / ".join(dict.fromkeys(names))


def describe_path(steps: list[PathStep]) -> str:
    """A path as numbered lines, one hop each, with the article that says it.

    >>> describe_path([])
    'not connected'
    """
    if not steps:
        return "not connected"
    lines = []
    for number, step in enumerate(steps, 1):
        title = step.article_title or (step.article_url or step.article if step.relation == NAMED_TOGETHER else "")
        source = f" — {title}" if title else ""
        lines.append(f"{number}. {step.sentence()}{source}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Network statistics


def network_stats(data: NetworkData, *, top: int = 10) -> dict[str, Any]:
    """Who and what is central, how the network falls apart, and which shows share most cast.

    Built on every claim but denied and deprecated ones. ``central_people`` and ``central_shows`` are ranked by
    betweenness centrality (how often an entity lies on shortest paths between others; sampled over 300
    sources on networks of more than 1,000 nodes), then by degree (distinct neighbours).
    ``shared_cast`` counts the people (cast members, or playing a character in the show) two shows have
    in common.
    """
    graph = build_network(data, statuses=set(STATUSES) - UNRELIABLE_FOR_PATHS, drop_deprecated=True)
    simple = _undirected(graph)
    n = simple.number_of_nodes()
    if n > 1000:
        betweenness = nx.betweenness_centrality(simple, k=300, seed=0)
    else:
        betweenness = nx.betweenness_centrality(simple) if n else {}
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)

    def central(kind: str) -> list[dict[str, Any]]:
        nodes = [node for node, attrs in simple.nodes(data=True) if attrs["kind"] == kind]
        nodes.sort(key=lambda node: (-betweenness.get(node, 0.0), -simple.degree(node), simple.nodes[node]["label"]))
        return [
            {
                "iri": node,
                "label": simple.nodes[node]["label"],
                "degree": simple.degree(node),
                "betweenness": round(betweenness.get(node, 0.0), 6),
            }
            for node in nodes[:top]
        ]

    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "components": len(components),
        "largest_components": components[:5],
        "central_people": central("Person"),
        "central_shows": central("Show"),
        "shared_cast": _shared_cast(graph, top),
    }


def cast_by_show(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each show's people: cast members, and people playing a character in it."""
    cast: dict[str, set[str]] = defaultdict(set)
    for u, v, attrs in graph.edges(data=True):
        if attrs["relation"] == "cast_member":
            cast[u].add(v)
        elif attrs["relation"] == "plays" and attrs.get("show"):
            cast[attrs["show"]].add(u)
    return cast


def _shared_cast(graph: nx.MultiDiGraph, top: int) -> list[dict[str, Any]]:
    shows_of: dict[str, set[str]] = defaultdict(set)
    for show, people in cast_by_show(graph).items():
        for person in people:
            shows_of[person].add(show)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person, shows in shows_of.items():
        for pair in itertools.combinations(sorted(shows), 2):
            shared[pair].add(person)

    def label(node: str) -> str:
        return graph.nodes[node]["label"] if node in graph else local_name(node)

    ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), label(item[0][0]), label(item[0][1])))
    return [
        {
            "shows": [label(a), label(b)],
            "iris": [a, b],
            "shared": len(people),
            "people": sorted(label(p) for p in people),
        }
        for (a, b), people in ranked[:top]
    ]


# --------------------------------------------------------------------------------------------------
# JSON for the browser


def to_cytoscape(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The network as Cytoscape.js elements, plus the legend, for ``static/showgraph-graph.js``.

    ``{"nodes": [{"data": {...}}], "edges": [{"data": {...}}], "legend": {...}}``: node data holds
    ``id`` (the IRI), ``label``, ``kind``, ``colour`` and the node attributes; edge data ``id``,
    ``source``, ``target``, ``source_label``, ``target_label``, ``label``, ``relation``, ``status``,
    ``line``, ``colour``, ``article``, ``evidence`` .... ``json.dumps`` takes it as it is.
    """
    nodes = [{"data": {**_jsonable(attrs), "id": node}} for node, attrs in graph.nodes(data=True)]
    edges = [
        {
            "data": {
                **_jsonable(attrs),
                "id": str(key),
                "source": u,
                "target": v,
                "source_label": graph.nodes[u].get("label", local_name(u)),
                "target_label": graph.nodes[v].get("label", local_name(v)),
            }
        }
        for u, v, key, attrs in graph.edges(keys=True, data=True)
    ]
    return {"nodes": nodes, "edges": edges, "legend": legend(graph)}


def legend(graph: nx.MultiDiGraph | None = None) -> dict[str, Any]:
    """Colours of the classes and styles of the statuses (those present in ``graph``, if given)."""
    kinds = [k for k in KIND_COLOURS if graph is None or any(a.get("kind") == k for _, a in graph.nodes(data=True))]
    statuses = [
        s for s in STATUS_STYLES if graph is None or any(a.get("status") == s for *_, a in graph.edges(data=True))
    ]
    return {
        "kinds": {k: KIND_COLOURS[k] for k in kinds},
        "statuses": {s: {"line": STATUS_STYLES[s].line, "colour": STATUS_STYLES[s].colour} for s in statuses},
    }


def _jsonable(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, str | int | float | bool) or v is None else str(v) for k, v in attrs.items()}
