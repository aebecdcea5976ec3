"""One panel for the three cities' GDP: one estimator, one window, one vintage, a common and a city shock.

For city c and year t, with g_c,t the log growth of nominal GDP of one comparability group
(one vintage of levels):

    g_c,t = μ + d_c + z_t + u_c,t,   z_t ~ N(0, σ_z²) common to the cities,   u_c,t ~ N(0, σ_u²) the city's own,

with Σ_c d_c = 0. A growth is used only when it is a one-year step that crosses no flagged break
(a level revision is not growth), and only in the years where every city has such a growth (the
window, the same for every city). The estimates: m_c = mean of city c's growths, μ = mean of the
m_c, d_c = m_c − μ; the common shock of year t is the mean over the cities of g_c,t − m_c; σ_u² is
the pooled variance of the remainder ((C−1)(T−1) degrees of freedom), σ_z² the variance of the
common shocks less σ_u²/C (floored at 0). The correlation of two cities' yearly shocks is then
ρ = σ_z² / (σ_z² + σ_u²). Each city is projected from its latest observed level (whatever its
vintage: the anchor), from the first unobserved year, drift m_c plus its estimation error (common
part σ_z/√T, city part σ_u/√T), the common shock shared across cities by calendar year.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.model.peers import BREAK_COLUMN, observed_series

INDICATOR = "gdp"
GROUP = "gdp_stats"  # one definition and vintage of levels: first releases
REAL_INDICATOR = "gdp_growth"  # real growth over the previous year, %, comparable prices
REAL_GROUP = "gdp_growth_stats"
ESTIMATOR = "panel: common drift + city differential, common + city shock (moments)"
LAST_YEAR = 2035  # shocks are drawn to this year whatever the horizon, so a draw does not depend on it


@dataclass(frozen=True)
class CityFit:
    """One city's part of the panel: its anchor, its drift and the settings it was fitted with."""

    city: str
    anchor_year: int
    anchor_value: float
    drift: float  # log growth a year, μ + d_c
    differential: float  # d_c, log points a year
    estimator: str
    window: tuple[int, ...]  # the years t of the growths (t−1 → t) used
    group: str
    dropped: tuple[tuple[int, int], ...]  # steps (from, to) left out: across a break or longer than a year

    @property
    def growth_pct(self) -> float:
        """Return the drift as nominal %/yr."""
        return 100.0 * math.expm1(self.drift)


@dataclass(frozen=True)
class PanelFit:
    """The panel: every city's fit, the common drift, the two shock sds and the drift errors (log points a year)."""

    cities: dict[str, CityFit]
    common_drift: float
    common_sd: float
    city_sd: float
    common_drift_sd: float  # error of the common drift: σ_z/√T (nominal window)
    city_drift_sd: float  # error of a city's differential: σ_u/√T (the differentials' window)
    growths: pd.DataFrame  # year × city nominal log growths used
    real_growths: pd.DataFrame | None  # year × city real log growths the differentials come from (None: nominal)

    @property
    def correlation(self) -> float:
        """Return the correlation of two cities' yearly shocks implied by the fit."""
        total = self.common_sd**2 + self.city_sd**2
        return self.common_sd**2 / total if total > 0 else 0.0

    @property
    def observed_correlation(self) -> pd.DataFrame:
        """Return the observed pairwise correlation of the cities' nominal growth residuals over the window."""
        return (self.growths - self.growths.mean()).corr()

    @property
    def window(self) -> tuple[int, ...]:
        """Return the years of the nominal growths used (one window for every city)."""
        return tuple(int(year) for year in self.growths.index)


def yearly_growths(years: Sequence[int], values: Sequence[float], breaks: Sequence[int]) -> tuple[dict, tuple]:
    """Return {year t: log growth t−1 → t} of every one-year step crossing no break, and the steps left out."""
    year_array = np.asarray(years, dtype=int)
    value_array = np.asarray(values, dtype=float)
    if year_array.shape != value_array.shape or len(set(year_array.tolist())) != year_array.size:
        raise ValueError("years and values: expected one value per year")
    if not (np.isfinite(value_array).all() and (value_array > 0).all()):
        raise ValueError("values: expected positive finite levels")
    order = np.argsort(year_array)
    year_array, value_array = year_array[order], value_array[order]
    broken = {int(year) for year in breaks}
    growths: dict[int, float] = {}
    dropped: list[tuple[int, int]] = []
    for start, end, low, high in zip(year_array[:-1], year_array[1:], value_array[:-1], value_array[1:], strict=True):
        if end - start == 1 and int(end) not in broken:
            growths[int(end)] = float(math.log(high / low))
        else:
            dropped.append((int(start), int(end)))
    return growths, tuple(dropped)


