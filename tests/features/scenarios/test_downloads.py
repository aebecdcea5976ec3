"""explorer.features.scenarios.downloads: the CSV and JSON carry A, the baseline, B and each peer; names; rounding."""

import csv
import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qsl

import download_checks
import pandas as pd
import pytest
from loaded import frames

from explorer import model
from explorer.core.i18n import LANGS
from explorer.data import export
from explorer.features.scenarios import downloads

NAMES = Path(__file__).with_name("download_names.csv")


@pytest.fixture(scope="module")
def outcomes(outcomes: pd.DataFrame) -> pd.DataFrame:
    """Return the rows' names and units as the downloads read them: the outcomes, and section I (`named_rows`)."""
    return downloads.named_rows(outcomes, frames()["indicators"].set_index("code"))


def _levers(text: str, horizon: int | None = None) -> model.Levers:
    """Return the levers of a `preset=<code>&<lever>=<value>…` cell (B takes A's horizon, as on the page)."""
    values = dict(parse_qsl(text))
    preset = model.PRESETS[values.pop("preset")]
    levers, changed = model.Levers.from_mapping(values, preset)
    assert not changed
    return levers if horizon is None else replace(levers, horizon=horizon)


@pytest.mark.parametrize("row", list(csv.DictReader(NAMES.open(encoding="utf-8"))), ids=lambda row: row["expected"])
def test_a_download_is_named_after_the_page_scenario_b_horizon_and_language(row):
    levers = _levers(row["levers"])
    compare = _levers(row["compare"], levers.horizon) if row["compare"] else None
    assert downloads.file_name(levers, compare, row["lang"], row["extension"]) == row["expected"]


def _quantiles(rows: list[tuple[int, str, float]]) -> pd.DataFrame:
    """Return a projection frame: p50 as given, p10 and p90 one below and above."""
    return pd.DataFrame([{"year": y, "indicator": i, "p10": v - 1, "p50": v, "p90": v + 1} for y, i, v in rows])


def _odds(beijing: float) -> dict[str, pd.DataFrame]:
    """Return peer_odds frames: GDP with Beijing's probability (Shanghai unpublished), core value added unpublished;
    section I's (`comparison.odds` of its run) with both peers, no probability in 2024 (before a peer's base year)."""
    gdp = pd.DataFrame(
        {
            "city": ["beijing", "shanghai"],
            "year": [2030, 2030],
            "probability": [beijing, float("nan")],
            "status": ["ok", "no_figure"],
        }
    )
    core = gdp.assign(probability=float("nan"), status="no_figure")
    sector_i = pd.DataFrame(
        {
            "city": ["beijing", "beijing", "shanghai"],
            "year": [2024, 2030, 2030],
            "probability": [float("nan"), beijing / 10, 0.5 + beijing],
            "status": ["ok", "ok", "ok"],
        }
    )
    return {"gdp": gdp, "core_va": core, "core_va_share": core, "sector_i_va": sector_i}


def _gaps(level: float, effect: float) -> dict[str, pd.DataFrame]:
    """Return Beijing's gap table: the paper's gap −1000, this run's gap `level`, the levers' effect `effect`."""
    row = {
        "year": 2030,
        **{f"gap_{q}": -1000.0 + d for q, d in (("p10", -100.04), ("p50", 0.0), ("p90", 99.96))},
        **{f"level_{q}": level + d for q, d in (("p10", -100.0), ("p50", 0.0), ("p90", 100.0))},
        **{f"effect_{q}": effect + d for q, d in (("p10", -1.0), ("p50", 0.0), ("p90", 1.0))},
        "ratio_p10": 0.70,
        "ratio_p50": 0.7649,
        "ratio_p90": 0.80,
        "probability": 0.051,
        "probability_levers": 0.123,
        "closed_pct": 1.234,
        "needed_pp": 4.2777,
        "lever_pp": 0.04907,
    }
    return {"beijing": pd.DataFrame([row])}


