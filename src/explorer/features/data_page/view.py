"""The Data page's view: table and value labels, filters, console messages, file names and citations."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd
import pyarrow as pa

from explorer.console import service as console
from explorer.core.formatting import untrusted_code
from explorer.core.i18n import has, t
from explorer.data import export, schema

# Columns that get a multiselect filter in whichever table has them.
FACET_COLUMNS = ("section", "city", "kind", "indicator", "grade")
FILE_PREFIX = "shenzhen-digital-economy"
MIME_TYPES = {".csv": "text/csv", ".zip": "application/zip"}  # anything else downloads as raw bytes
MAX_DETAIL_CHARS = 300  # of a DuckDB error message echoed back
# Refusals whose detail is a measure ("3 s", "> 5 MB"), not SQL: shown as text, not as code.
PLAIN_DETAIL_CODES = ("timeout", "too_large")
# How the console's answer shows SQL NULL (st.dataframe's `placeholder`, so numeric columns stay numbers that sort):
# "NULL" in both languages, SQL's own word, since the console speaks SQL and a dash could be a text value of the data.
SQL_NULL = "NULL"
SAMPLES = {
    "figures_by_kind": """-- How many figures of each kind the paper holds
SELECT kind, count(*) AS num_figures
FROM figures
GROUP BY kind
ORDER BY num_figures DESC""",
    "targets_2025": """-- The paper's targets for 2025, with their sentences
SELECT f.id, f.metric_en, f.value, f.value_high, u.label_en AS unit_en, f.qualifier, f.section, f.quote_zh
FROM figures f JOIN units u ON u.code = f.unit
WHERE f.kind = 'target' AND f.year = 2025
ORDER BY f.section, f.id""",
    "benchmarks_sources": """-- Every benchmark with its source (rows citing the paper take its value and sentence)
SELECT b.city, b.year, b.indicator, coalesce(b.value, f.value) AS value, b.unit, b.status, b.grade,
       b.source_title, b.source_url, coalesce(f.quote_zh, b.source_quote) AS quote, b.date_accessed
FROM benchmarks b
LEFT JOIN figures f ON f.id = b.figure_id
ORDER BY b.indicator, b.city, b.year""",
    "gdp_sz_bj": """-- Shenzhen vs Beijing GDP (亿元, i.e. ¥100 m), first releases (one comparability group)
SELECT year,
       max(value) FILTER (WHERE city = 'shenzhen') AS shenzhen,
       max(value) FILTER (WHERE city = 'beijing') AS beijing,
       round(shenzhen / beijing, 3) AS shenzhen_to_beijing
FROM benchmarks
WHERE indicator = 'gdp' AND comparability_group = 'gdp_stats' AND unit = '100m_yuan'
GROUP BY year
ORDER BY year""",
    "assumptions": """-- Scenario-model parameters that rest on an assumption, with the reason given
