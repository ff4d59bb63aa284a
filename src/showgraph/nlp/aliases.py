"""Who is who within one article: every mention mapped to the fullest name the article uses.

No coreference model: rules over the article's entities and parse.

- Titles and roles are stripped ("Director Ahn Gil Ho" -> "Ahn Gil Ho"), and so are possessives.
- Romanisation variants are one name ("Ahn Gil Ho" == "Ahn Gil-ho"; the first form seen is kept).
- A surname alone ("Gervais") or a hyphenated given name alone ("Gil-ho") maps to the full name that
  ends with it; a family name written first ("Lee" of "Lee Do-hyun") maps when the rest of the full
  name is a hyphenated given name. Two people sharing the part: the nearest full mention before it,
  else the bare form is left as written.
- Pronouns and descriptions ("he", "the actor", "the comedian") go to the most recent person (of a
  fitting role where the article gave one); "the series", "the show", "it" to the current show.

>>> table = AliasTable.from_names(["Ricky Gervais", "Ahn Gil-ho", "Lee Do Hyun"])
>>> table.canonical("Gervais'"), table.canonical("Director Ahn Gil Ho"), table.canonical("Gil-ho")
('Ricky Gervais', 'Ahn Gil-ho', 'Ahn Gil-ho')
>>> table.canonical("Lee's"), table.canonical("Lee Do-hyun"), table.canonical("Kim")
('Lee Do Hyun', 'Lee Do Hyun', 'Kim')
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from showgraph.nlp.context import (
    ArticleContext,
    doc_ents,
    fits_description,
    label_spans,
    name_span,
    other_show_clauses,
    show_in_subtree,
)
from showgraph.nlp.lexicon import (
    AWARD_NAMES,
    MALE_PRONOUNS,
    NAME_TITLES,
    PERSON_DESCRIPTIONS,
    PERSON_PRONOUNS,
    ROLE_WORDS,
    SHOW_DESCRIPTIONS,
)


def fold(name: str) -> str:
    """Case, accents, spaces, hyphens and apostrophes folded away, as the gold scorer does.

    >>> fold("Ahn Gil Ho") == fold("Ahn Gil-ho")
    True
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s\-‐-―'’`.,\"]+", "", text)


def clean_name(text: str) -> str:
    """A mention as a name: whitespace collapsed, possessive and leading titles removed.

    >>> clean_name("Director Ahn Gil Ho's"), clean_name("Ricky Gervais'"), clean_name("the comedian")
    ('Ahn Gil Ho', 'Ricky Gervais', 'the comedian')
    """
    text = re.sub(r"\s+", " ", text).strip(' ,;:()[]"“”')
    text = re.sub(r"(?:['’]s|s['’]|['’])$", lambda m: "s" if m.group(0).startswith("s") else "", text).strip()
    words = text.split(" ")
    while len(words) > 1 and words[0].lower().strip(".") in NAME_TITLES and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


def _is_hyphenated_given(part: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]+-[A-Za-z][a-z]+", part))


