"""The gateway's frames as the cached loaders serve them, read once per test session over a read-only connection."""

from functools import cache

import pandas as pd

from explorer.data import gateway as db


@cache
def frames() -> dict[str, pd.DataFrame]:
    """Return every frame the page views take, by loader name (figures, sections, recommendations, …)."""
    con = db.connect()
    try:
        return {
            "figures": db.figures(con),
            "sections": db.sections(con),
            "recommendations": db.recommendations(con),
            "measure_levers": db.measure_levers(con),
            "indicators": db.indicators(con),
            "benchmarks": db.benchmarks(con),
            "national": db.national(con),
            "comparability_groups": db.comparability_groups(con),
            "target_status": db.target_status(con),
            "units": db.units(con),
            "outcomes": db.outcomes(con),
            "parameters": db.parameters(con),
        }
    finally:
        con.close()
