"""Appearances and credits in the phrasing of TV news: who was in, hosted or made a show.

Constructions read (cue words are data in ``patterns/appearances.json``; none is a title or a name):

- a title before a role noun: "Holby City actor X" (``cast_member``), "<Title> presenter X"
  (``presented_by``), "<Title> creator X", "<Title> writer X", "<Title> production company X"
  (``produced_by``), for titles the show finder did not tag (tagged ones are read by
  ``cast.lists`` and ``credits.roles``); "<Show>'s X" where X is a person's full name;
- "X from <Title> (<Channel>)" and "X, from <Show>": ``cast_member`` (and the bracketed ``platform``);
- reality and contest shows: "X left / entered / was evicted from the <Title> house", then
  "X became the third housemate to be voted out", "The remaining housemate is X"; "X, who won
  <Show>"; "contestants A, B and C"; "X will join A and B on <Show>";
- appearance lists: "X, who appeared in A, B and C", "appeared alongside Y in A and with Z in B",
  "The programme, which starred A and B", "featured guests including A, B and C";
- credit lines after an article's body: "Title (Company, Channel)", "Title (Channel)", and
  "Person (Title/ Title, Channel)" (the titles' ``platform``);
- producers and hosts by apposition: "X, creator of <Show>", "X, responsible for series such as A,
  B and C", "made by X" (a person: ``created_by``; a company: ``produced_by``), "Company X, which
  created <Show>";
- casting news: "known for her role in A", "rose to fame in A", "has been cast in A", "makes a cameo
  appearance in A", "has landed a role in A", "A, B and C round out the cast", "<Show>, led by X",
  "<Show> featuring X", "A and B are among the celebrities taking part in <Show>", "eliminated from <Show>".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from showgraph.facts import Fact
from showgraph.nlp.aliases import clean_name, fold, person_at, show_at
from showgraph.nlp.context import (
    FIELD_WORDS,
    ArticleContext,
    conjuncts,
    label_spans,
    name_span,
    sentence_bounds,
    sentence_words,
    token_list,
)
from showgraph.nlp.lexicon import (
    APPEARANCE_TITLE_CONNECTORS as TITLE_CONNECTORS,
)
from showgraph.nlp.lexicon import (
    APPOSITION_ROLES,
    NOT_TITLE,
    patterns,
)
from showgraph.nlp.relations import rules
from showgraph.nlp.relations.cast import POSSESSIVE_MARKS
from showgraph.nlp.relations.release import off_screen


@cache
def lexicon() -> dict[str, object]:
    """Cue words of this module, from ``patterns/appearances.json``."""
    return dict(patterns("appearances"))


@cache
def words(key: str) -> frozenset[str]:
    """One word list of the lexicon, lower-cased."""
    return frozenset(str(w).lower() for w in lexicon()[key])  # type: ignore[union-attr]


@cache
def role_relations() -> dict[str, str]:
    """Role noun after a title -> relation ("actor" -> cast_member, "presenter" -> presented_by)."""
    return dict(lexicon()["title_roles"])  # type: ignore[arg-type]


#: Labels of dates and numbers, which may stand inside a title ("Ant's Saturday Night Show") but not make one.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


# ------------------------------------------------------------------------------------------------------
# Small shared helpers.


def _fact(ctx: ArticleContext, relation: str, show: str | None, obj: str | None, where: Token, rule: str,
          status: tuple[str, tuple[str, ...]] | None = None, **kinds: str) -> Iterator[Fact]:  # fmt: skip
    """One fact, unless a slot is empty or generic, the subject is its own object, or the sentence is about
    the stage or radio (FORMAT covers the screen only)."""
    if not show or not obj or fold(show) == fold(obj) or _generic(show) or _generic(obj):
        return
    if off_screen(where.sent) is not None:
        return
    status = status or ctx.status(where)
    qualifiers = {}
    if relation in ("cast_member", "presented_by", "written_by"):
        qualifiers["season"] = ctx.season_for(where)
    yield ctx.fact(
        relation, show, obj, where, f"appear.{rule}", qualifiers=qualifiers, status=status[0], cues=status[1],
        **kinds,
    )  # fmt: skip


def _generic(name: str) -> bool:
    lower = name.strip().lower()
    return (
        not lower
        or lower in FIELD_WORDS
        or lower in words("generic_names")
        or lower.isdigit()
        or (lower.endswith("s") and lower[:-1].isdigit())
    )


def _tokens_title(tokens: list[Token]) -> str | None:
    """The title ``tokens`` spell, if they read as one: capitalised words (numbers allowed) with only
    connector words between them, at most eight words, not a place, date, channel or outlet."""
    while tokens and (tokens[0].lower_ == "the" and tokens[0].is_lower):
        tokens = tokens[1:]
    # "1989's Shirley Valentine": a year's possessive before the title
    if len(tokens) > 2 and tokens[0].like_num and tokens[1].text in ("'s", "’s"):
        tokens = tokens[2:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ("!", "?"):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 8:
        return None
    first, last = tokens[0], tokens[-1]
    if not (first.is_title or first.is_upper or first.like_num) or (not first.is_alpha and not first.like_num):
        return None
    if last.lower_ in TITLE_CONNECTORS:
        return None
    for token in tokens:
        if token.is_space or token.text in ("(", ")", ",", ";", ":", '"', "“", "”"):
            return None
        if token.is_lower and token.is_alpha and token.lower_ not in TITLE_CONNECTORS and token.lower_ not in ("and",):
            return None
        if token.ent_type_ in NOT_TITLE and token.ent_type_ not in NUMERIC_LABELS:
            return None
    if all(t.ent_type_ in NUMERIC_LABELS for t in tokens if t.is_alpha or t.like_num):
        return None  # "Friday", "last year": a date, not a title
    if first.ent_type_ in NUMERIC_LABELS and first.ent_iob_ == "B" and not first.like_num:
        return None  # "Saturday Night Live" is rare; "Saturday's show" a date
    doc = first.doc
    text = doc[first.i : last.i + 1].text.rstrip("/ ")
    if _generic(text):
        return None
    return text


def title_at(token: Token, ctx: ArticleContext, *, people: bool = False) -> str | None:
    """The show ``token`` names: a tagged show, else the capitalised phrase it heads (its subtree
    without coordinated items, clauses and brackets: "A Touch of Frost" in "A, B and A Touch of Frost").
    A name the model calls a person counts only where ``people`` (a list of titles)."""
    if token.ent_type_ == "SHOW":
        return show_at(token, ctx)
    skip: set[int] = set()
    for child in token.children:
        if child.dep_ in ("conj", "cc", "punct", "appos", "relcl", "acl", "advcl") or (
            child.dep_ == "prep" and child.lower_ != "of"
        ):
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in token.subtree if t.i not in skip]
    if not tokens or tokens[-1].i - tokens[0].i + 1 != len(tokens):
        return None
    if any(t.ent_type_ == "SHOW" for t in tokens):
        return None  # a tagged title inside a longer phrase: the phrase is no title of its own
    if not people and tokens[0].ent_type_ == "PERSON" and all(t.ent_type_ == "PERSON" for t in tokens if t.is_alpha):
        return None
    after = token.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(token.doc) else None
    if after is not None and after.is_lower and after.pos_ == "NOUN":
        return None  # "a Russell T Davies drama", "the Big Brother house": the name describes a noun
    return _tokens_title(tokens)


def _screen_sentence(sent: Span) -> bool:
    """Whether a sentence names a show or a channel or uses a screen word ("TV", "series", "actor")."""
    doc = sent.doc
    return bool(words("screen_words") & sentence_words(sent)) or bool(
        label_spans(doc, "SHOW", sent.start, sent.end) or label_spans(doc, "PLATFORM", sent.start, sent.end)
    )


def _nearby_show(where: Token, ctx: ArticleContext) -> str | None:
    """The show a description ("the programme", "the cast") stands for: a show named in its sentence, else
    the last one of the sentence before; never the article's default (a "1978 film" in an obituary may be
    another title than the one the article is about)."""
    found = ctx.show_for(where, default=False)
    if found:
        return found
    doc = where.doc
    start, _ = sentence_bounds(doc, where.i)
    if start == 0:
        return None
    earlier = label_spans(doc, "SHOW", *sentence_bounds(doc, start - 1))
    if earlier:
        return earlier[-1].kb_id_ or earlier[-1].text
    # "the series", "the long-running weekly series", "the cast" are the article's own show; "the 1978 film",
    # "a film", "his next film" are some other title
    if where.pos_ != "NOUN":
        return None
    for child in where.children:
        if child.dep_ == "det" and child.lower_ not in ("the", "this", "its"):
            return None
        if child.dep_ in ("nummod", "poss", "npadvmod") or child.like_num:
            return None
        if child.dep_ in ("amod", "compound") and any(t.like_num for t in child.subtree):
            return None
    return ctx.default_show


def _sport_or_music(sent: Span, title: Span | None = None) -> bool:
    """Whether a sentence is about sport or music, where "star" is no screen role (the words of ``title``
    itself do not count: "Pop Idol judge X")."""
    cues = words("sport_music_words")
    if not cues & sentence_words(sent):
        return False
    inside = set(range(title.start, title.end)) if title is not None else set()
    return any(t.lower_ in cues and t.i not in inside for t in token_list(sent))


def _persons(token: Token, ctx: ArticleContext) -> list[tuple[Token, str]]:
    """Each person named by ``token`` and its coordinated names ("A, B and C")."""
    out = []
    for item in _coordinated(token):
        if item.pos_ == "NOUN" and item.ent_type_ != "PERSON":
            continue  # "the first star to be evicted": a description, read through its copula instead
        name = person_at(item, ctx)
        if name and item.ent_type_ not in ("SHOW", "PLATFORM", "OUTLET"):
            out.append((item, name))
    return out


def _coordinated(token: Token) -> list[Token]:
    """``token`` and the names coordinated with it by "and" or commas (not its appositions: "Jo Bloggs,
    mother of actor Sam" names one person)."""
    return [
        t
        for t in conjuncts(token)
        if t.dep_ != "appos" and not any(a.dep_ == "appos" for a in t.ancestors if a.i > token.i or a == token)
    ]


def _titles(token: Token, ctx: ArticleContext, *, people: bool = False) -> list[tuple[Token, str]]:
    """Each title named by ``token`` and the titles coordinated with it."""
    items = [t for t in conjuncts(token) if t.dep_ != "appos"]
    out = []
    for item in items:
        if item.is_lower and item.lower_ in words("show_nouns"):
            # "the film Red Moon": the title after its genre noun
            named = [c for c in item.children if c.dep_ in ("appos", "compound") and c.ent_type_ == "SHOW"]
            nxt = item.doc[item.i + 1] if item.i + 1 < len(item.doc) else None
            if not named and nxt is not None and nxt.ent_type_ == "SHOW":
                named = [nxt]
            if named:
                out.append((named[0], show_at(named[0], ctx)))
            continue
        title = title_at(item, ctx, people=people)
        if title:
            out.append((item, title))
    return out


# ------------------------------------------------------------------------------------------------------
# 1. A title before a role noun: "Holby City actor X", "<Title> presenter X", "<Show>'s X".


def _title_before(doc: Doc, end: int, start: int) -> Span | None:
    """The capitalised run ending right before ``end`` ("Holby City", "The Office", "Top of the Pops"), not
    crossing ``start``; "and", commas and lower-case words end it."""
    i = end - 1
    first = None
    while i >= start:
        token = doc[i]
        if (token.is_title or token.is_upper or token.like_num) and (
            token.pos_ in ("PROPN", "NUM") or (token.pos_ in ("NOUN", "ADJ") and not token.is_sent_start)
        ):
            first = i  # a capital mid-sentence marks a name; "Best actor", "Record producer", "Its star" open one
        elif token.lower_ in ("of", "the") and token.is_lower and first is not None and i > start:
            before = doc[i - 1]
            if not (before.is_title or before.lower_ == "of"):
                break
        elif token.text == "The":
            first = i
        else:
            break
        i -= 1
    if first is None:
        return None
    # a sentence-initial description is no part of the title: "Model X and ...", "Actress X"
    while first < end and doc[first].lower_ in words("person_descriptions"):
        first += 1
    if first >= end or (doc[first].lower_ in ("of", "the") and doc[first].is_lower):
        return None
    if end - first == 1 and first > start and doc[first - 1].lower_ in ("and", "&"):
        # "Only Fools and Horses star X": a longer title cut at its "and"; take the capitalised run before it
        # when that run opens the sentence or follows a lower-case word ("And last week Only Fools and ...")
        i = first - 2
        while i >= start and doc[i].is_title and doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "ADV"):
            i -= 1
        opener = doc[i] if i >= start else None
        if i == first - 2 or first - 2 - i > 4 or (opener is not None and not (opener.is_lower or opener.is_punct)):
            return None
        if opener is not None and opener.lower_ in TITLE_CONNECTORS:
            return None  # "House of Flying Daggers and UK star X": the run is the end of another title
        if doc[first].ent_type_ in ("PERSON", "GPE", "NORP", "LOC") or all(
            t.ent_type_ == "PERSON" for t in doc[i + 1 : first - 1]
        ):
            return None  # "Ant and Dec star X", "Matt Lucas and Walliams star": people, no title
        return doc[i + 1 : end]
    before = doc[first - 1] if first > start else None
    if before is not None and before.text == "-" and first - 2 >= start and doc[first - 2].lower_ == "ex":
        before = None  # "ex-Night Shift star X": the prefix is no part of the title
    if before is not None and (
        before.text in (":", "-", "–") or (before.is_title and before.lower_ not in words("person_descriptions"))
    ):
        return None  # "Arrested Development star", "Godzilla: Final Wars producer": the title begins earlier
    return doc[first:end]


