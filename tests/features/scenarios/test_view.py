"""features.scenarios.view as functions: sliders, KPI cards, the outcome and tornado charts, the results table."""

import pandas as pd
import pytest
from chart_checks import legend_swatches

from explorer import charts, model
from explorer.core import formatting, vocab
from explorer.core.i18n import LANGS, t
from explorer.data import gateway as db
from explorer.features.scenarios import cards as cards_view
from explorer.features.scenarios import view
from explorer.features.scenarios.cards import COST_OUTCOMES, KPI_OUTCOMES
from explorer.features.scenarios.results import (
    MODEL_GROUPS,
    PEER_OUTCOMES,
    TARGET_MARKERS,
    end_year_deltas,
    paper_levers,
    sensitivity_of_change,
)
from explorer.model.peers import observed_series


@pytest.fixture(scope="module")
def data():
    """Return the figures and the benchmark rows as the app reads them."""
    con = db.connect()
    try:
        return db.figures(con), db.benchmarks(con, None)
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(params):
    """Return a scenario, its baseline (central runs) and the peers' paths to the scenario's horizon."""
    levers = model.PRESETS["aggressive_buildout"]
    return levers, model.project_central(levers, params), model.project_central(paper_levers(levers.horizon), params)


def _peers(data, params, horizon: int) -> pd.DataFrame:
    _, benchmarks = data
    return model.peer_paths(benchmarks, horizon, PEER_OUTCOMES, draws=100, seed=0)


@pytest.mark.parametrize("lang", LANGS)
def test_every_outcome_has_a_unit_label(lang, outcomes, units):
    for code, unit in model.OUTCOMES.items():
        expected = units.at[unit, "label_zh" if lang == "zh" else "symbol_en"]
        assert view.unit_label(code, outcomes, lang) == ("" if vocab.UNITS[unit].kind == "bare" else expected), code
    assert view.unit_label("fiscal_cost_cum", outcomes, "en") != view.unit_label("fiscal_cost", outcomes, "en")


# Written by hand: yuan in ¥ bn in English (never "100 million yuan"), as printed in Chinese, PUE bare.
SHOWN_UNITS = [
    ("core_va", "en", "¥ bn", 0.1),
    ("core_va", "zh", "亿元", 1.0),
    ("fiscal_cost_cum", "en", "¥ bn, cumulative", 0.1),
    ("dc_power_cost", "en", "¥ bn per year", 0.1),
    ("dc_pue_fleet", "en", "", 1.0),
    ("dc_pue_fleet", "zh", "", 1.0),
    ("dc_power_gwh", "en", "GWh per year", 1.0),
]


@pytest.mark.parametrize(("code", "lang", "unit", "factor"), SHOWN_UNITS)
def test_an_outcome_is_shown_in_the_unit_a_reader_writes(code, lang, unit, factor, outcomes):
    assert view.unit_label(code, outcomes, lang) == unit
    assert view.unit_factor(code, outcomes, lang) == factor


def test_paper_levers_are_the_baseline_to_the_scenarios_horizon():
    assert paper_levers(2035) == model.Levers(**{**vars(model.baseline()), "horizon": 2035})
    assert paper_levers(model.baseline().horizon) == model.baseline()


@pytest.mark.parametrize("lang", LANGS)
def test_lever_groups_cover_every_lever_once_with_its_bounds(data, params, lang):
    figures, _ = data
    groups = view.lever_groups(figures, params, lang)
    sliders = [lever for _, group in groups for lever in group]
    assert [lever.name for lever in sliders] == [*model.LEVER_NAMES, "horizon"]
    assert groups[-1][0] == t("scenarios.group.horizon", lang)
    for lever in sliders:
        assert (lever.low, lever.high, lever.step) == model.Levers.BOUNDS[lever.name]
        assert lever.label == view.lever_label(lever.name, params, lang)
    by_name = {lever.name: lever for lever in sliders}
    assert by_name["horizon"].help is None
    # Issue 23: "117000" on the slider. A printf format cannot group thousands; "localized" writes the reader's.
    formats = {"dc_pue": "%.2f", "horizon": None}
    assert {lever.name: lever.format for lever in sliders} == {name: formats.get(name, "localized") for name in by_name}
    assert t("preset.no_new_capacity", lang) in by_name["dc_racks"].note  # what 0 racks a year means
    assert by_name["xc_national"].note == t("lever.xc_national.note", lang)
    assert t("preset.city_plan", lang) in by_name["dc_power"].note  # the preset that allocates power
    assert t("preset.aggressive_buildout", lang) in by_name["dc_power"].note  # and the one that does not
    assert [lever.name for lever in sliders if lever.note] == ["dc_racks", "dc_power", "xc_national"]


