"""Data gateway: the only module that opens the DuckDB file (read-only) and holds the app's SQL."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from explorer.core import settings
from explorer.core.vocab import CITIES, unit_conversions

# The connection type, named here so that modules outside the data layer need not import duckdb.
Connection = duckdb.DuckDBPyConnection

# Read once, at import: DuckDB refuses a second connection to one file with another configuration.
_SETTINGS = settings.current()
# One configuration for every connection: no file or network access, no extensions, settings
# locked, bounded, nothing written to disk.
CONNECTION_CONFIG = {
    "enable_external_access": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
    "threads": _SETTINGS.db_threads,
    "max_memory": _SETTINGS.db_memory,
    # No spilling: a query that outgrows memory fails (and is refused) instead of writing
    # temporary files next to the database (DuckDB's default is `<database>.tmp/`).
    "temp_directory": "",
}
# Tables a user may browse and query; `meta` is shown on the Data page through data_version().
PUBLIC_TABLES = (
    "figures",
    "paper_sections",
    "benchmarks",
    "national",
    "comparability_groups",
    "indicators",
    "units",
    "meta",
    "parameters",
    "outcomes",
    "recommendations",
    "measure_levers",
    "target_status",
)

# Every pair of units that measure the same thing, for converting a source's unit to its indicator's.
_UNIT_CONVERSIONS = [{"from_unit": a, "to_unit": b, "factor": f} for a, b, f in unit_conversions()]


class QueryRefused(Exception):
    """A request for a table that is not public; `code` names the reason for translation."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def connect(db_path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """Return a read-only connection to `db_path` (default: the settings' file); callers take a cursor per query."""
    return duckdb.connect(str(db_path or settings.current().db_path), read_only=True, config=CONNECTION_CONFIG)


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    cursor = con.cursor()
    try:
        return cursor.execute(sql, params or []).df()
    finally:
        cursor.close()


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Return the sources' content hash stored when the file was built."""
    return _frame(con, "SELECT value FROM meta WHERE key = 'content_hash'")["value"].iloc[0]


def figures(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every figure of the paper with its unit's labels and its section titles, in the paper's order."""
    return _frame(
        con,
        """SELECT f.*, u.label_zh AS unit_zh, u.label_en AS unit_en, u.symbol_en AS unit_symbol_en,
                  s.title_zh AS section_title_zh, s.title_en AS section_title_en
           FROM figures f JOIN units u ON u.code = f.unit JOIN paper_sections s ON s.id = f.section
           ORDER BY s.part, string_split(f.section, '.')[2]::INTEGER NULLS FIRST, f.id""",
    )


def sections(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the paper's sections with their text, in reading order."""
    return _frame(
        con,
        """SELECT id, part, title_zh, title_en, text_zh FROM paper_sections
           ORDER BY part, string_split(id, '.')[2]::INTEGER NULLS FIRST""",
    )


def indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the benchmark indicators with how many cities and years each covers."""
    return _frame(
        con,
        """SELECT i.*, count(DISTINCT b.city) AS num_cities, count(b.year) AS num_rows
           FROM indicators i LEFT JOIN benchmarks b ON b.indicator = i.code
           GROUP BY ALL ORDER BY i.code""",
    )


# Benchmark rows in their indicator's unit; rows citing the paper take its value, sentence and qualifier.
_BENCHMARKS_SQL = """WITH factors AS (
       SELECT unnest(?::STRUCT(from_unit VARCHAR, to_unit VARCHAR, factor DOUBLE)[], recursive := true))
   SELECT b.city, b.year, b.indicator,
          coalesce(b.value, f.value) * coalesce(c.factor, 1.0) AS value, i.unit,
          u.label_zh AS unit_zh, u.label_en AS unit_en, u.symbol_en AS unit_symbol_en,
          b.definition, b.definition_zh, b.comparability_group,
          g.label_zh AS group_label_zh, g.label_en AS group_label_en,
          b.status, b.vintage, b.vintage_zh, b.break_before,
          b.grade,
          b.source_title, b.source_url,
          coalesce(f.quote_zh, b.source_quote) AS source_quote,
          b.date_accessed, b.figure_id, coalesce(f.qualifier, b.qualifier) AS qualifier
   FROM benchmarks b
   JOIN indicators i ON i.code = b.indicator
   JOIN units u ON u.code = i.unit
   JOIN comparability_groups g ON g.code = b.comparability_group
   LEFT JOIN figures f ON f.id = b.figure_id
   LEFT JOIN factors c ON c.from_unit = b.unit AND c.to_unit = i.unit
   WHERE (b.unit = i.unit OR c.factor IS NOT NULL) AND ({where})
   ORDER BY b.indicator, b.comparability_group, b.city, b.year, b.status"""


def benchmarks(con: duckdb.DuckDBPyConnection, indicator: str | None = None) -> pd.DataFrame:
    """Return benchmark rows (one indicator, or all) in their indicator's unit, with its and their group's zh/en labels.

    Shenzhen rows that cite the paper take value, sentence and qualifier from the figures table,
    converted from the paper's unit (万亿元, 万个) to the indicator's.
    """
    sql = _BENCHMARKS_SQL.format(where="? IS NULL OR b.indicator = ?")
    return _frame(con, sql, [_UNIT_CONVERSIONS, indicator, indicator])


def national(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return China's national GDP rows (level and real growth) with their unit's and group's zh/en labels.

    Columns as benchmarks() gives them, without city and figure_id (every row has its own value, already in its
    indicator's unit); break_before marks the first year on a census-revised basis. By indicator, group, year.
    """
    return _frame(
        con,
        """SELECT n.year, n.indicator, n.value, i.unit,
                  u.label_zh AS unit_zh, u.label_en AS unit_en, u.symbol_en AS unit_symbol_en,
                  n.definition, n.definition_zh, n.comparability_group,
                  g.label_zh AS group_label_zh, g.label_en AS group_label_en,
                  n.status, n.vintage, n.vintage_zh, n.break_before,
                  n.grade,
                  n.source_title, n.source_url, n.source_quote,
                  n.date_accessed, n.qualifier
           FROM national n
           JOIN indicators i ON i.code = n.indicator
           JOIN units u ON u.code = i.unit
           JOIN comparability_groups g ON g.code = n.comparability_group
           ORDER BY n.indicator, n.comparability_group, n.year""",
    )


def city_series(con: duckdb.DuckDBPyConnection, city: str, indicator: str, group: str) -> pd.DataFrame:
    """Return one city's yearly series of an indicator within one comparability group, oldest first.

    Columns: year, value (in the indicator's unit), unit (code) with unit_zh and unit_symbol_en, qualifier,
    vintage, break_before (true where a new statistical basis starts: do not read the change from the year
    before as growth), grade, source_title, source_url. Years without a published figure have no row.
    """
    sql = _BENCHMARKS_SQL.format(where="b.city = ? AND b.indicator = ? AND b.comparability_group = ?")
    rows = _frame(con, sql, [_UNIT_CONVERSIONS, city, indicator, group])
    columns = [
        "year",
        "value",
        "unit",
        "unit_zh",
        "unit_symbol_en",
        "qualifier",
        "vintage",
        "break_before",
        "grade",
        "source_title",
        "source_url",
    ]
    return rows[columns].sort_values("year").reset_index(drop=True)


def city_series_rows(con: duckdb.DuckDBPyConnection, wanted: dict[str, str]) -> pd.DataFrame:
    """Return every city's series of each {indicator: comparability group} in `wanted`, in the peers' columns."""
    frames = [
        city_series(con, city, indicator, group).assign(
            city=city, indicator=indicator, comparability_group=group, status="observed"
        )
        for indicator, group in wanted.items()
        for city in CITIES
    ]
    return pd.concat(frames, ignore_index=True)


def comparability_groups(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every comparability group: its indicator, status, label, definition and note in zh and en."""
    return _frame(con, "SELECT * FROM comparability_groups ORDER BY indicator, code")


def units(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every unit code with its labels, base and scale, in the order of units.csv."""
    return _frame(con, "SELECT * FROM units ORDER BY rowid")


def outcomes(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the model's outcomes with their labels, target caveats and unit labels, in the model's order."""
    return _frame(
        con,
        """SELECT o.*, u.label_zh AS unit_zh, u.label_en AS unit_en, u.symbol_en AS unit_symbol_en,
                  coalesce(u.short_zh, u.label_zh) AS unit_short_zh, coalesce(u.short_en, u.symbol_en) AS unit_short_en
           FROM outcomes o JOIN units u ON u.code = o.unit ORDER BY o.rowid""",
    )


def parameters(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the model's parameters with their ranges and sources."""
    return _frame(con, "SELECT * FROM parameters ORDER BY id")


def recommendations(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every (measure group, bottleneck) link with both sections' titles, in the paper's order."""
    return _frame(
        con,
        """SELECT r.*, m.title_zh AS measure_title_zh, m.title_en AS measure_title_en,
                  b.title_zh AS bottleneck_title_zh, b.title_en AS bottleneck_title_en
           FROM recommendations r
           JOIN paper_sections m ON m.id = r.measure
           JOIN paper_sections b ON b.id = r.bottleneck
           ORDER BY string_split(r.measure, '.')[2]::INTEGER, string_split(r.bottleneck, '.')[2]::INTEGER""",
    )


def measure_levers(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the scenario levers each measure group implies (value NULL where the paper gives no number)."""
    return _frame(
        con,
        """SELECT * FROM measure_levers
           ORDER BY string_split(measure, '.')[2]::INTEGER, value IS NULL, lever""",
    )


def target_status(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every sourced status of a paper target (value in the target's unit), oldest first per target."""
    return _frame(
        con,
        """SELECT s.* FROM target_status s JOIN figures f ON f.id = s.figure_id
           WHERE f.kind = 'target' ORDER BY s.figure_id, s.as_of""",
    )


def table(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """Return a whole public table; any other name is refused."""
    if name not in PUBLIC_TABLES:
        raise QueryRefused("unknown_table", name)
    return _frame(con, f"SELECT * FROM {name}")


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Return the build's metadata (schema_version, content_hash) as key -> value."""
    frame = _frame(con, "SELECT key, value FROM meta ORDER BY key")
    return dict(zip(frame["key"], frame["value"]))


def columns(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every public table's columns with their SQL types, table by table in column order."""
    return _frame(
        con,
        """SELECT table_name, column_name, data_type, is_nullable = 'YES' AS is_nullable
           FROM information_schema.columns
           WHERE table_schema = 'main' AND list_contains(?, table_name)
           ORDER BY list_position(?, table_name), ordinal_position""",
        [list(PUBLIC_TABLES), list(PUBLIC_TABLES)],
    )
