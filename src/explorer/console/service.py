"""The SQL console: each user query runs in a child process with its own read-only DuckDB and hard limits.

DuckDB's security guide says to treat SQL like shell code: the query never touches the app's
connection. The child (explorer/console/worker.py) caps its own memory through the OS and stops
fetching once the result outgrows its byte budget; this module kills it at the deadline, lets at
most a few run at once across the whole server and one at a time for each session, and caches
answers by their size in bytes.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from explorer.core import settings
from explorer.data import gateway as db

# Limits: the tunable ones come from explorer.core.settings (their help says why each default).
_SETTINGS = settings.current()
CONSOLE_MAX_ROWS = _SETTINGS.sql_max_rows
CONSOLE_TIMEOUT_S = _SETTINGS.sql_timeout_s
CONSOLE_START_ALLOWANCE_S = 1.0  # a forked child starts in milliseconds; this is room for a very busy machine
CONSOLE_MAX_BYTES = _SETTINGS.sql_max_bytes
# Memory a query may allocate beyond the child's start-up footprint (Python, DuckDB and Arrow loaded,
# shared with the fork server): the data are 7 MB and an answer at most 5 MB, so honest queries use
# a few MB; DuckDB leaves list and string allocations out of its own limit, so only this OS cap stops
# `len(range(2e8))`.
CONSOLE_MEMORY_BYTES = _SETTINGS.sql_memory_mb * 2**20
CONSOLE_DUCKDB_MEMORY = "64MB"  # DuckDB's own limit, below the OS cap, so its operators fail with a clean error first
# Two 1-thread children on a 2-core host. Worst case, both slots held by heavy queries: the fork
# server (~70 MB resident, mostly shared) plus 2 × ~140 MB for at most 4 s.
CONSOLE_MAX_CONCURRENT = _SETTINGS.sql_max_concurrent
CONSOLE_SLOT_WAIT_S = 1.0  # an honest query that arrives while both slots are briefly taken waits this long
CONSOLE_CACHE_BYTES = _SETTINGS.sql_cache_mb * 1_000_000
# What a cached answer costs the server process beyond its key and its rows' buffers, measured (issue 24:
# 5,000 answers put into a ResultCache, the process's resident memory before and after; the Arrow
# table, schema and per-column objects live outside Python's allocator, so tracemalloc misses them):
# about 1,700 B per answer and 1,030 B per column. Rounded up.
CACHE_ENTRY_OVERHEAD_BYTES = 2_000
CACHE_COLUMN_OVERHEAD_BYTES = 1_100
# However small the answers, the cache holds at most this many (a flood of distinct one-row queries
# then costs ~5,000 × 12 KB = 60 MB at worst with 2,000-character astral keys, and usually far less).
CONSOLE_CACHE_MAX_ENTRIES = 5_000
# A reply holds at most one budget of rows; Arrow's framing adds little, so twice that is already a
# child misbehaving (and the parent stops reading).
REPLY_MAX_BYTES_PER_BUDGET_BYTE = 2
REPLY_HEADER_BYTES = 1_000_000
# Every code a console query can be refused or stopped with; each has its sql.refused.<code> message.
REFUSAL_CODES = (
    "empty", "syntax", "one_statement", "select_only", "too_deep", "metadata", "function", "unknown_table",
    "too_large", "timeout", "memory", "busy", "running", "stopped", "error",
)  # fmt: skip
# A query stopped by one of its limits: which one stops it first depends on the machine's load (a
# memory blow-up under CPU contention may die of its CPU-time cap, "stopped", before its memory cap).
LIMIT_CODES = frozenset({"timeout", "memory", "stopped"})
# Outcomes that depend on the moment (load, other queries), so they are not cached.
TRANSIENT_CODES = LIMIT_CODES | {"busy", "running"}

WORKER = Path(__file__).with_name("worker.py")
SLOTS = threading.BoundedSemaphore(CONSOLE_MAX_CONCURRENT)
# The child's DuckDB: the app's locked configuration (no file or network access, no extensions,
# settings locked, no spilling) with the console's own memory limit and no Python-object scans.
WORKER_CONFIG = {**db.CONNECTION_CONFIG, "max_memory": CONSOLE_DUCKDB_MEMORY, "python_enable_replacements": False}


@dataclass(frozen=True)
class Limits:
    """What one console query may use."""

    max_rows: int = CONSOLE_MAX_ROWS
    timeout_s: float = CONSOLE_TIMEOUT_S
    max_bytes: int = CONSOLE_MAX_BYTES
    memory_bytes: int = CONSOLE_MEMORY_BYTES


@dataclass(frozen=True)
class Answer:
    """A console query's rows (None when refused), whether they were cut, the refusal code and its detail."""

    rows: pa.Table | None = None
    is_truncated: bool = False
    code: str | None = None
    detail: str = ""
    seconds: float = field(default=0.0, compare=False)
    peak_bytes: int | None = field(default=None, compare=False)  # the child's peak resident memory, when it answered

    @property
    def num_bytes(self) -> int:
        """Return the memory the answer holds in the server process, in bytes (its rows' buffers and objects)."""
        rows = 0 if self.rows is None else self.rows.get_total_buffer_size()
        columns = 0 if self.rows is None else self.rows.num_columns
        return CACHE_ENTRY_OVERHEAD_BYTES + CACHE_COLUMN_OVERHEAD_BYTES * columns + rows + sys.getsizeof(self.detail)

    @property
    def is_cacheable(self) -> bool:
        """Return whether the same query would get the same answer later."""
        return self.code not in TRANSIENT_CODES


