"""The Scenarios page's section-I block as plain functions: base years and grades, the fan chart, words, the table."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from chart_checks import legend_swatches

from explorer.core import vocab
from explorer.core.i18n import LANGS, t
from explorer.data import gateway as db
from explorer.features.scenarios import digital as view
from explorer.features.scenarios.gaps import all_levers_max
from explorer.model import digital, panel

HORIZON = 2030


@pytest.fixture(scope="module")
def data():
    con = db.connect()
    try:
        rows, params = db.benchmarks(con), db.parameters(con)
        tables = view.Tables(db.indicators(con).set_index("code"), db.outcomes(con).set_index("code"), params)
    finally:
        con.close()
    return rows, params, tables


def _block(data, lang: str, drop: str | None = None):
    rows, params, tables = data
    if drop is not None:
        rows = rows[~((rows["city"] == drop) & (rows["indicator"] == digital.INDICATOR))]
    found = digital.bases(rows)
    years = np.arange(min(base.year for base in found.values()), HORIZON + 1)
    levers = replace(all_levers_max(), horizon=HORIZON)
    run = digital.scenario(
        panel.fit_rows(rows), found, digital.observed_gdp(rows), levers, params, years, draws=300, seed=3
    )
    return view.block(run, found, rows, HORIZON, tables, lang), run, found


@pytest.mark.parametrize("lang", LANGS)
def test_each_city_states_its_base_year_share_and_grade_and_an_older_one_says_so(data, lang):
    block, _, found = _block(data, lang)
    captions = block.fan.captions
    shenzhen = found["shenzhen"]
    for city, base in found.items():
        line = next(text for text in captions if text.startswith(t(f"city.{city}", lang)))
        assert str(base.year) in line and t(f"grade.{base.grade}", lang) in line
        old = t("scenarios.digital.old", lang, count=shenzhen.year - base.year, year=shenzhen.year)
        assert (old in line) == (base.year < shenzhen.year)


@pytest.mark.parametrize("lang", LANGS)
def test_a_city_without_section_i_rows_shows_no_published_figure(data, lang):
    block, run, _ = _block(data, lang, drop="shanghai")
    assert "shanghai" not in run.peers
    name = t("city.shanghai", lang)
    assert t("scenarios.digital.no_figure", lang, city=name) in block.fan.captions
    assert name not in set(block.fan.table[t("col.series", lang)])  # no estimate drawn
    assert name not in set(block.odds.table[t("col.city", lang)])


def test_without_a_shenzhen_figure_there_is_nothing_to_compare(data):
    rows, _, tables = data
    block = view.block(None, {}, rows, HORIZON, tables, "en")
    assert block.fan is None and block.odds is None
    assert block.lines == tuple(
        t("scenarios.digital.no_figure", "en", city=t(f"city.{city}", "en")) for city in vocab.CITIES
    )


def test_the_chart_shows_published_figures_as_published_in_the_readers_unit(data):
    rows, _, _ = data
    zh, _, found = _block(data, "zh")
    en, _, _ = _block(data, "en")
    for city, base in found.items():
        for lang, block, scale in (("zh", zh, 1.0), ("en", en, 0.1)):  # 亿元; ¥ bn in English
            table = block.fan.table
            at = table[
                (table[t("col.series", lang)] == t(f"city.{city}", lang)) & (table[t("col.year", lang)] == base.year)
            ]
            published = rows[
                (rows["city"] == city) & (rows["indicator"] == "sector_i_va") & (rows["year"] == base.year)
                & (rows["comparability_group"] == "sector_i_va_stats")
            ]["value"].astype(float)  # fmt: skip
            assert at[t("col.p50", lang)].iloc[0] == pytest.approx(published.iloc[0] * scale)


@pytest.mark.parametrize("lang", LANGS)
def test_plain_words_come_first_then_the_odds_and_the_table_runs_from_the_first_projected_year(data, lang):
    block, run, _ = _block(data, lang)
    gap_start = t("scenarios.gap.sentence", lang).split("{")[0]
    ahead_start = t("scenarios.gap.ahead", lang).split("{")[0]
    peers = len(run.peers)
    assert block.lines[0] == t("scenarios.digital.scope", lang)  # first, which indicator this is (one industry)
    assert all(line.startswith((gap_start, ahead_start)) for line in block.lines[1 : 1 + peers])
    assert len(block.lines) == 1 + 2 * peers
    years = block.odds.table[t("col.year", lang)]
    assert years.min() == run.anchor_year + 1 and years.max() == HORIZON
    assert len(block.odds.table) == peers * (HORIZON - run.anchor_year)


def test_the_tables_effect_is_the_levers_effect_on_shenzhens_section_i(data):
    block, run, _ = _block(data, "zh")
    effect = np.median(run.scenario[:, -1] - run.base[:, -1])
    last = block.odds.table[block.odds.table[t("col.year", "zh")] == HORIZON]
    column = t("scenarios.digital.col.effect", "zh", unit="亿元")
    assert (last[column] == round(effect)).all()
    assert (last[column] > 0).all()  # every lever at its maximum raises Shenzhen's section I


def test_the_note_reads_the_drift_range_from_the_parameter_sheet(data):
    _, params, _ = data
    changed = params.copy()
    changed.loc[changed["id"] == digital.DRIFT, ["low", "central", "high"]] = [1.0, 3.0, 7.0]
    assert "1–7 %" in view.note(changed, "en") and "3 %" in view.note(changed, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_the_odds_chart_has_each_peer_with_and_without_the_levers_by_year(data, lang):
    block, run, _ = _block(data, lang)
    odds = block.odds.spec["datasets"]["odds"]
    assert set(odds["year"]) == set(range(run.anchor_year + 1, HORIZON + 1))
    assert odds["pct"].between(0, 100).all()
    for city in run.peers:
        mine = odds[odds["series"].str.contains(t(f"city.{city}", lang))]
        assert sorted(mine.groupby("is_baseline").size()) == [HORIZON - run.anchor_year] * 2
    levers = odds[~odds["is_baseline"]].set_index(["series", "year"])["pct"]
    paper = odds[odds["is_baseline"]]
    assert len(levers) == len(paper)  # the paper's policy dashed beside the levers as set, one point a year each


def test_the_table_gives_the_gap_and_the_ratio_with_their_bands(data):
    block, run, _ = _block(data, "en")
    row = block.odds.table[
        (block.odds.table[t("col.city", "en")] == t("city.beijing", "en"))
        & (block.odds.table[t("col.year", "en")] == HORIZON)
    ].iloc[0]
    ratio = run.base[:, -1] / run.peers["beijing"][:, -1]
    low, high = np.quantile(ratio, (0.1, 0.9))
    assert row[t("scenarios.digital.col.ratio_band", "en")] == t(
        "scenarios.digital.range", "en", low=f"{100 * low:.1f}", high=f"{100 * high:.1f}"
    )
    assert row[t("scenarios.digital.col.ratio", "en")] == round(100 * float(np.median(ratio)), 1)


@pytest.mark.parametrize("lang", LANGS)
def test_no_two_entries_of_a_legend_share_a_swatch(data, lang):
    """Issue 23: "Scenario" and "Shenzhen" shared one orange on the fan chart, and "Beijing under current levers"
    and "Beijing under the paper's policy" one blue on the odds chart (its dash is not in the legend)."""
    block, _, _ = _block(data, lang)
    for spec in (block.fan.spec, block.odds.spec):
        scales = legend_swatches(spec)
        assert scales, spec.get("title")
        for swatches in scales:
            assert len(swatches) >= 2 and len(set(swatches.values())) == len(swatches), swatches


@pytest.mark.parametrize("lang", LANGS)
def test_an_odds_chart_flat_on_its_axis_is_a_table_first_and_says_the_odds_stay_near_zero(lang):
    """Issue 23's analyst saw the odds chart flat at 0 % on a 0–100 axis with nothing saying why; the third walk read
    four flat lines as a chart that says nothing."""
    flat = pd.DataFrame({"series": ["a", "b"], "year": [2026, 2026], "pct": [0.0, 0.3], "is_baseline": [False, True]})
    assert view.near_zero(flat)
    assert not view.near_zero(flat.assign(pct=[0.0, 12.0]))  # a line off the axis: the chart first, no such line
    assert not view.near_zero(flat.iloc[:0])


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_statistical_basis_gets_benchmarks_dashed_rule_and_a_caption(data, lang):
    """Issue 23: Shanghai's 2016 and 2020 and Beijing's 2020 section-I figures were drawn beside their 2025 ones,
    flagged as a new basis, with no break marker; a reader read 2.2x growth in five years."""
    rows, _, _ = data
    block, _, _ = _block(data, lang)
    section_i = rows[(rows["indicator"] == digital.INDICATOR) & (rows["comparability_group"] == digital.GROUP)]
    flagged = section_i[section_i["break_before"].fillna(False).astype(bool)]
    assert not flagged.empty  # the data flags a new basis (else this test tests nothing)
    peers = block.fan.spec["datasets"]["peers"]
    drawn = peers[peers["break_before"].astype(bool)]
    assert {(t(f"city.{c}", lang), int(y)) for c, y in zip(flagged["city"], flagged["year"])} <= set(
        zip(drawn["series"], drawn["year"].astype(int))
    )
    rules = [layer for layer in block.fan.spec["layer"] if layer.get("mark", {}).get("type") == "rule"]
    assert len(rules) == 1 and rules[0]["transform"] == [{"filter": "datum.break_before"}]
    assert rules[0]["data"] == {"name": "peers"} and rules[0]["mark"]["strokeDash"]
    caption = next(c for c in block.fan.captions if c.startswith(t("benchmarks.breaks", lang).split("{")[0]))
    for city, year in zip(flagged["city"], flagged["year"]):
        assert f"{t(f'city.{city}', lang)} {int(year)}" in caption
