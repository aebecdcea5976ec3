"""Every table of data/explorer.duckdb: its CSV source, its columns and constraints (the build creates them)."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.vocab import (
    BENCHMARK_STATUSES,
    BOTTLENECKS,
    CITIES,
    FIGURE_KINDS,
    LINK_STRENGTHS,
    MEASURES,
    NUMBER_QUALIFIERS,
    PARAMETER_GRADES,
    QUALIFIERS,
    SOURCE_GRADES,
    STATUS_BASES,
    UNITS,
    sql_in,
)
from explorer.model.levers import LEVER_NAMES

# Bump when a table's columns or constraints change: the app then rebuilds an older file.
SCHEMA_VERSION = 7


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
    # Units: labels from units.csv; base and scale added from explorer.core.vocab.UNITS, so SQL can convert.
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
    # The model's outcomes (explorer.model.OUTCOMES). An outcome that is also a city indicator has
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
            lever VARCHAR NOT NULL CHECK (lever IN {sql_in(LEVER_NAMES)}),
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
