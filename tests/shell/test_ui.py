"""explorer.shell.ui: every chart's embed link, and the page an embed link opens (that chart alone, no navigation)."""

from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from apptest import charts, run_page

from explorer.core.i18n import LANGS, t
from explorer.shell import ui
from explorer.shell.pages import PAGES


def embed_links(at) -> list[dict[str, list[str]]]:
    """Return the query of every embed link the page offers (the first code block of each chart's Embed popover)."""
    links = [
        urlsplit(code.value) for code in at.main.get("code") if "embed=true" in code.value and "<" not in code.value
    ]
    return [parse_qs(link.query) for link in links]


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_offers_a_link_that_shows_it_alone_in_its_language(lang):
    at = run_page("overview", lang=lang)
    links = embed_links(at)
    assert len(links) == len(charts(at)) == 2
    assert len({link["chart"][0] for link in links}) == 2
    assert all(link["lang"] == [lang] and link["embed"] == ["true"] for link in links)
    frames = [code.value for code in at.main.get("code") if code.value.startswith("<iframe")]
    assert len(frames) == 2 and all("embed=true" in frame and "chart=" in frame for frame in frames)
    saves = [button for button in at.main.get("download_button") if button.proto.label == t("chart.save_svg", lang)]
    assert len(saves) == 2 and all(button.proto.deferred_file_id for button in saves)  # drawn on a click only


def test_an_embed_link_keeps_the_views_settings():
    at = run_page("scenarios", lang="en", xc_share="100", cmp="talent_push", view="why")
    assert embed_links(at) == []  # Scenarios' popovers are lazy: written only while open (a lever move skips them)
    for chart in ("change", "waterfall"):
        at.session_state[f"embed-{chart}"] = True  # what a click on each chart's "Save or embed" does
    at.run()
    links = embed_links(at)
    assert links and all(link["xc_share"] == ["100"] and link["cmp"] == ["talent_push"] for link in links)
    in_tab = [(["change"], ["why"]), (["waterfall"], ["why"])]  # the "why" tab's two charts, each with its tab
    assert [(link["chart"], link["view"]) for link in links] == in_tab


@pytest.mark.parametrize("lang", LANGS)
def test_an_embed_link_opens_its_chart_alone_without_navigation_or_language_switch(lang):
    whole = run_page("scenarios", lang=lang, xc_share="100", view="why")
    waterfall = next(spec for spec, _ in charts(whole) if "waterfall" in spec["dataset_columns"])
    at = run_page("scenarios", lang=lang, xc_share="100", view="why", chart="waterfall")
    found = charts(at)
    assert len(found) == 1
    assert found[0][0]["title"] == waterfall["title"]  # the same chart, with its source line and data version
    assert len(at.sidebar.children) == 0  # no navigation, no language switch
    assert [radio for radio in at.get("radio") if radio.key == "lang"] == [] and embed_links(at) == []
    assert any(t("embed.open", lang) in caption.value for caption in at.main.caption)
    assert not at.warning


def test_an_embed_link_naming_no_chart_of_the_page_says_so():
    at = run_page("overview", lang="en", chart="nope")
    assert charts(at) == []
    assert len(at.warning) == 1 and "nope" in at.warning[0].value
    assert len(at.sidebar.children) == 0


def test_the_embed_parameter_is_no_pages_own():
    assert all(ui.EMBED_PARAM not in page.params for page in PAGES)


def test_an_embed_links_chart_value_is_shown_as_typed_not_as_markdown():
    at = run_page("overview", lang="en", chart="[x](//ev.il)\n# PWN")
    assert len(at.warning) == 1
    assert (
        "`[x](//ev.il)# PWN`" in at.warning[0].value
    )  # a code span, the line break removed (formatting.untrusted_code)


def test_the_phones_language_switch_switches_the_page_and_keeps_the_sidebars_in_step():
    """A phone shows the switch on the page (the `phone_bar`), not in the drawer: it must do what the sidebar's does."""
    at = run_page("figures", lang="zh", kind="rank")
    at.button_group(key="lang_bar").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == t("figures.title", "en")
    assert at.radio(key="lang").value == "en"
    assert at.query_params["lang"] == "en" and at.query_params["kind"] == "rank"
    at.radio(key="lang").set_value("zh").run()
    assert at.button_group(key="lang_bar").value == "zh"


def test_a_charts_table_groups_thousands_in_its_float_columns_and_leaves_years_bare():
    """The peers tab's table printed '-1024' beside '-1,049 to -873': floats get the reader's grouped form."""
    frame = pd.DataFrame({"Year": [2026, 2027], "Gap": [-1024.0, -955.0], "Band": ["-1,049 to -873", "-958 to -827"]})
    config = ui.grouped_numbers(frame)
    assert list(config) == ["Gap"]
    assert config["Gap"]["type_config"]["format"] == "localized"
