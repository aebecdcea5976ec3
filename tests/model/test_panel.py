"""The three-city panel: one estimator, window and vintage; correlated shocks; the gap and the levers' effect on it."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from panels import NOMINAL_GROWTHS, unbalanced_real
from panels import series as _series
from panels import synthetic as _synthetic

from explorer.core import vocab
from explorer.data import gateway as db
from explorer.model import panel

YEARS = list(range(2016, 2024))


def test_a_two_city_panel_matches_the_hand_computation():
    """Two cities, three growths: μ, d, σ_u and σ_z by hand from the equations in the module docstring."""
    a = _series(100.0, [0.10, 0.02, 0.06])
    b = _series(200.0, [0.08, 0.02, 0.02])
    fit = panel.fit({"a": (*a, []), "b": (*b, [])})
    m_a, m_b = 0.06, 0.04
    assert fit.common_drift == pytest.approx(0.05)
    assert fit.cities["a"].differential == pytest.approx(0.01)
    assert fit.cities["b"].differential == pytest.approx(-0.01)
    # residuals a: .04 −.04 0; b: .04 −.02 −.02; common: .04 −.03 −.01; own a: 0 −.01 .01
    own = [0.0, -0.01, 0.01, 0.0, 0.01, -0.01]
    city_var = sum(x * x for x in own) / ((2 - 1) * (3 - 1))
    common_var = (0.04**2 + 0.03**2 + 0.01**2) / 2 - city_var / 2
    assert fit.city_sd == pytest.approx(math.sqrt(city_var))
    assert fit.common_sd == pytest.approx(math.sqrt(common_var))
    assert fit.correlation == pytest.approx(common_var / (common_var + city_var))
    assert (m_a, m_b) == pytest.approx((fit.cities["a"].drift, fit.cities["b"].drift))


def test_every_city_goes_through_the_same_estimator_window_and_vintage():
    con = db.connect()
    try:
        fit = panel.fit_rows(db.benchmarks(con))
    finally:
        con.close()
    assert set(fit.cities) == set(vocab.CITIES)
    settings = {(city.estimator, city.window, city.group) for city in fit.cities.values()}
    assert len(settings) == 1
    assert len(fit.window) >= 2


def test_the_window_is_the_years_every_city_has_a_comparable_growth():
    data = _synthetic()
    years, levels, _ = data["b"]
    data["b"] = (years[1:], levels[1:], [2020])  # b starts a year later and has a break into 2020
    fit = panel.fit(data, outlier=None)
    assert fit.window == (2018, 2019, 2021, 2022, 2023)
    assert all(city.window == fit.window for city in fit.cities.values())


def test_with_real_growth_the_differentials_come_from_it():
    """Real growths a: 5, 7, 6 %; b: 3, 3, 3 %: d_a = −d_b = half the mean log gap; σ_u from their residuals."""
    data = _synthetic()
    real = {
        "a": {2021: 5.0, 2022: 7.0, 2023: 6.0},
        "b": {2020: 1.0, 2021: 3.0, 2022: 3.0, 2023: 3.0},
        "c": {2021: 4.0, 2022: 5.0, 2023: 4.5},
    }
    fit = panel.fit(data, real=real, outlier=None)
    table = pd.DataFrame({city: [math.log1p(real[city][y] / 100) for y in (2021, 2022, 2023)] for city in real})
    means = table.mean()
    assert fit.cities["a"].differential == pytest.approx(means["a"] - means.mean())
    common = (table - means).mean(axis=1)
    own = (table - means).sub(common, axis=0)
    city_var = (own**2).to_numpy().sum() / (2 * 2)
    assert fit.city_sd == pytest.approx(math.sqrt(city_var))
    assert fit.city_drift_sd == pytest.approx(fit.city_sd / math.sqrt(3))
    # the common shock is sized on the real growths too: their common part's variance less σ_u²/C
    assert fit.common_sd == pytest.approx(math.sqrt(max(0.0, (common**2).sum() / 2 - city_var / 3)))
    assert (fit.common_freedom, fit.city_freedom) == (2, 4)
    nominal = panel.fit(data, outlier=None)
    assert fit.common_drift == pytest.approx(nominal.common_drift)
    assert fit.cities["a"].drift == pytest.approx(fit.common_drift + fit.cities["a"].differential)


def test_every_growth_across_a_flagged_break_is_dropped():
    """A level revision before a flagged year (every level before it ×1.2) changes nothing in the fit."""
    data = _synthetic()
    years, levels, _ = data["a"]
    revised = [level * (1.2 if year < 2019 else 1.0) for year, level in zip(years, levels, strict=True)]
    flagged = {**data, "a": (years, levels, [2019])}
    fit = panel.fit(flagged)
    again = panel.fit({**data, "a": (years, revised, [2019])})
    assert 2019 not in fit.window
    assert (2018, 2019) in fit.cities["a"].dropped
    assert again.common_drift == pytest.approx(fit.common_drift)
    assert again.city_sd == pytest.approx(fit.city_sd)
    assert again.cities["a"].drift == pytest.approx(fit.cities["a"].drift)
    unflagged = panel.fit({**data, "a": (years, revised, [])})
    assert unflagged.cities["a"].drift != pytest.approx(fit.cities["a"].drift)


def test_a_gap_of_more_than_a_year_is_not_a_growth():
    growths, dropped = panel.yearly_growths([2015, 2016, 2018], [1.0, 2.0, 4.0], [])
    assert growths == {2016: pytest.approx(math.log(2.0))}
    assert dropped == ((2016, 2018),)


def test_the_projection_starts_at_the_observation_and_moves_from_the_first_unobserved_year():
    data = _synthetic()
    years, levels, _ = data["c"]
    data["c"] = (years[:-1], levels[:-1], [])  # c's last observation is a year earlier
    fit = panel.fit(data)
    drawn = panel.paths(fit, range(2022, 2031), draws=200, seed=1)
    assert (drawn["a"][:, 1] == data["a"][1][-1]).all()  # 2023 is a's anchor
    assert np.isnan(drawn["a"][:, 0]).all()  # earlier years are not drawn
    assert (drawn["c"][:, 0] == data["c"][1][-1]).all()  # 2022 is c's anchor
    assert np.unique(drawn["c"][:, 1]).size == 200  # c's 2023 is drawn


def test_swapping_two_cities_roles_is_symmetric():
    data = _synthetic()
    fit = panel.fit(data)
    swapped = panel.fit({"a": data["b"], "b": data["a"], "c": data["c"]})
    assert swapped.cities["a"].differential == pytest.approx(fit.cities["b"].differential)
    assert swapped.cities["b"].differential == pytest.approx(fit.cities["a"].differential)
    assert (swapped.common_sd, swapped.city_sd) == pytest.approx((fit.common_sd, fit.city_sd))
    one = panel.paths(fit, range(2023, 2031), draws=20_000, seed=3)
    two = panel.paths(swapped, range(2023, 2031), draws=20_000, seed=3)
    assert (one["a"][:, -1] >= one["b"][:, -1]).mean() == pytest.approx(
        (two["b"][:, -1] >= two["a"][:, -1]).mean(), abs=0.02
    )
    assert np.median(one["a"][:, -1]) == pytest.approx(np.median(two["b"][:, -1]), rel=0.01)


def _posterior_mean_factor(freedom: int) -> float:
    """E[ν/χ²_ν] = ν/(ν − 2): the mean of a drawn σ² over its estimate (scaled inverse chi-square)."""
    return freedom / (freedom - 2)


def test_simulated_yearly_shocks_correlate_across_cities_as_estimated():
    """Over draws (each with its own σ_z, σ_u), two cities' shocks correlate at E[σ_z²]/(E[σ_z²] + E[σ_u²])."""
    fit = panel.fit(_synthetic(), outlier=None)
    drawn = panel.paths(fit, range(2023, 2031), draws=100_000, seed=5)
    # the difference of two years' steps of one draw removes its drift: what is left are the shocks
    steps = {city: np.diff(np.diff(np.log(values), axis=1)[:, [3, 5]], axis=1)[:, 0] for city, values in drawn.items()}
    simulated = np.corrcoef(steps["a"], steps["b"])[0, 1]
    common = fit.common_sd**2 * _posterior_mean_factor(7 - 1)
    own = fit.city_sd**2 * _posterior_mean_factor((3 - 1) * (7 - 1))
    assert simulated == pytest.approx(common / (common + own), abs=0.03)
    assert 0.0 < fit.correlation < 1.0


