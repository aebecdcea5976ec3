"""The Targets tracker page (AppTest): it shows what explorer.features.targets.view returns, the URL filters, the links.

Statuses, progress, sources and the table's contents are proven on the view in tests/features/targets/test_view.py.
"""

from urllib.parse import parse_qs

import pandas as pd
import pytest
from apptest import run_page
from loaded import frames
from streamlit.testing.v1 import AppTest

from explorer.core.i18n import t
from explorer.features.targets import view as views


def run(**params: str) -> AppTest:
    return run_page("targets", **params)


def expected(lang: str, chosen=(), show: str = "all") -> views.TargetsView:
    data = frames()
    rows = views.board(data["figures"], data["target_status"])
    cities = views.CityRows(data["benchmarks"], data["indicators"])
    return views.targets_view(rows, data["target_status"], data["sections"], cities, lang, chosen, show)


def cards(view: views.TargetsView) -> list[views.Card]:
    return [card for _, section in view.sections for card in section]


def shown_ids(at: AppTest) -> list[str]:
    """Return the ids of the target cards on the page, in page order (a card is a container keyed target_<id>)."""
    keys = [getattr(node, "key", None) or "" for node in at.main]
    return [key.removeprefix("target_") for key in keys if key.startswith("target_")]


def test_every_card_shows_what_the_view_returns():
    at = run(lang="zh")
    view = expected("zh")
    assert at.title[0].value == t("targets.title", "zh")
    assert view.summary in [m.value for m in at.markdown]
    assert view.counts in [m.value for m in at.markdown]
    assert [sub.value for sub in at.subheader] == [heading for heading, _ in view.sections]
    assert shown_ids(at) == [card.id for card in cards(view)]
    for card in cards(view):
        element = at.get_by_key(f"target_{card.id}")
        assert element.markdown[0].value == card.title
        assert [(m.label, m.value) for m in element.metric] == [(card.target_label, card.target)] + (
            [(card.status_label, card.status)] if card.status is not None else []
        )
        captions = [c.value for c in element.caption]
        assert card.year in captions
        assert set(card.progress.captions) <= set(captions)
        markdown = [m.value for m in element.markdown]
        if card.status is None:
            assert any(t("targets.status.none", "zh") in m for m in markdown)
        else:
            assert card.as_of in captions and card.status_note in captions
            assert card.latest.quote is None or card.latest.quote in markdown
        assert (card.verdict in markdown) is (card.verdict_code != "no_status")  # "no status published" says it
        assert card.verdict_note is None or card.verdict_note in captions
        bars = [(bar.value, bar.text) for bar in element.progress]
        progress = card.progress
        assert bars == ([(round(progress.bar * 100), progress.bar_text)] if progress.bar is not None else [])


def test_filters_come_from_the_url():
    at = run(lang="en", section="3.6", show="with_status")
    assert at.multiselect(key="section").value == ["3.6"]
    assert at.radio(key="show").value == "with_status"
    assert not at.warning
    view = expected("en", ["3.6"], "with_status")
    assert shown_ids(at) == [card.id for card in cards(view)]
    assert 0 < len(shown_ids(at)) < len(cards(expected("en")))
    assert view.summary in [m.value for m in at.markdown]
    [table] = at.dataframe  # the only table on the page, in its expander
    pd.testing.assert_frame_equal(table.value.reset_index(drop=True), view.table.reset_index(drop=True))


def test_a_filter_with_nothing_to_show_says_so():
    at = run(lang="en", section="3.2", show="with_status")
    assert shown_ids(at) == []
    assert at.info[0].value == t("targets.none", "en")


@pytest.mark.parametrize(("key", "value"), [("section", "9.9"), ("show", "everything"), ("section", "3.6,<b>x</b>")])
def test_bad_url_values_get_a_notice_and_the_default(key, value):
    at = run(lang="en", **{key: value})
    label = (at.multiselect if key == "section" else at.radio)(key=key).label
    assert any(f"“{label}”" in warning.value for warning in at.warning)
    assert shown_ids(at) == [card.id for card in cards(expected("en"))]


def _links(card) -> dict[str, dict[str, list[str]]]:
    return {link.proto.page: parse_qs(link.proto.query_string) for link in card.page_link}


def test_every_target_links_to_its_figure_and_lever_targets_to_scenarios():
    at = run(lang="en")
    for card in cards(expected("en")):
        element = at.get_by_key(f"target_{card.id}")
        links = _links(element)
        assert links["figures"] == {"lang": ["en"], "fig": [card.id]}
        if card.scenarios is None:
            assert "scenarios" not in links
            continue
        assert links["scenarios"] == {key: [value] for key, value in card.scenarios.params.items()}
        assert (card.scenarios.note in [c.value for c in element.caption]) is (card.scenarios.note is not None)
