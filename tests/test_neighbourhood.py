"""Views read what they show: focus, path and the entity view read a neighbourhood by SPARQL, not the store."""

from __future__ import annotations

import pytest

from showgraph import network
from showgraph.errors import EntityNotFoundError
from showgraph.network import (
    NAMED_TOGETHER,
    build_network,
    find_path,
    find_path_in_store,
    load_network_data,
    resolve_in_store,
)

ID = "https://w3id.org/showgraph/id/"
GLORY, LUNA, IU = ID + "show/glory", ID + "show/hotel-del-luna", ID + "person/iu"


@pytest.fixture
def no_whole_store(monkeypatch):
    """Reading the whole store fails the test."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("read the whole store")

    monkeypatch.setattr(network, "load_network_data", refuse)


def _picture(graph) -> tuple[set[str], set[str]]:
    return set(graph.nodes), {key for *_, key in graph.edges(keys=True)}


@pytest.mark.parametrize("focus", ["Hotel del Luna", "IU", "Song Hye-kyo", "lee ji-eun", ID + "show/glory"])
@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_a_focus_read_by_sparql_draws_what_the_whole_graph_draws(tiny_graph, focus, depth) -> None:
    whole = build_network(load_network_data(tiny_graph), focus=focus, depth=depth)
    near = tiny_graph.network(focus=focus, depth=depth)
    assert _picture(near) == _picture(whole)
    assert dict(near.nodes(data=True)) == dict(whole.nodes(data=True))


def test_filters_combine_with_a_focus_read_by_sparql(tiny_graph) -> None:
    whole = build_network(load_network_data(tiny_graph), focus="Lee Do-hyun", depth=2, show="The Glory")
    assert _picture(tiny_graph.network(focus="Lee Do-hyun", depth=2, show="The Glory")) == _picture(whole)
    whole = build_network(load_network_data(tiny_graph), focus="Lee Do-hyun", depth=2, statuses=["confirmed"])
    assert _picture(tiny_graph.network(focus="Lee Do-hyun", depth=2, statuses=["confirmed"])) == _picture(whole)


def test_focus_path_and_names_never_read_the_whole_store(tiny_graph, no_whole_store) -> None:
    assert LUNA in tiny_graph.network(focus="Hotel del Luna", depth=2)
    assert [s.target for s in tiny_graph.path("Song Hye-kyo", "IU")][-1] == IU
    assert resolve_in_store(tiny_graph, "the glory", kinds=["Show"]) == [GLORY]


@pytest.mark.parametrize(
    ("a", "b", "statuses"),
    [
        ("Song Hye-kyo", "IU", None),
        ("Song Hye-kyo", "IU", ["confirmed", "denied"]),
        ("Jung Ji-so", "Song Hye-kyo", None),
        ("IU", "Ahn Gil-ho", ["alleged"]),
        ("IU", "Lee Ji-eun", None),
    ],
)
def test_a_path_read_between_the_ends_is_the_whole_graphs_path(tiny_graph, a, b, statuses) -> None:
    whole = find_path(load_network_data(tiny_graph, named_in=True), a, b, statuses=statuses)
    assert find_path_in_store(tiny_graph, a, b, statuses=statuses) == whole


def test_a_path_is_not_looked_for_beyond_the_hop_limit(tiny_graph) -> None:
    assert len(find_path_in_store(tiny_graph, "Song Hye-kyo", "IU")) == 4
    assert len(find_path_in_store(tiny_graph, "Song Hye-kyo", "IU", max_hops=3)) == 4  # 3 hops grown, one between
    # beyond the limit the chain of claims is not found; the article naming both is the last resort
    (hop,) = find_path_in_store(tiny_graph, "Song Hye-kyo", "IU", max_hops=2)
    assert (hop.relation, hop.article_title) == (NAMED_TOGETHER, "Hotel del Luna star cast")
    assert find_path_in_store(tiny_graph, "Song Hye-kyo", "IU", max_hops=2, statuses=["confirmed"]) == []


def test_names_resolve_by_key_and_unknown_ones_name_the_nearest(tiny_graph) -> None:
    assert resolve_in_store(tiny_graph, "IU") == [IU]
    assert resolve_in_store(tiny_graph, "Lee Ji Eun") == [IU]
    with pytest.raises(EntityNotFoundError, match="Song Hye-kyo"):
        resolve_in_store(tiny_graph, "Song Hye-ko")
    with pytest.raises(EntityNotFoundError, match="no Show is called"):
        resolve_in_store(tiny_graph, "IU", kinds=["Show"])
    with pytest.raises(EntityNotFoundError, match="IRI"):
        resolve_in_store(tiny_graph, ID + "person/nobody")


def test_the_network_cache_follows_loads_instead_of_reading_the_store_again(monkeypatch) -> None:
    from showgraph.core import ShowGraph
    from test_ranking import _extraction

    with ShowGraph(":memory:") as graph:
        graph.store_extraction(_extraction("a", "2020-01-01", [("cast_member", "Glory", "Song", "rumored")]))
        graph.update_ranks()
        graph.network_data()  # read once, whole

        def refuse(*_args, **_kwargs):
            raise AssertionError("read the whole store again")

        with monkeypatch.context() as patched:
            patched.setattr(network, "load_network_data", refuse)
            graph.store_extraction(_extraction("b", "2020-06-01", [("cast_member", "Glory", "Song", "confirmed")]))
            graph.store_extraction(_extraction("a", "2020-01-01", [("cast_member", "Glory", "Lee", "rumored")]))
            graph.update_ranks()
            followed = graph.network_data()
        fresh = load_network_data(graph)
        assert followed.claims == fresh.claims
        assert followed.entities == fresh.entities
        assert followed.articles == fresh.articles
        assert {c.rank for c in followed.claims} == {"preferred"}
        graph.store.drop_graph(next(iter(followed.articles)))  # a write made otherwise: read again
        assert len(graph.network_data().claims) == 1
