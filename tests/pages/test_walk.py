"""Walks (AppTest): every choice of every picker on every page, in both languages; any exception fails.

Scenarios (per language): every outcome with the default preset and comparison (25 reruns), every preset ×
every comparison with the default outcome (6 × 8 = 48, the user's own B included), and a seeded random sample
of SAMPLE_SIZE (24) (outcome, preset, comparison) triples of the full product (25 × 6 × 8 = 1,200). Benchmarks:
every indicator (27). Every other picker on every page: each option, one at a time (a multiselect holds that
option alone), then back, then the language switch (67). Data: each sample query, every table, and each filter
option of every table (109). About 306 reruns per language, 612 in all; the file takes ~55 s of CPU.
A page that gains a picker the walk does not know fails until the picker is added here.
"""

import random
from collections.abc import Callable, Sequence

import pytest
from apptest import run_page
from loaded import frames
from streamlit.testing.v1 import AppTest

from explorer import model
from explorer.core import vocab
from explorer.core.i18n import LANGS
from explorer.data import gateway as db
from explorer.features.benchmarks import view as benchmarks
from explorer.features.bottlenecks import view as bottlenecks
from explorer.features.data_page import view as data
from explorer.features.figures import view as figures
from explorer.features.methods import view as methods
from explorer.features.recommendations import view as recommendations
from explorer.features.scenarios import results as sc
from explorer.features.targets import progress as target_progress
from explorer.features.targets import view as targets
from explorer.model import comparison

PICKERS = ("selectbox", "radio", "multiselect", "button_group")  # button_group: segmented controls and pills
SAMPLE_SIZE = 24  # per language
SAMPLE_SEED = 24  # issue 24
OWN_B = model.PRESETS["talent_push"]  # the user's own scenario B, from the link's `b`, so that "own" is a choice


def _public_table(name: str):
    con = db.connect()
    try:
        return db.table(con, name)
    finally:
        con.close()


def _codes(page: str, key: str, lang: str) -> Sequence[str]:
    """Return the codes (not the labels) of one picker's options, from the sources the page reads."""
    loaded = frames()
    sources: dict[tuple[str, str], Callable[[], Sequence[str]]] = {
        ("benchmarks", "ind"): lambda: list(benchmarks.indicator_labels(loaded["indicators"], lang)),
        ("bottlenecks", "b"): lambda: list(bottlenecks.choice_labels(loaded["sections"], lang)),
        ("figures", "section"): lambda: figures.section_options(loaded["figures"]),
        ("figures", "kind"): lambda: vocab.FIGURE_KINDS,
        ("figures", "qual"): lambda: vocab.QUALIFIERS,
        ("recommendations", "b"): lambda: list(recommendations.filter_labels(loaded["sections"], lang)),
        ("targets", "section"): lambda: targets.section_options(
            targets.board(loaded["figures"], loaded["target_status"])
        ),
        ("targets", "show"): lambda: target_progress.SHOW_OPTIONS,
        ("methods", "grade"): lambda: methods.GRADES,
        ("scenarios", "preset"): lambda: list(model.PRESETS),
        ("scenarios", "cmp"): lambda: [sc.NO_COMPARE, *model.PRESETS, sc.OWN_COMPARE],
        ("scenarios", "out"): lambda: list(model.OUTCOMES),
        ("scenarios", "growth"): lambda: list(comparison.GROWTHS),
        ("data", "table"): lambda: db.PUBLIC_TABLES,
        ("data", "sql_sample"): lambda: list(data.SAMPLES),
    }
    if key in ("lang", "lang_bar"):  # the sidebar's switch and the phone's
        return LANGS
    return sources[(page, key)]()


# Walked by their own tests below (every choice, and for Scenarios their combinations).
OWN_WALKS = {("benchmarks", "ind"), ("scenarios", "preset"), ("scenarios", "cmp"), ("scenarios", "out")}
PAGES = ("overview", "figures", "bottlenecks", "recommendations", "targets", "benchmarks", "scenarios", "methods")
WALKED = {
    "overview": {"lang", "lang_bar"},
    "figures": {"lang", "lang_bar", "section", "kind", "qual"},
    "bottlenecks": {"lang", "lang_bar", "b"},
    "recommendations": {"lang", "lang_bar", "b"},
    "targets": {"lang", "lang_bar", "section", "show"},
    "benchmarks": {"lang", "lang_bar", "ind"},
    "scenarios": {"lang", "lang_bar", "preset", "cmp", "out", "growth"},
    "methods": {"lang", "lang_bar", "grade"},
}
DATA_PICKERS = {"lang", "lang_bar", "table", "sql_sample"}  # and the facet filters of the table shown


