"""Bottlenecks: the paper's five bottlenecks (2.1–2.5) with their figures, charts where they help, and links."""

import streamlit as st

from explorer.core.i18n import t
from explorer.data import loaders
from explorer.features.bottlenecks import view as views
from explorer.features.pieces import card_rows
from explorer.shell import ui
from explorer.shell.pages import page_file

CARDS_PER_ROW = 4

lang = ui.lang()
version = loaders.database().version
sections = loaders.sections(version)


def show(block: views.Block) -> None:
    """Render one bottleneck: title, summary, figure cards, charts or quotes, measures and links."""
    st.header(block.heading, anchor=block.anchor)
    st.write(block.summary)
    st.subheader(t("bottlenecks.figures", lang))
    if block.cards.empty:
        st.info(t("bottlenecks.no_figures", lang), icon=":material/info:")
    for cards in card_rows(block.cards, CARDS_PER_ROW):
        for column, (_, fig) in zip(st.columns(CARDS_PER_ROW), cards.iterrows()):
            with column:
                ui.figure_card(fig, lang)
    if block.note:
        st.caption(block.note)
    for chart in block.charts:
        ui.chart_with_table(chart.spec, chart.table, lang, key=chart.key, source="paper")
        st.caption(chart.caption)
    if block.points:
        st.markdown(f"**{t('bottlenecks.data.points', lang)}**")
    for point in block.points:
        with st.container(border=True):
            st.markdown(f"**{point.title}**")
            st.markdown(f"> {point.quote}")
            st.caption(point.gloss)
    st.markdown(block.measures)
    left, right = st.columns(2)
    with left:
        st.page_link(
            page_file("recommendations"),
            label=t("bottlenecks.link.recs", lang, code=block.code),
            query_params={"lang": lang, "b": block.code},
            icon=":material/lightbulb:",
        )
    with right:
        st.page_link(
            page_file("figures"),
            label=t("bottlenecks.link.figures", lang, code=block.code),
            query_params={"lang": lang, "section": block.code},
            icon=":material/table_view:",
        )


st.title(t("bottlenecks.title", lang))
st.caption(t("bottlenecks.intro", lang))
choices = views.choice_labels(sections, lang)
chosen = ui.url_choice(
    "b", tuple(choices), label=t("bottlenecks.select", lang), format_func=choices.get, default=views.ALL
)
blocks = views.blocks(loaders.figures(version), sections, loaders.recommendations(version), lang, chosen)
for number, block in enumerate(blocks):
    if number:
        st.divider()
    show(block)
