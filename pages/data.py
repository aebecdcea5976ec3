"""Data: browse and filter every table, query them in read-only SQL, download them, and cite them."""

import re
from datetime import date

import streamlit as st

from explorer import cached, db, export, ui
from explorer.i18n import STRINGS, t

# Columns that get a multiselect filter in whichever table has them.
FACET_COLUMNS = ("section", "city", "kind", "indicator", "grade")
FILTER_KEYS = ("q", *FACET_COLUMNS)
SQL_MAX_CHARS = 2000  # room for a hand-written join; a link carrying it stays well under browsers' URL limits
MAX_DETAIL_CHARS = 300  # of a DuckDB error message echoed back
FILE_PREFIX = "shenzhen-digital-economy"
TABS = ("browse", "sql", "downloads", "cite")
CSV_BUTTONS_PER_ROW = 3  # long table names stay readable on a laptop screen
URL_PATH = "data"  # this page's url_path in app.py
# SQL reads better in a fixed-width font; Streamlit gives a keyed widget the class st-key-<key>.
EDITOR_CSS = "<style>.st-key-sql textarea {font-family: 'Source Code Pro', monospace; font-size: 0.9rem;}</style>"
SAMPLES = {
    "figures_by_kind": """-- How many figures of each kind the paper holds
SELECT kind, count(*) AS num_figures
FROM figures
GROUP BY kind
ORDER BY num_figures DESC""",
    "targets_2025": """-- The paper's targets for 2025, with their sentences
SELECT id, metric_en, value, value_high, unit_en, qualifier, section, quote_zh
FROM figures
WHERE kind = 'target' AND year = 2025
ORDER BY section, id""",
    "benchmarks_sources": """-- Every benchmark with its source (rows citing the paper take its value and sentence)
SELECT b.city, b.year, b.indicator, coalesce(b.value, f.value) AS value, b.unit, b.status, b.grade,
       b.source_title, b.source_url, coalesce(f.quote_zh, b.source_quote) AS quote, b.date_accessed
FROM benchmarks b
LEFT JOIN figures f ON f.id = b.figure_id
ORDER BY b.indicator, b.city, b.year""",
    "gdp_sz_bj": """-- Shenzhen vs Beijing GDP (100 million yuan), observed values
SELECT year,
       max(value) FILTER (WHERE city = 'shenzhen') AS shenzhen,
       max(value) FILTER (WHERE city = 'beijing') AS beijing,
       round(shenzhen / beijing, 3) AS shenzhen_to_beijing
FROM benchmarks
WHERE indicator = 'gdp' AND status = 'observed' AND unit = '100m_yuan'
GROUP BY year
ORDER BY year""",
    "assumptions": """-- Scenario-model parameters that rest on an assumption, with the reason given
SELECT id, label_en, unit, low, central, high, rationale
FROM parameters
WHERE grade = 'assumption'
ORDER BY id""",
}
PAPER_BIBTEX = {
    "zh": """@article{yan2024shenzhen,
  author   = {严红梅},
  title    = {深圳数字经济高质量发展研究},
  year     = {2024},
  number   = {3},
  pages    = {82--87},
  language = {chinese},
  note     = {文章编号 1673-5706(2024)03-0082-06},
}""",
    "en": """@article{yan2024shenzhen,
  author     = {Yan, Hongmei},
  title      = {深圳数字经济高质量发展研究},
  titleaddon = {Research on the High-Quality Development of Shenzhen's Digital Economy},
  year       = {2024},
  number     = {3},
  pages      = {82--87},
  language   = {chinese},
  note       = {Author's name in Chinese: 严红梅. Article no. 1673-5706(2024)03-0082-06},
}""",
}

lang = ui.start_page("data")
version = cached.database().version
short_version = version[:12]
sections = cached.sections(version).set_index("id")
indicators = cached.indicators(version).set_index("code")


def label_or(key: str, fallback: str) -> str:
    """Return the translation of `key`, or `fallback` for a table or value nobody has described yet."""
    return t(key, lang) if key in STRINGS else fallback


def table_label(name: str) -> str:
    """Return a table's translated name followed by its SQL name."""
    return f"{label_or(f'data.table.{name}', name)} · {name}"


def value_label(column: str, value: str) -> str:
    """Return the translated label of a facet value (section title, indicator name, city, grade...)."""
    if column == "section" and value in sections.index:
        return f"{value} {sections.at[value, f'title_{lang}']}"
    if column == "indicator" and value in indicators.index:
        return f"{indicators.at[value, f'label_{lang}']} · {value}"
    return label_or(f"{column}.{value}", label_or(f"data.value.{column}.{value}", value))


