"""Entry point of the Shenzhen digital-economy policy explorer: the root URL opens the Overview.

`streamlit run app.py` finds `app` (an st.App) and serves the frame script, explorer/shell/frame.py, through it:
the frame routes /<stem> to pages/<stem>.py (the page registry, explorer.shell.pages) and draws navigation,
language switch and footer around the page. A request for an unknown path comes back to the root with
`missing=<path>` (explorer.shell.routing), where the frame shows the app's own "no such page" view, in the
page's language, with a link to every page.
"""

from importlib.util import find_spec

import streamlit as st
from starlette.middleware import Middleware

from explorer.shell.pages import STEMS
from explorer.shell.routing import UnknownPaths

FRAME = find_spec("explorer.shell.frame").origin  # found, not imported: the script imports the app in its session
app = st.App(FRAME, middleware=[Middleware(UnknownPaths, pages=STEMS)])
