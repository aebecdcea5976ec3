"""explorer.features.bottlenecks.view on the real data: the blocks, their cards, honest charts, quotes and measures."""

import pandas as pd
import pytest
from chart_checks import check_chart
from loaded import frames

from explorer.core import formatting
from explorer.core.i18n import LANGS, t
from explorer.core.paper import squash
from explorer.core.vocab import BOTTLENECKS, LINK_STRENGTHS
from explorer.features.bottlenecks import view as views
from explorer.features.overview import view as overview_view
from explorer.features.pieces import SME_SHARE_FIGURES


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return frames()


def blocks(data, lang: str, chosen: str = views.ALL) -> list[views.Block]:
    return views.blocks(data["figures"], data["sections"], data["recommendations"], lang, chosen)


def one(data, code: str, lang: str) -> views.Block:
    (block,) = blocks(data, lang, code)
    return block


def title(data, code: str, lang: str) -> str:
    return data["sections"].set_index("id").at[code, f"title_{lang}"]


@pytest.mark.parametrize("lang", LANGS)
def test_all_five_blocks_or_the_chosen_one(lang, data):
    shown = blocks(data, lang)
    assert [block.code for block in shown] == list(BOTTLENECKS)
    assert [block.heading for block in shown] == [f"{code} {title(data, code, lang)}" for code in BOTTLENECKS]
    assert [block.anchor for block in shown] == [f"b{code.replace('.', '-')}" for code in BOTTLENECKS]
    assert [block.summary for block in shown] == [t(f"bottlenecks.summary.{code}", lang) for code in BOTTLENECKS]
    for code in BOTTLENECKS:
        assert [block.code for block in blocks(data, lang, code)] == [code]


@pytest.mark.parametrize("lang", LANGS)
def test_the_selector_offers_all_and_each_bottleneck(lang, data):
    labels = views.choice_labels(data["sections"], lang)
    assert list(labels) == [views.ALL, *BOTTLENECKS]
    assert labels[views.ALL] == t("bottlenecks.all", lang)
    assert all(labels[code] == f"{code} {title(data, code, lang)}" for code in BOTTLENECKS)


def test_each_block_carries_its_sections_bottleneck_figures_charted_ones_first(data):
    figures = data["figures"]
    for block in blocks(data, "en"):
        own = figures[(figures["section"] == block.code) & (figures["kind"] == "bottleneck")]
        assert sorted(block.cards["id"]) == sorted(own["id"])
    sme = one(data, "2.3", "en").cards["id"].tolist()
    charted = [fid for fid in SME_SHARE_FIGURES if fid in sme] + list(views.PLATFORM_FIGURES)
    assert sme[: len(charted)] == charted
    assert one(data, "2.4", "en").cards.empty, "2.4 has no figure: the page says so"


@pytest.mark.parametrize("lang", LANGS)
def test_charts_and_notes_where_they_help(lang, data):
    keys = {block.code: [chart.key for chart in block.charts] for block in blocks(data, lang)}
    assert keys == {"2.1": ["chart_os"], "2.2": ["chart_compute"], "2.3": ["chart_sme", "chart_platforms"]} | {
        "2.4": [],
        "2.5": [],
    }
    for block in blocks(data, lang):
        for chart in block.charts:
            check_chart(chart.spec, chart.table)
            assert chart.caption
        assert block.note == (t("bottlenecks.talent.caption", lang) if block.code == "2.5" else None)


