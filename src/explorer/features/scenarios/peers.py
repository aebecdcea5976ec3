"""The peers on the Scenarios page, as pure functions: their paths and captions on the fan chart, the gap sentences."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explorer.core import vocab
from explorer.core.i18n import t
from explorer.features.pieces import enumerated
from explorer.features.scenarios.cards import card_value
from explorer.features.scenarios.results import MODEL_GROUPS
from explorer.model.comparison import PANEL_GROWTH
from explorer.model.panel import INDICATOR


def peer_rows(peers: pd.DataFrame, outcome: str, lang: str, cities: Sequence[str] = vocab.PEER_CITIES) -> pd.DataFrame:
    """Return the cities' paths of the outcome (Beijing's and Shanghai's by default; Shenzhen's published years when
    asked for), only where they share the model's definition.

    Observed years keep their value (no band); the extrapolated years carry their own trend's p10–p90 and
    start from the last observed year before them, so that the dashed line joins the solid one.
    """
    rows = peers[
        (peers["indicator"] == outcome)
        & (peers["city"].isin(cities))
        & (peers["comparability_group"] == MODEL_GROUPS.get(outcome))
        & (peers["basis"] != "target")
    ]
    rows = rows.assign(is_extrapolated=rows["basis"].str.startswith("extrapolated"))
    joins = []
    for _, city_rows in rows.groupby("city"):
        trend = city_rows[city_rows["is_extrapolated"]]
        before = city_rows[~city_rows["is_extrapolated"] & (city_rows["year"] < trend["year"].min())]
        if not trend.empty and not before.empty:
            last = before.loc[before["year"].idxmax()]
            joins.append(
                last.to_frame().T.assign(is_extrapolated=True, is_join=True, p10=last["value"], p90=last["value"])
            )
    rows = pd.concat([rows.assign(is_join=False), *joins], ignore_index=True)
    published_break = rows["break_before"].fillna(False).astype(bool) if "break_before" in rows else False
    rows = rows.assign(break_before=published_break & ~rows["is_extrapolated"].astype(bool))
    rows = rows.assign(
        series=rows["city"].map(lambda city: t(f"city.{city}", lang)),
        is_extrapolated=rows["is_extrapolated"].astype(bool),
        is_join=rows["is_join"].astype(bool),
        year=rows["year"].astype(int),
        value=rows["value"].astype(float),
        p10=rows["p10"].astype(float),
        p90=rows["p90"].astype(float),
    )
    columns = [
        *("city", "series", "year", "value", "p10", "p90", "basis"),
        *("is_extrapolated", "is_join", "segment", "break_before"),
    ]
    rows = rows.sort_values(["city", "year", "is_extrapolated"]).reset_index(drop=True)
    return rows.assign(segment=segments(rows))[columns]


def segments(rows: pd.DataFrame) -> list[str]:
    """Return each published row's line segment: a city's line restarts at a revision (`break_before`), the rule
    Benchmarks draws by, so a census step is not drawn as growth. Projected rows are one segment of their own."""
    ordered = rows.sort_values(["series", "year"], kind="mergesort")
    published = ~ordered["is_extrapolated"].astype(bool)
    starts = (ordered["break_before"].astype(bool) & published).groupby(ordered["series"]).cumsum()
    labels = ordered["series"] + "-" + starts.astype(str).where(published, "projected")
    return labels.reindex(rows.index).tolist()


def break_captions(cities: pd.DataFrame, lang: str) -> list[str]:
    """Return the caption naming each series break of the published years drawn (city and first year on the new
    basis), as Benchmarks words it beside the same dashed rule; none where no published year starts a new basis."""
    marked = cities[cities["break_before"].astype(bool) & ~cities["is_extrapolated"].astype(bool)]
    if marked.empty:
        return []
    marked = marked.sort_values(["city", "year"])
    places = enumerated((f"{series} {year}" for series, year in zip(marked["series"], marked["year"])), lang)
    return [t("benchmarks.breaks", lang, places=places)]


def peer_captions(cities: pd.DataFrame, lang: str, *, growth: str = PANEL_GROWTH) -> list[str]:
    """Return the captions by the chart: how peers are drawn, and each peer with no figure under the definition.

    `growth`: Shenzhen's GDP baseline (`comparison.GROWTHS`); an alternative to the panel's path is named."""
    present = set(cities["city"])
    missing = [
        t("scenarios.peers.no_figure", lang, city=t(f"city.{c}", lang)) for c in vocab.PEER_CITIES if c not in present
    ]
    note = t("scenarios.peers.note" if growth == PANEL_GROWTH else f"scenarios.peers.note_{growth}", lang)
    return ([note] if present else []) + missing


# The gap sentence's numbers that are not amounts, as it prints them: (units.csv code, decimals). The ratio is
# printed as a per cent of the peer; the downloads write these fields the same way.
GAP_PRINTED = {
    "closed_pct": ("pct", 0),
    "ratio_p50": ("pct", 0),
    "lever_pp": ("pp_per_year", 2),
    "needed_pp": ("pp_per_year", 1),
}


# The gap sentence's key by what the levers do to the gap: close it, widen it, or change it by less than the share's
# last printed digit ("barely"), or not at all (every quantile of the paired change is zero: "none", the paper's
# own levers, or a lever that does not bind); scenario B's (the brief) ends in "_b".
GAP_SENTENCES = {"close": "sentence", "widen": "sentence_widen", "barely": "sentence_barely", "none": "sentence_none"}
GAP_OF_B = "_b"


def printed_value(field: str, value: float) -> float:
    """Return a gap table's field in the unit GAP_PRINTED names (a ratio, Shenzhen ÷ peer, as a per cent)."""
    return 100 * value if field.startswith("ratio_") else value


