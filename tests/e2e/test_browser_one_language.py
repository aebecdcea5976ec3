"""One language per page, in a real browser: every page in zh and en shows no interface word of the other
language (quotes, IDs and units aside), no Streamlit default text, and a language switch re-labels every
widget while the link keeps every value."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from chromium import CONTEXT
from e2e_helpers import APP_READY, assert_clean, open_expanders, rerun, wait_for_app
from language_checks import chinese_outside_quotes, foreign_words, has_han, paper_terms

from explorer import model
from explorer.core import vocab
from explorer.core.i18n import t
from explorer.features.targets import progress as target_progress
from explorer.shell.pages import STEMS

PAGES = list(STEMS)
LOCALES = {"zh": "zh-CN", "en": "en-US"}  # each page is read by a browser set to its language
# Streamlit's own English defaults and the words of its empty cells and unknown-page dialog.
FORBIDDEN = ("Choose options", "Choose an option", "Page not found", "None")

# Visible text of the main area and the sidebar (open or collapsed parts alike), one text node per line, without:
# the paper's and the sources' own words (Markdown quotes render as <blockquote>; the Figures page keeps the paper's
# text in containers keyed quote_*), code (SQL, links, BibTeX), maths (KaTeX), Material icons (their names are
# ligature text), tables (checked cell by cell below), scripts and styles. Placeholders are added as text.
VISIBLE_TEXT = """() => {
  const skip = "blockquote, code, pre, .katex, [data-testid^=stIcon], [data-testid$=Icon], "
    + "[data-testid=stDataFrame], [class*='st-key-quote_'], script, style, svg, canvas";
  const parts = [];
  for (const root of document.querySelectorAll("[data-testid=stMain], [data-testid=stSidebar]")) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const isIcon = getComputedStyle(parent).fontFamily.includes("Material");  // also icons inside Markdown
      if (!parent.closest(skip) && !isIcon && node.textContent.trim()) parts.push(node.textContent.trim());
    }
    for (const box of root.querySelectorAll("input[placeholder], textarea[placeholder]")) {
      if (!box.closest(".st-key-sql")) parts.push(box.placeholder);  // the SQL editor's example is code
    }
  }
  return parts.join("\\n");
}"""
# The cells Streamlit's data grid lays out for screen readers (the canvas draws the same), per table, with the
# column headers: an empty cell is what the canvas draws as "None".
GRID_CELLS = """() => [...document.querySelectorAll("[data-testid=stDataFrame] table")].map(table => ({
  headers: [...table.querySelectorAll("thead th")].map(th => th.innerText.trim()),
  rows: [...table.querySelectorAll("tbody tr")]
    .map(tr => [...tr.querySelectorAll("td")].map(td => td.innerText.trim())),
}))"""
# Every widget's visible label and shown value(s), and every tab's label, in page order.
WIDGETS = """() => {
  const text = el => (el ? el.innerText.trim() : "");
  const found = [];
  const kinds = "stSelectbox, stMultiSelect, stRadio, stSlider, stTextInput, stTextArea, stCheckbox";
  for (const widget of document.querySelectorAll(kinds.split(", ").map(k => `[data-testid=${k}]`).join(","))) {
    const kind = widget.getAttribute("data-testid");
    let values = [];
    if (kind === "stSelectbox") values = [...widget.querySelectorAll("input")].map(i => i.value).filter(Boolean);
    if (kind === "stMultiSelect") values = text(widget.querySelector("[data-testid=stMultiSelectTagsContainer]"))
      .split("\\n").map(v => v.trim()).filter(Boolean);
    if (kind === "stRadio") values = [text(widget.querySelector("label:has(input:checked)"))];
    found.push({kind, label: text(widget.querySelector("[data-testid=stWidgetLabel]")), values});
  }
  for (const tab of document.querySelectorAll("[role=tab]")) found.push({kind: "tab", label: text(tab), values: []});
  return found;
}"""


LANGUAGE_OPTION_ZH = "中文"  # the language switch names Chinese in Chinese


def path(name: str, query: str) -> str:
    return f"{'' if name == 'overview' else name}?{query}"


def open_page(chromium, app_url: str, name: str, lang: str, query: str = ""):
    context = chromium.new_context(**CONTEXT, viewport={"width": 1440, "height": 1400}, locale=LOCALES[lang])
    context.set_default_timeout(30_000)
    tab = context.new_page()
    tab.goto(f"{app_url}/{path(name, f'lang={lang}' + (f'&{query}' if query else ''))}")
    wait_for_app(tab)
    assert_clean(tab)
    return tab


@pytest.mark.parametrize(
    ("name", "lang"),
    [(name, lang) for name in PAGES for lang in LOCALES],
)
def test_every_page_speaks_one_language(loaded, name, lang):
    tab = loaded.get(name, lang, 1440)  # shared with the other checks that only read the page
    assert_clean(tab)
    text = tab.evaluate(VISIBLE_TEXT)
    for forbidden in FORBIDDEN:
        assert not re.search(rf"\b{forbidden}\b", text), f"{name} ({lang}) shows {forbidden!r}"
    for grid in tab.evaluate(GRID_CELLS):
        for row in grid["rows"]:
            for header, cell in zip(grid["headers"], row):
                assert cell not in ("", "None", "nan") or header == t("col.source_url", lang), (name, header, row)
    if lang == "zh":
        assert foreign_words(text, paper_terms()) == [], f"English interface words on the Chinese {name} page"
    else:
        lines = [line for line in chinese_outside_quotes(text) if line != LANGUAGE_OPTION_ZH]
        assert lines == [], f"Chinese interface words on the English {name} page"


# The words Streamlit's "Skip to main content" link shows (its text hidden, the page's words drawn after it).
SKIP_LINK = """() => { const link = document.querySelector("[data-testid=stSkipToContent]");
  return [getComputedStyle(link).fontSize, getComputedStyle(link, "::after").content]; }"""


@pytest.mark.parametrize("lang", LOCALES)
def test_the_skip_link_speaks_the_pages_language(loaded, lang):
    """The first thing a keyboard reaches read "Skip to main content" on a Chinese page (the second walk)."""
    assert loaded.get("figures", lang, 1440).evaluate(SKIP_LINK) == ["0px", f'"{t("nav.skip", lang)}"']


# A state for every URL-kept widget a page has, as codes from the vocabulary (so no value is a default).
STATES = {
    "overview": "",
    "figures": f"section=1.2&kind={vocab.FIGURE_KINDS[1]},{vocab.FIGURE_KINDS[2]}&qual=exact&q=5G",
    "bottlenecks": f"b={vocab.BOTTLENECKS[1]}",
    "recommendations": f"b={vocab.BOTTLENECKS[0]},{vocab.BOTTLENECKS[2]}",
    "targets": f"section=1.2&show={target_progress.SHOW_OPTIONS[-1]}",
    "benchmarks": "ind=gdp",
    "scenarios": f"preset={list(model.PRESETS)[-1]}&out={list(model.OUTCOMES)[-1]}",
    "methods": "grade=official",
    "data": "table=benchmarks&city=shenzhen",
}


def widget_text(tab) -> list[dict]:
    """Return every widget but the language switch (its two labels never change), once two reads agree; folded
    sections (Methods) are opened first, since a closed expander's text reads empty."""
    open_expanders(tab)
    previous = None
    for _ in range(40):  # a rerun redraws the page element by element: read until it has settled
        tab.wait_for_selector(APP_READY, timeout=60_000)  # not in the middle of a rerun (CI once read half a page)
        found = [widget for widget in tab.evaluate(WIDGETS) if widget["label"] not in ("Language", "语言")]
        if found == previous:
            return found
        previous = found
        tab.wait_for_timeout(250)
    return found


