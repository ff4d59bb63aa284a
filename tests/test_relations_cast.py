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


def test_possessive_role_of_a_cast_member(nlp):
    body = (
        "The Korean drama Night Ferry returns to Netflix. Kim Ha-neul stars in Night Ferry. "
        "Later in the series, Kim Ha-neul's Mi-rae finally confronts her sister."
    )
    result = full_facts(nlp, body, title="Night Ferry review")
    plays = [f for f in result.facts if f.relation == "plays"]
    found = [(f.subject, f.object, f.qualifiers.get("show")) for f in plays]
    assert found == [("Kim Ha-neul", "Mi-rae", "Night Ferry")]


def test_possessive_role_with_a_character_name_in_a_screen_sentence(nlp):
    body = "The drama Night Ferry is back. In the second episode, Anna Kell's Rosie Vane confronts her sister."
    facts = facts_of(nlp, body, title="Night Ferry review")
    assert ("plays", "Anna Kell", "Rosie Vane") in facts
    assert ("cast_member", "Night Ferry", "Anna Kell") in facts


@pytest.mark.parametrize(
    "body",
    [
        "Netflix's Night Ferry is back for a second season. The drama was praised by critics.",
        "Tom Hale's new sitcom Dry Dock starts on BBC Two. Hale's representation said it would run for six weeks.",
        "The sitcom Dry Dock stars Tom Hale and Jim Pike. In the first episode, Tom Hale's Jim Pike was a surprise.",
        "The sitcom Dry Dock stars Tom Hale. Tom Hale's London home was burgled during filming of the sitcom.",
        "The drama Dry Dock aired on BBC Two. Tony Blair's Labour won the vote on the same night.",
        "The film Deep Water was directed by James Caan. James Caan's Titanic was a hit in the same year.",
    ],
)
def test_possessives_that_are_no_roles(nlp, body):
    facts = facts_of(nlp, body, title="Dry Dock")
    assert not [f for f in facts if f[0] == "plays"]


def test_results_lists_in_brackets_are_no_roles(nlp):
    body = (
        "Holt leads the squad for the indoor meeting in Oslo.\n\n"
        "200m: P Dunn (Riverside Striders), K Moss (Fenwick and Hale), T Orr-Bright (Kestrel Harriers).\n\n"
        "Sam Walsh (Brockley, Elmsted and District), R Venn (Riverside Striders), L Pryce (Hollins AC).\n\n"
        "Now the club says it will take its complaint to the sports tribunal (STA)."
    )
    result = full_facts(nlp, body, title="Team picks Holt for sprint double")
    assert not [f for f in result.facts if f.relation not in ("published_by", "author")]


def test_bracketed_actor_after_a_described_character(nlp):
    body = (
        "Nia Powell and Owen Marsh head the new crime drama The Harbour Files.\n\n"
        "On the island, shy detective Clara Stone (Powell) clashes with her partner Jack Carver (Marsh)."
    )
    facts = facts_of(nlp, body, title="The Harbour Files")
    assert ("plays", "Nia Powell", "Clara Stone") in facts
    assert ("plays", "Owen Marsh", "Jack Carver") in facts


def test_generic_word_before_actress_is_no_show(nlp):
    body = "Film actress Ana Ruiz is up for an award for her role in the drama Night Ferry."
    facts = facts_of(nlp, body, title="Awards shortlist")
    assert not [f for f in facts if f[0] == "cast_member" and f[1] == "Film"]


def test_stage_role_is_no_cast_fact(nlp):
    body = "Tom Hale, who plays Hector in Dry Dock at the National Theatre, is up for best actor."
    facts = facts_of(nlp, body, title="Theatre awards")
    assert not [f for f in facts if f[0] in ("plays", "cast_member")]


def test_possessive_inside_a_title_is_no_role(nlp):
    body = "Films in the running include the comedy Dead Man's Shoes and the drama Night Ferry."
    facts = facts_of(nlp, body, title="Awards shortlist")
    assert not [f for f in facts if f[0] == "plays"]


def test_untagged_title_before_star_borrows_no_show(nlp):
    body = "The drama Night Ferry won best film. Ray star Tom Hale was named best actor."
    facts = facts_of(nlp, body, title="Awards night")
    assert ("cast_member", "Night Ferry", "Tom Hale") not in facts


