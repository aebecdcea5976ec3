"""Recommendations page (AppTest): the mapping heatmap, the `b` filter, measure cards with targets and lever links."""

import pandas as pd
import pytest
from apptest import links_to, run_page
from streamlit.testing.v1 import AppTest

from explorer import db, ui
from explorer.i18n import LANGS, t
from explorer.vocab import MEASURES


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    con = db.connect()
    try:
        return {
            "figures": db.figures(con),
            "sections": db.sections(con).set_index("id"),
            "links": db.recommendations(con),
            "levers": db.measure_levers(con),
        }
    finally:
        con.close()


def run(page: str = "recommendations", at: AppTest | None = None, **params: str) -> AppTest:
    return run_page(page, at, **params)


def label(data, code: str, lang: str) -> str:
    return f"{code} {data['sections'].at[code, f'title_{lang}']}"


def measures_for(data, codes) -> list[str]:
    linked = set(data["links"].loc[data["links"]["bottleneck"].isin(codes), "measure"])
    return [code for code in MEASURES if code in linked]


def mapping_table(at: AppTest, lang: str) -> pd.DataFrame:
    column = t("recommendations.col.rationale", lang)
    (table,) = [frame.value for frame in at.dataframe if column in frame.value.columns]
    return table


@pytest.mark.parametrize("lang", LANGS)
def test_all_eight_measures_and_every_link(lang, data):
    at = run(lang=lang)
    assert at.title[0].value == t("recommendations.title", lang)
    assert [sub.value for sub in at.subheader] == [label(data, code, lang) for code in MEASURES]
    table = mapping_table(at, lang)
    links = data["links"]
    assert len(table) == len(links)
    assert set(
        zip(table[t("recommendations.col.measure", lang)], table[t("recommendations.col.bottleneck", lang)])
    ) == {(label(data, m, lang), label(data, b, lang)) for m, b in zip(links["measure"], links["bottleneck"])}
    assert set(table[t("recommendations.col.quote", lang)]) == set(links["quote_zh"])
    assert set(table[t("recommendations.col.rationale", lang)]) == set(links[f"rationale_{lang}"])
    strengths = {t(f"recommendations.strength.{s}", lang) for s in links["strength"]}
    assert set(table[t("recommendations.col.strength", lang)]) == strengths
    shown_quotes = {block.value.removeprefix("> ") for block in at.markdown if block.value.startswith("> ")}
    assert set(links["quote_zh"]) <= shown_quotes


@pytest.mark.parametrize("lang", LANGS)
def test_target_cards_show_the_figures_of_their_section(lang, data):
    at = run(lang=lang)
    targets = data["figures"][data["figures"]["section"].isin(MEASURES) & (data["figures"]["kind"] == "target")]
    expected = sorted((fig[f"metric_{lang}"], ui.figure_value(fig, lang)) for _, fig in targets.iterrows())
    assert sorted((metric.label, metric.value) for metric in at.metric) == expected
    without = [code for code in MEASURES if code not in set(targets["section"])]
    notes = [caption.value for caption in at.caption if caption.value == t("recommendations.no_targets", lang)]
    assert len(notes) == len(without)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("codes", [["2.1"], ["2.2"], ["2.3"], ["2.4"], ["2.5"], ["2.2", "2.5"]])
def test_the_url_filters_measures_by_bottleneck(lang, codes, data):
    at = run(lang=lang, b=",".join(codes))
    assert not at.warning
    assert at.multiselect(key="b").value == codes
    measures = measures_for(data, codes)
    assert [sub.value for sub in at.subheader] == [label(data, code, lang) for code in measures]
    links = data["links"]
    count = t(
        "recommendations.count",
        lang,
        shown=len(measures),
        total=len(MEASURES),
        links=len(links),
        primary=int((links["strength"] == "primary").sum()),
        secondary=int((links["strength"] == "secondary").sum()),
    )
    assert count in [caption.value for caption in at.caption]


@pytest.mark.parametrize("lang", LANGS)
def test_scenario_links_carry_the_papers_lever_values(lang, data):
    at = run(lang=lang)
    levers = data["levers"]
    expected = []
    for code in MEASURES:
        own = levers[levers["measure"] == code]
        if own.empty:
            continue
        valued = own.dropna(subset=["value"])
        expected.append({"lang": [lang]} | {row["lever"]: [f"{row['value']:g}"] for _, row in valued.iterrows()})
    assert links_to(at, "scenarios") == expected
    assert {"lang": [lang], "dc_pue": ["1.25"]} in expected, "3.6 links PUE 1.25 (dc_racks has no value)"
    assert {"lang": [lang]} in expected, "3.7's talent levers have no number in the paper"


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_points_back_at_its_bottleneck(lang, data):
    at = run(lang=lang)
    back = links_to(at, "bottlenecks")
    assert sorted(link["b"][0] for link in back) == sorted(data["links"]["bottleneck"])
    assert all(link["lang"] == [lang] for link in back)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("bad", ["2.9", "2.4,zz", "<b>x</b>"])
def test_a_bad_filter_gives_a_notice_and_everything(lang, bad, data):
    at = run(lang=lang, b=bad)
    assert len(at.warning) == 1
    assert at.warning[0].value == t("notice.bad_param", lang, key="b", value=bad, used=[])
    assert at.multiselect(key="b").value == []
    assert len(at.subheader) == len(MEASURES)


def test_a_link_from_bottlenecks_keeps_its_filter(data):
    at = run("bottlenecks", lang="en", b="2.2")
    at.query_params["b"] = "2.2"  # what the "Measures against 2.2" link carries
    at = run(at=at)
    assert at.multiselect(key="b").value == ["2.2"]
    assert [sub.value for sub in at.subheader] == [label(data, code, "en") for code in measures_for(data, ["2.2"])]
