"""The database build: the committed file matches its sources; builds are deterministic; bad sources fail clearly."""

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from explorer import DATA_DIR
from explorer.core import vocab
from explorer.data import gateway as db
from explorer.data import schema
from explorer.data.build import BuildError, build, read_source, sources_hash
from explorer.data.schema import SCHEMA_VERSION, TABLES, Table


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
        (
            "parameters.csv",
            ",由使用方在国产系统在用期间承担的适配、性能下降和技术支持成本，因此随已装机国产占比变化；没有实测数值。",
            ",",
            "parameters.csv",
        ),
        ("units.csv", "\nms,", "\nmsec,", r"figures.csv, line \d+: unknown unit 'ms'"),
        ("outcomes.csv", "\ngdp,yi_yuan,,", "\ngdp,yi_yuan,GDP,", "outcomes.csv"),
        ("outcomes.csv", ",eflops,,", ",eflop,,", "outcomes.csv"),
        (
            "benchmarks.csv",
            ",g5_per_10k_yearend_target,",
            ",g5_per_10k_yearend,",
            r"benchmarks.csv, line \d+: a target row in the observed group 'g5_per_10k_yearend'",
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
    metadata = {f"{name}{schema.META_SUFFIX}" for name in schema.ORDER}
    assert {path.name for path in DATA_DIR.glob(f"*{schema.META_SUFFIX}")} == metadata


def test_units_carry_the_vocabularys_base_and_scale():
    con = db.connect()
    try:
        stored = con.execute("SELECT code, base, scale FROM units").fetchall()
    finally:
        con.close()
    assert {code: (base, scale) for code, base, scale in stored} == {
        code: (unit.base, unit.scale) for code, unit in vocab.UNITS.items()
    }


def test_a_unit_a_source_uses_needs_a_row(data_copy: Path, tmp_path: Path):
    _break(data_copy, "units.csv", "\nms,ms,ms,ms,,,ms,1,,ratio", "")
    with pytest.raises(BuildError, match=r"^figures.csv, line \d+: unknown unit 'ms'$"):
        build(tmp_path / "out.duckdb", data_copy)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("\nms,ms,ms,ms,,,ms,1,,ratio", "\nms,ms,ms,ms,,,ms,0,,ratio", "scale must be positive"),
        ("\nms,ms,ms,ms,,,ms,1,,ratio", "\nms,ms,ms,ms,,,ms,1,,speed", "unknown kind 'speed'"),
        ("\nms,ms,ms,ms,,,ms,1,,ratio", "\nms,ms,ms,ms,,,,1,,ratio", "no base"),
    ],
)
def test_a_broken_unit_row_names_its_line(data_copy: Path, tmp_path: Path, old, new, message):
    _break(data_copy, "units.csv", old, new)
    line = (data_copy / "units.csv").read_text(encoding="utf-8").split("\n").index(new.strip()) + 1
    with pytest.raises(BuildError, match=rf"^units.csv, line {line}: {message}$"):
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


def _edit(data_copy: Path, name: str, change) -> int:
    """Apply `change(frame)` to a copied CSV; it returns the 0-based row it broke, turned here into its file line."""
    path = data_copy / name
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = change(frame)
    frame.to_csv(path, index=False)
    return row + 2


def _first(frame: pd.DataFrame, **cells: str) -> int:
    """Return the index of the first row whose cells equal `cells` (and that cites no paper figure)."""
    mask = frame["figure_id"] == "" if "figure_id" in frame else pd.Series(True, index=frame.index)
    for column, value in cells.items():
        mask &= frame[column] == value
    return int(mask.idxmax())


