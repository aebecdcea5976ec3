"""The Benchmarks page's view: an indicator's yearly series per comparability group; the digital peer comparison."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer import charts
from explorer.charts.encoding import CITY_SHAPES
from explorer.core import compact, formatting, vocab
from explorer.core.i18n import t
from explorer.core.vocab import UNITS
from explorer.data import export
from explorer.features.benchmarks import charts as city_charts
from explorer.features.pieces import ChartView, bracketed, colon, enumerated, listed, sentences, translated

DEFAULT_INDICATOR = "gdp"
# The Scenarios tab (URL `view`) that projects the comparable digital indicator against the peers.
COMPARABLE_TAB = "peers"
# A peer indicator whose Shenzhen figure the Targets page also shows (target_status.csv): indicator -> figure id.
# Benchmarks names that figure beside its own series, so the two pages never show two "latest" figures unexplained.
TARGET_FIGURES = {"g5_per_10k": "target_5g_per_10k"}
CHART_FIELDS = ["year", "value", "status", "fill", "city_label", "shown", "unit_label", "status_label", "grade_label"]
CHART_FIELDS += ["definition_text", "vintage_text", "source_title", "source_url", "segment", "break_before"]
CHART_FIELDS += ["joined", "kind_label"]
SOURCE_COLUMNS = {
    "city_label": "col.city",
    "year": "col.year",
    "shown": "col.value",
    "unit_label": "col.unit",
    "status_label": "col.status",
    "grade_label": "col.grade",
    "vintage_text": "benchmarks.col.vintage",
    "definition_text": "col.definition",
    "source_title": "col.source",
    "source_url": "col.source_url",
    "source_quote": "col.quote",
}
# The tooltip shows every source column but the quote; the year is ordinal, the rest nominal.
TOOLTIP_FIELDS = [field for field in SOURCE_COLUMNS if field != "source_quote"]
# The CSV download (decorated field -> header key): the indicator and group, the table's columns in its words, then
# the number in the database's unit, its qualifier, the series break, the access date and the paper's figure.
DOWNLOAD_COLUMNS = {
    "indicator_label": "col.indicator",
    "group_label": "benchmarks.col.group",
    **SOURCE_COLUMNS,
    "stored_value": "benchmarks.col.number",
    "stored_unit": "benchmarks.col.stored_unit",
    "qualifier_label": "benchmarks.col.qualifier",
    "break_label": "benchmarks.col.break",
    "date_accessed": "benchmarks.col.accessed",
    "figure_id": "benchmarks.col.figure",
}


@dataclass(frozen=True)
class Group:
    """One comparability group of an indicator: heading, definition, why it is not like-for-like, charts and tables."""

    heading: str
    definition: str
    note: str | None
    missing: str | None
    breaks: str | None
    chart: ChartView
    coverage: pd.DataFrame


@dataclass(frozen=True)
class IndicatorView:
    """One indicator as the page shows it: description, notices, one chart per comparability group, the CSV."""

    description: str
    groups_differ: str | None
    has_qualified_values: bool
    groups: tuple[Group, ...]
    csv: bytes


@dataclass(frozen=True)
class PeerPanel:
    """One digital indicator of the peer comparison: each city's latest figure in the shared group, or its absence."""

    definition: str
    note: str | None
    chart: ChartView


def missing_cities(rows: pd.DataFrame) -> list[str]:
    """Return the cities (in vocab.CITIES order) with no row in `rows`."""
    present = set(rows["city"])
    return [city for city in vocab.CITIES if city not in present]


