"""Scenario model of Shenzhen's digital economy: policy levers in, illustrative yearly paths out.

The paths are illustrative scenarios, not forecasts. Every number the model reads is a row of
`data/parameters.csv` (low / central / high, with source and grade, or labelled `assumption`);
`used_parameters()` lists them and a test keeps the two in step.

Years and uncertainty
---------------------
* Base year 2022 (the paper's data year); the frame runs 2022 .. `levers.horizon` (2025..2035).
  2022 is the base-year state; policy levers act from 2023. t = year − 2022.
* Monte Carlo: every parameter is drawn once per draw from a triangular distribution on
  (low, central, high), independently, with a seeded `numpy.random.Generator`; a draw keeps its
  values in all years. Results are the 10th / 50th / 90th percentiles across draws, per year
  and indicator. Independence ignores correlations (e.g. GDP growth vs. rack demand).
* All money is nominal 亿元 (100 million yuan); the electricity price is held constant.

Channel 4 — baseline growth (calibration 2020 → 2022, then trend)
------------------------------------------------------------------
    GDP_2020  = core_va_2020 / (core_va_share_2020 / 100)                      (≈ 27,692 亿元)
    GDP_2022  = GDP_2020 · (1 + gdp_growth_2020_22)²
    CORE_2022 = core_va_2020 · (1 + core_va_growth_2020_22)²                   (≈ 9,800 亿元)
    GDP*_t    = GDP_2022 · (1 + gdp_growth)^t
    CORE*_t   = CORE_2022 · (1 + gdp_growth + core_va_premium)^t
The starred paths are the trend under the paper's policy (`baseline()`); the 2020–22 growth
rates are derived from the official 2022 GDP and the paper's "近万亿元, > 30 %", so the model
reproduces 2022 by construction (a test checks it within 5 %). Limits: two calibration years
including the 2021 rebound; nominal growth without a deflator; the trend after 2022 is an
assumption-heavy range, not an estimate.

Channel 1 — data centres → racks, compute, electricity, value added
--------------------------------------------------------------------
    K_2022 = dc_racks_2022 (installed standard racks); D_2022 = min(dc_util_2022, dc_util_max)·K_2022
    D_t    = D_{t−1} · (1 + dc_demand_growth)                    latent demand for occupied racks
    A_t    = dc_racks                                            if dc_util_gate = 0
           = min(dc_racks, ⌊max(0, O_{t−1} / gate − K_{t−1})⌋)   otherwise
    K_t    = K_{t−1} + A_t ;   O_t = min(D_t, dc_util_max · K_t) ;   utilisation u_t = O_t / K_t
The utilisation gate (上架率 rule): in a year when last year's observed utilisation is below
the gate nothing is approved; otherwise approvals stop where utilisation (on last year's
occupancy) would fall to the gate. A gate at or above dc_util_max blocks all new capacity.
This form makes racks, occupancy, compute and power never decrease in `dc_racks` and never
increase in the gate; power never decreases in the PUE cap.
    PUE_t     = (O_old · dc_pue_existing + (O_t − O_old) · dc_pue) / O_t,  O_old = min(O_t, dc_util_max · K_2022)
                (occupancy fills the existing fleet first; new racks run at the cap)
    EFLOPS_t  = K_t · dc_tflops_per_rack · (1 + dc_tflops_growth)^t / 10⁶       installed compute
    GWh_t     = O_t · dc_rack_kw · 8760 h · dc_load_factor · PUE_t / 10⁶
    cost_t    = GWh_t · dc_power_price / 100                                    (亿元 per year)
    CORE_t   ← CORE*_t · (O_t / O^paper_t)^compute_va_elasticity
where O^paper is occupancy under the paper's levers with the same parameter draw: compute in
use one per cent above the paper path lifts core value added by ε per cent (CAICT: +1 %
compute ↔ +0.4 pp digital-economy growth, taken as the upper end). Limits: the elasticity is
national co-movement, not causal; Shenzhen can use compute hosted in Shaoguan or the west,
which the model does not credit; the existing fleet's PUE is held constant; the Shenzhen rack
stock is an estimate (no published count found).

Channel 2 — Xinchuang (信创) procurement floor
-----------------------------------------------
    p     = max(xc_share, xc_os_share_2022)       domestic share of each year's purchases (a floor)
    s_t   = p − (p − s_2022) · (1 − 1 / xc_replacement_years)^t      installed-base domestic share
    B_t   = GDP*_t · gov_procurement_gdp_ratio · xc_it_share · (1 + xc_soe_multiplier)
    vendor revenue_t  = B_t · p                          (亿元 per year; s_2022 in 2022)
    migration cost_t  = xc_migration_cost_ratio · B_t · xc_replacement_years · (s_t − s_{t−1})
    foreign_exposure_t = 100 − s_t       % of the public-sector installed base still foreign
Each year 1/L of the installed base (≈ L years of purchases) is replaced and bought at share p;
the starting share is the paper's "操作系统国产化率不足5%". Limits: one procurement base for all
base software and hardware; the organic (no-floor) domestic share is held at its 2022 level;
Shenzhen's procurement volume, its IT share and the SOE multiple are assumptions; the channel
does not feed value added (no evidence on how much vendor revenue stays in Shenzhen).

Channel 3 — talent subsidy
--------------------------
    take-up   r = 1 − exp(−talent_subsidy / talent_response_scale)      (0 when the subsidy is 0)
    recruited R = talent_quota · r   per year, from 2023
    talent_added_t   = talent_additionality · R · t             cumulative additional people
    fiscal_cost_t    = talent_subsidy · R · min(talent_subsidy_years, t) / 10⁸   (亿元 per year)
    talent_gap_closed_t = 100 · min(1, talent_added_t / talent_gap)
    CORE_t  += (talent_added_t − talent_added^paper_t) · digital_output_per_worker · va_to_output_ratio
Zero subsidy gives zero take-up, zero cost and zero added talent. Limits: the saturating
response and its scale are assumptions (no numeric elasticity of skilled migration to
subsidies was found); deadweight (non-additional recruits) is paid but adds nothing;
recruits never leave; output per worker is Longhua's gross output, not value added.

GDP and share: GDP_t = GDP*_t + (CORE_t − CORE*_t); core_va_share_t = 100 · CORE_t / GDP_t.
Because the trend embeds the paper's policy, channel parameters (elasticity, output per
worker) move value added only where a scenario departs from `baseline()`.

Peers: `peer_paths` carries Beijing / Shanghai observations forward at their own growth rate
(a parameter row such as `beijing_gdp_growth`), labelled as extrapolation.
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import ClassVar

import numpy as np
import pandas as pd

BASE_YEAR = 2022  # first row of every projection: the paper's data year (GDP 2022 official)
CALIBRATION_YEAR = 2020  # anchor year of core value added (8,446 亿元, 30.5 % of GDP)
HOURS_PER_YEAR = 8760
QUANTILES = (0.1, 0.5, 0.9)
GRADES = ("official", "secondary", "derived", "assumption")
PEER_CITIES = ("beijing", "shanghai", "shenzhen")

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

# Unit code -> (zh, en) label, for convenience; the app's translations may override them.
UNIT_LABELS: dict[str, tuple[str, str]] = {
    "yi_yuan": ("亿元", "100 million yuan"),
    "yi_yuan_per_year": ("亿元/年", "100 million yuan per year"),
    "yi_yuan_cumulative": ("亿元(累计)", "100 million yuan, cumulative"),
    "pct_gdp": ("占GDP %", "% of GDP"),
    "pct": ("%", "%"),
    "eflops": ("EFLOPS", "EFLOPS"),
    "racks": ("标准机架", "standard racks"),
    "ratio": ("比值", "ratio"),
    "gwh_per_year": ("GWh/年", "GWh per year"),
    "people_cumulative": ("人(累计)", "people, cumulative"),
}

SHARE_INDICATORS = ("core_va_share", "dc_utilisation", "xc_domestic_share", "foreign_exposure", "talent_gap_closed")

# Every parameter the model reads, with the values it can physically take (closed interval).
_POSITIVE = 1e-12
_GROWTH = (-99.0, 200.0)
PARAMETER_DOMAINS: dict[str, tuple[float, float]] = {
    "core_va_2020": (_POSITIVE, math.inf),
    "core_va_share_2020": (_POSITIVE, 100.0),
    "core_va_growth_2020_22": _GROWTH,
    "gdp_growth_2020_22": _GROWTH,
    "gdp_growth": _GROWTH,
    "core_va_premium": (-50.0, 50.0),
    "dc_racks_2022": (_POSITIVE, math.inf),
    "dc_util_2022": (_POSITIVE, 100.0),
    "dc_util_max": (_POSITIVE, 100.0),
    "dc_demand_growth": _GROWTH,
    "dc_pue_existing": (1.0, 5.0),
    "dc_load_factor": (0.0, 1.0),
    "dc_rack_kw": (_POSITIVE, 100.0),
    "dc_tflops_per_rack": (0.0, math.inf),
    "dc_tflops_growth": _GROWTH,
    "dc_power_price": (0.0, 10.0),
    "compute_va_elasticity": (0.0, 2.0),
    "xc_os_share_2022": (0.0, 100.0),
    "xc_replacement_years": (1.0, 50.0),
    "gov_procurement_gdp_ratio": (0.0, 100.0),
    "xc_it_share": (0.0, 100.0),
    "xc_soe_multiplier": (0.0, 100.0),
    "xc_migration_cost_ratio": (0.0, 100.0),
    "talent_response_scale": (_POSITIVE, math.inf),
    "talent_additionality": (0.0, 1.0),
    "talent_subsidy_years": (0.0, 50.0),
    "talent_gap": (_POSITIVE, math.inf),
    "digital_output_per_worker": (0.0, math.inf),
    "va_to_output_ratio": (0.0, 1.0),
    "beijing_gdp_growth": _GROWTH,
    "beijing_core_va_growth": _GROWTH,
    "beijing_de_va_growth": _GROWTH,
    "shanghai_gdp_growth": _GROWTH,
}
PARAMETER_IDS: tuple[str, ...] = tuple(sorted(PARAMETER_DOMAINS))

PARAMETER_COLUMNS = (
    "id", "label_zh", "label_en", "unit", "low", "central", "high",
    "grade", "source_title", "source_url", "source_quote", "rationale",
)  # fmt: skip

_INT_FIELDS = frozenset({"dc_racks", "talent_quota", "horizon"})
_MAX_RAW_LENGTH = 64  # longer URL values are not numbers a person typed; they reset to the base


# ----------------------------------------------------------------------------------------------
# Levers
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Levers:
    """Policy levers of one scenario; values are validated on construction."""

    dc_racks: int  # new standard (2.5 kW) data-centre racks approved per year in Shenzhen
    dc_pue: float  # PUE cap for new data centres (paper: < 1.25)
    dc_util_gate: float  # % utilisation required before new capacity is approved (paper: > 70); 0 = no gate
    xc_share: float  # % Xinchuang share of IT procurement by party/government organs and SOEs (paper: >= 40)
    talent_subsidy: float  # yuan per subsidised digital professional per year
    talent_quota: int  # subsidised professionals recruited per year
    horizon: int  # last projected year, 2025..2035

    BOUNDS: ClassVar[dict[str, tuple[float, float, float]]] = {
        # 0 = moratorium (the paper: new data centres in Shenzhen are "受严格限制"); 120,000 a year is
        # the pace that would lift the ~150,000-rack 2022 stock (dc_racks_2022) to the city's target
        # of 500,000 standard racks by 2025 (深工信〔2023〕300号) in three years.
        "dc_racks": (0, 120_000, 1_000),
        # 1.10: below the best reported averages (Guizhou < 1.2), i.e. liquid-cooled sites; 1.50:
        # Guangdong forbids new builds above 1.5 and the national 2025 ceiling is 1.5.
        "dc_pue": (1.10, 1.50, 0.01),
        # 0 = no gate; 70 = Guangdong's 2023-25 rule quoted by the paper; 95 is at or above the
        # practical utilisation ceiling (dc_util_max 85-95), i.e. an effective ban.
        "dc_util_gate": (0.0, 95.0, 5.0),
        # A share: 0-100 %. The paper's floor is 40 %; 100 % = complete replacement.
        "xc_share": (0.0, 100.0, 5.0),
        # 0 = no subsidy; 96,000 = Qianhai's PhD allowance (8,000 a month); Shenzhen's new-PhD
        # allowance is 100,000; 150,000 leaves headroom above both. Step 1,000 keeps 96,000 on the grid.
        "talent_subsidy": (0.0, 150_000.0, 1_000.0),
        # 0-50,000 a year: about twice the 27,000 returned students who settled in Shenzhen in 2021
        # (Shenzhen Daily); Longhua district alone counts 229,000 digital workers.
        "talent_quota": (0, 50_000, 1_000),
        # 2025-2035: the paper's targets are for 2025; beyond 2035 even illustrative paths lose meaning.
        "horizon": (2025, 2035, 1),
    }

    def __post_init__(self) -> None:
        for field in fields(self):
            name = field.name
            value = getattr(self, name)
            low, high, _ = self.BOUNDS[name]
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise ValueError(f"{name}: expected a number, got {value!r}")
            try:
                number = float(value)
            except (OverflowError, ValueError) as exc:
                raise ValueError(f"{name}: {value!r} is not a usable number") from exc
            if not math.isfinite(number):
                raise ValueError(f"{name}: must be finite, got {value!r}")
            if not low <= number <= high:
                raise ValueError(f"{name}: {value!r} is outside [{low:g}, {high:g}]")
            if name in _INT_FIELDS:
                if number != round(number):
                    raise ValueError(f"{name}: must be a whole number, got {value!r}")
                object.__setattr__(self, name, int(round(number)))
            else:
                object.__setattr__(self, name, number)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object], base: Levers | None = None) -> tuple[Levers, list[str]]:
        """Parse untrusted values (e.g. URL strings) into levers; return them and the fields changed.

        Missing keys take the base value (default `baseline()`) and are not reported. Unparsable or
        non-finite values ('', 'abc', 'nan', 'inf', '1e309', over 64 characters) reset to the base
        value; numbers outside the bounds are clamped; every value is snapped to its slider step.
        A field is reported when the value used differs from the value given.
        """
        base = baseline() if base is None else base
        values: dict[str, float | int] = {}
        changed: list[str] = []
        for name in cls.BOUNDS:
            current = getattr(base, name)
            if name not in raw:
                values[name] = current
                continue
            parsed = _parse_number(raw[name])
            if parsed is None:
                values[name] = current
                changed.append(name)
                continue
            fitted = _fit_to_bounds(name, parsed)
            values[name] = fitted
            if not math.isclose(fitted, parsed, rel_tol=1e-12, abs_tol=1e-12):
                changed.append(name)
        return cls(**values), changed

    def to_query(self) -> dict[str, str]:
        """Return the canonical string form of every lever, for URLs."""
        return {name: _format_number(getattr(self, name)) for name in self.BOUNDS}


def _parse_number(value: object) -> float | None:
    """Return a finite float from a number or numeric string, or None when it is not one."""
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            return None
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if not text or len(text) > _MAX_RAW_LENGTH:
            return None
        try:
            number = float(text)
        except (ValueError, OverflowError):
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _fit_to_bounds(name: str, number: float) -> float | int:
    """Clamp a finite number to the lever's bounds and snap it to the step grid."""
    low, high, step = Levers.BOUNDS[name]
    clamped = min(max(number, low), high)
    snapped = low + round((clamped - low) / step) * step
    snapped = min(max(snapped, low), high)
    if name in _INT_FIELDS:
        return int(round(snapped))
    decimals = max(0, -math.floor(math.log10(step))) + 2
    return round(snapped, decimals)


