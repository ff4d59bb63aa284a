"""Reception rules: rating, viewership, genre, country, awards, adapted_from (invented sentences)."""

from __future__ import annotations

import pytest

from nlp_helpers import facts_of, full_facts, run_rule, triples
from showgraph.nlp.relations.reception import (
    adapted_from_rule,
    awards_rule,
    genre_country_rule,
    rating_rule,
    viewership_rule,
)


def run(nlp, rule, body: str, *, tv: bool = True, **options):
    return run_rule(nlp, rule, body, screen_work=tv, **options)


def test_rating_with_source(nlp) -> None:
    body = "The comedy Pond Life holds a 91% approval rating on Rotten Tomatoes."
    (fact,) = run(nlp, rating_rule, body, title="Pond Life")
    assert (fact.subject, fact.object, fact.qualifiers["source"]) == ("Pond Life", "91%", "Rotten Tomatoes")


def test_rating_out_of_ten(nlp) -> None:
    facts = run(nlp, rating_rule, "The sitcom Pond Life scores 7.9/10 on IMDb.", title="Pond Life")
    assert ("rating", "Pond Life", "7.9/10") in triples(facts)


def test_no_rating_without_an_aggregator(nlp) -> None:
    assert run(nlp, rating_rule, "Profits rose 91% at the sitcom Pond Life's producer.", title="Pond Life") == []


def test_viewership_with_period(nlp) -> None:
    body = "The thriller Glass Garden was watched for 12.3 million hours in its first week."
    facts = run(nlp, viewership_rule, body, title="Glass Garden")
    (fact,) = facts
    assert fact.object == "12.3 million hours"
    assert fact.qualifiers.get("period") == "first week"


def test_viewership_needs_a_show_audience(nlp) -> None:
    body = "ITV's share of the audience fell to 21% as the firm sold 4.5 million set-top boxes."
    assert run(nlp, viewership_rule, body) == []
    body = "The sitcom Pond Life drew 6 million viewers, while the company reported 2 million sales."
    assert {f.object for f in run(nlp, viewership_rule, body)} == {"6 million viewers"}


def test_genre_and_country_from_the_phrase(nlp) -> None:
    facts = run(nlp, genre_country_rule, "The Danish crime drama Salt Marsh returns tonight.", title="Salt Marsh")
    assert ("genre", "Salt Marsh", "crime drama") in triples(facts)
    assert ("country", "Salt Marsh", "Denmark") in triples(facts)


def test_genre_by_copula_and_k_drama(nlp) -> None:
    body = "Glass Garden is an upcoming Korean romance series."
    facts = run(nlp, genre_country_rule, body, title="Glass Garden")
    assert ("genre", "Glass Garden", "romance") in triples(facts)
    assert ("country", "Glass Garden", "South Korea") in triples(facts)


def test_broadcast_country_is_no_origin(nlp) -> None:
    facts = run(nlp, genre_country_rule, "The sitcom Pond Life was shown in the US last year.", title="Pond Life")
    assert not any(f.relation == "country" for f in facts)


def test_awards_with_category_and_date(nlp) -> None:
    body = "The sitcom Pond Life won a Bafta in 2003 for best comedy."
    facts = run(nlp, awards_rule, body, title="Pond Life")
    (fact,) = facts
    assert (fact.relation, fact.subject, fact.object) == ("won_award", "Pond Life", "Bafta")
    assert fact.qualifiers == {"category": "best comedy", "date": "2003"}


def test_award_winner_title(nlp) -> None:
    facts = run(nlp, awards_rule, "The film stars three-time Emmy winner Julia Mardsen as a spy.")
    assert ("won_award", "Julia Mardsen", "Emmy") in triples(facts)


def test_adapted_from_based_on(nlp) -> None:
    body = "The drama Salt Marsh is based on the novel The Drowned Fields."
    facts = run(nlp, adapted_from_rule, body, title="Salt Marsh")
    assert ("adapted_from", "Salt Marsh", "The Drowned Fields") in triples(facts)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Quirky comedy Pond Life opened in eighth place.", "comedy"),
        ("The low-budget sci-fi thriller Pond Life won the top prize.", "sci-fi thriller"),
        ("Bittersweet drama Pond Life entered the chart.", "drama"),
    ],
)
def test_genre_without_judging_words(nlp, body: str, expected: str) -> None:
    facts = run(nlp, genre_country_rule, body, title="Pond Life")
    assert {f.object for f in facts if f.relation == "genre"} == {expected}


