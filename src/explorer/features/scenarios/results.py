"""What the Scenarios page derives from a projection: lever groups, KPI deltas, peer odds, summary."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from explorer import model
from explorer.core.compact import percent_change, printed_difference
from explorer.core.i18n import t
from explorer.core.vocab import UNITS
from explorer.features.pieces import sentences
from explorer.features.scenarios.cards import card_value, change_text, change_value, is_no_change
from explorer.model import digital

DRAWS = 1000  # Monte Carlo draws per projection: p10/p90 stable to about 1 % between seeds
SEED = 2024  # fixed, so that a link reproduces the same numbers

# Paper targets drawn as markers on an outcome's chart; the scope caveat is a translation key.
TARGET_MARKERS = {
    "dc_racks_total": "target_dc_racks_2025",
    "dc_pue_fleet": "target_new_dc_pue_2025",
    "xc_domestic_share": "target_xc_procurement_share",
}
PEER_OUTCOMES = ("gdp", "core_va", "core_va_share")  # outcomes the benchmarks also publish, same definitions
SUMMARY_PEER_OUTCOMES = ("gdp", "core_va")  # the summary states Shenzhen's odds against each peer in these
# The definition of the figure each outcome is anchored on: Shenzhen's core value added (8,446 亿元 in 2020, 30.5 %)
# is the city industry bureau's, with no stated classification, so no peer figure shares it.
MODEL_GROUPS = {
    "gdp": "gdp_stats",
    digital.INDICATOR: digital.GROUP,  # not a model outcome: the section-I comparison of the three cities
    "core_va": "core_va_shenzhen_unstated",
    "core_va_share": "core_va_share_shenzhen_unstated",
}


def paper_levers(horizon: int) -> model.Levers:
    """Return the paper's policy (the baseline every scenario is compared with) to `horizon`."""
    return replace(model.baseline(), horizon=horizon)


# Scenario B, compared with the levers on the page: a preset code, or "own" for levers kept in the URL's `b`.
VIEWS = ("projection", "peers", "why", "sensitivity")  # the results' tabs (URL `view`), in order
NO_COMPARE = "none"
OWN_COMPARE = "own"
# Scenario B in the URL: `b=dc_racks:0,xc_share:60,…` by lever name (horizon aside: B runs to A's horizon), so a
# lever added later leaves old links readable (a name a link lacks takes the paper's value). Links written before
# names were used carry the six values by position, joined by "_", in this order; they are still read.
B_PAIR, B_SEPARATOR = ":", ","
LEGACY_B_ORDER = ("dc_racks", "dc_pue", "dc_util_gate", "xc_share", "talent_subsidy", "talent_quota")


def b_text(levers: model.Levers) -> str:
    """Return levers as the URL's `b` value: every lever as name:value (no horizon)."""
    query = levers.to_query()
    return B_SEPARATOR.join(f"{name}{B_PAIR}{query[name]}" for name in model.LEVER_NAMES)


def _b_values(raw: str) -> dict[str, str] | None:
    """Return a `b` value's lever values by name (named or legacy positional form), or None if it is neither."""
    if B_PAIR not in raw:
        values = raw.split("_")
        return dict(zip(LEGACY_B_ORDER, values)) if len(values) == len(LEGACY_B_ORDER) else None
    pairs = [item.partition(B_PAIR) for item in raw.split(B_SEPARATOR)]
    names = [name for name, _, _ in pairs]
    if any(not sep for _, sep, _ in pairs) or len(set(names)) != len(names) or not set(names) <= set(model.LEVER_NAMES):
        return None
    return {name: value for name, _, value in pairs}


def parse_b(raw: str, horizon: int) -> model.Levers | None:
    """Return the levers of a `b` value (clamped and snapped like any URL lever) to `horizon`, or None if unusable."""
    values = _b_values(raw)
    if values is None:
        return None
    levers, changed = model.Levers.from_mapping(values, paper_levers(horizon))
    return None if changed else levers


def compare_levers(code: str, own: model.Levers | None, horizon: int) -> model.Levers | None:
    """Return scenario B's levers to `horizon`: a preset's, the user's own, or None when nothing is compared."""
    if code == NO_COMPARE:
        return None
    if code == OWN_COMPARE:
        return None if own is None else replace(own, horizon=horizon)
    return replace(model.PRESETS[code], horizon=horizon)


