"""Scenario model of Shenzhen's digital economy: policy levers in, illustrative yearly paths out.

The paths are illustrative scenarios, not forecasts. Every number the model reads is a row of
`data/parameters.csv` (low / central / high, with source and grade, or labelled `assumption`).
The package has one job per module: `levers` (levers, URL parsing, the paper's baseline and the
presets), `parameters` (the parameter sheet and its checks), `simulation` (the channels,
`project`, `project_draws`, `project_central`, `tornado`), `trend` (a city's trend from its own
series), `peers` (Beijing / Shanghai through the same trend, and the odds Shenzhen is at or above
them), `backtest` (the hindcast: fit up to 2020, score 2021–2024 against a random walk with drift)
and `equations` (the equations, written once, with the modelling notes and limits). The model is
pure: numpy, pandas and `explorer.vocab` only.
"""

from explorer.model.levers import PRESETS, Levers, baseline
from explorer.model.parameters import (
    GRADES,
    PARAMETER_COLUMNS,
    PARAMETER_DOMAINS,
    PARAMETER_IDS,
    parameter_table,
    used_parameters,
)
from explorer.model.peers import PEER_COLUMNS, PEER_STATUSES, at_or_above, peer_draws, peer_odds, peer_paths, peer_trend
from explorer.model.simulation import (
    BASE_YEAR,
    CALIBRATION_YEAR,
    HOURS_PER_YEAR,
    INDICATORS,
    QUANTILES,
    SHARE_INDICATORS,
    project,
    project_central,
    project_draws,
    tornado,
)
from explorer.model.trend import TrendFit, fit_trend, trend_paths

__all__ = [
    "BASE_YEAR",
    "CALIBRATION_YEAR",
    "GRADES",
    "HOURS_PER_YEAR",
    "INDICATORS",
    "PARAMETER_COLUMNS",
    "PARAMETER_DOMAINS",
    "PARAMETER_IDS",
    "PEER_COLUMNS",
    "PEER_STATUSES",
    "PRESETS",
    "QUANTILES",
    "SHARE_INDICATORS",
    "Levers",
    "TrendFit",
    "at_or_above",
    "baseline",
    "fit_trend",
    "parameter_table",
    "peer_draws",
    "peer_odds",
    "peer_paths",
    "peer_trend",
    "project",
    "project_central",
    "project_draws",
    "tornado",
    "trend_paths",
    "used_parameters",
]