def is_neutral(value: str) -> bool:
    """Return whether a shown value reads the same in both languages (a number, a year, an ID)."""
    return bool(re.fullmatch(r"[\d\s.,:%+\-–—]+", value))


@pytest.mark.parametrize("name", PAGES)
def test_a_language_switch_relabels_every_widget_and_keeps_the_link(app_url, chromium, name):
    tab = open_page(chromium, app_url, name, "en", STATES[name])
    try:
        before, query_before = widget_text(tab), parse_qs(urlsplit(tab.url).query)
        assert before, f"{name} has no widget to check"
        with rerun(tab):
            tab.locator("[data-testid=stSidebar] [data-testid=stRadio] label").filter(has_text="中文").click()
            tab.wait_for_url("**lang=zh**")
        tab.locator("[data-testid=stSidebar] [data-testid=stWidgetLabel]").get_by_text("语言", exact=True).wait_for()
        after, query_after = widget_text(tab), parse_qs(urlsplit(tab.url).query)
        assert [widget["kind"] for widget in after] == [widget["kind"] for widget in before]
        for old, new in zip(before, after):
            assert not has_han(old["label"]) and has_han(new["label"]), (old, new)
            assert len(new["values"]) == len(old["values"]), (old, new)
            for value in new["values"]:
                assert has_han(value) or is_neutral(value), f"{new['label']} still shows {value!r}"
        assert query_after == {**query_before, "lang": ["zh"]}, "the switch must keep every value in the link"
    finally:
        tab.context.close()


