"""``showgraph eval GOLD_DIR``: how well extraction reads annotated articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from showgraph.cli.options import ModelOption, fail
from showgraph.cli.progress import progress_bar
from showgraph.core import ShowGraph
from showgraph.errors import ShowgraphError


def eval_(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of NAME.txt articles with NAME.gold.json annotations.", file_okay=False)
    ],
    misses: Annotated[
        bool, typer.Option("--misses", help="Also list every missed and spurious fact with its sentence.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
    model: ModelOption = None,
) -> None:
    """Score extraction against gold facts: precision, recall and F1 per relation and micro-averaged."""
    try:
        with progress_bar("reading") as report_progress:
            evaluation = ShowGraph(":memory:", model=model).evaluate(gold_dir, progress=report_progress)
    except ShowgraphError as error:
        raise fail(str(error)) from error
    scores = evaluation.scores
    for failure in evaluation.failures:
        typer.secho(failure.line(), err=True, fg=typer.colors.RED)
    if as_json:
        print(json.dumps(scores.to_dict(), indent=2))
        return
    from showgraph.evaluate import format_table

    if misses:
        for label, items in (("MISS ", scores.misses), ("EXTRA", scores.extras)):
            for article, fact in items:
                shown = {k: v for k, v in fact.items() if k not in ("evidence", "article")}
                print(f"{label} {article}: {json.dumps(shown, ensure_ascii=False)}")
                sentence = evaluation.sentence_for(article, fact)
                if sentence:
                    print(f"      > {sentence}")
        for article, key, gold, predicted in scores.disagreements:
            print(
                f"QUAL  {article}: {key} gold={gold.get(key, 'confirmed')!r} got={predicted.get(key, 'confirmed')!r} "
                f"in {gold['relation']} {gold['subject']} -> {gold['object']}"
            )
    print(format_table(scores))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_)