def _format_number(value: float | int) -> str:
    if isinstance(value, int):
        return str(value)
    return format(value, ".10g")


def baseline() -> Levers:
    """Return "the paper's current policy" as levers.

    * dc_racks 7,000 a year: the paper's target of ≥ 21,000 standard racks in the city's main and
      regional data centres by 2025 (主体数据中心和区域分中心规模实现2.1万个标准机柜以上), spread
      over 2023-2025; the paper also says new data centres are strictly limited.
    * dc_pue 1.25: "新建数据中心电能利用效率小于1.25" (the cap is used as the new racks' PUE).
    * dc_util_gate 70: "广东省2023-2025年需满足上架率超70%…后再考虑新建或扩建".
    * xc_share 40: "党政机关、国资国企领域信创产品的采购比例不低于 40%".
    * talent_subsidy 30,000 yuan a year and talent_quota 10,000 people a year: assumption. The paper
      recommends subsidies for digital talent "按照人才认定标准" without amounts; 30,000 sits
      within Shenzhen's current offers (15,000-30,000 one-off; Qianhai 36,000+ a year).
    * horizon 2030.
    """
    return Levers(
        dc_racks=7_000,
        dc_pue=1.25,
        dc_util_gate=70.0,
        xc_share=40.0,
        talent_subsidy=30_000.0,
        talent_quota=10_000,
        horizon=2030,
    )


