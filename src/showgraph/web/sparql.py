"""The SPARQL 1.1 Protocol, read-only: requests parsed, results negotiated and serialised.

Kept apart from the routes so the rules (what is a query, what may come back, in which format) can be
read, and tested, without a server. Content negotiation follows RFC 9110: the highest ``q`` wins, the
most specific media range decides an offer's ``q``, and ties go to the server's order of preference.

>>> negotiate("text/csv;q=0.5, application/sparql-results+json", SELECT_TYPES)
'application/sparql-results+json'
>>> negotiate("*/*", CONSTRUCT_TYPES), negotiate("text/html", SELECT_TYPES) is None
('text/turtle', True)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl

from rdflib import Variable
from rdflib.query import Result

from showgraph.errors import QueryRefusedError
from showgraph.store import PREFIXES, QueryResult
from showgraph.store import _query_form as _store_query_form  # one lexer for SPARQL text, not two
from showgraph.store import _tokens as _store_tokens

#: What a SELECT or ASK result can be sent as, server's preference first.
SELECT_TYPES: tuple[str, ...] = (
    "application/sparql-results+json",
    "application/json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
#: What a CONSTRUCT or DESCRIBE result can be sent as, server's preference first.
CONSTRUCT_TYPES: tuple[str, ...] = (
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
)
_RDFLIB_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
_UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

#: The largest query text accepted (bytes); a protocol request bigger than this is refused with 413.
#: Deep queries use the engine's stack in proportion to their length: see runner.QUERY_STACK.
MAX_QUERY_BYTES = 256_000


class ProtocolError(Exception):
    """A request the endpoint refuses: ``status`` is the HTTP status, the message says what to do."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Body:
    """What a SPARQL request carried: the query text (None if absent) and the dataset parameters."""

    query: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def parse_request(method: str, params: list[tuple[str, str]], content_type: str | None, body: bytes) -> Body:
    """The query a protocol request carries, or ProtocolError (400, 403, 413, 415) saying why not.

    >>> parse_request("GET", [("query", "ASK {}")], None, b"").query
    'ASK {}'
    >>> parse_request("POST", [], "application/sparql-update", b"DROP ALL")
    Traceback (most recent call last):
    showgraph.web.sparql.ProtocolError: this endpoint is read-only: SPARQL Update is not accepted
    """
    fields = list(params)
    if method == "POST":
        if len(body) > MAX_QUERY_BYTES:
            raise ProtocolError(413, f"the request body is over {MAX_QUERY_BYTES} bytes")
        media = (content_type or "").split(";", 1)[0].strip().lower()
        if media == "application/sparql-update":
            raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
        if media == "application/sparql-query":
            fields = [(k, v) for k, v in fields if k != "query"] + [("query", _decode(body))]
        elif media == "application/x-www-form-urlencoded":
            fields += parse_qsl(_decode(body), keep_blank_values=True)
        else:
            raise ProtocolError(
                415,
                f"unsupported Content-Type {media or '(none)'!r}: send application/sparql-query or "
                "application/x-www-form-urlencoded with query=",
            )
    if any(key in ("update", "using-graph-uri", "using-named-graph-uri") for key, _ in fields):
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
    queries = [value for key, value in fields if key == "query"]
    if len(queries) > 1:
        raise ProtocolError(400, "give exactly one query parameter, not several")
    text = queries[0] if queries else None
    if text is not None and is_update(text):
        raise ProtocolError(403, "this endpoint is read-only: SPARQL Update is not accepted")
    return Body(
        text,
        tuple(value for key, value in fields if key == "default-graph-uri"),
        tuple(value for key, value in fields if key == "named-graph-uri"),
    )


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not UTF-8 ({exc.reason} at byte {exc.start})") from None


def is_update(sparql: str) -> bool:
    """True if the text is a SPARQL Update request (its first keyword after the prologue).

    >>> is_update("PREFIX x: <http://e/> # SELECT\\nINSERT DATA { x:a x:b x:c }"), is_update("SELECT * {}")
    (True, False)
    """
    form, _ = _store_query_form(_store_tokens(sparql))
    return form in _UPDATE_FORMS


