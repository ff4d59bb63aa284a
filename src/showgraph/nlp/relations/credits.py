"""Credit relations: ``directed_by``, ``written_by``, ``created_by``, ``produced_by``, ``presented_by``.

Constructions (role words and verbs are data in ``patterns/credits.json``):

- a role noun before a name: "director X", "The Glory director X", "its creator X", "judges A, B and C";
- a name ``as`` a role: "X will return as showrunner and executive producer";
- a credit verb: "X directed SHOW", "X will direct and co-write SHOW", "X is writing an episode of SHOW",
  "X created SHOW", "X hosts SHOW"; passives: "directed by X", "written by X (Other Show)";
- coordinated verbs share a show or an agent: "X wrote, directed and starred in SHOW", "written and directed
  by X", "T, written, directed and starring X"; gerunds: "won an award for writing and directing her film T";
- possessive and attributive credits: "X's SHOW", "a Russell T Davies drama", "X was behind SHOW"; an actor's
  ("star X" elsewhere in the article) gives cast_member instead; "X's film" without a title only for a show
  the article names with X; "X's script" is written_by;
- "the creator of SHOW ..." followed by the named person in the next sentence;
- "The drama hails from writer X, who will also serve as showrunner", "X is the writer and creator of the
  series", "X was replaced as host by Y", "X will executive produce alongside Y", "... as executive producer
  alongside Y Pictures", "The judging panel includes A and B" (the sentence's or headline's show).

An indefinite object ("X is writing a new drama") is an untitled production: no credit on a named show; a
passive whose subject is an untagged title ("The All New T was fronted by X") borrows no show.

Not credits: posts in organisations ("festival director", "founder and director", "Directors Guild"),
award presenters ("presented with the award by X", "Producer X presented the award"), trades ("worked as
a screenwriter"), songs and books ("a song written by X"), source authors ("created by author X"), and a
role noun in a sentence naming no title unless the article ties the person to the show (not at all in an
article about a stage production).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from showgraph.facts import Fact
from showgraph.nlp.aliases import fold, person_at, show_at
from showgraph.nlp.context import (
    ArticleContext,
    conjuncts,
    label_spans,
    name_span,
    sentence_bounds,
    sentence_words,
    show_in_subtree,
    span_ents,
    token_list,
)
from showgraph.nlp.lexicon import (
    ACTOR_NOUNS,
    ACTOR_VERBS,
    ANAPHORIC_WORKS,
    AUTHOR_TITLES,
    AWARD_NOUNS,
    IN_SENTENCE_ONLY,
    MAKER_FORMS,
    MAKER_NOUNS,
    MAKER_VERBS,
    ORGANISATION_WORDS,
    OTHER_WORKS,
    PROFESSION_MODIFIERS,
    patterns,
)
from showgraph.nlp.matchers import first_matches, matches
from showgraph.nlp.relations import rules
from showgraph.nlp.relations.cast import POSSESSIVE_MARKS, surname_as_show, untagged_title_between
from showgraph.nlp.relations.release import off_screen


@cache
def lexicon() -> dict[str, dict[str, str]]:
    """Role nouns and verbs -> relation, from ``patterns/credits.json``."""
    return dict(patterns("credits"))


@cache
def _role_words() -> frozenset[str]:
    return frozenset(lexicon()["role_nouns"]) | {"producer", "producers"}


@cache
def _verb_words() -> frozenset[str]:
    return frozenset(lexicon()["verbs"])


@cache
def _stage_cues() -> frozenset[str]:
    return frozenset(lexicon()["stage_cues"])


@cache
def _work_nouns() -> frozenset[str]:
    return frozenset(lexicon()["work_nouns"])


def _credit(ctx: ArticleContext, relation: str, show: str | None, person: str | None, where: Token | Span,
            rule: str, status: tuple[str, tuple[str, ...]]) -> Iterator[Fact]:  # fmt: skip
    if not show or not person or fold(show) == fold(person):
        return
    sentence = where.sent if isinstance(where, Token) else where.doc[where.start].sent
    if surname_as_show(show, person):
        return
    if off_screen(sentence):  # FORMAT covers screen productions only: no stage or radio credits
        return
    qualifiers = {"season": ctx.season_for(where)} if relation in ("directed_by", "written_by", "presented_by") else {}
    kind = (
        "Organization"
        if relation == "produced_by" and ctx.kinds.get(person) != "Person" and " " not in person
        else None
    )
    yield ctx.fact(relation, show, person, where, rule, qualifiers=qualifiers, status=status[0], cues=status[1],
                   object_kind=kind)  # fmt: skip


def _role_of(token: Token) -> str | None:
    """The relation a role noun stands for ("director" -> directed_by, "executive producer" -> produced_by)."""
    roles = lexicon()["role_nouns"]
    lower = token.lower_
    if lower == "partner" and (token.i == 0 or token.doc[token.i - 1].lower_ != "writing"):
        return None
    if lower in ("producer", "producers") and token.i > 0 and token.doc[token.i - 1].lower_ in ("executive", "co"):
        return roles.get("executive producer")
    return roles.get(lower)


def _role_show_phrase(role: Token) -> bool:
    """Whether a role noun has its own "on/for/of SHOW" phrase ("as a writer on The Office")."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("on", "for", "of") and show_in_subtree(c) is not None for c in role.children
    )