@pytest.mark.parametrize("column", ["source_url", "source_quote", "grade", "qualifier", "vintage", "definition_zh"])
def test_a_benchmark_row_missing_a_required_cell_names_file_and_line(data_copy: Path, tmp_path: Path, column):
    def blank(frame: pd.DataFrame) -> int:
        row = _first(frame, status="observed", indicator="gdp")
        frame.loc[row, column] = ""
        return row

    line = _edit(data_copy, "benchmarks.csv", blank)
    with pytest.raises(BuildError, match=rf"^benchmarks.csv, line {line}: no {column}$"):
        build(tmp_path / "out.duckdb", data_copy)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("city", "hongkong"),
        ("indicator", "gdp_nominal"),
        ("grade", "rumour"),
        ("qualifier", "roughly"),
        ("status", "wish"),
        ("comparability_group", "gdp_somehow"),
        ("break_before", "maybe"),
    ],
)
def test_an_unknown_code_names_file_and_line(data_copy: Path, tmp_path: Path, column, value):
    def set_code(frame: pd.DataFrame) -> int:
        row = _first(frame, indicator="population")
        frame.loc[row, column] = value
        return row

    line = _edit(data_copy, "benchmarks.csv", set_code)
    with pytest.raises(BuildError, match=rf"^benchmarks.csv, line {line}: unknown {column} '{value}'"):
        build(tmp_path / "out.duckdb", data_copy)


@pytest.mark.parametrize(
    ("status", "group", "group_status"),
    [("target", "g5_per_10k_yearend", "observed"), ("observed", "g5_per_10k_yearend_target", "target")],
)
def test_a_row_in_a_group_of_the_other_status_fails(data_copy: Path, tmp_path: Path, status, group, group_status):
    def move(frame: pd.DataFrame) -> int:
        row = _first(frame, indicator="g5_per_10k", status=status)
        frame.loc[row, "comparability_group"] = group
        return row

    line = _edit(data_copy, "benchmarks.csv", move)
    message = rf"^benchmarks.csv, line {line}: a {status} row in the {group_status} group '{group}'"
    with pytest.raises(BuildError, match=message):
        build(tmp_path / "out.duckdb", data_copy)


_DERIVED = "shenzhen/2022/g5_base_stations/g5_total_yearend ÷ shenzhen/2022/population/population_yearend"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (_DERIVED, _DERIVED.replace("2022/population", "2014/population"), "line 5: input shenzhen/2014/population"),
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


def test_a_row_in_another_indicators_group_fails(data_copy: Path, tmp_path: Path):
    def move(frame: pd.DataFrame) -> int:
        row = _first(frame, indicator="gdp_growth")
        frame.loc[row, "comparability_group"] = "gdp_stats"
        return row

    line = _edit(data_copy, "benchmarks.csv", move)
    with pytest.raises(BuildError, match=rf"^benchmarks.csv, line {line}: indicator 'gdp_growth' in group 'gdp_stats'"):
        build(tmp_path / "out.duckdb", data_copy)


def test_a_city_year_indicator_group_given_twice_names_the_second_line(data_copy: Path, tmp_path: Path):
    def duplicate(frame: pd.DataFrame) -> int:
        row = _first(frame, indicator="rd_intensity")
        copy = frame.loc[[row]].assign(value="9.99", source_url="https://example.org/another-source")
        frame.loc[len(frame)] = copy.iloc[0]
        return len(frame) - 1

    line = _edit(data_copy, "benchmarks.csv", duplicate)
    with pytest.raises(BuildError, match=rf"^benchmarks.csv, line {line}: .*/rd_intensity/.* is given twice"):
        build(tmp_path / "out.duckdb", data_copy)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("indicator", "gdp_nominal", "unknown indicator 'gdp_nominal'"),
        ("status", "wish", "unknown status 'wish'"),
        ("definition_en", "", "no definition_en"),
        ("label_zh", "", "no label_zh"),
        ("label_en", "", "no label_en"),
        ("note_zh", "", "a note needs both note_zh and note_en"),
        ("code", "gdp_revised", "group 'gdp_revised' is listed twice"),
    ],
)
def test_a_broken_comparability_group_names_file_and_line(data_copy: Path, tmp_path: Path, column, value, message):
    def change(frame: pd.DataFrame) -> int:
        if column == "code":  # a copy of another group, renamed to an existing code
            frame.loc[len(frame)] = frame.loc[int((frame["code"] == "gdp_stats").idxmax())]
        row = len(frame) - 1 if column == "code" else int((frame["code"] == "gdp_stats").idxmax())
        frame.loc[row, column] = value
        return row

    line = _edit(data_copy, "comparability_groups.csv", change)
    with pytest.raises(BuildError, match=rf"^comparability_groups.csv, line {line}: {re.escape(message)}"):
        build(tmp_path / "out.duckdb", data_copy)


