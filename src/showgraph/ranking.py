"""Claims meet across articles: ranks (the best current statement) and conflicts.

Every article's claims stay as they were read. On top of them, one named graph
(:data:`RANKS_GRAPH`) gives each claim a rank, as Wikidata's statement ranks do:

- ``sg:PreferredRank``: the best current statement: the surest claims of a statement (relation,
  subject, object, season) that no newer denial contradicts; for a single-valued fact (a season's
  status, a release date, an age) only the newest firmly asserted value keeps it;
- ``sg:NormalRank``: still on record, but outranked (an earlier rumour of what a later article
  confirms; an older value of a single-valued fact such as a season's status);
- ``sg:DeprecatedRank``: demoted: a later denial denies it, or it is itself a denial that a later
  confirmation overturns.

"Newer" is the article's ``schema:datePublished``; claims from undated articles count as oldest.
A claim's rank depends only on the claims of its statement key (relation, subject, platform of a
release, season), so after a load only the keys of the loaded articles' claims, old versions and new,
are re-ranked (:func:`update_ranks` with ``keys``), in one patch of the ranks graph; the graph always
agrees with a full recomputation. Queries choose the view: all claims, or
``?claim sg:rank sg:PreferredRank``.

>>> rank_claims([
...     ClaimRow("c1", "renewed", ("season_status", "s", None, 2), "rumored", "2019-01-01"),
...     ClaimRow("c2", "renewed", ("season_status", "s", None, 2), "confirmed", "2019-05-01"),
... ])
{'c1': 'NormalRank', 'c2': 'PreferredRank'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import rdflib
from rdflib import RDF, Namespace, URIRef

from showgraph.rdf import RELATION_BY_PROPERTY, local_name

if TYPE_CHECKING:
    from showgraph.store import Store

SG = Namespace("https://w3id.org/showgraph/ontology#")
RANKS_GRAPH = "https://w3id.org/showgraph/graph/ranks"

#: How firmly a status asserts a statement; higher wins among claims of the same date.
CERTAINTY: dict[str, int] = {
    "confirmed": 5,
    "admitted": 5,
    "reported": 4,
    "scheduled": 4,
    "alleged": 3,
    "rumored": 2,
    "speculative": 1,
    "denied": 0,
}

#: Certainty from which a claim asserts firmly (confirmed, admitted, reported, scheduled).
FIRM = 4

#: Single-valued relations: per key, one value holds at a time; other values compete.
#: The key is (relation, subject, season, platform).
SINGLE_VALUED = frozenset({"season_status", "released_on", "episode_count", "age"})

#: Single-valued relations whose differing values are a conflict, not a change over time.
CONFLICTING = frozenset({"released_on", "episode_count", "age"})


@dataclass(frozen=True)
class ClaimRow:
    """What ranking needs of a claim: its IRI, its value, its statement key, status and date."""

    claim: str
    value: str
    key: tuple[Any, ...]  # (relation, subject, platform-or-None, season-or-None)
    status: str
    published: str | None
    article: str = ""
    sentence: str = ""


def rank_claims(rows: Iterable[ClaimRow]) -> dict[str, str]:
    """Rank every claim (``PreferredRank``, ``NormalRank`` or ``DeprecatedRank``), by the rules above."""
    ranks: dict[str, str] = {}
    groups: dict[tuple[Any, ...], list[ClaimRow]] = defaultdict(list)
    for row in rows:
        groups[row.key].append(row)
    for key, claims in groups.items():
        by_value: dict[str, list[ClaimRow]] = defaultdict(list)
        for claim in claims:
            by_value[claim.value].append(claim)
        current: dict[str, tuple[bool, str, int]] = {}  # value -> (firm?, newest date, certainty)
        for value, same in by_value.items():
            ranks.update(_rank_statement(same))
            asserted = [c for c in same if c.status != "denied" and ranks[c.claim] != "DeprecatedRank"]
            if asserted:
                newest = max(asserted, key=_order)
                firm = any(CERTAINTY[c.status] >= FIRM for c in asserted)
                current[value] = (firm, newest.published or "", CERTAINTY[newest.status])
        if key[0] in SINGLE_VALUED and len(current) > 1:
            # One value holds at a time: the newest firmly asserted value keeps its preferred claims
            # (a later rumour does not unseat an earlier confirmation).
            winner = max(current, key=lambda v: current[v])
            for value, same in by_value.items():
                for claim in same:
                    if value != winner and ranks[claim.claim] == "PreferredRank":
                        ranks[claim.claim] = "NormalRank"
    return ranks


def _order(claim: ClaimRow) -> tuple[str, int]:
    return (claim.published or "", CERTAINTY[claim.status])


def _rank_statement(claims: list[ClaimRow]) -> dict[str, str]:
    """Ranks within one statement (same relation, subject, object, season).

    A denial newer than every assertion wins and deprecates them; otherwise denials are deprecated
    and, among the assertions, the surest are preferred (newest first among equals is implied:
    equally sure claims of one statement agree, so all of them are preferred).
    """
    denials = [c for c in claims if c.status == "denied"]
    assertions = [c for c in claims if c.status != "denied"]
    newest_assertion = max((c.published or "" for c in assertions), default=None)
    ranks: dict[str, str] = {}
    if denials and (newest_assertion is None or max(c.published or "" for c in denials) > newest_assertion):
        newest_denial = max(c.published or "" for c in denials)
        for claim in claims:
            if claim.status != "denied":
                ranks[claim.claim] = "DeprecatedRank"
            else:
                ranks[claim.claim] = "PreferredRank" if (claim.published or "") == newest_denial else "NormalRank"
        return ranks
    surest = max(CERTAINTY[c.status] for c in assertions)
    for claim in claims:
        if claim.status == "denied":
            ranks[claim.claim] = "DeprecatedRank"
        else:
            ranks[claim.claim] = "PreferredRank" if CERTAINTY[claim.status] == surest else "NormalRank"
    return ranks


CLAIMS_QUERY = """
PREFIX sg: <https://w3id.org/showgraph/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?claim ?relation ?subject ?value ?season ?platform ?status ?published ?article ?sentence WHERE {
  ?claim a sg:Claim ; sg:relation ?relation ; sg:subject ?subject ; sg:status ?status ;
         prov:wasDerivedFrom ?article .
  { ?claim sg:object ?value } UNION { ?claim sg:value ?value }
  OPTIONAL { ?claim sg:season ?season }
  OPTIONAL { ?claim sg:platform ?platform }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?claim sg:evidence/oa:hasSelector/oa:exact ?sentence }
}
"""


def claim_rows(store: Store) -> list[ClaimRow]:
    """Every stored claim as a :class:`ClaimRow` (one query)."""
    rows = []
    seen: set[str] = set()
    for claim, relation, subject, value, season, platform, status, published, article, sentence in store.query(
        CLAIMS_QUERY
    ).rows:
        if str(claim) in seen:
            continue
        seen.add(str(claim))
        snake = RELATION_BY_PROPERTY.get(str(relation), local_name(relation))
        key_platform = str(platform) if platform is not None and snake == "released_on" else None
        rows.append(
            ClaimRow(
                claim=str(claim),
                value=_value_key(value),
                key=(snake, str(subject), key_platform, int(season.toPython()) if season is not None else None),
                status=local_name(status),
                published=str(published) if published is not None else None,
                article=str(article),
                sentence=str(sentence) if sentence is not None else "",
            )
        )
    return rows


def _value_key(term: Any) -> str:
    if isinstance(term, rdflib.Literal):
        return str(term).strip().casefold()
    return str(term)


#: A statement key: (relation in snake_case, subject IRI, platform IRI of a release or None, season).
Key = tuple[str, str, str | None, int | None]

#: Above this many keys, re-ranking everything costs less than looking the keys up.
FULL_RERANK_KEYS = 5000

_PROPERTY_BY_RELATION = {relation: prop for prop, relation in RELATION_BY_PROPERTY.items()}
_FIELDS = {
    str(RDF.type): "type",
    str(SG.relation): "relation",
    str(SG.subject): "subject",
    str(SG.object): "value",
    str(SG.value): "value",
    str(SG.status): "status",
    str(SG.season): "season",
    str(SG.platform): "platform",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "article",
}


def _key(relation: Any, subject: Any, platform: Any, season: Any) -> Key | None:
    """The statement key of a claim's parts, None if its relation is not of the vocabulary."""
    snake = RELATION_BY_PROPERTY.get(str(relation))
    if snake is None or subject is None:
        return None
    try:
        number = int(season.toPython()) if season is not None else None
    except (TypeError, ValueError):
        number = None
    return (snake, str(subject), str(platform) if platform is not None and snake == "released_on" else None, number)


