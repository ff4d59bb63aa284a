"""Reception rules: ``rating``, ``viewership``, ``genre``, ``country``, ``won_award``,
``nominated_for`` and ``adapted_from``.

Genre and country are read from the noun phrase that names a show ("the Korean psychological
thriller", "TV soap Brookside", "X is an upcoming Korean drama series"): genre words are the head and
its genre modifiers, the country is an adjective of origin (never where the show is broadcast). A figure
is viewership only when its clause is about a show's audience, so a channel's share or a company's
sales stay out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from showgraph.facts import Fact
from showgraph.nlp.aliases import fold
from showgraph.nlp.context import ArticleContext, doc_ents, doc_tokens, span_ents, span_text, token_list
from showgraph.nlp.lexicon import patterns
from showgraph.nlp.numbers import find_numbers
from showgraph.nlp.relations import rules
from showgraph.nlp.relations.release import (
    PLATFORM,
    SHOW,
    clause_tokens,
    date_in,
    ents,
    forms,
    has_form,
    off_screen,
    referent_show,
    show_name,
    show_of_clause,
    shows_under,
    tv_article,
)

AGGREGATOR = "AGGREGATOR"
#: Entity labels that end a genre phrase: a name, a number, a date or time ("Saturday night series").
NOT_GENRE_LABELS = frozenset({"NORP", "GPE", PLATFORM, "PERSON", "ORG", SHOW, "CARDINAL", "ORDINAL", "DATE", "TIME"})


@cache
def lexicon() -> dict:
    """Word lists of ``patterns/reception.json``."""
    out: dict = {}
    for key, value in patterns("reception").items():
        out[key] = value if isinstance(value, dict) else frozenset(value)
    return out


# --------------------------------------------------------------------------------------- genre/country


def _before_title(token: Token) -> bool:
    toks = doc_tokens(token.doc)
    return token.i + 1 < len(toks) and toks[token.i + 1].ent_type_ == SHOW and toks[token.i + 1].ent_iob_ == "B"


def _genre_head(token: Token) -> bool:
    words = lexicon()
    lower = token.lower_
    if token.pos_ not in {"NOUN", "PROPN", "ADJ"} and not _before_title(token):
        return False
    if lower in words["genre_nouns"] or token.lemma_.lower() in words["genre_nouns"]:
        return True
    if lower in words["format_nouns"]:
        return any(c.dep_ in {"compound", "amod"} and c.lower_ in words["format_genres"] | words["genre_nouns"]
                   for c in token.children)  # fmt: skip
    return False


def _genre_text(head: Token) -> str | None:
    """The genre words of a noun phrase: the head with its genre modifiers, left to right until a word
    that is no genre ("new", "TV", a name, a number, a nationality)."""
    words = lexicon()
    doc = head.doc
    start = head.i
    index = head.i - 1
    while index >= 0:
        token = doc[index]
        lower = token.lower_
        if token.text == "-" and index > 0:
            left = doc[index - 1]
            glued = not left.whitespace_ and not token.whitespace_
            if glued and left.is_alpha and not left.like_num and start == index + 1:
                # a hyphenated compound stays whole ("sci-fi thriller", not "fi thriller")
                if left.lower_ in words["not_genre_modifiers"]:
                    start = index + 1
                    break
                start = index - 1
                index -= 2
                continue
            index -= 1
            continue
        outside = token.dep_ not in {"amod", "compound", "nmod", "npadvmod", "punct", "advmod"}
        if outside and token.head != head and not (token.i < token.head.i <= head.i):
            break
        if (
            lower in words["not_genre_modifiers"]
            or lower in words["country_adjectives"]
            or token.ent_type_ in NOT_GENRE_LABELS
            or token.is_punct
            or token.like_num
            or any(ch.isdigit() for ch in lower)
            or token.pos_ in {"DET", "PRON", "PROPN", "NUM", "VERB", "ADV", "PART"}
            or (token.is_title and not token.is_sent_start)
        ):
            break
        start = index
        index -= 1
    while start < head.i and doc[start].text == "-":
        start += 1
    phrase = [t for t in doc[start : head.i + 1]]
    # "six-part drama": the count is no genre word
    while len(phrase) > 1 and phrase[0].i >= 2 and doc[phrase[0].i - 1].text == "-" and doc[phrase[0].i - 2].like_num:
        phrase = phrase[1:]
    if not phrase:
        return None
    # "drama series" -> "drama"; "talent show" stays
    if (
        len(phrase) > 1
        and phrase[-1].lower_ in {"series", "programme", "program", "project", "franchise", "film", "movie"}
        and (phrase[-2].lower_ in words["genre_nouns"])
    ):
        phrase = phrase[:-1]
    text = doc[phrase[0].i : phrase[-1].i + 1].text.lower()
    if text in words["format_nouns"] or text in {"spin-off", "spinoff"}:
        return None
    if text.endswith("s") and text[:-1] in words["genre_nouns"] | {"k-drama"}:
        text = text[:-1]
    return text


def _country(head: Token) -> str | None:
    """An adjective of origin among the phrase's modifiers ("Korean", "US", "British"), or a K-drama."""
    words = lexicon()
    table = words["country_adjectives"]
    if head.lower_ in {"k-drama", "kdrama", "k-dramas"}:
        return table["k-drama"]
    for token in head.doc[head.left_edge.i : head.i]:
        if token.head.i < head.i - 3 and token.head != head:
            continue
        lower = token.lower_
        if token.i + 1 < head.i:
            pair = f"{lower} {token.doc[token.i + 1].lower_}"
            if pair in table:
                return table[pair]
        if lower in table and (token.ent_type_ in {"NORP", "GPE", ""} or lower in {"k-drama"}):
            if token.dep_ in {"poss", "pobj"}:  # "Korea's", "shown in the US": not an origin
                continue
            return table[lower]
    return None


def _phrase_show(head: Token, sentence: Span, ctx: ArticleContext) -> str | None:
    """The show a genre noun phrase names: a title right after it ("the sitcom Extras"), in apposition
    ("Grange Hill, the school-based drama serial"), by "called X", by the copula ("X is a drama"), or
    "the thriller" for the show being talked about."""
    doc = sentence.doc
    if any(
        c.dep_ == "relcl" and any(forms(t) & {"base", "adapt", "inspire"} for t in c.subtree) for c in head.children
    ):
        return None  # "the thriller upon which the film is based": the source, not the show
    non_screen = lexicon()["non_screen_works"]
    top = head
    while top.dep_ == "compound" and top.head != top:
        top = top.head
    if top.dep_ == "appos" and top.head.lemma_.lower() in non_screen:
        return None  # "her latest book, the thriller X": a novel
    if any(c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in non_screen for c in head.children):
        return None  # "the stage comedy X", "the radio thriller X"
    # a title right after the noun, even where the parser split the sentence before it
    nxt = [e for e in doc_ents(doc) if e.label_ == SHOW and 1 <= e.start - head.i <= 2]
    if nxt and "\n" not in doc[head.i : nxt[0].start].text_with_ws:
        between = doc[head.i + 1 : nxt[0].start]
        if all(t.text in {",", "called", "titled", "entitled", ":"} for t in between):
            return show_name(nxt[0])
    for child in head.children:
        if child.dep_ in {"appos", "compound"} and child.ent_type_ == SHOW:
            ent = ctx.entity(child)
            if ent is not None and ent.start > head.i:
                return show_name(ent)
        if child.dep_ == "acl" and child.lower_ in {"called", "titled", "entitled", "named"}:
            shows = shows_under(child, sentence)
            if shows:
                return show_name(shows[0])
    if head.dep_ == "appos" and head.head.ent_type_ == SHOW:
        ent = ctx.entity(head.head)
        if ent is not None:
            return show_name(ent)
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
        if subjects:
            shows = shows_under(subjects[0], sentence)
            if shows:
                return show_name(shows[0])
            ref = referent_show(subjects[0], ctx)
            if ref:
                return ref
        return None
    if head.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children
    ):
        if head.ent_type_ or head.tag_ in {"NNS", "NNPS"}:
            return None
        # "the thriller" is the show the article is about; in a round-up of many titles it could be any
        # of them (or a novel, or a stage play), so it names none
        from showgraph.nlp.relations.release import _recent_show

        if head.lemma_.lower() in lexicon()["stage_genres"]:
            return None  # "the musical", "the opera": in this news most often a stage production
        ref = referent_show(head, ctx)
        if ref is not None and ref == ctx.default_show:
            return ref
        ref = ref or _recent_show(head) or ctx.main_show
        return ref if ref is not None and _sole_show_before(head, ref) else None
    return None


def _also_of_genre(head: Token, show: str, sentence: Span) -> list[str]:
    """ "As well as X, she made another satire, Y": "another" says X is a satire too."""
    if not any(c.dep_ == "det" and c.lower_ == "another" for c in head.children):
        return []
    out = []
    for ent in ents(sentence, SHOW):
        root = ent.root
        if ent.end <= head.i and root.dep_ == "pobj" and root.head.lower_ in {"as", "besides", "like", "alongside"}:
            name = show_name(ent)
            if name != show:
                out.append(name)
    return out


