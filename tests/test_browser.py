"""The page in a real headless Chromium (Debian's ``chromium``) driven by Playwright.

Playwright's own browser downloads are never used: Chromium is launched by ``executable_path``
($SHOWGRAPH_CHROMIUM, else /usr/bin/chromium). The tests skip, saying why, when that browser or the
playwright package is missing. The page must work with no network: every request it makes is checked
to go to the local server, and the strict Content-Security-Policy would log any violation as an error.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from showgraph.core import ShowGraph
from showgraph.web import create_app
from test_web import AHN, ALLEGATION_SENTENCES, GLORY, SONG, TOKEN, fixture_graph, running_server

CHROMIUM = Path(os.environ.get("SHOWGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path(os.environ.get("SHOWGRAPH_SCREENSHOT", "/tmp/showgraph-page.png"))
TIMEOUT_MS = 8_000


try:  # `expect` waits by polling the DOM, not by eval, so the page's CSP (no 'unsafe-eval') holds
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips with the reason
    expect = None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's `chromium` (.ci/run does) or set $SHOWGRAPH_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install playwright; no browser download)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class PageWatch:
    """A new page plus what it requested and any console error or uncaught exception."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def check_clean(self, *expected_statuses: int) -> None:
        """Nothing but the local server was asked; no errors but the HTTP statuses a test provoked."""
        local = (self.base_url + "/", f"blob:{self.base_url}/")  # blob: URLs of this origin: exported pictures
        foreign = [url for url in self.requests if not url.startswith(local)]
        assert foreign == [], f"the page reached outside the local server: {foreign}"
        provoked = tuple(f"status of {status} " for status in expected_statuses)
        errors = [error for error in self.errors if not (provoked and any(p in error for p in provoked))]
        assert errors == [], f"console errors: {errors}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, ShowGraph]]:
    with fixture_graph() as graph, running_server(create_app(graph)) as url:
        yield url, graph


def _painted_pixels(page: Any) -> int:
    """How many pixels of the graph's canvases are not transparent: a drawn graph has many."""
    return page.evaluate(
        """() => [...document.querySelectorAll('#graph canvas')].reduce((sum, canvas) => {
             if (!canvas.width || !canvas.height) return sum;
             const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
             let painted = 0;
             for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
             return sum + painted;
           }, 0)"""
    )


def _type_sparql(page: Any, text: str) -> None:
    """Replace the editor's text by typing, as a user would (into CodeMirror's input)."""
    page.click(".CodeMirror")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


def test_named_query_rows_entity_graph_and_facts(browser: Any, served: tuple[str, ShowGraph]) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/?view=query")
        page.wait_for_selector("#picker option[value='cast']", state="attached")
        page.select_option("#picker", "cast")
        assert "SELECT" in page.input_value("#editor")
        page.fill("#param-show", "The Glory")
        page.click("#run")
        page.wait_for_selector("#results tbody tr")
        assert page.locator("#results tbody tr").count() == 1
        assert "1 row" in page.text_content("#status")
        song = page.locator("#results button.iri", has_text="Song Hye-kyo")
        assert song.count() == 1

        song.click()
        page.wait_for_selector("#facts tbody tr")
        assert page.text_content("#entity-label") == "Song Hye-kyo"
        page.locator("#graph canvas").first.wait_for(state="attached")
        assert page.text_content("#graph-note").startswith("3 nodes")
        assert _painted_pixels(page) > 500
        facts = page.locator("#facts tbody tr")
        assert facts.count() >= 2
        assert "confirmed" in facts.first.text_content()
        assert "Song Hye-kyo plays Moon Dong-eun in The Glory." in page.text_content("#facts")

        # From a fact to the director, whose allegation the article only reports: status, evidence, source.
        page.locator("#facts button.iri", has_text="The Glory").first.click()
        expect(page.locator("#entity-label")).to_have_text("The Glory")
        page.locator("#facts button.iri", has_text="Ahn Gil-ho").first.click()
        expect(page.locator("#entity-label")).to_have_text("Ahn Gil-ho")
        alleged = page.locator("#facts tbody tr", has_text="accused of")
        alleged.wait_for()
        assert "alleged" in alleged.text_content()
        assert ALLEGATION_SENTENCES[0] in alleged.text_content()
        assert alleged.locator("a").text_content() == "Glory director faces <claims>"  # text, not markup
        assert page.locator("#facts claims").count() == 0
        # The link opens the article at the sentence (a text fragment).
        href = alleged.locator("a").get_attribute("href")
        assert href.startswith("https://example.org/glory-allegation#:~:text=Director%20Ahn%20Gil%2Dho")

        page.screenshot(path=str(SCREENSHOT), full_page=True)
        watch.check_clean()
    finally:
        watch.close()