def _window(growths: Mapping[str, Mapping[int, float]], what: str) -> pd.DataFrame:
    """Return year × city of the growths in the years every city has one; raises ValueError under two years."""
    window = sorted(set.intersection(*(set(values) for values in growths.values())))
    if len(window) < 2:
        raise ValueError(f"panel: {len(window)} year(s) in which every city has a comparable {what}, 2 needed")
    return pd.DataFrame({city: [values[year] for year in window] for city, values in growths.items()}, index=window)


def _city_part(table: pd.DataFrame) -> tuple[pd.Series, float]:
    """Return each city's mean less the mean of the means (d_c) and σ_u² of a year × city growth table."""
    cities, years = table.shape[1], table.shape[0]
    means = table.mean()
    residual = table - means
    own = residual.sub(residual.mean(axis=1), axis=0)
    return means - means.mean(), float((own**2).to_numpy().sum()) / ((cities - 1) * (years - 1))


def fit(
    series: Mapping[str, tuple[Sequence[int], Sequence[float], Sequence[int]]],
    group: str = GROUP,
    real: Mapping[str, Mapping[int, float]] | None = None,
) -> PanelFit:
    """Fit the panel to `series`: city -> (years, levels, years whose step from the year before is a break).

    `real` optionally maps every city to {year: real growth, %}: the differentials d_c and the city
    shock sd then come from the real growths (immune to level revisions) in the years every city
    has one, the common drift and common shock from the nominal levels. Raises ValueError with
    fewer than two cities or fewer than two window years.
    """
    if len(series) < 2:
        raise ValueError("panel: at least two cities needed")
    parts = {city: yearly_growths(*data) for city, data in series.items()}
    table = _window({city: growths for city, (growths, _) in parts.items()}, "growth")
    real_table = None
    if real is not None:
        if set(real) != set(series):
            raise ValueError("real: expected the same cities as the levels")
        logs = {
            city: {int(year): math.log1p(float(pct) / 100.0) for year, pct in real[city].items()} for city in series
        }
        real_table = _window(logs, "real growth")[list(series)]
    differentials, city_var = _city_part(table if real_table is None else real_table)
    cities = table.shape[1]
    common_drift = float(table.to_numpy().mean())
    common = table.mean(axis=1) - common_drift
    common_var = max(0.0, float((common**2).sum()) / (len(table) - 1) - city_var / cities)
    city_years = len(table) if real_table is None else len(real_table)
    estimator = ESTIMATOR + ("; differentials on real growth" if real_table is not None else "")
    fits = {}
    for city, (years_of, values, _breaks) in series.items():
        order = np.argsort(np.asarray(years_of, dtype=int))
        fits[city] = CityFit(
            city=city,
            anchor_year=int(np.asarray(years_of, dtype=int)[order][-1]),
            anchor_value=float(np.asarray(values, dtype=float)[order][-1]),
            drift=common_drift + float(differentials[city]),
            differential=float(differentials[city]),
            estimator=estimator,
            window=tuple(int(year) for year in table.index),
            group=group,
            dropped=parts[city][1] + tuple((year - 1, year) for year in parts[city][0] if year not in table.index),
        )
    return PanelFit(
        fits,
        common_drift,
        math.sqrt(common_var),
        math.sqrt(city_var),
        math.sqrt(common_var / len(table)),
        math.sqrt(city_var / city_years),
        table,
        real_table,
    )


