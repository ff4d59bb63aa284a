"""``showgraph remove TARGET...``: take articles out of the graph, by IRI, id, path, folder or glob."""

from __future__ import annotations

from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError


def remove(
    targets: Annotated[
        list[str], typer.Argument(help="Article IRIs or ids, or the files, folders or globs they were loaded from.")
    ],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """Take articles out: each one's named graph and quarantine graph go, all in one update.

    Exits 1 if a target names no stored article (each is named), after taking out the others.
    """
    try:
        with open_graph(store, endpoint) as graph:
            report = graph.remove(targets)
    except ShowgraphError as error:
        raise fail(str(error)) from error
    for target in report.unmatched:
        typer.secho(f"no stored article for {target}", err=True, fg=typer.colors.RED)
    print(f"{len(report.removed)} articles removed")
    if report.unmatched:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(remove)
