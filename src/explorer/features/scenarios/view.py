"""What the Scenarios page shows, as pure functions: lever sliders, KPI cards, outcome and tornado charts, tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from explorer import model
from explorer.charts.encoding import TORNADO_LABEL_LINE, wrapped
from explorer.core import vocab
from explorer.core.compact import CHANGE_FIGURES, LEVEL_FIGURES, adding_up, figures_text, significant_frame
from explorer.core.formatting import CITY_COLOURS, amount, figure_value, format_number, shown_unit
from explorer.core.i18n import t
from explorer.features.scenarios import charts as scenario_charts
from explorer.features.scenarios.cards import (
    COST_OUTCOMES,
    KPI_OUTCOMES,
    Kpi,
    change_value,
    cost_cards,
    indicator_label,
    is_no_change,
    kpis,
    with_b,
)
from explorer.features.scenarios.peers import break_captions, gap_lines, peer_captions, peer_rows
from explorer.features.scenarios.results import (
    TARGET_MARKERS,
    b_deltas,
    figure_in_model_unit,
    odds_in,
    odds_sentence,
    summary,
)
from explorer.model.comparison import PANEL_GROWTH

if TYPE_CHECKING:  # the section-I block is built from this module's pieces
    from explorer.features.scenarios.digital import Digital


PAPER_RUN = "_paper"  # a peer's series under the paper's policy (the section-I odds chart): a second colour
# Every series colour of the Scenarios charts, in one place: no two entries of one legend share a swatch.
SERIES_COLOURS = {
    "scenario": CITY_COLOURS[vocab.SUBJECT_CITY],
    "baseline": "#7F7F7F",
    "compare": "#CC79A7",  # Okabe–Ito reddish purple: scenario B
    "published": "#000000",  # Shenzhen's published years: black, the record (the scenario keeps the city's vermilion)
    **{city: CITY_COLOURS[city] for city in vocab.PEER_CITIES},
    # The paper's runs of the peers, dashed, in other Okabe–Ito colours (a tint would leave the colour-safe palette):
    # Beijing's sky blue beside its blue; Shanghai's orange (Shenzhen's vermilion is not on the odds chart).
    "beijing" + PAPER_RUN: "#56B4E9",
    "shanghai" + PAPER_RUN: "#E69F00",
}
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
class Chart:
    """A Vega-Lite spec, the table shown beside it and the captions under it."""

    spec: dict
    table: pd.DataFrame
    captions: tuple[str, ...]
    table_first: bool = False  # the table's tab opens first: the chart shows nothing a reader can read off it


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
    """Return a published value in an outcome's unit as the reader writes it ('¥3.239 tn', '32,387.68 亿元'): not
    rounded by core.compact's policy, which is for the model's numbers."""
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
            value=figures_text(item.value, LEVEL_FIGURES, decimals=1),  # a model output (or a lever: exact at 3)
            limit=format_number(item.limit),
        )
        for item in found
    ]


def warnings_by_lever(found: list[model.ScenarioWarning], params: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """Return the warning sentences keyed by the lever that caused them, to be shown under that lever."""
    grouped: dict[str, list[str]] = {}
    for item, text in zip(found, warning_texts(found, params, lang)):
        grouped.setdefault(item.lever, []).append(text)
    return grouped


def lever_help(name: str, figures: pd.DataFrame, lang: str) -> str:
    """Return a lever's help text: the paper's value and sentence behind it, or that the paper gives none."""
    fig_id = model.BY_NAME[name].paper_figure
    if fig_id is None:
        return t("lever.no_paper_value", lang)
    fig = figures.set_index("id", drop=False).loc[fig_id]
    text = f"{t('lever.paper_value', lang, value=figure_value(fig, lang))} — {fig['quote_zh']}"
    # The paper's sentence stays in Chinese; an English page gives the project's translation beside it.
    return text if lang == "zh" else f"{text}\n\n{t('word.translation', lang, text=fig['quote_en'])}"


def lever_value(name: str, value: float) -> str:
    """Return a lever's value as its slider shows it: its decimals, thousands separators, the horizon a bare year."""
    return str(int(value)) if name == "horizon" else f"{value:,.{model.BY_NAME[name].decimals}f}"


