"""features.figures.view on the real data: what each filter keeps, the table, the paragraph, the marked-up paper."""

import re

import download_checks
import pandas as pd
import pytest
from fonts import text_px
from loaded import frames

from explorer.core import formatting
from explorer.core.i18n import LANGS, t
from explorer.core.paper import squash
from explorer.features.figures import view as views


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    return frames()["figures"]


@pytest.fixture(scope="module")
def sections() -> pd.DataFrame:
    return frames()["sections"]


def searched(figures: pd.DataFrame, word: str) -> pd.Series:
    """Return which figures hold `word` (any case) in their id, metrics, sentence, note or units."""
    columns = ["id", "metric_zh", "metric_en", "quote_zh", "note_en", "unit_zh", "unit_en"]
    return figures[columns].fillna("").apply(lambda row: any(word.lower() in str(v).lower() for v in row), axis=1)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, lambda f: f["id"] == f["id"]),
        ({"sections": ["2.2"]}, lambda f: f["section"] == "2.2"),
        ({"sections": ["1.3", "3.6"]}, lambda f: f["section"].isin(["1.3", "3.6"])),
        ({"kinds": ["rank"]}, lambda f: f["kind"] == "rank"),
        ({"qualifiers": ["approx", "range"]}, lambda f: f["qualifier"].isin(["approx", "range"])),
        ({"text": "rack"}, lambda f: searched(f, "rack")),
        ({"text": "RACK"}, lambda f: searched(f, "rack")),
        ({"text": "机架"}, lambda f: searched(f, "机架")),
        (
            {"sections": ["3.6"], "kinds": ["target"], "text": "2025"},
            lambda f: (f["section"] == "3.6") & (f["kind"] == "target") & searched(f, "2025"),
        ),
    ],
)
def test_each_filter_keeps_what_it_names(filters, expected, figures):
    kept = views.filtered(figures, **filters)
    wanted = figures[expected(figures)]["id"].tolist()
    if "text" in filters:  # a search ranks its matches (see the ranking test); the set is what the filter names
        assert sorted(kept["id"]) == sorted(wanted)
    else:
        assert kept["id"].tolist() == wanted
    assert kept.index.tolist() == list(range(len(kept))), "table rows are addressed by position"


def test_a_search_lists_matches_in_the_metric_or_value_before_matches_only_in_the_sentence(figures):
    found = views.filtered(figures, text="5G")["id"].tolist()
    fives = ["g5_base_stations_total", "g5_new_stations_annual_target", "target_5g_per_10k"]  # 5G in the metric
    assert sorted(found[:3]) == sorted(fives)
    assert "all_optical_parks" in found[3:]  # "5G" only in its sentence
    assert found.index("all_optical_parks") > max(found.index(fig) for fig in fives)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("7.5万", "g5_base_stations_total"),  # the number as the paper prints it
        ("75,000", "g5_base_stations_total"),  # the number as English writes it
        ("¥3.85 tn", "target_ecommerce_volume"),
        ("pue", "target_new_dc_pue_2025"),
    ],
)
def test_a_search_finds_a_figure_by_its_number(text, first, figures):
    assert views.filtered(figures, text=text)["id"].iloc[0] == first


def test_a_search_over_an_empty_selection_finds_nothing_instead_of_failing(figures):
    empty = views.filtered(figures, sections=["2.2"], kinds=["target"])
    assert empty.empty
    assert views.filtered(figures, sections=["2.2"], kinds=["target"], text="x").empty


def test_section_options_are_the_sections_with_figures_in_the_papers_order(figures, sections):
    options = views.section_options(figures)
    assert set(options) == set(figures["section"])
    order = sections["id"].tolist()
    assert options == sorted(options, key=order.index)


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_count_and_csv_of_a_filter(lang, figures):
    view = views.figures_view(figures, lang, kinds=["target"])
    targets = figures[figures["kind"] == "target"]
    assert list(view.table.columns) == [
        t(key, lang)
        for key in ("col.metric", "col.value", "col.year", "col.kind", "col.section", "col.quote", "col.id")
    ]
    assert view.table[t("col.id", lang)].tolist() == targets["id"].tolist()
    assert set(view.table[t("col.kind", lang)]) == {t("kind.target", lang)}
    assert view.table[t("col.metric", lang)].tolist() == targets[f"metric_{lang}"].tolist()
    assert view.table[t("col.value", lang)].tolist() == [
        formatting.figure_value(row, lang) for _, row in targets.iterrows()
    ]
    assert view.count == t("figures.count", lang, count=len(figures), shown=len(targets), total=len(figures))
    assert [row[t("col.id", lang)] for row in download_checks.read(view.csv)] == targets["id"].tolist()