def _sole_show_before(head: Token, ref: str) -> bool:
    """Whether ``ref`` is the one show named in the last sentence that names any (at most three sentences
    back) and none other is named in this one before ``head``: "... Hide and Seek took $22m. The thriller
    shot to number one." """
    from showgraph.nlp.context import label_spans, sentence_bounds

    doc = head.doc
    start, _ = sentence_bounds(doc, head.i)
    common = lexicon()["genre_nouns"] | lexicon()["format_nouns"] | {"film", "movie", "star"}

    def label_spans_named(first: int, last: int) -> list[Span]:
        # a bare common noun tagged as a title ("Film star X") names no show
        return [e for e in label_spans(doc, SHOW, first, last) if e.text.lower() not in common]

    here = {show_name(e) for e in label_spans_named(start, head.i)}
    if not here <= {ref}:
        return False
    for _ in range(3):
        if start == 0:
            return False
        start, end = sentence_bounds(doc, start - 1)
        before = {show_name(e) for e in label_spans_named(start, end)}
        if before:
            return before == {ref}
    return False


@rules.register("reception.genre_country")
def genre_country_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``genre`` and ``country`` from the noun phrases that name a show."""
    words = lexicon()
    if off_screen(sentence):
        return
    for token in token_list(sentence):
        is_genre = _genre_head(token)
        is_country_head = (token.pos_ in {"NOUN", "PROPN"} or _before_title(token)) and (
            token.lower_ in words["country_heads"] or is_genre or token.lower_ in {"show", "series", "programme"}
        )
        if not (is_genre or is_country_head):
            continue
        if token.lower_ in words["not_country_heads"]:
            continue
        show = _phrase_show(token, sentence, ctx)
        if show is None:
            continue
        frame, frame_cues = ctx.status(token, negation=None)
        if frame == "speculative" and {c.lower() for c in frame_cues} & lexicon()["counterfactual_cues"]:
            continue  # "if it was a comedy", "it could be a thriller": no genre stated
        if is_genre:
            genre = _genre_text(token)
            if genre:
                status, cues = ctx.status(token, negation=None)
                status = status if status in {"reported", "alleged", "rumored"} else "confirmed"
                yield ctx.fact("genre", show, genre, token, "reception.genre", status=status, cues=cues)
                for other in _also_of_genre(token, show, sentence):
                    yield ctx.fact("genre", other, genre, token, "reception.genre", status=status, cues=cues)
        country = _country(token)
        if country:
            yield ctx.fact("country", show, country, token, "reception.country")
        # "Korean dramas on Netflix" listed titles: the plural phrase carries its country to each
    if any(t.lower_ in {"dramas", "k-dramas", "titles", "shows", "series"} for t in token_list(sentence)):
        for token in token_list(sentence):
            if token.tag_ in {"NNS"} and (_genre_head(token) or token.lower_ in {"k-dramas", "titles", "shows"}):
                country = _country(token)
                if not country:
                    continue
                for show_ent in ents(sentence, SHOW):
                    yield ctx.fact("country", show_name(show_ent), country, token, "reception.country")


# ---------------------------------------------------------------------------------------------- rating

_SCORE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:\.\d+)?\s?%|\d{1,2}(?:\.\d+)?\s?/\s?10{1,2}\b|\d{1,2}(?:\.\d+)?\s+out\s+of\s+10{1,2}\b)"
)


@rules.register("reception.rating")
def rating_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``rating``: "88% on Rotten Tomatoes", "an 83% approval rating on Rotten Tomatoes", "8.1/10 on
    IMDb", "a Metacritic score of 72". Needs a named aggregator in the sentence."""
    aggregators = ents(sentence, AGGREGATOR)
    if not aggregators:
        return
    text = span_text(sentence)
    doc = sentence.doc
    scores = [(m.group(1).replace(" ", ""), sentence.start_char + m.start(1)) for m in _SCORE.finditer(text)]
    for agg in aggregators:
        source = agg.ent_id_ or agg.text
        chosen = None
        if scores:
            chosen = min(scores, key=lambda s: abs(s[1] - agg.start_char))
            if abs(chosen[1] - agg.start_char) > 80:
                chosen = None
        if chosen is None:
            # "a Metacritic score of 72", "scored 72 on Metacritic"
            window = doc[agg.end : min(sentence.end, agg.end + 5)]
            match = re.search(r"\b(?:score|rating|metascore)\s+of\s+(\d{1,3}(?:\.\d+)?)", window.text)
            if match:
                chosen = (match.group(1), agg.end_char)
        if chosen is None:
            continue
        score, at = chosen
        where = doc.char_span(at, at + len(score), alignment_mode="expand") or agg
        verb = where.root
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        show = show_of_clause(verb, sentence, ctx, deps=("nsubj", "nsubjpass")) or ctx.show_for(agg)
        if show is None:
            continue
        yield ctx.fact(
            "rating", show, score, agg, "reception.rating",
            qualifiers={"source": source, "season": ctx.season_for(agg)},
        )  # fmt: skip


# ------------------------------------------------------------------------------------------ viewership

_FRACTION = re.compile(
    r"\b(?:a|one)\s+(?:quarter|third|half|fifth)\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:audience|viewers|viewing)\b"
    r"|\b(?:half|a\s+third|a\s+quarter)\s+of\s+all\s+viewers\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?:in|over|during|within|across|on)\s+(?:its|their|the)\s+(?P<p>(?:first|opening|debut|launch|premiere)"
    r"(?:\s+\w+)?\s+(?:week|weekend|days?|month|night|hours|episode))\b"
    r"|\b(?P<p2>overnight|on\s+launch\s+night|peak)\b",
    re.IGNORECASE,
)


_RATING_SHARE = re.compile(
    r"\b(?:viewership|nationwide|household|average)\s+(?:\w+\s+)?(?:ratings?|share)\s+of\s+"
    r"(\d{1,2}(?:\.\d+)?\s?(?:percent|per\s+cent|%))",
    re.IGNORECASE,
)


def _figure_clause_show(where: Span, sentence: Span, ctx: ArticleContext) -> str | None:
    """The show whose audience the figure measures, or None (a channel's share, a company's sales)."""
    node = where.root
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            break
        if node.head == node:
            break
        node = node.head
    subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    titled = any(shows_under(s, sentence) for s in subjects)  # "The tvN drama X": the parser may split it
    for subject in subjects:
        if any(t.ent_type_ == PLATFORM for t in subject.subtree) and not titled:
            return None
    # "attracting a quarter of the television audience" hangs off the main clause
    while node.dep_ in {"advcl", "xcomp", "conj", "pcomp"} and not subjects:
        node = node.head
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    possessor = [c for c in where.root.head.children if c.dep_ == "poss"]
    if any(p.ent_type_ == PLATFORM for p in possessor):
        return None
    found = show_of_clause(node, sentence, ctx, deps=("nsubj", "nsubjpass", "csubj"))
    if found or not subjects:
        return found
    subject = subjects[0]
    if subject.lower_ in {"that", "this"} and node.dep_ == "conj":
        # "X attracted 4.1 million viewers - but that had dropped to 2.7 million"
        head_subjects = [c for c in node.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if head_subjects:
            subject = head_subjects[0]
            found = show_of_clause(node.head, sentence, ctx, deps=("nsubj", "nsubjpass"))
            if found:
                return found
    audience = subject.lemma_.lower() in lexicon()["audience_units"] or (
        subject.left_edge.i <= where.start and where.end <= subject.right_edge.i + 1
    )
    if audience:
        # "1.8 million people watched the first episode of X", "three million people were watching the show"
        for obj in (c for c in node.children if c.dep_ in {"dobj", "prep"}):
            shows = shows_under(obj, sentence)
            if shows:
                return show_name(shows[0])
            target = next((o for o in obj.children if o.dep_ == "pobj"), None) if obj.dep_ == "prep" else obj
            ref = referent_show(target, ctx) if target is not None else None
            title = fold(ctx.article.title or "")
            if ref and ref == ctx.main_show and fold(ref) in title:
                return ref  # "watching the show": only the show the headline names, never a rival named just before
        return None
    if subject.lemma_.lower() in lexicon()["episode_nouns"] and any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "this"} for c in subject.children
    ):
        # "The first instalment attracted 4.1 million viewers": the show being talked about
        from showgraph.nlp.relations.release import _recent_show

        return _recent_show(subject) or ctx.main_show
    return None


def _episode_period(where: Span, sentence: Span) -> str | None:
    """ "The first instalment attracted ...", "watched the first episode of X": the episode measured."""
    words = lexicon()
    node = where.root
    while node.pos_ not in {"VERB", "AUX"} and node.head != node:
        node = node.head
    for child in node.children:
        target = child
        if child.dep_ == "prep":
            continue
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and target.lemma_.lower() in words["episode_nouns"]:
            firsts = {"first", "opening", "final", "last", "second"}
            ordinal = [c for c in target.children if c.dep_ == "amod" and c.lower_ in firsts]
            if ordinal:
                return f"{ordinal[0].lower_} {target.lower_}"
            if target.lemma_.lower() in {"finale", "premiere"} and child.dep_ in {"nsubj", "nsubjpass"}:
                return target.lemma_.lower()  # "The finale of X drew 5.1 million viewers"
    return None


