"""Scenarios: move the paper's three policy levers and see Shenzhen against Beijing and Shanghai to 2035.

The levers and every result sit in one fragment in the main area: a lever move reruns the fragment
alone, not the shell (sidebar widgets cannot sit in a fragment, and a phone shows them in a drawer).
"""

import streamlit as st

from explorer import model
from explorer.core.formatting import untrusted_code
from explorer.core.i18n import t
from explorer.data import loaders
from explorer.features.scenarios import cache as scenario_cache
from explorer.features.scenarios import cards as cards_view
from explorer.features.scenarios import downloads, view
from explorer.features.scenarios import growth as growth_view
from explorer.features.scenarios import results as sc
from explorer.features.scenarios.digital import Digital
from explorer.features.scenarios.results import DRAWS, SEED
from explorer.model import comparison
from explorer.shell import notices, ui

lang = ui.lang()
version = loaders.database().version
params = loaders.parameters(version)
outcomes = loaders.outcomes(version).set_index("code")

st.title(t("scenarios.title", lang))
st.info(t("scenarios.disclaimer", lang), icon=":material/science:")

linked_version = st.query_params.get("v")
if linked_version is not None and linked_version != version[:12]:
    old = untrusted_code(linked_version, notices.MAX_SHOWN_VALUE)
    st.warning(
        t("scenarios.version_moved", lang, old=old, new=version[:12]),
        icon=":material/history:",
    )
ui.write_params({"v": version[:12]})


def preset_label(code: str, modified: bool = False) -> str:
    """Return a preset's name in the preset box, marked when the levers have moved away from it (the third walk: a
    custom scenario's box read "The paper's current policy (baseline)" at the top of the page and of a shared link)."""
    name = t(f"preset.{code}", lang)
    return t("scenarios.preset.modified_option", lang, name=name) if modified else name


def set_levers(levers: model.Levers) -> None:
    """Move every lever widget to `levers` (the URL follows on the rerun)."""
    for name, value in vars(levers).items():
        st.session_state[name] = value


def apply_preset() -> None:
    """Set the chosen preset's levers, keeping the preset and levers before it for the notice's Undo."""
    st.session_state["_undo"] = (st.query_params.get("preset", "paper"), ui.current_levers())
    st.session_state["_url_keys"].add("_undo")  # forgotten, like the levers, when the reader leaves the page
    set_levers(model.PRESETS[st.session_state["preset"]])


def undo_preset() -> None:
    """Put back the preset and the levers the last preset replaced."""
    st.session_state["preset"], levers = st.session_state.pop("_undo")
    set_levers(levers)


def preset_notice(preset: str, levers: model.Levers) -> None:
    """Say which levers the preset just changed (before → after), with an Undo; gone once a lever moves."""
    before = st.session_state.get("_undo", (None, None))[1]
    changes = (
        [] if levers != model.PRESETS[preset] or before is None else view.preset_changes(before, levers, params, lang)
    )
    if not changes:
        st.session_state.pop("_undo", None)
        return
    name = t(f"preset.{preset}", lang)
    lines = "\n".join(f"- {line}" for line in changes)
    st.info(
        f"{t('scenarios.preset.applied', lang, name=name, count=len(changes))}\n\n{lines}",
        icon=":material/restart_alt:",
    )
    st.button(t("scenarios.preset.undo", lang), on_click=undo_preset, key="undo_preset", icon=":material/undo:")


def keep_as_b() -> None:
    """Keep the levers on the page as scenario B (the user's own) and compare with it."""
    st.session_state["_b"] = ui.current_levers()
    st.session_state["cmp"] = sc.OWN_COMPARE


def seed_b() -> None:
    """Read the user's own scenario B from the URL's `b` on the first run; an unusable value gets a notice."""
    if "_b" in st.session_state:
        return
    raw = st.query_params.get("b")
    st.session_state["_b"] = None if raw is None else sc.parse_b(raw, model.baseline().horizon)
    if raw is not None and st.session_state["_b"] is None:
        notices.notice_bad_param(t("scenarios.compare", lang), raw, lang, used=t("scenarios.compare.none", lang))


def compare_label(code: str) -> str:
    """Return the name of a choice of scenario B."""
    return (
        t(f"scenarios.compare.{code}", lang) if code in (sc.NO_COMPARE, sc.OWN_COMPARE) else t(f"preset.{code}", lang)
    )


