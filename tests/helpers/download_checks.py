"""Reading a page's CSV download as a spreadsheet does, against the catalogue files and the database's column names."""

import csv
import io
import re
import tomllib
from functools import cache

from explorer import DATA_DIR, ROOT

CATALOGUE_DIR = ROOT / "src" / "explorer" / "core" / "catalogue"
BOM = b"\xef\xbb\xbf"
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@cache
def catalogue(lang: str) -> dict:
    """Return every key of `lang`'s catalogue as the TOML files write it (read here, not through explorer.core.i18n)."""
    entries: dict = {}
    for path in sorted((CATALOGUE_DIR / lang).rglob("*.toml")):
        entries |= tomllib.loads(path.read_text(encoding="utf-8"))
    return entries


def headers(keys: list[str], lang: str) -> list[str]:
    """Return the catalogue's text of each header key in `lang`."""
    return [catalogue(lang)[key] for key in keys]


def read(data: bytes) -> list[dict[str, str]]:
    """Return a CSV download's rows keyed by header, after checking it starts with the byte-order mark Excel needs."""
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode("utf-8"))))


def header_row(data: bytes) -> list[str]:
    """Return a CSV download's header row as a spreadsheet shows it (after the byte-order mark)."""
    assert data.startswith(BOM)
    return next(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"))))


@cache
def database_codes() -> frozenset[str]:
    """Return every column name of the data CSVs the database is built from (the schema's codes, e.g. quote_zh)."""
    names = set()
    for path in DATA_DIR.rglob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            names |= set(next(csv.reader(handle), []))
    return frozenset(names)