def _organisational(role: Token) -> bool:
    """Whether a role noun names a post in an organisation ("Festival director X", "BIFA founder and
    director X", "director of the festival"), which is no production credit."""
    before = [g for c in role.lefts if c.dep_ in ("compound", "amod", "nmod", "poss", "conj") for g in c.subtree]
    if any(t.lower_ in ORGANISATION_WORDS or t.ent_type_ in ("ORG", "EVENT", "FAC") for t in before):
        return True
    # the same read off the words when the parse hangs them elsewhere: "BIFA founder and director X"
    doc = role.doc
    for i in range(role.i - 1, max(role.sent.start, role.i - 4) - 1, -1):
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "ADP", "DET"):
            break
        if doc[i].lower_ in ORGANISATION_WORDS:
            return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ORGANISATION_WORDS for g in c.subtree)
        for c in role.children
    )


def _hands_an_award(person: Token) -> bool:
    """Whether ``person`` is the subject of presenting or handing out a prize ("X presented the award")."""
    verb = person.head
    if person.dep_ != "nsubj" or verb.lemma_.lower() not in ("present", "hand", "give", "host"):
        return False
    return any(c.dep_ in ("dobj", "dative") and c.lower_ in AWARD_NOUNS for c in verb.children)


def _show_type_before(role: Token) -> bool:
    """Whether a role noun follows a kind of show ("chat show host", "game show presenter", "talk-show host")."""
    doc = role.doc
    i = role.i - 1
    return (
        i > role.sent.start
        and doc[i].lower_ in ("show", "shows", "programme")
        and doc[i - 1].is_lower
        and doc[i - 1].pos_ in ("NOUN", "PROPN", "VERB")
    )


def _show_of_role(role: Token, ctx: ArticleContext, relation: str | None = None) -> str | None:
    """The show a role noun belongs to: "The Glory director", "the creator of X", "its creator" -> context."""
    for child in role.children:
        if child.ent_type_ == "SHOW":
            return show_at(child, ctx)
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "for"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = show_at(pobj, ctx) or show_in_subtree(pobj)
                if found:
                    return found
    before = role.doc[role.i - 1] if role.i > 0 else None
    if before is not None and before.ent_type_ == "SHOW":
        return show_at(before, ctx)
    modifiers = [c for c in role.children if c.dep_ in ("compound", "amod", "nmod") and c.i < role.i]
    if any(c.lower_ in PROFESSION_MODIFIERS for c in modifiers):
        # "TV presenter Anne Robinson": a profession, not a credit, unless the clause names the show (not a
        # relative clause about another one: "will host the programme, which follows SHOW")
        shows = label_spans(role.doc, "SHOW", role.sent.start, role.sent.end)
        own = [e for e in shows if not _in_other_clause(e.root, role.head)]
        return ctx.show_for(role, default=False) if own else None
    previous = role.doc[role.i - 1] if role.i > role.sent.start else None
    if (
        previous is not None
        and previous.ent_type_ != "SHOW"
        and (
            (previous.pos_ == "PROPN" and previous.is_title and previous.ent_type_ != "PERSON")
            or (previous.like_num and role.i - 2 >= role.sent.start and role.doc[role.i - 2].is_title)
        )
    ):
        return None  # "Film 2005 presenter X" parsed loosely: an untagged title before the role noun
    if any(c.pos_ == "PROPN" or (c.pos_ == "NOUN" and c.lower_ not in ("series", "show")) for c in modifiers):
        # "Cold Mountain director X", "Top of the Pops presenter X", "chat show host X": the role belongs to
        # a title or field the show finder did not take, not to some other show of the article.
        return None
    work = _work_subject(role)
    if work is not None:
        # "The drama hails from writer X", "The series comes from creator X": the show the subject stands for
        return show_at(work, ctx) or ctx.show_for(role, default=relation not in IN_SENTENCE_ONLY)
    if relation in IN_SENTENCE_ONLY:
        # only the sentence's own show, or the show the headline names (the article is about it); never
        # the previous sentence's title ("Producer X said ..." after a sentence about another film)
        return ctx.show_for(role, default=False) or (ctx.default_show if _headline_show(ctx) else None)
    return ctx.show_for(role, default=False) or _context_show(role, ctx)


def _work_subject(role: Token) -> Token | None:
    """For a role noun in "The drama hails/comes from writer X" ("is from", "is by"), the subject "the drama"
    when it is a bare work noun after "the" or "its" (it stands for the article's show), else None."""
    person = role.head if role.dep_ in ("compound", "nmod") else role
    if person.dep_ != "pobj" or person.head.lower_ not in ("from", "by"):
        return None
    verb = person.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in ANAPHORIC_WORKS | {"thriller", "comedy", "serial", "miniseries"}:
        return None
    children = list(subject.children)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its") for c in children)
    return subject if definite and not any(c.dep_ in ("amod", "compound", "nummod", "nmod") for c in children) else None


def _refers_back(sent: Span) -> bool:
    """Whether a sentence speaks of "the film" / "the show's" with nothing that makes it another one
    ("the 1960s film", "a film"): it then continues about the article's show."""
    for token in token_list(sent):
        if token.lower_ not in ANAPHORIC_WORKS or token.pos_ != "NOUN":
            continue
        children = list(token.children)
        if any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
            c.dep_ in ("amod", "compound", "nummod", "poss", "nmod") for c in children
        ):
            return True
    return False


def _stage_article(ctx: ArticleContext) -> bool:
    """Whether the article is about a stage production: at least two stage cues ("the musical", "West End",
    "Broadway", "pantomime", "stage debuts") in its text. A role noun in a sentence naming no title is then
    about that production, which FORMAT leaves out."""
    if "stage_article" not in ctx.memo:
        doc = ctx.doc

        def cue(token: Token) -> bool:
            lower = token.lower_
            if lower == "stage":
                return token.pos_ in ("NOUN", "ADJ") and not (
                    token.i > 0 and doc[token.i - 1].lower_ in ("this", "that")
                )
            if lower == "end":
                return token.i > 0 and doc[token.i - 1].lower_ == "west"
            return lower in _stage_cues() and token.pos_ in ("NOUN", "PROPN")

        cues = sum(1 for token in doc if cue(token))
        ctx.memo["stage_article"] = cues >= 2
    return ctx.memo["stage_article"]


