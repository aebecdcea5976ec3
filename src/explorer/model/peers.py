"""Peers through the same machinery: Beijing and Shanghai projected from their own series, and the odds Shenzhen leads.

A peer's level series (one comparability group: one definition) is fitted with `trend.fit_panel`
(its own drift, the shock sd pooled with the other cities' series of the group) on its observed
point values (bounds such as 超过 are not levels and are left out; a step marked as a series
break is dropped) and drawn forward from its last observation. Shenzhen's draws come
from the model's `project_draws`; the two sets are paired by draw index. The peers' draws are
independent of Shenzhen's (no shared shock is modelled), so the pairing is a plain comparison of
two independent distributions.
"""

from __future__ import annotations

import numbers
import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.model.simulation import QUANTILES
from explorer.model.trend import TrendFit, fit_panel, trend_paths

PEER_COLUMNS = ("city", "year", "indicator", "value", "qualifier", "comparability_group", "status")
BREAK_COLUMN = "break_before"  # optional: True on a row whose step from the year before crosses a break
PEER_STATUSES = ("ok", "no_figure", "too_short")  # why a peer has, or has no, projection
PATH_COLUMNS = ("year", "city", "indicator", "comparability_group", "value", "p10", "p90", "basis", BREAK_COLUMN)
_BOUNDS = vocab.CEILING_QUALIFIERS | vocab.FLOOR_QUALIFIERS


def _check(peers: pd.DataFrame) -> None:
    missing = [column for column in PEER_COLUMNS if column not in peers.columns]
    if missing:
        raise ValueError(f"peers: missing columns {missing}")


def observed_series(peers: pd.DataFrame, city: str, indicator: str, group: str) -> pd.DataFrame:
    """Return one city's observed point values of one indicator and group: year, value, break_before (by year)."""
    _check(peers)
    rows = peers[(peers["city"] == city) & (peers["indicator"] == indicator) & (peers["comparability_group"] == group)]
    rows = rows[(rows["status"].astype(str).str.strip().str.lower() == "observed") & ~rows["qualifier"].isin(_BOUNDS)]
    values = pd.to_numeric(rows["value"], errors="coerce")
    breaks = rows[BREAK_COLUMN].fillna(False).astype(bool) if BREAK_COLUMN in rows else pd.Series(False, rows.index)
    series = pd.DataFrame({"year": rows["year"].astype(int), "value": values, BREAK_COLUMN: breaks})
    series = series[series["value"].notna()].sort_values("year", kind="mergesort")
    if series["year"].duplicated().any():
        raise ValueError(f"peers: {city} {indicator} ({group}) has two values for one year")
    return series.reset_index(drop=True)


def group_trends(peers: pd.DataFrame, indicator: str, group: str) -> dict[str, TrendFit]:
    """Return the fitted trend of every city's series of one indicator and group, the shock sd pooled across them."""
    series = {city: observed_series(peers, city, indicator, group) for city in vocab.CITIES}
    data = {
        city: (rows["year"], rows["value"], rows.loc[rows[BREAK_COLUMN], "year"])
        for city, rows in series.items()
        if not rows.empty
    }
    try:
        return fit_panel(data)
    except ValueError:
        return {}


def peer_trend(peers: pd.DataFrame, city: str, indicator: str, group: str) -> TrendFit | str:
    """Return the fitted trend of one peer series (`group_trends`), or the status saying why there is none."""
    if observed_series(peers, city, indicator, group).empty:
        return "no_figure"
    return group_trends(peers, indicator, group).get(city, "too_short")


