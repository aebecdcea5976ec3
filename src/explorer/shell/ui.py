"""UI pieces every page composes: language, URL-bound widgets, figure cards, charts, links, footer.

The notices above the page (a rejected link value, what start-up did) are explorer.shell.notices.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from html import escape
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from explorer.charts import credited, title_lines
from explorer.charts import export as chart_export
from explorer.core.formatting import figure_value, plain_reference_marks, untrusted_code
from explorer.core.i18n import DEFAULT_LANG, LANG_LABELS, LANGS, t
from explorer.data import export, loaders
from explorer.model import Levers
from explorer.shell.notices import link_too_long_notice, notice_bad_param, open_notice_box, startup_notice
from explorer.shell.pages import BY_STEM, DEFAULT_PAGE, SECTIONS, page_file


def start_page(page: str) -> str:
    """Draw the frame above pages/<page>.py (page settings, navigation, language, data notices); return the language.

    The frame script (explorer.shell.frame) calls it before the page runs and `end_page()` after.
    """
    st.set_page_config(page_title="Shenzhen digital economy · 深圳数字经济", page_icon="📊", layout="wide")
    st.session_state.setdefault("_entry", (page, not st.query_params))  # before the shell writes `lang`
    st.html(FRAME_CSS)
    alone = embedded_chart()
    links = None if alone else st.sidebar.container()
    bar = None if alone else phone_bar()
    menu = None if bar is None else bar.container(width="content")  # first in the bar, drawn once the language is known
    open_notice_box()
    current = language_switch(drawn=not alone, bar=bar)
    st.html(SKIP_LINK_CSS.replace("{text}", t("nav.skip", current)))
    if links is not None:
        with links:
            navigation(current)
        phone_navigation(menu, current)
    else:
        open_embed_slot(alone)
    enter_page(page)
    data = database()
    startup_notice(data.startup, current)
    link_too_long_notice(page, current)
    return current


def end_page(*, share: bool = True) -> None:
    """Draw the share link (unless the page draws its own) and the footer below the page (the last elements)."""
    current = lang()
    if embedded_chart():
        close_embed_slot(st.session_state["_page"], current)
        return
    if share:
        share_link(st.session_state["_page"], current)
        share_popover(st.session_state["_page"], current, where=st.session_state.get("_phone_share"))
    footer(loaders.database().version, current)


def open_default_page() -> None:
    """Open the Overview from the app's root URL, keeping the link's parameters."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    st.switch_page(page_file(DEFAULT_PAGE), query_params=params)


def navigation(current: str) -> None:
    """Draw the translated links to every page; each carries the language."""
    for section, stems in SECTIONS.items():
        st.caption(t(f"nav.section.{section}", current))
        for stem in stems:
            st.page_link(
                page_file(stem),
                label=t(f"nav.{stem}", current),
                icon=BY_STEM[stem].icon,
                query_params={"lang": current},
            )


def lang() -> str:
    """Return the language of this run (set by the frame before the page runs): a page's first line."""
    return st.session_state.get("lang", DEFAULT_LANG)


def _browser_lang() -> str:
    locale = (st.context.locale or "").lower()
    if not locale:
        return DEFAULT_LANG
    return "zh" if locale.startswith("zh") else "en"


def _url_values(key: str) -> list[str]:
    return st.query_params.get_all(key)


def enter_page(url_path: str) -> None:
    """Forget the URL-seeded widget states of the previous page when the user moves to another.

    States seeded through the Session State API outlive their widgets, so without this a key two
    pages share (or a link into a page visited before) would show the old value, not the link's.
    """
    if st.session_state.get("_page") != url_path:
        for key in st.session_state.get("_url_keys", ()):
            st.session_state.pop(key, None)
        st.session_state["_url_keys"] = set()
        st.session_state["_page"] = url_path


# URL-kept widgets are seeded by hand rather than with bind="query-params": a bound option widget
# writes its format_func label (which changes with the language) into the URL, and a bound widget
# drops a rejected value silently, where these keep language-neutral codes and say so in a notice.
def _init_from_url(
    key: str, parse: Callable[[list[str]], object | None], default: object, say: Callable[[str], None]
) -> None:
    """Seed a widget's state from the URL on its first run on this page; a bad value is told by `say(raw)`."""
    if key in st.session_state:
        return
    if key != "lang":
        st.session_state.setdefault("_url_keys", set()).add(key)
    raw = _url_values(key)
    value = parse(raw) if raw else None
    if raw and value is None:
        say(",".join(raw))
    st.session_state[key] = default if value is None else value


