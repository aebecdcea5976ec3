"""What the Scenarios page shows, as pure functions: lever sliders, KPI cards, outcome and tornado charts, tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer import charts, model, vocab
from explorer.formatting import CITY_COLOURS, amount, figure_value, format_number, shown_unit
from explorer.i18n import t
from explorer.scenarios import (
    KPI_INDICATORS,
    LEVER_FIGURES,
    LEVER_GROUPS,
    MODEL_GROUPS,
    TARGET_MARKERS,
    figure_in_model_unit,
    odds_in,
    odds_sentence,
)

SERIES_COLOURS = {
    "scenario": CITY_COLOURS[vocab.SUBJECT_CITY],
    "baseline": "#7F7F7F",
    **{city: CITY_COLOURS[city] for city in vocab.PEER_CITIES},
}
SLIDER_FORMATS = {"dc_pue": "%.2f", "dc_util_gate": "%.0f", "xc_share": "%.0f", "talent_subsidy": "%.0f"}
TORNADO_ROWS = 12  # parameters shown in the sensitivity chart, largest swing first


@dataclass(frozen=True)
class Slider:
    """One lever's slider: its key (the lever name), label, bounds, step, help text, number format and a note."""

    name: str
    label: str
    low: float
    high: float
    step: float
    help: str | None
    format: str | None
    note: str | None


@dataclass(frozen=True)
class Kpi:
    """One KPI card: label, end-year value with its unit, change against the baseline."""

    label: str
    value: str
    delta: str


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec, the table shown beside it and the captions under it."""

    spec: dict
    table: pd.DataFrame
    captions: tuple[str, ...]


def indicator_label(code: str, outcomes: pd.DataFrame, lang: str) -> str:
    """Return an outcome's name, from the outcomes table (indexed by code)."""
    return outcomes.at[code, f"label_{lang}"]


def unit_label(code: str, outcomes: pd.DataFrame, lang: str) -> str:
    """Return the unit an outcome is shown in (亿元; ¥ bn in English), from the outcomes table (indexed by code)."""
    return _shown_unit(code, outcomes, lang)[1]


def unit_factor(code: str, outcomes: pd.DataFrame, lang: str) -> float:
    """Return the factor that turns an outcome's model value into the unit `unit_label` names (亿元 → ¥ bn: 0.1)."""
    return _shown_unit(code, outcomes, lang)[0]


def _shown_unit(code: str, outcomes: pd.DataFrame, lang: str) -> tuple[float, str]:
    row = outcomes.loc[code]
    return shown_unit(row["unit"], lang, row["unit_zh"], row["unit_symbol_en"])


def outcome_amount(code: str, value: float, outcomes: pd.DataFrame, lang: str, *, signed: bool = False) -> str:
    """Return an outcome's value with its unit as the reader writes it (e.g. '¥3.239 tn', '32,387.68 亿元')."""
    row = outcomes.loc[code]
    return amount(round(value, 2), row["unit"], lang, row["unit_zh"], row["unit_symbol_en"], signed=signed)


def lever_label(name: str, params: pd.DataFrame, lang: str) -> str:
    """Return a lever's name; the rack lever's states the rack power of the parameter sheet."""
    if name != "dc_racks":
        return t(f"lever.{name}", lang)
    return t("lever.dc_racks.kw", lang, kw=format_number(params.set_index("id").at["dc_rack_kw", "central"]))


def warning_texts(found: list[model.ScenarioWarning], params: pd.DataFrame, lang: str) -> list[str]:
    """Return one sentence per warning, naming the lever that takes the scenario off plausible ground."""
    return [
        t(
            f"scenarios.warning.{item.code}",
            lang,
            lever=lever_label(item.lever, params, lang),
            year=item.year,
            value=format_number(item.value),
            limit=format_number(item.limit),
        )
        for item in found
    ]


def lever_help(name: str, figures: pd.DataFrame, lang: str) -> str:
    """Return a lever's help text: the paper's value and sentence behind it, or that the paper gives none."""
    fig_id = LEVER_FIGURES.get(name)
    if fig_id is None:
        return t("lever.no_paper_value", lang)
    fig = figures.set_index("id", drop=False).loc[fig_id]
    return f"{t('lever.paper_value', lang, value=figure_value(fig, lang))} — {fig['quote_zh']}"


