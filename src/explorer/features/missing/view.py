"""The "no such page" view: what a request for an unknown path shows (title, the path asked for, every page)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from explorer.core.formatting import untrusted_code
from explorer.core.i18n import t

MAX_SHOWN_PATH = 60  # characters of the requested path echoed back


@dataclass(frozen=True)
class MissingView:
    """The view's title, its sentence naming the path, and the app's pages as (section heading, ((stem, label), …))."""

    title: str
    text: str
    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def missing_view(path: str, nav_sections: Mapping[str, Sequence[str]], lang: str) -> MissingView:
    """Return the view of an unknown `path` in `lang`, linking every page of `nav_sections` (the page registry)."""
    return MissingView(
        title=t("missing.title", lang),
        text=t("missing.text", lang, path=untrusted_code(path, MAX_SHOWN_PATH)),
        sections=tuple(
            (t(f"nav.section.{section}", lang), tuple((stem, t(f"nav.{stem}", lang)) for stem in stems))
            for section, stems in nav_sections.items()
        ),
    )