def peers_tab(digital: Digital | None) -> None:
    """Section I (information, software and IT services) against both peers, whatever the outcome chosen above."""
    if digital is None:
        st.caption(t("scenarios.digital.none", lang))
        return
    st.subheader(digital.title)
    for line in digital.lines:
        st.markdown(line)
    if digital.fan is not None:
        ui.chart_with_table(digital.fan.spec, digital.fan.table, lang, key="sector_i", lazy=True, source="model")
        for caption in digital.fan.captions:
            st.caption(caption)
    if digital.odds is not None:  # P(Shenzhen ≥ peer) by year; its table: the gap and the levers' effect
        odds = digital.odds
        ui.chart_with_table(
            odds.spec, odds.table, lang, key="sector_i_odds", lazy=True, source="model", table_first=odds.table_first
        )
        for caption in digital.odds.captions:
            st.caption(caption)


def sensitivity_tab(
    sensitivities: tuple[tuple[str, view.Chart | None], ...], outcome: str, levers: model.Levers
) -> None:
    """Each parameter's low / high effect on the outcome and on its change, and the spillover one would have to
    believe in."""
    for of, chart in sensitivities:
        if chart is None:
            st.caption(t(f"scenarios.{of}.flat", lang, indicator=view.indicator_label(outcome, outcomes, lang)))
        else:
            ui.chart_with_table(chart.spec, chart.table, lang, key=of, lazy=True, source="model")
    st.caption(t("scenarios.tornado.caption", lang))
    with st.expander(t("scenarios.spillover.title", lang), icon=":material/psychology_alt:"):
        belief = scenario_cache.spillover_belief(version, levers, lang)
        if belief is None:
            st.caption(t("scenarios.spillover.flat", lang))
        else:
            ui.chart_with_table(belief.spec, belief.table, lang, key="spillover_belief", lazy=True, source="model")
            st.caption(belief.caption)


