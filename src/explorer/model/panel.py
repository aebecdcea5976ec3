"""One panel for the three cities' GDP: one estimator, one window, one vintage, a common and a city shock.

For city c and year t, with g_c,t the log growth of nominal GDP of one comparability group
(one vintage of levels):

    g_c,t = μ + d_c + z_t + u_c,t,   z_t ~ N(0, σ_z²) common to the cities,   u_c,t ~ N(0, σ_u²) the city's own,

with Σ_c d_c = 0. A growth is used only when it is a one-year step that crosses no flagged break
(a level revision is not growth), and only in the years where every city has such a growth (the
window, the same for every city). The pandemic: the level of `OUTLIER` (2020) is flagged as an
outlier of the level (the fall of 2020 and the rebound of 2021 are one disturbance, not two
independent growth shocks), so its two growths enter every estimate as one two-year step
2019 → 2021 of span k = 2: weight 2 in a mean, one residual of variance k·σ² in a variance. The
estimates (steps s of span k_s): m_c = Σ_s g_c,s ÷ Σ_s k_s, μ = mean of the m_c, d_c = m_c − μ;
the common part of step s is the mean over the cities of g_c,s − k_s·m_c; σ_u² is the pooled
Σ (remainder² ÷ k_s) over (C−1)(S−1) degrees of freedom, σ_z² is Σ (common part² ÷ k_s) ÷ (S−1)
less σ_u²/C (floored at 0). With the published real growths (`fit(real=…)`), the shock sizes
come from them (the longer series, immune to level revisions) and μ from the nominal levels: σ_z
from the steps every city has (less the σ_u²/C of that balanced window), d_c and σ_u from a
two-way fixed-effects fit of every step two cities share (`fixed_effects`, the longest clean
window). The city shock is sized on real growth alone: on the steps with both, a city's own price
change offsets its real one, and the city shock of the clean nominal steps (`nominal_city_sd`, the
same fit, a check) is about σ_u, where adding an independent price shock would overstate it.
The correlation of two cities' yearly shocks is ρ = σ_z² / (σ_z² + σ_u²). Each city is projected
from its latest observed level (whatever its vintage: the anchor), from the first unobserved
year. Each draw takes its own shock sizes from their posterior, σ² = s²·ν ÷ χ²_ν with the
estimate's ν degrees of freedom (S−1 common; city: observations − cities − steps + 1), and its
drift m_c plus the drift's estimation error at that size (common part σ_z/√Y, city part σ_u/√Y_R
over the Y years the nominal window spans and the Y_R the balanced real window spans, the shorter:
conservative); the common shock is shared across cities by calendar year.
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
TARGET_GROUP = "gdp_growth_target"  # each city's own real growth target for a year, set in its January work report
ESTIMATOR = "panel: common drift + city differential, common + city shock (moments)"
LAST_YEAR = 2035  # shocks are drawn to this year whatever the horizon, so a draw does not depend on it
# The pandemic: the 2020 level is an outlier of the level (the fall and the 2021 rebound are one disturbance),
# so 2019 → 2020 and 2020 → 2021 enter the fit as one two-year step 2019 → 2021; a lone half of it is left out.
OUTLIER = 2020


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
    start: int = 0  # the first level year of the window (the window's steps run from it)

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
    common_drift_sd: float  # error of the common drift: σ_z/√Y (years the nominal window spans)
    city_drift_sd: float  # error of a city's differential: σ_u/√Y_R (Y_R: the balanced real window's years)
    growths: pd.DataFrame  # step × city nominal log growths used (indexed by the step's last year)
    real_growths: pd.DataFrame | None  # the balanced real window (step × city log growths): σ_z, Y_R (None: nominal)
    spans: pd.Series | None = None  # years each nominal step spans (2 for the pandemic pair), by its last year
    shock_spans: pd.Series | None = None  # the spans of that window's steps
    common_freedom: int = 0  # degrees of freedom of σ_z² (steps − 1); 0: the sds are not drawn
    city_freedom: int = 0  # degrees of freedom of σ_u² (observations − cities − steps + 1)
    city_window: tuple[int, ...] = ()  # the real-growth steps d_c and σ_u come from (every one two cities share)
    nominal_city_sd: float = 0.0  # a check, not drawn: the city shock sized the same way on the clean nominal steps
    nominal_city_freedom: int = 0  # its degrees of freedom (0: no such check)

    @property
    def correlation(self) -> float:
        """Return the correlation of two cities' yearly shocks implied by the fit."""
        total = self.common_sd**2 + self.city_sd**2
        return self.common_sd**2 / total if total > 0 else 0.0

    @property
    def observed_correlation(self) -> pd.DataFrame:
        """Return the pairwise correlation of the cities' nominal growth residuals (per year spanned) in the window."""
        span = self.spans if self.spans is not None else pd.Series(1.0, index=self.growths.index)
        means = self.growths.sum() / span.sum()
        residual = (self.growths - np.outer(span.to_numpy(), means.to_numpy())).div(np.sqrt(span), axis=0)
        return residual.corr()

    @property
    def window(self) -> tuple[int, ...]:
        """Return the last years of the nominal steps used (one window for every city)."""
        return tuple(int(year) for year in self.growths.index)

    @property
    def window_start(self) -> int:
        """Return the first level year of the nominal window (its first step starts there)."""
        span = int(self.spans.iloc[0]) if self.spans is not None else 1
        return self.window[0] - span


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


