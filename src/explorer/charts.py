"""Vega-Lite specs of every chart in the app, built as plain dicts with named datasets.

Two reasons not to go through Altair: building and serialising the Altair objects cost about half
of a chart page's rerun, and Altair names each dataset by a hash of its content, so every change of
data changed the spec and the browser rebuilt the chart. With fixed dataset names a lever move or a
filter changes only the data, which Streamlit swaps into the existing chart.
"""

from __future__ import annotations

import re
import textwrap

import pandas as pd

from explorer.i18n import t

BASELINE_DASH = [6, 4]
EXTRAPOLATED_DASH = [4, 3]
SOLID = [1, 0]
TORNADO_COLOURS = ("#56B4E9", "#E69F00")  # Okabe–Ito sky blue (low) and orange (high)
TORNADO_ROW_PX = 34  # room for a parameter's name on two lines
TORNADO_LABEL_LINE = 30  # characters per line of a parameter's name (15 for Chinese)
TITLE_LINE = 40  # characters per line of a chart title (20 for Chinese)
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
BAR_ROW_PX = 44  # one bar's row: room for a label wrapped onto three lines
COUNT_ROW_PX = 38  # one section's row: room for its title on three lines
LABEL_LINE = 34  # characters per line of a wrapped axis label (17 for Chinese)
LEGEND_LINE = 20  # characters per line of a wrapped legend label: the legend starts where the plot does
SPLIT_LINES = "split(datum.label, '\\n')"  # Vega expression: one axis label line per line of the text
PERCENT_DOMAIN = [0, 100]
CITY_SHAPES = ("triangle-up", "circle", "square")  # one marker per city, so that colour is never the only cue
FAN_PLOT_PX = 320
# Fit the width only: with Streamlit's default ("fit") the height would also have to hold the title,
# axes and legend, squeezing a short chart's plot to a sliver.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}


