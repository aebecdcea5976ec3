"""Entry point of the Shenzhen digital-economy policy explorer: the root URL opens the Overview.

Each page in pages/ (served at /<file stem>) draws the shell itself: explorer.shell.ui.start_page / end_page.
`streamlit run app.py` finds `app` (an st.App) and serves this file as the app's script through it, so that
a request for an unknown path comes back to the root with `missing=<path>` (explorer.shell.routing), and the root
then shows the app's own "no such page" view, in the page's language, with a link to every page.
"""

if __name__ == "__main__":  # a session's run of the script
    import streamlit as st

    from explorer.features.missing.view import missing_view
    from explorer.shell import ui
    from explorer.shell.pages import SECTIONS
    from explorer.shell.routing import MISSING_PARAM

    if MISSING_PARAM not in st.query_params:
        ui.open_default_page()
    lang = ui.start_page("")
    view = missing_view(st.query_params[MISSING_PARAM], SECTIONS, lang)
    st.title(view.title)
    st.markdown(view.text)
    for heading, links in view.sections:
        st.subheader(heading)
        for stem, label in links:
            st.page_link(f"pages/{stem}.py", label=label, query_params={"lang": lang}, icon=":material/arrow_forward:")
    ui.end_page()
else:  # imported by `streamlit run` to serve the app
    import streamlit as st
    from starlette.middleware import Middleware

    from explorer.shell.pages import STEMS
    from explorer.shell.routing import UnknownPaths

    app = st.App(__file__, middleware=[Middleware(UnknownPaths, pages=STEMS)])  # pages/<stem>.py at /<stem>