def test_also_starring_after_a_sequel_attaches_to_the_sequel(nlp):
    body = "Night Ferry Two is the sequel to the thriller Night Ferry, also starring John Carter and Mary Stone."
    facts = facts_of(nlp, body, title="Box office")
    assert ("cast_member", "Night Ferry", "John Carter") not in facts


def test_object_of_persuade_is_the_actor(nlp):
    body = "The drama Cold Harbour airs on ITV. The producer persuaded Ann Lowe to play Harriet Vane in Cold Harbour."
    facts = facts_of(nlp, body, title="Cold Harbour")
    assert ("plays", "Ann Lowe", "Harriet Vane") in facts
    assert ("cast_member", "Cold Harbour", "Ann Lowe") in facts
    assert not [f for f in facts if f[0] in ("plays", "cast_member") and "producer" in str(f).lower()]


def test_role_in_someone_elses_untagged_film_borrows_no_show(nlp):
    body = (
        "The drama Cold Harbour airs on ITV. Ann Lowe, who plays Hermia in the Tom Baxter films, was there. "
        "Ruth Hale played Nellie in Mike Leigh's film."
    )
    result = full_facts(nlp, body, title="Cold Harbour premiere")
    facts = {(f.relation, f.subject, f.object): f for f in result.facts}
    assert ("cast_member", "Cold Harbour", "Ann Lowe") not in facts
    assert ("cast_member", "Cold Harbour", "Ruth Hale") not in facts
    assert ("plays", "Ann Lowe", "Hermia") in facts
    assert "show" not in facts[("plays", "Ann Lowe", "Hermia")].qualifiers


def test_described_role_in_a_named_title(nlp):
    body = (
        "The sitcom Dry Dock airs on ITV. In the new film, Tom Ellery plays a struggling baker in Bread Run. "
        "In the drama, Ann Lee plays a nurse in Chicago."
    )
    facts = facts_of(nlp, body, title="Screen news")
    assert ("cast_member", "Bread Run", "Tom Ellery") in facts
    assert ("cast_member", "Dry Dock", "Tom Ellery") not in facts
    assert not [f for f in facts if f[0] == "cast_member" and f[1] == "Chicago"]


def test_stars_as_in_a_title_after_the_as_phrase(nlp):
    body = (
        "The sitcom Dry Dock airs on ITV. While the sitcom Dry Dock ends, Sam Bell stars as a getaway driver in comedy "
        "The Ferryman."
    )
    facts = facts_of(nlp, body, title="Screen news")
    assert ("cast_member", "The Ferryman", "Sam Bell") in facts
    assert ("cast_member", "Dry Dock", "Sam Bell") not in facts


def test_loose_starring_after_an_untagged_title_borrows_no_show(nlp):
    body = (
        "The chart was led by the comedy Dry Dock, ahead of Flight of the Heron at number eight, starring Dennis Marsh."
    )
    facts = facts_of(nlp, body, title="Box office")
    assert ("cast_member", "Dry Dock", "Dennis Marsh") not in facts


def test_show_co_star_with_a_comma(nlp):
    body = "The sitcom Dry Dock ended in May. Her Dry Dock co-star, Paul Sims, is now a chef."
    facts = facts_of(nlp, body, title="Screen news")
    assert ("cast_member", "Dry Dock", "Paul Sims") in facts


def test_possessive_company_with_which_is_no_role(nlp):
    body = "The drama Cold Harbour airs on ITV. Tom Baxter's Blue Fox, which made Cold Harbour, is for sale."
    facts = facts_of(nlp, body, title="Company news")
    assert not [f for f in facts if f[0] == "plays"]
    assert ("cast_member", "Cold Harbour", "Tom Baxter") not in facts


def test_copula_with_best_actor_is_an_award_not_a_cast(nlp):
    body = "The drama Night Ferry won best film. Tom Hale was best actor while Ruth Hale won best actress."
    facts = facts_of(nlp, body, title="Awards night")
    assert ("cast_member", "Night Ferry", "Tom Hale") not in facts


def test_such_as_list_is_no_role(nlp):
    body = (
        "The drama Night Ferry opened the festival, which attracted such directors as Tom Baxter, "
        "alongside such stars as Ruth Hale and Sam Bell."
    )
    facts = facts_of(nlp, body, title="Festival news")
    assert not [f for f in facts if f[0] == "plays"]


