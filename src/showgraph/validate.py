"""SHACL validation: check an article graph against ontology/shapes.ttl and split off what breaks it.

A claim that breaks a shape (itself, its evidence or a selector of its evidence, or the direct edge
it produced) goes to the article's quarantine graph, re-typed ``sg:QuarantinedClaim`` and without
its direct edge, together with the SHACL report; everything else is accepted. One bad fact thus
never blocks the rest of its article, and never reaches queries as a plain fact.

The shapes are parsed once per process. Validation runs pyshacl without inference: the shapes name
every accepted class explicitly, so no RDFS/OWL reasoning (slow) is needed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF
from rdflib.term import Node

from showgraph.errors import ValidationSetupError
from showgraph.rdf import (
    DIRECT_STATUSES,
    OA,
    PREFIXES,
    RELATION_PROPERTIES,
    SCHEMA,
    SG,
    SGART,
    SGQ,
    STATUS_IRIS,
    quarantine_iri,
)
from showgraph.resources import ontology_path

SH = "http://www.w3.org/ns/shacl#"
SH_RESULT = URIRef(SH + "result")
SH_FOCUS = URIRef(SH + "focusNode")
SH_PATH = URIRef(SH + "resultPath")
SH_VALUE = URIRef(SH + "value")
SH_MESSAGE = URIRef(SH + "resultMessage")
SH_SOURCE_SHAPE = URIRef(SH + "sourceShape")
SH_SEVERITY = URIRef(SH + "resultSeverity")
SH_VIOLATION = URIRef(SH + "Violation")
SH_TARGET_SUBJECTS_OF = URIRef(SH + "targetSubjectsOf")

_RELATION_BY_PROPERTY = {prop: relation for relation, prop in RELATION_PROPERTIES.items()}
_DIRECT_STATUS_IRIS = frozenset(STATUS_IRIS[status] for status in DIRECT_STATUSES)
_SHORT = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda pair: -len(pair[0]))


def short(node: Node) -> str:
    """A node as a reader wants it in a message: ``sgid:person/ahn-gil-ho``, ``"two"``.

    >>> short(SG.plays), short(Literal("two"))
    ('sg:plays', '"two"')
    """
    if isinstance(node, Literal):
        return f'"{node}"'
    text = str(node)
    for namespace, prefix in _SHORT:
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return f"<{text}>" if isinstance(node, URIRef) else f"_:{text}"


@dataclass(frozen=True)
class Problem:
    """One SHACL result, traced back to the claim it implicates (``claim`` is None if none is)."""

    focus: Node
    message: str
    claim: URIRef | None = None
    relation: str | None = None
    path: Node | None = None
    value: Node | None = None
    shape: Node | None = None
    part: str = ""  # "" for the claim itself; "evidence", "selector" or "direct edge"

    @property
    def article_id(self) -> str | None:
        """The article a claim IRI belongs to (``sgart:<id>/claim/<n>``)."""
        if self.claim is None or not str(self.claim).startswith(str(SGART)):
            return None
        return str(self.claim)[len(str(SGART)) :].split("/", 1)[0]

    def __str__(self) -> str:
        got = f" (got {short(self.value)})" if self.value is not None else ""
        if self.claim is None:
            return f"{short(self.focus)}: {self.message}{got}"
        what = f"claim {short(self.claim)}" + (f" ({self.relation})" if self.relation else "")
        if self.part:
            what += f", {self.part} {short(self.focus)}"
        return f"{what}: {self.message}{got}"


@dataclass
class ValidationResult:
    """The outcome of validating one graph, and its split into accepted and quarantined parts."""

    conforms: bool
    report_graph: Graph
    report_text: str
    problems: list[Problem] = field(default_factory=list)
    quarantined: frozenset[URIRef] = frozenset()
    accepted: Graph = field(default_factory=Graph)
    quarantine: Graph = field(default_factory=Graph)

    @property
    def count(self) -> int:
        """How many claims were quarantined."""
        return len(self.quarantined)

    @property
    def quarantined_count(self) -> int:
        """How many claims were quarantined (the same as :attr:`count`)."""
        return len(self.quarantined)

    @property
    def reasons(self) -> list[str]:
        """Human-readable reasons, one per distinct problem, in report order."""
        return list(dict.fromkeys(str(problem) for problem in self.problems))


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """ontology/shapes.ttl, parsed once per process."""
    return _parse("shapes.ttl")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """ontology/showgraph.ttl, parsed once per process."""
    return _parse("showgraph.ttl")


def _parse(name: str) -> Graph:
    path = ontology_path(name)
    try:
        return Graph().parse(path, format="turtle")
    except Exception as error:  # rdflib raises many kinds of parse errors
        raise ValidationSetupError(f"{path} is not valid Turtle ({error}); fix or restore the file") from error


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _compiled_shapes():  # -> pyshacl ShapesGraph, shapes harvested once
    from pyshacl.shapes_graph import ShapesGraph

    compiled = ShapesGraph(shapes_graph())
    _ = compiled.shapes  # harvest now, not on first validation
    return compiled


def _alone(graph: Graph) -> Graph:
    """``graph`` itself, or a copy if it is one graph of a larger store (pyshacl would see them all)."""
    if any(context.identifier != graph.identifier for context in graph.store.contexts()):
        copy = Graph(identifier=graph.identifier, bind_namespaces="none")
        copy += graph
        return copy
    return graph


def _run_shacl(data: Graph) -> tuple[bool, Graph, str]:
    """pyshacl over ``data`` with the cached shapes; no inference, data graph not copied."""
    from pyshacl.graph_abstraction import DataGraph
    from pyshacl.validator import Validator

    options = {"inference": "none", "inplace": True, "abort_on_first": False, "advanced": False}
    with _lock:
        validator = Validator(DataGraph.from_rdflib(data), shacl_graph=shapes_graph(), options=options)
        validator.shacl_graph = _compiled_shapes()  # reuse the harvested shapes across calls
        conforms, report, text = validator.run()
    return bool(conforms), report, text


def _claims_in(data: Graph) -> set[Node]:
    return set(data.subjects(RDF.type, SG.Claim)) | set(data.subjects(SG.relation, None))


def _edge_property(problem_path: Node | None, shape: Node | None) -> URIRef | None:
    """The relation property of a direct-edge violation: its path, or the shape's target property."""
    if problem_path in _RELATION_BY_PROPERTY:
        return problem_path  # type: ignore[return-value]
    if shape is not None:
        target = shapes_graph().value(shape, SH_TARGET_SUBJECTS_OF)
        if target in _RELATION_BY_PROPERTY:
            return target  # type: ignore[return-value]
    return None


