"""Overview: the paper's headline figures as cards, the SME shares and the figures by section."""

import streamlit as st

from explorer.core.i18n import t
from explorer.data import loaders
from explorer.features.overview.view import overview
from explorer.features.pieces import card_rows
from explorer.shell import ui
from explorer.shell.pages import page_file

CARDS_PER_ROW = 3

lang = ui.lang()
version = loaders.database().version
view = overview(loaders.figures(version), lang)

st.title(t("overview.title", lang))
st.caption(t("overview.intro", lang))
st.markdown(t("overview.orient", lang))
st.page_link(
    page_file("benchmarks"),
    label=t("overview.orient.benchmarks", lang),
    query_params={"lang": lang},
    icon=":material/compare_arrows:",
)
st.page_link(
    page_file("scenarios"),
    label=t("overview.orient.scenarios", lang),
    query_params={"lang": lang},
    icon=":material/tune:",
)

st.subheader(t("overview.headline", lang))
for cards in card_rows(view.headline, CARDS_PER_ROW):
    for column, (_, fig) in zip(st.columns(CARDS_PER_ROW), cards.iterrows()):
        with column:
            ui.figure_card(fig, lang)

st.subheader(t("overview.funnel.title", lang))
ui.chart_with_table(view.funnel.spec, view.funnel.table, lang, key=view.funnel.key, source="paper")
st.caption(view.funnel.caption)

st.subheader(t("overview.sections.title", lang))
ui.chart_with_table(view.sections.spec, view.sections.table, lang, key=view.sections.key, source="paper")
st.caption(view.kinds_caption)
