"""Charts of the paper's own figures: labelled bars, counts, bounds, the measure-bottleneck heatmap."""

from __future__ import annotations

import pandas as pd

from explorer.charts.encoding import (
    BAR_ROW_PX,
    EDGE_PADDING,
    EXTRAPOLATED_DASH,
    FIT_WIDTH,
    LEGEND_LINE,
    PERCENT_DOMAIN,
    SPLIT_LINES,
    chart_title,
    colour_scale,
    nominal,
    quantitative,
    row_px,
    wrapped,
)


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
    x = quantitative("value", axis_title, axis={"tickMinStep": 1})
    if x_domain:
        x["scale"] = {"domain": x_domain}
    labels = [wrapped(metric) for metric in rows["metric"]]
    # The rows' order as a list: a sort by a field made Vega-Lite warn, unioning the layers' domains, that their sorts
    # conflict.
    y = nominal("label", None, sort=labels, axis={"labelExpr": SPLIT_LINES, "labelLimit": 0})
    return {
        "title": chart_title(title),
        "height": row_px * len(rows),
        "autosize": FIT_WIDTH,
        "datasets": {"bars": rows.assign(label=labels)},
        "data": {"name": "bars"},
        "encoding": {"x": x, "y": y, "tooltip": tooltips},
        "layer": [
            {"mark": {"type": "bar", "color": colour}},
            {"mark": {"type": "text", "align": "left", "dx": 4}, "encoding": {"text": nominal("shown", None)}},
        ],
    }


def stacked_counts(counts: pd.DataFrame, *, title: str, axis_title: str, colours: dict[str, str], legend: str) -> dict:
    """Return one bar per `section_label` (in row order) stacked by `kind_label`, of length `size`."""
    labels = [wrapped(label) for label in counts["section_label"]]
    return {
        "title": chart_title(title),
        "autosize": FIT_WIDTH,
        "height": row_px(labels) * counts["section_label"].nunique(),
        "datasets": {"counts": counts.assign(label=labels, order=range(len(counts)))},
        "data": {"name": "counts"},
        "mark": {"type": "bar"},
        "encoding": {
            "y": nominal(
                "label",
                None,
                sort={"field": "order", "op": "min"},
                axis={"labelExpr": SPLIT_LINES, "labelLimit": 0, "labelOverlap": False},
            ),
            "x": quantitative("size", axis_title, axis={"tickMinStep": 1}),
            # Under the plot: a legend at the right squeezed the bars to ~45 px on a phone (issue 23).
            "color": nominal(
                "kind_label", legend, scale=colour_scale(colours), legend={"orient": "bottom", "columns": 1}
            ),
            "tooltip": [
                nominal("section_label", None),
                nominal("kind_label", legend),
                quantitative("size", axis_title),
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
        open_to=PERCENT_DOMAIN[1],
    )
    y = nominal("label", None, sort=list(rows["label"]), axis={"labelExpr": SPLIT_LINES, "labelLimit": 0})  # as above
    # One legend, on top (a default one would sit at the right, off a phone): both coloured layers carry the same
    # legend, so Vega-Lite merges them without a conflict.
    colour = nominal(
        colour_field,
        legend,
        scale=colour_scale({wrapped(key, LEGEND_LINE): value for key, value in colours.items()}),
        legend={"orient": "top", "columns": 1, "labelLimit": 0, "labelExpr": SPLIT_LINES},
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
                    "x": quantitative("value", axis_title, scale={"domain": PERCENT_DOMAIN}),
                    "color": colour,
                },
            },
            {
                # Drawn where open_end is set: a row without it has no valid x, which Vega-Lite leaves out (a filter
                # here would give the layer its own data, whose y domain Vega-Lite warns it cannot sort with the bars').
                "mark": {"type": "rule", "strokeDash": EXTRAPOLATED_DASH, "strokeWidth": 2},
                "encoding": {"x": quantitative("open_end"), "x2": {"field": "open_to"}, "color": colour},
            },
            {  # the value inside its bar, where it fits
                "mark": {"type": "text", "align": "right", "dx": -4, "fontWeight": "bold", "color": "white"},
                "encoding": {"x": quantitative("value"), "text": _shown_when(LABEL_FITS)},
            },
            {  # else just past its end (white text left of a short bar fell off the plot: "16 %" read "6 %")
                "mark": {"type": "text", "align": "left", "dx": 4, "fontWeight": "bold", "color": LABEL_OUTSIDE},
                "encoding": {"x": quantitative("value"), "text": _shown_when(f"!({LABEL_FITS})")},
            },
        ],
    }