def _run(levers: model.Levers, gdp: float, people: float, chance: float, level: float, effect: float):
    """Return a run: GDP, people, PUE, section I (a tenth of GDP) with GDP's gaps and section I's (a tenth)."""
    results = _quantiles([(2030, "gdp", gdp), (2030, "talent_added", people), (2030, "dc_pue_fleet", 1.23456),
                          (2030, "sector_i_va", gdp / 10)])  # fmt: skip
    change = _quantiles([(2030, "gdp", gdp - 30000.0), (2030, "talent_added", people - 1000.0),
                         (2030, "sector_i_va", gdp / 10 - 3000.0)])  # fmt: skip
    sector_i = {city: table.assign(**{column: table[column] / 10 for column in table if column.startswith(("gap_",
                "level_", "effect_"))}) for city, table in _gaps(level, effect).items()}  # fmt: skip
    sector_i["shanghai"] = sector_i["beijing"]
    return downloads.Run(levers, results, change, _odds(chance), {"gdp": _gaps(level, effect), "sector_i_va": sector_i})


A = _run(model.PRESETS["talent_push"], 30123.456, 1234.6, 0.123, -999.04, 0.96)
BASE = _run(model.baseline(), 30000.0, 1000.0, 0.051, -1000.0, 0.0)
B = _run(model.PRESETS["city_plan"], 30050.04, 1000.2, 0.2049, -998.0, 2.0)


def _row(rows: pd.DataFrame, code: str) -> pd.Series:
    return rows[(rows["indicator"] == code) & (rows["year"] == 2030)].iloc[0]


def test_the_table_carries_b_only_when_b_is_compared(outcomes):
    alone = downloads.export_rows(A, BASE, None, outcomes)
    both = downloads.export_rows(A, BASE, B, outcomes)
    assert not [column for column in alone.columns if column.startswith("b_")]
    assert {"b_p10", "b_p50", "b_p90", "b_change_p10", "b_change_p50", "b_change_p90"} <= set(both.columns)
    gdp = _row(both, "gdp")
    assert (gdp["scenario_p50"], gdp["baseline_p50"], gdp["b_p50"]) == (30123.5, 30000.0, 30050.0)
    assert (gdp["change_p50"], gdp["b_change_p50"]) == (123.5, 50.0)


def test_each_peer_has_its_probability_and_gap_rows_and_an_unpublished_peer_none(outcomes):
    rows = downloads.export_rows(A, BASE, B, outcomes)
    odds = _row(rows, "gdp_odds_beijing")
    # Whole per cent, as the page prints "12 % of the draws"; the change is the difference of those.
    assert (odds["scenario_p50"], odds["baseline_p50"], odds["change_p50"]) == (12, 5, 7)
    assert (odds["b_p50"], odds["b_change_p50"]) == (20, 15)
    assert odds["unit"] == "pct" and odds["scenario_p10"] is None and odds["scenario_p90"] is None
    gap = _row(rows, "gdp_gap_beijing")
    assert gap["unit"] == "yi_yuan"  # GDP's
    assert (gap["scenario_p10"], gap["scenario_p50"], gap["scenario_p90"]) == (-1099.0, -999.0, -899.0)
    assert (gap["baseline_p50"], gap["change_p50"], gap["b_p50"], gap["b_change_p50"]) == (-1000.0, 1.0, -998.0, 2.0)
    codes = set(rows["indicator"])
    assert not {code for code in codes if code.startswith(("gdp_", "core_va_")) and "shanghai" in code}  # unpublished
    assert not {code for code in codes if code.startswith("core_va_")}


