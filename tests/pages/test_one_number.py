"""One number per quantity across pages (issue 23): the same quantity is never printed differently on two pages.

Each test reads the pages as a reader does (AppTest, both languages), finds every printing of one quantity and
holds it to its one source: the model's lever defaults (model.levers), the database's benchmarks and statuses.
"""

import re

import pytest
from apptest import run_page
from loaded import frames

from explorer.core.i18n import LANGS, t
from explorer.model.levers import baseline

_RACKS_A_YEAR = {
    "en": re.compile(r"(\d[\d,]*(?:\.\d+)?)(?: new)?(?: standard)? racks? a year|(\d[\d,]*(?:\.\d+)?) a year"),
    "zh": re.compile(r"每年(?:最多新增)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万)?"),
}
_RACK_WORDS = {"en": ("rack",), "zh": ("机架", "机柜")}
# The "City plan" preset's name (its label before the colon): a sentence naming it gives the plan's pace.
_PLAN = {lang: re.split("[:：]", t("preset.city_plan", lang))[0] for lang in LANGS}


def page_text(page: str, lang: str) -> str:
    """Return every Markdown and caption text of a page in one string."""
    at = run_page(page, lang=lang)
    return "\n".join(element.value for element in [*at.markdown, *at.caption, *at.get("page_link")] if element.value)


def _sentences(text: str, lang: str) -> list[str]:
    return re.split(r"(?<=\.)\s|\n" if lang == "en" else r"[。\n]", text)


def racks_a_year(text: str, lang: str) -> list[float]:
    """Return every number of racks a year printed in sentences about racks (万 read as 10,000); a sentence about
    the city's plan (the "City plan" preset's pace, another quantity) is left out."""
    found = []
    for sentence in _sentences(text, lang):
        if not any(word in sentence.lower() for word in _RACK_WORDS[lang]) or _PLAN[lang] in sentence:
            continue
        for match in _RACKS_A_YEAR[lang].finditer(sentence):
            number, unit = (match.group(1) or match.group(2)), match.group(2) if lang == "zh" else None
            found.append(float(number.replace(",", "")) * (1e4 if unit == "万" else 1))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_default_racks_a_year_is_the_models_on_every_page_that_prints_it(lang):
    """Recommendations printed one number of racks a year while the model's default (Methods, Scenarios) was another."""
    default = baseline().dc_racks
    for page in ("recommendations", "methods"):
        printed = racks_a_year(page_text(page, lang), lang)
        assert printed, page
        assert set(printed) == {default}, (page, printed)


def test_the_racks_reader_finds_the_old_contradiction():
    """The reader above can fail: the note Recommendations used to print is read as 7,000 a year."""
    old_en = "That default spreads the 21,000 over 2023–2025, 7,000 a year, which assumes none of these racks existed."
    assert racks_a_year(old_en, "en") == [7000]
    assert racks_a_year("（该默认值把 2.1 万平摊到 2023–2025 年，即每年 7000 个，相当于假设这类机柜为零。）", "zh") == [
        7000
    ]
    assert racks_a_year("因此基准允许每年最多新增 11.7 万个机架", "zh") == [117000]


@pytest.mark.parametrize("lang", LANGS)
def test_shenzhens_5g_density_on_targets_is_named_on_benchmarks(lang):
    """Benchmarks drew Shenzhen 2021 28.5 as its latest while Targets says 41.2: Benchmarks names the 41.2 too."""
    statuses = frames()["target_status"]
    latest = statuses[statuses["figure_id"] == "target_5g_per_10k"].sort_values("as_of").iloc[-1]
    number = f"{latest['value']:g}"
    assert number in page_text("targets", lang)
    benchmarks = page_text("benchmarks", lang)
    assert f"{number}（{latest['as_of']}" in benchmarks or f"{number} ({latest['as_of']}" in benchmarks
