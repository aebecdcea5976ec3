"""Overview page (AppTest): it shows the headline cards, charts and captions explorer.features.overview.view returns."""

import pandas as pd
import pytest
from apptest import links_to, run_page
from loaded import frames

from explorer.core import formatting
from explorer.core.i18n import t
from explorer.features.overview.view import overview


def test_overview_shows_what_the_view_returns():
    at = run_page("overview", lang="en")
    view = overview(frames()["figures"], "en")
    assert at.title[0].value == t("overview.title", "en")
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown == {fig["metric_en"]: formatting.figure_value(fig, "en") for _, fig in view.headline.iterrows()}
    tables = [frame.value for frame in at.dataframe]
    assert len(tables) == 2
    for chart, table in zip((view.funnel, view.sections), tables):
        pd.testing.assert_frame_equal(table.reset_index(drop=True), chart.table.reset_index(drop=True))
    assert {view.funnel.caption, view.kinds_caption} <= {caption.value for caption in at.caption}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_says_what_a_reader_can_do_and_links_to_benchmarks_and_scenarios(lang):
    """Issue 23: a newcomer is told, in one line, that the page leads to the comparison and the simulator."""
    at = run_page("overview", lang=lang)
    assert t("overview.orient", lang) in [block.value for block in at.markdown]
    for page in ("benchmarks", "scenarios"):
        (link,) = links_to(at, page)
        assert link == {"lang": [lang]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_card_says_status(lang):
    """Issue 23: 'status' under every card is jargon; a card gives its year and the paper's section instead."""
    at = run_page("overview", lang=lang)
    captions = [caption.value for caption in at.caption]
    word = t("kind.status", lang)
    assert not [caption for caption in captions if caption.endswith(f"· {word}") or f"· {word} ·" in caption]
    assert any(f"{t('word.section', lang)} 1." in caption for caption in captions)
