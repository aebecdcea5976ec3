"""Target progress: each paper target with its latest sourced status and how far it has come, by direction."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from explorer.core import vocab

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
VERDICT_COLUMNS = ("verdict", "verdict_reason", "expected", "baseline_value", "baseline_as_of")
# A straight path starts only from a status that is a number, not a bound ("> 15,000" could start anywhere above).
BASELINE_QUALIFIERS = frozenset({"exact"}) | vocab.APPROX_QUALIFIERS


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
    if qualifier == "nearly":  # 近 N: below N, how far not said (against a target, a strict ceiling)
        return -math.inf, value, False, True
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


@dataclass(frozen=True)
class Verdict:
    """A target's verdict (a code of vocab.TARGET_VERDICTS), why, and the straight path's level when one was drawn."""

    code: str
    reason: str
    expected: float | None = None


def status_date(as_of: str) -> date:
    """Return the day a status describes: its day, or the last day of its month for a month-only as_of."""
    parts = [int(part) for part in as_of.split("-")]
    if len(parts) == 3:
        return date(*parts)
    first_of_next = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def deadline(year: float | None) -> date | None:
    """Return a target's deadline: the last day of its target year ("到2025年", "2025年底前"), None without a year."""
    return None if year is None or pd.isna(year) else date(int(year), 12, 31)


def _against(low: float, high: float, low_open: bool, high_open: bool, level: float, is_ceiling: bool) -> bool | None:
    """Return True if the status is at or beyond `level` in the target's direction, False if short, None if unknown."""
    if is_ceiling:
        return True if high <= level else False if (low > level or (low == level and low_open)) else None
    return True if low >= level else False if (high < level or (high == level and high_open)) else None


def path_level(target: float, due: date, baseline: float, since: date, on: date) -> float:
    """Return the level a straight path from (since, baseline) to (due, target) reaches on the day `on`."""
    return baseline + (target - baseline) * (on - since).days / (due - since).days


def verdict(
    target_value: float,
    target_qualifier: str,
    target_year: float | None,
    status_value: float | None,
    status_qualifier: str | None,
    as_of: str | None,
    baseline: tuple[float, str] | None = None,
) -> Verdict:
    """Return the verdict of a target from its latest status and, before the deadline, a straight path.

    met / missed: only from a status dated on or after the deadline (31 December of the target year).
    Before the deadline, or when the target gives no year: a status at or beyond the target is on track
    ("already at the target level"); below it, the status is compared with a straight path from `baseline`
    (an earlier exact or approximate status: value and as_of) to the target at the deadline: at or beyond the
    path is on track, short of it behind. Without a deadline or a baseline no path is drawn: cannot tell.
    A bound status ("> 15,000") that straddles the level it is compared with also cannot tell.
    """
    if target_qualifier in UNCLEAR_QUALIFIERS:
        return Verdict("no_verdict", "as_printed")
    if status_value is None or pd.isna(status_value) or as_of is None:
        return Verdict("no_status", "none")
    reached = progress(target_value, target_qualifier, status_value, status_qualifier).met
    due, on = deadline(target_year), status_date(as_of)
    if due is not None and on >= due:
        if reached is None:
            return Verdict("cannot_tell", "bound_straddles")
        return Verdict("met" if reached else "missed", "deadline_passed")
    if reached:
        return Verdict("on_track", "at_target")
    if reached is None:
        return Verdict("cannot_tell", "bound_straddles")
    if due is None:
        return Verdict("cannot_tell", "no_deadline")
    if baseline is None or baseline[1] is None or status_date(baseline[1]) >= on:
        return Verdict("cannot_tell", "no_baseline")
    level = path_level(target_value, due, baseline[0], status_date(baseline[1]), on)
    low, high, low_open, high_open = _bounds(float(status_value), status_qualifier or "exact")
    on_path = _against(low, high, low_open, high_open, level, target_qualifier in CEILING_QUALIFIERS)
    if on_path is None:
        return Verdict("cannot_tell", "bound_straddles", level)
    return Verdict("on_track", "on_path", level) if on_path else Verdict("behind", "below_path", level)


