"""Vega-Lite specs of the Scenarios charts, built as plain dicts with named datasets.

Two reasons not to go through Altair here: building and serialising the Altair objects cost about
half of a Scenarios rerun, and Altair names each dataset by a hash of its content, so every lever
move changed the spec and the browser rebuilt both charts. With fixed dataset names a lever move
changes only the data, which Streamlit swaps into the existing chart.
"""

from __future__ import annotations

import pandas as pd

from explorer.i18n import t

BASELINE_DASH = [6, 4]
EXTRAPOLATED_DASH = [4, 3]
SOLID = [1, 0]
TORNADO_COLOURS = ("#56B4E9", "#E69F00")  # Okabe–Ito sky blue (low) and orange (high)
TORNADO_ROW_PX = 28
FAN_PLOT_PX = 320
# Fit the width only: with Streamlit's default ("fit") the height would also have to hold the title,
# axes and legend, squeezing a short chart's plot to a sliver.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}


def tooltip(field: str, kind: str, title: str, number_format: str | None = None) -> dict:
    """Return one tooltip entry (`kind` is a Vega-Lite type: nominal, ordinal, quantitative)."""
    entry = {"field": field, "type": kind, "title": title}
    if number_format:
        entry["format"] = number_format
    return entry


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
    x = {"field": "year", "type": "ordinal", "title": t("scenarios.axis.year", lang), "axis": {"labelAngle": 0}}
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": list(colours), "range": list(colours.values())},
    }
    layers = [
        {
            "data": {"name": "paths"},
            "mark": {"type": "area", "opacity": 0.18},
            "encoding": {
                "x": x,
                "y": {"field": "p10", "type": "quantitative", "title": y_title},
                "y2": {"field": "p90"},
                "color": {**colour, "legend": {"symbolOpacity": 1}},
            },
        },
        {
            "data": {"name": "paths"},
            "mark": {"type": "line", "strokeWidth": 2.5},
            "encoding": {
                "x": x,
                "y": {"field": "p50", "type": "quantitative", "title": y_title},
                "color": colour,
                "strokeDash": {
                    "condition": {"test": "datum.colour === 'baseline'", "value": BASELINE_DASH},
                    "value": SOLID,
                },
                "tooltip": [
                    tooltip("series", "nominal", t("col.series", lang)),
                    tooltip("year", "ordinal", t("col.year", lang)),
                    tooltip("p10", "quantitative", t("col.p10", lang), ",.2f"),
                    tooltip("p50", "quantitative", t("col.p50", lang), ",.2f"),
                    tooltip("p90", "quantitative", t("col.p90", lang), ",.2f"),
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
                    "x": x,
                    "y": {"field": "value", "type": "quantitative", "title": y_title},
                    "color": colour,
                    "strokeDash": {
                        "condition": {"test": "datum.is_extrapolated", "value": EXTRAPOLATED_DASH},
                        "value": SOLID,
                    },
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
                    "x": x,
                    "y": {"field": "value", "type": "quantitative", "title": y_title},
                    "tooltip": [
                        tooltip("label", "nominal", t("col.value", lang)),
                        tooltip("quote", "nominal", t("word.paper_sentence", lang)),
                    ],
                },
            }
        )
    return {"title": title, "height": FAN_PLOT_PX, "autosize": FIT_WIDTH, "datasets": datasets, "layer": layers}


def tornado_chart(bars: pd.DataFrame, *, title: str, axis_title: str, lang: str) -> dict:
    """Return the sensitivity chart: one bar per parameter from its central to its low and high outcome.

    `bars` has label, rank (0 = widest swing), side (translated low/high), end and central_value.
    """
    sides = [t("scenarios.tornado.low", lang), t("scenarios.tornado.high", lang)]
    return {
        "title": title,
        "height": TORNADO_ROW_PX * bars["label"].nunique(),
        "autosize": FIT_WIDTH,
        "datasets": {"tornado": bars},
        "data": {"name": "tornado"},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {
                "field": "label",
                "type": "nominal",
                "title": None,
                "sort": {"field": "rank", "op": "min", "order": "ascending"},
                "axis": {"labelLimit": 300},
            },
            "x": {"field": "end", "type": "quantitative", "title": axis_title, "scale": {"zero": False}},
            "x2": {"field": "central_value"},
            "color": {
                "field": "side",
                "type": "nominal",
                "title": None,
                "scale": {"domain": sides, "range": list(TORNADO_COLOURS)},
            },
            "tooltip": [
                tooltip("label", "nominal", t("col.parameter", lang)),
                tooltip("side", "nominal", " "),
                tooltip("end", "quantitative", t("col.value", lang), ",.2f"),
            ],
        },
    }
