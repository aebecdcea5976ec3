"""The Scenarios page's downloads, as pure functions: the table of A, the baseline, B and the peers; CSV, JSON, names.

One table (codes, rounded per units.csv `decimals`) is written twice: as the CSV, with translated headers and
labels, and as the JSON's results, with a units map. Besides each outcome it has, per peer city, the probability
that Shenzhen is at or above it and, through the GDP panel, the gap to it (Shenzhen − peer); and the section-I tab's
numbers (information transmission, software and IT services): Shenzhen's section I, the probability and the gap
against each peer, so that the file carries what the page compares.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

import pandas as pd

from explorer import model
from explorer.core import vocab
from explorer.core.i18n import t
from explorer.core.vocab import UNITS
from explorer.data import export
from explorer.features.scenarios import growth as growth_view
from explorer.features.scenarios.peers import GAP_PRINTED, printed_value
from explorer.features.scenarios.results import ODDS_DECIMALS, PEER_OUTCOMES
from explorer.features.scenarios.view import lever_label
from explorer.model import comparison, digital
from explorer.model.comparison import PANEL_GROWTH, Scenario
from explorer.model.panel import INDICATOR as GAP_INDICATOR

SECTOR_I = digital.INDICATOR  # the section-I tab's indicator, in GDP's unit (as the tab writes its amounts)

FILE_PAGE = "scenario"  # the page in a download's name (export.file_name)
CUSTOM = "custom"  # a scenario whose levers differ from every preset's
QUANTILES = ("p10", "p50", "p90")
PERCENT = "pct"  # units.csv: probabilities, the share of the gap closed and Shenzhen as a share of the peer
# The runs of the table, in its column order: this scenario (A), the paper's policy, A's paired change from it,
# scenario B and B's paired change (B's only when B is compared).
RUNS = ("scenario", "baseline", "change", "b", "b_change")
PEER_KINDS = ("odds", "gap")  # a peer's rows: the probability that Shenzhen is at or above it; the gap to it


def peer_code(indicator: str, kind: str, city: str) -> str:
    """Return the code of a peer's row, e.g. gdp_odds_beijing, gdp_gap_shanghai."""
    return f"{indicator}_{kind}_{city}"


# The rows with a gap to each peer: GDP (the panel, on the projection tab and the summary) and section I (its tab).
GAP_OUTCOMES = (GAP_INDICATOR, SECTOR_I)
ODDS_OUTCOMES = (*PEER_OUTCOMES, SECTOR_I)  # the rows with Shenzhen's probability of being at or above each peer

# Every peer row the table can have, in its order (outcome, city, kind) -> (outcome, kind, city).
PEER_CODES = {
    peer_code(indicator, kind, city): (indicator, kind, city)
    for indicator in ODDS_OUTCOMES
    for city in vocab.PEER_CITIES
    for kind in PEER_KINDS
    if kind == "odds" or indicator in GAP_OUTCOMES
}


@dataclass(frozen=True)
class Run:
    """One lever setting as the downloads carry it (every frame the page's own, from the cached model runs).

    `results` and `change` are p10/p50/p90 per year and indicator (the projection, and its paired difference from
    the paper's policy; section I's from its own run, `section_i_rows`); `odds` is per indicator of ODDS_OUTCOMES its
    `peer_odds` frame (section I's: `comparison.odds` of its run); `gaps` per indicator of GAP_OUTCOMES and peer city
    the `comparison.gaps` table with the gap under these levers as `level_p10/p50/p90` (`gap_tables`).
    """

    levers: model.Levers
    results: pd.DataFrame
    change: pd.DataFrame
    odds: dict[str, pd.DataFrame]
    gaps: dict[str, dict[str, pd.DataFrame]]


def gap_tables(run: Scenario) -> dict[str, pd.DataFrame]:
    """Return per peer a run's `comparison.gaps` table (the paper's gap, the levers' effect, …) with the gap under
    the levers as level_p10/p50/p90 (same draws)."""
    tables = {}
    for city, table in comparison.gaps(run).items():
        level = comparison.gap(run.years, run.scenario, run.peers[city], run.scenario, run.anchor_year)
        level = level[["year", "gap_p10", "gap_p50", "gap_p90"]].rename(columns=lambda c: c.replace("gap_", "level_"))
        tables[city] = table.merge(level, on="year", how="left")
    return tables


