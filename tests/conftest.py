"""Shared fixtures: the project's data folder and disposable copies of it."""

import shutil
from pathlib import Path

import pytest

from explorer import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """Return a copy of data/ (sources only, no database) that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb", "*.wal"))
    return target
