"""The store, run through one suite on every backend: in memory, on disk and a real `oxigraph serve`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

import showgraph.store as store_module
from showgraph.errors import QueryError, StoreError
from showgraph.store import DUMP_FORMATS, PREFIXES, QueryResult, Store, default_store_path, open_store

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module attributes
SG = Namespace("https://w3id.org/showgraph/ontology#")
SGID = Namespace("https://w3id.org/showgraph/id/")
SGART = Namespace("https://w3id.org/showgraph/article/")
QUARANTINE = "https://w3id.org/showgraph/quarantine/"

# rdflib's own TriG/N-Quads/JSON-LD parsers use its deprecated ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated, use Dataset:DeprecationWarning")


def article_graph(article: str, show: str, actors: list[str]) -> Graph:
    """A small article graph in the shape of docs/MODEL.md: entities, a claim, an evidence bnode."""
    graph = Graph()
    show_iri = SGID[f"show/{show}"]
    graph.add((show_iri, RDF.type, SG.Show))
    graph.add((show_iri, RDFS.label, Literal(show.replace("-", " ").title(), lang="en")))
    graph.add((show_iri, SG.releasedOn, Literal("2022-12-30", datatype=XSD.date)))
    for number, actor in enumerate(actors):
        person = SGID[f"person/{actor}"]
        claim = URIRef(f"{SGART[article]}/claim/{number}")
        selector = BNode()
        graph.add((person, RDF.type, SG.Person))
        graph.add((person, RDFS.label, Literal(actor.replace("-", " ").title())))
        graph.add((claim, RDF.type, SG.Claim))
        graph.add((claim, SG.subject, person))
        graph.add((claim, SG.show, show_iri))
        graph.add((claim, SG.season, Literal(number + 1)))
        graph.add((claim, SG.evidence, selector))
        graph.add((selector, SG.exact, Literal(f"{actor} stars in {show}\nline two")))
    return graph


def quarantine_graph(article: str) -> Graph:
    graph = Graph()
    claim = URIRef(f"{SGART[article]}/claim/bad")
    graph.add((claim, RDF.type, SG.QuarantinedClaim))
    graph.add((claim, SG.relation, SG.plays))
    return graph


@pytest.fixture(params=["memory", "disk", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same empty store interface over each backend."""
    if request.param == "memory":
        opened = open_store(":memory:")
    elif request.param == "disk":
        opened = open_store(tmp_path / "store")
    else:
        server = request.getfixturevalue("oxigraph_server")
        opened = open_store(endpoint=server.query_url, update_endpoint=server.update_url, timeout=10)
        for graph_iri in opened.graphs():  # the server lives for the session: start each test empty
            opened.drop_graph(graph_iri)
    with opened:
        yield opened


def triples_of(store: Store, graph_iri: str) -> set[tuple]:
    return {(s, p, o) for s, p, o, _ in store.iter_quads(graph_iri) if not isinstance(s, BNode)}


# --------------------------------------------------------------------------------------------------
# replace_graph / drop_graph / graphs / len


def test_replace_graph_replaces_without_duplicates(store: Store) -> None:
    a1 = str(SGART["a1"])
    first = article_graph("a1", "the-glory", ["song-hye-kyo", "lee-do-hyun"])
    store.replace_graph(a1, first)
    store.replace_graph(a1, first)
    assert len(store) == len(first)
    second = article_graph("a1", "the-glory", ["song-hye-kyo"])
    store.replace_graph(a1, second)
    assert len(store) == len(second)
    assert store.graphs() == [a1]
    labels = store.query("SELECT ?l WHERE { ?p a sg:Person ; rdfs:label ?l }", prefixes=PREFIXES)
    assert [row[0] for row in labels] == [Literal("Song Hye Kyo")]


def test_replace_graph_with_extra_replaces_both_and_leaves_others(store: Store) -> None:
    a1, a2 = str(SGART["a1"]), str(SGART["a2"])
    q1 = QUARANTINE + "a1"
    store.replace_graph(a2, article_graph("a2", "kingdom", ["ju-ji-hoon"]))
    store.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]), extra={q1: quarantine_graph("a1")})
    assert store.graphs() == sorted([a1, a2, q1])
    # Re-loading with an empty quarantine graph empties it; a2 is untouched.
    before_a2 = triples_of(store, a2)
    store.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]), extra={q1: Graph()})
    assert store.graphs() == sorted([a1, a2])
    assert triples_of(store, a2) == before_a2


