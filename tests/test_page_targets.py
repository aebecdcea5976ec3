"""The Targets tracker page as a user sees it (AppTest): every target, its status and progress, URL filters, links."""

from urllib.parse import parse_qs

import pandas as pd
import pytest
from apptest import run_page
from streamlit.testing.v1 import AppTest

from explorer import ROOT, db, ui
from explorer.i18n import LANGS, t


@pytest.fixture(scope="module")
def targets_and_statuses() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the paper's targets (from the gateway) and the status CSV as written, independently of the page."""
    con = db.connect()
    try:
        figures = db.figures(con)
    finally:
        con.close()
    statuses = pd.read_csv(ROOT / "data" / "target_status.csv", dtype={"as_of": str})
    return figures[figures["kind"] == "target"].set_index("id", drop=False), statuses


def run(**params: str) -> AppTest:
    return run_page("targets", **params)


def shown_ids(at: AppTest) -> list[str]:
    """Return the ids of the target cards on the page, in page order (a card is a container keyed target_<id>)."""
    keys = [getattr(node, "key", None) or "" for node in at.main]
    return [key.removeprefix("target_") for key in keys if key.startswith("target_")]


def latest(statuses: pd.DataFrame, fig_id: str) -> pd.Series | None:
    own = statuses[statuses["figure_id"] == fig_id].sort_values("as_of")
    return None if own.empty else own.iloc[-1]


@pytest.mark.parametrize("lang", LANGS)
def test_every_target_has_a_card_with_the_papers_value_and_its_status(lang, targets_and_statuses):
    figures, statuses = targets_and_statuses
    at = run(lang=lang)
    assert at.title[0].value == t("targets.title", lang)
    assert shown_ids(at) == figures["id"].tolist()
    for fig_id, fig in figures.iterrows():
        card = at.get_by_key(f"target_{fig_id}")
        assert card.markdown[0].value == f"**{fig[f'metric_{lang}']}**"
        target_metric = card.metric[0]
        assert target_metric.label == t("targets.col.target", lang)
        assert target_metric.value == ui.figure_value(fig, lang)
        status = latest(statuses, fig_id)
        if status is None:
            assert len(card.metric) == 1
            assert any(t("targets.status.none", lang) in m.value for m in card.markdown)
            assert len(card.progress) == 0
        else:
            status_metric = card.metric[1]
            assert status_metric.label == t("targets.status", lang)
            expected = fig.copy()
            expected["value"], expected["value_high"] = status["value"], float("nan")
            expected["qualifier"], expected["kind"] = status["qualifier"], "status"
            assert status_metric.value == ui.figure_value(expected, lang)
            assert t("targets.status.as_of", lang, as_of=status["as_of"]) in [c.value for c in card.caption]


@pytest.mark.parametrize("lang", LANGS)
def test_progress_is_status_over_target_and_the_summary_counts_it(lang, targets_and_statuses):
    figures, statuses = targets_and_statuses
    at = run(lang=lang)
    num_met = 0
    with_status = statuses["figure_id"].unique()
    for fig_id in with_status:
        fig, status = figures.loc[fig_id], latest(statuses, fig_id)
        card = at.get_by_key(f"target_{fig_id}")
        if fig["qualifier"] == "less_than":  # a ceiling: met or not met, never a bar
            assert len(card.progress) == 0
            continue
        ratio = status["value"] / fig["value"]
        [bar] = card.progress
        assert bar.value == round(min(ratio, 1.0) * 100)
        assert f"{ratio * 100:.0f} %" in bar.text
        above = status["value"] > fig["value"] if fig["qualifier"] == "more_than" else status["value"] >= fig["value"]
        is_met = above and status["qualifier"] in ("exact", "approx", "at_least")
        num_met += is_met
        badge = t("targets.met.true" if is_met else "targets.met.false", lang)
        if status["qualifier"] in ("exact", "approx"):
            assert any(badge in m.value for m in card.markdown)
    expected = t(
        "targets.summary",
        lang,
        count=len(figures),
        shown=len(figures),
        total=len(figures),
        with_status=len(with_status),
        met=num_met,
    )
    assert expected in [m.value for m in at.markdown]


def test_a_five_g_status_below_target_is_shown_as_95_percent_not_met():
    at = run(lang="en")
    card = at.get_by_key("target_target_5g_per_10k")
    assert card.progress[0].value == 95
    assert any(t("targets.met.false", "en") in m.value for m in card.markdown)


def test_a_ceiling_without_status_says_how_it_will_be_judged():
    at = run(lang="en")
    card = at.get_by_key("target_target_new_dc_pue_2025")
    captions = [c.value for c in card.caption]
    assert t("targets.ceiling.none", "en") in captions
    assert len(card.progress) == 0


