"""The ``showgraph`` command line: one module per command, all calling :class:`showgraph.core.ShowGraph`."""

from __future__ import annotations

import typer

from showgraph.cli import conflicts, export, extract, load, query, remove, serve, stats, train, validate, viz
from showgraph.cli import eval as eval_command
from showgraph.cli import path as path_command
from showgraph.cli.help import ShowgraphCommand, ShowgraphGroup

app = typer.Typer(
    name="showgraph",
    help="Build a knowledge graph of TV production facts from news articles, and ask it questions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=ShowgraphGroup,
)

for module in (
    load,
    remove,
    extract,
    query,
    validate,
    export,
    stats,
    eval_command,
    conflicts,
    serve,
    viz,
    path_command,
    train,
):
    module.register(app)
for info in app.registered_commands:  # Typer fills in its own class; ours only tidies the help screen
    info.cls = ShowgraphCommand


def main() -> None:
    app()
