"""What every relation rule is handed: the parsed article and what is known about it.

This is the seam between the NLP infrastructure (pipeline, entities, aliases) and the relation
rules (``showgraph.nlp.relations.*``). A rule is a function ``(sentence, ctx) -> Iterable[Fact]``
registered with :func:`showgraph.nlp.relations.rule`; it reads the parse of one sentence and asks
``ctx`` for names, shows, dates and statuses, so it never re-implements them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from showgraph.facts import Evidence, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from showgraph.readers import Article


@dataclass
class ArticleContext:
    """The article being read, its parse, and article-wide knowledge for the rules.

    Attributes filled by the infrastructure before rules run:
    - ``shows``: show titles found in the article, the main one (usually from the title) first.
    - ``canonical``: a function from a name as written ("Gil-ho", "Lee") to the fullest form the
      article uses ("Ahn Gil-ho", "Lee Do-hyun"); identity where nothing better is known.
    - ``published``: the header's date, for resolving "on Sunday", "in March".
    """

    article: Article
    doc: Doc
    shows: list[str] = field(default_factory=list)
    published: date | None = None
    canonical: Callable[[str], str] = lambda name: name
    kinds: dict[str, str] = field(default_factory=dict)  # canonical name -> entity kind
    variants: dict[str, set[str]] = field(default_factory=dict)  # canonical name -> forms seen

    @property
    def main_show(self) -> str | None:
        return self.shows[0] if self.shows else None

    def fact(
        self,
        relation: str,
        subject: str,
        obj: str | int,
        where: Span | Token,
        rule: str,
        *,
        qualifiers: dict[str, str | int] | None = None,
        status: str = "confirmed",
        cues: Iterable[str] = (),
        subject_kind: str | None = None,
        object_kind: str | None = None,
    ) -> Fact:
        """Build a :class:`Fact` whose evidence is the sentence around ``where``."""
        sent = where.sent
        return Fact(
            relation,
            subject,
            obj,
            qualifiers={k: v for k, v in (qualifiers or {}).items() if v is not None},
            status=status,
            evidence=Evidence(
                self.article.id,
                sent.text,
                sent.start_char,
                sent.end_char,
                rule,
                tuple(cues),
            ),
            subject_kind=subject_kind,
            object_kind=object_kind,
        )


#: A relation rule: reads one sentence, yields facts.
Rule = Callable[["Span", ArticleContext], Iterable[Fact]]
