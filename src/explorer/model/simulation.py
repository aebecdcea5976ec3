"""The simulation: baseline GDP, the three channels over draws × years, Monte Carlo quantiles (levels and paired
differences), central runs and the tornado.

The equations these functions implement are written once, in `explorer.model.equations`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from explorer.model import channels
from explorer.model.levers import LEVER_GROUPS, Levers, baseline
from explorer.model.parameters import central_parameters, draw_parameters, parameter_table
from explorer.model.trend import compound

BASE_YEAR = 2022  # first row of every projection: official GDP 2022 and the paper's core value added 2022
LAST_YEAR = 2035  # shocks are drawn to this year whatever the horizon, so a draw does not depend on it
QUANTILES = (0.1, 0.5, 0.9)


@dataclass(frozen=True)
class GdpPath:
    """Shenzhen's GDP baseline drawn outside the simulation (the three-city panel's), which the simulation then runs on.

    `levels`: draws × years BASE_YEAR..LAST_YEAR of nominal GDP (亿元); `shocks`: the same shape, each year's GDP
    shock in log points (0 in BASE_YEAR), which moves rack demand and talent inflow as the simulation's own would.
    Passed as `shocks` to `project`, `project_delta`, `project_draws` and `paired_medians`: GDP's trend is then
    GDP_2022 × levels / levels[BASE_YEAR] instead of the sheet's growth and shocks, so every outcome indexed to GDP
    moves draw by draw with that path; and the levers act from its `start` (`start_year`).
    """

    levels: np.ndarray
    shocks: np.ndarray
    start: int = BASE_YEAR + 1  # the lever start year: the path's first unpublished year (`comparison.lever_start`)


# Indicator code -> unit code. Flows are per year unless the unit says cumulative.
OUTCOMES: dict[str, str] = {
    "gdp": "yi_yuan",
    "core_va": "yi_yuan",
    "core_va_share": "pct_gdp",
    "compute_eflops": "eflops",
    "compute_ai_eflops": "eflops",
    "dc_racks_total": "racks",
    "dc_utilisation": "pct",
    "dc_served_elsewhere": "racks",
    "dc_unmet": "racks",
    "dc_plan_gap": "racks",
    "dc_pue_fleet": "ratio",
    "dc_power_gwh": "gwh_per_year",
    "dc_power_cost": "yi_yuan_per_year",
    "dc_capex": "yi_yuan_per_year",
    "xc_domestic_share": "pct",
    "xc_vendor_revenue": "yi_yuan_per_year",
    "xc_migration_cost": "yi_yuan_per_year",
    "xc_migration_cost_cum": "yi_yuan_cumulative",
    "xc_migration_cost_soe": "yi_yuan_per_year",
    "xc_user_cost": "yi_yuan_per_year",
    "xc_user_cost_soe": "yi_yuan_per_year",
    "xc_va_local": "yi_yuan_per_year",
    "xc_va_net": "yi_yuan_per_year",
    "xc_va_national": "yi_yuan_per_year",
    "foreign_exposure": "pct",
    "talent_added": "people_cumulative",
    "talent_gap_closed": "pct",
    "fiscal_talent": "yi_yuan_per_year",
    "talent_local_revenue": "yi_yuan_per_year",
    "fiscal_xc_migration": "yi_yuan_per_year",
    "fiscal_xc_running": "yi_yuan_per_year",
    "fiscal_dc_incentive": "yi_yuan_per_year",
    "fiscal_cost": "yi_yuan_per_year",
    "fiscal_cost_cum": "yi_yuan_cumulative",
}
SIGNED_OUTCOMES = ("xc_va_net",)  # may be below zero: suppliers' value added less the SOEs' running cost
SHARE_OUTCOMES = ("core_va_share", "dc_utilisation", "xc_domestic_share", "foreign_exposure", "talent_gap_closed")
WHOLE_OUTCOMES = (
    "dc_racks_total",
    "dc_served_elsewhere",
    "dc_unmet",
    "dc_plan_gap",
    "talent_added",
)  # counts: shown as whole numbers


def gdp_baseline(gdp_0: np.ndarray, growth: np.ndarray, shock_sd: np.ndarray, shocks: np.ndarray) -> np.ndarray:
    """Return nominal GDP paths, draws × years: a growth draw (%) plus yearly shocks (sd in pp × standard normals).

    `shocks` is draws × (years − 1) standard normals; year 0 is `gdp_0`. The compounding is the
    peers' and the hindcast's (`trend.compound`): growth as a log drift, shocks in log points.
    """
    draws, steps = shocks.shape
    gaps = np.concatenate([[0.0], np.ones(steps)])
    z_shock = np.concatenate([np.zeros((draws, 1)), shocks], axis=1)
    return compound(gdp_0, np.log1p(growth / 100.0), shock_sd / 100.0, gaps, z_shock)


def start_year(shocks: np.ndarray | GdpPath | None, start: int | None = None) -> int:
    """Return the first year the levers act: `start` when given, else a `GdpPath`'s (its first unpublished year),
    else the simulation's first year after the base (the sheet's own path publishes nothing after 2022)."""
    if start is None:
        return int(shocks.start) if isinstance(shocks, GdpPath) else BASE_YEAR + 1
    if isinstance(start, bool) or not isinstance(start, numbers.Integral) or not BASE_YEAR < start <= LAST_YEAR:
        raise ValueError(f"start: expected a year in {BASE_YEAR + 1}..{LAST_YEAR}, got {start!r}")
    return int(start)


def lever_timeline(levers: Levers, name: str, years: np.ndarray, start: int) -> np.ndarray:
    """Return one lever's value in each of `years`: the paper's (`baseline()`) before `start`, the setting's from it."""
    return np.where(years >= start, float(getattr(levers, name)), float(getattr(baseline(), name)))


