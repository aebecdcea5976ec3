"""Cached loaders: one shared read-only connection, tables, console answers and downloads cached on scalar keys."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NoReturn, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from explorer.console import service as console
from explorer.core.i18n import DEFAULT_LANG, t
from explorer.data import export, startup
from explorer.data import gateway as db

T = TypeVar("T")
CONSOLE_OWNER_KEY = "_console_owner"  # this session's token: its console queries run one at a time


@dataclass(frozen=True)
class Database:
    """The shared connection (None when nothing can be served), what start-up found and the data version."""

    con: duckdb.DuckDBPyConnection | None
    startup: startup.Startup
    version: str


@st.cache_resource(show_spinner=False)
def database() -> Database:
    """Return the database this process serves: checked and, if needed, built once per process (never raises)."""
    found = startup.prepare()
    if found.path is None:
        return Database(None, found, "")
    try:
        con = db.connect(found.path)
        return Database(con, found, db.data_version(con))
    except duckdb.Error as exc:
        return Database(None, replace(found, path=None, notice="unavailable", detail=type(exc).__name__), "")


def stop_unavailable(detail: str) -> NoReturn:
    """Say in the reader's language that the data cannot be read, show the detail as code, and stop the page."""
    lang = st.session_state.get("lang", DEFAULT_LANG)
    st.error(t("error.data_unavailable", lang), icon=":material/error:")
    if detail:
        st.code(detail, language=None, wrap_lines=True)
    st.stop()


def read(query: Callable[..., T], *args: object) -> T:
    """Run one gateway query on the shared connection; a DuckDB failure stops the page with a translated message."""
    con = database().con
    if con is None:
        stop_unavailable(database().startup.detail)
    try:
        return query(con, *args)
    except duckdb.Error as exc:
        stop_unavailable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


@st.cache_data(show_spinner=False)
def figures(version: str) -> pd.DataFrame:
    """Return every figure of the paper (cached per data version)."""
    return read(db.figures)


@st.cache_data(show_spinner=False)
def sections(version: str) -> pd.DataFrame:
    """Return the paper's sections with their text."""
    return read(db.sections)


@st.cache_data(show_spinner=False)
def indicators(version: str) -> pd.DataFrame:
    """Return the benchmark indicators."""
    return read(db.indicators)


@st.cache_data(show_spinner=False)
def benchmarks(version: str, indicator: str | None = None) -> pd.DataFrame:
    """Return benchmark rows for one indicator (or all)."""
    return read(db.benchmarks, indicator)


@st.cache_data(show_spinner=False)
def national(version: str) -> pd.DataFrame:
    """Return China's national GDP rows (the `national` table)."""
    return read(db.national)


@st.cache_data(show_spinner=False)
def comparability_groups(version: str) -> pd.DataFrame:
    """Return every comparability group with its definition and note in zh and en."""
    return read(db.comparability_groups)


@st.cache_data(show_spinner=False)
def units(version: str) -> pd.DataFrame:
    """Return every unit code with its zh/en labels."""
    return read(db.units)


@st.cache_data(show_spinner=False)
def outcomes(version: str) -> pd.DataFrame:
    """Return the model's outcomes with their labels and units."""
    return read(db.outcomes)


@st.cache_data(show_spinner=False)
def parameters(version: str) -> pd.DataFrame:
    """Return the model's parameters."""
    return read(db.parameters)


@st.cache_data(show_spinner=False)
def table(version: str, name: str) -> pd.DataFrame:
    """Return a whole public table."""
    return read(db.table, name)


@st.cache_data(show_spinner=False)
def recommendations(version: str) -> pd.DataFrame:
    """Return the links between measure groups (3.x) and bottlenecks (2.x) with their quotes."""
    return read(db.recommendations)


@st.cache_data(show_spinner=False)
def measure_levers(version: str) -> pd.DataFrame:
    """Return the scenario levers each measure group implies."""
    return read(db.measure_levers)


# Data page
@st.cache_data(show_spinner=False)
def meta(version: str) -> dict[str, str]:
    """Return the build's metadata (schema_version, content_hash)."""
    return read(db.meta)


@st.cache_data(show_spinner=False)
def columns(version: str) -> pd.DataFrame:
    """Return every public table's columns with their SQL types."""
    return read(db.columns)


@st.cache_resource(show_spinner=False)
def _console_answers() -> console.ResultCache:
    """Return the console's answers shared by every session, capped by their total size in bytes."""
    return console.ResultCache()


def query(version: str, sql: str) -> console.Answer:
    """Return the answer to a console query, from the shared cache when this data version answered it before.

    Refusals are cached too; a timeout, a busy console or a query stopped by its memory cap is not
    (it may pass when the server is less busy). Readers of a query being run wait for its answer.
    A session whose previous query has not answered yet is told so at once (it holds one slot at most).
    """
    owner = st.session_state.setdefault(CONSOLE_OWNER_KEY, secrets.token_hex(16))
    return console.OWNERS.run(
        owner,
        lambda: _console_answers().get_or_compute(
            (version, sql), lambda: console.run(sql, database().startup.path), console.longest_wait_s()
        ),
    )


@st.cache_data(show_spinner=False)
def table_csv(version: str, name: str) -> bytes:
    """Return a whole public table as CSV bytes."""
    return export.csv_bytes(table(version, name))


@st.cache_resource(show_spinner=False, max_entries=1)
def parquet_zip(version: str) -> bytes:
    """Return every public table as Parquet in one zip, with the build's metadata."""
    return export.parquet_zip({name: table(version, name) for name in db.PUBLIC_TABLES}, meta(version))


@st.cache_resource(show_spinner=False, max_entries=1)
def database_file(version: str) -> bytes:
    """Return the bytes of the DuckDB file being served (the page stops with a message if it is gone)."""
    path = database().startup.path
    try:
        return path.read_bytes() if path else stop_unavailable("")
    except OSError as exc:
        stop_unavailable(type(exc).__name__)


@st.cache_data(show_spinner=False)
def target_status(version: str) -> pd.DataFrame:
    """Return every sourced status of a paper target, oldest first per target."""
    return read(db.target_status)
