"""Bottlenecks: the paper's five bottlenecks (2.1–2.5) with their figures, charts where they help, and links."""

import re

import pandas as pd
import streamlit as st

from explorer import cached, charts, ui
from explorer.i18n import t

BOTTLENECKS = ("2.1", "2.2", "2.3", "2.4", "2.5")
CARDS_PER_ROW = 4
OS_FIGURE = "os_localisation_rate"
# Figure id -> what its percentage is a share of (the bars of the compute chart have different denominators).
COMPUTE_FIGURES = {
    "machine_rooms_over_5y_share": "rooms",
    "machine_rooms_over_15y_share": "rooms",
    "dc_power_cost_share_max": "power",
    "gd_dc_utilisation_gate": "gate",
}
# Okabe–Ito colours (colour-blind safe), one per denominator.
COMPUTE_COLOURS = {
    "rooms": ui.KIND_COLOURS["bottleneck"],
    "power": ui.KIND_COLOURS["status"],
    "gate": ui.KIND_COLOURS["target"],
}
# SME shares: two from section 1.3, three from section 2.3 — different sentences, not one funnel.
SME_FIGURES = (
    "sme_digital_equipment_share_2023",
    "sme_cloud_bigdata_ai_share",
    "sme_dt_participation_share",
    "sme_dt_effective_equipment_share",
    "sme_dt_security_share",
)
SME_COLOURS = {"1.3": ui.KIND_COLOURS["status"], "2.3": ui.KIND_COLOURS["bottleneck"]}
PLATFORM_FIGURES = (
    "miit_iiot_pilot_platforms",
    "miit_mfg_internet_pilot_platforms",
    "miit_iiot_navigator_firms",
    "miit_cross_industry_platforms",
)
CARD_RANK = {fid: rank for rank, fid in enumerate([OS_FIGURE, *COMPUTE_FIGURES, *SME_FIGURES, *PLATFORM_FIGURES])}
# Section 2.4 lists its gaps as 一是 … 四是; each sub-point runs to the next marker.
DATA_POINT = re.compile(r"[一二三四]是.+?(?=[一二三四]是|$)", re.S)

lang = ui.start_page("bottlenecks")
version = cached.database().version
figures = cached.figures(version).set_index("id", drop=False)
sections = cached.sections(version).set_index("id")
links = cached.recommendations(version)


def section_label(code: str) -> str:
    """Return '2.1 <title>' in the page's language."""
    return f"{code} {sections.at[code, f'title_{lang}']}"


