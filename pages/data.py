"""Data: browse and filter every table, query them in read-only SQL, download them, and cite them."""

from datetime import date

import streamlit as st

from explorer.core.i18n import t
from explorer.data import export, loaders
from explorer.data import gateway as db
from explorer.features.data_page import view
from explorer.features.pieces import fill_missing
from explorer.shell import ui

FILTER_KEYS = ("q", *view.FACET_COLUMNS)
SQL_MAX_CHARS = 2000  # room for a hand-written join; a link carrying it stays well under browsers' URL limits
TABS = ("browse", "sql", "downloads", "cite")
CSV_BUTTONS_PER_ROW = 3  # long table names stay readable on a laptop screen
URL_PATH = "data"  # this page's url_path (its stem in the page registry)
# SQL reads better in a fixed-width font; Streamlit gives a keyed widget the class st-key-<key>.
EDITOR_CSS = "<style>.st-key-sql textarea {font-family: 'Source Code Pro', monospace; font-size: 0.9rem;}</style>"

lang = ui.lang()
version = loaders.database().version
short_version = version[:12]
sections = loaders.sections(version).set_index("id")
indicators = loaders.indicators(version).set_index("code")


def clear_filters() -> None:
    """Forget the filters of the previous table when another one is picked."""
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)
        st.query_params.pop(key, None)


def load_sample() -> None:
    """Put the picked sample query into the editor and run it; empty the picker so any sample can be picked again."""
    code = st.session_state.get("sql_sample")
    if code in view.SAMPLES:
        st.session_state["sql"] = view.SAMPLES[code]
        mark_run()
    st.session_state["sql_sample"] = None


def mark_run() -> None:
    """Remember a click on Run until the page reads it (the answer then stays until the query is edited)."""
    st.session_state["_sql_run"] = True


def download(container, key: str, label: str, data: bytes, file_name: str, icon: str, **kwargs) -> None:
    """Draw a download button whose tooltip names the file."""
    help_text = t("data.download.file", lang, file=file_name)
    mime = view.mime_type(file_name)
    container.download_button(
        label, data, file_name=file_name, mime=mime, key=key, help=help_text, icon=icon, on_click="ignore", **kwargs
    )


st.title(t("data.title", lang))
st.caption(t("data.intro", lang))

num_rows = sum(len(loaders.table(version, name)) for name in db.PUBLIC_TABLES)
metrics = view.meta_metrics(loaders.meta(version), version, len(db.PUBLIC_TABLES), num_rows, lang)
for column, (label, value, help_text) in zip(st.columns(len(metrics)), metrics):
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
        format_func=lambda table: view.table_label(table, lang),
        default=db.PUBLIC_TABLES[0],
        on_change=clear_filters,
    )
    st.caption(view.table_description(name, lang))
    with st.expander(t("data.columns.label", lang), icon=":material/view_column:"):
        st.dataframe(view.column_frame(name, lang), hide_index=True, width="stretch")
    frame = loaders.table(version, name)
    facets = view.facet_columns(frame)
    filter_columns = st.columns([2] * len(facets) + [3])
    chosen = {}
    for column, container in zip(facets, filter_columns):
        with container:
            chosen[column] = ui.url_multi(
                column,
                view.facet_options(frame, column),
                label=view.label_or(f"col.{column}", lang, column),
                format_func=lambda value, column=column: view.value_label(column, value, lang, sections, indicators),
                placeholder=t("data.filter.any", lang),
            )
    with filter_columns[-1]:
        text = ui.url_text("q", label=t("data.filter.text", lang), placeholder=t("data.filter.text_placeholder", lang))
    shown = view.filter_rows(frame, chosen, text)
    st.caption(t("data.count", lang, count=len(frame), shown=f"{len(shown):,}", total=f"{len(frame):,}"))
    if shown.empty:
        st.info(t("data.none", lang))
    else:
        st.dataframe(fill_missing(shown, lang), hide_index=True, width="stretch", height=min(460, 38 + 35 * len(shown)))
    left, right = st.columns(2)
    # The Data page's CSVs (tables, filtered views, query answers) are the database's own tables: their headers
    # and codes are the SQL schema's, in both languages; the other pages' downloads are in the page's language.
    view_file, table_file = view.file_name(name, "filtered.csv"), view.file_name(f"{name}.csv")
    view_csv, table_csv = export.csv_bytes(shown), loaders.table_csv(version, name)
    download(left, "download_view", t("data.download.view", lang), view_csv, view_file, ":material/filter_alt:")
    download(right, "download_table", t("data.download.table", lang), table_csv, table_file, ":material/download:")