@rules.register("reception.viewership")
def viewership_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``viewership``: "25.41 million hours viewed in its first week", "watched by 5.1 million viewers",
    "pulled in five million viewers", "ratings slumped from a peak of seven million", "a quarter of the
    television audience". Only figures in a clause about a show's audience."""
    words = lexicon()
    lowers = {t.lower_ for t in token_list(sentence)} | {t.lemma_.lower() for t in token_list(sentence)}
    if not lowers & words["audience_cues"]:
        return
    doc = sentence.doc
    text = span_text(sentence)
    found: list[tuple[str, int, int]] = []
    for mention in find_numbers(text):
        value = mention.value
        raw = mention.text
        if not re.search(r"million|billion|\bm\b|bn|thousand", raw, re.IGNORECASE) and value < 10000:
            continue
        end = mention.end
        tail = re.match(r"\s+(?:(?:viewing|watch|streaming|view)\s+)?(\w+)", text[end:])  # "25.4m viewing hours"
        if tail and tail.group(1).lower() in words["audience_units"]:
            raw = raw + " " + " ".join(tail.group(0).split())  # as written
            end += len(tail.group(0))
        elif tail and tail.group(1).lower() in {"pounds", "dollars", "sales", "subscribers", "copies", "tickets",
                                               "jobs", "users", "customers", "people"}:  # fmt: skip
            continue
        before = text[max(0, mention.start - 2) : mention.start]
        if "$" in before or "£" in before or "€" in before:
            continue
        found.append((raw, mention.start, end))
    for match in _FRACTION.finditer(text):
        found.append((match.group(0), match.start(), match.end()))
    if lowers & {"viewership", "nationwide", "household", "households"}:
        # "recorded a nationwide viewership rating of 12.5 percent" (a share of households)
        for match in _RATING_SHARE.finditer(text):
            found.append((match.group(1), match.start(1), match.end(1)))
    for raw, start, end in found:
        where = doc.char_span(sentence.start_char + start, sentence.start_char + end, alignment_mode="expand")
        if where is None:
            continue
        # the figure must sit near an audience word: "viewers", "watched by", "audience of", "ratings"
        near = list(doc[max(sentence.start, where.start - 8) : min(sentence.end, where.end + 6)])
        verb = where.root
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        if verb.dep_ == "conj" and any(c.dep_ == "nsubj" and c.lower_ in {"that", "this"} for c in verb.children):
            near += [c for c in verb.head.children if c.dep_ == "dobj"]  # "... 4.1m viewers - but that fell to 2.7m"
        if not ({t.lower_ for t in near} | {t.lemma_.lower() for t in near}) & words["audience_cues"]:
            continue
        show = _figure_clause_show(where, sentence, ctx)
        if show is None:
            continue
        period = None
        context = doc[max(sentence.start, where.start - 4) : min(sentence.end, where.end + 8)].text
        for pm in _PERIOD.finditer(context):
            period = (pm.group("p") or pm.group("p2")).lower()
            after = doc[where.end : min(sentence.end, where.end + 5)].text.lower()
            if period == "peak" and "peak" not in doc[max(sentence.start, where.start - 4) : where.start].text:
                if re.search(r"\b(?:at|during)\s+(?:its|their|the)\s+peak\b", after):
                    break  # "attracted 17 million viewers at its peak"
                period = None
                continue
            break
        before = doc[max(sentence.start, where.start - 4) : where.start].text.lower()
        if period is None and re.search(r"\b(?:averag\w*|an\s+average\s+of)\s*$", before):
            period = "average"  # "has averaged five million viewers", "an average of 10.9m viewers"
        if period is None and re.search(r"\bpeaked\s+(?:at|with)\s*$", before):
            period = "peak"  # "peaked at 14.2m viewers"
        if period is None and re.match(r"\s*(?:viewers|people)?\s*(?:a|each|every|per)\s+week\b", text[end:]):
            period = "a week"  # "three million people a week"
        period = period or _episode_period(where, sentence)
        status, cues = ctx.status(where.root, negation=None)
        if status == "confirmed":
            verb = where.root
            while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
                verb = verb.head
            status, cues = ctx.status(verb, negation=None)  # "is expected to draw 10m viewers"
        status = status if status in {"reported", "speculative"} else "confirmed"
        yield ctx.fact(
            "viewership", show, raw.strip(), where, "reception.viewership",
            qualifiers={"period": period, "season": ctx.season_for(where)}, status=status, cues=cues,
        )  # fmt: skip


# ------------------------------------------------------------------------------------------------ awards


@cache
def _award_names_pattern() -> re.Pattern[str]:
    """The listed award names, longest first, as one pattern (built once: it is asked per sentence)."""
    names = sorted(lexicon()["award_names"], key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in names)})s?\b")


def _award_names(sentence: Span) -> list[Span]:
    """Award names in the sentence: listed names ("Bafta", "Golden Globes") and "X Award(s)" titles."""
    doc = sentence.doc
    text = span_text(sentence)
    spans = []
    matches = [
        *_award_names_pattern().finditer(text),
        *re.finditer(r"\b(?:[A-Z][\w'’]+\s+){1,5}(?:Awards?|Prize|Trophy)\b", text),
    ]
    for match in sorted(matches, key=lambda m: m.start()):
        span = doc.char_span(sentence.start_char + match.start(), sentence.start_char + match.end(),
                             alignment_mode="expand")  # fmt: skip
        if span is not None:
            while span and span[0].lower_ in {"the", "at", "a", "an", "in", "for"}:
                span = span[1:]
            if span:
                spans.append(span)
    # "Baeksang" inside "Baeksang Arts Awards": the longer name is the award as written
    return [a for a in spans if not any(b is not a and b.start <= a.start and a.end <= b.end and len(b) > len(a)
                                        for b in spans)]  # fmt: skip


def _award_label(span: Span) -> str:
    text = span.text.strip()
    for name in lexicon()["award_names"]:
        if text.lower() == name.lower() + "s":
            return text[:-1]  # "two Golden Globes" -> "Golden Globe", as written
    return text


def _agent(token: Token, ctx: ArticleContext, sentence: Span) -> tuple[str, str] | None:
    """(name, kind) for a subject token: a person, a show, "the first series" (its show)."""
    ent = ctx.entity(token)
    if ent is not None and ent.label_ == SHOW:
        return show_name(ent), "Show"
    if ent is not None and ent.label_ == "PERSON":
        return ctx.name(ent), "Person"
    possessor = {t.i for c in token.children if c.dep_ == "poss" for t in c.subtree}
    for sub in token.subtree:
        if sub.i in possessor:
            continue  # "Mike Leigh's drama won": the drama won, not its maker
        e = ctx.entity(sub)
        if e is not None and e.label_ == "PERSON":
            return ctx.name(e), "Person"
        if e is not None and e.label_ == SHOW:
            return show_name(e), "Show"
    if possessor and token.pos_ in {"NOUN", "PROPN"}:
        return None
    ref = referent_show(token, ctx)
    if ref:
        return ref, "Show"
    table = getattr(ctx, "aliases", None)
    if table is not None and token.lower_ in {"he", "she"}:
        from showgraph.nlp.aliases import resolve_reference

        found = resolve_reference(token, table, ctx.shows)
        if found:
            return found
    if token.pos_ == "PROPN" and token.is_title:
        name = ctx.canonical(token.text)
        if name != token.text or " " in name:
            return name, "Person"
    return None


def _phrase_text(head: Token) -> str:
    """A noun phrase without its conjuncts, a trailing "for X" or its determiner."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in {"conj", "cc", "punct"} or (child.dep_ == "prep" and child.lower_ == "for"):
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "det":
            skip.add(child.i)
    tokens = [t for t in head.subtree if t.i not in skip]
    return " ".join(t.text for t in tokens).replace(" - ", "-")


def is_category(phrase: str) -> bool:
    """Whether a "for ..." phrase names an award category ("best comedy", "outstanding drama series"),
    not a title, a performance or an award.

    >>> is_category("best supporting actress"), is_category("her performance"), is_category("Million Dollar Baby")
    (True, False, False)
    """
    words = phrase.lower().replace("-", " ").split()
    if not words or len(words) > 8:
        return False
    cues = lexicon()["category_words"]
    if words[0] not in cues and not (len(words) > 1 and words[0] in {"the", "a"} and words[1] in cues):
        return False
    lowered = phrase.lower()
    return not any(name.lower() in lowered for name in lexicon()["award_names"]) and " for " not in lowered


def _categories(verb: Token) -> list[tuple[str, Token]]:
    """ "for best comedy and best TV actor" -> category phrases with their heads."""
    out = []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    preps = [*verb.children, *(p for o in objects for p in o.children)]  # "won an Emmy for outstanding drama"
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for head in [obj, *[c for c in obj.children if c.dep_ == "conj"]]:
                text = _phrase_text(head).split(" at ")[0] + _verb_attached_tail(head, verb, {"to"})
                if is_category(text):
                    out.append((text, head))
    return out


def _verb_attached_tail(phrase: Token, verb: Token, preps: set[str]) -> str:
    """A prepositional phrase the parser hung on the verb that belongs to the category right before it:
    "awarded the CBE for services to drama", "handed a special award for writing" (never a title or a
    person: "for The Office" names the winner)."""
    doc = phrase.doc
    nxt = phrase.right_edge.i + 1
    if nxt >= len(doc):
        return ""
    prep = doc[nxt]
    if prep.head != verb or prep.dep_ != "prep" or prep.lower_ not in preps:
        return ""
    if any(t.ent_type_ for t in prep.subtree) or any(t.pos_ == "PROPN" for t in prep.subtree):
        return ""
    return " " + " ".join(t.text for t in prep.subtree)


def _out_of_scope(award: Span, sentence: Span) -> bool:
    """A music or literary prize (Brits, Grammys, Booker, "best rock video") with no screen production in
    the sentence: FORMAT's awards are for shows and the people in them."""
    words = lexicon()["off_screen_award_words"]
    text = f"{award.text} {span_text(sentence)}".lower()
    hits = any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)
    return hits and not ents(sentence, SHOW)


