"""Tests of the peers (src/explorer/model/peers.py): extrapolated paths, growth rows, crossing years."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from explorer import model
from explorer.model import crossing_year, peer_paths

ROOT = Path(__file__).resolve().parents[1]
PARAMS_PATH = ROOT / "data" / "parameters.csv"


@pytest.fixture(scope="module")
def params() -> pd.DataFrame:
    return pd.read_csv(PARAMS_PATH)


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
