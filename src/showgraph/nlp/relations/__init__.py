"""Relation rules, one module per family of relations.

Each module registers its rules with :data:`rules`, a ``catalogue`` registry, so a user's package
can add rules through the ``showgraph_rules`` entry point and a pipeline config can choose them by
name. A rule is ``(sentence: Span, ctx: ArticleContext) -> Iterable[Fact]``.
"""

from __future__ import annotations

import catalogue

rules = catalogue.create("showgraph", "rules", entry_points=True)


def all_rules() -> dict[str, object]:
    """Every registered rule by name, importing the built-in families first."""
    from showgraph.nlp.relations import (  # noqa: F401  (imported for their registrations)
        appearances,
        article,
        cast,
        credits,
        people,
        reception,
        release,
    )

    return dict(rules.get_all())
