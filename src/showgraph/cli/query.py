"""``showgraph query``: run SPARQL over the graph; a table, CSV, TSV or JSON out."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def query(
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.", show_default=False)] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Read the query from a .rq file.", exists=True, dir_okay=False),
    ] = None,
    format: Annotated[ResultFormat, typer.Option("--format", help="How to print the results.")] = ResultFormat.table,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """Run a SPARQL query over the union of all article graphs."""
    if (sparql is None) == (file is None):
        raise typer.BadParameter("give the query as text or with --file, not both", param_hint="SPARQL")
    text = sparql if sparql is not None else file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    try:
        with open_graph(store, endpoint) as graph:
            result = graph.query(text)
    except ShowgraphError as error:
        raise fail(str(error)) from error
    if result.kind == "ask":
        print("true" if result.boolean else "false")
    elif result.kind != "select":
        sys.stdout.write(result.graph.serialize(format="turtle"))
    elif format is ResultFormat.csv:
        sys.stdout.write(result.to_csv())
    elif format is ResultFormat.tsv:
        sys.stdout.write(result.to_tsv())
    elif format is ResultFormat.json:
        sys.stdout.write(result.to_json() + "\n")
    else:
        print_table(result)


def print_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*result.variables, show_lines=False)
    for row in result.to_dicts():
        table.add_row(*("" if row.get(v) is None else str(row[v]) for v in result.variables))
    console = Console()
    console.print(table)
    console.print(f"{len(result.rows)} rows")


def register(app: typer.Typer) -> None:
    app.command()(query)
