"""The three policy channels (data centres, Xinchuang, talent), each over draws × years; equations in `equations`.

Every function takes the levers it needs, the drawn parameters (id -> (draws,) array) and the
years, and returns named draws × years arrays. Money is nominal 亿元; racks are standard racks
(`dc_rack_kw` each; an AI rack counts as its power in standard racks).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

HOURS_PER_YEAR = 8760
Params = Mapping[str, np.ndarray]


def _col(values: np.ndarray) -> np.ndarray:
    return values[:, None]


def per_year(value: float | np.ndarray, num_years: int) -> np.ndarray:
    """Return a lever's value in each year, (years,): a number held every year, or a (years,) array as it is.

    The simulation passes each lever as the paper's value before the lever start year and the setting's from it
    (`simulation.lever_timeline`), so every channel reads the value in force in each year.
    """
    return np.broadcast_to(np.asarray(value, dtype=float), (num_years,))


def budget_capacity(pue_cap: float, p: Params) -> np.ndarray:
    """Return the installed standard racks whose power at the utilisation ceiling fills the power budget.

    The existing fleet runs at its own PUE, new racks at the cap; approvals stop where one more rack,
    occupied up to `dc_util_max`, would take the fleet's electricity above `dc_power_budget`.
    """
    gwh_per_rack = p["dc_util_max"] / 100.0 * p["dc_rack_kw"] * HOURS_PER_YEAR * p["dc_load_factor"] / 1e6
    old = p["dc_racks_2022"] * p["dc_pue_existing"]
    return p["dc_racks_2022"] + np.maximum(0.0, p["dc_power_budget"] / gwh_per_rack - old) / pue_cap


def gdp_cycle(loading: np.ndarray, gdp_shock: np.ndarray | None) -> np.ndarray | float:
    """Return exp(loading × shock), draws × years: a channel's response to GDP's yearly shock (1 without one).

    `gdp_shock` is draws × years of log points (GDP growth's shock in each year, or its running sum
    for a level); its median 0 keeps the channel's median path.
    """
    return 1.0 if gdp_shock is None else np.exp(_col(loading) * gdp_shock)


def rack_demand(p: Params, steps: np.ndarray, gdp_shock: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Return (general, AI) demand for occupied standard racks, draws × years.

    Both start from the 2022 occupied fleet split by `dc_ai_share_2022`; general demand grows at
    `dc_demand_growth`, AI demand at the lower of `dc_ai_demand_growth` and the growth of the
    accelerators Shenzhen can obtain (`dc_ai_supply_growth`): an AI rack without chips is not asked for.
    Both move with GDP's yearly shocks (`gdp_shock`, draws × years of log points): each year's shock
    adds `dc_demand_gdp_loading` times itself to the log growth of demand, so a bad GDP year is a
    low-demand year and the level keeps it, as GDP's does.
    """
    start = np.minimum(p["dc_util_2022"], p["dc_util_max"]) / 100.0 * p["dc_racks_2022"]
    ai_growth = np.minimum(p["dc_ai_demand_growth"], p["dc_ai_supply_growth"])
    cycle = gdp_cycle(p["dc_demand_gdp_loading"], None if gdp_shock is None else np.cumsum(gdp_shock, axis=1))
    general = _col(start * (1.0 - p["dc_ai_share_2022"])) * _col(1.0 + p["dc_demand_growth"] / 100.0) ** steps
    ai = _col(start * p["dc_ai_share_2022"]) * _col(1.0 + ai_growth / 100.0) ** steps
    return general * cycle, ai * cycle


def va_per_rack(p: Params) -> tuple[np.ndarray, np.ndarray]:
    """Return (general, AI) value added booked in Shenzhen per occupied standard rack-year, in 万元.

    A general rack earns its rent × the value-added ratio. An AI rack (counted in standard racks)
    earns the same colocation value added plus the compute-service layer (accelerator cloud), of
    which the share whose operator is a Shenzhen legal entity is booked in Shenzhen.
    """
    colocation = p["dc_revenue_per_rack"] * p["dc_va_ratio"]
    service = p["dc_ai_service_va"] * p["dc_ai_service_local"]
    return colocation, colocation + service


def power_capacity(pue_cap: float, power_mw: float, p: Params) -> np.ndarray:
    """Return the installed standard racks the power test allows: the power budget's (`budget_capacity`), or the
    racks whose rated IT load the city allocates electricity for beyond it (`power_mw` MW), whichever is larger."""
    allocated = np.floor(float(power_mw) * 1e3 / p["dc_rack_kw"] + 1e-9)
    return np.maximum(np.floor(budget_capacity(pue_cap, p)), allocated)