def fit_rows(rows: pd.DataFrame, *, real: bool = True) -> PanelFit:
    """Fit the panel to benchmark rows (the peers' columns, `break_before` optional): every city of `vocab.CITIES`.

    Levels are `INDICATOR` of `GROUP`; with `real`, the differentials come from the published real
    growth (`REAL_INDICATOR` of `REAL_GROUP`) when every city has one in at least two common years,
    else from the nominal growths (for every city alike: `CityFit.estimator` says which).
    """
    series = {}
    growth = {}
    for city in vocab.CITIES:
        data = observed_series(rows, city, INDICATOR, GROUP)
        if not data.empty:
            series[city] = (
                data["year"].tolist(),
                data["value"].tolist(),
                data.loc[data[BREAK_COLUMN], "year"].tolist(),
            )
            published = observed_series(rows, city, REAL_INDICATOR, REAL_GROUP)
            growth[city] = dict(zip(published["year"].astype(int), published["value"].astype(float), strict=True))
    if real and len(series) >= 2:
        try:
            return fit(series, GROUP, growth)
        except ValueError as error:
            if "real growth" not in str(error):
                raise
    return fit(series, GROUP)


def check_draws(draws: object) -> int:
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or not 1 <= draws <= 1_000_000:
        raise ValueError(f"draws: expected a whole number in 1..1,000,000, got {draws!r}")
    return int(draws)


def _normals(count: int, size: int, seed: int, city: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return (drift normals (count,), shock normals count × size): the common stream (city 0) or city's own."""
    rng = np.random.default_rng([int(seed), 21] + ([city] if city else []))
    return rng.standard_normal(count), rng.standard_normal((count, size))


def shocks(panel: PanelFit, city: str, *, draws: int = 1000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return (calendar years, draws × years): `city`'s yearly GDP shock in `paths`, in standard deviations.

    The shock of year t is (σ_z z_t + σ_u u_c,t) / √(σ_z² + σ_u²), the same normals `paths` draws for that
    `draws` and `seed` (so a draw's bad year here is its bad year there); years run from the first
    unobserved year of any city to `LAST_YEAR`, NaN up to `city`'s anchor (its observed years).
    """
    count = check_draws(draws)
    names = list(panel.cities)
    if city not in panel.cities:
        raise ValueError(f"city: expected one of {names}, got {city!r}")
    start = min(fit.anchor_year for fit in panel.cities.values()) + 1
    calendar = np.arange(start, LAST_YEAR + 1)
    _, z_common = _normals(count, calendar.size, seed)
    _, z_own = _normals(count, calendar.size, seed, names.index(city) + 1)
    total = math.hypot(panel.common_sd, panel.city_sd)
    scaled = (panel.common_sd * z_common + panel.city_sd * z_own) / total if total > 0 else z_common
    return calendar, np.where(calendar[None, :] > panel.cities[city].anchor_year, scaled, np.nan)


def paths(
    panel: PanelFit,
    years: Sequence[int],
    *,
    draws: int = 1000,
    seed: int = 0,
    drift: Mapping[str, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Return city -> draws × years of levels: the anchor and earlier years NaN except the anchor, later years drawn.

    `drift` optionally replaces a city's drift by per-draw log drifts (an alternative baseline, such
    as an assumed growth); that city then keeps the panel's shocks but no drift estimation error.
    """
    count = check_draws(draws)
    year_array = np.asarray(years, dtype=int)
    if year_array.ndim != 1 or year_array.size == 0 or (np.diff(year_array) <= 0).any():
        raise ValueError("years: expected increasing years")
    start = min(city.anchor_year for city in panel.cities.values()) + 1
    calendar = np.arange(start, max(LAST_YEAR, int(year_array[-1])) + 1)
    z_drift, z_common = _normals(count, calendar.size, seed)
    out = {}
    for index, (name, city) in enumerate(panel.cities.items()):
        z_own_drift, z_own = _normals(count, calendar.size, seed, index + 1)
        if drift is not None and name in drift:
            mu = np.broadcast_to(np.asarray(drift[name], dtype=float), (count,))
        else:
            mu = city.drift + panel.common_drift_sd * z_drift + panel.city_drift_sd * z_own_drift
        ahead = calendar > city.anchor_year
        log_steps = np.where(ahead[None, :], mu[:, None] + panel.common_sd * z_common + panel.city_sd * z_own, 0.0)
        levels = city.anchor_value * np.exp(np.cumsum(log_steps, axis=1))
        path = np.full((count, year_array.size), np.nan)
        for j, year in enumerate(year_array):
            if year == city.anchor_year:
                path[:, j] = city.anchor_value
            elif year > city.anchor_year:
                path[:, j] = levels[:, int(year) - start]
        out[name] = path
    return out
