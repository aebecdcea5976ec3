"""explorer.views.targets on the real data (and three made-up statuses): cards, progress, sources, links, table."""

import pandas as pd
import pytest
from loaded import frames

from explorer import ROOT, formatting
from explorer.i18n import LANGS, t
from explorer.views import targets as views


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return frames()


@pytest.fixture(scope="module")
def written() -> pd.DataFrame:
    """Return the status CSV as written, independently of the gateway."""
    return pd.read_csv(ROOT / "data" / "target_status.csv", dtype={"as_of": str})


def view(data, lang: str, chosen=(), show: str = "all", statuses: pd.DataFrame | None = None) -> views.TargetsView:
    statuses = data["target_status"] if statuses is None else statuses
    rows = views.board(data["figures"], statuses)
    return views.targets_view(rows, statuses, data["sections"], lang, chosen, show)


def cards(target_view: views.TargetsView) -> dict[str, views.Card]:
    return {card.id: card for _, section in target_view.sections for card in section}


def targets(data) -> pd.DataFrame:
    figures = data["figures"]
    return figures[figures["kind"] == "target"].set_index("id", drop=False)


def with_status(fig: pd.Series, value: float, qualifier: str) -> pd.Series:
    """Return the figure as its status would be written: that value and qualifier, in the target's unit."""
    status = fig.copy()
    status["value"], status["value_high"], status["qualifier"], status["kind"] = (
        value,
        float("nan"),
        qualifier,
        "status",
    )
    return status


@pytest.mark.parametrize("lang", LANGS)
def test_every_target_has_a_card_under_its_section_with_the_papers_value_and_its_latest_status(lang, data, written):
    shown = view(data, lang)
    figures = targets(data)
    titles = data["sections"].set_index("id")[f"title_{lang}"]
    assert [heading for heading, _ in shown.sections] == [f"{s} {titles[s]}" for s in dict.fromkeys(figures["section"])]
    assert list(cards(shown)) == figures["id"].tolist()
    for fig_id, card in cards(shown).items():
        fig = figures.loc[fig_id]
        assert card.title == f"**{fig[f'metric_{lang}']}**"
        assert card.target == formatting.figure_value(fig, lang)
        assert card.target_help == t(f"qualifier.{fig['qualifier']}", lang)
        year = t("targets.year", lang, year=int(fig["year"])) if pd.notna(fig["year"]) else t("word.no_year", lang)
        assert card.year == year
        own = written[written["figure_id"] == fig_id].sort_values("as_of")
        if own.empty:
            assert card.status is None and card.as_of is None and card.latest is None and card.earlier == ()
            continue
        latest = own.iloc[-1]
        assert card.status == formatting.figure_value(with_status(fig, latest["value"], latest["qualifier"]), lang)
        assert card.status_help == latest["definition"]
        assert card.as_of == t("targets.status.as_of", lang, as_of=latest["as_of"])
        assert card.latest.quote == f"> {latest['source_quote']}"
        assert card.latest.link == f"[{latest['source_title']}]({latest['source_url']})"
        assert len(card.earlier) == len(own) - 1


def test_earlier_statuses_are_listed_newest_first_in_the_targets_unit(data):
    poles = cards(view(data, "en"))["target_smart_poles_2025"]
    assert poles.as_of == t("targets.status.as_of", "en", as_of="2022-06")
    assert [item for item, _ in poles.earlier] == ["- 2022-01: > 15,000 poles"]
    (_, source), statuses = poles.earlier[0], data["target_status"]
    earlier = statuses[(statuses["figure_id"] == "target_smart_poles_2025") & (statuses["as_of"] == "2022-01")].iloc[0]
    accessed = pd.Timestamp(earlier["date_accessed"]).date().isoformat()
    grade = t(f"grade.{earlier['grade']}", "en")
    assert source.meta == t("targets.status.meta", "en", grade=grade, as_of="2022-01", accessed=accessed)
    assert source.definition == t("targets.status.definition", "en", text=earlier["definition"])


