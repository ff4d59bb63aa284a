"""Readers: files, folders and globs of articles in, :class:`Article` objects out.

Readers know nothing of NLP, RDF or the store.

Formats, chosen by suffix:

- ``.txt`` or no suffix: a ``Key: value`` header up to the first blank line (``Title`` required;
  ``Source``, ``URL``, ``Author``, ``Published``, ``ID``; keys case-insensitive, unknown keys ignored),
  then the body exactly as published.
- ``.md`` / ``.markdown``: optional ``---`` front matter or the same header; the title from there or
  from the first ``# `` heading; the body converted to plain text so markup never reaches the NLP.
- ``.html`` / ``.htm``: main text and metadata extracted with trafilatura (never from the network).
- ``.jsonl``: one JSON object a line, ``{"title", "text", "url", "author", "published", "source", "id"}``;
  the article's ``path`` is ``file.jsonl:LINE`` (1-based), so ``Article.name`` is ``file.jsonl:LINE``.

An article is known by its declared ``ID:``, else its URL, else the file it was read from (a jsonl
record: the file and line), so an edited file read again is the same article (:attr:`Article.id`).

Bad input never stops a batch: :func:`iter_articles` yields an :class:`ArticleReadError` (SG101) for a
file (or jsonl line) it cannot read and a :class:`NoArticlesError` (SG102) for a path or glob that
matches nothing, then goes on. :func:`read_file` is the strict single-file reader: it raises.

>>> art = parse_text("Title: Extras returns\\nPublished: 9 July 2019\\n\\nGervais is back.\\n")
>>> art.title, art.published, art.body
('Extras returns', '2019-07-09', 'Gervais is back.\\n')
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from showgraph.errors import ArticleReadError, NoArticlesError

TEXT_SUFFIXES = frozenset({".txt", ""})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
# Suffixes a folder walk or glob picks up. Suffix-less files are read as text only when named outright,
# so a folder's LICENSE or Makefile is never taken for an article.
WALK_SUFFIXES = frozenset({".txt"}) | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

HEADER_KEYS = frozenset({"title", "source", "url", "author", "published", "id"})
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9 _-]*?)\s*:\s?(.*)$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.+\-Z ]*)?$")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")

OnError = Literal["yield", "raise"]
ReadError = ArticleReadError | NoArticlesError


@dataclass(frozen=True)
class Article:
    """One article: its metadata and its body text.

    ``id`` is stable, so re-loading the same article replaces its facts, even after an edit: it comes
    from the declared id (``ID:``) where there is one, else the URL, else ``origin`` (the real path of the
    file it was read from), else the content. Character offsets in facts refer to ``body``. ``warnings``
    holds problems that did not stop the read (an unparseable ``Published`` date).
    """

    title: str
    body: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY) where known
    path: str | None = None  # the file it came from, for messages and the gold format's "article"
    format: str = "text"  # text | markdown | html | jsonl
    warnings: tuple[str, ...] = ()
    declared_id: str | None = None  # the header's ID:, the jsonl record's "id"
    origin: str | None = None  # the file's real path (``file.jsonl:LINE``); None for text given directly

    @property
    def id(self) -> str:
        """A short stable key: sha256 of the declared id, else the URL, else the file, else title and body.

        >>> Article("A", "x", origin="/news/a.txt").id == Article("A, edited", "y", origin="/news/a.txt").id
        True
        >>> Article("A", "x", url="https://e.org/a", origin="/news/a.txt").id == Article("A", "x", url="https://e.org/a").id
        True
        """
        if self.declared_id and self.declared_id.strip():
            return _short_hash(f"id:{self.declared_id.strip()}")
        if self.url:
            return _short_hash(self.url.strip())
        if self.origin:
            return origin_id(self.origin)
        return self.content_id

    @property
    def content_id(self) -> str:
        """The id of the same title and body given directly: what earlier versions keyed every URL-less
        article by, files included (a store loaded by them holds the article under this id)."""
        return _short_hash(f"{self.title}\n\n{self.body}")

    @property
    def name(self) -> str:
        """The article's file name (the gold format's ``article`` key), else its id."""
        if self.path:
            return self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return self.id


def _short_hash(basis: str) -> str:
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def origin_id(origin: str) -> str:
    """The id of an article known by its file (no ``ID:``, no URL): found without reading the file, so a
    deleted file's article can still be named.

    >>> origin_id("/news/a.txt") == Article("A", "x", origin="/news/a.txt").id
    True
    """
    return _short_hash(f"file:{origin}")


def real_origin(path: str | os.PathLike[str]) -> str:
    """The key a file is known by: its real, absolute path (one file under two names is one article)."""
    return os.path.normcase(os.path.realpath(path))


# --- dates -------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    # Imported lazily: dateparser is slow to import and only needed for non-ISO dates.
    from dateparser.date import DateDataParser

    # No relative parsing ("yesterday") and a year required: either would make the result depend on
    # the day the reader runs.
    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["year"],
        },
    )


def normalise_date(text: str | None) -> str | None:
    """An ISO date at the precision given (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), else None.

    >>> normalise_date("2019-07-09T10:35:00Z"), normalise_date("March 2023"), normalise_date("2021")
    ('2019-07-09', '2023-03', '2021')
    >>> normalise_date("9 Jul 2019"), normalise_date("sometime soon"), normalise_date("March 5")
    ('2019-07-09', None, None)
    """
    if text is None or not text.strip():
        return None
    text = text.strip()
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = match.groups()
        try:
            if day:
                return date(int(year), int(month), int(day)).isoformat()
            if month:
                return date(int(year), int(month), 1).isoformat()[:7]
            return f"{int(year):04d}"
        except ValueError:
            return None
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; unparseable is not fatal
        return None
    parsed: datetime | None = data.date_obj
    if parsed is None:
        return None
    if data.period == "year":
        return f"{parsed.year:04d}"
    if data.period == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return parsed.date().isoformat()


# --- decoding and headers ----------------------------------------------------------------------------


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 (a BOM tolerated) with newlines normalised to ``\\n``; nothing else changes.

    >>> decode_text(b"\\xef\\xbb\\xbfTitle: A\\r\\n\\r\\nB\\r", "a.txt")
    'Title: A\\n\\nB\\n'
    """
    if not data.strip():
        raise ArticleReadError(path, "the file is empty; remove it or give it a header and a body")
    if b"\x00" in data:
        raise ArticleReadError(path, "binary data (NUL bytes), not a text article; remove it from the batch")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleReadError(
            path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_header(text: str, path: str) -> tuple[dict[str, str], str]:
    """``Key: value`` lines up to the first blank line, and the body after it, verbatim."""
    header: dict[str, str] = {}
    pos = 0
    line_no = 0
    while pos < len(text):
        end = text.find("\n", pos)
        line, next_pos = (text[pos:], len(text)) if end < 0 else (text[pos:end], end + 1)
        line_no += 1
        if not line.strip():
            return header, text[next_pos:]
        match = _HEADER_LINE.match(line)
        if not match:
            raise ArticleReadError(
                path,
                f"header line {line_no} is not 'Key: value' ({line[:60]!r}); the header ends at the "
                "first blank line and must start with 'Title: ...'",
            )
        key = match.group(1).strip().lower()
        if key in HEADER_KEYS and key not in header:
            header[key] = match.group(2).strip()
        pos = next_pos
    return header, ""


def _article_from_header(header: dict[str, str], body: str, path: str, fmt: str, title: str | None = None) -> Article:
    title = title or header.get("title") or None
    if not title:
        raise ArticleReadError(path, "no Title: line in the header; add 'Title: ...' as the first line")
    if not body.strip():
        raise ArticleReadError(path, "the article has no body; put its text after the header's blank line")
    warnings: list[str] = []
    raw_date = header.get("published") or None
    published = normalise_date(raw_date)
    if raw_date and published is None:
        warnings.append(f"Published date {raw_date!r} not understood; kept as unknown")
    return Article(
        title=title.strip(),
        body=body,
        declared_id=header.get("id") or None,
        source=header.get("source") or None,
        url=header.get("url") or None,
        author=header.get("author") or None,
        published=published,
        path=path,
        format=fmt,
        warnings=tuple(warnings),
    )


# --- formats -----------------------------------------------------------------------------------------


def parse_text(text: str, path: str = "<text>") -> Article:
    """An article in the header format: ``Key: value`` lines, a blank line, the body verbatim."""
    header, body = _split_header(text, path)
    return _article_from_header(header, body, path, "text")


def _looks_like_header(text: str) -> bool:
    first_block = text.split("\n\n", 1)[0].split("\n")
    keys = [m.group(1).strip().lower() for line in first_block if (m := _HEADER_LINE.match(line))]
    return len(keys) == len(first_block) and "title" in keys


def _front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """Simple ``key: value`` front matter between ``---`` lines (quotes stripped), and the rest."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    after = text.find("\n", end + 4)
    rest = "" if after < 0 else text[after + 1 :]
    header: dict[str, str] = {}
    for line in text[4:end].split("\n"):
        match = _HEADER_LINE.match(line)
        if match:
            key = match.group(1).strip().lower()
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            if key == "date":  # the usual front-matter name for it
                key = "published"
            if key in HEADER_KEYS and key not in header:
                header[key] = value
    return header, rest


def markdown_to_text(markdown: str) -> tuple[str | None, str]:
    """The first level-1 heading (removed from the text) and the markdown as plain paragraphs.

    Link URLs, emphasis markers, code fences and raw HTML are dropped; link text and image alt text
    stay. Paragraphs, headings and list items become blank-line-separated blocks.

    >>> markdown_to_text("# The Glory\\n\\n**Song Hye-kyo** stars in [The Glory](https://x.io).\\n")
    ('The Glory', 'Song Hye-kyo stars in The Glory.\\n')
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    blocks: list[str] = []
    heading: str | None = None
    first_block = True
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "inline":
            text = _inline_text(token.children or []).strip()
            opener = tokens[i - 1] if i else None
            is_h1 = opener is not None and opener.type == "heading_open" and opener.tag == "h1"
            if is_h1 and first_block and heading is None:
                heading = text
            elif text:
                blocks.append(text)
            first_block = False
        elif token.type in ("fence", "code_block"):
            if token.content.strip():
                blocks.append(token.content.rstrip("\n"))
            first_block = False
        i += 1
    return heading, "\n\n".join(blocks) + "\n" if blocks else ""


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


def parse_markdown(text: str, path: str = "<markdown>") -> Article:
    """A markdown article: front matter or header for metadata, plain text for the body.

    >>> art = parse_markdown("---\\ntitle: 'D.P.'\\ndate: 2021-08-26\\n---\\nA *Netflix* drama.\\n")
    >>> art.title, art.published, art.body
    ('D.P.', '2021-08-26', 'A Netflix drama.\\n')
    """
    front = _front_matter(text)
    if front is not None:
        header, rest = front
    elif _looks_like_header(text):
        header, rest = _split_header(text, path)
    else:
        header, rest = {}, text
    heading, body = markdown_to_text(rest)
    if heading and header.get("title") and heading.strip() != header["title"].strip():
        body = f"{heading}\n\n{body}"  # a heading that is not the title is part of the text
    return _article_from_header(header, body, path, "markdown", title=header.get("title") or heading)


def parse_html(html: str, path: str = "<html>") -> Article:
    """Main text and metadata of an HTML page, via trafilatura, from the string only (no network)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, url=None
        )
    except Exception as exc:  # lxml and trafilatura raise assorted errors on broken markup
        problem = f"HTML could not be parsed ({exc}); check the file is a web page"
        raise ArticleReadError(path, problem) from None
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise ArticleReadError(path, "no main text found in the HTML page; save the article's own page")
    title = (doc.title or "").strip()
    if not title:
        raise ArticleReadError(path, "no title found in the HTML page (no <title> or og:title); add one")
    header = {
        "title": title,
        "source": doc.sitename or "",
        "url": doc.url or "",
        "author": doc.author or "",
        "published": doc.date or "",
    }
    # trafilatura gives one line a block element; blank-line paragraphs match the other formats, and a
    # first line repeating the title (the page's <h1>) is metadata, not body.
    lines = [line.strip() for line in doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if lines and lines[0] == title:
        lines = lines[1:]
    body = "\n\n".join(lines) + "\n" if lines else ""
    return _article_from_header(header, body, path, "html")


def parse_jsonl_line(line: str, path: str) -> Article:
    """One jsonl record; ``path`` is ``file.jsonl:LINE``.

    >>> parse_jsonl_line('{"title": "Extras", "text": "A sitcom.", "published": "2005"}', "a.jsonl:1").name
    'a.jsonl:1'
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # Some of json's messages end in "at" ("Unterminated string starting at"): the column follows.
        problem = f"bad JSON ({exc.msg.removesuffix(' at')} at column {exc.colno}); fix or remove the line"
        raise ArticleReadError(path, problem) from None
    except (ValueError, RecursionError) as exc:  # an integer of over 4300 digits; nesting too deep to parse
        raise ArticleReadError(path, f"JSON that cannot be read ({exc}); fix or remove the line") from None
    if not isinstance(record, dict):
        raise ArticleReadError(path, f"expected a JSON object, got {type(record).__name__}")
    if isinstance(record.get("id"), int) and not isinstance(record["id"], bool):
        record["id"] = str(record["id"])  # {"id": 17} is as good an id as {"id": "17"}
    text = record.get("text", record.get("body"))
    if not isinstance(text, str):
        raise ArticleReadError(path, 'no "text" string in the record; add the article body as "text"')
    header: dict[str, str] = {}
    for key in HEADER_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleReadError(path, f'"{key}" must be a string, got {type(value).__name__}')
        if value:
            header[key] = value.strip()
    if "title" not in header:
        raise ArticleReadError(path, 'no "title" in the record; add one')
    if any(_LONE_SURROGATE.search(value) for value in (text, *header.values())):
        # JSON's "\ud800" escape decodes to a lone surrogate: not text, and no UTF-8 hash or store takes it.
        raise ArticleReadError(path, "a lone surrogate escape (\\ud800-\\udfff) is not text; fix the record's encoding")
    return _article_from_header(header, text.replace("\r\n", "\n").replace("\r", "\n"), path, "jsonl")


def _read_file_results(path: str | Path) -> list[Article | ArticleReadError]:
    """Every article in one file, with an error in place of each part that could not be read."""
    shown = str(path)
    file = Path(path)
    suffix = file.suffix.lower()
    known = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    try:
        if suffix not in known:
            raise ArticleReadError(
                shown, f"unsupported file type {suffix!r}; use .txt, .md, .markdown, .html, .htm or .jsonl"
            )
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            raise ArticleReadError(shown, "no such file; check the path") from None
        except IsADirectoryError:
            raise ArticleReadError(shown, "is a folder, not a file") from None
        except OSError as exc:
            raise ArticleReadError(shown, f"cannot be read ({exc.strerror}); check its permissions") from None
        text = decode_text(data, shown)
        if suffix in JSONL_SUFFIXES:
            results: list[Article | ArticleReadError] = []
            origin = real_origin(file)
            for line_no, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                try:
                    record = parse_jsonl_line(line, f"{shown}:{line_no}")
                    results.append(replace(record, origin=f"{origin}:{line_no}"))
                except ArticleReadError as exc:
                    results.append(exc)
            if not results:
                raise ArticleReadError(shown, "no records in the jsonl file")
            return results
        if suffix in MARKDOWN_SUFFIXES:
            read = parse_markdown(text, shown)
        elif suffix in HTML_SUFFIXES:
            read = parse_html(text, shown)
        else:
            read = parse_text(text, shown)
        return [replace(read, origin=real_origin(file))]
    except ArticleReadError as exc:
        return [exc]


def read_file(path: str | Path) -> list[Article]:
    """Every article in one file (a ``.jsonl`` file holds many). Strict: raises the first problem.

    Raises:
        ArticleReadError: the file (or a line of a jsonl file) cannot be read; names it and why.
    """
    articles: list[Article] = []
    for result in _read_file_results(path):
        if isinstance(result, ArticleReadError):
            raise result
        articles.append(result)
    return articles


# --- paths, folders and globs ------------------------------------------------------------------------


def _walkable(name: str) -> bool:
    """Whether a folder walk or glob takes this file: known suffix, not hidden, not gold, not a README."""
    lower = name.lower()
    if name.startswith(".") or lower.endswith(".gold.json") or lower.startswith("readme."):
        return False
    return os.path.splitext(lower)[1] in WALK_SUFFIXES


def _walk_folder(folder: Path, errors: list[OSError] | None = None) -> Iterator[Path]:
    """Article files under ``folder``; a folder that cannot be listed goes into ``errors``.

    (os.walk skips such a folder silently: the user would be told the path matches nothing.)
    """
    for root, dirs, files in os.walk(folder, onerror=None if errors is None else errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _walkable(name):
                yield Path(root) / name


def _is_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[tuple[str, list[Path]]]:
    """Each input path with the article files it stands for (empty when it matches nothing).

    A file stands for itself (whatever its name); a folder for its known article files, recursively;
    a glob (``corpus/**/*.txt``) for the files it matches, filtered like a folder walk, with matched
    folders walked. Folders and globs are sorted for determinism and skip hidden files and folders,
    ``*.gold.json`` and ``README.*``.
    """
    for text, files, _ in _expand(paths):
        yield text, files


def _expand(paths: Iterable[str | Path]) -> Iterator[tuple[str, list[Path], list[OSError]]]:
    """:func:`expand_paths`, with the folders that could not be listed."""
    for raw in paths:
        text = str(raw)
        path = Path(text)
        errors: list[OSError] = []
        if path.is_dir():
            yield text, list(_walk_folder(path, errors)), errors
        elif path.exists() or not _is_glob(text):
            yield text, [path], errors
        else:
            found: list[Path] = []
            for match in sorted(glob.glob(text, recursive=True)):
                candidate = Path(match)
                if any(part.startswith(".") and part not in (".", "..") for part in candidate.parts):
                    continue
                if candidate.is_dir():
                    found.extend(_walk_folder(candidate, errors))
                elif _walkable(candidate.name):
                    found.append(candidate)
            yield text, found, errors


def iter_articles(paths: Iterable[str | Path], *, on_error: OnError = "yield") -> Iterator[Article | ReadError]:
    """Articles from files, folders and globs, in order; errors in line with them.

    With ``on_error="yield"`` (the default) nothing stops the batch: a file or jsonl line that cannot
    be read is yielded as an :class:`ArticleReadError` (SG101), and a path or glob that matches no
    article file as a :class:`NoArticlesError` (SG102), both in place, and reading goes on. With
    ``on_error="raise"`` the first such error is raised instead. A file reached twice (by two
    overlapping paths, or through a symlink) is read once, under the first name that reached it. A
    missing plain path (no glob characters) is an ``ArticleReadError`` for that file, not a
    ``NoArticlesError``. A folder that cannot be listed is an ``ArticleReadError`` naming it.
    """
    if on_error not in ("yield", "raise"):
        raise ValueError(f"on_error must be 'yield' or 'raise', not {on_error!r}")
    seen: set[str] = set()
    for given, files, unlisted in _expand(paths):
        for exc in unlisted:
            error = ArticleReadError(
                str(exc.filename or given), f"is a folder that cannot be read ({exc.strerror}); check its permissions"
            )
            if on_error == "raise":
                raise error
            yield error
        if not files and not unlisted:
            error = NoArticlesError(
                f"{given}: matches no article file (.txt, .md, .markdown, .html, .htm, .jsonl); "
                "check the path or pattern"
            )
            if on_error == "raise":
                raise error
            yield error
            continue
        for file in files:
            # The file itself, not the way to it: a glob through a symlink loop (dir/up -> ..) finds one
            # file under dozens of names, and each would become an article of its own.
            key = os.path.normcase(os.path.realpath(file))
            if key in seen:
                continue
            seen.add(key)
            for result in _read_file_results(file):
                if on_error == "raise" and isinstance(result, ArticleReadError):
                    raise result
                yield result


def ids_for_path(path: str | Path) -> set[str]:
    """Every id the articles behind a path (file, folder or glob) may be stored under, for taking them out.

    A file that is there gives the ids of the articles it holds now (by ``ID:``, URL or file) and the ids
    it had before it gained an ``ID:`` or URL (by file, and by content as earlier versions keyed it); a
    plain path that is gone gives the id by file alone, which is how an article with no ``ID:`` or URL
    was known.
    """
    ids: set[str] = set()
    for given, files, _ in _expand([path]):
        if not files and not _is_glob(given):
            files = [Path(given)]
        for file in files:
            if not file.exists():
                ids.add(origin_id(real_origin(file)))
                continue
            for result in _read_file_results(file):
                if isinstance(result, Article):
                    ids.update({result.id, result.content_id, origin_id(result.origin or real_origin(file))})
                elif file.suffix.lower() not in JSONL_SUFFIXES:
                    ids.add(origin_id(real_origin(file)))  # unreadable now: still known by its file
    return ids


def read_articles(paths: Iterable[str | Path]) -> tuple[list[Article], list[ReadError]]:
    """All readable articles and all errors, for callers that want a batch and a report."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for result in iter_articles(paths):
        if isinstance(result, Article):
            articles.append(result)
        else:
            errors.append(result)
    return articles, errors
