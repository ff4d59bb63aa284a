"""The store as a network: nodes, edges, filters, focus, paths, statistics, browser JSON."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, URIRef

from showgraph.errors import EntityNotFoundError, QueryError
from showgraph.network import (
    IN_SHOW,
    KIND_COLOURS,
    STATUS_STYLES,
    describe_path,
    find_path,
    load_network_data,
    resolve_entities,
    to_cytoscape,
)

ID = "https://w3id.org/showgraph/id/"
GLORY, LUNA = ID + "show/glory", ID + "show/hotel-del-luna"
SONG, LEE, IU, AHN, JUNG = (
    ID + f"person/{p}" for p in ("song-hye-kyo", "lee-do-hyun", "iu", "ahn-gil-ho", "jung-ji-so")
)
TVN, NETFLIX = ID + "org/tvn", ID + "org/netflix"
GO_CHUNG_MYUNG = ID + "character/go-chung-myung"
SG = "https://w3id.org/showgraph/ontology#"


def test_entities_are_nodes_with_kind_colour_and_label(tiny_graph) -> None:
    graph = tiny_graph.network()
    assert graph.number_of_nodes() == 14
    assert graph.nodes[GLORY]["label"] == "The Glory"
    assert graph.nodes[GLORY]["kind"] == "Show"
    assert graph.nodes[GLORY]["colour"] == KIND_COLOURS["Show"]
    assert graph.nodes[NETFLIX]["kind"] == "Platform"
    assert graph.nodes[IU]["alt_labels"] == "Lee Ji-eun"
    assert not [n for n in graph if "/article/" in n]  # articles are provenance, not nodes


def test_claims_are_edges_with_status_and_source(tiny_graph) -> None:
    graph = tiny_graph.network()
    denied = [a for u, v, a in graph.edges(data=True) if (u, v) == (LUNA, SONG)]
    assert len(denied) == 1
    edge = denied[0]
    assert (edge["relation"], edge["status"], edge["line"]) == ("cast_member", "denied", "dotted")
    assert edge["article"] == tiny_graph.articles["luna"]
    assert edge["article_title"] == "Hotel del Luna star cast"
    assert edge["evidence"] == "Hotel del Luna cast_member Song Hye-kyo."
    rumored = {(u, v, a["relation"]) for u, v, a in graph.edges(data=True) if a["status"] == "rumored"}
    assert rumored == {(JUNG, ID + "character/ye-sol", "plays"), (ID + "character/ye-sol", GLORY, IN_SHOW)}
    assert all(STATUS_STYLES[a["status"]].line == a["line"] for *_, a in graph.edges(data=True))


def test_literal_facts_are_node_attributes_with_their_status(tiny_graph) -> None:
    graph = tiny_graph.network()
    assert graph.nodes[GLORY]["released_on"] == "2022-12-30"
    assert graph.nodes[AHN]["accused_of"] == "school bullying (alleged)"


def test_focus_depth_one_has_exactly_the_neighbours(tiny_graph) -> None:
    graph = tiny_graph.network(focus="hotel del luna", depth=1)
    assert set(graph) == {LUNA, LEE, IU, SONG, TVN, GO_CHUNG_MYUNG}
    assert set(tiny_graph.network(focus="Hotel del Luna", depth=0)) == {LUNA}
    two = set(tiny_graph.network(focus="Hotel del Luna", depth=2))
    assert GLORY in two and AHN not in two


def test_focus_by_iri_alternative_label_or_spelling(tiny_graph) -> None:
    by_iri = set(tiny_graph.network(focus=IU, depth=1))
    assert by_iri == {IU, LUNA}
    assert set(tiny_graph.network(focus="lee ji-eun", depth=1)) == by_iri
    assert set(tiny_graph.network(focus="sgid:person/iu", depth=1)) == by_iri
    assert set(tiny_graph.network(focus="Lee Do Hyun", depth=0)) == {LEE}


def test_an_unknown_focus_names_the_nearest_entities(tiny_graph) -> None:
    with pytest.raises(EntityNotFoundError) as error:
        tiny_graph.network(focus="Song Hye-ko")
    assert error.value.code == "SG304"
    assert "Song Hye-kyo" in str(error.value)
    with pytest.raises(EntityNotFoundError):
        tiny_graph.network(focus=ID + "person/nobody")


def test_filters_by_status_relation_show_and_article(tiny_graph) -> None:
    rumored = tiny_graph.network(statuses=["rumored"])
    assert rumored.number_of_edges() == 2
    plays = tiny_graph.network(relations=["plays"])
    assert {a["relation"] for *_, a in plays.edges(data=True)} == {"plays", IN_SHOW}
    luna = tiny_graph.network(show="hotel del luna")
    assert GLORY not in luna
    assert (LEE, GO_CHUNG_MYUNG) in {(u, v) for u, v in luna.edges()}  # via the plays claim's show qualifier
    glory_article = tiny_graph.network(article=tiny_graph.articles["glory"])
    assert LUNA not in glory_article and GLORY in glory_article
    with pytest.raises(QueryError, match="unknown relation"):
        tiny_graph.network(relations=["knows"])
    with pytest.raises(QueryError, match="unknown status"):
        tiny_graph.network(statuses=["maybe"])


def test_path_between_actors_goes_through_the_shared_show_not_the_denied_role(tiny_graph) -> None:
    steps = tiny_graph.path("Song Hye-kyo", "IU")
    walked = [steps[0].source] + [step.target for step in steps]
    assert walked == [SONG, GLORY, LEE, LUNA, IU]
    assert all(step.status != "denied" for step in steps)
    assert steps[0].character == "Moon Dong-eun"  # the role in the show, from the plays claim
    assert steps[1].character == "Joo Yeo-jeong"
    text = describe_path(steps)
    assert "Song Hye-kyo is in the cast of The Glory (as Moon Dong-eun)" in text
    assert "IU is in the cast of Hotel del Luna" in text
    with_denied = tiny_graph.path("Song Hye-kyo", "IU", statuses=["confirmed", "denied"])
    assert [s.target for s in with_denied] == [LUNA, IU]
    assert with_denied[0].status == "denied"


def test_path_uses_weak_claims_only_when_needed_and_says_so(tiny_graph) -> None:
    steps = tiny_graph.path("Jung Ji-so", "Song Hye-kyo")
    assert [s.status for s in steps][:2] == ["rumored", "rumored"]
    assert "[rumored]" in describe_path(steps)
    assert steps[0].to_dict()["relation"] == "plays"


def test_path_between_unconnected_or_same_entities_is_empty(tiny_graph) -> None:
    assert tiny_graph.path("IU", "Ahn Gil-ho", statuses=["alleged"]) == []
    assert tiny_graph.path("IU", "Lee Ji-eun") == []
    assert describe_path([]) == "not connected"


def test_network_stats_rank_the_shared_actor_and_the_bigger_show(tiny_graph) -> None:
    stats = tiny_graph.network_stats()
    assert stats["components"] == 1
    assert stats["central_people"][0]["iri"] == LEE
    assert stats["central_shows"][0]["iri"] == GLORY
    assert stats["shared_cast"] == [
        {"shows": ["The Glory", "Hotel del Luna"], "iris": [GLORY, LUNA], "shared": 1, "people": ["Lee Do-hyun"]}
    ]
    assert stats["edges"] == tiny_graph.network().number_of_edges() - 1  # the denied claim is left out
    json.dumps(stats)


def test_deprecated_claims_are_kept_in_the_picture_but_not_walked(tiny_graph) -> None:
    claim = next(key for u, v, key in tiny_graph.network().edges(keys=True) if (u, v) == (GLORY, LEE))
    ranks = Graph()
    ranks.add((URIRef(claim), URIRef(SG + "rank"), URIRef(SG + "DeprecatedRank")))
    tiny_graph.store.replace_graph("https://w3id.org/showgraph/ranks", ranks)
    edge = tiny_graph.network().edges[GLORY, LEE, claim]
    assert edge["rank"] == "deprecated"
    steps = tiny_graph.path("Song Hye-kyo", "IU")
    assert [s.relation for s in steps][1:3] == ["in_show", "plays"]  # around the deprecated cast claim


def test_resolve_prefers_exact_labels(tiny_graph) -> None:
    data = load_network_data(tiny_graph)
    assert resolve_entities(data, "IU") == [IU]
    assert resolve_entities(data, "the glory", kinds=["Show"]) == [GLORY]
    with pytest.raises(EntityNotFoundError, match="no Show is called"):
        resolve_entities(data, "IU", kinds=["Show"])
    assert find_path(data, "IU", "IU") == []


def test_cytoscape_json_is_consistent_and_serialisable(tiny_graph) -> None:
    graph = tiny_graph.network()
    data = to_cytoscape(graph)
    node_ids = [n["data"]["id"] for n in data["nodes"]]
    assert len(node_ids) == len(set(node_ids)) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert all(e["data"]["source"] in node_ids and e["data"]["target"] in node_ids for e in data["edges"])
    assert {"label", "kind", "colour"} <= set(data["nodes"][0]["data"])
    edge = data["edges"][0]["data"]
    assert {"label", "status", "line", "colour", "source_label", "target_label"} <= set(edge)
    assert set(data["legend"]["statuses"]) == {"confirmed", "reported", "rumored", "denied"}
    assert json.loads(json.dumps(data)) == data


def test_network_data_is_reused_until_the_store_changes(tiny_graph) -> None:
    first = tiny_graph.network_data()
    assert tiny_graph.network_data() is first  # nothing written: no second read of the store
    article = next(iter(tiny_graph.articles.values()))
    tiny_graph.store.drop_graph(article)
    after = tiny_graph.network_data()
    assert after is not first
    assert len(after.claims) < len(first.claims)  # the dropped article's claims are gone from the views


def _store_articles(graph, articles) -> dict[str, str]:
    """Articles (headline, facts as (relation, subject, object), named people) into the graph's store."""
    from showgraph.entity_graph import store_article
    from showgraph.facts import ArticleFacts, Evidence, Fact
    from showgraph.rdf import article_graph, graph_iri
    from showgraph.readers import Article

    iris = {}
    for title, rows, people in articles:
        sentences = [f"{s} {r} {o}." for r, s, o in rows]
        article = Article(title, " ".join(sentences), url=None, published="2023-01-02")
        facts, offset = [], 0
        for (relation, subject, obj), sentence in zip(rows, sentences, strict=True):
            evidence = Evidence(article.id, sentence, offset, offset + len(sentence), f"{relation}.test", ())
            offset += len(sentence) + 1
            facts.append(Fact(relation, subject, obj, evidence=evidence))
        entities = {name: ("Person", {name}) for name in people}
        store_article(graph.store, article_graph(article, ArticleFacts(article.id, facts, entities)))
        iris[title] = str(graph_iri(article.id))
    return iris


