"""What every relation rule is handed: the parsed article and what is known about it.

This is the seam between the NLP infrastructure (pipeline, entities, aliases) and the relation
rules (``showgraph.nlp.relations.*``). A rule is a function ``(sentence, ctx) -> Iterable[Fact]``
registered with :func:`showgraph.nlp.relations.rule`; it reads the parse of one sentence and asks
``ctx`` for names, shows, dates and statuses, so it never re-implements them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from showgraph.facts import Evidence, Fact
from showgraph.nlp.entities import _in_headline, season_number
from showgraph.nlp.lexicon import (
    DESCRIPTOR_NOUNS,
    FIELD_WORDS,
    NAMING_VERBS,
    PLAIN_MODIFIERS,
    PRODUCTION_KINDS,
    STAGE_WORK_NOUNS,
    TITLE_HEAD_NOUNS,
    TITLED_ROLE_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from showgraph.readers import Article


@dataclass
class ArticleContext:
    """The article being read, its parse, and article-wide knowledge for the rules.

    Attributes filled by the infrastructure before rules run:
    - ``shows``: show titles found in the article, the main one (usually from the title) first.
    - ``canonical``: a function from a name as written ("Gil-ho", "Lee") to the fullest form the
      article uses ("Ahn Gil-ho", "Lee Do-hyun"); identity where nothing better is known.
    - ``published``: the header's date, for resolving "on Sunday", "in March".
    """

    article: Article
    doc: Doc
    shows: list[str] = field(default_factory=list)
    published: date | None = None
    canonical: Callable[[str], str] = lambda name: name
    kinds: dict[str, str] = field(default_factory=dict)  # canonical name -> entity kind
    variants: dict[str, set[str]] = field(default_factory=dict)  # canonical name -> forms seen
    #: The article's :class:`showgraph.nlp.aliases.AliasTable` (set by the pipeline; None in bare tests).
    aliases: Any = None
    #: Scratch space rules share across the sentences of one article (e.g. the show characters belong to).
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def main_show(self) -> str | None:
        return self.shows[0] if self.shows else None

    # Helpers the rules share, so none re-implements names, shows, seasons or statuses. -----------

    def entity(self, token: Token) -> Span | None:
        """The entity span (``doc.ents``) that ``token`` belongs to, if any."""
        if not token.ent_type_:
            return None
        return ent_at(token)

    def name(self, mention: Span | Token | str) -> str:
        """The fullest name the article uses for ``mention`` (a person, show, company, ...).

        Shows map to their title, people through :attr:`canonical` (which folds surnames, given
        names, titles like "Director" and possessives).
        """
        if not isinstance(mention, str):
            span = mention if not hasattr(mention, "ent_type_") or hasattr(mention, "start") else None
            token = mention if span is None else None
            ent = self.entity(token) if token is not None else None
            target = ent if ent is not None else mention
            if getattr(target, "label_", "") == "SHOW" and getattr(target, "kb_id_", ""):
                return target.kb_id_
            text = target.text
        else:
            text = mention
        return self.canonical(text)

    def kind(self, name: str) -> str | None:
        """The entity kind the article gives ``name`` (``Person``, ``Show``, ``Platform``, ...)."""
        return self.kinds.get(name)

    def show_for(self, where: Span | Token, *, default: bool = True) -> str | None:
        """The show a statement in ``where``'s sentence is about: the nearest SHOW mention in the
        sentence (before ``where`` preferred), else (``default``) the previous sentence's last show,
        else the article's :attr:`default_show`."""
        doc = self.doc
        anchor = where.start if hasattr(where, "start") else where.i
        start, end = sentence_bounds(doc, anchor)
        if anchor > start and _untagged_premodifier(doc[anchor - 1], doc[anchor]):
            return None  # "Ray star Jamie Foxx", "Film 2005 presenter X": the role is in a title the finder missed
        shows = label_spans(doc, "SHOW", start, end)
        descriptor = descriptor_near(doc, anchor, start, end)
        if shows and descriptor is not None and _other_titles(descriptor, shows):
            shows = []  # "The BBC show beat X": the subject is some show other than the titles it is compared with
        elif shows:
            token = doc[anchor]
            finite = token.tag_ in ("VBZ", "VBD", "VBP") or (  # "stars" tagged a noun but parsed as a clause
                token.tag_ in ("NNS", "NN") and token.dep_ in ("ROOT", "advcl", "conj", "relcl", "ccomp")
            )
            if finite and len(shows) > 1:
                # "X plays a drunk in A, while Y stars in B": a verb's own clause names its show
                own = [e for e in shows if token.left_edge.i <= e.start and e.end <= token.right_edge.i + 1]
                own = [e for e in own if not any(a.pos_ in ("VERB", "AUX") and a != token for a in _between(e, token))]
                if own:
                    pick = min(own, key=lambda e: abs(e.start - anchor))
                    return pick.kb_id_ or pick.text
            before = [e for e in shows if e.start <= anchor]
            pick = before[-1] if before else shows[0]
            return pick.kb_id_ or pick.text
        if not default or untagged_title(doc, start, end):
            # a sentence naming a title the show finder missed ("Comedy Christmas with the Kranks, starring
            # X", "Ray star Jamie Foxx") is about that title: borrowing another show would be wrong
            return None
        # The previous sentence's last show, where it has one ("... Nathan Barley. It stars X."); not in a
        # round-up of many titles (no default show), where the previous title is usually another film's.
        if _plural_descriptor(doc, start, end):
            return None  # "The two movies will compete ...": several shows, none of them one borrowed title
        candidates: list[str | None] = []
        if start > 0 and not self.round_up:
            earlier = label_spans(doc, "SHOW", *sentence_bounds(doc, start - 1))
            if earlier:
                candidates.append(earlier[-1].kb_id_ or earlier[-1].text)
        candidates.append(self.default_show)
        if descriptor is None:
            return candidates[0]
        # "the Channel 4 soap", "Moore's film", "the boxing drama": a show described by more than its kind is
        # the borrowed one only if the article says so of it; else the sentence is about another show
        exclude = {e.kb_id_ or e.text for e in label_spans(doc, "SHOW", start, end)}
        return next((c for c in candidates if c and c not in exclude and fits_description(doc, descriptor, c)), None)

    @property
    def round_up(self) -> bool:
        """Whether the article is a round-up of many titles (box office, awards): no main show and at
        least six titles."""
        return self.default_show is None and len(set(self.shows)) >= 6

    @property
    def default_show(self) -> str | None:
        """The show a sentence naming none is about: the main show where the article is about it (its
        only show, named in the headline, or mentioned at least twice as often as any other), else
        None: in a round-up of many titles an unanchored statement belongs to no show in particular."""
        if "default_show" not in self.memo:
            self.memo["default_show"] = self._default_show()
        return self.memo["default_show"]

    def _default_show(self) -> str | None:
        if len(self.shows) <= 1:
            return self.main_show
        main = self.shows[0]
        if _in_headline(main, self.article.title or ""):
            return main
        counts: dict[str, int] = {}
        for span in label_spans(self.doc, "SHOW", 0, len(self.doc)):
            name = span.kb_id_ or span.text
            counts[name] = counts.get(name, 0) + 1
        others = max((n for name, n in counts.items() if name != main), default=0)
        return main if counts.get(main, 0) >= max(2, 2 * others) else None

    def season_for(self, where: Span | Token) -> int | None:
        """The season a sentence names ("Season 2", "its second season"), if exactly one."""
        anchor = where.start if hasattr(where, "start") else where.i
        seasons = {season_number(e) for e in label_spans(self.doc, "SEASON", *sentence_bounds(self.doc, anchor))}
        seasons.discard(None)
        return seasons.pop() if len(seasons) == 1 else None

    def status(self, anchor: Span | Token, **options: object) -> tuple[str, tuple[str, ...]]:
        """Status and cue words for the fact whose predicate is ``anchor`` (``confirmed`` without a
        cue). Uses :func:`showgraph.nlp.status.status_for` when that module is present."""
        try:
            from showgraph.nlp.status import status_for
        except ImportError:  # the status module is optional while it is being written
            return "confirmed", ()
        status, cues = status_for(anchor, anchor.sent, **options)
        return status, tuple(cues)

    def fact(
        self,
        relation: str,
        subject: str,
        obj: str | int,
        where: Span | Token,
        rule: str,
        *,
        qualifiers: dict[str, str | int] | None = None,
        status: str = "confirmed",
        cues: Iterable[str] = (),
        subject_kind: str | None = None,
        object_kind: str | None = None,
    ) -> Fact:
        """Build a :class:`Fact` whose evidence is the sentence around ``where``."""
        sent = where.sent
        return Fact(
            relation,
            subject,
            obj,
            qualifiers={k: v for k, v in (qualifiers or {}).items() if v is not None},
            status=status,
            evidence=Evidence(
                self.article.id,
                sent.text,
                sent.start_char,
                sent.end_char,
                rule,
                tuple(cues),
            ),
            subject_kind=subject_kind,
            object_kind=object_kind,
        )