def test_every_benchmark_group_is_defined_in_both_languages():
    con = db.connect()
    try:
        undefined = con.execute(
            """SELECT DISTINCT b.comparability_group FROM benchmarks b
               LEFT JOIN comparability_groups g ON g.code = b.comparability_group
               WHERE g.code IS NULL OR g.definition_zh = '' OR g.definition_en = ''
                  OR g.label_zh = '' OR g.label_en = ''"""
        ).fetchall()
        mixed = con.execute(
            """SELECT b.comparability_group FROM benchmarks b
               JOIN comparability_groups g ON g.code = b.comparability_group
               WHERE b.status <> g.status OR b.indicator <> g.indicator"""
        ).fetchall()
    finally:
        con.close()
    assert undefined == [] and mixed == []


def test_a_derived_status_from_a_target_row_is_refused(data_copy: Path, tmp_path: Path):
    target_row = "shenzhen/2023/g5_per_10k/g5_per_10k_yearend_target ÷ shenzhen/2023/population/population_yearend"
    _break(data_copy, "target_status.csv", _DERIVED, target_row)
    _break(data_copy, "target_status.csv", ",2022-12,,,", ",2023-12,,,")
    with pytest.raises(BuildError, match="line 5: input shenzhen/2023/g5_per_10k/.* is a target, not an observation"):
        build(tmp_path / "out.duckdb", data_copy)


def test_a_broken_metadata_file_names_itself(data_copy: Path, tmp_path: Path):
    _break(data_copy, "figures.meta.toml", 'type = "DOUBLE"', 'type = "FLOAT"')
    with pytest.raises(BuildError, match="figures.meta.toml, column value: type 'FLOAT' is not one of"):
        build(tmp_path / "out.duckdb", data_copy)


def test_a_check_in_the_metadata_is_the_rule_the_build_applies(data_copy: Path, tmp_path: Path):
    """Tighten a check in the metadata file only: the build now refuses a row it accepted, naming its line."""
    _break(data_copy, "measure_levers.meta.toml", "value BETWEEN 1 AND 3", "value BETWEEN 1 AND 1.2")
    frame = pd.read_csv(data_copy / "measure_levers.csv", dtype=str, keep_default_na=False)
    line = int((frame["lever"] == "dc_pue").idxmax()) + 2
    with pytest.raises(BuildError, match=rf"^measure_levers.csv, line {line}: a PUE lies between 1 and 3$"):
        build(tmp_path / "out.duckdb", data_copy)


UNIT_CASES = pd.read_csv(Path(__file__).parent / "cases" / "benchmark_units.csv", keep_default_na=False)


@pytest.mark.parametrize("case", UNIT_CASES.to_dict("records"), ids=lambda case: f"{case['indicator']}-{case['year']}")
def test_every_benchmark_row_carries_its_value_in_the_indicators_unit(case: dict):
    with db.connect() as con:
        unit, value = con.execute(
            "SELECT indicator_unit, value_in_indicator_unit FROM benchmarks"
            " WHERE city = ? AND year = ? AND indicator = ? AND comparability_group = ?",
            [case["city"], case["year"], case["indicator"], case["comparability_group"]],
        ).fetchone()
    assert (unit, value) == (case["indicator_unit"], pytest.approx(case["value_in_indicator_unit"]))


def test_one_indicator_is_in_one_unit_on_every_row():
    with db.connect() as con:
        units = con.execute(
            "SELECT b.indicator, count(DISTINCT b.indicator_unit), bool_and(b.indicator_unit = i.unit),"
            " count(*) FILTER (WHERE b.value_in_indicator_unit IS NULL)"
            " FROM benchmarks b JOIN indicators i ON i.code = b.indicator GROUP BY b.indicator"
        ).fetchall()
    assert units and all(count == 1 and same and missing == 0 for _, count, same, missing in units)


def test_a_unit_that_measures_something_else_names_its_line(data_copy: Path, tmp_path: Path):
    def mismatch(frame: pd.DataFrame) -> int:
        row = _first(frame, indicator="gdp")
        frame.loc[row, "unit"] = "racks"
        return row

    line = _edit(data_copy, "benchmarks.csv", mismatch)
    with pytest.raises(BuildError, match=rf"^benchmarks.csv, line {line}: unit 'racks' cannot be converted"):
        build(tmp_path / "out.duckdb", data_copy)
