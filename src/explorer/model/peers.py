"""Peers: Beijing and Shanghai observations carried forward at their own growth rate, and crossing years."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

import numpy as np
import pandas as pd

from explorer import vocab
from explorer.model.parameters import parameter_table

PEER_COLUMNS = ("city", "year", "indicator", "value", "comparability_group", "status")


def peer_growth(params: pd.DataFrame) -> dict[str, float]:
    """Return the central %/yr of every peer growth row (`<city>_<indicator>_growth`), for `peer_paths`."""
    table = parameter_table(params)
    return {
        pid: central
        for pid, (_, central, _) in table.items()
        if pid.endswith("_growth") and pid.split("_", 1)[0] in vocab.CITIES
    }


def peer_paths(peers: pd.DataFrame, horizon: int, growth: dict[str, float] | None = None) -> pd.DataFrame:
    """Return observed and target peer rows up to `horizon`, plus labelled extrapolations.

    Output columns: year, city, indicator, comparability_group, value, basis. `basis` is
    'observed', 'target', or 'extrapolated at X %/yr (<parameter id>)'. A series is carried
    forward from its last observed year only when `growth` holds `<city>_<indicator>_growth`
    (%/yr), so shares stay observed-only. Rows without a value (NaN) are skipped. Without
    `growth` nothing is extrapolated.
    """
    missing = [column for column in PEER_COLUMNS if column not in peers.columns]
    if missing:
        raise ValueError(f"peers: missing columns {missing}")
    if isinstance(horizon, bool) or not isinstance(horizon, numbers.Integral):
        raise ValueError(f"horizon: expected a year, got {horizon!r}")
    rates = dict(growth or {})
    for key, rate in rates.items():
        if not isinstance(rate, numbers.Real) or not math.isfinite(float(rate)) or float(rate) <= -100.0:
            raise ValueError(f"growth[{key!r}]: expected a finite %/yr above -100, got {rate!r}")

    frame = peers.loc[:, list(PEER_COLUMNS)].copy()
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame = frame[frame["value"].notna()]
    frame["year"] = frame["year"].astype(int)
    is_target = frame["status"].astype(str).str.strip().str.lower().eq("target")
    frame["basis"] = np.where(is_target, "target", "observed")
    out = [frame[frame["year"] <= horizon]]

    observed = frame[~is_target]
    extra: list[dict[str, object]] = []
    for (city, indicator, group), series in observed.groupby(["city", "indicator", "comparability_group"], sort=True):
        last = series.loc[series["year"].idxmax()]
        rate, label = _peer_rate(str(city), str(indicator), rates)
        if rate is None:
            continue
        for year in range(int(last["year"]) + 1, int(horizon) + 1):
            value = float(last["value"]) * (1.0 + rate / 100.0) ** (year - int(last["year"]))
            if indicator.endswith("_share"):
                value = min(value, 100.0)
            extra.append(
                {
                    "year": year,
                    "city": city,
                    "indicator": indicator,
                    "comparability_group": group,
                    "value": value,
                    "basis": f"extrapolated at {rate:.1f} %/yr ({label})",
                }
            )
    if extra:
        out.append(pd.DataFrame(extra))
    result = pd.concat(out, ignore_index=True)[["year", "city", "indicator", "comparability_group", "value", "basis"]]
    return result.sort_values(
        ["city", "indicator", "comparability_group", "year", "basis"], kind="mergesort"
    ).reset_index(drop=True)


def _peer_rate(city: str, indicator: str, rates: Mapping[str, float]) -> tuple[float | None, str]:
    """Return the %/yr to carry a peer series forward and the parameter id it comes from.

    Shares are never carried forward from the growth of their numerator: a share extrapolated that
    way runs away (Beijing's core share would double by 2035), so only levels are extrapolated.
    """
    own = f"{city}_{indicator}_growth"
    if own in rates:
        return float(rates[own]), own
    return None, ""


def crossing_year(shenzhen: pd.Series, peer: pd.Series) -> int | None:
    """Return the first year in which Shenzhen's value is at least the peer's (common years only), else None."""
    both = pd.concat({"shenzhen": shenzhen, "peer": peer}, axis=1, join="inner").dropna()
    if both.empty:
        return None
    both = both.sort_index()
    reached = both["shenzhen"].to_numpy(dtype=float) >= both["peer"].to_numpy(dtype=float)
    if not reached.any():
        return None
    return int(both.index[int(np.argmax(reached))])
