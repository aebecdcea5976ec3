"""Vega-Lite specs of every chart in the app, built as plain dicts with named datasets.

Two reasons not to go through Altair: building and serialising the Altair objects cost about half
of a chart page's rerun, and Altair names each dataset by a hash of its content, so every change of
data changed the spec and the browser rebuilt the chart. With fixed dataset names a lever move or a
filter changes only the data, which Streamlit swaps into the existing chart.
"""

from explorer.charts.city_charts import city_series, peer_latest
from explorer.charts.encoding import (
    BAR_ROW_PX,
    BASELINE_DASH,
    CITY_SHAPES,
    CJK,
    COUNT_ROW_PX,
    EXTRAPOLATED_DASH,
    FAN_PLOT_PX,
    FIT_WIDTH,
    LABEL_LINE,
    LEGEND_LINE,
    PERCENT_DOMAIN,
    SOLID,
    SPLIT_LINES,
    TITLE_LINE,
    TORNADO_COLOURS,
    TORNADO_LABEL_LINE,
    TORNADO_ROW_PX,
    chart_title,
    colour_scale,
    dashed_when,
    figure_tooltips,
    lines,
    nominal,
    quantitative,
    tooltip,
    wrapped,
)
from explorer.charts.hindcast_charts import HINDCAST_PLOT_PX, hindcast_chart
from explorer.charts.paper_charts import bound_bars, labelled_bars, link_heatmap, stacked_counts, upper_bound_band
from explorer.charts.scenario_charts import fan_chart, tornado_chart, waterfall_chart

__all__ = [
    "BAR_ROW_PX",
    "BASELINE_DASH",
    "CITY_SHAPES",
    "CJK",
    "COUNT_ROW_PX",
    "EXTRAPOLATED_DASH",
    "FAN_PLOT_PX",
    "FIT_WIDTH",
    "HINDCAST_PLOT_PX",
    "LABEL_LINE",
    "LEGEND_LINE",
    "PERCENT_DOMAIN",
    "SOLID",
    "SPLIT_LINES",
    "TITLE_LINE",
    "TORNADO_COLOURS",
    "TORNADO_LABEL_LINE",
    "TORNADO_ROW_PX",
    "bound_bars",
    "chart_title",
    "city_series",
    "colour_scale",
    "dashed_when",
    "fan_chart",
    "figure_tooltips",
    "hindcast_chart",
    "labelled_bars",
    "lines",
    "link_heatmap",
    "nominal",
    "peer_latest",
    "quantitative",
    "stacked_counts",
    "tooltip",
    "tornado_chart",
    "waterfall_chart",
    "upper_bound_band",
    "wrapped",
]
