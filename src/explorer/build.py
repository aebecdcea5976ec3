"""Build data/explorer.duckdb from the CSV sources: `python -m explorer.build`."""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from explorer import derived_status, row_checks, settings
from explorer.paper import split_sections
from explorer.vocab import (
    BENCHMARK_STATUSES,
    BOTTLENECKS,
    CITIES,
    FIGURE_KINDS,
    LINK_STRENGTHS,
    MEASURES,
    NUMBER_QUALIFIERS,
    PARAMETER_GRADES,
    POLICY_LEVERS,
    QUALIFIERS,
    SOURCE_GRADES,
    STATUS_BASES,
    UNITS,
    sql_in,
)

# Bump when a table's columns or constraints change: the app then rebuilds an older file.
SCHEMA_VERSION = 6


@dataclass(frozen=True)
class Table:
    """One table: its CSV source, its DDL and the columns read as numbers."""

    name: str
    source: str
    ddl: str
    numeric: tuple[str, ...] = ()
    integer: tuple[str, ...] = ()


TABLES: tuple[Table, ...] = (
    Table(
        "paper_sections",
        "paper_sections.csv",
        """CREATE TABLE paper_sections (
            id VARCHAR PRIMARY KEY,
            part INTEGER NOT NULL,
            title_zh VARCHAR NOT NULL,
            title_en VARCHAR NOT NULL,
            text_zh VARCHAR NOT NULL)""",
        integer=("part",),
    ),
    # Units: labels from units.csv; base and scale added from explorer.vocab.UNITS, so SQL can convert.
    Table(
        "units",
        "units.csv",
        f"""CREATE TABLE units (
            code VARCHAR PRIMARY KEY CHECK (code IN {sql_in(UNITS)}),
            label_zh VARCHAR NOT NULL,
            label_en VARCHAR NOT NULL,
            symbol_en VARCHAR NOT NULL, short_zh VARCHAR, short_en VARCHAR,
            base VARCHAR NOT NULL,
            scale DOUBLE NOT NULL CHECK (scale > 0))""",
    ),
    Table(
        "figures",
        "figures.csv",
        f"""CREATE TABLE figures (
            id VARCHAR PRIMARY KEY,
            section VARCHAR NOT NULL REFERENCES paper_sections (id),
            kind VARCHAR NOT NULL CHECK (kind IN {sql_in(FIGURE_KINDS)}),
            metric_zh VARCHAR NOT NULL,
            metric_en VARCHAR NOT NULL,
            value DOUBLE NOT NULL,
            value_high DOUBLE,
            unit VARCHAR NOT NULL REFERENCES units (code),
            qualifier VARCHAR NOT NULL CHECK (qualifier IN {sql_in(QUALIFIERS)}),
            year INTEGER,
            quote_zh VARCHAR NOT NULL,
            quote_en VARCHAR NOT NULL,
            note_en VARCHAR,
            ref INTEGER,
            CHECK (value_high IS NULL OR value_high >= value))""",
        numeric=("value", "value_high"),
        integer=("year", "ref"),
    ),
    Table(
        "indicators",
        "indicators.csv",
        """CREATE TABLE indicators (
            code VARCHAR PRIMARY KEY,
            label_zh VARCHAR NOT NULL,
            label_en VARCHAR NOT NULL,
            unit VARCHAR NOT NULL REFERENCES units (code),
            description_en VARCHAR,
            description_zh VARCHAR,
            higher_is_better BOOLEAN)""",
    ),
    # Comparability groups: what a group's rows measure, as their sources state it; targets and
    # observations never share one. A note says why a comparison within the group is not like-for-like.
    Table(
        "comparability_groups",
        "comparability_groups.csv",
        f"""CREATE TABLE comparability_groups (
            code VARCHAR PRIMARY KEY,
            indicator VARCHAR NOT NULL REFERENCES indicators (code),
            status VARCHAR NOT NULL CHECK (status IN {sql_in(BENCHMARK_STATUSES)}),
            label_zh VARCHAR NOT NULL,
            label_en VARCHAR NOT NULL,
            definition_zh VARCHAR NOT NULL,
            definition_en VARCHAR NOT NULL,
            note_zh VARCHAR,
            note_en VARCHAR,
            CHECK ((note_zh IS NULL) = (note_en IS NULL)))""",
    ),
    Table(
        "benchmarks",
        "benchmarks.csv",
        f"""CREATE TABLE benchmarks (
            city VARCHAR NOT NULL CHECK (city IN {sql_in(CITIES)}),
            year INTEGER NOT NULL,
            indicator VARCHAR NOT NULL REFERENCES indicators (code),
            value DOUBLE,
            qualifier VARCHAR CHECK (qualifier IN {sql_in(NUMBER_QUALIFIERS)}),
            unit VARCHAR NOT NULL REFERENCES units (code),
            definition VARCHAR NOT NULL,
            definition_zh VARCHAR NOT NULL,
            comparability_group VARCHAR NOT NULL REFERENCES comparability_groups (code),
            status VARCHAR NOT NULL CHECK (status IN {sql_in(BENCHMARK_STATUSES)}),
            vintage VARCHAR NOT NULL,
            vintage_zh VARCHAR NOT NULL,
            -- true on the first row of a new statistical basis (a census revision): no line joins it to earlier years
            break_before BOOLEAN NOT NULL,
            source_title VARCHAR NOT NULL,
            source_url VARCHAR NOT NULL,
            source_quote VARCHAR NOT NULL,
            grade VARCHAR NOT NULL CHECK (grade IN {sql_in(SOURCE_GRADES)}),
            date_accessed DATE NOT NULL,
            figure_id VARCHAR REFERENCES figures (id),
            PRIMARY KEY (city, year, indicator, comparability_group),
            CHECK ((value IS NULL) <> (figure_id IS NULL)),
            -- a row citing the paper takes the figure's qualifier; every other row states its own
            CHECK ((qualifier IS NULL) = (figure_id IS NOT NULL)))""",
        numeric=("value",),
        integer=("year",),
    ),
    Table(
        "parameters",
        "parameters.csv",
        f"""CREATE TABLE parameters (
            id VARCHAR PRIMARY KEY,
            label_zh VARCHAR NOT NULL,
            label_en VARCHAR NOT NULL,
            unit VARCHAR NOT NULL REFERENCES units (code),
            low DOUBLE NOT NULL,
            central DOUBLE NOT NULL,
            high DOUBLE NOT NULL,
            grade VARCHAR NOT NULL CHECK (grade IN {sql_in(PARAMETER_GRADES)}),
            source_title VARCHAR,
            source_url VARCHAR,
            source_quote VARCHAR,
            rationale VARCHAR,
            rationale_zh VARCHAR,
            CHECK ((rationale IS NULL) = (rationale_zh IS NULL)),
            CHECK (low <= central AND central <= high))""",
        numeric=("low", "central", "high"),
    ),
    # The model's outcomes (explorer.model.INDICATORS). An outcome that is also a city indicator has
    # no labels of its own in outcomes.csv: the build copies the indicator's, so each concept has one label.
    Table(
        "outcomes",
        "outcomes.csv",
        """CREATE TABLE outcomes (
            code VARCHAR PRIMARY KEY,
            unit VARCHAR NOT NULL REFERENCES units (code),
            label_zh VARCHAR NOT NULL,
            label_en VARCHAR NOT NULL,
            target_caveat_zh VARCHAR,
            target_caveat_en VARCHAR,
            CHECK ((target_caveat_zh IS NULL) = (target_caveat_en IS NULL)))""",
    ),
    # Recommendations: which measure group (3.x) answers which bottleneck (2.x), with the clause that says so.
    Table(
        "recommendations",
        "recommendations.csv",
        f"""CREATE TABLE recommendations (
            measure VARCHAR NOT NULL REFERENCES paper_sections (id)
                CHECK (measure IN {sql_in(MEASURES)}),
            bottleneck VARCHAR NOT NULL REFERENCES paper_sections (id)
                CHECK (bottleneck IN {sql_in(BOTTLENECKS)}),
            strength VARCHAR NOT NULL CHECK (strength IN {sql_in(LINK_STRENGTHS)}),
            quote_zh VARCHAR NOT NULL,
            quote_en VARCHAR NOT NULL,
            rationale_en VARCHAR NOT NULL,
            rationale_zh VARCHAR NOT NULL,
            PRIMARY KEY (measure, bottleneck))""",
    ),
    # The scenario levers a measure group speaks to; value NULL where the paper gives no number.
    Table(
        "measure_levers",
        "measure_levers.csv",
        f"""CREATE TABLE measure_levers (
            measure VARCHAR NOT NULL REFERENCES paper_sections (id)
                CHECK (measure IN {sql_in(MEASURES)}),
            lever VARCHAR NOT NULL CHECK (lever IN {sql_in(POLICY_LEVERS)}),
            value DOUBLE CHECK (value IS NULL OR value >= 0),
            quote_zh VARCHAR NOT NULL,
            quote_en VARCHAR NOT NULL,
            rationale_en VARCHAR NOT NULL,
            rationale_zh VARCHAR NOT NULL,
            PRIMARY KEY (measure, lever),
            CHECK (lever <> 'dc_pue' OR value BETWEEN 1 AND 3),
            CHECK (lever NOT IN ('xc_share', 'dc_util_gate') OR value <= 100))""",
        numeric=("value",),
    ),
    # Targets tracker: the latest sourced status of a paper target, in the target's own unit.
    Table(
        "target_status",
        "target_status.csv",
        f"""CREATE TABLE target_status (
            figure_id VARCHAR NOT NULL REFERENCES figures (id),
            as_of VARCHAR NOT NULL
                CHECK (regexp_full_match(as_of, '\\d{{4}}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?')),
            value DOUBLE NOT NULL CHECK (value >= 0),
            qualifier VARCHAR NOT NULL CHECK (qualifier IN {sql_in(NUMBER_QUALIFIERS)}),
            definition VARCHAR NOT NULL,
            definition_zh VARCHAR NOT NULL,
            source_title VARCHAR,
            source_url VARCHAR CHECK (regexp_full_match(source_url, 'https?://\\S+')),
            source_quote VARCHAR,
            grade VARCHAR NOT NULL CHECK (grade IN {sql_in(SOURCE_GRADES)}),
            date_accessed DATE NOT NULL,
            basis VARCHAR NOT NULL CHECK (basis IN {sql_in(STATUS_BASES)}),
            inputs VARCHAR,
            PRIMARY KEY (figure_id, as_of),
            -- a reported status has its own source; a derived one has inputs (rows of benchmarks) instead
            CHECK ((basis = 'derived') = (inputs IS NOT NULL)),
            CHECK (basis = 'derived' OR (source_title IS NOT NULL AND source_url IS NOT NULL
                                         AND source_quote IS NOT NULL)),
            CHECK (basis = 'reported' OR (source_title IS NULL AND source_url IS NULL AND source_quote IS NULL)))""",
        numeric=("value",),
    ),
)