def test_blank_nodes_shared_between_graph_and_extra_stay_one_node(store: Store) -> None:
    node = BNode()
    main, extra = Graph(), Graph()
    main.add((node, RDFS.label, Literal("in main")))
    extra.add((node, RDFS.label, Literal("in extra")))
    store.replace_graph(str(SGART["a1"]), main, extra={QUARANTINE + "a1": extra})
    result = store.query("SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { ?n rdfs:label ?l }", prefixes=PREFIXES)
    assert result.rows[0][0].toPython() == 1


def test_drop_graph(store: Store) -> None:
    a1, a2 = str(SGART["a1"]), str(SGART["a2"])
    store.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]))
    store.replace_graph(a2, article_graph("a2", "kingdom", ["ju-ji-hoon"]))
    store.drop_graph(a1)
    store.drop_graph(a1)  # dropping a missing graph is not an error
    assert store.graphs() == [a2]
    assert len(store) == len(article_graph("a2", "kingdom", ["ju-ji-hoon"]))


# --------------------------------------------------------------------------------------------------
# Atomicity


def test_replace_graph_with_invalid_term_keeps_old_content(store: Store) -> None:
    a1, q1 = str(SGART["a1"]), QUARANTINE + "a1"
    store.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]), extra={q1: quarantine_graph("a1")})
    before = sorted(store.iter_quads(), key=str)
    bad = article_graph("a1", "the-glory", ["lee-do-hyun"])
    bad.add((URIRef("https://w3id.org/showgraph/id/person/not an iri"), RDF.type, SG.Person))
    with pytest.raises(StoreError, match="not an iri"):
        store.replace_graph(a1, bad, extra={q1: Graph()})
    bad_tag = Graph()
    bad_tag.add((SGID["show/x"], RDFS.label, Literal("x", lang="en-toolongsubtag")))
    with pytest.raises(StoreError):
        store.replace_graph(a1, Graph(), extra={q1: bad_tag})
    assert sorted(store.iter_quads(), key=str) == before


def test_replace_graph_failing_midway_in_the_engine_rolls_back(store: Store, monkeypatch) -> None:
    """The engine runs DROP and INSERT, then an operation fails: the whole request must roll back."""
    a1, q1 = str(SGART["a1"]), QUARANTINE + "a1"
    store.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]), extra={q1: quarantine_graph("a1")})
    before = sorted(store.iter_quads(), key=str)
    real = store_module._replace_update

    def failing_after_insert(graph_iri, graph, extra):
        # CREATE GRAPH (not SILENT) on a graph the INSERT just filled fails at run time.
        return real(graph_iri, graph, extra) + f" ;\nCREATE GRAPH <{graph_iri}>"

    monkeypatch.setattr(store_module, "_replace_update", failing_after_insert)
    with pytest.raises(StoreError, match="nothing was changed"):
        store.replace_graph(a1, article_graph("a1", "kingdom", ["ju-ji-hoon"]), extra={q1: Graph()})
    assert sorted(store.iter_quads(), key=str) == before


# --------------------------------------------------------------------------------------------------
# Queries


def test_default_graph_is_the_union_of_named_graphs(store: Store) -> None:
    store.replace_graph(str(SGART["a1"]), article_graph("a1", "the-glory", ["song-hye-kyo"]))
    store.replace_graph(str(SGART["a2"]), article_graph("a2", "kingdom", ["ju-ji-hoon"]))
    shows = store.query("SELECT ?s WHERE { ?s a sg:Show } ORDER BY ?s", prefixes=PREFIXES)
    assert [row[0] for row in shows] == [SGID["show/kingdom"], SGID["show/the-glory"]]
    which = store.query(
        "SELECT ?g WHERE { GRAPH ?g { ?s a sg:Show } }",
        prefixes=PREFIXES,
        bindings={"s": SGID["show/kingdom"]},
    )
    assert which.rows == [(SGART["a2"],)]


