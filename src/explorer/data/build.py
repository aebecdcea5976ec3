"""Build data/explorer.duckdb from the CSV sources: `python -m explorer.data.build`."""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from explorer.core import settings, vocab
from explorer.core.paper import split_sections
from explorer.data import derived_status, row_checks, schema
from explorer.data import docs as data_docs
from explorer.data.schema import META_SUFFIX, SCHEMA_VERSION, TABLES, Table


class BuildError(Exception):
    """A source file is missing or does not fit its table; the message says which and why."""


def source_files(data_dir: Path | None = None) -> list[Path]:
    """Return every file the database is built from, in a fixed order: each table's metadata and CSV, the paper."""
    data_dir = data_dir or settings.current().data_dir
    files = [data_dir / f"{name}{META_SUFFIX}" for name in schema.ORDER]
    files += [data_dir / table.source for table in TABLES]
    return files + [data_dir / settings.current().paper_file]


def _tables(data_dir: Path) -> tuple[Table, ...]:
    """Return the tables as `data_dir`'s metadata files describe them, the build's own `meta` last."""
    try:
        return schema.described(data_dir)
    except schema.MetadataError as exc:
        raise BuildError(str(exc)) from exc


def sources_hash(data_dir: Path | None = None) -> str:
    """Return the SHA-256 of the schema version and every source file's name and bytes."""
    data_dir = data_dir or settings.current().data_dir
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for path in source_files(data_dir):
        if not path.is_file():
            raise BuildError(f"missing source file: {path.relative_to(data_dir)}")
        digest.update(f"{path.relative_to(data_dir).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_source(table: Table, data_dir: Path = settings.DEFAULTS.data_dir) -> pd.DataFrame:
    """Return a source CSV as typed columns; empty cells become NULL."""
    path = data_dir / table.source
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise BuildError(f"{table.source}: cannot be read as UTF-8 CSV ({exc})") from exc
    expected = [column.name for column in table.columns if not column.built]
    missing, extra = [c for c in expected if c not in frame], [c for c in frame if c not in expected]
    if missing or extra:
        raise BuildError(f"{table.source}: columns differ from its metadata (missing {missing}, unexpected {extra})")
    frame = frame.map(lambda cell: cell.strip() if isinstance(cell, str) else cell)
    frame = frame.replace("", None)
    for column in (c for c in table.numeric + table.integer if c in expected):
        converted = pd.to_numeric(frame[column], errors="coerce")
        bad = frame[column].notna() & converted.isna()
        if bad.any():
            row = int(bad.idxmax()) + 2
            raise BuildError(
                f"{table.source}, line {row}: '{frame.at[bad.idxmax(), column]}' in '{column}' is not a number"
            )
        frame[column] = converted.astype("Int64") if column in table.integer else converted
    return frame


def _with_text(sections: pd.DataFrame, data_dir: Path) -> pd.DataFrame:
    paper = settings.current().paper_file
    try:
        text = (data_dir / paper).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"{paper}: cannot be read as UTF-8 text ({type(exc).__name__})") from exc
    bodies = split_sections(text, dict(zip(sections["id"], sections["title_zh"])))
    sections["text_zh"] = sections["id"].map(bodies)
    return sections


