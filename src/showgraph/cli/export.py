"""``showgraph export``: write the whole graph as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError


class ExportFormat(StrEnum):
    ttl = "ttl"
    trig = "trig"
    nq = "nq"
    nt = "nt"
    jsonld = "jsonld"


def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="RDF serialisation.")] = ExportFormat.trig,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: standard output).", dir_okay=False),
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """Export the graph (trig and nq keep one named graph per article; ttl and nt merge them)."""
    try:
        with open_graph(store, endpoint, read_only=True) as graph:
            if output is None:
                graph.export(format.value, sys.stdout.buffer)
            else:
                graph.export(format.value, output)
    except ShowgraphError as error:
        if isinstance(error.__cause__, BrokenPipeError):  # `export | head`: the reader has enough
            raise error.__cause__ from None
        raise fail(str(error)) from error


def register(app: typer.Typer) -> None:
    app.command()(export)
