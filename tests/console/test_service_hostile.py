"""The SQL console against hostile input, as data (hostile_sql.csv beside this file): refused or stopped in time.

Each case runs through the real child process with the console's real memory cap and byte budget;
a case may set a shorter time limit where a long one would only make the suite slower (a query
that runs until it is killed is killed at whatever limit it is given). A case expected to be stopped
by a limit (timeout, memory) passes when any limit stopped it: which one comes first depends on the
machine's load (issue 20: array_to_string, expected "memory", was "stopped" on a loaded machine).
"""

import csv
import hashlib
import threading
import time
from pathlib import Path

import pytest

from explorer import DB_PATH
from explorer.console import service as console

CASES = list(csv.DictReader((Path(__file__).parent / "hostile_sql.csv").open(encoding="utf-8")))
STOP_MARGIN_S = 2.0  # the bound: stopped within its time limit plus this
# The test process reads at most one budget of rows back; anything near a query's own size would
# mean the query ran in this process.
MAX_GROWTH_BYTES = 50 * 2**20
WORKER_START_BYTES = 200 * 2**20  # bound on a worker's resident memory before the query (measured ~110 MB)
HONEST_SQL = "SELECT kind, count(*) AS n FROM figures GROUP BY kind ORDER BY kind"
HEAVY_SQL = "SELECT count(*) FROM range(1000000) a, range(1000000) b"


def rss_bytes() -> int:
    """Return this process's resident memory, in bytes."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))


def accepted_codes(expected: str) -> set[str]:
    """Return the outcome codes a case passes with: the expected ones, and every limit's if one is a limit."""
    codes = set(expected.split("|"))
    return codes | console.LIMIT_CODES if codes & console.LIMIT_CODES else codes


def test_a_case_stopped_by_a_limit_accepts_any_limit_and_no_other_outcome():
    assert accepted_codes("memory") == {"memory", "timeout", "stopped"}
    assert accepted_codes("too_large|timeout") == {"too_large", "memory", "timeout", "stopped"}
    assert accepted_codes("metadata") == {"metadata"}
    assert "error" not in accepted_codes("memory") and "busy" not in accepted_codes("memory")


@pytest.fixture(scope="module")
def db_digest() -> str:
    return hashlib.sha256(DB_PATH.read_bytes()).hexdigest()


def test_every_case_has_a_name_an_expectation_and_a_known_code():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))
    known = {"empty", "syntax", "one_statement", "select_only", "metadata", "function", "unknown_table", "error"}
    known |= console.TRANSIENT_CODES | {"too_large"}
    assert all(set(case["expected"].split("|")) <= known for case in CASES), [case["expected"] for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_a_hostile_query_is_refused_or_stopped_in_time_and_changes_nothing(case, db_digest):
    limits = console.Limits(timeout_s=float(case["timeout_s"] or console.CONSOLE_TIMEOUT_S))
    before = rss_bytes()
    started = time.monotonic()
    answer = console.run(case["sql"], limits=limits)
    elapsed = time.monotonic() - started
    growth = rss_bytes() - before
    peak = f"{answer.peak_bytes / 2**20:.0f} MB" if answer.peak_bytes else "none (killed or never started)"
    print(f"HOSTILE {case['name']}: {answer.code} in {elapsed:.2f} s, worker peak {peak}, test growth {growth} B")
    assert answer.code in accepted_codes(case["expected"]), (answer.code, answer.detail)
    assert answer.rows is None
    assert elapsed < limits.timeout_s + STOP_MARGIN_S
    assert growth < MAX_GROWTH_BYTES
    if answer.peak_bytes is not None:  # a worker that answered stayed within its own cap
        assert answer.peak_bytes < WORKER_START_BYTES + console.CONSOLE_MEMORY_BYTES
    assert hashlib.sha256(DB_PATH.read_bytes()).hexdigest() == db_digest


def test_an_honest_query_is_answered_while_a_heavy_one_runs():
    """Two slots: one heavy query (stopped at its limit) leaves the second to everyone else.

    With one slot, a single shared heavy link would make every other reader wait for the kill. The
    honest answer must come back while the heavy query is still running (an order, not a time, so that
    a machine busy with other work does not fail the test).
    """
    alone = console.run(HONEST_SQL)
    assert alone.code is None
    heavy: list[console.Answer] = []
    thread = threading.Thread(target=lambda: heavy.append(console.run(HEAVY_SQL)))
    thread.start()
    try:
        time.sleep(0.5)  # the heavy child has started and is burning its CPU
        honest = console.run(HONEST_SQL)
        heavy_still_running = thread.is_alive()
    finally:
        thread.join()
    slow = heavy[0]
    assert honest.code is None
    assert honest.rows == alone.rows
    assert heavy_still_running, "the honest query waited for the heavy one to be stopped"
    assert slow.code == "timeout"
