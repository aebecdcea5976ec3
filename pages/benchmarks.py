"""Benchmarks: Beijing, Shanghai and Shenzhen on like-for-like yearly series, every value sourced."""

import streamlit as st

from explorer.core.i18n import t
from explorer.data import export, loaders
from explorer.features.benchmarks import view as views
from explorer.shell import ui
from explorer.shell.pages import page_file

lang = ui.lang()
version = loaders.database().version
indicators = loaders.indicators(version)
everything = loaders.benchmarks(version)
groups = loaders.comparability_groups(version)
statuses = loaders.target_status(version)

st.title(t("benchmarks.title", lang))
st.caption(t("benchmarks.intro", lang))

st.subheader(t("benchmarks.glance.title", lang))
st.caption(t("benchmarks.glance.caption", lang))
glance = (*views.glance(indicators, everything, statuses, lang), *views.apart_lines(indicators, everything, lang))
st.markdown("\n".join(f"- {line}" for line in glance))
link_label, link_params = views.comparable_link(lang)
st.page_link(page_file("scenarios"), label=link_label, query_params=link_params, icon=":material/tune:")

labels = views.indicator_labels(indicators, lang)
indicator = ui.url_choice(
    "ind",
    list(labels),
    label=t("benchmarks.indicator", lang),
    format_func=labels.get,
    default=views.default_indicator(indicators),
)
view = views.indicator_view(indicators, everything, groups, indicator, lang)
if view.description:
    st.caption(view.description)
if view.groups_differ:
    st.warning(view.groups_differ, icon=":material/compare_arrows:")
if view.has_qualified_values:
    st.caption(t("benchmarks.qualified", lang))
st.caption(t("benchmarks.legend.grade", lang))

for group in view.groups:
    st.markdown(group.heading)
    st.caption(group.definition)
    if group.note:
        st.info(group.note, icon=":material/compare_arrows:")
    if group.missing:
        st.info(group.missing, icon=":material/search_off:")
    ui.chart_with_table(group.chart.spec, group.chart.table, lang, key=group.chart.key, source="statistics")
    if group.breaks:
        st.caption(group.breaks)
    st.dataframe(group.coverage, hide_index=True, width="stretch")
    st.caption(t("benchmarks.coverage", lang))  # below: above, the table's toolbar covered it on a phone
st.download_button(
    t("benchmarks.download", lang),
    view.csv,
    file_name=export.file_name("benchmarks", indicator, lang=lang, extension="csv"),
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)

st.subheader(t("benchmarks.peers.title", lang))
st.caption(t("benchmarks.peers.caption", lang))
for panel in views.peer_panels(indicators, everything, groups, statuses, lang):
    ui.chart_with_table(panel.chart.spec, panel.chart.table, lang, key=panel.chart.key, source="statistics")
    st.caption(panel.definition)
    if panel.note:
        st.info(panel.note, icon=":material/compare_arrows:")
st.download_button(
    t("benchmarks.download_all", lang),
    views.download(views.decorate(everything, lang), indicators, lang),
    file_name=export.file_name("benchmarks", "all", lang=lang, extension="csv"),
    mime="text/csv",
    icon=":material/download:",
    key="download_all",
    on_click="ignore",
)
