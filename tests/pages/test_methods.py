"""The Methods page through AppTest: the filled equations and the URL's grade filter reach the page.

What the page shows (the table's values and units, the equations' content) is tested on its view,
tests/features/methods/test_view.py.
"""

import re

import pandas as pd
import pytest
from apptest import run_page

from explorer.core import vocab
from explorer.core.i18n import t
from explorer.data import gateway as db
from explorer.features.hindcast import run as runner
from explorer.features.hindcast import view as hindcast_view
from explorer.features.methods import view as methods_view
from explorer.model import equations


def parameter_table(lang: str, **url: str) -> pd.DataFrame:
    at = run_page("methods", lang=lang, **url)
    tables = [frame.value for frame in at.dataframe if t("col.rationale", lang) in frame.value.columns]
    assert len(tables) == 1
    return tables[0]


def test_the_page_shows_every_channels_equations_filled_from_the_parameters(params, units):
    """The view's filled equations reach the page (their content is tested in tests/features/methods/test_view.py)."""
    at = run_page("methods", lang="en")
    shown = [element.value for element in at.markdown if element.value.startswith("$\\displaystyle ")]
    expected = [equation for channel in methods_view.channels(params, units, "en") for equation in channel.equations]
    assert shown == [methods_view.equation_markdown(equation) for equation in expected]  # one Markdown formula each
    kw = equations.latex_number(params.set_index("id").at["dc_rack_kw", "central"])
    assert any(kw + r"\,\mathrm{kW}" in text for text in shown)


@pytest.mark.parametrize("grade", ["secondary", "assumption"])
def test_grade_filter_from_the_url_keeps_only_that_grade(params, grade):
    table = parameter_table("en", grade=grade)
    assert set(table[t("col.grade", "en")]) == {t(f"grade.{grade}", "en")}
    assert len(table) == int((params["grade"] == grade).sum())


@pytest.mark.parametrize(("lang", "column"), [("zh", "rationale_zh"), ("en", "rationale")])
def test_the_parameter_tables_rationales_are_in_the_pages_language(params, lang, column):
    table = parameter_table(lang)
    assert sorted(table[t("col.rationale", lang)]) == sorted(params[column])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_hindcast_section_shows_the_views_coverage_charts_and_gaps(lang):
    """The hindcast of the database reaches the page: coverage sentences, one chart per scored city, the gaps."""
    con = db.connect()
    try:
        rows = db.benchmarks(con, None)
    finally:
        con.close()
    forecasts, scores, missing = runner.run(rows)
    at = run_page("methods", lang=lang)
    assert t("methods.hindcast.title", lang) in [sub.value for sub in at.subheader]
    shown = [markdown.value for markdown in at.markdown]
    for line in hindcast_view.coverage_lines(scores, lang):
        assert line in shown
    note = hindcast_view.missing_line(missing, lang)
    assert note is None or note in shown
    keys = {chart.key for chart in hindcast_view.hindcast_charts(rows, forecasts, lang)}
    assert len(at.get("vega_lite_chart")) == len(keys) + 1  # and the data-centre channel's spillover curve


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_methods_explains_the_paired_band_and_the_shapley_split(lang):
    at = run_page("methods", lang=lang)
    assert t("methods.why.title", lang) in [h.value for h in at.subheader]
    assert any(t("methods.why.body", lang) == m.value for m in at.markdown)


# How a reader reads a unit's magnitude, independent of explorer.core.formatting: the words it starts with.
_MAGNITUDE_WORDS = {
    "en": (("10k ", 1e4), ("10,000 ", 1e4), ("¥ tn", 1e12), ("¥ bn", 1e9), ("¥ m", 1e6)),
    "zh": (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)),
}
_NUMBER = r"-?[\d,]+(?:\.\d+)?"


def _read_magnitude(unit_text: str, lang: str) -> float:
    return next((factor for word, factor in _MAGNITUDE_WORDS[lang] if unit_text.startswith(word)), 1.0)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_number_printed_with_a_unit_agrees_with_the_parameter_table(params, lang):
    """Issue 23: each 'label, central X (low–high) unit' on the page, read as a reader reads its unit, is the sheet's.

    English Methods printed 150,000 (100,000–250,000) "10k yuan per rack" for a rack costing 15 万元.
    """
    at = run_page("methods", lang=lang)
    text = "\n".join(element.value for element in at.markdown)
    rows = params.set_index("id")
    template = re.escape(
        t("methods.equations.parameter", lang, label="@A", central="@C", low="@B", high="@H", unit="@U")
    )
    checked = 0
    for pid, row in rows.iterrows():
        pattern = r"\$: " + template.replace("@A", re.escape(row[f"label_{lang}"]))
        for slot in ("@C", "@B", "@H"):
            pattern = pattern.replace(slot, f"({_NUMBER})")
        pattern = pattern.replace("@U", r"([^\n]*)")
        for central, low, high, unit_text in re.findall(pattern, text):
            scale = vocab.UNITS[row["unit"]].scale
            magnitude = _read_magnitude(unit_text.strip(), lang)
            for shown, stored in ((central, row["central"]), (low, row["low"]), (high, row["high"])):
                assert _number(shown) * magnitude == pytest.approx(stored * scale, rel=5e-3), (pid, lang, unit_text)
            checked += 1
    assert checked >= 10
    # The baseline's anchors: GDP in the prose, read the same way.
    gdp = rows.at["gdp_2022", "central"] * vocab.UNITS[rows.at["gdp_2022", "unit"]].scale
    money = r"¥(" + _NUMBER + r") (tn|bn)" if lang == "en" else r"(" + _NUMBER + r") (万亿元|亿元)"
    amounts = [
        _number(number) * _read_magnitude(("¥ " + word) if lang == "en" else word, lang)
        for number, word in re.findall(money, text)
    ]
    assert any(value == pytest.approx(gdp, rel=5e-3) for value in amounts), amounts
