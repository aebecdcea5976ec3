"""Rolling-origin validation of the panel on small synthetic panels: which origins, which values are scored."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

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
