"""Tests of the simulation (src/explorer/model/simulation.py): lever cases, properties, Monte Carlo frame, tornado."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import ROOT, model
from explorer.model import (
    BASE_YEAR,
    OUTCOMES,
    PRESETS,
    Levers,
    baseline,
    project,
    project_central,
    simulation,
    tornado,
    used_parameters,
)
from explorer.model.parameters import central_parameters, draw_parameters, parameter_table
from explorer.model.simulation import LAST_YEAR, _check_paths, _draw, _simulate

HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _series(frame: pd.DataFrame, indicator: str, column: str = "p50") -> np.ndarray:
    rows = frame[frame["indicator"] == indicator].sort_values("year")
    return rows[column].to_numpy()


def _with(levers: Levers, **changes) -> Levers:
    return replace(levers, **changes)


def _year_value(frame: pd.DataFrame, indicator: str, year: int, column: str = "p50") -> float:
    return frame.loc[(frame["year"] == year) & (frame["indicator"] == indicator), column].item()


def test_indicators_are_complete():
    required = {
        "core_va", "core_va_share", "gdp", "compute_eflops", "compute_ai_eflops", "dc_racks_total",
        "dc_utilisation", "dc_power_gwh", "dc_power_cost", "dc_capex", "xc_domestic_share", "xc_vendor_revenue",
        "xc_migration_cost", "xc_user_cost", "foreign_exposure", "talent_added", "talent_gap_closed",
        "fiscal_talent", "fiscal_xc_migration", "fiscal_dc_incentive", "fiscal_cost", "fiscal_cost_cum",
        "xc_migration_cost_soe", "xc_user_cost_soe", "fiscal_xc_running", "xc_va_local", "xc_va_net", "xc_va_national",
    }  # fmt: skip
    assert required <= set(OUTCOMES)


# ------------------------------------------------------------------------------------------------
# Cases as data: lever changes, the direction they must move an indicator, and the tolerance
# ------------------------------------------------------------------------------------------------

UNGATED_5K = {"dc_racks": 5_000, "dc_util_gate": 0.0}
UNGATED_20K = {"dc_racks": 20_000, "dc_util_gate": 0.0}
UNGATED_60K = {"dc_racks": 60_000, "dc_util_gate": 0.0}
PUSH = {"talent_subsidy": 96_000.0, "talent_quota": 30_000}
CASES = [
    # (name, levers A, levers B, indicator, expectation for B relative to A, relative tolerance)
    ("more racks where demand is unmet raise compute", UNGATED_20K, UNGATED_60K, "compute_eflops", "higher", 1e-9),
    ("more racks where demand is unmet raise AI compute", UNGATED_20K, UNGATED_60K, "compute_ai_eflops", "higher",
     1e-9),
    ("more racks raise electricity use", UNGATED_20K, UNGATED_60K, "dc_power_gwh", "higher", 1e-9),
    ("more racks raise the rack stock", UNGATED_20K, UNGATED_60K, "dc_racks_total", "higher", 1e-9),
    ("more racks where demand is unmet raise core value added", UNGATED_20K, UNGATED_60K, "core_va", "higher", 1e-9),
    # below the power budget's ceiling (60,000 a year reaches it by 2028 and then builds nothing)
    ("more racks raise construction investment", UNGATED_5K, UNGATED_20K, "dc_capex", "higher", 1e-9),
    ("more racks raise data-centre incentives", UNGATED_5K, UNGATED_20K, "fiscal_dc_incentive", "higher", 1e-9),
    ("more racks send less demand elsewhere", UNGATED_20K, UNGATED_60K, "dc_served_elsewhere", "lower", 1e-9),
    ("building ahead of demand lowers utilisation", {}, {"dc_racks": 60_000, "dc_util_gate": 0.0},
     "dc_utilisation", "lower", 1e-9),
    ("no new capacity keeps the 2022 stock", {}, {"dc_racks": 0}, "dc_racks_total", "flat", 1e-12),
    ("no new capacity lowers core value added", {}, {"dc_racks": 0}, "core_va", "lower", 1e-9),
    ("no new capacity sends demand elsewhere", {}, {"dc_racks": 0}, "dc_served_elsewhere", "higher", 1e-9),
    ("a higher PUE cap raises electricity use", {"dc_pue": 1.20, **UNGATED_20K}, {"dc_pue": 1.45, **UNGATED_20K},
     "dc_power_gwh", "higher", 1e-9),
    ("a higher PUE cap raises the power bill", {"dc_pue": 1.20, **UNGATED_20K}, {"dc_pue": 1.45, **UNGATED_20K},
     "dc_power_cost", "higher", 1e-9),
    ("a gate above utilisation approves fewer racks", {"dc_racks": 40_000, "dc_util_gate": 0.0},
     {"dc_racks": 40_000, "dc_util_gate": 90.0}, "dc_racks_total", "lower", 1e-9),
    ("a higher Xinchuang floor raises the domestic share", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_domestic_share", "higher", 1e-9),
    ("a higher Xinchuang floor lowers foreign exposure", {"xc_share": 40.0}, {"xc_share": 80.0},
     "foreign_exposure", "lower", 1e-9),
    ("a higher Xinchuang floor raises vendor revenue", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_vendor_revenue", "higher", 1e-9),
    ("a higher Xinchuang floor costs public bodies more", {"xc_share": 40.0}, {"xc_share": 80.0},
     "fiscal_xc_migration", "higher", 1e-9),
    ("a higher Xinchuang floor raises users' cost", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_user_cost", "higher", 1e-9),
    ("no Xinchuang floor means no migration", {}, {"xc_share": 0.0}, "xc_migration_cost_cum", "zero", 0.0),
    ("a higher Xinchuang floor costs SOEs more migration", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_migration_cost_soe", "higher", 1e-9),
    ("a higher Xinchuang floor raises SOEs' running cost", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_user_cost_soe", "higher", 1e-9),
    ("a higher Xinchuang floor raises the budget's running cost", {"xc_share": 40.0}, {"xc_share": 80.0},
     "fiscal_xc_running", "higher", 1e-9),
    ("a higher Xinchuang floor raises the suppliers' value added", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_va_local", "higher", 1e-9),
    ("a higher national floor raises the suppliers' national value added", {"xc_national": 40.0},
     {"xc_national": 80.0}, "xc_va_national", "higher", 1e-9),
    ("a higher national floor raises core value added", {"xc_national": 40.0}, {"xc_national": 80.0},
     "core_va", "higher", 1e-9),
    ("a higher national floor raises GDP", {"xc_national": 40.0}, {"xc_national": 80.0}, "gdp", "higher", 1e-9),
    ("zero subsidy costs nothing", {}, {"talent_subsidy": 0.0}, "fiscal_talent", "zero", 0.0),
    ("zero subsidy adds no talent", {}, {"talent_subsidy": 0.0}, "talent_added", "zero", 0.0),
    ("a talent push adds talent", {}, PUSH, "talent_added", "higher", 1e-9),
    ("a talent push closes more of the gap", {}, PUSH, "talent_gap_closed", "higher", 1e-9),
    ("a talent push costs more", {}, PUSH, "fiscal_talent", "higher", 1e-9),
    ("a talent push raises core value added", {}, PUSH, "core_va", "higher", 1e-9),
    ("a talent push raises the total fiscal cost", {}, PUSH, "fiscal_cost_cum", "higher", 1e-9),
]  # fmt: skip


@pytest.mark.parametrize(("name", "a", "b", "indicator", "expect", "rtol"), CASES, ids=[case[0] for case in CASES])
def test_lever_cases(params: pd.DataFrame, name: str, a: dict, b: dict, indicator: str, expect: str, rtol: float):
    first = _series(project_central(_with(baseline(), **a), params), indicator)
    second = _series(project_central(_with(baseline(), **b), params), indicator)
    tolerance = rtol * max(1.0, float(np.abs(first).max()))
    if expect == "higher":
        assert (second >= first - tolerance).all() and second[-1] > first[-1] + tolerance
    elif expect == "lower":
        assert (second <= first + tolerance).all() and second[-1] < first[-1] - tolerance
    elif expect == "zero":
        assert np.all(second == 0.0)
    elif expect == "flat":
        np.testing.assert_allclose(second, second[0], rtol=rtol)
    else:  # pragma: no cover - a typo in CASES
        raise AssertionError(expect)


@pytest.mark.parametrize("code", sorted(PRESETS))
def test_fleet_pue_lies_between_the_old_fleet_and_the_cap(params: pd.DataFrame, code: str):
    levers = PRESETS[code]
    existing = params.set_index("id").loc["dc_pue_existing", "central"]
    pue = _series(project_central(levers, params), "dc_pue_fleet")
    low, high = sorted((existing, levers.dc_pue))
    assert ((pue >= low - 1e-12) & (pue <= high + 1e-12)).all()
    if levers.dc_racks == 0:
        np.testing.assert_allclose(pue, existing)


# ------------------------------------------------------------------------------------------------
# Property tests over random valid levers
# ------------------------------------------------------------------------------------------------

levers_strategy = st.builds(
    Levers,
    dc_racks=st.integers(0, 120_000),
    dc_pue=st.floats(1.10, 1.50),
    dc_util_gate=st.floats(0.0, 95.0),
    dc_power=st.floats(0.0, 1_250.0),
    xc_share=st.floats(0.0, 100.0),
    xc_national=st.floats(0.0, 100.0),
    talent_subsidy=st.floats(0.0, 150_000.0),
    talent_quota=st.integers(0, 50_000),
    horizon=st.integers(2025, 2035),
)


def _central(levers: Levers, params: pd.DataFrame) -> dict[str, np.ndarray]:
    frame = project_central(levers, params)
    return {code: _series(frame, code) for code in OUTCOMES}


def _not_lower(high: np.ndarray, low: np.ndarray) -> bool:
    return bool((high >= low - 1e-9 * max(1.0, float(np.abs(low).max()))).all())


@HYPOTHESIS
@given(levers=levers_strategy)
def test_random_levers_give_finite_bounded_paths(params, levers):
    paths = _central(levers, params)
    for code, values in paths.items():
        assert np.isfinite(values).all() and (code in model.SIGNED_OUTCOMES or (values >= 0).all()), code
        assert len(values) == levers.horizon - BASE_YEAR + 1
    for code in model.SHARE_OUTCOMES:
        assert (paths[code] <= 100.0).all(), code


@HYPOTHESIS
@given(levers=levers_strategy, extra=st.integers(0, 120_000))
def test_more_racks_never_lower_compute_or_power(params, levers, extra):
    more = _with(levers, dc_racks=min(120_000, levers.dc_racks + extra))
    low, high = _central(levers, params), _central(more, params)
    for code in ("compute_eflops", "dc_power_gwh", "dc_racks_total", "core_va"):
        assert _not_lower(high[code], low[code]), code


@HYPOTHESIS
@given(levers=levers_strategy, extra=st.floats(0.0, 100.0))
def test_higher_xinchuang_floor_never_lowers_domestic_share(params, levers, extra):
    more = _with(levers, xc_share=min(100.0, levers.xc_share + extra))
    assert _not_lower(_central(more, params)["xc_domestic_share"], _central(levers, params)["xc_domestic_share"])


@HYPOTHESIS
@given(levers=levers_strategy)
def test_zero_subsidy_means_zero_cost_and_zero_talent(params, levers):
    paths = _central(_with(levers, talent_subsidy=0.0), params)
    for code in ("fiscal_talent", "talent_added", "talent_gap_closed"):
        assert np.all(paths[code] == 0.0), code


@HYPOTHESIS
@given(levers=levers_strategy, extra=st.floats(0.0, 150_000.0))
def test_higher_subsidy_never_lowers_talent_or_raises_nothing(params, levers, extra):
    more = _with(levers, talent_subsidy=min(150_000.0, levers.talent_subsidy + extra))
    low, high = _central(levers, params), _central(more, params)
    for code in ("talent_added", "fiscal_talent"):
        assert _not_lower(high[code], low[code]), code


@HYPOTHESIS
@given(levers=levers_strategy, extra=st.floats(0.0, 0.4))
def test_higher_pue_cap_never_lowers_power_below_the_budget(params, levers, extra):
    """A dearer PUE raises power until the budget binds (then it admits fewer racks and power stops at the budget).

    Without power allocated beyond the budget (`dc_power` 0): allocated megawatts may take the fleet past it."""
    levers = _with(levers, dc_power=0.0)
    more = _with(levers, dc_pue=min(1.50, levers.dc_pue + extra))
    high, low = _central(more, params)["dc_power_gwh"], _central(levers, params)["dc_power_gwh"]
    budget = params.set_index("id").loc["dc_power_budget", "central"]
    assert (high <= budget + 1e-6).all() and (low <= budget + 1e-6).all()
    below = (high < budget - 1.0) & (low < budget - 1.0)
    assert not below.any() or _not_lower(high[below], low[below])


@HYPOTHESIS
@given(levers=levers_strategy)
def test_a_gate_never_approves_more_racks_than_no_gate(params, levers):
    gated = _central(levers, params)["dc_racks_total"]
    ungated = _central(_with(levers, dc_util_gate=0.0), params)["dc_racks_total"]
    assert _not_lower(ungated, gated)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(levers=levers_strategy, seed=st.integers(0, 2**32 - 1))
def test_random_levers_keep_quantiles_ordered(params, levers, seed):
    frame = project(levers, params, draws=200, seed=seed)
    assert (frame["p10"] <= frame["p50"] + 1e-9).all() and (frame["p50"] <= frame["p90"] + 1e-9).all()


# ------------------------------------------------------------------------------------------------
# Monte Carlo frame
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(PRESETS))
def test_presets_stay_in_bounds_with_ordered_quantiles(params: pd.DataFrame, code: str):
    frame = project(PRESETS[code], params, draws=1000)
    assert list(frame.columns) == ["year", "indicator", "p10", "p50", "p90"]
    assert frame[["p10", "p50", "p90"]].notna().all().all()
    assert (frame["p10"] <= frame["p50"]).all() and (frame["p50"] <= frame["p90"]).all()
    unsigned = frame[~frame["indicator"].isin(model.SIGNED_OUTCOMES)]
    assert (unsigned[["p10", "p50", "p90"]] >= 0).all().all()
    shares = frame[frame["indicator"].isin(model.SHARE_OUTCOMES)]
    assert shares[["p10", "p50", "p90"]].le(100.0).all().all()


def test_same_seed_gives_the_same_frame(params: pd.DataFrame):
    first = project(baseline(), params, draws=500, seed=7)
    second = project(baseline(), params, draws=500, seed=7)
    pd.testing.assert_frame_equal(first, second)


def test_different_seeds_differ_but_agree_on_medians(params: pd.DataFrame):
    first = project(baseline(), params, draws=2000, seed=1)
    second = project(baseline(), params, draws=2000, seed=2)
    assert not first["p10"].equals(second["p10"])
    last = first["year"] == baseline().horizon
    for code in ("core_va", "gdp", "dc_power_gwh", "xc_domestic_share", "talent_added"):
        a = first.loc[last & (first["indicator"] == code), "p50"].item()
        b = second.loc[last & (second["indicator"] == code), "p50"].item()
        assert abs(a - b) <= 0.03 * abs(a), code


def test_central_run_lies_within_the_uncertainty_band(params: pd.DataFrame):
    central = project_central(baseline(), params).set_index(["year", "indicator"])["p50"]
    band = project(baseline(), params, draws=2000).set_index(["year", "indicator"])
    later = band.index.get_level_values("year") > BASE_YEAR
    inside = (central[later] >= band.loc[later, "p10"] - 1e-6) & (central[later] <= band.loc[later, "p90"] + 1e-6)
    assert inside.mean() > 0.9


def test_central_frame_has_equal_quantiles(params: pd.DataFrame):
    frame = project_central(baseline(), params)
    assert (frame["p10"] == frame["p50"]).all() and (frame["p50"] == frame["p90"]).all()


@pytest.mark.parametrize("horizon", [2025, 2031, 2035])
def test_horizon_is_respected(params: pd.DataFrame, horizon: int):
    frame = project(_with(baseline(), horizon=horizon), params, draws=50)
    assert set(frame["indicator"]) == set(OUTCOMES)
    for _, rows in frame.groupby("indicator"):
        assert rows["year"].tolist() == list(range(BASE_YEAR, horizon + 1))
    assert len(frame) == len(OUTCOMES) * (horizon - BASE_YEAR + 1)


@pytest.mark.parametrize("draws", [0, -3, 2.5, True])
def test_project_rejects_bad_draws(params: pd.DataFrame, draws):
    with pytest.raises(ValueError, match="draws"):
        project(baseline(), params, draws=draws)


# ------------------------------------------------------------------------------------------------
# Checks on impossible values
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "values", "message"),
    [
        ("dc_racks_total", np.array([[150_000.0, -1.0]]), "negative"),
        ("core_va", np.array([[9_800.0, np.nan]]), "NaN"),
        ("xc_domestic_share", np.array([[4.4, 101.0]]), "above 100"),
    ],
)
def test_check_rejects_impossible_values(params: pd.DataFrame, code: str, values: np.ndarray, message: str):
    table = parameter_table(params)
    paths = _simulate(baseline(), central_parameters(table), np.array([2022, 2023]), np.zeros((1, 1)))
    paths[code] = values
    with pytest.raises(ValueError, match=message):
        _check_paths(paths)


# ------------------------------------------------------------------------------------------------
# Tornado
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("indicator", "year"), [("core_va", 2030), ("dc_power_gwh", 2026), ("fiscal_cost_cum", 2030)])
def test_tornado_covers_every_parameter_sorted_by_swing(params: pd.DataFrame, indicator: str, year: int):
    levers = PRESETS["aggressive_buildout"]
    frame = tornado(levers, params, indicator, year)
    assert list(frame.columns) == ["parameter", "low_value", "high_value", "central_value", "swing"]
    assert set(frame["parameter"]) == used_parameters(params) and frame["parameter"].is_unique
    assert frame["swing"].is_monotonic_decreasing
    np.testing.assert_allclose(frame["swing"], (frame["high_value"] - frame["low_value"]).abs())
    central = _year_value(project_central(levers, params), indicator, year)
    assert np.allclose(frame["central_value"], central)
    assert frame["swing"].iloc[0] > 0


def test_tornado_values_match_a_run_with_that_parameter_moved(params: pd.DataFrame):
    frame = tornado(baseline(), params, "dc_power_gwh", 2028).set_index("parameter")
    row = params.loc[params["id"] == "dc_load_factor"].iloc[0]
    for end, column in (("low", "low_value"), ("high", "high_value")):
        moved = params.copy()
        moved.loc[moved["id"] == "dc_load_factor", "central"] = row[end]
        moved.loc[moved["id"] == "dc_load_factor", ["low", "high"]] = row[end]
        expected = _year_value(project_central(baseline(), moved), "dc_power_gwh", 2028)
        assert frame.loc["dc_load_factor", column] == pytest.approx(expected)


@pytest.mark.parametrize(("indicator", "year"), [("not_an_indicator", 2030), ("core_va", 2021), ("core_va", 2031)])
def test_tornado_rejects_unknown_indicator_or_year(params: pd.DataFrame, indicator: str, year: int):
    with pytest.raises(ValueError):
        tornado(baseline(), params, indicator, year)


# ------------------------------------------------------------------------------------------------
# Uncertainty against history, and paired differences
# ------------------------------------------------------------------------------------------------

BENCHMARKS_PATH = ROOT / "data" / "benchmarks.csv"
CITY_SERIES_PATH = ROOT / "docs" / "research" / "city-series-draft.csv"


def _observed_gdp() -> dict[int, float]:
    """Shenzhen's first-release nominal GDP (亿元): benchmarks.csv, then earlier years and 2024 from the draft."""
    observed: dict[int, float] = {}
    for path in (CITY_SERIES_PATH, BENCHMARKS_PATH):  # benchmarks win where both have a year
        frame = pd.read_csv(path)
        rows = frame[(frame["city"] == "shenzhen") & (frame["indicator"] == "gdp") & (frame["qualifier"] == "exact")]
        if "comparability_group" in rows:
            rows = rows[rows["comparability_group"] == "gdp_stats"]
        if "vintage" in rows:
            rows = rows[~rows["definition"].str.contains("revised", case=False)]
        observed.update({int(year): float(value) for year, value in zip(rows["year"], rows["value"])})
    return observed