def _negated(token: Token) -> bool:
    """ "did not win", "never won", "failed to win": no win stated."""
    if any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"} for c in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and (
        head.lemma_.lower() in {"fail", "miss"} or any(c.dep_ == "neg" for c in head.children)
    )


#: Categories won by a person for their work in a show, not by the show.
_PERSONAL_CATEGORY = re.compile(
    r"\b(actor|actress|performance|performer|presenter|host|director|writer|screenwriter|newcomer|comedian|"
    r"personality|supporting|lead)s?\b",
    re.IGNORECASE,
)


@rules.register("reception.awards")
def awards_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``won_award`` / ``nominated_for``: "X won two Golden Globes in 2004 for best comedy", "X was
    awarded the CBE for services to drama", "two-time Oscar winner X", "X was nominated for a Bafta"."""
    if not tv_article(ctx):
        return
    from showgraph.nlp.relations.people import tv_people

    words = lexicon()
    awards = _award_names(sentence)
    event = next((a for a in awards if a.text.endswith(("Awards", "awards"))), None)
    for token in token_list(sentence):
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        won = has_form(token, words["award_verbs"]) or (
            # "was named best actress at the X Awards"
            token.lemma_.lower() in {"name", "crown"}
            and any(c.dep_ == "auxpass" for c in token.children)
            and any(c.dep_ in {"oprd", "attr"} and _category_of(c) for c in token.children)
        )
        nominated = has_form(token, words["nomination_verbs"])
        if not (won or nominated) or _negated(token):
            continue
        if token.lemma_.lower() == "lead" and not any(
            t.lemma_.lower() in words["nomination_nouns"] for c in token.children if c.dep_ == "dobj" for t in c.subtree
        ):
            continue  # "leads the Emmy nominations" names a nomination; "leads the Emmy race" none
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
        if not passive and token.lemma_.lower() in words["giving_verbs"]:
            continue  # "X presented the award", "would still be presenting the Oscar ceremony": the giver
        objs = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd", "dative"}]
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in words["award_preps"]]
        if any(o.lemma_.lower() in words["ceremony_nouns"] for o in objs if o.dep_ == "dobj"):
            continue  # hosting or presenting a ceremony wins nothing
        clause = [t for c in [*objs, *preps] for t in c.subtree]
        if any(t.lemma_.lower() in words["nomination_nouns"] for t in clause):
            won, nominated = False, True  # "given two nominations for", "picked up two of 12 Oscar nominations"
        award_span = None
        for obj in [*objs, *preps]:
            for aw in awards:
                if obj.left_edge.i <= aw.root.i <= obj.right_edge.i:
                    award_span = aw
                    break
            if award_span is None and any(t.lemma_.lower() in words["award_triggers"] for t in obj.subtree):
                award_span = event
                if (
                    award_span is None
                    and obj.dep_ == "dobj"
                    and any(t.lower_ == "awards" and t.dep_ == "pobj" for t in token_list(sentence))
                ):
                    # "was at the awards to collect the award for X": the ceremony named just before
                    award_span = next((a for a in _earlier_awards(sentence) if a.text.lower().endswith("awards")), None)
                    event = award_span
            if award_span is not None:
                break
        # "was also nominated for the same award": the round-up's ceremony
        same_prize = any(
            o.lemma_.lower() in words["award_triggers"] and any(c.lower_ == "same" for c in o.children)
            for p in [*objs, *preps]
            for o in [p, *p.children]
        )
        # "took home the award for best actress": a prize named by its category
        same_prize = same_prize or any(
            o.lemma_.lower() in words["award_triggers"]
            and o.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in o.children)
            and (_categories_after(o) or _categories(token))
            for o in objs
            if o.dep_ == "dobj"
        )
        if (
            award_span is None
            and not awards
            and (
                same_prize
                or any(
                    o.lemma_.lower() in words["award_triggers"]
                    and (c := _category_of(o))
                    and c.split()[0] in {"best", "outstanding"}
                    for o in objs
                )
            )
        ):
            # "X beat Y to win the best TV drama prize": the prize of the ceremony the round-up's lead names
            award_span = event = _ceremony_before(sentence)
            if award_span is not None and _off_screen_prize(award_span):
                award_span = None
        if award_span is None or _out_of_scope(award_span, sentence):
            continue
        subject_tokens = [c for c in token.children if c.dep_ in ({"nsubjpass"} if passive else {"nsubj"})]
        if passive and token.lemma_.lower() in {"hand", "give", "award", "present", "grant"}:
            subject_tokens = [c for c in token.children if c.dep_ == "nsubjpass"]
        if not subject_tokens and token.dep_ in {"xcomp", "advcl", "conj"}:
            subject_tokens = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        datives = [
            c for c in token.children
            if c.dep_ == "dative" and (c.lower_ in {"him", "her", "them"} or c.ent_type_ == "PERSON")
        ]  # fmt: skip
        if datives and not passive:
            subject_tokens = datives  # "his performance has earned him a Bafta": the dative wins it
        if not subject_tokens:
            continue
        if token.dep_ == "relcl" and subject_tokens and subject_tokens[0].lower_ in {"which", "who", "that"}:
            # "Vera Drake, which won the Golden Lion": its antecedent, when a name ("The actor, who won an
            # Emmy for ... Baretta" names no winner here)
            subject_tokens = [token.head] if ctx.entity(token.head) is not None else []
        agents = [a for a in (_agent(t, ctx, sentence) for t in subject_tokens) if a is not None]
        # two subjects where the parser split "Mike Leigh's drama Vera Drake": the title is the winner
        agent = next((a for a in agents if a[1] == "Show"), agents[0] if agents else None)
        if agent is None or (agent[1] == "Person" and agent[0] not in tv_people(ctx)):
            continue
        if agent[0].lower() in award_span.text.lower() or award_span.text.lower() in agent[0].lower():
            continue  # "The Golden Globes are awarded by ...": the award is no winner
        relation = "nominated_for" if nominated and not won else "won_award"
        status, cues = ctx.status(token, negation=None)
        if status not in {"confirmed", "reported", "scheduled", "speculative", "denied", "rumored"}:
            status = "confirmed"
        if (
            relation == "won_award"
            and status in {"scheduled", "reported"}
            and any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "would", "shall"} for c in token.children)
        ):
            status = "speculative"  # "will win, according to critics": a win is predicted, never planned
        if relation == "nominated_for" and status == "scheduled" and token.lemma_.lower() in words["contest_verbs"]:
            status = "confirmed"  # "X will compete for the Oscar": the nomination is already made
        date = date_in(clause_tokens(token), ctx, future=False)
        label = _award_label(award_span)
        categories = _categories(token) or [(None, token)]
        if categories[0][0] is None:  # "won best film at the Oscars": the object names the category
            named_objs = [(c, o) for o in objs if o.dep_ in {"dobj", "oprd"} and (c := _category_of(o))]
            categories = named_objs[:1] or categories
        generic = [o for o in objs if o.lemma_.lower() in words["award_triggers"] and o.i > token.i]
        named = [(c, o) for p in (generic[:1] if award_span is event else []) for f in p.children
                 if f.dep_ == "prep" and f.lower_ == "for" for o in f.children
                 if o.dep_ == "pobj" and (c := _category_of(o))]  # fmt: skip
        if named:
            categories = named  # "collect the award for best comedy for X"
        elif award_span is event and generic and not _categories(token):
            # "was handed a special achievement award for writing": the prize's own name is the category
            name = " ".join(t.text for t in generic[0].subtree if t.dep_ != "det")
            if is_category(name) or not any(t.like_num or t.tag_ == "NNS" for t in generic[0].subtree):
                categories = [(name + _verb_attached_tail(generic[0], token, {"for"}), token)]  # not "five awards"
        for category, head in categories:
            who = agent
            # a person's own prize ("X won the best actress Bafta for Y": X won it, for her part in Y)
            personal = who[1] == "Person" and bool(category) and bool(_PERSONAL_CATEGORY.search(category or ""))
            nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
            if category and nxt is not None and nxt.lower_ == "for" and head is not token and not personal:
                target = [c for c in nxt.children if c.dep_ == "pobj"] or (
                    [head.doc[nxt.i + 1]] if nxt.i + 1 < len(head.doc) else []
                )
                other = _agent(target[0], ctx, sentence) if target else None
                if other:
                    who = other
            # "the award for best international comedy for The Simpsons": the show the prize is for
            for prep in token.children if not personal else ():
                if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > token.i:
                    shows = shows_under(prep, sentence)
                    if shows and category and shows[0].text not in category:
                        who = (show_name(shows[0]), "Show")
            yield ctx.fact(
                relation, who[0], label, token, "reception.awards",
                qualifiers={"category": category, "date": date}, status=status, cues=cues,
                subject_kind=who[1],
            )  # fmt: skip
        # "won two Golden Globes and a Bafta": each coordinated prize is won too
        for other_award in awards:
            root = other_award.root
            including = root.dep_ == "pobj" and root.head.lower_ == "including"  # "five awards, including the X"
            if other_award is award_span or not (root.dep_ == "conj" or including):
                continue
            if _out_of_scope(other_award, sentence):
                continue
            if including and any(t.i == root.i for o in objs for t in o.subtree):
                yield ctx.fact(
                    relation, agent[0], _award_label(other_award), token, "reception.awards",
                    qualifiers={"date": date}, status=status, cues=cues, subject_kind=agent[1],
                )  # fmt: skip
                continue
            if award_span.start <= root.head.i < award_span.end or (
                root.head.dep_ in {"dobj", "pobj"} and (root.head.head == token or root.head.head.head == token)
            ):
                yield ctx.fact(
                    relation, agent[0], _award_label(other_award), token, "reception.awards",
                    qualifiers={"date": date}, status=status, cues=cues, subject_kind=agent[1],
                )  # fmt: skip
    yield from _winner_titles(sentence, ctx, awards)
    yield from _nomination_phrases(sentence, ctx, awards)
    yield from _contest_outcomes(sentence, ctx, awards)
    yield from _category_wins(sentence, ctx, awards)
    yield from _award_lists(sentence, ctx, awards)
    yield from _nominated_alongside(sentence, ctx, awards)
    yield from _prize_went_to(sentence, ctx, awards)


