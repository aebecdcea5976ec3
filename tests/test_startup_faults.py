"""Start-up faults on a copy of the project: a missing, truncated or stale database is rebuilt with a
notice; a missing or broken source gives a clear message; nothing is written outside data/."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import ROOT

PROBE = """
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=120)
at.query_params["lang"] = "en"
at.switch_page("pages/" + sys.argv[1] + ".py").run()
print(json.dumps({
    "exceptions": [e.message for e in at.exception],
    "errors": [e.value for e in at.error],
    "infos": [i.value for i in at.info],
    "titles": [t.value for t in at.title],
}))
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a copy of the app (code, pages, data, config) whose data a test may break."""
    copy = tmp_path / "project"
    copy.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("app.py", "pages", "src", "data", ".streamlit"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(
            source, copy / name, **({"ignore": ignore} if source.is_dir() else {})
        )
    return copy


def _files(root: Path) -> dict[str, int]:
    return {
        str(path.relative_to(root)): path.stat().st_mtime_ns
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.relative_to(root).parts[0] != "data"
    }


def run(project: Path, page: str = "overview") -> dict:
    """Run one page of the copy in a fresh interpreter (its own `explorer`), return what it showed."""
    before = _files(project)
    env = {**os.environ, "PYTHONPATH": str(project / "src")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, page],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert _files(project) == before, "the app wrote outside data/"
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("damage", "notice"),
    [
        (lambda db: db.unlink(), "was missing"),
        (lambda db: db.write_bytes(db.read_bytes()[:4096]), "could not be read"),
        (lambda db: db.write_bytes(b"not a database at all"), "could not be read"),
    ],
    ids=["missing", "truncated", "garbage"],
)
def test_a_damaged_database_is_rebuilt_with_a_notice(project: Path, damage, notice):
    damage(project / "data" / "explorer.duckdb")
    shown = run(project)
    assert shown["exceptions"] == [] and shown["errors"] == []
    assert any(notice in info for info in shown["infos"])
    assert shown["titles"][0] == "Shenzhen's digital economy at a glance"
    assert not any(notice in info for info in run(project)["infos"]), "the rebuilt file is good: no second notice"


def test_a_stale_database_is_rebuilt_from_the_changed_sources(project: Path):
    figures = project / "data" / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("近万亿元", "近万亿元", 1) + "\n", encoding="utf-8")
    shown = run(project, "figures")
    assert shown["exceptions"] == []
    assert any("did not match its sources" in info for info in shown["infos"])


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda data: (data / "figures.csv").unlink(), "figures.csv"),
        (lambda data: (data / "benchmarks.csv").write_bytes(b"\xff\xfe\x00 broken"), "benchmarks.csv"),
        (
            lambda data: (data / "paper" / "shenzhen-digital-economy-2024.zh.txt").write_bytes(b"\xff\xfe\xfa"),
            "shenzhen-digital-economy-2024.zh.txt",
        ),
    ],
    ids=["missing-csv", "broken-csv", "unreadable-paper"],
)
def test_a_broken_source_gives_a_clear_message_not_a_traceback(project: Path, damage, named):
    damage(project / "data")
    (project / "data" / "explorer.duckdb").unlink()
    shown = run(project, "scenarios")
    assert shown["exceptions"] == []
    assert any(named in error and "python -m explorer.build" in error for error in shown["errors"])