def test_the_section_i_tab_has_its_rows_shenzhens_value_the_odds_and_gap_to_each_peer_with_b(outcomes):
    """The section-I tab's numbers (issue 23: only the brief carried them): Shenzhen's section I, then per peer the
    probability and the gap, each with the paper's policy, the change, B and B's change, as GDP's rows are."""
    rows = downloads.export_rows(A, BASE, B, outcomes)
    own = _row(rows, "sector_i_va")
    assert own["unit"] == "yi_yuan"  # GDP's, as the tab writes its amounts
    assert (own["scenario_p50"], own["baseline_p50"], own["change_p50"]) == (3012.3, 3000.0, 12.3)
    assert (own["b_p50"], own["b_change_p50"]) == (3005.0, 5.0)
    beijing, shanghai = _row(rows, "sector_i_va_odds_beijing"), _row(rows, "sector_i_va_odds_shanghai")
    assert beijing["unit"] == shanghai["unit"] == "pct"
    # 1.23 % → 1, 0.51 % → 1, 2.049 % → 2; 62.3 % → 62, 55.1 % → 55, 70.49 % → 70 (whole per cent, as the tab)
    assert [beijing[key] for key in ("scenario_p50", "baseline_p50", "change_p50", "b_p50", "b_change_p50")] == [
        1, 1, 0, 2, 1,
    ]  # fmt: skip
    assert [shanghai[key] for key in ("scenario_p50", "baseline_p50", "change_p50", "b_p50", "b_change_p50")] == [
        62, 55, 7, 70, 15,
    ]  # fmt: skip
    assert rows[(rows["indicator"] == "sector_i_va_odds_beijing") & (rows["year"] == 2024)].empty  # no probability
    gap = _row(rows, "sector_i_va_gap_shanghai")
    assert gap["unit"] == "yi_yuan"
    assert (gap["scenario_p10"], gap["scenario_p50"], gap["scenario_p90"]) == (-109.9, -99.9, -89.9)
    assert (gap["baseline_p50"], gap["change_p50"], gap["b_p50"], gap["b_change_p50"]) == (-100.0, 0.1, -99.8, 0.2)
    gdp_rows = [code for code in rows["indicator"] if code.startswith("gdp_")]
    section_rows = [code for code in rows["indicator"] if code.startswith("sector_i_va_")]
    assert rows["indicator"].tolist().index(section_rows[0]) > rows["indicator"].tolist().index(gdp_rows[-1])


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_names_the_section_i_rows_in_the_pages_language(lang, outcomes, units, params):
    rows = downloads.export_rows(A, BASE, B, outcomes)
    data = _csv(downloads.export_frame(rows, A.levers, B.levers, outcomes, units, params, "abc", lang))
    words = download_checks.catalogue(lang)
    by_code = {row[words["col.id"]]: row for row in download_checks.read(data)}
    name = frames()["indicators"].set_index("code").at["sector_i_va", f"label_{lang}"]
    city = words["city.shanghai"]
    assert by_code["sector_i_va"][words["col.indicator"]] == name
    assert by_code["sector_i_va_odds_shanghai"][words["col.indicator"]] == words["scenarios.download.odds"].format(
        city=city, indicator=name
    )
    gap = by_code["sector_i_va_gap_shanghai"]
    assert gap[words["col.indicator"]] == words["scenarios.download.gap"].format(city=city, indicator=name)
    assert gap[words["col.unit"]] == {"zh": "亿元", "en": "¥100 m"}[lang]
    assert by_code["sector_i_va_odds_shanghai"][words["col.unit"]] == "%"
    assert gap[words["scenarios.col.b"].format(q="p50")] == "-99.8"
    assert gap[words["scenarios.col.change"].format(q="p50")] == "0.1"
    if lang == "zh":
        section = [row for code, row in by_code.items() if code.startswith("sector_i_va")]
        assert not [row for row in section if download_checks.LATIN_WORD.search(row[words["col.indicator"]])]


