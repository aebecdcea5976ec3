"""The page registry: every page (pages/<stem>.py, served at /<stem>), its section, icon, URL parameters and frame.

The frame's st.navigation, the sidebar links, the unknown-path middleware, the "no such page" view, the URL fuzz
test, the browser walks and the Cloud rehearsal all read this one list; a test checks it against the files in pages/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.core.settings import ROOT
from explorer.model import Levers

SCENARIO_B_PARAMS = ("cmp", "b")


@dataclass(frozen=True)
class Page:
    """One page: its file stem (also its URL path), navigation section, Material icon, URL parameters and frame."""

    stem: str
    section: str
    icon: str
    params: tuple[str, ...]  # besides `lang`, which every page reads
    share: bool = True  # the frame draws the share link in the sidebar; False: the page draws its own


PAGES = (
    Page("overview", "paper", ":material/dashboard:", ()),
    Page("figures", "paper", ":material/format_list_numbered:", ("section", "kind", "qual", "q", "fig")),
    Page("bottlenecks", "paper", ":material/report:", ("b",)),
    Page("recommendations", "paper", ":material/lightbulb:", ("b",)),
    Page("targets", "paper", ":material/flag:", ("section", "show")),
    Page("benchmarks", "compare", ":material/compare_arrows:", ("ind",)),
    Page(
        "scenarios",
        "compare",
        ":material/tune:",
        (*Levers.BOUNDS, "preset", "out", "view", "v", *SCENARIO_B_PARAMS),
        share=False,  # drawn by its levers: a fragment rerun cannot update the sidebar
    ),
    Page("methods", "compare", ":material/functions:", ("grade",)),
    Page("data", "data", ":material/database:", ("table", "q", "sql", "section", "kind", "city", "indicator", "grade")),
)
DEFAULT_PAGE = "overview"  # what the root URL opens
STEMS = tuple(page.stem for page in PAGES)
SECTIONS = {  # navigation section -> its pages, in the registry's order
    section: tuple(page.stem for page in PAGES if page.section == section)
    for section in dict.fromkeys(page.section for page in PAGES)
}
BY_STEM = {page.stem: page for page in PAGES}


def page_file(stem: str) -> Path:
    """Return pages/<stem>.py as an absolute path, the form st.Page, st.page_link and st.switch_page all accept.

    Streamlit resolves a relative page path against the main script's folder, which is the frame's
    (src/explorer/shell), not the repository root where pages/ sits.
    """
    return ROOT / "pages" / f"{stem}.py"
