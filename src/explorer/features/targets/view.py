"""The Targets tracker's view: each target's card (value, status, verdict, progress, sources, links), table, CSV."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from explorer import model
from explorer.core import formatting, vocab
from explorer.core.i18n import t
from explorer.data import export
from explorer.features.pieces import bracketed, section_labels, translated
from explorer.features.targets.progress import CEILING_QUALIFIERS, select, summary, tracker
from explorer.features.targets.verdicts import (
    DerivedInput,
    basis_text,
    counts_line,
    derived_inputs,
    number_and_unit,
    status_figure,
    status_text,
    target_text,
    verdict_badge,
    verdict_note,
)

# Targets that are also levers of the Scenarios page: target id -> (lever, whether the paper's value is a
# setting of the lever). The racks target is a stock (21,000 by 2025), not the lever's yearly quota.
# A target card links to Scenarios when a lever acts on it: (lever, whether the target's value is a lever setting).
SCENARIO_LEVERS = {
    spec.paper_figure: (spec.name, spec.target_link == "setting") for spec in model.LEVERS if spec.target_link
}
# The CSV download (field of `csv_table`'s rows -> header key): the table's columns in its words, then the numbers
# behind them (in the target's unit, the unit column), the status's source and the paper's sentence (Chinese).
EXPORT_COLUMNS = {
    "id": "col.id",
    "section": "col.section",
    "metric": "col.metric",
    "target": "targets.col.target",
    "value": "targets.col.number",
    "value_high": "targets.col.number_high",
    "unit_label": "col.unit",
    "qualifier": "targets.col.qualifier",
    "year": "col.year",
    "status": "targets.col.status",
    "status_value": "targets.col.status_number",
    "status_qualifier": "targets.col.status_qualifier",
    "as_of": "targets.col.as_of",
    "basis": "targets.col.basis",
    "inputs": "targets.col.inputs",
    "ratio": "targets.col.ratio",
    "verdict": "targets.col.verdict",
    "verdict_reason": "targets.col.verdict_note",
    "expected": "targets.col.expected",
    "definition": "col.definition",
    "source_title": "col.source",
    "source_url": "col.source_url",
    "source_quote": "targets.col.source_quote",
    "grade": "col.grade",
    "quote_zh": "col.quote",
}
# English pages add the project's translation of the paper's sentence.
ENGLISH_EXPORT_COLUMNS = {"quote_en": "targets.col.translation"}


@dataclass(frozen=True)
class CityRows:
    """The city statistics a derived status is computed from: benchmarks rows and their indicators' labels."""

    benchmarks: pd.DataFrame
    indicators: pd.DataFrame


@dataclass(frozen=True)
class ProgressView:
    """A target's progress as shown: a bar (floors) and captions; either may be absent."""

    bar: float | None = None
    bar_text: str | None = None
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusSource:
    """Where one status comes from: the quote and link (reported) or the inputs (derived), grade, dates, definition."""

    quote: str | None
    link: str | None
    meta: str
    definition: str
    basis: str
    inputs: tuple[DerivedInput, ...] = ()


@dataclass(frozen=True)
class ScenarioLink:
    """A link to the Scenarios page with the lever the target speaks to, and a note when it is not a setting."""

    label: str
    params: dict[str, str]
    note: str | None


@dataclass(frozen=True)
class Card:
    """One target as its card shows it; `row` is its tracker row (the paper's sentence is written from it)."""

    id: str
    row: pd.Series
    title: str
    target_label: str
    target: str
    target_help: str
    year: str
    status_label: str
    status: str | None
    status_help: str | None
    as_of: str | None
    status_note: str | None
    verdict_code: str
    verdict: str
    verdict_note: str | None
    progress: ProgressView
    latest: StatusSource | None
    earlier: tuple[tuple[str, StatusSource], ...]
    scenarios: ScenarioLink | None


@dataclass(frozen=True)
class TargetsView:
    """The tracker as filtered: its summary and verdict counts, its cards under their section headings, table, CSV."""

    summary: str
    counts: str
    sections: tuple[tuple[str, tuple[Card, ...]], ...]
    table: pd.DataFrame
    csv: bytes


def board(figures: pd.DataFrame, statuses: pd.DataFrame) -> pd.DataFrame:
    """Return the tracker of every target among the paper's figures (see `tracker`)."""
    return tracker(figures[figures["kind"] == "target"], statuses)


def section_options(rows: pd.DataFrame) -> list[str]:
    """Return the sections that hold a target, in the paper's order."""
    return list(dict.fromkeys(rows["section"]))


def percent_text(row: pd.Series, lang: str) -> str:
    """Return status / target as a percentage, qualified as the status is (e.g. '>' for a 'more than' figure)."""
    return formatting.qualified(row["status_qualifier"], f"{row['ratio'] * 100:.0f} %", lang)