def _place_or_field(run: Span) -> bool:
    """Whether a capitalised run before a role noun is a place, a nationality or a field, not a title."""
    ents = {(t.ent_type_, t.ent_iob_) for t in run}
    whole_ent = run[0].ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in run[1:])
    if whole_ent and run[0].ent_type_ in ("GPE", "FAC", "EVENT", "LOC"):
        return True
    if any(label == "NORP" for label, _ in ents):
        return True
    return all(t.lower_ in FIELD_WORDS or t.ent_type_ == "GPE" for t in run)


def _person_named_title(run: Span, role: Token, person: Token) -> bool:
    """Whether a run the tagger took for a person is a title named after its hero ("Jessica Jones star X"): a
    whole two- or three-word person name right before "star" and another person, whose surname never stands
    alone in the article (a real person's does: "... Marlow said")."""
    if role.lower_ not in ("star", "stars") or person.ent_type_ != "PERSON" or not 2 <= len(run) <= 3:
        return False
    if any(t.lower_ in ("and", "&") for t in run):
        return False  # "Ant and Dec star X": two people
    if run[0].ent_iob_ != "B" or any(t.ent_type_ != "PERSON" or t.ent_iob_ != "I" for t in run[1:]):
        return False
    if role.i + 1 < len(role.doc) and role.doc[role.i + 1].ent_iob_ != "B":
        return False  # the run and the person are one entity: no title before the role
    doc, last, before = run.doc, run[-1].lower_, run[-2].lower_
    # a title comes back whole ("Ted Lasso"); a real person by the surname alone ("Marlow said")
    return not any(t.lower_ == last and t.pos_ == "PROPN" and t.i > 0 and doc[t.i - 1].lower_ != before for t in doc)


