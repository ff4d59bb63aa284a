"""Release rules: where a show airs (``platform``), when (``released_on``), how long it is
(``episode_count``) and how its run stands (``season_status``).

The rules read the parse: a platform counts only when the sentence ties it to a show (a possessive
"Netflix's X", an attributive "the Netflix series", a carrying preposition "on/via/for/by/to P" on a
broadcasting verb, or P as the subject of "renewed/commissioned/showing"), so a channel named in a
business story is no platform fact. Shows come from SHOW entities, or from "the series"/"it" through
the article's references. The module also holds the small helpers the reception and people rules share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from showgraph.facts import Fact
from showgraph.nlp.context import ArticleContext, doc_ents, doc_tokens, label_spans, span_ents, span_text, token_list
from showgraph.nlp.dates import dates_in
from showgraph.nlp.lexicon import patterns
from showgraph.nlp.numbers import find_seasons, ordinal_value, parse_number
from showgraph.nlp.relations import rules

SHOW, PLATFORM, SEASON = "SHOW", "PLATFORM", "SEASON"


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """Word lists of ``patterns/release.json`` (lemmas, lower case)."""
    return {k: frozenset(v) for k, v in patterns("release").items()}


# ------------------------------------------------------------------------------------- shared helpers


def forms(token: Token) -> frozenset[str]:
    """The token's lemma and crude stems of its text, for where the tagger's lemma is off
    ("recommissioned" -> "recommissione")."""
    return _forms(token.lemma_, token.lower_)


@lru_cache(maxsize=65536)
def _forms(lemma: str, lower: str) -> frozenset[str]:
    from showgraph.nlp.status import _stems

    return frozenset({lemma.lower(), *_stems(lower)})


def has_form(token: Token, words: frozenset[str] | set[str]) -> bool:
    return bool(forms(token) & words)


def tv_article(ctx: ArticleContext) -> bool:
    """Whether the article is about screen work at all: a named platform, or screen words in at least
    three places. Rules that could fire on any news ("axed", "the 30-year-old", "won an MBE") check it,
    so a sports or business story yields no season status, age or award."""
    cached = getattr(ctx, "_tv_article", None)
    if cached is not None:
        return cached
    words = lexicon()["tv_words"]
    hits = sum(1 for t in doc_tokens(ctx.doc) if t.lower_ in words)
    answer = hits >= 3 or any(e.label_ == PLATFORM for e in doc_ents(ctx.doc))
    ctx._tv_article = answer  # type: ignore[attr-defined]
    return answer


def off_screen(sentence: Span) -> str | None:
    """ "radio" or "stage" where the sentence is about a radio or stage production and names nothing
    screen-only, else None. FORMAT covers screen productions only, so platform, genre, release and
    season-status rules skip these sentences ("the BBC Radio 1 chart show", "World Service programme",
    "a Broadway revival of the musical", "the West End play"). Shared helper: other rules may call it.

    >>> nlp = _test_nlp()
    >>> off_screen(nlp("She told the World Service programme Go Digital about it.")[:])
    'radio'
    >>> off_screen(nlp("He is to star in a Broadway revival of the musical.")[:])
    'stage'
    >>> off_screen(nlp("The soap opera returns to BBC One in May.")[:]) is None
    True
    """
    memo = sentence.doc.user_data.setdefault("showgraph_off_screen", {})  # many rules ask per fact
    key = (sentence.start, sentence.end)
    if key not in memo:
        memo[key] = _off_screen(sentence)
    return memo[key]


def _off_screen(sentence: Span) -> str | None:
    words = lexicon()
    tokens = token_list(sentence)
    everything = doc_tokens(sentence.doc)
    lowers = [t.lower_ for t in tokens]
    if set(lowers) & words["screen_only_words"]:
        return None
    text = span_text(sentence).lower()
    if any(cue in text for cue in words["radio_phrases"]) or set(lowers) & words["radio_words"]:
        return "radio"
    for i, token in enumerate(tokens):
        lower = lowers[i]
        pair = f"{lower} {lowers[i + 1]}" if i + 1 < len(tokens) else ""
        if lower in words["stage_phrases_first"] and pair in words["stage_phrases"]:
            return "stage"
        nominal = token.pos_ in {"NOUN", "PROPN"} or token.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"}
        nominal = nominal or (token.i + 1 < len(everything) and everything[token.i + 1].ent_type_ == SHOW)
        if lower in words["stage_words"] and nominal:
            if lower == "opera" and i > 0 and lowers[i - 1] in {"soap", "space"}:
                continue
            if lower == "play" and token.pos_ != "NOUN":
                continue
            return "stage"
    return None


@cache
def _test_nlp():  # pragma: no cover - doctest helper: the plain statistical model
    import spacy

    from showgraph.nlp.pipeline import resolve_model

    return spacy.load(resolve_model())


def ents(sentence: Span, label: str) -> list[Span]:
    """Entities of one label in a sentence (or any span), from the per-doc index."""
    return label_spans(sentence.doc, label, sentence.start, sentence.end)


def show_name(ent: Span) -> str:
    return ent.kb_id_ or ent.text


def platform_name(ent: Span) -> str:
    return ent.ent_id_ or ent.text


def in_subtree(ent: Span, token: Token, *, skip_clauses: bool = True) -> bool:
    """Whether ``ent`` lies in ``token``'s subtree (not inside a relative clause of it)."""
    node = ent.root
    while True:
        if node == token:
            return True
        if node.head == node:
            return False
        if skip_clauses and node.dep_ in {"relcl", "advcl"} and node != token:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in {"of", "to"} and _named_version(node.head.head, token):
            return False  # "The series, a remake of the film X, ...": X is the original, not the series
        node = node.head


def _named_version(noun: Token, token: Token) -> bool:
    """A "remake/sequel/adaptation" noun in apposition to the production being talked about."""
    return (
        noun != token
        and noun.dep_ == "appos"
        and noun.lemma_.lower() in {"remake", "adaptation", "version", "reimagining", "sequel", "prequel", "reboot"}
    )


def shows_under(token: Token, sentence: Span) -> list[Span]:
    """SHOW entities in ``token``'s subtree, nearest to it first."""
    found = [e for e in ents(sentence, SHOW) if in_subtree(e, token)]
    return sorted(found, key=lambda e: abs(e.root.i - token.i))