def _context_show(role: Token, ctx: ArticleContext) -> str | None:
    """The show of a role noun in a sentence naming none ("Director X said ..."): the context's show when the
    headline names it or the article names the person with it elsewhere, else None (the person is as often
    credited on another film the article mentions in passing)."""
    show = ctx.show_for(role)
    if show is not None and _stage_article(ctx):
        return None  # "The show's director X" in an article about a musical: a stage credit
    if show is None or (show == ctx.default_show and (_headline_show(ctx) or _refers_back(role.sent))):
        return show
    nxt = role.doc[role.i + 1] if role.i + 1 < len(role.doc) else None
    person = person_at(nxt, ctx) if nxt is not None else None
    return show if _named_together(person, show, ctx) else None


def _headline_show(ctx: ArticleContext) -> bool:
    """Whether the article's main show is named in its headline (the article is about that show)."""
    from showgraph.nlp.entities import _in_headline

    main = ctx.default_show
    return bool(main) and _in_headline(main, ctx.article.title or "")


#: Verbs of "X was replaced as host by Y": the agent takes the role.
SUCCESSION_VERBS = frozenset({"replace", "succeed"})


def credits_roles(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "director X", "SHOW director X", "its creator X", "Judges A, B and C", "X ... as executive producer"."""
    if not ctx.shows or not _role_words() & sentence_words(sent):
        return
    doc = sent.doc
    for token in token_list(sent):
        relation = _role_of(token)
        if relation is None or (not token.is_lower and not token.is_sent_start and not token.is_title):
            continue
        if token.is_title and not token.is_sent_start and token.i > sent.start and not doc[token.i - 1].is_punct:
            continue  # "the Judge Dredd film", "the Directors Guild": a capitalised role word inside a name
        # role noun right before a name: "director Han Jun-Hee", "Judges Simon Cowell, ..."
        nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
        if nxt is not None and (nxt.ent_type_ == "PERSON" or (nxt.pos_ == "PROPN" and nxt.is_title)):
            span = name_span(nxt)
            if span.label_ in ("SHOW", "PLATFORM", "OUTLET", "GPE", "NORP", "DATE"):
                continue
            if _organisational(token) or any(t.lower_ in ORGANISATION_WORDS for t in doc[token.i : span.end]):
                continue  # "Directors Guild of Great Britain", "the Writers Guild of America's award"
            if "respectively" in sentence_words(sent):
                continue  # "writers A and B won for X and Y respectively": the pairing is beyond a role noun
            if _hands_an_award(span.root):
                continue  # "Producer X presented the award to Y": X gives a prize, no credit on the film
            if _show_type_before(token):
                continue  # "chat show host X": a kind of show, not the article's
            show = _show_of_role(token, ctx, relation)
            status = ctx.status(span.root)
            heads = [span.root]
            if token.lower_.endswith("s"):  # only a plural role noun spreads over a list: "Judges A, B and C"
                heads += [c for c in conjuncts(span.root) if c not in heads]
            for person_token in heads:
                person = person_at(person_token, ctx)
                yield from _credit(ctx, relation, show, person, token, "credits.role", status)
            continue
        # "X is the writer and creator of the series", "X is its showrunner"
        attr = token if token.dep_ == "attr" else token.head if token.dep_ == "conj" else None
        if (
            attr is not None
            and attr.dep_ == "attr"
            and attr.head.lemma_ == "be"
            and attr.pos_ == "NOUN"
            and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children)  # not "is a writer"
        ):
            show = _copula_role_show(attr, ctx)
            status = ctx.status(attr.head)
            for subject in (c for c in attr.head.children if c.dep_ == "nsubj"):
                for person_token in conjuncts(subject):
                    person = person_at(person_token, ctx) if person_token.ent_type_ not in ("ORG", "SHOW") else None
                    yield from _credit(ctx, relation, show, person, token, "credits.copula_role", status)
            continue
        # "X will return as showrunner and executive producer"
        if token.head.lower_ == "as" or (token.head.head.lower_ == "as" and token.dep_ == "conj"):
            as_token = token.head if token.head.lower_ == "as" else token.head.head
            verb = as_token.head
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and not _role_show_phrase(
                token
            ):
                continue  # "worked as a screenwriter for years": a trade, no credit on a show
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if verb.dep_ == "relcl":  # "writer X, who will also serve as showrunner"
                subjects = [verb.head if c.lower_ in ("who", "that") else c for c in subjects]
            if not subjects and verb.dep_ in ("xcomp", "conj", "advcl"):
                subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
            if not subjects and verb.dep_ in ("acl", "relcl"):
                subjects = [verb.head]
            if not subjects and verb.dep_ == "pcomp":  # "with X also returning as producer"
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "npadvmod")]
            if not subjects:
                prev = [t for t in doc[max(sent.start, verb.i - 4) : verb.i] if t.ent_type_ == "PERSON"]
                subjects = prev[-1:]
            if verb.lemma_.lower() in SUCCESSION_VERBS:
                # "X has been replaced as host by Y": the successor holds the role too
                by = [c for c in (*verb.children, *token.children) if c.dep_ == "agent" or c.lower_ == "by"]
                subjects = subjects + [p for c in by for p in c.children if p.dep_ == "pobj"]
                subjects += [c for c in verb.children if c.dep_ == "dobj"]  # "X replaced Y as host"
            status = ctx.status(verb)
            for subject in subjects:
                for person_token in conjuncts(subject):
                    person = person_at(person_token, ctx)
                    yield from _credit(ctx, relation, clause_show(verb, ctx), person, token, "credits.as_role", status)
            if relation == "produced_by" and subjects:
                # "X will return as executive producer alongside Y Pictures": the company produces it too
                for company in _companies_alongside(verb):
                    yield from _credit(ctx, relation, clause_show(verb, ctx), company, token, "credits.as_role", status)


rules.register("credits.roles", func=credits_roles)


def _companies_alongside(verb: Token) -> list[str]:
    """Companies named in an "alongside ORG" phrase of ``verb`` ("... as producer alongside Y Pictures")."""
    out = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "alongside":
            for pobj in prep.children:
                for company in conjuncts(pobj) if pobj.dep_ == "pobj" else []:
                    span = name_span(company)
                    if span.label_ == "ORG" and span.root.pos_ == "PROPN":
                        out.append(span.text)
    return out


def _verb_relation(verb: Token) -> str | None:
    return lexicon()["verbs"].get(verb.lemma_.lower()) or lexicon()["verbs"].get(verb.lower_)


def _object_show(verb: Token, ctx: ArticleContext) -> str | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "attr"):
            if child.pos_ == "NOUN" and (
                any(t.ent_type_ == "SHOW" for t in child.subtree) or _dated(child) or _indefinite(child)
            ):
                # not a show in a relative clause about another one, nor "the 1978 film" read as the article's,
                # nor "is writing a new drama": an untitled production, no show named before
                found = _show_in_own_phrase(child)
            else:
                found = show_at(child, ctx) or _show_in_own_phrase(child)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in ("on", "for", "of"):
            for pobj in child.children:
                found = show_at(pobj, ctx) or _show_in_own_phrase(pobj)
                if found:
                    return found
    if verb.dep_ == "conj":
        return _object_show(verb.head, ctx)
    return None


def _copula_role_show(role: Token, ctx: ArticleContext) -> str | None:
    """The show of "X is the writer of T / of the series / its showrunner": named in the role's phrase only."""
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "for"):
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = show_in_subtree(pobj) or show_at(pobj, ctx)
                if found and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in pobj.children):
                    return found
        if child.dep_ in ("poss", "compound") and (child.ent_type_ == "SHOW" or child.lower_ == "its"):
            return show_at(child, ctx) or (ctx.show_for(role) if child.lower_ == "its" else None)
    return None


