"""Shenzhen digital-economy policy explorer: data, model and UI helpers.

The paths below are the project's own (settings.DEFAULTS), for tools and tests that read the committed
data; the app itself reads `settings.current()`, which an `EXPLORER_<NAME>` variable can override.
They are read from `settings` on first use, so that `python -m explorer.core.settings` runs it once.
"""

import importlib
from pathlib import Path

__all__ = ["DATA_DIR", "DB_PATH", "PAPER_PATH", "ROOT"]


def __getattr__(name: str) -> Path:
    """Return ROOT, DATA_DIR, DB_PATH or PAPER_PATH from the default settings."""
    settings = importlib.import_module("explorer.core.settings")
    paths = {
        "ROOT": settings.ROOT,
        "DATA_DIR": settings.DEFAULTS.data_dir,
        "DB_PATH": settings.DEFAULTS.db_path,
        "PAPER_PATH": settings.DEFAULTS.paper_path,
    }
    if name not in paths:
        raise AttributeError(f"module 'explorer' has no attribute {name!r}")
    return paths[name]
