"""Derived target statuses: a status computed at build time from two rows of benchmarks.csv (e.g. 5G stations ÷
residents), with the value, qualifier and grade its inputs give; every error names target_status.csv's line."""

from __future__ import annotations

import pandas as pd

from explorer import target_progress
from explorer.vocab import UNITS


def _input_row(benchmarks: pd.DataFrame, key: target_progress.InputKey, line: int) -> pd.Series:
    """Return the one observed benchmarks row a derived status names, or raise ValueError naming the line."""
    match = benchmarks[
        (benchmarks["city"] == key.city)
        & (benchmarks["year"] == key.year)
        & (benchmarks["indicator"] == key.indicator)
        & (benchmarks["comparability_group"] == key.comparability_group)
    ]
    where = f"target_status.csv, line {line}: input {key.city}/{key.year}/{key.indicator}/{key.comparability_group}"
    if len(match) != 1:
        raise ValueError(f"{where} matches {len(match)} rows of benchmarks.csv, not one")
    row = match.iloc[0]
    if row["status"] != "observed":
        raise ValueError(f"{where} is a {row['status']}, not an observation")
    return row


def with_derived(statuses: pd.DataFrame, benchmarks: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Fill each derived status's value, qualifier and grade from its inputs (rows of benchmarks.csv).

    Raises ValueError, naming the file and line, when an input is missing, the target's unit has no ratio scale, the
    status's as_of is not in the inputs' year, or the inputs' qualifiers give no honest qualifier.
    """
    statuses = statuses.copy()
    units = figures.set_index("id")["unit"]
    for index in statuses.index[statuses["basis"] == "derived"]:
        line = int(index) + 2
        row = statuses.loc[index]
        if any(pd.notna(row[column]) for column in ("value", "qualifier", "source_url", "source_quote", "grade")):
            raise ValueError(f"target_status.csv, line {line}: a derived status takes its value from its inputs")
        try:
            keys = target_progress.parse_inputs(row["inputs"] or "")
        except ValueError as exc:
            raise ValueError(f"target_status.csv, line {line}: {exc}") from exc
        numerator, denominator = (_input_row(benchmarks, key, line) for key in keys)
        # A ratio of two sourced rows, in base units per base unit, written in the target's unit (a rate per
        # 10,000 people is 10^-4 per person, so the quotient is multiplied by 10,000).
        unit = UNITS.get(units.get(row["figure_id"]))
        if unit is None or unit.kind != "ratio":
            raise ValueError(f"target_status.csv, line {line}: the target's unit is not a ratio")
        scale = 1.0 / unit.scale
        if any(not str(row["as_of"]).startswith(f"{key.year}-") for key in keys):
            raise ValueError(f"target_status.csv, line {line}: as_of {row['as_of']} is not in the inputs' year")
        try:
            value, qualifier = target_progress.derive_ratio(
                float(numerator["value"]) * UNITS[numerator["unit"]].scale,
                numerator["qualifier"],
                float(denominator["value"]) * UNITS[denominator["unit"]].scale,
                denominator["qualifier"],
                scale,
            )
        except ValueError as exc:
            raise ValueError(f"target_status.csv, line {line}: {exc}") from exc
        grade = "official" if numerator["grade"] == denominator["grade"] == "official" else "secondary"
        statuses.loc[index, ["value", "qualifier", "grade"]] = [
            target_progress.rounded_bound(value, qualifier),
            qualifier,
            grade,
        ]
    statuses["value"] = pd.to_numeric(statuses["value"])
    return statuses
