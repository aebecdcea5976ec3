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
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from explorer import vocab
from explorer.model import simulation
from explorer.model.levers import Levers, baseline
from explorer.model.parameters import draw_parameters, parameter_table
from explorer.model.peers import BREAK_COLUMN, PATH_COLUMNS, observed_series

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


def _check_draws(draws: object) -> int:
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or not 1 <= draws <= 1_000_000:
        raise ValueError(f"draws: expected a whole number in 1..1,000,000, got {draws!r}")
    return int(draws)


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
    count = _check_draws(draws)
    year_array = np.asarray(years, dtype=int)
    if year_array.ndim != 1 or year_array.size == 0 or (np.diff(year_array) <= 0).any():
        raise ValueError("years: expected increasing years")
    start = min(city.anchor_year for city in panel.cities.values()) + 1
    end = max(LAST_YEAR, int(year_array[-1]))
    calendar = np.arange(start, end + 1)
    rng = np.random.default_rng([int(seed), 21])
    z_drift = rng.standard_normal(count)
    z_common = rng.standard_normal((count, calendar.size))
    out = {}
    for index, (name, city) in enumerate(panel.cities.items()):
        own = np.random.default_rng([int(seed), 21, index + 1])
        z_own_drift = own.standard_normal(count)
        z_own = own.standard_normal((count, calendar.size))
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


def lever_ratio(
    panel_years: Sequence[int], first_year: int, sim_years: Sequence[int], scenario: np.ndarray, base: np.ndarray
) -> np.ndarray:
    """Return draws × panel years: 1 + the levers' relative effect, switched on in `first_year`.

    `scenario` and `base` are the simulation's paired GDP draws (draws × `sim_years`, the first of
    which is its base year). The effect k years after the levers start in the simulation is applied
    k years after `first_year`; before `first_year` the ratio is 1.
    """
    sim = np.asarray(sim_years, dtype=int)
    ratio = np.asarray(scenario, dtype=float) / np.asarray(base, dtype=float)
    out = np.ones((ratio.shape[0], len(panel_years)))
    for j, year in enumerate(panel_years):
        k = int(year) - int(first_year) + 1  # years since the levers started, 1 in the first
        if k >= 1:
            at = sim[0] + k
            if at > sim[-1]:
                raise ValueError(f"sim_years: the simulation ends before {at}")
            out[:, j] = ratio[:, int(np.searchsorted(sim, at))]
    return out


def gap(
    years: Sequence[int], shenzhen: np.ndarray, peer: np.ndarray, with_levers: np.ndarray, anchor_year: int
) -> pd.DataFrame:
    """Return per year the gap Shenzhen − peer and what the levers do to it, from paired draws × years.

    Columns: year; gap p10/p50/p90 (level, Shenzhen − peer); ratio p10/p50/p90 (Shenzhen ÷ peer);
    probability and probability_levers (share of draws with Shenzhen ≥ peer); effect p10/p50/p90
    (the paired change of the gap by the levers); closed_pct (median effect ÷ −median gap, %, NaN
    when Shenzhen is not behind); needed_pp (the extra growth a year over Shenzhen's baseline, pp,
    from `anchor_year` on, that would bring the median ratio to 1 in that year); lever_pp (the
    levers' median effect in the same unit).
    """
    year_array = np.asarray(years, dtype=int)
    for name, array in (("peer", peer), ("with_levers", with_levers)):
        if np.shape(array) != np.shape(shenzhen):
            raise ValueError(f"shenzhen and {name}: shapes differ")
    level = shenzhen - peer
    effect = with_levers - shenzhen
    rows = []
    for j, year in enumerate(year_array):
        if np.isnan(level[:, j]).any() or np.isnan(effect[:, j]).any():
            continue
        low, mid, high = np.quantile(level[:, j], (0.1, 0.5, 0.9))
        ratio = np.quantile(shenzhen[:, j] / peer[:, j], (0.1, 0.5, 0.9))
        e_low, e_mid, e_high = np.quantile(effect[:, j], (0.1, 0.5, 0.9))
        span = int(year) - int(anchor_year)
        needed = lever = np.nan
        if span > 0:
            needed = -100.0 * math.log(ratio[1]) / span
            lever = 100.0 * math.log(float(np.median(with_levers[:, j] / shenzhen[:, j]))) / span
        rows.append(
            {
                "year": int(year),
                "gap_p10": low,
                "gap_p50": mid,
                "gap_p90": high,
                "ratio_p10": ratio[0],
                "ratio_p50": ratio[1],
                "ratio_p90": ratio[2],
                "probability": float((shenzhen[:, j] >= peer[:, j]).mean()),
                "probability_levers": float((with_levers[:, j] >= peer[:, j]).mean()),
                "effect_p10": e_low,
                "effect_p50": e_mid,
                "effect_p90": e_high,
                "closed_pct": 100.0 * e_mid / -mid if mid < 0 else np.nan,
                "needed_pp": needed,
                "lever_pp": lever,
            }
        )
    return pd.DataFrame(rows)


