"""Recommendations: the paper's eight measure groups (3.1–3.8), what they answer, their targets and levers."""

import textwrap

import pandas as pd
import streamlit as st

from explorer import cached, charts, ui
from explorer.i18n import t

BOTTLENECKS = ("2.1", "2.2", "2.3", "2.4", "2.5")
MEASURES = ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8")
STRENGTHS = ("primary", "secondary", "none")
# Okabe–Ito blue and sky blue for links, light grey for "no link": distinguishable without colour vision.
STRENGTH_COLOURS = {"primary": ui.KIND_COLOURS["status"], "secondary": ui.NEUTRAL, "none": "#EEEEEE"}
CARDS_PER_ROW = 3  # cards sit inside a bordered box: four per row would cut long English values
ROW_PX = 44  # height of one measure's row in the heatmap
FADED = 0.3  # opacity of the columns outside the bottleneck filter
# Column labels wrap so that five bottleneck titles fit side by side (Chinese needs fewer characters).
WRAP_WIDTH = {"zh": 8, "en": 18}

lang = ui.start_page("recommendations")
version = cached.database().version
links = cached.recommendations(version)
levers = cached.measure_levers(version)
figures = cached.figures(version)
sections = cached.sections(version).set_index("id")


def section_label(code: str) -> str:
    """Return '3.1 <title>' in the page's language."""
    return f"{code} {sections.at[code, f'title_{lang}']}"


def strength_label(strength: str) -> str:
    """Return the translated strength of a link."""
    return t(f"recommendations.strength.{strength}", lang)


def lever_query(value: float) -> str:
    """Return a lever value as the scenario page reads it from the URL (no trailing zeros)."""
    return f"{value:g}"


def heatmap(measures: list[str], chosen: list[str]) -> None:
    """Chart measures × bottlenecks coloured by the strength of the link, with its table view."""
    grid = pd.MultiIndex.from_product([measures, BOTTLENECKS], names=["measure", "bottleneck"]).to_frame(index=False)
    cells = grid.merge(links, on=["measure", "bottleneck"], how="left")
    cells["strength"] = cells["strength"].fillna("none")
    cells["strength_label"] = cells["strength"].map(strength_label)
    cells["measure_label"] = cells["measure"].map(section_label)
    cells["bottleneck_label"] = cells["bottleneck"].map(section_label)
    cells["column"] = cells["bottleneck_label"].map(lambda label: "\n".join(textwrap.wrap(label, WRAP_WIDTH[lang])))
    cells["rationale"] = cells[f"rationale_{lang}"].fillna("")
    cells["quote_zh"] = cells["quote_zh"].fillna("")
    cells["cell_text"] = cells["strength_label"].where(cells["strength"] != "none", "")
    cells["is_chosen"] = cells["bottleneck"].isin(chosen) if chosen else True
    linked = cells[cells["strength"] != "none"]
    table = pd.DataFrame(
        {
            t("recommendations.col.measure", lang): linked["measure_label"],
            t("recommendations.col.bottleneck", lang): linked["bottleneck_label"],
            t("recommendations.col.strength", lang): linked["strength_label"],
            t("recommendations.col.quote", lang): linked["quote_zh"],
            t("recommendations.col.rationale", lang): linked["rationale"],
        }
    )
    chart = charts.link_heatmap(
        cells[
            ["measure_label", "bottleneck_label", "column", "strength", "strength_label", "cell_text", "is_chosen"]
            + ["quote_zh", "rationale"]
        ],
        title=t("recommendations.heatmap.title", lang),
        legend=t("recommendations.col.strength", lang),
        colours={strength_label(strength): STRENGTH_COLOURS[strength] for strength in STRENGTHS},
        row_px=ROW_PX,
        faded=FADED,
        tooltips=[
            charts.tooltip("measure_label", "nominal", t("recommendations.col.measure", lang)),
            charts.tooltip("bottleneck_label", "nominal", t("recommendations.col.bottleneck", lang)),
            charts.tooltip("strength_label", "nominal", t("recommendations.col.strength", lang)),
            charts.tooltip("quote_zh", "nominal", t("recommendations.col.quote", lang)),
            charts.tooltip("rationale", "nominal", t("recommendations.col.rationale", lang)),
        ],
    )
    ui.chart_with_table(chart, table, lang, key="heatmap")
    st.caption(t("recommendations.heatmap.caption", lang))