def natural_key(value: str) -> list:
    """Sort '1.10' after '1.9'."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value)]


def clear_filters() -> None:
    """Forget the filters of the previous table when another one is picked."""
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)
        st.query_params.pop(key, None)


def load_sample() -> None:
    """Put the picked sample query into the editor, and empty the picker so any sample can be picked again."""
    code = st.session_state.get("sql_sample")
    if code in SAMPLES:
        st.session_state["sql"] = SAMPLES[code]
    st.session_state["sql_sample"] = None


def mark_run() -> None:
    """Remember a click on Run until the page reads it.

    A callback rather than the button's return value: a run that starts by rerunning through the
    shell (ui.start_page) would otherwise lose the click.
    """
    st.session_state["_sql_run"] = True


def download_help(file_name: str) -> str:
    return t("data.download.file", lang, file=file_name)


def show_refusal(code: str, detail: str) -> None:
    """Explain in the reader's language why a query was not run (never a traceback)."""
    key = f"sql.refused.{code}" if f"sql.refused.{code}" in STRINGS else "sql.refused.error"
    detail = detail.replace("`", "'").replace("\n", " ")[:MAX_DETAIL_CHARS]
    if detail and code not in ("timeout", "too_large"):
        detail = f"`{detail}`"
    st.error(t(key, lang, detail=detail), icon=":material/block:")


st.title(t("data.title", lang))
st.caption(t("data.intro", lang))

meta = cached.meta(version)
num_rows = sum(len(cached.table(version, name)) for name in db.PUBLIC_TABLES)
for column, (label, value, help_text) in zip(
    st.columns(4),
    (
        (t("data.meta.schema", lang), meta.get("schema_version", "—"), None),
        (t("data.meta.version", lang), short_version, t("data.meta.version_help", lang, hash=version)),
        (t("data.meta.tables", lang), len(db.PUBLIC_TABLES), None),
        (t("data.meta.rows", lang), f"{num_rows:,}", None),
    ),
):
    column.metric(label, value, help=help_text)

# A link that carries a query opens on the console; later reruns keep whatever tab the reader chose.
first_tab = st.session_state.setdefault("_data_first_tab", "sql" if st.query_params.get("sql") else "browse")
tab_labels = [t(f"data.tab.{tab}", lang) for tab in TABS]
browse_tab, sql_tab, downloads_tab, cite_tab = st.tabs(tab_labels, default=tab_labels[TABS.index(first_tab)])

with browse_tab:
    name = ui.url_choice(
        "table",
        db.PUBLIC_TABLES,
        label=t("data.table.label", lang),
        format_func=table_label,
        default=db.PUBLIC_TABLES[0],
        on_change=clear_filters,
    )
    st.caption(label_or(f"data.table.{name}.desc", t("data.table.no_desc", lang)))
    frame = cached.table(version, name)

    facets = [column for column in FACET_COLUMNS if column in frame.columns]
    filter_columns = st.columns([2] * len(facets) + [3])
    chosen = {}
    for column, container in zip(facets, filter_columns):
        options = sorted(frame[column].dropna().astype(str).unique(), key=natural_key)
        with container:
            chosen[column] = ui.url_multi(
                column,
                options,
                label=label_or(f"col.{column}", column),
                format_func=lambda value, column=column: value_label(column, value),
                placeholder=t("data.filter.any", lang),
            )
    with filter_columns[-1]:
        text = ui.url_text("q", label=t("data.filter.text", lang), placeholder=t("data.filter.text_placeholder", lang))

    shown = frame
    for column, values in chosen.items():
        if values:
            shown = shown[shown[column].astype(str).isin(values)]
    if text:
        text_columns = shown.select_dtypes(include=["object", "str", "string"]).columns
        haystack = shown[text_columns].astype(str).where(shown[text_columns].notna(), "").agg(" ".join, axis=1)
        shown = shown[haystack.str.lower().str.contains(text.lower(), regex=False)]

    st.caption(t("data.count", lang, shown=f"{len(shown):,}", total=f"{len(frame):,}"))
    if shown.empty:
        st.info(t("data.none", lang))
    else:
        st.dataframe(shown, hide_index=True, width="stretch", height=min(460, 38 + 35 * len(shown)))
    left, right = st.columns(2)
    view_file, table_file = f"{FILE_PREFIX}-{name}-filtered.csv", f"{FILE_PREFIX}-{name}.csv"
    left.download_button(
        t("data.download.view", lang),
        export.csv_bytes(shown),
        file_name=view_file,
        mime="text/csv",
        key="download_view",
        help=download_help(view_file),
        icon=":material/filter_alt:",
        on_click="ignore",
    )
    right.download_button(
        t("data.download.table", lang),
        cached.table_csv(version, name),
        file_name=table_file,
        mime="text/csv",
        key="download_table",
        help=download_help(table_file),
        icon=":material/download:",
        on_click="ignore",
    )

