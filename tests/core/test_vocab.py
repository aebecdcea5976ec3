"""The vocabulary: every code a source CSV uses is one it knows, and unit scales convert as Chinese counting does."""

import pandas as pd
import pytest

from explorer import DATA_DIR, model
from explorer.core import vocab

# (file, column) -> the code list its values must come from.
CODE_COLUMNS = {
    ("figures.csv", "kind"): vocab.FIGURE_KINDS,
    ("figures.csv", "qualifier"): vocab.QUALIFIERS,
    ("figures.csv", "unit"): tuple(vocab.UNITS),
    ("units.csv", "code"): tuple(vocab.UNITS),
    ("indicators.csv", "unit"): tuple(vocab.UNITS),
    ("benchmarks.csv", "city"): vocab.CITIES,
    ("benchmarks.csv", "unit"): tuple(vocab.UNITS),
    ("benchmarks.csv", "status"): vocab.BENCHMARK_STATUSES,
    ("benchmarks.csv", "grade"): vocab.SOURCE_GRADES,
    ("parameters.csv", "grade"): vocab.PARAMETER_GRADES,
    ("parameters.csv", "unit"): tuple(vocab.UNITS),
    ("outcomes.csv", "unit"): tuple(vocab.UNITS),
    ("recommendations.csv", "measure"): vocab.MEASURES,
    ("recommendations.csv", "bottleneck"): vocab.BOTTLENECKS,
    ("recommendations.csv", "strength"): vocab.LINK_STRENGTHS,
    ("measure_levers.csv", "measure"): vocab.MEASURES,
    ("measure_levers.csv", "lever"): model.LEVER_NAMES,
    ("target_status.csv", "qualifier"): vocab.NUMBER_QUALIFIERS,
    ("target_status.csv", "grade"): vocab.SOURCE_GRADES,
    ("target_status.csv", "basis"): vocab.STATUS_BASES,
}
# Columns a derived status leaves empty (the build fills them from its inputs; tests/data/test_target_status_csv.py
# checks that only derived rows do).
MAY_BE_EMPTY = {("target_status.csv", "qualifier"), ("target_status.csv", "grade")}


def test_every_code_in_every_source_is_known() -> None:
    problems = []
    for (name, column), known in CODE_COLUMNS.items():
        frame = pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False)
        for line, code in enumerate(frame[column], start=2):
            if code.strip() not in known and not (code == "" and (name, column) in MAY_BE_EMPTY):
                problems.append(f"{name}, line {line}: {column} '{code}' is not in the vocabulary")
    assert not problems, "\n".join(problems)


def test_the_paper_sections_hold_every_bottleneck_and_measure() -> None:
    sections = set(pd.read_csv(DATA_DIR / "paper_sections.csv", dtype=str)["id"])
    assert set(vocab.BOTTLENECKS) | set(vocab.MEASURES) <= sections
    assert not {code for code in sections if code.startswith(("2.", "3."))} - set(vocab.BOTTLENECKS + vocab.MEASURES)


@pytest.mark.parametrize(
    ("from_unit", "to_unit", "factor"),
    [
        ("trillion_yuan", "100m_yuan", 10_000.0),  # 1 万亿 = 10,000 亿
        ("100m_yuan", "yuan", 1e8),  # 1 亿 = 100,000,000
        ("10k_base_stations", "base_stations", 10_000.0),  # 1 万 = 10,000
        ("10k_std_racks", "10k_racks", 1.0),  # 万个标准机柜 and 万标准机架 count the same racks
        ("10k_racks", "racks", 10_000.0),
        ("racks", "10k_racks", 1e-4),
        ("10k_firms", "firms", 10_000.0),
        ("yi_yuan", "100m_yuan", 1.0),  # the model's 亿元 and the statistics' are one magnitude
        ("10k_yuan_per_person_year", "yuan_per_person_year", 10_000.0),
    ],
)
def test_unit_factors_follow_chinese_magnitudes(from_unit: str, to_unit: str, factor: float) -> None:
    assert vocab.unit_factor(from_unit, to_unit) == pytest.approx(factor)


def test_units_of_different_things_do_not_convert() -> None:
    assert vocab.unit_factor("100m_yuan", "count") is None
    assert vocab.unit_factor("pct", "ratio") is None
    assert all(vocab.UNITS[a].base == vocab.UNITS[b].base for a, b, _ in vocab.unit_conversions())


def test_sql_lists_refuse_a_quote() -> None:
    assert vocab.sql_in(("a", "b")) == "('a', 'b')"
    with pytest.raises(ValueError):
        vocab.sql_in(("a'); DROP TABLE x; --",))


def test_peers_are_the_cities_but_the_subject() -> None:
    assert vocab.PEER_CITIES == ("beijing", "shanghai")
    assert vocab.CITIES[0] == vocab.SUBJECT_CITY
