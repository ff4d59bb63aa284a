"""Which spans are show titles: whole titles kept whole, people, kinds and decades left out."""

from __future__ import annotations

import pytest


def shows_of(nlp, body: str, title: str = "News") -> list[str]:
    doc = nlp.make_doc(body)
    doc._.title = title
    return list(nlp(doc)._.shows)


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("She starred in the drama Footballers' Wives for ITV.", "Footballers' Wives"),
        ("Rita Vale has signed up for the film version of The Traveller's Guide To The Stars.",
         "The Traveller's Guide To The Stars"),
        ("The zombie comedy Night of the Living Bread was a hit on BBC Two.", "Night of the Living Bread"),
        ("He starred in the comedy Diary of a Mad Lonely Baker last year.", "Diary of a Mad Lonely Baker"),
        ("Tom Pike won praise for the reality programme Hell's Pantry on ITV1.", "Hell's Pantry"),
    ],
)  # fmt: skip
def test_a_title_keeps_its_possessive_and_small_inner_words(nlp, body, title):
    assert title in shows_of(nlp, body)


def test_a_possessive_person_is_no_part_of_the_title(nlp):
    shows = shows_of(nlp, "Critics loved the comedy Peter Kay's Phoenix Nights on Channel 4.")
    assert "Phoenix Nights" in shows
    assert not any("Kay" in show for show in shows)


def test_a_describing_adjective_is_no_part_of_the_title(nlp):
    assert shows_of(nlp, "Former Ward Nine actor Tom Pike left the programme on BBC One.") == ["Ward Nine"]


def test_two_titles_joined_by_and_are_not_one_title(nlp):
    shows = shows_of(nlp, "Comedy sequel Meet The Parents Again and Dance With Me Now topped the chart.")
    assert "Meet The Parents Again" in shows
    assert not any(" and " in show for show in shows)


def test_a_short_title_with_and_stays_whole(nlp):
    assert "Hide and Seek" in shows_of(nlp, "The thriller Hide and Seek took $22m at the box office.")


def test_the_show_s_winner_is_no_title(nlp):
    shows = shows_of(
        nlp, "Ann Cole joined the reality show Jungle Life. In May Cole became the show's first female winner."
    )
    assert shows == ["Jungle Life"]


def test_a_person_s_surname_is_no_title(nlp):
    body = "Director Carl Moore has signed a new deal. Moore's episode of the crime series Dark Lane airs in May."
    shows = shows_of(nlp, body, title="Moore to direct Dark Lane episode")
    assert "Moore" not in shows and "Dark Lane" in shows


def test_a_title_named_after_its_character_is_kept(nlp):
    body = "Quinn is to direct and help write Nathan Pike for Channel 4. Nathan Pike is a comedy set in London."
    assert "Nathan Pike" in shows_of(nlp, body, title="Quinn returns with Nathan Pike")


def test_kinds_of_production_and_decades_are_no_titles(nlp):
    body = (
        "Film actress Ann Cole won an award for the drama Grey Skies on ITV1. "
        "It came back as a lavish soap in the 1980s, starring Jo Reed."
    )
    shows = shows_of(nlp, body)
    assert "Film" not in shows and "1980s" not in shows


def test_the_subject_of_a_relative_clause_after_shows_is_no_title(nlp):
    body = "It was one of the shows Alan Pike quit the cookery programme to front on BBC Two."
    assert "Alan Pike" not in shows_of(nlp, body)


def test_a_series_name_stays_a_title_beside_a_part_s_full_title(nlp):
    body = (
        "Star Harbour director Ann Cole has signed a film deal with a studio. "
        "Cole will direct the film Star Harbour and the Iron Key for the studio."
    )
    shows = shows_of(nlp, body, title="Director signs studio deal")
    assert "Star Harbour" in shows and "Star Harbour and the Iron Key" in shows


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("She has quit as host of ITV's music show PQ:XY after five years.", "PQ:XY"),
        ("He co-hosted the children's show ZB:tv on Saturday mornings.", "ZB:tv"),
        ("She judged the talent show American Starlet for three years.", "American Starlet"),
        ("The animated series American Pastime was ordered by Fox.", "American Pastime"),
    ],
)  # fmt: skip
def test_a_glued_colon_or_a_leading_nationality_word_stays_in_the_title(nlp, body, title):
    assert shows_of(nlp, body) == [title]


