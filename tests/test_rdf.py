"""Graph building: the RDF of MODEL.md, checked through SPARQL over the built graph."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from showgraph.facts import ArticleFacts, Evidence, Fact
from showgraph.rdf import (
    SG,
    SGART,
    SGID,
    XSD,
    article_graph,
    article_iri,
    claim_iri,
    date_literal,
    entity_iri,
    graph_iri,
    quarantine_iri,
    slug,
)
from showgraph.readers import Article

SENTENCES = (
    "Song Hye-kyo plays Moon Dong-eun in The Glory.",
    "The Glory was directed by Ahn Gil Ho.",
    "Director Ahn Gil-ho was accused of bullying in March 2023.",
    "Part two arrives on Netflix in March 2023.",
    "The show will return for a second season.",
)
BODY = " ".join(SENTENCES)
PREFIXES = """
PREFIX sg: <https://w3id.org/showgraph/ontology#>
PREFIX person: <https://w3id.org/showgraph/id/person/>
PREFIX show: <https://w3id.org/showgraph/id/show/>
PREFIX character: <https://w3id.org/showgraph/id/character/>
PREFIX org: <https://w3id.org/showgraph/id/org/>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def sentence_evidence(article: Article, sentence: str, rule: str, cues: tuple[str, ...] = ()) -> Evidence:
    start = article.body.index(sentence)
    return Evidence(article.id, sentence, start, start + len(sentence), rule, cues)


@pytest.fixture(scope="module")
def article() -> Article:
    return Article(
        "The Glory part 2",
        BODY,
        source="Variety",
        url="https://example.org/glory",
        published="2023-03-10",
        path="corpus/glory.txt",
    )


@pytest.fixture(scope="module")
def facts(article: Article) -> ArticleFacts:
    plays, directed, accused, release, renewal = SENTENCES
    return ArticleFacts(
        article.id,
        [
            Fact(
                "plays",
                "Song Hye-kyo",
                "Moon Dong-eun",
                {"show": "The Glory", "season": 1},
                evidence=sentence_evidence(article, plays, "plays.verb"),
            ),
            Fact("directed_by", "The Glory", "Ahn Gil Ho", evidence=sentence_evidence(article, directed, "by")),
            Fact(
                "accused_of",
                "Ahn Gil-ho",
                "bullying",
                {"date": "2023-03"},
                status="alleged",
                evidence=sentence_evidence(article, accused, "accused", ("accused",)),
            ),
            Fact(
                "released_on",
                "The Glory",
                "2023-03",
                {"season": 2, "platform": "Netflix"},
                status="scheduled",
                evidence=sentence_evidence(article, release, "release", ("arrives",)),
            ),
            Fact(
                "season_status",
                "The Glory",
                "renewed",
                {"season": 2},
                status="scheduled",
                evidence=sentence_evidence(article, renewal, "renewal", ("will",)),
            ),
            Fact("author", "article", "Jane Doe", evidence=sentence_evidence(article, plays, "header")),
            Fact("episode_count", "The Glory", 8, evidence=sentence_evidence(article, plays, "count")),
        ],
        entities={"Ahn Gil-ho": ("Person", {"Ahn Gil-ho", "Ahn Gil Ho", "Gil-ho"})},
    )


@pytest.fixture(scope="module")
def graph(article: Article, facts: ArticleFacts):
    return article_graph(article, facts)


def ask(graph, query: str) -> bool:
    return bool(graph.query(PREFIXES + query).askAnswer)


def rows(graph, query: str) -> list[tuple]:
    return [tuple(row) for row in graph.query(PREFIXES + query)]


def test_graph_is_named_after_the_article(graph, article: Article) -> None:
    assert graph.identifier == graph_iri(article.id) == article_iri(article.id) == SGART[article.id]
    assert str(quarantine_iri(article.id)).endswith("/quarantine/" + article.id)


def test_article_node(graph, article: Article) -> None:
    found = rows(
        graph,
        """SELECT ?headline ?url ?published ?source ?file WHERE {
             ?a a sg:Article, schema:NewsArticle, prov:Entity ; schema:headline ?headline ;
                schema:url ?url ; schema:datePublished ?published ; sg:sourceName ?source ; sg:file ?file }""",
    )
    assert found == [
        (
            Literal("The Glory part 2"),
            URIRef("https://example.org/glory"),
            Literal("2023-03-10", datatype=XSD.date),
            Literal("Variety"),
            Literal("glory.txt"),
        )
    ]


