"""Section I value added (information transmission, software and IT services) of the three cities through the GDP panel.

Each city's section I is its latest observed share of GDP (section I ÷ first-release GDP of the
same year, `bases`) drifting at δ_I a year (`sector_i_share_drift`, one drift for the three
cities) times its GDP: observed GDP up to the panel's anchor, the panel's draws after it, so the
three cities' section I shares the panel's correlated shocks. Shenzhen's scenario adds the part
of the levers' change that falls in section I (`simulation.sector_i_draws`), the levers acting from its
first unpublished year (`comparison.lever_start`) as in every outcome; the peers are untouched by the levers. A city
with no section-I row of the group has no base and no path: "no published figure", never an estimate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.model import panel, simulation
from explorer.model.comparison import Scenario, by_year, lever_start
from explorer.model.levers import Levers
from explorer.model.peers import observed_series

INDICATOR = "sector_i_va"
GROUP = "sector_i_va_stats"  # national-classification section I, as each city's statistics body publishes it
DRIFT = "sector_i_share_drift"  # the parameter of section I's share drift (data/parameters.csv)


@dataclass(frozen=True)
class Base:
    """A city's base figure: its latest section I value added with the first-release GDP of the same year."""

    city: str
    year: int
    value: float  # section I value added, 亿元
    gdp: float  # GDP of the same year and group (`panel.GROUP`), 亿元
    grade: str  # the section-I row's source grade (official / secondary)

    @property
    def share(self) -> float:
        """Return section I's share of GDP in the base year (a fraction)."""
        return self.value / self.gdp


def bases(rows: pd.DataFrame) -> dict[str, Base]:
    """Return city -> its base, for every city of `vocab.CITIES` with a section-I row in a year it has a GDP row.

    The latest such year is the base (first-release GDP of `panel.GROUP`; section I of `GROUP`).
    """
    out = {}
    for city in vocab.CITIES:
        section = observed_series(rows, city, INDICATOR, GROUP).set_index("year")["value"]
        gdp = observed_series(rows, city, panel.INDICATOR, panel.GROUP).set_index("year")["value"]
        common = sorted(set(section.index) & set(gdp.index))
        if not common:
            continue
        year = int(common[-1])
        picked = rows[
            (rows["city"] == city)
            & (rows["indicator"] == INDICATOR)
            & (rows["comparability_group"] == GROUP)
            & (rows["year"].astype(int) == year)
        ]
        out[city] = Base(city, year, float(section[year]), float(gdp[year]), str(picked["grade"].iloc[0]))
    return out


def observed_gdp(rows: pd.DataFrame) -> dict[str, dict[int, float]]:
    """Return city -> {year: first-release GDP} (`panel.GROUP`), the levels section I is a share of up to the anchor."""
    return {
        city: dict(zip(data["year"].astype(int), data["value"].astype(float), strict=True))
        for city in vocab.CITIES
        if not (data := observed_series(rows, city, panel.INDICATOR, panel.GROUP)).empty
    }


def scenario(
    fit: panel.PanelFit,
    found: Mapping[str, Base],
    gdp: Mapping[str, Mapping[int, float]],
    levers: Levers,
    params: pd.DataFrame,
    years: Sequence[int],
    *,
    draws: int = 1000,
    seed: int = 0,
    drift: Mapping[str, np.ndarray] | None = None,
) -> Scenario | None:
    """Return section I of Shenzhen (without and with the levers) and of each peer with a base, draws × `years`.

    A city's value is NaN before its base year and where its GDP is neither observed nor drawn;
    in its base year it is the observation. None when Shenzhen has no base (nothing to compare). `drift`
    replaces a city's GDP drift as in `panel.paths` (Shenzhen's alternative baseline: `comparison.baseline_drift`).
    """
    subject = vocab.SUBJECT_CITY
    if subject not in found or subject not in fit.cities:
        return None
    year_array = np.asarray(years, dtype=int)
    drawn = panel.paths(fit, year_array, draws=draws, seed=seed, drift=drift)
    anchor = fit.cities[subject].anchor_year
    sim_years, change, drift = simulation.sector_i_draws(
        levers, params, found[subject].share, found[subject].year, draws=draws, seed=seed, start=lever_start(fit)
    )

    def gdp_of(city: str) -> np.ndarray:
        levels = drawn[city].copy()
        anchor = fit.cities[city].anchor_year
        for j, year in enumerate(year_array):
            if year < anchor:
                levels[:, j] = gdp.get(city, {}).get(int(year), np.nan)
        return levels

    def level(city: str) -> np.ndarray:
        base = found[city]
        share = base.share * np.exp(drift[:, None] * (year_array - base.year)[None, :])
        values = share * gdp_of(city)
        values[:, year_array < base.year] = np.nan
        return values

    effect = by_year(year_array, sim_years, change, 0.0)
    base = level(subject)
    peers = {city: level(city) for city in vocab.PEER_CITIES if city in found and city in fit.cities}
    return Scenario(year_array, base, base + effect * gdp_of(subject), peers, anchor)


def quantiles(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return p10, p50, p90 over draws per year (NaN where a year has no value)."""
    known = ~np.isnan(values).any(axis=0)
    out = np.full((3, values.shape[1]), np.nan)
    if known.any():
        out[:, known] = np.quantile(values[:, known], (0.1, 0.5, 0.9), axis=0)
    return out[0], out[1], out[2]
