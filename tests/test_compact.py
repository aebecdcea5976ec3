"""explorer.compact: model values written short, with hand-written expectations."""

import math

import pytest

from explorer.compact import compact, percent_change


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (14_529.7, "yi_yuan", "zh", "1.45 万亿元"),
        (14_529.7, "yi_yuan", "en", "¥1.45 tn"),
        (8_446.0, "yi_yuan", "zh", "8,446 亿元"),
        (8_446.0, "yi_yuan", "en", "¥845 bn"),
        (64.3, "yi_yuan_per_year", "zh", "64.3 亿元/年"),
        (64.3, "yi_yuan_per_year", "en", "¥6.43 bn/yr"),
        (115.0, "yi_yuan_cumulative", "en", "¥11.5 bn"),
        (70_968.6, "people_cumulative", "en", "70,969 people"),
        (70_968.6, "people_cumulative", "zh", "70,969 人"),
        (259_320.0, "racks", "en", "259,320 racks"),
        (8.66, "eflops", "zh", "8.7 EFLOPS"),
        (3_877.87, "gwh_per_year", "en", "3,878 GWh/yr"),
        (30.21, "pct_gdp", "zh", "30.2 %"),
        (1.234, "ratio", "en", "1.23"),
    ],
)
def test_values_are_written_short_in_their_unit(value, unit, lang, expected):
    assert compact(value, unit, lang) == expected


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (49.2, "yi_yuan", "en", "+¥4.92 bn"),
        (-492.0, "yi_yuan", "zh", "-492 亿元"),
        (-492.0, "yi_yuan", "en", "-¥49.2 bn"),
        (0.0004, "yi_yuan", "en", "¥0 bn"),
        (-0.01, "pct", "en", "0 %"),
    ],
)
def test_changes_carry_a_sign_and_a_zero_has_none(value, unit, lang, expected):
    assert compact(value, unit, lang, signed=True) == expected


def test_a_missing_value_is_a_dash():
    assert compact(math.nan, "yi_yuan", "zh") == "—"


def test_percent_change_needs_a_base():
    assert percent_change(1.0, 200.0) == "+0.5 %"
    assert percent_change(-3.0, 4.0) == "-75.0 %"
    assert percent_change(1.0, 0.0) is None