def _executive(verb: Token) -> bool:
    """Whether a producing verb is "executive produce(s)" ("will executive produce", "is executive producing")."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ == "executive"


def _indefinite(noun: Token) -> bool:
    """Whether a noun phrase is indefinite ("a new drama", "another series"): a production not yet named."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _dated(noun: Token) -> bool:
    """Whether a work noun carries a year ("the 1978 film"): an earlier work, not the article's show."""
    return any(c.ent_type_ == "DATE" and c.like_num for c in noun.children)


def _show_in_own_phrase(token: Token) -> str | None:
    """A SHOW in ``token``'s phrase outside its relative clauses: "wrote an episode of X", not "wrote a song,
    which was used in the movie X"."""
    stack = [token]
    while stack:
        node = stack.pop()
        if node.ent_type_ == "SHOW":
            span = name_span(node)
            return span.kb_id_ or span.text
        stack.extend(
            c
            for c in node.children
            if c.dep_ not in ("relcl", "acl", "advcl") or c.lemma_.lower() in ("title", "call", "name", "dub")
        )  # "a show, titled X" names the show itself
    return None


def credits_verbs(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X directed SHOW", "X will direct and co-write SHOW", "directed by X", "X is writing an episode of SHOW"."""
    if not ctx.shows or not _verb_words() & sentence_words(sent):
        return
    for verb in token_list(sent):
        relation = _verb_relation(verb)
        if relation is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        status = ctx.status(verb)
        # passive: "directed by X", "Written by X (Other Show), the series is ..."
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        shared = not agents and verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children)
        if shared and not agents:
            agents = _starring_partner(verb)  # "written, directed and starring X": X made it too
        if shared and not agents:  # "written and directed by X": the first participle shares its partner's agent
            agents = [
                p
                for conj in verb.children
                if conj.dep_ == "conj" and _verb_relation(conj) is not None
                for c in conj.children
                if c.dep_ == "agent"
                for p in c.children
                if p.dep_ == "pobj"
            ]
        if agents:
            if relation == "presented_by" and _award_handed(verb):
                continue  # "was presented with the award by X", "an award ... presented by X"
            if _other_work(verb):
                continue  # "a song written by X", "the novel written by X": no screen credit
            for agent in agents:
                for person_token in conjuncts(agent):
                    if _source_author(person_token):
                        continue  # "created by author X": the source's author (adapted_from), no credit
                    person = person_at(person_token, ctx)
                    bracket = _bracket_show(person_token, ctx)
                    if bracket:
                        yield from _credit(ctx, relation, bracket, person, verb, "credits.bracket", ("confirmed", ()))
                    show = _passive_show(verb, ctx, default=relation not in IN_SENTENCE_ONLY)
                    if show and untagged_title_between(show, verb):
                        show = None  # "A, B and Garden State - written by X": the untagged last title's
                    yield from _credit(ctx, relation, show, person, verb, "credits.passive", status)
            continue
        # "has co-written" split by the tokenizer into "co", "-", "written": the clause hangs on "co".
        anchor = _prefix_token(verb)
        subjects = [c for c in (*verb.children, *anchor.children) if c.dep_ == "nsubj"]
        if not subjects and anchor is not verb:  # "A and B will co-host T": the subject hung on "will"
            auxes = [c for c in anchor.children if c.dep_ == "aux"]
            subjects = [c for a in auxes for c in a.children if c.dep_ == "nsubj"]
        node = anchor
        while (
            not subjects
            and node.head is not node
            and (node.dep_ in ("conj", "xcomp") or (node.dep_ == "acomp" and node.lower_ == "executive"))
        ):  # ("is executive producing T": "executive" read as an adjective)
            node = node.head
            subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if not subjects and anchor.dep_ == "relcl":
            subjects = [anchor.head]
        if not subjects:
            subjects = _gerund_doer(anchor)
        if not subjects:
            continue
        show = _object_show(verb, ctx) or _shared_object_show(verb, ctx)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:  # "X wrote and directed the pilot": the coordinated verb's object is shared
            obj = next(
                (
                    o
                    for c in verb.children
                    if c.dep_ == "conj" and _verb_relation(c)
                    for o in c.children
                    if o.dep_ == "dobj"
                ),
                None,
            )
        if show is None:
            definite = obj is not None and not any(c.lower_ in ("a", "an") for c in obj.children)
            if obj is not None and obj.lower_ in lexicon()["work_nouns"] and definite and not _dated(obj):
                # (not "co-wrote the 1978 film": a dated work is another, earlier one)
                show = clause_show(verb, ctx)
            elif (
                (obj is None and relation == "directed_by")
                or (obj is not None and obj.lower_ in ("it", "them"))
                or (obj is None and relation == "produced_by" and _executive(verb))
            ):
                show = ctx.show_for(verb)  # ("X will also executive produce")
        if show is None:
            continue
        if relation == "produced_by" and _executive(verb):
            # "X will executive produce alongside Y": Y is a producer too
            subjects = subjects + [
                p for c in verb.children if c.dep_ == "prep" and c.lower_ == "alongside" for p in c.children
                if p.dep_ == "pobj"
            ]  # fmt: skip
        for subject in subjects:
            if subject.lower_ in ("who", "that"):
                subject = node.head if node.dep_ == "relcl" else verb.head
            for person_token in conjuncts(subject):
                if person_token.ent_type_ in ("SHOW", "PLATFORM"):
                    continue
                person = person_at(person_token, ctx)
                yield from _credit(ctx, relation, show, person, verb, f"credits.{verb.lemma_.lower()}", status)


