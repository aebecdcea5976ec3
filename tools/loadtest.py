"""Capacity: protocol-level sessions move the Scenarios levers at once; reports errors, latency, memory.

`python tools/loadtest.py` starts `streamlit run app.py` on a free loopback port (or uses `--url`,
which must be a loopback address) and opens `--sessions` websocket sessions that speak Streamlit's
own protocol (no browser): each loads the Scenarios page, reads the lever sliders' widget ids from
the page's deltas, then sets one lever at a time to a random step and waits for the rerun to
finish, until `--duration` seconds or `--max-reruns` reruns. Reported: errors (exception
elements, a rerun that did not apply the value, closed connections, time-outs), rerun latency
(request sent → script_finished; a move reruns the levers' fragment, as a browser does, or with `--whole-page`
the whole page), page loads, the server's RSS sampled from /proc, and a fresh
session's load time measured half-way through the load (and before it: the first session after the
start, with cold caches, then a fresh one on an idle server). Times are protocol-level (request →
script_finished): a browser adds its own download and rendering on top; `--browser` also times a
fresh page load in headless Chromium (page opened → footer painted) 60 % of the way through.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from explorer.core import serving

ROOT = Path(__file__).resolve().parents[1]
PAGE = "scenarios"
QUERY = "lang=en"
NOT_LEVERS = ("horizon",)  # the projection's last year is a slider on the page but not a policy lever
FINISHED = (
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
)
EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
RUN_TIMEOUT_S = 120.0
SERVER_START_TIMEOUT_S = 60.0
RSS_SAMPLE_S = 0.5
# Community Cloud forces these whatever .streamlit/config.toml says.
CLOUD_SETTINGS = ("--client.showErrorDetails=false", "--runner.fastReruns=true", "--server.enableXsrfProtection=true")


@dataclass
class Slider:
    """One slider as its delta describes it."""

    id: str
    fragment_id: str  # the fragment the slider is drawn in ("" if none): a browser reruns only that fragment
    min: float
    max: float
    step: float
    value: float


@dataclass
class Run:
    """What one script run sent: its sliders, exception messages, bytes, and how it ended."""

    sliders: dict[str, Slider] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    page_not_found: bool = False
    received_bytes: int = 0


@dataclass
class Stats:
    """Everything the sessions measured."""

    rerun_s: list[float] = field(default_factory=list)
    load_s: list[float] = field(default_factory=list)
    rerun_bytes: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    first_load_s: float | None = None
    fresh_idle_s: float | None = None
    fresh_under_load_s: float | None = None
    browser_under_load_s: float | None = None


class Session:
    """One protocol-level client: a websocket, the page's query string and script hash, like a browser tab."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.query = QUERY
        self.page_hash = ""
        self.ws = None

    async def __aenter__(self) -> Session:
        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=30)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()

    async def rerun(self, widgets: dict[str, float] | None = None, fragment_id: str = "") -> Run:
        """Ask for a run (the first one loads the page), of one fragment if given, and read until it has finished."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.fragment_id = fragment_id
        state.page_name = PAGE
        state.page_script_hash = self.page_hash
        state.context_info.locale = "en-US"
        for widget_id, value in (widgets or {}).items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            widget.double_array_value.data.append(value)
        await self.ws.send(msg.SerializeToString())
        return await asyncio.wait_for(self._read_run(), RUN_TIMEOUT_S)

    async def _read_run(self) -> Run:
        run = Run()
        while True:
            raw = await self.ws.recv()
            run.received_bytes += len(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash
                run = Run(received_bytes=run.received_bytes)
            elif kind == "navigation":  # names the page this run shows; new_session's hash may be the shell's
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "page_not_found":
                run.page_not_found = True
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                if element.WhichOneof("type") == "slider":
                    s = element.slider
                    value = s.value[0] if s.value else s.default[0]
                    run.sliders[s.id] = Slider(s.id, fwd.delta.fragment_id, s.min, s.max, s.step, value)
                elif element.WhichOneof("type") == "exception":
                    run.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:200])
            elif kind == "script_finished" and fwd.script_finished != EARLY_FOR_RERUN:
                if fwd.script_finished not in FINISHED:
                    run.exceptions.append(f"script finished with status {fwd.script_finished}")
                return run


def _problems(run: Run) -> list[str]:
    found = list(run.exceptions)
    if run.page_not_found:
        found.append("page not found")
    if not any(_is_lever(slider_id) for slider_id in run.sliders):
        found.append("no lever slider on the page")
    return found


def _key(slider_id: str) -> str:
    """Return a widget's user key: its id ends with it (`$$ID-<hash>-<key>`)."""
    return slider_id.rsplit("-", 1)[-1]


