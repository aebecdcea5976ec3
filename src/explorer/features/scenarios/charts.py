"""The Scenarios page's charts: the fan chart of an outcome, the waterfall of why it moved, the sensitivity tornado."""

from __future__ import annotations

import pandas as pd

from explorer.charts.encoding import (
    BASELINE_DASH,
    EDGE_PADDING,
    EXTRAPOLATED_DASH,
    FAN_PLOT_PX,
    FIT_WIDTH,
    PERCENT_DOMAIN,
    SPLIT_LINES,
    TORNADO_COLOURS,
    TORNADO_LABEL_LINE,
    TORNADO_ROW_PX,
    break_rule,
    chart_title,
    colour_scale,
    dashed_when,
    lines,
    nominal,
    quantitative,
    tooltip,
    wrapped,
    year_axis,
)
from explorer.core.compact import CHART_FORMAT
from explorer.core.i18n import t

# The fan's legend: opaque swatches on every band layer (a faint band's swatch was near-white), one entry a line
# (side by side, scenario B's ran off a 390 px phone).
# A long series name (scenario B's preset) breaks after 20–34 characters at a space instead of being cut ("…City plan:
# 50…"); Vega has no wrapping of its own, and a label split into a list is drawn one line per item.
WRAP_LABEL = "split(replace(datum.label, /^(.{20,34}) /, '$1\\n'), '\\n')"
FAN_LEGEND = {"symbolOpacity": 1, "orient": "bottom", "direction": "vertical", "labelLimit": 0, "labelExpr": WRAP_LABEL}


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
    basis, is_extrapolated, segment and break_before (a dashed rule at each new statistical basis, as on
    Benchmarks; may be empty); `target` has year, value, label, quote (may be empty).
    `colours` maps each translated series name to its colour, in legend order.
    """
    colour = nominal("series", None, scale=colour_scale(colours))
    layers = [
        {
            "data": {"name": "paths"},
            "mark": {"type": "area", "opacity": 0.18},
            "encoding": {
                "y": quantitative("p10", y_title),
                "y2": {"field": "p90"},
                "color": {**colour, "legend": FAN_LEGEND},
            },
        },
        {
            "data": {"name": "paths"},
            "mark": {"type": "line", "strokeWidth": 2.5},
            "encoding": {
                "y": quantitative("p50", y_title),
                "color": colour,
                "strokeDash": dashed_when("datum.colour === 'baseline'", BASELINE_DASH),
                "tooltip": [
                    tooltip("series", "nominal", t("col.series", lang)),
                    tooltip("year", "ordinal", t("col.year", lang)),
                    *(tooltip(p, "quantitative", t(f"col.{p}", lang), CHART_FORMAT) for p in ("p10", "p50", "p90")),
                ],
            },
        },
    ]
    datasets = {"paths": paths}
    if not peers.empty:
        datasets["peers"] = peers
        peer_tooltip = [
            tooltip("series", "nominal", t("col.city", lang)),
            tooltip("year", "ordinal", t("col.year", lang)),
            tooltip("value", "quantitative", t("col.value", lang), ",.2f"),
            tooltip("basis", "nominal", t("col.source", lang)),
        ]
        trend = [{"filter": "datum.is_extrapolated"}]
        if "break_before" in peers and peers["break_before"].astype(bool).any():  # a new basis: Benchmarks' rule
            layers.append(break_rule(tooltip("year", "ordinal", t("benchmarks.break_rule", lang)), data="peers"))
        trend_band = {  # the peer's own-trend band: p10-p90 of its extrapolated years
            "data": {"name": "peers"},
            "transform": trend,
            "mark": {"type": "area", "opacity": 0.12},
            "encoding": {
                "y": quantitative("p10", y_title),
                "y2": {"field": "p90"},
                "color": {**colour, "legend": FAN_LEGEND},
            },
        }
        observed = {  # observed years: solid, a marker per published figure, broken at a revision (`segment`)
            "data": {"name": "peers"},
            "transform": [{"filter": "!datum.is_extrapolated"}],
            "mark": {"type": "line", "point": True, "strokeWidth": 2},
            "encoding": {
                "y": quantitative("value", y_title),
                "color": colour,
                "detail": {"field": "segment", "type": "nominal"},
                "tooltip": peer_tooltip,
            },
        }
        trend_line = {  # extrapolated years: dashed, no markers (they are not data)
            "data": {"name": "peers"},
            "transform": trend,
            "mark": {"type": "line", "strokeWidth": 2, "strokeDash": EXTRAPOLATED_DASH},
            "encoding": {"y": quantitative("value", y_title), "color": colour, "tooltip": peer_tooltip},
        }
        # Only layers with rows: an empty one (Shenzhen's published history alone has no trend) made Vega warn of an
        # infinite extent.
        extrapolated = peers["is_extrapolated"].astype(bool)
        if extrapolated.any():
            layers.append(trend_band)
        if not extrapolated.all():
            layers.append(observed)
        if extrapolated.any():
            layers.append(trend_line)
    if not target.empty:
        datasets["target"] = target
        layers.append(
            {
                "data": {"name": "target"},
                "mark": {"type": "point", "shape": "diamond", "size": 220, "filled": True, "color": "#000"},
                "encoding": {
                    "y": quantitative("value", y_title),
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
        "padding": EDGE_PADDING,
        "datasets": datasets,
        # Every dataset has a year: one shared x axis for all layers.
        "encoding": {"x": year_axis(t("scenarios.axis.year", lang))},
        "layer": layers,
    }


def odds_chart(odds: pd.DataFrame, *, colours: dict[str, str], title: str, y_title: str, lang: str) -> dict:
    """Return P(Shenzhen ≥ peer) by year: one line per peer and run, the paper's policy dashed.

    `odds` has series (translated: peer and run), year, pct (0–100) and is_baseline; `colours` maps each series to
    its colour, in legend order.
    """
    colour = nominal("series", None, scale=colour_scale(colours))
    return {
        "title": chart_title(title),
        "height": FAN_PLOT_PX,
        "autosize": FIT_WIDTH,
        "padding": {**EDGE_PADDING, "left": 16},  # the rotated y title sat 2 px past the left edge at 8
        "datasets": {"odds": odds},
        "data": {"name": "odds"},
        "mark": {"type": "line", "point": True, "strokeWidth": 2},
        "encoding": {
            "x": year_axis(t("scenarios.axis.year", lang)),
            "y": quantitative("pct", y_title, scale={"domain": PERCENT_DOMAIN}),
            # One entry a line, as on the fan chart: "Beijing, paper's policy" side by side ran off a phone.
            "color": {**colour, "legend": {"orient": "bottom", "direction": "vertical", "columns": 1, "labelLimit": 0}},
            "strokeDash": dashed_when("datum.is_baseline", BASELINE_DASH),
            "tooltip": [
                tooltip("series", "nominal", t("col.series", lang)),
                tooltip("year", "ordinal", t("col.year", lang)),
                tooltip("pct", "quantitative", y_title, ".1f"),
            ],
        },
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
    # A row tall enough for its longest label: a label taller than its row would be hidden by Vega.
    most_lines = int(bars["axis_label"].str.count("\n").max()) + 1 if not bars.empty else 1
    row_px = max(TORNADO_ROW_PX, LABEL_LINE_PX * most_lines + 6)
    return {
        "title": chart_title(title),
        "height": row_px * bars["label"].nunique(),
        "autosize": FIT_WIDTH,
        "padding": EDGE_PADDING,
        "datasets": {"tornado": bars},
        "data": {"name": "tornado"},
        "mark": {"type": "bar"},
        "encoding": {
            "y": nominal(
                "axis_label",
                None,
                sort={"field": "rank", "op": "min", "order": "ascending"},
                axis={
                    "labelExpr": SPLIT_LINES,
                    "labelLimit": 0,
                    "labelOverlap": False,
                    "labelLineHeight": LABEL_LINE_PX,
                },
            ),
            "x": quantitative("end", lines(axis_title, BAR_AXIS_LINE), scale={"zero": False}),
            "x2": {"field": "central_value"},
            # One entry a line: side by side, the second ran off a 390 px phone.
            "color": nominal(
                "side", None, scale=colour_scale(sides), legend={"orient": "bottom", "direction": "vertical"}
            ),
            "tooltip": [
                tooltip("label", "nominal", t("col.parameter", lang)),
                tooltip("side", "nominal", " "),
                tooltip("end", "quantitative", t("col.value", lang), CHART_FORMAT),
            ],
        },
    }


LABEL_LINE_PX = 14  # one line of an axis label (Vega's default label font is 10-11 px)
# Characters a line of a bar chart's x title holds: at 390 px the plot beside the wrapped row labels is ~180 px.
BAR_AXIS_LINE = 24
WATERFALL_COLOURS = {"up": "#009E73", "down": "#D55E00", "total": "#7F7F7F"}  # Okabe–Ito green, vermilion, grey


def waterfall_chart(steps: pd.DataFrame, *, title: str, axis_title: str, lang: str) -> dict:
    """Return the waterfall of a change: one bar per lever group from the running total before it to after it,
    then the total change from zero.

    `steps` has label (wrapped with newlines), order, start, end, kind (up, down or total) and text (the value).
    """
    return {
        "title": chart_title(title),
        "height": TORNADO_ROW_PX * len(steps),
        "autosize": FIT_WIDTH,
        "padding": EDGE_PADDING,
        "datasets": {"waterfall": steps},
        "data": {"name": "waterfall"},
        "encoding": {
            "y": nominal(
                "label",
                None,
                sort={"field": "order", "op": "min", "order": "ascending"},
                axis={"labelExpr": SPLIT_LINES, "labelLimit": 0},
            ),
        },
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "x": quantitative("start", lines(axis_title, BAR_AXIS_LINE)),
                    "x2": {"field": "end"},
                    "color": {
                        "field": "kind",
                        "type": "nominal",
                        "scale": {"domain": list(WATERFALL_COLOURS), "range": list(WATERFALL_COLOURS.values())},
                        "legend": None,
                    },
                    "tooltip": [
                        tooltip("label", "nominal", t("col.group", lang)),
                        tooltip("text", "nominal", t("col.value", lang)),
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4},
                "encoding": {"x": {"field": "right", "type": "quantitative"}, "text": {"field": "text"}},
            },
        ],
    }
