"""Shenzhen digital-economy policy explorer: data, model and UI helpers.

The paths below are the project's own (settings.DEFAULTS), for tools and tests that read the committed
data; the app itself reads `settings.current()`, which an `EXPLORER_<NAME>` variable can override.
"""

from explorer.core.settings import DEFAULTS, ROOT

DATA_DIR = DEFAULTS.data_dir
DB_PATH = DEFAULTS.db_path
PAPER_PATH = DEFAULTS.paper_path

__all__ = ["DATA_DIR", "DB_PATH", "PAPER_PATH", "ROOT"]
