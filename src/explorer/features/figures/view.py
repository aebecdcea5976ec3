"""The Figures page's view: every figure filtered by the URL's codes, its table, its paragraph, the marked-up paper."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from explorer.charts import CJK
from explorer.core import formatting
from explorer.core.i18n import LANGS, t
from explorer.core.paper import find_span, squash
from explorer.data import export
from explorer.features.pieces import section_labels, translated

SEARCHED_COLUMNS = ("id", "metric_zh", "metric_en", "quote_zh", "note_en", "unit_zh", "unit_en")
# A match in these (or in the value as shown, e.g. "7.5 万个", "75,000 base stations") ranks before one only in the
# sentence, the note or the unit: searching "5G" lists the 5G figures before the all-optical parks of their sentence.
RANKED_COLUMNS = ("id", "metric_zh", "metric_en")
# Words the paper prints before a qualified number (超100家, 近万亿元, 不低于 40%): marked with the number.
_PRINTED_QUALIFIERS = "超过|超|近|约|不低于|不少于|突破|小于|低于|达到|达"
# The CSV download (field of `csv_rows` -> header key): the table's columns first, in its words, then the number,
# its unit and qualifier for a spreadsheet, and the paper's reference and sentence (Chinese, as printed).
CSV_COLUMNS = {
    "id": "col.id",
    "section": "col.section",
    "kind": "col.kind",
    "metric": "col.metric",
    "shown": "col.value",
    "value": "figures.col.number",
    "value_high": "figures.col.number_high",
    "unit_label": "col.unit",
    "qualifier": "figures.col.qualifier",
    "year": "col.year",
    "ref": "figures.col.ref",
    "quote_zh": "col.quote",
}
# The table shows this many rows before it scrolls (issue 23: 11 of 55 rows in a small box hid the list).
VISIBLE_ROWS = 20
_ROW_PX, _HEADER_PX = 35, 38  # st.dataframe's row and header height


def table_height(rows: int) -> int:
    """Return the table's height in pixels: every row up to VISIBLE_ROWS, then it scrolls."""
    return _HEADER_PX + _ROW_PX * min(rows, VISIBLE_ROWS)


# Widths of the value and metric columns: st.dataframe fits a column to its contents only up to ~380 px, which cut a
# third of the English metrics at 1440 px (issue 23), and measured the pinned value short of "2.48 万亿元"; it takes
# no "fit the longest" setting, so the width is estimated here from the longest text shown, at the 14 px table
# font's mean advance (a Latin character 7 px, a Chinese one 14 px), within a column's bounds (the metric's upper
# one: what a 1440 px window leaves beside the value).
_LATIN_PX, _CJK_PX, _CELL_PADDING_PX = 7, 14, 24
VALUE_PX, METRIC_PX = (60, 220), (120, 600)


def fit_width(texts: pd.Series, bounds: tuple[int, int]) -> int:
    """Return a column's width in pixels: the longest of `texts` whole, within `bounds`."""
    longest = max((sum(_CJK_PX if CJK.match(ch) else _LATIN_PX for ch in text) for text in texts), default=0)
    return min(max(longest + _CELL_PADDING_PX, bounds[0]), bounds[1])


# English pages add the project's translation of the sentence and its note (both written in English only).
ENGLISH_CSV_COLUMNS = {"quote_en": "figures.col.translation", "note_en": "figures.col.note"}


@dataclass(frozen=True)
class FiguresView:
    """The figures a filter keeps (index 0..n-1), their table in the reader's language, the count and the CSV."""

    shown: pd.DataFrame
    table: pd.DataFrame
    count: str
    csv: bytes

    def rows_of(self, fig_id: str | None) -> list[int]:
        """Return the table rows that hold `fig_id` (none when it is filtered out or None)."""
        return self.shown.index[self.shown["id"] == fig_id].tolist()


@dataclass(frozen=True)
class Paragraph:
    """A figure shown in its paragraph: the card's row, the section heading, the marked-up paragraph, a note,
    and on English pages the project's translation of the figure's sentence."""

    figure: pd.Series
    heading: str
    html: str
    note: str | None
    translation: str | None = None


def section_options(figures: pd.DataFrame) -> list[str]:
    """Return the sections that hold a figure, in the paper's order."""
    return list(dict.fromkeys(figures["section"]))


def filtered(
    figures: pd.DataFrame,
    *,
    sections: Sequence[str] = (),
    kinds: Sequence[str] = (),
    qualifiers: Sequence[str] = (),
    text: str = "",
) -> pd.DataFrame:
    """Return the figures in the chosen sections, kinds and qualifiers (each: all if none) whose text holds `text`."""
    shown = figures
    if sections:
        shown = shown[shown["section"].isin(sections)]
    if kinds:
        shown = shown[shown["kind"].isin(kinds)]
    if qualifiers:
        shown = shown[shown["qualifier"].isin(qualifiers)]
    if text and not shown.empty:  # an empty frame's row-wise join is a frame, not text to search
        needle = squash(text).lower()
        values = pd.Series(
            [" ".join(formatting.figure_value(row, lang) for lang in LANGS) for _, row in shown.iterrows()]
        )
        primary = _holds(shown[list(RANKED_COLUMNS)].assign(shown=values.to_numpy()), needle)
        anywhere = primary | _holds(shown[list(SEARCHED_COLUMNS)], needle)
        rank = (~primary).astype(int)[anywhere]
        shown = shown.loc[rank.sort_values(kind="stable").index]
    return shown.reset_index(drop=True)


def _holds(frame: pd.DataFrame, needle: str) -> pd.Series:
    """Return which rows hold `needle` (lower case, no whitespace) in any column, ignoring case and whitespace."""
    haystack = frame.fillna("").astype(str).agg(" ".join, axis=1).map(squash).str.lower()
    return haystack.str.contains(needle, regex=False)


