"""explorer.charts: the Scenarios charts' Vega-Lite specs (fields, datasets, colours, stability)."""

import json
import re

import pandas as pd
import pytest
import vl_convert

from explorer import charts, model
from explorer.core.i18n import LANGS, t
from explorer.features.scenarios import charts as scenario_charts

OKABE_ITO_AND_GREYS = {"#D55E00", "#0072B2", "#009E73", "#56B4E9", "#E69F00", "#CC79A7", "#F0E442", "#7F7F7F", "#000"}


def paths_for(levers: model.Levers, params: pd.DataFrame, outcome: str = "core_va") -> pd.DataFrame:
    result = model.project(levers, params, draws=200)
    rows = result[result["indicator"] == outcome]
    return pd.concat(
        [rows.assign(series="Scenario", colour="scenario"), rows.assign(series="Baseline", colour="baseline")],
        ignore_index=True,
    )[["series", "colour", "year", "p10", "p50", "p90"]]


PEERS = pd.DataFrame(
    {
        "series": ["Beijing", "Beijing"],
        "year": [2023, 2024],
        "value": [11061.5, 12000.0],
        "p10": [None, 11000.0],
        "p90": [None, 13000.0],
        "basis": ["observed", "extrapolated (growth 10.8 %)"],
        "is_extrapolated": [False, True],
        "segment": ["Beijing-0", "Beijing-projected"],
    }
)
TARGET = pd.DataFrame({"year": [2025], "value": [21000.0], "label": ["Target"], "quote": ["…"]})
NO_PEERS = PEERS.iloc[0:0]
NO_TARGET = TARGET.iloc[0:0]
COLOURS = {"Scenario": "#D55E00", "Baseline": "#7F7F7F", "Beijing": "#0072B2"}


def fan(paths: pd.DataFrame, peers: pd.DataFrame = PEERS, target: pd.DataFrame = TARGET, lang: str = "en") -> dict:
    return scenario_charts.fan_chart(paths, peers, target, colours=COLOURS, title="Title", y_title="Y", lang=lang)


def encoded_fields(encoding: dict) -> set[str]:
    fields = set()
    for channel in encoding.values():
        for entry in channel if isinstance(channel, list) else [channel]:
            if isinstance(entry, dict) and "field" in entry:
                fields.add(entry["field"])
    return fields


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def without_data(spec: dict) -> dict:
    return {key: value for key, value in spec.items() if key != "datasets"}


def test_every_encoded_field_is_a_column_of_the_layers_dataset(params):
    spec = fan(paths_for(model.baseline(), params))
    for layer in layers(spec):
        dataset = spec["datasets"][layer["data"]["name"]]
        assert encoded_fields(layer["encoding"]) <= set(dataset.columns), layer["data"]["name"]


def test_a_lever_move_changes_the_data_but_not_the_spec(params):
    base = model.baseline()
    moved = model.Levers(**{**vars(base), "dc_racks": 0, "xc_share": 80.0})
    before, after = fan(paths_for(base, params)), fan(paths_for(moved, params))
    assert not before["datasets"]["paths"].equals(after["datasets"]["paths"])
    assert without_data(before) == without_data(after)


def test_missing_peers_and_target_leave_out_their_layers(params):
    paths = paths_for(model.baseline(), params)
    full, bare = fan(paths), fan(paths, NO_PEERS, NO_TARGET)
    assert set(full["datasets"]) == {"paths", "peers", "target"}
    assert set(bare["datasets"]) == {"paths"}
    assert len(full["layer"]) == 6 and len(bare["layer"]) == 2  # peers: band, observed line, extrapolated line


def test_baseline_is_dashed_and_extrapolations_are_dashed_without_markers(params):
    spec = fan(paths_for(model.baseline(), params))
    line, band, observed, trend = spec["layer"][1:5]
    assert line["encoding"]["strokeDash"]["condition"]["test"] == "datum.colour === 'baseline'"
    assert line["encoding"]["strokeDash"]["value"] == charts.SOLID != charts.BASELINE_DASH
    assert band["mark"]["type"] == "area" and band["transform"] == [{"filter": "datum.is_extrapolated"}]
    assert observed["transform"] == [{"filter": "!datum.is_extrapolated"}] and observed["mark"]["point"] is True
    assert trend["transform"] == [{"filter": "datum.is_extrapolated"}]
    assert trend["mark"]["strokeDash"] == charts.EXTRAPOLATED_DASH and "point" not in trend["mark"]


@pytest.mark.parametrize("lang", LANGS)
def test_specs_serialise_with_a_title_and_translated_axes(params, lang):
    spec = fan(paths_for(model.baseline(), params), lang=lang)
    text = json.dumps(without_data(spec), ensure_ascii=False)
    assert charts.title_lines(spec["title"]) == ["Title"]
    assert t("scenarios.axis.year", lang) in text
    assert t("col.p50", lang) in text


def test_colours_are_colour_blind_safe(params):
    spec = fan(paths_for(model.baseline(), params))
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == list(COLOURS)
    assert set(scale["range"]) <= OKABE_ITO_AND_GREYS
    assert set(charts.TORNADO_COLOURS) <= OKABE_ITO_AND_GREYS


