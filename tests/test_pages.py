"""The shell, Overview and Figures pages, and the charts of every page, as a user sees them (AppTest)."""

import json
import re
from urllib.parse import parse_qs

import pandas as pd
import pytest
from apptest import charts
from streamlit.testing.v1 import AppTest

from explorer import ROOT, db, ui
from explorer.i18n import LANGS, t

TIMEOUT_S = 60


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    con = db.connect()
    try:
        return db.figures(con).set_index("id", drop=False)
    finally:
        con.close()


def run(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_overview_cards_show_the_papers_values(lang, figures):
    at = run(lang=lang)
    assert at.title[0].value == t("overview.title", lang)
    shown = {metric.label: metric.value for metric in at.metric}
    for fig_id in ("core_va_2022", "core_va_share_2022", "city_rank_2022", "software_revenue_2022"):
        fig = figures.loc[fig_id]
        assert shown[fig[f"metric_{lang}"]] == ui.figure_value(fig, lang)


def test_qualifiers_are_shown_not_dropped(figures):
    assert ui.figure_value(figures.loc["core_va_2022"], "zh").startswith("≈")
    assert ui.figure_value(figures.loc["core_va_share_2022"], "en").startswith(">")
    assert ui.figure_value(figures.loc["target_xc_procurement_share"], "en").startswith("≥")
    assert ui.figure_value(figures.loc["os_localisation_rate"], "en").startswith("<")


# How the paper prints a figure and how English writes it: 万 written out, 亿 as bn, 万亿 as tn.
PRINTED = [
    ("sme_cloud_13th_fyp", "zh", "11 万家"),
    ("sme_cloud_13th_fyp", "en", "110,000 firms"),
    ("software_revenue_2022", "zh", "9,983 亿元"),
    ("software_revenue_2022", "en", "998.3 bn yuan"),
    ("data_exchange_cum_volume_2023", "en", "> 5 bn yuan"),
    ("ei_mfg_output_2022", "zh", "2.48 万亿元"),
    ("ei_mfg_output_2022", "en", "2.48 tn yuan"),
    ("target_smart_poles_2025", "en", "45,000 poles"),
    ("target_dc_racks_2025", "zh", "> 2.1 万个"),
    ("target_dc_racks_2025", "en", "> 21,000 units"),
    ("target_cross_industry_iiot_platforms", "zh", "3–5 家"),
    ("target_5g_per_10k", "zh", "30 个/万人"),
    ("target_5g_per_10k", "en", "30 per 10,000 people"),
    ("algorithm_engineer_vacancies", "zh", "51 名"),
    ("city_rank_2022", "zh", "第 3"),
    ("city_rank_2022", "en", "No. 3"),
]


@pytest.mark.parametrize(("fig_id", "lang", "expected"), PRINTED)
def test_a_figure_is_shown_in_its_printed_unit(figures, fig_id, lang, expected):
    assert ui.figure_value(figures.loc[fig_id], lang) == expected


def test_english_magnitudes_are_rescaled(figures):
    stations = figures.loc["g5_base_stations_total"]
    assert stations["unit_zh"] == "万个"
    assert ui.figure_value(stations, "en") == f"{stations['value'] * 1e4:,.0f} units"
    software = figures.loc["software_revenue_2022"]
    assert ui.figure_value(software, "en") == f"{ui.format_number(software['value'] / 10)} bn yuan"


def test_default_language_without_a_browser_locale_is_chinese():
    at = run()
    assert at.title[0].value == t("overview.title", "zh")


def test_bad_language_gets_a_notice_and_chinese():
    at = run(lang="<b>fr</b>")
    assert at.title[0].value == t("overview.title", "zh")
    assert any("<b>fr</b>" in warning.value for warning in at.warning)


def test_footer_carries_citation_and_data_version():
    at = run(lang="en")
    captions = " ".join(caption.value for caption in at.caption)
    con = db.connect()
    version = db.data_version(con)
    con.close()
    assert "Yan Hongmei" in captions
    assert version[:12] in captions


def test_switching_language_keeps_the_filters(figures):
    at = run("figures", lang="zh", kind="target", q="2025")
    before = [caption.value for caption in at.caption]
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.multiselect(key="kind").value == ["target"]
    assert at.text_input(key="q").value == "2025"
    expected = figures[(figures["kind"] == "target") & figures["quote_zh"].str.contains("2025")]
    count = t("figures.count", "en", count=len(figures), shown=len(expected), total=len(figures))
    assert count in [caption.value for caption in at.caption]
    assert t("figures.count", "zh", count=len(figures), shown=len(expected), total=len(figures)) in before


def test_the_language_survives_moving_to_another_page():
    at = run("bottlenecks", lang="en")
    at.switch_page("pages/recommendations.py").run()
    assert at.title[0].value == t("recommendations.title", "en")
    at.radio(key="lang").set_value("zh").run()
    at.switch_page("pages/figures.py").run()
    assert at.title[0].value == t("figures.title", "zh")


def test_every_page_draws_the_shell_with_a_link_to_every_page():
    for page in PAGES:
        at = run(page, lang="en")
        links = {link.proto.page: parse_qs(link.proto.query_string) for link in at.sidebar.get("page_link")}
        assert links == {stem: {"lang": ["en"]} for stem in PAGES}, page
        assert at.radio(key="lang").value == "en"
        assert "Yan Hongmei" in " ".join(caption.value for caption in at.main.get("caption")), page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"section": "2.2"}, lambda f: f["section"] == "2.2"),
        ({"kind": "rank"}, lambda f: f["kind"] == "rank"),
        ({"qual": "approx,range"}, lambda f: f["qualifier"].isin(["approx", "range"])),
        ({"q": "rack"}, lambda f: f["metric_en"].str.lower().str.contains("rack") | f["note_en"].str.contains("rack")),
    ],
)
def test_figures_filters_from_the_url(params, expected, figures):
    at = run("figures", lang="en", **params)
    shown = at.dataframe[0].value
    assert set(shown[t("col.id", "en")]) == set(figures[expected(figures)]["id"])


def test_a_figure_in_the_url_is_shown_in_its_paragraph(figures):
    at = run("figures", lang="en", fig="target_new_dc_pue_2025")
    fig = figures.loc["target_new_dc_pue_2025"]
    assert ui.figure_value(fig, "en") in [metric.value for metric in at.metric]
    assert any("1.25" in element.proto.body for element in at.get("html"))


@pytest.mark.parametrize("params", [{"kind": "wish"}, {"fig": "no_such_figure"}, {"section": "9.9"}, {"q": "x" * 500}])
def test_bad_filter_values_get_a_notice(params):
    at = run("figures", lang="en", **params)
    assert at.warning, "a rejected URL value must be announced"
    key, value = next(iter(params.items()))
    assert any(key in warning.value for warning in at.warning)


# Charts each page draws on its default link (Benchmarks: GDP has one definition group, plus the peers chart).
CHARTS_PER_PAGE = {"overview": 2, "bottlenecks": 4, "recommendations": 1, "benchmarks": 2, "scenarios": 2}
PAGES = sorted(path.stem for path in (ROOT / "pages").glob("*.py"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_has_a_title_and_a_table_view(page, lang):
    found = charts(run(page, lang=lang))
    assert len(found) == CHARTS_PER_PAGE.get(page, 0)
    for spec, tables in found:
        assert chart_title(spec), spec
        assert len(tables) == 1 and len(tables[0].value) > 0
        assert missing_fields(spec, spec["dataset_columns"]) == []
        assert set(HEX_COLOUR.findall(json.dumps(spec))) <= SAFE_COLOURS


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
