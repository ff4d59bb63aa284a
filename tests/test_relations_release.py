"""Release rules: platform, released_on, episode_count, season_status (short invented sentences)."""

from __future__ import annotations

import pytest

from nlp_helpers import run_rule, triples
from showgraph.nlp.relations.release import (
    episode_count_rule,
    platform_rule,
    released_on_rule,
    season_status_rule,
)


def run(nlp, rule, body: str, *, tv: bool = False, **options):
    return run_rule(nlp, rule, body, screen_work=tv, **options)


def test_platform_possessive_and_preposition(nlp) -> None:
    facts = run(nlp, platform_rule, "Hulu's new comedy Sandcastle Kings follows three surfers.")
    assert ("platform", "Sandcastle Kings", "Hulu") in triples(facts)
    facts = run(nlp, platform_rule, "The sitcom Harbour Lights was first broadcast on ITV in 1987.")
    assert ("platform", "Harbour Lights", "ITV") in triples(facts)


def test_platform_as_subject_of_renewal(nlp) -> None:
    facts = run(nlp, platform_rule, "Netflix has renewed the thriller Glass Garden for a third season.")
    assert ("platform", "Glass Garden", "Netflix") in triples(facts)


def test_no_platform_without_a_show(nlp) -> None:
    body = "Shares in ITV rose 4% after the broadcaster reported higher advertising revenue."
    assert run(nlp, platform_rule, body) == []


def test_released_on_with_platform_season_and_status(nlp) -> None:
    body = "The drama Glass Garden will premiere on Hulu on October 3."
    facts = run(nlp, released_on_rule, body, title="Glass Garden", published="2018-11-20", whole=True)
    (fact,) = [f for f in facts if f.relation == "released_on"]
    assert fact.subject == "Glass Garden"
    assert fact.object == "2019-10-03"  # a plan: the next October 3 after publication
    assert fact.qualifiers.get("platform") == "Hulu"
    assert fact.status == "scheduled"


def test_released_on_without_published_date_drops_yearless_dates(nlp) -> None:
    body = "The drama Glass Garden premiered on Hulu on October 3."
    assert run(nlp, released_on_rule, body, title="Glass Garden", whole=True) == []


def test_released_on_keeps_the_most_precise_date(nlp) -> None:
    body = (
        "The sitcom Pond Life was first shown on BBC Two on 5 June 2001. "
        "Since its June 2001 debut, Pond Life has won fans."
    )
    facts = run(nlp, released_on_rule, body, title="Pond Life", whole=True)
    assert {f.object for f in facts} == {"2001-06-05"}


def test_episode_count_forms(nlp) -> None:
    facts = run(nlp, episode_count_rule, "The eight-part drama Salt Marsh begins tonight.", title="Salt Marsh")
    assert ("episode_count", "Salt Marsh", 8) in triples(facts)
    facts = run(nlp, episode_count_rule, "Twelve episodes of Night Porter have been ordered.")
    assert ("episode_count", "Night Porter", 12) in triples(facts)


def test_episode_count_ignores_a_part_of_the_run(nlp) -> None:
    body = "The sitcom Night Porter returns, and the last two episodes are set in Spain."
    assert run(nlp, episode_count_rule, body) == []


def test_season_status_renewed_with_season(nlp) -> None:
    facts = run(nlp, season_status_rule, "Hulu has renewed the comedy Sandcastle Kings for a second season.")
    (fact,) = facts
    assert (fact.subject, fact.object, fact.qualifiers.get("season")) == ("Sandcastle Kings", "renewed", 2)


def test_season_status_cancelled_with_date(nlp) -> None:
    facts = run(nlp, season_status_rule, "The soap Harbour Lights was axed in 1994 after ratings fell.", tv=True)
    assert [(f.object, f.qualifiers.get("date")) for f in facts] == [("cancelled", "1994")]


def test_season_status_negated_renewal_is_unconfirmed(nlp) -> None:
    body = "The thriller Glass Garden has not been renewed for a Season 3."
    facts = run(nlp, season_status_rule, body, title="Glass Garden", tv=True)
    assert [(f.object, f.qualifiers.get("season"), f.status) for f in facts] == [("unconfirmed", 3, "confirmed")]


def test_season_status_in_production(nlp) -> None:
    facts = run(nlp, season_status_rule, "Filming has begun on the drama Salt Marsh in Norfolk.", tv=True)
    assert ("season_status", "Salt Marsh", "in_production") in triples(facts)


def test_season_status_ignores_other_renewals(nlp) -> None:
    body = "The retailer said it renewed its lease on the London store, the sitcom Pond Life aside."
    assert run(nlp, season_status_rule, body) == []


