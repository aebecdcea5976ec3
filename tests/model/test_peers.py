"""Tests of the peers (src/explorer/model/peers.py): own-series trends, paired odds, labelled paths."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from explorer.model import at_or_above, peer_draws, peer_odds, peer_paths, peer_trend
from explorer.model.peers import observed_series


def _peers() -> pd.DataFrame:
    """Beijing GDP growing 10 %/yr with a census jump into 2024; Shanghai with one level only; a share; a target."""
    rows = [
        ("beijing", 2020, "gdp", 100.0, "exact", "gdp_stats", "observed", False),
        ("beijing", 2021, "gdp", 110.0, "exact", "gdp_stats", "observed", False),
        ("beijing", 2022, "gdp", 121.0, "approx", "gdp_stats", "observed", False),
        ("beijing", 2023, "gdp", 133.1, "exact", "gdp_stats", "observed", False),
        ("beijing", 2024, "gdp", 160.0, "exact", "gdp_stats", "observed", True),
        ("beijing", 2025, "gdp", 999.0, "exact", "gdp_stats", "target", False),
        ("beijing", 2023, "gdp", 500.0, "exact", "gdp_revised", "observed", False),
        ("beijing", 2022, "core_va_share", 24.0, "exact", "core_va_share_stats", "observed", False),
        ("shanghai", 2021, "gdp", 100.0, "at_least", "gdp_stats", "observed", False),
        ("shanghai", 2022, "gdp", 104.0, "exact", "gdp_stats", "observed", False),
        ("shanghai", 2023, "gdp", 120.0, "more_than", "gdp_stats", "observed", False),
        ("shanghai", 2022, "core_va", np.nan, "exact", "core_va_stats", "observed", False),
        *(
            ("shenzhen", year, "gdp", 90.0 * 1.05 ** (year - 2020), "exact", "gdp_stats", "observed", False)
            for year in range(2020, 2024)
        ),
    ]
    columns = ["city", "year", "indicator", "value", "qualifier", "comparability_group", "status", "break_before"]
    return pd.DataFrame(rows, columns=columns)


def test_the_fitted_series_keeps_one_definition_and_point_values_only():
    series = observed_series(_peers(), "beijing", "gdp", "gdp_stats")
    assert series["year"].tolist() == [2020, 2021, 2022, 2023, 2024]  # no target, no other group
    assert observed_series(_peers(), "shanghai", "gdp", "gdp_stats")["year"].tolist() == [2022]  # 以上, 超过: bounds
    assert observed_series(_peers(), "shanghai", "core_va", "core_va_stats").empty  # no value, no row


def test_a_peer_trend_is_its_own_growth_with_the_break_dropped():
    fit = peer_trend(_peers(), "beijing", "gdp", "gdp_stats")
    assert fit.growth_pct == pytest.approx(10.0)
    assert fit.shock_sd == pytest.approx(0.0, abs=1e-12)
    assert (fit.last_year, fit.last_value) == (2024, 160.0)  # the revised level anchors the path
    assert peer_trend(_peers(), "shanghai", "gdp", "gdp_stats") == "too_short"
    assert peer_trend(_peers(), "shanghai", "core_va", "core_va_stats") == "no_figure"
    assert peer_trend(_peers(), "beijing", "gdp", "no_such_group") == "no_figure"


def test_a_peer_with_one_growth_takes_the_shock_sd_pooled_across_the_cities():
    # Shanghai: one growth, log 0.04. Shenzhen: log growths 0.1, 0.0, 0.05 (drift 0.05, residuals 0.05, -0.05, 0).
    # Beijing: exact 10 %/yr (residuals 0). Pooled variance = 0.005 / ((3 - 1) + (3 - 1) + (1 - 1)) = 0.00125.
    rows = [
        *(("beijing", 2020 + k, "gdp", 100.0 * 1.1**k, "exact", "gdp_stats", "observed", False) for k in range(4)),
        ("shanghai", 2021, "gdp", 100.0, "exact", "gdp_stats", "observed", False),
        ("shanghai", 2022, "gdp", 100.0 * math.exp(0.04), "exact", "gdp_stats", "observed", False),
        *(
            ("shenzhen", 2020 + k, "gdp", 90.0 * math.exp(log), "exact", "gdp_stats", "observed", False)
            for k, log in enumerate([0.0, 0.1, 0.1, 0.15])
        ),
    ]
    columns = ["city", "year", "indicator", "value", "qualifier", "comparability_group", "status", "break_before"]
    peers = pd.DataFrame(rows, columns=columns)
    shanghai = peer_trend(peers, "shanghai", "gdp", "gdp_stats")
    assert shanghai.drift == pytest.approx(0.04)
    assert shanghai.shock_sd == pytest.approx(math.sqrt(0.00125))
    assert shanghai.drift_sd == pytest.approx(math.sqrt(0.00125))  # one year of growth behind the drift
    beijing = peer_trend(peers, "beijing", "gdp", "gdp_stats")
    assert beijing.growth_pct == pytest.approx(10.0)
    assert beijing.shock_sd == shanghai.shock_sd  # one shock size for the group
    assert beijing.drift_sd == pytest.approx(math.sqrt(0.00125 / 3))


def test_peer_draws_keep_observations_and_draw_only_after_the_last():
    years = [2019, 2022, 2024, 2025, 2026]
    draws = peer_draws(_peers(), "beijing", "gdp", "gdp_stats", years, draws=50, seed=3)
    assert draws.shape == (50, 5)
    assert np.isnan(draws[:, 0]).all()  # 2019: not published, not invented
    assert (draws[:, 1] == 121.0).all() and (draws[:, 2] == 160.0).all()
    np.testing.assert_allclose(draws[:, 3:], np.tile([160.0 * 1.1, 160.0 * 1.21], (50, 1)))  # history without shocks
    assert peer_draws(_peers(), "shanghai", "gdp", "gdp_stats", years, draws=5, seed=3) == "too_short"


def test_peer_draws_are_seeded():
    peers = _peers()
    peers.loc[peers["year"] == 2022, "value"] = peers.loc[peers["year"] == 2022, "value"] * 1.03  # noise: shock sd > 0
    one = peer_draws(peers, "beijing", "gdp", "gdp_stats", range(2025, 2031), draws=200, seed=1)
    assert np.array_equal(one, peer_draws(peers, "beijing", "gdp", "gdp_stats", range(2025, 2031), draws=200, seed=1))
    assert not np.array_equal(
        one, peer_draws(peers, "beijing", "gdp", "gdp_stats", range(2025, 2031), draws=200, seed=2)
    )
    assert one.std(axis=0)[-1] > one.std(axis=0)[0] > 0  # the band widens with the horizon


def test_at_or_above_counts_paired_draws():
    shenzhen = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0], [4.0, 5.0]])
    peer = np.array([[2.0, np.nan], [2.0, 1.0], [2.0, 1.0], [2.0, 1.0]])
    odds = at_or_above(shenzhen, peer)
    assert odds[0] == 0.75  # 2, 3 and 4 are at or above 2 (equal counts)
    assert math.isnan(odds[1])
    with pytest.raises(ValueError, match="shapes differ"):
        at_or_above(shenzhen, peer[:2])


def test_the_odds_never_fall_when_shenzhen_rises_or_the_peer_falls():
    rng = np.random.default_rng(0)
    shenzhen, peer = rng.lognormal(0.0, 0.3, (400, 6)), rng.lognormal(0.1, 0.3, (400, 6))
    base = at_or_above(shenzhen, peer)
    for factor in (1.01, 1.1, 1.5, 3.0):
        assert (at_or_above(shenzhen * factor, peer) >= base).all()
        assert (at_or_above(shenzhen, peer / factor) >= base).all()
    assert (at_or_above(shenzhen * 100, peer) == 1.0).all() and (at_or_above(shenzhen / 100, peer) == 0.0).all()


def test_peer_odds_say_why_a_peer_has_none():
    years = [2024, 2025, 2026]
    shenzhen = np.full((10, 3), 170.0)
    odds = peer_odds(years, shenzhen, _peers(), "gdp", "gdp_stats", seed=0)
    assert list(odds.columns) == ["city", "year", "probability", "status"]
    beijing = odds[odds["city"] == "beijing"]
    assert beijing["status"].eq("ok").all()
    assert beijing["probability"].tolist() == [1.0, 0.0, 0.0]  # 170 ≥ 160, < 176, < 193.6
    assert set(odds.loc[odds["city"] == "shanghai", "status"]) == {"too_short"}
    assert odds.loc[odds["city"] == "shanghai", "probability"].isna().all()
    none = peer_odds(years, shenzhen, _peers(), "dc_racks_total", None, seed=0)
    assert set(none["status"]) == {"no_figure"}


def test_peer_paths_project_levels_with_a_labelled_band():
    out = peer_paths(_peers(), 2027, ("gdp", "core_va", "core_va_share"), draws=100, seed=0)
    assert list(out.columns) == [
        "year", "city", "indicator", "comparability_group", "value", "p10", "p90", "basis", "break_before"
    ]  # fmt: skip
    beijing = out[(out["city"] == "beijing") & (out["comparability_group"] == "gdp_stats")]
    projected = beijing[beijing["basis"].str.startswith("extrapolated")]
    assert projected["year"].tolist() == [2025, 2026, 2027]
    assert projected["value"].tolist() == pytest.approx([160.0 * 1.1**n for n in (1, 2, 3)])
    assert set(projected["basis"]) == {"extrapolated at 10.0 %/yr (own series 2020–2023)"}
    assert (projected["p10"] <= projected["value"]).all() and (projected["value"] <= projected["p90"]).all()
    assert not projected["break_before"].any()  # a projection crosses no revision
    assert beijing.loc[beijing["basis"] == "target", "year"].tolist() == [2025]
    assert out.loc[out["indicator"] == "core_va_share", "basis"].tolist() == ["observed"]  # shares stay observed
    assert set(out.loc[out["city"] == "shanghai", "basis"]) == {"observed"}  # too short to fit
    assert set(out.loc[out["city"] == "shenzhen", "basis"]) == {"observed"}  # the model projects Shenzhen
    assert out[out["comparability_group"] == "gdp_revised"]["basis"].tolist() == ["observed"]  # one value only
    assert not peer_paths(_peers(), 2027, ("core_va",), draws=10)["basis"].str.startswith("extrapolated").any()


def test_peer_paths_reject_bad_input():
    with pytest.raises(ValueError, match="missing columns"):
        peer_paths(_peers().drop(columns="status"), 2030, ("gdp",))
    with pytest.raises(ValueError, match="horizon"):
        peer_paths(_peers(), 2030.5, ("gdp",))
    with pytest.raises(ValueError, match="draws"):
        peer_draws(_peers(), "beijing", "gdp", "gdp_stats", [2025], draws=0, seed=0)
