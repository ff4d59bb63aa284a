"""People rules: ``accused_of``, ``represented_by``, ``military_service`` and ``age``.

Allegations keep the article's status: "accused of" is alleged, "admitted" admitted, a denial
denied; a plain "X assaulted Y" without any cue is not taken as an allegation at all (it could be a
character's doing in a plot summary). Ages are the age now: "He is 28", "X, 28,", "the 28-year-old
actor X", never "when he was 18".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from showgraph.facts import Fact
from showgraph.nlp.context import ArticleContext, doc_ents, doc_text, doc_tokens, span_ents, token_list
from showgraph.nlp.lexicon import (
    TV_ROLES,
    patterns,
)
from showgraph.nlp.numbers import word_to_number
from showgraph.nlp.relations import rules
from showgraph.nlp.relations.release import clause_tokens, date_in, forms, has_form, tv_article


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """Word lists of ``patterns/people.json``."""
    return {k: frozenset(v) for k, v in patterns("people").items()}


def tv_people(ctx: ArticleContext) -> set[str]:
    """People the article ties to screen work: named in a sentence with a show, or next to a screen role
    ("director Ahn Gil-ho", "the actor"). The people rules state facts only about them, so a politician's
    age or a banker's fraud charge in a business story is no fact here."""
    cached = getattr(ctx, "_tv_people", None)
    if cached is not None:
        return cached
    names: set[str] = set()
    if not tv_article(ctx):
        ctx._tv_people = names  # type: ignore[attr-defined]
        return names
    doc = ctx.doc
    for sent in doc.sents:
        has_show = any(e.label_ == "SHOW" for e in span_ents(sent))
        for ent in span_ents(sent):
            if ent.label_ != "PERSON":
                continue
            near = doc[max(sent.start, ent.start - 3) : min(sent.end, ent.end + 3)]
            if has_show or any(t.lemma_.lower() in TV_ROLES for t in near):
                names.add(ctx.name(ent))
    ctx._tv_people = names  # type: ignore[attr-defined]
    return names


def _previous_subject(token: Token, ctx: ArticleContext) -> str | None:
    """For "he"/"she": the nearest person before it who was a clause's subject ("Lee plays Joo
    Yeo-jeong. He is 28" -> Lee, not the character)."""
    doc = token.doc
    earlier = [e for e in doc_ents(doc) if e.label_ == "PERSON" and e.end <= token.i]
    for ent in reversed(earlier[-6:]):
        if ent.sent.start < token.sent.start - 200:
            break
        if ent.root.dep_ in {"nsubj", "nsubjpass"}:
            return ctx.name(ent)
    return None


def person_of(token: Token, ctx: ArticleContext) -> str | None:
    """The person a token names or refers to ("Gil-ho", "he", "the actor", "one of the leads, X")."""
    if token.lower_ in {"he", "she"}:
        found = _previous_subject(token, ctx)
        if found:
            return found
    ent = ctx.entity(token)
    if ent is not None and ent.label_ == "PERSON":
        return ctx.name(ent)
    for sub in token.subtree:
        e = ctx.entity(sub)
        if e is not None and e.label_ == "PERSON":
            return ctx.name(e)
    table = getattr(ctx, "aliases", None)
    if table is not None:
        from showgraph.nlp.aliases import resolve_reference

        found = resolve_reference(token, table, ctx.shows)
        if found and found[1] == "Person":
            return found[0]
    if token.pos_ == "PROPN" and token.is_title:
        name = ctx.canonical(token.text)
        if name != token.text:
            return name
    return None


def _allegation_word(token: Token) -> str:
    """ "bullying", "sexual misconduct", "assaulting" -> the allegation in a word or two."""
    mods = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
    words = [m.text.lower() for m in mods[-1:]] + [token.text.lower()]
    return " ".join(words)