def _relabel_widgets(current: str) -> None:
    """After a language switch, hand every URL-kept widget its value again so the browser shows it in `current`.

    Streamlit 1.67 identifies a keyed selectbox or multiselect by its key alone and the browser keeps
    the label it showed; a value written through the Session State API is sent to the browser anew.
    """
    if st.session_state.get("_drawn_lang", current) != current:
        for key in st.session_state.get("_url_keys", ()):
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
    st.session_state["_drawn_lang"] = current


def _remember_lang(key: str = "lang") -> None:
    st.session_state["_lang"] = st.session_state[key]


# Below Streamlit's 768 px breakpoint the sidebar is a drawer over the page, and it stays open after a widget or a
# page link in it is tapped (Streamlit 1.67 has no API to close it; only its own sidebar navigation closes it, and
# that one drops the link's language). So on a phone the pages, the language switch and the share link sit in a bar
# at the top of the page and the drawer and its "»" are hidden; the pages' menu is a popover that a new page draws
# closed. On a wider screen the bar is hidden and the sidebar holds all three. Hand-written CSS (media
# queries).
PHONE_CSS = """<style>
@media (min-width: 768px) {[data-testid="stLayoutWrapper"]:has(> .st-key-phone_bar), .st-key-phone_bar {display: none}}
@media (max-width: 767.98px) {[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"] {display: none}}
</style>"""


def phone_bar() -> DeltaGenerator:
    """Open the bar at the top of the page that a phone shows in place of the sidebar: pages, language switch and
    share link (filled by `phone_navigation()`, `language_switch()` and `end_page()`)."""
    st.html(PHONE_CSS)
    return st.container(key="phone_bar", horizontal=True, vertical_alignment="center", gap="small")


def phone_navigation(slot: DeltaGenerator, current: str) -> None:
    """Draw the phone bar's menu of pages. A stateful popover (`on_change="rerun"`): its open state belongs to the
    page it was opened on, so the page a tap on one of its links opens draws it closed (a stateless one stayed open
    over the new page)."""
    menu = slot.popover(t("nav.menu", current), icon=":material/menu:", key="phone_pages", on_change="rerun")
    with menu:
        navigation(current)


def language_switch(*, drawn: bool = True, bar: DeltaGenerator | None = None) -> str:
    """Render the sidebar language switch kept in the URL as `lang` (unless not `drawn`: an embedded chart), and its
    twin in the phone's `bar`; return the language.

    Written by hand, not `bind="query-params"`: a bound radio drops its default from the URL (a link
    must carry its language) and rejects a bad value silently (this one gets a notice). The frame
    draws it above every page; the session's language lives in `_lang` and seeds both switches on every run.
    """
    if "_lang" not in st.session_state:
        fallback = _browser_lang()  # a bad `lang` falls back to the browser's language, and so does its notice
        label = t("app.language", fallback)
        say = partial(notice_bad_param, label, used=LANG_LABELS[fallback], current=fallback)
        _init_from_url("lang", lambda raw: raw[-1] if raw[-1] in LANGS else None, fallback, say)
        st.session_state["_lang"] = st.session_state["lang"]
    st.session_state["lang"] = st.session_state["_lang"]
    _relabel_widgets(st.session_state["lang"])
    if drawn:
        st.sidebar.radio(
            t("app.language", st.session_state["lang"]),
            LANGS,
            format_func=LANG_LABELS.get,
            key="lang",
            horizontal=True,
            on_change=_remember_lang,
        )
    if bar is not None:
        st.session_state["lang_bar"] = st.session_state["lang"]
        bar.segmented_control(
            t("app.language", st.session_state["lang"]),
            LANGS,
            format_func=LANG_LABELS.get,
            key="lang_bar",
            required=True,
            on_change=partial(_remember_lang, "lang_bar"),
            label_visibility="collapsed",
        )
        st.session_state["_phone_share"] = bar.container(width="content")  # filled by end_page(), once the URL is whole
    write_params({"lang": st.session_state["lang"]})
    return st.session_state["lang"]


