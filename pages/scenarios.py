"""Scenarios: move the paper's three policy levers and see Shenzhen against Beijing and Shanghai to 2035."""

import pandas as pd
import streamlit as st

from explorer import cached, charts, model, ui
from explorer.i18n import t
from explorer.scenarios import (
    DRAWS,
    KPI_INDICATORS,
    LEVER_FIGURES,
    LEVER_GROUPS,
    MODEL_GROUPS,
    SEED,
    TARGET_MARKERS,
    figure_in_model_unit,
    summary,
)

SERIES_COLOURS = {
    "scenario": ui.CITY_COLOURS["shenzhen"],
    "baseline": "#7F7F7F",
    "beijing": ui.CITY_COLOURS["beijing"],
    "shanghai": ui.CITY_COLOURS["shanghai"],
}

SLIDER_FORMATS = {"dc_pue": "%.2f", "dc_util_gate": "%.0f", "xc_share": "%.0f", "talent_subsidy": "%.0f"}

lang = ui.start_page("scenarios")
version = cached.database().version
figures = cached.figures(version).set_index("id", drop=False)
params = cached.parameters(version)

st.title(t("scenarios.title", lang))
st.info(t("scenarios.disclaimer", lang), icon=":material/science:")

linked_version = st.query_params.get("v")
if linked_version is not None and linked_version != version[:12]:
    st.warning(
        t("scenarios.version_moved", lang, old=ui.clip(linked_version), new=version[:12]), icon=":material/history:"
    )
st.query_params["v"] = version[:12]


def apply_preset() -> None:
    for name, value in vars(model.PRESETS[st.session_state["preset"]]).items():
        st.session_state[name] = value


def lever_help(name: str) -> str:
    fig_id = LEVER_FIGURES.get(name)
    if fig_id is None:
        return t("lever.no_paper_value", lang)
    fig = figures.loc[fig_id]
    return f"{t('lever.paper_value', lang, value=ui.figure_value(fig, lang))} — {fig['quote_zh']}"


with st.sidebar:
    preset = ui.url_choice(
        "preset",
        list(model.PRESETS),
        label=t("scenarios.preset", lang),
        format_func=lambda code: t(f"preset.{code}", lang),
        default="paper",
        on_change=apply_preset,
    )
    ui.seed_levers(model.PRESETS[preset])
    for group, names in LEVER_GROUPS.items():
        st.markdown(f"**{t(f'scenarios.group.{group}', lang)}**")
        for name in names:
            low, high, step = model.Levers.BOUNDS[name]
            st.slider(
                t(f"lever.{name}", lang),
                low,
                high,
                step=step,
                key=name,
                help=lever_help(name),
                format=SLIDER_FORMATS.get(name),
            )
            if name == "dc_racks":
                st.caption(t("lever.racks_note", lang))
    st.markdown(f"**{t('scenarios.group.horizon', lang)}**")
    low, high, step = model.Levers.BOUNDS["horizon"]
    st.slider(t("lever.horizon", lang), low, high, step=step, key="horizon")
    levers = ui.current_levers()
    if levers != model.PRESETS[preset]:
        st.caption(t("scenarios.preset.modified", lang))

key = tuple(sorted(levers.to_query().items()))
base_key = tuple(sorted(model.Levers(**{**vars(model.baseline()), "horizon": levers.horizon}).to_query().items()))
scenario = cached.projection(version, key, DRAWS, SEED)
base = cached.projection(version, base_key, DRAWS, SEED)
peers = cached.peer_paths(version, levers.horizon)
deltas, crossed = cached.scenario_outcomes(version, key, base_key, DRAWS, SEED)


def indicator_label(code: str) -> str:
    return t(f"ind.{code}", lang)


def unit_label(code: str) -> str:
    return model.UNIT_LABELS[model.INDICATORS[code]][0 if lang == "zh" else 1]


st.subheader(t("scenarios.kpis", lang, year=levers.horizon))
for row_start in range(0, len(KPI_INDICATORS), 3):
    for column, code in zip(st.columns(3), KPI_INDICATORS[row_start : row_start + 3]):
        row = deltas.loc[code]
        column.metric(
            indicator_label(code),
            f"{ui.format_number(round(row['scenario'], 2))} {unit_label(code)}",
            delta=f"{row['delta']:+,.2f}",
            delta_color="off",
            border=True,
            help=t("col.p50", lang),
        )

outcome = ui.url_choice(
    "out", list(model.INDICATORS), label=t("scenarios.outcome", lang), format_func=indicator_label, default="core_va"
)
series = [
    frame[frame["indicator"] == outcome].assign(series=t(f"scenarios.series.{name}", lang), colour=name)
    for name, frame in (("scenario", scenario), ("baseline", base))
]
paths = pd.concat(series, ignore_index=True)[["series", "colour", "year", "p10", "p50", "p90"]]
table = paths[["series", "year", "p10", "p50", "p90"]]