def _is_lever(slider_id: str) -> bool:
    return _key(slider_id) not in NOT_LEVERS


def _applied(query: str, slider: Slider, value: float) -> bool:
    """Whether the rerun used the value sent: the page writes every lever's value to the URL."""
    shown = urllib.parse.parse_qs(query).get(_key(slider.id))
    try:
        return shown is not None and abs(float(shown[-1]) - value) <= slider.step / 2
    except ValueError:
        return False


async def fresh_load(ws_url: str) -> tuple[float, list[str]]:
    """Open a new session on the Scenarios page; return its load time and what went wrong."""
    started = time.perf_counter()
    async with Session(ws_url) as session:
        run = await session.rerun()
    return time.perf_counter() - started, _problems(run)


async def user(
    ws_url: str, number: int, stop_at: float, max_reruns: int, think_s: float, stats: Stats, whole_page: bool = False
) -> None:
    """One visitor: load the page, then move a random lever to a random step, wait, look, repeat.

    A move reruns the levers' fragment, as a browser does (`whole_page`: the whole page, as before 6 December 2026).
    """
    rng = random.Random(number)
    try:
        started = time.perf_counter()
        async with Session(ws_url) as session:
            run = await session.rerun()
            stats.load_s.append(time.perf_counter() - started)
            stats.errors.extend(f"session {number} load: {problem}" for problem in _problems(run))
            sliders = run.sliders
            values = {slider.id: slider.value for slider in sliders.values()}
            levers = sorted(slider_id for slider_id in sliders if _is_lever(slider_id))
            for _ in range(max_reruns):
                if not levers or time.monotonic() + think_s >= stop_at:
                    break
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think_s)
                slider = sliders[rng.choice(levers)]
                steps = round((slider.max - slider.min) / slider.step)
                values[slider.id] = round(slider.min + rng.randint(0, steps) * slider.step, 6)
                sent = time.perf_counter()
                run = await session.rerun(values, "" if whole_page else slider.fragment_id)
                stats.rerun_s.append(time.perf_counter() - sent)
                stats.rerun_bytes.append(run.received_bytes)
                problems = _problems(run)
                if not _applied(session.query, slider, values[slider.id]):
                    problems.append(f"the URL does not show the value sent to {_key(slider.id)}: {session.query}")
                stats.errors.extend(f"session {number}: {problem}" for problem in problems)
    except (OSError, TimeoutError, websockets.WebSocketException) as exc:
        stats.errors.append(f"session {number}: {type(exc).__name__}: {exc}")