def test_plays_claim_with_status_evidence_and_direct_edge(graph, article: Article) -> None:
    found = rows(
        graph,
        """SELECT ?claim ?status ?start ?end ?exact ?rule ?season WHERE {
             ?claim a sg:Claim, sg:PlaysClaim, schema:PerformanceRole ; sg:relation sg:plays ;
                    sg:subject person:song-hye-kyo ; sg:object character:moon-dong-eun ;
                    sg:status ?status ; sg:show show:glory ; sg:season ?season ; sg:rule ?rule ;
                    prov:wasDerivedFrom ?article ; sg:evidence ?evidence .
             ?evidence a oa:SpecificResource ; oa:hasSource ?article ;
                    oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ,
                                   [ a oa:TextQuoteSelector ; oa:exact ?exact ] .
             ?article a sg:Article }""",
    )
    assert len(found) == 1
    claim, status, start, end, exact, rule, season = found[0]
    assert status == SG.confirmed
    assert article.body[start.toPython() : end.toPython()] == str(exact)
    assert start.datatype == XSD.integer
    assert (str(rule), season.toPython()) == ("plays.verb", 1)
    assert str(claim).startswith(str(article_iri(article.id)) + "/claim/")
    assert ask(graph, "ASK { person:song-hye-kyo sg:plays character:moon-dong-eun }")
    # schema.org shape of the role
    assert ask(
        graph,
        f"""ASK {{ <{claim}> schema:actor person:song-hye-kyo ; schema:characterName "Moon Dong-eun" .
                  show:glory schema:actor <{claim}> }}""",
    )


def test_alleged_fact_is_a_claim_but_never_a_direct_edge(graph) -> None:
    found = rows(
        graph,
        """SELECT ?status ?cue ?date WHERE {
             ?claim a sg:Allegation, sg:AccusedOfClaim ; sg:relation sg:accusedOf ;
                    sg:subject person:ahn-gil-ho ; sg:value "bullying" ;
                    sg:status ?status ; sg:cue ?cue ; sg:date ?date }""",
    )
    assert found == [(SG.alleged, Literal("accused"), Literal("2023-03", datatype=XSD.gYearMonth))]
    assert not ask(graph, "ASK { ?s sg:accusedOf ?o }")


def test_name_variants_are_one_entity(graph) -> None:
    assert entity_iri("Ahn Gil Ho", "Person") == entity_iri("Ahn Gil-ho", "Person") == SGID["person/ahn-gil-ho"]
    people = rows(graph, "SELECT DISTINCT ?p WHERE { ?p a sg:Person ; rdfs:label ?l . FILTER(STRSTARTS(?l, 'Ahn')) }")
    assert people == [(SGID["person/ahn-gil-ho"],)]
    assert rows(graph, "SELECT ?l WHERE { person:ahn-gil-ho rdfs:label ?l }") == [(Literal("Ahn Gil-ho"),)]
    alt = {str(row[0]) for row in rows(graph, "SELECT ?l WHERE { person:ahn-gil-ho skos:altLabel ?l }")}
    assert alt == {"Ahn Gil Ho", "Gil-ho"}
    assert ask(graph, "ASK { show:glory sg:directedBy person:ahn-gil-ho }")


def test_release_is_a_publication_event_with_a_year_month(graph) -> None:
    found = rows(
        graph,
        """SELECT ?date ?platform WHERE {
             ?claim a schema:PublicationEvent ; sg:relation sg:releasedOn ; sg:value ?date ;
                    schema:startDate ?date ; schema:publishedOn ?platform ; sg:platform ?platform ;
                    sg:status sg:scheduled .
             ?platform a sg:Platform }""",
    )
    assert found == [(Literal("2023-03", datatype=XSD.gYearMonth), SGID["org/netflix"])]
    assert ask(graph, 'ASK { show:glory sg:releasedOn "2023-03"^^xsd:gYearMonth }')


