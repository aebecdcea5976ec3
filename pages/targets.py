"""Targets: placeholder until the page is built."""

import streamlit as st

from explorer import ui
from explorer.i18n import t

lang = ui.start_page()
st.title(t("nav.targets", lang))