with sql_tab:
    st.html(EDITOR_CSS)
    st.caption(view.console_intro(lang))
    st.selectbox(
        t("sql.sample.label", lang),
        list(view.SAMPLES),
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
    # A query runs only on a click (a link's query waits in the editor); its answer lasts while the text is unchanged.
    if st.session_state.pop("_sql_run", False):
        st.session_state["_sql_answer"] = (sql, loaders.query(version, sql))
    ran = st.session_state.get("_sql_answer")
    with st.expander(t("sql.schema", lang), icon=":material/schema:"):
        st.dataframe(view.with_descriptions(loaders.columns(version), lang), hide_index=True, width="stretch")
    state = view.console_state(sql, ran)
    answer = ran[1] if state == "answer" else None
    with st.container(key="sql_answer"):  # one place a test (or a stylesheet) can find the answer
        if answer is not None and answer.code is not None:
            st.error(view.refusal_message(answer.code, answer.detail, lang), icon=":material/block:")
        elif answer is not None and (rows := view.answer_frame(answer)) is None:
            st.error(t("sql.unshowable", lang), icon=":material/block:")
        elif answer is not None:
            st.caption(view.rows_text(len(rows), lang))
            if answer.is_truncated:
                st.warning(view.truncated_text(lang), icon=":material/content_cut:")
            st.dataframe(rows, hide_index=True, width="stretch", key="sql_result", placeholder=view.SQL_NULL)
            query_csv, query_file = export.csv_bytes(rows), view.file_name("query.csv")
            download(st, "download_query", t("sql.download", lang), query_csv, query_file, ":material/download:")
        else:
            st.caption(t(f"sql.{state}", lang))

with downloads_tab:
    st.caption(t("data.downloads.intro", lang))
    st.markdown(f"**{t('data.downloads.csv', lang)}**")
    for start in range(0, len(db.PUBLIC_TABLES), CSV_BUTTONS_PER_ROW):
        row_tables = db.PUBLIC_TABLES[start : start + CSV_BUTTONS_PER_ROW]
        for container, table_name in zip(st.columns(CSV_BUTTONS_PER_ROW), row_tables):
            label = view.table_title(table_name, lang)
            data, file = loaders.table_csv(version, table_name), view.file_name(f"{table_name}.csv")
            download(container, f"download_csv_{table_name}", label, data, file, ":material/table:", width="stretch")
    st.markdown(f"**{t('data.downloads.bulk', lang)}**")
    parquet_file, duckdb_file = view.file_name(short_version, "parquet.zip"), view.file_name(f"{short_version}.duckdb")
    bulk = (
        (
            "download_parquet",
            t("data.downloads.parquet", lang),
            loaders.parquet_zip(version),
            parquet_file,
            ":material/folder_zip:",
        ),
        (
            "download_duckdb",
            t("data.downloads.duckdb", lang),
            loaders.database_file(version),
            duckdb_file,
            ":material/database:",
        ),
    )
    for container, (key, label, data, file, icon) in zip(st.columns(2), bulk):
        download(container, key, label, data, file, icon, width="stretch")
    st.caption(t("data.downloads.duckdb_note", lang))
    st.code(view.duckdb_snippet(duckdb_file), language="python")

with cite_tab:
    st.caption(t("cite.intro", lang))
    today, app_url = date.today().isoformat(), ui.app_url(URL_PATH)
    st.subheader(t("cite.paper", lang))
    st.code(view.PAPER_BIBTEX[lang], language="bibtex")
    st.caption(t("cite.journal_note", lang))
    st.markdown(f"**{t('cite.text', lang)}**")
    st.code(t("cite.paper.text", lang), language=None, wrap_lines=True)
    st.subheader(t("cite.app", lang))
    st.code(view.app_bibtex(lang, version, app_url, today), language="bibtex")
    st.markdown(f"**{t('cite.text', lang)}**")
    st.code(view.app_citation(lang, version, app_url, today), language=None, wrap_lines=True)
