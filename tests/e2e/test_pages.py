"""Every page in a real browser, in both languages: it renders, shows no exception and no dialog."""
import pytest
from conftest import screenshot, wait_for_app

PAGES = ("overview", "figures")
LANGS = ("zh", "en")


def _assert_clean(tab) -> None:
    assert tab.locator("[data-testid='stException']").count() == 0
    assert tab.get_by_role("dialog").count() == 0, "a dialog (e.g. 'Page not found') opened over the page"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_page_renders_by_direct_link(app_url, tab, name, lang):
    tab.goto(f"{app_url}/{name}?lang={lang}")
    wait_for_app(tab)
    _assert_clean(tab)
    title = tab.locator("h1").first.inner_text()
    assert title.strip()
    assert ("深圳" in title) == (lang == "zh")
    screenshot(tab, f"{name}-{lang}")


def test_overview_cards_open_their_source_sentence(app_url, tab):
    tab.goto(f"{app_url}/overview?lang=en")
    wait_for_app(tab)
    tab.get_by_role("button", name="Source").first.click()
    popover = tab.locator("[data-testid='stPopoverBody']")
    popover.wait_for()
    assert "数字经济核心产业增加值近万亿元" in popover.inner_text().replace(" ", "")
    popover.get_by_role("link", name="Open in Figures").click()
    tab.wait_for_url("**/figures?**fig=core_va_2022**")
    wait_for_app(tab)
    _assert_clean(tab)
    assert "lang=en" in tab.url
    assert tab.locator("mark").first.inner_text().replace(" ", "").startswith("2022年")


def test_figures_filters_live_in_the_url(app_url, tab):
    tab.goto(f"{app_url}/figures?lang=zh&kind=target&q=2025")
    wait_for_app(tab)
    _assert_clean(tab)
    count = tab.get_by_text("个数字").first.inner_text()
    assert "共" in count and "/ 55" not in count.replace("共 55", "")


def test_bad_url_values_get_a_notice_not_a_traceback(app_url, tab):
    tab.goto(f"{app_url}/figures?lang=xx&kind=wish&fig=%3Cscript%3Ealert(1)%3C/script%3E")
    wait_for_app(tab)
    _assert_clean(tab)
    alerts = tab.locator("[data-testid='stAlert']").all_inner_texts()
    assert any("xx" in text for text in alerts)
    assert any("wish" in text for text in alerts)
    assert any("<script>" in text for text in alerts)
    assert tab.locator("script:has-text('alert(1)')").count() == 0
