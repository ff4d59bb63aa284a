"""Cast relations: ``plays`` (actor -> character) and ``cast_member`` (show -> person).

Constructions read (each over the parse, none over one article's strings):

- a playing verb: "X plays/portrays/voices Y", "X will play Y", "X, who plays Y", "Y, played by X",
  "Y is voiced by X" ("SHOW, voiced by X": a voice cast), "persuaded X to play Y" (the object acts),
  "X plays a drunkard in Title" (the title after "in", also when the tagger took it for a person);
- ``as``: "X stars as Y", "X joins the cast as Y", "starring A as B", "X ... as his SHOW character Y";
- brackets: "Courteney Cox (Monica)" (actor outside), "two protagonists Sephy (Baduza)" (a
  character described outside, the actor in brackets), "Emma Thompson (Love Actually)" (a credit);
- possessives: "Song Hye-kyo's Dong-eun";
- "X in the title role" (the character is the show's title);
- appearing: "X stars/appears/guest-stars in SHOW", "X has signed up for SHOW", "A and B lead SHOW",
  "SHOW stars X", "SHOW actress X", "The cast includes A, B and C", "starring A, B and C",
  "X in SHOW" captions, "A, B and C are the finalists", "X guest-stars in SHOW";
- parts: "X will write a part for himself in the episode", "X is in (a remake of) SHOW", "taking X's part",
  an actor's "has a film, T, in production";
- casting news: "X has been cast in a recurring role", "X is in talks to star in T" (speculative), "X, best
  known for playing Y in T", "as his sister Mia Cole", "X has landed the role of Y", "known for her role as Y",
  "plays a surgeon named Y", "the titular role", "X will star opposite Y", "X has joined the cast (of the
  drama)", "Returning cast members / Guest stars include A and B", "Also starring are A and B", "with original
  star X expected to return".

"X stars in a new comedy" (an indefinite, untitled production) takes no show by reference; "X fronts T" is
presenting (credits), not appearing.

No cast fact where the verb's own phrase is a stage production ("in the London stage version of X"), or
the role is in someone's film the show finder did not take ("in the Harry Potter films", "in Mike
Leigh's film": a plays fact without a show), or an untagged title stands between the sentence's show
and the statement ("A, B and Garden State - starring X").

Every ``plays`` also gives a ``cast_member`` of its show. A role the article describes but does not
name ("plays a struggling actor") gives the ``cast_member`` fact only.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from showgraph.facts import Fact
from showgraph.nlp.aliases import clean_name, fold, person_at, show_at
from showgraph.nlp.context import (
    FIELD_WORDS,
    ArticleContext,
    conjuncts,
    label_spans,
    name_span,
    sentence_words,
    show_in_subtree,
    token_list,
)
from showgraph.nlp.lexicon import (
    APPEAR_VERBS,
    AS_VERBS,
    CAST_LIST_HEADS,
    CHARACTER_CUES,
    CREW_TITLES,
    CREW_VERBS,
    GENERIC_NAMES,
    JOIN_VERBS,
    KNOWN_FOR,
    PART_NOUNS,
    PERFORMER_NOUNS,
    PERFORMER_TITLES,
    PLAY_VERBS,
    POSSESSIVE_MARKS,
    REFLEXIVES,
    ROLE_NOUNS,
    ROLE_OF_VERBS,
    SCREEN_WORDS,
    SEQUEL_NOUNS,
    SIGNUP_VERBS,
    SPORT_WORDS,
    STAGE_PHRASE_WORDS,
    SUBJECT_CONTROL,
    TALKS_NOUNS,
    WORK_NOUNS,
)
from showgraph.nlp.lexicon import (
    CAST_INSTITUTION_WORDS as INSTITUTION_WORDS,
)
from showgraph.nlp.matchers import first_matches
from showgraph.nlp.relations import rules
from showgraph.nlp.relations.release import off_screen

#: Words of which a sentence needs one for "as" to name a character.
AS_TRIGGERS = (AS_VERBS - {"be", "come"}) | {"starring"}
#: Words of which a sentence needs one for :func:`cast_appears` to read it.
APPEAR_TRIGGERS = APPEAR_VERBS | SIGNUP_VERBS | JOIN_VERBS | {"starring"}


def _name_of(token: Token) -> str:
    return clean_name(name_span(token).text)


def _is_character_name(token: Token, ctx: ArticleContext, *, strict: bool = False) -> bool:
    """Whether ``token`` heads a proper name that may be a character (not a show, outlet, date, ...).

    The statistical model often labels a character's given name as a place or organisation, so only
    ``strict`` callers (weaker constructions) refuse those labels.
    """
    if token.pos_ != "PROPN" and not (token.is_title and token.ent_type_ == "PERSON"):
        return False
    span = name_span(token)
    refused = {"SHOW", "PLATFORM", "OUTLET", "AGGREGATOR", "SEASON", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"}
    if strict:
        refused |= {"GPE", "ORG", "NORP", "LOC", "FAC"}
    if span.label_ in refused:
        return False
    return not any(t.is_lower and t.text not in ("-",) and not t.is_punct for t in span) or "-" in span.text


def _show_near(token: Token, ctx: ArticleContext) -> str | None:
    """The show a cast statement at ``token`` is about: an ``in/on SHOW`` phrase of its verb, a show
    in the sentence, else the article's main show."""
    objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    candidates = [*token.children, *(g for o in objects for g in o.children)]  # "plays a baker in X"
    for child in sorted(candidates, key=lambda c: (c.i < token.i, c.i)):  # after the verb first
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "for", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = show_at(pobj, ctx) or show_in_subtree(pobj)
                    if found:
                        return found
                    untagged = untagged_title_in(pobj) if child.lower_ == "in" else None
                    if untagged or _someones_work(pobj):
                        return untagged
    return ctx.show_for(token)


#: Labels of a name after "in" that is a place, a group or a time, never a production's title.
NOT_TITLE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG", "DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL",
                              "PLATFORM", "OUTLET"})  # fmt: skip


def untagged_title_in(pobj: Token) -> str | None:
    """The title in "plays a drunkard in Duane Hopwood" when the show finder took it for a person or
    nothing: a capitalised name right after "in" that is no place, company or date. None otherwise."""
    if pobj.pos_ != "PROPN" or not pobj.is_title:
        return None
    span = name_span(pobj)
    if span.label_ in NOT_TITLE_LABELS or span.start == 0 or pobj.doc[span.start - 1].lower_ != "in":
        return None
    after = pobj.doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].lower_ in ("and", "of", "'s") and (after[1].is_title or after[1].lower_ == "the"):
        return None  # "in Jack and the Beanstalk": a longer title than the name found, or two names
    return clean_name(span.text) or None


def _relative_about_other(verb: Token, ctx: ArticleContext) -> bool:
    """Whether ``verb`` heads a relative clause ("which he starred in") on a name that is no show found."""
    node = verb
    while node.dep_ in ("conj", "advcl") and node.head is not node and node.head.pos_ in ("VERB", "AUX"):
        node = node.head  # "which he wrote, directed and starred in"
    if node.dep_ != "relcl" or not any(c.lower_ in ("which", "that") for c in node.subtree):
        return False
    return node.head.pos_ == "PROPN" and show_at(node.head, ctx) is None