def test_on_the_committed_data_simulated_shocks_correlate_near_the_estimate():
    """The page's panel: the simulated correlation of two cities' yearly shocks is near its estimate ρ (the drawn
    shock sizes move it only by the ratio of their posterior means) and near the observed 0.9-odd."""
    con = db.connect()
    try:
        fit = panel.fit_rows(db.benchmarks(con))
    finally:
        con.close()
    drawn = panel.paths(fit, range(2024, 2031), draws=100_000, seed=5)
    steps = {city: np.diff(np.diff(np.log(values), axis=1)[:, [2, 5]], axis=1)[:, 0] for city, values in drawn.items()}
    simulated = np.corrcoef(steps["shenzhen"], steps["beijing"])[0, 1]
    assert simulated == pytest.approx(fit.correlation, abs=0.05)
    assert simulated > 0.8


def test_the_pandemic_dip_and_rebound_are_one_step_not_two_shocks():
    """Deepening the 2020 fall (every city's 2020 level × 0.9, the 2021 level unchanged) leaves the fit unchanged."""
    data = _synthetic()
    dipped = {
        city: (years, [level * (0.9 if year == 2020 else 1.0) for year, level in zip(years, levels, strict=True)], b)
        for city, (years, levels, b) in data.items()
    }
    fit, again = panel.fit(data), panel.fit(dipped)
    assert (again.common_drift, again.common_sd, again.city_sd) == pytest.approx(
        (fit.common_drift, fit.common_sd, fit.city_sd)
    )
    assert fit.window == (2017, 2018, 2019, 2021, 2022, 2023) and fit.spans.loc[2021] == 2
    assert fit.window_start == 2016
    plain = panel.fit(dipped, outlier=None)
    assert plain.common_sd > 2 * fit.common_sd  # read as two independent shocks, the dip inflates the shock size


