"""explorer.data.derived_status: a status computed from two city rows keeps their bounds, or is refused."""

import pytest

from explorer.data import derived_status


@pytest.mark.parametrize(
    ("numerator", "denominator", "value", "qualifier"),
    [
        ((64_000, "more_than"), (17_661_800, "exact"), 36.2364, "more_than"),  # 64,000 ÷ 1,766.18
        ((75_000, "exact"), (17_790_100, "exact"), 42.1583, "exact"),  # 75,000 ÷ 1,779.01
        ((75_000, "approx"), (17_790_100, "exact"), 42.1583, "approx"),
        ((75_000, "nearly"), (17_790_100, "exact"), 42.1583, "approx"),  # 近: about the number, as an input
        ((64_000, "at_least"), (17_661_800, "exact"), 36.2364, "at_least"),
        ((64_000, "exact"), (17_661_800, "more_than"), 36.2364, "less_than"),  # more people: fewer per 10,000
        ((64_000, "more_than"), (17_661_800, "less_than"), 36.2364, "more_than"),  # both push the same way
        ((64_000, "at_least"), (17_661_800, "at_most"), 36.2364, "at_least"),
    ],
)
def test_a_derived_ratio_keeps_the_bound_of_its_inputs(numerator, denominator, value, qualifier):
    result = derived_status.derive_ratio(*numerator, *denominator, 10_000)
    assert result[0] == pytest.approx(value, abs=1e-4)
    assert result[1] == qualifier


@pytest.mark.parametrize(
    ("numerator", "denominator"),
    [
        ((64_000, "more_than"), (17_661_800, "more_than")),  # bounds pulling opposite ways: no honest sign
        ((64_000, "more_than"), (17_661_800, "approx")),
        ((64_000, "more_than"), (17_661_800, "nearly")),
        ((64_000, "exact"), (0, "exact")),
    ],
)
def test_a_derived_ratio_without_an_honest_qualifier_is_refused(numerator, denominator):
    with pytest.raises(ValueError):
        derived_status.derive_ratio(*numerator, *denominator, 10_000)


def test_inputs_parse_into_two_city_rows_or_are_refused():
    numerator, denominator = derived_status.parse_inputs("shenzhen/2022/g5/grp ÷ shenzhen/2022/population/pop")
    assert numerator == derived_status.InputKey("shenzhen", 2022, "g5", "grp")
    assert denominator.indicator == "population"
    for bad in ("shenzhen/2022/g5/grp", "shenzhen/2022/g5 ÷ shenzhen/2022/population/pop", "a/b/c/d ÷ e/2022/f/g"):
        with pytest.raises(ValueError):
            derived_status.parse_inputs(bad)


@pytest.mark.parametrize(
    ("value", "qualifier", "shown"),
    [(36.236, "more_than", 36.2), (36.299, "at_least", 36.2), (36.201, "less_than", 36.3), (36.25, "at_most", 36.3)]
    + [(36.26, "exact", 36.3), (36.24, "approx", 36.2)],
)
def test_a_derived_bound_is_rounded_on_its_safe_side(value, qualifier, shown):
    assert derived_status.rounded_bound(value, qualifier) == shown
