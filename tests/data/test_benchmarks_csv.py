"""Data checks for data/benchmarks.csv and data/indicators.csv (Beijing / Shanghai / Shenzhen).

Every check collects its problems into a list and fails once, printing all of them.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from explorer import ROOT
from explorer.core import vocab
from explorer.data import gateway as db
from explorer.features.benchmarks import view as views

DATA = ROOT / "data"
BENCHMARKS_PATH = DATA / "benchmarks.csv"
INDICATORS_PATH = DATA / "indicators.csv"
FIGURES_PATH = DATA / "figures.csv"

COLUMNS = [
    "city",
    "year",
    "indicator",
    "value",
    "qualifier",
    "unit",
    "definition",
    "definition_zh",
    "comparability_group",
    "status",
    "vintage",
    "vintage_zh",
    "break_before",
    "source_title",
    "source_url",
    "source_quote",
    "grade",
    "date_accessed",
    "figure_id",
]
INDICATOR_COLUMNS = [
    "code",
    "label_zh",
    "label_en",
    "unit",
    "description_en",
    "description_zh",
    "higher_is_better",
]
CITIES = set(vocab.CITIES)
# Units for rows that carry their own value.
VALUE_UNITS = {"100m_yuan", "pct", "count", "per_10k_people", "eflops", "racks", "cabinets", "ratio", "yuan"}
# Rows that reference the paper's figures take the figure's own scale, because the app shows the
# figure's value unchanged (e.g. core_va_2022 is "1 万亿元", g5_base_stations_total "7.5 万个").
FIGURE_ONLY_UNITS = {"trillion_yuan", "10k_count", "10k_racks"}
# Plausibility bounds per unit (inclusive).
BOUNDS = {
    "pct": (0.0, 100.0),
    "ratio": (1.0, 3.0),
    "count": (0.0, 1e9),
    # 0.1 rather than 1: the Shenzhen exchange's cumulative cross-border value is 8,021万元 = 0.8021 亿元.
    "100m_yuan": (0.1, 1_000_000.0),
    "per_10k_people": (0.0, 1000.0),
    "eflops": (0.0, 10_000.0),
    "racks": (0.0, 1e8),
    "cabinets": (0.0, 1e8),
    "yuan": (1_000.0, 10_000_000.0),
}
# Growth rates may be negative (Shanghai 2022: -0.2%; Beijing's C39 value added 2023: -0.9%).
SIGNED_PCT_INDICATORS = {"gdp_growth", "c39_va_growth"}
SIGNED_BOUNDS = (-30.0, 30.0)
# The quote's number times one of these equals the value (e.g. 4.38 万亿 -> 43800 亿; 8021 万元 ->
# 0.8021 亿元). 0.001 is added for PFLOPS -> EFLOPS (18,000 PFLOPS = 18 EFLOPS), 1e6 for "21.7 million" persons.
UNIT_FACTORS = (1, 10, 100, 1000, 10000, 1_000_000, 0.1, 0.01, 0.001, 0.0001)
TOLERANCE = 0.005
MIN_FULL_INDICATORS = 8
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
NUMBER_TOKEN = re.compile(r"\d[\d,.]*")
# An amount in 兆 (10^12), 億 (10^8) and 万 (10^4), read in 億 (亿): Japanese 4兆3214億8500万 (元), or the
# Taiwanese press's 5兆6708.71億 (元), whose 億 part has decimals.
JAPANESE_AMOUNT = re.compile(r"(\d+)兆(\d+(?:\.\d+)?)億(?:(\d+)万)?")


def dimension(unit: str) -> str:
    """Return what a unit measures (vocab.UNITS' base): rows of one comparability group must share it."""
    return vocab.UNITS[unit].base if unit in vocab.UNITS else "?"


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _benchmarks() -> pd.DataFrame:
    return _read(BENCHMARKS_PATH)


def _where(row: pd.Series, index: int) -> str:
    return f"line {index + 2} ({row['city']} {row['year']} {row['indicator']})"


def _fail_if(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def numbers_in(text: str) -> set[float]:
    """Return every number written in `text`, read every plausible way.

    "44,652.80" -> 44652.8; "4,98" (decimal comma) -> 4.98 and 498; "228.000" (German thousands)
    -> 228.0 and 228000; digits glued to characters ("CNY79,610", "2.2萬") are found too.
    """
    found: set[float] = {
        int(trillions) * 10_000 + float(hundred_millions) + int(tens_of_thousands or 0) / 10_000
        for trillions, hundred_millions, tens_of_thousands in JAPANESE_AMOUNT.findall(text)
    }
    for token in NUMBER_TOKEN.findall(text):
        token = token.rstrip(".,")
        if not token:
            continue
        candidates = {token.replace(",", "")}
        if token.count(",") == 1 and "." not in token:
            candidates.add(token.replace(",", "."))
        if token.count(".") == 1 and "," not in token and re.fullmatch(r"\d{1,3}\.\d{3}", token):
            candidates.add(token.replace(".", ""))
        if token.count(".") > 1:
            candidates.add(token.replace(".", ""))
        for part in re.split(r"[,.]", token):
            if part:
                candidates.add(part)
        for candidate in candidates:
            try:
                found.add(float(candidate))
            except ValueError:
                continue
    return found


def traceable(value: float, quote: str) -> bool:
    """True if |value| equals a number in the quote times a unit factor, within 0.5 %."""
    target = abs(value)
    for number in numbers_in(quote):
        for factor in UNIT_FACTORS:
            scaled = number * factor
            if target == 0 and scaled == 0:
                return True
            if scaled and abs(scaled - target) <= TOLERANCE * max(abs(target), abs(scaled)):
                return True
    return False


def test_number_helper_reads_the_ways_quotes_write_numbers():
    assert traceable(43800, "Beijing's 2023 gross domestic product reached 4.38 trillion yuan")
    assert traceable(44652.8, "上海實現地區生產總值(GDP)44652.80億元")
    assert traceable(0.8021, "跨境交易金额8021万元")
    assert traceable(49800, "erreichte etwa 4,98 Billionen Yuan")
    assert traceable(79610, "an average of CNY79,610 (USD11,809) per person")
    assert traceable(18, "数据中心算力超过18,000 PFLOPS(FP32)")
    assert traceable(-0.2, "全年降幅進一步收窄至0.2%")
    assert traceable(43214.85, "上海市のGDP総額は前年比の8・1%増、4兆3214億8500万元に上る")
    assert traceable(56708.71, "2025年上海實現地區生產總值（GDP）5兆6708.71億元")
    assert not traceable(56708.71, "5兆5708.71億元")
    assert traceable(21_710_000, "The permanent population was 21.71 million")
    assert not traceable(45000, "4.38 trillion yuan")


def test_header_is_exact():
    with BENCHMARKS_PATH.open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\r\n").split(",")
    assert header == COLUMNS
    with INDICATORS_PATH.open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\r\n").split(",")
    assert header == INDICATOR_COLUMNS


def test_allowed_values_and_years():
    frame = _benchmarks()
    problems: list[str] = []
    for index, row in frame.iterrows():
        where = _where(row, index)
        if row["city"] not in CITIES:
            problems.append(f"{where}: city '{row['city']}' not in {sorted(CITIES)}")
        if row["status"] not in vocab.BENCHMARK_STATUSES:
            problems.append(f"{where}: status '{row['status']}'")
        if row["grade"] not in vocab.SOURCE_GRADES:
            problems.append(f"{where}: grade '{row['grade']}'")
        allowed_units = VALUE_UNITS | (FIGURE_ONLY_UNITS if row["figure_id"] else set())
        if row["unit"] not in allowed_units:
            problems.append(f"{where}: unit '{row['unit']}' not allowed here")
        if not re.fullmatch(r"\d{4}", row["year"]) or not 2015 <= int(row["year"]) <= 2035:
            problems.append(f"{where}: year '{row['year']}' is not an integer in 2015-2035")
        if not CODE_RE.match(row["indicator"]):
            problems.append(f"{where}: indicator '{row['indicator']}' is not a snake_case code")
        if not CODE_RE.match(row["comparability_group"]):
            problems.append(f"{where}: comparability_group '{row['comparability_group']}' is not a code")
        if not row["definition"]:
            problems.append(f"{where}: empty definition")
    _fail_if(problems)


def test_every_row_is_sourced():
    frame = _benchmarks()
    problems: list[str] = []
    for index, row in frame.iterrows():
        where = _where(row, index)
        if not re.match(r"^https?://\S+$", row["source_url"]):
            problems.append(f"{where}: source_url '{row['source_url']}' is not http(s)")
        if not row["source_quote"].strip():
            problems.append(f"{where}: empty source_quote")
        if not row["source_title"].strip():
            problems.append(f"{where}: empty source_title")
        accessed = row["date_accessed"]
        try:
            valid = bool(ISO_DATE.match(accessed)) and date.fromisoformat(accessed) <= date(2035, 12, 31)
        except ValueError:
            valid = False
        if not valid:
            problems.append(f"{where}: date_accessed '{accessed}' is not an ISO date")
    _fail_if(problems)


def test_value_xor_figure_id_and_figures_exist():
    frame = _benchmarks()
    figures = _read(FIGURES_PATH).set_index("id") if FIGURES_PATH.exists() else None
    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    problems: list[str] = []
    for index, row in frame.iterrows():
        where = _where(row, index)
        has_value, has_figure = bool(row["value"]), bool(row["figure_id"])
        if has_value == has_figure:
            problems.append(f"{where}: exactly one of value / figure_id must be set")
        if has_value:
            try:
                float(row["value"])
            except ValueError:
                problems.append(f"{where}: value '{row['value']}' is not a number")
        if has_figure:
            if row["city"] != "shenzhen":
                problems.append(f"{where}: figure_id rows must be Shenzhen (the paper is about Shenzhen)")
            if figures is not None:
                if row["figure_id"] not in figures.index:
                    problems.append(f"{where}: figure_id '{row['figure_id']}' not in figures.csv")
                elif squash(figures.at[row["figure_id"], "quote_zh"]) != squash(row["source_quote"]):
                    problems.append(f"{where}: source_quote differs from the figure's quote_zh")
    _fail_if(problems)


def test_no_duplicate_keys():
    frame = _benchmarks()
    key = ["city", "year", "indicator", "comparability_group"]
    duplicated = frame[frame.duplicated(key, keep=False)]
    problems = [
        f"duplicate key {tuple(row[k] for k in key)} on line {index + 2}" for index, row in duplicated.iterrows()
    ]
    _fail_if(problems)


def test_indicators_match_both_ways():
    frame = _benchmarks()
    indicators = _read(INDICATORS_PATH)
    problems: list[str] = []
    if not indicators["code"].is_unique:
        problems.append("indicators.csv: duplicate codes")
    used, listed = set(frame["indicator"]), set(indicators["code"])
    problems += [
        f"indicator '{code}' used in benchmarks.csv but not in indicators.csv" for code in sorted(used - listed)
    ]
    problems += [f"indicator '{code}' listed in indicators.csv but never used" for code in sorted(listed - used)]
    for index, row in indicators.iterrows():
        if row["higher_is_better"] not in {"true", "false"}:
            problems.append(f"indicators.csv line {index + 2}: higher_is_better '{row['higher_is_better']}'")
        if row["unit"] not in VALUE_UNITS:
            problems.append(f"indicators.csv line {index + 2}: unit '{row['unit']}'")
        for column in INDICATOR_COLUMNS[:-1]:
            if not row[column].strip():
                problems.append(f"indicators.csv line {index + 2}: empty {column}")
    _fail_if(problems)


def test_units_agree_within_groups_and_with_the_indicator():
    frame = _benchmarks()
    indicator_unit = dict(_read(INDICATORS_PATH)[["code", "unit"]].itertuples(index=False))
    problems: list[str] = []
    for (indicator, group), rows in frame.groupby(["indicator", "comparability_group"]):
        dimensions = {dimension(unit) for unit in rows["unit"]}
        value_units = set(rows.loc[rows["value"] != "", "unit"])
        if len(dimensions) > 1 or len(value_units) > 1:
            problems.append(f"{indicator}/{group}: mixed units {sorted(set(rows['unit']))}")
        expected = dimension(indicator_unit.get(indicator, "?"))
        if dimensions - {expected}:
            problems.append(
                f"{indicator}/{group}: unit dimension differs from indicators.csv ({indicator_unit.get(indicator)})"
            )
    _fail_if(problems)


def test_values_are_plausible():
    frame = _benchmarks()
    problems: list[str] = []
    for index, row in frame[frame["value"] != ""].iterrows():
        value = float(row["value"])
        if math.isnan(value):
            problems.append(f"{_where(row, index)}: value is NaN")
            continue
        if row["unit"] not in BOUNDS:
            problems.append(f"{_where(row, index)}: no plausibility bounds for unit '{row['unit']}'")
            continue
        low, high = BOUNDS[row["unit"]]
        if row["unit"] == "pct" and row["indicator"] in SIGNED_PCT_INDICATORS:
            low, high = SIGNED_BOUNDS
        if not low <= value <= high:
            problems.append(f"{_where(row, index)}: {value} {row['unit']} outside [{low}, {high}]")
    _fail_if(problems)


def test_values_are_traceable_to_their_quotes():
    frame = _benchmarks()
    problems = [
        f"{_where(row, index)}: value {row['value']} not found in the quote (any unit factor)"
        for index, row in frame[frame["value"] != ""].iterrows()
        if not traceable(float(row["value"]), row["source_quote"])
    ]
    _fail_if(problems)


def full_coverage(frame: pd.DataFrame) -> dict[str, list[tuple[str, int]]]:
    """Return indicator -> [(group, year)] where all three cities have an observed row from 2020 on."""
    observed = frame[frame["status"] == "observed"].copy()
    observed["year"] = observed["year"].astype(int)
    observed = observed[observed["year"] >= 2020]
    cities = observed.groupby(["indicator", "comparability_group", "year"])["city"].agg(set)
    coverage: dict[str, list[tuple[str, int]]] = {}
    for (indicator, group, year), present in cities.items():
        if present == CITIES:
            coverage.setdefault(indicator, []).append((group, year))
    return coverage


def test_enough_indicators_compare_all_three_cities():
    coverage = full_coverage(_benchmarks())
    assert len(coverage) >= MIN_FULL_INDICATORS, (
        f"only {len(coverage)} indicator(s) have Beijing, Shanghai and Shenzhen in one comparability "
        f"group for a common year >= 2020: {sorted(coverage)}"
    )


# The audit's bounds (data-audit-2026-12.md): (city, year, indicator, status) -> the qualifier its quote states.
AUDITED_BOUNDS = {
    ("shanghai", 2020, "dc_cabinets", "observed"): "nearly",  # 机柜总量近14万架
    ("beijing", 2024, "compute_eflops", "observed"): "more_than",  # 智能算力供给超2万P
    ("beijing", 2023, "compute_eflops", "observed"): "at_least",  # 1.2萬P以上 (以上 includes the number)
    ("shenzhen", 2022, "g5_base_stations", "observed"): "more_than",  # over 64,000
    ("shenzhen", 2023, "trade_total", "observed"): "more_than",  # exceeded 3.87 trillion yuan
    ("beijing", 2025, "de_target_share", "target"): "approx",  # 50%左右
    ("shanghai", 2025, "de_target_share", "target"): "more_than",  # 大于60%
    ("beijing", 2027, "dc_pue_target", "target"): "at_most",  # 1.35以下
}


def test_every_row_states_its_qualifier_and_a_paper_row_takes_the_figures():
    frame = pd.read_csv(BENCHMARKS_PATH, dtype=str, keep_default_na=False)
    own = frame[frame["figure_id"] == ""]
    assert sorted(set(own["qualifier"]) - set(vocab.NUMBER_QUALIFIERS)) == []
    assert (frame.loc[frame["figure_id"] != "", "qualifier"] == "").all()


@pytest.mark.parametrize(("key", "qualifier"), AUDITED_BOUNDS.items(), ids=lambda item: str(item))
def test_a_bound_in_the_source_is_kept_as_its_qualifier(key, qualifier):
    frame = pd.read_csv(BENCHMARKS_PATH, dtype=str, keep_default_na=False)
    city, year, indicator, status = key
    row = frame[(frame["city"] == city) & (frame["year"] == str(year)) & (frame["indicator"] == indicator)]
    row = row[row["status"] == status]
    assert row["qualifier"].tolist() == [qualifier]


def test_the_gateway_and_the_views_show_every_bound_with_its_sign():
    con = db.connect()
    try:
        rows = db.benchmarks(con)
    finally:
        con.close()
    shown = views.decorate(rows, "en")
    bounded = shown[shown["qualifier"].isin(list(vocab.QUALIFIER_SIGNS))]
    assert len(bounded) >= len(AUDITED_BOUNDS)
    assert all(text.startswith(vocab.QUALIFIER_SIGNS[q]) for q, text in zip(bounded["qualifier"], bounded["shown"]))


CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def test_one_language_per_column_english_text_has_no_chinese_and_the_chinese_is_chinese():
    frame = _benchmarks()
    groups = _read(DATA / "comparability_groups.csv")
    problems = [
        f"{_where(row, index)}: {column} '{row[column][:40]}'"
        for index, row in frame.iterrows()
        for column in ("definition", "vintage")
        if CJK.search(row[column])
    ]
    problems += [
        f"{_where(row, index)}: {column} has no Chinese"
        for index, row in frame.iterrows()
        for column in ("definition_zh", "vintage_zh")
        if not CJK.search(row[column])
    ]
    problems += [
        f"comparability_groups.csv line {index + 2}: {column}"
        for index, row in groups.iterrows()
        for column in ("label_en", "definition_en", "note_en")
        if CJK.search(row[column])
    ]
    problems += [
        f"comparability_groups.csv line {index + 2}: {column} has no Chinese"
        for index, row in groups.iterrows()
        for column in ("label_zh", "definition_zh")
        if not CJK.search(row[column])
    ]
    _fail_if(problems)


# A word of a data file's columns or codes (snake_case) in a text shown to readers (the second new-user walk, issue 23:
# "break_before" in the zh and en GDP comparability note).
COLUMN_WORD = re.compile(r"(?<![\w/.=-])[a-z]+_[a-z0-9_]+(?![\w/.])")


def test_no_group_text_names_a_column_or_code():
    groups = _read(DATA / "comparability_groups.csv")
    problems = [
        f"comparability_groups.csv line {index + 2}: {column} says {word!r}"
        for index, row in groups.iterrows()
        for column in ("label_zh", "label_en", "definition_zh", "definition_en", "note_zh", "note_en")
        for word in COLUMN_WORD.findall(row[column] if isinstance(row[column], str) else "")
    ]
    _fail_if(problems)


def test_each_group_label_tells_the_groups_of_its_indicator_apart_in_both_languages():
    groups = _read(DATA / "comparability_groups.csv")
    problems = [
        f"comparability_groups.csv line {index + 2}: {column} '{row[column]}' is the group's code, not a label"
        for index, row in groups.iterrows()
        for column in ("label_zh", "label_en")
        if row[column] == row["code"] or CODE_RE.match(row[column])
    ]
    for column in ("label_zh", "label_en"):
        twice = groups[groups.duplicated(["indicator", column], keep=False)]
        problems += [
            f"indicator '{ind}': groups {sorted(rows['code'])} share the {column} '{label}'"
            for (ind, label), rows in twice.groupby(["indicator", column])
        ]
    _fail_if(problems)


# The 2024 bulletins (issue 21): each city's first release, on the fifth-census basis, as printed.
BULLETIN_GDP_2024 = {"shenzhen": 36801.87, "beijing": 49843.1, "shanghai": 53926.71}
# A census step shows 9–11 pp of nominal growth above real growth; ordinary years at most about 4 pp.
REVISION_SCREEN_PP = 6.0


def _gdp_levels() -> pd.DataFrame:
    frame = _benchmarks()
    rows = frame[(frame["indicator"] == "gdp") & (frame["comparability_group"] == "gdp_stats")]
    rows = rows[rows["qualifier"].isin(["exact", "approx"])].assign(year=lambda r: r["year"].astype(int))
    return rows.assign(value=rows["value"].astype(float), brk=rows["break_before"] == "true")


def test_the_2024_first_releases_are_levels_on_a_new_basis():
    rows = _gdp_levels().set_index(["city", "year"])
    for city, value in BULLETIN_GDP_2024.items():
        assert rows.at[(city, 2024), "value"] == value
        assert rows.at[(city, 2024), "qualifier"] == "exact"
        assert rows.at[(city, 2024), "brk"], f"{city} 2024 is on the fifth-census basis: a series break"


def test_a_gdp_step_far_above_real_growth_is_flagged_as_a_break():
    """Nominal minus real growth is deflator plus revision: a step more than 6 pp above real growth is a revision."""
    levels = _gdp_levels()
    frame = _benchmarks()
    real = frame[(frame["indicator"] == "gdp_growth") & (frame["comparability_group"] == "gdp_growth_stats")]
    real = real.assign(year=lambda r: r["year"].astype(int))
    real = real.set_index(["city", "year"])["value"].astype(float)
    problems, screened = [], 0
    for city, rows in levels.groupby("city"):
        rows = rows.sort_values("year").reset_index(drop=True)
        for before, after in zip(rows.index[:-1], rows.index[1:], strict=True):
            year = int(rows.at[after, "year"])
            if year - int(rows.at[before, "year"]) != 1 or (city, year) not in real.index:
                continue
            screened += 1
            excess = 100 * math.log(rows.at[after, "value"] / rows.at[before, "value"]) - 100 * math.log1p(
                real[(city, year)] / 100
            )
            if excess > REVISION_SCREEN_PP and not rows.at[after, "brk"]:
                problems.append(f"{city} {year}: nominal {excess:.1f} pp above real growth, not flagged")
    assert screened >= 15
    _fail_if(problems)