def merge_outlier(growths: Mapping[int, float], outlier: int | None = OUTLIER) -> tuple[dict, dict, tuple]:
    """Return ({end year: growth}, {end year: span}, steps left out) with the steps into and out of `outlier` merged.

    Both one-year steps present: one step of span 2 ending the year after `outlier`; only one of them:
    that half is left out (a fall without its rebound, or the reverse, is not a growth of the trend).
    """
    values = {int(year): float(growth) for year, growth in growths.items()}
    spans = dict.fromkeys(values, 1)
    left: list[tuple[int, int]] = []
    if outlier is not None:
        into, out_of = int(outlier), int(outlier) + 1
        if into in values and out_of in values:
            values[out_of] += values.pop(into)
            spans.pop(into)
            spans[out_of] = 2
        else:
            for year in (into, out_of):
                if year in values:
                    values.pop(year)
                    spans.pop(year)
                    left.append((year - 1, year))
    return values, spans, tuple(left)


def _window(
    growths: Mapping[str, Mapping[int, float]], spans: Mapping[str, Mapping[int, int]], what: str, least: int = 2
) -> tuple[pd.DataFrame, pd.Series]:
    """Return (step × city growths, span of each step) of the steps every city has with the same span.

    Raises ValueError under `least` steps.
    """
    common = set.intersection(*(set(values) for values in growths.values()))
    window = sorted(year for year in common if len({spans[city][year] for city in spans}) == 1)
    if len(window) < least:
        raise ValueError(f"panel: {len(window)} step(s) in which every city has a comparable {what}, {least} needed")
    first = next(iter(spans))
    table = pd.DataFrame({city: [values[year] for year in window] for city, values in growths.items()}, index=window)
    return table, pd.Series([spans[first][year] for year in window], index=window, dtype=float)


def _moments(table: pd.DataFrame, span: pd.Series) -> tuple[pd.Series, pd.Series, float]:
    """Return each city's mean growth a year (m_c), the common part of each step and σ_u² of a step × city table."""
    cities, steps = table.shape[1], table.shape[0]
    means = table.sum() / span.sum()
    residual = table - np.outer(span.to_numpy(), means.to_numpy())
    common = residual.mean(axis=1)
    own = residual.sub(common, axis=0)
    city_var = float((own**2).div(span, axis=0).to_numpy().sum()) / ((cities - 1) * (steps - 1))
    return means, common, city_var


def fixed_effects(
    values: Mapping[str, Mapping[int, float]], spans: Mapping[str, Mapping[int, int]]
) -> tuple[pd.Series, float, int, tuple[int, ...]]:
    """Return (d_c, σ², degrees of freedom, steps used) of a two-way fixed-effects fit of city × step growths.

    A step (by its last year) enters when at least two cities have it with the same span (an unbalanced
    panel: every year two cities publish, not only those all do). Model: g_c,s = k_s·m_c + a_s + e_c,s with
    Var e = k_s·σ² (weighted least squares, weight 1/k_s); d_c = m_c less their mean; σ² = the weighted
    residual sum of squares over observations − cities − steps + 1 (0 when that is not positive: σ² is then 0).
    On a balanced window this is `_moments`' σ_u² and differentials.
    """
    cities = list(values)
    count: dict[tuple[int, int], int] = {}
    for city in cities:
        for year in values[city]:
            count[(year, spans[city][year])] = count.get((year, spans[city][year]), 0) + 1
    steps = sorted({year for (year, _), n in count.items() if n >= 2})
    rows = [
        (city, year, spans[city][year], values[city][year])
        for city in cities
        for year in steps
        if year in values[city] and count[(year, spans[city][year])] >= 2
    ]
    used = sorted({year for _, year, _, _ in rows})
    present = [city for city in cities if any(row[0] == city for row in rows)]
    if len(present) < 2 or len(used) < 1:
        return pd.Series(0.0, index=cities), 0.0, 0, tuple(used)
    design = np.zeros((len(rows), len(present) + len(used)))
    target = np.zeros(len(rows))
    for i, (city, year, span, value) in enumerate(rows):
        weight = 1.0 / math.sqrt(span)
        design[i, present.index(city)] = span * weight
        design[i, len(present) + used.index(year)] = weight
        target[i] = value * weight
    beta, *_ = np.linalg.lstsq(design, target, rcond=None)
    residual = target - design @ beta
    freedom = len(rows) - int(np.linalg.matrix_rank(design))
    means = pd.Series(beta[: len(present)], index=present).reindex(cities)
    differentials = (means - means.mean()).fillna(0.0)
    variance = float(residual @ residual) / freedom if freedom > 0 else 0.0
    return differentials, variance, max(freedom, 0), tuple(used)