def _parts(
    levers: Levers,
    p: Mapping[str, np.ndarray],
    years: np.ndarray,
    shocks: np.ndarray | GdpPath,
    memo: dict[tuple, object] | None = None,
    start: int = BASE_YEAR + 1,
) -> dict:
    """Return the baseline paths and each channel's pieces for one scenario (what the outcomes are built from).

    The levers act from `start` (`start_year`): before it every channel runs on the paper's values, so a setting's
    outcomes equal the paper's policy's, to the bit, in every year before `start`. `memo` keeps the baseline and
    each channel's paths by its levers' values across runs on the same parameters, years, shocks and start
    (`_simulate_many`): the settings of a decomposition share most of them.
    """
    memo = {} if memo is None else memo

    def once(key: tuple, compute: Callable[[], object]):
        if key not in memo:  # read-only: several settings' outcomes share these arrays
            memo[key] = compute()
            for array in memo[key].values() if isinstance(memo[key], dict) else memo[key]:
                if isinstance(array, np.ndarray):
                    array.flags.writeable = False
        return memo[key]

    steps = (years - BASE_YEAR).astype(float)[None, :]
    paper = baseline()

    # Baseline: GDP under the paper's policy; core value added moves with it plus a premium. The same yearly
    # shocks (log points, 0 in the base year) move rack demand and talent inflow through their loadings.
    gdp_trend, gdp_shock, growth_index, core_trend = once(("trend",), lambda: _trend(p, years, steps, shocks))

    # Data centres: value added of occupied racks (colocation, plus the compute-service layer of AI racks booked in
    # Shenzhen) plus a spillover on compute Shenzhen uses (its own racks and the unmet demand served elsewhere).
    def dc_of(setting: Levers) -> dict:
        key = ("dc", *(getattr(setting, name) for name in LEVER_GROUPS["dc"]))
        racks, pue, gate, power = (lever_timeline(setting, name, years, start) for name in LEVER_GROUPS["dc"])
        return once(key, lambda: channels.data_centres(racks, pue, gate, p, steps, gdp_shock, power))

    dc, dc_paper = dc_of(levers), dc_of(paper)
    spillover = core_trend * ((dc["used"] / dc_paper["used"]) ** p["dc_spillover_elasticity"][:, None] - 1.0)
    dc_va = dc["va"] - dc_paper["va"] + spillover

    # Xinchuang: Shenzhen's suppliers' value added from the city's buyers and from the national market (core); the
    # SOEs' extra running cost lowers their value added (GDP, outside the core industries).
    def xc_of(setting: Levers) -> dict:
        key = ("xc", setting.xc_share, setting.xc_national)
        before = (paper.xc_share, paper.xc_national)
        return once(
            key,
            lambda: channels.xinchuang_paths(*key[1:], p, steps, gdp_trend, before=before, start=start - BASE_YEAR),
        )

    xc, xc_paper = xc_of(levers), xc_of(paper)
    xc_va = xc["va_local"] - xc_paper["va_local"] + xc["va_national"] - xc_paper["va_national"]
    xc_users = xc["user_soe"] - xc_paper["user_soe"]

    # Talent: additional professionals × value added per additional worker (the wage, at most the sector's average),
    # which moves with nominal GDP.
    def tl_of(setting: Levers) -> dict:
        key = ("tl", setting.talent_subsidy, setting.talent_quota)
        subsidy, quota = (lever_timeline(setting, name, years, start) for name in ("talent_subsidy", "talent_quota"))
        return once(key, lambda: channels.talent(subsidy, quota, p, steps, gdp_shock))

    tl, tl_paper = tl_of(levers), tl_of(paper)
    va_per_worker = (channels.talent_va_per_worker(p) / 1e4)[:, None] * growth_index
    talent_va = (tl["added"] - tl_paper["added"]) * va_per_worker

    return {
        "p": p,
        "gdp_trend": gdp_trend,
        "growth_index": growth_index,
        "core_trend": core_trend,
        "dc": dc,
        "dc_va": dc_va,
        "dc_direct": dc["va"] - dc_paper["va"],
        "spillover": spillover,
        "xc": xc,
        "xc_va": xc_va,
        "xc_users": xc_users,
        "tl": tl,
        "talent_va": talent_va,
    }


