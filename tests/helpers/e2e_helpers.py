"""Helpers the browser tests share: waiting for a drawn page and for a rerun, pages loaded once for the checks that
only read them, failing on exceptions, screenshots."""

import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit

from chromium import CONTEXT
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from explorer import ROOT
from explorer.shell.pages import DEFAULT_PAGE

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
# The footer is the last thing the shell writes: once it shows, the page is complete.
PAGE_DONE = ".st-key-footer [data-testid='stCaptionContainer']"


# A page's state, what DRAWN reads and what a failure prints: an exception's text, the script's state, the title and
# the footer, any skeleton (hidden ones marked), the charts shown without their content, the connection widget's text.
# checkVisibility, not getClientRects: Chromium hides a closed expander's content with content-visibility, and a chart
# in it still has a box (Methods folds its charts; CI waited 120 s on one left without its svg there).
PAGE_STATE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  const shown = element => element.checkVisibility();
  return {
    exception: document.querySelector("[data-testid='stException']")?.innerText.slice(0, 500) ?? null,
    scriptState: app ? app.getAttribute("data-test-script-state") : "no app",
    title: Boolean(document.querySelector("[data-testid='stMainBlockContainer'] h1")),
    footer: Boolean(document.querySelector(".st-key-footer [data-testid='stCaptionContainer']")),  // PAGE_DONE
    skeletons: [...document.querySelectorAll("[data-testid='stSkeleton'], [data-testid='stAppSkeleton']")]
      .map(element => element.getAttribute("data-testid") + (shown(element) ? "" : " (hidden)")),
    undrawnCharts: [...document.querySelectorAll("[data-testid='stVegaLiteChart']")]
      .filter(chart => shown(chart) && !chart.querySelector("svg, canvas")).length,
    connection: document.querySelector("[data-testid='stStatusWidget']")?.innerText ?? "",
  };
}"""
# Drawn: the script has finished (the first run of a new document shows "initial", not "notRunning"), the title and the
# footer are there, no element waits for its code (Streamlit draws a skeleton in its place: metrics, formulas, tables
# can come seconds after the script under load), and every chart shown has drawn its content. (A table's cells are drawn
# only where it is scrolled into view: a test that reads them waits for them.)
# A page that shows an exception is drawn too: its script stopped before the footer, so the wait returns the
# exception's text at once (`wait_for_app` fails with it) instead of waiting out its time.
DRAWN = f"""() => {{
  const state = ({PAGE_STATE})();
  if (state.exception !== null) return "exception: " + state.exception;
  return state.scriptState === "notRunning" && state.title && state.footer && state.skeletons.length === 0
    && state.undrawnCharts === 0;
}}"""
DRAWN_TIMEOUT_MS = 120_000  # a page on two busy cores (the whole suite, other work) can take tens of seconds
# Counts the script runs that start from now on (the state leaving "notRunning"), for `rerun`.
WATCH_RUNS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__testRuns = 0;
  if (!window.__testRunWatch) {
    // Count each change away from "notRunning" from the records: a quick run is over before the callback runs,
    // so the attribute itself may already read "notRunning" again (CI missed the Overview's language switch so).
    window.__testRunWatch = new MutationObserver(records => {
      for (const record of records) if (record.oldValue === "notRunning") window.__testRuns += 1;
    });
    window.__testRunWatch.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"],
                                        attributeOldValue: true});
  }
}"""


# How long `rerun` looks for a run's trace; the CI rehearsals saw two quick reruns leave none (a tab click on
# Scenarios, the Overview's language switch: 120 s waits, failed), their URLs already changed.
RUN_SEEN_MS = 10_000


def wait_for_app(tab, *, reload: bool = True) -> None:
    """Wait until a page just opened (goto) is drawn: its script has finished and every element shows its content.

    A page not drawn in DRAWN_TIMEOUT_MS is reloaded once, as a reader would, with a warning in the test report that
    says what it lacked (stop 29's CI waited 120 s on Methods, whose folded charts DRAWN then counted as shown: see
    `shown`). A page that shows an exception fails at once. After a click or a key in an open page, use `rerun`: it
    never reloads."""
    try:
        drawn = tab.wait_for_function(DRAWN, timeout=DRAWN_TIMEOUT_MS, polling=50).json_value()
    except PlaywrightTimeout:
        missing = f"{tab.url} not drawn after {DRAWN_TIMEOUT_MS // 1000} s: {tab.evaluate(PAGE_STATE)}"
        if not reload:
            raise AssertionError(missing) from None
        warnings.warn(f"{missing}; reloaded once", stacklevel=2)
        tab.reload()
        wait_for_app(tab, reload=False)
        return
    assert drawn is True, f"{tab.url}: {drawn}"


@contextmanager
def rerun(tab) -> Iterator[None]:
    """Wrap an action that reruns the script (a click, a key, a link in the app): on leaving, wait until a run has
    started after the action (or, for a run too quick to leave a trace, up to RUN_SEEN_MS) and the page is drawn
    again. Put the action's own evidence (a new URL, a label) inside the block: it is what proves the run happened."""
    # No run under way: any run from now on leaves "notRunning", even one Streamlit restarts.
    wait_for_app(tab, reload=False)
    tab.evaluate(WATCH_RUNS)
    yield
    # A cached run can start and end inside one React commit: "running" never reaches the DOM.
    with suppress(PlaywrightTimeout):
        tab.wait_for_function("() => window.__testRuns > 0", timeout=RUN_SEEN_MS, polling=50)
    wait_for_app(tab, reload=False)


