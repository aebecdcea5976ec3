"""Checks every chart spec must pass: a title, only fields its data has, colour-blind-safe colours."""

import json
import re

import pandas as pd

# Okabe–Ito (safe for the common colour-vision deficiencies), black and the greys used for "no value".
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000", "#000000"}
SAFE_COLOURS = OKABE_ITO | {"#7F7F7F", "#DDDDDD", "#EEEEEE", "#666", "#555555"}
HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{3,6}\b")


def missing_fields(node: dict, columns: dict[str, list[str]], data: str | None = None, fields: frozenset = frozenset()):
    """Return the encoded fields of every drawn layer that its dataset lacks (Vega-Lite would draw nothing)."""
    data = node.get("data", {}).get("name", data)
    for channel in node.get("encoding", {}).values():
        for entry in channel if isinstance(channel, list) else [channel]:
            if isinstance(entry, dict) and "field" in entry:
                fields |= {entry["field"]}
    if "layer" in node:
        return [gap for layer in node["layer"] for gap in missing_fields(layer, columns, data, fields)]
    return [(data, field) for field in sorted(fields) if field not in columns.get(data, ())]


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
