"""The pieces every chart spec is made of: sizes, wrapped text, titles, tooltips, encodings, scales."""

from __future__ import annotations

import json
import math
import re
import textwrap

from explorer.core.i18n import t

BASELINE_DASH = [6, 4]
BREAK_COLOUR = "#666"  # the dashed rule at a series break (a new statistical basis), on Benchmarks and Scenarios
EXTRAPOLATED_DASH = [4, 3]
SOLID = [1, 0]
TORNADO_COLOURS = ("#56B4E9", "#E69F00")  # Okabe–Ito sky blue (low) and orange (high)
TORNADO_ROW_PX = 34  # room for a parameter's name on two lines
TORNADO_LABEL_LINE = 30  # characters per line of a parameter's name (15 for Chinese)
TITLE_LINE = 40  # characters per line of a chart title in Latin script
# Characters per line of a Chinese chart title: at 390 px Vega cuts a title line past ~300 px, 19 characters of
# its 16 px type (issue 23: '…相对基准的变…' on Scenarios).
TITLE_LINE_CJK = 18
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
BAR_ROW_PX = 44  # one bar's row: room for a label wrapped onto three lines
COUNT_ROW_PX = 38  # one section's row at the least (two lines of its title)
# One line of a wrapped axis label as Streamlit's theme draws it (12 px text), and the gap between two rows' labels:
# a row holds its label's lines (three lines in 38 px ran "upgrading" into the next row's "1.3", issue 23).
LABEL_LINE_PX = 15
LABEL_ROW_GAP_PX = 10
LABEL_LINE = 34  # characters per line of a wrapped axis label (17 for Chinese)
LEGEND_LINE = 14  # characters per line of a wrapped legend label: the legend starts where the plot does (at 390
# px about 250 px in, after the bar labels), so a line must fit the ~110 px left (issue 23: zh labels ran off)
SPLIT_LINES = "split(datum.label, '\\n')"  # Vega expression: one axis label line per line of the text
PERCENT_DOMAIN = [0, 100]
CITY_SHAPES = ("triangle-up", "circle", "square")  # one marker per city, so that colour is never the only cue
FAN_PLOT_PX = 320
# Fit the width only: with Streamlit's default ("fit") the height would also have to hold the title,
# axes and legend, squeezing a short chart's plot to a sliver.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}
# Room around a chart for what Vega's fit leaves at the edge: a rotated axis title, an edge column's label.
EDGE_PADDING = {"left": 8, "right": 10, "top": 5, "bottom": 5}


def lines(text: str, width: int) -> list[str]:
    """Return the text broken into lines of at most `width` characters (half as many for Chinese).

    A newline in the text (a translator's chosen break) always breaks. Latin text breaks at spaces, never inside a
    word (one longer than the line after its hyphen, if it has one); Chinese after a pause (：，、；） or a space
    that does not follow a digit: "2030 年" stays whole) or before an opening bracket, as late as fits and not
    before half the line, else anywhere; a last line under a quarter of the width is avoided by balancing the lines.
    """
    if "\n" in text:
        return [line for part in text.split("\n") for line in lines(part, width)]
    if not CJK.search(text):  # a word is never cut; one longer than the line breaks after a hyphen, if it has one
        whole = textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False) or [text]
        return whole if max(map(len, whole)) <= width else textwrap.wrap(text, width, break_long_words=False)
    width //= 2
    result = _cjk_lines(text, width)
    if len(result) > 1 and len(result[-1]) * 4 < width:  # an orphan ("…不同原文的比" / "例"): the same lines, balanced
        for narrower in range(math.ceil(len(text) / len(result)), width):
            balanced = _cjk_lines(text, narrower)
            if len(balanced) == len(result):
                return balanced
    return result


