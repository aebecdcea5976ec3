"""Shenzhen's GDP baseline on Scenarios, as pure functions: the choice's labels and the plain words of the alternative.

The default is the three-city panel's Shenzhen path; the named alternative is the parameter sheet's assumed nominal
growth (`comparison.SHEET_GROWTH`, the sheet's `gdp_growth` row), an assumption of the sheet, not a projection.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from explorer.core import vocab
from explorer.core.compact import figures_text
from explorer.core.i18n import t
from explorer.features.scenarios.cards import card_value
from explorer.features.scenarios.results import ODDS_DECIMALS
from explorer.model import comparison
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
    anchor_year: int  # Shenzhen's last published year, where both baselines start
    shared_sd: str  # the panel's uncertainty of the growth the three cities share (sd of its drift error, pp a year)


def _rate(value: float) -> str:
    return figures_text(float(value), RATE_FIGURES, decimals=1)


def _sheet(value: float) -> str:
    return f"{float(value):g}"  # as the parameter sheet writes it (7, not 7.0)


def rates(fit: PanelFit, params: pd.DataFrame, lang: str) -> Rates:
    """Return the panel's Shenzhen growth a year and the sheet's assumed growth (low / central / high), printed."""
    row = params.set_index("id").loc[comparison.GROWTH_PARAMETER]
    city = fit.cities[vocab.SUBJECT_CITY]
    return Rates(
        panel=_rate(city.growth_pct),
        low=_sheet(row["low"]),
        central=_sheet(row["central"]),
        high=_sheet(row["high"]),
        label=str(row[f"label_{lang}"]),
        anchor_year=int(city.anchor_year),
        shared_sd=_rate(100.0 * fit.common_drift_sd),
    )


def choice_label(code: str, found: Rates, lang: str) -> str:
    """Return one option of the choice: the panel (default) or the sheet's assumed growth, with its rate a year."""
    rate = found.panel if code == comparison.PANEL_GROWTH else found.central
    return t(f"scenarios.growth.{code}", lang, rate=rate)


def choice_help(found: Rates, lang: str) -> str:
    """Return the choice's help: what the panel is and what the sheet's growth is (an assumption)."""
    return t("scenarios.growth.help", lang, label=found.label, low=found.low, central=found.central, high=found.high)


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
) -> str:
    """Return the plain words shown while the sheet's growth is Shenzhen's baseline: that it is the sheet's assumption,
    not a projection, and what it does to Shenzhen's GDP and to P(Shenzhen ≥ peer) in `year` against the panel.

    Each of `projections` and `odds` maps both baseline codes (`comparison.GROWTHS`) to its projection frame (year,
    indicator, p10/p50/p90) and its GDP odds frame (city, year, probability).
    """
    panel, sheet = _at(projections[comparison.PANEL_GROWTH], year), _at(projections[comparison.SHEET_GROWTH], year)
    lines = [
        t(
            "scenarios.growth.note",
            lang,
            central=found.central,
            low=found.low,
            high=found.high,
            label=found.label,
            anchor=found.anchor_year,
            panel=found.panel,
            year=year,
            sheet_gdp=card_value(sheet["p50"], GDP, outcomes, lang),
            panel_gdp=card_value(panel["p50"], GDP, outcomes, lang),
        )
    ]
    for city in vocab.PEER_CITIES:
        on_sheet = _odds(odds[comparison.SHEET_GROWTH], city, year)
        on_panel = _odds(odds[comparison.PANEL_GROWTH], city, year)
        if math.isnan(on_sheet) or math.isnan(on_panel):
            continue
        lines.append(
            t(
                "scenarios.growth.odds",
                lang,
                city=t(f"city.{city}", lang),
                year=year,
                sheet=f"{100 * on_sheet:.{ODDS_DECIMALS}f}",
                panel=f"{100 * on_panel:.{ODDS_DECIMALS}f}",
            )
        )
    return ("" if lang == "zh" else " ").join(lines)