def referent_show(token: Token, ctx: ArticleContext) -> str | None:
    """The show a pronoun or description ("it", "its", "the series", "the drama") stands for; a word of a
    title's own mention stands for that title. A description with distinguishing words ("the Channel 4
    soap", "the BBC show") stands for the recent, main or an earlier show the article says those words of;
    else for the show of this or the previous sentence, or the one the headline names, unless the article
    calls it another kind of production or puts it on other channels; else for no show. A show named after
    a verb in the description's sentence is a rival, not it. An indefinite one ("a drama") is no show."""
    from showgraph.nlp.aliases import SHOW_DESCRIPTIONS, _compared, resolve_reference
    from showgraph.nlp.context import _description, contradicts_description, fits_description, sentence_bounds

    if token.ent_type_ == SHOW:  # "City" of "Sex And The City" read as the clause's subject
        ent = ctx.entity(token)
        return show_name(ent) if ent is not None else None
    lower = token.lower_
    if lower in {"it", "its"}:
        table = getattr(ctx, "aliases", None)
        if table is not None:
            found = resolve_reference(token, table, ctx.shows)
            if found and found[1] == "Show":
                return found[0]
        return _recent_show(token) or ctx.main_show
    # "the second season", "Season 2" (a season of the show being talked about)
    if lower in {"season", "series", "run"} and (
        token.ent_type_ == SEASON or any(c.dep_ == "amod" and ordinal_value(c.lower_) for c in token.children)
    ):
        return _recent_show(token) or ctx.main_show
    if lower in SHOW_DESCRIPTIONS or token.lemma_.lower() in SHOW_DESCRIPTIONS:
        det = [c for c in token.children if c.dep_ in {"det", "poss"}]
        if not any(d.lower_ in {"the", "this", "its", "that"} for d in det):
            return None
        doc = token.doc
        if not _description(token):
            recent = _recent_show(token)
            mention = next((e for e in reversed(doc_ents(doc)) if e.label_ == SHOW and e.end <= token.i), None)
            aside = mention is not None and any(
                a.dep_ == "relcl" and a.head.ent_type_ == "PERSON" for a in mention.root.ancestors
            )
            if aside and ctx.main_show and sentence_bounds(doc, mention.start)[0] < sentence_bounds(doc, token.i)[0]:
                return ctx.main_show  # "X, who appeared in the drama Y, ... The film has won": Y is an aside
            return recent or ctx.main_show
        earlier = [show_name(e) for e in reversed(doc_ents(doc)) if e.label_ == SHOW and e.end <= token.i]
        sentence_start, sentence_end = sentence_bounds(doc, token.i)
        # "The BBC show beat X": a show named later in the description's sentence is another participant
        compared = _compared(token) | {
            show_name(e)
            for e in doc_ents(doc)
            if e.label_ == SHOW
            and token.i < e.start < sentence_end
            and any(t.pos_ in {"VERB", "AUX", "ADP"} for t in doc[token.i + 1 : e.start])
        }
        for show in dict.fromkeys([_recent_show(token), ctx.main_show, *earlier]):
            if show and show not in compared and fits_description(doc, token, show):
                return show
        # "The BBC show beat ...", "the BBC One family variety show": the show just talked about (or the one
        # the headline names) where the article says nothing against the description (not "the film X")
        previous_start, _ = sentence_bounds(doc, sentence_start - 1) if sentence_start > 0 else (0, 0)
        recent = [
            show_name(e) for e in reversed(doc_ents(doc)) if e.label_ == SHOW and previous_start <= e.start < token.i
        ]
        headline = (getattr(doc._, "title", None) or "").casefold().split()
        main = ctx.main_show
        named = [main] if main and main.casefold().removeprefix("the ").split()[0] in headline else []
        for show in dict.fromkeys([_recent_show(token), *named]):
            fitting = show and (show in recent or show in named) and show not in compared
            if fitting and not contradicts_description(doc, token, show):
                return show
        return None
    return None


def _recent_show(token: Token) -> str | None:
    """The show named last before ``token``; but a description that opens a sentence as its subject ("The
    BBC show beat ...") continues the previous sentence's subject, not the rival named after it ("X has
    triumphed over Y. The BBC show ..." is X)."""
    from showgraph.nlp.context import sentence_bounds

    shows = [e for e in doc_ents(token.doc) if e.label_ == SHOW and e.end <= token.i]
    if not shows:
        return None
    last = shows[-1]
    start, _ = sentence_bounds(token.doc, token.i)
    opening = token.i - start <= 3 and token.head.dep_ == "ROOT"
    if token.dep_ in {"nsubj", "nsubjpass"} and opening and last.start < start:
        prev_start, _ = sentence_bounds(token.doc, last.start)
        before = [e for e in shows if e.start >= prev_start and e.text.lower() not in lexicon()["show_nouns"]]
        for ent in before:
            root = ent.root
            while root.dep_ in {"appos", "compound", "dobj", "acl"} and root.head != root:
                root = root.head
            if root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ == "ROOT" and ent.start < root.head.i:
                return show_name(ent)
    return show_name(last)


def show_of_clause(verb: Token, sentence: Span, ctx: ArticleContext, deps: Iterable[str] = ()) -> str | None:
    """The show a clause is about: a SHOW in its subject or object, a relative pronoun's antecedent,
    or "it"/"the series" resolved; walking up through xcomp/conj/advcl."""
    wanted = tuple(deps) or ("nsubj", "nsubjpass", "csubj", "dobj", "attr", "pobj")
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            break
        for child in node.children:
            if child.dep_ not in wanted:
                continue
            if child.lower_ in {"which", "that", "who"} and node.dep_ == "relcl":
                antecedent = node.head
                shows = shows_under(antecedent, sentence) or (
                    shows_under(antecedent.head, sentence) if antecedent.dep_ == "appos" else []
                )
                if antecedent.dep_ == "appos" and antecedent.head.ent_type_ == SHOW:
                    ent = ctx.entity(antecedent.head)
                    return show_name(ent) if ent is not None else None
                if shows:
                    return show_name(shows[0])
                ref = referent_show(antecedent, ctx)  # "The comedy, which debuted in 2019, ..."
                if ref and antecedent.dep_ in {"nsubj", "nsubjpass"}:
                    return ref  # ("the history of the show, which ...": a show in passing is no safe guess)
                continue
            shows = shows_under(child, sentence)
            if shows:
                return show_name(shows[0])
            ref = referent_show(child, ctx)
            if ref:
                return ref
            for grandchild in child.children:  # "its run", "the return of X"
                if grandchild.dep_ == "poss":
                    ref = referent_show(grandchild, ctx)
                    if ref:
                        return ref
        if node.dep_ in {"xcomp", "conj", "advcl", "ccomp", "pcomp", "prep"} and node.head != node:
            node = node.head
        else:
            break
    return None


def season_of(tokens: Iterable[Token] | Span, sentence: Span) -> int | None:
    """A season named among ``tokens`` (SEASON entities, then "second season"-like phrases)."""
    from showgraph.nlp.entities import season_number

    token_ids = {t.i for t in tokens}
    for ent in ents(sentence, SEASON):
        if ent.root.i in token_ids:
            number = season_number(ent)
            if number:
                return number
    text_tokens = sorted(token_ids)
    if not text_tokens:
        return None
    doc = sentence.doc
    span = doc[text_tokens[0] : text_tokens[-1] + 1]
    for mention in find_seasons(span.text):
        return int(mention.value)
    return None


def token_ids(tokens: Iterable[Token]) -> set[int]:
    return {t.i for t in tokens}


