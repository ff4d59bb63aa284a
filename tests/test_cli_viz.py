"""`showgraph viz`, `path`, `stats --network` and `query --name/--param`, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from conftest import build_tiny_graph
from showgraph.cli import app
from showgraph.core import ShowGraph


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = tmp_path_factory.mktemp("cli-viz") / "store"
    with ShowGraph(location) as graph:
        build_tiny_graph(graph.store)
    return str(location)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_query_by_name_with_a_parameter(runner: CliRunner, store: str) -> None:
    result = runner.invoke(
        app, ["query", "--name", "cast", "--param", "show=The Glory", "--format", "csv", "--store", store]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["personLabel"], r["characterLabel"]) for r in rows} == {
        ("Song Hye-kyo", "Moon Dong-eun"),
        ("Lee Do-hyun", "Joo Yeo-jeong"),
        ("Jung Ji-so", "Ye-sol"),
    }


def test_query_by_name_json_and_optional_parameters(runner: CliRunner, store: str) -> None:
    result = runner.invoke(
        app, ["query", "-n", "platforms", "-p", "platform=tvN", "--format", "json", "--store", store]
    )
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert [b["showLabel"]["value"] for b in bindings] == ["Hotel del Luna"]


def test_a_malformed_param_is_a_usage_error_showing_the_form(runner: CliRunner, store: str) -> None:
    result = runner.invoke(app, ["query", "--name", "cast", "--param", "The Glory", "--store", store])
    assert result.exit_code == 2
    assert "KEY=VALUE" in result.output and "The Glory" in result.output


def test_wrong_parameters_and_names_are_named(runner: CliRunner, store: str) -> None:
    extra = runner.invoke(app, ["query", "--name", "cast", "--param", "season=2", "--store", store])
    assert extra.exit_code == 1
    assert "SG303" in extra.output and "show (string, required)" in extra.output
    unknown = runner.invoke(app, ["query", "--name", "castt", "--store", store])
    assert unknown.exit_code == 1 and "cast, credits" in unknown.output
    both = runner.invoke(app, ["query", "SELECT * {}", "--name", "cast", "--store", store])
    assert both.exit_code == 2
    orphan = runner.invoke(app, ["query", "SELECT * {}", "--param", "a=b", "--store", store])
    assert orphan.exit_code == 2 and "--param goes with --name" in orphan.output


def test_query_list_names_every_query_and_its_parameters(runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    for name in ("cast", "credits", "timeline", "allegations", "platforms", "entity-facts", "search"):
        assert name in result.stdout
    assert "show (string, required)" in result.stdout


def test_path_prints_the_hops_through_the_shared_show(runner: CliRunner, store: str) -> None:
    result = runner.invoke(app, ["path", "Song Hye-kyo", "iu", "--store", store])
    assert result.exit_code == 0, result.output
    assert "Song Hye-kyo -> IU: 4 hops" in result.stdout
    assert "Lee Do-hyun is in the cast of Hotel del Luna (as Go Chung-myung)" in result.stdout
    steps = json.loads(runner.invoke(app, ["path", "Song Hye-kyo", "IU", "--json", "--store", store]).stdout)
    assert [s["target_label"] for s in steps] == ["The Glory", "Lee Do-hyun", "Hotel del Luna", "IU"]


def test_path_not_connected_or_unknown_exits_1(runner: CliRunner, store: str) -> None:
    apart = runner.invoke(app, ["path", "IU", "Ahn Gil-ho", "--status", "alleged", "--store", store])
    assert apart.exit_code == 1 and "not connected" in apart.output
    unknown = runner.invoke(app, ["path", "IU", "Nobody At All", "--store", store])
    assert unknown.exit_code == 1 and "SG304" in unknown.output


def test_stats_network(runner: CliRunner, store: str) -> None:
    result = runner.invoke(app, ["stats", "--network", "--json", "--store", store])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["central_people"][0]["label"] == "Lee Do-hyun"
    assert figures["shared_cast"][0]["people"] == ["Lee Do-hyun"]
    table = runner.invoke(app, ["stats", "--network", "--top", "1", "--store", store])
    assert "most central shows" in table.stdout and "The Glory" in table.stdout
    assert "Hotel del Luna " not in table.stdout.split("most central shows")[1].split("shows sharing")[0]


@pytest.mark.parametrize("fmt", ["html", "png", "svg", "graphml", "gexf", "dot", "mermaid"])
def test_viz_writes_every_format(runner: CliRunner, store: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["viz", "--format", fmt, "-o", str(target), "--store", store])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 100
    assert "14 entities, 17 claims" in result.output


def test_viz_focus_and_filters_reach_the_file(runner: CliRunner, store: str, tmp_path: Path) -> None:
    target = tmp_path / "focus.graphml"
    args = ["viz", "--focus", "hotel del luna", "--depth", "1", "--status", "confirmed", "-o", str(target)]
    result = runner.invoke(app, [*args, "--store", store])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(target)
    labels = {attrs["label"] for _, attrs in graph.nodes(data=True)}
    assert labels == {"Hotel del Luna", "Lee Do-hyun", "IU", "Go Chung-myung"}
    assert {attrs["status"] for *_, attrs in graph.edges(data=True)} == {"confirmed"}


def test_viz_text_formats_go_to_stdout(runner: CliRunner, store: str) -> None:
    dot = runner.invoke(app, ["viz", "-f", "dot", "--relation", "plays", "--store", store])
    assert dot.exit_code == 0, dot.output
    assert dot.stdout.startswith("digraph") and "Moon Dong-eun" in dot.stdout
    mermaid = runner.invoke(app, ["viz", "-f", "mermaid", "--show", "The Glory", "--store", store])
    assert mermaid.stdout.startswith("flowchart LR")
    png = runner.invoke(app, ["viz", "-f", "png", "--store", store])
    assert png.exit_code == 2 and "-o FILE" in png.output


def test_viz_bad_input_is_named(runner: CliRunner, store: str, tmp_path: Path) -> None:
    focus = runner.invoke(app, ["viz", "--focus", "Nobody", "-o", str(tmp_path / "x.svg"), "--store", store])
    assert focus.exit_code == 1 and "SG304" in focus.output
    relation = runner.invoke(app, ["viz", "--relation", "knows", "-f", "dot", "--store", store])
    assert relation.exit_code == 1 and "unknown relation knows" in relation.output
    suffix = runner.invoke(app, ["viz", "-o", str(tmp_path / "x.txt"), "--store", store])
    assert suffix.exit_code == 1 and "cannot tell the format" in suffix.output


def test_stats_prints_the_relation_names_viz_accepts(runner: CliRunner, store: str) -> None:
    counts = json.loads(runner.invoke(app, ["stats", "--json", "--store", store]).stdout)
    assert "cast_member" in counts["relations"] and "castMember" not in counts["relations"]
    table = runner.invoke(app, ["stats", "--store", store]).stdout
    assert "cast_member" in table and "castMember" not in table
    for name in counts["relations"]:
        shown = runner.invoke(app, ["viz", "--relation", name, "-f", "dot", "--store", store])
        assert shown.exit_code == 0, (name, shown.output)


@pytest.mark.parametrize("alias", ["castMember", "sg:castMember", "https://w3id.org/showgraph/ontology#castMember"])
def test_viz_takes_the_rdf_local_name_as_an_alias(runner: CliRunner, store: str, alias: str) -> None:
    by_name = runner.invoke(app, ["viz", "--relation", "cast_member", "-f", "dot", "--store", store])
    by_alias = runner.invoke(
        app, ["viz", "--relation", alias, "--status", "sg:confirmed", "-f", "dot", "--store", store]
    )
    assert by_alias.exit_code == 0, by_alias.output
    assert (
        by_alias.stdout
        == runner.invoke(
            app, ["viz", "--relation", "cast_member", "--status", "confirmed", "-f", "dot", "--store", store]
        ).stdout
    )
    assert "cast member" in by_name.stdout or "cast_member" in by_name.stdout


def test_query_f_is_format(runner: CliRunner, store: str) -> None:
    result = runner.invoke(app, ["query", "-n", "platforms", "-p", "platform=tvN", "-f", "csv", "--store", store])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("platformIri,")


@pytest.mark.parametrize(
    "command", [["export"], ["export", "-f", "nq"], ["query", "-f", "csv", "SELECT * { ?s ?p ?o }"], ["stats"]]
)
def test_a_closed_pipe_ends_a_command_quietly(store: str, command: list[str]) -> None:
    """`showgraph export | head`: the reader stopped early; no SG301 error and no traceback."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen(
        [sys.executable, "-c", "from showgraph.cli import main; main()", *command, "--store", store],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `head` having read its lines
    errors = process.stderr.read().decode()
    process.wait(timeout=60)
    assert errors == ""
    assert process.returncode in (0, 1)


