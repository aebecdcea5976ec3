"""The model's equations, written once: LaTeX per channel, filled from the parameter sheet (shown on Methods).

A placeholder `<<name>>` names a parameter id, a lever or a constant of the model. A parameter whose
range is a single value (low = high, e.g. the rack power `dc_rack_kw`) is written as that number;
a parameter with a range, and every lever, is written as its symbol, which the Methods page
explains with the parameter's label and its central value and range. `simulation.py` and
`channels.py` implement these equations.

Years and uncertainty
---------------------
* Base year 2022: official GDP (32,387.68 亿元) and the paper's core value added ("近万亿元",
  drawn 9,500–10,000). The frame runs 2022 .. `levers.horizon`; t = year − 2022. Every lever acts
  from the lever start year (t_0 = that year − 2022; `simulation.start_year`: Shenzhen's first
  unpublished year on the panel's path, `comparison.lever_start`; 2023 on the sheet's own path),
  each channel running on the paper's values before it.
* Monte Carlo: each parameter is drawn once per draw from a triangular distribution on
  (low, central, high); rack-demand growth and GDP growth are joined by a Gaussian copula whose
  correlation is itself a parameter row (`dc_demand_gdp_corr`). Each year's GDP growth adds an
  independent normal shock with sd `gdp_shock_sd`, sized on Shenzhen's first-release nominal
  growth 2015–2024. The same yearly shock, in log points ξ_t, moves rack demand (its log growth
  gains `dc_demand_gdp_loading` × ξ_t, kept in the level) and the year's talent applicants
  (× exp(`talent_inflow_gdp_loading` × ξ_t); the quota still caps the subsidised cohort): a bad GDP
  year is a low-demand, low-inflow year in the same draw. Both loadings' ranges include 0, and the shock's median 0
  keeps every median path. `project_delta` reports the paired difference scenario − paper's policy
  with the same draws and shocks; that band, not the overlap of two level bands, is the
  uncertainty of a policy's effect.
* Where the Scenarios page's GDP comes from the three-city panel (`comparison.scenario`), the
  simulation runs on the panel's Shenzhen path itself (`comparison.simulation_gdp`: published levels,
  then the same draws and their yearly shocks), so the effect on GDP and the gaps is the simulation's
  own change of GDP in the same calendar year, with the same years of lever action as every other outcome.
* All money is nominal 亿元 (10^8 yuan; shown as ¥ bn in English); electricity price, rack rent and capex per
  rack are constant. Growth rates and shares are in per cent, hence the /100 in the equations.

Notes and limits per channel
----------------------------
* Baseline: GDP follows a growth draw plus yearly shocks (`simulation.gdp_baseline`); core value
  added moves with GDP plus a premium. The baseline embeds the paper's policy; channels add
  their difference from the paper's levers. Limits: no deflator; a single trend growth.
* Data centres: the utilisation gate approves nothing while last year's utilisation is below it;
  otherwise approvals stop where utilisation would fall to the gate. Demand grows at δ; what
  Shenzhen's racks cannot take is unmet, and a share of it is served elsewhere (the paper's
  深数韶算). Compute counts occupied racks only: general racks in FP32, AI racks in FP16 (not
  additive). Value added is bottom-up (occupied racks × revenue per rack-year × value-added
  ratio) plus a spillover elasticity (range includes 0) on compute Shenzhen uses. Limits: one
  demand growth for both rack types; rent and capex constant; the existing fleet's PUE constant.
* Xinchuang: the domestic share of purchases ramps to the floor; each year 1/L of the installed
  base is replaced at that share; migration cost is proportional to the base moved, users' extra
  running cost to the domestic systems in use; public bodies pay their part (1 / (1 + m)) from
  the budget, SOEs the rest. A local-content share of the city's domestic purchases is Shenzhen
  suppliers' value added (core; range includes 0); the SOEs' extra running cost lowers their value
  added (GDP, outside the core), so GDP moves by the net. The national floor (a scenario, not a
  Shenzhen lever) moves the purchases outside Shenzhen, of which Shenzhen's suppliers hold a share.
  Limits: one procurement base each; volumes are assumptions; purchases outside Shenzhen held at
  their 2022 level; migration spending is not netted from value added (software adaptation is
  capital formation in the national accounts).
* Talent: reservation subsidies in the eligible pool are exponential; everyone eligible who would
  come anyway also claims; the quota is shared at random among applicants, so the share of
  additional recruits is movers ÷ applicants; recruits leave at 1 − retention a year; value added
  per worker moves with nominal GDP. Limits: no numeric elasticity of skilled migration to
  subsidies was found; the pool sizes are assumptions.
* Fiscal: talent subsidies + public bodies' migration and extra running cost + data-centre incentives.
* Section I (`digital`): each city's latest observed section-I share of GDP, drifting at δ_I a year
  (range includes 0), times its GDP (observed to the panel's anchor, the panel's draws after);
  Shenzhen adds the racks' own value added and h_I of the other channels' change. Limits: one
  drift for the three cities; h_I is an assumption (section I's share of core value added).
* Peers: `peers` projects Beijing / Shanghai with `trend` fitted on their own published series (no
  parameter row), and gives the probability that Shenzhen is at or above each peer per year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from explorer.model.channels import HOURS_PER_YEAR
from explorer.model.levers import LEVERS
from explorer.model.simulation import BASE_YEAR

# Lever name -> its LaTeX symbol. A parameter's symbol is its row's `symbol` (data/parameters.csv), read by
# `parameters.parameter_symbols` from the params frame.
LEVER_SYMBOLS: dict[str, str] = {spec.name: spec.symbol for spec in LEVERS}  # from the lever registry
# The unit written after a parameter shown as a number.
NUMBER_UNITS: dict[str, str] = {"dc_rack_kw": r"\,\mathrm{kW}", "gdp_2022": ""}
CONSTANTS: dict[str, str] = {
    "base_year": str(BASE_YEAR),
    "hours": f"{HOURS_PER_YEAR:,}".replace(",", "{,}") + r"\,\mathrm{h}",
    **{f"{spec.name}_paper": f"{spec.paper:g}" for spec in LEVERS if spec.group in ("xc", "national")},
}

# Channel code -> its equations, in the order the Methods page shows them.
CHANNELS: dict[str, tuple[str, ...]] = {
    "baseline": (
        r"\mathrm{GDP}^*_t = \mathrm{GDP}^*_{t-1}\,(1 + <<gdp_growth>>/100)\,e^{<<gdp_shock_sd>>\,z_t/100},"
        r"\quad z_t \sim N(0, 1),\quad \mathrm{GDP}^*_{<<base_year>>} = <<gdp_2022>>",
        r"\mathrm{CORE}^*_t = <<core_va_2022>>\,(\mathrm{GDP}^*_t / \mathrm{GDP}^*_{<<base_year>>})"
        r"\,(1 + <<core_va_premium>>/100)^t",
        r"\mathrm{corr}(z_{\delta}, z_{g}) = <<dc_demand_gdp_corr>>, \quad"
        r"\xi_t = <<gdp_shock_sd>>\,z_t / 100\ \ (\xi_0 = 0)",
        r"\mathrm{CORE}_t = \mathrm{CORE}^*_t + \Delta\mathrm{DC}_t + \Delta\mathrm{XC}_t + \Delta\mathrm{TAL}_t",
        r"L_t = L^{\mathrm{paper}}\ \ (t < t_0), \quad L_t = L\ \ (t \ge t_0)",
        r"\mathrm{GDP}_t = \mathrm{GDP}^*_t + (\mathrm{CORE}_t - \mathrm{CORE}^*_t)"
        r" - (U^{\mathrm{SOE}}_t - U^{\mathrm{SOE},\mathrm{paper}}_t), \quad"
        r"\mathrm{share}_t = 100\,\mathrm{CORE}_t / \mathrm{GDP}_t",
    ),
    "dc": (
        r"D^{g}_t = (1 - <<dc_ai_share_2022>>)\,D_0\,(1 + <<dc_demand_growth>>/100)^t\,\chi_t, \quad "
        r"D^{\mathrm{AI}}_t = <<dc_ai_share_2022>>\,D_0"
        r"\,\big(1 + \min(<<dc_ai_demand_growth>>,\ <<dc_ai_supply_growth>>)/100\big)^t\,\chi_t",
        r"\chi_t = \exp\big(<<dc_demand_gdp_loading>> \sum_{k=1}^{t} \xi_k\big)",
        r"D_0 = \min(<<dc_util_2022>>,\ <<dc_util_max>>)/100 \cdot <<dc_racks_2022>>, \quad"
        r" D_t = D^{g}_t + D^{\mathrm{AI}}_t",
        r"\bar{K} = <<dc_racks_2022>> + \max\big(0,\ <<dc_power_budget>> \cdot 10^6"
        r" / (<<dc_util_max>>/100 \cdot <<dc_rack_kw>>"
        r" \cdot <<hours>> \cdot <<dc_load_factor>>) - <<dc_racks_2022>>\,<<dc_pue_existing>>\big) / <<dc_pue>>",
        r"\bar{K}_M = \max\big(\bar{K},\ 10^3\,<<dc_power>> / <<dc_rack_kw>>\big)",
        r"A_t = \min\big(<<dc_racks>>,\ \bar{K}_M - K_{t-1},"
        r"\ \lfloor \max(0,\ 100\,O_{t-1} / <<dc_util_gate>> - K_{t-1}) \rfloor\big)",
        r"<<dc_util_gate>> = 0:\ A_t = \min(<<dc_racks>>,\ \bar{K}_M - K_{t-1}), \quad"
        r" \mathrm{MW}_t = A_t \cdot <<dc_rack_kw>> / 10^3",
        r"K_t = K_{t-1} + A_t, \quad O_t = \min(D_t,\ <<dc_util_max>>/100 \cdot K_t), \quad u_t = 100\,O_t / K_t",
        r"\mathrm{unmet}_t = D_t - O_t, \quad U_t = O_t + <<dc_served_elsewhere>>\,\mathrm{unmet}_t, \quad "
        r"\mathrm{gap}_t = \max(0,\ <<dc_plan_racks>> - K_t)",
        r"\alpha_t = D^{\mathrm{AI}}_t / D_t",
        r"\mathrm{EFLOPS}^{\mathrm{FP32}}_t = O_t (1 - \alpha_t)\,<<dc_tflops_per_rack>>"
        r"\,(1 + <<dc_tflops_growth>>/100)^t / 10^6",
        r"\mathrm{EFLOPS}^{\mathrm{FP16}}_t = O_t\,\alpha_t\,<<dc_ai_tflops_per_rack>>"
        r"\,(<<dc_rack_kw>> / <<dc_ai_rack_kw>>)"
        r"\,(1 + <<dc_tflops_growth>>/100)^t / 10^6",
        r"\mathrm{PUE}_t = \big(O^{\mathrm{old}}_t\,<<dc_pue_existing>>"
        r" + (O_t - O^{\mathrm{old}}_t)\,<<dc_pue>>\big) / O_t,"
        r"\quad O^{\mathrm{old}}_t = \min(O_t,\ <<dc_util_max>>/100 \cdot <<dc_racks_2022>>)",
        r"\mathrm{GWh}_t = O_t \cdot <<dc_rack_kw>> \cdot <<hours>> \cdot <<dc_load_factor>>"
        r" \cdot \mathrm{PUE}_t / 10^6 \le <<dc_power_budget>>\ \ (<<dc_power>> = 0)",
        r"\mathrm{cost}_t = \mathrm{GWh}_t\,<<dc_power_price>> / 100, \quad"
        r"\mathrm{capex}_t = A_t\,<<dc_capex_per_rack>> / 10^4",
        r"V_t = O_t\,\big(<<dc_revenue_per_rack>>\,<<dc_va_ratio>>"
        r" + \alpha_t\,<<dc_ai_service_va>>\,<<dc_ai_service_local>>\big) / 10^4",
        r"\Delta\mathrm{DC}_t = V_t - V^{\mathrm{paper}}_t"
        r" + \mathrm{CORE}^*_t\,\big((U_t / U^{\mathrm{paper}}_t)^{<<dc_spillover_elasticity>>} - 1\big)",
    ),
    "xc": (
        r"p = \max(<<xc_share>>,\ <<xc_share_2022>>), \quad "
        r"p^{\mathrm{paper}} = \max(<<xc_share_paper>>,\ <<xc_share_2022>>)",
        r"q_t = <<xc_share_2022>> + (p^{\mathrm{paper}} - <<xc_share_2022>>)\,\min(1,\ t / <<xc_ramp_years>>)"
        r" + (p - p^{\mathrm{paper}})\,\min\big(1,\ \max(0,\ t - t_0 + 1) / <<xc_ramp_years>>\big)",
        r"s_t = s_{t-1} + (q_t - s_{t-1}) / <<xc_replacement_years>>, \quad s_0 = <<xc_share_2022>>",
        r"B_t = \mathrm{GDP}^*_t\,<<gov_procurement_gdp_ratio>>\,<<xc_it_share>>\,(1 + <<xc_soe_multiplier>>) / 10^4",
        r"\mathrm{revenue}_t = B_t\,q_t / 100, \quad U_t = <<xc_user_cost_ratio>>\,B_t\,s_t / 100",
        r"\mathrm{migration}_t = <<xc_migration_cost_ratio>>\,B_t\,<<xc_replacement_years>>"
        r"\,\max(0,\ s_t - s_{t-1}) / 100",
        r"X^{\mathrm{pub}} = X / (1 + <<xc_soe_multiplier>>), \quad"
        r" X^{\mathrm{SOE}} = X\,<<xc_soe_multiplier>> / (1 + <<xc_soe_multiplier>>)"
        r" \quad (X = U_t,\ \mathrm{migration}_t)",
        r"V^{\mathrm{city}}_t = <<xc_local_content>>\,\mathrm{revenue}_t, \quad"
        r" V^{\mathrm{net}}_t = V^{\mathrm{city}}_t - U^{\mathrm{SOE}}_t",
        r"B^{\mathrm{nat}} = \big(<<xc_national_procurement_2022>>"
        r" - <<gdp_2022>>\,<<gov_procurement_gdp_ratio>> / 100\big)"
        r"\,<<xc_it_share>>\,(1 + <<xc_soe_multiplier>>) / 100",
        r"p^{\mathrm{nat}} = \max(<<xc_national>>,\ <<xc_share_2022>>), \quad "
        r"p^{\mathrm{nat},\mathrm{paper}} = \max(<<xc_national_paper>>,\ <<xc_share_2022>>)",
        r"q^{\mathrm{nat}}_t = <<xc_share_2022>> + (p^{\mathrm{nat},\mathrm{paper}} - <<xc_share_2022>>)"
        r"\,\min(1,\ t / <<xc_ramp_years>>) + (p^{\mathrm{nat}} - p^{\mathrm{nat},\mathrm{paper}})"
        r"\,\min\big(1,\ \max(0,\ t - t_0 + 1) / <<xc_ramp_years>>\big)",
        r"V^{\mathrm{nat}}_t = <<xc_national_supplier_share>>\,<<va_to_output_ratio>>\,B^{\mathrm{nat}}"
        r"\,q^{\mathrm{nat}}_t / 100",
        r"\Delta\mathrm{XC}_t = (V^{\mathrm{city}}_t - V^{\mathrm{city},\mathrm{paper}}_t)"
        r" + (V^{\mathrm{nat}}_t - V^{\mathrm{nat},\mathrm{paper}}_t)",
    ),
    "talent": (
        r"M = <<talent_pool>>\,\big(1 - e^{-<<talent_subsidy>>/<<talent_reservation_mean>>}\big), \quad"
        r"\mathrm{applicants} = <<talent_anyway>> + M, \quad h_k = \exp(<<talent_inflow_gdp_loading>>\,\xi_k)",
        r"\mathrm{paid}_k = \min(<<talent_quota>>,\ h_k\,\mathrm{applicants}), \quad"
        r"\mathrm{additional}_k = \mathrm{paid}_k\,M / \mathrm{applicants}",
        r"\mathrm{added}_t = \sum_{k=1}^{t} \mathrm{additional}_k\,<<talent_retention>>^{t-k}",
        r"\mathrm{cost}_t = \sum_{k=1}^{t} <<talent_subsidy>>_k\,\mathrm{paid}_k\,<<talent_retention>>^{t-k}"
        r"\,\allowbreak\min\big(1, \max(0, <<talent_subsidy_years>> - t + k)\big) / 10^8",
        r"m = \min\big(<<talent_wage>>\,(1 + <<talent_agglomeration>>)\,(1 - <<talent_displacement>>),\ "
        r"<<digital_output_per_worker>>\,<<va_to_output_ratio>>\big)",
        r"\Delta\mathrm{TAL}_t = (\mathrm{added}_t - \mathrm{added}^{\mathrm{paper}}_t)\,m"
        r"\,(\mathrm{GDP}^*_t / \mathrm{GDP}^*_{<<base_year>>}) / 10^4",
        r"c^{+} = <<talent_subsidy>>\,\mathrm{applicants}\,\sum_{j \ge 0} <<talent_retention>>^j"
        r"\,\allowbreak\min\big(1, \max(0, <<talent_subsidy_years>> - j)\big) / (10^4\,M)",
        r"\mathrm{payback} = <<talent_local_revenue>> / \big((1 - <<talent_retention>>)\,c^{+}\big), \quad"
        r"\mathrm{revenue}_t = \mathrm{added}_t\,<<talent_local_revenue>>"
        r"\,(\mathrm{GDP}^*_t / \mathrm{GDP}^*_{<<base_year>>}) / 10^4",
        r"\mathrm{gap}_t = 100\,\min(1,\ \mathrm{added}_t / <<talent_gap>>)",
    ),
    "fiscal": (
        r"\mathrm{fiscal}_t = \mathrm{cost}^{\mathrm{talent}}_t + \mathrm{migration}^{\mathrm{pub}}_t"
        r" + U^{\mathrm{pub}}_t + <<dc_incentive_share>>\,\mathrm{capex}_t",
    ),
    "sector_i": (  # `digital` and `simulation.sector_i_draws`: section I of the three cities through the GDP panel
        r"i_c = I_{c,y_c} / \mathrm{GDP}_{c,y_c}",
        r"I_{c,t} = i_c\,(1 + <<sector_i_share_drift>>/100)^{t - y_c}\,\mathrm{GDP}_{c,t}, \quad t \ge y_c",
        r"h_I = \min\big(1,\ i_{\mathrm{SZ}}\,<<gdp_2022>> / (<<core_va_2022>>"
        r"\,(1 + <<core_va_premium>>/100)^{y_{\mathrm{SZ}} - <<base_year>>})\big)",
        r"\Delta I_t = (V_t - V^{\mathrm{paper}}_t) + h_I\,\big(\Delta\mathrm{DC}_t - (V_t - V^{\mathrm{paper}}_t)"
        r" + \Delta\mathrm{XC}_t + \Delta\mathrm{TAL}_t\big)",
        r"I'_{\mathrm{SZ},t} = I_{\mathrm{SZ},t} + \mathrm{GDP}_{\mathrm{SZ},t}\,\Delta I_t / \mathrm{GDP}^*_t",
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
    return f"{value:,.8g}".replace(",", "{,}")


def symbol(name: str, latex: Mapping[str, str]) -> str:
    """Return the LaTeX symbol of a lever, or of a parameter from `latex` (id -> its `symbol` column)."""
    return LEVER_SYMBOLS[name] if name in LEVER_SYMBOLS else latex[name]


def _render(name: str, table: Table, latex: Mapping[str, str]) -> str:
    if name in CONSTANTS:
        return CONSTANTS[name]
    if is_fixed(name, table):
        return latex_number(table[name][1]) + NUMBER_UNITS.get(name, "")
    return symbol(name, latex)


# The words the equations write out (\mathrm{revenue}); Methods writes each in the page's language.
WORDS = (
    "added", "additional", "agg", "applicants", "capex", "city", "corr", "cost", "dc", "disp", "fiscal", "gap",
    "migration", "nat", "net", "old", "paid", "paper", "payback", "plan", "pub", "revenue", "share", "talent", "unmet",
    "CORE", "DC", "SOE", "SZ", "TAL", "XC",
)  # fmt: skip
_WORD = re.compile(r"\\mathrm\{(" + "|".join(WORDS) + r")\}")


def in_words(equation: str, words: Mapping[str, str]) -> str:
    """Return an equation with each of WORDS written as `words` spells it (word -> text, e.g. the reader's language)."""
    return _WORD.sub(lambda match: r"\text{" + words[match.group(1)] + "}", equation)


def filled(channel: str, table: Table, latex: Mapping[str, str]) -> list[str]:
    """Return a channel's equations as LaTeX, with single-valued parameters written as their numbers.

    `latex` maps parameter id -> its symbol (`parameters.parameter_symbols` of the params frame).
    """
    return [_PLACEHOLDER.sub(lambda match: _render(match.group(1), table, latex), eq) for eq in CHANNELS[channel]]


def symbols(channel: str, table: Table) -> list[str]:
    """Return the parameters and levers a channel's filled equations show as symbols, in order of appearance."""
    return [name for name in placeholders(channel) if name not in CONSTANTS and not is_fixed(name, table)]