@pytest.mark.parametrize("lang", LANGS)
def test_progress_is_status_over_target_and_the_summary_counts_it(lang, data, written):
    shown = view(data, lang)
    figures = targets(data)
    num_met = 0
    latest = written.sort_values("as_of").drop_duplicates("figure_id", keep="last").set_index("figure_id")
    for fig_id, status in latest.iterrows():
        fig, card = figures.loc[fig_id], cards(shown)[fig_id]
        if fig["qualifier"] == "less_than":  # a ceiling: met or not met, never a bar
            assert card.progress.bar is None
            continue
        ratio = status["value"] / fig["value"]
        assert card.progress.bar == pytest.approx(min(ratio, 1.0))
        assert f"{ratio * 100:.0f} %" in card.progress.bar_text
        above = status["value"] > fig["value"] if fig["qualifier"] == "more_than" else status["value"] >= fig["value"]
        is_met = above and status["qualifier"] in ("exact", "approx", "at_least")
        num_met += is_met
        assert t("targets.met.true" if is_met else "targets.met.false", lang) in card.progress.badge
    expected = t(
        "targets.summary",
        lang,
        count=len(figures),
        shown=len(figures),
        total=len(figures),
        with_status=len(latest),
        met=num_met,
    )
    assert shown.summary == expected


def test_a_five_g_status_below_target_is_95_percent_not_met(data):
    five_g = cards(view(data, "en"))["target_5g_per_10k"].progress
    assert five_g.bar == pytest.approx(0.95)
    assert five_g.bar_text == t("targets.progress.floor", "en", pct="95 %")
    assert five_g.badge == f":orange-badge[:material/pending: {t('targets.met.false', 'en')}]"


def test_targets_without_status_say_how_they_will_be_judged_or_why_not(data):
    shown = cards(view(data, "en"))
    assert shown["target_new_dc_pue_2025"].progress == views.ProgressView(captions=(t("targets.ceiling.none", "en"),))
    gigabit = targets(data).loc["target_home_gigabit_coverage"]
    unclear = t("targets.unclear", "en", value=formatting.figure_value(gigabit, "en"))
    assert shown["target_home_gigabit_coverage"].progress == views.ProgressView(captions=(unclear,))
    assert shown["target_cv2x_rsus"].progress == views.ProgressView()


def test_ceilings_say_met_or_not_and_an_exceeded_floor_stops_at_100(data):
    real = data["target_status"]
    template = real.iloc[0]
    extra = [
        {**template, "figure_id": "target_new_dc_pue_2025", "as_of": "2030-01", "value": 1.3, "qualifier": "exact"},
        {**template, "figure_id": "target_e2e_latency", "as_of": "2030-01", "value": 7.0, "qualifier": "exact"},
        {**template, "figure_id": "target_5g_per_10k", "as_of": "2030-01", "value": 36.0, "qualifier": "exact"},
    ]
    shown = view(data, "en", statuses=pd.concat([real, pd.DataFrame(extra)], ignore_index=True))
    pue = cards(shown)["target_new_dc_pue_2025"].progress
    assert pue.bar is None and t("targets.met.false", "en") in pue.badge
    assert pue.captions == (t("targets.ceiling.not_met", "en", status="1.3", gap="0.05", cap="1.25"),)
    latency = cards(shown)["target_e2e_latency"].progress
    assert t("targets.met.true", "en") in latency.badge
    assert latency.captions == (t("targets.ceiling.met", "en", status="7 ms", cap="8 ms", gap="1 ms"),)
    five_g = cards(shown)["target_5g_per_10k"].progress
    assert five_g.bar == 1.0
    assert five_g.bar_text == t("targets.progress.exceeded", "en", pct="120 %")
    assert t("targets.met.true", "en") in five_g.badge
    assert shown.summary == t("targets.summary", "en", count=18, shown=18, total=18, with_status=4, met=2)
    assert shown.table.set_index(t("col.id", "en")).at["target_new_dc_pue_2025", t("targets.col.progress", "en")] == (
        t("targets.met.false", "en")
    )