def assumed_growth(params: pd.DataFrame, *, draws: int, seed: int) -> np.ndarray:
    """Return per draw the sheet's assumed nominal growth of Shenzhen (`gdp_growth`) as a log drift.

    The named alternative to the panel's Shenzhen path (pass it to `paths` as `drift`).
    """
    sampled = draw_parameters(parameter_table(params), _check_draws(draws), seed)
    return np.log1p(np.asarray(sampled["gdp_growth"], dtype=float) / 100.0)


def levers_ratio(
    levers: Levers, params: pd.DataFrame, years: Sequence[int], first_year: int, *, draws: int, seed: int
) -> np.ndarray:
    """Return draws × years: 1 + the relative effect of `levers` on Shenzhen's GDP against the paper's policy.

    The channels are the simulation's (`simulation.project_draws`, paired draws); their effect is
    switched on in `first_year`, the first year Shenzhen is not observed (`lever_ratio`).
    """
    horizon = replace(levers, horizon=simulation.LAST_YEAR)
    sim_years, scenario = simulation.project_draws(horizon, params, INDICATOR, draws=draws, seed=seed)
    base = scenario
    if replace(baseline(), horizon=simulation.LAST_YEAR) != horizon:
        _, base = simulation.project_draws(
            replace(baseline(), horizon=simulation.LAST_YEAR), params, INDICATOR, draws=draws, seed=seed
        )
    return lever_ratio(years, first_year, sim_years, scenario, base)


def compare(
    panel: PanelFit,
    years: Sequence[int],
    ratio: np.ndarray,
    *,
    subject: str = vocab.SUBJECT_CITY,
    draws: int = 1000,
    seed: int = 0,
    drift: Mapping[str, np.ndarray] | None = None,
) -> dict[str, pd.DataFrame]:
    """Return peer -> `gap` table of the subject's panel path (times `ratio`, the levers) against that peer's."""
    drawn = paths(panel, years, draws=draws, seed=seed, drift=drift)
    subject_fit = panel.cities[subject]
    base = drawn[subject]
    with_levers = base * ratio
    return {
        city: gap(years, base, drawn[city], with_levers, subject_fit.anchor_year)
        for city in panel.cities
        if city != subject
    }


@dataclass(frozen=True)
class Scenario:
    """One lever setting through the panel: years, the subject's baseline and scenario draws, each peer's draws."""

    years: np.ndarray
    base: np.ndarray  # draws × years: the panel's path (observed years as published)
    scenario: np.ndarray  # draws × years: the same draws times the levers' effect
    peers: dict[str, np.ndarray]
    anchor_year: int


