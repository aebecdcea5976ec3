"""Shell of the Shenzhen digital-economy policy explorer: navigation, language, link, footer."""

import streamlit as st

from explorer import ui
from explorer.i18n import t

st.set_page_config(page_title="Shenzhen digital economy · 深圳数字经济", page_icon=":material/analytics:", layout="wide")

lang = ui.language_switch()
pages = {
    t("nav.section.paper", lang): [
        st.Page("pages/overview.py", title=t("nav.overview", lang), url_path="overview", default=True),
        st.Page("pages/figures.py", title=t("nav.figures", lang), url_path="figures"),
    ],
}
navigation = st.navigation(pages)
data = ui.database()
ui.rebuild_notice(data.state_found)
navigation.run()
ui.share_link(navigation.url_path, lang)
ui.footer(data.version, lang)
