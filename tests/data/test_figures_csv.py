"""Data checks for data/figures.csv against the source paper.

Every check collects its problems into a list and fails once, printing all of them.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from explorer import ROOT
from explorer.core import vocab

DATA = ROOT / "data"
PAPER_PATH = DATA / "paper" / "shenzhen-digital-economy-2024.zh.txt"
FIGURES_PATH = DATA / "figures.csv"
UNITS_PATH = DATA / "units.csv"

COLUMNS = [
    "id",
    "section",
    "kind",
    "metric_zh",
    "metric_en",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "year",
    "quote_zh",
    "quote_en",
    "note_en",
    "ref",
]
KINDS = {"status", "bottleneck", "target", "rank"}
QUALIFIERS = set(vocab.QUALIFIERS)
SECTIONS = ["0"] + [f"1.{i}" for i in range(1, 6)] + [f"2.{i}" for i in range(1, 6)] + [f"3.{i}" for i in range(1, 9)]
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Small explicit table of Chinese renderings of numbers the paper writes in words.
CN_NUMERALS = {
    1: ["一"],
    2: ["二", "两"],
    3: ["三"],
    4: ["四"],
    5: ["五"],
    6: ["六"],
    7: ["七"],
    8: ["八"],
    9: ["九"],
    10: ["十"],
    12: ["十二"],
}
# Chinese numerals only count when tied to a classifier (十二个, 两年) ...
CN_CLASSIFIERS = "个家年项名位倍种"
# ... or when they form a fraction written out in words (stored as a % with 2 decimals).
CN_FRACTIONS = {16.67: ["六分之一"], 50.0: ["一半"]}
# Rank 1 is written 首位 / 榜首 in the paper.
RANK_ONE = ["首位", "榜首", "第一"]
# Leading 一 is elided before a magnitude unit: 近万亿元 == 近 1 万亿元.
MAGNITUDE_CHARS = "十百千万亿"


def strip_ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def paper() -> str:
    return PAPER_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def paper_flat(paper: str) -> str:
    return strip_ws(paper)


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return pd.read_csv(FIGURES_PATH, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def unit_zh(df: pd.DataFrame) -> dict[str, str]:
    """Map figure id -> its unit as the paper prints it (units.csv label_zh); a code without a row maps to ''."""
    units = pd.read_csv(UNITS_PATH, dtype=str, keep_default_na=False, encoding="utf-8").set_index("code")
    return {fid: units["label_zh"].get(code, "") for fid, code in zip(df["id"], df["unit"])}


def split_sections(paper: str) -> dict[str, str]:
    """Map section code -> whitespace-stripped text.

    `0` is everything before 一、; top-level headings are 一、二、三、 at line start;
    sub-headings are （一）… or (一)… (the file mixes full- and half-width brackets).
    Footnotes (lines starting with ①…) are moved to the section holding their ^① marker.
    The reference list (参考文献) ends the last section.
    """
    sections: dict[str, list[str]] = {"0": []}
    footnotes: dict[str, str] = {}
    top = 0
    current = "0"
    top_re = re.compile(r"^([一二三])、")
    sub_re = re.compile(r"^[（(]\s*([一二三四五六七八])\s*[）)]")
    for line in paper.splitlines():
        s = line.strip()
        if s.startswith("参考文献"):
            break
        fn = re.match(r"^([①②③④⑤⑥⑦⑧⑨])", s)
        if fn:
            footnotes[fn.group(1)] = s
            continue
        m = top_re.match(s)
        if m:
            top = CN_DIGITS[m.group(1)]
            current = f"{top}.0"
            sections.setdefault(current, [])
            sections[current].append(s)
            continue
        m = sub_re.match(s)
        if m and top:
            current = f"{top}.{CN_DIGITS[m.group(1)]}"
            sections.setdefault(current, [])
        sections.setdefault(current, []).append(s)
    flat = {k: strip_ws("".join(v)) for k, v in sections.items()}
    for mark, text in footnotes.items():
        owner = next((k for k, v in flat.items() if "^" + mark in v), None)
        if owner is not None:
            flat[owner] += strip_ws(text)
    return flat


def fmt_number(x: float) -> str:
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.6f}".rstrip("0").rstrip(".")


def digits_in(rendering: str, text: str) -> bool:
    """Digit rendering occurs in text, not glued to other digits or a decimal point."""
    return re.search(r"(?<![\d.])" + re.escape(rendering) + r"(?![\d]|\.\d)", text) is not None


def number_in_quote(x: float, unit_zh: str, kind: str, quote_flat: str) -> bool:
    if digits_in(fmt_number(x), quote_flat):
        return True
    if x in CN_FRACTIONS and any(f in quote_flat for f in CN_FRACTIONS[x]):
        return True
    if float(x).is_integer():
        n = int(x)
        for cn in CN_NUMERALS.get(n, []):
            if re.search(r"(?<![一二三四五六七八九十两])" + cn + "[" + CN_CLASSIFIERS + "]", quote_flat):
                return True
            if kind == "rank" and ("第" + cn) in quote_flat:
                return True
        if kind == "rank" and n == 1 and any(r in quote_flat for r in RANK_ONE):
            return True
        if n == 1 and unit_zh and unit_zh[0] in MAGNITUDE_CHARS and unit_zh in quote_flat:
            return True
    return False


def report(problems: list[str]) -> None:
    if problems:
        print("\n".join(problems))
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def as_float(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


# --------------------------------------------------------------------------- 1. header / ids


def test_header_and_ids(df: pd.DataFrame) -> None:
    problems: list[str] = []
    if list(df.columns) != COLUMNS:
        problems.append(f"header {list(df.columns)} != {COLUMNS}")
    if len(df) == 0:
        problems.append("no rows")
    dupes = sorted(df.loc[df["id"].duplicated(), "id"].unique())
    if dupes:
        problems.append(f"duplicate ids: {dupes}")
    for i in df["id"]:
        if not (i.isascii() and ID_RE.match(i)):
            problems.append(f"id not snake_case ASCII: {i!r}")
    for col in [
        "section",
        "kind",
        "metric_zh",
        "metric_en",
        "value",
        "unit",
        "qualifier",
        "quote_zh",
        "quote_en",
        "note_en",
    ]:
        if col in df.columns:
            for rid in df.loc[df[col].str.strip() == "", "id"]:
                problems.append(f"{rid}: empty {col}")
    if "metric_en" in df.columns:
        for rid, m in zip(df["id"], df["metric_en"]):
            if not m.isascii():
                problems.append(f"{rid}: metric_en not ASCII: {m!r}")
    report(problems)


# --------------------------------------------------------------------------- 2. enums + sections


def test_kind_qualifier_section(df: pd.DataFrame, paper: str) -> None:
    problems: list[str] = []
    sections = split_sections(paper)
    expected = set(SECTIONS)
    found = {k for k in sections if not k.endswith(".0")}
    if found != expected:
        problems.append(f"paper parsed into sections {sorted(found)}, expected {sorted(expected)}")
    for row in df.itertuples(index=False):
        if row.kind not in KINDS:
            problems.append(f"{row.id}: kind {row.kind!r} not in {sorted(KINDS)}")
        if row.qualifier not in QUALIFIERS:
            problems.append(f"{row.id}: qualifier {row.qualifier!r} not in {sorted(QUALIFIERS)}")
        if row.section not in expected:
            problems.append(f"{row.id}: section {row.section!r} not in scheme")
            continue
        text = sections.get(row.section, "")
        if strip_ws(row.quote_zh) not in text:
            problems.append(f"{row.id}: quote not found inside section {row.section}")
        top = row.section.split(".")[0]
        if top == "3" and row.kind != "target":
            problems.append(f"{row.id}: section 3 rows must be kind=target, got {row.kind}")
        if top == "2" and row.kind != "bottleneck":
            problems.append(f"{row.id}: section 2 rows must be kind=bottleneck, got {row.kind}")
        if top in {"0", "1"} and row.kind not in {"status", "rank"}:
            problems.append(f"{row.id}: section {row.section} rows must be status/rank, got {row.kind}")
        if row.kind == "rank":
            q = strip_ws(row.quote_zh)
            if not ("第" in q or any(r in q for r in RANK_ONE)):
                problems.append(f"{row.id}: rank row but quote has no 第…/首位/榜首")
            if row.unit != "rank":
                problems.append(f"{row.id}: rank rows use the unit rank (位)")
    report(problems)


# --------------------------------------------------------------------------- 3. quotes verbatim


def test_quotes_are_in_paper(df: pd.DataFrame, paper_flat: str) -> None:
    problems = [
        f"{row.id}: quote not in paper: {row.quote_zh[:60]}…"
        for row in df.itertuples(index=False)
        if strip_ws(row.quote_zh) not in paper_flat
    ]
    for row in df.itertuples(index=False):
        q = strip_ws(row.quote_zh)
        if q and q[-1] not in "。；":
            problems.append(f"{row.id}: quote should end at a sentence/clause end (。 or ；)")
    report(problems)


# --------------------------------------------------------------------------- 4. number in quote


def test_value_appears_in_quote(df: pd.DataFrame, unit_zh: dict[str, str]) -> None:
    problems: list[str] = []
    for row in df.itertuples(index=False):
        q = strip_ws(row.quote_zh)
        v = as_float(row.value)
        if v is None:
            problems.append(f"{row.id}: value {row.value!r} is not a number")
            continue
        if not number_in_quote(v, unit_zh[row.id], row.kind, q):
            problems.append(f"{row.id}: value {row.value} not found in quote")
        if row.value_high:
            vh = as_float(row.value_high)
            if vh is None:
                problems.append(f"{row.id}: value_high {row.value_high!r} is not a number")
            elif not number_in_quote(vh, unit_zh[row.id], row.kind, q):
                problems.append(f"{row.id}: value_high {row.value_high} not found in quote")
    report(problems)


def test_number_helper_rejects_absent_numbers() -> None:
    """The helper itself must be able to say no."""
    assert number_in_quote(7.5, "万个", "status", "累计建成5G基站7.5万个")
    assert number_in_quote(12, "个", "status", "瞄准十二个重点领域")
    assert number_in_quote(3, "位", "rank", "位列全国第三")
    assert number_in_quote(1, "位", "rank", "连续两年位居国际10500榜首")
    assert number_in_quote(16.67, "%", "status", "占全国六分之一")
    assert number_in_quote(1, "万亿元", "status", "增加值近万亿元")
    assert not number_in_quote(5, "%", "status", "到2025年")
    assert not number_in_quote(10, "%", "status", "同比增长10.3%")
    assert not number_in_quote(2, "位", "rank", "二是新产业")
    assert not number_in_quote(3, "%", "status", "位列全国第三")


# --------------------------------------------------------------------------- 5. qualifier wording


def test_qualifier_matches_wording(df: pd.DataFrame) -> None:
    problems: list[str] = []
    # 以上 and 以下 include the number (民法典 第1259条): they are at_least / at_most, never more_than / less_than.
    cues = {
        "approx": ["约", "分之"],
        "nearly": ["近"],
        "less_than": ["不足", "小于", "低于"],
        "at_most": ["以下", "不高于", "不超过"],
        "at_least": ["不低于", "不少于", "以上"],
        "more_than": ["超过", "超", "突破"],
        "up_to": ["最高"],
    }
    for row in df.itertuples(index=False):
        q = strip_ws(row.quote_zh)
        if row.qualifier in cues and not any(c in q for c in cues[row.qualifier]):
            problems.append(f"{row.id}: qualifier {row.qualifier} but quote lacks {cues[row.qualifier]}")
        v, vh = as_float(row.value), as_float(row.value_high) if row.value_high else None
        if row.qualifier == "range":
            if vh is None or v is None or not vh > v:
                problems.append(f"{row.id}: range needs value_high > value ({row.value}, {row.value_high!r})")
        elif row.value_high:
            problems.append(f"{row.id}: value_high set on non-range row")
        if row.qualifier == "as_printed" and not any(w in row.note_en.lower() for w in ["printed", "paper says"]):
            problems.append(f"{row.id}: as_printed row must explain the printed form in note_en")
    report(problems)


# --------------------------------------------------------------------------- 6. year


def test_year_in_quote(df: pd.DataFrame) -> None:
    problems: list[str] = []
    for row in df.itertuples(index=False):
        if not row.year:
            continue
        if not re.fullmatch(r"\d{4}", row.year):
            problems.append(f"{row.id}: year {row.year!r} is not a 4-digit integer")
            continue
        if not 2015 <= int(row.year) <= 2030:
            problems.append(f"{row.id}: year {row.year} outside 2015-2030")
        if row.year not in strip_ws(row.quote_zh):
            problems.append(f"{row.id}: year {row.year} not in quote")
    report(problems)


# --------------------------------------------------------------------------- 7. ref


def test_ref_follows_quote(df: pd.DataFrame, paper_flat: str) -> None:
    problems: list[str] = []
    for row in df.itertuples(index=False):
        q = strip_ws(row.quote_zh)
        markers = re.findall(r"\[(\d)\]", q)
        if not row.ref:
            if markers:
                problems.append(f"{row.id}: quote carries ref marker(s) {markers} but ref is empty")
            continue
        if not re.fullmatch(r"[1-8]", row.ref):
            problems.append(f"{row.id}: ref {row.ref!r} not in 1-8")
            continue
        pos = paper_flat.find(q)
        if pos < 0:
            problems.append(f"{row.id}: cannot locate quote to check ref")
            continue
        window = paper_flat[pos : pos + len(q) + 6]
        if f"[{row.ref}]" not in window:
            problems.append(f"{row.id}: [{row.ref}] not inside or right after the quote")
    report(problems)


# --------------------------------------------------------------------------- 8. completeness

# (number as it should render from `value`, kind) pairs that must be covered.
MUST_COVER = [
    ("4", "status"),  # 跨越4万亿元
    ("1", "status"),  # 近万亿元 core value added
    ("30", "status"),  # 占GDP比重超过30%
    ("3", "rank"),  # 位列全国第三
    ("10", "status"),  # 软件竞争力百强 10 家
    ("9", "status"),  # 互联网百强 9 家
    ("10000", "status"),  # 新增10000个5G基站目标
    ("7.5", "status"),  # 5G基站7.5万个
    ("100", "status"),  # 全光工业园区超100家
    ("1", "rank"),  # 榜首 / 首位
    ("2", "status"),  # 连续两年
    ("11", "status"),  # 11万家中小企业上云
    ("70", "status"),  # 超过70%中小企业使用数字化设备
    ("50", "status"),  # 超过50% / 超50亿元
    ("2.48", "status"),  # 电子信息制造业产值
    ("16.67", "status"),  # 六分之一
    ("9983", "status"),  # 软件业务收入
    ("10.3", "status"),  # 同比增长
    ("2", "rank"),  # 第二
    ("12", "status"),  # 12项交易规则 / 十二个重点领域
    ("5", "bottleneck"),  # 国产化率不足5% / 5家双跨平台
    ("70", "bottleneck"),  # 上架率超70%
    ("50", "bottleneck"),  # 一半以上机房超过5年
    ("16", "bottleneck"),  # 16%超过15年
    ("60", "bottleneck"),  # 电力成本最高达60%
    ("30", "bottleneck"),
    ("20", "bottleneck"),
    ("10", "bottleneck"),
    ("3", "bottleneck"),
    ("9", "bottleneck"),
    ("7", "bottleneck"),
    ("51", "bottleneck"),
    ("50", "target"),  # 探索专项
    ("38500", "target"),
    ("1000", "target"),
    ("40", "target"),
    ("8", "target"),
    ("2.1", "target"),
    ("1.25", "target"),
    ("200", "target"),
    ("4.5", "target"),
    ("1500", "target"),
    ("30", "target"),
]
# Counts per (value, kind) where the paper has more than one such figure.
MUST_COUNT = {
    ("12", "status"): 2,  # 12项交易规则, 十二个重点领域
    ("50", "status"): 2,  # 超过50%中小企业, 超50亿元
    ("1", "status"): 2,  # 近万亿元, 突破1亿元
    ("1", "rank"): 2,  # 榜首, 首位
    ("10", "target"): 2,  # 10个标识解析节点, 服务贸易增速超10%
    ("3", "target"): 2,  # 3-5家平台, 3-5个开源社区 (value = low end)
    ("1", "target"): 2,  # 1-2个电竞赛事, 1-2家总部 (value = low end)
}


def test_completeness(df: pd.DataFrame) -> None:
    problems: list[str] = []
    have: dict[tuple[str, str], int] = {}
    for row in df.itertuples(index=False):
        v = as_float(row.value)
        if v is None:
            continue
        key = (fmt_number(v), row.kind)
        have[key] = have.get(key, 0) + 1
    for key in MUST_COVER:
        if have.get(key, 0) < 1:
            problems.append(f"missing figure {key[0]} of kind {key[1]}")
    for key, n in MUST_COUNT.items():
        if have.get(key, 0) < n:
            problems.append(f"expected at least {n} rows with value {key[0]} / {key[1]}, found {have.get(key, 0)}")
    sections_covered = set(df["section"])
    for sec in ["0", "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.5", "3.2", "3.3", "3.5", "3.6", "3.8"]:
        if sec not in sections_covered:
            problems.append(f"no figure recorded for section {sec}")
    if len(df) < 55:
        problems.append(f"only {len(df)} rows; the paper has at least 55 quantitative statements")
    report(problems)


def test_statutory_bounds_are_inclusive(df: pd.DataFrame) -> None:
    """A number the paper bounds with 以上 / 以下 is at least / at most that number, not more / less than it."""
    problems = [
        f"{row.id}: {row.qualifier} for a bound written {word}"
        for row in df.itertuples(index=False)
        for word, strict in (("以上", "more_than"), ("以下", "less_than"))
        if row.qualifier == strict
        and word in strip_ws(row.quote_zh)
        and not any(cue in strip_ws(row.quote_zh) for cue in ("超过", "超", "突破", "不足", "小于", "低于"))
    ]
    report(problems)


def test_every_sentence_has_an_english_translation(df: pd.DataFrame) -> None:
    """quote_en is English (Chinese only inside quotation marks or brackets) and keeps the sentence's figures."""
    han = re.compile(r"[\u4e00-\u9fff]")
    problems = []
    for row in df.itertuples(index=False):
        bare = re.sub(r"“[^”]*”|\([^)]*\)|（[^）]*）", "", row.quote_en)
        if han.search(bare):
            problems.append(f"{row.id}: quote_en has untranslated Chinese: {row.quote_en[:60]}")
        if len(row.quote_en) < len(row.quote_zh) // 2:
            problems.append(f"{row.id}: quote_en looks truncated")
    same = df.groupby("quote_zh")["quote_en"].nunique()
    problems += [f"one sentence, {n} translations: {q[:40]}" for q, n in same.items() if n > 1]
    report(problems)


def test_a_threshold_that_is_not_a_level_says_so_in_its_name(df: pd.DataFrame) -> None:
    """The third walk read "¥4 tn | Shenzhen economic output milestone | current state" on Figures: a mark the
    paper says the digital economy helps carry Shenzhen past (2024 GDP: ¥3.68 tn), read as Shenzhen's output; only
    the note, shown after selecting the row, said "not a reported level"."""
    thresholds = df[df["note_en"].str.contains("not a reported level", na=False)]
    assert not thresholds.empty
    for _, row in thresholds.iterrows():
        assert "not a reported level" in row["metric_en"] and "非实际规模" in row["metric_zh"], row["id"]