@dataclass
class AliasTable:
    """Full names of one article and how its shorter mentions map to them."""

    full_names: list[str] = field(default_factory=list)  # canonical forms, first seen first
    by_fold: dict[str, str] = field(default_factory=dict)  # folded variant -> canonical
    by_part: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # part -> canonicals
    variants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # canonical -> role cues
    #: (token index, canonical) of each person mention, in text order, for nearest-mention lookups.
    positions: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def from_names(cls, names: list[str]) -> AliasTable:
        table = cls()
        for index, name in enumerate(names):
            table.add(name, index)
        return table

    def add(self, mention: str, position: int = -1, role: str | None = None) -> str:
        """Register a person mention; returns its canonical form."""
        name = clean_name(mention)
        if not name:
            return mention
        key = fold(name)
        if " " in name or ("-" in name and len(name.split()) > 1):
            canonical = self.by_fold.get(key)
            if canonical is None:
                canonical = self._merge_split_romanisation(name) or name
                if canonical == name:
                    self.full_names.append(name)
                    self._index_parts(name)
                self.by_fold[key] = canonical
        else:
            canonical = self.canonical(name, position)
        self.variants[canonical].add(name)
        if role:
            self.roles[canonical].add(role)
        if position >= 0:
            self.positions.append((position, canonical))
            self.positions.sort()
        return canonical

    def _merge_split_romanisation(self, name: str) -> str | None:
        # "Lee Do Hyun" vs "Lee Do-hyun": folded forms already equal; nothing else to merge here.
        return None

    def _index_parts(self, full: str) -> None:
        parts = full.split(" ")
        if len(parts) < 2:
            return
        self.by_part[fold(parts[-1])].append(full)  # surname (western) or given name (Korean)
        family_first = _is_hyphenated_given(parts[-1]) or (len(parts) == 3 and all(len(p) <= 5 for p in parts))
        if family_first:
            self.by_part[fold(parts[0])].append(full)
            if len(parts) == 3:  # "Lee Do Hyun": its given name "Do-hyun"
                self.by_part[fold(parts[1] + parts[2])].append(full)

    def canonical(self, mention: str, position: int = -1) -> str:
        """The fullest form for ``mention``; ``position`` (a token index) breaks surname ties."""
        name = clean_name(mention)
        if not name:
            return mention
        key = fold(name)
        if key in self.by_fold:
            return self.by_fold[key]
        if " " in name:
            return name
        owners = list(dict.fromkeys(self.by_part.get(key, [])))
        if len(owners) == 1:
            return owners[0]
        if len(owners) > 1 and position >= 0:
            nearest = self.nearest_before(position, set(owners))
            if nearest:
                return nearest
        if not owners:
            # "Sir Richard's show" after "Sir Richard Branson": a lone given name that one full name has, no surname
            given = [full for full in self.full_names if fold(full.split(" ")[0]) == key and len(full.split()) > 1]
            if len(given) == 1:
                return given[0]
        return name

    def nearest_before(self, position: int, among: set[str] | None = None, role: str | None = None) -> str | None:
        """The most recent person mentioned before ``position`` (of ``among``, with ``role`` if any)."""
        index = bisect_right(self.positions, (position, "\uffff"))
        fallback = None
        for _, name in reversed(self.positions[:index]):
            if among is not None and name not in among:
                continue
            if role is None or role in self.roles.get(name, ()):
                return name
            fallback = fallback or name
        return fallback if role is not None else None


def _role_near(ent: Span) -> str | None:
    """A role word right before or in apposition to a person mention ("Comedian Chris Morris")."""
    doc = ent.doc
    for token in (ent[0], doc[ent.start - 1] if ent.start > 0 else None):
        if token is not None and token.lower_ in ROLE_WORDS:
            return ROLE_WORDS[token.lower_]
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.lower_ in ROLE_WORDS:
        return ROLE_WORDS[head.lower_]
    for child in ent.root.children:
        if child.dep_ in ("appos", "compound") and child.lower_ in ROLE_WORDS:
            return ROLE_WORDS[child.lower_]
    return None


def build_aliases(doc: Doc) -> AliasTable:
    """The alias table of a parsed article: every PERSON mention, full names first registered."""
    table = AliasTable()
    people = [ent for ent in doc_ents(doc) if ent.label_ == "PERSON"]
    # Full names first, so a surname seen before its full name still finds it.
    for ent in people:
        name = clean_name(ent.text)
        if " " in name:
            table.add(name, -1)
    for ent in people:
        table.add(ent.text, ent.start, _role_near(ent))
    return table