def _normals(seed: int, city: str, indicator: str, draws: int, years: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the standard normals of one peer series: its own stream, fixed by the seed and the series."""
    key = (int(seed), vocab.CITIES.index(city), zlib.crc32(indicator.encode()))
    rng = np.random.default_rng(np.random.SeedSequence(key))
    return rng.standard_normal(draws), rng.standard_normal((draws, years))


def peer_draws(
    peers: pd.DataFrame, city: str, indicator: str, group: str, years: Sequence[int], *, draws: int, seed: int
) -> np.ndarray | str:
    """Return draws × years of one peer series (observed years as observed, later years drawn), or a status.

    A year before the last observation without a value of its own is NaN: nothing is interpolated.
    """
    if isinstance(draws, bool) or not isinstance(draws, numbers.Integral) or draws < 1:
        raise ValueError(f"draws: expected a positive whole number, got {draws!r}")
    fit = peer_trend(peers, city, indicator, group)
    if isinstance(fit, str):
        return fit
    year_array = np.asarray(years, dtype=int)
    series = observed_series(peers, city, indicator, group).set_index("year")["value"]
    out = np.full((int(draws), year_array.size), np.nan)
    past = year_array <= fit.last_year
    out[:, past] = series.reindex(year_array[past]).to_numpy(dtype=float)[None, :]
    future = year_array[~past]
    if future.size:
        z_drift, z_shock = _normals(seed, city, indicator, int(draws), future.size)
        out[:, ~past] = trend_paths(fit, future, z_drift, z_shock)
    return out


def at_or_above(shenzhen: np.ndarray, peer: np.ndarray) -> np.ndarray:
    """Return per year the share of paired draws in which Shenzhen is at or above the peer (NaN: no peer value)."""
    if shenzhen.shape != peer.shape:
        raise ValueError(f"shenzhen and peer draws: shapes differ ({shenzhen.shape} vs {peer.shape})")
    share = (shenzhen >= peer).mean(axis=0)
    return np.where(np.isnan(peer).any(axis=0), np.nan, share)


def peer_city_draws(
    peers: pd.DataFrame, indicator: str, group: str | None, years: Sequence[int], *, draws: int, seed: int
) -> dict[str, np.ndarray | str]:
    """Return per peer city its `peer_draws` (draws × years) or the status saying why it has none.

    They do not depend on Shenzhen's levers, so a caller can compute them once per series and reuse them.
    """
    return {
        city: "no_figure" if group is None else peer_draws(peers, city, indicator, group, years, draws=draws, seed=seed)
        for city in vocab.PEER_CITIES
    }


def odds_from_draws(years: Sequence[int], shenzhen: np.ndarray, by_city: dict[str, np.ndarray | str]) -> pd.DataFrame:
    """Return city, year, probability (Shenzhen ≥ peer) and status from Shenzhen's and each peer's draws."""
    rows = []
    for city, peer in by_city.items():
        if isinstance(peer, str):
            rows += [{"city": city, "year": int(year), "probability": np.nan, "status": peer} for year in years]
            continue
        odds = at_or_above(shenzhen, peer)
        rows += [
            {"city": city, "year": int(year), "probability": float(p), "status": "ok"}
            for year, p in zip(years, odds, strict=True)
        ]
    return pd.DataFrame(rows, columns=["city", "year", "probability", "status"])


def peer_odds(
    years: Sequence[int], shenzhen: np.ndarray, peers: pd.DataFrame, indicator: str, group: str | None, *, seed: int
) -> pd.DataFrame:
    """Return city, year, probability (Shenzhen ≥ peer) and status for each peer city and year.

    `shenzhen` is draws × years of the model's outcome; `group` is the definition of Shenzhen's
    figure (None: the model's outcome has no published counterpart, so every peer is `no_figure`).
    """
    by_city = peer_city_draws(peers, indicator, group, years, draws=shenzhen.shape[0], seed=seed)
    return odds_from_draws(years, shenzhen, by_city)


def peer_paths(
    peers: pd.DataFrame, horizon: int, indicators: Sequence[str], *, draws: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """Return observed and target peer rows up to `horizon`, plus each level series' projection (p10, p50, p90).

    Output columns: year, city, indicator, comparability_group, value (p50 when projected), p10,
    p90, basis ('observed', 'target' or 'extrapolated at X %/yr (own series A–B)'), break_before (a published
    step that crosses a revision; False on projected years). Only the level
    series of the peer cities' `indicators` are projected; shares, Shenzhen's rows (the model
    projects Shenzhen) and series too short to fit stay observed-only.
    """
    _check(peers)
    if isinstance(horizon, bool) or not isinstance(horizon, numbers.Integral):
        raise ValueError(f"horizon: expected a year, got {horizon!r}")
    frame = peers.loc[:, list(PEER_COLUMNS)].copy()
    frame[BREAK_COLUMN] = peers[BREAK_COLUMN].fillna(False).astype(bool) if BREAK_COLUMN in peers else False
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame = frame[frame["value"].notna()]
    frame["year"] = frame["year"].astype(int)
    is_target = frame["status"].astype(str).str.strip().str.lower().eq("target")
    frame["basis"] = np.where(is_target, "target", "observed")
    out = [frame[frame["year"] <= horizon].assign(p10=np.nan, p90=np.nan)]

    levels = frame["indicator"].isin(indicators) & ~frame["indicator"].str.endswith("_share")
    observed = frame[~is_target & levels & frame["city"].isin(vocab.PEER_CITIES)]
    fits: dict[tuple[str, str], dict[str, TrendFit]] = {}  # one panel fit per definition, not one per city
    for (city, indicator, group), _ in observed.groupby(["city", "indicator", "comparability_group"], sort=True):
        key = (str(indicator), str(group))
        if key not in fits:
            fits[key] = group_trends(peers, *key)
        fit = fits[key].get(str(city))
        if fit is None or fit.last_year >= horizon:
            continue
        years = np.arange(fit.last_year + 1, int(horizon) + 1)
        z_drift, z_shock = _normals(seed, str(city), str(indicator), int(draws), years.size)
        low, mid, high = np.quantile(trend_paths(fit, years, z_drift, z_shock), QUANTILES, axis=0)
        first, last = fit.increments[0][0], fit.increments[-1][1]
        out.append(
            pd.DataFrame(
                {
                    "year": years,
                    "city": city,
                    "indicator": indicator,
                    "comparability_group": group,
                    "value": mid,
                    "p10": low,
                    "p90": high,
                    "basis": f"extrapolated at {fit.growth_pct:.1f} %/yr (own series {first}–{last})",
                    BREAK_COLUMN: False,
                }
            )
        )
    result = pd.concat(out, ignore_index=True)[list(PATH_COLUMNS)]
    return result.sort_values(
        ["city", "indicator", "comparability_group", "year", "basis"], kind="mergesort"
    ).reset_index(drop=True)
