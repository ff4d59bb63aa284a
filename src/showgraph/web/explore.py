"""What the page browses: every claim as one flat row, with facets, sorting, paging and downloads;
entity search by name or alias; an opening overview; a show's timeline; the evidence details of claims.

The SPARQL here reads the graph the way the page needs it and is kept apart from the named queries
(``showgraph/queries``), which are the user's. Each function takes a ``run`` callable (the server passes
one that runs SPARQL under the query policy's time and row limits) and returns plain JSON-ready data.

>>> relation_name("https://w3id.org/showgraph/ontology#castMember"), relation_name("x#releasedOn")
('cast_member', 'released_on')
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SG = "https://w3id.org/showgraph/ontology#"
#: Facets the claim browser counts and filters by (URL parameter names).
FACETS = ("relation", "status", "class", "platform", "article")
#: Columns the claim browser can sort by.
SORTS = ("subject", "relation", "object", "status", "published", "article")
#: Rows per page: the default and the most a client may ask for.
PAGE_SIZE, MAX_PAGE_SIZE = 50, 500
#: Values listed per facet (the most frequent first).
FACET_VALUES = 12
#: The longest search text accepted (characters) and the most suggestions returned.
MAX_SEARCH_TEXT, MAX_SUGGESTIONS = 200, 20
#: Columns of a downloaded claim table, in order.
CSV_COLUMNS = (
    "subject",
    "subjectLabel",
    "relation",
    "object",
    "objectLabel",
    "value",
    "status",
    "class",
    "platform",
    "platformLabel",
    "article",
    "headline",
    "published",
    "url",
    "evidence",
    "claim",
)

Run = Callable[[str, Mapping[str, Any] | None], Any]

_PREFIXES = """PREFIX sg: <https://w3id.org/showgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <http://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

_CLAIMS = (
    _PREFIXES
    + """
SELECT DISTINCT ?claim ?relation ?subject ?subjectLabel ?subjectClass ?object ?objectLabel ?value ?status
       ?platform ?platformLabel ?article ?headline ?published ?url ?evidence ?date
WHERE {
  ?claim a sg:Claim ; sg:relation ?relation ; sg:subject ?subject ; sg:status ?status ;
         prov:wasDerivedFrom ?article .
  OPTIONAL { ?subject rdfs:label|schema:headline ?subjectLabel }
  OPTIONAL { ?subject a ?subjectClass . FILTER(STRSTARTS(STR(?subjectClass), STR(sg:))) }
  OPTIONAL { ?claim sg:object ?object . OPTIONAL { ?object rdfs:label ?objectLabel } }
  OPTIONAL { ?claim sg:value ?value }
  OPTIONAL { ?claim sg:date ?date }
  OPTIONAL { ?claim sg:platform ?platform . OPTIONAL { ?platform rdfs:label ?platformLabel } }
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?claim sg:evidence/oa:hasSelector/oa:exact ?evidence }
}
"""
)

_SEARCH = (
    _PREFIXES
    + """
SELECT ?iri ?label ?name ?class WHERE {
  ?iri rdfs:label|skos:altLabel ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE(STR(?text))))
  ?iri a ?class . FILTER(STRSTARTS(STR(?class), STR(sg:)) && ?class != sg:Claim)
  OPTIONAL { ?iri rdfs:label ?label }
}
"""
)

_ARTICLES = (
    _PREFIXES
    + """
SELECT ?article ?headline ?published ?url ?source WHERE {
  ?article a sg:Article .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article sg:sourceName ?source }
}
"""
)

_DETAILS = (
    _PREFIXES
    + """
SELECT ?claim ?cue ?name ?start ?end WHERE {
  VALUES ?claim { %s }
  { ?claim sg:cue ?cue }
  UNION { ?claim sg:subject|sg:object|sg:show|sg:platform ?party . ?party rdfs:label|skos:altLabel ?name }
  UNION { ?claim sg:value ?name }
  UNION { ?claim sg:evidence/oa:hasSelector ?position . ?position oa:start ?start ; oa:end ?end }
}
"""
)

_KIND = _PREFIXES + "SELECT ?class WHERE { ?iri a ?class . FILTER(STRSTARTS(STR(?class), STR(sg:))) }"


def relation_name(iri: str) -> str:
    """``castMember`` → ``cast_member``: the one spelling of a relation the CLI and JSON use."""
    local = str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", local).lower()


