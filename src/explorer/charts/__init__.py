"""Charts several pages share, and the pieces every chart spec is made of (Vega-Lite as plain dicts, named datasets).

A feature's own charts sit in its package (features/<area>/charts.py).

Two reasons not to go through Altair: building and serialising the Altair objects cost about half
of a chart page's rerun, and Altair names each dataset by a hash of its content, so every change of
data changed the spec and the browser rebuilt the chart. With fixed dataset names a lever move or a
filter changes only the data, which Streamlit swaps into the existing chart.
"""

from explorer.charts.encoding import (
    BAR_ROW_PX,
    BASELINE_DASH,
    CHART_SOURCES,
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
    TITLE_LINE_CJK,
    TORNADO_COLOURS,
    TORNADO_LABEL_LINE,
    TORNADO_ROW_PX,
    chart_title,
    colour_scale,
    credited,
    dashed_when,
    figure_tooltips,
    fitted_title,
    lines,
    nominal,
    quantitative,
    title_lines,
    tooltip,
    wrapped,
)
from explorer.charts.paper_charts import bound_bars, labelled_bars, link_heatmap, stacked_counts, upper_bound_band

__all__ = [
    "BAR_ROW_PX",
    "BASELINE_DASH",
    "CHART_SOURCES",
    "CITY_SHAPES",
    "CJK",
    "COUNT_ROW_PX",
    "EXTRAPOLATED_DASH",
    "FAN_PLOT_PX",
    "FIT_WIDTH",
    "LABEL_LINE",
    "LEGEND_LINE",
    "PERCENT_DOMAIN",
    "SOLID",
    "SPLIT_LINES",
    "TITLE_LINE",
    "TITLE_LINE_CJK",
    "TORNADO_COLOURS",
    "TORNADO_LABEL_LINE",
    "TORNADO_ROW_PX",
    "bound_bars",
    "chart_title",
    "colour_scale",
    "credited",
    "dashed_when",
    "figure_tooltips",
    "fitted_title",
    "title_lines",
    "labelled_bars",
    "lines",
    "link_heatmap",
    "nominal",
    "quantitative",
    "stacked_counts",
    "tooltip",
    "upper_bound_band",
    "wrapped",
]