def claim_keys(graph: rdflib.Graph) -> dict[str, Key]:
    """The statement key of every claim (``a sg:Claim``) of one article graph, by claim IRI."""
    keys: dict[str, Key] = {}
    for claim in graph.subjects(RDF.type, SG.Claim):
        key = _key(
            graph.value(claim, SG.relation),
            graph.value(claim, SG.subject),
            graph.value(claim, SG.platform),
            graph.value(claim, SG.season),
        )
        if key is not None:
            keys[str(claim)] = key
    return keys


def stored_claim_keys(store: Store, graph_iri: str) -> dict[str, Key]:
    """The statement key of every claim stored in one article graph (read before it is replaced)."""
    import pyoxigraph as ox

    claims = [
        str(row[0])
        for row in store.query(f"SELECT ?c WHERE {{ GRAPH {ox.NamedNode(graph_iri)} {{ ?c a <{SG.Claim}> }} }}").rows
    ]
    return {row.claim: row.key for row in _rows_of(store, claims)}


def _rows_of(store: Store, claims: Iterable[str]) -> list[ClaimRow]:
    """Ranking rows of the given claims, read by IRI (no scan): their parts, then their articles' dates."""
    import pyoxigraph as ox

    fields: dict[str, dict[str, Any]] = defaultdict(dict)
    ordered = sorted(set(claims))
    for start in range(0, len(ordered), 400):
        block = " ".join(str(ox.NamedNode(c)) for c in ordered[start : start + 400])
        for claim, p, o in store.query(f"SELECT ?c ?p ?o WHERE {{ VALUES ?c {{ {block} }} ?c ?p ?o }}").rows:
            name = _FIELDS.get(str(p))
            if name == "type":
                if o == SG.Claim:
                    fields[str(claim)]["claim"] = True
            elif name is not None:
                fields[str(claim)].setdefault(name, o)
    articles = sorted({str(f["article"]) for f in fields.values() if "article" in f})
    published: dict[str, str] = {}
    for start in range(0, len(articles), 400):
        block = " ".join(str(ox.NamedNode(a)) for a in articles[start : start + 400])
        query = f"SELECT ?a ?d WHERE {{ VALUES ?a {{ {block} }} ?a <http://schema.org/datePublished> ?d }}"
        published.update((str(a), str(d)) for a, d in store.query(query).rows)
    rows = []
    for claim, f in sorted(fields.items()):
        if not f.get("claim") or any(name not in f for name in ("relation", "subject", "status", "value", "article")):
            continue
        key = _key(f["relation"], f["subject"], f.get("platform"), f.get("season"))
        if key is None:
            continue
        rows.append(
            ClaimRow(
                claim=claim,
                value=_value_key(f["value"]),
                key=key,
                status=local_name(f["status"]),
                published=published.get(str(f["article"])),
                article=str(f["article"]),
            )
        )
    return rows