def _printed(field: str, value: float) -> str:
    """Return one of GAP_PRINTED's fields as the gap sentence prints it."""
    return f"{printed_value(field, value):.{GAP_PRINTED[field][1]}f}"


def gap_lines(
    gaps: dict[str, pd.DataFrame],
    year: int,
    outcomes: pd.DataFrame,
    lang: str,
    unit_of: str = INDICATOR,
    *,
    of_b: bool = False,
) -> tuple[str, ...]:
    """Return per peer the plain-words gap sentence in `year`: the share of the gap the levers close, then the numbers.

    `gaps` is `model.comparison.gaps` (peer -> gap table); `outcomes` the outcomes table indexed by code;
    amounts are written in the unit of outcome `unit_of` (GDP's 亿元 by default). `of_b`: the levers are scenario
    B's, not the ones set on the page (the brief's lines under "Scenario B").
    """

    def money(value: float, signed: bool = False) -> str:  # the rounding policy of core.compact
        return card_value(float(value), unit_of, outcomes, lang, signed=signed)

    lines = []
    for city in vocab.PEER_CITIES:
        table = gaps.get(city)
        if table is None or table.empty or year not in set(table["year"]):
            continue
        at = table.set_index("year").loc[year]
        name = t(f"city.{city}", lang)
        if at["gap_p50"] >= 0:
            lines.append(t("scenarios.gap.ahead", lang, city=name, year=year))
            continue
        closed = _printed("closed_pct", abs(at["closed_pct"]))
        unchanged = all(at[f"effect_{q}"] == 0 for q in ("p10", "p50", "p90"))
        moved = "barely" if float(closed) == 0 else "close" if at["effect_p50"] >= 0 else "widen"
        kind = "none" if unchanged else moved
        lever_pp = _printed("lever_pp", at["lever_pp"])
        if float(lever_pp) == 0:  # not "0.00 pp of growth a year" for a change below the last decimal
            lever_pp = t("scenarios.gap.less_than", lang, value=f"{10.0 ** -GAP_PRINTED['lever_pp'][1]:g}")
        lines.append(
            t(
                f"scenarios.gap.{GAP_SENTENCES[kind]}{GAP_OF_B if of_b else ''}",
                lang,
                city=name,
                year=year,
                closed=closed,
                gap=money(-at["gap_p50"]),
                gap_low=money(-at["gap_p90"]),
                gap_high=money(-at["gap_p10"]),
                ratio=_printed("ratio_p50", at["ratio_p50"]),
                effect=money(at["effect_p50"], signed=True),
                effect_low=money(at["effect_p10"], signed=True),
                effect_high=money(at["effect_p90"], signed=True),
                lever_pp=lever_pp,
                needed_pp=_printed("needed_pp", at["needed_pp"]),
            )
        )
    return tuple(lines)
