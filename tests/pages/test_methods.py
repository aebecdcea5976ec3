"""The Methods page through AppTest: the filled equations and the URL's grade filter reach the page.

What the page shows (the table's values and units, the equations' content) is tested on its view,
tests/features/methods/test_view.py.
"""

import pandas as pd
import pytest
from apptest import run_page

from explorer import model
from explorer.core.i18n import t
from explorer.data import gateway as db
from explorer.features.hindcast import run as runner
from explorer.features.hindcast import view as hindcast_view
from explorer.model import equations


def parameter_table(lang: str, **url: str) -> pd.DataFrame:
    at = run_page("methods", lang=lang, **url)
    tables = [frame.value for frame in at.dataframe if t("col.rationale", lang) in frame.value.columns]
    assert len(tables) == 1
    return tables[0]


def test_the_page_shows_every_channels_equations_filled_from_the_parameters(params):
    """The view's filled equations reach the page (their content is tested in tests/features/methods/test_view.py)."""
    at = run_page("methods", lang="en")
    shown = [element.value for element in at.get("latex")]
    table = model.parameter_table(params)
    expected = [
        equation
        for channel in equations.CHANNELS
        for equation in equations.filled(channel, table, model.parameter_symbols(params))
    ]
    assert len(shown) == len(expected)
    assert all(equation in text for equation, text in zip(expected, shown))
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
