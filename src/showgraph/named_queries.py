"""Named queries: a small library of ``.rq`` files shipped in ``showgraph/queries/``, run by name.

Each file is plain SPARQL that any tool can run once its parameters are bound; a comment header says
what it is for and which parameters it takes::

    # title: Cast of a show
    # description: Who is in a show and whom they play ...
    #   (indented comment lines continue the description)
    # param show: string -- The show's name ...
    # param platform: string = "" -- Only this platform; empty: all.

A parameter is a SPARQL variable of the same name (``?show``); a ``string`` parameter also binds
``?showKey`` and ``?showTitleKey``, its name keys (docs/MODEL.md), where the query uses them, so that
a query finds an entity by name through the store's index (``?iri sg:titleKey ?showTitleKey``). Values
are bound through the store's ``bindings`` (a ``VALUES`` block holding an RDF term), never pasted into
the query text, so no value can change what the query does. Types: ``string``, ``integer``, ``iri``
(a full IRI or a prefixed name of docs/MODEL.md such as ``sgid:show/glory``). A parameter with a default is optional.

>>> queries = named_queries()
>>> "cast" in queries and queries["cast"].parameters[0].name
'show'
>>> queries["cast"].bindings({"show": "The Glory"})
{'show': rdflib.term.Literal('The Glory'), 'showTitleKey': rdflib.term.Literal('glory')}
>>> queries["cast"].bindings({})  # doctest: +ELLIPSIS
Traceback (most recent call last):
showgraph.errors.NamedQueryError: [SG303] named query 'cast' needs the parameter 'show'; it takes: ...
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rdflib.term import Identifier, Literal, URIRef

from showgraph.errors import NamedQueryError

__all__ = ["PARAMETER_TYPES", "NamedQuery", "QueryParameter", "named_queries", "parse_named_query"]

#: The types a parameter may declare.
PARAMETER_TYPES = ("string", "integer", "iri")

_PARAM_LINE = re.compile(
    r"param\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)"
    r"(?:\s*=\s*(?P<default>\"(?:[^\"\\]|\\.)*\"|-?\d+))?"
    r"\s*(?:--\s*(?P<description>.*))?$"
)
_FIELD_LINE = re.compile(r"(?P<key>title|description)\s*:\s*(?P<value>.*)$")
_NAME = re.compile(r"[a-z][a-z0-9-]*")

#: Prefixes accepted in ``iri`` parameters (the namespaces of docs/MODEL.md).
_IRI_PREFIXES = {
    "sg": "https://w3id.org/showgraph/ontology#",
    "sgid": "https://w3id.org/showgraph/id/",
    "sgart": "https://w3id.org/showgraph/article/",
    "schema": "http://schema.org/",
}


@dataclass(frozen=True)
class QueryParameter:
    """One parameter of a named query: a SPARQL variable the caller binds."""

    name: str
    type: str
    description: str = ""
    #: None means required.
    default: str | int | None = None

    @property
    def required(self) -> bool:
        return self.default is None

    def describe(self) -> str:
        """``show (string, required)`` or ``person (string, default "")``: for error messages and help.

        >>> QueryParameter("n", "integer", default=3).describe()
        'n (integer, default 3)'
        """
        default = "required" if self.required else f"default {json.dumps(self.default)}"
        return f"{self.name} ({self.type}, {default})"

    def term(self, value: Any, query: str) -> Identifier:
        """The RDF term to bind for ``value`` (strings from the command line are converted by type)."""
        if isinstance(value, Identifier):
            return value
        if self.type == "integer":
            try:
                if isinstance(value, bool):
                    raise ValueError
                return Literal(int(value))
            except (TypeError, ValueError):
                raise NamedQueryError(
                    f"named query {query!r}: parameter {self.name!r} must be an integer, got {value!r}"
                ) from None
        if self.type == "iri":
            return URIRef(_expand_iri(str(value), query, self.name))
        return Literal(str(value))


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query shipped with showgraph, with its title, description and parameters."""

    name: str
    title: str
    description: str
    parameters: tuple[QueryParameter, ...]
    sparql: str

    def bindings(self, params: Mapping[str, Any]) -> dict[str, Identifier]:
        """Check ``params`` against the declared parameters and turn them into RDF terms to bind.

        Unknown or missing parameters raise NamedQueryError listing what the query takes; defaults
        fill in the optional ones. None counts as not given.
        """
        declared = {p.name: p for p in self.parameters}
        extra = sorted(set(params) - set(declared))
        if extra:
            raise NamedQueryError(
                f"named query {self.name!r} has no parameter {', '.join(map(repr, extra))}; "
                f"it takes: {self.signature()}"
            )
        out: dict[str, Identifier] = {}
        for parameter in self.parameters:
            value = params.get(parameter.name)
            if value is None:
                if parameter.required:
                    raise NamedQueryError(
                        f"named query {self.name!r} needs the parameter {parameter.name!r}; "
                        f"it takes: {self.signature()}"
                    )
                value = parameter.default
            out[parameter.name] = term = parameter.term(value, self.name)
            if parameter.type == "string":
                out.update(self._keys(parameter.name, str(term)))
        return out

    def _keys(self, name: str, value: str) -> dict[str, Identifier]:
        """``?<name>Key`` and ``?<name>TitleKey``, the name keys of a string parameter (docs/MODEL.md),
        where the query uses them: the store finds entities by key through an index, where folding
        every label in SPARQL would scan them all.

        >>> q = parse_named_query("demo", "# param show: string\\nSELECT * { ?s <urn:k> ?showTitleKey }")
        >>> q.bindings({"show": "The Glory"})
        {'show': rdflib.term.Literal('The Glory'), 'showTitleKey': rdflib.term.Literal('glory')}
        """
        from showgraph.entity_graph import name_key, title_key

        out: dict[str, Identifier] = {}
        if re.search(rf"[?$]{name}Key\b", self.sparql):
            out[f"{name}Key"] = Literal(name_key(value))
        if re.search(rf"[?$]{name}TitleKey\b", self.sparql):
            out[f"{name}TitleKey"] = Literal(title_key(value))
        return out

    def signature(self) -> str:
        """The parameters in one line, e.g. ``show (string, required)``; ``no parameters`` if none."""
        return ", ".join(p.describe() for p in self.parameters) or "no parameters"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description (for the web page's query menu)."""
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "description": p.description,
                    "required": p.required,
                    "default": p.default,
                }
                for p in self.parameters
            ],
            "sparql": self.sparql,
        }


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read a named query's header comments; the text itself is kept whole as the SPARQL.

    >>> q = parse_named_query("demo", '# title: Demo\\n# param n: integer = 5 -- How many\\nSELECT ?n {}')
    >>> q.title, q.parameters
    ('Demo', (QueryParameter(name='n', type='integer', description='How many', default=5),))
    """
    if not _NAME.fullmatch(name):
        raise NamedQueryError(f"named query name {name!r} must be lower-case letters, digits and '-'")
    fields: dict[str, str] = {"title": name, "description": ""}
    parameters: list[QueryParameter] = []
    last: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line.startswith("#"):
            if line:
                break  # the header ends at the first line of SPARQL
            continue
        body = line[1:].strip()
        continuation = raw.startswith(("#  ", "#\t")) and last == "description"
        if continuation:
            fields["description"] = f"{fields['description']} {body}".strip()
            continue
        if match := _FIELD_LINE.match(body):
            fields[match["key"]] = match["value"].strip()
            last = match["key"]
        elif match := _PARAM_LINE.match(body):
            if match["type"] not in PARAMETER_TYPES:
                raise NamedQueryError(
                    f"named query {name!r}: parameter {match['name']!r} has type {match['type']!r}; "
                    f"expected one of {', '.join(PARAMETER_TYPES)}"
                )
            default: str | int | None = None
            if match["default"] is not None:
                default = json.loads(match["default"])
            parameters.append(QueryParameter(match["name"], match["type"], match["description"] or "", default))
            last = "param"
        else:
            last = None
    return NamedQuery(name, fields["title"], fields["description"], tuple(parameters), text)


@functools.cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in the package, by name (the file name without ``.rq``), sorted."""
    folder = resources.files("showgraph") / "queries"
    found: dict[str, NamedQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_named_query(name, entry.read_text(encoding="utf-8"))
    return found


def get_named_query(name: str) -> NamedQuery:
    """The named query called ``name``; NamedQueryError listing the known names otherwise.

    >>> get_named_query("nope")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    showgraph.errors.NamedQueryError: [SG303] no named query 'nope'; the named queries are: allegations, cast, ...
    """
    queries = named_queries()
    try:
        return queries[name]
    except KeyError:
        raise NamedQueryError(
            f"no named query {name!r}; the named queries are: {', '.join(queries)} (see `showgraph query --list`)"
        ) from None


def _expand_iri(value: str, query: str, parameter: str) -> str:
    """A full IRI from a full IRI or a prefixed name of the showgraph namespaces."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    prefix, colon, rest = value.partition(":")
    if colon and prefix in _IRI_PREFIXES:
        return _IRI_PREFIXES[prefix] + rest
    if not colon or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", prefix) or re.search(r'[\s<>"{}|\\^`]', value):
        raise NamedQueryError(
            f"named query {query!r}: parameter {parameter!r} must be an IRI such as "
            f"https://w3id.org/showgraph/id/show/glory or sgid:show/glory, got {value!r}"
        )
    return value