def _earlier_awards(sentence: Span, back: int = 2) -> list[Span]:
    """Award names in the ``back`` sentences before this one, nearest first: "At the Bafta awards ...
    X missed out to Y" names the prize once."""
    from showgraph.nlp.context import sentence_bounds

    doc = sentence.doc
    out: list[Span] = []
    start = sentence.start
    for _ in range(back):
        if start == 0:
            break
        start, end = sentence_bounds(doc, start - 1)
        found = _award_names(doc[start:end])
        events = [a for a in found if a.text.endswith(("Awards", "awards"))]
        out.extend(reversed(events or found))
    return out


def _party(token: Token, ctx: ArticleContext, sentence: Span) -> tuple[str, str] | None:
    """A contestant named by a subject or object: the phrase's own name, not one in its apposition or
    relative clause ("Pond Life, a comedy starring X, is up for ...": Pond Life, never X). A relative
    pronoun stands for its antecedent."""
    if token.lower_ in {"who", "which", "that"} and token.head.dep_ == "relcl":
        token = token.head.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.dep_ == "appos":
            token = token.head.head.head  # "X, creator of Y, who won ...": X, not Y
    inner = {t.i for c in token.children if c.dep_ in {"appos", "acl", "relcl", "poss"} for t in c.subtree}
    # "Gervais and The Office co-writer Merchant": a conjunct is a party of its own
    coordinated = {t.i for c in token.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    if ctx.entity(token) is None and token.pos_ == "NOUN":
        # "the sitcom Pond Life": the title in apposition to a common noun is the name
        for child in token.children:
            ent = ctx.entity(child) if child.dep_ == "appos" else None
            if ent is not None and ent.label_ in {SHOW, "PERSON"} and ent.root == child:
                return (show_name(ent), "Show") if ent.label_ == SHOW else (ctx.name(ent), "Person")
    for sub in [token, *token.subtree]:
        if sub.i in inner or sub.i in coordinated:
            continue
        ent = ctx.entity(sub)
        if ent is not None and ent.label_ == SHOW:
            return show_name(ent), "Show"
        if ent is not None and ent.label_ == "PERSON":
            return ctx.name(ent), "Person"
    if inner:
        return None
    if coordinated:  # its own words only: "Gervais" -> "Ricky Gervais", never a title in a conjunct
        name = ctx.canonical(token.text) if token.pos_ == "PROPN" and token.is_title else token.text
        return (name, "Person") if name != token.text else None
    return _agent(token, ctx, sentence)


def _winner_ok(agent: tuple[str, str] | None, ctx: ArticleContext) -> bool:
    from showgraph.nlp.relations.people import tv_people

    return agent is not None and (agent[1] == "Show" or agent[0] in tv_people(ctx))


def _category_of(token: Token) -> str | None:
    """The category a phrase names: "the best comedy show category" -> "best comedy show"."""
    cut = {t.i for c in token.children if (c.dep_ == "prep" and c.lower_ in {"to", "at", "from", "over"})
           or (c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB")  # "best film beating X"
           or (c.dep_ == "poss" and c.ent_type_ in {"GPE", "NORP"})  # "Britain's best new comedy"
           for t in c.subtree}  # fmt: skip
    words = [w for w in _phrase_text(token).split() if w]
    if cut:
        words = [t.text for t in token.subtree if t.i not in cut and t.dep_ not in {"det", "punct"}]
    while words and words[0].lower() in {"the", "a", "an", "this", "that"}:
        words = words[1:]
    if words and words[-1].lower() in {"category", "categories", "award", "prize", "title", "trophy"}:
        words = words[:-1]
    text = " ".join(words)
    for name in lexicon()["award_names"]:  # "the best actor Bafta" -> "best actor"
        for form in (name, name + "s"):
            if text.lower().endswith(" " + form.lower()):
                text = text[: -len(form) - 1]
    return text if text and is_category(text) else None


def _subject_of_phrase(token: Token) -> Token | None:
    """The subject of the clause a phrase hangs from ("X is up for ...": X)."""
    node = token
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0]
        if node.head == node:
            return None
        node = node.head
    return None


def _nomination_phrases(sentence: Span, ctx: ArticleContext, awards: list[Span]) -> Iterator[Fact]:
    """``nominated_for`` stated by a phrase, not a verb: "X is up for a Bafta", "in the running for an
    Emmy", "among the nominees for best drama at the Emmys", "a contender for the Golden Globe"."""
    ceremony = None if awards else _ceremony_before(sentence)  # "X is among the nominees for best actress"
    if not awards and (ceremony is None or _off_screen_prize(ceremony)):
        return
    phrases = lexicon()["nomination_phrases"]
    for token in token_list(sentence):
        if token.lower_ != "for" or token.i == sentence.start:
            continue
        before = " ".join(t.lower_ for t in sentence.doc[max(sentence.start, token.i - 3) : token.i])
        matched = next((p for p in phrases if before == p or before.endswith(" " + p)), None)
        if matched is None:
            continue
        after = [a for a in awards if a.start > token.i] or ([ceremony] if ceremony is not None else [])
        if not after:
            continue
        award = after[0]
        if _out_of_scope(award, sentence) or _negated(token.head):
            continue
        subject = _subject_of_phrase(token)
        verb = subject.head if subject is not None else token.head
        if _negated(verb) or any(c.lower_ == "longer" and c.dep_ == "advmod" for c in verb.subtree):
            continue  # "is not up for", "is no longer in the running for"
        agent = _party(subject, ctx, sentence) if subject is not None else None
        if not _winner_ok(agent, ctx) or agent[0].lower() in award.text.lower():
            continue
        category = None
        for prep in [token, *[t for t in token.subtree if t.lower_ == "for" and t.i > token.i]]:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    category = category or _category_of(obj)
        if award is ceremony and category is None:
            continue  # the round-up's ceremony only for a category ("among the nominees for best actress")
        status, cues = ctx.status(token, negation=None)
        if status == "confirmed":
            status, cues = ctx.status(verb, negation=None)  # "could be up for"
        phrase = set(matched.split())
        if set(c.lower() for c in cues) <= phrase:
            status, cues = "confirmed", ()  # "in the running" is the nomination itself, no guess
        status = status if status in {"reported", "rumored", "denied", "speculative"} else "confirmed"
        yield ctx.fact(
            "nominated_for", agent[0], _award_label(award), token, "reception.awards",
            qualifiers={"category": category}, status=status, cues=cues, subject_kind=agent[1],
        )  # fmt: skip


def _members(token: Token) -> list[Token]:
    """A noun and its conjuncts; "the likes of X and Y" -> X, Y."""
    heads = [token]
    if token.lemma_.lower() in {"like", "likes", "such"} or token.lower_ == "likes":
        heads = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj"]  # fmt: skip
    conjuncts = [c for c in token.subtree if c.dep_ == "conj" and c.head.i >= token.i]
    return [*heads, *[c for c in conjuncts if c not in heads]]


def _contest_outcomes(sentence: Span, ctx: ArticleContext, awards: list[Span]) -> Iterator[Fact]:
    """Winners and losers of a contest: "X missed out in the best comedy category to Y", "X lost the
    Bafta to Y" (X nominated, Y won); "In winning, it beat X and Y" (X and Y nominated). The prize may be
    named a sentence or two before ("At the Bafta awards ... X lost out to Y")."""
    words = lexicon()
    for token in token_list(sentence):
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or _negated(token):
            continue
        losing = lemma in words["losing_verbs"]
        beating = lemma in words["beating_verbs"]
        if not (losing or beating):
            continue
        if lemma == "miss" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
            continue
        preps = [c for c in token.children if c.dep_ == "prep"]
        objs = [c for c in token.children if c.dep_ == "dobj"]
        to = next((p for p in preps if p.lower_ == "to"), None) or next(
            (t for t in token.subtree if t.i > token.i and t.lower_ == "to" and t.dep_ == "prep"), None
        )
        scope = [t for c in [*objs, *preps] for t in c.subtree]
        award = next((a for a in awards if any(a.start <= t.i < a.end for t in scope)), None)
        category = None
        for c in [
            *objs,
            *[o for p in preps if p.lower_ in {"in", "for", "on"} for o in p.children if o.dep_ == "pobj"],
        ]:
            category = category or _category_of(c)
        prize_words = any(t.lemma_.lower() in words["award_triggers"] for t in scope)
        if _stage_category(category):
            continue  # "beat X to win best musical actor": a theatre prize
        if award is None:
            won_here = any(t.lemma_.lower() == "win" for t in token_list(sentence))
            if not (category or prize_words or (beating and won_here)):
                continue
            award = next(iter([a for a in awards if not _out_of_scope(a, sentence)] or _earlier_awards(sentence)), None)
        if award is None or _out_of_scope(award, sentence):
            continue
        label = _award_label(award)
        status, cues = ctx.status(token, negation=None)
        status = status if status in {"reported", "rumored", "denied", "speculative"} else "confirmed"
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        # "The drama X beat ...": the parser may give the title and its noun as two subjects
        subjects = sorted(subjects, key=lambda c: ctx.entity(c) is None)
        if losing:
            if to is None:
                continue
            losers = [_party(s, ctx, sentence) for s in _members(subjects[0])]
            winners = [_party(o, ctx, sentence) or _loose_title(o, category)
                       for w in to.children if w.dep_ == "pobj" for o in _members(w)]  # fmt: skip
        else:
            winners = [_party(subjects[0], ctx, sentence)]
            losers = [_party(o, ctx, sentence) for d in objs for o in _members(d)]
            in_to = to is not None and to.left_edge.i <= award.start and award.end <= to.right_edge.i + 1
            if award in awards and to is not None and not (category or prize_words or in_to):
                continue  # "beat X to the top spot": a chart, no prize
            if to is not None and category is None:
                category = next((c for o in to.children if o.dep_ == "pobj" and (c := _category_of(o))), None)
        date = None
        if award not in awards:
            # the earlier sentence's own facts give the prize's category and date for its winner
            earlier = [f for f in _facts_near(award, ctx) if f.relation == "won_award"]
            for winner in winners:
                match = next((f for f in earlier if winner and f.subject == winner[0]), None)
                if match is not None:
                    label = match.object
                    category = category or match.qualifiers.get("category")
                    date = match.qualifiers.get("date")
        qualifiers = {"category": category, "date": date}
        for loser in losers:
            if _winner_ok(loser, ctx) and all(loser != w for w in winners):
                yield ctx.fact("nominated_for", loser[0], label, token, "reception.awards",
                               qualifiers=qualifiers, status=status, cues=cues, subject_kind=loser[1])  # fmt: skip
        # "X beat Y to the best film Oscar", "X beat Y in the best comedy category": X won it
        if losing or (award in awards and to is not None) or (beating and category):
            for winner in winners:
                if _winner_ok(winner, ctx) or (winner is not None and winner[1] == "Show"):
                    yield ctx.fact("won_award", winner[0], label, token, "reception.awards",
                                   qualifiers=qualifiers, status=status, cues=cues, subject_kind=winner[1])  # fmt: skip


def _loose_title(token: Token, category: str | None) -> tuple[str, str] | None:
    """A winner the parser did not tag as a show, in a category for shows ("missed out in the best
    comedy show category to Pond Life"): the proper-noun phrase itself."""
    if not category or token.pos_ != "PROPN" or not token.is_title:
        return None
    lexicon_words = lexicon()
    show_words = lexicon_words["genre_nouns"] | {"show", "series", "programme", "drama", "film", "soap"}
    if not set(category.lower().split()) & show_words:
        return None
    span = token.doc[token.left_edge.i : token.i + 1]
    if any(t.ent_type_ in {"PERSON", "DATE", "CARDINAL"} or t.pos_ not in {"PROPN", "ADJ", "DET"} for t in span):
        return None
    return span.text, "Show"


def _facts_near(award: Span, ctx: ArticleContext) -> list[Fact]:
    from showgraph.nlp.context import sentence_bounds

    start, end = sentence_bounds(award.doc, award.start)
    sent = award.doc[start:end]
    return [f for f in awards_rule(sent, ctx) if f.relation == "won_award"]


def _winner_titles(sentence: Span, ctx: ArticleContext, awards: list[Span]) -> Iterator[Fact]:
    """ "two-time Oscar winner Emma Thompson", "Bafta-winning X", "Emmy nominee X"."""
    doc = sentence.doc
    for aw in awards:
        after = doc[aw.end : min(sentence.end, aw.end + 3)]
        if not after:
            continue
        cue = after[0]
        if cue.text == "-" and len(after) > 1:
            cue = after[1]
        lower = cue.lower_
        if lower in {"winner", "winning", "nominee", "nominated", "laureate"}:
            relation = "nominated_for" if lower in {"nominee", "nominated"} else "won_award"
            people = [
                e for e in span_ents(sentence) if e.label_ in {"PERSON", SHOW} and 0 <= e.start - cue.i <= 3
                and not any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in doc[cue.i + 1 : e.start])
            ]  # fmt: skip
            if people and _out_of_scope(aw, sentence) and people[0].label_ != SHOW:
                continue
            if people:
                person = people[0]
                name = show_name(person) if person.label_ == SHOW else ctx.name(person)
                kind = "Show" if person.label_ == SHOW else "Person"
                yield ctx.fact(relation, name, _award_label(aw), aw, "reception.awards", subject_kind=kind)


