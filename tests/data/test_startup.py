"""Start-up: the integrity check, and what is served for every state of the file, its folder and its sources."""

import errno
import shutil
from pathlib import Path

import pytest

from explorer import DB_PATH
from explorer.core import settings
from explorer.data import build, startup


@pytest.fixture
def chosen(data_copy: Path) -> settings.Settings:
    """Return settings over a disposable data folder that holds a good database."""
    shutil.copy(DB_PATH, data_copy / DB_PATH.name)
    return settings.Settings(data_dir=data_copy)


def _cut(fraction: float):
    return lambda path: path.write_bytes(path.read_bytes()[: int(path.stat().st_size * fraction)])


@pytest.mark.parametrize(
    ("damage", "state"),
    [
        (lambda path: None, "ok"),
        (lambda path: path.unlink(), "missing"),
        (lambda path: path.write_bytes(b"not a database at all"), "unreadable"),
        (_cut(0.5), "unreadable"),
        (lambda path: path.write_bytes(path.read_bytes()[:4096]), "unreadable"),
    ],
    ids=["good", "missing", "garbage", "half", "first-block"],
)
def test_the_check_reads_every_table_so_a_cut_file_fails(chosen, damage, state):
    """A file cut only in its trailing free blocks still reads whole and counts as good: nothing is lost."""
    damage(chosen.db_path)
    assert startup.database_state(chosen.db_path, chosen.data_dir) == state


def test_a_changed_source_makes_the_file_stale(chosen):
    figures = chosen.data_dir / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert startup.database_state(chosen.db_path, chosen.data_dir) == "stale"


def test_a_good_file_is_served_untouched(chosen):
    before = chosen.db_path.stat().st_mtime_ns
    assert startup.prepare(chosen) == startup.Startup(chosen.db_path, "ok")
    assert chosen.db_path.stat().st_mtime_ns == before


@pytest.mark.parametrize("damage", [lambda path: path.unlink(), _cut(0.5)], ids=["missing", "half"])
def test_a_missing_or_cut_file_is_rebuilt_in_place(chosen, damage):
    damage(chosen.db_path)
    found = startup.prepare(chosen)
    assert (found.path, found.notice) == (chosen.db_path, "rebuilt")
    assert startup.database_state(chosen.db_path, chosen.data_dir) == "ok"
    assert sorted(path.name for path in chosen.data_dir.glob("explorer.duckdb*")) == ["explorer.duckdb"]


@pytest.mark.parametrize("damage", [lambda path: path.unlink(), _cut(0.5), None], ids=["missing", "half", "stale"])
def test_a_read_only_data_folder_gets_a_build_in_a_temporary_folder(chosen, damage, monkeypatch):
    # Root (which runs these tests) ignores file modes, so chmod cannot make data/ read-only here:
    # a stand-in for build() refuses any write into the data folder as a read-only mount does (EROFS).
    real_build = build.build

    def read_only_build(db_path: Path, data_dir: Path) -> str:
        if db_path.parent == chosen.data_dir:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_build(db_path, data_dir)

    monkeypatch.setattr(build, "build", read_only_build)
    if damage:
        damage(chosen.db_path)
    else:
        (chosen.data_dir / "figures.csv").write_text(
            (chosen.data_dir / "figures.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
    before = sorted(path.name for path in chosen.data_dir.iterdir())
    found = startup.prepare(chosen)
    assert found.notice == "rebuilt_temporary"
    assert found.path.parent != chosen.data_dir
    assert startup.database_state(found.path, chosen.data_dir) == "ok"
    assert sorted(path.name for path in chosen.data_dir.iterdir()) == before
    shutil.rmtree(found.path.parent)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: (data / "figures.csv").unlink(),
        lambda data: (data / "benchmarks.csv").write_bytes(b"\xff\xfe\x00 broken"),
        lambda data: (data / "figures.csv").write_text("id,value\nx,[x](http://example.org)\n", encoding="utf-8"),
    ],
    ids=["missing-csv", "broken-csv", "bad-value"],
)
def test_a_broken_source_with_a_readable_file_serves_the_file_with_a_notice(chosen, damage):
    damage(chosen.data_dir)
    before = chosen.db_path.read_bytes()
    found = startup.prepare(chosen)
    assert (found.path, found.notice) == (chosen.db_path, "sources_broken")
    assert found.detail and str(chosen.data_dir) not in found.detail
    assert chosen.db_path.read_bytes() == before


def test_a_broken_source_and_no_file_means_nothing_to_serve(chosen):
    chosen.db_path.unlink()
    (chosen.data_dir / "benchmarks.csv").write_bytes(b"\xff\xfe\x00 broken")
    found = startup.prepare(chosen)
    assert (found.path, found.found, found.notice) == (None, "missing", "unavailable")
    assert "benchmarks.csv" in found.detail
