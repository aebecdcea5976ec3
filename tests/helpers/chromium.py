"""Debian's Chromium and the flags it needs here, for the browser tests and the tools (standard library only)."""

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags this machine needs: no sandbox as root, and no background calls to a network that is closed.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]
