"""The Methods page as a user sees it: every parameter listed in the page's language, the grade filter."""

import re

import pandas as pd
import pytest
from apptest import run_page

from explorer import DATA_DIR
from explorer.i18n import t

HAN = re.compile(r"[\u4e00-\u9fff]")


def parameter_table(lang: str, **url: str) -> pd.DataFrame:
    at = run_page("methods", lang=lang, **url)
    tables = [frame.value for frame in at.dataframe if t("col.rationale", lang) in frame.value.columns]
    assert len(tables) == 1
    return tables[0]


def test_every_parameter_is_listed_with_its_three_values(params):
    table = parameter_table("en")
    assert sorted(table[t("col.id", "en")]) == sorted(params["id"])
    shown = table.set_index(t("col.id", "en"))
    for _, row in params.iterrows():
        assert shown.at[row["id"], t("col.low", "en")] == row["low"]
        assert shown.at[row["id"], t("col.central_value", "en")] == row["central"]
        assert shown.at[row["id"], t("col.high", "en")] == row["high"]


def test_english_page_shows_english_units_and_chinese_page_the_originals(params):
    labels = pd.read_csv(DATA_DIR / "units.csv", dtype=str, keep_default_na=False).set_index("code")
    english = parameter_table("en").set_index(t("col.id", "en"))[t("col.unit", "en")]
    assert not [unit for unit in english if HAN.search(unit)]
    assert english.loc[params["id"]].tolist() == labels.loc[params["unit"], "label_en"].tolist()
    chinese = parameter_table("zh").set_index(t("col.id", "zh"))[t("col.unit", "zh")]
    assert chinese.loc[params["id"]].tolist() == labels.loc[params["unit"], "label_zh"].tolist()


@pytest.mark.parametrize("grade", ["official", "assumption"])
def test_grade_filter_from_the_url_keeps_only_that_grade(params, grade):
    table = parameter_table("en", grade=grade)
    assert set(table[t("col.grade", "en")]) == {t(f"grade.{grade}", "en")}
    assert len(table) == int((params["grade"] == grade).sum())