@pytest.mark.parametrize("year", [2023, 2024])
def test_observed_gdp_lies_inside_the_baseline_band(params: pd.DataFrame, year: int):
    """The first real check the v1 model failed: observed GDP after the 2022 base year is inside p10–p90."""
    observed = _observed_gdp()[year]
    band = project(baseline(), params, draws=1000, seed=2024)
    row = band[(band["indicator"] == "gdp") & (band["year"] == year)].iloc[0]
    assert row["p10"] <= observed <= row["p90"], (year, observed, row["p10"], row["p90"])


def _comparable_growths() -> dict[int, float]:
    """Shenzhen's nominal GDP growth (%) on one accounting basis, from benchmarks.csv (gdp_stats, point values).

    A step into a row flagged break_before is a revision, not growth: it is dropped, unless the previous year's
    revised level (gdp_revised) is stored, which is on the new basis and becomes the step's start.
    """
    frame = pd.read_csv(BENCHMARKS_PATH)
    rows = frame[(frame["city"] == "shenzhen") & (frame["indicator"] == "gdp")]
    first = rows[(rows["comparability_group"] == "gdp_stats") & rows["qualifier"].isin(["exact", "approx"])]
    revised = rows[rows["comparability_group"] == "gdp_revised"].set_index("year")["value"]
    level = first.set_index("year")["value"]
    broken = set(first.loc[first["break_before"], "year"])
    growths = {}
    for year in level.index:
        start = revised.get(year - 1) if year in broken else level.get(year - 1)
        if start is not None and not np.isnan(start):
            growths[int(year)] = 100 * (level[year] / start - 1)
    return growths