def longest_wait_s(limits: Limits = Limits()) -> float:
    """Return the longest a console query can take, waiting for a slot included, in seconds."""
    return CONSOLE_SLOT_WAIT_S + limits.timeout_s + CONSOLE_START_ALLOWANCE_S + 1.0  # and a second to kill and reply


def run(sql: str, db_path: Path | None = None, limits: Limits = Limits()) -> Answer:
    """Run one user-written query in a child process and return its answer (never raises for the query's sake).

    `db_path` is the database being served (default: the settings' file).
    """
    started = time.monotonic()
    if not sql.strip():
        return Answer(code="empty")
    if not SLOTS.acquire(timeout=CONSOLE_SLOT_WAIT_S):
        return Answer(code="busy", seconds=time.monotonic() - started)
    try:
        header, rows = _run_child(sql, db_path or settings.current().db_path, limits)
    finally:
        SLOTS.release()
    return Answer(
        rows=rows,
        is_truncated=bool(header.get("is_truncated", False)),
        code=header.get("code"),
        detail=str(header.get("detail", "")),
        seconds=time.monotonic() - started,
        peak_bytes=header.get("peak_bytes"),
    )


class OnePerOwner:
    """At most one console query at a time for each owner (a reader's session): a session looping slow
    queries holds at most one of the slots, and the others stay for everyone else."""

    def __init__(self) -> None:
        self._running: set[object] = set()
        self._lock = threading.Lock()

    def run(self, owner: object, compute: Callable[[], Answer]) -> Answer:
        """Return `compute()`'s answer, or at once 'running' if this owner's previous query has not answered yet."""
        with self._lock:
            if owner in self._running:
                return Answer(code="running")
            self._running.add(owner)
        try:
            return compute()
        finally:
            with self._lock:
                self._running.discard(owner)


OWNERS = OnePerOwner()