# The CSV's header keys, written by hand: the table's columns in its words, then the number, unit, qualifier, the
# paper's reference and sentence; English pages add the project's translation and the note (issue #15).
CSV_HEADER_KEYS = ["col.id", "col.section", "col.kind", "col.metric", "col.value", "figures.col.number"]
CSV_HEADER_KEYS += ["figures.col.number_high", "col.unit", "figures.col.qualifier", "col.year", "figures.col.ref"]
CSV_HEADER_KEYS += ["col.quote"]
CSV_HEADERS = {
    "zh": download_checks.headers(CSV_HEADER_KEYS, "zh"),
    "en": download_checks.headers([*CSV_HEADER_KEYS, "figures.col.translation", "figures.col.note"], "en"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_headers_are_the_pages_language_not_database_codes(lang, figures):
    header = download_checks.header_row(views.figures_view(figures, lang).csv)
    assert header == CSV_HEADERS[lang]
    assert len(set(header)) == len(header)
    assert not set(header) & download_checks.database_codes()
    if lang == "zh":
        assert [cell for cell in header if download_checks.LATIN_WORD.search(cell)] == []


# Written by hand from data/figures.csv: a figure's codes and the catalogue labels the CSV must carry instead.
CSV_CELLS = [
    ("target_new_dc_pue_2025", "qualifier.less_than", "kind.target", "1.25", "2025"),
    ("core_va_2022", "qualifier.nearly", "kind.status", "1.0", "2022"),
    ("target_esports_events", "qualifier.range", "kind.target", "1.0", ""),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("fig_id", "qualifier", "kind", "number", "year"), CSV_CELLS)
def test_the_csv_writes_codes_as_the_tables_labels_and_keeps_the_number(
    lang, fig_id, qualifier, kind, number, year, figures
):
    words = download_checks.catalogue(lang)
    rows = {row[words["col.id"]]: row for row in download_checks.read(views.figures_view(figures, lang).csv)}
    row = rows[fig_id]
    assert row[words["figures.col.qualifier"]] == words[qualifier]
    assert row[words["col.kind"]] == words[kind]
    assert row[words["figures.col.number"]] == number
    assert row[words["col.year"]] == year
    assert row[words["col.metric"]] == figures.set_index("id").at[fig_id, f"metric_{lang}"]
    if lang == "zh":  # a code left as it is would be Latin text on a Chinese page
        assert not download_checks.LATIN_WORD.search(row[words["figures.col.qualifier"]] + row[words["col.kind"]])


def test_the_csv_of_a_range_has_both_ends_and_the_chinese_csv_no_english_sentence(figures):
    zh = {row["编号"]: row for row in download_checks.read(views.figures_view(figures, "zh").csv)}
    en = {row["ID"]: row for row in download_checks.read(views.figures_view(figures, "en").csv)}
    assert zh["target_esports_events"]["区间上限"] == en["target_esports_events"]["Upper number (ranges)"] == "2.0"
    assert zh["g5_base_stations_total"]["论文参考文献"] == "3"
    sentence = figures.set_index("id").at["core_va_2022", "quote_en"]
    assert en["core_va_2022"]["The project's translation"] == sentence
    assert sentence not in " ".join(" ".join(row.values()) for row in zh.values())


def test_rows_of_a_figure_and_of_none(figures):
    view = views.figures_view(figures, "en", sections=["3.6"])
    pue = view.rows_of("target_new_dc_pue_2025")
    assert [view.shown.at[row, "id"] for row in pue] == ["target_new_dc_pue_2025"]
    assert view.rows_of("core_va_2022") == []  # filtered out
    assert view.rows_of(None) == []


def test_only_figures_of_the_paper_are_figures(figures):
    assert views.is_figure(figures, "target_new_dc_pue_2025")
    assert not views.is_figure(figures, "no_such_figure")


@pytest.mark.parametrize("lang", LANGS)
def test_a_figure_is_shown_in_the_paragraph_that_holds_its_sentence(lang, figures, sections):
    fig = figures.set_index("id").loc["target_new_dc_pue_2025"]
    shown = views.paragraph(figures, sections, "target_new_dc_pue_2025", lang)
    title = sections.set_index("id").at[fig["section"], f"title_{lang}"]
    assert shown.heading == f"**{fig['section']} {title}**"
    assert shown.figure["id"] == "target_new_dc_pue_2025"
    marked = shown.html.split("<mark>")[1].split("</mark>")[0]
    assert marked == "小于 1.25"  # the number as printed, not the whole sentence
    assert shown.html.count("<mark>") == 1


@pytest.mark.parametrize(
    ("fig_id", "printed"),
    [
        ("g5_base_stations_total", "7.5万个"),
        ("all_optical_parks", "超100家"),
        ("target_cross_industry_iiot_platforms", "3-5 家"),
        ("target_dc_racks_2025", "2.1 万个"),
        ("target_5g_per_10k", "30 个"),
        ("miit_cross_industry_platforms", "5家"),  # not the 5 of an earlier number, the one with its unit
        ("io500_consecutive_years", None),  # 连续两年: written in words, so the sentence is marked
    ],
)
def test_the_figures_number_is_marked_in_its_sentence(fig_id, printed, figures, sections):
    fig = figures.set_index("id", drop=False).loc[fig_id]
    marked = views.paragraph(figures, sections, fig_id, "zh").html.split("<mark>")[1].split("</mark>")[0]
    if printed is None:
        assert squash(marked) == squash(fig["quote_zh"])
    else:
        assert marked == printed


def test_the_papers_reference_marks_are_footnote_marks(figures, sections):
    shown = views.paragraph(figures, sections, "g5_base_stations_total", "zh").html
    assert "<sup>[3]</sup>" in shown and "^[" not in shown
    paper = "".join(html for _, html in views.marked_paper(figures, sections, "zh"))
    assert "^" not in paper and "<sup>①</sup>" in paper and "<sup>[8]</sup>" in paper
    table = views.figure_table(figures.set_index("id", drop=False).loc[["g5_base_stations_total"]], "zh")
    assert table[t("col.quote", "zh")].iloc[0].endswith("发展⁽³⁾。")


def test_of_a_section_in_several_paragraphs_only_the_one_with_the_sentence_is_shown(figures, sections):
    fig = figures.set_index("id").loc["economy_4tn_milestone"]
    paragraphs = sections.set_index("id").at[fig["section"], "text_zh"].split("\n\n")
    assert len(paragraphs) > 1
    (holding,) = [p for p in paragraphs if squash(fig["quote_zh"]) in squash(p)]
    shown = views.paragraph(figures, sections, "economy_4tn_milestone", "zh")
    assert shown.html.count("<p>") == 1
    body = shown.html.replace("<mark>", "").replace("</mark>", "")[len("<div class='paper'><p>") : -len("</p></div>")]
    assert squash(holding) == squash(re.sub(r"<sup>(.*?)</sup>", r"^\1", body))


def test_the_english_note_is_shown_in_english_only(figures, sections):
    noted = figures[figures["note_en"].fillna("") != ""].iloc[0]
    assert views.paragraph(figures, sections, noted["id"], "en").note == f"{t('word.note', 'en')}: {noted['note_en']}"
    assert views.paragraph(figures, sections, noted["id"], "zh").note is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_paper_marks_every_figures_sentence(lang, figures, sections):
    paper = views.marked_paper(figures, sections, lang)
    with_text = sections[sections["text_zh"].fillna("") != ""]
    assert len(paper) == len(with_text)
    for (heading, html), (_, section) in zip(paper, with_text.iterrows()):
        expected = f"**{section['id']} {section['title_zh']}**"
        assert heading == (expected if lang == "zh" else f"{expected} — {section['title_en']}")
        quotes = figures.loc[figures["section"] == section["id"], "quote_zh"]
        if any(squash(quote) in squash(section["text_zh"]) for quote in quotes):
            assert "<mark>" in html, section["id"]
    quotes = {squash(quote) for quote in figures["quote_zh"]}
    marks = [
        re.sub(r"<sup>(.*?)</sup>", r"^\1", part.split("</mark>")[0])
        for _, html in paper
        for part in html.split("<mark>")[1:]
    ]
    assert marks and all(squash(mark) in quotes for mark in marks), "only the figures' sentences are marked"


def test_english_pages_give_the_projects_translation_beside_the_chinese_sentence():
    figures, sections = frames()["figures"], frames()["sections"]
    fig = figures.set_index("id").loc["core_va_2022"]
    english = views.paragraph(figures, sections, "core_va_2022", "en")
    assert english.translation == t("word.translation", "en", text=fig["quote_en"])
    assert "nearly 1 trillion yuan" in english.translation
    assert views.paragraph(figures, sections, "core_va_2022", "zh").translation is None


def test_the_table_shows_twenty_rows_before_it_scrolls():
    """Issue 23: only about 11 of 55 rows showed in a small scroll box."""
    assert views.table_height(55) == views.table_height(views.VISIBLE_ROWS) > views.table_height(11)
    assert views.table_height(55) >= 38 + 35 * 20
    assert views.table_height(3) < views.table_height(4)  # a short table is not padded


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("column", "bounds"), [("col.metric", views.METRIC_PX), ("col.value", views.VALUE_PX)])
def test_the_metric_and_value_columns_hold_their_longest_text(lang, column, bounds, figures):
    # Issue 23: a fixed 400 px metric column cut a third of the English metrics at 1440 px. Measured with a real
    # font (tests/helpers/fonts.py), not the view's estimate.
    texts = views.figures_view(figures, lang).table[t(column, lang)]
    needed = max(map(text_px, texts)) + 8  # the cell's own padding, at the least
    assert needed <= views.fit_width(texts, bounds) <= bounds[1]
    assert views.fit_width(pd.Series(["1"]), bounds) == bounds[0]  # a column of short texts keeps room for its title
