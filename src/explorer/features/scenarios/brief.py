"""A one-page brief of a scenario (Markdown) that a journalist could paste: link, levers, numbers, sources."""

from __future__ import annotations

import pandas as pd

from explorer import model
from explorer.core.i18n import t
from explorer.features.methods.view import rationale_column
from explorer.features.scenarios.view import Kpi, lever_label

BRIEF_SOURCES = 5  # parameters listed with their sources: those that move the change most


def _cell(text: object) -> str:
    """Return text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _lever_value(name: str, value: float) -> str:
    """Return a lever's value to the decimals its slider shows, with thousands separators (the horizon whole)."""
    spec = model.BY_NAME.get(name)
    return f"{value:,.{spec.decimals if spec else 0}f}"


def _source(row: pd.Series, lang: str) -> str:
    """Return one parameter's source line: its title and address, or that it is an assumption and why."""
    label = row[f"label_{lang}"]
    if row["grade"] == "assumption" or pd.isna(row["source_title"]):
        rationale = row[rationale_column(lang)]
        why = rationale if pd.notna(rationale) else ""
        return f"- {label}: {t('scenarios.brief.assumption', lang)} {why}".rstrip()
    address = f" <{row['source_url']}>" if pd.notna(row["source_url"]) and "://" in str(row["source_url"]) else ""
    grade = t(f"grade.{row['grade']}", lang)
    return f"- {label}: {row['source_title']}{address} ({grade})"


def brief_markdown(
    *,
    link: str,
    version: str,
    levers: model.Levers,
    cards: list[Kpi],
    why: str,
    sensitivity: pd.DataFrame,
    params: pd.DataFrame,
    lang: str,
) -> str:
    """Return the brief: title, disclaimer, link, the levers against the paper's, the result cards, why it moved,
    and the sources (the paper, and the parameters in `sensitivity` that move the change most)."""
    paper = model.baseline()
    lines = [
        f"# {t('scenarios.brief.title', lang, year=levers.horizon)}",
        "",
        f"> {t('scenarios.disclaimer', lang)}",
        "",
        f"- {t('scenarios.brief.link', lang)}: <{link}>",
        f"- {t('scenarios.brief.version', lang, version=version[:12])}",
        "",
        f"## {t('scenarios.levers', lang)}",
        "",
        f"| {t('scenarios.brief.lever', lang)} | {t('scenarios.brief.value', lang)} "
        f"| {t('scenarios.brief.paper', lang)} |",
        "|---|---|---|",
        *(
            f"| {_cell(lever_label(name, params, lang))} | {_lever_value(name, getattr(levers, name))} "
            f"| {_lever_value(name, getattr(paper, name) if name != 'horizon' else levers.horizon)} |"
            for name in model.Levers.BOUNDS
        ),
        "",
        f"## {t('scenarios.kpis', lang, year=levers.horizon)}",
        "",
        f"| {t('scenarios.brief.result', lang)} | {t('scenarios.brief.value', lang)} "
        f"| {t('scenarios.brief.change', lang)} | {t('scenarios.brief.band', lang)} |",
        "|---|---|---|---|",
        *(
            f"| {_cell(card.label)} | {_cell(card.value)} | {_cell(card.delta)} | {_cell(card.band or '—')} |"
            for card in cards
        ),
        "",
        f"## {t('scenarios.brief.why', lang)}",
        "",
        why,
        "",
        f"## {t('scenarios.brief.sources', lang)}",
        "",
        f"- {t('footer.citation', lang)}",
    ]
    moving = sensitivity[sensitivity["swing"] > 1e-9]["parameter"].head(BRIEF_SOURCES)
    rows = params.set_index("id", drop=False)
    lines += [_source(rows.loc[pid], lang) for pid in moving]
    lines += [f"- {t('scenarios.brief.more', lang)}", ""]
    return "\n".join(lines)
