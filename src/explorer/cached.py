"""Cached loaders: one shared read-only connection, query results cached on scalar keys."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import streamlit as st

from explorer import db


@dataclass(frozen=True)
class Database:
    """The shared connection, what was found at start-up and the data version it serves."""

    con: duckdb.DuckDBPyConnection
    state_found: str
    version: str


@st.cache_resource(show_spinner=False)
def database() -> Database:
    """Return the shared database, rebuilt first if it was missing, unreadable or stale."""
    state = db.ensure_database()
    con = db.connect()
    return Database(con, state, db.data_version(con))


@st.cache_data(show_spinner=False)
def figures(version: str) -> pd.DataFrame:
    """Return every figure of the paper (cached per data version)."""
    return db.figures(database().con)


@st.cache_data(show_spinner=False)
def sections(version: str) -> pd.DataFrame:
    """Return the paper's sections with their text."""
    return db.sections(database().con)


@st.cache_data(show_spinner=False)
def indicators(version: str) -> pd.DataFrame:
    """Return the benchmark indicators."""
    return db.indicators(database().con)


@st.cache_data(show_spinner=False)
def benchmarks(version: str, indicator: str | None = None) -> pd.DataFrame:
    """Return benchmark rows for one indicator (or all)."""
    return db.benchmarks(database().con, indicator)


@st.cache_data(show_spinner=False)
def parameters(version: str) -> pd.DataFrame:
    """Return the model's parameters."""
    return db.parameters(database().con)


@st.cache_data(show_spinner=False)
def table(version: str, name: str) -> pd.DataFrame:
    """Return a whole public table."""
    return db.table(database().con, name)
