"""explorer.views.scenarios as functions: sliders, KPI cards, the outcome and tornado charts, the results table."""

import pandas as pd
import pytest

from explorer import db, formatting, model, vocab
from explorer.i18n import LANGS, t
from explorer.scenarios import (
    KPI_INDICATORS,
    LEVER_FIGURES,
    MODEL_GROUPS,
    PEER_INDICATORS,
    TARGET_MARKERS,
    end_year_deltas,
    paper_levers,
)
from explorer.views import scenarios as view


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
    return model.peer_paths(benchmarks, horizon, PEER_INDICATORS, draws=100, seed=0)


@pytest.mark.parametrize("lang", LANGS)
def test_every_outcome_has_a_unit_label(lang, outcomes, units):
    for code, unit in model.INDICATORS.items():
        expected = units.at[unit, "label_zh" if lang == "zh" else "symbol_en"]
        assert view.unit_label(code, outcomes, lang) == ("" if unit in vocab.UNITLESS_UNITS else expected), code
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
    assert [lever.name for lever in sliders] == [*vocab.POLICY_LEVERS, "horizon"]
    assert groups[-1][0] == t("scenarios.group.horizon", lang)
    for lever in sliders:
        assert (lever.low, lever.high, lever.step) == model.Levers.BOUNDS[lever.name]
        assert lever.label == view.lever_label(lever.name, params, lang)
    by_name = {lever.name: lever for lever in sliders}
    assert by_name["horizon"].help is None
    assert by_name["dc_pue"].format == "%.2f"
    assert by_name["dc_racks"].note == t("lever.racks_note", lang)
    assert [lever.name for lever in sliders if lever.note] == ["dc_racks"]


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
    for name, fig_id in LEVER_FIGURES.items():
        text = view.lever_help(name, figures, "en")
        if fig_id is None:
            assert text == t("lever.no_paper_value", "en")
        else:
            assert text.endswith(rows.at[fig_id, "quote_zh"])
            assert formatting.figure_value(rows.loc[fig_id], "en") in text


@pytest.mark.parametrize("lang", LANGS)
def test_kpis_show_the_scenarios_end_year_median_with_its_unit(runs, lang, outcomes):
    levers, scenario, base = runs
    deltas = end_year_deltas(scenario, base, levers.horizon)
    cards = view.kpis(deltas, outcomes, lang)
    assert [card.label for card in cards] == [outcomes.at[code, f"label_{lang}"] for code in KPI_INDICATORS]
    for code, card in zip(KPI_INDICATORS, cards):
        value = scenario[(scenario["year"] == levers.horizon) & (scenario["indicator"] == code)]["p50"].item()
        if outcomes.at[code, "unit"].startswith("yi_yuan") and lang == "en":
            number, magnitude = card.value.removeprefix("¥").split()[:2]
            assert magnitude.rstrip(",") in ("bn", "tn"), card.value
            in_yi = float(number.replace(",", "")) * (1e4 if magnitude.startswith("tn") else 10)
            assert in_yi == pytest.approx(value, rel=1e-3)
            assert "100 million" not in card.value
            continue
        unit = view.unit_label(code, outcomes, lang)
        assert card.value == f"{formatting.format_number(round(value, 2))} {unit}".strip()
        delta = card.delta.removesuffix(unit).strip().replace(",", "")
        assert float(delta) == pytest.approx(deltas.loc[code, "delta"], abs=0.005)
    compute = cards[KPI_INDICATORS.index("compute_eflops")]
    assert compute.delta.startswith("+")  # the build-out adds compute


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
        assert same.groupby("city")["year"].max().eq(levers.horizon).all()
        assert chart.captions[-1] == t("scenarios.peers.note", "en")
    else:  # Shenzhen's core value added has no stated classification: no peer shares it
        assert same.empty
        assert chart.captions[-1] == t("scenarios.peers.none", "en")
    y_title = f"{outcomes.at[outcome, 'label_en']} (¥ bn)"
    assert chart.spec["layer"][0]["encoding"]["y"]["title"] == y_title
    shown = chart.table[series == t("scenarios.series.scenario", "en")][t("col.p50", "en")].tolist()
    model_values = scenario[scenario["indicator"] == outcome]["p50"].tolist()
    assert shown == pytest.approx([value / 10 for value in model_values])  # 亿元 → ¥ bn


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
        t("scenarios.peers.odds", lang, city=t("city.beijing", lang), year=2030, pct="0"),
        t("scenarios.peers.odds", lang, city=t("city.shanghai", lang), year=2030, pct="40"),
    )