def test_filters_come_from_the_url(targets_and_statuses):
    figures, statuses = targets_and_statuses
    at = run(lang="zh", section="3.6", show="with_status")
    expected = [i for i in figures["id"] if figures.at[i, "section"] == "3.6" and i in set(statuses["figure_id"])]
    assert shown_ids(at) == expected
    assert at.multiselect(key="section").value == ["3.6"]
    assert at.radio(key="show").value == "with_status"
    assert not at.warning

    at = run(lang="en", section="3.3,3.8", show="without_status")
    expected = [
        i for i in figures["id"] if figures.at[i, "section"] in ("3.3", "3.8") and i not in set(statuses["figure_id"])
    ]
    assert shown_ids(at) == expected
    assert t(
        "targets.summary", "en", count=len(expected), shown=len(expected), total=len(figures), with_status=0, met=0
    ) in [m.value for m in at.markdown]


def test_a_filter_with_nothing_to_show_says_so():
    at = run(lang="en", section="3.2", show="with_status")
    assert shown_ids(at) == []
    assert at.info[0].value == t("targets.none", "en")


@pytest.mark.parametrize(("key", "value"), [("section", "9.9"), ("show", "everything"), ("section", "3.6,<b>x</b>")])
def test_bad_url_values_get_a_notice_and_the_default(key, value, targets_and_statuses):
    figures, _ = targets_and_statuses
    at = run(lang="en", **{key: value})
    assert any(f"`{key}`" in warning.value for warning in at.warning)
    assert shown_ids(at) == figures["id"].tolist()


def _links(card) -> dict[str, dict[str, list[str]]]:
    return {link.proto.page: parse_qs(link.proto.query_string) for link in card.page_link}


@pytest.mark.parametrize("lang", LANGS)
def test_every_target_links_to_its_figure(lang, targets_and_statuses):
    figures, _ = targets_and_statuses
    at = run(lang=lang)
    for fig_id in figures["id"]:
        links = _links(at.get_by_key(f"target_{fig_id}"))
        assert links["figures"] == {"lang": [lang], "fig": [fig_id]}


def test_lever_targets_link_to_scenarios_with_the_papers_value_except_the_racks_stock(targets_and_statuses):
    figures, _ = targets_and_statuses
    at = run(lang="en")
    pue = _links(at.get_by_key("target_target_new_dc_pue_2025"))["scenarios"]
    assert pue == {"lang": ["en"], "dc_pue": [f"{figures.at['target_new_dc_pue_2025', 'value']:g}"]}
    xc = _links(at.get_by_key("target_target_xc_procurement_share"))["scenarios"]
    assert xc == {"lang": ["en"], "xc_share": ["40"]}
    racks = at.get_by_key("target_target_dc_racks_2025")
    assert _links(racks)["scenarios"] == {"lang": ["en"]}
    assert t("targets.link.racks_note", "en") in [c.value for c in racks.caption]
    assert "scenarios" not in _links(at.get_by_key("target_target_5g_per_10k"))


def test_the_table_view_carries_every_shown_target(targets_and_statuses):
    figures, _ = targets_and_statuses
    at = run(lang="en", section="3.6")
    [table] = at.dataframe  # the only table on the page, in its expander
    frame = table.value
    assert frame[t("col.id", "en")].tolist() == [i for i in figures["id"] if figures.at[i, "section"] == "3.6"]
    row = frame.set_index(t("col.id", "en")).loc["target_5g_per_10k"]
    assert row[t("targets.col.progress", "en")] == "95 %"


@pytest.fixture
def extra_statuses(monkeypatch):
    """Serve three made-up statuses on top of the real ones: a ceiling not met, a ceiling met, a floor exceeded."""
    import streamlit as st

    real = db.target_status

    def with_extras(con):
        frame = real(con)
        template = frame.iloc[0]
        rows = [
            {**template, "figure_id": "target_new_dc_pue_2025", "as_of": "2030-01", "value": 1.3, "qualifier": "exact"},
            {**template, "figure_id": "target_e2e_latency", "as_of": "2030-01", "value": 7.0, "qualifier": "exact"},
            {**template, "figure_id": "target_5g_per_10k", "as_of": "2030-01", "value": 36.0, "qualifier": "exact"},
        ]
        return pd.concat([frame, pd.DataFrame(rows)], ignore_index=True)

    monkeypatch.setattr(db, "target_status", with_extras)
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def test_ceilings_say_met_or_not_and_an_exceeded_floor_stops_at_100(extra_statuses):
    at = run(lang="en")
    pue = at.get_by_key("target_target_new_dc_pue_2025")
    assert len(pue.progress) == 0
    assert any(t("targets.met.false", "en") in m.value for m in pue.markdown)
    expected = t("targets.ceiling.not_met", "en", status="1.3 ratio", gap="0.05 ratio", cap="1.25 ratio")
    assert expected in [c.value for c in pue.caption]
    latency = at.get_by_key("target_target_e2e_latency")
    assert any(t("targets.met.true", "en") in m.value for m in latency.markdown)
    assert t("targets.ceiling.met", "en", status="7 ms", cap="8 ms") in [c.value for c in latency.caption]
    five_g = at.get_by_key("target_target_5g_per_10k")
    assert five_g.progress[0].value == 100
    assert five_g.progress[0].text == t("targets.progress.exceeded", "en", pct="120 %")
    assert any(t("targets.met.true", "en") in m.value for m in five_g.markdown)
    assert t("targets.summary", "en", count=18, shown=18, total=18, with_status=4, met=2) in [
        m.value for m in at.markdown
    ]