def slider(name: str, figures: pd.DataFrame, params: pd.DataFrame, lang: str) -> Slider:
    """Return the slider of one lever (the horizon has no paper value and no help)."""
    low, high, step = model.Levers.BOUNDS[name]
    help_text = None if name == "horizon" else lever_help(name, figures, lang)
    note = t("lever.racks_note", lang) if name == "dc_racks" else None  # a caption under the slider
    label = lever_label(name, params, lang)
    return Slider(name, label, low, high, step, help_text, SLIDER_FORMATS.get(name), note)


def lever_groups(figures: pd.DataFrame, params: pd.DataFrame, lang: str) -> list[tuple[str, list[Slider]]]:
    """Return the sidebar's lever groups as (heading, sliders), the horizon last."""
    groups = [
        (t(f"scenarios.group.{group}", lang), [slider(name, figures, params, lang) for name in names])
        for group, names in LEVER_GROUPS.items()
    ]
    return [*groups, (t("scenarios.group.horizon", lang), [slider("horizon", figures, params, lang)])]


def kpis(deltas: pd.DataFrame, outcomes: pd.DataFrame, lang: str) -> list[Kpi]:
    """Return the end-year KPI cards: the scenario's median with its unit and its change against the baseline."""
    return [
        Kpi(
            indicator_label(code, outcomes, lang),
            outcome_amount(code, deltas.loc[code, "scenario"], outcomes, lang),
            outcome_amount(code, deltas.loc[code, "delta"], outcomes, lang, signed=True),
        )
        for code in KPI_INDICATORS
    ]


