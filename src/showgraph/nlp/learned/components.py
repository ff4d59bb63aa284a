"""The trained components, declared with ``@Language.factory`` so configs and ``spacy train`` can name them.

- ``showgraph_ner``: spaCy's transition-based entity recogniser, trained on titles (``WORK``),
  characters, channels and awards, that writes its spans to ``doc.spans["showgraph_ner"]`` instead of
  ``doc.ents``: the small model's people, dates and numbers stay as they are, and the rules read the
  ents they were written against.
- ``showgraph_relations``: scores every candidate pair of :mod:`.candidates` for every relation it
  knows with a ``textcat_multilabel`` pipeline trained on pair texts, and keeps the scores on the doc
  (``doc.user_data["showgraph_relations"]``) for :mod:`showgraph.nlp.learned.read` to turn into facts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.ner import DEFAULT_NER_MODEL
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from thinc.api import Model

from showgraph.nlp.learned.candidates import SPANS_KEY, doc_pairs

#: Where the relation scores are kept on a doc.
RELATIONS_KEY = "showgraph_relations"

#: Scores under this are not kept on the doc (the reading threshold is higher).
KEEP_FLOOR = 0.05

#: Where the article classifier's score (is the article about screen productions?) is kept on a doc.
SCREEN_KEY = "showgraph_screen"

#: The article classifier's score under which no pair is scored (news that is not about the screen),
#: unless the shipped policy (``policy.json``'s ``article_gate``, chosen on tune) says otherwise.
SCREEN_GATE = 0.5


class SpanGroupRecognizer(EntityRecognizer):
    """An entity recogniser whose predictions go to a span group, leaving ``doc.ents`` untouched.

    spaCy's recogniser respects entities already set (the small model's, placed after it, then fills
    in around ours) and marks every other token as outside; this one moves what it found to
    ``doc.spans[spans_key]`` and restores the tokens' entity state, so it can run before the small
    model's ``ner`` without constraining it.
    """

    def __init__(self, *args: Any, spans_key: str = SPANS_KEY, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spans_key = spans_key

    def set_annotations(self, docs, states_or_beams) -> None:  # type: ignore[no-untyped-def]
        before = [list(doc.ents) for doc in docs]
        super().set_annotations(docs, states_or_beams)
        for doc, kept in zip(docs, before, strict=True):
            doc.spans[self.spans_key] = [e for e in doc.ents if e not in kept]
            doc.set_ents(kept, default="missing")


def _span_group_scorer(examples: list[Example], spans_key: str = SPANS_KEY, **kwargs: Any) -> dict[str, Any]:
    def getter(doc: Doc, attr: str):  # the prediction's span group against the reference's ents
        return doc.spans.get(spans_key, doc.ents)

    return Scorer.score_spans(examples, "ents", getter=getter, has_annotation=None, **kwargs)


@registry.scorers("showgraph.span_group_scorer.v1")
def make_span_group_scorer():
    return _span_group_scorer


@Language.factory(
    "showgraph_ner",
    assigns=["doc.spans"],
    default_config={
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "model": DEFAULT_NER_MODEL,
        "incorrect_spans_key": None,
        "spans_key": SPANS_KEY,
        "scorer": {"@scorers": "showgraph.span_group_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_showgraph_ner(
    nlp: Language,
    name: str,
    model: Model,
    moves: Any,
    update_with_oracle_cut_size: int,
    incorrect_spans_key: str | None,
    spans_key: str,
    scorer: Any,
) -> SpanGroupRecognizer:
    return SpanGroupRecognizer(
        nlp.vocab,
        model,
        name=name,
        moves=moves,
        update_with_oracle_cut_size=update_with_oracle_cut_size,
        incorrect_spans_key=incorrect_spans_key,
        scorer=scorer,
        spans_key=spans_key,
    )


class RelationScorer:
    """Scores each candidate pair of each sentence with a text classifier trained on pair texts."""

    def __init__(self, nlp: Language, name: str, batch_size: int = 256) -> None:
        self.name = name
        self.batch_size = batch_size
        self.classifier: Language | None = None
        self.article_classifier: Language | None = None
        self.gate = SCREEN_GATE

    def __call__(self, doc: Doc) -> Doc:
        if self.classifier is None:
            return doc
        if self.article_classifier is not None:
            screen = float(self.article_classifier(doc.text).cats.get("SCREEN", 1.0))
            doc.user_data[SCREEN_KEY] = round(screen, 4)
            if screen < self.gate:
                doc.user_data[RELATIONS_KEY] = []
                return doc
        show, pairs = doc_pairs(doc)
        rows = []
        texts = (pair.text for pair in pairs)
        for pair, scored in zip(pairs, self.classifier.pipe(texts, batch_size=self.batch_size), strict=True):
            scores = {label: round(float(s), 4) for label, s in scored.cats.items() if s >= KEEP_FLOOR}
            if not scores:
                continue
            subject = pair.subject
            rows.append(
                [
                    -1 if subject is None else subject.start,
                    -1 if subject is None else subject.end,
                    "WORK" if subject is None else subject.kind,
                    show if subject is None else subject.text,
                    pair.object.start,
                    pair.object.end,
                    pair.object.kind,
                    pair.object.text,
                    pair.sentence.start,
                    scores,
                ]
            )
        doc.user_data[RELATIONS_KEY] = rows
        return doc

    def load(self, path: str | Path, articles: str | Path | None = None) -> RelationScorer:
        """Load the pair classifier from ``path`` and, if given and there, the article classifier."""
        self.classifier = spacy.load(path)
        policy = Path(path) / "policy.json"
        if policy.exists():
            self.gate = float(json.loads(policy.read_text(encoding="utf-8")).get("article_gate", SCREEN_GATE))
        if articles is not None and Path(articles).exists():
            self.article_classifier = spacy.load(articles)
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        if self.classifier is not None:
            self.classifier.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> RelationScorer:
        return self.load(path) if Path(path).exists() else self


@Language.factory("showgraph_relations", default_config={"batch_size": 256}, requires=["doc.sents"])
def make_relation_scorer(nlp: Language, name: str, batch_size: int) -> RelationScorer:
    return RelationScorer(nlp, name, batch_size)
