"""Rolling-origin validation of the page's own baseline (the three-city panel) against a random walk with drift.

For every origin T the data allow (the panel can be fitted on the rows of T and earlier: one nominal
step common to the cities, two of real growth), the panel is fitted on those rows only
(`panel.fit_rows`, as the page fits it) and drawn forward; it predicts each city's yearly nominal
growth in T+1 … T+4 and the log gap log(Shenzhen ÷ peer) in those years.
A growth is scored when the published step into that year crosses no flagged break; a log gap
when both levels are published and neither series has a break between its anchor and that year
(a level on another basis is not the quantity predicted). The benchmark is a random walk with
drift on each city's log level: the drift is the mean of the city's own comparable yearly growths
up to T, the yearly sd pooled across the cities, normal bands that include the drift's
uncertainty, the cities independent. Scores: mean absolute error of the median (pp, or log points
× 100 for the gap), the share inside p10–p90 with the count of scored values, the interval score
of the p10–p90 band (its width plus 10 times any miss, in the same unit), and the standardised
errors whose mean square is near 1 when the bands are honest: the normal score Φ⁻¹(PIT) of the
share of draws at or below the observed value (the probability integral transform; for the random
walk, normal, it is (observed − mean) ÷ sd). (observed − mean) ÷ sd would not do for the model:
each draw takes its own shock sizes, so its predictive distribution has heavy tails and the sd
of its draws, dominated by a few, is not the scale of its bands. The values share shocks (one
origin's cities their year's common shock and the drift's error), so their sum of squared normal
scores is judged against its distribution under the model itself (`joint_reference`), not a
chi-square that would take them as independent.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import pandas as pd

from explorer.core import vocab
from explorer.model import panel
from explorer.model.peers import BREAK_COLUMN, observed_series

HORIZONS: tuple[int, ...] = (1, 2, 3, 4)
METHODS = ("model", "random_walk", "target")
BAND_METHODS = ("model", "random_walk")  # the methods with bands (the target is a point forecast)
TARGETS = ("growth", "log_gap")  # what is predicted: a city's nominal growth, the log gap Shenzhen ÷ peer
Z90 = 1.2815515655446004  # standard-normal 90th percentile
ALPHA = 0.2  # the p10–p90 band is a central 80 % interval
TRUTHS = 500  # joint draws taken as published values, per origin, for the reference of the calibration sum
REPEATS = 20_000  # draws of that sum
COLUMNS = (
    "origin",
    "target",
    "city",
    "year",
    "horizon",
    "observed",
    "method",
    "mean",
    "sd",
    "p10",
    "p50",
    "p90",
    "pit",
)


def interval_score(low: np.ndarray, high: np.ndarray, observed: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    """Return the interval score of central (1 − alpha) bands: width plus 2/alpha times the miss on either side."""
    low, high, observed = (np.asarray(x, dtype=float) for x in (low, high, observed))
    return (high - low) + 2.0 / alpha * (np.maximum(low - observed, 0.0) + np.maximum(observed - high, 0.0))


def _series(rows: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {city: observed_series(rows, city, panel.INDICATOR, panel.GROUP) for city in vocab.CITIES}


def _levels_on_basis(series: pd.DataFrame, anchor: int, year: int) -> float | None:
    """Return the published level of `year` when no break lies between `anchor` and it, else None."""
    between = series[(series["year"] > anchor) & (series["year"] <= year)]
    if between[BREAK_COLUMN].any():
        return None
    value = series.loc[series["year"] == year, "value"]
    return float(value.iloc[0]) if not value.empty else None


def _random_walk(truncated: dict[str, pd.DataFrame]) -> dict[str, tuple[float, float, int]]:
    """Return city -> (drift, pooled yearly sd, number of growths) of the random walk with drift on log levels."""
    growths = {
        city: np.array(
            list(panel.yearly_growths(data["year"], data["value"], data.loc[data[BREAK_COLUMN], "year"])[0].values())
        )
        for city, data in truncated.items()
    }
    if any(values.size == 0 for values in growths.values()):
        raise ValueError("random walk: a city without a comparable growth")
    freedom = sum(values.size - 1 for values in growths.values())
    if freedom < 1:
        raise ValueError("random walk: too few growths")
    sd = math.sqrt(sum(float(((values - values.mean()) ** 2).sum()) for values in growths.values()) / freedom)
    return {city: (float(values.mean()), sd, int(values.size)) for city, values in growths.items()}


def _draw(
    rows: pd.DataFrame, origin: int, horizons: Sequence[int], draws: int, seed: int
) -> tuple[panel.PanelFit, int, dict[str, np.ndarray]]:
    """Return (fit, first drawn year, city -> draws × years of levels) of the panel on rows of `origin` and before."""
    fit = panel.fit_rows(rows[rows["year"].astype(int) <= origin])
    first = min(city.anchor_year for city in fit.cities.values())
    years = np.arange(first, origin + max(horizons) + 1)
    return fit, first, panel.paths(fit, years, draws=draws, seed=seed)


def _sample(drawn: dict[str, np.ndarray], first: int, target: str, city: str, year: int, subject: str) -> np.ndarray:
    """Return the draws of one predicted value: `city`'s log growth into `year`, or the log gap subject ÷ `city`."""
    j = int(year - first)
    if target == "growth":
        return np.log(drawn[city][:, j] / drawn[city][:, j - 1])
    return np.log(drawn[subject][:, j] / drawn[city][:, j])


