"""explorer.features.scenarios.growth: the choice of Shenzhen's GDP baseline, its labels and the alternative's words."""

import csv
from dataclasses import replace

import pandas as pd
import pytest
from loaded import frames
from panels import synthetic

from explorer import DATA_DIR
from explorer.core.i18n import LANGS, t
from explorer.features.scenarios import growth
from explorer.model import panel

RATES = growth.Rates(
    panel="6.5", low="3.5", central="5.5", high="7", label="Assumed growth", anchor_year=2024, shared_sd="1.8"
)


def _sheet_row() -> dict[str, str]:
    with (DATA_DIR / "parameters.csv").open(encoding="utf-8") as handle:
        return next(row for row in csv.DictReader(handle) if row["id"] == "gdp_growth")


@pytest.mark.parametrize("lang", LANGS)
def test_the_rates_are_the_sheets_row_as_written_and_the_panels_shenzhen(lang, params):
    fit = panel.fit({"shenzhen": synthetic()["a"], "beijing": synthetic()["b"], "shanghai": synthetic()["c"]})
    found = growth.rates(fit, params, lang)
    row = _sheet_row()
    assert (found.low, found.central, found.high) == tuple(f"{float(row[k]):g}" for k in ("low", "central", "high"))
    assert found.label == row[f"label_{lang}"]
    assert found.anchor_year == fit.cities["shenzhen"].anchor_year


def test_the_choice_names_each_baselines_rate():
    assert growth.choice_label("panel", RATES, "en") == "The three-city panel: 6.5 % a year (default)"
    assert growth.choice_label("sheet", RATES, "en") == "The parameter sheet's assumed growth: 5.5 % a year"
    assert growth.choice_label("sheet", RATES, "zh") == "参数表假设的增速：每年 5.5 %"


def _projection(p10: float, p50: float, p90: float) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"year": 2035, "indicator": "gdp", "p10": p10, "p50": p50, "p90": p90},
            {"year": 2035, "indicator": "core_va", "p10": 1.0, "p50": 2.0, "p90": 3.0},
        ]
    )


def _odds(beijing: float, shanghai: float) -> pd.DataFrame:
    return pd.DataFrame(
        {"city": ["beijing", "shanghai"], "year": [2035, 2035], "probability": [beijing, shanghai], "status": "ok"}
    )


def _note(
    lang: str, outcomes: pd.DataFrame, rates: growth.Rates = RATES, code: str = "sheet", p50: float = 64500.0
) -> str:
    return growth.note(
        rates,
        2035,
        {"panel": _projection(60000.0, 72600.0, 85000.0), code: _projection(50000.0, p50, 80000.0)},
        {"panel": _odds(0.012, 0.0), code: _odds(0.0, 0.0)},
        outcomes,
        lang,
        code,
    )


def test_the_note_says_it_is_the_sheets_assumption_and_what_it_does_to_gdp_and_the_odds(outcomes):
    text = _note("en", outcomes)
    assert text.startswith("**Shenzhen's GDP baseline here is the parameter sheet's assumed growth")
    assert "an assumption of the parameter sheet, not a projection fitted to the data" in text
    assert "grows 5.5 % a year from its 2024 level (“Assumed growth”, the sheet's central" in text
    assert "value in its range 3.5–7 %" in text
    assert "the three-city panel fits 6.5 % a year" in text
    assert "Shenzhen's GDP in 2035: ¥6.45 tn against ¥7.26 tn on the panel (medians)." in text
    assert "Shenzhen at or above Beijing in 2035: 0 % of the draws, against 1 % on the panel." in text
    assert "Shenzhen at or above Shanghai in 2035: 0 % of the draws, against 0 % on the panel." in text


def test_the_note_in_chinese(outcomes):
    text = _note("zh", outcomes)
    assert "2035 年深圳 GDP：6.45 万亿元，面板为 7.26 万亿元（中位数）。" in text
    assert "2035 年深圳不低于北京的概率：0 %（抽样占比），面板为 1 %。" in text
    assert "不是依据数据拟合的预测" in text


TARGETED = replace(RATES, target={"rate": "4.7", "real": "5", "price": "-0.2", "year": "2026", "price_year": "2025"})


def test_the_choice_names_the_citys_target_with_its_year_and_nominal_rate():
    assert growth.choice_label("target", TARGETED, "en") == "Shenzhen's own 2026 target: 4.7 % a year"
    assert growth.choice_label("target", TARGETED, "zh") == "深圳自定的 2026 年目标：每年 4.7 %"
    for lang in LANGS:
        assert "4.7" not in growth.choice_help(RATES, lang)  # no target: the help does not speak of one
        helped = growth.choice_help(TARGETED, lang)
        assert all(part in helped for part in ("4.7", "2026", "-0.2", "2025"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_targets_note_says_it_is_a_target_with_its_parts_and_what_it_does(lang, outcomes):
    text = _note(lang, outcomes, TARGETED, "target", 61200.0)
    assert text.startswith("**" + t("scenarios.growth.note.target", lang, **_blank()).split("**")[1])
    assert all(part in text for part in ("4.7", "2026", "-0.2", "2025", "6.5"))
    gdp = {
        "en": "Shenzhen's GDP in 2035: ¥6.12 tn against ¥7.26 tn",
        "zh": "2035 年深圳 GDP：6.12 万亿元，面板为 7.26 万亿元",
    }
    assert gdp[lang] in text


def _blank() -> dict[str, str]:
    names = ("central", "low", "high", "label", "anchor", "panel", "year", "sheet_gdp", "panel_gdp")
    names += ("target_rate", "target_real", "target_price", "target_year", "target_price_year")
    return dict.fromkeys(names, "")


def test_the_rates_read_the_citys_target_from_the_rows(params):
    """With the benchmark rows, Shenzhen's 2026 target (5 % real) plus its 2025 price change, printed."""
    rows = frames()["benchmarks"]
    found = growth.rates(panel.fit_rows(rows), params, "en", rows)
    assert (found.target["year"], found.target["real"], found.target["price_year"]) == ("2026", "5", "2025")
    assert growth.rates(panel.fit_rows(rows), params, "en").target == {}