def lines(text: str, width: int) -> list[str]:
    """Return the text broken into lines of at most `width` characters (half as many for Chinese).

    Latin text breaks at spaces; Chinese after a pause (：，、；） or a space) or before an opening
    bracket, as late as fits and not before half the line, else anywhere.
    """
    if not CJK.search(text):
        return textwrap.wrap(text, width, break_on_hyphens=False) or [text]
    width //= 2
    result = []
    while len(text) > width:
        breaks = [i + 1 for i, ch in enumerate(text[: width + 1]) if ch in "：，、；） "]
        breaks += [i for i, ch in enumerate(text[: width + 1]) if ch == "（"]
        cut = max((i for i in breaks if i >= width // 2), default=width)
        result.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*result, text]


def wrapped(text: str, width: int = LABEL_LINE) -> str:
    """Return the text in lines joined by newlines, for an axis or legend label split by SPLIT_LINES."""
    return "\n".join(lines(text, width))


def chart_title(text: str) -> dict:
    """Return a chart title in lines that fit a 390 px phone: Vega-Lite cuts a one-line title at the plot's width."""
    return {"text": lines(text, TITLE_LINE)}


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


def fan_chart(
    paths: pd.DataFrame,
    peers: pd.DataFrame,
    target: pd.DataFrame,
    *,
    colours: dict[str, str],
    title: str,
    y_title: str,
    lang: str,
) -> dict:
    """Return the outcome chart: p10–p90 bands and p50 lines of scenario and baseline, peers, the paper's target.

    `paths` has series, colour (series code), year, p10, p50, p90; `peers` has series, year, value,
    basis, is_extrapolated (may be empty); `target` has year, value, label, quote (may be empty).
    `colours` maps each translated series name to its colour, in legend order.
    """
    colour = _nominal("series", None, scale=colour_scale(colours))
    layers = [
        {
            "data": {"name": "paths"},
            "mark": {"type": "area", "opacity": 0.18},
            "encoding": {
                "y": _quantitative("p10", y_title),
                "y2": {"field": "p90"},
                "color": {**colour, "legend": {"symbolOpacity": 1, "orient": "bottom"}},
            },
        },
        {
            "data": {"name": "paths"},
            "mark": {"type": "line", "strokeWidth": 2.5},
            "encoding": {
                "y": _quantitative("p50", y_title),
                "color": colour,
                "strokeDash": dashed_when("datum.colour === 'baseline'", BASELINE_DASH),
                "tooltip": [
                    tooltip("series", "nominal", t("col.series", lang)),
                    tooltip("year", "ordinal", t("col.year", lang)),
                    *(tooltip(p, "quantitative", t(f"col.{p}", lang), ",.2f") for p in ("p10", "p50", "p90")),
                ],
            },
        },
    ]
    datasets = {"paths": paths}
    if not peers.empty:
        datasets["peers"] = peers
        layers.append(
            {
                "data": {"name": "peers"},
                "mark": {"type": "line", "point": True, "strokeWidth": 2},
                "encoding": {
                    "y": _quantitative("value", y_title),
                    "color": colour,
                    "strokeDash": dashed_when("datum.is_extrapolated", EXTRAPOLATED_DASH),
                    "tooltip": [
                        tooltip("series", "nominal", t("col.city", lang)),
                        tooltip("year", "ordinal", t("col.year", lang)),
                        tooltip("value", "quantitative", t("col.value", lang), ",.2f"),
                        tooltip("basis", "nominal", t("col.source", lang)),
                    ],
                },
            }
        )
    if not target.empty:
        datasets["target"] = target
        layers.append(
            {
                "data": {"name": "target"},
                "mark": {"type": "point", "shape": "diamond", "size": 220, "filled": True, "color": "#000"},
                "encoding": {
                    "y": _quantitative("value", y_title),
                    "tooltip": [
                        tooltip("label", "nominal", t("col.value", lang)),
                        tooltip("quote", "nominal", t("word.paper_sentence", lang)),
                    ],
                },
            }
        )
    return {
        "title": chart_title(title),
        "height": FAN_PLOT_PX,
        "autosize": FIT_WIDTH,
        "datasets": datasets,
        # Every dataset has a year: one shared x axis for all layers.
        "encoding": {
            "x": {
                "field": "year",
                "type": "ordinal",
                "title": t("scenarios.axis.year", lang),
                "axis": {"labelAngle": 0},
            }
        },
        "layer": layers,
    }


def tornado_chart(bars: pd.DataFrame, *, title: str, axis_title: str, lang: str) -> dict:
    """Return the sensitivity chart: one bar per parameter from its central to its low and high outcome.

    `bars` has label, rank (0 = widest swing), side (translated low/high), end and central_value.
    """
    sides = {
        t("scenarios.tornado.low", lang): TORNADO_COLOURS[0],
        t("scenarios.tornado.high", lang): TORNADO_COLOURS[1],
    }
    bars = bars.assign(axis_label=[wrapped(label, TORNADO_LABEL_LINE) for label in bars["label"]])
    return {
        "title": chart_title(title),
        "height": TORNADO_ROW_PX * bars["label"].nunique(),
        "autosize": FIT_WIDTH,
        "datasets": {"tornado": bars},
        "data": {"name": "tornado"},
        "mark": {"type": "bar"},
        "encoding": {
            "y": _nominal(
                "axis_label",
                None,
                sort={"field": "rank", "op": "min", "order": "ascending"},
                axis={"labelExpr": SPLIT_LINES, "labelLimit": 0},
            ),
            "x": _quantitative("end", axis_title, scale={"zero": False}),
            "x2": {"field": "central_value"},
            "color": _nominal("side", None, scale=colour_scale(sides), legend={"orient": "bottom"}),
            "tooltip": [
                tooltip("label", "nominal", t("col.parameter", lang)),
                tooltip("side", "nominal", " "),
                tooltip("end", "quantitative", t("col.value", lang), ",.2f"),
            ],
        },
    }


def _nominal(field: str, title: str | None, **extra: object) -> dict:
    return {"field": field, "type": "nominal", "title": title, **extra}


def _quantitative(field: str, title: str | None = None, **extra: object) -> dict:
    entry = {"field": field, "type": "quantitative", **extra}
    if title is not None:
        entry["title"] = title
    return entry


def colour_scale(colours: dict[str, str]) -> dict:
    """Return a Vega-Lite scale mapping each (translated) label to its colour, in legend order."""
    return {"domain": list(colours), "range": list(colours.values())}


def labelled_bars(
    rows: pd.DataFrame,
    *,
    title: str,
    axis_title: str,
    colour: str,
    tooltips: list[dict],
    x_domain: list[float] | None = None,
    row_px: int = BAR_ROW_PX,
) -> dict:
    """Return horizontal bars of `value` per `metric` (row order, names wrapped), labelled with their `shown` text."""
    x = _quantitative("value", axis_title, axis={"tickMinStep": 1})
    if x_domain:
        x["scale"] = {"domain": x_domain}
    y = _nominal("label", None, sort={"field": "order"}, axis={"labelExpr": SPLIT_LINES, "labelLimit": 0})
    labels = [wrapped(metric) for metric in rows["metric"]]
    return {
        "title": chart_title(title),
        "height": row_px * len(rows),
        "autosize": FIT_WIDTH,
        "datasets": {"bars": rows.assign(label=labels, order=range(len(rows)))},
        "data": {"name": "bars"},
        "encoding": {"x": x, "y": y, "tooltip": tooltips},
        "layer": [
            {"mark": {"type": "bar", "color": colour}},
            {"mark": {"type": "text", "align": "left", "dx": 4}, "encoding": {"text": _nominal("shown", None)}},
        ],
    }


def stacked_counts(counts: pd.DataFrame, *, title: str, axis_title: str, colours: dict[str, str], legend: str) -> dict:
    """Return one bar per `section_label` (in row order) stacked by `kind_label`, of length `size`."""
    return {
        "title": chart_title(title),
        "autosize": FIT_WIDTH,
        "height": COUNT_ROW_PX * counts["section_label"].nunique(),
        "datasets": {
            "counts": counts.assign(
                label=[wrapped(label) for label in counts["section_label"]],
                order=range(len(counts)),
            )
        },
        "data": {"name": "counts"},
        "mark": {"type": "bar"},
        "encoding": {
            "y": _nominal(
                "label",
                None,
                sort={"field": "order", "op": "min"},
                axis={"labelExpr": SPLIT_LINES, "labelLimit": 0, "labelOverlap": False},
            ),
            "x": _quantitative("size", axis_title, axis={"tickMinStep": 1}),
            "color": _nominal("kind_label", legend, scale=colour_scale(colours)),
            "tooltip": [
                _nominal("section_label", None),
                _nominal("kind_label", legend),
                _quantitative("size", axis_title),
            ],
        },
    }


def bound_bars(
    rows: pd.DataFrame,
    *,
    colour_field: str,
    colours: dict[str, str],
    legend: str,
    title: str,
    axis_title: str,
    tooltips: list[dict],
) -> dict:
    """Return % bars per `metric` with their `shown` value; lower bounds get a dashed line to 100 %.

    `rows` has metric, value, shown, open_end (the value for a lower bound, else empty) and the
    colour field; the bars keep the rows' order. Axis and legend labels wrap to fit a phone.
    """
    rows = rows.assign(
        label=rows["metric"].map(wrapped),
        **{colour_field: rows[colour_field].map(lambda text: wrapped(text, LEGEND_LINE))},
        order=range(len(rows)),
        open_to=PERCENT_DOMAIN[1],
    )
    y = _nominal("label", None, sort={"field": "order", "op": "min"}, axis={"labelExpr": SPLIT_LINES, "labelLimit": 0})
    colour = _nominal(
        colour_field, legend, scale=colour_scale({wrapped(key, LEGEND_LINE): value for key, value in colours.items()})
    )
    return {
        "title": chart_title(title),
        "height": BAR_ROW_PX * len(rows),
        "autosize": FIT_WIDTH,
        "datasets": {"bars": rows},
        "data": {"name": "bars"},
        "encoding": {"y": y, "tooltip": tooltips},
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "x": _quantitative("value", axis_title, scale={"domain": PERCENT_DOMAIN}),
                    "color": {
                        **colour,
                        "legend": {"orient": "top", "columns": 1, "labelLimit": 0, "labelExpr": SPLIT_LINES},
                    },
                },
            },
            {
                "transform": [{"filter": "isValid(datum.open_end)"}],
                "mark": {"type": "rule", "strokeDash": EXTRAPOLATED_DASH, "strokeWidth": 2},
                "encoding": {"x": _quantitative("open_end"), "x2": {"field": "open_to"}, "color": colour},
            },
            {
                "mark": {"type": "text", "align": "right", "dx": -4, "fontWeight": "bold", "color": "white"},
                "encoding": {"x": _quantitative("value"), "text": _nominal("shown", None)},
            },
        ],
    }


