"""Rolling-origin validation of the panel on small synthetic panels: which origins, which values are scored."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from explorer.core import vocab
from explorer.model import panel, validation

GROWTH = {"shenzhen": 0.07, "beijing": 0.05, "shanghai": 0.05}


def _rows(breaks: dict[str, int] | None = None, years: range = range(2015, 2023)) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    rows = []
    for city in vocab.CITIES:
        level = 100.0 + 20 * vocab.CITIES.index(city)
        for year in years:
            if year > years[0]:
                level *= math.exp(GROWTH[city] + 0.01 * rng.standard_normal())
                if breaks and breaks.get(city) == year:
                    level *= 1.1  # a revision, not growth
            rows.append(
                {
                    "city": city,
                    "year": year,
                    "indicator": "gdp",
                    "value": level,
                    "qualifier": "exact",
                    "comparability_group": "gdp_stats",
                    "status": "observed",
                    "break_before": bool(breaks and breaks.get(city) == year),
                }
            )
    return pd.DataFrame(rows)


def test_every_origin_with_two_window_years_is_used_and_every_horizon_scored():
    forecasts = validation.rolling(_rows(), draws=200, seed=1)
    assert sorted(forecasts["origin"].unique()) == list(range(2017, 2022))  # a window of two growths from 2017
    growth = forecasts[(forecasts["target"] == "growth") & (forecasts["method"] == "model")]
    assert len(growth) == 3 * sum(min(4, 2022 - origin) for origin in range(2017, 2022))
    assert set(growth["horizon"]) == {1, 2, 3, 4}
    assert set(forecasts["method"]) == set(validation.BAND_METHODS)  # no city sets a target in these rows


def test_a_growth_across_a_break_and_a_gap_on_another_basis_are_not_scored():
    forecasts = validation.rolling(_rows({"beijing": 2020}), draws=200, seed=1)
    growth = forecasts[(forecasts["target"] == "growth") & (forecasts["city"] == "beijing")]
    assert 2020 not in set(growth["year"])
    gap = forecasts[(forecasts["target"] == "log_gap") & (forecasts["city"] == "beijing")]
    assert not ((gap["origin"] < 2020) & (gap["year"] >= 2020)).any()  # the anchor is on the old basis
    assert (gap["origin"] >= 2020).any()


def test_the_model_scores_a_calm_panel_with_errors_of_its_shock_size():
    """Growth drawn with 1 pp shocks: the model's mean absolute error of growth is of that size (in pp)."""
    scores = validation.scores(validation.rolling(_rows(), draws=500, seed=2))
    mae = scores.set_index(["target", "city", "method"]).at[("growth", "all", "model"), "mae"]
    assert 0.2 < mae < 2.5


def test_the_normal_score_of_a_pit_by_hand():
    """Φ⁻¹(0.5) = 0, Φ⁻¹(0.8413) ≈ 1, Φ⁻¹(0.0228) ≈ −2 (standard normal table)."""
    np.testing.assert_allclose(validation.normal_score(np.array([0.5, 0.8413, 0.0228])), [0.0, 1.0, -2.0], atol=0.001)


def test_the_standardised_error_reads_the_draws_not_their_sd():
    """A heavy-tailed sample (normal × a drawn scale): the observed at its 90th percentile scores Φ⁻¹(0.9) ≈ 1.28,
    whatever the few extreme draws do to the sample's sd."""
    rng = np.random.default_rng(4)
    sample = rng.standard_normal(100_000) * np.sqrt(2.0 / rng.chisquare(2.0, 100_000))
    observed = float(np.quantile(sample, 0.9))
    row = validation._summary(sample, observed)
    assert validation.normal_score(np.array([row["pit"]]))[0] == pytest.approx(1.2816, abs=0.01)
    assert abs(observed - row["mean"]) / row["sd"] < 1.0  # the sd-based score understates it (about 0.6 here)


def _chi2_points(freedom: int, scale: float = 1.0) -> np.ndarray:
    """The 1 % and 99 % points of scale × chi-square(freedom), simulated with numpy (no scipy)."""
    return scale * np.quantile(np.random.default_rng(5).chisquare(freedom, 400_000), [0.01, 0.99])


