"""explorer.features.pieces: section labels, card rows, translated columns, qualifier signs, punctuation by language."""

import pandas as pd
from loaded import frames

from explorer.core.i18n import LANGS, t
from explorer.features import pieces


def test_section_labels_follow_the_papers_order_in_each_language():
    sections = frames()["sections"]
    for lang in LANGS:
        labels = pieces.section_labels(sections, lang)
        assert list(labels) == sections["id"].tolist()
        assert labels["2.1"] == f"2.1 {sections.set_index('id').at['2.1', f'title_{lang}']}"


def test_card_rows_cut_the_rows_into_full_rows_and_a_last_short_one():
    rows = pd.DataFrame({"id": list("abcdefg")})
    assert [chunk["id"].tolist() for chunk in pieces.card_rows(rows, 3)] == [["a", "b", "c"], ["d", "e", "f"], ["g"]]
    assert pieces.card_rows(rows.iloc[0:0], 3) == []


def test_translated_keeps_the_named_columns_in_order_under_their_labels():
    frame = pd.DataFrame({"id": ["x"], "shown": ["1 %"], "extra": [0]})
    table = pieces.translated(frame, {"shown": "col.value", "id": "col.id"}, "en")
    assert list(table.columns) == [t("col.value", "en"), t("col.id", "en")]
    assert table.iloc[0].tolist() == ["1 %", "x"]


def test_names_are_enumerated_with_the_enumeration_comma_of_the_language():
    assert pieces.enumerated(["深圳", "北京"], "zh") == "深圳、北京"
    assert pieces.enumerated(["Shenzhen", "Beijing"], "en") == "Shenzhen, Beijing"
    assert pieces.enumerated(iter(["2021"]), "zh") == "2021"


def test_chinese_takes_full_width_punctuation():
    assert pieces.bracketed("3.1 对策", "主要", "zh") == "3.1 对策（主要）"
    assert pieces.bracketed("3.1 Measures", "primary", "en") == "3.1 Measures (primary)"
    assert pieces.listed(["a", "b"], "zh") == "a；b"
    assert pieces.listed(["a", "b"], "en") == "a; b"
    assert pieces.colon("zh") == "：" and pieces.colon("en") == ": "


def test_fill_missing_writes_every_empty_cell_in_the_language_and_keeps_the_frame():
    frame = pd.DataFrame({"year": [2022.0, None], "name": ["a", None], "url": [None, "https://x.cn"], "n": [1, 2]})
    for lang in ("zh", "en"):
        shown = pieces.fill_missing(frame, lang, links=["url"])
        assert shown["year"].tolist() == ["2022", t("word.missing", lang)]
        assert shown["name"].tolist() == ["a", t("word.missing", lang)]
        assert shown["url"].tolist() == ["", "https://x.cn"]  # a link column never links to the dash
        assert shown["n"].tolist() == [1, 2]  # a full column keeps its type
        assert not shown.isna().any().any()
    assert frame["year"].isna().sum() == 1 and frame["name"].isna().sum() == 1  # the frame itself is untouched
    assert t("word.missing", "en") == "—"


def test_sentences_run_together_as_each_language_writes_them_and_drop_empty_parts():
    assert pieces.sentences(["甲。", "", None, "乙。"], "zh") == "甲。乙。"
    assert pieces.sentences(["One.", None, "Two.", ""], "en") == "One. Two."
    assert pieces.sentences([], "en") == ""