def figure_in_model_unit(fig: pd.Series) -> float:
    """Return a paper figure's value in the model's unit (万个 → units, % and ratios as they are)."""
    return float(fig["value"]) * UNITS[fig["unit"]].scale


def end_year_deltas(scenario: pd.DataFrame, base: pd.DataFrame, paired: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return per indicator in `year` the scenario's and the baseline's medians and the change: the paired difference.

    "The change" is one quantity everywhere it is printed (cards, summary, why it moved, the waterfall, the brief):
    the median over the same draws of scenario − paper's policy (delta), with its p10 and p90 (delta_p10,
    delta_p90), and delta_pct its share of the baseline's median; not the difference of the two medians.
    """
    pick = lambda frame, q="p50": frame[frame["year"] == year].set_index("indicator")[q]  # noqa: E731
    frame = pd.DataFrame(
        {
            "scenario": pick(scenario),
            "baseline": pick(base),
            "delta": pick(paired),
            "delta_p10": pick(paired, "p10"),
            "delta_p90": pick(paired, "p90"),
        }
    )
    frame["delta_pct"] = (frame["delta"] / frame["baseline"].where(frame["baseline"] != 0) * 100).fillna(0.0)
    return frame


def b_deltas(b: pd.DataFrame, b_paired: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return per indicator scenario B's median in `year` (column scenario) and its change (delta), measured as the
    scenario's own: the median of B − paper's policy over the same draws (`b_paired`), not a difference of medians."""
    pick = lambda frame: frame[frame["year"] == year].set_index("indicator")["p50"]  # noqa: E731
    return pd.DataFrame({"scenario": pick(b), "delta": pick(b_paired)})