def upper_bound_band(band: pd.DataFrame, *, title: str, axis_title: str, accent: str, tooltips: list[dict]) -> dict:
    """Return a 0–100 % band: the range a bound allows (row 0, dashed) and the rest (row 1), each named by `part`."""
    bound, rest = "datum.start === 0", "datum.start > 0"
    return {
        "title": chart_title(title),
        "height": 48,
        "autosize": FIT_WIDTH,
        "datasets": {"band": band},
        "data": {"name": "band"},
        "encoding": {"tooltip": tooltips},
        "layer": [
            {
                "transform": [{"filter": bound}],
                "mark": {
                    "type": "bar",
                    "color": accent,
                    "fillOpacity": 0.3,
                    "stroke": accent,
                    "strokeDash": [5, 3],
                    "strokeWidth": 2,
                },
                "encoding": {
                    "x": _quantitative("start", axis_title, scale={"domain": PERCENT_DOMAIN}),
                    "x2": {"field": "end"},
                },
            },
            {
                "transform": [{"filter": rest}],
                "mark": {"type": "bar", "color": "#DDDDDD"},
                "encoding": {"x": _quantitative("start", axis_title), "x2": {"field": "end"}},
            },
            {
                "transform": [{"filter": bound}],
                "mark": {"type": "text", "align": "left", "dx": 8, "fontWeight": "bold", "fontSize": 13},
                "encoding": {"x": _quantitative("end"), "text": _nominal("part", None)},
            },
            {
                "transform": [{"filter": rest}],
                "mark": {"type": "text", "align": "right", "dx": -8, "fontSize": 13, "color": "#555555"},
                "encoding": {"x": _quantitative("end"), "text": _nominal("part", None)},
            },
        ],
    }


