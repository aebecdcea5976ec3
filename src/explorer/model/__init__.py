"""Scenario model of Shenzhen's digital economy: policy levers in, illustrative yearly paths out.

The paths are illustrative scenarios, not forecasts. Every number the model reads is a row of
`data/parameters.csv` (low / central / high, with source and grade, or labelled `assumption`).
The package has one job per module: `levers` (levers, URL parsing, the paper's baseline and the
presets), `parameters` (the parameter sheet and its checks), `simulation` (the channels,
`project`, `project_central`, `tornado`), `peers` (Beijing / Shanghai paths and crossing years)
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
from explorer.model.peers import PEER_COLUMNS, crossing_year, peer_growth, peer_paths
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
    "PARAMETER_COLUMNS",
    "PARAMETER_DOMAINS",
    "PARAMETER_IDS",
    "PEER_COLUMNS",
    "PRESETS",
    "QUANTILES",
    "SHARE_INDICATORS",
    "WHOLE_INDICATORS",
    "Levers",
    "baseline",
    "central_paths",
    "crossing_year",
    "gdp_baseline",
    "parameter_table",
    "peer_growth",
    "peer_paths",
    "project",
    "project_central",
    "project_delta",
    "tornado",
    "used_parameters",
]