def test_a_nationality_word_before_a_person_or_a_role_is_no_title(nlp):
    assert not any(
        "American" in s for s in shows_of(nlp, "The American actor Tom Pike starred in the drama Glass Keys.")
    )


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        ("Soap operas Harbour Lights, Oak Ridge plus The Brave And The Bold all made the list.",
         ["Harbour Lights", "Oak Ridge", "The Brave And The Bold"]),
        ("She scorned quiz shows like the BBC's We Know It's All True.", ["We Know It's All True"]),
        ("The network leans on TV dating shows such as the little-watched Who's Your Uncle.", ["Who's Your Uncle"]),
        ("Ratings fell for the network's reality shows, such as American Starlet, this week.", ["American Starlet"]),
    ],
)  # fmt: skip
def test_a_plural_genre_noun_heads_a_list_of_titles(nlp, body, titles):
    assert set(titles) <= set(shows_of(nlp, body))


def test_a_title_before_a_screen_role_and_a_name_whatever_its_label(nlp):
    shows = shows_of(nlp, "Model Jo Ray and Holby City actor Tom Pike have left the house.")
    assert shows == ["Holby City"]


@pytest.mark.parametrize(
    "body",
    [
        "New Zealand actor Tom Pike joined the cast of the drama.",
        "Chelsea star Tom Pike watched the TV series.",
        "Former Manchester United star Tom Pike watched the TV series.",
    ],
)
def test_a_place_a_club_or_a_company_before_a_role_is_no_title(nlp, body):
    shows = shows_of(nlp, body)
    assert not any(word in show for show in shows for word in ("Zealand", "Chelsea", "United"))


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("She starred in the likes of Cats and the Town and other hits on TV.", "Cats and the Town"),
        ("The TV show was a hit. The drama was on ITV. Cats And The Town drew to a close on HBO.", "Cats And The Town"),
        ("Ratings for ITV's I'm A Star... Get Me Out Of Town fell as the TV show lost viewers. The series ended.",
         "I'm A Star... Get Me Out Of Town"),
        ("Viewers loved the Bafta-winning drama My Winter Of Roses on BBC Two.", "My Winter Of Roses"),
        ("Her husband Jo Reed - Troy actress Ann Bell was there.", "Troy"),
    ],
)  # fmt: skip
def test_titles_with_small_words_an_ellipsis_or_an_opening_pronoun(nlp, body, title):
    assert title in shows_of(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        "The TV show was a hit. The drama was on ITV. The Bank Of England raised rates in the series.",
        "The TV show was a hit. The drama was on ITV. Tom Pike in Ann Bell's The Long Road was on TV.",
    ],
)
def test_headline_case_names_of_institutions_and_people_are_no_titles(nlp, body):
    shows = shows_of(nlp, body)
    assert not any("Bank" in show or "Tom Pike" in show for show in shows)


def test_a_title_named_before_a_role_in_the_headline_is_a_title_in_the_text(nlp):
    body = "Actress Jo Ray, who joined Harbour Lane in 1990, has died. Ray was 60."
    assert "Harbour Lane" in shows_of(nlp, body, title="Harbour Lane actress Ray dies")
    assert "Harbour Lane" not in shows_of(nlp, body, title="Actress Ray dies")


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        ("The TV drama was a hit. Jo Ray, who played Harbour Lane's Ann Bell on TV, has died.", ["Harbour Lane"]),
        ("The TV drama was a hit. She also starred in films including 1989's Shirley Vale.", ["Shirley Vale"]),
        ("The TV drama was a hit. The series ended. The show ended. Jo Ray, who appeared in Harbour Lane, My Folks "
         "and A Touch of Rain, died.",
         ["Harbour Lane", "My Folks", "A Touch of Rain"]),
        ("She was in the TV drama Ward Nine. It ran on ITV. Later she starred in the drama Footballers' Wives.",
         ["Footballers' Wives"]),
    ],
)  # fmt: skip
def test_titles_of_an_actor_s_credits(nlp, body, titles):
    assert set(titles) <= set(shows_of(nlp, body))