def test_own_sparql_may_use_the_common_prefixes_undeclared(runner: CliRunner, store: str) -> None:
    sparql = "SELECT DISTINCT ?name WHERE { ?p a sg:Person ; rdfs:label ?name . FILTER(?name = 'IU') }"
    result = runner.invoke(app, ["query", sparql, "-f", "csv", "--store", store])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["name", "IU"]
    for prefix in ("oa", "prov", "skos", "schema", "xsd", "rdf", "dcterms", "sgid", "sgart", "person", "show"):
        asked = runner.invoke(app, ["query", f"ASK {{ ?s ?p {prefix}:x }}", "--store", store])
        assert asked.exit_code == 0, (prefix, asked.output)
    own = "PREFIX sg: <http://example.org/other#> ASK { ?p a sg:Person }"
    assert runner.invoke(app, ["query", own, "--store", store]).stdout.strip() == "false"


@pytest.mark.parametrize(
    "sparql,where,words",
    [
        ("SELEC ?x WHERE { ?x ?p ?o }", "line 1, column 1, at 'SELEC'", "expected SELECT, CONSTRUCT, DESCRIBE or ASK"),
        ("SELECT * WHERE { ?s ?p ?o }\nORDER ?s", "line 2, column 1, at 'ORDER'", "expected BY"),
        ("SELECT * WHERE {\n  ?s ?p ?o\n  FILTR(?s)\n}", "line 3, column 3, at 'FILTR'", "expected"),
        ("SELECT ?x WHERE { ?x nope:p ?y }", "line 1, column 22", "the prefix nope: is not declared"),
    ],
)
def test_a_parse_error_says_line_column_and_what_was_expected(
    runner: CliRunner, store: str, sparql: str, where: str, words: str
) -> None:
    result = runner.invoke(app, ["query", sparql, "--store", store])
    assert result.exit_code == 1
    assert "SG302" in result.output and where in result.output and words in result.output
    assert "'\\u{" not in result.output  # no character classes from the grammar


