"""Charts in a real browser: a saved chart (SVG from its popover, PNG from Streamlit's toolbar) carries its title,
source line and data version; a chart's embed link opens that chart alone, without the navigation."""

import pytest
from chromium import CONTEXT
from download_checks import catalogue
from e2e_helpers import APP_READY, assert_clean, screenshot, wait_for_app

from explorer.data import gateway as db

CHART = "[data-testid='stVegaLiteChart']"


@pytest.fixture(scope="module")
def data_version() -> str:
    con = db.connect()
    try:
        return db.data_version(con)[:12]
    finally:
        con.close()


def first_title_line(tab) -> str:
    """Return the first line of the first chart's title as the page draws it."""
    text = tab.locator(f"{CHART} .role-title-text text").first  # a title of one line has no <tspan>
    return text.evaluate("t => (t.querySelector('tspan') || t).textContent")


def open_popover(tab, lang: str) -> None:
    """Open the first chart's "Save or embed" popover."""
    tab.get_by_role("button", name=catalogue(lang)["embed.label"]).first.click()
    tab.locator("[data-testid='stPopoverBody']").first.wait_for(timeout=10_000)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_chart_saved_as_svg_carries_its_title_source_line_and_data_version(app_url, tab, lang, data_version):
    tab.goto(f"{app_url}/?lang={lang}")
    wait_for_app(tab)
    tab.wait_for_selector(f"{CHART} svg text", timeout=60_000)
    title = first_title_line(tab)
    open_popover(tab, lang)
    with tab.expect_download(timeout=60_000) as download:
        tab.locator("[data-testid='stPopoverBody'] [data-testid='stDownloadButton'] button").first.click()
    name = download.value.suggested_filename
    assert name.startswith("shenzhen-overview-") and name.endswith(f"-{lang}.svg")
    svg = download.value.path().read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    assert title and title in svg
    assert data_version in svg
    assert catalogue(lang)["chart.source.paper"] in svg


def test_streamlits_toolbar_saves_the_chart_as_drawn_as_a_png(app_url, tab, data_version):
    """The toolbar's "Download as PNG" saves the Vega view as drawn (view.toImageURL), whose scene holds the credits:
    the same view's SVG (view.toSVG, read through the page's Vega view) carries them."""
    tab.goto(f"{app_url}/?lang=en")
    wait_for_app(tab)
    tab.wait_for_selector(f"{CHART} svg text", timeout=60_000)
    chart = tab.locator(CHART).first
    chart.hover()
    with tab.expect_download(timeout=60_000) as download:
        tab.get_by_role("button", name="Download as PNG").first.click()
    assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    drawn = chart.locator("svg").first.evaluate("svg => svg.outerHTML")  # the scene the PNG is rasterised from
    assert data_version in drawn and catalogue("en")["chart.source.paper"] in drawn


def embed_link(tab, lang: str) -> str:
    """Open the first chart's "Save or embed" popover and return its embed link."""
    open_popover(tab, lang)
    code = tab.locator("[data-testid='stPopoverBody'] [data-testid='stCode'] code").first
    return code.inner_text().strip()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [1440, 390])
def test_a_charts_embed_link_opens_that_chart_alone_without_the_navigation(app_url, chromium, lang, width):
    context = chromium.new_context(**CONTEXT, viewport={"width": width, "height": 900}, is_mobile=width < 500)
    tab = context.new_page()
    try:
        tab.goto(f"{app_url}/scenarios?lang={lang}&xc_share=100", timeout=120_000)
        wait_for_app(tab)
        tab.wait_for_selector(f"{CHART} svg text", timeout=60_000)
        link = embed_link(tab, lang)
        assert "embed=true" in link and "chart=" in link and f"lang={lang}" in link and "xc_share=100" in link
        tab.goto(link)
        tab.wait_for_selector(APP_READY, timeout=60_000)
        tab.wait_for_selector(f".st-key-embed {CHART} svg text", timeout=60_000)
        tab.wait_for_timeout(500)
        assert_clean(tab)
        assert tab.locator(CHART).count() == 1 and tab.locator(CHART).first.is_visible()
        assert not tab.locator("[data-testid='stSidebar']").is_visible()
        assert not tab.locator("[data-testid='stSidebarCollapsedControl']").is_visible()
        assert (
            tab.locator("[data-testid='stRadio']:visible").count() == 0
        )  # no language switch (nor the page's widgets)
        assert not tab.locator("h1").first.is_visible()  # the page's body is hidden; its chart shows
        assert catalogue(lang)["embed.open"] in tab.locator(".st-key-embed").inner_text()
        screenshot(tab, f"embed-scenarios-{lang}-{width}px")
    finally:
        context.close()


def test_streamlits_embed_view_of_a_whole_page_has_no_sidebar(app_url, tab):
    """Under a plain `?embed=true` (Streamlit's embed view) the navigation, language switch and share link are hidden:
    the embedded link fixes the page, the language and the view."""
    tab.goto(f"{app_url}/overview?lang=en&embed=true")
    wait_for_app(tab)
    assert tab.locator("h1").first.is_visible()
    # The embed CSS may apply a moment after the script finishes (CI once saw the sidebar at the first look): wait for
    # it to be hidden, failing after 10 s if it never is.
    tab.locator("[data-testid='stSidebar']").wait_for(state="hidden", timeout=10_000)
    tab.locator("[data-testid='stSidebarCollapsedControl']").wait_for(state="hidden", timeout=10_000)
