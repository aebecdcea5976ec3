"""Shared fixtures: the model's parameters from the database, disposable copies of the data folder."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
from loaded import frames

from explorer import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """Return a copy of data/ (sources only, no database) that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb", "*.wal"))
    return target


@pytest.fixture(scope="session")
def params() -> pd.DataFrame:
    """Return the model's parameters as the app reads them from the database."""
    return frames()["parameters"]


@pytest.fixture(scope="session")
def outcomes() -> pd.DataFrame:
    """Return the model's outcomes with their labels, indexed by code, as the app reads them."""
    return frames()["outcomes"].set_index("code")


@pytest.fixture(scope="session")
def units() -> pd.DataFrame:
    """Return every unit with its labels, indexed by code, as the app reads them."""
    return frames()["units"].set_index("code")
