"""Direct links as the very first request of a freshly started server: the whole shell, the right page, no dialog."""

import pytest
from e2e_helpers import assert_clean, rerun, wait_for_app

from explorer.core.i18n import t
from explorer.shell.notices import MAX_URL_PARAMS
from explorer.shell.pages import DEFAULT_PAGE, STEMS

PAGES = list(STEMS)
# (URL path, query, page expected, a page setting that must survive); "" is the app's root.
CASES = [
    ("", "lang=zh", DEFAULT_PAGE, None),
    (DEFAULT_PAGE, "lang=en", DEFAULT_PAGE, None),
    ("figures", "lang=zh&kind=target", "figures", "kind=target"),
    ("scenarios", "lang=en&xc_share=55", "scenarios", "xc_share=55"),
    *[
        (stem, f"lang={('zh', 'en')[i % 2]}", stem, None)
        for i, stem in enumerate(PAGES)
        if stem not in ("overview", "figures", "scenarios")
    ],
]


def assert_shell(tab, lang: str) -> None:
    """Fail unless the language switch, a link to every page (carrying the language) and the footer are shown."""
    sidebar = tab.locator("[data-testid='stSidebar']")
    assert sidebar.get_by_role("radiogroup", name=t("app.language", lang)).is_visible()
    for stem in PAGES:
        link = sidebar.get_by_role("link", name=t(f"nav.{stem}", lang), exact=True)
        href = link.get_attribute("href")
        assert href.split("?")[0].rsplit("/", 1)[-1] == stem and f"lang={lang}" in href, href
    # In the sidebar; Scenarios draws it by its levers (a fragment rerun cannot update the sidebar).
    assert tab.get_by_text(t("share.label", lang)).is_visible()
    footer = tab.locator(".st-key-footer").inner_text()
    assert ("Yan Hongmei" if lang == "en" else "严红梅") in footer


@pytest.mark.parametrize(("path", "query", "page", "setting"), CASES, ids=[case[0] or "root" for case in CASES])
def test_a_direct_link_is_whole_on_the_first_request(fresh_app_url, tab, path, query, page, setting):
    lang = query.split("&")[0].removeprefix("lang=")
    tab.goto(f"{fresh_app_url}/{path}?{query}")
    wait_for_app(tab)
    assert_clean(tab)
    assert tab.locator("h1").first.inner_text() == t(f"{page}.title", lang)
    assert tab.url.split("?")[0] == f"{fresh_app_url}/{page}"
    assert f"lang={lang}" in tab.url and (setting is None or setting in tab.url)
    assert_shell(tab, lang)


def test_in_app_links_and_the_language_switch_work_from_a_first_request(fresh_app_url, tab):
    sidebar = tab.locator("[data-testid='stSidebar']")
    tab.goto(f"{fresh_app_url}/benchmarks?lang=en")
    wait_for_app(tab)
    sidebar.get_by_role("link", name=t("nav.targets", "en")).click()
    tab.wait_for_url("**/targets?lang=en**")
    tab.get_by_role("heading", name=t("targets.title", "en")).wait_for()
    sidebar.get_by_text("中文", exact=True).click()
    tab.wait_for_url("**/targets?**lang=zh**")
    tab.get_by_role("heading", name=t("targets.title", "zh")).wait_for()
    with rerun(tab):
        sidebar.get_by_role("link", name=t("nav.methods", "zh")).click()
        tab.wait_for_url("**/methods?lang=zh**")
    assert_clean(tab)
    assert tab.locator("h1").first.inner_text() == t("methods.title", "zh")
    assert_shell(tab, "zh")


def test_a_link_with_too_many_parameters_says_so(fresh_app_url, tab):
    params = "&".join(f"p{i}=1" for i in range(MAX_URL_PARAMS))
    tab.goto(f"{fresh_app_url}/figures?lang=en&{params}")
    wait_for_app(tab)
    assert_clean(tab)
    assert "lang=zh" in tab.url, "Streamlit dropped the whole query: the language is the browser's (zh-CN)"
    notice = tab.get_by_text(t("notice.link_too_long", "zh", count=MAX_URL_PARAMS, limit=f"{MAX_URL_PARAMS:,}"))
    assert notice.is_visible()
    tab.goto(f"{fresh_app_url}/figures?lang=en&{params.rsplit('&', 2)[0]}")
    wait_for_app(tab)
    assert "lang=en" in tab.url
    assert (
        tab.get_by_text(t("notice.link_too_long", "en", count=MAX_URL_PARAMS, limit=f"{MAX_URL_PARAMS:,}")).count() == 0
    )
    assert not notice.is_visible(), "a link Streamlit reads whole gets no notice"
