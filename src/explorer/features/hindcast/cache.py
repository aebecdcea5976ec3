"""The hindcast's caches: the city series it reads and its scores, per data version."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer.data import loaders
from explorer.features.hindcast import run


@st.cache_data(show_spinner=False)
def rows(version: str) -> pd.DataFrame:
    """Return the city series the hindcast reads."""
    return loaders.read(run.series_rows)


@st.cache_data(show_spinner=False)
def scored(version: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the hindcast's forecasts, scores and series not scored (fit up to 2020, 2021–2024 scored)."""
    return run.run(rows(version))


@st.cache_data(show_spinner=False)
def rolling(version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the rolling-origin validation of the GDP panel: forecasts and scores."""
    return run.rolling(loaders.benchmarks(version))