def test_the_yearly_shock_is_sized_on_shenzhens_own_history(params: pd.DataFrame):
    """gdp_shock_sd's central value is the sd, around a linear trend, of Shenzhen's growth on one accounting basis."""
    growths = _comparable_growths()
    assert 2019 not in growths and 2024 not in growths  # the 4th- and 5th-census steps are revisions, not growth
    assert growths[2017] == pytest.approx(100 * (22400 / 20078.58 - 1))  # from the revised 2016 level
    years = np.array(sorted(growths), dtype=float)
    values = np.array([growths[int(year)] for year in years])
    residuals = values - np.polyval(np.polyfit(years, values, 1), years)
    sheet = params.set_index("id").loc["gdp_shock_sd"]
    assert sheet["central"] == pytest.approx(float(np.sqrt((residuals**2).sum() / (values.size - 2))), abs=0.05)
    assert sheet["low"] < sheet["central"] < sheet["high"]


def test_the_tautological_2022_calibration_is_gone(params: pd.DataFrame):
    """2022 GDP is the official figure as an input, not a 'reproduced' output; the calibration rows are gone."""
    assert not {"core_va_2020", "core_va_growth_2020_22", "gdp_growth_2020_22"} & set(params["id"])
    names = [line for line in Path(__file__).read_text(encoding="utf-8").splitlines() if line.startswith("def test_")]
    assert not any("reproduces_2022" in line for line in names)


