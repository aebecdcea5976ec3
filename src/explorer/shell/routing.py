"""Unknown paths: an ASGI middleware that sends a browser asking for a page the app does not have to its own
"no such page" view (standard library only; app.py mounts it through st.App).

Streamlit 1.67 serves its page shell for any path, with its assets linked relatively (./static/…): under a
path of two or more segments (/data/x/y/z, /pages/data.py) the assets resolve to the shell again and the
page stays blank (streamlit#8013; fix proposed in streamlit PR #13930), and a one-segment path (/nonexistent)
opens an English "Page not found" dialog. So a page request (a GET that accepts HTML) for any path other
than the root and the pages' own paths is redirected to the root with the path it asked for in `missing`;
the root then shows the view in the page's language (explorer.features.missing.view).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]
MISSING_PARAM = "missing"
MAX_SHOWN_PATH = 200  # characters of the requested path carried in the link


def missing_location(path: str, query: str, pages: Iterable[str]) -> str | None:
    """Return where a page request for `path` is sent (None: serve it): the root with `missing=<path>`."""
    if path in ("", "/") or path.strip("/") in set(pages):
        return None
    params = [(key, value) for key, value in parse_qsl(query, keep_blank_values=True) if key != MISSING_PARAM]
    return "/?" + urlencode([*params, (MISSING_PARAM, path[:MAX_SHOWN_PATH])])


def _is_page_request(scope: Scope) -> bool:
    """True for a browser's request of a page: a GET or HEAD whose Accept header names HTML."""
    if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
        return False
    headers = dict(scope.get("headers") or [])
    return b"text/html" in headers.get(b"accept", b"")


class UnknownPaths:
    """ASGI middleware: redirect a page request for an unknown path to the app's "no such page" view."""

    def __init__(self, app: ASGIApp, pages: Iterable[str]) -> None:
        self.app = app
        self.pages = tuple(pages)

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        """Answer an unknown page request with a redirect; pass everything else on."""
        if _is_page_request(scope):
            root = scope.get("root_path", "")
            path = scope.get("path", "")[len(root) :] if root else scope.get("path", "")
            location = missing_location(path, scope.get("query_string", b"").decode("latin-1"), self.pages)
            if location is not None:
                await send(
                    {
                        "type": "http.response.start",
                        "status": 302,
                        "headers": [
                            (b"location", (root + location).encode("latin-1")),
                            (b"cache-control", b"no-cache"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)
