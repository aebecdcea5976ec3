"""Start-up: check the database file against its sources, build it when needed, and say what to serve."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from explorer.core import settings
from explorer.data import build, schema
from explorer.data import gateway as db

# What `database_state` reports and what the app tells its readers about it.
STATES = ("ok", "missing", "unreadable", "stale")
NOTICES = ("rebuilt", "rebuilt_temporary", "sources_broken", "unavailable")


@dataclass(frozen=True)
class Startup:
    """What start-up found and decided: the file to serve (None: nothing can be served) and what to tell."""

    path: Path | None
    found: str
    notice: str | None = None
    detail: str = ""


def _stored_meta(db_path: Path) -> dict[str, str] | None:
    """Return the file's `meta` once every table reads back whole (None when it cannot be read)."""
    try:
        con = db.connect(db_path)
    except duckdb.Error:
        return None
    try:
        names = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if names != {table.name for table in schema.TABLES} | {"meta"}:
            return None
        # Reading every row of every table touches every data block, so a cut or damaged file
        # fails here rather than on a reader's page (reading `meta` alone passed a half file).
        for name in sorted(names):
            con.execute(f"SELECT * FROM {name}").fetchall()
        return dict(con.execute("SELECT key, value FROM meta").fetchall())
    except duckdb.Error:
        return None
    finally:
        con.close()


def database_state(db_path: Path, data_dir: Path) -> str:
    """Return 'ok', 'missing', 'unreadable' or 'stale' for the database file against its sources.

    Raises build.BuildError when a source is missing (the sources cannot be hashed).
    """
    if not db_path.is_file():
        return "missing"
    stored = _stored_meta(db_path)
    if stored is None:
        return "unreadable"
    current = build.sources_hash(data_dir)
    if stored.get("schema_version") != str(schema.SCHEMA_VERSION) or stored.get("content_hash") != current:
        return "stale"
    return "ok"


def _build_where_writable(db_path: Path, data_dir: Path) -> Path:
    """Build into `db_path`, or into a new temporary folder when that folder cannot be written; return the file."""
    try:
        build.build(db_path, data_dir)
        return db_path
    except OSError:
        target = Path(tempfile.mkdtemp(prefix="explorer-")) / db_path.name
        build.build(target, data_dir)
        return target


def _detail(exc: Exception) -> str:
    """Return what went wrong without the server's paths: a BuildError's message, else the error's kind."""
    if isinstance(exc, build.BuildError):
        return str(exc)
    reason = getattr(exc, "strerror", None)
    return f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__


def prepare(chosen: settings.Settings | None = None) -> Startup:
    """Return what to serve: the checked file, a fresh build (in the data folder or a temporary one), or nothing.

    A readable file whose sources are broken is served as it is, with a notice; never raises for a
    broken file or source.
    """
    chosen = chosen or settings.current()
    db_path, data_dir = chosen.db_path, chosen.data_dir
    try:
        found = database_state(db_path, data_dir)
    except build.BuildError as exc:
        if _stored_meta(db_path) is not None:
            return Startup(db_path, "ok", "sources_broken", _detail(exc))
        return Startup(None, "missing" if not db_path.is_file() else "unreadable", "unavailable", _detail(exc))
    if found == "ok":
        return Startup(db_path, found)
    try:
        target = _build_where_writable(db_path, data_dir)
    except (build.BuildError, OSError, duckdb.Error) as exc:
        if found == "stale":
            return Startup(db_path, found, "sources_broken", _detail(exc))
        return Startup(None, found, "unavailable", _detail(exc))
    return Startup(target, found, "rebuilt" if target == db_path else "rebuilt_temporary")
