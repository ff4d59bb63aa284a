"""Progress for the slow commands: a bar with the time left on a terminal, nothing at all elsewhere.

Loading 46 articles takes a minute and validating them several seconds; a person at a terminal
wants to see it move and how long is left. Into a pipe, a file or a test, the bar would be noise (and rich
leaves a blank line), so it is not drawn: a command's output stays only its output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

#: Called with (done, total) as work goes on.
Report = Callable[[int, int], None]


def _silent(done: int, total: int) -> None:
    return None


def shown(quiet: bool = False) -> bool:
    """Whether to draw progress: not asked to be quiet, and standard error is a terminal."""
    return not quiet and Console(stderr=True).is_terminal


def _live(columns: tuple) -> Progress:
    """The bar on standard error; what the command prints to a terminal goes above it, and what it
    prints into a pipe or file stays there (never moved to standard error)."""
    return Progress(*columns, console=Console(stderr=True), transient=True, redirect_stdout=sys.stdout.isatty())


@contextmanager
def progress_bar(label: str, *, quiet: bool = False) -> Iterator[Report]:
    """A bar (done/total, elapsed, time left) on a terminal's standard error; a no-op otherwise."""
    if not shown(quiet):
        yield _silent
        return
    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with _live(columns) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
