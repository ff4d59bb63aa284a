"""Help screens that read like a finished tool's: no type after a flag, plain argument names in usage.

Typer prints ``--help <bool>``, ``--quiet <bool>``, ``--relation <list[str]>`` and ``Usage: showgraph
load [OPTIONS] {paths}...``. These command classes keep Typer's layout and tidy those three things:
a flag shows no value type, a repeatable option shows the type of one value, and a required argument
is written ``PATHS...`` (an optional one ``[SPARQL]``), as Unix usage lines are.
"""

from __future__ import annotations

from typing import Any

import typer._click as click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


def tidy(param: Any) -> None:
    """Give a flag no metavar and a repeatable option its one value's type (``<str>``, not ``<list[str]>``)."""
    if not isinstance(param, TyperOption) or param.metavar is not None:
        return
    if param.is_flag:
        param.metavar = ""
    elif param.multiple:
        param.metavar = "<" + param.bare_type().removeprefix("list[").removesuffix("]") + ">"


def usage_name(argument: TyperArgument) -> str:
    """``PATHS...`` for a required list argument, ``[SPARQL]`` for an optional one."""
    name = (argument.metavar or argument.name or "").upper()
    if argument.nargs != 1:
        name += "..."
    return name if argument.required else f"[{name}]"


class ShowgraphCommand(TyperCommand):
    """A Typer command whose help shows no ``<bool>`` after flags and plain argument names in usage."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            tidy(param)

    def get_help_option(self, ctx: click.Context) -> Any:
        option = super().get_help_option(ctx)
        tidy(option)
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces += [usage_name(p) for p in self.get_params(ctx) if isinstance(p, TyperArgument)]
        return pieces


class ShowgraphGroup(TyperGroup):
    """The ``showgraph`` group: its own ``--help`` without ``<bool>``."""

    def get_help_option(self, ctx: click.Context) -> Any:
        option = super().get_help_option(ctx)
        tidy(option)
        return option
