"""The domain's code lists, written once: the build's CHECK constraints, the pages and the tests import them.

Codes are language-neutral (they go into URLs and the database); their zh/en labels live with the
data (CSV columns) or, for interface words, in the catalogues.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Cities, in the order every page lists them: the subject first, then its peers.
CITIES: tuple[str, ...] = ("shenzhen", "beijing", "shanghai")
SUBJECT_CITY = "shenzhen"
PEER_CITIES: tuple[str, ...] = tuple(city for city in CITIES if city != SUBJECT_CITY)

# Kinds of figure the paper states.
FIGURE_KINDS: tuple[str, ...] = ("status", "bottleneck", "target", "rank")

# How a number is qualified in its source: 近/约 ≈, 超过 >, 不足 <, 以上/不低于 ≥, 以下/不高于 ≤, 最高达 "up to".
# Chinese statutory reading (民法典 第1259条): 以上 and 以下 include the number.
QUALIFIERS: tuple[str, ...] = (
    "exact", "approx", "more_than", "less_than", "at_least", "at_most", "up_to", "range", "as_printed",
)  # fmt: skip
# A status or a city statistic is one number: no range, nothing "as printed".
NUMBER_QUALIFIERS: tuple[str, ...] = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "up_to")
QUALIFIER_SIGNS: dict[str, str] = {
    "approx": "≈", "more_than": ">", "less_than": "<", "at_least": "≥", "at_most": "≤", "up_to": "≤",
}  # fmt: skip
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

# The paper's sections: its five bottlenecks (2.x) and eight groups of measures (3.x).
BOTTLENECKS: tuple[str, ...] = ("2.1", "2.2", "2.3", "2.4", "2.5")
MEASURES: tuple[str, ...] = ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8")
LINK_STRENGTHS: tuple[str, ...] = ("primary", "secondary")


@dataclass(frozen=True)
class Unit:
    """A unit code: what it counts (its base) and how many base units one of it is."""

    base: str
    scale: float


# Unit codes: of the city statistics, the paper's figures, the model's parameters and its outcomes.
# Chinese sources count in 万 (10^4), 亿 (10^8) and 万亿 (10^12); their labels are in data/units.csv.
# Units printed without a word after the number (PUE is a plain ratio: "< 1.25").
UNITLESS_UNITS: frozenset[str] = frozenset({"ratio"})
UNITS: dict[str, Unit] = {
    "yuan": Unit("yuan", 1.0),
    "100m_yuan": Unit("yuan", 1e8),
    "trillion_yuan": Unit("yuan", 1e12),
    "count": Unit("count", 1.0),
    "racks": Unit("racks", 1.0),
    "10k_racks": Unit("racks", 1e4),
    "10k_std_racks": Unit("racks", 1e4),  # racks counted in 万个, as the paper prints 2.1 万个标准机柜
    "eflops": Unit("eflops", 1.0),
    "pct": Unit("pct", 1.0),
    "per_10k_people": Unit("per_10k_people", 1.0),
    "ratio": Unit("ratio", 1.0),
    # The paper's figures, each in the counting word it prints (家, 根, 项, 名 …).
    "firms": Unit("firms", 1.0),
    "parks": Unit("parks", 1.0),
    "platforms": Unit("platforms", 1.0),
    "platforms_jia": Unit("platforms", 1.0),
    "projects": Unit("projects", 1.0),
    "events": Unit("events", 1.0),
    "communities": Unit("communities", 1.0),
    "nodes": Unit("nodes", 1.0),
    "fields": Unit("fields", 1.0),
    "base_stations": Unit("base_stations", 1.0),
    "10k_base_stations": Unit("base_stations", 1e4),
    "roadside_units": Unit("roadside_units", 1.0),
    "10k_firms": Unit("firms", 1e4),
    "10k_poles": Unit("poles", 1e4),
    "items": Unit("items", 1.0),
    "people": Unit("people", 1.0),
    "years": Unit("years", 1.0),
    "rank": Unit("rank", 1.0),
    "ms": Unit("ms", 1.0),
    # The model's parameters.
    "pct_per_year": Unit("pct_per_year", 1.0),
    "pp_per_year": Unit("pp_per_year", 1.0),
    "times": Unit("times", 1.0),
    "kw": Unit("kw", 1.0),
    "tflops": Unit("tflops", 1.0),
    "yuan_per_kwh": Unit("yuan_per_kwh", 1.0),
    "yuan_per_person_year": Unit("yuan_per_person_year", 1.0),
    "10k_yuan_per_person_year": Unit("yuan_per_person_year", 1e4),
    "10k_yuan_per_rack_year": Unit("yuan_per_rack_year", 1e4),
    "10k_yuan_per_rack": Unit("yuan_per_rack", 1e4),
    # The model's outcomes (explorer.model.OUTCOMES).
    "yi_yuan": Unit("yuan", 1e8),
    "yi_yuan_per_year": Unit("yuan_per_year", 1e8),
    "yi_yuan_cumulative": Unit("yuan", 1e8),
    "pct_gdp": Unit("pct", 1.0),
    "gwh_per_year": Unit("gwh_per_year", 1.0),
    "people_cumulative": Unit("people", 1.0),
}


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
