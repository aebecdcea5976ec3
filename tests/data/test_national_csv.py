"""Data checks for data/national.csv (China's national GDP): each value stands in its quote; one row per year."""

import pandas as pd

from explorer import DATA_DIR


def _rows() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "national.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def test_every_value_is_printed_in_its_quote():
    """The level in 亿元 as printed, or in billions (91,928.1 billion yuan = 919,281 亿元); growth as printed."""
    problems = []
    for index, row in _rows().iterrows():
        quote = row["source_quote"].replace(",", "")
        value = float(row["value"])
        printed = {f"{value:.0f}" if value.is_integer() else "", f"{value:.1f}", f"{value / 10:.1f}"} - {""}
        if not any(text in quote for text in printed):
            problems.append(f"line {index + 2}: {row['value']} not in {row['source_quote'][:40]!r}")
    assert problems == []


def test_each_series_has_one_row_a_year_and_all_rows_were_read_on_the_access_date():
    rows = _rows()
    for (indicator, group), series in rows.groupby(["indicator", "comparability_group"]):
        years = series["year"].astype(int)
        assert years.is_unique, (indicator, group)
    first = rows[rows["comparability_group"].isin(["gdp_stats", "gdp_growth_stats"])]
    assert sorted(set(first["year"].astype(int))) == list(range(2017, 2026))
    assert set(rows["date_accessed"]) == {"2026-12-07"}
