"""explorer.features.hindcast.view as functions: one chart per scored city, the coverage sentence, the tables."""

from __future__ import annotations

import pandas as pd
import pytest
from chart_checks import check_chart

from explorer.core.i18n import LANGS, t
from explorer.features.hindcast import view
from explorer.model import hindcast as backtest
from explorer.model import validation

COLUMNS = ["city", "year", "indicator", "value", "qualifier", "comparability_group", "status", "break_before"]
UNIT = {"unit": "100m_yuan", "unit_zh": "亿元", "unit_symbol_en": "¥ bn"}  # as db.benchmarks joins units.csv


def _rows() -> pd.DataFrame:
    """Shenzhen and Beijing GDP 2016–2024 (Beijing with a break into 2024); Shanghai with nothing after 2020."""
    series = {
        "shenzhen": [100.0, 108.0, 115.0, 125.0, 131.0, 140.0, 150.0, 155.0, 170.0],
        "beijing": [200.0, 210.0, 222.0, 230.0, 236.0, 250.0, 262.0, 270.0, 320.0],
        "shanghai": [300.0, 310.0, 330.0, 345.0, 350.0],
    }
    return pd.DataFrame(
        [
            (city, 2016 + k, "gdp", value, "exact", "gdp_stats", "observed", city == "beijing" and 2016 + k == 2024)
            for city, values in series.items()
            for k, value in enumerate(values)
        ],
        columns=COLUMNS,
    ).assign(**UNIT)


@pytest.fixture(scope="module")
def result():
    forecasts, missing = backtest.hindcast(_rows(), series={"gdp": "gdp_stats"}, draws=200, seed=1)
    return forecasts, backtest.scores(forecasts), missing


@pytest.mark.parametrize("lang", LANGS)
def test_each_scored_city_gets_a_chart_from_its_last_fitted_year(lang, result):
    forecasts, _, _ = result
    shown = view.hindcast_charts(_rows(), forecasts, lang)
    assert [chart.key for chart in shown] == ["hindcast_gdp_shenzhen", "hindcast_gdp_beijing"]
    for chart in shown:
        check_chart(chart.spec, chart.table)
    beijing = shown[1].spec["datasets"]
    assert beijing["observed"]["year"].tolist() == [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]  # 2024: revised
    anchor = beijing["bands"][beijing["bands"]["year"] == 2020]
    shown_2020 = 236.0 if lang == "zh" else 23.6  # 236 亿元 = ¥23.6 bn
    assert set(anchor["method"]) == set(backtest.METHODS) and anchor["p50"].tolist() == pytest.approx(
        [shown_2020] * len(anchor)
    )
    assert beijing["observed"]["value"].iloc[0] == pytest.approx(200.0 if lang == "zh" else 20.0)
    assert ("亿元" if lang == "zh" else "¥ bn") in str(shown[1].spec["layer"][0]["encoding"]["y"]["title"])
    assert t("city.beijing", lang) in str(shown[1].spec["title"])


@pytest.mark.parametrize("lang", LANGS)
def test_the_coverage_sentence_carries_the_pooled_scores(lang, result):
    _, scores, _ = result
    pooled = scores[scores["city"] == "all"].set_index("method")
    (line,) = view.coverage_lines(scores, lang)
    assert f"{pooled.at['model', 'mape']:.1f} %" in line and f"{pooled.at['random_walk', 'mape']:.1f} %" in line
    assert str(int(pooled.at["model", "n"])) in line and pooled.at["model", "n"] == 7  # 4 Shenzhen + 3 Beijing


@pytest.mark.parametrize("lang", LANGS)
def test_the_score_table_has_a_row_per_city_and_the_pool(lang, result):
    _, scores, _ = result
    table = view.score_table(scores, lang)
    assert table[t("col.city", lang)].tolist() == [
        t("city.shenzhen", lang),
        t("city.beijing", lang),
        t("methods.hindcast.all", lang),
    ]
    assert table[t("methods.hindcast.col.n", lang)].tolist() == [4, 3, 7]


@pytest.mark.parametrize("lang", LANGS)
def test_series_not_scored_are_listed_with_their_reason(lang, result):
    _, _, missing = result
    text = view.missing_line(missing, lang)
    assert text.splitlines()[0] == t("methods.hindcast.missing", lang)
    assert t("methods.hindcast.reason.no_test_year", lang) in text and t("city.shanghai", lang) in text
    assert view.missing_line(missing.iloc[0:0], lang) is None


def _rolling_scores() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for method, inside, mae, interval in (("model", 4, 1.5, 5.0), ("random_walk", 6, 0.7, 20.0)):
        for target, n in (("growth", 12), ("log_gap", 6)):
            rows.append(
                {
                    "target": target,
                    "city": "all",
                    "method": method,
                    "n": n,
                    "inside": inside if target == "log_gap" else n,
                    "mae": mae,
                    "coverage": 0.0,
                    "interval": interval,
                    "z2": 1.0,
                }
            )
    return pd.DataFrame(rows), pd.DataFrame({"origin": [2021, 2022, 2021]})


@pytest.mark.parametrize("lang", LANGS)
def test_the_rolling_line_gives_the_range_the_count_allows(lang):
    scores, forecasts = _rolling_scores()
    line = view.rolling_line(scores, forecasts, lang)
    low, high = validation.coverage_range(6)
    assert ("2021、2022" if lang == "zh" else "2021, 2022") in line and f"{low}" in line and f"{high}" in line
    assert "1.50" in line and "0.70" in line and "5.00" in line and "20.00" in line


@pytest.mark.parametrize("lang", LANGS)
def test_the_rolling_table_shows_inside_over_count(lang):
    scores, _ = _rolling_scores()
    table = view.rolling_table(scores, lang)
    column = t("methods.rolling.col.coverage", lang, method=t("methods.hindcast.short.model", lang))
    assert list(table[column]) == ["12/12", "4/6"]


def _with_targets(scores: pd.DataFrame) -> pd.DataFrame:
    aimed = [
        {
            "target": target,
            "city": "all",
            "method": "target",
            "n": n,
            "inside": float("nan"),
            "mae": mae,
            "coverage": float("nan"),
            "interval": float("nan"),
            "z2": float("nan"),
        }
        for target, n, mae in (("growth", 11, 2.75), ("log_gap", 5, 0.25))
    ]
    return pd.concat([scores, pd.DataFrame(aimed)], ignore_index=True)


@pytest.mark.parametrize("lang", LANGS)
def test_the_rolling_line_sets_the_cities_targets_beside_the_model_when_they_are_scored(lang):
    scores, forecasts = _rolling_scores()
    assert "2.75" not in view.rolling_line(scores, forecasts, lang)
    line = view.rolling_line(_with_targets(scores), forecasts, lang)
    assert "2.75" in line and "0.25" in line and "11" in line and "5" in line


@pytest.mark.parametrize("lang", LANGS)
def test_the_rolling_table_gives_the_targets_error_and_count_but_no_band(lang):
    table = view.rolling_table(_with_targets(_rolling_scores()[0]), lang)
    name = t("methods.hindcast.short.target", lang)
    assert list(table[t("methods.rolling.col.mae", lang, method=name)]) == [2.75, 0.25]
    assert list(table[t("methods.rolling.col.count", lang, method=name)]) == ["11", "5"]
    assert t("methods.rolling.col.coverage", lang, method=name) not in table.columns
