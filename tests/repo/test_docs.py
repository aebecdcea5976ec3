"""Docs that cannot drift: every generated block is current (tools/docs.py), and the prose names real settings."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import ROOT
from explorer.core import settings

spec = importlib.util.spec_from_file_location("docs_tool", ROOT / "tools" / "docs.py")
docs_tool = sys.modules["docs_tool"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(docs_tool)


def test_every_generated_block_is_current():
    assert docs_tool.stale(ROOT) == [], "run `python -m tools.docs` and commit the result"


def test_the_check_command_passes_on_the_committed_docs():
    run = subprocess.run([sys.executable, "-m", "tools.docs", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert (run.returncode, run.stdout) == (0, "")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """Return a folder holding copies of every file with a generated block."""
    for file, _ in docs_tool.BLOCKS:
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / file, tmp_path / file)
    return tmp_path


def test_a_hand_edit_inside_a_block_is_stale_and_the_tool_restores_it(copy: Path):
    readme = copy / "README.md"
    edited = readme.read_text(encoding="utf-8").replace("- `gateway.py` — ", "- `gateway.py` — (edited) ", 1)
    readme.write_text(edited, encoding="utf-8")
    console = copy / "docs" / "console.md"
    console.write_text(console.read_text(encoding="utf-8").replace("| `3.0` |", "| `5.0` |"), encoding="utf-8")
    assert docs_tool.stale(copy) == ["README.md: layout", "docs/console.md: settings"]
    assert docs_tool.stale(copy, write=True) == ["README.md: layout", "docs/console.md: settings"]
    assert readme.read_text(encoding="utf-8") == (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs_tool.stale(copy) == []


def test_missing_markers_are_an_error(copy: Path):
    (copy / "README.md").write_text("# Title\n\nNo layout block.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no block 'layout'"):
        docs_tool.stale(copy)


def test_the_layout_holds_each_modules_docstring_under_its_package():
    layout = docs_tool.layout().splitlines()
    assert layout[0].startswith("- `app.py` — Entry point of the Shenzhen digital-economy policy explorer")
    assert (
        "    - `gateway.py` — Data gateway: the only module that opens the DuckDB file (read-only) and holds the app's"
        " SQL." in layout
    )
    data = layout.index(next(line for line in layout if line.startswith("  - `data/` — ")))
    assert layout[data + 1].startswith("    - `build.py` — Build data/explorer.duckdb")
    assert "  - `scenarios.py` — Scenarios: move the paper's three policy levers" in "\n".join(layout)


def test_a_module_without_a_docstring_stops_the_tool(tmp_path: Path):
    (tmp_path / "quiet.py").write_text("X = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs a docstring"):
        docs_tool.summary(tmp_path / "quiet.py")


def test_the_console_notes_name_only_real_settings():
    named = set(re.findall(r"EXPLORER_[A-Z_]*[A-Z]", (ROOT / "docs" / "console.md").read_text(encoding="utf-8")))
    assert named - {name for name, _, _ in settings.describe()} == {"EXPLORER_SQL"}  # EXPLORER_SQL_* names a group
