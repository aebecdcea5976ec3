"""Shell of the Shenzhen digital-economy policy explorer: navigation, language, link, footer."""

import streamlit as st

from explorer import ui
from explorer.i18n import t

st.set_page_config(
    page_title="Shenzhen digital economy · 深圳数字经济", page_icon=":material/analytics:", layout="wide"
)

lang = ui.language_switch()
pages = {
    t("nav.section.paper", lang): [
        st.Page("pages/overview.py", title=t("nav.overview", lang), url_path="overview", default=True),
        st.Page("pages/figures.py", title=t("nav.figures", lang), url_path="figures"),
        st.Page("pages/bottlenecks.py", title=t("nav.bottlenecks", lang), url_path="bottlenecks"),
        st.Page("pages/recommendations.py", title=t("nav.recommendations", lang), url_path="recommendations"),
        st.Page("pages/targets.py", title=t("nav.targets", lang), url_path="targets"),
    ],
    t("nav.section.compare", lang): [
        st.Page("pages/benchmarks.py", title=t("nav.benchmarks", lang), url_path="benchmarks"),
        st.Page("pages/scenarios.py", title=t("nav.scenarios", lang), url_path="scenarios"),
        st.Page("pages/methods.py", title=t("nav.methods", lang), url_path="methods"),
    ],
    t("nav.section.data", lang): [
        st.Page("pages/data.py", title=t("nav.data", lang), url_path="data"),
    ],
}
navigation = st.navigation(pages)
ui.enter_page(navigation.url_path)
data = ui.database()
ui.rebuild_notice(data.state_found)
navigation.run()
ui.share_link(navigation.url_path, lang)
ui.footer(data.version, lang)