def _starring_partner(verb: Token) -> list[Token]:
    """The people of a "starring X" coordinated with a credit participle: "T, written, directed and starring X"."""
    queue, seen = [verb], []
    while queue:
        node = queue.pop()
        seen.append(node)
        for child in node.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and child not in seen:
                if child.lower_ == "starring":
                    return [c for c in child.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]
                queue.append(child)
    return []


def _award_handed(verb: Token) -> bool:
    """Whether a passive "presented/hosted by" is about a prize or a ceremony, not a show."""
    subject = [c for c in verb.children if c.dep_ == "nsubjpass"]
    heads = [*subject, verb.head] if verb.dep_ in ("acl", "advcl") else subject
    if any(h.lower_ in AWARD_NOUNS for h in heads):
        return True
    if verb.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lower_ in AWARD_NOUNS for c in verb.head.children):
        return True  # "received a special award for writing, presented by X"
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.lower_ in AWARD_NOUNS for g in c.subtree)
        for c in verb.children
    )


def _other_work(verb: Token) -> bool:
    """Whether a passive credit verb is about a song, a book or a stage work ("a song written by X")."""
    heads = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ in ("acl", "relcl"):
        heads.append(verb.head)
    return any(h.lower_ in OTHER_WORKS for h in heads)


def _source_author(person: Token) -> bool:
    span = name_span(person)
    return span.start > 0 and person.doc[span.start - 1].lower_ in AUTHOR_TITLES


