"""Scenario model of Shenzhen's digital economy: policy levers in, illustrative yearly paths out.

The paths are illustrative scenarios, not forecasts. Every number the model reads is a row of
`data/parameters.csv` (low / central / high, with source and grade, or labelled `assumption`).
The package has one job per module: `levers` (levers, URL parsing, the paper's baseline and the
presets), `parameters` (the parameter sheet, its checks and the correlated draws), `channels`
(data centres, Xinchuang, talent), `simulation` (baseline GDP, `project`, `project_delta`,
`project_draws`, `project_central`, `tornado`), `attribution` (why it moved: Shapley
contributions of the lever groups), `plausibility` (warnings), `trend` (a city's trend from its
own series), `peers` (Beijing / Shanghai through the same trend, and the odds Shenzhen is at or
above them), `backtest` (the hindcast: fit up to 2020, score 2021–2024 against a random walk with
drift) and `equations` (the equations, written once, with the modelling notes and limits). The
model is pure: numpy, pandas and `explorer.vocab` only.
"""

from explorer.model.attribution import LEVER_GROUPS, decompose
from explorer.model.levers import PRESETS, Levers, baseline
from explorer.model.parameters import (
    GRADES,
    PARAMETER_COLUMNS,
    PARAMETER_DOMAINS,
    PARAMETER_IDS,
    parameter_table,
    used_parameters,
)
from explorer.model.peers import (
    PEER_COLUMNS,
    PEER_STATUSES,
    at_or_above,
    odds_from_draws,
    peer_city_draws,
    peer_draws,
    peer_odds,
    peer_paths,
    peer_trend,
)
from explorer.model.plausibility import WARNING_CODES, ScenarioWarning, scenario_warnings
from explorer.model.simulation import (
    BASE_YEAR,
    INDICATORS,
    QUANTILES,
    SHARE_INDICATORS,
    WHOLE_INDICATORS,
    central_paths,
    gdp_baseline,
    project,
    project_central,
    project_delta,
    project_draws,
    tornado,
)
from explorer.model.trend import TrendFit, fit_trend, trend_paths

__all__ = [
    "BASE_YEAR",
    "GRADES",
    "INDICATORS",
    "LEVER_GROUPS",
    "PARAMETER_COLUMNS",
    "PARAMETER_DOMAINS",
    "PARAMETER_IDS",
    "PEER_COLUMNS",
    "PEER_STATUSES",
    "PRESETS",
    "QUANTILES",
    "SHARE_INDICATORS",
    "WARNING_CODES",
    "WHOLE_INDICATORS",
    "Levers",
    "ScenarioWarning",
    "TrendFit",
    "at_or_above",
    "baseline",
    "central_paths",
    "decompose",
    "fit_trend",
    "gdp_baseline",
    "odds_from_draws",
    "parameter_table",
    "peer_city_draws",
    "peer_draws",
    "peer_odds",
    "peer_paths",
    "peer_trend",
    "project",
    "project_central",
    "project_delta",
    "project_draws",
    "scenario_warnings",
    "tornado",
    "trend_paths",
    "used_parameters",
]
