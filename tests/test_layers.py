"""The import graph of src/quorum runs one way, as docs/layers.md draws it.

Every module of the package belongs to one layer; a module imports only its
own layer and those below (imports made for type checking included: they tie
the modules as much as the others), the graph has no circle, and no module
imports another module's private (``_``) name.  The checks read the sources
with :mod:`ast`; nothing is imported.
"""

from __future__ import annotations

import ast
import fnmatch
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

# From the bottom up, as docs/layers.md lists them; a pattern names modules.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("quorum.errors", "quorum._french", "quorum._views", "quorum._lookup")),
    ("rules", ("quorum.rules",)),
    ("model", ("quorum.model",)),
    ("engine", ("quorum.engine",)),
    ("json", ("quorum.jsonio",)),
    ("reading and display", ("quorum.reader", "quorum.reader.*", "quorum.display")),
    ("audit", ("quorum.auditing", "quorum._audit_*")),
    ("outputs", ("quorum.plot", "quorum.writer", "quorum.scdl", "quorum.batch")),
    ("interfaces", ("quorum", "quorum.__main__", "quorum.cli", "quorum._cli_*")),
)
CORE = ("base", "rules", "model", "engine")


def _modules(root: Path) -> dict[str, Path]:
    """Module name → file, for every module under ``root``."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, source: str, modules: Mapping[str, object], package: bool
             ) -> Iterator[tuple[str, str | None, int]]:
    """(module imported, name taken from it or None, line) for each import of the package."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "quorum":
                    yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = name.split(".") if package else name.split(".")[:-1]
                here = here[:len(here) - node.level + 1]
                base = ".".join([*here, base] if base else here)
            if base.split(".")[0] != "quorum":
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in modules:
                    yield submodule, None, node.lineno
                else:
                    yield base, alias.name, node.lineno


def _layer(name: str) -> int:
    for index, (_, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
            return index
    raise LookupError(name)


def _graph(sources: Mapping[str, str], packages: frozenset[str] = frozenset()
           ) -> dict[str, list[tuple[str, str | None, int]]]:
    return {name: list(_imports(name, source, sources, name in packages))
            for name, source in sources.items()}


def violations(sources: Mapping[str, str], packages: frozenset[str] = frozenset()) -> list[str]:
    """What breaks the layers: an unplaced module, an import upwards, a private name taken."""
    found = []
    for name, edges in _graph(sources, packages).items():
        try:
            layer = _layer(name)
        except LookupError:
            found.append(f"{name}: in no layer of tests/test_layers.py and docs/layers.md")
            continue
        for target, taken, line in edges:
            try:
                above = _layer(target) > layer
            except LookupError:
                above = False  # reported as unplaced, or not a module of the package
            if above:
                found.append(f"{name}:{line} imports {target}, a higher layer "
                             f"({LAYERS[_layer(target)][0]} above {LAYERS[layer][0]})")
            if taken is not None and taken.startswith("_") and not taken.startswith("__"):
                found.append(f"{name}:{line} imports the private name {taken} of {target}")
    return found


def circles(sources: Mapping[str, str], packages: frozenset[str] = frozenset()) -> list[str]:
    """A module of each circle of imports (depth-first search over the import graph)."""
    graph = {name: {t for t, _, _ in edges if t in sources and t != name}
             for name, edges in _graph(sources, packages).items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    found: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                found.append(f"{name} -> {target}")
            elif target not in state:
                visit(target)
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    return found


def _package() -> tuple[dict[str, str], frozenset[str]]:
    modules = _modules(SRC)
    sources = {name: path.read_text(encoding="utf-8") for name, path in modules.items()}
    packages = frozenset(n for n, p in modules.items() if p.name == "__init__.py")
    return sources, packages


def test_every_import_runs_down_the_layers() -> None:
    assert violations(*_package()) == []


def test_the_import_graph_has_no_circle() -> None:
    assert circles(*_package()) == []


def test_the_core_imports_nothing_above_it() -> None:
    sources, packages = _package()
    core = {name for name in sources if LAYERS[_layer(name)][0] in CORE}
    assert {"quorum.model", "quorum.engine", "quorum.rules"} <= core
    above = [(name, target) for name in sorted(core)
             for target, _, _ in _graph(sources, packages)[name]
             if target in sources and LAYERS[_layer(target)][0] not in CORE]
    assert above == []


def test_the_layers_page_names_every_layer() -> None:
    page = (SRC.parent / "docs" / "layers.md").read_text(encoding="utf-8")
    for layer, patterns in LAYERS:
        assert layer in page, layer
        for pattern in patterns:
            assert f"`{pattern}`" in page, pattern


# -- the checks can fail -------------------------------------------------------------------


def _fake(**modules: str) -> dict[str, str]:
    return {name.replace("__", "."): textwrap.dedent(source) for name, source in modules.items()}


def test_an_import_upwards_is_caught_even_for_type_checking_only() -> None:
    sources = _fake(quorum__model="""
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from quorum.engine import Replay
        """, quorum__engine="from quorum.model import Sitting\n")
    assert violations(sources) == [
        "quorum.model:4 imports quorum.engine, a higher layer (engine above model)"]
    assert circles(sources) == ["quorum.model -> quorum.engine"]


def test_an_import_inside_a_function_is_caught() -> None:
    sources = _fake(quorum__engine="""
        def text(replay):
            from quorum.display import replay_text
            return replay_text(replay)
        """, quorum__display="x = 1\n")
    assert violations(sources) == [
        "quorum.engine:3 imports quorum.display, a higher layer "
        "(reading and display above engine)"]


def test_a_private_name_taken_from_another_module_is_caught() -> None:
    sources = _fake(quorum__plot="from quorum.engine import _merge, merge_spans\n",
                    quorum__engine="def _merge(): ...\n")
    assert violations(sources) == ["quorum.plot:1 imports the private name _merge of quorum.engine"]


def test_a_relative_import_and_an_unplaced_module_are_caught() -> None:
    sources = _fake(quorum__rules="from .auditing import CODES\n", quorum__auditing="",
                    quorum__newcomer="")
    assert violations(sources) == [
        "quorum.rules:1 imports quorum.auditing, a higher layer (audit above rules)",
        "quorum.newcomer: in no layer of tests/test_layers.py and docs/layers.md"]


@pytest.mark.parametrize("name", ["quorum.reader._names", "quorum._audit_checks", "quorum"])
def test_private_modules_and_the_package_have_a_layer(name: str) -> None:
    assert _layer(name) >= 0