def test_the_rack_lever_states_the_parameter_sheets_rack_power(params):
    kw = params.set_index("id").at["dc_rack_kw", "central"]
    assert view.lever_label("dc_racks", params, "en") == t("lever.dc_racks.kw", "en", kw=formatting.format_number(kw))
    assert f"{formatting.format_number(kw)} kW" in view.lever_label("dc_racks", params, "zh")
    moved = params.copy()
    moved.loc[moved["id"] == "dc_rack_kw", ["low", "central", "high"]] = 6.0
    assert "(6 kW)" in view.lever_label("dc_racks", moved, "en")
    assert view.lever_label("xc_share", params, "en") == t("lever.xc_share", "en")


def test_lever_help_quotes_the_papers_figure(data):
    figures, _ = data
    rows = figures.set_index("id")
    for spec in model.LEVERS:
        fig_id, text = spec.paper_figure, view.lever_help(spec.name, figures, "en")
        if fig_id is None:
            assert text == t("lever.no_paper_value", "en")
        else:
            assert rows.at[fig_id, "quote_zh"] in text
            assert text.endswith(rows.at[fig_id, "quote_en"])  # issue 23: the English page had the Chinese only
            assert formatting.figure_value(rows.loc[fig_id], "en") in text
            assert view.lever_help(spec.name, figures, "zh").endswith(rows.at[fig_id, "quote_zh"])


# Written by hand: the decimals a slider shows, thousands separated, and a year without a separator.
LEVER_VALUES = [("dc_racks", 117_000, "117,000"), ("dc_pue", 1.2, "1.20"), ("talent_subsidy", 60_000.0, "60,000")]


@pytest.mark.parametrize(("name", "value", "shown"), [*LEVER_VALUES, ("horizon", 2030, "2030")])
def test_a_lever_value_is_written_as_its_slider_shows_it(name, value, shown):
    assert view.lever_value(name, value) == shown


def test_a_preset_change_lists_only_the_levers_it_moved_before_and_after(params):
    before = model.Levers(**{**vars(model.baseline()), "xc_share": 100.0, "horizon": 2035})
    lines = view.preset_changes(before, model.PRESETS["talent_push"], params, "en")
    assert lines == [
        f"{t('lever.xc_share', 'en')}: 100 → 40",
        f"{t('lever.talent_subsidy', 'en')}: 30,000 → 96,000",
        f"{t('lever.talent_quota', 'en')}: 10,000 → 30,000",
        f"{t('lever.horizon', 'en')}: 2035 → 2030",
    ]
    assert view.preset_changes(before, before, params, "zh") == []


@pytest.mark.parametrize("lang", LANGS)
def test_cards_show_the_end_year_median_in_a_compact_unit(runs, lang, outcomes, params):
    levers, scenario, base = runs
    paired = model.project_delta(levers, params, draws=200, seed=1)
    deltas = end_year_deltas(scenario, base, paired, levers.horizon)
    cards = cards_view.kpis(deltas, outcomes, lang)
    assert [card.label for card in cards] == [outcomes.at[code, f"label_{lang}"] for code in KPI_OUTCOMES]
    for code, card in zip(KPI_OUTCOMES, cards):
        value = scenario[(scenario["year"] == levers.horizon) & (scenario["indicator"] == code)]["p50"].item()
        assert card.value == cards_view.card_value(value, code, outcomes, lang)


def _one_row(delta: float, baseline: float, p10: float, p90: float, code: str = "core_va") -> pd.DataFrame:
    """Return one outcome's row of end_year_deltas: medians and the paired change (median, p10, p90)."""
    return pd.DataFrame(
        {
            "scenario": [baseline + delta],
            "baseline": [baseline],
            "delta": [delta],
            "delta_p10": [p10],
            "delta_p90": [p90],
        },
        index=[code],
    )


def test_a_card_gives_the_change_with_its_unit_percent_and_band(outcomes):
    deltas = _one_row(492.0, 14_800.0, 316.0, 683.0)
    card = cards_view.card("core_va", deltas, outcomes, "zh")
    assert card.value == "1.53 万亿元"
    assert card.delta == "+492 亿元 (+3.3 %)"  # a change at three significant figures: centre and band alike
    assert card.band == "p10–p90：+316 亿元 至 +683 亿元"
    assert card.arrow == "auto"


