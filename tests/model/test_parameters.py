"""Tests of the parameter sheet (src/explorer/model/parameters.py) and data/parameters.csv."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from explorer import ROOT, model
from explorer.data.build import BuildError, build
from explorer.model import parameter_table, used_parameters
from explorer.model.parameters import draw_parameters, normal_cdf

PARAMS_PATH = ROOT / "data" / "parameters.csv"
PAPER_PATH = ROOT / "data" / "paper" / "shenzhen-digital-economy-2024.zh.txt"
PAPER_URL = "data/paper/shenzhen-digital-economy-2024.zh.txt"


@pytest.fixture(scope="module")
def params() -> pd.DataFrame:
    return pd.read_csv(PARAMS_PATH)


def _strip(text: str) -> str:
    return "".join(text.split())


def test_every_paper_quote_is_in_the_paper(params: pd.DataFrame):
    """A row citing the paper quotes it verbatim (the sheet's other rules are checks of parameters.meta.toml)."""
    paper = _strip(PAPER_PATH.read_text(encoding="utf-8"))
    cited = params[params["source_url"] == PAPER_URL]
    assert not cited.empty
    missing = [row.id for row in cited.itertuples() if _strip(row.source_quote) not in paper]
    assert missing == []


def test_every_parameter_is_used_and_every_used_parameter_exists(params: pd.DataFrame):
    ids = set(params["id"])
    assert used_parameters(params) - ids == set(), "the model reads parameters missing from the CSV"
    assert ids - used_parameters(params) == set(), "the CSV has parameters the model never reads"


def test_a_row_no_code_reads_is_not_used(params: pd.DataFrame):
    """used_parameters records what the model reads as it runs, so a row nothing reads is caught."""
    extra = pd.concat([params, params[params["id"] == "talent_gap"].assign(id="talent_gap_spare")])
    assert "talent_gap_spare" not in used_parameters(extra)
    assert "talent_gap" in used_parameters(extra)


def test_a_parameter_the_model_reads_but_the_sheet_lacks_is_named(params: pd.DataFrame):
    with pytest.raises(ValueError, match="the model reads 'talent_gap'"):
        model.project(model.baseline(), params[params["id"] != "talent_gap"], draws=10)


def test_parameter_table_returns_the_csv_ranges(params: pd.DataFrame):
    table = parameter_table(params)
    assert set(table) == set(params["id"])
    for row in params.itertuples(index=False):
        assert table[row.id] == (row.low, row.central, row.high)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"central": float("nan")}, "talent_gap: low/central/high must be finite"),
        ({"id": "gdp_2022"}, "gdp_2022: duplicate id"),
    ],
)
def test_parameter_table_refuses_what_the_model_cannot_run(params: pd.DataFrame, changes: dict, message: str):
    broken = params.copy()
    index = broken.index[broken["id"] == "talent_gap"][0]
    for column, value in changes.items():
        broken.loc[index, column] = value
    with pytest.raises(ValueError, match=message):
        parameter_table(broken)


@pytest.mark.parametrize(
    ("pid", "changes", "message"),
    [
        ("dc_pue_existing", {"low": "2.0"}, "needs low <= central <= high, got 2 / 1.55 / 1.77"),
        ("talent_gap", {"central": "inf"}, "low/central/high must be finite"),
        ("dc_load_factor", {"source_title": "a blog"}, "an assumption carries no source fields"),
        ("core_va_2022", {"source_quote": ""}, "a secondary row needs source title, URL and quote"),
        ("gdp_growth", {"source_url": "ftp://example.org"}, "source_url 'ftp://example.org' is neither a web address"),
        ("xc_it_share", {"grade": "rumour"}, "unknown grade 'rumour'"),
        ("dc_racks_2022", {"low": "-5"}, r"values must lie in the domain \[1e-12, none\]"),
        ("xc_share_2022", {"high": "120"}, r"values must lie in the domain \[0, 100\]"),
        ("talent_retention", {"rationale_zh": ""}, r"a rationale needs its Chinese text \(rationale_zh\)"),
        ("gdp_2022", {"rationale": ""}, r"a rationale needs its Chinese text \(rationale_zh\)"),
        ("talent_pool", {"rationale": "two\nlines"}, "a rationale is one line"),
        ("talent_pool", {"symbol": ""}, "no symbol"),
        ("talent_pool", {"unit": "people_ish"}, "unknown unit 'people_ish'"),
    ],
)
def test_the_build_refuses_a_broken_parameter_row_naming_its_line(
    data_copy: Path, tmp_path: Path, pid: str, changes: dict, message: str
):
    """The rules are data/parameters.meta.toml's checks: the build on a broken copy names the file, line and rule."""
    path = data_copy / "parameters.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    index = int((frame["id"] == pid).idxmax())
    for column, value in changes.items():
        frame.loc[index, column] = value
    frame.to_csv(path, index=False)
    with pytest.raises(BuildError, match=rf"^parameters.csv, line {index + 2}: {message}"):
        build(tmp_path / "out.duckdb", data_copy)


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