def figure_table(shown: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the figures as the page's table: metric and qualified value first (all a phone shows), then year,
    kind, section, sentence and, last, the id (the link's `fig`, the SQL console's key: a reader's last need)."""
    return pd.DataFrame(
        {
            t("col.metric", lang): shown[f"metric_{lang}"],
            t("col.value", lang): [formatting.figure_value(row, lang) for _, row in shown.iterrows()],
            t("col.year", lang): shown["year"],
            t("col.kind", lang): shown["kind"].map(lambda kind: t(f"kind.{kind}", lang)),
            t("col.section", lang): shown["section"],
            t("col.quote", lang): shown["quote_zh"].map(formatting.plain_reference_marks),
            t("col.id", lang): shown["id"],
        }
    )


def figures_view(
    figures: pd.DataFrame,
    lang: str,
    *,
    sections: Sequence[str] = (),
    kinds: Sequence[str] = (),
    qualifiers: Sequence[str] = (),
    text: str = "",
) -> FiguresView:
    """Return the figures the filters keep (see `filtered`) with their table, count and CSV download."""
    shown = filtered(figures, sections=sections, kinds=kinds, qualifiers=qualifiers, text=text)
    return FiguresView(
        shown=shown,
        table=figure_table(shown, lang),
        count=t("figures.count", lang, count=len(figures), shown=len(shown), total=len(figures)),
        csv=export.csv_bytes(csv_table(shown, lang)),
    )


def csv_table(shown: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the figures as the CSV download: headers, kinds, qualifiers, metrics and units in `lang`."""
    rows = shown.assign(
        kind=shown["kind"].map(lambda kind: t(f"kind.{kind}", lang)),
        metric=shown[f"metric_{lang}"],
        shown=[formatting.figure_value(row, lang) for _, row in shown.iterrows()],
        unit_label=shown[f"unit_{lang}"],
        qualifier=shown["qualifier"].map(lambda qualifier: t(f"qualifier.{qualifier}", lang)),
        quote_zh=shown["quote_zh"].map(formatting.plain_reference_marks),
    )
    return translated(rows, CSV_COLUMNS | (ENGLISH_CSV_COLUMNS if lang == "en" else {}), lang)


def is_figure(figures: pd.DataFrame, fig_id: str) -> bool:
    """True if `fig_id` names a figure of the paper."""
    return fig_id in set(figures["id"])


def _printed_number(value: float) -> str:
    """Return a number as the paper prints it, as a regular expression: 10000, 7.5, 1.25 (no separators)."""
    return re.escape(str(int(value)) if float(value).is_integer() else f"{value:.10g}")


def number_span(text: str, fig: pd.Series) -> tuple[int, int] | None:
    """Return where `text` prints the figure's number in its sentence (e.g. '7.5万个', '超100家', '3-5 家'), or None.

    The number's qualifier word and unit are part of the span when printed next to it; a match with the unit wins.
    """
    sentence = find_span(text, fig["quote_zh"])
    if sentence is None:
        return None
    number = _printed_number(fig["value"])
    if fig["qualifier"] == "range" and pd.notna(fig["value_high"]):
        number += rf"\s*[-–~至]\s*{_printed_number(fig['value_high'])}"
    unit = re.escape(str(fig["unit_zh"]).split("/")[0].split("(")[0])
    pattern = re.compile(
        rf"(?:{_PRINTED_QUALIFIERS})?\s*(?<![\d.]){number}(?![\d.])(?P<unit>\s*{unit}(?:\s*(?:以上|以下|左右))?)?"
    )
    start, end = sentence
    matches = list(pattern.finditer(text, start, end))
    best = next((match for match in matches if match.group("unit") and unit), matches[0] if matches else None)
    return None if best is None else (best.start() + len(best.group(0)) - len(best.group(0).lstrip()), best.end())


def paragraph(figures: pd.DataFrame, sections: pd.DataFrame, fig_id: str, lang: str) -> Paragraph:
    """Return one figure in the paragraph of its section that holds its sentence (the whole section if none does).

    The figure's number is marked in its sentence; when the paper writes it in words (连续两年), the sentence is.
    """
    fig = figures.set_index("id", drop=False).loc[fig_id]
    body = sections.set_index("id").at[fig["section"], "text_zh"]
    text = next((p for p in body.split("\n\n") if find_span(p, fig["quote_zh"])), body)
    note = f"{t('word.note', lang)}: {fig['note_en']}" if lang == "en" and fig["note_en"] else None
    span = number_span(text, fig) or find_span(text, fig["quote_zh"])
    return Paragraph(
        figure=fig,
        heading=f"**{section_labels(sections, lang)[fig['section']]}**",
        html=f"<div class='paper'>{formatting.marked_html(text, [span] if span else [])}</div>",
        note=note,
        translation=translation(fig, lang),
    )


def translation(fig: pd.Series, lang: str) -> str | None:
    """Return the labelled English translation of a figure's sentence on English pages (None on Chinese ones)."""
    return t("word.translation", lang, text=fig["quote_en"]) if lang == "en" else None


def marked_paper(figures: pd.DataFrame, sections: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """Return every section that has text as (heading, HTML with every figure's sentence marked)."""
    quotes = figures["quote_zh"].tolist()
    return [
        (
            f"**{section['id']} {section['title_zh']}**" + ("" if lang == "zh" else f" — {section['title_en']}"),
            formatting.highlighted_html(section["text_zh"], quotes),
        )
        for _, section in sections.iterrows()
        if section["text_zh"]
    ]