class ForkServer:
    """The worker process that forks one child per console query (started on first use, restarted if it died)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None

    @property
    def pid(self) -> int | None:
        """Return the server's process id, or None before it started."""
        return self._process.pid if self._process is not None else None

    def connect(self) -> socket.socket:
        """Return a socket to a freshly forked child, waiting for its request."""
        ours, theirs = socket.socketpair()
        try:
            with self._lock:
                if self._process is None or self._process.poll() is not None:
                    self._start()
                try:
                    socket.send_fds(self._control, [b"q"], [theirs.fileno()])
                except OSError:  # the server died between the check and the send
                    self._start()
                    socket.send_fds(self._control, [b"q"], [theirs.fileno()])
        finally:
            theirs.close()
        return ours

    def _start(self) -> None:
        if self._control is not None:
            self._control.close()
        ours, theirs = socket.socketpair()
        # Isolated mode (-I): no user site or PYTHON* variables. A bare environment (nothing to
        # reveal), with Arrow's allocator thread and BLAS threads off so the server forks cleanly.
        env = {
            "PATH": os.environ.get("PATH", ""),
            "LC_ALL": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1",
            "JE_ARROW_MALLOC_CONF": "background_thread:false",
        }
        self._process = subprocess.Popen(
            [sys.executable, "-I", str(WORKER), str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        theirs.close()
        self._control = ours


SERVER = ForkServer()


def _run_child(sql: str, db_path: Path, limits: Limits) -> tuple[dict, pa.Table | None]:
    request = {
        "database": str(db_path),
        "sql": sql,
        "config": WORKER_CONFIG,
        "public_tables": list(db.PUBLIC_TABLES),
        "max_rows": limits.max_rows,
        "max_bytes": limits.max_bytes,
        "timeout_s": limits.timeout_s,
        "memory_bytes": limits.memory_bytes,
    }
    deadline = time.monotonic() + limits.timeout_s + CONSOLE_START_ALLOWANCE_S
    try:
        conn = SERVER.connect()
    except OSError:  # the worker could not be started
        return {"code": "stopped", "detail": ""}, None
    pid = None
    with conn:
        try:
            conn.sendall(json.dumps(request).encode())
            conn.shutdown(socket.SHUT_WR)
            pid_line, out = _read_line(conn, deadline)
            pid = int(pid_line)
            out += _read_rest(conn, deadline, REPLY_MAX_BYTES_PER_BUDGET_BYTE * limits.max_bytes + REPLY_HEADER_BYTES)
        except TimeoutError:
            code = "timeout"
        except (ValueError, OSError):
            code = "stopped"
        else:
            return _parse(out, limits)
    if pid is not None:
        _kill(pid)
    return {"code": code, "detail": f"{limits.timeout_s:g} s" if code == "timeout" else ""}, None


def _recv(conn: socket.socket, deadline: float) -> bytes:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    conn.settimeout(remaining)
    return conn.recv(65536)


def _read_line(conn: socket.socket, deadline: float) -> tuple[bytes, bytes]:
    """Return the first line the child sent and whatever came after it in the same reads."""
    buffer = b""
    while b"\n" not in buffer:
        chunk = _recv(conn, deadline)
        if not chunk:
            raise ValueError("the child closed before saying its pid")
        buffer += chunk
    line, _, rest = buffer.partition(b"\n")
    return line, rest


def _read_rest(conn: socket.socket, deadline: float, max_bytes: int) -> bytes:
    """Return the rest of the child's reply; raise ValueError past `max_bytes` (the child is not trusted either)."""
    chunks, num_bytes = [], 0
    while chunk := _recv(conn, deadline):
        chunks.append(chunk)
        num_bytes += len(chunk)
        if num_bytes > max_bytes:
            raise ValueError("the reply is larger than the byte budget allows")
    return b"".join(chunks)


def _kill(pid: int) -> None:
    """Kill a child that is past its deadline (it may have just finished: then there is nothing to kill)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)


def _parse(out: bytes, limits: Limits) -> tuple[dict, pa.Table | None]:
    """Return the child's header and rows; a child that died without answering was stopped by its limits."""
    line, _, stream = out.partition(b"\n")
    try:
        header = json.loads(line)
    except ValueError:
        return {"code": "stopped", "detail": ""}, None
    if not isinstance(header, dict):
        return {"code": "stopped", "detail": ""}, None
    if header.get("code") == "timeout":
        header["detail"] = f"{limits.timeout_s:g} s"
    if header.get("code") is not None:
        return header, None
    try:
        return header, pa.ipc.open_stream(stream).read_all()
    except pa.ArrowException:
        return {"code": "stopped", "detail": ""}, None


class ResultCache:
    """Answers kept by key, least recently used first out, their total size (keys included) and number capped.

    Readers who ask for a key that is being computed wait for that one computation (a popular link
    costs one child process, not one per reader); other keys never wait for it.
    """

    def __init__(self, max_bytes: int = CONSOLE_CACHE_BYTES, max_entries: int = CONSOLE_CACHE_MAX_ENTRIES) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.num_bytes = 0
        self._entries: OrderedDict[object, tuple[Answer, int]] = OrderedDict()
        self._pending: dict[object, Future] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: object, compute: Callable[[], Answer], wait_s: float) -> Answer:
        """Return the cached answer, the one being computed (waiting at most `wait_s`), or `compute()`'s."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
            pending = self._pending.get(key)
            is_owner = pending is None
            if is_owner:
                pending = self._pending[key] = Future()
        if not is_owner:
            try:
                return pending.result(timeout=wait_s)
            except FutureTimeout:
                return Answer(code="busy")
        try:
            answer = compute()
            self.put(key, answer)
            pending.set_result(answer)
            return answer
        except BaseException as exc:
            pending.set_exception(exc)
            raise
        finally:
            with self._lock:
                self._pending.pop(key, None)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: object) -> Answer | None:
        """Return the answer stored under `key` (and mark it recently used), or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: object, answer: Answer) -> None:
        """Store a cacheable answer, dropping the least recently used ones until the total and the count fit."""
        size = entry_bytes(key, answer)
        if not answer.is_cacheable or size > self.max_bytes:
            return
        with self._lock:
            if key in self._entries:
                self.num_bytes -= self._entries.pop(key)[1]
            self._entries[key] = (answer, size)
            self.num_bytes += size
            while self.num_bytes > self.max_bytes or len(self._entries) > self.max_entries:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.num_bytes -= dropped


def entry_bytes(key: object, answer: Answer) -> int:
    """Return what keeping `answer` under `key` costs, in bytes: the answer and the key (a tuple of texts, or one).

    A 2,000-character query with one character outside the BMP takes 8 kB as a Python string.
    """
    parts = key if isinstance(key, tuple) else ()
    return answer.num_bytes + sys.getsizeof(key) + sum(sys.getsizeof(part) for part in parts)