def data_centres(
    racks: float | np.ndarray,
    pue_cap: float | np.ndarray,
    gate_pct: float | np.ndarray,
    p: Params,
    steps: np.ndarray,
    gdp_shock: np.ndarray | None = None,
    power_mw: float | np.ndarray = 0.0,
) -> dict[str, np.ndarray]:
    """Return installed, occupied and unmet racks, compute, power, capex and direct value added.

    Approvals a year are the least of the lever's quota, the utilisation gate's headroom and the
    power test's headroom (`power_capacity`: today's budget, or `power_mw` MW allocated beyond it);
    occupied racks are the least of demand and the utilisation ceiling. Demand moves with GDP's
    yearly shocks (`rack_demand`). Each lever is a number or its value in each year (`per_year`): a
    year's approvals follow that year's quota, gate and power test, and the occupied new racks run at
    that year's PUE cap (the model's one PUE for the new fleet).
    """
    num_years = steps.shape[1]
    racks, caps, gates, powers = (per_year(value, num_years) for value in (racks, pue_cap, gate_pct, power_mw))
    budgets = {pair: power_capacity(*pair, p) for pair in set(zip(caps.tolist(), powers.tolist(), strict=True))}
    installed_0 = p["dc_racks_2022"]
    ceiling = p["dc_util_max"] / 100.0
    general, ai = rack_demand(p, steps, gdp_shock)
    demand = general + ai
    installed = np.empty_like(demand)
    occupied = np.empty_like(demand)
    installed[:, 0] = installed_0
    occupied[:, 0] = np.minimum(demand[:, 0], ceiling * installed_0)
    for k in range(1, num_years):
        previous = installed[:, k - 1]
        allowed = np.maximum(0.0, budgets[(float(caps[k]), float(powers[k]))] - previous)
        gate = gates[k] / 100.0
        if gate > 0:
            with np.errstate(over="ignore"):  # a vanishing gate gives infinite headroom: no limit
                allowed = np.minimum(allowed, np.floor(np.maximum(0.0, occupied[:, k - 1] / gate - previous)))
        installed[:, k] = previous + np.minimum(racks[k], allowed)
        occupied[:, k] = np.minimum(demand[:, k], ceiling * installed[:, k])
    in_old = np.minimum(occupied, _col(ceiling * installed_0))  # tenants fill the existing fleet first
    pue = (in_old * _col(p["dc_pue_existing"]) + (occupied - in_old) * caps[None, :]) / occupied
    ai_share = ai / demand  # AI and general tenants are served in proportion to their demand
    density = (1.0 + _col(p["dc_tflops_growth"]) / 100.0) ** steps
    ai_per_standard_rack = p["dc_ai_tflops_per_rack"] * p["dc_rack_kw"] / p["dc_ai_rack_kw"]
    power = occupied * _col(p["dc_rack_kw"]) * HOURS_PER_YEAR * _col(p["dc_load_factor"]) * pue / 1e6
    added = np.diff(installed, axis=1, prepend=installed[:, :1])
    capex = added * _col(p["dc_capex_per_rack"]) / 1e4
    unmet = demand - occupied
    va_general, va_ai = va_per_rack(p)
    return {
        "demand": demand,
        "installed": installed,
        "added": added,
        "occupied": occupied,
        "unmet": unmet,
        "elsewhere": unmet * _col(p["dc_served_elsewhere"]),
        "used": occupied + unmet * _col(p["dc_served_elsewhere"]),
        "plan_gap": np.maximum(0.0, _col(p["dc_plan_racks"]) - installed),
        "pue": pue,
        "compute": occupied * (1.0 - ai_share) * _col(p["dc_tflops_per_rack"]) * density / 1e6,
        "compute_ai": occupied * ai_share * _col(ai_per_standard_rack) * density / 1e6,
        "power": power,
        "power_cost": power * _col(p["dc_power_price"]) / 100.0,
        "capex": capex,
        "incentive": capex * _col(p["dc_incentive_share"]),
        "va": occupied * ((1.0 - ai_share) * _col(va_general) + ai_share * _col(va_ai)) / 1e4,
    }


def procurement_base(p: Params, gdp_trend: np.ndarray) -> np.ndarray:
    """Return Shenzhen's public bodies' and SOEs' IT purchases a year (亿元, draws × years), moving with its GDP."""
    return gdp_trend * _col(p["gov_procurement_gdp_ratio"] * p["xc_it_share"] * (1.0 + p["xc_soe_multiplier"])) / 1e4


