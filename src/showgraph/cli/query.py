"""``showgraph query``: run SPARQL over the graph, or a named query with parameters; a table, CSV, TSV or JSON out."""

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


def key_value(text: str) -> tuple[str, str]:
    """Parse a ``--param`` value, ``KEY=VALUE`` split at the first ``=``; a usage error otherwise.

    (Typer 0.29 vendors its click and takes a ``parser`` function where click takes a ParamType.)

    >>> key_value('show=The Glory')
    ('show', 'The Glory')
    >>> key_value('The Glory')
    Traceback (most recent call last):
    typer._click.exceptions.BadParameter: expected KEY=VALUE (e.g. show="The Glory"), got 'The Glory'
    """
    if isinstance(text, tuple):  # already parsed (a default, or a second pass)
        return text
    key, equals, value = str(text).partition("=")
    key = key.strip()
    if not equals or not key.isidentifier():
        raise typer.BadParameter(f'expected KEY=VALUE (e.g. show="The Glory"), got {text!r}')
    return key, value


def query(
    sparql: Annotated[str | None, typer.Argument(help="The SPARQL query text.", show_default=False)] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Read the query from a .rq file.", exists=True, dir_okay=False),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", "-n", help="Run a named query shipped with showgraph (see --list).", show_default=False),
    ] = None,
    params: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            parser=key_value,
            metavar="KEY=VALUE",
            help='A parameter of the named query, KEY=VALUE (repeatable), e.g. --param show="The Glory".',
            show_default=False,
        ),
    ] = None,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the named queries and their parameters, then stop.")
    ] = False,
    format: Annotated[ResultFormat, typer.Option("--format", help="How to print the results.")] = ResultFormat.table,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """Run a SPARQL query over the union of all article graphs, or a named query (--name) with --param."""
    if list_queries:
        print_named_queries()
        return
    given = [what for what, value in (("SPARQL", sparql), ("--file", file), ("--name", name)) if value is not None]
    if len(given) != 1:
        raise typer.BadParameter(
            "give exactly one of: the query as text, --file FILE, or --name NAME"
            + (f" (got {' and '.join(given)})" if given else ""),
            param_hint="SPARQL",
        )
    if params and name is None:
        raise typer.BadParameter("--param goes with --name (a named query)", param_hint="--param")
    bindings = dict(params or [])  # the parser makes each item a (key, value) tuple
    try:
        with open_graph(store, endpoint, read_only=True) as graph:
            if name is not None:
                result = graph.run_named(name, **bindings)
            else:
                text = sparql if sparql is not None else file.read_text(encoding="utf-8")  # type: ignore[union-attr]
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


def print_named_queries() -> None:
    from showgraph.named_queries import named_queries

    for named in named_queries().values():
        print(f"{named.name:<14}{named.title}")
        print(f"{'':<14}parameters: {named.signature()}")


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