def _in_someones_work(verb: Token) -> bool:
    """Whether ``verb`` has an "in <someone's work>" phrase (see :func:`_someones_work`)."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and _someones_work(g) for g in c.children)
        for c in verb.children
    )


def _someones_work(noun: Token) -> bool:
    """Whether ``noun`` is a production told by a name the show finder did not take as a title: "in the
    Harry Potter films", "in Mike Leigh's film". Such a phrase names another production than the
    article's, so borrowing the article's show would be wrong."""
    if noun.lower_ not in WORK_NOUNS:
        return False
    if any(c.dep_ in ("compound", "poss", "nmod", "appos") and c.pos_ == "PROPN" and c.ent_type_ != "SHOW"
           for c in noun.children):  # fmt: skip
        return True
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return after is not None and after.pos_ == "PROPN" and after.is_title and after.ent_type_ not in ("SHOW", "PERSON")


def _status(anchor: Token, ctx: ArticleContext, verb_lemma: str | None = None) -> tuple[str, tuple[str, ...]]:
    status, cues = ctx.status(anchor)
    if status == "confirmed" and verb_lemma in SIGNUP_VERBS:
        return "scheduled", (anchor.text,)
    if status == "confirmed" and _infinitive_headline(anchor):
        return "scheduled", ("to",)
    return status, cues


def _infinitive_headline(token: Token) -> bool:
    """Headline style "Emma Thompson to star in X": a bare ``to`` + verb as the sentence's main verb."""
    aux = [c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"]
    return (
        bool(aux)
        and token.dep_ in ("ROOT", "xcomp")
        and not any(c.dep_ == "aux" and c.lower_ != "to" for c in token.children)
        and token.head.lemma_ not in ("want", "hope", "try", "need", "like", "love")
        and not (token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in token.head.children))
    )  # "persuaded X to play Y" tells what happened, not a plan


def _subjects(verb: Token, ctx: ArticleContext) -> list[tuple[Token, str]]:
    """People who are the subject of ``verb`` (through xcomp/conj chains and relative clauses)."""
    node = verb
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            break
        if node.dep_ == "xcomp" and node.head.lemma_.lower() not in SUBJECT_CONTROL:
            controller = [c for c in node.head.children if c.dep_ == "dobj"]
            if controller:  # "persuaded X to play Y", "cast X to star in": the object is the actor
                subj = controller
                break
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.lemma_ in KNOWN_FOR:
            node = node.head.head  # "X, best known for playing Y": the one known for it
            continue
        if (
            node.dep_ == "acl"
            and node.head.lower_ in TALKS_NOUNS
            and node.head.dep_ == "pobj"
            and node.head.head.head.pos_ in ("VERB", "AUX")
        ):
            node = node.head.head.head  # "X is in talks to star in Y": the one in talks
            continue
        if node.dep_ in ("xcomp", "conj", "ccomp", "advcl") and node.head is not node:
            node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("PROPN", "NOUN", "PRON"):
            subj = [node.head]
            break
        return []
    out = []
    for head in subj:
        if head.lower_ in ("who", "that") and node.dep_ == "relcl":
            head = node.head
        for person in conjuncts(head):
            name = person_at(person, ctx)
            if name:
                out.append((person, name))
    return out


def not_a_name(name: str) -> bool:
    """Whether a show or cast slot holds a generic word or a decade, not a name.

    >>> not_a_name("Film"), not_a_name("1980s"), not_a_name("Vera Drake")
    (True, True, False)
    """
    lower = name.strip().lower()
    return lower in GENERIC_NAMES or (lower.endswith("s") and lower[:-1].isdigit()) or lower.isdigit()


def _stage_phrase(verb: Token) -> bool:
    """Whether ``verb``'s in/on/at phrase is a stage production: "played Mrs Potts in the London stage version
    of X", "appeared in a Broadway revival", "to star in the pantomime X", "in X at the National Theatre"."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "on", "at"):
            continue
        if any(t.lower_ in ("televised", "tv", "television", "film", "screen") for t in child.subtree):
            continue  # "in the first televised pantomime": on screen after all
        for token in child.subtree:
            if token.lower_ in STAGE_PHRASE_WORDS and token.pos_ in ("NOUN", "PROPN", "ADJ"):
                before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
                if not (token.lower_ == "stage" and before in ("this", "that", "early", "late", "final", "any")):
                    return True  # (not "at this stage", "at an early stage")
            if token.lower_ == "end" and token.i > 0 and token.doc[token.i - 1].lower_ == "west":
                return True
    return False


def _off_screen_or_generic(where: Token, *names: str | None) -> bool:
    """Stage and radio productions (FORMAT covers the screen only) and generic words are no cast facts."""
    return (
        any(name and not_a_name(name) for name in names) or off_screen(where.sent) is not None or _stage_phrase(where)
    )


def _plays(ctx: ArticleContext, actor: str, character: str, where: Token, show: str | None, rule: str,
           status: tuple[str, tuple[str, ...]]) -> Iterator[Fact]:  # fmt: skip
    character = clean_name(character)
    if not character or fold(character) == fold(actor) or _off_screen_or_generic(where, actor, character, show):
        return
    if ctx.aliases is not None:
        character = ctx.aliases.canonical(character, where.i)
    season = ctx.season_for(where)
    ctx.memo.setdefault("actors", set()).add(actor)
    ctx.memo.setdefault("characters", set()).add(character)
    yield ctx.fact(
        "plays", actor, character, where, rule, qualifiers={"show": show, "season": season},
        status=status[0], cues=status[1], object_kind="Character",
    )  # fmt: skip
    if show:
        yield ctx.fact(
            "cast_member", show, actor, where, rule, qualifiers={"season": season}, status=status[0], cues=status[1]
        )


def surname_as_show(show: str, person: str) -> bool:
    """Whether a "show" is the end of the credited person's own name ("Director Quentin Tarantino ..." with
    "Tarantino" taken for a title elsewhere, "Van Gogh" of "Theo van Gogh"): a person, no show."""
    words, names = show.split(), person.split()
    # only the credited person's own name: a character's ("John Luther" in Luther) may well be the title
    return len(names) > len(words) and [fold(w) for w in names[-len(words) :]] == [fold(w) for w in words]


def _cast(ctx: ArticleContext, show: str | None, person: str, where: Token, rule: str,
          status: tuple[str, tuple[str, ...]]) -> Iterator[Fact]:  # fmt: skip
    if not show or not person or fold(show) == fold(person) or _off_screen_or_generic(where, show, person):
        return
    if surname_as_show(show, person) or person in ctx.memo.get("characters", ()):
        return  # (a character the article has someone play is no cast member: "X as Max, who also appeared in")
    yield ctx.fact(
        "cast_member", show, person, where, rule, qualifiers={"season": ctx.season_for(where)},
        status=status[0], cues=status[1],
    )  # fmt: skip


def _screen_sentence(sent: Span) -> bool:
    """Whether a sentence names a show (outside brackets) or uses a screen word. Remembered per sentence."""
    memo = sent.doc.user_data.setdefault("showgraph_screen", {})
    found = memo.get(sent.start)
    if found is None:
        doc = sent.doc
        found = memo[sent.start] = bool(SCREEN_WORDS & sentence_words(sent)) or any(
            s.start == 0 or doc[s.start - 1].text != "(" for s in label_spans(doc, "SHOW", sent.start, sent.end)
        )
    return found


def _sporty(sent: Span) -> bool:
    """Whether a sentence is about a game ("won the first set", "the league match"), where "plays" and
    "stars" are no roles. Remembered per sentence: every cast rule asks."""
    memo = sent.doc.user_data.setdefault("showgraph_sporty", {})
    found = memo.get(sent.start)
    if found is None:
        found = memo[sent.start] = any(t.lower_ in SPORT_WORDS and t.pos_ == "NOUN" for t in token_list(sent))
    return found


def plays_verb(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X plays/portrays Y", "X, who plays Y", "Y, played by X", "X plays a doctor" (cast only)."""
    if not ctx.shows or not PLAY_VERBS & sentence_words(sent) or _sporty(sent):
        return
    for verb in token_list(sent):
        if verb.lemma_.lower() not in PLAY_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        status = _status(verb, ctx, verb.lemma_.lower())
        show = _show_near(verb, ctx)
        # "Y, played by X", "Y is voiced by X", "SHOW, voiced by X" (a voice cast)
        passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if (verb.dep_ == "acl" and verb.tag_ == "VBN") or passive_subject is not None:
            played = verb.head if passive_subject is None else passive_subject
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            for agent in agents:
                for person in conjuncts(agent):
                    actor = person_at(person, ctx)
                    if not actor:
                        continue
                    if played.ent_type_ == "SHOW":
                        yield from _cast(ctx, show_at(played, ctx), actor, verb, "cast.voiced_by", status)
                    elif _is_character_name(played, ctx) and not _described_as_work(played):
                        yield from _plays(ctx, actor, _name_of(played), verb, show, "cast.played_by", status)
            continue
        explicit = _prep_show(verb, ctx, descriptions=False)
        if explicit:
            ctx.memo["character_show"] = explicit
        elif verb.dep_ == "relcl" and not _in_someones_work(verb):
            show = _character_show(verb, ctx)
        subjects = _subjects(verb, ctx)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
        for _, actor in subjects:
            for obj in objects:
                characters = conjuncts(obj)
                named = [c for c in characters if _is_character_name(c, ctx)]
                if not named and obj.pos_ == "NOUN":
                    # "plays a disgraced surgeon named Ada Finch": the name the description gives
                    named = [
                        g
                        for c in obj.children
                        if c.dep_ == "acl" and c.lemma_.lower() in ("name", "call")
                        for g in c.children
                        if g.dep_ in ("oprd", "dobj", "attr") and _is_character_name(g, ctx, strict=True)
                    ][:1]
                if named:
                    # "X and Z play A and B": pair them in order when the counts agree.
                    if len(subjects) == len(named) and len(subjects) > 1:
                        index = [s[1] for s in subjects].index(actor)
                        named = [named[index]]
                    for character in named:
                        yield from _plays(ctx, actor, _name_of(character), verb, show, "cast.plays", status)
                elif obj.pos_ == "NOUN" and (
                    obj.lower_ in ROLE_NOUNS or any(c.lower_ in ("a", "an") for c in obj.children)
                ):
                    if not (explicit or _screen_sentence(sent)):
                        continue  # "to play a part in the poll", "a big role at the election": no screen role
                    if obj.lower_ in ROLE_NOUNS and obj.lower_ == "role" and _title_role(obj):
                        yield from _plays(ctx, actor, show or "", verb, show, "cast.title_role", status)
                    else:
                        yield from _cast(ctx, show, actor, verb, "cast.plays_role", status)