def test_guest_stars_and_voice_cast(nlp):
    body = (
        "The comedy Dry Dock is on ITV. Kim Stone guest-stars in Dry Dock next week. "
        "The villain Zorg is voiced by Nick Frost in Dry Dock. The cartoon Dry Dock, voiced by Ann Lee, returns."
    )
    facts = facts_of(nlp, body, title="Dry Dock")
    assert ("cast_member", "Dry Dock", "Kim Stone") in facts
    assert ("plays", "Nick Frost", "Zorg") in facts
    assert ("cast_member", "Dry Dock", "Nick Frost") in facts
    assert ("cast_member", "Dry Dock", "Ann Lee") in facts
    assert not [f for f in facts if f[0] == "plays" and f[2] == "Dry Dock"]


def test_writing_a_part_for_oneself_is_a_cast_plan(nlp):
    body = (
        "Tom Hale is writing an episode of the cartoon Dry Dock. "
        "He will write a small part for himself in that episode."
    )
    result = full_facts(nlp, body, title="Hale writing Dry Dock episode")
    found = {(f.relation, f.subject, f.object): f.status for f in result.facts}
    assert found.get(("cast_member", "Dry Dock", "Tom Hale")) == "scheduled"


def test_who_plays_in_title_and_show_stars_pairs(nlp):
    body = (
        "The comedy Dry Dock is on ITV. Sam Bell, who plays Rohan Mehta in Dry Dock, is back. "
        "Dry Dock stars Ruth Lane as Jane Finch and Paul Sims as Max Cole."
    )
    facts = facts_of(nlp, body, title="Dry Dock")
    assert ("plays", "Sam Bell", "Rohan Mehta") in facts
    assert ("plays", "Ruth Lane", "Jane Finch") in facts
    assert ("plays", "Paul Sims", "Max Cole") in facts
    assert ("cast_member", "Dry Dock", "Paul Sims") in facts


def test_appearing_in_a_chart_is_no_cast(nlp):
    body = (
        "The sitcom Dry Dock topped the poll. Tom Hale appears more often than any other singer, "
        "with three of his songs listed."
    )
    facts = facts_of(nlp, body, title="Poll results")
    assert not [f for f in facts if f[0] == "cast_member"]


def test_voiced_name_called_a_programme_is_no_character(nlp):
    body = (
        "The sitcom Dry Dock is back. And who remembers Moon Door voiced by the late Tom Hale, superb children's "
        "programme."
    )
    facts = facts_of(nlp, body, title="Children's TV")
    assert not [f for f in facts if f[0] == "plays"]
    assert ("cast_member", "Dry Dock", "Tom Hale") not in facts


def test_former_before_a_show_actor_is_no_part_of_the_title(nlp):
    body = "The sitcom Dry Dock is back. Former Dry Dock actor Tom Hale said he was pleased."
    facts = facts_of(nlp, body, title="Dry Dock returns")
    assert ("cast_member", "Dry Dock", "Tom Hale") in facts
    assert not [f for f in facts if f[1].startswith("Former")]


def test_stage_version_in_the_phrase_is_no_cast(nlp):
    body = (
        "The sitcom Dry Dock is back. Ann Lee played Aunt Bess in the Glasgow stage version of Night Ferry. "
        "Tom Hale will star in a West End revival of Blue Hour. Sam Bell plays Rohan in the sitcom Dry Dock."
    )
    facts = facts_of(nlp, body, title="Dry Dock")
    assert not [f for f in facts if f[0] in ("plays", "cast_member") and f[-1] in ("Ann Lee", "Tom Hale")]
    assert not [f for f in facts if f[0] == "plays" and f[1] == "Ann Lee"]
    assert ("cast_member", "Dry Dock", "Sam Bell") in facts


def test_an_actors_own_film_and_a_televised_pantomime(nlp):
    body = (
        "The sitcom Dry Dock is back. Ann Lee, who played Rose in Dry Dock, has appeared on the London stage, "
        "and has a film, Night Ferry, currently in production. "
        "Once BBC Television had launched, Tom Hale was seen playing the Emperor of Zembla in the first televised "
        "pantomime, Blue Hour."
    )
    facts = facts_of(nlp, body, title="Dry Dock")
    assert ("cast_member", "Night Ferry", "Ann Lee") in facts
    assert ("plays", "Tom Hale", "Emperor") in facts


def test_as_after_an_untagged_title_is_not_the_earlier_titles_cast(nlp):
    body = (
        "Other movies tipped for success include Night Ferry, starring Ruth Lane, Sea Change, with Tom Hale "
        "as author Jim Barr, and more."
    )
    facts = facts_of(nlp, body, title="Awards tips")
    assert ("cast_member", "Night Ferry", "Tom Hale") not in facts
    assert ("plays", "Tom Hale", "Jim Barr") in facts


