"""The Benchmarks page's view: one indicator's values per definition group, the latest like-for-like comparison."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer import charts, export, formatting, vocab
from explorer.i18n import t
from explorer.views.pieces import ChartView, signed

DEFAULT_INDICATOR = "gdp"
CHART_FIELDS = ["year", "value", "status", "fill", "city_label", "shown", "unit_label", "status_label", "grade_label"]
CHART_FIELDS += ["definition", "source_title", "source_url"]
SOURCE_COLUMNS = {
    "city_label": "col.city",
    "year": "col.year",
    "shown": "col.value",
    "unit_label": "col.unit",
    "status_label": "col.status",
    "grade_label": "col.grade",
    "definition": "col.definition",
    "source_title": "col.source",
    "source_url": "col.source_url",
    "source_quote": "col.quote",
}
# The tooltip shows every source column but the quote; the year is ordinal, the rest nominal.
TOOLTIP_FIELDS = [field for field in SOURCE_COLUMNS if field != "source_quote"]


@dataclass(frozen=True)
class Group:
    """One definition group of an indicator: its heading, the cities it lacks (a notice) and its chart."""

    heading: str
    missing: str | None
    chart: ChartView


@dataclass(frozen=True)
class IndicatorView:
    """One indicator as the page shows it: description, notices, one chart per definition group, the CSV."""

    description: str
    groups_differ: str | None
    has_qualified_values: bool
    groups: tuple[Group, ...]
    csv: bytes


def missing_cities(rows: pd.DataFrame) -> list[str]:
    """Return the cities (in vocab.CITIES order) with no row in `rows`."""
    present = set(rows["city"])
    return [city for city in vocab.CITIES if city not in present]


def latest_comparable(rows: pd.DataFrame) -> pd.DataFrame:
    """Return, per indicator, the observed rows of the latest year in which all three cities share a group.

    Adds `index_vs_shenzhen` (Shenzhen = 100). Indicators with no such year are left out.
    """
    observed = rows[(rows["status"] == "observed") & rows["value"].notna()]
    coverage = observed.groupby(["indicator", "comparability_group", "year"])["city"].nunique()
    complete = coverage[coverage == len(vocab.CITIES)].reset_index()
    if complete.empty:
        return observed.iloc[0:0].assign(index_vs_shenzhen=pd.Series(dtype=float))
    latest = complete.sort_values(["indicator", "year", "comparability_group"], ascending=[True, False, True])
    latest = latest.drop_duplicates("indicator")[["indicator", "comparability_group", "year"]]
    chosen = observed.merge(latest, on=["indicator", "comparability_group", "year"])
    subject = chosen[chosen["city"] == vocab.SUBJECT_CITY].set_index("indicator")["value"]
    chosen = chosen.assign(index_vs_shenzhen=chosen["value"] / chosen["indicator"].map(subject) * 100)
    return chosen.sort_values(["indicator", "city"]).reset_index(drop=True)


def indicator_labels(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return indicator code -> label in `lang`, in the loader's order."""
    return dict(zip(indicators["code"], indicators[f"label_{lang}"]))


def default_indicator(indicators: pd.DataFrame) -> str:
    """Return the indicator a link without `ind` opens: GDP, or the first one if there is no GDP."""
    codes = list(indicators["code"])
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in codes else codes[0]


def city_colours(lang: str) -> dict[str, str]:
    """Return each city's colour keyed by its translated name, in vocab.CITIES order."""
    return {t(f"city.{city}", lang): formatting.CITY_COLOURS[city] for city in vocab.CITIES}


def tooltips(lang: str) -> list[dict]:
    """Return the tooltip of a city's value: city, year, value, unit, status, grade, definition, source."""
    return [
        charts.tooltip(field, "ordinal" if field == "year" else "nominal", t(SOURCE_COLUMNS[field], lang))
        for field in TOOLTIP_FIELDS
    ]


