"""explorer.charts.paper_charts: the paper's charts as Vega-Lite specs, rendered where the layout is the point."""

import re

import pandas as pd

from explorer import charts
from explorer.charts import export


def _heatmap_texts(width: int) -> list[str]:
    """Return the texts drawn in the link matrix's cells when the chart is `width` px wide (rendered by vl-convert)."""
    cells = pd.DataFrame(
        {
            "measure_label": ["3.1 Compute", "3.1 Compute", "3.2 Talent", "3.2 Talent"],
            "bottleneck_label": ["2.1 Chips", "2.2 Power"] * 2,
            "column": ["2.1 Chips", "2.2 Power"] * 2,
            "strength": ["primary", "secondary", "none", "primary"],
            "strength_label": ["primary", "secondary", "none", "primary"],
            "cell_text": ["primary", "secondary", "", "primary"],
            "is_chosen": [True] * 4,
        }
    )
    spec = charts.link_heatmap(
        cells, title="Links", legend="Strength", colours={"primary": "#000", "secondary": "#777", "none": "#ddd"},
        row_px=30, faded=0.3, tooltips=[],
    )  # fmt: skip
    svg = export.svg(spec, width).decode("utf-8")
    return re.findall(r'<text[^>]*text-anchor="middle"[^>]*>([^<]*)</text>', svg)


def test_a_cell_too_narrow_for_its_word_shows_the_links_symbol():
    """The walk saw 'primar', 'rim…' overflow the matrix's cells on a 390 px phone."""
    wide, narrow = _heatmap_texts(900), _heatmap_texts(300)
    assert sorted(text for text in wide if text in ("primary", "secondary")) == ["primary", "primary", "secondary"]
    assert sorted(text for text in narrow if text in ("●", "◐")) == ["●", "●", "◐"]
    assert not [text for text in narrow if text in ("primary", "secondary")]