def test_a_status_that_is_a_lower_bound_says_so(data):
    real = data["target_status"]
    extra = {**real.iloc[0], "figure_id": "target_cross_industry_iiot_platforms", "as_of": "2030-01", "value": 2.0}
    extra["qualifier"] = "more_than"
    shown = view(data, "en", statuses=pd.concat([real, pd.DataFrame([extra])], ignore_index=True))
    progress = cards(shown)["target_cross_industry_iiot_platforms"].progress
    fig = targets(data).loc["target_cross_industry_iiot_platforms"]
    assert progress.bar_text == t("targets.progress.floor", "en", pct="> 67 %")
    assert progress.captions == (
        t("targets.progress.lower_bound", "en", range=formatting.figure_value(fig, "en"), low="3 platforms"),
        t("targets.progress.open_status", "en"),
    )
    assert t("targets.met.unknown", "en") in progress.badge


@pytest.mark.parametrize(
    ("chosen", "show", "keep"),
    [
        (["3.6"], "with_status", lambda f, s: (f["section"] == "3.6") & f["id"].isin(s)),
        (["3.3", "3.8"], "without_status", lambda f, s: f["section"].isin(["3.3", "3.8"]) & ~f["id"].isin(s)),
        ([], "with_status", lambda f, s: f["id"].isin(s)),
        (["3.2"], "with_status", lambda f, s: f["id"] != f["id"]),
    ],
)
def test_the_filters_keep_what_they_name(chosen, show, keep, data, written):
    figures = targets(data)
    expected = figures[keep(figures, set(written["figure_id"]))]["id"].tolist()
    shown = view(data, "en", chosen, show)
    assert list(cards(shown)) == expected
    assert shown.table[t("col.id", "en")].tolist() == expected
    assert (shown.sections == ()) is (not expected)
    assert views.section_options(views.board(data["figures"], data["target_status"])) == list(
        dict.fromkeys(figures["section"])
    )


def test_lever_targets_link_to_scenarios_with_the_papers_value_except_the_racks_stock(data):
    shown = cards(view(data, "en"))
    pue = targets(data).at["target_new_dc_pue_2025", "value"]
    assert shown["target_new_dc_pue_2025"].scenarios == views.ScenarioLink(
        t("targets.link.scenarios", "en"), {"lang": "en", "dc_pue": f"{pue:g}"}, None
    )
    assert shown["target_xc_procurement_share"].scenarios.params == {"lang": "en", "xc_share": "40"}
    racks = shown["target_dc_racks_2025"].scenarios
    assert racks == views.ScenarioLink(
        t("targets.link.scenarios_racks", "en"), {"lang": "en"}, t("targets.link.racks_note", "en")
    )
    assert shown["target_5g_per_10k"].scenarios is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_and_the_csv_carry_every_shown_target(lang, data):
    shown = view(data, lang, ["3.6"])
    figures = targets(data)
    ids = [fig_id for fig_id in figures["id"] if figures.at[fig_id, "section"] == "3.6"]
    table = shown.table.set_index(t("col.id", lang))
    assert table.index.tolist() == ids
    assert table.at["target_5g_per_10k", t("targets.col.progress", lang)] == "95 %"
    assert table.at["target_5g_per_10k", t("targets.col.met", lang)] == t("targets.met.false", lang)
    assert table.at["target_cv2x_rsus", t("targets.col.status", lang)] == t("targets.status.none", lang)
    assert table.at["target_cv2x_rsus", t("targets.col.met", lang)] == "—"
    assert table.at["target_new_dc_pue_2025", t("col.year", lang)] == "2025"
    assert table.at["target_cv2x_rsus", t("col.year", lang)] == "—"
    assert shown.csv.startswith(b"\xef\xbb\xbf")
    header, *lines = shown.csv.decode("utf-8-sig").strip().split("\n")
    assert header.split(",") == views.EXPORT_COLUMNS
    assert [line.split(",")[0] for line in lines] == ids
