"""A chart as a file: its Vega-Lite spec (datasets as frames) drawn as a standalone SVG, for the chart's SVG download.

Streamlit 1.67 offers a chart's PNG in its toolbar ("Download as PNG", the chart as the browser drew it) but keeps
Vega-Embed's own menu ("Save as SVG") off and strips the spec's embed options that would turn it on; so the SVG is
drawn here, with vl-convert (Vega-Lite in an embedded JavaScript engine), from the same spec the page draws. An SVG
keeps its text as text: the viewer's fonts draw it, Chinese included.
"""

from __future__ import annotations

import json

import pandas as pd
import vl_convert

EXPORT_WIDTH_PX = 800  # the saved chart's width: a fit-x chart takes the page's width, which a file has not


def plain_spec(spec: dict, width: int = EXPORT_WIDTH_PX) -> dict:
    """Return the spec as JSON values (each dataset's rows as records, missing values as null) at `width` pixels."""
    datasets = {
        name: json.loads(frame.to_json(orient="records", force_ascii=False))
        if isinstance(frame, pd.DataFrame)
        else frame
        for name, frame in spec.get("datasets", {}).items()
    }
    return {**spec, "datasets": datasets, "width": width}


def svg(spec: dict, width: int = EXPORT_WIDTH_PX) -> bytes:
    """Return the chart drawn as an SVG file (UTF-8)."""
    return vl_convert.vegalite_to_svg(plain_spec(spec, width)).encode("utf-8")