def national_base(p: Params, steps: np.ndarray) -> np.ndarray:
    """Return the public and SOE IT purchases a year outside Shenzhen (亿元, draws × years), held at the 2022 level.

    National government procurement in 2022 less Shenzhen's share of it (its GDP × the procurement ratio), in IT
    and with the SOEs' multiple, as Shenzhen's base.
    """
    outside = p["xc_national_procurement_2022"] - p["gdp_2022"] * p["gov_procurement_gdp_ratio"] / 100.0
    yearly = outside * p["xc_it_share"] / 100.0 * (1.0 + p["xc_soe_multiplier"])
    return _col(yearly) * np.ones_like(steps)


def xinchuang(
    share: float, p: Params, steps: np.ndarray, base: np.ndarray, *, before: float | None = None, start: int = 1
) -> dict[str, np.ndarray]:
    """Return the installed-base domestic share, vendor revenue, migration and users' running cost (each split
    into public bodies' and SOEs' parts) for a floor of `share` % on purchases out of `base` 亿元 a year.

    The floor `before` (default `share`) is in force from the base year and ramps in over `xc_ramp_years`; from
    step `start` (years after the base year) the floor is `share`, its change from `before` ramping in over the same
    years from then. The public bodies' part of a cost is 1 / (1 + m) of it, the SOEs' m / (1 + m). Users' extra
    running cost comes with the domestic systems in use (the installed share), not with this year's purchases.
    """
    initial = p["xc_share_2022"]
    first = np.maximum(share if before is None else before, initial)
    floor = np.maximum(share, initial)
    years = _col(p["xc_ramp_years"])
    ramp, later = np.minimum(1.0, steps / years), np.minimum(1.0, np.maximum(0.0, steps - start + 1) / years)
    # domestic share of each year's purchases, in %
    bought = _col(initial) + _col(first - initial) * ramp + _col(floor - first) * later
    cycle = _col(p["xc_replacement_years"])
    installed = np.empty_like(bought)
    installed[:, 0] = initial
    for k in range(1, bought.shape[1]):
        installed[:, k] = installed[:, k - 1] + (bought[:, k] - installed[:, k - 1]) / cycle[:, 0]
    # Migration costs the systems moved to domestic ones; where a floor lowered from `start` lets the installed share
    # fall, the buyers return to their own choice (the 2022 share) and that move is not costed.
    moved = np.maximum(0.0, np.diff(installed, axis=1, prepend=installed[:, :1]))
    migration = _col(p["xc_migration_cost_ratio"]) * base * cycle * moved / 100.0
    running = _col(p["xc_user_cost_ratio"]) * base * installed / 100.0
    public = 1.0 / _col(1.0 + p["xc_soe_multiplier"])
    return {
        "domestic": installed,
        "revenue": base * bought / 100.0,
        "migration": migration,
        "migration_public": migration * public,
        "migration_soe": migration * (1.0 - public),
        "user_cost": running,
        "user_public": running * public,
        "user_soe": running * (1.0 - public),
    }


def xinchuang_paths(
    share: float,
    national: float,
    p: Params,
    steps: np.ndarray,
    gdp_trend: np.ndarray,
    *,
    before: tuple[float, float] | None = None,
    start: int = 1,
) -> dict[str, np.ndarray]:
    """Return the city's buyers' paths (`xinchuang`) and the value added of Shenzhen's suppliers, 亿元 a year.

    `va_local`: the local-content share of the city's own buyers' domestic purchases; `va_net`: that less the
    SOEs' extra running cost (market producers: it lowers their value added; the public bodies' is paid by the
    budget); `va_national`: Shenzhen's suppliers' share of the domestic purchases outside Shenzhen at the national
    floor `national`, times the value-added ratio. The city's floor does not move `va_national`. `before`: the two
    floors in force before step `start` (`xinchuang`; default the same two).
    """
    city, country = (share, national) if before is None else before
    paths = xinchuang(share, p, steps, procurement_base(p, gdp_trend), before=city, start=start)
    outside = xinchuang(national, p, steps, national_base(p, steps), before=country, start=start)
    paths["va_local"] = paths["revenue"] * _col(p["xc_local_content"])
    paths["va_net"] = paths["va_local"] - paths["user_soe"]
    paths["va_national"] = outside["revenue"] * _col(p["xc_national_supplier_share"] * p["va_to_output_ratio"])
    return paths


