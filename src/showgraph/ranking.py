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
The ranks graph is recomputed from the stored claims after every load, in one replace, so it
always agrees with them. Queries choose the view: all claims, or ``?claim sg:rank sg:PreferredRank``.

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


def update_ranks(store: Store) -> dict[str, int]:
    """Recompute every claim's rank and replace the ranks graph in one update; counts by rank."""
    ranks = rank_claims(claim_rows(store))
    graph = rdflib.Graph()
    for claim, rank in ranks.items():
        graph.add((URIRef(claim), SG.rank, SG[rank]))
    graph.add((URIRef(RANKS_GRAPH), RDF.type, SG.RankGraph))
    store.replace_graph(RANKS_GRAPH, graph)
    counts: dict[str, int] = defaultdict(int)
    for rank in ranks.values():
        counts[rank] += 1
    return dict(counts)


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
