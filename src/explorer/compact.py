"""Compact numbers for the Scenarios cards: a model value in its unit code written short, in zh or en.

zh keeps 亿元 and turns 10,000 亿元 into 万亿元; en writes 亿元 as ¥ bn (1 亿 = 0.1 bn) or ¥ tn. Counts
(people, racks) are whole; shares and ratios keep the decimals that the cards show.
"""

from __future__ import annotations

import math

# Unit codes of the model's outcomes (data/outcomes.csv) in yuan-hundred-millions (亿元).
_YI_UNITS = {"yi_yuan": "", "yi_yuan_per_year": "per_year", "yi_yuan_cumulative": ""}
_SUFFIX = {
    "zh": {"": "", "per_year": "/年"},
    "en": {"": "", "per_year": "/yr"},
}
_PLAIN = {
    # unit code: (zh unit, en unit, decimals)
    "people_cumulative": ("人", "people", 0),
    "racks": ("架", "racks", 0),
    "eflops": ("EFLOPS", "EFLOPS", 1),
    "gwh_per_year": ("GWh/年", "GWh/yr", 0),
    "pct": ("%", "%", 1),
    "pct_gdp": ("%", "%", 1),
    "ratio": ("", "", 2),
}
# Decimals a download keeps in the model's unit: at least the precision the cards show.
DECIMALS = {"yi_yuan": 1, "yi_yuan_per_year": 1, "yi_yuan_cumulative": 1, **{u: d for u, (_, _, d) in _PLAIN.items()}}
_WAN_YI = 1e4  # 1 万亿元 = 10,000 亿元


def _digits(magnitude: float) -> int:
    """Return the decimals a money amount keeps: three significant figures, at least none."""
    if magnitude >= 100:
        return 0
    if magnitude >= 10:
        return 1
    return 2


def _number(value: float, decimals: int, signed: bool) -> str:
    text = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    return "0" if float(text.replace(",", "")) == 0 else text  # no "-0.0" or "+0.00"


def compact(value: float, unit: str, lang: str, *, signed: bool = False) -> str:
    """Return `value` (in the model unit `unit`) written short with its unit, e.g. '1.45 万亿元' or '¥145 bn'."""
    if value is None or math.isnan(value):
        return "—"
    if unit in _YI_UNITS:
        suffix = _SUFFIX[lang][_YI_UNITS[unit]]
        if lang == "zh":
            scaled, word = (value / _WAN_YI, "万亿元") if abs(value) >= _WAN_YI else (value, "亿元")
            return f"{_number(scaled, _digits(abs(scaled)), signed)} {word}{suffix}"
        billions = value / 10.0
        scaled, word = (billions / 1e3, "tn") if abs(billions) >= 1e3 else (billions, "bn")
        number = _number(scaled, _digits(abs(scaled)), signed)
        sign, digits = (number[0], number[1:]) if number[0] in "+-" else ("", number)
        return f"{sign}¥{digits} {word}{suffix}"
    zh_unit, en_unit, decimals = _PLAIN[unit]
    word = zh_unit if lang == "zh" else en_unit
    number = _number(round(value) if decimals == 0 else value, decimals, signed)
    return f"{number} {word}".strip() if word != "%" else f"{number} %"


def percent_change(delta: float, base: float) -> str | None:
    """Return the change as a signed percentage of the base ('+0.8 %'), or None when the base is zero."""
    if base == 0 or math.isnan(base):
        return None
    return f"{_number(100.0 * delta / base, 1, True)} %"
