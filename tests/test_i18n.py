"""Translations: every key in both languages, placeholders alike, no untranslated copies."""

import re
import string

import pytest

from explorer.i18n import LANGS, forms, keys, t

FIELDS = string.Formatter()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in FIELDS.parse(text) if name}


def test_every_key_has_text_in_both_languages():
    assert keys("zh") == keys("en")
    problems = [
        (key, lang) for lang in LANGS for key in keys(lang) if not all(s.strip() for s in forms(key, lang).values())
    ]
    assert problems == []


def test_placeholders_match_between_languages():
    problems = [
        key
        for key in keys("zh")
        if len({frozenset(_fields(text)) for lang in LANGS for text in forms(key, lang).values()}) != 1
    ]
    assert problems == []


def test_chinese_strings_are_chinese_and_english_strings_are_not():
    han = re.compile(r"[\u4e00-\u9fff]")
    pairs = [(key, forms(key, "zh")["other"], text) for key in keys("zh") for text in forms(key, "en").values()]
    # A label that is the same in both languages (%, EFLOPS, P10) is language-neutral.
    problems = [key for key, zh, en in pairs if not han.search(zh) and zh != en]
    problems += [key for key, zh, en in pairs if han.search(en) and "(" not in en and "（" not in en]
    assert problems == []


@pytest.mark.parametrize("lang", LANGS)
def test_t_formats_values(lang):
    assert "abc123" in t("footer.version", lang, version="abc123")


def test_unknown_language_or_key_fails_loudly():
    with pytest.raises(ValueError):
        t("app.title", "fr")
    with pytest.raises(KeyError):
        t("no.such.key", "zh")