def test_a_draw_does_not_depend_on_the_horizon(params: pd.DataFrame):
    short = project(_with(baseline(), horizon=2025), params, draws=400, seed=9).set_index(["indicator", "year"])
    long = project(_with(baseline(), horizon=2035), params, draws=400, seed=9).set_index(["indicator", "year"])
    pd.testing.assert_frame_equal(short, long.loc[short.index])


def test_the_paired_difference_of_the_baseline_is_zero(params: pd.DataFrame):
    delta = model.project_delta(baseline(), params, draws=300, seed=4)
    assert (delta[["p10", "p50", "p90"]] == 0).all().all()


@pytest.mark.parametrize("code", ["talent_push", "no_new_capacity", "xinchuang_push"])
def test_the_paired_band_is_narrower_than_the_gap_between_level_bands(params: pd.DataFrame, code: str):
    """Same draws: the band of scenario − baseline is much narrower than the level bands' spread, and one-signed."""
    levers = PRESETS[code]
    delta = model.project_delta(levers, params, draws=1000, seed=1).set_index(["indicator", "year"])
    level = project(levers, params, draws=1000, seed=1).set_index(["indicator", "year"])
    key = ("core_va", levers.horizon)
    assert delta.loc[key, "p90"] - delta.loc[key, "p10"] < 0.5 * (level.loc[key, "p90"] - level.loc[key, "p10"])
    assert np.sign(delta.loc[key, "p10"]) == np.sign(delta.loc[key, "p90"]) != 0


