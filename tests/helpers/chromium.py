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

# Every browser context asks for reduced motion: Streamlit and Vega then skip their transitions, which cost a
# quarter of Chromium's CPU per page load on two cores (16 loads: 58-65 s -> 46 s); nothing tested animates.
# (Chromium's --force-prefers-reduced-motion flag did not change the CPU here; the context option does.)
CONTEXT = {"reduced_motion": "reduce"}

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "CONTEXT"]
