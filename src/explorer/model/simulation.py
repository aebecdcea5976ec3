"""The simulation: four channels over draws × years, Monte Carlo quantiles, central runs and the tornado.

The equations these functions implement are written once, in `explorer.model.equations`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

import numpy as np
import pandas as pd

from explorer.model.levers import Levers, baseline
from explorer.model.parameters import PARAMETER_IDS, central_parameters, draw_parameters, parameter_table

BASE_YEAR = 2022  # first row of every projection: the paper's data year (GDP 2022 official)
CALIBRATION_YEAR = 2020  # anchor year of core value added (8,446 亿元, 30.5 % of GDP)
HOURS_PER_YEAR = 8760
QUANTILES = (0.1, 0.5, 0.9)

# Indicator code -> unit code. Flows are per year unless the unit says cumulative.
INDICATORS: dict[str, str] = {
    "gdp": "yi_yuan",
    "core_va": "yi_yuan",
    "core_va_share": "pct_gdp",
    "compute_eflops": "eflops",
    "dc_racks_total": "racks",
    "dc_utilisation": "pct",
    "dc_pue_fleet": "ratio",
    "dc_power_gwh": "gwh_per_year",
    "dc_power_cost": "yi_yuan_per_year",
    "xc_domestic_share": "pct",
    "xc_vendor_revenue": "yi_yuan_per_year",
    "xc_migration_cost": "yi_yuan_per_year",
    "xc_migration_cost_cum": "yi_yuan_cumulative",
    "foreign_exposure": "pct",
    "talent_added": "people_cumulative",
    "talent_gap_closed": "pct",
    "fiscal_cost": "yi_yuan_per_year",
    "fiscal_cost_cum": "yi_yuan_cumulative",
}
SHARE_INDICATORS = ("core_va_share", "dc_utilisation", "xc_domestic_share", "foreign_exposure", "talent_gap_closed")


def _data_centres(
    new_racks: float, pue_cap: float, gate_pct: float, p: Mapping[str, np.ndarray], num_years: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return installed racks, occupied racks and the occupancy-weighted fleet PUE, each draws × years."""
    installed_0 = p["dc_racks_2022"]
    ceiling = p["dc_util_max"] / 100.0
    demand = np.minimum(p["dc_util_2022"] / 100.0, ceiling) * installed_0
    demand_growth = 1.0 + p["dc_demand_growth"] / 100.0
    installed = np.empty((installed_0.shape[0], num_years))
    occupied = np.empty_like(installed)
    installed[:, 0] = installed_0
    occupied[:, 0] = demand
    gate = gate_pct / 100.0
    for k in range(1, num_years):
        demand = demand * demand_growth
        previous = installed[:, k - 1]
        if gate > 0:
            with np.errstate(over="ignore"):  # a vanishing gate gives infinite headroom: no limit
                headroom = np.floor(np.maximum(0.0, occupied[:, k - 1] / gate - previous))
            installed[:, k] = previous + np.minimum(new_racks, headroom)
        else:
            installed[:, k] = previous + new_racks
        occupied[:, k] = np.minimum(demand, ceiling * installed[:, k])
    in_old = np.minimum(occupied, (ceiling * installed_0)[:, None])  # tenants fill the existing fleet first
    pue = (in_old * p["dc_pue_existing"][:, None] + (occupied - in_old) * pue_cap) / occupied
    return installed, occupied, pue


