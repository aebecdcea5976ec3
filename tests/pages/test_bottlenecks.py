"""Bottlenecks page (AppTest): the page shows what features.bottlenecks.view returns, the `b` selector, the links.

What the blocks hold (figures, charts, quotes, measures) is proven on the view, in tests/features/bottlenecks/.
"""

import pandas as pd
import pytest
from apptest import links_to, run_page
from loaded import frames
from streamlit.testing.v1 import AppTest

from explorer.core import formatting
from explorer.core.i18n import t
from explorer.core.vocab import BOTTLENECKS
from explorer.features.bottlenecks import view as views


def run(page: str = "bottlenecks", at: AppTest | None = None, **params: str) -> AppTest:
    return run_page(page, at, **params)


def expected(lang: str, chosen: str = views.ALL) -> list[views.Block]:
    data = frames()
    return views.blocks(data["figures"], data["sections"], data["recommendations"], lang, chosen)


def shown_cards(at: AppTest) -> list[tuple[str, str]]:
    return sorted((metric.label, metric.value) for metric in at.metric)


def view_cards(blocks: list[views.Block], lang: str) -> list[tuple[str, str]]:
    return sorted(
        (fig[f"metric_{lang}"], formatting.figure_value(fig, lang))
        for block in blocks
        for _, fig in block.cards.iterrows()
    )


def test_the_page_shows_every_block_the_view_returns():
    at = run(lang="zh")
    blocks = expected("zh")
    assert at.title[0].value == t("bottlenecks.title", "zh")
    assert at.selectbox(key="b").value == views.ALL
    assert [header.value for header in at.header] == [block.heading for block in blocks]
    assert shown_cards(at) == view_cards(blocks, "zh")
    markdown = {block.value for block in at.markdown}
    assert {block.summary for block in blocks} | {block.measures for block in blocks} <= markdown
    captions = {caption.value for caption in at.caption}
    assert {chart.caption for block in blocks for chart in block.charts} <= captions


@pytest.mark.parametrize(("lang", "code"), [("en", "2.3"), ("zh", "2.4")])
def test_the_url_picks_one_bottleneck_and_the_page_shows_its_charts_and_quotes(lang, code):
    at = run(lang=lang, b=code)
    (block,) = expected(lang, code)
    assert at.selectbox(key="b").value == code
    assert not at.warning
    assert [header.value for header in at.header] == [block.heading]
    assert shown_cards(at) == view_cards([block], lang)
    tables = [frame.value for frame in at.dataframe]
    assert len(tables) == len(block.charts)
    for chart, table in zip(block.charts, tables):
        pd.testing.assert_frame_equal(table.reset_index(drop=True), chart.table.reset_index(drop=True))
    points = [point.quote for point in block.points]
    quotes = [element.value.removeprefix("> ") for element in at.markdown if element.value.startswith("> ")]
    assert [quote for quote in quotes if quote in points] == points  # the cards' popovers quote their sentences too
    assert (t("bottlenecks.no_figures", lang) in [info.value for info in at.info]) is block.cards.empty


def test_each_block_links_to_its_measures_and_figures():
    at = run(lang="en")
    assert links_to(at, "recommendations") == [{"lang": ["en"], "b": [code]} for code in BOTTLENECKS]
    assert [link for link in links_to(at, "figures") if "section" in link] == [
        {"lang": ["en"], "section": [code]} for code in BOTTLENECKS
    ]


@pytest.mark.parametrize(("lang", "bad"), [("zh", "9.9"), ("en", "<script>alert(1)</script>"), ("en", "2.1,2.2")])
def test_a_bad_value_gives_a_notice_and_all_five(lang, bad):
    at = run(lang=lang, b=bad)
    assert len(at.warning) == 1
    box = at.selectbox(key="b")
    shown = box.options[box.index]  # the label the reader sees for "all", not the code
    assert at.warning[0].value == t("notice.bad_param", lang, label=box.label, value=f"`{bad}`", used=shown)
    assert box.value == "all"
    assert len(at.header) == len(BOTTLENECKS)


def test_a_link_from_recommendations_opens_its_bottleneck():
    at = run("recommendations", lang="en", b="2.2,2.5")
    at.query_params["b"] = "2.4"  # what the "See bottleneck 2.4" link carries
    at = run(at=at)
    assert at.selectbox(key="b").value == "2.4"
    assert len(at.header) == 1