def titled_role(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "Holby City actor X", "<Title> presenter X", "<Title> production company X" for an untagged title."""
    roles = role_relations()
    if not set(roles) & sentence_words(sent):
        return
    doc = sent.doc
    for token in token_list(sent):
        relation = roles.get(token.lower_)
        if relation is None or not token.is_lower or token.i + 1 >= sent.end:
            continue
        role_end = token.i + 1
        if token.lower_ == "production":
            if doc[role_end].lower_ not in ("company", "firm", "house"):
                continue  # "French production Wall": a film, not its maker
            role_end += 1
        if role_end >= sent.end:
            continue
        person_token = doc[role_end]
        if person_token.ent_type_ == "SHOW" or not (person_token.pos_ == "PROPN" and person_token.is_title):
            continue
        role_start = token.i
        if token.i - 2 >= sent.start and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "co":
            role_start = token.i - 2  # "co-stars" split at its hyphen
        run = _title_before(doc, role_start, sent.start)
        if run is None or run[0].ent_type_ == "SHOW" or any(t.ent_type_ == "SHOW" for t in run):
            continue  # tagged titles: cast.lists and credits.roles read them
        joined = any(t.lower_ in ("and", "&") for t in run)  # (_title_before checked its people)
        if joined and (token.pos_ != "NOUN" or name_span(person_token).root.dep_ == "ROOT"):
            continue  # "Lucas and Walliams star X in a film" (no other verb): "star" is the verb
        if any(t.ent_type_ in NOT_TITLE for t in run) or (
            any(t.ent_type_ == "PERSON" for t in run)
            and not joined
            and not _person_named_title(run, token, person_token)
        ):
            continue
        if _place_or_field(run):
            continue  # "London actor", "New Zealand actor", "Hollywood star", "US TV presenter"
        if any(t.lower_ in words("institution_words") for t in run):
            continue  # "High Court judge X", "Premier League star X": an institution, not a title
        if run[0].i > sent.start and doc[run[0].i - 1].text in ("'s", "’s"):
            continue  # "the BBC's Newsnight presenter": a channel's programme is read by credits rules
        title = _tokens_title(list(run))
        if title is None:
            continue
        hero_title = any(t.ent_type_ == "PERSON" for t in run) and not joined  # (a person's name as a title)
        if token.lower_ in words("weak_roles") and (
            (not _screen_sentence(sent) and not hero_title) or _sport_or_music(sent, run)
        ):
            continue  # "Happy Mondays star X", "Manchester United star X": no screen role
        if relation == "produced_by":
            company = name_span(person_token)
            name = clean_name(company.text) if company.label_ not in NOT_TITLE else None
            yield from _fact(ctx, relation, title, name, token, "titled_role", object_kind="Organization")
            continue
        span = name_span(person_token)
        heads = [span.root]
        if token.lower_.endswith("s") and token.lower_ not in ("actress",):
            heads = _coordinated(span.root)  # a plural role spreads over a list: "<Title> co-stars A and B"
        for head in heads:
            name = person_at(head, ctx)
            if name and name_span(head).label_ in ("PERSON", ""):
                yield from _fact(ctx, relation, title, name, token, "titled_role", ctx.status(token))


rules.register("appear.titled_role", func=titled_role)


def show_possessive(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "Friends' Lisa Kudrow": a tagged show's possessive before a person's full name, in a sentence
    where that person plays nobody (not "played Brookside's Marie Jackson", a character)."""
    lowers = sentence_words(sent)
    if not {"'s", "’s", "'", "’"} & lowers or words("play_verbs") & lowers:
        return  # "played Brookside's Marie Jackson": a character
    doc = sent.doc
    characters = {f.object for f in ctx.memo.get("found", ()) if f.relation == "plays"}
    for token in token_list(sent):
        if token.text not in POSSESSIVE_MARKS or token.i == sent.start or token.i + 1 >= sent.end:
            continue
        owner = doc[token.i - 1]
        owned = doc[token.i + 1]
        if owner.ent_type_ != "SHOW" or owned.ent_type_ != "PERSON":
            continue
        span = name_span(owned)
        if len(span) < 2 or span.start != owned.i:
            continue
        after = doc[span.end] if span.end < sent.end else None
        if after is not None and after.is_lower and after.pos_ == "NOUN":
            continue  # "Friends' Jennifer Aniston look-alike"
        if span.root.dep_ in ("dobj", "attr") and span.root.head.lemma_.lower() in words("play_verbs"):
            continue
        name = person_at(owned, ctx)
        if not name or name in characters or clean_name(span.text) in characters:
            continue
        yield from _fact(ctx, "cast_member", show_at(owner, ctx), name, owned, "show_possessive")


show_possessive.scope = "late"  # type: ignore[attr-defined]
rules.register("appear.show_possessive", func=show_possessive)


# ------------------------------------------------------------------------------------------------------
# 2. "X from <Title> (<Channel>)", "X, from <Show>".


def from_show(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "James Smith from Lazy Days (Channel 4)", "Jo Bloggs, from The Jo Bloggs Show, ...": the person
    appears in the show; a bracketed channel carries it. Read off the tokens (the parse often hangs "from"
    on the verb): a name, "from", a title, and a channel in brackets unless the title is a known show."""
    if "from" not in sentence_words(sent):
        return
    doc = sent.doc
    for prep in token_list(sent):
        if prep.lower_ != "from" or prep.i + 1 >= sent.end or prep.i == sent.start:
            continue
        before = doc[prep.i - 1]
        if before.text == "," and prep.i - 2 >= sent.start:
            before = doc[prep.i - 2]
        if before.ent_type_ != "PERSON":
            continue
        # the title: the tokens up to a bracket, a comma or the end of the phrase
        end = prep.i + 1
        while (
            end < sent.end
            and doc[end].text not in ("(", ",", ".", ";", ")")
            and not (doc[end].lower_ in ("and", "who", "which") and doc[end - 1].ent_type_ != "SHOW")
        ):
            end += 1
        tokens = list(doc[prep.i + 1 : end])
        if not tokens:
            continue
        platforms = _bracket_channels(doc, end, sent.end)
        shows = [t for t in tokens if t.ent_type_ == "SHOW"]
        if shows and name_span(shows[0]).start in (tokens[0].i, tokens[0].i + (tokens[0].lower_ == "the")):
            span = name_span(shows[0])
            if span.end != end:
                continue
            title = show_at(shows[0], ctx)
        elif platforms:
            title = _tokens_title(tokens)
        else:
            continue
        if not title:
            continue
        # the people: the name before "from" and the names joined to it by "and" or commas ("A and B from X")
        group = [name_span(before)]
        while group[0].start - 2 >= sent.start and doc[group[0].start - 1].lower_ in ("and", "&", ","):
            previous = doc[group[0].start - 2]
            if previous.ent_type_ != "PERSON":
                break
            span = name_span(previous)
            if span.start > sent.start and doc[span.start - 1].lower_ == "from":
                break
            if any(t.lower_ == "from" for t in doc[span.end : group[0].start]):
                break
            group.insert(0, span)
            # a name ending an earlier "from X" phrase belongs to that phrase
            if span.start - 1 >= sent.start and doc[span.start - 1].lower_ in ("and", "&", ","):
                continue
            break
        for span in group:
            name = person_at(span[-1] if span.label_ != "PERSON" else span[0], ctx)
            yield from _fact(ctx, "cast_member", title, name, span.root, "from_show", ("confirmed", ()))
        for channel in platforms:
            yield from _fact(ctx, "platform", title, channel.ent_id_ or channel.text, tokens[0], "from_show",
                             ("confirmed", ()), object_kind="Platform")  # fmt: skip


def _bracket_channels(doc: Doc, index: int, limit: int) -> list[Span]:
    """The channels of a bracket at ``index`` that holds only channels: "(Channel 4)", "(BBC Two/Sky One)"."""
    if index >= limit or doc[index].text != "(":
        return []
    close = next((t.i for t in doc[index + 1 : min(index + 14, limit)] if t.text == ")"), None)
    if close is None:
        return []
    channels = label_spans(doc, "PLATFORM", index + 1, close)
    rest = [t for t in doc[index + 1 : close] if t.ent_type_ != "PLATFORM" and t.text not in ("/", ",", "and")]
    return channels if channels and not rest else []


rules.register("appear.from_show", func=from_show)


# ------------------------------------------------------------------------------------------------------
# 3. Reality and contest shows.


def _verb_subjects(verb: Token, ctx: ArticleContext) -> list[tuple[Token, str]]:
    """People who are the subject of ``verb``: its own subject, its head's through conj/xcomp, or the
    noun a relative clause hangs on."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            out = []
            for subject in subjects:
                if subject.lower_ in ("who", "that") and node.dep_ == "relcl":
                    subject = node.head
                out.extend(_persons(subject, ctx))
            return out
        if node.dep_ in ("relcl", "acl"):
            found = _persons(node.head, ctx) if node.dep_ == "relcl" else []
            return found or _copula_subjects(node.head, ctx)
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head is not node:
            node = node.head
            continue
        break
    return []


def _copula_subjects(noun: Token, ctx: ArticleContext) -> list[tuple[Token, str]]:
    """The people a description noun is said of: "X became the third housemate", "A and B are among the
    celebrities", "X is one of the contestants" (up through attr, "of"/"among" phrases to the copula)."""
    node = noun
    for _ in range(4):
        if node.dep_ in ("attr", "oprd") and node.head.lemma_ in ("be", "become"):
            return [p for c in node.head.children if c.dep_ == "nsubj" for p in _persons(c, ctx)]
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "among"):
            prep = node.head
            if prep.dep_ == "prep" and prep.head.lemma_ in ("be", "become"):
                return [p for c in prep.head.children if c.dep_ == "nsubj" for p in _persons(c, ctx)]
            node = prep.head
            continue
        break
    return []


def _contest_place(token: Token, sent: Span) -> str | None:
    """The show of "the <Title> house": a capitalised run between "the" and a contest place noun."""
    if token.lower_ not in words("contest_nouns") or not token.is_lower:
        return None
    run = _title_before(token.doc, token.i, sent.start)
    if run is None or run.start == sent.start or token.doc[run.start - 1].lower_ != "the":
        return None
    if any(t.ent_type_ == "SHOW" for t in run):
        return _span_show(run)
    if any(t.ent_type_ in ("PERSON", "GPE", "NORP", "FAC", "LOC", "PLATFORM") for t in run):
        return None
    return _tokens_title(list(run))


def _span_show(span: Span) -> str | None:
    for token in span:
        if token.ent_type_ == "SHOW":
            return name_span(token).kb_id_ or name_span(token).text
    return None


def contest_shows(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X and Y have left the <Title> house", "X became the third housemate to be voted out", "The
    remaining housemate is X", "contestants A, B and C", "X, who won <Show>", "X will join A and B on <Show>"."""
    lowers = sentence_words(sent)
    doc = sent.doc
    if words("contest_nouns") & lowers:
        for token in token_list(sent):
            show = _contest_place(token, sent)
            if show is None:
                continue
            verb = token.head
            if verb.dep_ == "prep":
                verb = verb.head
            if verb.lemma_.lower() not in words("house_verbs") or verb.pos_ not in ("VERB", "AUX"):
                continue
            ctx.memo["contest_show"] = show
            for person_token, name in _verb_subjects(verb, ctx):
                yield from _fact(ctx, "cast_member", show, name, person_token, "contest_house", ctx.status(verb))
    if words("ousting_verbs") & lowers:
        # "X was evicted from <Title>", "the latest contestant to be eliminated from <Title>"
        for verb in token_list(sent):
            if verb.lemma_.lower() not in words("ousting_verbs") or verb.pos_ != "VERB":
                continue
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is None or pobj.is_lower:
                continue
            show = title_at(pobj, ctx)
            if not show or any(t.ent_type_ in ("GPE", "LOC") for t in pobj.subtree):
                continue
            ctx.memo["contest_show"] = show
            people = _verb_subjects(verb, ctx)
            if not people and verb.dep_ in ("xcomp", "acl", "relcl"):
                # "X has become the latest contestant to be evicted": the copula's subject
                noun = verb.head
                people = [p for c in noun.head.children if c.dep_ == "nsubj" for p in _persons(c, ctx)]
            for person_token, name in people:
                yield from _fact(ctx, "cast_member", show, name, person_token, "evicted", ctx.status(verb))
    if words("contest_people") & lowers:
        for token in token_list(sent):
            if token.lower_ not in words("contest_people") or not token.is_lower:
                continue
            run = _title_before(doc, token.i, sent.start)
            named = _span_show(run) if run is not None else None
            if run is not None and named is None and not _place_or_field(run):
                named = _tokens_title(list(run))  # "Big Brother housemates"
            show = named or ctx.show_for(token, default=False) or ctx.memo.get("contest_show")
            if not show:
                continue
            people: list[tuple[Token, str]] = []
            nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
            if nxt is not None and nxt.ent_type_ == "PERSON":
                # "contestants A, B and C" (a plural spreads over the list), "housemate X"
                head = name_span(nxt).root
                people = _persons(head, ctx) if token.lower_.endswith("s") else _persons(head, ctx)[:1]
            elif token.dep_ in ("attr", "oprd", "pobj"):
                # "X became the third housemate to be voted out", "X is one of the contestants on <Show>"
                people = _copula_subjects(token, ctx)
            elif token.dep_ == "nsubj" and token.head.lemma_ == "be":
                # "The other remaining housemate is actress X"
                people = [p for c in token.head.children if c.dep_ == "attr" for p in _persons(c, ctx)]
            for person_token, name in people:
                yield from _fact(ctx, "cast_member", show, name, person_token, "contestant")
    if {"win", "won", "join"} & lowers:
        for verb in token_list(sent):
            lemma = verb.lemma_.lower()
            if lemma not in ("win", "join") or verb.pos_ != "VERB":
                continue
            if lemma == "win":
                # "X, who won <Show>": winning a contest show is taking part in it
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if obj is None or obj.ent_type_ != "SHOW" or (obj.ent_iob_ != "B" and obj.i != name_span(obj).root.i):
                    continue
                show = show_at(obj, ctx)
                for person_token, name in _verb_subjects(verb, ctx):
                    yield from _fact(ctx, "cast_member", show, name, person_token, "won_show", ctx.status(verb))
                continue
            # "X will join A and B on <Show>"
            show = None
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "for")):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ == "SHOW":
                    show = show_at(pobj, ctx)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if show is None or obj is None or obj.ent_type_ != "PERSON":
                continue
            status = ctx.status(verb)
            for person_token, name in _verb_subjects(verb, ctx) + _persons(obj, ctx):
                yield from _fact(ctx, "cast_member", show, name, person_token, "join_on", status)


