"""The store: named graphs in, SPARQL out, with one code path for every backend.

One article's facts live in one named graph (see docs/MODEL.md); re-loading an article replaces that
graph, and its quarantine graph, in a single transaction. Queries see the union of all named graphs as
their default graph, so ``GRAPH ?g { … }`` is only needed to ask which article said what.

Backends: an embedded Oxigraph store on disk (``open_store(path)``), the same in memory
(``open_store(":memory:")``, for tests), or any SPARQL 1.1 endpoint (``open_store(endpoint=url)``).
All three take the same SPARQL text: replacing a graph is one ``DROP SILENT GRAPH …; INSERT DATA …``
update request, and each SPARQL 1.1 update request is applied atomically by Oxigraph (embedded and
server), Fuseki, GraphDB and Neptune.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/showgraph/id/show/the-glory"),
...            URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("The Glory")))
>>> with open_store(":memory:") as store:
...     store.replace_graph("https://w3id.org/showgraph/article/a1", g)
...     result = store.query("SELECT ?label WHERE { ?show rdfs:label ?label }",
...                          prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
...     print(result.to_dicts(), len(store))
[{'label': 'The Glory'}] 1
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import threading
import time
import traceback
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, TypeAlias

import httpx
import pyoxigraph as ox
import rdflib
from rdflib.term import BNode, Identifier, Node, URIRef
from rdflib.term import Literal as RdfLiteral

from showgraph.errors import QueryCancelledError, QueryError, QueryTimeoutError, QueryTooLargeError, StoreError

__all__ = [
    "DUMP_FORMATS",
    "MEMORY",
    "PREFIXES",
    "Dataset",
    "Patch",
    "QueryLimits",
    "QueryResult",
    "Row",
    "Store",
    "default_store_path",
    "open_store",
]

#: ``open_store(MEMORY)`` opens a throw-away store held in memory.
MEMORY = ":memory:"

#: Prefixes written into Turtle, TriG and JSON-LD dumps (the namespaces of docs/MODEL.md).
PREFIXES: dict[str, str] = {
    "sg": "https://w3id.org/showgraph/ontology#",
    "sgid": "https://w3id.org/showgraph/id/",
    "sgart": "https://w3id.org/showgraph/article/",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: ``dump`` format names and the serialisation each one means. ttl and nt hold triples only.
DUMP_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a query runs over, as the SPARQL 1.1 Protocol's ``default-graph-uri`` and
    ``named-graph-uri`` name it: the default graph is the merge of ``default_graphs``, and only
    ``named_graphs`` can be read with ``GRAPH``. (Without one, the default graph is the union of all.)"""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def check(self) -> None:
        """QueryError naming a graph that is not an IRI."""
        for iri in (*self.default_graphs, *self.named_graphs):
            try:
                ox.NamedNode(iri)
            except ValueError as exc:
                raise QueryError(f"{iri!r} is not a graph IRI ({exc}); name graphs by their full IRI") from exc


#: What a result row holds: one rdflib term per variable, None where the variable is unbound.
Row: TypeAlias = tuple[Identifier | None, ...]
OxTerm: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
RawResult: TypeAlias = "ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple]"

_COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_LIST_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def default_store_path() -> Path:
    """Where the on-disk store lives unless told otherwise.

    ``$SHOWGRAPH_STORE`` if set, else ``$XDG_DATA_HOME/showgraph/store`` (an absolute XDG_DATA_HOME
    only, as the XDG spec asks), else ``~/.local/share/showgraph/store``.

    >>> import os
    >>> os.environ["SHOWGRAPH_STORE"] = "/srv/kg"
    >>> default_store_path()
    PosixPath('/srv/kg')
    >>> del os.environ["SHOWGRAPH_STORE"]
    """
    explicit = os.environ.get("SHOWGRAPH_STORE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "showgraph" / "store"


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    timeout: float = 30.0,
    read_only: bool = False,
) -> Store:
    """Open a store: on disk at ``location``, in memory for ``":memory:"``, or a SPARQL endpoint.

    ``location`` is a directory, created if missing. ``endpoint`` is a SPARQL 1.1 query URL;
    ``update_endpoint`` defaults to it (Fuseki's ``/ds``); for ``oxigraph serve`` pass ``…/query`` and
    ``…/update``. The server must present the union of its named graphs as the default graph
    (``oxigraph serve --union-default-graph``; Fuseki ``tdb2:unionDefaultGraph true``; GraphDB and
    Neptune do so by default), else queries without ``GRAPH`` see nothing. ``timeout`` (seconds) bounds
    each HTTP request. Raises StoreError if the store can't be opened or reached.

    ``read_only`` opens an on-disk store without taking its lock, so a command that only reads works
    while another process (``showgraph serve``) holds the store: it sees the store as it was when
    opened. A folder that holds no store yet is created and opened as usual (there is nothing to read).

    >>> store = open_store(":memory:")
    >>> store.location, len(store)
    (':memory:', 0)
    >>> store.close()
    """
    if endpoint is not None:
        if location is not None:
            raise StoreError("give either a store location or a SPARQL endpoint, not both")
        return Store(_RemoteBackend(endpoint, update_endpoint or endpoint, timeout))
    if update_endpoint is not None:
        raise StoreError("update_endpoint needs endpoint (the query URL) as well")
    if location is None:
        raise StoreError(
            "no store location given: pass a directory, ':memory:', or endpoint=URL "
            f"(the usual directory is {default_store_path()})"
        )
    return Store(_EmbeddedBackend(location, read_only=read_only))


