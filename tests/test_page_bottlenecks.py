"""Bottlenecks page (AppTest): five blocks with the paper's figures, the `b` selector, honest charts and links."""

import pandas as pd
import pytest
from apptest import links_to, run_page
from streamlit.testing.v1 import AppTest

from explorer import db, ui
from explorer.i18n import LANGS, t
from explorer.paper import squash
from explorer.vocab import BOTTLENECKS


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    con = db.connect()
    try:
        return {
            "figures": db.figures(con).set_index("id", drop=False),
            "sections": db.sections(con).set_index("id"),
            "links": db.recommendations(con),
        }
    finally:
        con.close()


def run(page: str = "bottlenecks", at: AppTest | None = None, **params: str) -> AppTest:
    return run_page(page, at, **params)


def expected_cards(figures: pd.DataFrame, codes, lang: str) -> list[tuple[str, str]]:
    own = figures[figures["section"].isin(codes) & (figures["kind"] == "bottleneck")]
    return sorted((fig[f"metric_{lang}"], ui.figure_value(fig, lang)) for _, fig in own.iterrows())


def shown_cards(at: AppTest) -> list[tuple[str, str]]:
    return sorted((metric.label, metric.value) for metric in at.metric)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    tables = [frame.value for frame in at.dataframe if column in frame.value.columns]
    assert len(tables) == 1, f"expected one table with column {column!r}, found {len(tables)}"
    return tables[0]


@pytest.mark.parametrize("lang", LANGS)
def test_all_five_bottlenecks_with_their_figures(lang, data):
    at = run(lang=lang)
    assert at.title[0].value == t("bottlenecks.title", lang)
    titles = [f"{code} {data['sections'].at[code, f'title_{lang}']}" for code in BOTTLENECKS]
    assert [header.value for header in at.header] == titles
    assert shown_cards(at) == expected_cards(data["figures"], BOTTLENECKS, lang)
    assert at.selectbox(key="b").value == "all"
    summaries = {t(f"bottlenecks.summary.{code}", lang) for code in BOTTLENECKS}
    assert summaries <= {block.value for block in at.markdown}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", BOTTLENECKS)
def test_the_url_picks_one_bottleneck(lang, code, data):
    at = run(lang=lang, b=code)
    assert at.selectbox(key="b").value == code
    assert [header.value for header in at.header] == [f"{code} {data['sections'].at[code, f'title_{lang}']}"]
    assert shown_cards(at) == expected_cards(data["figures"], [code], lang)
    assert not at.warning


@pytest.mark.parametrize("lang", LANGS)
def test_each_block_links_to_its_measures_and_figures(lang, data):
    at = run(lang=lang)
    assert links_to(at, "recommendations") == [{"lang": [lang], "b": [code]} for code in BOTTLENECKS]
    assert [link for link in links_to(at, "figures") if "section" in link] == [
        {"lang": [lang], "section": [code]} for code in BOTTLENECKS
    ]


@pytest.mark.parametrize("code", BOTTLENECKS)
def test_the_measures_named_are_those_of_the_mapping(code, data):
    at = run(lang="en", b=code)
    prefix = t("bottlenecks.addressed_by", "en", measures="")
    (line,) = [block.value for block in at.markdown if block.value.startswith(prefix)]
    linked = data["links"][data["links"]["bottleneck"] == code]
    named = {part.split(" ")[0] for part in line.removeprefix(prefix).split("; ")}
    assert named == set(linked["measure"])
    for _, row in linked.iterrows():
        assert (
            f"{row['measure']} {row['measure_title_en']} ({t('recommendations.strength.' + row['strength'], 'en')})"
            in line
        )


@pytest.mark.parametrize("lang", LANGS)
def test_os_localisation_is_shown_as_a_bound_not_a_point(lang, data):
    at = run(lang=lang, b="2.1")
    fig = data["figures"].loc["os_localisation_rate"]
    table = table_with(at, t("bottlenecks.os.segment", lang))
    shown = table[t("col.value", lang)].tolist()
    assert shown[0] == ui.figure_value(fig, lang)
    assert shown[0].startswith("<")
    assert shown[1] == f"> {ui.format_number(100 - fig['value'])} %"
    assert set(table[t("col.quote", lang)]) == {fig["quote_zh"]}


@pytest.mark.parametrize("lang", LANGS)
def test_compute_and_sme_tables_show_the_papers_values(lang, data):
    figures = data["figures"]
    at = run(lang=lang, b="2.2")
    compute = table_with(at, t("bottlenecks.compute.group", lang)).set_index(t("col.id", lang))
    assert set(compute.index) == {
        "machine_rooms_over_5y_share",
        "machine_rooms_over_15y_share",
        "dc_power_cost_share_max",
        "gd_dc_utilisation_gate",
    }
    for fig_id, row in compute.iterrows():
        assert row[t("col.value", lang)] == ui.figure_value(figures.loc[fig_id], lang)
        assert row[t("col.quote", lang)] == figures.at[fig_id, "quote_zh"]

    at = run(lang=lang, b="2.3")
    tables = [frame.value for frame in at.dataframe if t("col.id", lang) in frame.value.columns]
    sme = next(frame for frame in tables if "sme_dt_participation_share" in set(frame[t("col.id", lang)]))
    assert set(sme[t("col.section", lang)]) == {"1.3", "2.3"}, "the SME chart says which section each share is from"
    for _, row in sme.iterrows():
        assert row[t("col.value", lang)] == ui.figure_value(figures.loc[row[t("col.id", lang)]], lang)
    assert t("bottlenecks.sme.caption", lang) in {caption.value for caption in at.caption}


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_market_gaps_are_quoted_from_section_2_4(lang, data):
    at = run(lang=lang, b="2.4")
    assert not at.metric
    assert t("bottlenecks.no_figures", lang) in [info.value for info in at.info]
    quotes = [block.value.removeprefix("> ") for block in at.markdown if block.value.startswith("> ")]
    assert len(quotes) == 4
    body = squash(data["sections"].at["2.4", "text_zh"])
    assert all(squash(quote) in body for quote in quotes)
    assert [squash(quote)[:2] for quote in quotes] == ["一是", "二是", "三是", "四是"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("bad", ["9.9", "<script>alert(1)</script>", "2.1,2.2"])
def test_a_bad_value_gives_a_notice_and_all_five(lang, bad, data):
    at = run(lang=lang, b=bad)
    assert len(at.warning) == 1
    assert at.warning[0].value == t("notice.bad_param", lang, key="b", value=bad, used="all")
    assert at.selectbox(key="b").value == "all"
    assert len(at.header) == len(BOTTLENECKS)


def test_a_link_from_recommendations_opens_its_bottleneck():
    at = run("recommendations", lang="en", b="2.2,2.5")
    at.query_params["b"] = "2.4"  # what the "See bottleneck 2.4" link carries
    at = run(at=at)
    assert at.selectbox(key="b").value == "2.4"
    assert len(at.header) == 1
