"""``showgraph viz``: draw the graph, or the part around one entity, as HTML, PNG, SVG, GraphML, GEXF, DOT, Mermaid."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from showgraph.cli.options import EndpointOption, StoreOption, fail, open_graph
from showgraph.errors import ShowgraphError
from showgraph.vocabulary import relation_names, status_names


class PictureFormat(StrEnum):
    html = "html"
    png = "png"
    svg = "svg"
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"
    mermaid = "mermaid"


#: Formats that are text and may go to standard output when no -o is given.
_TEXT_FORMATS = {PictureFormat.dot, PictureFormat.mermaid, PictureFormat.graphml, PictureFormat.gexf}


def viz(
    format: Annotated[
        PictureFormat | None,
        typer.Option("--format", "-f", help="Picture format (default: from the -o suffix).", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (dot, mermaid, graphml, gexf: standard output if left out).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus", help="Only what lies around this entity: a name (any case) or an IRI.", show_default=False
        ),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=0, help="Hops around --focus to keep.")] = 2,
    relation: Annotated[
        list[str] | None,
        typer.Option(
            "--relation",
            "-r",
            help="Only claims of this relation, e.g. plays or cast_member (castMember works too; repeatable).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status", "-s", help="Only claims of this status, e.g. alleged (repeatable).", show_default=False
        ),
    ] = None,
    show: Annotated[
        str | None,
        typer.Option(
            "--show", help="Only claims about this show (subject, object or show qualifier).", show_default=False
        ),
    ] = None,
    article: Annotated[
        str | None,
        typer.Option("--article", help="Only claims read from this article (IRI or id).", show_default=False),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            min=1,
            help="Keep only the N most important entities (most neighbours), each labelled.",
            show_default=False,
        ),
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Also draw entities with no claim linking them to another shown.")
    ] = False,
    title: Annotated[str | None, typer.Option("--title", help="Title of the picture.", show_default=False)] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """Draw the graph: nodes coloured by class, edges styled by status (dashed: alleged, rumored; dotted: denied)."""
    from showgraph.viz import format_for, to_dot, to_mermaid, trim_network, write_network

    if output is None and format not in _TEXT_FORMATS:
        raise typer.BadParameter(
            "give -o FILE (only dot, mermaid, graphml and gexf can go to standard output)", param_hint="--output"
        )
    try:
        chosen = format_for(output or "-", format.value if format else None)
        with open_graph(store, endpoint, read_only=True) as graph:
            network = graph.network(
                focus=focus,
                depth=depth,
                relations=relation_names(relation),
                statuses=status_names(status),
                show=show,
                article=article,
            )
            seeds = [n for n in network.nodes if focus is not None and _is_focus(network, n, focus)]
        network = trim_network(network, top=top, isolated=isolated, keep=seeds)
        heading = title or ("showgraph" + (f": around {focus}" if focus else "") + (f" in {show}" if show else ""))
        if output is None:
            import networkx as nx

            if chosen == "dot":
                sys.stdout.write(to_dot(network, title=heading))
            elif chosen == "mermaid":
                sys.stdout.write(to_mermaid(network))
            elif chosen == "graphml":
                sys.stdout.write("\n".join(nx.generate_graphml(network)) + "\n")
            else:
                sys.stdout.write("\n".join(nx.generate_gexf(network)) + "\n")
            return
        write_network(network, output, chosen, title=heading, focus=seeds)
    except ShowgraphError as error:
        raise fail(str(error)) from error
    typer.echo(
        f"wrote {output} ({chosen}): {network.number_of_nodes()} entities, {network.number_of_edges()} claims",
        err=True,
    )


def _is_focus(network, node: str, focus: str) -> bool:
    attrs = network.nodes[node]
    names = [attrs.get("label", ""), *filter(None, str(attrs.get("alt_labels", "")).split("; "))]
    return node == focus or any(name.casefold() == focus.strip().casefold() for name in names)


def register(app: typer.Typer) -> None:
    app.command()(viz)