#: The longest query text that is parsed to find its SERVICE endpoints (characters). rdflib's parser is
#: pure Python and cannot be stopped: 16 kB of FILTERs take it about 3 s, a megabyte minutes.
MAX_CHECKED_QUERY = 16_000

_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(text: str) -> str:
    """The query as a SPARQL parser reads it: ``\\uXXXX`` escapes are replaced before parsing (SPARQL
    1.1 section 19.2), so ``\\u0053ERVICE`` is the keyword SERVICE."""
    return _CODEPOINT_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def federated_endpoints(query: str) -> list[str]:
    """The endpoints the query's SERVICE clauses call (``?name`` for a variable), by parsing it.

    Parsed with rdflib's SPARQL parser, so a SERVICE in a string or comment is no call and one spelt
    with escapes is. Text without the word at all needs no parse. If the text has the word but does
    not parse here, or is over :data:`MAX_CHECKED_QUERY` characters (parsing would take too long),
    QueryRefusedError: what cannot be checked is not run.

    >>> federated_endpoints('SELECT * { ?s ?p "SERVICE <http://a/> {}" } # SERVICE <http://b/> {}')
    []
    >>> federated_endpoints('PREFIX e: <http://e/> SELECT * { OPTIONAL { SERVICE SILENT e:q { ?s ?p ?o } } }')
    ['http://e/q']
    >>> federated_endpoints('ASK { \\\\u0053ERVICE ?where { ?s ?p ?o } }')
    ['?where']
    """
    if "service" not in _unescape_codepoints(query).casefold():
        return []
    if len(query) > MAX_CHECKED_QUERY:
        raise QueryRefusedError(
            f"this query mentions SERVICE and is over {MAX_CHECKED_QUERY} characters, too long to check where it "
            "calls; shorten it (or leave the word out of its comments and strings)"
        )
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        algebra = translateQuery(parseQuery(query)).algebra
    except Exception as error:  # any failure to parse (RecursionError on huge texts included) refuses
        raise QueryRefusedError(
            "this query mentions SERVICE but could not be parsed to check where it calls "
            f"({type(error).__name__}); write it in plain SPARQL 1.1"
        ) from None
    found: list[str] = []
    stack: list[object] = [algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            term = node.get("term")
            found.append(f"?{term}" if isinstance(term, Variable) else str(term))
        if isinstance(node, Mapping):
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)
    return found


def refuse_federation(query: str, allowed: Collection[str] = ()) -> None:
    """QueryRefusedError unless every SERVICE in the query calls an endpoint in ``allowed`` exactly.

    A server that ran any SERVICE would fetch any URL it is sent, loopback services included, and hand
    back the answer (server-side request forgery); so only the endpoints its operator names pass.

    >>> refuse_federation("SELECT * { SERVICE <http://wiki.example/sparql> { ?s ?p ?o } }",
    ...                   ["http://wiki.example/sparql"])
    >>> refuse_federation("SELECT * { SERVICE <http://127.0.0.1:9000/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    showgraph.errors.QueryRefusedError: [SG307] SERVICE <http://127.0.0.1:9000/> is refused: ...
    """
    for endpoint in federated_endpoints(query):
        if endpoint.startswith("?"):
            raise QueryRefusedError(
                f"SERVICE {endpoint} is refused: an endpoint read from a variable cannot be checked; "
                "name an endpoint the server's operator allows"
            )
        if endpoint not in allowed:
            listed = ", ".join(sorted(allowed)) or "none"
            raise QueryRefusedError(
                f"SERVICE <{endpoint}> is refused: this server calls only the endpoints its operator allows "
                f"(showgraph serve --allow-service URL; allowed: {listed})"
            )


def _media_ranges(accept: str) -> list[tuple[str, str, float]]:
    ranges = []
    for part in accept.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        if not pieces[0] or "/" not in pieces[0]:
            continue
        main, sub = (token.strip().lower() for token in pieces[0].split("/", 1))
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((main, sub, q))
    return ranges


