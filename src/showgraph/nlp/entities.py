"""Domain entities: platforms, seasons, outlets, aggregators and show titles.

Three pipeline components, registered with ``@Language.factory`` and added by
:func:`showgraph.nlp.pipeline.load_pipeline`:

- ``showgraph_paragraphs`` (before the parser): line breaks start sentences, so headlines and
  captions without a full stop do not run into the next paragraph.
- ``showgraph_entity_ruler`` (after ``ner``): repairs the statistical entities (no entity spans a
  line break; a trailing possessive ``'s`` is dropped) and adds ``PLATFORM``, ``OUTLET``,
  ``AGGREGATOR`` and ``SEASON`` entities from the pattern files in ``nlp/patterns``.
- ``showgraph_shows`` (last): finds show titles from cue words, quotes and the article title and
  labels every mention ``SHOW``; writes ``doc._.shows`` (titles, main show first).

Plain text has lost the italics that mark titles, so a title is a capitalised span that earns
enough evidence (see :data:`SHOW_THRESHOLD`): a genre noun before it ("the sitcom Extras"), a cue
after it ("Friends actress"), quotes, a platform's possessive ("Netflix's The Glory"), a season
("The Glory Season 2"), its presence in the article's title.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from showgraph.nlp.lexicon import (
    AMBIGUOUS_PLATFORMS,
    AWARD_NAMES,
    CAPITALISED_SMALL_WORDS,
    CHANNEL_CONTEXT,
    COMPANY_WORDS,
    COUNTING_WORDS,
    DESCRIPTOR_WORDS,
    EVENT_AND_STATION_WORDS,
    GENERIC_TITLE_WORDS,
    INNER_CONNECTORS,
    LEADING_WORDS,
    LIST_WORDS,
    MAKING_VERBS,
    NAME_TITLES,
    NATIONALITY_WORDS,
    NOT_TITLES,
    PASSIVE_SHOW_VERBS,
    PATTERNS_DIR,
    PERSON_MODIFIERS,
    PLACE_OPENERS,
    PLURAL_GENRES,
    POSSESSIVE_OPENERS,
    PREMODIFIED_ROLES,
    QUANTIFIER_WORDS,
    SCREEN_ROLES,
    SEASON_NUMBER_WORDS,
    SEASON_ORDINALS,
    SENTENCE_ENDS,
    SHOW_KINDS,
    SPORT_CLUB_WORDS,
    patterns,
)
from showgraph.nlp.lexicon import (
    ENTITY_INSTITUTION_WORDS as INSTITUTION_WORDS,
)
from showgraph.nlp.lexicon import (
    ENTITY_TITLE_CONNECTORS as TITLE_CONNECTORS,
)

#: Sentences about the screen that make a whole article about it (business, politics and sport news
#: rarely have three; entertainment news mostly does).
SCREEN_ARTICLE_SENTENCES = 3

#: Evidence a capitalised span needs before it counts as a show title.
SHOW_THRESHOLD = 2

#: Labels the rules ask for; statistical labels (PERSON, ORG, ...) keep their spaCy names.
SHOW, PLATFORM, OUTLET, AGGREGATOR, SEASON = "SHOW", "PLATFORM", "OUTLET", "AGGREGATOR", "SEASON"


NON_SHOW_LABELS = frozenset(
    {PLATFORM, OUTLET, AGGREGATOR, SEASON, "GPE", "NORP", "LOC", "DATE", "TIME", "MONEY", "PERCENT",
     "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"}
)  # fmt: skip


def _set_extensions() -> None:
    if not Doc.has_extension("title"):
        Doc.set_extension("title", default=None)
    if not Doc.has_extension("shows"):
        Doc.set_extension("shows", default=[])
    if not Doc.has_extension("show_cues"):
        Doc.set_extension("show_cues", default={})


_set_extensions()


@cache
def _load_names(file_name: str) -> dict[str, list[str]]:
    return dict(patterns(file_name.removesuffix(".json")))


@cache
def show_cues() -> dict:
    """The cue lexicon of ``patterns/show_cues.json``."""
    return dict(patterns("show_cues"))


def _name_pattern(label: str, canonical: str, form: str) -> dict:
    # Exact names are phrase patterns (fast); "~" marks a case-insensitive token pattern.
    if form.startswith("~"):
        return {"label": label, "pattern": [{"LOWER": part} for part in _split(form[1:])], "id": canonical}
    return {"label": label, "pattern": form, "id": canonical}


def _split(text: str) -> list[str]:
    # Mirror spaCy's English tokenizer on names: "Disney+" -> "Disney", "+"; "E! News" -> "E", "!", "News".
    return [part for part in re.findall(r"[A-Za-zÀ-ÿ0-9&.]+|[^\sA-Za-zÀ-ÿ0-9]", text) if part]


def ruler_patterns() -> list[dict]:
    """Entity-ruler patterns: names from the ``*.json`` lists, token patterns from ``*.jsonl``."""
    patterns: list[dict] = []
    for label, file_name in ((PLATFORM, "platforms.json"), (OUTLET, "outlets.json"), (AGGREGATOR, "aggregators.json")):
        for canonical, others in _load_names(file_name).items():
            for form in (canonical, *others):
                patterns.append(_name_pattern(label, canonical, form))
    for path in sorted(PATTERNS_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                patterns.append(json.loads(line))
    return patterns


@Language.factory("showgraph_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    """Reads token whitespace; writes ``token.is_sent_start`` after every line break."""
    return ParagraphBreaks()


class ParagraphBreaks:
    """A token after a line break starts a sentence (headlines and captions lack full stops)."""

    def __call__(self, doc: Doc) -> Doc:
        for index, token in enumerate(doc[:-1]):
            if "\n" in token.text and token.is_space:
                doc[index + 1].is_sent_start = True
        for index, token in enumerate(doc[1:], 1):
            if "\n" in doc[index - 1].text_with_ws and not doc[index - 1].is_space:
                token.is_sent_start = True
            elif token.is_sent_start is None and _inside_sentence(doc, index):
                token.is_sent_start = False
        return doc


def _inside_sentence(doc: Doc, index: int) -> bool:
    """Whether ``doc[index]`` cannot open a sentence, so the parser does not split "quiz shows like the BBC's
    | We Know It" or "Sex | And The City drew ...": the token before it ends no sentence; a glued ellipsis
    between two capitalised words is inside a title ("I'm a Star... Get Me Home")."""
    previous = doc[index - 1]
    if previous.is_space or "\n" in previous.text_with_ws:
        return False
    if previous.text in ("...", "…") and index >= 2:
        before = doc[index - 2]
        return not before.whitespace_ and before.text[:1].isupper() and doc[index].text[:1].isupper()
    return previous.text not in SENTENCE_ENDS and not previous.text.endswith((".", "!", "?"))


@Language.factory("showgraph_entity_ruler")
def make_entity_ruler(nlp: Language, name: str) -> DomainEntityRuler:
    """Reads ``doc.ents`` (statistical); writes ``doc.ents`` with PLATFORM/OUTLET/AGGREGATOR/SEASON added."""
    return DomainEntityRuler(nlp, name)


class DomainEntityRuler:
    """Repairs statistical entities, then overlays the curated name lists and season patterns."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.ruler = EntityRuler(nlp, name=f"{name}_inner", overwrite_ents=True, phrase_matcher_attr=None)
        self.ruler.add_patterns(ruler_patterns())

    def __call__(self, doc: Doc) -> Doc:
        repaired = [s for ent in doc.ents for s in _split_pairs(ent) if s is not None]
        doc.ents = filter_spans(_hyphenated_names(doc, _given_names(doc, repaired)))
        doc = self.ruler(doc)
        kept = []
        for ent in doc.ents:
            ambiguous = ent.text in AMBIGUOUS_PLATFORMS or ent.ent_id_ in AMBIGUOUS_PLATFORMS
            if ent.label_ == PLATFORM and ambiguous and not _channel_context(ent):
                continue
            if ent.label_ == OUTLET and len(ent) == 1 and _is_name_part(ent):
                continue
            kept.append(ent)
        doc.ents = kept
        return doc


#: "Lee Do-hyun", "Ahn Gil-ho", "Han Jun-Hee": a family name and a hyphenated given name.
HYPHENATED_NAME = re.compile(r"\b[A-Z][a-z]{1,6} (?:[A-Z][a-z]{1,6} )?[A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5}\b")


