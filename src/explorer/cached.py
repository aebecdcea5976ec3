"""Cached loaders: one shared read-only connection, query results cached on scalar keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NoReturn, TypeVar

import duckdb
import numpy as np
import pandas as pd
import streamlit as st

from explorer import console, db, export, model, scenarios, startup
from explorer import hindcast as explorer_hindcast
from explorer.i18n import DEFAULT_LANG, t
from explorer.views import scenarios as scenario_view

T = TypeVar("T")


@dataclass(frozen=True)
class Database:
    """The shared connection (None when nothing can be served), what start-up found and the data version."""

    con: duckdb.DuckDBPyConnection | None
    startup: startup.Startup
    version: str


@st.cache_resource(show_spinner=False)
def database() -> Database:
    """Return the database this process serves: checked and, if needed, built once per process (never raises)."""
    found = startup.prepare()
    if found.path is None:
        return Database(None, found, "")
    try:
        con = db.connect(found.path)
        return Database(con, found, db.data_version(con))
    except duckdb.Error as exc:
        return Database(None, replace(found, path=None, notice="unavailable", detail=type(exc).__name__), "")


def stop_unavailable(detail: str) -> NoReturn:
    """Say in the reader's language that the data cannot be read, show the detail as code, and stop the page."""
    lang = st.session_state.get("lang", DEFAULT_LANG)
    st.error(t("error.data_unavailable", lang), icon=":material/error:")
    if detail:
        st.code(detail, language=None, wrap_lines=True)
    st.stop()


