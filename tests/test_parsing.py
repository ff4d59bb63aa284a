"""Parsing for the rules: an over-long article is read in parts, not a failed batch; worker processes end
with their parent, and Ctrl-C stops a load cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from showgraph.cli import app
from showgraph.core import Extraction, Failure, ShowGraph
from showgraph.parsing import split_text

ROOT = Path(__file__).resolve().parents[1]

PARAGRAPH = (
    "Netflix has renewed the drama Quiet Harbour {n} for a second season. Maya Stone {n} stars as Edie Vale in "
    "the series.\n\n"
)


def long_article(path: Path, length: int, title: str = "Quiet Harbour renewed") -> Path:
    paragraphs, n = [], 0
    while sum(map(len, paragraphs)) < length:
        paragraphs.append(PARAGRAPH.format(n=n))
        n += 1
    path.write_text(f"Title: {title}\nSource: Example Times\n\n" + "".join(paragraphs), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text,limit",
    [
        ("One.\n\nTwo.\n\nThree.\n", 7),
        ("A sentence. Another one! A third?\n" * 50, 40),
        ("word " * 300, 17),
        ("x" * 100, 9),
        ("\n\n\n\n" * 20 + "tail", 5),
        ("", 5),
        ("short", 50),
        ("é\u2019 \u201cquoted.\u201d\n" * 30, 11),
    ],
)
def test_split_text_joins_back_and_keeps_to_the_limit(text: str, limit: int) -> None:
    parts = split_text(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(part) <= limit for part in parts) or parts == [""]


def test_split_text_cuts_at_paragraphs_first() -> None:
    text = "First paragraph, a sentence. Another.\n\nSecond paragraph here.\n\nThird.\n"
    assert split_text(text, 45) == ["First paragraph, a sentence. Another.\n\n", "Second paragraph here.\n\nThird.\n"]


def test_an_over_long_article_is_read_in_parts_beside_the_others(
    tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spaCy refused it (E088) and the whole batch with it; its evidence offsets must point into its body."""
    monkeypatch.setattr(nlp, "max_length", 3_000)  # as a 1 MB article meets spaCy's own limit, faster
    monkeypatch.setattr("showgraph.parsing.PART_LENGTH", 1_000)
    long_article(tmp_path / "long.txt", 9_000)
    long_article(tmp_path / "short.txt", 500, title="Short one")
    with ShowGraph(":memory:") as graph:
        articles, _ = graph.read([tmp_path])
        results = list(graph.extract_articles(articles))
        assert all(isinstance(r, Extraction) for r in results), results
        by_name = {r.article.name: r for r in results if isinstance(r, Extraction)}
        long = by_name["long.txt"]
        assert len(long.article.body) > 9_000
        facts = [f for f in long.facts.facts if f.evidence is not None]
        assert max(f.evidence.start for f in facts) > 8_000  # facts from the last part, offsets moved back
        for fact in facts:
            assert fact.evidence.sentence.strip() in long.article.body[fact.evidence.start : fact.evidence.end + 1]
        from dataclasses import replace

        [pasted] = graph.extract_articles([replace(long.article, origin=None)])  # known by content: ids per part
        assert {f.evidence.article_id for f in pasted.facts.facts if f.evidence} == {pasted.article.id}
        late = {(f.relation, str(f.object)) for f in facts if f.evidence.start > 8_000}
        assert {("platform", "Netflix"), ("season_status", "renewed")} <= late  # the last part read as the first
        report = graph.load([tmp_path])
        assert report.articles == 2 and report.failures == []


