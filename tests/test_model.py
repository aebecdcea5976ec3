"""Tests of the scenario model (src/explorer/model.py) and its parameters (data/parameters.csv)."""

from __future__ import annotations

import ast
import math
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import model
from explorer.model import (
    BASE_YEAR,
    INDICATORS,
    PRESETS,
    Levers,
    baseline,
    crossing_year,
    parameter_table,
    peer_paths,
    project,
    project_central,
    tornado,
    used_parameters,
)

ROOT = Path(__file__).resolve().parents[1]
PARAMS_PATH = ROOT / "data" / "parameters.csv"
PAPER_PATH = ROOT / "data" / "paper" / "shenzhen-digital-economy-2024.zh.txt"
PAPER_URL = "data/paper/shenzhen-digital-economy-2024.zh.txt"
MODEL_PATH = ROOT / "src" / "explorer" / "model.py"

# The paper's figures for 2022 and the official GDP the calibration must reproduce.
PAPER_CORE_VA_2022 = 10_000.0  # 近万亿元
PAPER_CORE_SHARE_2022 = 30.0  # 超过30%
OFFICIAL_GDP_2022 = 32_387.68  # tjj.sz.gov.cn

FIELDS = tuple(Levers.BOUNDS)
HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def params() -> pd.DataFrame:
    return pd.read_csv(PARAMS_PATH)


def _series(frame: pd.DataFrame, indicator: str, column: str = "p50") -> np.ndarray:
    rows = frame[frame["indicator"] == indicator].sort_values("year")
    return rows[column].to_numpy()


def _with(levers: Levers, **changes) -> Levers:
    return replace(levers, **changes)


def _strip(text: str) -> str:
    return "".join(text.split())


# ------------------------------------------------------------------------------------------------
# parameters.csv
# ------------------------------------------------------------------------------------------------


def test_parameters_csv_rows_follow_the_schema(params: pd.DataFrame):
    """Every row: labels, numbers low <= central <= high, a grade, and sources or a rationale."""
    problems: list[str] = []
    if list(params.columns) != list(model.PARAMETER_COLUMNS):
        problems.append(f"columns {list(params.columns)} != {list(model.PARAMETER_COLUMNS)}")
    duplicated = params["id"][params["id"].duplicated()].tolist()
    if duplicated:
        problems.append(f"duplicate ids {duplicated}")
    paper = _strip(PAPER_PATH.read_text(encoding="utf-8"))

    def text(value) -> str:
        return "" if pd.isna(value) else str(value).strip()

    for row in params.to_dict("records"):
        pid = text(row.get("id"))
        for column in ("label_zh", "label_en", "unit"):
            if not text(row.get(column)):
                problems.append(f"{pid}: empty {column}")
        try:
            low, central, high = (float(row[c]) for c in ("low", "central", "high"))
        except (TypeError, ValueError):
            problems.append(f"{pid}: low/central/high not numeric")
            continue
        if not all(math.isfinite(x) for x in (low, central, high)):
            problems.append(f"{pid}: non-finite low/central/high")
        elif not low <= central <= high:
            problems.append(f"{pid}: low <= central <= high fails ({low}, {central}, {high})")
        grade = text(row.get("grade"))
        title, url, quote = (text(row.get(c)) for c in ("source_title", "source_url", "source_quote"))
        rationale = text(row.get("rationale"))
        if "\n" in rationale:
            problems.append(f"{pid}: rationale must be one line")
        if grade not in model.GRADES:
            problems.append(f"{pid}: grade {grade!r}")
        elif grade == "assumption":
            if title or url or quote:
                problems.append(f"{pid}: assumption with source fields")
            if not rationale:
                problems.append(f"{pid}: assumption without rationale")
        else:
            if not (title and url and quote):
                problems.append(f"{pid}: {grade} row without title, URL and quote")
            if not (url.startswith(("http://", "https://")) or url == PAPER_URL):
                problems.append(f"{pid}: source_url {url!r} is neither a web address nor the paper")
            if url == PAPER_URL and _strip(quote) not in paper:
                problems.append(f"{pid}: quote not found in the paper: {quote}")
            if grade == "derived" and not rationale:
                problems.append(f"{pid}: derived row without its arithmetic")
    assert not problems, "\n".join(problems)