def _preset(**changes: float | int) -> Levers:
    values = {name: getattr(baseline(), name) for name in Levers.BOUNDS}
    values.update(changes)
    return Levers(**values)


# Language-neutral codes; every preset departs from the paper's policy in one theme only.
PRESETS: dict[str, Levers] = {
    "paper": baseline(),
    "no_new_capacity": _preset(dc_racks=0),
    "aggressive_buildout": _preset(dc_racks=60_000, dc_util_gate=0.0),
    "talent_push": _preset(talent_subsidy=96_000.0, talent_quota=30_000),
    "xinchuang_push": _preset(xc_share=80.0),
    "no_xinchuang_floor": _preset(xc_share=0.0),
}


def used_parameters() -> frozenset[str]:
    """Return every parameter id the model reads."""
    return frozenset(PARAMETER_IDS)


# ----------------------------------------------------------------------------------------------
# Parameters
# ----------------------------------------------------------------------------------------------


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


def _draw_parameters(table: Mapping[str, tuple[float, float, float]], draws: int, seed: int) -> dict[str, np.ndarray]:
    """Return id -> (draws,) array from triangular distributions on (low, central, high)."""
    low = np.array([table[pid][0] for pid in PARAMETER_IDS])
    mode = np.array([table[pid][1] for pid in PARAMETER_IDS])
    high = np.array([table[pid][2] for pid in PARAMETER_IDS])
    uniform = np.random.default_rng(seed).random((draws, len(PARAMETER_IDS)))
    width = high - low
    safe = np.where(width > 0, width, 1.0)
    cut = (mode - low) / safe
    left = low + np.sqrt(uniform * safe * (mode - low))
    right = high - np.sqrt((1.0 - uniform) * safe * (high - mode))
    values = np.where(width > 0, np.where(uniform < cut, left, right), low)
    return {pid: values[:, j] for j, pid in enumerate(PARAMETER_IDS)}