def _trend(
    p: Mapping[str, np.ndarray], years: np.ndarray, steps: np.ndarray, shocks: np.ndarray | GdpPath
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return GDP under the paper's policy, its yearly shocks in log points, its growth index and core value added's.

    A `GdpPath` (the panel's) replaces the sheet's trend and shocks: GDP is GDP_2022 × its levels ÷ its base-year
    level, its shocks are the path's own.
    """
    if isinstance(shocks, GdpPath):
        levels = shocks.levels[:, : years.shape[0]]
        gdp_trend = p["gdp_2022"][:, None] * levels / levels[:, :1]
        gdp_shock = np.array(shocks.shocks[:, : years.shape[0]], dtype=float)
        gdp_shock[:, 0] = 0.0
    else:
        gdp_trend = gdp_baseline(p["gdp_2022"], p["gdp_growth"], p["gdp_shock_sd"], shocks[:, : years.shape[0] - 1])
        gdp_shock = np.zeros(gdp_trend.shape)
        gdp_shock[:, 1:] = (p["gdp_shock_sd"] / 100.0)[:, None] * shocks[:, : years.shape[0] - 1]
    growth_index = gdp_trend / p["gdp_2022"][:, None]
    core_trend = p["core_va_2022"][:, None] * growth_index * (1.0 + p["core_va_premium"][:, None] / 100.0) ** steps
    return gdp_trend, gdp_shock, growth_index, core_trend


def _simulate(
    levers: Levers,
    p: Mapping[str, np.ndarray],
    years: np.ndarray,
    shocks: np.ndarray | GdpPath,
    start: int = BASE_YEAR + 1,
) -> dict[str, np.ndarray]:
    """Return indicator code -> draws × years array for one scenario, the levers acting from `start`."""
    return _outcomes(_parts(levers, p, years, shocks, start=start))


def _simulate_many(
    settings: Sequence[Levers],
    p: Mapping[str, np.ndarray],
    years: np.ndarray,
    shocks: np.ndarray | GdpPath,
    start: int = BASE_YEAR + 1,
) -> list[dict[str, np.ndarray]]:
    """Return `_simulate` of each setting on the same draws, each channel's paths computed once per distinct value of
    its levers (a decomposition's 2ⁿ settings take only two values per lever group)."""
    memo: dict[tuple, object] = {}
    return [_outcomes(_parts(setting, p, years, shocks, memo, start)) for setting in settings]


def _outcomes(parts: dict) -> dict[str, np.ndarray]:
    """Return indicator code -> draws × years array from a scenario's parts."""
    p = parts["p"]
    gdp_trend, growth_index, core_trend = parts["gdp_trend"], parts["growth_index"], parts["core_trend"]
    dc, xc, tl = parts["dc"], parts["xc"], parts["tl"]
    core = core_trend + parts["dc_va"] + parts["xc_va"] + parts["talent_va"]
    gdp = gdp_trend + (core - core_trend) - parts["xc_users"]
    fiscal = tl["cost"] + xc["migration_public"] + xc["user_public"] + dc["incentive"]
    return {
        "gdp": gdp,
        "core_va": core,
        "core_va_share": 100.0 * core / gdp,
        "compute_eflops": dc["compute"],
        "compute_ai_eflops": dc["compute_ai"],
        "dc_racks_total": dc["installed"],
        "dc_utilisation": 100.0 * dc["occupied"] / dc["installed"],
        "dc_served_elsewhere": dc["elsewhere"],
        "dc_unmet": dc["unmet"],
        "dc_plan_gap": dc["plan_gap"],
        "dc_pue_fleet": dc["pue"],
        "dc_power_gwh": dc["power"],
        "dc_power_cost": dc["power_cost"],
        "dc_capex": dc["capex"],
        "xc_domestic_share": xc["domestic"],
        "xc_vendor_revenue": xc["revenue"],
        "xc_migration_cost": xc["migration"],
        "xc_migration_cost_cum": np.cumsum(xc["migration"], axis=1),
        "xc_migration_cost_soe": xc["migration_soe"],
        "xc_user_cost": xc["user_cost"],
        "xc_user_cost_soe": xc["user_soe"],
        "xc_va_local": xc["va_local"],
        "xc_va_net": xc["va_net"],
        "xc_va_national": xc["va_national"],
        "foreign_exposure": 100.0 - xc["domestic"],
        "talent_added": tl["added"],
        "talent_gap_closed": 100.0 * np.minimum(1.0, tl["added"] / p["talent_gap"][:, None]),
        "fiscal_talent": tl["cost"],
        "talent_local_revenue": tl["added"] * (p["talent_local_revenue"] / 1e4)[:, None] * growth_index,
        "fiscal_xc_migration": xc["migration_public"],
        "fiscal_xc_running": xc["user_public"],
        "fiscal_dc_incentive": dc["incentive"],
        "fiscal_cost": fiscal,
        "fiscal_cost_cum": np.cumsum(fiscal, axis=1),
    }


def _check_paths(paths: Mapping[str, np.ndarray]) -> None:
    """Raise ValueError on impossible values: NaN, negatives (but in a signed outcome), shares outside 0-100."""
    for code, values in paths.items():
        if not np.isfinite(values).all():
            raise ValueError(f"{code}: the model produced NaN or infinite values")
        if code not in SIGNED_OUTCOMES and (values < -1e-9).any():
            raise ValueError(f"{code}: the model produced negative values (min {values.min():g})")
    for code in SHARE_OUTCOMES:
        if (paths[code] > 100.0 + 1e-9).any():
            raise ValueError(f"{code}: a share above 100 % (max {paths[code].max():g})")


def _quantiles(paths: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return p10, p50, p90 as indicators × years arrays (linear interpolation, as numpy's default, in float32)."""
    last = next(iter(paths.values())).shape[0] - 1
    picks = []
    for q in QUANTILES:
        below = math.floor(q * last)
        picks.append((below, min(below + 1, last), q * last - below))
    result: list[list[np.ndarray]] = [[], [], []]
    for code in OUTCOMES:
        # years × draws, one sort per indicator (the fastest layout); sorting float32 copies halves the
        # time and keeps 7 significant digits, more than any display shows.
        ordered = np.sort(paths[code].T.astype(np.float32), axis=-1)
        for rows, (below, above, weight) in zip(result, picks):
            value = ordered[:, below].astype(float) * (1.0 - weight) + ordered[:, above].astype(float) * weight
            rows.append(np.round(value) if code in WHOLE_OUTCOMES else value)
    low, mid, high = (np.stack(rows) for rows in result)
    return low, mid, high


def _years(levers: Levers) -> np.ndarray:
    return np.arange(BASE_YEAR, levers.horizon + 1)


def _frame(years: np.ndarray, low: np.ndarray, mid: np.ndarray, high: np.ndarray) -> pd.DataFrame:
    codes = list(OUTCOMES)
    return pd.DataFrame(
        {
            "year": np.tile(years, len(codes)),
            "indicator": np.repeat(codes, years.shape[0]),
            "p10": low.ravel(),
            "p50": mid.ravel(),
            "p90": high.ravel(),
        }
    )


def _check_draws(draws: object) -> int:
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or not 1 <= draws <= 1_000_000:
        raise ValueError(f"draws: expected a whole number in 1..1,000,000, got {draws!r}")
    return int(draws)


def yearly_shocks(draws: int, seed: int) -> np.ndarray:
    """Return the simulation's own yearly GDP shocks for `seed`: draws × (LAST_YEAR − BASE_YEAR) standard normals."""
    return np.random.default_rng([seed, 1]).standard_normal((draws, LAST_YEAR - BASE_YEAR))


def _draw(
    params: pd.DataFrame, draws: int, seed: int, shocks: np.ndarray | GdpPath | None = None
) -> tuple[dict[str, np.ndarray], np.ndarray | GdpPath]:
    """Return the parameter draws and the yearly GDP shocks (standard normals, draws × years to LAST_YEAR).

    `shocks` replaces the drawn shocks (e.g. a test's own), so GDP and
    the channels it moves share one array with whatever else reads it; a `GdpPath` replaces GDP's
    whole baseline (levels and shocks: `comparison.simulation_gdp`).
    """
    table = parameter_table(params)
    if shocks is None:
        shocks = yearly_shocks(draws, seed)
    elif isinstance(shocks, GdpPath):
        shape = (draws, LAST_YEAR - BASE_YEAR + 1)
        levels, logs = np.asarray(shocks.levels, dtype=float), np.asarray(shocks.shocks, dtype=float)
        if levels.shape != shape or logs.shape != shape or not (np.isfinite(levels).all() and np.isfinite(logs).all()):
            raise ValueError(f"shocks: expected a GDP path of finite draws × {shape[1]} levels and shocks")
        if not (levels > 0).all():
            raise ValueError("shocks: GDP levels must be positive")
        return draw_parameters(table, draws, seed), shocks
    elif np.shape(shocks) != (draws, LAST_YEAR - BASE_YEAR) or not np.isfinite(shocks).all():
        raise ValueError(f"shocks: expected finite draws × {LAST_YEAR - BASE_YEAR} standard normals")
    return draw_parameters(table, draws, seed), np.asarray(shocks, dtype=float)


def _quantile_frame(paths: Mapping[str, np.ndarray], years: np.ndarray) -> pd.DataFrame:
    low, mid, high = _quantiles(paths)
    if not ((low <= mid + 1e-9) & (mid <= high + 1e-9)).all():
        raise ValueError("quantiles out of order")
    return _frame(years, low, mid, high)


# ----------------------------------------------------------------------------------------------
# Public projections
# ----------------------------------------------------------------------------------------------


def project(
    levers: Levers,
    params: pd.DataFrame,
    *,
    draws: int = 1000,
    seed: int = 0,
    shocks: np.ndarray | GdpPath | None = None,
    start: int | None = None,
) -> pd.DataFrame:
    """Return the scenario as a long frame: year, indicator, p10, p50, p90 (years 2022..horizon).

    `shocks` (draws × years to LAST_YEAR, standard normals) replaces the yearly GDP shocks drawn from `seed`; a
    `GdpPath` replaces GDP's baseline path itself. The levers act from `start` (`start_year`: by default a
    `GdpPath`'s first unpublished year, else the year after the base).
    """
    # Load inputs
    first = start_year(shocks, start)
    sampled, shocks = _draw(params, _check_draws(draws), seed, shocks)
    years = _years(levers)

    # Compute
    paths = _simulate(levers, sampled, years, shocks, first)

    # Check
    _check_paths(paths)
    return _quantile_frame(paths, years)


def project_delta(
    levers: Levers,
    params: pd.DataFrame,
    *,
    draws: int = 1000,
    seed: int = 0,
    shocks: np.ndarray | GdpPath | None = None,
    start: int | None = None,
) -> pd.DataFrame:
    """Return p10 / p50 / p90 of the paired difference scenario − paper's policy (same draws and shocks; the levers
    acting from `start`, as in `project`): exactly 0 in every year before it."""
    # Load inputs
    first = start_year(shocks, start)
    sampled, shocks = _draw(params, _check_draws(draws), seed, shocks)
    years = _years(levers)

    # Compute
    settings = [levers, replace(baseline(), horizon=levers.horizon)]
    paths, base = _simulate_many(settings, sampled, years, shocks, first)

    # Check
    _check_paths(paths)
    _check_paths(base)
    return _quantile_frame({code: paths[code] - base[code] for code in OUTCOMES}, years)


def paired_medians(
    settings: Sequence[Levers],
    params: pd.DataFrame,
    year: int,
    *,
    draws: int = 1000,
    seed: int = 0,
    shocks: np.ndarray | GdpPath | None = None,
    start: int | None = None,
) -> np.ndarray:
    """Return settings × outcomes: each setting's median in `year` of the paired difference with the paper's policy.

    The same draws, shocks, lever start and quantiles as `project_delta`, so a setting's median is its p50 there, to
    the bit.
    """
    if not settings:
        return np.zeros((0, len(OUTCOMES)))
    first = start_year(shocks, start)
    sampled, shocks = _draw(params, _check_draws(draws), seed, shocks)
    horizon = max(setting.horizon for setting in settings)
    years = np.arange(BASE_YEAR, horizon + 1)
    column = int(year) - BASE_YEAR
    base, *runs = _simulate_many(
        [replace(setting, horizon=horizon) for setting in (baseline(), *settings)], sampled, years, shocks, first
    )
    rows = []
    for paths in runs:
        _check_paths(paths)
        _, mid, _ = _quantiles({code: (paths[code] - base[code])[:, [column]] for code in OUTCOMES})
        rows.append(mid[:, 0])
    return np.stack(rows)


def central_paths(levers: Levers, params: pd.DataFrame, start: int | None = None) -> dict[str, np.ndarray]:
    """Return indicator code -> (years,) path with every parameter central and no shocks (levers from `start`)."""
    years = _years(levers)
    zero = np.zeros((1, years.shape[0]))
    paths = _simulate(levers, central_parameters(parameter_table(params)), years, zero, start_year(None, start))
    _check_paths(paths)
    return {code: values[0] for code, values in paths.items()}


def parameters_read(levers: Levers, params: pd.DataFrame) -> frozenset[str]:
    """Return the parameter ids one central run of `levers` reads (section I's comparison too), recorded as it runs."""
    years, values = _years(levers), central_parameters(parameter_table(params))
    parts = _parts(levers, values, years, np.zeros((1, years.shape[0])))
    _outcomes(parts)
    _sector_i(values, parts, share=0.1, share_year=BASE_YEAR)
    return frozenset(values.read)


def _sector_i(
    p: Mapping[str, np.ndarray], parts: dict, *, share: float, share_year: int
) -> tuple[np.ndarray, np.ndarray]:
    """Return (ΔI / GDP*, draws × years; the share drift δ_I, log a year, per draw) of one scenario's parts.

    ΔI is the part of the levers' change of core value added that falls in section I (information
    transmission, software and IT services): the racks' own value added (colocation and compute
    services: internet data services, a section I class) whole, and the spillover, Xinchuang's
    local value added and the recruits' value added in proportion λ_I = Shenzhen's section-I share
    of GDP in `share_year` ÷ the model's core share of GDP that year (at most 1).
    """
    core_share = p["core_va_2022"] / p["gdp_2022"] * (1.0 + p["core_va_premium"] / 100.0) ** (share_year - BASE_YEAR)
    part = np.minimum(1.0, float(share) / core_share)[:, None]
    spread = parts["spillover"] + parts["xc_va"] + parts["talent_va"]
    change = (parts["dc_direct"] + part * spread) / parts["gdp_trend"]
    return change, np.log1p(np.asarray(p["sector_i_share_drift"], dtype=float) / 100.0)


def sector_i_draws(
    levers: Levers,
    params: pd.DataFrame,
    share: float,
    share_year: int,
    *,
    draws: int = 1000,
    seed: int = 0,
    start: int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (years to `LAST_YEAR`, ΔI / GDP* draws × years, share drift per draw) for section I's comparison.

    `share` is Shenzhen's observed section-I value added ÷ GDP in `share_year`. The draws are
    `project_draws`'s (same parameters and shocks), so they pair with the levers' GDP effect; at the
    paper's policy ΔI is 0, and so it is for any setting before the lever start year `start` (`start_year`).
    """
    if not (isinstance(share, numbers.Real) and 0.0 < float(share) < 1.0):
        raise ValueError(f"share: expected a share of GDP in (0, 1), got {share!r}")
    sampled, shocks = _draw(params, _check_draws(draws), seed)
    years = _years(replace(levers, horizon=LAST_YEAR))
    parts = _parts(levers, sampled, years, shocks, start=start_year(None, start))
    change, drift = _sector_i(sampled, parts, share=share, share_year=share_year)
    return years, change, drift


def project_central(levers: Levers, params: pd.DataFrame, start: int | None = None) -> pd.DataFrame:
    """Return the scenario with every parameter at its central value and no shocks (p10 = p50 = p90)."""
    paths = central_paths(levers, params, start)
    values = np.stack([np.round(paths[code]) if code in WHOLE_OUTCOMES else paths[code] for code in OUTCOMES])
    return _frame(_years(levers), values, values, values)


def tornado(levers: Levers, params: pd.DataFrame, indicator: str, year: int, start: int | None = None) -> pd.DataFrame:
    """Return one row per parameter: indicator value at its low / high (others central), sorted by swing (the levers
    acting from `start`, `start_year`)."""
    # Load inputs
    if indicator not in OUTCOMES:
        raise ValueError(f"indicator: unknown code {indicator!r}")
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or not BASE_YEAR <= year <= levers.horizon:
        raise ValueError(f"year: expected {BASE_YEAR}..{levers.horizon}, got {year!r}")
    table = parameter_table(params)
    ids = sorted(table)
    rows = 1 + 2 * len(ids)
    sampled = central_parameters(table, rows)
    for j, pid in enumerate(ids):
        sampled[pid][1 + 2 * j] = table[pid][0]
        sampled[pid][2 + 2 * j] = table[pid][2]
    years = _years(levers)

    # Compute
    paths = _simulate(levers, sampled, years, np.zeros((rows, years.shape[0])), start_year(None, start))
    values = paths[indicator][:, int(year) - BASE_YEAR]

    # Check
    _check_paths(paths)
    frame = pd.DataFrame(
        {
            "parameter": ids,
            "low_value": values[1::2],
            "high_value": values[2::2],
            "central_value": values[0],
        }
    )
    frame["swing"] = (frame["high_value"] - frame["low_value"]).abs()
    return frame.sort_values(["swing", "parameter"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def project_draws(
    levers: Levers,
    params: pd.DataFrame,
    indicator: str,
    *,
    draws: int = 1000,
    seed: int = 0,
    shocks: np.ndarray | GdpPath | None = None,
    start: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (years, draws × years) of one indicator: the draws `project` summarises, for comparisons by draw."""
    years, (drawn,) = project_draws_many(
        [levers], params, indicator, draws=draws, seed=seed, shocks=shocks, start=start
    )
    return years, drawn


def project_draws_many(
    settings: Sequence[Levers],
    params: pd.DataFrame,
    indicator: str,
    *,
    draws: int = 1000,
    seed: int = 0,
    shocks: np.ndarray | GdpPath | None = None,
    start: int | None = None,
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Return (years, per setting draws × years) of one indicator: `project_draws` of each setting, on one set of
    parameter draws and shocks, to the settings' common horizon, the levers acting from `start` (`start_year`)."""
    if indicator not in OUTCOMES:
        raise ValueError(f"indicator: unknown code {indicator!r}")
    if not settings or len({setting.horizon for setting in settings}) != 1:
        raise ValueError("settings: expected one or more lever settings with one horizon")
    first = start_year(shocks, start)
    sampled, shocks = _draw(params, _check_draws(draws), seed, shocks)
    years = _years(settings[0])
    runs = _simulate_many(settings, sampled, years, shocks, first)
    for paths in runs:
        _check_paths(paths)
    return years, [paths[indicator] for paths in runs]


def spillover_curve(
    levers: Levers,
    params: pd.DataFrame,
    year: int,
    elasticities: np.ndarray | None = None,
    start: int | None = None,
) -> pd.DataFrame:
    """Return the scenario's paired effect on core value added in `year` against the spillover elasticity ε.

    Every other parameter is central and there are no shocks: "what you would have to believe" about ε
    for the data-centre levers to matter. Default grid: 0 to the sheet's high ε in 11 steps.
    Columns: elasticity, effect (亿元; at ε = 0 the racks' own value added), share (% of the paper's core value added).
    """
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or not BASE_YEAR < year <= levers.horizon:
        raise ValueError(f"year: expected {BASE_YEAR + 1}..{levers.horizon}, got {year!r}")
    table = parameter_table(params)
    grid = np.linspace(0.0, table["dc_spillover_elasticity"][2], 11) if elasticities is None else elasticities
    grid = np.asarray(grid, dtype=float)
    if grid.ndim != 1 or grid.size == 0 or not np.isfinite(grid).all() or (grid < 0).any():
        raise ValueError("elasticities: expected a non-empty list of finite numbers >= 0")
    sampled = central_parameters(table, grid.size)
    sampled["dc_spillover_elasticity"] = grid
    years = _years(levers)
    zero, first = np.zeros((grid.size, years.shape[0])), start_year(None, start)
    paths = _simulate(levers, sampled, years, zero, first)
    base = _simulate(replace(baseline(), horizon=levers.horizon), sampled, years, zero, first)
    _check_paths(paths)
    k = int(year) - BASE_YEAR
    effect = paths["core_va"][:, k] - base["core_va"][:, k]
    return pd.DataFrame(
        {
            "elasticity": grid,
            "effect": effect,
            "share": 100.0 * effect / base["core_va"][:, k],
        }
    )
