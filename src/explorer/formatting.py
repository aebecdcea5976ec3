"""How the app writes its numbers and marks its sources: pure functions (no streamlit) for views and the shell."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import pandas as pd

from explorer.i18n import t
from explorer.paper import find_span
from explorer.vocab import QUALIFIER_SIGNS, UNITS

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
CITY_COLOURS = {"shenzhen": "#D55E00", "beijing": "#0072B2", "shanghai": "#009E73"}
ACCENT = "#D55E00"
NEUTRAL = "#56B4E9"
KIND_COLOURS = {"status": "#0072B2", "bottleneck": "#D55E00", "target": "#009E73", "rank": "#CC79A7"}


def kind_colours(current: str) -> dict[str, str]:
    """Return the colour of each figure kind, keyed by its translated label."""
    return {t(f"kind.{kind}", current): colour for kind, colour in KIND_COLOURS.items()}


def highlighted_html(text: str, quotes: Sequence[str]) -> str:
    """Return the text as escaped HTML paragraphs with every quote that occurs in it marked."""
    spans = sorted(span for quote in quotes if (span := find_span(text, quote)))
    pieces, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            continue
        pieces += [html.escape(text[cursor:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces)
    return "".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))


def format_number(value: float) -> str:
    """Return a number with thousands separators and no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


# English has no 万 or 亿: a count in 万 is written out (7.5 万 → 75,000), 亿 becomes tenths of a billion (bn)
# and 万亿 a trillion (tn), as each unit's English symbol (units.csv `symbol_en`) says.
_ENGLISH_MAGNITUDES = {1e4: 1.0, 1e8: 1e9, 1e12: 1e12}


def _english_scale(unit: str) -> float:
    """Return the factor that turns a value in `unit` into the magnitude its English symbol names."""
    scale = UNITS[unit].scale
    return scale / _ENGLISH_MAGNITUDES.get(scale, scale)


def figure_value(fig: pd.Series, current: str) -> str:
    """Return a figure's value as the paper qualifies it, e.g. '≈ 1 万亿元', '> 5 bn yuan', '3–5 家'.

    `fig` is a row of db.figures: its unit code with the unit's labels (unit_zh, unit_symbol_en).
    """
    factor, unit = (_english_scale(fig["unit"]), fig["unit_symbol_en"]) if current == "en" else (1.0, fig["unit_zh"])
    low, high = fig["value"] * factor, fig["value_high"] * factor
    if fig["qualifier"] == "range" and pd.notna(high):
        number = f"{format_number(low)}–{format_number(high)}"
    else:
        sign = QUALIFIER_SIGNS.get(fig["qualifier"])
        number = f"{sign} {format_number(low)}" if sign else format_number(low)
    if fig["kind"] == "rank":
        return f"No. {number}" if current == "en" else f"第 {number}"
    return f"{number} {unit}".strip()
