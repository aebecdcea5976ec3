"""Tests of the channels' economics (src/explorer/model/channels.py): magnitudes, bounds and units, not formulas."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from explorer.model import PRESETS, WHOLE_OUTCOMES, baseline, central_paths, project
from explorer.model.channels import cost_per_added_worker
from explorer.model.parameters import central_parameters, draw_parameters, parameter_table

OLD_VA_PER_RACK = 160.0  # 万元 per extra occupied rack-year in the v1 model (the review's figure), far above any rent


def _sheet(params: pd.DataFrame, pid: str, column: str) -> float:
    return float(params.set_index("id").loc[pid, column])


def _occupied(paths: dict[str, np.ndarray]) -> np.ndarray:
    return paths["dc_racks_total"] * paths["dc_utilisation"] / 100.0


# Pairs of scenarios that change the number of occupied racks (A, B): B − A in every case.
RACK_PAIRS = [
    ("a moratorium against the paper's policy", {}, {"dc_racks": 0}, 2030),
    ("a moratorium to 2035", {"horizon": 2035}, {"dc_racks": 0, "horizon": 2035}, 2035),
    ("10,000 more racks a year, no gate, demand unmet", {"dc_racks": 20_000, "dc_util_gate": 0.0},
     {"dc_racks": 30_000, "dc_util_gate": 0.0}, 2030),
    ("5,000 more racks a year from a low build rate", {"dc_racks": 5_000, "dc_util_gate": 0.0},
     {"dc_racks": 10_000, "dc_util_gate": 0.0}, 2030),
]  # fmt: skip


@pytest.mark.parametrize(("name", "a", "b", "horizon"), RACK_PAIRS, ids=[pair[0] for pair in RACK_PAIRS])
def test_value_added_per_extra_occupied_rack_year_is_of_the_order_of_a_racks_rent(params, name, a, b, horizon):
    """Between the lowest rent × lowest value-added ratio and the highest rent on the parameter sheet (万元)."""
    first = central_paths(replace(baseline(), **a), params)
    second = central_paths(replace(baseline(), **b), params)
    extra_racks = float((_occupied(second) - _occupied(first)).sum())
    extra_va = float((second["core_va"] - first["core_va"]).sum()) * 1e4  # 亿元 -> 万元
    assert abs(extra_racks) > 1_000, "the pair must change occupancy"
    per_rack = extra_va / extra_racks
    floor = _sheet(params, "dc_revenue_per_rack", "low") * _sheet(params, "dc_va_ratio", "low")
    ceiling = _sheet(params, "dc_revenue_per_rack", "high")
    assert floor <= per_rack <= ceiling, f"{per_rack:.1f} 万元 per rack-year"
    assert per_rack < OLD_VA_PER_RACK / 10


def test_empty_racks_add_no_value_added(params):
    """Building past demand (aggressive build-out) lowers utilisation and leaves core value added unchanged."""
    built = central_paths(PRESETS["aggressive_buildout"], params)
    paper = central_paths(baseline(), params)
    np.testing.assert_allclose(_occupied(built), _occupied(paper), rtol=1e-9)
    np.testing.assert_allclose(built["core_va"], paper["core_va"], rtol=1e-12)
    assert built["dc_utilisation"][-1] < paper["dc_utilisation"][-1] - 10
    assert built["fiscal_dc_incentive"].sum() > paper["fiscal_dc_incentive"].sum()


@pytest.mark.parametrize("code", sorted(PRESETS))
def test_compute_is_bounded_by_occupied_racks_times_density(params, code):
    """General FP32 compute ≤ occupied racks × the highest TFLOPS per rack, grown at the highest rate; AI likewise."""
    levers = replace(PRESETS[code], horizon=2035)
    paths = central_paths(levers, params)
    t = np.arange(levers.horizon - 2022 + 1)
    growth = (1 + _sheet(params, "dc_tflops_growth", "high") / 100) ** t
    occupied = _occupied(paths)
    general = occupied * _sheet(params, "dc_tflops_per_rack", "high") * growth / 1e6
    ai_per_rack = _sheet(params, "dc_ai_tflops_per_rack", "high") * 2.5 / _sheet(params, "dc_ai_rack_kw", "low")
    assert (paths["compute_eflops"] <= general + 1e-9).all()
    assert (paths["compute_ai_eflops"] <= occupied * ai_per_rack * growth / 1e6 + 1e-9).all()
    installed_bound = paths["dc_racks_total"] * _sheet(params, "dc_tflops_per_rack", "high") * growth / 1e6
    assert (paths["compute_eflops"] < installed_bound).all() or levers.dc_racks == 0


def test_empty_racks_add_no_compute(params):
    built = central_paths(PRESETS["aggressive_buildout"], params)
    paper = central_paths(baseline(), params)
    assert built["dc_racks_total"][-1] > paper["dc_racks_total"][-1]
    np.testing.assert_allclose(built["compute_eflops"], paper["compute_eflops"], rtol=1e-9)


SUBSIDIES = np.array([1_000, 5_000, 10_000, 20_000, 30_000, 50_000, 75_000, 96_000, 120_000, 150_000], dtype=float)


def test_cost_per_added_worker_never_falls_as_the_subsidy_rises(params):
    """In 2,000 draws of the parameters: the subsidy paid per additional recruit rises with the subsidy."""
    table = parameter_table(params)
    sampled = draw_parameters(table, 2_000, 3)
    costs = np.stack([cost_per_added_worker(s, sampled) for s in SUBSIDIES])  # subsidies × draws
    assert (np.diff(costs, axis=0) >= -1e-6 * costs[1:]).all()
    assert (costs > 0).all()


def test_small_subsidies_are_not_a_free_lunch(params):
    """At 1,000 yuan a year an additional worker costs far more than 1,000 yuan × years paid (deadweight)."""
    central = central_parameters(parameter_table(params))
    years = _sheet(params, "talent_subsidy_years", "central")
    assert cost_per_added_worker(1_000.0, central)[0] > 10 * 1_000.0 * years


@pytest.mark.parametrize("quota", [5_000, 10_000, 30_000, 50_000])
def test_model_cost_per_added_worker_rises_with_the_subsidy_whatever_the_quota(params, quota):
    """From the projection itself: cumulative subsidy ÷ added professionals, non-decreasing in the subsidy."""
    ratios = []
    for subsidy in SUBSIDIES:
        paths = central_paths(replace(baseline(), talent_subsidy=subsidy, talent_quota=quota), params)
        ratios.append(paths["fiscal_talent"].sum() * 1e8 / paths["talent_added"][-1])
    assert (np.diff(ratios) >= -1e-6 * np.array(ratios[1:])).all()


def test_value_added_per_added_worker_moves_with_nominal_gdp(params):
    """Talent value added per added worker grows with baseline GDP (not frozen at the base year)."""
    push = central_paths(PRESETS["talent_push"], params)
    paper = central_paths(baseline(), params)
    added = push["talent_added"] - paper["talent_added"]
    per_worker = (push["core_va"] - paper["core_va"])[1:] / added[1:]
    growth = paper["gdp"][1:] / paper["gdp"][1]
    np.testing.assert_allclose(per_worker / per_worker[0], growth, rtol=1e-9)


@pytest.mark.parametrize("code", ["paper", "talent_push", "aggressive_buildout"])
def test_counts_are_whole_people_and_racks(params, code):
    frame = project(PRESETS[code], params, draws=300, seed=5)
    counts = frame[frame["indicator"].isin(WHOLE_OUTCOMES)][["p10", "p50", "p90"]].to_numpy()
    np.testing.assert_array_equal(counts, np.round(counts))
    assert {"talent_added", "dc_racks_total"} <= set(WHOLE_OUTCOMES)


@pytest.mark.parametrize("code", ["paper", "xinchuang_push"])
def test_xinchuang_vendor_revenue_has_no_one_year_jump(params, code):
    """No single year carries half of the rise in vendor revenue to the horizon (v1: all of it, 6.2 → 59 亿元)."""
    revenue = central_paths(PRESETS[code], params)["xc_vendor_revenue"]
    assert np.diff(revenue).max() < 0.5 * (revenue[-1] - revenue[0])