def fit(
    series: Mapping[str, tuple[Sequence[int], Sequence[float], Sequence[int]]],
    group: str = GROUP,
    real: Mapping[str, Mapping[int, float]] | None = None,
    outlier: int | None = OUTLIER,
) -> PanelFit:
    """Fit the panel to `series`: city -> (years, levels, years whose step from the year before is a break).

    `real` optionally maps every city to {year: real growth, %}: the shock sizes then come from the
    real growths (immune to level revisions, and longer), σ_z from the steps every city has one, d_c
    and σ_u from every step two cities share (`fixed_effects`); the common drift from the nominal
    levels (one step is then enough). `outlier`: the
    level year whose two growths enter as one two-year step (`merge_outlier`; None: none). Raises
    ValueError with fewer than two cities or too few window steps (two for the shocks).
    """
    if len(series) < 2:
        raise ValueError("panel: at least two cities needed")
    parts = {city: yearly_growths(*data) for city, data in series.items()}
    merged = {city: merge_outlier(growths, outlier) for city, (growths, _) in parts.items()}
    table, span = _window(
        {city: values for city, (values, _, _) in merged.items()},
        {city: spans for city, (_, spans, _) in merged.items()},
        "growth",
        least=1 if real is not None else 2,
    )
    real_table = real_span = None
    if real is not None:
        if set(real) != set(series):
            raise ValueError("real: expected the same cities as the levels")
        logs = {
            city: merge_outlier(
                {int(year): math.log1p(float(pct) / 100.0) for year, pct in real[city].items()}, outlier
            )
            for city in series
        }
        real_table, real_span = _window(
            {city: logs[city][0] for city in series}, {city: logs[city][1] for city in series}, "real growth"
        )
        real_table = real_table[list(series)]
    shocks_table, shocks_span = (table, span) if real_table is None else (real_table, real_span)
    means, common, city_var = _moments(shocks_table, shocks_span)
    differentials = means - means.mean()
    cities = table.shape[1]
    freedom = len(shocks_table) - 1
    common_var = max(0.0, float((common**2 / shocks_span).sum()) / freedom - city_var / cities)
    city_freedom, city_window = (cities - 1) * freedom, tuple(int(year) for year in shocks_table.index)
    nominal_sd, nominal_freedom = 0.0, 0
    if real is not None:
        differentials, city_var, city_freedom, city_window = fixed_effects(
            {city: logs[city][0] for city in series}, {city: logs[city][1] for city in series}
        )
        _, nominal_var, nominal_freedom, _ = fixed_effects(
            {city: values for city, (values, _, _) in merged.items()},
            {city: spans for city, (_, spans, _) in merged.items()},
        )
        nominal_sd = math.sqrt(nominal_var)
    common_drift = float(table.to_numpy().sum() / cities / span.sum())
    years_spanned, real_years = float(span.sum()), float(shocks_span.sum())
    estimator = ESTIMATOR + (
        "; shock sizes on real growth, the city part by two-way fixed effects" if real_table is not None else ""
    )
    window = tuple(int(year) for year in table.index)
    start = int(table.index[0] - span.iloc[0])
    fits = {}
    for city, (years_of, values, _breaks) in series.items():
        order = np.argsort(np.asarray(years_of, dtype=int))
        used = {(year - int(k), year) for year, k in span.items()}
        one_year = [(year - 1, year) for year in parts[city][0]]
        fits[city] = CityFit(
            city=city,
            anchor_year=int(np.asarray(years_of, dtype=int)[order][-1]),
            anchor_value=float(np.asarray(values, dtype=float)[order][-1]),
            drift=common_drift + float(differentials[city]),
            differential=float(differentials[city]),
            estimator=estimator,
            window=window,
            group=group,
            dropped=parts[city][1]
            + tuple(
                step
                for step in one_year
                if step not in used and not any(a <= step[0] and step[1] <= b for a, b in used)
            ),
            start=start,
        )
    return PanelFit(
        fits,
        common_drift,
        math.sqrt(common_var),
        math.sqrt(city_var),
        math.sqrt(common_var / years_spanned),
        math.sqrt(city_var / real_years),
        table,
        real_table,
        span,
        shocks_span,
        freedom,
        city_freedom,
        city_window,
        nominal_sd,
        nominal_freedom,
    )


