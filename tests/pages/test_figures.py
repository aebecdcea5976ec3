"""Figures page (AppTest): URL filters reach the view, the table, the selected figure in its paragraph, notices.

What each filter keeps and how a figure is shown are proven on the view in tests/features/figures/test_view.py.
"""

import json

import pytest
from apptest import run_page
from fonts import text_px
from loaded import frames

from explorer.core import formatting
from explorer.core.i18n import LANGS, t
from explorer.features.figures import view as views

# view argument -> (URL key, value): each of the four keys narrows this selection.
FILTERS = {"sections": ("section", ["1.2", "1.3"]), "kinds": ("kind", ["status"])}
FILTERS |= {"qualifiers": ("qual", ["exact"]), "text": ("q", "2022")}


def run(**params: str):
    return run_page("figures", **params)


def test_the_url_seeds_all_four_filters_and_the_table_shows_what_they_keep():
    url = {key: value if isinstance(value, str) else ",".join(value) for key, value in FILTERS.values()}
    at = run(lang="en", **url)
    assert at.multiselect(key="section").value == FILTERS["sections"][1]
    assert at.multiselect(key="kind").value == FILTERS["kinds"][1]
    assert at.multiselect(key="qual").value == FILTERS["qualifiers"][1]
    assert at.text_input(key="q").value == FILTERS["text"][1]
    figures = frames()["figures"]
    chosen = {name: value for name, (_, value) in FILTERS.items()}
    view = views.figures_view(figures, "en", **chosen)
    assert at.dataframe[0].value[t("col.id", "en")].tolist() == view.shown["id"].tolist()
    assert view.count in [caption.value for caption in at.caption]
    for name in FILTERS:  # each key is applied: without it, more figures would be shown
        assert len(views.filtered(figures, **{**chosen, name: type(chosen[name])()})) > len(view.shown), name


def test_switching_language_keeps_the_filters():
    at = run(lang="zh", kind="target", q="2025")
    before = [caption.value for caption in at.caption]
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.multiselect(key="kind").value == ["target"]
    assert at.text_input(key="q").value == "2025"
    figures = frames()["figures"]
    assert views.figures_view(figures, "en", kinds=["target"], text="2025").count in [c.value for c in at.caption]
    assert views.figures_view(figures, "zh", kinds=["target"], text="2025").count in before


def test_a_search_that_finds_nothing_says_so():
    at = run(lang="en", section="2.2", kind="target", q="x")
    assert at.info[0].value == t("figures.none", "en")


def test_a_figure_in_the_url_is_shown_in_its_paragraph():
    at = run(lang="en", fig="target_new_dc_pue_2025")
    data = frames()
    selected = views.paragraph(data["figures"], data["sections"], "target_new_dc_pue_2025", "en")
    assert formatting.figure_value(selected.figure, "en") in [metric.value for metric in at.metric]
    assert selected.html in [element.proto.body for element in at.get("html")]
    assert "1.25" in selected.html
    assert at.query_params["fig"] == "target_new_dc_pue_2025"


@pytest.mark.parametrize("params", [{"fig": "no_such_figure"}, {"section": "9.9"}, {"q": "x" * 500}])
def test_bad_filter_values_get_a_notice(params):
    at = run(lang="en", **params)
    assert at.warning, "a rejected URL value must be announced"
    key, value = next(iter(params.items()))
    if key == "fig":
        assert any(f"`{value}`" in warning.value for warning in at.warning)
    else:  # the notice names the filter the reader sees, not the URL's key
        label = (at.multiselect if key == "section" else at.text_input)(key=key).label
        assert any(f"“{label}”" in warning.value for warning in at.warning)


def test_the_metric_and_value_columns_are_as_wide_as_their_longest_text():
    """Issue 23: the Metric column was cut at 1440 px; each column holds its longest text (measured with Noto Sans
    CJK at the table's 14 px), the value is pinned."""
    for lang in LANGS:
        at = run_page("figures", lang=lang)
        columns = json.loads(at.dataframe[0].proto.columns)
        for key in ("col.metric", "col.value"):
            longest = max(map(text_px, at.dataframe[0].value[t(key, lang)]))
            assert columns[t(key, lang)]["width"] >= longest, (lang, key)
        assert columns[t("col.value", lang)]["pinned"] is True  # a phone keeps the value in view
