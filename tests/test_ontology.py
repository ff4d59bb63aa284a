"""The ontology and shapes files: they parse, declare every term graph building writes, and align
with schema.org and PROV-O."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from showgraph import resources
from showgraph.errors import ValidationSetupError
from showgraph.facts import QUALIFIERS, RELATIONS, SEASON_STATUSES, STATUSES, ArticleFacts, Evidence, Fact
from showgraph.rdf import CLAIM_CLASSES, RELATION_PROPERTIES, SCHEMA, SG, article_graph
from showgraph.readers import Article
from showgraph.resources import ontology_path
from showgraph.validate import ontology_graph, shapes_graph, validate_article

PROV = "http://www.w3.org/ns/prov#"
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual, RDF.Property}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


def everything_graph() -> Graph:
    """An article graph using every relation, qualifier, status and season status, plus a quarantine."""
    article = Article(
        "All of it", "Everything happens here.", source="Variety", url="https://x.org/a", published="2023", path="a.txt"
    )
    evidence = Evidence(article.id, "Everything happens here.", 0, 24, "rule", ("cue",))
    literal = {"released_on": "2021-05-06", "episode_count": 3, "age": 30, "season_status": "renewed"}
    facts = [
        Fact(
            relation,
            "article" if spec.subject == "Article" else f"{relation} subject",
            literal.get(relation, f"{relation} object"),
            {key: 1 if key == "season" else "2020-05" if key == "date" else f"{key} value" for key in QUALIFIERS},
            status=STATUSES[index % len(STATUSES)],
            evidence=evidence,
        )
        for index, (relation, spec) in enumerate(RELATIONS.items())
    ]
    facts += [Fact("season_status", "S", status, evidence=evidence) for status in SEASON_STATUSES]
    facts += [
        Fact("cast_member", "S", f"P{index}", status=status, evidence=evidence) for index, status in enumerate(STATUSES)
    ]
    facts.append(Fact("cast_member", "S", "Bad", {"season": "two"}, evidence=evidence))
    graph = article_graph(article, ArticleFacts(article.id, facts, {"Someone": ("Agent", {"Some one"})}))
    result = validate_article(graph)
    assert result.count == 1  # exercises the quarantine vocabulary too
    return graph + result.quarantine


def sg_terms(graph: Graph) -> set[URIRef]:
    return {term for triple in graph for term in triple if isinstance(term, URIRef) and str(term).startswith(str(SG))}


def test_ontology_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/showgraph/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    for prop in (OWL.versionInfo, RDFS.label, RDFS.comment, URIRef("http://purl.org/dc/terms/license")):
        assert ontology.value(header, prop) is not None, prop
    assert "MIT" in str(ontology.value(header, URIRef("http://purl.org/dc/terms/license")))


def test_every_term_graph_building_writes_is_declared_with_label_and_comment(ontology: Graph) -> None:
    written = sg_terms(everything_graph())
    assert SG.QuarantinedClaim in written and SG.plays in written
    undeclared = sorted(term for term in written if not set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES)
    assert undeclared == []
    for term in written:
        assert isinstance(ontology.value(term, RDFS.label), Literal), term
        assert isinstance(ontology.value(term, RDFS.comment), Literal), term


def test_every_declared_term_has_label_and_comment(ontology: Graph) -> None:
    for term in sg_terms(ontology):
        if set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES or (term, RDF.type, SG.Status) in ontology:
            assert ontology.value(term, RDFS.label) is not None, term
            assert ontology.value(term, RDFS.comment) is not None, term


def test_vocabulary_is_complete(ontology: Graph) -> None:
    for relation in RELATIONS:
        prop, cls = RELATION_PROPERTIES[relation], CLAIM_CLASSES[relation]
        assert set(ontology.objects(prop, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}, relation
        assert (cls, RDFS.subClassOf, SG.Claim) in ontology, relation
    assert len(set(ontology.subjects(RDF.type, SG.Status))) == len(STATUSES) == 8
    assert len(set(ontology.subjects(RDF.type, SG.SeasonStatus))) == len(SEASON_STATUSES) == 7
    for cls in (
        "Show",
        "Season",
        "Episode",
        "Person",
        "Character",
        "PerformanceRole",
        "Organization",
        "Platform",
        "Work",
        "Article",
        "Claim",
        "QuarantinedClaim",
        "Allegation",
        "Rating",
        "ViewershipFigure",
    ):
        assert (SG[cls], RDF.type, OWL.Class) in ontology, cls
    assert (SG.QuarantinedClaim, RDFS.subClassOf, SG.Claim) not in ontology


@pytest.mark.parametrize(
    ("term", "relation", "parent"),
    [
        (SG.directedBy, RDFS.subPropertyOf, SCHEMA.director),
        (SG.castMember, RDFS.subPropertyOf, SCHEMA.actor),
        (SG.Show, RDFS.subClassOf, SCHEMA.CreativeWork),
        (SG.PerformanceRole, RDFS.subClassOf, SCHEMA.PerformanceRole),
        (SG.Release, RDFS.subClassOf, SCHEMA.PublicationEvent),
        (SG.ReleasedOnClaim, RDFS.subClassOf, SG.Release),
        (SG.PlaysClaim, RDFS.subClassOf, SG.PerformanceRole),
        (SG.Article, RDFS.subClassOf, URIRef(PROV + "Entity")),
        (SG.Person, RDFS.subClassOf, URIRef(PROV + "Agent")),
        (SG.Person, RDFS.subClassOf, SCHEMA.Person),
        (SG.Platform, RDFS.subClassOf, SG.Organization),
    ],
)
def test_alignments(ontology: Graph, term: URIRef, relation: URIRef, parent: URIRef) -> None:
    assert (term, relation, parent) in ontology


def test_shapes_only_mention_declared_terms(ontology: Graph) -> None:
    undeclared = sorted(
        term
        for term in sg_terms(shapes_graph())
        if not set(ontology.objects(term, RDF.type)) & (DECLARATION_TYPES | {SG.Status, SG.SeasonStatus})
    )
    assert undeclared == []


def test_shapes_cover_every_relation_class() -> None:
    targeted = set(shapes_graph().objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert set(CLAIM_CLASSES.values()) <= targeted


def test_ontology_path_finds_files_and_explains_missing_ones() -> None:
    assert ontology_path("showgraph.ttl").is_file()
    with pytest.raises(ValidationSetupError, match=r"SG401.*'nope.ttl' not found"):
        ontology_path("nope.ttl")
    with pytest.raises(ValidationSetupError, match="bare name"):
        ontology_path("../pyproject.toml")


def test_ontology_path_prefers_the_installed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "showgraph"
    (installed / "ontology").mkdir(parents=True)
    shutil.copy(ontology_path("shapes.ttl"), installed / "ontology" / "shapes.ttl")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", installed)
    assert ontology_path("shapes.ttl") == installed / "ontology" / "shapes.ttl"
    with pytest.raises(ValidationSetupError, match=r"showgraph\.ttl"):
        ontology_path("showgraph.ttl")  # neither inside the fake package nor at tmp_path's ../ontology
