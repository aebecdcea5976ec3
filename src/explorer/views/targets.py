"""The Targets tracker's view: each target's card (value, latest status, progress, sources, links), table and CSV."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from explorer import export, formatting, vocab
from explorer.i18n import t
from explorer.target_progress import CEILING_QUALIFIERS, select, summary, tracker
from explorer.views.pieces import section_labels, signed

# Targets that are also levers of the Scenarios page: target id -> (lever, whether the paper's value is a
# setting of the lever). The racks target is a stock (21,000 by 2025), not the lever's yearly quota.
SCENARIO_LEVERS = {
    "target_new_dc_pue_2025": ("dc_pue", True),
    "target_xc_procurement_share": ("xc_share", True),
    "target_dc_racks_2025": ("dc_racks", False),
}
# met -> (badge colour, Material icon, i18n code); blue / orange stay distinct with colour-vision deficiencies.
MET_BADGES = {
    True: ("blue", "check_circle", "true"),
    False: ("orange", "pending", "false"),
    None: ("gray", "help", "unknown"),
}
EXPORT_COLUMNS = (
    ["id", "section", "metric_zh", "metric_en", "value", "value_high", "unit_zh", "unit_en", "qualifier", "year"]
    + ["status_value", "status_qualifier", "as_of", "ratio", "met", "definition", "source_title", "source_url"]
    + ["source_quote", "grade", "quote_zh"]
)


@dataclass(frozen=True)
class ProgressView:
    """A target's progress as shown: a bar (floors), a met / not met badge, captions; any may be absent."""

    bar: float | None = None
    bar_text: str | None = None
    badge: str | None = None
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusSource:
    """Where one status comes from: the quote, the link to the source, grade and dates, the definition."""

    quote: str
    link: str
    meta: str
    definition: str


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
    target: str
    target_help: str
    year: str
    status: str | None
    status_help: str | None
    as_of: str | None
    progress: ProgressView
    latest: StatusSource | None
    earlier: tuple[tuple[str, StatusSource], ...]
    scenarios: ScenarioLink | None


@dataclass(frozen=True)
class TargetsView:
    """The tracker as filtered: its summary, its cards under their section headings, its table and CSV."""

    summary: str
    sections: tuple[tuple[str, tuple[Card, ...]], ...]
    table: pd.DataFrame
    csv: bytes


def board(figures: pd.DataFrame, statuses: pd.DataFrame) -> pd.DataFrame:
    """Return the tracker of every target among the paper's figures (see `tracker`)."""
    return tracker(figures[figures["kind"] == "target"], statuses)


def section_options(rows: pd.DataFrame) -> list[str]:
    """Return the sections that hold a target, in the paper's order."""
    return list(dict.fromkeys(rows["section"]))


def status_text(row: pd.Series, lang: str) -> str:
    """Return the status value as the source qualifies it, in the target's unit (e.g. '> 15,000 poles')."""
    status = row.copy()
    status["value"], status["value_high"] = row["status_value"], float("nan")
    status["qualifier"], status["kind"] = row["status_qualifier"], "status"
    return formatting.figure_value(status, lang)


def target_text(row: pd.Series, value: float, lang: str) -> str:
    """Return a number in the target's unit, unqualified (e.g. a range's lower bound, a cap)."""
    plain = row.copy()
    plain["value"], plain["value_high"], plain["qualifier"] = value, float("nan"), "exact"
    return formatting.figure_value(plain, lang)


def percent_text(row: pd.Series) -> str:
    """Return status / target as a percentage, marked '>' when the status itself is a 'more than' figure."""
    return signed(row["status_qualifier"], f"{row['ratio'] * 100:.0f} %")


def met_state(value: object) -> bool | None:
    """Return True / False, or None when the data cannot tell (NaN or None in the frame)."""
    return None if pd.isna(value) else bool(value)


def met_text(value: object, lang: str) -> str:
    """Return 'met', 'not met' or 'cannot tell' in `lang`."""
    return t(f"targets.met.{MET_BADGES[met_state(value)][2]}", lang)


def met_badge(value: object, lang: str) -> str:
    """Return a markdown badge saying met / not met / cannot tell (text and icon, not colour alone)."""
    colour, icon, _ = MET_BADGES[met_state(value)]
    return f":{colour}-badge[:material/{icon}: {met_text(value, lang)}]"