# ---------------------------------------------------------------------------------------------- adapted


def _title_after(noun: Token, skip: set[int]) -> str | None:
    """The capitalised name right after a source noun: "the novel Winter Birds", "cult website TV Go
    Home"; small words inside a title are kept ("The Lord of the Rings")."""
    doc = noun.doc
    words: list[Token] = []
    index = noun.i + 1
    while index < len(doc) and index not in skip:
        token = doc[index]
        if token.is_title or (token.is_upper and token.is_alpha) or (token.text[:1].isdigit() and words):
            words.append(token)
        elif token.text in {"'s", "’s"} and words and index + 1 < len(doc) and doc[index + 1].is_title:
            words.append(token)  # "The Hitchhiker's Guide To The Galaxy"
        elif (
            token.lower_ in {"of", "the", "and", "a", "in", "on"}
            and words
            and index + 1 < len(doc)
            and (doc[index + 1].is_title)
        ):
            words.append(token)
        else:
            break
        index += 1
    if not words or words[0].ent_type_ in {"DATE", "NORP"} or (words[-1].is_upper and len(words) == 1):
        return None
    return doc[words[0].i : words[-1].i + 1].text


def _work_title(token: Token, sentence: Span, ctx: ArticleContext) -> str | None:
    """The title of the adapted work in ``token``'s phrase: a SHOW/WORK_OF_ART entity, a capitalised name
    after a source noun ("the novel X", "a character from cult website X") or in apposition ("the hit
    webtoon series, D.P. Dog Day"). A person's life or a possessor is no work ("based on the life of X",
    "an adaptation of X's cartoon" names no title)."""
    doc = sentence.doc
    words = lexicon()
    if token.lemma_.lower() in words["biography_nouns"]:
        return None
    skip = {t.i for c in token.subtree if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for t in c.subtree}
    skip |= {t.i for c in token.subtree if c.dep_ == "poss" for t in c.subtree}
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ != "PERSON":
            span = [t for t in doc[child.left_edge.i : child.i + 1] if not (t.dep_ == "det" and t.is_lower)]
            return doc[span[0].i : span[-1].i + 1].text.strip(" ,") if span else None
    for sub in token.subtree:
        if sub.i in skip:
            continue
        if sub.lower_ in words["source_nouns"] and sub.pos_ in {"NOUN", "ADJ"}:
            title = _title_after(sub, skip)
            if title:
                return title
        ent = ctx.entity(sub)
        if ent is not None and ent.label_ in {SHOW, "WORK_OF_ART"}:
            return show_name(ent) if ent.label_ == SHOW else ent.text
    if (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ not in {"PERSON", "GPE", "NORP", "ORG"}
        and (token.i not in skip)
    ):
        return doc[token.left_edge.i : token.i + 1].text
    return None


