"""The layers of macros/ hold: what each module imports (module level and inside functions), read from its source.

core is the model and the checks, with no idea of pages or of MkDocs; render turns the model into page
HTML; plugin runs them inside MkDocs; tools are the commands around the build (`python -m macros …`).
    core    imports nothing of render, plugin or tools
    render  imports core only
    plugin  imports core and render
    tools   import core and render; of plugin only the engine adapter (macros/plugin/engine.py, the
            one way to run the engine: tests/test_engine.py holds that no other module names it) and
            the checks the build runs (PLUGIN_FOR_TOOLS)
and no module imports itself back through others (no import cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "macros"
LAYERS = ("core", "render", "plugin", "tools")
ALLOWED = {  # layer -> the layers it may import (besides itself)
    "core": set(),
    "render": {"core"},
    "plugin": {"core", "render"},
    "tools": {"core", "render"},
}
# A tool may use a plugin module only to run the build's own checks without a build (`make validate`
# reports what the build would), or to measure the plugin (the benchmark times the macros).
ADAPTER = "macros.plugin.engine"
PLUGIN_FOR_TOOLS = {
    ("macros.tools.validate", "macros.plugin.i18n"),
    ("macros.tools.validate", "macros.plugin.security"),
    ("macros.tools.bench", "macros.plugin.entry"),
    ("macros.tools.bench", "macros"),  # mkdocs-macros reads define_env from the package: timed there too
}
def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The macros modules `name` imports anywhere in its source (`from x import y` names x.y when y is a module)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, *([node.module] if node.module else [])])
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names}
    return {m for m in found if m == "macros" or m.startswith("macros.")}


def layer(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_is_in_a_layer():
    """Besides the package's entry points (macros/__init__.py for mkdocs-macros, __main__.py the CLI)."""
    assert {m for m in MODULES if layer(m) is None} == {"macros", "macros.__main__"}


@pytest.mark.parametrize("source", LAYERS)
def test_each_layer_imports_only_the_layers_below_it(source):
    wrong = sorted(
        f"{name} imports {target}"
        for name in MODULES
        if layer(name) == source
        for target in imports_of(name)
        if layer(target) != source
        and layer(target) not in ALLOWED[source]
        and (name, target) not in PLUGIN_FOR_TOOLS
        and not (source == "tools" and target == ADAPTER)
    )
    assert not wrong, "\n".join(wrong)


def test_the_exceptions_are_still_needed():
    """An exception that no longer happens is taken off its list, so that the rule tightens."""
    assert {(n, t) for n, t in PLUGIN_FOR_TOOLS if t in imports_of(n)} == PLUGIN_FOR_TOOLS


def test_no_import_cycles():
    """No cycle in the import graph (module-level and function-level imports alike). A depth-first walk
    finds a way back to a module on its path whenever there is a cycle; each found is reported."""
    graph = {name: sorted(t for t in imports_of(name) if t in MODULES and t != name) for name in MODULES}
    cycles: set[tuple[str, ...]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                first = cycle.index(min(cycle))
                cycles.add(tuple(cycle[first:] + cycle[:first]))
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name)
    assert not cycles, "\n".join(" -> ".join([*c, c[0]]) for c in sorted(cycles))