def test_keyboard_runs_edited_sparql(browser: Any, served: tuple[str, ShowGraph]) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/?view=query")
        page.wait_for_selector("#picker option[value='cast']", state="attached")
        page.select_option("#picker", "")
        _type_sparql(page, "SELECT ?headline WHERE { ?a <http://schema.org/headline> ?headline } ORDER BY ?headline")
        page.keyboard.press("Control+Enter")
        page.wait_for_selector("#results tbody tr")
        assert page.locator("#results tbody tr").count() == 2
        _type_sparql(page, "SELECT ?x WHERE {")
        page.keyboard.press("Control+Enter")
        expect(page.locator("#status")).to_have_text(re.compile("^Error"))
        assert page.locator("#load").is_hidden()  # loading is off on this server
        watch.check_clean(400)
    finally:
        watch.close()


def test_paste_an_article_with_the_token(browser: Any) -> None:
    with ShowGraph(":memory:") as graph, running_server(create_app(graph, allow_load=True, token=TOKEN)) as url:
        watch = PageWatch(browser, url)
        page = watch.page
        try:
            page.goto(url + "/")
            page.wait_for_selector("#load", state="visible")
            page.fill("#load-token", TOKEN)
            page.fill(
                "#load-text",
                "Title: Extras returns\nSource: BBC\n\nRicky Gervais directed Extras. It returns to BBC Two in 2020.\n",
            )
            page.click("#load-form button[type='submit']")
            expect(page.locator("#load-status")).to_contain_text("article(s)", timeout=30_000)
            assert page.text_content("#load-status").startswith("1 article(s)")
            expect(page.locator("#counts")).to_have_text(re.compile("^1 articles"))
            page.fill("#load-token", "wrong-token-value")
            page.click("#load-form button[type='submit']")
            expect(page.locator("#load-status")).to_have_text(re.compile("^Error"))
            assert "token" in page.text_content("#load-status")
            watch.check_clean(403)
        finally:
            watch.close()


# -- the page's views: search, facets, paging, downloads, shared URLs, evidence, timeline -------------


def _check_screenshot(page: Any, name: str) -> Path:
    """A screenshot of the page, checked for content: many pixels that are not the background, in colour."""
    image_module = pytest.importorskip("PIL.Image")
    path = SCREENSHOT.with_name(f"showgraph-{name}.png")
    page.screenshot(path=str(path), full_page=True)
    with image_module.open(path) as image:
        data = image.convert("RGB").tobytes()
    counts = Counter(data[i : i + 3] for i in range(0, len(data), 3))
    pixels = len(data) // 3
    most = counts.most_common(1)[0][1]  # the background
    painted = pixels - most
    colours = len(counts)
    assert painted > pixels // 50, f"{path} is nearly blank ({painted} of {pixels} pixels drawn)"
    assert colours > 50, f"{path} has only {colours} colours"
    return path


def _query_of(url: str) -> dict[str, list[str]]:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(url).query)