def test_the_pandemic_pair_by_hand():
    """Two cities, steps 2019, 2019→2021 (span 2), 2022: means Σg ÷ Σk, residuals divided by their span."""
    g = {"a": [0.06, -0.02, 0.14, 0.08], "b": [0.03, -0.04, 0.10, 0.07]}  # log growths 2019..2022
    data = {city: (*_series(100.0, values, first=2018), []) for city, values in g.items()}
    fit = panel.fit(data)
    steps = {city: [v[0], v[1] + v[2], v[3]] for city, v in g.items()}
    span = [1, 2, 1]
    means = {city: sum(values) / 4 for city, values in steps.items()}
    residual = {city: [x - k * means[city] for x, k in zip(steps[city], span, strict=True)] for city in steps}
    common = [(residual["a"][i] + residual["b"][i]) / 2 for i in range(3)]
    own = [residual[city][i] - common[i] for city in steps for i in range(3)]
    city_var = sum(x * x / span[i % 3] for i, x in enumerate(own)) / ((2 - 1) * (3 - 1))
    common_var = sum(c * c / k for c, k in zip(common, span, strict=True)) / 2 - city_var / 2
    assert common_var > 0
    assert fit.common_drift == pytest.approx((means["a"] + means["b"]) / 2)
    assert fit.cities["a"].differential == pytest.approx((means["a"] - means["b"]) / 2)
    assert fit.city_sd == pytest.approx(math.sqrt(city_var))
    assert fit.common_sd == pytest.approx(math.sqrt(common_var))
    assert fit.common_drift_sd == pytest.approx(math.sqrt(common_var / 4))  # four years spanned


def test_a_lone_half_of_the_pandemic_pair_is_left_out():
    data = _synthetic()
    years, levels, _ = data["a"]
    data["a"] = (years, levels, [2021])  # a revision into 2021: a's 2020 fall has no rebound to pair with
    fit = panel.fit(data)
    assert (2019, 2020) in fit.cities["a"].dropped and (2020, 2021) in fit.cities["a"].dropped
    assert 2020 not in fit.window and 2021 not in fit.window


def test_drawn_shock_sizes_follow_their_posterior():
    """σ² ÷ s² = ν ÷ χ²_ν: its reciprocal has mean 1 and variance 2/ν; with ν = 0 the size is not drawn."""
    fit = panel.fit(_synthetic(), outlier=None)
    common, own = panel.shock_scales(fit, draws=200_000, seed=3)
    for scale, freedom in ((common, 6), (own, 12)):
        inverse = 1.0 / scale**2
        assert inverse.mean() == pytest.approx(1.0, abs=0.01)
        assert inverse.var() == pytest.approx(2.0 / freedom, rel=0.05)
    fixed = dataclasses.replace(fit, common_freedom=0, city_freedom=0)
    assert all((scale == 1.0).all() for scale in panel.shock_scales(fixed, draws=10, seed=3))


