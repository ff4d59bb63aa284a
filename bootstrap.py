#!/usr/bin/env python3
"""Set up showgraph from a fresh clone and run it: the README's two commands.

    python3 bootstrap.py demo   # install, load corpus/ into the default store, query it, draw it
    python3 bootstrap.py test   # install with test tools, lint, run the test suite

Needs only Python 3.11+ with pip. Creates `.venv/` beside this file and installs the pinned,
hash-checked lock file into it (re-installing only when the lock file changed). Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

DEMO_QUERY = """\
PREFIX sg: <https://w3id.org/showgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?actor ?character ?show WHERE {
  ?claim a sg:Claim ; sg:relation sg:plays ; sg:status sg:confirmed ;
         sg:subject ?a ; sg:object ?c .
  ?a rdfs:label ?actor . ?c rdfs:label ?character .
  OPTIONAL { ?claim sg:show/rdfs:label ?show }
} ORDER BY ?show ?actor
"""


def run(*args: str | Path, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


def install(lock: str) -> None:
    """Create the venv and install `lock` (hash-checked) plus showgraph itself, once per lock."""
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    lock_path = ROOT / "requirements" / lock
    stamp = VENV / f".installed-{lock}"
    digest = hashlib.sha256(lock_path.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    pip = [PYTHON, "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
    # --no-deps: the lock is complete; without it, pip 23.2 (bundled with Python 3.11.7) re-resolves
    # extras such as lxml[html_clean] and refuses them under --require-hashes.
    run(*pip, "--require-hashes", "--no-deps", "-r", lock_path)
    run(*pip, "--no-deps", "--editable", ".")
    stamp.write_text(digest)


def demo() -> None:
    install("lock.txt")
    showgraph = BIN / "showgraph"
    run(showgraph, "load", "corpus/the-glory-season-2.txt", "corpus/bbc-news")  # not corpus/annotated: training data
    run(showgraph, "query", DEMO_QUERY)
    run(showgraph, "viz", "--focus", "The Glory", "--depth", "2", "-o", "showgraph-glory.png")
    run(showgraph, "viz", "-o", "showgraph.html")
    print(f"wrote {ROOT / 'showgraph-glory.png'} and {ROOT / 'showgraph.html'} (open it in a browser)")


def test() -> None:
    install("lock-test.txt")
    run(BIN / "ruff", "check", "src", "tests", "benchmarks", "bootstrap.py")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run(PYTHON, "-m", "pytest", "-q", env=env)


COMMANDS = {"demo": demo, "test": test}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 {Path(__file__).name} {{{'|'.join(COMMANDS)}}}")
    try:
        COMMANDS[sys.argv[1]]()
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
