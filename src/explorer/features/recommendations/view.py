"""The Recommendations page's view: the measure × bottleneck heatmap and each measure group's links, targets, levers."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from explorer import charts
from explorer.core import formatting, vocab
from explorer.core.i18n import t
from explorer.features.pieces import ChartView, colon, section_labels
from explorer.features.scenarios.view import lever_label, lever_value
from explorer.model.levers import baseline

STRENGTHS = (*vocab.LINK_STRENGTHS, "none")
# Okabe–Ito blue and sky blue for links, grey for "no link" (dark enough that its legend swatch shows on white):
# distinguishable without colour vision.
STRENGTH_COLOURS = {"primary": formatting.KIND_COLOURS["status"], "secondary": formatting.NEUTRAL, "none": "#DDDDDD"}
ROW_PX = 44  # height of one measure's row in the heatmap
FADED = 0.3  # opacity of the columns outside the bottleneck filter
# Column labels wrap so that five bottleneck titles fit side by side (Chinese needs fewer characters).
WRAP_WIDTH = {"zh": 8, "en": 18}
LINK_ICONS = {"primary": ":material/radio_button_checked:", "secondary": ":material/radio_button_partial:"}
HEATMAP_COLUMNS = {
    "measure_label": "recommendations.col.measure",
    "bottleneck_label": "recommendations.col.bottleneck",
    "strength_label": "recommendations.col.strength",
    "quote_zh": "recommendations.col.quote",
    "rationale": "recommendations.col.rationale",
}
# English pages add the project's translation of the paper's clause beside it.
ENGLISH_HEATMAP_COLUMNS = {"quote_en": "recommendations.col.translation"}


@dataclass(frozen=True)
class Link:
    """A bottleneck a measure group answers: heading, icon, the justifying clause, the rationale, the bottleneck."""

    heading: str
    icon: str
    quote: str
    translation: str | None  # "The project's translation: …" of the clause, on English pages
    rationale: str
    bottleneck: str


@dataclass(frozen=True)
class Lever:
    """A scenario lever a measure group implies: the list item and the caption quoting the paper."""

    item: str
    caption: str


@dataclass(frozen=True)
class Measure:
    """One measure group as its card shows it."""

    code: str
    heading: str
    anchor: str
    summary: str
    links: tuple[Link, ...]
    targets: pd.DataFrame
    levers: tuple[Lever, ...]
    scenario_label: str | None
    scenario_note: str | None  # under the link: it opens the baseline or the defaults (a phone cuts a long label)
    scenario_params: dict[str, str]


def strength_label(strength: str, lang: str) -> str:
    """Return the translated strength of a link."""
    return t(f"recommendations.strength.{strength}", lang)


def filter_labels(sections: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return the bottleneck filter's options with their labels."""
    titles = section_labels(sections, lang)
    return {code: titles[code] for code in vocab.BOTTLENECKS}


def measures_for(links: pd.DataFrame, chosen: Sequence[str]) -> list[str]:
    """Return the measure groups linked to any chosen bottleneck (all eight when none is chosen), in order."""
    linked = set(links.loc[links["bottleneck"].isin(chosen), "measure"]) if chosen else set(vocab.MEASURES)
    return [code for code in vocab.MEASURES if code in linked]


def count_text(links: pd.DataFrame, shown: int, lang: str) -> str:
    """Return the sentence that counts the measure groups shown and the links by strength."""
    counts = links["strength"].value_counts()
    return t(
        "recommendations.count",
        lang,
        count=len(links),
        shown=shown,
        total=len(vocab.MEASURES),
        links=len(links),
        primary=int(counts.get("primary", 0)),
        secondary=int(counts.get("secondary", 0)),
    )


def heatmap(
    links: pd.DataFrame, sections: pd.DataFrame, measures: list[str], chosen: Sequence[str], lang: str
) -> ChartView:
    """Return measures × bottlenecks coloured by the strength of the link, with the table of every link shown."""
    labels = section_labels(sections, lang)
    grid = pd.MultiIndex.from_product([measures, vocab.BOTTLENECKS], names=["measure", "bottleneck"])
    cells = grid.to_frame(index=False).merge(links, on=["measure", "bottleneck"], how="left")
    cells["strength"] = cells["strength"].fillna("none")
    cells["strength_label"] = cells["strength"].map(lambda strength: strength_label(strength, lang))
    cells["measure_label"] = cells["measure"].map(labels)
    cells["bottleneck_label"] = cells["bottleneck"].map(labels)
    cells["column"] = cells["bottleneck_label"].map(lambda label: "\n".join(textwrap.wrap(label, WRAP_WIDTH[lang])))
    cells["rationale"] = cells[f"rationale_{lang}"].fillna("")
    cells["quote_zh"] = cells["quote_zh"].fillna("")
    cells["quote_en"] = cells["quote_en"].fillna("")
    cells["cell_text"] = cells["strength_label"].where(cells["strength"] != "none", "")
    cells["is_chosen"] = cells["bottleneck"].isin(chosen) if chosen else True
    linked = cells[cells["strength"] != "none"]
    columns = HEATMAP_COLUMNS | (ENGLISH_HEATMAP_COLUMNS if lang == "en" else {})
    table = pd.DataFrame({t(key, lang): linked[field] for field, key in columns.items()})
    spec = charts.link_heatmap(
        cells[
            ["measure_label", "bottleneck_label", "column", "strength", "strength_label", "cell_text", "is_chosen"]
            + ["quote_zh", "quote_en", "rationale"]
        ],
        title=t("recommendations.heatmap.title", lang),
        legend=t("recommendations.col.strength", lang),
        colours={strength_label(strength, lang): STRENGTH_COLOURS[strength] for strength in STRENGTHS},
        row_px=ROW_PX,
        faded=FADED,
        tooltips=[charts.tooltip(field, "nominal", t(key, lang)) for field, key in columns.items()],
    )
    return ChartView(spec, table, "heatmap", t("recommendations.heatmap.caption", lang))


