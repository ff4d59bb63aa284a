"""Parsing articles for the rules: a long article in parts, many articles in worker processes.

Two things go wrong with a plain ``nlp.pipe`` over a batch, and this module is there for both:

- spaCy refuses a text longer than ``nlp.max_length`` (E088, a million characters), and the error
  stopped the whole batch. A longer body is cut at paragraph breaks (else line breaks, sentence ends,
  spaces) into parts of at most :data:`PART_LENGTH` characters that join back to the body exactly, and
  each part is parsed (and later read by the rules) as an article of its own, starting at its offset
  in the body (see :func:`showgraph.core.ShowGraph.extract_articles`). Parts, not one ``Doc`` of the
  whole body: showgraph's domain components and rules take time that grows faster than the text
  (measured: 20,000 characters 2.5 s, 150,000 characters 2 minutes), so a part is kept to the size of
  a long feature. Any article that still cannot be parsed comes back as an error of its own, never the
  batch's.
- spaCy's worker processes outlived their parent (SIGKILL or SIGTERM of ``load -j 2``) and printed
  tracebacks on Ctrl-C. Workers here ignore SIGINT (the parent stops them), ask Linux to kill them when
  the parent dies (``PR_SET_PDEATHSIG``), and watch their parent on any system, leaving when it is gone.

>>> split_text("One.\\n\\nTwo.\\n\\nThree.\\n", 12)
['One.\\n\\nTwo.\\n\\n', 'Three.\\n']
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from showgraph.readers import Article

#: The longest part of an over-long article read at once (characters): a long feature's worth of context.
PART_LENGTH = 20_000
#: Articles spaCy parses in one pass (its own default, 1,000, holds that many parses' work at once).
BATCH = 32
#: Articles sent to a worker process at once.
CHUNK = 8
#: Where a long text may be cut, best first: after a blank line, a line break, a sentence end, a space.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)
#: Linux's prctl option that sends a signal to a process when its parent dies.
PR_SET_PDEATHSIG = 1
#: How often a worker checks that its parent is still there (seconds), where prctl is not to be had.
WATCH_INTERVAL = 1.0

#: One article's parse: (offset in the body, Doc of the text from there) for each part; one part, at 0,
#: unless the body is over spaCy's limit.
Parts = list[tuple[int, Doc]]
#: What parsing one article gives: its parts, or why it could not be parsed.
Parsed = tuple[Article, Parts | Exception]


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in parts of at most ``limit`` characters that join back to ``text`` exactly.

    Each cut falls at the last paragraph break in reach, else the last line break, sentence end or
    space, looking only in the second half of the reach (so parts are not needlessly small), else at
    ``limit`` itself (a run of text with no space at all).

    >>> split_text("Ab cd. Ef gh.", 8)
    ['Ab cd. ', 'Ef gh.']
    >>> split_text("abcdefgh", 3)
    ['abc', 'def', 'gh']
    """
    if limit < 1:
        raise ValueError(f"limit must be 1 or more, got {limit}")
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return parts


def make_doc(article: Article, nlp: Language) -> Doc:
    """The tokenised body with the headline set, as the domain components expect it."""
    doc = nlp.make_doc(article.body)
    doc._.title = article.title
    return doc


def parse_in_parts(article: Article, nlp: Language, limit: int = PART_LENGTH) -> Parts:
    """The parts of a body too long for spaCy, each parsed as an article with the same headline."""
    offsets, texts, at = [], [], 0
    for text in split_text(article.body, min(limit, nlp.max_length)):
        offsets.append(at)
        texts.append(text)
        at += len(text)
    # One part at a time: spaCy's default batch (1,000 texts) parsed all 61 parts of a 1.2 MB article in one
    # pass and took 4 GB; alone, each part needs what an article of its size does.
    docs = nlp.pipe((make_doc(replace(article, body=text), nlp) for text in texts), batch_size=1)
    return list(zip(offsets, docs, strict=True))


def parse_batch(articles: list[Article], nlp: Language) -> list[Parts | Exception]:
    """The parse of each article, or the error that stopped it: one bad article spoils nothing else."""
    results: list[Parts | Exception | None] = [None] * len(articles)
    short = [i for i, article in enumerate(articles) if len(article.body) <= nlp.max_length]
    try:
        docs = nlp.pipe([make_doc(articles[i], nlp) for i in short], batch_size=BATCH)
        for i, doc in zip(short, docs, strict=True):
            results[i] = [(0, doc)]
    except Exception:  # find the article at fault: parse them one at a time
        for i in short:
            results[i] = _parse_one(articles[i], nlp)
    for i, article in enumerate(articles):
        if results[i] is None:
            results[i] = _parse_one(article, nlp)
    return results  # type: ignore[return-value]


def _parse_one(article: Article, nlp: Language) -> Parts | Exception:
    try:
        if len(article.body) > nlp.max_length:
            return parse_in_parts(article, nlp)
        return [(0, nlp(make_doc(article, nlp)))]
    except Exception as error:  # reported against this article by the caller
        return error


