"""Run a coroutine to its end in a thread of its own: the browser tests' Playwright (sync API) keeps an event loop
running in the main thread for the whole session, where asyncio.run refuses to start another."""

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Return the coroutine's result, run by asyncio.run in a new thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
