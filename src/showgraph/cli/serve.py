"""``showgraph serve``: the graph on a local web server (SPARQL endpoint, page, JSON API)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

import typer

from showgraph.cli.options import EndpointOption, ModelOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError

#: A load token shorter than this is refused: it guards the one route that writes.
MIN_TOKEN_LENGTH = 12
#: Seconds the server waits for open requests when told to stop (SIGTERM, Ctrl-C) before it cuts them.
SHUTDOWN_GRACE = 3


def check_origin(origin: str) -> str:
    """A CORS origin as browsers send it, ``scheme://host[:port]``; BadParameter for anything else.

    >>> check_origin("https://yasgui.example:8443")
    'https://yasgui.example:8443'
    >>> check_origin("*")
    Traceback (most recent call last):
    typer._click.exceptions.BadParameter: '*' is not an origin: give scheme://host[:port] of each site to allow
    """
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc or origin != f"{parts.scheme}://{parts.netloc}":
        raise typer.BadParameter(f"{origin!r} is not an origin: give scheme://host[:port] of each site to allow")
    return origin


def check_endpoint(url: str) -> str:
    """A SERVICE endpoint to allow: an absolute http(s) URL, compared exactly with the query's IRI.

    >>> check_endpoint("ftp://x/")
    Traceback (most recent call last):
    typer._click.exceptions.BadParameter: 'ftp://x/' is not an http(s) URL
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise typer.BadParameter(f"{url!r} is not an http(s) URL")
    return url


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 127.0.0.1 keeps it on this machine.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="TCP port to listen on.", min=1, max=65535)] = 8000,
    allow_load: Annotated[
        bool, typer.Option("--allow-load", help="Let holders of --token load articles from the page or POST /api/load.")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="SHOWGRAPH_TOKEN",
            help="Bearer token that loading needs (prefer $SHOWGRAPH_TOKEN: a flag shows in the process list).",
            show_default=False,
        ),
    ] = None,
    query_timeout: Annotated[
        float,
        typer.Option("--query-timeout", min=0.1, help="Seconds a query may run before it is stopped (answered 503)."),
    ] = 10.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", min=1, help="Result rows (or triples) a query may return (more: 500).")
    ] = 100_000,
    max_queries: Annotated[
        int, typer.Option("--max-queries", min=1, max=64, help="Queries run at once; more wait for a free slot.")
    ] = 4,
    allow_service: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-service",
            metavar="URL",
            help="A SPARQL endpoint queries may call with SERVICE (repeatable; exact URL). None by default.",
            show_default=False,
        ),
    ] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(
            "--cors-origin",
            metavar="ORIGIN",
            help="A web origin (https://host[:port]) whose pages may read /sparql answers (repeatable).",
            show_default=False,
        ),
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    model: ModelOption = None,
) -> None:
    """Serve the graph: a read-only SPARQL endpoint at /sparql and a page to explore it at /."""
    if allow_load and token and not token.strip():
        raise fail(f"the token is only spaces: use at least {MIN_TOKEN_LENGTH} characters that are not", code=2)
    if allow_load and token and token != token.strip():
        raise fail("the token starts or ends with spaces, which a client cannot send; remove them", code=2)
    if allow_load and not token:
        raise fail(
            "--allow-load needs a token: add --token TOKEN or set $SHOWGRAPH_TOKEN "
            '(make one with: python3 -c "import secrets; print(secrets.token_urlsafe())")',
            code=2,
        )
    if allow_load and token and len(token) < MIN_TOKEN_LENGTH:
        raise fail(f"the token is too short: use at least {MIN_TOKEN_LENGTH} characters", code=2)
    origins = [check_origin(origin) for origin in cors_origin or []]
    services = [check_endpoint(url) for url in allow_service or []]
    import uvicorn

    from showgraph.web import create_app
    from showgraph.web.runner import QueryPolicy

    policy = QueryPolicy(
        timeout=query_timeout, max_rows=max_rows, max_queries=max_queries, allow_service=frozenset(services)
    )
    try:
        with open_graph(store, endpoint, model, create=allow_load) as graph:
            app = create_app(
                graph,
                allow_load=allow_load,
                token=token if allow_load else None,
                policy=policy,
                cors_origins=origins,
            )
            where = f"[{host}]" if ":" in host else host
            typer.secho(f"showgraph: page http://{where}:{port}/  SPARQL http://{where}:{port}/sparql", err=True)
            if allow_load:
                typer.secho("showgraph: loading is ON for holders of the token (POST /api/load)", err=True)
            for url in services:
                typer.secho(f"showgraph: queries may call SERVICE <{url}>", err=True)
            config = uvicorn.Config(
                app,
                host=host,
                port=port,
                log_level="info",
                server_header=False,
                timeout_graceful_shutdown=SHUTDOWN_GRACE,
            )
            _stopping_server(config).run()
    except ShowgraphError as error:
        raise fail(str(error)) from error


def _stopping_server(config: Any) -> Any:
    """A uvicorn server that, told to stop (SIGTERM, Ctrl-C), first stops the running queries: they end
    at their next row and are answered 503 within uvicorn's grace period; only a query deep in the
    engine is cut off when the grace period ends. (uvicorn is imported only when serving.)"""
    import uvicorn

    class StoppingServer(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            self.config.app.state.runner.cancel_all()
            super().handle_exit(sig, frame)

    return StoppingServer(config)


def register(app: typer.Typer) -> None:
    app.command()(serve)