def write_params(values: dict[str, str]) -> None:
    """Write these query parameters to the URL: those that changed, in one message.

    Every write through `st.query_params` sends the browser a message even when the value is the same, and the
    browser answers each by setting the app's state (a re-render) and posting to its host: a Scenarios lever move
    sent 14 of them (nine levers, four choices, the tab) where one lever had changed (docs/performance.md, note ⁸).
    """
    changed = {key: value for key, value in values.items() if st.query_params.get_all(key) != [value]}
    if changed:
        st.query_params.update(changed)


def url_choice(
    key: str,
    options: Sequence[str],
    *,
    label: str,
    format_func: Callable[[str], str],
    default: str,
    widget: Callable = st.selectbox,
    **kwargs: object,
) -> str:
    """Render a single-choice widget whose language-neutral code lives in the URL under `key`."""
    url_value(key, options, label=label, format_func=format_func, default=default)
    if widget is st.selectbox:
        kwargs.setdefault("placeholder", t("word.choose_one", lang()))
    value = widget(label, options, key=key, format_func=format_func, **kwargs)
    write_params({key: value})
    return value


def url_value(key: str, options: Sequence[str], *, label: str, format_func: Callable[[str], str], default: str) -> str:
    """Return the code that `url_choice` under `key` will show, seeding it from the URL: for a page that needs the
    value before it draws the widget (Scenarios' preset box names the preset modified once a lever moved)."""
    say = partial(notice_bad_param, label, used=format_func(default), current=lang())
    _init_from_url(key, lambda raw: raw[-1] if raw[-1] in options else None, default, say)
    return st.session_state[key]


def url_tabs(key: str, labels: dict[str, str], *, label: str, default: str) -> tuple[str, DeltaGenerator]:
    """Render tabs whose open one is kept in the URL under `key` (its code); return that code and its tab.

    Only the open tab is drawn (`on_change="rerun"`): a hidden tab costs nothing on a rerun (Streamlit otherwise
    sends and renders every tab's charts). The tabs widget holds a label, which changes with the language, so the
    code is kept apart and handed to the widget on every run.
    """
    say = partial(notice_bad_param, label, used=labels[default], current=lang())
    _init_from_url(key, lambda raw: raw[-1] if raw[-1] in labels else None, default, say)
    widget = f"_{key}_tab"
    clicked = {text: code for code, text in labels.items()}.get(st.session_state.get(widget))
    if clicked is not None:  # a click, or the same tab again (a label of another language is not one)
        st.session_state[key] = clicked
    code = st.session_state[key]
    st.session_state[widget] = labels[code]
    tabs = st.tabs(list(labels.values()), key=widget, on_change="rerun")
    write_params({key: code})
    return code, tabs[list(labels).index(code)]


def url_multi(
    key: str,
    options: Sequence[str],
    *,
    label: str,
    format_func: Callable[[str], str],
    **kwargs: object,
) -> list[str]:
    """Render a multiselect whose codes live in the URL as `key=a,b`; unknown codes are dropped."""

    def parse(raw: list[str]) -> list[str] | None:
        codes = [code for part in raw for code in part.split(",") if code]
        kept = [code for code in options if code in codes]
        return kept if len(kept) == len(set(codes)) else None

    _init_from_url(key, parse, [], partial(notice_bad_param, label, current=lang(), kind="filter"))
    kwargs.setdefault("placeholder", t("word.choose", lang()))
    values = st.multiselect(label, options, key=key, format_func=format_func, **kwargs)
    if values:
        write_params({key: ",".join(values)})
    else:
        st.query_params.pop(key, None)
    return values


def url_text(key: str, *, label: str, max_chars: int = 80, widget: Callable = st.text_input, **kwargs: object) -> str:
    """Render a text input (or `widget=st.text_area`) kept in the URL; over-long values are refused with a notice."""

    def parse(raw: list[str]) -> str | None:
        return raw[-1] if len(raw[-1]) <= max_chars else None

    _init_from_url(key, parse, "", partial(notice_bad_param, label, current=lang(), kind="text"))
    value = widget(label, key=key, max_chars=max_chars, **kwargs).strip()
    if value:
        write_params({key: value})
    else:
        st.query_params.pop(key, None)
    return value


def seed_levers(base: Levers, labels: dict[str, str]) -> None:
    """Seed the lever widgets from the URL on their first run; clamped or reset values get a notice naming `labels`."""
    if all(name in st.session_state for name in Levers.BOUNDS):
        return
    raw = {name: st.query_params[name] for name in Levers.BOUNDS if name in st.query_params}
    levers, changed = Levers.from_mapping(raw, base)
    for name in changed:
        notice_bad_param(labels[name], raw[name], lang(), used=levers.to_query()[name])
    for name in Levers.BOUNDS:
        st.session_state.setdefault(name, getattr(levers, name))
    st.session_state.setdefault("_url_keys", set()).update(Levers.BOUNDS)


