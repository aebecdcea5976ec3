"""The model's equations, written once: LaTeX per channel, filled from the parameter sheet (shown on Methods).

A placeholder `<<name>>` names a parameter id, a lever or a constant of the model. A parameter whose
range is a single value (low = high, e.g. the rack power `dc_rack_kw`) is written as that number;
a parameter with a range, and every lever, is written as its symbol, which the Methods page
explains with the parameter's label and its central value and range. `simulation.py` implements
these equations; tests/test_model_simulation.py recomputes the base year and a build-out from them.

Years and uncertainty
---------------------
* Base year 2022 (the paper's data year); the frame runs 2022 .. `levers.horizon` (2025..2035).
  2022 is the base-year state; policy levers act from 2023. t = year − 2022.
* Monte Carlo: every parameter is drawn once per draw from a triangular distribution on
  (low, central, high), independently, with a seeded `numpy.random.Generator`; a draw keeps its
  values in all years. Results are the 10th / 50th / 90th percentiles across draws, per year
  and indicator. Independence ignores correlations (e.g. GDP growth vs. rack demand).
* All money is nominal 亿元 (10^8 yuan; shown as ¥ bn in English); the electricity price is held constant.
  Growth rates and shares are in per cent, hence the /100 in the equations.

Notes and limits per channel
----------------------------
* Baseline (channel 4): the starred paths are the trend under the paper's policy (`baseline()`);
  the 2020–22 growth rates are derived from the official 2022 GDP and the paper's "近万亿元,
  > 30 %", so the model reproduces 2022 by construction (a test checks it within 5 %). Limits:
  two calibration years including the 2021 rebound; nominal growth without a deflator; the trend
  after 2022 is an assumption-heavy range, not an estimate. Because the trend embeds the paper's
  policy, channel parameters (elasticity, output per worker) move value added only where a
  scenario departs from `baseline()`.
* Data centres (channel 1): the utilisation gate (上架率 rule) approves nothing in a year when
  last year's utilisation is below the gate; otherwise approvals stop where utilisation (on last
  year's occupancy) would fall to the gate. A gate at or above dc_util_max blocks all new
  capacity. This form makes racks, occupancy, compute and power never decrease in `dc_racks` and
  never increase in the gate; power never decreases in the PUE cap. Occupancy fills the existing
  fleet first; new racks run at the cap. O^paper is occupancy under the paper's levers with the
  same parameter draw: compute in use one per cent above the paper path lifts core value added
  by ε per cent (CAICT: +1 % compute ↔ +0.4 pp digital-economy growth, taken as the upper end).
  Limits: the elasticity is national co-movement, not causal; Shenzhen can use compute hosted in
  Shaoguan or the west, which the model does not credit; the existing fleet's PUE is held
  constant; the Shenzhen rack stock is an estimate (no published count found).
* Xinchuang (channel 2): p is the domestic share of each year's purchases (a floor); each year 1/L
  of the installed base (≈ L years of purchases) is replaced and bought at share p; the starting
  share is the paper's "操作系统国产化率不足5%". Limits: one procurement base for all base
  software and hardware; the organic (no-floor) domestic share is held at its 2022 level;
  Shenzhen's procurement volume, its IT share and the SOE multiple are assumptions; the channel
  does not feed value added (no evidence on how much vendor revenue stays in Shenzhen).
* Talent (channel 3): zero subsidy gives zero take-up, zero cost and zero added talent. Limits:
  the saturating response and its scale are assumptions (no numeric elasticity of skilled
  migration to subsidies was found); deadweight (non-additional recruits) is paid but adds
  nothing; recruits never leave; output per worker is Longhua's gross output, not value added.
* Peers: `peers.peer_paths` carries Beijing / Shanghai observations forward at their own growth
  rate (a parameter row such as `beijing_gdp_growth`), labelled as extrapolation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from explorer.model.simulation import BASE_YEAR, CALIBRATION_YEAR, HOURS_PER_YEAR

# Parameter id or lever name -> its LaTeX symbol.
SYMBOLS: dict[str, str] = {
    "core_va_2020": r"\mathrm{CORE}_{2020}",
    "core_va_share_2020": r"\sigma_{2020}",
    "core_va_growth_2020_22": r"c_0",
    "gdp_growth_2020_22": r"g_0",
    "gdp_growth": r"g",
    "core_va_premium": r"\pi",
    "dc_racks_2022": r"K_{2022}",
    "dc_util_2022": r"u_{2022}",
    "dc_util_max": r"u_{\max}",
    "dc_demand_growth": r"\delta",
    "dc_pue_existing": r"\mathrm{PUE}_{\mathrm{old}}",
    "dc_load_factor": r"\lambda",
    "dc_rack_kw": r"\kappa",
    "dc_tflops_per_rack": r"f",
    "dc_tflops_growth": r"\phi",
    "dc_power_price": r"\rho",
    "compute_va_elasticity": r"\varepsilon",
    "xc_os_share_2022": r"s_{2022}",
    "xc_replacement_years": r"L",
    "gov_procurement_gdp_ratio": r"\gamma",
    "xc_it_share": r"\theta",
    "xc_soe_multiplier": r"m",
    "xc_migration_cost_ratio": r"\mu",
    "talent_response_scale": r"\bar{S}",
    "talent_additionality": r"\alpha",
    "talent_subsidy_years": r"Y",
    "talent_gap": r"H",
    "digital_output_per_worker": r"w",
    "va_to_output_ratio": r"v",
    # Levers
    "dc_racks": r"N",
    "dc_pue": r"P",
    "dc_util_gate": r"G",
    "xc_share": r"x",
    "talent_subsidy": r"S",
    "talent_quota": r"Q",
}
# The unit written after a parameter shown as a number.
NUMBER_UNITS: dict[str, str] = {"dc_rack_kw": r"\,\mathrm{kW}"}
CONSTANTS: dict[str, str] = {
    "base_year": str(BASE_YEAR),
    "calibration_year": str(CALIBRATION_YEAR),
    "span": str(BASE_YEAR - CALIBRATION_YEAR),
    "hours": f"{HOURS_PER_YEAR:,}".replace(",", "{,}") + r"\,\mathrm{h}",
}

# Channel code -> its equations, in the order the Methods page shows them.
CHANNELS: dict[str, tuple[str, ...]] = {
    "baseline": (
        r"\mathrm{GDP}_{<<calibration_year>>} = <<core_va_2020>> \,/\, (<<core_va_share_2020>> / 100)",
        r"\mathrm{GDP}_{<<base_year>>} = \mathrm{GDP}_{<<calibration_year>>}\,"
        r"(1 + <<gdp_growth_2020_22>>/100)^{<<span>>}",
        r"\mathrm{CORE}_{<<base_year>>} = <<core_va_2020>>\,(1 + <<core_va_growth_2020_22>>/100)^{<<span>>}",
        r"\mathrm{GDP}^*_t = \mathrm{GDP}_{<<base_year>>}\,(1 + <<gdp_growth>>/100)^t",
        r"\mathrm{CORE}^*_t = \mathrm{CORE}_{<<base_year>>}\,(1 + (<<gdp_growth>> + <<core_va_premium>>)/100)^t",
        r"\mathrm{GDP}_t = \mathrm{GDP}^*_t + (\mathrm{CORE}_t - \mathrm{CORE}^*_t)",
        r"\mathrm{share}_t = 100\,\mathrm{CORE}_t / \mathrm{GDP}_t",
    ),
    "dc": (
        r"D_{<<base_year>>} = \min(<<dc_util_2022>>,\ <<dc_util_max>>)/100 \cdot <<dc_racks_2022>>",
        r"D_t = D_{t-1}\,(1 + <<dc_demand_growth>>/100)",
        r"A_t = <<dc_racks>> \quad (<<dc_util_gate>> = 0)",
        r"A_t = \min\big(<<dc_racks>>,\ \lfloor \max(0,\ 100\,O_{t-1} / <<dc_util_gate>> - K_{t-1}) \rfloor\big)"
        r" \quad (<<dc_util_gate>> > 0)",
        r"K_t = K_{t-1} + A_t",
        r"O_t = \min(D_t,\ <<dc_util_max>>/100 \cdot K_t)",
        r"u_t = 100\,O_t / K_t",
        r"\mathrm{PUE}_t = \big(O^{\mathrm{old}}_t\,<<dc_pue_existing>>"
        r" + (O_t - O^{\mathrm{old}}_t)\,<<dc_pue>>\big) / O_t",
        r"O^{\mathrm{old}}_t = \min(O_t,\ <<dc_util_max>>/100 \cdot <<dc_racks_2022>>)",
        r"\mathrm{EFLOPS}_t = K_t\,<<dc_tflops_per_rack>>\,(1 + <<dc_tflops_growth>>/100)^t / 10^6",
        r"\mathrm{GWh}_t = O_t \cdot <<dc_rack_kw>> \cdot <<hours>> \cdot <<dc_load_factor>>"
        r" \cdot \mathrm{PUE}_t / 10^6",
        r"\mathrm{cost}_t = \mathrm{GWh}_t\,<<dc_power_price>> / 100",
        r"\mathrm{CORE}_t = \mathrm{CORE}^*_t\,(O_t / O^{\mathrm{paper}}_t)^{<<compute_va_elasticity>>}",
    ),
    "xc": (
        r"p = \max(<<xc_share>>,\ <<xc_os_share_2022>>)",
        r"s_t = p - (p - <<xc_os_share_2022>>)\,(1 - 1/<<xc_replacement_years>>)^t",
        r"B_t = \mathrm{GDP}^*_t\,<<gov_procurement_gdp_ratio>>\,<<xc_it_share>>\,(1 + <<xc_soe_multiplier>>) / 10^4",
        r"\mathrm{revenue}_t = B_t\,p / 100 \quad (t > 0)",
        r"\mathrm{revenue}_0 = B_0\,<<xc_os_share_2022>> / 100",
        r"\mathrm{migration}_t = <<xc_migration_cost_ratio>>\,B_t\,<<xc_replacement_years>>\,(s_t - s_{t-1}) / 100",
        r"\mathrm{exposure}_t = 100 - s_t",
    ),
    "talent": (
        r"r = 1 - e^{-<<talent_subsidy>>/<<talent_response_scale>>}",
        r"R = <<talent_quota>>\,r",
        r"\mathrm{added}_t = <<talent_additionality>>\,R\,t",
        r"\mathrm{cost}_t = <<talent_subsidy>>\,R\,\min(<<talent_subsidy_years>>,\ t) / 10^8",
        r"\mathrm{gap}_t = 100\,\min(1,\ \mathrm{added}_t / <<talent_gap>>)",
        r"\mathrm{CORE}_t \mathrel{+}= (\mathrm{added}_t - \mathrm{added}^{\mathrm{paper}}_t)\,"
        r"<<digital_output_per_worker>>\,<<va_to_output_ratio>> / 10^4",
    ),
}

_PLACEHOLDER = re.compile(r"<<(\w+)>>")
Table = Mapping[str, tuple[float, float, float]]


def placeholders(channel: str) -> list[str]:
    """Return the names a channel's equations refer to, in order of first appearance."""
    names = [name for equation in CHANNELS[channel] for name in _PLACEHOLDER.findall(equation)]
    return list(dict.fromkeys(names))


def is_fixed(name: str, table: Table) -> bool:
    """Return True when `name` is a parameter with a single value (written as a number, not a symbol)."""
    return name in table and table[name][0] == table[name][2]


def latex_number(value: float) -> str:
    """Return a number for LaTeX: thousands grouped as `8{,}446`, no trailing zeros."""
    return f"{value:,.6g}".replace(",", "{,}")


def _render(name: str, table: Table) -> str:
    if name in CONSTANTS:
        return CONSTANTS[name]
    if is_fixed(name, table):
        return latex_number(table[name][1]) + NUMBER_UNITS.get(name, "")
    return SYMBOLS[name]


def filled(channel: str, table: Table) -> list[str]:
    """Return a channel's equations as LaTeX, with single-valued parameters written as their numbers."""
    return [_PLACEHOLDER.sub(lambda match: _render(match.group(1), table), eq) for eq in CHANNELS[channel]]


def symbols(channel: str, table: Table) -> list[str]:
    """Return the parameters and levers a channel's filled equations show as symbols, in order of appearance."""
    return [name for name in placeholders(channel) if name in SYMBOLS and not is_fixed(name, table)]
