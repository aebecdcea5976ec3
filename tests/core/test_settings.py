"""Settings: every one documented, each overridable by its environment variable, typos refused."""

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from explorer.core import settings
from explorer.core.settings import Settings


def test_every_setting_has_a_default_and_a_help_text():
    undocumented = [item.name for item in fields(Settings) if len(item.metadata.get("help", "").split()) < 3]
    assert undocumented == []
    assert [name for name, _, _ in settings.describe()] == [
        f"EXPLORER_{item.name.upper()}" for item in fields(Settings)
    ]


def test_the_defaults_are_the_projects_own_files():
    chosen = Settings.from_env({})
    assert chosen == settings.DEFAULTS
    assert chosen.data_dir == settings.ROOT / "data"
    assert chosen.db_path.is_file() and chosen.paper_path.is_file()


def test_each_variable_overrides_its_setting_with_its_type(tmp_path: Path):
    chosen = Settings.from_env(
        {
            "EXPLORER_DATA_DIR": str(tmp_path),
            "EXPLORER_DB_FILE": "other.duckdb",
            "EXPLORER_SQL_MAX_ROWS": "50",
            "EXPLORER_SQL_TIMEOUT_S": "0.5",
            "PATH": "/usr/bin",
        }
    )
    assert chosen.db_path == tmp_path / "other.duckdb"
    assert chosen.sql_max_rows == 50 and chosen.sql_timeout_s == 0.5
    assert chosen.sql_max_bytes == settings.DEFAULTS.sql_max_bytes


@pytest.mark.parametrize(
    ("environ", "named"),
    [({"EXPLORER_DATADIR": "/tmp"}, "EXPLORER_DATADIR"), ({"EXPLORER_SQL_MAX_ROWS": "many"}, "EXPLORER_SQL_MAX_ROWS")],
    ids=["unknown-name", "not-a-number"],
)
def test_a_misspelt_or_mistyped_variable_fails_loudly(environ, named):
    with pytest.raises(ValueError, match=named):
        Settings.from_env(environ)


def test_current_reads_the_environment_now(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path))
    assert settings.current().data_dir == tmp_path


def test_the_command_prints_every_setting_as_a_markdown_row():
    run = subprocess.run([sys.executable, "-m", "explorer.core.settings"], capture_output=True, text=True, check=True)
    assert run.stderr == ""  # no runpy warning: the package does not import settings before running it
    lines = run.stdout.strip().splitlines()
    assert lines[:2] == ["| variable | default | what it sets |", "|---|---|---|"]
    assert lines[2] == "| `EXPLORER_DATA_DIR` | `data` | folder of the CSV sources, the paper and the built database |"
    assert (
        "| `EXPLORER_SQL_TIMEOUT_S` | `3.0` | seconds a console query may run before its process is killed |" in lines
    )
    assert len(lines) == 2 + len(fields(Settings))