def clause_tokens(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree without nested finite clauses (relcl, ccomp, advcl)."""
    out = [verb]
    stack = [c for c in verb.children if c.dep_ not in {"relcl", "ccomp", "advcl", "conj", "parataxis"}]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in {"relcl", "ccomp", "advcl", "parataxis"})
    return sorted(out, key=lambda t: t.i)


def date_in(tokens: list[Token], ctx: ArticleContext, *, future: bool | None) -> str | None:
    """The first date among a clause's tokens (resolved against the published date)."""
    if not tokens:
        return None
    ids = token_ids(tokens)
    doc = tokens[0].doc
    span = doc[min(ids) : max(ids) + 1]
    for iso, sub in dates_in(span, ctx.published, future=future):
        if all(t.i in ids for t in sub) or sub.root.i in ids:
            return iso
    return None


def _ahead(iso: str, ctx: ArticleContext) -> bool:
    """Whether a date lies after the article's publication."""
    published = getattr(ctx, "published", None)
    return published is not None and iso > published.isoformat()[: len(iso)]


def timetable_present(verb: Token) -> bool:
    """A present-tense release verb with a date ("the drama returns to Netflix on October 1", "Season 2
    premieres on May 5"): news states a schedule so, and a date without a year then lies ahead."""
    return verb.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _verb_tagged_noun(token: Token, words: dict) -> bool:
    """A present-tense release verb the tagger read as a plural noun at the root, right after a title."""
    doc = token.doc
    tokens = doc_tokens(doc)
    dated = token.i + 1 < len(doc) and tokens[token.i + 1].ent_type_ == "DATE"  # "X debuts Friday on Hulu"
    return (
        token.dep_ in {"ROOT", "appos"}
        and token.tag_ == "NNS"
        and token.lower_[:-1] in words["release_verbs"]
        and token.i > 0
        and doc[token.i - 1].ent_type_ == SHOW
        and (
            dated
            or (token.dep_ == "ROOT" and any(c.dep_ == "prep" and c.lower_ in {"on", "in"} for c in token.children))
        )
    )


def _returns_to_screens(verb: Token) -> bool:
    """ "returns to Netflix", "returns to screens", "Season 3 returns": a show's return is a release; a
    return "to the top of the charts" is not."""
    words = {t.lower_ for t in verb.subtree} | {t.ent_type_ for t in verb.subtree}
    return bool(words & {PLATFORM, "SEASON", "screens", "screen", "tv", "television", "season", "series"})


def is_future(status: str) -> bool:
    """Whether a status states a planned event (dates without a year then resolve forwards)."""
    return status in {"scheduled", "speculative"}


def referring_platform(token: Token, ctx: ArticleContext) -> str | None:
    """A platform named earlier in the article, for "the service"/"the streamer"/"the network"."""
    for ent in reversed([e for e in doc_ents(token.doc) if e.label_ == PLATFORM and e.end <= token.i]):
        return platform_name(ent)
    return None


# ------------------------------------------------------------------------------------------ platform


def _platform_head(ent: Span) -> Token:
    """Climb from a platform name to the noun phrase it names: "cable channel HBO" -> channel."""
    token = ent.root
    words = lexicon()["carrier_nouns"]
    while token.dep_ in {"appos", "compound", "nmod"} and token.head.lemma_.lower() in words:
        token = token.head
    if token.dep_ == "compound" and token.head.ent_type_ == PLATFORM:
        token = token.head
    return token


def carrier_titles(ctx: ArticleContext) -> frozenset[str]:
    """Names the article uses for a service, not a programme: a title-like name that modifies "service",
    "platform" or "channel" somewhere ("the X digital service", "the X channel"). A digital TV service
    gets no ``platform`` or ``released_on`` fact of its own."""
    cached = getattr(ctx, "_carrier_titles", None)
    if cached is not None:
        return cached
    carriers = lexicon()["service_nouns"]
    names = set()
    for ent in doc_ents(ctx.doc):
        if ent.label_ != SHOW:
            continue
        root = ent.root
        if (
            root.dep_ in {"compound", "nmod", "amod"}
            and root.head.lemma_.lower() in carriers
            and root.head.i >= ent.end
        ):
            names.add(show_name(ent))
    ctx._carrier_titles = frozenset(names)  # type: ignore[attr-defined]
    return ctx._carrier_titles  # type: ignore[attr-defined]


@rules.register("release.platform")
def platform_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``platform``: "Netflix's X", "X on Netflix", "the Netflix series", "broadcast by ITV",
    "HBO has renewed X", "cable channel HBO, home of hits such as X"."""
    carriers = carrier_titles(ctx)
    for fact in [*_platforms(sentence, ctx), *_helping_hits(sentence, ctx)]:
        if fact.subject not in carriers:
            yield fact


def _helping_hits(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """Shows credited with a channel's success: "Hits such as X and Y have helped the broadcaster ..."
    (the channel named before): they are its programmes."""
    words = lexicon()
    if off_screen(sentence):
        return
    for verb in token_list(sentence):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in words["helping_verbs"]:
            continue
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubj"} and c.i > verb.i]
        carrier = next(
            (o for o in objs if o.lemma_.lower() in words["carrier_nouns"] and any(
                d.dep_ == "det" and d.lower_ in {"the", "this"} for d in o.children)),
            None,
        )  # fmt: skip
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if carrier is None or not subjects:
            continue
        platform = referring_platform(carrier, ctx)
        if platform is None:
            continue
        for show_ent in ents(sentence, SHOW):
            if subjects[0].left_edge.i <= show_ent.start and show_ent.end <= subjects[0].right_edge.i + 1:
                yield ctx.fact("platform", show_name(show_ent), platform, verb, "release.platform",
                               object_kind="Platform")  # fmt: skip


def _platforms(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    words = lexicon()
    doc = sentence.doc
    if off_screen(sentence):
        return
    for ent in ents(sentence, PLATFORM):
        platform = platform_name(ent)
        found: list[tuple[str, Token]] = []
        after = doc[ent.end] if ent.end < sentence.end else None
        # possessive: "Netflix's The Glory", "the BBC's new drama X"
        if after is not None and after.text in ("'s", "’s"):
            nxt = [e for e in ents(sentence, SHOW) if e.start > ent.end and e.start - ent.end <= 6]
            reporter = (
                nxt
                and nxt[0].root.dep_ == "nsubj"
                and nxt[0].root.head.lemma_.lower()
                in {"say", "report", "write", "ask", "explain", "add", "tell", "note"}
            )  # "the BBC's Jane Doe in Rome says": a correspondent, not a programme
            if (
                nxt
                and not reporter
                and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in doc[ent.end + 1 : nxt[0].start])
            ):
                found.append((show_name(nxt[0]), ent.root))
            else:
                possessed = ent.root.head if ent.root.dep_ == "poss" else after.head
                while possessed.dep_ == "compound" and possessed.head != possessed:
                    possessed = possessed.head
                if possessed.lemma_.lower() in words["audience_nouns"]:
                    verb = possessed.head
                    while verb.dep_ in {"dobj", "xcomp", "ccomp"} and verb.head != verb and verb.pos_ != "VERB":
                        verb = verb.head
                    show = show_of_clause(verb, sentence, ctx, deps=("nsubj", "csubj"))
                    if show:
                        found.append((show, ent.root))
                elif possessed.lemma_.lower() in words["show_nouns"]:
                    show = _show_named_by(possessed, sentence, ctx)
                    if show:
                        found.append((show, ent.root))
        head = _platform_head(ent)
        # attributive: "the Netflix series", "new BBC One daytime crime drama The Mallorca Files"
        if head.dep_ in {"compound", "nmod", "amod", "nummod"} and head.head.lemma_.lower() in words["show_nouns"]:
            show = _show_named_by(head.head, sentence, ctx)
            if show:
                found.append((show, head))
        # carrying preposition: "airs on P", "commissioned by P", "made for P", "brought X to P"
        if (head.dep_ in {"pobj"} and head.head.lower_ in words["carrying_preps"]) or head.dep_ == "agent":
            prep = head.head if head.dep_ == "pobj" else head
            governor = prep.head
            lemma = governor.lemma_.lower()
            if governor.ent_type_ == SHOW:
                found.append((ctx.name(governor), prep))
            elif has_form(governor, words["broadcast_verbs"]) or lemma in words["release_nouns"]:
                show = show_of_clause(governor, sentence, ctx)
                if show is None and governor.pos_ in {"NOUN", "PROPN"}:
                    show = _show_named_by(governor, sentence, ctx)
                if show is None and governor.pos_ in {"NOUN"} and lemma in words["release_nouns"]:
                    show = ctx.show_for(governor, default=True)
                if show:
                    found.append((show, governor))
            elif (lemma in words["show_nouns"] and governor.tag_ in {"NNS", "NNPS"}) or _plural_subject(governor):
                # "Korean dramas on Netflix", "Korean dramas have topped the charts on Netflix" with the
                # titles listed in the sentence
                for show_ent in ents(sentence, SHOW):
                    found.append((show_name(show_ent), governor))
        # subject of a carrying verb: "HBO has renewed X", "NBC begin showing X"
        if head.dep_ in {"nsubj"} and has_form(head.head, words["platform_subject_verbs"]):
            verb = head.head
            targets = [c for c in verb.children if c.dep_ in {"dobj", "xcomp"}]
            for target in targets:
                shows = shows_under(target, sentence)
                if shows:
                    found.append((show_name(shows[0]), verb))
                    break
                if target.dep_ == "xcomp":
                    show = show_of_clause(target, sentence, ctx, deps=("dobj",))
                else:
                    show = referent_show(target, ctx)
                if show:
                    found.append((show, verb))
                    break
        # "cable channel HBO, home of hits such as X and Y"
        rest = doc[ent.end : sentence.end]
        if (
            len(rest) > 2
            and rest[0].text == ","
            and rest[1].lemma_.lower() == "home"
            and rest[2].lower_ in {"of", "to"}
        ):
            for show_ent in ents(sentence, SHOW):
                if show_ent.start > ent.end:
                    found.append((show_name(show_ent), rest[1]))
        # a carrying preposition the parser attached badly: "X will direct and write Y ... for P"
        if not found and head.dep_ == "pobj" and head.head.lower_ in {"for", "on"}:
            root = sentence.root
            verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
            if any(has_form(v, words["broadcast_verbs"]) for v in verbs):
                for verb in verbs:
                    show = show_of_clause(verb, sentence, ctx, deps=("dobj", "nsubjpass"))
                    if show:
                        found.append((show, verb))
                        break
        # "a drama project ... for HBO, called X": the platform inside a noun phrase a title closes
        if not found and head.dep_ == "pobj" and head.head.lower_ == "for":
            for noun in doc[sentence.start : ent.start]:
                if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words["show_nouns"] | {"project"}:
                    continue
                naming = [c for c in noun.children if c.dep_ == "acl" and c.lower_ in {"called", "titled", "entitled"}]
                if naming and naming[0].i > ent.end and not any(t.pos_ == "VERB" for t in doc[noun.i + 1 : ent.start]):
                    shows = shows_under(naming[0], sentence)
                    if shows:
                        found.append((show_name(shows[0]), noun))
        seen = set()
        for show, where in found:
            if show in seen or show == platform:
                continue
            seen.add(show)
            yield ctx.fact("platform", show, platform, where, "release.platform", object_kind="Platform")


def _plural_subject(governor: Token) -> bool:
    """Whether the clause "on P" belongs to has a plural show noun as its subject: "Korean dramas have
    dominated the charts on Netflix" (the preposition on the verb or on its object)."""
    verb = governor
    while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ in {"dobj", "pobj", "prep"} and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    show_nouns = lexicon()["show_nouns"]
    return any(
        c.dep_ == "nsubj" and c.tag_ in {"NNS", "NNPS"} and c.lemma_.lower() in show_nouns for c in verb.children
    )


def _show_named_by(noun: Token, sentence: Span, ctx: ArticleContext) -> str | None:
    """The show a noun phrase like "the drama series" or "drama The Mallorca Files" names."""
    doc = sentence.doc
    # a title right after the noun ("drama The Mallorca Files"), or in apposition
    nxt = [e for e in ents(sentence, SHOW) if 0 <= e.start - noun.i - 1 <= 2]
    gap = doc[noun.i + 1 : nxt[0].start] if nxt else []
    if nxt and not any(
        (t.is_punct and t.text not in {","}) or (t.pos_ in {"VERB", "AUX"} and t.lower_ not in {"called", "titled"})
        for t in gap
    ):  # "The BBC show beat X": X is the rival, not the show
        return show_name(nxt[0])
    for child in noun.children:
        if child.dep_ in {"appos", "compound", "npadvmod", "acl"} and child.ent_type_ == SHOW:
            ent = ctx.entity(child)
            if ent is not None:
                return show_name(ent)
    if noun.dep_ == "appos" and noun.head.ent_type_ == SHOW:
        ent = ctx.entity(noun.head)
        return show_name(ent) if ent is not None else None
    if noun.ent_type_ == SHOW:
        ent = ctx.entity(noun)
        return show_name(ent) if ent is not None else None
    return referent_show(noun, ctx)


# --------------------------------------------------------------------------------------- released_on


def _release_platform(verb: Token, sentence: Span, ctx: ArticleContext) -> str | None:
    words = lexicon()
    for token in clause_tokens(verb):
        if token.ent_type_ == PLATFORM:
            ent = ctx.entity(token)
            if ent is not None:
                return platform_name(ent)
        carrier = token.lemma_.lower() in words["carrier_nouns"] and token.dep_ == "pobj"
        if carrier and any(c.lower_ in {"the", "this"} for c in token.children):
            return referring_platform(token, ctx)
    return None


@rules.register("release.released_on")
def released_on_rule(sentence: Span, ctx: ArticleContext) -> list[Fact]:
    """``released_on``: "premiered on Netflix on December 30, 2022", "was first broadcast on BBC One in
    1978", "will launch in 2020", "its December 2022 debut", "a 2020 launch date".

    An article-scope rule (it is handed the whole document): a date that only repeats a more precise
    one for the same show ("its December 2022 debut" after "released on December 30, 2022") is dropped.
    """
    if not tv_article(ctx):
        return []
    carriers = carrier_titles(ctx)
    found = [
        fact
        for sent in sentence.sents
        for fact in [*_released_on(sent, ctx), *_run_and_year_releases(sent, ctx)]
        if fact.subject not in carriers
    ]
    return [
        fact
        for fact in found
        if not any(
            other.subject == fact.subject
            and len(str(other.object)) > len(str(fact.object))
            and str(other.object).startswith(str(fact.object))
            for other in found
        )
    ]


released_on_rule.scope = "article"  # type: ignore[attr-defined]


def _released_on(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    words = lexicon()
    if off_screen(sentence):
        return
    for token in token_list(sentence):
        lemma = token.lemma_.lower()
        returning = token.pos_ == "VERB" and lemma == "return" and _returns_to_screens(token)
        if _verb_tagged_noun(token, words):
            # "Season 2 of X premieres on Netflix on March 3", the verb tagged as a plural noun
            show = next((show_name(e) for e in ents(sentence, SHOW) if e.end <= token.i), None)
            after = [t for t in token.subtree if t.i > token.i]
            if token.dep_ == "appos":  # the date the parser hung beside it: "X debuts Friday on Hulu"
                after = [
                    token,
                    *(t for t in sentence.doc[token.i + 1 : min(sentence.end, token.i + 4)] if t.ent_type_ == "DATE"),
                ]
            date = date_in(after, ctx, future=True)
            if show and date:
                season = season_of(sentence.doc[sentence.start : token.i], sentence)
                yield ctx.fact(
                    "released_on", show, date, token, "release.released_on", status="scheduled",
                    qualifiers={"season": season, "platform": _release_platform(token, sentence, ctx)},
                )  # fmt: skip
            continue
        if token.pos_ in {"VERB", "AUX"} and (
            lemma in words["release_verbs"] or has_form(token, words["release_verbs"]) or returning
        ):
            if token.dep_ == "amod":
                continue
            governor = token
            while governor.dep_ == "xcomp" and governor.head != governor:
                governor = governor.head  # "Production ... is set to begin in June": the subject of "is set"
            arguments = [*token.children, *(g for g in governor.children if g.dep_ in {"nsubj", "nsubjpass"})]
            if lemma in {"begin", "start", "open"} and any(
                words["production_nouns"] & {t.lemma_.lower(), t.lower_} for c in arguments
                if c.dep_ in {"dobj", "xcomp", "nsubj", "nsubjpass", "prep"} for t in c.subtree
            ):  # fmt: skip
                continue  # "begins filming next month", "production starts in May": no release
            status, cues = ctx.status(token, negation=None)
            tokens = [t for t in clause_tokens(token) if t.dep_ not in {"nsubj", "nsubjpass"} or t.i > token.i]
            date = date_in(tokens, ctx, future=is_future(status) or timetable_present(token))
            if date is None:
                continue
            if status == "confirmed" and timetable_present(token) and _ahead(date, ctx):
                status = "scheduled"  # "returns to Netflix on October 1": a plan
            show = show_of_clause(token, sentence, ctx, deps=("nsubj", "nsubjpass", "dobj"))
            # "The show's second season premiered on January 9", parsed as a noun phrase with the verb
            # hung on it: the noun is the subject
            fragment = token.dep_ == "acl" and token.tag_ in {"VBD", "VBN"} and token.head.dep_ == "ROOT"
            if show is None and fragment and token.head.lemma_.lower() in {"season", "series", "show", "drama"}:
                head = token.head
                owner = [c for c in head.children if c.dep_ == "poss"]
                found = shows_under(head, sentence)
                show = show_name(found[0]) if found else referent_show(owner[0] if owner else head, ctx)
            if show is None:
                continue
            subject = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if fragment and not subject:
                subject = [token.head]
            if token.dep_ == "relcl" and any(s.lower_ in {"which", "that"} for s in subject):
                subject = [token.head]  # "The first season, which premiered on ...": its antecedent
            season = season_of([t for s in subject for t in s.subtree if not (t.i >= token.i)], sentence) or (
                ctx.season_for(token)
            )
            qualifiers = {"season": season, "platform": _release_platform(token, sentence, ctx)}
            yield ctx.fact(
                "released_on", show, date, token, "release.released_on",
                qualifiers=qualifiers, status=status, cues=cues,
            )  # fmt: skip
        elif token.pos_ in {"NOUN", "PROPN"} and (lemma in words["release_nouns"] or _dated_run(token)):
            # "its December 2022 debut", "a 2020 launch date", "its 2002 series"
            modifiers = [c for c in token.subtree if c.i < token.i]
            date = date_in(modifiers, ctx, future=None)
            if date is None:
                continue
            owner = [c for c in token.children if c.dep_ == "poss"]
            show = referent_show(owner[0], ctx) if owner else None
            if show is None:
                head = token.head
                while head.dep_ in {"pobj", "prep", "compound"} and head.head != head:
                    head = head.head
                if head.pos_ in {"VERB", "AUX"}:
                    show = show_of_clause(head, sentence, ctx, deps=("nsubj", "nsubjpass"))
            if show is None:
                continue
            verb = token.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
                verb = verb.head
            status, cues = ctx.status(verb, negation=None)
            status = status if status == "scheduled" else "confirmed"
            yield ctx.fact(
                "released_on", show, date, token, "release.released_on",
                qualifiers={"season": ctx.season_for(token), "platform": _release_platform(token, sentence, ctx)},
                status=status, cues=cues,
            )  # fmt: skip


def _run_and_year_releases(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "X ran from 1971 to 1987" (first shown in 1971), "1989's Shirley Valentine" (a year's title)."""
    for token in token_list(sentence):
        if token.pos_ == "VERB" and token.lemma_.lower() == "run" and not any(c.dep_ == "neg" for c in token.children):
            years = _from_to_years(token)
            if years and _about_production(token):
                show = show_of_clause(token, sentence, ctx, deps=("nsubj", "nsubjpass"))
                if show:
                    yield ctx.fact("released_on", show, years[0], token, "release.released_on")
        if re.fullmatch(r"(19|20)\d\d", token.text) and token.i + 2 < sentence.end:
            case = sentence.doc[token.i + 1]
            title = ctx.entity(sentence.doc[token.i + 2])
            if (
                case.lower_ in {"'s", "’s"}
                and title is not None
                and title.label_ == SHOW
                and title.start == token.i + 2
            ):
                yield ctx.fact("released_on", show_name(title), token.text, token, "release.released_on")


def _dated_run(noun: Token) -> bool:
    """ "its 2002 series", "the show's 2019 season": a run of a show named by its year (a bare year right
    before the noun, and an owner)."""
    if noun.lower_ not in {"series", "season"} or noun.i == 0:
        return False
    year = noun.doc[noun.i - 1]
    owned = any(c.dep_ == "poss" for c in noun.children)
    return owned and year.like_num and len(year.text) == 4 and year.text[:2] in {"19", "20"} and year.head == noun


# ------------------------------------------------------------------------------------- episode_count


def _count_show(noun: Token, sentence: Span, ctx: ArticleContext) -> str | None:
    """The show an "N episodes"/"six-part series" phrase belongs to."""
    for child in noun.children:  # "episodes of X"
        if child.dep_ == "prep" and child.lower_ == "of":
            shows = shows_under(child, sentence)
            if shows:
                return show_name(shows[0])
    head = noun
    while head.dep_ in {"pobj", "prep", "dobj", "attr", "compound", "nsubj", "npadvmod", "appos"}:
        if head.head == head:
            break
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            break
    if noun.dep_ in {"nsubj", "nsubjpass"} or noun.lower_ in {"series", "drama", "show"}:
        show = _show_named_by(noun, sentence, ctx)
        if show:
            return show
    if head.pos_ in {"VERB", "AUX"}:
        show = show_of_clause(head, sentence, ctx, deps=("nsubj", "nsubjpass", "dobj"))
        if show:
            return show
    return ctx.show_for(noun, default=True)


@rules.register("release.episode_count")
def episode_count_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``episode_count``: "16 episodes", "Thirteen episodes of X", "the six-part series",
    "a 10-episode season", "will consist of six episodes"."""
    words = lexicon()
    doc = sentence.doc
    tokens = doc_tokens(doc)
    if off_screen(sentence):
        return
    for token in token_list(sentence):
        lower = token.lower_
        value: int | float | None = None
        noun: Token | None = None
        if token.lemma_.lower() == "episode" and token.tag_ in {"NNS"}:
            nums = [c for c in token.children if c.dep_ in {"nummod", "compound"} and c.like_num]
            if nums:
                value = parse_number(nums[0].text)
                # "the last two episodes", "two of the episodes": a part, not the count
                mods = {c.lower_ for c in token.children if c.dep_ in {"amod", "advmod", "det"}}
                if mods & words["partial_words"]:
                    continue
                noun = token
        elif "-" in lower or (token.i + 2 < sentence.end and tokens[token.i + 1].text == "-"):
            # "six-part", "10-episode" (one token or three)
            parts = lower.split("-") if "-" in lower and lower != "-" else None
            if parts and len(parts) == 2:
                number_text, unit = parts
                nxt = token.head if token.head.i > token.i else (doc[token.i + 1] if token.i + 1 < len(doc) else token)
            elif token.like_num and doc[token.i + 1].text == "-":
                number_text, unit = lower, doc[token.i + 2].lower_
                nxt = doc[token.i + 2].head
            else:
                continue
            if unit not in words["part_units"]:
                continue
            value = parse_number(number_text)
            noun = nxt if nxt.pos_ in {"NOUN", "PROPN"} else token.head
            if noun.lemma_.lower() not in words["show_nouns"] | {"run", "season", "series", "order"}:
                continue
        if not value or not isinstance(value, int) or value < 2 or value > 500 or noun is None:
            continue
        show = _count_show(noun, sentence, ctx)
        if show is None:
            continue
        window = [t for t in doc[max(sentence.start, noun.i - 8) : min(sentence.end, noun.i + 8)]]
        season = season_of(window, sentence) or ctx.season_for(noun)
        status, cues = ctx.status(noun, negation=None)
        # a planned show's length is stated as fact ("will have six episodes"); a guess or a report is not
        status = status if status in {"reported", "rumored", "speculative", "denied"} else "confirmed"
        yield ctx.fact(
            "episode_count", show, value, noun, "release.episode_count",
            qualifiers={"season": season}, status=status, cues=cues,
        )  # fmt: skip


# ------------------------------------------------------------------------------------- season_status


def _season_number_after(token: Token, sentence: Span) -> int | None:
    """The season a "for a second season"/"for Season 2" phrase after ``token`` names."""
    from showgraph.nlp.entities import season_number

    clause = {t.i for t in clause_tokens(token) if t.i >= token.i}
    for ent in ents(sentence, SEASON):
        if ent.root.i in clause and season_number(ent):
            return season_number(ent)
    window = sentence.doc[token.i : min(sentence.end, token.i + 8)]
    for mention in find_seasons(window.text):
        return int(mention.value)
    for t in window:
        if t.lower_ in {"season", "series", "run"}:
            ords = [c for c in t.children if ordinal_value(c.lower_)]
            if ords:
                return ordinal_value(ords[0].lower_)
    return None


def _status_value(token: Token) -> str | None:
    """The season status a word states, from the lists in ``patterns/release.json``."""
    words = lexicon()
    lemma = token.lemma_.lower()
    if lemma in {"film", "shoot"} and (token.tag_ != "VBG" or any(c.dep_ == "prt" for c in token.children)):
        return None  # "is filming" is production; "was filmed", "shooting up the charts" are not
    for key in ("commissioned", "renewed", "in_production", "suspended", "cancelled", "ended"):
        if has_form(token, words[f"status_{key}"]):
            return key
    return None


@rules.register("release.season_status")
def season_status_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``season_status``: renewed ("renewed for a second season", "recommissioned", "to return for a
    second series"), commissioned, in_production ("filming begins", "will go into production",
    "currently in production"), suspended, cancelled ("axed", "cancelled"), ended ("ended its run",
    "drew to a close"), unconfirmed ("has not been renewed/guaranteed", "no word on a Season 2")."""
    if not tv_article(ctx) or off_screen(sentence):
        return
    words = lexicon()
    doc = sentence.doc
    for token in token_list(sentence):
        lemma = token.lemma_.lower()
        value = None
        anchor = token
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod"}:
            value = _status_value(token)
            if value == "ended":
                # a show ends "its run"/"draws to a close"; "Season 1 ended" is a season finale
                objs = [c for c in token.children if c.dep_ in {"dobj", "prep", "pobj"}]
                obj_words = {t.lemma_.lower() for c in objs for t in c.subtree}
                subject = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
                # "X ended in 2022": a titled show ended in a year (not "ended on a cliffhanger")
                year_end = (
                    lemma == "end"
                    and len(subject) == 1
                    and subject[0].left_edge.i == sentence.start  # the whole clause opens with the show
                    and not any(c.dep_ == "npadvmod" for c in token.children)
                    and any(
                        s.ent_type_ == SHOW or (s.lemma_.lower() in words["show_nouns"] and shows_under(s, sentence))
                        for s in subject
                    )
                    and not any(
                        t.lower_ in {"season", "episode", "chapter", "part"} for s in subject for t in s.subtree
                    )
                    and not any(c.dep_ == "dobj" for c in token.children)
                    and any(
                        p.dep_ == "prep"
                        and p.lower_ == "in"
                        and any(re.fullmatch(r"(19|20)\d\d", t.text) for t in p.subtree)
                        for p in token.children
                    )
                )
                if (
                    lemma in {"end", "finish", "conclude", "wrap"}
                    and not obj_words & {"run", "life", "series", "season"}
                    and not year_end
                ):
                    value = None
                if lemma in {"draw", "come"} and not obj_words & {"close", "end"}:
                    value = None
                if lemma == "bow" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
                    value = None  # "bowed out after six series"; "bows on Netflix" is a debut
                if any(e.label_ == SEASON for s in subject for e in span_ents(doc[s.left_edge.i : s.right_edge.i + 1])):
                    value = None
            if (
                value == "renewed"
                and lemma in {"return", "come"}
                and _season_number_after(token, sentence) is None
                and not any(c.lower_ in {"series", "season"} for c in token.subtree)
            ):
                value = None
            if value in {"in_production"} and lemma in {"begin", "start", "commence", "get", "go", "wrap"}:
                governor = token
                while governor.dep_ == "xcomp" and governor.head != governor:
                    governor = governor.head  # "Production on X is set to begin in June"
                subject_words = {t.lemma_.lower() for c in [*token.children, *governor.children]
                                 if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}  # fmt: skip
                obj_words = {t.lemma_.lower() for t in token.subtree}
                if not (subject_words | obj_words) & words["production_nouns"]:
                    value = None
        elif lemma in words["production_nouns"] and token.dep_ == "pobj" and token.head.lower_ in {"in", "into"}:
            value = "in_production"
            anchor = token.head.head
        if value is None:
            continue
        status, cues = ctx.status(token, negation=None)
        if status == "confirmed" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue  # a bare infinitive ("the perfect place to end the series") states nothing
        negated = any(c.dep_ == "neg" for c in token.children) or any(
            c.dep_ == "neg" for c in token.head.children if token.dep_ in {"xcomp"}
        )
        if negated:
            if value in {"renewed", "commissioned"}:
                value, status, cues = "unconfirmed", "confirmed", ()
            else:
                continue
        if value == "renewed":
            season = _season_number_after(token, sentence)
            if season == 1:
                value = "commissioned"
        elif value == "commissioned":
            ordered = [
                t
                for c in token.children
                if c.dep_ in {"dobj", "nsubjpass"} or (c.dep_ == "prep" and c.lower_ == "for")
                for t in c.subtree
            ]
            if (season_of(ordered, sentence) or 0) >= 2:
                value = "renewed"  # "greenlit a second season": a further order
        objects = [c for c in anchor.children if c.dep_ == "dobj"]
        if objects and not (
            shows_under(objects[0], sentence)
            or referent_show(objects[0], ctx)
            or objects[0].lemma_.lower() in lexicon()["show_nouns"] | {"season", "series", "run", "episode"}
        ):
            continue  # "renews sales", "cancelled the meeting"
        if anchor.pos_ in {"VERB", "AUX"} and not _about_production(anchor):
            continue  # "DiCaprio paused to sign autographs": a person, not the production, paused
        show = show_of_clause(anchor, sentence, ctx, deps=("nsubj", "nsubjpass", "dobj"))
        if show is None and value == "in_production":
            show = _show_near(anchor, sentence, ctx)
        if show is None:
            continue
        season = _season_number_after(token, sentence) or season_of(
            [t for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree], sentence
        )
        if value == "renewed" and season is None and lemma in {"renew", "recommission"}:
            season = None
        date = date_in(clause_tokens(anchor), ctx, future=is_future(status) or timetable_present(anchor))
        yield ctx.fact(
            "season_status", show, value, token, "release.season_status",
            qualifiers={"season": season, "date": date}, status=status, cues=cues,
        )  # fmt: skip
    yield from _unconfirmed(sentence, ctx)
    yield from _new_series(sentence, ctx)
    yield from _status_phrases(sentence, ctx)


def _status_phrases(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """Statuses said by a phrase: "will not return to screens" (cancelled), "has been put on pause/hold",
    "went on hiatus" (suspended), "is due to start its fourth series" (renewed, season 4), "ran from
    1971 to 1987" (ended in 1987)."""
    words = lexicon()
    for token in token_list(sentence):
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = token.lemma_.lower()
        value = None
        season = None
        date = None
        negated = any(c.dep_ == "neg" for c in token.children)
        if lemma == "return" and negated and _returns_to_screens(token):
            if any(c.dep_ == "aux" and c.lower_ in {"will", "wo", "'ll", "shall"} for c in token.children):
                value = "cancelled"  # "X will not return to screens, the BBC has said"
        elif lemma == "be" and not negated and _last_season(token, sentence):
            # "The fourth season of X will be its last": the show ends with that season
            value, season = "ended", _last_season(token, sentence)
        elif lemma in {"put", "go", "be", "place"} and not negated:
            # "has been put on pause", "was put on hold", "went on hiatus", "is on hiatus"
            on = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children
                  if o.dep_ == "pobj" and o.lemma_.lower() in words["pause_nouns"]]  # fmt: skip
            if any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children):  # "put on pause" (a particle)
                on += [
                    c for c in token.children if c.dep_ in {"dobj", "oprd"} and c.lemma_.lower() in words["pause_nouns"]
                ]
            if on and (lemma != "be" or on[0].lemma_.lower() == "hiatus"):
                value = "suspended"
        elif lemma == "be" and negated and any(c.lower_ == "back" for c in token.children):
            if any(c.dep_ == "aux" and c.lower_ in {"will", "wo", "'ll", "shall"} for c in token.children):
                value = "cancelled"  # "X won't be back for a fourth season"
        elif lemma in {"pick", "get", "land", "score", "earn", "secure", "receive", "bag"} and not negated:
            # "has been picked up for a second season", "gets a third season": a further order
            if lemma == "pick" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
                continue
            ordered = [t for c in token.children if c.dep_ in {"dobj", "prep"} for t in c.subtree]
            if not any(t.lemma_.lower() in {"season", "series"} for t in ordered):
                continue
            number = season_of(ordered, sentence)
            if lemma == "pick" and number == 1:
                value, season = "commissioned", None
            elif number and number >= 2:
                value, season = "renewed", number
        elif lemma in {"start", "begin", "launch"} and not negated:
            # "is due to start its fourth series": a further season of the show
            for obj in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in {"series", "season"}):
                owned = any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in obj.children)
                number = season_of(list(obj.subtree), sentence)
                if owned and number and number >= 2:
                    value, season = "renewed", number
        elif lemma == "run" and not negated:
            years = _from_to_years(token)
            if years and (ctx.published is None or int(years[1]) < ctx.published.year):
                value, date = "ended", years[1]  # "ran from 1971 to 1987": a past run
        if lemma == "pull" and not negated and any(c.dep_ == "dobj" and c.lower_ == "plug" for c in token.children):
            # "Netflix has pulled the plug on X": the show is the object of "on"
            on = [o for c in token.children for p in [c, *c.children] if p.dep_ == "prep" and p.lower_ == "on"
                  for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            shows = shows_under(on[0], sentence) if on else []
            name = show_name(shows[0]) if shows else (referent_show(on[0], ctx) if on else None)
            if name:
                status, cues = ctx.status(token, negation=None)
                yield ctx.fact("season_status", name, "cancelled", token, "release.season_status",
                               status=status, cues=cues)  # fmt: skip
            continue
        if value is None:
            continue
        clause = token
        while clause.dep_ in {"xcomp", "acomp"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            clause = clause.head  # "X is due to start ...": the subject of "is"
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # "X and Y's entertainment show Z will not return": the parser may make the show an apposition
        show_appos = any(a.dep_ == "appos" and (a.ent_type_ == SHOW or a.lemma_.lower() in words["show_nouns"])
                         for s in subjects for a in s.children)  # fmt: skip
        if not (_about_production(clause) or show_appos):
            continue
        show = show_of_clause(clause, sentence, ctx, deps=("nsubj", "nsubjpass"))
        if show is None:
            continue
        status, cues = ctx.status(token, negation=None)
        if value == "cancelled":
            status, cues = "confirmed", ()  # "will not return" states the decision
        if value == "ended" and date is not None:
            status, cues = "confirmed", ()  # "ran from 1971 to 1987": a past run
        if date is None:
            date = date_in(clause_tokens(token), ctx, future=is_future(status) or timetable_present(token))
        yield ctx.fact(
            "season_status", show, value, token, "release.season_status",
            qualifiers={"season": season, "date": date}, status=status, cues=cues,
        )  # fmt: skip


def _last_season(verb: Token, sentence: Span) -> int | None:
    """The season a copula calls the last: "the fourth season will be its last/final season"."""
    attrs = [c for c in verb.children if c.dep_ in {"attr", "acomp"}]
    last = any(a.lower_ in {"last", "final"} or any(c.lower_ in {"last", "final"} for c in a.children) for a in attrs)
    if not last:
        return None
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if subject.lemma_.lower() in {"season", "series"}:
            number = season_of(list(subject.subtree), sentence)
            if number:
                return number
    return None


def _from_to_years(verb: Token) -> tuple[str, str] | None:
    """ "ran from 1971 to 1987" (also "from 1971-87"): the first and last year of a run."""
    years = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "to", "until", "till"}:
            for t in prep.subtree:
                if re.fullmatch(r"(19|20)\d\d", t.text):
                    years.append((prep.lower_, t.text))
    start = next((y for p, y in years if p == "from"), None)
    end = next((y for p, y in years if p in {"to", "until", "till"}), None)
    if start and end and start < end:
        return start, end
    return None


def _about_production(verb: Token) -> bool:
    """Whether a status verb's subject or object is the production itself: a title, "the series", "it",
    "filming", a season, so "the star paused to sign autographs" states no suspension.

    >>> nlp = _test_nlp()
    >>> _about_production(nlp("The series was paused after the fire.")[3])
    True
    >>> _about_production(nlp("The actor paused in the cold air.")[2])
    False
    """
    words = lexicon()
    production = words["show_nouns"] | words["production_nouns"] | {"season", "series", "run", "episode",
                                                                     "it", "they", "which", "that"}  # fmt: skip
    args = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "csubj"}]
    node = verb
    while not args and node.dep_ in {"xcomp", "conj", "advcl"} and node.head != node:
        node = node.head  # "is set to return", "was filmed and later cancelled"
        args = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    for arg in args:
        if arg.lower_ in {"who", "which", "that"} and node.dep_ == "relcl":
            arg = node.head
        if arg.ent_type_ in {"PERSON", "NORP", "GPE"}:
            continue
        if arg.ent_type_ == SHOW or arg.lemma_.lower() in production or arg.lower_ in production:
            return True
        if any(t.ent_type_ == SHOW for t in arg.subtree) and arg.pos_ in {"NOUN", "PROPN"}:
            return arg.lemma_.lower() not in words["person_nouns"]
    return False


