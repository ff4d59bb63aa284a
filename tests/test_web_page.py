"""The JSON behind the page's views: entity search, the claim browser (facets, sorting, paging,
downloads), the overview, a show's timeline, the evidence details of an entity's facts; their limits;
and the page itself keeping to the strict Content-Security-Policy (no inline script or style)."""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from showgraph.core import ShowGraph
from showgraph.rdf import article_graph, graph_iri
from showgraph.web import create_app
from showgraph.web.app import _PAGE_DIR
from showgraph.web.runner import QueryPolicy
from test_web import AHN, ALLEGATION_SENTENCES, GLORY, SONG, fixture_articles, fixture_graph


@pytest.fixture(scope="module")
def graph() -> Iterator[ShowGraph]:
    with fixture_graph() as built:
        yield built


@pytest.fixture(scope="module")
def client(graph: ShowGraph) -> TestClient:
    return TestClient(create_app(graph))


# -- search -------------------------------------------------------------------------------------------


def test_search_finds_by_name_and_alias_best_first(client: TestClient) -> None:
    results = client.get("/api/search", params={"q": "glory"}).json()["results"]
    assert [(r["iri"], r["label"], r["kind"]) for r in results] == [(GLORY, "The Glory", "Show")]
    by_alias = client.get("/api/search", params={"q": "GIL HO"}).json()["results"]
    assert by_alias[0] | {"matched": None} == {
        "iri": AHN,
        "label": "Ahn Gil-ho",
        "kind": "Person",
        "matched": None,
        "alias": "Ahn Gil Ho",
    }
    # A name starting with the text comes before one that only contains it.
    names = [r["label"] for r in client.get("/api/search", params={"q": "n", "limit": 20}).json()["results"]]
    assert names.index("Netflix") < names.index("Song Hye-kyo")


def test_search_text_is_bound_as_a_literal_and_limited(client: TestClient) -> None:
    for text in ['"} } ; DROP ALL #', "\\", "'"]:
        response = client.get("/api/search", params={"q": text})
        assert response.status_code == 200 and response.json()["results"] == []
    assert client.get("/api/search", params={"q": "  "}).json()["results"] == []
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 400
    assert client.get("/api/search", params={"q": "a", "limit": "21"}).status_code == 400
    assert client.get("/api/search", params={"q": "a", "limit": "two"}).status_code == 400
    assert len(client.get("/api/search", params={"q": "o", "limit": "2"}).json()["results"]) == 2


# -- the claim browser --------------------------------------------------------------------------------


def test_claims_are_paged_sorted_and_counted_by_facet(client: TestClient) -> None:
    data = client.get("/api/claims", params={"size": "4"}).json()
    assert (data["total"], data["page"], data["pages"], len(data["rows"])) == (6, 1, 2, 4)
    assert [row["subjectLabel"] for row in data["rows"]][:2] == ["Ahn Gil-ho", "Song Hye-kyo"]
    statuses = {v["value"]: v["count"] for v in data["facets"]["status"]["values"]}
    assert statuses == {"confirmed": 4, "alleged": 1, "scheduled": 1}
    assert {v["value"] for v in data["facets"]["relation"]["values"]} == {
        "accused_of",
        "cast_member",
        "directed_by",
        "platform",
        "plays",
        "released_on",
    }
    assert {v["label"] for v in data["facets"]["platform"]["values"]} == {"Netflix"}
    assert {v["label"] for v in data["facets"]["article"]["values"]} == {
        "The Glory: cast and release",
        "Glory director faces <claims>",
    }
    second = client.get("/api/claims", params={"size": "4", "page": "2"}).json()
    assert len(second["rows"]) == 2 and second["page"] == 2
    beyond = client.get("/api/claims", params={"size": "4", "page": "9"}).json()
    assert beyond["page"] == 2  # a page past the end shows the last


