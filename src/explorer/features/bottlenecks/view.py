"""The Bottlenecks page's view: each of the paper's five bottlenecks with its figures, charts, quotes and measures."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from explorer import charts
from explorer.core import formatting, vocab
from explorer.core.i18n import t
from explorer.features.pieces import (
    SME_SHARE_FIGURES,
    ChartView,
    bracketed,
    listed,
    section_labels,
    translated,
    with_shown,
)

ALL = "all"  # the selector's choice that shows every bottleneck
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
    "rooms": formatting.KIND_COLOURS["bottleneck"],
    "power": formatting.KIND_COLOURS["status"],
    "gate": formatting.KIND_COLOURS["target"],
}
# The SME shares' colour says which section each comes from.
SME_COLOURS = {"1.3": formatting.KIND_COLOURS["status"], "2.3": formatting.KIND_COLOURS["bottleneck"]}
PLATFORM_FIGURES = (
    "miit_iiot_pilot_platforms",
    "miit_mfg_internet_pilot_platforms",
    "miit_iiot_navigator_firms",
    "miit_cross_industry_platforms",
)
CARD_RANK = {fid: rank for rank, fid in enumerate([OS_FIGURE, *COMPUTE_FIGURES, *SME_SHARE_FIGURES, *PLATFORM_FIGURES])}
# Section 2.4 lists its gaps as 一是 … 四是; each sub-point runs to the next marker.
DATA_POINT = re.compile(r"[一二三四]是.+?(?=[一二三四]是|$)", re.S)
SOURCE_COLUMNS = {"id": "col.id", "metric": "col.metric", "shown": "col.value", "section": "col.section"}


@dataclass(frozen=True)
class DataPoint:
    """One gap of section 2.4: its title, the paper's words and a gloss."""

    title: str
    quote: str
    gloss: str


@dataclass(frozen=True)
class Block:
    """One bottleneck as the page shows it, top to bottom."""

    code: str
    heading: str
    anchor: str
    summary: str
    cards: pd.DataFrame
    note: str | None
    charts: tuple[ChartView, ...]
    points: tuple[DataPoint, ...]
    measures: str


