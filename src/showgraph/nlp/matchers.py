"""Rules that are plain token patterns, as data: spaCy ``Matcher`` and ``DependencyMatcher`` patterns in
``patterns/rule_patterns.json``, each under the name of the rule that reads it.

A rule asks :func:`matches` for its pattern's hits in a sentence and keeps only what the pattern cannot
say (which show, which person) as code. The matchers run once per doc, over the whole doc, and their hits
are kept in the doc's indexes (dropped by :func:`showgraph.nlp.context.reset_indexes`). :func:`fired`
says which rules' patterns match a text, so a test can pin one pattern at a time.

>>> doc = _test_doc("The judging panel includes Ana Ruiz and Tom Hale.")
>>> fired(doc)
['credits.panel']
>>> [[t.text for t in hit] for hit in matches("credits.panel", doc[:])]
[['includes', 'panel', 'judging']]
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Token

from showgraph.nlp.context import doc_tokens
from showgraph.nlp.lexicon import patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

#: ``doc.user_data`` key of the hits (listed in ``context.INDEX_KEYS``).
MATCHES_KEY = "showgraph_matches"

if not Token.has_extension("sg_lemma"):
    # The lower-case lemma, as the rules compare it (``token.lemma_.lower()``).
    Token.set_extension("sg_lemma", getter=lambda token: token.lemma_.lower())


def rule_patterns() -> dict[str, dict[str, Any]]:
    """Rule name -> its patterns by kind (``token``, ``dependency``), from ``patterns/rule_patterns.json``."""
    return {
        name: {kind: value for kind, value in entry.items() if not kind.startswith("_")}
        for name, entry in patterns("rule_patterns").items()
    }


@cache
def _matchers(vocab: Vocab) -> tuple[Matcher, DependencyMatcher]:
    token_matcher, dependency_matcher = Matcher(vocab), DependencyMatcher(vocab)
    for name, kinds in rule_patterns().items():
        if "token" in kinds:
            token_matcher.add(name, kinds["token"])
        if "dependency" in kinds:
            dependency_matcher.add(name, kinds["dependency"])
    return token_matcher, dependency_matcher


def _hits(doc: Doc) -> dict[str, list[tuple[int, ...]]]:
    """Rule name -> the token indexes of each hit (a token pattern's span; a dependency pattern's nodes
    in pattern order), sorted and without repeats; built once per doc."""
    cached = doc.user_data.get(MATCHES_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    token_matcher, dependency_matcher = _matchers(doc.vocab)
    found: dict[str, set[tuple[int, ...]]] = {}
    strings = doc.vocab.strings
    for match_id, start, end in token_matcher(doc):
        found.setdefault(strings[match_id], set()).add(tuple(range(start, end)))
    for match_id, token_ids in dependency_matcher(doc):
        found.setdefault(strings[match_id], set()).add(tuple(token_ids))
    hits = {name: sorted(found_hits) for name, found_hits in found.items()}
    doc.user_data[MATCHES_KEY] = (len(doc), hits)
    return hits


def matches(rule: str, span: Span) -> list[list[Token]]:
    """The hits of ``rule``'s patterns whose first token (a dependency pattern's anchor) is in ``span``,
    in text order, each as its tokens."""
    tokens = doc_tokens(span.doc)
    return [[tokens[i] for i in hit] for hit in _hits(span.doc).get(rule, ()) if span.start <= hit[0] < span.end]


def first_matches(rule: str, span: Span) -> list[list[Token]]:
    """One hit per anchor (first token): the one whose other nodes come earliest, node by node, as a rule
    that takes "the anchor's first such child" reads it.

    >>> doc = _test_doc("The judging panel includes Ana Ruiz and Tom Hale.")
    >>> [[t.text for t in hit] for hit in first_matches("credits.panel", doc[:])]
    [['includes', 'panel', 'judging']]
    """
    first: dict[int, list[Token]] = {}
    for hit in matches(rule, span):  # sorted by token indexes: the first of an anchor is the earliest
        first.setdefault(hit[0].i, hit)
    return list(first.values())


def fired(doc: Doc) -> list[str]:
    """The rules whose patterns match somewhere in ``doc``, by name."""
    return sorted(_hits(doc))


def _test_doc(text: str) -> Doc:  # pragma: no cover - doctest helper
    from showgraph.nlp.pipeline import load_pipeline

    return load_pipeline()(text)