def claim_rows_for_keys(store: Store, keys: Iterable[Key]) -> list[ClaimRow]:
    """Every stored claim whose statement key is one of ``keys``: looked up by (relation, subject)."""
    import pyoxigraph as ox

    wanted = set(keys)
    pairs = sorted({(k[0], k[1]) for k in wanted if k[0] in _PROPERTY_BY_RELATION})
    claims: set[str] = set()
    for start in range(0, len(pairs), 400):
        block = " ".join(
            f"({ox.NamedNode(_PROPERTY_BY_RELATION[r])} {ox.NamedNode(s)})" for r, s in pairs[start : start + 400]
        )
        pattern = f"?c <{SG.subject}> ?s ; <{SG.relation}> ?r ; a <{SG.Claim}>"
        query = f"SELECT ?c WHERE {{ VALUES (?r ?s) {{ {block} }} {pattern} }}"
        claims.update(str(row[0]) for row in store.query(query).rows)
    return [row for row in _rows_of(store, claims) if row.key in wanted]


def update_ranks(store: Store, *, keys: Iterable[Key] | None = None, removed: Iterable[str] = ()) -> dict[str, int]:
    """Recompute ranks and write them (see :func:`rerank`); counts by rank of the claims re-ranked."""
    counts: dict[str, int] = defaultdict(int)
    for rank in rerank(store, keys=keys, removed=removed).values():
        counts[rank] += 1
    return dict(counts)


