"""Target progress: each paper target with its latest sourced status and how far it has come, by direction."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from explorer import vocab

SHOW_OPTIONS = ("all", "with_status", "without_status")
# "PUE < 1.25", "latency 8 ms 以下" (≤ 8 ms): a ceiling is met or not met; a percentage of a cap means nothing.
CEILING_QUALIFIERS = vocab.CEILING_QUALIFIERS
# A cap the status must stay strictly below ("小于 1.25"); 以下 / 最高达 caps include the number.
STRICT_CEILING_QUALIFIERS = frozenset({"less_than"})
# A target kept verbatim because it looks wrong (household gigabit coverage "200 %"): no progress is computed.
UNCLEAR_QUALIFIERS = frozenset({"as_printed"})
# Targets the paper states as a strict floor ("超过", "突破 1000 亿元"): reaching the number is not enough
# (以上 includes the number: at_least).
STRICT_FLOOR_QUALIFIERS = frozenset({"more_than"})
# A month-only as_of ("2022-06") sorts after any day in that month: the status describes the month as a whole.
_MONTH_END = "-32"
PROGRESS_COLUMNS = ("direction", "ratio", "bar", "met", "gap", "is_lower_bound", "is_exceeded")


@dataclass(frozen=True)
class Progress:
    """How a status compares with its target.

    direction: "floor" (reach at least the target), "ceiling" (stay below a cap), "unclear" (target kept as
    printed) or "none" (no status published). ratio is status / target (floors only, uncapped); bar is the
    ratio capped at 1 for a progress bar; met is None when the data cannot tell; gap is status minus cap
    (ceilings only, in the target's unit).
    """

    direction: str
    target: float
    ratio: float | None = None
    bar: float | None = None
    met: bool | None = None
    gap: float | None = None
    is_lower_bound: bool = False

    @property
    def is_exceeded(self) -> bool:
        """True when a floor target has been passed (ratio above 100 %)."""
        return self.ratio is not None and self.ratio > 1


def _bounds(value: float, qualifier: str) -> tuple[float, float, bool, bool]:
    """Return (low, high, low_is_open, high_is_open): the interval a qualified status value stands for."""
    if qualifier in vocab.FLOOR_QUALIFIERS:
        return value, math.inf, qualifier in STRICT_FLOOR_QUALIFIERS, False
    if qualifier in CEILING_QUALIFIERS:
        return -math.inf, value, False, qualifier in STRICT_CEILING_QUALIFIERS
    return value, value, False, False  # exact, approx


def progress(
    target_value: float, target_qualifier: str, status_value: float | None, status_qualifier: str | None
) -> Progress:
    """Return the progress of one status towards one target (for a range target pass its lower bound)."""
    if target_qualifier in UNCLEAR_QUALIFIERS:
        return Progress("unclear", target_value)
    if status_value is None or pd.isna(status_value):
        return Progress("none", target_value)
    low, high, low_open, high_open = _bounds(float(status_value), status_qualifier or "exact")
    is_lower_bound = target_qualifier == "range"
    if target_qualifier in CEILING_QUALIFIERS:
        if target_qualifier in STRICT_CEILING_QUALIFIERS:
            is_met = high < target_value or (high == target_value and high_open)
            is_not_met = low >= target_value
        else:
            is_met = high <= target_value
            is_not_met = low > target_value or (low == target_value and low_open)
        met = True if is_met else False if is_not_met else None
        return Progress("ceiling", target_value, met=met, gap=float(status_value) - target_value)
    if target_qualifier in STRICT_FLOOR_QUALIFIERS:
        is_met = low > target_value or (low == target_value and low_open)
        is_not_met = high <= target_value
    else:
        is_met = low >= target_value
        is_not_met = high < target_value or (high == target_value and high_open)
    met = True if is_met else False if is_not_met else None
    ratio = float(status_value) / target_value if target_value else None
    bar = None if ratio is None else max(0.0, min(ratio, 1.0))
    return Progress("floor", target_value, ratio=ratio, bar=bar, met=met, is_lower_bound=is_lower_bound)


def latest_statuses(statuses: pd.DataFrame) -> pd.DataFrame:
    """Return the latest status of each target (by as_of), with num_statuses: how many each target has."""
    if statuses.empty:
        return statuses.assign(num_statuses=pd.Series(dtype="int64"))
    order = statuses["as_of"].where(statuses["as_of"].str.len() > 7, statuses["as_of"] + _MONTH_END)
    ranked = statuses.assign(_order=order).sort_values(["figure_id", "_order"])
    counts = ranked.groupby("figure_id")["as_of"].transform("size")
    latest = ranked.assign(num_statuses=counts).drop_duplicates("figure_id", keep="last")
    return latest.drop(columns="_order").reset_index(drop=True)


def tracker(targets: pd.DataFrame, statuses: pd.DataFrame) -> pd.DataFrame:
    """Return one row per target (in the given order) with its latest status and its progress.

    Adds status_value, status_qualifier, as_of, num_statuses (0 without a status), has_status, direction,
    ratio, bar, met (True / False / None), gap, is_lower_bound, is_exceeded.
    """
    latest = latest_statuses(statuses).rename(columns={"value": "status_value", "qualifier": "status_qualifier"})
    board = targets.merge(latest, how="left", left_on="id", right_on="figure_id", sort=False)
    board["num_statuses"] = board["num_statuses"].fillna(0).astype(int)
    board["has_status"] = board["status_value"].notna()
    rows = []
    for _, row in board.iterrows():
        has_status = bool(row["has_status"])
        result = progress(
            row["value"],
            row["qualifier"],
            row["status_value"] if has_status else None,
            row["status_qualifier"] if has_status else None,
        )
        rows.append([getattr(result, name) for name in PROGRESS_COLUMNS])
    return pd.concat([board, pd.DataFrame(rows, index=board.index, columns=PROGRESS_COLUMNS)], axis=1)


def select(board: pd.DataFrame, sections: list[str], show: str) -> pd.DataFrame:
    """Return the tracker rows in the chosen sections (all when empty) with or without a status."""
    shown = board[board["section"].isin(sections)] if sections else board
    if show == "with_status":
        shown = shown[shown["has_status"]]
    elif show == "without_status":
        shown = shown[~shown["has_status"]]
    return shown.reset_index(drop=True)


def summary(board: pd.DataFrame) -> dict[str, int]:
    """Return how many targets there are, how many have a published status and how many are met."""
    return {
        "targets": len(board),
        "with_status": int(board["has_status"].sum()),
        "met": int((board["met"] == True).sum()),  # noqa: E712 (None means "cannot tell", not False)
    }