def _attribute(
    data: Graph, claims: set[Node], focus: Node, path: Node | None, value: Node | None, shape: Node | None
) -> tuple[list[Node], str]:
    """The claims a result implicates, and which part of them the focus node is."""
    if focus in claims:
        return [focus], ""
    owners = [claim for claim in data.subjects(SG.evidence, focus) if claim in claims]
    if owners:
        return owners, "evidence"
    owners = [
        claim
        for evidence in data.subjects(OA.hasSelector, focus)
        for claim in data.subjects(SG.evidence, evidence)
        if claim in claims
    ]
    if owners:
        return owners, "selector"
    prop = _edge_property(path, shape)
    if prop is not None:
        owners = []
        for claim in data.subjects(SG.subject, focus):
            if claim not in claims or (claim, SG.relation, prop) not in data:
                continue
            names_value = (claim, SG.object, value) in data or (claim, SG.value, value) in data
            if value is not None and path == prop and not names_value:
                continue
            owners.append(claim)
        if owners:
            return owners, "direct edge"
    return [], ""


def _problems(data: Graph, report: Graph) -> list[Problem]:
    claims = _claims_in(data)
    problems = []
    for result in report.objects(None, SH_RESULT):
        focus = report.value(result, SH_FOCUS)
        if focus is None:
            continue
        path = report.value(result, SH_PATH)
        value = report.value(result, SH_VALUE)
        shape = report.value(result, SH_SOURCE_SHAPE)
        message = str(report.value(result, SH_MESSAGE) or "breaks a shape")
        if isinstance(path, BNode):
            path = None
        owners, part = _attribute(data, claims, focus, path, value, shape)
        if not owners:
            problems.append(Problem(focus, message, None, None, path, value, shape))
        for claim in owners:
            prop = data.value(claim, SG.relation)
            relation = _RELATION_BY_PROPERTY.get(prop) if prop is not None else None  # type: ignore[arg-type]
            problems.append(Problem(focus, message, claim, relation, path, value, shape, part))  # type: ignore[arg-type]
    problems.sort(key=lambda problem: (str(problem.claim or ""), problem.part, problem.message, str(problem.value)))
    return problems


def _direct_edge(data: Graph, claim: Node) -> tuple[Node, Node, Node] | None:
    """The direct edge a claim produced, if its status produces one."""
    if data.value(claim, SG.status) not in _DIRECT_STATUS_IRIS:
        return None
    subject, prop = data.value(claim, SG.subject), data.value(claim, SG.relation)
    target = data.value(claim, SG.object)
    if target is None:
        target = data.value(claim, SG.value)
    if subject is None or prop is None or target is None:
        return None
    return subject, prop, target