rules.register("appear.contest_shows", func=contest_shows)


# ------------------------------------------------------------------------------------------------------
# 4. Appearance lists.


def _list_after(token: Token) -> Token | None:
    """The first item of "such as A, B", "including A, B", "like A" hanging on ``token``."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("including", "like", "as"):
            if (
                child.lower_ == "as"
                and not any(c.lower_ == "such" for c in child.children)
                and not (child.i > 0 and child.doc[child.i - 1].lower_ == "such")
            ):
                continue
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if child.dep_ == "amod" and child.lower_ == "such":
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ == "as":
                    pobj = next((c for c in grand.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
    return None


def _work_list(noun: Token, ctx: ArticleContext) -> list[tuple[Token, str]]:
    """Titles a work noun lists: "numerous films including A", "series such as A, B and C"."""
    if noun.lower_ not in words("work_nouns") and noun.lower_ not in ("film", "show", "programme", "drama"):
        return []
    first = _list_after(noun)
    return _titles(first, ctx, people=True) if first is not None else []


def _appearing_verb(verb: Token) -> bool:
    """ "X has been cast in A", "X is known for her role in A", "X rose to fame in A"."""
    lemma = verb.lemma_.lower()
    if lemma == "cast":
        return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
    if lemma == "know":
        return any(
            c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in words("role_nouns") for g in c.children)
            for c in verb.children
        )
    if lemma == "rise":
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "fame" for g in c.children)
                   for c in verb.children)  # fmt: skip
    return False


def appearance_lists(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X, who appeared in A, B and C", "appeared alongside Y in A and with Z in B", "starred in numerous
    films including A", "The programme, which starred A and B", "featured guests including A, B and C"."""
    lowers = sentence_words(sent)
    if not (words("appear_verbs") | {"cast", "known", "fame"}) & lowers:
        return
    screen = _screen_sentence(sent)
    for verb in token_list(sent):
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if lemma not in words("appear_verbs") and not _appearing_verb(verb):
            continue
        if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children):
            continue  # "appeared to be": seeming
        status = ctx.status(verb)
        subjects = _verb_subjects(verb, ctx)
        # prepositions in order: "in T", "alongside/with Y (in T)"
        preps = []
        queue = [c for c in verb.children if c.dep_ == "prep"]
        for prep in list(queue):
            # "known for her role in A", "rose to fame in A": the "in" hangs on the role or fame noun
            if prep.lower_ in ("for", "to"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.lower_ in words("role_nouns")):
                    queue.extend(c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("in", "on"))
            if prep.lower_ == "on" and lemma == "rise":
                queue.append(prep)
        while queue:
            prep = queue.pop()
            preps.append(prep)
            queue.extend(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP")
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                queue.extend(c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "in")
        preps.sort(key=lambda t: t.i)
        company: list[tuple[Token, str]] = []
        for prep in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if prep.lower_ in words("appearance_company"):
                company = _persons(pobj, ctx)
                continue
            if prep.lower_ != "in" and not (prep.lower_ == "on" and prep.head.lower_ in ("fame", "rose", "role")):
                continue
            titles = _work_list(pobj, ctx) if pobj.is_lower else _titles(pobj, ctx)
            if not titles:
                company = []
                continue
            untagged = [t for t, _ in titles if t.ent_type_ != "SHOW"]
            if untagged and not screen:
                company = []
                continue
            if untagged and any(
                t.ent_type_ in ("GPE", "LOC") or any(w.lower_ in words("venue_words") for w in t.subtree)
                for t in untagged
            ):
                company = []
                continue  # "appeared in Paris and Rome"
            for _, title in titles:
                for person_token, name in subjects + company:
                    yield from _fact(ctx, "cast_member", title, name, person_token, "appear_list", status)
            company = []
        # "<Show> featuring A and B": a participle on a tagged title
        before = verb.doc[verb.i - 1] if verb.i > sent.start else None
        if lemma == "feature" and verb.tag_ == "VBG" and before is not None and before.ent_type_ == "SHOW":
            show = show_at(before, ctx)  # the parse may hang the participle higher ("an answer to X featuring Y")
            for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"):
                for person_token, name in _persons(obj, ctx):
                    yield from _fact(ctx, "cast_member", show, name, person_token, "show_featuring", status)
            continue
        # "The programme, which starred A and B", "The show featured guests including A, B and C"
        if lemma in ("star", "feature") and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            if subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
                subject = verb.head
            # a title, or a description standing for the show named just before ("The programme, which
            # starred A"): not a description the alias table resolves to a title named later
            show = show_at(subject, ctx) if subject.ent_type_ == "SHOW" or subject.pos_ == "PRON" else None
            if (
                show is None
                and subject.lower_ in words("show_nouns")
                and any(c.lower_ == "the" for c in subject.children)
            ):
                show = _nearby_show(subject, ctx)  # "The programme, which starred A and B"
            if show is None:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                if obj.is_lower and obj.lower_ in words("guest_nouns"):
                    first = _list_after(obj)
                    people = _persons(first, ctx) if first is not None else []
                else:
                    people = _persons(obj, ctx) if obj.pos_ == "PROPN" else []
                for person_token, name in people:
                    yield from _fact(ctx, "cast_member", show, name, person_token, "show_starred", status)


rules.register("appear.appearance_lists", func=appearance_lists)


# ------------------------------------------------------------------------------------------------------
# 5. Credit lines after the body: "Title (Company, Channel)", "Person (Title/ Title, Channel)".


def _own_line(sent: Span) -> bool:
    """Whether a sentence is a whole line of the article (a caption or credit line)."""
    text = sent.doc.text
    content = [t for t in token_list(sent) if not t.is_space]
    if not content:
        return False
    start, end = content[0].idx, content[-1].idx + len(content[-1].text)
    return (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end:].lstrip(" ")[:1] in ("\n", ""))


