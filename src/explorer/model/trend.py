"""A city's nominal trend from its own yearly series: log growth with drift, drift uncertainty and shocks.

The series is taken as a random walk with drift in logs: between two observations `h` years apart
the log level moves by `drift·h` plus a normal shock of variance `shock_sd²·h`. Drift and shock sd
are estimated from the increments of one vintage, nominal throughout. A growth across a series or
census break (a level jump from a revision, not growth) is dropped, never fitted. Paths are drawn
from standard-normal arrays the caller supplies, so the caller can correlate the drift with other
parameters and pair draws across cities.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
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


def fit_trend(years: Sequence[int], values: Sequence[float], breaks: Iterable[int] = ()) -> TrendFit:
    """Fit drift, drift sd and shock sd to one series; `breaks` holds years whose step from the year before is a break.

    Years must be distinct and values positive. A step into a year in `breaks` is dropped (the
    levels on either side are kept: the last level anchors the paths). Raises ValueError when fewer
    than two growths remain.
    """
    year_array = np.asarray(years, dtype=int)
    value_array = np.asarray(values, dtype=float)
    if year_array.shape != value_array.shape or year_array.ndim != 1:
        raise ValueError("years and values: expected two one-dimensional sequences of the same length")
    if len(set(year_array.tolist())) != year_array.size:
        raise ValueError("years: one value per year expected")
    if not (np.isfinite(value_array).all() and (value_array > 0).all()):
        raise ValueError("values: expected positive finite levels")
    order = np.argsort(year_array)
    year_array, value_array = year_array[order], value_array[order]
    broken = set(int(year) for year in breaks)
    keep = np.array([int(year) not in broken for year in year_array[1:]], dtype=bool)
    spans = np.diff(year_array)[keep].astype(float)
    steps = np.diff(np.log(value_array))[keep]
    if steps.size < MIN_INCREMENTS:
        raise ValueError(f"too short: {steps.size} comparable growth(s), at least {MIN_INCREMENTS} needed")
    drift = float(steps.sum() / spans.sum())
    shock_var = float(((steps - drift * spans) ** 2 / spans).sum() / (steps.size - 1))
    shock_sd = math.sqrt(shock_var)
    pairs = tuple(
        (int(start), int(end)) for start, end, used in zip(year_array[:-1], year_array[1:], keep, strict=True) if used
    )
    return TrendFit(
        last_year=int(year_array[-1]),
        last_value=float(value_array[-1]),
        drift=drift,
        drift_sd=shock_sd / math.sqrt(float(spans.sum())),
        shock_sd=shock_sd,
        increments=pairs,
    )


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
    drift = fit.drift + fit.drift_sd * z_drift
    log_path = drift[:, None] * (year_array - fit.last_year)[None, :] + np.cumsum(
        fit.shock_sd * np.sqrt(gaps)[None, :] * z_shock, axis=1
    )
    return fit.last_value * np.exp(log_path)