def test_the_spread_of_the_log_gap_is_the_panels_not_the_sum_of_independent_spreads():
    """sd of log(a/b) n years ahead = σ_u·√(2n + 2n²/T), σ_u² at its posterior mean (the common parts cancel)."""
    fit = panel.fit(_synthetic(), outlier=None)
    drawn = panel.paths(fit, range(2023, 2031), draws=40_000, seed=7)
    n, window = 7, len(fit.window)  # no real growths: the differentials' window is the nominal one
    gap = np.log(drawn["a"][:, -1] / drawn["b"][:, -1])
    expected = fit.city_sd * math.sqrt(_posterior_mean_factor(2 * 6) * (2 * n + 2 * n * n / window))
    assert gap.std() == pytest.approx(expected, rel=0.03)
    independent = math.hypot(np.log(drawn["a"][:, -1]).std(), np.log(drawn["b"][:, -1]).std())
    assert gap.std() < 0.8 * independent


def test_a_replaced_drift_is_that_citys_growth():
    fit = panel.fit(_synthetic())
    drawn = panel.paths(fit, range(2023, 2031), draws=20_000, seed=9, drift={"a": np.full(20_000, 0.03)})
    mean_step = np.diff(np.log(drawn["a"]), axis=1).mean()
    assert mean_step == pytest.approx(0.03, abs=0.002)


@pytest.mark.parametrize(
    "bad", [{"a": _synthetic()["a"]}, {"a": ([2020, 2021], [1.0, 1.1], []), "b": ([2020, 2021], [1.0, 1.2], [])}]
)
def test_too_little_data_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="panel"):
        panel.fit(bad)


def test_draws_are_checked():
    with pytest.raises(ValueError, match="draws"):
        panel.paths(panel.fit(_synthetic()), [2024], draws=0)


def test_rows_with_bounds_and_other_groups_are_not_levels():
    rows = pd.DataFrame(
        [
            {
                "city": city,
                "year": year,
                "indicator": "gdp",
                "value": value * (1 + 0.1 * i),
                "qualifier": "exact",
                "comparability_group": "gdp_stats",
                "status": "observed",
                "break_before": False,
            }
            for i, city in enumerate(vocab.CITIES)
            for year, value in zip(YEARS, np.exp(np.linspace(0, 0.4, len(YEARS))) * 100, strict=True)
        ]
        + [
            {
                "city": "shenzhen",
                "year": 2024,
                "indicator": "gdp",
                "value": 999.0,
                "qualifier": "more_than",
                "comparability_group": "gdp_stats",
                "status": "observed",
                "break_before": False,
            }
        ]
    )
    fit = panel.fit_rows(rows)
    assert fit.cities["shenzhen"].anchor_year == 2023


def test_with_real_differentials_the_gap_spread_uses_their_window():
    """Differentials from 6 real-growth years: sd of log(a/b) n years ahead = σ_u·√(2n + 2n²/6) at E[σ_u²]."""
    real = {
        "a": {2018: 6.0, 2019: 5.0, 2020: 6.5, 2021: 5.0, 2022: 7.5, 2023: 6.0},
        "b": {2018: 4.5, 2019: 4.0, 2020: 3.0, 2021: 3.5, 2022: 3.0, 2023: 4.0},
        "c": {2018: 5.5, 2019: 4.5, 2020: 4.0, 2021: 4.0, 2022: 5.0, 2023: 4.5},
    }
    fit = panel.fit(_synthetic(), real=real, outlier=None)
    drawn = panel.paths(fit, range(2023, 2031), draws=40_000, seed=11)
    gap = np.log(drawn["a"][:, -1] / drawn["b"][:, -1])
    n = 7
    expected = fit.city_sd * math.sqrt(_posterior_mean_factor(2 * 5) * (2 * n + 2 * n * n / 6))
    assert gap.std() == pytest.approx(expected, rel=0.04)


def test_shocks_name_a_city_the_panel_lacks():
    with pytest.raises(ValueError, match="city"):
        panel.shocks(panel.fit(_synthetic()), "shenzhen", draws=10)


