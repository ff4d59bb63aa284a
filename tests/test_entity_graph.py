"""Entities described once: the entities graph kept on load and re-load, per-article names kept."""

from __future__ import annotations

import pytest

from showgraph.core import ShowGraph
from showgraph.entity_graph import ENTITIES_GRAPH, rebuild_entities, store_article
from showgraph.facts import ArticleFacts, Evidence, Fact
from showgraph.rdf import PREFIXES, article_graph
from showgraph.readers import Article

ID = "https://w3id.org/showgraph/id/"
SONG = ID + "person/song-hye-kyo"
PREFIX = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def load(graph: ShowGraph, title: str, rows: list[tuple[str, str, str]], names: dict | None = None) -> str:
    """Store one hand-made article (no spaCy); returns its graph IRI."""
    article = Article(title, f"{title}.", published="2023-01-02")
    facts = [Fact(r, s, o, evidence=Evidence(article.id, f"{s} {r} {o}.", 0, 5, "test")) for r, s, o in rows]
    built = article_graph(article, ArticleFacts(article.id, facts, names or {}))
    store_article(graph.store, built)
    return str(built.identifier)


@pytest.fixture
def graph():
    with ShowGraph(":memory:") as g:
        yield g


def test_a_label_join_answers_once_however_many_articles_name_the_entity(graph) -> None:
    for n in range(4):
        load(graph, f"Glory news {n}", [("cast_member", "The Glory", "Song Hye-kyo")])
    labels = graph.query(PREFIX + f"SELECT ?l WHERE {{ <{SONG}> rdfs:label ?l }}").rows
    types = graph.query(PREFIX + f"SELECT ?t WHERE {{ <{SONG}> a ?t }}").rows
    assert [str(row[0]) for row in labels] == ["Song Hye-kyo"]
    assert len(types) == 1
    joined = graph.query(
        PREFIX + "SELECT ?claim ?name WHERE { ?claim a sg:Claim ; sg:object ?p . ?p rdfs:label ?name }"
    ).rows
    assert len(joined) == 4  # one row per claim, not per claim and article
    # article graphs keep claims, not descriptions
    described = graph.query(
        PREFIX + f"ASK {{ GRAPH ?g {{ <{SONG}> rdfs:label ?l }} FILTER(?g != <{ENTITIES_GRAPH}>) }}"
    )
    assert described.boolean is False


def test_which_article_called_her_what_is_kept(graph) -> None:
    a1 = load(graph, "One", [("cast_member", "The Glory", "Song Hye-kyo")], {"Song Hye-kyo": ("Person", {"Hye-kyo"})})
    a2 = load(graph, "Two", [("cast_member", "The Glory", "Song Hye-kyo")])
    rows = graph.query(
        PREFIX + f"SELECT ?g ?name WHERE {{ GRAPH ?g {{ <{SONG}> sg:articleLabel|sg:articleAltLabel ?name }} }}"
    ).rows
    assert sorted((str(g), str(n)) for g, n in rows) == sorted(
        [(a1, "Song Hye-kyo"), (a1, "Hye-kyo"), (a2, "Song Hye-kyo")]
    )
    alts = graph.query(PREFIX + f"SELECT ?a WHERE {{ <{SONG}> skos:altLabel ?a }}").rows
    assert [str(row[0]) for row in alts] == ["Hye-kyo"]


def test_the_label_is_the_name_most_articles_use(graph) -> None:
    load(graph, "A", [("cast_member", "Glory", "Song Hye-kyo")])
    load(graph, "B", [("cast_member", "The Glory", "Song Hye-kyo")])
    load(graph, "C", [("cast_member", "The Glory", "Song Hye-kyo")])
    show = ID + "show/glory"
    label = graph.query(PREFIX + f"SELECT ?l WHERE {{ <{show}> rdfs:label ?l }}").rows
    alts = graph.query(PREFIX + f"SELECT ?l WHERE {{ <{show}> skos:altLabel ?l }}").rows
    assert [str(r[0]) for r in label] == ["The Glory"] and [str(r[0]) for r in alts] == ["Glory"]
    keys = {str(r[0]) for r in graph.query(PREFIX + f"SELECT ?k WHERE {{ <{show}> sg:titleKey ?k }}").rows}
    assert keys == {"glory"}


