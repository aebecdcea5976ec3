"""Rolling-origin validation of the panel on small synthetic panels: which origins, which values are scored."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.model import validation

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
    assert set(forecasts["method"]) == set(validation.METHODS)


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
