"""Scenario model of Shenzhen's digital economy: policy levers in, illustrative yearly paths out.

The paths are illustrative scenarios, not forecasts. Every number the model reads is a row of
`data/parameters.csv` (low / central / high, with source and grade, or labelled `assumption`).
The package has one job per module: `levers` (levers, URL parsing, the paper's baseline and the
presets), `parameters` (the parameter sheet, its checks and the correlated draws), `channels`
(data centres, Xinchuang, talent), `simulation` (baseline GDP, `project`, `project_delta`,
`project_central`, `tornado`), `attribution` (why it moved: Shapley contributions of the lever
groups), `plausibility` (warnings), `peers` (Beijing / Shanghai paths and crossing years) and
`equations` (the equations, written once, with the modelling notes and limits). The model is
pure: numpy, pandas and `explorer.vocab` only.
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
from explorer.model.peers import PEER_COLUMNS, crossing_year, peer_growth, peer_paths
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
    tornado,
)

__all__ = [
    "BASE_YEAR",
    "GRADES",
    "INDICATORS",
    "LEVER_GROUPS",
    "PARAMETER_COLUMNS",
    "PARAMETER_DOMAINS",
    "PARAMETER_IDS",
    "PEER_COLUMNS",
    "PRESETS",
    "QUANTILES",
    "SHARE_INDICATORS",
    "WARNING_CODES",
    "WHOLE_INDICATORS",
    "Levers",
    "ScenarioWarning",
    "baseline",
    "central_paths",
    "crossing_year",
    "decompose",
    "gdp_baseline",
    "parameter_table",
    "peer_growth",
    "peer_paths",
    "project",
    "project_central",
    "project_delta",
    "scenario_warnings",
    "tornado",
    "used_parameters",
]
