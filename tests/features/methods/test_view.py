"""explorer.features.methods.view as functions: the channels' filled equations, their symbols, the parameter table."""

import math
import re

import numpy as np
import pandas as pd
import pytest
from loaded import frames
from panels import unbalanced_real

from explorer import ROOT, model
from explorer.core import formatting
from explorer.core.i18n import LANGS, t
from explorer.features.methods import view
from explorer.model import equations, panel

HAN = re.compile(r"[\u4e00-\u9fff]")
PARAMS_CSV = ROOT / "data" / "parameters.csv"


def _set(params: pd.DataFrame, pid: str, low: float, central: float, high: float) -> pd.DataFrame:
    moved = params.copy()
    moved.loc[moved["id"] == pid, ["low", "central", "high"]] = (low, central, high)
    return moved


def _channel(params: pd.DataFrame, units: pd.DataFrame, code: str, lang: str = "en") -> view.Channel:
    return next(channel for channel in view.channels(params, units, lang) if channel.code == code)


@pytest.mark.parametrize("lang", LANGS)
def test_every_channel_is_shown_in_order_with_its_title(params, lang, units):
    shown = view.channels(params, units, lang)
    assert [channel.code for channel in shown] == list(equations.CHANNELS)
    assert [channel.title for channel in shown] == [
        t(f"methods.channel.{code}.title", lang) for code in equations.CHANNELS
    ]
    assert all(len(channel.equations) == len(equations.CHANNELS[channel.code]) for channel in shown)


def test_the_power_equation_shows_the_parameter_sheets_rack_power(params, units):
    kw = params.set_index("id").at["dc_rack_kw", "central"]
    power = next(eq for eq in _channel(params, units, "dc").equations if r"\mathrm{GWh}_t" in eq)
    assert f"{equations.latex_number(kw)}" + r"\,\mathrm{kW}" in power


def test_changing_the_rack_power_changes_the_shown_equation(params, units):
    before = _channel(params, units, "dc").equations
    after = _channel(_set(params, "dc_rack_kw", 4.2, 4.2, 4.2), units, "dc").equations
    assert any(r"4.2\,\mathrm{kW}" in eq for eq in after)
    assert not any(r"4.2\,\mathrm{kW}" in eq for eq in before)


@pytest.mark.parametrize("lang", LANGS)
def test_the_legend_explains_every_symbol_with_the_parameters_values(params, lang, units):
    rows = params.set_index("id")
    legend = _channel(params, units, "dc", lang).legend
    table = model.parameter_table(params)
    for name in equations.symbols("dc", table):
        symbol = equations.in_words(equations.symbol(name, model.parameter_symbols(params)), view.equation_words(lang))
        assert f"${symbol}$" in legend, name
        if name in table:
            assert rows.at[name, f"label_{lang}"] in legend
            assert formatting.format_number(rows.at[name, "central"]) in legend
        elif name == "dc_racks":  # its label states the sheet's rack power
            assert t("lever.dc_racks.kw", lang, kw=formatting.format_number(rows.at["dc_rack_kw", "central"])) in legend
        else:
            assert t(f"lever.{name}", lang) in legend
    assert r"$\kappa$" not in legend  # the rack power is a single value, written into the equation


@pytest.mark.parametrize("lang", LANGS)
def test_the_xinchuang_legend_calls_the_national_floor_a_scenario_and_the_citys_a_lever(params, lang, units):
    legend = _channel(params, units, "xc", lang).legend
    assert t("methods.equations.scenario", lang, label=t("lever.xc_national", lang)) in legend
    assert t("methods.equations.lever", lang, label=t("lever.xc_share", lang)) in legend
    assert t("methods.equations.lever", lang, label=t("lever.xc_national", lang)) not in legend


def test_the_xinchuang_prose_states_both_markets_from_the_parameter_sheet(params, units):
    """The city's purchases (GDP × procurement ratio × IT share × (1 + SOE multiple)) and those outside it."""
    base, national = view.xinchuang_bases(params)
    central = params.set_index("id")["central"]
    gdp, ratio, it = central["gdp_2022"], central["gov_procurement_gdp_ratio"] / 100, central["xc_it_share"] / 100
    soe = 1 + central["xc_soe_multiplier"]
    assert base == pytest.approx(gdp * ratio * it * soe, rel=1e-9)
    assert national == pytest.approx((central["xc_national_procurement_2022"] - gdp * ratio) * it * soe, rel=1e-9)
    assert 30 * base < national < 40 * base  # the rest of the country buys some 36 times what Shenzhen buys
    prose = _channel(params, units, "xc", "zh").body
    assert f"{round(base):,} 亿元" in prose and f"{round(national):,} 亿元" in prose
    moved = _set(params, "xc_it_share", 3.0, 3.0, 10.0)
    assert view.xinchuang_bases(moved)[0] == pytest.approx(base / 2)