def section_i_rows(run: Scenario) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return Shenzhen's section I under the levers and its paired change from the paper's policy, p10/p50/p90 per
    year from its base year on (a projection frame each, as `Run.results` and `Run.change`)."""

    def frame(values) -> pd.DataFrame:
        low, mid, high = digital.quantiles(values)
        out = pd.DataFrame({"year": run.years.astype(int), "indicator": SECTOR_I, "p10": low, "p50": mid, "p90": high})
        return out.dropna(subset=list(QUANTILES)).reset_index(drop=True)

    return frame(run.scenario), frame(run.scenario - run.base)


def scenario_code(levers: model.Levers) -> str:
    """Return the preset whose levers these are (the horizon aside), or "custom" when they differ from every preset."""
    found = (code for code, preset in model.PRESETS.items() if replace(preset, horizon=levers.horizon) == levers)
    return next(found, CUSTOM)


def scenario_name(levers: model.Levers, lang: str) -> str:
    """Return a scenario's name for a reader: its preset's, or that its levers are the user's own."""
    code = scenario_code(levers)
    return t("scenarios.download.custom", lang) if code == CUSTOM else t(f"preset.{code}", lang)


def file_name(levers: model.Levers, compare: model.Levers | None, lang: str, extension: str) -> str:
    """Return a download's file name: the page, the scenario (and B), the horizon and the language.

    E.g. shenzhen-scenario-talent_push-2030-en.csv, shenzhen-scenario-custom-vs-city_plan-2035-zh.md.
    """
    against = [] if compare is None else ["vs", scenario_code(compare)]
    return export.file_name(
        FILE_PAGE, scenario_code(levers), *against, str(levers.horizon), lang=lang, extension=extension
    )


def lever_values(levers: model.Levers) -> dict[str, int | float]:
    """Return the levers as numbers, to the decimals their sliders show (whole ones as integers)."""

    def number(name: str) -> int | float:
        spec = model.BY_NAME.get(name)
        decimals = spec.decimals if spec else 0
        value = getattr(levers, name)
        return int(round(value)) if decimals == 0 else round(float(value), decimals)

    return {name: number(name) for name in model.Levers.BOUNDS}


def rounded(value: float, decimals: int | None) -> int | float | None:
    """Return a number as a download writes it: None when missing, whole as an integer, else to `decimals`."""
    if value is None or pd.isna(value):
        return None
    if decimals is None:
        return float(value)
    return int(round(float(value))) if decimals == 0 else round(float(value), decimals) + 0.0  # no -0.0


def _odds_rows(run: Run) -> pd.DataFrame:
    """Return per indicator, peer and year the run's probability that Shenzhen is at or above the peer, in per cent
    (a year without one, before a city's section-I base year, has no row)."""
    rows = [
        {"year": int(row.year), "indicator": peer_code(indicator, "odds", row.city), "p50": 100.0 * row.probability}
        for indicator, frame in run.odds.items()
        for row in frame[(frame["status"] == "ok") & frame["probability"].notna()].itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=["year", "indicator", "p50"])


def _gap_rows(run: Run, columns: str) -> pd.DataFrame:
    """Return per peer and year the run's gap quantiles: `columns` "level" (the gap) or "effect" (the levers' on it)."""
    frames = [
        table[["year", *(f"{columns}_{q}" for q in QUANTILES)]]
        .rename(columns={f"{columns}_{q}": q for q in QUANTILES})
        .assign(indicator=peer_code(indicator, "gap", city))
        for indicator, by_city in run.gaps.items()
        for city, table in by_city.items()
    ]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["year", "indicator", *QUANTILES])


def _levels(run: Run) -> pd.DataFrame:
    return pd.concat([run.results, _odds_rows(run), _gap_rows(run, "level")], ignore_index=True)


def _changes(run: Run, base: Run) -> pd.DataFrame:
    """Return the run's paired change from the paper's policy; for a probability, the difference in points."""
    odds = _odds_rows(run).merge(_odds_rows(base), on=["year", "indicator"], suffixes=("", "_base"))
    odds = odds.assign(p50=odds["p50"].round(ODDS_DECIMALS) - odds["p50_base"].round(ODDS_DECIMALS))
    return pd.concat([run.change, odds[["year", "indicator", "p50"]], _gap_rows(run, "effect")], ignore_index=True)