with sql_tab:
    st.html(EDITOR_CSS)
    st.caption(t("sql.intro", lang, rows=f"{db.SQL_MAX_ROWS:,}", seconds=f"{db.SQL_TIMEOUT_S:g}"))
    st.selectbox(
        t("sql.sample.label", lang),
        list(SAMPLES),
        index=None,
        format_func=lambda code: t(f"sql.sample.{code}", lang),
        placeholder=t("sql.sample.placeholder", lang),
        key="sql_sample",
        on_change=load_sample,
    )
    sql = ui.url_text(
        "sql",
        label=t("sql.label", lang),
        max_chars=SQL_MAX_CHARS,
        widget=st.text_area,
        height=180,
        placeholder=t("sql.placeholder", lang),
        help=t("sql.help", lang, tables=", ".join(db.PUBLIC_TABLES)),
    )
    st.button(t("sql.run", lang), key="sql_run", type="primary", icon=":material/play_arrow:", on_click=mark_run)
    is_run = st.session_state.pop("_sql_run", False)
    with st.expander(t("sql.schema", lang), icon=":material/schema:"):
        st.dataframe(cached.columns(version), hide_index=True, width="stretch")

    if sql or is_run:
        try:
            rows, is_truncated, code, detail = cached.query(version, sql)
        except db.QueryRefused as refused:
            rows, is_truncated, code, detail = None, False, refused.code, refused.detail
        if code is not None:
            show_refusal(code, detail)
        else:
            st.caption(t("sql.rows", lang, rows=f"{len(rows):,}"))
            if is_truncated:
                st.warning(t("sql.truncated", lang, rows=f"{db.SQL_MAX_ROWS:,}"), icon=":material/content_cut:")
            st.dataframe(rows, hide_index=True, width="stretch", key="sql_result")
            query_file = f"{FILE_PREFIX}-query.csv"
            st.download_button(
                t("sql.download", lang),
                export.csv_bytes(rows),
                file_name=query_file,
                mime="text/csv",
                key="download_query",
                help=download_help(query_file),
                icon=":material/download:",
                on_click="ignore",
            )
    else:
        st.caption(t("sql.hint", lang))

with downloads_tab:
    st.caption(t("data.downloads.intro", lang))
    st.markdown(f"**{t('data.downloads.csv', lang)}**")
    for start in range(0, len(db.PUBLIC_TABLES), CSV_BUTTONS_PER_ROW):
        row_tables = db.PUBLIC_TABLES[start : start + CSV_BUTTONS_PER_ROW]
        for container, table_name in zip(st.columns(CSV_BUTTONS_PER_ROW), row_tables):
            file_name = f"{FILE_PREFIX}-{table_name}.csv"
            container.download_button(
                label_or(f"data.table.{table_name}", table_name),
                cached.table_csv(version, table_name),
                file_name=file_name,
                mime="text/csv",
                key=f"download_csv_{table_name}",
                help=download_help(file_name),
                icon=":material/table:",
                on_click="ignore",
                width="stretch",
            )
    st.markdown(f"**{t('data.downloads.bulk', lang)}**")
    parquet_file, duckdb_file = f"{FILE_PREFIX}-{short_version}-parquet.zip", f"{FILE_PREFIX}-{short_version}.duckdb"
    left, right = st.columns(2)
    left.download_button(
        t("data.downloads.parquet", lang),
        cached.parquet_zip(version),
        file_name=parquet_file,
        mime="application/zip",
        key="download_parquet",
        help=download_help(parquet_file),
        icon=":material/folder_zip:",
        on_click="ignore",
        width="stretch",
    )
    right.download_button(
        t("data.downloads.duckdb", lang),
        cached.database_file(version),
        file_name=duckdb_file,
        mime="application/octet-stream",
        key="download_duckdb",
        help=download_help(duckdb_file),
        icon=":material/database:",
        on_click="ignore",
        width="stretch",
    )
    st.caption(t("data.downloads.duckdb_note", lang))
    st.code(
        f"import duckdb\n\n"
        f'con = duckdb.connect("{duckdb_file}", read_only=True)\n'
        f'con.sql("SELECT kind, count(*) FROM figures GROUP BY kind").show()',
        language="python",
    )

with cite_tab:
    st.caption(t("cite.intro", lang))
    today = date.today().isoformat()
    app_url = ui.app_url(URL_PATH)
    app_bibtex = "\n".join(
        line
        for line in (
            f"@software{{shenzhen_explorer_{short_version[:7]},",
            f"  title   = {{{t('app.title', lang)}}},",
            f"  author  = {{{{{t('cite.app.author', lang)}}}}},",
            f"  year    = {{{today[:4]}}},",
            f"  version = {{{short_version}}},",
            f"  url     = {{{app_url}}}," if app_url else "",
            f"  urldate = {{{today}}},",
            f"  note    = {{{t('footer.version', lang, version=short_version)}}},",
            "}",
        )
        if line
    )
    st.subheader(t("cite.paper", lang))
    st.code(PAPER_BIBTEX[lang], language="bibtex")
    st.caption(t("cite.journal_note", lang))
    st.markdown(f"**{t('cite.text', lang)}**")
    st.code(t("cite.paper.text", lang), language=None, wrap_lines=True)
    st.subheader(t("cite.app", lang))
    st.code(app_bibtex, language="bibtex")
    st.markdown(f"**{t('cite.text', lang)}**")
    st.code(
        t("cite.app.text", lang, version=short_version, url=app_url or "—", date=today),
        language=None,
        wrap_lines=True,
    )

ui.end_page()
