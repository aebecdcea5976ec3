"""explorer.core.formatting: numbers and units written as a reader writes them (expected strings written by hand)."""

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from loaded import frames

from explorer.core import formatting


@pytest.mark.parametrize(
    ("value", "unit", "lang", "zh", "en", "expected"),
    [
        (32387.68, "yi_yuan", "en", "亿元", "¥ bn", "¥3.239 tn"),  # never "3,238.768 billion yuan"
        (32387.68, "yi_yuan", "zh", "亿元", "¥ bn", "32,387.7 亿元"),
        (0.0, "yi_yuan_cumulative", "en", "亿元（累计）", "¥ bn, cumulative", "¥0 bn, cumulative"),
        (125.0, "yi_yuan_per_year", "en", "亿元/年", "¥ bn per year", "¥12.5 bn per year"),
        (0.8021, "100m_yuan", "en", "亿元", "¥ bn", "¥80.21 m"),
        (1.25, "ratio", "en", "比值", "ratio", "1.25"),
        (1.25, "ratio", "zh", "比值", "ratio", "1.25"),
        (2.5, "10k_base_stations", "en", "万个", "base stations", "25,000 base stations"),
        (2.5, "10k_base_stations", "zh", "万个", "base stations", "2.5 万个"),
        (38.5, "pct", "en", "%", "%", "38.5 %"),
    ],
)
def test_an_amount_is_written_with_its_unit(value, unit, lang, zh, en, expected):
    assert formatting.amount(value, unit, lang, zh, en) == expected


def test_numbers_that_share_an_axis_share_one_unit():
    numbers, unit = formatting.quantity([3000.0, 12000.0], "yi_yuan", "en", "亿元", "¥ bn")
    assert (numbers, unit) == (["0.3", "1.2"], "¥ tn")
    assert formatting.quantity([3000.0, 12000.0], "yi_yuan", "zh", "亿元", "¥ bn") == (["3,000", "12,000"], "亿元")


@pytest.mark.parametrize(
    ("largest", "text", "expected"),
    [
        (9_999.0, "亿元", (1.0, "亿元")),
        (10_000.0, "亿元", (1e4, "万亿元")),
        (-10_000.0, "亿元/年", (1e4, "万亿元/年")),  # a fall of 1 万亿元 is as large as a rise
        (999.9, "¥ bn", (1.0, "¥ bn")),
        (1_000.0, "¥ bn, cumulative", (1e3, "¥ tn, cumulative")),
        (1_000.0, "¥ bn/yr", (1e3, "¥ tn/yr")),
        (5.0, "¥ tn", (1.0, "¥ tn")),  # already the largest word
        (50_000.0, "GWh/年", None),  # no money
        (50_000.0, "people", None),
    ],
)
def test_money_steps_up_to_trillions_at_one_trillion(largest, text, expected):
    assert formatting.money_unit(largest, text) == expected


def test_the_money_table_is_the_units_tables(units):
    """formatting's one money table names what units.csv labels 亿 and 万亿 yuan, in each language."""
    small, large = units.loc["100m_yuan"], units.loc["trillion_yuan"]
    expected = {
        small["label_zh"]: (large["label_zh"], 1e4),  # 1 万亿 = 10,000 亿
        small["symbol_en"]: (large["symbol_en"], 1e3),  # 1 tn = 1,000 bn
    }
    assert expected == formatting.MONEY_UP


def test_the_unit_text_and_factor_of_an_axis():
    assert formatting.shown_unit("yi_yuan", "en", "亿元", "¥ bn") == (0.1, "¥ bn")
    assert formatting.shown_unit("trillion_yuan", "en", "万亿元", "¥ tn") == (1.0, "¥ tn")
    assert formatting.shown_unit("yi_yuan", "zh", "亿元", "¥ bn") == (1.0, "亿元")
    assert formatting.shown_unit("ratio", "en", "比值", "ratio") == (1.0, "")


def test_a_range_and_a_bound_keep_the_yen_sign_before_the_number():
    fig = pd.Series(
        {"value": 3.0, "value_high": 5.0, "unit": "100m_yuan", "unit_zh": "亿元", "unit_symbol_en": "¥ bn"}
        | {"qualifier": "range", "kind": "target"}
    )
    assert formatting.figure_value(fig, "en") == "¥300–500 m"  # below a billion: millions
    assert formatting.figure_value(fig, "zh") == "3–5 亿元"
    bound = fig.copy()
    bound["qualifier"], bound["value"] = "at_least", 20000.0
    assert formatting.figure_value(bound, "en") == "≥ ¥2 tn"


@pytest.mark.parametrize(
    ("qualifier", "lang", "expected"),
    [
        ("more_than", "en", "> 15,000"),
        ("at_least", "zh", "≥ 15,000"),
        ("approx", "en", "≈ 15,000"),
        ("nearly", "zh", "近 15,000"),  # 近: close to it from below, which no sign says
        ("nearly", "en", "nearly 15,000"),
        ("exact", "en", "15,000"),
        ("range", "zh", "15,000"),
        (float("nan"), "en", "15,000"),
    ],
)
def test_a_number_carries_its_qualifier_as_a_sign_or_a_word(qualifier, lang, expected):
    assert formatting.qualified(qualifier, "15,000", lang) == expected


def test_format_number():
    assert formatting.format_number(1234.5) == "1,234.5"
    assert formatting.format_number(float("nan")) == "—"
    assert formatting.format_number(12345678.0) == "12,345,678"


