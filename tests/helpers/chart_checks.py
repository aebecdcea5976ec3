"""Checks every chart spec must pass: a title, only fields its data has, colour-blind-safe colours."""

import json
import re

import pandas as pd

# Okabe–Ito (safe for the common colour-vision deficiencies), black and the greys used for "no value".
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000", "#000000"}
SAFE_COLOURS = OKABE_ITO | {"#7F7F7F", "#DDDDDD", "#EEEEEE", "#666", "#555555"}
HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{3,6}\b")


def missing_fields(
    node: dict,
    columns: dict[str, list[str]],
    data: str | None = None,
    fields: frozenset = frozenset(),
    derived: frozenset = frozenset(),
):
    """Return the encoded fields of every drawn layer that its dataset lacks (Vega-Lite would draw nothing); a field a
    transform of the layer or its parents computes (`calculate` … `as`) is not looked for in the dataset."""
    data = node.get("data", {}).get("name", data)
    derived |= {step["as"] for step in node.get("transform", ()) if isinstance(step.get("as"), str)}
    for channel in node.get("encoding", {}).values():
        for entry in channel if isinstance(channel, list) else [channel]:
            if isinstance(entry, dict) and "field" in entry:
                fields |= {entry["field"]}
    if "layer" in node:
        return [gap for layer in node["layer"] for gap in missing_fields(layer, columns, data, fields, derived)]
    return [(data, field) for field in sorted(fields - derived) if field not in columns.get(data, ())]


def chart_title(spec: dict) -> str | None:
    """Return a chart's title: its own, or (Altair layers) the first layer's that has one."""
    for part in (spec, *spec.get("layer", ())):
        title = part.get("title")
        if title:
            return title.get("text") if isinstance(title, dict) else title
    return None


def spec_colours(spec: dict) -> set[str]:
    """Return every hex colour a spec (datasets aside) names."""
    return set(HEX_COLOUR.findall(json.dumps({key: value for key, value in spec.items() if key != "datasets"})))


def check_chart(spec: dict, table: pd.DataFrame) -> None:
    """Fail unless the spec (as explorer.charts builds it, datasets as frames) is a chart a reader can trust."""
    assert chart_title(spec), spec
    assert len(table) > 0
    columns = {name: list(frame.columns) for name, frame in spec["datasets"].items()}
    assert missing_fields(spec, columns) == []
    colours = spec_colours(spec) | {
        value for frame in spec["datasets"].values() for value in frame.get("fill", ()) if value.startswith("#")
    }
    assert colours <= SAFE_COLOURS


# Channels whose scale a legend explains, and the brightest a legend swatch may be on a white page.
LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "strokeDash", "size", "opacity")
MAX_SWATCH_LUMINANCE = 0.8


def luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a hex colour (#rgb or #rrggbb)."""
    digits = colour.lstrip("#")
    digits = "".join(2 * c for c in digits) if len(digits) == 3 else digits
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _layers(node: dict, data: str | None = None, encoding: dict | None = None):
    """Yield (dataset name, merged encoding) of every drawn layer."""
    data = node.get("data", {}).get("name", data)
    encoding = {**(encoding or {}), **node.get("encoding", {})}
    if "layer" in node:
        for layer in node["layer"]:
            yield from _layers(layer, data, encoding)
    else:
        yield data, encoding


def dishonest_parts(spec: dict, frames: dict[str, pd.DataFrame]) -> list[str]:
    """Return what distorts a chart: a year axis with uneven steps, a legend with one entry, a near-white swatch.

    A year axis is continuous when it is quantitative or temporal, or ordinal over every year from first to last
    (so 2016→2018 is two steps, not one).
    """
    problems = []
    for data, encoding in _layers(spec):
        frame = frames.get(data)
        for channel in ("x", "y"):
            entry = encoding.get(channel) or {}
            if entry.get("field") != "year" or entry.get("type") in ("quantitative", "temporal"):
                continue
            domain = (entry.get("scale") or {}).get("domain")
            years = sorted({int(year) for year in (domain or (frame["year"].dropna() if frame is not None else []))})
            if years and years != list(range(years[0], years[-1] + 1)):
                problems.append(f"{channel}: year axis skips years {years}")
        for channel in LEGEND_CHANNELS:
            entry = encoding.get(channel) or {}
            if "field" not in entry or entry.get("legend", {}) is None or entry.get("scale", {}) is None:
                continue
            domain = (entry.get("scale") or {}).get("domain")
            count = len(domain) if domain else (frame[entry["field"]].nunique() if frame is not None else 2)
            if count < 2:
                problems.append(f"{channel}: a legend with one entry ({entry['field']})")
            colours = (entry.get("scale") or {}).get("range") or []
            pale = [
                c for c in colours if isinstance(c, str) and c.startswith("#") and luminance(c) > MAX_SWATCH_LUMINANCE
            ]
            if pale:
                problems.append(f"{channel}: near-white legend swatches {pale}")
    return problems


def legend_swatches(spec: object) -> list[dict[str, str]]:
    """Return every colour scale of a Vega-Lite spec (at any depth) as legend label -> colour."""
    found = []
    if isinstance(spec, dict):
        scale = spec.get("scale") if isinstance(spec.get("scale"), dict) else None
        if scale and "domain" in scale and "range" in scale and isinstance(scale["range"], list):
            found.append(dict(zip(scale["domain"], scale["range"])))
        for value in spec.values():
            found += legend_swatches(value)
    elif isinstance(spec, list):
        for value in spec:
            found += legend_swatches(value)
    return found
