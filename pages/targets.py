"""Targets tracker: every target in the paper, its latest sourced status and the progress, filterable in the URL."""

import pandas as pd
import streamlit as st

from explorer import cached, targets, ui
from explorer.i18n import t

# Targets that are also levers of the Scenarios page: target id -> (lever, whether the paper's value is a
# setting of the lever). The racks target is a stock (21,000 by 2025), not the lever's yearly quota.
SCENARIO_LEVERS = {
    "target_new_dc_pue_2025": ("dc_pue", True),
    "target_xc_procurement_share": ("xc_share", True),
    "target_dc_racks_2025": ("dc_racks", False),
}
# met -> (badge colour, Material icon, i18n code); blue / orange stay distinct with colour-vision deficiencies.
MET_BADGES = {
    True: ("blue", "check_circle", "true"),
    False: ("orange", "pending", "false"),
    None: ("gray", "help", "unknown"),
}

lang = ui.start_page("targets")
version = cached.database().version
figures = cached.figures(version)
sections = cached.sections(version).set_index("id")
statuses = cached.target_status(version)
board = targets.tracker(figures[figures["kind"] == "target"], statuses)

st.title(t("targets.title", lang))
st.caption(t("targets.intro", lang))

section_ids = list(dict.fromkeys(board["section"]))
filters = st.columns([3, 2])
with filters[0]:
    chosen_sections = ui.url_multi(
        "section",
        section_ids,
        label=t("targets.filter.section", lang),
        format_func=lambda sid: f"{sid} {sections.at[sid, f'title_{lang}']}",
    )
with filters[1]:
    show = ui.url_choice(
        "show",
        targets.SHOW_OPTIONS,
        label=t("targets.filter.show", lang),
        format_func=lambda code: t(f"targets.show.{code}", lang),
        default="all",
        widget=st.radio,
        horizontal=True,
    )

shown = targets.select(board, chosen_sections, show)
counts = targets.summary(shown)
st.markdown(
    t(
        "targets.summary",
        lang,
        count=counts["targets"],
        shown=counts["targets"],
        total=len(board),
        with_status=counts["with_status"],
        met=counts["met"],
    )
)


def status_text(row: pd.Series) -> str:
    """Return the status value as the source qualifies it, in the target's unit (e.g. '> 15,000 poles')."""
    status = row.copy()
    status["value"], status["value_high"] = row["status_value"], float("nan")
    status["qualifier"], status["kind"] = row["status_qualifier"], "status"
    return ui.figure_value(status, lang)


def target_text(row: pd.Series, value: float) -> str:
    """Return a number in the target's unit, unqualified (e.g. a range's lower bound, a cap)."""
    plain = row.copy()
    plain["value"], plain["value_high"], plain["qualifier"] = value, float("nan"), "exact"
    return ui.figure_value(plain, lang)


def percent_text(row: pd.Series) -> str:
    """Return status / target as a percentage, marked '>' when the status itself is a 'more than' figure."""
    sign = ui.QUALIFIER_SIGNS.get(row["status_qualifier"], "")
    return f"{sign}{row['ratio'] * 100:.0f} %"


def met_state(value: object) -> bool | None:
    """Return True / False, or None when the data cannot tell (NaN or None in the frame)."""
    return None if pd.isna(value) else bool(value)


def met_badge(met: bool | None) -> str:
    """Return a markdown badge saying met / not met / cannot tell (text and icon, not colour alone)."""
    colour, icon, code = MET_BADGES[met]
    return f":{colour}-badge[:material/{icon}: {t(f'targets.met.{code}', lang)}]"


def progress_view(row: pd.Series) -> None:
    """Render the progress of one target by its direction: a bar for floors, met / not met for ceilings."""
    direction = row["direction"]
    if direction == "unclear":
        st.caption(t("targets.unclear", lang, value=ui.figure_value(row, lang)))
        return
    if direction == "none":
        if row["qualifier"] in targets.CEILING_QUALIFIERS:
            st.caption(t("targets.ceiling.none", lang))
        return
    if direction == "ceiling":
        met = met_state(row["met"])
        key = {True: "met", False: "not_met", None: "unknown"}[met]
        st.markdown(met_badge(met))
        cap = target_text(row, row["value"])
        gap = target_text(row, abs(row["gap"]))
        st.caption(t(f"targets.ceiling.{key}", lang, status=status_text(row), cap=cap, gap=gap))
        return
    pct = percent_text(row)
    key = "targets.progress.exceeded" if row["is_exceeded"] else "targets.progress.floor"
    st.progress(float(row["bar"]), text=t(key, lang, pct=pct))
    st.markdown(met_badge(met_state(row["met"])))
    if row["is_lower_bound"]:
        st.caption(
            t(
                "targets.progress.lower_bound",
                lang,
                range=ui.figure_value(row, lang),
                low=target_text(row, row["value"]),
            )
        )
    if row["status_qualifier"] in ("more_than", "at_least"):
        st.caption(t("targets.progress.open_status", lang))


def status_source(status: pd.Series) -> None:
    """Write one status's quote, source link, grade, dates and definition."""
    st.markdown(f"> {status['source_quote']}")
    st.markdown(f"[{status['source_title']}]({status['source_url']})")
    accessed = pd.Timestamp(status["date_accessed"]).date().isoformat()
    grade = t(f"grade.{status['grade']}", lang)
    st.caption(t("targets.status.meta", lang, grade=grade, as_of=status["as_of"], accessed=accessed))
    st.caption(t("targets.status.definition", lang, text=status["definition"]))