def test_no_interface_string_writes_100_million_yuan():
    """Every catalogue string (prose files too), both languages: yuan as ¥ bn / ¥ tn, never "100 million yuan"."""
    from explorer.core.i18n import CATALOGUE, LANGS, load

    catalogues = load(CATALOGUE)
    texts = [
        (lang, key, text)
        for lang in LANGS
        for key, entry in catalogues[lang].items()
        for text in (entry.values() if isinstance(entry, dict) else [entry])
    ]
    assert len(texts) > 500
    bad = [(lang, key) for lang, key, text in texts if "100 million" in text or "billion yuan" in text.lower()]
    assert not bad, bad


# Untrusted text echoed into Markdown: expected spans written by hand.
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("abc", "`abc`"),
        ("深圳 2025", "`深圳 2025`"),
        ("\r# x\r[l](//ev.il)", "`# x[l](//ev.il)`"),  # CR would end the span and start a heading block
        ("\r\r![](http://h/t.png)", "`![](http://h/t.png)`"),  # CR CR would end the paragraph: a remote image
        ("\n## x\u2028[l](//ev.il)\u2029\x85y", "`## x[l](//ev.il)y`"),
        (":red[x] :material/warning:", "`:red[x] :material/warning:`"),  # Streamlit's directives stay text
        ("$\\href{//ev.il}{x}$", "`$\\href{//ev.il}{x}$`"),  # no KaTeX inside a code span
        ("<img src=x onerror=alert(1)>", "`<img src=x onerror=alert(1)>`"),
        ("\u202egnp.exe\u2066x\u2069\u200f\x00y\t\x7f\x9f", "`gnp.exexy`"),  # bidi controls and every Cc go
        ("a`b", "``a`b``"),  # a longer fence than any run inside: the backtick shows as typed
        ("``x`", "``` ``x` ```"),  # padded: a backtick at an end would join the fence
        ("`", "`` ` ``"),
        (" a ", "`  a  `"),  # CommonMark drops one space at each end of such a span: padded to show both
        ("  ", "`  `"),  # all spaces: nothing is dropped
        ("", "` `"),
        ("x" * 40, "`" + "x" * 40 + "`"),
        ("x" * 41, "`" + "x" * 40 + "…`"),
        ("\r" * 9 + "x" * 40, "`" + "x" * 40 + "`"),  # the limit counts what is shown
    ],
)
def test_untrusted_text_becomes_one_inert_code_span(raw, expected):
    assert formatting.untrusted_code(raw, 40) == expected


CONTROL_LIKE = (
    [chr(code) for code in range(0x20)]
    + [chr(code) for code in range(0x7F, 0xA0)]
    + list("\u2028\u2029\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


@settings(max_examples=300, deadline=None)
@given(
    raw=st.lists(
        st.one_of(st.sampled_from(CONTROL_LIKE), st.sampled_from(list("`# []()!$:<>*_\\ ")), st.text(max_size=4))
    ).map("".join),
    limit=st.integers(1, 60),
)
def test_any_text_shows_as_typed_in_one_code_span(raw, limit):
    span = formatting.untrusted_code(raw, limit)
    fence = re.match("`+", span).group(0)
    inner = span[len(fence) : -len(fence)]
    assert span.endswith(fence) and not inner.startswith("`") and not inner.endswith("`")
    # No run of exactly the fence's length inside (it would close the span early), no line ending or control.
    assert all(len(run) != len(fence) for run in re.findall("`+", inner))
    assert not any(char in CONTROL_LIKE for char in inner)
    # What CommonMark shows: one space dropped at each end when both are spaces and not all are.
    shown = inner[1:-1] if inner[:1] == inner[-1:] == " " and inner.strip(" ") else inner
    kept = "".join(char for char in raw if char not in CONTROL_LIKE)
    assert shown == (kept[:limit] + "…" if len(kept) > limit else kept or " ")


def test_an_english_symbol_that_names_ten_thousand_keeps_the_stored_value():
    """15 万元/架 is '15 10k yuan per rack', not 150,000 of them (issue 23); a written-out symbol still converts."""
    assert formatting.shown_unit("10k_yuan_per_rack", "en", "万元/架", "10k yuan per rack") == (
        1.0,
        "10k yuan per rack",
    )
    assert formatting.shown_unit("10k_base_stations", "en", "万个", "base stations") == (1e4, "base stations")


def test_a_share_the_paper_wrote_as_a_fraction_is_printed_as_that_fraction():
    """The paper's 占全国六分之一 was printed '≈ 16.67 %', a precision the paper never gave (issue 23)."""
    fig = pd.Series(
        {"unit": "pct", "value": 16.67, "qualifier": "approx", "quote_zh": "产值2.48万亿元，占全国六分之一，"}
    )
    assert formatting.figure_value(fig, "zh") == "六分之一"
    assert formatting.figure_value(fig, "en") == "one sixth"
    assert formatting.paper_fraction(pd.Series({**fig, "value": 25.0}), "en") is None  # not the sentence's sixth


def test_every_figure_prints_no_decimal_its_sentence_does_not_have():
    """The paper's figures as the paper wrote them: a printed decimal (2.48, 1.25) is in the figure's own sentence."""
    figures = frames()["figures"]
    problems = []
    for _, fig in figures.iterrows():
        quote = re.sub(r"[,\s]", "", fig["quote_zh"])
        printed = formatting.figure_value(fig, "zh")
        problems += [
            f"{fig['id']}: {printed}" for n in re.findall(r"\d[\d,]*\.\d+", printed) if n.replace(",", "") not in quote
        ]
    assert not problems, problems
