"""The trained components: the span-group recogniser, candidate pairs, labels, the reading policy, and a
tiny end-to-end training run on the corpus's own written articles (no ../shared needed)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span
from spacy.training import Example

from showgraph.facts import Evidence, Fact
from showgraph.nlp.learned import components  # noqa: F401  (registers the factories)
from showgraph.nlp.learned.annotations import split_for, update_splits
from showgraph.nlp.learned.candidates import SPANS_KEY, Mention, main_award, sentence_pairs
from showgraph.nlp.learned.corpus import AnnotatedArticle, gold_names, pair_labels, read_corpus
from showgraph.nlp.learned.read import MODE_ENV, ReadingPolicy, combine
from showgraph.readers import Article

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = ROOT / "corpus" / "annotated" / "written"


def _doc(text: str, ents: list[tuple[int, int, str]], learned: list[tuple[int, int, str]] = ()):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    doc.spans[SPANS_KEY] = [Span(doc, s, e, label) for s, e, label in learned]
    return doc


def test_recogniser_writes_its_span_group_and_leaves_the_ents_to_the_next_recogniser():
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("showgraph_ner")
    text = "Ana Ruiz stars in Blue Harbour tonight."
    reference = nlp.make_doc(text)
    reference.ents = [Span(reference, 4, 6, "WORK")]
    examples = [Example(nlp.make_doc(text), reference)]
    nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, drop=0.0)
    assert "WORK" in ner.labels
    doc = nlp(text)
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [("Blue Harbour", "WORK")]
    assert doc.ents == ()
    # every token is left unset, so the small model's ner placed after it is not constrained
    assert {t.ent_iob_ for t in doc} == {""}


def test_pairs_follow_the_kinds_a_relation_allows():
    doc = _doc("Ana Ruiz stars in Blue Harbour on Netflix.", [(0, 2, "PERSON"), (7, 8, "PLATFORM")], [(4, 6, "WORK")])
    pairs = {(p.subject.text, p.object.text) for p in sentence_pairs(next(doc.sents), None)}
    assert pairs == {("Blue Harbour", "Ana Ruiz"), ("Blue Harbour", "Netflix")}


def test_the_articles_show_stands_in_where_a_sentence_says_the_series():
    doc = _doc("The series also stars Ana Ruiz.", [(4, 6, "PERSON")])
    pairs = list(sentence_pairs(next(doc.sents), "Blue Harbour"))
    assert [(p.subject, p.object.text) for p in pairs] == [(None, "Ana Ruiz")]
    assert pairs[0].text.startswith("subjrefshow")
    # no stand-in without a show noun or without a main show
    assert list(sentence_pairs(next(_doc("Ana Ruiz smiled.", [(0, 2, "PERSON")]).sents), "Blue Harbour")) == []
    assert list(sentence_pairs(next(doc.sents), None)) == []


def test_the_articles_award_stands_in_where_a_sentence_names_a_category_only():
    first = _doc("Blue Harbour leads the Bafta race.", [], [(0, 2, "WORK"), (4, 5, "AWARD")])
    assert main_award(first) == "Bafta"
    doc = _doc("Ana Ruiz won best actress.", [(0, 2, "PERSON")])
    pairs = list(sentence_pairs(next(doc.sents), None, "Bafta"))
    assert [(p.subject.text, p.object.text, p.object.start) for p in pairs] == [("Ana Ruiz", "Bafta", -1)]
    assert pairs[0].text.startswith("objrefaward")


def test_pair_labels_need_both_names_and_the_evidence_sentence():
    doc = _doc("Ana Ruiz stars in Blue Harbour. Blue Harbour is on Netflix.", [(0, 2, "PERSON")], [(4, 6, "WORK")])
    sentences = list(doc.sents)
    pair = next(p for p in sentence_pairs(sentences[0], None) if p.object.text == "Ana Ruiz")
    fact = {"relation": "cast_member", "subject": "Blue Harbour", "object": "Ana Ruiz"}
    assert pair_labels(pair, [fact], None) == {"cast_member"}
    elsewhere = [len("Ana Ruiz stars in Blue Harbour. "), len(doc.text)]
    assert pair_labels(pair, [fact | {"evidence": elsewhere}], None) == set()
    assert pair_labels(pair, [fact | {"object": "Bo Lind"}], None) == set()


def test_gold_names_give_the_recogniser_its_labels():
    names = gold_names(
        [
            {"relation": "platform", "subject": "Blue Harbour", "object": "Netflix"},
            {"relation": "won_award", "subject": "Ana Ruiz", "object": "Bafta"},
            {"relation": "published_by", "subject": "article", "object": "Screen Ledger"},
        ]
    )
    assert names == {"WORK": {"Blue Harbour"}, "CHARACTER": set(), "CHANNEL": {"Netflix"}, "AWARD": {"Bafta"}}


def _fact(relation: str, obj: str) -> Fact:
    return Fact(relation, "Blue Harbour", obj, evidence=Evidence("a", "s", 0, 1, "r"))


def test_the_policy_takes_each_relation_from_its_source(monkeypatch):
    rules = [_fact("platform", "Netflix"), _fact("genre", "drama"), _fact("cast_member", "Ana Ruiz")]
    model = [_fact("platform", "Hulu"), _fact("cast_member", "Bo Lind")]
    policy = ReadingPolicy("combined", 0.5, {"platform": "model", "cast_member": "both"})
    kept = {(f.relation, f.object) for f in combine(rules, model, policy)}
    assert kept == {("platform", "Hulu"), ("genre", "drama"), ("cast_member", "Ana Ruiz"), ("cast_member", "Bo Lind")}
    assert {f.object for f in combine(rules, model, ReadingPolicy("rules"))} == {"Netflix", "drama", "Ana Ruiz"}
    monkeypatch.setenv(MODE_ENV, "model")
    assert ReadingPolicy.load(None).mode == "model"
    monkeypatch.setenv(MODE_ENV, "guess")
    with pytest.raises(ValueError, match="rules, model, combined"):
        ReadingPolicy.load(None)


def test_splits_are_fixed_by_name_and_kept(tmp_path):
    assert split_for("some-article") == split_for("some-article")
    shares = [split_for(f"article-{i}") for i in range(400)]
    assert 0.6 < shares.count("train") / 400 < 0.8
    (tmp_path / "a.gold.json").write_text('{"facts": []}')
    (tmp_path / "b.gold.json").write_text('{"facts": []}')
    (tmp_path / "splits.json").write_text(json.dumps({"check": ["a"]}))
    splits = update_splits(tmp_path)
    assert "a" in splits["check"] and sum("b" in names for names in splits.values()) == 1


def test_the_corpus_reads_its_own_written_articles():
    articles = read_corpus(WRITTEN.parent, splits=["train", "tune", "check"], shared=Path("/nonexistent"))
    written = [a for a in articles if a.origin == "written"]
    assert len(written) >= 100
    assert all(isinstance(a, AnnotatedArticle) and a.article.body for a in written)
    # offsets point at the sentence each fact came from
    sample = random.Random(0).sample(written, 10)
    for annotated in sample:
        for fact in annotated.facts:
            if isinstance(fact.get("evidence"), list):
                start, end = fact["evidence"]
                assert 0 <= start < end <= len(annotated.article.body)


def test_a_tiny_model_trains_with_spacy_train_and_loads(tmp_path):
    from showgraph.nlp.learned.train import train_models
    from showgraph.nlp.pipeline import load_base_pipeline

    corpus = tmp_path / "corpus"
    (corpus / "written").mkdir(parents=True)
    names = sorted(p.name[: -len(".gold.json")] for p in WRITTEN.glob("*.gold.json"))[:6]
    for name in names:
        for suffix in (".txt", ".gold.json"):
            shutil.copyfile(WRITTEN / (name + suffix), corpus / "written" / (name + suffix))
    (corpus / "splits.json").write_text(json.dumps({"train": names[:4], "tune": names[4:], "check": []}))
    report = train_models(
        corpus,
        tmp_path / "models",
        overrides={"training.max_steps": 12, "training.eval_frequency": 6},
        log=lambda _: None,
    )
    assert report.articles == {"train": 4, "tune": 2}
    assert report.pairs["train"][1] > 0
    policy = json.loads((tmp_path / "models" / "relations" / "policy.json").read_text())
    assert policy["chosen_on"] == "tune" and 0 < policy["threshold"] < 1
    models = tmp_path / "models"
    nlp = load_base_pipeline(
        ner_path=models / "ner", relations_path=models / "relations", articles_path=models / "articles"
    )
    assert nlp.pipe_names.index("showgraph_ner") < nlp.pipe_names.index("ner")
    doc = nlp(Article("t", "The drama Blue Harbour stars Ana Ruiz and streams on Netflix.").body)
    assert isinstance(doc.user_data["showgraph_relations"], list)
    assert 0.0 <= doc.user_data["showgraph_screen"] <= 1.0
    assert SPANS_KEY in doc.spans


def test_mention_is_a_plain_value():
    assert Mention(0, 2, "PERSON", "Ana Ruiz") == Mention(0, 2, "PERSON", "Ana Ruiz")