def _hyphenated_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Add PERSON spans for East Asian names the statistical model splits or misses ("Lee Do-hyun")."""
    out = list(ents)
    for match in HYPHENATED_NAME.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), label="PERSON")
        if span is None or any(t.is_sent_start and t.text in NOT_TITLES for t in span[:1]):
            continue
        overlapping = [e for e in out if e.start < span.end and span.start < e.end]
        if any(e.label_ not in ("PERSON", "ORG", "GPE", "NORP", "") and len(e) >= len(span) for e in overlapping):
            continue
        if any(e.label_ == "PERSON" and e.start <= span.start and span.end <= e.end for e in overlapping):
            continue
        out = [e for e in out if e not in overlapping]
        out.append(span)
    return out


def _given_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Widen a person's name over the given name the model left out ("Ana" of "Ana Diaz" in a list):
    a capitalised proper noun right before it, in no entity, not opening the sentence, no title word."""
    labelled = {i for ent in ents for i in range(ent.start, ent.end)}
    out = []
    for ent in ents:
        before = doc[ent.start - 1] if ent.start > 0 else None
        if (
            ent.label_ == "PERSON"
            and before is not None
            and before.i not in labelled
            and before.pos_ == "PROPN"
            and before.is_title
            and before.is_alpha
            and not before.is_sent_start
            and before.whitespace_
            and before.lower_ not in NAME_TITLES
            and before.text not in NOT_TITLES
            and (before.i == 0 or doc[before.i - 1].pos_ != "PROPN")
        ):
            ent = Span(doc, ent.start - 1, ent.end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)
        out.append(ent)
    return out


def _split_pairs(ent: Span) -> list[Span | None]:
    """ "Matt Lucas & David Walliams", "Ant and Dec" read as one person: two people (each repaired)."""
    if ent.label_ == "PERSON":
        for token in ent[1:-1]:
            if token.text in ("&", "and") and ent.doc[token.i + 1].is_title and ent.doc[token.i - 1].is_title:
                left = Span(ent.doc, ent.start, token.i, label=ent.label)
                right = Span(ent.doc, token.i + 1, ent.end, label=ent.label)
                return [_repair(left), *_split_pairs(right)]
    return [_repair(ent)]


def _repair(ent: Span) -> Span | None:
    doc, start, end = ent.doc, ent.start, ent.end
    for index in range(start, end):
        if "\n" in doc[index].text or doc[index].text in ("(", ")"):
            end = index  # no name runs over a line break or into brackets ("Sephy Hadley (Baduza")
            break
        spaced = index > start and doc[index].whitespace_ and doc[index - 1].whitespace_
        if ent.label_ == "PERSON" and doc[index].text in ("-", "–", "—") and spaced:
            end = index  # nor over a spaced dash ("her husband Jo Reed - Troy actress X")
            break
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    if end <= start:
        return None
    return Span(doc, start, end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)


def _channel_context(ent: Span) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ in ("", "PERSON"):
        return False  # "Max Winter", "Megan Fox"-like names
    if before is not None and before.is_title and before.pos_ == "PROPN" and before.ent_type_ == "PERSON":
        return False
    return bool(
        (before is not None and before.lower_ in CHANNEL_CONTEXT)
        or (after is not None and after.lower_ in CHANNEL_CONTEXT)
    )