def rerank(store: Store, *, keys: Iterable[Key] | None = None, removed: Iterable[str] = ()) -> dict[str, str]:
    """Recompute ranks and write them; the new rank of every claim re-ranked, by claim IRI.

    Without ``keys``, every claim is re-ranked and the ranks graph replaced whole. With ``keys`` (the
    statement keys of the claims an article load added or removed) only the claims of those keys are
    read and re-ranked, and the ranks graph is patched: their ranks, and those of the ``removed``
    claims (no longer stored), are replaced. Many keys fall back to the full recomputation.
    """
    graph = rdflib.Graph()
    graph.add((URIRef(RANKS_GRAPH), RDF.type, SG.RankGraph))
    wanted = None if keys is None else set(keys)
    if wanted is None or len(wanted) > FULL_RERANK_KEYS:
        ranks = rank_claims(claim_rows(store))
        for claim, rank in ranks.items():
            graph.add((URIRef(claim), SG.rank, SG[rank]))
        store.replace_graph(RANKS_GRAPH, graph)
    else:
        from showgraph.store import Patch

        ranks = rank_claims(claim_rows_for_keys(store, wanted)) if wanted else {}
        for claim, rank in ranks.items():
            graph.add((URIRef(claim), SG.rank, SG[rank]))
        store.patch_graphs({RANKS_GRAPH: Patch(sorted(set(ranks) | set(removed)), graph)})
    return ranks


@dataclass(frozen=True)
class Conflict:
    """Two or more values asserted for a single-valued fact (a season's release date, an age)."""

    relation: str
    subject: str
    season: int | None
    platform: str | None
    claims: tuple[ClaimRow, ...]

    @property
    def values(self) -> list[str]:
        return sorted({c.value for c in self.claims})


def find_conflicts(rows: Iterable[ClaimRow]) -> list[Conflict]:
    """Single-valued facts asserted with different values by claims that are not denials.

    Values that agree at the precision of the less precise one ("2020" and "2020-03-01") are
    not in conflict.

    >>> a = ClaimRow("c1", "2020-03-01", ("released_on", "s", None, 2), "confirmed", None)
    >>> b = ClaimRow("c2", "2020", ("released_on", "s", None, 2), "confirmed", None)
    >>> c = ClaimRow("c3", "2021-01-05", ("released_on", "s", None, 2), "scheduled", None)
    >>> [x.values for x in find_conflicts([a, b, c])]
    [['2020', '2020-03-01', '2021-01-05']]
    >>> find_conflicts([a, b])
    []
    """
    groups: dict[tuple[Any, ...], list[ClaimRow]] = defaultdict(list)
    for row in rows:
        if row.key[0] in CONFLICTING and row.status != "denied":
            groups[row.key].append(row)
    conflicts = []
    for key, claims in sorted(groups.items(), key=lambda item: str(item[0])):
        values = sorted({c.value for c in claims}, key=len)
        if any(not _compatible(a, b) for i, a in enumerate(values) for b in values[i + 1 :]):
            conflicts.append(Conflict(key[0], key[1], key[3], key[2], tuple(sorted(claims, key=_order))))
    return conflicts


def _compatible(shorter: str, longer: str) -> bool:
    return longer.startswith(shorter) or shorter == longer
