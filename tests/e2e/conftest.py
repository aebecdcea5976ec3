"""Browser fixtures: a `streamlit run app.py` server on a free port and Debian's headless Chromium."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# Flags the machine needs: no sandbox as root, and no background calls to a network that is closed.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 60
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder e2e, and skip them when no Chromium is installed."""
    has_browser = Path(CHROMIUM).is_file()
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)
            if not has_browser:
                item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Start the app on a free loopback port; yield its base URL; stop it afterwards."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode(errors="replace") if server.stdout else ""
                    pytest.fail(f"streamlit did not start on port {port}:\n{output[-2000:]}")
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


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
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def wait_for_app(tab) -> None:
    """Wait until the script has finished running and the page has content."""
    tab.wait_for_selector("[data-testid='stApp']", timeout=30_000)
    tab.wait_for_timeout(300)
    tab.wait_for_selector(APP_READY, timeout=30_000)
    tab.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=30_000)
    tab.wait_for_timeout(500)


def assert_clean(tab) -> None:
    """Fail on an exception element or a dialog (such as Streamlit's "Page not found")."""
    assert tab.locator("[data-testid='stException']").count() == 0, "the page shows an exception"
    assert tab.get_by_role("dialog").count() == 0, "a dialog opened over the page"


def screenshot(tab, name: str) -> Path:
    """Save a screenshot of the whole page (the app scrolls inside its main block) under artifacts/screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = tab.viewport_size
    height = tab.evaluate("Math.max(...[...document.querySelectorAll('[data-testid=stMain]')].map(e => e.scrollHeight))")
    tab.set_viewport_size({"width": viewport["width"], "height": min(max(viewport["height"], height), 8000)})
    tab.wait_for_timeout(300)
    tab.screenshot(path=str(path))
    tab.set_viewport_size(viewport)
    return path
