"""``showgraph train``: rebuild the trained recogniser and relation classifier from the annotated corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from showgraph.cli.options import ModelOption, fail
from showgraph.core import ShowGraph


def train(
    corpus: Annotated[
        Path, typer.Argument(help="The annotated corpus (gold files and splits.json).", file_okay=False)
    ] = Path("corpus/annotated"),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Where to write the models (default: the ones showgraph ships).", file_okay=False
        ),
    ] = None,
    work: Annotated[
        Path | None,
        typer.Option("--work", help="Keep the intermediate corpora and spaCy's runs here.", file_okay=False),
    ] = None,
    max_steps: Annotated[
        int | None, typer.Option("--max-steps", help="Stop each spaCy training run after this many steps.")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Train the recogniser and the relation classifier with spaCy's training system, then choose the
    reading policy on the tune split. BBC articles are read from ../shared beside the clone."""
    overrides = {"training.max_steps": max_steps} if max_steps else None
    try:
        report = ShowGraph.train(corpus, output, work=work, base_model=model, overrides=overrides)
    except (ValueError, OSError) as error:
        raise fail(str(error)) from error
    print(f"articles by split: {report.articles}")
    print(f"candidate pairs (positive, total): {report.pairs}")
    print("seconds: " + ", ".join(f"{k} {v:.0f}" for k, v in report.seconds.items()))


def register(app: typer.Typer) -> None:
    app.command("train")(train)