def test_search_box_suggests_by_alias_and_opens_the_panel(browser: Any, served: tuple[str, ShowGraph]) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/")
        expect(page.locator("#top-shows li")).to_have_count(1)
        assert "The Glory" in page.text_content("#top-shows")
        assert page.locator("#latest-articles li").first.text_content().startswith("2023-03-10")
        page.fill("#search", "gil ho")  # only the alias "Ahn Gil Ho" has this spelling
        first = page.locator("#suggestions li.suggestion").first
        expect(first).to_contain_text("Ahn Gil-ho")
        assert "also Ahn Gil Ho" in first.text_content()
        assert "Person" in first.text_content()
        page.fill("#search", "glory")
        expect(page.locator("#suggestions li.suggestion").first).to_contain_text("The Glory")
        page.keyboard.press("Enter")
        expect(page.locator("#entity-label")).to_have_text("The Glory")
        assert page.locator("#suggestions").is_hidden()
        assert _query_of(page.url)["entity"] == [GLORY]
        page.locator("#facts tbody tr").first.wait_for()
        page.fill("#search", "zzzz")
        expect(page.locator("#suggestions li.empty")).to_contain_text("Nothing named")
        page.keyboard.press("Escape")
        _check_screenshot(page, "search")
        watch.check_clean()
    finally:
        watch.close()


def test_facet_narrows_pages_sorts_and_downloads(browser: Any, served: tuple[str, ShowGraph], tmp_path: Path) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/?view=facts&size=3")
        expect(page.locator("#claims-status")).to_have_text("1–3 of 6 facts")
        assert page.text_content("#claims-pager .page-of") == "Page 1 of 2"
        confirmed = page.locator("#facets button.facet[data-facet='status'][data-value='confirmed']")
        assert confirmed.locator(".count").text_content() == "4"
        confirmed.click()
        expect(page.locator("#claims-status")).to_have_text("1–3 of 4 facts")
        assert _query_of(page.url)["status"] == ["confirmed"]
        assert page.locator("#chosen .chip").text_content().startswith("Status: confirmed")
        # Each facet counts under the other filters: alleged is gone from the class counts' total.
        assert page.locator("#facets button.facet[data-facet='class'][data-value='Show'] .count").text_content() == "3"
        page.click("#claims-pager button[data-page='next']")
        expect(page.locator("#claims-pager .page-of")).to_have_text("Page 2 of 2")
        assert page.locator("#claims tbody tr").count() == 1
        assert _query_of(page.url)["page"] == ["2"]
        page.click("#claims thead button[data-sort='subject']")  # ascending already: now descending
        expect(page.locator("#claims thead th[aria-sort='descending']")).to_have_count(1)
        expect(page.locator("#claims-pager .page-of")).to_have_text("Page 1 of 2")
        assert page.locator("#claims tbody tr").first.text_content().startswith("The Glory")
        _check_screenshot(page, "facets")

        with page.expect_download() as download_info:
            page.click("#download-csv")
        saved = tmp_path / "claims.csv"
        download_info.value.save_as(saved)
        lines = saved.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("subject,subjectLabel,relation")
        assert len(lines) == 5 and all(",confirmed," in line for line in lines[1:])  # every page, this filter
        with page.expect_download() as download_info:
            page.click("#download-json")
        saved = tmp_path / "claims.json"
        download_info.value.save_as(saved)
        body = json.loads(saved.read_text(encoding="utf-8"))
        assert body["total"] == 4 and body["filters"] == {"status": "confirmed"}
        watch.check_clean()
    finally:
        watch.close()


def test_a_shared_url_reopens_the_same_screen(browser: Any, served: tuple[str, ShowGraph]) -> None:
    from urllib.parse import urlencode

    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        state = {"view": "facts", "status": "confirmed", "size": "3", "page": "2", "sort": "-subject", "entity": SONG}
        page.goto(base_url + "/?" + urlencode({**state, "depth": "2"}))
        expect(page.locator("#claims-pager .page-of")).to_have_text("Page 2 of 2")
        expect(page.locator("#entity-label")).to_have_text("Song Hye-kyo")
        assert page.input_value("#depth") == "2"
        expect(page.locator("#graph-note")).to_contain_text("5 nodes")  # two hops from Song Hye-kyo
        assert page.get_attribute("#facets button.facet[data-value='confirmed']", "aria-pressed") == "true"
        assert page.locator("#claims thead th[aria-sort='descending'] button").get_attribute("data-sort") == "subject"
        assert page.get_attribute("#tab-facts", "aria-current") == "page"
        # A query with its parameter, run, reopened from its link; back goes to the facts again.
        page.goto(base_url + "/?" + urlencode({"view": "query", "name": "cast", "p.show": "The Glory", "run": "1"}))
        expect(page.locator("#results tbody tr")).to_have_count(1)
        assert page.input_value("#param-show") == "The Glory"
        page.go_back()
        expect(page.locator("#claims-pager .page-of")).to_have_text("Page 2 of 2")
        _check_screenshot(page, "shared-url")
        watch.check_clean()
    finally:
        watch.close()


