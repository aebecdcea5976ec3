"""One change, one number (issue 23): every place that prints a scenario's change prints the same number.

For several lever settings, both languages and three outcomes (core value added, GDP through the panel, a share in
points), the card, the "why it moved" text, the waterfall's table, the summary and the brief print the same change
for the same outcome and year; the printed parts add up to the printed total; and that number is the median of the
paired difference (scenario − paper's policy over the same draws), not the difference of the two medians.
"""

import re

import pytest

from explorer import charts, model
from explorer.core.i18n import LANGS, t
from explorer.data import loaders
from explorer.features.scenarios import cache
from explorer.features.scenarios.cards import KPI_OUTCOMES
from explorer.features.scenarios.results import DRAWS, SEED, paper_levers

ALL_MAX = model.Levers(**{spec.name: spec.high for spec in model.LEVERS}, horizon=2030)
SETTINGS = {
    "all_levers_max": ALL_MAX,
    "no_new_capacity": model.PRESETS["no_new_capacity"],
    "talent_push": model.PRESETS["talent_push"],
    "xinchuang_push": model.PRESETS["xinchuang_push"],
    "city_plan_2033": model.Levers(**{**vars(model.PRESETS["city_plan"]), "horizon": 2033}),
    # Issue 23's analyst: the parts (−27.1 亿元) are larger than the change (+6.95 亿元) and set the printed place.
    "analyst": model.Levers.from_mapping({"dc_racks": "0", "xc_share": "100", "talent_subsidy": "60000"})[0],
}
OUTCOMES = ("core_va", "gdp", "xc_domestic_share")


def _pattern(key: str, lang: str, **fixed: object) -> re.Pattern:
    """Return a regex of a catalogue sentence: each placeholder a named group (a repeated one must repeat)."""
    names = ("indicator", "year", "p50", "p10", "p90", *model.LEVER_GROUPS, "total", "value", "delta", "pct", "share")
    marks = {name: f"\x00{name}\x00" for name in names if name not in fixed}
    text = re.escape(t(key, lang, **fixed, **marks))
    seen: set[str] = set()
    for name in marks:
        mark = re.escape(f"\x00{name}\x00")
        while mark in text:
            group = f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            text = text.replace(mark, group, 1)
            seen.add(name)
    return re.compile(text)


def _number(text: str) -> float:
    """Return a printed change as a number in the unit it is printed in (万亿元 → 亿元, ¥ tn → ¥ bn)."""
    value = float(re.sub(r"[^\d.]", "", text.split(" ")[0].replace("¥", "")) or 0)
    value *= -1 if text.startswith(("-", "−")) else 1
    return value * (1e4 if "万亿" in text else 1e3 if " tn" in text else 1)


@pytest.fixture(scope="module")
def version() -> str:
    return loaders.database().version