def current_levers() -> Levers:
    """Return the levers the widgets hold and write them all to the URL."""
    levers = Levers(**{name: st.session_state[name] for name in Levers.BOUNDS})
    write_params(levers.to_query())
    return levers


def database() -> loaders.Database:
    """Return the shared database; when nothing can be served, say so in the reader's language and stop the page."""
    data = loaders.database()
    if data.con is None:
        loaders.stop_unavailable(data.startup.detail)
    return data


def figure_source(fig: pd.Series, current: str) -> None:
    """Write a figure's sentence (with the project's translation on English pages), section, reference and note."""
    st.markdown(f"> {plain_reference_marks(fig['quote_zh'])}")
    if current == "en":
        st.markdown(t("word.translation", current, text=fig["quote_en"]))
    section = fig[f"section_title_{current}"]
    parts = [f"{t('word.section', current)} {fig['section']} · {section}"]
    if pd.notna(fig["ref"]):
        parts.append(t("word.ref", current, ref=int(fig["ref"])))
    parts.append(t(f"qualifier.{fig['qualifier']}", current))
    st.caption(" · ".join(parts))
    if current == "en" and fig["note_en"]:
        st.caption(fig["note_en"])


def card_caption(fig: pd.Series, year: int | str, current: str) -> str:
    """Return the line under a card: its year and the paper's section; the kind too, unless a plain status."""
    parts = [str(year), f"{t('word.section', current)} {fig['section']}"]
    if fig["kind"] != "status":  # "status" is the common case and jargon to a reader; target, rank, bottleneck say more
        parts.insert(1, t("kind." + fig["kind"], current))
    return " · ".join(parts)


# A figure card's value wraps at a space instead of being cut with an ellipsis ("75,000 base stati…" in English).
CARD_CSS = """<style>[class*="st-key-figcard-"] [data-testid="stMetricValue"],
[class*="st-key-figcard-"] [data-testid="stMetricValue"] * {white-space: normal; overflow: visible;
text-overflow: clip; overflow-wrap: break-word; line-height: 1.2}</style>"""


def figure_card(fig: pd.Series, current: str) -> None:
    """Render one paper figure as a card whose popover opens its source sentence; a long value wraps."""
    st.html(CARD_CSS)
    with st.container(border=True, key=f"figcard-{fig['id']}"):
        year = int(fig["year"]) if pd.notna(fig["year"]) else t("word.no_year", current)
        qualifier = t(f"qualifier.{fig['qualifier']}", current)
        st.markdown(f"**{fig[f'metric_{current}']}**")
        st.metric(fig[f"metric_{current}"], figure_value(fig, current), help=qualifier, label_visibility="collapsed")
        st.caption(card_caption(fig, year, current))
        with st.popover(t("word.source", current), width="stretch"):
            figure_source(fig, current)
            st.page_link(
                page_file("figures"),
                label=t("word.open_in_figures", current),
                query_params={"lang": current, "fig": fig["id"]},
                icon=":material/search:",
            )


# A lazy container (`lazy=True`: a chart's tabs and its "Save or embed" popover, a share block) is stateful
# (`on_change="rerun"`) and written only while open: otherwise its hidden part is sent anew on every rerun (a fragment
# reruns on every lever move: docs/performance.md, note ⁸); opening it reruns the page or its fragment, which writes it.
def _lazy(key: str, lazy: bool) -> dict[str, str]:
    return {"key": key, "on_change": "rerun"} if lazy else {}


