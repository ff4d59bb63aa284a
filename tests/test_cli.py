"""The command line as a user meets it: options documented, bad input named, the store kept whole."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import rdflib
from typer.main import get_command
from typer.testing import CliRunner

from showgraph.cli import app
from showgraph.core import ShowGraph

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

ARTICLE = """Title: Quiet Harbour renewed
Source: Example Times
Author: Jo Writer
Published: 2024-05-02

Netflix has renewed the drama Quiet Harbour for a second season. Maya Stone stars as Edie Vale in the series.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"Title: x\n\n\xff\xfe not utf-8")
    (folder / "headless.txt").write_text("no header here\n\njust text\n", encoding="utf-8")
    return folder


def every_command() -> list[tuple[str, object]]:
    return sorted(get_command(app).commands.items())


@pytest.mark.parametrize("name,command", every_command())
def test_every_command_and_option_is_documented_in_the_readme(name: str, command) -> None:
    assert f"### `showgraph {name}" in README, f"README has no section for `showgraph {name}`"
    section = README.split(f"### `showgraph {name}", 1)[1].split("\n### ", 1)[0]
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            documented = [opt for opt in param.opts + param.secondary_opts if f"`{opt}" in section]
            assert documented, f"`showgraph {name}` option {param.opts} is not documented in its README section"


def test_load_reports_bad_files_by_name_and_keeps_going(runner: CliRunner, articles: Path, tmp_path: Path, nlp) -> None:
    store = tmp_path / "store"
    result = runner.invoke(app, ["load", str(articles), "--store", str(store), "--quiet"])
    assert result.exit_code == 1, result.output  # some inputs failed: a script must be able to tell
    assert "broken.txt" in result.output and "UTF-8" in result.output
    assert "headless.txt" in result.output
    assert re.search(r"^1 articles loaded", result.stdout, re.M)
    assert re.search(r"2 failed", result.stdout)
    assert "2 of 3 inputs failed (listed above); the other 1 were stored" in result.stderr

    stats = json.loads(runner.invoke(app, ["stats", "--store", str(store), "--json"]).stdout)
    assert stats["articles"] == 1 and stats["claims"] > 0


def test_reload_keeps_counts_and_a_failed_reload_keeps_the_store(
    runner: CliRunner, articles: Path, tmp_path: Path, nlp
) -> None:
    store = tmp_path / "store"
    good = articles / "good.txt"
    runner.invoke(app, ["load", str(good), "--store", str(store), "-q"])
    first = runner.invoke(app, ["export", "--format", "nq", "--store", str(store)]).stdout_bytes
    runner.invoke(app, ["load", str(good), "--store", str(store), "-q"])
    failed = runner.invoke(app, ["load", str(articles / "missing.txt"), "--store", str(store), "-q"])
    assert failed.exit_code == 1
    assert "missing.txt" in failed.output
    again = runner.invoke(app, ["export", "--format", "nq", "--store", str(store)]).stdout_bytes
    assert sorted(first.splitlines()) == sorted(again.splitlines())


def test_store_comes_from_the_environment(runner: CliRunner, articles: Path, tmp_path: Path, nlp) -> None:
    store = tmp_path / "env-store"
    result = runner.invoke(app, ["load", str(articles / "good.txt"), "-q"], env={"SHOWGRAPH_STORE": str(store)})
    assert result.exit_code == 0, result.output
    assert store.is_dir()


def test_query_formats(runner: CliRunner, articles: Path, tmp_path: Path, nlp) -> None:
    store = str(tmp_path / "store")
    runner.invoke(app, ["load", str(articles / "good.txt"), "--store", store, "-q"])
    sparql = "PREFIX sg: <https://w3id.org/showgraph/ontology#> SELECT ?c ?r WHERE { ?c sg:relation ?r }"
    as_json = json.loads(runner.invoke(app, ["query", sparql, "--format", "json", "--store", store]).stdout)
    assert as_json["head"]["vars"] == ["c", "r"]
    assert as_json["results"]["bindings"]
    as_csv = list(
        csv.reader(io.StringIO(runner.invoke(app, ["query", sparql, "--format", "csv", "--store", store]).stdout))
    )
    assert as_csv[0] == ["c", "r"] and len(as_csv) == len(as_json["results"]["bindings"]) + 1
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert runner.invoke(app, ["query", "--file", str(rq), "--store", store]).stdout.strip() == "true"


