"""Entities described once: the entities graph, kept up to date on every load.

An article graph as :func:`showgraph.rdf.article_graph` builds it is self-contained (its entities' types,
labels and alternative labels included), which is what SHACL and ``showgraph extract --format ttl``
need. Stored that way, though, every article would repeat the description of every entity it names,
and the union default graph would answer ``?e rdfs:label ?l`` once per article naming ``?e`` (BBC News
once per article). So before an article graph is stored, :func:`split_descriptions` rewrites its entity
descriptions as what *this article* called them (``sg:articleType``, ``sg:articleLabel``,
``sg:articleAltLabel``: which article called her what), and :func:`entity_patch` works out the new
description of every entity the article touches, old version and new, for one graph,
:data:`ENTITIES_GRAPH`. The store applies both in one transaction, so the entities graph always agrees
with the article graphs; its label is the name most articles use (docs/MODEL.md).

>>> from rdflib import Literal
>>> names = Names({SG.Person}, Counter({"Ahn Gil-ho": 2, "Gil-ho": 1}), {"Ahn Gil Ho"})
>>> sorted(str(o) for _, p, o in describe(SGID["person/ahn-gil-ho"], names) if p in (RDFS.label, SKOS.altLabel))
['Ahn Gil Ho', 'Ahn Gil-ho', 'Gil-ho']
>>> name_key("Ahn Gil-ho"), title_key("The Glory"), name_key("The Glory")
('ahngilho', 'glory', 'theglory')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from showgraph.rdf import KIND_CLASSES, PREFIXES, SG, SGID

if TYPE_CHECKING:
    from showgraph.store import Patch, Store

__all__ = [
    "ENTITIES_GRAPH",
    "Names",
    "describe",
    "entity_patch",
    "name_key",
    "rebuild_entities",
    "split_descriptions",
    "store_article",
    "title_key",
    "upgrade_store",
    "with_descriptions",
]

#: The named graph that describes every entity once.
ENTITIES_GRAPH = "https://w3id.org/showgraph/graph/entities"

#: An entity description in a self-contained article graph -> what the stored article graph keeps.
DESCRIBING: dict[URIRef, URIRef] = {
    RDF.type: SG.articleType,
    RDFS.label: SG.articleLabel,
    SKOS.altLabel: SG.articleAltLabel,
}
_ENTITY_CLASSES = frozenset(KIND_CLASSES.values())
_TITLE_CLASSES = frozenset({SG.Show, SG.Work})
_NOT_ALNUM = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the\s+")
_PREFIXES = """\
PREFIX sg: <https://w3id.org/showgraph/ontology#>
"""


def name_key(name: str) -> str:
    """A name as the named queries compare it: ``REPLACE(LCASE(?name), "[^\\\\p{L}\\\\p{N}]+", "")``.

    Stored as ``sg:nameKey``, so a query binds the key of its parameter and looks the entity up in an
    index instead of folding every label in the store.

    >>> name_key("Zoë O'Brien"), name_key("Gil-ho"), name_key("이병헌")
    ('zoëobrien', 'gilho', '이병헌')
    """
    return _NOT_ALNUM.sub("", name.lower())


def title_key(name: str) -> str:
    """A show's name key with a leading "the" dropped first, as the show queries compare titles.

    >>> title_key("The  Crown"), title_key("Theatre")
    ('crown', 'theatre')
    """
    return name_key(_LEADING_THE.sub("", name.lower()))


def is_entity(node: Node) -> bool:
    """Whether a node is an entity IRI (``sgid:``), not an article, claim or class."""
    return isinstance(node, URIRef) and str(node).startswith(str(SGID))


def _bound(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def split_descriptions(graph: Graph) -> Graph:
    """The article graph as stored: each entity's types, label and alternative labels rewritten as
    ``sg:articleType``, ``sg:articleLabel`` and ``sg:articleAltLabel`` (what this article called it).

    >>> from showgraph.rdf import SGART
    >>> g = Graph()
    >>> _ = g.add((SGID["person/x"], RDFS.label, Literal("X")))
    >>> _ = g.add((SGART["a1"], RDFS.label, Literal("kept")))
    >>> sorted(str(p).rsplit("#")[-1] for _, p, _ in split_descriptions(g))
    ['articleLabel', 'label']
    """
    out = _bound(Graph(identifier=graph.identifier, bind_namespaces="none"))
    for s, p, o in graph:
        if p in DESCRIBING and is_entity(s) and (p != RDF.type or o in _ENTITY_CLASSES):
            out.add((s, DESCRIBING[p], o))
        else:
            out.add((s, p, o))
    return out


@dataclass
class Names:
    """What the article graphs call one entity: the classes they read it as, each article's own name
    for it (with how many articles use that name), and the other names they use."""

    types: set[URIRef] = field(default_factory=set)
    labels: Counter[str] = field(default_factory=Counter)
    alts: set[str] = field(default_factory=set)

    def add(self, predicate: Node, value: Node, count: int = 1) -> None:
        if predicate == SG.articleType and isinstance(value, URIRef):
            self.types.add(value)
        elif predicate == SG.articleLabel:
            self.labels[str(value)] += count
        elif predicate == SG.articleAltLabel:
            self.alts.add(str(value))


def describe(entity: URIRef, names: Names) -> Iterator[tuple[Node, Node, Node]]:
    """The entity's triples in the entities graph: its classes, one label (the name most articles give
    it; among equals, the fullest, then the first alphabetically), every other name as an altLabel,
    and the name keys of every name."""
    for cls in sorted(names.types):
        yield entity, RDF.type, cls
    ranked = sorted(names.labels.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    every = set(names.labels) | names.alts
    if ranked:
        label = ranked[0][0]
        yield entity, RDFS.label, Literal(label)
        every.discard(label)
        for alt in sorted(every):
            yield entity, SKOS.altLabel, Literal(alt)
        every.add(label)
    titles = bool(names.types & _TITLE_CLASSES)
    for name in sorted(every):
        yield entity, SG.nameKey, Literal(name_key(name))
        if titles:
            yield entity, SG.titleKey, Literal(title_key(name))


def names_in(graph: Graph) -> dict[URIRef, Names]:
    """Per entity, what one stored article graph (after :func:`split_descriptions`) calls it."""
    found: dict[URIRef, Names] = {}
    for predicate in DESCRIBING.values():
        for s, o in graph.subject_objects(predicate):
            if is_entity(s):
                found.setdefault(s, Names()).add(predicate, o)  # type: ignore[arg-type]
    return found


def _names_query(entities: Iterable[URIRef] | None, skip: str | None) -> str:
    values = ""
    if entities is not None:
        values = "VALUES ?e { " + " ".join(str(ox.NamedNode(str(e))) for e in entities) + " }\n  "
    skipping = f"\n  FILTER(?g != {ox.NamedNode(skip)})" if skip else ""
    return (
        _PREFIXES + "SELECT ?e ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {\n  " + values + "VALUES ?p { sg:articleType "
        "sg:articleLabel sg:articleAltLabel }\n  GRAPH ?g { ?e ?p ?o }" + skipping + "\n} GROUP BY ?e ?p ?o"
    )


def stored_names(
    store: Store, entities: Iterable[URIRef] | None = None, *, skip: str | None = None
) -> dict[URIRef, Names]:
    """What the stored article graphs (all but ``skip``) call ``entities`` (None: every entity)."""
    entities = None if entities is None else sorted(set(entities))
    found: dict[URIRef, Names] = {}
    if entities is not None and not entities:
        return found
    for e, p, o, n in store.query(_names_query(entities, skip)).rows:
        if isinstance(e, URIRef) and is_entity(e) and p is not None and o is not None:
            found.setdefault(e, Names()).add(p, o, int(n.toPython()) if n is not None else 1)
    return found


def entity_patch(store: Store, graph_iri: str, stored: Graph) -> Patch:
    """The change to :data:`ENTITIES_GRAPH` that storing ``stored`` as ``graph_iri`` brings: every entity
    the new or the old version of the article names is described afresh from all article graphs.

    Costs one query over the stored names of those entities (not over the store).
    """
    from showgraph.store import Patch

    new = names_in(stored)
    old_query = (
        _PREFIXES
        + f"SELECT DISTINCT ?e WHERE {{ GRAPH {ox.NamedNode(graph_iri)} {{ ?e sg:articleType|sg:articleLabel ?o }} }}"
    )
    old = {row[0] for row in store.query(old_query).rows if isinstance(row[0], URIRef)}
    touched = set(new) | old
    merged = stored_names(store, touched, skip=graph_iri)
    for entity, names in new.items():
        into = merged.setdefault(entity, Names())
        into.types |= names.types
        into.labels.update(names.labels)
        into.alts |= names.alts
    graph = _bound(Graph(bind_namespaces="none"))
    graph.add((URIRef(ENTITIES_GRAPH), RDF.type, SG.EntityGraph))
    for entity in sorted(merged):
        for triple in describe(entity, merged[entity]):
            graph.add(triple)
    return Patch(sorted(str(e) for e in touched), graph)


def store_article(store: Store, graph: Graph, *, extra: Mapping[str, Graph] | None = None) -> list[str]:
    """Store a self-contained article graph (named by its identifier) as docs/MODEL.md says: its claims
    in its own graph, its entity descriptions folded into the entities graph, in one transaction.
    ``extra`` graphs (its quarantine graph) are replaced in the same transaction. Returns the entities
    whose description was written afresh (those the old or the new version of the article names)."""
    name = str(graph.identifier)
    stored = split_descriptions(graph)
    patch = entity_patch(store, name, stored)
    store.replace_graph(name, stored, extra=extra, patches={ENTITIES_GRAPH: patch})
    return list(patch.subjects)


def entities_graph(names: Mapping[URIRef, Names]) -> Graph:
    """The entities graph for ``names`` (all of it), typed ``sg:EntityGraph``."""
    graph = _bound(Graph(identifier=URIRef(ENTITIES_GRAPH), bind_namespaces="none"))
    graph.add((URIRef(ENTITIES_GRAPH), RDF.type, SG.EntityGraph))
    for entity in sorted(names):
        for triple in describe(entity, names[entity]):
            graph.add(triple)
    return graph


def rebuild_entities(store: Store) -> int:
    """Describe every entity afresh from all article graphs and replace the entities graph whole
    (after a bulk copy of article graphs, or to check the incremental upkeep); entities described."""
    names = stored_names(store)
    store.replace_graph(ENTITIES_GRAPH, entities_graph(names))
    return len(names)


def with_descriptions(article: Graph, entities: Graph) -> Graph:
    """A stored article graph plus the entities graph's description of every entity it names: what
    per-article SHACL validation needs (a claim's subject must be typed) without the whole store."""
    out = Graph(identifier=article.identifier, bind_namespaces="none")
    out += article
    named = {s for predicate in DESCRIBING.values() for s in article.subjects(predicate) if is_entity(s)}
    for entity in named:
        for p, o in entities.predicate_objects(entity):
            if p in (RDF.type, RDFS.label, SKOS.altLabel):
                out.add((entity, p, o))
    return out


def upgrade_store(store: Store) -> int:
    """Bring a store written before entities were described once up to date: every article graph that
    still describes its entities itself is stored again the current way. Returns how many were."""
    from showgraph.rdf import SGART

    rewritten = 0
    for name in store.graphs():
        if not name.startswith(str(SGART)):
            continue
        graph = Graph(identifier=URIRef(name), bind_namespaces="none")
        for s, p, o, _ in store.iter_quads(name):
            graph.add((s, p, o))
        if any(is_entity(s) for predicate in DESCRIBING for s in graph.subjects(predicate)):
            store_article(store, graph)
            rewritten += 1
    return rewritten