def test_no_genre_from_a_time_word_or_a_counterfactual(nlp) -> None:
    body = "It follows the current Saturday night series Pond Life. If it was a comedy, it would need a star."
    assert [f for f in run(nlp, genre_country_rule, body, title="Pond Life") if f.relation == "genre"] == []


def test_genre_of_a_description_needs_its_show_in_view(nlp) -> None:
    # two titles in play: "the boxing drama" could be either, so it names neither
    body = "Blue Sky and Red Moon led the chart. The boxing drama has made $4m."
    assert [f for f in run(nlp, genre_country_rule, body, title="Box office") if f.relation == "genre"] == []


@pytest.mark.parametrize(
    "body",
    [
        "The actor Tom Fry has been given three nominations for Bafta awards for his part in Pond Life.",
        "The drama Pond Life has scooped seven nominations at the Bafta Awards.",
    ],
)
def test_nominations_are_not_wins(nlp, body: str) -> None:
    facts = run(nlp, awards_rule, body, title="Pond Life")
    assert facts and {f.relation for f in facts} == {"nominated_for"}


def test_negated_win_gives_nothing(nlp) -> None:
    body = "Despite rave reviews for Pond Life, the actress Ann Bell did not win the best actress Bafta."
    assert [f for f in run(nlp, awards_rule, body, title="Pond Life") if f.relation == "won_award"] == []


def test_predicted_win_is_speculative(nlp) -> None:
    facts = run(nlp, awards_rule, "The drama Pond Life will win a Bafta, according to critics.", title="Pond Life")
    assert [f.status for f in facts if f.relation == "won_award"] == ["speculative"]


def test_presenting_a_ceremony_wins_nothing(nlp) -> None:
    body = "The Pond Life star Tom Fry will still be presenting the Bafta ceremony."
    assert run(nlp, awards_rule, body, title="Pond Life") == []


def test_music_award_is_out_of_scope(nlp) -> None:
    body = "The actress and singer Ann Bell won a Grammy for her debut album."
    assert run(nlp, awards_rule, body) == []


def test_category_is_a_category_phrase() -> None:
    from showgraph.nlp.relations.reception import is_category

    assert is_category("best comedy") and is_category("outstanding drama series")
    assert not is_category("her performance") and not is_category("Pond Life") and not is_category("Golden Globe")


ENUMERATIONS = [
    (
        "From Crimson Harbor and Paper Lanterns to Silent Orchard and Glass Kingdom, it's already been a "
        "record-breaking twelve months for Korean dramas on Netflix.",
        ["Crimson Harbor", "Paper Lanterns", "Silent Orchard", "Glass Kingdom"],
    ),
    (
        "From Crimson Harbor to Paper Lanterns, Korean dramas have dominated the charts on Netflix.",
        ["Crimson Harbor", "Paper Lanterns"],
    ),
    (
        "Titles such as Crimson Harbor, Paper Lanterns and Silent Orchard are Korean dramas on Netflix.",
        ["Crimson Harbor", "Paper Lanterns", "Silent Orchard"],
    ),
]


@pytest.mark.parametrize(("body", "titles"), ENUMERATIONS)
def test_enumerated_titles_take_the_genre_phrase_country_and_platform(nlp, body, titles) -> None:
    from nlp_helpers import facts_of

    facts = set(facts_of(nlp, body))
    for title in titles:
        assert ("country", title, "South Korea") in facts
        assert ("platform", title, "Netflix") in facts


def test_enumeration_needs_a_plural_screen_genre(nlp) -> None:
    from nlp_helpers import facts_of

    body = "From Harbor Road and Mill Lane to Kings Yard and Park Row, British fans have flocked to the shops."
    assert facts_of(nlp, body) == []
    doc = nlp(body)
    assert doc._.shows == []


@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("The drama Pond Life is up for a Bafta this year.", None),
        ("The drama Pond Life is in the running for an Emmy for best drama.", "best drama"),
        ("The drama Pond Life was among the nominees for best drama at the Emmys.", "best drama"),
        ("The drama Pond Life will compete for the Golden Globe for best drama.", "best drama"),
    ],
)
def test_nomination_phrases(nlp, body: str, category: str | None) -> None:
    facts = [f for f in run(nlp, awards_rule, body, title="Pond Life") if f.relation == "nominated_for"]
    (fact,) = facts
    assert fact.subject == "Pond Life" and fact.qualifiers.get("category") == category
    assert fact.status == "confirmed"  # "will compete": the nomination is already made
    assert not [f for f in run(nlp, awards_rule, body, title="Pond Life") if f.relation == "won_award"]


