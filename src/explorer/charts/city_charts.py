"""Charts of the city statistics: one indicator's series per city and the peer index."""

from __future__ import annotations

import pandas as pd

from explorer.charts.encoding import (
    CITY_SHAPES,
    FIT_WIDTH,
    chart_title,
    colour_scale,
    nominal,
    quantitative,
)


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
    colour = nominal("city_label", legend, scale=colour_scale(colours))
    return {
        "title": chart_title(title),
        "height": 220,
        "autosize": FIT_WIDTH,
        "datasets": {"values": rows},
        "data": {"name": "values"},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": x_title, "axis": {"labelAngle": 0}},
            "y": quantitative("value", y_title),
            "color": colour,
            "tooltip": tooltips,
        },
        "layer": [
            {"transform": [{"filter": "datum.status === 'observed'"}], "mark": {"type": "line", "strokeWidth": 2}},
            {
                "mark": {"type": "point", "size": 110, "strokeWidth": 2.5, "opacity": 1},
                "encoding": {
                    "fill": nominal("fill", None, scale=None),
                    "shape": nominal("status_label", status_legend),
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
                "encoding": {"x": quantitative("x")},
            },
            {
                "data": {"name": "latest"},
                "mark": {"type": "point", "size": 120, "strokeWidth": 2.5, "opacity": 1},
                "encoding": {
                    "y": nominal("indicator_label", None, axis={"labelLimit": 320}),
                    "x": quantitative("index_vs_shenzhen", axis_title),
                    "color": nominal("city_label", legend, scale=colour_scale(colours)),
                    "fill": nominal("fill", None, scale=None),
                    "shape": nominal(
                        "city_label", None, legend=None, scale={"domain": list(colours), "range": list(CITY_SHAPES)}
                    ),
                    "tooltip": tooltips,
                },
            },
        ],
    }
