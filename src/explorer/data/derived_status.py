"""Derived target statuses: a status computed at build time from two rows of benchmarks.csv (e.g. 5G stations ÷
residents), with the value, qualifier and grade its inputs give; every error names target_status.csv's line."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from explorer.core.vocab import APPROX_QUALIFIERS, UNITS

# A derived status's inputs: "numerator ÷ denominator", each "city/year/indicator/comparability_group".
INPUT_SEPARATOR = " ÷ "
# Which way a qualified number leans: +1 the true value is at or above it, -1 at or below, 0 it is the value
# (近, "nearly", is close to it: as an input of a ratio it is an approximate number).
_LEAN = {
    "exact": 0, "approx": 0, "nearly": 0, "more_than": 1, "at_least": 1, "less_than": -1, "at_most": -1, "up_to": -1,
}  # fmt: skip
_STRICT = frozenset({"more_than", "less_than"})
_BOUND = {(1, True): "more_than", (1, False): "at_least", (-1, True): "less_than", (-1, False): "at_most"}


@dataclass(frozen=True)
class InputKey:
    """One input row of a derived status: a city statistic in data/benchmarks.csv."""

    city: str
    year: int
    indicator: str
    comparability_group: str


def parse_inputs(text: str) -> tuple[InputKey, InputKey]:
    """Return the numerator and denominator keys of an inputs text; ValueError when it does not parse."""
    parts = text.split(INPUT_SEPARATOR)
    if len(parts) != 2:
        raise ValueError(f"inputs must be 'numerator{INPUT_SEPARATOR}denominator': {text!r}")
    keys = []
    for part in parts:
        fields = part.strip().split("/")
        if len(fields) != 4 or not fields[1].isdigit() or not all(fields):
            raise ValueError(f"an input must be city/year/indicator/comparability_group: {part!r}")
        keys.append(InputKey(fields[0], int(fields[1]), fields[2], fields[3]))
    return keys[0], keys[1]


def derive_ratio(
    numerator: float, numerator_qualifier: str, denominator: float, denominator_qualifier: str, scale: float
) -> tuple[float, str]:
    """Return numerator ÷ denominator × scale and its qualifier: a bound input gives a bound result.

    "> 64,000 stations" ÷ 17,661,800 residents × 10,000 is "> 36.2"; a bound denominator turns the sign over
    ("÷ more than N" is "less than"). Raises ValueError when no honest qualifier exists (bounds pulling opposite
    ways, or a bound with an approximate number) or the denominator is not positive.
    """
    if denominator <= 0:
        raise ValueError("the denominator must be positive")
    value = numerator / denominator * scale
    leans = [(_LEAN[numerator_qualifier], numerator_qualifier), (-_LEAN[denominator_qualifier], denominator_qualifier)]
    bounds = [(lean, qualifier) for lean, qualifier in leans if lean]
    is_approx = bool(APPROX_QUALIFIERS & {numerator_qualifier, denominator_qualifier})
    if not bounds:
        return value, "approx" if is_approx else "exact"
    if is_approx or len({lean for lean, _ in bounds}) > 1:
        raise ValueError(f"no qualifier for {numerator_qualifier} ÷ {denominator_qualifier}")
    strict = any(qualifier in _STRICT for _, qualifier in bounds)
    return value, _BOUND[(bounds[0][0], strict)]


def rounded_bound(value: float, qualifier: str, digits: int = 1) -> float:
    """Return a derived value to `digits` decimals without breaking its bound: a floor down, a ceiling up.

    "> 36.236" becomes "> 36.2" (still true); "< 36.236" becomes "< 36.3"; a number is rounded to the nearest.
    """
    factor = 10**digits
    if _LEAN[qualifier] > 0:
        return math.floor(value * factor) / factor
    if _LEAN[qualifier] < 0:
        return math.ceil(value * factor) / factor
    return round(value, digits)


def _input_row(benchmarks: pd.DataFrame, key: InputKey, line: int) -> pd.Series:
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
            keys = parse_inputs(row["inputs"] or "")
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
            value, qualifier = derive_ratio(
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
            rounded_bound(value, qualifier),
            qualifier,
            grade,
        ]
    statuses["value"] = pd.to_numeric(statuses["value"])
    return statuses