def _with_indicator_labels(outcomes: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    labels = indicators.set_index("code")[["label_zh", "label_en"]]
    shared = outcomes["code"].isin(labels.index)
    twice = outcomes.loc[shared & (outcomes["label_zh"].notna() | outcomes["label_en"].notna()), "code"]
    if not twice.empty:
        raise BuildError(f"outcomes.csv: {list(twice)} are city indicators; their labels live in indicators.csv")
    for column in ("label_zh", "label_en"):
        outcomes.loc[shared, column] = outcomes.loc[shared, "code"].map(labels[column])
    return outcomes


def _with_indicator_unit(benchmarks: pd.DataFrame, indicators: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Add each row's value in its indicator's unit (a row citing the paper takes the figure's value and unit)."""
    cited = benchmarks["figure_id"].map(figures.set_index("id")["value"])
    cited_unit = benchmarks["figure_id"].map(figures.set_index("id")["unit"])
    source_unit = cited_unit.where(benchmarks["figure_id"].notna(), benchmarks["unit"])
    target = benchmarks["indicator"].map(indicators.set_index("code")["unit"])
    factors = pd.Series([vocab.unit_factor(a, b) for a, b in zip(source_unit, target)], index=benchmarks.index)
    if factors.isna().any():
        row = factors.isna().idxmax()
        raise BuildError(
            f"benchmarks.csv, line {row + 2}: unit '{source_unit[row]}' cannot be converted to the unit of "
            f"indicator '{benchmarks.at[row, 'indicator']}' ({target[row]})"
        )
    return benchmarks.assign(indicator_unit=target, value_in_indicator_unit=benchmarks["value"].fillna(cited) * factors)


def _check(tables: tuple[Table, ...], frames: dict[str, pd.DataFrame]) -> None:
    """Raise BuildError with the first row problem of `tables` (file, line, what; and how many more)."""
    try:
        problem = row_checks.first_problem(tables, frames)
    except ValueError as exc:
        raise BuildError(str(exc)) from exc
    if problem:
        raise BuildError(problem)


def _insert(con: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame) -> None:
    columns = [column.name for column in table.columns]
    con.register("source_frame", frame[columns])
    try:
        con.execute(f"INSERT INTO {table.name} SELECT * FROM source_frame")
    except duckdb.Error as exc:
        raise BuildError(f"{table.source or table.name}: {str(exc).splitlines()[0]}") from exc
    finally:
        con.unregister("source_frame")


def build(db_path: Path | None = None, data_dir: Path | None = None) -> str:
    """Build the database at `db_path` from `data_dir` (default: the settings') atomically; return the sources hash.

    Raises BuildError for a broken source and OSError when the database's folder cannot be written.
    """
    chosen = settings.current()
    db_path, data_dir = db_path or chosen.db_path, data_dir or chosen.data_dir
    content_hash = sources_hash(data_dir)
    described = _tables(data_dir)
    sourced = tuple(table for table in described if table.source)
    frames = {table.name: read_source(table, data_dir) for table in sourced}
    frames["paper_sections"] = _with_text(frames["paper_sections"], data_dir)
    frames["outcomes"] = _with_indicator_labels(frames["outcomes"], frames["indicators"])
    # A derived status takes its value from rows of benchmarks: checked once those rows are, and it is computed.
    _check(tuple(table for table in sourced if table.name != "target_status"), frames)
    try:
        frames["target_status"] = derived_status.with_derived(
            frames["target_status"], frames["benchmarks"], frames["figures"]
        )
    except ValueError as exc:
        raise BuildError(str(exc)) from exc
    _check(tuple(table for table in sourced if table.name == "target_status"), frames)
    frames["benchmarks"] = _with_indicator_unit(frames["benchmarks"], frames["indicators"], frames["figures"])
    frames["meta"] = pd.DataFrame(
        {"key": ["schema_version", "content_hash"], "value": [str(SCHEMA_VERSION), content_hash]}
    )
    handle, tmp_name = tempfile.mkstemp(suffix=".duckdb", dir=db_path.parent)
    os.close(handle)
    tmp_path = Path(tmp_name)
    tmp_path.unlink()
    try:
        con = duckdb.connect(str(tmp_path), config={"threads": 1})
        try:
            for table in described:
                con.execute(table.ddl)
                _insert(con, table, frames[table.name])
            con.execute("CHECKPOINT")
        finally:
            con.close()
        tmp_path.replace(db_path)
    finally:
        tmp_path.unlink(missing_ok=True)
    return content_hash


def main() -> None:
    """Command line: build the database and print its data version, or write the data's docs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=settings.current().db_path, help="where to write the DuckDB file")
    parser.add_argument("--docs", action="store_true", help="write docs/data.md and the README's data table instead")
    args = parser.parse_args()
    if args.docs:
        for path in data_docs.write(_tables(settings.current().data_dir)):
            print(f"wrote {path}")
        return
    try:
        content_hash = build(args.db)
    except BuildError as exc:
        raise SystemExit(f"build failed: {exc}") from exc
    print(f"built {args.db} (data version {content_hash[:12]})")


if __name__ == "__main__":
    main()