def _pieces(tokens: list[Token]) -> list[list[list[Token]]]:
    """``tokens`` parted at commas, each part at slashes ("Life Begins/ Von Trapped")."""
    parts: list[list[list[Token]]] = [[[]]]
    for token in tokens:
        if token.text == ",":
            parts.append([[]])
        elif token.text == "/" or (token.text.endswith("/") and len(token.text) > 1):
            parts[-1].append([])
        else:
            parts[-1][-1].append(token)
    return [[p for p in part if p] for part in parts if any(part)]


def _all_platform(tokens: list[Token]) -> bool:
    return bool(tokens) and all(t.ent_type_ == "PLATFORM" for t in tokens if not t.is_punct)


def _piece_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.rstrip("/ ").strip()


def credit_lines(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "Nighty Night (Baby Cow Productions, BBC Three)" -> produced_by, platform; "Little Britain (BBC
    Three)" -> platform; "Jo Bloggs (Lazy Days/ Busy Days, ITV1)" -> each title's platform."""
    content = [t for t in token_list(sent) if not t.is_space]
    if len(content) < 4 or content[-1].text != ")" or not _own_line(sent):
        return
    opening = next((t for t in content if t.text == "("), None)
    if opening is None or opening.i == content[0].i:
        return
    outer = [t for t in content if t.i < opening.i]
    inner = [t for t in content if opening.i < t.i < content[-1].i]
    if any(t.text in ("(", ")") for t in inner) or not any(t.ent_type_ == "PLATFORM" for t in inner):
        return
    parts = _pieces(inner)
    channels = [p for part in parts for p in part if _all_platform(p)]
    others = [part for part in parts if not all(_all_platform(p) for p in part)]
    channel_spans = [s for p in channels for s in label_spans(sent.doc, "PLATFORM", p[0].i, p[-1].i + 1)]
    channel_names = [s.ent_id_ or s.text for s in channel_spans]
    if not channel_names:
        return
    outer_show = _span_show(sent.doc[outer[0].i : outer[-1].i + 1])
    outer_text = sent.doc[outer[0].i : outer[-1].i + 1].text
    outer_people = all(t.ent_type_ == "PERSON" or t.text in ("&", "and") for t in outer)
    piece_texts = [_piece_text(p) for part in others for p in part]
    names_a_piece = any(fold(text).startswith(fold(outer_text)) for text in piece_texts)
    tagged_piece = any(t.ent_type_ == "SHOW" for part in others for p in part for t in p)
    where = opening
    if outer_show is None and (outer_people or names_a_piece or tagged_piece or len(others) > 1):
        # a person's credit: the bracket names their titles (parted by "/"), then the channel
        # titles are parted by "/"; a comma inside the bracket may belong to a title ("Stop, Look!")
        channel_tokens = {t.i for p in channels for t in p}
        first_channel = min(channel_tokens)
        rest = [t for t in inner if t.i < first_channel]
        while rest and rest[-1].text == ",":
            rest = rest[:-1]
        slashed: list[list[Token]] = [[]]
        for token in rest:
            if token.text == "/":
                slashed.append([])
                continue
            slashed[-1].append(token)
            if token.text.endswith("/") and len(token.text) > 1:
                slashed.append([])
        titles = [_title_of_piece(p, ctx) for p in slashed if p]
        for title in filter(None, titles):
            for channel in channel_names:
                yield from _fact(ctx, "platform", title, channel, where, "credit_line", ("confirmed", ()),
                                 object_kind="Platform")  # fmt: skip
        return
    title = outer_show or _tokens_title(outer)
    if not title:
        return
    for channel in channel_names:
        yield from _fact(ctx, "platform", title, channel, where, "credit_line", ("confirmed", ()),
                         object_kind="Platform")  # fmt: skip
    if len(others) == 1 and len(others[0]) == 1:
        company = others[0][0]
        if any(t.ent_type_ in ("PERSON", "SHOW", "DATE", "CARDINAL", "GPE", "NORP") for t in company):
            return
        name = _piece_text(company)
        if _tokens_title(company) and company[-1].lower_ not in TITLE_CONNECTORS:
            yield from _fact(ctx, "produced_by", title, name, where, "credit_line", ("confirmed", ()),
                             object_kind="Organization")  # fmt: skip