def rolling(
    rows: pd.DataFrame,
    *,
    horizons: Sequence[int] = HORIZONS,
    draws: int = 2000,
    seed: int = 0,
    subject: str = vocab.SUBJECT_CITY,
) -> pd.DataFrame:
    """Return one row per origin, target ('growth' of a city, 'log_gap' to a peer), year scored and method."""
    full = _series(rows)
    years_all = sorted({int(year) for data in full.values() for year in data["year"]})
    out: list[dict] = []
    for origin in years_all[:-1]:
        truncated = {city: data[data["year"] <= origin] for city, data in full.items()}
        if any(data.empty for data in truncated.values()):
            continue
        try:
            fit, first, drawn = _draw(rows, origin, horizons, draws, seed)
            walk = _random_walk(truncated)
        except ValueError:
            continue
        years = [origin + h for h in horizons]
        aimed = {name: panel.target_drift(rows, name, origin) for name in fit.cities}
        for name, city in fit.cities.items():
            observed = panel.yearly_growths(
                full[name]["year"], full[name]["value"], full[name].loc[full[name][BREAK_COLUMN], "year"]
            )[0]
            drift, sd, count = walk[name]
            for year in years:
                if year not in observed or year - 1 < city.anchor_year:
                    continue
                sample = _sample(drawn, first, "growth", name, year, subject)
                row = {"origin": origin, "target": "growth", "city": name, "year": year, "horizon": year - origin}
                out.append({**row, "observed": observed[year], "method": "model", **_summary(sample, observed[year])})
                spread = sd * math.sqrt(1.0 + 1.0 / count)
                out.append(
                    {
                        **row,
                        "observed": observed[year],
                        "method": "random_walk",
                        **_normal(drift, spread, observed[year]),
                    }
                )
                if aimed[name] is not None:
                    out.append({**row, "observed": observed[year], "method": "target", **_point(aimed[name])})
        home = fit.cities[subject]
        for name, city in fit.cities.items():
            if name == subject:
                continue
            for year in years:
                mine = _levels_on_basis(full[subject], home.anchor_year, year)
                theirs = _levels_on_basis(full[name], city.anchor_year, year)
                if mine is None or theirs is None:
                    continue
                sample = _sample(drawn, first, "log_gap", name, year, subject)
                row = {"origin": origin, "target": "log_gap", "city": name, "year": year, "horizon": year - origin}
                observed_gap = math.log(mine / theirs)
                out.append({**row, "observed": observed_gap, "method": "model", **_summary(sample, observed_gap)})
                parts = []
                for who, fitted in ((subject, home), (name, city)):
                    drift, sd, count = walk[who]
                    ahead = year - fitted.anchor_year
                    parts.append((math.log(fitted.anchor_value) + drift * ahead, sd**2 * (ahead + ahead**2 / count)))
                mean = parts[0][0] - parts[1][0]
                out.append(
                    {
                        **row,
                        "observed": observed_gap,
                        "method": "random_walk",
                        **_normal(mean, math.sqrt(parts[0][1] + parts[1][1]), observed_gap),
                    }
                )
                if aimed[subject] is not None and aimed[name] is not None:
                    aimed_gap = sum(
                        sign * (math.log(fitted.anchor_value) + aimed[who] * (year - fitted.anchor_year))
                        for sign, who, fitted in ((1, subject, home), (-1, name, city))
                    )
                    out.append({**row, "observed": observed_gap, "method": "target", **_point(aimed_gap)})
    return pd.DataFrame(out, columns=list(COLUMNS))