def test_an_article_that_cannot_be_parsed_fails_alone_by_name(
    tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import showgraph.parsing as parsing

    real = parsing.make_doc

    def make_doc(article, nlp):
        if article.title == "Broken":
            raise ValueError("no parse for this one")
        return real(article, nlp)

    monkeypatch.setattr(parsing, "make_doc", make_doc)
    long_article(tmp_path / "a.txt", 300, title="Good")
    long_article(tmp_path / "b.txt", 300, title="Broken")
    long_article(tmp_path / "c.txt", 300, title="Also good")
    with ShowGraph(":memory:") as graph:
        report = graph.load([tmp_path])
    assert report.articles == 2
    assert [(Path(f.source).name, f.message) for f in report.failures] == [
        ("b.txt", "could not be parsed: no parse for this one")
    ]
    assert all(isinstance(f, Failure) for f in report.failures)


def test_an_upload_over_spacys_limit_is_not_a_500(nlp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import warnings

    from showgraph.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # starlette prefers the httpx2 fork (see test_web.py)
        from starlette.testclient import TestClient

    monkeypatch.setattr(nlp, "max_length", 3_000)
    monkeypatch.setattr("showgraph.parsing.PART_LENGTH", 1_000)
    data = long_article(tmp_path / "long.txt", 6_000).read_bytes()
    token = "a-token-for-the-tests"
    with ShowGraph(":memory:") as graph:
        client = TestClient(create_app(graph, allow_load=True, token=token))
        response = client.post(
            "/api/load", files={"file": ("long.txt", data, "text/plain")}, headers={"Authorization": f"Bearer {token}"}
        )
    assert response.status_code == 200, response.text
    assert response.json()["articles"] == 1


# --- workers -------------------------------------------------------------------------------------------

pytestmark_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for n in range(300):
        long_article(folder / f"a{n:03d}.txt", 400, title=f"Quiet Harbour {n} renewed")
    return folder


def _start_load(folder: Path, store: Path) -> tuple[subprocess.Popen[str], list[int]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    command = [sys.executable, "-c", "from showgraph.cli import main; main()", "load", str(folder)]
    process = subprocess.Popen(
        [*command, "--store", str(store), "-j", "2", "-q"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell job is: Ctrl-C goes to the group
    )
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    workers = _children(process.pid)
    assert len(workers) == 2, f"expected 2 workers, found {workers}"
    time.sleep(1.0)  # at work
    return process, workers


def _gone(workers: list[int], within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_alive(pid) for pid in workers)


@pytestmark_linux
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_their_parent(many: Path, tmp_path: Path, sig: signal.Signals) -> None:
    process, workers = _start_load(many, tmp_path / "store")
    try:
        os.kill(process.pid, sig)
        process.communicate(timeout=60)
        assert _gone(workers), f"workers {workers} outlived their parent ({sig.name})"
    finally:
        for pid in [process.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytestmark_linux
def test_ctrl_c_stops_a_parallel_load_cleanly_and_says_what_was_stored(many: Path, tmp_path: Path) -> None:
    process, workers = _start_load(many, tmp_path / "store")
    try:
        os.killpg(process.pid, signal.SIGINT)  # as a terminal sends it: to every process of the job
        out, err = process.communicate(timeout=60)
    finally:
        for pid in [process.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert process.returncode == 130, (out, err)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    stored = int(out.split(" articles loaded")[0])
    assert f"stopped: {stored} articles were stored whole, {300 - stored} not reached" in " ".join(err.split())
    assert _gone(workers, within=5)
    stats = CliRunner().invoke(app, ["stats", "--json", "--store", str(tmp_path / "store")])
    if stored or (tmp_path / "store").exists():
        assert f'"articles": {stored},' in stats.stdout, stats.output
    else:  # stopped before the first article was stored: no store was made, and stats says so
        assert "SG305" in stats.output


@pytestmark_linux
def test_an_article_that_kills_its_worker_fails_alone(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-parse (out of memory) broke the pool, and every article after it failed."""
    import showgraph.parsing as parsing
    from showgraph.readers import Article

    real = parsing.make_doc

    def make_doc(article, nlp):
        if article.title == "Crash":
            os._exit(1)  # in the worker: it dies as the kernel's OOM killer would leave it
        return real(article, nlp)

    monkeypatch.setattr(parsing, "make_doc", make_doc)  # set before the workers fork, so theirs too
    titles = [f"Article {n}" for n in range(20)]
    titles[11] = "Crash"
    articles = [Article(title, f"Netflix renewed {title} for a second season.\n") for title in titles]
    results = list(parsing.parse_articles(articles, nlp, processes=2))
    assert [article.title for article, _ in results] == titles
    failed = [(article.title, str(parts)) for article, parts in results if isinstance(parts, Exception)]
    assert [title for title, _ in failed] == ["Crash"] and "died" in failed[0][1]