def decorate(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Add the translated labels, the display value and the marker fill the charts and tables use.

    `value` becomes the value in the unit the reader is shown (亿元; ¥ bn in English, `formatting.shown_unit`).
    """
    units = [
        formatting.shown_unit(unit, lang, zh, en)
        for unit, zh, en in zip(rows["unit"], rows["unit_zh"], rows["unit_symbol_en"])
    ]
    values = [value * factor for value, (factor, _) in zip(rows["value"], units)]
    return rows.assign(
        value=values,
        city_label=rows["city"].map(lambda city: t(f"city.{city}", lang)),
        grade_label=rows["grade"].map(lambda grade: t(f"grade.{grade}", lang)),
        status_label=rows["status"].map(lambda status: t(f"status.{status}", lang)),
        unit_label=[unit for _, unit in units],
        shown=[
            signed(qualifier, formatting.format_number(value)) for qualifier, value in zip(rows["qualifier"], values)
        ],
        fill=[formatting.CITY_COLOURS[c] if g == "official" else "white" for c, g in zip(rows["city"], rows["grade"])],
    )


def source_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the table view of decorated rows: city, year, value, unit, status, grade, definition, source, quote."""
    return pd.DataFrame({t(key, lang): rows[field] for field, key in SOURCE_COLUMNS.items()})


def group(rows: pd.DataFrame, label: str, lang: str) -> Group:
    """Return one definition group of the indicator `label`: the cities it lacks and one line per city."""
    missing = ", ".join(t(f"city.{city}", lang) for city in missing_cities(rows))
    unit = rows["unit_label"].iloc[0]
    spec = charts.city_series(
        rows[CHART_FIELDS],
        title=f"{label} ({unit})",
        x_title=t("benchmarks.axis.year", lang),
        y_title=unit,
        colours=city_colours(lang),
        legend=t("col.city", lang),
        status_legend=t("benchmarks.legend.status", lang),
        tooltips=tooltips(lang),
    )
    group_code = rows["comparability_group"].iloc[0]
    return Group(
        heading=f"**{t('benchmarks.group', lang, group=group_code)}** · {rows['definition'].iloc[0]}",
        missing=t("benchmarks.missing", lang, cities=missing) if missing else None,
        chart=ChartView(spec, source_table(rows, lang), f"bench_{group_code}"),
    )


def indicator_view(indicators: pd.DataFrame, benchmarks: pd.DataFrame, code: str, lang: str) -> IndicatorView:
    """Return one indicator's rows of every city, one chart per definition group (never mixed)."""
    stored = benchmarks[benchmarks["indicator"] == code]
    rows = decorate(stored, lang)
    label = indicator_labels(indicators, lang)[code]
    groups = list(dict.fromkeys(rows["comparability_group"]))
    return IndicatorView(
        description=indicators.set_index("code").at[code, f"description_{lang}"],
        groups_differ=t("benchmarks.groups_differ", lang, count=len(groups)) if len(groups) > 1 else None,
        has_qualified_values=bool((rows["qualifier"] != "exact").any()),
        groups=tuple(group(rows[rows["comparability_group"] == g], label, lang) for g in groups),
        csv=export.csv_bytes(stored),  # the stored values, in the unit its `unit` column names
    )


def peers_chart(indicators: pd.DataFrame, benchmarks: pd.DataFrame, lang: str) -> ChartView | None:
    """Return every indicator's latest like-for-like values as an index (Shenzhen = 100); None if there is none."""
    latest = decorate(latest_comparable(benchmarks), lang)
    if latest.empty:
        return None
    labels = indicator_labels(indicators, lang)
    latest = latest.assign(
        indicator_label=[f"{labels[code]} ({year})" for code, year in zip(latest["indicator"], latest["year"])],
        index_shown=latest["index_vs_shenzhen"].round(1),
    )
    spec = charts.peer_index(
        latest[[*CHART_FIELDS, "indicator_label", "index_vs_shenzhen", "index_shown"]],
        title=t("benchmarks.peers.title", lang),
        axis_title=t("benchmarks.peers.axis", lang),
        colours=city_colours(lang),
        legend=t("col.city", lang),
        tooltips=[charts.tooltip("index_shown", "quantitative", t("col.index", lang)), *tooltips(lang)],
    )
    table = source_table(latest, lang).assign(
        **{t("col.indicator", lang): latest["indicator_label"], t("col.index", lang): latest["index_shown"]}
    )
    return ChartView(spec, table, "peers", t("benchmarks.peers.caption", lang))