def test_losing_a_category_states_a_nomination_and_the_winner(nlp) -> None:
    body = (
        "At the National Television Awards, the actor Tom Reed was handed a special award for drama. "
        "But the sitcom Pond Life missed out in the best new comedy category to the sitcom Red Harbour."
    )
    facts = {(f.relation, f.subject, f.qualifiers.get("category")) for f in run(nlp, awards_rule, body)}
    assert ("nominated_for", "Pond Life", "best new comedy") in facts
    assert ("won_award", "Red Harbour", "best new comedy") in facts
    assert ("won_award", "Pond Life", "best new comedy") not in facts


def test_beating_rivals_makes_them_nominees(nlp) -> None:
    body = (
        "The sitcom Pond Life won two Golden Globes in 2011 for best comedy. "
        "In winning, the show beat the likes of the drama Glass Garden and the sitcom Red Harbour."
    )
    facts = run(nlp, awards_rule, body, title="Pond Life")
    nominated = {(f.subject, f.object, f.qualifiers.get("category")) for f in facts if f.relation == "nominated_for"}
    assert nominated == {
        ("Glass Garden", "Golden Globe", "best comedy"),
        ("Red Harbour", "Golden Globe", "best comedy"),
    }
    body = "The drama Glass Garden beat the sitcom Pond Life to the top spot in the ratings."
    assert run(nlp, awards_rule, body) == []


def test_a_contestant_is_not_the_actor_in_its_apposition(nlp) -> None:
    body = "The drama Glass Garden, a thriller starring Tom Reed, is up for six Emmys."
    subjects = {f.subject for f in run(nlp, awards_rule, body)}
    assert subjects == {"Glass Garden"}


def test_collecting_the_award_at_a_ceremony_named_before(nlp) -> None:
    body = (
        "At the National Television Awards on Monday, the actor Tom Reed was handed a special award for drama. "
        "Jane Smith was also at the ceremony to pick up the award for best drama for the sitcom Pond Life."
    )
    facts = {
        (f.subject, f.qualifiers.get("category")) for f in run(nlp, awards_rule, body) if f.relation == "won_award"
    }
    assert ("Pond Life", "best drama") in facts
    assert not any(subject == "Jane Smith" for subject, _ in facts)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The drama Salt Marsh is inspired by the podcast Winter Birds.", {("Salt Marsh", "Winter Birds")}),
        ("The film Salt Marsh is a remake of the 1958 film Winter Birds.", {("Salt Marsh", "Winter Birds")}),
        (
            "Tom Reed will direct Salt Marsh - a character from the cult website Winter Birds - for ITV.",
            {("Salt Marsh", "Winter Birds")},
        ),
        ("The drama Salt Marsh is inspired by the life of 1960s singer Tom Reed.", set()),
        ("The comedy Salt Marsh, an adaptation of Tom Reed's TV cartoon, fell to fifth.", set()),
        ("The actor Tom Reed joins the film adaptation of The Traveller's Guide To The Moon.", set()),
    ],
)
def test_adapted_from_needs_a_titled_work(nlp, body: str, expected: set) -> None:
    facts = run(nlp, adapted_from_rule, body, title="Salt Marsh")
    assert {(f.subject, f.object) for f in facts} == expected


def test_the_novel_a_film_is_based_on_has_no_genre_fact(nlp) -> None:
    body = "The thriller upon which the film Salt Marsh is based has sold a million copies."
    assert run(nlp, genre_country_rule, body, title="Salt Marsh") == []


def test_another_genre_phrase_carries_to_the_show_before(nlp) -> None:
    intro = "The BBC shows Pond Life and The Daily Round made Reed famous. "
    body = intro + "As well as Pond Life, Reed was behind another news satire, The Daily Round."
    facts = triples(run(nlp, genre_country_rule, body, title="Pond Life"))
    assert {("genre", "Pond Life", "news satire"), ("genre", "The Daily Round", "news satire")} <= facts
    body = intro + "As well as Pond Life, Reed was behind a news satire, The Daily Round."
    assert ("genre", "Pond Life", "news satire") not in triples(run(nlp, genre_country_rule, body, title="Pond Life"))