@rules.register("reception.adapted_from")
def adapted_from_rule(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """``adapted_from``: "based on the novel X", "an adaptation of X", "adapting the webtoon X"."""
    yield from _named_remakes(sentence, ctx)
    yield from _adaptations(sentence, ctx)


def _cut_title(show: str, work: str) -> bool:
    """Whether the show's name is the work's title cut at a possessive ("The Hitchhiker" for "The
    Hitchhiker's Guide ..."): the same title, no adaptation of another work."""
    rest = work.lower().removeprefix(show.lower())
    return rest != work.lower() and rest.startswith(("'s", "’s"))


def _named_remakes(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    """A titled show described as a remake or as a character from another work: "X, a remake of the
    1958 film Y", "X is a reimagining of Y", "X - a character from cult website Y - for Channel 4". Only
    where the show has its own title (FORMAT: "a remake of Y" alone is annotated under Y)."""
    words = lexicon()
    for token in token_list(sentence):
        lemma = token.lemma_.lower()
        if lemma in words["remake_nouns"]:
            prep_word = "of"
        elif lemma in words["character_nouns"] and token.dep_ == "appos":
            prep_word = "from"
        else:
            continue
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == prep_word), None)
        source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if source is None:
            continue
        show = None
        if token.dep_ == "appos":
            ent = ctx.entity(token.head)
            show = show_name(ent) if ent is not None and ent.label_ == SHOW else None
        elif token.dep_ == "attr" and token.head.lemma_ == "be":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            # "The Netflix drama X is ...": the parser may give the noun and the title as two subjects
            shows = [e for sub in subjects for e in shows_under(sub, sentence)]
            show = show_name(shows[0]) if shows else None
        work = _work_title(source, sentence, ctx) if show else None
        if show and not work and _same_name(source):
            work = show  # "X is an adaptation of the webtoon of the same name"
        elif not work or work == show or work.lower() in show.lower() or _cut_title(show, work):
            continue
        yield ctx.fact("adapted_from", show, work, token, "reception.adapted_from", object_kind="Work")


def _same_name(source: Token) -> bool:
    """ "the popular webtoon of the same name", "the novel of the same title": a source work that shares
    the show's title."""
    if source.lemma_.lower() not in lexicon()["source_nouns"] and source.lower_ not in lexicon()["source_nouns"]:
        return False
    for prep in source.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.lower_ in {"name", "title"} and any(c.lower_ == "same" for c in obj.children):
                    return True
    return False


def _adaptations(sentence: Span, ctx: ArticleContext) -> Iterator[Fact]:
    for token in token_list(sentence):
        lemma_forms = forms(token)
        if not lemma_forms & {"base", "adapt", "adaptation", "inspire"}:
            continue
        if token.pos_ not in {"VERB", "AUX"} and "adaptation" in lemma_forms:
            continue  # "an adaptation of X": only a titled show's (see _named_remakes)
        source_token = None
        if lemma_forms & {"base", "inspire"}:
            prep = next((c for c in token.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"on", "by"}), None)
            if prep is not None:
                source_token = next((c for c in prep.children if c.dep_ == "pobj"), None)
        elif token.pos_ == "VERB":
            source_token = next((c for c in token.children if c.dep_ in {"dobj"}), None)
            if source_token is None:
                prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"), None)
                source_token = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        else:  # "an adaptation of X"
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            source_token = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if source_token is None:
            continue
        work = _work_title(source_token, sentence, ctx)
        same = not work and _same_name(source_token)
        if not work and not same:
            continue
        # the adapting show: the clause's subject, "the live-action project", or the main show
        show = None
        if token.dep_ in {"csubj", "advcl"}:
            show = show_of_clause(token.head, sentence, ctx, deps=("nsubj", "nsubjpass", "attr"))
            if show is None:
                appos = [c for c in source_token.children if c.dep_ == "appos" and c.lemma_.lower() in
                         {"project", "series", "drama", "show", "adaptation"}]  # fmt: skip
                if appos:
                    show = referent_show(appos[0], ctx) or ctx.main_show
        if show is None:
            verb = token
            while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
                verb = verb.head
            show = show_of_clause(verb, sentence, ctx, deps=("nsubj", "nsubjpass"))
        if show is None:
            show = ctx.show_for(token, default=True)
        if same and show is not None:
            work = show  # "based on the webtoon of the same name": the work has the show's title
        elif show is None or show == work or work.lower() in show.lower() or _cut_title(show, work):
            continue
        status, cues = ctx.status(token, negation=None)
        status = status if status in {"reported", "rumored", "alleged", "speculative", "denied"} else "confirmed"
        yield ctx.fact(
            "adapted_from", show, work, token, "reception.adapted_from",
            object_kind="Work", status=status, cues=cues,
        )  # fmt: skip


def _ceremony_before(sentence: Span) -> Span | None:
    """The awards ceremony an awards round-up names once in its lead ("... at the 15th British Comedy
    Awards." then category by category): the first prize named in the article's first two sentences.
    None where the lead names a festival (its prizes have names of their own) or no prize."""
    from showgraph.nlp.context import sentence_bounds

    doc = sentence.doc
    start, end = 0, 0
    for _ in range(2):
        if end >= sentence.start:
            break
        start, end = sentence_bounds(doc, end)
        lead = doc[start:end]
        if re.search(r"\b[Ff]estival\b", span_text(lead)):
            return None
        found = [a for a in _award_names(lead) if not _off_screen_prize(a)]
        events = [a for a in found if a.text.lower().endswith("awards")]
        if found:
            return (events or found)[0]  # "won the Daesang at the Baeksang Arts Awards": the ceremony
    # "... at the 2023 Baeksang Arts Awards. X took home the award for best actress": the sentence before
    if sentence.start > 0:
        first, last = sentence_bounds(doc, sentence.start - 1)
        before = doc[first:last]
        named = [a for a in _award_names(before) if a.text.endswith("Awards") and not _off_screen_prize(a)]
        if named and not re.search(r"\b[Ff]estival\b", before.text):
            return named[-1]
    return None


def _off_screen_prize(award: Span) -> bool:
    """A prize whose own name says it is for music, books or the stage ("Booker Prize", "Brit Awards")."""
    text = award.text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in lexicon()["off_screen_award_words"])


def _categories_after(noun: Token) -> bool:
    """ "the award for best actress": the prize noun's own "for" phrase names a category."""
    return any(
        _category_of(o) for p in noun.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
        if o.dep_ == "pobj"
    )  # fmt: skip


def _stage_category(category: str | None) -> bool:
    """ "best musical actor", "best new play": a theatre prize, no screen production."""
    return bool(category) and bool(set(category.lower().split()) & lexicon()["stage_genres"])


def _round_up_award(token: Token, sentence: Span, awards: list[Span]) -> Span | None:
    """The prize a category win belongs to: the awards a "where" clause hangs from ("at the X Awards,
    where Y won best actress"), an awards ceremony named in the sentence, or the round-up's ceremony."""
    if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        head = token.head
        found = next((a for a in awards if a.start <= head.i < a.end), None)
        if found is not None:
            return found
    events = [a for a in awards if a.text.lower().endswith("awards") and not _out_of_scope(a, sentence)]
    if events:
        return events[0]
    if awards:
        return None  # another prize named here ("a Bafta winner, she won best actress"): not the round-up's
    return _ceremony_before(sentence)


def _losers(verb: Token, objs: list[Token]) -> list[Token]:
    """Whom a winner beat: "won X over Y and Z", "named best comedy over Y", "..., beating Y and Z"."""
    out: list[Token] = []
    words = lexicon()
    for node in [verb, *objs]:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "over":
                out.extend(m for o in child.children if o.dep_ == "pobj" for m in _conjuncts(o))
            beating = child.dep_ in {"advcl", "acl", "xcomp", "conj"} and child.lemma_.lower() in words["beating_verbs"]
            if beating and not any(c.dep_ == "nsubj" for c in child.children):
                out.extend(m for o in child.children if o.dep_ == "dobj" for m in _conjuncts(o))
    return out


@cache
def _category_win_verbs() -> frozenset[str]:
    return lexicon()["award_verbs"] | lexicon()["category_win_verbs"]