SELECT id, label_en, unit, low, central, high, rationale
FROM parameters
WHERE grade = 'assumption'
ORDER BY id""",
}
PAPER_BIBTEX = {
    "zh": """@article{yan2024shenzhen,
  author   = {严红梅},
  title    = {深圳数字经济高质量发展研究},
  year     = {2024},
  number   = {3},
  pages    = {82--87},
  language = {chinese},
  note     = {文章编号 1673-5706(2024)03-0082-06},
}""",
    "en": """@article{yan2024shenzhen,
  author     = {Yan, Hongmei},
  title      = {深圳数字经济高质量发展研究},
  titleaddon = {Research on the High-Quality Development of Shenzhen's Digital Economy},
  year       = {2024},
  number     = {3},
  pages      = {82--87},
  language   = {chinese},
  note       = {Author's name in Chinese: 严红梅. Article no. 1673-5706(2024)03-0082-06},
}""",
}


def with_descriptions(
    columns: pd.DataFrame, lang: str, tables: Mapping[str, schema.Table] = schema.BY_NAME
) -> pd.DataFrame:
    """Return the console's list of columns (table_name, column_name, ...) with what each holds, in `lang`."""
    described = {
        (name, column.name): column.description[lang] for name, table in tables.items() for column in table.columns
    }
    keys = zip(columns["table_name"], columns["column_name"])
    return columns.assign(description=[described.get(key, "") for key in keys])


def label_or(key: str, lang: str, fallback: str) -> str:
    """Return the translation of `key`, or `fallback` for a table or value nobody has described yet."""
    return t(key, lang) if has(key) else fallback


def table_title(name: str, lang: str, tables: Mapping[str, schema.Table] = schema.BY_NAME) -> str:
    """Return a table's title from its metadata (data/<table>.meta.toml), or its SQL name if it has none."""
    return tables[name].title[lang] if name in tables else name


def table_label(name: str, lang: str, tables: Mapping[str, schema.Table] = schema.BY_NAME) -> str:
    """Return a table's title followed by its SQL name."""
    return f"{table_title(name, lang, tables)} · {name}"


def table_description(name: str, lang: str, tables: Mapping[str, schema.Table] = schema.BY_NAME) -> str:
    """Return what a table holds, from its metadata, or a note that nobody has described it yet."""
    return tables[name].description[lang] if name in tables else t("data.table.no_desc", lang)


def column_frame(name: str, lang: str, tables: Mapping[str, schema.Table] = schema.BY_NAME) -> pd.DataFrame:
    """Return one row per column of a table: its SQL name, type, whether a row must fill it, and what it holds."""
    columns = tables[name].columns if name in tables else ()
    key = tables[name].primary_key if name in tables else ()
    return pd.DataFrame(
        {
            t("data.columns.name", lang): [column.name for column in columns],
            t("data.columns.type", lang): [column.type for column in columns],
            t("data.columns.required", lang): [column.required or column.name in key for column in columns],
            t("data.columns.description", lang): [column.description[lang] for column in columns],
        }
    )


def value_label(column: str, value: str, lang: str, sections: pd.DataFrame, indicators: pd.DataFrame) -> str:
    """Return the translated label of a facet value (section title, indicator name, city, grade...).

    `sections` and `indicators` are indexed by their id and code.
    """
    if column == "section" and value in sections.index:
        return f"{value} {sections.at[value, f'title_{lang}']}"
    if column == "indicator" and value in indicators.index:
        return f"{indicators.at[value, f'label_{lang}']} · {value}"
    return label_or(f"{column}.{value}", lang, value)


def natural_key(value: str) -> list:
    """Sort '1.10' after '1.9'."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value)]


def facet_columns(frame: pd.DataFrame) -> list[str]:
    """Return the facet columns this table has, in the page's order."""
    return [column for column in FACET_COLUMNS if column in frame.columns]


def facet_options(frame: pd.DataFrame, column: str) -> list[str]:
    """Return a column's distinct values as text, in natural order."""
    return sorted(frame[column].dropna().astype(str).unique(), key=natural_key)


def filter_rows(frame: pd.DataFrame, chosen: Mapping[str, Sequence[str]], text: str) -> pd.DataFrame:
    """Return the rows whose facet values are among the chosen ones and whose text contains `text` (any case)."""
    shown = frame
    for column, values in chosen.items():
        if values:
            shown = shown[shown[column].astype(str).isin(values)]
    if text:
        text_columns = shown.select_dtypes(include=["object", "str", "string"]).columns
        haystack = shown[text_columns].astype(str).where(shown[text_columns].notna(), "").agg(" ".join, axis=1)
        shown = shown[haystack.str.lower().str.contains(text.lower(), regex=False)]
    return shown


def meta_metrics(
    meta: Mapping[str, str], version: str, num_tables: int, num_rows: int, lang: str
) -> list[tuple[str, str, str | None]]:
    """Return the (label, value, help) of the metrics above the tabs: schema, data version, tables, rows."""
    return [
        (t("data.meta.schema", lang), meta.get("schema_version", "—"), None),
        (t("data.meta.version", lang), version[:12], t("data.meta.version_help", lang, hash=version)),
        (t("data.meta.tables", lang), str(num_tables), None),
        (t("data.meta.rows", lang), f"{num_rows:,}", None),
    ]


def refusal_message(code: str, detail: str, lang: str) -> str:
    """Return why a query was not run, in the reader's language, with its detail made inert."""
    key = f"sql.refused.{code}" if has(f"sql.refused.{code}") else "sql.refused.error"
    if detail and code not in PLAIN_DETAIL_CODES:
        detail = untrusted_code(detail, MAX_DETAIL_CHARS)
    return t(key, lang, detail=detail)


def console_state(sql: str, ran: tuple[str, console.Answer] | None) -> str:
    """Return what the console shows: 'answer' (of the query in the editor), 'waiting' (for Run) or 'hint'."""
    if ran is not None and ran[0] == sql:
        return "answer"
    return "waiting" if sql else "hint"


def console_intro(lang: str) -> str:
    """Return the console's caption: what it runs and its row and time limits."""
    rows = console.CONSOLE_MAX_ROWS
    return t("sql.intro", lang, count=rows, rows=f"{rows:,}", seconds=f"{console.CONSOLE_TIMEOUT_S:g}")


def rows_text(num_rows: int, lang: str) -> str:
    """Return how many rows the query returned."""
    return t("sql.rows", lang, count=num_rows, rows=f"{num_rows:,}")


def truncated_text(lang: str) -> str:
    """Return the warning that a result was cut at the console's row limit."""
    rows = console.CONSOLE_MAX_ROWS
    return t("sql.truncated", lang, count=rows, rows=f"{rows:,}")


def answer_frame(answer: console.Answer) -> pd.DataFrame | None:
    """Return an answer's rows as a frame Streamlit can show, or None if some column cannot be shown even as text.

    The console's child already sends DuckDB's text for values pandas cannot hold; this is the net
    under it: a column pandas still refuses is cast to text by Arrow, and cells Arrow cannot convert become text.
    """
    columns = {}
    for name, column in zip(answer.rows.column_names, answer.rows.columns):
        try:
            columns[name] = column.to_pandas()
        except (pa.ArrowException, ValueError, TypeError, OverflowError, NotImplementedError):
            try:
                columns[name] = column.cast(pa.string()).to_pandas()
            except pa.ArrowException:
                return None
    return export.arrow_safe(pd.DataFrame(columns, index=pd.RangeIndex(answer.rows.num_rows)))


def file_name(*parts: str) -> str:
    """Return a download's file name: the app's prefix, then the parts, joined by dashes."""
    return "-".join((FILE_PREFIX, *parts))


def mime_type(file_name: str) -> str:
    """Return a download's MIME type from its file name's extension."""
    return next((mime for ext, mime in MIME_TYPES.items() if file_name.endswith(ext)), "application/octet-stream")


def duckdb_snippet(duckdb_file: str) -> str:
    """Return the Python lines that open the downloaded DuckDB file and run one query."""
    return (
        f"import duckdb\n\n"
        f'con = duckdb.connect("{duckdb_file}", read_only=True)\n'
        f'con.sql("SELECT kind, count(*) FROM figures GROUP BY kind").show()'
    )


def app_bibtex(lang: str, version: str, app_url: str, today: str) -> str:
    """Return the BibTeX entry of this app at one data version, accessed on `today` (ISO date)."""
    short = version[:12]
    lines = (
        f"@software{{shenzhen_explorer_{short[:7]},",
        f"  title   = {{{t('app.title', lang)}}},",
        f"  author  = {{{{{t('cite.app.author', lang)}}}}},",
        f"  year    = {{{today[:4]}}},",
        f"  version = {{{short}}},",
        f"  url     = {{{app_url}}}," if app_url else "",
        f"  urldate = {{{today}}},",
        f"  note    = {{{t('footer.version', lang, version=short)}}},",
        "}",
    )
    return "\n".join(line for line in lines if line)


def app_citation(lang: str, version: str, app_url: str, today: str) -> str:
    """Return the plain-text citation of this app at one data version."""
    return t("cite.app.text", lang, version=version[:12], url=app_url or "—", date=today)
