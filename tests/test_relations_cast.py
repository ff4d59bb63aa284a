"""Cast rules on short made-up sentences: plays and cast_member."""

from __future__ import annotations

import pytest

from nlp_helpers import facts_of, full_facts


def test_plays_verb_gives_plays_and_cast_member(nlp):
    body = "Cold Harbour is a new detective drama on ITV. Maria Okafor plays Harriet Vane in the drama Cold Harbour."
    facts = facts_of(nlp, body, title="Cold Harbour casts its lead")
    assert ("plays", "Maria Okafor", "Harriet Vane") in facts
    assert ("cast_member", "Cold Harbour", "Maria Okafor") in facts


def test_stars_as_and_possessive_character(nlp):
    body = (
        "The sitcom Paper Towns returns in May. Dev Sharma stars as Rohan Mehta, a failing chef. "
        "Dev Sharma's Rohan is the heart of the show."
    )
    facts = facts_of(nlp, body)
    assert ("plays", "Dev Sharma", "Rohan Mehta") in facts
    assert ("cast_member", "Paper Towns", "Dev Sharma") in facts


def test_described_role_gives_cast_member_only(nlp):
    body = "The new sitcom Bread Run has six episodes. Tom Ellery plays a struggling baker in the sitcom Bread Run."
    facts = facts_of(nlp, body)
    assert ("cast_member", "Bread Run", "Tom Ellery") in facts
    assert not [f for f in facts if f[0] == "plays"]


def test_brackets_actor_outside_and_character_outside(nlp):
    body = (
        "The drama Harbour Lights follows two sisters, nurse Ada Finch (Carla Moss) and Jane Finch (Ruth Hale). "
        "Carla Moss is best known for comedy."
    )
    facts = facts_of(nlp, body)
    assert ("plays", "Carla Moss", "Ada Finch") in facts


@pytest.mark.xfail(
    reason="known gap: 'The cast of SHOW includes A, B' (cast head with an of-phrase) is not read yet", strict=True
)
def test_cast_list_and_signup_is_scheduled(nlp):
    body = (
        "The ensemble cast of the drama Northern Line includes Amy Cole, Ben Ortiz and Kim Ray. "
        "Hollywood actor Sam Wilder has signed up for the drama Northern Line."
    )
    result = full_facts(nlp, body, title="Northern Line")
    found = {(f.relation, f.subject, f.object): f.status for f in result.facts}
    for person in ("Amy Cole", "Ben Ortiz", "Kim Ray"):
        assert ("cast_member", "Northern Line", person) in found
    assert found.get(("cast_member", "Northern Line", "Sam Wilder")) == "scheduled"


def test_football_plays_is_no_role(nlp):
    body = "Thierry Henry plays for Arsenal and scored twice in the league match against Chelsea on Saturday."
    facts = facts_of(nlp, body, title="Henry double sinks Chelsea")
    assert not [f for f in facts if f[0] in ("plays", "cast_member")]
