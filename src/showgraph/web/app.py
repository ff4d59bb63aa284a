"""The local web server: a read-only SPARQL 1.1 Protocol endpoint, a page, and the JSON behind the page.

Every route calls :class:`~showgraph.core.ShowGraph` (the one core API) and nothing else in the
pipeline. Queries sent by clients run under a :class:`~showgraph.web.runner.QueryPolicy` (time limit,
row limit, a few at once, SERVICE only to endpoints the operator allows; see :mod:`.runner`), so they
cannot hold the server; other blocking work (counts, an entity, loading) runs in the worker pool, and
loading is serialised by a lock because spaCy and the store's writer are not shared safely. Request
bodies are cut at their route's limit as they arrive, never read whole first.

Routes:

- ``GET|POST /sparql``: SPARQL 1.1 Protocol query operation, content-negotiated; updates get 403.
- ``GET /``: the page; ``/assets/*`` its script and style; ``/static/*`` the vendored graph library.
- ``GET /health``: ``{"status": "ok"}`` and the queries running; touches no store, so it answers while
  queries run.
- ``GET /api/info``: whether loading is on, and the graph's counts.
- ``GET /api/queries``: the named queries with their parameters and SPARQL text.
- ``GET|POST /api/query``: run a named query with parameters, or SPARQL text; results JSON plus labels.
- ``GET /api/entity?iri=&depth=1``: an entity's facts (status, evidence sentence, source article) and its
  neighbourhood graph as Cytoscape JSON.
- ``GET /api/search?q=&limit=10``: entities whose name or an alias contains the text, best match first.
- ``GET /api/overview``: the most connected shows and people, the latest articles (the opening view).
- ``GET /api/claims?relation=&status=&class=&platform=&article=&entity=&q=&sort=&page=&size=&format=``:
  every claim as a flat row, filtered, sorted and paged, with facet counts; ``format=csv|json`` downloads
  every matching row (no paging).
- ``GET /api/timeline?iri=``: a show's dated events (releases, season news, castings).
- ``POST /api/load``: load an uploaded or pasted article (only with ``allow_load`` and a bearer token).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import tempfile
import threading
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Mapping, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from showgraph.core import LoadReport, ShowGraph
from showgraph.errors import (
    EntityNotFoundError,
    QueryCancelledError,
    QueryError,
    QueryRefusedError,
    QueryTimeoutError,
    QueryTooLargeError,
    ShowgraphError,
)
from showgraph.store import Dataset, QueryLimits
from showgraph.web import explore, sparql
from showgraph.web.runner import ClientGoneError, QueryPolicy, QueryRunner, ServerBusyError

_PAGE_DIR = Path(__file__).resolve().parent / "page"
_STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

#: The largest article accepted by /api/load (bytes).
MAX_ARTICLE_BYTES = 5_000_000
#: The longest upload file name accepted (characters; most file systems allow 255 bytes).
MAX_FILE_NAME = 255
#: The largest request body each route reads (bytes); a body over it is cut off and answered 413.
BODY_LIMITS: dict[str, int] = {
    "/sparql": sparql.MAX_QUERY_BYTES,
    "/api/query": sparql.MAX_QUERY_BYTES,
    "/api/load": MAX_ARTICLE_BYTES + 100_000,  # the article and its multipart framing
}
#: The largest body any other route reads (none needs one).
OTHER_BODY_LIMIT = 64_000
#: At most this many distinct IRIs of a result get their labels looked up for the page.
MAX_LABELLED = 500
#: Article suffixes /api/load accepts; the reader picks its format by suffix.
LOAD_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})

#: The one <style> element Cytoscape.js inserts; allowed by its hash, so no other inline style runs.
#: (If a newer Cytoscape changes it, the page still works: app.css sets the same rule on #graph.)
_CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }"
_CSP = (
    "default-src 'none'; script-src 'self'; "
    f"style-src 'self' 'sha256-{base64.b64encode(hashlib.sha256(_CYTOSCAPE_STYLE.encode()).digest()).decode()}'; "
    "img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_CORS_PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "600",
}
_LABEL_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{
  VALUES ?s {{ {iris} }}
  {{ ?s rdfs:label ?l }} UNION {{ ?s schema:headline ?l }}
}} GROUP BY ?s
"""
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def create_app(
    graph: ShowGraph,
    *,
    allow_load: bool = False,
    token: str | None = None,
    policy: QueryPolicy | None = None,
    cors_origins: Collection[str] = (),
) -> Starlette:
    """The ASGI app serving ``graph``. Loading articles needs ``allow_load`` and a ``token`` that is not
    blank. ``policy`` bounds the queries clients send (default :class:`QueryPolicy`: 10 s, 100,000 rows,
    4 at once, no SERVICE). ``cors_origins``: the web origins (``https://yasgui.example``) whose pages
    may read /sparql answers; no others get CORS headers.

    >>> app = create_app(ShowGraph(":memory:"))
    >>> [route.path for route in app.routes if route.path.startswith("/api/")]  # doctest: +NORMALIZE_WHITESPACE
    ['/api/info', '/api/queries', '/api/query', '/api/entity', '/api/search', '/api/overview', '/api/claims',
     '/api/timeline', '/api/load']
    >>> create_app(ShowGraph(":memory:"), allow_load=True, token="   ")
    Traceback (most recent call last):
    ValueError: allow_load needs a token: loading changes the graph, so only a holder of the token may do it
    """
    if allow_load and not (token and token.strip()):
        raise ValueError("allow_load needs a token: loading changes the graph, so only a holder of the token may do it")
    api = _Api(
        graph, allow_load=allow_load, token=token, policy=policy or QueryPolicy(), cors_origins=frozenset(cors_origins)
    )
    routes = [
        Route("/", api.page, methods=["GET"]),
        Route("/health", api.health, methods=["GET"]),
        Route("/sparql", api.sparql_endpoint, methods=["GET", "POST", "OPTIONS"]),
        Route("/api/info", api.info, methods=["GET"]),
        Route("/api/queries", api.queries, methods=["GET"]),
        Route("/api/query", api.run_query, methods=["GET", "POST"]),
        Route("/api/entity", api.entity, methods=["GET"]),
        Route("/api/search", api.search, methods=["GET"]),
        Route("/api/overview", api.overview, methods=["GET"]),
        Route("/api/claims", api.claims, methods=["GET"]),
        Route("/api/timeline", api.timeline, methods=["GET"]),
        Route("/api/load", api.load, methods=["POST"]),
        Mount("/assets", app=StaticFiles(directory=_PAGE_DIR), name="assets"),
        Mount("/static", app=StaticFiles(directory=_STATIC_DIR, check_dir=False), name="static"),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        api.runner.cancel_all()  # stopping: running queries stop at their next row

    app = Starlette(routes=routes, lifespan=lifespan)
    app.add_middleware(_BodyLimit, limits=BODY_LIMITS, default=OTHER_BODY_LIMIT)
    app.add_middleware(_SecurityHeaders)
    app.state.graph = graph
    app.state.runner = api.runner
    return app


class _SecurityHeaders:
    """Adds a strict Content-Security-Policy (nothing but this origin) and nosniff to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                names = {name.lower() for name, _ in headers}
                for name, value in (
                    (b"content-security-policy", _CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ):
                    if name not in names:
                        headers.append((name, value))
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is over {limit} bytes")
        self.limit = limit


class _BodyLimit:
    """Cuts a request body off at its route's limit as it arrives (a declared Content-Length over it is
    refused before any is read; a chunked body is counted), and answers 413 naming the limit."""

    def __init__(self, app: Any, *, limits: Mapping[str, int], default: int) -> None:
        self.app = app
        self.limits = dict(limits)
        self.default = default

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        limit = self.limits.get(path, self.default)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.strip().isdigit() or int(declared) > limit):
            await _send_too_large(send, path, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> MutableMapping[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(limit)
            return message

        async def watched_send(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except _BodyTooLarge:
            if started:
                raise
            await _send_too_large(send, path, limit)


async def _send_too_large(send: Any, path: str, limit: int) -> None:
    message = f"the request body is over {limit} bytes, this route's limit"
    if path.startswith("/api/"):
        body, media = json.dumps({"error": message}).encode(), b"application/json"
    else:
        body, media = (message + "\n").encode(), b"text/plain; charset=utf-8"
    headers = [(b"content-type", media), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _query_status(error: ShowgraphError) -> int:
    """The HTTP status of a query that did not give an answer.

    >>> _query_status(QueryTimeoutError("slow")), _query_status(QueryRefusedError("no")), _query_status(QueryError("x"))
    (503, 403, 400)
    """
    if isinstance(error, QueryTimeoutError | QueryCancelledError):
        return 503
    if isinstance(error, QueryTooLargeError):
        return 500
    if isinstance(error, QueryRefusedError):
        return 403
    return 400 if isinstance(error, QueryError) else 500


def _error(status: int, message: str, code: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if code:
        body["code"] = code
    return JSONResponse(body, status_code=status)


class _Api:
    def __init__(
        self,
        graph: ShowGraph,
        *,
        allow_load: bool,
        token: str | None,
        policy: QueryPolicy,
        cors_origins: frozenset[str],
    ) -> None:
        self.graph = graph
        self.allow_load = allow_load
        self.token = token.encode("utf-8") if token else None
        self.load_lock = threading.Lock()
        self.policy = policy
        self.runner = QueryRunner(policy)
        self.cors_origins = cors_origins
        self._claims_cache: tuple[int, list[dict[str, Any]]] | None = None  # (store generation, rows)

    # -- the page -------------------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        return FileResponse(_PAGE_DIR / "index.html", media_type="text/html")

    async def health(self, request: Request) -> Response:
        queries = {"running": self.runner.running, "waiting": self.runner.waiting, "limit": self.policy.max_queries}
        return JSONResponse({"status": "ok", "queries": queries}, headers={"Cache-Control": "no-store"})

    def _cors(self, request: Request, *, preflight: bool = False) -> dict[str, str]:
        """CORS headers for a listed origin only; ``Vary: Origin`` whenever any origin is listed."""
        if not self.cors_origins:
            return {}
        origin = request.headers.get("origin")
        if origin not in self.cors_origins:
            return {"Vary": "Origin"}
        headers = {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
        return {**headers, **_CORS_PREFLIGHT} if preflight else headers

    async def _run(self, request: Request, work: Callable[[QueryLimits], Any]) -> Any:
        """``work`` under the query policy (see :mod:`.runner`)."""
        return await self.runner.run(request, work)

    # -- SPARQL 1.1 Protocol ---------------------------------------------------------------------

    async def sparql_endpoint(self, request: Request) -> Response:
        if request.method == "OPTIONS":  # CORS preflight (application/sparql-query is not a simple type)
            return Response(status_code=204, headers=self._cors(request, preflight=True))
        cors = self._cors(request)
        try:
            body = sparql.parse_request(
                request.method,
                request.query_params.multi_items(),
                request.headers.get("content-type"),
                await request.body() if request.method == "POST" else b"",
            )
            if body.query is None:
                raise sparql.ProtocolError(
                    400, "no query: send ?query=… (GET), or POST application/sparql-query or a query= form field"
                )
            accept = request.headers.get("accept")
            if sparql.negotiate(accept, sparql.SELECT_TYPES + sparql.CONSTRUCT_TYPES) is None:  # before any work
                raise sparql.ProtocolError(406, f"cannot answer in {accept!r}; {sparql.describe_offers()}")
            text = body.query
            # The protocol's dataset: when a request names graphs, the query reads those and no others.
            dataset = (
                Dataset(body.default_graphs, body.named_graphs) if body.default_graphs or body.named_graphs else None
            )

            def answer(limits: QueryLimits) -> tuple[str, bytes]:
                sparql.refuse_federation(text, self.policy.allow_service)
                result = self.graph.query(text, limits=limits, dataset=dataset)
                media_type = sparql.negotiate(accept, sparql.offers_for(result))
                if media_type is None:
                    raise sparql.ProtocolError(
                        406, f"cannot answer in {accept!r}; {sparql.describe_offers(result.kind)}"
                    )
                return media_type, sparql.serialise(result, media_type)

            media_type, content = await self._run(request, answer)
        except sparql.ProtocolError as error:
            return PlainTextResponse(error.message + "\n", status_code=error.status, headers=cors)
        except ServerBusyError as error:
            return PlainTextResponse(f"{error}\n", status_code=503, headers={**cors, "Retry-After": "5"})
        except ClientGoneError:
            return Response(status_code=499)
        except ShowgraphError as error:
            return PlainTextResponse(str(error) + "\n", status_code=_query_status(error), headers=cors)
        vary = sparql.response_headers(media_type)["Vary"] + (", Origin" if "Vary" in cors else "")
        return Response(content, headers={**sparql.response_headers(media_type), **cors, "Vary": vary})

    # -- JSON for the page ---------------------------------------------------------------------

    async def info(self, request: Request) -> Response:
        try:
            stats = await run_in_threadpool(self.graph.stats)
        except ShowgraphError as error:
            return _error(500, error.message, error.code)
        return JSONResponse({"load": self.allow_load, "stats": stats})

    async def queries(self, request: Request) -> Response:
        return JSONResponse({"queries": [query.to_dict() for query in self.graph.named_queries().values()]})

    async def run_query(self, request: Request) -> Response:
        """GET ?name=cast&show=The+Glory, or POST JSON {"name", "params"} or {"query"}; results with labels."""
        if request.method == "POST":
            try:
                payload = await request.json()
            except (ValueError, UnicodeDecodeError):
                return _error(400, 'send a JSON object: {"name": …, "params": {…}} or {"query": "SELECT …"}')
            if not isinstance(payload, dict):
                return _error(400, 'send a JSON object: {"name": …, "params": {…}} or {"query": "SELECT …"}')
            name, text, params = payload.get("name"), payload.get("query"), payload.get("params") or {}
        else:
            items = request.query_params.multi_items()
            name, text = request.query_params.get("name"), request.query_params.get("query")
            params = {key: value for key, value in items if key not in ("name", "query")}
        if not isinstance(params, dict) or not all(isinstance(v, str | int | float) for v in params.values()):
            return _error(400, "params must be an object of names to strings or numbers")
        params = {str(key): value for key, value in params.items() if value != ""}
        if not name and not text:
            return _error(400, "give name (a named query, with its parameters) or query (SPARQL text), or both")
        if text is not None and not isinstance(text, str):
            return _error(400, "query must be SPARQL text")
        if text and sparql.is_update(text):
            return _error(403, "this server is read-only: SPARQL Update is not accepted")
        try:
            bindings = None
            sent = bool(text)  # text from the client is checked; a named query as shipped needs no check
            if name:
                named = self.graph.named_queries().get(str(name))
                if named is None:
                    known = ", ".join(sorted(self.graph.named_queries()))
                    return _error(404, f"no named query {name!r}; the named queries are: {known}")
                # As edited on the page, or as shipped; its parameters bound the same way either way.
                bindings = named.bindings(params)
                text = text or named.sparql
            sparql_text = str(text)

            def answer(limits: QueryLimits) -> dict[str, Any]:
                if sent:
                    sparql.refuse_federation(sparql_text, self.policy.allow_service)
                return self._result_json(self.graph.query(sparql_text, bindings=bindings, limits=limits))

        except ShowgraphError as error:
            return _error(_query_status(error), error.message, error.code)
        result = await self._guarded_run(request, answer)
        return result if isinstance(result, Response) else JSONResponse(result)

    def _result_json(self, result: Any) -> dict[str, Any]:
        if result.kind == "construct":
            turtle = sparql.serialise(result, "text/turtle").decode("utf-8")
            return {"kind": "construct", "turtle": turtle, "triples": len(result)}
        out = json.loads(result.to_json())
        out["kind"] = result.kind
        if result.kind == "select":
            out["labels"] = self._labels(result.rows)
        return out

    def _labels(self, rows: Iterable[Iterable[Any]]) -> dict[str, str]:
        """rdfs:label (or headline) of the IRIs in result rows, so the page shows names, not IRIs."""
        iris: dict[str, None] = {}
        for row in rows:
            for term in row:
                if isinstance(term, URIRef):
                    iris.setdefault(str(term))
                    if len(iris) >= MAX_LABELLED:
                        break
        if not iris:
            return {}
        # Each IRI is re-serialised by pyoxigraph, which validates it: no text reaches SPARQL unchecked.
        values = " ".join(str(ox.NamedNode(iri)) for iri in iris)
        rows = self.graph.query(_LABEL_QUERY.format(iris=values)).rows
        return {str(s): str(label) for s, label in rows if s is not None and label is not None}

    async def entity(self, request: Request) -> Response:
        iri = request.query_params.get("iri", "").strip()
        if not iri:
            return _error(400, "give the entity's IRI: /api/entity?iri=https://w3id.org/showgraph/id/…")
        try:
            ox.NamedNode(iri)
        except ValueError as error:
            return _error(400, f"{iri!r} is not an IRI ({error})")
        depth = request.query_params.get("depth", "1")
        if depth not in ("1", "2", "3"):
            return _error(400, "depth must be 1, 2 or 3 (hops around the entity)")
        try:
            return JSONResponse(await run_in_threadpool(self._entity_json, iri, int(depth)))
        except ShowgraphError as error:
            return _error(400 if isinstance(error, QueryError) else 500, error.message, error.code)

    def _entity_json(self, iri: str, depth: int) -> dict[str, Any]:
        from showgraph.network import to_cytoscape

        facts = json.loads(self.graph.run_named("entity-facts", entity=URIRef(iri)).to_json())
        rows = [{var: term["value"] for var, term in row.items()} for row in facts["results"]["bindings"]]
        try:
            network = to_cytoscape(self.graph.network(focus=iri, depth=depth))
        except EntityNotFoundError:  # an article, a class, or an entity with no claims to draw
            network = {"nodes": [], "edges": [], "legend": {"kinds": {}, "statuses": {}}}
        labels = self._labels([(URIRef(iri),)])
        run = self._plain_run(None)
        details = explore.claim_details(run, [row["claim"] for row in rows if row.get("claim")])
        for row in rows:
            row.update(details.get(row.get("claim", ""), {}))
        kind = explore.kind_of(run, iri)
        return {"iri": iri, "label": labels.get(iri, iri), "kind": kind, "facts": rows, "graph": network}

    def _plain_run(self, limits: QueryLimits | None) -> explore.Run:
        def run(text: str, bindings: Mapping[str, Any] | None) -> Any:
            return self.graph.query(text, bindings=dict(bindings) if bindings else None, limits=limits)

        return run

    async def _explore(self, request: Request, work: Callable[[explore.Run], Any]) -> Any:
        """``work(run)`` under the query policy, ``run`` a SPARQL runner bound to its limits; JSON errors."""
        return await self._guarded_run(request, lambda limits: work(self._plain_run(limits)))

    async def _guarded_run(self, request: Request, work: Callable[[QueryLimits], Any]) -> Any:
        """``work(limits)`` under the query policy; a busy server, a client gone and a failed query are
        answered as their JSON errors (a Response), anything else is ``work``'s result."""
        try:
            return await self._run(request, work)
        except ServerBusyError as error:
            response = _error(503, str(error))
            response.headers["Retry-After"] = "5"
            return response
        except ClientGoneError:
            return Response(status_code=499)
        except ShowgraphError as error:
            return _error(_query_status(error), error.message, error.code)

    def _claims(self, run: explore.Run) -> list[dict[str, Any]]:
        """Every claim as a flat row; kept until the store changes (an embedded store counts its changes;
        a SPARQL endpoint may change under other writers, so its claims are read each time)."""
        store = self.graph.store
        generation = store.generation if store.private else None
        cached = self._claims_cache
        if generation is not None and cached is not None and cached[0] == generation:
            return cached[1]
        rows = explore.claim_rows(run)
        if generation is not None:
            self._claims_cache = (generation, rows)
        return rows

    async def search(self, request: Request) -> Response:
        text = request.query_params.get("q", "")
        if len(text) > explore.MAX_SEARCH_TEXT:
            return _error(400, f"q is over {explore.MAX_SEARCH_TEXT} characters")
        limit = request.query_params.get("limit", "10")
        if not limit.isdigit() or not 1 <= int(limit) <= explore.MAX_SUGGESTIONS:
            return _error(400, f"limit must be a whole number from 1 to {explore.MAX_SUGGESTIONS}")
        result = await self._explore(request, lambda run: explore.search(run, text, int(limit)))
        return result if isinstance(result, Response) else JSONResponse({"q": text, "results": result})

    async def overview(self, request: Request) -> Response:
        result = await self._explore(request, lambda run: explore.overview(run, self._claims(run)))
        return result if isinstance(result, Response) else JSONResponse(result)

    async def claims(self, request: Request) -> Response:
        params = dict(request.query_params)
        try:
            query = explore.ClaimQuery.from_params(params)
        except ValueError as error:
            return _error(400, str(error))
        if query.entity:
            try:
                ox.NamedNode(query.entity)
            except ValueError as error:
                return _error(400, f"entity {query.entity!r} is not an IRI ({error})")
        download = params.get("format", "")
        if download not in ("", "csv", "json"):
            return _error(400, "format must be csv or json (a download of every matching claim)")
        if download:
            rows = await self._explore(request, lambda run: explore.matching_rows(self._claims(run), query))
            if isinstance(rows, Response):
                return rows
            name = "showgraph-claims"
            if download == "csv":
                return Response(
                    explore.to_csv(rows),
                    media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
                )
            return JSONResponse(
                {"filters": query.filters, "total": len(rows), "claims": rows},
                headers={"Content-Disposition": f'attachment; filename="{name}.json"'},
            )
        result = await self._explore(request, lambda run: explore.browse(self._claims(run), query))
        return result if isinstance(result, Response) else JSONResponse(result)

    async def timeline(self, request: Request) -> Response:
        iri = request.query_params.get("iri", "").strip()
        try:
            ox.NamedNode(iri)
        except ValueError:
            return _error(400, "give the show's IRI: /api/timeline?iri=https://w3id.org/showgraph/id/show/…")
        result = await self._explore(request, lambda run: explore.timeline(self._claims(run), iri))
        return result if isinstance(result, Response) else JSONResponse({"iri": iri, "events": result})

    # -- loading ---------------------------------------------------------------------------------

    async def load(self, request: Request) -> Response:
        if not self.allow_load or self.token is None:
            return _error(404, "loading is off: start the server with --allow-load --token TOKEN to turn it on")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            response = _error(401, "send the token as the header Authorization: Bearer TOKEN")
            response.headers["WWW-Authenticate"] = 'Bearer realm="showgraph"'
            return response
        if not hmac.compare_digest(given.strip().encode("utf-8"), self.token):
            return _error(403, "the token is wrong")
        try:  # the body is cut at BODY_LIMITS["/api/load"] as it arrives (see _BodyLimit)
            name, data = await _article_from_request(request)
        except _BadUpload as error:
            return _error(error.status, str(error))
        try:
            report = await run_in_threadpool(self._load_bytes, name, data)
        except ShowgraphError as error:
            return _error(500, error.message, error.code)
        body = _report_json(report)
        if report.failures and not report.outcomes:  # the one article sent failed: so did the upload
            reasons = "; ".join(f"{failure.source}: {failure.message}" for failure in report.failures)
            return JSONResponse({"error": f"the article could not be loaded: {reasons}", **body}, status_code=422)
        return JSONResponse(body)

    def _load_bytes(self, name: str, data: bytes) -> LoadReport:
        with tempfile.TemporaryDirectory(prefix="showgraph-load-") as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            with self.load_lock:
                report = self.graph.load([path], by_file=False)  # a temp copy: known by ID, URL or content
        # Messages name the file the reader saw; the client knows it by its own name, not our temp folder.
        for failure in report.failures:
            failure.source = failure.source.replace(f"{folder}/", "")
            failure.message = failure.message.replace(f"{folder}/", "")
        return report


