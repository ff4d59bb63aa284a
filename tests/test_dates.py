"""Dates: ISO at the text's precision; dates without a year resolve against the published date only."""

from __future__ import annotations

from datetime import date

import pytest

from showgraph.nlp.dates import dates_in, find_dates, parse_date
from showgraph.nlp.status import _test_nlp as plain_model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It premiered on March 4, 2011.", "2011-03-04"),
        ("It premiered on 4 March 2011.", "2011-03-04"),
        ("It premiered on the 4th of March, 2011.", "2011-03-04"),
        ("It premiered on Mar. 4, 2011.", "2011-03-04"),
        ("It premiered in March 2011.", "2011-03"),
        ("It premiered in 2011.", "2011"),
        ("Released 2011-03-04.", "2011-03-04"),
    ],
)
def test_absolute_dates_keep_their_precision(text: str, expected: str) -> None:
    assert parse_date(text) == expected
    assert parse_date(text, date(1999, 1, 1)) == expected  # a published date changes nothing


@pytest.mark.parametrize(
    "text", ["on October 3", "in October", "on Tuesday", "next month", "later this year", "yesterday"]
)
def test_without_published_date_relative_dates_are_left_out(text: str) -> None:
    assert parse_date(text) is None


def test_day_without_year_resolves_by_direction() -> None:
    published = date(2018, 11, 20)
    assert parse_date("on October 3", published, future=False) == "2018-10-03"
    assert parse_date("on October 3", published, future=True) == "2019-10-03"
    assert parse_date("on December 1", published) == "2018-12-01"  # nearest either way


def test_month_and_weekday_and_relative() -> None:
    published = date(2018, 11, 20)  # a Tuesday
    assert parse_date("in February", published, future=True) == "2019-02"
    assert parse_date("in February", published, future=False) == "2018-02"
    assert parse_date("on Friday", published, future=True) == "2018-11-23"
    assert parse_date("on Friday", published, future=False) == "2018-11-16"
    assert parse_date("last Tuesday", published) == "2018-11-13"
    assert parse_date("next month", published) == "2018-12"
    assert parse_date("earlier this year", published) == "2018"
    assert parse_date("next year", published) == "2019"


def test_not_dates() -> None:
    assert find_dates("the 1980s, the mid-'70s, 3,500 viewers, a £2015 fee, the 2018-19 season") == []
    assert find_dates("The star may march on.") == []


def test_mentions_carry_offsets() -> None:
    text = "Filmed in 2009, shown on 2 May 2010."
    mentions = find_dates(text)
    assert [m.iso for m in mentions] == ["2009", "2010-05-02"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_dates_in_a_span_are_token_aligned() -> None:
    doc = plain_model()("The finale airs on 2 May 2010 on the channel.")
    (iso, span), *_ = dates_in(doc[:])
    assert iso == "2010-05-02"
    assert span.text == "2 May 2010"


@pytest.mark.parametrize(
    "text", ["The quiz could go out at about 1900 each Sunday.", "It airs at 2030 GMT.", "News at 1800 hours"]
)
def test_clock_time_is_no_year(text: str) -> None:
    assert find_dates(text) == []


def test_year_after_other_prepositions_stays_a_year() -> None:
    assert [m.iso for m in find_dates("It ran from 2004 until 2010 and returned in 1900.")] == ["2004", "2010", "1900"]


def test_bare_weekday_only_after_a_release_verb() -> None:
    from datetime import date

    from showgraph.nlp.dates import find_dates

    assert [m.iso for m in find_dates("The drama premieres Sunday on HBO.", date(2024, 5, 8), future=True)] == [
        "2024-05-12"
    ]
    assert find_dates("She told the Sunday Times about it.", date(2024, 5, 8), future=True) == []
