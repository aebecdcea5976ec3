"""The Methods page's hindcast chart: a series fitted up to 2020, its predicted bands and what was published."""

from __future__ import annotations

import pandas as pd

from explorer.charts.encoding import (
    BASELINE_DASH,
    EDGE_PADDING,
    FIT_WIDTH,
    chart_title,
    colour_scale,
    dashed_when,
    nominal,
    quantitative,
    tooltip,
    year_axis,
)
from explorer.core.i18n import t

HINDCAST_PLOT_PX = 240


def hindcast_chart(
    observed: pd.DataFrame, bands: pd.DataFrame, *, colours: dict[str, str], title: str, y_title: str, lang: str
) -> dict:
    """Return one city's hindcast: p10–p90 bands and p50 lines of each method, the published values on top.

    `observed` has series, year, value; `bands` has series, method (code), year, p10, p50, p90 from
    the last fitted year on. `colours` maps each translated series name to its colour, legend order.
    The random walk's line is dashed, so that colour is not the only cue.
    """
    colour = nominal(
        "series",
        None,
        scale=colour_scale(colours),
        legend={"orient": "bottom", "symbolOpacity": 1, "labelLimit": 400, "columns": 1},  # fits a phone in an expander
    )
    band_tooltip = [
        tooltip("series", "nominal", t("col.series", lang)),
        tooltip("year", "ordinal", t("col.year", lang)),
        *(tooltip(p, "quantitative", t(f"col.{p}", lang), ",.0f") for p in ("p10", "p50", "p90")),
    ]
    return {
        "title": chart_title(title),
        "height": HINDCAST_PLOT_PX,
        "autosize": FIT_WIDTH,
        "padding": EDGE_PADDING,
        "datasets": {"bands": bands, "observed": observed},
        "encoding": {"x": year_axis(t("scenarios.axis.year", lang))},
        "layer": [
            {
                "data": {"name": "bands"},
                "mark": {"type": "area", "opacity": 0.15},
                "encoding": {
                    "y": quantitative("p10", y_title, scale={"zero": False}),
                    "y2": {"field": "p90"},
                    "color": colour,
                },
            },
            {
                "data": {"name": "bands"},
                "mark": {"type": "line", "strokeWidth": 2},
                "encoding": {
                    "y": quantitative("p50", y_title),
                    "color": colour,
                    "strokeDash": dashed_when("datum.method === 'random_walk'", BASELINE_DASH),
                    "tooltip": band_tooltip,
                },
            },
            {
                "data": {"name": "observed"},
                "mark": {"type": "line", "point": {"size": 60, "filled": True}, "strokeWidth": 2},
                "encoding": {
                    "y": quantitative("value", y_title),
                    "color": colour,
                    "tooltip": [
                        tooltip("series", "nominal", t("col.series", lang)),
                        tooltip("year", "ordinal", t("col.year", lang)),
                        tooltip("value", "quantitative", t("col.value", lang), ",.2f"),
                    ],
                },
            },
        ],
    }
