"""Tests of why it moved (src/explorer/model/attribution.py): Shapley contributions of the lever groups."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from explorer.model import LEVER_GROUPS, OUTCOMES, PRESETS, Levers, baseline, decompose, project_delta
from explorer.model.attribution import shapley

MIXED = replace(baseline(), dc_racks=0, xc_share=90.0, talent_subsidy=96_000.0, talent_quota=30_000)


def test_lever_groups_cover_every_lever_once():
    levers = [name for names in LEVER_GROUPS.values() for name in names]
    assert sorted(levers) == sorted(name for name in Levers.BOUNDS if name != "horizon")


@pytest.mark.parametrize("levers", [*PRESETS.values(), MIXED], ids=[*PRESETS, "mixed"])
def test_contributions_add_up_to_the_paired_median_change(params: pd.DataFrame, levers: Levers):
    """The parts add up to the median over draws of scenario − paper's policy: project_delta's p50, to the bit."""
    frame = decompose(levers, params, levers.horizon, draws=200, seed=3)
    paired = project_delta(levers, params, draws=200, seed=3)
    median = paired[paired["year"] == levers.horizon].set_index("indicator")["p50"]
    for code, rows in frame.groupby("indicator"):
        assert rows["total"].iloc[0] == median[code], code
        assert rows["contribution"].sum() == pytest.approx(median[code], rel=1e-9, abs=1e-9), code
    assert set(frame["indicator"]) == set(OUTCOMES)


def test_shapley_shares_an_interaction_equally():
    """Two groups that only matter together (worth 6 when both are on) get 3 each; the others get nothing."""
    subsets = [frozenset(c) for n in range(len(LEVER_GROUPS) + 1) for c in itertools.combinations(LEVER_GROUPS, n)]
    worth = {subset: np.array([6.0 if {"dc", "xc"} <= subset else 0.0]) for subset in subsets}
    shares = shapley(worth)
    assert {group: share[0] for group, share in shares.items()} == pytest.approx(
        {group: 3.0 if group in ("dc", "xc") else 0.0 for group in LEVER_GROUPS}
    )


def test_an_outcome_computed_elsewhere_takes_its_own_worth(params: pd.DataFrame):
    """`worth` replaces an outcome's medians (the page's GDP goes through the panel): given 1, 2, … per setting."""
    frame = decompose(MIXED, params, 2030, draws=50, worth={"gdp": lambda settings: np.arange(len(settings), 0.0, -1)})
    gdp = frame[frame["indicator"] == "gdp"]
    assert gdp["total"].iloc[0] == 1.0  # the last setting (all groups on) is given 1
    assert gdp["contribution"].sum() == pytest.approx(1.0)


@pytest.mark.parametrize("code", ["no_new_capacity", "talent_push", "xinchuang_push"])
def test_a_one_theme_preset_is_all_its_own_group(params: pd.DataFrame, code: str):
    group = {"no_new_capacity": "dc", "talent_push": "talent", "xinchuang_push": "xc"}[code]
    frame = decompose(PRESETS[code], params, 2030, draws=200).set_index(["indicator", "group"])
    total = frame.loc[("core_va", group), "total"]
    assert total != 0
    assert frame.loc[("core_va", group), "contribution"] == pytest.approx(total)
    others = [g for g in LEVER_GROUPS if g != group]
    assert np.allclose([frame.loc[("core_va", g), "contribution"] for g in others], 0.0)


def test_a_mixed_scenario_splits_core_value_added_by_sign(params: pd.DataFrame):
    """Moratorium lowers, talent push and Xinchuang (local content) raise core value added."""
    frame = decompose(MIXED, params, 2030, draws=200).set_index(["indicator", "group"])["contribution"]
    assert frame[("core_va", "dc")] < 0 < frame[("core_va", "talent")]
    assert frame[("core_va", "xc")] > 0


@pytest.mark.parametrize("year", [2021, 2031])
def test_decompose_rejects_a_year_outside_the_frame(params: pd.DataFrame, year: int):
    with pytest.raises(ValueError, match="year"):
        decompose(baseline(), params, year)
