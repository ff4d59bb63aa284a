"""``showgraph load PATH...``: read, extract, validate and store articles."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console

from showgraph.cli.options import EndpointOption, ModelOption, ProcessesOption, StoreOption, fail, open_graph
from showgraph.cli.progress import progress_bar
from showgraph.errors import ShowgraphError


def load(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders or globs (.txt .md .html .jsonl).")],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    model: ModelOption = None,
    processes: ProcessesOption = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar (none is drawn unless standard error is a terminal).")
    ] = False,
) -> None:
    """Load articles into the graph: one named graph per article, replacing what it had before.

    Exits 1 if any input failed (each is named), after storing the others.
    """
    console = Console(stderr=True)
    try:
        with (
            _sigterm_stops(),
            open_graph(store, endpoint, model, processes, create=True) as graph,
            progress_bar("loading", quiet=quiet) as report_progress,
        ):
            report = graph.load(paths, progress=report_progress)
    except ShowgraphError as error:
        raise fail(str(error)) from error
    except KeyboardInterrupt:  # stopped before anything was stored (reading, or the model loading)
        console.print("stopped: nothing was stored", style="red", markup=False, highlight=False)
        raise typer.Exit(130) from None
    for failure in report.failures:
        console.print(failure.line(), style="red", markup=False, highlight=False, soft_wrap=True)
    print(
        f"{report.articles} articles loaded, {report.facts} facts, {report.stored} claims stored, "
        f"{report.quarantined} quarantined, {len(report.failures)} failed"
    )
    for reason, count in report.quarantine_reasons().most_common():
        print(f"  quarantined {count}x: {reason}")
    if report.interrupted:
        console.print(
            f"stopped: {report.articles} articles were stored whole, {report.not_reached} not reached; "
            "load the same paths again to finish (stored articles are replaced, not doubled)",
            style="red",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(130)
    if report.failures:  # a script must see that something was not stored, as with `extract`
        failed, inputs = len(report.failures), len(report.failures) + report.articles
        kept = "nothing was stored" if not report.outcomes else f"the other {report.articles} were stored"
        console.print(
            f"{failed} of {inputs} inputs failed (listed above); {kept}", style="red", markup=False, highlight=False
        )
        raise typer.Exit(1)


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    """SIGTERM stops the load as Ctrl-C does: workers end, and what was stored is reported."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def register(app: typer.Typer) -> None:
    app.command()(load)