class BuildError(Exception):
    """A source file is missing or does not fit its table; the message says which and why."""


def source_files(data_dir: Path | None = None) -> list[Path]:
    """Return every file the database is built from, in a fixed order."""
    data_dir = data_dir or settings.current().data_dir
    return [data_dir / table.source for table in TABLES] + [data_dir / settings.current().paper_file]


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
    frame = frame.map(lambda cell: cell.strip() if isinstance(cell, str) else cell)
    frame = frame.replace("", None)
    for column in table.numeric + table.integer:
        if column not in frame:
            raise BuildError(f"{table.source}: column '{column}' is missing")
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


def _with_scales(units: pd.DataFrame) -> pd.DataFrame:
    missing = sorted(set(UNITS) - set(units["code"]))
    if missing:
        raise BuildError(f"units.csv: no row for the unit codes {missing}")
    # A code the vocabulary does not know gets no base and fails the table's CHECK, naming the file.
    units["base"] = [UNITS[code].base if code in UNITS else None for code in units["code"]]
    units["scale"] = [UNITS[code].scale if code in UNITS else None for code in units["code"]]
    return units


def _with_indicator_labels(outcomes: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    labels = indicators.set_index("code")[["label_zh", "label_en"]]
    shared = outcomes["code"].isin(labels.index)
    twice = outcomes.loc[shared & (outcomes["label_zh"].notna() | outcomes["label_en"].notna()), "code"]
    if not twice.empty:
        raise BuildError(f"outcomes.csv: {list(twice)} are city indicators; their labels live in indicators.csv")
    for column in ("label_zh", "label_en"):
        outcomes.loc[shared, column] = outcomes.loc[shared, "code"].map(labels[column])
    return outcomes


def _insert(con: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame) -> None:
    columns = [row[0] for row in con.execute(f"DESCRIBE {table.name}").fetchall()]
    missing = [column for column in columns if column not in frame]
    extra = [column for column in frame if column not in columns]
    if missing or extra:
        raise BuildError(f"{table.source}: columns differ from the schema (missing {missing}, unexpected {extra})")
    con.register("source_frame", frame[columns])
    try:
        con.execute(f"INSERT INTO {table.name} SELECT * FROM source_frame")
    except duckdb.Error as exc:
        raise BuildError(f"{table.source}: {str(exc).splitlines()[0]}") from exc
    finally:
        con.unregister("source_frame")


def build(db_path: Path | None = None, data_dir: Path | None = None) -> str:
    """Build the database at `db_path` from `data_dir` (default: the settings') atomically; return the sources hash.

    Raises BuildError for a broken source and OSError when the database's folder cannot be written.
    """
    chosen = settings.current()
    db_path, data_dir = db_path or chosen.db_path, data_dir or chosen.data_dir
    content_hash = sources_hash(data_dir)
    frames = {table.name: read_source(table, data_dir) for table in TABLES}
    frames["paper_sections"] = _with_text(frames["paper_sections"], data_dir)
    frames["units"] = _with_scales(frames["units"])
    frames["outcomes"] = _with_indicator_labels(frames["outcomes"], frames["indicators"])
    problem = row_checks.first_problem(frames)
    if problem:
        raise BuildError(problem)
    try:
        frames["target_status"] = derived_status.with_derived(
            frames["target_status"], frames["benchmarks"], frames["figures"]
        )
    except ValueError as exc:
        raise BuildError(str(exc)) from exc
    handle, tmp_name = tempfile.mkstemp(suffix=".duckdb", dir=db_path.parent)
    os.close(handle)
    tmp_path = Path(tmp_name)
    tmp_path.unlink()
    try:
        con = duckdb.connect(str(tmp_path), config={"threads": 1})
        try:
            for table in TABLES:
                con.execute(table.ddl)
                _insert(con, table, frames[table.name])
            con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [["schema_version", str(SCHEMA_VERSION)], ["content_hash", content_hash]],
            )
            con.execute("CHECKPOINT")
        finally:
            con.close()
        tmp_path.replace(db_path)
    finally:
        tmp_path.unlink(missing_ok=True)
    return content_hash


def main() -> None:
    """Command line: build the database and print its data version."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=settings.current().db_path, help="where to write the DuckDB file")
    args = parser.parse_args()
    try:
        content_hash = build(args.db)
    except BuildError as exc:
        raise SystemExit(f"build failed: {exc}") from exc
    print(f"built {args.db} (data version {content_hash[:12]})")


if __name__ == "__main__":
    main()
