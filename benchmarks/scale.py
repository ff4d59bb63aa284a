"""Does cost grow with the work or with the store? Ratios of the same operations on a 1x and an Nx store.

    .venv/bin/python benchmarks/scale.py [--store DIR | --corpus FOLDER --limit N] [--times N] [--processes N]

The 1x store is ``--store`` (a store loaded by showgraph) or, by default, the first ``--limit``
articles (300, entertainment first) of ../shared/corpus/bbc-news when present (else corpus/), loaded
here. From it two
Nx stores are made by copying its article graphs N times (``--times``, default 10), each copy with
its own article and claim IRIs:

- ``distinct``: each copy also has its own entities (IRIs and names get a copy suffix), so a named
  query for one show or person has as much to answer as at 1x, in a store N times bigger;
- ``shared``: every copy names the same entities (BBC News in N times as many articles), so the
  answers themselves grow N times (cast of a show: N times the articles).

The entities graph and the ranks graph of each copy are rebuilt from its article graphs. Then, in
this one process, it times each named query, one more article into an empty, the 1x and the Nx
store (``store_extraction`` and ``update_ranks``, the article already parsed), ``viz --focus``
(network around an entity, depth 2, drawn as HTML), ``path`` and ``/api/entity`` (entity-facts and
the depth-1 network), and prints each time with its ratio to 1x. Times are the best of three runs
after a warm-up. A default run takes a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pyoxigraph as ox  # noqa: E402

from showgraph.core import ShowGraph  # noqa: E402
from showgraph.entity_graph import ENTITIES_GRAPH, rebuild_entities  # noqa: E402
from showgraph.ranking import RANKS_GRAPH  # noqa: E402

SGART = "https://w3id.org/showgraph/article/"
SGQ = "https://w3id.org/showgraph/quarantine/"
SGID = "https://w3id.org/showgraph/id/"
SG = "https://w3id.org/showgraph/ontology#"
NAME_PREDICATES = {SG + "articleLabel", SG + "articleAltLabel"}
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news"


# --------------------------------------------------------------------------------------------------
# Making an Nx store


def _copy_iri(iri: str, copy: int, distinct: bool) -> str:
    """The IRI in copy ``copy``: articles, claims and quarantine graphs always get their own; entities
    only in the distinct variant. Copy 0 keeps the original IRIs."""
    if copy == 0:
        return iri
    for base in (SGART, SGQ):
        if iri.startswith(base):
            rest = iri[len(base) :]
            head, slash, tail = rest.partition("/")
            return f"{base}{head}-x{copy}{slash}{tail}"
    if distinct and iri.startswith(SGID):
        return f"{iri}-x{copy}"
    return iri


def _copy_term(term: Any, copy: int, distinct: bool) -> Any:
    if isinstance(term, ox.NamedNode):
        new = _copy_iri(term.value, copy, distinct)
        return term if new == term.value else ox.NamedNode(new)
    return term


def _copies(source: ox.Store, times: int, distinct: bool) -> Iterator[ox.Quad]:
    skipped = {ENTITIES_GRAPH, RANKS_GRAPH}
    quads = [
        q
        for q in source.quads_for_pattern(None, None, None, None)
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in skipped
    ]
    for copy in range(times):
        for q in quads:
            obj = q.object
            if distinct and copy and q.predicate.value in NAME_PREDICATES and isinstance(obj, ox.Literal):
                obj = ox.Literal(f"{obj.value} x{copy}")  # its own names too, so a name finds one copy
            yield ox.Quad(
                _copy_term(q.subject, copy, distinct),
                q.predicate,
                _copy_term(obj, copy, distinct),
                _copy_term(q.graph_name, copy, distinct),
            )


def make_copy(source_dir: Path, target_dir: Path, times: int, *, distinct: bool) -> None:
    """An Nx store at ``target_dir`` from the store at ``source_dir``, entities and ranks rebuilt."""
    shutil.rmtree(target_dir, ignore_errors=True)
    source = ox.Store.read_only(str(source_dir))
    target = ox.Store(str(target_dir))
    target.bulk_extend(_copies(source, times, distinct))
    target.flush()
    del source, target
    with ShowGraph(target_dir) as graph:
        rebuild_entities(graph.store)
        graph.update_ranks(full=True)


# --------------------------------------------------------------------------------------------------
# Timing


def best_of(function: Callable[[], Any], runs: int = 3) -> float:
    function()  # warm-up: caches, lazy imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def choose_parameters(graph: ShowGraph) -> dict[str, Any]:
    """Entities to ask about, picked from the 1x store: the most claimed show and person, and the
    entity most articles mention."""

    def top(kind: str) -> tuple[str, str]:
        rows = graph.query(
            f"PREFIX sg: <{SG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            f"SELECT ?e (SAMPLE(?l) AS ?label) (COUNT(?c) AS ?n) WHERE {{ ?e a sg:{kind} ; rdfs:label ?l . "
            "?c a sg:Claim ; sg:subject|sg:object ?e } GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT 1"
        ).rows
        return str(rows[0][0]), str(rows[0][1])

    show_iri, show = top("Show")
    person_iri, person = top("Person")
    busiest = graph.query(
        f"PREFIX sg: <{SG}> SELECT ?e (COUNT(?c) AS ?n) WHERE {{ ?c a sg:Claim ; sg:subject|sg:object ?e . "
        f'FILTER(STRSTARTS(STR(?e), "{SGID}")) }} GROUP BY ?e ORDER BY DESC(?n) LIMIT 1'
    ).rows
    return {
        "show": show,
        "show_iri": show_iri,
        "person": person,
        "person_iri": person_iri,
        "busiest": str(busiest[0][0]),
    }


def operations(params: dict[str, Any], workdir: Path) -> dict[str, Callable[[ShowGraph], Any]]:
    from starlette.testclient import TestClient

    from showgraph.web import create_app

    clients: dict[int, TestClient] = {}

    def api_entity(graph: ShowGraph) -> Any:
        client = clients.setdefault(id(graph), TestClient(create_app(graph)))
        response = client.get("/api/entity", params={"iri": params["busiest"], "depth": "1"})
        assert response.status_code == 200, response.text
        return response.json()

    return {
        "query cast": lambda g: g.run_named("cast", show=params["show"]),
        "query credits": lambda g: g.run_named("credits", person=params["person"]),
        "query timeline": lambda g: g.run_named("timeline", show=params["show"]),
        "query allegations": lambda g: g.run_named("allegations"),
        "query platforms": lambda g: g.run_named("platforms"),
        "query entity-facts (busiest)": lambda g: g.run_named("entity-facts", entity=params["busiest"]),
        "query search 'an'": lambda g: g.run_named("search", text="an"),
        "query search person": lambda g: g.run_named("search", text=params["person"]),
        "viz --focus person -d 2": lambda g: g.draw(workdir / "focus.html", focus=params["person"], depth=2),
        "path person -> show": lambda g: g.path(params["person"], params["show"]),
        "/api/entity (busiest)": api_entity,
    }


def one_more_article(graph: ShowGraph, extractions: list[Any]) -> float:
    """Seconds to store the extractions (already parsed) one by one and update ranks after each."""
    start = time.perf_counter()
    for extraction in extractions:
        graph.store_extraction(extraction)
        graph.update_ranks()
    return (time.perf_counter() - start) / len(extractions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a loaded showgraph store to scale (left unchanged)")
    parser.add_argument("--corpus", type=Path, help="articles to load when no --store is given")
    parser.add_argument("--limit", type=int, default=300, help="articles to load when no --store (0: all)")
    parser.add_argument("--times", type=int, default=10, help="N, how many copies the big stores hold")
    parser.add_argument("--processes", type=int, default=1, help="parsing processes when loading")
    parser.add_argument("--extra", type=int, default=3, help="articles timed as 'one more article'")
    parser.add_argument("--work", type=Path, help="folder for the stores (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="reuse the Nx stores already made in --work")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="showgraph-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = args.corpus or (SHARED_CORPUS if SHARED_CORPUS.is_dir() else ROOT / "corpus")
    articles, _ = ShowGraph.read([corpus])
    # the entertainment articles first: they are the ones with shows, people and roles
    articles.sort(key=lambda a: ("entertainment" not in (a.path or ""), a.path or a.id))
    if args.store:
        base = work / "1x"
        shutil.rmtree(base, ignore_errors=True)
        shutil.copytree(args.store, base)
        with ShowGraph(base) as graph:
            stored = {str(row[0]) for row in graph.query(f"SELECT ?a WHERE {{ ?a a <{SG}Article> }}").rows}
        spare = [a for a in articles if f"{SGART}{a.id}" not in stored][: args.extra]
        if len(spare) < args.extra:  # the whole corpus is in the store: take the project's own articles
            own, _ = ShowGraph.read([ROOT / "corpus"])
            spare += [a for a in own if f"{SGART}{a.id}" not in stored][: args.extra - len(spare)]
    else:
        limit = args.limit or len(articles)
        base = work / "1x"
        shutil.rmtree(base, ignore_errors=True)
        print(f"loading {limit} articles from {corpus} into {base} ...", file=sys.stderr)
        start = time.perf_counter()
        with ShowGraph(base, processes=args.processes) as graph:
            graph.load_articles(articles[:limit])
        print(f"  {time.perf_counter() - start:.0f} s", file=sys.stderr)
        spare = articles[limit : limit + args.extra]

    stores = {"1x": base}
    for variant in ("distinct", "shared"):
        target = work / f"{args.times}x-{variant}"
        if args.reuse and (target / ".made").exists():
            print(f"reusing {target}", file=sys.stderr)
        else:
            print(f"making {target} ...", file=sys.stderr)
            start = time.perf_counter()
            make_copy(base, target, args.times, distinct=variant == "distinct")
            (target / ".made").touch()
            print(f"  {time.perf_counter() - start:.0f} s", file=sys.stderr)
        stores[f"{args.times}x {variant}"] = target

    with ShowGraph(base) as graph:
        params = choose_parameters(graph)
        extractions = [e for e in graph.extract_articles(spare) if hasattr(e, "facts")]
        sizes = {name: 0 for name in stores}
    print(f"asking about: show {params['show']!r}, person {params['person']!r}, busiest {params['busiest']}")

    ops = operations(params, work)
    results: dict[str, dict[str, float]] = {op: {} for op in ops}
    results["one more article (store + ranks)"] = {}
    with ShowGraph(":memory:") as graph:
        one_more_article(graph, extractions)  # warm-up: shapes, catalogue, imports
    empty = work / "empty"
    shutil.rmtree(empty, ignore_errors=True)
    with ShowGraph(empty) as graph:
        results["one more article (store + ranks)"]["empty"] = one_more_article(graph, extractions)
    for name, path in stores.items():
        with ShowGraph(path) as graph:
            sizes[name] = len(graph.store)
            for op, function in ops.items():
                results[op][name] = best_of(lambda graph=graph, function=function: function(graph))
            results["one more article (store + ranks)"][name] = one_more_article(graph, extractions)

    names = list(stores)
    print()
    print(" | ".join(f"{name}: {sizes[name]:,} quads" for name in names))
    header = f"{'operation':36} {'empty':>8} " + " ".join(f"{n:>12}" for n in names) + "  ratios to 1x"
    print(header)
    print("-" * len(header))
    for op, by_store in results.items():
        one = by_store["1x"]
        cells = " ".join(f"{by_store[n] * 1000:10.1f}ms" for n in names)
        empty_cell = f"{by_store['empty'] * 1000:6.1f}ms" if "empty" in by_store else " " * 8
        ratios = " ".join(f"{by_store[n] / one:5.2f}x" for n in names[1:])
        if "empty" in by_store:
            ratios += f"  (1x vs empty {one / by_store['empty']:.2f}x)"
        print(f"{op:36} {empty_cell} {cells}  {ratios}")
    worst = max(statistics.mean(by_store[n] / by_store["1x"] for n in names[1:]) for by_store in results.values())
    print(f"\nworst mean Nx/1x ratio: {worst:.2f}x; stores in {work}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
