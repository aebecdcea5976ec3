"""Browser fixtures: a `streamlit run app.py` server on a free port and Debian's headless Chromium."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS, CONTEXT
from e2e_helpers import LoadedPages

from explorer import ROOT
from explorer.core import serving

SERVER_START_TIMEOUT_S = 60


# Under pytest-xdist (`--dist loadgroup`, pyproject.toml) the browser tests run in two groups, one per worker, each
# on its worker's shared server (`app_url`) one after another: the files that read the shared loaded pages (`loaded`:
# each page loaded once per worker) and the files that open pages of their own. A browser test mostly waits (for the
# server, for Chromium to draw), so the two groups and the rest of the suite overlap. The tests that start servers of
# their own (first requests, the Cloud rehearsal) are in no group.
SHARED_PAGES = {
    "test_browser_pages.py",
    "test_browser_one_language.py",
    "test_browser_benchmarks.py",
    "test_browser_targets.py",
    "test_browser_unknown_paths.py",
}
OWN_SERVERS = {"test_browser_first_request.py", "test_cloud_rehearsal.py"}


def browser_group(file_name: str) -> str | None:
    """Return the xdist group of a browser test file: None for a file that starts servers of its own."""
    if file_name in OWN_SERVERS:
        return None
    return "browser-shared-pages" if file_name in SHARED_PAGES else "browser-own-pages"


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder e2e (and in its xdist group unless it starts a server of its own), and
    skip them when no Chromium is installed."""
    has_browser = Path(CHROMIUM).is_file()
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)
            group = browser_group(Path(item.fspath).name)
            if group:
                item.add_marker(pytest.mark.xdist_group(group))
            if not has_browser:
                item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve() -> Iterator[str]:
    """Start `streamlit run app.py` on a free loopback port; yield its base URL once it answers; stop it."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            serving.wait_healthy(url, lambda: server.poll() is not None, SERVER_START_TIMEOUT_S)
        except RuntimeError as error:
            server.kill()
            output = server.stdout.read().decode(errors="replace") if server.stdout else ""
            pytest.fail(f"streamlit did not start on port {port} ({error}):\n{output[-2000:]}")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Yield the base URL of one app server shared by the session's tests."""
    with serve() as url:
        yield url


@pytest.fixture
def fresh_app_url() -> Iterator[str]:
    """Yield the base URL of a server started for this test alone: its first request is the test's."""
    with serve() as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    """Yield a headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def tab(chromium):
    """Yield a fresh page (new context: no shared state) sized like a laptop screen."""
    context = chromium.new_context(**CONTEXT, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="session")
def loaded(chromium, app_url) -> Iterator[LoadedPages]:
    """Yield the session's pages loaded once per (page, language, width, query), for the tests that only read them."""
    pages = LoadedPages(chromium, app_url)
    try:
        yield pages
    finally:
        pages.close()
