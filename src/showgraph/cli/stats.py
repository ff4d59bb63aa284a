"""``showgraph stats``: what the graph holds, counted; with ``--network``, who and what is central."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError


def stats(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    network: Annotated[
        bool,
        typer.Option(
            "--network",
            help="Network figures instead: most central people and shows, connected components, "
            "shows sharing the most cast.",
        ),
    ] = False,
    top: Annotated[int, typer.Option("--top", min=1, help="How many to list with --network.")] = 10,
) -> None:
    """Count articles, claims by relation and status, entities by class, quarantined claims."""
    try:
        with open_graph(store, endpoint, read_only=True) as graph:
            counts = graph.network_stats(top=top) if network else graph.stats()
    except ShowgraphError as error:
        raise fail(str(error)) from error
    if as_json:
        print(json.dumps(counts, indent=2, ensure_ascii=False))
        return
    if network:
        print_network(counts)
        return
    print(f"articles     {counts['articles']}")
    print(f"claims       {counts['claims']}")
    print(f"quarantined  {counts['quarantined']}")
    for section in ("relations", "statuses", "entities"):
        print(f"{section}:")
        for name, n in counts[section].items():
            print(f"  {name:<16}{n}")


def print_network(figures: dict[str, Any]) -> None:
    sizes = ", ".join(map(str, figures["largest_components"]))
    print(f"entities     {figures['nodes']}")
    print(f"claims       {figures['edges']}  (linking two entities; denied and deprecated left out)")
    print(f"components   {figures['components']}  (largest: {sizes or '-'})")
    for key, heading in (("central_people", "most central people"), ("central_shows", "most central shows")):
        print(f"{heading} (betweenness, neighbours):")
        for entry in figures[key]:
            print(f"  {entry['label']:<32}{entry['betweenness']:<10.4f}{entry['degree']}")
    print("shows sharing the most cast:")
    for entry in figures["shared_cast"]:
        a, b = entry["shows"]
        print(f"  {entry['shared']}  {a} & {b}: {', '.join(entry['people'])}")


def register(app: typer.Typer) -> None:
    app.command()(stats)