def test_paired_difference_is_reproducible_and_checks_draws(params: pd.DataFrame):
    first = model.project_delta(PRESETS["talent_push"], params, draws=200, seed=3)
    second = model.project_delta(PRESETS["talent_push"], params, draws=200, seed=3)
    pd.testing.assert_frame_equal(first, second)
    with pytest.raises(ValueError, match="draws"):
        model.project_delta(baseline(), params, draws=0)


def test_gdp_baseline_compounds_growth_and_shocks():
    """Zero shocks give compound growth; a +1 sd shock (2 log points) in year 1 lifts every later year by e^0.02."""
    gdp_0, growth, sd = np.array([100.0, 100.0]), np.array([5.0, 5.0]), np.array([2.0, 2.0])
    shocks = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    paths = model.gdp_baseline(gdp_0, growth, sd, shocks)
    np.testing.assert_allclose(paths[0], [100.0, 105.0, 110.25, 115.7625])
    np.testing.assert_allclose(paths[1, 1:] / paths[0, 1:], 1.0202013400267558)


def test_quantiles_agree_with_numpy_to_float32_precision():
    from explorer.model.simulation import _quantiles

    rng = np.random.default_rng(8)
    paths = {code: rng.lognormal(8.0, 1.0, (1000, 6)) for code in OUTCOMES}
    low, mid, high = _quantiles(paths)
    expected = np.quantile(paths["gdp"], model.QUANTILES, axis=0)
    row = list(OUTCOMES).index("gdp")
    np.testing.assert_allclose(np.stack([low[row], mid[row], high[row]]), expected, rtol=2e-7)


def test_the_gdp_baseline_compounds_as_the_hindcasts_trend_does():
    """With the same normals, the projection's GDP path is the trend path the hindcast scores (drift ln(1 + g))."""
    from explorer.model.trend import TrendFit, trend_paths

    rng = np.random.default_rng(4)
    shocks = rng.standard_normal((50, 6))
    paths = model.gdp_baseline(np.full(50, 32387.68), np.full(50, 5.5), np.full(50, 3.2), shocks)
    fit = TrendFit(2022, 32387.68, math.log(1.055), 0.0, 0.032, ())
    same = trend_paths(fit, range(2022, 2029), np.zeros(50), np.concatenate([np.zeros((50, 1)), shocks], axis=1))
    np.testing.assert_allclose(paths, same, rtol=1e-12)


# ----------------------------------------------------------------------------------------------
# GDP's yearly shock moves rack demand and talent inflow in the same draw (issue 22 item 5)
# ----------------------------------------------------------------------------------------------

LOADINGS = {"dc_demand_gdp_loading": "demand", "talent_inflow_gdp_loading": "inflow"}


