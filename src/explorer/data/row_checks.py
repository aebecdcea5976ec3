"""Row checks the build runs before loading the tables, from their metadata: each problem names its file and line.

A row's first problem is reported: a required cell left empty, then a code outside its list (or a value the
referenced table lacks), then the first of the table's checks (its SQL, run by DuckDB on the row) that fails.
A primary key given twice is reported on its second line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import duckdb
import pandas as pd

from explorer.data.schema import META_SUFFIX, Check, Table

BOOLEANS = ("true", "false")
FIELD = re.compile(r"\{(\w+(?:\.\w+)?)\}")  # {column} or {column.column_of_the_referenced_row}


def _line(index: int) -> int:
    """Return the file line of a 0-based data row (line 1 is the header)."""
    return index + 2


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "none"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _allowed(table: Table, frames: Mapping[str, pd.DataFrame]) -> dict[str, set[str]]:
    """Return column -> the values it may hold: its code list, the referenced column's values, or true/false."""
    allowed: dict[str, set[str]] = {}
    for column in table.columns:
        if column.codes:
            allowed[column.name] = set(column.allowed())
        elif column.references and column.references[0] in frames:
            target, key = column.references
            allowed[column.name] = set(frames[target][key].dropna().astype(str))
        elif column.type == "BOOLEAN":
            allowed[column.name] = set(BOOLEANS)
    return allowed


def _message(check: Check, row: pd.Series, table: Table, frames: Mapping[str, pd.DataFrame]) -> str:
    """Fill a check's message: {column} from the row, {column.other} from the row that column references."""

    def value(match: re.Match) -> str:
        name, _, other = match.group(1).partition(".")
        if not other:
            return _text(row[name])
        target, key = table.column(name).references
        found = frames[target].loc[frames[target][key] == row[name], other]
        return _text(found.iloc[0] if len(found) else None)

    return FIELD.sub(value, check.message)


def _first_failing(con: duckdb.DuckDBPyConnection, table: Table) -> dict[int, Check]:
    """Return frame index -> the first check whose SQL is false on that row (NULL passes, as in a CHECK)."""
    if not table.checks:
        return {}
    cases = " ".join(f"WHEN NOT coalesce(({check.sql}), true) THEN {n}" for n, check in enumerate(table.checks))
    sql = f"SELECT _index, CASE {cases} END AS failed FROM {table.name}"
    try:
        rows = con.execute(f"SELECT * FROM ({sql}) WHERE failed IS NOT NULL").fetchall()
    except duckdb.Error as exc:
        raise ValueError(f"{table.name}{META_SUFFIX}: a check cannot run ({exc})") from exc
    return {index: table.checks[failed] for index, failed in rows}


def _typed_views(con: duckdb.DuckDBPyConnection, tables: tuple[Table, ...], frames: Mapping[str, pd.DataFrame]):
    """Register each frame as a view named after its table, every column cast to its SQL type (NULL if it cannot)."""
    for table in tables:
        frame = frames[table.name]
        con.register(f"_frame_{table.name}", frame.assign(_index=range(len(frame))))
        casts = [
            f'TRY_CAST("{c.name}" AS {c.type}) AS "{c.name}"' if c.name in frame else f'NULL::{c.type} AS "{c.name}"'
            for c in table.columns
        ]
        con.execute(f"CREATE VIEW {table.name} AS SELECT {', '.join(casts)}, _index FROM _frame_{table.name}")


def table_problems(table: Table, frames: Mapping[str, pd.DataFrame], con: duckdb.DuckDBPyConnection) -> list[str]:
    """Return every problem of one table's rows, each as '<file>, line N: <what>'."""
    frame = frames[table.name].reset_index(drop=True)
    required = [c.name for c in table.columns if (c.required or c.name in table.primary_key) and c.name in frame]
    empty = frame[required].isna()
    unknown = pd.DataFrame(
        {column: frame[column].notna() & ~frame[column].astype(str).isin(codes)
         for column, codes in _allowed(table, frames).items() if column in frame},
        index=frame.index,
    )  # fmt: skip
    failing = _first_failing(con, table)
    suspect = empty.any(axis=1) | unknown.any(axis=1) | frame.index.isin(list(failing))
    problems = []
    for index in frame.index[suspect]:
        where = f"{table.source}, line {_line(index)}"
        missing = [column for column in required if empty.at[index, column]]
        unknown_columns = [column for column in unknown.columns if unknown.at[index, column]]
        if missing:
            problems.append(f"{where}: no {', '.join(missing)}")
        elif unknown_columns:
            column = unknown_columns[0]
            problems.append(f"{where}: unknown {column} '{frame.at[index, column]}'")
        else:
            problems.append(f"{where}: {_message(failing[index], frame.loc[index], table, frames)}")
    key = [column for column in table.primary_key if column in frame]
    if key:
        for index in frame.index[frame.duplicated(key)]:
            message = FIELD.sub(lambda match, index=index: _text(frame.at[index, match.group(1)]), table.duplicate)
            problems.append(f"{table.source}, line {_line(index)}: {message}")
    return problems


def problems(tables: tuple[Table, ...], frames: Mapping[str, pd.DataFrame]) -> list[str]:
    """Return every problem of the given tables' rows, table by table in build order."""
    con = duckdb.connect(config={"threads": 1})
    try:
        _typed_views(con, tuple(table for table in tables if table.name in frames), frames)
        return [problem for table in tables if table.name in frames for problem in table_problems(table, frames, con)]
    finally:
        con.close()


def first_problem(tables: tuple[Table, ...], frames: Mapping[str, pd.DataFrame]) -> str | None:
    """Return the first problem in the tables' rows, naming its file and line (and how many more), or None."""
    found = problems(tables, frames)
    if not found:
        return None
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return found[0] + more