def progress_view(row: pd.Series, lang: str) -> ProgressView:
    """Return the progress of one target by its direction: a bar for floors, met / not met for ceilings."""
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
        return ProgressView(badge=met_badge(row["met"], lang), captions=(caption,))
    key = "targets.progress.exceeded" if row["is_exceeded"] else "targets.progress.floor"
    captions = []
    if row["is_lower_bound"]:
        low = target_text(row, row["value"], lang)
        captions.append(t("targets.progress.lower_bound", lang, range=formatting.figure_value(row, lang), low=low))
    if row["status_qualifier"] in vocab.FLOOR_QUALIFIERS:
        captions.append(t("targets.progress.open_status", lang))
    return ProgressView(
        bar=float(row["bar"]),
        bar_text=t(key, lang, pct=percent_text(row)),
        badge=met_badge(row["met"], lang),
        captions=tuple(captions),
    )


def status_source(status: pd.Series, lang: str) -> StatusSource:
    """Return where one status comes from."""
    accessed = pd.Timestamp(status["date_accessed"]).date().isoformat()
    grade = t(f"grade.{status['grade']}", lang)
    return StatusSource(
        quote=f"> {status['source_quote']}",
        link=f"[{status['source_title']}]({status['source_url']})",
        meta=t("targets.status.meta", lang, grade=grade, as_of=status["as_of"], accessed=accessed),
        definition=t("targets.status.definition", lang, text=status["definition"]),
    )


def earlier_statuses(row: pd.Series, own: pd.DataFrame, lang: str) -> tuple[tuple[str, StatusSource], ...]:
    """Return the statuses after the latest of `own` (newest first) as a list item and its source."""
    items = []
    for _, earlier in own.iloc[1:].iterrows():
        shifted = row.copy()
        shifted["status_value"], shifted["status_qualifier"] = earlier["value"], earlier["qualifier"]
        items.append((f"- {earlier['as_of']}: {status_text(shifted, lang)}", status_source(earlier, lang)))
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


def card(row: pd.Series, statuses: pd.DataFrame, lang: str) -> Card:
    """Return one target's card: the paper's value, the latest status, the progress, the sources, the links."""
    own = statuses[statuses["figure_id"] == row["id"]].sort_values("as_of", ascending=False)
    has_status = bool(row["has_status"])
    return Card(
        id=row["id"],
        row=row,
        title=f"**{row[f'metric_{lang}']}**",
        target=formatting.figure_value(row, lang),
        target_help=t(f"qualifier.{row['qualifier']}", lang),
        year=t("targets.year", lang, year=int(row["year"])) if pd.notna(row["year"]) else t("word.no_year", lang),
        status=status_text(row, lang) if has_status else None,
        status_help=row["definition"] if has_status else None,
        as_of=t("targets.status.as_of", lang, as_of=row["as_of"]) if has_status else None,
        progress=progress_view(row, lang),
        latest=None if own.empty else status_source(own.iloc[0], lang),
        earlier=earlier_statuses(row, own, lang),
        scenarios=scenario_link(row, lang),
    )


def progress_cell(row: pd.Series, lang: str) -> str:
    """Return the table's progress: a percentage for floors, met / not met for ceilings, a dash otherwise."""
    if row["direction"] == "floor":
        return percent_text(row)
    if row["direction"] == "ceiling":
        return met_text(row["met"], lang)
    return "—"


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
            t("targets.col.progress", lang): [progress_cell(row, lang) for row in rows],
            t("targets.col.met", lang): [
                met_text(met, lang) if has else "—" for met, has in zip(shown["met"], shown["has_status"])
            ],
            t("col.grade", lang): [t(f"grade.{g}", lang) if isinstance(g, str) else "—" for g in shown["grade"]],
            t("col.source_url", lang): shown["source_url"],
        }
    )


def targets_view(
    rows: pd.DataFrame,
    statuses: pd.DataFrame,
    sections: pd.DataFrame,
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
            met=counts["met"],
        ),
        sections=tuple(
            (headings[section], tuple(card(row, statuses, lang) for _, row in in_section.iterrows()))
            for section, in_section in shown.groupby("section", sort=False)
        ),
        table=table(shown, lang),
        csv=export.csv_bytes(shown[EXPORT_COLUMNS]),
    )
