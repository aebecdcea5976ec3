"""Section I value added against Beijing and Shanghai on the Scenarios page, as pure functions (`model.digital`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.core.formatting import format_number
from explorer.core.i18n import t
from explorer.features.pieces import sentences
from explorer.features.scenarios import charts as scenario_charts
from explorer.features.scenarios.peers import break_captions, gap_lines, peer_rows, segments
from explorer.features.scenarios.view import (
    PAPER_RUN,
    SERIES_COLOURS,
    Chart,
    odds_lines,
    outcome_amount,
    unit_factor,
    unit_label,
)
from explorer.model import comparison, digital
from explorer.model.digital import DRIFT, INDICATOR
from explorer.model.panel import INDICATOR as GDP
from explorer.model.parameters import parameter_table
from explorer.model.peers import observed_series

UNIT_OF = GDP  # section I is in 亿元, the unit of the model's GDP: amounts are written as GDP's


@dataclass(frozen=True)
class Tables:
    """The data tables the block reads: indicators and outcomes (indexed by code) and the parameter sheet."""

    indicators: pd.DataFrame
    outcomes: pd.DataFrame
    params: pd.DataFrame


@dataclass(frozen=True)
class Digital:
    """The section-I block: its title, plain-words lines, fan chart and odds by year with the gap table as its table
    view (both None without a Shenzhen figure)."""

    title: str
    lines: tuple[str, ...]
    fan: Chart | None
    odds: Chart | None


def indicator_name(indicators: pd.DataFrame, lang: str) -> str:
    """Return section I's name in one language, from the indicators table (indexed by code)."""
    return str(indicators.at[INDICATOR, f"label_{lang}"])


def base_captions(found: Mapping[str, digital.Base], outcomes: pd.DataFrame, lang: str) -> tuple[str, ...]:
    """Return one caption per city: the year its base figure comes from, its share of GDP and grade, or no figure."""
    latest = found[vocab.SUBJECT_CITY].year if vocab.SUBJECT_CITY in found else None
    lines = []
    for city in vocab.CITIES:
        name = t(f"city.{city}", lang)
        base = found.get(city)
        if base is None:
            lines.append(t("scenarios.digital.no_figure", lang, city=name))
            continue
        text = t(
            "scenarios.digital.base",
            lang,
            city=name,
            year=base.year,
            value=outcome_amount(UNIT_OF, base.value, outcomes, lang),
            share=f"{100 * base.share:.1f}",
            grade=t(f"grade.{base.grade}", lang),
        )
        if latest is not None and base.year < latest:
            text = sentences((text, t("scenarios.digital.old", lang, count=latest - base.year, year=latest)), lang)
        lines.append(text)
    return tuple(lines)


def _band(values: np.ndarray, years: np.ndarray) -> pd.DataFrame:
    low, mid, high = digital.quantiles(values)
    frame = pd.DataFrame({"year": years, "p10": low, "p50": mid, "p90": high})
    return frame.dropna().reset_index(drop=True)


def note(params: pd.DataFrame, lang: str) -> str:
    """Return the note under the chart: the indicator, the share's assumed drift (parameter sheet), the levers."""
    low, central, high = parameter_table(params)[DRIFT]
    return t(
        "scenarios.digital.note", lang, low=format_number(low), central=format_number(central), high=format_number(high)
    )


