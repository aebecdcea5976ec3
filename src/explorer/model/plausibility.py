"""Warnings when a scenario leaves plausible ground, each naming the lever that takes it there (central run)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.model.levers import PRESETS, Levers, baseline
from explorer.model.parameters import CORRELATED
from explorer.model.simulation import BASE_YEAR, central_paths, parameters_read, start_year

MIN_UTILISATION = 40.0  # % — below the 41 % of China's least-used (south-west) region (tanpaifang.com, 2023)
# yuan a year: Shenzhen's new-PhD living allowance (100,000 yuan, eyeshenzhen.com, 2023), the largest offer found.
MAX_EVIDENCED_SUBSIDY = 100_000.0
# The power budget is no longer a warning: it limits approvals (channels.budget_capacity), so it cannot be exceeded.
WARNING_CODES = ("low_utilisation", "subsidy_evidence")


@dataclass(frozen=True)
class ScenarioWarning:
    """One implausible result: a code (translation key suffix), the lever, the first year and the values."""

    code: str
    lever: str
    year: int
    value: float
    limit: float


def _first_year(mask: np.ndarray) -> int | None:
    hits = np.flatnonzero(mask)
    return None if hits.size == 0 else BASE_YEAR + int(hits[0])


def scenario_warnings(levers: Levers, params: pd.DataFrame, start: int | None = None) -> list[ScenarioWarning]:
    """Return the warnings of a scenario at central parameters (empty when it stays on plausible ground), the levers
    acting from `start` (`simulation.start_year`)."""
    # Compute
    first = start_year(None, start)
    paths = central_paths(levers, params, first)
    found: list[ScenarioWarning] = []
    year = _first_year(paths["dc_utilisation"] < MIN_UTILISATION)
    if year is not None:
        value = float(paths["dc_utilisation"][year - BASE_YEAR])
        lever = "dc_util_gate" if levers.dc_util_gate == 0 else "dc_racks"
        found.append(ScenarioWarning("low_utilisation", lever, year, value, MIN_UTILISATION))
    if levers.talent_subsidy > MAX_EVIDENCED_SUBSIDY:
        found.append(ScenarioWarning("subsidy_evidence", "talent_subsidy", first, levers.talent_subsidy,
                             MAX_EVIDENCED_SUBSIDY))  # fmt: skip
    return found


def used_parameters(params: pd.DataFrame) -> frozenset[str]:
    """Return the parameter ids the model reads: recorded while it runs the paper's levers and every preset,
    plus the copula's. A row no code reads is not among them."""
    read = {pid for triple in CORRELATED for pid in triple}
    for levers in (baseline(), *PRESETS.values()):
        read |= parameters_read(levers, params)
    return frozenset(read)
