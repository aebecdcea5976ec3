"""The Data page's view functions, without Streamlit: labels, filters, console messages, file names, citations."""

import pandas as pd
import pyarrow as pa
import pytest

from explorer.console import service as console
from explorer.core.i18n import LANGS, has, t
from explorer.data import gateway as db
from explorer.data import schema
from explorer.features.data_page import view

SECTIONS = pd.DataFrame({"id": ["1.2"], "title_zh": ["现状"], "title_en": ["Status"]}).set_index("id")
OUTCOMES = pd.DataFrame({"code": ["gdp"], "label_zh": ["地区生产总值"], "label_en": ["GDP"]}).set_index("code")


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "section": ["1.10", "1.9", "2.1", None],
            "kind": ["target", "status", "target", "status"],
            "quote_zh": ["2025 年目标", "现状", None, "2025 年现状"],
            "value": [1.0, 2.0, 3.0, 4.0],
        }
    )


@pytest.mark.parametrize("lang", LANGS)
def test_labels_translate_known_codes_and_fall_back_to_the_code(lang):
    assert view.table_label("figures", lang) == f"{schema.BY_NAME['figures'].title[lang]} · figures"
    assert view.table_label("no_such", lang) == "no_such · no_such"
    assert view.table_description("no_such", lang) == t("data.table.no_desc", lang)
    assert view.value_label("section", "1.2", lang, SECTIONS, OUTCOMES) == f"1.2 {SECTIONS.at['1.2', f'title_{lang}']}"
    assert view.value_label("indicator", "gdp", lang, SECTIONS, OUTCOMES).endswith(" · gdp")
    assert view.value_label("city", "shenzhen", lang, SECTIONS, OUTCOMES) == t("city.shenzhen", lang)
    assert view.value_label("city", "atlantis", lang, SECTIONS, OUTCOMES) == "atlantis"


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_table_has_a_title_a_description_and_every_column_described(lang):
    for name in db.PUBLIC_TABLES:
        assert view.table_title(name, lang) != name
        assert view.table_description(name, lang) != t("data.table.no_desc", lang)
        columns = view.column_frame(name, lang)
        assert columns[t("data.columns.description", lang)].str.len().gt(0).all(), name


def test_the_column_frame_reads_each_columns_metadata():
    table = schema.Table(
        "toy", "toy.csv", {"zh": "玩具", "en": "Toy"}, {"zh": "一张表", "en": "A table"},
        (
            schema.Column("code", "VARCHAR", False, {"zh": "代码", "en": "Code"}),
            schema.Column("size", "DOUBLE", True, {"zh": "大小", "en": "Size"}),
            schema.Column("note", "VARCHAR", False, {"zh": "备注", "en": "Note"}),
        ),
        primary_key=("code",),
    )  # fmt: skip
    columns = view.column_frame("toy", "zh", {"toy": table})
    assert columns.values.tolist() == [
        ["code", "VARCHAR", True, "代码"], ["size", "DOUBLE", True, "大小"], ["note", "VARCHAR", False, "备注"],
    ]  # fmt: skip
    assert view.table_label("toy", "en", {"toy": table}) == "Toy · toy"
    assert view.table_description("toy", "zh", {"toy": table}) == "一张表"


@pytest.mark.parametrize("lang", LANGS)
def test_the_consoles_column_list_says_what_each_column_holds(lang):
    columns = pd.DataFrame(
        {"table_name": ["benchmarks", "benchmarks", "nowhere"], "column_name": ["city", "year", "x"]}
    )
    described = view.with_descriptions(columns, lang)
    benchmarks = schema.BY_NAME["benchmarks"]
    assert described["description"].tolist() == [
        benchmarks.column("city").description[lang], benchmarks.column("year").description[lang], "",
    ]  # fmt: skip
    assert described["description"].iloc[0] == {"zh": "城市代码", "en": "City code"}[lang]


def test_facets_are_the_tables_own_in_natural_order(frame):
    assert view.facet_columns(frame) == ["section", "kind"]
    assert view.facet_options(frame, "section") == ["1.9", "1.10", "2.1"]


def test_filters_combine_facets_and_case_blind_text(frame):
    assert view.filter_rows(frame, {"kind": ["target"]}, "")["value"].tolist() == [1.0, 3.0]
    assert view.filter_rows(frame, {"kind": []}, "2025")["value"].tolist() == [1.0, 4.0]
    assert view.filter_rows(frame, {"kind": ["status"]}, "2025")["value"].tolist() == [4.0]
    assert view.filter_rows(frame, {}, "NOWHERE").empty
    assert view.filter_rows(frame, {}, "") is frame


def test_meta_metrics_show_the_short_version_and_the_whole_hash_as_help():
    metrics = view.meta_metrics({"schema_version": "2"}, "a" * 64, 9, 1234, "en")
    assert [value for _, value, _ in metrics] == ["2", "a" * 12, "9", "1,234"]
    assert "a" * 64 in metrics[1][2]
    assert view.meta_metrics({}, "b" * 64, 9, 0, "zh")[0][1] == "—"


