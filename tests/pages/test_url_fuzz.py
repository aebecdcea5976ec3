"""Hostile links, generated: random query values on every page never raise, any value the app
had to change (reject, clamp, reset) is announced in a visible notice naming it, and no value's
control characters and Markdown become a heading, link or image on the page."""

import math

import pytest
from apptest import go_to, new_session
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from markdown_checks import FORBIDDEN, code_spans, escaped_markdown, markdown_bodies

from explorer.core.formatting import untrusted_code
from explorer.model import Levers
from explorer.shell.notices import MAX_SHOWN_VALUE
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
    "sheet",
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
        return frozenset(code for value in values for code in value.split(",") if code) or None  # empty: no filter
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
    at = new_session(120)
    for key, values in query.items():
        at.query_params[key] = values
    go_to(at, page).run()
    assert not at.exception, [e.message for e in at.exception]
    notices = " ".join(warning.value for warning in at.warning)
    after = {key: _as_list(at.query_params.get(key)) for key in query}
    for key, values in query.items():
        given_meaning, kept_meaning = _normal(key, values), _normal(key, after[key])
        if given_meaning is not None and given_meaning != kept_meaning:
            # A notice names the widget's label (not the key) and echoes the rejected value, as given or its last one.
            shown = [untrusted_code(value, MAX_SHOWN_VALUE)[:20] for value in (",".join(values), values[-1])]
            echoed = any(prefix in notices for prefix in shown)
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


# Markdown injection (issue 24): on every page, every URL parameter at once gets control characters
# (CR, LF, NUL, U+2028, bidi overrides, …) around Markdown that names a marker or a host; nothing
# of it may show outside a code span, as a heading, a link, an image, a directive or math.
MARKER, HOST = "PWN", "ev.il"
INJECTIONS = [
    "# PWN",
    "## PWN",
    "PWN\n===",
    "> PWN",
    "- PWN",
    "1. PWN",
    "[PWN](//ev.il)",
    "![PWN](http://ev.il/t.png)",
    "[PWN]: //ev.il",
    "<http://ev.il/PWN>",
    "www.ev.il/PWN",
    ":red[PWN]",
    ":material/warning: PWN",
    "$\\href{//ev.il}{PWN}$",
    "$$PWN$$",
    "**PWN**",
    "`PWN`",
    "```PWN",
    "<b>PWN</b>",
    "| PWN |",
]
CONTROL = st.sampled_from(sorted(FORBIDDEN))
PAYLOADS = st.tuples(
    st.lists(CONTROL, min_size=1, max_size=3),
    st.sampled_from(INJECTIONS),
    st.lists(st.one_of(CONTROL, st.just("\r"), st.just("\r\r")), min_size=1, max_size=2),
    st.sampled_from(INJECTIONS),
).map(lambda parts: "".join(parts[0]) + parts[1] + "".join(parts[2]) + parts[3])
# Every page and every parameter it reads from the link; the Data page twice, since its filters
# depend on the table (`figures` by default; `benchmarks` has the city, indicator and grade facets).
INJECTED = {
    "root": ({}, ("missing", "lang")),
    "overview": ({}, ("lang",)),
    "figures": ({}, ("lang", "section", "kind", "qual", "q", "fig")),
    "bottlenecks": ({}, ("lang", "b")),
    "recommendations": ({}, ("lang", "b")),
    "targets": ({}, ("lang", "section", "show")),
    "benchmarks": ({}, ("lang", "ind")),
    "scenarios": ({}, ("lang", *Levers.BOUNDS, "b", "preset", "cmp", "out", "v", "growth")),
    "methods": ({}, ("lang", "grade")),
    "data": ({}, ("lang", "table", "q", "sql", "section", "kind")),
    "data_benchmarks": ({"table": "benchmarks"}, ("lang", "city", "indicator", "grade")),
}
# Text boxes take any short text as typed (shown in the box, not echoed): no notice names them.
TEXT_KEYS = {"q", "sql"}


@pytest.mark.parametrize("variant", list(INJECTED))
# No shrinking: each example is a whole page run, and a failure already prints the link's values as drawn.
@settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_link_value_renders_as_markdown_on_any_page(variant, data):
    fixed, keys = INJECTED[variant]
    query = fixed | {key: data.draw(PAYLOADS, label=key) for key in keys}
    at = new_session(120)
    for key, value in query.items():
        at.query_params[key] = value
    if variant != "root":
        go_to(at, variant.split("_")[0])
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    bodies = markdown_bodies(at)
    assert [problem for body in bodies for problem in escaped_markdown(body, (MARKER, HOST))] == []
    # Each value was echoed (so each parameter was tried): its first characters, controls gone, sit inside a span.
    spans = [span for body in bodies for span in code_spans(body)[0]]
    for key in set(keys) - TEXT_KEYS:
        shown = "".join(char for char in query[key] if char not in FORBIDDEN)[:10]
        assert any(shown in span for span in spans), (key, shown, spans)
