"""The Data page as a user sees it: table browser, SQL console (and its refusals), downloads, citation."""

import hashlib
import threading
from datetime import date

import duckdb
import pandas as pd
import pyarrow as pa
import pytest
from apptest import run_page
from markdown_checks import escaped_markdown
from streamlit.testing.v1 import AppTest

from explorer import DB_PATH
from explorer.console import service as console
from explorer.core.i18n import LANGS, t
from explorer.data import export, schema
from explorer.data import gateway as db
from explorer.data import loaders as cached


@pytest.fixture(scope="module")
def con():
    connection = db.connect()
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def version(con) -> str:
    return db.data_version(con)


def run(**params: str) -> AppTest:
    return run_page("data", **params)


def db_digest() -> str:
    return hashlib.sha256(DB_PATH.read_bytes()).hexdigest()


def captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


def frame_with_columns(at: AppTest, columns: list[str]) -> pd.DataFrame:
    """Return the one dataframe on the page with exactly these columns."""
    found = [frame.value for frame in at.dataframe if list(frame.value.columns) == columns]
    assert len(found) == 1, [list(frame.value.columns) for frame in at.dataframe]
    return found[0]


def refusal_prefix(code: str, lang: str) -> str:
    """Return the refusal message up to where its detail starts."""
    return t(f"sql.refused.{code}", lang, detail="\0").split("\0")[0]


# Browse


@pytest.mark.parametrize("lang", LANGS)
def test_table_picker_opens_the_table_in_the_url(lang, con):
    at = run(lang=lang, table="benchmarks")
    assert at.title[0].value == t("data.title", lang)
    assert at.selectbox(key="table").value == "benchmarks"
    assert schema.BY_NAME["benchmarks"].description[lang] in captions(at)
    total = len(db.table(con, "benchmarks"))
    assert t("data.count", lang, count=total, shown=f"{total:,}", total=f"{total:,}") in captions(at)
    shown = frame_with_columns(at, list(db.table(con, "benchmarks").columns))
    assert len(shown) == total
    # the tables with a city / indicator / grade column get one filter for each
    assert {"city", "indicator", "grade"} <= {widget.key for widget in at.multiselect}
    assert "kind" not in {widget.key for widget in at.multiselect}


@pytest.mark.parametrize(
    ("lang", "description"),
    [("zh", "新统计口径（如普查修订）的第一行为 true：图中不与前几年连线"),
     ("en", "true on the first row of a new statistical basis (a census revision): no line joins it to earlier years")],
)  # fmt: skip
def test_the_column_descriptions_show_in_the_pages_language(lang, description, con):
    """Each column's meaning comes from data/benchmarks.meta.toml, in the reader's language."""
    at = run(lang=lang, table="benchmarks")
    columns = frame_with_columns(
        at, [t(f"data.columns.{key}", lang) for key in ("name", "type", "required", "description")]
    )
    described = dict(zip(columns.iloc[:, 0], columns.iloc[:, 3]))
    assert described["break_before"] == description
    assert list(described) == list(db.table(con, "benchmarks").columns)


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_table_code_gives_a_notice_and_the_first_table(lang, con):
    at = run(lang=lang, table="no_such_table")
    assert any("no_such_table" in warning.value for warning in at.warning)
    assert at.selectbox(key="table").value == db.PUBLIC_TABLES[0]
    assert len(frame_with_columns(at, list(db.table(con, db.PUBLIC_TABLES[0]).columns))) > 0


def test_facet_and_text_filters_come_from_the_url(con):
    params = db.table(con, "parameters")
    at = run(lang="en", table="parameters", grade="assumption")
    expected = params[params["grade"] == "assumption"]
    assert 0 < len(expected) < len(params)
    shown = frame_with_columns(at, list(params.columns))
    assert sorted(shown["id"]) == sorted(expected["id"])
    assert f"{len(expected)} of {len(params)} rows" in captions(at)

    figures = db.table(con, "figures")
    at = run(lang="zh", table="figures", kind="target", q="2025")
    targets = figures[figures["kind"] == "target"]
    text = targets.select_dtypes(include=["object", "str", "string"]).fillna("").agg(" ".join, axis=1)
    expected = targets[text.str.contains("2025", regex=False)]
    assert 0 < len(expected) < len(targets)
    assert sorted(frame_with_columns(at, list(figures.columns))["id"]) == sorted(expected["id"])


