"""Benchmarks page (AppTest): the `ind` selector; the page shows the groups, notes, coverage and peers the view returns.

What the groups and the peer panels hold is proven on the view in tests/features/benchmarks/test_view.py.
"""

from urllib.parse import parse_qsl

import pandas as pd
import pytest
from apptest import body_links, run_page
from loaded import frames
from streamlit.testing.v1 import AppTest

from explorer.core.i18n import LANGS, t
from explorer.features.benchmarks import view as views


def run(**params: str) -> AppTest:
    return run_page("benchmarks", **params)


def expected(code: str, lang: str) -> tuple[views.IndicatorView, tuple[views.PeerPanel, ...]]:
    data = frames()
    args = (data["indicators"], data["benchmarks"], data["comparability_groups"])
    return views.indicator_view(*args, code, lang), views.peer_panels(*args, data["target_status"], lang)


def assert_tables(at: AppTest, tables: list[pd.DataFrame]) -> None:
    shown = [frame.value for frame in at.dataframe]
    assert len(shown) == len(tables)
    for expected_table, table in zip(tables, shown):
        pd.testing.assert_frame_equal(table.reset_index(drop=True), expected_table.reset_index(drop=True))


def page_tables(indicator: views.IndicatorView, panels: tuple[views.PeerPanel, ...]) -> list[pd.DataFrame]:
    """Return every table the page shows, in order: per group its chart's table and its coverage, then each panel's."""
    per_group = [table for group in indicator.groups for table in (group.chart.table, group.coverage)]
    return per_group + [panel.chart.table for panel in panels]


@pytest.mark.parametrize("lang", LANGS)
def test_the_default_link_shows_gdp_with_definitions_notes_breaks_coverage_and_the_peers(lang):
    at = run(lang=lang)
    assert at.selectbox(key="ind").value == views.default_indicator(frames()["indicators"])
    indicator, panels = expected("gdp", lang)
    assert [warning.value for warning in at.warning] == [indicator.groups_differ]
    assert_tables(at, page_tables(indicator, panels))
    captions = {caption.value for caption in at.caption}
    assert {indicator.description, t("benchmarks.peers.caption", lang)} <= captions
    assert {group.definition for group in indicator.groups} <= captions
    assert {group.breaks for group in indicator.groups if group.breaks} <= captions
    assert {panel.definition for panel in panels} <= captions
    infos = [info.value for info in at.info]
    notes = [text for group in indicator.groups for text in (group.note, group.missing) if text]
    assert infos == notes + [panel.note for panel in panels if panel.note]
    assert t("benchmarks.peers.title", lang) in [sub.value for sub in at.subheader]


def test_an_indicator_with_several_definitions_shows_each_apart():
    benchmarks = frames()["benchmarks"]
    counts = benchmarks.groupby("indicator")["comparability_group"].nunique()
    code = counts[counts > 2].index[0]
    at = run(lang="zh", ind=code)
    indicator, panels = expected(code, "zh")
    assert at.selectbox(key="ind").value == code
    assert [block.value for block in at.markdown if block.value.startswith("**")] == [
        group.heading for group in indicator.groups
    ]
    assert_tables(at, page_tables(indicator, panels))


def test_a_bad_indicator_gets_a_notice_and_the_default():
    at = run(lang="en", ind="<b>x</b>")
    notices = [w.value for w in at.warning if w.icon == ":material/warning:"]
    assert len(notices) == 1 and f"“{at.selectbox(key='ind').label}”" in notices[0]
    assert at.selectbox(key="ind").value == "gdp"
    assert t("benchmarks.peers.title", "en") in [sub.value for sub in at.subheader]


def test_the_gdp_groups_are_headed_by_their_labels_not_their_codes():
    headings = [block.value for block in run(lang="en").markdown if block.value.startswith("**")]
    assert headings == [
        "**Definition group: First release (preliminary accounting)**",
        "**Definition group: Revised figures**",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_opens_with_the_quotable_glance_of_the_three_cities(lang):
    at = run(lang=lang)
    data = frames()
    lines = views.glance(data["indicators"], data["benchmarks"], data["target_status"], lang)
    apart = views.apart_lines(data["indicators"], data["benchmarks"], lang)
    assert apart  # core digital value added and its share: not comparable, said so (issue 23, 21 item 3)
    bodies = [block.value for block in at.markdown]
    assert "\n".join(f"- {line}" for line in (*lines, *apart)) in bodies
    # The link to the comparable digital indicator's tab on Scenarios, in the page's language.
    links = [link.proto for link in body_links(at)]
    assert [(link.page, dict(parse_qsl(link.query_string))) for link in links] == [
        ("scenarios", {"lang": lang, "view": "peers"})
    ]
    assert links[0].label == t("benchmarks.glance.comparable_link", lang)
    assert at.subheader[0].value == t("benchmarks.glance.title", lang)
