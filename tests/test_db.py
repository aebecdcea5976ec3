"""The data gateway: read-only queries and the SQL sandbox against hostile input (start-up: test_startup.py)."""

import shutil
import time

import pytest

from explorer import DB_PATH, db, settings


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


def test_the_connection_and_the_console_limits_come_from_the_settings(con):
    chosen = settings.current()
    assert con.execute("SELECT current_setting('threads')").fetchone() == (chosen.db_threads,)
    assert (
        chosen.sql_max_rows,
        chosen.sql_timeout_s,
        chosen.sql_max_bytes,
    ) == (db.SQL_MAX_ROWS, db.SQL_TIMEOUT_S, db.SQL_MAX_BYTES)


def test_table_refuses_names_outside_the_public_list(con):
    with pytest.raises(db.QueryRefused) as refused:
        db.table(con, "meta; DROP TABLE figures")
    assert refused.value.code == "unknown_table"
    assert len(db.table(con, "figures")) == len(db.figures(con))


HOSTILE = {
    "DROP TABLE figures": "select_only",
    "DELETE FROM figures": "select_only",
    "INSERT INTO figures (id) VALUES ('x')": "select_only",
    "UPDATE figures SET value = 0": "select_only",
    "CREATE TABLE t AS SELECT 1": "select_only",
    "COPY figures TO '/tmp/stolen.csv'": "select_only",
    "ATTACH '/tmp/other.duckdb' AS other": "select_only",
    "INSTALL httpfs": "select_only",
    "LOAD httpfs": "select_only",
    "PRAGMA database_list": "select_only",
    "SET enable_external_access = true": "select_only",
    "RESET lock_configuration": "select_only",
    "EXPORT DATABASE '/tmp/dump'": "select_only",
    "CHECKPOINT": "select_only",
    "SELECT 1; DROP TABLE figures": "one_statement",
    "SELECT 1; SELECT 2": "one_statement",
    "SELECT * FROM read_csv('/etc/passwd')": "error",
    "SELECT * FROM read_text('/etc/hostname')": "error",
    "SELECT * FROM '/etc/passwd'": "error",
    "SELECT * FROM glob('/*')": "error",
    "SELECT * FROM read_parquet('https://example.org/x.parquet')": "error",
    "WITH x AS (SELECT 1) SELECT * FROM x; COPY x TO 'y'": "one_statement",
    "SELECT * FROM no_such_table": "error",
    "SELEC 1": "syntax",
    "   ": "empty",
    "SELECT count(*) FROM range(1000000) a, range(1000000) b": "timeout",
}


@pytest.mark.parametrize(("sql", "code"), HOSTILE.items())
def test_hostile_statements_are_refused_and_the_file_is_unchanged(con, sql, code):
    before = DB_PATH.read_bytes()
    with pytest.raises(db.QueryRefused) as refused:
        db.query_readonly(con, sql, timeout_s=1.0)
    assert refused.value.code == code
    assert DB_PATH.read_bytes() == before


def test_configuration_stays_locked_after_a_refused_set(con):
    with pytest.raises(db.QueryRefused):
        db.query_readonly(con, "SET enable_external_access = true")
    rows, _ = db.query_readonly(con, "SELECT current_setting('enable_external_access') AS on")
    assert rows["on"].iloc[0] in (False, "false")


def test_a_long_result_is_capped(con):
    rows, truncated = db.query_readonly(con, "SELECT * FROM range(100000) a", max_rows=50)
    assert len(rows) == 50
    assert truncated


def test_a_runaway_cross_join_is_bounded_in_rows_and_time(con):
    started = time.monotonic()
    try:
        rows, _ = db.query_readonly(con, "SELECT * FROM range(1000000000) a, range(1000000000) b", timeout_s=1.0)
        assert len(rows) <= db.SQL_MAX_ROWS
    except db.QueryRefused as refused:
        assert refused.code in ("timeout", "error")
    assert time.monotonic() - started < 5


def test_queries_never_spill_to_disk(con):
    """A join that outgrows the memory limit is refused; DuckDB used to spill it into data/explorer.duckdb.tmp/."""
    spill = DB_PATH.with_name(DB_PATH.name + ".tmp")
    shutil.rmtree(spill, ignore_errors=True)
    assert con.execute("SELECT current_setting('temp_directory')").fetchone() == ("",)
    with pytest.raises(db.QueryRefused):
        db.query_readonly(con, "SET temp_directory = '/tmp/spill'")
    with pytest.raises(db.QueryRefused) as refused:
        db.query_readonly(con, "SELECT count(*) FROM range(100000000) a, range(100000000) b ORDER BY 1")
    assert refused.value.code in ("error", "timeout")  # out of memory, or the clock, whichever comes first
    assert not spill.exists()


def test_an_honest_query_returns_its_rows(con):
    rows, truncated = db.query_readonly(
        con, "-- figures by kind\nWITH k AS (SELECT kind FROM figures) SELECT kind, count(*) AS n FROM k GROUP BY kind;"
    )
    assert not truncated
    assert rows["n"].sum() == len(db.figures(con))


def test_a_result_too_large_for_memory_is_refused(con):
    with pytest.raises(db.QueryRefused) as refused:
        db.query_readonly(con, "SELECT repeat('x', 1000000) AS big FROM range(10)", max_bytes=5_000_000)
    assert refused.value.code == "too_large"
    rows, _ = db.query_readonly(con, "SELECT repeat('x', 1000) AS small FROM range(10)", max_bytes=5_000_000)
    assert len(rows) == 10


def test_meta_and_columns_describe_the_build_and_every_public_table(con):
    meta = db.meta(con)
    assert meta["content_hash"] == db.data_version(con)
    assert meta["schema_version"].isdigit()
    columns = db.columns(con)
    assert list(dict.fromkeys(columns["table_name"])) == list(db.PUBLIC_TABLES)
    for name in db.PUBLIC_TABLES:
        assert columns.loc[columns["table_name"] == name, "column_name"].tolist() == list(db.table(con, name).columns)
