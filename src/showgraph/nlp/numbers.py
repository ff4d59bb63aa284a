"""Numbers in words and figures: counts ("six-part", "16 episodes"), ordinals ("second season") and
audience figures ("1.2 million", "25.41 million hours").

>>> parse_number("twenty-two"), parse_number("16"), parse_number("1,200"), parse_number("1.2 million")
(22, 16, 1200, 1200000)
>>> parse_number("six-part"), parse_number("a dozen"), parse_number("5.1m")
(6, 12, 5100000)
>>> ordinal_value("second"), ordinal_value("3rd"), ordinal_value("twenty-first")
(2, 3, 21)
>>> [(s.value, s.text) for s in find_seasons("Season 2 follows the second season of Series Three")]
[(2, 'Season 2'), (2, 'second season'), (3, 'Series Three')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from showgraph.nlp.lexicon import (
    ORDINALS,
    SCALES,
    SPECIAL,
    TENS,
    UNITS,
)

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: A number in words or figures, with an optional scale word ("1.2 million", "twenty-two", "3m").
NUMBER_RE = re.compile(
    rf"(?<![\w.])(?P<num>{_FIGURE}|(?:{'|'.join(TENS)})[-\s](?:{'|'.join(k for k in UNITS if UNITS[k] < 10)})\b"
    rf"|(?:{_WORD})\b|a\s+dozen\b)"
    rf"(?:\s*(?P<scale>hundred|thousand|million|billion|bn|mn|m|k)\b)?",
    re.IGNORECASE,
)
ORDINAL_RE = re.compile(
    rf"\b(?:(?:{'|'.join(TENS)})-)?(?:{_ORD})\b|\b\d+(?:st|nd|rd|th)\b|\b(?:{'|'.join(TENS).replace('y', 'ieth')})\b",
    re.IGNORECASE,
)
_SEASON_NOUN = r"(?:season|series|part|chapter|volume|book)"
SEASON_RE = re.compile(
    rf"\b(?P<noun>season|series)\s+(?P<n>\d{{1,2}}|{_WORD})\b(?!\s*(?:episodes?|seasons?|series|years?|-))"
    rf"|\b(?P<ord>{_ORD}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:(?:and\s+final|full|new|final)\s+)?(?P<noun2>season|series)\b"
    rf"|\bS(?P<s>\d{{1,2}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """A number found in text: its value, the characters it spans, and the text as written."""

    value: int | float
    start: int
    end: int
    text: str


def _clean(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def word_to_number(text: str) -> int | None:
    """A whole number written in words ("six", "twenty-two", "a dozen"), else None.

    >>> word_to_number("Thirteen"), word_to_number("forty five"), word_to_number("many")
    (13, 45, None)
    """
    words = text.lower().strip()
    if words in SPECIAL:
        return SPECIAL[words]
    parts = re.split(r"[-\s]+", words)
    if len(parts) == 1:
        return UNITS.get(parts[0], TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and UNITS[parts[1]] < 10:
        return TENS[parts[0]] + UNITS[parts[1]]
    return None


def parse_number(text: str) -> int | float | None:
    """The value of a number in words or figures, with its scale ("1.2 million" -> 1200000), or None.

    A hyphenated count ("six-part", "10-episode") gives its number.

    >>> parse_number("25.41 million hours"), parse_number("ten-episode"), parse_number("none")
    (25410000, 10, None)
    """
    text = text.strip()
    special = SPECIAL.get(text.lower())
    if special is not None:
        return special
    match = NUMBER_RE.search(text)
    if not match:
        return None
    return _mention_value(match)


def _mention_value(match: re.Match[str]) -> int | float | None:
    raw = match.group("num")
    if re.match(r"\d", raw):
        value: float = float(raw.replace(",", ""))
    else:
        words = word_to_number(raw)
        if words is None:
            return None
        value = words
    scale = match.group("scale")
    if scale:
        value = round(value * SCALES[scale.lower()], 6)
    return _clean(value)


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text``, in words or figures, with its scale word if any.

    >>> [(n.value, n.text) for n in find_numbers("watched by 5.1 million viewers over six nights")]
    [(5100000, '5.1 million'), (6, 'six')]
    """
    out = []
    for match in NUMBER_RE.finditer(text):
        value = _mention_value(match)
        if value is not None:
            out.append(NumberMention(value, match.start(), match.end(), match.group(0)))
    return out


def ordinal_value(text: str) -> int | None:
    """The value of an ordinal ("second", "3rd", "twenty-first"), else None.

    >>> ordinal_value("sixth"), ordinal_value("twentieth"), ordinal_value("best")
    (6, 20, None)
    """
    word = text.lower().strip()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if digits:
        return int(digits.group(1))
    if word in ORDINALS:
        return ORDINALS[word]
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS and ORDINALS[parts[1]] < 10:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    for tens, value in TENS.items():
        if word == tens[:-1] + "ieth":
            return value
    return None


def find_seasons(text: str) -> list[NumberMention]:
    """Season mentions: "Season 2", "series two", "the second season", "S3", with their number.

    "season 2 episodes" and "10-season" are not season mentions of this kind.

    >>> [s.value for s in find_seasons("a six-part series, a 2019 series, its third and final season")]
    [3]
    """
    out = []
    for match in SEASON_RE.finditer(text):
        if match.group("n"):
            raw = match.group("n")
            value = int(raw) if raw.isdigit() else word_to_number(raw)
        elif match.group("ord"):
            value = ordinal_value(match.group("ord"))
        else:
            value = int(match.group("s"))
        if value:
            out.append(NumberMention(value, match.start(), match.end(), match.group(0)))
    return out