def parse_articles(
    articles: Iterable[Article], nlp: Language, *, processes: int = 1, batch_size: int = BATCH
) -> Iterator[Parsed]:
    """Each article with its parse (or the error that stopped it), in order.

    ``processes`` > 1 parses in that many worker processes; they end with this generator (closed,
    finished or interrupted) and with this process (killed or not).
    """
    if processes <= 1:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from zip(batch, parse_batch(batch, nlp), strict=True)
                batch = []
        if batch:
            yield from zip(batch, parse_batch(batch, nlp), strict=True)
        return
    yield from _parse_in_workers(articles, nlp, processes)


def _parse_in_workers(articles: Iterable[Article], nlp: Language, processes: int) -> Iterator[Parsed]:
    """Chunks of articles parsed in a pool of workers, in order.

    A worker that dies (killed for memory) breaks the pool: a new one takes the chunks in hand. The chunk
    awaited when a pool breaks twice is tried an article at a time; an article awaited when a pool breaks
    twice is then parsed alone in a fresh pool and fails only if it kills that one too, so one article
    that kills its worker is one failed article, whatever was parsed beside it.
    """
    chunks = _chunks(articles, CHUNK)
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            processes, mp_context=context, initializer=_start_worker, initargs=(nlp, os.getpid())
        )

    pool = new_pool()
    # (articles, their future, how often a pool broke while they were awaited)
    pending: deque[tuple[list[Article], Future[list[Any]], int]] = deque()
    finished = False
    try:
        with _sigint_ignored():  # workers are forked on the first submit: they start deaf to Ctrl-C
            for chunk in _take(chunks, 2 * processes):
                pending.append((chunk, pool.submit(_parse_chunk, chunk), 0))
        while pending:
            chunk, future, breaks = pending.popleft()
            try:
                results: list[Any] = future.result()
            except BrokenProcessPool:
                breaks += 1
                pool.shutdown(wait=True, cancel_futures=True)
                if breaks >= 2 and len(chunk) == 1:
                    # Another article parsed beside it may have killed the pool: try this one alone, so only
                    # the article that kills its worker by itself fails.
                    with _sigint_ignored():
                        pool = new_pool()
                        alone = pool.submit(_parse_chunk, chunk)
                    try:
                        results = alone.result()
                    except BrokenProcessPool:
                        results = [f"the worker process parsing it died twice ({_DIED})"]
                        pool.shutdown(wait=True, cancel_futures=True)
                        with _sigint_ignored():
                            pool = new_pool()
                    with _sigint_ignored():
                        pending = deque((c, pool.submit(_parse_chunk, c), b) for c, _, b in pending)
                else:
                    retry = [(chunk, breaks)] if breaks < 2 else [([article], 0) for article in chunk]
                    retry += [(c, b) for c, _, b in pending]
                    with _sigint_ignored():
                        pool = new_pool()
                        pending = deque((c, pool.submit(_parse_chunk, c), b) for c, b in retry)
                    continue
            for chunk_next in _take(chunks, 1):
                pending.append((chunk_next, pool.submit(_parse_chunk, chunk_next), 0))
            for article, result in zip(chunk, results, strict=True):
                if isinstance(result, str):
                    yield article, RuntimeError(result)
                else:
                    yield article, [(offset, Doc(nlp.vocab).from_bytes(data)) for offset, data in result]
        finished = True
    finally:
        for _, future, _ in pending:
            future.cancel()
        if not finished:  # interrupted or closed early: the work in hand is not wanted
            _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


#: Why a worker dies mid-parse, most likely.
_DIED = "killed, most likely for lack of memory; load it alone, or with fewer --processes"


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _take(chunks: Iterator[list[Article]], n: int) -> list[list[Article]]:
    return [chunk for _, chunk in zip(range(n), chunks, strict=False)]


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored meanwhile, in the main thread (elsewhere signals cannot be set, nor arrive)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor has no public way to stop work in hand before Python 3.14.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()


# --- in the worker --------------------------------------------------------------------------------

_worker_nlp: Language | None = None


def _start_worker(nlp: Language, parent: int) -> None:
    """Runs first in each worker: keep the pipeline, leave Ctrl-C to the parent, die with the parent."""
    global _worker_nlp
    _worker_nlp = nlp
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` does: at once on Linux (the kernel sends SIGKILL), and within
    :data:`WATCH_INTERVAL` seconds anywhere (a thread watches who the parent is)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before prctl took hold: nobody wants our work
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="showgraph-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if os.getppid() != parent:
            os._exit(1)


def _parse_chunk(articles: list[Article]) -> list[Any]:
    """Parses, serialised for the trip back (a Doc does not pickle cheaply); an error as its message."""
    assert _worker_nlp is not None, "the worker was not started with _start_worker"
    out: list[Any] = []
    for result in parse_batch(articles, _worker_nlp):
        if isinstance(result, Exception):
            out.append(f"{type(result).__name__}: {result}")
        else:
            out.append([(offset, doc.to_bytes()) for offset, doc in result])
    return out
