"""The paper's text: sections, page-break joins and whitespace-blind search."""

import pandas as pd
import pytest

from explorer import DATA_DIR, PAPER_PATH
from explorer.core.paper import find_span, split_sections, squash

TEXT = PAPER_PATH.read_text(encoding="utf-8")
TITLES = pd.read_csv(DATA_DIR / "paper_sections.csv", dtype=str).set_index("id")["title_zh"].to_dict()
SECTIONS = split_sections(TEXT, TITLES)


def test_every_leaf_section_has_text_and_parts_only_headings():
    empty = sorted(sid for sid, body in SECTIONS.items() if not body)
    assert empty == ["1", "2", "3"]


def test_sections_keep_every_character_of_the_paper_but_headings():
    headings = "".join(squash(title) for title in TITLES.values())
    body = "".join(squash(text) for text in SECTIONS.values())
    assert len(body) + len(headings) < len(squash(TEXT))
    assert len(squash(TEXT)) - len(body) < len(headings) + 200  # only heading numbering and titles go


@pytest.mark.parametrize(
    ("section", "start", "end"),
    [
        ("0", "深圳数字经济高质量发展研究", "助推国家数字经济创新发展试验区主阵地建设。"),
        ("1.1", "深圳数字经济核心产业规模持续增长", "入围互联网综合实力百强的企业9家。"),
        ("2.2", "算力资源是数字化新事物", "远高于全国平均水平。"),
        ("3.8", "一是加快拓展数字出海新市场", "支持深圳企业积极参与数字经济国际标准和规则制定。"),
    ],
)
def test_section_boundaries(section, start, end):
    body = SECTIONS[section]
    assert body.startswith(start)
    assert body.endswith(end)


def test_page_breaks_inside_a_sentence_are_joined():
    assert "数字经济正成为深圳经济跨越4万亿元的关键力量" in SECTIONS["0"]
    assert "腾讯、平安科技" in SECTIONS["1.1"]


def test_the_front_matter_stays_apart_from_the_text_and_loses_the_ocrs_markdown():
    """The third walk: Figures showed the paragraph of section 0 as "中图分类号: F49 **文献标识码:** A … 03-0082-06习近
    平总书记指出…": the classification line (no full stop) was joined to the first paragraph, its OCR bold kept."""
    paragraphs = SECTIONS["0"].split("\n\n")
    assert "中图分类号: F49 文献标识码: A 文章编号: 1673-5706 (2024) 03-0082-06" in paragraphs
    assert any(paragraph.startswith("习近平总书记指出") for paragraph in paragraphs)
    assert "**" not in "".join(SECTIONS.values())


def test_find_span_ignores_whitespace_and_misses_absent_text():
    text = "目标：立项 50 个以上数字技术探索专项。"
    start, end = find_span(text, "立项50个以上")
    assert text[start:end] == "立项 50 个以上"
    assert find_span(text, "立项60个") is None
    assert find_span(text, "  ") is None