def test_a_facet_narrows_and_the_others_count_within_it(client: TestClient) -> None:
    data = client.get("/api/claims", params={"status": "confirmed", "class": "Show"}).json()
    assert data["total"] == 3 and {row["status"] for row in data["rows"]} == {"confirmed"}
    # The status facet counts under class=Show only, and keeps its other values to switch to.
    statuses = {v["value"]: (v["count"], v["selected"]) for v in data["facets"]["status"]["values"]}
    assert statuses == {"confirmed": (3, True), "scheduled": (1, False)}
    about = client.get("/api/claims", params={"entity": SONG}).json()
    assert {row["relation"] for row in about["rows"]} == {"plays", "cast_member"}
    text = client.get("/api/claims", params={"q": "BULLYING"}).json()
    assert [row["relation"] for row in text["rows"]] == ["accused_of"]
    newest = client.get("/api/claims", params={"sort": "-published"}).json()
    assert newest["rows"][0]["published"] == "2023-03-10" and newest["sort"] == "-published"


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "colour"},
        {"page": "0"},
        {"page": "-1"},
        {"size": "501"},
        {"size": "x"},
        {"q": "x" * 201},
        {"entity": "not an iri"},
        {"format": "xlsx"},
    ],
)
def test_claims_refuse_bad_parameters(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/claims", params=params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_claims_download_every_matching_row_as_csv_and_json(client: TestClient) -> None:
    response = client.get("/api/claims", params={"status": "confirmed", "size": "1", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="showgraph-claims.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4 and {row["status"] for row in rows} == {"confirmed"}  # no paging in a download
    assert {row["evidence"] for row in rows} >= {"The Glory was directed by Ahn Gil-ho."}
    body = client.get("/api/claims", params={"relation": "accused_of", "format": "json"}).json()
    assert body["total"] == 1 and body["claims"][0]["evidence"] == ALLEGATION_SENTENCES[0]


def test_page_routes_keep_the_query_policy(graph: ShowGraph) -> None:
    """The browser's reads run under the same row limit as any query a client sends."""
    small = TestClient(create_app(graph, policy=QueryPolicy(max_rows=2)))
    for path in ("/api/claims", "/api/overview", f"/api/timeline?iri={GLORY}"):
        response = small.get(path)
        assert response.status_code == 500 and "row" in response.json()["error"], path


# -- overview, timeline, entity --------------------------------------------------------------------------


def test_overview_names_the_most_connected_and_the_latest(client: TestClient) -> None:
    data = client.get("/api/overview").json()
    assert data["shows"] == [{"iri": GLORY, "label": "The Glory", "claims": 4}]
    assert {person["label"] for person in data["people"]} == {"Ahn Gil-ho", "Song Hye-kyo"}
    assert [article["published"] for article in data["articles"]] == ["2023-03-10", "2022-12-01"]
    assert data["articles"][0]["claims"] == 1 and data["claims"] == 6


def test_timeline_dates_a_shows_events(client: TestClient) -> None:
    events = client.get("/api/timeline", params={"iri": GLORY}).json()["events"]
    release = next(event for event in events if event["kind"] == "release")
    assert (release["date"], release["datedBy"], release["text"], release["status"]) == (
        "2022-12-30",
        "fact",
        "released on Netflix",
        "scheduled",
    )
    casting = next(event for event in events if event["kind"] == "casting")
    assert (casting["date"], casting["datedBy"], casting["text"]) == ("2022-12-01", "article", "Song Hye-kyo")
    assert [event["date"] for event in events] == sorted(event["date"] for event in events)
    assert client.get("/api/timeline", params={"iri": "no iri"}).status_code == 400


def test_entity_facts_carry_cues_names_and_offsets(client: TestClient) -> None:
    data = client.get("/api/entity", params={"iri": AHN}).json()
    assert data["kind"] == "Person"
    alleged = next(fact for fact in data["facts"] if fact["relationName"] == "accused_of")
    assert alleged["cues"] == ["accused"]
    assert {"Ahn Gil-ho", "Ahn Gil Ho", "school bullying"} <= set(alleged["names"])
    assert (alleged["start"], alleged["end"]) == (0, len(ALLEGATION_SENTENCES[0]))
    assert client.get("/api/entity", params={"iri": GLORY}).json()["kind"] == "Show"


# -- the page keeps the strict CSP -----------------------------------------------------------------------


def test_the_page_has_no_inline_script_or_style() -> None:
    """The CSP allows scripts and styles from this origin only: the page's HTML may hold neither inline."""
    page = (_PAGE_DIR / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert "<style" not in page and " style=" not in page
    assert re.findall(r"\son[a-z]+=", page) == []
    script = (_PAGE_DIR / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "eval(" not in script and "new Function" not in script
    assert "http://" not in page and "https://" not in page  # nothing loads from the internet


def test_the_page_and_its_assets_are_served_under_the_csp(client: TestClient) -> None:
    for path in ("/", "/assets/app.js", "/assets/app.css", "/static/cytoscape.min.js", "/static/codemirror.js"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_vendored_libraries_carry_their_licences() -> None:
    """Each library in showgraph/static comes with its licence file, and the page loads them locally."""
    static = Path(_PAGE_DIR).parent.parent / "static"
    page = (_PAGE_DIR / "index.html").read_text(encoding="utf-8")
    for library in ("cytoscape", "codemirror"):
        assert "MIT" in (static / f"{library}.LICENSE").read_text(encoding="utf-8")
    for asset in ("codemirror.js", "codemirror-sparql.js", "codemirror-show-hint.js", "codemirror.css"):
        assert f"/static/{asset}" in page
        assert (static / asset).read_text(encoding="utf-8").startswith("// CodeMirror") or asset.endswith(".css")


def test_page_files_are_all_used() -> None:
    """Every file in the page folder is one the page loads (no stray vendored copy without its licence)."""
    assert {path.name for path in Path(_PAGE_DIR).iterdir()} == {"index.html", "app.js", "app.css"}


def test_claims_are_read_again_after_the_store_changes() -> None:
    with fixture_graph() as graph:
        client = TestClient(create_app(graph))
        assert client.get("/api/claims").json()["total"] == 6
        article, facts = fixture_articles()[1]
        graph.store.drop_graph(str(graph_iri(article.id)))
        assert client.get("/api/claims").json()["total"] == 5
        graph.store.replace_graph(str(graph_iri(article.id)), article_graph(article, facts))
        assert client.get("/api/overview").json()["claims"] == 6
