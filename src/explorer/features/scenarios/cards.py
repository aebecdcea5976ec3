"""The Scenarios page's result cards, as pure functions: value, change with unit and %, band, scenario B, costs."""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

import pandas as pd

from explorer import model
from explorer.core.compact import compact, compact_parts, percent_change
from explorer.core.formatting import format_number, with_unit
from explorer.core.i18n import t
from explorer.core.vocab import UNITS

KPI_OUTCOMES = (
    "core_va",
    "core_va_share",
    "compute_eflops",
    "dc_power_gwh",
    "xc_domestic_share",
    "talent_added",
)
# Cost cards in the horizon year: every part of the city's fiscal cost, its yearly and cumulative totals, then the
# operators' electricity bill (not fiscal); the racks card follows them. (The third walk: the cards showed two fiscal
# parts beside the electricity bill, and the public bodies' extra running cost, inside the total, had no card.)
FISCAL_PARTS = ("fiscal_talent", "fiscal_xc_migration", "fiscal_xc_running", "fiscal_dc_incentive")
COST_OUTCOMES = (*FISCAL_PARTS, "fiscal_cost", "fiscal_cost_cum", "dc_power_cost")
RACKS = "dc_racks_total"  # the outcome whose growth the racks card counts, in its unit's card word
UNMET, ELSEWHERE = "dc_unmet", "dc_served_elsewhere"  # the demand Shenzhen cannot house, and the part served elsewhere


@dataclass(frozen=True)
class Kpi:
    """One result card: label, end-year value in a compact unit, its change (unit and %), the change's band, arrow."""

    label: str
    value: str
    delta: str
    band: str | None
    arrow: str  # "auto" (up or down with the sign) or "off" (no change)
    compare: str | None = None  # scenario B's value and its difference from this scenario, when B is shown
    note: str | None = None  # a further line that is not the change's band (the racks card's unmet demand)


def indicator_label(code: str, outcomes: pd.DataFrame, lang: str) -> str:
    """Return an outcome's name, from the outcomes table (indexed by code)."""
    return outcomes.at[code, f"label_{lang}"]


def card_value(value: float, code: str, outcomes: pd.DataFrame, lang: str, *, signed: bool = False) -> str:
    """Return an outcome's value written short in its card word (compact), e.g. '1.45 万亿元', '+¥4.92 bn'."""
    row = outcomes.loc[code]
    return compact(value, row["unit"], lang, row["unit_short_zh"], row["unit_short_en"], signed=signed)


def change_value(value: float, code: str, outcomes: pd.DataFrame, lang: str) -> str:
    """Return a change of an outcome as printed everywhere: signed, three figures, a share's in points ('+41 pp')."""
    shown = card_value(value, code, outcomes, lang, signed=True)
    if UNITS[outcomes.at[code, "unit"]].kind == "share":
        return t("scenarios.card.points", lang, delta=shown.removesuffix(" %"))
    return shown


def is_no_change(text: str, code: str, outcomes: pd.DataFrame, lang: str) -> bool:
    """Return whether a printed change is zero as printed (a change too small for its unit's last decimal)."""
    return text == change_value(0.0, code, outcomes, lang)


NO_CHANGE = 1e-9  # a paired change this small (in the model's unit) is float noise: none


def change_text(delta: float, code: str, outcomes: pd.DataFrame, lang: str) -> tuple[str, bool]:
    """Return a change as a reader reads it, and whether it prints as zero: the printed change; "no change" where it
    is zero; "up (down) by less than" the unit's smallest printed step where it is not zero but prints as zero (the
    second new-user walk: a share card read "30.5 %, no change" beside a baseline of 30.4 %)."""
    shown = change_value(delta, code, outcomes, lang)
    if not is_no_change(shown, code, outcomes, lang):
        return shown, False
    if abs(delta) < NO_CHANGE:
        return t("scenarios.card.no_change", lang), True
    smallest = change_value(10.0 ** -UNITS[outcomes.at[code, "unit"]].decimals, code, outcomes, lang)
    key = "scenarios.card.less_up" if delta > 0 else "scenarios.card.less_down"
    return t(key, lang, value=smallest.lstrip("+")), True


def _change(code: str, row: pd.Series, outcomes: pd.DataFrame, lang: str) -> tuple[str, bool]:
    """Return a card's change against the baseline as shown, and whether it prints as zero."""
    shown, flat = change_text(row["delta"], code, outcomes, lang)
    if flat:
        return shown, True
    pct = None if UNITS[outcomes.at[code, "unit"]].kind == "share" else percent_change(row["delta"], row["baseline"])
    return (shown if pct is None else f"{shown} ({pct})"), False


def _band(code: str, row: pd.Series, outcomes: pd.DataFrame, lang: str) -> str | None:
    """Return the p10–p90 band of a card's paired change, or None when every draw gives the same change."""
    low, high = (card_value(row[f"delta_{q}"], code, outcomes, lang, signed=True) for q in ("p10", "p90"))
    if low == high:
        return None
    if UNITS[outcomes.at[code, "unit"]].kind == "share":
        low, high = low.removesuffix(" %"), high.removesuffix(" %")
    return t("scenarios.card.band", lang, low=low, high=high)


def card(code: str, deltas: pd.DataFrame, outcomes: pd.DataFrame, lang: str) -> Kpi:
    """Return the card of one outcome: its median, the paired change against the baseline (its median with unit and
    %, and its p10–p90 band: one quantity), from `end_year_deltas`."""
    row = deltas.loc[code]
    change, flat = _change(code, row, outcomes, lang)
    return Kpi(
        indicator_label(code, outcomes, lang),
        card_value(row["scenario"], code, outcomes, lang),
        change,
        _band(code, row, outcomes, lang),
        "off" if flat else "auto",
    )