def choice_labels(sections: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return the selector's options (ALL, then each bottleneck) with their labels."""
    titles = section_labels(sections, lang)
    return {ALL: t("bottlenecks.all", lang)} | {code: titles[code] for code in vocab.BOTTLENECKS}


def figure_rows(figures: pd.DataFrame, ids: tuple[str, ...] | list[str], lang: str) -> pd.DataFrame:
    """Return the figures with their label, shown value and, for a lower bound, the value its dashed line starts at."""
    rows = with_shown(figures.loc[list(ids)], lang)
    # A lower bound ("more than") leaves the top open: the chart draws a dashed line on to 100 %.
    return rows.assign(open_end=rows["value"].where(rows["qualifier"] == "more_than"))


def source_table(rows: pd.DataFrame, lang: str, extra: dict[str, str] | None = None) -> pd.DataFrame:
    """Return the table view of a chart: id, metric, value as the paper qualifies it, section, (extra,) sentence."""
    return translated(rows, {**SOURCE_COLUMNS, **(extra or {}), "quote_zh": "col.quote"}, lang)


def bound_bars(
    rows: pd.DataFrame, colour: str, legend: str, colours: dict[str, str], title: str, axis: str, lang: str
) -> dict:
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


def os_chart(figures: pd.DataFrame, lang: str) -> ChartView:
    """Return the OS localisation rate as the range the paper allows (0 to < 5 %), never as a point."""
    fig = figures.loc[OS_FIGURE]
    bound = float(fig["value"])
    band = pd.DataFrame(
        {
            "part": [t("bottlenecks.os.band", lang), t("bottlenecks.os.rest", lang)],
            "start": [0.0, bound],
            "end": [bound, 100.0],
            "shown": [formatting.figure_value(fig, lang), f"> {formatting.format_number(100 - bound)} %"],
            "quote_zh": [fig["quote_zh"]] * 2,
        }
    )
    spec = charts.upper_bound_band(
        band,
        title=t("bottlenecks.os.title", lang),
        axis_title=t("bottlenecks.os.axis", lang),
        accent=formatting.ACCENT,
        tooltips=[
            charts.tooltip("part", "nominal", t("bottlenecks.os.segment", lang)),
            charts.tooltip("shown", "nominal", t("col.value", lang)),
            charts.tooltip("quote_zh", "nominal", t("word.paper_sentence", lang)),
        ],
    )
    table = translated(band, {"part": "bottlenecks.os.segment", "shown": "col.value", "quote_zh": "col.quote"}, lang)
    return ChartView(spec, table, "chart_os", t("bottlenecks.os.caption", lang))


def compute_chart(figures: pd.DataFrame, lang: str) -> ChartView:
    """Return the compute bottleneck's shares: machine-room ages, power cost, the Guangdong gate."""
    rows = figure_rows(figures, list(COMPUTE_FIGURES), lang)
    rows["group"] = rows["id"].map(lambda fid: t(f"bottlenecks.compute.group.{COMPUTE_FIGURES[fid]}", lang))
    groups = list(dict.fromkeys(COMPUTE_FIGURES.values()))
    colours = {t(f"bottlenecks.compute.group.{group}", lang): COMPUTE_COLOURS[group] for group in groups}
    legend = t("bottlenecks.compute.group", lang)
    title, axis = t("bottlenecks.compute.title", lang), t("bottlenecks.compute.axis", lang)
    spec = bound_bars(rows, "group", legend, colours, title, axis, lang)
    table = source_table(rows, lang, {"group": "bottlenecks.compute.group"})
    return ChartView(spec, table, "chart_compute", t("bottlenecks.compute.caption", lang))


def sme_chart(figures: pd.DataFrame, lang: str) -> ChartView:
    """Return the SME shares of 1.3 and 2.3 side by side, each coloured by the section it comes from."""
    rows = figure_rows(figures, SME_SHARE_FIGURES, lang)
    rows["origin"] = rows["section"].map(lambda sid: t("bottlenecks.sme.from", lang, section=sid))
    colours = {t("bottlenecks.sme.from", lang, section=sid): colour for sid, colour in SME_COLOURS.items()}
    legend = t("bottlenecks.sme.legend", lang)
    title, axis = t("bottlenecks.sme.title", lang), t("sme_share.axis", lang)
    spec = bound_bars(rows, "origin", legend, colours, title, axis, lang)
    return ChartView(spec, source_table(rows, lang), "chart_sme", t("bottlenecks.sme.caption", lang))


def platforms_chart(figures: pd.DataFrame, lang: str) -> ChartView:
    """Return the MIIT platform counts as labelled bars."""
    platforms = figure_rows(figures, PLATFORM_FIGURES, lang)
    spec = charts.labelled_bars(
        platforms[["metric", "value", "shown", "quote_zh"]],
        title=t("bottlenecks.platforms.title", lang),
        axis_title=t("bottlenecks.platforms.axis", lang),
        colour=formatting.KIND_COLOURS["bottleneck"],
        tooltips=charts.figure_tooltips(lang),
    )
    return ChartView(spec, source_table(platforms, lang), "chart_platforms", t("bottlenecks.platforms.caption", lang))


def data_points(text: str, lang: str) -> tuple[DataPoint, ...]:
    """Return section 2.4's four gaps as the paper words them (from its text); the section has no figure to chart."""
    found = DATA_POINT.findall(text)
    return tuple(
        DataPoint(t(f"bottlenecks.data.point.{n}", lang), quote.strip(), t(f"bottlenecks.data.gloss.{n}", lang))
        for n, quote in enumerate(found, start=1)
    )


def block_charts(code: str, figures: pd.DataFrame, lang: str) -> tuple[ChartView, ...]:
    """Return the charts of one bottleneck (2.1 the OS bound, 2.2 compute, 2.3 SMEs and platforms)."""
    if code == "2.1":
        return (os_chart(figures, lang),)
    if code == "2.2":
        return (compute_chart(figures, lang),)
    if code == "2.3":
        return sme_chart(figures, lang), platforms_chart(figures, lang)
    return ()


def measures_against(links: pd.DataFrame, code: str, lang: str) -> str:
    """Return the measure groups the mapping links to this bottleneck, primary ones first, with their strength."""
    rows = links[links["bottleneck"] == code].sort_values(["strength", "measure"])
    names = [
        bracketed(f"{measure} {title}", t(f"recommendations.strength.{strength}", lang), lang)
        for measure, title, strength in zip(rows["measure"], rows[f"measure_title_{lang}"], rows["strength"])
    ]
    return listed(names, lang)


def block(code: str, figures: pd.DataFrame, links: pd.DataFrame, lang: str, *, heading: str, text: str) -> Block:
    """Return one bottleneck under `heading`; `figures` is indexed by id, `text` is its section's text."""
    own = figures[(figures["section"] == code) & (figures["kind"] == "bottleneck")]
    # Cards in the charts' order; a figure no chart uses goes last.
    own = own.loc[sorted(own.index, key=lambda fid: CARD_RANK.get(fid, len(CARD_RANK)))]
    return Block(
        code=code,
        heading=heading,
        anchor=f"b{code.replace('.', '-')}",
        summary=t(f"bottlenecks.summary.{code}", lang),
        cards=own,
        note=t("bottlenecks.talent.caption", lang) if code == "2.5" else None,
        charts=block_charts(code, figures, lang),
        points=data_points(text, lang) if code == "2.4" else (),
        measures=t("bottlenecks.addressed_by", lang, measures=measures_against(links, code, lang)),
    )


def blocks(
    figures: pd.DataFrame, sections: pd.DataFrame, links: pd.DataFrame, lang: str, chosen: str = ALL
) -> list[Block]:
    """Return the chosen bottleneck (or all five, ALL) from the loaders' figures, sections and measure links."""
    by_id = figures.set_index("id", drop=False)
    headings = section_labels(sections, lang)
    texts = dict(zip(sections["id"], sections["text_zh"]))
    codes = vocab.BOTTLENECKS if chosen == ALL else (chosen,)
    return [block(code, by_id, links, lang, heading=headings[code], text=texts[code]) for code in codes]
