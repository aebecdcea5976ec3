"""Hostile links, generated: random query values on every page never raise, and any value the app
had to change (reject, clamp, reset) is announced in a visible notice naming it."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from explorer import ROOT
from explorer.model import Levers
from explorer.shell.notices import clip
from explorer.shell.pages import PAGES

MULTI_KEYS = {"section", "kind", "qual", "grade", "city", "indicator"}
PAGE_KEYS = {page.stem: page.params for page in PAGES}
PLAUSIBLE = [
    "2.2",
    "target",
    "rank,status",
    "approx",
    "gdp",
    "benchmarks",
    "figures",
    "paper",
    "core_va",
    "30000",
    "1.3",
    "70",
    "all",
    "with_status",
    "official",
    "shenzhen",
    "SELECT 1",
    "core_va_2022",
    "3.6",
    "2.1,2.4",
]
HOSTILE = [
    "",
    " ",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "-1",
    "-999999999",
    "99999999999999999999",
    "0x1F",
    "1,2,3",
    "<script>alert(1)</script>",
    "<b>x</b>",
    "[x](javascript:alert(1))",
    "{{7*7}}",
    "'; DROP TABLE figures;--",
    "COPY figures TO '/tmp/x'",
    "NaN",
    "None",
    "true",
    "🙂",
    "深圳",
    "\u202etxt",
    "a" * 300,
    "%00",
    "..\\..",
    "`code`",
    "SELECT 1; SELECT 2",
]
VALUES = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers().map(str),
)


def _normal(key: str, values: list[str]):
    """Return what a value means, so a value the app only rewrote (not rejected) compares equal."""
    if not values:
        return None
    if key in MULTI_KEYS:
        return frozenset(code for value in values for code in value.split(",") if code)
    value = values[-1]
    if key in Levers.BOUNDS:
        try:
            number = float(value)
        except ValueError:
            return value
        if not math.isfinite(number):
            return value
        step = Levers.BOUNDS[key][2]
        return round(number / step) * step  # snapping to the slider's step is not a rejection
    return value.strip() or None


def _as_list(value: str | list[str] | None) -> list[str]:
    """Return a query value as the list of its repetitions (AppTest gives a str, a list or nothing)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _check(page: str, query: dict[str, list[str]]) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, values in query.items():
        at.query_params[key] = values
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    notices = " ".join(warning.value for warning in at.warning)
    after = {key: _as_list(at.query_params.get(key)) for key in query}
    for key, values in query.items():
        given_meaning, kept_meaning = _normal(key, values), _normal(key, after[key])
        if given_meaning is not None and given_meaning != kept_meaning:
            # A notice names the widget's label (not the key) and echoes the rejected value, as given or its last one.
            echoed = clip(",".join(values))[:20] in notices or clip(values[-1])[:20] in notices
            assert echoed, (key, values, after[key], notices)


@pytest.mark.parametrize("page", list(PAGE_KEYS))
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_random_links_never_raise_and_every_change_is_announced(page, data):
    keys = ("lang", *PAGE_KEYS[page])
    chosen = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=len(keys), unique=True))
    query = {key: data.draw(st.lists(VALUES, min_size=1, max_size=2), label=key) for key in chosen}
    _check(page, query)