def _described_as_work(name: Token) -> bool:
    """Whether a name is called a production nearby ("Trap Door voiced by X, superb children's programme")."""
    works = {"programme", "show", "series", "film", "cartoon", "sitcom", "drama"}
    return any(t.dep_ == "appos" and t.lower_ in works and t.head.i >= name.i for t in name.sent)


def _title_role(token: Token) -> bool:
    return any(c.lower_ in ("title", "titular") for c in token.children)  # "the title role", "the titular role"


def plays_was(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X, who was Rachel in the long-running show": a relative clause naming a role in a show."""
    if not ctx.shows or "in" not in sentence_words(sent) or _sporty(sent):
        return
    for verb, attr, where in first_matches("cast.plays_was", sent):  # "be" with its first attr and "in"
        if not _is_character_name(attr, ctx):
            continue
        pobj = next((c for c in where.children if c.dep_ == "pobj"), None)
        if pobj is None or not (
            pobj.ent_type_ == "SHOW" or pobj.lower_ in ("show", "series", "sitcom", "drama", "soap")
        ):
            continue
        actor = person_at(verb.head, ctx)
        if actor:
            show = show_at(pobj, ctx) if pobj.ent_type_ == "SHOW" else _character_show(verb, ctx)
            yield from _plays(ctx, actor, _name_of(attr), verb, show, "cast.who_was", _status(verb, ctx))


rules.register("cast.plays_verb", func=plays_verb)
rules.register("cast.plays_was", func=plays_was)


def _as_character(as_token: Token) -> Token | None:
    """The character an ``as`` phrase names: "as Vivienne Rook", "as his Office character David"."""
    pobj = next((c for c in as_token.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.pos_ == "PROPN" and pobj.is_title:
        return pobj
    if pobj.lower_ in ("character", "role", "alter"):
        named = [c for c in pobj.children if c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ == "PROPN"]
        after = pobj.nbor(1) if pobj.i + 1 < len(pobj.doc) else None
        if not named and after is not None and after.pos_ == "PROPN" and after.is_title:
            named = [after]
        return named[-1] if named else None
    if pobj.pos_ == "NOUN" and pobj.is_lower and pobj.i + 1 < len(pobj.doc):
        # "as his sister Mia Cole": a kinship or job word, then the character's name in apposition
        after = pobj.nbor(1)
        named = [c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and name_span(c).start == after.i]
        return named[0] if named else None
    return None


def plays_role_of(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X has landed the role of Y", "X will play the role of Y", "X is known for her role as Y (in T)"."""
    words = sentence_words(sent)
    if not ctx.shows or not {"role", "part"} & words or not {"of", "as"} & words or _sporty(sent):
        return
    for noun, prep in first_matches("cast.role_of", sent):  # the noun's first "of"/"as"
        character = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if character is None or not _is_character_name(character, ctx, strict=True):
            continue
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ROLE_OF_VERBS:
            verb = noun.head
            actors = [name for _, name in _subjects(verb, ctx)]
        elif prep.lower_ == "as" and noun.dep_ == "pobj":
            # "known for her role as Y": the possessive's person
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            verb = noun.head.head
            if owner is None or verb.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            if owner.pos_ == "PRON":  # "X, known for her role as Y": the one the clause is about, not a guess
                subjects = _subjects(verb, ctx)
                actors = [name for token, name in subjects if token.lower_ not in REFLEXIVES]
            else:
                actor = person_at(owner, ctx)
                actors = [actor] if actor else []
        else:
            continue
        if len(actors) != 1:
            continue
        explicit = next(
            (
                show_at(p, ctx) or show_in_subtree(p)
                for c in (*noun.children, *character.children)
                if c.dep_ == "prep" and c.lower_ in ("in", "on")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        ) or _prep_show(verb, ctx)
        show = explicit or ctx.show_for(noun, default=False)
        if show is None and verb.tag_ != "VBD":
            show = ctx.default_show  # not the previous sentence's title, nor any for a past "took the role of Y"
        status = _status(verb, ctx, verb.lemma_.lower())
        yield from _plays(ctx, actors[0], _name_of(character), noun, show, "cast.role_of", status)


rules.register("cast.role_of", func=plays_role_of)


def plays_as(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X stars as Y", "X joins the cast as Y", "starring A as B", "X ... as his SHOW character Y"."""
    words = sentence_words(sent)
    if not ctx.shows or "as" not in words or not AS_TRIGGERS & words or _sporty(sent):
        return
    doc = sent.doc
    for token in token_list(sent):
        if token.lower_ != "as" or (token.i > 0 and doc[token.i - 1].lower_ in ("such", "well", "just", "so")):
            continue
        if any(t.lower_ == "such" for t in doc[max(sent.start, token.i - 4) : token.i]):
            continue  # "such screen stars as A and B": examples, not a role
        character = _as_character(token)
        if character is None or (
            not _is_character_name(character, ctx, strict=True) and character.ent_type_ != "PERSON"
        ):
            continue
        if character.ent_type_ in ("SHOW", "PLATFORM", "OUTLET", "ORG"):
            continue
        actor, anchor = _actor_before(token, sent, ctx)
        if actor is None or anchor is None:
            continue
        verb = token.head if token.head.pos_ in ("VERB", "AUX") else anchor.head
        show = show_in_subtree(character.head) if character.head.lower_ in ("character", "role") else None
        show = show or _show_near(verb, ctx)
        if show and untagged_title_between(show, anchor):
            show = None  # "Closer, ..., Finding Neverland, with Johnny Depp as X": not the first title's cast
        status = _status(verb, ctx, verb.lemma_.lower())
        yield from _plays(ctx, actor, _name_of(character), token, show, "cast.as", status)


def _actor_before(as_token: Token, sent: Span, ctx: ArticleContext) -> tuple[str | None, Token | None]:
    """The person an ``as`` phrase belongs to: the verb's subject, else the nearest person before it."""
    head = as_token.head
    if head.pos_ in ("VERB", "AUX"):
        subjects = _subjects(head, ctx)
        if len(subjects) == 1:
            return subjects[0][1], subjects[0][0]
    for index in range(as_token.i - 1, max(sent.start, as_token.i - 14) - 1, -1):
        token = sent.doc[index]
        if token.text in (";",) or token.lower_ == "as":
            break
        if token.ent_type_ == "PERSON":
            name = person_at(token, ctx)
            if name:
                return name, token
    return None, None


rules.register("cast.plays_as", func=plays_as)


def _is_crew(token: Token) -> bool:
    """Whether a person mention is credited as crew ("written by X", "director X")."""
    span = name_span(token)
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in CREW_TITLES:
        return True
    head = span.root.head
    return bool(span.root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in CREW_VERBS)


def plays_brackets(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """Bracketed names: "Courteney Cox (Monica)", "protagonists Sephy Hadley (Baduza)",
    "Emma Thompson (Love Actually)"."""
    if not ctx.shows or "(" not in sentence_words(sent) or _sporty(sent):
        return
    doc = sent.doc
    character_outside: bool | None = None
    for token in token_list(sent):
        if token.text != "(" or token.i == 0 or token.i + 2 >= sent.end:
            continue
        outer_end = doc[token.i - 1]
        close = next((t for t in doc[token.i + 1 : min(token.i + 8, sent.end)] if t.text == ")"), None)
        if close is None or close.i == token.i + 1:
            continue
        inner = doc[token.i + 1 : close.i]
        if not (outer_end.pos_ == "PROPN" or outer_end.ent_type_ == "PERSON") or any(t.is_lower for t in inner):
            continue
        outer = name_span(outer_end)
        if outer.label_ not in ("", "PERSON", "ORG", "GPE", "NORP"):
            continue
        outer_name = clean_name(outer.text)
        inner_shows = [t for t in inner if t.ent_type_ == "SHOW" and t.ent_iob_ == "B"]
        if inner_shows:
            if outer.label_ == "PERSON" and not _is_crew(outer_end):
                people = [person_at(outer_end, ctx)]
                # "Matt Lucas & David Walliams (Little Britain, BBC Three)": the pair shares the credit
                pair = doc[outer.start - 2] if outer.start > 1 and doc[outer.start - 1].text in ("&", "and") else None
                if pair is not None and pair.ent_type_ == "PERSON":
                    people.append(person_at(pair, ctx))
                for inner_show in inner_shows:  # "Caroline Quentin (Life Begins/ Von Trapped, ITV1)"
                    show = show_at(inner_show, ctx)
                    for person in filter(None, people):
                        yield from _cast(ctx, show, person, token, "cast.bracket_credit", ("confirmed", ()))
            continue
        inner_name = clean_name(inner.text)
        before = doc[outer.start - 1] if outer.start > 0 else None
        if before is not None and before.lower_ in ("and", ",", "or") and character_outside is not None:
            outer_is_character = character_outside
        else:
            outer_is_character = before is not None and (
                before.lower_ in CHARACTER_CUES
                or (before.pos_ == "NOUN" and before.is_lower and before.lower_ not in PERFORMER_TITLES)
            )
        if inner.root.pos_ != "PROPN" or not _bracket_name(inner) or not _bracket_name(outer, outer_is_character):
            continue  # "Sberbank (Savings Bank)", "Court of Arbitration (CAS)", "S Jones (Trafford AC)"
        # "(Rhys)" after "Elen Rhys" was named: the bracket holds someone the article knows by full name.
        known_inner = ctx.aliases is not None and " " not in inner_name and " " in ctx.aliases.canonical(inner_name, -1)
        if not (known_inner or _screen_sentence(sent)):
            continue  # "D Chin (Belgrave Harriers)": results tables and team lists, not roles
        # "Sylvia (Kate Winslet)": a full name in brackets after a given name is the actor.
        full_inner = len(inner) > 1 and inner[0].ent_type_ == "PERSON" and len(outer) == 1
        if outer_is_character or full_inner or (known_inner and " " not in inner_name):
            actor = ctx.aliases.canonical(inner_name, token.i) if ctx.aliases is not None else inner_name
            character = outer_name
            character_outside = True
        else:
            actor = person_at(outer_end, ctx) or ""
            character = inner_name
            character_outside = False
        if not actor or not character or _is_crew(outer_end):
            continue
        show = _character_show(token, ctx)
        status = _status(outer.root.head, ctx, outer.root.head.lemma_.lower())
        yield from _plays(ctx, actor, character, token, show, "cast.brackets", status)


def _bracket_name(span: Span, described: bool = False) -> bool:
    """Whether one side of "X (Y)" can be a person's or a character's name: at most three capitalised
    words, no abbreviation, no institution word, and no multi-word place or company (unless a word
    before it says it is a character: "protagonists Sephy Hadley (Baduza)")."""
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 3:
        return False
    if any(t.lower_ in INSTITUTION_WORDS or (t.is_upper and len(t) > 1) or not t.text[:1].isupper() for t in words):
        return False
    labels = {t.ent_type_ for t in words}
    return described or not (labels & {"ORG", "GPE", "NORP", "FAC", "LOC"} and len(words) > 1)


def _character_show(token: Token, ctx: ArticleContext) -> str | None:
    """The show a character named without one belongs to: the show of the article's last explicit
    "played X in SHOW", else the nearest show."""
    return ctx.memo.get("character_show") or ctx.show_for(token)


rules.register("cast.plays_brackets", func=plays_brackets)


def plays_possessive(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "his Office character David", "X in the title role"."""
    if not ctx.shows or not {"character", "alter", "role"} & sentence_words(sent) or _sporty(sent):
        return
    doc = sent.doc
    for token in token_list(sent):
        # "his Office character David"
        if token.lower_ in ("character", "alter") and token.i + 1 < sent.end:
            name = doc[token.i + 1]
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None or name.pos_ != "PROPN" or not name.is_title:
                continue
            actor = person_at(owner, ctx)
            show = next((show_at(c, ctx) for c in token.children if c.ent_type_ == "SHOW"), None)
            if actor:
                yield from _plays(ctx, actor, _name_of(name), token, show or ctx.show_for(token), "cast.character",
                                  ("confirmed", ()))  # fmt: skip
        # "with Nicholas Burns in the title role"
        if token.lower_ == "role" and _title_role(token) and token.head.lower_ == "in":
            holder = token.head.head
            actor = person_at(holder, ctx) if holder.pos_ == "PROPN" else None
            status: tuple[str, tuple[str, ...]] = ("confirmed", ())
            before = doc[holder.i - 1] if holder.i > sent.start else None
            if actor is None and holder.lower_ == "stars" and before is not None and before.ent_type_ == "PERSON":
                actor = person_at(before, ctx)  # "X stars in the title role" with "stars" misread as a noun
            elif actor is None and holder.pos_ == "VERB" and holder.lemma_.lower() in APPEAR_VERBS:
                # "X stars in the title role": the verb's one subject
                subjects = _subjects(holder, ctx)
                actor = subjects[0][1] if len(subjects) == 1 else None
                status = _status(holder, ctx, holder.lemma_.lower())
            show = ctx.show_for(token)
            if actor and show:
                yield from _plays(ctx, actor, show, token, show, "cast.title_role", status)


rules.register("cast.plays_possessive", func=plays_possessive)


def cast_parts(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """Being in a show without a casting verb: "X will write a part for himself in the episode", "I'm going
    to be in a remake of SHOW", "taking Dudley Moore's part" (the part Moore had in the show)."""
    words = sentence_words(sent)
    if not ctx.shows or _sporty(sent) or not (PART_NOUNS & words or {"in", "has", "have"} & words):
        return
    doc = sent.doc
    for token in token_list(sent):
        lemma = token.lemma_.lower()
        # "X will write a part for himself (in the episode)"
        if lemma in ("write", "create") and token.pos_ == "VERB":
            part = next((c for c in token.children if c.dep_ == "dobj" and c.lower_ in PART_NOUNS), None)
            places = [*token.children, *(part.children if part is not None else ())]
            fors = [c for c in places if c.dep_ in ("prep", "dative") and c.lower_ == "for"]
            himself = [g for c in fors for g in c.children if g.lower_ in REFLEXIVES]
            if part is not None and himself:
                show = _prep_show(token, ctx) or _prep_show(part, ctx) or ctx.show_for(token)
                for _, name in _subjects(token, ctx):
                    yield from _cast(ctx, show, name, token, "cast.own_part", _status(token, ctx, lemma))
        # "I'm going to be in a remake of SHOW", "He was in SHOW"
        if lemma == "be" and token.pos_ == "AUX" and not any(c.dep_ in ("attr", "acomp") for c in token.children):
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                show = show_at(pobj, ctx) if pobj.ent_type_ == "SHOW" else None
                if show is None and pobj.lower_ in ("remake", "sequel", "film", "series", "episode", "cast"):
                    show = show_in_subtree(pobj)
                if show:
                    for subject, name in _subjects(token, ctx):
                        if subject.ent_type_ == "PERSON" or subject.pos_ == "PRON":
                            yield from _cast(ctx, show, name, token, "cast.be_in", _status(token, ctx))
        # "Matthew Perry, who played Chandler, ... has a film, T, in production": an actor's own film
        if lemma == "have" and token.pos_ in ("VERB", "AUX"):
            work = next(
                (c for c in token.children if c.dep_ == "dobj" and c.lower_ in ("film", "movie", "series")), None
            )
            show = show_at(work, ctx) if work is not None else None
            if show and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in work.children):
                for _, name in _subjects(token, ctx):
                    if name in ctx.memo.get("actors", ()):
                        yield from _cast(ctx, show, name, token, "cast.has_film", _status(token, ctx))
        # "taking Dudley Moore's part": the part a person had in the show the sentence names
        if token.lower_ in PART_NOUNS and token.i >= sent.start + 2 and doc[token.i - 1].text in POSSESSIVE_MARKS:
            owner = doc[token.i - 2]
            show = ctx.show_for(token, default=False)
            if owner.ent_type_ == "PERSON" and show and _screen_sentence(sent):
                name = person_at(owner, ctx)
                if name:
                    yield from _cast(ctx, show, name, token, "cast.possessive_part", ("confirmed", ()))


rules.register("cast.parts", func=cast_parts)


#: Labels a name after a possessive never has when it is a character.
NOT_CHARACTER_LABELS = frozenset(
    {"SHOW", "PLATFORM", "OUTLET", "AGGREGATOR", "SEASON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
     "PERCENT", "QUANTITY", "LANGUAGE", "EVENT", "LAW"}
)  # fmt: skip
#: Role cues (see ``aliases.ROLE_WORDS``) of people who act, so their possessive may name a role.
ACTING_ROLES = frozenset({"actor", "comedian"})


def _article_people(ctx: ArticleContext) -> tuple[set[str], set[str], set[str]]:
    """(people, cast, crew) of the article as the earlier rules found them (``ctx.memo["found"]``)."""
    cached = ctx.memo.get("people")
    if cached is not None:
        return cached
    people: set[str] = set()
    cast: set[str] = set()
    crew: set[str] = set()
    for fact in ctx.memo.get("found", ()):
        if fact.relation == "plays":
            cast.add(fact.subject)
        elif fact.relation == "cast_member" and isinstance(fact.object, str):
            cast.add(fact.object)
        elif fact.relation in ("directed_by", "written_by", "created_by", "produced_by") and isinstance(
            fact.object, str
        ):
            crew.add(fact.object)
        if fact.subject_type == "Person":
            people.add(fact.subject)
        if fact.object_type in ("Person", "Agent") and isinstance(fact.object, str):
            people.add(fact.object)
    if ctx.aliases is not None:
        people.update(ctx.aliases.roles)
    ctx.memo["people"] = (people, cast, crew)
    return people, cast, crew


def _hyphenated_given_name(span: Span) -> bool:
    """ "Dong-eun", "Yeo-jeong": a romanised given name, which the small model often calls a place."""
    return len(span) == 3 and span[1].text == "-" and span[0].is_title and span[2].is_lower and len(span.text) <= 12


def possessive_role(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "Song Hye-kyo's Dong-eun": an actor's possessive before a name that is nobody the article knows.

    The owner must be an actor: a cast member of the article, or, failing that, the owned name must
    read as a character's (a person-like name, not a company, place or title) in a sentence about the
    screen. Not roles: "Netflix's
    The Glory" (a platform's show), "Gervais' new sitcom" (a creator's show), "Lee's representation",
    "Hugh Grant's Notting Hill home" (the name describes a noun), "Gervais's Merchant" (a known person).
    A late rule: it reads the cast and crew the other rules found in the whole article.
    """
    if not ctx.shows or not POSSESSIVE_MARKS & sentence_words(sent) or _sporty(sent):
        return
    doc = sent.doc
    for token in token_list(sent):
        if token.text not in POSSESSIVE_MARKS or token.i == sent.start or token.i + 1 >= sent.end:
            continue
        owner, owned = doc[token.i - 1], doc[token.i + 1]
        if owner.ent_type_ != "PERSON" or owned.pos_ != "PROPN" or not owned.is_title:
            continue
        span = name_span(owned)
        if span.start != owned.i or span.label_ in NOT_CHARACTER_LABELS:
            continue
        if any(c.dep_ == "relcl" and any(g.lower_ == "which" for g in c.children) for c in owned.children) or (
            span.end + 1 < sent.end and doc[span.end].text == "," and doc[span.end + 1].lower_ == "which"
        ):
            continue  # "Steve Coogan's Baby Cow, which created ...": a company or a thing, not a character
        after = doc[span.end] if span.end < sent.end else None
        if after is not None and after.text == "-" and span.end + 1 < sent.end and doc[span.end + 1].is_lower:
            continue  # "Michael Moore's Bush-baiting documentary": the name is part of a modifier
        if after is not None and after.is_lower and after.pos_ in ("NOUN", "PROPN", "ADJ") and after.dep_ != "ROOT":
            continue  # "Hugh Grant's Notting Hill home", "Gervais's Office co-star" (a noun read as the only
            # root is a misread verb: "X's Dong-eun wins")
        actor = person_at(owner, ctx)
        if not actor:
            continue
        people, cast, crew = _article_people(ctx)
        character = clean_name(span.text)
        known = ctx.aliases.canonical(character, owned.i) if ctx.aliases is not None else character
        if known in people or fold(known) == fold(actor) or any(fold(s) == fold(character) for s in ctx.shows):
            continue
        owner_span = name_span(owner)
        if len(span) > 1 and not _hyphenated_given_name(span) and len(owner_span) < 2 and actor not in cast:
            continue  # "Will and Grace's Debra Messing", "Ray's Taylor Hackford": a title's person, no role
        if owner_span.start > sent.start and (doc[owner_span.start - 1].is_title or doc[owner_span.start - 1].lower_
                                               in ("and", "of", "the")):  # fmt: skip
            continue  # "Dead Man's Shoes", "Captain Corelli's Mandolin": a possessive inside a title
        roles = ctx.aliases.roles.get(actor, set()) if ctx.aliases is not None else set()
        if actor not in cast:
            if actor in crew or (roles and not roles & ACTING_ROLES):
                continue  # "James Cameron's Titanic": a director's film, not a role
            if span.label_ not in ("", "PERSON") and not _hyphenated_given_name(span):
                continue  # "Branson's Virgin"
            if not _screen_sentence(sent):
                continue  # "Tony Blair's Labour won": nothing says the owner acts
        show = ctx.show_for(owned)
        yield from _plays(ctx, actor, character, owned, show, "cast.possessive", ("confirmed", ()))


possessive_role.scope = "late"  # type: ignore[attr-defined]
rules.register("cast.possessive_role", func=possessive_role)


def cast_appears(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X stars/appears in SHOW", "X has signed up for SHOW", "A and B lead SHOW", "SHOW stars X"."""
    if not ctx.shows or not APPEAR_TRIGGERS & sentence_words(sent) or _sporty(sent):
        return
    for verb in token_list(sent):
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") and not (
            verb.lower_ == "stars" and verb.i + 1 < sent.end and verb.nbor(1).lower_ in ("in", "as")
        ):
            continue  # "Ray star Jamie Foxx" is a noun; "X stars in Y" misread as one is still a verb
        participle = verb.lower_ == "starring" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
        inverted = [
            c
            for c in verb.children
            if verb.lower_ == "starring" and c.dep_ == "aux" and c.lemma_ == "be" and c.i > verb.i
        ]
        if inverted:
            # "Also starring are A and B" (the copula after the participle): the article's show
            show = _prep_show(verb, ctx) or ctx.show_for(verb)
            for attr in (a for aux in inverted for a in aux.children if a.dep_ in ("attr", "nsubj")):
                for person in conjuncts(attr):
                    name = person_at(person, ctx)
                    if name:
                        yield from _cast(ctx, show, name, verb, "cast.starring", _status(verb, ctx))
            continue
        if (lemma in APPEAR_VERBS or lemma in SIGNUP_VERBS) and not participle:
            if lemma == "appear" and any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
            ):
                continue  # "there doesn't appear to be", "he appeared to have died": seeming, not appearing
            if lemma == "cast" and not any(c.dep_ == "nsubjpass" for c in verb.children):
                continue  # "The producers cast X in Y": only the passive's subject ("X has been cast in") acts
            if any(
                c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ in CREW_TITLES for g in c.subtree)
                for c in verb.children
            ):
                continue  # "X will return as showrunner on Season 2": crew, read by the credit rules
            show = _prep_show(verb, ctx)
            if show is None and (_in_someones_work(verb) or _relative_about_other(verb, ctx)):
                continue  # "stars in comedy The Matador" (title untagged), "Garden State, which he starred in"
            if lemma in SIGNUP_VERBS and show is None and not _has_cast_object(verb):
                continue
            star_returns = lemma == "return" and show is None and _star_subject(verb, ctx)
            if lemma == "return" and show is None and not star_returns:
                continue  # (but "with original star X expected to return": the article's show)
            if (
                lemma in APPEAR_VERBS - {"star", "appear", "guest", "co-star", "costar", "cameo"}
                and show is None
                and not star_returns
            ):
                continue
            if show is None and lemma == "appear" and not _screen_sentence(sent):
                continue  # "Osbourne appears more than any other act": in a chart, not on screen
            if show is None and _elsewhere(verb) and ctx.show_for(verb, default=False) is None:
                continue  # "appeared in Hollywood movies", "will appear at the festival": not in this show
            show = show or ctx.show_for(verb)
            status = _status(verb, ctx, lemma)
            subjects = _subjects(verb, ctx)
            show_subject = next((show_at(c, ctx) for c in verb.children if c.dep_ == "nsubj" and show_at(c, ctx)), None)
            sequel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in SEQUEL_NOUNS), None)
            if show_subject and sequel is not None:
                # "The sequel to X stars A and B": they star in the sequel (the article's show), not in X
                show_subject = ctx.default_show if ctx.default_show != show_subject else None
                if show_subject is None:
                    continue
            if show_subject:
                # "SHOW stars X and Y", "The sitcom Dry Dock stars X"
                show = show_subject
                for obj in [c for c in verb.children if c.dep_ == "dobj"]:
                    for person in conjuncts(obj):
                        name = person_at(person, ctx)
                        if name:
                            yield from _cast(ctx, show, name, verb, "cast.show_stars", status)
                continue
            before = verb.i - 1
            while before > sent.start and verb.doc[before].lower_ in ("guest", "-", "co"):
                before -= 1  # "X guest-stars in Y": the tokenizer splits "guest", "-", "stars"
            if not subjects and before >= sent.start and verb.doc[before].ent_type_ == "PERSON":
                # "Kim Ha-neul stars in X" with "stars" misread as a noun: the name right before is the subject
                name = person_at(verb.doc[before], ctx)
                subjects = [(verb.doc[before], name)] if name else []
            for _, name in subjects:
                yield from _cast(ctx, show, name, verb, f"cast.{lemma}", status)
            untagged = any(
                t.dep_ == "pobj"
                and t.head.lower_ == "in"
                and t.pos_ == "PROPN"
                and t.ent_type_ not in ("SHOW", "GPE", "LOC", "FAC", "DATE")
                for t in verb.subtree
            )  # ("appeared opposite Y in Chocolat", the title untagged: not the context's show)
            if subjects and lemma in ("star", "co-star", "costar", "appear") and not untagged:
                # "X will star opposite/alongside Y": Y is in the cast too
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("opposite", "alongside")):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        for person in conjuncts(pobj):
                            name = person_at(person, ctx) if person.ent_type_ == "PERSON" else None
                            if name:
                                yield from _cast(ctx, show, name, verb, f"cast.{lemma}", status)
        elif lemma in JOIN_VERBS:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            show = (show_at(obj, ctx) or show_in_subtree(obj)) if obj is not None else None
            if show is None and obj is not None and lemma == "join" and obj.lower_ in CAST_LIST_HEADS:
                # "X has joined the cast (of the drama)": the work the of-phrase refers to, else the article's show
                of = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
                show = next(
                    (
                        show_at(p, ctx)
                        for p in of
                        if p.dep_ == "pobj" and not any(d.lower_ in ("a", "an", "another") for d in p.children)
                    ),
                    None,
                )  # (not "the cast of a new film": an untitled production)
                if not of and [c.lower_ for c in obj.children] == ["the"]:
                    # (not "joins the all-star cast" of some other film the article names in passing)
                    show = ctx.show_for(verb, default=False) or ctx.default_show
            if show and not (obj.ent_type_ == "SHOW" and obj.ent_iob_ != "B" and obj.i > 0 and obj.nbor(-1).is_title):
                for subject, name in _subjects(verb, ctx):
                    if (subject.ent_type_ != "PERSON" and subject.pos_ != "PRON") or verb.i < subject.i:
                        continue  # "Joining X are Y": an inverted list of rival titles, not a cast
                    yield from _cast(ctx, show, name, verb, f"cast.{lemma}", _status(verb, ctx, lemma))
        elif participle:
            # "starring A, B and C" / "Starring in the saga is X"
            objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")] or [
                c for c in verb.head.children if c.dep_ in ("nsubj", "attr") and c.i > verb.i
            ]
            if verb.dep_ == "acl":
                # "The Aviator, starring X": the production it modifies, or, when that is no title found
                # ("a 1986 film, starring X"), no show rather than a guess.
                show = show_at(verb.head, ctx)
                sequel = _sequel_subject(verb.head, ctx)
                if sequel is not None and any(c.lower_ == "also" for c in verb.children):
                    show = sequel  # "A is the sequel to B, also starring X": X stars in the sequel, A
                if show is None:
                    continue
            else:
                # "A is the sequel to B, also starring X": X stars in the copula's subject A
                subject = (
                    next((c for c in verb.head.children if c.dep_ == "nsubj"), None) if verb.dep_ == "advcl" else None
                )
                subject_show = show_at(subject, ctx) if subject is not None and verb.head.lemma_ == "be" else None
                show = _prep_show(verb, ctx) or subject_show or _show_before_participle(verb, ctx)
                if show is None:
                    continue
            for obj in objs:
                for person in conjuncts(obj):
                    name = person_at(person, ctx)
                    if name:
                        yield from _cast(ctx, show, name, verb, "cast.starring", _status(verb.head, ctx))


