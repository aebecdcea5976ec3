"""Compact numbers for the Scenarios cards: a model value in its unit code written short, in zh or en.

The unit words are the card's (units.csv `short_zh`/`short_en`, else its label and symbol, as db.outcomes joins
them); formatting turns 10,000 亿元 into 万亿元 and 亿元 into ¥ bn (1 亿 = 0.1 bn) or ¥ tn. Money keeps three
significant figures; counts (people, racks) are whole; shares and ratios keep the decimals that the cards show.
"""

from __future__ import annotations

import math

from explorer.core.formatting import money_unit, shown_unit, with_unit

# Decimals of a value in each outcome unit: on a card (money aside: three significant figures there) and, at
# least, in a download.
DECIMALS = {
    "yi_yuan": 1,
    "yi_yuan_per_year": 1,
    "yi_yuan_cumulative": 1,
    "people_cumulative": 0,
    "racks": 0,
    "eflops": 1,
    "gwh_per_year": 0,
    "pct": 1,
    "pct_gdp": 1,
    "ratio": 2,
}


def _digits(magnitude: float) -> int:
    """Return the decimals a money amount keeps: three significant figures, at least none."""
    if magnitude >= 100:
        return 0
    if magnitude >= 10:
        return 1
    return 2


def _shown(magnitude: float) -> tuple[float, int]:
    """Return a money amount as rounded on a card and its decimals, taken from what it rounds to (99.96 → 100, 0)."""
    decimals = _digits(round(magnitude, _digits(magnitude)))
    return round(magnitude, decimals), decimals


def _number(value: float, decimals: int, signed: bool) -> str:
    text = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    return "0" if float(text.replace(",", "")) == 0 else text  # no "-0.0" or "+0.00"


def compact(value: float, unit: str, lang: str, unit_zh: str, symbol_en: str, *, signed: bool = False) -> str:
    """Return `value` (in the model unit `unit`) written short with its card word, e.g. '1.45 万亿元' or '¥145 bn'.

    `unit_zh` and `symbol_en` are the unit's card words (db.outcomes: unit_short_zh, unit_short_en).
    """
    if value is None or math.isnan(value):
        return "—"
    factor, text = shown_unit(unit, lang, unit_zh, symbol_en)
    shown = value * factor
    money = money_unit(_shown(abs(shown))[0], text)  # 9,999.6 亿元 rounds to 10,000: 1.00 万亿元
    if money is None:
        decimals = DECIMALS[unit]
        return with_unit(_number(round(shown) if decimals == 0 else shown, decimals, signed), text)
    divisor, text = money
    number = _number(shown / divisor, _shown(abs(shown / divisor))[1], signed)
    sign, digits = (number[0], number[1:]) if number[0] in "+-" else ("", number)
    return sign + with_unit(digits, text)


def percent_change(delta: float, base: float) -> str | None:
    """Return the change as a signed percentage of the base ('+0.8 %'), or None when the base is zero."""
    if base == 0 or math.isnan(base):
        return None
    return f"{_number(100.0 * delta / base, 1, True)} %"