def test_season_status_needs_a_screen_article(nlp) -> None:
    body = "The striker Van Hale was axed by the coach in 2004 after a row."
    assert run(nlp, season_status_rule, body) == []


def test_other_episodes_are_no_count(nlp) -> None:
    body = "Five other episodes of the cartoon Pond Life will be dropped from the schedule."
    assert run(nlp, episode_count_rule, body, title="Pond Life") == []


def test_hours_are_no_episodes(nlp) -> None:
    body = "Stars have joined the line-up for the two-hour special Night Of Hope on NBC."
    assert run(nlp, episode_count_rule, body, title="Night Of Hope") == []


def test_a_person_pausing_is_no_suspension(nlp) -> None:
    body = "Pond Life star Ann Bell, who paused in the cold air to sign autographs, smiled."
    assert run(nlp, season_status_rule, body, tv=True, title="Pond Life") == []


def test_a_series_paused_is_suspended(nlp) -> None:
    facts = run(
        nlp, season_status_rule, "The drama Pond Life was suspended after the fire.", tv=True, title="Pond Life"
    )
    assert ("season_status", "Pond Life", "suspended") in triples(facts)


@pytest.mark.parametrize(
    "body",
    [
        "She told the World Service programme Go Digital about the plan.",
        "The BBC Radio 1 chart show Top Tunes will be broadcast on Sundays.",
        "The musical Pond Life transfers to the West End for Channel 4 producers.",
    ],
)
def test_radio_and_stage_give_no_platform(nlp, body: str) -> None:
    assert run(nlp, platform_rule, body) == []


def test_off_screen_helper() -> None:
    from showgraph.nlp.relations.release import _test_nlp, off_screen

    plain = _test_nlp()
    assert off_screen(plain("She will lead a new Broadway staging of the musical.")[:]) == "stage"
    assert off_screen(plain("She hosts a lunchtime show on Radio 1.")[:]) == "radio"
    assert off_screen(plain("The soap opera returns to television in May.")[:]) is None


def test_released_on_past_tense_premiere(nlp) -> None:
    body = "The thriller Glass Garden premiered on Hulu on March 3, 2021."
    facts = run(nlp, released_on_rule, body, title="Glass Garden", published="2022-01-10", whole=True)
    (fact,) = facts
    assert (fact.subject, fact.object, fact.qualifiers.get("platform")) == ("Glass Garden", "2021-03-03", "Hulu")


def test_released_on_from_a_dated_run(nlp) -> None:
    body = "The reality show Glass Garden drew fewer viewers than its 2019 series."
    facts = run(nlp, released_on_rule, body, title="Glass Garden", whole=True)
    assert triples(facts) == {("released_on", "Glass Garden", "2019")}
    body = "The reality show Glass Garden lost viewers to the 2019 series of another show."
    assert run(nlp, released_on_rule, body, title="Glass Garden", whole=True) == []


def test_a_digital_service_gets_no_platform_or_release(nlp) -> None:
    body = "The report praised the BBC's Starview digital service. The BBC launched Starview in 2002."
    assert run(nlp, platform_rule, body) == []
    assert run(nlp, released_on_rule, body, whole=True) == []


def test_platform_of_a_project_called_x(nlp) -> None:
    body = (
        "Jane Smith has been working on a comedy project along with her sister Ann Smith for Hulu, "
        "called The Long Way Round."
    )
    assert ("platform", "The Long Way Round", "Hulu") in triples(run(nlp, platform_rule, body))


def test_hits_that_helped_the_channel(nlp) -> None:
    body = (
        "The debut of the drama Glass Garden lifted ITV's share by 10%. "
        "Other hits such as the soap Red Harbour have helped the channel to beat its rivals."
    )
    assert ("platform", "Red Harbour", "ITV") in triples(run(nlp, platform_rule, body))
    body = "Shares in ITV rose. Rival soaps such as Red Harbour have hurt the channel."
    assert ("platform", "Red Harbour", "ITV") not in triples(run(nlp, platform_rule, body))


def test_the_channel_show_is_not_the_rival_it_beat(nlp) -> None:
    body = (
        "The sitcom Pond Life has triumphed over the drama Glass Garden at the awards. "
        "The BBC show beat Glass Garden in the best comedy category."
    )
    facts = triples(run(nlp, platform_rule, body))
    assert ("platform", "Pond Life", "BBC") in facts
    assert ("platform", "Glass Garden", "BBC") not in facts


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The sitcom Pond Life came to an end in 2004 after ten seasons.", {"ended"}),
        ("The sitcom Pond Life bowed out in May after six series.", {"ended"}),
        ("The sitcom Pond Life came to Netflix in May.", set()),
        ("The sitcom Pond Life bows on Netflix in May.", set()),
    ],
)
def test_a_run_that_ends(nlp, body: str, expected: set) -> None:
    facts = run(nlp, season_status_rule, body, tv=True, title="Pond Life", published="2024-06-01")
    assert {f.object for f in facts if f.subject == "Pond Life"} == expected


