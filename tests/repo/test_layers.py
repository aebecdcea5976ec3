"""The layer rules of src/explorer, checked on every module's imports (one concept per module, one package per feature).

- model imports nothing of the app but itself and core.vocab, and no streamlit or duckdb;
- core imports nothing of the app but core, and no streamlit or duckdb;
- charts import only core and charts;
- features never import the shell, streamlit or duckdb, nor the cached loaders, except their cache module;
- data and console never import features or the shell.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from explorer import ROOT

SOURCE = ROOT / "src" / "explorer"


def app(*packages: str) -> tuple[str, ...]:
    """Return the dotted names of the app's own packages or modules (written short, as the layer rules read)."""
    return tuple(f"explorer.{name}" for name in packages)


PURE = ("streamlit", "duckdb")
# package -> (names it may not import, module stems exempt from that)
RULES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "model": (PURE + app("core.settings", "core.i18n", "core.formatting", "core.compact", "core.paper", "data",
                         "console", "charts", "features", "shell"), frozenset()),
    "core": (PURE + app("data", "console", "model", "charts", "features", "shell"), frozenset()),
    "charts": (PURE + app("data", "console", "model", "features", "shell"), frozenset()),
    "features": (PURE + app("shell", "data.loaders", "data.startup"), frozenset({"cache"})),
    "data": (app("features", "shell"), frozenset()),
    "console": (("streamlit",) + app("features", "shell"), frozenset()),
}  # fmt: skip


def imported(text: str) -> set[str]:
    """Return every dotted name a module's source imports (a module and, for `from m import n`, also `m.n`)."""
    names = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def broken_rules(package: str, stem: str, text: str) -> list[str]:
    """Return the imports of one module of `package` that its layer forbids."""
    forbidden, exempt = RULES[package]
    if stem in exempt:
        return []
    return sorted(name for name in imported(text) for root in forbidden if name == root or name.startswith(f"{root}."))


MODULES = [path for package in RULES for path in sorted((SOURCE / package).rglob("*.py"))]


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(SOURCE)))
def test_a_module_imports_only_what_its_layer_allows(path: Path):
    package = path.relative_to(SOURCE).parts[0]
    assert broken_rules(package, path.stem, path.read_text(encoding="utf-8")) == []


def test_every_package_has_a_rule():
    packages = {path.name for path in SOURCE.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert packages - set(RULES) == {"shell"}  # the shell composes everything


@pytest.mark.parametrize(
    ("package", "stem", "text", "expected"),
    [
        ("features", "view", "import streamlit as st", ["streamlit"]),
        ("features", "view", "from explorer.data import loaders", ["explorer.data.loaders"]),
        ("features", "cache", "import streamlit as st\nfrom explorer.data import loaders", []),
        ("features", "view", "from explorer.shell.ui import t", ["explorer.shell.ui", "explorer.shell.ui.t"]),
        ("model", "channels", "from explorer.core import vocab, i18n", ["explorer.core.i18n"]),
        ("data", "build", "from explorer.features.targets import progress", ["explorer.features.targets",
                                                                             "explorer.features.targets.progress"]),
        ("core", "formatting", "import duckdb", ["duckdb"]),
    ],
)  # fmt: skip
def test_the_rules_see_a_forbidden_import(package, stem, text, expected):
    assert broken_rules(package, stem, text) == expected