NOTICES = "[data-testid=stMain] .st-key-link_notices [data-testid=stAlert]"  # ui.start_page's box for them
ROW_OF_FILTERS = "[data-testid=stHorizontalBlock]:has([data-testid=stMultiSelect])"


@pytest.mark.parametrize("lang", LOCALES)
def test_a_bad_language_falls_back_to_the_browsers_and_is_told_in_it(app_url, chromium, lang):
    context = chromium.new_context(**CONTEXT, viewport={"width": 1440, "height": 1000}, locale=LOCALES[lang])
    tab = context.new_page()
    try:
        tab.goto(f"{app_url}/figures?lang=fr")
        wait_for_app(tab)
        assert_clean(tab)
        assert has_han(tab.locator("h1").first.inner_text()) == (lang == "zh")
        assert f"lang={lang}" in tab.url
        notices = tab.locator(NOTICES).all_inner_texts()
        assert len(notices) == 1 and "`fr`" not in notices[0] and "fr" in notices[0], notices
        assert t("app.language", lang) in notices[0]
        assert has_han(notices[0]) == (lang == "zh"), notices[0]
    finally:
        context.close()


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize(
    ("name", "query", "codes"),
    [
        ("scenarios", "preset=utopia&dc_pue=9&out=happiness", ("preset", "dc_pue", "`out`")),
        ("figures", "kind=wish&section=9.9&qual=nope&q=" + "x" * 200, ("`kind`", "`section`", "`qual`", "`q`")),
        ("benchmarks", "ind=core_va_x", ("`ind`", "gdp")),
    ],
)
def test_notices_name_labels_and_sit_above_the_page(app_url, chromium, name, query, codes, lang):
    tab = open_page(chromium, app_url, name, lang, query)
    try:
        assert tab.locator("[data-testid=stSidebar] [data-testid=stAlert]").count() == 0, "a notice in the sidebar"
        alerts = tab.locator(NOTICES)
        texts = alerts.all_inner_texts()
        assert len(texts) == len(query.split("&")), texts  # one per rejected value, all in the box
        title_top = tab.locator("h1").first.bounding_box()["y"]
        for index in range(alerts.count()):
            alert = alerts.nth(index)
            assert alert.locator("xpath=ancestor::*[@data-testid='stColumn']").count() == 0, "a notice in a column"
            assert alert.bounding_box()["y"] < title_top, "notices about the link come above the page"
        for text in texts:
            assert has_han(text) == (lang == "zh"), text
            assert "[]" not in text and not any(code in text for code in codes), (text, codes)
        if tab.locator(ROW_OF_FILTERS).count():  # the filter row keeps its widgets side by side
            columns = tab.locator(f"{ROW_OF_FILTERS} [data-testid=stColumn]").all()
            assert len({round(column.bounding_box()["y"]) for column in columns}) == 1
    finally:
        tab.context.close()
