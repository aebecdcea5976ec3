"""Benchmarks in the browser: at 390 px the page does not scroll sideways and every peer panel fits its place.

Vega clips a legend that is wider than the view inside the canvas, which this test cannot see: the legends'
fit (one city a line) was checked in the screenshots under artifacts/.
"""

import pytest
from e2e_helpers import assert_clean, screenshot

from explorer.core import vocab
from explorer.core.i18n import LANGS


@pytest.mark.parametrize("lang", LANGS)
def test_the_peer_panels_fit_a_phone(loaded, lang):
    phone = loaded.get("benchmarks", lang, 390)  # shared with the other checks that only read the page
    assert_clean(phone)
    charts = phone.locator("[data-testid='stVegaLiteChart']")
    charts.first.wait_for()
    count = charts.count()
    panels = [charts.nth(index) for index in range(count - len(vocab.DIGITAL_PEER_GROUPS), count)]  # the last ones
    for panel in panels:
        panel.scroll_into_view_if_needed()
        panel.locator("canvas, svg").first.wait_for()
    for panel in panels:
        frame, drawn = panel.bounding_box(), panel.locator("canvas, svg").first.bounding_box()
        assert drawn["width"] > 200 and drawn["x"] >= frame["x"] - 1
        assert drawn["x"] + drawn["width"] <= frame["x"] + frame["width"] + 1, "a panel is wider than its place"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 392
    screenshot(phone, f"benchmarks-peers-{lang}-390px")