def test_bad_options_say_what_is_expected(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    result = runner.invoke(app, ["query", "ASK {}", "--format", "xml", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "table" in result.output and "json" in result.output
    result = runner.invoke(app, ["query", "SELEC nonsense", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "SG302" in result.output
    result = runner.invoke(app, ["stats", "--endpoint", "ftp://example.invalid/"])
    assert result.exit_code == 2 and "http" in result.output


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_export_parses_back(runner: CliRunner, articles: Path, tmp_path: Path, fmt: str, parser: str, nlp) -> None:
    store = str(tmp_path / "store")
    runner.invoke(app, ["load", str(articles / "good.txt"), "--store", store, "-q"])
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--store", store])
    assert result.exit_code == 0, result.output
    dataset = rdflib.Dataset()
    dataset.parse(out, format=parser)
    assert len(dataset) > 0 or sum(len(g) for g in dataset.graphs()) > 0


def test_extract_prints_gold_shaped_facts(runner: CliRunner, articles: Path, nlp) -> None:
    result = runner.invoke(app, ["extract", str(articles / "good.txt")])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert facts and all(f["article"] == "good.txt" for f in facts)
    assert all({"relation", "subject", "object"} <= f.keys() for f in facts)
    assert {"relation": "published_by", "subject": "article", "object": "Example Times"}.items() <= next(
        f for f in facts if f["relation"] == "published_by"
    ).items()


def test_parallel_parsing_gives_the_same_facts(runner: CliRunner, tmp_path: Path, nlp) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(4):
        (folder / f"a{n}.txt").write_text(ARTICLE.replace("Quiet Harbour", f"Quiet Harbour {n}"), encoding="utf-8")
    dumps = []
    for processes in ("1", "2"):
        store = str(tmp_path / f"store{processes}")
        result = runner.invoke(app, ["load", str(folder), "--store", store, "-q", "--processes", processes])
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("4 articles loaded")
        dumps.append(sorted(runner.invoke(app, ["export", "-f", "nq", "--store", store]).stdout.splitlines()))
    assert dumps[0] == dumps[1]
    bad = runner.invoke(app, ["load", str(folder), "--store", str(tmp_path / "s"), "--processes", "0"])
    assert bad.exit_code == 2 and "--processes" in bad.output


def test_a_glob_matching_nothing_is_reported_without_an_empty_name(runner: CliRunner, tmp_path: Path, nlp) -> None:
    pattern = str(tmp_path / "nothing*.txt")
    result = runner.invoke(app, ["load", pattern, "--store", str(tmp_path / "store"), "-q"])
    assert result.exit_code == 1
    assert f"failed: {pattern}: matches no article file" in result.output and "failed :" not in result.output


def test_serve_refuses_a_token_of_spaces(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from showgraph.web import create_app
    from showgraph.web.runner import QueryPolicy

    served: list[object] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda *args, **kwargs: served.append(args))
    monkeypatch.delenv("SHOWGRAPH_TOKEN", raising=False)
    for token in (" " * 16, "  padded-token-0123  "):
        result = runner.invoke(app, ["serve", "--store", ":memory:", "--allow-load", "--token", token])
        assert result.exit_code == 2 and "spaces" in result.output, result.output
    assert served == []
    with pytest.raises(ValueError, match="token"):
        create_app(ShowGraph(":memory:"), allow_load=True, token=" " * 16, policy=QueryPolicy())


def test_each_short_flag_means_one_long_option_in_every_command() -> None:
    meaning: dict[str, set[str]] = {}
    for _, command in every_command():
        for param in command.params:
            longs = [opt for opt in param.opts if opt.startswith("--")]
            for short in (opt for opt in param.opts if not opt.startswith("--")):
                meaning.setdefault(short, set()).update(longs)
    assert meaning["-f"] == {"--format"}
    assert {short: longs for short, longs in meaning.items() if len(longs) > 1} == {}


@pytest.mark.parametrize(
    "command",
    [
        ["query", "ASK { ?s ?p ?o }"],
        ["stats"],
        ["export"],
        ["validate"],
        ["viz", "-f", "dot"],
        ["path", "A", "B"],
        ["conflicts"],
        ["serve", "--port", "1"],
    ],
)
def test_reading_commands_refuse_a_store_that_does_not_exist(runner: CliRunner, tmp_path: Path, command) -> None:
    typo = tmp_path / "stroe"
    result = runner.invoke(app, [*command, "--store", str(typo)])
    assert result.exit_code == 1, result.output
    assert "SG305" in result.output and f"no store at {typo}" in result.output and "showgraph load" in result.output
    assert not typo.exists()
    from_env = runner.invoke(app, command, env={"SHOWGRAPH_STORE": str(typo)})
    assert from_env.exit_code == 1 and "SG305" in from_env.output and not typo.exists()


def test_only_load_creates_a_store(runner: CliRunner, articles: Path, tmp_path: Path, nlp) -> None:
    store = tmp_path / "new" / "store"
    assert runner.invoke(app, ["load", str(articles / "good.txt"), "--store", str(store), "-q"]).exit_code == 0
    assert store.is_dir()
    assert runner.invoke(app, ["query", "ASK { ?s ?p ?o }", "--store", str(store)]).stdout.strip() == "true"


@pytest.mark.parametrize("name", [name for name, _ in every_command()])
def test_help_reads_cleanly(runner: CliRunner, name: str) -> None:
    """No `<bool>` after a flag, no `{paths}` in usage, no help text eaten as markup ("Picture format .")."""
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "<bool>" not in result.output and "{" not in result.output.split("Usage:", 1)[1].split("\n", 1)[0]
    assert not re.search(r"\w \.(\s|$)", result.output) and " ," not in result.output
    assert "<list[" not in result.output.split("Options", 1)[-1]
    top = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "<bool>" not in top.output


def test_help_usage_names_arguments_plainly(runner: CliRunner) -> None:
    wide = {"COLUMNS": "200"}
    usage = {name: runner.invoke(app, [name, "--help"], env=wide).output for name in ("load", "query", "path", "viz")}
    assert "showgraph load [OPTIONS] PATHS..." in usage["load"]
    assert "showgraph query [OPTIONS] [SPARQL]" in usage["query"]
    assert "showgraph path [OPTIONS] A B" in usage["path"]
    assert "default: from the -o suffix" in usage["viz"]


def test_a_path_that_matches_nothing_is_reported_without_a_stray_space(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["load", str(empty), "--store", str(tmp_path / "s"), "-q"])
    assert f"failed: {empty}: matches no article file" in result.output
    assert "failed :" not in result.output


def test_progress_only_on_a_terminal(runner: CliRunner, articles: Path, tmp_path: Path, nlp) -> None:
    """Into a pipe: no bar, no blank line. On a terminal (rich's FORCE_COLOR): a bar with the time left."""
    good = str(articles / "good.txt")
    piped = runner.invoke(app, ["load", good, "--store", str(tmp_path / "s")])
    assert piped.exit_code == 0, piped.output
    assert piped.stdout.startswith("1 articles loaded") and piped.stderr == ""
    extracted = runner.invoke(app, ["extract", good])
    assert extracted.stderr == "" and extracted.stdout.startswith("{")
    assert runner.invoke(app, ["validate", "--store", str(tmp_path / "s")]).stderr == ""
    terminal = {"FORCE_COLOR": "1", "COLUMNS": "120"}
    for command in (["load", good, "--store", str(tmp_path / "t")], ["extract", good]):
        shown = runner.invoke(app, command, env=terminal)
        assert shown.exit_code == 0, shown.output
        assert "left" in shown.stderr and "1/1" in shown.stderr, command
    quiet = runner.invoke(app, ["load", good, "--store", str(tmp_path / "t"), "-q"], env=terminal)
    assert quiet.stderr == ""


def test_validate_shows_progress_on_a_terminal(runner: CliRunner, articles: Path, tmp_path: Path, nlp) -> None:
    store = str(tmp_path / "s")
    runner.invoke(app, ["load", str(articles / "good.txt"), "--store", store, "-q"])
    shown = runner.invoke(app, ["validate", "--store", store], env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert shown.exit_code == 0, shown.output
    assert "validating" in shown.stderr and re.search(r"(?<!\d)(\d+)/\1(?!\d)", shown.stderr) and "left" in shown.stderr
    assert shown.stdout.startswith("conforms")


HOLDER = """
import sys
from rdflib import Graph, Literal, URIRef
from showgraph.store import open_store
store = open_store(sys.argv[1])  # read-write: it holds the store's lock, as `showgraph serve` does
graph = Graph()
graph.add((URIRef("https://w3id.org/showgraph/id/show/x"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
           Literal("X")))
store.replace_graph("https://w3id.org/showgraph/article/held", graph)
print("ready", flush=True)
sys.stdin.read()  # hold it until the test closes our stdin
store.close()
"""


def test_readers_work_on_a_store_another_process_holds(runner: CliRunner, tmp_path: Path) -> None:
    import subprocess
    import sys

    store = tmp_path / "held"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        query = runner.invoke(app, ["query", "SELECT ?l WHERE { ?s ?p ?l }", "--format", "csv", "--store", str(store)])
        assert query.exit_code == 0 and "locked" not in query.output, query.output
        assert query.stdout.splitlines()[1] == "X"
        export = runner.invoke(app, ["export", "-f", "nq", "--store", str(store)])
        assert export.exit_code == 0 and "article/held" in export.stdout, export.output
        stats = runner.invoke(app, ["stats", "--json", "--store", str(store)])
        assert stats.exit_code == 0, stats.output
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0


def claims_in(store: str, runner: CliRunner) -> list[str]:
    sparql = "PREFIX sg: <https://w3id.org/showgraph/ontology#> SELECT ?r WHERE { ?c a sg:Claim ; sg:relation ?r }"
    result = runner.invoke(app, ["query", sparql, "--format", "csv", "--store", store])
    assert result.exit_code == 0, result.output
    return sorted(result.stdout.splitlines()[1:])


def test_an_edited_article_replaces_itself(runner: CliRunner, tmp_path: Path, nlp) -> None:
    store, path = str(tmp_path / "store"), tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(app, ["load", str(path), "--store", store, "-q"]).exit_code == 0
    assert any("plays" in relation for relation in claims_in(store, runner))
    path.write_text(ARTICLE.replace(" Maya Stone stars as Edie Vale in the series.", ""), encoding="utf-8")
    assert runner.invoke(app, ["load", str(path), "--store", store, "-q"]).exit_code == 0
    stats = json.loads(runner.invoke(app, ["stats", "--json", "--store", store]).stdout)
    assert stats["articles"] == 1
    assert not any("plays" in relation for relation in claims_in(store, runner))  # the edited-out role is gone


def test_a_store_loaded_by_content_takes_the_file_in_its_place(runner: CliRunner, tmp_path: Path, nlp) -> None:
    """Earlier versions keyed a URL-less file by its content: loading the file now must not add a twin."""
    from dataclasses import replace

    store, path = str(tmp_path / "store"), tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with ShowGraph(store) as graph:
        articles, _ = graph.read([path])
        graph.load_articles([replace(articles[0], origin=None)])  # as the old reader would have keyed it
    assert runner.invoke(app, ["load", str(path), "--store", store, "-q"]).exit_code == 0
    stats = json.loads(runner.invoke(app, ["stats", "--json", "--store", store]).stdout)
    assert stats["articles"] == 1


def test_remove_by_path_glob_iri_and_id(runner: CliRunner, tmp_path: Path, nlp) -> None:
    from showgraph.rdf import graph_iri

    store, folder = str(tmp_path / "store"), tmp_path / "news"
    folder.mkdir()
    for name in ("a", "b", "c", "d"):
        (folder / f"{name}.txt").write_text(ARTICLE.replace("Quiet Harbour", f"Quiet Harbour {name}"), encoding="utf-8")
    (folder / "e.txt").write_text(ARTICLE.replace("Source:", "URL: https://e.org/e\nSource:"), encoding="utf-8")
    assert runner.invoke(app, ["load", str(folder), "--store", store, "-q"]).exit_code == 0
    with ShowGraph(store, read_only=True) as graph:
        by_name = {Path(a.path).stem: a.id for a in graph.read([folder])[0]}
        assert len(graph.store.graphs()) >= 6  # five articles, a quarantine graph or more, the ranks

    def articles_left() -> set[str]:
        with ShowGraph(store, read_only=True) as graph:
            stored = set(graph.store.graphs())
        return {name for name, id_ in by_name.items() if str(graph_iri(id_)) in stored}

    (folder / "a.txt").unlink()  # a deleted file still names its article
    result = runner.invoke(app, ["remove", str(folder / "a.txt"), "--store", store])
    assert result.exit_code == 0 and result.stdout.strip() == "1 articles removed", result.output
    assert articles_left() == {"b", "c", "d", "e"}
    result = runner.invoke(app, ["remove", str(folder / "[bc].txt"), str(graph_iri(by_name["d"])), "--store", store])
    assert result.exit_code == 0 and result.stdout.strip() == "3 articles removed", result.output
    result = runner.invoke(app, ["remove", by_name["e"], str(folder / "b.txt"), "--store", store])
    assert result.exit_code == 1 and f"no stored article for {folder / 'b.txt'}" in result.output
    assert articles_left() == set()
    with ShowGraph(store, read_only=True) as graph:
        left = [g for g in graph.store.graphs() if "/article/" in g or "/quarantine/" in g]
    assert left == []  # quarantine graphs went with their articles


def test_remove_describes_the_entities_afresh_without_the_article(runner: CliRunner, tmp_path: Path, nlp) -> None:
    """An entity named by a removed article only leaves the entities graph; one another article names stays."""
    from showgraph.entity_graph import ENTITIES_GRAPH

    body = "Netflix has renewed the drama {show} for a second season."
    for name, show in (("a.txt", "Blue Harbour"), ("b.txt", "Red Meadow")):
        (tmp_path / name).write_text(f"Title: {show} renewed\nSource: Screen Ledger\n\n{body.format(show=show)}\n")
    store = tmp_path / "store"
    assert (
        runner.invoke(
            app, ["load", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--store", str(store), "-q"]
        ).exit_code
        == 0
    )

    def labels() -> set[str]:
        with ShowGraph(store) as graph:
            rdfs = "http://www.w3.org/2000/01/rdf-schema#"
            rows = graph.query(f"SELECT ?l WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e <{rdfs}label> ?l }} }}").rows
        return {str(row[0]) for row in rows}

    assert {"Blue Harbour", "Red Meadow", "Netflix"} <= labels()
    assert runner.invoke(app, ["remove", str(tmp_path / "a.txt"), "--store", str(store)]).exit_code == 0
    after = labels()
    assert "Blue Harbour" not in after and {"Red Meadow", "Netflix"} <= after