def _fixed(params: pd.DataFrame, rows: dict[str, float] | None = None, *, central: bool = False) -> pd.DataFrame:
    """Return the sheet with `rows` at one value each (low = central = high); `central`: every row at its central."""
    frame = params.copy()
    if central:
        frame["low"] = frame["high"] = frame["central"]
    for pid, value in (rows or {}).items():
        frame.loc[frame["id"] == pid, ["low", "central", "high"]] = value
    return frame


# Applicants fall short of the quota when no one would come anyway and the quota is the lever's highest: only then
# does a year's cohort move with its applicants (a binding quota caps it whatever the year).
UNBOUND = {"talent_anyway": 0.0}
OPEN_QUOTA = replace(baseline(), talent_quota=50_000)


def _yearly(frame: pd.DataFrame, draws: int, seed: int, levers=OPEN_QUOTA) -> dict[str, np.ndarray]:
    """Return draws × years: the paper's log growth of GDP and of rack demand, and the log of the year's cohort under
    `levers` (same draws: a channel's difference from the paper's levers would move GDP itself)."""
    drawn = {
        code: model.project_draws(baseline(), frame, code, draws=draws, seed=seed)[1]
        for code in ("gdp", "dc_utilisation", "dc_racks_total", "dc_unmet")
    }
    drawn["talent_added"] = model.project_draws(levers, frame, "talent_added", draws=draws, seed=seed)[1]
    demand = drawn["dc_utilisation"] / 100.0 * drawn["dc_racks_total"] + drawn["dc_unmet"]  # occupied + unmet
    retention = draw_parameters(parameter_table(frame), draws, seed)["talent_retention"][:, None]
    cohort = drawn["talent_added"][:, 1:] - retention * drawn["talent_added"][:, :-1]  # arrivals of each year
    return {
        "gdp": np.diff(np.log(drawn["gdp"]), axis=1),
        "demand": np.diff(np.log(demand), axis=1),
        "inflow": np.log(cohort),
    }


def test_at_central_parameters_the_loading_is_the_elasticity_to_the_gdp_shock(params: pd.DataFrame):
    """Every parameter central, only the yearly shocks drawn: a GDP year 1 % above trend is a year with rack demand
    growth β_D % and a cohort of recruits β_T % above trend (log points), in every year; with β = 0 neither moves."""
    sheet = params.set_index("id")
    runs = {
        "sheet": _yearly(_fixed(params, UNBOUND, central=True), 400, 3),
        "zero": _yearly(_fixed(params, {**UNBOUND, **dict.fromkeys(LOADINGS, 0.0)}, central=True), 400, 3),
    }
    for pid, series in LOADINGS.items():
        for year in range(runs["sheet"]["gdp"].shape[1]):
            gdp, moved = runs["sheet"]["gdp"][:, year], runs["sheet"][series][:, year]
            slope = np.cov(gdp, moved)[0, 1] / gdp.var(ddof=1)
            assert slope == pytest.approx(float(sheet.at[pid, "central"]), rel=1e-6), (pid, year)
            assert np.corrcoef(gdp, moved)[0, 1] > 0.999
            assert np.ptp(runs["zero"][series][:, year]) < 1e-9 * max(1.0, abs(runs["zero"][series][0, year]))


def test_a_binding_quota_caps_the_cohort_in_a_good_year_too(params: pd.DataFrame):
    """The paper's quota (10,000) is below the applicants of any year at central parameters: however good the year,
    the subsidised cohort is the quota, so the cohort of additional recruits is the same in every draw and year."""
    inflow = _yearly(_fixed(params, central=True), 400, 3, levers=baseline())["inflow"]
    assert np.ptp(inflow) < 1e-9


def _triangle_moments(low: float, mode: float, high: float) -> tuple[float, float]:
    """Return the mean and the mean square of a triangular (low, mode, high) variable."""
    mean = (low + mode + high) / 3.0
    variance = (low**2 + mode**2 + high**2 - low * mode - low * high - mode * high) / 18.0
    return mean, variance + mean**2


def test_over_the_whole_sheet_gdp_demand_and_inflow_co_move_as_the_loadings_imply(params: pd.DataFrame):
    """Year-to-year changes of the growths (each draw's trends cancel): GDP's is σ_g Δz, demand's β_D σ_g Δz, the
    log cohort's β_T σ_g Δz. With β drawn independently of σ_g, their correlation over draws and years is
    E[β] / √E[β²] of the loading's triangle (0.93 for 0 / 1 / 2); with the loadings at 0 it is 0."""
    sheet = params.set_index("id")
    runs = {
        "sheet": _yearly(_fixed(params, UNBOUND), 4000, 11),
        "zero": _yearly(_fixed(params, {**UNBOUND, **dict.fromkeys(LOADINGS, 0.0)}), 4000, 11),
    }
    for pid, series in LOADINGS.items():
        mean, square = _triangle_moments(*(float(sheet.at[pid, column]) for column in ("low", "central", "high")))
        for run, expected in (("sheet", mean / math.sqrt(square)), ("zero", 0.0)):
            changes = [np.diff(runs[run][name], axis=1).ravel() for name in ("gdp", series)]
            assert np.corrcoef(*changes)[0, 1] == pytest.approx(expected, abs=0.02), (pid, run)
        # Across draws in one year (trends included), the loading makes a bad GDP year a low year.
        same_year = {run: np.corrcoef(runs[run]["gdp"][:, 7], runs[run][series][:, 7])[0, 1] for run in runs}
        assert same_year["sheet"] > same_year["zero"] + 0.1, (pid, same_year)