def _read(query: Callable[..., T], *args: object) -> T:
    """Run one gateway query on the shared connection; a DuckDB failure stops the page with a translated message."""
    con = database().con
    if con is None:
        stop_unavailable(database().startup.detail)
    try:
        return query(con, *args)
    except duckdb.Error as exc:
        stop_unavailable(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


@st.cache_data(show_spinner=False)
def figures(version: str) -> pd.DataFrame:
    """Return every figure of the paper (cached per data version)."""
    return _read(db.figures)


@st.cache_data(show_spinner=False)
def sections(version: str) -> pd.DataFrame:
    """Return the paper's sections with their text."""
    return _read(db.sections)


@st.cache_data(show_spinner=False)
def indicators(version: str) -> pd.DataFrame:
    """Return the benchmark indicators."""
    return _read(db.indicators)


@st.cache_data(show_spinner=False)
def benchmarks(version: str, indicator: str | None = None) -> pd.DataFrame:
    """Return benchmark rows for one indicator (or all)."""
    return _read(db.benchmarks, indicator)


@st.cache_data(show_spinner=False)
def comparability_groups(version: str) -> pd.DataFrame:
    """Return every comparability group with its definition and note in zh and en."""
    return _read(db.comparability_groups)


@st.cache_data(show_spinner=False)
def units(version: str) -> pd.DataFrame:
    """Return every unit code with its zh/en labels."""
    return _read(db.units)


@st.cache_data(show_spinner=False)
def outcomes(version: str) -> pd.DataFrame:
    """Return the model's outcomes with their labels and units."""
    return _read(db.outcomes)


@st.cache_data(show_spinner=False)
def parameters(version: str) -> pd.DataFrame:
    """Return the model's parameters."""
    return _read(db.parameters)


@st.cache_data(show_spinner=False)
def table(version: str, name: str) -> pd.DataFrame:
    """Return a whole public table."""
    return _read(db.table, name)


@st.cache_data(show_spinner=False)
def recommendations(version: str) -> pd.DataFrame:
    """Return the links between measure groups (3.x) and bottlenecks (2.x) with their quotes."""
    return _read(db.recommendations)


@st.cache_data(show_spinner=False)
def measure_levers(version: str) -> pd.DataFrame:
    """Return the scenario levers each measure group implies."""
    return _read(db.measure_levers)


# Data page
@st.cache_data(show_spinner=False)
def meta(version: str) -> dict[str, str]:
    """Return the build's metadata (schema_version, content_hash)."""
    return _read(db.meta)


@st.cache_data(show_spinner=False)
def columns(version: str) -> pd.DataFrame:
    """Return every public table's columns with their SQL types."""
    return _read(db.columns)


@st.cache_resource(show_spinner=False)
def _console_answers() -> console.ResultCache:
    """Return the console's answers shared by every session, capped by their total size in bytes."""
    return console.ResultCache()


def query(version: str, sql: str) -> console.Answer:
    """Return the answer to a console query, from the shared cache when this data version answered it before.

    Refusals are cached too; a timeout, a busy console or a query stopped by its memory cap is not
    (it may pass when the server is less busy). Readers of a query being run wait for its answer.
    """
    return _console_answers().get_or_compute(
        (version, sql), lambda: console.run(sql, database().startup.path), console.longest_wait_s()
    )


@st.cache_data(show_spinner=False)
def table_csv(version: str, name: str) -> bytes:
    """Return a whole public table as CSV bytes."""
    return export.csv_bytes(table(version, name))


@st.cache_resource(show_spinner=False, max_entries=1)
def parquet_zip(version: str) -> bytes:
    """Return every public table as Parquet in one zip, with the build's metadata."""
    return export.parquet_zip({name: table(version, name) for name in db.PUBLIC_TABLES}, meta(version))


@st.cache_resource(show_spinner=False, max_entries=1)
def database_file(version: str) -> bytes:
    """Return the bytes of the DuckDB file being served (the page stops with a message if it is gone)."""
    path = database().startup.path
    try:
        return path.read_bytes() if path else stop_unavailable("")
    except OSError as exc:
        stop_unavailable(type(exc).__name__)


# Scenarios: the frozen, hashable Levers are the cache keys (st.cache_data hashes a dataclass by its fields).
@st.cache_data(show_spinner=False, max_entries=256)
def projection(version: str, levers: model.Levers, draws: int, seed: int) -> pd.DataFrame:
    """Return the Monte Carlo projection of one lever setting (p10/p50/p90 per year and indicator)."""
    return model.project(levers, parameters(version), draws=draws, seed=seed)


@st.cache_data(show_spinner=False, max_entries=256)
def projection_delta(version: str, levers: model.Levers, draws: int, seed: int) -> pd.DataFrame:
    """Return p10/p50/p90 of the paired difference scenario − paper's policy (same draws)."""
    return model.project_delta(levers, parameters(version), draws=draws, seed=seed)


@st.cache_data(show_spinner=False, max_entries=256)
def decomposition(version: str, levers: model.Levers) -> pd.DataFrame:
    """Return each lever group's Shapley contribution to the change from the paper's policy in the horizon year."""
    return model.decompose(levers, parameters(version), levers.horizon)


@st.cache_data(show_spinner=False, max_entries=256)
def scenario_warnings(version: str, levers: model.Levers) -> list[model.ScenarioWarning]:
    """Return the warnings of one lever setting (utilisation, power budget, subsidy past the evidence)."""
    return model.scenario_warnings(levers, parameters(version))


@st.cache_data(show_spinner=False, max_entries=256)
def scenario_outcomes(
    version: str, levers: model.Levers, baseline: model.Levers, draws: int, seed: int
) -> tuple[pd.DataFrame, dict[str, dict[str, float | str]]]:
    """Return the end-year scenario/baseline deltas and, per summary outcome, Shenzhen's odds against each peer."""
    results = projection(version, levers, draws, seed)
    deltas = scenarios.end_year_deltas(results, projection(version, baseline, draws, seed), levers.horizon)
    odds = {
        indicator: scenarios.odds_in(peer_odds(version, levers, indicator, draws, seed), levers.horizon)
        for indicator in scenarios.SUMMARY_PEER_INDICATORS
    }
    return deltas, odds


@st.cache_data(show_spinner=False, max_entries=64)
def scenario_downloads(
    version: str, levers: model.Levers, baseline: model.Levers, draws: int, seed: int, lang: str
) -> tuple[bytes, str]:
    """Return the (CSV, JSON) downloads of one lever setting, so a rerun that keeps the levers does not rebuild them."""
    results, base = projection(version, levers, draws, seed), projection(version, baseline, draws, seed)
    paired = projection_delta(version, levers, draws, seed)
    frame = scenarios.export_frame(results, base, paired, levers, version, outcomes(version).set_index("code"), lang)
    return (
        export.csv_bytes(frame),
        scenarios.export_json(results, base, levers, parameters(version), version, draws, seed),
    )


@st.cache_data(show_spinner=False, max_entries=256)
def tornado(version: str, levers: model.Levers, indicator: str, year: int) -> pd.DataFrame:
    """Return each parameter's low/high effect on one outcome in one year."""
    return model.tornado(levers, parameters(version), indicator, year)


@st.cache_data(show_spinner=False, max_entries=256)
def tornado_change(version: str, levers: model.Levers, indicator: str, year: int) -> pd.DataFrame:
    """Return each parameter's low/high effect on the change of one outcome from the paper's policy in one year."""
    base = scenarios.paper_levers(levers.horizon)
    return scenarios.sensitivity_of_change(
        tornado(version, levers, indicator, year), tornado(version, base, indicator, year)
    )


@st.cache_resource(show_spinner=False, max_entries=256)
def scenario_results(
    version: str, levers: model.Levers, outcome: str, compare: model.Levers | None, compare_name: str, lang: str
) -> scenario_view.Results:
    """Return what the Scenarios page shows for one lever setting, outcome, scenario B and language (views built
    once per state: a slider moved back and forth, or a second reader of the same link, rebuilds nothing).

    One shared object, not a copy per call (cache_data unpickles every frame and spec on every hit): the page
    only reads it, and Streamlit copies a chart's spec before it takes the data out."""
    base_levers = scenarios.paper_levers(levers.horizon)
    deltas, odds = scenario_outcomes(version, levers, base_levers, scenarios.DRAWS, scenarios.SEED)
    runs = {
        "scenario": projection(version, levers, scenarios.DRAWS, scenarios.SEED),
        "base": projection(version, base_levers, scenarios.DRAWS, scenarios.SEED),
        "paired": projection_delta(version, levers, scenarios.DRAWS, scenarios.SEED),
        "deltas": deltas,
        "peers": peer_paths(version, levers.horizon),
    }
    b_run = None if compare is None else (compare_name, projection(version, compare, scenarios.DRAWS, scenarios.SEED))
    return scenario_view.results(
        levers=levers,
        outcome=outcome,
        runs=runs,
        odds=odds,
        peer_odds=peer_odds(version, levers, outcome, scenarios.DRAWS, scenarios.SEED),
        parts=decomposition(version, levers),
        sensitivities={
            "tornado": tornado(version, levers, outcome, levers.horizon),
            "tornado_change": tornado_change(version, levers, outcome, levers.horizon),
        },
        compare=b_run,
        figures=figures(version),
        params=parameters(version),
        outcomes=outcomes(version).set_index("code"),
        lang=lang,
    )


@st.cache_data(show_spinner=False)
def lever_groups(version: str, lang: str) -> list[tuple[str, list[scenario_view.Slider]]]:
    """Return the Scenarios page's lever groups (headings and sliders) in one language, built once per data version."""
    return scenario_view.lever_groups(figures(version), parameters(version), lang)


@st.cache_data(show_spinner=False)
def outcome_labels(version: str, lang: str) -> dict[str, str]:
    """Return every model outcome's name in one language, by code (the Scenarios outcome choice's labels)."""
    table = outcomes(version).set_index("code")
    return {code: scenario_view.indicator_label(code, table, lang) for code in model.INDICATORS}


@st.cache_data(show_spinner=False)
def peer_paths(version: str, horizon: int) -> pd.DataFrame:
    """Return Beijing/Shanghai observations and their own-trend projections (p10, p50, p90) to `horizon`."""
    return model.peer_paths(
        benchmarks(version), horizon, scenarios.PEER_INDICATORS, draws=scenarios.DRAWS, seed=scenarios.SEED
    )


@st.cache_data(show_spinner=False)
def hindcast_rows(version: str) -> pd.DataFrame:
    """Return the city series the hindcast reads."""
    return _read(explorer_hindcast.series_rows)


@st.cache_data(show_spinner=False)
def hindcast(version: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the hindcast's forecasts, scores and series not scored (fit up to 2020, 2021–2024 scored)."""
    return explorer_hindcast.run(hindcast_rows(version))


@st.cache_data(show_spinner=False, max_entries=256)
def peer_odds(version: str, levers: model.Levers, indicator: str, draws: int, seed: int) -> pd.DataFrame:
    """Return per peer and year the probability that Shenzhen's `indicator` is at or above the peer's (paired draws)."""
    years, shenzhen = model.project_draws(levers, parameters(version), indicator, draws=draws, seed=seed)
    by_city = peer_city_draws(version, indicator, tuple(int(year) for year in years), draws, seed)
    return model.odds_from_draws(years, shenzhen, by_city)


@st.cache_resource(show_spinner=False, max_entries=64)
def peer_city_draws(
    version: str, indicator: str, years: tuple[int, ...], draws: int, seed: int
) -> dict[str, np.ndarray | str]:
    """Return each peer's draws of `indicator` over `years` (read-only arrays): they do not move with the levers,
    so a lever move reuses them instead of refitting the peers' trends (shared, not copied, across sessions)."""
    by_city = model.peer_city_draws(
        benchmarks(version), indicator, scenarios.MODEL_GROUPS.get(indicator), years, draws=draws, seed=seed
    )
    for peer in by_city.values():
        if isinstance(peer, np.ndarray):
            peer.flags.writeable = False
    return by_city


# Targets tracker
@st.cache_data(show_spinner=False)
def target_status(version: str) -> pd.DataFrame:
    """Return every sourced status of a paper target, oldest first per target."""
    return _read(db.target_status)
