"""Numbers in words and figures, ordinals and season mentions."""

from __future__ import annotations

import pytest

from showgraph.nlp.numbers import find_numbers, find_seasons, ordinal_value, parse_number, word_to_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("eight", 8),
        ("Nineteen", 19),
        ("thirty-one", 31),
        ("a dozen", 12),
        ("42", 42),
        ("3,400", 3400),
        ("2.5 million", 2500000),
        ("7m", 7000000),
        ("four-part", 4),
        ("12-episode", 12),
        ("1.75bn", 1750000000),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_not_numbers() -> None:
    assert parse_number("several") is None
    assert word_to_number("someone") is None


def test_find_numbers_keeps_scale_and_offsets() -> None:
    text = "It drew 3.2 million viewers and eleven nominations."
    mentions = find_numbers(text)
    assert [(m.value, m.text) for m in mentions] == [(3200000, "3.2 million"), (11, "eleven")]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_ordinals() -> None:
    assert [ordinal_value(w) for w in ("fourth", "12th", "thirty-second", "sophomore")] == [4, 12, 32, 2]
    assert ordinal_value("latest") is None


def test_seasons() -> None:
    text = "Series 4 follows its fifth season; S3 and season two too, not a 10-season run or 2019 series."
    assert [s.value for s in find_seasons(text)] == [4, 5, 3, 2]
