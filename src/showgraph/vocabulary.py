"""One spelling of each relation and status for people: FORMAT.md's snake_case names.

The RDF model spells relations in camelCase (``sg:castMember``); people type and read the names of
the gold format (``cast_member``). Faces print the snake_case name and accept either spelling, an
IRI or a prefixed name as an alias, so what one command prints another accepts.

>>> relation_name("castMember"), relation_name("sg:castMember"), relation_name("Cast-Member")
('cast_member', 'cast_member', 'cast_member')
>>> relation_name("https://w3id.org/showgraph/ontology#directedBy")
'directed_by'
>>> status_name("ALLEGED"), season_status_name("inProduction")
('alleged', 'in_production')
>>> relation_name("knows")  # unknown names pass through for the caller to refuse with the choices
'knows'
"""

from __future__ import annotations

from collections.abc import Iterable

from showgraph.facts import RELATIONS, SEASON_STATUSES, STATUSES

__all__ = ["display_name", "relation_name", "relation_names", "season_status_name", "status_name", "status_names"]


def _key(text: str) -> str:
    """The spelling-blind key of a name: local name of an IRI or prefixed name, no case, no ``_``/``-``."""
    text = text.strip()
    for separator in ("#", "/"):
        text = text.rsplit(separator, 1)[-1]
    text = text.rsplit(":", 1)[-1]
    return text.replace("_", "").replace("-", "").casefold()


def _index(names: Iterable[str]) -> dict[str, str]:
    return {_key(name): name for name in names}


_RELATIONS = _index(RELATIONS)
_STATUSES = _index(STATUSES)
_SEASON_STATUSES = _index(SEASON_STATUSES)


def relation_name(text: str) -> str:
    """The snake_case relation for any spelling of it; an unknown name comes back stripped, lower case."""
    return _RELATIONS.get(_key(text), text.strip().lower())


def status_name(text: str) -> str:
    """The status for any spelling of it (``sg:alleged``, ``Alleged``); unknown names stripped, lower case."""
    return _STATUSES.get(_key(text), text.strip().lower())


def season_status_name(text: str) -> str:
    """The season status (``in_production``) for any spelling of it (``sg:inProduction``)."""
    return _SEASON_STATUSES.get(_key(text), text.strip().lower())


def relation_names(values: Iterable[str] | None) -> list[str] | None:
    """:func:`relation_name` of each value of a repeatable option; None stays None."""
    return None if values is None else [relation_name(v) for v in values]


def status_names(values: Iterable[str] | None) -> list[str] | None:
    """:func:`status_name` of each value of a repeatable option; None stays None."""
    return None if values is None else [status_name(v) for v in values]


_SG = "https://w3id.org/showgraph/ontology#"


def display_name(iri: str) -> str | None:
    """The snake_case name of an ontology relation, status or season-status IRI; None for other IRIs.

    >>> display_name("https://w3id.org/showgraph/ontology#castMember"), display_name("http://schema.org/actor")
    ('cast_member', None)
    """
    if not iri.startswith(_SG):
        return None
    key = _key(iri)
    local = iri[len(_SG) :]
    if local[:1].isupper():  # classes (Person, CastMemberClaim) keep their name
        return None
    return _RELATIONS.get(key) or _STATUSES.get(key) or _SEASON_STATUSES.get(key)
