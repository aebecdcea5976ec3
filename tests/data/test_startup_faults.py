"""Start-up faults, in-process on a disposable data folder (EXPLORER_DATA_DIR): what a reader sees for each."""

import errno
import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from apptest import run_page

from explorer import DB_PATH
from explorer.core.i18n import t
from explorer.data import build, loaders
from explorer.data import gateway as db


@pytest.fixture
def data(data_copy: Path, monkeypatch) -> Path:
    """Serve the app from a copy of data/ with a good database, as a freshly started process would."""
    shutil.copy(DB_PATH, data_copy / DB_PATH.name)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(data_copy))
    st.cache_resource.clear()
    yield data_copy
    st.cache_resource.clear()  # the next test (and the rest of the suite) starts a new "process"


@pytest.fixture
def builds(monkeypatch) -> list[Path]:
    """Count the builds start-up runs (each call's target file)."""
    calls: list[Path] = []
    real_build = build.build

    def counted(db_path: Path, data_dir: Path) -> str:
        calls.append(db_path)
        return real_build(db_path, data_dir)

    monkeypatch.setattr(build, "build", counted)
    return calls


def shown(page: str = "overview") -> dict[str, list[str]]:
    """Open a page in English in a new session; return its texts by kind (fails on an exception)."""
    at = run_page(page, lang="en")
    return {
        "titles": [element.value for element in at.title],
        "infos": [element.value for element in at.info],
        "warnings": [element.value for element in at.warning],
        "errors": [element.value for element in at.error],
        "codes": [element.value for element in at.code],
        "markdown": [element.value for element in at.markdown] + [element.value for element in at.caption],
    }


def _cut_in_half(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _append_line(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


OVERVIEW_TITLE = t("overview.title", "en")


@pytest.mark.parametrize(
    ("damage", "state"),
    [
        (lambda db_file: db_file.unlink(), "missing"),
        (lambda db_file: db_file.write_bytes(db_file.read_bytes()[:4096]), "unreadable"),
        (_cut_in_half, "unreadable"),
        (lambda db_file: db_file.write_bytes(b"not a database at all"), "unreadable"),
    ],
    ids=["missing", "truncated", "half", "garbage"],
)
def test_a_damaged_database_is_rebuilt_once_with_a_notice(data: Path, builds, damage, state):
    damage(data / DB_PATH.name)
    before = {path.name for path in data.iterdir()} | {DB_PATH.name}
    project_db = DB_PATH.stat().st_mtime_ns
    first = shown()
    assert first["errors"] == [] and first["titles"][0] == OVERVIEW_TITLE
    assert t(f"notice.rebuilt.{state}", "en") in first["infos"]
    assert shown("figures")["errors"] == [] and builds == [data / DB_PATH.name], "one build per process"
    assert {path.name for path in data.iterdir()} == before, "nothing but the database is written"
    assert DB_PATH.stat().st_mtime_ns == project_db
    st.cache_resource.clear()  # a new process finds the rebuilt file good: no notice, no build
    assert shown()["infos"] == [] and len(builds) == 1


def test_a_stale_database_is_rebuilt_from_the_changed_sources(data: Path):
    _append_line(data / "figures.csv")
    assert t("notice.rebuilt.stale", "en") in shown("figures")["infos"]


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda folder: (folder / "figures.csv").unlink(), "figures.csv"),
        (lambda folder: (folder / "benchmarks.csv").write_bytes(b"\xff\xfe\x00 broken"), "benchmarks.csv"),
        (
            lambda folder: (folder / "paper" / "shenzhen-digital-economy-2024.zh.txt").write_bytes(b"\xff\xfe\xfa"),
            "shenzhen-digital-economy-2024.zh.txt",
        ),
    ],
    ids=["missing-csv", "broken-csv", "unreadable-paper"],
)
def test_a_broken_source_and_no_database_gives_a_message_with_the_detail_as_code(data: Path, builds, damage, named):
    damage(data)
    (data / DB_PATH.name).unlink()
    for _ in range(3):
        page = shown("scenarios")
        assert page["errors"] == [t("error.data_unavailable", "en")]
        assert any(named in code for code in page["codes"])
        assert page["titles"] == []
    assert len(builds) <= 1, "no rebuild attempt per page load"
    everything = " ".join(text for texts in page.values() for text in texts)
    assert "python -m" not in everything and str(data) not in everything, "no operator command or server path"


@pytest.mark.parametrize("damage", ["missing", "broken", "markdown"])
def test_a_broken_source_beside_a_readable_database_serves_the_database_with_a_notice(data: Path, damage):
    figures = data / "figures.csv"
    if damage == "missing":
        figures.unlink()
    elif damage == "broken":
        figures.write_bytes(b"\xff\xfe\x00 broken")
    else:
        lines = figures.read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        row = lines[1].split(",")
        row[header.index("value")] = "[x](http://example.org/x.png)"
        figures.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")
    page = shown()
    assert page["titles"][0] == OVERVIEW_TITLE and page["errors"] == []
    assert t("notice.sources_broken", "en") in page["warnings"]
    assert any("figures.csv" in code for code in page["codes"])
    if damage == "markdown":
        assert any("[x](http://example.org/x.png)" in code for code in page["codes"])
        assert not any("example.org" in text for text in page["markdown"] + page["warnings"]), "never as Markdown"


def test_a_read_only_data_folder_is_served_from_a_temporary_build(data: Path, monkeypatch):
    # Root (which runs these tests) ignores file modes, so chmod cannot make the folder read-only:
    # a stand-in for build() refuses writes into the data folder as a read-only mount does (EROFS).
    real_build = build.build

    def read_only(db_path: Path, data_dir: Path) -> str:
        if db_path.parent == data:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_build(db_path, data_dir)

    monkeypatch.setattr(build, "build", read_only)
    (data / DB_PATH.name).write_bytes(b"garbage")
    page = shown("figures")
    assert page["errors"] == [] and page["titles"]
    assert t("notice.rebuilt_temporary", "en") in page["infos"]
    assert (data / DB_PATH.name).read_bytes() == b"garbage"
    shutil.rmtree(loaders.database().startup.path.parent)


def test_a_database_deleted_while_the_app_runs_gives_a_message(data: Path):
    assert shown()["errors"] == []
    (data / DB_PATH.name).unlink()
    page = shown("data")
    assert page["errors"] == [t("error.data_unavailable", "en")]


def test_a_failing_loader_gives_a_translated_message_not_a_traceback(data: Path, monkeypatch):
    def broken(con):
        raise duckdb.IOException("Could not read from file: disk gone")

    monkeypatch.setattr(db, "figures", broken)
    st.cache_data.clear()
    page = shown()
    assert page["errors"] == [t("error.data_unavailable", "en")]
    assert page["codes"] == ["IO Error: Could not read from file: disk gone"] or any(
        "disk gone" in c for c in page["codes"]
    )