def slider_format(name: str) -> str | None:
    """Return a slider's number format: the lever's decimals, or the reader's own thousands separators.

    A printf format cannot group thousands ('117000'); Streamlit's "localized" writes the browser's
    locale form (117,000). The horizon is a year, shown bare.
    """
    if name == "horizon":
        return None
    spec = model.BY_NAME[name]
    return f"%.{spec.decimals}f" if spec.decimals else "localized"


def preset_changes(before: model.Levers, after: model.Levers, params: pd.DataFrame, lang: str) -> list[str]:
    """Return one line per lever a preset changed: its name, the value before and the preset's value."""
    return [
        t(
            "scenarios.preset.change",
            lang,
            lever=lever_label(name, params, lang),
            old=lever_value(name, getattr(before, name)),
            new=lever_value(name, getattr(after, name)),
        )
        for name in model.Levers.BOUNDS
        if getattr(before, name) != getattr(after, name)
    ]


def lever_note(name: str, lang: str) -> str:
    """Return the caption under a lever's slider (the racks': what it counts, what 0 means, the plan's pace)."""
    names = {"moratorium": "no_new_capacity", "plan": "city_plan", "aggressive": "aggressive_buildout"}
    return t(f"lever.{name}.note", lang, **{key: t(f"preset.{code}", lang) for key, code in names.items()})


def slider(name: str, figures: pd.DataFrame, params: pd.DataFrame, lang: str) -> Slider:
    """Return the slider of one lever (the horizon has no paper value and no help)."""
    low, high, step = model.Levers.BOUNDS[name]
    help_text = None if name == "horizon" else lever_help(name, figures, lang)
    spec = model.BY_NAME.get(name)
    note = lever_note(name, lang) if spec and spec.note else None  # a caption under the slider
    label = lever_label(name, params, lang)
    return Slider(name, label, low, high, step, help_text, slider_format(name), note)


def lever_groups(figures: pd.DataFrame, params: pd.DataFrame, lang: str) -> list[tuple[str, list[Slider]]]:
    """Return the sidebar's lever groups as (heading, sliders), the horizon last."""
    groups = [
        (t(f"scenarios.group.{group}", lang), [slider(name, figures, params, lang) for name in names])
        for group, names in model.LEVER_GROUPS.items()
    ]
    return [*groups, (t("scenarios.group.horizon", lang), [slider("horizon", figures, params, lang)])]


