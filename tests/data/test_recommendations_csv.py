"""The measure–bottleneck mapping and the measure levers: every link quoted from its own section, coverage both ways."""

import math
import re

import pandas as pd
import pytest

from explorer import DATA_DIR, PAPER_PATH
from explorer.core.paper import split_sections, squash
from explorer.data.build import read_source
from explorer.data.schema import TABLES
from explorer.model import Levers

LEVERS = {"dc_racks", "dc_pue", "dc_util_gate", "xc_share", "talent_subsidy", "talent_quota"}
# Sensible ranges for a value the paper implies (units as the scenario model reads them from the URL).
LEVER_BOUNDS = {
    "dc_racks": (0, 200_000),  # standard racks approved per year
    "dc_pue": (1.0, 2.0),  # ratio; 1.0 is the physical floor
    "dc_util_gate": (0, 100),  # %
    "xc_share": (0, 100),  # %
    "talent_subsidy": (0, 1_000_000),  # yuan per person per year
    "talent_quota": (0, 1_000_000),  # people per year
}
HAN = re.compile(r"[\u4e00-\u9fff]")


def _table(name: str) -> pd.DataFrame:
    return read_source(next(table for table in TABLES if table.name == name))


@pytest.fixture(scope="module")
def sections() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "paper_sections.csv", dtype=str)


@pytest.fixture(scope="module")
def bodies(sections) -> dict[str, str]:
    return split_sections(PAPER_PATH.read_text(encoding="utf-8"), dict(zip(sections["id"], sections["title_zh"])))


@pytest.fixture(scope="module")
def links() -> pd.DataFrame:
    return _table("recommendations")


@pytest.fixture(scope="module")
def levers() -> pd.DataFrame:
    return _table("measure_levers")


def _subsections(sections: pd.DataFrame, part: str) -> list[str]:
    return [sid for sid in sections["id"] if sid.startswith(f"{part}.")]


def _quote_problems(frame: pd.DataFrame, bodies: dict[str, str], label: str) -> list[str]:
    paper = squash(PAPER_PATH.read_text(encoding="utf-8"))
    problems = []
    for row in frame.itertuples():
        quote = squash(row.quote_zh or "")
        if len(quote) < 8:
            problems.append(f"{label} {row.measure}: quote too short to justify anything: {row.quote_zh!r}")
        elif quote not in paper:
            problems.append(f"{label} {row.measure}: quote not in the paper: {row.quote_zh[:40]!r}")
        elif quote not in squash(bodies.get(row.measure, "")):
            problems.append(f"{label} {row.measure}: quote is in the paper but not in section {row.measure}")
    return problems


def test_every_link_is_quoted_from_its_own_measure_section(links, bodies):
    assert _quote_problems(links, bodies, "recommendations") == []


def test_every_lever_is_quoted_from_its_own_measure_section(levers, bodies):
    assert _quote_problems(levers, bodies, "measure_levers") == []


def test_codes_strengths_and_rationales_are_well_formed(links, sections):
    measures, bottlenecks = set(_subsections(sections, "3")), set(_subsections(sections, "2"))
    problems = []
    for row in links.itertuples():
        where = f"{row.measure}->{row.bottleneck}"
        if row.measure not in measures:
            problems.append(f"{where}: measure is not a section 3.x")
        if row.bottleneck not in bottlenecks:
            problems.append(f"{where}: bottleneck is not a section 2.x")
        if row.strength not in {"primary", "secondary"}:
            problems.append(f"{where}: strength {row.strength!r}")
        if not row.rationale_en or not re.search("[A-Za-z]{3}", row.rationale_en):
            problems.append(f"{where}: English rationale missing")
        if not row.rationale_zh or not HAN.search(row.rationale_zh):
            problems.append(f"{where}: Chinese rationale missing")
    duplicated = links[links.duplicated(["measure", "bottleneck"], keep=False)]
    problems += [f"{m}->{b}: listed twice" for m, b in zip(duplicated["measure"], duplicated["bottleneck"])]
    assert problems == []


def test_coverage_both_ways(links, sections):
    problems = [
        f"measure {m} answers no bottleneck" for m in _subsections(sections, "3") if m not in set(links.measure)
    ]
    problems += [
        f"bottleneck {b} is answered by no measure"
        for b in _subsections(sections, "2")
        if b not in set(links.bottleneck)
    ]
    primary = set(links.loc[links["strength"] == "primary", "bottleneck"])
    problems += [f"bottleneck {b} has no primary measure" for b in _subsections(sections, "2") if b not in primary]
    assert problems == []


def test_levers_are_named_sourced_and_in_range(levers, links):
    problems = []
    for row in levers.itertuples():
        where = f"{row.measure}/{row.lever}"
        if row.lever not in LEVERS:
            problems.append(f"{where}: not a scenario lever")
            continue
        if row.measure not in set(links.measure):
            problems.append(f"{where}: measure has no link to a bottleneck")
        if not row.rationale_en or not row.rationale_zh or not HAN.search(row.rationale_zh):
            problems.append(f"{where}: rationale missing in a language")
        if pd.isna(row.value):
            continue
        low, high = LEVER_BOUNDS[row.lever]
        if not (math.isfinite(row.value) and low <= row.value <= high):
            problems.append(f"{where}: {row.value} outside {low}..{high}")
        if f"{row.value:g}" not in squash(row.quote_zh) and "derive" not in row.rationale_en:
            problems.append(f"{where}: {row.value:g} is neither in its quote nor explained as derived")
    duplicated = levers[levers.duplicated(["measure", "lever"], keep=False)]
    problems += [f"{m}/{lever}: listed twice" for m, lever in zip(duplicated["measure"], duplicated["lever"])]
    assert problems == []


def test_lever_values_fit_the_scenario_models_bounds(levers):
    problems = []
    for row in levers.dropna(subset=["value"]).itertuples():
        if row.lever not in Levers.BOUNDS:
            problems.append(f"{row.lever}: unknown to the scenario model")
            continue
        low, high, _ = Levers.BOUNDS[row.lever]
        if not low <= row.value <= high:
            problems.append(f"{row.measure}/{row.lever}: {row.value} outside the model's {low}..{high}")
    assert problems == []


# Lever -> the figure of the paper whose number it takes.
LEVER_FIGURES = {"dc_pue": "target_new_dc_pue_2025", "xc_share": "target_xc_procurement_share"}


def test_lever_values_are_the_papers_figures(levers):
    figures = _table("figures").set_index("id")
    by_lever = levers.set_index("lever")
    problems = [
        f"{lever}: {by_lever.at[lever, 'value']} is not figure {fig_id} ({figures.at[fig_id, 'value']})"
        for lever, fig_id in LEVER_FIGURES.items()
        if by_lever.at[lever, "value"] != figures.at[fig_id, "value"]
    ]
    assert problems == []
