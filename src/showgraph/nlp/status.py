"""The status an article gives a fact, read from the cues that frame its predicate.

FORMAT.md's rule: the status follows the article's own cue ("allegedly" -> alleged, "reportedly" ->
reported, "will" -> scheduled, ...), and where two cues frame one fact the one nearest its verb wins.
"Nearest" is measured over the parse: a cue counts only if it depends on the predicate or on a word
that governs it (walking up through xcomp, ccomp, conj, prepositions), so a "could" in another clause
of the same sentence does not touch the fact. Ties at the same depth go to the cue nearer in the text.

The cue words are data (``patterns/status_cues.json``) and matched by lemma, so inflections work.

>>> nlp = _test_nlp()
>>> doc = nlp("According to the paper, the show is to return in May.")
>>> status_for(doc[9])
('scheduled', ('is to',))
>>> status_for(nlp("The drama was reportedly cancelled.")[4])
('reported', ('reportedly',))
>>> status_for(nlp("The drama was cancelled.")[3])
('confirmed', ())
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from showgraph.nlp.lexicon import (
    CATENATIVE_VERBS,
    OWN_FRAME_MARKS,
    patterns,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: Dependencies we follow upwards from the predicate: the cue's scope reaches through them.
WALK_DEPS = frozenset(
    {"xcomp", "ccomp", "conj", "pcomp", "pobj", "prep", "acomp", "advcl", "attr", "oprd", "agent", "dative", "dep"}
)
#: Dependents of a chain word that may carry a modifier cue.
MODIFIER_DEPS = frozenset({"aux", "auxpass", "advmod", "amod", "npadvmod", "acomp", "neg", "det", "nummod"})
#: Deps through which a "deny"/"dismiss" word takes the fact as its object.
DENY_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "nsubjpass", "pobj", "prep", "acl", "conj"})

#: Deps a denial does not reach through: the fact sits in a clause that states something else.
DENY_BLOCKING_DEPS = frozenset({"relcl", "advcl", "agent", "npadvmod", "appos"})

#: Article-level precedence for one fact stated more than once (see :func:`merge_statuses`).
STATUS_PRECEDENCE: tuple[str, ...] = (
    "denied",
    "admitted",
    "confirmed",
    "scheduled",
    "reported",
    "alleged",
    "rumored",
    "speculative",
)


@cache
def cues() -> dict[str, Any]:
    """The cue data, loaded once: lemma sets per status for modifiers and governors, and word lists."""
    raw = patterns("status_cues")
    data: dict[str, Any] = {}
    for key in ("modifiers", "governors", "set_to"):
        data[key] = {status: frozenset(words) for status, words in raw[key].items() if not status.startswith("_")}
    for key, value in raw.items():
        if isinstance(value, list):
            data[key] = frozenset(value)
    return data


def _lookup(table: dict[str, frozenset[str]], *words: str) -> str | None:
    for status, lemmas in table.items():
        if any(w in lemmas for w in words):
            return status
    return None


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """Crude stems of an inflected word, for where the tagger's lemma is wrong ("hopes" -> "hop").

    >>> _stems("hopes")
    ('hopes', 'hope', 'hop')
    """
    out = [word]
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out.extend([stem + "e", stem] if suffix in {"ing", "ed", "es"} else [stem])
    return tuple(dict.fromkeys(out))


def _words(tok: Token) -> tuple[str, ...]:
    return (tok.lemma_.lower(), *_stems(tok.lower_))


def _is_reported_speech(tok: Token) -> bool:
    """Whether ``tok`` sits in a clause reported by a saying verb ("he said they would ...")."""
    data = cues()
    for node in (tok, *tok.ancestors):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in data["reporting_verbs"]:
            return True
    return False


#: Entity labels whose words are part of a name, never a cue ("Thou Shalt Not", "Will & Grace").
NAME_LABELS = frozenset(
    {"SHOW", "WORK_OF_ART", "PERSON", "ORG", "PLATFORM", "OUTLET", "AGGREGATOR", "FAC", "EVENT", "PRODUCT", "LAW"}
)


def _in_name(tok: Token) -> bool:
    """Whether ``tok`` is a word of a title or name, where "Not" or "Will" is no cue.

    >>> nlp = _test_nlp()
    >>> doc = nlp("He wrote the musical Thou Shalt Not.")
    >>> doc.ents = [doc.char_span(21, 35, label="WORK_OF_ART")]
    >>> _in_name(doc[6])
    True
    """
    return tok.ent_type_ in NAME_LABELS


def _modifier_cues(node: Token, came_from: Token | None, depth: int, negation: str | None) -> list[tuple]:
    """Cues carried by the dependents of one chain word ``node`` (``came_from`` is the child we walked up
    from, None for the predicate itself). Each cue is (status, cue tokens)."""
    data = cues()
    found: list[tuple[str, list[Token]]] = []
    for child in node.children:
        if came_from is not None and child == came_from:
            continue
        if _in_name(child):
            continue
        lemma, lower = child.lemma_.lower(), child.lower_
        dep = child.dep_
        if dep == "neg" or (lower in data["negations"] and dep in {"advmod", "neg"}):
            if negation and depth == 0:
                found.append((negation, [child]))
            continue
        if dep in MODIFIER_DEPS:
            if lower == "would" or lemma == "would":
                status = "scheduled" if _is_reported_speech(node) else "speculative"
                found.append((status, [child]))
                continue
            status = _lookup(data["modifiers"], *_words(child))
            if status:
                found.append((status, [child]))
                continue
        if dep == "prep" and lower == "according":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            status = "alleged" if obj is not None and obj.lemma_.lower() in data["according_to_alleged"] else "reported"
            found.append((status, [child, *([to] if to is not None else [])]))
            continue
        if dep == "prep" and lower == "in":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in data["talks"]:
                found.append(("speculative", [child, obj]))
                continue
        if dep == "mark" and lower in data["conditional_marks"]:
            found.append(("speculative", [child]))
            continue
        if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in data["conditional_marks"] for m in child.children):
            mark = next(m for m in child.children if m.dep_ == "mark")
            found.append(("speculative", [mark]))
            continue
        if dep == "nsubj" and lemma in data["source_nouns"] and node.lemma_.lower() in data["reporting_verbs"]:
            found.append(("reported", [child, node]))
    return found


def _governor_cue(node: Token, came_from: Token | None) -> tuple[str, list[Token]] | None:
    """A cue in the chain word itself: "accused (of)", "hopes (to)", "is set to", "is to", "in talks"."""
    data = cues()
    if _in_name(node):
        return None
    words = _words(node)
    lemma = words[0]
    via = came_from.dep_ if came_from is not None else None
    to = next((c for c in came_from.children if c.dep_ == "aux" and c.lower_ == "to"), None) if came_from else None
    if lemma == "be" and via == "xcomp" and to is not None:
        guess = [c for c in node.children if c.dep_ in {"attr", "acomp"} and _words(c)[0] in data["guess_nouns"]]
        if guess:
            return "speculative", [node, guess[0]]  # "is favourite to win"
        return "scheduled", [node, to]  # "is to return"
    if via == "xcomp" and to is not None and lemma in data["guess_nouns"]:
        return "speculative", [node]  # "the favourite to win", "odds-on favourite to take"
    if came_from is not None and lemma == "say" and via == "xcomp" and any(c.dep_ == "auxpass" for c in node.children):
        return "reported", [node]  # "is said to be planning"
    if came_from is not None and via in {"xcomp", "prep", "pcomp", "ccomp"}:
        status = _lookup(data["set_to"], *words)
        if status and (lemma != "go" or node.tag_ == "VBG"):
            return status, [node]
    if came_from is not None and lemma in data["talks"] and node.dep_ == "pobj" and node.head.lower_ == "in":
        return "speculative", [node.head, node]
    status = _lookup(data["governors"], *words)
    if status == "denied":
        return None  # handled with precedence in status_for
    # "plans", "hopes" as the predicate itself are what is stated, not a frame around it; but a
    # passive participle ("tipped", "pencilled in", "mooted") frames its own clause
    own_frame = status in {"alleged", "rumored", "reported", "admitted"} or (
        status == "speculative" and node.tag_ == "VBN"
    )
    if status and came_from is None and not own_frame:
        return None
    if status:
        return status, [node]
    return None


def _own_frame(node: Token) -> bool:
    """Whether ``node`` heads a clause that states its own event, so cues above it do not reach in: an
    -ing participle modifying a title ("Closer, starring Jude Law" under "tipped for success"), or an
    adverbial clause with its own subject ("expected to begin once Campbell has finished work on X").

    >>> nlp = _test_nlp()
    >>> doc = nlp("Films tipped for success include Closer, starring Jude Law.")
    >>> _own_frame(doc[7])
    True
    >>> _own_frame(nlp("The channel will begin showing the drama in May.")[4])
    False
    """
    if node.dep_ in {"xcomp", "advcl", "conj", "acl"} and node.tag_ == "VBG":
        has_aux = any(c.dep_ in {"aux", "auxpass"} for c in node.children)
        catenative = node.dep_ == "xcomp" and node.head.lemma_.lower() in CATENATIVE_VERBS
        if not has_aux and not catenative:
            return True
    if node.dep_ == "advcl" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if marks & OWN_FRAME_MARKS:
            return True
    return False


def _presupposed_role(pred: Token) -> bool:
    """ "as his Office character David": a possessive role the person already has is stated as a given,
    whatever frames the verb it hangs on ("he would not guest star ... as his character David").

    >>> _presupposed_role(_test_nlp()("He would not appear as his old character David.")[4])
    True
    """
    if pred.lower_ != "as" or pred.dep_ != "prep":
        return False
    obj = next((c for c in pred.children if c.dep_ == "pobj"), None)
    return (
        obj is not None
        and obj.lemma_.lower() in {"character", "role", "persona", "alter", "ego", "creation"}
        and any(c.dep_ == "poss" for c in obj.children)
    )


def _denial(pred: Token, sent: Span) -> list[Token] | None:
    """A "deny"/"dismiss" word that takes the fact (or a report of it) as its object, above it in the parse.

    The denial reaches down through complement clauses and "reports that ..." but not into a relative
    clause, an adverbial clause or a participle modifying a noun: in "denied the move was a result of the
    publicity created by Spurlock's film" nobody denies that Spurlock made the film.
    """
    data = cues()
    denied = data["governors"]["denied"]
    framing_nouns = data["source_nouns"] | data["governors"]["alleged"] | data["governors"]["rumored"]
    child = pred
    for node in pred.ancestors:
        if not (sent.start <= node.i < sent.end):
            break
        if child.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
            return None  # "X denied the rumours, and the show was renewed": a clause of its own
        if node.lemma_.lower() in denied and child.dep_ in DENY_OBJECT_DEPS and not _in_name(node):
            return [node]
        blocked = child.dep_ in DENY_BLOCKING_DEPS or (
            child.dep_ == "acl" and node.lemma_.lower() not in framing_nouns and child.tag_ in {"VBN", "VBG"}
        )
        if blocked:
            return None
        child = node
    return None


def status_for(
    anchor: Token | Span,
    sentence: Span | None = None,
    *,
    negation: str | None = "denied",
    default: str = "confirmed",
) -> tuple[str, tuple[str, ...]]:
    """The status of the fact whose predicate is ``anchor``, and the words that cue it: phrases in
    text order, adjacent cue words joined as the text writes them ("According to", "is to").

    ``anchor`` is the verb or noun that states the fact ("cancelled", "enlistment"); a span stands for
    its root. Cues are looked for on the predicate and on each word that governs it, up the parse
    within ``sentence`` (default: the anchor's sentence); the first depth with a cue wins, and at
    equal depth the cue nearer the predicate in the text. A "deny"/"dismiss" that takes the fact as
    its object wins over everything. ``negation`` is the status a negated predicate gets ("I haven't
    been approached" -> denied); pass None to ignore negation (a rule that turns "has not been
    renewed" into an ``unconfirmed`` season status handles it itself).

    >>> nlp = _test_nlp()
    >>> status_for(nlp("The actor denied reports that he will leave the soap.")[7])
    ('denied', ('denied',))
    >>> status_for(nlp("The presenter is tipped to host the new quiz show.")[5])
    ('speculative', ('tipped',))
    >>> status_for(nlp("Sources say the comedy has been cancelled.")[6])
    ('reported', ('Sources say',))
    >>> status_for(nlp("According to the paper, the show was axed.")[8])
    ('reported', ('According to',))
    """
    pred = anchor.root if hasattr(anchor, "root") else anchor
    sent = sentence if sentence is not None else pred.sent
    if _presupposed_role(pred):
        return default, ()
    if _in_talks(pred):
        return "speculative", _phrases([pred.head, pred])  # the fact anchored on "in talks" itself
    denial = _denial(pred, sent)
    if denial:
        return "denied", _phrases(denial)
    candidates: list[tuple[int, int, str, list[Token]]] = []
    node: Token = pred
    came_from: Token | None = None
    depth = 0
    while True:
        for status, toks in _modifier_cues(node, came_from, depth, negation):
            # an if-clause frames its whole main clause, so it outranks a "will" inside that clause
            conditional = toks[0].dep_ == "mark" and toks[0].head != node
            distance = -1 if conditional else min(abs(t.i - pred.i) for t in toks)
            candidates.append((depth, distance, status, toks))
        governor = _governor_cue(node, came_from)
        if governor:
            status, toks = governor
            candidates.append((depth, min(abs(t.i - pred.i) for t in toks), status, toks))
        if candidates:
            break
        head = node.head
        if head == node or not (sent.start <= head.i < sent.end):
            break
        if node.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            break  # a coordinated full clause has its own frame
        if _own_frame(node):
            break
        fragment = node.dep_ == "acl" and node.tag_ == "VBD" and head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"}
        if node.dep_ not in WALK_DEPS and not fragment:
            # one step beyond the scope: only a framing noun or verb ("reports of", "rumours that") counts
            boundary = _governor_cue(head, node)
            if boundary and boundary[0] in {"reported", "rumored", "alleged", "speculative"}:
                candidates.append((depth + 1, abs(boundary[1][0].i - pred.i), *boundary))
            break
        came_from, node, depth = node, head, depth + 1
    if not candidates:
        return default, ()
    candidates.sort(key=lambda c: (c[0], c[1]))
    # "reportedly in talks to ...": the talks are what is reported; the plan stays tentative
    talks = [c for c in candidates if c[0] == candidates[0][0] and c[2] == "speculative" and _in_talks(c[3][-1])]
    if talks and candidates[0][2] in {"reported", "confirmed", "scheduled"}:
        candidates.insert(0, talks[0])
    _, _, status, toks = candidates[0]
    return status, _phrases(toks)


def _phrases(tokens: Iterable[Token]) -> tuple[str, ...]:
    """The cue words as phrases in text order: tokens adjacent in the text are one phrase, as the
    text writes it ("According to", "Sources say"); a gap starts another ("is", "favourite" in "is the
    favourite to win").

    >>> doc = _test_nlp()("According to the paper, the host is the favourite to win.")
    >>> _phrases([doc[1], doc[0]])
    ('According to',)
    >>> _phrases([doc[9], doc[7]])
    ('is', 'favourite')
    """
    ordered = sorted(set(tokens), key=lambda t: t.i)
    runs: list[list[Token]] = []
    for tok in ordered:
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return tuple(run[0].doc[run[0].i : run[-1].i + 1].text for run in runs)


def _in_talks(token: Token) -> bool:
    """ "talks" in "in talks (to star)": a tentative plan."""
    return token.lemma_.lower() in cues()["talks"] and token.dep_ == "pobj" and token.head.lower_ == "in"


def merge_statuses(statuses: Iterable[str]) -> str:
    """One status for a fact the article states more than once (for de-duplication).

    FORMAT.md: a fact reported and then denied in the same article is one fact with status denied.
    More generally the strongest word wins: denied > admitted > confirmed > scheduled > reported >
    alleged > rumored > speculative (a plain statement anywhere outranks a hedged one).

    >>> merge_statuses(["reported", "denied"])
    'denied'
    >>> merge_statuses(["speculative", "confirmed"])
    'confirmed'
    >>> merge_statuses([])
    'confirmed'
    """
    given = set(statuses)
    return next((s for s in STATUS_PRECEDENCE if s in given), "confirmed")


@cache
def _test_nlp():  # pragma: no cover - doctest helper: the plain statistical model, no domain components
    import spacy

    from showgraph.nlp.pipeline import resolve_model

    return spacy.load(resolve_model())