def figure_rows(ids: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """Return the figures with their label, shown value and source fields for a chart."""
    rows = figures.loc[list(ids)].copy()
    rows["metric"] = rows[f"metric_{lang}"]
    rows["shown"] = [ui.figure_value(row, lang) for _, row in rows.iterrows()]
    # A lower bound ("more than") leaves the top open: the chart draws a dashed line on to 100 %.
    rows["open_end"] = rows["value"].where(rows["qualifier"] == "more_than")
    return rows


def bound_bars(rows: pd.DataFrame, colour: str, legend: str, colours: dict[str, str], title: str, axis: str) -> dict:
    """Return horizontal % bars labelled with their qualified value, with a dashed open end for lower bounds."""
    return charts.bound_bars(
        rows[["value", "shown", "open_end", colour, "metric", "section", "quote_zh"]],
        colour_field=colour,
        colours=colours,
        legend=legend,
        title=title,
        axis_title=axis,
        tooltips=charts.figure_tooltips(lang, section=True),
    )


def source_table(rows: pd.DataFrame, extra: dict[str, str] | None = None) -> pd.DataFrame:
    """Return the table view of a chart: id, metric, value as the paper qualifies it, section, sentence."""
    columns = {
        "id": t("col.id", lang),
        "metric": t("col.metric", lang),
        "shown": t("col.value", lang),
        "section": t("col.section", lang),
        **(extra or {}),
        "quote_zh": t("col.quote", lang),
    }
    return rows[list(columns)].rename(columns=columns)


def os_chart() -> None:
    """Chart the OS localisation rate as the range the paper allows (0 to < 5 %), never as a point."""
    fig = figures.loc[OS_FIGURE]
    bound = float(fig["value"])
    band = pd.DataFrame(
        {
            "part": [t("bottlenecks.os.band", lang), t("bottlenecks.os.rest", lang)],
            "start": [0.0, bound],
            "end": [bound, 100.0],
            "shown": [ui.figure_value(fig, lang), f"> {ui.format_number(100 - bound)} %"],
            "quote_zh": [fig["quote_zh"]] * 2,
        }
    )
    chart = charts.upper_bound_band(
        band,
        title=t("bottlenecks.os.title", lang),
        axis_title=t("bottlenecks.os.axis", lang),
        accent=ui.ACCENT,
        tooltips=[
            charts.tooltip("part", "nominal", t("bottlenecks.os.segment", lang)),
            charts.tooltip("shown", "nominal", t("col.value", lang)),
            charts.tooltip("quote_zh", "nominal", t("word.paper_sentence", lang)),
        ],
    )
    ui.chart_with_table(
        chart,
        band[["part", "shown", "quote_zh"]].rename(
            columns={
                "part": t("bottlenecks.os.segment", lang),
                "shown": t("col.value", lang),
                "quote_zh": t("col.quote", lang),
            }
        ),
        lang,
        key="chart_os",
    )
    st.caption(t("bottlenecks.os.caption", lang))


def compute_chart() -> None:
    """Chart the compute bottleneck's shares: machine-room ages, power cost, the Guangdong gate."""
    rows = figure_rows(list(COMPUTE_FIGURES))
    rows["group"] = rows["id"].map(lambda fid: t(f"bottlenecks.compute.group.{COMPUTE_FIGURES[fid]}", lang))
    groups = list(dict.fromkeys(COMPUTE_FIGURES.values()))
    colours = {t(f"bottlenecks.compute.group.{group}", lang): COMPUTE_COLOURS[group] for group in groups}
    chart = bound_bars(
        rows,
        "group",
        t("bottlenecks.compute.group", lang),
        colours,
        t("bottlenecks.compute.title", lang),
        t("bottlenecks.compute.axis", lang),
    )
    ui.chart_with_table(
        chart,
        source_table(rows, {"group": t("bottlenecks.compute.group", lang)}),
        lang,
        key="chart_compute",
    )
    st.caption(t("bottlenecks.compute.caption", lang))


def integration_charts() -> None:
    """Chart the SME shares of 1.3 and 2.3 side by side (said apart) and the MIIT platform counts."""
    rows = figure_rows(SME_FIGURES)
    rows["origin"] = rows["section"].map(lambda sid: t("bottlenecks.sme.from", lang, section=sid))
    colours = {t("bottlenecks.sme.from", lang, section=sid): colour for sid, colour in SME_COLOURS.items()}
    chart = bound_bars(
        rows,
        "origin",
        t("bottlenecks.sme.legend", lang),
        colours,
        t("bottlenecks.sme.title", lang),
        t("bottlenecks.sme.axis", lang),
    )
    ui.chart_with_table(chart, source_table(rows), lang, key="chart_sme")
    st.caption(t("bottlenecks.sme.caption", lang))

    platforms = figure_rows(PLATFORM_FIGURES)
    chart = charts.labelled_bars(
        platforms[["metric", "value", "shown", "quote_zh"]],
        title=t("bottlenecks.platforms.title", lang),
        axis_title=t("bottlenecks.platforms.axis", lang),
        colour=ui.KIND_COLOURS["bottleneck"],
        tooltips=charts.figure_tooltips(lang),
    )
    ui.chart_with_table(chart, source_table(platforms), lang, key="chart_platforms")
    st.caption(t("bottlenecks.platforms.caption", lang))


def data_market_points() -> None:
    """Show section 2.4's four gaps as the paper words them; the section has no figure to chart."""
    st.markdown(f"**{t('bottlenecks.data.points', lang)}**")
    points = DATA_POINT.findall(sections.at["2.4", "text_zh"])
    for number, quote in enumerate(points, start=1):
        with st.container(border=True):
            st.markdown(f"**{t(f'bottlenecks.data.point.{number}', lang)}**")
            st.markdown(f"> {quote.strip()}")
            st.caption(t(f"bottlenecks.data.gloss.{number}", lang))


def talent_note() -> None:
    """Say what the one figure of 2.5 is: one firm's example."""
    st.caption(t("bottlenecks.talent.caption", lang))


EXTRAS = {"2.1": os_chart, "2.2": compute_chart, "2.3": integration_charts, "2.4": data_market_points}


def measures_against(code: str) -> str:
    """Return the measure groups the mapping links to this bottleneck, primary ones first."""
    rows = links[links["bottleneck"] == code].sort_values(["strength", "measure"])
    names = []
    for _, row in rows.iterrows():
        strength = t("recommendations.strength." + row["strength"], lang)
        title = row[f"measure_title_{lang}"]
        names.append(
            f"{row['measure']} {title}（{strength}）" if lang == "zh" else f"{row['measure']} {title} ({strength})"
        )
    return ("；" if lang == "zh" else "; ").join(names)


def bottleneck_block(code: str) -> None:
    """Render one bottleneck: title, summary, figure cards, chart or quotes, measures and links."""
    st.header(section_label(code), anchor=f"b{code.replace('.', '-')}")
    st.write(t(f"bottlenecks.summary.{code}", lang))
    own = figures[(figures["section"] == code) & (figures["kind"] == "bottleneck")]
    # Cards in the charts' order; a figure no chart uses goes last.
    own = own.loc[sorted(own.index, key=lambda fid: CARD_RANK.get(fid, len(CARD_RANK)))]
    st.subheader(t("bottlenecks.figures", lang))
    if own.empty:
        st.info(t("bottlenecks.no_figures", lang), icon=":material/info:")
    for start in range(0, len(own), CARDS_PER_ROW):
        for column, (_, fig) in zip(st.columns(CARDS_PER_ROW), own.iloc[start : start + CARDS_PER_ROW].iterrows()):
            with column:
                ui.figure_card(fig, lang)
    if code == "2.5":
        talent_note()
    if code in EXTRAS:
        EXTRAS[code]()
    st.markdown(t("bottlenecks.addressed_by", lang, measures=measures_against(code)))
    left, right = st.columns(2)
    with left:
        st.page_link(
            "pages/recommendations.py",
            label=t("bottlenecks.link.recs", lang, code=code),
            query_params={"lang": lang, "b": code},
            icon=":material/lightbulb:",
        )
    with right:
        st.page_link(
            "pages/figures.py",
            label=t("bottlenecks.link.figures", lang, code=code),
            query_params={"lang": lang, "section": code},
            icon=":material/table_view:",
        )


st.title(t("bottlenecks.title", lang))
st.caption(t("bottlenecks.intro", lang))
chosen = ui.url_choice(
    "b",
    ("all", *BOTTLENECKS),
    label=t("bottlenecks.select", lang),
    format_func=lambda code: t("bottlenecks.all", lang) if code == "all" else section_label(code),
    default="all",
)
for number, code in enumerate(BOTTLENECKS if chosen == "all" else (chosen,)):
    if number:
        st.divider()
    bottleneck_block(code)

ui.end_page()
