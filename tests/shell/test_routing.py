"""explorer.shell.routing: which requests the unknown-path middleware sends to the "no such page" view."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlsplit

import pytest

from explorer.shell.routing import MISSING_PARAM, UnknownPaths, missing_location

PAGES = ("overview", "figures", "data")


@pytest.mark.parametrize("path", ["/", "", "/figures", "/data", "/data/"])
def test_the_root_and_the_pages_are_served(path):
    assert missing_location(path, "lang=zh", PAGES) is None


@pytest.mark.parametrize("path", ["/data/x/y/z", "/pages/data.py", "/nonexistent", "/figures/extra", "/app.py"])
def test_any_other_path_goes_to_the_root_with_the_path_it_asked_for(path):
    location = missing_location(path, "lang=en&fig=x", PAGES)
    parts = urlsplit(location)
    assert parts.path == "/"
    assert parse_qs(parts.query) == {"lang": ["en"], "fig": ["x"], MISSING_PARAM: [path]}


def test_a_missing_parameter_in_the_link_is_replaced_not_repeated():
    location = missing_location("/nope", "missing=/other&lang=zh", PAGES)
    assert parse_qs(urlsplit(location).query) == {"lang": ["zh"], MISSING_PARAM: ["/nope"]}


def _call(path: str, accept: bytes, method: str = "GET") -> tuple[list[dict], list[str]]:
    """Run the middleware on one request; return what it sent and the paths the wrapped app was asked for."""
    sent, passed = [], []

    async def inner(scope, receive, send):
        passed.append(scope["path"])

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": b"lang=zh",
        "headers": [(b"accept", accept)],
    }
    # In a thread of its own: after the browser tests, sync Playwright keeps an event loop in this thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, UnknownPaths(inner, PAGES)(scope, None, send)).result()
    return sent, passed


def test_a_page_request_for_an_unknown_path_is_redirected():
    sent, passed = _call("/data/x/y/z", b"text/html,application/xhtml+xml")
    assert passed == []
    assert sent[0]["status"] == 302
    location = dict(sent[0]["headers"])[b"location"].decode()
    assert location == "/?lang=zh&missing=%2Fdata%2Fx%2Fy%2Fz"


@pytest.mark.parametrize(
    ("path", "accept", "method"),
    [
        ("/figures", b"text/html", "GET"),  # a page
        ("/data/x/static/js/index.js", b"*/*", "GET"),  # not a page request: Streamlit answers it
        ("/_stcore/health", b"application/json", "GET"),
        ("/nonexistent", b"text/html", "POST"),
    ],
)
def test_everything_else_passes_through(path, accept, method):
    sent, passed = _call(path, accept, method)
    assert passed == [path] and sent == []
