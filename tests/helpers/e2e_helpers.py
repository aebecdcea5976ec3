"""Helpers the browser tests share: waiting for a rerun, failing on exceptions, screenshots."""

from pathlib import Path
from urllib.parse import urlsplit

from explorer import ROOT

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
# The footer is the last thing the shell writes: once it shows, the page is complete.
PAGE_DONE = ".st-key-footer [data-testid='stCaptionContainer']"


def wait_for_app(tab) -> None:
    """Wait until the script has finished running and the page has content."""
    tab.wait_for_selector("[data-testid='stApp']", timeout=30_000)
    tab.wait_for_timeout(300)
    tab.wait_for_selector(APP_READY, timeout=30_000)
    tab.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
    tab.wait_for_selector(PAGE_DONE, timeout=60_000)
    tab.wait_for_timeout(500)


def assert_clean(tab) -> None:
    """Fail on an exception element or a dialog (such as Streamlit's "Page not found")."""
    assert tab.locator("[data-testid='stException']").count() == 0, "the page shows an exception"
    assert tab.get_by_role("dialog").count() == 0, "a dialog opened over the page"


def open_expanders(tab) -> int:
    """Open every closed expander of the main area (Methods folds each section's rest); return how many it opened."""
    closed = tab.locator("[data-testid=stMain] [data-testid=stExpander] details:not([open]) > summary")
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
