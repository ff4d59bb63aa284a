"""People rules: accused_of, represented_by, military_service, age (invented sentences)."""

from __future__ import annotations

from nlp_helpers import facts_of, run_rule
from showgraph.nlp.relations.people import (
    accused_of_rule,
    age_rule,
    military_service_rule,
    represented_by_rule,
)


def run(nlp, rule, body: str, *, tv: bool = True, **options):
    return run_rule(nlp, rule, body, screen_work=tv, **options)


def test_accused_of_with_date_and_status(nlp) -> None:
    body = "In June 2021, Pond Life star Mark Oduya was accused of harassment by a former colleague."
    (fact,) = run(nlp, accused_of_rule, body, title="Pond Life")
    assert (fact.subject, fact.object, fact.status) == ("Mark Oduya", "harassment", "alleged")
    assert fact.qualifiers.get("date") == "2021-06"


def test_accused_of_denied(nlp) -> None:
    body = "Pond Life actor Mark Oduya has denied allegations of harassment."
    facts = run(nlp, accused_of_rule, body, title="Pond Life")
    assert [(f.object, f.status) for f in facts] == [("harassment", "denied")]


def test_no_accusation_outside_screen_work(nlp) -> None:
    body = "The minister accused Peter Langley of misleading Parliament over the budget."
    assert run(nlp, accused_of_rule, body) == []


def test_represented_by_lawyer_and_firm(nlp) -> None:
    body = (
        "Pond Life star Mark Oduya spoke out. "
        "Attorney Dana Whitfield of law firm Kessler LLP, who represents Mark Oduya, issued a statement."
    )
    facts = run(nlp, represented_by_rule, body, title="Pond Life")
    assert {(f.subject, f.object) for f in facts} >= {("Mark Oduya", "Dana Whitfield")}


def test_military_service_rumoured(nlp) -> None:
    body = "Glass Garden actor Park Min-jae is the lead. The rumoured enlistment of Park Min-jae worries fans."
    facts = run(nlp, military_service_rule, body, title="Glass Garden")
    assert [(f.subject, f.object, f.status) for f in facts] == [("Park Min-jae", "enlistment", "rumored")]


def test_age_forms(nlp) -> None:
    body = "Glass Garden star Park Min-jae plays the lead. He is 31 years old."
    facts = run(nlp, age_rule, body, title="Glass Garden")
    assert [(f.subject, f.object) for f in facts] == [("Park Min-jae", 31)]
    body = "Glass Garden lead Park Min-jae, 31, has signed on."
    assert [f.object for f in run(nlp, age_rule, body, title="Glass Garden")] == [31]


def test_age_at_a_past_event_is_not_the_age(nlp) -> None:
    body = "Glass Garden star Park Min-jae began acting when he was 12 years old."
    assert run(nlp, age_rule, body, title="Glass Garden") == []


def test_no_people_facts_in_a_story_without_screen_work(nlp) -> None:
    body = "Defender Tom Hale, 29, was accused of bullying by a team-mate, his lawyer Ann Roe said."
    for rule in (accused_of_rule, age_rule, represented_by_rule):
        assert run(nlp, rule, body, tv=False) == []


def test_age_in_apposition_to_a_surname(nlp) -> None:
    body = "Kevin Spacey stars in the film Beyond. Spacey, 45, wrote and directed it."
    assert ("age", "Kevin Spacey", 45) in {(f.relation, f.subject, f.object) for f in run(nlp, age_rule, body)}


def test_age_goes_to_the_person_not_a_place(nlp) -> None:
    body = "Jane Stone, a 17-year-old actress from Devon, joins the cast of the drama Pond Life."
    facts = run(nlp, age_rule, body)
    assert {f.subject for f in facts} <= {"Jane Stone"}
    assert all(f.subject != "Devon" for f in facts)


