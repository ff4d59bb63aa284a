"""``showgraph query``: run SPARQL over the graph, or a named query with parameters; a table, CSV, TSV or JSON out."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rdflib import URIRef

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.core import ShowGraph
from showgraph.errors import QueryError, ShowgraphError
from showgraph.store import QueryResult


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
        typer.Option(
            "--file",
            help="Read the query from a .rq file (no short flag: -f is --format).",
            exists=True,
            dir_okay=False,
        ),
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
    format: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="How to print the results.")
    ] = ResultFormat.table,
    iris: Annotated[bool, typer.Option("--iris", help="In the table, show IRIs in full instead of names.")] = False,
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
                result = run_own_query(graph, text)
            labels = {}
            if format is ResultFormat.table and result.kind == "select" and not iris:
                labels = graph.labels(str(term) for row in result.rows for term in row if isinstance(term, URIRef))
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
        print_table(result, labels, iris=iris)


def run_own_query(graph: ShowGraph, text: str) -> QueryResult:
    """Run a person's SPARQL with the common prefixes declared; a syntax error says where, in words."""
    from showgraph.sparql import explain_syntax_error, with_prefixes

    prefixed, shift = with_prefixes(text)
    try:
        return graph.query(prefixed)
    except QueryError as error:
        cause = error.__cause__
        words = explain_syntax_error(text, str(cause) if cause is not None else error.message, shift=shift)
        if words is None:
            raise
        raise QueryError(f"the query does not parse: {words}") from error


def print_named_queries() -> None:
    from showgraph.named_queries import named_queries

    for named in named_queries().values():
        print(f"{named.name:<14}{named.title}")
        print(f"{'':<14}parameters: {named.signature()}")


def print_table(result: QueryResult, labels: dict[str, str], *, iris: bool = False) -> None:
    """SELECT results as a table: names rather than IRIs (unless ``iris``); on a terminal a boxed
    table, into a pipe or file plain aligned columns at full width (no wrapping at 80 columns)."""
    from rich.console import Console

    cells = [[shown(term, labels, iris=iris) for term in row] for row in result.rows]
    console = Console()
    count = f"{len(cells)} row" + ("" if len(cells) == 1 else "s")
    if not console.is_terminal:
        widths = [max([len(v), *(len(row[i]) for row in cells)]) for i, v in enumerate(result.variables)]
        lines = [result.variables, ["-" * w for w in widths], *cells]
        for line in lines:
            sys.stdout.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n")
        sys.stdout.write(count + "\n")
        return
    from rich.table import Table

    table = Table(*result.variables, show_lines=False)
    for row in cells:
        table.add_row(*row)
    console.print(table)
    console.print(count)


def shown(term: object, labels: dict[str, str], *, iris: bool) -> str:
    """How a table shows a term: an IRI by its label, a relation or status by its FORMAT.md name, else
    as a prefixed name (``person:iu``) or the whole IRI, never cut; a literal by its text.

    >>> from rdflib import Literal
    >>> shown(URIRef("https://w3id.org/showgraph/ontology#castMember"), {}, iris=False)
    'cast_member'
    >>> shown(URIRef("https://w3id.org/showgraph/id/person/iu"), {}, iris=False)
    'person:iu'
    >>> shown(Literal(3), {}, iris=False), shown(None, {}, iris=False)
    ('3', '')
    """
    if term is None:
        return ""
    if not isinstance(term, URIRef):
        return str(term)
    iri = str(term)
    if iris:
        return iri
    from showgraph.vocabulary import display_name

    return labels.get(iri) or display_name(iri) or compact_iri(iri)


def compact_iri(iri: str) -> str:
    """``person:iu`` for an IRI under a common namespace (the longest that fits), else the IRI."""
    from showgraph.sparql import COMMON_PREFIXES

    best = max(
        ((name, ns) for name, ns in COMMON_PREFIXES.items() if iri.startswith(ns) and len(iri) > len(ns)),
        key=lambda item: len(item[1]),
        default=None,
    )
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else iri


def register(app: typer.Typer) -> None:
    app.command()(query)