def chart_with_table(
    spec: dict,
    frame: pd.DataFrame,
    current: str,
    *,
    key: str,
    source: str,
    lazy: bool = False,
    table_first: bool = False,
) -> None:
    """Render a Vega-Lite chart (from explorer.charts) with a table view of its data in a tab beside it, and its
    embed link; every chart of the app is drawn here.

    The chart carries its title, its source line (`source`, a code of explorer.charts.CHART_SOURCES) and the data
    version, so an image saved from its menu does too. `lazy` draws only the open tab (a tab switch reruns the page,
    or its fragment): the hidden tab and the closed "Save or embed" popover cost nothing on a rerun, where Streamlit
    otherwise sends and renders them.
    Under an embed link (`chart=<key>`) only the chart it names is drawn, alone, in the embed slot. `table_first`
    opens the table's tab first (a reader's own choice of tab, kept in the session, wins).
    """
    page = st.session_state.get("_page", "")
    version = (loaders.database().version or "")[:12]
    spec = credited(spec, source=source, version=version, lang=current)
    alone = embedded_chart()
    if alone is not None:
        if alone == key:
            with st.session_state["_embed_slot"]:
                st.vega_lite_chart(spec, width="stretch", key=key)
            st.session_state["_embed_drawn"] = True
        return
    first = t("word.table", current) if table_first else None
    tabs = [t("word.chart", current), t("word.table", current)]
    chart_tab, table_tab = st.tabs(tabs, default=first, **_lazy(f"{key}_view", lazy))
    if chart_tab.open is not False:
        with chart_tab:
            st.vega_lite_chart(spec, width="stretch", key=key)
    if table_tab.open is not False:
        with table_tab:
            st.dataframe(frame, hide_index=True, width="stretch", column_config=grouped_numbers(frame))
    save_or_embed(page, key, spec, current, lazy=lazy)


def grouped_numbers(frame: pd.DataFrame) -> dict[str, st.column_config.NumberColumn]:
    """Return a column config that groups thousands in every float column of a chart's table.

    Streamlit's default prints '-1024' beside '-1,049 to -873' in the same row; "localized" writes the reader's own
    form, as the sliders do (`scenarios.view.slider_format`). Integer columns are years and counts, left bare (2026).
    """
    return {
        column: st.column_config.NumberColumn(format="localized")
        for column in frame.columns
        if pd.api.types.is_float_dtype(frame[column])
    }


EMBED_PARAM = "chart"  # an embed link's chart: the page shows that chart alone (with Streamlit's `embed=true`)
EMBED_HEIGHT_PX = 560  # the iframe's height in the embed code (a tall chart scrolls inside it)
# Headings wrap in balanced lines (at 390 px "深圳数字经济概览" left "览" alone on its line, the second walk).
# A page link in the page (not the sidebar) wraps its label: at 390 px "Compare Shenzhen with Beijing and Shanghai
# (Benchmarks)" was cut at the edge (issue 23). Under Streamlit's `?embed=true`, no sidebar (navigation, language,
# share link): the embedded link fixes all three.
FRAME_CSS = """<style>
h1, h2, h3 {text-wrap: balance}
[data-testid="stMainBlockContainer"] [data-testid="stPageLink-NavLink"],
  [data-testid="stMainBlockContainer"] [data-testid="stPageLink-NavLink"] * {white-space: normal; overflow: visible;
  text-overflow: clip; height: auto}
.streamlit-embedded [data-testid="stSidebar"], .streamlit-embedded [data-testid="stSidebarCollapsedControl"],
  .streamlit-embedded .st-key-phone_bar {display: none}
</style>"""
# Streamlit's "Skip to main content" link (the first thing a keyboard reaches) is written in English in its frontend
# and no public API names it: the CSS draws the page's own words in its place (a Chinese page showed it in English).
# Its English text stays in the accessibility tree beside them: hiding it would make the link unfocusable.
SKIP_LINK_CSS = """<style>
[data-testid="stSkipToContent"] {font-size: 0 !important}
[data-testid="stSkipToContent"]::after {content: "{text}"; font-size: 1rem}
</style>"""
# Under an embed link: the page's body hidden but the chart's slot and the notices about the link.
EMBED_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"] {display: none}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"]:not(.st-key-embed, .st-key-link_notices,
  :is(.st-key-embed, .st-key-link_notices) *)
  > :not(.st-key-embed, .st-key-link_notices, :has(.st-key-embed, .st-key-link_notices)) {display: none}
</style>"""


def embedded_chart() -> str | None:
    """Return the key of the chart an embed link shows alone (its `chart` parameter), or None on an ordinary page."""
    return st.query_params.get(EMBED_PARAM) or None


def open_embed_slot(key: str) -> None:
    """Under an embed link: hide the page's body and open the slot its chart is drawn into, wherever the page has it."""
    st.html(EMBED_CSS)
    st.session_state["_embed_slot"] = st.container(key="embed")
    st.session_state["_embed_drawn"] = False


