"""Every table a page shows is in its language: no English interface word on a Chinese page, no Chinese outside
quotes on an English one (tables draw on a canvas, so the browser walk cannot read them; AppTest hands over their
data). Sources' own titles and quotes, links and IDs keep their language (as does a work's title in 《》); the Data
page shows the database's tables as stored, both languages side by side."""

from collections.abc import Callable

import pytest
from apptest import run_page
from language_checks import chinese_outside_quotes, foreign_words, paper_terms

from explorer.core.i18n import t
from explorer.shell.pages import STEMS

PAGES = [stem for stem in STEMS if stem != "data"]
# Columns whose text is a source's own (its title, its quote), a link or an ID: shown in their own language.
OWN_LANGUAGE = (
    "col.id",
    "col.source",
    "col.source_url",
    "col.quote",
    "targets.col.source_quote",
    "recommendations.col.quote",  # the paper's clause; English pages add the translation in a column of its own
)


def tables(page: str, lang: str) -> list:
    at = run_page(page, lang=lang)
    return [frame.value for frame in at.dataframe] + [table.value for table in at.table]


def findings(page: str, lang: str, check: Callable[[str], list[str]]) -> list[str]:
    """Return what `check` finds in the headers and cells of a page's tables, outside the own-language columns."""
    own = {t(key, lang) for key in OWN_LANGUAGE}
    found = []
    for frame in tables(page, lang):
        for column in (column for column in frame.columns if str(column) not in own):
            for text in [str(column), *frame[column].dropna().astype(str).unique()]:
                found += [f"{column}: {item}" for item in check(text)]
    return found


@pytest.mark.parametrize("page", PAGES)
def test_every_table_on_a_chinese_page_is_in_chinese(page):
    terms = paper_terms()
    found = findings(page, "zh", lambda text: foreign_words(text, terms))
    assert found == [], f"English words in the tables of the Chinese {page} page"


@pytest.mark.parametrize("page", PAGES)
def test_every_table_on_an_english_page_is_in_english(page):
    found = findings(page, "en", lambda text: [line[:80] for line in chinese_outside_quotes(text)])
    assert found == [], f"Chinese outside quotes in the tables of the English {page} page"