@pytest.mark.parametrize(
    "body",
    [
        "The novelist's latest book, the thriller Night Harbour, was published in 2003.",
        "Her new stage comedy Night Harbour opens in May.",
    ],
)
def test_books_and_stage_works_get_no_genre(nlp, body: str) -> None:
    assert run(nlp, genre_country_rule, body, title="Night Harbour") == []


def test_a_screen_show_in_apposition_keeps_its_genre(nlp) -> None:
    body = "The channel's latest show, the thriller Night Harbour, airs in May."
    assert ("genre", "Night Harbour", "thriller") in triples(run(nlp, genre_country_rule, body, title="Night Harbour"))


@pytest.mark.parametrize(
    ("body", "category"),
    [
        (
            "The actor Tom Reed, star of the drama Pond Life, was awarded the CBE in May for services to drama.",
            "services to drama",
        ),
        ("The sitcom Pond Life will win best comedy at the Emmys, according to critics.", "best comedy"),
    ],
)
def test_award_categories_split_by_the_parser(nlp, body: str, category: str) -> None:
    facts = [f for f in run(nlp, awards_rule, body, title="Pond Life") if f.relation == "won_award"]
    assert [f.qualifiers.get("category") for f in facts] == [category]


def test_the_thriller_is_the_one_title_named_before(nlp) -> None:
    body = (
        "Film star Tom Reed is back on top at the box office with his film Night Harbour. "
        "The thriller went straight in at number one."
    )
    facts = triples(run(nlp, genre_country_rule, body, title="Box office"))
    assert ("genre", "Night Harbour", "thriller") in facts
    assert not any(subject == "Film" for _, subject, _ in facts)


def test_viewership_and_adaptation_keep_their_cue(nlp) -> None:
    body = "The drama Pond Life is expected to draw 10 million viewers in its first week."
    (fact,) = run(nlp, viewership_rule, body, title="Pond Life")
    assert fact.status == "speculative"
    body = "The comedy Pond Life is reportedly based on the novel Winter Birds."
    (fact,) = run(nlp, adapted_from_rule, body, title="Pond Life")
    assert (fact.object, fact.status) == ("Winter Birds", "reported")


def test_viewing_hours_as_written_and_category_on_the_prize(nlp) -> None:
    body = "The drama Pond Life topped the global chart with 25.4 million viewing hours."
    assert [f.object for f in run(nlp, viewership_rule, body, title="Pond Life")] == ["25.4 million viewing hours"]
    body = "The comedy Pond Life won an Emmy for outstanding comedy series in 2021."
    (fact,) = run(nlp, awards_rule, body, title="Pond Life")
    assert fact.qualifiers.get("category") == "outstanding comedy series"


def test_coordinated_prizes_and_the_longest_award_name(nlp) -> None:
    facts = run(nlp, awards_rule, "The drama Pond Life won two Golden Globes and a Bafta.", title="Pond Life")
    assert {f.object for f in facts if f.relation == "won_award"} == {"Golden Globe", "Bafta"}
    body = "The K-drama Pond Life has been nominated for best drama at the Baeksang Arts Awards."
    (fact,) = run(nlp, awards_rule, body, title="Pond Life")
    assert (fact.relation, fact.object, fact.qualifiers.get("category")) == (
        "nominated_for",
        "Baeksang Arts Awards",
        "best drama",
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ann Lee, who plays the lead in the K-drama Pond Life, was named best actress at the Seoul Drama Awards.",
            ("won_award", "Ann Lee", "best actress"),
        ),
        (
            "The K-drama Pond Life earned Ann Lee a nomination for best actress at the Emmys.",
            ("nominated_for", "Ann Lee", "best actress"),
        ),
        ("The K-drama Pond Life swept five awards at the Baeksang Arts Awards.", ("won_award", "Pond Life", None)),
    ],
)
def test_named_best_and_earned_a_nomination(nlp, body: str, expected: tuple) -> None:
    facts = run(nlp, awards_rule, body, title="Pond Life")
    assert [(f.relation, f.subject, f.qualifiers.get("category")) for f in facts] == [expected]


