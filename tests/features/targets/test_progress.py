"""features.targets.progress: progress by direction (floors, ceilings, ranges), latest statuses, filters, counts."""

import math
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from explorer.core import vocab
from explorer.features.targets import progress as target_progress


@pytest.mark.parametrize(
    ("target", "qualifier", "status", "status_qualifier", "ratio", "bar", "met"),
    [
        (30, "exact", 28.5, "exact", 0.95, 0.95, False),
        (30, "exact", 30, "exact", 1.0, 1.0, True),
        (30, "exact", 36, "exact", 1.2, 1.0, True),  # exceeded: the bar stops at 100 %
        (4.5, "exact", 1.5, "more_than", 1 / 3, 1 / 3, None),  # "> 1.5": could be anything above
        (50, "more_than", 50, "exact", 1.0, 1.0, False),  # "50 个以上": 50 is not yet more than 50
        (50, "more_than", 50, "more_than", 1.0, 1.0, True),
        (40, "at_least", 40, "exact", 1.0, 1.0, True),
        (40, "at_least", 45, "less_than", 45 / 40, 1.0, None),
        (40, "at_least", 39, "less_than", 39 / 40, 39 / 40, False),
        (3, "range", 2, "exact", 2 / 3, 2 / 3, False),  # 3-5: measured against the lower bound
        (1, "exact", 1, "nearly", 1.0, 1.0, False),  # "近万亿" against 1 万亿: not there yet
        (40, "at_least", 45, "nearly", 45 / 40, 1.0, None),  # nearly 45: how far below 45 is not said
        (40, "at_least", 38, "nearly", 38 / 40, 38 / 40, False),
    ],
)
def test_floors_give_a_capped_share_and_an_honest_met(target, qualifier, status, status_qualifier, ratio, bar, met):
    result = target_progress.progress(target, qualifier, status, status_qualifier)
    assert result.direction == "floor"
    assert result.ratio == pytest.approx(ratio)
    assert result.bar == pytest.approx(bar)
    assert result.met is met
    assert result.is_exceeded is (ratio > 1)
    assert result.is_lower_bound is (qualifier == "range")


@pytest.mark.parametrize(
    ("status", "status_qualifier", "met", "gap"),
    [
        (1.2, "exact", True, -0.05),
        (1.25, "exact", False, 0.0),  # "小于 1.25": 1.25 itself is not below
        (1.3, "exact", False, 0.05),
        (1.25, "less_than", True, 0.0),
        (1.2, "more_than", None, -0.05),
        (1.3, "more_than", False, 0.05),
        (1.25, "nearly", True, 0.0),  # nearly 1.25 is below 1.25
    ],
)
def test_ceilings_are_met_or_not_never_a_percentage(status, status_qualifier, met, gap):
    result = target_progress.progress(1.25, "less_than", status, status_qualifier)
    assert result.direction == "ceiling"
    assert result.ratio is None and result.bar is None
    assert result.met is met
    assert result.gap == pytest.approx(gap)


@pytest.mark.parametrize(
    ("status", "status_qualifier", "met"),
    [
        (7.0, "exact", True),
        (8.0, "exact", True),  # "8ms以下": 以下 includes 8 ms itself
        (8.5, "exact", False),
        (8.0, "at_most", True),
        (8.0, "more_than", False),
        (7.0, "more_than", None),  # somewhere above 7: at or below 8, or not
    ],
)
def test_an_inclusive_ceiling_is_met_at_the_cap(status, status_qualifier, met):
    result = target_progress.progress(8.0, "at_most", status, status_qualifier)
    assert result.direction == "ceiling"
    assert result.met is met


def test_no_status_and_doubtful_targets_give_no_progress():
    assert target_progress.progress(30, "exact", None, None).direction == "none"
    assert target_progress.progress(30, "exact", math.nan, None).direction == "none"
    assert target_progress.progress(8, "less_than", None, None).met is None
    unclear = target_progress.progress(200, "as_printed", 95, "exact")
    assert unclear.direction == "unclear" and unclear.ratio is None and unclear.met is None


def _statuses(*rows):
    return pd.DataFrame.from_records(rows, columns=["figure_id", "as_of", "value", "qualifier"])


def test_the_latest_status_wins_and_month_only_dates_sort_after_days_of_that_month():
    statuses = _statuses(
        ("a", "2022-06", 3.0, "exact"),
        ("a", "2022-06-08", 2.0, "exact"),
        ("a", "2021-11", 1.0, "exact"),
        ("b", "2020-01-31", 9.0, "exact"),
    )
    latest = target_progress.latest_statuses(statuses).set_index("figure_id")
    assert latest.at["a", "value"] == 3.0
    assert latest.at["a", "num_statuses"] == 3
    assert latest.at["b", "value"] == 9.0


