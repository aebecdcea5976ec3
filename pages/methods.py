"""Methods: the model's channels, equations, baseline, limits and every parameter with its source."""

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from explorer.core.i18n import t
from explorer.data import loaders
from explorer.features.hindcast import cache as hindcast_cache
from explorer.features.hindcast import view as hindcast_view
from explorer.features.methods import view
from explorer.features.pieces import fill_missing
from explorer.features.scenarios import cache as scenario_cache
from explorer.features.scenarios.results import DRAWS, SEED
from explorer.shell import ui
from explorer.shell.pages import page_file

lang = ui.lang()
version = loaders.database().version
params = loaders.parameters(version)
units = loaders.units(version).set_index("code")

st.title(t("methods.title", lang))
st.info(t("methods.intro", lang, count=DRAWS, draws=DRAWS, seed=SEED), icon=":material/science:")
st.page_link(
    page_file("scenarios"), label=t("methods.open_scenarios", lang), query_params={"lang": lang}, icon=":material/tune:"
)

st.subheader(t("methods.baseline.title", lang))
st.markdown(t("methods.baseline.body", lang))


def section(title: str, body: str, more: str) -> DeltaGenerator:
    """Write a section's heading and the first sentence of its prose; return the expander holding the rest (a phone
    reader scans headings and leads instead of scrolling 23,000 px; the whole text is one click away)."""
    st.subheader(title)
    first, rest = view.lead(body)
    st.markdown(first)
    folded = st.expander(more, icon=":material/expand_more:")
    if rest:
        folded.markdown(rest)
    return folded


for channel in view.channels(params, units, lang):
    with section(channel.title, channel.body, t("methods.more.channel", lang)):
        for equation in channel.equations:
            st.markdown(view.equation_markdown(equation))
        st.markdown(channel.legend)
        if channel.code == "dc":
            spillover = view.spillover_chart(params, units, lang, scenario_cache.lever_start(version))
            ui.chart_with_table(spillover.spec, spillover.table, lang, key="spillover_curve", source="model")
            st.caption(spillover.caption)
        st.caption(view.equations_note(lang))  # how to read them, beside each channel's equations
st.subheader(t("methods.why.title", lang))
st.markdown(t("methods.why.body", lang))
with section(t("methods.peers.title", lang), t("methods.peers.body", lang), t("methods.more.peers", lang)):
    gdp_panel = scenario_cache.gdp_panel(version)
    st.markdown(view.panel_estimates(gdp_panel, lang))
    st.dataframe(view.panel_table(gdp_panel, units, lang), hide_index=True)
    if national := view.national_pace(gdp_panel, loaders.national(version), lang):
        st.markdown(national)
    st.markdown(view.alternative_baseline(gdp_panel, params, lang, loaders.benchmarks(version)))
rolling_forecasts, rolling_scores = hindcast_cache.rolling(version)
rolling_note = hindcast_view.rolling_line(rolling_scores, rolling_forecasts, lang)
with section(t("methods.rolling.title", lang), t("methods.rolling.body", lang), t("methods.more.scores", lang)):
    if not rolling_scores.empty:
        st.dataframe(hindcast_view.rolling_table(rolling_scores, lang), hide_index=True)
if rolling_note:  # the result, under the expander with the method
    st.markdown(rolling_note)
forecasts, scores, missing = hindcast_cache.scored(version)
with section(t("methods.hindcast.title", lang), t("methods.hindcast.body", lang), t("methods.more.charts", lang)):
    for chart in hindcast_view.hindcast_charts(hindcast_cache.rows(version), forecasts, lang):
        ui.chart_with_table(chart.spec, chart.table, lang, key=chart.key, source="model")
        st.caption(chart.caption)
    if not scores.empty:
        st.dataframe(hindcast_view.score_table(scores, lang), hide_index=True)
    missing_note = hindcast_view.missing_line(missing, lang)
    if missing_note:
        st.markdown(missing_note)
for line in hindcast_view.coverage_lines(scores, lang):  # the result, under the expander with the method
    st.markdown(line)
section(t("methods.limits.title", lang), t("methods.limits.body", lang), t("methods.more.limits", lang))

st.subheader(t("methods.params.title", lang))
st.caption(view.parameter_caption(params, lang))
grades = ui.url_multi(
    "grade", view.GRADES, label=t("methods.params.filter", lang), format_func=lambda grade: t(f"grade.{grade}", lang)
)
st.dataframe(
    fill_missing(view.parameter_frame(params, units, grades, lang), lang, links=[t("col.source_url", lang)]),
    hide_index=True,
    column_config={t("col.source_url", lang): st.column_config.LinkColumn()},
)
