"""What the Methods page shows of the hindcast, as pure functions: charts per city, the score table, the coverage."""

from __future__ import annotations

import pandas as pd

from explorer.core import vocab
from explorer.core.formatting import format_number, shown_unit
from explorer.core.i18n import t
from explorer.features.hindcast import charts as hindcast_specs
from explorer.features.pieces import ChartView, enumerated, listed, sentences
from explorer.model import hindcast as backtest
from explorer.model import validation
from explorer.model.peers import observed_series

COLOURS = {"observed": "#000000", "model": "#0072B2", "random_walk": "#E69F00"}  # Okabe–Ito
METHODS = backtest.METHODS


def _series_label(indicator: str, lang: str) -> str:
    return t(f"methods.hindcast.series.{indicator}", lang)


def hindcast_charts(rows: pd.DataFrame, forecasts: pd.DataFrame, lang: str) -> list[ChartView]:
    """Return one chart per scored city and series: published values, and each method's band from the last fit year."""
    legend = {code: t(f"methods.hindcast.legend.{code}", lang) for code in COLOURS}
    views = []
    for (indicator, city), scored in forecasts.groupby(["indicator", "city"], sort=False):
        train, test = backtest.split(
            observed_series(rows, city, indicator, backtest.SERIES[indicator]), backtest.FIT_END, scored["year"]
        )
        observed = pd.concat([train, test])[["year", "value"]].assign(series=legend["observed"])
        anchor = train.iloc[-1]
        start = pd.DataFrame(
            {
                "method": list(METHODS),
                "year": int(anchor["year"]),
                **{p: anchor["value"] for p in ("p10", "p50", "p90")},
            }
        )
        bands = pd.concat([start, scored[["method", "year", "p10", "p50", "p90"]]], ignore_index=True)
        bands = bands.assign(series=bands["method"].map(legend)).sort_values(["method", "year"], kind="mergesort")
        unit = rows[rows["indicator"] == indicator].iloc[0]
        factor, unit_text = shown_unit(unit["unit"], lang, unit["unit_zh"], unit["unit_symbol_en"])
        observed = observed.assign(value=observed["value"] * factor)
        bands = bands.assign(**{p: bands[p] * factor for p in ("p10", "p50", "p90")})
        series = _series_label(str(indicator), lang)
        spec = hindcast_specs.hindcast_chart(
            observed,
            bands,
            colours={legend[code]: colour for code, colour in COLOURS.items()},
            title=t(
                "methods.hindcast.chart.title", lang, city=t(f"city.{city}", lang), series=series, year=backtest.FIT_END
            ),
            y_title=t("methods.hindcast.axis", lang, series=series, unit=unit_text),
            lang=lang,
        )
        table = pd.concat([observed.rename(columns={"value": "p50"}), bands.drop(columns="method")], ignore_index=True)
        table = table[["series", "year", "p10", "p50", "p90"]].rename(
            columns={name: t(f"col.{name}", lang) for name in ("series", "year", "p10", "p50", "p90")}
        )
        views.append(ChartView(spec, table, f"hindcast_{indicator}_{city}", t("methods.hindcast.chart.caption", lang)))
    return views


def coverage_lines(scores: pd.DataFrame, lang: str) -> list[str]:
    """Return, per scored series, the pooled coverage and MAPE of the model next to the random walk's."""
    pooled = scores[scores["city"] == "all"].set_index(["indicator", "method"])
    return [
        t(
            "methods.hindcast.coverage",
            lang,
            series=_series_label(str(indicator), lang),
            n=int(pooled.at[(indicator, "model"), "n"]),
            coverage=format_number(round(pooled.at[(indicator, "model"), "coverage"])),
            mape=f"{pooled.at[(indicator, 'model'), 'mape']:.1f}",
            rw_coverage=format_number(round(pooled.at[(indicator, "random_walk"), "coverage"])),
            rw_mape=f"{pooled.at[(indicator, 'random_walk'), 'mape']:.1f}",
        )
        for indicator in pooled.index.get_level_values("indicator").unique()
    ]


