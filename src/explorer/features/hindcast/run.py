"""`python -m explorer.features.hindcast.run`: fit on data up to 2020, predict 2021–2024, print the scores as Markdown.

Reads the benchmark rows through `explorer.data.gateway` and scores the model's trend against a random walk
with drift (`explorer.model.hindcast`). Nothing after 2020 enters a fit.
"""

from __future__ import annotations

import pandas as pd

from explorer.data import gateway as db
from explorer.model import hindcast as backtest

DRAWS = 1000
SEED = 2020


def series_rows(con: db.Connection) -> pd.DataFrame:
    """Return every city's series the hindcast reads, in the peers' columns."""
    return db.city_series_rows(con, {**backtest.SERIES, **backtest.GROWTH_ONLY})


def run(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (forecasts, scores, missing) of the hindcast on benchmark rows, at the fixed draws and seed."""
    forecasts, missing = backtest.hindcast(rows, draws=DRAWS, seed=SEED)
    return forecasts, backtest.scores(forecasts), missing


def report() -> str:
    """Return the hindcast's Markdown table, computed from the database."""
    con = db.connect()
    try:
        rows = series_rows(con)
    finally:
        con.close()
    _, scores, missing = run(rows)
    return backtest.markdown(scores, missing)


if __name__ == "__main__":
    print(report())
