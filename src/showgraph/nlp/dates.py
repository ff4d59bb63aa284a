"""Date expressions in article text -> ISO dates at the precision the text gives.

"December 30, 2022" -> ``2022-12-30``, "March 2023" -> ``2023-03``, "in 2020" -> ``2020``. A date
without a year ("on September 17", "in March"), a weekday ("on Sunday") or a relative date ("next
month", "later this year") is resolved against the article's published date as FORMAT.md says: the
nearest such day before it for a past event, after it for a planned one; with no published date it is
left out (None). Nothing ever resolves against the real clock, and no part the text does not give is
filled in, which is why this is a small deterministic parser rather than ``dateparser`` (whose
defaults fill missing parts from today's date). Decades ("the mid-'90s", "the 1990s") and spans
("over the next three years") have no ISO form here and are skipped.

>>> from datetime import date
>>> parse_date("December 30, 2022")
'2022-12-30'
>>> parse_date("30 December 2022"), parse_date("in March 2023"), parse_date("2020")
('2022-12-30', '2023-03', '2020')
>>> parse_date("on September 17") is None  # no year and no published date: left out
True
>>> parse_date("on September 17", date(2019, 7, 9), future=True)
'2019-09-17'
>>> parse_date("on Sunday", date(2021, 8, 26), future=False)  # a Thursday
'2021-08-22'
>>> parse_date("next month", date(2019, 12, 9)), parse_date("later this year", date(2019, 7, 9))
('2020-01', '2019')
>>> parse_date("the mid-'90s") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from showgraph.nlp.lexicon import (
    MONTHS,
    SEASONS_OF_YEAR,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span


# Month names must be capitalised (so "may" and "march" as words are not months); abbreviations too.
_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?:{_FULL}|(?:{_ABBR})\b\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d{2}|20\d{2}|2100)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TAIL = r"(?![\d,]*\d)(?!'?s\b)(?!-\w)"  # not part of a longer number, a decade ("1990s") or "2019-20"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    (
        "mdy",
        re.compile(rf"(?:\b{_WEEKDAY},?\s+)?\b(?P<month>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b{_TAIL})?"),
    ),
    (
        "dmy",
        re.compile(
            rf"(?:\b{_WEEKDAY},?\s+)?(?:the\s+)?\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR})\b{_TAIL})?"
        ),
    ),
    ("my", re.compile(rf"\b(?P<month>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b{_TAIL}")),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>(?:(?:later|earlier)\s+)?(?:this|next|last)\s+(?:year|month)"
            r"|today|tonight|yesterday|tomorrow"
            r"|(?:this|next|last)\s+(?:spring|summer|autumn|fall|winter))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(rf"\b(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\s+)?(?P<wd>{_WEEKDAY})(?:'s)?\b"),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<prep>[Ii]n|[Oo]n|[Ff]rom|[Uu]ntil|[Bb]y|[Ss]ince|[Tt]his|[Nn]ext|[Ll]ast|[Ee]arly|[Ll]ate|"
            rf"[Mm]id-?|[Bb]efore|[Aa]fter|[Ee]nd\s+of|[Ss]tart\s+of)\s*(?:in\s+)?(?P<month>{_FULL})\b"
        ),
    ),
    ("year", re.compile(rf"(?<![\d,.$£€'])\b(?P<y>{_YEAR})\b{_TAIL}(?!\s*(?:%|per\s*cent))")),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in text: its ISO form, the characters it spans, and the text as written."""

    iso: str
    start: int
    end: int
    text: str


