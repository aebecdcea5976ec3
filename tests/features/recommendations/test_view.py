"""explorer.features.recommendations.view on the real data: the filter, the heatmap, each measure group's card."""

import pandas as pd
import pytest
from chart_checks import check_chart
from loaded import frames

from explorer.core import formatting
from explorer.core.i18n import LANGS, t
from explorer.core.vocab import BOTTLENECKS, LINK_STRENGTHS, MEASURES
from explorer.features.recommendations import view as views
from explorer.features.scenarios.view import lever_label
from explorer.model.levers import baseline


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return frames()


def label(data, code: str, lang: str) -> str:
    return f"{code} {data['sections'].set_index('id').at[code, f'title_{lang}']}"


def cards(data, lang: str, measures=MEASURES) -> dict[str, views.Measure]:
    shown = views.measure_cards(
        data["recommendations"],
        data["measure_levers"],
        data["figures"],
        data["sections"],
        data["parameters"],
        list(measures),
        lang,
    )
    return {card.code: card for card in shown}


@pytest.mark.parametrize("codes", [[], ["2.1"], ["2.2"], ["2.3"], ["2.4"], ["2.5"], ["2.2", "2.5"]])
def test_the_filter_keeps_the_measures_linked_to_any_chosen_bottleneck(codes, data):
    links = data["recommendations"]
    expected = [m for m in MEASURES if not codes or ((links["measure"] == m) & links["bottleneck"].isin(codes)).any()]
    assert views.measures_for(links, codes) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_the_filter_labels_and_the_count(lang, data):
    labels = views.filter_labels(data["sections"], lang)
    assert labels == {code: label(data, code, lang) for code in BOTTLENECKS}
    links = data["recommendations"]
    assert views.count_text(links, 3, lang) == t(
        "recommendations.count",
        lang,
        count=len(links),
        shown=3,
        total=len(MEASURES),
        links=len(links),
        primary=int((links["strength"] == "primary").sum()),
        secondary=int((links["strength"] == "secondary").sum()),
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_heatmap_has_a_cell_per_measure_and_bottleneck_and_a_row_per_link(lang, data):
    links = data["recommendations"]
    chart = views.heatmap(links, data["sections"], list(MEASURES), ["2.2"], lang)
    check_chart(chart.spec, chart.table)
    cells = chart.spec["datasets"]["cells"]
    assert len(cells) == len(MEASURES) * len(BOTTLENECKS)
    strengths = {(m, b): s for m, b, s in zip(links["measure"], links["bottleneck"], links["strength"])}
    for _, cell in cells.iterrows():
        measure, bottleneck = cell["measure_label"].split(" ")[0], cell["bottleneck_label"].split(" ")[0]
        strength = strengths.get((measure, bottleneck), "none")
        assert cell["strength"] == strength
        assert cell["cell_text"] == ("" if strength == "none" else t(f"recommendations.strength.{strength}", lang))
        assert cell["is_chosen"] == (bottleneck == "2.2")
    table = chart.table
    assert len(table) == len(links)
    pairs = zip(table[t("recommendations.col.measure", lang)], table[t("recommendations.col.bottleneck", lang)])
    assert set(pairs) == {
        (label(data, m, lang), label(data, b, lang)) for m, b in zip(links["measure"], links["bottleneck"])
    }
    assert set(table[t("recommendations.col.quote", lang)]) == set(links["quote_zh"])
    assert set(table[t("recommendations.col.rationale", lang)]) == set(links[f"rationale_{lang}"])
    legend = chart.spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert legend == [t(f"recommendations.strength.{s}", lang) for s in (*LINK_STRENGTHS, "none")]


def test_with_no_filter_every_column_is_chosen(data):
    chart = views.heatmap(data["recommendations"], data["sections"], ["3.1"], [], "en")
    assert chart.spec["datasets"]["cells"]["is_chosen"].all()


@pytest.mark.parametrize("lang", LANGS)
def test_each_card_lists_its_links_primary_first_with_clause_and_rationale(lang, data):
    links = data["recommendations"]
    for code, card in cards(data, lang).items():
        assert card.heading == label(data, code, lang)
        assert card.anchor == f"m{code.replace('.', '-')}"
        assert card.summary == t(f"recommendations.summary.{code}", lang)
        own = links[links["measure"] == code]
        assert sorted(link.bottleneck for link in card.links) == sorted(own["bottleneck"])
        strengths = [own.set_index("bottleneck").at[link.bottleneck, "strength"] for link in card.links]
        assert strengths == sorted(strengths)  # "primary" sorts before "secondary"
        for link, strength in zip(card.links, strengths):
            row = own.set_index("bottleneck").loc[link.bottleneck]
            strength_label = t(f"recommendations.strength.{strength}", lang)
            assert link.heading == f"{label(data, link.bottleneck, lang)} · {strength_label}"
            assert (link.quote, link.rationale) == (row["quote_zh"], row[f"rationale_{lang}"])
            assert link.icon.startswith(":material/radio_button_")


@pytest.mark.parametrize("lang", LANGS)
def test_target_cards_are_the_target_figures_of_their_section(lang, data):
    figures = data["figures"]
    for code, card in cards(data, lang).items():
        own = figures[(figures["section"] == code) & (figures["kind"] == "target")]
        assert card.targets["id"].tolist() == own["id"].tolist()


@pytest.mark.parametrize("lang", LANGS)
def test_scenario_links_carry_the_papers_lever_values(lang, data):
    levers = data["measure_levers"]
    for code, card in cards(data, lang).items():
        own = levers[levers["measure"] == code]
        if own.empty:
            assert card.levers == () and card.scenario_label is None
            continue
        valued = own.dropna(subset=["value"])
        assert card.scenario_params == {"lang": lang} | {r["lever"]: f"{r['value']:g}" for _, r in valued.iterrows()}
        base = baseline()
        if not len(valued):
            note = t("recommendations.open_scenarios.defaults", lang)
        elif all(r["value"] == pytest.approx(getattr(base, r["lever"])) for _, r in valued.iterrows()):
            note = t("recommendations.open_scenarios.baseline", lang)
        else:
            note = None
        # The link's label is short (a phone cut the long one mid-sentence); the note under it says the rest.
        assert (card.scenario_label, card.scenario_note) == (t("recommendations.open_scenarios", lang), note)
        assert len(card.levers) == len(own)
    assert cards(data, lang)["3.6"].scenario_params == {"lang": lang, "dc_pue": "1.25"}, "dc_racks has no value"
    assert cards(data, lang)["3.7"].scenario_params == {"lang": lang}, "the talent levers have no number"
    # Issue 23: 3.5's xc_share 40 is the baseline's, so its link says it opens the baseline.
    assert cards(data, lang)["3.5"].scenario_note == t("recommendations.open_scenarios.baseline", lang)


def test_lever_lines_name_the_lever_and_quote_the_paper_in_each_languages_punctuation(data):
    levers = data["measure_levers"]
    row = levers[(levers["measure"] == "3.6") & levers["value"].notna()].iloc[0]
    # Issue 23: named as its Scenarios slider is (the walk found `xc_share`, then a second name for one lever).
    name = {lang: lever_label(row["lever"], data["parameters"], lang) for lang in LANGS}
    value = formatting.format_number(row["value"])
    (en,) = [lever for lever in cards(data, "en")["3.6"].levers if name["en"] in lever.item]
    (zh,) = [lever for lever in cards(data, "zh")["3.6"].levers if name["zh"] in lever.item]
    # Issue 23: the lever's label, never its internal code (xc_share, dc_pue).
    assert en.item == f"- {name['en']}: **{value}**"
    assert zh.item == f"- {name['zh']}：**{value}**"
    assert not any("`" in lever.item for card in cards(data, "en").values() for lever in card.levers)
    # English pages give the project's translation of the paper's clause beside it.
    assert en.caption == (
        f"{t('word.paper_sentence', 'en')}: “{row['quote_zh']}” (“{row['quote_en']}”) — {row['rationale_en']}"
    )
    assert zh.caption == f"{t('word.paper_sentence', 'zh')}：“{row['quote_zh']}” — {row['rationale_zh']}"
    unvalued = levers[(levers["measure"] == "3.6") & levers["value"].isna()].iloc[0]
    unvalued_name = lever_label(unvalued["lever"], data["parameters"], "en")
    (none,) = [lever for lever in cards(data, "en")["3.6"].levers if unvalued_name in lever.item]
    default = formatting.format_number(getattr(baseline(), unvalued["lever"]))  # the model's, one source
    assert none.item.endswith(f"**{t('recommendations.lever.no_value', 'en', default=default)}**")


@pytest.mark.parametrize("lang", LANGS)
def test_every_clause_has_the_projects_translation_beside_it_on_english_pages(data, lang):
    links = data["recommendations"]
    for code, card in cards(data, lang).items():
        for link in card.links:
            row = links[(links["measure"] == code) & (links["bottleneck"] == link.bottleneck)].iloc[0]
            assert link.quote == row["quote_zh"]
            if lang == "en":
                assert link.translation == t("word.translation", "en", text=row["quote_en"])
                assert not any("\u4e00" <= char <= "\u9fff" for char in row["quote_en"])
            else:
                assert link.translation is None


def test_a_phone_labels_the_heatmaps_columns_by_code(data):
    """Issue 23: at 390 px the five wrapped bottleneck titles overlapped; under 400 px a column shows its code."""
    chart = views.heatmap(data["recommendations"], data["sections"], list(MEASURES), [], "zh")
    expression = chart.spec["encoding"]["x"]["axis"]["labelExpr"]
    assert expression.startswith("width < 400 ? ")
    columns = chart.spec["datasets"]["cells"]["column"].unique()
    assert {label.split("\n")[0].split(" ")[0] for label in columns} == set(BOTTLENECKS)