def fan(
    run: comparison.Scenario,
    found: Mapping[str, digital.Base],
    rows: pd.DataFrame,
    tables: Tables,
    lang: str,
) -> Chart:
    """Return the fan chart of section I: Shenzhen's scenario and baseline, each city's published figures, the peers'
    projections (share × GDP, dashed, from their base year), with the base-year captions."""
    indicators, outcomes, params = tables.indicators, tables.outcomes, tables.params
    factor = unit_factor(UNIT_OF, outcomes, lang)
    names = {"scenario": t("scenarios.series.scenario", lang), "baseline": t("scenarios.series.baseline", lang)}
    paths = pd.concat(
        [_band(run.scenario, run.years).assign(series=names["scenario"], colour="scenario"),
         _band(run.base, run.years).assign(series=names["baseline"], colour="baseline")],
        ignore_index=True,
    )  # fmt: skip
    paths[["p10", "p50", "p90"]] = paths[["p10", "p50", "p90"]] * factor
    frames = []
    for city in vocab.CITIES:
        published = observed_series(rows, city, INDICATOR, digital.GROUP)
        frames.append(published.assign(city=city, p10=published["value"], p90=published["value"], basis="observed"))
        if city in run.peers:
            ahead = _band(run.peers[city], run.years)
            ahead = ahead[ahead["year"] > found[city].year].rename(columns={"p50": "value"})
            frames.append(ahead.assign(city=city, basis="extrapolated"))
    cities = pd.concat(frames, ignore_index=True).assign(indicator=INDICATOR, comparability_group=digital.GROUP)
    shown = peer_rows(cities[cities["city"].isin(vocab.PEER_CITIES)], INDICATOR, lang)
    own = cities[(cities["city"] == vocab.SUBJECT_CITY)].assign(
        series=t(f"city.{vocab.SUBJECT_CITY}", lang), is_extrapolated=False, is_join=False
    )
    own = own.assign(break_before=own["break_before"].fillna(False).astype(bool))
    own = own.assign(segment=segments(own))
    shown = pd.concat([own[shown.columns], shown], ignore_index=True)
    shown = shown.assign(
        basis=np.where(
            shown["is_extrapolated"], t("scenarios.digital.projected", lang), t("scenarios.digital.published", lang)
        ),
        **{column: shown[column].astype(float) * factor for column in ("value", "p10", "p90")},
    )
    label = indicator_name(indicators, lang)
    present = [city for city in vocab.CITIES if city in set(shown["city"])]
    spec = scenario_charts.fan_chart(
        paths,
        shown.drop(columns=["city", "is_join"]),
        pd.DataFrame(columns=["year", "value", "label", "quote"]),
        colours={
            names["scenario"]: SERIES_COLOURS["scenario"],
            names["baseline"]: SERIES_COLOURS["baseline"],
            **{t(f"city.{city}", lang): _colour(city) for city in present},
        },
        title=t("scenarios.chart.title", lang, indicator=label),
        y_title=f"{label} ({unit_label(UNIT_OF, outcomes, lang)})",
        lang=lang,
    )
    table = pd.concat(
        [
            paths[["series", "year", "p10", "p50", "p90"]],
            shown[~shown["is_join"]][["series", "year", "p10", "value", "p90"]].rename(columns={"value": "p50"}),
        ]
    )
    columns = {name: t(f"col.{name}", lang) for name in ("series", "year", "p10", "p50", "p90")}
    captions = (*base_captions(found, outcomes, lang), *break_captions(shown, lang), note(params, lang))
    return Chart(spec, table.rename(columns=columns), captions)


def _colour(city: str) -> str:
    """Return a city's colour on the section-I chart (Shenzhen's published figures in a darker shade of the
    scenario's, so that the legend tells them apart)."""
    return SERIES_COLOURS["published"] if city == vocab.SUBJECT_CITY else SERIES_COLOURS[city]


