"""Credit rules on short made-up sentences."""

from __future__ import annotations

from nlp_helpers import facts_of, full_facts


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


def test_second_verb_of_a_relative_clause_credits_its_subject(nlp):
    body = (
        "The sitcom Dry Spell starts in May. Dry Spell will be a character-driven comedy, according to Tom Reyes, "
        "who created the website Net Life in 2001 and has co-written the series."
    )
    facts = facts_of(nlp, body, title="Dry Spell")
    assert ("written_by", "Dry Spell", "Tom Reyes") in facts
    assert not [f for f in facts if f[0] == "created_by"]


def test_bringing_a_show_to_a_channel_is_producing_it(nlp):
    body = "Tim Vale also brought quiz show Brain Race to ITV. Ann Cole brought the sitcom Dry Spell up at dinner."
    facts = facts_of(nlp, body, title="Brain Race")
    assert ("produced_by", "Brain Race", "Tim Vale") in facts
    assert not [f for f in facts if f[0] == "produced_by" and f[2] == "Ann Cole"]


def test_actor_before_genre_noun_is_no_creator(nlp):
    body = "The Night Ferry topped the chart. Tom Hale thriller Dry Dock made its debut at number six."
    facts = facts_of(nlp, body, title="Box office chart")
    assert not [f for f in facts if f[0] == "created_by" and f[2] == "Tom Hale"]


def test_director_possessive_still_credits_the_maker(nlp):
    body = "The film-maker John Carter was praised. John Carter's drama Night Ferry won the top prize on Sunday."
    facts = facts_of(nlp, body, title="Festival prizes")
    assert ("created_by", "Night Ferry", "John Carter") in facts


def test_role_noun_applies_only_to_the_name_it_premodifies(nlp):
    body = "The drama Night Ferry opened. He posed with Tom Hale, director Ana Ruiz, Mr Pike and Mr Reed."
    facts = facts_of(nlp, body, title="Night Ferry premiere")
    directors = {f[2] for f in facts if f[0] == "directed_by"}
    assert "Ana Ruiz" in directors
    assert not directors & {"Pike", "Mr Pike", "Reed", "Mr Reed"}


def test_festival_director_is_no_credit(nlp):
    body = "The drama Night Ferry opened the event. Festival director Ana Ruiz said the line-up was strong."
    facts = facts_of(nlp, body, title="Film festival opens")
    assert not [f for f in facts if f[0] == "directed_by" and f[2] == "Ana Ruiz"]


def test_producer_in_a_sentence_without_a_title_borrows_no_show(nlp):
    body = (
        "The thriller Dry Dock, The Lost Road, Night Ferry, Blue Hour, Cold Town and Red Sky all opened. "
        "The drama Night Ferry came second. Producer Ana Ruiz said the results were pleasing."
    )
    facts = facts_of(nlp, body, title="Weekend box office")
    assert not [f for f in facts if f[0] == "produced_by"]


def test_stage_production_gets_no_credit(nlp):
    body = "The musical Dry Dock opens in the West End. The revival, directed by Ana Ruiz, will star Tom Hale."
    facts = facts_of(nlp, body, title="Dry Dock revival")
    assert not [f for f in facts if f[0] == "directed_by"]