def test_numbers_are_rounded_per_unit_and_whole_ones_are_integers(outcomes):
    rows = downloads.export_rows(A, BASE, None, outcomes)
    people, pue = _row(rows, "talent_added"), _row(rows, "dc_pue_fleet")
    assert people["scenario_p50"] == 1235 and isinstance(people["scenario_p50"], int)  # units.csv: 0 decimals
    assert pue["scenario_p50"] == 1.23  # ratio: 2 decimals
    assert pue["change_p50"] is None  # no paired change given for it: missing, not 0
    assert all(isinstance(year, int) for year in rows["year"].tolist())


# The CSV's header keys, written by hand in the table's order, with their placeholders (lever names from the page).
RUN_KEYS = ["scenarios.col.scenario", "scenarios.col.baseline", "scenarios.col.change", "scenarios.col.b"]
RUN_KEYS += ["scenarios.col.b_change"]


def _expected_header(lang: str, params: pd.DataFrame) -> list[str]:
    words = download_checks.catalogue(lang)
    levers = [words[f"lever.{name}"] for name in model.Levers.BOUNDS if name != "dc_racks"]
    racks = words["lever.dc_racks.kw"].format(kw=f"{params.set_index('id').at['dc_rack_kw', 'central']:g}")
    lever_words = [racks, *levers]
    header = download_checks.headers(["col.year", "col.id", "col.indicator", "col.unit"], lang)
    header += [words[key].format(q=q) for key in RUN_KEYS for q in ("p10", "p50", "p90")]
    for side in ("scenario", "b"):
        header.append(words[f"scenarios.col.{side}_name"])
        header += [words[f"scenarios.col.{side}_lever"].format(lever=lever) for lever in lever_words]
    return [*header, words["scenarios.col.growth"], words["scenarios.col.version"]]


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_headers_are_the_pages_language_not_codes(lang, outcomes, units, params):
    rows = downloads.export_rows(A, BASE, B, outcomes)
    frame = downloads.export_frame(rows, A.levers, B.levers, outcomes, units, params, "abc", lang)
    header = download_checks.header_row(_csv(frame))
    assert header == _expected_header(lang, params)
    assert len(set(header)) == len(header)
    assert not set(header) & download_checks.database_codes()
    if lang == "zh":  # no English word: only the quantiles' names and units the page prints as they are (kW, PUE)
        latin = [cell for cell in header if download_checks.LATIN_WORD.search(re.sub(r"p\d0|kW|PUE", "", cell))]
        assert latin == []


def _csv(frame: pd.DataFrame) -> bytes:
    return export.csv_bytes(frame)


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_names_rows_scenarios_and_levers_and_writes_years_plainly(lang, outcomes, units, params):
    rows = downloads.export_rows(A, BASE, B, outcomes)
    data = _csv(downloads.export_frame(rows, A.levers, B.levers, outcomes, units, params, "abc", lang))
    words = download_checks.catalogue(lang)
    table = download_checks.read(data)
    by_code = {row[words["col.id"]]: row for row in table}
    odds = by_code["gdp_odds_beijing"]
    assert odds[words["col.indicator"]] == words["scenarios.download.odds"].format(
        city=words["city.beijing"], indicator=outcomes.at["gdp", f"label_{lang}"]
    )
    assert odds[words["col.unit"]] == "%" and odds[words["scenarios.col.scenario"].format(q="p50")] == "12"
    gap = by_code["gdp_gap_beijing"]
    assert gap[words["col.unit"]] == outcomes.at["gdp", f"unit_{lang}"]
    assert gap[words["scenarios.col.b"].format(q="p50")] == "-998.0"
    assert odds[words["scenarios.col.scenario_name"]] == words["preset.talent_push"]
    assert odds[words["scenarios.col.b_name"]] == words["preset.city_plan"]
    assert odds[words["scenarios.col.b_lever"].format(lever=words["lever.horizon"])] == "2030"
    text = data.decode("utf-8-sig")
    assert "2,030" not in text and "96,000" not in text  # no separators in years or in numbers
    assert all(re.fullmatch(r"20\d\d", row[words["col.year"]]) for row in table)