def test_named_host_of_a_ceremony_is_no_award(nlp) -> None:
    body = "Ann Lee, star of the K-drama Pond Life, was named the new host of the Seoul Drama Awards."
    assert run(nlp, awards_rule, body, title="Pond Life") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The drama Pond Life is not up for a Bafta this year.", []),
        ("The drama Pond Life is no longer in the running for an Emmy.", []),
        ("The drama Pond Life could be up for a Bafta next year.", ["speculative"]),
    ],
)
def test_nomination_phrases_negated_or_hedged(nlp, body: str, expected: list) -> None:
    assert [f.status for f in run(nlp, awards_rule, body, title="Pond Life")] == expected


ROUND_UP = (
    "Pond Life triumphed over Salt Marsh at the Seoul Drama Awards on Sunday. "
    "The ITV sitcom Pond Life beat Salt Marsh to win this year's best TV drama prize. "
    "Ann Lee won best actress over Mia Park and Jo Kim. "
    "Salt Marsh star Mia Park walked away with best newcomer, beating Tom Reid. "
    "Jo Kim and Tom Reid star in the ITV drama Salt Marsh. Ann Lee stars in Pond Life."
)


def test_awards_round_up_names_the_ceremony_once(nlp) -> None:
    facts = run(nlp, awards_rule, ROUND_UP, title="Pond Life wins")
    found = triples(facts)
    for winner in ("Pond Life", "Ann Lee", "Mia Park"):
        assert ("won_award", winner, "Seoul Drama Awards") in found
    for loser in ("Salt Marsh", "Jo Kim", "Tom Reid"):
        assert ("nominated_for", loser, "Seoul Drama Awards") in found
    assert ("won_award", "Salt Marsh", "Seoul Drama Awards") not in found
    assert ("won_award", "Jo Kim", "Seoul Drama Awards") not in found
    lee = next(f for f in facts if f.subject == "Ann Lee" and f.relation == "won_award")
    assert lee.qualifiers.get("category") == "best actress"


def test_category_win_without_a_ceremony_in_the_lead_is_no_fact(nlp) -> None:
    body = "Ann Lee stars in the sitcom Pond Life. She won best actress over Mia Park."
    assert [f for f in run(nlp, awards_rule, body, title="Pond Life") if f.subject == "Ann Lee"] == []
    # a festival lead: its prizes have names of their own
    body = (
        "Pond Life was named best series at the Busan Film Festival. Ann Lee stars in Pond Life. "
        "Ann Lee won best actress."
    )
    assert not [f for f in run(nlp, awards_rule, body, title="Pond Life") if f.subject == "Ann Lee"]


def test_where_clause_of_the_awards(nlp) -> None:
    body = (
        "Kim Ji-won stars in the Netflix drama Glass Garden. The drama was nominated for best drama at the "
        "Baeksang Arts Awards, where Kim won best new actress."
    )
    facts = run(nlp, awards_rule, body, title="Glass Garden")
    kim = [f for f in facts if f.subject == "Kim Ji-won"]
    assert [(f.relation, f.object, f.qualifiers.get("category")) for f in kim] == [
        ("won_award", "Baeksang Arts Awards", "best new actress")
    ]


def test_coordinated_award_names_share_awards(nlp) -> None:
    body = (
        "Ann Lee and Tom Reid star in the sitcom Pond Life. Lee and Reid won numerous awards for Pond Life in 2004, "
        "including National Drama, Royal Screen Society and British Sitcom awards."
    )
    found = triples(run(nlp, awards_rule, body, title="Pond Life"))
    for person in ("Ann Lee", "Tom Reid"):
        for award in ("National Drama Awards", "Royal Screen Society Awards", "British Sitcom Awards"):
            assert ("won_award", person, award) in found


def test_round_up_stage_prize_and_generic_winner_are_no_facts(nlp) -> None:
    body = (
        "Pond Life won big at the Seoul Drama Awards. Ann Lee stars in Pond Life. "
        "Ann Lee beat Mia Park to win best musical actress. "
        "The most nominated drama has won best drama ten times. "
        "Mia Park secured the most lucrative deal in television."
    )
    facts = run(nlp, awards_rule, body, title="Pond Life")
    assert {f.subject for f in facts} <= {"Pond Life"}


def test_viewership_of_an_episode_and_of_the_audience_subject(nlp) -> None:
    body = (
        "The ITV quiz show Pond Life is on air. The first instalment attracted 4.1 million viewers at the start - "
        "but that had fallen to fewer than 2.7 million as the credits rolled. Over 1.8 million people "
        "also watched the first episode of Pond Life's new series on BBC Three."
    )
    facts = {(f.object, f.qualifiers.get("period")) for f in run(nlp, viewership_rule, body, title="Pond Life")}
    assert facts == {
        ("4.1 million viewers", "first instalment"),
        ("2.7 million", None),
        ("1.8 million people", "first episode"),
    }


