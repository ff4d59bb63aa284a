"""Ranks across articles: newer and surer claims win, denials demote, conflicts are listed."""

from __future__ import annotations

from showgraph.ranking import ClaimRow, find_conflicts, rank_claims

KEY = ("season_status", "show", None, 2)


def row(claim: str, value: str, status: str, published: str | None, key=KEY) -> ClaimRow:
    return ClaimRow(claim, value, key, status, published)


def test_a_later_confirmation_outranks_an_earlier_rumour() -> None:
    ranks = rank_claims(
        [row("rumour", "renewed", "rumored", "2020-01-01"), row("news", "renewed", "confirmed", "2020-06-01")]
    )
    assert ranks == {"rumour": "NormalRank", "news": "PreferredRank"}


def test_a_later_denial_deprecates_what_it_denies() -> None:
    key = ("cast_member", "show", None, None)
    ranks = rank_claims(
        [row("said", "person", "reported", "2020-01-01", key), row("denial", "person", "denied", "2020-02-01", key)]
    )
    assert ranks == {"said": "DeprecatedRank", "denial": "PreferredRank"}


def test_a_denial_overturned_by_a_later_confirmation_is_deprecated() -> None:
    key = ("cast_member", "show", None, None)
    ranks = rank_claims(
        [row("denial", "person", "denied", "2020-01-01", key), row("later", "person", "confirmed", "2021-01-01", key)]
    )
    assert ranks == {"denial": "DeprecatedRank", "later": "PreferredRank"}


def test_single_valued_facts_keep_only_the_newest_value_preferred() -> None:
    ranks = rank_claims(
        [row("old", "unconfirmed", "confirmed", "2019-01-01"), row("new", "renewed", "confirmed", "2019-07-01")]
    )
    assert ranks == {"old": "NormalRank", "new": "PreferredRank"}


def test_multi_valued_facts_do_not_compete() -> None:
    key = ("cast_member", "show", None, None)
    ranks = rank_claims(
        [row("a", "p1", "confirmed", "2019-01-01", key), row("b", "p2", "confirmed", "2020-01-01", key)]
    )
    assert ranks == {"a": "PreferredRank", "b": "PreferredRank"}


def test_a_later_rumour_does_not_unseat_a_confirmation() -> None:
    ranks = rank_claims([row("firm", "renewed", "confirmed", None), row("later", "renewed", "rumored", "2019-01-01")])
    assert ranks == {"firm": "PreferredRank", "later": "NormalRank"}
    ranks = rank_claims(
        [row("firm", "renewed", "confirmed", "2019-01-01"), row("later", "cancelled", "rumored", "2020-01-01")]
    )
    assert ranks == {"firm": "PreferredRank", "later": "NormalRank"}


def test_undated_claims_count_as_oldest() -> None:
    ranks = rank_claims(
        [row("undated", "renewed", "confirmed", None), row("dated", "cancelled", "confirmed", "2019-01-01")]
    )
    assert ranks == {"undated": "NormalRank", "dated": "PreferredRank"}


def test_conflicts_need_incompatible_values_and_ignore_denials() -> None:
    key = ("released_on", "show", "netflix", 1)
    rows = [row("a", "2022-12-30", "confirmed", None, key), row("b", "2022-12", "confirmed", None, key)]
    assert find_conflicts(rows) == []
    rows.append(row("c", "2023-01-05", "denied", None, key))
    assert find_conflicts(rows) == []
    rows.append(row("d", "2023-01-05", "reported", None, key))
    [conflict] = find_conflicts(rows)
    assert conflict.values == ["2022-12", "2022-12-30", "2023-01-05"]
    assert {c.claim for c in conflict.claims} == {"a", "b", "d"}


# --------------------------------------------------------------------------------------------------
# Incremental on load: only the claims sharing a statement key with the loaded article are re-ranked


def _extraction(title: str, published: str, rows: list[tuple[str, str, str, str]]):
    from showgraph.core import Extraction
    from showgraph.facts import ArticleFacts, Evidence, Fact
    from showgraph.readers import Article

    article = Article(title, f"{title}.", published=published)
    facts = [
        Fact(relation, subject, obj, status=status, evidence=Evidence(article.id, f"{title}.", 0, 5, "test"))
        for relation, subject, obj, status in rows
    ]
    return Extraction(article, ArticleFacts(article.id, facts))


def _ranks(graph) -> dict[str, str]:
    from showgraph.ranking import RANKS_GRAPH

    return {
        str(s): str(o).rsplit("#", 1)[-1]
        for s, p, o, _ in graph.store.iter_quads(RANKS_GRAPH)
        if str(p).endswith("#rank")
    }


def test_loading_re_ranks_only_the_claims_that_share_a_key_and_agrees_with_a_full_recount(monkeypatch) -> None:
    from showgraph import ranking
    from showgraph.core import ShowGraph

    with ShowGraph(":memory:") as graph:
        graph.store_extraction(_extraction("a", "2020-01-01", [("cast_member", "Glory", "Song", "rumored")]))
        graph.store_extraction(_extraction("b", "2020-01-01", [("cast_member", "Kingdom", "Ju", "confirmed")]))
        graph.update_ranks()
        assert sorted(_ranks(graph).values()) == ["PreferredRank", "PreferredRank"]

        def refuse(_store):
            raise AssertionError("re-read every claim")

        with monkeypatch.context() as patched:
            patched.setattr(ranking, "claim_rows", refuse)
            graph.store_extraction(_extraction("c", "2020-06-01", [("cast_member", "Glory", "Song", "confirmed")]))
            counts = graph.update_ranks()
            assert counts == {"NormalRank": 1, "PreferredRank": 1}  # the Glory key only, not Kingdom's claim
            # c again, now denying it: its old claim goes, the rumour is back on top... until re-ranked
            graph.store_extraction(_extraction("c", "2020-06-01", [("cast_member", "Glory", "Song", "denied")]))
            graph.update_ranks()
        incremental = _ranks(graph)
        graph.update_ranks(full=True)
        assert incremental == _ranks(graph)
        assert sorted(incremental.values()) == ["DeprecatedRank", "PreferredRank", "PreferredRank"]
