"""The rule-based nlp modules import cleanly on their own and in no cycle (issue 12: the word lists live in
``showgraph.nlp.lexicon``, so ``aliases``, ``context`` and ``entities`` no longer need each other both ways)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

NLP = Path(__file__).resolve().parent.parent / "src" / "showgraph" / "nlp"
#: The rule-based modules (the trained parts in ``learned/`` are another package's business).
MODULES = sorted(
    "showgraph.nlp." + ".".join(path.relative_to(NLP).with_suffix("").parts)
    for path in [*NLP.glob("*.py"), *(NLP / "relations").glob("*.py")]
    if path.name != "__init__.py"
)


def _imports(module: str, *, everywhere: bool) -> set[str]:
    """The showgraph.nlp modules ``module`` imports: at module level (``everywhere`` False; not under
    ``if TYPE_CHECKING``) or anywhere in it, functions included."""
    path = NLP.joinpath(*module.split(".")[2:]).with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: list[ast.AST] = []
    if everywhere:
        nodes = list(ast.walk(tree))
    else:
        pending = list(tree.body)
        while pending:
            node = pending.pop()
            nodes.append(node)
            if isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
                pending.extend([*node.body, *node.orelse])
            elif isinstance(node, ast.Try):
                pending.extend([*node.body, *node.orelse, *node.finalbody, *(s for h in node.handlers for s in h.body)])
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("showgraph.nlp"):
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found.update(name if name in MODULES else node.module for name in names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("showgraph.nlp"))
    return {name for name in found if name in MODULES and name != module}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (module -> modules it imports), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_level_import_cycle():
    graph = {module: _imports(module, everywhere=False) for module in MODULES}
    assert _cycle(graph) is None


def test_aliases_context_entities_import_each_other_one_way_only():
    # Function-level imports count here too: deferring an import was how the cycle used to be hidden.
    trio = {f"showgraph.nlp.{name}" for name in ("aliases", "context", "entities", "lexicon")}
    graph = {module: _imports(module, everywhere=True) & trio for module in trio}
    assert _cycle(graph) is None
    assert graph["showgraph.nlp.lexicon"] == set()


def test_lexicon_imports_nothing_of_showgraph():
    source = (NLP / "lexicon.py").read_text(encoding="utf-8")
    imports = [ast.unparse(n) for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not [line for line in imports if "showgraph" in line]


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone(module: str):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
