"""A one-page Markdown brief of a scenario a journalist could paste: summary, peers, B, levers, numbers, sources."""

from __future__ import annotations

import pandas as pd

from explorer import model
from explorer.core.i18n import t
from explorer.features.methods.view import rationale_column
from explorer.features.pieces import bracketed, colon
from explorer.features.scenarios import growth as growth_view
from explorer.features.scenarios.downloads import scenario_name
from explorer.features.scenarios.view import Kpi, lever_label, lever_value
from explorer.model.comparison import PANEL_GROWTH

BRIEF_SOURCES = 5  # parameters listed with their sources: those that move the change most


def _cell(text: object) -> str:
    """Return text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _source(row: pd.Series, lang: str) -> str:
    """Return one parameter's source line: its title and address, or that it is an assumption and why."""
    label = row[f"label_{lang}"]
    if row["grade"] == "assumption" or pd.isna(row["source_title"]):
        rationale = row[rationale_column(lang)]
        why = rationale if pd.notna(rationale) else ""
        return f"- {label}{colon(lang)}{t('scenarios.brief.assumption', lang, why=why)}".rstrip()
    address = f" <{row['source_url']}>" if pd.notna(row["source_url"]) and "://" in str(row["source_url"]) else ""
    grade = t(f"grade.{row['grade']}", lang)
    return f"- {label}{colon(lang)}{bracketed(row['source_title'] + address, grade, lang)}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Return a Markdown table's lines."""
    return [
        "| " + " | ".join(_cell(cell) for cell in header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows),
    ]


def brief_markdown(
    *,
    link: str,
    version: str,
    levers: model.Levers,
    compare: model.Levers | None,
    summary: str,
    cards: list[Kpi],
    peers: tuple[str, ...],
    b_peers: tuple[str, ...],
    why: str,
    sensitivity: pd.DataFrame,
    params: pd.DataFrame,
    lang: str,
    growth: str = PANEL_GROWTH,
    digital: tuple[str, tuple[str, ...]] | None = None,
) -> str:
    """Return the brief: the page's summary first (naming the scenario and B), then the details: the disclaimer and
    link, Shenzhen against each peer (A's lines as the page prints them, then B's), `digital` (the section-I tab's
    title and lines, as the page prints them), the levers of A and B against the paper's, the result cards (with
    B's line), why it moved, and the sources (the paper, and the parameters in `sensitivity` that move the change
    most)."""
    paper = model.baseline()
    year = levers.horizon
    b_name = None if compare is None else scenario_name(compare, lang)
    name = scenario_name(levers, lang)
    named = (
        t("scenarios.brief.scenario", lang, name=name)
        if b_name is None
        else t("scenarios.brief.scenario_b", lang, name=name, b=b_name)
    )
    lines = [
        f"# {t('scenarios.brief.title', lang, year=year)}",
        "",
        f"## {t('scenarios.summary.title', lang)}",
        "",
        f"**{named}**",
        "",
        summary,
        "",
        f"> {t('scenarios.disclaimer', lang)}",
        "",
        f"- {t('scenarios.brief.link', lang)}{colon(lang)}<{link}>",
        f"- {t('scenarios.brief.version', lang, version=version[:12])}",
        f"- {t('scenarios.brief.growth', lang, name=growth_view.name(growth, lang))}",
        "",
    ]
    if peers or b_peers:
        lines += [f"## {t('scenarios.brief.peers', lang, year=year)}", ""]
        lines += [f"- {line}" for line in peers]
        lines += [f"- {t('scenarios.brief.b_line', lang, name=b_name, line=line)}" for line in b_peers]
        lines.append("")
    if digital is not None and digital[1]:
        lines += [f"## {digital[0]}", "", *(f"- {line}" for line in digital[1]), ""]
    b_column = [t("scenarios.series.compare", lang, name=b_name)] if compare is not None else []
    lever_rows = [
        [
            lever_label(name, params, lang),
            lever_value(name, getattr(levers, name)),
            *([lever_value(name, getattr(compare, name))] if compare is not None else []),
            lever_value(name, getattr(paper, name) if name != "horizon" else year),
        ]
        for name in model.Levers.BOUNDS
    ]
    value = t("scenarios.brief.value", lang)
    lines += [f"## {t('scenarios.levers', lang)}", ""]
    lines += _table([t("scenarios.brief.lever", lang), value, *b_column, t("scenarios.brief.paper", lang)], lever_rows)
    card_rows = [
        [card.label, card.value, card.delta, card.band or "—", *([card.compare or "—"] if compare is not None else [])]
        for card in cards
    ]
    header = [t("scenarios.brief.result", lang), value, t("scenarios.brief.change", lang)]
    lines += ["", f"## {t('scenarios.kpis', lang, year=year)}", ""]
    lines += _table([*header, t("scenarios.brief.band", lang), *b_column], card_rows)
    lines += [f"- {card.label}{colon(lang)}{card.note}" for card in cards if card.note]  # not a band: under the table
    lines += [
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