def test_query_results_page_sort_and_download(browser: Any, served: tuple[str, ShowGraph], tmp_path: Path) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        numbers = " ".join(str(n) for n in range(1, 121))
        page.goto(base_url + "/?view=query")
        page.wait_for_selector("#picker option[value='cast']", state="attached")
        page.select_option("#picker", "")
        _type_sparql(page, f"SELECT ?n WHERE {{ VALUES ?n {{ {numbers} }} }}")
        page.click("#run")
        expect(page.locator("#results tbody tr")).to_have_count(50)
        assert page.text_content("#status").startswith("120 rows, 1–50 shown")
        page.click("#results thead button[data-sort='n']")
        page.click("#results thead button[data-sort='n']")  # descending, numerically
        expect(page.locator("#results tbody tr").first).to_have_text("120")
        page.click("#results-pager button[data-page='last']")
        expect(page.locator("#results-pager .page-of")).to_have_text("Page 3 of 3")
        expect(page.locator("#results tbody tr")).to_have_count(20)
        assert page.locator("#results tbody tr").last.text_content() == "1"
        assert _query_of(page.url)["rpage"] == ["3"] and _query_of(page.url)["rsort"] == ["-n"]
        with page.expect_download() as download_info:
            page.click("#results-csv")
        saved = tmp_path / "rows.csv"
        download_info.value.save_as(saved)
        assert saved.read_text(encoding="utf-8").split() == ["n", *(str(n) for n in range(120, 0, -1))]
        # The editor (CodeMirror) colours the text and marks where a syntax error is.
        assert page.locator(".CodeMirror .cm-keyword", has_text="SELECT").count() == 1
        _type_sparql(page, "SELECT ?x WHERE {\n?x ?y\n")
        page.click("#run")
        expect(page.locator("#status")).to_have_text(re.compile("^Error"))
        assert len(page.text_content("#status")) < 260  # the parser's long list of expected tokens is cut
        expect(page.locator(".CodeMirror .tok-error")).to_have_count(1)  # line 3, column 1: where it stopped
        expect(page.locator(".CodeMirror .cm-error-line")).to_have_count(1)
        assert page.locator(".CodeMirror-gutters").bounding_box()["width"] > 15  # measured once shown: numbers fit
        # Prefixes used but not declared are declared with one click, and the query runs.
        _type_sparql(page, "SELECT DISTINCT ?name WHERE { ?p a sg:Person ; rdfs:label ?name } ORDER BY ?name")
        expect(page.locator(".CodeMirror .tok-error")).to_have_count(0)  # editing clears the mark
        page.click("#add-prefixes")
        assert page.input_value("#editor").startswith(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX sg:"
        )
        page.click("#run")
        expect(page.locator("#results tbody tr")).to_have_count(2)
        # Ctrl+Space completes a prefix: after PREFIX, the whole declaration.
        _type_sparql(page, "PREFIX s")
        page.keyboard.press("Control+Space")
        expect(page.locator(".CodeMirror-hints li").first).to_have_text("sg: https://w3id.org/showgraph/ontology#")
        page.keyboard.press("Enter")
        assert page.input_value("#editor") == "PREFIX sg: <https://w3id.org/showgraph/ontology#>"
        _type_sparql(page, "SELECT ?x WHERE {\n?x ?y\n")
        page.click("#run")
        expect(page.locator("#status")).to_have_text(re.compile("^Error"))
        _check_screenshot(page, "query")
        watch.check_clean(400)
    finally:
        watch.close()