def _central_parameters(table: Mapping[str, tuple[float, float, float]], rows: int = 1) -> dict[str, np.ndarray]:
    return {pid: np.full(rows, table[pid][1]) for pid in PARAMETER_IDS}


# ----------------------------------------------------------------------------------------------
# Channels (arrays are draws × years)
# ----------------------------------------------------------------------------------------------


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
    sampled = _draw_parameters(table, int(draws), seed)
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
    paths = _simulate(levers, _central_parameters(table), years)
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
    sampled = _central_parameters(table, rows)
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


# ----------------------------------------------------------------------------------------------
# Peers
# ----------------------------------------------------------------------------------------------

PEER_COLUMNS = ("city", "year", "indicator", "value", "comparability_group", "status")


def peer_growth(params: pd.DataFrame) -> dict[str, float]:
    """Return the central %/yr of every peer growth row (`<city>_<indicator>_growth`), for `peer_paths`."""
    table = parameter_table(params)
    return {
        pid: central
        for pid, (_, central, _) in table.items()
        if pid.endswith("_growth") and pid.split("_", 1)[0] in PEER_CITIES
    }


def peer_paths(peers: pd.DataFrame, horizon: int, growth: dict[str, float] | None = None) -> pd.DataFrame:
    """Return observed and target peer rows up to `horizon`, plus labelled extrapolations.

    Output columns: year, city, indicator, comparability_group, value, basis. `basis` is
    'observed', 'target', or 'extrapolated at X %/yr (<parameter id>)'. A series is carried
    forward from its last observed year only when `growth` holds `<city>_<indicator>_growth`
    (%/yr), so shares stay observed-only. Rows without a value (NaN) are skipped. Without
    `growth` nothing is extrapolated.
    """
    missing = [column for column in PEER_COLUMNS if column not in peers.columns]
    if missing:
        raise ValueError(f"peers: missing columns {missing}")
    if isinstance(horizon, bool) or not isinstance(horizon, numbers.Integral):
        raise ValueError(f"horizon: expected a year, got {horizon!r}")
    rates = dict(growth or {})
    for key, rate in rates.items():
        if not isinstance(rate, numbers.Real) or not math.isfinite(float(rate)) or float(rate) <= -100.0:
            raise ValueError(f"growth[{key!r}]: expected a finite %/yr above -100, got {rate!r}")

    frame = peers.loc[:, list(PEER_COLUMNS)].copy()
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame = frame[frame["value"].notna()]
    frame["year"] = frame["year"].astype(int)
    is_target = frame["status"].astype(str).str.strip().str.lower().eq("target")
    frame["basis"] = np.where(is_target, "target", "observed")
    out = [frame[frame["year"] <= horizon]]

    observed = frame[~is_target]
    extra: list[dict[str, object]] = []
    for (city, indicator, group), series in observed.groupby(["city", "indicator", "comparability_group"], sort=True):
        last = series.loc[series["year"].idxmax()]
        rate, label = _peer_rate(str(city), str(indicator), rates)
        if rate is None:
            continue
        for year in range(int(last["year"]) + 1, int(horizon) + 1):
            value = float(last["value"]) * (1.0 + rate / 100.0) ** (year - int(last["year"]))
            if indicator.endswith("_share"):
                value = min(value, 100.0)
            extra.append(
                {
                    "year": year,
                    "city": city,
                    "indicator": indicator,
                    "comparability_group": group,
                    "value": value,
                    "basis": f"extrapolated at {rate:.1f} %/yr ({label})",
                }
            )
    if extra:
        out.append(pd.DataFrame(extra))
    result = pd.concat(out, ignore_index=True)[["year", "city", "indicator", "comparability_group", "value", "basis"]]
    return result.sort_values(
        ["city", "indicator", "comparability_group", "year", "basis"], kind="mergesort"
    ).reset_index(drop=True)


def _peer_rate(city: str, indicator: str, rates: Mapping[str, float]) -> tuple[float | None, str]:
    """Return the %/yr to carry a peer series forward and the parameter id it comes from.

    Shares are never carried forward from the growth of their numerator: a share extrapolated that
    way runs away (Beijing's core share would double by 2035), so only levels are extrapolated.
    """
    own = f"{city}_{indicator}_growth"
    if own in rates:
        return float(rates[own]), own
    return None, ""


def crossing_year(shenzhen: pd.Series, peer: pd.Series) -> int | None:
    """Return the first year in which Shenzhen's value is at least the peer's (common years only), else None."""
    both = pd.concat({"shenzhen": shenzhen, "peer": peer}, axis=1, join="inner").dropna()
    if both.empty:
        return None
    both = both.sort_index()
    reached = both["shenzhen"].to_numpy(dtype=float) >= both["peer"].to_numpy(dtype=float)
    if not reached.any():
        return None
    return int(both.index[int(np.argmax(reached))])