def test_a_zero_change_has_no_arrow_and_no_band(outcomes):
    deltas = _one_row(0.0, 14_800.0, 0.0, 0.0)
    card = cards_view.card("core_va", deltas, outcomes, "en")
    assert (card.delta, card.band, card.arrow) == ("no change", None, "off")
    assert "↑" not in cards_view.cards_html([card]) and "↓" not in cards_view.cards_html([card])


def test_a_share_changes_in_percentage_points(outcomes):
    deltas = _one_row(0.7, 30.1, 0.5, 0.9, code="core_va_share")
    card = cards_view.card("core_va_share", deltas, outcomes, "en")
    assert card.delta == "+0.7 pp" and card.band == "p10–p90: +0.5 to +0.9"


def _racks_rows(installed: tuple[float, float], unmet: float, elsewhere: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2022, 2030, 2030, 2030],
            "indicator": ["dc_racks_total", "dc_racks_total", "dc_unmet", "dc_served_elsewhere"],
            "p50": [*installed, unmet, elsewhere],
        }
    )


def test_the_racks_card_sets_racks_approved_against_the_quota_and_shows_the_demand_unmet(outcomes):
    """Issue 23: the quota (lever × years) was called the racks "asked for", and unmet demand was not shown."""
    levers = model.PRESETS["city_plan"]  # a quota of 117,000 a year, 2023-2030: 936,000
    card = cards_view.racks_card(_racks_rows((150_000.0, 409_320.0), 52_000.0, 31_000.0), levers, outcomes, "en")
    assert card.label == "Racks approved 2023–2030"
    assert card.value == "260,000 racks"  # a model count: two significant figures
    assert card.delta == "28 % of a quota of 936,000 racks (medians)"  # the levers' own number: exact
    assert "asked" not in card.delta
    assert (
        card.note == "Demand unmet in Shenzhen in 2030: 52,000 racks, of which 31,000 racks served elsewhere (medians)"
        and card.band is None
    )
    zh = cards_view.racks_card(_racks_rows((150_000.0, 409_320.0), 52_000.0, 31_000.0), levers, outcomes, "zh")
    assert "配额" in zh.delta and "申请" not in zh.delta


def test_the_racks_card_counts_from_the_lever_start_year(outcomes):
    """Issue 21: the levers act from the first unpublished year; approvals before it are the paper's, so the card
    counts the stock's growth from the year before the start and the quota over the start year to the horizon."""
    levers = model.PRESETS["city_plan"]
    rows = pd.DataFrame(
        {
            "year": [2022, 2024, 2030, 2030, 2030],
            "indicator": ["dc_racks_total", "dc_racks_total", "dc_racks_total", "dc_unmet", "dc_served_elsewhere"],
            "p50": [150_000.0, 164_000.0, 409_320.0, 52_000.0, 31_000.0],
        }
    )
    card = cards_view.racks_card(rows, levers, outcomes, "en", start=2025)
    assert card.label == "Racks approved 2025–2030"
    assert card.value == "250,000 racks"  # 409,320 − 164,000, two significant figures
    assert card.delta == "35 % of a quota of 702,000 racks (medians)"  # 117,000 × 6 years


def test_under_a_moratorium_the_racks_card_says_the_quota_is_zero_and_the_demand_goes_unmet(outcomes):
    levers = model.PRESETS["no_new_capacity"]
    card = cards_view.racks_card(_racks_rows((150_000.0, 150_000.0), 117_000.0, 70_000.0), levers, outcomes, "en")
    assert card.value == "0 racks"
    assert card.delta == "the quota is 0: no new racks"
    assert card.note.startswith("Demand unmet in Shenzhen in 2030: 120,000 racks")  # two figures


def test_the_fiscal_cost_cards_add_up_to_the_yearly_total_and_the_electricity_bill_is_not_one_of_them(runs, outcomes):
    """The third walk: under "Costs in 2030" the cards added to 55.3 亿元 (two fiscal parts and the operators'
    electricity bill) beside a fiscal cost of 41.6 a year, whose Xinchuang running part had no card."""
    levers, scenario, _ = runs
    end = scenario[scenario["year"] == levers.horizon].set_index("indicator")["p50"]
    fiscal = [
        code for code in COST_OUTCOMES if code.startswith("fiscal_") and code not in ("fiscal_cost", "fiscal_cost_cum")
    ]
    assert end["fiscal_xc_running"] > 0  # a part that had no card
    assert sum(end[code] for code in fiscal) == pytest.approx(end["fiscal_cost"], rel=1e-9)
    assert {"fiscal_cost", "fiscal_cost_cum", "dc_power_cost"} <= set(COST_OUTCOMES)
    for lang, words in (("en", "not fiscal"), ("zh", "非财政")):
        assert words in outcomes.at["dc_power_cost", f"label_{lang}"]


