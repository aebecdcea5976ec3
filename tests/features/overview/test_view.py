"""features.overview.view on the real data: the headline cards, the SME funnel, the counts by section and kind."""

import re
from collections import Counter

import pytest
from chart_checks import check_chart
from loaded import frames

from explorer.core import formatting
from explorer.core.i18n import LANGS, t
from explorer.features.overview import view as overview
from explorer.features.pieces import SME_SHARE_FIGURES


@pytest.fixture(scope="module")
def figures():
    return frames()["figures"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_headline_cards_are_the_papers_rows_in_order(lang, figures):
    view = overview.overview(figures, lang)
    assert view.headline["id"].tolist() == list(overview.HEADLINE_FIGURES)
    by_id = figures.set_index("id")
    for fig_id, row in view.headline.iterrows():
        assert row["value"] == by_id.at[fig_id, "value"]
        assert row["quote_zh"] == by_id.at[fig_id, "quote_zh"]
    assert set(view.headline["kind"]) <= {"status", "rank"}, "headlines say where Shenzhen stands, not targets"


@pytest.mark.parametrize("lang", LANGS)
def test_the_funnel_charts_the_sme_shares_as_the_paper_qualifies_them(lang, figures):
    """As Bottlenecks draws them: the second walk saw "> 70 %" drawn as a solid bar ending at 70 here and open to
    100 % there."""
    funnel = overview.overview(figures, lang).funnel
    check_chart(funnel.spec, funnel.table)
    bars = funnel.spec["datasets"]["bars"]
    by_id = figures.set_index("id", drop=False)
    expected = by_id.loc[list(SME_SHARE_FIGURES)]
    assert bars["metric"].tolist() == expected[f"metric_{lang}"].tolist()
    assert bars["value"].tolist() == expected["value"].tolist()
    assert bars["shown"].tolist() == [formatting.figure_value(row, lang) for _, row in expected.iterrows()]
    lower_bounds = (expected["qualifier"] == "more_than").tolist()
    assert any(lower_bounds) and bars["open_end"].notna().tolist() == lower_bounds
    assert funnel.spec["layer"][0]["encoding"]["x"]["scale"] == {"domain": [0, 100]}
    assert funnel.table[t("col.id", lang)].tolist() == list(SME_SHARE_FIGURES)
    assert funnel.caption == t("overview.funnel.caption", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_section_chart_counts_every_figure_once_by_kind(lang, figures):
    chart = overview.overview(figures, lang).sections
    check_chart(chart.spec, chart.table)
    counts = chart.spec["datasets"]["counts"]
    assert counts["size"].sum() == len(figures)
    titles = dict(zip(figures["section"], figures[f"section_title_{lang}"]))
    kinds = {t(f"kind.{kind}", lang): kind for kind in figures["kind"].unique()}
    rows = counts[["section_label", "kind_label", "size"]].itertuples(index=False)
    shown = {(label.split(" ")[0], kinds[kind]): size for label, kind, size in rows}
    assert shown == dict(Counter(zip(figures["section"], figures["kind"])))
    assert all(label == f"{label.split(' ')[0]} {titles[label.split(' ')[0]]}" for label in counts["section_label"])
    assert chart.spec["encoding"]["color"]["scale"]["domain"] == [
        t(f"kind.{kind}", lang) for kind in formatting.KIND_COLOURS
    ]
    assert list(chart.table.columns) == [t("col.section", lang), t("col.kind", lang), t("overview.sections.axis", lang)]
    # Issue 23: at 390 px a legend at the right squeezed the bars to ~45 px; it sits under the plot.
    assert chart.spec["encoding"]["color"]["legend"]["orient"] == "bottom"


@pytest.mark.parametrize("lang", LANGS)
def test_the_kinds_caption_counts_the_paper(lang, figures):
    kinds = Counter(figures["kind"])
    expected = t(
        "overview.kinds.caption", lang, count=len(figures), total=len(figures), **{kind: kinds[kind] for kind in kinds}
    )
    assert overview.overview(figures, lang).kinds_caption == expected
    assert str(len(figures)) in expected


@pytest.mark.parametrize("lang", LANGS)
def test_the_sme_shares_are_not_called_one_funnel_as_bottlenecks_says(lang, figures):
    """Overview and Bottlenecks agree: the shares come from two passages (1.3 and 2.3), not one funnel (issue #15)."""
    view = overview.overview(figures, lang)
    title = t("overview.funnel.title", lang)
    assert "funnel" not in title.lower() and "漏斗" not in title
    not_one = {"en": "not one funnel", "zh": "不是同一样本的漏斗"}[lang]
    assert not_one in view.funnel.caption and not_one in t("bottlenecks.sme.caption", lang)
    sections = set(figures.set_index("id").loc[list(SME_SHARE_FIGURES), "section"])
    assert sections == {"1.3", "2.3"}
    assert all(section in view.funnel.caption for section in sections)


# The words a new reader does not know for the figures' kinds (issue 23): the chart's legend and the count say them
# in plain words.
JARGON = {"en": re.compile(r"\b(status|bottlenecks?|targets?|ranks?)\b", re.IGNORECASE), "zh": re.compile("瓶颈")}


@pytest.mark.parametrize("lang", LANGS)
def test_the_section_chart_and_its_count_use_plain_words_for_the_kinds(lang, figures):
    view = overview.overview(figures, lang)
    legend = view.sections.spec["encoding"]["color"]
    texts = [*legend["scale"]["domain"], legend["title"], view.kinds_caption]
    assert [text for text in texts if JARGON[lang].search(text)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_section_row_has_room_for_its_label_lines(lang, figures):
    """Issue 23: at 1440 px the three-line label of 1.2 ran its "upgrading" into 1.3's label (38 px a row)."""
    spec = overview.overview(figures, lang).sections.spec
    labels = spec["datasets"]["counts"]["label"].drop_duplicates()
    lines = max(label.count("\n") + 1 for label in labels)
    assert spec["height"] / len(labels) >= 14 * lines + 8  # 12 px text: a 14 px line, a gap between rows
