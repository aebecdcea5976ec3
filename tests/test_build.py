"""The database build: the committed file matches its sources; builds are deterministic; bad sources fail clearly."""

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from explorer import DATA_DIR, db, vocab
from explorer.build import SCHEMA_VERSION, TABLES, BuildError, Table, build, read_source, sources_hash


def _table(name: str) -> Table:
    return next(table for table in TABLES if table.name == name)


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_committed_database_matches_its_sources():
    con = db.connect()
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        assert meta == {"schema_version": str(SCHEMA_VERSION), "content_hash": sources_hash()}
        for table in TABLES:
            source = read_source(table)
            assert _rows(con, table.name) == len(source), table.name
        stored = con.execute("SELECT * FROM figures ORDER BY id").df().set_index("id")
    finally:
        con.close()
    source = read_source(_table("figures")).set_index("id").sort_index()
    pd.testing.assert_frame_equal(
        stored[["value", "quote_zh", "qualifier"]], source[["value", "quote_zh", "qualifier"]], check_dtype=False
    )


def test_build_is_deterministic(tmp_path: Path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    assert build(first) == build(second) == sources_hash()
    for path in (first, second):
        con = duckdb.connect(str(path), read_only=True)
        dumps = [con.execute(f"SELECT * FROM {table.name} ORDER BY ALL").fetchall() for table in TABLES]
        con.close()
        if path == first:
            expected = dumps
    assert dumps == expected


def test_content_hash_changes_with_any_source(data_copy: Path):
    before = sources_hash(data_copy)
    path = data_copy / "parameters.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    assert sources_hash(data_copy) != before


def _break(data_copy: Path, name: str, old: str, new: str) -> None:
    path = data_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("figures.csv", ",target,", ",wish,", "figures.csv"),
        ("figures.csv", ",more_than,", ",roughly,", "figures.csv"),
        ("parameters.csv", "\n", "\nnot,a,valid,row\n", "parameters.csv"),
        ("benchmarks.csv", ",official,", ",rumour,", "benchmarks.csv"),
        ("figures.csv", ",10k_firms,", ",10k_sheep,", "figures.csv"),
        ("parameters.csv", ",pct_per_year,", ",%/年,", "parameters.csv"),
        ("units.csv", "\nms,", "\nmsec,", "units.csv"),
        ("outcomes.csv", "\ngdp,yi_yuan,,", "\ngdp,yi_yuan,GDP,", "outcomes.csv"),
        ("outcomes.csv", ",eflops,,", ",eflop,,", "outcomes.csv"),
        (
            "benchmarks.csv",
            ",g5_per_10k_yearend_target,",
            ",g5_per_10k_yearend,",
            "line 57: a target row in group 'g5_per_10k_yearend'",
        ),
        ("benchmarks.csv", ",42,exact,", ",42,roughly,", "benchmarks.csv"),
    ],
)
def test_a_broken_source_names_its_file(data_copy: Path, tmp_path: Path, name, old, new, message):
    _break(data_copy, name, old, new)
    with pytest.raises(BuildError, match=message):
        build(tmp_path / "out.duckdb", data_copy)
    assert not (tmp_path / "out.duckdb").exists()


def test_a_non_number_names_its_line(data_copy: Path, tmp_path: Path):
    frame = pd.read_csv(data_copy / "figures.csv", dtype=str, keep_default_na=False)
    frame.loc[4, "value"] = "lots"
    frame.to_csv(data_copy / "figures.csv", index=False)
    with pytest.raises(BuildError, match=r"figures.csv, line 6: 'lots' in 'value'"):
        build(tmp_path / "out.duckdb", data_copy)


def test_a_missing_source_is_named(data_copy: Path, tmp_path: Path):
    (data_copy / "indicators.csv").unlink()
    with pytest.raises(BuildError, match="missing source file: indicators.csv"):
        build(tmp_path / "out.duckdb", data_copy)


def test_binary_garbage_is_reported_not_raised_raw(data_copy: Path, tmp_path: Path):
    (data_copy / "figures.csv").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BuildError, match="figures.csv"):
        build(tmp_path / "out.duckdb", data_copy)


def test_sources_are_the_csv_files_and_the_paper():
    names = {table.source for table in TABLES}
    assert {path.name for path in DATA_DIR.glob("*.csv")} == names


def test_units_carry_the_vocabularys_base_and_scale():
    con = db.connect()
    try:
        stored = con.execute("SELECT code, base, scale FROM units").fetchall()
    finally:
        con.close()
    assert {code: (base, scale) for code, base, scale in stored} == {
        code: (unit.base, unit.scale) for code, unit in vocab.UNITS.items()
    }


def test_a_unit_the_vocabulary_knows_needs_a_row(data_copy: Path, tmp_path: Path):
    _break(data_copy, "units.csv", "\nms,ms,ms,ms", "")
    with pytest.raises(BuildError, match=r"units.csv: no row for the unit codes \['ms'\]"):
        build(tmp_path / "out.duckdb", data_copy)


def test_an_outcome_that_is_a_city_indicator_takes_its_labels():
    con = db.connect()
    try:
        shared = con.execute(
            """SELECT o.code, o.label_zh, o.label_en, i.label_zh, i.label_en
               FROM outcomes o JOIN indicators i ON i.code = o.code"""
        ).fetchall()
    finally:
        con.close()
    indicators = read_source(_table("indicators")).set_index("code")
    outcomes = read_source(_table("outcomes")).set_index("code")
    expected = sorted(set(outcomes.index) & set(indicators.index))
    assert expected and sorted(row[0] for row in shared) == expected
    assert outcomes.loc[expected, ["label_zh", "label_en"]].isna().all().all()
    assert all(row[1:3] == row[3:5] for row in shared)


_DERIVED = "shenzhen/2022/g5_base_stations/g5_total_yearend ÷ shenzhen/2022/population/population_yearend"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (_DERIVED, _DERIVED.replace("2022/population", "2019/population"), "line 5: input shenzhen/2019/population"),
        (_DERIVED, _DERIVED.replace("g5_total_yearend", "g5_total_end_may"), "line 5: input .* matches 0 rows"),
        (_DERIVED, _DERIVED.replace(" ÷ ", " / "), "line 5: inputs must be"),
        (",2022-12,,,", ",2023-12,,,", "line 5: as_of 2023-12 is not in the inputs' year"),
        (",2022-12,,,", ",2022-12,36,more_than,", "line 5: a derived status takes its value from its inputs"),
        (",2026-12-01,derived,", ",2026-12-01,reported,", "target_status.csv"),
    ],
)
def test_a_derived_status_needs_inputs_that_exist(data_copy: Path, tmp_path: Path, old, new, message):
    _break(data_copy, "target_status.csv", old, new)
    with pytest.raises(BuildError, match=message):
        build(tmp_path / "out.duckdb", data_copy)


def test_a_derived_status_from_a_target_row_is_refused(data_copy: Path, tmp_path: Path):
    target_row = "shenzhen/2023/g5_per_10k/g5_per_10k_yearend_target ÷ shenzhen/2023/population/population_yearend"
    _break(data_copy, "target_status.csv", _DERIVED, target_row)
    _break(data_copy, "target_status.csv", ",2022-12,,,", ",2023-12,,,")
    with pytest.raises(BuildError, match="line 5: input shenzhen/2023/g5_per_10k/.* is a target, not an observation"):
        build(tmp_path / "out.duckdb", data_copy)