def met_state(value: object) -> bool | None:
    """Return True / False, or None when the data cannot tell (NaN or None in the frame)."""
    return None if pd.isna(value) else bool(value)


def progress_view(row: pd.Series, lang: str) -> ProgressView:
    """Return the progress of one target by its direction: a bar for floors, the distance to the cap for ceilings."""
    direction = row["direction"]
    if direction == "unclear":
        return ProgressView(captions=(t("targets.unclear", lang, value=formatting.figure_value(row, lang)),))
    if direction == "none":
        is_ceiling = row["qualifier"] in CEILING_QUALIFIERS
        return ProgressView(captions=(t("targets.ceiling.none", lang),) if is_ceiling else ())
    if direction == "ceiling":
        key = {True: "met", False: "not_met", None: "unknown"}[met_state(row["met"])]
        cap, gap = target_text(row, row["value"], lang), target_text(row, abs(row["gap"]), lang)
        caption = t(f"targets.ceiling.{key}", lang, status=status_text(row, lang), cap=cap, gap=gap)
        return ProgressView(captions=(caption,))
    key = "targets.progress.exceeded" if row["is_exceeded"] else "targets.progress.floor"
    captions = []
    if row["is_lower_bound"]:
        low = target_text(row, row["value"], lang)
        captions.append(t("targets.progress.lower_bound", lang, range=formatting.figure_value(row, lang), low=low))
    if row["status_qualifier"] in vocab.FLOOR_QUALIFIERS:
        captions.append(t("targets.progress.open_status", lang))
    return ProgressView(
        bar=float(row["bar"]),
        bar_text=t(key, lang, pct=percent_text(row, lang)),
        captions=tuple(captions),
    )


def status_definition(status: pd.Series, lang: str) -> str:
    """Return what a status measures, in the page's language."""
    return status["definition_zh"] if lang == "zh" else status["definition"]


def status_source(status: pd.Series, lang: str, cities: CityRows) -> StatusSource:
    """Return where one status comes from: its own quote and link, or (derived) the rows it was computed from."""
    accessed = pd.Timestamp(status["date_accessed"]).date().isoformat()
    grade = t(f"grade.{status['grade']}", lang)
    is_derived = status["basis"] == "derived"
    return StatusSource(
        quote=None if is_derived else f"> {status['source_quote']}",
        link=None if is_derived else f"[{status['source_title']}]({status['source_url']})",
        meta=t("targets.status.meta", lang, grade=grade, as_of=status["as_of"], accessed=accessed),
        definition=t("targets.status.definition", lang, text=status_definition(status, lang)),
        basis=basis_text(status, lang),
        inputs=derived_inputs(status, cities.benchmarks, cities.indicators, lang) if is_derived else (),
    )


def earlier_statuses(
    row: pd.Series, own: pd.DataFrame, lang: str, cities: CityRows
) -> tuple[tuple[str, StatusSource], ...]:
    """Return the statuses after the latest of `own` (newest first) as a list item and its source."""
    items = []
    for _, earlier in own.iloc[1:].iterrows():
        shifted = row.copy()
        shifted["status_value"], shifted["status_qualifier"] = earlier["value"], earlier["qualifier"]
        items.append((f"- {earlier['as_of']}: {status_text(shifted, lang)}", status_source(earlier, lang, cities)))
    return tuple(items)


def scenario_link(row: pd.Series, lang: str) -> ScenarioLink | None:
    """Return the Scenarios link of a lever target (with the paper's value when it is a setting), else None."""
    if row["id"] not in SCENARIO_LEVERS:
        return None
    lever, is_setting = SCENARIO_LEVERS[row["id"]]
    params = {"lang": lang}
    if is_setting:
        params[lever] = f"{row['value']:g}"
    label = t("targets.link.scenarios" if is_setting else "targets.link.scenarios_racks", lang)
    return ScenarioLink(label, params, None if is_setting else t("targets.link.racks_note", lang))


def status_note(row: pd.Series, lang: str) -> str:
    """Return how the latest status was obtained and its source's grade, as the card says under the status."""
    return t("targets.status.note", lang, basis=basis_text(row, lang), grade=t(f"grade.{row['grade']}", lang))


