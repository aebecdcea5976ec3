"""The Scenarios page's caches: model runs and the page's results, keyed on the data version and the frozen Levers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from explorer import model
from explorer.core import vocab
from explorer.core.i18n import t
from explorer.data import export, loaders
from explorer.features import pieces
from explorer.features.scenarios import brief as scenario_brief_text
from explorer.features.scenarios import digital as digital_view
from explorer.features.scenarios import downloads
from explorer.features.scenarios import growth as growth_view
from explorer.features.scenarios import peers as peer_view
from explorer.features.scenarios import results as scenarios
from explorer.features.scenarios import view as scenario_view
from explorer.model import comparison, digital, panel
from explorer.model.peers import observed_series


# Scenarios: the frozen, hashable Levers are the cache keys (st.cache_data hashes a dataclass by its fields).
# `growth` (Shenzhen's GDP baseline, `comparison.GROWTHS`, a str) is part of the keys: pass it positionally everywhere,
# since st.cache keys the arguments as given and a call that leaves the default out makes a second entry.
@st.cache_resource(show_spinner=False, max_entries=256)
def projection(
    version: str, levers: model.Levers, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> pd.DataFrame:
    """Return the Monte Carlo projection of one lever setting (p10/p50/p90 per year and indicator).

    GDP is the three-city panel's Shenzhen path times the levers' effect (`panel_run`); the other
    outcomes are the simulation's. `growth` is Shenzhen's GDP baseline (`comparison.GROWTHS`).
    """
    run = panel_run(version, levers, draws, seed, growth)
    frame = model.project(
        levers, loaders.parameters(version), draws=draws, seed=seed, shocks=gdp_path(version, draws, seed, growth)
    )
    return comparison.with_quantiles(frame, panel.INDICATOR, run.years, run.scenario)


@st.cache_data(show_spinner=False, max_entries=256)
def projection_delta(
    version: str, levers: model.Levers, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> pd.DataFrame:
    """Return p10/p50/p90 of the paired difference scenario − paper's policy (same draws; GDP: the panel's)."""
    run = panel_run(version, levers, draws, seed, growth)
    params, path = loaders.parameters(version), gdp_path(version, draws, seed, growth)
    frame = model.project_delta(levers, params, draws=draws, seed=seed, shocks=path)
    return comparison.with_quantiles(frame, panel.INDICATOR, run.years, run.scenario - run.base)


@st.cache_resource(show_spinner=False, max_entries=16)
def gdp_path(version: str, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH) -> model.GdpPath:
    """Return Shenzhen's panel GDP path by calendar year (published levels, then `panel_run`'s draws, on the chosen
    baseline `growth`), which the simulation's other outcomes run on, so their bands and GDP's come from the same
    draws (read-only arrays)."""
    rows = loaders.benchmarks(version)
    observed = observed_series(rows, vocab.SUBJECT_CITY, panel.INDICATOR, panel.GROUP).set_index("year")["value"]
    drift = _drift(version, growth, draws)
    path = comparison.simulation_gdp(gdp_panel(version), observed.to_dict(), draws=draws, seed=seed, drift=drift)
    path.levels.flags.writeable = path.shocks.flags.writeable = False
    return path


def _drift(version: str, growth: str, draws: int) -> dict[str, np.ndarray] | None:
    """Return Shenzhen's chosen GDP baseline as `paths`' drift (`comparison.baseline_drift`, anchored on the panel)."""
    rows, fit = loaders.benchmarks(version), gdp_panel(version)
    origin = fit.cities[vocab.SUBJECT_CITY].anchor_year
    return comparison.baseline_drift(growth, loaders.parameters(version), rows=rows, origin=origin, draws=draws)


@st.cache_data(show_spinner=False)
def gdp_panel(version: str) -> panel.PanelFit:
    """Return the three-city GDP panel fitted on the benchmark rows."""
    return panel.fit_rows(loaders.benchmarks(version))


@st.cache_data(show_spinner=False)
def baselines(version: str, lang: str) -> tuple[tuple[str, ...], growth_view.Rates]:
    """Return Shenzhen's GDP baselines on offer (`comparison.growths`) and their rates, printed in `lang`."""
    rows, fit = loaders.benchmarks(version), gdp_panel(version)
    return comparison.growths(rows, fit), growth_view.rates(fit, loaders.parameters(version), lang, rows)