def _star_subject(verb: Token, ctx: ArticleContext) -> bool:
    """Whether ``verb``'s subject is introduced as a star with no title before ("original star X", "its
    lead X"): "returns" then means to the article's show."""
    for person, _ in _subjects(verb, ctx):
        span = name_span(person)
        before = span.doc[span.start - 1] if span.start > span.sent.start else None
        if before is None or before.lower_ not in PERFORMER_NOUNS or not before.is_lower:
            continue
        first = span.doc[span.start - 2] if span.start - 2 >= span.sent.start else None
        if first is None or not (first.is_title or first.ent_type_):  # not "Holby City star X"
            return True
    return False


def _show_before_participle(verb: Token, ctx: ArticleContext) -> str | None:
    """The title a loose "..., starring X" follows: the sentence's last show before it, unless another
    capitalised name the show finder did not take stands between ("A, B and Garden State - starring X"),
    or the sentence names none ("re-make Flight of the Phoenix, at number eight, starring X")."""
    shows = label_spans(verb.doc, "SHOW", verb.sent.start, verb.i)
    if not shows or untagged_title_between(shows[-1].kb_id_ or shows[-1].text, verb):
        return None
    return shows[-1].kb_id_ or shows[-1].text


def untagged_title_between(show: str, anchor: Token) -> bool:
    """Whether a capitalised name the show finder did not take (no person, no show) stands between the
    sentence's last mention of ``show`` before ``anchor`` and ``anchor``: then ``anchor`` belongs to that
    untagged title ("A, B and Garden State - starring X", "Finding Neverland, with Johnny Depp as ...")."""
    doc = anchor.doc
    mentions = [e for e in label_spans(doc, "SHOW", anchor.sent.start, anchor.i) if (e.kb_id_ or e.text) == show]
    if not mentions:
        return False
    between = doc[mentions[-1].end : anchor.i]
    return any(
        t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in ("PERSON", "SHOW", "PLATFORM", "OUTLET")
        for t in between
    )