def lever_query(value: float) -> str:
    """Return a lever value as the scenario page reads it from the URL (no trailing zeros)."""
    return f"{value:g}"


def measure_links(links: pd.DataFrame, code: str, labels: dict[str, str], lang: str) -> tuple[Link, ...]:
    """Return the bottlenecks a measure group answers, primary links first, each with its clause and rationale."""
    rows = links[links["measure"] == code].sort_values(["strength", "bottleneck"])
    return tuple(
        Link(
            heading=f"{labels[row['bottleneck']]} · {strength_label(row['strength'], lang)}",
            icon=LINK_ICONS[row["strength"]],
            quote=row["quote_zh"],
            translation=t("word.translation", lang, text=row["quote_en"]) if lang == "en" else None,
            rationale=row[f"rationale_{lang}"],
            bottleneck=row["bottleneck"],
        )
        for _, row in rows.iterrows()
    )


def measure_levers(
    levers: pd.DataFrame, code: str, params: pd.DataFrame, lang: str
) -> tuple[tuple[Lever, ...], str | None, str | None, dict[str, str]]:
    """Return a measure group's levers, its Scenarios link's label (None without levers), note and URL parameters.

    Each lever is named as its Scenarios slider is, so the reader finds it there under the same name.

    A lever without a number in the paper shows the model's default (model.levers.baseline(), the one source of
    the defaults); a link whose levers all equal the baseline says that it opens the baseline.
    """
    own = levers[levers["measure"] == code]
    if own.empty:
        return (), None, None, {}
    base = baseline()
    items = []
    for _, row in own.iterrows():
        name = lever_label(row["lever"], params, lang)
        default = lever_value(row["lever"], getattr(base, row["lever"]))
        shown = (
            lever_value(row["lever"], row["value"])
            if pd.notna(row["value"])
            else t("recommendations.lever.no_value", lang, default=default)
        )
        clause = f"“{row['quote_zh']}”" + (f" (“{row['quote_en']}”)" if lang == "en" else "")
        sentence = f"{t('word.paper_sentence', lang)}{colon(lang)}{clause} — {row[f'rationale_{lang}']}"
        items.append(Lever(f"- {name}{colon(lang)}**{shown}**", sentence))
    valued = own[own["value"].notna()]
    params = {"lang": lang} | {row["lever"]: lever_query(row["value"]) for _, row in valued.iterrows()}
    if not len(valued):
        note = t("recommendations.open_scenarios.defaults", lang)
    elif all(math.isclose(row["value"], getattr(base, row["lever"])) for _, row in valued.iterrows()):
        note = t("recommendations.open_scenarios.baseline", lang)
    else:
        note = None
    return tuple(items), t("recommendations.open_scenarios", lang), note, params


def measure_cards(
    links: pd.DataFrame,
    levers: pd.DataFrame,
    figures: pd.DataFrame,
    sections: pd.DataFrame,
    params: pd.DataFrame,
    measures: list[str],
    lang: str,
) -> list[Measure]:
    """Return the cards of the given measure groups: title, summary, bottlenecks answered, targets, levers."""
    labels = section_labels(sections, lang)
    cards = []
    for code in measures:
        lever_items, scenario_label, scenario_note, scenario_params = measure_levers(levers, code, params, lang)
        cards.append(
            Measure(
                code=code,
                heading=labels[code],
                anchor=f"m{code.replace('.', '-')}",
                summary=t(f"recommendations.summary.{code}", lang),
                links=measure_links(links, code, labels, lang),
                targets=figures[(figures["section"] == code) & (figures["kind"] == "target")],
                levers=lever_items,
                scenario_label=scenario_label,
                scenario_note=scenario_note,
                scenario_params=scenario_params,
            )
        )
    return cards
