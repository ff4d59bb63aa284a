"""Queries that cannot sink the server: each runs in a thread of its own under a time and a row limit,
at most ``max_queries`` at once, and is abandoned when its time is up or its client goes away.

Why threads of their own: a query blocked in the engine cannot be interrupted from Python, and one
run in the server's shared thread pool would hold a thread the page and the other routes need. Here
a query's thread holds one of ``max_queries`` slots until the engine lets go (its limits are checked
at every result row), while the request is answered at the time limit; when every slot is held, new
queries wait for one until their time is up and are then told the server is busy. The page,
``/health`` and the other routes need no slot, so they keep answering.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.requests import Request

from showgraph.errors import QueryTimeoutError
from showgraph.store import QueryLimits

T = TypeVar("T")

#: How often a query waiting for a slot looks again (seconds).
_SLOT_POLL = 0.02
#: The stack of a query thread (bytes; address space, touched only as used). Oxigraph parses and
#: evaluates by recursion, about 1-2 kB a level: in an 8 MB stack 10,000 nested braces or ``!`` (a 10 kB
#: query) overflow it and kill the whole server. With this one, a query of sparql.MAX_QUERY_BYTES fits.
QUERY_STACK = 1 << 30
_stack_lock = threading.Lock()


@dataclass(frozen=True)
class QueryPolicy:
    """What the server lets one query do: seconds, result rows, queries at once, SERVICE endpoints.

    >>> QueryPolicy(timeout=0)
    Traceback (most recent call last):
    ValueError: timeout must be more than 0 seconds, got 0
    """

    timeout: float = 10.0
    max_rows: int = 100_000
    max_queries: int = 4
    allow_service: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError(f"timeout must be more than 0 seconds, got {self.timeout}")
        if self.max_rows < 1 or self.max_queries < 1:
            raise ValueError(f"max_rows and max_queries must be 1 or more, got {self.max_rows}, {self.max_queries}")


class ServerBusyError(Exception):
    """Every query slot stayed taken until the query's time was up."""


class ClientGoneError(Exception):
    """The client closed the connection before the answer was ready."""


class QueryRunner:
    """Runs blocking query work (``work(limits)``) under a :class:`QueryPolicy`; see the module."""

    def __init__(self, policy: QueryPolicy) -> None:
        self.policy = policy
        self._lock = threading.Lock()
        self._running = 0
        self._waiting = 0
        self._live: set[QueryLimits] = set()
        self._stopping = False

    @property
    def running(self) -> int:
        """Query threads still at work, abandoned ones included."""
        return self._running

    @property
    def waiting(self) -> int:
        """Queries waiting for a slot."""
        return self._waiting

    def cancel_all(self) -> None:
        """The server is stopping: every running query stops at its next row, none starts.

        Called from a signal handler too, so it takes no lock (the interrupted thread may hold it);
        copying a set is one step under the GIL.
        """
        self._stopping = True
        for limits in self._live.copy():
            limits.cancel()

    def _take_slot(self) -> bool:
        with self._lock:
            if self._running >= self.policy.max_queries:
                return False
            self._running += 1
            return True

    def _give_slot(self, limits: QueryLimits) -> None:
        with self._lock:
            self._running -= 1
            self._live.discard(limits)

    async def run(self, request: Request, work: Callable[[QueryLimits], T]) -> T:
        """``work(limits)`` in a query thread; its result, or its exception, or QueryTimeoutError at the
        time limit, ServerBusyError if no slot came free in time, ClientGoneError if the client left."""
        limits = QueryLimits(timeout=self.policy.timeout, max_rows=self.policy.max_rows)
        with self._lock:
            self._waiting += 1
        try:
            while self._stopping or not self._take_slot():
                if self._stopping:
                    raise ServerBusyError("the server is stopping; try again when it is back")
                if limits.remaining() == 0:
                    raise ServerBusyError(
                        f"the server is busy: all {self.policy.max_queries} query slots stayed taken for "
                        f"{self.policy.timeout:g} s; try again shortly"
                    )
                if await request.is_disconnected():
                    raise ClientGoneError("the client went away while the query waited for a slot")
                await asyncio.sleep(_SLOT_POLL)
        finally:
            with self._lock:
                self._waiting -= 1
        with self._lock:
            self._live.add(limits)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def settle(value: Any, error: BaseException | None) -> None:
            if future.done():
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(value)

        def target() -> None:
            value: Any = None
            error: BaseException | None = None
            try:
                value = work(limits)
            except BaseException as exc:  # handed to the request, which answers it
                error = exc
            finally:
                self._give_slot(limits)
            with contextlib.suppress(RuntimeError):  # the loop has closed: the server is gone
                loop.call_soon_threadsafe(settle, value, error)

        try:
            _start_thread(target)
        except BaseException:  # no thread (out of memory for its stack?): the slot was never used
            self._give_slot(limits)
            raise
        gone = asyncio.ensure_future(_disconnected(request))
        try:
            done, _ = await asyncio.wait({future, gone}, timeout=limits.remaining(), return_when="FIRST_COMPLETED")
        finally:
            gone.cancel()
            if not future.done():  # time is up, the client left, or this request was cancelled
                limits.cancel()
        if future in done:
            return future.result()
        future.add_done_callback(_drop_outcome)
        if gone in done:
            raise ClientGoneError("the client went away")
        raise QueryTimeoutError(
            f"the query ran longer than {self.policy.timeout:g} s, the server's time limit, and was stopped; "
            "narrow it or add LIMIT"
        )


def _start_thread(target: Callable[[], None]) -> None:
    """Start a daemon query thread with a :data:`QUERY_STACK` stack (the size is process-wide, so it is
    set for this one start and put back)."""
    with _stack_lock:
        previous = threading.stack_size(QUERY_STACK)
        try:
            threading.Thread(target=target, name="showgraph-query", daemon=True).start()
        finally:
            threading.stack_size(previous)


async def _disconnected(request: Request) -> None:
    """Returns when the client disconnects (the request body has been read before)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


def _drop_outcome(future: asyncio.Future[Any]) -> None:
    """Mark an abandoned query's outcome as seen, so asyncio does not log it as never retrieved."""
    if not future.cancelled():
        future.exception()
