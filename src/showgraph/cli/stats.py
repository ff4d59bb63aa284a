"""``showgraph stats``: what the graph holds, counted."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError


def stats(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Count articles, claims by relation and status, entities by class, quarantined claims."""
    try:
        with open_graph(store, endpoint) as graph:
            counts = graph.stats()
    except ShowgraphError as error:
        raise fail(str(error)) from error
    if as_json:
        print(json.dumps(counts, indent=2))
        return
    print(f"articles     {counts['articles']}")
    print(f"claims       {counts['claims']}")
    print(f"quarantined  {counts['quarantined']}")
    for section in ("relations", "statuses", "entities"):
        print(f"{section}:")
        for name, n in counts[section].items():
            print(f"  {name:<16}{n}")


def register(app: typer.Typer) -> None:
    app.command()(stats)
