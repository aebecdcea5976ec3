"""A city's nominal trend from its own yearly series: log growth with drift, drift uncertainty and shocks.

The series is taken as a random walk with drift in logs: between two observations `h` years apart
the log level moves by `drift·h` plus a normal shock of variance `shock_sd²·h`. Drift and shock sd
are estimated from the increments of one vintage, nominal throughout; `fit_panel` gives each city
its own drift and one shock sd pooled across the cities of a definition (their yearly shocks are
taken to be of one size, so a city with one comparable growth still has a band). A growth across a series or
census break (a level jump from a revision, not growth) is dropped, never fitted. Paths are drawn
from standard-normal arrays the caller supplies, so the caller can correlate the drift with other
parameters and pair draws across cities.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

MIN_INCREMENTS = 2  # the shock sd needs at least one degree of freedom


@dataclass(frozen=True)
class TrendFit:
    """A fitted trend: last observation, log drift per year, its standard error, yearly shock sd."""

    last_year: int
    last_value: float
    drift: float
    drift_sd: float
    shock_sd: float
    increments: tuple[tuple[int, int], ...]  # (from year, to year) of every growth used in the fit

    @property
    def growth_pct(self) -> float:
        """Return the drift as nominal %/yr."""
        return 100.0 * math.expm1(self.drift)


def _growths(
    years: Sequence[int], values: Sequence[float], breaks: Iterable[int]
) -> tuple[np.ndarray, np.ndarray, tuple[tuple[int, int], ...], int, float]:
    """Return spans, log steps and the pairs of every comparable growth, with the last year and level."""
    year_array = np.asarray(years, dtype=int)
    value_array = np.asarray(values, dtype=float)
    if year_array.shape != value_array.shape or year_array.ndim != 1:
        raise ValueError("years and values: expected two one-dimensional sequences of the same length")
    if len(set(year_array.tolist())) != year_array.size:
        raise ValueError("years: one value per year expected")
    if year_array.size == 0 or not (np.isfinite(value_array).all() and (value_array > 0).all()):
        raise ValueError("values: expected positive finite levels")
    order = np.argsort(year_array)
    year_array, value_array = year_array[order], value_array[order]
    broken = set(int(year) for year in breaks)
    keep = np.array([int(year) not in broken for year in year_array[1:]], dtype=bool)
    pairs = tuple(
        (int(start), int(end)) for start, end, used in zip(year_array[:-1], year_array[1:], keep, strict=True) if used
    )
    spans = np.diff(year_array)[keep].astype(float)
    steps = np.diff(np.log(value_array))[keep]
    return spans, steps, pairs, int(year_array[-1]), float(value_array[-1])


def fit_panel(series: Mapping[str, tuple[Sequence[int], Sequence[float], Iterable[int]]]) -> dict[str, TrendFit]:
    """Fit each series' own drift with one shock sd pooled across the series (a common shock variance).

    `series` maps a name to (years, values, breaks) as `fit_trend` takes them. A series without a
    comparable growth gets no fit (its name is left out). The pooled variance is the sum of every
    series' squared residuals over the growths less one degree of freedom per drift; raises
    ValueError when no degree of freedom is left (fewer than two growths in all).
    """
    parts = {name: _growths(*data) for name, data in series.items()}
    parts = {name: part for name, part in parts.items() if part[1].size > 0}
    residual = 0.0
    freedom = 0
    drifts: dict[str, float] = {}
    for name, (spans, steps, *_) in parts.items():
        drifts[name] = float(steps.sum() / spans.sum())
        residual += float(((steps - drifts[name] * spans) ** 2 / spans).sum())
        freedom += steps.size - 1
    if freedom < 1:
        total = sum(part[1].size for part in parts.values())
        raise ValueError(f"too short: {total} comparable growth(s), at least {MIN_INCREMENTS} needed")
    shock_sd = math.sqrt(residual / freedom)
    return {
        name: TrendFit(
            last_year=last_year,
            last_value=last_value,
            drift=drifts[name],
            drift_sd=shock_sd / math.sqrt(float(spans.sum())),
            shock_sd=shock_sd,
            increments=pairs,
        )
        for name, (spans, _steps, pairs, last_year, last_value) in parts.items()
    }


def fit_trend(years: Sequence[int], values: Sequence[float], breaks: Iterable[int] = ()) -> TrendFit:
    """Fit drift, drift sd and shock sd to one series; `breaks` holds years whose step from the year before is a break.

    Years must be distinct and values positive. A step into a year in `breaks` is dropped (the
    levels on either side are kept: the last level anchors the paths). Raises ValueError when fewer
    than two growths remain.
    """
    fits = fit_panel({"series": (years, values, breaks)})
    if "series" not in fits:
        raise ValueError(f"too short: 0 comparable growth(s), at least {MIN_INCREMENTS} needed")
    return fits["series"]


def compound(
    first: np.ndarray, drift: np.ndarray, shock_sd: np.ndarray | float, gaps: np.ndarray, z_shock: np.ndarray
) -> np.ndarray:
    """Return levels, draws × years: `first` moved by log `drift` a year plus shocks of sd `shock_sd`·√gap.

    The one compounding every GDP path uses (Shenzhen's baseline and the peers' trends alike):
    `gaps` are the years from the year before (0 for the anchor year), `z_shock` standard normals.
    """
    sd = np.asarray(shock_sd, dtype=float).reshape(-1, 1)
    log_path = np.cumsum(drift[:, None] * gaps[None, :] + sd * np.sqrt(gaps)[None, :] * z_shock, axis=1)
    return np.asarray(first, dtype=float).reshape(-1, 1) * np.exp(log_path)


def trend_paths(fit: TrendFit, years: Sequence[int], z_drift: np.ndarray, z_shock: np.ndarray) -> np.ndarray:
    """Return levels, draws × years, from the last observation along `years` (increasing, none before it).

    `z_drift` (draws) and `z_shock` (draws × years) are standard-normal: each draw's drift is
    `drift + drift_sd·z_drift`, and the step into each year adds `shock_sd·√gap·z_shock`.
    """
    year_array = np.asarray(years, dtype=int)
    z_drift = np.asarray(z_drift, dtype=float)
    z_shock = np.asarray(z_shock, dtype=float)
    if year_array.ndim != 1 or year_array.size == 0:
        raise ValueError("years: expected a non-empty one-dimensional sequence")
    if year_array[0] < fit.last_year or (np.diff(year_array) <= 0).any():
        raise ValueError(f"years: expected increasing years from {fit.last_year} on")
    if z_drift.ndim != 1 or z_shock.shape != (z_drift.size, year_array.size):
        raise ValueError("z_drift, z_shock: expected shapes (draws,) and (draws, years)")
    gaps = np.diff(year_array, prepend=fit.last_year).astype(float)
    return compound(fit.last_value, fit.drift + fit.drift_sd * z_drift, fit.shock_sd, gaps, z_shock)