def close_embed_slot(url_path: str, current: str) -> None:
    """Under an embed link: say so if the page has no such chart; link the view in the explorer (the last element)."""
    slot = st.session_state["_embed_slot"]
    if not st.session_state.get("_embed_drawn"):
        slot.warning(
            t("embed.missing", current, value=untrusted_code(embedded_chart() or "", 40)), icon=":material/warning:"
        )
    params = sorted((key, value) for key, value in st.query_params.to_dict().items() if key != EMBED_PARAM)
    slot.caption(f"[{t('embed.open', current)}]({app_url(url_path)}/{url_path}?{urlencode(params)})")


def embed_link(url_path: str, key: str) -> str:
    """Return the link that shows one chart alone, embeddable: this view's URL with `chart=<key>` and `embed=true`."""
    params = sorted((name, value) for name, value in st.query_params.to_dict().items() if name != EMBED_PARAM)
    return f"{app_url(url_path)}/{url_path}?{urlencode([*params, (EMBED_PARAM, key), ('embed', 'true')])}"


def save_or_embed(url_path: str, key: str, spec: dict, current: str, *, lazy: bool = False) -> None:
    """Render a chart's "Save or embed" popover: its SVG (drawn on a click), where its PNG is, the link that shows
    it alone and the iframe code a web page pastes; `lazy`: written only while it is open."""
    options = {"key": f"embed-{key}", **_lazy(f"embed-{key}", lazy)}  # keyed even when not lazy, as before
    box = st.popover(t("embed.label", current), icon=":material/ios_share:", **options)
    if box.open is False:
        return
    link = embed_link(url_path, key)
    with box:
        st.download_button(
            t("chart.save_svg", current),
            partial(chart_export.svg, spec),
            file_name=export.file_name(url_path, key, lang=current, extension="svg"),
            mime="image/svg+xml",
            icon=":material/download:",
            on_click="ignore",
            key=f"svg-{key}",
        )
        st.caption(t("chart.png_help", current))
        st.caption(t("embed.help", current))
        st.code(link, language=None, wrap_lines=True)
        title = escape(" ".join(title_lines(spec["title"])))
        frame = f'<iframe src="{escape(link)}" title="{title}" width="100%" height="{EMBED_HEIGHT_PX}"'
        st.code(f'{frame} style="border: 0"></iframe>', language="html", wrap_lines=True)


def app_url(url_path: str) -> str:
    """Return the app's base URL as the browser sees it ('' when unknown), without the page's path.

    st.context.url ends with the current page's url_path (e.g. `.../data`).
    """
    base = (st.context.url or "").split("?")[0].rstrip("/")
    return base.removesuffix(f"/{url_path}") if url_path else base


def current_link(url_path: str) -> str:
    """Return the current view's full URL: the page and every query parameter, sorted."""
    return f"{app_url(url_path)}/{url_path}?{urlencode(sorted(st.query_params.to_dict().items()))}"


def share_link(url_path: str, current: str, *, where: DeltaGenerator | None = None, lazy: bool = False) -> None:
    """Render the current view's full URL in a copyable block (in the sidebar unless `where` says otherwise); `lazy`:
    written only while the expander is open."""
    box = (where or st.sidebar).expander(t("share.label", current), icon=":material/link:", **_lazy("share_link", lazy))
    if box.open is False:
        return
    with box:
        _link_block(url_path, current)


def _link_block(url_path: str, current: str) -> None:
    """Write the current view's full URL, copyable, and how to use it (the sidebar's expander, the phone's popover)."""
    st.code(current_link(url_path), language=None, wrap_lines=True)
    st.caption(t("share.help", current))


def share_popover(url_path: str, current: str, *, where: DeltaGenerator | None, lazy: bool = False) -> None:
    """Render the current view's full URL in a popover `where` says (the phone's bar; the top of a page that draws
    its own), a button's width rather than the sidebar's expander; `lazy`: written only while it is open."""
    if where is None:
        return
    box = where.popover(t("share.short", current), icon=":material/link:", **_lazy("share_popover", lazy))
    if box.open is False:
        return
    with box:
        _link_block(url_path, current)


def footer(version: str | None, current: str) -> None:
    """Render the citation, the licence note and the data version (the last element of every page)."""
    with st.container(key="footer"):
        st.divider()
        st.caption(t("footer.citation", current))
        st.caption(t("footer.licence", current))
        if version:
            st.caption(t("footer.version", current, version=version[:12]))
