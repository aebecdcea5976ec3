"""explorer.features.missing.view: the "no such page" view in each language, with a link to every page."""

import pytest

from explorer.core.i18n import LANGS, t
from explorer.features.missing.view import missing_view

NAV = {"paper": ("overview", "figures"), "data": ("data",)}


@pytest.mark.parametrize("lang", LANGS)
def test_the_view_names_the_path_and_links_every_page(lang):
    view = missing_view("/data/x/y/z", NAV, lang)
    assert view.title == {"zh": "没有这个页面", "en": "No such page"}[lang]
    assert "`/data/x/y/z`" in view.text
    assert [heading for heading, _ in view.sections] == [t("nav.section.paper", lang), t("nav.section.data", lang)]
    assert [stem for _, links in view.sections for stem, _ in links] == ["overview", "figures", "data"]
    assert [label for _, links in view.sections for _, label in links] == [
        t(f"nav.{stem}", lang) for stem in ("overview", "figures", "data")
    ]


def test_a_hostile_path_cannot_break_out_of_its_code_span():
    assert "``/`x`**bold**# x[l](//ev.il)``" in missing_view("/`x`\n**bold**\r# x\u2028[l](//ev.il)", NAV, "en").text
    assert "`/" + "a" * 59 + "…`" in missing_view("/" + "a" * 100, NAV, "en").text
