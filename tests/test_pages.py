"""The shell, Overview and Figures pages, and the charts of every page, as a user sees them (AppTest)."""

import json

import pandas as pd
import pytest
from apptest import charts
from chart_checks import HEX_COLOUR, SAFE_COLOURS, chart_title, missing_fields
from loaded import frames as db_frames
from streamlit.testing.v1 import AppTest

from explorer import ROOT, db, ui
from explorer.i18n import LANGS, t
from explorer.views import figures as figure_views
from explorer.views.overview import overview

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


def test_overview_shows_what_the_view_returns():
    at = run(lang="en")
    view = overview(db_frames()["figures"], "en")
    assert at.title[0].value == t("overview.title", "en")
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown == {fig["metric_en"]: ui.figure_value(fig, "en") for _, fig in view.headline.iterrows()}
    tables = [frame.value for frame in at.dataframe]
    assert len(tables) == 2
    for chart, table in zip((view.funnel, view.sections), tables):
        pd.testing.assert_frame_equal(table.reset_index(drop=True), chart.table.reset_index(drop=True))
    assert {view.funnel.caption, view.kinds_caption} <= {caption.value for caption in at.caption}


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


# Each of the four keys narrows this selection (the view's tests prove what each filter keeps).
FILTERS = {"sections": ("section", ["1.2", "1.3"]), "kinds": ("kind", ["status"])}
FILTERS |= {"qualifiers": ("qual", ["exact", "approx"]), "text": ("q", "2022")}


def test_figures_filters_from_the_url():
    at = run(
        "figures",
        lang="en",
        **{key: value if isinstance(value, str) else ",".join(value) for key, value in FILTERS.values()},
    )
    assert at.multiselect(key="section").value == FILTERS["sections"][1]
    assert at.multiselect(key="kind").value == FILTERS["kinds"][1]
    assert at.multiselect(key="qual").value == FILTERS["qualifiers"][1]
    assert at.text_input(key="q").value == FILTERS["text"][1]
    figures = db_frames()["figures"]
    chosen = {name: value for name, (_, value) in FILTERS.items()}
    kept = figure_views.filtered(figures, **chosen)
    assert at.dataframe[0].value[t("col.id", "en")].tolist() == kept["id"].tolist()
    for name in FILTERS:
        assert len(figure_views.filtered(figures, **{**chosen, name: type(chosen[name])()})) > len(kept), name


def test_a_search_that_finds_nothing_says_so():
    at = run("figures", lang="en", section="2.2", kind="target", q="x")
    assert at.info[0].value == t("figures.none", "en")


def test_a_figure_in_the_url_is_shown_in_its_paragraph(figures):
    at = run("figures", lang="en", fig="target_new_dc_pue_2025")
    fig = figures.loc["target_new_dc_pue_2025"]
    assert ui.figure_value(fig, "en") in [metric.value for metric in at.metric]
    assert any("1.25" in element.proto.body for element in at.get("html"))
    data = db_frames()
    selected = figure_views.paragraph(data["figures"], data["sections"], "target_new_dc_pue_2025", "en")
    assert selected.html in [element.proto.body for element in at.get("html")]
    assert at.query_params["fig"] == "target_new_dc_pue_2025"


@pytest.mark.parametrize("params", [{"fig": "no_such_figure"}, {"section": "9.9"}, {"q": "x" * 500}])
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
