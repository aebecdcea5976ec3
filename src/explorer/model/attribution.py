"""Why it moved: each lever group's contribution to a scenario's change from the paper's policy (Shapley values).

Method: the levers fall into the registry's n = 4 groups (data centres, Xinchuang, the national
Xinchuang market (a scenario) and talent). For each of the 2ⁿ = 16 combinations, the levers of the
groups in the combination take the scenario's values and the others the paper's. The worth of a
combination is the change the page prints: the median, over the same draws and shocks as the
projection, of the paired difference from the paper's policy in the year. A group's contribution
is its Shapley value: the average, over the n! = 24 orders in which the groups can be switched on,
of the change in that median when it is switched on. The contributions add up exactly to the full
scenario's paired median, the number on the card (interactions, and what the median does across
draws, are shared equally), whatever the order.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from explorer.model.levers import LEVER_GROUPS, Levers, baseline
from explorer.model.simulation import BASE_YEAR, OUTCOMES, GdpPath, paired_medians


def _mixed(levers: Levers, groups: frozenset[str]) -> Levers:
    """Return the paper's levers with the groups in `groups` set to the scenario's values."""
    changes = {name: getattr(levers, name) for group in groups for name in LEVER_GROUPS[group]}
    return replace(baseline(), horizon=levers.horizon, **changes)


def combinations(levers: Levers) -> dict[frozenset[str], Levers]:
    """Return the 2ⁿ lever settings of the Shapley decomposition: per set of groups, those groups at `levers`."""
    names = tuple(LEVER_GROUPS)
    return {
        frozenset(combo): _mixed(levers, frozenset(combo))
        for size in range(len(names) + 1)
        for combo in itertools.combinations(names, size)
    }


def shapley(value: Mapping[frozenset[str], np.ndarray]) -> dict[str, np.ndarray]:
    """Return each lever group's Shapley value from the worth of every set of groups (arrays, one per outcome)."""
    names = tuple(LEVER_GROUPS)
    n = len(names)
    contributions = {}
    for group in names:
        others = [g for g in names if g != group]
        total = np.zeros_like(np.asarray(value[frozenset()], dtype=float))
        for size in range(n):
            weight = math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
            for combo in itertools.combinations(others, size):
                before = frozenset(combo)
                total = total + weight * (value[before | {group}] - value[before])
        contributions[group] = total
    change = value[frozenset(names)] - value[frozenset()]
    if not np.allclose(sum(contributions.values()), change, rtol=1e-9, atol=1e-9):
        raise ValueError("contributions do not add up to the change")
    return contributions


def decompose(
    levers: Levers,
    params: pd.DataFrame,
    year: int,
    *,
    draws: int = 1000,
    seed: int = 0,
    worth: Mapping[str, Callable[[Sequence[Levers]], np.ndarray]] | None = None,
    shocks: np.ndarray | GdpPath | None = None,
) -> pd.DataFrame:
    """Return per indicator and lever group the Shapley contribution to the median paired change in `year`.

    Columns: indicator, group, contribution, total (the full scenario's median paired change). `worth` replaces
    an outcome's medians, given the distinct settings of `combinations` other than the paper's, in order (GDP:
    through the three-city panel). `shocks` as in `project_delta` (a `GdpPath`: the panel's GDP path).
    """
    # Load inputs
    if isinstance(year, bool) or not isinstance(year, numbers.Integral) or not BASE_YEAR <= year <= levers.horizon:
        raise ValueError(f"year: expected {BASE_YEAR}..{levers.horizon}, got {year!r}")
    names = tuple(LEVER_GROUPS)
    settings = combinations(levers)
    paper = replace(baseline(), horizon=levers.horizon)
    runs = [setting for setting in dict.fromkeys(settings.values()) if setting != paper]  # a group at the paper's
    # values makes two combinations one setting: each distinct setting is run once

    # Compute
    medians = paired_medians(runs, params, int(year), draws=draws, seed=seed, shocks=shocks)
    for code, of in (worth or {}).items():
        medians[:, list(OUTCOMES).index(code)] = of(runs)
    by_setting = {paper: np.zeros(len(OUTCOMES)), **dict(zip(runs, medians))}  # the paper against itself: 0
    value = {combo: by_setting[setting] for combo, setting in settings.items()}
    contributions = shapley(value)  # checks that they add up
    return pd.DataFrame(
        {
            "indicator": np.repeat(list(OUTCOMES), len(names)),
            "group": np.tile(names, len(OUTCOMES)),
            "contribution": np.stack([contributions[g] for g in names], axis=1).ravel(),
            "total": np.repeat(value[frozenset(names)], len(names)),
        }
    )
