"""Targets tracker: every target in the paper, its latest sourced status, verdict and progress, filtered by URL."""

import streamlit as st

from explorer.core.i18n import t
from explorer.data import export, loaders
from explorer.features.pieces import fill_missing, section_labels
from explorer.features.targets import progress as target_progress
from explorer.features.targets import view as views
from explorer.shell import ui
from explorer.shell.pages import page_file

lang = ui.lang()
version = loaders.database().version
sections = loaders.sections(version)
statuses = loaders.target_status(version)
board = views.board(loaders.figures(version), statuses)
cities = views.CityRows(loaders.benchmarks(version), loaders.indicators(version))

st.title(t("targets.title", lang))
st.caption(t("targets.intro", lang))

labels = section_labels(sections, lang)
filters = st.columns([3, 2])
with filters[0]:
    chosen_sections = ui.url_multi(
        "section", views.section_options(board), label=t("targets.filter.section", lang), format_func=labels.get
    )
with filters[1]:
    show = ui.url_choice(
        "show",
        target_progress.SHOW_OPTIONS,
        label=t("targets.filter.show", lang),
        format_func=lambda code: t(f"targets.show.{code}", lang),
        default="all",
        widget=st.radio,
        horizontal=True,
    )
view = views.targets_view(board, statuses, sections, cities, lang, chosen_sections, show)
st.markdown(view.summary)
st.markdown(view.counts)


def progress(shown: views.ProgressView) -> None:
    """Render a target's progress: its bar and its captions, where it has them."""
    if shown.bar is not None:
        st.progress(shown.bar, text=shown.bar_text)
    for caption in shown.captions:
        st.caption(caption)


def status_source(source: views.StatusSource) -> None:
    """Write one status's quote and source link (or, derived, its inputs), grade, dates, basis and definition."""
    if source.quote:
        st.markdown(source.quote)
    if source.link:
        st.markdown(source.link)
    st.caption(source.meta)
    st.caption(source.basis)
    st.caption(source.definition)
    if source.inputs:
        st.markdown(f"**{t('targets.derived.title', lang)}**")
    for item in source.inputs:
        st.markdown(f"- {item.text}")
        st.markdown(item.quote)
        st.markdown(item.link)
        st.caption(item.meta)


def sources_popover(card: views.Card) -> None:
    """Render the paper's sentence and every status source of one target in a popover."""
    with st.popover(t("word.source", lang), icon=":material/format_quote:", width="stretch"):
        st.markdown(f"**{t('word.paper_sentence', lang)}**")
        ui.figure_source(card.row, lang)
        st.divider()
        if card.latest is None:
            st.caption(t("targets.status.none_help", lang))
            return
        st.markdown(f"**{t('targets.status.source', lang)}**")
        status_source(card.latest)
        if card.earlier:
            st.markdown(f"**{t('targets.status.earlier', lang)}**")
        for item, source in card.earlier:
            st.markdown(item)
            status_source(source)


def links(card: views.Card) -> None:
    """Render the links to the Figures page and, for lever targets, to the Scenarios page."""
    st.page_link(
        page_file("figures"),
        label=t("word.open_in_figures", lang),
        query_params={"lang": lang, "fig": card.id},
        icon=":material/search:",
    )
    if card.scenarios is None:
        return
    st.page_link(
        page_file("scenarios"), label=card.scenarios.label, query_params=card.scenarios.params, icon=":material/tune:"
    )
    if card.scenarios.note:
        st.caption(card.scenarios.note)


def show_card(card: views.Card) -> None:
    """Render one target as a row: the paper's value, the latest status, the progress, the sources, the links."""
    with st.container(border=True, key=f"target_{card.id}"):
        st.markdown(card.title)
        target_col, status_col, progress_col = st.columns([1, 1, 1.2])
        with target_col:
            st.metric(card.target_label, card.target, help=card.target_help)
            st.caption(card.year)
        with status_col:
            if card.status is not None:
                st.metric(card.status_label, card.status, help=card.status_help)
                st.caption(card.as_of)
                st.caption(card.status_note)
            else:
                st.caption(t("targets.status", lang))
                st.markdown(f":gray-badge[:material/remove: {t('targets.status.none', lang)}]")
        with progress_col:
            if card.verdict_code != "no_status":  # otherwise the status column has said it: no status published
                st.markdown(card.verdict)
            if card.verdict_note:
                st.caption(card.verdict_note)
            progress(card.progress)
            sources_popover(card)
            links(card)


if not view.sections:
    st.info(t("targets.none", lang))
for heading, cards in view.sections:
    st.subheader(heading)
    for card in cards:
        show_card(card)

with st.expander(t("targets.table.title", lang), icon=":material/table:"):
    st.dataframe(
        fill_missing(view.table, lang, links=[t("col.source_url", lang)]),
        hide_index=True,
        width="stretch",
        key=f"targets_table_{lang}",
        column_config={t("col.source_url", lang): st.column_config.LinkColumn()},
    )
    st.download_button(
        t("targets.download", lang),
        view.csv,
        file_name=export.file_name("targets", lang=lang, extension="csv"),
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
st.caption(t("targets.method", lang))