def _shared_object_show(verb: Token, ctx: ArticleContext) -> str | None:
    """The show of a verb without an object coordinated with one that has it: "X wrote, directed and starred
    in SHOW" (the parse hangs "directed" and "starred" under "wrote" as xcomp or conj)."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    partners = [c for c in verb.children if c.dep_ in ("conj", "xcomp") and c.pos_ == "VERB"]
    seen: list[Token] = []
    while partners:
        partner = partners.pop()
        if partner in seen:
            continue
        seen.append(partner)
        for child in partner.children:
            if child.dep_ == "dobj" and _verb_relation(partner) is not None:
                found = show_at(child, ctx) or _show_in_own_phrase(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("in", "on") and partner.lemma_.lower() in ("star", "appear"):
                for pobj in child.children:
                    found = show_at(pobj, ctx) if pobj.dep_ == "pobj" else None
                    if found:
                        return found
        partners.extend(c for c in partner.children if c.dep_ in ("conj", "xcomp") and c.pos_ == "VERB")
    return None


def _gerund_doer(verb: Token) -> list[Token]:
    """Who does a credit gerund in a "for" phrase: "X won the award for writing and directing her film T"
    (the subject), "the critics praised X for directing T" (the object)."""
    node = verb
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ not in ("pobj", "pcomp") or node.head.lower_ != "for":
        return []
    governor = node.head.head
    if governor.pos_ == "NOUN" and governor.dep_ in ("dobj", "nsubjpass"):
        governor = governor.head  # "won the award for ...": the prize's verb
    if governor.pos_ not in ("VERB", "AUX"):
        return []
    people = [c for c in governor.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]
    return people or [c for c in governor.children if c.dep_ == "nsubj"]


def _prefix_token(verb: Token) -> Token:
    """The "co" of a verb the tokenizer split at its hyphen ("co", "-", "written"), else the verb."""
    doc = verb.doc
    split = verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ in ("co", "re")
    if split and not doc[verb.i - 2].whitespace_ and not doc[verb.i - 1].whitespace_:
        return doc[verb.i - 2]
    return verb


def clause_show(verb: Token, ctx: ArticleContext) -> str | None:
    """The show a credit verb's work noun stands for ("co-wrote the pilot episode"): a show named after
    the verb in the sentence, else one in the verb's own clause (not in a relative clause about
    someone's past work), else the article's main show."""
    sent = verb.sent
    shows = [e for e in span_ents(sent) if e.label_ == "SHOW"]
    after = [e for e in shows if e.start > verb.i and not _in_brackets(e) and not _in_other_clause(e.root, verb)]
    if after:
        return after[0].kb_id_ or after[0].text
    own = [e for e in shows if not _in_other_clause(e.root, verb) and not _in_brackets(e)]
    if own:
        return own[-1].kb_id_ or own[-1].text
    return ctx.main_show


def _in_brackets(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].text == "("


def _in_other_clause(token: Token, verb: Token) -> bool:
    for ancestor in token.ancestors:
        if ancestor == verb:
            return False
        if ancestor.dep_ in ("relcl", "acl", "appos") and verb not in ancestor.subtree:
            return True
    return False


def credits_scripts(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X and Y are refining the scripts for the series": who works on the scripts writes the show."""
    if not ctx.shows or not {"script", "scripts"} & sentence_words(sent):
        return
    for verb in token_list(sent):
        if verb.pos_ != "VERB" or _verb_relation(verb) is not None:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("script", "scripts")), None)
        if obj is None or not any(c.lower_ in ("the", "its", "his", "her", "their") for c in obj.children):
            continue
        show = show_in_subtree(obj) or clause_show(verb, ctx)
        for subject in [c for c in verb.children if c.dep_ == "nsubj"]:
            for person_token in conjuncts(subject):
                person = person_at(person_token, ctx)
                yield from _credit(ctx, "written_by", show, person, verb, "credits.scripts", ctx.status(verb))


rules.register("credits.scripts", func=credits_scripts)


def _owner(token: Token) -> bool:
    """Whether a name is an owner's possessive ("Philip Pullman's His Dark Materials"), not the work itself."""
    span = name_span(token)
    return span.end < len(token.doc) and token.doc[span.end].text in POSSESSIVE_MARKS


