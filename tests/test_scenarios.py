"""explorer.scenarios: deltas, crossings, the summary and the exports."""

import json

import pandas as pd
import pytest

from explorer import model
from explorer.scenarios import crossings, end_year_deltas, export_frame, export_json, figure_in_model_unit, summary


def _frame(values: dict[int, float], indicator: str = "core_va") -> pd.DataFrame:
    return pd.DataFrame([{"year": y, "indicator": indicator, "p10": v, "p50": v, "p90": v} for y, v in values.items()])


def test_deltas_are_scenario_minus_baseline():
    deltas = end_year_deltas(_frame({2030: 120.0}), _frame({2030: 100.0}), 2030)
    assert deltas.loc["core_va", "delta"] == 20.0
    assert deltas.loc["core_va", "delta_pct"] == 20.0


def test_crossings_use_the_same_definition_only():
    scenario = _frame({2022: 10.0, 2023: 12.0, 2024: 14.0})
    peers = pd.DataFrame(
        [
            {
                "year": 2022,
                "city": "beijing",
                "indicator": "core_va",
                "comparability_group": "core_va_stats",
                "value": 11.0,
                "basis": "observed",
            },
            {
                "year": 2023,
                "city": "beijing",
                "indicator": "core_va",
                "comparability_group": "core_va_stats",
                "value": 11.5,
                "basis": "observed",
            },
            {
                "year": 2022,
                "city": "shanghai",
                "indicator": "core_va",
                "comparability_group": "other_definition",
                "value": 1.0,
                "basis": "observed",
            },
        ]
    )
    assert crossings(scenario, peers, "core_va") == {"beijing": 2023}


def test_figures_in_ten_thousands_are_converted_to_units():
    assert figure_in_model_unit(pd.Series({"value": 2.1, "unit": "10k_std_racks"})) == 21000
    assert figure_in_model_unit(pd.Series({"value": 1.25, "unit": "ratio"})) == 1.25


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_summary_mentions_the_end_year_and_the_caveat(params, outcomes, lang):
    levers = model.baseline()
    result = model.project_central(levers, params)
    deltas = end_year_deltas(result, result, levers.horizon)
    text = summary(deltas, levers, {"beijing": None, "shanghai": 2027}, outcomes, lang)
    assert str(levers.horizon) in text and "2027" in text
    assert "100 million" not in text
    assert ("亿元" in text) if lang == "zh" else ("¥" in text and " bn" in text or " tn" in text)
    assert ("示意性" in text) if lang == "zh" else ("not a forecast" in text)


def test_exports_carry_levers_version_and_parameters(params):
    levers = model.PRESETS["talent_push"]
    result = model.project_central(levers, params)
    frame = export_frame(result, levers, "abc")
    assert (frame["lever_talent_quota"] == levers.to_query()["talent_quota"]).all()
    assert (frame["data_version"] == "abc").all()
    payload = json.loads(export_json(result, result, levers, params, "abc", 10, 1))
    assert payload["levers"] == levers.to_query()
    assert len(payload["parameters"]) == len(params)
    assert payload["results"][0].keys() >= {"year", "indicator", "p10", "p50", "p90"}
