"""Candidate pairs: which mentions of a sentence may stand in which relation, and how a pair is shown
to the relation classifier.

A *mention* is a span with a kind (``PERSON``, ``WORK``, ``CHARACTER``, ``CHANNEL``, ``ORG``,
``AWARD``). The kinds come from the trained recogniser's span group (``doc.spans["showgraph_ner"]``,
which wins an overlap) and from ``doc.ents`` (the small model's and the domain rules' labels). A pair
is an ordered (subject, object) whose kinds some relation of the vocabulary allows (:data:`PAIR_RELATIONS`);
the article's main show stands in as a subject where a sentence names people but no title.

The classifier reads a pair as a short text (:func:`pair_text`): the words around and between the
two mentions with the mentions replaced by role markers, then the dependency path between them.
Training (:mod:`showgraph.nlp.learned.corpus`) and reading (:mod:`showgraph.nlp.learned.components`)
both call :func:`sentence_pairs`, so what is learned is what is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from showgraph.nlp.aliases import fold
from showgraph.nlp.lexicon import patterns

#: Span group the trained recogniser writes to (it leaves ``doc.ents`` to the small model and rules).
SPANS_KEY = "showgraph_ner"

#: Entity label -> mention kind. Labels not listed are no mention.
KIND_OF_LABEL: dict[str, str] = {
    "PERSON": "PERSON",
    "WORK": "WORK", "SHOW": "WORK", "WORK_OF_ART": "WORK",
    "CHARACTER": "CHARACTER",
    "CHANNEL": "CHANNEL", "PLATFORM": "CHANNEL",
    "ORG": "ORG", "OUTLET": "ORG",
    "AWARD": "AWARD",
}  # fmt: skip

#: (subject kind, object kind) -> the relations such a pair may stand in.
PAIR_RELATIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("WORK", "PERSON"): ("cast_member", "directed_by", "written_by", "created_by", "produced_by", "presented_by"),
    ("WORK", "CHANNEL"): ("platform", "produced_by"),
    ("WORK", "ORG"): ("platform", "produced_by"),
    ("WORK", "WORK"): ("adapted_from",),
    ("WORK", "AWARD"): ("won_award", "nominated_for"),
    ("PERSON", "AWARD"): ("won_award", "nominated_for"),
    ("PERSON", "CHARACTER"): ("plays",),
    ("PERSON", "PERSON"): ("plays",),
    ("PERSON", "ORG"): ("represented_by",),
    ("WORK", "GENRE"): ("genre",),
}

#: Every relation the classifier scores.
RELATIONS: tuple[str, ...] = tuple(sorted({r for rels in PAIR_RELATIONS.values() for r in rels}))

#: Lemmas by which a sentence speaks of prizes without naming one.
AWARD_WORDS = frozenset(
    {"award", "prize", "win", "nominate", "nomination", "nominee", "category", "honour", "honor", "trophy",
     "accolade", "shortlist", "best", "winner", "scoop", "collect", "beat", "lose"}
)  # fmt: skip

#: Words that make an organisation's name an award's ("the Golden Globe Awards", "Cannes Film Festival").
AWARD_NAME_WORDS = frozenset(
    {"award", "awards", "prize", "prizes", "oscar", "oscars", "bafta", "baftas", "emmy", "emmys", "globe",
     "globes", "festival", "razzie", "razzies", "trophy", "medal"}
)  # fmt: skip

#: Words either side of the pair that the classifier sees.
WINDOW = 5

#: Nouns by which an article refers to its own show ("the series was renewed").
SHOW_NOUNS = frozenset(
    {"series", "show", "drama", "sitcom", "comedy", "programme", "program", "soap", "thriller", "film",
     "movie", "serial", "documentary", "miniseries", "season", "k-drama", "adaptation", "remake"}
)  # fmt: skip


@dataclass(frozen=True)
class Mention:
    """A span of the document with a kind; ``start``/``end`` are token indexes (end exclusive)."""

    start: int
    end: int
    kind: str
    text: str


#: Kinds the small model often gives a title ("Topsy Turvy" as ORG): such a mention may fill a title's
#: slot as a subject; its marker keeps the kind it came with, so the classifier learns how far to trust it.
TITLE_LIKE = frozenset({"ORG"})


def pair_kinds(subject: str, obj: str) -> tuple[str, str] | None:
    """The (subject, object) kinds of :data:`PAIR_RELATIONS` a pair of mention kinds stands for, if any.

    >>> pair_kinds("ORG", "AWARD"), pair_kinds("PERSON", "CHARACTER"), pair_kinds("GENRE", "WORK")
    (('WORK', 'AWARD'), ('PERSON', 'CHARACTER'), None)
    """
    if (subject, obj) in PAIR_RELATIONS:
        return (subject, obj)
    if subject in TITLE_LIKE and ("WORK", obj) in PAIR_RELATIONS:
        return ("WORK", obj)
    return None


@dataclass(frozen=True)
class Pair:
    """A candidate (subject, object) in one sentence. ``subject`` is None for the article's main show."""

    subject: Mention | None
    object: Mention
    sentence: Span
    text: str

    @property
    def kinds(self) -> tuple[str, str]:
        """The kinds of :data:`PAIR_RELATIONS` the pair stands for (an ORG subject may stand for a title)."""
        subject = "WORK" if self.subject is None else self.subject.kind
        return pair_kinds(subject, self.object.kind) or (subject, self.object.kind)