def _passive_show(verb: Token, ctx: ArticleContext, *, default: bool = True) -> str | None:
    """The show a passive credit is about: its subject, the phrase it modifies, else the context; a second
    participle ("written and directed by") asks its first.

    A participle that modifies something other than a production credits nothing: "a special award
    for writing, presented by Noel Gallagher", "an awards ceremony hosted by Jonathan Ross"."""
    if verb.dep_ == "conj" and verb.head.tag_ == "VBN" and _verb_relation(verb.head) is not None:
        return _passive_show(verb.head, ctx, default=default)
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            # (not a title in a relative clause about it: "The New X, which replaced SHOW, was fronted by")
            clauses = {t.i for c in child.children if c.dep_ == "relcl" for t in c.subtree}
            named = [t for t in child.subtree if t.ent_type_ == "SHOW" and t.i not in clauses]
            if named and all(_owner(t) for t in named):
                return None  # "The movie version of Dan Brown's novel": the author, taken for a title
            found = next((show_at(t, ctx) for t in named if not _owner(t)), None) or show_at(child, ctx)
            if found:
                return found
            if child.pos_ == "PROPN" and child.ent_type_ != "PERSON":
                # "Ocean's Eleven was directed by X", "The All New Y was fronted by X" (taken for a company)
                # with the title untagged: not the context's show
                return None
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children):
                return None  # "A remake of the 1960s film ... was directed by X": some other production
    if verb.dep_ in ("acl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        found = show_at(verb.head, ctx)
        if found:
            return found
        if verb.dep_ == "acl" and verb.head.lower_ not in _work_nouns():
            return None
    if verb.dep_ == "advcl" and verb.i > verb.head.i:
        # a trailing participle describes the main verb's object: "received a special award for writing,
        # presented by Noel Gallagher"
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return show_at(obj, ctx) or show_in_subtree(obj)
    if verb.dep_ == "advcl":  # "Written by X, the new series is directed by Y"
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                found = show_at(child, ctx) or show_in_subtree(child)
                if found:
                    return found
    return ctx.show_for(verb, default=default)


def _bracket_show(person: Token, ctx: ArticleContext) -> str | None:
    """ "X (Black Mirror)": the earlier show a credited person is known for."""
    span = name_span(person)
    doc = person.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "(" and doc[span.end + 1].ent_type_ == "SHOW":
        return show_at(doc[span.end + 1], ctx)
    return None


rules.register("credits.verbs", func=credits_verbs)


def named_as_maker(person: str, ctx: ArticleContext) -> bool:
    """Whether the article calls ``person`` a director, writer or creator somewhere ("director X",
    "X, who directed ...", "X's directorial debut"). An actor's name before a genre noun ("Jude Law film
    Closer") or an actor's possessive is a star credit, not a creator credit; only makers get those."""
    memo = ctx.memo.setdefault("named_as_maker", {})
    if person in memo:
        return memo[person]
    last = person.split()[-1].lower()
    found = False
    for token in ctx.doc:
        if token.lower_ != last or token.ent_type_ not in ("PERSON", ""):
            continue
        span = name_span(token)
        window = ctx.doc[max(0, span.start - 3) : min(len(ctx.doc), span.end + 4)]
        if any(t.lower_ in MAKER_NOUNS or t.lower_ in MAKER_FORMS for t in window):
            found = True
            break
        head = span.root.head
        if span.root.dep_ in ("nsubj", "pobj") and head.lemma_.lower() in MAKER_VERBS | {"by"}:
            found = True
            break
    memo[person] = found
    return found


def named_as_actor(person: str, ctx: ArticleContext) -> bool:
    """Whether the article calls ``person`` an actor or star somewhere: "star X", "starring X", "X plays"."""
    memo = ctx.memo.setdefault("named_as_actor", {})
    if person not in memo:
        last = person.split()[-1].lower()
        found = False
        for token in ctx.doc:
            if token.lower_ != last:
                continue
            span = name_span(token)
            before = ctx.doc[span.start - 1] if span.start > 0 else None
            head = span.root.head
            if (before is not None and before.lower_ in ACTOR_NOUNS) or (
                span.root.dep_ == "nsubj" and head.lemma_.lower() in ACTOR_VERBS
            ):
                found = True
                break
        memo[person] = found
    return memo[person]


def _someone_else_stars(sent: Span, owner: Span) -> bool:
    """Whether another name in the sentence is the one starring: "Emma Thompson to star in X drama Y"."""
    starring = any(t.lemma_.lower() in ACTOR_VERBS and t.pos_ == "VERB" for t in token_list(sent))
    return starring and any(e.label_ == "PERSON" and not (owner.start <= e.start < owner.end) for e in span_ents(sent))


def _named_together(person: str | None, show: str, ctx: ArticleContext) -> bool:
    """Whether some sentence of the article names both ``person`` (by surname) and ``show``: what lets
    "Spurlock's film" stand for the article's show rather than another of the person's films."""
    if not person:
        return False
    memo = ctx.memo.setdefault("named_together", {})  # asked once per role noun or possessive
    if (person, show) not in memo:
        memo[(person, show)] = _find_named_together(person, show, ctx)
    return memo[(person, show)]


def _find_named_together(person: str, show: str, ctx: ArticleContext) -> bool:
    last = person.split()[-1].lower()
    if last in (ctx.article.title or "").lower().split():
        return True  # "Gervais sitcom ...": the headline makes the article about the person's show
    for token in ctx.doc:
        if token.lower_ != last:
            continue
        shows = label_spans(ctx.doc, "SHOW", *sentence_bounds(ctx.doc, token.i))
        nearest = min(shows, key=lambda e: min(abs(e.start - token.i), abs(e.end - 1 - token.i)), default=None)
        if nearest is None or (nearest.kb_id_ or nearest.text) != show:
            continue
        own = name_span(token)
        between = ctx.doc[min(own.start, nearest.end) : max(own.end, nearest.start)]
        if not any(t.ent_type_ == "PERSON" and not own.start <= t.i < own.end for t in between):
            return True  # no one else's name between: "Spurlock's Super Size Me", not "Moore's X and Gibson's Y"
    return False


def _starred_in(owner: Span) -> bool:
    """Whether an attributive name is what someone stars in: "Y is to star in (a) Russell T Davies drama"."""
    doc = owner.doc
    before = owner.start - 1
    while before >= 0 and doc[before].lower_ in ("a", "an", "the", "new", "latest"):
        before -= 1
    return before >= 0 and doc[before].lower_ in ("in", "on")


def _star_credit(ctx: ArticleContext, show: str | None, person: str | None, where: Token, rule: str) -> Iterator[Fact]:
    """cast_member for an actor's possessive or attributive film ("Keanu Reeves' thriller X" in an article
    that calls Reeves a star), never on a stage or radio production."""
    if not show or not person or fold(show) == fold(person) or off_screen(where.sent):
        return
    status, cues = ctx.status(where)
    yield ctx.fact("cast_member", show, person, where, rule, qualifiers={"season": ctx.season_for(where)},
                   status=status, cues=cues)  # fmt: skip


def credits_possessive(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "Ricky Gervais' new sitcom", "a Russell T Davies drama", "X was behind SHOW"."""
    genre = _work_nouns()
    if not ctx.shows or not (genre | {"'s", "’s", "'", "’", "behind"}) & sentence_words(sent):
        return
    doc = sent.doc
    for token in token_list(sent):
        # "X's SHOW" / "X's new sitcom"
        if token.text in POSSESSIVE_MARKS and token.i > sent.start and doc[token.i - 1].ent_type_ == "PERSON":
            owner = doc[token.i - 1]
            owner_span = name_span(owner)
            owner_start = owner_span.start
            if (
                len(owner_span) == 1
                and owner_start > sent.start + 1
                and doc[owner_start - 1].lower_ in ("and", "of")
                and doc[owner_start - 2].is_title
                and doc[owner_start - 2].ent_type_ != "SHOW"
            ):
                continue  # "Bill and Ted's Excellent Adventure": a possessive inside a title
            rest = doc[token.i + 1 : min(token.i + 4, sent.end)]
            target = next((t for t in rest if t.ent_type_ == "SHOW" or t.lower_ in genre), None)
            if target is None or any(t.pos_ in ("VERB", "AUX", "ADP") for t in rest if t.i < target.i):
                continue
            if target.ent_type_ != "SHOW" and any(t.ent_type_ == "PERSON" for t in rest):
                continue
            show = show_at(target, ctx) if target.ent_type_ == "SHOW" else None
            if target.ent_type_ != "SHOW":
                # "X's film Y" names its title; "X's film" alone is the article's own show or nobody's we know
                # (another title in the sentence or the sentence before is as often someone else's film)
                nxt = doc[target.i + 1] if target.i + 1 < sent.end else None
                show = show_at(nxt, ctx) if nxt is not None and nxt.ent_type_ == "SHOW" else None
                show = show or ctx.show_for(target, default=False) or ctx.default_show
                if (
                    show
                    and (nxt is None or nxt.ent_type_ != "SHOW")
                    and not _named_together(person_at(owner, ctx), show, ctx)
                ):
                    continue
            person = person_at(owner, ctx)
            if person and person in ctx.memo.get("actors", ()) and target.ent_type_ == "SHOW":
                continue  # "The Office's Ricky Gervais"-like cast possessives are read by cast rules
            if person and named_as_actor(person, ctx) and not named_as_maker(person, ctx):
                # "Keanu Reeves' thriller X" where the article calls Reeves a star: his film as its star
                yield from _star_credit(ctx, show, person, target, "credits.possessive_star")
                continue
            # "adapted from X's script": the writer's credit
            relation = "written_by" if target.lower_ in ("script", "scripts", "screenplay") else "created_by"
            yield from _credit(ctx, relation, show, person, target, "credits.possessive", ctx.status(target))
        # "a Russell T Davies drama": a person's name used attributively before a genre noun
        if token.lower_ in genre and token.i > sent.start and doc[token.i - 1].ent_type_ in ("PERSON", "ORG"):
            owner = name_span(doc[token.i - 1])
            if owner.end != token.i or len(owner) < 2 or not any(t.pos_ == "PROPN" for t in owner):
                continue
            det = doc[owner.start - 1] if owner.start > 0 else None
            if det is None or det.pos_ in ("PROPN", "VERB", "AUX") or det.text in ("'s", "’s"):
                continue
            nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
            show = show_at(nxt, ctx) if nxt is not None and nxt.ent_type_ == "SHOW" else ctx.show_for(token)
            person = person_at(owner.root, ctx) or owner.text
            if not named_as_maker(person, ctx) and named_as_actor(person, ctx):
                yield from _star_credit(ctx, show, person, token, "credits.attributive_star")
                continue  # "Jude Law film Closer" where the article calls Law a star
            if not named_as_maker(person, ctx) and not (_someone_else_stars(sent, owner) and _starred_in(owner)):
                continue  # "London Underground thriller Creep", "the sequel to the X comedy Y": setting or star
            yield from _credit(ctx, "created_by", show, person, token, "credits.attributive", ("confirmed", ()))
        # "X was behind SHOW (and SHOW)"
        if token.lower_ == "behind" and token.head.lemma_ == "be":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            targets = [t for t in doc[token.i + 1 : sent.end] if t.ent_type_ == "SHOW" and t.ent_iob_ == "B"]
            for target in targets:
                if True:
                    show = show_at(target, ctx)
                    for subject in subjects:
                        yield from _credit(ctx, "created_by", show, person_at(subject, ctx), token, "credits.behind",
                                           ctx.status(token.head))  # fmt: skip


rules.register("credits.possessive", func=credits_possessive)


def credits_brought(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "Redmond brought teen soap Hollyoaks to Channel 4": who brings a show to a channel produces it."""
    if not ctx.shows or "bring" not in sentence_words(sent):
        return
    for (verb,) in matches("credits.brought", sent):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        show = (show_at(obj, ctx) or show_in_subtree(obj)) if obj is not None else None
        to_platform = any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(g.ent_type_ == "PLATFORM" for g in c.subtree)
            for c in [*verb.children, *(obj.children if obj is not None else ())]
        )
        if not show or not to_platform:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for subject in subjects:
            for person_token in conjuncts(subject):
                person = person_at(person_token, ctx)
                yield from _credit(ctx, "produced_by", show, person, verb, "credits.brought", ctx.status(verb))


rules.register("credits.brought", func=credits_brought)


def credits_lede(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "The creator of SHOW has ..." followed by "Phil Redmond, ..." in the next sentence."""
    if not ctx.shows or not _role_words() & sentence_words(sent):
        return
    for token in token_list(sent):
        relation = _role_of(token)
        if relation is None or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if any(c.ent_type_ == "PERSON" for c in token.subtree):
            continue
        show = next((show_at(c, ctx) for c in token.subtree if c.ent_type_ == "SHOW" and not _owner(c)), None)
        if show is None or sent.end >= len(sent.doc):
            continue
        following = sent.doc[sent.end].sent
        first = next((t for t in following if not t.is_space), None)
        if first is not None and first.ent_type_ == "PERSON":
            person = person_at(first, ctx)
            yield from _credit(ctx, relation, show, person, token, "credits.lede", ctx.status(token.head))


rules.register("credits.lede", func=credits_lede)


def _judging_panels(sent: Span) -> list[tuple[Token, Token]]:
    """Each verb of including in ``sent`` whose subject is a judging panel ("The judging panel includes",
    "The panel of judges comprises", "the judges' panel features"), with its first such subject: the
    ``credits.panel`` pattern of ``patterns/rule_patterns.json``."""
    return [(verb, panel) for verb, panel, *_ in first_matches("credits.panel", sent)]


def credits_panel(sent: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "The judging panel includes A, B and C", "The panel of judges comprises A and B": presenters (judges)."""
    if not ctx.shows or "panel" not in sentence_words(sent):
        return
    for verb, panel in _judging_panels(sent):
        # the sentence's show, the panel's ("its judging panel"), or the headline's: an awards jury is no cast
        own = any(c.dep_ == "poss" and c.lower_ == "its" for c in panel.children)
        show = ctx.show_for(verb, default=False) or (
            ctx.show_for(verb) if own else ctx.default_show if _headline_show(ctx) else None
        )
        status = ctx.status(verb)
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for person_token in conjuncts(obj):
                person = person_at(person_token, ctx) if person_token.ent_type_ == "PERSON" else None
                yield from _credit(ctx, "presented_by", show, person, verb, "credits.panel", status)


rules.register("credits.panel", func=credits_panel)
