"""``showgraph conflicts``: facts that articles disagree on, with both sources."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError


def conflicts(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object a conflict, a line each.")] = False,
) -> None:
    """List single-valued facts (release dates, episode counts, ages) stated with different values."""
    try:
        with open_graph(store, endpoint, read_only=True) as graph:
            found = graph.conflicts()
    except ShowgraphError as error:
        raise fail(str(error)) from error
    for conflict in found:
        claims = [
            {
                "value": c.value,
                "status": c.status,
                "published": c.published,
                "article": c.article,
                "sentence": c.sentence,
                "claim": c.claim,
            }
            for c in conflict.claims
        ]
        if as_json:
            record = {
                "relation": conflict.relation,
                "subject": conflict.subject,
                "season": conflict.season,
                "platform": conflict.platform,
                "claims": claims,
            }
            print(json.dumps(record, ensure_ascii=False))
            continue
        season = f" season {conflict.season}" if conflict.season is not None else ""
        print(f"{conflict.relation} of {conflict.subject}{season}: {' vs '.join(conflict.values)}")
        for claim in claims:
            print(
                f"  {claim['value']:<14} {claim['status']:<11} {claim['published'] or 'undated':<11} {claim['article']}"
            )
            if claim["sentence"]:
                print(f"      > {claim['sentence']}")
    if not as_json:
        print(f"{len(found)} conflicts")


def register(app: typer.Typer) -> None:
    app.command()(conflicts)
