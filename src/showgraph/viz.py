"""Pictures of the network: interactive HTML, PNG and SVG, GraphML and GEXF, DOT and Mermaid.

Every format shows the same two things the graph is about: what kind each entity is (node colour, by
:data:`showgraph.network.KIND_COLOURS`) and how sure the article was of each claim (edge style, by
:data:`showgraph.network.STATUS_STYLES`: dashed for alleged, rumored and speculative, dotted for
denied), with a legend. The HTML file is one self-contained page: Cytoscape.js (vendored in
``showgraph/static/``) and the data are inlined, and a Content-Security-Policy forbids it to load
anything, so it works offline and never calls a CDN.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", label="Song Hye-kyo", kind="Person", colour="#4e79a7")
>>> g.add_node("s", label="The Glory", kind="Show", colour="#f28e2b")
>>> g.add_edge("s", "p", key="c1", relation="cast_member", label="cast member", status="alleged", line="dashed",
...            colour="#d62728")
'c1'
>>> print(to_mermaid(g, legend=False), end="")
flowchart LR
    n0(["Song Hye-kyo"]):::person
    n1["The Glory"]:::show
    n1 -.->|"cast member (alleged)"| n0
    linkStyle 0 stroke:#d62728,stroke-width:1.5px,stroke-dasharray:6 4
    classDef person fill:#4e79a7,color:#fff,stroke:#333
    classDef show fill:#f28e2b,color:#fff,stroke:#333
"""

from __future__ import annotations

import html
import io
import json
import math
import os
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from showgraph.errors import PictureError
from showgraph.network import KIND_COLOURS, STATUS_STYLES, legend, to_cytoscape

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "FORMATS",
    "figure",
    "format_for",
    "importance",
    "static_text",
    "to_dot",
    "to_html",
    "to_mermaid",
    "to_png",
    "to_svg",
    "trim_network",
    "write_network",
]

#: Output formats and the file suffixes that imply them.
FORMATS: dict[str, tuple[str, ...]] = {
    "html": (".html", ".htm"),
    "png": (".png",),
    "svg": (".svg",),
    "graphml": (".graphml",),
    "gexf": (".gexf",),
    "dot": (".dot", ".gv"),
    "mermaid": (".mmd", ".mermaid"),
}

#: At most this many nodes are drawn in PNG/SVG (the most connected); a bigger picture is unreadable.
MAX_PICTURE_NODES = 250


def format_for(destination: str | os.PathLike[str], format: str | None = None) -> str:
    """The output format: ``format`` if given, else from the file suffix.

    >>> format_for("cast.graphml"), format_for("x.out", "dot")
    ('graphml', 'dot')
    """
    if format is not None:
        name = format.lower()
        if name not in FORMATS:
            raise PictureError(f"unknown picture format {format!r}; expected one of {', '.join(FORMATS)}")
        return name
    suffix = Path(destination).suffix.lower()
    for name, suffixes in FORMATS.items():
        if suffix in suffixes:
            return name
    raise PictureError(
        f"cannot tell the format from the file name {str(destination)!r}; give --format "
        f"({', '.join(FORMATS)}) or use a suffix such as .html, .png, .svg, .graphml"
    )


def write_network(
    graph: nx.MultiDiGraph,
    destination: str | os.PathLike[str],
    format: str | None = None,
    *,
    title: str = "showgraph",
    focus: list[str] | None = None,
) -> str:
    """Write ``graph`` to a file in ``format`` (default: from the suffix); returns the format used."""
    name = format_for(destination, format)
    path = Path(destination)
    try:
        if name == "html":
            path.write_text(to_html(graph, title=title, focus=focus), encoding="utf-8")
        elif name == "png":
            path.write_bytes(to_png(graph, title=title, focus=focus))
        elif name == "svg":
            path.write_text(to_svg(graph, title=title, focus=focus), encoding="utf-8")
        elif name == "graphml":
            nx.write_graphml(graph, path)
        elif name == "gexf":
            nx.write_gexf(_with_gexf_viz(graph), path)
        elif name == "dot":
            path.write_text(to_dot(graph, title=title), encoding="utf-8")
        else:
            path.write_text(to_mermaid(graph), encoding="utf-8")
    except OSError as error:
        raise PictureError(f"cannot write {path}: {error.strerror or error}") from error
    return name