def test_the_racks_card_follows_the_cost_cards(runs, outcomes, params):
    levers, scenario, base = runs
    paired = model.project_delta(levers, params, draws=200, seed=1)
    deltas = end_year_deltas(scenario, base, paired, levers.horizon)
    labels = [card.label for card in cards_view.cost_cards(deltas, scenario, levers, outcomes, "en")]
    assert len(labels) == len(COST_OUTCOMES) + 1 and labels[-1].startswith("Racks approved")


def test_card_html_escapes_text_and_shows_an_arrow_with_the_sign():
    text = cards_view.cards_html([cards_view.Kpi("<b>x</b>", "1 %", "-2 %", None, "auto")])
    assert "&lt;b&gt;" in text and "<b>" not in text and "↓ -2 %" in text


def test_warnings_are_keyed_by_the_lever_that_caused_them(params):
    found = model.scenario_warnings(model.Levers(**{**vars(model.baseline()), "talent_subsidy": 150_000.0}), params)
    grouped = view.warnings_by_lever(found, params, "en")
    assert "talent_subsidy" in grouped and all(grouped.values())


@pytest.mark.parametrize("outcome", ["core_va", "gdp"])
def test_the_outcome_chart_holds_scenario_baseline_and_same_definition_peers(runs, data, params, outcomes, outcome):
    levers, scenario, base = runs
    figures, _ = data
    peers = _peers(data, params, levers.horizon)
    chart = view.outcome_chart(outcome, scenario, base, peers, figures, outcomes, "en")
    series = chart.table[t("col.series", "en")]
    years = levers.horizon - model.BASE_YEAR + 1
    assert (series == t("scenarios.series.scenario", "en")).sum() == years
    assert (series == t("scenarios.series.baseline", "en")).sum() == years
    same = peers[
        (peers["indicator"] == outcome)
        & (peers["comparability_group"] == MODEL_GROUPS[outcome])
        & peers["city"].isin(vocab.PEER_CITIES)
    ]
    for city in vocab.PEER_CITIES:
        assert (series == t(f"city.{city}", "en")).sum() == int((same["city"] == city).sum())
    if outcome == "gdp":  # both peers publish GDP under one definition: drawn, and projected to the horizon
        assert set(same["city"]) == set(vocab.PEER_CITIES)
        table = chart.table.set_index([t("col.series", "en"), t("col.year", "en")])[t("col.p50", "en")]
        for row in same.itertuples():  # published years as published; extrapolated ones at three figures
            shown = table[(t(f"city.{row.city}", "en"), row.year)]
            if row.basis.startswith("extrapolated"):
                assert shown == float(f"{row.value / 10:.3g}")
            else:
                assert shown == pytest.approx(row.value / 10, rel=1e-12)
        assert same.groupby("city")["year"].max().eq(levers.horizon).all()
        assert chart.captions[-1] == t("scenarios.peers.note", "en")
    else:  # Shenzhen's core value added has no stated classification: no peer shares it, and each is named
        assert same.empty
        assert chart.captions[-2:] == tuple(
            t("scenarios.peers.no_figure", "en", city=t(f"city.{city}", "en")) for city in vocab.PEER_CITIES
        )
    y_title = f"{outcomes.at[outcome, 'label_en']} (¥ bn)"
    assert chart.spec["layer"][0]["encoding"]["y"]["title"] == y_title
    for swatches in legend_swatches(chart.spec):  # issue 23: "Scenario" and "Shenzhen" shared one orange swatch
        assert len(set(swatches.values())) == len(swatches), swatches
    shown = chart.table[series == t("scenarios.series.scenario", "en")][t("col.p50", "en")].tolist()
    model_values = scenario[scenario["indicator"] == outcome]["p50"].tolist()
    assert shown == pytest.approx([value / 10 for value in model_values], rel=5e-3)  # 亿元 → ¥ bn
    assert all(float(f"{value:.3g}") == value for value in shown)  # three significant figures, as the cards