def _is_name_part(ent: Span) -> bool:
    """A single-token outlet glued to a neighbouring proper noun is part of another name."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    return bool(
        (after is not None and after.is_title and after.pos_ == "PROPN" and not after.is_sent_start)
        or (before is not None and before.is_title and before.pos_ == "PROPN" and not ent[0].is_sent_start)
    )


# ---------------------------------------------------------------------------------------------- seasons


def season_number(span: Span | str) -> int | None:
    """The season a ``SEASON`` span names.

    >>> season_number("Season 2"), season_number("series two"), season_number("its second season")
    (2, 2, 2)
    >>> season_number("S03"), season_number("a new series")
    (3, None)
    """
    text = span if isinstance(span, str) else span.text
    for word in re.findall(r"[A-Za-z]+|\d+", text.lower()):
        if word.isdigit():
            return int(word)
        if word in SEASON_ORDINALS:
            return SEASON_ORDINALS[word]
        if word in SEASON_NUMBER_WORDS:
            return SEASON_NUMBER_WORDS[word]
        match = re.fullmatch(r"s(\d+)", word)
        if match:
            return int(match.group(1))
        match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
        if match:
            return int(match.group(1))
    return None


# ------------------------------------------------------------------------------------------------ shows


@Language.factory("showgraph_shows")
def make_show_finder(nlp: Language, name: str) -> ShowFinder:
    """Reads ``doc.ents``, ``doc._.title`` and the parse; writes SHOW spans into ``doc.ents`` and
    ``doc._.shows`` (titles, the article's main show first)."""
    return ShowFinder(nlp)


class Cue(NamedTuple):
    """Evidence that ``doc[start:end]`` is a title: its weight, and whether it is ``strong`` (a cue
    that only a screen production gets, or a weaker cue in a sentence about the screen)."""

    start: int
    end: int
    weight: float
    name: str
    strong: bool


class ShowFinder:
    """Finds show titles by cue evidence, then labels every mention of each title.

    A title needs a score of :data:`SHOW_THRESHOLD` and at least one strong cue: the words that mark
    titles ("favourite", "director of", "version of", quotes) are also used of athletes, companies
    and software, so they count in full only where the sentence is about the screen.
    """

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        cues = show_cues()
        self.genre_nouns = {w.lower() for w in cues["genre_nouns"]}
        self.weak_genre_nouns = {w.lower() for w in cues["weak_genre_nouns"]}
        self.following = {w.lower(): int(v) for w, v in cues["following_nouns"].items()}
        self.weak_following = {w.lower() for w in cues["weak_following_nouns"]}
        self.preceding_of = {w.lower() for w in cues["preceding_of"]}
        self.strong_of = {w.lower() for w in cues["strong_preceding_of"]}
        self.screen_nouns = {w.lower() for w in cues["screen_nouns"]}
        self.screen_verbs = {w.lower() for w in cues["screen_verbs"]}
        self.tokenizer = nlp.tokenizer

    def __call__(self, doc: Doc) -> Doc:
        scores: dict[str, float] = defaultdict(float)
        cues: dict[str, list[str]] = defaultdict(list)
        strong: set[str] = set()
        display: dict[str, str] = {}
        person_at = _label_index(doc, "PERSON")
        for cue in self.candidates(doc):
            span = _strip_leading(_before_ellipsis(doc[cue.start : cue.end]))
            title = _title_text(span) if span is not None else None
            if title is None or span is None:
                continue
            a_person = person_at[span.start] is not None and person_at[span.start] == person_at[span.end - 1]
            if a_person and (not cue.strong or (cue.name == "platform-possessive" and len(span) > 1)):
                continue  # "the BBC's Jonathan Beale", "favourite Lleyton Hewitt": a person, not a title
            key = title[4:] if title.startswith("The ") else title
            if key not in display or title.startswith("The "):
                display[key] = title
            scores[key] += cue.weight
            cues[key].append(cue.name if cue.strong else cue.name + "?")
            if cue.strong:
                strong.add(key)
        scores = {display[k]: v for k, v in scores.items()}
        strong = {display[k] for k in strong}
        cues = defaultdict(list, {display[k]: v for k, v in cues.items()})
        title_text = doc._.title or ""
        for title in list(scores):
            if _in_headline(title, title_text):
                scores[title] += 1
                cues[title].append("headline")
        accepted = [t for t, s in scores.items() if s >= SHOW_THRESHOLD and t in strong and _plausible_title(t)]
        people = _person_names(doc)
        accepted = [t for t in accepted if not (_names_person(t, people) and not set(cues[t]) & TITLE_CUES)]
        # "she faced another Bushtucker Trial": a capitalised kind of thing, not a title
        accepted = [t for t in accepted if set(cues[t]) & TITLE_CUES or not _counted(doc, t)]
        # A title inside a longer accepted title is a part of it ("Crosses" in "Noughts + Crosses").
        accepted = [
            t
            for t in accepted
            if not any(t != o and _contains_words(o, t) and scores[o] >= scores[t] for o in accepted)
        ]
        accepted = [
            t for t in accepted if not any(t != o and _contains_words(t, o) and scores[o] > scores[t] for o in accepted)
        ]
        # "Harry Potter and the Goblet of Fire" accepted, "Harry Potter director X" cued: the series' name is a
        # title of its own (one of its parts' titles starts with it)
        accepted += [
            prefix
            for prefix in {_series_name(t) for t in accepted} - {None} - set(accepted)
            if prefix in scores and prefix in strong
        ]
        mentions = self.mentions(doc, accepted)
        first: dict[str, int] = {}
        for span in mentions:
            first.setdefault(span.label_, span.start)
        accepted.sort(key=lambda t: first.get(t, 10**9))
        ranked = rank_shows(accepted, title_text, [(s.label_, s.start) for s in mentions])
        # "Office" written "The Office" mid-sentence is "The Office".
        text = doc.text  # built from the tokens on every access: once is enough
        renamed = {t: f"The {t}" for t in ranked if not t.startswith("The ") and f" The {t}" in text}
        for span in mentions:
            span.label_ = renamed.get(span.label_, span.label_)
        doc._.shows = [renamed.get(t, t) for t in ranked]
        doc._.show_cues = {renamed.get(t, t): cues[t] for t in ranked}
        show_spans = [Span(doc, s.start, s.end, label=SHOW, kb_id=s.label_) for s in mentions]
        taken = [False] * len(doc)
        for span in show_spans:
            taken[span.start : span.end] = [True] * len(span)
        others = [e for e in doc.ents if not any(taken[e.start : e.end])]
        doc.ents = filter_spans(others + show_spans)
        return doc

    # candidates -----------------------------------------------------------------------------------

    def screen_sentence(self, sent: Span) -> bool:
        """Whether a sentence is about the screen: a screen noun ("drama", "TV", "episode"), a
        screen verb ("starring", "televised") or a platform named in it."""
        for token in sent:
            lower = token.lower_
            if lower in self.screen_nouns and token.pos_ in ("NOUN", "PROPN") and (token.is_lower or lower == "tv"):
                return True
            if lower in AWARD_NAMES or lower == "starring":
                return True
            if token.pos_ == "VERB" and token.lemma_.lower() in self.screen_verbs:
                return True
            if token.ent_type_ == PLATFORM:
                return True
        return False

    def _bracket_titles(self, doc: Doc, index: int, limit: int) -> Iterator[Cue]:
        """Titles in a credit bracket after a person, when the bracket holds only titles and channels:
        "(Love Actually)", "(Life Begins/ Von Trapped, ITV1)"."""
        found = []
        channel = False
        while index < limit:
            if doc[index].ent_type_ == PLATFORM:
                index = _ent_end(doc, index)
                channel = True
            else:
                span = _title_from(doc, index, limit, places=True)
                if span is None or span[0].ent_type_ == "PERSON" or (len(span) < 2 and not found):
                    return
                found.append(span)
                index = span.end
            if index >= limit or doc[index].text == ")":
                break
            if doc[index - 1].text.endswith("/"):
                continue
            if doc[index].text not in ("/", ",", ";"):
                return
            index += 1
        if index < limit and doc[index].text == ")":
            for span in found:
                # a place's name is a title only beside a channel: "(Little Britain, BBC Three)"
                if channel or not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span):
                    yield Cue(span.start, span.end, 2, "paren-credit", True)

    def _genre_cue(self, token: Token, screen: bool) -> tuple[float, bool]:
        """Weight and strength of a genre noun before a title ("the sitcom Extras", "favourite X")."""
        if token.lower_ in self.weak_genre_nouns and not screen:
            return 1, False
        return 2, True

    def _noun_use(self, token: Token) -> bool:
        """Whether a genre word is used as a noun: "the show", not "polls show"; the tagger's "talent
        show/VBP" after a singular noun is a noun all the same."""
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            return True
        if token.pos_ == "ADJ" and token.lower_ in self.weak_genre_nouns:
            return True  # "Oscar favourite Million Dollar Baby": the cue's strength then rests on the sentence
        previous = token.nbor(-1) if token.i > 0 else None
        if previous is None or token.lower_ in self.weak_genre_nouns:
            return False
        if previous.lower_ in self.screen_nouns or previous.lower_ in SHOW_KINDS or previous.ent_type_ == PLATFORM:
            return True  # "TV shows Pop Idol and The X Factor", "reality show X", "ITV1 shows Doc Martin"
        return token.tag_ == "VBP" and previous.tag_ in ("NN", "NNP")

    def candidates(self, doc: Doc) -> Iterator[Cue]:
        """Every piece of evidence for a capitalised span being a title (see :class:`Cue`)."""
        sentences = list(doc.sents)
        starts = [sent.start for sent in sentences]
        screen_of = {sent.start: self.screen_sentence(sent) for sent in sentences}
        # In an article about the screen, cues with other senses count as strong wherever they stand.
        screen_article = sum(screen_of.values()) >= SCREEN_ARTICLE_SENTENCES
        for start, end in self._quoted(doc):
            screen = screen_of[starts[bisect_right(starts, start) - 1]]
            yield Cue(start, end, 1.5 if screen else 1, "quoted", screen)
        for ent in doc.ents:
            if ent.label_ == "WORK_OF_ART":
                position = bisect_right(starts, ent.start)
                limit = starts[position] if position < len(starts) else len(doc)
                span = _title_from(doc, ent.start, min(ent.end, limit))
                if span is not None:
                    yield Cue(span.start, span.end, 1, "ner:work", False)
        yield from self._headline_roles(doc)
        for sent in sentences:
            screen = screen_of[sent.start]
            context = screen or screen_article
            for token in sent:
                lower = token.lower_
                nxt = token.i + 1
                if nxt >= sent.end:
                    continue
                # "soap operas A, B plus C": the soap's kind of opera is a genre noun
                soap_opera = lower in ("opera", "operas") and token.i > 0 and doc[token.i - 1].lower_ == "soap"
                genre_noun = (lower in self.genre_nouns or soap_opera) and token.is_lower and self._noun_use(token)
                # genre noun before: "the sitcom Extras", "satire, The Day Today", "drama called X"
                if genre_noun:
                    start = nxt
                    comma = doc[start].text == ","
                    if doc[start].text in (",", "called", "titled", "entitled"):
                        start += 1
                    span = _title_from(doc, start, sent.end, places=not comma, opening=not comma)
                    relative = (
                        span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ == "relcl"
                    )
                    if relative and span.root.head.head == token and token.tag_ == "NNS":
                        span = None  # "one of the shows X left Y to present": X is the relative clause's subject
                    if span is not None and not (comma and span[0].ent_type_ == "PERSON" and span.root.dep_ == "nsubj"):
                        first_start = span.start
                        span = _after_possessive_credit(doc, span, sent.end)
                        follower = doc[span.end] if span.end < sent.end else None
                        after = doc[span.end].text if span.end < sent.end else "."
                        adjacent = first_start == nxt or (
                            comma and span.start == nxt + 1 and after in (",", ".", ";", "and")
                        )
                        if (follower is None or not (follower.is_lower and follower.lower_ in self.genre_nouns)) and (
                            adjacent or _linked(token, span)
                        ):
                            weight, strong = self._genre_cue(token, screen)
                            # a plural noun names a list: "ITV1 shows Doc Martin and Life Begins"
                            plural = token.tag_ == "NNS" or (lower.endswith("s") and lower[:-1] in self.genre_nouns)
                            spans = list(self._title_list(doc, span.start, sent.end)) if plural else [span]
                            for item in spans or [span]:
                                yield Cue(item.start, item.end, weight, f"genre:{lower}", strong or screen_article)
                # a list after a plural genre noun: "hits such as X and Y", "dramas including X"
                if (lower in self.genre_nouns or lower.rstrip("s") in self.genre_nouns) and token.is_lower:
                    comma = int(doc[nxt].text == ",")  # "reality shows, such as X"
                    window = [t.lower_ for t in doc[nxt + comma : min(nxt + comma + 2, sent.end)]]
                    if window[:2] == ["such", "as"] or window[:1] in (["including"], ["like"]):
                        weak = lower in self.weak_genre_nouns or lower.rstrip("s") in self.weak_genre_nouns
                        begin = _list_start(doc, nxt + comma + (2 if window[0] == "such" else 1), sent.end)
                        for span in self._title_list(doc, begin, sent.end):
                            yield Cue(span.start, span.end, 2, "list", context or not weak)
                # "who played Harbour Lane's Ann Bell": a character's show owns the character
                if token.lemma_.lower() == "play" and token.pos_ == "VERB" and context:
                    for child in token.children:
                        if child.dep_ != "dobj" or child.ent_type_ != "PERSON":
                            continue
                        for owner in child.children:
                            if (
                                owner.dep_ == "poss"
                                and owner.i + 1 < sent.end
                                and doc[owner.i + 1].text in ("'s", "’s")
                            ):
                                span = _span_before(doc, sent.start, owner.i + 1)
                                if span is not None and not (len(span) == 1 and span[0].ent_type_ == "PERSON"):
                                    yield Cue(span.start, span.end, 2, "character-owner", True)
                # "who appeared in A, B and C": a list of titles after an appearing verb
                if token.lemma_.lower() in ("appear", "star", "feature") and token.pos_ == "VERB" and context:
                    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == token.i + 1]
                    items = list(self._title_list(doc, preps[0].i + 1, sent.end, opening=True)) if preps else []
                    places = ("GPE", "LOC", "FAC", "NORP", "DATE", "EVENT")
                    named = [item for item in items if item[0].ent_type_ != "PERSON"]
                    # "A, B and C", or two titles of two words each ("Angels and Demons" is one title)
                    listed = len(items) >= 3 or (len(items) == 2 and all(len(item) >= 2 for item in items))
                    if listed and named and not any(item[0].ent_type_ in places for item in items):
                        for span in items:
                            yield Cue(span.start, span.end, 2, "appearances", True)
                # "the likes of A and B" in an article about the screen
                if lower == "likes" and doc[nxt].lower_ == "of" and token.i > 0 and doc[token.i - 1].lower_ == "the":
                    for span in self._title_list(doc, nxt + 1, sent.end):
                        if context and span[0].ent_type_ not in ("PERSON", "GPE", "NORP", "ORG"):
                            yield Cue(span.start, span.end, 2, "list", True)
                # object of a making/airing verb: "will direct Nathan Barley", "created Grange Hill"
                if token.pos_ == "VERB" and token.lemma_.lower() in MAKING_VERBS:
                    for child in token.children:
                        if child.dep_ in ("dobj", "conj") and child.i > token.i:
                            span = _title_from(doc, child.left_edge.i, sent.end)
                            if span is not None and span.start <= child.i < span.end:
                                weight = MAKING_VERBS[token.lemma_.lower()]
                                yield Cue(span.start, span.end, weight, f"object:{token.lemma_.lower()}", context)
                elif lower in ("called", "titled", "entitled") and screen:
                    span = _title_from(doc, nxt, sent.end)
                    if span is not None:
                        yield Cue(span.start, span.end, 2, "called", True)
                # platform's possessive: "Netflix's The Glory", "BBC One's Noughts + Crosses"
                if token.ent_type_ == PLATFORM and token.ent_iob_ == "B":
                    ent_end = _ent_end(doc, token.i)
                    if ent_end < sent.end and doc[ent_end].text in ("'s", "’s"):
                        span = _title_from(doc, ent_end + 1, sent.end, skip_lower={"new", "hit", "latest"})
                        follower = doc[span.end] if span is not None and span.end < sent.end else None
                        programme = follower is not None and follower.lower_ in self.genre_nouns
                        describes = follower is not None and follower.pos_ == "NOUN" and follower.is_lower
                        if span is not None and (programme or not describes):  # not "Max's 3G phone"
                            name = "platform-possessive" + (":programme" if programme else "")
                            yield Cue(span.start, span.end, 2, name, True)
                # "episodes of X", "the cast of X"
                if lower in self.preceding_of and doc[nxt].lower_ == "of" and nxt + 1 < sent.end:
                    span = _title_from(doc, nxt + 1, sent.end)
                    if span is not None:
                        span = _after_possessive_credit(doc, span, sent.end)  # "a version of Dickens' Oliver"
                        if lower in self.strong_of:
                            yield Cue(span.start, span.end, 2, f"of:{lower}", True)
                        else:
                            yield Cue(span.start, span.end, 2 if screen else 1, f"of:{lower}", context)
                # parenthetical credit after a person: "Emma Thompson (Love Actually)", "Caroline Quentin
                # (Life Begins/ Von Trapped, ITV1)": titles parted by "/" or ",", a channel allowed last
                if token.text == "(" and token.i > 0 and doc[token.i - 1].ent_type_ == "PERSON" and screen:
                    yield from self._bracket_titles(doc, nxt, sent.end)
                # a title's channel in brackets: "over Jonathan Creek (BBC One)", "Doc Martin (Buffalo
                # Productions, ITV1)" (a credit line)
                if token.text == "(" and token.i > sent.start and _channel_bracket(doc, nxt, sent.end):
                    close = next(t.i for t in doc[nxt : sent.end] if t.text == ")")
                    line = close + 1 >= sent.end or doc[close + 1].is_space or "\n" in doc[close].whitespace_
                    span = _span_before(doc, sent.start, token.i)
                    if line and all(_titleish(t) or t.lower_ in TITLE_CONNECTORS or t.text in ("'s", "’s")
                                    for t in doc[sent.start : token.i]):  # fmt: skip
                        span = doc[sent.start : token.i]  # a credit line: "Ant & Dec's X (Granada, ITV1)"
                    if span is not None and _bracketed_title(span, line):
                        yield Cue(span.start, span.end, 2, "channel-bracket", True)
            yield from self._enumeration(sent)
            yield from self._role_premodifiers(sent, screen, screen_article)
            # cues after a title: "Friends actress", "The Glory Season 2", "The Glory director"
            for span in _title_spans(sent):
                after = doc[span.end] if span.end < sent.end else None
                if after is None:
                    continue
                if after.ent_type_ == SEASON and after.ent_iob_ == "B" and after.lower_ in ("season", "series", "s"):
                    yield Cue(span.start, span.end, 2, "season", True)
                elif after.text in ("'s", "’s") and span.end + 1 < sent.end:
                    nxt_tok = doc[span.end + 1]
                    if nxt_tok.lower_ in self.following or nxt_tok.lower_ in ("creator", "director", "star"):
                        yield Cue(span.start, span.end, 1, f"possessive:{nxt_tok.lower_}", context)
                elif after.lower_ in self.following and after.is_lower:
                    weight = self.following[after.lower_]
                    if (weight < 2 or after.lower_ in self.weak_following) and not context:
                        continue
                    yield Cue(span.start, span.end, weight, f"following:{after.lower_}", True)
                # "Sex And The City drew to a close": a capitalised small word inside marks a title
                if context and _headline_case(span):
                    yield Cue(span.start, span.end, 2, "headline-case", True)
                # "The Aviator, starring Leonardo DiCaprio": a production and its cast
                if after.text == "," and span.end + 1 < sent.end and doc[span.end + 1].lower_ == "starring":
                    yield Cue(span.start, span.end, 2, "starring", True)
                # "X is an upcoming drama series", "Grange Hill, the school-based drama serial"
                described = self._described_as_show(doc, span.end, sent.end)
                if described:
                    yield Cue(span.start, span.end, 2, "described", described == "strong" or context)
                # "X was axed", "X has been renewed", "X was first broadcast"
                head = span.root.head
                if span.root.dep_ == "nsubjpass" and head.lemma_.lower() in PASSIVE_SHOW_VERBS:
                    yield Cue(span.start, span.end, 2, f"passive:{head.lemma_.lower()}", context)

    def _headline_roles(self, doc: Doc) -> Iterator[Cue]:
        """A title before a screen role and a name in the headline ("Ward Nine actress Bell dies"): its
        mentions in the text, when the text names that person."""
        headline = doc._.title or ""
        words = re.findall(r"[\w'’:.&+-]+", headline)
        people = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
        for index, word in enumerate(words):
            if (word not in SCREEN_ROLES and word != "star") or index == 0 or index + 1 >= len(words):
                continue
            if re.sub(r"['’]s?$", "", words[index + 1]) not in people:
                continue
            start = index
            while start > 0 and (words[start - 1][:1].isupper() or words[start - 1] in ("of", "the", "and", "&")):
                start -= 1
            while start < index and (words[start] in NOT_TITLES or words[start] in DESCRIPTOR_WORDS):
                start += 1
            title = " ".join(words[start:index])
            if not title or not title[0].isupper() or title.split()[-1] in SPORT_CLUB_WORDS:
                continue
            if word == "star" and title.endswith("s"):
                continue  # a band's name as often
            first = title.split()[0]
            for token in doc:
                if token.text == first and doc[token.i : token.i + len(title.split())].text == title:
                    span = doc[token.i : token.i + len(title.split())]
                    if span[0].ent_type_ not in ("GPE", "NORP", PLATFORM) or len(span) > 1:
                        yield Cue(span.start, span.end, 2, "headline-role", True)

    def _role_premodifiers(self, sent: Span, screen: bool, screen_article: bool = False) -> Iterator[Cue]:
        """A title before a role noun and a person's name, whatever the statistical model calls it: "Holby
        City actor Jeremy Edwards", "Ted Lasso star Hannah Waddingham will host the TV show" (a person, place
        or company is rarely named so before a screen role; "star" also follows bands, teams and companies,
        so it needs a sentence about the screen)."""
        doc = sent.doc
        for role in sent:
            lower = role.lower_
            if lower not in PREMODIFIED_ROLES or not role.is_lower or role.i + 1 >= sent.end:
                continue
            person = doc[role.i + 1]
            company = lower == "production" and person.lower_ == "company" and role.i + 2 < sent.end
            if company:  # "The Vicar of Dibley production company Tiger Aspect"
                person = doc[role.i + 2]
            if person.ent_type_ not in (("PERSON", "ORG") if company else ("PERSON",)) or person.ent_iob_ != "B":
                continue
            span = _span_before(doc, sent.start, role.i)
            if span is None:
                continue
            # "star" in an article about the screen: "The Office star X" ("The" opens few bands' names)
            definite = screen_article and span[0].text == "The" and len(span) > 1
            if lower not in SCREEN_ROLES and not screen and not definite:
                continue
            words = [t for t in span if t.is_alpha]
            labelled = span[0].ent_type_ in ("ORG", "GPE", "NORP", "PERSON", "FAC", "LOC")
            if len(words) == 1 and labelled:
                continue  # "Marvel star X", "Chelsea star X": a company's or team's one-word name
            if lower not in SCREEN_ROLES and span[-1].text in SPORT_CLUB_WORDS:
                continue  # "Manchester United star X"
            if labelled and span[0].text in PLACE_OPENERS and all(t.ent_type_ == "GPE" for t in span):
                continue  # "New Zealand actor X": the actor's country
            if lower == "star" and (span[-1].tag_ == "NNPS" or span[-1].text.endswith("s")):
                continue  # "Happy Mondays star X": a plural name before "star" is as often a band's
            yield Cue(span.start, span.end, 2, f"role:{lower}", True)

    def _enumeration(self, sent: Span) -> Iterator[Cue]:
        """Titles enumerated in a sentence whose head noun is a plural screen genre: "From A and B to C
        and D, it's been a big year for Korean dramas", "Titles such as A, B and C"."""
        doc = sent.doc
        if not any(_plural_genre(t) for t in sent):
            return
        start = sent.start
        while start < sent.end and (doc[start].is_space or doc[start].text in ('"', "“", "‘", "'")):
            start += 1
        # "From A and B to C and D, ...": two lists parted by "to", the second closed by a comma
        if start < sent.end and doc[start].lower_ == "from":
            for to in (t for t in doc[start + 2 : sent.end] if t.lower_ == "to"):
                left = list(self._title_list(doc, start + 1, to.i))
                if not left or left[-1].end != to.i:
                    continue
                right = list(self._title_list(doc, to.i + 1, sent.end))
                if right and right[-1].end < sent.end and doc[right[-1].end].text == ",":
                    # the statistical labels of unitalicised titles are noise here ("Glass Kingdom"/PERSON);
                    # only a whole span the model calls a place or nationality is left out
                    for span in left + right:
                        if not any(e.start == span.start and e.end == span.end for e in _place_ents(span)):
                            yield Cue(span.start, span.end, 2, "enumeration", True)
                break

        # "Other American shows which won praise were A, B, C and D", "Its shows include A and B"
        def item_ok(span: Span) -> bool:
            return span[0].ent_type_ not in ("GPE", "NORP", "DATE") and not (
                len(span) == 2 and all(t.ent_type_ == "PERSON" for t in span)  # a person's full name
            )

        for token in sent:
            if not (_plural_genre(token) and token.dep_ in ("nsubj", "nsubjpass")):
                continue
            verb = token.head
            if verb.lemma_ not in ("be", "include") or verb.i < token.i:
                continue
            begin = next((t.i for t in doc[verb.i + 1 : sent.end] if _titleish(t) and not t.is_punct), None)
            if begin is None or any(t.is_alpha and t.is_lower for t in doc[verb.i + 1 : begin]):
                continue  # "shows were then cancelled": no list right after the verb
            items = list(self._title_list(doc, begin, sent.end, opening=True))
            if len(items) >= 2 and not all(item[0].ent_type_ in ("PERSON", "GPE", "NORP") for item in items):
                for span in items:
                    if item_ok(span):
                        yield Cue(span.start, span.end, 2, "enumeration", True)
        # "Titles such as A, B and C", "hits like A and B": any case, as the sentence names the genre
        for token in sent:
            if token.lower_ not in ENUMERATION_NOUNS or token.i + 2 >= sent.end:
                continue
            window = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
            if window == ["such", "as"] or window[0] in ("like", "including"):
                begin = token.i + (3 if window[0] == "such" else 2)
                for span in self._title_list(doc, begin, sent.end):
                    if span[0].ent_type_ not in ("PERSON", "GPE", "LOC", "NORP"):
                        yield Cue(span.start, span.end, 2, "enumeration", True)

    def _described_as_show(self, doc: Doc, index: int, limit: int) -> str | None:
        """Whether ``doc[index:]`` reads "is/was/will be a ... <genre noun>" or ", the ... <genre noun>":
        ``"strong"`` for a screen genre noun, ``"weak"`` for one with other senses ("a big hit")."""
        if index >= limit:
            return None
        token = doc[index]
        apposition = token.text == ","
        if apposition:
            index += 1
        elif token.lemma_ == "be" or token.lower_ in ("will", "would"):
            index += 1
            if index < limit and doc[index].lemma_ == "be":
                index += 1
        else:
            return None
        while index < limit and doc[index].text in ('"', "“", "‘", "'"):
            index += 1
        if index >= limit or doc[index].lower_ not in ("a", "an", "the", "another", "this"):
            return None
        for token in doc[index + 1 : min(index + 7, limit)]:
            if token.lower_ in self.genre_nouns and token.is_lower and token.pos_ not in ("VERB", "ADJ"):
                follower = token.nbor(1) if token.i + 1 < limit else None
                if follower is not None and follower.text in ("'s", "’s", "'", "’"):
                    return None  # "X, the show's co-producer", "X was the show's first winner": not the show
                if follower is not None and (
                    follower.lower_ in self.genre_nouns or follower.text in ("-", "‐") or follower.pos_ == "NOUN"
                ):
                    continue  # "a drama series" reads on; "a special advisor" is no genre
                if apposition and token.dep_ in ("nsubj", "nsubjpass"):
                    return None  # "Written by Nora Quill, the series is ...": the main clause's subject
                return "weak" if token.lower_ in self.weak_genre_nouns else "strong"
            if (token.pos_ in ("VERB", "AUX", "ADP") and token.tag_ != "VBN") or token.text in (",", ".", ";"):
                return None
        return None

    def _title_list(self, doc: Doc, start: int, limit: int, *, opening: bool = False) -> Iterator[Span]:
        items = list(self._title_items(doc, start, limit, opening=opening))
        joined = [a for a, b in pairwise(items) if doc[a.end : b.start].text == "and"]
        if len(joined) >= 2 and len(items[-2]) == 1 and len(items[-1]) == 1 and items[-2] in joined:
            # "the likes of Sex and the City and Will and Grace": a list joins its items by "and" once, so
            # two single words after a second "and" are one title
            items[-2:] = [doc[items[-2].start : items[-1].end]]
        yield from items

    def _title_items(self, doc: Doc, start: int, limit: int, *, opening: bool = False) -> Iterator[Span]:
        index = start
        while index < limit:
            owned = index > 1 and doc[index - 1].text in ("'s", "’s") and doc[index - 2].ent_type_ == PLATFORM
            mine = opening and doc[index].text in PRONOUN_OPENERS  # "appeared in A, My Family and B"
            span = _title_from(doc, index, limit, in_list=True, opening=owned or mine)
            if span is None:
                return
            yield span
            index = span.end
            if index < limit and doc[index].text == ",":
                index += 1
            if index < limit and doc[index].lower_ in ("and", "or", "plus"):
                index += 1
            elif index < limit and doc[index - 1].text != ",":
                return
            index = _list_start(doc, index, limit)

    def _quoted(self, doc: Doc) -> Iterator[tuple[int, int]]:
        """Token spans of title-cased text in quotes: 'Comeback', "The Society", ‘Squid Game’."""
        text = doc.text
        for start, end in _quotations(text):
            inner = text[start:end].strip(" .,!?")
            if not inner or not _title_case(inner) or len(inner.split()) > 8:
                continue
            offset = start + text[start:end].index(inner)
            span = doc.char_span(offset, offset + len(inner), alignment_mode="expand")
            if span is not None:
                yield span.start, span.end

    # mentions -------------------------------------------------------------------------------------

    def mentions(self, doc: Doc, titles: list[str]) -> list[Span]:
        """Every mention of each accepted title; a span's label is the title it mentions."""
        matcher = PhraseMatcher(self.vocab)
        text = doc.text
        for title in titles:
            forms = {title}
            if title.startswith("The ") and len(title.split()) > 1:
                forms.add(title[4:])
            if title + "/" in text:
                forms.add(title + "/")  # "Life Begins/ Von Trapped": the tokenizer keeps the slash
            for form in forms:
                matcher.add(title, [self.tokenizer(form)])
        found = [Span(doc, start, end, label=key) for key, start, end in matcher(doc)]
        found = [
            s
            for s in found
            if not (s.start > 0 and doc[s.start - 1].is_title and doc[s.start - 1].pos_ == "PROPN")
            or doc[s.start - 1].ent_type_ in (PLATFORM, SEASON)
            or doc[s.start - 1].text in ("The", "the")
            or doc[s.start - 1].text.endswith("/")
        ]
        # "The Office" mention includes its article when written with it.
        widened = []
        for span in found:
            if span.start > 0 and doc[span.start - 1].lower_ == "the" and not span.label_.startswith("The "):
                widened.append(span)
            elif span.start > 0 and doc[span.start - 1].lower_ == "the":
                widened.append(Span(doc, span.start - 1, span.end, label=span.label_))
            else:
                widened.append(span)
        return filter_spans(widened)


