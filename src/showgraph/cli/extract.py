"""``showgraph extract PATH...``: print the facts read from articles, without touching the store."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from itertools import chain
from typing import Annotated

import typer

from showgraph.cli.options import ModelOption, fail
from showgraph.cli.progress import progress_bar
from showgraph.core import Extraction, Failure, ShowGraph
from showgraph.errors import ShowgraphError


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    ttl = "ttl"


def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders or globs.")],
    format: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="jsonl: one fact a line in the gold format; ttl: RDF."),
    ] = ExtractFormat.jsonl,
    evidence: Annotated[bool, typer.Option(help="Include each fact's evidence in jsonl.")] = True,
    model: ModelOption = None,
) -> None:
    """Extract facts from articles and print them (jsonl in the shape of the gold files, or Turtle)."""
    graph = ShowGraph(":memory:", model=model)
    failed = 0
    articles, failures = graph.read(paths)
    total = len(articles) + len(failures)
    try:
        with progress_bar("reading") as report_progress:
            report_progress(0, total)
            for done, item in enumerate(chain(failures, graph.extract_articles(articles)), start=1):
                report_progress(done, total)
                failed += emit(item, format, evidence)
    except ShowgraphError as error:
        raise fail(str(error)) from error
    if failed:
        raise typer.Exit(1)


def emit(item: Extraction | Failure, format: ExtractFormat, evidence: bool) -> int:
    """Print one article's facts (or its failure, on standard error); 1 if it failed."""
    if isinstance(item, Failure):
        typer.secho(item.line(), err=True, fg=typer.colors.RED)
        return 1
    if format is ExtractFormat.jsonl:
        for fact in item.facts.facts:
            line = fact.to_gold(article=item.article.name)
            if not evidence:
                line.pop("evidence", None)
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
        from showgraph.rdf import article_graph

        sys.stdout.write(article_graph(item.article, item.facts).serialize(format="turtle"))
    return 0


def register(app: typer.Typer) -> None:
    app.command()(extract)
