"""Figures: every figure of the paper, filterable in the URL, each shown in its paragraph."""

import streamlit as st

from explorer.core import vocab
from explorer.core.i18n import t
from explorer.data import export, loaders
from explorer.features.figures import view as views
from explorer.features.pieces import fill_missing, section_labels
from explorer.shell import notices, ui

lang = ui.lang()
version = loaders.database().version
figures = loaders.figures(version)
sections = loaders.sections(version)
section_label = section_labels(sections, lang)

st.title(t("figures.title", lang))
st.caption(t("figures.intro", lang))

filters = st.columns([2, 2, 2, 3])
with filters[0]:
    chosen_sections = ui.url_multi(
        "section",
        views.section_options(figures),
        label=t("figures.filter.section", lang),
        format_func=section_label.get,
    )
with filters[1]:
    chosen_kinds = ui.url_multi(
        "kind",
        vocab.FIGURE_KINDS,
        label=t("figures.filter.kind", lang),
        format_func=lambda kind: t(f"kind.{kind}", lang),
    )
with filters[2]:
    chosen_qualifiers = ui.url_multi(
        "qual",
        vocab.QUALIFIERS,
        label=t("figures.filter.qualifier", lang),
        format_func=lambda q: t(f"qualifier.{q}", lang),
    )
with filters[3]:
    text = ui.url_text(
        "q", label=t("figures.filter.text", lang), placeholder=t("figures.filter.text_placeholder", lang)
    )
view = views.figures_view(
    figures, lang, sections=chosen_sections, kinds=chosen_kinds, qualifiers=chosen_qualifiers, text=text
)
st.caption(view.count)

requested = st.query_params.get("fig")
if requested is not None and not views.is_figure(figures, requested):
    notices.notice_bad_param(t("figures.selected", lang), requested, lang, kind="figure")
    st.query_params.pop("fig")
    requested = None
default_rows = view.rows_of(requested)

if view.shown.empty:
    st.info(t("figures.none", lang))
    selected_id = requested
else:
    metric, value = t("col.metric", lang), t("col.value", lang)
    event = st.dataframe(
        fill_missing(view.table, lang),
        hide_index=True,
        width="stretch",
        height=views.table_height(len(view.table)),
        on_select="rerun",
        selection_mode="single-row",
        key=f"figure_table_{lang}",
        # The value is pinned (it stays at the left while the table scrolls sideways on a phone); value and metric
        # are as wide as their longest shown, so a desktop reads both whole (issue 23).
        column_config={
            metric: st.column_config.TextColumn(width=views.fit_width(view.table[metric], views.METRIC_PX)),
            value: st.column_config.TextColumn(width=views.fit_width(view.table[value], views.VALUE_PX), pinned=True),
        },
        selection_default={"selection": {"rows": default_rows}} if default_rows else None,
    )
    rows = event.selection.rows
    selected_id = view.shown.at[rows[0], "id"] if rows else requested
st.download_button(
    t("figures.download", lang),
    view.csv,
    file_name=export.file_name("figures", lang=lang, extension="csv"),
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)

st.subheader(t("figures.selected", lang))
if selected_id is None:
    st.caption(t("figures.select_hint", lang))
else:
    ui.write_params({"fig": selected_id})
    selected = views.paragraph(figures, sections, selected_id, lang)
    left, right = st.columns([1, 2])
    with left:
        ui.figure_card(selected.figure, lang)
    with right:
        st.markdown(selected.heading)
        with st.container(key="quote_paragraph"):  # the paper's own text: a browser test knows it by this key
            st.html(selected.html)
        if selected.translation:
            st.markdown(selected.translation)
        if selected.note:
            st.caption(selected.note)

with st.expander(t("figures.paper.title", lang), icon=":material/article:"):
    st.caption(t("figures.paper.note", lang))
    with st.container(key="quote_paper"):
        for heading, body in views.marked_paper(figures, sections, lang):
            st.markdown(heading)
            st.html(body)
