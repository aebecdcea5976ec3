"""AppTest helpers the page tests share: run a page from a link, list the in-app links it shows."""

import json
from urllib.parse import parse_qs

import pyarrow as pa
from streamlit.testing.v1 import AppTest

from explorer.shell import frame
from explorer.shell.pages import page_file

TIMEOUT_S = 60


def new_session(timeout: float = TIMEOUT_S) -> AppTest:
    """Return a new AppTest session of the app's script (the frame, as `streamlit run app.py` serves it) at the root."""
    return AppTest.from_file(frame.__file__, default_timeout=timeout)


def go_to(at: AppTest, page: str) -> AppTest:
    """Point the session at pages/<page>.py (served at /<page>), to be opened by the next `run()`."""
    return at.switch_page(str(page_file(page)))


def run_page(page: str, at: AppTest | None = None, **params: str) -> AppTest:
    """Open pages/<page>.py with `params` in the URL (in a new session unless `at` is given); fail on an exception."""
    at = at or new_session()
    for key, value in params.items():
        at.query_params[key] = value
    go_to(at, page)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def body_links(at: AppTest) -> list:
    """Return the page links in the page's body: the main area but the phone's bar (the shell's menu of pages)."""
    found = []
    for child in at.main.children.values():
        if child.type == "page_link":
            found.append(child)
        elif not getattr(child.proto, "id", "").endswith("-phone_bar"):
            found.extend(child.get("page_link") if hasattr(child, "get") else [])
    return found


def links_to(at: AppTest, page: str) -> list[dict[str, list[str]]]:
    """Return the query parameters of every in-app link to `page` in the page's body (not the shell's navigation)."""
    return [parse_qs(link.proto.query_string) for link in body_links(at) if link.proto.page == page]


def charts(at: AppTest) -> list[tuple[dict, list]]:
    """Return every Vega-Lite chart on the page as (spec, the tables in the tabs beside it).

    The spec gains `dataset_columns` and `dataset_frames`: the columns and rows of each named dataset Streamlit sent.
    A chart outside a tab container comes back with no tables.
    """
    found: list[tuple[dict, list]] = []

    def walk(node, tables: list | None) -> None:
        if getattr(node, "type", None) == "tab_container":
            tables = [frame for tab in node.children.values() for frame in tab.get("dataframe")]
        if getattr(node, "type", None) == "vega_lite_chart":
            spec = json.loads(node.proto.spec)
            frames = {
                dataset.name: pa.ipc.open_stream(dataset.data.data).read_pandas() for dataset in node.proto.datasets
            }
            spec["dataset_columns"] = {name: list(frame.columns) for name, frame in frames.items()}
            spec["dataset_frames"] = frames
            found.append((spec, tables or []))
        for child in getattr(node, "children", {}).values():
            walk(child, tables)

    walk(at.main, None)
    return found
