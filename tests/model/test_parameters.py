"""Tests of the parameter sheet (src/explorer/model/parameters.py) and data/parameters.csv."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from explorer import ROOT, model
from explorer.model import baseline, parameter_table, parameters, simulation, used_parameters
from explorer.model.parameters import draw_parameters, normal_cdf

PARAMS_PATH = ROOT / "data" / "parameters.csv"
PAPER_PATH = ROOT / "data" / "paper" / "shenzhen-digital-economy-2024.zh.txt"
PAPER_URL = "data/paper/shenzhen-digital-economy-2024.zh.txt"


@pytest.fixture(scope="module")
def params() -> pd.DataFrame:
    return pd.read_csv(PARAMS_PATH)


def _strip(text: str) -> str:
    return "".join(text.split())


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
        rationale, rationale_zh = text(row.get("rationale")), text(row.get("rationale_zh"))
        for column, value in (("rationale", rationale), ("rationale_zh", rationale_zh)):
            if "\n" in value:
                problems.append(f"{pid}: {column} must be one line")
        if bool(rationale) != bool(rationale_zh):
            problems.append(f"{pid}: a rationale needs a rationale_zh and vice versa")
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


class Recording(Mapping):
    """A read-only mapping that records every key looked up (iterating over it reads nothing)."""

    def __init__(self, values: Mapping) -> None:
        self._values = values
        self.read: set[str] = set()

    def __getitem__(self, key: str):
        self.read.add(key)
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def parameters_read(params: pd.DataFrame) -> set[str]:
    """Return every parameter id the model looks up: the simulation and the copula (the warnings read none)."""
    table = {row.id: (float(row.low), float(row.central), float(row.high)) for row in params.itertuples()}
    read: set[str] = set()
    paper = baseline()
    moved = replace(paper, dc_racks=120_000, dc_pue=1.10, dc_util_gate=0.0, xc_share=100.0,
                    talent_subsidy=150_000.0, talent_quota=50_000, horizon=2035)  # fmt: skip
    years = np.arange(simulation.BASE_YEAR, moved.horizon + 1)
    for levers in (paper, moved, *model.PRESETS.values()):
        # Every parameter at three values (low, central, high) per row, so no branch hides behind one value.
        p = Recording({pid: np.array(values) for pid, values in table.items()})
        with contextlib.suppress(KeyError):  # a missing key is recorded before its lookup fails: reported below
            simulation._simulate(levers, p, years, np.zeros((3, years.shape[0] - 1)))
        read |= p.read
    copula = Recording(table)
    with contextlib.suppress(KeyError):
        parameters._uniforms(np.random.default_rng(0), 4, copula)
    read |= copula.read
    return read


def test_every_parameter_is_read_and_every_parameter_read_exists(params: pd.DataFrame):
    read, ids = parameters_read(params), set(params["id"])
    assert read - ids == set(), "the model reads parameters missing from data/parameters.csv"
    assert ids - read == set(), "data/parameters.csv has parameters the model never reads"
    assert used_parameters() == ids  # the declared domains (model/parameters.py) cover exactly the sheet


def test_the_read_check_sees_an_unused_row_and_a_missing_one(params: pd.DataFrame):
    extra = params[params["id"] == "talent_gap"].assign(id="unused_elasticity")
    with_extra = pd.concat([params, extra], ignore_index=True)
    assert set(with_extra["id"]) - parameters_read(with_extra) == {"unused_elasticity"}
    without = params[params["id"] != "dc_va_ratio"]
    assert parameters_read(without) - set(without["id"]) == {"dc_va_ratio"}


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
        ("xc_share_2022", {"high": 120.0}, "values must lie"),
        ("talent_retention", {"rationale_zh": None}, "rationale_zh"),
        ("gdp_2022", {"rationale": ""}, "rationale_zh"),
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
# Correlated draws (Gaussian copula over triangular marginals)
# ------------------------------------------------------------------------------------------------


def _ranks(values: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(values)).astype(float)


def test_rack_demand_growth_moves_with_gdp_growth(params: pd.DataFrame):
    """Spearman rank correlation of the two draws is positive and near 6/π·asin(ρ/2) at the central ρ."""
    table = parameter_table(params)
    sampled = draw_parameters(table, 20_000, 11)
    spearman = np.corrcoef(_ranks(sampled["gdp_growth"]), _ranks(sampled["dc_demand_growth"]))[0, 1]
    rho = table["dc_demand_gdp_corr"][1]
    assert spearman == pytest.approx(6 / np.pi * np.arcsin(rho / 2), abs=0.05)
    independent = np.corrcoef(_ranks(sampled["gdp_growth"]), _ranks(sampled["talent_pool"]))[0, 1]
    assert abs(independent) < 0.03


@pytest.mark.parametrize("pid", ["gdp_growth", "dc_demand_growth", "talent_pool"])
def test_the_copula_keeps_the_triangular_marginals(params: pd.DataFrame, pid: str):
    """Mean (low + mode + high) / 3 and every draw inside [low, high], correlated or not."""
    table = parameter_table(params)
    low, mode, high = table[pid]
    values = draw_parameters(table, 20_000, 12)[pid]
    assert values.min() >= low and values.max() <= high
    assert values.mean() == pytest.approx((low + mode + high) / 3, abs=0.02 * (high - low))


def test_normal_cdf_matches_the_error_function():
    z = np.linspace(-6, 6, 241)
    expected = np.array([0.5 * (1 + math.erf(x / math.sqrt(2))) for x in z])
    np.testing.assert_allclose(normal_cdf(z), expected, atol=2e-7)
