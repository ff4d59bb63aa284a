"""Throughput and memory of the whole load: read -> extract -> resolve -> RDF -> SHACL -> store.

    .venv/bin/python benchmarks/throughput.py [FOLDER ...] [--limit N] [--store DIR] [--processes N]

Default input: ../shared/corpus/bbc-news (2,083 articles) when present, else corpus/. Runs the real
``ShowGraph.load_articles`` path and times its stages by wrapping the stage functions it calls, so
the figures are of the code users run. Prints seconds and articles/second per stage and for the
whole load (parsing and rules together are "extract"; with --processes the parse runs in workers),
the facts and claims counted, and the peak resident memory of this process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from showgraph import rdf, resolve, store, validate  # noqa: E402
from showgraph.core import ShowGraph  # noqa: E402
from showgraph.nlp import extract  # noqa: E402

SECONDS: dict[str, float] = defaultdict(float)


def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SECONDS[stage] += time.perf_counter() - start

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = ROOT.parent / "shared" / "corpus" / "bbc-news"
    parser.add_argument("paths", nargs="*", default=[str(default if default.is_dir() else ROOT / "corpus")])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--store", help="store folder (default: a temporary one)")
    parser.add_argument("--processes", type=int, default=1, help="worker processes that parse articles")
    args = parser.parse_args()

    extract.facts_from_doc = timed("rules", extract.facts_from_doc)
    resolve.Catalogue.apply = timed("resolve", resolve.Catalogue.apply)
    rdf.article_graph = timed("rdf", rdf.article_graph)
    validate.validate_article = timed("validate", validate.validate_article)
    store.Store.replace_graph = timed("store", store.Store.replace_graph)

    with tempfile.TemporaryDirectory() as tmp:
        graph = ShowGraph(args.store or Path(tmp) / "store", processes=args.processes)
        start = time.perf_counter()
        articles, failures = graph.read(args.paths)
        if args.limit:
            articles = articles[: args.limit]
        read = time.perf_counter() - start
        words = sum(len(a.body.split()) for a in articles)
        start = time.perf_counter()
        _ = graph.nlp
        model = time.perf_counter() - start

        start = time.perf_counter()
        report = graph.load_articles(articles, failures=failures)
        total = time.perf_counter() - start
        n = len(articles)
        print(f"articles {n}  words {words}  failures {len(report.failures)}")
        print(f"read      {read:8.2f} s")
        print(f"model     {model:8.2f} s (once per process)")
        others = sum(SECONDS.values())
        print(f"parse     {total - others:8.2f} s  (the rest: spaCy, ranks)")
        for stage in ("rules", "resolve", "rdf", "validate", "store"):
            seconds = SECONDS[stage]
            print(f"{stage:<9} {seconds:8.2f} s  {n / seconds if seconds else 0:9.1f} articles/s")
        print(f"load      {total:8.2f} s  {n / total:9.1f} articles/s  {words / total:9.0f} words/s")
        print(
            f"facts {report.facts}  stored {report.stored}  quarantined {report.quarantined}  "
            f"quads in store {len(graph.store)}"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS  {peak:8.0f} MiB (this process; parse workers not counted)")
        graph.close()


if __name__ == "__main__":
    main()
