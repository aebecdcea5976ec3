"""The parameter sheet the model reads: its ids and physical domains, its checks, and draws from its ranges."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from explorer.core import vocab

GRADES = vocab.PARAMETER_GRADES

# Every parameter the model reads, with the values it can physically take (closed interval).
_POSITIVE = 1e-12
_GROWTH = (-99.0, 200.0)
PARAMETER_DOMAINS: dict[str, tuple[float, float]] = {
    # Baseline: GDP and core value added
    "gdp_2022": (_POSITIVE, math.inf),
    "core_va_2022": (_POSITIVE, math.inf),
    "gdp_growth": _GROWTH,
    "gdp_shock_sd": (0.0, 50.0),
    "core_va_premium": (-50.0, 50.0),
    # Data centres
    "dc_racks_2022": (_POSITIVE, math.inf),
    "dc_util_2022": (_POSITIVE, 100.0),
    "dc_util_max": (_POSITIVE, 100.0),
    "dc_demand_growth": _GROWTH,
    "dc_demand_gdp_corr": (-1.0, 1.0),
    "dc_served_elsewhere": (0.0, 1.0),
    "dc_pue_existing": (1.0, 5.0),
    "dc_load_factor": (0.0, 1.0),
    "dc_rack_kw": (_POSITIVE, 100.0),
    "dc_tflops_per_rack": (0.0, math.inf),
    "dc_tflops_growth": _GROWTH,
    "dc_ai_share_2022": (0.0, 1.0),
    "dc_ai_demand_growth": _GROWTH,
    "dc_ai_supply_growth": _GROWTH,
    "dc_ai_service_va": (0.0, math.inf),
    "dc_ai_service_local": (0.0, 1.0),
    "dc_plan_racks": (0.0, math.inf),
    "dc_ai_rack_kw": (_POSITIVE, 500.0),
    "dc_ai_tflops_per_rack": (0.0, math.inf),
    "dc_power_price": (0.0, 10.0),
    "dc_power_budget": (_POSITIVE, math.inf),
    "dc_revenue_per_rack": (0.0, math.inf),
    "dc_va_ratio": (0.0, 1.0),
    "dc_spillover_elasticity": (0.0, 1.0),
    "dc_capex_per_rack": (0.0, math.inf),
    "dc_incentive_share": (0.0, 1.0),
    # Xinchuang
    "xc_share_2022": (0.0, 100.0),
    "xc_replacement_years": (1.0, 50.0),
    "xc_ramp_years": (1.0, 50.0),
    "gov_procurement_gdp_ratio": (0.0, 100.0),
    "xc_it_share": (0.0, 100.0),
    "xc_soe_multiplier": (0.0, 100.0),
    "xc_migration_cost_ratio": (0.0, 100.0),
    "xc_local_content": (0.0, 1.0),
    "xc_user_cost_ratio": (0.0, 10.0),
    # Talent
    "talent_pool": (0.0, math.inf),
    "talent_anyway": (0.0, math.inf),
    "talent_reservation_mean": (_POSITIVE, math.inf),
    "talent_retention": (0.0, 1.0),
    "talent_subsidy_years": (0.0, 50.0),
    "talent_gap": (_POSITIVE, math.inf),
    "digital_output_per_worker": (0.0, math.inf),
    "va_to_output_ratio": (0.0, 1.0),
    "talent_wage": (0.0, math.inf),
    "talent_agglomeration": (0.0, 10.0),
    "talent_displacement": (0.0, 1.0),
    "talent_local_revenue": (0.0, math.inf),
}
# Gaussian copula: (parameter, parent, correlation parameter). The child's standard normal is
# rho * z_parent + sqrt(1 - rho^2) * z_own, with rho itself drawn from its own row; every marginal
# stays triangular on (low, central, high).
CORRELATED: tuple[tuple[str, str, str], ...] = (("dc_demand_growth", "gdp_growth", "dc_demand_gdp_corr"),)
PARAMETER_IDS: tuple[str, ...] = tuple(sorted(PARAMETER_DOMAINS))

PARAMETER_COLUMNS = (
    "id", "label_zh", "label_en", "unit", "low", "central", "high",
    "grade", "source_title", "source_url", "source_quote", "rationale", "rationale_zh",
)  # fmt: skip


def used_parameters() -> frozenset[str]:
    """Return every parameter id the model reads."""
    return frozenset(PARAMETER_IDS)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def parameter_table(params: pd.DataFrame) -> dict[str, tuple[float, float, float]]:
    """Return id -> (low, central, high) from the parameters frame; raise ValueError listing every problem."""
    missing_columns = [column for column in PARAMETER_COLUMNS if column not in params.columns]
    if missing_columns:
        raise ValueError(f"parameters: missing columns {missing_columns}")
    problems: list[str] = []
    table: dict[str, tuple[float, float, float]] = {}
    columns = [params[column].tolist() for column in PARAMETER_COLUMNS]
    for row in zip(*columns):
        record = dict(zip(PARAMETER_COLUMNS, row))
        pid = _text(record["id"])
        if not pid:
            problems.append("a row has no id")
            continue
        if pid in table:
            problems.append(f"{pid}: duplicate id")
            continue
        try:
            low, central, high = (float(record[key]) for key in ("low", "central", "high"))
        except (TypeError, ValueError):
            problems.append(f"{pid}: low/central/high are not numbers")
            continue
        if not all(math.isfinite(x) for x in (low, central, high)):
            problems.append(f"{pid}: low/central/high must be finite")
            continue
        if not low <= central <= high:
            problems.append(f"{pid}: needs low <= central <= high, got {low:g} / {central:g} / {high:g}")
        grade = _text(record["grade"])
        sources = [_text(record[key]) for key in ("source_title", "source_url", "source_quote")]
        rationale = _text(record["rationale"])
        if bool(rationale) != bool(_text(record["rationale_zh"])):
            problems.append(f"{pid}: a rationale needs its Chinese text (rationale_zh) and vice versa")
        if grade not in GRADES:
            problems.append(f"{pid}: grade {grade!r} is not one of {GRADES}")
        elif grade == "assumption":
            if any(sources):
                problems.append(f"{pid}: an assumption carries no source fields")
            if not rationale:
                problems.append(f"{pid}: an assumption needs a one-line rationale")
        else:
            if not all(sources):
                problems.append(f"{pid}: a {grade} row needs source title, URL and quote")
            if grade == "derived" and not rationale:
                problems.append(f"{pid}: a derived row needs its arithmetic in the rationale")
        if pid in PARAMETER_DOMAINS:
            floor, ceiling = PARAMETER_DOMAINS[pid]
            if low < floor or high > ceiling:
                problems.append(f"{pid}: values must lie in [{floor:g}, {ceiling:g}]")
        table[pid] = (low, central, high)
    absent = sorted(set(PARAMETER_IDS) - set(table))
    if absent:
        problems.append(f"missing parameters the model reads: {absent}")
    if problems:
        raise ValueError("parameters: " + "; ".join(problems))
    return table


def normal_cdf(z: np.ndarray) -> np.ndarray:
    """Return the standard normal CDF (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7)."""
    x = np.abs(z) / math.sqrt(2.0)
    k = 1.0 / (1.0 + 0.3275911 * x)
    poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429))))
    erf = 1.0 - poly * np.exp(-x * x)
    return 0.5 * (1.0 + np.where(z < 0, -erf, erf))


def _uniforms(rng: np.random.Generator, draws: int, table: Mapping[str, tuple[float, float, float]]) -> np.ndarray:
    """Return draws × parameters uniforms; correlated children come from the Gaussian copula."""
    uniform = rng.random((draws, len(PARAMETER_IDS)))
    index = {pid: j for j, pid in enumerate(PARAMETER_IDS)}
    for child, parent, corr in CORRELATED:
        normals = rng.standard_normal((draws, 2))
        rho = _triangular(uniform[:, index[corr]], *table[corr])
        mixed = rho * normals[:, 0] + np.sqrt(1.0 - rho * rho) * normals[:, 1]
        uniform[:, index[parent]] = normal_cdf(normals[:, 0])
        uniform[:, index[child]] = normal_cdf(mixed)
    return uniform


def _triangular(uniform: np.ndarray, low: np.ndarray | float, mode: np.ndarray | float, high: np.ndarray | float):
    """Return the triangular (low, mode, high) quantiles of `uniform` (a point mass where low = high)."""
    width = np.asarray(high) - np.asarray(low)
    safe = np.where(width > 0, width, 1.0)
    cut = (mode - low) / safe
    left = low + np.sqrt(uniform * safe * (mode - low))
    right = high - np.sqrt((1.0 - uniform) * safe * (high - mode))
    return np.where(width > 0, np.where(uniform < cut, left, right), low)


def draw_parameters(table: Mapping[str, tuple[float, float, float]], draws: int, seed: int) -> dict[str, np.ndarray]:
    """Return id -> (draws,) array: triangular marginals on (low, central, high), joined by `CORRELATED`."""
    uniform = _uniforms(np.random.default_rng(seed), draws, table)
    low = np.array([table[pid][0] for pid in PARAMETER_IDS])
    mode = np.array([table[pid][1] for pid in PARAMETER_IDS])
    high = np.array([table[pid][2] for pid in PARAMETER_IDS])
    values = _triangular(uniform, low, mode, high)
    return {pid: values[:, j] for j, pid in enumerate(PARAMETER_IDS)}


def central_parameters(table: Mapping[str, tuple[float, float, float]], rows: int = 1) -> dict[str, np.ndarray]:
    """Return id -> (rows,) array holding every parameter's central value."""
    return {pid: np.full(rows, table[pid][1]) for pid in PARAMETER_IDS}
