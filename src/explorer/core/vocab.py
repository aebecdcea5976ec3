"""The domain's code lists, written once: the build's CHECK constraints, the pages and the tests import them.

The unit codes and their facts are read from data/units.csv, the one units table.

Codes are language-neutral (they go into URLs and the database); their zh/en labels live with the
data (CSV columns) or, for interface words, in the catalogues.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from explorer.core.settings import DEFAULTS

# Cities, in the order every page lists them: the subject first, then its peers.
CITIES: tuple[str, ...] = ("shenzhen", "beijing", "shanghai")
SUBJECT_CITY = "shenzhen"
PEER_CITIES: tuple[str, ...] = tuple(city for city in CITIES if city != SUBJECT_CITY)

# Kinds of figure the paper states.
FIGURE_KINDS: tuple[str, ...] = ("status", "bottleneck", "target", "rank")

# How a number is qualified in its source: 约/左右 ≈, 近 "nearly" (close to it, from below), 超过 >, 不足 <,
# 以上/不低于 ≥, 以下/不高于 ≤, 最高达 "up to".
# Chinese statutory reading (民法典 第1259条): 以上 and 以下 include the number.
QUALIFIERS: tuple[str, ...] = (
    "exact", "approx", "nearly", "more_than", "less_than", "at_least", "at_most", "up_to", "range", "as_printed",
)  # fmt: skip
# A status or a city statistic is one number: no range, nothing "as printed".
NUMBER_QUALIFIERS: tuple[str, ...] = (
    "exact", "approx", "nearly", "more_than", "less_than", "at_least", "at_most", "up_to",
)  # fmt: skip
QUALIFIER_SIGNS: dict[str, str] = {
    "approx": "≈", "more_than": ">", "less_than": "<", "at_least": "≥", "at_most": "≤", "up_to": "≤",
}  # fmt: skip
# Qualifiers shown as a word before the number, as the source says it (the catalogue's "qualifier.<code>": 近, nearly):
# no sign says "close to it, from below" to a general reader.
WORD_QUALIFIERS: frozenset[str] = frozenset({"nearly"})
# Qualifiers of a number that is about right (not a bound): a point on a path, a ratio's approximate input.
APPROX_QUALIFIERS: frozenset[str] = frozenset({"approx", "nearly"})
# Qualifiers that make the number a ceiling (the true value is at or below it) or a floor.
CEILING_QUALIFIERS: frozenset[str] = frozenset({"less_than", "at_most", "up_to"})
FLOOR_QUALIFIERS: frozenset[str] = frozenset({"more_than", "at_least"})

# How far a source can be trusted: the issuing body's own page, or anything else.
SOURCE_GRADES: tuple[str, ...] = ("official", "secondary")
# "Official" means the issuing government or statistics body's own page: its host is a government domain
# (checked by tests/data/test_sources.py; a repost on another body's site is graded secondary by hand).
GOVERNMENT_HOST_SUFFIXES: tuple[str, ...] = (".gov.cn",)
# A model parameter may also be derived from sourced rows, or be a labelled assumption.
PARAMETER_GRADES: tuple[str, ...] = (*SOURCE_GRADES, "derived", "assumption")

# Where a target's status comes from: a source reports it, or the app derives it from sourced city rows
# (e.g. 5G stations per 10,000 people = stations ÷ year-end residents × 10,000).
STATUS_BASES: tuple[str, ...] = ("reported", "derived")
# A target's verdict (explorer.features.targets.progress.verdict): "met" / "missed" only from a status dated at or after
# the deadline; before it (or with no deadline) "on_track" or "behind"; "cannot_tell" when the data cannot say;
# "no_verdict" for a target kept as printed; "no_status" when nothing is published.
TARGET_VERDICTS: tuple[str, ...] = ("met", "on_track", "behind", "missed", "cannot_tell", "no_verdict", "no_status")
# Why a verdict is what it is (explorer.features.targets.verdicts words each one).
VERDICT_REASONS: tuple[str, ...] = (
    "deadline_passed", "at_target", "on_path", "below_path", "bound_straddles", "no_deadline", "no_baseline",
    "as_printed", "none",
)  # fmt: skip

# Whether a city row reports what happened or what is aimed for.
BENCHMARK_STATUSES: tuple[str, ...] = ("observed", "target")

# The digital indicators of the peer comparison, each with the one comparability group whose definition the
# cities' sources share (data/comparability_groups.csv): 5G density, sector I value added, C39, R&D intensity.
DIGITAL_PEER_GROUPS: tuple[tuple[str, str], ...] = (
    ("g5_per_10k", "g5_per_10k_yearend"),
    ("sector_i_va", "sector_i_va_stats"),
    ("c39_va_growth", "c39_va_growth_stats"),
    ("rd_intensity", "rd_intensity_stats"),
)

# The headline digital indicators the cities count each by its own definition (no comparability group they share):
# the Benchmarks glance says so, names each city's own latest figure, and points to the comparable one.
NOT_COMPARABLE_HEADLINES: tuple[str, ...] = ("core_va", "core_va_share")
# The digital indicator the cities publish alike that the glance points to instead (its line; Scenarios' peers tab).
COMPARABLE_DIGITAL = "sector_i_va"

# The paper's sections: its five bottlenecks (2.x) and eight groups of measures (3.x).
BOTTLENECKS: tuple[str, ...] = ("2.1", "2.2", "2.3", "2.4", "2.5")
MEASURES: tuple[str, ...] = ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8")
LINK_STRENGTHS: tuple[str, ...] = ("primary", "secondary")


# How a unit's numbers are written and compared (units.csv `kind`): an amount of yuan (money: 亿元 steps up to
# 万亿元; three significant figures on a card), a per cent of a whole (share: a change of it is in percentage
# points), a number of whole things (count), a rate or a measure (ratio: per 10,000 people, % per year, kW), or a
# pure number written without a unit word (bare: PUE's ratio, "< 1.25").
UNIT_KINDS: tuple[str, ...] = ("money", "share", "count", "ratio", "bare")


@dataclass(frozen=True)
class Unit:
    """A unit code: what it counts (its base), how many base units one of it is, its decimals and its kind."""

    base: str
    scale: float
    decimals: int | None = None  # on a Scenarios card and, at least, in a download (outcome units only)
    kind: str = "count"


def _read_units(path: Path) -> dict[str, Unit]:
    """Return every unit of data/units.csv (its labels are the database's; base, scale, decimals and kind here)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Unit(row["base"], float(row["scale"]), int(row["decimals"]) if row["decimals"] else None,
                              row["kind"])
            for row in csv.DictReader(handle)
        }  # fmt: skip


