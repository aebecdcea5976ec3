"""Scenarios in a real browser: a link reproduces levers and numbers; a slider move updates the URL."""

import json
import re
from urllib.parse import parse_qs, urlparse

import download_checks
import pytest
from chromium import CONTEXT
from e2e_helpers import assert_clean, rerun, screenshot, wait_for_app

from explorer import model
from explorer.core.i18n import t
from explorer.features.scenarios.cards import COST_OUTCOMES, KPI_OUTCOMES

LINK = "scenarios?lang=en&dc_racks=30000&xc_share=60&talent_subsidy=50000&horizon=2032"


def _slider_values(tab) -> dict[str, str]:
    tab.wait_for_function("document.querySelectorAll(\"[data-testid='stSlider'] input[type=range]\").length >= 7")
    values = {}
    for slider in tab.locator("[data-testid='stSlider']").all():
        label = slider.locator("[data-testid='stWidgetLabel']").inner_text().strip()
        values[label] = slider.locator("input[type=range]").input_value()
    return values


def _numbers(tab) -> list[str]:
    # The browser mounts the metrics a moment after the script has finished.
    cards = len(KPI_OUTCOMES) + len(COST_OUTCOMES) + 1  # the headline's, the costs' and the racks card: all of them
    tab.wait_for_function(f"document.querySelectorAll('.sz-value').length >= {cards}")
    return tab.locator(".sz-value").all_inner_texts()


def test_a_link_sets_the_levers_and_a_fresh_browser_sees_the_same_numbers(app_url, tab, chromium):
    tab.goto(f"{app_url}/{LINK}")
    wait_for_app(tab)
    assert_clean(tab)
    sliders = _slider_values(tab)
    assert sliders["New standard racks (2.5 kW) approved per year"] == "30000"
    assert sliders["Xinchuang share of public-sector IT procurement (%)"] == "60"
    assert sliders["Last projected year"] == "2032"
    query = parse_qs(urlparse(tab.url).query)
    assert query["dc_racks"] == ["30000"] and query["v"][0]
    numbers = _numbers(tab)
    assert len(numbers) >= 7

    fresh = chromium.new_context(**CONTEXT).new_page()
    try:
        fresh.goto(tab.url)
        wait_for_app(fresh)
        assert _numbers(fresh) == numbers
        assert _slider_values(fresh) == sliders
    finally:
        fresh.context.close()


def test_moving_a_slider_updates_the_url_and_the_numbers(app_url, tab):
    tab.goto(f"{app_url}/{LINK}")
    wait_for_app(tab)
    before = _numbers(tab)
    thumb = tab.locator("[data-testid='stSlider']").filter(has_text="New standard racks").get_by_role("slider")
    thumb.focus()
    with rerun(tab):
        thumb.press("ArrowRight")
        tab.wait_for_url("**dc_racks=31000**")
    assert_clean(tab)
    assert _numbers(tab) != before


def test_the_preset_box_is_marked_modified_once_a_lever_moves_and_unmarked_when_it_returns(app_url, tab):
    """The third walk: the box kept "The paper's current policy (baseline)" for a custom scenario. Streamlit keeps
    the label a keyed selectbox showed, so AppTest alone cannot see this."""
    tab.goto(f"{app_url}/scenarios?lang=en")
    wait_for_app(tab)
    box = tab.locator(".st-key-preset").get_by_role("combobox")
    paper = t("preset.paper", "en")
    assert box.input_value() == paper
    thumb = tab.locator("[data-testid='stSlider']").filter(has_text="New standard racks").get_by_role("slider")
    thumb.focus()
    with rerun(tab):
        thumb.press("ArrowRight")
        tab.wait_for_url("**dc_racks=8000**")
    assert box.input_value() == t("scenarios.preset.modified_option", "en", name=paper)
    with rerun(tab):
        thumb.press("ArrowLeft")
        tab.wait_for_url("**dc_racks=7000**")
    assert box.input_value() == paper


def test_switching_language_keeps_every_lever(app_url, tab):
    tab.goto(f"{app_url}/{LINK}")
    wait_for_app(tab)
    with rerun(tab):
        tab.locator("[data-testid=stSidebar]").get_by_text("中文", exact=True).click()  # the desktop's switch
        tab.wait_for_url("**lang=zh**")
    query = parse_qs(urlparse(tab.url).query)
    assert query["dc_racks"] == ["30000"] and query["xc_share"] == ["60"] and query["horizon"] == ["2032"]
    assert tab.locator("h1").first.inner_text().startswith("政策情景")


