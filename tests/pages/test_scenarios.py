"""The Scenarios page through AppTest: URL levers, notices, numbers from the model, downloads, chart updates."""

import csv
import html
import json
import re
from dataclasses import replace

import download_checks
import pytest
from apptest import charts, go_to, new_session
from streamlit.testing.v1 import AppTest

from explorer import DATA_DIR, model
from explorer.core.i18n import LANGS, t
from explorer.data import gateway as db
from explorer.features.scenarios import cache as scenario_cache
from explorer.features.scenarios import digital as digital_view
from explorer.features.scenarios import results as sc
from explorer.features.scenarios import view
from explorer.features.scenarios.cards import COST_OUTCOMES, KPI_OUTCOMES, card_value
from explorer.features.scenarios.peers import GAP_SENTENCES
from explorer.features.scenarios.results import DRAWS, SEED, likelihood
from explorer.model import comparison, digital, panel
from explorer.model.peers import observed_series

TIMEOUT_S = 120


@pytest.fixture(scope="module")
def params():
    con = db.connect()
    try:
        return db.parameters(con), db.data_version(con)
    finally:
        con.close()


def run(page: str = "scenarios", **query: str) -> AppTest:
    at = new_session(TIMEOUT_S)
    for key, value in query.items():
        at.query_params[key] = value
    go_to(at, page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


CARD = re.compile(r'<div class="sz-label"[^>]*>([^<]*)</div><div class="sz-value"[^>]*>([^<]*)</div>')


def _kpis(at: AppTest, lang: str) -> dict[str, str]:
    """Return the cards' label → value, read from the HTML grids."""
    return {
        html.unescape(label): html.unescape(value)
        for block in at.get("html")
        for label, value in CARD.findall(block.value)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_url_levers_set_the_sliders_and_the_numbers_come_from_the_model(lang, params, outcomes):
    frame, _ = params
    at = run(lang=lang, dc_racks="30000", xc_share="60", horizon="2032")
    assert at.slider(key="dc_racks").value == 30000
    assert at.slider(key="xc_share").value == 60.0
    levers, _ = model.Levers.from_mapping({"dc_racks": "30000", "xc_share": "60", "horizon": "2032"})
    con = db.connect()
    try:
        rows = db.benchmarks(con, None)
    finally:
        con.close()
    observed = observed_series(rows, "shenzhen", panel.INDICATOR, panel.GROUP).set_index("year")["value"].to_dict()
    path = comparison.simulation_gdp(panel.fit_rows(rows), observed, draws=DRAWS, seed=SEED)  # GDP's draws
    expected = model.project(levers, frame, draws=DRAWS, seed=SEED, shocks=path)
    shown = _kpis(at, lang)
    for code in KPI_OUTCOMES:
        value = expected[(expected["year"] == 2032) & (expected["indicator"] == code)]["p50"].iloc[0]
        assert shown[outcomes.at[code, f"label_{lang}"]] == card_value(value, code, outcomes, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_preset_box_says_when_the_levers_have_left_the_preset(lang):
    """The third walk: a custom scenario's box read "The paper's current policy (baseline)" at the top of the page
    and of the link a colleague opens; only a caption at the foot of the levers said "modified"."""
    paper, position = t("preset.paper", lang), list(model.PRESETS).index("paper")
    modified = t("scenarios.preset.modified_option", lang, name=paper)
    at = run(lang=lang)
    assert at.selectbox(key="preset").options[position] == paper
    at.slider(key="xc_share").set_value(100).run()
    assert at.selectbox(key="preset").options[position] == modified
    assert at.selectbox(key="preset").value == "paper"  # the link keeps the preset the levers started from
    at.slider(key="xc_share").set_value(model.PRESETS["paper"].xc_share).run()
    assert at.selectbox(key="preset").options[position] == paper
    assert run(lang=lang, preset="paper", xc_share="100").selectbox(key="preset").options[position] == modified


def test_a_preset_in_the_url_sets_its_levers():
    at = run(lang="en", preset="aggressive_buildout")
    preset = model.PRESETS["aggressive_buildout"]
    assert at.slider(key="dc_racks").value == preset.dc_racks
    assert at.slider(key="dc_util_gate").value == preset.dc_util_gate


def test_choosing_a_preset_moves_the_sliders():
    at = run(lang="en")
    at.selectbox(key="preset").set_value("no_new_capacity").run()
    assert at.slider(key="dc_racks").value == 0


def _notice(at: AppTest) -> str:
    return " ".join(info.value for info in at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_a_preset_says_which_levers_it_changed_and_undo_restores_them_and_the_url(lang, params):
    """Issue 23: a preset wiped the levers the reader had set without a word."""
    frame, _ = params
    at = run(lang=lang)
    at.slider(key="xc_share").set_value(100.0).run()
    at.slider(key="talent_subsidy").set_value(60_000.0).run()
    at.selectbox(key="preset").set_value("no_new_capacity").run()
    assert not at.exception
    assert at.slider(key="xc_share").value == 40.0 and at.query_params["xc_share"] == "40"
    notice = _notice(at)
    subsidy, xc, racks = (view.lever_label(name, frame, lang) for name in ("talent_subsidy", "xc_share", "dc_racks"))
    change = "{}: {} → {}" if lang == "en" else "{}：由 {} 改为 {}"
    lines = [change.format(xc, 100, 40), change.format(subsidy, "60,000", "30,000"), change.format(racks, "7,000", 0)]
    for line in lines:
        assert line in notice, line
    assert notice.count("\n- ") == 3  # the levers the preset left alone (PUE, gate, quota, horizon) are not listed
    at.button(key="undo_preset").click().run()
    assert (at.slider(key="xc_share").value, at.slider(key="talent_subsidy").value) == (100.0, 60_000.0)
    assert at.slider(key="dc_racks").value == 7_000
    assert at.selectbox(key="preset").value == "paper"
    assert at.query_params["xc_share"] == "100" and at.query_params["talent_subsidy"] == "60000"
    assert at.query_params["preset"] == "paper"
    assert lines[0] not in _notice(at)
    assert not [b for b in at.button if b.key == "undo_preset"]


def test_the_preset_notice_goes_once_a_lever_moves():
    at = run(lang="en")
    at.selectbox(key="preset").set_value("talent_push").run()
    assert "talent_push" not in _notice(at) and "Talent push" in _notice(at)
    at.slider(key="xc_share").set_value(60.0).run()
    assert "Talent push" not in _notice(at)
    assert not [b for b in at.button if b.key == "undo_preset"]


def test_moving_a_lever_changes_the_outcome_in_the_right_direction(outcomes):
    """A moratorium leaves demand unmet: compute in use falls (building past demand would add none)."""
    at = run(lang="en", out="compute_eflops")
    label = outcomes.at["compute_eflops", "label_en"]
    before = float(_kpis(at, "en")[label].split()[0].replace(",", ""))
    at.slider(key="dc_racks").set_value(0).run()
    after = float(_kpis(at, "en")[label].split()[0].replace(",", ""))
    assert len(_kpis(at, "en")) == len(KPI_OUTCOMES) + len(COST_OUTCOMES) + 1  # and the racks card
    assert after < before


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"dc_racks": "1e12"}, "dc_racks"),
        ({"dc_pue": "nan"}, "dc_pue"),
        ({"xc_share": "-40"}, "xc_share"),
        ({"horizon": "2999"}, "horizon"),
        ({"talent_quota": "<script>"}, "talent_quota"),
        ({"preset": "utopia"}, "preset"),
        ({"out": "happiness"}, "out"),
    ],
)
def test_bad_url_values_are_clamped_or_reset_with_a_notice(query, field):
    at = run(lang="en", **query)
    label = (at.slider if field in model.Levers.BOUNDS else at.selectbox)(key=field).label
    assert any(f"“{label}”" in warning.value for warning in at.warning)
    assert not any(f"`{field}`" in warning.value for warning in at.warning), "a notice names the label, not the code"