def resolve_reference(token: Token, table: AliasTable, shows: list[str]) -> tuple[str, str] | None:
    """What a pronoun or description stands for: ``(name, kind)``, kind ``Person`` or ``Show``.

    "he"/"she"/"the actor"/"the comedian" -> the most recent person (of fitting role); "the series",
    "the show", "it" -> the most recent show mention, else the main show.
    """
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        name = _pronoun_person(token, table, shows)
        return (name, "Person") if name else None
    determiner = [c for c in token.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
    if lower in PERSON_DESCRIPTIONS and determiner:
        name = table.nearest_before(token.i, role=PERSON_DESCRIPTIONS[lower])
        return (name, "Person") if name else None
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    if lower in SHOW_DESCRIPTIONS and indefinite and any(c.lower_ == "new" for c in token.children):
        if lower not in ("series", "season", "run"):
            return None  # "is writing a new drama": an untitled production, not the show of the article
        return (shows[0], "Show") if shows else None  # "a new series": the article's subject
    if lower in SHOW_DESCRIPTIONS and (determiner or any(c.lower_ in ("its", "new") for c in token.children)):
        # "the Channel 4 show": the recent or main show only where the article describes it so
        found = [show for show in (_recent_show(token), *shows[:1]) if show and show not in _compared(token)]
        show = next((show for show in found if fits_description(token.doc, token, show)), None)
        return (show, "Show") if show else None
    if lower == "it" and shows:
        show = _recent_show(token)
        return (show or shows[0], "Show")
    return None


def _compared(noun: Token) -> set[str]:
    """Shows named in a relative clause about ``noun``: others it is compared with ("the programme, which
    follows X"), not what it is ("the drama, which is called X")."""
    return {
        ent.kb_id_ or ent.text
        for c in other_show_clauses(noun)
        for ent in doc_ents(c.doc)
        if ent.label_ == "SHOW" and c.left_edge.i <= ent.start and ent.end <= c.right_edge.i + 1
    }


def _is_title_name(name: str, shows: list[str]) -> bool:
    """Whether a "person" name is, or is part of, a known title ("Ed Wood", "Shirley Valentine")."""
    key = fold(name)
    return any(key == fold(show) or (len(key) > 3 and key in fold(show)) for show in shows)


def headline_person(doc: Doc, table: AliasTable) -> str | None:
    """The one person the article's headline names (a profile's or obituary's subject), if exactly one.

    >>> table = AliasTable()
    >>> table.positions = [(0, "Ada Lane"), (5, "Tom Reed")]
    >>> class _Doc:
    ...     class _:
    ...         title = "Obituary: Ada Lane"
    ...     user_data = {}
    >>> headline_person(_Doc(), table)
    'Ada Lane'
    """
    memo = doc.user_data
    if "showgraph_headline_person" in memo:
        return memo["showgraph_headline_person"]
    title = getattr(doc._, "title", None) or ""
    words = {fold(w) for w in re.findall(r"\w[\w'’-]*", re.sub(r"['’]s\b", " ", title))}
    found = {name for _, name in table.positions if " " in name and fold(name.split()[-1]) in words}
    person = found.pop() if len(found) == 1 else None
    memo["showgraph_headline_person"] = person
    return person


def _pronoun_person(token: Token, table: AliasTable, shows: list[str]) -> str | None:
    """Who "he"/"she" is: the most recent person that is not a title; in a profile (its headline names one
    person) that person, unless someone else was named earlier in the same sentence ("X said he ...")."""
    index = bisect_right(table.positions, (token.i, "\uffff"))
    recent = [(pos, name) for pos, name in reversed(table.positions[:index]) if not _is_title_name(name, shows)]
    subject = headline_person(token.doc, table)
    if subject is not None and _gender(token) != _subject_gender(token.doc):
        subject = None  # "she" in a profile of a man: someone else the text names
    if subject is None:
        return recent[0][1] if recent else None
    sentence_start = token.sent.start
    same_sentence = [name for pos, name in recent if pos >= sentence_start and not _award_name(name)]
    if same_sentence:
        return same_sentence[0]
    return subject


def _award_name(name: str) -> bool:
    """ "Golden Globe", "Bafta": an award the tagger read as a name."""
    return name.casefold() in AWARD_NAMES or name.split()[-1].casefold().rstrip("s") in AWARD_NAMES


def _gender(token: Token) -> str:
    return "m" if token.lower_ in MALE_PRONOUNS else "f"


def _subject_gender(doc: Doc) -> str | None:
    """The gender of the pronouns an article mostly uses: in a profile, its subject's."""
    memo = doc.user_data
    if "showgraph_subject_gender" not in memo:
        male = sum(1 for t in doc if t.lower_ in MALE_PRONOUNS)
        female = sum(1 for t in doc if t.lower_ in PERSON_PRONOUNS and t.lower_ not in MALE_PRONOUNS)
        memo["showgraph_subject_gender"] = "m" if male > female else "f" if female > male else None
    return memo["showgraph_subject_gender"]


def _recent_show(token: Token) -> str | None:
    doc = token.doc
    for ent in reversed(label_spans(doc, "SHOW", 0, token.i)):
        if ent.start > 0 and doc[ent.start - 1].text == "(":
            continue  # "(Black Mirror)": someone's earlier credit, not what the text is about
        return ent.kb_id_ or ent.text
    return None


# ------------------------------------------------------------------------------------------------------
# Reading people and shows off the parse (person_at, show_at): shared by the rule modules.

#: Labels of statistical entities that may be a person's name when the parse says so.
_NAMEISH_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "FAC", "LOC", ""})