def static_text(name: str) -> str:
    """A file vendored in ``showgraph/static/`` (``cytoscape.min.js``, ``showgraph-graph.js``, ...)."""
    return (resources.files("showgraph") / "static" / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# HTML

_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body class="sg-graph-page">
<header><h1>{title}</h1><span class="sg-summary">{summary}</span></header>
<div class="sg-graph-layout">
  <div class="sg-graph" id="sg-graph">
    <div class="sg-graph-controls"><button type="button" id="sg-fit">Fit</button>
      <input type="search" id="sg-search" placeholder="Find a name…" aria-label="Find a name" autocomplete="off">
      <span id="sg-search-note" class="sg-hint" role="status"></span></div>
  </div>
  <aside class="sg-side">
    <div class="sg-details" id="sg-details"></div>
    <div class="sg-filters" id="sg-filters"></div>
    <div class="sg-legend" id="sg-legend"></div>
  </aside>
</div>
<script>
/* Cytoscape.js, MIT licence: see cytoscape.LICENSE in showgraph/static */
{cytoscape}
</script>
<script>
{graph_js}
</script>
<script type="application/json" id="sg-data">{data}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById('sg-data').textContent);
  var details = document.getElementById('sg-details');
  var cy = ShowgraphGraph.draw(document.getElementById('sg-graph'), data, {{
    focus: data.focus,
    onSelect: function (d, kind) {{ ShowgraphGraph.renderDetails(details, d, kind); }}
  }});
  ShowgraphGraph.renderLegend(document.getElementById('sg-legend'), data.legend);
  ShowgraphGraph.renderDetails(details, null, null);
  ShowgraphGraph.renderFilters(document.getElementById('sg-filters'), cy);
  ShowgraphGraph.bindSearch(document.getElementById('sg-search'), document.getElementById('sg-search-note'), cy,
    function (node) {{ ShowgraphGraph.renderDetails(details, node.data(), 'node'); }});
  document.getElementById('sg-fit').addEventListener('click', function () {{ cy.fit(undefined, 30); }});
  window.showgraphCy = cy;
  document.body.setAttribute('data-drawn-nodes', String(cy.nodes().length));
  document.body.setAttribute('data-drawn-edges', String(cy.edges().length));
}})();
</script>
</body>
</html>
"""


def to_html(graph: nx.MultiDiGraph, *, title: str = "showgraph", focus: list[str] | None = None) -> str:
    """One offline HTML page: the graph drawn with Cytoscape.js, a legend, details on click, a box that
    finds a node by any of its names, and check boxes that show or hide each relation and status.

    ``focus`` (IRIs) get a heavy border. The data goes in a JSON script block with ``<`` escaped, so
    no label can close the block.
    """
    data = to_cytoscape(graph)
    data["focus"] = [node for node in focus or [] if node in graph]
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    summary = f"{graph.number_of_nodes()} entities, {graph.number_of_edges()} claims"
    return _HTML.format(
        csp=_CSP,
        title=html.escape(title),
        summary=html.escape(summary),
        css=static_text("showgraph-graph.css"),
        cytoscape=static_text("cytoscape.min.js"),
        graph_js=static_text("showgraph-graph.js"),
        data=payload,
    )


# --------------------------------------------------------------------------------------------------
# DOT (Graphviz)

_DOT_SHAPES = {"Show": "box", "Work": "box", "Platform": "diamond", "Organization": "diamond"}


def _dot_id(text: str) -> str:
    """A DOT double-quoted string.

    >>> print(_dot_id('say "hi"\\\\'))
    "say \\"hi\\"\\\\"
    """
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: nx.MultiDiGraph, *, title: str = "showgraph", legend_cluster: bool = True) -> str:
    """Graphviz DOT text: filled nodes coloured by class, edge style and colour by status, a legend."""
    lines = [
        f"digraph {_dot_id(title)} {{",
        "  graph [rankdir=LR, overlap=false, splines=true, fontname=Helvetica];",
        '  node [style=filled, fontname=Helvetica, fontsize=10, fontcolor="#ffffff", shape=ellipse];',
        "  edge [fontname=Helvetica, fontsize=9];",
    ]
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind", "Entity")
        colour = attrs.get("colour", KIND_COLOURS.get(kind, KIND_COLOURS["Entity"]))
        shape = _DOT_SHAPES.get(kind, "ellipse")
        tooltip = f"{kind}: {node}"
        lines.append(
            f"  {_dot_id(node)} [label={_dot_id(attrs.get('label', node))}, fillcolor={_dot_id(colour)}, "
            f"shape={shape}, tooltip={_dot_id(tooltip)}];"
        )
    for u, v, attrs in graph.edges(data=True):
        status = attrs.get("status", "confirmed")
        style = STATUS_STYLES.get(status, STATUS_STYLES["confirmed"])
        label = attrs.get("label", attrs.get("relation", ""))
        if status != "confirmed":
            label = f"{label} ({status})"
        lines.append(
            f"  {_dot_id(u)} -> {_dot_id(v)} [label={_dot_id(label)}, style={style.line}, "
            f"color={_dot_id(style.colour)}, fontcolor={_dot_id(style.colour)}];"
        )
    if legend_cluster:
        lines.extend(_dot_legend(graph))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_legend(graph: nx.MultiDiGraph) -> list[str]:
    found = legend(graph)
    out = ['  subgraph "cluster_legend" {', '    label="Legend"; fontsize=10; color="#bbbbbb";']
    for kind, colour in found["kinds"].items():
        out.append(
            f"    {_dot_id('legend:' + kind)} [label={_dot_id(kind)}, fillcolor={_dot_id(colour)}, "
            f"shape={_DOT_SHAPES.get(kind, 'ellipse')}];"
        )
    for status, style in found["statuses"].items():
        a, b = _dot_id(f"legend:{status}:a"), _dot_id(f"legend:{status}:b")
        out.append(f'    {a} [label="", shape=point, width=0.05]; {b} [label="", shape=point, width=0.05];')
        out.append(
            f"    {a} -> {b} [label={_dot_id(status)}, style={style['line']}, color={_dot_id(style['colour'])}, "
            "arrowhead=none];"
        )
    out.append("  }")
    return out


# --------------------------------------------------------------------------------------------------
# Mermaid


def _mermaid_text(text: str) -> str:
    """Mermaid label text inside double quotes: quotes and markup characters as entity codes."""
    return re.sub(r'["<>#|\[\]{}]', lambda m: f"#{ord(m.group())};", text).replace("\n", " ")


_MERMAID_SHAPES = {"Person": ('(["', '"])'), "Character": ('("', '")'), "Platform": ('{{"', '"}}')}


def to_mermaid(graph: nx.MultiDiGraph, *, legend: bool = True) -> str:
    """Mermaid flowchart text: nodes classed and coloured by kind, dashed links for uncertain claims.

    Mermaid has one non-solid link (``-.->``); dashed and dotted are told apart by ``linkStyle``
    dash patterns, and every non-confirmed label names its status.
    """
    ids = {node: f"n{index}" for index, node in enumerate(sorted(graph.nodes, key=str))}
    lines = ["flowchart LR"]
    kinds: dict[str, str] = {}
    for node in sorted(graph.nodes, key=str):
        attrs = graph.nodes[node]
        kind = attrs.get("kind", "Entity")
        kinds[kind] = attrs.get("colour", KIND_COLOURS.get(kind, KIND_COLOURS["Entity"]))
        left, right = _MERMAID_SHAPES.get(kind, ('["', '"]'))
        lines.append(f"    {ids[node]}{left}{_mermaid_text(str(attrs.get('label', node)))}{right}:::{kind.lower()}")
    styles = []
    for index, (u, v, attrs) in enumerate(graph.edges(data=True)):
        status = attrs.get("status", "confirmed")
        style = STATUS_STYLES.get(status, STATUS_STYLES["confirmed"])
        label = attrs.get("label", attrs.get("relation", ""))
        if status != "confirmed":
            label = f"{label} ({status})"
        arrow = "-->" if style.line == "solid" else "-.->"
        lines.append(f'    {ids[u]} {arrow}|"{_mermaid_text(label)}"| {ids[v]}')
        dash = {"dashed": ",stroke-dasharray:6 4", "dotted": ",stroke-dasharray:2 3"}.get(style.line, "")
        styles.append(f"    linkStyle {index} stroke:{style.colour},stroke-width:1.5px{dash}")
    lines.extend(styles)
    for kind, colour in kinds.items():
        lines.append(f"    classDef {kind.lower()} fill:{colour},color:#fff,stroke:#333")
    if legend and graph.number_of_edges():
        present = sorted({a.get("status", "confirmed") for *_, a in graph.edges(data=True)})
        lines.append(
            f"    %% edge styles: solid = stated; dashed = alleged, rumored, speculative; dotted = denied. "
            f"Statuses here: {', '.join(present)}"
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------
# PNG and SVG (matplotlib)

_MPL_LINES = {"solid": "solid", "dashed": (0, (5, 3)), "dotted": (0, (1, 2))}
_MPL_MARKERS = {"Show": "s", "Work": "s", "Platform": "D", "Organization": "D", "Character": "o", "Person": "o"}


def _picture_graph(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, str]:
    """At most MAX_PICTURE_NODES nodes (the most connected), and a note saying so if cut."""
    n = graph.number_of_nodes()
    if n <= MAX_PICTURE_NODES:
        return graph, ""
    keep = sorted(graph.nodes, key=lambda node: (-graph.degree(node), str(node)))[:MAX_PICTURE_NODES]
    return (
        graph.subgraph(keep).copy(),
        f"the {MAX_PICTURE_NODES} most connected of {n} entities; use --focus for a readable part",
    )


def importance(graph: nx.MultiDiGraph) -> list[Any]:
    """The nodes, most important first: most distinct neighbours, then most claims, then by label.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("b", "c"), ("a", "d")])
    >>> importance(g)
    ['a', 'b', 'c', 'd']
    """
    undirected = nx.Graph(graph)
    return sorted(
        graph.nodes,
        key=lambda n: (-undirected.degree(n), -graph.degree(n), str(graph.nodes[n].get("label", n)), str(n)),
    )


def trim_network(
    graph: nx.MultiDiGraph, *, top: int | None = None, isolated: bool = False, keep: list[Any] | None = None
) -> nx.MultiDiGraph:
    """The part of ``graph`` a picture should show: the ``top`` most important nodes (all if None),
    without nodes that have no claim to another shown node unless ``isolated``; ``keep`` nodes (the
    focus) always stay.

    A node whose neighbours were all cut gives way to the next most important node linked to what is
    shown, so ``top`` nodes are drawn when the graph has that many connected ones.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("b", "c"), ("d", "e")])
    >>> g.add_node("alone")
    >>> sorted(trim_network(g)), sorted(trim_network(g, isolated=True))
    (['a', 'b', 'c', 'd', 'e'], ['a', 'alone', 'b', 'c', 'd', 'e'])
    >>> sorted(trim_network(g, top=4))  # d's only neighbour, e, is not among the four: d gives way
    ['a', 'b', 'c']
    """
    kept = [node for node in keep or [] if node in graph]
    undirected = nx.Graph(graph)
    ranked = [n for n in importance(graph) if isolated or undirected.degree(n) > 0 or n in kept]
    if top is None:
        chosen = set(ranked) | set(kept)
    else:
        chosen = set(kept) | set(ranked[: max(0, top - len(kept))])
        if not isolated:
            for _ in range(len(ranked)):
                lonely = {n for n in chosen if n not in kept and not set(undirected[n]) & chosen}
                if not lonely:
                    break
                chosen -= lonely
                for n in ranked:
                    if len(chosen) >= top:
                        break
                    if n not in chosen and n not in lonely and set(undirected[n]) & chosen:
                        chosen.add(n)
    if not isolated:
        chosen = {n for n in chosen if n in kept or set(undirected[n]) & chosen}
    return graph.subgraph(n for n in graph.nodes if n in chosen).copy()


def _layout(graph: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Spring layout per connected component, components packed in rows, biggest first.

    A single spring layout pushes separate components to the edges and crushes each into a clump;
    laid out one by one, each gets room in proportion to its size. Nodes and edges are taken in a
    fixed order, not the order the store returned them in, so the same graph gets the same layout
    in PNG and in SVG, today and tomorrow.
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(graph.nodes, key=str))
    pairs = {tuple(sorted((u, v), key=str)) for u, v in graph.edges() if u != v}
    undirected.add_edges_from(sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1]))))
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), sorted(map(str, c))))
    placed: list[tuple[dict[Any, Any], float]] = []
    for component in components:
        size = len(component)
        scale = math.sqrt(size)
        if size == 1:
            local = {next(iter(component)): (0.0, 0.0)}
        else:
            sub = undirected.subgraph(component)
            local = nx.spring_layout(sub, seed=7, k=1.5 / math.sqrt(size), iterations=200, scale=scale)
        placed.append((local, scale))
    row_limit = max(2.0 * placed[0][1], math.sqrt(sum((2 * sc + 1) ** 2 for _, sc in placed)) * 1.2)
    positions: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, scale in placed:
        width = 2 * scale + 1.0
        if x > 0 and x + width > row_limit:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in local.items():
            positions[node] = (x + scale + 0.5 + float(px), y - scale - 0.5 + float(py))
        x += width
        row_height = max(row_height, width)
    return positions


def figure(graph: nx.MultiDiGraph, *, title: str = "showgraph", focus: list[str] | None = None) -> Figure:
    """A matplotlib Figure of the network with readable labels and a legend (no pyplot state used)."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    drawn, note = _picture_graph(graph)
    n = drawn.number_of_nodes()
    side = max(7.0, min(26.0, 2.4 * math.sqrt(max(n, 1))))
    fig = Figure(figsize=(side + 3.0, side), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title + (f"\n({note})" if note else ""), fontsize=12)
    if n == 0:
        ax.text(0.5, 0.5, "nothing to draw: no entities match", ha="center", va="center", fontsize=12)
        return fig
    positions = _layout(drawn)

    # edges first, grouped by status so each group gets its line style
    label_at: dict[tuple[str, str], list[str]] = defaultdict(list)
    for u, v, attrs in drawn.edges(data=True):
        status = attrs.get("status", "confirmed")
        style = STATUS_STYLES.get(status, STATUS_STYLES["confirmed"])
        (x1, y1), (x2, y2) = positions[u], positions[v]
        ax.annotate(
            "",
            xy=(x2, y2),
            xytext=(x1, y1),
            arrowprops={
                "arrowstyle": "-|>",
                "color": style.colour,
                "linestyle": _MPL_LINES[style.line],
                "linewidth": 1.4,
                "shrinkA": 9,
                "shrinkB": 9,
                "connectionstyle": "arc3,rad=0.06",
                "mutation_scale": 11,
            },
            zorder=1,
        )
        text = attrs.get("label", attrs.get("relation", ""))
        label_at[tuple(sorted((u, v)))].append(text if status == "confirmed" else f"{text} ({status})")

    degree = dict(drawn.degree())
    by_kind: dict[str, list[str]] = defaultdict(list)
    for node, attrs in drawn.nodes(data=True):
        by_kind[attrs.get("kind", "Entity")].append(node)
    for kind, nodes in by_kind.items():
        ax.scatter(
            [positions[node][0] for node in nodes],
            [positions[node][1] for node in nodes],
            s=[90 + 25 * min(degree[node], 12) for node in nodes],
            c=KIND_COLOURS.get(kind, KIND_COLOURS["Entity"]),
            marker=_MPL_MARKERS.get(kind, "o"),
            edgecolors="#333333",
            linewidths=0.8,
            zorder=3,
        )
    seeds = [node for node in focus or [] if node in drawn]
    if seeds:
        ax.scatter(
            [positions[node][0] for node in seeds],
            [positions[node][1] for node in seeds],
            s=[90 + 25 * min(degree[node], 12) for node in seeds],
            facecolors="none",
            edgecolors="#111111",
            linewidths=2.5,
            zorder=3.5,
        )
    present = legend(drawn)
    handles = [
        Line2D(
            [],
            [],
            marker=_MPL_MARKERS.get(kind, "o"),
            linestyle="none",
            markerfacecolor=colour,
            markeredgecolor="#333333",
            markersize=9,
            label=kind,
        )
        for kind, colour in present["kinds"].items()
    ]
    handles += [
        Line2D([], [], color=style["colour"], linestyle=_MPL_LINES[style["line"]], linewidth=1.8, label=status)
        for status, style in present["statuses"].items()
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        fontsize=9,
        title="entities / claim status",
        title_fontsize=9,
    )
    ax.margins(0.08)
    labelled = importance(drawn)[:200]
    edge_texts = label_at if drawn.number_of_edges() <= 80 else {}
    _place_labels(fig, ax, drawn, positions, labelled, edge_texts, fontsize=8 if n <= 60 else 6.5)
    return fig