def test_a_link_from_an_older_data_version_says_the_numbers_may_have_moved(params):
    _, version = params
    at = run(lang="en", v="0123456789ab")
    assert any("0123456789ab" in warning.value and version[:12] in warning.value for warning in at.warning)
    at = run(lang="en", v=version[:12])
    assert not any("may have moved" in warning.value for warning in at.warning)


def test_the_summary_is_written_from_the_numbers():
    """The summary's count of recruits is the model's: with no subsidy from the lever start year only the paper's
    earlier cohorts remain (the levers act from Shenzhen's first unpublished year, #21), whatever the quota; a
    larger subsidy brings more."""

    def recruits(**levers: str) -> str:
        text = " ".join(markdown.value for markdown in run(lang="zh", **levers).markdown)
        assert "示意性情景" in text
        found = re.search(r"新增数字人才约 ([0-9][0-9,.]*(?:万)?) 人", text)
        assert found, text
        return found.group(1)

    none = recruits(talent_subsidy="0")
    assert none == recruits(talent_subsidy="0", talent_quota="0") != "0"
    assert recruits(talent_subsidy="96000") != none


@pytest.mark.parametrize("lang", LANGS)
def test_the_odds_of_each_peer_are_stated_under_the_chart(lang, params):
    """GDP has same-definition peers: one sentence per peer with the panel's probability in the horizon year, then
    the gap sentence."""
    frame, _ = params
    at = run(lang=lang, out="gdp", horizon="2030")
    levers, _ = model.Levers.from_mapping({"horizon": "2030"})
    con = db.connect()
    try:
        rows = db.benchmarks(con, None)
    finally:
        con.close()
    observed = observed_series(rows, "shenzhen", "gdp", "gdp_stats").set_index("year")["value"].to_dict()
    years = range(model.BASE_YEAR, 2031)
    run_ = comparison.scenario(panel.fit_rows(rows), levers, frame, years, observed, draws=DRAWS, seed=SEED)
    odds = comparison.odds(run_)
    shown = [markdown.value for markdown in at.markdown]
    starts = tuple(t(f"scenarios.gap.{key}", lang).split("{")[0] for key in GAP_SENTENCES.values())  # any kind
    gdp_gaps = [text for text in shown if text.startswith(starts) and text not in _section_i_lines(lang, 2030)]
    assert len(gdp_gaps) == 2
    for row in odds[odds["year"] == 2030].itertuples():
        city = t(f"city.{row.city}", lang)
        if row.status == "ok":
            words = t(f"scenarios.likelihood.{likelihood(row.probability)}", lang)
            expected = t(
                "scenarios.peers.odds", lang, city=city, year=2030, pct=f"{100 * row.probability:.0f}", words=words
            )
        else:
            expected = t(f"scenarios.peers.{row.status}", lang, city=city)
        assert expected in shown


