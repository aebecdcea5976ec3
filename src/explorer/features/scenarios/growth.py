"""Shenzhen's GDP baseline on Scenarios, as pure functions: the choice's labels and the plain words of the alternative.

The default is the three-city panel's Shenzhen path; the named alternatives are the parameter sheet's assumed nominal
growth (`comparison.SHEET_GROWTH`, the sheet's `gdp_growth` row), an assumption of the sheet, not a projection, and
the city's own growth target for its first unpublished year plus its latest price change (`comparison.TARGET_GROWTH`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from explorer.core import vocab
from explorer.core.compact import figures_text
from explorer.core.i18n import t
from explorer.features.pieces import sentences
from explorer.features.scenarios.cards import card_value
from explorer.features.scenarios.results import ODDS_DECIMALS
from explorer.model import comparison, panel
from explorer.model.panel import INDICATOR as GDP
from explorer.model.panel import PanelFit

RATE_FIGURES = 2  # the panel's growth a year, as printed (6.5)


@dataclass(frozen=True)
class Rates:
    """The two baselines' growth a year, printed: the panel's Shenzhen drift, the sheet's low / central / high."""

    panel: str
    low: str
    central: str
    high: str
    label: str  # the sheet row's name in the reader's language
    anchor_year: int  # Shenzhen's last published year, where every baseline starts
    shared_sd: str  # the panel's uncertainty of the growth the three cities share (sd of its drift error, pp a year)
    target: dict[str, str] = field(default_factory=dict)  # the city's target printed: rate, real, price, (price_)year


def sheet_words(found: Rates) -> dict[str, object]:
    """Return the words every sentence on the baselines formats: the sheet's row and the panel's rate, printed."""
    return {
        "label": found.label,
        "central": found.central,
        "low": found.low,
        "high": found.high,
        "panel": found.panel,
        "anchor": found.anchor_year,
    }


def _rate(value: float) -> str:
    return figures_text(float(value), RATE_FIGURES, decimals=1)


def _sheet(value: float) -> str:
    return f"{float(value):g}"  # as the parameter sheet writes it (7, not 7.0)


def rates(fit: PanelFit, params: pd.DataFrame, lang: str, rows: pd.DataFrame | None = None) -> Rates:
    """Return the panel's Shenzhen growth a year, the sheet's assumed growth (low / central / high) and, with the
    benchmark `rows`, the city's own target for its first unpublished year as nominal growth, printed."""
    row = params.set_index("id").loc[comparison.GROWTH_PARAMETER]
    city = fit.cities[vocab.SUBJECT_CITY]
    target: dict[str, str] = {}
    if rows is not None and (drift := panel.target_drift(rows, vocab.SUBJECT_CITY, city.anchor_year)) is not None:
        price_year, price = panel.price_change(rows, vocab.SUBJECT_CITY, city.anchor_year)
        real = panel.growth_target(rows, vocab.SUBJECT_CITY, city.anchor_year + 1)
        target = {
            "rate": _rate(100.0 * math.expm1(drift)),
            "real": _sheet(real),
            "price": f"{100.0 * math.expm1(price):+.1f}",
            "year": str(city.anchor_year + 1),
            "price_year": str(price_year),
        }
    return Rates(
        panel=_rate(city.growth_pct),
        low=_sheet(row["low"]),
        central=_sheet(row["central"]),
        high=_sheet(row["high"]),
        label=str(row[f"label_{lang}"]),
        anchor_year=int(city.anchor_year),
        shared_sd=_rate(100.0 * fit.common_drift_sd),
        target=target,
    )


def choice_label(code: str, found: Rates, lang: str) -> str:
    """Return one option of the choice: the panel (default), the sheet's assumed growth or the city's target."""
    if code == comparison.TARGET_GROWTH:
        return t("scenarios.growth.target", lang, rate=found.target["rate"], year=found.target["year"])
    rate = found.panel if code == comparison.PANEL_GROWTH else found.central
    return t(f"scenarios.growth.{code}", lang, rate=rate)


def choice_help(found: Rates, lang: str) -> str:
    """Return the choice's help: what the panel is, what the sheet's growth is (an assumption) and the target."""
    text = t("scenarios.growth.help", lang, **sheet_words(found))
    if not found.target:
        return text
    return sentences((text, t("scenarios.growth.help.target", lang, **found.target)), lang)


def name(code: str, lang: str) -> str:
    """Return a baseline's name as the downloads write it."""
    return t(f"scenarios.growth.name.{code}", lang)


def _at(frame: pd.DataFrame, year: int) -> pd.Series:
    return frame[(frame["indicator"] == GDP) & (frame["year"] == int(year))].iloc[0]


def _odds(odds: pd.DataFrame, city: str, year: int) -> float:
    picked = odds[(odds["city"] == city) & (odds["year"] == int(year))]["probability"]
    return float(picked.iloc[0]) if not picked.empty else float("nan")


def note(
    found: Rates,
    year: int,
    projections: dict[str, pd.DataFrame],
    odds: dict[str, pd.DataFrame],
    outcomes: pd.DataFrame,
    lang: str,
    code: str = comparison.SHEET_GROWTH,
) -> str:
    """Return the plain words shown while an alternative (`code`) is Shenzhen's baseline: what it is (the sheet's
    assumption, or the city's own target), not a projection, and what it does to Shenzhen's GDP and to
    P(Shenzhen ≥ peer) in `year` against the panel.

    Each of `projections` and `odds` maps the panel's code and `code` to its projection frame (year, indicator,
    p10/p50/p90) and its GDP odds frame (city, year, probability).
    """
    panel_row, chosen = _at(projections[comparison.PANEL_GROWTH], year), _at(projections[code], year)
    words = {
        **sheet_words(found),
        "year": year,
        "sheet_gdp": card_value(chosen["p50"], GDP, outcomes, lang),
        "panel_gdp": card_value(panel_row["p50"], GDP, outcomes, lang),
    }
    key = "scenarios.growth.note" if code == comparison.SHEET_GROWTH else f"scenarios.growth.note.{code}"
    lines = [t(key, lang, **words, **({"target_" + k: v for k, v in found.target.items()}))]
    for city in vocab.PEER_CITIES:
        on_chosen = _odds(odds[code], city, year)
        on_panel = _odds(odds[comparison.PANEL_GROWTH], city, year)
        if math.isnan(on_chosen) or math.isnan(on_panel):
            continue
        lines.append(
            t(
                "scenarios.growth.odds",
                lang,
                city=t(f"city.{city}", lang),
                year=year,
                sheet=f"{100 * on_chosen:.{ODDS_DECIMALS}f}",
                panel=f"{100 * on_panel:.{ODDS_DECIMALS}f}",
            )
        )
    return sentences(lines, lang)