@pytest.mark.parametrize(
    "body",
    [
        "The TV drama was a hit. The series ended. The show ended. He appeared in Paris, Rome and London.",
        "The TV drama was a hit. The series ended. The show ended. The detective also appears in Lions and Lambs.",
    ],
)
def test_places_and_a_two_word_list_after_appeared_in_are_no_titles(nlp, body):
    assert not {"Paris", "Rome", "Lions", "Lambs"} & set(shows_of(nlp, body))


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        ("Her show won best comedy drama, over Ward Nine (BBC One) and other TV dramas.", ["Ward Nine"]),
        ("The winners were named.\nNightly Lights (Blue Cow Productions, BBC Three)\n", ["Nightly Lights"]),
        ("The winners were named.\nAnn & Bo's Saturday Night Party (Granada, ITV1)\n",
         ["Ann & Bo's Saturday Night Party"]),
        ("She won best newcomer, over Tom Pike from Ward Nine (Channel 4).", ["Ward Nine"]),
    ],
)  # fmt: skip
def test_a_title_before_a_bracket_of_channels(nlp, body, titles):
    assert set(titles) <= set(shows_of(nlp, body))


@pytest.mark.parametrize(
    "body",
    [
        "The TV drama ended. Jo Reed (BBC) said the series was over.",
        "The winners were named.\nTom Pike & Jo Reed (Little Kingdom, BBC Three)\n",
    ],
)
def test_a_person_before_a_bracket_is_no_title(nlp, body):
    assert not any("Reed" in show for show in shows_of(nlp, body))


def test_a_definite_title_before_star_in_an_article_about_the_screen(nlp):
    body = (
        "The TV comedy won. The drama series lost. The sitcom was a hit on TV. "
        "The list kept The Ward star Tom Pike in third place. The Waves star Jo Reed was fourth."
    )
    shows = shows_of(nlp, body)
    assert "The Ward" in shows
    assert "The Waves" not in shows


def test_a_title_before_production_company_and_a_name(nlp):
    assert "The Vicar of Dunmore" in shows_of(
        nlp, "The list included The Vicar of Dunmore production company Tiger Lane on TV."
    )


@pytest.mark.parametrize(
    ("body", "not_title"),
    [
        ("All 10 episodes of the drama Ward Nine will stream on Netflix.", "All 10"),
        ("The TV show was a hit. The series ended on ITV. She faced another Jungle Trial on the show. "
         "The Jungle Trial episodes drew millions.", "Jungle Trial"),
    ],
)  # fmt: skip
def test_a_counted_thing_or_a_quantity_is_no_title(nlp, body, not_title):
    assert not any(not_title in show for show in shows_of(nlp, body))


def test_a_title_before_a_counted_noun_stays_a_title(nlp):
    assert "Ward Nine" in shows_of(
        nlp, "She became a Ward Nine actress in the TV drama. A Ward Nine spin-off is planned."
    )


def test_titles_listed_as_what_plural_shows_were(nlp):
    shows = shows_of(
        nlp, "Other American shows which critics admired were The Q-Files, I Love Lorna, Twin Rivers and Star Quest."
    )
    assert {"The Q-Files", "I Love Lorna", "Twin Rivers", "Star Quest"} <= set(shows)
    assert shows_of(nlp, "The shows were Tom Pike and Jo Reed's.") == []


def test_a_second_and_in_a_list_joins_two_words_into_one_title(nlp):
    body = (
        "The TV comedy won a prize. The show was a hit on TV. The series ended. "
        "It beat the likes of Cats and the Town and Salt and Pepper."
    )
    assert {"Cats and the Town", "Salt and Pepper"} <= set(shows_of(nlp, body))
    assert "Salt" not in shows_of(nlp, body)


def test_a_person_s_name_is_cut_off_a_title_only_at_from_in_or_with(nlp):
    from showgraph.nlp.entities import _span_before

    with nlp.select_pipes(disable=["showgraph_shows"]):
        doc = nlp("She won, over Tom Pike from Ward Nine (Channel 4) and Fools and Horses (BBC One).")
    first, second = (t.i for t in doc if t.text == "(")
    assert _span_before(doc, 0, first).text == "Ward Nine"
    span = _span_before(doc, 0, second)  # "Fools" read as a person: no cut at "and" leaves "Horses" alone
    assert span is None or span.text == "Fools and Horses"
