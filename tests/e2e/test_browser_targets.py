"""The Targets tracker in a browser: no number is cut off, verdicts show, a derived status opens its inputs."""

import pytest
from e2e_helpers import assert_clean, screenshot, wait_for_app

# The text boxes Streamlit shortens with an ellipsis when their text does not fit: a metric's value and label.
CUT_OFF = """() => [...document.querySelectorAll(
    "[data-testid='stMetricValue'] [data-testid='stMarkdownContainer'], "
    + "[data-testid='stMetricLabel'] [data-testid='stMarkdownContainer']")]
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => e.textContent)"""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [1440, 390])
def test_no_target_or_status_number_is_cut_off(loaded, lang, width):
    page = loaded.get("targets", lang, width)  # shared with the other checks that only read the page
    assert_clean(page)
    assert page.locator("[data-testid='stMetricValue']").count() >= 18 + 3  # every target, every status
    assert page.evaluate(CUT_OFF) == []
    screenshot(page, f"targets-{lang}-{width}px")


def test_the_5g_card_shows_its_verdict_and_its_derived_status_opens_its_inputs(app_url, tab):
    tab.goto(f"{app_url}/targets?lang=en&section=3.6")
    wait_for_app(tab)
    assert_clean(tab)
    card = tab.locator(".st-key-target_target_5g_per_10k")
    assert "on track" in card.inner_text()
    card.get_by_role("button", name="Source").click()
    popover = tab.locator("[data-testid='stPopoverBody']")
    popover.wait_for()
    text = popover.inner_text()
    assert "derived by the app from sourced city rows" in text
    assert "Computed from" in text and "> 64,000" in text and "17,661,800" in text
    hrefs = [link.get_attribute("href") or "" for link in popover.get_by_role("link").all()]
    assert any("rcrwireless.com" in href for href in hrefs) and any("thepaper.cn" in href for href in hrefs)