def test_out_of_range_and_garbage_levers_are_clamped_with_a_notice(app_url, tab):
    tab.goto(f"{app_url}/scenarios?lang=en&dc_racks=99999999&dc_pue=abc&xc_share=-5")
    wait_for_app(tab)
    assert_clean(tab)
    alerts = " ".join(tab.locator("[data-testid='stAlert']").all_inner_texts())
    # Each bad value is named with its lever's label, not its URL code.
    assert all(value in alerts for value in ("99999999", "abc", "-5"))
    assert not any(code in alerts for code in ("dc_racks", "dc_pue", "xc_share"))
    query = parse_qs(urlparse(tab.url).query)
    assert query["dc_racks"] == ["120000"] and query["xc_share"] == ["0"] and query["dc_pue"] == ["1.25"]


def test_an_old_data_version_in_the_link_gets_a_notice(app_url, tab):
    tab.goto(f"{app_url}/scenarios?lang=en&v=000000000000")
    wait_for_app(tab)
    alerts = " ".join(tab.locator("[data-testid='stAlert']").all_inner_texts())
    assert "000000000000" in alerts and "may have moved" in alerts


def test_every_lever_is_reached_with_tab_and_moved_with_the_arrow_keys(app_url, tab):
    """Keyboard only: Tab from the preset to each slider in turn; one arrow key moves it and the URL follows."""
    tab.goto(f"{app_url}/scenarios?lang=en")
    wait_for_app(tab)
    tab.wait_for_url("**horizon=*")  # the first run has written every lever to the URL
    tab.get_by_role("combobox", name="Preset", exact=True).focus()
    moved = []
    for _ in range(60):
        tab.keyboard.press("Tab")
        if not tab.evaluate("document.activeElement.matches('input[type=range]')"):  # a native slider
            continue
        value, url = tab.evaluate("document.activeElement.value"), tab.url
        with rerun(tab):
            tab.keyboard.press("ArrowRight")
            # The key moved the focused slider (focus stays on it), then the rerun rewrote the URL.
            tab.wait_for_function(
                "old => document.activeElement.matches('input[type=range]') && document.activeElement.value !== old",
                arg=value,
            )
            tab.wait_for_function("url => location.href !== url", arg=url)
        before, after = parse_qs(urlparse(url).query), parse_qs(urlparse(tab.url).query)
        moved += [key for key, values in after.items() if values != before.get(key)]
        if len(moved) >= len(model.LEVER_NAMES) + 1:
            break
    assert moved == [*model.LEVER_NAMES, "horizon"]  # the registry's order, the national floor after the city's


# Every element of a result card that carries text: a value or a change cut off by an ellipsis is wider
# inside than its box.
CARD_TEXT = ".sz-card, .sz-card *"
OVERFLOWING = """sel => [...document.querySelectorAll(sel)]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth
        || e.getBoundingClientRect().right > e.closest('.sz-card').getBoundingClientRect().right + 1)
    .map(e => e.innerText)"""


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_card_cuts_off_its_value_on_desktop_or_phone(app_url, tab, lang, width):
    tab.set_viewport_size({"width": width, "height": 2400})
    tab.goto(f"{app_url}/scenarios?lang={lang}&preset=talent_push")
    wait_for_app(tab)
    assert_clean(tab)
    cards = _numbers(tab)
    assert len(cards) >= 11
    assert tab.evaluate(OVERFLOWING, CARD_TEXT) == []
    screenshot(tab, f"scenarios-{lang}-{width}")