def negotiate(accept: str | None, offers: tuple[str, ...]) -> str | None:
    """The offer the Accept header prefers; the first offer when there is no header; None if none fits.

    >>> negotiate(None, SELECT_TYPES)
    'application/sparql-results+json'
    >>> negotiate("text/*;q=0.9, text/tab-separated-values", SELECT_TYPES)
    'text/tab-separated-values'
    >>> negotiate("application/n-triples, */*;q=0.1", CONSTRUCT_TYPES)
    'application/n-triples'
    """
    if accept is None or not accept.strip():
        return offers[0]
    ranges = _media_ranges(accept)
    best: tuple[float, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        main, sub = offer.split("/", 1)
        q, specificity = 0.0, -1
        for range_main, range_sub, range_q in ranges:
            if (range_main, range_sub) == (main, sub):
                level = 2
            elif range_main == main and range_sub == "*":
                level = 1
            elif (range_main, range_sub) == ("*", "*"):
                level = 0
            else:
                continue
            if level > specificity:
                q, specificity = range_q, level
        if q > 0 and (best is None or (q, -index) > best):
            best, chosen = (q, -index), offer
    return chosen


def offers_for(result: QueryResult) -> tuple[str, ...]:
    """The media types a result can be sent as."""
    return CONSTRUCT_TYPES if result.kind == "construct" else SELECT_TYPES


def describe_offers(kind: str | None = None) -> str:
    """What the endpoint can answer in, for a 406 message (for one result kind, or for all).

    >>> describe_offers("ask")
    'a SELECT or ASK result can be application/sparql-results+json, application/json, \
application/sparql-results+xml, text/csv, text/tab-separated-values'
    """
    select = f"a SELECT or ASK result can be {', '.join(SELECT_TYPES)}"
    construct = f"a CONSTRUCT or DESCRIBE result can be {', '.join(CONSTRUCT_TYPES)}"
    if kind is None:
        return f"{select}; {construct}"
    return construct if kind == "construct" else select


def serialise(result: QueryResult, media_type: str) -> bytes:
    """The result in ``media_type`` (one of :func:`offers_for`), as bytes.

    >>> from rdflib import Literal
    >>> serialise(QueryResult("select", ["n"], [(Literal(3),)]), "text/tab-separated-values")
    b'?n\\n"3"^^<http://www.w3.org/2001/XMLSchema#integer>\\n'
    """
    if result.kind == "construct":
        assert result.graph is not None
        for prefix, iri in PREFIXES.items():
            result.graph.bind(prefix, iri, replace=True)
        return result.graph.serialize(format=_RDFLIB_FORMATS[media_type], encoding="utf-8")
    if media_type in ("application/sparql-results+json", "application/json"):
        return result.to_json().encode("utf-8")
    if media_type == "text/csv":
        return result.to_csv().encode("utf-8")
    if media_type == "text/tab-separated-values":
        return result.to_tsv().encode("utf-8")
    if media_type == "application/sparql-results+xml":
        return _results_xml(result)
    raise ValueError(f"cannot write a {result.kind} result as {media_type}")


def _results_xml(result: QueryResult) -> bytes:
    """SPARQL Query Results XML, written by rdflib's serialiser (the format rdflib's SPARQLStore asks for)."""
    if result.kind == "ask":
        ask = Result("ASK")
        ask.askAnswer = bool(result.boolean)
        return ask.serialize(format="xml")
    select = Result("SELECT")
    variables = [Variable(name) for name in result.variables]
    select.vars = variables
    select.bindings = [
        {var: term for var, term in zip(variables, row, strict=True) if term is not None} for row in result.rows
    ]
    return select.serialize(format="xml")


def response_headers(media_type: str) -> Mapping[str, str]:
    """Content-Type (with charset for text) and Vary for a negotiated response."""
    text = media_type.startswith("text/") or media_type.endswith(("json", "xml"))
    return {"Content-Type": f"{media_type}; charset=utf-8" if text else media_type, "Vary": "Accept"}
