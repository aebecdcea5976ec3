"""Benchmarks page (AppTest): the `ind` selector, and the page shows the groups, notices and charts the view returns.

What the groups and the peers chart hold is proven on the view in tests/test_views_benchmarks.py.
"""

import pandas as pd
from apptest import run_page
from loaded import frames
from streamlit.testing.v1 import AppTest

from explorer.i18n import t
from explorer.views import benchmarks as views


def run(**params: str) -> AppTest:
    return run_page("benchmarks", **params)


def expected(code: str, lang: str) -> tuple[views.IndicatorView, views.ChartView]:
    data = frames()
    indicator = views.indicator_view(data["indicators"], data["benchmarks"], code, lang)
    return indicator, views.peers_chart(data["indicators"], data["benchmarks"], lang)


def assert_tables(at: AppTest, charts: list[views.ChartView]) -> None:
    tables = [frame.value for frame in at.dataframe]
    assert len(tables) == len(charts)
    for chart, table in zip(charts, tables):
        pd.testing.assert_frame_equal(table.reset_index(drop=True), chart.table.reset_index(drop=True))


def test_the_default_link_shows_gdp_and_the_peers():
    at = run(lang="en")
    assert at.selectbox(key="ind").value == views.default_indicator(frames()["indicators"])
    indicator, peers = expected("gdp", "en")
    assert not at.warning
    assert_tables(at, [group.chart for group in indicator.groups] + [peers])
    assert {indicator.description, peers.caption} <= {caption.value for caption in at.caption}


def test_an_indicator_with_several_definitions_shows_each_apart_and_names_missing_cities():
    benchmarks = frames()["benchmarks"]
    counts = benchmarks.groupby("indicator")["comparability_group"].nunique()
    code = counts[counts > 1].index[0]
    at = run(lang="zh", ind=code)
    indicator, peers = expected(code, "zh")
    assert at.selectbox(key="ind").value == code
    assert [warning.value for warning in at.warning] == [indicator.groups_differ]
    assert [group.heading for group in indicator.groups] == [
        block.value for block in at.markdown if block.value.startswith("**")
    ]
    assert [info.value for info in at.info] == [group.missing for group in indicator.groups if group.missing]
    assert_tables(at, [group.chart for group in indicator.groups] + [peers])


def test_a_bad_indicator_gets_a_notice_and_the_default():
    at = run(lang="en", ind="<b>x</b>")
    assert len(at.warning) == 1 and f"“{at.selectbox(key='ind').label}”" in at.warning[0].value
    assert at.selectbox(key="ind").value == "gdp"
    assert t("benchmarks.peers.title", "en") in [sub.value for sub in at.subheader]