def _peer_section(brief: str, lang: str) -> list[str]:
    """Return the brief's lines on Shenzhen against the peers (list items under their heading)."""
    heading = f"## {t('scenarios.brief.peers', lang, year=2030)}"
    lines = brief.split(heading, 1)[1].split("\n## ", 1)[0].splitlines()
    return [line.removeprefix("- ") for line in lines if line.startswith("- ")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_carry_b_and_each_peers_odds_and_gap_as_the_page_prints_them(lang, params):
    """With scenario B and GDP shown: the brief repeats the page's odds and gap sentences and adds B's; the CSV and
    JSON hold the same probabilities and gaps as numbers (the page's inputs, through the page's cached builders)."""
    _, version = params
    at = run(lang=lang, preset="talent_push", cmp="city_plan", out="gdp")
    labels = [button.proto.label for button in at.get("download_button")]
    labels = [label for label in labels if label != t("chart.save_svg", lang)]  # each chart's SVG, in its popover
    assert labels == [t(f"scenarios.download.{kind}", lang) for kind in ("csv", "brief", "json")]
    shown = [markdown.value for markdown in at.markdown]
    a, b = model.PRESETS["talent_push"], model.PRESETS["city_plan"]
    b_name = t("preset.city_plan", lang)
    brief = scenario_cache.scenario_brief(version, a, "gdp", b, b_name, "https://example.org/scenarios", lang)
    lines = _peer_section(brief, lang)
    b_prefix = t("scenarios.brief.b_line", lang, name=b_name, line="")
    a_lines, b_lines = [x for x in lines if not x.startswith(b_prefix)], [x for x in lines if x.startswith(b_prefix)]
    assert len(a_lines) == 4 and all(line in shown for line in a_lines)  # two odds, two gap sentences
    # B's own: its gap sentences (another effect than A's) are not the page's, which shows A's
    assert len(b_lines) == 4 and not [line for line in b_lines[2:] if line.removeprefix(b_prefix) in shown]
    starts = [t(key, lang).split("{")[0] for key in ("scenarios.gap.sentence_b", "scenarios.gap.sentence_widen_b")]
    assert all(line.removeprefix(b_prefix).startswith(tuple(starts)) for line in b_lines[2:])  # B's levers, not "here"
    csv_bytes, json_text = scenario_cache.scenario_downloads(version, a, b, DRAWS, SEED, lang)
    words = download_checks.catalogue(lang)
    rows = {(row[words["col.id"]], row[words["col.year"]]): row for row in download_checks.read(csv_bytes)}
    payload = json.loads(json_text)
    for city in ("beijing", "shanghai"):
        name = t(f"city.{city}", lang)
        odds, gap = rows[(f"gdp_odds_{city}", "2030")], rows[(f"gdp_gap_{city}", "2030")]
        scenario_pct = odds[words["scenarios.col.scenario"].format(q="p50")]
        b_pct = odds[words["scenarios.col.b"].format(q="p50")]
        [a_odds] = [line for line in a_lines[:2] if name in line]  # the odds sentences come first, then the gaps
        [a_gap] = [line for line in a_lines[2:] if name in line]
        [b_odds] = [line for line in b_lines[:2] if name in line]
        assert f"{scenario_pct} %" in a_odds and f"{b_pct} %" in b_odds
        record = payload["gaps"]["scenario"][city][-1]
        assert record["year"] == 2030 and record["probability_levers"] == int(scenario_pct)
        assert record["gap_p50"] == float(gap[words["scenarios.col.baseline"].format(q="p50")])
        assert record["effect_p50"] == float(gap[words["scenarios.col.change"].format(q="p50")])
        if lang == "zh":  # the page rounds the CSV's numbers to three significant figures (core.compact)
            amounts = re.findall(r"([-+]?[\d,.]+) (万亿元|亿元)", a_gap)
            printed = [float(n.replace(",", "")) * (1e4 if unit == "万亿元" else 1) for n, unit in amounts]
            effect, gap_median = printed[0], printed[3]
            csv_effect = float(gap[words["scenarios.col.change"].format(q="p50")])
            csv_gap = float(gap[words["scenarios.col.baseline"].format(q="p50")])
            assert effect == pytest.approx(float(f"{csv_effect:.3g}"))
            assert gap_median == pytest.approx(-float(f"{csv_gap:.3g}"))


def _chart_protos(at: AppTest) -> list:
    return [element.proto for element in at.main.get("vega_lite_chart")]


def test_a_lever_move_sends_new_data_into_an_unchanged_outcome_chart():
    """The browser swaps the data of a chart whose spec is unchanged instead of rebuilding it."""
    at = run(lang="en", dc_racks="12000")  # the projection tab: the outcome's chart alone
    (fan_before,) = _chart_protos(at)
    at.slider(key="dc_racks").set_value(20_000).run()
    (fan_after,) = _chart_protos(at)
    assert fan_before.spec == fan_after.spec
    paths_before = {d.name: d.data.data for d in fan_before.datasets}["paths"]
    paths_after = {d.name: d.data.data for d in fan_after.datasets}["paths"]
    assert paths_before != paths_after
    # The sensitivity chart may gain bars (a taller spec), but its data keeps its name.
    at = run(lang="en", dc_racks="12000", view="sensitivity")
    tornado_before = _chart_protos(at)[0]
    at.slider(key="dc_racks").set_value(20_000).run()
    tornado_after = _chart_protos(at)[0]
    assert [d.name for d in tornado_before.datasets] == [d.name for d in tornado_after.datasets] == ["tornado"]


def test_a_subsidy_past_the_evidence_shows_a_warning_naming_the_lever(params):
    calm = run(lang="en")
    assert not [w for w in calm.warning if "subsidy" in w.value.lower()]
    at = run(lang="en", talent_subsidy="150000")
    label = view.lever_label("talent_subsidy", params[0], "en")
    assert any(label in w.value and "150,000" in w.value for w in at.warning)


CHANGE = re.compile(
    r'<div class="sz-label"[^>]*>([^<]*)</div><div class="sz-value"[^>]*>[^<]*</div>'
    r'<div class="sz-delta"[^>]*>([^<]*)</div>'
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_prints_one_change_for_core_value_added(lang, outcomes):
    """The card, the why text, the summary and the waterfall's note print the same change, and the why text's parts
    (the waterfall's) add up to it as printed (issue 23: −53.0 / −56 / −50.5 for one change)."""
    at = run(lang=lang, preset="talent_push", xc_share="100", dc_racks="0", view="why")
    label = outcomes.at["core_va", f"label_{lang}"]
    deltas = {html.unescape(k): html.unescape(v) for b in at.get("html") for k, v in CHANGE.findall(b.value)}
    change = deltas[label].lstrip("↑↓ ").split(" (")[0]
    why = [m.value for m in at.markdown if m.value.startswith(f"{label}，" if lang == "zh" else f"{label}, ")]
    assert len(why) == 1 and why[0].count(change) == 2, (change, why)
    summary = [m.value for m in at.markdown if m.value.startswith(t("scenarios.summary.core", lang).split("{")[0])]
    assert len(summary) == 1 and f"{change}" in summary[0]
    assert any(change in caption.value for caption in at.caption)  # the waterfall's note: the parts add up to it
    numbers = re.findall(r"(?<![\w.])[-+]?¥?\d[\d,.]*", why[0].split("：" if lang == "zh" else ": ", 1)[1])
    parts = [float(n.replace("¥", "").replace(",", "")) for n in numbers[3 : 3 + len(model.LEVER_GROUPS)]]
    assert round(sum(parts), 6) == float(change.split(" ")[0].replace("¥", "").replace(",", ""))


def test_a_preset_as_b_in_the_url_is_compared_on_the_cards_and_the_chart():
    at = run(lang="en", cmp="talent_push")
    blocks = " ".join(block.value for block in at.get("html"))
    assert blocks.count('class="sz-compare"') == len(KPI_OUTCOMES) + len(COST_OUTCOMES)  # every card but the racks card
    fan = _chart_protos(at)[0]
    assert t("scenarios.series.compare", "en", name=t("preset.talent_push", "en")) in fan.spec


def test_keeping_the_levers_as_b_writes_them_to_the_url_and_an_old_link_still_opens():
    at = run(lang="en", dc_racks="30000")  # a link from before scenario B: the lever names are unchanged
    assert at.slider(key="dc_racks").value == 30000
    at.button[0].click().run()
    assert at.selectbox(key="cmp").value == "own"
    written = (
        "dc_racks:30000,dc_pue:1.25,dc_util_gate:70,dc_power:0,xc_share:40,xc_national:40,talent_subsidy:30000,"
        "talent_quota:10000"
    )
    assert at.query_params["b"] == written
    again = run(lang="en", cmp="own", b=written)
    assert 'class="sz-compare"' in " ".join(block.value for block in again.get("html"))
    # A link written before the national-market and power levers existed still opens (they take the paper's values).
    older = run(lang="en", cmp="own", b=written.replace("xc_national:40,", "").replace("dc_power:0,", ""))
    assert 'class="sz-compare"' in " ".join(block.value for block in older.get("html"))


def test_an_unusable_b_in_the_url_gets_a_notice():
    at = run(lang="en", cmp="own", b="garbage")
    assert any("garbage" in w.value for w in at.warning)
    assert at.selectbox(key="cmp").value == "none"


def test_hidden_table_tabs_are_not_sent_on_a_rerun():
    """Each chart's table tab is drawn only when open: a lever move sends the charts, not their hidden tables."""
    for shown in sc.VIEWS:
        at = run(lang="en", view=shown)
        at.slider(key="dc_racks").set_value(12_000).run()
        assert len(_chart_protos(at)) >= 1, shown
        # but section I's odds: on their axis in every year, their table opens first and their chart is not sent
        assert len(at.dataframe) == (shown == "peers"), shown


def _section_i(lang: str, horizon: int) -> tuple[tuple[str, ...], dict[str, digital.Base]]:
    """Return the section-I block's sentences for the paper's levers to `horizon` and each city's base figure."""
    con = db.connect()
    try:
        rows, params = db.benchmarks(con), db.parameters(con)
        tables = digital_view.Tables(db.indicators(con).set_index("code"), db.outcomes(con).set_index("code"), params)
    finally:
        con.close()
    found = digital.bases(rows)
    levers, _ = model.Levers.from_mapping({"horizon": str(horizon)})
    years = range(min(base.year for base in found.values()), horizon + 1)
    run_ = digital.scenario(
        panel.fit_rows(rows), found, digital.observed_gdp(rows), levers, params, years, draws=DRAWS, seed=SEED
    )
    return digital_view.block(run_, found, rows, horizon, tables, lang).lines, found


def _section_i_lines(lang: str, horizon: int) -> tuple[str, ...]:
    return _section_i(lang, horizon)[0]


@pytest.mark.parametrize(("lang", "out"), [("zh", "core_va"), ("en", "core_va"), ("en", "compute_eflops")])
def test_section_i_is_compared_with_both_peers_whatever_the_outcome(lang, out):
    """The digital comparison is on the page for any outcome: its heading, plain words, base years, table."""
    at = run(lang=lang, out=out, horizon="2030", view="peers")
    title = t("scenarios.digital.title", lang)
    assert title in [header.value for header in at.subheader]
    lines, found = _section_i(lang, 2030)
    shown = [markdown.value for markdown in at.markdown]
    assert lines and all(line in shown for line in lines)
    captions = [caption.value for caption in at.caption]
    for city, base in found.items():
        assert any(text.startswith(t(f"city.{city}", lang)) and str(base.year) in text for text in captions), city
    # the odds stay near 0 % on the committed data: their table (the gap and the levers' effect) opens first, said so
    assert t("scenarios.digital.odds.near_zero", lang) in captions
    (table,) = at.dataframe
    assert set(table.value[t("col.city", lang)]) == {t("city.beijing", lang), t("city.shanghai", lang)}
    assert (table.value[t("scenarios.digital.col.probability_levers", lang)] < 0.5).all()
    at.session_state["sector_i_odds_view"] = t("word.chart", lang)  # the chart a click on its tab draws
    at.run()
    odds = next(proto for proto in _chart_protos(at) if "odds" in {d.name for d in proto.datasets})
    domain = json.loads(odds.spec)["encoding"]["color"]["scale"]["domain"]
    assert all(any(t(f"city.{city}", lang) in name for name in domain) for city in ("beijing", "shanghai"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_spillover_belief_follows_the_readers_data_centre_levers(lang):
    """Issue 22: the "what you would have to believe" curve on Scenarios too, for the levers on the page; with the
    paper's data-centre levers there is nothing to believe in, and the page says so instead of drawing a flat line."""
    title = t("scenarios.spillover.title", lang)
    paper = run(lang=lang, talent_subsidy="60000", view="sensitivity")
    expander = next(e for e in paper.expander if e.label == title)
    assert [c.value for c in expander.caption] == [t("scenarios.spillover.flat", lang)]
    moved = run(lang=lang, dc_racks="40000", horizon="2030", view="sensitivity")
    expander = next(e for e in moved.expander if e.label == title)
    specs = [spec for spec, _ in charts(moved) if spec.get("encoding", {}).get("x", {}).get("field") == "elasticity"]
    assert len(specs) == 1 and "2030" in str(specs[0]["title"])
    assert t("scenarios.series.scenario", lang) in str(specs[0]["title"])
    effects = next(iter(specs[0]["dataset_frames"].values()))["effect"].tolist()
    assert effects[0] > 0 and effects == sorted(effects)  # the racks' own value added, then more with more spillover


VIEW_CHARTS = {  # per results tab, with the data-centre levers moved: each chart it draws, by its datasets' names
    "projection": [["paths", "peers"]],  # Shenzhen's published core value added among the cities
    "peers": [["paths", "peers"]],  # section I's odds lie on their axis: their table opens first (one dataframe)
    "why": [["paths"], ["waterfall"]],  # the change by year, then its parts
    "sensitivity": [["tornado"], ["tornado"], ["curve"]],  # the level's, the change's, the spillover one must believe
}


@pytest.mark.parametrize("shown", sc.VIEWS)
def test_only_the_open_results_tab_is_drawn_and_the_url_names_it(shown):
    """A lever move sends the open tab's charts only (the others cost nothing); the link reopens that tab."""
    at = run(lang="en", dc_racks="12000", view=shown)
    assert [sorted(d.name for d in proto.datasets) for proto in _chart_protos(at)] == VIEW_CHARTS[shown]
    assert at.query_params["view"] == shown
    assert not [w.value for w in at.warning if t("scenarios.view", "en") in w.value]


def test_a_click_on_a_tab_opens_it_and_a_language_switch_keeps_it():
    at = run(lang="en", dc_racks="12000")
    at.session_state["_view_tab"] = t("scenarios.view.why", "en")  # what a click on the tab sends
    at.run()
    assert at.query_params["view"] == "why"
    assert [sorted(d.name for d in proto.datasets) for proto in _chart_protos(at)] == VIEW_CHARTS["why"]
    at.radio(key="lang").set_value("zh").run()
    assert at.query_params["view"] == "why"
    assert at.session_state["_view_tab"] == t("scenarios.view.why", "zh")


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_tab_in_the_link_is_named_and_the_projection_shown(lang):
    at = run(lang=lang, view="<b>nope</b>")
    notices = [w.value for w in at.warning if "nope" in w.value]
    assert len(notices) == 1 and t("scenarios.view.projection", lang) in notices[0], notices
    assert at.query_params["view"] == "projection"


def _data_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _shenzhen_growth_2019_2023() -> float:
    """Shenzhen's published nominal growth a year 2019→2023 (first releases, the panel's window), from the CSV."""
    rows = [
        row
        for row in _data_csv("benchmarks.csv")
        if (row["city"], row["indicator"], row["comparability_group"]) == ("shenzhen", "gdp", "gdp_stats")
    ]
    level = {int(row["year"]): float(row["value"]) for row in rows}
    return 100 * ((level[2023] / level[2019]) ** (1 / 4) - 1)


def _sheet_growth() -> float:
    return float(next(row for row in _data_csv("parameters.csv") if row["id"] == "gdp_growth")["central"])


def _gdp_p50(at: AppTest, year: int, lang: str) -> float:
    """Return the fan chart's median of Shenzhen's GDP (the scenario series) in `year`."""
    spec, _ = charts(at)[0]
    paths = spec["dataset_frames"]["paths"]
    scenario = paths[(paths["series"] == t("scenarios.series.scenario", lang)) & (paths["year"] == year)]
    return float(scenario["p50"].iloc[0])


def _odds_pct(at: AppTest, city: str, year: int, lang: str) -> int:
    """Return the whole per cent of the odds sentence under the chart (`scenarios.peers.odds`) for `city`."""
    start = t("scenarios.peers.odds", lang, city=t(f"city.{city}", lang), year=year, words="\0", pct="0").split("\0")[0]
    [line] = [m.value for m in at.markdown if m.value.startswith(start)][:1]
    return int(re.search(r"(\d+) %", line.removeprefix(start)).group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheets_growth_as_shenzhens_baseline_moves_its_gdp_and_odds_and_the_link_keeps_it(lang):
    """`growth=sheet`: Shenzhen's GDP on the parameter sheet's assumed growth. Its median moves the way the sheet's
    5.5 % stands against Shenzhen's published 2019–23 growth (both read from the CSVs: 5.5 below 6.5, so lower);
    its odds against both peers move the same way or stay (the shared growth's error still cancels in the gap: a
    fixed growth had raised them to several per cent by 2035); a note says it is the sheet's assumption."""
    query = {"lang": lang, "out": "gdp", "horizon": "2035"}
    panel_at, sheet_at = run(**query), run(**query, growth="sheet")
    assert panel_at.radio(key="growth").value == "panel" and sheet_at.radio(key="growth").value == "sheet"
    assert sheet_at.query_params["growth"] == "sheet"  # the share link carries it
    lower = _sheet_growth() < _shenzhen_growth_2019_2023()
    assert (_gdp_p50(sheet_at, 2035, lang) < _gdp_p50(panel_at, 2035, lang)) == lower
    for city in ("beijing", "shanghai"):
        assert (_odds_pct(sheet_at, city, 2035, lang) <= _odds_pct(panel_at, city, 2035, lang)) == lower
    bold = t(
        "scenarios.growth.note",
        lang,
        **dict.fromkeys(("central", "low", "high", "label", "anchor", "panel", "year", "sheet_gdp", "panel_gdp"), ""),
    ).split("**")[1]
    assert any(bold in info.value for info in sheet_at.info)
    assert not any(bold in info.value for info in panel_at.info)
    assert any(t("scenarios.peers.note_sheet", lang) == c.value for c in sheet_at.caption)
    # the link reproduces it: a new session on the same query shows the same numbers
    again = run(**{key: sheet_at.query_params[key] for key in sheet_at.query_params})
    assert again.radio(key="growth").value == "sheet"
    assert _gdp_p50(again, 2035, lang) == _gdp_p50(sheet_at, 2035, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_shenzhens_own_target_as_its_baseline_lowers_its_gdp_and_says_so(lang):
    """`growth=target`: Shenzhen's 2026 target (5 % real, data/benchmarks.csv) plus its 2025 price change (+5.2 %
    nominal against +5.5 % real) is about 4.7 % a year, below the panel's 6.3 %: its 2035 GDP is lower, its odds
    cannot rise, a note says it is a target, and the link keeps it."""
    query = {"lang": lang, "out": "gdp", "horizon": "2035"}
    panel_at, target_at = run(**query), run(**query, growth="target")
    assert target_at.radio(key="growth").value == "target" and target_at.query_params["growth"] == "target"
    assert _gdp_p50(target_at, 2035, lang) < _gdp_p50(panel_at, 2035, lang)
    for city in ("beijing", "shanghai"):
        assert _odds_pct(target_at, city, 2035, lang) <= _odds_pct(panel_at, city, 2035, lang)
    bold = t("scenarios.growth.note.target", lang, **dict.fromkeys(NOTE_WORDS, "")).split("**")[1]
    assert any(bold in info.value for info in target_at.info)
    again = run(**{key: target_at.query_params[key] for key in target_at.query_params})
    assert _gdp_p50(again, 2035, lang) == _gdp_p50(target_at, 2035, lang)


NOTE_WORDS = (
    "central", "low", "high", "label", "anchor", "panel", "year", "sheet_gdp", "panel_gdp",
    "target_rate", "target_real", "target_price", "target_year", "target_price_year",
)  # fmt: skip


def test_choosing_the_sheets_growth_on_the_page_changes_gdp_and_back():
    at = run(lang="en", out="gdp", horizon="2035")
    before = _gdp_p50(at, 2035, "en"), _odds_pct(at, "beijing", 2035, "en")
    at.radio(key="growth").set_value("sheet").run()
    assert at.query_params["growth"] == "sheet"
    assert _gdp_p50(at, 2035, "en") != before[0]
    at.radio(key="growth").set_value("panel").run()
    assert at.query_params["growth"] == "panel"
    assert (_gdp_p50(at, 2035, "en"), _odds_pct(at, "beijing", 2035, "en")) == before


@pytest.mark.parametrize("raw", ["goal", "SHEET", "1", "<b>x</b>"])
def test_a_bad_growth_value_gets_a_notice_and_the_panel(raw):
    at = run(lang="en", growth=raw)
    label = at.radio(key="growth").label
    assert at.radio(key="growth").value == "panel"
    assert any(f"“{label}”" in warning.value for warning in at.warning)


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_say_which_baseline_and_carry_its_numbers(lang, params):
    """The CSV, JSON and brief of `growth=sheet` name the sheet's growth; their GDP is the sheet's (below or above the
    panel's as the sheet's growth stands against Shenzhen's published growth), read through the page's cached
    builders."""
    _, version = params
    levers = replace(model.baseline(), horizon=2035)
    words = download_checks.catalogue(lang)
    gdp_p50 = {}  # Shenzhen's 2035 GDP by baseline
    for code in ("panel", "sheet"):
        csv_bytes, json_text = scenario_cache.scenario_downloads(version, levers, None, DRAWS, SEED, lang, code)
        rows = download_checks.read(csv_bytes)
        assert {row[words["scenarios.col.growth"]] for row in rows} == {words[f"scenarios.growth.name.{code}"]}
        assert json.loads(json_text)["gdp_baseline"]["code"] == code
        [gdp] = [row for row in rows if (row[words["col.id"]], row[words["col.year"]]) == ("gdp", "2035")]
        gdp_p50[code] = float(gdp[words["scenarios.col.scenario"].format(q="p50")])
        brief = scenario_cache.scenario_brief(version, levers, "gdp", None, "", "https://example.org", lang, code)
        assert words["scenarios.brief.growth"].format(name=words[f"scenarios.growth.name.{code}"]) in brief
    assert (gdp_p50["sheet"] < gdp_p50["panel"]) == (_sheet_growth() < _shenzhen_growth_2019_2023())


@pytest.mark.parametrize("lang", LANGS)
def test_the_brief_carries_the_section_i_tab_as_the_page_prints_it(lang, params):
    """The walk: a journalist could quote the section-I tab's odds, which no download carried."""
    _, version = params
    at = run(lang=lang, preset="talent_push", view="peers")
    title = t("scenarios.digital.title", lang)
    assert title in [header.value for header in at.subheader]
    shown = [markdown.value for markdown in at.markdown]
    scope = t("scenarios.digital.scope", lang)
    page_lines = shown[shown.index(scope) :]  # the tab's plain words, from its first line on
    brief = scenario_cache.scenario_brief(
        version, model.PRESETS["talent_push"], "core_va", None, "", "https://example.org/scenarios", lang
    )
    section = brief.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    listed = [line.removeprefix("- ") for line in section.splitlines() if line.startswith("- ")]
    assert listed and listed[0] == scope and all(line in page_lines for line in listed), (listed, page_lines)


def _section_i_odds(levers: model.Levers, year: int) -> dict[str, float]:
    """Return per peer the probability (%) that Shenzhen's section I under `levers` is at or above it in `year`, from
    the model's section-I run (the test's own call, not the downloads')."""
    con = db.connect()
    try:
        rows, frame = db.benchmarks(con), db.parameters(con)
    finally:
        con.close()
    found = digital.bases(rows)
    years = range(min(base.year for base in found.values()), levers.horizon + 1)
    run_ = digital.scenario(
        panel.fit_rows(rows), found, digital.observed_gdp(rows), levers, frame, years, draws=DRAWS, seed=SEED
    )
    odds = comparison.odds(run_)
    at = odds[odds["year"] == year].set_index("city")["probability"]
    return {city: 100.0 * float(value) for city, value in at.items()}


# An amount as the tab's sentences print it, in 亿元: 66.2 亿元, 1.03 万亿元, +¥6.62 bn, ¥1.02 tn.
AMOUNT = re.compile(r"([-+]?)(¥?)([\d,.]+) ?(万亿元|亿元|bn|tn)")
IN_YI = {"亿元": 1.0, "万亿元": 1e4, "bn": 10.0, "tn": 1e4}


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_and_json_carry_the_section_i_tab_as_the_page_prints_it(lang, params):
    """The walk: the section-I tab's gap, odds and the levers' effect were in the brief only. The CSV and JSON of the
    same link (through the page's cached builders) hold the numbers the tab prints: its odds sentences, its gap
    sentences (three significant figures) and its table by year (the gap and effect in the unit it shows, the odds
    to a tenth); scenario B's rows are B's own odds (the model run for B's levers)."""
    _, version = params
    at = run(lang=lang, preset="talent_push", cmp="city_plan", view="peers")
    shown = [markdown.value for markdown in at.markdown]
    scope = t("scenarios.digital.scope", lang)
    tab_lines = shown[shown.index(scope) :]
    at.session_state["sector_i_odds_view"] = t("word.table", lang)
    at.run()
    (table,) = at.dataframe
    table = table.value
    a, b = model.PRESETS["talent_push"], replace(model.PRESETS["city_plan"], horizon=2030)
    csv_bytes, json_text = scenario_cache.scenario_downloads(version, a, b, DRAWS, SEED, lang)
    words = download_checks.catalogue(lang)
    rows = {(row[words["col.id"]], int(row[words["col.year"]])): row for row in download_checks.read(csv_bytes)}
    section = json.loads(json_text)["sector_i"]
    column = {run_: words[f"scenarios.col.{run_}"].format(q="p50") for run_ in ("scenario", "baseline", "change", "b")}
    factor = {"zh": 1.0, "en": 0.1}[lang]  # the tab's table shows 亿元 in Chinese, ¥ bn in English
    b_odds = _section_i_odds(b, 2030)
    checked = 0
    for city in ("beijing", "shanghai"):
        name = t(f"city.{city}", lang)
        by_year = table[table[t("col.city", lang)] == name].set_index(t("col.year", lang))
        for year, shown_row in by_year.iterrows():
            odds, gap = rows[(f"sector_i_va_odds_{city}", year)], rows[(f"sector_i_va_gap_{city}", year)]
            printed = shown_row.to_dict()
            p_paper = printed[words["scenarios.digital.col.probability"]]
            p_levers = printed[words["scenarios.digital.col.probability_levers"]]
            assert abs(p_levers - float(odds[column["scenario"]])) <= 0.5, (city, year)
            assert abs(p_paper - float(odds[column["baseline"]])) <= 0.5, (city, year)
            [gap_median] = [v for k, v in printed.items() if k.startswith(_before_unit(words, "gap"))]
            [effect] = [v for k, v in printed.items() if k.startswith(_before_unit(words, "effect"))]
            assert abs(gap_median - factor * float(gap[column["baseline"]])) <= 0.55, (city, year)
            assert abs(effect - factor * float(gap[column["change"]])) <= 0.55, (city, year)
            checked += 1
        odds = rows[(f"sector_i_va_odds_{city}", 2030)]
        pct = odds[column["scenario"]]
        assert [line for line in tab_lines if name in line and re.search(rf"[（(]{pct} %", line)]  # the odds sentence
        assert int(odds[column["b"]]) == round(b_odds[city])  # B's own run, not A's
        gap = rows[(f"sector_i_va_gap_{city}", 2030)]
        record = next(r for r in section["gaps"]["scenario"][city] if r["year"] == 2030)
        assert record["probability_levers"] == int(pct)
        assert (record["gap_p50"], record["effect_p50"], record["level_p50"]) == (
            float(gap[column["baseline"]]), float(gap[column["change"]]), float(gap[column["scenario"]])
        )  # fmt: skip
        b_record = next(r for r in section["gaps"]["b"][city] if r["year"] == 2030)
        assert b_record["probability_levers"] == int(odds[column["b"]])
        [sentence] = [line for line in tab_lines if name in line and line.startswith(_gap_starts(lang))]
        amounts = [float(number.replace(",", "")) * IN_YI[word] for _, _, number, word in AMOUNT.findall(sentence)]
        effect_printed, gap_printed = amounts[0], amounts[3]  # the effect, its band, then the gap
        assert effect_printed == pytest.approx(float(f"{float(gap[column['change']]):.3g}"))
        assert gap_printed == pytest.approx(-float(f"{float(gap[column['baseline']]):.3g}"))
    assert checked >= 2
    assert section["title"] == t("scenarios.digital.title", lang) and section["scope"] == scope


def _gap_starts(lang: str) -> tuple[str, ...]:
    """Return how the tab's gap sentences start (the levers close, widen, or barely change the gap)."""
    return tuple(t(f"scenarios.gap.{key}", lang).split("{")[0] for key in GAP_SENTENCES.values())


def _before_unit(words: dict, column: str) -> str:
    """Return a section-I table header up to its unit (the unit differs by language)."""
    return words[f"scenarios.digital.col.{column}"].split("{unit}")[0]