@pytest.fixture(scope="module")
def loading_runs(params: pd.DataFrame) -> dict[str, dict[str, dict[str, np.ndarray]]]:
    """Return, with the sheet's loadings and with both at 0 (same draws), all levers up and the paper's policy."""
    levers = replace(
        baseline(), dc_racks=120_000, dc_util_gate=0.0, xc_share=100.0, talent_subsidy=150_000.0, talent_quota=50_000
    )
    frames = {"sheet": params, "zero": _fixed(params, dict.fromkeys(LOADINGS, 0.0))}
    years = np.arange(BASE_YEAR, 2031)
    runs = {}
    for run, frame in frames.items():
        sampled, shocks = _draw(frame, 10_000, 5)
        runs[run] = {
            name: {code: values[:, -1] for code, values in _simulate(setting, sampled, years, shocks).items()}
            for name, setting in (("levers", levers), ("paper", baseline()))
        }
    return runs


def test_the_loadings_widen_the_levers_band_but_barely_move_its_centre(loading_runs):
    """All levers up against the paper's policy, core value added 2030, paired: the co-movement widens the p10–p90
    band (measured +1.7 % at 10,000 draws: rack demand's loading, the quota capping the recruits a good year brings)
    and moves the mean and median by under 1 %."""
    change = {run: values["levers"]["core_va"] - values["paper"]["core_va"] for run, values in loading_runs.items()}
    assert change["sheet"].mean() == pytest.approx(change["zero"].mean(), rel=0.01)
    assert np.median(change["sheet"]) == pytest.approx(np.median(change["zero"]), rel=0.01)
    width = {run: np.subtract(*np.quantile(values, (0.9, 0.1))) for run, values in change.items()}
    assert 1.005 < width["sheet"] / width["zero"] < 1.15


@pytest.mark.parametrize(
    ("code", "tolerance"),
    [("gdp", 1e-9), ("core_va", 1e-9), ("dc_racks_total", 0.005), ("talent_added", 0.01), ("fiscal_cost", 0.01),
     ("dc_unmet", 0.02)],
)  # fmt: skip
def test_the_loadings_keep_the_baselines_medians(loading_runs, code: str, tolerance: float):
    """The shock's median is 0, so the paper's policy keeps its median paths (GDP and core value added exactly:
    the channels enter them only as differences from the paper's levers)."""
    medians = {run: np.median(values["paper"][code]) for run, values in loading_runs.items()}
    assert medians["sheet"] == pytest.approx(medians["zero"], rel=tolerance)


def test_given_shocks_replace_the_drawn_ones_and_are_checked(params: pd.DataFrame):
    shocks = np.zeros((20, LAST_YEAR - BASE_YEAR))
    _, gdp = model.project_draws(baseline(), params, "gdp", draws=20, seed=1, shocks=shocks)
    growth = draw_parameters(parameter_table(params), 20, 1)["gdp_growth"]
    np.testing.assert_allclose(gdp[:, 1] / gdp[:, 0], 1.0 + growth / 100.0)  # no shock: the trend growth
    with pytest.raises(ValueError, match="shocks"):
        model.project(baseline(), params, draws=20, seed=1, shocks=shocks[:, :-1])
    with pytest.raises(ValueError, match="shocks"):
        model.project(baseline(), params, draws=20, seed=1, shocks=np.full_like(shocks, np.nan))


GDP_PATH_CASES = [
    ("a year short", (5, LAST_YEAR - model.BASE_YEAR), 1.0, "GDP path"),
    ("a negative level", (5, LAST_YEAR - model.BASE_YEAR + 1), -1.0, "positive"),
    ("a NaN level", (5, LAST_YEAR - model.BASE_YEAR + 1), float("nan"), "GDP path"),
]


@pytest.mark.parametrize(("name", "shape", "level", "message"), GDP_PATH_CASES, ids=[c[0] for c in GDP_PATH_CASES])
def test_a_bad_gdp_path_is_refused_with_a_message(params: pd.DataFrame, name, shape, level, message):
    path = model.GdpPath(np.full(shape, 30_000.0), np.zeros(shape))
    path.levels[0, -1] = level
    with pytest.raises(ValueError, match=message):
        project(baseline(), params, draws=5, seed=1, shocks=path)


