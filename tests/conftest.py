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
