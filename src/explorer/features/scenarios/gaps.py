"""`python -m explorer.features.scenarios.gaps [sector_i]`: Shenzhen against its peers through the panel (Markdown).

For each preset, every lever at its maximum, and last the paper's policy with Shenzhen at the
parameter sheet's assumed growth, then at its own growth target, instead of the panel's (the named
alternatives), and each peer:
P(Shenzhen ≥ peer) in the years shown, the median gap with its p10–p90, the levers' paired effect
on it, the share of the gap they close, and the growth a year above the baseline that drawing
level would take beside the levers' effect (pp a year). The Scenarios page's draws and seed.
With `sector_i`: the same table for section I value added (`model.digital`, every preset and every
lever at its maximum), each city's base year, value, share of GDP and grade above it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from explorer import model
from explorer.core import vocab
from explorer.data import gateway as db
from explorer.features.scenarios import results as scenarios
from explorer.model import comparison, digital, panel
from explorer.model.peers import observed_series

YEARS = (2030, 2035)
ASSUMED = (
    "paper, Shenzhen at the sheet's assumed growth"  # the named alternative baseline (`comparison.assumed_growth`)
)
TARGETED = "paper, Shenzhen at its own growth target"  # the other one (`comparison.TARGET_GROWTH`)


def all_levers_max() -> model.Levers:
    """Return every lever at the end of its range that raises Shenzhen's GDP (racks, power, Xinchuang, talent; no
    gate)."""
    bounds = model.Levers.BOUNDS
    return replace(
        model.baseline(),
        dc_racks=int(bounds["dc_racks"][1]),
        dc_util_gate=0.0,
        dc_power=bounds["dc_power"][1],
        xc_share=bounds["xc_share"][1],
        talent_subsidy=bounds["talent_subsidy"][1],
        talent_quota=int(bounds["talent_quota"][1]),
    )


def settings() -> dict[str, model.Levers]:
    """Return the lever settings reported: the presets, then every lever at its maximum."""
    return {**model.PRESETS, "all_levers_max": all_levers_max()}


def table(rows: pd.DataFrame, params: pd.DataFrame, years: tuple[int, ...] = YEARS) -> pd.DataFrame:
    """Return one row per setting, peer and year: probability, gap, the levers' effect, share closed, pp a year."""
    fit = panel.fit_rows(rows)
    observed = observed_series(rows, vocab.SUBJECT_CITY, panel.INDICATOR, panel.GROUP).set_index("year")["value"]
    span = np.arange(model.BASE_YEAR, max(years) + 1)
    origin, offered = fit.cities[vocab.SUBJECT_CITY].anchor_year, comparison.growths(rows, fit)
    alternatives = {
        name: comparison.baseline_drift(code, params, rows=rows, origin=origin, draws=scenarios.DRAWS)
        for name, code in ((ASSUMED, comparison.SHEET_GROWTH), (TARGETED, comparison.TARGET_GROWTH))
        if code in offered
    }
    runs = [(name, levers, None) for name, levers in settings().items()]
    runs += [(name, model.baseline(), drift) for name, drift in alternatives.items()]
    out = []
    for name, levers, drift in runs:
        run = comparison.scenario(
            fit, levers, params, span, observed.to_dict(), draws=scenarios.DRAWS, seed=scenarios.SEED, drift=drift
        )
        for city, frame in comparison.gaps(run).items():
            picked = frame[frame["year"].isin(years)].assign(setting=name, city=city)
            out.append(picked)
    return pd.concat(out, ignore_index=True)


def sector_i_table(rows: pd.DataFrame, params: pd.DataFrame, years: tuple[int, ...] = YEARS) -> pd.DataFrame:
    """Return one row per setting, peer and year on section I value added (the columns of `table`)."""
    fit, found, gdp = panel.fit_rows(rows), digital.bases(rows), digital.observed_gdp(rows)
    span = np.arange(min(base.year for base in found.values()), max(years) + 1)
    out = []
    for name, levers in settings().items():
        run = digital.scenario(fit, found, gdp, levers, params, span, draws=scenarios.DRAWS, seed=scenarios.SEED)
        for city, frame in comparison.gaps(run).items():
            out.append(frame[frame["year"].isin(years)].assign(setting=name, city=city))
    return pd.concat(out, ignore_index=True)


def _ahead_or(row: tuple, value: float, number_format: str, unit: str = "") -> str:
    """Return a share closed or a growth needed, or "ahead" where Shenzhen's median is already above the peer."""
    return "ahead" if row.gap_p50 > 0 else f"{value:{number_format}}{unit}"


def markdown(frame: pd.DataFrame) -> str:
    """Return the table as Markdown (亿元; pp a year)."""
    lines = [
        "| setting | peer | year | P(SZ ≥ peer) baseline → with levers | gap p50 (p10..p90) | SZ ÷ peer | "
        "levers' effect on the gap p50 (p10..p90) | share of the gap closed | pp a year needed | levers, pp a year |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in frame.itertuples(index=False):
        lines.append(
            f"| {row.setting} | {row.city} | {row.year} | {100 * row.probability:.1f} % → "
            f"{100 * row.probability_levers:.1f} % | {row.gap_p50:,.0f} ({row.gap_p10:,.0f}..{row.gap_p90:,.0f}) | "
            f"{row.ratio_p50:.3f} | {row.effect_p50:+,.0f} ({row.effect_p10:+,.0f}..{row.effect_p90:+,.0f}) | "
            f"{_ahead_or(row, row.closed_pct, '.1f', ' %')} | {_ahead_or(row, row.needed_pp, '.2f')} | "
            f"{row.lever_pp:.2f} |"
        )
    return "\n".join(lines)


def _read() -> tuple[pd.DataFrame, pd.DataFrame]:
    con = db.connect()
    try:
        return db.benchmarks(con), db.parameters(con)
    finally:
        con.close()


def sector_i_report() -> str:
    """Return the section-I Markdown table computed from the database, with each city's base figure above it."""
    rows, params = _read()
    low, central, high = model.parameter_table(params)[digital.DRIFT]
    head = "Section I bases (share of first-release GDP of the same year): " + ", ".join(
        f"{base.city} {base.year} ({base.value:,.2f} ÷ {base.gdp:,.2f} = {100 * base.share:.2f} %, {base.grade})"
        for base in digital.bases(rows).values()
    )
    head += f"; share drift {low:g} / {central:g} / {high:g} %/yr (low / central / high)"
    return head + "\n\n" + markdown(sector_i_table(rows, params))


def report() -> str:
    """Return the Markdown table computed from the database, with the panel's estimates above it."""
    rows, params = _read()
    fit = panel.fit_rows(rows)
    head = [
        f"Panel: nominal window {fit.window_start}–{fit.window[-1]}, common drift "
        f"{100 * np.expm1(fit.common_drift):.2f} %/yr, σ_z {100 * fit.common_sd:.2f} pp, "
        f"σ_u {100 * fit.city_sd:.2f} pp (nominal check {100 * fit.nominal_city_sd:.2f} pp), "
        f"ρ {fit.correlation:.2f}; anchors "
        + ", ".join(
            f"{c.city} {c.anchor_year} ({c.anchor_value:,.2f}, drift {c.growth_pct:.2f} %/yr)"
            for c in fit.cities.values()
        ),
        "",
    ]
    return "\n".join(head) + "\n" + markdown(table(rows, params))


if __name__ == "__main__":
    import sys

    print(sector_i_report() if sys.argv[1:] == ["sector_i"] else report())
