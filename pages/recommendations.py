"""Recommendations: the paper's eight measure groups (3.1–3.8), what they answer, their targets and levers."""

import streamlit as st

from explorer.core.i18n import t
from explorer.data import loaders
from explorer.features.pieces import card_rows
from explorer.features.recommendations import view as views
from explorer.shell import ui
from explorer.shell.pages import page_file

CARDS_PER_ROW = 3  # cards sit inside a bordered box: four per row would cut long English values

lang = ui.lang()
version = loaders.database().version
links = loaders.recommendations(version)
sections = loaders.sections(version)


def show(measure: views.Measure) -> None:
    """Render one measure group: title, summary, bottlenecks addressed, targets, levers."""
    with st.container(border=True):
        st.subheader(measure.heading, anchor=measure.anchor)
        st.write(measure.summary)
        st.markdown(f"**{t('recommendations.addresses', lang)}**")
        for link in measure.links:
            with st.expander(link.heading, icon=link.icon):
                st.markdown(f"> {link.quote}")
                if link.translation:
                    st.markdown(link.translation)
                st.caption(link.rationale)
                st.page_link(
                    page_file("bottlenecks"),
                    label=t("recommendations.open_bottleneck", lang, code=link.bottleneck),
                    query_params={"lang": lang, "b": link.bottleneck},
                    icon=":material/block:",
                )
        st.markdown(f"**{t('recommendations.targets', lang)}**")
        if measure.targets.empty:
            st.caption(t("recommendations.no_targets", lang))
        for cards in card_rows(measure.targets, CARDS_PER_ROW):
            for column, (_, fig) in zip(st.columns(CARDS_PER_ROW), cards.iterrows()):
                with column:
                    ui.figure_card(fig, lang)
        if measure.scenario_label is None:
            return
        st.markdown(f"**{t('recommendations.levers', lang)}**")
        for lever in measure.levers:
            st.markdown(lever.item)
            st.caption(lever.caption)
        st.page_link(
            page_file("scenarios"),
            label=measure.scenario_label,
            query_params=measure.scenario_params,
            icon=":material/tune:",
        )
        if measure.scenario_note:
            st.caption(measure.scenario_note)


st.title(t("recommendations.title", lang))
st.caption(t("recommendations.intro", lang))
labels = views.filter_labels(sections, lang)
chosen = ui.url_multi(
    "b",
    tuple(labels),
    label=t("recommendations.filter", lang),
    format_func=labels.get,
    placeholder=t("recommendations.filter.placeholder", lang),
)
measures = views.measures_for(links, chosen)
st.caption(views.count_text(links, len(measures), lang))
if not measures:
    st.info(t("recommendations.none", lang))
else:
    heatmap = views.heatmap(links, sections, measures, chosen, lang)
    ui.chart_with_table(heatmap.spec, heatmap.table, lang, key=heatmap.key, source="paper")
    st.caption(heatmap.caption)
    cards = views.measure_cards(
        links,
        loaders.measure_levers(version),
        loaders.figures(version),
        sections,
        loaders.parameters(version),
        measures,
        lang,
    )
    for measure in cards:
        show(measure)