def test_picking_another_table_clears_the_filters(con):
    at = run(lang="en", table="figures", kind="target")
    assert at.multiselect(key="kind").value == ["target"]
    at.selectbox(key="table").set_value("benchmarks").run()
    assert not at.exception
    total = len(db.table(con, "benchmarks"))
    assert f"{total} of {total} rows" in captions(at)
    at.selectbox(key="table").set_value("figures").run()
    assert at.multiselect(key="kind").value == []


def test_a_bad_filter_value_gives_a_notice():
    at = run(lang="en", table="benchmarks", city="atlantis")
    assert any("atlantis" in warning.value for warning in at.warning)
    assert at.multiselect(key="city").value == []


# SQL console


def click_run(at: AppTest) -> AppTest:
    at.button(key="sql_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize(("lang", "num_rows"), [("zh", 3), ("en", 3), ("en", 1)])
def test_a_query_in_the_url_waits_for_run_then_shows_its_rows(lang, num_rows, con):
    sql = f"SELECT id, value FROM figures WHERE kind = 'target' ORDER BY value DESC, id LIMIT {num_rows}"
    expected = db.table(con, "figures").query("kind == 'target'").sort_values(["value", "id"], ascending=[False, True])
    at = run(lang=lang, sql=sql)
    assert at.text_area(key="sql").value == sql
    assert t("sql.waiting", lang) in captions(at)
    assert not [frame for frame in at.dataframe if list(frame.value.columns) == ["id", "value"]]
    click_run(at)
    assert not at.error
    shown = frame_with_columns(at, ["id", "value"])
    assert shown["id"].tolist() == expected["id"].head(num_rows).tolist()
    assert shown["value"].tolist() == expected["value"].head(num_rows).tolist()
    assert t("sql.rows", lang, count=num_rows, rows=str(num_rows)) in captions(at)  # "1 row", "3 rows"
    assert t("sql.waiting", lang) not in captions(at)


def test_an_answer_stays_on_reruns_and_goes_when_the_query_is_edited():
    at = click_run(run(lang="en", sql="SELECT 42 AS answer"))
    at.selectbox(key="table").set_value("benchmarks").run()
    assert frame_with_columns(at, ["answer"])["answer"].tolist() == [42]
    at.text_area(key="sql").input("SELECT 43 AS answer").run()
    assert not [frame for frame in at.dataframe if list(frame.value.columns) == ["answer"]]
    assert t("sql.waiting", "en") in captions(at)


HOSTILE = {
    "DROP TABLE figures": ("select_only", "DROP"),
    "COPY figures TO '{tmp}/stolen.csv'": ("select_only", "COPY"),
    "SELECT 1; SELECT 2": ("one_statement", ""),
    "ATTACH '{tmp}/other.duckdb' AS other": ("select_only", "ATTACH"),
    "SELECT * FROM read_csv('/etc/passwd')": ("function", "read_csv"),
    "SELECT size FROM read_blob('data/explorer.duckdb')": ("function", "read_blob"),
    "UPDATE EXTENSIONS": ("select_only", "UPDATE"),
    "SELECT path FROM duckdb_databases()": ("metadata", "duckdb_databases"),
    "SELEC 1": ("syntax", "SELEC"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sql", HOSTILE)
def test_a_hostile_query_is_refused_with_a_translated_message_and_changes_nothing(lang, sql, tmp_path):
    code, detail = HOSTILE[sql]
    before = db_digest()
    at = click_run(run(lang=lang, sql=sql.format(tmp=tmp_path)))
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith(refusal_prefix(code, lang))
    assert detail in message
    assert "Traceback" not in message
    assert "/etc" not in message and str(DB_PATH.parent) not in message
    assert not list(tmp_path.iterdir())  # nothing written where the query pointed
    assert db_digest() == before


# Identifiers the console echoes back, with CR before Markdown (issue 24): DuckDB lowercases them.
INJECTED_SQL = {
    'SELECT * FROM "x\r# PWN\r[Sign in](//ev.il/login)\r\r![](http://ev.il/t.png)"': (
        "unknown_table",
        "`x# pwn[sign in](//ev.il/login)![](http://ev.il/t.png)`",
    ),
    'SELECT "duckdb_x\r# PWN\r[l](//ev.il)\u2028:red[x]"()': ("metadata", "`duckdb_x# pwn[l](//ev.il):red[x]`"),
}


@pytest.mark.parametrize("sql", INJECTED_SQL)
def test_a_refused_identifier_is_echoed_as_one_code_span_not_markdown(sql):
    code, detail = INJECTED_SQL[sql]
    at = run(lang="en")
    at.text_area(key="sql").input(sql).run()
    click_run(at)
    assert [error.value for error in at.error] == [t(f"sql.refused.{code}", "en", detail=detail)]
    assert escaped_markdown(at.error[0].value, ("pwn", "ev.il")) == []


def test_a_query_that_runs_too_long_is_stopped_with_a_message():
    at = click_run(run(lang="zh", sql="SELECT count(*) FROM range(1000000) a, range(1000000) b"))
    expected = t("sql.refused.timeout", "zh", detail=f"{console.CONSOLE_TIMEOUT_S:g} s")
    assert [error.value for error in at.error] == [expected]


def test_a_full_console_says_busy_in_the_readers_language(monkeypatch):
    monkeypatch.setattr(console, "CONSOLE_SLOT_WAIT_S", 0.1)
    at = run(lang="zh", sql="SELECT 7 AS n")
    held = [console.SLOTS.acquire(timeout=1) for _ in range(console.CONSOLE_MAX_CONCURRENT)]
    try:
        click_run(at)
    finally:
        for _ in held:
            console.SLOTS.release()
    assert [error.value for error in at.error] == [t("sql.refused.busy", "zh", detail="")]
    click_run(at)  # the busy answer was not cached: the next click runs the query
    assert frame_with_columns(at, ["n"])["n"].tolist() == [7]


def test_a_session_whose_previous_query_still_runs_is_told_so_and_may_run_it_after():
    at = run(lang="en", sql="SELECT 8 AS n")
    at.session_state[cached.CONSOLE_OWNER_KEY] = "reader-1"
    started, release = threading.Event(), threading.Event()
    held = threading.Thread(target=console.OWNERS.run, args=("reader-1", lambda: started.set() or release.wait(10)))
    held.start()
    try:
        started.wait(5)
        click_run(at)
        assert [error.value for error in at.error] == [t("sql.refused.running", "en", detail="")]
        other = click_run(run(lang="en", sql="SELECT 8 AS n"))  # another session is not held back
        assert frame_with_columns(other, ["n"])["n"].tolist() == [8]
    finally:
        release.set()
        held.join()
    click_run(at)  # the refusal was not cached: once the previous query answered, Run runs it
    assert frame_with_columns(at, ["n"])["n"].tolist() == [8]


def test_an_over_long_query_in_the_url_gives_a_notice():
    at = run(lang="en", sql="SELECT 1 AS x -- " + "x" * 2500)
    assert any(f"“{at.text_area(key='sql').label}”" in warning.value for warning in at.warning)
    assert at.text_area(key="sql").value == ""


def test_a_long_result_says_it_was_cut():
    at = click_run(run(lang="en", sql="SELECT range AS n FROM range(5000)"))
    rows = console.CONSOLE_MAX_ROWS
    assert t("sql.truncated", "en", count=rows, rows=f"{rows:,}") in [warning.value for warning in at.warning]
    assert len(frame_with_columns(at, ["n"])) == rows


def test_results_arrow_cannot_show_as_they_are_are_shown_as_text():
    at = click_run(run(lang="en", sql="SELECT map([1, 2], ['a', 'b']) AS m, [1, 2] AS l, {'x': 1} AS s"))
    assert not at.error
    shown = frame_with_columns(at, ["m", "l", "s"])
    assert "a" in str(shown["m"].iloc[0])


# Every DuckDB type through the page (issue 24): values pandas cannot hold (an infinite or far date, TIME
# '24:00:00', a UNION, a UHUGEINT past 10^38) show as DuckDB's own text of them; the expected texts come
# from a separate in-memory DuckDB casting the same values to VARCHAR, not from the console.
SPECIAL_VALUES = {
    "infinite_date": "'infinity'::DATE",
    "far_date": "DATE '5877642-06-25'",
    "midnight_end": "TIME '24:00:00'",
    "union_cell": "union_value(a := 1)",
    "big_unsigned": "340282366920938463463374607431768211455::UHUGEINT",
}
ALL_TYPES_TEXT = ("date", "time", "timestamp", "time_tz", "union", "uhugeint", "date_array", "time_ns")


def test_every_duckdb_type_and_special_value_shows_without_an_exception_as_duckdbs_text():
    reference = duckdb.connect()
    at = click_run(run(lang="en", sql="SELECT * FROM test_all_types()"))
    assert not at.error
    types = reference.sql("SELECT * FROM test_all_types()")
    shown = frame_with_columns(at, types.columns)
    assert len(shown) == 3
    for column in ALL_TYPES_TEXT:
        texts = reference.execute(f'SELECT CAST("{column}" AS VARCHAR) FROM test_all_types()').fetchall()
        expected = [row[0] for row in texts]
        assert [None if pd.isna(cell) else cell for cell in shown[column]] == expected, column
    assert shown["int"].tolist()[:2] == [-(2**31), 2**31 - 1]  # an ordinary column stays a number
    assert "24:00:00" in export.csv_bytes(shown).decode(export.CSV_ENCODING)  # the download carries the same text

    sql = "SELECT " + ", ".join(f"{value} AS {name}" for name, value in SPECIAL_VALUES.items())
    at.text_area(key="sql").input(sql).run()
    click_run(at)
    assert not at.error
    shown = frame_with_columns(at, list(SPECIAL_VALUES))
    texts = ", ".join(f"CAST({value} AS VARCHAR)" for value in SPECIAL_VALUES.values())
    assert shown.iloc[0].tolist() == list(reference.execute(f"SELECT {texts}").fetchone())
    assert shown.iloc[0].tolist()[:3] == ["infinity", "5877642-06-25", "24:00:00"]


def test_an_answer_the_page_cannot_show_even_as_text_gives_a_message(monkeypatch):
    union = pa.UnionArray.from_sparse(pa.array([0], type=pa.int8()), [pa.array([1]), pa.array(["a"])])
    monkeypatch.setattr(console, "run", lambda sql, *args, **kwargs: console.Answer(rows=pa.table({"u": union})))
    at = click_run(run(lang="zh", sql="SELECT 'a child that sent a UNION' AS u"))
    assert [error.value for error in at.error] == [t("sql.unshowable", "zh")]
    assert not [frame for frame in at.dataframe if list(frame.value.columns) == ["u"]]


def test_a_date_python_can_hold_stays_a_date():
    at = click_run(run(lang="en", sql="SELECT DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05' AS ts"))
    shown = frame_with_columns(at, ["d", "ts"])
    assert shown["d"].tolist() == [date(2024, 1, 2)]
    assert pd.api.types.is_datetime64_any_dtype(shown["ts"])


# SQL NULL in the console's answer: a NULL-typed column, and NULLs in a numeric column of the data (the first two
# figures have no upper number, the first no year; data/figures.csv), with the numbers beside them.
NULL_QUERIES = {
    "SELECT NULL AS a, 1 AS b": ["a", "b"],
    "SELECT id, value_high, year FROM figures WHERE id IN ('economy_4tn_milestone', 'core_va_2022') ORDER BY id": [
        "id",
        "value_high",
        "year",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sql", NULL_QUERIES)
def test_sql_null_is_shown_as_null_and_numeric_columns_stay_numbers(lang, sql):
    at = click_run(run(lang=lang, sql=sql))
    columns = NULL_QUERIES[sql]
    [grid] = [frame for frame in at.dataframe if list(frame.value.columns) == columns]
    assert grid.proto.placeholder == "NULL"  # what the grid draws in an empty cell (it would draw "None")
    shown = grid.value
    cells = shown.to_numpy().ravel().tolist()
    assert [cell for cell in cells if isinstance(cell, str) and cell in ("None", "nan", "NULL", "")] == []
    numeric = [column for column in columns if column != "id"]
    assert shown[numeric].isna().any().any()
    assert all(pd.api.types.is_numeric_dtype(shown[column]) for column in numeric if shown[column].notna().any())
    if "b" in columns:
        assert shown["a"].isna().all() and shown["b"].tolist() == [1]
    else:
        assert shown["year"].tolist()[0] == 2022 and pd.isna(shown["year"].tolist()[1])


def test_run_on_an_empty_editor_says_it_is_empty():
    at = run(lang="en")
    assert t("sql.hint", "en") in captions(at)
    click_run(at)
    assert [error.value for error in at.error] == [t("sql.refused.empty", "en", detail="")]


@pytest.mark.parametrize("lang", LANGS)
def test_every_sample_query_runs_and_returns_rows(lang, con):
    at = run(lang=lang)
    options = at.selectbox(key="sql_sample").options
    assert len(options) >= 5
    for index in range(len(options)):
        at.selectbox(key="sql_sample").select_index(index).run()
        assert not at.exception
        sql = at.text_area(key="sql").value
        assert sql.strip()
        assert not at.error, (options[index], [error.value for error in at.error])
        expected = con.sql(sql).df()
        assert len(expected) > 0, options[index]
        shown = frame_with_columns(at, list(expected.columns))
        assert len(shown) == len(expected)


def test_the_gdp_sample_compares_the_two_cities_values(con):
    at = run(lang="en")
    labels = at.selectbox(key="sql_sample").options
    at.selectbox(key="sql_sample").select_index(labels.index(t("sql.sample.gdp_sz_bj", "en"))).run()
    shown = frame_with_columns(at, ["year", "shenzhen", "beijing", "shenzhen_to_beijing"]).set_index("year")
    gdp = db.table(con, "benchmarks").query("indicator == 'gdp' and comparability_group == 'gdp_stats'")
    for city in ("shenzhen", "beijing"):
        values = gdp[gdp["city"] == city].set_index("year")["value"]
        assert shown[city].dropna().to_dict() == values.to_dict()


# Downloads, metadata, citation


@pytest.mark.parametrize("lang", LANGS)
def test_download_buttons_carry_the_right_file_names(lang, version):
    at = click_run(run(lang=lang, table="indicators", sql="SELECT 1 AS x"))
    files = {button.key: button.help for button in at.get("download_button")}
    expected = {
        "download_view": "shenzhen-digital-economy-indicators-filtered.csv",
        "download_table": "shenzhen-digital-economy-indicators.csv",
        "download_query": "shenzhen-digital-economy-query.csv",
        "download_parquet": f"shenzhen-digital-economy-{version[:12]}-parquet.zip",
        "download_duckdb": f"shenzhen-digital-economy-{version[:12]}.duckdb",
    }
    expected.update({f"download_csv_{name}": f"shenzhen-digital-economy-{name}.csv" for name in db.PUBLIC_TABLES})
    assert files == {key: t("data.download.file", lang, file=name) for key, name in expected.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_schema_and_data_version_are_shown(lang, con, version):
    at = run(lang=lang)
    metrics = {metric.label: metric.value for metric in at.metric}
    assert metrics[t("data.meta.schema", lang)] == db.meta(con)["schema_version"]
    assert metrics[t("data.meta.version", lang)] == version[:12]
    assert metrics[t("data.meta.tables", lang)] == str(len(db.PUBLIC_TABLES))


@pytest.mark.parametrize("lang", LANGS)
def test_citations_give_the_papers_details_and_the_data_version(lang, version):
    at = run(lang=lang)
    blocks = [block.value for block in at.code]
    paper = next(block for block in blocks if block.startswith("@article"))
    for field in ("{2024}", "{3}", "{82--87}", "深圳数字经济高质量发展研究", "1673-5706(2024)03-0082-06"):
        assert field in paper
    assert ("严红梅" if lang == "zh" else "Yan, Hongmei") in paper
    assert "journal" not in paper  # the source text gives no journal name: none is made up
    app = next(block for block in blocks if block.startswith("@software"))
    assert f"version = {{{version[:12]}}}" in app
    assert f"urldate = {{{date.today().isoformat()}}}" in app
    assert t("cite.paper.text", lang) in blocks
    assert any(version[:12] in block and date.today().isoformat() in block for block in blocks if "@" not in block)


def test_the_page_never_writes_to_the_database_file():
    before = DB_PATH.stat().st_mtime_ns, db_digest()
    click_run(run(lang="en", table="benchmarks", sql="SELECT * FROM benchmarks"))
    assert (DB_PATH.stat().st_mtime_ns, db_digest()) == before