def gap_table(gaps: Mapping[str, pd.DataFrame], anchor_year: int, outcomes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return per peer and projected year: P(Shenzhen ≥ peer) without and with the levers, the gap and its band,
    the ratio, the levers' paired effect on the gap with its band, and pp a year needed beside the levers' pp a year."""
    factor, unit = unit_factor(UNIT_OF, outcomes, lang), unit_label(UNIT_OF, outcomes, lang)

    def band(low: pd.Series, high: pd.Series) -> list[str]:
        return [
            t(
                "scenarios.digital.range",
                lang,
                low=format_number(round(a * factor)),
                high=format_number(round(b * factor)),
            )
            for a, b in zip(low, high, strict=True)
        ]

    frames = []
    for city in vocab.PEER_CITIES:
        table = gaps.get(city)
        if table is None or table.empty:
            continue
        table = table[table["year"] > anchor_year]
        frames.append(
            pd.DataFrame(
                {
                    t("col.city", lang): t(f"city.{city}", lang),
                    t("col.year", lang): table["year"].astype(int),
                    t("scenarios.digital.col.probability", lang): (100 * table["probability"]).round(1),
                    t("scenarios.digital.col.probability_levers", lang): (100 * table["probability_levers"]).round(1),
                    t("scenarios.digital.col.gap", lang, unit=unit): (table["gap_p50"] * factor).round(0),
                    t("scenarios.digital.col.gap_band", lang): band(table["gap_p10"], table["gap_p90"]),
                    t("scenarios.digital.col.ratio", lang): (100 * table["ratio_p50"]).round(1),
                    t("scenarios.digital.col.ratio_band", lang): [
                        t("scenarios.digital.range", lang, low=f"{100 * a:.1f}", high=f"{100 * b:.1f}")
                        for a, b in zip(table["ratio_p10"], table["ratio_p90"], strict=True)
                    ],
                    t("scenarios.digital.col.effect", lang, unit=unit): (table["effect_p50"] * factor).round(0),
                    t("scenarios.digital.col.effect_band", lang): band(table["effect_p10"], table["effect_p90"]),
                    # the growth needed is asked only of a Shenzhen behind the peer in the median path
                    t("scenarios.digital.col.needed_pp", lang): table["needed_pp"].where(table["gap_p50"] < 0).round(2),
                    t("scenarios.digital.col.lever_pp", lang): table["lever_pp"].round(2),
                }
            )
        )
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def block(
    run: comparison.Scenario | None,
    found: Mapping[str, digital.Base],
    rows: pd.DataFrame,
    year: int,
    tables: Tables,
    lang: str,
) -> Digital:
    """Return the section-I block for the horizon `year`: plain words (what the levers close, then the odds), the
    fan chart and the table by year; without a Shenzhen figure only the lines saying which city has none."""
    outcomes = tables.outcomes
    title = t("scenarios.digital.title", lang)
    if run is None:
        return Digital(title, base_captions(found, outcomes, lang), None, None)
    gaps = comparison.gaps(run)
    lines = (t("scenarios.digital.scope", lang),) + gap_lines(gaps, year, outcomes, lang, unit_of=UNIT_OF)
    lines += odds_lines(comparison.odds(run), year, lang)
    spec = odds_spec(gaps, run.anchor_year, indicator_name(tables.indicators, lang), lang)
    flat = near_zero(spec["datasets"]["odds"])
    captions = (t("scenarios.digital.odds.near_zero", lang),) if flat else ()
    odds = Chart(spec, gap_table(gaps, run.anchor_year, outcomes, lang), captions, table_first=flat)
    return Digital(title, lines, fan(run, found, rows, tables, lang), odds)


NEAR_ZERO_PCT = 0.5  # a probability below this prints as 0 % (whole per cent): the chart's lines lie on its axis


def near_zero(odds: pd.DataFrame) -> bool:
    """Return whether every line of the odds chart lies on its axis (the truth, but a reader may take a flat line at
    0 for a missing one, and the walk read four of them as a chart that says nothing): its table then opens first."""
    return not odds.empty and odds["pct"].max() < NEAR_ZERO_PCT


def odds_spec(gaps: Mapping[str, pd.DataFrame], anchor_year: int, indicator: str, lang: str) -> dict:
    """Return the chart of P(Shenzhen ≥ peer) by projected year, at the paper's policy (dashed) and with the levers."""
    frames, colours = [], {}
    for city in vocab.PEER_CITIES:
        table = gaps.get(city)
        if table is None or table.empty:
            continue
        table = table[table["year"] > anchor_year]
        for column, run, is_baseline in (("probability_levers", "levers", False), ("probability", "paper", True)):
            series = t("scenarios.digital.odds.series", lang, city=t(f"city.{city}", lang),
                       run=t(f"scenarios.digital.odds.{run}", lang))  # fmt: skip
            colours[series] = SERIES_COLOURS[city + (PAPER_RUN if is_baseline else "")]  # the paper's: 2nd colour
            frames.append(
                pd.DataFrame(
                    {"series": series, "year": table["year"].astype(int), "pct": 100 * table[column],
                     "is_baseline": is_baseline}
                )
            )  # fmt: skip
    return scenario_charts.odds_chart(
        pd.concat(frames, ignore_index=True),
        colours=colours,
        title=t("scenarios.digital.odds.title", lang, indicator=indicator),
        y_title=t("scenarios.digital.odds.axis", lang),
        lang=lang,
    )
