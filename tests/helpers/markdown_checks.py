"""Markdown checks the tests share: split a body into its code spans and the rest, find user text outside them."""

import re

from streamlit.testing.v1 import AppTest

# What must never reach Markdown from a user: every Unicode Cc control (CR and LF included), the line and
# paragraph separators, and the bidi controls (written out here, not taken from the code under test).
FORBIDDEN = frozenset(
    [chr(code) for code in range(0x20)]
    + [chr(code) for code in range(0x7F, 0xA0)]
    + list("\u2028\u2029\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def code_spans(body: str) -> tuple[list[str], str]:
    """Return (the text of every code span, the body outside them) by CommonMark's rule for one paragraph.

    A run of n backticks opens a span that the next run of exactly n backticks closes; a run with no
    such partner is literal text. (The app's own templates hold no backslash escapes.)
    """
    runs = list(re.finditer("`+", body))
    spans, outside, start, index = [], [], 0, 0
    while index < len(runs):
        opening = runs[index]
        partner = next((k for k in range(index + 1, len(runs)) if len(runs[k][0]) == len(opening[0])), None)
        if partner is None:
            index += 1
            continue
        outside.append(body[start : opening.start()])
        spans.append(body[opening.end() : runs[partner].start()])
        start, index = runs[partner].end(), partner + 1
    outside.append(body[start:])
    return spans, "\0".join(outside)


def markdown_bodies(at: AppTest) -> list[str]:
    """Return the text of every element the page renders as Markdown: text, captions, headings and alerts."""
    kinds = (at.markdown, at.caption, at.title, at.header, at.subheader, at.warning, at.error, at.info, at.success)
    return [element.value for elements in kinds for element in elements]


def escaped_markdown(body: str, markers: tuple[str, ...]) -> list[str]:
    """Return what in `body` shows that user text escaped its code span: a marker outside every span
    (compared case-blind), or a line ending or control inside one (which would end the span's block)."""
    spans, outside = code_spans(body)
    found = [marker for marker in markers if marker.lower() in outside.lower()]
    return found + [repr(span) for span in spans if FORBIDDEN & set(span)]
