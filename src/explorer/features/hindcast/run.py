"""`python -m explorer.features.hindcast.run`: score the page's baseline from rolling origins, then the level hindcast.

Reads the benchmark rows through `explorer.data.gateway`. First the three-city panel the Scenarios page uses,
fitted at every origin the data allow and scored on growth and on the log gap to each peer
(`explorer.model.validation`); then each series' own trend fitted up to 2020 and scored on 2021–2024 levels
(`explorer.model.hindcast`). Both against a random walk with drift; printed as Markdown.
"""

from __future__ import annotations

import pandas as pd

from explorer.data import gateway as db
from explorer.model import hindcast as backtest
from explorer.model import validation

DRAWS = 1000
SEED = 2020
ROLLING_DRAWS = 2000


def series_rows(con: db.Connection) -> pd.DataFrame:
    """Return every city's series the hindcast reads, in the peers' columns."""
    return db.city_series_rows(con, {**backtest.SERIES, **backtest.GROWTH_ONLY})


def run(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (forecasts, scores, missing) of the hindcast on benchmark rows, at the fixed draws and seed."""
    forecasts, missing = backtest.hindcast(rows, draws=DRAWS, seed=SEED)
    return forecasts, backtest.scores(forecasts), missing


def rolling(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (forecasts, scores) of the panel's rolling-origin validation on benchmark rows (fixed draws, seed)."""
    forecasts = validation.rolling(rows, draws=ROLLING_DRAWS, seed=SEED)
    return forecasts, validation.scores(forecasts)


def reference(rows: pd.DataFrame, forecasts: pd.DataFrame, target: str) -> pd.DataFrame:
    """Return draws of the calibration sums of `rolling`'s `target` values if the panel were right (its draws, seed)."""
    return validation.joint_reference(rows, forecasts, target, draws=ROLLING_DRAWS, seed=SEED)


def report() -> str:
    """Return the Markdown tables (rolling origins, then the level hindcast), computed from the database."""
    con = db.connect()
    try:
        rows = series_rows(con)
        benchmarks = db.benchmarks(con)
    finally:
        con.close()
    forecasts, panel_scores = rolling(benchmarks)
    _, scores, missing = run(rows)
    return validation.markdown(panel_scores, forecasts) + "\n\n" + backtest.markdown(scores, missing)


if __name__ == "__main__":
    print(report())
