"""Overview: the paper's headline figures as cards, the SME funnel and the figures by section."""

import streamlit as st

from explorer import cached, charts, ui
from explorer.i18n import t

HEADLINE_IDS = (
    "core_va_2022",
    "core_va_share_2022",
    "city_rank_2022",
    "g5_base_stations_total",
    "ei_mfg_output_2022",
    "ei_mfg_national_share_2022",
    "software_revenue_2022",
    "software_revenue_growth_2022",
    "data_exchange_cum_volume_2023",
    "cross_border_data_trade_2023",
    "all_optical_parks",
    "sme_cloud_13th_fyp",
)
FUNNEL_IDS = (
    "sme_digital_equipment_share_2023",
    "sme_cloud_bigdata_ai_share",
    "sme_dt_participation_share",
    "sme_dt_effective_equipment_share",
    "sme_dt_security_share",
)
CARDS_PER_ROW = 3

lang = ui.start_page("overview")
version = cached.database().version
figures = cached.figures(version).set_index("id", drop=False)

st.title(t("overview.title", lang))
st.caption(t("overview.intro", lang))

st.subheader(t("overview.headline", lang))
for start in range(0, len(HEADLINE_IDS), CARDS_PER_ROW):
    for column, fig_id in zip(st.columns(CARDS_PER_ROW), HEADLINE_IDS[start : start + CARDS_PER_ROW]):
        with column:
            ui.figure_card(figures.loc[fig_id], lang)

st.subheader(t("overview.funnel.title", lang))
funnel = figures.loc[list(FUNNEL_IDS)].assign(
    metric=lambda f: f[f"metric_{lang}"],
    shown=lambda f: f.apply(lambda row: ui.figure_value(row, lang), axis=1),
)
funnel_chart = charts.labelled_bars(
    funnel[["metric", "value", "shown", "quote_zh"]],
    title=t("overview.funnel.title", lang),
    axis_title=t("overview.funnel.axis", lang),
    colour=ui.ACCENT,
    tooltips=charts.figure_tooltips(lang),
    x_domain=[0, 100],
)
ui.chart_with_table(
    funnel_chart,
    funnel[["id", "metric", "shown", "quote_zh"]].rename(
        columns={
            "id": t("col.id", lang),
            "metric": t("col.metric", lang),
            "shown": t("col.value", lang),
            "quote_zh": t("col.quote", lang),
        }
    ),
    lang,
    key="funnel",
)
st.caption(t("overview.funnel.caption", lang))

st.subheader(t("overview.sections.title", lang))
counts = figures.groupby(["section", f"section_title_{lang}", "kind"], as_index=False).size()
counts["kind_label"] = counts["kind"].map(lambda kind: t(f"kind.{kind}", lang))
counts["section_label"] = counts["section"] + " " + counts[f"section_title_{lang}"]
section_chart = charts.stacked_counts(
    counts[["section_label", "kind_label", "size"]],
    title=t("overview.sections.title", lang),
    axis_title=t("overview.sections.axis", lang),
    colours=ui.kind_colours(lang),
    legend=t("col.kind", lang),
)
ui.chart_with_table(
    section_chart,
    counts[["section_label", "kind_label", "size"]].rename(
        columns={
            "section_label": t("col.section", lang),
            "kind_label": t("col.kind", lang),
            "size": t("overview.sections.axis", lang),
        }
    ),
    lang,
    key="sections",
)
kinds = figures["kind"].value_counts()
st.caption(
    t(
        "overview.kinds.caption",
        lang,
        count=len(figures),
        total=len(figures),
        **{k: int(kinds.get(k, 0)) for k in ("status", "bottleneck", "target", "rank")},
    )
)

ui.end_page()
