"""Tests of the hindcast machinery (src/explorer/model/hindcast.py): honest hold-out, benchmark, scores."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from explorer.model import hindcast as backtest

COLUMNS = ["city", "year", "indicator", "value", "qualifier", "comparability_group", "status", "break_before"]


def _rows(values: dict[int, float], city: str = "shenzhen", breaks: tuple[int, ...] = ()) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (city, year, "gdp", value, "exact", "gdp_stats", "observed", year in breaks)
            for year, value in values.items()
        ],
        columns=COLUMNS,
    )


SERIES = {"gdp": "gdp_stats"}
HISTORY = {2016: 100.0, 2017: 108.0, 2018: 115.0, 2019: 125.0, 2020: 131.0}
LATER = {2021: 140.0, 2022: 150.0, 2023: 155.0, 2024: 170.0}


def _run(rows: pd.DataFrame, **kwargs) -> tuple[pd.DataFrame, pd.DataFrame]:
    return backtest.hindcast(rows, series=SERIES, draws=400, seed=5, **kwargs)


def test_nothing_after_2020_enters_the_fit():
    rows = _rows({**HISTORY, **LATER})
    perturbed = _rows({**HISTORY, **{year: value * (2.0 if year % 2 else 0.4) for year, value in LATER.items()}})
    first, _ = _run(rows)
    second, _ = _run(perturbed)
    bands = ["city", "year", "method", "p10", "p50", "p90"]
    pd.testing.assert_frame_equal(first[bands], second[bands])
    assert not np.allclose(first["observed"], second["observed"])  # the perturbation did reach the scored values


def test_the_random_walk_matches_the_hand_computation():
    # Changes +10, +10, +13, one year each: drift 11, deviations -1, -1, +2 on levels 100, 110, 120;
    # yearly variance as a share of the level ((1/100)² + (1/110)² + (2/120)²) / 2, applied to the last level 133.
    train = _rows({2017: 100.0, 2018: 110.0, 2019: 120.0, 2020: 133.0})
    low, mid, high = backtest.random_walks({"shenzhen": train}, {"shenzhen": [2021, 2023]})["shenzhen"]
    sd = 133.0 * math.sqrt(((1 / 100) ** 2 + (1 / 110) ** 2 + (2 / 120) ** 2) / 2)
    assert mid == pytest.approx([144.0, 166.0])
    half = backtest.Z90 * sd * np.sqrt(np.array([1.0, 3.0]) + np.array([1.0, 9.0]) / 3)
    assert high - mid == pytest.approx(half) and mid - low == pytest.approx(half)


def test_the_random_walk_pools_its_sd_across_cities():
    # Shenzhen as above; Beijing one change of +5 on 100: its own drift 5, no residual, no degree of freedom.
    trains = {
        "shenzhen": _rows({2017: 100.0, 2018: 110.0, 2019: 120.0, 2020: 133.0}),
        "beijing": _rows({2019: 100.0, 2020: 105.0}, city="beijing"),
    }
    bands = backtest.random_walks(trains, {"shenzhen": [2021], "beijing": [2021, 2022]})
    share = math.sqrt(((1 / 100) ** 2 + (1 / 110) ** 2 + (2 / 120) ** 2) / 2)
    low, mid, high = bands["beijing"]
    assert mid == pytest.approx([110.0, 115.0])
    ahead = np.array([1.0, 2.0])
    assert high - mid == pytest.approx(backtest.Z90 * share * 105.0 * np.sqrt(ahead + ahead**2 / 1.0))


def test_the_model_forecast_is_the_trend_fitted_on_the_training_years():
    train = _rows({2018: 100.0, 2019: 110.0, 2020: 121.0})  # exactly 10 %/yr: no drift or shock uncertainty
    low, mid, high = backtest.trend_forecasts({"shenzhen": train}, {"shenzhen": [2021, 2022]}, draws=50, seed=0)[
        "shenzhen"
    ]
    assert mid == pytest.approx([133.1, 146.41])
    assert low == pytest.approx(mid) and high == pytest.approx(mid)


def test_a_city_with_one_growth_is_scored_with_the_pooled_shock():
    rows = pd.concat(
        [
            _rows({**HISTORY, **LATER}),
            _rows({2019: 100.0, 2020: 104.0, 2021: 110.0, 2022: 113.0}, city="beijing"),  # one growth up to 2020
        ]
    )
    forecasts, missing = _run(rows)
    beijing = forecasts[(forecasts["city"] == "beijing") & (forecasts["method"] == "model")]
    assert beijing["year"].tolist() == [2021, 2022]
    assert beijing["p50"].to_numpy() == pytest.approx(104.0 * 1.04 ** np.array([1, 2]), rel=0.02)  # its own drift
    assert (beijing["p90"] > beijing["p50"]).all()  # a band from the other city's shocks
    assert "beijing" not in set(missing.loc[missing["indicator"] == "gdp", "city"])


def test_a_break_after_2020_stops_the_scoring_and_one_before_is_dropped_from_the_fit():
    rows = _rows({**HISTORY, 2021: 140.0, 2022: 150.0, 2023: 190.0, 2024: 200.0}, breaks=(2018, 2023))
    forecasts, _ = _run(rows)
    assert sorted(set(forecasts["year"])) == [2021, 2022]  # 2023 and 2024 are on a revised basis
    without = _run(_rows({**HISTORY, 2021: 140.0, 2022: 150.0}, breaks=(2018,)))[0]
    pd.testing.assert_frame_equal(forecasts, without)


def test_bounds_are_not_scored_as_values():
    rows = _rows({**HISTORY, **LATER})
    rows.loc[rows["year"] == 2023, "qualifier"] = "more_than"
    forecasts, _ = _run(rows)
    assert 2023 not in set(forecasts["year"])


def test_series_that_cannot_be_scored_say_why():
    rows = pd.concat(
        [
            _rows({2019: 100.0, 2020: 104.0, 2021: 110.0}, city="beijing"),  # one growth up to 2020
            _rows(HISTORY, city="shanghai"),  # nothing after 2020
        ]
    )
    forecasts, missing = _run(rows)
    assert forecasts.empty
    assert missing.set_index("city")["reason"].to_dict() == {
        "shenzhen": "no_figure",
        "beijing": "too_short",
        "shanghai": "no_test_year",
    }


def test_scores_are_mape_and_coverage_by_hand():
    forecasts = pd.DataFrame(
        {
            "city": ["beijing", "beijing", "shanghai", "beijing", "beijing", "shanghai"],
            "indicator": ["gdp"] * 6,
            "year": [2021, 2022, 2021] * 2,
            "observed": [100.0, 200.0, 50.0] * 2,
            "method": ["model"] * 3 + ["random_walk"] * 3,
            "p10": [90.0, 150.0, 51.0, 99.0, 190.0, 40.0],
            "p50": [110.0, 190.0, 55.0, 100.0, 200.0, 50.0],
            "p90": [120.0, 210.0, 60.0, 101.0, 210.0, 60.0],
        }
    )
    table = backtest.scores(forecasts).set_index(["city", "method"])
    assert table.loc[("beijing", "model"), "mape"] == pytest.approx((10.0 + 5.0) / 2)
    assert table.loc[("beijing", "model"), "coverage"] == pytest.approx(100.0)
    assert table.loc[("all", "model"), "mape"] == pytest.approx((10.0 + 5.0 + 10.0) / 3)
    assert table.loc[("all", "model"), "coverage"] == pytest.approx(200.0 / 3)
    assert table.loc[("all", "random_walk"), "mape"] == 0.0
    assert table.loc[("all", "random_walk"), "n"] == 3
    text = backtest.markdown(
        backtest.scores(forecasts), pd.DataFrame({"city": ["shenzhen"], "indicator": ["gdp"], "reason": ["no_figure"]})
    )
    assert "| gdp | all | 3 | 8.3 % | 67 % | 0.0 % | 100 % |" in text
    assert "- not scored: gdp, shenzhen: no_figure" in text


def test_the_hindcast_is_seeded():
    rows = _rows({**HISTORY, **LATER})
    pd.testing.assert_frame_equal(_run(rows)[0], _run(rows)[0])
    other = backtest.hindcast(rows, series=SERIES, draws=400, seed=6)[0]
    assert not other["p10"].equals(_run(rows)[0]["p10"])


def test_two_cities_with_one_growth_each_leave_no_shock_to_estimate():
    rows = pd.concat(
        [
            _rows({2019: 100.0, 2020: 104.0, 2021: 110.0}, city="beijing"),
            _rows({2019: 200.0, 2020: 210.0, 2021: 220.0}, city="shanghai"),
        ]
    )
    forecasts, missing = _run(rows)
    assert forecasts.empty
    reasons = missing[missing["indicator"] == "gdp"].set_index("city")["reason"].to_dict()
    assert reasons == {"shenzhen": "no_figure", "beijing": "too_short", "shanghai": "too_short"}