def test_every_parameter_is_used_and_every_used_parameter_exists(params: pd.DataFrame):
    ids = set(params["id"])
    assert used_parameters() - ids == set(), "the model reads parameters missing from the CSV"
    assert ids - used_parameters() == set(), "the CSV has parameters the model never reads"


def test_parameter_table_returns_the_csv_ranges(params: pd.DataFrame):
    table = parameter_table(params)
    assert set(table) == set(params["id"])
    for row in params.itertuples(index=False):
        assert table[row.id] == (row.low, row.central, row.high)


def _break(params: pd.DataFrame, pid: str, **changes) -> pd.DataFrame:
    broken = params.copy()
    index = broken.index[broken["id"] == pid][0]
    for column, value in changes.items():
        broken.loc[index, column] = value
    return broken


@pytest.mark.parametrize(
    ("pid", "changes", "message"),
    [
        ("dc_pue_existing", {"low": 2.0}, "low <= central <= high"),
        ("talent_gap", {"central": float("nan")}, "finite"),
        ("dc_load_factor", {"source_title": "a blog"}, "no source fields"),
        ("gdp_growth", {"source_quote": None}, "title, URL and quote"),
        ("xc_it_share", {"grade": "rumour"}, "grade"),
        ("dc_racks_2022", {"low": -5.0}, "values must lie"),
        ("xc_os_share_2022", {"high": 120.0}, "values must lie"),
    ],
)
def test_parameter_table_rejects_broken_rows(params: pd.DataFrame, pid: str, changes: dict, message: str):
    with pytest.raises(ValueError, match=message) as info:
        parameter_table(_break(params, pid, **changes))
    assert pid in str(info.value)


def test_parameter_table_reports_every_problem_and_missing_rows(params: pd.DataFrame):
    broken = _break(params, "dc_pue_existing", low=2.0)
    broken = _break(broken, "xc_it_share", grade="rumour")
    broken = broken[broken["id"] != "talent_gap"]
    with pytest.raises(ValueError) as info:
        parameter_table(broken)
    for needle in ("dc_pue_existing", "xc_it_share", "talent_gap"):
        assert needle in str(info.value)


# ------------------------------------------------------------------------------------------------
# Module contract
# ------------------------------------------------------------------------------------------------


def test_model_module_is_pure():
    """Imports only numpy, pandas and the standard library; no file access."""
    tree = ast.parse(MODEL_PATH.read_text(encoding="utf-8"))
    allowed = set(sys.stdlib_module_names) | {"numpy", "pandas", "__future__"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            roots = [(node.module or "").split(".")[0]]
        else:
            continue
        assert set(roots) <= allowed, f"model imports {roots}"
        assert not {"streamlit", "duckdb"} & set(roots)
    called = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
              for node in ast.walk(tree) if isinstance(node, ast.Call)}  # fmt: skip
    assert not called & {"open", "read_csv", "read_text", "to_csv", "write_text"}


def test_indicators_and_presets_are_complete():
    required = {
        "core_va", "core_va_share", "gdp", "compute_eflops", "dc_racks_total", "dc_power_gwh",
        "dc_power_cost", "xc_domestic_share", "xc_vendor_revenue", "xc_migration_cost",
        "foreign_exposure", "talent_added", "talent_gap_closed", "fiscal_cost",
    }  # fmt: skip
    assert required <= set(INDICATORS)
    assert all(INDICATORS[code] in model.UNIT_LABELS for code in INDICATORS)
    assert {"paper", "no_new_capacity", "aggressive_buildout", "talent_push", "xinchuang_push"} <= set(PRESETS)
    assert PRESETS["paper"] == baseline()
    assert all(isinstance(levers, Levers) for levers in PRESETS.values())


def test_baseline_is_the_papers_policy():
    paper = baseline()
    assert (paper.dc_pue, paper.dc_util_gate, paper.xc_share) == (1.25, 70.0, 40.0)
    assert paper.dc_racks * 3 == 21_000  # the paper's 2.1万 racks by 2025, over 2023-25


# ------------------------------------------------------------------------------------------------
# Cases as data: lever changes and the direction they must move an indicator
# ------------------------------------------------------------------------------------------------