def _conjuncts(token: Token) -> list[Token]:
    """A noun and its own chain of conjuncts ("A, B and C"), never a conjunct inside its relative clause."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def _category_wins(sentence: Span, ctx: ArticleContext, awards: list[Span]) -> Iterator[Fact]:
    """Winners and losers of a category where the prize is the round-up's ceremony: "X won best TV
    comedy actor over Y", "Z was named best new comedy over A and B", "W secured best drama, beating V",
    "the winner in the best film category was X, beating Y", "at the X Awards, where Kim won best new
    actress". X, Z, W, Kim won the ceremony's award in that category; Y, A, B, V were nominated."""
    words = lexicon()
    for token in token_list(sentence):
        if token.pos_ not in {"VERB", "AUX"} or _negated(token):
            continue
        lemma = token.lemma_.lower()
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
        copula = lemma == "be"
        if copula:
            # "Winner in the best international comedy category was X"
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() == "winner"), None)
            attrs = [c for c in token.children if c.dep_ == "attr"]
            if subject is None or not attrs:
                continue
            category = next((c for p in subject.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
                             for o in p.children if o.dep_ == "pobj" and (c := _category_of(o))), None)  # fmt: skip
            winner_tokens, objs = attrs[:1], attrs
        else:
            if lemma in {"name", "vote", "crown"} and not passive:
                continue
            if not (has_form(token, _category_win_verbs()) or lemma in {"name", "vote", "crown"}):
                continue
            if not passive and lemma in words["giving_verbs"]:
                continue
            objs = [c for c in token.children if c.dep_ in {"dobj", "oprd", "attr"}]
            objs += [
                o
                for p in token.children
                if p.dep_ == "prep"
                and p.lower_ == "with"
                and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "away" for c in token.children)
                for o in p.children
                if o.dep_ == "pobj"
            ]  # fmt: skip  ("walked away with best actress")
            category = next((c for o in objs if (c := _category_of(o))), None)
            prize = any(o.lemma_.lower() in words["award_triggers"] for o in objs)
            if category and not prize and category.split()[0].lower() not in {"best", "outstanding"}:
                category = None  # "secured the most lucrative deal": a category is "best X" or an award
            triumph = lemma == "triumph" and any(c.dep_ == "prep" and c.lower_ == "over" for c in token.children)
            if triumph:
                pass  # "X triumphed over Y at the Z Awards": no category needed, the prize is in the sentence
            elif category is None:
                continue
            elif any(o.left_edge.i <= a.root.i <= o.right_edge.i for o in objs for a in awards):
                continue  # "won the best actor Bafta": the prize is named, the main rule reads it
            elif any(a.start > token.i and token.left_edge.i <= a.root.i <= token.right_edge.i
                   and not (token.dep_ == "relcl" and a.start < token.i) for a in awards):  # fmt: skip
                continue  # "won best actor at the Baftas": the main rule reads it
            winner_tokens = [c for c in token.children if c.dep_ == ("nsubjpass" if passive else "nsubj")]
            head_subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if token.dep_ in {"conj", "advcl", "xcomp"} and (
                not winner_tokens
                # "X was nominated for Y, but she walked away with Z": she is X
                or (
                    winner_tokens[0].lower_ in {"he", "she"}
                    and head_subjects
                    and head_subjects[0].ent_type_ == "PERSON"
                )
            ):
                winner_tokens = head_subjects
        if not winner_tokens or _stage_category(category):
            continue
        subject = winner_tokens[0]
        if subject.pos_ == "NOUN" or any(t.lower_ == "most" or t.tag_ == "JJS" for t in subject.subtree):
            continue  # "the boxing drama", "the most nominated movie has won best picture 18 times": no name
        award = _round_up_award(token, sentence, awards)
        if award is None or _out_of_scope(award, sentence) or _off_screen_prize(award):
            continue
        label = _award_label(award)
        status, cues = ctx.status(token, negation=None)
        status = status if status in {"reported", "rumored", "denied", "speculative"} else "confirmed"
        qualifiers = {"category": category}
        winners = [_party(m, ctx, sentence) for m in _conjuncts(winner_tokens[0])]
        # "Vera Drake scored best director for Mike Leigh": a person's category won for a named person
        roles = {"director", "actor", "actress", "writer", "newcomer", "presenter", "performer", "host"}
        if category and set(category.lower().split()) & roles and not copula:
            for_people = [o for n in [token, *objs] for p in n.children if p.dep_ == "prep" and p.lower_ == "for"
                          for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "PERSON"]  # fmt: skip
            if for_people and winners and all(w is not None and w[1] == "Show" for w in winners):
                winners = [
                    _party(for_people[0], ctx, sentence)
                ]  # never over a named person ("X won best actor for Ray")
        winners = [w for w in winners if _winner_ok(w, ctx) and w[0].lower() not in label.lower()]
        for winner in winners:
            yield ctx.fact("won_award", winner[0], label, token, "reception.awards",
                           qualifiers=qualifiers, status=status, cues=cues, subject_kind=winner[1])  # fmt: skip
        if not winners:
            continue
        for loser_token in _losers(token, objs):
            loser = _party(loser_token, ctx, sentence)
            if _winner_ok(loser, ctx) and loser not in winners:
                yield ctx.fact("nominated_for", loser[0], label, token, "reception.awards",
                               qualifiers=qualifiers, status=status, cues=cues, subject_kind=loser[1])  # fmt: skip


def _award_lists(sentence: Span, ctx: ArticleContext, awards: list[Span]) -> Iterator[Fact]:
    """ "X and Y won numerous awards in 2004, including National Television, Royal Television Society
    and British Comedy awards": each listed name sharing the final "awards" is a prize they won."""
    words = lexicon()
    doc = sentence.doc
    for token in token_list(sentence):
        if token.pos_ != "VERB" or _negated(token) or not has_form(token, words["award_verbs"]):
            continue
        if token.lemma_.lower() in words["giving_verbs"] or any(c.dep_ == "auxpass" for c in token.children):
            continue
        for obj in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in words["award_triggers"]):
            including = [p for p in obj.children if p.dep_ == "prep" and p.lower_ == "including"]
            members = [m for p in including for o in p.children if o.dep_ == "pobj" for m in _members(o)]
            if not members or members[-1].lower_ not in {"awards", "prizes"}:
                continue
            noun = "Awards" if members[-1].lower_ == "awards" else "Prizes"
            labels = []
            for member in members:
                span = [
                    t for t in doc[member.left_edge.i : member.i + 1] if not (t.is_punct or t.dep_ in {"cc", "det"})
                ]
                names = [t for t in span if t.lower_ not in {"awards", "prizes"}]
                if not names or not all(t.is_title or t.is_upper for t in names):
                    labels = []
                    break
                if any(a.start <= names[0].i < a.end for a in awards):
                    continue  # a named prize: the main rule reads it
                labels.append(" ".join(t.text for t in names) + " " + noun)
            if not labels:
                continue
            winners = [_party(m, ctx, sentence) for s in token.children if s.dep_ == "nsubj" for m in _members(s)]
            date = date_in(clause_tokens(token), ctx, future=False)
            status, cues = ctx.status(token, negation=None)
            status = status if status in {"reported", "rumored", "denied", "speculative"} else "confirmed"
            for winner in winners:
                if not _winner_ok(winner, ctx):
                    continue
                for label in labels:
                    yield ctx.fact(
                        "won_award", winner[0], label, token, "reception.awards",
                        qualifiers={"date": date}, status=status, cues=cues, subject_kind=winner[1],
                    )  # fmt: skip


def _nominated_alongside(sentence: Span, ctx: ArticleContext, awards: list[Span]) -> Iterator[Fact]:
    """ "It's a great honour to be nominated alongside X and Y": X and Y were nominated for the same
    prize (one named here, else the ceremony the round-up's lead names)."""
    for token in token_list(sentence):
        if token.lemma_.lower() not in {"nominate", "shortlist"} or _negated(token):
            continue
        alongside = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "alongside"
                     for o in c.children if o.dep_ == "pobj"]  # fmt: skip
        if not alongside:
            continue
        award = next((a for a in awards if not _out_of_scope(a, sentence)), None) or _ceremony_before(sentence)
        if award is None or _off_screen_prize(award) or _out_of_scope(award, sentence):
            continue
        for member in _conjuncts(alongside[0]):
            party = _party(member, ctx, sentence)
            if _winner_ok(party, ctx):
                yield ctx.fact("nominated_for", party[0], _award_label(award), token, "reception.awards",
                               subject_kind=party[1])  # fmt: skip


def _prize_went_to(sentence: Span, ctx: ArticleContext, awards: list[Span]) -> Iterator[Fact]:
    """ "The best actress award went to X", "the Bafta for best drama went to Y": the winner is the object
    of "to"; the prize is named in the subject or is the round-up's ceremony."""
    words = lexicon()
    for token in token_list(sentence):
        if token.pos_ != "VERB" or token.lemma_.lower() != "go" or _negated(token):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if not subjects or to is None:
            continue
        subject = subjects[0]
        named = [a for a in awards if subject.left_edge.i <= a.root.i <= subject.right_edge.i]
        prize = subject.lemma_.lower() in words["award_triggers"] or bool(named)
        category = _category_of(subject) or next(
            (
                c
                for p in subject.children
                if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children
                if o.dep_ == "pobj" and (c := _category_of(o))
            ),
            None,
        )  # fmt: skip  ("the Bafta for best drama")
        if not prize or (not named and not category) or _stage_category(category):
            continue
        award = named[0] if named else _round_up_award(token, sentence, awards)
        if award is None or _out_of_scope(award, sentence) or _off_screen_prize(award):
            continue
        status, cues = ctx.status(token, negation=None)
        status = status if status in {"reported", "rumored", "denied", "speculative"} else "confirmed"
        for member in (m for o in to.children if o.dep_ == "pobj" for m in _conjuncts(o)):
            winner = _party(member, ctx, sentence)
            if _winner_ok(winner, ctx):
                yield ctx.fact("won_award", winner[0], _award_label(award), token, "reception.awards",
                               qualifiers={"category": category}, status=status, cues=cues,
                               subject_kind=winner[1])  # fmt: skip
