"""Section I value added of the three cities through the GDP panel: base figures, the share, the levers' part."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from panels import series

from explorer.features.scenarios.gaps import all_levers_max
from explorer.model import comparison, digital, panel, simulation
from explorer.model.levers import baseline

DRAWS = 400
YEARS = np.arange(2019, 2036)


def _row(city: str, year: int, indicator: str, value: float, group: str, grade: str = "official") -> dict:
    return {
        "city": city,
        "year": year,
        "indicator": indicator,
        "value": value,
        "qualifier": "exact",
        "comparability_group": group,
        "status": "observed",
        "break_before": False,
        "grade": grade,
    }


def _rows(section: list[tuple[str, int, float]]) -> pd.DataFrame:
    """GDP 2016–2024 of three made-up cities (first releases) and the given section-I rows."""
    gdp = {
        "shenzhen": series(20000.0, [0.08, 0.07, 0.09, 0.03, 0.08, 0.05, 0.06, 0.06]),
        "beijing": series(26000.0, [0.07, 0.06, 0.08, 0.02, 0.07, 0.05, 0.05, 0.05]),
        "shanghai": series(28000.0, [0.07, 0.06, 0.08, 0.01, 0.08, 0.04, 0.05, 0.05]),
    }
    rows = [
        _row(city, year, "gdp", level, panel.GROUP)
        for city, (years, levels) in gdp.items()
        for year, level in zip(years, levels, strict=True)
    ]
    rows += [_row(city, year, digital.INDICATOR, value, digital.GROUP) for city, year, value in section]
    return pd.DataFrame(rows)


def _run(rows: pd.DataFrame, params: pd.DataFrame, levers=None, years=YEARS):
    fit = panel.fit_rows(rows, real=False)
    found = digital.bases(rows)
    return digital.scenario(
        fit, found, digital.observed_gdp(rows), levers or baseline(), params, years, draws=DRAWS, seed=5
    )


def _gdp(rows: pd.DataFrame, city: str, year: int) -> float:
    pick = rows[(rows["city"] == city) & (rows["indicator"] == "gdp") & (rows["year"] == year)]
    return float(pick["value"].iloc[0])


def _at(run, values: np.ndarray, year: int) -> np.ndarray:
    return values[:, list(run.years).index(year)]


SECTION = [("shenzhen", 2022, 3000.0), ("shenzhen", 2024, 3900.0), ("beijing", 2020, 4500.0)]


def test_the_base_is_each_citys_latest_year_with_its_gdp_and_a_city_without_rows_has_none():
    rows = _rows([*SECTION, ("beijing", 2025, 9999.0)])  # 2025: no GDP of that year, so no share
    found = digital.bases(rows)
    assert found["shenzhen"].year == 2024 and found["shenzhen"].value == 3900.0
    assert found["shenzhen"].share == pytest.approx(3900.0 / _gdp(rows, "shenzhen", 2024))
    assert found["beijing"].year == 2020
    assert "shanghai" not in found


def test_the_projections_base_year_value_is_the_observation(params: pd.DataFrame):
    run = _run(_rows(SECTION), params)
    np.testing.assert_allclose(_at(run, run.base, 2024), 3900.0)
    np.testing.assert_allclose(_at(run, run.peers["beijing"], 2020), 4500.0)
    assert np.isnan(_at(run, run.peers["beijing"], 2019)).all()  # before the base: no value
    assert np.isnan(_at(run, run.base, 2023)).all()


def test_a_city_without_section_i_rows_gets_no_path():
    run = _run(_rows(SECTION), _params_with_drift(0.0))
    assert set(run.peers) == {"beijing"}
    assert (
        digital.scenario(panel.fit_rows(_rows([]), real=False), {}, {}, baseline(), _params_with_drift(0.0), YEARS)
        is None
    )


def _params_with_drift(value: float) -> pd.DataFrame:
    from explorer.data import gateway as db

    con = db.connect()
    try:
        params = db.parameters(con)
    finally:
        con.close()
    at = params["id"] == "sector_i_share_drift"
    params.loc[at, ["low", "central", "high"]] = value
    return params


def test_with_no_drift_the_share_is_held_and_a_drift_raises_an_older_base_more():
    rows = _rows(SECTION)
    held = _run(rows, _params_with_drift(0.0))
    gdp_2023 = _gdp(rows, "beijing", 2023)  # observed GDP up to the anchor
    np.testing.assert_allclose(_at(held, held.peers["beijing"], 2023), 4500.0 / _gdp(rows, "beijing", 2020) * gdp_2023)
    drifting = _run(rows, _params_with_drift(2.0))
    # one drift for the three cities: Beijing's base is four years older than Shenzhen's, so its section I is
    # raised 1.02^4 more relative to Shenzhen's in every projected year
    ratio_held = _at(held, held.peers["beijing"], 2030) / _at(held, held.base, 2030)
    ratio_drift = _at(drifting, drifting.peers["beijing"], 2030) / _at(drifting, drifting.base, 2030)
    np.testing.assert_allclose(ratio_drift / ratio_held, 1.02**4)


def test_at_the_papers_policy_shenzhens_section_i_does_not_change(params: pd.DataFrame):
    run = _run(_rows(SECTION), params)
    np.testing.assert_array_equal(np.nan_to_num(run.scenario), np.nan_to_num(run.base))


def test_the_levers_move_section_i_by_part_of_their_gdp_effect_from_the_first_unobserved_year(params: pd.DataFrame):
    levers = replace(all_levers_max(), horizon=simulation.LAST_YEAR)
    found = {"shenzhen": digital.Base("shenzhen", 2024, 4000.0, 36000.0, "official")}
    years, change, _ = simulation.sector_i_draws(levers, params, found["shenzhen"].share, 2024, draws=DRAWS, seed=5)
    _, with_levers = simulation.project_draws(levers, params, "gdp", draws=DRAWS, seed=5)
    _, paper = simulation.project_draws(
        replace(baseline(), horizon=simulation.LAST_YEAR), params, "gdp", draws=DRAWS, seed=5
    )
    gdp_change = (with_levers - paper) / paper
    later = years > simulation.BASE_YEAR
    assert (change[:, later] > 0).all()  # more racks, Xinchuang and talent: more section I value added
    assert (change <= gdp_change + 1e-12).all()  # section I is a part of core value added, hence of GDP
    run = _run(_rows(SECTION), params, levers=all_levers_max())
    assert (_at(run, run.scenario, 2024) == _at(run, run.base, 2024)).all()  # 2024 is observed
    assert (_at(run, run.scenario, 2025) > _at(run, run.base, 2025)).all()


def test_the_levers_effect_on_the_gap_is_their_effect_on_shenzhens_section_i(params: pd.DataFrame):
    rows = _rows([*SECTION, ("shanghai", 2021, 3100.0)])
    paper = _run(rows, params)
    pushed = _run(rows, params, levers=all_levers_max())
    for city in ("beijing", "shanghai"):
        np.testing.assert_array_equal(pushed.peers[city], paper.peers[city])  # the peers are untouched
    effect = np.quantile(pushed.scenario[:, -3:] - pushed.base[:, -3:], (0.1, 0.5, 0.9), axis=0)
    for table in comparison.gaps(pushed).values():
        np.testing.assert_allclose(table[["effect_p10", "effect_p50", "effect_p90"]].to_numpy()[-3:].T, effect)


def test_the_section_i_gap_shares_the_panels_correlation(params: pd.DataFrame):
    run = _run(_rows(SECTION), params)
    shenzhen, beijing = np.log(_at(run, run.base, 2030)), np.log(_at(run, run.peers["beijing"], 2030))
    independent = np.sqrt(shenzhen.var() + beijing.var())
    assert (shenzhen - beijing).std() < 0.8 * independent


def test_a_drift_for_shenzhen_moves_its_section_i_and_leaves_the_peers(params: pd.DataFrame):
    """The sheet's assumed growth as Shenzhen's GDP drift (a fixed 1 % and 20 % a year here): Shenzhen's section I
    follows its GDP after the anchor (lower at 1 %, higher at 20 % than either's), the peers do not move."""
    rows = _rows([*SECTION, ("shanghai", 2021, 3100.0)])
    fit, found, gdp = panel.fit_rows(rows, real=False), digital.bases(rows), digital.observed_gdp(rows)

    def run(rate):
        drift = None if rate is None else {"shenzhen": np.full(DRAWS, np.log1p(rate))}
        return digital.scenario(fit, found, gdp, baseline(), params, YEARS, draws=DRAWS, seed=5, drift=drift)

    slow, fast, default = run(0.01), run(0.20), run(None)
    assert (_at(slow, slow.base, 2024) == _at(fast, fast.base, 2024)).all()  # 2024 is observed
    assert np.median(_at(slow, slow.base, 2030)) < np.median(_at(default, default.base, 2030))
    assert np.median(_at(fast, fast.base, 2030)) > np.median(_at(default, default.base, 2030))
    for city in ("beijing", "shanghai"):
        np.testing.assert_array_equal(slow.peers[city], default.peers[city])
