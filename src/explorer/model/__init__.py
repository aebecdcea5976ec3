"""Scenario model of Shenzhen's digital economy: policy levers in, illustrative yearly paths out.

The paths are illustrative scenarios, not forecasts. Every number the model reads is a row of
`data/parameters.csv` (low / central / high, with source and grade, or labelled `assumption`).
The package has one job per module: `levers` (levers, URL parsing, the paper's baseline and the
presets), `parameters` (the parameter sheet read from the params frame, and the correlated draws), `channels`
(data centres, Xinchuang, talent), `simulation` (baseline GDP, `project`, `project_delta`,
`project_draws`, `project_central`, `tornado`), `attribution` (why it moved: Shapley
contributions of the lever groups), `plausibility` (warnings), `trend` (a city's trend from its
own series), `peers` (Beijing / Shanghai through the same trend, and the odds Shenzhen is at or
above them), `panel` (the three cities' GDP in one panel: common and city drifts and shocks),
`comparison` (Shenzhen against its peers through the panel: the levers' effect, the gap and what
it would take), `validation` (rolling-origin scores of the panel against a random walk),
`hindcast` (the level hindcast: fit up to 2020, score 2021–2024 against a random walk with drift)
and `equations` (the equations, written once, with the modelling notes and limits). The model is
pure: numpy, pandas and `explorer.core.vocab` only.
"""

from explorer.model.attribution import decompose
from explorer.model.levers import BY_NAME, LEVER_GROUPS, LEVER_NAMES, LEVERS, PRESETS, Levers, LeverSpec, baseline
from explorer.model.parameters import GRADES, PARAMETER_COLUMNS, parameter_symbols, parameter_table
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
from explorer.model.plausibility import WARNING_CODES, ScenarioWarning, scenario_warnings, used_parameters
from explorer.model.simulation import (
    BASE_YEAR,
    OUTCOMES,
    QUANTILES,
    SHARE_OUTCOMES,
    SIGNED_OUTCOMES,
    WHOLE_OUTCOMES,
    GdpPath,
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
    "OUTCOMES",
    "BY_NAME",
    "LEVERS",
    "LEVER_GROUPS",
    "LEVER_NAMES",
    "PARAMETER_COLUMNS",
    "PEER_COLUMNS",
    "PEER_STATUSES",
    "PRESETS",
    "QUANTILES",
    "SHARE_OUTCOMES",
    "SIGNED_OUTCOMES",
    "WARNING_CODES",
    "WHOLE_OUTCOMES",
    "GdpPath",
    "LeverSpec",
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
    "parameter_symbols",
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