def _decimals(number: float) -> int:
    text = repr(number)
    return len(text.split(".")[1]) if "." in text else 0


def test_the_json_carries_numbers_with_units_b_and_the_gap_tables(outcomes, units, params):
    rows = downloads.export_rows(A, BASE, B, outcomes)
    runs = {"scenario": (A.levers, A), "baseline": (BASE.levers, BASE), "b": (B.levers, B)}
    text = downloads.export_json(rows, runs, outcomes, units, params, version="abc", draws=1000, seed=2024, lang="en")
    payload = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    assert payload["scenarios"]["scenario"]["levers"]["talent_subsidy"] == 96000
    assert (
        payload["scenarios"]["b"]["code"] == "city_plan" and payload["scenarios"]["b"]["levers"]["dc_racks"] == 117000
    )
    assert payload["scenarios"]["scenario"]["levers"]["dc_pue"] == 1.25 and payload["horizon"] == 2030
    numbers = [
        (record["indicator"], value)
        for record in payload["results"]
        for key, value in record.items()
        if key not in ("year", "indicator", "unit")
    ]
    assert numbers and all(value is None or isinstance(value, (int, float)) for _, value in numbers)
    decimals = {"yi_yuan": 1, "people_cumulative": 0, "ratio": 2, "pct": 0}  # units.csv, and whole % for odds
    for record in payload["results"]:
        unit = payload["units"]["results"][record["indicator"]]
        assert unit == record["unit"] and unit in payload["units"]["unit_labels"]
        for key in ("scenario_p50", "baseline_p50", "b_p50"):
            if record[key] is not None:
                assert _decimals(record[key]) <= decimals[unit], (record["indicator"], key, record[key])
    beijing = payload["gaps"]["scenario"]["beijing"][0]
    assert beijing == {
        "year": 2030,
        "gap_p10": -1100.0, "gap_p50": -1000.0, "gap_p90": -900.0,
        "level_p10": -1099.0, "level_p50": -999.0, "level_p90": -899.0,
        "effect_p10": 0.0, "effect_p50": 1.0, "effect_p90": 2.0,
        "ratio_p10": 70, "ratio_p50": 76, "ratio_p90": 80,
        "probability": 5, "probability_levers": 12,
        "closed_pct": 1, "needed_pp": 4.3, "lever_pp": 0.05,
    }  # fmt: skip
    assert set(beijing) - {"year"} <= set(payload["units"]["gaps"])
    assert payload["units"]["gaps"]["lever_pp"] == "pp_per_year" and payload["units"]["gaps"]["gap_p50"] == "yi_yuan"
    assert "baseline" not in payload["gaps"] and set(payload["gaps"]["b"]) == {"beijing"}
    assert len(payload["parameters"]) == len(params)


@pytest.mark.parametrize("lang", LANGS)
def test_the_json_carries_the_section_i_tab_its_words_and_gap_tables_shaped_as_gdps(lang, outcomes, units, params):
    rows = downloads.export_rows(A, BASE, B, outcomes)
    runs = {"scenario": (A.levers, A), "baseline": (BASE.levers, BASE), "b": (B.levers, B)}
    text = downloads.export_json(rows, runs, outcomes, units, params, version="abc", draws=1000, seed=2024, lang=lang)
    payload = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    words = download_checks.catalogue(lang)
    section = payload["sector_i"]
    assert section["indicator"] == "sector_i_va"
    assert section["title"] == words["scenarios.digital.title"] and section["scope"] == words["scenarios.digital.scope"]
    assert section["name"] == frames()["indicators"].set_index("code").at["sector_i_va", f"label_{lang}"]
    assert set(section["gaps"]) == {"scenario", "b"}  # the paper's gap is beside each, as GDP's
    assert set(section["gaps"]["b"]) == {"beijing", "shanghai"}
    assert section["gaps"]["scenario"]["shanghai"][0] == {
        "year": 2030,
        "gap_p10": -110.0, "gap_p50": -100.0, "gap_p90": -90.0,
        "level_p10": -109.9, "level_p50": -99.9, "level_p90": -89.9,
        "effect_p10": 0.0, "effect_p50": 0.1, "effect_p90": 0.2,
        "ratio_p10": 70, "ratio_p50": 76, "ratio_p90": 80,
        "probability": 5, "probability_levers": 12,
        "closed_pct": 1, "needed_pp": 4.3, "lever_pp": 0.05,
    }  # fmt: skip
    assert set(section["gaps"]["scenario"]["shanghai"][0]) == set(payload["gaps"]["scenario"]["beijing"][0])
    assert payload["units"]["sector_i_gaps"]["gap_p50"] == "yi_yuan"
    assert payload["units"]["sector_i_gaps"]["probability"] == "pct"
    assert payload["units"]["results"]["sector_i_va_gap_beijing"] == "yi_yuan"
    assert payload["units"]["results"]["sector_i_va_odds_beijing"] == "pct"
    odds = [r for r in payload["results"] if r["indicator"] == "sector_i_va_odds_shanghai"]
    assert [(r["year"], r["scenario_p50"], r["b_p50"]) for r in odds] == [(2030, 62, 70)]