def _person_pronoun(token: Token) -> bool:
    if token.lower_ in PERSON_PRONOUNS:
        return True
    return token.lower_ in PERSON_DESCRIPTIONS and any(c.dep_ == "det" for c in token.children)


def person_at(token: Token, ctx: ArticleContext) -> str | None:
    """The person ``token`` names or refers to ("Gervais", "he", "the actor"), as the fullest name."""
    if _person_pronoun(token):
        table = getattr(ctx, "aliases", None)
        if table is None:
            return None
        found = resolve_reference(token, table, ctx.shows)
        return found[0] if found and found[1] == "Person" else None
    span = name_span(token)
    if span.label_ in ("SHOW", "PLATFORM", "OUTLET", "AGGREGATOR", "SEASON", "DATE", "CARDINAL", "MONEY"):
        return None
    table = getattr(ctx, "aliases", None)
    if table is not None and token.is_title and not span.label_:
        known = table.canonical(token.text, token.i)
        if " " in known:  # a surname the tagger did not see as a name ("Ito plays ...")
            return known
    first = span[0] if span.label_ == "PERSON" else token  # "Song Hye-kyo": its last token is "kyo"
    if not first.is_title and not first.text[:1].isupper():
        return None
    # Another label and nobody the article knows by that name: a person only if it reads like one.
    unknown = span.label_ not in ("PERSON", "") and ctx.canonical(span.text) == clean_name(span.text)
    if unknown and (span.label_ not in _NAMEISH_LABELS or len(span) < 2):
        return None
    if not span.label_ and token.pos_ != "PROPN":
        return None
    table = getattr(ctx, "aliases", None)
    position = span.start
    name = clean_name(table.canonical(span.text, position) if table is not None else ctx.canonical(span.text))
    if len(name.replace(".", "")) < 2:
        return None  # "Mr P.": an initial is nobody's name
    return name or None


def show_at(token: Token, ctx: ArticleContext) -> str | None:
    """The show ``token`` names or refers to ("The Glory", "the series", "it")."""
    if token.ent_type_ == "SHOW":
        span = name_span(token)
        return span.kb_id_ or span.text
    if token.pos_ == "NOUN":  # "the drama The Mallorca Files": the title inside or right after the phrase
        inner = show_in_subtree(token)
        if inner:
            return inner
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if after is not None and after.ent_type_ == "SHOW" and after.ent_iob_ == "B":
            span = name_span(after)
            return span.kb_id_ or span.text
    table = getattr(ctx, "aliases", None)
    if table is not None:
        found = resolve_reference(token, table, ctx.shows)
        if found and found[1] == "Show":
            return found[0]
    return None
