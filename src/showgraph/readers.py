"""Readers: files, folders and globs of articles in, :class:`Article` objects out.

Readers know nothing of NLP, RDF or the store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article: its metadata and its body text.

    ``id`` is stable: derived from the URL where there is one, else from a hash of the content, so
    re-loading the same article replaces its facts. Character offsets in facts refer to ``body``.
    """

    title: str
    body: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY) where known
    path: str | None = None  # the file it came from, for messages and the gold format's "article"
    format: str = "text"  # text | markdown | html | jsonl

    @property
    def id(self) -> str:
        """A short stable key: sha256 of the URL where known, else of title and body."""
        basis = self.url.strip() if self.url else f"{self.title}\n\n{self.body}"
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]

    @property
    def name(self) -> str:
        """The article's file name (the gold format's ``article`` key), else its id."""
        if self.path:
            return self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return self.id