def _local(iri: Any) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(term: Any) -> str | None:
    return None if term is None else str(term)


def claim_rows(run: Run) -> list[dict[str, Any]]:
    """Every claim once, as a flat dict (labels, names of relation/status/class, article)."""
    result = run(_CLAIMS, None)
    names = result.variables
    rows: dict[str, dict[str, Any]] = {}
    for raw in result.rows:
        values = dict(zip(names, raw, strict=False))
        key = str(values["claim"])
        row = rows.get(key)
        if row is None:
            row = rows[key] = {
                "claim": key,
                "subject": str(values["subject"]),
                "subjectLabel": _text(values["subjectLabel"]) or _local(values["subject"]),
                "relation": relation_name(values["relation"]),
                "object": _text(values["object"]),
                "objectLabel": _text(values["objectLabel"]),
                "value": _text(values["value"]),
                "status": _local(values["status"]),
                "class": _local(values["subjectClass"]) if values["subjectClass"] is not None else "",
                "platform": _text(values["platform"]),
                "platformLabel": _text(values["platformLabel"]),
                "article": str(values["article"]),
                "headline": _text(values["headline"]) or _local(values["article"]),
                "published": _text(values["published"]) or "",
                "url": _text(values["url"]),
                "evidence": _text(values["evidence"]) or "",
                "date": _text(values["date"]),
            }
            continue
        for name in ("subjectLabel", "objectLabel", "platformLabel", "headline", "evidence"):
            if not row[name] and values[name] is not None:
                row[name] = str(values[name])
        # A subject of several classes is counted under the most specific one the ontology names first.
        if values["subjectClass"] is not None and row["class"] in ("", "Work", "Organization"):
            row["class"] = _local(values["subjectClass"])
    if rows and any(row["objectLabel"] is None and row["object"] for row in rows.values()):
        for row in rows.values():
            if row["object"] and not row["objectLabel"]:
                row["objectLabel"] = _local(row["object"])
    return list(rows.values())


@dataclass(frozen=True)
class ClaimQuery:
    """What the claim browser was asked: filters (facet → value), free text, sort, page."""

    filters: dict[str, str]
    entity: str | None = None
    text: str = ""
    sort: str = "subject"
    descending: bool = False
    page: int = 1
    size: int = PAGE_SIZE

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> ClaimQuery:
        """Reads URL parameters; raises ValueError naming the bad one.

        >>> query = ClaimQuery.from_params({"relation": "plays", "sort": "-published", "page": "2"})
        >>> query.filters, query.sort, query.descending, query.page, query.size
        ({'relation': 'plays'}, 'published', True, 2, 50)
        >>> ClaimQuery.from_params({"size": "9000"})
        Traceback (most recent call last):
        ValueError: size must be a whole number from 1 to 500
        """
        filters = {facet: params[facet] for facet in FACETS if params.get(facet)}
        sort = params.get("sort") or "subject"
        descending = sort.startswith("-")
        sort = sort.lstrip("-")
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)} (a leading - sorts descending)")
        page = _whole(params.get("page"), "page", 1, 10**6)
        size = _whole(params.get("size"), "size", PAGE_SIZE, MAX_PAGE_SIZE)
        text = (params.get("q") or "").strip()
        if len(text) > MAX_SEARCH_TEXT:
            raise ValueError(f"q is over {MAX_SEARCH_TEXT} characters")
        return cls(filters, params.get("entity") or None, text, sort, descending, page, size)


def _whole(raw: str | None, name: str, default: int, most: int) -> int:
    if raw in (None, ""):
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= most:
        raise ValueError(f"{name} must be a whole number from 1 to {most}")
    return int(raw)


def _facet_value(row: Mapping[str, Any], facet: str) -> str | None:
    return row.get(facet) or None


def _facet_label(row: Mapping[str, Any], facet: str) -> str:
    if facet == "platform":
        return row["platformLabel"] or _local(row["platform"])
    if facet == "article":
        return row["headline"]
    return str(row[facet]).replace("_", " ")


def _matches(row: Mapping[str, Any], query: ClaimQuery, skip: str | None = None) -> bool:
    for facet, value in query.filters.items():
        if facet != skip and _facet_value(row, facet) != value:
            return False
    if query.entity and query.entity not in (row["subject"], row["object"], row["platform"]):
        return False
    if query.text:
        needle = query.text.casefold()
        haystack = " ".join(
            str(row[name] or "") for name in ("subjectLabel", "objectLabel", "value", "evidence", "headline")
        )
        if needle not in haystack.casefold():
            return False
    return True