def test_show_star_after_a_spaced_dash_and_before_a_nationality(nlp):
    body = (
        "The sitcom Dry Dock is back. She was supporting her director husband Tom Hale - Dry Dock actress Ann Lee "
        "and star Sam Bell."
    )
    facts = facts_of(nlp, body, title="Premiere night")
    assert ("cast_member", "Dry Dock", "Ann Lee") in facts
    assert not [f for f in facts if f[0] == "cast_member" and f[1].startswith("Tom Hale")]


def test_a_played_character_is_no_cast_member(nlp):
    body = "The sitcom Dry Dock returns to ITV with Tom Hale as Max, who also appeared in Chocolat Moon last year."
    facts = facts_of(nlp, body, title="Dry Dock returns")
    assert ("plays", "Tom Hale", "Max") in facts
    assert not [f for f in facts if f[0] == "cast_member" and f[2] == "Max"]


def test_second_as_conjunct_with_a_kinship_noun(nlp):
    body = (
        "Cold Harbour is a new crime drama for Netflix. The series stars Tom Reed as detective Sam Cole and "
        "Ruth Hale as his sister Mia Cole."
    )
    facts = facts_of(nlp, body, title="Netflix drama")
    assert ("plays", "Tom Reed", "Sam Cole") in facts
    assert ("plays", "Ruth Hale", "Mia Cole") in facts


def test_cast_in_a_recurring_role_is_the_articles_show(nlp):
    body = "Cold Harbour is a new crime drama for Netflix. Ruth Hale has been cast in a recurring role."
    assert ("cast_member", "Cold Harbour", "Ruth Hale") in facts_of(nlp, body, title="Netflix drama")
    body = "Cold Harbour is a new crime drama for Netflix. The producers cast Ruth Hale in a recurring role."
    assert not [f for f in facts_of(nlp, body, title="Netflix drama") if f[2] == "The producers"]


def test_in_talks_to_star_is_speculative(nlp):
    body = "Sarah Jones is in talks to star in the Apple TV+ limited series Glass Rooms."
    result = full_facts(nlp, body, title="Casting news")
    found = [f for f in result.facts if f.relation == "cast_member" and f.object == "Sarah Jones"]
    assert [(f.subject, f.status) for f in found] == [("Glass Rooms", "speculative")]


def test_best_known_for_playing(nlp):
    body = (
        "Tom Reed, best known for playing Danny in the BBC's Night Shift, has landed the lead role in ITV's "
        "new period drama The Weaver."
    )
    facts = facts_of(nlp, body, title="Casting news")
    assert ("plays", "Tom Reed", "Danny") in facts
    assert ("cast_member", "Night Shift", "Tom Reed") in facts
    assert ("cast_member", "The Weaver", "Tom Reed") in facts


def test_original_star_expected_to_return_is_speculative(nlp):
    body = "The drama Glass Rooms is being revived by Netflix, with original star Ruth Hale expected to return."
    result = full_facts(nlp, body, title="Revival")
    found = [(f.subject, f.status) for f in result.facts if f.relation == "cast_member" and f.object == "Ruth Hale"]
    assert found == [("Glass Rooms", "speculative")]
    body = "The drama Glass Rooms is being revived by Netflix, with Ruth Hale expected to return to the West End."
    result = full_facts(nlp, body, title="Revival")
    assert not [f for f in result.facts if f.relation == "cast_member"]


def test_starring_in_a_new_untitled_production_borrows_no_show(nlp):
    body = "The Netflix thriller Cold Harbour returns in May. Ruth Hale will star in a new comedy for the BBC."
    assert not [f for f in facts_of(nlp, body, title="Casting news") if f[0] == "cast_member"]
    body = "The Netflix thriller Cold Harbour returns in May. Ruth Hale will guest star in the upcoming season."
    assert ("cast_member", "Cold Harbour", "Ruth Hale") in facts_of(nlp, body, title="Casting news")


def test_returning_as_crew_is_no_cast(nlp):
    body = "The Netflix thriller Cold Harbour returns in May. Kate Bell will return as showrunner on Season 2."
    facts = facts_of(nlp, body, title="Cold Harbour renewed")
    assert ("created_by", "Cold Harbour", "Kate Bell") in facts
    assert ("cast_member", "Cold Harbour", "Kate Bell") not in facts