def sources_popover(row: pd.Series) -> None:
    """Render the paper's sentence and every status source of one target in a popover."""
    with st.popover(t("word.source", lang), icon=":material/format_quote:", width="stretch"):
        st.markdown(f"**{t('word.paper_sentence', lang)}**")
        ui.figure_source(row, lang)
        own = statuses[statuses["figure_id"] == row["id"]].sort_values("as_of", ascending=False)
        if own.empty:
            st.divider()
            st.caption(t("targets.status.none_help", lang))
            return
        st.divider()
        st.markdown(f"**{t('targets.status.source', lang)}**")
        status_source(own.iloc[0])
        if len(own) > 1:
            st.markdown(f"**{t('targets.status.earlier', lang)}**")
            for _, earlier in own.iloc[1:].iterrows():
                shifted = row.copy()
                shifted["status_value"], shifted["status_qualifier"] = earlier["value"], earlier["qualifier"]
                st.markdown(f"- {earlier['as_of']}: {status_text(shifted)}")
                status_source(earlier)


def links(row: pd.Series) -> None:
    """Render the links to the Figures page and, for lever targets, to the Scenarios page."""
    st.page_link(
        "pages/figures.py",
        label=t("word.open_in_figures", lang),
        query_params={"lang": lang, "fig": row["id"]},
        icon=":material/search:",
    )
    if row["id"] not in SCENARIO_LEVERS:
        return
    lever, is_setting = SCENARIO_LEVERS[row["id"]]
    params = {"lang": lang}
    if is_setting:
        params[lever] = f"{row['value']:g}"
    st.page_link(
        "pages/scenarios.py",
        label=t("targets.link.scenarios" if is_setting else "targets.link.scenarios_racks", lang),
        query_params=params,
        icon=":material/tune:",
    )
    if not is_setting:
        st.caption(t("targets.link.racks_note", lang))


def card(row: pd.Series) -> None:
    """Render one target as a row: the paper's value, the latest status, the progress, the sources, the links."""
    with st.container(border=True, key=f"target_{row['id']}"):
        st.markdown(f"**{row[f'metric_{lang}']}**")
        target_col, status_col, progress_col = st.columns([1, 1, 1.2])
        with target_col:
            st.metric(
                t("targets.col.target", lang),
                ui.figure_value(row, lang),
                help=t(f"qualifier.{row['qualifier']}", lang),
            )
            has_year = pd.notna(row["year"])
            st.caption(t("targets.year", lang, year=int(row["year"])) if has_year else t("word.no_year", lang))
        with status_col:
            if row["has_status"]:
                st.metric(t("targets.status", lang), status_text(row), help=row["definition"])
                st.caption(t("targets.status.as_of", lang, as_of=row["as_of"]))
            else:
                st.caption(t("targets.status", lang))
                st.markdown(f":gray-badge[:material/remove: {t('targets.status.none', lang)}]")
        with progress_col:
            progress_view(row)
            sources_popover(row)
            links(row)


if shown.empty:
    st.info(t("targets.none", lang))
for section_id, in_section in shown.groupby("section", sort=False):
    st.subheader(f"{section_id} {sections.at[section_id, f'title_{lang}']}")
    for _, row in in_section.iterrows():
        card(row)


def progress_cell(row: pd.Series) -> str:
    """Return the table's progress: a percentage for floors, met / not met for ceilings, a dash otherwise."""
    if row["direction"] == "floor":
        return percent_text(row)
    if row["direction"] == "ceiling":
        return t(f"targets.met.{MET_BADGES[met_state(row['met'])][2]}", lang)
    return "—"


with st.expander(t("targets.table.title", lang), icon=":material/table:"):
    table = pd.DataFrame(
        {
            t("col.id", lang): shown["id"],
            t("col.section", lang): shown["section"],
            t("col.metric", lang): shown[f"metric_{lang}"],
            t("targets.col.target", lang): [ui.figure_value(row, lang) for _, row in shown.iterrows()],
            t("col.year", lang): [str(int(year)) if pd.notna(year) else "—" for year in shown["year"]],
            t("targets.col.status", lang): [
                status_text(row) if row["has_status"] else t("targets.status.none", lang) for _, row in shown.iterrows()
            ],
            t("targets.col.as_of", lang): shown["as_of"],
            t("targets.col.progress", lang): [progress_cell(row) for _, row in shown.iterrows()],
            t("targets.col.met", lang): [
                t(f"targets.met.{MET_BADGES[met_state(met)][2]}", lang) if has else "—"
                for met, has in zip(shown["met"], shown["has_status"])
            ],
            t("col.grade", lang): [t(f"grade.{g}", lang) if isinstance(g, str) else "—" for g in shown["grade"]],
            t("col.source_url", lang): shown["source_url"],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key=f"targets_table_{lang}",
        column_config={t("col.source_url", lang): st.column_config.LinkColumn()},
    )
    export = shown[
        ["id", "section", "metric_zh", "metric_en", "value", "value_high", "unit_zh", "unit_en", "qualifier", "year"]
        + ["status_value", "status_qualifier", "as_of", "ratio", "met", "definition", "source_title", "source_url"]
        + ["source_quote", "grade", "quote_zh"]
    ]
    st.download_button(
        t("targets.download", lang),
        export.to_csv(index=False),
        file_name="shenzhen-digital-economy-targets.csv",
        mime="text/csv",
        icon=":material/download:",
    )
st.caption(t("targets.method", lang))

ui.end_page()