def test_reloading_an_article_updates_and_removing_a_name_drops_it(graph) -> None:
    load(graph, "One", [("cast_member", "The Glory", "Song Hye-kyo")], {"Song Hye-kyo": ("Person", {"Hye-kyo"})})
    load(graph, "Two", [("cast_member", "Kingdom", "Ju Ji-hoon")])
    # the same article again, now naming someone else and no longer calling Song "Hye-kyo"
    load(graph, "One", [("cast_member", "The Glory", "Lee Do-hyun")])
    entities = {
        str(s)
        for (s,) in graph.query(
            PREFIX + f"SELECT DISTINCT ?s WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?s rdfs:label ?l }} }}"
        )
    }
    assert SONG not in entities  # no article names her any more
    assert {ID + "person/lee-do-hyun", ID + "person/ju-ji-hoon", ID + "show/glory"} <= entities
    before = sorted(graph.store.iter_quads(ENTITIES_GRAPH), key=str)
    rebuild_entities(graph.store)  # the incremental upkeep agrees with a rebuild from scratch
    assert sorted(graph.store.iter_quads(ENTITIES_GRAPH), key=str) == before


def test_a_class_only_one_article_read_goes_when_that_article_does(graph) -> None:
    load(graph, "One", [("platform", "The Glory", "Netflix")])  # Netflix read as a Platform
    load(graph, "Two", [("produced_by", "The Glory", "Netflix")])  # ... and as an Agent
    netflix = ID + "org/netflix"
    kinds = {str(r[0]).rsplit("#")[-1] for r in graph.query(PREFIX + f"SELECT ?k WHERE {{ <{netflix}> a ?k }}").rows}
    assert kinds == {"Platform", "Agent"}
    load(graph, "One", [("cast_member", "The Glory", "Song Hye-kyo")])
    kinds = {str(r[0]).rsplit("#")[-1] for r in graph.query(PREFIX + f"SELECT ?k WHERE {{ <{netflix}> a ?k }}").rows}
    assert kinds == {"Agent"}


def test_the_whole_store_validates_with_entities_described_once(graph) -> None:
    load(graph, "One", [("cast_member", "The Glory", "Song Hye-kyo")])
    load(graph, "Two", [("plays", "Song Hye-kyo", "Moon Dong-eun")])
    result = graph.validate()
    assert result.conforms, result.report_text


def test_named_queries_find_entities_by_key_and_answer_once(graph) -> None:
    for n in range(3):
        load(
            graph,
            f"Glory {n}",
            [("cast_member", "The Glory", "Song Hye-kyo")],
            {"Song Hye-kyo": ("Person", {"Hye-kyo"})},
        )
    found = graph.run_named("search", text="hye kyo").to_dicts()
    assert [(row["iri"], row["label"], sorted(row["names"].split(" | "))) for row in found] == [
        (SONG, "Song Hye-kyo", ["Hye-kyo", "Song Hye-kyo"])
    ]
    cast = graph.run_named("cast", show="glory").to_dicts()
    assert [(row["personIri"], row["articles"]) for row in cast] == [(SONG, 3)]
    credits = graph.run_named("credits", person="HYE-KYO").to_dicts()
    assert [(row["showLabel"], row["articles"]) for row in credits] == [("The Glory", 3)]


def test_a_store_written_the_old_way_is_upgraded(graph) -> None:
    article = Article("Old", "Old.", published="2023-01-02")
    fact = Fact("cast_member", "The Glory", "Song Hye-kyo", evidence=Evidence(article.id, "Old.", 0, 4, "test"))
    built = article_graph(article, ArticleFacts(article.id, [fact]))
    graph.store.replace_graph(str(built.identifier), built)  # descriptions inside the article graph
    assert graph.run_named("search", text="song").rows == []
    from showgraph.entity_graph import upgrade_store

    assert upgrade_store(graph.store) == 1
    assert [row["iri"] for row in graph.run_named("search", text="song").to_dicts()] == [SONG]
    assert upgrade_store(graph.store) == 0
