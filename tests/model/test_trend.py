"""Tests of the trend (src/explorer/model/trend.py): fit on series with known drift, breaks, seeded paths."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer.model.trend import fit_panel, fit_trend, trend_paths


def test_a_steady_series_has_its_growth_as_drift_and_no_shock():
    fit = fit_trend([2015, 2016, 2017, 2018], [100.0, 110.0, 121.0, 133.1])
    assert fit.drift == pytest.approx(math.log(1.1))
    assert fit.growth_pct == pytest.approx(10.0)
    assert fit.shock_sd == pytest.approx(0.0, abs=1e-12)
    assert (fit.last_year, fit.last_value) == (2018, 133.1)


def test_drift_and_sds_match_the_hand_computation():
    # Log growths 0.1 and 0.2: drift 0.15; shock variance ((-0.05)² + 0.05²) / 1 = 0.005; drift sd √(0.005 / 2) = 0.05.
    fit = fit_trend([2020, 2021, 2022], [1.0, math.exp(0.1), math.exp(0.3)])
    assert fit.drift == pytest.approx(0.15)
    assert fit.shock_sd == pytest.approx(math.sqrt(0.005))
    assert fit.drift_sd == pytest.approx(0.05)


def test_a_two_year_gap_counts_as_two_years_of_drift_and_shock():
    # Growths 0.1 over 1 year and 0.4 over 2: drift 0.5 / 3; shock variance ((0.1-d)² + (0.4-2d)²/2) / 1.
    fit = fit_trend([2016, 2017, 2019], [1.0, math.exp(0.1), math.exp(0.5)])
    drift = 0.5 / 3
    assert fit.drift == pytest.approx(drift)
    assert fit.shock_sd == pytest.approx(math.sqrt((0.1 - drift) ** 2 + (0.4 - 2 * drift) ** 2 / 2))
    assert fit.drift_sd == pytest.approx(fit.shock_sd / math.sqrt(3))


def test_a_break_is_dropped_not_read_as_growth():
    years = [2020, 2021, 2022, 2023, 2024]
    values = [100.0, 105.0, 110.25, 115.7625, 140.0]  # 5 %/yr, then a census revision lifts 2024 by 15 %
    fit = fit_trend(years, values, breaks=[2024])
    assert fit.growth_pct == pytest.approx(5.0)
    assert fit.shock_sd == pytest.approx(0.0, abs=1e-12)
    assert (2023, 2024) not in fit.increments
    assert fit.last_value == 140.0  # the new level anchors the paths
    unbroken = fit_trend(years, values)
    assert unbroken.growth_pct > 8.0  # without the marker the jump would pass as growth


def test_unsorted_input_fits_the_same():
    years, values = [2022, 2020, 2021], [1.3, 1.0, 1.2]
    assert fit_trend(years, values) == fit_trend(sorted(years), [1.0, 1.2, 1.3])


@pytest.mark.parametrize(
    ("years", "values", "breaks", "match"),
    [
        ([2020, 2021], [1.0, 1.1], (), "too short"),
        ([2020, 2021, 2022], [1.0, 1.1, 1.2], (2022,), "too short"),
        ([2020, 2020, 2021], [1.0, 1.1, 1.2], (), "one value per year"),
        ([2020, 2021, 2022], [1.0, -1.1, 1.2], (), "positive"),
        ([2020, 2021, 2022], [1.0, float("nan"), 1.2], (), "positive"),
        ([2020, 2021], [1.0, 1.1, 1.2], (), "same length"),
    ],
)
def test_bad_series_are_rejected(years, values, breaks, match):
    with pytest.raises(ValueError, match=match):
        fit_trend(years, values, breaks)


def test_paths_follow_the_drift_and_its_uncertainty():
    fit = fit_trend([2020, 2021, 2022], [1.0, math.exp(0.1), math.exp(0.3)])  # drift 0.15, drift sd 0.05
    years = [2022, 2023, 2025]
    zero = trend_paths(fit, years, np.zeros(2), np.zeros((2, 3)))
    assert zero[0] == pytest.approx(math.exp(0.3) * np.exp(0.15 * np.array([0, 1, 3])))
    high = trend_paths(fit, years, np.ones(1), np.zeros((1, 3)))
    assert high[0, 2] == pytest.approx(math.exp(0.3 + 3 * 0.2))
    shock = trend_paths(fit, years, np.zeros(1), np.array([[5.0, 1.0, 1.0]]))
    sd = math.sqrt(0.005)
    # No shock in the anchor year (gap 0); a two-year gap gets √2 of the yearly sd; shocks accumulate.
    assert shock[0] == pytest.approx(zero[0] * np.exp(np.array([0.0, sd, sd + sd * math.sqrt(2)])))


def test_paths_are_reproducible_from_the_seed():
    fit = fit_trend([2019, 2020, 2021, 2022], [1.0, 1.08, 1.12, 1.25])

    def draw(seed: int) -> np.ndarray:
        rng = np.random.default_rng(seed)
        return trend_paths(fit, range(2023, 2031), rng.standard_normal(500), rng.standard_normal((500, 8)))

    assert np.array_equal(draw(7), draw(7))
    assert not np.array_equal(draw(7), draw(8))


def test_paths_reject_years_before_the_anchor_and_bad_shapes():
    fit = fit_trend([2020, 2021, 2022], [1.0, 1.1, 1.3])
    with pytest.raises(ValueError, match="from 2022"):
        trend_paths(fit, [2021, 2023], np.zeros(1), np.zeros((1, 2)))
    with pytest.raises(ValueError, match="shapes"):
        trend_paths(fit, [2023, 2024], np.zeros(3), np.zeros((3, 1)))


def test_a_panel_pools_the_shock_variance_and_keeps_each_drift():
    # a: log growths 0.1, 0.3 (drift 0.2, residuals ∓0.1); b: 0.05 then a break, then 0.05 (drift 0.05, residuals 0);
    # c: one growth 0.02 (no residual, one degree of freedom used). Pooled variance 0.02 / (1 + 1 + 0) = 0.01.
    fits = fit_panel(
        {
            "a": ([2020, 2021, 2022], [1.0, math.exp(0.1), math.exp(0.4)], ()),
            "b": ([2019, 2020, 2021, 2022], [1.0, math.exp(0.05), 5.0, 5.0 * math.exp(0.05)], (2021,)),
            "c": ([2020, 2021], [1.0, math.exp(0.02)], ()),
            "d": ([2022], [3.0], ()),
        }
    )
    assert set(fits) == {"a", "b", "c"}  # no growth, no fit
    assert [fits[name].drift for name in "abc"] == pytest.approx([0.2, 0.05, 0.02])
    assert [fits[name].shock_sd for name in "abc"] == pytest.approx([0.1, 0.1, 0.1])
    assert [fits[name].drift_sd for name in "abc"] == pytest.approx([0.1 / math.sqrt(2), 0.1 / math.sqrt(2), 0.1])
    assert fits["b"].increments == ((2019, 2020), (2021, 2022))


def test_a_panel_needs_two_growths_in_all():
    with pytest.raises(ValueError, match="too short"):
        fit_panel({"a": ([2020, 2021], [1.0, 1.1], ()), "b": ([2021], [2.0], ())})