def named_rows(outcomes: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Return the names and units of every row a download can have: the outcomes table (indexed by code) and section
    I, named as the indicators table (indexed by code) names it, in GDP's unit as the section-I tab writes it."""
    own = outcomes.loc[[GAP_INDICATOR]].rename(index={GAP_INDICATOR: SECTOR_I})
    own = own.assign(**{f"label_{lang}": indicators.at[SECTOR_I, f"label_{lang}"] for lang in ("zh", "en")})
    return pd.concat([outcomes, own])


def row_units(indicators: pd.Series, outcomes: pd.DataFrame) -> pd.Series:
    """Return each row's unit code: its outcome's; per cent for a probability; its outcome's for a gap."""

    def unit(code: str) -> str:
        indicator, kind, _ = PEER_CODES.get(code, (code, None, None))
        return PERCENT if kind == "odds" else outcomes.at[indicator, "unit"]

    return indicators.map(unit)


def _decimals(code: str, unit: str) -> int | None:
    return ODDS_DECIMALS if PEER_CODES.get(code, (None, None))[1] == "odds" else UNITS[unit].decimals


def export_rows(a: Run, base: Run, b: Run | None, outcomes: pd.DataFrame) -> pd.DataFrame:
    """Return the download's table in codes: per year and row (outcome, probability or gap) each run's p10/p50/p90.

    Columns: year, indicator, unit (a units.csv code), then `<run>_<quantile>` for the runs of RUNS (B's when B is
    given), rounded per the unit's decimals (whole per cent for a probability). `outcomes` is `named_rows` (the
    outcomes and section I, indexed by code).
    """
    keys = ["year", "indicator"]
    runs = {"scenario": _levels(a), "baseline": _levels(base), "change": _changes(a, base)}
    if b is not None:
        runs |= {"b": _levels(b), "b_change": _changes(b, base)}
    frame = None
    for name, values in runs.items():
        part = values.reindex(columns=[*keys, *QUANTILES]).rename(columns={q: f"{name}_{q}" for q in QUANTILES})
        frame = part if frame is None else frame.merge(part, on=keys, how="left")
    order = {code: index for index, code in enumerate([*outcomes.index, *PEER_CODES])}
    frame = frame.assign(order=frame["indicator"].map(order)).sort_values(["order", "year"], kind="mergesort")
    frame = frame.drop(columns="order").reset_index(drop=True)
    frame.insert(2, "unit", row_units(frame["indicator"], outcomes))
    numbers = [column for column in frame.columns if column not in (*keys, "unit")]
    for column in numbers:  # object columns: a whole number stays an integer beside a missing value
        values = [
            rounded(value, _decimals(code, unit))
            for value, code, unit in zip(frame[column], frame["indicator"], frame["unit"])
        ]
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    frame["year"] = frame["year"].astype(int)
    return frame


def row_label(code: str, outcomes: pd.DataFrame, lang: str) -> str:
    """Return a row's name for a reader: the outcome's, or the probability or the gap against a peer city."""
    if code not in PEER_CODES:
        return outcomes.at[code, f"label_{lang}"]
    indicator, kind, city = PEER_CODES[code]
    return t(
        f"scenarios.download.{kind}",
        lang,
        city=t(f"city.{city}", lang),
        indicator=outcomes.at[indicator, f"label_{lang}"],
    )


def export_frame(
    rows: pd.DataFrame,
    a: model.Levers,
    b: model.Levers | None,
    outcomes: pd.DataFrame,
    units: pd.DataFrame,
    params: pd.DataFrame,
    version: str,
    lang: str,
    *,
    growth: str = PANEL_GROWTH,
) -> pd.DataFrame:
    """Return the CSV table: `export_rows` with each row's name and unit, the scenarios' names and levers, Shenzhen's
    GDP baseline (`growth`) and the data version, every header in `lang` (the catalogue's words, as every CSV of the
    app)."""
    frame = rows.assign(
        label=[row_label(code, outcomes, lang) for code in rows["indicator"]],
        unit_label=rows["unit"].map(units[f"label_{lang}"]),
    )
    headers = {
        "year": t("col.year", lang),
        "indicator": t("col.id", lang),
        "label": t("col.indicator", lang),
        "unit_label": t("col.unit", lang),
    }
    for run in RUNS:
        for q in QUANTILES:
            if f"{run}_{q}" in frame:
                headers[f"{run}_{q}"] = t(f"scenarios.col.{run}", lang, q=q)
    sides = [("scenario", a), *([("b", b)] if b is not None else [])]
    for side, levers in sides:
        frame[f"{side}_name"] = scenario_name(levers, lang)
        headers[f"{side}_name"] = t(f"scenarios.col.{side}_name", lang)
        for name, value in lever_values(levers).items():
            frame[f"{side}_{name}"] = value
            headers[f"{side}_{name}"] = t(f"scenarios.col.{side}_lever", lang, lever=lever_label(name, params, lang))
    frame["gdp_baseline"] = growth_view.name(growth, lang)
    headers["gdp_baseline"] = t("scenarios.col.growth", lang)
    frame["data_version"] = version
    headers["data_version"] = t("scenarios.col.version", lang)
    return frame[list(headers)].rename(columns=headers)


def _gap_record(table_row: pd.Series, gdp_unit: str) -> dict[str, int | float | None]:
    """Return one year of a gap table as the JSON writes it: amounts in GDP's unit, shares in per cent."""
    record: dict[str, int | float | None] = {"year": int(table_row["year"])}
    for field, value in table_row.items():
        if field == "year":
            continue
        if field.startswith(("gap_", "effect_", "level_")):
            record[field] = rounded(value, UNITS[gdp_unit].decimals)
        elif field.startswith("probability"):
            record[field] = rounded(100.0 * value, ODDS_DECIMALS)
        else:  # the gap sentence's other numbers, each as it prints them (ratios as the median's)
            printed = "ratio_p50" if field.startswith("ratio_") else field
            record[field] = rounded(printed_value(field, value), GAP_PRINTED[printed][1])
    return record


def gap_units(gdp_unit: str) -> dict[str, str]:
    """Return the unit code of each field of a JSON gap record (as `_gap_record` writes it)."""
    amounts = {f"{kind}_{q}": gdp_unit for kind in ("gap", "level", "effect") for q in QUANTILES}
    shares = {f"ratio_{q}": PERCENT for q in QUANTILES} | {"probability": PERCENT, "probability_levers": PERCENT}
    return amounts | shares | {field: unit for field, (unit, _) in GAP_PRINTED.items() if field not in shares}


def export_json(
    rows: pd.DataFrame,
    runs: dict[str, tuple[model.Levers, Run]],
    outcomes: pd.DataFrame,
    units: pd.DataFrame,
    params: pd.DataFrame,
    *,
    version: str,
    draws: int,
    seed: int,
    lang: str,
    growth: str = PANEL_GROWTH,
) -> str:
    """Return the download as JSON: the scenarios (A, the paper's policy, B) with their levers as numbers, Shenzhen's
    GDP baseline (`growth`: its code and name), the results table of `export_rows`, each peer's GDP gap table per
    scenario, the section-I tab's (`sector_i`: its indicator, name, title, scope line and gap tables per scenario,
    the records shaped as GDP's), the units of every number, the parameters, the data version, draws and seed.
    `runs` maps "scenario", "baseline" and (when compared) "b"; `outcomes` is `named_rows`."""
    gdp_unit = outcomes.at[GAP_INDICATOR, "unit"]
    used = set(rows["unit"]) | set(gap_units(gdp_unit).values())

    def scenario(levers: model.Levers) -> dict[str, object]:
        return {"code": scenario_code(levers), "name": scenario_name(levers, lang), "levers": lever_values(levers)}

    payload = {
        "page": "scenarios",
        "language": lang,
        "data_version": version,
        "draws": draws,
        "seed": seed,
        "horizon": runs["scenario"][0].horizon,
        "note": t("scenarios.disclaimer", lang),
        "scenarios": {side: scenario(levers) for side, (levers, _) in runs.items()},
        "gdp_baseline": {"code": growth, "name": growth_view.name(growth, lang)},
        "units": {
            "unit_labels": {code: units.at[code, f"label_{lang}"] for code in sorted(used)},
            "results": dict(zip(rows["indicator"], rows["unit"])),
            "gaps": gap_units(gdp_unit),
        },
        "results": [_record(row) for row in rows.to_dict(orient="records")],
        "gaps": _gap_records(runs, GAP_INDICATOR, gdp_unit),
        "parameters": [_record(row) for row in params.to_dict(orient="records")],
    }
    if any(run.gaps.get(SECTOR_I) for _, run in runs.values()):  # the section-I tab: its title, scope and gaps
        payload["units"]["sector_i_gaps"] = gap_units(outcomes.at[SECTOR_I, "unit"])
        payload["sector_i"] = {
            "indicator": SECTOR_I,
            "name": outcomes.at[SECTOR_I, f"label_{lang}"],
            "title": t("scenarios.digital.title", lang),
            "scope": t("scenarios.digital.scope", lang),
            "gaps": _gap_records(runs, SECTOR_I, outcomes.at[SECTOR_I, "unit"]),
        }
    return json.dumps(payload, ensure_ascii=False, indent=1, allow_nan=False)


def _gap_records(
    runs: dict[str, tuple[model.Levers, Run]], indicator: str, unit: str
) -> dict[str, dict[str, list[dict[str, int | float | None]]]]:
    """Return side -> peer -> the indicator's gap table year by year as the JSON writes it (amounts in `unit`).

    The paper's policy has no entry: A's and B's tables hold the paper's gap beside their own."""
    return {
        side: {
            city: [_gap_record(row, unit) for _, row in table.iterrows()]
            for city, table in run.gaps.get(indicator, {}).items()
        }
        for side, (_, run) in runs.items()
        if side != "baseline"
    }


def _record(row: dict) -> dict:
    """Return a record with missing values as null and numpy scalars as Python numbers."""
    out = {}
    for key, value in row.items():
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            out[key] = None
        elif hasattr(value, "item"):
            out[key] = value.item()
        else:
            out[key] = value
    return out