def test_bindings_cannot_inject(store: Store) -> None:
    hostile = '" > } ; DROP ALL ; INSERT DATA { <http://e/x> <http://e/y> "z" } #\n'
    a1 = str(SGART["a1"])
    graph = article_graph("a1", "the-glory", ["song-hye-kyo"])
    graph.add((SGID["show/the-glory"], RDFS.comment, Literal(hostile)))
    store.replace_graph(a1, graph)
    size = len(store)
    found = store.query("SELECT ?s WHERE { ?s rdfs:comment ?c }", prefixes=PREFIXES, bindings={"c": hostile})
    assert found.rows == [(SGID["show/the-glory"],)]  # the value matched as the literal it is
    none = store.query("SELECT ?s WHERE { ?s rdfs:label ?c }", prefixes=PREFIXES, bindings={"?c": hostile})
    assert none.rows == []
    assert len(store) == size and store.graphs() == [a1]
    with pytest.raises(QueryError, match="not a valid RDF term"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"s": URIRef("http://e/a> } ; DROP ALL #")})
    for bad_name in ["s }", "a b", "", "x)"]:
        with pytest.raises(QueryError, match="not a SPARQL variable name"):
            store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={bad_name: "x"})
    assert len(store) == size


def test_bindings_of_python_values_and_filters(store: Store) -> None:
    store.replace_graph(str(SGART["a1"]), article_graph("a1", "the-glory", ["song-hye-kyo", "lee-do-hyun"]))
    seasons = store.query(
        "SELECT ?claim WHERE { ?claim sg:season ?n FILTER(?n >= ?min) }",
        prefixes=PREFIXES,
        bindings={"min": 2},
    )
    assert len(seasons.rows) == 1
    released = store.query("ASK { ?show sg:releasedOn ?d }", prefixes=PREFIXES, bindings={"d": date(2022, 12, 30)})
    assert released.boolean is True
    constructed = store.query(
        "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a ?type ; rdfs:label ?l }",
        prefixes=PREFIXES,
        bindings={"type": SG.Person},
    )
    assert constructed.kind == "construct" and len(constructed.graph) == 2


BINDING_PLACES = [
    # (query, bound value of ?show, expected number of rows / boolean / triples)
    ("SELECT ?p WHERE { ?p sg:plays ?show }", "the-glory", 2),
    ("PREFIX ex: <http://e/#>  # a comment with { and SELECT\nSELECT * WHERE { ?p sg:plays ?show }", "kingdom", 1),
    (
        'SELECT ?p WHERE { ?p sg:plays ?show FILTER(?show != <http://e/#x>) FILTER(STR(?p) != """a { }""") }',
        "the-glory",
        2,
    ),
    ("SELECT ?p (IF(?n<3, 1, 2) AS ?x) WHERE { ?p sg:plays ?show BIND(1 AS ?n) }", "the-glory", 2),
    ('CONSTRUCT { ?p <http://e/in> ?show . ?p <http://e/note> "}" } WHERE { ?p sg:plays ?show }', "the-glory", 4),
    ("CONSTRUCT WHERE { ?p sg:plays ?show }", "kingdom", 1),
    ("CONSTRUCT WHERE { ?p sg:plays ?show } LIMIT 1", "the-glory", 1),
    ("ASK { ?p sg:plays ?show }", "kingdom", True),
    ("ASK { ?p sg:plays ?show }", "no-such-show", False),
    ("SELECT ?p WHERE { { SELECT ?p ?show WHERE { ?p sg:plays ?show } } }", "kingdom", 1),
    ("SELECT (COUNT(?p) AS ?n) WHERE { ?p sg:plays ?show } GROUP BY ?show", "the-glory", 1),
]


@pytest.mark.parametrize(("query", "show", "expected"), BINDING_PLACES)
def test_bindings_go_into_the_where_group(store: Store, query: str, show: str, expected: object) -> None:
    for article, show_name, actors in [
        ("a1", "the-glory", ["song-hye-kyo", "lee-do-hyun"]),
        ("a2", "kingdom", ["ju-ji-hoon"]),
    ]:
        graph = Graph()
        for actor in actors:
            graph.add((SGID[f"person/{actor}"], SG.plays, SGID[f"show/{show_name}"]))
        store.replace_graph(str(SGART[article]), graph)
    result = store.query(query, prefixes=PREFIXES, bindings={"show": SGID[f"show/{show}"]})
    got = result.boolean if result.kind == "ask" else len(result)
    assert got == expected


def test_bindings_need_a_where_group(store: Store) -> None:
    with pytest.raises(QueryError, match="WHERE"):
        store.query("DESCRIBE <http://e/x>", bindings={"x": 1})


