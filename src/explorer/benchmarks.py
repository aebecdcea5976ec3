"""Benchmark comparisons: which cities are missing, and the latest like-for-like values."""

from __future__ import annotations

import pandas as pd

CITIES = ("shenzhen", "beijing", "shanghai")


def missing_cities(rows: pd.DataFrame) -> list[str]:
    """Return the cities (in CITIES order) with no row in `rows`."""
    present = set(rows["city"])
    return [city for city in CITIES if city not in present]


def latest_comparable(rows: pd.DataFrame) -> pd.DataFrame:
    """Return, per indicator, the observed rows of the latest year in which all three cities share a group.

    Adds `index_vs_shenzhen` (Shenzhen = 100). Indicators with no such year are left out.
    """
    observed = rows[(rows["status"] == "observed") & rows["value"].notna()]
    coverage = observed.groupby(["indicator", "comparability_group", "year"])["city"].nunique()
    complete = coverage[coverage == len(CITIES)].reset_index()
    if complete.empty:
        return observed.iloc[0:0].assign(index_vs_shenzhen=pd.Series(dtype=float))
    latest = complete.sort_values(["indicator", "year", "comparability_group"], ascending=[True, False, True])
    latest = latest.drop_duplicates("indicator")[["indicator", "comparability_group", "year"]]
    chosen = observed.merge(latest, on=["indicator", "comparability_group", "year"])
    shenzhen = chosen[chosen["city"] == "shenzhen"].set_index("indicator")["value"]
    chosen = chosen.assign(index_vs_shenzhen=chosen["value"] / chosen["indicator"].map(shenzhen) * 100)
    return chosen.sort_values(["indicator", "city"]).reset_index(drop=True)