def _talent(
    subsidy: float, quota: float, p: Mapping[str, np.ndarray], steps: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Return cumulative additional professionals and the fiscal cost in 亿元 per year."""
    take_up = -np.expm1(-subsidy / p["talent_response_scale"])
    recruited = quota * take_up
    added = (p["talent_additionality"] * recruited)[:, None] * steps
    paid = recruited[:, None] * np.minimum(p["talent_subsidy_years"][:, None], steps)
    return added, subsidy * paid / 1e8


def _simulate(levers: Levers, p: Mapping[str, np.ndarray], years: np.ndarray) -> dict[str, np.ndarray]:
    """Return indicator code -> draws × years array for one scenario."""
    steps = (years - BASE_YEAR).astype(float)[None, :]
    num_years = years.shape[0]
    paper = baseline()

    # Channel 4: trend under the paper's policy, calibrated 2020 -> 2022.
    calibration_span = BASE_YEAR - CALIBRATION_YEAR
    gdp_2020 = p["core_va_2020"] / (p["core_va_share_2020"] / 100.0)
    gdp_0 = gdp_2020 * (1.0 + p["gdp_growth_2020_22"] / 100.0) ** calibration_span
    core_0 = p["core_va_2020"] * (1.0 + p["core_va_growth_2020_22"] / 100.0) ** calibration_span
    gdp_trend = gdp_0[:, None] * ((1.0 + p["gdp_growth"] / 100.0)[:, None] ** steps)
    core_growth = 1.0 + (p["gdp_growth"] + p["core_va_premium"]) / 100.0
    core_trend = core_0[:, None] * (core_growth[:, None] ** steps)

    # Channel 1: data centres, scenario and the paper's path with the same draws.
    installed, occupied, pue = _data_centres(levers.dc_racks, levers.dc_pue, levers.dc_util_gate, p, num_years)
    _, occupied_paper, _ = _data_centres(paper.dc_racks, paper.dc_pue, paper.dc_util_gate, p, num_years)
    per_rack = p["dc_tflops_per_rack"][:, None] * (1.0 + p["dc_tflops_growth"] / 100.0)[:, None] ** steps
    compute = installed * per_rack / 1e6
    power = occupied * p["dc_rack_kw"][:, None] * HOURS_PER_YEAR * p["dc_load_factor"][:, None] * pue / 1e6
    power_cost = power * p["dc_power_price"][:, None] / 100.0
    compute_lift = (occupied / occupied_paper) ** p["compute_va_elasticity"][:, None]

    # Channel 3: talent, scenario and the paper's path.
    added, fiscal = _talent(levers.talent_subsidy, levers.talent_quota, p, steps)
    added_paper, _ = _talent(paper.talent_subsidy, paper.talent_quota, p, steps)
    va_per_worker = p["digital_output_per_worker"] * p["va_to_output_ratio"] / 1e4  # 亿元 per person-year
    talent_va = (added - added_paper) * va_per_worker[:, None]
    gap_closed = 100.0 * np.minimum(1.0, added / p["talent_gap"][:, None])

    core = core_trend * compute_lift + talent_va
    gdp = gdp_trend + (core - core_trend)

    # Channel 2: Xinchuang.
    start = p["xc_os_share_2022"]
    floor = np.maximum(levers.xc_share, start)
    cycle = p["xc_replacement_years"]
    domestic = floor[:, None] - (floor - start)[:, None] * ((1.0 - 1.0 / cycle)[:, None] ** steps)
    it_share = p["gov_procurement_gdp_ratio"] * p["xc_it_share"] * (1.0 + p["xc_soe_multiplier"]) / 1e4
    procurement = gdp_trend * it_share[:, None]
    bought_share = np.where(steps == 0, start[:, None], floor[:, None])
    moved = np.diff(domestic, axis=1, prepend=domestic[:, :1])
    migration = p["xc_migration_cost_ratio"][:, None] * procurement * cycle[:, None] * moved / 100.0

    return {
        "gdp": gdp,
        "core_va": core,
        "core_va_share": 100.0 * core / gdp,
        "compute_eflops": compute,
        "dc_racks_total": installed,
        "dc_utilisation": 100.0 * occupied / installed,
        "dc_pue_fleet": pue,
        "dc_power_gwh": power,
        "dc_power_cost": power_cost,
        "xc_domestic_share": domestic,
        "xc_vendor_revenue": procurement * bought_share / 100.0,
        "xc_migration_cost": migration,
        "xc_migration_cost_cum": np.cumsum(migration, axis=1),
        "foreign_exposure": 100.0 - domestic,
        "talent_added": added,
        "talent_gap_closed": gap_closed,
        "fiscal_cost": fiscal,
        "fiscal_cost_cum": np.cumsum(fiscal, axis=1),
    }


def _check_paths(paths: Mapping[str, np.ndarray]) -> None:
    """Raise ValueError on impossible values: NaN, negatives, shares outside 0-100."""
    for code, values in paths.items():
        if not np.isfinite(values).all():
            raise ValueError(f"{code}: the model produced NaN or infinite values")
        if (values < -1e-9).any():
            raise ValueError(f"{code}: the model produced negative values (min {values.min():g})")
    for code in SHARE_INDICATORS:
        if (paths[code] > 100.0 + 1e-9).any():
            raise ValueError(f"{code}: a share above 100 % (max {paths[code].max():g})")


def _quantiles(paths: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return p10, p50, p90 as indicators × years arrays (linear interpolation, as numpy's default)."""
    ordered = np.sort(np.stack([paths[code].T for code in INDICATORS]), axis=-1)  # indicators × years × draws
    last = ordered.shape[-1] - 1
    result = []
    for q in QUANTILES:
        position = q * last
        below = math.floor(position)
        above = min(below + 1, last)
        weight = position - below
        result.append(ordered[..., below] * (1.0 - weight) + ordered[..., above] * weight)
    return result[0], result[1], result[2]


def _years(levers: Levers) -> np.ndarray:
    return np.arange(BASE_YEAR, levers.horizon + 1)


def _frame(years: np.ndarray, low: np.ndarray, mid: np.ndarray, high: np.ndarray) -> pd.DataFrame:
    codes = list(INDICATORS)
    return pd.DataFrame(
        {
            "year": np.tile(years, len(codes)),
            "indicator": np.repeat(codes, years.shape[0]),
            "p10": low.ravel(),
            "p50": mid.ravel(),
            "p90": high.ravel(),
        }
    )


# ----------------------------------------------------------------------------------------------
# Public projections
# ----------------------------------------------------------------------------------------------


def project(levers: Levers, params: pd.DataFrame, *, draws: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Return the scenario as a long frame: year, indicator, p10, p50, p90 (years 2022..horizon)."""
    # Load inputs
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or not 1 <= draws <= 1_000_000:
        raise ValueError(f"draws: expected a whole number in 1..1,000,000, got {draws!r}")
    table = parameter_table(params)
    sampled = draw_parameters(table, int(draws), seed)
    years = _years(levers)

    # Compute
    paths = _simulate(levers, sampled, years)
    low, mid, high = _quantiles(paths)

    # Check
    _check_paths(paths)
    if not ((low <= mid + 1e-9) & (mid <= high + 1e-9)).all():
        raise ValueError("quantiles out of order")
    return _frame(years, low, mid, high)


def project_central(levers: Levers, params: pd.DataFrame) -> pd.DataFrame:
    """Return the scenario with every parameter at its central value (p10 = p50 = p90)."""
    # Load inputs
    table = parameter_table(params)
    years = _years(levers)

    # Compute
    paths = _simulate(levers, central_parameters(table), years)
    values = np.stack([paths[code][0] for code in INDICATORS])

    # Check
    _check_paths(paths)
    return _frame(years, values, values, values)


def tornado(levers: Levers, params: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    """Return one row per parameter: indicator value at its low / high (others central), sorted by swing."""
    # Load inputs
    if indicator not in INDICATORS:
        raise ValueError(f"indicator: unknown code {indicator!r}")
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or not BASE_YEAR <= year <= levers.horizon:
        raise ValueError(f"year: expected {BASE_YEAR}..{levers.horizon}, got {year!r}")
    table = parameter_table(params)
    rows = 1 + 2 * len(PARAMETER_IDS)
    sampled = central_parameters(table, rows)
    for j, pid in enumerate(PARAMETER_IDS):
        sampled[pid][1 + 2 * j] = table[pid][0]
        sampled[pid][2 + 2 * j] = table[pid][2]

    # Compute
    paths = _simulate(levers, sampled, _years(levers))
    values = paths[indicator][:, int(year) - BASE_YEAR]

    # Check
    _check_paths(paths)
    frame = pd.DataFrame(
        {
            "parameter": list(PARAMETER_IDS),
            "low_value": values[1::2],
            "high_value": values[2::2],
            "central_value": values[0],
        }
    )
    frame["swing"] = (frame["high_value"] - frame["low_value"]).abs()
    return frame.sort_values(["swing", "parameter"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def project_draws(
    levers: Levers, params: pd.DataFrame, indicator: str, *, draws: int = 1000, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Return (years, draws × years) of one indicator: the draws `project` summarises, for comparisons by draw."""
    if indicator not in INDICATORS:
        raise ValueError(f"indicator: unknown code {indicator!r}")
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or not 1 <= draws <= 1_000_000:
        raise ValueError(f"draws: expected a whole number in 1..1,000,000, got {draws!r}")
    years = _years(levers)
    paths = _simulate(levers, draw_parameters(parameter_table(params), int(draws), seed), years)
    _check_paths(paths)
    return years, paths[indicator]
