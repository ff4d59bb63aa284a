"""``showgraph serve``: the graph on a local web server (SPARQL endpoint, page, JSON API)."""

from __future__ import annotations

from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, ModelOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError

#: A load token shorter than this is refused: it guards the one route that writes.
MIN_TOKEN_LENGTH = 12


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
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    model: ModelOption = None,
) -> None:
    """Serve the graph: a read-only SPARQL endpoint at /sparql and a page to explore it at /."""
    if allow_load and not token:
        raise fail(
            "--allow-load needs a token: add --token TOKEN or set $SHOWGRAPH_TOKEN "
            '(make one with: python3 -c "import secrets; print(secrets.token_urlsafe())")',
            code=2,
        )
    if allow_load and token and len(token) < MIN_TOKEN_LENGTH:
        raise fail(f"the token is too short: use at least {MIN_TOKEN_LENGTH} characters", code=2)
    import uvicorn

    from showgraph.web import create_app

    try:
        with open_graph(store, endpoint, model, create=allow_load) as graph:
            app = create_app(graph, allow_load=allow_load, token=token if allow_load else None)
            where = f"[{host}]" if ":" in host else host
            typer.secho(f"showgraph: page http://{where}:{port}/  SPARQL http://{where}:{port}/sparql", err=True)
            if allow_load:
                typer.secho("showgraph: loading is ON for holders of the token (POST /api/load)", err=True)
            uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    except ShowgraphError as error:
        raise fail(str(error)) from error


def register(app: typer.Typer) -> None:
    app.command()(serve)