#: Nouns that introduce an enumeration of titles ("titles such as", "hits like").
ENUMERATION_NOUNS = frozenset({"titles", "hits", "favourites", "favorites", "successes"}) | PLURAL_GENRES


def _bracketed_title(span: Span, line: bool) -> bool:
    """Whether the span before a channel bracket is a title: no place, nor a company except on a credit
    line, nor a person unless listed or compared ("over Jonathan Creek (BBC One)"; not "Jo Reed (BBC) said")."""
    doc = span.doc
    first = span[0].ent_type_
    listed = span.start > 0 and doc[span.start - 1].lower_ in LIST_WORDS
    if first in ("GPE", "LOC", "NORP", "FAC") or (first == "ORG" and not (line or listed)):
        return False
    person = all(t.ent_type_ == "PERSON" or t.lower_ in ("&", "and") for t in span)
    return not person or listed


def _channel_bracket(doc: Doc, index: int, limit: int) -> bool:
    """Whether a bracket from ``doc[index]`` holds only channels, after a production company at most:
    "(BBC One)", "(Baby Cow Productions, BBC Three)", "(Granada, ITV1)", "(BBC Two/Sky One/Channel 4)"."""
    if index < limit and doc[index].ent_type_ != PLATFORM:
        company = _title_from(doc, index, limit, places=True)
        if company is None or company.end >= limit or doc[company.end].text != ",":
            return False
        if company[-1].text not in COMPANY_WORDS and not all(t.ent_type_ == "ORG" for t in company):
            return False
        index = company.end + 1
    channels = 0
    while index < limit and doc[index].ent_type_ == PLATFORM:
        index = _ent_end(doc, index)
        channels += 1
        if index < limit and (doc[index].text == "/" or doc[index - 1].text.endswith("/")):
            index += doc[index].text == "/"
            continue
        break
    return channels > 0 and index < limit and doc[index].text == ")"


