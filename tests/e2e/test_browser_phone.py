"""On a phone (390 px) the language switch and the share link are on the page itself, and a language switch leaves
the sidebar's drawer closed (issue 23: the switch sat in the drawer, which stayed open over the page after it and
took the taps meant for the page; the share link sat in the drawer too). Methods reads as headings and leads.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from chromium import CONTEXT
from e2e_helpers import assert_clean, screenshot, wait_for_app

from explorer.core.i18n import LANG_LABELS, LANGS, t
from explorer.model import equations
from explorer.shell.pages import STEMS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
FIRST_SCREEN_PX = PHONE["viewport"]["height"]
DRAWER = "[data-testid=stSidebar]"
MAIN = "[data-testid=stMain]"
# Settings a switch must keep, none of them a default: a lever, the outcome and the results tab.
SCENARIO = "xc_share=60&out=gdp&view=why"


def open_on_phone(chromium, url: str):
    context = chromium.new_context(**CONTEXT, **PHONE, locale="zh-CN")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    tab.goto(url)
    wait_for_app(tab)
    assert_clean(tab)
    return tab


def switch_language(tab, label: str) -> None:
    """Switch as a reader does: tap the language shown in the bar at the top of the page."""
    tab.locator(MAIN).get_by_text(label, exact=True).click()


def test_a_language_switch_on_a_phone_leaves_the_drawer_closed_and_keeps_every_setting(app_url, chromium):
    tab = open_on_phone(chromium, f"{app_url}/scenarios?lang=zh&{SCENARIO}")
    try:
        before = parse_qs(urlsplit(tab.url).query)
        switch_language(tab, LANG_LABELS["en"])
        tab.wait_for_url("**lang=en**")
        tab.locator(f"{MAIN} h1").get_by_text(t("scenarios.title", "en")).wait_for()
        wait_for_app(tab)
        screenshot(tab, "phone-scenarios-after-switch-en-390px")
        assert parse_qs(urlsplit(tab.url).query) == {**before, "lang": ["en"]}, "the switch must keep every setting"
        assert tab.locator(DRAWER).get_attribute("data-collapsed") == "true", "the drawer stayed open over the page"
        # A tap on the page reaches its control (Playwright refuses a click another element would take): the preset
        # box opens its list.
        tab.locator(f"{MAIN} [data-testid=stSelectbox]").first.click(timeout=5_000)
        tab.get_by_role("listbox").wait_for(timeout=5_000)
    finally:
        tab.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_moves_between_pages_from_a_menu_that_closes_behind_it(app_url, chromium, lang):
    # The walk (issue 23): a tap on a page link in the drawer left the drawer open over the new page.
    tab = open_on_phone(chromium, f"{app_url}/overview?lang={lang}")
    try:
        assert not tab.locator("[data-testid=stExpandSidebarButton]").is_visible(), "a phone still offers the drawer"
        menu = tab.locator(MAIN).get_by_role("button", name=t("nav.menu", lang))
        assert menu.bounding_box()["y"] < FIRST_SCREEN_PX
        menu.click()
        links = tab.locator("[data-testid=stPopoverBody]").get_by_role("link")
        assert [link.inner_text().splitlines()[-1] for link in links.all()] == [
            t(f"nav.{stem}", lang) for stem in STEMS
        ]
        links.filter(has_text=t("nav.benchmarks", lang)).click()
        tab.wait_for_url("**/benchmarks?**")
        tab.locator(f"{MAIN} h1").get_by_text(t("benchmarks.title", lang)).wait_for()
        wait_for_app(tab)
        assert parse_qs(urlsplit(tab.url).query)["lang"] == [lang]
        assert not tab.locator("[data-testid=stPopoverBody]").is_visible(), "the menu stayed open over the new page"
        screenshot(tab, f"phone-menu-after-tap-{lang}-390px")
        # Nothing lies over the new page: its title is what a tap on it reaches.
        title = tab.locator(f"{MAIN} h1").first
        assert title.evaluate(
            "h => { const r = h.getBoundingClientRect(); const e = "
            "document.elementFromPoint(r.x + 20, r.y + r.height / 2); return h.contains(e); }"
        )
    finally:
        tab.context.close()


def test_every_page_offers_its_share_link_on_a_phones_first_screen(app_url, chromium):
    tab = open_on_phone(chromium, f"{app_url}/overview?lang=zh")
    try:
        for name in STEMS:
            tab.goto(f"{app_url}/{name}?lang=zh")
            wait_for_app(tab)
            button = tab.locator(MAIN).get_by_role("button", name=t("share.short", "zh"))
            assert button.is_visible(), f"{name}: no share link on the page"
            assert button.bounding_box()["y"] < FIRST_SCREEN_PX, f"{name}: the share link is below the first screen"
            button.click()
            link = tab.locator("[data-testid=stPopoverBody] [data-testid=stCode] code").inner_text().strip()
            assert link.startswith(f"{app_url}/{name}?") and "lang=zh" in link, (name, link)
    finally:
        tab.context.close()


# Methods at 390 px with every section unfolded was 23,338 px tall in Chinese and 27,612 px in English.
METHODS_MAX_PX = 8_000
METHODS_SECTIONS = ("baseline", "why", "peers", "rolling", "hindcast", "limits", "params")


@pytest.mark.parametrize("lang", LANGS)
def test_methods_on_a_phone_is_headings_and_leads_with_each_sections_rest_one_tap_away(app_url, chromium, lang):
    tab = open_on_phone(chromium, f"{app_url}/methods?lang={lang}")
    try:
        height = tab.evaluate(f"document.querySelector('{MAIN}').scrollHeight")
        screenshot(tab, f"phone-methods-{lang}-390px")
        assert height < METHODS_MAX_PX, f"Methods is {height} px tall on a phone"
        headings = tab.locator(f"{MAIN} h3").all_inner_texts()
        titles = [t(f"methods.channel.{code}.title", lang) for code in equations.CHANNELS]
        titles += [t(f"methods.{key}.title", lang) for key in METHODS_SECTIONS]
        assert [title for title in titles if title not in headings] == []
        channel = tab.locator(f"{MAIN} [data-testid=stExpander]").nth(list(equations.CHANNELS).index("dc"))
        assert not channel.locator(".katex").first.is_visible(), "the equations are not folded"
        channel.locator("summary").click()
        channel.locator(".katex").first.wait_for(state="visible", timeout=10_000)
    finally:
        tab.context.close()