def split(
    data: Graph, quarantined: Iterable[Node], report: Graph | None, quarantine_name: Node | None = None
) -> tuple[Graph, Graph]:
    """``data`` without the quarantined claims, and the quarantine graph holding them and the report.

    A quarantined claim keeps its sg:/prov: statements and its evidence, loses its types (it becomes
    an ``sg:QuarantinedClaim``), its schema.org decorations, the statements pointing at it, and its
    direct edge, unless an accepted claim in the same graph supports that same edge.
    """
    bad = set(quarantined)
    accepted = Graph(identifier=data.identifier, bind_namespaces="none")
    quarantine = Graph(identifier=quarantine_name or BNode(), bind_namespaces="none")
    for graph in (accepted, quarantine):
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        graph.bind("sh", SH)
    if not bad:
        accepted += data
        if report is not None:
            quarantine += report
        return accepted, quarantine

    moved: set[Node] = set()
    for claim in bad:
        for evidence in data.objects(claim, SG.evidence):
            moved.add(evidence)
            moved.update(data.objects(evidence, OA.hasSelector))
    claims = _claims_in(data)
    kept_edges = {edge for claim in claims - bad if (edge := _direct_edge(data, claim)) is not None}
    dropped_edges = {edge for claim in bad if (edge := _direct_edge(data, claim)) is not None} - kept_edges

    schema = str(SCHEMA)
    for triple in data:
        subject, predicate, obj = triple
        if subject in bad:
            if predicate != RDF.type and not str(predicate).startswith(schema):
                quarantine.add(triple)
        elif subject in moved:
            quarantine.add(triple)
        elif obj in bad or triple in dropped_edges:
            continue
        else:
            accepted.add(triple)
    for claim in bad:
        quarantine.add((claim, RDF.type, SG.QuarantinedClaim))
    if report is not None:
        quarantine += report
    return accepted, quarantine


def _validate(data: Graph, quarantine_name: Node | None) -> ValidationResult:
    data = _alone(data)
    conforms, report, text = _run_shacl(data)
    problems = [] if conforms else _problems(data, report)
    quarantined = frozenset(problem.claim for problem in problems if problem.claim is not None)
    accepted, quarantine = split(data, quarantined, None if conforms else report, quarantine_name)
    return ValidationResult(conforms, report, text, problems, quarantined, accepted, quarantine)  # type: ignore[arg-type]


def _article_id(graph_name: Node) -> str | None:
    text = str(graph_name)
    return text[len(str(SGART)) :] if text.startswith(str(SGART)) and "/" not in text[len(str(SGART)) :] else None


def validate_article(graph: Graph, article_id: str | None = None) -> ValidationResult:
    """Validate one article graph (as :func:`showgraph.rdf.article_graph` builds it) and split it.

    ``accepted`` keeps the graph's identifier (the article's graph IRI); ``quarantine`` is named
    :func:`showgraph.rdf.quarantine_iri` of the article, taken from ``article_id`` or the identifier.
    """
    article_id = article_id or _article_id(graph.identifier)
    return _validate(graph, quarantine_iri(article_id) if article_id else None)


def validate_graph(
    graph: Graph | Dataset | ConjunctiveGraph, *, progress: Callable[[int, int], None] | None = None
) -> ValidationResult:
    """Validate a whole store's dump: one graph, or a dataset graph by graph.

    In a dataset each named graph is validated on its own (an article graph must hold everything
    its claims point at; the entities graph's description of the entities it names is added to it);
    quarantine graphs (``https://w3id.org/showgraph/quarantine/...``) are
    skipped, as they hold claims already known to be bad. The result merges the per-graph results:
    ``accepted`` and ``quarantine`` are flat unions, ``problems`` name each claim (its IRI carries
    its article, see :attr:`Problem.article_id`).
    """
    # progress(graphs done, graphs to check) after each graph, so a command can show the time left
    total = _graphs_to_check(graph)
    if not isinstance(graph, ConjunctiveGraph):  # Dataset is one too
        return _validate(graph, None)
    from showgraph.entity_graph import ENTITIES_GRAPH, with_descriptions

    results = []
    contexts = list(graph.graphs() if isinstance(graph, Dataset) else graph.contexts())
    entities = next((c for c in contexts if str(c.identifier) == ENTITIES_GRAPH), Graph())
    for context in contexts:
        if str(context.identifier).startswith(str(SGQ)) or len(context) == 0:
            continue
        if context is entities:
            copy = Graph(identifier=context.identifier, bind_namespaces="none")
            copy += context
        else:  # an article graph keeps its claims; its entities are described once, in the entities graph
            copy = with_descriptions(context, entities)
        article_id = _article_id(context.identifier)
        results.append(_validate(copy, quarantine_iri(article_id) if article_id else None))
        if progress:
            progress(len(results), total)
    merged = ValidationResult(True, Graph(), "Validation Report\nConforms: True\n")
    texts = []
    for result in results:
        merged.conforms = merged.conforms and result.conforms
        merged.report_graph += result.report_graph
        merged.problems.extend(result.problems)
        merged.accepted += result.accepted
        merged.quarantine += result.quarantine
        if not result.conforms:
            texts.append(f"Graph {short(result.accepted.identifier)}\n{result.report_text}")
    merged.quarantined = frozenset(claim for result in results for claim in result.quarantined)
    if texts:
        merged.report_text = "Validation Report\nConforms: False\n" + "\n".join(texts)
    return merged


def _graphs_to_check(graph: Graph | Dataset | ConjunctiveGraph) -> int:
    """How many graphs :func:`validate_graph` validates: a dataset's non-empty, non-quarantine ones."""
    if not isinstance(graph, ConjunctiveGraph):
        return 1
    contexts = graph.graphs() if isinstance(graph, Dataset) else graph.contexts()
    return sum(1 for c in contexts if not str(c.identifier).startswith(str(SGQ)) and len(c) > 0)
