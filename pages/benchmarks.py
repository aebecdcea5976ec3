"""Benchmarks: Beijing, Shanghai and Shenzhen on like-for-like indicators, every value sourced."""

import pandas as pd
import streamlit as st

from explorer import cached, charts, ui
from explorer.benchmarks import CITIES, latest_comparable, missing_cities
from explorer.i18n import t

DEFAULT_INDICATOR = "gdp"

lang = ui.start_page("benchmarks")
version = cached.database().version
indicators = cached.indicators(version).set_index("code", drop=False)
everything = cached.benchmarks(version)
unit_labels = cached.units(version).set_index("code")[f"label_{lang}"]


def label(code: str) -> str:
    return indicators.at[code, f"label_{lang}"]


def decorate(rows: pd.DataFrame) -> pd.DataFrame:
    """Add the translated labels, the display value and the marker fill the charts and tables use."""
    return rows.assign(
        city_label=rows["city"].map(lambda city: t(f"city.{city}", lang)),
        grade_label=rows["grade"].map(lambda grade: t(f"grade.{grade}", lang)),
        status_label=rows["status"].map(lambda status: t(f"status.{status}", lang)),
        unit_label=rows["unit"].map(unit_labels),
        shown=[
            ui.QUALIFIER_SIGNS.get(qualifier, "") + ui.format_number(value)
            for qualifier, value in zip(rows["qualifier"], rows["value"])
        ],
        fill=[ui.CITY_COLOURS[c] if g == "official" else "white" for c, g in zip(rows["city"], rows["grade"])],
    )


def source_table(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.city", lang): rows["city_label"],
            t("col.year", lang): rows["year"],
            t("col.value", lang): rows["shown"],
            t("col.unit", lang): rows["unit_label"],
            t("col.status", lang): rows["status_label"],
            t("col.grade", lang): rows["grade_label"],
            t("col.definition", lang): rows["definition"],
            t("col.source", lang): rows["source_title"],
            t("col.source_url", lang): rows["source_url"],
            t("col.quote", lang): rows["source_quote"],
        }
    )


CITY_COLOURS = {t(f"city.{city}", lang): ui.CITY_COLOURS[city] for city in CITIES}
TOOLTIP = [
    charts.tooltip("city_label", "nominal", t("col.city", lang)),
    charts.tooltip("year", "ordinal", t("col.year", lang)),
    charts.tooltip("shown", "nominal", t("col.value", lang)),
    charts.tooltip("unit_label", "nominal", t("col.unit", lang)),
    charts.tooltip("status_label", "nominal", t("col.status", lang)),
    charts.tooltip("grade_label", "nominal", t("col.grade", lang)),
    charts.tooltip("definition", "nominal", t("col.definition", lang)),
    charts.tooltip("source_title", "nominal", t("col.source", lang)),
    charts.tooltip("source_url", "nominal", t("col.source_url", lang)),
]
CHART_FIELDS = ["year", "value", "status", "fill", "city_label", "shown", "unit_label", "status_label", "grade_label"]
CHART_FIELDS += ["definition", "source_title", "source_url"]

st.title(t("benchmarks.title", lang))
st.caption(t("benchmarks.intro", lang))

codes = list(indicators["code"])
indicator = ui.url_choice(
    "ind",
    codes,
    label=t("benchmarks.indicator", lang),
    format_func=label,
    default=DEFAULT_INDICATOR if DEFAULT_INDICATOR in codes else codes[0],
)
rows = decorate(everything[everything["indicator"] == indicator])
description = indicators.at[indicator, f"description_{lang}"]
if description:
    st.caption(description)

groups = list(dict.fromkeys(rows["comparability_group"]))
if len(groups) > 1:
    st.warning(t("benchmarks.groups_differ", lang, count=len(groups)), icon=":material/compare_arrows:")
if (rows["qualifier"] != "exact").any():
    st.caption(t("benchmarks.paper_qualifier", lang))

for group in groups:
    group_rows = rows[rows["comparability_group"] == group]
    st.markdown(f"**{t('benchmarks.group', lang, group=group)}** · {group_rows['definition'].iloc[0]}")
    missing = missing_cities(group_rows)
    if missing:
        st.info(
            t("benchmarks.missing", lang, cities=", ".join(t(f"city.{c}", lang) for c in missing)),
            icon=":material/search_off:",
        )
    unit = unit_labels[group_rows["unit"].iloc[0]]
    chart = charts.city_series(
        group_rows[CHART_FIELDS],
        title=f"{label(indicator)} ({unit})",
        x_title=t("benchmarks.axis.year", lang),
        y_title=unit,
        colours=CITY_COLOURS,
        legend=t("col.city", lang),
        status_legend=t("benchmarks.legend.status", lang),
        tooltips=TOOLTIP,
    )
    ui.chart_with_table(chart, source_table(group_rows), lang, key=f"bench_{group}")
st.caption(t("benchmarks.legend.grade", lang))
st.download_button(
    t("benchmarks.download", lang),
    rows.drop(columns=["fill"]).to_csv(index=False),
    file_name=f"benchmarks-{indicator}.csv",
    mime="text/csv",
    icon=":material/download:",
)

st.subheader(t("benchmarks.peers.title", lang))
latest = decorate(latest_comparable(everything))
if latest.empty:
    st.info(t("benchmarks.peers.none", lang))
else:
    latest = latest.assign(
        indicator_label=[f"{label(code)} ({year})" for code, year in zip(latest["indicator"], latest["year"])],
        index_shown=latest["index_vs_shenzhen"].round(1),
    )
    peers = charts.peer_index(
        latest[[*CHART_FIELDS, "indicator_label", "index_vs_shenzhen", "index_shown"]],
        title=t("benchmarks.peers.title", lang),
        axis_title=t("benchmarks.peers.axis", lang),
        colours=CITY_COLOURS,
        legend=t("col.city", lang),
        tooltips=[charts.tooltip("index_shown", "quantitative", t("col.index", lang)), *TOOLTIP],
    )
    table = source_table(latest).assign(
        **{t("col.indicator", lang): latest["indicator_label"], t("col.index", lang): latest["index_shown"]}
    )
    ui.chart_with_table(peers, table, lang, key="peers")
    st.caption(t("benchmarks.peers.caption", lang))
st.download_button(
    t("benchmarks.download_all", lang),
    everything.to_csv(index=False),
    file_name="benchmarks-all.csv",
    mime="text/csv",
    icon=":material/download:",
    key="download_all",
)

ui.end_page()