# Vega expression: a bar (on the 0-100 % axis) is long enough for its value label (bold 11 px, ~8 px a character,
# and its 4 px inset), at the width the chart is drawn.
LABEL_FITS = "datum.value * width / 100 >= 8 * length(datum.shown) + 8"
LABEL_OUTSIDE = "#000"  # black, as the other value labels beside a bar


def _shown_when(test: str) -> dict:
    """Return a text channel that writes the row's `shown` value where the Vega expression `test` holds."""
    return {"condition": {"test": test, "field": "shown", "type": "nominal"}, "value": ""}


NARROW_OFFSET = "(width < 560 ? 10 : 0)"  # Vega expression: px above / below the middle for the band's two labels


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
                    "x": quantitative("start", axis_title, scale={"domain": PERCENT_DOMAIN}),
                    "x2": {"field": "end"},
                },
            },
            {
                "transform": [{"filter": rest}],
                "mark": {"type": "bar", "color": "#DDDDDD"},
                "encoding": {"x": quantitative("start", axis_title), "x2": {"field": "end"}},
            },
            {  # on a narrow plot (a phone) the two labels would overlap: one above the middle, one below
                "transform": [{"filter": bound}],
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 8,
                    "dy": {"expr": f"-{NARROW_OFFSET}"},
                    "fontWeight": "bold",
                    "fontSize": 13,
                },
                "encoding": {"x": quantitative("end"), "text": nominal("part", None)},
            },
            {
                "transform": [{"filter": rest}],
                "mark": {
                    "type": "text",
                    "align": "right",
                    "dx": -8,
                    "dy": {"expr": NARROW_OFFSET},
                    "fontSize": 13,
                    "color": "#555555",
                },
                "encoding": {"x": quantitative("end"), "text": nominal("part", None)},
            },
        ],
    }


# Vega expression: the column's section code alone when the plot is under 400 px wide, else its wrapped title.
NARROW_COLUMN_LABELS = f"width < 400 ? split(split(datum.label, '\\n')[0], ' ')[0] : {SPLIT_LINES}"
NARROW_CELL_TEXT = (
    "width >= 400 ? datum.cell_text : datum.strength === 'primary' ? '●' : datum.strength === 'secondary' ? '◐' : ''"
)


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
        "padding": EDGE_PADDING,
        "datasets": {"cells": cells.assign(row=[wrapped(label) for label in cells["measure_label"]])},
        "data": {"name": "cells"},
        "encoding": {
            # Below the grid: extra lines of a wrapped label grow away from the cells.
            "x": nominal(
                "column",
                None,
                sort=None,
                axis={
                    "orient": "bottom",
                    "labelAngle": 0,
                    # A grid narrower than its five wrapped titles (a phone) labels its columns by code (2.1 …):
                    # the titles overlapped there; the tooltip and the table give them whole.
                    "labelExpr": NARROW_COLUMN_LABELS,
                    "labelLimit": 0,
                    "labelOverlap": False,
                },
            ),
            "y": nominal("row", None, sort=None, axis={"labelExpr": SPLIT_LINES, "labelLimit": 0}),
            "opacity": opacity,
            "tooltip": tooltips,
        },
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
                "encoding": {
                    # One entry a line, so that the legend fits a 390 px phone.
                    "color": nominal(
                        "strength_label",
                        legend,
                        scale=colour_scale(colours),
                        legend={"orient": "bottom", "direction": "vertical"},
                    )
                },
            },
            {
                "mark": {"type": "text", "fontSize": 13},
                # A cell narrower than its word (a phone) shows the link's symbol; the legend gives the words.
                "transform": [{"calculate": NARROW_CELL_TEXT, "as": "shown_text"}],
                "encoding": {
                    "text": nominal("shown_text", None),
                    "color": {
                        "condition": {"test": "datum.strength === 'primary'", "value": "white"},
                        "value": "black",
                    },
                },
            },
        ],
    }
