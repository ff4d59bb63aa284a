"""Rebuild the shipped weights from the annotated corpus with spaCy's training system.

Three ``spacy train`` runs, each from a config in ``configs/``:

0. the article classifier (``articles.cfg``): is an article about screen productions at all (the
   relation classifier's facts are read only from those that are);
1. the recogniser (``ner.cfg``) on the train split's articles, its best model chosen on tune;
2. the relation classifier (``relations.cfg``) on the candidate pairs of the train split, made by
   parsing each article with the small model plus the recogniser just trained, so that the pairs it
   learns from are the pairs it will be shown.

``showgraph train`` runs both and copies the best models to ``showgraph/models``; ``--work DIR``
keeps the intermediate corpora, so the same step can be run by hand as
``python -m spacy train CONFIG --paths.train DIR/ner-train.spacy --paths.dev DIR/ner-tune.spacy
--code src/showgraph/nlp/learned/components.py``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train

from showgraph.nlp.learned import components  # noqa: F401  (registers the factories)
from showgraph.nlp.learned.corpus import (
    AnnotatedArticle,
    article_docbin,
    article_pairs,
    ner_docbin,
    pair_docbin,
    read_corpus,
)
from showgraph.nlp.learned.measure import choose_article_gate, choose_policy, parse_all

CONFIGS = Path(__file__).parent / "configs"
#: Where the shipped weights live (inside the package, so an installed showgraph has them).
MODELS = Path(__file__).resolve().parents[2] / "models"
NER_DIR, RELATIONS_DIR, ARTICLES_DIR = "ner", "relations", "articles"


@dataclass
class TrainReport:
    """What a training run used and took."""

    articles: dict[str, int] = field(default_factory=dict)
    pairs: dict[str, tuple[int, int]] = field(default_factory=dict)  # split -> (positive, total)
    seconds: dict[str, float] = field(default_factory=dict)
    output: Path | None = None


def train_models(
    corpus: str | Path,
    output: str | Path = MODELS,
    *,
    base_model: str | None = None,
    work: str | Path | None = None,
    overrides: dict[str, object] | None = None,
    log: Callable[[str], None] = print,
) -> TrainReport:
    """Train the recogniser, then the relation classifier, on ``corpus``; write both under ``output``.

    ``overrides`` are config overrides for both runs (``{"training.max_steps": 50}`` for a quick one).
    """
    from showgraph.nlp.pipeline import load_base_pipeline

    report = TrainReport(output=Path(output))
    articles = read_corpus(corpus)
    by_split: dict[str, list[AnnotatedArticle]] = {}
    for a in articles:
        by_split.setdefault(a.split, []).append(a)
    report.articles = {k: len(v) for k, v in sorted(by_split.items())}
    train, tune = by_split.get("train", []), by_split.get("tune", [])
    if not train or not tune:
        raise ValueError(f"{corpus}: training needs articles in the train and tune splits (found {report.articles})")
    log(f"articles: {report.articles}")
    work_dir = Path(work) if work else Path(tempfile.mkdtemp(prefix="showgraph-train-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    blank = spacy.blank("en")
    settings = dict(overrides or {})

    started = time.perf_counter()
    article_docbin(blank, train).to_disk(work_dir / "articles-train.spacy")
    article_docbin(blank, tune).to_disk(work_dir / "articles-tune.spacy")
    _spacy_train("articles", work_dir, "articles", settings)
    report.seconds["articles"] = time.perf_counter() - started

    started = time.perf_counter()
    ner_docbin(blank, train).to_disk(work_dir / "ner-train.spacy")
    ner_docbin(blank, tune).to_disk(work_dir / "ner-tune.spacy")
    _spacy_train("ner", work_dir, "ner", settings)
    report.seconds["ner"] = time.perf_counter() - started
    ner_path = work_dir / "ner" / "model-best"

    started = time.perf_counter()
    reader = load_base_pipeline(base_model, ner_path=ner_path)
    for split, items in (("train", train), ("tune", tune)):
        labelled = []
        for annotated, doc in zip(items, reader.pipe(a.article.body for a in items), strict=True):
            labelled.extend(article_pairs(doc, annotated))
        bin_, positives, total = pair_docbin(blank, labelled)
        bin_.to_disk(work_dir / f"pairs-{split}.spacy")
        report.pairs[split] = (positives, total)
    log(f"pairs (positive, total): {report.pairs}")
    _spacy_train("relations", work_dir, "pairs", settings)
    report.seconds["relations"] = time.perf_counter() - started

    out = Path(output)
    for name, source in (
        (NER_DIR, ner_path),
        (RELATIONS_DIR, work_dir / "relations" / "model-best"),
        (ARTICLES_DIR, work_dir / "articles" / "model-best"),
    ):
        target = out / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target)
    started = time.perf_counter()
    trained = load_base_pipeline(
        base_model, ner_path=out / NER_DIR, relations_path=out / RELATIONS_DIR, articles_path=out / ARTICLES_DIR
    )
    gate = choose_article_gate(spacy.load(out / ARTICLES_DIR), tune)
    trained.get_pipe("showgraph_relations").gate = gate
    policy, notes = choose_policy(parse_all(trained, tune))
    (out / RELATIONS_DIR / "policy.json").write_text(
        json.dumps(
            {
                "article_gate": gate,
                "mode": policy.mode,
                "threshold": policy.threshold,
                "sources": policy.sources,
                "chosen_on": "tune",
                "tune": notes,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    report.seconds["policy"] = time.perf_counter() - started
    log(f"policy (chosen on tune): threshold {policy.threshold}, sources {policy.sources}")
    log(f"wrote {out / NER_DIR} and {out / RELATIONS_DIR} in {sum(report.seconds.values()):.0f} s")
    if work is None:
        shutil.rmtree(work_dir, ignore_errors=True)
    return report


def _spacy_train(config: str, work_dir: Path, corpus: str, settings: dict[str, object]) -> None:
    """One ``spacy train`` run of ``configs/CONFIG.cfg`` on ``CORPUS-train.spacy`` (best model chosen on
    ``CORPUS-tune.spacy``), written to ``work_dir/CONFIG``."""
    spacy_train(
        CONFIGS / f"{config}.cfg",
        work_dir / config,
        overrides={
            "paths.train": str(work_dir / f"{corpus}-train.spacy"),
            "paths.dev": str(work_dir / f"{corpus}-tune.spacy"),
            **settings,
        },
    )