def addressed(code: str) -> None:
    """List the bottlenecks a measure group answers, each with its justifying clause and rationale."""
    st.markdown(f"**{t('recommendations.addresses', lang)}**")
    rows = links[links["measure"] == code].sort_values(["strength", "bottleneck"])
    for _, row in rows.iterrows():
        heading = f"{section_label(row['bottleneck'])} · {strength_label(row['strength'])}"
        icon = ":material/radio_button_checked:" if row["strength"] == "primary" else ":material/radio_button_partial:"
        with st.expander(heading, icon=icon):
            st.markdown(f"> {row['quote_zh']}")
            st.caption(row[f"rationale_{lang}"])
            st.page_link(
                "pages/bottlenecks.py",
                label=t("recommendations.open_bottleneck", lang, code=row["bottleneck"]),
                query_params={"lang": lang, "b": row["bottleneck"]},
                icon=":material/block:",
            )


def targets(code: str) -> None:
    """Show the numeric targets of a measure group as figure cards."""
    st.markdown(f"**{t('recommendations.targets', lang)}**")
    own = figures[(figures["section"] == code) & (figures["kind"] == "target")]
    if own.empty:
        st.caption(t("recommendations.no_targets", lang))
    for start in range(0, len(own), CARDS_PER_ROW):
        for column, (_, fig) in zip(st.columns(CARDS_PER_ROW), own.iloc[start : start + CARDS_PER_ROW].iterrows()):
            with column:
                ui.figure_card(fig, lang)


def scenario_levers(code: str) -> None:
    """List the scenario levers a measure group implies and link to Scenarios with those values set."""
    own = levers[levers["measure"] == code]
    if own.empty:
        return
    st.markdown(f"**{t('recommendations.levers', lang)}**")
    for _, row in own.iterrows():
        name = t(f"recommendations.lever.{row['lever']}", lang)
        shown = ui.format_number(row["value"]) if pd.notna(row["value"]) else t("recommendations.lever.no_value", lang)
        code_name = f"（`{row['lever']}`）：" if lang == "zh" else f" (`{row['lever']}`): "
        st.markdown(f"- {name}{code_name}**{shown}**")
        colon = "：" if lang == "zh" else ": "
        st.caption(f"{t('word.paper_sentence', lang)}{colon}“{row['quote_zh']}” — {row[f'rationale_{lang}']}")
    valued = own[own["value"].notna()]
    params = {"lang": lang} | {row["lever"]: lever_query(row["value"]) for _, row in valued.iterrows()}
    st.page_link(
        "pages/scenarios.py",
        label=t("recommendations.open_scenarios" if len(valued) else "recommendations.open_scenarios.defaults", lang),
        query_params=params,
        icon=":material/tune:",
    )


def measure_card(code: str) -> None:
    """Render one measure group: title, summary, bottlenecks addressed, targets, levers."""
    with st.container(border=True):
        st.subheader(section_label(code), anchor=f"m{code.replace('.', '-')}")
        st.write(t(f"recommendations.summary.{code}", lang))
        addressed(code)
        targets(code)
        scenario_levers(code)


st.title(t("recommendations.title", lang))
st.caption(t("recommendations.intro", lang))
chosen = ui.url_multi(
    "b",
    BOTTLENECKS,
    label=t("recommendations.filter", lang),
    format_func=section_label,
    placeholder=t("recommendations.filter.placeholder", lang),
)
linked_measures = set(links.loc[links["bottleneck"].isin(chosen), "measure"]) if chosen else set(MEASURES)
measures = [code for code in MEASURES if code in linked_measures]
counts = links["strength"].value_counts()
st.caption(
    t(
        "recommendations.count",
        lang,
        shown=len(measures),
        total=len(MEASURES),
        count=len(links),
        links=len(links),
        primary=int(counts.get("primary", 0)),
        secondary=int(counts.get("secondary", 0)),
    )
)
if not measures:
    st.info(t("recommendations.none", lang))
else:
    heatmap(measures, chosen)
    for code in measures:
        measure_card(code)

ui.end_page()
