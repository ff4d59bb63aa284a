"""Credit rules on short made-up sentences."""

from __future__ import annotations

import pytest

from nlp_helpers import facts_of, full_facts


@pytest.mark.xfail(
    reason="known gap: a fronted 'Written by X,' participle clause is not tied to the main clause's show yet",
    strict=True,
)
def test_directed_and_written_by_passive(nlp):
    body = "The thriller Glass Harbour airs on BBC Two. Written by Nora Quill, the series is directed by Owen Pike."
    facts = facts_of(nlp, body, title="Glass Harbour")
    assert ("written_by", "Glass Harbour", "Nora Quill") in facts
    assert ("directed_by", "Glass Harbour", "Owen Pike") in facts


def test_role_noun_before_name_and_creator_verb(nlp):
    body = (
        "The comedy Flat Earth is back. Series creator Lena Brandt will return as executive producer. "
        "Flat Earth director Hugo Vance said filming starts soon."
    )
    facts = facts_of(nlp, body, title="Flat Earth returns")
    assert ("created_by", "Flat Earth", "Lena Brandt") in facts
    assert ("produced_by", "Flat Earth", "Lena Brandt") in facts
    assert ("directed_by", "Flat Earth", "Hugo Vance") in facts


@pytest.mark.xfail(
    reason="known gap: the small model splits some names in role lists ('Ana Diaz' -> 'Diaz')", strict=True
)
def test_judges_present_and_future_direct_is_scheduled(nlp):
    body = (
        "Talent show Star Search is back on ITV. Judges Mia Ford, Leo Grant and Ana Diaz return. "
        "Comedian Pete Rowe will direct the sitcom Dry Run for Channel 4."
    )
    result = full_facts(nlp, body, title="Star Search")
    found = {(f.relation, f.subject, f.object): f.status for f in result.facts}
    for judge in ("Mia Ford", "Leo Grant", "Ana Diaz"):
        assert ("presented_by", "Star Search", judge) in found
    assert found.get(("directed_by", "Dry Run", "Pete Rowe")) == "scheduled"


def test_attributive_credit(nlp):
    body = "Jodie Marsh is to star in a Callum Reid drama Hollow Point, which begins filming in June."
    facts = facts_of(nlp, body, title="Hollow Point")
    assert ("created_by", "Hollow Point", "Callum Reid") in facts