@st.fragment
def scenario_panel() -> None:
    """The levers and everything computed from them: a lever move reruns only this."""
    share_top = st.container()  # the link near the top too (a phone reaches the bottom's after a long scroll)
    seed_b()
    own = st.session_state["_b"]
    left, middle, right = st.columns([3, 3, 2], vertical_alignment="bottom")
    preset_box = left.container()  # drawn once the levers are known: it says whether they still are the preset's
    preset_choice = {"label": t("scenarios.preset", lang), "default": "paper"}
    preset = ui.url_value("preset", list(model.PRESETS), format_func=preset_label, **preset_choice)
    with middle:
        compare = ui.url_choice(
            "cmp",
            [sc.NO_COMPARE, *model.PRESETS, *([sc.OWN_COMPARE] if own is not None else [])],
            label=t("scenarios.compare", lang),
            format_func=compare_label,
            default=sc.NO_COMPARE,
        )
    right.button(t("scenarios.compare.keep", lang), on_click=keep_as_b, icon=":material/bookmark_add:")
    offered, rates = scenario_cache.baselines(version, lang)
    growth = ui.url_choice(
        "growth",
        list(offered),
        label=t("scenarios.growth", lang),
        format_func=lambda code: growth_view.choice_label(code, rates, lang),
        default=comparison.PANEL_GROWTH,
        widget=st.radio,
        horizontal=True,
        help=growth_view.choice_help(rates, lang),
    )
    if own is not None:
        ui.write_params({"b": sc.b_text(own)})
    groups = scenario_cache.lever_groups(version, lang)
    ui.seed_levers(model.PRESETS[preset], {lever.name: lever.label for _, sliders in groups for lever in sliders})
    levers = ui.current_levers()
    modified = levers != model.PRESETS[preset]
    if st.session_state.get("_preset_modified", modified) != modified:
        st.session_state["preset"] = preset  # a keyed selectbox shows its new label only when handed its value again
    st.session_state["_preset_modified"] = modified
    st.session_state["_url_keys"].add("_preset_modified")  # forgotten with the levers when the reader leaves the page
    with preset_box:
        ui.url_choice(
            "preset",
            list(model.PRESETS),
            format_func=lambda code: preset_label(code, modified and code == preset),
            **preset_choice,
            on_change=apply_preset,
        )
    preset_notice(preset, levers)
    warnings = view.warnings_by_lever(scenario_cache.scenario_warnings(version, levers), params, lang)
    with st.expander(t("scenarios.levers", lang), expanded=True, icon=":material/tune:"):
        columns = st.columns(len(groups) - 1)
        for (heading, sliders), column in zip(groups, [*columns, st.container()]):
            with column:
                st.markdown(f"**{heading}**")
                for lever in sliders:
                    st.slider(
                        lever.label,
                        lever.low,
                        lever.high,
                        step=lever.step,
                        key=lever.name,
                        help=lever.help,
                        format=lever.format,
                    )
                    if lever.note:
                        st.caption(lever.note)
                    for text in warnings.get(lever.name, ()):
                        st.warning(text, icon=":material/warning:")
        if levers != model.PRESETS[preset]:
            st.caption(t("scenarios.preset.modified", lang))

    cards = st.container()  # the cards sit above the outcome choice, though they are drawn once it is known
    outcome = ui.url_choice(
        "out",
        list(model.OUTCOMES),
        label=t("scenarios.outcome", lang),
        format_func=scenario_cache.outcome_labels(version, lang).__getitem__,
        default="core_va",
    )
    b_levers = sc.compare_levers(compare, own, levers.horizon)
    shown = scenario_cache.scenario_results(version, levers, outcome, b_levers, compare_label(compare), lang, growth)

    with cards:
        if growth != comparison.PANEL_GROWTH:  # the named alternative: what it is and what it does, against the panel
            both = (comparison.PANEL_GROWTH, growth)
            paths = {code: scenario_cache.projection(version, levers, DRAWS, SEED, code) for code in both}
            odds = {
                code: scenario_cache.peer_odds(version, levers, growth_view.GDP, DRAWS, SEED, code) for code in both
            }
            note = growth_view.note(rates, levers.horizon, paths, odds, outcomes, lang, growth)
            st.info(note, icon=":material/info:")
        if b_levers is not None:
            st.caption(t("scenarios.compare.note", lang, name=compare_label(compare)))
        st.subheader(t("scenarios.kpis", lang, year=levers.horizon))
        st.html(cards_view.cards_html(shown.shown_headline))
        st.subheader(t("scenarios.costs", lang, year=levers.horizon))
        st.html(cards_view.cards_html(shown.shown_costs))

    st.subheader(t("scenarios.summary.title", lang))
    st.markdown(shown.summary)
    st.markdown(shown.why)

    shown_tab, tab = ui.url_tabs(
        "view", {code: t(f"scenarios.view.{code}", lang) for code in sc.VIEWS}, label=t("scenarios.view", lang),
        default=sc.VIEWS[0],
    )  # fmt: skip
    with tab:
        if shown_tab == "projection":
            ui.chart_with_table(shown.fan.spec, shown.fan.table, lang, key="outcome", lazy=True, source="model")
            for caption in shown.fan.captions:
                st.caption(caption)
            for line in shown.odds:
                st.markdown(line)
        elif shown_tab == "peers":
            peers_tab(shown.digital)
        elif shown_tab == "why":
            if shown.change is not None:  # the change itself by year (on the projection it hides between two lines)
                ui.chart_with_table(
                    shown.change.spec, shown.change.table, lang, key="change", lazy=True, source="model"
                )
                for caption in shown.change.captions:
                    st.caption(caption)
            if shown.waterfall is None:
                st.caption(t("scenarios.waterfall.flat", lang))
            else:
                ui.chart_with_table(
                    shown.waterfall.spec, shown.waterfall.table, lang, key="waterfall", lazy=True, source="model"
                )
                for caption in shown.waterfall.captions:
                    st.caption(caption)
        else:
            sensitivity_tab(shown.sensitivities, outcome, levers)

    link = ui.current_link("scenarios")

    def tables() -> tuple[bytes, str]:
        """Return the (CSV, JSON) downloads: built when a button is clicked, not on every lever move."""
        return scenario_cache.scenario_downloads(version, levers, b_levers, DRAWS, SEED, lang, growth)

    def brief() -> str:
        """Return the one-page brief (Markdown): built when its button is clicked."""
        return scenario_cache.scenario_brief(
            version, levers, outcome, b_levers, compare_label(compare), link, lang, growth
        )

    files = (
        (t("scenarios.download.csv", lang), lambda: tables()[0], "csv", "text/csv"),
        (t("scenarios.download.brief", lang), brief, "md", "text/markdown"),
        (t("scenarios.download.json", lang), lambda: tables()[1], "json", "application/json"),
    )
    for column, (label, data, extension, mime) in zip(st.columns(len(files)), files):
        name = downloads.file_name(levers, b_levers, lang, extension)
        column.download_button(label, data, file_name=name, mime=mime, icon=":material/download:", on_click="ignore")
    ui.share_link("scenarios", lang, where=st.container(), lazy=True)  # the sidebar's would not follow the fragment
    ui.share_popover("scenarios", lang, where=share_top, lazy=True)


scenario_panel()