CASES = [
    # (name, levers A, levers B, indicator, expectation for B relative to A)
    ("more racks raise installed compute", {"dc_racks": 7_000}, {"dc_racks": 40_000}, "compute_eflops", "higher"),
    ("more racks raise electricity use", {"dc_racks": 7_000}, {"dc_racks": 40_000}, "dc_power_gwh", "higher"),
    ("more racks raise the rack stock", {"dc_racks": 7_000}, {"dc_racks": 40_000}, "dc_racks_total", "higher"),
    ("more racks raise core value added", {"dc_racks": 7_000}, {"dc_racks": 40_000}, "core_va", "higher"),
    ("no new capacity keeps the 2022 stock", {}, {"dc_racks": 0}, "dc_racks_total", "flat"),
    ("no new capacity lowers core value added", {}, {"dc_racks": 0}, "core_va", "lower"),
    ("a higher PUE cap raises electricity use", {"dc_pue": 1.20, "dc_racks": 20_000, "dc_util_gate": 0.0},
     {"dc_pue": 1.45, "dc_racks": 20_000, "dc_util_gate": 0.0}, "dc_power_gwh", "higher"),
    ("a higher PUE cap raises the power bill", {"dc_pue": 1.20, "dc_racks": 20_000, "dc_util_gate": 0.0},
     {"dc_pue": 1.45, "dc_racks": 20_000, "dc_util_gate": 0.0}, "dc_power_cost", "higher"),
    ("a gate above utilisation approves fewer racks", {"dc_racks": 40_000, "dc_util_gate": 0.0},
     {"dc_racks": 40_000, "dc_util_gate": 90.0}, "dc_racks_total", "lower"),
    ("a higher Xinchuang floor raises the domestic share", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_domestic_share", "higher"),
    ("a higher Xinchuang floor lowers foreign exposure", {"xc_share": 40.0}, {"xc_share": 80.0},
     "foreign_exposure", "lower"),
    ("a higher Xinchuang floor raises vendor revenue", {"xc_share": 40.0}, {"xc_share": 80.0},
     "xc_vendor_revenue", "higher"),
    ("no Xinchuang floor means no migration", {}, {"xc_share": 0.0}, "xc_migration_cost_cum", "zero"),
    ("zero subsidy costs nothing", {}, {"talent_subsidy": 0.0}, "fiscal_cost", "zero"),
    ("zero subsidy costs nothing, cumulatively", {}, {"talent_subsidy": 0.0}, "fiscal_cost_cum", "zero"),
    ("zero subsidy adds no talent", {}, {"talent_subsidy": 0.0}, "talent_added", "zero"),
    ("a talent push adds talent", {}, {"talent_subsidy": 96_000.0, "talent_quota": 30_000}, "talent_added", "higher"),
    ("a talent push closes more of the gap", {}, {"talent_subsidy": 96_000.0, "talent_quota": 30_000},
     "talent_gap_closed", "higher"),
    ("a talent push costs more", {}, {"talent_subsidy": 96_000.0, "talent_quota": 30_000}, "fiscal_cost", "higher"),
    ("Xinchuang does not move value added", {"xc_share": 40.0}, {"xc_share": 90.0}, "core_va", "equal"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "a", "b", "indicator", "expect"), CASES, ids=[case[0] for case in CASES])
def test_lever_cases(params: pd.DataFrame, name: str, a: dict, b: dict, indicator: str, expect: str):
    first = _series(project_central(_with(baseline(), **a), params), indicator)
    second = _series(project_central(_with(baseline(), **b), params), indicator)
    tolerance = 1e-9 * max(1.0, float(np.abs(first).max()))
    if expect == "higher":
        assert (second >= first - tolerance).all() and second[-1] > first[-1] + tolerance
    elif expect == "lower":
        assert (second <= first + tolerance).all() and second[-1] < first[-1] - tolerance
    elif expect == "equal":
        np.testing.assert_allclose(second, first, rtol=1e-12)
    elif expect == "zero":
        assert np.all(second == 0.0)
    elif expect == "flat":
        np.testing.assert_allclose(second, second[0], rtol=1e-12)
    else:  # pragma: no cover - a typo in CASES
        raise AssertionError(expect)


def test_base_year_arithmetic_follows_the_documented_equations(params: pd.DataFrame):
    """2022 electricity, cost and compute recomputed by hand from the CSV's central values."""
    c = params.set_index("id")["central"]
    frame = project_central(baseline(), params)
    occupied = c["dc_racks_2022"] * c["dc_util_2022"] / 100
    gwh = occupied * c["dc_rack_kw"] * 8760 * c["dc_load_factor"] * c["dc_pue_existing"] / 1e6
    assert _year_value(frame, "dc_power_gwh", 2022) == pytest.approx(gwh)
    assert _year_value(frame, "dc_power_cost", 2022) == pytest.approx(gwh * 1e6 * c["dc_power_price"] / 1e8)
    assert _year_value(frame, "compute_eflops", 2022) == pytest.approx(
        c["dc_racks_2022"] * c["dc_tflops_per_rack"] / 1e6
    )
    assert _year_value(frame, "xc_domestic_share", 2022) == pytest.approx(c["xc_os_share_2022"])
    assert _year_value(frame, "foreign_exposure", 2022) == pytest.approx(100 - c["xc_os_share_2022"])


def test_ungated_buildout_follows_the_documented_equations(params: pd.DataFrame):
    """Without a gate the stock grows by dc_racks a year; occupancy fills the old fleet first."""
    c = params.set_index("id")["central"]
    levers = _with(PRESETS["aggressive_buildout"], horizon=2030)
    frame = project_central(levers, params)
    years = 2030 - BASE_YEAR
    racks = c["dc_racks_2022"] + years * levers.dc_racks
    demand = c["dc_util_2022"] / 100 * c["dc_racks_2022"] * (1 + c["dc_demand_growth"] / 100) ** years
    occupied = min(demand, c["dc_util_max"] / 100 * racks)
    in_old = min(occupied, c["dc_util_max"] / 100 * c["dc_racks_2022"])
    pue = (in_old * c["dc_pue_existing"] + (occupied - in_old) * levers.dc_pue) / occupied
    assert _year_value(frame, "dc_racks_total", 2030) == pytest.approx(racks)
    assert _year_value(frame, "dc_utilisation", 2030) == pytest.approx(100 * occupied / racks)
    assert _year_value(frame, "dc_pue_fleet", 2030) == pytest.approx(pue)
    per_rack = c["dc_tflops_per_rack"] * (1 + c["dc_tflops_growth"] / 100) ** years
    assert _year_value(frame, "compute_eflops", 2030) == pytest.approx(racks * per_rack / 1e6)


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
    xc_share=st.floats(0.0, 100.0),
    talent_subsidy=st.floats(0.0, 150_000.0),
    talent_quota=st.integers(0, 50_000),
    horizon=st.integers(2025, 2035),
)