def test_the_legend_follows_the_parameter_sheet(params, units):
    moved = _set(params, "dc_demand_growth", 9.0, 17.0, 30.0)
    legend = _channel(moved, units, "dc").legend
    assert "17 (9–30)" in legend and "15 (8–25)" not in legend


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "中值 9,860（9,720–10,000）亿元"), ("en", "central 0.986 (0.972–1) ¥ tn")],  # 9,860 亿元 = ¥0.986 tn
)
def test_the_legend_writes_yuan_as_a_reader_does(params, lang, expected, units):
    legend = _channel(params, units, "baseline", lang).legend
    assert expected in legend and "¥100 m" not in legend


@pytest.mark.parametrize(
    ("lang", "anchor", "moved_anchor"), [("zh", "9,860 亿元", "9,000 亿元"), ("en", "¥986 bn", "¥900 bn")]
)
def test_the_baseline_prose_takes_its_anchor_from_the_parameters(params, lang, anchor, moved_anchor, units):
    body = _channel(params, units, "baseline", lang).body
    assert anchor in body and "100 million" not in body and "billion yuan" not in body
    moved = _channel(_set(params, "core_va_2022", 9000.0, 9000.0, 9000.0), units, "baseline", lang).body
    assert anchor not in moved and moved_anchor in moved


def test_the_channel_prose_restates_no_hard_coded_rack_power(params, units):
    for lang in LANGS:
        for channel in view.channels(params, units, lang):
            assert "2.5 kW" not in channel.body


def test_parameter_counts(params):
    assumptions, sourced = view.parameter_counts(params)
    assert assumptions == int((params["grade"] == "assumption").sum()) > 0
    assert assumptions + sourced == len(params)


def test_the_parameter_table_lists_every_parameter_with_its_three_values(params, units):
    table = view.parameter_frame(params, units, [], "en").set_index(t("col.id", "en"))
    assert sorted(table.index) == sorted(params["id"])
    for _, row in params.iterrows():
        assert table.at[row["id"], t("col.low", "en")] == row["low"]
        assert table.at[row["id"], t("col.central_value", "en")] == row["central"]
        assert table.at[row["id"], t("col.high", "en")] == row["high"]


def test_english_units_are_english_and_chinese_units_the_originals(params, units):
    english = view.parameter_frame(params, units, [], "en")[t("col.unit", "en")]
    assert not [unit for unit in english if HAN.search(unit)]
    chinese = view.parameter_frame(params, units, [], "zh")[t("col.unit", "zh")]
    assert chinese.tolist() == units.loc[params["unit"], "label_zh"].tolist()


def _han_share(text: str) -> float:
    """Return the share of Chinese characters among the letters of text, code spans left out."""
    letters = [char for char in re.sub(r"`[^`]*`", "", text) if char.isalpha()]
    return sum(bool(HAN.match(char)) for char in letters) / len(letters)


@pytest.mark.parametrize(("lang", "column"), [("zh", "rationale_zh"), ("en", "rationale")])
def test_the_rationale_is_the_sheets_text_in_the_pages_language(params, units, lang, column):
    sheet = pd.read_csv(PARAMS_CSV, dtype=str, keep_default_na=False).set_index("id")[column]
    table = view.parameter_frame(params, units, [], lang).set_index(t("col.id", lang))
    shown = table[t("col.rationale", lang)]
    assert shown.to_dict() == sheet.to_dict()
    if lang == "zh":
        english = [pid for pid, text in shown.items() if _han_share(text) <= 1 / 3]
        assert not english, f"rationales not in Chinese: {english}"


@pytest.mark.parametrize("grades", [["secondary"], ["assumption"], ["derived", "assumption"]])
def test_the_grade_filter_keeps_only_those_grades(params, grades, units):
    table = view.parameter_frame(params, units, grades, "en")
    assert set(table[t("col.grade", "en")]) == {t(f"grade.{grade}", "en") for grade in grades}
    assert len(table) == int(params["grade"].isin(grades).sum())