def lever_start(version: str) -> int:
    """Return the year the levers start acting in every outcome: Shenzhen's first unpublished year
    (`comparison.lever_start` of the panel), for the runs that do not go through its GDP path (central, tornado)."""
    return comparison.lever_start(gdp_panel(version))


@st.cache_data(show_spinner=False, max_entries=256)
def panel_run(
    version: str, levers: model.Levers, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> comparison.Scenario:
    """Return Shenzhen's panel GDP path with and without the levers, and the peers' paths, from the base year.

    `growth` is Shenzhen's GDP baseline: the panel's path, or the sheet's assumed growth (`comparison.GROWTHS`)."""
    rows, params = loaders.benchmarks(version), loaders.parameters(version)
    observed = observed_series(rows, vocab.SUBJECT_CITY, panel.INDICATOR, panel.GROUP).set_index("year")["value"]
    years = np.arange(model.BASE_YEAR, levers.horizon + 1)
    drift = _drift(version, growth, draws)
    path = gdp_path(version, draws, seed, growth)
    return comparison.scenario(
        gdp_panel(version), levers, params, years, observed.to_dict(), draws=draws, seed=seed, drift=drift, path=path
    )


@st.cache_data(show_spinner=False)
def sector_i_bases(version: str) -> dict[str, digital.Base]:
    """Return each city's section-I base figure (latest year with its GDP); a city without one is absent."""
    return digital.bases(loaders.benchmarks(version))


@st.cache_data(show_spinner=False, max_entries=256)
def sector_i_run(
    version: str, levers: model.Levers, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> comparison.Scenario | None:
    """Return section I of Shenzhen (without and with the levers) and of the peers, through the GDP panel's draws."""
    found = sector_i_bases(version)
    if not found:
        return None
    rows = loaders.benchmarks(version)
    years = np.arange(min(base.year for base in found.values()), levers.horizon + 1)
    params = loaders.parameters(version)
    drift = _drift(version, growth, draws)
    return digital.scenario(
        gdp_panel(version), found, digital.observed_gdp(rows), levers, params, years,
        draws=draws, seed=seed, drift=drift,
    )  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=256)
def sector_i_block(
    version: str, levers: model.Levers, lang: str, growth: str = comparison.PANEL_GROWTH
) -> digital_view.Digital:
    """Return the Scenarios page's section-I block for one lever setting, language and Shenzhen's GDP baseline."""
    return digital_view.block(
        sector_i_run(version, levers, scenarios.DRAWS, scenarios.SEED, growth),
        sector_i_bases(version),
        loaders.benchmarks(version),
        levers.horizon,
        digital_view.Tables(
            loaders.indicators(version).set_index("code"),
            loaders.outcomes(version).set_index("code"),
            loaders.parameters(version),
        ),
        lang,
    )


@st.cache_data(show_spinner=False, max_entries=256)
def simulated_decomposition(
    version: str, levers: model.Levers, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> pd.DataFrame:
    """Return every outcome's lever-group Shapley contributions from the simulation alone: one set of subset runs
    per lever setting, shared by every outcome the reader picks (GDP's card comes from the panel: `decomposition`)."""
    params, path = loaders.parameters(version), gdp_path(version, draws, seed, growth)
    return model.decompose(levers, params, levers.horizon, draws=draws, seed=seed, shocks=path)


@st.cache_data(show_spinner=False, max_entries=256)
def decomposition(
    version: str, levers: model.Levers, outcome: str, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> pd.DataFrame:
    """Return one outcome's lever-group Shapley contributions to its median paired change in the horizon year, the
    change on its card (GDP's through the panel, as `projection_delta`: run only when GDP is the one asked for)."""
    if outcome == panel.INDICATOR:
        params = loaders.parameters(version)
        run = panel_run(version, levers, draws, seed, growth)
        worth = {
            outcome: lambda settings: comparison.effect_medians(
                run, settings, params, levers.horizon, draws=draws, seed=seed
            )
        }
        frame = model.decompose(levers, params, levers.horizon, draws=draws, seed=seed, worth=worth)
    else:
        frame = simulated_decomposition(version, levers, draws, seed, growth)
    return frame[frame["indicator"] == outcome].reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=256)
def scenario_warnings(version: str, levers: model.Levers) -> list[model.ScenarioWarning]:
    """Return the warnings of one lever setting (utilisation, power budget, subsidy past the evidence)."""
    return model.scenario_warnings(levers, loaders.parameters(version), lever_start(version))


@st.cache_data(show_spinner=False, max_entries=256)
def scenario_outcomes(
    version: str,
    levers: model.Levers,
    baseline: model.Levers,
    draws: int,
    seed: int,
    growth: str = comparison.PANEL_GROWTH,
) -> tuple[pd.DataFrame, dict[str, dict[str, float | str]]]:
    """Return the end-year medians and paired change against the baseline and, per summary outcome, Shenzhen's odds
    against each peer."""
    results, paired = (
        projection(version, levers, draws, seed, growth),
        projection_delta(version, levers, draws, seed, growth),
    )
    base = projection(version, baseline, draws, seed, growth)
    deltas = scenarios.end_year_deltas(results, base, paired, levers.horizon)
    odds = {
        indicator: scenarios.odds_in(peer_odds(version, levers, indicator, draws, seed, growth), levers.horizon)
        for indicator in scenarios.SUMMARY_PEER_OUTCOMES
    }
    return deltas, odds


@st.cache_data(show_spinner=False, max_entries=256)
def peer_gaps(
    version: str, levers: model.Levers, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> dict[str, pd.DataFrame]:
    """Return per peer the GDP panel's gap table (`comparison.gaps`: the paper's gap, the levers' effect, …) with
    the gap under these levers as level_p10/p50/p90 (same draws)."""
    return downloads.gap_tables(panel_run(version, levers, draws, seed, growth))


def _export_run(version: str, levers: model.Levers, draws: int, seed: int, growth: str) -> downloads.Run:
    """Return one lever setting's numbers for the downloads, from the page's cached runs (section I's from the run
    its tab draws, when Shenzhen has a section-I figure)."""
    results = projection(version, levers, draws, seed, growth)
    change = projection_delta(version, levers, draws, seed, growth)
    odds = {code: peer_odds(version, levers, code, draws, seed, growth) for code in scenarios.PEER_OUTCOMES}
    gaps = {panel.INDICATOR: peer_gaps(version, levers, draws, seed, growth)}
    sector_i = sector_i_run(version, levers, draws, seed, growth)
    if sector_i is not None:
        level, paired = downloads.section_i_rows(sector_i)
        results, change = pd.concat([results, level], ignore_index=True), pd.concat([change, paired], ignore_index=True)
        odds[downloads.SECTOR_I] = comparison.odds(sector_i)
        gaps[downloads.SECTOR_I] = downloads.gap_tables(sector_i)
    return downloads.Run(levers=levers, results=results, change=change, odds=odds, gaps=gaps)


@st.cache_data(show_spinner=False, max_entries=64)
def scenario_downloads(
    version: str,
    levers: model.Levers,
    compare: model.Levers | None,
    draws: int,
    seed: int,
    lang: str,
    growth: str = comparison.PANEL_GROWTH,
) -> tuple[bytes, str]:
    """Return the (CSV, JSON) downloads of one lever setting and scenario B (GDP's and the section-I tab's odds and
    gaps with the rest), so a rerun that keeps them does not rebuild them."""
    base_levers = scenarios.paper_levers(levers.horizon)
    runs = {"scenario": levers, "baseline": base_levers, **({"b": compare} if compare is not None else {})}
    built = {side: (setting, _export_run(version, setting, draws, seed, growth)) for side, setting in runs.items()}
    b_run = built["b"][1] if compare is not None else None
    outcomes = downloads.named_rows(
        loaders.outcomes(version).set_index("code"), loaders.indicators(version).set_index("code")
    )
    units, params = loaders.units(version).set_index("code"), loaders.parameters(version)
    rows = downloads.export_rows(built["scenario"][1], built["baseline"][1], b_run, outcomes)
    frame = downloads.export_frame(rows, levers, compare, outcomes, units, params, version, lang, growth=growth)
    text = downloads.export_json(
        rows, built, outcomes, units, params, version=version, draws=draws, seed=seed, lang=lang, growth=growth
    )
    return export.csv_bytes(frame), text


@st.cache_data(show_spinner=False, max_entries=64)
def scenario_brief(
    version: str,
    levers: model.Levers,
    outcome: str,
    compare: model.Levers | None,
    compare_name: str,
    link: str,
    lang: str,
    growth: str = comparison.PANEL_GROWTH,
) -> str:
    """Return the one-page brief (Markdown) of what the page shows for these levers, scenario B and baseline."""
    shown = scenario_results(version, levers, outcome, compare, compare_name, lang, growth)
    change = tornado_change(version, levers, "core_va", levers.horizon)
    level = tornado(version, levers, "core_va", levers.horizon)
    outcomes = loaders.outcomes(version).set_index("code")

    def against_peers(setting: model.Levers) -> tuple[str, ...]:
        odds = peer_odds(version, setting, panel.INDICATOR, scenarios.DRAWS, scenarios.SEED, growth)
        gaps = peer_gaps(version, setting, scenarios.DRAWS, scenarios.SEED, growth)
        return scenario_view.odds_lines(odds, levers.horizon, lang) + peer_view.gap_lines(
            gaps, levers.horizon, outcomes, lang, of_b=setting is compare
        )

    return scenario_brief_text.brief_markdown(
        link=link,
        version=version,
        levers=levers,
        compare=compare,
        summary=shown.summary,
        cards=[*shown.shown_headline, *shown.shown_costs],
        peers=against_peers(levers),
        b_peers=() if compare is None else against_peers(compare),
        why=shown.why,
        sensitivity=change if change["swing"].gt(1e-9).any() else level,
        params=loaders.parameters(version),
        lang=lang,
        growth=growth,
        digital=None if shown.digital is None else (shown.digital.title, shown.digital.lines),
    )


@st.cache_data(show_spinner=False, max_entries=256)
def tornado(version: str, levers: model.Levers, indicator: str, year: int) -> pd.DataFrame:
    """Return each parameter's low/high effect on one outcome in one year."""
    return model.tornado(levers, loaders.parameters(version), indicator, year, lever_start(version))


@st.cache_data(show_spinner=False, max_entries=256)
def tornado_change(version: str, levers: model.Levers, indicator: str, year: int) -> pd.DataFrame:
    """Return each parameter's low/high effect on the change of one outcome from the paper's policy in one year."""
    base = scenarios.paper_levers(levers.horizon)
    return scenarios.sensitivity_of_change(
        tornado(version, levers, indicator, year), tornado(version, base, indicator, year)
    )


@st.cache_resource(show_spinner=False, max_entries=256)
def scenario_results(
    version: str,
    levers: model.Levers,
    outcome: str,
    compare: model.Levers | None,
    compare_name: str,
    lang: str,
    growth: str = comparison.PANEL_GROWTH,
) -> scenario_view.Results:
    """Return what the Scenarios page shows for one lever setting, outcome, scenario B and language (views built
    once per state: a slider moved back and forth, or a second reader of the same link, rebuilds nothing).

    One shared object, not a copy per call (cache_data unpickles every frame and spec on every hit): the page
    only reads it, and Streamlit copies a chart's spec before it takes the data out."""
    base_levers = scenarios.paper_levers(levers.horizon)
    deltas, odds = scenario_outcomes(version, levers, base_levers, scenarios.DRAWS, scenarios.SEED, growth)
    runs = {
        "scenario": projection(version, levers, scenarios.DRAWS, scenarios.SEED, growth),
        "base": projection(version, base_levers, scenarios.DRAWS, scenarios.SEED, growth),
        "deltas": deltas,
        "peers": peer_paths(version, levers.horizon),
        "change": projection_delta(version, levers, scenarios.DRAWS, scenarios.SEED, growth),
    }
    b_run = None
    if compare is not None:  # B's projection, and its paired change from the paper's policy (its line on the cards)
        b_run = (
            compare_name,
            projection(version, compare, scenarios.DRAWS, scenarios.SEED, growth),
            projection_delta(version, compare, scenarios.DRAWS, scenarios.SEED, growth),
        )
    return scenario_view.results(
        levers=levers,
        outcome=outcome,
        runs=runs,
        odds=odds,
        peer_odds=peer_odds(version, levers, outcome, scenarios.DRAWS, scenarios.SEED, growth),
        gaps=comparison.gaps(panel_run(version, levers, scenarios.DRAWS, scenarios.SEED, growth))
        if outcome == panel.INDICATOR
        else None,
        parts=decomposition(version, levers, outcome, scenarios.DRAWS, scenarios.SEED, growth),
        sensitivities={
            "tornado": tornado(version, levers, outcome, levers.horizon),
            "tornado_change": tornado_change(version, levers, outcome, levers.horizon),
        },
        compare=b_run,
        figures=loaders.figures(version),
        params=loaders.parameters(version),
        outcomes=loaders.outcomes(version).set_index("code"),
        lang=lang,
        digital=sector_i_block(version, levers, lang, growth),
        growth=growth,
        start=lever_start(version),
    )


@st.cache_data(show_spinner=False)
def peer_paths(version: str, horizon: int) -> pd.DataFrame:
    """Return Beijing/Shanghai observations and their own-trend projections (p10, p50, p90) to `horizon`."""
    frame = model.peer_paths(
        loaders.benchmarks(version), horizon, scenarios.PEER_OUTCOMES, draws=scenarios.DRAWS, seed=scenarios.SEED
    )
    own_trend = (
        (frame["indicator"] == panel.INDICATOR)
        & (frame["comparability_group"] == panel.GROUP)
        & frame["basis"].str.startswith("extrapolated")
    )
    panel_rows = comparison.peer_paths(gdp_panel(version), horizon, draws=scenarios.DRAWS, seed=scenarios.SEED)
    return pd.concat([frame[~own_trend], panel_rows], ignore_index=True)


@st.cache_data(show_spinner=False, max_entries=256)
def peer_odds(
    version: str, levers: model.Levers, indicator: str, draws: int, seed: int, growth: str = comparison.PANEL_GROWTH
) -> pd.DataFrame:
    """Return per peer and year the probability that Shenzhen's `indicator` is at or above the peer's (paired draws).

    GDP goes through the three-city panel (correlated shocks; Shenzhen on the `growth` baseline); other outcomes
    through each peer's own trend.
    """
    group = scenarios.MODEL_GROUPS.get(indicator)
    if indicator == panel.INDICATOR and group == panel.GROUP:
        return comparison.odds(panel_run(version, levers, draws, seed, growth))
    path = gdp_path(version, draws, seed, growth)
    years, shenzhen = model.project_draws(
        levers, loaders.parameters(version), indicator, draws=draws, seed=seed, shocks=path
    )
    by_city = peer_city_draws(version, indicator, tuple(int(year) for year in years), draws, seed)
    return model.odds_from_draws(years, shenzhen, by_city)


@st.cache_resource(show_spinner=False, max_entries=64)
def peer_city_draws(
    version: str, indicator: str, years: tuple[int, ...], draws: int, seed: int
) -> dict[str, np.ndarray | str]:
    """Return each peer's draws of `indicator` over `years` (read-only arrays): they do not move with the levers,
    so a lever move reuses them instead of refitting the peers' trends (shared, not copied, across sessions)."""
    by_city = model.peer_city_draws(
        loaders.benchmarks(version), indicator, scenarios.MODEL_GROUPS.get(indicator), years, draws=draws, seed=seed
    )
    for peer in by_city.values():
        if isinstance(peer, np.ndarray):
            peer.flags.writeable = False
    return by_city


@st.cache_data(show_spinner=False)
def lever_groups(version: str, lang: str) -> list[tuple[str, list[scenario_view.Slider]]]:
    """Return the Scenarios page's lever groups (headings and sliders) in one language, built once per data version."""
    return scenario_view.lever_groups(loaders.figures(version), loaders.parameters(version), lang)


@st.cache_data(show_spinner=False)
def outcome_labels(version: str, lang: str) -> dict[str, str]:
    """Return every model outcome's name in one language, by code (the Scenarios outcome choice's labels)."""
    table = loaders.outcomes(version).set_index("code")
    return {code: scenario_view.indicator_label(code, table, lang) for code in model.OUTCOMES}


@st.cache_data(show_spinner=False, max_entries=64)
def spillover_belief(version: str, levers: model.Levers, lang: str) -> pieces.SpilloverChart | None:
    """Return what one would have to believe about the spillover for these levers, or None when their data-centre
    levers are the paper's (no spillover to believe in)."""
    paper = scenarios.paper_levers(levers.horizon)
    if all(getattr(levers, name) == getattr(paper, name) for name in model.LEVER_GROUPS["dc"]):
        return None
    units = loaders.units(version).set_index("code")
    return pieces.spillover_belief(
        levers, t("scenarios.series.scenario", lang), loaders.parameters(version), units, lang, lever_start(version)
    )
