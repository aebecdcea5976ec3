"""Pieces several page views share: a chart with its table view, section labels, figures' shown values, punctuation."""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from explorer import model
from explorer.charts.encoding import EDGE_PADDING, FIT_WIDTH, chart_title, lines, quantitative, tooltip
from explorer.core import formatting
from explorer.core.formatting import amount, format_number, shown_unit
from explorer.core.i18n import t
from explorer.model.simulation import spillover_curve

# The paper's SME digitalisation shares: two from section 1.3, three from 2.3 (different sentences, not one funnel).
SME_SHARE_FIGURES: tuple[str, ...] = (
    "sme_digital_equipment_share_2023",
    "sme_cloud_bigdata_ai_share",
    "sme_dt_participation_share",
    "sme_dt_effective_equipment_share",
    "sme_dt_security_share",
)
# Chinese text takes full-width punctuation, English half-width with a space after.
_COLON = {"zh": "：", "en": ": "}
_LIST_SEPARATOR = {"zh": "；", "en": "; "}
_ENUMERATION_COMMA = {"zh": "、", "en": ", "}
_BRACKETS = {"zh": ("（", "）"), "en": (" (", ")")}


@dataclass(frozen=True)
class ChartView:
    """A chart (Vega-Lite spec from explorer.charts), its table view, its element key and the caption under it."""

    spec: dict
    table: pd.DataFrame
    key: str
    caption: str | None = None


def section_labels(sections: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return section id -> '2.1 <title>' in `lang`, in the paper's order (`sections` as `cached.sections` gives it)."""
    return {code: f"{code} {title}" for code, title in zip(sections["id"], sections[f"title_{lang}"])}


def with_shown(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return figure rows with `metric` (the label in `lang`) and `shown` (the value as the paper qualifies it)."""
    return rows.assign(
        metric=rows[f"metric_{lang}"], shown=[formatting.figure_value(row, lang) for _, row in rows.iterrows()]
    )


def card_rows(rows: pd.DataFrame, per_row: int) -> list[pd.DataFrame]:
    """Return the rows in chunks of `per_row`: one chunk per row of cards."""
    return [rows.iloc[start : start + per_row] for start in range(0, len(rows), per_row)]


def translated(frame: pd.DataFrame, columns: Mapping[str, str], lang: str) -> pd.DataFrame:
    """Return the `columns` of `frame` (field -> i18n key), in that order, renamed into `lang`."""
    return frame[list(columns)].rename(columns={field: t(key, lang) for field, key in columns.items()})


def colon(lang: str) -> str:
    """Return the colon that ends a label in `lang`."""
    return _COLON[lang]


def bracketed(text: str, inner: str, lang: str) -> str:
    """Return `text (inner)` with the brackets of `lang`."""
    opening, closing = _BRACKETS[lang]
    return f"{text}{opening}{inner}{closing}"


def listed(items: Iterable[str], lang: str) -> str:
    """Return the items as one run of text, separated as `lang` separates list items."""
    return _LIST_SEPARATOR[lang].join(items)


def enumerated(items: Iterable[str], lang: str) -> str:
    """Return short items (names, years) as one run, as `lang` enumerates them: 深圳、北京; Shenzhen, Beijing."""
    return _ENUMERATION_COMMA[lang].join(items)


def sentences(parts: Iterable[str | None], lang: str) -> str:
    """Return sentences run together as `lang` writes them (Chinese with no space between, English with one); an
    empty or missing part is left out."""
    return ("" if lang == "zh" else " ").join(part for part in parts if part)


def _cell_text(value: object) -> str:
    """Return a cell as text, a whole number as a reader writes it (2022, not 2022.0)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value))
    return str(value)


def fill_missing(frame: pd.DataFrame, lang: str, *, links: Iterable[str] = ()) -> pd.DataFrame:
    """Return a copy of a table to show, its empty cells written as "—" in `lang` (Streamlit would draw "None").

    A column with an empty cell becomes text; a link column (named in `links`) gets an empty text
    instead, so that no cell links to the dash. The frame's own values (and its CSV) are untouched.
    """
    shown = frame.copy()
    link_columns = set(links)
    for column in shown.columns:
        empty = shown[column].isna()
        if not empty.any():
            continue
        blank = "" if column in link_columns else t("word.missing", lang)
        shown[column] = [blank if is_empty else _cell_text(value) for value, is_empty in zip(shown[column], empty)]
    return shown


@dataclass(frozen=True)
class SpilloverChart:
    """The "what you would have to believe" chart: a Vega-Lite spec, its data as a table, and its caption."""

    spec: dict
    table: pd.DataFrame
    caption: str


SPILLOVER_AXIS_LINE = 24  # characters a line of the y title holds beside a 220 px plot (its title runs up the side)


def spillover_belief(
    levers: model.Levers, name: str, params: pd.DataFrame, units: pd.DataFrame, lang: str, start: int | None = None
) -> SpilloverChart:
    """Return "what you would have to believe": `levers`' effect on core value added in their horizon year against
    the spillover elasticity ε (Methods shows the aggressive build-out's, Scenarios the reader's levers), the levers
    acting from `start` (`simulation.start_year`)."""
    year = levers.horizon
    curve = spillover_curve(levers, params, year, start=start)
    factor, unit = shown_unit("yi_yuan", lang, units.at["yi_yuan", "label_zh"], units.at["yi_yuan", "symbol_en"])
    shown = curve.assign(effect=curve["effect"] * factor)  # in the reader's unit (亿元, or ¥ bn in English)
    x_title, y_title = t("methods.spillover.x", lang), t("methods.spillover.y", lang, unit=unit)
    spec = {
        # Scenarios draws it in an expander (Methods in the page's width): the narrower title suits both.
        "title": chart_title(t("methods.spillover.title", lang, scenario=name, year=year), inset=True),
        "autosize": FIT_WIDTH,
        "padding": EDGE_PADDING,
        "height": 220,
        "datasets": {"curve": shown},
        "data": {"name": "curve"},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": quantitative("elasticity", x_title),
            "y": quantitative("effect", lines(y_title, SPILLOVER_AXIS_LINE), scale={"zero": True}),
            "tooltip": [
                tooltip("elasticity", "quantitative", x_title, ".4f"),
                tooltip("effect", "quantitative", y_title, ",.1f"),
                tooltip("share", "quantitative", t("methods.spillover.share", lang), ".2f"),
            ],
        },
    }
    table = shown.rename(
        columns={"elasticity": x_title, "effect": y_title, "share": t("methods.spillover.share", lang)}
    )

    def money(value: float) -> str:
        return amount(value, "yi_yuan", lang, units.at["yi_yuan", "label_zh"], units.at["yi_yuan", "symbol_en"])

    caption = t(
        "methods.spillover.caption",
        lang,
        direct=money(float(curve["effect"].iloc[0])),
        top=money(float(curve["effect"].iloc[-1])),
        eps=format_number(float(curve["elasticity"].iloc[-1])),
    )
    return SpilloverChart(spec, table, caption)