@rules.register("people.accused_of")
def accused_of_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``accused_of``: "X was accused of bullying", "X was accused by a classmate of bullying",
    "allegations of harassment against X", "according to the accuser, X bullied and assaulted them"."""
    words = lexicon()
    for token in token_list(sentence):
        lemma_forms = forms(token)
        if token.pos_ == "VERB" and lemma_forms & {"accuse"}:
            of = next((t for t in token.subtree if t.lower_ == "of" and t.dep_ == "prep" and t.i > token.i), None)
            objs = [c for c in of.children if c.dep_ in {"pobj", "pcomp"}] if of is not None else []
            if not objs:
                continue
            who = [c for c in token.children if c.dep_ in ({"nsubjpass"} if any(
                c.dep_ == "auxpass" for c in token.children) else {"dobj"})]  # fmt: skip
            person = person_of(who[0], ctx) if who else None
            if person is None:
                continue
            status, cues = ctx.status(token, negation="denied")
            status = status if status in {"denied", "admitted"} else "alleged"
            date = date_in(clause_tokens(token), ctx, future=False)
            if person not in tv_people(ctx):
                continue
            for obj in [objs[0], *[c for c in objs[0].children if c.dep_ == "conj"]]:
                if not has_form(obj, words["allegations"]):
                    continue
                yield ctx.fact(
                    "accused_of", person, _allegation_word(obj), token, "people.accused_of",
                    qualifiers={"date": date}, status=status, cues=cues or ("accused",),
                )  # fmt: skip
        elif token.pos_ == "NOUN" and lemma_forms & {"allegation", "accusation", "claim", "charge"}:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            against = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "against"), None)
            objs = [c for c in of.children if c.dep_ in {"pobj", "pcomp"}] if of is not None else []
            if not objs or not has_form(objs[0], words["allegations"]):
                continue
            person = None
            if against is not None:
                targets = [c for c in against.children if c.dep_ == "pobj"]
                person = person_of(targets[0], ctx) if targets else None
            if person is None and token.dep_ in {"dobj"} and token.head.lemma_.lower() in {"face", "deny", "reject"}:
                subj = [c for c in token.head.children if c.dep_ == "nsubj"]
                person = person_of(subj[0], ctx) if subj else None
            if person is None or person not in tv_people(ctx):
                continue
            status, cues = ctx.status(token, negation="denied")
            if token.head.lemma_.lower() in {"deny", "reject", "dismiss"}:
                status, cues = "denied", (token.head.text,)
            status = status if status in {"denied", "admitted"} else "alleged"
            yield ctx.fact(
                "accused_of", person, _allegation_word(objs[0]), token, "people.accused_of",
                qualifiers={"date": date_in(clause_tokens(token), ctx, future=False)}, status=status, cues=cues,
            )  # fmt: skip
        elif token.pos_ == "VERB" and has_form(token, words["allegation_verbs"]):
            # a wrongdoing stated with a cue: "according to the accuser, X bullied ...", "X allegedly ..."
            status, cues = ctx.status(token, negation="denied")
            if status not in {"alleged", "reported", "admitted", "denied"}:
                continue
            subj = [c for c in token.children if c.dep_ == "nsubj"]
            if not subj and token.dep_ == "conj":
                subj = [c for c in token.head.children if c.dep_ == "nsubj"]
            person = person_of(subj[0], ctx) if subj else None
            if person is None or person not in tv_people(ctx):
                continue
            noun = _noun_of(token)
            yield ctx.fact(
                "accused_of", person, noun, token, "people.accused_of",
                qualifiers={"date": date_in(clause_tokens(token), ctx, future=False)},
                status="alleged" if status == "reported" else status, cues=cues,
            )  # fmt: skip


def _noun_of(verb: Token) -> str:
    """The allegation noun for a verb: "assaulted" -> "assault", "bullied" -> "bullying"."""
    table = {"bully": "bullying", "harass": "harassment", "abuse": "abuse", "assault": "assault",
             "attack": "assault", "threaten": "threats", "defraud": "fraud", "steal": "theft",
             "rape": "rape", "molest": "molestation", "stalk": "stalking", "plagiarise": "plagiarism",
             "plagiarize": "plagiarism", "cheat": "cheating", "blackmail": "blackmail", "extort": "extortion",
             "intimidate": "intimidation", "discriminate": "discrimination", "grope": "groping"}  # fmt: skip
    for form in forms(verb):
        if form in table:
            return table[form]
    return verb.lemma_.lower()


@rules.register("people.represented_by")
def represented_by_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``represented_by``: "lawyer X of law firm Y, who is representing Z", "Z's agency Y said",
    "Z's lawyer, X, said"."""
    words = lexicon()
    doc = sentence.doc
    for token in token_list(sentence):
        if token.lemma_.lower() == "represent" and token.pos_ == "VERB" and _passive(token):
            # "The actor is represented by CAA": the agent is the representative
            yield from _represented_by_agent(token, sentence, ctx)
            continue
        if token.lemma_.lower() == "represent" and token.pos_ == "VERB":
            client_tokens = [c for c in token.children if c.dep_ == "dobj"]
            client = person_of(client_tokens[0], ctx) if client_tokens else None
            if client is None:
                continue
            for ent in span_ents(sentence):
                if ent.end > token.i or ent.label_ not in {"PERSON", "ORG"}:
                    continue
                role = doc[max(sentence.start, ent.start - 3) : ent.start]
                if not any(t.lemma_.lower() in words["representative_nouns"] for t in role):
                    continue
                name = ctx.name(ent) if ent.label_ == "PERSON" else ent.text
                if name == client or client not in tv_people(ctx):
                    continue
                kind = "Person" if ent.label_ == "PERSON" else "Organization"
                yield ctx.fact("represented_by", client, name, token, "people.represented_by", object_kind=kind)
        if token.dep_ == "poss" and token.head.lemma_.lower() in words["representative_nouns"]:
            client = person_of(token, ctx)
            if client is None:
                continue
            noun = token.head
            named = [c for c in noun.children if c.dep_ in {"appos", "compound"} and (
                c.ent_type_ in {"PERSON", "ORG"} or _bare_name(c, noun))]  # fmt: skip
            if not named and noun.dep_ == "appos" and noun.head.ent_type_ in {"PERSON", "ORG"}:
                named = [noun.head]  # "BH Entertainment, X's agency, denied ..."
            nxt = doc[noun.i + 1] if noun.i + 1 < sentence.end else None
            if not named and nxt is not None and nxt.ent_type_ in {"PERSON", "ORG"} and nxt.ent_iob_ == "B":
                named = [nxt]
            if not named and nxt is not None and nxt.text == "," and noun.i + 2 < sentence.end:
                after = doc[noun.i + 2]
                if after.ent_type_ in {"PERSON", "ORG"} and after.ent_iob_ == "B":
                    named = [after]
            for target in named:
                ent = ctx.entity(target)
                if ent is None and _bare_name(target, noun):
                    name = sentence.doc[target.left_edge.i : target.i + 1].text  # "his agency Fantagio"
                    if name != client and client in tv_people(ctx):
                        yield ctx.fact("represented_by", client, name, noun, "people.represented_by",
                                       object_kind="Organization")  # fmt: skip
                    continue
                if ent is None:
                    continue
                name = ctx.name(ent) if ent.label_ == "PERSON" else ent.text
                if name == client or client not in tv_people(ctx):
                    continue
                kind = "Person" if ent.label_ == "PERSON" else "Organization"
                yield ctx.fact("represented_by", client, name, noun, "people.represented_by", object_kind=kind)


