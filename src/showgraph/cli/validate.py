"""``showgraph validate``: check everything stored against the SHACL shapes."""

from __future__ import annotations

from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.cli.progress import progress_bar
from showgraph.errors import ShowgraphError


def validate(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print the full SHACL report.")] = False,
) -> None:
    """Validate the stored graph against ontology/shapes.ttl; exit 1 if it does not conform."""
    try:
        with open_graph(store, endpoint, read_only=True) as graph, progress_bar("validating") as report_progress:
            result = graph.validate(progress=report_progress)
    except ShowgraphError as error:
        raise fail(str(error)) from error
    if result.conforms:
        print("conforms: the stored graph satisfies every shape")
        return
    print(f"does not conform: {len(result.reasons)} violations")
    for reason in result.reasons if verbose else result.reasons[:20]:
        print(f"  {reason}")
    if verbose:
        print(result.report_text)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(validate)