def _title_of_piece(tokens: list[Token], ctx: ArticleContext) -> str | None:
    shows = [t for t in tokens if t.ent_type_ == "SHOW"]
    if shows:
        return show_at(shows[0], ctx)
    return _tokens_title(tokens)


rules.register("appear.credit_lines", func=credit_lines)


# ------------------------------------------------------------------------------------------------------
# 6. Makers by apposition or participle: "X, creator of <Show>", "X, responsible for series such as A and B",
# "made by X", "Company, which created <Show>".


def _maker_kind(token: Token) -> str:
    """ "Person" for a person's name, else "Organization" (a company)."""
    span = name_span(token)
    if span.label_ == "PERSON" and not any(t.lower_ in words("company_words") for t in span):
        return "Person"
    return "Organization"


def maker_credits(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X, (the) creator of <Show>", "X, responsible for series such as A, B and C", "<Show>, made by X",
    "<Company>, which created <Show>"."""
    lowers = sentence_words(sent)
    doc = sent.doc
    for token in token_list(sent):
        lower = token.lower_
        # "Matt Jones, creator of The Show", "Jo Bloggs, the producer of The Show"
        relation = APPOSITION_ROLES.get(lower)
        if relation and token.dep_ == "appos" and token.is_lower and token.head.ent_type_ == "PERSON":
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None and pobj.is_lower and pobj.i + 1 < len(doc) and doc[pobj.i + 1].ent_type_ == "SHOW":
                pobj = doc[pobj.i + 1]  # "the creator of the sitcom Home Town"
                pobj = name_span(pobj).root
            if pobj is None:
                continue
            if pobj.ent_type_ == "SHOW":
                title = show_at(pobj, ctx)
            elif relation != "directed_by" and not any(
                t.ent_type_ in ("ORG", "FAC", "GPE", "EVENT", "LOC", "NORP", "PERSON") for t in pobj.subtree
            ):
                title = title_at(pobj, ctx)  # "X, creator of The Yellow Family" (not "director of the Theatre")
            else:
                title = None
            yield from _fact(ctx, relation, title, person_at(token.head, ctx), token, "appos_role")
            continue
        # "X, responsible for series such as A, B and C"
        if lower == "responsible" and "for" in lowers:
            holder = token.head if token.dep_ in ("amod", "appos") else None
            if holder is None and token.dep_ == "acomp":
                holder = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if holder is None or not (holder.pos_ == "PROPN" or holder.ent_type_ in ("ORG", "PERSON")):
                continue
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is None:
                continue
            titles = (
                _work_list(pobj, ctx)
                if pobj.is_lower
                else [(t, s) for t, s in _titles(pobj, ctx) if t.ent_type_ == "SHOW"]
            )
            maker = person_at(holder, ctx) if _maker_kind(holder) == "Person" else clean_name(name_span(holder).text)
            for _, title in titles:
                yield from _fact(ctx, "produced_by", title, maker, token, "responsible_for",
                                 object_kind=_maker_kind(holder))  # fmt: skip
            continue
        # "<Show>, made by X" / "<Show> is made by X"
        if token.lemma_.lower() == "make" and token.tag_ == "VBN":
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None or pobj.pos_ != "PROPN" or pobj.ent_type_ in ("SHOW", "PLATFORM", "GPE", "NORP"):
                continue
            if token.dep_ == "acl":
                head = token.head
                named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
                if head.ent_type_ == "SHOW":
                    show = show_at(head, ctx)
                elif head.lower_ in words("work_nouns") | {"series", "show", "programme", "film", "drama"} and named:
                    show = title_at(named[0], ctx)  # "the animated series A, made by X"
                else:
                    show = None
            else:
                subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
                show = show_at(subject, ctx) if subject is not None else None
            if not show:
                continue
            kind = _maker_kind(pobj)
            maker = person_at(pobj, ctx) if kind == "Person" else clean_name(name_span(pobj).text)
            # a person who makes a show created it; a company produced it
            yield from _fact(ctx, "created_by" if kind == "Person" else "produced_by", show, maker, token, "made_by",
                             object_kind=kind)  # fmt: skip
            continue
        # "Steve's Company, which created The Show": a thing (not "who") that creates a show is a company
        if lower == "which" and token.dep_ == "nsubj" and token.head.dep_ == "relcl":
            verb = token.head
            if verb.lemma_.lower() not in ("create", "produce", "make", "develop"):
                continue
            holder = verb.head
            if holder.pos_ != "PROPN" or holder.ent_type_ in ("SHOW", "PLATFORM", "GPE", "NORP", "DATE"):
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.ent_type_ != "SHOW":
                continue
            company = clean_name(name_span(holder).text)
            for _, title in _titles(obj, ctx):
                yield from _fact(ctx, "produced_by", title, company, verb, "which_created",
                                 object_kind="Organization")  # fmt: skip


rules.register("appear.maker_credits", func=maker_credits)


# ------------------------------------------------------------------------------------------------------
# 7. Casting news: "X makes a cameo appearance in <Show>", "X has landed a role in <Show>", "A, B and C round
# out the cast", "<Show>, led by X".


def casting_news(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X makes a cameo appearance in <Show>", "X has landed a role in <Show>", "A, B and C round out the
    cast (of <Show>)", "The series, led by X, ..."."""
    lowers = sentence_words(sent)
    takes = words("role_taking_verbs") & lowers and words("role_objects") & lowers
    completes = words("cast_completing_verbs") & lowers and words("cast_nouns") & lowers
    leads = words("leading_verbs") & lowers and "by" in lowers
    if not (takes or completes or leads):
        return
    for verb in token_list(sent):
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.pos_ not in ("VERB", "AUX") and not (completes and lemma in words("cast_completing_verbs") and objects):
            continue  # "A, B and C round out the cast" with "round" misread as a noun is still a verb
        if takes and lemma in words("role_taking_verbs"):
            for obj in (o for o in objects if o.lower_ in words("role_objects")):
                titles = []
                for prep in [*verb.children, *obj.children]:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "on"):
                        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if pobj is not None:
                            titles += [(t, s) for t, s in _titles(pobj, ctx) if t.ent_type_ == "SHOW"]
                status = ctx.status(verb)
                for _, title in titles:
                    for person_token, name in _verb_subjects(verb, ctx):
                        yield from _fact(ctx, "cast_member", title, name, person_token, "takes_role", status)
        if completes and lemma in words("cast_completing_verbs"):
            cast = next((o for o in objects if o.lower_ in words("cast_nouns")), None)
            if cast is None or not any(c.lower_ == "the" for c in cast.children):
                continue
            inner = [t for t in cast.subtree if t.ent_type_ == "SHOW"]
            show = show_at(inner[0], ctx) if inner else _nearby_show(cast, ctx)
            status = ctx.status(verb)
            people = _verb_subjects(verb, ctx)
            before = [t for t in token_list(sent) if t.i < verb.i and not t.is_space]
            if before and all(t.ent_type_ == "PERSON" or t.text in (",", "and", "&") for t in before):
                # "A, B and C round out the cast": a list of names before the verb, whatever its parse
                spans = [e for e in label_spans(sent.doc, "PERSON", sent.start, verb.i)]
                people = [(e.root, name) for e in spans if (name := person_at(e[0], ctx))]
            for person_token, name in people:
                yield from _fact(ctx, "cast_member", show, name, person_token, "completes_cast", status)
        if leads and lemma in words("leading_verbs") and verb.tag_ == "VBN" and verb.dep_ == "acl":
            head = verb.head
            show = show_at(head, ctx) if head.ent_type_ == "SHOW" else None
            if show is None and head.lower_ in words("show_nouns") and any(c.lower_ == "the" for c in head.children):
                show = _nearby_show(head, ctx)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if show is None or pobj is None or pobj.ent_type_ != "PERSON":
                continue
            for person_token, name in _persons(pobj, ctx):
                yield from _fact(ctx, "cast_member", show, name, person_token, "led_by", ctx.status(verb))


rules.register("appear.casting_news", func=casting_news)