def _open(page: str, lang: str) -> AppTest:
    extra = {"b": sc.b_text(OWN_B)} if page == "scenarios" else {}
    return run_page(page, lang=lang, **extra)


def _pickers(at: AppTest) -> dict[str, object]:
    """Return every picker on the page by key."""
    return {widget.key: widget for kind in PICKERS for widget in at.get(kind)}


def _choose(at: AppTest, key: str, code: str | list[str] | None, *, where: str) -> None:
    """Set one picker to one code (a multiselect to that code alone; None: nothing), rerun, fail on an exception."""
    widget = _pickers(at)[key]
    if widget.type == "multiselect" and not isinstance(code, list):
        code = [] if code is None else [code]
    widget.set_value(code)
    at.run()
    assert not at.exception, (where, key, code, [e.message for e in at.exception])


def _covered(at: AppTest, page: str, key: str, lang: str) -> Sequence[str]:
    """Return a picker's codes, failing unless they are exactly the options it shows (the walk misses none)."""
    widget = _pickers(at)[key]
    codes = _codes(page, key, lang)
    assert [widget.format_func(code) for code in codes] == widget.options, (page, key)
    return codes


def _walk_picker(at: AppTest, page: str, key: str, lang: str, *, where: str) -> None:
    """Choose each option of one picker in turn, then put it back as it was."""
    codes = _covered(at, page, key, lang)
    before = _pickers(at)[key].value
    for code in codes:
        _choose(at, key, code, where=where)
    _choose(at, key, before, where=where)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_choice_of_every_picker_one_at_a_time(page, lang):
    at = _open(page, lang)
    assert set(_pickers(at)) == WALKED[page]  # a picker this walk does not know fails here until it is added
    keys = [key for key in _pickers(at) if key != "lang" and (page, key) not in OWN_WALKS]
    for key in keys:
        _walk_picker(at, page, key, lang, where=page)
    _choose(at, "lang", [other for other in LANGS if other != lang][0], where=page)  # the language switch last


@pytest.mark.parametrize("lang", LANGS)
def test_data_every_table_and_every_filter_option(lang):
    at = _open("data", lang)
    _walk_picker(at, "data", "sql_sample", lang, where="data")
    for name in _covered(at, "data", "table", lang):
        _choose(at, "table", name, where="data")
        frame = _public_table(name)
        facets = data.facet_columns(frame)
        assert set(_pickers(at)) == {*DATA_PICKERS, *facets}, name  # an unknown picker fails until it is walked
        for column in facets:
            values = data.facet_options(frame, column)
            assert [_pickers(at)[column].format_func(value) for value in values] == _pickers(at)[column].options
            for value in values:
                _choose(at, column, value, where=f"data/{name}")
            _choose(at, column, None, where=f"data/{name}")


@pytest.mark.parametrize("lang", LANGS)
def test_benchmarks_every_indicator(lang):
    at = _open("benchmarks", lang)
    for code in _covered(at, "benchmarks", "ind", lang):
        _choose(at, "ind", code, where="benchmarks")
        assert at.query_params["ind"] == code


@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_every_outcome(lang):
    at = _open("scenarios", lang)
    for code in _covered(at, "scenarios", "out", lang):
        _choose(at, "out", code, where="scenarios")
        assert at.selectbox(key="preset").value == "paper" and at.selectbox(key="cmp").value == sc.NO_COMPARE


@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_every_preset_against_every_comparison(lang):
    at = _open("scenarios", lang)
    for preset in _covered(at, "scenarios", "preset", lang):
        _choose(at, "preset", preset, where="scenarios")
        for compare in _covered(at, "scenarios", "cmp", lang):
            _choose(at, "cmp", compare, where=f"scenarios/{preset}")
            assert at.selectbox(key="out").value == "core_va"


@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_a_seeded_sample_of_every_outcome_preset_and_comparison(lang):
    product = [(o, p, c) for o in model.OUTCOMES for p in model.PRESETS for c in _codes("scenarios", "cmp", lang)]
    at = _open("scenarios", lang)
    for outcome, preset, compare in random.Random(f"{SAMPLE_SEED}{lang}").sample(product, SAMPLE_SIZE):
        for key, code in (("preset", preset), ("cmp", compare), ("out", outcome)):
            at.selectbox(key=key).set_value(code)
        at.run()
        assert not at.exception, (outcome, preset, compare, [e.message for e in at.exception])
        assert [at.selectbox(key=key).value for key in ("out", "preset", "cmp")] == [outcome, preset, compare]