def rss_mb(pid: int) -> float | None:
    """Return a process's resident memory in MB from /proc, or None if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def sample_rss(pid: int | None, stats: Stats, done: asyncio.Event) -> None:
    while pid is not None and not done.is_set():
        if (value := rss_mb(pid)) is not None:
            stats.rss_mb.append(value)
        await asyncio.sleep(RSS_SAMPLE_S)


async def probe_under_load(ws_url: str, delay_s: float, stats: Stats) -> None:
    await asyncio.sleep(delay_s)
    try:
        stats.fresh_under_load_s, problems = await fresh_load(ws_url)
        stats.errors.extend(f"fresh session: {problem}" for problem in problems)
    except (OSError, TimeoutError, websockets.WebSocketException) as exc:
        stats.errors.append(f"fresh session: {type(exc).__name__}: {exc}")


async def browser_under_load(base_url: str, delay_s: float, stats: Stats) -> None:
    """Open the Scenarios page in headless Chromium after `delay_s`; time it until the page is complete."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cloud_rehearsal import APP_READY, CHROMIUM, CHROMIUM_ARGS, PAGE_DONE
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await asyncio.sleep(delay_s)
            tab = await browser.new_page()
            started = time.perf_counter()
            await tab.goto(f"{base_url}/{PAGE}?{QUERY}", timeout=RUN_TIMEOUT_S * 1000)
            await tab.wait_for_selector(PAGE_DONE, timeout=RUN_TIMEOUT_S * 1000)
            await tab.wait_for_selector(APP_READY, timeout=RUN_TIMEOUT_S * 1000)
            stats.browser_under_load_s = time.perf_counter() - started
        except Exception as exc:  # a Playwright time-out or a closed page: an error of the run, not a crash
            stats.errors.append(f"browser session: {type(exc).__name__}: {str(exc)[:200]}")
        finally:
            await browser.close()


