"""The one rounding policy of model results: significant figures by kind, written short with a unit word, zh or en.

A model output is no more precise than the low–high ranges of the parameters behind it, so every number the
Scenarios page prints from the model (cards, summary, why it moved, the waterfall, warnings, gap lines, tables
beside charts, the brief's cards) goes through here:

- a level (a value in a year) keeps three significant figures: 1.47 万亿元, ¥845 bn, 72.9 %;
- a change (against the paper's policy, its p10–p90 band, a lever group's part of it, B's own change) keeps three
  too: −53.0322 亿元 → −53.0 亿元 (at two, a part a tenth of the total would keep one figure once the parts are
  printed to add up to it); a percentage change keeps two, at most one decimal: +2.4 %;
- a count of people or racks (units.csv kind `count`) keeps two, level or change: 19,723 people → 20,000 people;
- no number keeps more decimals than its unit allows (units.csv `decimals`; money two in the unit it is shown in),
  so a change too small for that is "0" (no change).

The paper's own figures, and a published figure shown in the unit its source wrote, are printed as written
(formatting.figure_value, formatting.format_number), never through the rules above; a published figure converted into
another unit (亿元 → ¥ bn) gains no digit (`converted`). The unit
words are the card's (units.csv `short_zh`/`short_en`, else its label and symbol, as db.outcomes joins them);
formatting turns 10,000 亿元 into 万亿元 and 亿元 into ¥ bn (1 亿 = 0.1 bn) or ¥ tn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from explorer.core.formatting import money_unit, shown_unit, singular, with_unit
from explorer.core.vocab import UNITS

LEVEL_FIGURES = 3  # a model output's value in a year
CHANGE_FIGURES = 3  # a difference: against the baseline, its band, a part of it
PERCENT_FIGURES = 2  # a change as a percentage of the baseline
COUNT_FIGURES = 2  # people and racks from an assumption-driven model, level or change
MONEY_DECIMALS = 2  # at most, in the unit a yuan amount is shown in (亿元, ¥ bn, 万亿元, ¥ tn)
CHART_FORMAT = f",.{LEVEL_FIGURES}~r"  # a chart's tooltip (d3-format): the same three significant figures


def significant(value: float, figures: int) -> float:
    """Return `value` rounded to `figures` significant figures (19,723 at 2 → 20,000; 0 stays 0)."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, figures - 1 - math.floor(math.log10(abs(value))))


def significant_frame(values: np.ndarray | float, figures: int) -> np.ndarray:
    """Return every number of an array rounded to `figures` significant figures (a table beside a chart)."""
    array = np.asarray(values, dtype=float)
    safe = np.where((array == 0) | ~np.isfinite(array), 1.0, np.abs(array))
    scale = 10.0 ** (figures - 1 - np.floor(np.log10(safe)))
    return np.where(np.isfinite(array), np.round(array * scale) / scale, array)


def _decimals(value: float, figures: int, cap: int) -> int:
    """Return the decimals (negative: tens, hundreds…) that keep `figures` significant figures, at most `cap`."""
    if value == 0:
        return 0
    return min(cap, figures - 1 - math.floor(math.log10(abs(value))))


def _rounding(value: float, figures: int, cap: int) -> int:
    """Return the decimals a value is rounded to, taken from what it rounds to (99.96 → 100 at three figures: 0)."""
    first = _decimals(value, figures, cap)
    return _decimals(round(value, first), figures, cap)


def _number(value: float, decimals: int, signed: bool) -> str:
    shown = round(value, decimals)
    places = max(decimals, 0)
    text = f"{shown:+,.{places}f}" if signed else f"{shown:,.{places}f}"
    return "0" if float(text.replace(",", "")) == 0 else text  # no "-0.0" or "+0.00"


def _figures(unit: str, signed: bool) -> int:
    if UNITS[unit].kind == "count":
        return COUNT_FIGURES
    return CHANGE_FIGURES if signed else LEVEL_FIGURES


def _plan(value: float, unit: str, lang: str, unit_zh: str, symbol_en: str, signed: bool) -> tuple[float, str, int]:
    """Return (factor into the shown unit, unit text, decimals) of one value written as `compact` writes it."""
    factor, text = shown_unit(unit, lang, unit_zh, symbol_en)
    figures = _figures(unit, signed)
    shown = abs(value * factor)
    money = money_unit(significant(shown, figures), text)  # 9,999.6 亿元 rounds to 10,000: 1.00 万亿元
    if money is None:
        cap = UNITS[unit].decimals if UNITS[unit].decimals is not None else MONEY_DECIMALS
        return factor, text, _rounding(shown, figures, cap)
    divisor, text = money
    return factor / divisor, text, _rounding(shown / divisor, figures, MONEY_DECIMALS)


def _written(number: str, text: str) -> str:
    """Return a signed or plain number with its unit word, the sign before a '¥' ('-¥5.6 bn')."""
    sign, digits = (number[0], number[1:]) if number[0] in "+-" else ("", number)
    return sign + with_unit(digits, text)


def compact_parts(
    value: float, unit: str, lang: str, unit_zh: str, symbol_en: str, *, signed: bool = False
) -> tuple[str, str]:
    """Return (number, unit text) of `value` as `compact` writes it, e.g. ('+41', '%'), ('1.45', '万亿元')."""
    if value is None or math.isnan(value):
        return "—", ""
    factor, text, decimals = _plan(value, unit, lang, unit_zh, symbol_en, signed)
    return _number(value * factor, decimals, signed), text