# --------------------------------------------------------------------------------------------------
# Limits


@dataclass(eq=False)  # compared and hashed by identity: one object per running query
class QueryLimits:
    """How far one query may go: ``timeout`` seconds, ``max_rows`` result rows (or triples), and a
    flag another thread sets (:meth:`cancel`) when nobody wants the answer any more.

    A server needs these so that one query cannot hold its memory or its workers. They are checked as
    the engine hands over each row, so a query stops at its next row; a stretch of work that yields no
    row (sorting a huge product) runs on until it does.

    >>> limits = QueryLimits(max_rows=2)
    >>> limits.check(2)
    >>> limits.check(3)
    Traceback (most recent call last):
    showgraph.errors.QueryTooLargeError: [SG306] the result has more than 2 rows, the server's limit; \
add LIMIT to the query or narrow it
    """

    timeout: float | None = None
    max_rows: int | None = None
    started: float = field(default_factory=time.monotonic)
    _cancelled: threading.Event = field(default_factory=threading.Event, repr=False)

    def remaining(self) -> float | None:
        """Seconds left before the time limit (never below 0), or None without one."""
        if self.timeout is None:
            return None
        return max(0.0, self.started + self.timeout - time.monotonic())

    def cancel(self) -> None:
        """Ask the query to stop at its next row (the client went away, or the server is stopping)."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self, rows: int = 0) -> None:
        """Raise if the query must stop: cancelled, past its time, or ``rows`` over the row limit."""
        if self._cancelled.is_set():
            raise QueryCancelledError("the query was cancelled: the client went away or the server is stopping")
        if self.timeout is not None and time.monotonic() - self.started > self.timeout:
            raise QueryTimeoutError(
                f"the query ran longer than {self.timeout:g} s, the server's time limit, and was stopped; "
                "narrow it or add LIMIT"
            )
        if self.max_rows is not None and rows > self.max_rows:
            raise QueryTooLargeError(
                f"the result has more than {self.max_rows} rows, the server's limit; "
                "add LIMIT to the query or narrow it"
            )


# --------------------------------------------------------------------------------------------------
# Results


@dataclass
class QueryResult:
    """The materialised answer of one query: rows of rdflib terms, a boolean, or a graph.

    ``kind`` is ``"select"``, ``"ask"`` or ``"construct"`` (CONSTRUCT and DESCRIBE). Iterating a
    select result yields its rows, a construct result its triples; ``len()`` counts them.

    >>> from rdflib import Literal
    >>> r = QueryResult("select", ["n"], [(Literal(3),)])
    >>> r.to_dicts(), r.to_csv()
    ([{'n': 3}], 'n\\r\\n3\\r\\n')
    """

    kind: Literal["select", "ask", "construct"]
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: rdflib.Graph | None = None

    def __iter__(self) -> Iterator[Any]:
        if self.kind == "construct":
            assert self.graph is not None
            return iter(self.graph)
        if self.kind == "ask":
            raise QueryError("an ASK result has no rows: read its .boolean")
        return iter(self.rows)

    def __len__(self) -> int:
        if self.kind == "construct":
            assert self.graph is not None
            return len(self.graph)
        return len(self.rows) if self.kind == "select" else 1

    def to_dicts(self) -> list[dict[str, Any]]:
        """Rows as ``{variable: python value}`` (``pandas.DataFrame(result.to_dicts())``).

        Literals become their python value (int, date, …; the lexical form if rdflib has none), IRIs
        and blank nodes strings, unbound variables None.
        """
        self._need_rows("to_dicts")
        return [{var: _python_value(term) for var, term in zip(self.variables, row, strict=True)} for row in self.rows]

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON for SELECT and ASK results."""
        if self.kind == "ask":
            return json.dumps({"head": {}, "boolean": self.boolean})
        self._need_rows("to_json")
        bindings = [
            {var: _json_term(term) for var, term in zip(self.variables, row, strict=True) if term is not None}
            for row in self.rows
        ]
        return json.dumps({"head": {"vars": self.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV: header of variable names, plain values, CRLF line ends.

        CSV drops datatypes and languages (that is the format); use to_tsv or to_json to keep them.
        An ASK result is written as the single line ``true`` or ``false``.
        """
        if self.kind == "ask":
            return "true\r\n" if self.boolean else "false\r\n"
        self._need_rows("to_csv")
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(["" if term is None else _csv_value(term) for term in row])
        return out.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV: ``?var`` header, terms in N-Triples syntax, LF line ends."""
        if self.kind == "ask":
            return "true\n" if self.boolean else "false\n"
        self._need_rows("to_tsv")
        lines = ["\t".join(f"?{var}" for var in self.variables)]
        lines.extend("\t".join("" if term is None else str(_to_ox(term)) for term in row) for row in self.rows)
        return "\n".join(lines) + "\n"

    def _need_rows(self, what: str) -> None:
        if self.kind == "construct":
            raise QueryError(
                f"{what}() needs a SELECT result; a CONSTRUCT result is a graph: "
                "use result.graph.serialize(format='turtle') or Store.dump"
            )
        if self.kind == "ask" and what == "to_dicts":
            raise QueryError("an ASK result has no rows: read its .boolean")


def _python_value(term: Identifier | None) -> Any:
    if term is None:
        return None
    if isinstance(term, RdfLiteral):
        value = term.toPython()
        return str(value) if isinstance(value, RdfLiteral) else value
    return str(term)


def _json_term(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, RdfLiteral)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def _csv_value(term: Identifier) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


# --------------------------------------------------------------------------------------------------
# Terms: rdflib <-> pyoxigraph. pyoxigraph validates IRIs and language tags, and its str() is
# N-Triples syntax, which is also valid SPARQL: the only way terms get into SPARQL text here.


def _to_ox(term: Node, bnodes: dict[BNode, ox.BlankNode] | None = None) -> OxTerm:
    """An rdflib term as a pyoxigraph term; ValueError if it is not valid RDF (bad IRI, bad tag).

    With ``bnodes``, blank nodes get fresh labels (consistent within one call site), so labels from
    rdflib never have to be valid SPARQL labels.
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        if bnodes is None:
            return ox.BlankNode(str(term))
        if term not in bnodes:
            bnodes[term] = ox.BlankNode()
        return bnodes[term]
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"{term!r} is not an IRI, blank node or literal")


def _to_rdflib(term: Any) -> Identifier:
    """A pyoxigraph term as an rdflib term; xsd:string literals come back as plain literals."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.Triple):
        raise QueryError(
            f"the result holds the quoted triple {term}, which rdflib cannot represent; "
            "showgraph never writes quoted triples, so look for data loaded by another tool"
        )
    raise QueryError(f"unexpected term {term!r} in a result")


def _binding_term(name: str, value: Any) -> OxTerm:
    if isinstance(value, BNode):
        raise QueryError(f"binding {name!r}: a blank node cannot be bound; bind an IRI or a literal")
    if value is None:
        raise QueryError(f"binding {name!r} is None; leave it out of bindings to keep the variable free")
    term = value if isinstance(value, Identifier) else RdfLiteral(value)
    try:
        return _to_ox(term)
    except ValueError as exc:
        raise QueryError(f"binding {name!r}: {value!r} is not a valid RDF term ({exc})") from exc


# --------------------------------------------------------------------------------------------------
# SPARQL text: a small lexer, enough to find a query's form and the brace opening its WHERE group
# while skipping IRIs, strings and comments.

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
    | (?P<var>[?$]\w+)
    | (?P<word>[^\s(){}\[\],;'"<>=!|&+*/^\#?$]+)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_PN_CHARS_U = (
    "A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_VARNAME = re.compile(f"[{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*")


def _tokens(sparql: str) -> list[tuple[str, str, int, int]]:
    """Significant tokens as (kind, text, start, end); whitespace and comments dropped."""
    out = []
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        assert kind is not None
        if kind not in ("ws", "comment"):
            out.append((kind, match.group(), match.start(), match.end()))
    return out


def _query_form(tokens: list[tuple[str, str, int, int]]) -> tuple[str | None, int]:
    """The first query or update keyword (upper-cased) and its token index; (None, -1) if none."""
    for index, (kind, text, _, _) in enumerate(tokens):
        if kind == "word" and text.upper() in _QUERY_FORMS | _UPDATE_FORMS:
            return text.upper(), index
    return None, -1


def _with_values(sparql: str, bindings: Mapping[str, OxTerm]) -> str:
    """``sparql`` with ``VALUES (?a …) { (term …) }`` first in its WHERE group.

    Placed there, the values act as pre-bound variables for the whole group, FILTERs and OPTIONALs
    included (sub-SELECTs see them only through their projection, as SPARQL scoping says). The short
    ``CONSTRUCT WHERE { … }`` form allows no VALUES, so it is spelt out as ``CONSTRUCT { … } WHERE``.

    >>> _with_values('SELECT ?s WHERE { ?s ?p "{" }', {"p": ox.NamedNode("http://e/p")})
    'SELECT ?s WHERE { VALUES (?p) { (<http://e/p>) } ?s ?p "{" }'
    >>> _with_values("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 2", {"p": ox.NamedNode("http://e/p")})
    'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?p) { (<http://e/p>) } ?s ?p ?o } LIMIT 2'
    """
    tokens = _tokens(sparql)
    form, index = _query_form(tokens)
    if form is None or form not in _QUERY_FORMS:
        raise QueryError("bindings need a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    names = " ".join(f"?{name}" for name in bindings)
    values = f"VALUES ({names}) {{ ({' '.join(str(term) for term in bindings.values())}) }}"
    index += 1
    if form == "CONSTRUCT" and index + 1 < len(tokens) and tokens[index][1].upper() == "WHERE":
        opening = index + 1
        closing = _matching_brace(tokens, opening)
        body = sparql[tokens[opening][3] : tokens[closing][2]]
        head, tail = sparql[: tokens[index][2]], sparql[tokens[closing][3] :]
        return f"{head}{{{body}}} WHERE {{ {values}{body}}}{tail}"
    if form == "CONSTRUCT" and index < len(tokens) and tokens[index][1] == "{":
        index = _matching_brace(tokens, index) + 1  # skip the template
    for kind, text, _, end in tokens[index:]:
        if kind == "punct" and text == "{":
            return f"{sparql[:end]} {values}{sparql[end:]}"
    raise QueryError("bindings need a WHERE { … } clause to bind into; this query has none")


def _matching_brace(tokens: list[tuple[str, str, int, int]], opening: int) -> int:
    """Index of the token closing the ``{`` at ``opening``; QueryError if it is not closed."""
    if tokens[opening][:2] != ("punct", "{"):
        raise QueryError("expected '{' here: the query is malformed")
    depth = 0
    for index in range(opening, len(tokens)):
        kind, text = tokens[index][:2]
        if kind == "punct" and text in "{}":
            depth += 1 if text == "{" else -1
            if depth == 0:
                return index
    raise QueryError("a '{' is never closed: the query is malformed")


_PN_PREFIX = re.compile(r"(?:[A-Za-z][\w.-]*[\w-])?|[A-Za-z]")


def _prologue(prefixes: Mapping[str, str]) -> str:
    """PREFIX declarations; QueryError for a name or IRI that would not parse as one.

    >>> _prologue({"sg": "https://w3id.org/showgraph/ontology#"})
    'PREFIX sg: <https://w3id.org/showgraph/ontology#>\\n'
    """
    lines = []
    for name, iri in prefixes.items():
        if not _PN_PREFIX.fullmatch(name):
            raise QueryError(f"{name!r} is not a usable prefix name; use letters, digits, - and _")
        try:
            lines.append(f"PREFIX {name}: {ox.NamedNode(iri)}\n")
        except ValueError as exc:
            raise QueryError(f"prefix {name}: {iri!r} is not a valid IRI ({exc})") from exc
    return "".join(lines)


@dataclass
class Patch:
    """A change to a shared named graph: every triple whose subject is one of ``subjects`` goes, then
    the triples of ``graph`` come in (their subjects should be among ``subjects``)."""

    subjects: Iterable[str]
    graph: rdflib.Graph


def _graph_node(name: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(name)
    except ValueError as exc:
        raise StoreError(f"{name!r} is not a valid graph IRI ({exc}); graph names must be IRIs") from exc


def _data_block(name: str, graph_node: ox.NamedNode, content: rdflib.Graph, bnodes: dict[BNode, ox.BlankNode]) -> str:
    lines = []
    for s, p, o in content:
        try:
            lines.append(f"{_to_ox(s, bnodes)} {_to_ox(p, bnodes)} {_to_ox(o, bnodes)} .")
        except ValueError as exc:
            raise StoreError(
                f"graph {name}: the triple ({s!r}, {p!r}, {o!r}) is not valid RDF ({exc}); "
                "nothing was written. Fix the term where the graph is built"
            ) from exc
    return f"GRAPH {graph_node} {{\n" + "\n".join(lines) + "\n}" if lines else ""


def _replace_update(graph_iri: str, graph: rdflib.Graph, extra: Mapping[str, rdflib.Graph]) -> str:
    """One SPARQL update that drops every named graph given and inserts its new content.

    Blank nodes are relabelled freshly (shared between the graphs of one call, so a node linked
    from the quarantine graph stays the same node). Raises StoreError naming a term that isn't
    valid RDF, before anything is sent.
    """
    graphs = {graph_iri: graph, **extra}
    bnodes: dict[BNode, ox.BlankNode] = {}
    drops: list[str] = []
    blocks: list[str] = []
    for name, content in graphs.items():
        graph_node = _graph_node(name)
        drops.append(f"DROP SILENT GRAPH {graph_node}")
        block = _data_block(name, graph_node, content, bnodes)
        if block:
            blocks.append(block)
    update = " ;\n".join(drops)
    if blocks:
        update += " ;\nINSERT DATA {\n" + "\n".join(blocks) + "\n}"
    return update


def _patch_update(patches: Mapping[str, Patch], bnodes: dict[BNode, ox.BlankNode]) -> str:
    """SPARQL that removes what each patch's subjects say in its graph and inserts the new triples.

    >>> print(_patch_update({"http://e/g": Patch(["http://e/a"], rdflib.Graph())}, {}))
    DELETE { GRAPH <http://e/g> { ?s ?p ?o } } WHERE { GRAPH <http://e/g> { VALUES ?s { <http://e/a> } ?s ?p ?o } }
    """
    parts: list[str] = []
    blocks: list[str] = []
    for name, patch in patches.items():
        graph_node = _graph_node(name)
        try:
            subjects = " ".join(str(ox.NamedNode(str(subject))) for subject in patch.subjects)
        except ValueError as exc:
            raise StoreError(f"graph {name}: a subject to patch is not an IRI ({exc})") from exc
        if subjects:
            parts.append(
                f"DELETE {{ GRAPH {graph_node} {{ ?s ?p ?o }} }} "
                f"WHERE {{ GRAPH {graph_node} {{ VALUES ?s {{ {subjects} }} ?s ?p ?o }} }}"
            )
        block = _data_block(name, graph_node, patch.graph, bnodes)
        if block:
            blocks.append(block)
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)


# --------------------------------------------------------------------------------------------------
# Backends: each runs SPARQL text; the embedded one also offers fast native paths for listing.


class _Backend:
    location: str

    def query(self, sparql: str, timeout: float | None = None, dataset: Dataset | None = None) -> RawResult:
        """Run ``sparql``; ``timeout`` (seconds) bounds the wait where the backend can (an HTTP request);
        ``dataset`` replaces the union of all graphs as what the query reads."""
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def named_graphs(self) -> list[str]:
        result = self.query(_LIST_GRAPHS)
        assert isinstance(result, ox.QuerySolutions)
        return [solution["g"].value for solution in result]

    def quads(self, graph_iri: str | None) -> Iterator[ox.Quad]:
        graph = "?g" if graph_iri is None else str(ox.NamedNode(graph_iri))
        result = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        assert isinstance(result, ox.QuerySolutions)
        for solution in result:
            name = solution["g"] if graph_iri is None else ox.NamedNode(graph_iri)
            yield ox.Quad(solution["s"], solution["p"], solution["o"], name)

    def count(self) -> int:
        result = self.query(_COUNT_QUADS)
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))["n"].value)


class _EmbeddedBackend(_Backend):
    def __init__(self, location: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self._on_disk = str(location) != MEMORY
        self.location = str(Path(location).expanduser()) if self._on_disk else MEMORY
        # RocksDB keeps its manifest's name in CURRENT: without it the folder holds no store to read yet.
        self.read_only = read_only and self._on_disk and (Path(self.location) / "CURRENT").is_file()
        try:
            if self.read_only:
                self._store: ox.Store | None = ox.Store.read_only(self.location)
            elif self._on_disk:
                Path(self.location).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(self.location)
            else:
                self._store = ox.Store()
        except OSError as exc:
            reason = str(exc)
            if "lock" in reason.lower():
                raise StoreError(
                    f"the store at {self.location} is locked: another showgraph process (or another "
                    f"open_store() in this one) holds it. Close that first, or use another store "
                    f"directory. ({reason})"
                ) from exc
            raise StoreError(
                f"cannot open the store at {self.location}: {reason}. Check that it is a showgraph "
                "store directory you can write to, or choose another location"
            ) from exc

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store at {self.location} is closed; open it again with open_store()")
        return self._store

    def query(self, sparql: str, timeout: float | None = None, dataset: Dataset | None = None) -> RawResult:
        # Left lazy (triples too): the caller reads row by row, checking its limits as it goes.
        if dataset is None:
            return self.store.query(sparql, use_default_graph_as_union=True)
        return self.store.query(
            sparql,
            default_graph=[ox.NamedNode(iri) for iri in dataset.default_graphs],
            named_graphs=[ox.NamedNode(iri) for iri in dataset.named_graphs],
        )

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.location} was opened read-only; open it without read_only to write")
        self.store.update(sparql)

    def named_graphs(self) -> list[str]:
        return [g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)]

    def quads(self, graph_iri: str | None) -> Iterator[ox.Quad]:
        graph = None if graph_iri is None else ox.NamedNode(graph_iri)
        for quad in self.store.quads_for_pattern(None, None, None, graph):
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                yield quad

    def close(self) -> None:
        if self._store is not None and self._on_disk and not self.read_only:
            with contextlib.suppress(OSError):
                self._store.flush()
        self._store = None  # the last reference: RocksDB closes and releases its lock


class _RemoteBackend(_Backend):
    _ACCEPT = (
        "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
        "application/n-triples;q=0.9, text/turtle;q=0.8"
    )

    def __init__(self, endpoint: str, update_endpoint: str, timeout: float) -> None:
        self.location = endpoint
        self.update_endpoint = update_endpoint
        self.timeout = timeout
        self._client: httpx.Client | None = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=True
        )
        try:
            self.query("ASK { }")
        except (StoreError, QueryError) as exc:
            self.close()
            raise StoreError(f"cannot use the SPARQL endpoint {endpoint}: {exc.message}") from exc

    def _post(
        self,
        url: str,
        data: dict[str, str] | dict[str, str | list[str]],
        accept: str,
        error: type[StoreError | QueryError],
        timeout: float | None = None,
    ) -> httpx.Response:
        if self._client is None:
            raise StoreError(f"the store at {self.location} is closed; open it again with open_store()")
        try:
            if timeout is None:
                response = self._client.post(url, data=data, headers={"Accept": accept})
            else:
                response = self._client.post(url, data=data, headers={"Accept": accept}, timeout=timeout)
        except httpx.TimeoutException as exc:
            if timeout is not None:
                raise QueryTimeoutError(
                    f"{url} did not answer within the query's time limit; narrow the query or add LIMIT"
                ) from exc
            raise error(
                f"{url} did not answer within {self.timeout:g} s; narrow the query, or raise the "
                "timeout in open_store()"
            ) from exc
        except httpx.HTTPError as exc:
            raise StoreError(
                f"cannot reach the SPARQL endpoint {url} ({type(exc).__name__}: {exc}); check the URL "
                "and that the server is running"
            ) from exc
        if response.status_code >= 400:
            body = response.text.strip()[:1000] or response.reason_phrase
            if response.status_code in (401, 403):
                raise StoreError(f"{url} refused access (HTTP {response.status_code}): {body}")
            cls = error if response.status_code < 500 else StoreError
            raise cls(f"{url} answered HTTP {response.status_code}: {body}")
        return response

    def query(self, sparql: str, timeout: float | None = None, dataset: Dataset | None = None) -> RawResult:
        data: dict[str, str | list[str]] = {"query": sparql}
        if dataset is not None:
            data["default-graph-uri"] = list(dataset.default_graphs)
            data["named-graph-uri"] = list(dataset.named_graphs)
        response = self._post(self.location, data, self._ACCEPT, QueryError, timeout)
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            results_format = ox.QueryResultsFormat.from_media_type(media_type)
            if results_format is not None:
                return ox.parse_query_results(response.content, results_format)
            rdf_format = ox.RdfFormat.from_media_type(media_type)
            if rdf_format is not None:
                return [quad.triple for quad in ox.parse(response.content, rdf_format)]
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.location} sent a {media_type} answer that does not parse: {exc}") from exc
        raise StoreError(
            f"{self.location} answered with content type {media_type!r}, which is not SPARQL results "
            "or RDF; is this URL the SPARQL query endpoint?"
        )

    def update(self, sparql: str) -> None:
        self._post(self.update_endpoint, {"update": sparql}, "*/*", StoreError)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None


# --------------------------------------------------------------------------------------------------
# The store


class Store:
    """A showgraph store. Open one with :func:`open_store`; use it as a context manager.

    Guarantees, on every backend:

    - ``replace_graph`` is all or nothing: afterwards the store holds either the new content of every
      graph named, or exactly what it held before (the error says why).
    - Queries see the union of all named graphs as their default graph.
    - Query results are materialised (no open cursors) and hold rdflib terms.

    One Store object is not meant to be shared between threads; an on-disk store can be open in one
    process at a time (RocksDB locks it).

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/showgraph/id/person/ahn-gil-ho"),
    ...            URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Ahn Gil-ho", lang="en")))
    >>> store = open_store(":memory:")
    >>> store.replace_graph("https://w3id.org/showgraph/article/a1", g)
    >>> store.replace_graph("https://w3id.org/showgraph/article/a1", g)   # replaces, no duplicates
    >>> len(store), store.graphs()
    (1, ['https://w3id.org/showgraph/article/a1'])
    >>> store.query("ASK { ?p ?label 'Ahn Gil-ho'@en }").boolean
    True
    >>> store.drop_graph("https://w3id.org/showgraph/article/a1")
    >>> len(store)
    0
    >>> store.close()
    """

    def __init__(self, backend: _Backend) -> None:
        self._backend = backend
        self._generation = 0

    @property
    def generation(self) -> int:
        """How many updates this object has sent: what was read before an update is stale after it.

        Only this object's own writes count; a SPARQL endpoint may also change under other writers
        (see :attr:`private`).

        >>> store = open_store(":memory:")
        >>> before = store.generation
        >>> store.drop_graph("http://e/g")
        >>> store.generation - before
        1
        """
        return self._generation

    @property
    def private(self) -> bool:
        """Whether only this process can change the store (embedded on disk or in memory), so that
        :attr:`generation` tells every change; False for a SPARQL endpoint."""
        return isinstance(self._backend, _EmbeddedBackend)

    @property
    def read_only(self) -> bool:
        """Whether this object only reads (an on-disk store opened with ``read_only``, beside its writer)."""
        return bool(getattr(self._backend, "read_only", False))

    @property
    def location(self) -> str:
        """The directory, ``":memory:"``, or the SPARQL query URL."""
        return self._backend.location

    def __repr__(self) -> str:
        return f"<showgraph Store {self.location}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (and its lock, on disk). Safe to call twice."""
        self._backend.close()

    def __len__(self) -> int:
        """The number of quads in all named graphs."""
        return self._backend.count()

    def graphs(self) -> list[str]:
        """IRIs of the named graphs that hold at least one triple, sorted."""
        return sorted(self._backend.named_graphs())

    def replace_graph(
        self,
        graph_iri: str,
        graph: rdflib.Graph,
        *,
        extra: Mapping[str, rdflib.Graph] | None = None,
        patches: Mapping[str, Patch] | None = None,
    ) -> None:
        """Make ``graph`` the whole content of the named graph ``graph_iri``, in one transaction.

        Each graph in ``extra`` (e.g. the article's quarantine graph) is replaced in the same
        transaction; pass an empty graph to empty one. Each :class:`Patch` in ``patches`` (e.g. for the
        entities graph) replaces only what its subjects say in that graph, so a shared graph is kept up
        to date without rewriting it whole. Graphs not named are left alone. If anything fails, the
        store keeps exactly what it had and StoreError says why.

        >>> from rdflib import Graph, Literal, URIRef
        >>> store = open_store(":memory:")
        >>> good, bad = Graph(), Graph()
        >>> _ = good.add((URIRef("http://e/s"), URIRef("http://e/p"), Literal(1)))
        >>> _ = bad.add((URIRef("http://e/not an iri"), URIRef("http://e/p"), Literal(2)))
        >>> store.replace_graph("http://e/g", good)
        >>> store.replace_graph("http://e/g", bad)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        showgraph.errors.StoreError: [SG301] graph http://e/g: the triple ...
        >>> [row[0].toPython() for row in store.query("SELECT ?o { ?s ?p ?o }")]
        [1]
        """
        update = _replace_update(graph_iri, graph, dict(extra or {}))
        if patches:
            if set(patches) & {graph_iri, *(extra or {})}:
                raise StoreError(
                    f"graphs {sorted(set(patches) & {graph_iri, *(extra or {})})} are both replaced and patched"
                )
            patch = _patch_update(dict(patches), {})
            update += f" ;\n{patch}" if patch else ""
        self._update(update, f"replacing graph {graph_iri}")

    def patch_graphs(self, patches: Mapping[str, Patch]) -> None:
        """Apply :class:`Patch` es to named graphs in one transaction (what their subjects say, replaced).

        >>> from rdflib import Graph, Literal, URIRef
        >>> store = open_store(":memory:")
        >>> g = Graph()
        >>> _ = g.add((URIRef("http://e/a"), URIRef("http://e/p"), Literal(1)))
        >>> _ = g.add((URIRef("http://e/b"), URIRef("http://e/p"), Literal(1)))
        >>> store.replace_graph("http://e/g", g)
        >>> new = Graph()
        >>> _ = new.add((URIRef("http://e/a"), URIRef("http://e/p"), Literal(2)))
        >>> store.patch_graphs({"http://e/g": Patch(["http://e/a"], new)})
        >>> sorted(int(o.toPython()) for _, _, o, _ in store.iter_quads("http://e/g"))
        [1, 2]
        """
        if not patches:
            return
        update = _patch_update(dict(patches), {})
        if update:
            self._update(update, f"patching graph{'s' if len(patches) > 1 else ''} {', '.join(patches)}")

    def drop_graph(self, graph_iri: str) -> None:
        """Remove the named graph ``graph_iri`` and its triples; nothing happens if it doesn't exist."""
        self._update(_replace_update(graph_iri, rdflib.Graph(), {}), f"dropping graph {graph_iri}")

    def drop_graphs(self, graph_iris: Iterable[str]) -> None:
        """Remove several named graphs in one update: all of them go, or (StoreError) none.

        >>> store = open_store(":memory:")
        >>> store.drop_graphs(["http://e/a", "http://e/b"])
        >>> store.graphs()
        []
        """
        names = list(dict.fromkeys(graph_iris))
        if names:
            update = _replace_update(names[0], rdflib.Graph(), {name: rdflib.Graph() for name in names[1:]})
            self._update(update, f"dropping {len(names)} graphs")

    def _update(self, update: str, doing: str) -> None:
        self._generation += 1  # even a failed update may have been applied remotely: treat reads as stale
        try:
            self._backend.update(update)
        except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
            raise StoreError(f"{doing} failed and nothing was changed: {exc}") from exc
        except StoreError as exc:
            raise StoreError(f"{doing} failed and nothing was changed: {exc.message}") from exc

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        prefixes: Mapping[str, str] | None = None,
        limits: QueryLimits | None = None,
        dataset: Dataset | None = None,
    ) -> QueryResult:
        """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query over the union of all named graphs (or ``dataset``).

        ``bindings`` pre-binds variables (names with or without ``?``) to rdflib terms or python
        values (``"x"``, ``3``, ``date(…)`` become literals). Values are serialised as RDF terms and
        placed in a ``VALUES`` block at the start of the WHERE group, never pasted as text, so a value
        cannot change the query. ``prefixes`` (e.g. :data:`PREFIXES`) are declared before the query's
        own, which win. Updates are refused; malformed queries raise QueryError with the engine's
        reason, and so does a failure while the result is read (a SERVICE endpoint that does not
        answer). ``limits`` bound the time and the rows (QueryTimeoutError, QueryTooLargeError).

        >>> store = open_store(":memory:")
        >>> store.query("SELECT ?x WHERE { }", bindings={"x": "a } ; DROP ALL"}).rows
        [(rdflib.term.Literal('a } ; DROP ALL'),)]
        >>> store.query("DROP ALL")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        showgraph.errors.QueryError: [SG302] query() only reads: DROP is an update. Change the store ...
        """
        tokens = _tokens(sparql)
        form, _ = _query_form(tokens)
        if form in _UPDATE_FORMS:
            raise QueryError(
                f"query() only reads: {form} is an update. Change the store with replace_graph() or drop_graph()"
            )
        if bindings:
            terms: dict[str, OxTerm] = {}
            for raw_name, value in bindings.items():
                name = raw_name[1:] if raw_name[:1] in ("?", "$") else raw_name
                if not _VARNAME.fullmatch(name):
                    raise QueryError(f"{raw_name!r} is not a SPARQL variable name; use letters, digits and _")
                terms[name] = _binding_term(name, value)
            sparql = _with_values(sparql, terms)
        if prefixes:
            sparql = _prologue(prefixes) + sparql
        if dataset is not None:
            dataset.check()
        try:
            if limits is None:
                return _materialise(self._backend.query(sparql, dataset=dataset))
            limits.check()
            return _materialise(self._backend.query(sparql, timeout=limits.remaining(), dataset=dataset), limits)
        except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
            raise QueryError(f"the query failed: {exc}") from exc

    def dump(
        self,
        format: str,
        destination: str | os.PathLike[str] | IO[bytes],
        *,
        graph_iri: str | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> None:
        """Write the store, or one named graph, as ttl, trig, nq, nt or jsonld.

        ttl and nt hold triples: one graph's, or the union of all graphs (each triple once). trig, nq
        and jsonld keep graph names. A path is written to a temporary file first and renamed, so a
        failed dump never leaves a half-written file.

        >>> import io
        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph()
        >>> _ = g.add((URIRef("https://w3id.org/showgraph/id/show/x"), URIRef("http://e/p"), Literal("X")))
        >>> store = open_store(":memory:")
        >>> store.replace_graph("https://w3id.org/showgraph/article/a1", g)
        >>> out = io.BytesIO()
        >>> store.dump("nq", out)
        >>> out.getvalue().decode()
        '<https://w3id.org/showgraph/id/show/x> <http://e/p> "X" <https://w3id.org/showgraph/article/a1> .\\n'
        """
        rdf_format = DUMP_FORMATS.get(format.lower().lstrip("."))
        if rdf_format is None:
            raise StoreError(f"unknown dump format {format!r}; use one of {', '.join(DUMP_FORMATS)}")
        if graph_iri is not None:
            _check_iri(graph_iri)
        quads = self._backend.quads(graph_iri)
        items: Iterable[ox.Quad] | Iterable[ox.Triple]
        items = quads if rdf_format.supports_datasets else _distinct_triples(quads)
        prefix_map = dict(PREFIXES if prefixes is None else prefixes)
        try:
            if isinstance(destination, str | os.PathLike):
                _write_atomically(Path(destination), items, rdf_format, prefix_map)
            else:
                ox.serialize(items, destination, rdf_format, prefixes=prefix_map)
        except (OSError, ValueError, TypeError) as exc:
            raise StoreError(f"cannot write the {format} dump to {destination}: {exc}") from exc

    def iter_quads(self, graph_iri: str | None = None) -> Iterator[tuple[Identifier, Identifier, Identifier, URIRef]]:
        """Every quad (s, p, o, graph) of the named graphs, or of one graph, as rdflib terms."""
        if graph_iri is not None:
            _check_iri(graph_iri)
        for quad in self._backend.quads(graph_iri):
            graph = _to_rdflib(quad.graph_name)
            assert isinstance(graph, URIRef)
            yield _to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object), graph

    def dataset(self) -> rdflib.Dataset:
        """A copy of the whole store as an rdflib Dataset, one graph per named graph (e.g. for pyshacl).

        It is a copy: building it takes time and memory in proportion to the store (measured: ~10 s
        for 316k quads, plus rdflib's in-memory indexes), and later changes to either side are not seen
        by the other. Validate one article graph at a time where you can (``iter_quads(graph_iri)``).
        """
        dataset = rdflib.Dataset()
        graphs: dict[URIRef, rdflib.Graph] = {}

        def with_context() -> Iterator[tuple[Identifier, Identifier, Identifier, rdflib.Graph]]:
            for s, p, o, g in self.iter_quads():
                context = graphs.get(g)
                if context is None:
                    context = graphs[g] = dataset.graph(g)
                yield s, p, o, context

        dataset.addN(with_context())
        return dataset


def _check_iri(iri: str) -> None:
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise StoreError(f"{iri!r} is not a valid graph IRI ({exc})") from exc


def _distinct_triples(quads: Iterable[ox.Quad]) -> Iterator[ox.Triple]:
    seen: set[ox.Triple] = set()
    for quad in quads:
        triple = quad.triple
        if triple not in seen:
            seen.add(triple)
            yield triple


def _write_atomically(path: Path, items: Iterable[Any], rdf_format: ox.RdfFormat, prefixes: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            ox.serialize(items, out, rdf_format, prefixes=prefixes)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _materialise(raw: RawResult, limits: QueryLimits | None = None) -> QueryResult:
    """Read a raw result into rdflib terms, checking ``limits`` at every row (or triple).

    pyoxigraph's result iterators must be dropped on the thread that made them, and an error's
    traceback keeps the frames that hold them: so those frames are cleared here, before the error
    travels (to a server's event loop, say).
    """
    try:
        return _read_result(raw, limits)
    except BaseException as exc:
        traceback.clear_frames(exc.__traceback__)
        del raw
        raise


def _read_result(raw: RawResult, limits: QueryLimits | None) -> QueryResult:
    check = limits.check if limits is not None else None
    if isinstance(raw, ox.QueryBoolean):
        if check:
            check()
        return QueryResult("ask", boolean=bool(raw))
    if isinstance(raw, ox.QuerySolutions):
        variables = [variable.value for variable in raw.variables]
        rows: list[Row] = []
        for solution in raw:
            if check:
                check(len(rows) + 1)
            row = []
            for variable in variables:
                term = solution[variable]
                row.append(None if term is None else _to_rdflib(term))
            rows.append(tuple(row))
        return QueryResult("select", variables, rows)
    graph = rdflib.Graph()
    for count, triple in enumerate(raw, start=1):
        if check:
            check(count)
        graph.add((_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object)))
    return QueryResult("construct", graph=graph)