def test_age_at_death_is_no_age(nlp) -> None:
    body = "One of the young stars of the film Pond Life, 15-year-old Ivan Gorin, drowned in a lake."
    assert run(nlp, age_rule, body) == []


def test_age_of_a_descriptor_is_the_person_just_named(nlp) -> None:
    body = "Ann Lee has joined the cast of the Netflix drama Glass Garden. The 27-year-old recently wrapped filming."
    assert ("age", "Ann Lee", 27) in facts_of(nlp, body, title="Glass Garden")
    body = "Ann Lee has left the ITV quiz show Pond Life. Fans said the 28-year-old host would be missed."
    assert ("age", "Ann Lee", 28) in facts_of(nlp, body, title="Pond Life")
    # someone else named before it in its sentence: unclear, no fact
    body = "Ann Lee has joined the Netflix drama Glass Garden. Her co-star Mia Park said the 27-year-old was kind."
    assert not [f for f in facts_of(nlp, body, title="Glass Garden") if f[0] == "age"]
    # no person in the sentence before: no reaching back
    body = "Ann Lee has joined the Netflix drama Glass Garden. Filming starts in May. The 27-year-old is thrilled."
    assert not [f for f in facts_of(nlp, body, title="Glass Garden") if f[0] == "age"]


def test_age_spelled_out_but_not_at_death(nlp) -> None:
    body = "Nineteen-year-old pop singer Tom Reid joined the ITV show Pond Life."
    assert ("age", "Tom Reid", 19) in facts_of(nlp, body, title="Pond Life")
    # FORMAT: the age now, not an age at a past event; a death is one
    body = "Actress Ann Lee, who starred in the ITV soap Pond Life, has died of cancer aged 55."
    assert not [f for f in facts_of(nlp, body, title="Pond Life") if f[0] == "age"]
    body = "Ann Lee, who starred in the ITV soap Pond Life, retired aged 55."
    assert not [f for f in facts_of(nlp, body, title="Pond Life") if f[0] == "age"]


def test_represented_by_passive_and_untagged_agency(nlp) -> None:
    body = "Ann Lee stars in the Netflix drama Glass Garden. The actress is represented by CAA."
    assert ("represented_by", "Ann Lee", "CAA") in facts_of(nlp, body, title="Glass Garden")
    body = "Ann Lee stars in the Netflix drama Glass Garden. Her agency Fantagio confirmed the news on Monday."
    assert ("represented_by", "Ann Lee", "Fantagio") in facts_of(nlp, body, title="Glass Garden")
    body = "Ann Lee stars in the Netflix drama Glass Garden. The region was represented by Korea."
    assert [f for f in facts_of(nlp, body, title="Glass Garden") if f[0] == "represented_by"] == []


def test_age_now_and_in_a_relative_clause(nlp) -> None:
    body = "Kim Ji-won, now 31, plays a lawyer in the Netflix drama Glass Garden."
    assert ("age", "Kim Ji-won", 31) in facts_of(nlp, body, title="Glass Garden")
    body = "Tom Reid, who is 45, stars in the Netflix drama Salt Marsh."
    assert ("age", "Tom Reid", 45) in facts_of(nlp, body, title="Salt Marsh")
    body = "Mia Park, who was 12 when she debuted, stars in the Netflix drama Salt Marsh."
    assert not [f for f in facts_of(nlp, body, title="Salt Marsh") if f[0] == "age"]


def test_agency_in_apposition_to_its_name(nlp) -> None:
    body = "Ann Lee stars in the Netflix drama Glass Garden. BH Entertainment, Ann Lee's agency, denied the report."
    assert ("represented_by", "Ann Lee", "BH Entertainment") in facts_of(nlp, body, title="Glass Garden")
    body = "Ann Lee stars in the Netflix drama Glass Garden. Tom Reid, Ann Lee's co-star, denied the report."
    assert not [f for f in facts_of(nlp, body, title="Glass Garden") if f[0] == "represented_by"]