@rules.register("people.military_service")
def military_service_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``military_service``: "the rumored enlistment of X", "X will enlist on May 5", "X began his
    mandatory military service". Needs a named person (not "the actor")."""
    for token in token_list(sentence):
        lemma_forms = forms(token)
        person = None
        if token.pos_ == "NOUN" and lemma_forms & {"enlistment"}:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = [c for c in token.children if c.dep_ == "poss"]
            target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            target = target if target is not None else (owner[0] if owner else None)
            if target is not None:
                person = _named_person(target, ctx)
        elif token.pos_ == "VERB" and lemma_forms & {"enlist", "conscript", "draft"}:
            subj = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if token.lemma_.lower() in {"draft", "conscript"} and not any(
                t.lower_ in {"military", "army", "navy", "service"} for t in token.subtree
            ):
                continue
            person = _named_person(subj[0], ctx) if subj else None
        elif token.lower_ == "service" and any(c.lower_ == "military" for c in token.children):
            verb = token.head
            if verb.lemma_.lower() in {"begin", "start", "complete", "enter", "serve", "finish", "do", "perform"}:
                if verb.lemma_.lower() == "complete" or any(c.lower_ == "yet" for c in verb.head.children):
                    continue
                subj = [c for c in verb.children if c.dep_ == "nsubj"]
                person = _named_person(subj[0], ctx) if subj else None
                token = verb
        if person is None or person not in tv_people(ctx):
            continue
        status, cues = ctx.status(token, negation="denied")
        date = date_in(clause_tokens(token), ctx, future=status in {"scheduled", "speculative"})
        yield ctx.fact(
            "military_service", person, "enlistment", token, "people.military_service",
            qualifiers={"date": date}, status=status, cues=cues,
        )  # fmt: skip


def is_person(ent: Span, ctx: ArticleContext) -> bool:
    """A PERSON entity, or another label on a name the article uses for a person elsewhere."""
    return ent.label_ == "PERSON" or (
        ent.label_ not in {"SHOW", "PLATFORM"} and ctx.kinds.get(ctx.name(ent)) == "Person"
    )


