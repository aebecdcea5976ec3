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


def _band_label_rows(width: int) -> list[float]:
    """Return the vertical position of the upper-bound band's two labels when the chart is `width` px wide."""
    band = pd.DataFrame(
        {
            "part": ["Domestic: somewhere in 0–5 % (< 5 %)", "Not domestic: > 95 % (implied by < 5 %)"],
            "start": [0.0, 5.0],
            "end": [5.0, 100.0],
        }
    )
    spec = charts.upper_bound_band(band, title="OS", axis_title="OS (%)", accent="#D55E00", tooltips=[])
    svg = export.svg(spec, width).decode("utf-8")
    found = re.findall(r"<text[^>]*translate\([\d.]+,([\d.]+)\)[^>]*>(?:Domestic|Not domestic)", svg)
    return [float(y) for y in found]


def test_the_bound_bands_two_labels_take_two_lines_on_a_phone():
    """The walk saw 'Domestic: somewhere in 0–5 %' drawn over 'Not domestic: > 95 %' at 390 px."""
    narrow, wide = _band_label_rows(300), _band_label_rows(900)
    assert len(narrow) == len(wide) == 2
    assert abs(narrow[0] - narrow[1]) >= 13  # at least the labels' font size apart
    assert wide[0] == wide[1]  # a desktop keeps them on the band's middle line, far apart across it