def test_on_a_gdp_path_gdp_at_the_papers_policy_is_that_path_from_the_base_years_level(params: pd.DataFrame):
    """A flat path (every year at 2 × the base year's level in the second half) gives GDP 2 × GDP_2022 there, whatever
    the sheet's growth; core value added doubles with it (premium aside)."""
    years = LAST_YEAR - model.BASE_YEAR + 1
    levels = np.full((4, years), 10_000.0)
    levels[:, years // 2 :] = 20_000.0
    path = model.GdpPath(levels, np.zeros((4, years)))
    _, gdp = model.project_draws(replace(baseline(), horizon=LAST_YEAR), params, "gdp", draws=4, seed=3, shocks=path)
    gdp_2022 = params.set_index("id").at["gdp_2022", "central"]
    np.testing.assert_allclose(gdp[:, 0], gdp_2022)
    np.testing.assert_allclose(gdp[:, -1], 2 * gdp_2022)


# ----------------------------------------------------------------------------------------------
# The lever start year (issue 21): every outcome's levers act from the first unpublished year
# ----------------------------------------------------------------------------------------------


def _all_levers_max() -> Levers:
    bounds = Levers.BOUNDS
    highs = {name: bounds[name][1] for name in ("dc_racks", "dc_power", "xc_share", "talent_subsidy", "talent_quota")}
    return replace(baseline(), dc_util_gate=0.0, **highs)


def _random_settings(count: int, seed: int) -> list[Levers]:
    """Lever settings drawn uniformly within each lever's bounds (snapped to its step by `from_mapping`)."""
    rng = np.random.default_rng(seed)
    drawn = []
    for _ in range(count):
        raw = {name: rng.uniform(low, high) for name, (low, high, _) in Levers.BOUNDS.items() if name != "horizon"}
        drawn.append(Levers.from_mapping({**raw, "horizon": LAST_YEAR})[0])
    return drawn


TIMING_SETTINGS = {**{name: replace(levers, horizon=LAST_YEAR) for name, levers in PRESETS.items()},
                   "all_levers_max": replace(_all_levers_max(), horizon=LAST_YEAR),
                   **{f"drawn_{k}": levers for k, levers in enumerate(_random_settings(6, 21))}}  # fmt: skip


def _panel_like_path(draws: int, start: int) -> model.GdpPath:
    """A GDP path as the panel gives one: fixed levels to the year before `start`, drawn steps with shocks after."""
    rng = np.random.default_rng(start)
    years = np.arange(model.BASE_YEAR, LAST_YEAR + 1)
    shocks = np.where(years[None, :] >= start, 0.02 * rng.standard_normal((draws, years.size)), 0.0)
    steps = np.where(years[None, :] > model.BASE_YEAR, 0.06 + shocks, 0.0)
    return model.GdpPath(32_000.0 * np.exp(np.cumsum(steps, axis=1)), shocks, start)


@pytest.mark.parametrize("start", [2025, 2028])
@pytest.mark.parametrize("name", list(TIMING_SETTINGS))
def test_every_outcomes_lever_effect_is_exactly_zero_before_the_start_year(params: pd.DataFrame, name, start):
    """Issue 21: a setting's paired change is exactly 0, in every draw and outcome, in every year before the lever
    start year (the path's first unpublished year); GDP's and core value added's first change is in the same year."""
    levers = TIMING_SETTINGS[name]
    path = _panel_like_path(60, start)
    years, runs = {}, {}
    for code in ("gdp", "core_va", *[c for c in OUTCOMES if c not in ("gdp", "core_va")]):
        years, (setting, paper) = simulation.project_draws_many(
            [levers, replace(baseline(), horizon=LAST_YEAR)], params, code, draws=60, seed=5, shocks=path
        )
        runs[code] = setting - paper
        assert (runs[code][:, years < start] == 0.0).all(), code
    moved = [code for code in ("gdp", "core_va") if (runs[code] != 0).any()]
    first = {code: int(years[(runs[code] != 0).any(axis=0)][0]) for code in moved}
    assert set(first.values()) <= {start}, first  # both start in the start year (or neither moves)
    if name != "paper":
        assert moved, "a setting away from the paper's moves GDP or core value added"


def test_the_start_year_given_overrides_the_paths_and_is_checked(params: pd.DataFrame):
    """`start` given beats the path's; without a path the levers act from the year after the base (the sheet's own
    path publishes nothing after it); a start outside the simulation's years is refused with a message."""
    pushed = replace(PRESETS["talent_push"], horizon=LAST_YEAR)
    path = _panel_like_path(20, 2025)
    both = [pushed, replace(baseline(), horizon=LAST_YEAR)]
    years, (moved, paper) = simulation.project_draws_many(
        both, params, "talent_added", draws=20, seed=2, shocks=path, start=2030
    )
    assert (moved[:, years < 2030] == paper[:, years < 2030]).all()
    assert (moved[:, years == 2030] > paper[:, years == 2030]).all()
    years, (own, paper) = simulation.project_draws_many(both, params, "talent_added", draws=20, seed=2)
    assert (own[:, years == model.BASE_YEAR + 1] > paper[:, years == model.BASE_YEAR + 1]).all()
    for bad in (model.BASE_YEAR, LAST_YEAR + 1, 2025.0, True):
        with pytest.raises(ValueError, match="start"):
            model.project(pushed, params, draws=5, seed=1, start=bad)


@pytest.mark.parametrize("name", list(TIMING_SETTINGS))
def test_gdp_moves_by_core_value_added_less_the_soes_extra_running_cost(params: pd.DataFrame, name):
    """Core value added is part of GDP; the one change of GDP outside it is the SOEs' extra Xinchuang running cost
    (market producers outside the core: it lowers their value added). So ΔGDP = ΔCORE − ΔU_SOE in every draw and
    year, and where the floors are the paper's, ΔGDP = ΔCORE: |ΔCORE| ≤ |ΔGDP| holds exactly there. A floor raised
    above the paper's moves value added from the SOEs to the core's suppliers, and then |ΔCORE| > |ΔGDP| can hold."""
    levers = TIMING_SETTINGS[name]
    path = _panel_like_path(80, 2025)
    change = {}
    for code in ("gdp", "core_va", "xc_user_cost_soe"):
        _, (setting, paper) = simulation.project_draws_many(
            [levers, replace(baseline(), horizon=LAST_YEAR)], params, code, draws=80, seed=9, shocks=path
        )
        change[code] = setting - paper
    np.testing.assert_allclose(change["gdp"], change["core_va"] - change["xc_user_cost_soe"], rtol=1e-9, atol=1e-6)
    if levers.xc_share == baseline().xc_share:
        np.testing.assert_allclose(change["gdp"], change["core_va"], rtol=1e-12, atol=1e-6)
    if levers.xc_share > baseline().xc_share:
        assert (np.abs(change["core_va"][:, -1]) > np.abs(change["gdp"][:, -1])).any()
