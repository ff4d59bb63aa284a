"""The spine end to end: the demo corpus in, the facts a reader expects out, through SPARQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from showgraph import ShowGraph

ROOT = Path(__file__).resolve().parents[1]
GLORY = ROOT / "corpus" / "the-glory-season-2.txt"

PREFIXES = """
PREFIX sg: <https://w3id.org/showgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture(scope="module")
def glory(tmp_path_factory: pytest.TempPathFactory, nlp) -> ShowGraph:
    """The Glory article loaded into an on-disk store, as a user would."""
    graph = ShowGraph(tmp_path_factory.mktemp("store") / "store")
    graph._nlp = nlp  # share the session's pipeline: loading it once is enough
    report = graph.load([GLORY])
    assert report.failures == []
    assert report.articles == 1
    yield graph
    graph.close()


def ask(graph: ShowGraph, body: str, **bindings: object) -> bool:
    return graph.query(PREFIXES + "ASK {" + body + "}", bindings=bindings or None).boolean


def test_song_hye_kyo_plays_dong_eun_in_the_glory(glory: ShowGraph) -> None:
    assert ask(
        glory,
        """?claim a sg:Claim ; sg:relation sg:plays ; sg:status sg:confirmed ;
                  sg:subject ?actor ; sg:object ?character ; sg:show ?show .
           ?actor rdfs:label "Song Hye-kyo" . ?show rdfs:label ?title .
           ?character rdfs:label ?name .
           FILTER(CONTAINS(?name, "Dong-eun") && CONTAINS(?title, "The Glory"))""",
    )


def test_lee_do_hyun_plays_joo_yeo_jeong(glory: ShowGraph) -> None:
    assert ask(
        glory,
        """?actor rdfs:label "Lee Do-hyun" ; sg:plays ?character .
           ?character rdfs:label "Joo Yeo-jeong" .""",
    )


def test_season_one_released_on_netflix(glory: ShowGraph) -> None:
    assert ask(
        glory,
        """?claim a sg:Claim ; sg:relation sg:releasedOn ; sg:subject ?show ; sg:season 1 ;
                  sg:value "2022-12-30"^^xsd:date ; sg:platform ?platform .
           ?platform rdfs:label "Netflix" . ?show rdfs:label ?title . FILTER(CONTAINS(?title, "The Glory"))""",
    )


def test_ahn_gil_ho_accused_of_bullying_is_alleged_not_a_plain_fact(glory: ShowGraph) -> None:
    accused = """?claim a sg:Claim ; sg:relation sg:accusedOf ; sg:subject ?person ; sg:value ?what ;
                        sg:status ?status .
                 ?person rdfs:label "Ahn Gil-ho" . FILTER(CONTAINS(LCASE(STR(?what)), "bullying"))"""
    assert ask(glory, accused + " FILTER(?status = sg:alleged)")
    assert not ask(glory, accused + " FILTER(?status = sg:confirmed)")
    assert not ask(glory, '?person rdfs:label "Ahn Gil-ho" ; sg:accusedOf ?what .')


def test_name_variants_share_one_entity(glory: ShowGraph) -> None:
    rows = glory.query(PREFIXES + 'SELECT DISTINCT ?p WHERE { ?p a sg:Person ; rdfs:label "Ahn Gil-ho" }').rows
    assert len(rows) == 1
    assert ask(glory, '?p rdfs:label "Ahn Gil-ho" ; skos:altLabel ?alt . FILTER(?alt IN ("Gil-ho", "Ahn Gil Ho"))')


def test_every_claim_carries_its_evidence(glory: ShowGraph) -> None:
    orphans = glory.query(
        PREFIXES
        + """SELECT ?claim WHERE { ?claim a sg:Claim .
             FILTER NOT EXISTS { ?claim prov:wasDerivedFrom ?article ; sg:evidence ?e .
                                 ?e oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end } }"""
    ).rows
    assert orphans == []


def test_the_stored_graph_conforms(glory: ShowGraph) -> None:
    assert glory.validate().conforms


def test_reloading_replaces_instead_of_duplicating(glory: ShowGraph) -> None:
    before = len(glory.store)
    claims = glory.stats()["claims"]
    glory.load([GLORY])
    assert len(glory.store) == before
    assert glory.stats()["claims"] == claims