def score_table(scores: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the score table in the page's language: one row per series and city (and all), both methods."""
    wide = scores.pivot_table(
        index=["indicator", "city"], columns="method", values=["n", "mape", "coverage"], sort=False
    )
    frame = pd.DataFrame(
        {
            t("col.series", lang): [_series_label(str(code), lang) for code, _ in wide.index],
            t("col.city", lang): [
                t(f"city.{city}", lang) if city in vocab.CITIES else t("methods.hindcast.all", lang)
                for _, city in wide.index
            ],
            t("methods.hindcast.col.n", lang): wide[("n", "model")].astype(int).to_numpy(),
        }
    )
    for method in METHODS:
        name = t(f"methods.hindcast.short.{method}", lang)  # short: the headers fit a 1440 px table
        frame[t("methods.hindcast.col.mape", lang, method=name)] = wide[("mape", method)].round(1).to_numpy()
        frame[t("methods.hindcast.col.coverage", lang, method=name)] = wide[("coverage", method)].round(0).to_numpy()
    return frame


def missing_line(missing: pd.DataFrame, lang: str) -> str | None:
    """Return the Markdown list of the series not scored and why, or None when every series is scored."""
    if missing.empty:
        return None
    items = [
        "- "
        + t(
            "methods.hindcast.missing.item",
            lang,
            series=_series_label(str(indicator), lang),
            cities=listed((t(f"city.{city}", lang) for city in group["city"]), lang),
            reason=t(f"methods.hindcast.reason.{reason}", lang),
        )
        for (indicator, reason), group in missing.groupby(["indicator", "reason"], sort=False)
    ]
    return "\n".join([t("methods.hindcast.missing", lang), *items])


def rolling_line(scores: pd.DataFrame, forecasts: pd.DataFrame, lang: str) -> str | None:
    """Return the rolling-origin summary: origins, counts, the coverage range the count allows, the gap's scores, and
    the cities' own targets' errors beside the model's where they are scored."""
    pooled = scores[scores["city"] == "all"].set_index(["target", "method"])
    if ("log_gap", "model") not in pooled.index:
        return None
    gap, walk = pooled.loc[("log_gap", "model")], pooled.loc[("log_gap", "random_walk")]
    growth = int(pooled.at[("growth", "model"), "n"]) if ("growth", "model") in pooled.index else 0
    low, high = validation.coverage_range(int(gap["n"]))
    line = t(
        "methods.rolling.line",
        lang,
        origins=enumerated((str(int(origin)) for origin in sorted(forecasts["origin"].unique())), lang),
        n=growth + int(gap["n"]),
        growth=growth,
        gaps=int(gap["n"]),
        low=low,
        high=high,
        inside=int(gap["inside"]),
        mae=f"{gap['mae']:.2f}",
        rw_mae=f"{walk['mae']:.2f}",
        score=f"{gap['interval']:.2f}",
        rw_score=f"{walk['interval']:.2f}",
    )
    if not {("growth", "target"), ("log_gap", "target"), ("growth", "model")} <= set(pooled.index):
        return line
    aimed = t(
        "methods.rolling.targets",
        lang,
        growth_mae=f"{pooled.at[('growth', 'model'), 'mae']:.2f}",
        growth_target=f"{pooled.at[('growth', 'target'), 'mae']:.2f}",
        growth_n=int(pooled.at[("growth", "target"), "n"]),
        gap_mae=f"{gap['mae']:.2f}",
        gap_target=f"{pooled.at[('log_gap', 'target'), 'mae']:.2f}",
        gap_n=int(pooled.at[("log_gap", "target"), "n"]),
    )
    return sentences((line, aimed), lang)


def rolling_table(scores: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the rolling-origin scores in the page's language: one row per target and city (and all), each method.

    The model and the random walk with their error, coverage and interval score; the cities' own targets, a
    point forecast, with their error and the count they score (a city without a target for a year has none).
    """
    wide = scores.pivot_table(
        index=["target", "city"], columns="method", values=["n", "inside", "mae", "interval"], sort=False
    )
    frame = pd.DataFrame(
        {
            t("methods.rolling.col.target", lang): [
                t(f"methods.rolling.target.{code}", lang) for code, _ in wide.index
            ],
            t("col.city", lang): [
                t(f"city.{city}", lang) if city in vocab.CITIES else t("methods.hindcast.all", lang)
                for _, city in wide.index
            ],
            t("methods.hindcast.col.n", lang): wide[("n", "model")].astype(int).to_numpy(),
        }
    )
    for method in validation.BAND_METHODS:
        name = t(f"methods.hindcast.short.{method}", lang)
        frame[t("methods.rolling.col.mae", lang, method=name)] = wide[("mae", method)].round(2).to_numpy()
        frame[t("methods.rolling.col.coverage", lang, method=name)] = [
            f"{int(inside)}/{int(n)}" for inside, n in zip(wide[("inside", method)], wide[("n", method)], strict=True)
        ]
        frame[t("methods.rolling.col.interval", lang, method=name)] = wide[("interval", method)].round(2).to_numpy()
    if ("n", "target") in wide.columns:
        name = t("methods.hindcast.short.target", lang)
        frame[t("methods.rolling.col.mae", lang, method=name)] = wide[("mae", "target")].round(2).to_numpy()
        frame[t("methods.rolling.col.count", lang, method=name)] = [
            "—" if pd.isna(n) else str(int(n)) for n in wide[("n", "target")]
        ]
    return frame