def link_heatmap(
    cells: pd.DataFrame,
    *,
    title: str,
    legend: str,
    colours: dict[str, str],
    row_px: int,
    faded: float,
    tooltips: list[dict],
) -> dict:
    """Return measures (rows) × bottlenecks (columns) coloured by `strength_label`, faded where not `is_chosen`.

    Cells keep the frame's order; `column` holds the wrapped column label, `cell_text` the text in a cell.
    """
    opacity = {"condition": {"test": "datum.is_chosen", "value": 1.0}, "value": faded}
    return {
        "title": chart_title(title),
        "height": row_px * cells["measure_label"].nunique(),
        "autosize": FIT_WIDTH,
        "datasets": {"cells": cells.assign(row=[wrapped(label) for label in cells["measure_label"]])},
        "data": {"name": "cells"},
        "encoding": {
            # Below the grid: extra lines of a wrapped label grow away from the cells.
            "x": _nominal(
                "column",
                None,
                sort=None,
                axis={
                    "orient": "bottom",
                    "labelAngle": 0,
                    "labelExpr": SPLIT_LINES,
                    "labelLimit": 0,
                    "labelOverlap": False,
                },
            ),
            "y": _nominal("row", None, sort=None, axis={"labelExpr": SPLIT_LINES, "labelLimit": 0}),
            "opacity": opacity,
            "tooltip": tooltips,
        },
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
                "encoding": {
                    "color": _nominal(
                        "strength_label", legend, scale=colour_scale(colours), legend={"orient": "bottom"}
                    )
                },
            },
            {
                "mark": {"type": "text", "fontSize": 13},
                "encoding": {
                    "text": _nominal("cell_text", None),
                    "color": {
                        "condition": {"test": "datum.strength === 'primary'", "value": "white"},
                        "value": "black",
                    },
                },
            },
        ],
    }


def city_series(
    rows: pd.DataFrame,
    *,
    title: str,
    x_title: str,
    y_title: str,
    colours: dict[str, str],
    legend: str,
    status_legend: str,
    tooltips: list[dict],
) -> dict:
    """Return one line per city through its observed values, with every value (observed or target) as a marker.

    `rows` has year, value, city_label, status, status_label and fill (filled = official, white = secondary).
    """
    colour = _nominal("city_label", legend, scale=colour_scale(colours))
    return {
        "title": chart_title(title),
        "height": 220,
        "autosize": FIT_WIDTH,
        "datasets": {"values": rows},
        "data": {"name": "values"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": x_title, "axis": {"labelAngle": 0}},
            "y": _quantitative("value", y_title),
            "color": colour,
            "tooltip": tooltips,
        },
        "layer": [
            {"transform": [{"filter": "datum.status === 'observed'"}], "mark": {"type": "line", "strokeWidth": 2}},
            {
                "mark": {"type": "point", "size": 110, "strokeWidth": 2.5, "opacity": 1},
                "encoding": {
                    "fill": _nominal("fill", None, scale=None),
                    "shape": _nominal("status_label", status_legend),
                },
            },
        ],
    }


def peer_index(
    latest: pd.DataFrame, *, title: str, axis_title: str, colours: dict[str, str], legend: str, tooltips: list[dict]
) -> dict:
    """Return each indicator's latest comparable values as an index (Shenzhen = 100, the dashed line).

    Each city has its own colour and marker shape (in the order of `colours`), in both languages.
    """
    return {
        "title": chart_title(title),
        "height": 36 * latest["indicator_label"].nunique(),
        "autosize": FIT_WIDTH,
        "datasets": {"latest": latest, "reference": pd.DataFrame({"x": [100]})},
        "layer": [
            {
                "data": {"name": "reference"},
                "mark": {"type": "rule", "strokeDash": [4, 4], "color": "#666"},
                "encoding": {"x": _quantitative("x")},
            },
            {
                "data": {"name": "latest"},
                "mark": {"type": "point", "size": 120, "strokeWidth": 2.5, "opacity": 1},
                "encoding": {
                    "y": _nominal("indicator_label", None, axis={"labelLimit": 320}),
                    "x": _quantitative("index_vs_shenzhen", axis_title),
                    "color": _nominal("city_label", legend, scale=colour_scale(colours)),
                    "fill": _nominal("fill", None, scale=None),
                    "shape": _nominal(
                        "city_label", None, legend=None, scale={"domain": list(colours), "range": list(CITY_SHAPES)}
                    ),
                    "tooltip": tooltips,
                },
            },
        ],
    }