def test_updates_and_malformed_queries_raise_query_error(store: Store) -> None:
    store.replace_graph(str(SGART["a1"]), article_graph("a1", "the-glory", ["song-hye-kyo"]))
    size = len(store)
    for update in [
        "DROP ALL",
        "PREFIX ex: <http://e/>\n# a comment with SELECT\nINSERT DATA { ex:a ex:b ex:c }",
        "delete where { ?s ?p ?o }",
        "CLEAR DEFAULT",
    ]:
        with pytest.raises(QueryError, match="only reads"):
            store.query(update)
    with pytest.raises(QueryError) as malformed:
        store.query("SELECT ?x WHERE { ?x ")
    assert malformed.value.code == "SG302" and len(malformed.value.message) > len("the query failed: ")
    assert len(store) == size


def test_ask_and_construct(store: Store) -> None:
    graph = article_graph("a1", "the-glory", ["song-hye-kyo"])
    store.replace_graph(str(SGART["a1"]), graph)
    assert store.query("ASK { ?s a sg:Show }", prefixes=PREFIXES).boolean is True
    assert store.query("ASK { ?s a sg:Platform }", prefixes=PREFIXES).boolean is False
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert result.kind == "construct" and len(result) == len(graph)
    assert result.graph is not None
    assert {t for t in result.graph if not isinstance(t[0], BNode) and not isinstance(t[2], BNode)} == {
        t for t in graph if not isinstance(t[0], BNode) and not isinstance(t[2], BNode)
    }
    described = store.query("DESCRIBE ?s WHERE { ?s a sg:Show }", prefixes=PREFIXES)
    assert described.kind == "construct" and len(described) >= 3


def test_terms_round_trip_with_datatype_language_and_blank_nodes(store: Store) -> None:
    graph = article_graph("a1", "the-glory", ["song-hye-kyo"])
    store.replace_graph(str(SGART["a1"]), graph)
    result = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    got = set(result.rows)
    for s, p, o in graph:
        if isinstance(s, BNode) or isinstance(o, BNode):
            continue
        assert (s, p, o) in got
    labels = {row[2] for row in result.rows if row[1] == RDFS.label}
    assert Literal("The Glory", lang="en") in labels
    assert any(isinstance(row[2], BNode) for row in result.rows)


# --------------------------------------------------------------------------------------------------
# QueryResult serialisations


def test_query_result_serialisations_round_trip(store: Store) -> None:
    store.replace_graph(str(SGART["a1"]), article_graph("a1", "the-glory", ["song-hye-kyo", "lee-do-hyun"]))
    result = store.query(
        "SELECT ?claim ?n ?quote ?missing WHERE { ?claim sg:season ?n ; sg:evidence ?e . ?e sg:exact ?quote "
        "OPTIONAL { ?claim sg:nothing ?missing } } ORDER BY ?n",
        prefixes=PREFIXES,
    )
    assert result.variables == ["claim", "n", "quote", "missing"] and len(result) == 2

    parsed = json.loads(result.to_json())
    assert parsed["head"]["vars"] == result.variables
    assert len(parsed["results"]["bindings"]) == 2
    first = parsed["results"]["bindings"][0]
    assert first["n"] == {"type": "literal", "value": "1", "datatype": str(XSD.integer)}
    assert "missing" not in first
    # pyoxigraph's own parsers accept what we write
    assert len(list(ox.parse_query_results(result.to_json(), ox.QueryResultsFormat.JSON))) == 2
    tsv_back = list(ox.parse_query_results(result.to_tsv(), ox.QueryResultsFormat.TSV))
    assert [s["quote"].value for s in tsv_back] == [str(row[2]) for row in result.rows]

    table = list(csv.reader(io.StringIO(result.to_csv())))
    assert table[0] == result.variables
    assert table[1][1] == "1" and table[1][3] == "" and "\n" in table[1][2]
    assert result.to_tsv().splitlines()[0] == "?claim\t?n\t?quote\t?missing"

    dicts = result.to_dicts()
    assert [d["n"] for d in dicts] == [1, 2] and dicts[0]["missing"] is None
    assert isinstance(dicts[0]["claim"], str)
    assert list(result) == result.rows

    ask = store.query("ASK { ?s ?p ?o }")
    assert json.loads(ask.to_json()) == {"head": {}, "boolean": True}
    with pytest.raises(QueryError):
        ask.to_dicts()
    construct = store.query("CONSTRUCT WHERE { ?s a ?t }")
    with pytest.raises(QueryError, match="graph"):
        construct.to_csv()


