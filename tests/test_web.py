"""The web server: SPARQL 1.1 Protocol at /sparql, the page's JSON API, loading behind a token.

Most tests use starlette's TestClient (no socket); the standard-client tests run a real uvicorn on a
free loopback port and talk to it with rdflib's SPARQLStore and with plain httpx, as curl would.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore

with warnings.catch_warnings():
    # starlette 1.x prefers the httpx2 fork for TestClient and warns on import; httpx (already a
    # dependency of showgraph) works the same.
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient
from typer.testing import CliRunner

from showgraph.core import ShowGraph
from showgraph.entity_graph import store_article
from showgraph.facts import ArticleFacts, Evidence, Fact
from showgraph.rdf import article_graph, entity_iri, graph_iri
from showgraph.readers import Article
from showgraph.web import create_app

TOKEN = "test-token-0123456789"
SG = "https://w3id.org/showgraph/ontology#"
SONG = str(entity_iri("Song Hye-kyo", "Person"))
AHN = str(entity_iri("Ahn Gil-ho", "Person"))
GLORY = str(entity_iri("The Glory", "Show"))
PLAYS_SELECT = f"SELECT ?person ?character WHERE {{ ?person <{SG}plays> ?character }}"

# --------------------------------------------------------------------------------------------------
# A small graph built by hand: two articles, facts of several statuses. test_browser.py uses it too.

CAST_SENTENCES = (
    "Song Hye-kyo plays Moon Dong-eun in The Glory.",
    "The Glory was directed by Ahn Gil-ho.",
    "The series arrives on Netflix on 30 December 2022.",
)
ALLEGATION_SENTENCES = ("Director Ahn Gil-ho was accused of school bullying, which he denied.",)


def _facts(article: Article, specs: list[tuple[str, str, str | int, dict, str, str]]) -> ArticleFacts:
    facts = []
    for relation, subject, obj, qualifiers, status, sentence in specs:
        start = article.body.index(sentence)
        cues = ("accused",) if status == "alleged" else ()
        evidence = Evidence(article.id, sentence, start, start + len(sentence), f"{relation}.test", cues)
        facts.append(Fact(relation, subject, obj, qualifiers, status=status, evidence=evidence))
    return ArticleFacts(article.id, facts, entities={"Ahn Gil-ho": ("Person", {"Ahn Gil-ho", "Ahn Gil Ho"})})


def fixture_articles() -> list[tuple[Article, ArticleFacts]]:
    """Two articles and their facts: cast and release (confirmed, scheduled), an allegation (alleged)."""
    cast = Article(
        "The Glory: cast and release",
        " ".join(CAST_SENTENCES),
        source="Variety",
        url="https://example.org/glory-cast",
        published="2022-12-01",
        path="glory-cast.txt",
    )
    plays, directed, release = CAST_SENTENCES
    allegation = Article(
        "Glory director faces <claims>",  # markup-like text: the page must show it as text
        ALLEGATION_SENTENCES[0],
        source="Soompi",
        url="https://example.org/glory-allegation",
        published="2023-03-10",
        path="glory-allegation.txt",
    )
    return [
        (
            cast,
            _facts(
                cast,
                [
                    ("plays", "Song Hye-kyo", "Moon Dong-eun", {"show": "The Glory"}, "confirmed", plays),
                    ("cast_member", "The Glory", "Song Hye-kyo", {}, "confirmed", plays),
                    ("directed_by", "The Glory", "Ahn Gil-ho", {}, "confirmed", directed),
                    ("platform", "The Glory", "Netflix", {}, "confirmed", release),
                    ("released_on", "The Glory", "2022-12-30", {"platform": "Netflix"}, "scheduled", release),
                ],
            ),
        ),
        (
            allegation,
            _facts(
                allegation,
                [("accused_of", "Ahn Gil-ho", "school bullying", {}, "alleged", ALLEGATION_SENTENCES[0])],
            ),
        ),
    ]


def fixture_graph() -> ShowGraph:
    """A ShowGraph in memory holding :func:`fixture_articles`, one named graph per article."""
    graph = ShowGraph(":memory:")
    for article, facts in fixture_articles():
        store_article(graph.store, article_graph(article, facts))
    return graph


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(app) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free 127.0.0.1 port in a thread; yields the base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def graph() -> Iterator[ShowGraph]:
    with fixture_graph() as built:
        yield built


@pytest.fixture(scope="module")
def client(graph: ShowGraph) -> TestClient:
    return TestClient(create_app(graph))


# --------------------------------------------------------------------------------------------------
# SPARQL 1.1 Protocol


def _plays_rows(bindings: list[dict]) -> set[tuple[str, str]]:
    return {(row["person"]["value"], row["character"]["value"]) for row in bindings}


def test_get_answers_sparql_results_json_by_default(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": PLAYS_SELECT})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    body = response.json()
    assert body["head"]["vars"] == ["person", "character"]
    assert _plays_rows(body["results"]["bindings"]) == {(SONG, str(entity_iri("Moon Dong-eun", "Character")))}
    assert "access-control-allow-origin" not in response.headers  # CORS only for origins the operator lists


def test_post_form_and_post_query_body_give_the_same_answer(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"query": PLAYS_SELECT}).json()
    by_form = client.post("/sparql", data={"query": PLAYS_SELECT})
    by_body = client.post(
        "/sparql", content=PLAYS_SELECT.encode(), headers={"Content-Type": "application/sparql-query; charset=utf-8"}
    )
    assert by_form.status_code == by_body.status_code == 200
    assert by_form.json() == by_body.json() == by_get


def test_accept_chooses_csv_tsv_or_xml(client: TestClient) -> None:
    query = f"SELECT ?show ?date WHERE {{ ?show <{SG}releasedOn> ?date }}"
    as_csv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(as_csv.text))) == [["show", "date"], [GLORY, "2022-12-30"]]

    as_tsv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/tab-separated-values"})
    assert as_tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert as_tsv.text.splitlines()[1] == f'<{GLORY}>\t"2022-12-30"^^<http://www.w3.org/2001/XMLSchema#date>'

    as_xml = client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml, */*;q=0.1"}
    )
    assert as_xml.headers["content-type"].startswith("application/sparql-results+xml")
    parsed = rdflib.query.Result.parse(io.BytesIO(as_xml.content), format="xml")
    assert [(str(row.show), str(row.date)) for row in parsed] == [(GLORY, "2022-12-30")]


def test_q_values_and_wildcards_are_honoured(client: TestClient) -> None:
    response = client.get(
        "/sparql",
        params={"query": "ASK { ?s ?p ?o }"},
        headers={"Accept": "text/csv;q=0.4, application/sparql-results+json;q=0.9, text/html"},
    )
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert response.json()["boolean"] is True
    browser = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser.status_code == 200 and browser.json() == {"head": {}, "boolean": True}


def test_construct_is_turtle_by_default_or_n_triples(client: TestClient) -> None:
    query = f"CONSTRUCT {{ ?s <{SG}plays> ?o }} WHERE {{ ?s <{SG}plays> ?o }}"
    turtle = client.get("/sparql", params={"query": query})
    assert turtle.headers["content-type"].startswith("text/turtle")
    parsed = rdflib.Graph().parse(data=turtle.text, format="turtle")
    assert set(parsed) == {(rdflib.URIRef(SONG), rdflib.URIRef(SG + "plays"), entity_iri("Moon Dong-eun", "Character"))}
    ntriples = client.get("/sparql", params={"query": query}, headers={"Accept": "application/n-triples"})
    assert ntriples.headers["content-type"].startswith("application/n-triples")
    assert set(rdflib.Graph().parse(data=ntriples.text, format="nt")) == set(parsed)
    describe = client.get("/sparql", params={"query": f"DESCRIBE <{GLORY}>"})
    assert describe.status_code == 200 and len(rdflib.Graph().parse(data=describe.text, format="turtle")) > 0


def test_unacceptable_accept_is_406(client: TestClient) -> None:
    select = client.get("/sparql", params={"query": PLAYS_SELECT}, headers={"Accept": "text/turtle"})
    assert select.status_code == 406
    assert "application/sparql-results+json" in select.text
    construct = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
    assert construct.status_code == 406


def test_malformed_query_is_400_with_the_engines_message(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400
    assert "the query failed" in response.text and len(response.text) > 30
    assert client.get("/sparql").status_code == 400
    assert client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"params": {"update": "DROP ALL"}},
        {"data": {"update": "DROP ALL"}},
        {"content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
        {"params": {"query": "DROP ALL"}},
        {"data": {"query": "PREFIX x: <http://e/> INSERT DATA { x:a x:b x:c }"}},
    ],
    ids=["get-update", "form-update", "update-body", "update-as-query", "insert-as-form-query"],
)
def test_updates_are_refused_with_403_and_change_nothing(
    client: TestClient, graph: ShowGraph, request_kwargs: dict
) -> None:
    before = len(graph.store)
    method = client.get if "params" in request_kwargs else client.post
    response = method("/sparql", **request_kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text
    assert len(graph.store) == before > 0


def test_the_protocols_dataset_parameters_choose_the_graphs(client: TestClient) -> None:
    """SPARQL 1.1 Protocol 2.1.1: default-graph-uri and named-graph-uri, by GET, form POST and direct POST."""
    cast, allegation = (str(graph_iri(article.id)) for article, _ in fixture_articles())
    json_type = {"Accept": "application/sparql-results+json"}

    def rows(response) -> list[dict[str, str]]:
        assert response.status_code == 200, response.text
        return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]

    headlines = "SELECT ?h WHERE { ?a <http://schema.org/headline> ?h }"
    everything = rows(client.get("/sparql", params={"query": headlines}, headers=json_type))
    assert len(everything) == 2  # no dataset named: the union of all graphs
    only_cast = rows(client.get("/sparql", params={"query": headlines, "default-graph-uri": cast}, headers=json_type))
    assert only_cast == [{"h": "The Glory: cast and release"}]
    both = {"query": headlines, "default-graph-uri": [cast, allegation]}
    assert len(rows(client.post("/sparql", data=both, headers=json_type))) == 2
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = rows(
        client.post(
            "/sparql",
            params={"named-graph-uri": allegation},
            content=graphs,
            headers={**json_type, "Content-Type": "application/sparql-query"},
        )
    )
    assert named == [{"g": allegation}]
    empty_default = client.get(
        "/sparql", params={"query": "ASK { ?s ?p ?o }", "named-graph-uri": cast}, headers=json_type
    )
    assert empty_default.json()["boolean"] is False  # named graphs only: the default graph is empty
    bad = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert bad.status_code == 400 and "not an iri" in bad.text


def test_unsupported_content_type_is_415(client: TestClient) -> None:
    response = client.post("/sparql", content=b'{"query": "ASK {}"}', headers={"Content-Type": "application/json"})
    assert response.status_code == 415


def test_cors_preflight_for_a_listed_origin(graph: ShowGraph) -> None:
    client = TestClient(create_app(graph, cors_origins=["https://tools.example"]))
    response = client.options(
        "/sparql",
        headers={"Origin": "https://tools.example", "Access-Control-Request-Method": "POST"},
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "https://tools.example"
    assert "POST" in response.headers["access-control-allow-methods"]


# --------------------------------------------------------------------------------------------------
# The page and its JSON


def test_page_is_served_with_a_strict_content_security_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="picker"' in page.text and 'src="/static/cytoscape.min.js"' in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", "")  # nothing fetched from elsewhere
    for asset in ("/assets/app.js", "/assets/app.css", "/static/cytoscape.min.js"):
        assert client.get(asset).status_code == 200, asset


def test_api_queries_lists_named_queries_with_parameters(client: TestClient, graph: ShowGraph) -> None:
    queries = {query["name"]: query for query in client.get("/api/queries").json()["queries"]}
    assert set(queries) == set(graph.named_queries())
    assert [p["name"] for p in queries["cast"]["parameters"]] == ["show"]
    assert "SELECT" in queries["cast"]["sparql"]


def test_api_query_runs_a_named_query_with_labels(client: TestClient) -> None:
    response = client.get("/api/query", params={"name": "cast", "show": "the glory"})
    assert response.status_code == 200, response.text
    body = response.json()
    people = {row["personIri"]["value"] for row in body["results"]["bindings"]}
    assert people == {SONG}
    assert body["labels"][SONG] == "Song Hye-kyo"
    by_post = client.post("/api/query", json={"name": "cast", "params": {"show": "The Glory"}}).json()
    assert by_post["results"] == body["results"]


def test_api_query_edited_named_query_keeps_its_parameters(client: TestClient, graph: ShowGraph) -> None:
    edited = graph.named_queries()["cast"].sparql + "\nLIMIT 0"
    response = client.post("/api/query", json={"name": "cast", "params": {"show": "The Glory"}, "query": edited})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"] == []
    missing = client.post("/api/query", json={"name": "cast", "params": {}, "query": edited})
    assert missing.status_code == 400 and "show" in missing.json()["error"]


def test_api_query_errors_say_what_to_do(client: TestClient) -> None:
    missing = client.get("/api/query", params={"name": "cast"})
    assert missing.status_code == 400 and "show" in missing.json()["error"]
    unknown = client.get("/api/query", params={"name": "nope"})
    assert unknown.status_code == 404 and "cast" in unknown.json()["error"]
    bad = client.post("/api/query", json={"query": "SELECT ?x WHERE {"})
    assert bad.status_code == 400 and bad.json()["code"] == "SG302"
    update = client.post("/api/query", json={"query": "DELETE WHERE { ?s ?p ?o }"})
    assert update.status_code == 403
    assert client.post("/api/query", json=["not", "an", "object"]).status_code == 400


def test_api_query_free_sparql(client: TestClient) -> None:
    body = client.post("/api/query", json={"query": PLAYS_SELECT}).json()
    assert body["kind"] == "select" and len(body["results"]["bindings"]) == 1
    assert client.post("/api/query", json={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_api_entity_gives_facts_with_status_evidence_and_article_and_a_graph(client: TestClient) -> None:
    response = client.get("/api/entity", params={"iri": AHN})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["label"] == "Ahn Gil-ho"
    by_relation = {fact["relationName"]: fact for fact in body["facts"]}
    assert by_relation["accused_of"]["statusName"] == "alleged"
    assert by_relation["accused_of"]["evidence"] == ALLEGATION_SENTENCES[0]
    assert by_relation["accused_of"]["headline"] == "Glory director faces <claims>"
    assert by_relation["directed_by"]["statusName"] == "confirmed"
    assert by_relation["directed_by"]["url"] == "https://example.org/glory-cast"
    network = body["graph"]
    assert {node["data"]["id"] for node in network["nodes"]} == {AHN, GLORY}
    assert [(edge["data"]["source"], edge["data"]["target"]) for edge in network["edges"]] == [(GLORY, AHN)]
    article = client.get("/api/entity", params={"iri": by_relation["accused_of"]["article"]})
    assert article.status_code == 200 and article.json()["graph"]["nodes"] == []


def test_api_entity_rejects_a_non_iri(client: TestClient) -> None:
    assert client.get("/api/entity").status_code == 400
    assert client.get("/api/entity", params={"iri": "not an iri"}).status_code == 400


# --------------------------------------------------------------------------------------------------
# Loading articles: off by default; a token guards it


ARTICLE = (
    "Title: Extras returns\nSource: BBC\nPublished: 9 July 2019\n\n"
    "Ricky Gervais directed Extras. The show returns to BBC Two in 2020.\n"
)


def test_loading_is_off_by_default(client: TestClient) -> None:
    response = client.post("/api/load", content=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 404
    assert "--allow-load" in response.json()["error"]


def test_allow_load_needs_a_token() -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(ShowGraph(":memory:"), allow_load=True)


def test_load_refuses_missing_and_wrong_tokens() -> None:
    with ShowGraph(":memory:") as graph:
        client = TestClient(create_app(graph, allow_load=True, token=TOKEN))
        missing = client.post("/api/load", content=ARTICLE, headers={"Content-Type": "text/plain"})
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        wrong = client.post("/api/load", content=ARTICLE, headers={"Authorization": "Bearer " + TOKEN[:-1] + "x"})
        assert wrong.status_code == 403
        assert len(graph.store) == 0


def test_load_reports_an_unreadable_article_without_leaking_the_temp_folder() -> None:
    with ShowGraph(":memory:") as graph:
        client = TestClient(create_app(graph, allow_load=True, token=TOKEN))
        response = client.post(
            "/api/load",
            files={"file": ("../no-header.txt", b"just text, no Title: header\n", "text/plain")},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 422, response.text  # the one article sent failed: so did the upload
        report = response.json()
        assert report["articles"] == 0 and len(report["failures"]) == 1
        assert "showgraph-load-" not in json.dumps(report)
        assert report["failures"][0]["source"] == "no-header.txt"
        assert report["error"].startswith("the article could not be loaded: no-header.txt: ")  # what the page shows


def test_load_pasted_article_with_the_token() -> None:
    """Runs the real pipeline (spaCy, SHACL) on one pasted article."""
    with ShowGraph(":memory:") as graph:
        client = TestClient(create_app(graph, allow_load=True, token=TOKEN))
        response = client.post("/api/load", data={"text": ARTICLE}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200, response.text
        report = response.json()
        assert report["articles"] == 1 and report["failures"] == []
        assert report["outcomes"][0]["title"] == "Extras returns"
        assert report["stored"] + report["quarantined"] == report["facts"]
        assert graph.query("ASK { ?a <http://schema.org/headline> 'Extras returns' }").boolean
        again = client.post("/api/load", data={"text": ARTICLE}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert again.status_code == 200, again.text  # the same text again is the same article, not a second one
        count = "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a <https://w3id.org/showgraph/ontology#Article> }"
        articles = graph.query(count)
        assert articles.rows[0][0].toPython() == 1


def test_serve_command_refuses_allow_load_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    from showgraph.cli import app

    monkeypatch.delenv("SHOWGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--allow-load", "--store", ":memory:"])
    assert result.exit_code == 2
    assert "token" in result.output.lower()


# --------------------------------------------------------------------------------------------------
# Standard clients against a real server


@pytest.fixture(scope="module")
def server_url(graph: ShowGraph) -> Iterator[str]:
    with running_server(create_app(graph)) as url:
        yield url


def test_rdflib_sparqlstore_reads_the_endpoint(server_url: str) -> None:
    store = SPARQLStore(f"{server_url}/sparql")  # asks for SPARQL XML results, like many tools
    rows = {(str(row.person), str(row.character)) for row in store.query(PLAYS_SELECT)}
    assert rows == {(SONG, str(entity_iri("Moon Dong-eun", "Character")))}
    assert store.query("ASK { ?s ?p ?o }").askAnswer is True
    constructed = store.query(f"CONSTRUCT {{ ?s <{SG}directedBy> ?o }} WHERE {{ ?s <{SG}directedBy> ?o }}")
    assert set(constructed) == {(rdflib.URIRef(GLORY), rdflib.URIRef(SG + "directedBy"), rdflib.URIRef(AHN))}
    as_json = SPARQLStore(f"{server_url}/sparql", returnFormat="json", method="POST_FORM")
    assert {str(row.person) for row in as_json.query(PLAYS_SELECT)} == {SONG}


def test_plain_http_get_like_curl(server_url: str) -> None:
    started = time.perf_counter()
    response = httpx.get(
        f"{server_url}/sparql",
        params={"query": PLAYS_SELECT},
        headers={"Accept": "application/sparql-results+json"},
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert _plays_rows(response.json()["results"]["bindings"])
    assert elapsed < 2.0