class _BadUpload(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def _article_from_request(request: Request) -> tuple[str, bytes]:
    """(safe file name, bytes) of the article: a multipart ``file`` upload or ``text`` field, or a raw body."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media in ("multipart/form-data", "application/x-www-form-urlencoded"):
        async with request.form(max_files=1, max_fields=10, max_part_size=MAX_ARTICLE_BYTES) as form:
            upload, text = form.get("file"), form.get("text")
            if isinstance(upload, UploadFile) and upload.filename:
                data = await upload.read(MAX_ARTICLE_BYTES + 1)
                name = upload.filename
            elif isinstance(text, str) and text.strip():
                data, name = text.encode("utf-8"), "pasted.txt"
            else:
                raise _BadUpload(
                    400, "send the article as a file field named 'file' or as text in a field named 'text'"
                )
    elif media in ("text/plain", "text/markdown", "text/html", ""):
        data = await request.body()
        name = {"text/markdown": "pasted.md", "text/html": "pasted.html"}.get(media, "pasted.txt")
    else:
        raise _BadUpload(415, f"unsupported Content-Type {media!r}: send multipart/form-data or text/plain")
    if len(data) > MAX_ARTICLE_BYTES:
        raise _BadUpload(413, f"the article is over {MAX_ARTICLE_BYTES} bytes")
    if not data.strip():
        raise _BadUpload(400, "the article is empty")
    safe = _safe_file_name(name)
    if len(safe) > MAX_FILE_NAME:
        raise _BadUpload(
            400, f"the file name is over {MAX_FILE_NAME} characters ({len(safe)}); rename the file and send it again"
        )
    return safe, data


def _safe_file_name(name: str) -> str:
    """A bare file name with a readable suffix: no folders, nothing outside [A-Za-z0-9._-].

    >>> _safe_file_name("../../etc/passwd"), _safe_file_name("My Article.md"), _safe_file_name("x.exe")
    ('passwd.txt', 'My-Article.md', 'x.exe.txt')
    """
    base = _SAFE_NAME.sub("-", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(".-") or "article"
    return base if Path(base).suffix.lower() in LOAD_SUFFIXES else base + ".txt"


def _report_json(report: LoadReport) -> dict[str, Any]:
    return {
        "articles": report.articles,
        "facts": report.facts,
        "stored": report.stored,
        "quarantined": report.quarantined,
        "quarantine_reasons": dict(report.quarantine_reasons()),
        "outcomes": [
            {
                "id": outcome.article.id,
                "title": outcome.article.title,
                "facts": outcome.facts,
                "stored": outcome.stored_claims,
                "quarantined": outcome.quarantined_claims,
            }
            for outcome in report.outcomes
        ],
        "failures": [{"source": failure.source, "message": failure.message} for failure in report.failures],
    }
