"""Row checks the build runs before loading the city tables: each problem names its file and line."""

from __future__ import annotations

import pandas as pd

from explorer.core.vocab import BENCHMARK_STATUSES, CITIES, NUMBER_QUALIFIERS, SOURCE_GRADES, UNITS

GROUPS_FILE = "comparability_groups.csv"
BENCHMARKS_FILE = "benchmarks.csv"
BOOLEANS = ("true", "false")
# Cells every benchmark row must fill; a row citing the paper (figure_id) takes value and qualifier from it.
REQUIRED = (
    "city", "year", "indicator", "unit", "definition", "definition_zh", "comparability_group", "status", "vintage",
    "vintage_zh", "break_before", "source_title", "source_url", "source_quote", "grade", "date_accessed",
)  # fmt: skip
GROUP_REQUIRED = ("code", "indicator", "status", "label_zh", "label_en", "definition_zh", "definition_en")


def _line(index: int) -> int:
    """Return the file line of a 0-based data row (line 1 is the header)."""
    return index + 2


def _codes(row: pd.Series, allowed: dict[str, tuple[str, ...] | set[str]]) -> str | None:
    for column, codes in allowed.items():
        if not pd.isna(row[column]) and row[column] not in codes:
            return f"unknown {column} '{row[column]}'"
    return None


def group_problems(groups: pd.DataFrame, indicators: set[str]) -> list[str]:
    """Return every problem of comparability_groups.csv: a missing cell, an unknown code, a code listed twice."""
    problems = []
    for index, row in groups.iterrows():
        where = f"{GROUPS_FILE}, line {_line(index)}"
        missing = [column for column in GROUP_REQUIRED if pd.isna(row[column])]
        if missing:
            problems.append(f"{where}: no {', '.join(missing)}")
        elif unknown := _codes(row, {"indicator": indicators, "status": BENCHMARK_STATUSES}):
            problems.append(f"{where}: {unknown}")
        elif pd.isna(row["note_zh"]) != pd.isna(row["note_en"]):
            problems.append(f"{where}: a note needs both note_zh and note_en")
    for index in groups.index[groups["code"].duplicated()]:
        problems.append(f"{GROUPS_FILE}, line {_line(index)}: group '{groups.at[index, 'code']}' is listed twice")
    return problems


def benchmark_problems(benchmarks: pd.DataFrame, groups: pd.DataFrame, indicators: set[str]) -> list[str]:
    """Return every problem of benchmarks.csv: no source, quote, grade or qualifier; an unknown code;
    a row whose status or indicator is not its group's; a city/year/indicator/group given twice."""
    by_code = groups.drop_duplicates("code").set_index("code")
    allowed = {
        "city": CITIES,
        "indicator": indicators,
        "unit": set(UNITS),
        "status": BENCHMARK_STATUSES,
        "grade": SOURCE_GRADES,
        "qualifier": NUMBER_QUALIFIERS,
        "break_before": BOOLEANS,
        "comparability_group": set(by_code.index),
    }
    problems = []
    for index, row in benchmarks.iterrows():
        where = f"{BENCHMARKS_FILE}, line {_line(index)}"
        missing = [column for column in REQUIRED if pd.isna(row[column])]
        if pd.isna(row["figure_id"]) and pd.isna(row["qualifier"]):
            missing.append("qualifier")
        if missing:
            problems.append(f"{where}: no {', '.join(missing)}")
            continue
        if unknown := _codes(row, allowed):
            problems.append(f"{where}: {unknown}")
            continue
        code = row["comparability_group"]
        group = by_code.loc[code]
        if row["status"] != group["status"]:
            problems.append(f"{where}: a {row['status']} row in the {group['status']} group '{code}'")
        elif row["indicator"] != group["indicator"]:
            problems.append(f"{where}: indicator '{row['indicator']}' in group '{code}' of '{group['indicator']}'")
    key = ["city", "year", "indicator", "comparability_group"]
    for index in benchmarks.index[benchmarks.duplicated(key)]:
        cell = "/".join(str(benchmarks.at[index, column]) for column in key)
        problems.append(f"{BENCHMARKS_FILE}, line {_line(index)}: {cell} is given twice")
    return problems


def first_problem(frames: dict[str, pd.DataFrame]) -> str | None:
    """Return the first problem in the city tables' rows, naming its file and line (and how many more), or None."""
    indicators = set(frames["indicators"]["code"].dropna())
    groups = frames["comparability_groups"]
    problems = group_problems(groups, indicators) + benchmark_problems(frames["benchmarks"], groups, indicators)
    if not problems:
        return None
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return problems[0] + more
