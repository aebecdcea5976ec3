"""The shell, Overview and Figures pages, and the charts of every page, as a user sees them (AppTest)."""

import json

import pandas as pd
import pytest
from apptest import charts
from chart_checks import HEX_COLOUR, SAFE_COLOURS, chart_title, missing_fields
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
    count = t("figures.count", "en", shown=len(expected), total=len(figures))
    assert count in [caption.value for caption in at.caption]
    assert t("figures.count", "zh", shown=len(expected), total=len(figures)) in before


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