def _cjk_lines(text: str, width: int) -> list[str]:
    result = []
    while len(text) > width:
        breaks = [  # a pause just past the width hangs at the line's end, never starting the next
            i + 1
            for i, ch in enumerate(text[: width + 1])
            if ch in "：，、；）" or (ch == " " and not text[i - 1 : i].isdigit())
        ]
        breaks += [i for i, ch in enumerate(text[: width + 1]) if ch == "（"]
        cut = max((i for i in breaks if i >= width // 2), default=width)
        result.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*result, text] if text else result


def row_px(labels: list[str]) -> int:
    """Return the height of one row of a chart whose rows carry the wrapped `labels`: room for the longest."""
    most = max((label.count("\n") + 1 for label in labels), default=1)
    return max(COUNT_ROW_PX, LABEL_LINE_PX * most + LABEL_ROW_GAP_PX)


def wrapped(text: str, width: int = LABEL_LINE) -> str:
    """Return the text in lines joined by newlines, for an axis or legend label split by SPLIT_LINES."""
    return "\n".join(lines(text, width))


# Characters per line of a chart's source and version lines (32 for Chinese), in the subtitle's 10 px type.
CREDIT_LINE = 64
CHART_SOURCES = ("paper", "statistics", "model")  # what a chart draws on: its source line is chart.source.<code>


def credited(spec: dict, *, source: str, version: str, lang: str) -> dict:
    """Return the spec with its source line and the data version under its title: what a saved image carries.

    A saved image (Streamlit's "Download as PNG", the chart's SVG download) is the chart as drawn, so what an image
    must carry is drawn: the title, then in small grey type the source (`source`, a code of CHART_SOURCES) and the
    explorer's data version.
    """
    if source not in CHART_SOURCES:
        raise ValueError(f"unknown chart source {source!r}; one of {CHART_SOURCES}")
    title = spec["title"] if isinstance(spec["title"], dict) else {"text": spec["title"]}
    credit = [
        *lines(t(f"chart.source.{source}", lang), CREDIT_LINE),
        *lines(t("chart.version", lang, version=version), CREDIT_LINE),
    ]
    return {
        **spec,
        "title": {
            **title,
            "anchor": "start",
            "subtitle": credit,
            "subtitleFontSize": 10,
            "subtitleColor": "#555555",
            "subtitlePadding": 4,
        },
    }


# Characters per title line of a chart drawn inside an expander, whose frame takes ~35 px at 390 px (16 for Chinese).
INSET_TITLE_LINE = 34
INSET_TITLE_LINE_CJK = 16


def chart_title(text: str, *, inset: bool = False) -> dict:
    """Return a chart title in lines that fit a 390 px phone, longer where the plot is wider (`fitted_title`):
    Vega-Lite cuts a one-line title at the plot's width, and a phone's lines wrapped a desktop's title into a narrow
    column (the third walk).

    `inset`: the chart is drawn inside an expander, whose frame leaves it narrower.
    """
    latin, chinese = (INSET_TITLE_LINE, INSET_TITLE_LINE_CJK) if inset else (TITLE_LINE, TITLE_LINE_CJK)
    return fitted_title(text, 2 * chinese if CJK.search(text) else latin)


# Vega-Lite draws each title line whole or cuts it at the plot's width, and the server does not know that width (390
# px on a phone, over 1,000 on a desktop): a fitted title carries its lines for several line lengths and a Vega
# expression picks, by the plot's `width` signal, the longest whose lines fit (a Chinese character counts as two).
TITLE_CHAR_PX = 8  # a title character's mean advance (13 px bold Latin; half a Chinese character)
TITLE_TIERS = (40, 60, 90)  # characters per line of the wider choices
_NARROWEST = re.compile(r"width < \d+ \? ")  # how a fitted title's expression starts when it has wider choices


def fitted_title(text: str, narrowest: int) -> dict:
    """Return a chart title in lines of `narrowest` characters on a phone, longer lines where the plot is wider.

    The expression names the narrowest lines first (`title_lines` reads them back): `width < 480 ? [phone lines] :
    width < 720 ? [60-character lines] : [90-character lines]`.
    """
    choices = [lines(text, narrowest)]
    thresholds = []
    for length in (tier for tier in TITLE_TIERS if tier > narrowest):
        if (wider := lines(text, length)) != choices[-1]:
            thresholds.append(length * TITLE_CHAR_PX)
            choices.append(wider)
    expression = json.dumps(choices[-1], ensure_ascii=False)
    for threshold, choice in zip(reversed(thresholds), reversed(choices[:-1])):
        expression = f"width < {threshold} ? {json.dumps(choice, ensure_ascii=False)} : {expression}"
    return {"text": {"expr": expression}}


def title_lines(title: dict | str) -> list[str]:
    """Return a chart title's lines as a phone shows them (for text outside the chart: an embed's title, a test)."""
    text = title["text"] if isinstance(title, dict) else title
    if isinstance(text, str):
        return [text]
    if isinstance(text, list):
        return text
    expression = text["expr"]
    start = match.end() if (match := _NARROWEST.match(expression)) else 0
    return json.JSONDecoder().raw_decode(expression, start)[0]


def tooltip(field: str, kind: str, title: str, number_format: str | None = None) -> dict:
    """Return one tooltip entry (`kind` is a Vega-Lite type: nominal, ordinal, quantitative)."""
    entry = {"field": field, "type": kind, "title": title}
    if number_format:
        entry["format"] = number_format
    return entry


def figure_tooltips(lang: str, *, section: bool = False) -> list[dict]:
    """Return the tooltip of a paper figure's mark: metric, value, (section,) the paper's sentence."""
    return [
        tooltip("metric", "nominal", t("col.metric", lang)),
        tooltip("shown", "nominal", t("col.value", lang)),
        *([tooltip("section", "nominal", t("col.section", lang))] if section else []),
        tooltip("quote_zh", "nominal", t("word.paper_sentence", lang)),
    ]


def dashed_when(test: str, dash: list[int]) -> dict:
    """Return a strokeDash encoding: `dash` where the Vega expression `test` holds, solid elsewhere."""
    return {"condition": {"test": test, "value": dash}, "value": SOLID}


def nominal(field: str, title: str | None, **extra: object) -> dict:
    return {"field": field, "type": "nominal", "title": title, **extra}


def quantitative(field: str, title: str | None = None, **extra: object) -> dict:
    entry = {"field": field, "type": "quantitative", **extra}
    if title is not None:
        entry["title"] = title
    return entry


def year_axis(title: str) -> dict:
    """Return a year x encoding on a linear axis: a year without a value leaves a visible gap, not an even step."""
    return {
        "field": "year",
        "type": "quantitative",
        "title": title,
        "scale": {"zero": False, "nice": False, "padding": 12},
        "axis": {"format": "d", "tickMinStep": 1, "labelAngle": 0},
    }


def colour_scale(colours: dict[str, str]) -> dict:
    """Return a Vega-Lite scale mapping each (translated) label to its colour, in legend order."""
    return {"domain": list(colours), "range": list(colours.values())}


def break_rule(tooltip_field: dict, data: str | None = None) -> dict:
    """Return the layer of a dashed rule at each row flagged `break_before` (a new statistical basis from that year):
    one rule for every chart of published series, so a census revision is never read as growth."""
    layer = {
        "transform": [{"filter": "datum.break_before"}],
        "mark": {"type": "rule", "strokeDash": BASELINE_DASH, "color": BREAK_COLOUR, "strokeWidth": 1.5},
        "encoding": {"tooltip": [tooltip_field]},
    }
    return layer if data is None else {"data": {"name": data}, **layer}