def test_the_grade_filter_offers_the_vocabulary_grades(params):
    assert set(params["grade"]) <= set(view.GRADES)


def _small_panel() -> model.panel.PanelFit:
    def levels(start: float, growths: list[float]) -> list[float]:
        out = [start]
        for growth in growths:
            out.append(out[-1] * (1 + growth))
        return out

    years = [2019, 2020, 2021, 2022]
    return model.panel.fit(
        {
            "shenzhen": (years, levels(100.0, [0.03, 0.10, 0.06]), []),
            "beijing": (years, levels(130.0, [0.02, 0.11, 0.03]), []),
            "shanghai": (years, levels(140.0, [0.02, 0.09, 0.04]), []),
        }
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_panel_sentence_states_every_estimate(lang):
    fit = _small_panel()
    text = view.panel_estimates(fit, lang)
    for number in (fit.correlation, 100 * fit.common_sd, 100 * fit.city_sd, 100 * fit.city_drift_sd):
        assert f"{number:.2f}" in text
    assert "2019–2022" in text
    assert t("methods.panel.real_none", lang) in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_panel_table_has_each_city_with_its_anchor_and_drift(lang, units):
    fit = _small_panel()
    table = view.panel_table(fit, units, lang)
    assert list(table[t("col.city", lang)]) == [t(f"city.{city}", lang) for city in fit.cities]
    assert list(table[t("methods.panel.col.anchor_year", lang)]) == [2022, 2022, 2022]
    drifts = table[t("methods.panel.col.drift", lang)].tolist()
    assert drifts == [round(city.growth_pct, 2) for city in fit.cities.values()]


@pytest.mark.parametrize("lang", LANGS)
def test_the_spillover_chart_plots_the_models_curve_from_zero_to_the_sheets_high(params, units, lang):
    """The chart's points are the model's spillover curve; the caption quotes its two ends in the page's language."""
    chart = view.spillover_chart(params, units, lang)
    levers = model.PRESETS[view.SPILLOVER_SCENARIO]
    curve = model.simulation.spillover_curve(levers, params, view.SPILLOVER_YEAR)
    points = chart.spec["datasets"]["curve"]
    pd.testing.assert_frame_equal(points[["elasticity"]], curve[["elasticity"]])
    scale = 10.0 if lang == "en" else 1.0  # ¥ bn in English, 亿元 in Chinese
    np.testing.assert_allclose(points["effect"] * scale, curve["effect"])
    high = params.set_index("id").loc["dc_spillover_elasticity", "high"]
    assert points["elasticity"].min() == 0.0 and points["elasticity"].max() == pytest.approx(high)
    assert len(chart.table) == len(points)
    assert bool(HAN.search(chart.caption)) == (lang == "zh")
    assert formatting.format_number(high) in chart.caption


def test_a_chinese_page_writes_the_equations_words_in_chinese(params, units):
    """Issue 23: the zh formulas read “revenue”, “migration”, “applicants”, “fiscal”."""
    zh = [eq for channel in view.channels(params, units, "zh") for eq in channel.equations]
    en = [eq for channel in view.channels(params, units, "en") for eq in channel.equations]
    english = {rf"{{{word}}}" for word in equations.WORDS}
    assert [word for eq in zh for word in english if word in eq] == []
    assert any(r"\text{迁移成本}" in eq for eq in zh) and any(r"\text{migration}" in eq for eq in en)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("One sentence. Two sentences.", "One sentence."),
        ("首句。次句。", "首句。"),
        ("Is it so? Yes.", "Is it so?"),
        ("**A bold head.** Then the lead. Then more.", "**A bold head.** Then the lead."),
        ("Loading $\\beta. x$ then. More.", "Loading $\\beta. x$ then."),
        ("Where $$a. b$$ ends. More.", "Where $$a. b$$ ends."),
        ("Run `python -m a.b. c` now. More.", "Run `python -m a.b. c` now."),
        ("Small (e.g. tiny) things. More.", "Small (e.g. tiny) things."),
        ("A paragraph without a stop\n\nThe next one.", "A paragraph without a stop"),
        ("Growth of 6.5 % a year. More.", "Growth of 6.5 % a year."),
    ],
)
def test_a_lead_is_the_first_sentence_outside_maths_bold_and_code(text, first):
    lead, rest = view.lead(text)
    assert lead == first
    assert "".join(f"{lead}{rest}".split()) == "".join(text.split())  # nothing lost, nothing added