#: A relation rule: reads one sentence, yields facts.
Rule = Callable[["Span", ArticleContext], Iterable[Fact]]


# ------------------------------------------------------------------------------------------------------
# Reading names off the parse: shared by the rule modules.


def ent_at(token: Token) -> Span | None:
    """The entity span ``token`` is in, from an index built once per parsed doc (``doc.ents`` is slow)."""
    doc = token.doc
    cached = doc.user_data.get("showgraph_ent_index")
    if cached is None or cached[0] != len(doc):
        index: list[Span | None] = [None] * len(doc)
        for ent in doc_ents(doc):
            for i in range(ent.start, ent.end):
                index[i] = ent
        cached = (len(doc), index)
        doc.user_data["showgraph_ent_index"] = cached
    found = cached[1][token.i]
    return found if found is not None and found.label_ == token.ent_type_ else None


#: ``doc.user_data`` keys of the per-doc indexes below; :func:`reset_indexes` drops them once a doc's
#: entities and sentences are final (the pipeline's components change them while they run).
INDEX_KEYS = ("showgraph_sentences", "showgraph_label_spans", "showgraph_ent_index", "showgraph_sporty",
              "showgraph_screen", "showgraph_words", "showgraph_off_screen", "showgraph_show_words",
              "showgraph_headline_person", "showgraph_subject_gender", "showgraph_tokens", "showgraph_ents",
              "showgraph_text", "showgraph_matches")  # fmt: skip


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens as a list, built once per doc: ``doc[i]`` and iterating a span make a new
    ``Token`` each time (through ``Doc.__getitem__``), and the rules walk every sentence dozens of times.
    Tokens are views, so the list stays right when the doc's entities change; only its length is checked.
    """
    cached = doc.user_data.get("showgraph_tokens")
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data["showgraph_tokens"] = list(doc)
    return cached


def token_list(span: Span) -> list[Token]:
    """The tokens of ``span`` (a sentence) from :func:`doc_tokens`: iterate this, not the span.

    >>> [t.text for t in token_list(_test_doc("She stars in it.")[1:3])]
    ['stars', 'in']
    """
    return doc_tokens(span.doc)[span.start : span.end]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc (each ``doc.ents`` builds every entity span anew)."""
    cached = doc.user_data.get("showgraph_ents")
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data["showgraph_ents"] = (len(doc), doc.ents)
    return cached[1]


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` from :func:`doc_ents`, with spaCy's semantics (entities from the span's start up to
    the first that runs past its end).

    >>> doc = _test_doc("Netflix renewed Squid Game. It stars Lee Jung-jae.")
    >>> [e.text for e in span_ents(doc[4:])] == [e.text for e in doc[4:].ents]
    True
    """
    start, end = span.start, span.end
    found = []
    for ent in doc_ents(span.doc):
        if ent.start >= start:
            if ent.end <= end:
                found.append(ent)
            else:
                break
    return found


def span_text(span: Span) -> str:
    """``span.text``, cut from the doc's text instead of joined token by token.

    >>> doc = _test_doc("She stars in  it.")
    >>> span_text(doc[1:4]) == doc[1:4].text
    True
    """
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (spaCy joins every token's text on each call)."""
    cached = doc.user_data.get("showgraph_text")
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data["showgraph_text"] = (len(doc), doc.text)
    return cached[1]


#: Entity labels that are never an untagged title.
NOT_TITLE_LABELS = frozenset({"SHOW", "PLATFORM", "OUTLET", "GPE", "NORP", "LANGUAGE", "ORG", "PERSON", "LOC"})


def untagged_title(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` names a title the show finder did not tag: a capitalised word right after
    a genre noun ("comedy Hitch"), or before a role noun and a name ("Ray star Jamie Foxx").

    >>> untagged_title(*_test_span("Comedy Christmas With The Kranks was second."))
    True
    >>> untagged_title(*_test_span("The film was second at the box office."))
    False
    """

    def candidate(token: Token) -> bool:
        return (
            (token.is_title or token.is_upper or token.like_num)
            and token.ent_type_ not in NOT_TITLE_LABELS
            and token.lower_ not in FIELD_WORDS
            and token.pos_ in ("PROPN", "NUM", "NOUN", "ADJ")
        )

    for token in doc[start:end]:
        # "Strong Medicine, the author's blockbuster, ...", "Brass Eye, his film debut": a title in apposition
        head = token.head
        if (
            token.dep_ == "appos"
            and token.lower_ in DESCRIPTOR_NOUNS | TITLE_HEAD_NOUNS | {"debut"}
            and head.i < token.i
            and head.pos_ == "PROPN"
            and head.is_title
            and head.ent_type_ not in NOT_TITLE_LABELS - {"ORG", "PERSON"}  # the tagger's guess at a bare title
            and head.lower_ not in FIELD_WORDS
        ):
            return True
        # "in the first televised pantomime, Dick Whittington": a title in apposition to a kind of work
        if (
            token.dep_ == "appos"
            and token.pos_ == "PROPN"
            and token.is_title
            and token.ent_type_ not in NOT_TITLE_LABELS - {"ORG", "PERSON"}
            and head.i < token.i
            and head.pos_ == "NOUN"
            and head.is_lower
            and head.lower_ in DESCRIPTOR_NOUNS | TITLE_HEAD_NOUNS | STAGE_WORK_NOUNS
            and any(c.dep_ in ("det", "poss") for c in head.children)
        ):
            return True
    for i in range(start, end - 1):
        token, after = doc[i], doc[i + 1]
        if token.lower_ in TITLE_HEAD_NOUNS and candidate(after) and after.pos_ in ("PROPN", "NUM"):
            return True
        if (
            after.lower_ in TITLED_ROLE_NOUNS
            and i + 2 < end
            and doc[i + 2].is_title
            and (candidate(token) or _lone_name(token))
            and (token.pos_ in ("PROPN", "NUM") or (token.pos_ == "NOUN" and token.is_title))
            and token.lower_ not in FIELD_WORDS | DESCRIPTOR_NOUNS | TITLE_HEAD_NOUNS  # "Series creator X"
        ):
            return True
    return False


def descriptor_near(doc: Doc, anchor: int, start: int, end: int) -> Token | None:
    """The noun phrase of ``doc[start:end]`` that stands for a show without naming it ("the Channel 4 soap",
    "Moore's film"): a show noun with a definite determiner or an owner, nearest to ``anchor``."""
    found = [
        t
        for t in doc[start:end]
        if t.lower_ in DESCRIPTOR_NOUNS
        and t.pos_ == "NOUN"
        and t.is_lower
        and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in t.children)
    ]
    return min(found, key=lambda t: abs(t.i - anchor)) if found else None


def _between(span: Span, token: Token) -> list[Token]:
    """The tokens on the dependency path from ``span``'s root up to ``token`` (exclusive of both)."""
    path, node = [], span.root.head
    while node != token and node.head != node:
        path.append(node)
        node = node.head
    return path if node == token else []


