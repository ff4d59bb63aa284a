"""Named queries: shipped .rq files, parameters bound safely, names matched case-insensitively."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from showgraph.errors import NamedQueryError
from showgraph.named_queries import get_named_query, named_queries, parse_named_query

REQUIRED = {"cast", "credits", "timeline", "allegations", "platforms", "entity-facts", "search"}
SAMPLE_PARAMS = {
    "cast": {"show": "The Glory"},
    "credits": {"person": "Lee Do-hyun"},
    "timeline": {"show": "The Glory"},
    "entity-facts": {"entity": "https://w3id.org/showgraph/id/person/lee-do-hyun"},
    "search": {"text": "glory"},
}


def test_the_library_has_the_promised_queries_each_described() -> None:
    queries = named_queries()
    assert set(queries) >= REQUIRED
    for name, query in queries.items():
        assert query.name == name
        assert query.title and query.title != name
        assert len(query.description) > 20
        assert "SELECT" in query.sparql
        for parameter in query.parameters:
            assert parameter.type in ("string", "integer", "iri")
            assert f"?{parameter.name}" in query.sparql, f"{name}: ?{parameter.name} is never used"


def test_every_named_query_runs_and_returns_rows_on_the_tiny_graph(tiny_graph) -> None:
    for name in named_queries():
        result = tiny_graph.run_named(name, **SAMPLE_PARAMS.get(name, {}))
        assert result.kind == "select"
        assert result.rows, f"{name} returned nothing"


def test_showgraph_lists_the_same_queries(tiny_graph) -> None:
    assert set(tiny_graph.named_queries()) == set(named_queries())
    assert tiny_graph.named_queries()["cast"].to_dict()["parameters"][0]["required"] is True


def test_cast_matches_the_show_name_in_any_case_and_without_the(tiny_graph) -> None:
    expected = {
        ("Song Hye-kyo", "Moon Dong-eun", "confirmed"),
        ("Lee Do-hyun", "Joo Yeo-jeong", "confirmed"),
        ("Jung Ji-so", "Ye-sol", "rumored"),
    }
    for name in ("The Glory", "the glory", "GLORY"):
        rows = tiny_graph.run_named("cast", show=name).to_dicts()
        assert {(r["personLabel"], r["characterLabel"], r["statuses"]) for r in rows} == expected


def test_cast_lists_members_without_a_role_once_and_denied_ones_as_denied(tiny_graph) -> None:
    rows = tiny_graph.run_named("cast", show="Hotel del Luna").to_dicts()
    assert sorted((r["personLabel"], r["characterLabel"], r["statuses"]) for r in rows) == [
        ("IU", None, "confirmed"),
        ("Lee Do-hyun", "Go Chung-myung", "confirmed"),
        ("Song Hye-kyo", None, "denied"),
    ]


def test_credits_include_awards_without_a_show(tiny_graph) -> None:
    rows = tiny_graph.run_named("credits", person="Song Hye-kyo").to_dicts()
    assert sorted((r["showLabel"] or "", r["role"], r["detail"] or "", r["statuses"]) for r in rows) == [
        ("", "won_award", "Baeksang Arts Award (Best Actress)", "confirmed"),
        ("Hotel del Luna", "cast_member", "", "denied"),
        ("The Glory", "cast_member", "", "confirmed"),
        ("The Glory", "plays", "Moon Dong-eun", "confirmed"),
    ]


def test_credits_find_a_person_by_alternative_label(tiny_graph) -> None:
    by_label = tiny_graph.run_named("credits", person="Lee Do-hyun").to_dicts()
    by_alt = tiny_graph.run_named("credits", person="do-hyun").to_dicts()
    assert by_label == by_alt
    assert {(r["showLabel"], r["role"], r["detail"]) for r in by_label} == {
        ("The Glory", "cast_member", None),
        ("The Glory", "plays", "Joo Yeo-jeong"),
        ("Hotel del Luna", "cast_member", None),
        ("Hotel del Luna", "plays", "Go Chung-myung"),
    }


def test_allegations_carry_status_evidence_and_source(tiny_graph) -> None:
    rows = tiny_graph.run_named("allegations").to_dicts()
    assert len(rows) == 1
    row = rows[0]
    assert (row["personLabel"], row["allegation"], row["statusName"]) == ("Ahn Gil-ho", "school bullying", "alleged")
    assert row["evidence"] == "Ahn Gil-ho accused_of school bullying."
    assert row["url"] == "https://news.example/the-glory"
    assert row["headline"] == "The Glory returns"
    assert row["article"] == tiny_graph.articles["glory"]
    assert tiny_graph.run_named("allegations", person="ahn gil ho").to_dicts() == rows
    assert tiny_graph.run_named("allegations", person="IU").to_dicts() == []


def test_platforms_optionally_for_one_platform(tiny_graph) -> None:
    everything = tiny_graph.run_named("platforms").to_dicts()
    assert {(r["platformLabel"], r["showLabel"], r["statuses"]) for r in everything} == {
        ("Netflix", "The Glory", "confirmed"),
        ("tvN", "Hotel del Luna", "reported"),
    }
    netflix = tiny_graph.run_named("platforms", platform="netflix").to_dicts()
    assert [r["showLabel"] for r in netflix] == ["The Glory"]


def test_entity_facts_lists_every_claim_about_an_entity(tiny_graph) -> None:
    rows = tiny_graph.run_named("entity-facts", entity="sgid:person/lee-do-hyun").to_dicts()
    assert sorted((r["relationName"], r["role"]) for r in rows) == [
        ("cast_member", "object"),
        ("cast_member", "object"),
        ("plays", "subject"),
        ("plays", "subject"),
    ]
    assert all(r["evidence"] and r["url"].startswith("https://news.example/") for r in rows)
    show_rows = tiny_graph.run_named("entity-facts", entity="sgid:show/glory").to_dicts()
    roles = {r["role"] for r in show_rows}
    assert roles == {"subject", "qualifier"}  # the plays claims name the show as a qualifier


def test_timeline_is_in_date_order(tiny_graph) -> None:
    rows = tiny_graph.run_named("timeline", show="Hotel del Luna").to_dicts()
    assert [(r["event"], r["date"]) for r in rows] == [("released_on", "2019-07-13")]
    assert tiny_graph.run_named("timeline", show="The Glory").to_dicts()[0]["platform"] == "Netflix"


def test_search_finds_labels_and_alternative_labels(tiny_graph) -> None:
    rows = tiny_graph.run_named("search", text="LEE").to_dicts()
    assert {r["label"] for r in rows} == {"Lee Do-hyun", "IU"}  # IU is also "Lee Ji-eun"
    assert {r["kind"] for r in rows} == {"Person"}


def test_a_parameter_cannot_change_the_query(tiny_graph) -> None:
    before = len(tiny_graph.store)
    hostile = 'The Glory")) } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o FILTER(("'
    assert tiny_graph.run_named("cast", show=hostile).rows == []
    assert tiny_graph.run_named("search", text='" || true || "').rows == []
    assert len(tiny_graph.store) == before


def test_unknown_name_missing_and_extra_parameters_say_what_is_expected(tiny_graph) -> None:
    with pytest.raises(NamedQueryError) as unknown:
        tiny_graph.run_named("casts", show="The Glory")
    assert unknown.value.code == "SG303"
    assert "cast, credits" in str(unknown.value)
    with pytest.raises(NamedQueryError, match=r"needs the parameter 'show'.*show \(string, required\)"):
        tiny_graph.run_named("cast")
    with pytest.raises(NamedQueryError, match=r"has no parameter 'season'"):
        tiny_graph.run_named("cast", show="The Glory", season=2)
    with pytest.raises(NamedQueryError, match="must be an IRI"):
        tiny_graph.run_named("entity-facts", entity="Lee Do-hyun")


def test_parameters_are_converted_by_type() -> None:
    query = parse_named_query(
        "demo",
        "# title: Demo\n# description: first line\n#   and more\n"
        '# param n: integer = 3 -- how many\n# param who: iri -- an entity\n# param name: string = "" -- a name\n'
        "SELECT ?n ?who ?name WHERE { }\n",
    )
    assert query.description == "first line and more"
    assert [p.required for p in query.parameters] == [False, True, False]
    bindings = query.bindings({"n": "7", "who": "sgid:show/glory"})
    assert bindings == {
        "n": Literal(7),
        "who": URIRef("https://w3id.org/showgraph/id/show/glory"),
        "name": Literal(""),
    }
    with pytest.raises(NamedQueryError, match="must be an integer"):
        query.bindings({"n": "seven", "who": "sgid:x"})


def test_a_bad_header_is_refused() -> None:
    with pytest.raises(NamedQueryError, match="expected one of string, integer, iri"):
        parse_named_query("bad", "# param x: float\nSELECT * {}")
    with pytest.raises(NamedQueryError, match="lower-case"):
        parse_named_query("Bad Name", "SELECT * {}")
    with pytest.raises(NamedQueryError, match="no named query"):
        get_named_query("nope")


def test_allegations_show_a_cue_of_several_words_as_one_phrase(nlp) -> None:
    from showgraph.core import ShowGraph
    from showgraph.entity_graph import store_article
    from showgraph.facts import ArticleFacts, Evidence, Fact
    from showgraph.nlp.status import status_for
    from showgraph.rdf import article_graph
    from showgraph.readers import Article

    sentence = "According to the complainant, the host shoved her."
    status, cues = status_for(nlp(sentence)[7])  # "shoved"
    assert (status, cues) == ("alleged", ("According to",))
    article = Article("Host accused", sentence)
    evidence = Evidence(article.id, sentence, 0, len(sentence), "people.test", cues)
    fact = Fact("accused_of", "Tom Host", "assault", status=status, evidence=evidence)
    graph = ShowGraph(":memory:")
    try:
        store_article(graph.store, article_graph(article, ArticleFacts(article.id, [fact], {})))
        (row,) = graph.run_named("allegations").to_dicts()
        assert (row["statusName"], row["cues"]) == ("alleged", "According to")
    finally:
        graph.close()
