"""Who is who across articles: known entities give every variant of a name one canonical form.

Within an article the NLP stage already maps "Gil-ho" to "Ahn Gil-ho"; spelling variants that
differ only in case, spaces, hyphens or accents already share an IRI (``rdf.slug``). What remains
are variants no rule can guess ("BBC1" and "BBC One", "Prime Video" and "Amazon Prime Video").
A curated catalogue (``ontology/entities.ttl``, extended by the files in ``$SHOWGRAPH_ENTITIES``)
lists such entities with their label, alternative labels and class; this stage rewrites the
names of an article's facts to the catalogue's label before graph building, and keeps the
article's own form as a variant (so it becomes a ``skos:altLabel``).

It runs after extraction and before RDF, so ``showgraph extract`` still prints what the article
said, while the graph gets one IRI per entity.

>>> catalogue = Catalogue.from_turtle('''
... @prefix sg: <https://w3id.org/showgraph/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <https://w3id.org/showgraph/id/org/bbc-one> a sg:Platform ;
...     rdfs:label "BBC One" ; skos:altLabel "BBC1", "BBC 1" .
... ''')
>>> catalogue.canonical("bbc1", "Platform"), catalogue.canonical("BBC1", "Person")
('BBC One', None)
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from showgraph.errors import ValidationSetupError
from showgraph.facts import ArticleFacts, Fact

SG = "https://w3id.org/showgraph/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

#: Kinds that may name the same entity (a platform is an organisation; an agent is either).
KIND_GROUPS: dict[str, str] = {
    "Person": "person",
    "Agent": "agent",
    "Show": "work",
    "Work": "work",
    "Character": "character",
    "Organization": "org",
    "Platform": "org",
}

#: Qualifiers that name entities, with the kind they name.
QUALIFIER_KINDS: dict[str, str] = {"show": "Show", "platform": "Platform", "source": "Organization"}


def fold(name: str) -> str:
    """A name folded for lookup: accents, case, spaces, punctuation and a leading "the" dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


def _compatible(a: str, b: str) -> bool:
    ga, gb = KIND_GROUPS.get(a), KIND_GROUPS.get(b)
    if ga is None or gb is None:
        return False
    return ga == gb or ("agent" in (ga, gb) and {ga, gb} <= {"agent", "person", "org"})


@dataclass(frozen=True)
class KnownEntity:
    """A catalogue entry: the canonical label, the class's local name, and every alias."""

    label: str
    kind: str
    aliases: frozenset[str]


class Catalogue:
    """Known entities by folded alias."""

    def __init__(self, entities: Iterable[KnownEntity] = ()) -> None:
        self._by_alias: dict[str, list[KnownEntity]] = {}
        for entity in entities:
            for alias in entity.aliases | {entity.label}:
                self._by_alias.setdefault(fold(alias), []).append(entity)

    def __len__(self) -> int:
        return len({id(e) for entries in self._by_alias.values() for e in entries})

    @classmethod
    def from_turtle(cls, data: str | None = None, *, path: str | Path | None = None) -> Catalogue:
        """Read entities (a class in the sg: namespace, an rdfs:label, skos:altLabels) from Turtle."""
        import rdflib

        graph = rdflib.Graph()
        try:
            if path is not None:
                graph.parse(path, format="turtle")
            else:
                graph.parse(data=data or "", format="turtle")
        except Exception as error:  # rdflib raises several parser-specific types
            where = path or "<catalogue text>"
            raise ValidationSetupError(
                f"{where}: not a readable Turtle entity catalogue ({error}); fix the file or remove it "
                "from $SHOWGRAPH_ENTITIES"
            ) from error
        entities = []
        for subject in set(graph.subjects(rdflib.URIRef(RDFS_LABEL), None)):
            kinds = [
                str(t)[len(SG) :] for t in graph.objects(subject, rdflib.URIRef(RDF_TYPE)) if str(t).startswith(SG)
            ]
            kinds = [k for k in kinds if k in KIND_GROUPS]
            labels = [str(x) for x in graph.objects(subject, rdflib.URIRef(RDFS_LABEL))]
            if not kinds or not labels:
                continue
            aliases = frozenset(str(x) for x in graph.objects(subject, rdflib.URIRef(SKOS_ALT)))
            entities.append(KnownEntity(sorted(labels)[0], kinds[0], aliases))
        return cls(entities)

    def canonical(self, name: str, kind: str) -> str | None:
        """The catalogue's label for ``name`` as an entity of ``kind``, or None if it is not known."""
        for entity in self._by_alias.get(fold(name), ()):
            if _compatible(entity.kind, kind):
                return entity.label
        return None

    def apply(self, extracted: ArticleFacts) -> ArticleFacts:
        """The same facts with known entities' names replaced by their labels; variants kept."""
        renamed: dict[str, tuple[str, str]] = {}  # name -> (label, kind)

        def resolve(name: object, kind: str) -> object:
            if not isinstance(name, str) or kind in ("Literal", "Article"):
                return name
            label = self.canonical(name, kind)
            if label is None or label == name:
                return name
            renamed[name] = (label, kind)
            return label

        facts: list[Fact] = []
        for fact in extracted.facts:
            qualifiers = {
                key: resolve(value, QUALIFIER_KINDS[key]) if key in QUALIFIER_KINDS else value
                for key, value in fact.qualifiers.items()
            }
            facts.append(
                replace(
                    fact,
                    subject=resolve(fact.subject, fact.subject_type),  # type: ignore[arg-type]
                    object=resolve(fact.object, fact.object_type),  # type: ignore[arg-type]
                    qualifiers=qualifiers,  # type: ignore[arg-type]
                )
            )
        entities: dict[str, tuple[str, set[str]]] = {}
        for name, (kind, variants) in extracted.entities.items():
            label = renamed[name][0] if name in renamed else self.canonical(name, kind) or name
            merged_kind, merged = entities.get(label, (kind, set()))
            merged |= set(variants)
            if label != name:
                merged.add(name)
            entities[label] = (merged_kind, merged)
        for name, (label, kind) in renamed.items():
            entities.setdefault(label, (kind, set()))[1].add(name)
        return ArticleFacts(extracted.article_id, facts, entities)


def catalogue_paths() -> list[Path]:
    """The shipped catalogue, then every file named in ``$SHOWGRAPH_ENTITIES`` (os.pathsep-separated)."""
    from showgraph.resources import ontology_path

    paths = [ontology_path("entities.ttl")]
    extra = os.environ.get("SHOWGRAPH_ENTITIES", "")
    paths += [Path(p) for p in extra.split(os.pathsep) if p.strip()]
    return paths


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> Catalogue:
    entities: list[KnownEntity] = []
    for path in paths:
        if not path.is_file():
            raise ValidationSetupError(f"{path}: entity catalogue not found; fix $SHOWGRAPH_ENTITIES")
        entities.extend(e for entries in Catalogue.from_turtle(path=path)._by_alias.values() for e in entries)
    return Catalogue(dict.fromkeys(entities))


def load_catalogue() -> Catalogue:
    """The known entities in force (cached per set of files)."""
    return _load(tuple(catalogue_paths()))