def test_evidence_marks_the_span_and_the_cue(browser: Any, served: tuple[str, ShowGraph]) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/?entity=" + AHN.replace(":", "%3A").replace("/", "%2F"))
        alleged = page.locator("#facts tbody tr", has_text="accused of")
        alleged.wait_for()
        assert alleged.locator("mark.ent-cue").text_content() == "accused"
        assert alleged.locator("mark.ent-cue").get_attribute("data-tag") == "cue · alleged"
        assert alleged.locator("mark.ent-subject").text_content() == "Ahn Gil-ho"
        assert alleged.locator("mark.ent-object").text_content() == "school bullying"
        assert alleged.locator(".evidence").text_content() == ALLEGATION_SENTENCES[0]  # the sentence, unchanged
        colour = alleged.locator("mark.ent-cue").evaluate("mark => getComputedStyle(mark).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
        _check_screenshot(page, "evidence")
        watch.check_clean()
    finally:
        watch.close()


def test_timeline_of_a_show_and_picture_exports(browser: Any, served: tuple[str, ShowGraph], tmp_path: Path) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/")
        page.locator("#top-shows button.iri", has_text="The Glory").click()
        expect(page.locator("#timeline-heading")).to_have_text("Timeline of The Glory")
        events = page.locator("#timeline svg g.event")
        expect(events).to_have_count(4)
        release = page.locator("#timeline svg g.event[data-kind='release']")
        assert "2022-12-30" in release.locator("title").text_content()
        assert page.locator("#timeline svg g.event[data-kind='casting']").count() == 1
        release.locator("circle").click()  # a mark leads to its fact, lit
        expect(page.locator("#facts tr.lit")).to_contain_text("released on")
        page.locator("#graph canvas").first.wait_for(state="attached")

        def download(button: str, name: str) -> bytes:
            with page.expect_download() as download_info:
                page.click(button)
            saved = tmp_path / name
            download_info.value.save_as(saved)
            return saved.read_bytes()

        assert download("#timeline-svg", "timeline.svg").startswith(b"<svg")
        assert download("#timeline-png", "timeline.png").startswith(b"\x89PNG")
        assert download("#graph-png", "graph.png").startswith(b"\x89PNG")
        graph_svg = download("#graph-svg", "graph.svg").decode("utf-8")
        assert graph_svg.startswith("<svg") and "Song Hye-kyo" in graph_svg and graph_svg.count("<circle") == 5
        _check_screenshot(page, "timeline")
        watch.check_clean()
    finally:
        watch.close()


def test_html_picture_finds_a_name_and_filters_relations_and_statuses(browser: Any, tmp_path: Path) -> None:
    from showgraph.viz import write_network

    with fixture_graph() as graph:
        page_file = tmp_path / "graph.html"
        write_network(graph.network(), page_file)
    watch = PageWatch(browser, page_file.parent.as_uri())
    page = watch.page
    try:
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-drawn-nodes]", state="attached")
        page.fill("#sg-search", "gil ho")  # an alias
        expect(page.locator("#sg-search-note")).to_have_text("1 found")
        page.press("#sg-search", "Enter")
        expect(page.locator("#sg-details h2")).to_have_text("Ahn Gil-ho")
        shown = "() => window.showgraphCy.edges().not('.sg-hidden').length"
        total = page.evaluate(shown)
        page.uncheck("#sg-filters input[data-relation='plays']")
        assert page.evaluate(shown) == total - 1
        page.uncheck("#sg-filters input[data-status='confirmed']")  # every edge here is confirmed
        assert page.evaluate(shown) == 0
        assert page.evaluate("() => window.showgraphCy.nodes('.sg-hidden').length") == 5  # none left with an edge
        page.check("#sg-filters input[data-status='confirmed']")
        assert page.evaluate(shown) == total - 1
        assert page.evaluate("() => window.showgraphCy.nodes('.sg-hidden').length") == 0
        assert page.locator("#sg-filters h2").all_text_contents() == ["Relations", "Statuses"]
        _check_screenshot(page, "html-picture")
        watch.check_clean()
    finally:
        watch.close()
