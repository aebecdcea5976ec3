"""`python -m explorer.hindcast`: fit on data up to 2020, predict 2021–2024, print the scores as Markdown.

Reads the benchmark rows through `explorer.db` and scores the model's trend against a random walk
with drift (`explorer.model.backtest`). Nothing after 2020 enters a fit.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from explorer import db, vocab
from explorer.model import backtest

DRAWS = 1000
SEED = 2020


def series_rows(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every city's series the hindcast reads (`db.city_series`), in the peers' columns."""
    wanted = {**backtest.SERIES, **backtest.GROWTH_ONLY}
    frames = [
        db.city_series(con, city, indicator, group).assign(
            city=city, indicator=indicator, comparability_group=group, status="observed"
        )
        for indicator, group in wanted.items()
        for city in vocab.CITIES
    ]
    return pd.concat(frames, ignore_index=True)


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
