"""Every view and the formatting it uses are pure: no Streamlit, no cache, no database, no shell."""

import ast
from pathlib import Path

import pytest

from explorer import settings

SOURCE = settings.ROOT / "src" / "explorer"
PURE = sorted((SOURCE / "views").glob("*.py")) + [SOURCE / "formatting.py"]
FORBIDDEN = (
    "streamlit",
    "duckdb",
    "explorer.ui",
    "explorer.notices",
    "explorer.cached",
    "explorer.db",
    "explorer.startup",
)


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


@pytest.mark.parametrize("path", PURE, ids=lambda path: path.name)
def test_a_view_imports_nothing_that_draws_caches_or_queries(path):
    bad = sorted(name for name in imported(path) for root in FORBIDDEN if name == root or name.startswith(f"{root}."))
    assert bad == []


def test_the_check_sees_imports():
    assert "streamlit" in imported(SOURCE / "ui.py")