def _central(levers: Levers, params: pd.DataFrame) -> dict[str, np.ndarray]:
    frame = project_central(levers, params)
    return {code: _series(frame, code) for code in INDICATORS}


def _not_lower(high: np.ndarray, low: np.ndarray) -> bool:
    return bool((high >= low - 1e-9 * max(1.0, float(np.abs(low).max()))).all())


@HYPOTHESIS
@given(levers=levers_strategy)
def test_random_levers_give_finite_bounded_paths(params, levers):
    paths = _central(levers, params)
    for code, values in paths.items():
        assert np.isfinite(values).all() and (values >= 0).all(), code
        assert len(values) == levers.horizon - BASE_YEAR + 1
    for code in model.SHARE_INDICATORS:
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
    for code in ("fiscal_cost", "fiscal_cost_cum", "talent_added", "talent_gap_closed"):
        assert np.all(paths[code] == 0.0), code


@HYPOTHESIS
@given(levers=levers_strategy, extra=st.floats(0.0, 150_000.0))
def test_higher_subsidy_never_lowers_talent_or_raises_nothing(params, levers, extra):
    more = _with(levers, talent_subsidy=min(150_000.0, levers.talent_subsidy + extra))
    low, high = _central(levers, params), _central(more, params)
    for code in ("talent_added", "fiscal_cost"):
        assert _not_lower(high[code], low[code]), code


@HYPOTHESIS
@given(levers=levers_strategy, extra=st.floats(0.0, 0.4))
def test_higher_pue_cap_never_lowers_power(params, levers, extra):
    more = _with(levers, dc_pue=min(1.50, levers.dc_pue + extra))
    assert _not_lower(_central(more, params)["dc_power_gwh"], _central(levers, params)["dc_power_gwh"])


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
    assert (frame[["p10", "p50", "p90"]] >= 0).all().all()
    shares = frame[frame["indicator"].isin(model.SHARE_INDICATORS)]
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
    assert set(frame["indicator"]) == set(INDICATORS)
    for _, rows in frame.groupby("indicator"):
        assert rows["year"].tolist() == list(range(BASE_YEAR, horizon + 1))
    assert len(frame) == len(INDICATORS) * (horizon - BASE_YEAR + 1)


