"""The notices above a page: a link value a widget rejected, what start-up had to do, a link too long to read."""

from __future__ import annotations

import streamlit as st

from explorer.core.formatting import untrusted_code
from explorer.core.i18n import t
from explorer.data import startup

MAX_SHOWN_VALUE = 40  # characters of a rejected URL value echoed back in a notice
# Streamlit ignores a whole query string of more than 1,000 parameters (or 512 Ki characters).
MAX_URL_PARAMS = 1000
MAX_QUERY_CHARS = 512 * 1024


def open_notice_box() -> None:
    """Place the box every notice about the link goes into: full width above the page, whichever widget found it."""
    st.session_state["_notice_box"] = st.container(key="link_notices")


def notice(text: str) -> None:
    """Show a notice about the link above the page (not beside the widget that found it)."""
    box = st.session_state.get("_notice_box", st)
    box.warning(text, icon=":material/warning:")


def notice_bad_param(label: str, raw: str, current: str, *, used: str | None = None, kind: str = "param") -> None:
    """Say visibly, naming the widget's label, that a URL value was rejected and what is shown instead.

    `kind` picks the wording: "param" (a choice or a number: the label `used` is shown instead),
    "filter" (the filter is left empty), "text" (the box is left empty) or "figure" (none is selected).
    """
    values = {"label": label, "value": untrusted_code(raw, MAX_SHOWN_VALUE)} | ({} if used is None else {"used": used})
    notice(t(f"notice.bad_{kind}", current, **values))


def startup_notice(found: startup.Startup, current: str) -> None:
    """Tell each session once what start-up had to do (a rebuild, a temporary copy, a broken source)."""
    if found.notice is None or st.session_state.get("_startup_told"):
        return
    st.session_state["_startup_told"] = True
    if found.notice == "sources_broken":
        st.warning(t("notice.sources_broken", current), icon=":material/warning:")
        st.code(found.detail, language=None, wrap_lines=True)
        return
    st.info(t(f"notice.rebuilt.{found.found}", current), icon=":material/build:")
    if found.notice == "rebuilt_temporary":
        st.info(t("notice.rebuilt_temporary", current), icon=":material/folder_off:")


def link_too_long_notice(page: str, current: str) -> None:
    """On the page a session opened with no parameters, say so if the browser's link had too many to be read.

    Written by hand: Streamlit drops such a query string before the script runs and `st.context.url`
    carries no query, so only the browser still knows the link it opened (its navigation entry). The
    warning is always sent, hidden; the browser shows it when that link had too many parameters.
    """
    if st.session_state.get("_entry") != (page, True):
        return
    # Hidden with its wrapper (Streamlit 1.67's stLayoutWrapper; should that change, a 16 px gap shows, nothing breaks).
    with st.container(key="link_too_long"):
        st.warning(
            t("notice.link_too_long", current, count=MAX_URL_PARAMS, limit=f"{MAX_URL_PARAMS:,}"),
            icon=":material/link_off:",
        )
        st.html(
            f"""<style>[data-testid="stLayoutWrapper"]:has(> .st-key-link_too_long) {{display: none}}
body.link-too-long [data-testid="stLayoutWrapper"]:has(> .st-key-link_too_long) {{display: block}}</style><script>
const entry = performance.getEntriesByType("navigation")[0];
const query = entry ? new URL(entry.name).search.slice(1) : "";
if (query.length > {MAX_QUERY_CHARS} || query.split("&").length > {MAX_URL_PARAMS}) {{
  document.body.classList.add("link-too-long");
}}
</script>""",
            unsafe_allow_javascript=True,
        )