def _named_person(token: Token, ctx: ArticleContext) -> str | None:
    for sub in token.subtree:
        ent = ctx.entity(sub)
        if ent is not None and is_person(ent, ctx):
            return ctx.name(ent)
    if token.lower_ in {"he", "she"}:
        return person_of(token, ctx)
    # "one of the show's leads, Lee Do Hyun," where the parser left the apposition detached
    doc = token.doc
    after = token.right_edge.i + 1
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].ent_type_ == "PERSON":
        ent = ctx.entity(doc[after + 1])
        if ent is not None:
            return ctx.name(ent)
    return None


_AGE_WORDS = re.compile(r"^(\d{1,3})-year-old$")


@rules.register("people.age")
def age_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``age``: "He is 28 years old", "X, 28, said", "the 28-year-old actor X", "X (28)"."""
    doc = sentence.doc
    toks = doc_tokens(doc)
    # "-year-old" as the hyphen test below would join it from five tokens: a sentence (and the four
    # tokens after it) without it needs no joining per token
    last = toks[min(len(doc), sentence.end + 4) - 1]
    window = doc_text(doc)[sentence.start_char : last.idx + len(last)].replace(" ", "").lower()
    any_hyphen = "-year-old" in window
    for token in token_list(sentence):
        value = None
        person = None
        # "He is 28 years old" / "X is 28"
        if token.like_num and token.text.isdigit() and 1 <= int(token.text) <= 110:
            number = int(token.text)
            nxt = toks[token.i + 1] if token.i + 1 < sentence.end else None
            nxt2 = toks[token.i + 2] if token.i + 2 < sentence.end else None
            verb = token.head
            if nxt is not None and nxt.lower_ in {"years", "year"} and nxt2 is not None and nxt2.lower_ == "old":
                verb = nxt.head if nxt.head.lemma_ == "be" else nxt2.head
                while verb.lemma_ != "be" and verb.head != verb and verb.dep_ in {"acomp", "npadvmod", "attr"}:
                    verb = verb.head
            if (
                verb.lemma_ == "be"
                and verb.tag_ in {"VBZ", "VBP"}
                and token.dep_ in {"attr", "acomp", "npadvmod"} | {"nummod"}
            ):
                subj = [c for c in verb.children if c.dep_ == "nsubj"]
                if subj and subj[0].lower_ == "who" and verb.dep_ == "relcl":
                    subj = [verb.head]  # "X, who is 45, ..."
                if subj:
                    person = person_of(subj[0], ctx)
                    value = number
            # "X, 28, said": a bare number in commas right after a name
            prev = toks[token.i - 1] if token.i > sentence.start else None
            now = prev is not None and prev.lower_ == "now" and token.i >= 3  # "X, now 31, plays ..."
            if now:
                prev = toks[token.i - 2]
            if (
                value is None
                and prev is not None
                and prev.text == ","
                and nxt is not None
                and nxt.text in {",", ")"}
                and token.i >= 2
            ):
                named = toks[prev.i - 1]
                ent = ctx.entity(named)
                if ent is not None and ent.label_ == "PERSON":
                    person, value = ctx.name(ent), number
                elif (
                    named.pos_ == "PROPN"
                    and named.is_title
                    and (ent is None or ent.label_ not in {"SHOW", "PLATFORM", "DATE", "NORP"})
                ):
                    # "Spacey, 45, wrote ...": a surname the tagger missed, which the article gives in full
                    found = person_of(named, ctx)
                    if found and found != named.text and " " in found:
                        person, value = found, number
        # "the 28-year-old actor X", "Nineteen-year-old singer X"
        match = _AGE_WORDS.match(token.lower_) if "-" in token.text else None
        joined = (
            doc[token.i : token.i + 5].text.replace(" ", "")
            if any_hyphen and (token.like_num or token.is_alpha)
            else ""
        )
        hyphen = re.match(r"^(\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old", joined.lower())
        if hyphen and not hyphen.group(1).isdigit():
            spelled = word_to_number(hyphen.group(1))
            hyphen = hyphen if spelled and (token.i == sentence.start or doc[token.i - 1].text != "-") else None
        if match or hyphen:
            figure = (match or hyphen).group(1)
            number = int(figure) if figure.isdigit() else word_to_number(figure)
            end = token.i + (1 if match else len(doc[token.i : token.i + 5].text.split("year-old")[0].split()) + 3)
            end = next((t.i + 1 for t in doc[token.i : min(len(doc), token.i + 8)] if t.lower_ == "old"), end)
            window = doc[end : min(sentence.end, end + 6)]
            # "the 28-year-old actor X"; never a name after a preposition ("a singer from Devon")
            people = [
                e for e in span_ents(window) if e.label_ == "PERSON"
                and not any(t.pos_ == "ADP" or (t.is_punct and t.text not in {"'", "’"}) for t in doc[end : e.start])
            ]  # fmt: skip
            # "X, the 28-year-old," / "Joss Stone, a 17-year-old singer," in apposition; not "X says the
            # 28-year-old ..." (someone else)
            before = doc[max(sentence.start, token.i - 4) : token.i]
            people_before = [
                e for e in span_ents(before) if e.label_ == "PERSON" and e.end < len(doc) and doc[e.end].text == ","
                and e.end >= token.i - 3
            ]  # fmt: skip
            target = people_before[-1] if people_before else (people[0] if people else None)
            if target is not None:
                person, value = ctx.name(target), number
            elif _definite_descriptor(token, end):
                # "The 28-year-old host said ...", "said the 74-year-old comedian": the person just named
                person, value = _just_named(token, ctx), number
        if person is None and token.lower_ == "aged":
            continue  # "X has died aged 55": an age at death is an age at a past event, not the age now (FORMAT)
        if person is None or value is None or person not in tv_people(ctx):
            continue
        if any(t.lower_ in {"when", "aged", "at"} for t in doc[max(sentence.start, token.i - 3) : token.i]):
            continue  # an age at some past event
        if any(has_form(t, lexicon()["death_words"]) for t in token_list(sentence)):
            continue  # an age at death ("15-year-old X drowned"), not the age now
        yield ctx.fact("age", person, value, token, "people.age")


def _definite_descriptor(token: Token, end: int) -> bool:
    """ "The 28-year-old host", "the 27-year-old" standing for a person named before: a definite
    phrase of its own, with no name and no "of"/"from" after it."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].lower_ not in {"the", "this"}:
        return False
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ in TV_ROLES | {"man", "woman"}:
        after = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return after is None or after.is_punct or after.pos_ in {"VERB", "AUX", "ADV", "PRON"}


