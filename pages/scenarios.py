"""Scenarios: move the paper's three policy levers and see Shenzhen against Beijing and Shanghai to 2035."""

import streamlit as st

from explorer import cached, model, ui
from explorer.i18n import t
from explorer.scenarios import DRAWS, SEED, paper_levers, summary
from explorer.views import scenarios as view
from explorer.views.pieces import fill_missing

lang = ui.start_page("scenarios")
version = cached.database().version
figures = cached.figures(version)
params = cached.parameters(version)
outcomes = cached.outcomes(version).set_index("code")

st.title(t("scenarios.title", lang))
st.info(t("scenarios.disclaimer", lang), icon=":material/science:")

linked_version = st.query_params.get("v")
if linked_version is not None and linked_version != version[:12]:
    st.warning(
        t("scenarios.version_moved", lang, old=ui.clip(linked_version), new=version[:12]), icon=":material/history:"
    )
st.query_params["v"] = version[:12]


def apply_preset() -> None:
    for name, value in vars(model.PRESETS[st.session_state["preset"]]).items():
        st.session_state[name] = value


with st.sidebar:
    preset = ui.url_choice(
        "preset",
        list(model.PRESETS),
        label=t("scenarios.preset", lang),
        format_func=lambda code: t(f"preset.{code}", lang),
        default="paper",
        on_change=apply_preset,
    )
    groups = view.lever_groups(figures, params, lang)
    ui.seed_levers(model.PRESETS[preset], {lever.name: lever.label for _, sliders in groups for lever in sliders})
    for heading, sliders in groups:
        st.markdown(f"**{heading}**")
        for lever in sliders:
            st.slider(
                lever.label,
                lever.low,
                lever.high,
                step=lever.step,
                key=lever.name,
                help=lever.help,
                format=lever.format,
            )
            if lever.note:
                st.caption(lever.note)
    levers = ui.current_levers()
    if levers != model.PRESETS[preset]:
        st.caption(t("scenarios.preset.modified", lang))

base_levers = paper_levers(levers.horizon)
scenario = cached.projection(version, levers, DRAWS, SEED)
base = cached.projection(version, base_levers, DRAWS, SEED)
peers = cached.peer_paths(version, levers.horizon)
deltas, odds = cached.scenario_outcomes(version, levers, base_levers, DRAWS, SEED)

for text in view.warning_texts(cached.scenario_warnings(version, levers), params, lang):
    st.warning(text, icon=":material/warning:")

st.subheader(t("scenarios.kpis", lang, year=levers.horizon))
cards = view.kpis(deltas, outcomes, lang)
for row_start in range(0, len(cards), 3):
    for column, card in zip(st.columns(3), cards[row_start : row_start + 3]):
        column.metric(card.label, card.value, delta=card.delta, delta_color="off", border=True, help=t("col.p50", lang))

outcome = ui.url_choice(
    "out",
    list(model.INDICATORS),
    label=t("scenarios.outcome", lang),
    format_func=lambda code: view.indicator_label(code, outcomes, lang),
    default="core_va",
)
fan = view.outcome_chart(outcome, scenario, base, peers, figures, outcomes, lang)
ui.chart_with_table(fan.spec, fan.table, lang, key="outcome")
for caption in fan.captions:
    st.caption(caption)
for line in view.odds_lines(cached.peer_odds(version, levers, outcome, DRAWS, SEED), levers.horizon, lang):
    st.markdown(line)

st.subheader(t("scenarios.summary.title", lang))
st.markdown(summary(deltas, levers, odds, outcomes, lang))
paired = cached.projection_delta(version, levers, DRAWS, SEED)
st.markdown(view.why_it_moved(paired, cached.decomposition(version, levers), outcomes, levers.horizon, lang))

sensitivity = view.tornado_chart(
    cached.tornado(version, levers, outcome, levers.horizon), params, outcomes, outcome, levers.horizon, lang
)
if sensitivity is None:
    st.caption(t("scenarios.tornado.flat", lang, indicator=view.indicator_label(outcome, outcomes, lang)))
else:
    ui.chart_with_table(sensitivity.spec, sensitivity.table, lang, key="tornado")
st.caption(t("scenarios.tornado.caption", lang))

with st.expander(t("scenarios.table.title", lang), icon=":material/table:"):
    st.dataframe(fill_missing(view.results_table(scenario, outcomes, lang), lang), hide_index=True)
csv_text, json_text = cached.scenario_downloads(version, levers, base_levers, DRAWS, SEED)
left, right = st.columns(2)
left.download_button(
    t("scenarios.download.csv", lang),
    csv_text,
    file_name="shenzhen-scenario.csv",
    mime="text/csv",
    icon=":material/download:",
)
right.download_button(
    t("scenarios.download.json", lang),
    json_text,
    file_name="shenzhen-scenario.json",
    mime="application/json",
    icon=":material/download:",
)

ui.end_page()