def test_the_reference_sum_of_independent_values_is_a_chi_square():
    """Five origins of four independent standard normal values each: the sum's reference is chi-square(20)."""
    rng = np.random.default_rng(3)
    groups = [(rng.standard_normal((4000, 4)), rng.standard_normal((2000, 4))) for _ in range(5)]
    points = np.quantile(validation.reference_sums(groups, repeats=40_000)["z2"], [0.01, 0.99])
    np.testing.assert_allclose(points, _chi2_points(20), rtol=0.08)


def test_the_reference_sum_of_values_that_move_together_is_spread_like_one_value_counted_many_times():
    """Four identical values per origin (one shock moves them all): the sum is 4 × chi-square(one per origin)."""
    rng = np.random.default_rng(4)
    groups = []
    for _ in range(3):
        sample, truths = rng.standard_normal((4000, 1)), rng.standard_normal((2000, 1))
        groups.append((np.repeat(sample, 4, axis=1), np.repeat(truths, 4, axis=1)))
    points = np.quantile(validation.reference_sums(groups, repeats=40_000)["z2"], [0.01, 0.99])
    np.testing.assert_allclose(points, _chi2_points(3, scale=4.0), rtol=0.12)
    assert points[0] < _chi2_points(12)[0] / 2  # far below a chi-square that takes the 12 values as independent


@pytest.mark.parametrize("width, side", [(3.0, "low"), (1.0 / 3.0, "high")])
def test_the_reference_flags_bands_three_times_too_wide_or_too_narrow(width, side):
    """Truth with sd 1 scored against model draws of sd `width`: the sum leaves the reference's central 98 %."""
    rng = np.random.default_rng(6)
    sample = width * rng.standard_normal((4000, 20))
    reference = validation.reference_sums([(sample, width * rng.standard_normal((2000, 20)))], repeats=20_000)["z2"]
    low, high = np.quantile(reference, [0.01, 0.99])
    published = rng.standard_normal(20)
    pit = ((np.sort(sample, axis=0) <= published).sum(axis=0) + 0.5) / 4001.0
    total = float((validation.normal_score(pit) ** 2).sum())
    assert total < low if side == "low" else total > high


def test_the_joint_reference_of_a_panel_is_wider_than_a_chi_square():
    """An origin's values share its drift error and drawn shock sizes: their sum varies more than a chi-square."""
    rows = _rows()
    forecasts = validation.rolling(rows, draws=400, seed=1)
    scored = int(((forecasts["target"] == "growth") & (forecasts["method"] == "model")).sum())
    reference = validation.joint_reference(rows, forecasts, "growth", draws=400, seed=1, truths=200)
    assert reference["z2"].mean() == pytest.approx(scored, rel=0.25)  # a PIT's normal score has unit variance
    assert reference["z2"].var() > 1.5 * 2 * scored  # chi-square(n) has variance 2n
    assert reference["pit"].mean() == pytest.approx(scored / 2, rel=0.1)  # a PIT is uniform
    assert reference["pit"].var() > 1.5 * scored / 12  # the sum of n independent uniforms has variance n/12


@pytest.mark.parametrize("shift, side", [(1.5, "low"), (-1.5, "high")])
def test_the_reference_flags_medians_that_sit_too_high_or_too_low(shift, side):
    """Twenty independent values, every median 1.5 sd above (below) the truth: the PITs' sum leaves its central 98 %."""
    rng = np.random.default_rng(7)
    sample = shift + rng.standard_normal((4000, 20))
    reference = validation.reference_sums([(sample, shift + rng.standard_normal((2000, 20)))], repeats=20_000)
    low, high = np.quantile(reference["pit"], [0.01, 0.99])
    pit = ((np.sort(sample, axis=0) <= rng.standard_normal(20)).sum(axis=0) + 0.5) / 4001.0
    assert pit.sum() < low if side == "low" else pit.sum() > high