def _target_marker(outcome: str, figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the paper's target for an outcome as one marker row (no rows when the paper sets none or no year)."""
    fig = _target_figure(outcome, figures)
    if fig is None or pd.isna(fig["year"]):
        return pd.DataFrame(columns=["year", "value", "label", "quote"])
    return pd.DataFrame(
        {
            "year": [int(fig["year"])],
            "value": [figure_in_model_unit(fig)],
            "label": [f"{t('scenarios.series.target', lang, year=int(fig['year']))}: {figure_value(fig, lang)}"],
            "quote": [fig["quote_zh"]],
        }
    )


def _target_figure(outcome: str, figures: pd.DataFrame) -> pd.Series | None:
    """Return the paper's target figure for an outcome, or None when the paper sets none."""
    target_id = TARGET_MARKERS.get(outcome)
    return None if target_id is None else figures.set_index("id", drop=False).loc[target_id]


def _target_captions(
    outcome: str, marker: pd.DataFrame, figures: pd.DataFrame, outcomes: pd.DataFrame, lang: str
) -> list[str]:
    """Return the caption on the paper's target: the marker's scope caveat, or why a target with no year has none."""
    fig = _target_figure(outcome, figures)
    if fig is None:
        return []
    caveat = outcomes.at[outcome, f"target_caveat_{lang}"]
    if marker.empty:  # the paper gives no year: the chart marks no date, the caption states the target
        return [t("scenarios.target.undated", lang, value=figure_value(fig, lang), caveat=caveat)]
    return [t("scenarios.target.caveat", lang, caveat=caveat)]


def outcome_chart(
    outcome: str,
    scenario: pd.DataFrame,
    base: pd.DataFrame,
    peers: pd.DataFrame,
    figures: pd.DataFrame,
    outcomes: pd.DataFrame,
    lang: str,
    compare: tuple[str, pd.DataFrame] | None = None,
    growth: str = PANEL_GROWTH,
) -> Chart:
    """Return the fan chart of one outcome (scenario, baseline, same-definition peers, the paper's target).

    `compare` is scenario B, (its name, its projection), drawn as a third series. Values are in the unit the
    axis names (`unit_label`: 亿元 in Chinese, ¥ bn in English). `growth` is Shenzhen's GDP baseline (the captions
    name it).
    """
    factor = unit_factor(outcome, outcomes, lang)
    runs = [
        ("scenario", t("scenarios.series.scenario", lang), scenario),
        ("baseline", t("scenarios.series.baseline", lang), base),
    ]
    if compare is not None:
        runs.append(("compare", t("scenarios.series.compare", lang, name=compare[0]), compare[1]))
    series = [frame[frame["indicator"] == outcome].assign(series=name, colour=code) for code, name, frame in runs]
    paths = pd.concat(series, ignore_index=True)[["series", "colour", "year", "p10", "p50", "p90"]]
    paths[["p10", "p50", "p90"]] = paths[["p10", "p50", "p90"]] * factor
    cities = peer_rows(peers, outcome, lang, cities=vocab.CITIES)  # Shenzhen's published years too
    cities = cities.assign(**{column: cities[column] * factor for column in ("value", "p10", "p90")})
    marker = _target_marker(outcome, figures, lang)
    marker = marker.assign(value=marker["value"] * factor)
    # The table beside the chart: modelled values (Shenzhen's, the peers' extrapolated years) at the cards' three
    # significant figures; published values as published.
    quantiles = ["p10", "p50", "p90"]
    modelled = paths[["series", "year", *quantiles]].copy()
    modelled[quantiles] = significant_frame(modelled[quantiles].to_numpy(), LEVEL_FIGURES)
    peer_table = cities[~cities["is_join"]].rename(columns={"value": "p50"})
    ahead = peer_table["is_extrapolated"].to_numpy()
    peer_table.loc[ahead, quantiles] = significant_frame(peer_table.loc[ahead, quantiles].to_numpy(), LEVEL_FIGURES)
    table = pd.concat(
        [
            modelled,
            peer_table[["series", "year", *quantiles]],
            marker.rename(columns={"value": "p50", "label": "series"})[["series", "year", "p50"]],
        ]
    )
    present = [city for city in vocab.CITIES if city in set(cities["city"])]
    city_colours = {**SERIES_COLOURS, vocab.SUBJECT_CITY: SERIES_COLOURS["published"]}  # its published years
    spec = scenario_charts.fan_chart(
        paths,
        cities.drop(columns=["city", "is_join"]),
        marker,
        colours={
            **{name: SERIES_COLOURS[code] for code, name, _ in runs},
            **{t(f"city.{city}", lang): city_colours[city] for city in present},
        },
        title=t("scenarios.chart.title", lang, indicator=indicator_label(outcome, outcomes, lang)),
        y_title=f"{indicator_label(outcome, outcomes, lang)} ({unit_label(outcome, outcomes, lang)})",
        lang=lang,
    )
    captions = [
        *overlap_caption(paths, cities, lang),
        *_target_captions(outcome, marker, figures, outcomes, lang),
        *break_captions(cities, lang),
        *peer_captions(cities[cities["city"].isin(vocab.PEER_CITIES)], lang, growth=growth),
    ]
    columns = {name: t(f"col.{name}", lang) for name in ("series", "year", "p10", "p50", "p90")}
    return Chart(spec, table.rename(columns=columns), tuple(captions))


# The scenario's median line lies on the baseline's when it is nowhere further from it than this share of the chart's
# value range (at the chart's 320 px: 6 px, about two line widths).
OVERLAP_SHARE = 0.02


def overlap_caption(paths: pd.DataFrame, cities: pd.DataFrame, lang: str) -> list[str]:
    """Return the caption that points to the change chart when the scenario differs from the baseline in some year
    but its line lies on the baseline's at the chart's scale (the third walk: "the policy effect is invisible")."""
    medians = paths.pivot_table(index="year", columns="colour", values="p50")
    if not {"scenario", "baseline"} <= set(medians.columns):
        return []
    apart = (medians["scenario"] - medians["baseline"]).abs().max()
    values = pd.concat([paths["p10"], paths["p90"], cities.get("value", pd.Series(dtype=float))]).dropna()
    span = values.max() - values.min() if len(values) else 0.0
    if apart == 0 or span == 0 or apart > OVERLAP_SHARE * span:
        return []
    return [t("scenarios.fan.overlap", lang, tab=t("scenarios.view.why", lang))]


def change_chart(outcome: str, change: pd.DataFrame, outcomes: pd.DataFrame, lang: str) -> Chart | None:
    """Return the outcome's change against the baseline by year: the median of the paired difference over the same
    draws with its p10–p90 band (the card's change is its last year), or None where the levers change nothing.

    Scenario, baseline and B overlap on the projection chart, which hides the effect; this draws the effect itself.
    """
    rows = change[change["indicator"] == outcome]
    factor = unit_factor(outcome, outcomes, lang)
    if not rows[["p10", "p50", "p90"]].to_numpy().any():  # no year, or the levers change nothing in any draw
        return None
    name = t("scenarios.change.series", lang)
    paths = rows.assign(series=name, colour="scenario")[["series", "colour", "year", "p10", "p50", "p90"]]
    paths[["p10", "p50", "p90"]] = paths[["p10", "p50", "p90"]] * factor
    label = indicator_label(outcome, outcomes, lang)
    spec = scenario_charts.fan_chart(
        paths,
        pd.DataFrame(columns=["series", "year", "value", "p10", "p90", "basis", "is_extrapolated", "segment"]),
        pd.DataFrame(columns=["year", "value", "label", "quote"]),
        colours={name: SERIES_COLOURS["scenario"]},
        title=t("scenarios.change.title", lang, indicator=label),
        y_title=f"{t('scenarios.change.axis', lang)} ({unit_label(outcome, outcomes, lang)})",
        lang=lang,
    )
    table = paths[["series", "year", "p10", "p50", "p90"]].copy()
    table[["p10", "p50", "p90"]] = significant_frame(table[["p10", "p50", "p90"]].to_numpy(), CHANGE_FIGURES)
    columns = {column: t(f"col.{column}", lang) for column in ("series", "year", "p10", "p50", "p90")}
    return Chart(spec, table.rename(columns=columns), (t("scenarios.change.caption", lang),))


def odds_lines(odds: pd.DataFrame, year: int, lang: str) -> tuple[str, ...]:
    """Return one sentence per peer: the probability that Shenzhen is at or above it in `year`, or why none.

    A peer with no figure under the definition is left out: the chart's caption already says so.
    """
    return tuple(
        odds_sentence(city, chance, year, lang) for city, chance in odds_in(odds, year).items() if chance != "no_figure"
    )


def waterfall(
    parts: pd.DataFrame, deltas: pd.DataFrame, outcome: str, year: int, outcomes: pd.DataFrame, lang: str
) -> Chart | None:
    """Return the waterfall of each lever group's part of the outcome's change in `year`, or None if none moves it.

    `parts` is model.decompose: Shapley values of the median paired change, the change on the card (`deltas`,
    from `end_year_deltas`), which they add up to exactly; the labels are rounded so that they add up as printed.
    """
    rows = parts[parts["indicator"] == outcome].set_index("group")
    total = float(deltas.at[outcome, "delta"])
    parts_in_order = rows["contribution"].reindex(list(model.LEVER_GROUPS))
    if not parts_in_order.abs().gt(1e-9).any():
        return None
    factor = unit_factor(outcome, outcomes, lang)  # bars in the unit the axis names; labels as on the cards
    ends = parts_in_order.cumsum() * factor
    starts = ends.shift(fill_value=0.0)
    labels = [wrapped(t(f"scenarios.group.{group}", lang), TORNADO_LABEL_LINE) for group in model.LEVER_GROUPS]
    texts, total_text = printed_parts(parts_in_order.tolist(), total, outcome, outcomes, lang)
    steps = pd.DataFrame(
        {
            "label": [*labels, wrapped(t("scenarios.waterfall.total", lang), TORNADO_LABEL_LINE)],
            "order": range(len(model.LEVER_GROUPS) + 1),
            "start": [*starts, 0.0],
            "end": [*ends, total * factor],
            "kind": [*("up" if value >= 0 else "down" for value in parts_in_order), "total"],
            "text": [*texts, total_text],
        }
    )
    steps["right"] = steps[["start", "end"]].max(axis=1)
    indicator = indicator_label(outcome, outcomes, lang)
    spec = scenario_charts.waterfall_chart(
        steps,
        title=t("scenarios.waterfall.title", lang, indicator=indicator, year=year),
        axis_title=f"{t('scenarios.waterfall.axis', lang)} ({unit_label(outcome, outcomes, lang)})",
        lang=lang,
    )
    table = steps[["label", "text"]].assign(label=steps["label"].str.replace("\n", " ", regex=False))
    return Chart(
        spec,
        table.rename(columns={"label": t("col.group", lang), "text": t("col.value", lang)}),
        (waterfall_note(total, total_text, outcome, outcomes, lang),),
    )


def waterfall_note(total: float, total_text: str, outcome: str, outcomes: pd.DataFrame, lang: str) -> str:
    """Return how the waterfall's parts add up: to the card's change as printed, or, where a part larger than the
    change sets the place (`compact.adding_up`), to that change rounded as its parts are."""
    card = change_value(total, outcome, outcomes, lang)
    if card == total_text:
        return t("scenarios.waterfall.note", lang, total=total_text)
    return t("scenarios.waterfall.note.rounded", lang, total=card, rounded=total_text)


def printed_parts(
    parts: list[float], total: float, outcome: str, outcomes: pd.DataFrame, lang: str
) -> tuple[list[str], str]:
    """Return the lever groups' parts and the change as printed: the change as on its card, the parts adding up to it
    as printed (a share's in points)."""
    row = outcomes.loc[outcome]
    texts, total_text = adding_up(parts, total, row["unit"], lang, row["unit_short_zh"], row["unit_short_en"])
    if vocab.UNITS[row["unit"]].kind != "share":
        return texts, total_text
    points = [t("scenarios.card.points", lang, delta=text.removesuffix(" %")) for text in [*texts, total_text]]
    return points[:-1], points[-1]


def tornado_chart(
    sensitivity: pd.DataFrame,
    params: pd.DataFrame,
    outcomes: pd.DataFrame,
    outcome: str,
    year: int,
    lang: str,
    of: str = "tornado",
) -> Chart | None:
    """Return the sensitivity chart of one outcome in one year (the parameters that move it), or None if none do.

    `of` is "tornado" (the outcome's level) or "tornado_change" (its change from the paper's policy).
    """
    rows = sensitivity[sensitivity["swing"] > 1e-9].head(TORNADO_ROWS)
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
    spec = scenario_charts.tornado_chart(
        bars,
        title=t(f"scenarios.{of}.title", lang, indicator=indicator, year=year),
        axis_title=t(f"scenarios.{of}.axis", lang, indicator=indicator) + (f" ({unit})" if unit else ""),
        lang=lang,
    )
    table = rows[["label", "low_value", "central_value", "high_value"]].copy()
    figures = CHANGE_FIGURES if of == "tornado_change" else LEVEL_FIGURES  # as the cards print a change, a level
    table[values] = significant_frame(table[values].to_numpy(), figures)
    table = table.rename(
        columns={
            "label": t("col.parameter", lang),
            "low_value": low,
            "central_value": t("col.central", lang),
            "high_value": high,
        }
    )
    return Chart(spec, table, ())


def why_it_moved(
    deltas: pd.DataFrame, parts: pd.DataFrame, outcome: str, outcomes: pd.DataFrame, year: int, lang: str
) -> str:
    """Return the outcome's change in `year` (the card's: median and p10–p90 of the paired difference) and each
    lever group's part of it, printed so that they add up to it (the waterfall's numbers)."""
    row = deltas.loc[outcome]
    indicator = indicator_label(outcome, outcomes, lang)
    share = parts[parts["indicator"] == outcome].set_index("group")["contribution"].reindex(list(model.LEVER_GROUPS))
    texts, total = printed_parts(share.tolist(), float(row["delta"]), outcome, outcomes, lang)
    if is_no_change(total, outcome, outcomes, lang) and all(is_no_change(x, outcome, outcomes, lang) for x in texts):
        return t("scenarios.why.flat", lang, indicator=indicator, year=year)
    p50 = change_value(row["delta"], outcome, outcomes, lang)  # the card's; the parts may set a coarser place
    return t(
        "scenarios.why" if total == p50 else "scenarios.why.rounded",
        lang,
        indicator=indicator,
        year=year,
        p50=p50,
        **({} if total == p50 else {"total": total}),
        **{q: change_value(row[f"delta_{q}"], outcome, outcomes, lang) for q in ("p10", "p90")},
        **dict(zip(model.LEVER_GROUPS, texts)),
    )


@dataclass(frozen=True)
class Results:
    """Everything the Scenarios page shows below its levers, for one lever setting, outcome, scenario B, language."""

    headline: list[Kpi]  # this scenario's cards (A), without B
    costs: list[Kpi]
    shown_headline: list[Kpi]  # the cards as drawn: with B's line when B is compared
    shown_costs: list[Kpi]
    fan: Chart
    odds: tuple[str, ...]
    summary: str
    why: str
    waterfall: Chart | None
    sensitivities: tuple[tuple[str, Chart | None], ...]  # ("tornado" | "tornado_change", chart or None)
    digital: Digital | None = None  # section I against both peers (`features.scenarios.digital`)
    change: Chart | None = None  # the outcome's paired change against the baseline by year (`change_chart`)


def results(
    *,
    levers: model.Levers,
    outcome: str,
    runs: dict[str, pd.DataFrame],
    odds: dict[str, dict[str, float | str]],
    peer_odds: pd.DataFrame,
    gaps: dict[str, pd.DataFrame] | None,
    parts: pd.DataFrame,
    sensitivities: dict[str, pd.DataFrame],
    compare: tuple[str, pd.DataFrame, pd.DataFrame] | None,
    figures: pd.DataFrame,
    params: pd.DataFrame,
    outcomes: pd.DataFrame,
    lang: str,
    digital: Digital | None = None,
    growth: str = PANEL_GROWTH,
    start: int = model.BASE_YEAR + 1,
) -> Results:
    """Return the page's results from the model's: `runs` holds scenario, base, deltas (`end_year_deltas`), peers and
    change (`projection_delta`: the paired change by year). `start`: the lever start year (the racks card counts
    approvals from it).

    `gaps` (GDP only: the panel's gap to each peer, `model.comparison.gaps`) adds the gap sentences under the odds.
    `compare` is scenario B: its name, its projection and its paired difference from the paper's policy
    (`projection_delta`, B's line on the cards).
    """
    year = levers.horizon
    scenario, deltas = runs["scenario"], runs["deltas"]
    headline = kpis(deltas, outcomes, lang)
    costs = cost_cards(deltas, scenario, levers, outcomes, lang, start)
    shown_headline, shown_costs = headline, costs
    if compare is not None:
        b_changes = b_deltas(compare[1], compare[2], year)
        shown_headline = with_b(headline, KPI_OUTCOMES, b_changes, outcomes, lang)
        shown_costs = with_b(costs, COST_OUTCOMES, b_changes, outcomes, lang)
    return Results(
        headline=headline,
        costs=costs,
        shown_headline=shown_headline,
        shown_costs=shown_costs,
        fan=outcome_chart(
            outcome,
            scenario,
            runs["base"],
            runs["peers"],
            figures,
            outcomes,
            lang,
            compare=None if compare is None else compare[:2],
            growth=growth,
        ),
        odds=odds_lines(peer_odds, year, lang) + (gap_lines(gaps, year, outcomes, lang) if gaps else ()),
        summary=summary(deltas, levers, odds, outcomes, lang),
        why=why_it_moved(deltas, parts, outcome, outcomes, year, lang),
        waterfall=waterfall(parts, deltas, outcome, year, outcomes, lang),
        change=change_chart(outcome, runs["change"], outcomes, lang) if "change" in runs else None,
        sensitivities=tuple(
            (of, tornado_chart(frame, params, outcomes, outcome, year, lang, of=of))
            for of, frame in sensitivities.items()
        ),
        digital=digital,
    )
