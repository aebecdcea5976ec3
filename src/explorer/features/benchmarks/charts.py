"""Charts of the city statistics: one comparability group's yearly series per city, and the digital peer panels."""

from __future__ import annotations

import math

import pandas as pd

from explorer.charts.encoding import (
    EDGE_PADDING,
    FIT_WIDTH,
    break_rule,
    chart_title,
    colour_scale,
    fitted_title,
    nominal,
    quantitative,
)


def top_tick(largest: float) -> float:
    """Return a round top for a y axis from zero: a multiple of a 1-2-5 step of about a quarter of `largest`.

    Vega's own rounding left a lone 891.81 above the top gridline (800); the top is then a gridline (1,000).
    """
    if not largest > 0:
        return 1.0
    quarter = largest / 4
    magnitude = 10 ** math.floor(math.log10(quarter))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= quarter)
    return math.ceil(largest / step) * step


PEER_ROW_PX = 34  # one city's row in a peer panel: room for 'city year: value' on one line
# A peer panel's plot starts after its row labels, so on a phone its title wraps shorter than other charts' (14
# Chinese); a wider plot takes longer lines (`fitted_title`).
PEER_TITLE_LINE = 28


def city_series(
    rows: pd.DataFrame,
    *,
    title: str,
    x_title: str,
    y_title: str,
    years: list[int],
    colours: dict[str, str],
    legend: str,
    status_legend: str,
    tooltips: list[dict],
    break_tooltip: dict,
) -> dict:
    """Return one line per city through its observed values, with every value (observed or target) as a marker.

    `rows` has year, value, city_label, status, kind_label (status and qualifier), joined, fill (filled = official,
    white = secondary), segment and break_before. `colours` holds the cities with a value only (no legend entry
    without data); with one city there is no legend (the title names the city). A line joins only exact observed
    values (`joined`) and never crosses a missing year, a change of qualifier or a series break (it restarts:
    `segment`), and a dashed rule marks each break, so a census revision is never drawn as growth. The x axis holds
    every year of `years`, so a missing year shows as a gap.
    """
    # one city a line: with the kind legend beside it, a row of cities pushed the kinds past a 390 px phone
    city_legend = {"orient": "bottom", "direction": "vertical"} if len(colours) > 1 else None
    colour = nominal("city_label", legend, scale=colour_scale(colours), legend=city_legend)
    values = rows["value"].dropna()
    y_scale = {"zero": True, "nice": False, "domainMax": top_tick(float(values.max()) if len(values) else 0.0)}
    return {
        "title": chart_title(title),
        "height": 220,
        "autosize": FIT_WIDTH,
        "padding": EDGE_PADDING,
        "datasets": {"values": rows},
        "data": {"name": "values"},
        "encoding": {
            "x": {
                "field": "year",
                "type": "ordinal",
                "title": x_title,
                "axis": {"labelAngle": 0},
                "scale": {"domain": years},
            },
        },
        "layer": [
            break_rule(break_tooltip),
            {
                # Exact observed values only (`joined`); `segment` restarts where the qualifier changes.
                "transform": [{"filter": "datum.joined"}],
                "mark": {"type": "line", "strokeWidth": 2},
                "encoding": {
                    "y": quantitative("value", y_title, scale=y_scale),
                    "color": colour,
                    "detail": nominal("segment", None),
                },
            },
            {
                "mark": {"type": "point", "size": 110, "strokeWidth": 2.5, "opacity": 1},
                "encoding": {
                    "y": quantitative("value", y_title, scale=y_scale),
                    "color": colour,
                    "fill": nominal("fill", None, scale=None),
                    # A legend of one kind (only observed values) tells nothing: shown only when kinds differ.
                    "shape": nominal(
                        "kind_label",
                        status_legend,
                        # one kind a line: "observed, approximately" side by side ran past a 390 px phone
                        legend={"orient": "bottom", "direction": "vertical"}
                        if rows["kind_label"].nunique() > 1
                        else None,
                    ),
                    "tooltip": tooltips,
                },
            },
        ],
    }


def peer_latest(
    rows: pd.DataFrame,
    *,
    title: str,
    axis_title: str,
    colours: dict[str, str],
    shapes: dict[str, str],
    legend: str,
    tooltips: list[dict],
) -> dict:
    """Return one row per city with its latest value as a marker; a city without a figure keeps its row, empty.

    `rows` has row_label ('city year: value', or 'city: no published figure'), city_label, value and fill.
    Each city with a figure has its own colour (`colours`, the legend's) and marker shape (`shapes`, the same city's
    in every panel); the legend sits under the plot, one city a line, so that it
    fits a 390 px phone. The axis runs from zero to a round top above every value (`top_tick`).
    """
    values = rows["value"].dropna()
    x_scale = {"zero": True, "nice": False, "domainMax": top_tick(float(values.max()) if len(values) else 0.0)}
    city_legend = {"orient": "bottom", "direction": "vertical"} if len(colours) > 1 else None
    return {
        "title": fitted_title(title, PEER_TITLE_LINE),
        "height": PEER_ROW_PX * len(rows),
        "autosize": FIT_WIDTH,
        "padding": EDGE_PADDING,  # the top tick's label ends at the axis end: room for its last pixel
        "datasets": {"latest": rows},
        "data": {"name": "latest"},
        "transform": [{"filter": "isValid(datum.value)"}],
        "mark": {"type": "point", "size": 130, "strokeWidth": 2.5, "opacity": 1},
        "encoding": {
            "y": nominal(
                "row_label",
                None,
                sort=list(rows["row_label"]),
                scale={"domain": list(rows["row_label"])},
                axis={"labelLimit": 260, "labelFontSize": 12},
            ),
            # labelFlush: the top tick's label ("14,000") ends at the axis instead of running past a phone's edge
            "x": quantitative("value", axis_title, scale=x_scale, axis={"tickCount": 6, "labelFlush": True}),
            # Colour and shape name the city with one legend: the same title and legend on both, which Vega-Lite
            # merges (a shape without a legend beside a colour with one made it warn of a conflict).
            "color": nominal("city_label", legend, scale=colour_scale(colours), legend=city_legend),
            "fill": nominal("fill", None, scale=None),
            "shape": nominal(
                "city_label", legend, legend=city_legend, scale={"domain": list(shapes), "range": list(shapes.values())}
            ),
            "tooltip": tooltips,
        },
    }