def _with_targets(rows: pd.DataFrame, aims: dict[str, dict[int, float]], real: float = 4.0) -> pd.DataFrame:
    """Add every city's published real growth (`real` % every year) and its growth targets (`aims`) to `rows`."""
    extra = []
    for city in vocab.CITIES:
        for year in sorted(set(rows["year"]))[1:]:
            extra.append(
                {
                    **rows.iloc[0].to_dict(),
                    "city": city,
                    "year": year,
                    "indicator": "gdp_growth",
                    "value": real,
                    "comparability_group": "gdp_growth_stats",
                    "break_before": False,
                }
            )
        for year, aim in aims.get(city, {}).items():
            extra.append(
                {
                    **rows.iloc[0].to_dict(),
                    "city": city,
                    "year": year,
                    "indicator": "gdp_growth",
                    "value": aim,
                    "comparability_group": panel.TARGET_GROUP,
                    "status": "target",
                    "qualifier": "approx",
                    "break_before": False,
                }
            )
    return pd.concat([rows, pd.DataFrame(extra)], ignore_index=True)


def test_the_target_forecast_is_next_years_target_plus_the_latest_price_change():
    """At origin T, each city's point forecast for every horizon is log(1 + target of T+1) plus its nominal less real
    log growth of T (the only target known then): computed here from the synthetic levels by hand."""
    base = _rows()
    rows = _with_targets(base, {city: {2020: 6.0, 2021: 3.0} for city in vocab.CITIES})
    forecasts = validation.rolling(rows, draws=200, seed=1)
    aimed = forecasts[(forecasts["method"] == "target") & (forecasts["target"] == "growth")]
    assert set(aimed["origin"]) == {2019, 2020}  # targets exist for 2020 and 2021 only
    for origin, target in ((2019, 6.0), (2020, 3.0)):
        for city in vocab.CITIES:
            levels = base[base["city"] == city].set_index("year")["value"]
            price = math.log(levels[origin] / levels[origin - 1]) - math.log1p(0.04)
            rows_of = aimed[(aimed["origin"] == origin) & (aimed["city"] == city)]
            assert len(rows_of) == min(4, 2022 - origin)
            np.testing.assert_allclose(rows_of["p50"], math.log1p(target / 100) + price)
            assert rows_of["p10"].isna().all() and rows_of["pit"].isna().all()  # a point forecast: no band


def test_the_targets_gap_is_the_anchor_gap_moved_by_the_two_forecasts():
    base = _rows()
    rows = _with_targets(base, {"shenzhen": {2021: 7.0}, "beijing": {2021: 5.0}, "shanghai": {2021: 5.0}})
    forecasts = validation.rolling(rows, draws=200, seed=1)
    gap = forecasts[(forecasts["method"] == "target") & (forecasts["target"] == "log_gap")]
    assert set(gap["origin"]) == {2020} and set(gap["city"]) == {"beijing", "shanghai"}
    levels = base.pivot(index="year", columns="city", values="value")
    growth = {
        city: math.log1p(aim / 100) + math.log(levels.at[2020, city] / levels.at[2019, city]) - math.log1p(0.04)
        for city, aim in (("shenzhen", 7.0), ("beijing", 5.0))
    }
    for year in (2021, 2022):
        expected = math.log(levels.at[2020, "shenzhen"] / levels.at[2020, "beijing"]) + (year - 2020) * (
            growth["shenzhen"] - growth["beijing"]
        )
        picked = gap[(gap["city"] == "beijing") & (gap["year"] == year)]
        assert picked["p50"].iloc[0] == pytest.approx(expected)


def test_the_target_is_scored_by_its_error_alone():
    """A point forecast has an error but no coverage, interval score or normal score."""
    rows = _with_targets(_rows(), {city: {2020: 6.0, 2021: 3.0} for city in vocab.CITIES})
    scores = validation.scores(validation.rolling(rows, draws=200, seed=1)).set_index(["target", "city", "method"])
    aimed = scores.loc[("growth", "all", "target")]
    assert aimed["n"] == 3 * (3 + 2) and aimed["mae"] > 0
    assert np.isnan(aimed["coverage"]) and np.isnan(aimed["interval"]) and np.isnan(aimed["z2"])
    assert np.isnan(aimed["inside"])