# Custom levers (racks, Xinchuang, subsidy moved) compared with a preset as B, GDP shown (the panel's odds and gaps).
DOWNLOAD_LINK = LINK + "&cmp=talent_push&out=gdp"
PEER_ROWS = {"gdp_odds_beijing", "gdp_odds_shanghai", "gdp_gap_beijing", "gdp_gap_shanghai"}
# The section-I tab's rows (issue 23: only the brief carried them).
PEER_ROWS |= {"sector_i_va", "sector_i_va_odds_beijing", "sector_i_va_gap_beijing", "sector_i_va_gap_shanghai"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_downloads_carry_b_and_the_peers_and_are_named_after_the_scenario(app_url, tab, lang):
    """Click the three buttons: the file names, the CSV's translated headers and peer rows, the brief's summary
    first and the page's own odds and gap sentences, the JSON's numbers, all with scenario B."""
    words = download_checks.catalogue(lang)
    tab.goto(f"{app_url}/{DOWNLOAD_LINK.replace('lang=en', f'lang={lang}')}")
    wait_for_app(tab)
    files = {}
    for kind, extension in (("csv", "csv"), ("brief", "md"), ("json", "json")):
        with tab.expect_download() as download:
            tab.get_by_role("button", name=words[f"scenarios.download.{kind}"]).click()
        assert download.value.suggested_filename == f"shenzhen-scenario-custom-vs-talent_push-2032-{lang}.{extension}"
        files[extension] = download.value.path().read_bytes()

    rows = download_checks.read(files["csv"])  # checks the byte-order mark Excel needs
    header = list(rows[0])
    assert words["scenarios.col.b"].format(q="p50") in header and words["scenarios.col.b_name"] in header
    assert not set(header) & download_checks.database_codes()
    assert {row[words["col.id"]] for row in rows} >= PEER_ROWS
    assert {row[words["scenarios.col.b_name"]] for row in rows} == {words["preset.talent_push"]}
    assert all(re.fullmatch(r"20\d\d", row[words["col.year"]]) for row in rows)

    brief = files["md"].decode("utf-8")
    lines = [line for line in brief.splitlines() if line]
    assert lines[1] == f"## {words['scenarios.summary.title']}" and words["preset.talent_push"] in lines[2]
    assert "dc_racks=30000" in brief and "cmp=talent_push" in brief and "2,032" not in brief
    shown = set(tab.locator("[data-testid='stMarkdownContainer']").all_inner_texts())
    peers = brief.split(f"## {words['scenarios.brief.peers'].format(year=2032)}", 1)[1].split("\n## ", 1)[0]
    b_start = "- " + words["scenarios.brief.b_line"].split("{")[0]
    own = [line[2:] for line in peers.splitlines() if line.startswith("- ") and not line.startswith(b_start)]
    assert len(own) == 4 and all(line in shown for line in own)  # the page's odds and gap sentences, word for word

    payload = json.loads(files["json"])
    assert payload["scenarios"]["b"]["code"] == "talent_push" and payload["scenarios"]["scenario"]["code"] == "custom"
    assert payload["scenarios"]["scenario"]["levers"]["dc_racks"] == 30000 and payload["language"] == lang
    assert {"beijing", "shanghai"} <= set(payload["gaps"]["b"])
    assert {"beijing", "shanghai"} <= set(payload["sector_i"]["gaps"]["b"])
    numbers = [value for record in payload["results"] for key, value in record.items() if key.endswith("_p50")]
    assert numbers and all(value is None or isinstance(value, (int, float)) for value in numbers)
    screenshot(tab, f"scenarios-downloads-{lang}")


def test_a_preset_lists_the_levers_it_changed_and_undo_brings_them_back(app_url, tab):
    """Issue 23: picking a preset reset the reader's levers without a word."""
    tab.goto(f"{app_url}/scenarios?lang=en&xc_share=100&talent_subsidy=60000")
    wait_for_app(tab)
    subsidy = tab.locator("[data-testid='stSlider']").filter(has_text="Subsidy per digital professional")
    assert subsidy.locator("[data-testid='stSliderThumbValue']").inner_text() == "60,000"  # not "60000"
    tab.locator("[data-testid='stSelectbox']").filter(has_text="Preset").click()
    with rerun(tab):
        tab.get_by_role("option", name="No new data-centre capacity").click()
        tab.wait_for_url("**dc_racks=0**")
    assert_clean(tab)
    notice = tab.locator("[data-testid='stAlert']").filter(has_text="changed 3 levers").inner_text()
    for line in (
        "Xinchuang share of public-sector IT procurement (%): 100 → 40",
        "Subsidy per digital professional per year (yuan): 60,000 → 30,000",
        "New standard racks (2.5 kW) approved per year: 7,000 → 0",
    ):
        assert line in notice
    with rerun(tab):
        tab.get_by_role("button", name="Undo").click()
        tab.wait_for_url("**xc_share=100**")
    query = parse_qs(urlparse(tab.url).query)
    assert (query["xc_share"], query["talent_subsidy"], query["dc_racks"]) == (["100"], ["60000"], ["7000"])
    assert query["preset"] == ["paper"]
    sliders = _slider_values(tab)
    assert sliders["Xinchuang share of public-sector IT procurement (%)"] == "100"
    assert tab.locator("[data-testid='stAlert']").filter(has_text="changed 3 levers").count() == 0
    screenshot(tab, "scenarios-preset-undone-en")
