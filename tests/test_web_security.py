"""The server cannot be turned against its host, nor sunk by queries or bodies (issue 9, items 1-3).

Everything runs on 127.0.0.1 and is bounded in time: slow queries are products of VALUES lists that
the engine walks for seconds; each test stops them (time limit, client gone, SIGTERM) well before.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient
from typer.testing import CliRunner

import showgraph
from showgraph.cli import app as cli_app
from showgraph.core import ShowGraph
from showgraph.web import create_app
from showgraph.web.runner import QueryPolicy
from test_web import PLAYS_SELECT, TOKEN, fixture_graph, running_server


def product(n: int, extra: str = "") -> str:
    """SELECT over three VALUES lists of n numbers: n**3 combinations for the engine to walk."""
    values = " ".join(str(i) for i in range(n))
    return f"SELECT * WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} VALUES ?c {{ {values} }} {extra} }}"


#: A row every ~20-40 ms for several seconds: the query stops at its next row once told to.
SLOW = product(300, "FILTER(?a + ?b + ?c = 3 * ?a && ?b = ?c)")
SLOWER = product(500, "FILTER(?a + ?b + ?c = 3 * ?a && ?b = ?c)")
#: Millions of rows, fast: the row limit stops it.
HUGE = product(200)
#: No row at all for ~30 s: nothing inside the engine can stop it; only its answer can be given up.
STUCK = product(600, "FILTER(?a + ?b + ?c < 0)")


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def graph() -> Iterator[ShowGraph]:
    with fixture_graph() as built:
        yield built


@contextmanager
def fake_endpoint() -> Iterator[tuple[str, list[str]]]:
    """A 'private' SPARQL endpoint on 127.0.0.1 that answers one secret row and records each request."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            hits.append(self.path)
            self.rfile.read(int(self.headers.get("content-length") or 0))
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"secret"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/sparql", hits
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------------------------------
# 1. No SERVICE to anywhere (SSRF); CORS only for listed origins