def _sequel_subject(title: Token, ctx: ArticleContext) -> str | None:
    """For a title in "A is the sequel to <title>", the show A (the subject of the copula), else None."""
    node = title
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lower_ in SEQUEL_NOUNS:
            sequel = node.head.head
            if sequel.dep_ == "attr":
                subject = next((c for c in sequel.head.children if c.dep_ == "nsubj"), None)
                return show_at(subject, ctx) if subject is not None else None
            return None
        if node.head is node:
            return None
        node = node.head
    return None


def _in_sequel_phrase(title: Token) -> bool:
    """Whether a title is the original in "the sequel to <title>" (statements there are about the sequel)."""
    doc = title.doc
    for i in range(title.i - 1, max(title.sent.start, title.i - 7), -1):
        if doc[i].lower_ == "to" and i > 0 and doc[i - 1].lower_ in SEQUEL_NOUNS:
            return True  # "the sequel to (the Ben Stiller comedy) Meet The Parents"
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX"):
            return False
    return False


def _prep_show(verb: Token, ctx: ArticleContext, *, descriptions: bool = True) -> str | None:
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in ("in", "on", "for", "up"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    # "in a new comedy": an untitled production, never the article's show by reference
                    new_work = grand.lower_ not in PART_NOUNS | {"episode", "cameo"} and any(
                        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in grand.children
                    )
                    described = show_at(grand, ctx) if descriptions and not new_work else None
                    found = show_in_subtree(grand) or described
                    if found:
                        return found
                    if not descriptions or new_work:
                        continue
                    if grand.lower_ in ("episode", "episodes", "show", "series", "sitcom", "drama", "film", "roles",
                                        "role", "part", "cast", "season", "seasons"):  # fmt: skip
                        return ctx.show_for(verb)
                if grand.dep_ == "prep":
                    found = _prep_show(child, ctx, descriptions=descriptions)
                    if found:
                        return found
        if child.dep_ == "prep" and child.lower_ == "as":  # "stars as a hit man in comedy The Matador"
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found = _prep_show(grand, ctx, descriptions=descriptions)
                    if found:
                        return found
        if child.dep_ == "xcomp":
            found = _prep_show(child, ctx, descriptions=descriptions)
            if found:
                return found
    return None


def _elsewhere(verb: Token) -> bool:
    """Whether an appearing verb says where, and that place is no show ("in Hollywood movies", "in his
    book", "at the festival", "on Playschool" when Playschool was not found as a show)."""
    return any(
        child.dep_ == "prep" and child.lower_ in ("in", "on", "at") and any(g.dep_ == "pobj" for g in child.children)
        for child in verb.children
    )


def _has_cast_object(verb: Token) -> bool:
    return any(c.lower_ in ("roles", "role", "part", "parts", "cast") for c in verb.subtree)


rules.register("cast.appears", func=cast_appears)


def cast_lists(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "The cast includes A, B and C", "SHOW actress X", "X in SHOW" captions, "A and B are the finalists"."""
    if not ctx.shows:
        return
    doc = sent.doc
    tokens = sent if (PERFORMER_NOUNS | CAST_LIST_HEADS) & sentence_words(sent) else ()
    for token in tokens:
        lemma = token.lemma_.lower()
        # "The (ensemble) cast includes A, B, and C", "The cast of the drama X includes A and B"
        if lemma in ("include", "feature", "comprise", "boast") and _cast_list_verb(token):
            show = ctx.show_for(token)
            for obj in [c for c in token.children if c.dep_ == "dobj"]:
                for person in conjuncts(obj):
                    name = person_at(person, ctx)
                    if name:
                        yield from _cast(ctx, show, name, token, "cast.list", _status(token, ctx))
        # "A, B and C are the remaining finalists"
        if lemma == "be" and not _sporty(sent):
            attr = next((c for c in token.children if c.dep_ == "attr"), None)
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if attr is not None and subj is not None and _cast_description(attr):
                show = ctx.show_for(token)
                for person in conjuncts(subj):
                    name = person_at(person, ctx) or (_name_of(person) if person.pos_ == "PROPN" else None)
                    if name:
                        yield from _cast(ctx, show, name, token, "cast.copula", _status(token, ctx))
        # "Friends actress Lisa Kudrow", "Extras star Ben Stiller"
        if token.ent_type_ == "SHOW" and token.ent_iob_ == "B" and not _in_sequel_phrase(token):
            span = name_span(token)
            word_end = span.end + 1
            if doc[span.end : span.end + 3].text.lower() in ("co-star", "co - star") and span.end + 3 < sent.end:
                word_end = span.end + 3  # "co", "-", "star" as the tokenizer splits it
            elif not (span.end < sent.end and doc[span.end].lower_ in PERFORMER_NOUNS and doc[span.end].is_lower):
                word_end = sent.end
            if word_end < sent.end and doc[word_end].text == ",":
                word_end += 1  # "Kudrow's Friends co-star, David Schwimmer, plays ..."
            if word_end < sent.end:
                person_token = doc[word_end]
                if person_token.ent_type_ == "PERSON":
                    name = person_at(person_token, ctx)
                    title = span.kb_id_ or span.text
                    if span[0].lower_ in ("former", "ex", "veteran") and len(span) > 1:
                        title = span[1:].text  # "Former Holby City actor X": the adjective is no part of the title
                    dashes = [t.i for t in span if t.text in ("-", "–") and t.whitespace_]
                    if dashes and dashes[-1] + 1 < span.end:
                        title = doc[dashes[-1] + 1 : span.end].text  # "her husband X - Troy actress Y"
                    if span[-1].lower_ in FIELD_WORDS:
                        continue  # "nominations for Don Cheadle and British actress X": a nationality, no title
                    if name:
                        yield from _cast(ctx, title, name, person_token, "cast.show_star", ("confirmed", ()))
    # "Song Hye-kyo in The Glory" (a caption: a name, "in", a show and nothing else)
    words = [t for t in token_list(sent) if not t.is_space and not t.is_punct]
    if 3 <= len(words) <= 10:
        person = name_span(words[0])
        if person.label_ == "PERSON" and person.end < sent.end and doc[person.end].lower_ == "in":
            rest = [t for t in doc[person.end + 1 : sent.end] if not t.is_space and not t.is_punct]
            if rest and all(t.ent_type_ == "SHOW" for t in rest):
                name = person_at(words[0], ctx)
                show = show_at(rest[0], ctx)
                if name and show:
                    yield from _cast(ctx, show, name, words[0], "cast.caption", ("confirmed", ()))


def _cast_description(attr: Token) -> bool:
    """Whether the predicate of "A and B are the finalists" puts them in a cast: a performer noun, not an
    award category ("X was best actor") nor a trade ("X was an actor of great charm") unless it says where."""
    if attr.lower_ not in PERFORMER_NOUNS - {"star", "stars", "lead"}:
        return False
    if any(c.lower_ in ("best", "top") for c in attr.children):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children):
        return any(c.dep_ == "prep" and c.lower_ in ("in", "on") for c in attr.children)
    return True


#: Subjects of "include" that name a cast, with the modifier each needs ("cast members", "guest stars").
CAST_LIST_SUBJECTS = {"members": {"cast"}, "additions": {"cast", "new"}, "stars": {"guest"}}


def _cast_list_verb(verb: Token) -> bool:
    """Whether ``verb`` ("includes") lists a cast: its subject is a cast noun, or the parse hangs the verb
    inside the cast noun's of-phrase ("The cast of the drama X includes ..." read as "X includes")."""
    if any(c.dep_ == "nsubj" and c.lower_ in CAST_LIST_HEADS for c in verb.children):
        return True
    if any(
        c.dep_ == "nsubj"
        and c.lower_ in CAST_LIST_SUBJECTS
        and any(m.lower_ in CAST_LIST_SUBJECTS[c.lower_] for m in c.children if m.dep_ in ("compound", "amod"))
        for c in verb.children
    ):
        return True  # "Returning cast members include A and B", "New cast additions include ..."
    node = verb
    while node.head is not node:
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in CAST_LIST_HEADS:
            return True
        if node.dep_ not in ("relcl", "acl", "pobj", "appos", "compound"):
            return False
        node = node.head
    return False


rules.register("cast.lists", func=cast_lists)
