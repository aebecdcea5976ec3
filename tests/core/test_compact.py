"""explorer.core.compact: model values written short, with hand-written expectations and the card words of units.csv."""

import ast
import csv
import inspect
import math
import re
from pathlib import Path

import pytest

from explorer.core import compact as compact_module
from explorer.core import formatting, vocab
from explorer.core.compact import adding_up, compact, percent_change, significant


@pytest.fixture(scope="module")
def words(outcomes):
    """Return a function: unit code -> its card words (zh, en) as db.outcomes joins them from units.csv."""
    by_unit = outcomes.drop_duplicates("unit").set_index("unit")

    def of(unit: str) -> tuple[str, str]:
        return by_unit.at[unit, "unit_short_zh"], by_unit.at[unit, "unit_short_en"]

    return of


def _compact_cases() -> list:
    """Return the hand-written cases of cases/compact.csv: a model value in its unit -> the card's text."""
    with (Path(__file__).parent / "cases" / "compact.csv").open(encoding="utf-8") as file:
        return [pytest.param(row, id=f"{row['value']}-{row['unit']}-{row['lang']}") for row in csv.DictReader(file)]


@pytest.mark.parametrize("case", _compact_cases())
def test_values_are_written_short_in_their_unit(case, words):
    value, unit, lang = float(case["value"]), case["unit"], case["lang"]
    assert compact(value, unit, lang, *words(unit), signed=case["signed"] == "yes") == case["expected"], case["why"]


def _adding_up_cases() -> list:
    """Return the hand-written cases of cases/adding_up.csv: parts and their total -> the texts printed."""
    with (Path(__file__).parent / "cases" / "adding_up.csv").open(encoding="utf-8") as file:
        return [pytest.param(row, id=f"{row['parts']}-{row['unit']}-{row['lang']}") for row in csv.DictReader(file)]


@pytest.mark.parametrize("case", _adding_up_cases())
def test_parts_are_printed_so_that_they_add_up_to_the_printed_total(case, words):
    parts = [float(value) for value in case["parts"].split(";")]
    shown, total = adding_up(parts, float(case["total"]), case["unit"], case["lang"], *words(case["unit"]))
    assert (shown, total) == (case["expected_parts"].split(";"), case["expected_total"]), case["why"]
    if max(map(abs, parts)) <= abs(float(case["total"])):  # the total sets the place: printed as on its card
        assert total == compact(float(case["total"]), case["unit"], case["lang"], *words(case["unit"]), signed=True)


def _printed(text: str) -> float:
    return float(re.sub(r"[^\d.+-]", "", text.replace("−", "-")) or 0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_random_parts_always_add_up_as_printed(lang, words):
    """Whatever the parts, the printed parts add up to the printed total (in the printed unit)."""
    import random

    draw = random.Random(23)
    for _ in range(300):
        parts = [draw.uniform(-500, 500) * 10 ** draw.randint(-2, 1) for _ in range(3)]
        shown, total = adding_up(parts, sum(parts), "yi_yuan", lang, *words("yi_yuan"))
        if any("万亿" in text or " tn" in text for text in [*shown, total]):
            continue
        assert round(sum(map(_printed, shown)), 6) == round(_printed(total), 6), (parts, shown, total)
        figures = [len(re.sub(r"[^\d]", "", text.split(" ")[0]).strip("0")) for text in shown]
        assert max(figures) <= 3, (parts, shown)  # a part at most three figures, as a card prints a change


def test_significant_figures():
    assert significant(19_723, 2) == 20_000
    assert significant(-53.0322, 2) == -53
    assert significant(0.0, 3) == 0


def test_a_missing_value_is_a_dash(words):
    assert compact(math.nan, "yi_yuan", "zh", *words("yi_yuan")) == "—"


def test_percent_change_needs_a_base():
    assert percent_change(1.0, 200.0) == "+0.5 %"
    assert percent_change(-3.0, 4.0) == "-75 %"  # two significant figures, at most one decimal
    assert percent_change(108.0, 100.0) == "+110 %"
    assert percent_change(1.0, 0.0) is None


def test_a_percent_change_too_small_for_its_decimal_is_not_zero():
    """Issue 23's analyst: '+6.95 亿元 (0 %)' under an up-arrow; a change of 6.95 on 16,300 is under 0.1 %."""
    assert percent_change(6.95, 16_300.0) == "< 0.1 %"
    assert percent_change(-6.95, 16_300.0) == "< 0.1 %"
    assert percent_change(0.0, 16_300.0) == "0 %"  # no change at all (its card says so in words)
    assert percent_change(10.0, 16_300.0) == "+0.1 %"


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


def test_a_published_figure_is_written_with_its_own_digits_and_gains_none_when_converted():
    """Issue 23: 4,688.61 亿元 shown in ¥ bn was "468.861": a converted figure keeps no more significant figures than
    its source and, for money, two decimals at most in the unit shown; unconverted, every digit the source wrote."""
    values = (4688.61, 49.0, 75000.0, 6.5, 27466.15)
    assert [compact_module.source_figures(value) for value in values] == [6, 2, 2, 2, 7]
    assert compact_module.converted(4688.61, 0.1, money=True) == "468.86"
    assert compact_module.converted(12192.4, 0.1, money=True) == "1,219.24"
    assert compact_module.converted(5540.5, 0.1, money=True) == "554.05"
    assert compact_module.converted(7.5, 1e4, money=False) == "75,000"  # 7.5 万 written out: two figures, as the source
    assert compact_module.converted(27466.15, 1.0, money=False) == "27,466.15"  # as published, not 27,466.2
    assert compact_module.converted(49.0, 1.0, money=False) == "49"


def test_a_printed_difference_is_the_difference_of_the_numbers_as_printed(words):
    """The third walk: "+6.95 … +0.21 … 5.93" in one sentence; the difference of two printed changes is 6.74."""
    assert compact_module.printed_difference(6.954, 0.2149, "yi_yuan", "zh", *words("yi_yuan")) == "6.74 亿元"
    assert compact_module.printed_difference(-3.0, -1.0, "yi_yuan", "en", *words("yi_yuan")) == "¥0.20 bn"
    assert compact_module.printed_difference(15.06, 0.213, "yi_yuan", "zh", *words("yi_yuan")) == "14.89 亿元"