def tornado_bars(params: pd.DataFrame, rows: int) -> pd.DataFrame:
    sensitivity = model.tornado(model.baseline(), params, "core_va", 2030).head(rows)
    sensitivity = sensitivity.assign(label=sensitivity["parameter"])
    return pd.concat(
        [
            sensitivity.assign(end=sensitivity["low_value"], side=t("scenarios.tornado.low", "en")),
            sensitivity.assign(end=sensitivity["high_value"], side=t("scenarios.tornado.high", "en")),
        ]
    ).assign(rank=lambda frame: frame.index)[["label", "rank", "side", "end", "central_value"]]


def test_tornado_orders_bars_by_swing_and_grows_with_its_rows(params):
    two, three = tornado_bars(params, 2), tornado_bars(params, 3)
    short = scenario_charts.tornado_chart(two, title="T", axis_title="X", lang="en")
    tall = scenario_charts.tornado_chart(three, title="T", axis_title="X", lang="en")
    assert short["encoding"]["y"]["sort"] == {"field": "rank", "op": "min", "order": "ascending"}
    assert tall["height"] - short["height"] == charts.TORNADO_ROW_PX
    assert encoded_fields(short["encoding"]) <= set(short["datasets"]["tornado"].columns)
    assert short["encoding"]["color"]["scale"]["domain"] == [
        t("scenarios.tornado.low", "en"),
        t("scenarios.tornado.high", "en"),
    ]


def test_short_charts_fit_the_width_only_so_their_plot_keeps_its_height(params):
    spec = scenario_charts.tornado_chart(tornado_bars(params, 2), title="T", axis_title="X", lang="en")
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert spec["height"] == 2 * charts.TORNADO_ROW_PX


@pytest.mark.parametrize(
    ("title", "width"),
    [
        ("Core digital-economy value added: scenario vs baseline (p10–p90 band)", charts.TITLE_LINE),
        ("Sensitivity: each parameter's low / high effect on Core digital-economy value added (2030)", 40),
        ("数字经济核心产业增加值：情景与基准（P10–P90 区间）", charts.TITLE_LINE_CJK),
        ("敏感性：各参数低/高取值对 数字经济核心产业增加值（2030）的影响", charts.TITLE_LINE_CJK),
        ("入选工信部各类名单的深圳平台和企业入选工信部各类名单的深圳平台和企业", charts.TITLE_LINE_CJK),
    ],
)
def test_long_titles_wrap_into_lines_that_fit_a_phone_and_keep_every_character(title, width):
    lines = charts.title_lines(charts.chart_title(title))
    assert len(lines) >= 2
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")


def test_a_short_title_stays_on_one_line():
    assert charts.title_lines(charts.chart_title("深圳与同行城市：最新可比数值")) == ["深圳与同行城市：最新可比数值"]


def test_tornado_names_wrap_on_the_axis_but_stay_whole_in_the_tooltip(params):
    spec = scenario_charts.tornado_chart(tornado_bars(params, 3), title="T", axis_title="X", lang="en")
    data = spec["datasets"]["tornado"]
    assert spec["encoding"]["y"]["field"] == "axis_label"
    assert spec["encoding"]["tooltip"][0]["field"] == "label"
    for label, axis_label in zip(data["label"], data["axis_label"]):
        assert axis_label.replace("\n", " ") == label or axis_label.replace("\n", "") == label
        assert all(len(line) <= charts.TORNADO_LABEL_LINE for line in axis_label.split("\n"))


def test_the_waterfall_encodes_only_columns_of_its_steps():
    steps = pd.DataFrame(
        {
            "label": ["a", "b", "Total"],
            "order": [0, 1, 2],
            "start": [0.0, 5.0, 0.0],
            "end": [5.0, 3.0, 3.0],
            "kind": ["up", "down", "total"],
            "text": ["+5", "-2", "+3"],
            "right": [5.0, 5.0, 3.0],
        }
    )
    spec = scenario_charts.waterfall_chart(steps, title="Title", axis_title="X", lang="en")
    columns = set(spec["datasets"]["waterfall"].columns)
    for layer in spec["layer"]:
        assert encoded_fields({**spec["encoding"], **layer["encoding"]}) <= columns
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["up", "down", "total"]


def test_a_long_series_name_breaks_into_lines_in_the_legend_and_is_not_cut():
    """The walk saw 'Scenario B: City plan: 50…' in the fan chart's legend (Vega cut a label at 160 px)."""
    name = "Scenario B: City plan: 500,000 racks by 2025, with their power"
    spec = {
        "width": 300,
        "height": 100,
        "data": {"values": [{"x": 1, "y": 1, "s": name}, {"x": 2, "y": 2, "s": "Scenario"}]},
        "mark": "line",
        "encoding": {
            "x": {"field": "x", "type": "quantitative"},
            "y": {"field": "y", "type": "quantitative"},
            "color": {"field": "s", "type": "nominal", "legend": scenario_charts.FAN_LEGEND},
        },
    }
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    labels = [re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text) or [re.sub(r"<[^>]+>", "", text)]
              for text in re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)]  # fmt: skip
    assert ["Scenario B: City plan: 500,000", "racks by 2025, with their power"] in labels
    assert ["Scenario"] in labels and not any("…" in line for lines in labels for line in lines)
