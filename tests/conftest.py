"""Shared pytest fixtures. Each fixture is self-contained; add new ones below, don't entangle them."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

# --------------------------------------------------------------------------------------------------
# oxigraph_server: a real `oxigraph serve` on 127.0.0.1, for the remote-endpoint store tests.


@dataclass(frozen=True)
class OxigraphServer:
    """A running `oxigraph serve --union-default-graph`; its URLs for open_store(endpoint=…)."""

    base_url: str
    query_url: str
    update_url: str
    location: Path


def _find_oxigraph() -> str | None:
    """The `oxigraph` CLI next to this Python (the venv's bin), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """Start `oxigraph serve` on a free port, wait (at most 20 s) until it answers, stop it after."""
    executable = _find_oxigraph()
    if executable is None:
        pytest.skip("the `oxigraph` server executable was not found next to python or on PATH")
    workdir = tmp_path_factory.mktemp("oxigraph-server")
    location = workdir / "data"
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = workdir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                executable,
                "serve",
                "--location",
                str(location),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 20.0
        while True:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with code {process.returncode}: {log_path.read_text()[-2000:]}")
            try:
                response = httpx.get(f"{base_url}/query", params={"query": "ASK {}"}, timeout=1.0)
                if response.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"oxigraph serve did not answer within 20 s: {log_path.read_text()[-2000:]}")
            time.sleep(0.05)
        yield OxigraphServer(base_url, f"{base_url}/query", f"{base_url}/update", location)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --------------------------------------------------------------------------------------------------
# tiny_graph: a hand-built two-article graph for the network, picture and named-query tests.
# Two shows share an actor (Lee Do-hyun); Song Hye-kyo's part in Hotel del Luna is denied; Ahn Gil-ho
# is alleged to have bullied; Jung Ji-so's role is only rumored. Built with rdf.article_graph, so it
# follows docs/MODEL.md exactly; no NLP involved.

TINY_ARTICLES = {
    "glory": (
        "The Glory returns",
        "https://news.example/the-glory",
        [
            ("plays", "Song Hye-kyo", "Moon Dong-eun", {"show": "The Glory"}, "confirmed"),
            ("plays", "Lee Do-hyun", "Joo Yeo-jeong", {"show": "The Glory"}, "confirmed"),
            ("plays", "Jung Ji-so", "Ye-sol", {"show": "The Glory"}, "rumored"),
            ("cast_member", "The Glory", "Song Hye-kyo", {}, "confirmed"),
            ("cast_member", "The Glory", "Lee Do-hyun", {}, "confirmed"),
            ("directed_by", "The Glory", "Ahn Gil-ho", {}, "confirmed"),
            ("written_by", "The Glory", "Kim Eun-sook", {}, "confirmed"),
            ("platform", "The Glory", "Netflix", {}, "confirmed"),
            ("released_on", "The Glory", "2022-12-30", {"platform": "Netflix"}, "confirmed"),
            ("accused_of", "Ahn Gil-ho", "school bullying", {"date": "2023-03"}, "alleged"),
            ("won_award", "Song Hye-kyo", "Baeksang Arts Award", {"category": "Best Actress"}, "confirmed"),
        ],
    ),
    "luna": (
        "Hotel del Luna star cast",
        "https://news.example/hotel-del-luna",
        [
            ("cast_member", "Hotel del Luna", "Lee Do-hyun", {}, "confirmed"),
            ("plays", "Lee Do-hyun", "Go Chung-myung", {"show": "Hotel del Luna"}, "confirmed"),
            ("cast_member", "Hotel del Luna", "IU", {}, "confirmed"),
            ("cast_member", "Hotel del Luna", "Song Hye-kyo", {}, "denied"),
            ("platform", "Hotel del Luna", "tvN", {}, "reported"),
            ("released_on", "Hotel del Luna", "2019-07-13", {}, "confirmed"),
        ],
    ),
}


def build_tiny_graph(store) -> dict[str, str]:
    """Put the tiny graph into ``store``; returns article key -> article IRI."""
    from showgraph.entity_graph import store_article
    from showgraph.facts import ArticleFacts, Evidence, Fact
    from showgraph.rdf import article_graph, graph_iri
    from showgraph.readers import Article

    iris = {}
    for key, (title, url, rows) in TINY_ARTICLES.items():
        article = Article(title, " ".join(f"{s} {r} {o}." for r, s, o, _, _ in rows), url=url, published="2023-01-02")
        facts, offset = [], 0
        for relation, subject, obj, qualifiers, status in rows:
            sentence = f"{subject} {relation} {obj}."
            cues = () if status == "confirmed" else (status,)
            evidence = Evidence(article.id, sentence, offset, offset + len(sentence), f"{relation}.test", cues)
            offset += len(sentence) + 1
            facts.append(Fact(relation, subject, obj, qualifiers=qualifiers, status=status, evidence=evidence))
        entities = {
            "Lee Do-hyun": ("Person", {"Lee Do-hyun", "Do-hyun"}),
            "IU": ("Person", {"IU", "Lee Ji-eun"}),
            "Song Hye-kyo": ("Person", {"Song Hye-kyo"}),  # else the award's Agent slot makes it an org
        }
        if key == "glory":
            entities["Netflix"] = ("Platform", {"Netflix"})
        else:
            entities["tvN"] = ("Platform", {"tvN"})
        store_article(store, article_graph(article, ArticleFacts(article.id, facts, entities)))
        iris[key] = str(graph_iri(article.id))
    return iris


@pytest.fixture
def tiny_graph():
    """A ShowGraph(":memory:") holding the tiny two-article graph; ``.articles`` maps key -> IRI."""
    from showgraph.core import ShowGraph

    graph = ShowGraph(":memory:")
    graph.articles = build_tiny_graph(graph.store)
    yield graph
    graph.close()


# --------------------------------------------------------------------------------------------------
# nlp: the spaCy pipeline with showgraph's components, loaded once per test session.


@pytest.fixture(scope="session")
def nlp():
    """The pipeline the rule tests share: the small model and the domain components, without the trained
    recogniser and relation classifier (each rule test asserts what its rules read; the trained parts
    are tested in test_learned.py and measured by benchmarks/corpus_scores.py). Loads in about a second."""
    from showgraph.nlp.pipeline import load_base_pipeline

    return load_base_pipeline()