def test_peers_are_solid_with_markers_where_observed_and_dashed_with_a_band_where_extrapolated(outcomes):
    peers = pd.DataFrame(
        {
            "year": [2022, 2023, 2024, 2025, 2023],
            "city": ["beijing", "beijing", "beijing", "beijing", "shanghai"],
            "indicator": ["gdp"] * 5,
            "comparability_group": ["gdp_stats"] * 4 + ["gdp_revised"],
            "value": [100.0, 110.0, 121.0, 133.0, 90.0],
            "p10": [None, None, 115.0, 120.0, None],
            "p90": [None, None, 127.0, 146.0, None],
            "basis": ["observed", "observed", "extrapolated at 10 %/yr", "extrapolated at 10 %/yr", "observed"],
        }
    )
    scenario = pd.DataFrame({"year": [2022], "indicator": ["gdp"], "p10": [1.0], "p50": [2.0], "p90": [3.0]})
    chart = view.outcome_chart("gdp", scenario, scenario, peers, pd.DataFrame(columns=["id"]), outcomes, "zh")
    layers = [layer for layer in chart.spec["layer"] if layer["data"]["name"] == "peers"]
    observed = [layer for layer in layers if layer["transform"] == [{"filter": "!datum.is_extrapolated"}]]
    trend_lines = [layer for layer in layers if layer["mark"]["type"] == "line" and layer not in observed]
    assert observed[0]["mark"]["point"] is True and "strokeDash" not in observed[0]["mark"]
    assert trend_lines[0]["mark"].get("point") is None and trend_lines[0]["mark"]["strokeDash"]
    assert any(layer["mark"]["type"] == "area" for layer in layers)  # the own-trend band
    assert (chart.table[t("col.year", "zh")] == 2023).sum() == 1  # the joining row is not a second 2023 figure


@pytest.mark.parametrize("lang", LANGS)
def test_odds_lines_give_one_sentence_per_peer_in_the_year(lang):
    odds = pd.DataFrame(
        {
            "city": ["beijing", "shanghai", "beijing", "shanghai"],
            "year": [2030, 2030, 2031, 2031],
            "probability": [0.0, 0.4, 1.0, 1.0],
            "status": ["ok", "ok", "ok", "ok"],
        }
    )
    lines = view.odds_lines(odds, 2030, lang)
    assert lines == (
        t(
            "scenarios.peers.odds",
            lang,
            city=t("city.beijing", lang),
            year=2030,
            pct="0",
            words=t("scenarios.likelihood.very_unlikely", lang),
        ),
        t(
            "scenarios.peers.odds",
            lang,
            city=t("city.shanghai", lang),
            year=2030,
            pct="40",
            words=t("scenarios.likelihood.even", lang),
        ),
    )


def test_an_outcome_with_a_paper_target_gets_its_marker_and_caveat(runs, data, params, outcomes):
    levers, scenario, base = runs
    figures, _ = data
    outcome = "dc_racks_total"
    fig = figures.set_index("id").loc[TARGET_MARKERS[outcome]]
    chart = view.outcome_chart(outcome, scenario, base, _peers(data, params, levers.horizon), figures, outcomes, "en")
    marker = chart.table[chart.table[t("col.series", "en")].str.startswith("Paper's")]
    assert marker[t("col.series", "en")].tolist() == ["Paper's 2025 target: ≥ 21,000 standard racks"]
    assert marker[t("col.year", "en")].tolist() == [int(fig["year"])]
    assert marker[t("col.p50", "en")].tolist() == [pytest.approx(fig["value"] * 1e4)]
    assert chart.captions[0] == t("scenarios.target.caveat", "en", caveat=outcomes.at[outcome, "target_caveat_en"])
    assert list(chart.captions[1:]) == [
        t("scenarios.peers.no_figure", "en", city=t(f"city.{city}", "en")) for city in vocab.PEER_CITIES
    ]


