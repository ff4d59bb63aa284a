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
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import networkx as nx

from showgraph.errors import EntityNotFoundError, QueryError
from showgraph.facts import ARTICLE_RELATIONS, RELATIONS, STATUSES
from showgraph.rdf import RELATION_BY_PROPERTY, SEASON_STATUS_IRIS, local_name, slug

if TYPE_CHECKING:
    from showgraph.store import QueryResult

__all__ = [
    "KIND_COLOURS",
    "STATUS_STYLES",
    "EdgeStyle",
    "NetworkData",
    "PathStep",
    "build_network",
    "describe_path",
    "find_path",
    "load_network_data",
    "network_stats",
    "resolve_entities",
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
_LABELS_QUERY = (
    _PREFIXES + "SELECT ?e ?label (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e rdfs:label ?label } } "
    "GROUP BY ?e ?label"
)
_ALT_LABELS_QUERY = _PREFIXES + "SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
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
    """What the network is built from: entities, claims and article titles, read in four queries."""

    entities: dict[str, Entity] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    articles: dict[str, tuple[str, str]] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        entity = self.entities.get(iri)
        return entity.label if entity else local_name(iri)


def load_network_data(source: Queryable) -> NetworkData:
    """Read every entity, claim and article headline from the store (quarantined claims excluded)."""
    data = NetworkData()
    classes: dict[str, set[str]] = defaultdict(set)
    for e, cls in source.query(_CLASSES_QUERY).rows:
        classes[str(e)].add(local_name(str(cls)))
    labels: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for e, label, n in source.query(_LABELS_QUERY).rows:
        labels[str(e)].append((int(n.toPython()) if n is not None else 1, str(label)))
    alts: dict[str, set[str]] = defaultdict(set)
    for e, alt in source.query(_ALT_LABELS_QUERY).rows:
        alts[str(e)].add(str(alt))
    for iri in classes.keys() | labels.keys():
        kinds = classes.get(iri, set())
        kind = next((k for k in KIND_ORDER if k in kinds), "Entity")
        # the label most articles use; among equals, the fullest name
        ranked = sorted(labels.get(iri, []), key=lambda nl: (-nl[0], -len(nl[1]), nl[1]))
        label = ranked[0][1] if ranked else local_name(iri)
        others = {name for _, name in ranked[1:]} | alts.get(iri, set())
        others.discard(label)
        data.entities[iri] = Entity(iri, label, kind, sorted(others))
    for a, title, url in source.query(_ARTICLES_QUERY).rows:
        data.articles[str(a)] = ("" if title is None else str(title), "" if url is None else str(url))
    seen: set[str] = set()
    for row in source.query(_CLAIMS_QUERY).rows:
        claim, relation, subject, obj, value, status, article, show, season, sentence, rank = row
        if str(claim) in seen:
            continue
        name = RELATION_BY_PROPERTY.get(str(relation))
        if name is None:
            continue  # not of the vocabulary: another tool's data
        seen.add(str(claim))
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
        data.claims.append(
            Claim(
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
        )
    data.claims.sort(key=lambda c: c.iri)
    return data


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
    folded, slugged = text.casefold(), slug(text, drop_leading_the=True)
    degree: dict[str, int] = defaultdict(int)
    for claim in data.claims:
        degree[claim.subject] += 1
        if claim.object:
            degree[claim.object] += 1
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
        matches.append((rank, -degree[entity.iri], entity.iri))
    if not matches:
        raise EntityNotFoundError(_not_found_message(data, text, wanted_kinds))
    return [iri for _, _, iri in sorted(matches)]


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
) -> nx.MultiDiGraph:
    """The network of ``data``, filtered, and cut to ``depth`` hops around ``focus`` when given.

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
    seeds = resolve_entities(data, focus)
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
        template = _PATH_PHRASES.get(self.relation, "{s} " + relation_label(self.relation) + " {o}")
        text = template.format(s=subject, o=obj)
        if self.relation == "plays" and self.show_label:
            text += f" in {self.show_label}"
        if self.character and self.relation != "plays":
            text += f" (as {self.character})"
        if self.status != "confirmed":
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
    article). Returns [] when the two are not connected (or are the same).
    """
    allowed = _check_choices(statuses, STATUSES, "status") or set(STATUSES) - UNRELIABLE_FOR_PATHS
    graph = build_network(data, statuses=allowed, drop_deprecated=statuses is None)
    sources, targets = resolve_entities(data, a), resolve_entities(data, b)
    simple = _undirected(graph)
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
        return []
    return [_step(graph, simple, u, v) for u, v in itertools.pairwise(best)]


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
        source = f" — {step.article_title}" if step.article_title else ""
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
