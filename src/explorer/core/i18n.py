"""Every visible string of the app, in Chinese and English, read once from the catalogue files.

The text lives in `explorer/core/catalogue/<lang>/` (see its README): one TOML file per page area, and a
Markdown file per long paragraph. A string is a key's text, or (English) its plural forms `one` and
`other`, picked by the `count` passed to `t()`.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
LANG_LABELS = {"zh": "中文", "en": "English"}
PLURAL_FORMS = ("one", "other")

# One language's catalogue: key -> text, or key -> {plural form: text}.
Catalogue = dict[str, str | dict[str, str]]


def _check_entry(key: str, entry: object, where: str) -> str | dict[str, str]:
    """Return a TOML value if it is a text or a table of plural forms; fail loudly naming the file otherwise."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and set(entry) == set(PLURAL_FORMS) and all(isinstance(v, str) for v in entry.values()):
        return entry
    raise ValueError(f"{where}: {key!r} must be a text or a table of the plural forms {PLURAL_FORMS}")


def _add(catalogue: Catalogue, key: str, entry: str | dict[str, str], where: str) -> None:
    if key in catalogue:
        raise ValueError(f"{where}: the key {key!r} is defined twice in this language")
    catalogue[key] = entry


def _prose(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    """Return (key, file) per Markdown file below `folder`: methods/channel.dc.body.md is methods.channel.dc.body."""
    found = []
    for item in folder.iterdir():
        if item.is_dir():
            found += _prose(item, f"{prefix}{item.name}.")
        elif item.name.endswith(".md"):
            found.append((prefix + item.name.removesuffix(".md"), item))
    return found


def load(root: Traversable) -> dict[str, Catalogue]:
    """Read every language's TOML and Markdown files under `root` into one catalogue per language."""
    catalogues: dict[str, Catalogue] = {}
    for lang in LANGS:
        catalogue: Catalogue = {}
        folder = root / lang
        for item in sorted(folder.iterdir(), key=lambda item: item.name):
            if item.name.endswith(".toml"):
                where = f"{lang}/{item.name}"
                for key, entry in tomllib.loads(item.read_text(encoding="utf-8")).items():
                    _add(catalogue, key, _check_entry(key, entry, where), where)
            elif item.is_dir():
                for key, path in _prose(item, f"{item.name}."):
                    _add(catalogue, key, path.read_text(encoding="utf-8").rstrip(), f"{lang}/{item.name}")
        catalogues[lang] = catalogue
    return catalogues


CATALOGUE = files("explorer.core") / "catalogue"
_CATALOGUES = load(CATALOGUE)


def t(key: str, lang: str, /, **values: object) -> str:
    """Return the string for `key` in `lang` (zh or en), formatted with `values`.

    A string with plural forms needs `count`: the `one` form for 1 (or -1), `other` for any other number.
    """
    try:
        entry = _CATALOGUES[lang][key]
    except KeyError:
        if lang not in _CATALOGUES:
            raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}") from None
        raise
    if not isinstance(entry, str):
        if "count" not in values:
            raise TypeError(f"{key!r} has plural forms in {lang}: pass count=")
        entry = entry["one" if values["count"] in (1, -1) else "other"]
    return entry.format(**values) if values else entry


def keys(lang: str = DEFAULT_LANG) -> frozenset[str]:
    """Return every key of the catalogue in `lang`."""
    return frozenset(_CATALOGUES[lang])


def has(key: str) -> bool:
    """Return whether `key` has a string in every language (for labels that fall back to a code)."""
    return all(key in _CATALOGUES[lang] for lang in LANGS)
