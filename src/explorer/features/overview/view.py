"""The Overview page's view: the headline figures, the SME shares (two passages, not one funnel), the figures
counted by section and kind."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from explorer import charts
from explorer.core import formatting, vocab
from explorer.core.i18n import t
from explorer.features.bottlenecks.view import sme_chart
from explorer.features.pieces import ChartView, translated

HEADLINE_FIGURES: tuple[str, ...] = (
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


@dataclass(frozen=True)
class OverviewView:
    """What the Overview shows: headline figure rows (in card order), two charts and the count of figures by kind."""

    headline: pd.DataFrame
    funnel: ChartView
    sections: ChartView
    kinds_caption: str


def funnel_chart(figures: pd.DataFrame, lang: str) -> ChartView:
    """Return the SME shares' chart as Bottlenecks draws it (a lower bound dashed to 100 %, coloured by the section it
    comes from: the second walk saw the same five bars drawn two ways), with the Overview's caption; `figures` is
    indexed by id."""
    return replace(sme_chart(figures, lang), key="funnel", caption=t("overview.funnel.caption", lang))


def section_counts(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return how many figures of each kind each section holds, with the section's and the kind's label."""
    counts = figures.groupby(["section", f"section_title_{lang}", "kind"], as_index=False).size()
    counts["kind_label"] = counts["kind"].map(lambda kind: t(f"kind.{kind}", lang))
    counts["section_label"] = counts["section"] + " " + counts[f"section_title_{lang}"]
    return counts[["section_label", "kind_label", "size"]]


def sections_chart(figures: pd.DataFrame, lang: str) -> ChartView:
    """Return the figures by section as bars stacked by kind, with their table view."""
    counts = section_counts(figures, lang)
    spec = charts.stacked_counts(
        counts,
        title=t("overview.sections.title", lang),
        axis_title=t("overview.sections.axis", lang),
        colours=formatting.kind_colours(lang),
        legend=t("col.kind", lang),
    )
    columns = {"section_label": "col.section", "kind_label": "col.kind", "size": "overview.sections.axis"}
    return ChartView(spec, translated(counts, columns, lang), "sections")


def kinds_caption(figures: pd.DataFrame, lang: str) -> str:
    """Return the sentence that counts the paper's figures in all and by kind."""
    kinds = figures["kind"].value_counts()
    return t(
        "overview.kinds.caption",
        lang,
        count=len(figures),
        total=len(figures),
        **{k: int(kinds.get(k, 0)) for k in vocab.FIGURE_KINDS},
    )


def overview(figures: pd.DataFrame, lang: str) -> OverviewView:
    """Return what the Overview shows in `lang`, from every figure of the paper (as `cached.figures` returns them)."""
    by_id = figures.set_index("id", drop=False)
    return OverviewView(
        headline=by_id.loc[list(HEADLINE_FIGURES)],
        funnel=funnel_chart(by_id, lang),
        sections=sections_chart(by_id, lang),
        kinds_caption=kinds_caption(by_id, lang),
    )
