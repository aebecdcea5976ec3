"""The SQL console's child process: one user query, its own read-only DuckDB, OS-enforced limits.

Started once as a script by explorer.console.service (never imported by the app), it waits for sockets on
a control socket and forks one child per query. The child says its pid (so the app can kill it),
reads one JSON request, and writes one JSON line (the outcome) followed by the rows as an Arrow IPC
stream. It imports only the standard library, duckdb and pyarrow.
"""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import socket
import sys
import threading

import duckdb
import pyarrow as pa

# Rows handed from DuckDB to Arrow at a time, so the byte budget is checked every few rows.
# (DuckDB still builds one vector of up to 2,048 values at once: the OS memory cap bounds that.)
BATCH_ROWS = 64
# Functions that reveal the server's paths, settings, environment or process state, or that run
# SQL written into a string (which would hide the others from this check). From DuckDB's docs:
# "DuckDB_% Metadata Functions", "Pragmas", "Utility Functions" and "DuckDB Environment"; the
# Python client's own scans take object pointers.
METADATA_PREFIXES = ("duckdb_", "pragma_")
METADATA_FUNCTIONS = frozenset(
    {
        "current_setting",
        "getenv",
        "version",
        "platform",
        "user_agent",
        "current_database",
        "current_catalog",
        "current_schema",
        "current_schemas",
        "current_query",
        "current_query_id",
        "current_connection_id",
        "current_transaction_id",
        "txid_current",
        "current_user",
        "current_role",
        "session_user",
        "user",
        "which_secret",
        "checkpoint",
        "force_checkpoint",
        "enable_logging",
        "disable_logging",
        "truncate_duckdb_logs",
        "write_log",
        "parse_duckdb_log_message",
        "get_block_size",
        "pg_get_viewdef",
        "pg_get_constraintdef",
        "pg_get_expr",
        "pg_postmaster_start_time",
        "pg_conf_load_time",
        "pg_sleep",
        "query",
        "query_table",
        "json_execute_serialized_sql",
        "read_duckdb",
        "arrow_scan",
        "arrow_scan_dumb",
        "pandas_scan",
        "python_arrow_scan",
        "python_map_function",
        "add_grammar_extension",
        "remove_grammar_extension",
        "register_external_resource",
        "register_external_resource_type",
        "create_external_resource",
        "destroy_external_resource",
        "deregister_external_resource",
    }
)
# The only table functions a query may call (DuckDB has ~110, most reading files, the catalogue or
# the process): an allow-list, so one a new DuckDB version adds is refused until it is reviewed.
# test_all_types builds one row of each type in memory (no file, clock or setting): it is how a
# reader, and the suite, check that every type of value shows.
ALLOWED_TABLE_FUNCTIONS = frozenset(
    {"range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree", "test_all_types"}
)
# Scalar functions that read the clock (the answer is cached for every reader, so it would be stale
# at once, and the clock and time zone are the server's) or that only wait (a slot held at no CPU).
# Table functions that read files (read_blob, glob, read_csv...) are outside the allow-list above.
CLOCK_OR_WAIT_FUNCTIONS = frozenset(
    {
        "now",
        "today",
        "current_date",
        "current_time",
        "current_timestamp",
        "current_localtime",
        "current_localtimestamp",
        "get_current_time",
        "get_current_timestamp",
        "transaction_timestamp",
        "localtime",
        "localtimestamp",
        "uuidv7",
        "sleep_ms",
    }
)
CLOCK_KEYWORDS = frozenset({"current_date", "current_time", "current_timestamp", "localtime", "localtimestamp"})
# Catalogs and schemas of DuckDB's own views (settings, databases with their paths, Postgres and
# SQLite look-alikes); information_schema describes only tables and columns and stays open.
METADATA_SCHEMAS = frozenset({"system", "temp", "pg_catalog"})
METADATA_TABLE_PREFIXES = ("duckdb_", "pragma_", "sqlite_", "pg_")
OPEN_SCHEMAS = frozenset({"information_schema"})
# Anything that looks like a file path (at least one slash, not part of an expression like a/b).
_PATH = re.compile(r"(?<![\w)\]])(?:~|[A-Za-z]:)?[/\\][^\s'\"`,;()]+")


class Refused(Exception):
    """The query was not run or was stopped; `code` names the reason for translation."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def strip_paths(message: str) -> str:
    """Return the first line of an error message with every file path replaced by '…'."""
    first = message.strip().splitlines()[0] if message.strip() else ""
    return _PATH.sub("…", first)


def _walk(tree: object):
    """Yield every dict in a JSON tree (iteratively: a deeply nested query must not exhaust the stack)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def check_function(name: str, table_functions: frozenset[str]) -> None:
    """Refuse a call of a metadata function, of a table function outside the allow-list, or of the clock or a wait.

    `table_functions` are the names of every table function (and table macro) DuckDB knows, so that a
    table function is refused wherever the parse tree puts it.
    """
    name = name.lower()
    if name.startswith(METADATA_PREFIXES) or name in METADATA_FUNCTIONS:
        raise Refused("metadata", name)
    if name in CLOCK_OR_WAIT_FUNCTIONS or (name in table_functions and name not in ALLOWED_TABLE_FUNCTIONS):
        raise Refused("function", name)