@pytest.fixture(scope="module")
def shown(version):
    """Return (setting, outcome, lang) -> the page's results, as the page builds them."""
    return {
        (name, outcome, lang): cache.scenario_results(version, levers, outcome, None, "", lang)
        for name, levers in SETTINGS.items()
        for outcome in OUTCOMES
        for lang in LANGS
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("outcome", OUTCOMES)
@pytest.mark.parametrize("name", list(SETTINGS))
def test_every_place_prints_the_same_change_and_the_parts_add_up(shown, version, outcomes, name, outcome, lang):
    levers, results = SETTINGS[name], shown[(name, outcome, lang)]
    year = levers.horizon
    label = outcomes.at[outcome, f"label_{lang}"]

    if results.waterfall is None:  # no lever group moves it: the text says so and the card says no change
        assert results.why == t("scenarios.why.flat", lang, indicator=label, year=year)
        cards = [card for card in results.headline if card.label == label]
        assert all(card.delta == t("scenarios.card.no_change", lang) for card in cards)
        return

    # The waterfall's table: three parts and the total, and the parts add up to the total as printed.
    table = results.waterfall.table
    texts = table.iloc[:, 1].tolist()
    parts, total = texts[:-1], texts[-1]
    assert round(sum(map(_number, parts)), 6) == round(_number(total), 6), texts

    # The why text names the same outcome as the waterfall's title, and prints the same total and parts: the
    # change as on its card, and where a part larger than it sets a coarser place (three figures of the largest),
    # the parts' sum, that change rounded to the parts' last digit.
    why = _pattern("scenarios.why", lang).fullmatch(results.why)
    rounded = _pattern("scenarios.why.rounded", lang).fullmatch(results.why)
    assert why or rounded, results.why
    if why:
        assert why["p50"] == total
    else:
        why = rounded
        assert why["total"] == total != why["p50"]
        last = 10.0 ** -len(total.split(" ")[0].replace("¥", "").partition(".")[2])  # the sum's last place
        assert abs(_number(why["p50"]) - _number(total)) <= last / 2 + 1e-9, (why["p50"], total)
    assert why["indicator"] == label and int(why["year"]) == year
    assert [why[group] for group in model.LEVER_GROUPS] == parts
    figures = [len(re.sub(r"\D", "", part.split(" ")[0]).strip("0")) for part in parts]
    assert max(figures) <= 3, parts  # no part printed at more figures than a card prints a change
    total = why["p50"]  # the change as every other place prints it
    title = charts.title_lines(results.waterfall.spec["title"])  # wrapped in lines
    expected = t("scenarios.waterfall.title", lang, indicator=label, year=year)
    assert "".join("".join(title).split()) == "".join(expected.split())
    assert total in results.waterfall.captions[0]  # the note that says how the parts add up names the change

    # The change chart's last year is the same change (its table in the axis unit, three significant figures).
    chart = results.change.table
    last = chart[chart[t("col.year", lang)] == year][t("col.p50", lang)].item()
    place = 10.0 ** -len(total.split(" ")[0].replace("¥", "").partition(".")[2])  # the card's last place
    assert last == pytest.approx(_number(total), rel=0.006, abs=place / 2 + 1e-9), (last, total)

    # The card (centre and band) and the brief's table print the same change.
    if outcome in KPI_OUTCOMES:
        card = next(card for card in results.headline if card.label == label)
        assert card.delta.split(" (")[0] == total
        share = outcome == "xc_domestic_share"  # a band of points is written without its unit word
        low, high = (why[q].split(" ")[0] if share else why[q] for q in ("p10", "p90"))
        assert card.band in (t("scenarios.card.band", lang, low=low, high=high), None if low == high else "")
        brief = cache.scenario_brief(version, levers, outcome, None, "", "https://example.org/scenarios", lang)
        row = next(line for line in brief.splitlines() if line.startswith(f"| {label} |"))
        assert row.split(" | ")[2].split(" (")[0] == total
        assert results.why in brief

    # The summary prints core value added's change as its card does.
    if outcome == "core_va":
        core = _pattern("scenarios.summary.core", lang).search(results.summary)
        assert core, results.summary
        assert core["delta"] == total and int(core["year"]) == year

    # And that number is the paired median (same draws), to three significant figures: not a difference of medians.
    paired = cache.projection_delta(version, levers, DRAWS, SEED)
    median = paired[(paired["indicator"] == outcome) & (paired["year"] == year)]["p50"].item()
    in_printed_unit = median * (0.1 if lang == "en" and outcome != "xc_domestic_share" else 1)
    decimals = 1 if outcome == "xc_domestic_share" else 2  # at most its unit's decimals (units.csv; money: two)
    expected = round(float(f"{in_printed_unit:.3g}"), decimals)
    assert _number(total) == pytest.approx(expected, abs=1e-9), (total, median)


def test_the_parts_are_shapley_values_of_the_paired_median_that_add_up_to_it_exactly(version):
    """The decomposition's total is the paired median of the projection, bit for bit, for every outcome."""
    for levers in SETTINGS.values():
        paired = cache.projection_delta(version, levers, DRAWS, SEED)
        paired = paired[paired["year"] == levers.horizon].set_index("indicator")["p50"]
        for outcome in model.OUTCOMES:
            parts = cache.decomposition(version, levers, outcome, DRAWS, SEED)
            assert set(parts["indicator"]) == {outcome}
            assert (parts["total"] == paired[outcome]).all(), outcome
            assert parts["contribution"].sum() == pytest.approx(paired[outcome], rel=1e-9, abs=1e-9), outcome


def test_the_change_is_not_the_difference_of_medians(version):
    """The walk's defect: the card's centre was scenario median − baseline median. For the all-levers-max setting
    the two differ, and the page prints the paired one."""
    paired = cache.projection_delta(version, ALL_MAX, DRAWS, SEED)
    scenario = cache.projection(version, ALL_MAX, DRAWS, SEED)
    base = cache.projection(version, paper_levers(ALL_MAX.horizon), DRAWS, SEED)

    def at(frame):
        return frame[(frame["indicator"] == "core_va") & (frame["year"] == 2030)]["p50"].item()

    assert f"{at(paired):.3g}" != f"{at(scenario) - at(base):.3g}"  # so the test above can tell them apart
