"""A person's own SPARQL: the common prefixes declared for them, and syntax errors told in words.

Forgetting ``PREFIX oa:`` is the commonest slip, and the engine's answer to it is a list of
character classes. :func:`with_prefixes` declares the namespaces of docs/MODEL.md (and rdf:,
dcterms:, owl:) in front of the query, on its first line so line numbers stay right; a query's own
``PREFIX`` comes later and wins. :func:`explain_syntax_error` turns the engine's "error at 3:11:
expected one of ..." into line, column, what was expected and what was found, with the line shown.

>>> text, shift = with_prefixes("SELECT * { ?a oa:hasTarget ?t }")
>>> text.endswith("SELECT * { ?a oa:hasTarget ?t }") and "PREFIX oa: <http://www.w3.org/ns/oa#>" in text
True
>>> "\\n" in text[:shift]
False
"""

from __future__ import annotations

import re

from showgraph.rdf import PREFIXES as _MODEL_PREFIXES

__all__ = ["COMMON_PREFIXES", "explain_syntax_error", "with_prefixes"]

#: Prefixes a query may use without declaring them: the model's (sg:, sgid:, person:, show:, ...,
#: schema:, prov:, oa:, skos:, rdfs:, xsd:) and the ontology's other vocabularies.
COMMON_PREFIXES: dict[str, str] = {
    **{name: str(namespace) for name, namespace in _MODEL_PREFIXES.items()},
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
}


def with_prefixes(sparql: str, prefixes: dict[str, str] | None = None) -> tuple[str, int]:
    """The query with the common prefixes declared before it, and how many characters were put in front.

    The declarations go on the query's first line (no newline), so an error's line number is the
    user's; only a column on line 1 moves, by the returned count.
    """
    declared = prefixes if prefixes is not None else COMMON_PREFIXES
    prologue = "".join(f"PREFIX {name}: <{iri}> " for name, iri in declared.items())
    return prologue + sparql, len(prologue)


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def explain_syntax_error(sparql: str, message: str, *, shift: int = 0) -> str | None:
    """Line, column, the word found there and what was expected, in words; None if ``message`` is
    not the engine's syntax error. ``shift`` is what :func:`with_prefixes` put in front of line 1.

    The engine (Oxigraph) names what it expected but reports the furthest point it tried, often
    past the slip; rdflib's parser points at the start of the clause that fails. So the place is
    rdflib's when it sees the error too, the expectation the engine's.

    >>> print(explain_syntax_error("SELECT * WHERE { ?s ?p ?o } ORDER ?s", "error at 1:37: expected BY"))
    line 1, column 29, at 'ORDER': expected BY
      SELECT * WHERE { ?s ?p ?o } ORDER ?s
                                  ^
    >>> print(explain_syntax_error("SELECT * { ?s foo:p ?o }", "error at 1:20: expected one of Prefix not found"))
    line 1, column 15: the prefix foo: is not declared; add PREFIX foo: <IRI> before the query
      SELECT * { ?s foo:p ?o }
                    ^
    """
    match = _POSITION.search(message)
    if match is None:
        return None
    line_no, column, expected = int(match[1]), int(match[2]), match[3].strip().removeprefix("expected").strip()
    if line_no == 1:
        column = max(1, column - shift)
    lines = sparql.split("\n")
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    if "Prefix not found" in expected:
        name = re.search(r"([A-Za-z][\w.-]*)?:[^\s{}()<>,;]*$", line[: column - 1])
        if name is not None:
            column = name.start() + 1
            prefix = name[1] or ""
            what = f"the prefix {prefix}: is not declared; add PREFIX {prefix}: <IRI> before the query"
            return _with_line(f"line {line_no}, column {column}: {what}", line, column)
    words = _expected_words(expected)
    clause = _clause_start(sparql)
    if clause is not None:
        line_no, column, rdflib_expected = clause
        line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        if "SelectQuery | ConstructQuery" in rdflib_expected:
            words = "SELECT, CONSTRUCT, DESCRIBE or ASK (after any PREFIX and BASE lines)"
    what = f"expected {words}" if words else "the query does not parse here"
    return _with_line(f"line {line_no}, column {column}, at {_found(lines, line_no, column)}: {what}", line, column)


def _clause_start(sparql: str) -> tuple[int, int, str] | None:
    """Where rdflib's parser stops (line, column, what it expected), or None if it reads the query."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except Exception as error:  # pyparsing's ParseException carries the place; other trouble does not
        line, column = getattr(error, "lineno", None), getattr(error, "col", None)
        if isinstance(line, int) and isinstance(column, int):
            return line, column, str(getattr(error, "msg", ""))
    return None


def _with_line(head: str, line: str, column: int) -> str:
    return f"{head}\n  {line.expandtabs(1)}\n  {' ' * (column - 1)}^"


def _found(lines: list[str], line_no: int, column: int) -> str:
    """The word at the error, or 'the end of the query'."""
    rest = "\n".join([lines[line_no - 1][column - 1 :], *lines[line_no:]]) if line_no <= len(lines) else ""
    word = re.match(r"\s*([^\s(){},;.]+|\S)", rest)
    return repr(word[1]) if word else "the end of the query"


_EXPECTED_ITEM = re.compile(r'"(?:\\.|[^"\\])*"|\[[^\]]*\]|[^,\s][^,]*')


def _expected_words(expected: str) -> str:
    """The engine's expectation list in words: quoted tokens kept, character classes named.

    >>> _expected_words("one of \\",\\", \\"}\\", HAVING, ['A' ..= 'Z' | 'a' ..= 'z'], [_]")
    "',', '}', HAVING or a name"
    """
    items = [item.strip() for item in _EXPECTED_ITEM.findall(expected.strip().removeprefix("one of "))]
    words: list[str] = []
    for item in items:
        if not item:
            continue
        if item.startswith('"') and item.endswith('"') and len(item) >= 2:
            word = "'" + item[1:-1].replace('\\"', '"').replace("\\\\", "\\") + "'"
        elif item.startswith("["):
            if "'A'" in item or "'a'" in item:
                word = "a name"
            elif "'0'" in item:
                word = "a digit"
            elif re.fullmatch(r"\['(.)'\]", item):
                word = "'" + item[2] + "'"
            else:
                continue  # "[_]": any character, says nothing
        else:
            word = item
        if word not in words:
            words.append(word)
    if len(words) > 1:
        return ", ".join(words[:-1]) + " or " + words[-1]
    return words[0] if words else ""
