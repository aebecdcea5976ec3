"""Waiting for a local Streamlit server: the one health poll the browser tests and the tools share."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Callable

HEALTH_PATH = "/_stcore/health"
POLL_S = 0.3


def wait_healthy(url: str, stopped: Callable[[], bool], timeout_s: float, poll_s: float = POLL_S) -> None:
    """Return once `url`/_stcore/health answers 200; raise RuntimeError if `stopped()` turns true or time runs out."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}{HEALTH_PATH}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if stopped():
            raise RuntimeError(f"the server stopped before {url} answered")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {timeout_s:.0f} s")
        time.sleep(poll_s)