def _as_date(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    parts = [int(p) for p in str(published).split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts)


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _pick(candidates: list[date], anchor: date, future: bool | None) -> date:
    """The candidate nearest ``anchor`` on the side ``future`` says (None: either side)."""
    if future is True:
        after = [c for c in candidates if c >= anchor]
        return min(after) if after else max(candidates)
    if future is False:
        before = [c for c in candidates if c <= anchor]
        return max(before) if before else min(candidates)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def _day_without_year(month: int, day: int, pub: date, future: bool | None) -> str | None:
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    if not candidates:
        return None
    return _pick(candidates, pub, future).isoformat()


def _month_without_year(month: int, pub: date, future: bool | None) -> str:
    candidates = [date(year, month, 1) for year in (pub.year - 1, pub.year, pub.year + 1)]
    chosen = _pick(candidates, pub.replace(day=1), future)
    return f"{chosen.year:04d}-{chosen.month:02d}"


def _shift_month(pub: date, months: int) -> str:
    index = pub.year * 12 + pub.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative(phrase: str, pub: date) -> str | None:
    words = phrase.lower().split()
    if words[0] in {"later", "earlier"}:
        words = words[1:]
    if words == ["today"] or words == ["tonight"]:
        return pub.isoformat()
    if words == ["yesterday"]:
        return (pub - timedelta(days=1)).isoformat()
    if words == ["tomorrow"]:
        return (pub + timedelta(days=1)).isoformat()
    which, unit = words
    step = {"this": 0, "next": 1, "last": -1}[which]
    if unit == "year":
        return f"{pub.year + step:04d}"
    if unit == "month":
        return _shift_month(pub, step)
    start = SEASONS_OF_YEAR[unit]
    if step == 0:
        return f"{pub.year:04d}"
    if step == 1:
        return f"{pub.year + (1 if pub.month >= start else 0):04d}"
    return f"{pub.year - (1 if pub.month <= start + 2 else 0):04d}"


#: A release verb right before a bare weekday: "X premieres Sunday on HBO", "debuts Friday".
_RELEASE_BEFORE = re.compile(
    r"\b(?:premieres?|premiered|debuts?|debuted|returns?|airs?|launch(?:es)?|drops?|arrives?|streams?|"
    r"opens?|bows?)\s+$",
    re.IGNORECASE,
)


def _weekday(which: str | None, weekday: int, pub: date, future: bool | None) -> str:
    which = (which or "").lower()
    if which == "last":
        future, strict = False, True
    elif which == "next":
        future, strict = True, True
    else:
        strict = False
    candidates = [pub + timedelta(days=offset) for offset in range(-7, 8)]
    candidates = [c for c in candidates if c.weekday() == weekday and not (strict and c == pub)]
    return _pick(candidates, pub, future).isoformat()


def _resolve(kind: str, match: re.Match[str], pub: date | None, future: bool | None) -> str | None:
    groups = match.groupdict()
    if kind == "iso":
        return match.group(0)
    if kind == "year":
        return groups["y"]
    if kind == "my":
        return f"{groups['y']}-{_month_number(groups['month']):02d}"
    if kind in {"mdy", "dmy"}:
        month, day = _month_number(groups["month"]), int(re.sub(r"\D", "", groups["d"]))
        if groups.get("y"):
            try:
                return date(int(groups["y"]), month, day).isoformat()
            except ValueError:
                return None
        return _day_without_year(month, day, pub, future) if pub else None
    if pub is None:
        return None
    if kind == "month":
        prep = groups["prep"].lower()
        direction = {"next": True, "last": False}.get(prep, future)
        if prep == "this":
            return f"{pub.year:04d}-{_month_number(groups['month']):02d}"
        return _month_without_year(_month_number(groups["month"]), pub, direction)
    if kind == "relative":
        return _relative(groups["rel"], pub)
    if kind == "weekday":
        return _weekday(groups.get("which"), WEEKDAYS[groups["wd"].lower()], pub, future)
    return None


_CLOCK_BEFORE = re.compile(
    r"\bat\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|"
    r"exactly\s+|precisely\s+|just\s+(?:before|after)\s+)?$",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(r"^\s*(?:GMT|BST|UTC|hrs|hours|h\b|local\s+time)", re.IGNORECASE)


def _clock_time(text: str, start: int, end: int) -> bool:
    """Whether a four-digit number reads as a 24-hour clock time ("at 1900", "2030 GMT"), not a year.

    >>> _clock_time("shown at about 1900 on Sundays", 15, 19), _clock_time("first shown in 1978", 15, 19)
    (True, False)
    """
    digits = text[start:end]
    if not (digits.isdigit() and len(digits) == 4 and int(digits[:2]) <= 23 and int(digits[2:]) <= 59):
        return False
    before = text[max(0, start - 30) : start]
    if _CLOCK_AFTER.match(text[end:]):
        return True
    return bool(_CLOCK_BEFORE.search(before)) and not re.match(r"^\s*(?:season|series|film|awards?)\b", text[end:])


def find_dates(text: str, published: date | str | None = None, *, future: bool | None = None) -> list[DateMention]:
    """Every date expression in ``text`` that has an ISO form, left to right, longest first.

    ``future`` says which way a date without a year resolves: True for a planned event (the nearest
    such day on or after ``published``), False for a past one (on or before), None for the nearest.

    >>> [(m.iso, m.text) for m in find_dates("It aired in 1978 and returns on 11 December 2005.")]
    [('1978', '1978'), ('2005-12-11', '11 December 2005')]
    >>> [m.iso for m in find_dates("2,500 complaints in the 1990s, a $50m budget, 2019-20")]
    []
    """
    pub = _as_date(published)
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "month":
                start = match.start("month")
            if (
                kind == "weekday"
                and not match.group("which")
                and not _RELEASE_BEFORE.search(text[max(0, start - 20) : start])
            ):
                continue  # a bare weekday name ("Sunday Times") is too often a title; "premieres Friday" is a day
            if kind == "year" and _clock_time(text, start, end):
                continue  # "at about 1900 on Sundays" is seven in the evening
            if any(start < e and s < end for s, e, _ in found):
                continue
            iso = _resolve(kind, match, pub, future)
            if iso:
                found.append((start, end, iso))
    found.sort()
    return [DateMention(iso, s, e, text[s:e]) for s, e, iso in found]


def parse_date(text: str, published: date | str | None = None, *, future: bool | None = None) -> str | None:
    """The first date in ``text`` as ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or None.

    >>> parse_date("Dec. 30", "2023-01-05", future=False)
    '2022-12-30'
    >>> parse_date("Friday, August 27th", "2021-08-26")
    '2021-08-27'
    """
    mentions = find_dates(text, published, future=future)
    return mentions[0].iso if mentions else None


def dates_in(span: Span, published: date | str | None = None, *, future: bool | None = None) -> list[tuple[str, Span]]:
    """Dates in a spaCy span, each with the (token-aligned) span it was read from."""
    out = []
    for mention in find_dates(span.text, published, future=future):
        sub = span.char_span(mention.start, mention.end, alignment_mode="expand")
        if sub is not None:
            out.append((mention.iso, sub))
    return out