@cache
def genre_words() -> tuple[frozenset[str], frozenset[str]]:
    """Genre nouns, and the modifiers that never make part of a genre ("new", "hit"), from the patterns data."""
    data = patterns("reception")
    return frozenset(data["genre_nouns"]), frozenset(data["not_genre_modifiers"])


def genre_mentions(doc: Doc, start: int, end: int, taken: list[bool]) -> list[Mention]:
    """Genre phrases: a genre noun with the modifiers before it ("psychological thriller", "boxing drama").

    >>> import spacy
    >>> doc = spacy.blank("en")("a new boxing drama")
    >>> for t, (dep, head) in zip(doc, [("det", 3), ("amod", 3), ("compound", 3), ("ROOT", 3)]):
    ...     t.dep_, t.head = dep, doc[head]
    >>> [m.text for m in genre_mentions(doc, 0, 4, [False] * 4)]
    ['boxing drama']
    """
    nouns, not_modifiers = genre_words()
    found = []
    for token in doc[start:end]:
        if token.lower_ not in nouns or taken[token.i]:
            continue
        first = token.i
        while first - 1 >= start and not taken[first - 1]:
            left = doc[first - 1]
            if left.head.i != token.i and left.head.i < first - 1:
                break
            if left.dep_ not in {"amod", "compound", "nmod"} or left.lower_ in not_modifiers or left.like_num:
                break
            first -= 1
        found.append(Mention(first, token.i + 1, "GENRE", doc[first : token.i + 1].text.lower()))
    return found


def mentions(doc: Doc, start: int = 0, end: int | None = None) -> list[Mention]:
    """The mentions in tokens ``start:end``, the recogniser's first, then non-overlapping entities, then
    genre phrases.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ana Ruiz stars in Blue Harbour on Netflix")
    >>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 7, 8, "PLATFORM")]
    >>> doc.spans[SPANS_KEY] = [Span(doc, 4, 6, "WORK")]
    >>> [(m.kind, m.text) for m in mentions(doc)]
    [('PERSON', 'Ana Ruiz'), ('WORK', 'Blue Harbour'), ('CHANNEL', 'Netflix')]
    """
    end = len(doc) if end is None else end
    taken = [False] * len(doc)
    found: list[Mention] = []
    learned = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
    for span in [*learned, *doc.ents]:
        kind = KIND_OF_LABEL.get(span.label_)
        if kind is None or span.start < start or span.end > end or any(taken[span.start : span.end]):
            continue
        if kind == "ORG" and any(t.lower_ in AWARD_NAME_WORDS for t in span):
            kind = "AWARD"
        for i in range(span.start, span.end):
            taken[i] = True
        found.append(Mention(span.start, span.end, kind, _clean(span)))
    found.extend(genre_mentions(doc, start, end, taken))
    return sorted(found, key=lambda m: m.start)