def _sort_key(row: Mapping[str, Any], sort: str) -> tuple[str, str]:
    if sort == "subject":
        first = row["subjectLabel"]
    elif sort == "object":
        first = row["objectLabel"] or row["value"] or ""
    elif sort == "article":
        first = row["headline"]
    else:
        first = row[sort] or ""
    return (str(first).casefold(), str(row["subjectLabel"]).casefold())


def browse(rows: list[dict[str, Any]], query: ClaimQuery) -> dict[str, Any]:
    """The page of claims ``query`` asks for, the total, and each facet's counts.

    A facet's counts apply every other filter, so a chosen value still shows its siblings (as datasette
    does); each facet lists its most frequent values and says how many distinct values there are.
    """
    matching = [row for row in rows if _matches(row, query)]
    matching.sort(key=lambda row: _sort_key(row, query.sort), reverse=query.descending)
    facets: dict[str, Any] = {}
    for facet in FACETS:
        counts: Counter[str] = Counter()
        labels: dict[str, str] = {}
        for row in rows:
            value = _facet_value(row, facet)
            if value is None or not _matches(row, query, skip=facet):
                continue
            counts[value] += 1
            labels.setdefault(value, _facet_label(row, facet))
        chosen = query.filters.get(facet)
        top = counts.most_common(FACET_VALUES)
        if chosen and chosen not in dict(top):
            top.append((chosen, counts.get(chosen, 0)))
        facets[facet] = {
            "distinct": len(counts),
            "values": [
                {"value": value, "label": labels.get(value, value), "count": count, "selected": value == chosen}
                for value, count in top
            ],
        }
    pages = max(1, -(-len(matching) // query.size))
    page = min(query.page, pages)
    start = (page - 1) * query.size
    return {
        "total": len(matching),
        "page": page,
        "pages": pages,
        "size": query.size,
        "sort": ("-" if query.descending else "") + query.sort,
        "filters": query.filters,
        "rows": matching[start : start + query.size],
        "facets": facets,
    }


def matching_rows(rows: list[dict[str, Any]], query: ClaimQuery) -> list[dict[str, Any]]:
    """Every claim ``query`` matches, sorted (for a download: no paging)."""
    chosen = [row for row in rows if _matches(row, query)]
    chosen.sort(key=lambda row: _sort_key(row, query.sort), reverse=query.descending)
    return chosen


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The claims as CSV, one line a claim, :data:`CSV_COLUMNS` in order.

    >>> to_csv([{"subject": "s", "relation": "plays", "evidence": 'He said "yes", then'}]).splitlines()[1]
    's,,plays,,,,,,,,,,,,"He said ""yes"", then",'
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(["" if row.get(name) is None else row.get(name) for name in CSV_COLUMNS])
    return out.getvalue()


def search(run: Run, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Entities whose name or an alias contains ``text`` (any case), best match first: a name equal to
    the text, then one starting with it, then one with a word starting with it, then any."""
    needle = text.strip().casefold()
    if not needle:
        return []
    result = run(_SEARCH, {"text": text.strip()})
    found: dict[str, dict[str, Any]] = {}
    for iri, label, name, cls in result.rows:
        key = str(iri)
        name_text = str(name)
        folded = name_text.casefold()
        rank = (
            0
            if folded == needle
            else 1
            if folded.startswith(needle)
            else 2
            if re.search(r"(^|\W)" + re.escape(needle), folded)
            else 3
        )
        entry = found.get(key)
        kind = _local(cls)
        if entry is None or rank < entry["rank"]:
            found[key] = {
                "iri": key,
                "label": str(label) if label is not None else (entry or {}).get("label") or name_text,
                "kind": kind if entry is None else entry["kind"],
                "matched": name_text,
                "rank": rank,
            }
        elif kind not in ("Work", "Organization"):
            entry["kind"] = kind
    ordered = sorted(found.values(), key=lambda e: (e["rank"], len(e["label"]), e["label"].casefold()))
    out = []
    for entry in ordered[:limit]:
        entry.pop("rank")
        # The alias is worth showing when the name shown does not contain the text itself.
        entry["alias"] = entry["matched"] if needle not in entry["label"].casefold() else None
        out.append(entry)
    return out


def overview(run: Run, rows: list[dict[str, Any]], top: int = 8) -> dict[str, Any]:
    """The opening view: the most connected shows and people (claims naming them), the latest articles."""
    degree: Counter[str] = Counter()
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for row in rows:
        degree[row["subject"]] += 1
        labels.setdefault(row["subject"], row["subjectLabel"])
        kinds.setdefault(row["subject"], row["class"])
        if row["object"]:
            degree[row["object"]] += 1
            labels.setdefault(row["object"], row["objectLabel"] or _local(row["object"]))
    object_kinds = {"/id/show/": "Show", "/id/person/": "Person"}
    for iri in degree:
        if iri not in kinds:
            kinds[iri] = next((kind for part, kind in object_kinds.items() if part in iri), "")

    def most(kind: str) -> list[dict[str, Any]]:
        chosen = [(iri, n) for iri, n in degree.most_common() if kinds.get(iri) == kind]
        return [{"iri": iri, "label": labels[iri], "claims": n} for iri, n in chosen[:top]]

    articles = []
    claims_per_article = Counter(row["article"] for row in rows)
    for article, headline, published, url, source in run(_ARTICLES, None).rows:
        articles.append(
            {
                "article": str(article),
                "headline": _text(headline) or _local(article),
                "published": _text(published) or "",
                "url": _text(url),
                "source": _text(source),
                "claims": claims_per_article.get(str(article), 0),
            }
        )
    articles.sort(key=lambda a: a["headline"].casefold())
    articles.sort(key=lambda a: a["published"], reverse=True)  # newest first, undated last by headline
    return {"shows": most("Show"), "people": most("Person"), "articles": articles[:top], "claims": len(rows)}


_EVENT_KINDS = {
    "released_on": "release",
    "season_status": "season",
    "cast_member": "casting",
    "plays": "casting",
    "episode_count": "episodes",
}


def timeline(rows: list[dict[str, Any]], iri: str) -> list[dict[str, Any]]:
    """Dated events of a show, oldest first: releases, season news (renewed, cancelled…), castings and
    any other claim about it, each dated by the date it names, else its article's publication date."""
    events = []
    for row in rows:
        if iri not in (row["subject"], row["object"]):
            continue
        date = row["date"] or (row["value"] if row["relation"] == "released_on" else None)
        dated_by = "fact"
        if not date or not re.match(r"\d{4}", date):
            date, dated_by = row["published"], "article"
        if not date:
            continue
        other = row["objectLabel"] if row["subject"] == iri else row["subjectLabel"]
        if row["relation"] == "season_status" and row["object"]:
            other = _local(row["object"]).replace("_", " ")
        elif row["relation"] == "released_on":
            other = "released" + (f" on {row['platformLabel']}" if row["platformLabel"] else "")
        events.append(
            {
                "date": date[:10],
                "datedBy": dated_by,
                "kind": _EVENT_KINDS.get(row["relation"], "other"),
                "relation": row["relation"],
                "text": other or row["value"] or "",
                "status": row["status"],
                "claim": row["claim"],
                "article": row["article"],
                "headline": row["headline"],
                "evidence": row["evidence"],
            }
        )
    events.sort(key=lambda e: (e["date"], e["kind"], e["text"]))
    return events


def claim_details(run: Run, claims: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Per claim: the cue words behind its status, every name of its parties (to highlight the span in
    the evidence sentence), and the sentence's character offsets in the article."""
    import pyoxigraph as ox

    iris = list(dict.fromkeys(claims))[:500]
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(iri)) for iri in iris)  # validated IRIs only reach the SPARQL
    details: dict[str, dict[str, Any]] = {iri: {"cues": [], "names": [], "start": None, "end": None} for iri in iris}
    for claim, cue, name, start, end in run(_DETAILS % values, None).rows:
        entry = details.get(str(claim))
        if entry is None:
            continue
        if cue is not None and str(cue) not in entry["cues"]:
            entry["cues"].append(str(cue))
        if name is not None and str(name) not in entry["names"]:
            entry["names"].append(str(name))
        if start is not None:
            entry["start"], entry["end"] = int(start), int(end)
    return details


def kind_of(run: Run, iri: str) -> str:
    """The entity's class in the ontology (``Show``, ``Person``…), or ``""``."""
    from rdflib import URIRef

    names = [_local(row[0]) for row in run(_KIND, {"iri": URIRef(iri)}).rows]
    for preferred in ("Show", "Person", "Character", "Platform", "Article"):
        if preferred in names:
            return preferred
    return names[0] if names else ""