@pytest.mark.parametrize("draws", [0, -3, 2.5, True])
def test_project_rejects_bad_draws(params: pd.DataFrame, draws):
    with pytest.raises(ValueError, match="draws"):
        project(baseline(), params, draws=draws)


# ------------------------------------------------------------------------------------------------
# Calibration 2020 -> 2022
# ------------------------------------------------------------------------------------------------


def _year_value(frame: pd.DataFrame, indicator: str, year: int, column: str = "p50") -> float:
    return frame.loc[(frame["year"] == year) & (frame["indicator"] == indicator), column].item()


@pytest.mark.parametrize("runner", ["central", "monte_carlo"])
def test_baseline_reproduces_2022_within_5_percent(params: pd.DataFrame, runner: str):
    frame = project_central(baseline(), params) if runner == "central" else project(baseline(), params, draws=1000)
    core = _year_value(frame, "core_va", 2022)
    share = _year_value(frame, "core_va_share", 2022)
    gdp = _year_value(frame, "gdp", 2022)
    assert abs(core - PAPER_CORE_VA_2022) <= 0.05 * PAPER_CORE_VA_2022
    assert share > PAPER_CORE_SHARE_2022
    assert abs(gdp - OFFICIAL_GDP_2022) <= 0.05 * OFFICIAL_GDP_2022


def test_2022_comes_from_the_2020_anchor(params: pd.DataFrame):
    """The calibration is computed, not copied: moving the 2020 anchor moves 2022."""
    moved = params.copy()
    moved.loc[moved["id"] == "core_va_2020", ["low", "central", "high"]] = 9_000.0
    before = _year_value(project_central(baseline(), params), "core_va", 2022)
    after = _year_value(project_central(baseline(), moved), "core_va", 2022)
    assert after == pytest.approx(before * 9_000.0 / 8_446.0)


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
    paths = model._simulate(baseline(), model._central_parameters(table), np.array([2022, 2023]))
    paths[code] = values
    with pytest.raises(ValueError, match=message):
        model._check_paths(paths)


# ------------------------------------------------------------------------------------------------
# Levers: validation, parsing untrusted input, canonical form
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("dc_racks", -1),
        ("dc_racks", 120_001),
        ("dc_racks", 1.5),
        ("dc_pue", float("nan")),
        ("dc_pue", float("inf")),
        ("dc_pue", 1.0),
        ("dc_util_gate", -5.0),
        ("xc_share", 100.5),
        ("talent_subsidy", "30000"),
        ("talent_quota", True),
        ("horizon", 2024),
        ("horizon", 2036),
    ],
)
def test_levers_reject_invalid_values(field: str, value):
    with pytest.raises(ValueError, match=field):
        _with(baseline(), **{field: value})


def test_levers_coerce_numeric_types():
    levers = _with(baseline(), dc_racks=np.int64(5_000), dc_pue=np.float32(1.3), horizon=2031.0)
    assert type(levers.dc_racks) is int and type(levers.horizon) is int and type(levers.dc_pue) is float


PARSE_CASES = [
    # (field, raw value, expected value or "base", reported as changed)
    ("dc_pue", "", "base", True),
    ("dc_pue", "nan", "base", True),
    ("dc_pue", "inf", "base", True),
    ("dc_pue", "-inf", "base", True),
    ("dc_pue", "1e309", "base", True),
    ("dc_pue", "-5", 1.10, True),
    ("dc_pue", "1.3", 1.3, False),
    ("dc_pue", " 1.3 ", 1.3, False),
    ("dc_pue", "1.234", 1.23, True),
    ("dc_racks", "1e300", 120_000, True),
    ("dc_racks", "-1", 0, True),
    ("dc_racks", "7000", 7_000, False),
    ("dc_racks", "７０００", 7_000, False),
    ("dc_racks", "١٢٠٠٠", 12_000, False),
    ("xc_share", "42", 40.0, True),
    ("xc_share", ["55"], 55.0, False),
    ("xc_share", 55, 55.0, False),
    ("xc_share", True, "base", True),
    ("xc_share", None, "base", True),
    ("xc_share", {"a": 1}, "base", True),
    ("horizon", "2030.0", 2030, False),
    ("horizon", "abc", "base", True),
    ("horizon", "3000", 2035, True),
    ("talent_quota", "9" * 400, "base", True),
    ("talent_subsidy", "30000; DROP TABLE", "base", True),
    ("dc_util_gate", "0", 0.0, False),
]