def _clean(span: Span) -> str:
    """The mention's text without a leading determiner or trailing possessive."""
    tokens = list(span)
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in {":", ",", ";", "-", "'s", "."}):
        tokens.pop()
    strip_article = {"PERSON", "ORG", "CHARACTER", "CHANNEL", "PLATFORM", "AWARD", "OUTLET"}
    if len(tokens) > 1 and tokens[0].lower_ in {"the", "a", "an"} and span.label_ in strip_article:
        tokens.pop(0)
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def refers_to_show(sent: Span) -> bool:
    """Does the sentence speak of a show by a noun or pronoun ("the series", "it") rather than a title?"""
    return any(t.lower_ in SHOW_NOUNS or (t.lower_ in {"it", "its"} and t.pos_ == "PRON") for t in sent)


def title_key(name: str) -> str:
    """A name folded as the scorer folds it, without a leading "the" (one key for "The Office" and "office").

    >>> title_key("The Office") == title_key("office")
    True
    """
    return fold(re.sub(r"^the\s+", "", str(name).strip(), flags=re.IGNORECASE))


def main_show(doc: Doc, found: list[Mention] | None = None) -> str | None:
    """The show an article is about: the domain rules' main show, if a recogniser also names it a title
    (``found``: the doc's mentions, if already collected).

    The rules pick a main show from cues even in an article about no show ("Harry" in a politics
    story); asking that some title mention spells it keeps the stand-in pairs to articles about one.
    """
    shows = list(doc._.shows) if doc.has_extension("shows") else []
    if not shows:
        return None
    titles = {title_key(m.text) for m in (mentions(doc) if found is None else found) if m.kind == "WORK"}
    return shows[0] if title_key(shows[0]) in titles else None


def main_award(doc: Doc, found: list[Mention] | None = None) -> str | None:
    """The award an article is about: the one its mentions name most often (first on a tie)."""
    names = [m.text for m in (mentions(doc) if found is None else found) if m.kind == "AWARD"]
    return max(dict.fromkeys(names), key=names.count) if names else None


def doc_pairs(doc: Doc) -> tuple[str | None, list[Pair]]:
    """The article's main show (the stand-in subject) and every candidate pair of every sentence: what
    the relation scorer scores and what training labels, made one way."""
    found = mentions(doc)
    show = main_show(doc, found)
    award = main_award(doc, found)
    return show, [pair for sent in doc.sents for pair in sentence_pairs(sent, show, award)]


def speaks_of_awards(sent: Span) -> bool:
    """Does the sentence speak of prizes without naming one ("won best actress", "was nominated")?"""
    return any(t.lemma_.lower() in AWARD_WORDS or t.lower_ in AWARD_WORDS for t in sent)


def sentence_pairs(sent: Span, main_show: str | None, award: str | None = None) -> Iterator[Pair]:
    """Every candidate pair of one sentence, with the text the classifier reads.

    Pairs follow :data:`PAIR_RELATIONS`; ``main_show`` (the article's show) is the subject of an
    extra pair for each person, channel or award where the sentence has no title of its own but
    refers to a show ("the drama", "it"); ``award`` (the article's award, see :func:`main_award`) is
    the object of an extra pair for each title and person where the sentence speaks of prizes but
    names none ("Imelda Staunton won best actress").
    """
    found = mentions(sent.doc, sent.start, sent.end)
    for subject in found:
        for obj in found:
            if subject is obj or pair_kinds(subject.kind, obj.kind) is None:
                continue
            if subject.kind == obj.kind and subject.text == obj.text:
                continue
            yield Pair(subject, obj, sent, pair_text(sent, subject, obj, found))
    if main_show and not any(m.kind == "WORK" for m in found) and refers_to_show(sent):
        for obj in found:
            if ("WORK", obj.kind) in PAIR_RELATIONS and obj.kind != "WORK":
                yield Pair(None, obj, sent, pair_text(sent, None, obj, found))
    if award and not any(m.kind == "AWARD" for m in found) and speaks_of_awards(sent):
        anchor = Mention(-1, -1, "AWARD", award)
        for subject in found:
            if subject.kind in {"WORK", "PERSON"}:
                yield Pair(subject, anchor, sent, pair_text(sent, subject, anchor, found))


