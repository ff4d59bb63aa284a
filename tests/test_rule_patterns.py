"""Rules kept as spaCy patterns (``patterns/rule_patterns.json``): one pattern at a time, which one fired."""

from __future__ import annotations

from nlp_helpers import facts_of
from showgraph.nlp.context import reset_indexes
from showgraph.nlp.matchers import MATCHES_KEY, fired, first_matches, matches, rule_patterns
from showgraph.nlp.relations import all_rules


def test_every_pattern_is_named_after_a_registered_rule():
    assert set(rule_patterns()) <= set(all_rules())


def test_judging_panel_pattern(nlp):
    doc = nlp("The judging panel includes Ana Ruiz, Tom Hale and Sam Bell.")
    assert fired(doc) == ["credits.panel"]
    assert [[t.text for t in hit] for hit in matches("credits.panel", doc[:])] == [["includes", "panel", "judging"]]


def test_panel_of_judges_pattern(nlp):
    doc = nlp("The panel of judges comprises Ana Ruiz and Tom Hale.")
    assert fired(doc) == ["credits.panel"]
    assert [[t.text for t in hit] for hit in matches("credits.panel", doc[:])] == [
        ["comprises", "panel", "of", "judges"]
    ]


def test_a_panel_of_experts_is_no_judging_panel(nlp):
    assert "credits.panel" not in fired(nlp("The panel of experts includes Ana Ruiz and Tom Hale."))
    assert "credits.panel" not in fired(nlp("The judging panel met Ana Ruiz and Tom Hale."))


def test_brought_pattern(nlp):
    doc = nlp("Tom Hale brought the soap Harbour Lights to Channel 4 in 1982.")
    assert fired(doc) == ["credits.brought"]
    assert [[t.text for t in hit] for hit in matches("credits.brought", doc[:])] == [["brought"]]
    assert "credits.brought" not in fired(nlp("Tom Hale bought a house in Leeds."))


def test_role_of_pattern(nlp):
    doc = nlp("Ana Ruiz has landed the role of Detective Mara Quinn.")
    assert fired(doc) == ["cast.role_of"]
    assert [[t.text for t in hit] for hit in matches("cast.role_of", doc[:])] == [["role", "of"]]
    doc = nlp("Tom Hale is best known for his role as Captain Rook.")
    assert [[t.text for t in hit] for hit in matches("cast.role_of", doc[:])] == [["role", "as"]]
    assert "cast.role_of" not in fired(nlp("She played a leading role in the campaign."))


def test_who_was_pattern(nlp):
    doc = nlp("Ana Ruiz, who was Detective Quinn in the long-running drama, has a new role.")
    assert "cast.plays_was" in fired(doc)
    assert [[t.text for t in hit] for hit in first_matches("cast.plays_was", doc[:])] == [["was", "Quinn", "in"]]
    assert "cast.plays_was" not in fired(nlp("Ana Ruiz, who was born in Leeds in 1980, has a new role."))


def test_first_matches_keeps_each_anchors_earliest_hit(nlp):
    doc = nlp("The judging panel includes Ana Ruiz.")
    assert first_matches("credits.panel", doc[:]) == matches("credits.panel", doc[:])[:1]


def test_matches_stay_in_their_sentence(nlp):
    doc = nlp("The judging panel includes Ana Ruiz. Tom Hale brought the soap Harbour Lights to Channel 4.")
    first, second = list(doc.sents)
    assert [hit[0].text for hit in matches("credits.panel", first)] == ["includes"]
    assert matches("credits.panel", second) == []
    assert [hit[0].text for hit in matches("credits.brought", second)] == ["brought"]


def test_hits_are_dropped_with_the_other_indexes(nlp):
    doc = nlp("The judging panel includes Ana Ruiz.")
    fired(doc)
    assert MATCHES_KEY in doc.user_data
    reset_indexes(doc)
    assert MATCHES_KEY not in doc.user_data
    doc.to_bytes()


def test_the_patterns_still_make_the_rules_facts(nlp):
    body = "The talent show Star Search returns to ITV. The panel of judges comprises Ana Ruiz and Tom Hale."
    assert ("presented_by", "Star Search", "Tom Hale") in facts_of(nlp, body, title="Star Search returns")
    body = "Tom Hale brought the teen soap Harbour Lights to Channel 4 in 1982."
    assert ("produced_by", "Harbour Lights", "Tom Hale") in facts_of(nlp, body, title="Harbour Lights at 40")