def test_path_goes_through_an_article_naming_both_rather_than_a_long_chain_of_claims() -> None:
    from showgraph.core import ShowGraph
    from showgraph.network import NAMED_TOGETHER, find_path_in_store

    graph = ShowGraph(":memory:")
    try:
        iris = _store_articles(
            graph,
            [
                ("Quiz returns", [("cast_member", "Big Quiz", "Matt Lucas"), ("platform", "Big Quiz", "BBC One")], []),
                (
                    "Drama cast",
                    [("cast_member", "Dark Drama", "Catherine Tate"), ("platform", "Dark Drama", "BBC One")],
                    [],
                ),
                (
                    "Comedy stars line up for charity night",
                    [("age", "Matt Lucas", "50")],
                    ["Matt Lucas", "Catherine Tate"],
                ),
            ],
        )
        steps = graph.path("Matt Lucas", "Catherine Tate")
        assert len(steps) == 1  # not Big Quiz -> BBC One -> Dark Drama
        (hop,) = steps
        assert (hop.source_label, hop.target_label, hop.relation) == ("Matt Lucas", "Catherine Tate", NAMED_TOGETHER)
        assert hop.article == iris["Comedy stars line up for charity night"] and hop.claim == ""
        assert describe_path(steps) == (
            "1. Matt Lucas and Catherine Tate are both named in one article — Comedy stars line up for charity night"
        )
        assert find_path(load_network_data(graph, named_in=True), "Matt Lucas", "Catherine Tate") == steps
        # asked for claims of some statuses, the path is made of claims only
        claims = find_path_in_store(graph, "Matt Lucas", "Catherine Tate", statuses=["confirmed"])
        assert [s.relation for s in claims] == ["cast_member", "platform", "platform", "cast_member"]
        # a short chain of claims wins over the article
        _store_articles(graph, [("Reunion", [("cast_member", "Dark Drama", "Matt Lucas")], [])])
        assert [s.relation for s in graph.path("Matt Lucas", "Catherine Tate")] == ["cast_member", "cast_member"]
    finally:
        graph.close()


def test_path_prefers_claims_to_an_article_naming_both(tiny_graph) -> None:
    # "Hotel del Luna star cast" names Song Hye-kyo and IU; four stated claims are still the path
    steps = tiny_graph.path("Song Hye-kyo", "IU")
    assert len(steps) == 4 and all(step.relation != "named_together" for step in steps)
