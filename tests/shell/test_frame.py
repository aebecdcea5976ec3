"""explorer.shell.frame: it serves exactly the registry's pages and draws around them; pages hold content only."""

import ast

import pytest
from apptest import run_page
from streamlit.testing.v1 import AppTest

from explorer import ROOT
from explorer.core.i18n import t
from explorer.shell.pages import PAGES, STEMS

PAGE_FILES = sorted((ROOT / "pages").glob("*.py"))
FRAME_CALLS = {"start_page", "end_page", "set_page_config", "navigation", "footer", "language_switch"}


def _called_names(path) -> set[str]:
    """Return the names of every function a source file calls (`f()`, `m.f()`)."""
    calls = [node.func for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)]
    return {call.attr if isinstance(call, ast.Attribute) else getattr(call, "id", "") for call in calls}


@pytest.mark.parametrize("path", PAGE_FILES, ids=[path.stem for path in PAGE_FILES])
def test_no_page_file_draws_the_frame(path):
    assert _called_names(path) & FRAME_CALLS == set()


def _page_paths(path) -> list[ast.expr]:
    """Return the page argument of every st.page_link and st.switch_page call in a source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.args[0] if node.args else next(kw.value for kw in node.keywords if kw.arg == "page"))
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("page_link", "switch_page")
    ]


def test_no_link_names_a_page_by_a_relative_path():
    """Streamlit reads a relative page path from the frame's folder (src/explorer/shell): links go through page_file."""
    sources = [*PAGE_FILES, *(ROOT / "src" / "explorer").rglob("*.py")]
    found = [(path.name, arg.value) for path in sources for arg in _page_paths(path) if isinstance(arg, ast.Constant)]
    assert found == []


def _frame_pages() -> None:
    import streamlit as st

    from explorer.shell.frame import app_pages
    from explorer.shell.pages import STEMS, page_file

    pages = app_pages()
    st.navigation(pages, position="hidden")
    st.text("|".join(page.url_path for page in pages))
    for stem in STEMS:
        st.page_link(page_file(stem))  # found only if the frame registered that very file


def test_the_frame_serves_exactly_the_registry_pages_each_file_at_its_stem():
    at = AppTest.from_function(_frame_pages).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.text[0].value.split("|") == ["", *STEMS]  # the root's page, then the registry's, in its order
    assert [link.proto.page for link in at.get("page_link")] == list(STEMS)


def _share_links(elements) -> int:
    return sum(expander.label == t("share.label", "en") for expander in elements.get("expander"))


@pytest.mark.parametrize("page", PAGES, ids=STEMS)
def test_the_share_link_is_the_frames_unless_the_page_draws_its_own(page):
    at = run_page(page.stem, lang="en")
    assert (_share_links(at.sidebar), _share_links(at.main)) == ((1, 0) if page.share else (0, 1))
