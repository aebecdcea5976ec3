"""Every table of data/explorer.duckdb, read from its metadata file beside the data (data/<table>.meta.toml).

A metadata file gives a table's title and description (zh/en), primary key, and per column its SQL type,
whether it is required, its code list (a list of explorer.core.vocab or the lever registry, by name), the
column it references and its description (zh/en); then the table's checks (an SQL expression and the message
a failing row gets).
The build makes the DDL and the line-numbered row errors from it, so each rule is written once.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from explorer.core import settings, vocab
from explorer.model import levers

# Bump when a table's columns or constraints change: the app then rebuilds an older file.
SCHEMA_VERSION = 9
META_SUFFIX = ".meta.toml"
# The build's order: a table comes after every table it references. `meta` is written by the build itself.
ORDER: tuple[str, ...] = (
    "paper_sections", "units", "figures", "indicators", "comparability_groups", "benchmarks", "national",
    "parameters", "outcomes", "recommendations", "measure_levers", "target_status", "meta",
)  # fmt: skip
TYPES = ("VARCHAR", "INTEGER", "DOUBLE", "BOOLEAN", "DATE")
LANGS = ("zh", "en")


class MetadataError(ValueError):
    """A metadata file is missing or malformed; the message names the file."""


def code_list(name: str) -> tuple | dict | None:
    """Return the code list a metadata file names: one of explorer.core.vocab's, or the levers' names (LEVER_NAMES)."""
    return getattr(vocab, name, None) if hasattr(vocab, name) else getattr(levers, name, None)


@dataclass(frozen=True)
class Column:
    """One column: SQL type, whether a row must fill it, its code list or referenced column, and its meaning."""

    name: str
    type: str
    required: bool
    description: Mapping[str, str]
    codes: str | None = None
    references: tuple[str, str] | None = None
    built: bool = False  # filled by the build (from the paper or the vocabulary), not read from the CSV

    def allowed(self) -> tuple[str, ...] | None:
        """Return the codes this column may hold (a named code list), or None when any value fits."""
        return tuple(code_list(self.codes)) if self.codes else None


@dataclass(frozen=True)
class Check:
    """A rule every row obeys: an SQL expression over the row, and the message (with {column} fields) when false.

    A check that reads another table cannot be an SQL CHECK constraint (`ddl` false): only the build runs it.
    """

    sql: str
    message: str
    ddl: bool = True


@dataclass(frozen=True)
class Table:
    """One table: its CSV source (None for the build's own), its columns and rules, and what it holds."""

    name: str
    source: str | None
    title: Mapping[str, str]
    description: Mapping[str, str]
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()
    duplicate: str = ""
    provenance: str = ""  # where its rows come from: the paper, public sources, derived ...

    @property
    def numeric(self) -> tuple[str, ...]:
        """Return the columns read as floating-point numbers."""
        return tuple(column.name for column in self.columns if column.type == "DOUBLE")

    @property
    def integer(self) -> tuple[str, ...]:
        """Return the columns read as whole numbers."""
        return tuple(column.name for column in self.columns if column.type == "INTEGER")

    @property
    def ddl(self) -> str:
        """Return the CREATE TABLE statement: types, NOT NULL, code lists, references, key and checks."""
        lines = []
        for column in self.columns:
            parts = [column.name, column.type]
            if column.required and column.name not in self.primary_key:
                parts.append("NOT NULL")
            if column.references:
                parts.append(f"REFERENCES {column.references[0]} ({column.references[1]})")
            if column.codes:
                parts.append(f"CHECK ({column.name} IN {vocab.sql_in(column.allowed())})")
            lines.append(" ".join(parts))
        if self.primary_key:
            lines.append(f"PRIMARY KEY ({', '.join(self.primary_key)})")
        lines += [f"CHECK ({check.sql})" for check in self.checks if check.ddl]
        return f"CREATE TABLE {self.name} (\n    " + ",\n    ".join(lines) + ")"

    def column(self, name: str) -> Column:
        """Return the column called `name`."""
        return next(column for column in self.columns if column.name == name)


def _texts(entry: object, where: str) -> dict[str, str]:
    if not isinstance(entry, dict) or any(not isinstance(entry.get(lang), str) or not entry[lang] for lang in LANGS):
        raise MetadataError(f"{where}: needs a text in zh and en")
    return {lang: " ".join(entry[lang].split()) for lang in LANGS}


def _column(name: str, entry: dict, where: str) -> Column:
    where = f"{where}, column {name}"
    kind = entry.get("type")
    if kind not in TYPES:
        raise MetadataError(f"{where}: type {kind!r} is not one of {TYPES}")
    codes = entry.get("codes")
    if codes is not None and not isinstance(code_list(str(codes)), tuple | dict):
        raise MetadataError(f"{where}: codes {codes!r} is not a code list of explorer.core.vocab or the lever registry")
    references = entry.get("references")
    if references is not None:
        table, _, target = str(references).partition(".")
        if not target:
            raise MetadataError(f"{where}: references {references!r} is not table.column")
        references = (table, target)
    required, built = bool(entry.get("required", False)), bool(entry.get("built", False))
    return Column(name, kind, required, _texts(entry.get("description"), where), codes, references, built)


def read_table(path: Path) -> Table:
    """Return the table a metadata file describes; raise MetadataError naming the file when it is malformed."""
    name = path.name.removesuffix(META_SUFFIX)
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MetadataError(f"{path.name}: cannot be read as TOML ({exc})") from exc
    columns = tuple(_column(column, entry, path.name) for column, entry in meta.get("columns", {}).items())
    names = {column.name for column in columns}
    key = tuple(meta.get("primary_key", ()))
    if not columns or not set(key) <= names:
        raise MetadataError(f"{path.name}: needs columns, and a primary key among them")
    checks = tuple(
        Check(check["sql"], check["message"], bool(check.get("ddl", True)))
        for check in meta.get("checks", [])
        if isinstance(check.get("sql"), str) and isinstance(check.get("message"), str)
    )
    if len(checks) != len(meta.get("checks", [])):
        raise MetadataError(f"{path.name}: every check needs an sql and a message")
    source = None if meta.get("built") else f"{name}.csv"
    return Table(
        name,
        source,
        _texts(meta.get("title"), f"{path.name}, title"),
        _texts(meta.get("description"), f"{path.name}, description"),
        columns,
        key,
        checks,
        meta.get("duplicate", "/".join(f"{{{column}}}" for column in key) + " is listed twice"),
        str(meta.get("provenance", "")),
    )


def described(data_dir: Path | None = None) -> tuple[Table, ...]:
    """Return every table of the database, the build's own `meta` included, in build order."""
    data_dir = data_dir or settings.DEFAULTS.data_dir
    return tuple(read_table(data_dir / f"{name}{META_SUFFIX}") for name in ORDER)


def tables(data_dir: Path | None = None) -> tuple[Table, ...]:
    """Return the tables built from a CSV source, in build order."""
    return tuple(table for table in described(data_dir) if table.source)


DESCRIBED: tuple[Table, ...] = described()
TABLES: tuple[Table, ...] = tuple(table for table in DESCRIBED if table.source)
BY_NAME: dict[str, Table] = {table.name: table for table in DESCRIBED}