def reference_sums(
    groups: Sequence[tuple[np.ndarray, np.ndarray]], *, repeats: int = REPEATS, seed: int = 0
) -> pd.DataFrame:
    """Return `repeats` draws of the sums over every value of `groups` of Φ⁻¹(PIT)² ('z2') and of the PIT ('pit').

    The draws are what the sums would be if the values came from the model itself. A group is (sample:
    draws × values, truths: k × values), the truths drawn from the same model independently of the
    sample, one row one joint draw: the values of a group keep the dependence the model gives them
    (for one origin: the drift's error, the drawn shock sizes, each year's common shock). Each repeat
    takes one truth row per group at random, groups independently of each other, and scores it against
    its sample exactly as a published value is scored (`_summary`'s PIT).
    """
    rng = np.random.default_rng([int(seed), 23])
    total = np.zeros((int(repeats), 2))
    for sample, truths in groups:
        ordered = np.sort(np.asarray(sample, dtype=float), axis=0)
        truth_array = np.asarray(truths, dtype=float)
        below = np.column_stack(
            [np.searchsorted(ordered[:, v], truth_array[:, v], side="right") for v in range(ordered.shape[1])]
        )
        pit = (below + 0.5) / (ordered.shape[0] + 1.0)
        z2 = normal_score(pit.ravel()).reshape(pit.shape) ** 2
        sums = np.column_stack([z2.sum(axis=1), pit.sum(axis=1)])
        total += sums[rng.integers(0, len(sums), int(repeats))]
    return pd.DataFrame(total, columns=["z2", "pit"])


def joint_reference(
    rows: pd.DataFrame,
    forecasts: pd.DataFrame,
    target: str,
    *,
    horizons: Sequence[int] = HORIZONS,
    draws: int = 2000,
    seed: int = 0,
    truths: int = TRUTHS,
    subject: str = vocab.SUBJECT_CITY,
) -> pd.DataFrame:
    """Return draws of the sums of Φ⁻¹(PIT)² and of the PIT over `forecasts`' `target` values if the panel were right.

    Each origin's sample is `rolling`'s (same rows, draws, seed); its truths are `truths` paths of
    the same fit drawn from another seed. The values of one origin share their shocks, so the sum of
    squared normal scores varies far more than a chi-square with as many degrees of freedom: that
    distribution, not the chi-square, says when the sum is too small (bands too wide) or too large (too
    narrow), and the sum of the PITs when the medians sit too high or too low. Origins are
    drawn independently, although they share calendar years: a narrower reference, so a stricter check.
    """
    scored = forecasts[(forecasts["method"] == "model") & (forecasts["target"] == target)]
    groups = []
    for origin, values in scored.groupby("origin", sort=True):
        _, first, drawn = _draw(rows, int(origin), horizons, draws, seed)
        _, _, other = _draw(rows, int(origin), horizons, truths, seed + 1)
        keys = list(zip(values["city"], values["year"].astype(int), strict=True))
        groups.append(
            tuple(
                np.column_stack([_sample(paths, first, target, city, year, subject) for city, year in keys])
                for paths in (drawn, other)
            )
        )
    return reference_sums(groups, seed=seed)


def _summary(sample: np.ndarray, observed: float) -> dict[str, float]:
    low, mid, high = np.quantile(sample, (0.1, 0.5, 0.9))
    # the share of draws at or below the observed value, kept half a draw inside (0, 1)
    pit = (float((sample <= observed).sum()) + 0.5) / (sample.size + 1.0)
    return {
        "mean": float(sample.mean()),
        "sd": float(sample.std(ddof=1)),
        "p10": low,
        "p50": mid,
        "p90": high,
        "pit": pit,
    }


def _point(value: float) -> dict[str, float]:
    """Return a point forecast's columns: its value as mean and median, no band (NaN), no PIT."""
    return {"mean": value, "sd": math.nan, "p10": math.nan, "p50": value, "p90": math.nan, "pit": math.nan}


def _normal(mean: float, sd: float, observed: float) -> dict[str, float]:
    pit = NormalDist(mean, sd).cdf(observed)
    return {"mean": mean, "sd": sd, "p10": mean - Z90 * sd, "p50": mean, "p90": mean + Z90 * sd, "pit": pit}


