"""explorer.compact: model values written short, with hand-written expectations and the card words of units.csv."""

import ast
import inspect
import math
import re

import pytest

from explorer import compact as compact_module
from explorer import formatting, vocab
from explorer.compact import compact, percent_change


@pytest.fixture(scope="module")
def words(outcomes):
    """Return a function: unit code -> its card words (zh, en) as db.outcomes joins them from units.csv."""
    by_unit = outcomes.drop_duplicates("unit").set_index("unit")

    def of(unit: str) -> tuple[str, str]:
        return by_unit.at[unit, "unit_short_zh"], by_unit.at[unit, "unit_short_en"]

    return of


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
        (115.0, "yi_yuan_cumulative", "zh", "115 亿元"),
        (70_968.6, "people_cumulative", "en", "70,969 people"),
        (70_968.6, "people_cumulative", "zh", "70,969 人"),
        (259_320.0, "racks", "en", "259,320 racks"),
        (259_320.0, "racks", "zh", "259,320 架"),
        (8.66, "eflops", "zh", "8.7 EFLOPS"),
        (3_877.87, "gwh_per_year", "en", "3,878 GWh/yr"),
        (3_877.87, "gwh_per_year", "zh", "3,878 GWh/年"),
        (30.21, "pct_gdp", "zh", "30.2 %"),
        (30.21, "pct_gdp", "en", "30.2 %"),
        (1.234, "ratio", "en", "1.23"),
        (1.234, "ratio", "zh", "1.23"),
    ],
)
def test_values_are_written_short_in_their_unit(value, unit, lang, expected, words):
    assert compact(value, unit, lang, *words(unit)) == expected


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        # 万亿元 from 10,000 亿元 on; ¥ tn from ¥1,000 bn (10,000 亿元) on; the unit's suffix stays.
        (9_990.0, "yi_yuan", "zh", "9,990 亿元"),
        (10_000.0, "yi_yuan", "zh", "1.00 万亿元"),
        (9_990.0, "yi_yuan", "en", "¥999 bn"),
        (10_000.0, "yi_yuan", "en", "¥1.00 tn"),
        (125_000.0, "yi_yuan", "en", "¥12.5 tn"),
        (12_000.0, "yi_yuan_per_year", "zh", "1.20 万亿元/年"),
        (12_000.0, "yi_yuan_per_year", "en", "¥1.20 tn/yr"),
        (9_990.0, "yi_yuan_per_year", "en", "¥999 bn/yr"),
        (10_000.0, "yi_yuan_cumulative", "zh", "1.00 万亿元"),
        # An amount that rounds to one trillion is written as one: never "10,000 亿元" or "¥1,000 bn".
        (9_999.4, "yi_yuan", "zh", "9,999 亿元"),
        (9_999.6, "yi_yuan", "zh", "1.00 万亿元"),
        (9_999.4, "yi_yuan", "en", "¥1.00 tn"),  # ¥999.94 bn
        (9_994.0, "yi_yuan", "en", "¥999 bn"),
    ],
)
def test_large_amounts_step_up_to_trillions_at_one_trillion(value, unit, lang, expected, words):
    assert compact(value, unit, lang, *words(unit)) == expected


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (99.96, "yi_yuan", "zh", "100 亿元"),  # not "100.0 亿元": three significant figures of what it rounds to
        (99.96, "yi_yuan", "en", "¥10.0 bn"),
        (9.996, "yi_yuan", "zh", "10.0 亿元"),
        (99.94, "yi_yuan", "zh", "99.9 亿元"),
    ],
)
def test_an_amount_keeps_three_significant_figures_of_what_it_rounds_to(value, unit, lang, expected, words):
    assert compact(value, unit, lang, *words(unit)) == expected


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (49.2, "yi_yuan", "en", "+¥4.92 bn"),
        (-492.0, "yi_yuan", "zh", "-492 亿元"),
        (-492.0, "yi_yuan", "en", "-¥49.2 bn"),
        (-10_000.0, "yi_yuan", "zh", "-1.00 万亿元"),
        (-10_000.0, "yi_yuan", "en", "-¥1.00 tn"),
        (0.0004, "yi_yuan", "en", "¥0 bn"),
        (-0.01, "pct", "en", "0 %"),
    ],
)
def test_changes_carry_a_sign_and_a_zero_has_none(value, unit, lang, expected, words):
    assert compact(value, unit, lang, *words(unit), signed=True) == expected


def test_a_missing_value_is_a_dash(words):
    assert compact(math.nan, "yi_yuan", "zh", *words("yi_yuan")) == "—"


def test_percent_change_needs_a_base():
    assert percent_change(1.0, 200.0) == "+0.5 %"
    assert percent_change(-3.0, 4.0) == "-75.0 %"
    assert percent_change(1.0, 0.0) is None


def test_every_outcome_unit_has_card_words_and_decimals(outcomes):
    assert outcomes[["unit_short_zh", "unit_short_en"]].notna().all().all()
    assert all(isinstance(vocab.UNITS[unit].decimals, int) for unit in outcomes["unit"])


def _code_strings(module) -> list[tuple[int, str]]:
    """Return (line, text) of every string literal in a module's code: docstrings and the money table left out."""
    tree = ast.parse(inspect.getsource(module))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and isinstance(node.body[0], ast.Expr):
            skipped.add(id(node.body[0].value))  # a docstring
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id in ("MONEY_UP", "MONEY_DOWN") for target in targets):
                skipped |= {id(inner) for inner in ast.walk(node.value)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
    ]


@pytest.mark.parametrize("module", [compact_module, formatting], ids=["compact", "formatting"])
def test_no_unit_word_is_spelled_in_code(module, outcomes):
    """Unit words come from units.csv (via the callers' rows); only formatting's money table names 亿元/万亿元/bn/tn."""
    card_words = set(outcomes[["unit_zh", "unit_symbol_en", "unit_short_zh", "unit_short_en"]].stack()) - {"%"}
    money = re.compile(r"[亿万]|\b(bn|tn|m|yr)\b")
    found = [
        (line, text)
        for line, text in _code_strings(module)
        if text not in vocab.UNITS  # a unit code ("racks") is no word
        and (money.search(text) or any(word in text for word in card_words if word))
    ]
    assert not found, found