def check_names(
    tree: dict, public_tables: frozenset[str], catalog_name: str, table_functions: frozenset[str] = frozenset()
) -> None:
    """Refuse a parsed query that calls a function it may not or reads anything but public tables and its CTEs.

    `catalog_name` is the attached database's name (a public table may be qualified with it);
    `table_functions` as for check_function.
    """
    nodes = list(_walk(tree))
    ctes = {entry["key"].lower() for node in nodes if "cte_map" in node for entry in node["cte_map"]["map"]}
    for node in nodes:
        if node.get("class") == "FUNCTION" or node.get("type") == "FUNCTION":
            check_function(str(node.get("function_name", "")), table_functions)
        elif node.get("type") == "TABLE_FUNCTION":
            name = str(node.get("function", {}).get("function_name", "")).lower()
            if name not in ALLOWED_TABLE_FUNCTIONS:
                check_function(name, table_functions)  # a metadata function is refused as such
                raise Refused("function", name)
        elif node.get("type") == "COLUMN_REF" and len(node.get("column_names", ())) == 1:
            name = str(node["column_names"][0]).lower()  # `current_date` without parentheses parses as a column
            if name in CLOCK_KEYWORDS:
                raise Refused("function", name)
        elif node.get("type") == "SHOW_REF" and node.get("show_type") == "SHOW_SPECIAL":
            raise Refused("metadata", "SHOW " + str(node.get("table_name", "")).strip('"').upper())
        elif node.get("type") == "BASE_TABLE":
            table = str(node.get("table_name", "")).lower()
            schema = str(node.get("schema_name", "")).lower()
            catalog = str(node.get("catalog_name", "")).lower()
            if {schema, catalog} & METADATA_SCHEMAS or table.startswith(METADATA_TABLE_PREFIXES):
                raise Refused("metadata", ".".join(part for part in (catalog, schema, table) if part))
            if schema in OPEN_SCHEMAS:
                continue
            is_public = table in public_tables and schema in ("", "main") and catalog in ("", catalog_name)
            if not is_public and not (table in ctes and not schema and not catalog):
                raise Refused("unknown_table", ".".join(part for part in (catalog, schema, table) if part))


def gate(con: duckdb.DuckDBPyConnection, sql: str, public_tables: frozenset[str]) -> str:
    """Return the one SELECT/WITH statement in `sql`; raise Refused for anything else."""
    if not sql.strip():
        raise Refused("empty")
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise Refused("syntax", strip_paths(str(exc))) from exc
    if len(statements) != 1:
        raise Refused("one_statement")
    try:
        kind = statements[0].type
    except ValueError:  # a statement type the Python client has no name for (UPDATE EXTENSIONS)
        raise Refused("select_only", statements[0].query.split(maxsplit=1)[0].upper()) from None
    if kind != duckdb.StatementType.SELECT:
        raise Refused("select_only", kind.name)
    query = statements[0].query.strip().rstrip(";")
    try:
        tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [query]).fetchall()[0][0])
    except RecursionError as exc:
        raise Refused("too_deep") from exc
    if tree.get("error"):
        raise Refused("syntax", strip_paths(str(tree.get("error_message", ""))))
    catalog_name = con.execute("SELECT current_database()").fetchall()[0][0].lower()
    check_names(tree, public_tables, catalog_name, table_function_names(con))
    return query