def _just_named(token: Token, ctx: ArticleContext) -> str | None:
    """The person a descriptor ("the 28-year-old") stands for: the one named in the sentence just before
    (its subject if a person, else the last person named there); None when that sentence names nobody,
    rather than reaching further back. Not where a person is named before
    it in its own sentence ("her co-star X said the 27-year-old ...": whom it means is unclear)."""
    from showgraph.nlp.context import sentence_bounds

    doc = token.doc
    start, _ = sentence_bounds(doc, token.i)
    if start == 0 or any(start <= e.start and e.end <= token.i and is_person(e, ctx) for e in doc_ents(doc)):
        return None
    first, last = sentence_bounds(doc, start - 1)
    before = [e for e in doc_ents(doc) if first <= e.start and e.end <= last and is_person(e, ctx)]
    if not before:
        return None
    subjects = [e for e in before if e.root.dep_ in {"nsubj", "nsubjpass"}]
    return ctx.name((subjects or before)[-1])


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _bare_name(token: Token, noun: Token) -> bool:
    """An untagged capitalised name in apposition to "agency"/"label" ("his agency Fantagio")."""
    return (
        noun.lemma_.lower() in {"agency", "label", "management", "firm"}
        and token.dep_ == "appos"
        and token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ not in {"GPE", "NORP", "DATE", "SHOW", "PLATFORM", "TIME"}
    )


def _represented_by_agent(verb: Token, sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X is represented by CAA", "The actor, represented by agency Y, ...": the agent is the representative
    (a person or a firm); the client is the passive subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects and verb.dep_ == "acl":
        subjects = [verb.head]
    client = person_of(subjects[0], ctx) if subjects else None
    if client is None or client not in tv_people(ctx):
        return
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for obj in (o for o in agent.children if o.dep_ == "pobj"):
            target = obj
            if obj.lemma_.lower() in lexicon()["representative_nouns"]:
                named = [c for c in obj.children if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN"]
                if not named:
                    continue
                target = named[0]
            ent = ctx.entity(target)
            if ent is not None and ent.label_ in {"PERSON", "ORG"}:
                name = ctx.name(ent) if ent.label_ == "PERSON" else ent.text
                kind = "Person" if ent.label_ == "PERSON" else "Organization"
            elif ent is None and target.pos_ == "PROPN" and (target.is_title or target.is_upper):
                name, kind = sentence.doc[target.left_edge.i : target.i + 1].text, "Organization"
            else:
                continue
            if name != client:
                yield ctx.fact("represented_by", client, name, verb, "people.represented_by", object_kind=kind)
