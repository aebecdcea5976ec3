"""Shenzhen against its peers through the three-city panel: the levers' effect, the gap and what it would take.

The levers act from Shenzhen's first unpublished year (`lever_start`, from the data: the panel's anchor + 1), in
every outcome. Their effect on GDP is the simulation's relative change of GDP against the paper's policy (paired
draws, calendar year by calendar year) applied to the panel's path (`model.panel`); the simulation runs on that
path itself (`simulation_gdp`: published levels, then the same draws, with the panel's yearly shocks moving rack
demand and talent inflow), so GDP's change is the simulation's, the one its other outcomes (core value added, …)
carry. The peers are untouched by the levers, so their effect on the gap is their effect on Shenzhen's path.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.model import simulation
from explorer.model.levers import Levers, baseline
from explorer.model.panel import INDICATOR, PanelFit, check_draws, paths, shock_scales, shocks, target_drift
from explorer.model.parameters import parameter_table
from explorer.model.peers import PATH_COLUMNS


def lever_start(panel: PanelFit, subject: str = vocab.SUBJECT_CITY) -> int:
    """Return the lever start year: the subject's first unpublished year (its panel anchor, the latest published
    level, + 1). The one definition every outcome's levers start from (`simulation.GdpPath.start`)."""
    return int(panel.cities[subject].anchor_year) + 1


def by_year(panel_years: Sequence[int], sim_years: Sequence[int], values: np.ndarray, before: float) -> np.ndarray:
    """Return draws × panel years of the simulation's `values` (draws × `sim_years`), calendar year by calendar year.

    Years before the simulation's first take `before`; a year after its last is a ValueError.
    """
    sim = np.asarray(sim_years, dtype=int)
    values = np.asarray(values, dtype=float)
    out = np.full((values.shape[0], len(panel_years)), float(before))
    for j, year in enumerate(panel_years):
        if int(year) > sim[-1]:
            raise ValueError(f"sim_years: the simulation ends before {int(year)}")
        if int(year) >= sim[0]:
            out[:, j] = values[:, int(np.searchsorted(sim, int(year)))]
    return out


def lever_ratio(
    panel_years: Sequence[int], sim_years: Sequence[int], scenario: np.ndarray, base: np.ndarray
) -> np.ndarray:
    """Return draws × panel years: 1 + the levers' relative effect on GDP in the same calendar year.

    `scenario` and `base` are the simulation's paired GDP draws (draws × `sim_years`, the levers acting from its
    start year, so their ratio is exactly 1 before it); years before the simulation's first take 1.
    """
    ratio = np.asarray(scenario, dtype=float) / np.asarray(base, dtype=float)
    return by_year(panel_years, sim_years, ratio, 1.0)


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


# Shenzhen's GDP baseline: the three-city panel's Shenzhen path (the default) or a named alternative: the parameter
# sheet's assumed nominal growth (`gdp_growth`, an assumption of the sheet: `assumed_growth`), or the city's own growth
# target for its first unpublished year plus its latest price change (`panel.target_drift`, sourced rows).
PANEL_GROWTH, SHEET_GROWTH, TARGET_GROWTH = "panel", "sheet", "target"
GROWTHS = (PANEL_GROWTH, SHEET_GROWTH, TARGET_GROWTH)
GROWTH_PARAMETER = "gdp_growth"  # the sheet's row the alternative draws (data/parameters.csv)


def assumed_growth(params: pd.DataFrame, *, draws: int) -> np.ndarray:
    """Return per draw the sheet's assumed nominal growth of Shenzhen (`gdp_growth`, its central value) as a log drift.

    The named alternative to the panel's Shenzhen path (pass it to `paths` as `drift`, which adds the panel's drift
    errors: the sheet's low–high range is not drawn on top of them, which would count one uncertainty twice).
    """
    _, central, _ = parameter_table(params)[GROWTH_PARAMETER]
    return np.full(check_draws(draws), np.log1p(float(central) / 100.0))


def growths(rows: pd.DataFrame, panel: PanelFit, subject: str = vocab.SUBJECT_CITY) -> tuple[str, ...]:
    """Return the baselines on offer: the city's target only when it set one for its first unpublished year."""
    origin = panel.cities[subject].anchor_year
    has_target = target_drift(rows, subject, origin) is not None
    return tuple(code for code in GROWTHS if code != TARGET_GROWTH or has_target)


def baseline_drift(
    growth: str,
    params: pd.DataFrame,
    *,
    rows: pd.DataFrame | None = None,
    origin: int | None = None,
    subject: str = vocab.SUBJECT_CITY,
    draws: int,
) -> dict[str, np.ndarray] | None:
    """Return the `drift` argument of `paths` for a choice of Shenzhen's GDP baseline (one of `GROWTHS`).

    None for the panel's path; the subject's `assumed_growth` for the sheet's; for its target, `panel.target_drift`
    at `origin` (its anchor year) from the benchmark `rows`, the same in every draw. An unknown choice, or a target
    the rows do not hold, is a ValueError.
    """
    if growth == PANEL_GROWTH:
        return None
    if growth == SHEET_GROWTH:
        return {subject: assumed_growth(params, draws=draws)}
    if growth == TARGET_GROWTH:
        drift = None if rows is None or origin is None else target_drift(rows, subject, origin)
        if drift is None:
            raise ValueError(f"growth: {subject} has no growth target for the year after {origin}")
        return {subject: np.full(check_draws(draws), drift)}
    raise ValueError(f"growth: expected one of {', '.join(GROWTHS)}, got {growth!r}")


