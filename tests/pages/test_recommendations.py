"""Recommendations page (AppTest): it shows what features.recommendations.view returns, the `b` filter, the links.

The mapping, the cards' targets and levers are proven on the view in tests/features/recommendations/test_view.py.
"""

import pandas as pd
import pytest
from apptest import links_to, run_page
from loaded import frames
from streamlit.testing.v1 import AppTest

from explorer.core import formatting
from explorer.core.i18n import t
from explorer.core.vocab import MEASURES
from explorer.features.recommendations import view as views


def run(page: str = "recommendations", at: AppTest | None = None, **params: str) -> AppTest:
    return run_page(page, at, **params)


def expected(lang: str, chosen: list[str] | None = None) -> tuple[list[str], list[views.Measure]]:
    data = frames()
    measures = views.measures_for(data["recommendations"], chosen or [])
    cards = views.measure_cards(
        data["recommendations"],
        data["measure_levers"],
        data["figures"],
        data["sections"],
        data["parameters"],
        measures,
        lang,
    )
    return measures, cards


def mapping_table(at: AppTest, lang: str) -> pd.DataFrame:
    column = t("recommendations.col.rationale", lang)
    (table,) = [frame.value for frame in at.dataframe if column in frame.value.columns]
    return table


def test_the_page_shows_every_card_and_the_heatmap_the_view_returns():
    at = run(lang="zh")
    data = frames()
    measures, cards = expected("zh")
    assert at.title[0].value == t("recommendations.title", "zh")
    assert [sub.value for sub in at.subheader] == [card.heading for card in cards]
    heatmap = views.heatmap(data["recommendations"], data["sections"], measures, [], "zh")
    pd.testing.assert_frame_equal(mapping_table(at, "zh").reset_index(drop=True), heatmap.table.reset_index(drop=True))
    assert views.count_text(data["recommendations"], len(MEASURES), "zh") in [c.value for c in at.caption]
    targets = [fig for card in cards for _, fig in card.targets.iterrows()]
    assert sorted((m.label, m.value) for m in at.metric) == sorted(
        (fig["metric_zh"], formatting.figure_value(fig, "zh")) for fig in targets
    )
    notes = [caption.value for caption in at.caption if caption.value == t("recommendations.no_targets", "zh")]
    assert len(notes) == sum(card.targets.empty for card in cards)
    markdown = {block.value for block in at.markdown}
    assert {f"> {link.quote}" for card in cards for link in card.links} <= markdown
    assert {lever.item for card in cards for lever in card.levers} <= markdown


def test_the_links_go_to_scenarios_with_the_views_values_and_back_to_each_bottleneck():
    at = run(lang="en")
    _, cards = expected("en")
    scenarios = [{key: [value] for key, value in card.scenario_params.items()} for card in cards if card.scenario_label]
    assert links_to(at, "scenarios") == scenarios
    back = links_to(at, "bottlenecks")
    assert back == [{"lang": ["en"], "b": [link.bottleneck]} for card in cards for link in card.links]


@pytest.mark.parametrize(("lang", "codes"), [("en", ["2.2", "2.5"]), ("zh", ["2.4"])])
def test_the_url_filters_measures_by_bottleneck(lang, codes):
    at = run(lang=lang, b=",".join(codes))
    measures, cards = expected(lang, codes)
    assert not at.warning
    assert at.multiselect(key="b").value == codes
    assert [sub.value for sub in at.subheader] == [card.heading for card in cards]
    assert views.count_text(frames()["recommendations"], len(measures), lang) in [c.value for c in at.caption]


@pytest.mark.parametrize(("lang", "bad"), [("zh", "2.9"), ("en", "2.4,zz"), ("en", "<b>x</b>")])
def test_a_bad_filter_gives_a_notice_and_everything(lang, bad):
    at = run(lang=lang, b=bad)
    assert len(at.warning) == 1
    label = at.multiselect(key="b").label
    assert at.warning[0].value == t("notice.bad_filter", lang, label=label, value=f"`{bad}`")
    assert "[]" not in at.warning[0].value
    assert at.multiselect(key="b").value == []
    assert len(at.subheader) == len(MEASURES)


def test_a_link_from_bottlenecks_keeps_its_filter():
    at = run("bottlenecks", lang="en", b="2.2")
    at.query_params["b"] = "2.2"  # what the "Measures against 2.2" link carries
    at = run(at=at)
    assert at.multiselect(key="b").value == ["2.2"]
    assert [sub.value for sub in at.subheader] == [card.heading for card in expected("en", ["2.2"])[1]]
