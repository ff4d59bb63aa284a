"""The annotated corpus as training data: articles with their gold facts, and the spaCy examples made
from them.

An annotation file is the gold format of FORMAT.md with two additions: ``"text"``, where the article
lives (a path relative to the annotation folder, or ``shared:`` + a path under ``../shared/corpus``,
for text that is not ours and stays outside the repository), and per fact ``"evidence"``, the
character offsets ``[start, end]`` in the body of the sentence that states it (``"header"`` for
``author``/``published_by`` read from the header). ``splits.json`` fixes each article's split.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from showgraph.nlp.aliases import fold
from showgraph.nlp.learned.candidates import (
    PAIR_RELATIONS,
    RELATIONS,
    Mention,
    Pair,
    doc_pairs,
    title_key,
)
from showgraph.readers import Article, read_file

#: Relations whose subject is a person, not a show.
PERSON_SUBJECT = frozenset({"plays", "accused_of", "represented_by", "military_service", "age"})
ARTICLE_SUBJECT = frozenset({"author", "published_by", "cites"})

#: Recogniser label -> where its names come from in the gold facts.
NER_LABELS: tuple[str, ...] = ("WORK", "CHARACTER", "CHANNEL", "AWARD")


@dataclass
class AnnotatedArticle:
    """One article and what a careful reader learned from it."""

    name: str
    article: Article
    facts: list[dict[str, Any]]
    split: str = "train"
    origin: str = ""  # "bbc", "written", ...
    extra: dict[str, Any] = field(default_factory=dict)


def shared_root(start: Path | None = None) -> Path | None:
    """``../shared`` beside the clone, if it is there."""
    here = (start or Path(__file__)).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    return None


def read_corpus(
    folder: str | Path, *, shared: Path | None = None, splits: Iterable[str] | None = None
) -> list[AnnotatedArticle]:
    """Every annotated article under ``folder`` whose text can be read, with its split.

    Articles whose text lives in ``../shared`` are skipped (not an error) when it is absent.
    """
    root = Path(folder)
    split_of: dict[str, str] = {}
    split_file = root / "splits.json"
    if split_file.exists():
        for split, names in json.loads(split_file.read_text()).items():
            for name in names:
                split_of[name] = split
    shared = shared if shared is not None else shared_root(root)
    wanted = set(splits) if splits is not None else None
    out = []
    for gold in sorted(root.rglob("*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        name = gold.name[: -len(".gold.json")]
        split = split_of.get(name, "train")
        if wanted is not None and split not in wanted:
            continue
        text = data.get("text", name + ".txt")
        if text.startswith("shared:"):
            if shared is None:
                continue
            path = shared / "corpus" / text[len("shared:") :]
        else:
            path = gold.parent / text
        if not path.exists():
            continue
        article = read_file(path)[0]
        out.append(AnnotatedArticle(name, article, data["facts"], split, gold.parent.name))
    return out


def read_gold_folder(folder: str | Path, split: str) -> list[AnnotatedArticle]:
    """A folder of ``NAME.txt`` beside ``NAME.gold.json`` (the evaluation set's layout), or of gold
    files whose text is elsewhere (``"text"``), as annotated articles of one split."""
    out = []
    for gold in sorted(Path(folder).glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        text = gold.with_name(name + ".txt")
        if not text.exists():
            continue
        data = json.loads(gold.read_text(encoding="utf-8"))
        out.append(AnnotatedArticle(name, read_file(text)[0], data["facts"], split, Path(folder).name))
    return out


# --- the recogniser's examples ------------------------------------------------------------------------


def gold_names(facts: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Names of each recogniser label the facts give (titles, characters, channels, awards).

    >>> gold_names([{"relation": "plays", "subject": "Ana Ruiz", "object": "Rosa", "show": "Blue Harbour"}])
    {'WORK': {'Blue Harbour'}, 'CHARACTER': {'Rosa'}, 'CHANNEL': set(), 'AWARD': set()}
    """
    names: dict[str, set[str]] = {label: set() for label in NER_LABELS}
    for fact in facts:
        relation, subject, obj = fact["relation"], str(fact["subject"]), fact["object"]
        if relation not in PERSON_SUBJECT | ARTICLE_SUBJECT | {"won_award", "nominated_for"}:
            names["WORK"].add(subject)
        if isinstance(fact.get("show"), str):
            names["WORK"].add(fact["show"])
        if relation == "adapted_from":
            names["WORK"].add(str(obj))
        elif relation == "plays":
            names["CHARACTER"].add(str(obj))
        elif relation == "platform":
            names["CHANNEL"].add(str(obj))
        elif relation in {"won_award", "nominated_for"}:
            names["AWARD"].add(str(obj))
    return names


def locate(doc: Doc, name: str) -> list[Span]:
    """Every place ``name`` is written in ``doc`` (case as given; a leading "The" optional)."""
    bare = re.sub(r"^(the|The)\s+", "", name.strip())
    if len(bare) < 2:
        return []
    pattern = re.compile(r"(?<![\w])(?:[Tt]he\s+)?" + re.escape(bare) + r"(?![\w])")
    spans = []
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    return spans


def ner_reference(nlp: Language, annotated: AnnotatedArticle) -> Doc:
    """The article's body with every gold title, character, channel and award marked as an entity."""
    doc = nlp.make_doc(annotated.article.body)
    spans = []
    for label, names in gold_names(annotated.facts).items():
        for name in names:
            spans.extend(Span(doc, s.start, s.end, label) for s in locate(doc, name))
    doc.set_ents(filter_spans(spans), default="outside")
    return doc


def ner_docbin(nlp: Language, articles: Iterable[AnnotatedArticle]) -> DocBin:
    return DocBin(docs=(ner_reference(nlp, a) for a in articles))


# --- the relation classifier's examples ---------------------------------------------------------------


def name_matches(gold: str, mention: str, kind: str) -> bool:
    """Does a mention name the gold entity? Folded equality; a person or character may be named by part.

    >>> name_matches("Ricky Gervais", "Gervais", "PERSON"), name_matches("The Office", "Office", "WORK")
    (True, True)
    >>> name_matches("Extras", "The Office", "WORK")
    False
    """
    g, m = title_key(gold), title_key(mention)
    if not g or not m:
        return False
    if g == m:
        return True
    if kind in {"PERSON", "CHARACTER"}:
        gold_words = {fold(w) for w in gold.split()}
        words = [fold(w) for w in mention.split()]
        return bool(words) and all(w in gold_words for w in words)
    return False


#: Relations whose object the scorer matches loosely (one folded name inside the other), as FORMAT's scorer does.
LOOSE_OBJECTS = frozenset({"won_award", "nominated_for", "adapted_from", "produced_by", "genre", "country"})


def object_matches(relation: str, gold: str, mention: str, kind: str) -> bool:
    """Does a mention name a fact's object, as the scorer would count it?

    >>> object_matches("won_award", "Golden Globe", "Golden Globes", "AWARD")
    True
    >>> object_matches("platform", "BBC", "BBC One", "CHANNEL")
    False
    """
    if name_matches(gold, mention, kind):
        return True
    g, m = title_key(gold), title_key(mention)
    return relation in LOOSE_OBJECTS and bool(g) and bool(m) and (g in m or m in g)


def _evidence_range(fact: dict[str, Any]) -> tuple[int, int] | None:
    ev = fact.get("evidence")
    if isinstance(ev, list) and len(ev) == 2:
        return int(ev[0]), int(ev[1])
    return None


def pair_labels(pair: Pair, facts: list[dict[str, Any]], show: str | None) -> set[str]:
    """The relations the gold facts state between the pair's two ends in the pair's sentence."""
    allowed = PAIR_RELATIONS[pair.kinds]
    start, end = pair.sentence.start_char, pair.sentence.end_char
    found = set()
    for fact in facts:
        relation = fact["relation"]
        if relation not in allowed:
            continue
        where = _evidence_range(fact)
        if where is not None and (where[1] <= start or where[0] >= end):
            continue
        subject_ok = (
            show is not None and name_matches(str(fact["subject"]), show, "WORK")
            if pair.subject is None
            else name_matches(str(fact["subject"]), pair.subject.text, pair.subject.kind)
        )
        if subject_ok and object_matches(relation, str(fact["object"]), pair.object.text, pair.object.kind):
            found.add(relation)
    return found


def gold_mentions(doc: Doc, facts: list[dict[str, Any]]) -> list[Span]:
    """Spans of the gold names the recogniser may have missed, to add as candidates in training."""
    spans = []
    for label, names in gold_names(facts).items():
        for name in names:
            spans.extend(Span(doc, s.start, s.end, label) for s in locate(doc, name))
    return spans


def article_pairs(doc: Doc, annotated: AnnotatedArticle, *, add_gold: bool = True) -> Iterator[tuple[Pair, set[str]]]:
    """Each candidate pair of a parsed article with its gold relations.

    With ``add_gold``, gold titles and characters the recogniser missed join its span group first,
    so the classifier learns from every stated relation, not only from those the recogniser found.
    """
    from showgraph.nlp.learned.candidates import SPANS_KEY

    if add_gold:
        have = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        taken = {i for s in have for i in range(s.start, s.end)}
        extra = [s for s in filter_spans(gold_mentions(doc, annotated.facts)) if not taken & set(range(s.start, s.end))]
        doc.spans[SPANS_KEY] = have + extra
    show, pairs = doc_pairs(doc)
    for pair in pairs:
        yield pair, pair_labels(pair, annotated.facts, show)


def pair_docbin(classifier_nlp: Language, labelled: Iterable[tuple[Pair, set[str]]]) -> tuple[DocBin, int, int]:
    """Pair texts as text-classification docs (``cats`` over every relation); with positive and total counts."""
    docs = []
    positives = 0
    for pair, labels in labelled:
        doc = classifier_nlp.make_doc(pair.text)
        doc.cats = {r: float(r in labels) for r in RELATIONS}
        positives += bool(labels)
        docs.append(doc)
    return DocBin(docs=docs), positives, len(docs)


#: The article classifier's labels: about screen productions, or not.
SCREEN, OTHER = "SCREEN", "OTHER"


def is_screen_article(facts: list[dict[str, Any]]) -> bool:
    """Does a careful reader learn anything about screen productions from the article (beyond its
    header and the outlets it quotes)?

    >>> is_screen_article([{"relation": "published_by", "subject": "article", "object": "BBC News"}])
    False
    """
    return any(f["relation"] not in ARTICLE_SUBJECT for f in facts)


def article_docbin(classifier_nlp: Language, articles: Iterable[AnnotatedArticle]) -> DocBin:
    """Whole articles as text-classification docs: SCREEN or OTHER."""
    docs = []
    for annotated in articles:
        doc = classifier_nlp.make_doc(annotated.article.body)
        screen = is_screen_article(annotated.facts)
        doc.cats = {SCREEN: float(screen), OTHER: float(not screen)}
        docs.append(doc)
    return DocBin(docs=docs)


__all__ = [
    "NER_LABELS",
    "AnnotatedArticle",
    "Mention",
    "article_pairs",
    "gold_names",
    "locate",
    "ner_docbin",
    "pair_docbin",
    "read_corpus",
    "read_gold_folder",
]