def table_function_names(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """Return the names of every table function and table macro this DuckDB knows."""
    rows = con.execute(
        "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')"
    ).fetchall()
    return frozenset(row[0] for row in rows)


def _status_bytes(field: str) -> int:
    """Return one memory figure of this process (VmSize: virtual size, VmHWM: peak resident), in bytes."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    return 0


def _cap_memory_and_cpu(memory_bytes: int, timeout_s: float) -> None:
    """Let the query allocate `memory_bytes` beyond what this process holds now, and run a little past the deadline.

    The CPU-time cap stops the worker even if its parent died before it could kill it.
    """
    limit = _status_bytes("VmSize") + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    seconds = int(timeout_s) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def fetch(con: duckdb.DuckDBPyConnection, query: str, max_rows: int, max_bytes: int) -> tuple[pa.Table, bool]:
    """Return (at most `max_rows` rows, was_truncated), streaming them and stopping once they exceed `max_bytes`.

    Every column Python cannot hold as it is comes back as DuckDB's own text of its cells (see shown_columns).
    """
    bounded = f"SELECT * FROM (\n{query}\n) AS user_query LIMIT {int(max_rows) + 1}"
    relation = con.sql(bounded)
    names, types = relation.columns, [str(kind) for kind in relation.types]
    items = []
    for position, kind in enumerate(types, start=1):
        is_union, maybe_unshowable = _TEXT_ONLY_TYPE.search(kind), _UNSHOWABLE_VALUE_TYPE.search(kind)
        items += [f"CAST(#{position} AS VARCHAR)"] if is_union else [f"#{position}"]
        items += [f"CAST(#{position} AS VARCHAR)"] if maybe_unshowable and not is_union else []
    reader = con.sql(f"SELECT {', '.join(items)} FROM (\n{bounded}\n) AS bounded").to_arrow_reader(BATCH_ROWS)
    batches, num_rows, num_bytes = [], 0, 0
    for batch in reader:
        batches.append(batch)
        num_rows += batch.num_rows
        num_bytes += batch.nbytes
        if num_bytes > max_bytes:
            raise Refused("too_large", f"> {max_bytes / 1e6:g} MB")
    table = pa.Table.from_batches(batches, schema=reader.schema).slice(0, max_rows)
    return shown_columns(table, names, types), num_rows > max_rows


# DuckDB types pandas cannot hold at all (UNION, BIGNUM as opaque bytes, BIT), or whose Arrow values
# read wrongly (TIME '24:00:00' comes back as midnight, a UHUGEINT past 10^38 as a negative
# decimal), also inside a list or struct, come back as text; types with
# values beyond Python's range (DATE 'infinity', a year past 9999) come back typed with a text copy
# next to them, and the copy replaces a column that has such a value.
_TEXT_ONLY_TYPE = re.compile(r"\bUNION\(|\bTIME(_NS)?\b(?! ZONE)|\b(UHUGEINT|BIGNUM|BIT)\b")
_UNSHOWABLE_VALUE_TYPE = re.compile(r"\b(DATE|TIME|TIMESTAMP)")


def shown_columns(table: pa.Table, names: list[str], types: list[str]) -> pa.Table:
    """Return one column per name: the typed one when Python can hold every cell, else its text copy."""
    columns, index = [], 0
    for kind in types:
        column = table.column(index)
        index += 1
        if _UNSHOWABLE_VALUE_TYPE.search(kind) and not _TEXT_ONLY_TYPE.search(kind):
            text = table.column(index)
            index += 1
            column = column if _python_can_hold(column) else text
        columns.append(column)
    return pa.Table.from_arrays(columns, names=names)


def _python_can_hold(column: pa.ChunkedArray) -> bool:
    """Return whether every cell converts to a Python value (dates and times have a narrower range than DuckDB's)."""
    try:
        column.to_pylist()
    except (ValueError, OverflowError, pa.ArrowException):
        return False
    return True


def answer(request: dict) -> tuple[dict, pa.Table | None]:
    """Return the outcome header and the rows (None when refused) of one request."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # no file is ever written (the result goes down a socket)
    con = duckdb.connect(request["database"], read_only=True, config=request["config"])
    timer = threading.Timer(request["timeout_s"], con.interrupt)
    try:
        query = gate(con, request["sql"], frozenset(request["public_tables"]))
        _cap_memory_and_cpu(request["memory_bytes"], request["timeout_s"])
        timer.start()
        table, is_truncated = fetch(con, query, request["max_rows"], request["max_bytes"])
    except Refused as refused:
        return {"code": refused.code, "detail": refused.detail}, None
    except duckdb.InterruptException:
        return {"code": "timeout", "detail": ""}, None
    except (duckdb.OutOfMemoryException, MemoryError):
        return {"code": "memory", "detail": ""}, None
    except (duckdb.Error, pa.ArrowException, OSError) as exc:
        code = "memory" if "Out of Memory" in str(exc) else "error"
        return {"code": code, "detail": "" if code == "memory" else strip_paths(str(exc))}, None
    finally:
        timer.cancel()
    return {"code": None, "detail": "", "is_truncated": is_truncated}, table


def _read_all(conn: socket.socket) -> bytes:
    chunks = []
    while chunk := conn.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def handle(conn: socket.socket) -> None:
    """In a forked child: say our pid, read one request, write the header line and the rows as Arrow IPC."""
    conn.sendall(f"{os.getpid()}\n".encode())
    header, table = answer(json.loads(_read_all(conn)))
    header["peak_bytes"] = _status_bytes("VmHWM")
    with conn.makefile("wb") as out:
        out.write(json.dumps(header).encode() + b"\n")
        if table is not None:
            with pa.ipc.new_stream(out, table.schema) as writer:
                writer.write_table(table)


def serve(control: socket.socket) -> None:
    """Fork one child per socket the app hands over on `control`; stop when the app closes it.

    This process has loaded DuckDB and Arrow once and runs a single thread (its parent turns off
    Arrow's allocator thread and BLAS threads), so each fork is clean and starts in milliseconds.
    """
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps finished children
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 16, 1)
        except OSError:
            return
        if not message or not fds:
            return
        if os.fork() == 0:
            control.close()
            try:
                with socket.socket(fileno=fds[0]) as conn:
                    handle(conn)
            finally:
                os._exit(0)
        os.close(fds[0])


def main() -> None:
    """Serve on the control socket whose file descriptor is the first argument."""
    serve(socket.socket(fileno=int(sys.argv[1])))


if __name__ == "__main__":
    main()