def sensitivity_of_change(scenario: pd.DataFrame, base: pd.DataFrame) -> pd.DataFrame:
    """Return each parameter's low/high effect on scenario − baseline, from the two model.tornado tables.

    The channel parameters (rack revenue, the talent pool, migration costs) move the change from the paper's
    policy even where the level is dominated by the GDP trend.
    """
    both = scenario.merge(base, on="parameter", suffixes=("", "_base"))
    frame = pd.DataFrame(
        {
            "parameter": both["parameter"],
            "low_value": both["low_value"] - both["low_value_base"],
            "high_value": both["high_value"] - both["high_value_base"],
            "central_value": both["central_value"] - both["central_value_base"],
        }
    )
    frame["swing"] = (frame["high_value"] - frame["low_value"]).abs()
    return frame.sort_values(["swing", "parameter"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def odds_in(odds: pd.DataFrame, year: int) -> dict[str, float | str]:
    """Return per peer city the probability that Shenzhen is at or above it in `year`, or why there is none."""
    rows = odds[odds["year"] == year]
    return {
        str(row.city): float(row.probability) if row.status == "ok" else str(row.status)
        for row in rows.itertuples(index=False)
    }


# Words for a probability, as calibrated-language scales use them (upper bounds, exclusive; the last takes 100 %).
LIKELIHOOD = (
    (0.10, "very_unlikely"),
    (0.33, "unlikely"),
    (0.66, "even"),
    (0.90, "likely"),
    (float("inf"), "very_likely"),
)


def likelihood(chance: float) -> str:
    """Return the code of the words for a probability: very_unlikely (< 10 %) … very_likely (≥ 90 %)."""
    return next(code for bound, code in LIKELIHOOD if chance < bound)


ODDS_DECIMALS = 0  # a probability is printed in whole per cent (of 1,000 draws), on the page and in the downloads


def odds_sentence(city: str, chance: float | str, year: int, lang: str, where: str = "peers") -> str:
    """Return one sentence: 'Probability Shenzhen ≥ Beijing in 2030: 12 %', or why no probability is given.

    `where` is 'peers' (under the outcome chart) or 'summary.<outcome>' (in the summary, naming the outcome).
    """
    name = t(f"city.{city}", lang)
    if isinstance(chance, str):
        return t(f"scenarios.{where}.{chance}", lang, city=name)
    words = t(f"scenarios.likelihood.{likelihood(chance)}", lang)
    return t(
        f"scenarios.{where}.odds", lang, city=name, year=year, pct=f"{100.0 * chance:.{ODDS_DECIMALS}f}", words=words
    )


SOE_RUNNING = "xc_user_cost_soe"  # the state-owned buyers' extra Xinchuang running cost: lowers GDP, outside the core


def gdp_gap(deltas: pd.DataFrame, outcomes: pd.DataFrame, lang: str) -> str | None:
    """Return why GDP's change differs from core value added's, or None where they print the same.

    In the model GDP's change is core value added's less the state-owned buyers' extra Xinchuang running cost, which
    lowers their value added outside the digital core (model.simulation: gdp = trend + Δcore − Δ SOE running cost),
    exactly in every draw. The sentence prints the difference of the two changes as their cards print them, so its
    numbers add up, and the cost's own paired median, which need not equal that difference (the third walk read
    "+6.95 … +0.21 … 5.93" with nothing that added up).
    """
    if not {"gdp", "core_va", SOE_RUNNING} <= set(deltas.index):
        return None
    gdp_delta, core_delta = float(deltas.at["gdp", "delta"]), float(deltas.at["core_va", "delta"])
    gdp, core = (
        change_value(value, code, outcomes, lang) for value, code in ((gdp_delta, "gdp"), (core_delta, "core_va"))
    )
    cost = float(deltas.at[SOE_RUNNING, "delta"])
    if gdp == core or is_no_change(change_value(cost, SOE_RUNNING, outcomes, lang), SOE_RUNNING, outcomes, lang):
        return None
    row = outcomes.loc["gdp"]
    diff = printed_difference(core_delta, gdp_delta, row["unit"], lang, row["unit_short_zh"], row["unit_short_en"])
    if diff is None or (core_delta > gdp_delta) != (cost > 0):  # medians of opposite signs: nothing to explain
        return None
    amount = card_value(abs(cost), SOE_RUNNING, outcomes, lang)
    key = f"scenarios.summary.gdp_gap.{'more' if core_delta > gdp_delta else 'less'}"
    return t(key, lang, gdp=gdp, core=core, diff=diff, cost=amount)


def summary(
    deltas: pd.DataFrame,
    levers: model.Levers,
    odds: dict[str, dict[str, float | str]],
    outcomes: pd.DataFrame,
    lang: str,
) -> str:
    """Return a plain-language paragraph describing the scenario against the paper's policy.

    Every number is printed as on its card (`cards.card_value`, the one rounding policy of core.compact): a level at
    three significant figures, a change (the paired median of `end_year_deltas`) too, a count at two.
    """
    year = levers.horizon

    def level(code: str, *, bare: bool = False) -> str:
        text = card_value(deltas.at[code, "scenario"], code, outcomes, lang)
        return text.rsplit(" ", 1)[0] if bare else text  # the number alone where the sentence names the unit

    def change(code: str, *, bare: bool = False) -> str:
        if bare:
            return change_value(deltas.at[code, "delta"], code, outcomes, lang).split(" ", 1)[0]
        return change_text(deltas.at[code, "delta"], code, outcomes, lang)[0]  # as the card

    core = deltas.loc["core_va"]
    parts = [
        t(
            "scenarios.summary.core",
            lang,
            year=year,
            value=level("core_va"),
            delta=change("core_va"),
            pct=percent_change(core["delta"], core["baseline"]) or "—",
            share=level("core_va_share", bare=True),
        ),
        t(
            "scenarios.summary.dc",
            lang,
            compute=level("compute_eflops"),
            dcompute=change("compute_eflops"),
            power=level("dc_power_gwh"),
            dpower=change("dc_power_gwh"),
        ),
    ]
    gap = gdp_gap(deltas, outcomes, lang)
    if gap is not None:
        parts.append(gap)
    delta = change("xc_domestic_share", bare=True)
    count = abs(float(delta.replace(",", ""))) if delta != "0" else 0
    parts.append(t("scenarios.summary.xc", lang, count=count, share=level("xc_domestic_share", bare=True), delta=delta))
    people = level("talent_added", bare=True)
    parts.append(
        t(
            "scenarios.summary.talent",
            lang,
            count=float(people.replace(",", "")),
            people=people,
            cost=level("fiscal_cost_cum"),
        )
    )
    parts += [
        odds_sentence(city, chance, year, lang, where=f"summary.{indicator}")
        for indicator, cities in odds.items()
        for city, chance in cities.items()
    ]
    parts.append(t("scenarios.summary.caveat", lang))
    return sentences(parts, lang)