def federated_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX e: <{url.rsplit('/', 1)[0]}/> SELECT * {{ SERVICE e:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * {{ {{ SELECT * {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",  # an escape the parser reads as S
        f"SELECT * {{ ?x ?y ?z # }}\n SERVICE <{url}> {{ ?s ?p ?o }} }}",  # a comment ends at the line
        f"SELECT * {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    ]


def test_service_is_refused_on_both_query_routes_and_nothing_is_called(graph: ShowGraph) -> None:
    client = TestClient(create_app(graph))
    with fake_endpoint() as (url, hits):
        for query in federated_queries(url):
            response = client.get("/sparql", params={"query": query})
            assert response.status_code == 403, (query, response.text)
            assert "--allow-service" in response.text or "variable" in response.text, response.text
            api = client.post("/api/query", json={"query": query})
            assert api.status_code == 403, (query, api.text)
            assert api.json()["code"] == "SG307"
        assert hits == []


def test_a_long_query_naming_service_is_refused_before_a_slow_parse(graph: ShowGraph) -> None:
    client = TestClient(create_app(graph))
    filters = " ".join(f"FILTER(?o != {i})" for i in range(2_000))  # 36 kB: ~8 s of parsing for rdflib
    started = time.monotonic()
    sparql_query = {"Content-Type": "application/sparql-query"}
    response = client.post("/sparql", content=f"SELECT * {{ ?s ?p ?o {filters} }} # service", headers=sparql_query)
    assert response.status_code == 403 and "too long to check" in response.text
    assert time.monotonic() - started < 4  # far below the parse it avoids (~8 s), with room for a busy machine
    without = client.post("/sparql", content=f"SELECT * {{ ?s ?p ?o {filters} }}", headers=sparql_query)
    assert without.status_code == 200  # no SERVICE in it: nothing to check


def test_service_in_strings_and_comments_is_no_call_nor_are_from_and_describe(graph: ShowGraph) -> None:
    client = TestClient(create_app(graph))
    with fake_endpoint() as (url, hits):
        for query in (
            f'SELECT ?x {{ BIND("SERVICE <{url}> {{ }}" AS ?x) }} # SERVICE <{url}> {{ }}',
            f"SELECT * FROM <{url}> FROM NAMED <{url}> WHERE {{ ?s ?p ?o }}",  # graphs of the store, not fetched
            f"DESCRIBE <{url}>",
        ):
            response = client.get("/sparql", params={"query": query})
            assert response.status_code == 200, response.text
        assert hits == []


def test_only_the_endpoints_the_operator_allows_are_called(graph: ShowGraph) -> None:
    with fake_endpoint() as (url, hits):
        client = TestClient(create_app(graph, policy=QueryPolicy(allow_service=frozenset({url}))))
        allowed = client.get("/sparql", params={"query": f"SELECT ?s {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"})
        assert allowed.status_code == 200, allowed.text
        assert allowed.json()["results"]["bindings"] == [{"s": {"type": "literal", "value": "secret"}}]
        assert len(hits) == 1
        for other in (url + "2", url.replace("/sparql", "/admin")):
            refused = client.get("/sparql", params={"query": f"SELECT * {{ SERVICE <{other}> {{ ?s ?p ?o }} }}"})
            assert refused.status_code == 403
        assert len(hits) == 1


def test_cors_headers_only_for_listed_origins_and_never_private_network(graph: ShowGraph) -> None:
    preflight = {
        "Origin": "https://evil.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Private-Network": "true",
    }
    for cors_origins in ((), ("https://tools.example",)):
        client = TestClient(create_app(graph, cors_origins=cors_origins))
        for response in (
            client.options("/sparql", headers=preflight),
            client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"}),
        ):
            assert "access-control-allow-origin" not in response.headers
            assert "access-control-allow-private-network" not in response.headers
    client = TestClient(create_app(graph, cors_origins=["https://tools.example"]))
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://tools.example"})
    assert response.headers["access-control-allow-origin"] == "https://tools.example"
    assert "Origin" in response.headers["vary"]
    listed = client.options("/sparql", headers={**preflight, "Origin": "https://tools.example"})
    assert listed.headers["access-control-allow-origin"] == "https://tools.example"
    assert "access-control-allow-private-network" not in listed.headers


def test_serve_options_are_checked_before_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served: list[uvicorn.Config] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda server, *args: served.append(server.config))
    runner = CliRunner()
    bad_origin = runner.invoke(cli_app, ["serve", "--store", ":memory:", "--cors-origin", "*"])
    assert bad_origin.exit_code == 2 and "origin" in bad_origin.output
    ok = runner.invoke(
        cli_app,
        ["serve", "--store", ":memory:", "--allow-service", "https://query.example/sparql", "--query-timeout", "2"],
    )
    assert ok.exit_code == 0, ok.output
    (config,) = served
    assert config.app.state.runner.policy.allow_service == frozenset({"https://query.example/sparql"})
    assert config.app.state.runner.policy.timeout == 2
    assert config.timeout_graceful_shutdown <= 5  # SIGTERM: open requests get a few seconds, no more


# --------------------------------------------------------------------------------------------------
# 2. Queries cannot sink the server


def test_a_result_over_the_row_limit_is_an_error_naming_the_limit(graph: ShowGraph) -> None:
    client = TestClient(create_app(graph, policy=QueryPolicy(max_rows=50)))
    bind = 'BIND(IRI(CONCAT("http://e/", STR(?a), "-", STR(?b))) AS ?s)'
    construct = product(10, bind).replace("SELECT *", "CONSTRUCT { ?s <http://e/p> ?c }")
    for query in (product(10), construct):
        response = client.get("/sparql", params={"query": query})
        assert response.status_code == 500, response.text
        assert "50 rows" in response.text and "LIMIT" in response.text
    api = client.post("/api/query", json={"query": product(10)})
    assert api.status_code == 500 and api.json()["code"] == "SG306"
    assert client.get("/sparql", params={"query": product(10) + " LIMIT 50"}).status_code == 200


def test_a_query_over_the_time_limit_is_503_and_its_work_stops(graph: ShowGraph) -> None:
    app = create_app(graph, policy=QueryPolicy(timeout=0.5))
    client = TestClient(app)
    started = time.monotonic()
    response = client.get("/sparql", params={"query": SLOW})
    assert response.status_code == 503, response.text
    assert "0.5 s" in response.text
    assert time.monotonic() - started < 2.5
    assert wait_until(lambda: app.state.runner.running == 0, 2.0), "the abandoned query kept running"
    api = client.post("/api/query", json={"query": SLOW})
    assert api.status_code == 503 and api.json()["code"] == "SG305"


def test_errors_while_results_stream_are_answered_as_errors(graph: ShowGraph, tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/sparql"  # nothing listens: the call fails mid-result
    query = f"SELECT * {{ SERVICE <{dead}> {{ ?s ?p ?o }} }}"
    client = TestClient(create_app(graph, policy=QueryPolicy(allow_service=frozenset({dead}))))
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400, response.text
    assert "the query failed" in response.text and "Internal Server Error" not in response.text
    assert client.post("/api/query", json={"query": query}).json()["code"] == "SG302"
    _create_store(tmp_path / "store")
    result = CliRunner().invoke(cli_app, ["query", query, "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert not isinstance(result.exception, OSError) and "SG302" in result.output


def test_the_page_and_health_answer_while_slow_queries_hold_every_slot(graph: ShowGraph) -> None:
    app = create_app(graph, policy=QueryPolicy(timeout=2.0, max_queries=2))
    with running_server(app) as url:
        answers: list[int] = []

        def slow() -> None:
            with httpx.Client(timeout=20) as client:
                answers.append(client.get(f"{url}/sparql", params={"query": SLOW}).status_code)

        threads = [threading.Thread(target=slow) for _ in range(6)]
        for thread in threads:
            thread.start()
        assert wait_until(lambda: app.state.runner.running == 2, 2.0)
        with httpx.Client(timeout=5) as client:
            for path in ("/health", "/", "/api/info", "/api/queries"):
                started = time.monotonic()
                response = client.get(url + path)
                assert response.status_code == 200 and time.monotonic() - started < 1.0, path
            health = client.get(f"{url}/health").json()
            assert health["status"] == "ok" and health["queries"]["running"] == 2 and health["queries"]["limit"] == 2
        for thread in threads:
            thread.join(timeout=10)
        assert answers == [503] * 6  # each at its time limit, or told the server is busy


def test_a_query_stops_when_its_client_goes_away(graph: ShowGraph) -> None:
    app = create_app(graph, policy=QueryPolicy(timeout=60, max_queries=1))
    with running_server(app) as url:
        port = int(url.rsplit(":", 1)[1])

        def queries() -> dict[str, int]:
            return httpx.get(f"{url}/health").json()["queries"]

        running, waiting = (socket.create_connection(("127.0.0.1", port)) for _ in range(2))
        request = f"GET /sparql?query={quote(SLOWER)} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        running.sendall(request)
        assert wait_until(lambda: queries()["running"] == 1, 3.0)
        waiting.sendall(request)
        assert wait_until(lambda: queries()["waiting"] == 1, 3.0)
        waiting.close()  # gone while waiting for the one slot: it stops waiting
        assert wait_until(lambda: queries()["waiting"] == 0, 3.0)
        running.close()  # gone while its query runs: the query stops
        assert wait_until(lambda: queries() == {"running": 0, "waiting": 0, "limit": 1}, 3.0)


def test_queries_arriving_together_open_an_on_disk_store_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store opens on first use; two first queries at once used to open it twice, and the second
    open found it locked (a 500)."""
    import showgraph.store as store_module

    real_open = store_module.open_store
    opened: list[object] = []

    def slow_open(*args: object, **kwargs: object) -> object:
        time.sleep(0.2)  # widen the window in which a second thread would open it again
        opened.append(args)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(store_module, "open_store", slow_open)
    with ShowGraph(tmp_path / "store") as graph:
        client = TestClient(create_app(graph))
        statuses: list[int] = []
        threads = [
            threading.Thread(
                target=lambda: statuses.append(client.get("/sparql", params={"query": "ASK {}"}).status_code)
            )
            for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        assert statuses == [200] * 4 and len(opened) == 1


def _create_store(path: Path) -> None:
    """An empty store on disk (reading commands refuse a store folder that does not exist)."""
    with ShowGraph(path) as graph:
        graph.query("ASK { ?s ?p ?o }")


def _serve(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    if not (tmp_path / "store").exists():
        _create_store(tmp_path / "store")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(showgraph.__file__).resolve().parents[1])}
    command = [sys.executable, "-c", "from showgraph.cli import main; main()", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--store", str(tmp_path / "store"), *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        with suppress(httpx.HTTPError):
            return httpx.get(url + "/", timeout=1).status_code == 200
        return False

    if not wait_until(up, 20):
        process.kill()
        raise RuntimeError("showgraph serve did not start")
    return process, url


def test_deeply_nested_queries_do_not_kill_the_server(tmp_path: Path) -> None:
    """The engine recurses once a level: 10,000 levels overflowed a thread's usual 8 MB stack and the
    server died (SIGSEGV). Query threads have room for the longest query accepted."""
    process, url = _serve(tmp_path, "--query-timeout", "5")
    try:
        deep = [
            "SELECT * { " + "{" * 100_000 + "?s ?p ?o" + "}" * 100_000 + " }",
            "SELECT * { ?s ?p ?o FILTER(" + "!" * 200_000 + "true) }",
            "SELECT * { ?s ?p ?o FILTER(" + "(" * 100_000 + "1" + ")" * 100_000 + ") }",
        ]
        with httpx.Client(timeout=30) as client:
            for query in deep:
                response = client.post(
                    f"{url}/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
                )
                assert response.status_code in (200, 400, 503), response.text[:200]
            assert client.get(f"{url}/").status_code == 200
        assert process.poll() is None
    finally:
        process.kill()
        process.wait()


def test_sigterm_stops_the_server_within_seconds_while_queries_run(tmp_path: Path) -> None:
    process, url = _serve(tmp_path, "--query-timeout", "60")
    answers: dict[str, str] = {}
    try:

        def ask(name: str, query: str) -> None:
            try:
                response = httpx.get(f"{url}/sparql", params={"query": query}, timeout=40)
                answers[name] = f"{response.status_code} {response.text}"
            except httpx.HTTPError as error:
                answers[name] = type(error).__name__

        asking = [threading.Thread(target=ask, args=item) for item in (("stuck", STUCK), ("slow", SLOWER))]
        for thread in asking:
            thread.start()
        time.sleep(1.0)  # STUCK is deep in the engine now, SLOWER between two rows
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
        assert time.monotonic() - started < 8
        for thread in asking:
            thread.join(timeout=5)
        assert answers["slow"].startswith("503 ") and "stopping" in answers["slow"], answers  # told, not cut
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


# --------------------------------------------------------------------------------------------------
# 3. Bodies are limited before they are read


def test_api_query_body_is_limited(graph: ShowGraph) -> None:
    client = TestClient(create_app(graph))
    big = json.dumps({"query": "ASK {} #" + "x" * 1_500_000})
    response = client.post("/api/query", content=big, headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and "bytes" in response.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it comes
        yield big.encode()[:700_000]
        yield big.encode()[700_000:]

    chunked = client.post("/api/query", content=chunks(), headers={"Content-Type": "application/json"})
    assert chunked.status_code == 413


@pytest.mark.parametrize("content_type", ["text/plain", "multipart/form-data; boundary=xyz"])
def test_a_chunked_upload_is_cut_at_the_limit_not_read_whole(content_type: str) -> None:
    total = 60_000_000
    with ShowGraph(":memory:") as graph, running_server(create_app(graph, allow_load=True, token=TOKEN)) as url:
        port = int(url.rsplit(":", 1)[1])
        sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        head = (
            f"POST /api/load HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
            f"Content-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        sock.sendall(head.encode())
        chunk = b"x" * 65_536
        framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
        if content_type.startswith("multipart"):
            part = b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nTitle: a\n\n'
            sock.sendall(f"{len(part):x}\r\n".encode() + part + b"\r\n")
        sent = 0
        sock.settimeout(5)
        with suppress(OSError):  # the server closes the connection once it has answered
            while sent < total:
                sock.sendall(framed)
                sent += len(chunk)
        reply = b""
        with suppress(OSError):
            while b"\r\n\r\n" not in reply:
                data = sock.recv(4096)
                if not data:
                    break
                reply += data
        sock.close()
        assert sent < total / 2, f"the server read {sent} bytes of a body over its limit"
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]


def test_an_over_long_file_name_is_a_clear_400() -> None:
    with ShowGraph(":memory:") as graph:
        client = TestClient(create_app(graph, allow_load=True, token=TOKEN), raise_server_exceptions=False)
        response = client.post(
            "/api/load",
            files={"file": ("a" * 300 + ".txt", b"Title: x\n\nSome text.\n", "text/plain")},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert response.status_code == 400, response.text
        assert "255" in response.json()["error"]


# --------------------------------------------------------------------------------------------------
# Soak: slow, huge and federated queries beside plain ones; the plain ones answer within a second


def test_soak_plain_queries_answer_within_a_second_beside_hostile_ones(graph: ShowGraph) -> None:
    policy = QueryPolicy(timeout=1.5, max_rows=5_000, max_queries=4)  # HUGE reaches 5,000 rows in ~0.3 s
    app = create_app(graph, policy=policy)
    hostile = [SLOW, HUGE, "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"]
    stop = threading.Event()
    statuses: list[int] = []

    with running_server(app) as url:

        def attack(offset: int) -> None:
            with httpx.Client(timeout=20) as client:
                index = offset
                while not stop.is_set() and index < offset + 40:  # bounded in count as in time
                    query = hostile[index % len(hostile)]
                    statuses.append(client.get(f"{url}/sparql", params={"query": query}).status_code)
                    index += 1

        attackers = [threading.Thread(target=attack, args=(offset,)) for offset in range(2)]
        for thread in attackers:
            thread.start()
        slowest = 0.0
        try:
            with httpx.Client(timeout=5) as client:
                deadline = time.monotonic() + 6
                plain = 0
                while time.monotonic() < deadline:
                    started = time.monotonic()
                    response = client.get(f"{url}/sparql", params={"query": PLAYS_SELECT})
                    assert response.status_code == 200, response.text
                    assert client.get(f"{url}/health").status_code == 200
                    slowest = max(slowest, time.monotonic() - started)
                    plain += 1
                    time.sleep(0.05)
        finally:
            stop.set()
            for thread in attackers:
                thread.join(timeout=10)
        assert plain >= 20 and slowest < 1.0, (plain, slowest)
        assert set(statuses) <= {403, 500, 503} and {403, 500, 503} <= set(statuses), statuses
        assert wait_until(lambda: app.state.runner.running == 0, 3.0)