def test_an_outcome_with_a_paper_target_gets_its_marker_and_caveat(runs, data, params, outcomes):
    levers, scenario, base = runs
    figures, _ = data
    outcome = "dc_racks_total"
    fig = figures.set_index("id").loc[TARGET_MARKERS[outcome]]
    chart = view.outcome_chart(outcome, scenario, base, _peers(data, params, levers.horizon), figures, outcomes, "en")
    marker = chart.table[chart.table[t("col.series", "en")].str.startswith(t("scenarios.series.target", "en"))]
    assert marker[t("col.year", "en")].tolist() == [int(fig["year"])]
    assert marker[t("col.p50", "en")].tolist() == [pytest.approx(fig["value"] * 1e4)]
    assert chart.captions[0] == t("scenarios.target.caveat", "en", caveat=outcomes.at[outcome, "target_caveat_en"])
    assert chart.captions[1] == t("scenarios.peers.none", "en")


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


def test_the_results_table_names_outcomes_in_the_pages_language(runs, outcomes):
    _, scenario, _ = runs
    table = view.results_table(scenario, outcomes, "zh")
    assert set(table["indicator"]) == {outcomes.at[code, "label_zh"] for code in model.INDICATORS}
    assert table[["year", "p10", "p50", "p90"]].equals(scenario[["year", "p10", "p50", "p90"]])

    english = view.results_table(scenario, outcomes, "en")
    core = scenario["indicator"] == "core_va"
    assert english.loc[core, "p50"].tolist() == pytest.approx((scenario.loc[core, "p50"] / 10).tolist())
    assert set(english.loc[core, t("col.unit", "en")]) == {"¥ bn"}


@pytest.mark.parametrize("lang", LANGS)
def test_warning_texts_name_the_lever_and_the_numbers(params, lang):
    found = [
        model.ScenarioWarning("low_utilisation", "dc_util_gate", 2027, 35.5, 40.0),
        model.ScenarioWarning("subsidy_evidence", "talent_subsidy", 2023, 150_000.0, 100_000.0),
    ]
    texts = view.warning_texts(found, params, lang)
    assert len(texts) == 2
    assert view.lever_label("dc_util_gate", params, lang) in texts[0] and "2027" in texts[0] and "35.5" in texts[0]
    assert view.lever_label("talent_subsidy", params, lang) in texts[1] and "150,000" in texts[1]
    assert view.warning_texts([], params, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_why_it_moved_reports_the_paired_band_and_the_groups(params, outcomes, lang):
    levers = model.PRESETS["talent_push"]
    delta = model.project_delta(levers, params, draws=300, seed=2)
    parts = model.decompose(levers, params, levers.horizon)
    text = view.why_it_moved(delta, parts, outcomes, levers.horizon, lang)
    band = delta[(delta["indicator"] == "core_va") & (delta["year"] == levers.horizon)].iloc[0]
    talent = parts[(parts["indicator"] == "core_va") & (parts["group"] == "talent")]["contribution"].item()
    for number in (band["p10"], band["p50"], band["p90"], talent):  # 亿元 in Chinese, ¥ bn (÷ 10) in English
        assert (f"{number:+,.0f} 亿元" if lang == "zh" else f"¥{abs(round(number)) / 10:,.1f} bn") in text
    assert "100 million" not in text
    assert str(levers.horizon) in text