def test_star_opposite_a_partner(nlp):
    body = "The Netflix thriller Cold Harbour returns in May. Ruth Hale will star opposite Tom Reed in the drama."
    facts = facts_of(nlp, body, title="Casting news")
    assert ("cast_member", "Cold Harbour", "Tom Reed") in facts
    body = "He starred in the thriller Cold Harbour, and appeared opposite Tom Reed and Juliette Binoche in Chocolat."
    assert not [f for f in facts_of(nlp, body, title="Obituary") if f[2] in ("Tom Reed", "Juliette Binoche")]


def test_the_role_of_a_character(nlp):
    body = "The Netflix thriller Cold Harbour returns in May. Ruth Hale has landed the role of Mia Cole."
    facts = facts_of(nlp, body, title="Cold Harbour casting")
    assert ("plays", "Ruth Hale", "Mia Cole") in facts
    assert ("cast_member", "Cold Harbour", "Ruth Hale") in facts
    body = "Ruth Hale, known for her role as Mia Cole in the soap Night Shift, sang a duet."
    facts = facts_of(nlp, body, title="Concert")
    assert ("plays", "Ruth Hale", "Mia Cole") in facts
    assert ("cast_member", "Night Shift", "Ruth Hale") in facts


def test_role_of_in_a_past_bio_borrows_no_show(nlp):
    body = "Tom Reed starred in the drama Cold Harbour. But Reed eventually took the role of Danny Cole, and won."
    facts = facts_of(nlp, body, title="Obituary")
    assert ("plays", "Tom Reed", "Danny Cole") in facts
    assert [f for f in facts if f[0] == "cast_member"] == [("cast_member", "Cold Harbour", "Tom Reed")]


def test_cast_member_lists_and_inverted_starring(nlp):
    intro = "The Netflix thriller Cold Harbour returns in May. "
    for sentence in (
        "Returning cast members include Ruth Hale and Tom Reed.",
        "Guest stars include Ruth Hale and Tom Reed.",
        "Also starring are Ruth Hale and Tom Reed.",
    ):
        facts = facts_of(nlp, intro + sentence, title="Cold Harbour returns")
        assert ("cast_member", "Cold Harbour", "Tom Reed") in facts, sentence
    facts = facts_of(nlp, intro + "Other new stars include Ruth Hale.", title="Cold Harbour returns")
    assert not [f for f in facts if f[0] == "cast_member"]


def test_joining_the_cast(nlp):
    intro = "The Netflix thriller Cold Harbour returns in May. "
    for sentence in ("Ruth Hale has joined the cast of the drama.", "Ruth Hale has joined the cast."):
        assert ("cast_member", "Cold Harbour", "Ruth Hale") in facts_of(nlp, intro + sentence, title="Casting"), (
            sentence
        )
    for sentence in ("Ruth Hale has joined the cast of a new film.", "Ruth Hale joins the all-star cast."):
        facts = facts_of(nlp, "The film Cold Harbour opened. Glass Rooms was second. " + sentence, title="Box office")
        assert not [f for f in facts if f[2] == "Ruth Hale"], sentence


def test_titular_and_title_role_after_stars(nlp):
    intro = "The Netflix thriller Cold Harbour returns in May. "
    for sentence in ("Ruth Hale plays the titular role.", "Ruth Hale stars in the title role."):
        facts = facts_of(nlp, intro + sentence, title="Cold Harbour casting")
        assert ("plays", "Ruth Hale", "Cold Harbour") in facts, sentence


def test_plays_a_description_named_a_character(nlp):
    body = (
        "Sarah Jones is in talks to star in the Apple TV+ limited series Glass Rooms. "
        "She would play a disgraced surgeon named Ada Finch."
    )
    result = full_facts(nlp, body, title="Casting news")
    found = [(f.object, f.qualifiers.get("show"), f.status) for f in result.facts if f.relation == "plays"]
    assert found == [("Ada Finch", "Glass Rooms", "speculative")]
    body = "The drama Glass Rooms returns. Tom Reed plays a character named after his father."
    assert not [f for f in facts_of(nlp, body, title="Casting news") if f[0] == "plays"]


def test_who_was_a_character_in_a_show(nlp):
    body = "The sitcom Flatmates is back. Jen Castle, who was Monica in Flatmates, stars in a new film."
    facts = facts_of(nlp, body, title="Sitcom news")
    assert ("plays", "Jen Castle", "Monica") in facts
    assert ("cast_member", "Flatmates", "Jen Castle") in facts