def kpis(deltas: pd.DataFrame, outcomes: pd.DataFrame, lang: str) -> list[Kpi]:
    """Return the headline result cards."""
    return [card(code, deltas, outcomes, lang) for code in KPI_OUTCOMES]


_GRID = "display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:0.75rem;margin-bottom:1rem"
_CARD = "border:1px solid rgba(128,128,128,0.3);border-radius:0.5rem;padding:0.75rem 1rem;overflow-wrap:anywhere"
_LINES = {
    "label": "font-size:0.875rem;line-height:1.3",
    "value": "font-size:1.75rem;line-height:1.25;padding:0.25rem 0",
    "delta": "font-size:0.875rem",
    "band": "font-size:0.8rem;opacity:0.7",
    "compare": "font-size:0.875rem;margin-top:0.35rem;padding-top:0.35rem;border-top:1px dashed rgba(128,128,128,0.4)",
}
_ARROWS = {"+": "↑ ", "-": "↓ ", "−": "↓ "}


def cards_html(items: list[Kpi]) -> str:
    """Return the cards as one HTML grid: every line wraps inside its card, so nothing is cut off at any width."""

    def line(kind: str, text: str | None) -> str:
        return "" if text is None else f'<div class="sz-{kind}" style="{_LINES[kind]}">{html.escape(text)}</div>'

    def one(item: Kpi) -> str:
        arrow = _ARROWS.get(item.delta[:1], "") if item.arrow == "auto" else ""
        body = line("label", item.label) + line("value", item.value) + line("delta", arrow + item.delta)
        return (
            f'<div class="sz-card" style="{_CARD}">{body}{line("band", item.band)}{line("band", item.note)}'
            f"{line('compare', item.compare)}</div>"
        )

    return f'<div class="sz-cards" style="{_GRID}">{"".join(one(item) for item in items)}</div>'


def with_b(
    items: list[Kpi], codes: tuple[str, ...], b_deltas: pd.DataFrame, outcomes: pd.DataFrame, lang: str
) -> list[Kpi]:
    """Return the cards of `codes` (in order; cards past them unchanged) with scenario B's value and its change
    against the paper's policy, the same quantity as the card's own change (`results.b_deltas`: the paired median)."""
    shown = list(items)
    for index, code in enumerate(codes):
        diff = change_value(b_deltas.loc[code, "delta"], code, outcomes, lang)
        value = card_value(b_deltas.loc[code, "scenario"], code, outcomes, lang)
        if is_no_change(diff, code, outcomes, lang):
            text = t("scenarios.card.b_same", lang, value=value)
        else:
            text = t("scenarios.card.b", lang, value=value, diff=diff)
        shown[index] = replace(shown[index], compare=text)
    return shown


def _exact(value: float, code: str, outcomes: pd.DataFrame, lang: str) -> str:
    """Return a number the levers give exactly (no model in it: racks a year × years) with the outcome's card word."""
    row = outcomes.loc[code]
    _, word = compact_parts(value, row["unit"], lang, row["unit_short_zh"], row["unit_short_en"])
    return with_unit(format_number(value), word)


def racks_card(
    scenario: pd.DataFrame, levers: model.Levers, outcomes: pd.DataFrame, lang: str, start: int = model.BASE_YEAR + 1
) -> Kpi:
    """Return the card of racks approved (installed stock growth, medians) against the quota, and the demand unmet.

    Counted from the lever start year `start` (before it the paper's quota approves): the quota is the lever × its
    years, what the energy review would approve, not what the market asks for; the demand Shenzhen cannot house is
    the model's unmet racks, part of them served elsewhere.
    """
    medians = scenario.set_index(["indicator", "year"])["p50"]
    approved = medians.loc[(RACKS, levers.horizon)] - medians.loc[(RACKS, start - 1)]
    quota = levers.dc_racks * (levers.horizon - start + 1)
    against = (
        t(
            "scenarios.card.racks_quota",
            lang,
            quota=_exact(quota, RACKS, outcomes, lang),
            pct=f"{100.0 * approved / quota:.0f}",
        )
        if quota
        else t("scenarios.card.racks_no_quota", lang)
    )
    unmet = t(
        "scenarios.card.racks_unmet",
        lang,
        year=levers.horizon,
        unmet=card_value(medians.loc[(UNMET, levers.horizon)], UNMET, outcomes, lang),
        elsewhere=card_value(medians.loc[(ELSEWHERE, levers.horizon)], ELSEWHERE, outcomes, lang),
    )
    return Kpi(
        t("scenarios.card.racks", lang, start=start, year=levers.horizon),
        card_value(approved, RACKS, outcomes, lang),
        against,
        None,
        "off",
        note=unmet,
    )


def cost_cards(
    deltas: pd.DataFrame,
    scenario: pd.DataFrame,
    levers: model.Levers,
    outcomes: pd.DataFrame,
    lang: str,
    start: int = model.BASE_YEAR + 1,
) -> list[Kpi]:
    """Return the cost cards in the horizon year (COST_OUTCOMES), then the racks approved from the lever start year
    `start`."""
    return [card(code, deltas, outcomes, lang) for code in COST_OUTCOMES] + [
        racks_card(scenario, levers, outcomes, lang, start)
    ]