def latest_statuses(statuses: pd.DataFrame) -> pd.DataFrame:
    """Return the latest status of each target (by as_of), with num_statuses: how many each target has."""
    if statuses.empty:
        return statuses.assign(num_statuses=pd.Series(dtype="int64"))
    order = statuses["as_of"].where(statuses["as_of"].str.len() > 7, statuses["as_of"] + _MONTH_END)
    ranked = statuses.assign(_order=order).sort_values(["figure_id", "_order"])
    counts = ranked.groupby("figure_id")["as_of"].transform("size")
    latest = ranked.assign(num_statuses=counts).drop_duplicates("figure_id", keep="last")
    return latest.drop(columns="_order").reset_index(drop=True)


def baselines(statuses: pd.DataFrame) -> dict[str, tuple[float, str]]:
    """Return each target's earliest exact or approximate status (value, as_of): where a straight path starts."""
    if statuses.empty:
        return {}
    numbers = statuses[statuses["qualifier"].isin(BASELINE_QUALIFIERS)]
    order = numbers["as_of"].map(lambda as_of: status_date(as_of).isoformat())
    earliest = numbers.assign(_order=order).sort_values(["figure_id", "_order"]).drop_duplicates("figure_id")
    return {row.figure_id: (float(row.value), row.as_of) for row in earliest.itertuples()}


def tracker(targets: pd.DataFrame, statuses: pd.DataFrame) -> pd.DataFrame:
    """Return one row per target (in the given order) with its latest status, its progress and its verdict.

    Adds status_value, status_qualifier, as_of, num_statuses (0 without a status), has_status, direction,
    ratio, bar, met (True / False / None), gap, is_lower_bound, is_exceeded, verdict, verdict_reason, expected
    (the straight path's level on the status's date, where one was drawn) and the path's baseline_value and
    baseline_as_of.
    """
    latest = latest_statuses(statuses).rename(columns={"value": "status_value", "qualifier": "status_qualifier"})
    board = targets.merge(latest, how="left", left_on="id", right_on="figure_id", sort=False)
    board["num_statuses"] = board["num_statuses"].fillna(0).astype(int)
    board["has_status"] = board["status_value"].notna()
    starts = baselines(statuses)
    rows = []
    for _, row in board.iterrows():
        has_status = bool(row["has_status"])
        status_value = row["status_value"] if has_status else None
        status_qualifier = row["status_qualifier"] if has_status else None
        result = progress(row["value"], row["qualifier"], status_value, status_qualifier)
        judged = verdict(
            row["value"],
            row["qualifier"],
            row.get("year"),
            status_value,
            status_qualifier,
            row["as_of"] if has_status else None,
            starts.get(row["id"]),
        )
        start = starts.get(row["id"], (None, None)) if judged.expected is not None else (None, None)
        rows.append(
            [getattr(result, name) for name in PROGRESS_COLUMNS] + [judged.code, judged.reason, judged.expected, *start]
        )
    added = pd.DataFrame(rows, index=board.index, columns=[*PROGRESS_COLUMNS, *VERDICT_COLUMNS])
    return pd.concat([board, added], axis=1)


def select(board: pd.DataFrame, sections: list[str], show: str) -> pd.DataFrame:
    """Return the tracker rows in the chosen sections (all when empty) with or without a status."""
    shown = board[board["section"].isin(sections)] if sections else board
    if show == "with_status":
        shown = shown[shown["has_status"]]
    elif show == "without_status":
        shown = shown[~shown["has_status"]]
    return shown.reset_index(drop=True)


def summary(board: pd.DataFrame) -> dict[str, int]:
    """Return how many targets there are, how many have a published status and how many have each verdict."""
    counts = {"targets": len(board), "with_status": int(board["has_status"].sum())}
    return counts | {code: int((board["verdict"] == code).sum()) for code in vocab.TARGET_VERDICTS}
