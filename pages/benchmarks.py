"""Benchmarks: Beijing, Shanghai and Shenzhen on like-for-like indicators, every value sourced."""

import streamlit as st

from explorer import cached, export, ui
from explorer.i18n import t
from explorer.views import benchmarks as views

lang = ui.start_page("benchmarks")
version = cached.database().version
indicators = cached.indicators(version)
everything = cached.benchmarks(version)

st.title(t("benchmarks.title", lang))
st.caption(t("benchmarks.intro", lang))

labels = views.indicator_labels(indicators, lang)
indicator = ui.url_choice(
    "ind",
    list(labels),
    label=t("benchmarks.indicator", lang),
    format_func=labels.get,
    default=views.default_indicator(indicators),
)
view = views.indicator_view(indicators, everything, indicator, lang)
if view.description:
    st.caption(view.description)
if view.groups_differ:
    st.warning(view.groups_differ, icon=":material/compare_arrows:")
if view.has_qualified_values:
    st.caption(t("benchmarks.paper_qualifier", lang))

for group in view.groups:
    st.markdown(group.heading)
    if group.missing:
        st.info(group.missing, icon=":material/search_off:")
    ui.chart_with_table(group.chart.spec, group.chart.table, lang, key=group.chart.key)
st.caption(t("benchmarks.legend.grade", lang))
st.download_button(
    t("benchmarks.download", lang),
    view.csv,
    file_name=f"benchmarks-{indicator}.csv",
    mime="text/csv",
    icon=":material/download:",
)

st.subheader(t("benchmarks.peers.title", lang))
peers = views.peers_chart(indicators, everything, lang)
if peers is None:
    st.info(t("benchmarks.peers.none", lang))
else:
    ui.chart_with_table(peers.spec, peers.table, lang, key=peers.key)
    st.caption(peers.caption)
st.download_button(
    t("benchmarks.download_all", lang),
    export.csv_bytes(everything),
    file_name="benchmarks-all.csv",
    mime="text/csv",
    icon=":material/download:",
    key="download_all",
)

ui.end_page()
