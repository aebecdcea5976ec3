"""Tests of why it moved (src/explorer/model/attribution.py): Shapley contributions of the lever groups."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from explorer.model import LEVER_GROUPS, OUTCOMES, PRESETS, Levers, baseline, central_paths, decompose

MIXED = replace(baseline(), dc_racks=0, xc_share=90.0, talent_subsidy=96_000.0, talent_quota=30_000)


def test_lever_groups_cover_every_lever_once():
    levers = [name for names in LEVER_GROUPS.values() for name in names]
    assert sorted(levers) == sorted(name for name in Levers.BOUNDS if name != "horizon")


@pytest.mark.parametrize("levers", [*PRESETS.values(), MIXED], ids=[*PRESETS, "mixed"])
def test_contributions_add_up_to_the_change_from_the_baseline(params: pd.DataFrame, levers: Levers):
    frame = decompose(levers, params, levers.horizon)
    scenario = central_paths(levers, params)
    paper = central_paths(replace(baseline(), horizon=levers.horizon), params)
    for code, rows in frame.groupby("indicator"):
        change = scenario[code][-1] - paper[code][-1]
        assert rows["contribution"].sum() == pytest.approx(change, rel=1e-9, abs=1e-9), code
    assert set(frame["indicator"]) == set(OUTCOMES)


@pytest.mark.parametrize("code", ["no_new_capacity", "talent_push", "xinchuang_push"])
def test_a_one_theme_preset_is_all_its_own_group(params: pd.DataFrame, code: str):
    group = {"no_new_capacity": "dc", "talent_push": "talent", "xinchuang_push": "xc"}[code]
    frame = decompose(PRESETS[code], params, 2030).set_index(["indicator", "group"])
    total = frame.loc[("core_va", group), "total"]
    assert total != 0
    assert frame.loc[("core_va", group), "contribution"] == pytest.approx(total)
    others = [g for g in LEVER_GROUPS if g != group]
    assert np.allclose([frame.loc[("core_va", g), "contribution"] for g in others], 0.0)


def test_a_mixed_scenario_splits_core_value_added_by_sign(params: pd.DataFrame):
    """Moratorium lowers, talent push and Xinchuang (local content) raise core value added."""
    frame = decompose(MIXED, params, 2030).set_index(["indicator", "group"])["contribution"]
    assert frame[("core_va", "dc")] < 0 < frame[("core_va", "talent")]
    assert frame[("core_va", "xc")] > 0


@pytest.mark.parametrize("year", [2021, 2031])
def test_decompose_rejects_a_year_outside_the_frame(params: pd.DataFrame, year: int):
    with pytest.raises(ValueError, match="year"):
        decompose(baseline(), params, year)