def test_viewership_periods_average_peak_and_week(nlp) -> None:
    body = (
        "The sitcom Pond Life has averaged five million viewers. Pond Life, at its peak, attracted 17 million viewers. "
        "Around three million people a week still watched the show on Fridays."
    )
    facts = {(f.object, f.qualifiers.get("period")) for f in run(nlp, viewership_rule, body, title="Pond Life ends")}
    assert facts == {
        ("five million viewers", "average"),
        ("17 million viewers", "peak"),
        ("three million people", "a week"),
    }


def test_viewership_of_the_show_needs_the_headline_show(nlp) -> None:
    body = "The sitcom Pond Life ended. Salt Marsh began. About three million people were watching the show."
    assert run(nlp, viewership_rule, body, title="Channel news") == []


def test_adapted_from_a_work_of_the_same_name(nlp) -> None:
    body = "The Netflix drama Glass Garden opens today. The drama is based on the popular webtoon of the same name."
    facts = run(nlp, adapted_from_rule, body, title="Glass Garden")
    assert ("adapted_from", "Glass Garden", "Glass Garden") in triples(facts)
    body = "The Netflix drama Glass Garden opens today. The drama is based on the same novel as the film."
    assert run(nlp, adapted_from_rule, body, title="Glass Garden") == []


def test_award_won_in_a_relative_clause(nlp) -> None:
    body = "Ann Lee starred in the BBC sitcom Pond Life, which won a Bafta for best comedy in 2003."
    assert ("won_award", "Pond Life", "Bafta") in triples(run(nlp, awards_rule, body, title="Pond Life"))
    body = "The actress, who won an Emmy for her turn as a nurse in the ITV drama Salt Marsh, was later arrested."
    assert run(nlp, awards_rule, body, title="Salt Marsh") == []


def test_nominated_alongside(nlp) -> None:
    body = (
        "Pond Life won big at the Seoul Drama Awards. Ann Lee stars in Pond Life. Tom Reid and Mia Park star "
        'in the ITV drama Salt Marsh. Lee said: "It is an honour to be nominated alongside Tom Reid and Mia Park."'
    )
    found = triples(run(nlp, awards_rule, body, title="Pond Life"))
    assert {("nominated_for", p, "Seoul Drama Awards") for p in ("Tom Reid", "Mia Park")} <= found


def test_nominated_for_the_same_award_of_the_round_up(nlp) -> None:
    body = (
        "Pond Life won big at the Seoul Drama Awards. Ann Lee won best actress for the ITV drama Salt Marsh. "
        "Mia Park, from the ITV drama Salt Marsh, was also nominated for the very same award."
    )
    assert ("nominated_for", "Mia Park", "Seoul Drama Awards") in triples(
        run(nlp, awards_rule, body, title="Pond Life")
    )
    body = "Mia Park, of the ITV drama Salt Marsh, was also nominated for the very same award."
    assert run(nlp, awards_rule, body, title="Salt Marsh") == []


def test_the_award_for_a_category_at_the_ceremony_just_named(nlp) -> None:
    body = (
        "Ann Lee stars in the drama Salt Marsh. Salt Marsh won the Daesang at the 2023 Baeksang Arts Awards. "
        "Salt Marsh star Ann Lee took home the award for best actress. "
        "Tom Reid, from the drama Salt Marsh, won an award for best actor."
    )
    facts = run(nlp, awards_rule, body, title="Salt Marsh")
    assert ("won_award", "Ann Lee", "Baeksang Arts Awards") in triples(facts)
    assert not [f for f in facts if f.subject == "Tom Reid"]  # "an award": which one is not said


def test_viewership_opening_night_finale_and_minutes(nlp) -> None:
    body = (
        "Glass Garden was watched by 8.2 million viewers on its opening night. "
        "The finale of Glass Garden drew 5.1 million viewers. "
        "Glass Garden topped the chart with 1.2 billion minutes viewed."
    )
    facts = {(f.object, f.qualifiers.get("period")) for f in run(nlp, viewership_rule, body, title="Glass Garden")}
    assert facts == {
        ("8.2 million viewers", "opening night"),
        ("5.1 million viewers", "finale"),
        ("1.2 billion minutes", None),
    }


