"""The data gateway: read-only queries and the locked connection (start-up and console: their own tests)."""

import duckdb
import pandas as pd
import pytest

from explorer import DATA_DIR
from explorer.console import service as console
from explorer.core import settings
from explorer.data import gateway as db


@pytest.fixture(scope="module")
def con():
    connection = db.connect()
    yield connection
    connection.close()


def test_figures_come_in_the_papers_order(con):
    figures = db.figures(con)
    order = [tuple(int(x) if x.isdigit() else 99 for x in s.split(".")) for s in figures["section"]]
    assert order == sorted(order)
    assert figures["id"].is_unique
    assert figures["section_title_en"].notna().all()


def test_benchmarks_take_shenzhen_paper_values_from_the_figures(con):
    rows = db.benchmarks(con)
    linked = rows[rows["figure_id"].notna()]
    figures = db.figures(con).set_index("id")
    assert rows["value"].notna().all()
    for _, row in linked.iterrows():
        assert row["value"] / figures.at[row["figure_id"], "value"] in (1.0, 10000.0)
        assert row["source_quote"] == figures.at[row["figure_id"], "quote_zh"]
        assert row["qualifier"] == figures.at[row["figure_id"], "qualifier"]


def test_every_benchmark_row_comes_back_in_its_indicators_unit(con):
    rows = db.benchmarks(con)
    units = db.indicators(con).set_index("code")["unit"]
    assert len(rows) == len(db.table(con, "benchmarks"))
    assert (rows["unit"] == rows["indicator"].map(units)).all()


def test_benchmarks_filter_by_indicator(con):
    rows = db.benchmarks(con, "gdp")
    assert set(rows["indicator"]) == {"gdp"}
    assert len(rows) < len(db.benchmarks(con))


def test_a_city_series_is_one_groups_rows_of_one_city_oldest_first(con):
    series = db.city_series(con, "beijing", "gdp", "gdp_stats")
    assert list(series.columns) == [
        "year", "value", "unit", "unit_zh", "unit_symbol_en", "qualifier", "vintage", "break_before", "grade",
        "source_title", "source_url",
    ]  # fmt: skip
    source = pd.read_csv(DATA_DIR / "benchmarks.csv", dtype=str, keep_default_na=False)
    expected = source[
        (source["city"] == "beijing") & (source["indicator"] == "gdp") & (source["comparability_group"] == "gdp_stats")
    ]
    assert series["year"].tolist() == sorted(int(year) for year in expected["year"])
    by_year = expected.set_index(expected["year"].astype(int))
    assert series["value"].tolist() == [float(by_year.at[year, "value"]) for year in series["year"]]
    assert series["break_before"].tolist() == [by_year.at[year, "break_before"] == "true" for year in series["year"]]
    assert series["vintage"].tolist() == [by_year.at[year, "vintage"] for year in series["year"]]


def test_a_city_series_converts_paper_figures_and_leaves_missing_years_out(con):
    series = db.city_series(con, "shenzhen", "core_va", "core_va_shenzhen_unstated")
    figure = db.figures(con).set_index("id").loc["core_va_2022"]
    assert series.loc[series["year"] == 2022, "value"].tolist() == [figure["value"] * 10000]
    assert series.loc[series["year"] == 2022, "qualifier"].tolist() == [figure["qualifier"]]
    assert db.city_series(con, "shanghai", "core_va", "core_va_stats").empty


def test_national_rows_are_the_csvs_in_benchmarks_columns_by_indicator_group_and_year(con):
    rows = db.national(con)
    city_rows = db.benchmarks(con)
    shared = [column for column in city_rows.columns if column not in ("city", "figure_id")]
    assert list(rows.columns) == shared
    assert rows.dtypes.to_dict() == city_rows[shared].dtypes.to_dict()
    assert rows["break_before"].dtype == bool
    source = pd.read_csv(DATA_DIR / "national.csv", dtype=str, keep_default_na=False)
    source = source.assign(year=source["year"].astype(int)).sort_values(["indicator", "comparability_group", "year"])
    assert (
        rows[["indicator", "comparability_group"]].values.tolist()
        == source[["indicator", "comparability_group"]].values.tolist()
    )
    assert rows["year"].tolist() == source["year"].tolist()
    assert rows["value"].tolist() == [float(value) for value in source["value"]]
    assert rows["break_before"].tolist() == [flag == "true" for flag in source["break_before"]]
    assert rows["source_quote"].tolist() == source["source_quote"].tolist()
    units = db.indicators(con).set_index("code")["unit"]
    assert (rows["unit"] == rows["indicator"].map(units)).all()


def test_national_first_releases_break_at_the_census_revised_years(con):
    rows = db.national(con)
    levels = rows[rows["comparability_group"] == "gdp_stats"]
    assert levels["year"].tolist() == list(range(2017, 2026))
    assert levels.loc[levels["break_before"], "year"].tolist() == [2019, 2024]
    revised = rows[rows["comparability_group"] == "gdp_revised"]
    assert revised[["year", "value"]].values.tolist() == [[2018, 919281.0]]


def test_the_connection_and_the_console_limits_come_from_the_settings(con):
    chosen = settings.current()
    assert con.execute("SELECT current_setting('threads')").fetchone() == (chosen.db_threads,)
    limits = (
        console.CONSOLE_MAX_ROWS,
        console.CONSOLE_TIMEOUT_S,
        console.CONSOLE_MAX_BYTES,
        console.CONSOLE_MAX_CONCURRENT,
    )
    assert limits == (chosen.sql_max_rows, chosen.sql_timeout_s, chosen.sql_max_bytes, chosen.sql_max_concurrent)
    assert chosen.sql_memory_mb * 2**20 == console.CONSOLE_MEMORY_BYTES


def test_table_refuses_names_outside_the_public_list(con):
    with pytest.raises(db.QueryRefused) as refused:
        db.table(con, "meta; DROP TABLE figures")
    assert refused.value.code == "unknown_table"
    assert len(db.table(con, "figures")) == len(db.figures(con))


def test_the_app_connection_is_locked_and_never_spills(con):
    """Console queries run elsewhere (tests/console/test_service.py); the app's own connection keeps its config."""
    settings = dict(
        con.execute(
            """SELECT name, value FROM duckdb_settings()
               WHERE name IN ('enable_external_access', 'lock_configuration', 'temp_directory', 'threads')"""
        ).fetchall()
    )
    assert settings == {
        "enable_external_access": "false",
        "lock_configuration": "true",
        "temp_directory": "",
        "threads": "1",
    }
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")


def test_meta_and_columns_describe_the_build_and_every_public_table(con):
    meta = db.meta(con)
    assert meta["content_hash"] == db.data_version(con)
    assert meta["schema_version"].isdigit()
    columns = db.columns(con)
    assert list(dict.fromkeys(columns["table_name"])) == list(db.PUBLIC_TABLES)
    for name in db.PUBLIC_TABLES:
        assert columns.loc[columns["table_name"] == name, "column_name"].tolist() == list(db.table(con, name).columns)