def test_fixed_effects_use_every_step_two_cities_share_and_a_lone_city_adds_nothing():
    """Two cities: g_a − g_b = (m_a − m_b) + e_a − e_b, so σ² = Σ(diff − mean)² ÷ (S − 1) ÷ 2 and d_a − d_b = the
    mean difference; diffs .03 .02 .01 → σ² = .0002 ÷ 2 ÷ 2. A third city in one step only fits it exactly."""
    values = {"a": {1: 0.05, 2: 0.07, 3: 0.03}, "b": {1: 0.02, 2: 0.05, 3: 0.02}}
    spans = {city: dict.fromkeys(steps, 1) for city, steps in values.items()}
    differentials, variance, freedom, used = panel.fixed_effects(values, spans)
    assert variance == pytest.approx(0.0002 / 2 / 2)
    assert freedom == 2
    assert used == (1, 2, 3)
    assert differentials["a"] - differentials["b"] == pytest.approx(0.02)
    values["c"] = {2: 0.09, 4: 0.01}  # step 4: c alone, left out
    spans["c"] = {2: 1, 4: 1}
    differentials, again, freedom, used = panel.fixed_effects(values, spans)
    assert (again, freedom, used) == (pytest.approx(variance), 2, (1, 2, 3))
    assert differentials["a"] - differentials["b"] == pytest.approx(0.02)


def test_with_real_growth_the_city_part_uses_every_step_two_cities_share_and_the_nominal_check_is_reported():
    """Real growth 2016-2022 for two cities, 2019-2022 for the third: d_c and σ_u come from `fixed_effects` on all of
    it (not only 2019-2022, the steps all three share); the nominal check is the same fit on the nominal steps."""
    series, real = unbalanced_real(("a", "b", "c"))
    fitted = panel.fit(series, real=real, outlier=None)
    logs = {city: {year: math.log1p(pct / 100) for year, pct in values.items()} for city, values in real.items()}
    ones = {city: dict.fromkeys(values, 1) for city, values in logs.items()}
    differentials, variance, freedom, used = panel.fixed_effects(logs, ones)
    assert used == tuple(range(2016, 2023)) == fitted.city_window
    assert freedom == 7 + 7 + 4 - 3 - 7 + 1 == fitted.city_freedom
    assert fitted.city_sd == pytest.approx(math.sqrt(variance))
    for city in real:
        assert fitted.cities[city].differential == pytest.approx(differentials[city])
    steps = (2020, 2021, 2022)  # the levels' log growths are NOMINAL_GROWTHS exactly (compounded by exp)
    nominal_logs = {city: dict(zip(steps, growths)) for city, growths in zip("abc", NOMINAL_GROWTHS)}
    _, nominal_variance, nominal_freedom, _ = panel.fixed_effects(
        nominal_logs, {city: dict.fromkeys(steps, 1) for city in "abc"}
    )
    assert fitted.nominal_city_sd == pytest.approx(math.sqrt(nominal_variance))
    assert fitted.nominal_city_freedom == nominal_freedom == 9 - 3 - 3 + 1


def test_chinas_pace_is_read_on_the_panels_own_steps_with_the_pandemic_pair_as_one():
    """China's mean over the window's steps, the pair 2019→21 as one two-year step; its latest clean year."""
    data = _synthetic()
    fit = panel.fit(data)
    levels = {2017: 100.0, 2018: 108.0, 2019: 120.0, 2020: 121.0, 2021: 136.0, 2022: 143.0, 2023: 149.0, 2024: 165.0}
    rows = [
        {"year": y, "indicator": "gdp", "value": v, "comparability_group": "gdp_stats", "break_before": y == 2024}
        for y, v in levels.items()
    ] + [
        {
            "year": y,
            "indicator": "gdp_growth",
            "value": 4.0,
            "comparability_group": "gdp_growth_stats",
            "break_before": False,
        }
        for y in levels
    ]
    pace = panel.national_pace(fit, pd.DataFrame(rows))
    steps = [year for year in fit.window if 2018 <= year <= 2023]  # China has no 2016 level
    assert pace.steps == tuple(steps)
    span = {year: int(fit.spans[year]) for year in steps}
    expected = sum(math.log(levels[y] / levels[y - span[y]]) for y in steps) / sum(span.values())
    assert pace.china == pytest.approx(expected)
    assert pace.latest_year == 2023  # 2024 crosses a flagged break
    assert pace.latest_nominal == pytest.approx(math.log(149.0 / 143.0)) and pace.latest_real == 4.0
