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
        ("Rita Vale is joining the cast of the film adaptation of The Traveller's Guide To The Stars.",
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
    shows = shows_of(nlp, "Ann Cole joined the reality show Jungle Life. Cole was the show's first female winner.")
    assert shows == ["Jungle Life"]


def test_a_person_s_surname_is_no_title(nlp):
    body = "Director Carl Moore has signed a new deal. Moore's episode of the crime series Dark Lane airs in May."
    shows = shows_of(nlp, body, title="Moore to direct Dark Lane episode")
    assert "Moore" not in shows and "Dark Lane" in shows


def test_a_title_named_after_its_character_is_kept(nlp):
    body = "Morris will direct and co-write Nathan Pike for Channel 4. Nathan Pike is a comedy set in London."
    assert "Nathan Pike" in shows_of(nlp, body, title="Morris returns with Nathan Pike")


def test_kinds_of_production_and_decades_are_no_titles(nlp):
    body = (
        "Film actress Ann Cole won an award for the drama Grey Skies on ITV1. "
        "It was remade as a glossy soap in the 1980s, starring Jo Reed."
    )
    shows = shows_of(nlp, body)
    assert "Film" not in shows and "1980s" not in shows


def test_the_subject_of_a_relative_clause_after_shows_is_no_title(nlp):
    body = "This is one of the shows Alan Pike left the gardening programme to present on BBC Two."
    assert "Alan Pike" not in shows_of(nlp, body)


def test_a_series_name_stays_a_title_beside_a_part_s_full_title(nlp):
    body = (
        "Star Harbour director Ann Cole has signed a film deal with a studio. "
        "Cole will direct the film Star Harbour and the Iron Key for the studio."
    )
    shows = shows_of(nlp, body, title="Director signs studio deal")
    assert "Star Harbour" in shows and "Star Harbour and the Iron Key" in shows