@pytest.mark.parametrize("lang", LANGS)
def test_refusals_are_translated_with_inert_details(lang):
    assert view.refusal_message("metadata", "duckdb_settings", lang) == t(
        "sql.refused.metadata", lang, detail="`duckdb_settings`"
    )
    assert view.refusal_message("timeout", "3 s", lang) == t("sql.refused.timeout", lang, detail="3 s")
    assert view.refusal_message("no_such_code", "x", lang) == t("sql.refused.error", lang, detail="`x`")
    hostile = view.refusal_message("error", "`](http://x)\nnext" + "y" * 500, lang)
    assert hostile == t("sql.refused.error", lang, detail="`` `](http://x)next" + "y" * 284 + "… ``")
    # A console identifier with CR: the heading, link and image stay inside the span (issue 24).
    assert view.refusal_message("unknown_table", "x\r# x\r[l](//ev.il)\r\r![](http://h/t.png)", lang) == t(
        "sql.refused.unknown_table", lang, detail="`x# x[l](//ev.il)![](http://h/t.png)`"
    )
    assert view.refusal_message("metadata", "duckdb_x\u2028:red[x]$\\href{..}$", lang) == t(
        "sql.refused.metadata", lang, detail="`duckdb_x:red[x]$\\href{..}$`"
    )


def test_every_console_refusal_code_has_a_message_in_both_languages():
    codes = {"empty", "syntax", "one_statement", "select_only", "metadata", "unknown_table", "error", "too_large"}
    codes |= console.TRANSIENT_CODES | {"too_deep"}
    assert {code for code in codes if not has(f"sql.refused.{code}")} == set()


def test_the_console_shows_an_answer_only_for_the_query_that_ran():
    ran = ("SELECT 1", console.Answer(rows=pa.table({"x": [1]})))
    assert view.console_state("SELECT 1", ran) == "answer"
    assert view.console_state("SELECT 2", ran) == "waiting"
    assert view.console_state("SELECT 2", None) == "waiting"
    assert view.console_state("", None) == "hint"


def test_an_answer_becomes_a_frame_with_unshowable_cells_as_text():
    rows = pa.table({"m": pa.array([[("a", 1)]], type=pa.map_(pa.string(), pa.int64())), "n": [1]})
    frame = view.answer_frame(console.Answer(rows=rows))
    assert frame["n"].tolist() == [1]
    assert isinstance(frame["m"].iloc[0], str) and "a" in frame["m"].iloc[0]


def test_the_net_under_the_child_casts_a_column_pandas_refuses_to_text_or_gives_up_without_raising():
    """The child sends text for such values; if one still came typed, the page must not raise (issue 24)."""
    far = pa.array([2**31 - 2, 0], type=pa.date32())  # DuckDB's last date, year 5881580, and 1970-01-01
    frame = view.answer_frame(console.Answer(rows=pa.table({"d": far, "n": [1, 2]})))
    assert frame["d"].tolist()[1] == "1970-01-01" and isinstance(frame["d"].tolist()[0], str)
    assert frame["n"].tolist() == [1, 2]
    union = pa.UnionArray.from_sparse(pa.array([0], type=pa.int8()), [pa.array([1]), pa.array(["a"])])
    assert view.answer_frame(console.Answer(rows=pa.table({"u": union}))) is None


def test_file_names_and_mime_types():
    assert view.file_name("figures.csv") == "shenzhen-digital-economy-figures.csv"
    assert view.file_name("abc", "parquet.zip") == "shenzhen-digital-economy-abc-parquet.zip"
    assert view.mime_type("x.csv") == "text/csv"
    assert view.mime_type("x.zip") == "application/zip"
    assert view.mime_type("x.duckdb") == "application/octet-stream"
    assert 'duckdb.connect("x.duckdb", read_only=True)' in view.duckdb_snippet("x.duckdb")


@pytest.mark.parametrize("lang", LANGS)
def test_the_app_citation_gives_version_date_and_url_only_when_known(lang):
    version = "0123456789abcdef" * 4
    entry = view.app_bibtex(lang, version, "https://example.org", "2026-12-01")
    assert entry.startswith("@software{shenzhen_explorer_0123456,")
    for field in ("version = {0123456789ab}", "urldate = {2026-12-01}", "year    = {2026}", "https://example.org"):
        assert field in entry
    assert "url " not in view.app_bibtex(lang, version, "", "2026-12-01")
    assert "—" in view.app_citation(lang, version, "", "2026-12-01")


@pytest.mark.parametrize("lang", LANGS)
def test_console_texts_state_the_limits_and_count_in_the_right_form(lang):
    assert f"{console.CONSOLE_MAX_ROWS:,}" in view.console_intro(lang)
    assert f"{console.CONSOLE_TIMEOUT_S:g}" in view.console_intro(lang)
    assert view.rows_text(1, lang) == t("sql.rows", lang, count=1, rows="1")
    assert view.rows_text(1, "en") != view.rows_text(2, "en").replace("2", "1")  # "1 row", not "1 rows"
    assert f"{console.CONSOLE_MAX_ROWS:,}" in view.truncated_text(lang)