@pytest.mark.parametrize("lang", LANGS)
def test_os_localisation_is_a_bound_not_a_point(lang, data):
    fig = data["figures"].set_index("id", drop=False).loc["os_localisation_rate"]
    (chart,) = one(data, "2.1", lang).charts
    shown = chart.table[t("col.value", lang)].tolist()
    assert shown[0] == formatting.figure_value(fig, lang)
    assert shown[0].startswith("<")
    assert shown[1] == f"> {formatting.format_number(100 - fig['value'])} %"
    assert set(chart.table[t("col.quote", lang)]) == {fig["quote_zh"]}
    band = chart.spec["datasets"]["band"]
    assert band["start"].tolist() == [0.0, fig["value"]] and band["end"].tolist() == [fig["value"], 100.0]
    assert list(chart.table.columns) == [t(k, lang) for k in ("bottlenecks.os.segment", "col.value", "col.quote")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_compute_chart_shows_the_papers_values_by_denominator(lang, data):
    figures = data["figures"].set_index("id", drop=False)
    (chart,) = one(data, "2.2", lang).charts
    table = chart.table.set_index(t("col.id", lang))
    assert set(table.index) == set(views.COMPUTE_FIGURES)
    for fig_id, row in table.iterrows():
        assert row[t("col.value", lang)] == formatting.figure_value(figures.loc[fig_id], lang)
        assert row[t("col.quote", lang)] == figures.at[fig_id, "quote_zh"]
        group = views.COMPUTE_FIGURES[fig_id]
        assert row[t("bottlenecks.compute.group", lang)] == t(f"bottlenecks.compute.group.{group}", lang)
    bars = chart.spec["datasets"]["bars"]
    more_than = figures.loc[list(views.COMPUTE_FIGURES), "qualifier"] == "more_than"
    assert bars["open_end"].notna().tolist() == more_than.tolist(), "a lower bound draws a dashed line to 100 %"


@pytest.mark.parametrize("lang", LANGS)
def test_the_sme_chart_says_which_section_each_share_is_from(lang, data):
    figures = data["figures"].set_index("id", drop=False)
    sme, platforms = one(data, "2.3", lang).charts
    assert set(sme.table[t("col.section", lang)]) == {"1.3", "2.3"}
    assert sme.table[t("col.id", lang)].tolist() == list(SME_SHARE_FIGURES)
    for _, row in sme.table.iterrows():
        assert row[t("col.value", lang)] == formatting.figure_value(figures.loc[row[t("col.id", lang)]], lang)
    origins = set(sme.spec["datasets"]["bars"]["origin"])
    assert {origin.replace("\n", " ") for origin in origins} == {
        t("bottlenecks.sme.from", lang, section=sid) for sid in ("1.3", "2.3")
    }
    assert sme.caption == t("bottlenecks.sme.caption", lang)
    assert platforms.table[t("col.id", lang)].tolist() == list(views.PLATFORM_FIGURES)
    assert (
        platforms.spec["datasets"]["bars"]["value"].tolist()
        == figures.loc[list(views.PLATFORM_FIGURES), "value"].tolist()
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_market_gaps_are_quoted_from_section_2_4(lang, data):
    block = one(data, "2.4", lang)
    assert len(block.points) == 4
    body = squash(data["sections"].set_index("id").at["2.4", "text_zh"])
    assert all(squash(point.quote) in body for point in block.points)
    assert [squash(point.quote)[:2] for point in block.points] == ["一是", "二是", "三是", "四是"]
    assert [point.title for point in block.points] == [t(f"bottlenecks.data.point.{n}", lang) for n in range(1, 5)]
    assert [point.gloss for point in block.points] == [t(f"bottlenecks.data.gloss.{n}", lang) for n in range(1, 5)]
    assert all(not other.points for other in blocks(data, lang) if other.code != "2.4")


@pytest.mark.parametrize("code", BOTTLENECKS)
def test_the_measures_named_are_those_of_the_mapping_primary_first(code, data):
    links = data["recommendations"]
    linked = links[links["bottleneck"] == code]
    en = one(data, code, "en").measures
    prefix = t("bottlenecks.addressed_by", "en", measures="")
    parts = en.removeprefix(prefix).split("; ")
    assert {part.split(" ")[0] for part in parts} == set(linked["measure"])
    for _, row in linked.iterrows():
        strength = t(f"recommendations.strength.{row['strength']}", "en")
        assert f"{row['measure']} {row['measure_title_en']} ({strength})" in parts
    strengths = [part.rsplit("(", 1)[1].rstrip(")") for part in parts]
    assert strengths == sorted(strengths, key=[t(f"recommendations.strength.{s}", "en") for s in LINK_STRENGTHS].index)
    zh = one(data, code, "zh").measures
    for _, row in linked.iterrows():
        strength = t(f"recommendations.strength.{row['strength']}", "zh")
        assert f"{row['measure']} {row['measure_title_zh']}（{strength}）" in zh
    assert zh.count("；") == len(linked) - 1, "Chinese lists take full-width punctuation"


def _x_titles(node: object) -> set[str]:
    """Return every x-axis title anywhere in a chart spec (layers included)."""
    if isinstance(node, list):
        return set().union(*map(_x_titles, node)) if node else set()
    if not isinstance(node, dict):
        return set()
    x = node.get("encoding", {}).get("x", {}) if isinstance(node.get("encoding"), dict) else {}
    own = {x["title"]} if isinstance(x, dict) and "title" in x else set()
    return own.union(*map(_x_titles, node.values()))


@pytest.mark.parametrize("lang", LANGS)
def test_the_sme_shares_have_one_axis_title_here_and_on_the_overview(lang, data):
    """The second walk: the same five bars read "Share of SMEs" on the Overview and "Share of firms" here."""
    here = _x_titles(views.sme_chart(data["figures"].set_index("id", drop=False), lang).spec)
    overview = _x_titles(overview_view.overview(data["figures"], lang).funnel.spec)
    assert here == overview and len(here) == 1, (here, overview)


def _legend_labels(node: object) -> list[str]:
    """Return the colour-legend entries of a chart spec (its colour scales' domains)."""
    if isinstance(node, list):
        return [label for item in node for label in _legend_labels(item)]
    if not isinstance(node, dict):
        return []
    colour = node.get("encoding", {}).get("color", {}) if isinstance(node.get("encoding"), dict) else {}
    own = list(colour.get("scale", {}).get("domain", [])) if isinstance(colour, dict) else []
    return own + [label for value in node.values() for label in _legend_labels(value)]


@pytest.mark.parametrize("lang", LANGS)
def test_legends_are_short_names_that_keep_to_one_line_on_a_phone(lang, data):
    """The second walk: at 390 px the legends, whose entries wrapped onto up to six lines of 14 characters, took half
    of their charts; what each colour measures is said in the caption."""
    figures = data["figures"].set_index("id", drop=False)
    for chart in (views.compute_chart(figures, lang), views.sme_chart(figures, lang)):
        labels = _legend_labels(chart.spec)
        assert labels and not [label for label in labels if "\n" in label], labels