def test_episode_count_status(nlp) -> None:
    (fact,) = run(nlp, episode_count_rule, "The drama Pond Life is tipped to run for 12 episodes.", tv=True)
    assert (fact.object, fact.status) == (12, "speculative")
    (fact,) = run(nlp, episode_count_rule, "The drama Pond Life will have 12 episodes.", tv=True)
    assert (fact.object, fact.status) == (12, "confirmed")


def test_released_on_in_a_relative_clause_of_a_description(nlp) -> None:
    body = (
        "Hulu has renewed the drama Glass Garden for a second season. "
        "The first season, which premiered on December 30, 2022, topped the charts."
    )
    facts = run(nlp, released_on_rule, body, title="Glass Garden", published="2023-02-01", whole=True)
    assert {(f.subject, f.object, f.qualifiers.get("season")) for f in facts} == {("Glass Garden", "2022-12-30", 1)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The thriller Moon Tide returns to Netflix on October 1.", {("2024-10-01", "scheduled")}),
        ("Season 2 of the thriller Moon Tide premieres on Netflix on March 3.", {("2025-03-03", "scheduled")}),
        ("The thriller Moon Tide returned to number one in the streaming chart on Monday.", set()),
    ],
)
def test_timetable_present_release(nlp, body: str, expected: set) -> None:
    facts = run(nlp, released_on_rule, body, title="Moon Tide", published="2024-05-01", whole=True)
    assert {(f.object, f.status) for f in facts} == expected


def test_an_order_for_a_later_season_is_a_renewal(nlp) -> None:
    body = "Disney+ has greenlit a second season of the Korean fantasy series Crimson Tide."
    facts = run(nlp, season_status_rule, body, tv=True, title="Crimson Tide")
    assert {(f.object, f.qualifiers.get("season")) for f in facts} == {("renewed", 2)}
    assert ("platform", "Crimson Tide", "Disney+") in triples(run(nlp, platform_rule, body))
    body = "The sitcom Crimson Tide was commissioned for BBC Three, with its second series also being shown on BBC Two."
    facts = run(nlp, season_status_rule, body, tv=True, title="Crimson Tide")
    assert {f.object for f in facts} == {"commissioned"}


def test_the_original_of_a_named_remake_gets_no_platform(nlp) -> None:
    body = (
        "HBO Max has ordered the drama Crimson Tide. "
        "The series, a remake of the 2015 Japanese film Moonlit River, was created by Ann Lee for HBO Max."
    )
    assert ("platform", "Moonlit River", "HBO Max") not in triples(run(nlp, platform_rule, body))


def test_status_phrases_cancel_suspend_renew(nlp) -> None:
    cases = [
        ("The ITV quiz show Pond Life will not return to screens next year, ITV said.", "cancelled", None),
        ("The Bravo drama Glass Garden has been put on pause, Bravo confirmed.", "suspended", None),
        ("The ITV sitcom Pond Life went on hiatus after the strike.", "suspended", None),
        ("The Fox talent show Bright Lights is now due to start its fourth season in June.", "renewed", 4),
    ]
    for body, value, season in cases:
        facts = [f for f in run(nlp, season_status_rule, body, tv=True) if f.relation == "season_status"]
        assert [(f.object, f.qualifiers.get("season")) for f in facts] == [(value, season)], body


def test_status_phrases_that_state_nothing(nlp) -> None:
    for body in (
        "The actor Tom Reid will not return to the stage.",
        "The ITV quiz show Pond Life is due to start at 8pm.",
        "The ITV quiz show Pond Life put on a brave face.",
    ):
        assert [
            f for f in run(nlp, season_status_rule, body, tv=True) if f.object in {"cancelled", "suspended", "renewed"}
        ] == [], body


def test_a_run_from_year_to_year(nlp) -> None:
    body = "The BBC sitcom Pond Life ran from 1973 to 1989 and drew big audiences."
    statuses = run(nlp, season_status_rule, body, tv=True, published="2005-01-10")
    assert [(f.object, f.qualifiers.get("date")) for f in statuses] == [("ended", "1989")]
    releases = run(nlp, released_on_rule, body, tv=True, published="2005-01-10", whole=True)
    assert ("released_on", "Pond Life", "1973") in triples(releases)