def test_query_result_from_rows_without_a_store() -> None:
    result = QueryResult("select", ["x"], [(Literal("2019-07-09", datatype=XSD.date),), (None,)])
    assert result.to_dicts() == [{"x": date(2019, 7, 9)}, {"x": None}]
    assert json.loads(result.to_json())["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "2019-07-09", "datatype": str(XSD.date)}},
        {},
    ]


# --------------------------------------------------------------------------------------------------
# dump / dataset


@pytest.mark.parametrize("fmt", sorted(DUMP_FORMATS))
def test_dump_parses_back_with_equal_counts(store: Store, tmp_path: Path, fmt: str) -> None:
    a1, a2 = str(SGART["a1"]), str(SGART["a2"])
    g1 = article_graph("a1", "the-glory", ["song-hye-kyo"])
    g2 = article_graph("a2", "the-glory", ["lee-do-hyun"])  # shares the show's triples with a1
    store.replace_graph(a1, g1)
    store.replace_graph(a2, g2)
    rdflib_format = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "nt": "nt", "jsonld": "json-ld"}[fmt]

    path = tmp_path / f"all.{fmt}"
    store.dump(fmt, path)
    if DUMP_FORMATS[fmt].supports_datasets:
        dataset = Dataset()
        dataset.parse(path, format=rdflib_format)
        assert len(list(dataset.quads((None, None, None, None)))) == len(store)
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {a1, a2}
    else:
        union = Graph().parse(path, format=rdflib_format)
        distinct = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")
        assert len(union) == distinct.rows[0][0].toPython() < len(store)

    out = io.BytesIO()
    store.dump(fmt, out, graph_iri=a1)
    one = Dataset()
    one.parse(data=out.getvalue(), format=rdflib_format)
    assert len(list(one.quads((None, None, None, None)))) == len(g1)
    assert not list(tmp_path.glob(".*.part"))


def test_dump_rejects_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="ttl"):
        store.dump("xml", tmp_path / "x.xml")


def test_dataset_copy_holds_every_named_graph(store: Store) -> None:
    a1, q1 = str(SGART["a1"]), QUARANTINE + "a1"
    store.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]), extra={q1: quarantine_graph("a1")})
    dataset = store.dataset()
    assert len(list(dataset.quads((None, None, None, None)))) == len(store)
    assert len(dataset.graph(URIRef(q1))) == len(quarantine_graph("a1"))


# --------------------------------------------------------------------------------------------------
# Opening and closing


def test_on_disk_store_persists_and_is_locked_while_open(tmp_path: Path) -> None:
    location = tmp_path / "nested" / "store"
    a1 = str(SGART["a1"])
    with open_store(location) as first:
        first.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]))
        with pytest.raises(StoreError, match="another showgraph process") as locked:
            open_store(location)
        assert str(location) in locked.value.message
    with open_store(str(location)) as again:  # close() released the lock; the data persisted
        assert again.graphs() == [a1]


def test_on_disk_store_locked_by_another_process(tmp_path: Path) -> None:
    location = tmp_path / "store"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ok', flush=True); sys.stdin.read()",
            str(location),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match="locked") as locked:
            open_store(location)
        assert locked.value.code == "SG301" and str(location) in locked.value.message
    finally:
        holder.communicate("", timeout=20)


def test_closed_store_says_so() -> None:
    store = open_store(":memory:")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        len(store)


def test_open_store_arguments() -> None:
    with pytest.raises(StoreError, match="no store location"):
        open_store()
    with pytest.raises(StoreError, match="not both"):
        open_store(":memory:", endpoint="http://127.0.0.1:1/query")


def test_unreachable_endpoint_raises_store_error() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match="cannot reach"):
        open_store(endpoint=f"http://127.0.0.1:{port}/query", timeout=2)


def test_endpoint_that_is_not_sparql(oxigraph_server) -> None:
    with pytest.raises(StoreError, match="SG301"):
        open_store(endpoint=f"{oxigraph_server.base_url}/no-such-path", timeout=5)


