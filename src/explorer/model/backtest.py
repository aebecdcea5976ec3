"""The hindcast: fit on data up to 2020, predict 2021–2024, score against a random walk with drift.

For every city and series the model's trend (`trend.fit_trend`, the machinery the peers use) is
fitted on the observations up to `FIT_END` only and drawn forward from the last of them; the
benchmark is the textbook random walk with drift on levels (drift = mean yearly change, normal
bands that include the drift's uncertainty). Observations after a series break that falls after
`FIT_END` are on another basis than the fit and are not scored. Scores: mean absolute percentage
error of the median and the share of observations inside p10–p90.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from explorer import vocab
from explorer.model.peers import BREAK_COLUMN, observed_series
from explorer.model.simulation import QUANTILES
from explorer.model.trend import MIN_INCREMENTS, fit_trend, trend_paths

FIT_END = 2020
TEST_YEARS: tuple[int, ...] = (2021, 2022, 2023, 2024)
# Level series scored, indicator -> comparability group (one definition across the three cities).
SERIES: dict[str, str] = {"gdp": "gdp_stats", "sector_i_va": "sector_i_va_stats"}
# Series published only as growth rates: no level to predict, listed as not scored.
GROWTH_ONLY: dict[str, str] = {"c39_va_growth": "c39_va_growth_stats"}
METHODS = ("model", "random_walk")
MISSING_REASONS = ("no_figure", "growth_only", "too_short", "no_test_year")
Z90 = 1.2815515655446004  # standard-normal 90th percentile: p10–p90 = median ± Z90·sd
FORECAST_COLUMNS = ("city", "indicator", "year", "observed", "method", "p10", "p50", "p90")
MISSING_COLUMNS = ("city", "indicator", "reason")


def split(series: pd.DataFrame, fit_end: int, years: Sequence[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the fit rows (up to `fit_end`) and the scored rows (in `years`, before any later break)."""
    train = series[series["year"] <= fit_end]
    later = series[series["year"] > fit_end]
    broken = later.loc[later[BREAK_COLUMN], "year"]
    cut = int(broken.min()) if not broken.empty else math.inf
    test = later[later["year"].isin(list(years)) & (later["year"] < cut)]
    return train, test