def _list_start(doc: Doc, index: int, limit: int) -> int:
    """Where a listed title starts after its channel or describing words: "the BBC's X", "ITV's X", "the
    poor-rating X" (a lower-case run of at most four words after "the")."""
    start = index
    if index + 2 < limit and doc[index].like_num and doc[index + 1].text in ("'s", "’s"):
        return index + 2  # "1989's Shirley Valentine": the year of release
    if index < limit and doc[index].lower_ == "the":
        index += 1
    if index < limit and doc[index].ent_type_ == PLATFORM:
        end = _ent_end(doc, index)
        if end < limit and doc[end].text in ("'s", "’s"):
            return end + 1
        return start
    if index > start:
        run = index
        while run < limit and run - index < 4 and (doc[run].is_lower or doc[run].text in ("-", "‐")):
            run += 1
        if run > index and run < limit and _titleish(doc[run]) and not doc[run].is_punct:
            return run
    return start


def _place_ents(span: Span) -> list[Span]:
    """Place and nationality entities overlapping ``span``."""
    places = ("GPE", "LOC", "NORP")
    return [e for e in span.doc.ents if e.label_ in places and e.start < span.end and span.start < e.end]


def _plural_genre(token: Token) -> bool:
    """A plural screen genre noun used as a noun: "dramas", "K-dramas", "the series" read as plural."""
    lower = token.lower_
    if lower not in PLURAL_GENRES or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if lower in ("series", "miniseries", "docuseries", "anime"):
        return token.tag_ in ("NNS", "NNPS")
    return token.is_lower or lower.startswith("k")


