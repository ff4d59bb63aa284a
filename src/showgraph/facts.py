"""Facts: what extraction hands to graph building.

This module is the contract between the NLP stage and everything after it. It knows nothing of
spaCy or RDF: a fact is a relation from the closed vocabulary, a subject, an object, optional
qualifiers, the status the article gives it, and the evidence it came from.

>>> fact = Fact("plays", "Song Hye-kyo", "Moon Dong-eun", qualifiers={"show": "The Glory"},
...             evidence=Evidence("a1", "Song Hye-kyo plays Moon Dong-eun.", 0, 33, "plays.verb"))
>>> fact.to_gold()["object"]
'Moon Dong-eun'
>>> fact.subject_type, fact.object_type
('Person', 'Character')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: How an article holds a fact. "confirmed" is the default where no cue is given.
STATUSES: tuple[str, ...] = (
    "confirmed",
    "reported",
    "alleged",
    "rumored",
    "denied",
    "admitted",
    "speculative",
    "scheduled",
)

#: The values a ``season_status`` fact may take.
SEASON_STATUSES: tuple[str, ...] = (
    "commissioned",
    "renewed",
    "in_production",
    "suspended",
    "cancelled",
    "ended",
    "unconfirmed",
)

#: Qualifier keys, in the order FORMAT.md lists them.
QUALIFIERS: tuple[str, ...] = ("show", "season", "platform", "date", "source", "period", "category")


@dataclass(frozen=True)
class RelationSpec:
    """What a relation links: entity kinds of subject and object, and the qualifiers it may carry.

    Kinds are ontology class local names (``Person``, ``Show``, ``Character``, ``Organization``,
    ``Platform``, ``Article``, ``Agent`` for person-or-organisation, ``Literal`` for a value).
    """

    subject: str
    object: str
    qualifiers: tuple[str, ...] = ()


#: The closed relation vocabulary of FORMAT.md.
RELATIONS: dict[str, RelationSpec] = {
    "plays": RelationSpec("Person", "Character", ("show", "season")),
    "cast_member": RelationSpec("Show", "Person", ("season",)),
    "directed_by": RelationSpec("Show", "Person", ("season",)),
    "written_by": RelationSpec("Show", "Person", ("season",)),
    "created_by": RelationSpec("Show", "Person", ()),
    "produced_by": RelationSpec("Show", "Agent", ()),
    "presented_by": RelationSpec("Show", "Person", ("season",)),
    "platform": RelationSpec("Show", "Platform", ()),
    "released_on": RelationSpec("Show", "Literal", ("season", "platform")),
    "episode_count": RelationSpec("Show", "Literal", ("season",)),
    "season_status": RelationSpec("Show", "Literal", ("season", "date")),
    "rating": RelationSpec("Show", "Literal", ("season", "source")),
    "viewership": RelationSpec("Show", "Literal", ("season", "period")),
    "genre": RelationSpec("Show", "Literal", ()),
    "country": RelationSpec("Show", "Literal", ()),
    "adapted_from": RelationSpec("Show", "Work", ()),
    "won_award": RelationSpec("Agent", "Literal", ("category", "date")),
    "nominated_for": RelationSpec("Agent", "Literal", ("category", "date")),
    "accused_of": RelationSpec("Person", "Literal", ("date",)),
    "represented_by": RelationSpec("Person", "Agent", ()),
    "military_service": RelationSpec("Person", "Literal", ("date",)),
    "age": RelationSpec("Person", "Literal", ()),
    "author": RelationSpec("Article", "Person", ()),
    "published_by": RelationSpec("Article", "Organization", ()),
    "cites": RelationSpec("Article", "Organization", ()),
}

#: Relations whose subject is the article itself (written ``article`` in the gold format).
ARTICLE_RELATIONS = frozenset({"author", "published_by", "cites"})


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the sentence, and the character span in the body.

    ``start``/``end`` are offsets into ``Article.body`` of the text that states the fact (at the
    least the sentence); ``rule`` names the extraction rule; ``cues`` are the words behind the
    status, in text order, words adjacent in the text one phrase ("According to"; empty for confirmed).
    """

    article_id: str
    sentence: str
    start: int
    end: int
    rule: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """One statement an article makes, in the vocabulary of FORMAT.md.

    ``subject`` and ``object`` are the fullest names the article uses (``"article"`` as subject
    for article relations); ``object`` is an ``int`` for counts and ages, an ISO date string
    (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) for ``released_on``.
    """

    relation: str
    subject: str
    object: str | int
    qualifiers: dict[str, str | int] = field(default_factory=dict)
    status: str = "confirmed"
    evidence: Evidence | None = None
    #: Entity kinds, where the extractor knows better than the relation's defaults.
    subject_kind: str | None = None
    object_kind: str | None = None

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}; expected one of {sorted(RELATIONS)}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; expected one of {list(STATUSES)}")
        unknown = set(self.qualifiers) - set(QUALIFIERS)
        if unknown:
            raise ValueError(f"unknown qualifiers {sorted(unknown)}; expected some of {list(QUALIFIERS)}")

    @property
    def subject_type(self) -> str:
        return self.subject_kind or RELATIONS[self.relation].subject

    @property
    def object_type(self) -> str:
        return self.object_kind or RELATIONS[self.relation].object

    def key(self) -> tuple[Any, ...]:
        """Identity for de-duplication within one article (relation, subject, object, qualifiers)."""
        return (self.relation, self.subject, self.object, tuple(sorted(self.qualifiers.items())))

    def to_gold(self, article: str | None = None) -> dict[str, Any]:
        """The fact in the JSON shape of FORMAT.md (one line of ``extract --format jsonl``)."""
        out: dict[str, Any] = {"relation": self.relation, "subject": self.subject, "object": self.object}
        out.update(self.qualifiers)
        if self.status != "confirmed":
            out["status"] = self.status
        if article is not None:
            out["article"] = article
        if self.evidence is not None:
            out["evidence"] = {
                "sentence": self.evidence.sentence,
                "start": self.evidence.start,
                "end": self.evidence.end,
                "rule": self.evidence.rule,
                "cues": list(self.evidence.cues),
            }
        return out


@dataclass
class ArticleFacts:
    """Everything extraction learned from one article.

    ``entities`` maps each canonical name used in ``facts`` to its kind and the name variants
    the article used for it (``{"Ahn Gil-ho": ("Person", {"Gil-ho", "Ahn Gil Ho"})}``), so graph
    building can give every entity one IRI and its variants as alternative labels.
    """

    article_id: str
    facts: list[Fact] = field(default_factory=list)
    entities: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
