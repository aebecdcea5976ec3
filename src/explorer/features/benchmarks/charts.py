"""Charts of the city statistics: one comparability group's yearly series per city, and the digital peer panels."""

from __future__ import annotations

import math

import pandas as pd

from explorer.charts.encoding import (
    CITY_SHAPES,
    EDGE_PADDING,
    FIT_WIDTH,
    break_rule,
    chart_title,
    colour_scale,
    lines,
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
# A peer panel's plot starts after its row labels, so its title wraps shorter than other charts' (14 Chinese).
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

    `rows` has year, value, city_label, status, status_label, fill (filled = official, white = secondary),
    segment and break_before. A line never crosses a missing year or a series break (it restarts: `segment`),
    and a dashed rule marks each break, so a census revision is never drawn as growth. The x axis holds every
    year of `years`, so a missing year shows as a gap.
    """
    colour = nominal("city_label", legend, scale=colour_scale(colours), legend={"orient": "bottom"})
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
                "transform": [{"filter": "datum.status === 'observed'"}],
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
                        "status_label",
                        status_legend,
                        legend={"orient": "bottom"} if rows["status_label"].nunique() > 1 else None,
                    ),
                    "tooltip": tooltips,
                },
            },
        ],
    }


def peer_latest(
    rows: pd.DataFrame, *, title: str, axis_title: str, colours: dict[str, str], legend: str, tooltips: list[dict]
) -> dict:
    """Return one row per city with its latest value as a marker; a city without a figure keeps its row, empty.

    `rows` has row_label ('city year: value', or 'city: no published figure'), city_label, value and fill.
    Each city has its own colour and marker shape (in the order of `colours`); the legend sits under the plot,
    one city a line, so that it fits a 390 px phone.
    """
    return {
        "title": {"text": lines(title, PEER_TITLE_LINE)},
        "height": PEER_ROW_PX * len(rows),
        "autosize": FIT_WIDTH,
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
            "x": quantitative("value", axis_title),
            "color": nominal(
                "city_label", legend, scale=colour_scale(colours), legend={"orient": "bottom", "direction": "vertical"}
            ),
            "fill": nominal("fill", None, scale=None),
            "shape": nominal(
                "city_label", None, legend=None, scale={"domain": list(colours), "range": list(CITY_SHAPES)}
            ),
            "tooltip": tooltips,
        },
    }