def _plural_descriptor(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` speaks of several shows with a definite or counted plural ("the two films",
    "both series", "these shows").

    >>> _plural_descriptor(*_test_span("The two movies will compete for the prize."))
    True
    >>> _plural_descriptor(*_test_span("The movie will compete for the prize."))
    False
    """
    return any(
        t.tag_ == "NNS"
        and t.lemma_.lower() in DESCRIPTOR_NOUNS
        and any(
            (c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both", "all"))
            or (c.dep_ in ("nummod", "predet") and c.lower_ in ("two", "three", "four", "both", "all"))
            for c in t.children
        )
        for t in doc[start:end]
    )


def _description(noun: Token) -> list[Token]:
    """The words that say which show ``noun`` is: its owner, channel and modifiers ("Channel 4", "boxing")."""
    words = []
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in ("poss", "compound", "amod", "nmod", "nummod", "npadvmod"):
            continue
        found = [
            t
            for t in child.subtree
            if t.i < noun.i
            and t.lower_ not in PLAIN_MODIFIERS
            and not t.is_punct
            and t.lower_ not in ("'s", "’s")
            and (t.pos_ != "ADJ" or child.dep_ == "poss")  # "the wistful romantic comedy": a kind, not which one
        ]
        if child.dep_ == "poss" and found:
            found = found[-1:]  # an owner is known by surname ("Ricky Gervais' sitcom": "Gervais")
        words.extend(found)
    return words


def fits_description(doc: Doc, noun: Token, show: str) -> bool:
    """Whether ``show`` may be what ``noun`` ("the Channel 4 soap", "Moore's film") stands for: each word of
    the description (a channel, an owner's name, a subject) is said of ``show`` somewhere in the article.

    >>> doc = _test_doc("The soap Brookside began on Channel 4. Later the Channel 4 soap ended.")
    >>> fits_description(doc, doc[-2], "Brookside")
    True
    >>> doc = _test_doc("The film Vera Drake won. Later the Channel 4 soap began in 1982.")
    >>> fits_description(doc, doc[-5], "Vera Drake")
    False
    """
    description = _description(noun)
    if not description:
        return True
    said = _show_words(doc, show)
    owners = {t.i for c in noun.children if c.dep_ == "poss" for t in c.subtree}
    return all(
        ("'s " + t.lower_ if t.i in owners else t.lower_) in said or (t.ent_id_ and t.ent_id_.lower() in said)
        for t in description
    )


def contradicts_description(doc: Doc, noun: Token, show: str) -> bool:
    """Whether the article says of ``show`` something that rules out ``noun``'s description: another kind of
    production ("the Channel 4 soap" of a show only ever called a film) or other channels and not this one.

    >>> doc = _test_doc("She was in the film Vera Drake. Later the Channel 4 soap began in 1982.")
    >>> contradicts_description(doc, doc[-5], "Vera Drake")
    True
    >>> doc = _test_doc("The sitcom Pond Life won. The BBC show beat its rival.")
    >>> contradicts_description(doc, doc[6], "Pond Life")
    False
    """
    kinds, channels = _show_labels(doc, show)
    kind = noun.lemma_.lower()
    kind = "film" if kind == "movie" else kind
    if kind in PRODUCTION_KINDS and kinds & PRODUCTION_KINDS and kind not in kinds:
        return True
    named = {_channel_key(t) for t in _description(noun) if t.ent_type_ == "PLATFORM"}
    return bool(named) and bool(channels) and not named & channels


def _show_labels(doc: Doc, show: str) -> tuple[set[str], set[str]]:
    """The kinds of production ("film") and the channels ("itv") the article puts right before a mention of
    ``show``: "the film X", "ITV drama X", "BBC One's X"."""
    kinds: set[str] = set()
    channels: set[str] = set()
    for span in label_spans(doc, "SHOW", 0, len(doc)):
        if (span.kb_id_ or span.text) != show:
            continue
        index = span.start - 1
        if index >= 0 and doc[index].lemma_.lower() in PRODUCTION_KINDS | {"movie"} and doc[index].is_lower:
            kind = doc[index].lemma_.lower()
            kinds.add("film" if kind == "movie" else kind)
            index -= 1
        while index >= 0 and (doc[index].is_lower and doc[index].pos_ in ("NOUN", "ADJ")):
            index -= 1  # "ITV1's Saturday morning children's music show": kinds and slots in between
        if index >= 0 and doc[index].text in ("'s", "’s"):
            index -= 1
        if index >= 0 and doc[index].ent_type_ == "PLATFORM":
            channels.add(_channel_key(doc[index]))
    return kinds, channels


def _channel_key(token: Token) -> str:
    ent = ent_at(token)
    return ((ent.ent_id_ or ent.text) if ent is not None else token.text).lower()


def _show_words(doc: Doc, show: str) -> set[str]:
    """Words said of ``show``: those of the sentences naming it, names credited to it, the headline's words
    if it is the article's main show."""
    memo = doc.user_data.setdefault("showgraph_show_words", {})
    said = memo.get(show)
    if said is None:
        said = set()
        for span in label_spans(doc, "SHOW", 0, len(doc)):
            if (span.kb_id_ or span.text) == show:
                start, end = sentence_bounds(doc, span.start)
                for token in doc[start:end]:
                    said.update((token.lower_, token.lemma_.lower(), token.ent_id_.lower()))
                marks = [t.i for t in doc[start:end] if t.lower_ in ("'s", "’s", "'", "’")]
                for token in doc[start:end]:
                    low, high = (token.i + 1, span.start) if token.i < span.start else (span.end - 1, token.i)
                    if not any(low < mark < high for mark in marks):
                        # a name the title is credited to, with no other owner between ("X director Jo Reed",
                        # "Jo Reed's film X"; not "Jo Reed's film Y and Al Bo's X")
                        said.add("'s " + token.lower_)
        headline = getattr(doc._, "title", None) or ""
        shows = getattr(doc._, "shows", None) or []
        if show.casefold() in headline.casefold() or (shows and shows[0] == show):
            # the headline is about the main show ("A-listers flock to Gervais sitcom")
            words = re.findall(r"\w[\w-]*", re.sub(r"['’]s?\b", " ", headline))
            said.update(w.casefold() for w in words)
            said.update("'s " + w.casefold() for w in words)
        memo[show] = said
    return said


def other_show_clauses(noun: Token) -> list[Token]:
    """The relative clauses about ``noun`` that may name another show ("the programme, which follows X"): led
    by a relative pronoun and no naming verb ("the drama, which is called X" names it)."""
    return [
        c
        for c in noun.children
        if c.dep_ == "relcl"
        and c.lemma_.lower() not in NAMING_VERBS
        and any(g.tag_ in ("WDT", "WP", "WP$") and g.i < c.i for g in c.children)
    ]


def _other_titles(noun: Token, shows: list[Span]) -> bool:
    """Whether the titles of a sentence are others than the show ``noun`` stands for: ``noun`` is a subject
    with a definite determiner, no title inside or beside it, and the titles are in the rest of the clause
    ("The soap beat X and Y to the prize")."""
    if not any(c.dep_ == "det" for c in noun.children):
        return False
    relative = other_show_clauses(noun)
    if relative and all(any(r.left_edge.i <= s.start and s.end <= r.right_edge.i + 1 for r in relative) for s in shows):
        return True  # "host the programme, which follows the series X": X is what it is compared with
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    phrase = range(noun.left_edge.i, noun.right_edge.i + 1)
    if any(s.start in phrase or s.start == noun.right_edge.i + 1 for s in shows):
        return False  # "the drama X", "the drama, X, ..."
    return all(s.start > noun.i for s in shows)


#: Labels of a word before a role noun that say what field or employer someone is in, not their title.
_FIELD_LABELS = frozenset({"SHOW", "PLATFORM", "OUTLET", "AGGREGATOR", "GPE", "NORP", "ORG", "LOC", "LANGUAGE", "DATE"})


def _untagged_premodifier(word: Token, role: Token) -> bool:
    """Whether ``word`` is the end of a title the show finder missed, premodifying the role noun ``role``
    ("Ray star Jamie Foxx", "Film 2005 presenter Jonathan Ross"); not a field ("Hollywood star"), an
    employer ("BBC presenter") or a show the finder knows.

    >>> doc = _test_doc("Yesterday Blaze star Tom Pike won.")
    >>> _untagged_premodifier(doc[1], doc[2])
    True
    >>> doc = _test_doc("Hollywood star Tom Pike won.")
    >>> _untagged_premodifier(doc[0], doc[1])
    False
    """
    return (
        role.lower_ in TITLED_ROLE_NOUNS
        and role.is_lower
        and role.dep_ in ("compound", "nmod", "appos", "ROOT", "nsubj", "dobj", "pobj", "attr")
        and role.head.i >= role.i
        and word.dep_ in ("compound", "nmod", "npadvmod", "nummod")
        and (word.head == role or word.head == role.head or word.head.head in (role, role.head))
        and (word.pos_ in ("PROPN", "NUM") or (word.pos_ == "NOUN" and not word.is_sent_start))
        and (word.is_title or word.is_upper or word.like_num)
        and word.ent_type_ not in _FIELD_LABELS
        and word.lower_ not in FIELD_WORDS | DESCRIPTOR_NOUNS | TITLE_HEAD_NOUNS
    )


def _lone_name(token: Token) -> bool:
    """A one-word name the tagger calls a person ("Ray" of "Ray star Jamie Foxx"): before a role noun and a
    person's name, a title (people are not premodifiers of other people)."""
    ent = ent_at(token) if token.ent_type_ == "PERSON" else None
    return ent is not None and len(ent) == 1


def _test_span(text: str) -> tuple[Doc, int, int]:  # pragma: no cover - doctest helper
    doc = _test_doc(text)
    return doc, 0, len(doc)


def reset_indexes(doc: Doc) -> None:
    """Forget the per-doc indexes (call after changing ``doc.ents`` or sentence starts)."""
    for key in INDEX_KEYS:
        doc.user_data.pop(key, None)


def sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token ``index``, from an index built once per doc."""
    cached = doc.user_data.get("showgraph_sentences")
    if cached is None or cached[0] != len(doc):
        starts = [sent.start for sent in doc.sents]
        cached = (len(doc), starts, [*starts[1:], len(doc)])
        doc.user_data["showgraph_sentences"] = cached
    position = bisect_right(cached[1], index) - 1
    return cached[1][position], cached[2][position]


def sentence_words(sent: Span) -> frozenset[str]:
    """The lower-case forms and lemmas of a sentence's tokens, built once per sentence: a rule checks
    it for its trigger words and skips, without a pass over the tokens, a sentence it cannot read.

    >>> sorted(sentence_words(_test_doc("She stars in it.")[:]))
    ['.', 'in', 'it', 'she', 'star', 'stars']
    """
    memo = sent.doc.user_data.setdefault("showgraph_words", {})
    found = memo.get(sent.start)
    if found is None:
        found = memo[sent.start] = frozenset(w for t in token_list(sent) for w in (t.lower_, t.lemma_.lower()))
    return found


def _test_doc(text: str) -> Doc:  # pragma: no cover - doctest helper
    from showgraph.nlp.pipeline import load_pipeline

    return load_pipeline()(text)


def label_spans(doc: Doc, label: str, start: int, end: int) -> list[Span]:
    """The ``label`` entities inside ``doc[start:end]``, from an index built once per doc (``sent.ents``
    rebuilds every entity of the doc on each call)."""
    cached = doc.user_data.get("showgraph_label_spans")
    if cached is None or cached[0] != len(doc):
        by_label: dict[str, tuple[list[int], list[Span]]] = {}
        for ent in doc_ents(doc):
            starts, spans = by_label.setdefault(ent.label_, ([], []))
            starts.append(ent.start)
            spans.append(ent)
        cached = (len(doc), by_label)
        doc.user_data["showgraph_label_spans"] = cached
    starts, spans = cached[1].get(label, ([], []))
    return [span for span in spans[bisect_left(starts, start) : bisect_left(starts, end)] if span.end <= end]


def name_span(token: Token) -> Span:
    """The proper-name span around ``token``: its entity, else its run of capitalised compounds.

    "Lee Do Hyun" parsed as three PROPNs gives the whole name from any of them.
    """
    doc = token.doc
    if token.ent_type_:
        ent = ent_at(token)
        if ent is not None:
            return ent
    start = token.i
    while start > 0:
        if _name_part(doc[start - 1]):
            start -= 1
        elif start > 1 and _glued_hyphen(doc, start - 1) and _name_part(doc[start - 2]):
            start -= 2
        else:
            break
    end = token.i + 1
    while end < len(doc):
        if _name_part(doc[end]):
            end += 1
        elif end + 1 < len(doc) and _glued_hyphen(doc, end):
            end += 2
        else:
            break
    return doc[start:end]


def _name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_


def _glued_hyphen(doc: Doc, index: int) -> bool:
    """A hyphen inside a name, with no space either side: "Mi-rae", "Ha-neul" (given names in two parts)."""
    token = doc[index]
    return (
        token.text == "-"
        and 0 < index < len(doc) - 1
        and not doc[index - 1].whitespace_
        and not token.whitespace_
        and doc[index - 1].is_alpha
        and doc[index + 1].is_alpha
        and not doc[index + 1].ent_type_
    )


def show_in_subtree(token: Token) -> str | None:
    """A SHOW mentioned inside ``token``'s phrase ("a Friends spin-off", "an episode of The Simpsons"), not in a
    relative clause about it ("the programme, which follows X": another show)."""
    skip = {t.i for c in other_show_clauses(token) for t in c.subtree}
    for child in token.subtree:
        if child.ent_type_ == "SHOW" and child.i not in skip:
            span = name_span(child)
            return span.kb_id_ or span.text
    return None


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("X, Y and Z")."""
    out = [token]
    queue = [token]
    while queue:
        current = queue.pop()
        for child in current.children:
            bracketed = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == "("
            if (child.dep_ == "conj" and child not in out) or (
                child.dep_ == "appos" and child.ent_type_ == "PERSON" and child not in out and not bracketed
            ):
                out.append(child)
                queue.append(child)
    return sorted(out, key=lambda t: t.i)
