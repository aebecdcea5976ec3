"""How the app writes its numbers and marks its sources: pure functions (no streamlit) for views and the shell."""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Sequence

import pandas as pd

from explorer.core.i18n import t
from explorer.core.paper import find_span
from explorer.core.vocab import QUALIFIER_SIGNS, UNITS, WORD_QUALIFIERS

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
CITY_COLOURS = {"shenzhen": "#D55E00", "beijing": "#0072B2", "shanghai": "#009E73"}
ACCENT = "#D55E00"
NEUTRAL = "#56B4E9"
KIND_COLOURS = {"status": "#0072B2", "bottleneck": "#D55E00", "target": "#009E73", "rank": "#CC79A7"}


def kind_colours(current: str) -> dict[str, str]:
    """Return the colour of each figure kind, keyed by its translated label."""
    return {t(f"kind.{kind}", current): colour for kind, colour in KIND_COLOURS.items()}


# The paper's reference marks as the OCR left them: ^[3] (a reference), ^① (a footnote).
_REFERENCE_MARK = re.compile(r"\^(\[\d+\]|[①②③④⑤⑥⑦⑧⑨])")
_SUPERSCRIPT = str.maketrans("0123456789[]", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def highlighted_html(text: str, quotes: Sequence[str]) -> str:
    """Return the text as escaped HTML paragraphs with every quote that occurs in it marked."""
    return marked_html(text, [span for quote in quotes if (span := find_span(text, quote))])


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Return the text as escaped HTML paragraphs with each (start, end) span marked and reference marks superscript."""
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        if start < cursor:
            continue
        pieces += [_escaped(text[cursor:start]), "<mark>", _escaped(text[start:end]), "</mark>"]
        cursor = end
    pieces.append(_escaped(text[cursor:]))
    body = "".join(pieces)
    return "".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))


def _escaped(text: str) -> str:
    return _REFERENCE_MARK.sub(r"<sup>\1</sup>", html.escape(text))


def plain_reference_marks(text: str) -> str:
    """Return text with the paper's reference marks as superscript characters (^[3] → ⁽³⁾, ^① → ①) for plain text."""
    return _REFERENCE_MARK.sub(lambda match: match.group(1).translate(_SUPERSCRIPT), text)


def format_number(value: float) -> str:
    """Return a number with thousands separators and no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


# English has no 万 or 亿: a count in 万 is written out (7.5 万 → 75,000), 亿 becomes tenths of a billion (¥ bn)
# and 万亿 a trillion (¥ tn), as each unit's English symbol (units.csv `symbol_en`) says.
_ENGLISH_MAGNITUDES = {1e4: 1.0, 1e8: 1e9, 1e12: 1e12}
# The one table of money words: a yuan amount's word → (the larger word it steps up to, how many make one), as
# units.csv labels 100m_yuan and trillion_yuan (tests/core/test_formatting.py holds them to it); below a billion,
# English writes millions, a unit no source counts in.
MONEY_UP: dict[str, tuple[str, float]] = {"亿元": ("万亿元", 1e4), "¥ bn": ("¥ tn", 1e3)}
MONEY_DOWN: dict[str, tuple[str, float]] = {"¥ bn": ("¥ m", 1e3)}
_MONEY_WORDS = (*MONEY_UP, *(word for word, _ in MONEY_UP.values()), *(word for word, _ in MONEY_DOWN.values()))
_MONEY_DIGITS = 4  # significant digits of a yuan amount converted to ¥ bn / ¥ tn


def english_factor(unit: str) -> float:
    """Return the factor that turns a value in `unit` into the magnitude its English symbol names (亿元 → ¥ bn: 0.1)."""
    scale = UNITS[unit].scale
    return scale / _ENGLISH_MAGNITUDES.get(scale, scale)


# An English symbol that itself names ten thousand ("10k yuan per rack") keeps the value as stored.
_TEN_THOUSAND_WORDS = ("10k ", "10,000 ")


def shown_unit(unit: str, current: str, unit_zh: str, symbol_en: str) -> tuple[float, str]:
    """Return (factor, unit text) a value in `unit` is shown with: as printed in Chinese, the English symbol in English.

    The factor converts into the magnitude the English symbol names: 万 is written out (7.5 万 → 75,000 base
    stations) unless the symbol keeps it ("10k yuan per rack"). A unit of kind `bare` (units.csv, e.g. PUE's
    ratio) is shown without a unit word.
    """
    if UNITS[unit].kind == "bare":
        return 1.0, ""
    if current != "en":
        return 1.0, unit_zh
    if UNITS[unit].scale == 1e4 and symbol_en.startswith(_TEN_THOUSAND_WORDS):
        return 1.0, symbol_en
    return english_factor(unit), symbol_en


def with_unit(number: str, unit_text: str) -> str:
    """Return a number with its unit as a reader writes it: '¥998.3 bn' (¥ before the number), '9,983 亿元'."""
    if unit_text.startswith("¥ "):
        return f"¥{number} {unit_text[2:]}"
    return f"{number} {unit_text}".strip()


def singular(words: str) -> str:
    """Return an English count word as written after one: 'racks' → 'rack', 'people, cumulative' → 'person, …'."""
    head, comma, tail = words.partition(",")
    head = head.removesuffix("people") + "person" if head.endswith("people") else head.removesuffix("s")
    return head + comma + tail


def money_unit(largest: float, text: str) -> tuple[float, str] | None:
    """Return (divisor, unit text) for yuan amounts in `text` whose largest is `largest`, or None if `text` is no money.

    Once the largest reaches one of the larger word, the amounts step up to it, the rest of the text kept:
    10,000 亿元/年 → 1 万亿元/年, ¥1,000 bn → ¥1 tn.
    """
    if not text.startswith(_MONEY_WORDS):
        return None
    for word, (larger, factor) in MONEY_UP.items():
        if text.startswith(word) and abs(largest) >= factor:
            return factor, larger + text[len(word) :]
    return 1.0, text


def _money_number(value: float) -> str:
    return format_number(float(f"{value:.{_MONEY_DIGITS}g}"))


def quantity(values: Sequence[float], unit: str, current: str, unit_zh: str, symbol_en: str) -> tuple[list[str], str]:
    """Return the numbers of one unit as shown to the reader, and the unit text they share.

    English yuan amounts are in ¥ bn, in ¥ tn once the largest reaches a thousand billion, in ¥ m below a
    billion; Chinese keeps the unit as printed (亿元, 万亿元).
    """
    factor, text = shown_unit(unit, current, unit_zh, symbol_en)
    shown = [value * factor for value in values]
    if not text.startswith("¥ "):
        return [format_number(value) for value in shown], text
    largest = max(abs(value) for value in shown)
    divisor, text = money_unit(largest, text) or (1.0, text)
    for word, (smaller, many) in MONEY_DOWN.items():
        if text.startswith(word) and 0 < largest < 1:
            divisor, text = 1 / many, smaller + text[len(word) :]
    return [_money_number(value / divisor) for value in shown], text


def amount(value: float, unit: str, current: str, unit_zh: str, symbol_en: str, *, signed: bool = False) -> str:
    """Return one value with its unit as the reader expects it, e.g. '¥3.239 tn', '32,387.7 亿元', '1.25'.

    `signed` puts the sign in front of the whole amount ('+¥12.5 bn', '-3 亿元').
    """
    (number,), text = quantity([abs(value) if signed else value], unit, current, unit_zh, symbol_en)
    shown = with_unit(number, text)
    return ("-" if value < 0 else "+") + shown if signed else shown


# The paper's fractions (占全国六分之一): a share stored in per cent is printed as the fraction the paper wrote.
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_FRACTION = re.compile(r"([二三四五六七八九十])分之([一二三四五六七八九])")
_ENGLISH_COUNTS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ENGLISH_PARTS = ("", "", "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def paper_fraction(fig: pd.Series, current: str) -> str | None:
    """Return the fraction the paper wrote for a per-cent figure ('六分之一', 'one sixth'), or None if it wrote none.

    The fraction must be in the figure's own sentence and equal its stored share to the stored precision.
    """
    if fig.get("unit") != "pct" or pd.isna(fig.get("value")):
        return None
    for match in _FRACTION.finditer(str(fig.get("quote_zh") or "")):
        whole, part = _CHINESE_DIGITS[match.group(1)], _CHINESE_DIGITS[match.group(2)]
        if abs(100 * part / whole - fig["value"]) < 0.01:
            if current == "zh":
                return match.group(0)
            return f"{_ENGLISH_COUNTS[part]} {_ENGLISH_PARTS[whole]}{'s' if part > 1 else ''}"
    return None


def figure_parts(fig: pd.Series, current: str) -> tuple[str, str]:
    """Return a figure's value split into its signed number and its unit, e.g. ('> 100', '¥ bn'), ('< 1.25', '').

    `fig` is a row of db.figures: its unit code with the unit's labels (unit_zh, unit_symbol_en). A share the
    paper wrote as a fraction is that fraction, with no sign and no unit ('one sixth', not '≈ 16.67 %').
    """
    fraction = paper_fraction(fig, current)
    if fraction:
        return fraction, ""
    is_range = fig["qualifier"] == "range" and pd.notna(fig["value_high"])
    values = [fig["value"], fig["value_high"]] if is_range else [fig["value"]]
    numbers, unit = quantity(values, fig["unit"], current, fig["unit_zh"], fig["unit_symbol_en"])
    if fig["kind"] == "rank":
        return (f"No. {numbers[0]}" if current == "en" else f"第 {numbers[0]}"), ""
    if is_range:
        return "–".join(numbers), unit
    return qualified(fig["qualifier"], numbers[0], current), unit


def qualified(qualifier: str, number: str, lang: str) -> str:
    """Return a number with its qualifier in front: a sign ('> 15,000', '≈ 30') or a word ('近 1', 'nearly 1').

    Exact numbers, ranges and numbers as printed stay bare.
    """
    sign = t(f"qualifier.{qualifier}", lang) if qualifier in WORD_QUALIFIERS else QUALIFIER_SIGNS.get(qualifier)
    return f"{sign} {number}" if sign else number


def figure_value(fig: pd.Series, current: str) -> str:
    """Return a figure's value as the paper qualifies it, e.g. '≈ 1 万亿元', '> ¥5 bn', '3–5 家', '< 1.25'."""
    number, unit = figure_parts(fig, current)
    sign, space, bare = number.rpartition(" ")
    return f"{sign}{space}{with_unit(bare, unit)}" if unit else number


# Removed from untrusted text besides every control character (category Cc: CR, LF, TAB, NUL, U+0085, …):
# the line and paragraph separators, and the bidi marks, embeddings, overrides and isolates that reorder what is shown.
_HIDDEN = frozenset("\u2028\u2029\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def untrusted_code(raw: str, limit: int) -> str:
    """Return untrusted text as an inert Markdown code span: one line, no controls, at most `limit` characters.

    Every place that echoes a user's text (a link value, a path, a console detail) into Markdown uses this.
    Inside a code span Markdown, math, directives (`:red[…]`) and links are shown as typed; removing
    every line ending keeps the span from being closed by a new block. The fence is one backtick longer
    than any run inside, so the value's own backticks show as typed too.
    """
    clean = "".join(char for char in raw if unicodedata.category(char) != "Cc" and char not in _HIDDEN)
    shown = clean[:limit] + ("…" if len(clean) > limit else "")
    fence = "`" * (1 + max(map(len, re.findall("`+", shown)), default=0))
    # CommonMark drops one space from each end of a span whose text starts and ends with one, and a
    # backtick at either end would join the fence: pad with one space at each end in both cases.
    edges = shown.startswith("`") or shown.endswith("`") or (shown[:1] == shown[-1:] == " " and bool(shown.strip(" ")))
    inner = f" {shown} " if edges else shown or " "
    return f"{fence}{inner}{fence}"
