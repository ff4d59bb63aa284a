"""Validation: shapes accept what graph building writes, reject what breaks them, and the split
quarantines exactly the bad claims."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from showgraph.facts import RELATIONS, STATUSES, ArticleFacts, Evidence, Fact
from showgraph.rdf import (
    OBJECT_KINDS,
    SG,
    SUBJECT_KINDS,
    article_graph,
    claim_iri,
    entity_iri,
    graph_iri,
    quarantine_iri,
)
from showgraph.readers import Article
from showgraph.validate import shapes_graph, validate_article, validate_graph

SH_RESULT = URIRef("http://www.w3.org/ns/shacl#result")
BODY = "Song Hye-kyo plays Moon Dong-eun in The Glory. It arrives on Netflix in December 2022."
ARTICLE = Article("The Glory", BODY, source="Variety", published="2023-03-10")


def evidence(start: int = 0, end: int = 46, sentence: str = BODY[:46]) -> Evidence:
    return Evidence(ARTICLE.id, sentence, start, end, "test.rule")


def good_facts() -> list[Fact]:
    return [
        Fact("plays", "Song Hye-kyo", "Moon Dong-eun", {"show": "The Glory", "season": 1}, evidence=evidence()),
        Fact("cast_member", "The Glory", "Song Hye-kyo", evidence=evidence()),
        Fact(
            "released_on",
            "The Glory",
            "2022-12-30",
            {"season": 1, "platform": "Netflix"},
            evidence=evidence(47, 87, BODY[47:]),
        ),
        Fact("accused_of", "Ahn Gil-ho", "bullying", {"date": "2023-03"}, status="alleged", evidence=evidence()),
    ]


def build(*extra: Fact) -> Graph:
    return article_graph(ARTICLE, ArticleFacts(ARTICLE.id, [*good_facts(), *extra]))


def claims_of(graph: Graph) -> set:
    return set(graph.subjects(RDF.type, SG.Claim))


def test_good_graph_conforms_and_is_accepted_whole() -> None:
    graph = build()
    result = validate_article(graph)
    assert result.conforms, result.report_text
    assert (result.count, result.problems, result.reasons) == (0, [], [])
    assert set(result.accepted) == set(graph)
    assert len(result.quarantine) == 0
    assert result.accepted.identifier == graph_iri(ARTICLE.id)
    assert result.quarantine.identifier == quarantine_iri(ARTICLE.id)


BAD_CASES = {
    "season two": (
        Fact("cast_member", "The Glory", "Lee Do-hyun", {"season": "two"}, evidence=evidence()),
        "sg:season must be an xsd:integer >= 1",
    ),
    "season zero": (
        Fact("cast_member", "The Glory", "Lee Do-hyun", {"season": 0}, evidence=evidence()),
        "sg:season must be an xsd:integer >= 1",
    ),
    "impossible date": (
        Fact("won_award", "Song Hye-kyo", "Baeksang", {"date": "2022-13-45"}, evidence=evidence()),
        "sg:date must be one valid xsd:date",
    ),
    "impossible release date": (
        Fact("released_on", "The Glory", "2022-02-30", {"season": 2}, evidence=evidence()),
        "the value of a released_on claim must be an xsd:date",
    ),
    "no evidence": (
        Fact("cast_member", "The Glory", "Lee Do-hyun"),
        "a claim must have exactly one sg:evidence",
    ),
    "start after end": (
        Fact("cast_member", "The Glory", "Lee Do-hyun", evidence=evidence(40, 10)),
        "oa:start must be one xsd:integer >= 0, at most oa:end",
    ),
    "empty quote": (
        Fact("cast_member", "The Glory", "Lee Do-hyun", evidence=evidence(0, 0, "")),
        "oa:exact must be one non-empty xsd:string",
    ),
    "unknown season status": (
        Fact("season_status", "The Glory", "paused", evidence=evidence()),
        "the object of a season_status claim must be an sg:SeasonStatus individual",
    ),
    "age in words": (
        Fact("age", "Song Hye-kyo", "forty", evidence=evidence()),
        "the value of a age claim must be an xsd:integer >= 0",
    ),
    "character as actor": (
        Fact("plays", "Moon Dong-eun", "Song Hye-kyo", subject_kind="Character", evidence=evidence()),
        "the subject of a plays claim must be an sg:Person",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_claim_alone_goes_to_quarantine(case: str) -> None:
    bad_fact, message = BAD_CASES[case]
    graph = build(bad_fact)
    bad = claim_iri(ARTICLE.id, bad_fact)
    good = claims_of(graph) - {bad}
    result = validate_article(graph)

    assert not result.conforms
    assert result.quarantined == {bad}
    assert result.count == result.quarantined_count == 1
    assert any(message in reason and str(bad).rsplit("/", 1)[-1] in reason for reason in result.reasons), result.reasons
    assert claims_of(result.accepted) == good
    assert not any(result.accepted.triples((bad, None, None)))
    assert not any(result.accepted.triples((None, None, bad)))
    assert set(result.quarantine.objects(bad, RDF.type)) == {SG.QuarantinedClaim}
    assert (bad, SG.relation, None) in result.quarantine
    assert any(result.quarantine.triples((None, SH_RESULT, None)))


def test_direct_edge_of_a_quarantined_claim_is_removed() -> None:
    bad_fact = Fact("cast_member", "The Glory", "Lee Do-hyun", {"season": "two"}, evidence=evidence())
    show, actor = entity_iri("The Glory", "Show"), entity_iri("Lee Do-hyun", "Person")
    graph = build(bad_fact)
    assert (show, SG.castMember, actor) in graph
    result = validate_article(graph)
    assert (show, SG.castMember, actor) not in result.accepted
    assert (show, SG.castMember, actor) not in result.quarantine
    # the good claims' edges stay
    assert (show, SG.castMember, entity_iri("Song Hye-kyo", "Person")) in result.accepted


def test_direct_edge_shared_with_a_good_claim_stays() -> None:
    bad_fact = Fact("cast_member", "The Glory", "Song Hye-kyo", {"season": -3}, evidence=evidence())
    result = validate_article(build(bad_fact))
    assert result.quarantined == {claim_iri(ARTICLE.id, bad_fact)}
    edge = (entity_iri("The Glory", "Show"), SG.castMember, entity_iri("Song Hye-kyo", "Person"))
    assert edge in result.accepted


def test_status_outside_the_list_is_quarantined() -> None:
    graph = build()
    plays = next(graph.subjects(SG.relation, SG.plays))
    graph.set((plays, SG.status, SG.maybe))
    result = validate_article(graph)
    assert result.quarantined == {plays}
    assert any("sg:status must be exactly one of" in reason for reason in result.reasons)
    assert len(claims_of(result.accepted)) == len(good_facts()) - 1


def test_direct_edge_violation_is_traced_to_its_claim() -> None:
    graph = build()
    show = entity_iri("The Glory", "Show")
    graph.add((show, SG.episodeCount, Literal("eight")))  # an edge with no well-formed claim behind it
    count = Fact("episode_count", "The Glory", "eight", evidence=evidence())
    graph += article_graph(ARTICLE, ArticleFacts(ARTICLE.id, [count]))
    result = validate_article(graph)
    assert result.quarantined == {claim_iri(ARTICLE.id, count)}
    assert (show, SG.episodeCount, Literal("eight")) not in result.accepted
    assert any("direct edge" in reason for reason in result.reasons)


def test_problems_not_tied_to_a_claim_are_reported_but_nothing_is_quarantined() -> None:
    graph = build()
    article = next(graph.subjects(RDF.type, SG.Article))
    graph.add((article, URIRef("http://schema.org/headline"), Literal("A second headline")))
    result = validate_article(graph)
    assert not result.conforms
    assert result.count == 0
    assert claims_of(result.accepted) == claims_of(graph)
    assert any("exactly one schema:headline" in reason for reason in result.reasons)


def test_every_relation_with_every_accepted_kind_conforms() -> None:
    """rdf.py's kinds and the shapes agree: any kind graph building may choose is accepted."""
    literal_objects = {"released_on": "2021", "episode_count": 10, "age": 30, "season_status": "cancelled"}
    facts = []
    for relation, spec in RELATIONS.items():
        subject_kinds = SUBJECT_KINDS[relation]
        object_kinds = OBJECT_KINDS.get(relation, (None,))
        for index, (subject_kind, object_kind) in enumerate((s, o) for s in subject_kinds for o in object_kinds):
            subject = "article" if subject_kind == "Article" else f"{relation} subject {index}"
            obj = literal_objects.get(relation, f"{relation} object {index}")
            facts.append(
                Fact(
                    relation,
                    subject,
                    obj,
                    {
                        key: 1 if key == "season" else "2020-05" if key == "date" else f"{key} {index}"
                        for key in spec.qualifiers
                    },
                    status=STATUSES[index % len(STATUSES)],
                    evidence=evidence(),
                    subject_kind=None if subject_kind == "Article" else subject_kind,
                    object_kind=object_kind,
                )
            )
    facts.append(Fact("rating", "The Glory", "88%", {"source": "Rotten Tomatoes"}, evidence=evidence()))
    graph = article_graph(ARTICLE, ArticleFacts(ARTICLE.id, facts))
    result = validate_article(graph)
    assert result.conforms, "\n".join(result.reasons)


def test_validate_graph_on_a_dataset_skips_quarantine_graphs() -> None:
    bad_fact = Fact("cast_member", "The Glory", "Lee Do-hyun", {"season": "two"}, evidence=evidence())
    checked = validate_article(build(bad_fact))
    dataset = Dataset()
    dataset.graph(graph_iri(ARTICLE.id)).__iadd__(checked.accepted)
    dataset.graph(quarantine_iri(ARTICLE.id)).__iadd__(checked.quarantine)
    assert validate_graph(dataset).conforms

    dataset.graph(graph_iri("other")).__iadd__(build(bad_fact))
    result = validate_graph(dataset)
    assert not result.conforms
    assert {problem.article_id for problem in result.problems} == {ARTICLE.id}
    assert result.count == 1


def test_validate_graph_on_a_plain_graph() -> None:
    result = validate_graph(build(Fact("cast_member", "The Glory", "Lee Do-hyun")))
    assert (result.conforms, result.count) == (False, 1)


def test_shapes_are_parsed_once() -> None:
    assert shapes_graph() is shapes_graph()
