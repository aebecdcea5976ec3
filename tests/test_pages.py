"""The shell (language, notices, footer), figures' shown values and the charts of every page, as a user sees them."""

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
