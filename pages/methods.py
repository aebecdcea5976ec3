"""Methods: the model's channels, equations, baseline, limits and every parameter with its source."""

import pandas as pd
import streamlit as st

from explorer import cached, ui
from explorer.i18n import t
from explorer.scenarios import DRAWS, SEED

CHANNELS = {
    "baseline": (
        r"\mathrm{GDP}_t = \mathrm{GDP}_{2022}(1+g)^t,"
        r"\quad \mathrm{CORE}^*_t = \mathrm{CORE}_{2022}(1+g+\pi)^t"
    ),
    "dc": (
        r"\mathrm{GWh}_t = O_t \cdot 2.5\,\mathrm{kW} \cdot 8760\,\mathrm{h} \cdot \lambda \cdot \mathrm{PUE}_t / 10^6,"
        r"\quad \mathrm{CORE}_t = \mathrm{CORE}^*_t\,(O_t / O^{\mathrm{paper}}_t)^{\varepsilon}"
    ),
    "xc": r"s_t = p - (p - s_{2022})\,(1 - 1/L)^t,\quad p = \max(\mathrm{xc\_share},\, s_{2022})",
    "talent": (
        r"r = 1 - e^{-\mathrm{subsidy}/s},"
        r"\quad \mathrm{cost}_t = \mathrm{subsidy}\cdot q\, r \cdot \min(Y, t) / 10^8"
    ),
}
GRADES = ("official", "secondary", "derived", "assumption")

lang = ui.start_page("methods")
version = cached.database().version
params = cached.parameters(version)

st.title(t("methods.title", lang))
st.info(t("methods.intro", lang, draws=DRAWS, seed=SEED), icon=":material/science:")
st.page_link(
    "pages/scenarios.py", label=t("methods.open_scenarios", lang), query_params={"lang": lang}, icon=":material/tune:"
)

st.subheader(t("methods.baseline.title", lang))
st.markdown(t("methods.baseline.body", lang))
for channel, equation in CHANNELS.items():
    st.subheader(t(f"methods.channel.{channel}.title", lang))
    st.markdown(t(f"methods.channel.{channel}.body", lang))
    st.latex(equation)
st.subheader(t("methods.peers.title", lang))
st.markdown(t("methods.peers.body", lang))
st.subheader(t("methods.limits.title", lang))
st.markdown(t("methods.limits.body", lang))

st.subheader(t("methods.params.title", lang))
assumptions = int((params["grade"] == "assumption").sum())
st.caption(t("methods.params.assumptions", lang, count=assumptions, sourced=len(params) - assumptions))
grades = ui.url_multi(
    "grade", GRADES, label=t("methods.params.filter", lang), format_func=lambda grade: t(f"grade.{grade}", lang)
)
shown = params[params["grade"].isin(grades)] if grades else params
st.dataframe(
    pd.DataFrame(
        {
            t("col.id", lang): shown["id"],
            t("col.parameter", lang): shown[f"label_{lang}"],
            t("col.unit", lang): shown["unit"].map(lambda unit: t(f"param_unit.{unit}", lang)),
            t("col.low", lang): shown["low"],
            t("col.central_value", lang): shown["central"],
            t("col.high", lang): shown["high"],
            t("col.grade", lang): shown["grade"].map(lambda grade: t(f"grade.{grade}", lang)),
            t("col.source", lang): shown["source_title"],
            t("col.source_url", lang): shown["source_url"],
            t("col.quote", lang): shown["source_quote"],
            t("col.rationale", lang): shown["rationale"],
        }
    ),
    hide_index=True,
    column_config={t("col.source_url", lang): st.column_config.LinkColumn()},
)

ui.end_page()