def _targets():
    return pd.DataFrame.from_records(
        [
            ("t_floor", "3.6", 30.0, None, "exact"),
            ("t_cap", "3.6", 1.25, None, "less_than"),
            ("t_none", "3.3", 38500.0, None, "exact"),
            ("t_range", "3.3", 3.0, 5.0, "range"),
        ],
        columns=["id", "section", "value", "value_high", "qualifier"],
    )


def test_tracker_keeps_every_target_in_order_and_counts_honestly():
    statuses = _statuses(("t_floor", "2023-12", 31.0, "exact"), ("t_cap", "2024-01", 1.3, "exact"))
    board = target_progress.tracker(_targets(), statuses)
    assert board["id"].tolist() == ["t_floor", "t_cap", "t_none", "t_range"]
    assert board["has_status"].tolist() == [True, True, False, False]
    assert board["direction"].tolist() == ["floor", "ceiling", "none", "none"]
    assert board["num_statuses"].tolist() == [1, 1, 0, 0]
    # no target year: 31 >= 30 is on track (never "met" without a deadline); 1.3 above the cap has no path
    assert board["verdict"].tolist() == ["on_track", "cannot_tell", "no_status", "no_status"]
    counts = target_progress.summary(board)
    assert (counts["targets"], counts["with_status"], counts["met"], counts["on_track"]) == (4, 2, 0, 1)
    assert (counts["cannot_tell"], counts["no_status"], counts["behind"], counts["missed"]) == (1, 2, 0, 0)
    assert target_progress.select(board, ["3.3"], "all")["id"].tolist() == ["t_none", "t_range"]
    assert target_progress.select(board, [], "with_status")["id"].tolist() == ["t_floor", "t_cap"]
    assert target_progress.select(board, ["3.6"], "without_status").empty


def test_tracker_with_no_status_at_all():
    board = target_progress.tracker(_targets(), _statuses())
    counts = target_progress.summary(board)
    assert (counts["targets"], counts["with_status"], counts["no_status"], counts["met"]) == (4, 0, 4, 0)


def _verdict_cases() -> list:
    """Return the hand-written verdict cases of cases/verdicts.toml, each as pytest params with its reason as id."""
    cases = tomllib.loads((Path(__file__).parent / "cases" / "verdicts.toml").read_text(encoding="utf-8"))["case"]
    return [pytest.param(case, id=f"{index}-{case['expect']['code']}") for index, case in enumerate(cases)]


@pytest.mark.parametrize("case", _verdict_cases())
def test_verdicts_from_a_hand_written_table(case):
    target, status, baseline = case["target"], case["status"], case.get("baseline")
    result = target_progress.verdict(
        target["value"], target["qualifier"], target.get("year"),
        status.get("value"), status.get("qualifier"), status.get("as_of"),
        None if baseline is None else (baseline["value"], baseline["as_of"]),
    )  # fmt: skip
    assert (result.code, result.reason) == (case["expect"]["code"], case["expect"]["reason"]), case["why"]
    assert result.code in vocab.TARGET_VERDICTS and result.reason in vocab.VERDICT_REASONS


def test_the_path_level_is_the_straight_line_between_baseline_and_target():
    result = target_progress.verdict(4.5, "exact", 2025, 2.8, "exact", "2023-12", (1.0, "2021-12"))
    assert result.expected == pytest.approx(1.0 + 3.5 * 730 / 1461)


@pytest.mark.parametrize(
    ("as_of", "day"),
    [("2022-12", "2022-12-31"), ("2024-02", "2024-02-29"), ("2023-02", "2023-02-28"), ("2022-06-08", "2022-06-08")],
)
def test_a_month_only_status_describes_the_last_day_of_its_month(as_of, day):
    assert target_progress.status_date(as_of).isoformat() == day


# Derived ratios, worked by hand: numerator ÷ denominator × scale, and the qualifier a bound input gives.
def test_the_tracker_draws_the_path_from_the_earliest_number_and_counts_by_verdict():
    targets = pd.DataFrame.from_records(
        [("t_poles", "3.6", 4.5, None, "exact", 2025), ("t_5g", "3.6", 30.0, None, "exact", None)],
        columns=["id", "section", "value", "value_high", "qualifier", "year"],
    )
    statuses = _statuses(
        ("t_poles", "2021-12", 1.0, "exact"),
        ("t_poles", "2022-06", 1.2, "more_than"),  # a bound: never a baseline
        ("t_poles", "2023-12", 2.7, "exact"),
        ("t_5g", "2022-12", 36.2, "more_than"),
    )
    board = target_progress.tracker(targets, statuses).set_index("id")
    assert board.at["t_poles", "verdict"] == "behind"  # 2.7 < 2.7488 on the path from 1.0 (2021-12)
    assert board.at["t_5g", "verdict"] == "on_track"
    counts = target_progress.summary(board.reset_index())
    assert (counts["behind"], counts["on_track"], counts["met"], counts["no_status"]) == (1, 1, 0, 0)
