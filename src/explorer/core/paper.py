"""The paper's text: split into sections, joined across page breaks, searched without whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_HEADING = re.compile(r"^(?:[一二三]、|[（(][一二三四五六七八][）)]\s*)(?P<title>.+?)\s*$")
_SENTENCE_END = "。：:；;！？”)）"
_SHORTEST_BROKEN_PARAGRAPH = 60  # shorter unpunctuated lines are titles or bylines, not broken text
_REFS_HEADING = "参考文献"
_FOOTNOTE = re.compile(r"^[①②③④⑤⑥⑦⑧⑨]")
# The front matter's labelled lines (abstract, keywords, classification) end without a full stop but are whole: the
# classification line was joined to the first paragraph of the text ("…03-0082-06习近平总书记指出", the third walk).
_FRONT_MATTER = re.compile(r"^(?:摘要|关键词|中图分类号)\s*[:：]")
_OCR_BOLD = "**"  # the OCR's Markdown bold around two labels of the classification line: not the paper's text


def squash(text: str) -> str:
    """Return the text with every whitespace character removed (OCR spacing differs)."""
    return re.sub(r"\s+", "", text)


def _join_page_breaks(lines: Iterable[str]) -> list[str]:
    """Return paragraphs, re-joining those split mid-sentence by a page break."""
    paragraphs: list[str] = []
    for line in (raw.strip() for raw in lines):
        if not line:
            continue
        line = line.replace(_OCR_BOLD, "")
        is_broken = (
            paragraphs
            and len(paragraphs[-1]) >= _SHORTEST_BROKEN_PARAGRAPH
            and not paragraphs[-1].endswith(tuple(_SENTENCE_END))
            and not _FRONT_MATTER.match(paragraphs[-1])
        )
        if is_broken and not _HEADING.match(line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs


def split_sections(text: str, titles: Mapping[str, str]) -> dict[str, str]:
    """Return section id -> body text (paragraphs separated by blank lines).

    `titles` maps section id to its Chinese heading; text before the first heading is section "0",
    the reference list is "refs"; a footnote (①…) goes to the section that carries its mark.
    """
    by_title = {squash(title): sid for sid, title in titles.items()}
    bodies: dict[str, list[str]] = {sid: [] for sid in titles}
    marker_section: dict[str, str] = {}
    current = "0"
    for line in text.splitlines():
        stripped = line.strip()
        if _FOOTNOTE.match(stripped) and stripped[0] in marker_section:
            bodies[marker_section[stripped[0]]].append("\n" + stripped)
            continue
        marker_section.update({mark: current for mark in _FOOTNOTE.pattern[2:-1] if mark in stripped})
        match = _HEADING.match(stripped)
        if match and squash(match.group("title")) in by_title:
            current = by_title[squash(match.group("title"))]
            continue
        if stripped.startswith(_REFS_HEADING) and "refs" in bodies:
            current = "refs"
            continue
        bodies[current].append(line)
    return {sid: "\n\n".join(_join_page_breaks(lines)) for sid, lines in bodies.items()}


def find_span(text: str, quote: str) -> tuple[int, int] | None:
    """Return the (start, end) of `quote` in `text`, ignoring whitespace in both; None if absent."""
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    needle = squash(quote)
    if not needle:
        return None
    found = "".join(text[i] for i in positions).find(needle)
    if found < 0:
        return None
    return positions[found], positions[found + len(needle) - 1] + 1