def pair_text(sent: Span, subject: Mention | None, obj: Mention, found: list[Mention]) -> str:
    """The pair as the classifier reads it: markers for the two ends and the other mentions, the words
    in a window around them (lower case), then the dependency path.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ana Ruiz stars in Blue Harbour")
    >>> a, b = Mention(0, 2, "PERSON", "Ana Ruiz"), Mention(4, 6, "WORK", "Blue Harbour")
    >>> pair_text(doc[:], b, a, [a, b]).split(" | ")[0]
    'bos objperson stars in subjwork eos'
    """
    doc = sent.doc
    ends = [m for m in (subject, obj) if m is not None and m.start >= 0]
    lo = max(sent.start, min(m.start for m in ends) - WINDOW)
    hi = min(sent.end, max(m.end for m in ends) + WINDOW)
    marks: dict[int, tuple[int, str]] = {}
    for m in found:
        if m.end > lo and m.start < hi:
            role = "subj" if m is subject else "obj" if m is obj else "other"
            marks[m.start] = (m.end, role + m.kind.lower())
    words: list[str] = ["bos"] if lo == sent.start else []
    if subject is None:
        words.insert(0, "subjrefshow")
    if obj.start < 0:
        words.insert(0, "objrefaward")
    i = lo
    while i < hi:
        if i in marks:
            end, marker = marks[i]
            words.append(marker)
            i = end
            continue
        token = doc[i]
        if not token.is_punct or token.text in {",", "(", ")", ":", "'s"}:
            words.append(token.lower_ if not token.like_num else "num")
        i += 1
    if hi == sent.end:
        words.append("eos")
    if subject is None:
        path = _object_path(doc, obj)
    elif obj.start < 0:
        path = _object_path(doc, subject)
    else:
        path = dependency_path(doc, subject, obj)
    return " ".join(words) + " | " + " ".join(path)


def dependency_path(doc: Doc, subject: Mention, obj: Mention) -> list[str]:
    """Lemmas and dependency labels from the subject's head word up to the shared ancestor and down to
    the object's (at most 8 steps a side; words at both ends are left out)."""
    a, b = doc[subject.start : subject.end].root, doc[obj.start : obj.end].root
    up_a = _ancestors(a)
    up_b = _ancestors(b)
    common = next((t for t in up_a if t in set(up_b)), None)
    if common is None:
        return ["nopath"]
    left = up_a[: up_a.index(common)]
    right = up_b[: up_b.index(common)]
    path = [f"{t.dep_}<" for t in left[:8]]
    path.append("lca_" + (common.lemma_.lower() if common not in (a, b) else common.dep_))
    path.extend(f">{t.dep_}" for t in reversed(right[:8]))
    path.extend(f"mid_{t.lemma_.lower()}" for t in (*left[1:8], *right[1:8]) if t.pos_ in {"VERB", "NOUN", "ADP"})
    return path


def _object_path(doc: Doc, obj: Mention) -> list[str]:
    head = doc[obj.start : obj.end].root
    path = []
    for t in _ancestors(head)[1:5]:
        path.append(f"up_{t.dep_}_{t.lemma_.lower()}")
    return path or ["nopath"]


def _ancestors(token) -> list:  # the token, then its heads up to the root
    out = [token]
    while out[-1].head.i != out[-1].i and len(out) < 30:
        out.append(out[-1].head)
    return out