def test_default_store_path(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SHOWGRAPH_STORE", str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "explicit"
    monkeypatch.delenv("SHOWGRAPH_STORE")
    assert default_store_path() == tmp_path / "xdg" / "showgraph" / "store"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_store_path() == tmp_path / "home" / ".local" / "share" / "showgraph" / "store"


# --------------------------------------------------------------------------------------------------
# Limits on one query (what a server needs), and errors raised while a result is read


def _product(n: int, extra: str = "") -> str:
    values = " ".join(str(i) for i in range(n))
    return f"SELECT * WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} VALUES ?c {{ {values} }} {extra} }}"


def test_an_error_while_the_result_is_read_is_a_query_error() -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on: the SERVICE call fails mid-result
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with open_store(":memory:") as store:
        for form in ("SELECT *", "CONSTRUCT { ?s ?p ?o }"):
            with pytest.raises(QueryError, match="the query failed"):
                store.query(f"{form} WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")


def test_limits_stop_a_query_at_its_rows_its_time_or_when_cancelled(store: Store) -> None:
    import threading
    import time

    from showgraph.errors import QueryTimeoutError, QueryTooLargeError
    from showgraph.store import QueryLimits

    slow = _product(300, "FILTER(?a + ?b + ?c = 3 * ?a && ?b = ?c)")  # a row every few ms, for seconds
    with pytest.raises(QueryTooLargeError, match="more than 99 rows"):
        store.query(_product(10), limits=QueryLimits(max_rows=99))
    construct = _product(10, 'BIND(IRI(CONCAT("http://e/", STR(?a), STR(?b))) AS ?s)')
    with pytest.raises(QueryTooLargeError):
        store.query(construct.replace("SELECT *", "CONSTRUCT { ?s <http://e/p> ?c }"), limits=QueryLimits(max_rows=9))
    assert len(store.query(_product(10), limits=QueryLimits(max_rows=1000))) == 1000

    started = time.monotonic()
    with pytest.raises(QueryTimeoutError, match=r"0\.3 s|time limit"):  # remote: the HTTP wait is bounded
        store.query(slow, limits=QueryLimits(timeout=0.3))
    assert time.monotonic() - started < 1.5

    if not store.private:
        return  # a remote endpoint answers all at once: there is no row to stop at
    limits = QueryLimits()
    threading.Timer(0.2, limits.cancel).start()
    started = time.monotonic()
    with pytest.raises(QueryError, match="cancelled"):
        store.query(slow, limits=limits)
    assert time.monotonic() - started < 1.5


def test_a_read_only_store_reads_beside_its_writer_and_refuses_to_write(tmp_path: Path) -> None:
    graph = Graph()
    graph.add((SGID["show/x"], RDFS.label, Literal("X")))
    with open_store(tmp_path / "s") as writer:
        writer.replace_graph(str(SGART["a1"]), graph)
        with open_store(tmp_path / "s", read_only=True) as reader:  # the writer still holds the lock
            assert reader.read_only and not writer.read_only
            assert reader.graphs() == [str(SGART["a1"])]
            with pytest.raises(StoreError, match="read-only"):
                reader.drop_graph(str(SGART["a1"]))
        assert len(writer) == 1
    fresh = open_store(tmp_path / "new", read_only=True)  # no store there yet: made, as before, and empty
    assert len(fresh) == 0 and not fresh.read_only
    fresh.close()


def test_a_dataset_names_the_graphs_a_query_reads(store: Store) -> None:
    from showgraph.store import Dataset

    a1, a2 = str(SGART["a1"]), str(SGART["a2"])
    store.replace_graph(a1, article_graph("a1", "the-glory", ["song-hye-kyo"]))
    store.replace_graph(a2, article_graph("a2", "d-p", ["jung-hae-in"]))
    people = "SELECT ?l WHERE { ?p a sg:Person ; rdfs:label ?l }"
    assert len(store.query(people, prefixes=PREFIXES)) == 2  # the union, without a dataset
    only_a2 = store.query(people, prefixes=PREFIXES, dataset=Dataset(default_graphs=(a2,)))
    assert [row[0] for row in only_a2] == [Literal("Jung Hae In")]
    named = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", dataset=Dataset(named_graphs=(a1,)))
    assert [str(row[0]) for row in named] == [a1]
    assert store.query("ASK { ?s ?p ?o }", dataset=Dataset(named_graphs=(a1,))).boolean is False
    with pytest.raises(QueryError, match="not a graph IRI"):
        store.query("ASK {}", dataset=Dataset(default_graphs=("no iri",)))
