"""How the Targets tracker words a verdict, its reason, the summary counts and a derived status's inputs."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer.core import formatting, vocab
from explorer.core.i18n import t
from explorer.data import derived_status
from explorer.features.targets import progress as target_progress

# verdict -> (badge colour, Material icon): the text always says the verdict, so colour is never alone.
VERDICT_BADGES: dict[str, tuple[str, str]] = {
    "met": ("blue", "check_circle"),
    "on_track": ("green", "trending_up"),
    "behind": ("orange", "trending_down"),
    "missed": ("red", "cancel"),
    "cannot_tell": ("gray", "help"),
    "no_verdict": ("violet", "block"),
    "no_status": ("gray", "remove"),
}


@dataclass(frozen=True)
class DerivedInput:
    """One input of a derived status as shown: what it is (with its sign), its quote, link and grade."""

    text: str
    quote: str
    link: str
    meta: str


# Reasons another part of the card already states (no status published; the target kept as printed).
UNWORDED_REASONS = frozenset({"none", "as_printed"})


def status_figure(row: pd.Series) -> pd.Series:
    """Return a tracker row's latest status as a figure in the target's unit (for formatting.figure_value)."""
    status = row.copy()
    status["value"], status["value_high"] = row["status_value"], float("nan")
    status["qualifier"], status["kind"] = row["status_qualifier"], "status"
    return status


def status_text(row: pd.Series, lang: str) -> str:
    """Return the status value as the source qualifies it, in the target's unit (e.g. '> 15,000 poles')."""
    return formatting.figure_value(status_figure(row), lang)


def number_and_unit(fig: pd.Series, lang: str) -> tuple[str, str]:
    """Return a figure's value as formatting.figure_value writes it, split into its signed number and its unit."""
    return formatting.figure_parts(fig, lang)


def target_text(row: pd.Series, value: float, lang: str) -> str:
    """Return a number in the target's unit, unqualified (e.g. a range's lower bound, a cap, a path's level)."""
    plain = row.copy()
    plain["value"], plain["value_high"], plain["qualifier"] = value, float("nan"), "exact"
    return formatting.figure_value(plain, lang)


def verdict_label(code: str, lang: str) -> str:
    """Return a verdict's name in `lang` ('on track')."""
    return t(f"targets.verdict.{code}", lang)


def verdict_badge(code: str, lang: str) -> str:
    """Return a markdown badge with the verdict's icon and name."""
    colour, icon = VERDICT_BADGES[code]
    return f":{colour}-badge[:material/{icon}: {verdict_label(code, lang)}]"


def _due(row: pd.Series) -> str | None:
    due = target_progress.deadline(row["year"])
    return None if due is None else due.isoformat()


def verdict_note(row: pd.Series, lang: str) -> str | None:
    """Return why a tracker row has its verdict (the deadline, the path and its level, what is missing), or None."""
    reason, due = row["verdict_reason"], _due(row)
    if reason in UNWORDED_REASONS:
        return None
    if reason == "at_target" and due is None:
        return t("targets.verdict.note.at_target_no_year", lang)
    if reason in ("on_path", "below_path"):
        return t(
            f"targets.verdict.note.{reason}",
            lang,
            base=target_text(row, row["baseline_value"], lang),
            since=row["baseline_as_of"],
            due=due,
            level=target_text(row, row["expected"], lang),
            as_of=row["as_of"],
        )
    if reason == "bound_straddles":
        return t("targets.verdict.note.bound_straddles", lang, status=status_text(row, lang))
    return t(f"targets.verdict.note.{reason}", lang, due=due)


def counts_line(counts: dict[str, int], lang: str) -> str:
    """Return one badge per verdict with how many shown targets have it, in the vocabulary's order."""
    return " ".join(
        f":{VERDICT_BADGES[code][0]}-badge[:material/{VERDICT_BADGES[code][1]}: "
        f"{verdict_label(code, lang)} {counts[code]}]"
        for code in vocab.TARGET_VERDICTS
    )


def basis_text(status: pd.Series, lang: str) -> str:
    """Return how a status was obtained: reported by its source, or derived by the app from sourced rows."""
    return t(f"targets.basis.{status['basis']}", lang)


def _input_row(benchmarks: pd.DataFrame, key: derived_status.InputKey) -> pd.Series | None:
    match = benchmarks[
        (benchmarks["city"] == key.city)
        & (benchmarks["year"] == key.year)
        & (benchmarks["indicator"] == key.indicator)
        & (benchmarks["comparability_group"] == key.comparability_group)
    ]
    return None if match.empty else match.iloc[0]


def derived_inputs(
    status: pd.Series, benchmarks: pd.DataFrame, indicators: pd.DataFrame, lang: str
) -> tuple[DerivedInput, ...]:
    """Return the inputs of a derived status (rows of benchmarks, which the build has checked exist)."""
    labels = indicators.set_index("code")[f"label_{lang}"]
    shown = []
    for key in derived_status.parse_inputs(status["inputs"]):
        row = _input_row(benchmarks, key)
        if row is None:  # the page was served from an older build: say nothing rather than guess
            continue
        number = formatting.format_number(row["value"])
        value = formatting.qualified(row["qualifier"], number, lang)
        unit = "" if vocab.UNITS[row["unit"]].kind == "bare" else row[f"unit_{lang}"]
        text = t(
            "targets.derived.input",
            lang,
            indicator=labels.get(key.indicator, key.indicator),
            city=t(f"city.{key.city}", lang),
            year=key.year,
            value=f"{value} {unit}".strip(),
        )
        meta = t(
            "targets.derived.input_meta", lang, grade=t(f"grade.{row['grade']}", lang), group=row[f"group_label_{lang}"]
        )
        shown.append(
            DerivedInput(text, f"> {row['source_quote']}", f"[{row['source_title']}]({row['source_url']})", meta)
        )
    return tuple(shown)
