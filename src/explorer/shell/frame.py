"""The frame: the app's script; it routes to a page of the registry and draws navigation, language and footer.

app.py serves this file through st.App. It sits here, not beside pages/, on purpose: Streamlit 1.67 runs a
main script with a `pages/` folder beside it in its old folder mode, where a direct link runs the page file
alone until some run of the process has called st.navigation (a fresh server's first request would lose the
frame); with no `pages/` beside the script, every request goes through st.navigation below.
"""

from __future__ import annotations

import streamlit as st

from explorer.features.missing.view import missing_view
from explorer.shell import ui
from explorer.shell.pages import BY_STEM, PAGES, SECTIONS, page_file
from explorer.shell.routing import MISSING_PARAM


def missing_page() -> None:
    """The root's page: the app's "no such page" view of the path in `missing`, with a link to every page."""
    lang = ui.lang()
    view = missing_view(st.query_params[MISSING_PARAM], SECTIONS, lang)
    st.title(view.title)
    st.markdown(view.text)
    for heading, links in view.sections:
        st.subheader(heading)
        for stem, label in links:
            st.page_link(page_file(stem), label=label, query_params={"lang": lang}, icon=":material/arrow_forward:")


def app_pages() -> list[st.Page]:
    """Return the st.Page of the root and of every registered page, each page file at /<stem>."""
    root = st.Page(missing_page, title="missing", url_path="", default=True)
    return [root, *(st.Page(page_file(page.stem), title=page.stem, url_path=page.stem) for page in PAGES)]


def run() -> None:
    """Route the request, open the Overview from a plain root URL, and draw the frame around the page."""
    page = st.navigation(app_pages(), position="hidden")  # the sidebar links are the frame's own, translated
    stem = page.url_path  # "" at the root
    if not stem and MISSING_PARAM not in st.query_params:
        ui.open_default_page()
    ui.start_page(stem)
    page.run()
    ui.end_page(share=stem not in BY_STEM or BY_STEM[stem].share)


if __name__ == "__main__":  # a session's run of the script (an import, by a test or a tool, draws nothing)
    run()
