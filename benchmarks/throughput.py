"""Throughput and memory of the whole load: read -> extract -> RDF -> SHACL -> store.

    .venv/bin/python benchmarks/throughput.py [FOLDER ...] [--limit N] [--store DIR] [--processes N]

Default input: ../shared/corpus/bbc-news (2,083 articles) when present, else corpus/. Prints
articles/second and words/second for each stage (timed in this process around the same calls the
loader makes) and for the whole load, the facts and claims counted, and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from showgraph.core import Extraction, ShowGraph  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = ROOT.parent / "shared" / "corpus" / "bbc-news"
    parser.add_argument("paths", nargs="*", default=[str(default if default.is_dir() else ROOT / "corpus")])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--store", help="store folder (default: a temporary one)")
    parser.add_argument("--processes", type=int, default=1, help="worker processes that parse articles")
    args = parser.parse_args()

    from showgraph.rdf import article_graph
    from showgraph.validate import validate_article

    with tempfile.TemporaryDirectory() as tmp:
        graph = ShowGraph(args.store or Path(tmp) / "store", processes=args.processes)
        t0 = time.perf_counter()
        articles, failures = graph.read(args.paths)
        if args.limit:
            articles = articles[: args.limit]
        t_read = time.perf_counter() - t0
        words = sum(len(a.body.split()) for a in articles)

        t0 = time.perf_counter()
        _ = graph.nlp
        t_model = time.perf_counter() - t0

        timings = {"extract": 0.0, "rdf": 0.0, "validate": 0.0, "store": 0.0}
        facts = stored = quarantined = 0
        t_all = time.perf_counter()
        t0 = time.perf_counter()
        for item in graph.extract_articles(articles):
            t1 = time.perf_counter()
            timings["extract"] += t1 - t0
            if not isinstance(item, Extraction):
                failures.append(item)
                t0 = time.perf_counter()
                continue
            g = article_graph(item.article, item.facts)
            t2 = time.perf_counter()
            checked = validate_article(g)
            t3 = time.perf_counter()
            from showgraph.rdf import graph_iri, quarantine_iri

            graph.store.replace_graph(
                str(graph_iri(item.article.id)),
                checked.accepted,
                extra={str(quarantine_iri(item.article.id)): checked.quarantine},
            )
            t4 = time.perf_counter()
            timings["rdf"] += t2 - t1
            timings["validate"] += t3 - t2
            timings["store"] += t4 - t3
            facts += len(item.facts.facts)
            quarantined += checked.quarantined_count
            stored += len(item.facts.facts) - checked.quarantined_count
            t0 = time.perf_counter()
        total = time.perf_counter() - t_all
        n = len(articles)
        print(f"articles {n}  words {words}  read failures {len(failures)}")
        print(f"read      {t_read:8.2f} s")
        print(f"model     {t_model:8.2f} s (once per process)")
        for stage, seconds in timings.items():
            print(f"{stage:<9} {seconds:8.2f} s  {n / seconds if seconds else 0:9.1f} articles/s")
        print(f"load      {total:8.2f} s  {n / total:9.1f} articles/s  {words / total:9.0f} words/s")
        print(f"facts {facts}  stored {stored}  quarantined {quarantined}  quads in store {len(graph.store)}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS  {peak:8.0f} MiB")
        graph.close()


if __name__ == "__main__":
    main()