def talent_take_up(subsidy: float, p: Params) -> tuple[np.ndarray, np.ndarray]:
    """Return (applicants a year, additional applicants a year) at `subsidy` yuan a year.

    Reservation subsidies in the eligible pool are exponential with mean `talent_reservation_mean`
    (density never rising, so the cost per additional worker never falls as the subsidy rises);
    `talent_anyway` eligible people come without a subsidy and claim it too.
    """
    if subsidy <= 0:
        zero = np.zeros_like(p["talent_pool"])
        return zero, zero
    movers = p["talent_pool"] * -np.expm1(-subsidy / p["talent_reservation_mean"])
    return p["talent_anyway"] + movers, movers


def talent_paid_years(p: Params, num_years: int) -> np.ndarray:
    """Return draws × years: expected subsidy years paid to a cohort j years after arrival (retention × years left)."""
    j = np.arange(num_years)[None, :]
    return _col(p["talent_retention"]) ** j * np.clip(_col(p["talent_subsidy_years"]) - j, 0.0, 1.0)


def talent(
    subsidy: float | np.ndarray,
    quota: float | np.ndarray,
    p: Params,
    steps: np.ndarray,
    gdp_shock: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Return the stock of additional professionals (after leavers) and the subsidy bill in 亿元 a year.

    Applicants in year t are those of a year at trend times exp(`talent_inflow_gdp_loading` × GDP's shock
    of year t): fewer apply in a bad year, more in a good one. The quota caps the recipients whatever the
    year (it is the policy's own limit), so where it binds a good year brings no more subsidised recruits.
    Subsidy and quota are numbers or their values in each year (`per_year`): a cohort arrives under its
    year's subsidy and quota and keeps its subsidy for its paid years.
    """
    num_years = steps.shape[1]
    subsidies, quotas = per_year(subsidy, num_years), per_year(quota, num_years)
    offers = {value: talent_take_up(value, p) for value in set(subsidies.tolist())}
    applicants = np.stack([offers[value][0] for value in subsidies.tolist()], axis=1)
    movers = np.stack([offers[value][1] for value in subsidies.tolist()], axis=1)
    cycle = gdp_cycle(p["talent_inflow_gdp_loading"], gdp_shock)
    paid = np.minimum(quotas[None, :], applicants * cycle)  # the quota is shared at random among applicants
    share = np.divide(movers, applicants, out=np.zeros_like(movers), where=applicants > 0)
    additional = share * paid
    retention = _col(p["talent_retention"])
    paid_years = talent_paid_years(p, steps.shape[1])
    stock = np.zeros(paid.shape)  # additional recruits still in the city, cohorts from the base year + 1
    bill = np.zeros(paid.shape)  # yuan of subsidy paid in year t, each cohort at its own subsidy
    for k in range(1, num_years):
        stock[:, k] = stock[:, k - 1] * retention[:, 0] + additional[:, k]
        bill[:, k:] += subsidies[k] * paid[:, k : k + 1] * paid_years[:, : num_years - k]
    return {"added": stock, "cost": bill / 1e8}


def cost_per_added_worker(subsidy: float, p: Params) -> np.ndarray:
    """Return yuan of subsidy paid per additional (not deadweight) recruit, over the cohort's paid years."""
    applicants, movers = talent_take_up(subsidy, p)
    years = talent_paid_years(p, 50).sum(axis=1)
    return np.divide(subsidy * years * applicants, movers, out=np.zeros_like(movers), where=movers > 0)


def talent_va_per_worker(p: Params) -> np.ndarray:
    """Return the value added of one additional worker in the base year, 万元 a year (draws,).

    The marginal product is the wage, raised by an agglomeration spillover and cut by displacement
    (jobs others would have filled); it never exceeds the sector's average value added per worker.
    """
    marginal = p["talent_wage"] * (1.0 + p["talent_agglomeration"]) * (1.0 - p["talent_displacement"])
    return np.minimum(marginal, p["digital_output_per_worker"] * p["va_to_output_ratio"])


def talent_payback(subsidy: float, p: Params) -> np.ndarray:
    """Return local revenue an additional recruit pays over the expected stay ÷ subsidy paid per additional recruit.

    Expected stay is 1 / (1 − retention) years; NaN where the subsidy draws nobody (no cost per recruit).
    """
    cost = cost_per_added_worker(subsidy, p) / 1e4  # 万元
    revenue = p["talent_local_revenue"] / (1.0 - np.minimum(p["talent_retention"], 1.0 - 1e-9))
    return np.divide(revenue, cost, out=np.full_like(cost, np.nan), where=cost > 0)
