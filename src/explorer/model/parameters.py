"""The parameter sheet the model reads (ids, ranges and symbols from the params frame) and draws from its ranges."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from explorer.core import vocab

GRADES = vocab.PARAMETER_GRADES

# Gaussian copula: (parameter, parent, correlation parameter). The child's standard normal is
# rho * z_parent + sqrt(1 - rho^2) * z_own, with rho itself drawn from its own row; every marginal
# stays triangular on (low, central, high).
CORRELATED: tuple[tuple[str, str, str], ...] = (("dc_demand_growth", "gdp_growth", "dc_demand_gdp_corr"),)
# The columns the model reads: each parameter's range, and the LaTeX symbol its equations write.
PARAMETER_COLUMNS = ("id", "low", "central", "high", "symbol")


class Sheet(dict):
    """Parameter id -> its values; remembers which ids were read, and names an id the sheet lacks."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()

    def __getitem__(self, key: str):
        self.read.add(key)
        return super().__getitem__(key)

    def __missing__(self, key: str):
        raise ValueError(f"parameters: the model reads '{key}', which data/parameters.csv has no row for")


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def parameter_table(params: pd.DataFrame) -> Sheet:
    """Return id -> (low, central, high) from the parameters frame; raise ValueError listing every problem.

    The sheet's rules (order of the values, grades, sources, physical domains) are data/parameters.meta.toml's
    checks, which the build runs; here only what the model cannot run without: an id once, finite numbers.
    """
    missing_columns = [column for column in PARAMETER_COLUMNS if column not in params.columns]
    if missing_columns:
        raise ValueError(f"parameters: missing columns {missing_columns}")
    problems: list[str] = []
    table = Sheet()
    for pid, *values in zip(*(params[column].tolist() for column in ("id", "low", "central", "high"))):
        pid = _text(pid)
        if not pid or pid in table:
            problems.append(f"{pid}: duplicate id" if pid else "a row has no id")
            continue
        try:
            low, central, high = (float(value) for value in values)
        except (TypeError, ValueError):
            problems.append(f"{pid}: low/central/high are not numbers")
            continue
        if not all(math.isfinite(x) for x in (low, central, high)):
            problems.append(f"{pid}: low/central/high must be finite")
            continue
        dict.__setitem__(table, pid, (low, central, high))
    if problems:
        raise ValueError("parameters: " + "; ".join(problems))
    return table


def parameter_symbols(params: pd.DataFrame) -> dict[str, str]:
    """Return parameter id -> its LaTeX symbol (the `symbol` column)."""
    return dict(zip(params["id"], params["symbol"]))


def normal_cdf(z: np.ndarray) -> np.ndarray:
    """Return the standard normal CDF (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7)."""
    x = np.abs(z) / math.sqrt(2.0)
    k = 1.0 / (1.0 + 0.3275911 * x)
    poly = k * (0.254829592 + k * (-0.284496736 + k * (1.421413741 + k * (-1.453152027 + k * 1.061405429))))
    erf = 1.0 - poly * np.exp(-x * x)
    return 0.5 * (1.0 + np.where(z < 0, -erf, erf))


def _uniforms(rng: np.random.Generator, draws: int, table: Mapping[str, tuple[float, float, float]]) -> np.ndarray:
    """Return draws × parameters uniforms (parameters in id order); correlated children come from the copula."""
    uniform = rng.random((draws, len(table)))
    index = {pid: j for j, pid in enumerate(sorted(table))}
    for child, parent, corr in CORRELATED:
        bounds, _, _ = table[corr], table[child], table[parent]  # an id the sheet lacks is named, not a KeyError
        normals = rng.standard_normal((draws, 2))
        rho = _triangular(uniform[:, index[corr]], *bounds)
        mixed = rho * normals[:, 0] + np.sqrt(1.0 - rho * rho) * normals[:, 1]
        uniform[:, index[parent]] = normal_cdf(normals[:, 0])
        uniform[:, index[child]] = normal_cdf(mixed)
    return uniform


def _triangular(uniform: np.ndarray, low: np.ndarray | float, mode: np.ndarray | float, high: np.ndarray | float):
    """Return the triangular (low, mode, high) quantiles of `uniform` (a point mass where low = high)."""
    width = np.asarray(high) - np.asarray(low)
    safe = np.where(width > 0, width, 1.0)
    cut = (mode - low) / safe
    left = low + np.sqrt(uniform * safe * (mode - low))
    right = high - np.sqrt((1.0 - uniform) * safe * (high - mode))
    return np.where(width > 0, np.where(uniform < cut, left, right), low)


def draw_parameters(table: Mapping[str, tuple[float, float, float]], draws: int, seed: int) -> Sheet:
    """Return id -> (draws,) array: triangular marginals on (low, central, high), joined by `CORRELATED`."""
    ids = sorted(table)
    uniform = _uniforms(np.random.default_rng(seed), draws, table)
    low = np.array([table[pid][0] for pid in ids])
    mode = np.array([table[pid][1] for pid in ids])
    high = np.array([table[pid][2] for pid in ids])
    values = _triangular(uniform, low, mode, high)
    return Sheet({pid: values[:, j] for j, pid in enumerate(ids)})


def central_parameters(table: Mapping[str, tuple[float, float, float]], rows: int = 1) -> Sheet:
    """Return id -> (rows,) array holding every parameter's central value."""
    return Sheet({pid: np.full(rows, table[pid][1]) for pid in sorted(table)})