@dataclass(frozen=True)
class NationalPace:
    """China's nominal GDP growth beside the panel's common drift: over the window's steps, and in its latest year."""

    china: float  # China's mean nominal log growth a year over `steps`
    cities: float  # the three cities' mean over the same steps (the common drift when every step is China's too)
    steps: tuple[int, ...]  # the window's steps China has with the same span
    latest_year: int  # China's latest clean nominal step (no break), with its real growth published
    latest_nominal: float  # log growth
    latest_real: float  # %, as published


def national_pace(fit: PanelFit, national: pd.DataFrame) -> NationalPace | None:
    """Return China's nominal growth beside the panel's (rows of the `national` table), or None without a common step.

    China's levels are first releases with their census breaks flagged, as the cities'; the pandemic pair is one
    two-year step, as in the panel's window.
    """
    levels = national[(national["indicator"] == INDICATOR) & (national["comparability_group"] == GROUP)]
    levels = levels.sort_values("year")
    real = national[(national["indicator"] == REAL_INDICATOR) & (national["comparability_group"] == REAL_GROUP)]
    published = dict(zip(real["year"].astype(int), real["value"].astype(float), strict=True))
    if levels.empty:
        return None
    yearly, _ = yearly_growths(
        levels["year"].astype(int).tolist(),
        levels["value"].astype(float).tolist(),
        levels.loc[levels[BREAK_COLUMN].astype(bool), "year"].astype(int).tolist(),
    )
    merged, spans, _ = merge_outlier(yearly)
    window_spans = fit.spans if fit.spans is not None else pd.Series(1, index=fit.growths.index)
    steps = [int(year) for year in fit.growths.index if year in merged and spans[year] == window_spans[year]]
    latest = [year for year in yearly if year in published]
    if not steps or not latest:
        return None
    years = float(window_spans.loc[steps].sum())
    return NationalPace(
        china=sum(merged[year] for year in steps) / years,
        cities=float(fit.growths.loc[steps].mean(axis=1).sum()) / years,
        steps=tuple(steps),
        latest_year=max(latest),
        latest_nominal=yearly[max(latest)],
        latest_real=published[max(latest)],
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


def growth_target(rows: pd.DataFrame, city: str, year: int) -> float | None:
    """Return the real growth target (%) `city` set for `year` (a `TARGET_GROUP` row, any qualifier), or None."""
    picked = rows[
        (rows["city"] == city)
        & (rows["indicator"] == REAL_INDICATOR)
        & (rows["comparability_group"] == TARGET_GROUP)
        & (rows["year"].astype(int) == int(year))
    ]
    values = pd.to_numeric(picked["value"], errors="coerce").dropna()
    return float(values.iloc[0]) if not values.empty else None


def price_change(rows: pd.DataFrame, city: str, origin: int) -> tuple[int, float] | None:
    """Return (year, nominal less real log growth) of `city`'s latest year at or before `origin` with both published.

    The nominal step must cross no break (a revision is not a price change); None when no year has both.
    """
    levels = observed_series(rows, city, INDICATOR, GROUP)
    levels = levels[levels["year"] <= origin]
    nominal = yearly_growths(levels["year"], levels["value"], levels.loc[levels[BREAK_COLUMN], "year"])[0]
    real = observed_series(rows, city, REAL_INDICATOR, REAL_GROUP)
    published = dict(zip(real["year"].astype(int), real["value"].astype(float), strict=True))
    years = [year for year in nominal if year in published and year <= origin]
    if not years:
        return None
    return max(years), nominal[max(years)] - math.log1p(published[max(years)] / 100.0)


def target_drift(rows: pd.DataFrame, city: str, origin: int) -> float | None:
    """Return `city`'s own target as nominal log growth at `origin`: its real target for `origin` + 1 plus its
    latest published price change (`price_change`), or None when either is missing.

    The rolling origins score it as a benchmark; Scenarios offers it as a named alternative baseline.
    """
    target, price = growth_target(rows, city, origin + 1), price_change(rows, city, origin)
    return None if target is None or price is None else math.log1p(target / 100.0) + price[1]


def check_draws(draws: object) -> int:
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or not 1 <= draws <= 1_000_000:
        raise ValueError(f"draws: expected a whole number in 1..1,000,000, got {draws!r}")
    return int(draws)


def _normals(count: int, size: int, seed: int, city: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return (drift normals (count,), shock normals count × size): the common stream (city 0) or city's own."""
    rng = np.random.default_rng([int(seed), 21] + ([city] if city else []))
    return rng.standard_normal(count), rng.standard_normal((count, size))


def shock_scales(panel: PanelFit, *, draws: int = 1000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return per draw σ_z ÷ its estimate and σ_u ÷ its estimate: √(ν ÷ χ²_ν), the scaled-inverse-χ² posterior.

    ν is the estimate's degrees of freedom (`PanelFit.common_freedom`, `city_freedom`); with ν = 0 the
    scale is 1 (the sd is not drawn). Its own stream, so the shocks' normals do not depend on it.
    """
    count = check_draws(draws)
    rng = np.random.default_rng([int(seed), 22])
    scales = []
    for freedom in (panel.common_freedom, panel.city_freedom):
        chi2 = rng.chisquare(freedom, count) if freedom > 0 else None
        scales.append(np.sqrt(freedom / chi2) if chi2 is not None else np.ones(count))
    return scales[0], scales[1]


def shocks(panel: PanelFit, city: str, *, draws: int = 1000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return (calendar years, draws × years): `city`'s yearly GDP shock in `paths`, in standard deviations.

    The shock of year t is (σ_z z_t + σ_u u_c,t) / √(σ_z² + σ_u²) with the draw's own σ_z, σ_u
    (`shock_scales`), the same normals and sizes `paths` draws for that `draws` and `seed` (so a
    draw's bad year here is its bad year there); years run from the first unobserved year of any
    city to `LAST_YEAR`, NaN up to `city`'s anchor (its observed years).
    """
    count = check_draws(draws)
    names = list(panel.cities)
    if city not in panel.cities:
        raise ValueError(f"city: expected one of {names}, got {city!r}")
    start = min(fit.anchor_year for fit in panel.cities.values()) + 1
    calendar = np.arange(start, LAST_YEAR + 1)
    _, z_common = _normals(count, calendar.size, seed)
    _, z_own = _normals(count, calendar.size, seed, names.index(city) + 1)
    common_scale, city_scale = shock_scales(panel, draws=count, seed=seed)
    common_sd, city_sd = (panel.common_sd * common_scale)[:, None], (panel.city_sd * city_scale)[:, None]
    total = np.hypot(common_sd, city_sd)
    scaled = np.where(total > 0, (common_sd * z_common + city_sd * z_own) / np.where(total > 0, total, 1.0), z_common)
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

    `drift` optionally replaces a city's estimated drift by another centre (log drift, one value or one per draw: an
    alternative baseline, such as an assumed growth); the city keeps the panel's shocks and drift errors, the common
    one shared with the other cities, so the alternative moves the centre, not the uncertainty (a drift without the
    common error would not move with the peers' and would make every gap far less certain).
    """
    count = check_draws(draws)
    year_array = np.asarray(years, dtype=int)
    if year_array.ndim != 1 or year_array.size == 0 or (np.diff(year_array) <= 0).any():
        raise ValueError("years: expected increasing years")
    start = min(city.anchor_year for city in panel.cities.values()) + 1
    calendar = np.arange(start, max(LAST_YEAR, int(year_array[-1])) + 1)
    z_drift, z_common = _normals(count, calendar.size, seed)
    common_scale, city_scale = shock_scales(panel, draws=count, seed=seed)
    common_sd, city_sd = panel.common_sd * common_scale, panel.city_sd * city_scale
    out = {}
    for index, (name, city) in enumerate(panel.cities.items()):
        z_own_drift, z_own = _normals(count, calendar.size, seed, index + 1)
        centre = city.drift if drift is None or name not in drift else np.asarray(drift[name], dtype=float)
        mu = centre + panel.common_drift_sd * common_scale * z_drift + panel.city_drift_sd * city_scale * z_own_drift
        ahead = calendar > city.anchor_year
        log_steps = np.where(
            ahead[None, :], mu[:, None] + common_sd[:, None] * z_common + city_sd[:, None] * z_own, 0.0
        )
        levels = city.anchor_value * np.exp(np.cumsum(log_steps, axis=1))
        path = np.full((count, year_array.size), np.nan)
        for j, year in enumerate(year_array):
            if year == city.anchor_year:
                path[:, j] = city.anchor_value
            elif year > city.anchor_year:
                path[:, j] = levels[:, int(year) - start]
        out[name] = path
    return out
