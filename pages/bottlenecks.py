"""Bottlenecks: the paper's five bottlenecks (2.1–2.5) with their figures, charts where they help, and links."""

import re
import textwrap

import altair as alt
import pandas as pd
import streamlit as st

from explorer import cached, ui
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
PERCENT_DOMAIN = [0, 100]
BAR_ROW_PX = 44  # height of one bar's row: room for a two-line label
LABEL_WRAP = {"zh": 18, "en": 44}  # characters per line of an axis label (Chinese glyphs are twice as wide)
# Fit the width only: with Streamlit's default ("fit") a chart's height also has to hold its legend and axes.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
SPLIT_LINES = "split(datum.label, '\\n')"  # Vega expression: one axis label per line of the wrapped text
# Section 2.4 lists its gaps as 一是 … 四是; each sub-point runs to the next marker.
DATA_POINT = re.compile(r"[一二三四]是.+?(?=[一二三四]是|$)", re.S)

lang = ui.start_page()
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
    # A lower bound ("more than") leaves the top open: the dashed line runs to 100 %.
    rows["open_end"] = rows["value"].where(rows["qualifier"] == "more_than")
    rows["open_to"] = PERCENT_DOMAIN[1]
    return rows


def wrapped(label: str) -> str:
    """Return an axis label broken into lines (split again in Vega by labelExpr)."""
    return "\n".join(textwrap.wrap(label, LABEL_WRAP[lang]))


def bound_bars(rows: pd.DataFrame, colour: str, legend: str, scale: alt.Scale, title: str, axis: str) -> alt.Chart:
    """Return horizontal % bars labelled with their qualified value, with a dashed open end for lower bounds."""
    rows = rows.assign(label=rows["metric"].map(wrapped))
    y = alt.Y("label:N", sort=rows["label"].tolist(), title=None, axis=alt.Axis(labelExpr=SPLIT_LINES, labelLimit=0))
    tooltip = [
        alt.Tooltip("metric:N", title=t("col.metric", lang)),
        alt.Tooltip("shown:N", title=t("col.value", lang)),
        alt.Tooltip("section:N", title=t("col.section", lang)),
        alt.Tooltip("quote_zh:N", title=t("word.paper_sentence", lang)),
    ]
    bars = (
        alt.Chart(rows, title=title)
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=axis, scale=alt.Scale(domain=PERCENT_DOMAIN)),
            y=y,
            color=alt.Color(
                f"{colour}:N", title=legend, scale=scale, legend=alt.Legend(orient="top", columns=1, labelLimit=0)
            ),
            tooltip=tooltip,
        )
    )
    open_ends = (
        alt.Chart(rows)
        .transform_filter("isValid(datum.open_end)")
        .mark_rule(strokeDash=[4, 3], strokeWidth=2)
        .encode(x="open_end:Q", x2="open_to:Q", y=y, color=alt.Color(f"{colour}:N", scale=scale), tooltip=tooltip)
    )
    labels = bars.mark_text(align="right", dx=-4, fontWeight="bold").encode(text="shown:N", color=alt.value("white"))
    return (bars + open_ends + labels).properties(height=BAR_ROW_PX * len(rows), autosize=FIT_WIDTH)


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
    tooltip = [
        alt.Tooltip("part:N", title=t("bottlenecks.os.segment", lang)),
        alt.Tooltip("shown:N", title=t("col.value", lang)),
        alt.Tooltip("quote_zh:N", title=t("word.paper_sentence", lang)),
    ]
    base = alt.Chart(band, title=t("bottlenecks.os.title", lang))
    x = alt.X("start:Q", title=t("bottlenecks.os.axis", lang), scale=alt.Scale(domain=PERCENT_DOMAIN))
    domestic = base.transform_filter(alt.datum.start == 0).mark_bar(
        color=ui.ACCENT, fillOpacity=0.3, stroke=ui.ACCENT, strokeDash=[5, 3], strokeWidth=2
    )
    rest = base.transform_filter(alt.datum.start > 0).mark_bar(color="#DDDDDD")
    bars = alt.layer(domestic, rest).encode(x=x, x2="end:Q", tooltip=tooltip)
    text_domestic = (
        base.transform_filter(alt.datum.start == 0)
        .mark_text(align="left", dx=8, fontWeight="bold", fontSize=13)
        .encode(x="end:Q", text="part:N", tooltip=tooltip)
    )
    text_rest = (
        base.transform_filter(alt.datum.start > 0)
        .mark_text(align="right", dx=-8, fontSize=13, color="#555555")
        .encode(x="end:Q", text="part:N", tooltip=tooltip)
    )
    text = text_domestic + text_rest
    ui.chart_with_table(
        (bars + text).properties(height=48, autosize=FIT_WIDTH),
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
    scale = alt.Scale(
        domain=[t(f"bottlenecks.compute.group.{group}", lang) for group in groups],
        range=[COMPUTE_COLOURS[group] for group in groups],
    )
    chart = bound_bars(
        rows,
        "group",
        t("bottlenecks.compute.group", lang),
        scale,
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
    scale = alt.Scale(
        domain=[t("bottlenecks.sme.from", lang, section=sid) for sid in SME_COLOURS],
        range=list(SME_COLOURS.values()),
    )
    chart = bound_bars(
        rows,
        "origin",
        t("bottlenecks.sme.legend", lang),
        scale,
        t("bottlenecks.sme.title", lang),
        t("bottlenecks.sme.axis", lang),
    )
    ui.chart_with_table(chart, source_table(rows), lang, key="chart_sme")
    st.caption(t("bottlenecks.sme.caption", lang))

    platforms = figure_rows(PLATFORM_FIGURES)
    y = alt.Y("metric:N", sort=platforms["metric"].tolist(), title=None, axis=alt.Axis(labelLimit=420))
    bars = (
        alt.Chart(platforms, title=t("bottlenecks.platforms.title", lang))
        .mark_bar(color=ui.KIND_COLOURS["bottleneck"])
        .encode(
            x=alt.X("value:Q", title=t("bottlenecks.platforms.axis", lang), axis=alt.Axis(tickMinStep=1)),
            y=y,
            tooltip=[
                alt.Tooltip("metric:N", title=t("col.metric", lang)),
                alt.Tooltip("shown:N", title=t("col.value", lang)),
                alt.Tooltip("quote_zh:N", title=t("word.paper_sentence", lang)),
            ],
        )
    )
    labels = bars.mark_text(align="left", dx=4).encode(text="shown:N")
    chart = (bars + labels).properties(height=BAR_ROW_PX * len(platforms), autosize=FIT_WIDTH)
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
