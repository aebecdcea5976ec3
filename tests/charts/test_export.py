"""explorer.charts.export: a chart's SVG download is the chart with its title, source line and data version."""

import numpy as np
import pandas as pd

from explorer import charts
from explorer.charts import export
from explorer.core.i18n import t

BARS = pd.DataFrame({"label": ["深圳", "北京", "上海"], "value": [3.0, np.nan, 1.5]})
SPEC = {
    "title": charts.chart_title("数字经济核心产业增加值"),
    "datasets": {"bars": BARS},
    "data": {"name": "bars"},
    "mark": "bar",
    "encoding": {"y": {"field": "label", "type": "nominal"}, "x": {"field": "value", "type": "quantitative"}},
}


def test_the_svg_carries_the_title_the_source_line_and_the_data_version():
    drawn = export.svg(charts.credited(SPEC, source="statistics", version="0123456789ab", lang="zh")).decode("utf-8")
    assert drawn.lstrip().startswith("<svg")
    assert "数字经济核心产业增加值" in drawn
    source = charts.lines(t("chart.source.statistics", "zh"), charts.encoding.CREDIT_LINE)  # the subtitle's lines
    assert len(source) > 1 and all(line in drawn for line in source)
    assert "0123456789ab" in drawn
    assert "深圳" in drawn and "上海" in drawn  # the data, a missing value (Beijing) included as null


def test_a_fit_width_chart_gets_a_files_width():
    plain = export.plain_spec({**SPEC, "autosize": charts.FIT_WIDTH})
    assert plain["width"] == export.EXPORT_WIDTH_PX
    assert plain["datasets"]["bars"][1]["value"] is None
    assert SPEC["datasets"]["bars"] is BARS  # the page's spec is left as it was
