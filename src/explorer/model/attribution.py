"""Why it moved: each lever group's contribution to a scenario's change from the paper's policy (Shapley values).

Method: the levers fall into the registry's n = 4 groups (data centres, Xinchuang, the national
Xinchuang market (a scenario) and talent). For each of the 2ⁿ = 16 combinations, the levers of the
groups in the combination take the scenario's values and the others the paper's; every
combination is run with central parameters and no shocks. A group's contribution is its Shapley
value: the average, over the n! = 24 orders in which the groups can be switched on, of the change
when it is switched on. The contributions add up exactly to scenario − baseline (interactions
are shared equally), whatever the order.
"""

from __future__ import annotations

import itertools
import math
import numbers
from dataclasses import replace

import numpy as np
import pandas as pd

from explorer.model.levers import LEVER_GROUPS, Levers, baseline
from explorer.model.simulation import BASE_YEAR, OUTCOMES, central_paths


def _mixed(levers: Levers, groups: frozenset[str]) -> Levers:
    """Return the paper's levers with the groups in `groups` set to the scenario's values."""
    changes = {name: getattr(levers, name) for group in groups for name in LEVER_GROUPS[group]}
    return replace(baseline(), horizon=levers.horizon, **changes)


def decompose(levers: Levers, params: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return per indicator and lever group the Shapley contribution to scenario − baseline in `year`."""
    # Load inputs
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or not BASE_YEAR <= year <= levers.horizon:
        raise ValueError(f"year: expected {BASE_YEAR}..{levers.horizon}, got {year!r}")
    names = tuple(LEVER_GROUPS)
    column = int(year) - BASE_YEAR

    # Compute
    value: dict[frozenset[str], np.ndarray] = {}
    for size in range(len(names) + 1):
        for combo in itertools.combinations(names, size):
            paths = central_paths(_mixed(levers, frozenset(combo)), params)
            value[frozenset(combo)] = np.array([paths[code][column] for code in OUTCOMES])
    n = len(names)
    contributions = {}
    for group in names:
        others = [g for g in names if g != group]
        total = np.zeros(len(OUTCOMES))
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for combo in itertools.combinations(others, size):
                before = frozenset(combo)
                total += weight * (value[before | {group}] - value[before])
        contributions[group] = total
    change = value[frozenset(names)] - value[frozenset()]

    # Check
    if not np.allclose(sum(contributions.values()), change, rtol=1e-9, atol=1e-9):
        raise ValueError("contributions do not add up to the change")
    return pd.DataFrame(
        {
            "indicator": np.repeat(list(OUTCOMES), n),
            "group": np.tile(names, len(OUTCOMES)),
            "contribution": np.stack([contributions[g] for g in names], axis=1).ravel(),
            "total": np.repeat(change, n),
        }
    )