CAST_QUERY = (
    "SELECT ?show ?relation ?person ?status WHERE { ?c a sg:Claim ; sg:relation ?relation ; sg:subject ?show ; "
    "sg:object ?person ; sg:status ?status . FILTER(?relation = sg:castMember) } ORDER BY ?person"
)


def test_table_shows_names_not_iris_unless_asked(runner: CliRunner, store: str) -> None:
    table = runner.invoke(app, ["query", CAST_QUERY, "--store", store])
    assert table.exit_code == 0, table.output
    assert "https://" not in table.stdout and "…" not in table.stdout
    assert any(
        line.split() == ["The", "Glory", "cast_member", "Song", "Hye-kyo", "confirmed"]
        for line in table.stdout.splitlines()
    )
    assert table.stdout.rstrip().endswith("rows")
    with_iris = runner.invoke(app, ["query", CAST_QUERY, "--iris", "--store", store])
    assert "https://w3id.org/showgraph/id/show/glory" in with_iris.stdout
    assert "https://w3id.org/showgraph/ontology#castMember" in with_iris.stdout


def test_a_piped_table_keeps_long_values_whole(runner: CliRunner, store: str) -> None:
    long = "A very long programme title that goes well past eighty columns of terminal width, on and on"
    sparql = f'SELECT ?iri ?title WHERE {{ ?iri a sg:Show . BIND("{long}" AS ?title) }}'
    result = runner.invoke(app, ["query", sparql, "--iris", "--store", store])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if long in line]
    assert rows and all(line.startswith("https://w3id.org/showgraph/id/show/") for line in rows)


def test_viz_top_keeps_the_most_connected_each_labelled(runner: CliRunner, store: str, tmp_path: Path) -> None:
    target = tmp_path / "top.graphml"
    result = runner.invoke(app, ["viz", "--top", "4", "-o", str(target), "--store", store])
    assert result.exit_code == 0, result.output
    kept = {attrs["label"] for _, attrs in nx.read_graphml(target).nodes(data=True)}
    assert len(kept) == 4 and {"Lee Do-hyun", "The Glory", "Hotel del Luna", "Song Hye-kyo"} == kept
    svg = tmp_path / "top.svg"
    assert runner.invoke(app, ["viz", "--top", "4", "-o", str(svg), "--store", store]).exit_code == 0
    text = svg.read_text(encoding="utf-8")
    assert all(f">{label}<" in text for label in kept)
    assert "Moon Dong-eun" not in text
    bad = runner.invoke(app, ["viz", "--top", "0", "-f", "dot", "--store", store])
    assert bad.exit_code == 2 and "--top" in bad.output


def test_viz_leaves_out_isolated_entities_unless_asked(runner: CliRunner, store: str) -> None:
    """released_on is a value, not an entity: the shows it is about have no edge to draw."""
    alone = runner.invoke(app, ["viz", "--relation", "released_on", "-f", "graphml", "--store", store])
    assert alone.exit_code == 0, alone.output
    assert nx.parse_graphml(alone.stdout).number_of_nodes() == 0
    asked = runner.invoke(app, ["viz", "--relation", "released_on", "--isolated", "-f", "graphml", "--store", store])
    labels = {a["label"] for _, a in nx.parse_graphml(asked.stdout).nodes(data=True)}
    assert labels == {"The Glory", "Hotel del Luna"}
    focus = runner.invoke(app, ["viz", "--focus", "IU", "--depth", "0", "-f", "graphml", "--store", store])
    assert [a["label"] for _, a in nx.parse_graphml(focus.stdout).nodes(data=True)] == ["IU"]


def test_the_same_graph_gets_the_same_layout_whatever_order_it_came_in(store: str) -> None:
    from showgraph.viz import _layout, figure

    with ShowGraph(store) as graph:
        network = graph.network()
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(network.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(network.edges(keys=True, data=True))))
    assert _layout(network) == _layout(shuffled)

    def label_places(g: nx.MultiDiGraph) -> list[tuple[str, float, float]]:
        axes = figure(g).axes[0]
        return sorted((t.get_text(), round(x, 9), round(y, 9)) for t in axes.texts for x, y in [t.get_position()])

    assert label_places(network) == label_places(shuffled)