def test_filming_start_is_no_release(nlp) -> None:
    body = "The Netflix drama Glass Garden is a hit. The six-part series begins filming in Yorkshire next month."
    facts = run(nlp, released_on_rule, body, tv=True, published="2024-02-03", title="Glass Garden", whole=True)
    assert [f for f in facts if f.relation == "released_on"] == []
    body = "The Netflix drama Glass Garden is a hit. Season 2 premiered on January 9."
    facts = run(nlp, released_on_rule, body, tv=True, published="2024-02-03", title="Glass Garden", whole=True)
    assert [(f.subject, f.object, f.qualifiers.get("season")) for f in facts] == [("Glass Garden", "2024-01-09", 2)]


def test_production_set_to_begin_is_no_release_and_is_production(nlp) -> None:
    body = "The Netflix drama Glass Garden is a hit. Production on the drama Glass Garden is set to begin in June."
    releases = run(nlp, released_on_rule, body, tv=True, published="2024-05-10", title="Glass Garden", whole=True)
    assert [f for f in releases if f.relation == "released_on"] == []
    statuses = run(nlp, season_status_rule, body, tv=True, published="2024-05-10", title="Glass Garden")
    assert [(f.object, f.status) for f in statuses] == [("in_production", "scheduled")]


def test_ending_with_a_final_season(nlp) -> None:
    body = "The HBO drama Pond Life will end with its fifth season."
    facts = run(nlp, season_status_rule, body, tv=True)
    assert [(f.object, f.qualifiers.get("season"), f.status) for f in facts] == [("ended", 5, "scheduled")]
    assert run(nlp, season_status_rule, "Season 1 of the HBO drama Pond Life ended in May.", tv=True) == []


def test_pulling_the_plug_cancels(nlp) -> None:
    body = "Netflix has pulled the plug on the drama Glass Garden."
    facts = run(nlp, season_status_rule, body, tv=True, title="Glass Garden")
    assert [(f.subject, f.object) for f in facts] == [("Glass Garden", "cancelled")]
    assert run(nlp, season_status_rule, "The striker pulled the plug on his career.", tv=True) == []


def test_further_orders_and_no_return(nlp) -> None:
    cases = [
        ("The Netflix drama Glass Garden has been picked up for a second season.", ("renewed", 2)),
        ("The ITV drama Pond Life gets a third season at ITV.", ("renewed", 3)),
        ("The ITV drama Salt Marsh won't be back for a fourth season.", ("cancelled", None)),
    ]
    for body, expected in cases:
        facts = run(nlp, season_status_rule, body, tv=True)
        assert [(f.object, f.qualifiers.get("season")) for f in facts] == [expected], body
    for body in ("Ann Lee got a second season of fame.", "The fans picked up the second season on DVD."):
        assert run(nlp, season_status_rule, body, tv=True) == [], body


def test_a_titled_show_ended_in_a_year(nlp) -> None:
    body = "The Netflix drama Pond Life, which premiered in 2019, ended in 2022."
    facts = run(nlp, season_status_rule, body, tv=True, published="2024-05-10")
    assert [(f.subject, f.object, f.qualifiers.get("date")) for f in facts] == [("Pond Life", "ended", "2022")]
    for body in (
        "Season 1 of the Netflix drama Glass Garden ended in 2021.",
        "Ann Lee's contract with the Netflix drama Pond Life ended in 2022.",
        "The Netflix drama Glass Garden ended on a cliffhanger.",
    ):
        assert run(nlp, season_status_rule, body, tv=True, published="2024-05-10") == [], body


def test_bare_weekday_after_a_release_verb_and_last_season(nlp) -> None:
    body = "The HBO drama Pond Life premieres Sunday on HBO."
    facts = run(nlp, released_on_rule, body, tv=True, published="2024-05-08", whole=True)
    assert [(f.subject, f.object) for f in facts] == [("Pond Life", "2024-05-12")]
    body = "She told the Sunday Times that the HBO drama Pond Life is a hit."
    assert run(nlp, released_on_rule, body, tv=True, published="2024-05-08", whole=True) == []
    body = "The fourth season of the HBO drama Mud Flats will be its last."
    facts = run(nlp, season_status_rule, body, tv=True)
    assert [(f.object, f.qualifiers.get("season"), f.status) for f in facts] == [("ended", 4, "scheduled")]


def test_season_premiere_parsed_as_a_noun_phrase(nlp) -> None:
    body = (
        "The Netflix drama Glass Garden will return for a third season. "
        "The show's second season premiered on January 9."
    )
    facts = run(nlp, released_on_rule, body, tv=True, published="2024-02-03", title="Glass Garden", whole=True)
    assert [(f.subject, f.object, f.qualifiers.get("season")) for f in facts] == [("Glass Garden", "2024-01-09", 2)]
    body = "The Netflix drama Glass Garden is a hit. Ann Lee's second season premiered on January 9."
    facts = run(nlp, released_on_rule, body, tv=True, published="2024-02-03", title="Glass Garden", whole=True)
    assert facts == []