def simulation_gdp(
    panel: PanelFit,
    observed: Mapping[int, float],
    *,
    subject: str = vocab.SUBJECT_CITY,
    draws: int,
    seed: int,
    drift: Mapping[str, np.ndarray] | None = None,
) -> simulation.GdpPath:
    """Return the subject's panel GDP path by calendar year for the simulation's outcomes (`simulation.GdpPath`).

    Levels from the simulation's base year to its last: the published levels (`observed`) up to the
    anchor, then the panel's draws (`paths`, same `draws` and `seed` as `scenario`), so an outcome
    indexed to GDP (core value added, purchases, the recruits' value added) moves draw by draw with
    the GDP the page shows. Shocks: the panel's yearly shock of the subject in log points
    (`shocks` × the draw's shock sd, `shock_scales`) in drawn years, 0 in published years (their
    level is known; the last published step may cross a census revision, which is not a shock). `drift` as in
    `scenario` (Shenzhen's GDP baseline). The path's `start` is the lever start year (`lever_start`). Raises
    ValueError when a published level between the base year and the anchor is missing.
    """
    years = np.arange(simulation.BASE_YEAR, simulation.LAST_YEAR + 1)
    anchor = panel.cities[subject].anchor_year
    levels = paths(panel, years, draws=draws, seed=seed, drift=drift)[subject]
    for j, year in enumerate(years):
        if year < anchor:
            levels[:, j] = float(observed.get(int(year), np.nan))
    if np.isnan(levels).any():
        raise ValueError(f"observed: a published level of {subject} between {years[0]} and {anchor} is missing")
    calendar, drawn = shocks(panel, subject, draws=draws, seed=seed)
    common_scale, city_scale = shock_scales(panel, draws=draws, seed=seed)  # the draw's own shock sizes
    scale = np.hypot(panel.common_sd * common_scale, panel.city_sd * city_scale)
    logs = np.zeros(levels.shape)
    for j, year in enumerate(years):
        if year > anchor and year <= calendar[-1]:
            logs[:, j] = scale * drawn[:, int(year - calendar[0])]
    return simulation.GdpPath(levels, logs, lever_start(panel, subject))


def levers_ratio(
    levers: Levers,
    params: pd.DataFrame,
    years: Sequence[int],
    *,
    draws: int,
    seed: int,
    path: simulation.GdpPath,
) -> np.ndarray:
    """Return draws × years: 1 + the relative effect of `levers` on Shenzhen's GDP against the paper's policy.

    The channels are the simulation's (`simulation.project_draws`, paired draws) on Shenzhen's panel GDP `path`
    (`simulation_gdp`), the levers acting from its start year (`lever_start`); the ratio is exactly 1 before it.
    """
    settings = [replace(levers, horizon=simulation.LAST_YEAR), replace(baseline(), horizon=simulation.LAST_YEAR)]
    sim_years, (scenario, base) = simulation.project_draws_many(
        settings, params, INDICATOR, draws=draws, seed=seed, shocks=path
    )
    return lever_ratio(years, sim_years, scenario, base)


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
    shocks: simulation.GdpPath | None = None  # the GDP path the simulation behind the levers' effect runs on


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
    path: simulation.GdpPath | None = None,
) -> Scenario:
    """Return the subject's panel path with and without the levers, and the peers' paths, over `years`.

    `observed` holds the subject's published levels: years up to its anchor take them (NaN where
    none); the levers act from the first unobserved year (`lever_start`, `levers_ratio`), the channels
    running on the subject's panel GDP path of the same draws (`path`, default `simulation_gdp` of these
    arguments). `drift` replaces a city's drift as in `paths` (e.g. the subject's `assumed_growth`: the
    named alternative baseline).
    """
    year_array = np.asarray(years, dtype=int)
    drawn = paths(panel, year_array, draws=draws, seed=seed, drift=drift)
    anchor = panel.cities[subject].anchor_year
    base = drawn[subject]
    for j, year in enumerate(year_array):
        if year < anchor:
            base[:, j] = observed.get(int(year), np.nan)
    if path is None:
        path = simulation_gdp(panel, observed, subject=subject, draws=draws, seed=seed, drift=drift)
    ratio = levers_ratio(levers, params, year_array, draws=draws, seed=seed, path=path)
    peers = {city: values for city, values in drawn.items() if city != subject}
    return Scenario(year_array, base, base * ratio, peers, anchor, path)


def effect_medians(
    run: Scenario, settings: Sequence[Levers], params: pd.DataFrame, year: int, *, draws: int, seed: int
) -> np.ndarray:
    """Return per lever setting the median of its paired GDP change in `year` on the run's panel path.

    Computed as the run's own change (`scenario`: base × ratio − base, on the run's shocks), so the run's levers
    give its p50 exactly.
    """
    column = int(np.searchsorted(run.years, int(year)))
    base = run.base[:, column]
    horizon = [replace(setting, horizon=simulation.LAST_YEAR) for setting in (baseline(), *settings)]
    sim_years, (paper_draws, *drawn) = simulation.project_draws_many(  # as `levers_ratio`, on one set of draws
        horizon, params, INDICATOR, draws=draws, seed=seed, shocks=run.shocks
    )
    medians = []
    for setting in drawn:
        ratio = lever_ratio(run.years, sim_years, setting, paper_draws)[:, column]
        medians.append(float(np.quantile(base * ratio - base, 0.5)))
    return np.array(medians)


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
                    f"(window {city.start}–{city.window[-1]})",
                    "break_before": False,
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
