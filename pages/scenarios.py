"""Scenarios: move the paper's three policy levers and see Shenzhen against Beijing and Shanghai to 2035.

The levers and every result sit in one fragment in the main area: a lever move reruns the fragment
alone, not the shell (sidebar widgets cannot sit in a fragment, and a phone shows them in a drawer).
"""

import streamlit as st

from explorer import cached, model, ui
from explorer.i18n import t
from explorer.scenarios import DRAWS, SEED, paper_levers, summary
from explorer.views import scenarios as view

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


@st.fragment
def scenario_panel() -> None:
    """The levers and everything computed from them: a lever move reruns only this."""
    preset = ui.url_choice(
        "preset",
        list(model.PRESETS),
        label=t("scenarios.preset", lang),
        format_func=lambda code: t(f"preset.{code}", lang),
        default="paper",
        on_change=apply_preset,
    )
    ui.seed_levers(model.PRESETS[preset])
    levers = ui.current_levers()
    warnings = view.warnings_by_lever(cached.scenario_warnings(version, levers), params, lang)
    with st.expander(t("scenarios.levers", lang), expanded=True, icon=":material/tune:"):
        groups = view.lever_groups(figures, params, lang)
        columns = st.columns(len(groups) - 1)
        for (heading, sliders), column in zip(groups, [*columns, st.container()]):
            with column:
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
                    for text in warnings.get(lever.name, ()):
                        st.warning(text, icon=":material/warning:")
        if levers != model.PRESETS[preset]:
            st.caption(t("scenarios.preset.modified", lang))

    base_levers = paper_levers(levers.horizon)
    scenario = cached.projection(version, levers, DRAWS, SEED)
    base = cached.projection(version, base_levers, DRAWS, SEED)
    paired = cached.projection_delta(version, levers, DRAWS, SEED)
    peers = cached.peer_paths(version, levers.horizon)
    deltas, odds = cached.scenario_outcomes(version, levers, base_levers, DRAWS, SEED)

    st.subheader(t("scenarios.kpis", lang, year=levers.horizon))
    st.html(view.cards_html(view.kpis(deltas, paired, levers.horizon, outcomes, lang)))
    st.subheader(t("scenarios.costs", lang, year=levers.horizon))
    st.html(view.cards_html(view.cost_cards(deltas, paired, scenario, levers, outcomes, lang)))

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
    st.markdown(summary(deltas, levers, odds, lang))
    parts = cached.decomposition(version, levers)
    st.markdown(view.why_it_moved(paired, parts, levers.horizon, lang))
    moved = view.waterfall(parts, outcome, levers.horizon, outcomes, lang)
    if moved is None:
        st.caption(t("scenarios.waterfall.flat", lang))
    else:
        ui.chart_with_table(moved.spec, moved.table, lang, key="waterfall")

    sensitivity = view.tornado_chart(
        cached.tornado(version, levers, outcome, levers.horizon), params, outcomes, outcome, levers.horizon, lang
    )
    if sensitivity is None:
        st.caption(t("scenarios.tornado.flat", lang, indicator=view.indicator_label(outcome, outcomes, lang)))
    else:
        ui.chart_with_table(sensitivity.spec, sensitivity.table, lang, key="tornado")
    st.caption(t("scenarios.tornado.caption", lang))

    def downloads() -> tuple[str, str]:
        """Return the (CSV, JSON) downloads: built when a button is clicked, not on every lever move."""
        return cached.scenario_downloads(version, levers, base_levers, DRAWS, SEED)

    left, right = st.columns(2)
    left.download_button(
        t("scenarios.download.csv", lang),
        lambda: downloads()[0],
        file_name="shenzhen-scenario.csv",
        mime="text/csv",
        icon=":material/download:",
    )
    right.download_button(
        t("scenarios.download.json", lang),
        lambda: downloads()[1],
        file_name="shenzhen-scenario.json",
        mime="application/json",
        icon=":material/download:",
    )
    ui.share_link("scenarios", lang, where=st.container())  # the sidebar's link would not follow a fragment rerun


scenario_panel()
ui.end_page(share=False)