def random_walk(train: pd.DataFrame, years: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return p10, p50, p90 of the random walk with drift on levels (breaks dropped), from the last fit year."""
    keep = ~train[BREAK_COLUMN].to_numpy()[1:]
    spans = np.diff(train["year"].to_numpy())[keep].astype(float)
    steps = np.diff(train["value"].to_numpy(dtype=float))[keep]
    drift = steps.sum() / spans.sum()
    sd = math.sqrt(((steps - drift * spans) ** 2 / spans).sum() / (steps.size - 1))
    ahead = np.asarray(years, dtype=float) - float(train["year"].iloc[-1])
    mid = float(train["value"].iloc[-1]) + drift * ahead
    half = Z90 * sd * np.sqrt(ahead + ahead**2 / spans.sum())
    return mid - half, mid, mid + half


def trend_forecast(
    train: pd.DataFrame, years: Sequence[int], *, draws: int, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return p10, p50, p90 of the model's trend fitted on `train`, drawn over `years`."""
    fit = fit_trend(train["year"], train["value"], train.loc[train[BREAK_COLUMN], "year"])
    rng = np.random.default_rng(seed)
    paths = trend_paths(fit, years, rng.standard_normal(draws), rng.standard_normal((draws, len(years))))
    low, mid, high = np.quantile(paths, QUANTILES, axis=0)
    return low, mid, high


def _comparable_growths(train: pd.DataFrame) -> int:
    return int((~train[BREAK_COLUMN].to_numpy()[1:]).sum()) if len(train) > 1 else 0


def hindcast(
    rows: pd.DataFrame,
    *,
    series: Mapping[str, str] = SERIES,
    growth_only: Mapping[str, str] = GROWTH_ONLY,
    fit_end: int = FIT_END,
    years: Sequence[int] = TEST_YEARS,
    draws: int = 1000,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (forecasts, missing): one row per city, series, scored year and method; and why a series is not scored.

    `rows` are benchmark rows (the peers' columns). Reasons: 'no_figure' (nothing published under
    the definition), 'growth_only' (a series of `growth_only`: growth rates, no level), 'too_short'
    (fewer than two comparable growths up to `fit_end`), 'no_test_year' (no point value in `years`
    on the fit's basis).
    """
    out: list[pd.DataFrame] = []
    missing: list[dict[str, str]] = [
        {"city": city, "indicator": indicator, "reason": "no_figure" if data.empty else "growth_only"}
        for indicator, group in growth_only.items()
        for city in vocab.CITIES
        for data in [observed_series(rows, city, indicator, group)]
    ]
    for indicator, group in series.items():
        for city in vocab.CITIES:
            data = observed_series(rows, city, indicator, group)
            train, test = split(data, fit_end, years)
            reason = "no_figure" if data.empty else None
            if reason is None and _comparable_growths(train) < MIN_INCREMENTS:
                reason = "too_short"
            if reason is None and test.empty:
                reason = "no_test_year"
            if reason is not None:
                missing.append({"city": city, "indicator": indicator, "reason": reason})
                continue
            target = test["year"].tolist()
            bands = {
                "model": trend_forecast(train, target, draws=draws, seed=seed),
                "random_walk": random_walk(train, target),
            }
            for method, (low, mid, high) in bands.items():
                out.append(
                    pd.DataFrame(
                        {
                            "city": city,
                            "indicator": indicator,
                            "year": target,
                            "observed": test["value"].to_numpy(dtype=float),
                            "method": method,
                            "p10": low,
                            "p50": mid,
                            "p90": high,
                        }
                    )
                )
    forecasts = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=list(FORECAST_COLUMNS))
    return forecasts[list(FORECAST_COLUMNS)], pd.DataFrame(missing, columns=list(MISSING_COLUMNS))


def scores(forecasts: pd.DataFrame) -> pd.DataFrame:
    """Return per indicator, city (and 'all') and method: observations, MAPE (%) and p10–p90 coverage (%)."""
    frame = forecasts.assign(
        ape=(forecasts["p50"] - forecasts["observed"]).abs() / forecasts["observed"] * 100.0,
        inside=(forecasts["p10"] <= forecasts["observed"]) & (forecasts["observed"] <= forecasts["p90"]),
    )
    pooled = frame.assign(city="all")
    table = (
        pd.concat([frame, pooled])
        .groupby(["indicator", "city", "method"], sort=False)
        .agg(n=("ape", "size"), mape=("ape", "mean"), coverage=("inside", "mean"))
        .reset_index()
    )
    table["coverage"] = table["coverage"] * 100.0
    return table


def markdown(table: pd.DataFrame, missing: pd.DataFrame, fit_end: int = FIT_END) -> str:
    """Return the scores as a Markdown table (model next to the random walk), then the series not scored."""
    lines = [
        "| series | city | years scored | model MAPE | model p10–p90 coverage | random walk MAPE | "
        "random walk p10–p90 coverage |",
        "|---|---|---|---|---|---|---|",
    ]
    wide = table.pivot_table(
        index=["indicator", "city"], columns="method", values=["n", "mape", "coverage"], sort=False
    )
    for (indicator, city), row in wide.iterrows():
        lines.append(
            f"| {indicator} | {city} | {int(row[('n', 'model')])} | {row[('mape', 'model')]:.1f} % | "
            f"{row[('coverage', 'model')]:.0f} % | {row[('mape', 'random_walk')]:.1f} % | "
            f"{row[('coverage', 'random_walk')]:.0f} % |"
        )
    lines.append("")
    lines.append(f"Fit on data up to {fit_end}; nominal levels, one comparability group per series.")
    for row in missing.itertuples(index=False):
        lines.append(f"- not scored: {row.indicator}, {row.city}: {row.reason}")
    return "\n".join(lines)