# Written by hand: the paper's Xinchuang target (不低于 40 %) names no year, so no year may appear for it.
UNDATED_TARGET_CAPTIONS = {
    "en": "The paper sets a target of ≥ 40 % without a year, so the chart marks no date for it; the target and "
    "the model's indicator also differ in scope: the paper's target is a share of purchases; the model shows the "
    "domestic share of the installed base.",
    "zh": "论文设定的目标为 ≥ 40 %，但未写明年份，故图中不标注其时间点；目标与模型指标口径也不完全相同："
    "论文目标是采购比例，模型为已装机基础中的国产占比。",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_target_with_no_year_gets_no_dated_marker_and_a_caption_that_says_so(runs, data, params, outcomes, lang):
    levers, scenario, base = runs
    figures, _ = data
    outcome = "xc_domestic_share"
    assert pd.isna(figures.set_index("id").at[TARGET_MARKERS[outcome], "year"])  # the case under test
    chart = view.outcome_chart(outcome, scenario, base, _peers(data, params, levers.horizon), figures, outcomes, lang)
    assert "target" not in chart.spec["datasets"]
    series = chart.table[t("col.series", lang)]
    assert set(series) == {t("scenarios.series.scenario", lang), t("scenarios.series.baseline", lang)}
    assert chart.captions[0] == UNDATED_TARGET_CAPTIONS[lang]


def test_the_tornado_shows_only_parameters_that_move_the_outcome(runs, params, outcomes):
    levers, _, _ = runs
    sensitivity = model.tornado(levers, params, "core_va", levers.horizon)
    chart = view.tornado_chart(sensitivity, params, outcomes, "core_va", levers.horizon, "zh")
    moving = sensitivity[sensitivity["swing"] > 0]
    assert len(chart.table) == min(view.TORNADO_ROWS, len(moving))
    labels = params.set_index("id")["label_zh"]
    assert (
        chart.table[t("col.parameter", "zh")].tolist() == labels[moving["parameter"].head(view.TORNADO_ROWS)].tolist()
    )
    flat = sensitivity.assign(swing=0.0)
    assert view.tornado_chart(flat, params, outcomes, "core_va", levers.horizon, "zh") is None


@pytest.mark.parametrize("lang", LANGS)
def test_warning_texts_name_the_lever_and_the_numbers(params, lang):
    found = [
        model.ScenarioWarning("low_utilisation", "dc_util_gate", 2027, 35.5, 40.0),
        model.ScenarioWarning("subsidy_evidence", "talent_subsidy", 2023, 150_000.0, 100_000.0),
    ]
    texts = view.warning_texts(found, params, lang)
    assert len(texts) == 2
    assert view.lever_label("dc_util_gate", params, lang) in texts[0] and "2027" in texts[0] and "35.5" in texts[0]
    (noisy,) = view.warning_texts(
        [model.ScenarioWarning("low_utilisation", "dc_util_gate", 2024, 35.0971, 40)], params, lang
    )
    assert "35.1" in noisy and "35.0971" not in noisy  # a model output at three significant figures (issue 23)
    assert view.lever_label("talent_subsidy", params, lang) in texts[1] and "150,000" in texts[1]
    assert view.warning_texts([], params, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_why_it_moved_reports_the_paired_band_and_the_groups(outcomes, lang):
    """The change, its band and the parts, written as a change is (three figures) and adding up as printed."""
    deltas = _one_row(-55.3, 14_800.0, -160.0, 3.82)
    text = view.why_it_moved(deltas, _parts(-113.6, 13.0, 45.3), "core_va", outcomes, 2030, lang)
    numbers = {
        # the change as on its card; the parts at three figures of the largest (−113.6 → the ones) and their sum
        "zh": ["-55.3 亿元", "-160 亿元", "+3.82 亿元", "-113 亿元", "+13 亿元", "+45 亿元", "-55 亿元"],
        "en": ["-¥5.53 bn", "-¥16.0 bn", "+¥0.38 bn", "-¥11.3 bn", "+¥1.3 bn", "+¥4.5 bn", "-¥5.5 bn"],
    }[lang]
    assert all(number in text for number in numbers), (numbers, text)
    assert "113.6" not in text and "11.36" not in text  # not four figures beside three on the cards
    assert outcomes.at["core_va", f"label_{lang}"] in text and "2030" in text
    assert "100 million" not in text


def test_why_it_moved_says_when_nothing_moves(outcomes):
    text = view.why_it_moved(_one_row(0.0, 14_800.0, 0.0, 0.0), _parts(0.0, 0.0, 0.0), "core_va", outcomes, 2030, "en")
    assert text == t("scenarios.why.flat", "en", indicator=outcomes.at["core_va", "label_en"], year=2030)


def _parts(dc: float, xc: float, talent: float, national: float = 0.0) -> pd.DataFrame:
    total = dc + xc + national + talent
    return pd.DataFrame(
        {
            "indicator": ["core_va"] * 4,
            "group": ["dc", "xc", "national", "talent"],
            "contribution": [dc, xc, national, talent],
            "total": [total] * 4,
        }
    )


def test_the_waterfall_steps_from_each_group_to_the_total(outcomes):
    deltas = _one_row(31.0, 14_800.0, 20.0, 40.0)
    chart = view.waterfall(_parts(10.0, -4.0, 20.0, 5.0), deltas, "core_va", 2030, outcomes, "en")
    steps = chart.spec["datasets"]["waterfall"]
    assert steps["start"].tolist() == pytest.approx([0.0, 1.0, 0.6, 1.1, 0.0])  # in ¥ bn, as the English axis says
    assert steps["end"].tolist() == pytest.approx([1.0, 0.6, 1.1, 3.1, 3.1])
    assert view.waterfall(_parts(10.0, -4.0, 20.0, 5.0), deltas, "core_va", 2030, outcomes, "zh").spec["datasets"][
        "waterfall"
    ]["end"].tolist() == pytest.approx([10.0, 6.0, 11.0, 31.0, 31.0])  # in 亿元
    assert steps["kind"].tolist() == ["up", "down", "up", "up", "total"]
    assert steps["text"].tolist() == ["+¥1.00 bn", "-¥0.40 bn", "+¥0.50 bn", "+¥2.00 bn", "+¥3.10 bn"]
    assert chart.table[t("col.group", "en")].tolist()[-1] == t("scenarios.waterfall.total", "en")
    assert "+¥3.10 bn" in chart.captions[0]  # the note on how the parts add up names the total


def test_waterfall_labels_add_up_to_the_total_as_printed(outcomes):
    """Rounded one by one, 100.4 + 100.4 + 100.4 print as 100 + 100 + 100 = 300 beside a total of 301: not here."""
    parts, deltas = _parts(100.4, 100.4, 100.4), _one_row(301.2, 14_800.0, 200.0, 400.0)
    chart = view.waterfall(parts, deltas, "core_va", 2030, outcomes, "zh")
    texts = chart.spec["datasets"]["waterfall"]["text"].tolist()
    assert texts == ["+101 亿元", "+100 亿元", "0 亿元", "+100 亿元", "+301 亿元"]  # groups: dc, xc, national, talent


def test_no_waterfall_when_no_group_moves_the_outcome(outcomes):
    assert view.waterfall(_parts(0.0, 0.0, 0.0), _one_row(0.0, 1.0, 0.0, 0.0), "core_va", 2030, outcomes, "zh") is None


def test_cards_carry_scenario_b_and_its_paired_change_against_the_baseline(outcomes):
    cards = [cards_view.Kpi("x", "1", "no change", None, "off"), cards_view.Kpi("y", "2", "no change", None, "off")]
    b = pd.DataFrame({"scenario": [15_000.0, 31.0], "delta": [480.0, 0.0]}, index=["core_va", "core_va_share"])
    shown = cards_view.with_b(cards, ("core_va", "core_va_share"), b, outcomes, "zh")
    assert shown[0].compare == "乙：1.50 万亿元，相对基准 +480 亿元"
    assert shown[1].compare == "乙：31.0 %，相对基准无变化"
    assert "sz-compare" in cards_view.cards_html(shown)
    english = cards_view.with_b(cards, ("core_va",), b, outcomes, "en")
    assert english[0].compare == "B: ¥1.50 tn, +¥48.0 bn against the baseline"


def test_the_outcome_chart_draws_b_as_a_third_series(runs, data, params, outcomes):
    levers, scenario, base = runs
    figures, _ = data
    chart = view.outcome_chart(
        "core_va", scenario, base, _peers(data, params, levers.horizon), figures, outcomes, "en", compare=("Mine", base)
    )
    series = set(chart.table[t("col.series", "en")])
    assert t("scenarios.series.compare", "en", name="Mine") in series
    assert "compare" in set(chart.spec["datasets"]["paths"]["colour"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_sensitivity_bar_has_a_row_tall_enough_for_its_label(runs, params, outcomes, lang):
    levers, _, _ = runs
    chart = view.tornado_chart(
        model.tornado(levers, params, "core_va", levers.horizon), params, outcomes, "core_va", 2030, lang
    )
    bars = chart.spec["datasets"]["tornado"]
    most_lines = bars["axis_label"].str.count("\n").max() + 1
    assert chart.spec["height"] >= 14 * most_lines * bars["label"].nunique()
    assert chart.spec["encoding"]["y"]["axis"]["labelOverlap"] is False  # Vega would otherwise hide labels
    for label, shown in zip(bars["label"], bars["axis_label"]):  # lines break between words, never inside one
        assert shown.split() == label.split() if lang == "en" else shown.replace("\n", "") == label.replace(" ", "")


def test_the_sensitivity_of_the_change_shows_channel_parameters(params, outcomes):
    """At the paper's policy the talent parameters do not move the level's ranking; they move the change."""
    levers = model.PRESETS["talent_push"]
    change = sensitivity_of_change(
        model.tornado(levers, params, "talent_added", 2030),
        model.tornado(paper_levers(2030), params, "talent_added", 2030),
    )
    moving = change[change["swing"] > 1e-9]["parameter"]
    assert moving.str.startswith("talent_").any()
    assert not moving.isin(["gdp_growth"]).any()  # the GDP trend moves both runs alike
    chart = view.tornado_chart(change, params, outcomes, "talent_added", 2030, "en", of="tornado_change")
    assert charts.title_lines(chart.spec["title"])[0].startswith("Sensitivity of the change")


def test_the_results_carry_b_only_when_b_is_compared(runs, data, params, outcomes):
    levers, scenario, base = runs
    model_runs = {
        "scenario": scenario,
        "base": base,
        "deltas": end_year_deltas(
            scenario, base, model.project_delta(levers, params, draws=100, seed=1), levers.horizon
        ),
        "peers": _peers(data, params, levers.horizon),
    }
    common = dict(
        levers=levers,
        outcome="core_va",
        runs=model_runs,
        odds={"gdp": {}, "core_va": {}},
        peer_odds=pd.DataFrame(columns=["year", "city", "probability", "status"]),
        gaps=None,
        parts=model.decompose(levers, params, levers.horizon, draws=100, seed=1),
        sensitivities={"tornado": model.tornado(levers, params, "core_va", levers.horizon)},
        figures=data[0],
        params=params,
        outcomes=outcomes,
        lang="en",
    )
    alone = view.results(**common, compare=None)
    assert alone.shown_headline == alone.headline and all(card.compare is None for card in alone.shown_costs)
    against = view.results(
        **common,
        compare=("Baseline", base, model.project_delta(paper_levers(levers.horizon), params, draws=100, seed=1)),
    )
    assert all(card.compare for card in against.shown_headline) and against.headline == alone.headline
    # B set to the scenario's own levers: B's change is the card's own change, printed the same (one number)
    same = view.results(**common, compare=("Same", scenario, model.project_delta(levers, params, draws=100, seed=1)))
    for card in same.shown_headline:
        if card.arrow == "auto":
            assert card.delta.split(" (")[0] in card.compare, (card.delta, card.compare)
    assert [of for of, _ in against.sensitivities] == ["tornado"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_gdp_chart_draws_shenzhens_published_years_as_published(runs, data, params, outcomes, lang):
    """Issue 23 item 7: Shenzhen's published history was missing from its own chart (its line started in 2022)."""
    levers, scenario, base = runs
    _, benchmarks = data
    peers, no_figures = _peers(data, params, levers.horizon), pd.DataFrame(columns=["id"])
    chart = view.outcome_chart("gdp", scenario, base, peers, no_figures, outcomes, lang)
    own = chart.table[chart.table[t("col.series", lang)] == t("city.shenzhen", lang)]
    published = observed_series(benchmarks, "shenzhen", "gdp", MODEL_GROUPS["gdp"])
    factor = 1.0 if lang == "zh" else 0.1  # 亿元 on the zh axis, ¥ bn on the en one
    assert own[t("col.year", lang)].tolist() == published["year"].tolist() and len(published) >= 5
    assert own[t("col.p50", lang)].tolist() == pytest.approx((published["value"] * factor).tolist())
    spec_colours = chart.spec["layer"][0]["encoding"]["color"]["scale"]
    at = spec_colours["domain"].index(t("city.shenzhen", lang))
    # Shenzhen's colour (a darker shade of the scenario's), not a peer's, and not the scenario's own swatch
    assert spec_colours["range"][at] == view.SERIES_COLOURS["published"] != view.SERIES_COLOURS["scenario"]


def _fan_paths(scenario_end: float) -> pd.DataFrame:
    """Return baseline 100 → 200 over 2024-2030 and a scenario that ends at `scenario_end` (a straight line)."""
    years = list(range(2024, 2031))
    base = [100 + 100 * i / 6 for i in range(7)]
    scen = [b + (scenario_end - 200) * i / 6 for i, b in enumerate(base)]
    rows = [("baseline", year, value) for year, value in zip(years, base)]
    rows += [("scenario", year, value) for year, value in zip(years, scen)]
    frame = pd.DataFrame(rows, columns=["colour", "year", "p50"])
    return frame.assign(p10=frame["p50"] * 0.9, p90=frame["p50"] * 1.1, series=frame["colour"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_projection_points_to_the_change_chart_where_the_lines_lie_on_each_other(lang):
    """The third walk: scenario, baseline and B sat on top of each other on the projection: the effect was invisible
    there, and nothing said it is drawn under "Why it moved"."""
    pointer = [t("scenarios.fan.overlap", lang, tab=t("scenarios.view.why", lang))]
    no_cities = pd.DataFrame(columns=["value"])
    assert view.overlap_caption(_fan_paths(201.0), no_cities, lang) == pointer  # 1 on a range of 130: hidden
    assert view.overlap_caption(_fan_paths(230.0), no_cities, lang) == []  # 30 apart: seen
    assert view.overlap_caption(_fan_paths(200.0), no_cities, lang) == []  # no change: nothing to point to
