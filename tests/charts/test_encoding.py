"""explorer.charts.encoding: wrapped lines, and the credits every chart carries into an exported image."""

import json
import re

import pytest
import vl_convert

from explorer import charts
from explorer.core.i18n import LANGS, t

SPEC = {"title": {"text": ["A title"]}, "mark": "bar"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("source", charts.CHART_SOURCES)
def test_a_credited_chart_carries_its_title_source_line_and_data_version(source, lang):
    spec = charts.credited(SPEC, source=source, version="0123456789ab", lang=lang)
    assert charts.title_lines(spec["title"]) == ["A title"] and spec["mark"] == "bar"
    credit = "".join(spec["title"]["subtitle"]).replace(" ", "")
    assert t(f"chart.source.{source}", lang).replace(" ", "") in credit
    assert "0123456789ab" in credit
    assert all(len(line) <= charts.encoding.CREDIT_LINE for line in spec["title"]["subtitle"])
    assert SPEC == {"title": {"text": ["A title"]}, "mark": "bar"}  # the caller's spec is left as it was


@pytest.mark.parametrize(("lang", "hollow"), [("en", "hollow = secondary"), ("zh", "空心 = 二手")])
def test_a_saved_statistics_chart_says_what_a_hollow_marker_means(lang, hollow):
    """The third walk: Benchmarks draws a secondary-grade figure as a hollow marker, and the key sat only in a caption
    above the first chart: a saved image or an embed of any other chart did not say what hollow means."""
    credit = "".join(charts.credited(SPEC, source="statistics", version="v", lang=lang)["title"]["subtitle"])
    assert hollow.replace(" ", "") in credit.replace(" ", "")


def test_a_chart_with_an_unknown_source_is_refused():
    with pytest.raises(ValueError, match="unknown chart source"):
        charts.credited(SPEC, source="blog", version="v", lang="en")


def test_a_translators_newline_always_breaks_a_line():
    assert charts.lines("变化从何而来：\n2030 年数字经济核心产业增加值", 40) == [
        "变化从何而来：",
        "2030 年数字经济核心产业增加值",
    ]


def test_a_year_and_its_character_stay_on_one_line():
    """Issue 23: '变化从何而来：2030' / '年数字经济…' broke between a year and 年."""
    lines = charts.lines("变化从何而来：2030 年数字经济核心产业增加值相对基准的变化", 36)
    assert all(not line.endswith("2030") for line in lines), lines
    assert all(len(line) <= 18 for line in lines)


def test_a_chinese_title_leaves_no_character_alone_on_its_last_line():
    """The second walk: Bottlenecks' SME title read '中小企业数字化：出自两段不同原文的比' / '例' on a phone."""
    assert charts.lines("中小企业数字化：出自两段不同原文的比例", 36) == ["中小企业数字化：", "出自两段不同原文的比例"]
    assert charts.lines("一二三四五六七八九十一二三四五六七八九", 36) == ["一二三四五六七八九十", "一二三四五六七八九"]


def test_a_line_never_starts_with_a_pause():
    """A colon just past the width hangs at the line's end ('…增加值：' / '深圳…'), not at the next line's start."""
    lines = charts.title_lines(charts.chart_title("信息传输、软件和信息技术服务业增加值：深圳不低于各城市的概率"))
    assert lines == ["信息传输、软件和信息技术服务业增加值：", "深圳不低于各城市的概率"]


def test_a_latin_word_is_never_cut_and_a_long_compound_breaks_at_its_hyphen():
    # Bottlenecks 2.2's legend on a phone read "Public-institu / tion machine" (the new-user walk, issue 23).
    assert charts.lines("Public-institution machine rooms (share of rooms)", 14) == [
        "Public-",
        "institution",
        "machine rooms",
        "(share of",
        "rooms)",
    ]
    assert charts.lines("long-run running cost", 14) == ["long-run", "running cost"]
    assert charts.lines("Internationalisation", 14) == ["Internationalisation"]


def test_a_chinese_label_that_fills_its_last_line_leaves_no_empty_line():
    assert charts.lines("广东新建/扩建门槛（上架率，是规则不是实测）", 14) == [
        "广东新建/扩建",
        "门槛（上架率，",
        "是规则不是实测）",
    ]


def _drawn_title(title: dict, width: int) -> list[str]:
    """Return a title's lines as Vega draws them in a plot `width` px wide (vl-convert, the app's SVG renderer)."""
    spec = {"title": title, "width": width, "data": {"values": [{"x": 1}]}, "mark": "point"}
    spec["encoding"] = {"x": {"field": "x", "type": "quantitative"}}
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    drawn = svg[svg.index("role-title") :]
    text = drawn[: drawn.index("</text>")]
    return re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text) or [text[text.rindex(">") + 1 :]]  # lines, or one


@pytest.mark.parametrize(
    ("text", "width", "drawn"),
    [
        ("Value added of information transmission, software and IT services", 200, 3),
        ("Value added of information transmission, software and IT services", 350, 2),
        ("Value added of information transmission, software and IT services", 900, 1),
        ("信息传输、软件和信息技术服务业增加值", 200, 2),
        ("信息传输、软件和信息技术服务业增加值", 400, 1),
    ],
)
def test_a_fitted_title_takes_longer_lines_where_the_plot_is_wider(text, width, drawn):
    # Benchmarks' peer panels wrapped their titles at 28 characters even on a 1440 px desktop (the walk, issue 23).
    shown = _drawn_title(charts.fitted_title(text, 28), width)
    assert len(shown) == drawn, shown
    assert "".join(shown).replace(" ", "") == text.replace(" ", "")  # every word drawn, none cut


def test_every_chart_title_takes_longer_lines_on_a_desktop_and_keeps_its_phone_lines():
    """The third walk: at 1440 px Scenarios' titles wrapped as on a phone ("…core industries value" / "added: …")."""
    title = "Digital economy core industries value added: scenario vs baseline (p10–p90 band)"
    fitted = charts.chart_title(title)
    assert charts.title_lines(fitted) == charts.lines(title, charts.encoding.TITLE_LINE)  # what a phone draws
    assert _drawn_title(fitted, 350) == charts.lines(title, charts.encoding.TITLE_LINE)
    assert len(_drawn_title(fitted, 900)) == 1


def test_a_titles_phone_lines_read_back_whatever_its_characters():
    title = 'A "quoted" [1] title ? : (width < 3) that runs on for a while, past one line of forty characters'
    assert charts.title_lines(charts.chart_title(title)) == charts.lines(title, charts.encoding.TITLE_LINE)
    assert charts.title_lines(charts.chart_title("短标题")) == ["短标题"]
