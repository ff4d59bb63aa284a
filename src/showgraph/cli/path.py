"""``showgraph path A B``: how two people (or any two entities) are connected, through which shows and roles."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError
from showgraph.vocabulary import status_names


def path(
    a: Annotated[str, typer.Argument(help="A name (label or alternative label, any case) or an IRI.")],
    b: Annotated[str, typer.Argument(help="Another name or IRI.")],
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help="Only walk claims of this status (repeatable; default: all but denied).",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the steps as a JSON list.")] = False,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """Show the shortest chain of claims linking A and B; exit 1 if they are not connected."""
    from showgraph.network import describe_path

    try:
        with open_graph(store, endpoint, read_only=True) as graph:
            steps = graph.path(a, b, statuses=status_names(status))
    except ShowgraphError as error:
        raise fail(str(error)) from error
    if as_json:
        print(json.dumps([step.to_dict() for step in steps], indent=2, ensure_ascii=False))
    elif steps:
        hops = "hop" if len(steps) == 1 else "hops"
        print(f"{steps[0].source_label} -> {steps[-1].target_label}: {len(steps)} {hops}")
        print(describe_path(steps))
    else:
        typer.echo(f"{a} and {b} are not connected in the graph", err=True)
    if not steps:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(path)
