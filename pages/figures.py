"""Figures: every figure of the paper, filterable in the URL, each shown in its paragraph."""

import pandas as pd
import streamlit as st

from explorer import cached, ui
from explorer.i18n import t
from explorer.paper import find_span

KINDS = ("status", "bottleneck", "target", "rank")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "range", "as_printed")
SEARCHED_COLUMNS = ("id", "metric_zh", "metric_en", "quote_zh", "note_en", "unit_zh", "unit_en")

lang = ui.start_page("figures")
version = cached.database().version
figures = cached.figures(version)
sections = cached.sections(version).set_index("id")

st.title(t("figures.title", lang))
st.caption(t("figures.intro", lang))

section_ids = list(dict.fromkeys(figures["section"]))
filters = st.columns([2, 2, 2, 3])
with filters[0]:
    chosen_sections = ui.url_multi(
        "section",
        section_ids,
        label=t("figures.filter.section", lang),
        format_func=lambda sid: f"{sid} {sections.at[sid, f'title_{lang}']}",
    )
with filters[1]:
    chosen_kinds = ui.url_multi(
        "kind", KINDS, label=t("figures.filter.kind", lang), format_func=lambda kind: t(f"kind.{kind}", lang)
    )
with filters[2]:
    chosen_qualifiers = ui.url_multi(
        "qual", QUALIFIERS, label=t("figures.filter.qualifier", lang), format_func=lambda q: t(f"qualifier.{q}", lang)
    )
with filters[3]:
    text = ui.url_text(
        "q", label=t("figures.filter.text", lang), placeholder=t("figures.filter.text_placeholder", lang)
    )

shown = figures
if chosen_sections:
    shown = shown[shown["section"].isin(chosen_sections)]
if chosen_kinds:
    shown = shown[shown["kind"].isin(chosen_kinds)]
if chosen_qualifiers:
    shown = shown[shown["qualifier"].isin(chosen_qualifiers)]
if text:
    haystack = shown[list(SEARCHED_COLUMNS)].fillna("").agg(" ".join, axis=1).str.lower()
    shown = shown[haystack.str.contains(text.lower(), regex=False)]
shown = shown.reset_index(drop=True)

st.caption(t("figures.count", lang, count=len(figures), shown=len(shown), total=len(figures)))
view = pd.DataFrame(
    {
        t("col.id", lang): shown["id"],
        t("col.section", lang): shown["section"],
        t("col.kind", lang): shown["kind"].map(lambda kind: t(f"kind.{kind}", lang)),
        t("col.metric", lang): shown[f"metric_{lang}"],
        t("col.value", lang): [ui.figure_value(row, lang) for _, row in shown.iterrows()],
        t("col.year", lang): shown["year"],
        t("col.quote", lang): shown["quote_zh"],
    }
)

requested = st.query_params.get("fig")
if requested is not None and requested not in set(figures["id"]):
    ui.notice_bad_param("fig", requested, "—")
    st.query_params.pop("fig")
    requested = None
default_rows = shown.index[shown["id"] == requested].tolist()

if shown.empty:
    st.info(t("figures.none", lang))
    selected_id = requested
else:
    event = st.dataframe(
        view,
        hide_index=True,
        width="stretch",
        height=min(420, 38 + 35 * len(view)),
        on_select="rerun",
        selection_mode="single-row",
        key=f"figure_table_{lang}",
        selection_default={"selection": {"rows": default_rows}} if default_rows else None,
    )
    rows = event.selection.rows
    selected_id = shown.at[rows[0], "id"] if rows else requested
st.download_button(
    t("figures.download", lang),
    shown.drop(columns=["section_title_zh", "section_title_en"]).to_csv(index=False),
    file_name="shenzhen-digital-economy-figures.csv",
    mime="text/csv",
    icon=":material/download:",
)

st.subheader(t("figures.selected", lang))
if selected_id is None:
    st.caption(t("figures.select_hint", lang))
else:
    st.query_params["fig"] = selected_id
    fig = figures.set_index("id", drop=False).loc[selected_id]
    left, right = st.columns([1, 2])
    with left:
        ui.figure_card(fig, lang)
    with right:
        body = sections.at[fig["section"], "text_zh"]
        paragraph = next((p for p in body.split("\n\n") if find_span(p, fig["quote_zh"])), body)
        st.markdown(f"**{fig['section']} {sections.at[fig['section'], f'title_{lang}']}**")
        st.html(f"<div class='paper'>{ui.highlighted_html(paragraph, [fig['quote_zh']])}</div>")
        if lang == "en" and fig["note_en"]:
            st.caption(f"{t('word.note', lang)}: {fig['note_en']}")

with st.expander(t("figures.paper.title", lang), icon=":material/article:"):
    st.caption(t("figures.paper.note", lang))
    quotes = figures["quote_zh"].tolist()
    for sid, section in sections.iterrows():
        if not section["text_zh"]:
            continue
        st.markdown(f"**{sid} {section['title_zh']}**" + ("" if lang == "zh" else f" — {section['title_en']}"))
        st.html(ui.highlighted_html(section["text_zh"], quotes))

ui.end_page()
