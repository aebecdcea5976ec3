"""Unknown paths in a real browser: the app's own "no such page" view in the page's language, links to every
page, no blank page and no Streamlit "Page not found" dialog; and the Figures table on a phone."""

import pytest
from chromium import CONTEXT
from e2e_helpers import assert_clean, rerun, screenshot, wait_for_app

from explorer.core.i18n import t
from explorer.shell.pages import SECTIONS

VIEWPORTS = {"1440": {"width": 1440, "height": 1000}, "390": {"width": 390, "height": 844}}


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/data/x/y/z", "zh"), ("/pages/data.py", "zh"), ("/nonexistent?lang=en", "en"), ("/data/x/y/z?lang=en", "en")],
)
def test_an_unknown_path_shows_the_no_such_page_view_with_every_page(app_url, tab, path, lang):
    tab.goto(app_url + path)
    wait_for_app(tab)
    assert_clean(tab)
    main = tab.locator("[data-testid='stMain']")
    assert main.locator("h1").first.inner_text() == t("missing.title", lang)
    asked = path.split("?")[0]
    assert main.get_by_text(asked, exact=True).count() == 1  # the path it asked for, in its code span
    assert "Page not found" not in main.inner_text() and tab.get_by_text("Page not found").count() == 0
    for stems in SECTIONS.values():
        for stem in stems:
            link = main.get_by_role("link", name=t(f"nav.{stem}", lang), exact=True)
            assert link.count() == 1, stem
            assert link.get_attribute("href").split("?")[0].rstrip("/").endswith(stem), stem


def test_a_link_of_the_view_opens_its_page_in_the_same_language(app_url, tab):
    tab.goto(f"{app_url}/data/x/y/z?lang=en")
    wait_for_app(tab)
    with rerun(tab):
        tab.locator("[data-testid='stMain']").get_by_role("link", name=t("nav.figures", "en"), exact=True).click()
    assert "/figures" in tab.url and "lang=en" in tab.url
    assert tab.locator("[data-testid='stMain'] h1").first.inner_text() == t("figures.title", "en")
    assert_clean(tab)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_the_figures_table_shows_metric_and_value_first(loaded, lang):
    tab = loaded.get("figures", lang, 390)  # shared with the other checks that only read the page
    # The grid puts only the columns in view into its accessible header row.
    header = tab.locator("[data-testid='stDataFrame'] [role='columnheader']")
    header.first.wait_for(state="attached")
    headers = header.all_inner_texts()
    assert set(headers[:2]) == {t("col.metric", lang), t("col.value", lang)}, headers  # value pinned, then metric
    assert_clean(tab)


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_of_figures_and_the_no_such_page_view(app_url, chromium, lang, width):
    context = chromium.new_context(**CONTEXT, viewport=VIEWPORTS[width], locale="zh-CN")
    try:
        tab = context.new_page()
        pages = (
            ("figures", f"/figures?lang={lang}&q=5G&fig=g5_base_stations_total"),
            ("no-such-page", f"/x/y?lang={lang}"),
        )
        for name, path in pages:
            tab.goto(app_url + path)
            wait_for_app(tab)
            tab.wait_for_function("!document.querySelector(\"[data-testid='stSkeleton']\")", timeout=30_000)
            assert_clean(tab)
            screenshot(tab, f"{name}-{lang}-{width}")
    finally:
        context.close()