def _show_near(anchor: Token, sentence: Span, ctx: ArticleContext) -> str | None:
    """The show an "in production"/"filming begins on X" phrase is attached to."""
    shows = ents(sentence, SHOW)
    if not shows:
        return referent_show(anchor, ctx) if anchor.pos_ == "NOUN" else None
    nearest = min(shows, key=lambda e: min(abs(e.start - anchor.i), abs(e.end - 1 - anchor.i)))
    if min(abs(nearest.start - anchor.i), abs(nearest.end - 1 - anchor.i)) <= 6:
        return show_name(nearest)
    return None


def _unconfirmed(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "no word on a Season 2", "yet to be renewed", "nothing has been confirmed about a second season"."""
    words = lexicon()
    for token in token_list(sentence):
        if token.lower_ == "no" and token.head.lemma_.lower() in words["news_nouns"]:
            noun = token.head
            season = _season_number_after(noun, sentence)
            if season is None or season < 2:
                continue
            show = ctx.show_for(noun, default=True)
            if show:
                yield ctx.fact(
                    "season_status", show, "unconfirmed", noun, "release.season_status",
                    qualifiers={"season": season},
                )  # fmt: skip
        if token.lower_ == "yet" and token.head.lemma_.lower() in {"have", "be"}:
            verb = next((c for c in token.head.children if c.dep_ == "xcomp"), None)
            if verb is not None and _status_value(verb) == "renewed":
                show = show_of_clause(token.head, sentence, ctx, deps=("nsubj", "nsubjpass"))
                if show:
                    yield ctx.fact(
                        "season_status", show, "unconfirmed", verb, "release.season_status",
                        qualifiers={"season": _season_number_after(verb, sentence)},
                    )  # fmt: skip


def _new_series(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """ "new episodes of X", "a new series of X", "the return of X" -> renewed."""
    words = lexicon()
    for token in token_list(sentence):
        lemma = token.lemma_.lower()
        if lemma not in words["renewal_nouns"]:
            continue
        if lemma in {"episode", "series", "season"} and not any(
            c.lower_ in {"new", "another", "further", "fresh"} for c in token.children
        ):
            continue
        if lemma in {"return", "revival", "comeback"} and not any(
            t.lower_ in words["tv_words"] for t in token_list(sentence)
        ):
            continue  # "the return of X" from injury is no new series
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        shows = shows_under(of, sentence) if of is not None else []
        if not shows:
            continue
        status, cues = ctx.status(token, negation=None)
        yield ctx.fact(
            "season_status", show_name(shows[0]), "renewed", token, "release.season_status",
            qualifiers={"season": _season_number_after(token, sentence)}, status=status, cues=cues,
        )  # fmt: skip