def assert_clean(tab) -> None:
    """Fail on an exception element or a dialog (such as Streamlit's "Page not found")."""
    assert tab.locator("[data-testid='stException']").count() == 0, "the page shows an exception"
    assert tab.get_by_role("dialog").count() == 0, "a dialog opened over the page"


def open_expanders(tab) -> int:
    """Open every closed expander the main area shows (Methods folds each section's rest; one in a hidden tab is left
    alone: it cannot be clicked); return how many it opened."""
    closed = tab.locator("[data-testid=stMain] [data-testid=stExpander] details:not([open]) > summary >> visible=true")
    count = closed.count()
    for _ in range(count):
        closed.first.click()
        tab.wait_for_timeout(200)
    return count


def screenshot(tab, name: str) -> Path:
    """Save a screenshot of the whole page (the app scrolls inside its main block) under artifacts/screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = tab.viewport_size
    height = tab.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain]')].map(e => e.scrollHeight))"
    )
    tab.set_viewport_size({"width": viewport["width"], "height": min(max(viewport["height"], height), 8000)})
    tab.wait_for_timeout(300)
    tab.screenshot(path=str(path))
    tab.set_viewport_size(viewport)
    return path


def injected_markdown(tab, requests: list[str], marker: str, host: str) -> list[str]:
    """Return what shows that a link's Markdown rendered: a request that left for `host`, or a heading, link,
    image, formula, quote or list item naming `marker` or `host` (case-blind: the console lowercases names)."""
    found = [f"request {url}" for url in requests if urlsplit(url).hostname == host]
    for selector in ("h1, h2, h3, h4, h5, h6", "a[href]", "img[src]", ".katex", "blockquote", "li"):
        for element in tab.locator(f"[data-testid='stMain'] :is({selector})").all():
            html = element.evaluate("node => node.outerHTML").lower()
            if marker.lower() in html or host in html:
                found.append(html[:200])
    return found


# The windows the read-only checks look through: a desktop and a phone (Streamlit's mobile layout).
VIEWPORTS = {1440: {"width": 1440, "height": 1400}, 390: {"width": 390, "height": 900}}
LOCALES = {"zh": "zh-CN", "en": "en-US"}  # each page is read by a browser set to its language


def page_url(app_url: str, name: str, query: str = "") -> str:
    """Return a page's direct link: the default page (Overview) is served at the root."""
    return f"{app_url}/{'' if name == DEFAULT_PAGE else name}?{query}"


def new_tab(chromium, lang: str, width: int):
    """Return a tab in a new context (no shared state) at `width` px, the browser set to `lang`."""
    context = chromium.new_context(**CONTEXT, viewport=VIEWPORTS[width], is_mobile=width < 500, locale=LOCALES[lang])
    context.set_default_timeout(30_000)
    return context.new_page()


def open_page(chromium, url: str, lang: str, width: int):
    """Open `url` in a new tab (`new_tab`); wait until drawn."""
    page = new_tab(chromium, lang, width)
    page.goto(url, timeout=120_000)
    wait_for_app(page)
    return page


class LoadedPages:
    """Pages loaded once per (page, language, width, query) and shared by the tests that only read them: such a test
    evaluates, reads and takes screenshots; one that clicks, types or opens anything opens its own (`open_page`)."""

    def __init__(self, chromium, app_url: str) -> None:
        self._chromium, self._app_url, self._pages = chromium, app_url, {}
        self._logs: dict[tuple, dict[str, list]] = {}  # per page: what it requested, received and logged

    def get(self, name: str, lang: str, width: int, query: str = ""):
        """Return the page at /<name>?lang=<lang><query>, drawn at `width` px in a browser set to `lang`."""
        key = (name, lang, width, query)
        if key not in self._pages:
            page = new_tab(self._chromium, lang, width)
            log: dict[str, list] = {"requests": [], "responses": [], "console": []}
            page.on("request", lambda request: log["requests"].append(request.url))
            page.on("response", lambda response: log["responses"].append((response.status, response.url)))
            page.on("console", lambda message: log["console"].append((message.type, message.text)))
            try:
                page.goto(page_url(self._app_url, name, f"lang={lang}{query}"), timeout=120_000)
                wait_for_app(page)
            except BaseException:
                page.context.close()
                raise
            self._pages[key], self._logs[key] = page, log
        return self._pages[key]

    def _log(self, kind: str, name: str, lang: str, width: int, query: str) -> list:
        self.get(name, lang, width, query)
        return list(self._logs[(name, lang, width, query)][kind])

    def requests(self, name: str, lang: str, width: int, query: str = "") -> list[str]:
        """Return the URL of every request the page has made since it was opened (loading it first)."""
        return self._log("requests", name, lang, width, query)

    def responses(self, name: str, lang: str, width: int, query: str = "") -> list[tuple[int, str]]:
        """Return (status, URL) of every response the page has received since it was opened (loading it first)."""
        return self._log("responses", name, lang, width, query)

    def console(self, name: str, lang: str, width: int, query: str = "") -> list[tuple[str, str]]:
        """Return (type, text) of every console message the page has logged since it was opened (loading it first)."""
        return self._log("console", name, lang, width, query)

    def close(self) -> None:
        for page in self._pages.values():
            page.context.close()
        self._pages.clear()