# Unit codes: of the city statistics, the paper's figures, the model's parameters and its outcomes, read once from
# data/units.csv (one row per unit: labels, base, scale, decimals, kind). Chinese sources count in 万 (10^4),
# 亿 (10^8) and 万亿 (10^12); a per-10,000-people rate is 10^-4 per person.
UNITS: dict[str, Unit] = _read_units(DEFAULTS.data_dir / "units.csv")


def unit_factor(from_unit: str, to_unit: str) -> float | None:
    """Return the factor that turns a value in `from_unit` into `to_unit`, or None if they measure different things."""
    source, target = UNITS[from_unit], UNITS[to_unit]
    return source.scale / target.scale if source.base == target.base else None


def unit_conversions() -> list[tuple[str, str, float]]:
    """Return every (from, to, factor) pair of distinct units that measure the same thing."""
    return [
        (source, target, factor)
        for source in UNITS
        for target in UNITS
        if source != target and (factor := unit_factor(source, target)) is not None
    ]


def sql_in(codes: Iterable[str]) -> str:
    """Return codes as an SQL list literal for a CHECK constraint, e.g. `('a', 'b')`."""
    quoted = []
    for code in codes:
        if "'" in code:
            raise ValueError(f"a code cannot hold a quote: {code!r}")
        quoted.append(f"'{code}'")
    return "(" + ", ".join(quoted) + ")"