def indicator_labels(indicators: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return indicator code -> label in `lang`, sorted by label (so related labels sit together), not by code."""
    pairs = zip(indicators["code"], indicators[f"label_{lang}"])
    return dict(sorted(pairs, key=lambda pair: (pair[1].casefold(), pair[0])))


def default_indicator(indicators: pd.DataFrame) -> str:
    """Return the indicator a link without `ind` opens: GDP, or the first one if there is no GDP."""
    codes = list(indicators["code"])
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in codes else codes[0]


def city_colours(lang: str) -> dict[str, str]:
    """Return each city's colour keyed by its translated name, in vocab.CITIES order."""
    return {t(f"city.{city}", lang): formatting.CITY_COLOURS[city] for city in vocab.CITIES}


def tooltips(lang: str) -> list[dict]:
    """Return the tooltip of a city's value: city, year, value (signed), unit, status, grade, release, definition."""
    return [
        charts.tooltip(field, "ordinal" if field == "year" else "nominal", t(SOURCE_COLUMNS[field], lang))
        for field in TOOLTIP_FIELDS
    ]


def segments(rows: pd.DataFrame) -> list[str]:
    """Return each row's line segment: a city's line in a group restarts after a missing year, at a series break and
    where the qualifier changes (a bound, "> 900", is not joined to an exact value as if it were growth)."""
    ordered = rows.sort_values(["comparability_group", "city", "year"])
    lines = [ordered["comparability_group"], ordered["city"]]
    gap = ordered.groupby(lines)["year"].diff().fillna(1) != 1
    changed = ordered["qualifier"] != ordered.groupby(lines)["qualifier"].shift().fillna(ordered["qualifier"])
    starts = (gap | changed | ordered["break_before"].astype(bool)).groupby(lines).cumsum()
    labels = ordered["comparability_group"] + "-" + ordered["city"] + "-" + starts.astype(str)
    return labels.reindex(rows.index).tolist()


def decorate(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Add the translated labels, the signed value, the line segment and the marker fill the charts and tables use.

    `value` becomes the value in the unit the reader is shown (亿元; ¥ bn in English, `formatting.shown_unit`);
    `stored_value` keeps the database's, in the unit its `unit` code names. `shown` writes it as published, or, when
    converted, with no digit the source did not write (`published`: 4,688.61 亿元 is ¥468.86 bn, not 468.861).
    """
    units = [
        formatting.shown_unit(unit, lang, zh, en)
        for unit, zh, en in zip(rows["unit"], rows["unit_zh"], rows["unit_symbol_en"])
    ]
    values = [value * factor for value, (factor, _) in zip(rows["value"], units)]
    numbers = [
        published(value, factor, UNITS[unit].kind == "money")
        for value, unit, (factor, _) in zip(rows["value"], rows["unit"], units)
    ]
    return rows.assign(
        value=values,
        stored_value=rows["value"],
        city_label=rows["city"].map(lambda city: t(f"city.{city}", lang)),
        grade_label=rows["grade"].map(lambda grade: t(f"grade.{grade}", lang)),
        status_label=rows["status"].map(lambda status: t(f"status.{status}", lang)),
        unit_label=[unit for _, unit in units],
        definition_text=rows["definition_zh" if lang == "zh" else "definition"],
        vintage_text=rows["vintage_zh" if lang == "zh" else "vintage"],
        shown=[formatting.qualified(qualifier, number, lang) for qualifier, number in zip(rows["qualifier"], numbers)],
        segment=segments(rows) if len(rows) else [],
        # Only exact observed values are joined by a line; a bound or an approximation is a mark of its own kind.
        joined=(rows["status"] == "observed") & (rows["qualifier"] == "exact"),
        kind_label=[
            kind_label(status, qualifier, lang) for status, qualifier in zip(rows["status"], rows["qualifier"])
        ],
        fill=[formatting.CITY_COLOURS[c] if g == "official" else "white" for c, g in zip(rows["city"], rows["grade"])],
    )


def kind_label(status: str, qualifier: str, lang: str) -> str:
    """Return a value's kind as the chart's marker legend names it: its status, and its qualifier unless exact."""
    if qualifier == "exact":
        return t(f"status.{status}", lang)
    return t("benchmarks.kind", lang, status=t(f"status.{status}", lang), qualifier=t(f"qualifier.{qualifier}", lang))


def present_colours(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return city_colours of the cities with a value in `rows` only: a legend names no city the chart lacks."""
    present = set(rows.loc[rows["value"].notna(), "city_label"])
    return {label: colour for label, colour in city_colours(lang).items() if label in present}


def published(value: float, factor: float, money: bool) -> str:
    """Return a published figure as the reader is shown it: as its source wrote it (every digit: 27,466.15, not
    27,466.2), or converted by `factor` (亿元 → ¥ bn) with no digit more than its source (`compact.converted`;
    `money`: a yuan amount, at most two decimals once converted)."""
    if value is None or pd.isna(value):
        return formatting.format_number(value)
    return compact.converted(value, factor, money=money and factor != 1)


def source_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the table view of decorated rows: city, year, signed value, unit, status, grade, release, source."""
    return pd.DataFrame({t(key, lang): rows[field] for field, key in SOURCE_COLUMNS.items()})


def coverage_corner(unit: str, lang: str) -> str:
    """Return the coverage table's first header: the city column, with the unit every value in the table is in."""
    return bracketed(t("col.city", lang), unit, lang) if unit else t("col.city", lang)


# A year with no published figure in the coverage table, explained in the caption above it ("no published figure"
# cut in half a table's narrow year columns at 1440 px: the second new-user walk).
NO_FIGURE_CELL = "—"


def coverage(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return city × year (the group's first to last year): the signed value, or NO_FIGURE_CELL.

    The first column's header names the unit (issue 23: a table of bare numbers has no unit).
    """
    years = list(range(int(rows["year"].min()), int(rows["year"].max()) + 1))
    shown = rows.set_index(["city", "year"])["shown"]
    table = {
        coverage_corner(rows["unit_label"].iloc[0], lang): [t(f"city.{city}", lang) for city in vocab.CITIES],
        **{str(year): [shown.get((city, year), NO_FIGURE_CELL) for city in vocab.CITIES] for year in years},
    }
    return pd.DataFrame(table)


def breaks_notice(rows: pd.DataFrame, lang: str) -> str | None:
    """Return the notice naming each series break (city and first year on the new basis), or None if there is none."""
    marked = rows[rows["break_before"].astype(bool)].sort_values(["city", "year"])
    if marked.empty:
        return None
    places = enumerated(
        (f"{t(f'city.{city}', lang)} {year}" for city, year in zip(marked["city"], marked["year"])), lang
    )
    return t("benchmarks.breaks", lang, places=places)


def group_label(groups: pd.DataFrame, code: str, lang: str) -> str:
    """Return a comparability group's short label in `lang` (what sets it apart from the indicator's other groups)."""
    return groups.set_index("code").at[code, f"label_{lang}"]


def group_texts(groups: pd.DataFrame, code: str, lang: str) -> tuple[str, str | None]:
    """Return a comparability group's definition and its 'not like-for-like' note (None if it has none) in `lang`."""
    row = groups.set_index("code").loc[code]
    note = row[f"note_{lang}"]
    return row[f"definition_{lang}"], (None if pd.isna(note) or not note else note)


def group(rows: pd.DataFrame, groups: pd.DataFrame, label: str, lang: str) -> Group:
    """Return one comparability group of the indicator `label`: its texts, its yearly chart and its coverage."""
    missing = enumerated((t(f"city.{city}", lang) for city in missing_cities(rows)), lang)
    unit = rows["unit_label"].iloc[0]
    years = list(range(int(rows["year"].min()), int(rows["year"].max()) + 1))
    colours = present_colours(rows, lang)
    title = bracketed(label, unit, lang)
    spec = city_charts.city_series(
        rows[CHART_FIELDS],
        title=f"{next(iter(colours))}{colon(lang)}{title}" if len(colours) == 1 else title,
        x_title=t("benchmarks.axis.year", lang),
        y_title=unit,
        years=years,
        colours=colours,
        legend=t("col.city", lang),
        status_legend=t("benchmarks.legend.status", lang),
        tooltips=[*tooltips(lang), charts.tooltip("kind_label", "nominal", t("benchmarks.legend.status", lang))],
        break_tooltip=charts.tooltip("year", "ordinal", t("benchmarks.break_rule", lang)),
    )
    code = rows["comparability_group"].iloc[0]
    definition, note = group_texts(groups, code, lang)
    return Group(
        heading=f"**{t('benchmarks.group', lang, group=group_label(groups, code, lang))}**",
        definition=t("benchmarks.definition", lang, definition=definition),
        note=t("benchmarks.not_like_for_like", lang, note=note) if note else None,
        missing=t("benchmarks.missing", lang, cities=missing) if missing else None,
        breaks=breaks_notice(rows, lang),
        chart=ChartView(spec, source_table(rows, lang), f"bench_{code}"),
        coverage=coverage(rows, lang),
    )


def download(rows: pd.DataFrame, indicators: pd.DataFrame, lang: str) -> bytes:
    """Return decorated rows as CSV for download: headers and labels in `lang`, the shown (signed) value in its unit
    as the table has it, and the number in the database's unit."""
    labels = indicator_labels(indicators, lang)
    frame = rows.assign(
        indicator_label=rows["indicator"].map(labels),
        group_label=rows[f"group_label_{lang}"],
        stored_unit=rows[f"unit_{lang}"],
        qualifier_label=rows["qualifier"].map(lambda qualifier: t(f"qualifier.{qualifier}", lang)),
        break_label=[t("benchmarks.break.yes" if new else "benchmarks.break.no", lang) for new in rows["break_before"]],
    )
    return export.csv_bytes(translated(frame, DOWNLOAD_COLUMNS, lang))


def indicator_view(
    indicators: pd.DataFrame, benchmarks: pd.DataFrame, groups: pd.DataFrame, code: str, lang: str
) -> IndicatorView:
    """Return one indicator's rows of every city, one chart per comparability group (never mixed), largest first."""
    rows = decorate(benchmarks[benchmarks["indicator"] == code], lang)
    label = indicator_labels(indicators, lang)[code]
    sizes = rows["comparability_group"].value_counts()
    codes = sorted(sizes.index, key=lambda group_code: (-sizes[group_code], group_code))
    return IndicatorView(
        description=indicators.set_index("code").at[code, f"description_{lang}"],
        groups_differ=t("benchmarks.groups_differ", lang, count=len(codes)) if len(codes) > 1 else None,
        has_qualified_values=bool((rows["qualifier"] != "exact").any()),
        groups=tuple(group(rows[rows["comparability_group"] == g], groups, label, lang) for g in codes),
        csv=download(rows, indicators, lang),
    )


def latest_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Return the observed rows of the latest year every city with a figure shares; else each city's latest row."""
    observed = rows[(rows["status"] == "observed") & rows["value"].notna()]
    per_year = observed.groupby("year")["city"].nunique()
    shared = per_year[per_year == observed["city"].nunique()]
    if len(shared):
        return observed[observed["year"] == shared.index.max()]
    return observed.sort_values(["city", "year"]).groupby("city").tail(1)


def peer_rows(latest: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return one row per city (vocab order) labelled 'city year: value', or 'city: no published figure' if absent."""
    by_city = latest.set_index("city")
    records = []
    for city in vocab.CITIES:
        name = t(f"city.{city}", lang)
        if city in by_city.index:
            row = by_city.loc[city]
            label = f"{name} {row['year']}{colon(lang)}{row['shown']}"
            records.append({**row.to_dict(), "city": city, "row_label": label})
        else:
            label = f"{name}{colon(lang)}{t('benchmarks.no_figure', lang)}"
            records.append({"city": city, "city_label": name, "row_label": label, "value": None, "fill": "white"})
    frame = pd.DataFrame.from_records(records)
    return frame.assign(year=frame["year"].astype("Int64")) if "year" in frame else frame


def later_note(decorated: pd.DataFrame, shown: pd.DataFrame, lang: str) -> str | None:
    """Return the sentence naming each city's figures later than the year drawn for it, or None if there is none."""
    drawn = shown.dropna(subset=["year"]).set_index("city")["year"]
    observed = decorated[(decorated["status"] == "observed") & decorated["value"].notna()]
    later = observed[observed["city"].map(drawn).lt(observed["year"]).fillna(False)].sort_values(["city", "year"])
    if later.empty:
        return None
    figures = [
        t("benchmarks.glance.value", lang, city=row["city_label"], value=row["shown"], year=int(row["year"]))
        for _, row in later.iterrows()
    ]
    return t("benchmarks.peers.later", lang, figures=listed(figures, lang))


def target_note(indicator: str, statuses: pd.DataFrame, lang: str) -> str | None:
    """Return the sentence naming the Targets page's latest Shenzhen figure of this indicator, or None if none."""
    figure = TARGET_FIGURES.get(indicator)
    rows = statuses[statuses["figure_id"] == figure] if figure else statuses.iloc[0:0]
    if rows.empty:
        return None
    row = rows.sort_values("as_of").iloc[-1]
    value = formatting.qualified(row["qualifier"], formatting.format_number(row["value"]), lang)
    grade, page = t(f"grade.{row['grade']}", lang), t("nav.targets", lang)  # the page as the menu names it
    return t("benchmarks.peers.target", lang, value=value, as_of=row["as_of"], grade=grade, page=page)


def peer_panels(
    indicators: pd.DataFrame, benchmarks: pd.DataFrame, groups: pd.DataFrame, statuses: pd.DataFrame, lang: str
) -> tuple[PeerPanel, ...]:
    """Return the digital peer comparison: per vocab.DIGITAL_PEER_GROUPS, the latest year the cities share.

    A city's later figures, and the Targets page's figure of the same indicator (`statuses`, target_status), are
    named in the panel's note.
    """
    labels = indicator_labels(indicators, lang)
    panels = []
    for indicator, code in vocab.DIGITAL_PEER_GROUPS:
        rows = benchmarks[(benchmarks["indicator"] == indicator) & (benchmarks["comparability_group"] == code)]
        if rows.empty:
            continue
        decorated = decorate(rows, lang)
        shown = peer_rows(latest_rows(decorated), lang)
        unit = decorated["unit_label"].iloc[0]
        years = shown["year"].dropna().unique() if "year" in shown else []
        spec = city_charts.peer_latest(
            shown,
            title=labels[indicator],
            axis_title=unit,
            colours=(colours := present_colours(shown, lang)),
            shapes={city: shape for city, shape in zip(city_colours(lang), CITY_SHAPES) if city in colours},
            legend=t("col.city", lang),
            tooltips=tooltips(lang),
        )
        table = source_table(shown.dropna(subset=["value"]), lang)
        definition, note = group_texts(groups, code, lang)
        notes = [note] if note else []
        if len(years) > 1:
            notes.append(t("benchmarks.peers.years_differ", lang))
        notes += [note for note in (later_note(decorated, shown, lang), target_note(indicator, statuses, lang)) if note]
        panels.append(
            PeerPanel(
                definition=t("benchmarks.definition", lang, definition=definition),
                note=t("benchmarks.not_like_for_like", lang, note=sentences(notes, lang)) if notes else None,
                chart=ChartView(spec, table, f"peers_{indicator}"),
            )
        )
    return tuple(panels)


def glance_year(rows: pd.DataFrame) -> int | None:
    """Return the year a glance line compares the cities in: the latest year every city with a figure publishes;
    failing that, the latest year most of them publish (two at least), a year with Shenzhen (the subject) before
    one without it; None when no two cities share a year."""
    cities = rows.groupby("year")["city"].nunique()
    if cities.empty:
        return None
    most = int(cities.max())
    if most < min(2, rows["city"].nunique()):
        return None
    tied = cities[cities == most].index
    with_subject = [year for year in tied if (rows.loc[rows["year"] == year, "city"] == vocab.SUBJECT_CITY).any()]
    return int(max(with_subject or tied))


def glance_line(indicator_label: str, unit: str, rows: pd.DataFrame, higher_is_better: bool, lang: str) -> str:
    """Return one quotable Markdown line comparing the cities in one year (`glance_year`), with the sources.

    `rows` are the decorated observed rows of one comparability group. A city with no figure that year is named
    with its own latest figure and year, a later figure of a city is named after the values, a city with none is
    named, and with no year in common each figure carries its year: never two years silently in one comparison.
    Where the three cities publish the year, the line says where Shenzhen ranks (in the indicator's better direction).
    """
    year = glance_year(rows)
    latest = rows.sort_values(["city", "year"]).groupby("city").tail(1).set_index("city")
    at = rows[rows["year"] == year].drop_duplicates("city", keep="last").set_index("city")
    name = {city: t(f"city.{city}", lang) for city in vocab.CITIES}
    absent = [t("benchmarks.glance.absent", lang, city=name[city]) for city in vocab.CITIES if city not in latest.index]
    if year is None:
        dated = [t("benchmarks.glance.value", lang, city=name[city], value=latest.at[city, "shown"],
                   year=int(latest.at[city, "year"])) for city in vocab.CITIES if city in latest.index]  # fmt: skip
        values = t("benchmarks.glance.apart", lang, values=listed([*dated, *absent], lang))
        printed, later = [latest.loc[city] for city in vocab.CITIES if city in latest.index], []
    else:
        same = [t("benchmarks.glance.in_year", lang, city=name[city], value=at.at[city, "shown"])
                for city in vocab.CITIES if city in at.index]  # fmt: skip
        other = [
            t("benchmarks.glance.off_year", lang, city=name[city], year=year, value=latest.at[city, "shown"],
              latest=int(latest.at[city, "year"]))
            for city in vocab.CITIES if city in latest.index and city not in at.index
        ]  # fmt: skip
        values = t("benchmarks.glance.year", lang, year=year, values=listed([*same, *other, *absent], lang))
        later = [latest.loc[city] for city in vocab.CITIES if city in at.index and latest.at[city, "year"] > year]
        printed = [
            *(at.loc[city] for city in vocab.CITIES if city in at.index),
            *(latest.loc[city] for city in vocab.CITIES if city in latest.index and city not in at.index),
            *later,
        ]
    later_text = ""
    if later:
        figures = [t("benchmarks.glance.value", lang, city=name[row.name], value=row["shown"], year=int(row["year"]))
                   for row in later]  # fmt: skip
        later_text = t("benchmarks.glance.later", lang, figures=listed(figures, lang))
    rank = ""
    if year is not None and set(at.index) == set(vocab.CITIES):
        order = at["stored_value"].rank(ascending=not higher_is_better, method="min")
        rank = t("benchmarks.glance.rank", lang, rank=int(order[vocab.SUBJECT_CITY]), year=year)
    twice = {row.name for row in printed if sum(each.name == row.name for each in printed) > 1}
    sources = listed((_glance_source(row, lang, dated=row.name in twice) for row in printed), lang)
    heading = indicator_label if unit in indicator_label else bracketed(indicator_label, unit, lang)
    return t(
        "benchmarks.glance.line", lang, indicator=heading, values=values, later=later_text, rank=rank, sources=sources
    )


def _glance_source(row: pd.Series, lang: str, *, dated: bool = False) -> str:
    """Return a figure's source as a Markdown link named by the city (and the year, `dated`, where the line quotes
    two of the city's figures), its grade beside it unless official."""
    name = t(f"city.{row.name}", lang)
    if dated:
        name = t("benchmarks.glance.source_year", lang, city=name, year=int(row["year"]))
    if row["grade"] != "official":
        name = bracketed(name, row["grade_label"], lang)
    return f"[{name}]({row['source_url']})"


def glance(indicators: pd.DataFrame, benchmarks: pd.DataFrame, statuses: pd.DataFrame, lang: str) -> tuple[str, ...]:
    """Return the three cities compared on each digital indicator they publish alike, one quotable line each, in
    one year (`glance_line`).

    A line whose Shenzhen figure the Targets page has in a later status (`statuses`) names that figure too.
    """
    labels = indicator_labels(indicators, lang)
    better = indicators.set_index("code")["higher_is_better"]
    lines = []
    for indicator, code in vocab.DIGITAL_PEER_GROUPS:
        rows = benchmarks[(benchmarks["indicator"] == indicator) & (benchmarks["comparability_group"] == code)]
        observed = rows[(rows["status"] == "observed") & rows["value"].notna()]
        if observed.empty:
            continue
        decorated = decorate(observed, lang)
        unit = decorated["unit_label"].iloc[0]
        line = glance_line(labels[indicator], unit, decorated, bool(better.get(indicator, True)), lang)
        lines.append(sentences((line, target_note(indicator, statuses, lang)), lang))
    return tuple(lines)


def apart_line(indicator_label: str, unit: str, rows: pd.DataFrame, comparable_label: str, lang: str) -> str:
    """Return the glance line of a headline indicator the cities define each in its own way: not comparable, why,
    each city's own latest figure with its year and its definition (the comparability group's label), a city
    without one named, never an estimate; then the comparable digital indicator to read instead.

    `rows` are the decorated observed rows of every comparability group of one indicator.
    """
    latest = rows.sort_values(["city", "year"]).groupby("city").tail(1).set_index("city")
    figures = [
        t("benchmarks.glance.own", lang, city=t(f"city.{city}", lang), year=int(latest.at[city, "year"]),
          value=latest.at[city, "shown"], definition=latest.at[city, f"group_label_{lang}"])
        if city in latest.index
        else t("benchmarks.glance.absent", lang, city=t(f"city.{city}", lang))
        for city in vocab.CITIES
    ]  # fmt: skip
    sources = listed((_glance_source(latest.loc[city], lang) for city in vocab.CITIES if city in latest.index), lang)
    heading = indicator_label if unit in indicator_label else bracketed(indicator_label, unit, lang)
    return t(
        "benchmarks.glance.not_comparable",
        lang,
        indicator=heading,
        values=listed(figures, lang),
        comparable=comparable_label,
        sources=sources,
    )


def apart_lines(indicators: pd.DataFrame, benchmarks: pd.DataFrame, lang: str) -> tuple[str, ...]:
    """Return the glance's lines of the headline indicators the cities do not count alike
    (vocab.NOT_COMPARABLE_HEADLINES), each pointing to the comparable vocab.COMPARABLE_DIGITAL."""
    labels = indicator_labels(indicators, lang)
    lines = []
    for indicator in vocab.NOT_COMPARABLE_HEADLINES:
        rows = benchmarks[benchmarks["indicator"] == indicator]
        observed = rows[(rows["status"] == "observed") & rows["value"].notna()]
        if observed.empty or indicator not in labels:
            continue
        decorated = decorate(observed, lang)
        unit = decorated["unit_label"].iloc[0]
        lines.append(apart_line(labels[indicator], unit, decorated, labels[vocab.COMPARABLE_DIGITAL], lang))
    return tuple(lines)


def comparable_link(lang: str) -> tuple[str, dict[str, str]]:
    """Return the link to the comparable digital indicator's tab on Scenarios: its label and its query parameters."""
    return t("benchmarks.glance.comparable_link", lang), {"lang": lang, "view": COMPARABLE_TAB}
