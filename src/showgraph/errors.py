"""Errors with stable codes. Each message says what went wrong and what to do next.

>>> str(ArticleReadError("corpus/a.txt", "no Title: line in the header"))
'[SG101] corpus/a.txt: no Title: line in the header'
>>> isinstance(ArticleReadError("a", "b"), ShowgraphError)
True
"""

from __future__ import annotations


class ShowgraphError(Exception):
    """Base of every error showgraph raises on purpose. ``code`` is stable across releases."""

    code = "SG000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ArticleReadError(ShowgraphError):
    """An article file could not be read or parsed; names the file and what is wrong."""

    code = "SG101"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NoArticlesError(ShowgraphError):
    """A path, folder or glob matched no readable article."""

    code = "SG102"


class ModelNotFoundError(ShowgraphError):
    """No spaCy English model is installed under the configured name."""

    code = "SG201"


class StoreError(ShowgraphError):
    """The store could not be opened, read or written."""

    code = "SG301"


class StoreNotFoundError(StoreError):
    """A command that only reads was pointed at a store folder that does not exist.

    Opening would create an empty store and answer "0 rows": a mistyped ``--store`` would look like
    an empty graph. Only loading creates a store.
    """

    code = "SG305"

    def __init__(self, location: str) -> None:
        super().__init__(
            f"no store at {location}: check the path (--store or $SHOWGRAPH_STORE), "
            f"or create it by loading articles: showgraph load ARTICLES... --store {location}"
        )
        self.location = location


class QueryError(ShowgraphError):
    """A SPARQL query is malformed or failed; the message carries the engine's reason."""

    code = "SG302"


class NamedQueryError(QueryError):
    """A named query is unknown, or was given missing, extra or malformed parameters."""

    code = "SG303"


class QueryTimeoutError(QueryError):
    """A query ran past its time limit and was stopped; the message names the limit."""

    code = "SG305"


class QueryTooLargeError(QueryError):
    """A query's result has more rows (or triples) than the limit; the message names the limit."""

    code = "SG306"


class QueryCancelledError(QueryError):
    """A query was stopped before its answer: its client went away, or the server is stopping."""

    code = "SG308"


class QueryRefusedError(QueryError):
    """A query asks for something this server does not do for strangers (SERVICE to another endpoint)."""

    code = "SG307"


class EntityNotFoundError(ShowgraphError):
    """No entity in the graph has the name (label or alternative label) or IRI asked for."""

    code = "SG304"


class ValidationSetupError(ShowgraphError):
    """The ontology or SHACL shapes could not be loaded."""

    code = "SG401"


class PictureError(ShowgraphError):
    """A picture of the graph could not be written: unknown format, or a file that cannot be written."""

    code = "SG601"
