"""Downloads: tables as CSV and Parquet bytes, and query results made safe to display."""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Mapping

import pandas as pd
import pyarrow as pa

# UTF-8 with a byte-order mark: Excel then opens the Chinese text correctly; pandas, R and
# DuckDB read it as plain UTF-8.
CSV_ENCODING = "utf-8-sig"


# A spreadsheet reads a cell that begins with one of these as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(…)`),
# or, after a tab, CR or LF it drops, as one: OWASP's CSV-injection list, plus LF.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# RFC 4180's line ending: the CSV writer then quotes every cell holding a CR or an LF, so none starts a row.
LINE_END = "\r\n"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return a frame as CSV bytes (UTF-8 with BOM, no index, CRLF rows) that a spreadsheet opens without formulas.

    Every download of the app goes through here: text cells and headers that begin with =, +, -, @, a tab,
    CR or LF get a leading apostrophe (so Excel shows them as text); numbers, negative ones included, stay
    numbers; a cell holding a line break is quoted.
    """
    return neutralised(frame).to_csv(index=False, lineterminator=LINE_END).encode(CSV_ENCODING)


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with each text cell and header that a spreadsheet would read as a formula prefixed with '."""
    safe = frame.rename(columns=_neutral_cell)
    for column in range(safe.shape[1]):
        cells = safe.iloc[:, column]
        if pd.api.types.is_object_dtype(cells) or pd.api.types.is_string_dtype(cells):
            # Cell by cell, not Series.map, which would turn a column of integers and blanks into floats.
            safe.isetitem(
                column, pd.Series([_neutral_cell(cell) for cell in cells], index=cells.index, dtype=cells.dtype)
            )
    return safe


def _neutral_cell(cell: object) -> object:
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """Return a frame as Parquet bytes (no index)."""
    buffer = io.BytesIO()
    arrow_safe(frame).to_parquet(buffer, index=False)
    return buffer.getvalue()


def parquet_zip(tables: Mapping[str, pd.DataFrame], meta: Mapping[str, str]) -> bytes:
    """Return a zip with one `<table>.parquet` per table and the build's metadata as `meta.json`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.parquet", parquet_bytes(frame))
        archive.writestr("meta.json", json.dumps(dict(meta), indent=2, sort_keys=True) + "\n")
    return buffer.getvalue()


def arrow_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with every column Arrow cannot convert (e.g. DuckDB MAPs) turned into text."""
    unsafe = []
    for column in [name for name in frame.columns if pd.api.types.is_object_dtype(frame[name])]:
        try:
            pa.array(frame[column], from_pandas=True)
        except (pa.ArrowException, TypeError, ValueError):
            unsafe.append(column)
    if not unsafe:
        return frame
    safe = frame.copy()
    for column in unsafe:
        safe[column] = safe[column].map(lambda cell: cell if _is_missing(cell) else str(cell))
    return safe


def _is_missing(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and math.isnan(cell))


def file_name(page: str, *parts: str, lang: str, extension: str) -> str:
    """Return a download's file name by the one rule of every page whose file is in the reader's language: the app,
    the page, what was compared, the language, e.g. shenzhen-benchmarks-core_va-en.csv (issue 23 item 8).

    The Data page's files are the database's own tables, the same in both languages, so they carry no language.
    """
    return f"{'-'.join(part for part in ('shenzhen', page, *parts, lang) if part)}.{extension}"