def test_viewership_rating_in_percent(nlp) -> None:
    body = (
        "The tvN drama Mud Flats recorded a viewership rating of 12.5 percent. "
        "ITV's share of the audience fell 20 percent."
    )
    facts = run(nlp, viewership_rule, body, title="Mud Flats")
    assert [(f.subject, f.object) for f in facts] == [("Mud Flats", "12.5 percent")]


def test_viewership_seen_by_and_peaked(nlp) -> None:
    body = (
        "The ITV show Pond Life is on. Pond Life's finale was seen by 12 million people. "
        "Pond Life peaked with 14.2m viewers. "
        "The company has seen profits of 12 million pounds."
    )
    facts = {(f.object, f.qualifiers.get("period")) for f in run(nlp, viewership_rule, body, title="Pond Life")}
    assert facts == {("12 million people", "finale"), ("14.2m viewers", "peak")}


def test_nominations_led_scored_and_among_the_nominees(nlp) -> None:
    body = (
        "Yoon Se-ra stars in the Netflix drama Glass Garden. Glass Garden leads the Emmy nominations with 14 nods. "
        "Yoon Se-ra is among this year's nominees for best actress. The Netflix drama Salt Marsh leads the Emmy race."
    )
    found = triples(run(nlp, awards_rule, body, title="Glass Garden"))
    assert {("nominated_for", "Glass Garden", "Emmy"), ("nominated_for", "Yoon Se-ra", "Emmy")} <= found
    assert not [t for t in found if t[1] == "Salt Marsh"]


def test_named_remake_with_a_split_subject_and_a_same_name_source(nlp) -> None:
    body = "The Netflix drama Glass Garden is an adaptation of the popular webtoon of the same name."
    assert ("adapted_from", "Glass Garden", "Glass Garden") in triples(run(nlp, adapted_from_rule, body))
    body = "The Netflix drama Glass Garden is a remake of the 2019 Spanish series Casa Verde."
    assert ("adapted_from", "Glass Garden", "Casa Verde") in triples(run(nlp, adapted_from_rule, body))
    body = "The Netflix drama Glass Garden is a remake of the same film."
    assert run(nlp, adapted_from_rule, body) == []


def test_the_prize_went_to(nlp) -> None:
    body = (
        "Glass Garden won big at the 2024 Baeksang Arts Awards. Kim Ji-won stars in the Netflix drama Glass Garden. "
        "The best actress award went to Kim Ji-won. The money went to Tom Reid. "
        "Tom Reid stars in the Netflix drama Salt Marsh. The best musical award went to Tom Reid."
    )
    found = triples(run(nlp, awards_rule, body, title="Glass Garden"))
    assert ("won_award", "Kim Ji-won", "Baeksang Arts Awards") in found
    assert not [t for t in found if t[1] == "Tom Reid"]


def test_a_person_category_won_for_a_named_person(nlp) -> None:
    body = (
        "Glass Garden won big at the 2024 Baeksang Arts Awards. Ann Lee directed the Netflix drama Glass Garden. "
        "Glass Garden scored best director for Ann Lee."
    )
    facts = [
        f for f in run(nlp, awards_rule, body, title="Glass Garden") if f.qualifiers.get("category") == "best director"
    ]
    assert [(f.subject, f.object) for f in facts] == [("Ann Lee", "Baeksang Arts Awards")]


def test_a_predicted_win_is_speculative(nlp) -> None:
    body = "Ann Lee stars in the ITV drama Pond Life. Critics predict that Lee will win the best actress Oscar."
    found = [f for f in full_facts(nlp, body, title="Pond Life").facts if f.relation == "won_award"]
    assert [(f.subject, f.object, f.status) for f in found] == [("Ann Lee", "Oscar", "speculative")]


def test_a_performance_prize_for_a_show_is_the_performers(nlp) -> None:
    body = "Ann Lee stars in the ITV drama Pond Life. Ann Lee won the best actress Bafta for Pond Life."
    assert ("won_award", "Ann Lee", "Bafta") in facts_of(nlp, body, title="Pond Life")
    body = "Pond Life is an ITV drama. Ann Lee collected the best drama Bafta for Pond Life."
    assert ("won_award", "Ann Lee", "Bafta") not in facts_of(nlp, body, title="Pond Life")