def test_the_json_without_b_has_no_b(outcomes, units, params):
    rows = downloads.export_rows(A, BASE, None, outcomes)
    runs = {"scenario": (A.levers, A), "baseline": (BASE.levers, BASE)}
    payload = json.loads(
        downloads.export_json(rows, runs, outcomes, units, params, version="abc", draws=10, seed=1, lang="zh")
    )
    assert set(payload["scenarios"]) == {"scenario", "baseline"} and set(payload["gaps"]) == {"scenario"}
    assert set(payload["sector_i"]["gaps"]) == {"scenario"}
    assert not [key for key in payload["results"][0] if key.startswith("b_")]
    assert payload["units"]["unit_labels"]["yi_yuan"] == "亿元" and payload["language"] == "zh"


def test_a_scenario_is_named_by_its_preset_whatever_the_horizon_or_custom():
    assert downloads.scenario_code(replace(model.PRESETS["city_plan"], horizon=2035)) == "city_plan"
    assert downloads.scenario_code(replace(model.baseline(), talent_quota=11_000)) == downloads.CUSTOM
    assert downloads.lever_values(model.PRESETS["talent_push"]) == {
        "dc_racks": 7000, "dc_pue": 1.25, "dc_util_gate": 70, "dc_power": 0, "xc_share": 40, "xc_national": 40,
        "talent_subsidy": 96000, "talent_quota": 30000, "horizon": 2030,
    }  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_every_download_says_which_gdp_baseline_shenzhen_is_on(lang, outcomes, units, params):
    """The CSV's baseline column, the JSON's gdp_baseline and the brief's line name the choice (the catalogue's
    words, read from its files): the panel by default, the sheet's assumed growth when asked for."""
    words = download_checks.catalogue(lang)
    rows = downloads.export_rows(A, BASE, None, outcomes)
    runs = {"scenario": (A.levers, A), "baseline": (BASE.levers, BASE)}
    for code in ("panel", "sheet"):
        name = words[f"scenarios.growth.name.{code}"]
        frame = downloads.export_frame(rows, A.levers, None, outcomes, units, params, "abc", lang, growth=code)
        table = download_checks.read(_csv(frame))
        assert {row[words["scenarios.col.growth"]] for row in table} == {name}
        text = downloads.export_json(
            rows, runs, outcomes, units, params, version="abc", draws=10, seed=1, lang=lang, growth=code
        )
        assert json.loads(text)["gdp_baseline"] == {"code": code, "name": name}
    default = download_checks.read(
        _csv(downloads.export_frame(rows, A.levers, None, outcomes, units, params, "abc", lang))
    )
    assert default[0][words["scenarios.col.growth"]] == words["scenarios.growth.name.panel"]