def card(row: pd.Series, statuses: pd.DataFrame, lang: str, cities: CityRows) -> Card:
    """Return one target's card: the paper's value, the latest status, the progress, the sources, the links."""
    own = statuses[statuses["figure_id"] == row["id"]].sort_values("as_of", ascending=False)
    has_status = bool(row["has_status"])
    # The metric shows the signed number and its label the unit: a long unit would cut the number off at 390 px.
    target, unit = number_and_unit(row, lang)
    status = number_and_unit(status_figure(row), lang)[0] if has_status else None
    return Card(
        id=row["id"],
        row=row,
        title=f"**{row[f'metric_{lang}']}**",
        target_label=bracketed(t("targets.col.target", lang), unit, lang) if unit else t("targets.col.target", lang),
        target=target,
        target_help=t(f"qualifier.{row['qualifier']}", lang),
        year=t("targets.year", lang, year=int(row["year"])) if pd.notna(row["year"]) else t("word.no_year", lang),
        status_label=bracketed(t("targets.status", lang), unit, lang) if unit else t("targets.status", lang),
        status=status,
        status_help=status_definition(row, lang) if has_status else None,
        as_of=t("targets.status.as_of", lang, as_of=row["as_of"]) if has_status else None,
        status_note=status_note(row, lang) if has_status else None,
        verdict_code=row["verdict"],
        verdict=verdict_badge(row["verdict"], lang),
        verdict_note=verdict_note(row, lang),
        progress=progress_view(row, lang),
        latest=None if own.empty else status_source(own.iloc[0], lang, cities),
        earlier=earlier_statuses(row, own, lang, cities),
        scenarios=scenario_link(row, lang),
    )


def progress_cell(row: pd.Series, lang: str) -> str:
    """Return the table's progress: a percentage for floors, a dash otherwise (a ceiling has no percentage)."""
    return percent_text(row, lang) if row["direction"] == "floor" else "—"


def table(shown: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the tracker rows as the page's table, one row per target."""
    rows = [row for _, row in shown.iterrows()]
    return pd.DataFrame(
        {
            t("col.id", lang): shown["id"],
            t("col.section", lang): shown["section"],
            t("col.metric", lang): shown[f"metric_{lang}"],
            t("targets.col.target", lang): [formatting.figure_value(row, lang) for row in rows],
            t("col.year", lang): [str(int(year)) if pd.notna(year) else "—" for year in shown["year"]],
            t("targets.col.status", lang): [
                status_text(row, lang) if row["has_status"] else t("targets.status.none", lang) for row in rows
            ],
            t("targets.col.as_of", lang): shown["as_of"],
            t("targets.col.basis", lang): [
                t(f"targets.basis.{basis}", lang) if isinstance(basis, str) else "—" for basis in shown["basis"]
            ],
            t("targets.col.progress", lang): [progress_cell(row, lang) for row in rows],
            t("targets.col.verdict", lang): [t(f"targets.verdict.{code}", lang) for code in shown["verdict"]],
            t("col.grade", lang): [t(f"grade.{g}", lang) if isinstance(g, str) else "—" for g in shown["grade"]],
            t("col.source_url", lang): shown["source_url"],
        }
    )


def targets_view(
    rows: pd.DataFrame,
    statuses: pd.DataFrame,
    sections: pd.DataFrame,
    cities: CityRows,
    lang: str,
    chosen: Sequence[str] = (),
    show: str = "all",
) -> TargetsView:
    """Return the tracker `rows` (from `board`) in the chosen sections, with or without a status, as shown."""
    shown = select(rows, list(chosen), show)
    counts = summary(shown)
    headings = section_labels(sections, lang)
    return TargetsView(
        summary=t(
            "targets.summary",
            lang,
            count=counts["targets"],
            shown=counts["targets"],
            total=len(rows),
            with_status=counts["with_status"],
        ),
        counts=counts_line(counts, lang),
        sections=tuple(
            (headings[section], tuple(card(row, statuses, lang, cities) for _, row in in_section.iterrows()))
            for section, in_section in shown.groupby("section", sort=False)
        ),
        table=table(shown, lang),
        csv=export.csv_bytes(csv_table(shown, lang)),
    )


def csv_table(shown: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the tracker rows as the CSV download: headers, labels, metrics and units in `lang`, missing left empty."""
    rows = [row for _, row in shown.iterrows()]
    status_codes = shown["status_qualifier"]
    frame = shown.assign(
        metric=shown[f"metric_{lang}"],
        target=[formatting.figure_value(row, lang) for row in rows],
        unit_label=shown[f"unit_{lang}"],
        qualifier=[t(f"qualifier.{code}", lang) for code in shown["qualifier"]],
        status=[status_text(row, lang) if row["has_status"] else None for row in rows],
        status_qualifier=[t(f"qualifier.{code}", lang) if isinstance(code, str) else None for code in status_codes],
        basis=[t(f"targets.basis.{code}", lang) if isinstance(code, str) else None for code in shown["basis"]],
        verdict=[t(f"targets.verdict.{code}", lang) for code in shown["verdict"]],
        verdict_reason=[verdict_note(row, lang) for row in rows],
        grade=[t(f"grade.{code}", lang) if isinstance(code, str) else None for code in shown["grade"]],
        definition=[status_definition(row, lang) if row["has_status"] else None for row in rows],
    )
    return translated(frame, EXPORT_COLUMNS | (ENGLISH_EXPORT_COLUMNS if lang == "en" else {}), lang)