peer_rows = peers[
    (peers["indicator"] == outcome)
    & (peers["city"] != "shenzhen")
    & (peers["comparability_group"] == MODEL_GROUPS.get(outcome))
]
peer_cities = [city for city in ("beijing", "shanghai") if city in set(peer_rows["city"])]
peer_rows = peer_rows.assign(
    series=peer_rows["city"].map(lambda city: t(f"city.{city}", lang)),
    is_extrapolated=peer_rows["basis"].str.startswith("extrapolated"),
)[["series", "year", "value", "basis", "is_extrapolated"]]
table = pd.concat([table, peer_rows[["series", "year", "value"]].rename(columns={"value": "p50"})])

marker = pd.DataFrame(columns=["year", "value", "label", "quote"])
target_id = TARGET_MARKERS.get(outcome)
if target_id:
    fig = figures.loc[target_id]
    marker = pd.DataFrame(
        {
            "year": [int(fig["year"])],
            "value": [figure_in_model_unit(fig)],
            "label": [f"{t('scenarios.series.target', lang)}: {ui.figure_value(fig, lang)}"],
            "quote": [fig["quote_zh"]],
        }
    )
    table = pd.concat([table, marker.rename(columns={"value": "p50", "label": "series"})[["series", "year", "p50"]]])

chart = charts.fan_chart(
    paths,
    peer_rows,
    marker,
    colours={
        t("scenarios.series.scenario", lang): SERIES_COLOURS["scenario"],
        t("scenarios.series.baseline", lang): SERIES_COLOURS["baseline"],
        **{t(f"city.{city}", lang): SERIES_COLOURS[city] for city in peer_cities},
    },
    title=t("scenarios.chart.title", lang, indicator=indicator_label(outcome)),
    y_title=f"{indicator_label(outcome)} ({unit_label(outcome)})",
    lang=lang,
)
ui.chart_with_table(
    chart,
    table.rename(
        columns={
            "series": t("col.series", lang),
            "year": t("col.year", lang),
            "p10": t("col.p10", lang),
            "p50": t("col.p50", lang),
            "p90": t("col.p90", lang),
        }
    ),
    lang,
    key="outcome",
)
if target_id:
    st.caption(t("scenarios.target.caveat", lang, caveat=t(f"caveat.{outcome}", lang)))
st.caption(t("scenarios.peers.note", lang) if not peer_rows.empty else t("scenarios.peers.none", lang))

st.subheader(t("scenarios.summary.title", lang))
st.markdown(summary(deltas, levers, crossed, lang))

tornado = cached.tornado(version, key, outcome, levers.horizon)
tornado = tornado[tornado["swing"] > 0].head(12)
labels = params.set_index("id")[f"label_{lang}"]
tornado = tornado.assign(label=tornado["parameter"].map(labels))
bars = pd.concat(
    [
        tornado.assign(end=tornado["low_value"], side=t("scenarios.tornado.low", lang)),
        tornado.assign(end=tornado["high_value"], side=t("scenarios.tornado.high", lang)),
    ]
).assign(rank=lambda frame: frame.index)[["label", "rank", "side", "end", "central_value"]]
tornado_chart = charts.tornado_chart(
    bars,
    title=t("scenarios.tornado.title", lang, indicator=indicator_label(outcome), year=levers.horizon),
    axis_title=t("scenarios.tornado.axis", lang, indicator=indicator_label(outcome)),
    lang=lang,
)
if tornado.empty:
    st.caption(t("scenarios.tornado.flat", lang, indicator=indicator_label(outcome)))
else:
    ui.chart_with_table(
        tornado_chart,
        tornado[["label", "low_value", "central_value", "high_value"]].rename(
            columns={
                "label": t("col.parameter", lang),
                "low_value": t("scenarios.tornado.low", lang),
                "central_value": t("col.central", lang),
                "high_value": t("scenarios.tornado.high", lang),
            }
        ),
        lang,
        key="tornado",
    )
st.caption(t("scenarios.tornado.caption", lang))

with st.expander(t("scenarios.table.title", lang), icon=":material/table:"):
    st.dataframe(scenario.assign(indicator=scenario["indicator"].map(indicator_label)), hide_index=True)
csv_text, json_text = cached.scenario_downloads(version, key, base_key, DRAWS, SEED)
left, right = st.columns(2)
left.download_button(
    t("scenarios.download.csv", lang),
    csv_text,
    file_name="shenzhen-scenario.csv",
    mime="text/csv",
    icon=":material/download:",
)
right.download_button(
    t("scenarios.download.json", lang),
    json_text,
    file_name="shenzhen-scenario.json",
    mime="application/json",
    icon=":material/download:",
)

ui.end_page()
