"""The hindcast: fit on data up to 2020, predict 2021–2024, score against a random walk with drift.

For every series the model's trend (`trend.fit_panel`, the machinery the peers use: each city's own
drift, one shock sd pooled across the cities) is fitted on the observations up to `FIT_END` only
and drawn forward from the last of them; the benchmark is the random walk with drift on levels
(drift = each city's mean yearly change, normal bands that include the drift's uncertainty, the
yearly sd pooled across the cities as a share of the level). Observations after a series break
that falls after `FIT_END` are on another basis than the fit and are not scored. Scores: mean absolute percentage
error of the median and the share of observations inside p10–p90.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.model.peers import BREAK_COLUMN, observed_series
from explorer.model.simulation import QUANTILES
from explorer.model.trend import MIN_INCREMENTS, fit_panel, trend_paths

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


def _level_steps(train: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return spans, level steps and the level each step starts from, breaks dropped."""
    keep = ~train[BREAK_COLUMN].to_numpy()[1:]
    values = train["value"].to_numpy(dtype=float)
    spans = np.diff(train["year"].to_numpy())[keep].astype(float)
    return spans, np.diff(values)[keep], values[:-1][keep]


def random_walks(
    trains: Mapping[str, pd.DataFrame], years: Mapping[str, Sequence[int]]
) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Return per city p10, p50, p90 of the random walk with drift on levels, from its last fit year.

    Each city keeps its own drift (mean yearly change); the yearly sd is pooled across the cities
    as a share of the level (each step's residual over the level it starts from), as the model
    pools its shock sd, so a city with one comparable step still has a band.
    """
    parts = {city: _level_steps(train) for city, train in trains.items()}
    drifts = {city: steps.sum() / spans.sum() for city, (spans, steps, _) in parts.items()}
    residual = sum(
        float((((steps - drifts[city] * spans) / starts) ** 2 / spans).sum())
        for city, (spans, steps, starts) in parts.items()
    )
    freedom = sum(steps.size - 1 for _, steps, _ in parts.values())
    relative_sd = math.sqrt(residual / freedom)
    out = {}
    for city, train in trains.items():
        spans = parts[city][0]
        last = float(train["value"].iloc[-1])
        ahead = np.asarray(years[city], dtype=float) - float(train["year"].iloc[-1])
        mid = last + drifts[city] * ahead
        half = Z90 * relative_sd * last * np.sqrt(ahead + ahead**2 / spans.sum())
        out[city] = (mid - half, mid, mid + half)
    return out


def trend_forecasts(
    trains: Mapping[str, pd.DataFrame], years: Mapping[str, Sequence[int]], *, draws: int, seed: int
) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Return per city p10, p50, p90 of the model's trend (`trend.fit_panel` on the fit rows), drawn over its years."""
    fits = fit_panel(
        {
            city: (train["year"], train["value"], train.loc[train[BREAK_COLUMN], "year"])
            for city, train in trains.items()
        }
    )
    out = {}
    for city, fit in fits.items():
        rng = np.random.default_rng(seed)
        target = years[city]
        paths = trend_paths(fit, target, rng.standard_normal(draws), rng.standard_normal((draws, len(target))))
        low, mid, high = np.quantile(paths, QUANTILES, axis=0)
        out[city] = (low, mid, high)
    return out


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
    (no comparable growth up to `fit_end`, or fewer than two across the cities of the series),
    'no_test_year' (no point value in `years` on the fit's basis).
    """
    out: list[pd.DataFrame] = []
    missing: list[dict[str, str]] = [
        {"city": city, "indicator": indicator, "reason": "no_figure" if data.empty else "growth_only"}
        for indicator, group in growth_only.items()
        for city in vocab.CITIES
        for data in [observed_series(rows, city, indicator, group)]
    ]
    for indicator, group in series.items():
        scored: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = {}
        for city in vocab.CITIES:
            data = observed_series(rows, city, indicator, group)
            train, test = split(data, fit_end, years)
            reason = "no_figure" if data.empty else None
            if reason is None and _comparable_growths(train) < 1:
                reason = "too_short"
            if reason is None and test.empty:
                reason = "no_test_year"
            if reason is None:
                scored[city] = (train, test)
            else:
                missing.append({"city": city, "indicator": indicator, "reason": reason})
        # Each city's drift takes one growth; the pooled shock needs one more somewhere (MIN_INCREMENTS for one city).
        if sum(_comparable_growths(train) - 1 for train, _ in scored.values()) < MIN_INCREMENTS - 1:
            missing += [{"city": city, "indicator": indicator, "reason": "too_short"} for city in scored]
            continue
        trains = {city: train for city, (train, _) in scored.items()}
        target = {city: test["year"].tolist() for city, (_, test) in scored.items()}
        bands = {
            "model": trend_forecasts(trains, target, draws=draws, seed=seed),
            "random_walk": random_walks(trains, target),
        }
        for city, (_, test) in scored.items():
            for method, by_city in bands.items():
                low, mid, high = by_city[city]
                out.append(
                    pd.DataFrame(
                        {
                            "city": city,
                            "indicator": indicator,
                            "year": target[city],
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