def test_a_one_sentence_text_is_all_lead():
    assert view.lead("Only this.") == ("Only this.", "")


@pytest.mark.parametrize("lang", LANGS)
def test_every_methods_section_splits_into_a_short_lead_and_the_rest_losing_nothing(params, lang, units):
    """The Methods page shows each section's lead and folds the rest (a phone page of 23,000 px, issue 23)."""
    bodies = [channel.body for channel in view.channels(params, units, lang)]
    bodies += [t(f"methods.{key}.body", lang) for key in ("peers", "rolling", "hindcast", "limits")]
    for body in bodies:
        lead, rest = view.lead(body)
        assert 0 < len(lead) <= 400, lead
        assert lead.count("$") % 2 == 0 and lead.count("**") % 2 == 0 and lead.count("`") % 2 == 0, lead
        assert "".join(f"{lead}{rest}".split()) == "".join(body.split())


def test_an_equation_is_inline_display_math_that_may_break_between_two_equations():
    # KaTeX breaks lines only in inline math, after a relation, an operator or \allowbreak (issue 23's walk: 39 of
    # 51 equations scrolled sideways at 390 px as st.latex's display math).
    shown = view.equation_markdown(r"a = b, \quad c = d")
    assert shown == r"$\displaystyle a = b, \quad\allowbreak c = d$"


@pytest.mark.parametrize("lang", LANGS)
def test_with_real_growth_the_panel_sentence_states_the_city_window_and_the_nominal_check(lang):
    """Real growth 2016–2022 for two cities, 2019–2022 for the third: the city part spans 2016–2022 and the sentence
    prints the city shock sized on the nominal steps beside σ_u; without real growth there is no such check."""
    series, real = unbalanced_real(("shenzhen", "beijing", "shanghai"))
    fit = model.panel.fit(series, real=real, outlier=None)
    text = view.panel_estimates(fit, lang)
    assert fit.nominal_city_freedom == 4 and fit.nominal_city_sd > 0  # 9 city-steps − 3 cities − 3 steps + 1
    check = t("methods.panel.check", lang, nominal=f"{100 * fit.nominal_city_sd:.2f}", freedom=4)
    assert check in text
    assert "2016–2022" in text and str(fit.city_freedom) in text
    assert t("methods.panel.real_none", lang) not in text
    assert t("methods.panel.check", lang, nominal="0.00", freedom=0) not in view.panel_estimates(_small_panel(), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_methods_sets_chinas_nominal_growth_beside_the_panels_drift(lang):
    """China's pace over the panel's steps (2019→21 as one two-year step, 2022, 2023, 2025: 2024 crosses the fifth
    census) and its 2025 nominal growth, worked out here from the NBS first releases in data/national.csv."""
    rows, national = frames()["benchmarks"], frames()["national"]
    levels = national[national["comparability_group"] == "gdp_stats"].set_index("year")["value"]
    china = (
        math.log(levels[2021] / levels[2019])
        + math.log(levels[2022] / levels[2021])
        + math.log(levels[2023] / levels[2022])
        + math.log(levels[2025] / levels[2024])
    ) / 5
    line = view.national_pace(panel.fit_rows(rows), national, lang)
    assert f"{100 * math.expm1(china):.2f}" in line and "2019–2025" in line
    assert f"{100 * math.expm1(math.log(levels[2025] / levels[2024])):.1f}" in line and "5.0" in line
    assert view.national_pace(panel.fit_rows(rows), national.iloc[0:0], lang) is None


@pytest.mark.parametrize("lang", LANGS)
def test_methods_names_the_citys_target_as_the_second_alternative_when_the_rows_hold_one(lang):
    rows, params = frames()["benchmarks"], frames()["parameters"]
    fit = panel.fit_rows(rows)
    without, with_rows = (
        view.alternative_baseline(fit, params, lang),
        view.alternative_baseline(fit, params, lang, rows),
    )
    assert with_rows.startswith(without) and len(with_rows) > len(without)
    assert "2026" in with_rows[len(without) :] and "2025" in with_rows[len(without) :]