def compact(value: float, unit: str, lang: str, unit_zh: str, symbol_en: str, *, signed: bool = False) -> str:
    """Return `value` (in the model unit `unit`) written short with its card word, e.g. '1.45 万亿元' or '¥145 bn'.

    `signed` marks a change (CHANGE_FIGURES, the sign in front: '-53.0 亿元', '+¥3.42 bn'); unsigned a level.
    `unit_zh` and `symbol_en` are the unit's card words (db.outcomes: unit_short_zh, unit_short_en).
    """
    number, text = compact_parts(value, unit, lang, unit_zh, symbol_en, signed=signed)
    if lang == "en" and UNITS[unit].kind == "count" and number.lstrip("+-") == "1":
        text = singular(text)
    return number if number == "—" else _written(number, text)


def printed_difference(first: float, second: float, unit: str, lang: str, unit_zh: str, symbol_en: str) -> str | None:
    """Return first − second, unsigned, as the difference of the two changes as `compact` prints them ('+6.95' −
    '+0.21' → '6.74 亿元'), so a sentence naming all three adds up; None when they print in different unit words."""
    (first_number, first_text), (second_number, second_text) = (
        compact_parts(value, unit, lang, unit_zh, symbol_en, signed=True) for value in (first, second)
    )
    if first_text != second_text or "—" in (first_number, second_number):
        return None
    numbers = [Decimal(number.replace(",", "")) for number in (first_number, second_number)]
    places = max(-number.as_tuple().exponent for number in numbers)
    return _written(_number(float(abs(numbers[0] - numbers[1])), places, False), first_text)


def adding_up(
    parts: Sequence[float], total: float, unit: str, lang: str, unit_zh: str, symbol_en: str
) -> tuple[list[str], str]:
    """Return the signed parts and their total as printed, all to one decimal place: the place `compact` gives the
    largest of them (three figures, as a card prints a change), rounded so that the printed parts add up exactly to
    the printed total.

    Where the total is the largest, it is printed as its card prints it and the parts to its place; where parts
    cancel (−27.11 + 18.82 + 15.24 = 6.95), the largest part sets the place (−27.1) and the total is printed to it
    too (+7.0): no part gains a fourth figure from a small total.
    The rounding gives the leftover units of the last place to the parts with the largest remainders (Hamilton's
    method): 10.4 + 10.4 + 10.4 = 31.2 printed to whole numbers is 11 + 10 + 10 = 31, never 10 + 10 + 10 beside 31.
    """
    largest = max([total, *parts], key=abs)
    factor, text, decimals = _plan(largest, unit, lang, unit_zh, symbol_en, True)
    step = 10.0**-decimals
    units = [round(value * factor / step, 9) for value in parts]  # no float noise below the floor
    target = round(round(total * factor, decimals) / step)
    rounded = [math.floor(value) for value in units]
    order = sorted(range(len(units)), key=lambda i: round(rounded[i] - units[i], 6))  # largest remainder first
    leftover = target - sum(rounded)
    for turn in range(abs(leftover)):
        index = order[turn % len(order)] if leftover > 0 else order[-1 - turn % len(order)]
        rounded[index] += 1 if leftover > 0 else -1
    written = [_written(_number(count * step, decimals, True), text) for count in rounded]
    return written, _written(_number(target * step, decimals, True), text)


def source_figures(value: float) -> int:
    """Return the significant figures a published number was written with, as stored (4688.61 → 6, 49.0 → 2,
    75000 → 2: trailing zeros of a whole number are not counted, a source writing 7.5 万)."""
    digits = Decimal(repr(float(value))).normalize().as_tuple().digits
    return max(len(digits), 1)


def converted(value: float, factor: float, *, money: bool) -> str:
    """Return a published figure converted into the unit it is shown in (`value` × `factor`) with no digit its source
    did not write: at most its significant figures (`source_figures`) and, for money, at most MONEY_DECIMALS
    decimals in the unit shown, as every amount of this policy (4,688.61 亿元 → 468.86 ¥ bn, not 468.861; 12,192.4
    亿元 → 1,219.24 ¥ bn; 7.5 万 → 75,000)."""
    shown = value * factor
    cap = MONEY_DECIMALS if money else math.inf  # a count or a share: its significant figures alone
    return _number(shown, _rounding(shown, source_figures(value), cap), False)


def figures_text(value: float, figures: int, *, decimals: int = MONEY_DECIMALS, signed: bool = False) -> str:
    """Return a bare number (no unit) at `figures` significant figures and at most `decimals` decimals, e.g. '0.37'."""
    return _number(value, _rounding(value, figures, decimals), signed)


def percent_change(delta: float, base: float) -> str | None:
    """Return the change as a signed percentage of the base ('+0.8 %', '+110 %'), or None when the base is zero.

    A change that is not zero but too small for the one decimal is '< 0.1 %' (the amount beside it carries the
    sign), never '0 %' under an arrow."""
    if base == 0 or math.isnan(base):
        return None
    text = figures_text(100.0 * delta / base, PERCENT_FIGURES, decimals=1, signed=True)
    if text == "0" and delta != 0:
        return "< 0.1 %"
    return f"{text} %"