def test_season_status_episode_count_and_article_relations(graph, article: Article) -> None:
    assert ask(graph, "ASK { ?c sg:relation sg:seasonStatus ; sg:object sg:renewed ; sg:season 2 }")
    assert ask(graph, "ASK { show:glory sg:seasonStatus sg:renewed }")
    assert ask(graph, "ASK { show:glory sg:episodeCount 8 }")
    assert rows(graph, "SELECT ?a WHERE { ?c sg:relation sg:author ; sg:subject ?a }") == [(article_iri(article.id),)]
    assert ask(graph, f"ASK {{ <{article_iri(article.id)}> sg:author person:jane-doe }}")


def test_rebuilding_gives_the_same_graph(article: Article, facts: ArticleFacts, graph) -> None:
    again = article_graph(article, facts)
    assert isomorphic(graph, again)
    assert claim_iri(article.id, facts.facts[0]) == claim_iri(article.id, facts.facts[0])
    assert claim_iri(article.id, facts.facts[0]) != claim_iri(article.id, facts.facts[1])


def test_one_claim_per_fact_key(article: Article, facts: ArticleFacts) -> None:
    doubled = ArticleFacts(article.id, facts.facts + facts.facts[:2], facts.entities)
    graph = article_graph(article, doubled)
    assert rows(graph, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a sg:Claim }")[0][0].toPython() == len(facts.facts)


def test_facts_of_another_article_are_refused(article: Article) -> None:
    with pytest.raises(ValueError, match="facts are for article"):
        article_graph(article, ArticleFacts("someone-else", []))


def test_plain_fact_lists_are_accepted(article: Article, facts: ArticleFacts) -> None:
    assert len(article_graph(article, facts.facts)) > 0


def test_entity_kind_comes_from_the_entity_map_where_the_slot_allows_it(article: Article) -> None:
    evidence = Evidence(article.id, "s", 0, 1, "r")
    facts = ArticleFacts(
        article.id,
        [
            Fact("produced_by", "The Glory", "Kim Eun-sook", evidence=evidence),
            Fact("produced_by", "The Glory", "Hwa&Dam Pictures", evidence=evidence),
            Fact("won_award", "The Glory", "Baeksang", subject_kind="Show", evidence=evidence),
        ],
        entities={"Kim Eun-sook": ("Person", set()), "The Glory": ("Character", set())},
    )
    graph = article_graph(article, facts)
    assert ask(graph, "ASK { person:kim-eun-sook a sg:Person }")
    assert ask(graph, "ASK { org:hwa-dam-pictures a sg:Agent }")  # not known: agent, under org/
    assert ask(graph, "ASK { ?c sg:relation sg:wonAward ; sg:subject show:glory }")
    assert not ask(
        graph, "ASK { ?c sg:relation sg:producedBy ; sg:subject ?s . FILTER(CONTAINS(STR(?s), 'character')) }"
    )


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Zoë Wanamaker", "Person", "person/zoe-wanamaker"),
        ("The Office", "Show", "show/office"),
        ("The Office", "Work", "show/office"),
        ("The Weeknd", "Person", "person/the-weeknd"),
        ("Grey's Anatomy", "Show", "show/greys-anatomy"),
        ("BBC One", "Platform", "org/bbc-one"),
        ("HBO", "Agent", "org/hbo"),
        ("Dong-eun", "Character", "character/dong-eun"),
        ("더 글로리", "Show", "show/더-글로리"),
    ],
)
def test_entity_iri_slugs(name: str, kind: str, expected: str) -> None:
    assert entity_iri(name, kind) == SGID[expected]


def test_entity_iri_rejects_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="unknown entity kind"):
        entity_iri("X", "Planet")


def test_slug_never_empty() -> None:
    assert slug("!!!") != slug("???")
    assert slug("!!!").startswith("x-")


@pytest.mark.parametrize(
    ("text", "datatype"),
    [("2022-12-30", XSD.date), ("2022-12", XSD.gYearMonth), ("2022", XSD.gYear), ("2022-13-45", None), ("soon", None)],
)
def test_date_literal_by_precision(text: str, datatype) -> None:
    literal = date_literal(text)
    assert (str(literal), literal.datatype) == (text, datatype)