def scenario(
    panel: PanelFit,
    levers: Levers,
    params: pd.DataFrame,
    years: Sequence[int],
    observed: Mapping[int, float],
    *,
    subject: str = vocab.SUBJECT_CITY,
    draws: int = 1000,
    seed: int = 0,
    drift: Mapping[str, np.ndarray] | None = None,
) -> Scenario:
    """Return the subject's panel path with and without the levers, and the peers' paths, over `years`.

    `observed` holds the subject's published levels: years up to its anchor take them (NaN where
    none); the levers act from the first unobserved year (`levers_ratio`). `drift` replaces a
    city's drift as in `paths` (e.g. the subject's `assumed_growth`: the named alternative baseline).
    """
    year_array = np.asarray(years, dtype=int)
    drawn = paths(panel, year_array, draws=draws, seed=seed, drift=drift)
    anchor = panel.cities[subject].anchor_year
    base = drawn[subject]
    for j, year in enumerate(year_array):
        if year < anchor:
            base[:, j] = observed.get(int(year), np.nan)
    ratio = levers_ratio(levers, params, year_array, anchor + 1, draws=draws, seed=seed)
    peers = {city: values for city, values in drawn.items() if city != subject}
    return Scenario(year_array, base, base * ratio, peers, anchor)


def odds(run: Scenario) -> pd.DataFrame:
    """Return city, year, probability (subject with the levers ≥ peer, paired draws), status: as `peer_odds`."""
    rows = []
    for city, peer in run.peers.items():
        for j, year in enumerate(run.years):
            known = not (np.isnan(peer[:, j]).any() or np.isnan(run.scenario[:, j]).any())
            share = float((run.scenario[:, j] >= peer[:, j]).mean()) if known else np.nan
            rows.append({"city": city, "year": int(year), "probability": share, "status": "ok"})
    return pd.DataFrame(rows, columns=["city", "year", "probability", "status"])


def gaps(run: Scenario) -> dict[str, pd.DataFrame]:
    """Return peer -> `gap` table of the run (the levers' paired effect on the gap, what it would take)."""
    return {city: gap(run.years, run.base, peer, run.scenario, run.anchor_year) for city, peer in run.peers.items()}


def peer_paths(
    panel: PanelFit, horizon: int, *, subject: str = vocab.SUBJECT_CITY, draws: int, seed: int
) -> pd.DataFrame:
    """Return the peers' projected years to `horizon` (p10, p50, p90) in `PATH_COLUMNS`, basis naming the panel."""
    frames = []
    years = np.arange(min(city.anchor_year for city in panel.cities.values()) + 1, int(horizon) + 1)
    if years.size == 0:
        return pd.DataFrame(columns=list(PATH_COLUMNS))
    drawn = paths(panel, years, draws=draws, seed=seed)
    for name, city in panel.cities.items():
        ahead = years > city.anchor_year
        if name == subject or not ahead.any():
            continue
        low, mid, high = np.quantile(drawn[name][:, ahead], (0.1, 0.5, 0.9), axis=0)
        frames.append(
            pd.DataFrame(
                {
                    "year": years[ahead],
                    "city": name,
                    "indicator": INDICATOR,
                    "comparability_group": city.group,
                    "value": mid,
                    "p10": low,
                    "p90": high,
                    "basis": f"extrapolated by the three-city panel at {city.growth_pct:.1f} %/yr "
                    f"(window {city.window[0] - 1}–{city.window[-1]})",
                }
            )
        )
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(PATH_COLUMNS))


def with_quantiles(frame: pd.DataFrame, indicator: str, years: Sequence[int], values: np.ndarray) -> pd.DataFrame:
    """Return a projection frame (year, indicator, p10, p50, p90) with `indicator`'s rows from draws × `years`."""
    low, mid, high = np.quantile(np.asarray(values, dtype=float), (0.1, 0.5, 0.9), axis=0)
    by_year = pd.DataFrame({"p10": low, "p50": mid, "p90": high}, index=np.asarray(years, dtype=int))
    out = frame.copy()
    rows = out["indicator"] == indicator
    for column in ("p10", "p50", "p90"):
        out.loc[rows, column] = out.loc[rows, "year"].map(by_year[column]).to_numpy()
    return out
