"""Pictures: every format is written, reads back in its tool's parser, and the HTML loads nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from showgraph.errors import ShowgraphError
from showgraph.viz import FORMATS, format_for, to_dot, to_html, to_mermaid, write_network

SUFFIX = {"mermaid": "mmd"}


@pytest.fixture
def network(tiny_graph) -> nx.MultiDiGraph:
    return tiny_graph.network()


def test_every_format_is_written(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    for name in FORMATS:
        target = tmp_path / f"graph.{SUFFIX.get(name, name)}"
        assert write_network(network, target) == name
        assert target.stat().st_size > 100, name


def test_graphml_and_gexf_read_back_with_the_same_counts(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_network(network, tmp_path / "g.graphml")
    write_network(network, tmp_path / "g.gexf")
    for back in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert back.number_of_nodes() == network.number_of_nodes()
        assert back.number_of_edges() == network.number_of_edges()
        glory = back.nodes["https://w3id.org/showgraph/id/show/glory"]
        assert glory["label"] == "The Glory" and glory["kind"] == "Show"
    graphml = nx.read_graphml(tmp_path / "g.graphml")
    assert sorted(a["status"] for *_, a in graphml.edges(data=True)) == sorted(
        a["status"] for *_, a in network.edges(data=True)
    )


def test_parallel_edges_survive_graphml(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", kind="Person")
    graph.add_node("b", label="B", kind="Show")
    graph.add_edge("b", "a", key="c1", relation="cast_member", label="cast member", status="confirmed")
    graph.add_edge("b", "a", key="c2", relation="cast_member", label="cast member", status="denied")
    write_network(graph, tmp_path / "p.graphml")
    assert nx.read_graphml(tmp_path / "p.graphml").number_of_edges() == 2


_LOADS = re.compile(
    r"""<(?:script|img|iframe|link|source|audio|video|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import|<base\b""",
    re.IGNORECASE,
)


def test_html_is_self_contained_and_loads_nothing(network: nx.MultiDiGraph) -> None:
    page = to_html(network, title="Tiny")
    assert not _LOADS.search(page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "cytoscape" in page and "ShowgraphGraph" in page
    data = json.loads(re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["nodes"]) == network.number_of_nodes()
    assert len(data["edges"]) == network.number_of_edges()


def test_html_data_cannot_break_out_of_its_script(network: nx.MultiDiGraph) -> None:
    network.add_node("x", label="</script><script>alert(1)</script>", kind="Person")
    page = to_html(network)
    assert "</script><script>alert(1)" not in page
    block = re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', page, re.S).group(1)
    labels = {n["data"]["label"] for n in json.loads(block)["nodes"]}
    assert "</script><script>alert(1)</script>" in labels


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (installed by .ci/run)")
def test_html_renders_in_chromium_without_network(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    write_network(network, page)
    result = subprocess.run(
        [
            "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--virtual-time-budget=5000", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    match = re.search(r'data-drawn-nodes="(\d+)" data-drawn-edges="(\d+)"', result.stdout)
    assert match, result.stderr[-2000:]
    assert (int(match[1]), int(match[2])) == (network.number_of_nodes(), network.number_of_edges())


def test_png_and_svg_have_labels_and_a_legend(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_network(network, tmp_path / "g.png")
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    write_network(network, tmp_path / "g.svg", title="Tiny")
    svg = (tmp_path / "g.svg").read_text()
    ET.fromstring(svg)  # well-formed XML
    for text in ("The Glory", "Song Hye-kyo", "Person", "Character", "rumored", "denied", "cast member (denied)"):
        assert text in svg, text


def test_an_empty_picture_says_so(tmp_path: Path) -> None:
    write_network(nx.MultiDiGraph(), tmp_path / "empty.svg")
    assert "nothing to draw" in (tmp_path / "empty.svg").read_text()


def test_dot_styles_edges_by_status_and_escapes_labels(network: nx.MultiDiGraph) -> None:
    network.add_node("q", label='Say "hi"', kind="Person")
    dot = to_dot(network, legend_cluster=False)
    assert dot.startswith('digraph "showgraph" {') and dot.rstrip().endswith("}")
    edges = [line for line in dot.splitlines() if " -> " in line]
    assert len(edges) == network.number_of_edges()
    assert sum("style=dotted" in line for line in edges) == 1  # the denied claim
    assert sum("style=dashed" in line for line in edges) == 2  # the rumored plays + in_show
    assert 'label="Say \\"hi\\""' in dot
    assert dot.count("{") == dot.count("}")
    assert "cluster_legend" in to_dot(network)


def test_mermaid_has_one_link_per_claim(network: nx.MultiDiGraph) -> None:
    text = to_mermaid(network)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    links = [line for line in lines if "-->|" in line or "-.->|" in line]
    assert len(links) == network.number_of_edges()
    assert sum("-.->" in line for line in links) == 3  # rumored x2, denied
    assert sum(line.strip().startswith("linkStyle") for line in lines) == network.number_of_edges()
    assert "classDef person fill:#4e79a7" in text


def test_format_from_suffix_or_refused() -> None:
    assert format_for("a.gv") == "dot"
    assert format_for("a.HTML") == "html"
    with pytest.raises(ShowgraphError, match="cannot tell the format"):
        format_for("a.txt")
    with pytest.raises(ShowgraphError, match="unknown picture format"):
        format_for("a.txt", "pdf")


def test_draw_keeps_the_top_entities_and_drops_lone_ones(tiny_graph, tmp_path: Path) -> None:
    drawn = tiny_graph.draw(tmp_path / "top.graphml", top=3)
    assert drawn.number_of_nodes() == 3 and not list(nx.isolates(drawn))
    lone = tiny_graph.draw(tmp_path / "lone.graphml", relations=["genre", "released_on"])
    assert lone.number_of_nodes() == 0
    kept = tiny_graph.draw(tmp_path / "kept.graphml", relations=["released_on"], isolated=True)
    assert kept.number_of_nodes() == 2


def test_labels_do_not_collide_and_every_node_keeps_its_name() -> None:
    """A crowded picture (30 entities, 70 labelled claims): no two labels overlap, no node loses its name."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from showgraph.viz import figure

    crowded = nx.gnm_random_graph(30, 70, seed=3)
    graph = nx.MultiDiGraph()
    for n in crowded.nodes:
        graph.add_node(f"n{n}", label=f"Entity number {n} long name", kind="Person" if n % 2 else "Show")
    for i, (u, v) in enumerate(crowded.edges):
        graph.add_edge(f"n{u}", f"n{v}", key=f"c{i}", relation="cast_member", label="cast member", status="confirmed")
    fig = figure(graph)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    texts = [t for t in fig.axes[0].texts if t.get_text()]
    assert {attrs["label"] for _, attrs in graph.nodes(data=True)} <= {t.get_text() for t in texts}
    assert sum(t.get_text() == "cast member" for t in texts) > 30  # most claims keep their label
    boxes = [t.get_window_extent(renderer) for t in texts]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]