def _quotations(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of quoted text (at most 80 characters, within a line), quotes paired by kind."""
    for match in re.finditer(r"“([^“”\n]{1,80})”|‘([^‘’\n]{1,80})’", text):
        group = 1 if match.group(1) is not None else 2
        yield match.start(group), match.end(group)
    line_start = 0
    for line in text.split("\n"):
        marks = [i for i, c in enumerate(line) if c == '"']
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            if closing - opening <= 81:
                yield line_start + opening + 1, line_start + closing
        index = 0
        while True:
            opening = line.find("'", index)
            if opening < 0 or opening + 1 >= len(line):
                break
            index = opening + 1
            if (opening > 0 and line[opening - 1].isalnum()) or not line[opening + 1].isalnum():
                continue  # an apostrophe, not an opening quote
            closing = next(
                (
                    j
                    for j in range(opening + 2, min(len(line), opening + 82))
                    if line[j] == "'"
                    and not line[j - 1].isspace()
                    and (j + 1 == len(line) or not line[j + 1].isalnum())
                ),
                None,
            )
            if closing is not None:
                yield line_start + opening + 1, line_start + closing
                index = closing + 1
        line_start += len(line) + 1


def _label_index(doc: Doc, label: str) -> list[int | None]:
    """Per token, the start of the ``label`` entity it is in (None outside one)."""
    index: list[int | None] = [None] * (len(doc) + 1)
    for ent in doc.ents:
        if ent.label_ == label:
            index[ent.start : ent.end] = [ent.start] * len(ent)
    return index


def _linked(noun: Token, span: Span) -> bool:
    """Whether a genre noun and the title after it are one phrase ("the sitcom Extras", "satire, The
    Day Today", "a drama called X"), not neighbours across a clause ("a movie NEC is showing")."""
    root = span.root
    if root.head == noun or noun.head == root or span.start <= noun.head.i < span.end:
        return True
    if root.head.lower_ in ("called", "titled", "entitled", ",") and root.head.head == noun:
        return True
    return root.dep_ in ("appos", "conj", "compound") and root.head == noun.head


def rank_shows(titles: list[str], headline: str, mentions: list[tuple[str, int]]) -> list[str]:
    """Order titles: named in the headline first, then by mentions, then by first mention.

    >>> rank_shows(["Brass Eye", "Nathan Barley"], "Comic returns with Nathan Barley",
    ...            [("Brass Eye", 3), ("Nathan Barley", 9)])
    ['Nathan Barley', 'Brass Eye']
    >>> mentions = [("Top Pops", 3), ("Top Pops 2", 5), ("Top Pops 2", 7), ("Top Pops 2", 9)]
    >>> rank_shows(["Top Pops 2", "Top Pops"], "Top Pops leaves BBC One", mentions)[0]
    'Top Pops'
    >>> rank_shows(["Top Pops", "Top Pops 2"], "Top Pops 2 axed", mentions[:1] * 3 + mentions[1:2])[0]
    'Top Pops 2'
    """
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for title, start in mentions:
        counts[title] += 1
        first[title] = min(first.get(title, start), start)
    in_headline = {t: _headline_position(t, headline) for t in titles}
    return sorted(
        titles,
        key=lambda t: (
            in_headline[t] is None,
            in_headline[t] if in_headline[t] is not None else 0,
            -len(t) if in_headline[t] is not None else 0,  # "Top Pops 2 axed": the spin-off, not the parent
            -counts[t],
            first.get(t, 10**9),
        ),
    )


def _headline_position(title: str, headline: str) -> int | None:
    if not headline:
        return None
    folded = _fold(headline)
    for form in (title, title[4:] if title.startswith("The ") else None):
        if form:
            found = re.search(r"(?<![a-z0-9])" + re.escape(_fold(form)) + r"(?![a-z0-9])", folded)
            if found:
                return found.start()
    return None


def _in_headline(title: str, headline: str) -> bool:
    return _headline_position(title, headline) is not None


def _fold(text: str) -> str:
    return re.sub(r"[‘’“”\"']", "", text).lower()


def _contains_words(longer: str, shorter: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(shorter) + r"(?!\w)", longer) is not None


def _title_case(text: str) -> bool:
    words = re.findall(r"[^\s]+", text)
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    for word in words:
        bare = word.strip(",.:;!?()")
        if not bare:
            continue
        if bare.lower() in TITLE_CONNECTORS:
            continue
        if not (bare[0].isupper() or bare[0].isdigit()):
            return False
    return True


def _ent_end(doc: Doc, index: int) -> int:
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _titleish(token: Token) -> bool:
    text = token.text
    if token.is_space or (token.is_punct and text not in ("+", "&", "!", "?", "-", ":", ".")):
        return False
    return text[0].isupper() or text[0].isdigit()


def _title_from(
    doc: Doc,
    start: int,
    limit: int,
    skip_lower: frozenset | set = frozenset(),
    *,
    in_list: bool = False,
    places: bool = False,
    opening: bool = False,
) -> Span | None:
    """The longest title-like span starting at ``start`` (before ``limit``), or None. ``in_list``: the
    span is an item of a list, so "and"/"or" before a capital ends it ("Open Water and Napoleon Dynamite").
    ``places``: a span the statistical model calls a place may be a title ("the drama Northern Line")."""
    while start < limit and doc[start].lower_ in skip_lower:
        start += 1
    if start >= limit:
        return None
    first = doc[start]
    if first.is_sent_start and first.tag_ in ("VBN", "VBD", "VBG") and start + 1 < limit and doc[start + 1].is_lower:
        return None  # "Written by X, ...": a participle opening the sentence
    allowed = {"CARDINAL", "DATE"} | ({"GPE", "LOC", "FAC"} if places else set())
    if not _titleish(first) or first.is_punct:
        return None
    nationality = first.text in NATIONALITY_WORDS and _nationality_title(doc, start, limit)
    if nationality:
        pass  # "American Idol", "American Dad": a nationality word opening a title
    elif first.ent_type_ in NON_SHOW_LABELS - allowed:
        return None
    pronoun = opening and first.text in PRONOUN_OPENERS  # "the BBC's They Think It's All Over"
    if (
        first.text in NOT_TITLES
        and not (first.text in ("The", "A", "An") and start + 1 < limit)
        and not nationality
        and not pronoun
    ):
        return None
    end = start + 1
    while end < limit and end - start < 10:
        token = doc[end]
        if (
            token.text == ":"
            and not doc[end - 1].whitespace_
            and not token.whitespace_
            and end + 1 < limit
            and doc[end + 1].is_alpha
        ):
            end += 2  # "CD:UK", "SM:tv": a colon glued inside one title
            continue
        if token.ent_type_ in (PLATFORM, OUTLET, AGGREGATOR, SEASON) and token.ent_iob_ == "B":
            break
        if token.text in ("'s", "’s", "'", "’"):
            if _possessive_inside(doc, start, end, limit) or _contraction_inside(doc, end, limit):
                end += 2  # "Hell's Kitchen", "The Hitchhiker's Guide": the possessive is the title's own
                continue
            break
        if token.is_space or ("\n" in token.text_with_ws[len(token.text) :] and _titleish(token)):
            if _titleish(token):
                end += 1
            break
        if _titleish(token) and token.text not in (":", "-", "."):
            end += 1
            if token.text.endswith("/"):
                break  # "Life Begins/ Von Trapped": two titles the tokenizer left the slash on
            continue
        # in a list, "and the City" in lower case goes on with a title ("Sex and the City and Will")
        lower_article = in_list and end + 1 < limit and doc[end + 1].text in ("the", "a", "an")
        if (
            token.text in ("and", "or")
            and end + 1 < limit
            and (doc[end + 1].text in ("The", "A") or in_list)
            and not lower_article
        ):
            break
        if token.lower_ == "and" and sum(t.is_alpha for t in doc[start:end]) >= 2 and end + 1 < limit:
            right = _title_from(doc, end + 1, limit)
            if right is not None and sum(t.is_alpha for t in right) >= 2:
                break  # "Meet The Fockers and Shall We Dance": two titles of two words or more each
        if (
            token.lower_ in INNER_CONNECTORS
            and end + 2 < limit
            and doc[end + 1].lower_ in ("the", "a", "an")
            and (_title_word(doc[end + 2]) or (doc[end + 2].text in NOT_TITLES and doc[end + 2].pos_ == "PROPN"))
            and not (in_list and token.lower_ == "and" and doc[end + 1].text[0].isupper())
        ):
            end += 3  # "Shaun of the Dead", "Diary of a Mad Black Woman": two small words inside a title
            continue
        if token.text in ("-", "–", "—") and token.whitespace_ and doc[end - 1].ent_type_ == "PERSON":
            break  # "her husband Matthew Vaughn - Troy actress X": a dash between a name and the next phrase
        if token.lower_ in TITLE_CONNECTORS and end + 1 < limit and _titleish(doc[end + 1]):
            if doc[end + 1].ent_type_ in (PLATFORM, OUTLET, SEASON, "GPE", "DATE", "NORP") or doc[end + 1].is_punct:
                break
            if token.lower_ == "at" and doc[end + 1].ent_type_ in ("FAC", "ORG", "LOC", "PERSON"):
                break  # "X at Grauman's": a place the title is shown at
            end += 1
            continue
        break
    span = doc[start:end]
    if span[0].text in ("The", "A", "An") and len(span) == 1:
        return None
    determiner = first.text in POSSESSIVE_OPENERS  # "the sitcom My Family": two words will do
    if pronoun and (len(span) < (2 if determiner else 3) or span[1].text in NOT_TITLES):
        return None
    if (
        end < limit
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and doc[end + 1 : end + 2].text.islower()
    ):
        return None  # "Kim Ha" of "Kim Ha-neul": a name cut at its hyphen
    if len(span) == 1 and first.is_sent_start and first.pos_ not in ("PROPN", "NOUN", "NUM", "X"):
        return None  # "There", "Thankfully": a capital only because it opens the sentence
    if all(t.text in NOT_TITLES or t.is_punct for t in span):
        return None
    return span


def _span_before(doc: Doc, floor: int, end: int) -> Span | None:
    """The title ending right before ``doc[end]`` (a role noun), earliest start first; a span joining two
    names with "and" is kept only if the parse makes it one phrase ("Only Fools and Horses actor", not
    "Model Caprice and Holby City actor"), else the part after "and" if it has two words or more."""
    start = end - 1
    while start > floor and end - start < 9:
        prev = doc[start - 1]
        if (_titleish(prev) and not prev.is_punct) or prev.lower_ in TITLE_CONNECTORS or prev.text in ("'s", "’s", "'"):
            start -= 1
            continue
        break
    for begin in range(start, end):
        if doc[begin].is_lower or not _titleish(doc[begin]) or doc[begin].is_punct:
            continue
        span = _title_from(doc, begin, end, places=True, opening=False)
        if span is None or span.end != end:
            continue
        cut = [t.i + 1 for t in span[1:-1] if t.lower_ in ("from", "in", "with") and doc[t.i - 1].ent_type_ == "PERSON"]
        if cut:  # "James McAvoy from Shameless (Channel 4)": a person and the title they are from
            span = doc[cut[-1] : end]
        joined = [t for t in span if t.lower_ in ("and", "&")]
        if joined and not all(span.start <= t.head.i < end + 3 for t in span):
            after = joined[-1].i + 1
            rest = _title_from(doc, after, end, places=True) if after < end else None
            if rest is not None and rest.end == end and sum(t.is_alpha for t in rest) >= 2:
                return rest
            return None
        return span
    return None


def _headline_case(span: Span) -> bool:
    """Whether a span is written in headline case with a small word capitalised inside it ("Sex And The City",
    "Lord Of The Flies"), and is no institution's or place's name.

    >>> doc = _test_doc("Ratings fell after Cats And The Town drew to a close.")
    >>> _headline_case(doc[3:7]), _headline_case(_test_doc("The Bank Of England rose.")[1:4])
    (True, False)
    """
    if len(span) < 3 or not any(t.text in CAPITALISED_SMALL_WORDS - {"The", "A", "An"} for t in span[1:-1]):
        return False
    if span[-1].text in CAPITALISED_SMALL_WORDS or any(t.text in INSTITUTION_WORDS for t in span):
        return False
    if span[0].like_num or any(t.is_lower or t.text in ("'s", "’s") or t.ent_type_ == "PERSON" for t in span):
        return False  # "2004 X Award For Comedy", "Tom Hanks in The Y", "Ron Howard's The Da Vinci Code"
    whole = [e for e in span.doc.ents if e.start <= span.start and span.end <= e.end]
    return not any(e.label_ in ("ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "LAW") for e in whole)


PRONOUN_OPENERS = frozenset({"They", "It", "I", "You", "We", "He", "She"}) | POSSESSIVE_OPENERS


def _nationality_title(doc: Doc, start: int, limit: int) -> bool:
    """Whether a nationality word opens a title: a capitalised word follows that is no name of a person,
    place, channel or date and no word that never makes a title ("American Idol", not "American Tom Hanks",
    "British TV" or "American actor").

    >>> doc = _test_doc("She judged the talent show American Idol for years.")
    >>> _title_from(doc, 5, len(doc)).text
    'American Idol'
    """
    if start + 1 >= limit:
        return False
    first, nxt = doc[start], doc[start + 1]
    if first.ent_type_ == "NORP" and first.ent_iob_ == "B" and nxt.ent_iob_ == "I":
        return False  # a longer nationality phrase
    full_name = nxt.ent_type_ == "PERSON" and start + 2 < len(doc) and doc[start + 2].ent_iob_ == "I"
    return (
        _title_word(nxt)
        and not full_name  # "American Tom Hanks"; a one-word "person" is the tagger's guess at a title word
        and nxt.ent_type_ not in (PLATFORM, OUTLET)
        and not (nxt.ent_iob_ == "B" and nxt.ent_type_ in ("ORG", "GPE", "NORP"))
        and nxt.text not in DESCRIPTOR_WORDS
    )


def _title_word(token: Token) -> bool:
    """A capitalised word that may continue a title after its small words: not a channel, place, date or
    award ("the Oscars"), nor punctuation."""
    return (
        _titleish(token)
        and not token.is_punct
        and token.ent_type_ not in (PLATFORM, OUTLET, SEASON, "GPE", "DATE", "NORP", "LOC", "FAC", "TIME")
        and token.lower_ not in AWARD_NAMES
        and token.text not in NOT_TITLES
    )


def _possessive_inside(doc: Doc, start: int, end: int, limit: int) -> bool:
    """Whether the possessive at ``doc[end]`` is inside a title: glued to a possessor that is no person,
    company or channel ("Hell's Kitchen", "Footballers' Wives", "The Hitchhiker's Guide To The Galaxy"),
    with a capitalised word after it that is no name of its own ("Brookside's Marie Jackson").

    >>> doc = _test_doc("She starred in the drama Footballers' Wives for ITV.")
    >>> _title_from(doc, 5, len(doc)).text
    "Footballers' Wives"
    """
    if end + 1 >= limit or doc[end - 1].whitespace_:
        return False
    possessor, after = doc[start:end], doc[end + 1]
    named = ("PERSON", "ORG", PLATFORM, OUTLET, "GPE", "NORP", "LOC", "FAC")
    if doc[end].ent_iob_ == "I" and after.ent_iob_ == "I" and after.ent_type_ in ("ORG", "WORK_OF_ART"):
        return _title_word(after)  # one name across the possessive ("Footballers' Wives" read as a company)
    if possessor[0].text not in ("The", "A", "An") and any(t.ent_type_ in named for t in possessor):
        return False
    return _title_word(after) and after.ent_type_ not in ("PERSON", "ORG") and after.pos_ != "VERB"


def _contraction_inside(doc: Doc, end: int, limit: int) -> bool:
    """Whether ``doc[end]`` is a glued "'s" for "is" inside a title, a capitalised word after it: "Who's Your
    Daddy", "They Think It's All Over"."""
    token = doc[end]
    if end + 1 >= limit or doc[end - 1].whitespace_ or token.tag_ != "VBZ":
        return False
    after = doc[end + 1]
    return _titleish(after) and not after.is_punct and after.ent_type_ not in ("PERSON", PLATFORM, "GPE")


def _test_doc(text: str) -> Doc:  # pragma: no cover - doctest helper
    from showgraph.nlp.pipeline import load_pipeline

    return load_pipeline()(text)


def _after_possessive_credit(doc: Doc, span: Span, limit: int) -> Span:
    """ "the comedy Peter Kay's Phoenix Nights": the title is the part after the possessive."""
    if span.end + 1 < limit and doc[span.end].text in ("'s", "’s"):
        later = _title_from(doc, span.end + 1, limit)
        if later is not None and span[-1].ent_type_ in ("PERSON", PLATFORM):
            return later
        if later is not None and later.start == span.end + 1:
            return doc[span.start : later.end]  # "programme Dragon's Den": the possessive is the title's own
    return span


def _title_spans(sent: Span):
    """Maximal capitalised spans of a sentence (candidate titles for cues that follow them)."""
    doc = sent.doc
    index = sent.start
    while index < sent.end:
        token = doc[index]
        if _titleish(token) and not token.is_punct:
            span = _title_from(doc, index, sent.end)
            if span is not None:
                # "The Glory director": the candidate may also start after a sentence-initial word.
                yield span
                index = span.end
                continue
        index += 1


def _before_ellipsis(span: Span) -> Span:
    """A title's first part before a glued ellipsis ("I'm a Star... Get Me Home"): the capitalised words,
    contractions and small words right before it.

    >>> doc = _test_doc("Ratings for ITV's I'm a Star... Get Me Home fell.")
    >>> _before_ellipsis(doc[9:12]).text
    "I'm a Star... Get Me Home"
    """
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in ("...", "…") or doc[span.start - 2].whitespace_:
        return span
    start = span.start - 1
    while start > 0:
        prev = doc[start - 1]
        if prev.is_sent_start and not _titleish(prev):
            break
        contraction = prev.text in ("'m", "’m", "'re", "’re") or (prev.text in ("'s", "’s") and prev.tag_ == "VBZ")
        small = prev.is_lower and prev.lower_ in TITLE_CONNECTORS and _titleish(doc[start])
        if (_titleish(prev) and not prev.is_punct and prev.ent_type_ not in (PLATFORM, OUTLET)) or contraction or small:
            start -= 1
            if prev.is_sent_start:
                break
            continue
        break
    while start < span.start - 1 and (doc[start].is_lower or doc[start].text.startswith(("'", "’"))):
        start += 1
    if start >= span.start - 1:
        return span
    return doc[start : span.end]


def _counted(doc: Doc, title: str) -> bool:
    """Whether the text counts ``title`` as a thing of a kind somewhere: "another X", "an X", "every X"."""
    words = (title[4:] if title.startswith("The ") else title).split()
    for token in doc:
        if token.text != words[0] or token.i == 0 or doc[token.i - 1].lower_ not in COUNTING_WORDS:
            continue
        end = token.i + len(words)
        after = doc[end] if end < len(doc) else None
        # "a Friends spin-off", "an EastEnders actor": the determiner counts the noun after the title
        modifies = after is not None and (
            after.text in ("'s", "’s", "-", "'", "’") or (after.is_lower and after.pos_ in ("NOUN", "ADJ", "PROPN"))
        )
        if doc[token.i : end].text == " ".join(words) and not modifies:
            return True
    return False


def _strip_leading(span: Span) -> Span | None:
    """Drop sentence-initial words that cannot begin a title ("Is The Glory ..." -> "The Glory")."""
    if not len(span):
        return None
    start = span.start
    doc = span.doc
    if span[0].is_sent_start and len(span) > 1:
        inner_the = [t.i for t in span[1:] if t.text == "The"]
        if inner_the and any(t.text in LEADING_WORDS or t.pos_ in ("AUX", "VERB", "PRON") for t in span[:2]):
            start = inner_the[0]
        elif span[0].text in LEADING_WORDS:
            start += 1
    if span.end - start > 1 and doc[start].text in PERSON_MODIFIERS:
        start += 1  # "Former Holby City actor X"
    if start >= span.end or all(t.like_num or t.text in QUANTIFIER_WORDS for t in doc[start : span.end]):
        return None  # "10", "All 10 episodes"
    return doc[start : span.end]


def _title_text(span: Span) -> str | None:
    text = span.text.strip()
    text = re.sub(r"\s+", " ", text).strip(" ,;:-/")
    text = re.sub(r"['’]s$", "", text).strip()
    if not text or text in NOT_TITLES:
        return None
    return text


#: Cues that mark the span itself as a title (a genre noun or quotes before it, "called X"), as against
#: cues that a person's name also gets ("X's episode", "X, the show's producer", "X was shot").
TITLE_CUES = frozenset(
    {"quoted", "called", "list", "enumeration", "season", "paren-credit", "starring", "platform-possessive",
     "platform-possessive:programme"}
) | {f"genre:{noun}" for noun in show_cues()["genre_nouns"]}  # fmt: skip


def _person_names(doc: Doc) -> set[str]:
    """Full names (two words or more) of the people and companies the statistical model finds in ``doc``;
    a company's name is kept reversed ("Brothers Warner"), as its first word is its short form."""
    people = {" ".join(e.text.split()) for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1}
    companies = {" ".join(reversed(e.text.split())) for e in doc.ents if e.label_ == "ORG" and len(e.text.split()) == 2}
    return people | companies


def _names_person(title: str, people: set[str]) -> bool:
    """Whether ``title`` is the surname of a person the article names in full ("Reed" beside "Jo Reed"); a
    title that is a whole name ("Jo Reed") may be a show named after its character.

    >>> people = {"Jo Reed"}
    >>> _names_person("Reed", people), _names_person("Jo Reed", people), _names_person("Reed Hall", people)
    (True, False, False)
    """
    return any(name.endswith(" " + title) for name in people)


def _series_name(title: str) -> str | None:
    """The series a part's title names first ("Sam Spade" of "Sam Spade and the Iron Key"), if two words or more.

    >>> _series_name("Sam Spade and the Iron Key"), _series_name("Pride and Prejudice")
    ('Sam Spade', None)
    """
    match = re.match(r"(\S+(?: \S+)+?)(?: and the |: )", title)
    return match.group(1) if match else None


def _plausible_title(title: str) -> bool:
    words = title.split()
    if not words or len(words) > 9:
        return False
    if len(title) < 2 or title.isdigit() or (len(words) == 1 and (title in LEADING_WORDS or title in DESCRIPTOR_WORDS)):
        return False
    if len(words) == 1 and (title.casefold() in GENERIC_TITLE_WORDS or re.fullmatch(r"(?:1[89]|20)?\d0'?s", title)):
        return False  # "Film actress X", "Comedy sequel X", "in the 1980s": a kind of thing or a decade
    if len(words) > 1 and words[-1] in EVENT_AND_STATION_WORDS:
        return False  # "The 2006 World Cup" is broadcast, "Multi-Coloured TV" broadcasts: neither is a show
    return not all(w in NOT_TITLES for w in words)