@pytest.mark.parametrize(("field", "raw", "expected", "is_changed"), PARSE_CASES)
def test_from_mapping_handles_hostile_values(field: str, raw, expected, is_changed: bool):
    base = PRESETS["talent_push"]
    levers, changed = Levers.from_mapping({field: raw}, base=base)
    value = getattr(levers, field)
    assert value == (getattr(base, field) if expected == "base" else pytest.approx(expected))
    assert changed == ([field] if is_changed else [])
    for other in FIELDS:
        if other != field:
            assert getattr(levers, other) == getattr(base, other)


def test_from_mapping_defaults_to_the_baseline():
    assert Levers.from_mapping({}) == (baseline(), [])
    assert Levers.from_mapping({"not_a_lever": "1"}) == (baseline(), [])


@HYPOTHESIS
@given(
    raw=st.dictionaries(
        st.one_of(st.sampled_from(FIELDS), st.text(max_size=12)),
        st.one_of(
            st.text(),
            st.floats(allow_nan=True, allow_infinity=True),
            st.integers(-(10**400), 10**400),
            st.none(),
            st.booleans(),
            st.lists(st.text(max_size=8), max_size=2),
        ),
        max_size=10,
    )
)
def test_from_mapping_never_fails_on_hostile_input(raw):
    levers, changed = Levers.from_mapping(raw)
    assert isinstance(levers, Levers)
    assert set(changed) <= set(raw) & set(FIELDS)
    assert len(changed) == len(set(changed))
    for field in FIELDS:
        low, high, _ = Levers.BOUNDS[field]
        value = getattr(levers, field)
        assert low <= value <= high and math.isfinite(value)
        if field not in raw:
            assert value == getattr(baseline(), field)


@pytest.mark.parametrize("code", sorted(PRESETS))
def test_query_form_round_trips(code: str):
    levers = PRESETS[code]
    query = levers.to_query()
    assert set(query) == set(FIELDS) and all(isinstance(value, str) for value in query.values())
    assert Levers.from_mapping(query, base=baseline()) == (levers, [])


@HYPOTHESIS
@given(
    racks=st.integers(0, 120),
    pue=st.integers(110, 150),
    gate=st.integers(0, 19),
    share=st.integers(0, 20),
    subsidy=st.integers(0, 30),
    quota=st.integers(0, 50),
    horizon=st.integers(2025, 2035),
)
def test_query_form_round_trips_on_the_slider_grid(racks, pue, gate, share, subsidy, quota, horizon):
    levers = Levers(racks * 1_000, pue / 100, gate * 5.0, share * 5.0, subsidy * 5_000.0, quota * 1_000, horizon)
    assert Levers.from_mapping(levers.to_query(), base=PRESETS["no_new_capacity"]) == (levers, [])


# ------------------------------------------------------------------------------------------------
# Tornado
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("indicator", "year"), [("core_va", 2030), ("dc_power_gwh", 2026), ("fiscal_cost_cum", 2030)])
def test_tornado_covers_every_parameter_sorted_by_swing(params: pd.DataFrame, indicator: str, year: int):
    levers = PRESETS["aggressive_buildout"]
    frame = tornado(levers, params, indicator, year)
    assert list(frame.columns) == ["parameter", "low_value", "high_value", "central_value", "swing"]
    assert set(frame["parameter"]) == used_parameters() and frame["parameter"].is_unique
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
# Peers
# ------------------------------------------------------------------------------------------------