def normal_score(pit: np.ndarray) -> np.ndarray:
    """Return Φ⁻¹ of each PIT value: a standard normal variable when the predictive distribution is right."""
    clipped = np.clip(np.asarray(pit, dtype=float), 1e-12, 1.0 - 1e-12)
    return np.array([NormalDist().inv_cdf(float(value)) for value in clipped])


def scores(forecasts: pd.DataFrame) -> pd.DataFrame:
    """Return per target, city (and 'all') and method: n, MAE, coverage (%), interval score (×100), mean Φ⁻¹(PIT)²."""
    banded = forecasts["p10"].notna() & forecasts["p90"].notna()  # a point forecast (the target) has no band
    inside = (forecasts["p10"] <= forecasts["observed"]) & (forecasts["observed"] <= forecasts["p90"])
    z2 = pd.Series(np.nan, index=forecasts.index)
    z2[banded] = normal_score(forecasts.loc[banded, "pit"]) ** 2
    frame = forecasts.assign(
        error=(forecasts["p50"] - forecasts["observed"]).abs() * 100.0,
        inside=inside.astype(float).where(banded),
        interval=interval_score(forecasts["p10"], forecasts["p90"], forecasts["observed"]) * 100.0,
        z2=z2,
    )
    table = (
        pd.concat([frame, frame.assign(city="all")])
        .groupby(["target", "city", "method"], sort=False)
        .agg(
            n=("error", "size"),
            inside=("inside", "sum"),
            mae=("error", "mean"),
            coverage=("inside", "mean"),
            interval=("interval", "mean"),
            z2=("z2", "mean"),
        )
        .reset_index()
    )
    table["coverage"] = table["coverage"] * 100.0
    table.loc[table["coverage"].isna(), "inside"] = np.nan
    return table


def markdown(table: pd.DataFrame, forecasts: pd.DataFrame) -> str:
    """Return the scores as a Markdown table, the model next to the random walk and the targets, and the origins."""
    lines = [
        "| target | city | values scored | model MAE | model p10–p90 coverage | model interval score | "
        "random walk MAE | random walk coverage | random walk interval score | city's target MAE (values) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    wide = table.pivot_table(
        index=["target", "city"], columns="method", values=["n", "inside", "mae", "coverage", "interval"], sort=False
    )
    for (target, city), row in wide.iterrows():
        aimed = (
            f"{row[('mae', 'target')]:.2f} ({int(row[('n', 'target')])})"
            if ("n", "target") in row.index and pd.notna(row[("n", "target")])
            else "—"
        )
        lines.append(
            f"| {target} | {city} | {int(row[('n', 'model')])} | {row[('mae', 'model')]:.2f} | "
            f"{row[('coverage', 'model')]:.0f} % ({int(row[('inside', 'model')])}/{int(row[('n', 'model')])}) | "
            f"{row[('interval', 'model')]:.2f} | {row[('mae', 'random_walk')]:.2f} | "
            f"{row[('coverage', 'random_walk')]:.0f} % | {row[('interval', 'random_walk')]:.2f} | {aimed} |"
        )
    origins = sorted(int(origin) for origin in forecasts["origin"].unique())
    lines.append("")
    lines.append(
        f"Rolling origins {', '.join(map(str, origins))}; horizons 1–4 years; growth in pp, "
        "log gap in log points × 100; interval score of the p10–p90 band in the same unit (lower is better). "
        "The city's target: its own real growth target for the year after the origin plus its latest "
        "published price change (nominal less real growth), a point forecast for every horizon."
    )
    return "\n".join(lines)


def coverage_range(count: int, share: float = 1.0 - ALPHA, level: float = 0.95) -> tuple[int, int]:
    """Return the central `level` range of the number inside the bands among `count` values if they cover `share`.

    Binomial(count, share) quantiles: with few values the range is wide (for 6 values at 80 %: 3 to 6),
    which is how the tolerance on the coverage follows from the count.
    """
    tail = (1.0 - level) / 2.0
    cdf = 0.0
    low = high = count
    found_low = False
    for inside in range(count + 1):
        cdf += math.comb(count, inside) * share**inside * (1.0 - share) ** (count - inside)
        if not found_low and cdf > tail:
            low, found_low = inside, True
        if cdf >= 1.0 - tail:
            high = inside
            break
    return low, high