async def load(
    base_url: str,
    pid: int | None,
    sessions: int,
    duration_s: float,
    max_reruns: int,
    think_s: float,
    browser: bool = False,
    whole_page: bool = False,
) -> Stats:
    """Run the whole load against `base_url` and return what it measured."""
    ws_url = base_url.replace("http", "ws", 1) + "/_stcore/stream"
    stats = Stats()
    stats.first_load_s, problems = await fresh_load(ws_url)
    stats.errors.extend(f"first session: {problem}" for problem in problems)
    stats.fresh_idle_s, problems = await fresh_load(ws_url)
    stats.errors.extend(f"idle fresh session: {problem}" for problem in problems)
    done = asyncio.Event()
    sampler = asyncio.create_task(sample_rss(pid, stats, done))
    stop_at = time.monotonic() + duration_s
    ramp_s = min(5.0, duration_s / 4)
    hard_stop_s = duration_s + 2 * RUN_TIMEOUT_S

    async def staggered(number: int) -> None:
        await asyncio.sleep(ramp_s * number / sessions)
        await user(ws_url, number, stop_at, max_reruns, think_s, stats, whole_page)

    users = [staggered(number) for number in range(sessions)]
    try:  # every session stops by itself; this bounds the whole run even if the server stops answering
        probes = [probe_under_load(ws_url, duration_s / 2, stats)]
        if browser:
            probes.append(browser_under_load(base_url, duration_s * 0.6, stats))
        await asyncio.wait_for(asyncio.gather(*users, *probes), hard_stop_s)
    except TimeoutError:
        stats.errors.append(f"the load did not stop within {hard_stop_s:.0f} s")
    done.set()
    await sampler
    return stats


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def summary(stats: Stats, sessions: int, duration_s: float, elapsed_s: float) -> dict[str, object]:
    """Return the report: counts, latencies in seconds, memory in MB."""

    def rounded(value: float | None, digits: int = 3) -> float | None:
        return None if value is None else round(value, digits)

    return {
        "sessions": sessions,
        "duration_s": duration_s,
        "elapsed_s": round(elapsed_s, 1),
        "reruns": len(stats.rerun_s),
        "errors": len(stats.errors),
        "error_samples": stats.errors[:10],
        "rerun_p50_s": rounded(_percentile(stats.rerun_s, 0.5)),
        "rerun_p90_s": rounded(_percentile(stats.rerun_s, 0.9)),
        "rerun_max_s": rounded(max(stats.rerun_s, default=None)),
        "rerun_mb_p50": rounded(_percentile([b / 1e6 for b in stats.rerun_bytes], 0.5)),
        "page_loads": len(stats.load_s),
        "load_p50_s": rounded(_percentile(stats.load_s, 0.5)),
        "load_max_s": rounded(max(stats.load_s, default=None)),
        "first_load_s": rounded(stats.first_load_s),
        "fresh_load_idle_s": rounded(stats.fresh_idle_s),
        "fresh_load_under_load_s": rounded(stats.fresh_under_load_s),
        "browser_load_under_load_s": rounded(stats.browser_under_load_s),
        "rss_mb_min": rounded(min(stats.rss_mb, default=None), 0),
        "rss_mb_max": rounded(max(stats.rss_mb, default=None), 0),
        "rss_mb_last": rounded(stats.rss_mb[-1] if stats.rss_mb else None, 0),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server() -> tuple[subprocess.Popen, str, Path]:
    """Start the app from the repository root on a free loopback port with Community Cloud's forced settings."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", f"--server.port={port}"]
    command += ["--server.address=127.0.0.1", "--server.headless=true", *CLOUD_SETTINGS]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    log = Path(tempfile.gettempdir()) / f"loadtest-server-{port}.log"  # a pipe nobody reads could fill up
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        serving.wait_healthy(url, lambda: server.poll() is not None, SERVER_START_TIMEOUT_S)
    except RuntimeError as error:
        server.kill()
        raise RuntimeError(f"the app did not start ({error}): {log.read_text(errors='replace')[-2000:]}") from None
    return server, url, log


def loopback_only(url: str) -> str:
    """Refuse any target but this machine's loopback: a load test never leaves 127.0.0.0/8 or ::1."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        is_loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        is_loopback = False
    if not is_loopback:
        raise SystemExit(f"loadtest: refusing {url}: only a loopback address (127.0.0.1, ::1, localhost) may be loaded")
    return url.rstrip("/")


def print_table(report: dict[str, object]) -> None:
    def values(*keys: str) -> str:
        return " / ".join(str(report[key]) for key in keys)

    took = f"{report['sessions']} × {report['duration_s']:g} (took {report['elapsed_s']} s)"
    rows = [
        ("sessions × seconds", took),
        ("reruns / errors", values("reruns", "errors")),
        ("rerun latency p50 / p90 / max (s)", values("rerun_p50_s", "rerun_p90_s", "rerun_max_s")),
        ("first session after start (cold caches) (s)", values("first_load_s")),
        ("page loads during the ramp-up p50 / max (s)", values("load_p50_s", "load_max_s")),
        ("fresh session load: idle / under load (s)", values("fresh_load_idle_s", "fresh_load_under_load_s")),
        ("fresh page load in Chromium under load (s)", values("browser_load_under_load_s")),
        ("server RSS min / max / last (MB)", values("rss_mb_min", "rss_mb_max", "rss_mb_last")),
        ("bytes sent per rerun, p50 (MB)", values("rerun_mb_p50")),
    ]
    print("| load test (protocol level, Scenarios levers) | |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for sample in report["error_samples"]:
        print(f"error: {sample}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--max-reruns", type=int, default=100, help="per session (default 100)")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a rerun and the next move (s)")
    parser.add_argument("--url", help="a running app on a loopback address (default: start one)")
    parser.add_argument("--pid", type=int, help="with --url: the server's process id, to sample its RSS")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    parser.add_argument("--browser", action="store_true", help="also time a fresh page load in headless Chromium")
    parser.add_argument(
        "--whole-page", action="store_true", help="a lever move reruns the whole page, not only its fragment"
    )
    args = parser.parse_args(argv)
    if not (1 <= args.sessions <= 200 and 0 < args.duration <= 600 and 1 <= args.max_reruns <= 1000):
        parser.error("bounded load only: 1-200 sessions, at most 600 s, 1-1000 reruns per session")
    server = None
    if args.url:
        url, pid = loopback_only(args.url), args.pid
    else:
        server, url, log = start_server()
        pid = server.pid
    started = time.perf_counter()
    try:
        stats = asyncio.run(
            load(url, pid, args.sessions, args.duration, args.max_reruns, args.think, args.browser, args.whole_page)
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
            log.unlink(missing_ok=True)
    report = summary(stats, args.sessions, args.duration, time.perf_counter() - started)
    print_table(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if report["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