def test_crossing_year_on_small_series():
    years = [2022, 2023, 2024, 2025]
    assert crossing_year(pd.Series([1.0, 2.0, 3.0, 4.0], years), pd.Series([2.5, 2.5, 2.5, 2.5], years)) == 2024
    assert crossing_year(pd.Series([3.0, 3.0], [2022, 2023]), pd.Series([3.0, 9.0], [2022, 2023])) == 2022
    assert crossing_year(pd.Series([1.0, 1.0], [2022, 2023]), pd.Series([2.0, 2.0], [2022, 2023])) is None
    # Only common years count; unsorted input and gaps are fine; NaN years are skipped.
    shenzhen = pd.Series([5.0, 1.0, np.nan, 9.0], [2030, 2022, 2026, 2028])
    peer = pd.Series([4.0, 3.0, 3.0], [2026, 2028, 2030])
    assert crossing_year(shenzhen, peer) == 2028
    assert crossing_year(pd.Series([1.0], [2022]), pd.Series([0.0], [2023])) is None
    assert isinstance(crossing_year(pd.Series([2.0], [np.int64(2024)]), pd.Series([1.0], [2024])), int)


def _peers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "city": ["beijing", "beijing", "beijing", "beijing", "shanghai", "shenzhen"],
            "year": [2021, 2022, 2022, 2025, 2023, 2022],
            "indicator": ["gdp", "gdp", "core_va_share", "gdp", "gdp", "core_va"],
            "value": [40_269.6, 41_610.9, 24.0, 50_000.0, 47_200.0, np.nan],
            "comparability_group": ["gdp", "gdp", "core", "gdp", "gdp", "core"],
            "status": ["observed", "observed", "observed", "target", "observed", "observed"],
        }
    )


def test_peer_paths_extrapolate_with_labelled_growth():
    growth = {"beijing_gdp_growth": 4.0, "beijing_core_va_growth": 8.0}
    out = peer_paths(_peers(), 2026, growth)
    assert list(out.columns) == ["year", "city", "indicator", "comparability_group", "value", "basis"]
    beijing = out[(out["city"] == "beijing") & (out["indicator"] == "gdp")]
    observed = beijing[beijing["basis"] == "observed"]
    assert observed["year"].tolist() == [2021, 2022]
    extrapolated = beijing[beijing["basis"].str.startswith("extrapolated")]
    assert extrapolated["year"].tolist() == [2023, 2024, 2025, 2026]
    assert extrapolated["value"].tolist() == pytest.approx([41_610.9 * 1.04**n for n in range(1, 5)])
    assert set(extrapolated["basis"]) == {"extrapolated at 4.0 %/yr (beijing_gdp_growth)"}
    assert beijing.loc[beijing["basis"] == "target", "year"].tolist() == [2025]
    # A share is never extrapolated from its numerator's growth: it stays observed only.
    assert out.loc[out["indicator"] == "core_va_share", "basis"].tolist() == ["observed"]
    # No growth row for Shanghai: observed only. Shenzhen's NaN row is dropped.
    assert out.loc[out["city"] == "shanghai", "basis"].tolist() == ["observed"]
    assert out[out["city"] == "shenzhen"].empty


def test_peer_paths_without_growth_only_pass_rows_through_up_to_the_horizon():
    out = peer_paths(_peers(), 2024)
    assert set(out["basis"]) == {"observed"}
    assert out["year"].max() <= 2024


def test_peer_paths_reject_bad_input():
    with pytest.raises(ValueError, match="missing columns"):
        peer_paths(_peers().drop(columns="status"), 2030)
    with pytest.raises(ValueError, match="beijing_gdp_growth"):
        peer_paths(_peers(), 2030, {"beijing_gdp_growth": float("nan")})


def test_peer_growth_reads_the_peer_rows(params: pd.DataFrame):
    growth = model.peer_growth(params)
    assert set(growth) == {pid for pid in params["id"] if pid.split("_")[0] in ("beijing", "shanghai")}
    central = params.set_index("id")["central"]
    assert all(growth[pid] == central[pid] for pid in growth)


def test_peer_growth_ids_name_benchmark_indicators(params: pd.DataFrame):
    """`<city>_<indicator>_growth` must name an indicator code the benchmarks use, or it is never applied."""
    path = ROOT / "data" / "indicators.csv"
    if not path.is_file():
        pytest.skip("data/indicators.csv is not built yet")
    codes = set(pd.read_csv(path)["code"])
    for pid in model.peer_growth(params):
        indicator = pid.split("_", 1)[1].removesuffix("_growth")
        assert indicator in codes, pid
