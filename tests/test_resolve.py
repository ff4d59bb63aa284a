"""Known entities: catalogue variants get one name (and so one IRI) across articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from showgraph import ShowGraph
from showgraph.core import Extraction
from showgraph.errors import ValidationSetupError
from showgraph.facts import ArticleFacts, Evidence, Fact
from showgraph.readers import Article
from showgraph.resolve import Catalogue, load_catalogue

EVIDENCE = Evidence("a", "s", 0, 1, "test")


def test_the_shipped_catalogue_knows_channel_variants() -> None:
    catalogue = load_catalogue()
    assert catalogue.canonical("BBC1", "Platform") == "BBC One"
    assert catalogue.canonical("bbc 1", "Organization") == "BBC One"
    assert catalogue.canonical("Prime Video", "Platform") == "Amazon Prime Video"
    assert catalogue.canonical("BBC1", "Person") is None
    assert catalogue.canonical("Unknown Channel", "Platform") is None


def test_apply_renames_facts_and_keeps_the_article_form_as_a_variant() -> None:
    facts = ArticleFacts(
        "a",
        [
            Fact("platform", "Quiet Harbour", "BBC1", evidence=EVIDENCE),
            Fact("released_on", "Quiet Harbour", "2005", qualifiers={"platform": "BBC 1"}, evidence=EVIDENCE),
        ],
        {"BBC1": ("Platform", {"BBC1"}), "Quiet Harbour": ("Show", {"Quiet Harbour"})},
    )
    resolved = load_catalogue().apply(facts)
    assert resolved.facts[0].object == "BBC One"
    assert resolved.facts[1].qualifiers["platform"] == "BBC One"
    kind, variants = resolved.entities["BBC One"]
    assert kind == "Platform" and {"BBC1", "BBC 1"} <= variants
    assert resolved.entities["Quiet Harbour"] == ("Show", {"Quiet Harbour"})


def test_two_articles_with_different_variants_share_one_iri(tmp_path: Path, monkeypatch) -> None:
    extra = tmp_path / "mine.ttl"
    extra.write_text(
        "@prefix sg: <https://w3id.org/showgraph/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/showgraph/id/org/harbour-tv> a sg:Platform ; rdfs:label "Harbour TV" ;'
        ' skos:altLabel "HTV" .\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("SHOWGRAPH_ENTITIES", str(extra))
    assert load_catalogue().canonical("HTV", "Platform") == "Harbour TV"
    graph = ShowGraph(":memory:")
    for n, name in enumerate(["Harbour TV", "HTV"]):
        article = Article(title=f"t{n}", body="s", path=f"a{n}.txt")
        fact = Fact("platform", "Quiet Harbour", name, evidence=Evidence(article.id, "s", 0, 1, "t"))
        graph.store_extraction(Extraction(article, ArticleFacts(article.id, [fact])))
    rows = graph.query(
        "PREFIX sg: <https://w3id.org/showgraph/ontology#> SELECT DISTINCT ?p WHERE { ?s sg:platform ?p }"
    ).rows
    assert [str(r[0]) for r in rows] == ["https://w3id.org/showgraph/id/org/harbour-tv"]


def test_a_broken_catalogue_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ValidationSetupError, match=r"bad\.ttl"):
        Catalogue.from_turtle(path=bad)