#: Where a node's label may go, in points from the node, tried in this order: below, above, right, left.
_LABEL_SPOTS = (
    (0, -9, "center", "top"),
    (0, 9, "center", "bottom"),
    (9, 0, "left", "center"),
    (-9, 0, "right", "center"),
)


def _place_labels(
    fig: Figure,
    ax: Any,
    graph: nx.MultiDiGraph,
    positions: dict[Any, tuple[float, float]],
    labelled: list[Any],
    edge_texts: dict[tuple[str, str], list[str]],
    *,
    fontsize: float,
) -> None:
    """Write node labels (most important first) and edge labels where they overlap nothing drawn.

    The layout is settled first and then frozen, so the places measured are the places drawn, in
    PNG and in SVG alike. A node label tries below, above, right and left of its node and, if every
    spot is taken, goes where it overlaps least: every labelled node keeps its name. An edge label
    tries the middle of its edge, then a third and two thirds along; if all are taken it is left out
    (the edge keeps its colour and style).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    renderer = canvas.get_renderer()
    to_pixels = ax.transData.transform
    points = fig.dpi / 72.0
    taken: list[Bbox] = []
    for node in graph.nodes:  # the markers themselves
        x, y = to_pixels(positions[node])
        half = 0.5 * math.sqrt(90 + 25 * min(graph.degree(node), 12)) * points
        taken.append(Bbox([[x - half, y - half], [x + half, y + half]]))

    def overlap(box: Bbox, skip: Bbox | None = None) -> float:
        total = 0.0
        for other in taken:
            if other is skip:
                continue
            w = min(box.x1, other.x1) - max(box.x0, other.x0)
            h = min(box.y1, other.y1) - max(box.y0, other.y0)
            if w > 0 and h > 0:
                total += w * h
        return total

    node_boxes = dict(zip(graph.nodes, taken, strict=True))
    label_box = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.7}
    for node in labelled:
        best: tuple[float, Any, Bbox] | None = None
        for dx, dy, ha, va in _LABEL_SPOTS:
            text = ax.annotate(
                str(graph.nodes[node].get("label", node)),
                positions[node],
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=fontsize,
                ha=ha,
                va=va,
                zorder=4,
                bbox=label_box,
            )
            box = text.get_window_extent(renderer)
            cost = overlap(box, skip=node_boxes[node])
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, text, box)
            else:
                text.remove()
            if cost == 0:
                break
        assert best is not None
        taken.append(best[2])

    edge_box = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
    for (u, v), texts in edge_texts.items():
        (x1, y1), (x2, y2) = positions[u], positions[v]
        for share in (0.5, 1 / 3, 2 / 3):
            text = ax.text(
                x1 + share * (x2 - x1),
                y1 + share * (y2 - y1),
                ", ".join(dict.fromkeys(texts)),
                fontsize=7,
                color="#333333",
                ha="center",
                va="center",
                zorder=2,
                bbox=edge_box,
            )
            box = text.get_window_extent(renderer)
            if overlap(box) == 0:
                taken.append(box)
                break
            text.remove()


def to_png(graph: nx.MultiDiGraph, *, title: str = "showgraph", focus: list[str] | None = None) -> bytes:
    """The matplotlib picture as PNG bytes (``focus`` nodes ringed)."""
    out = io.BytesIO()
    figure(graph, title=title, focus=focus).savefig(out, format="png", bbox_inches="tight")
    return out.getvalue()


def to_svg(graph: nx.MultiDiGraph, *, title: str = "showgraph", focus: list[str] | None = None) -> str:
    """The matplotlib picture as SVG text (text kept as text, so labels stay searchable)."""
    from matplotlib import rc_context

    out = io.StringIO()
    with rc_context({"svg.fonttype": "none"}):
        figure(graph, title=title, focus=focus).savefig(out, format="svg", bbox_inches="tight")
    return out.getvalue()


# --------------------------------------------------------------------------------------------------
# GEXF: colours as viz attributes (GraphML keeps them as the plain ``colour`` attribute)


def _with_gexf_viz(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    copy = graph.copy()
    for _, attrs in copy.nodes(data=True):
        colour = str(attrs.get("colour", KIND_COLOURS["Entity"])).lstrip("#")
        if re.fullmatch(r"[0-9a-fA-F]{6}", colour):
            attrs["viz"] = {
                "color": {"r": int(colour[0:2], 16), "g": int(colour[2:4], 16), "b": int(colour[4:6], 16), "a": 1.0}
            }
    return copy
