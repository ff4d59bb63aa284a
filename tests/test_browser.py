"""The page in a real headless Chromium (Debian's ``chromium``) driven by Playwright.

Playwright's own browser downloads are never used: Chromium is launched by ``executable_path``
($SHOWGRAPH_CHROMIUM, else /usr/bin/chromium). The tests skip, saying why, when that browser or the
playwright package is missing. The page must work with no network: every request it makes is checked
to go to the local server, and the strict Content-Security-Policy would log any violation as an error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from showgraph.core import ShowGraph
from showgraph.web import create_app
from test_web import ALLEGATION_SENTENCES, TOKEN, fixture_graph, running_server

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
        foreign = [url for url in self.requests if not url.startswith(self.base_url + "/")]
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


def test_named_query_rows_entity_graph_and_facts(browser: Any, served: tuple[str, ShowGraph]) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/")
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
        assert alleged.locator("a").get_attribute("href") == "https://example.org/glory-allegation"

        page.screenshot(path=str(SCREENSHOT), full_page=True)
        watch.check_clean()
    finally:
        watch.close()


def test_keyboard_runs_edited_sparql(browser: Any, served: tuple[str, ShowGraph]) -> None:
    base_url, _ = served
    watch = PageWatch(browser, base_url)
    page = watch.page
    try:
        page.goto(base_url + "/")
        page.wait_for_selector("#picker option[value='cast']", state="attached")
        page.select_option("#picker", "")
        page.fill("#editor", "SELECT ?headline WHERE { ?a <http://schema.org/headline> ?headline } ORDER BY ?headline")
        page.focus("#editor")
        page.keyboard.press("Control+Enter")
        page.wait_for_selector("#results tbody tr")
        assert page.locator("#results tbody tr").count() == 2
        page.fill("#editor", "SELECT ?x WHERE {")
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