def _target_marker(outcome: str, figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the paper's target for an outcome as one marker row (no rows when the paper sets none)."""
    target_id = TARGET_MARKERS.get(outcome)
    if not target_id:
        return pd.DataFrame(columns=["year", "value", "label", "quote"])
    fig = figures.set_index("id", drop=False).loc[target_id]
    return pd.DataFrame(
        {
            "year": [int(fig["year"])],
            "value": [figure_in_model_unit(fig)],
            "label": [f"{t('scenarios.series.target', lang)}: {figure_value(fig, lang)}"],
            "quote": [fig["quote_zh"]],
        }
    )


def peer_rows(peers: pd.DataFrame, outcome: str, lang: str) -> pd.DataFrame:
    """Return Beijing's and Shanghai's paths of the outcome, only where they share the model's definition."""
    rows = peers[
        (peers["indicator"] == outcome)
        & (peers["city"].isin(vocab.PEER_CITIES))
        & (peers["comparability_group"] == MODEL_GROUPS.get(outcome))
    ]
    return rows.assign(
        series=rows["city"].map(lambda city: t(f"city.{city}", lang)),
        is_extrapolated=rows["basis"].str.startswith("extrapolated"),
    )[["city", "series", "year", "value", "basis", "is_extrapolated"]]


def outcome_chart(
    outcome: str,
    scenario: pd.DataFrame,
    base: pd.DataFrame,
    peers: pd.DataFrame,
    figures: pd.DataFrame,
    outcomes: pd.DataFrame,
    lang: str,
) -> Chart:
    """Return the fan chart of one outcome (scenario, baseline, same-definition peers, the paper's target).

    Values are in the unit the axis names (`unit_label`: 亿元 in Chinese, ¥ bn in English).
    """
    factor = unit_factor(outcome, outcomes, lang)
    series = [
        frame[frame["indicator"] == outcome].assign(series=t(f"scenarios.series.{name}", lang), colour=name)
        for name, frame in (("scenario", scenario), ("baseline", base))
    ]
    paths = pd.concat(series, ignore_index=True)[["series", "colour", "year", "p10", "p50", "p90"]]
    paths[["p10", "p50", "p90"]] = paths[["p10", "p50", "p90"]] * factor
    cities = peer_rows(peers, outcome, lang)
    cities = cities.assign(value=cities["value"] * factor)
    marker = _target_marker(outcome, figures, lang)
    marker = marker.assign(value=marker["value"] * factor)
    table = pd.concat(
        [
            paths[["series", "year", "p10", "p50", "p90"]],
            cities[["series", "year", "value"]].rename(columns={"value": "p50"}),
            marker.rename(columns={"value": "p50", "label": "series"})[["series", "year", "p50"]],
        ]
    )
    present = [city for city in vocab.PEER_CITIES if city in set(cities["city"])]
    spec = charts.fan_chart(
        paths,
        cities.drop(columns="city"),
        marker,
        colours={
            t("scenarios.series.scenario", lang): SERIES_COLOURS["scenario"],
            t("scenarios.series.baseline", lang): SERIES_COLOURS["baseline"],
            **{t(f"city.{city}", lang): SERIES_COLOURS[city] for city in present},
        },
        title=t("scenarios.chart.title", lang, indicator=indicator_label(outcome, outcomes, lang)),
        y_title=f"{indicator_label(outcome, outcomes, lang)} ({unit_label(outcome, outcomes, lang)})",
        lang=lang,
    )
    captions = []
    if not marker.empty:
        captions.append(t("scenarios.target.caveat", lang, caveat=outcomes.at[outcome, f"target_caveat_{lang}"]))
    captions.append(t("scenarios.peers.note", lang) if not cities.empty else t("scenarios.peers.none", lang))
    columns = {name: t(f"col.{name}", lang) for name in ("series", "year", "p10", "p50", "p90")}
    return Chart(spec, table.rename(columns=columns), tuple(captions))


def odds_lines(odds: pd.DataFrame, year: int, lang: str) -> tuple[str, ...]:
    """Return one sentence per peer: the probability that Shenzhen is at or above it in `year`, or why none."""
    return tuple(odds_sentence(city, chance, year, lang) for city, chance in odds_in(odds, year).items())


def tornado_chart(
    sensitivity: pd.DataFrame, params: pd.DataFrame, outcomes: pd.DataFrame, outcome: str, year: int, lang: str
) -> Chart | None:
    """Return the sensitivity chart of one outcome in one year (the parameters that move it), or None if none do."""
    rows = sensitivity[sensitivity["swing"] > 0].head(TORNADO_ROWS)
    if rows.empty:
        return None
    factor, unit = _shown_unit(outcome, outcomes, lang)
    values = ["low_value", "central_value", "high_value"]
    rows = rows.assign(label=rows["parameter"].map(params.set_index("id")[f"label_{lang}"]))
    rows[values] = rows[values] * factor
    low, high = t("scenarios.tornado.low", lang), t("scenarios.tornado.high", lang)
    bars = pd.concat(
        [rows.assign(end=rows["low_value"], side=low), rows.assign(end=rows["high_value"], side=high)]
    ).assign(rank=lambda frame: frame.index)[["label", "rank", "side", "end", "central_value"]]
    indicator = indicator_label(outcome, outcomes, lang)
    spec = charts.tornado_chart(
        bars,
        title=t("scenarios.tornado.title", lang, indicator=indicator, year=year),
        axis_title=t("scenarios.tornado.axis", lang, indicator=indicator) + (f" ({unit})" if unit else ""),
        lang=lang,
    )
    table = rows[["label", "low_value", "central_value", "high_value"]].rename(
        columns={
            "label": t("col.parameter", lang),
            "low_value": low,
            "central_value": t("col.central", lang),
            "high_value": high,
        }
    )
    return Chart(spec, table, ())


def why_it_moved(delta: pd.DataFrame, parts: pd.DataFrame, outcomes: pd.DataFrame, year: int, lang: str) -> str:
    """Return the core value added change in `year`: its paired p10–p90 band and each lever group's share."""
    band = delta[(delta["indicator"] == "core_va") & (delta["year"] == year)].iloc[0]
    share = parts[parts["indicator"] == "core_va"].set_index("group")["contribution"]

    def money(value: float) -> str:  # whole 亿元, as the cards show them
        return outcome_amount("core_va", round(value), outcomes, lang, signed=True)

    return t(
        "scenarios.why",
        lang,
        year=year,
        **{p: money(band[p]) for p in ("p10", "p50", "p90")},
        **{group: money(share[group]) for group in ("dc", "xc", "talent")},
    )


def results_table(scenario: pd.DataFrame, outcomes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the full projection with outcome names and units in the page's language (yuan in ¥ bn in English)."""
    factors = scenario["indicator"].map(lambda code: unit_factor(code, outcomes, lang))
    quantiles = [column for column in ("p10", "p50", "p90") if column in scenario.columns]
    table = scenario.assign(**{column: scenario[column] * factors for column in quantiles})
    table.insert(1, t("col.unit", lang), scenario["indicator"].map(lambda code: unit_label(code, outcomes, lang)))
    return table.assign(indicator=scenario["indicator"].map(lambda code: indicator_label(code, outcomes, lang)))
