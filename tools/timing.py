"""Timing tool: `python -m tools.timing` (from the repository root) prints model, rerun, browser and memory figures.

Browser figures run the app and a minimal Streamlit page side by side in the same run (BARE_APP: one
URL-bound slider and one Altair line chart, Streamlit's default configuration, nothing else), so the
ratio says what the app adds on top of Streamlit itself. Needs Debian's chromium for the
browser part (`--no-browser` skips it).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from explorer import ROOT, model
from explorer.core import serving
from tests.helpers.chromium import CHROMIUM, CHROMIUM_ARGS

START_TIMEOUT_S = 120.0
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
# The browser keeps mounting elements for up to ~0.7 s after a run has finished; a click in that
# window can land on an element that is then replaced, and no rerun follows.
SETTLE_MS = 1000
BARE_APP = """import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

value = st.slider("value", 0, 100, 50, key="value", bind="query-params")
frame = pd.DataFrame({"x": range(20), "y": [value * i for i in range(20)]})
st.altair_chart(alt.Chart(frame).mark_line().encode(x="x", y="y"))
"""
# Each page's main interaction: the URL it opens, and a function that gets the page ready for the
# user's committing action (focus a slider, open a dropdown, type a word) and returns that action
# (the key press or click that starts the rerun). Only the action is timed.
Trigger = Callable[[], object]
INTERACTIONS: dict[str, tuple[str, Callable[..., Trigger]]] = {
    "overview: switch the language": (
        "?lang=en",
        lambda page, i: _click_text(page, ("中文", "English")[i % 2]),
    ),
    "figures: search a word (Enter)": (
        "figures?lang=en",
        lambda page, i: _type(page, "Search", ("rack", "5G")[i % 2]),
    ),
    "bottlenecks: pick one bottleneck": (
        "bottlenecks?lang=en",
        lambda page, i: _choose(page, "Bottleneck", ("2.2 ", "All five")[i % 2]),
    ),
    "recommendations: filter by a bottleneck": (
        "recommendations?lang=en",
        lambda page, i: _toggle(page, "Show measures for these bottlenecks", "2.2 ", i),
    ),
    "targets: show only targets with a status": (
        "targets?lang=en",
        lambda page, i: _click_text(page, ("With a published status", "All targets")[i % 2]),
    ),
    "benchmarks: pick another indicator": (
        "benchmarks?lang=en",
        lambda page, i: _choose(page, "Indicator", ("R&D intensity", "Gross regional product")[i % 2]),
    ),
    "scenarios: move a lever slider": (
        "scenarios?lang=en",
        lambda page, i: _slider(page, "New standard racks", i),
    ),
    "methods: filter parameters by grade": (
        "methods?lang=en",
        lambda page, i: _toggle(page, "Grade", "official", i),
    ),
    "data: run a SQL query": (
        "data?lang=en&sql=SELECT%20kind%2C%20count(*)%20FROM%20figures%20GROUP%20BY%20kind",
        lambda page, i: page.get_by_role("button", name="Run", exact=True).click,
    ),
}
BARE_INTERACTION = lambda page, i: _slider(page, "value", i)  # noqa: E731
# Counts the server's "script finished" messages as they arrive (top-level field 6 of a ForwardMsg),
# so that a rerun is seen even when the browser renders its start and end in one frame and the
# DOM's script state never changes.
WS_PROBE = """(() => {
    const finished = data => {
        const b = new Uint8Array(data);
        let i = 0;
        const varint = () => {
            let value = 0, shift = 0, byte;
            do { byte = b[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
            return value;
        };
        while (i < b.length) {
            const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
            if (field === 6 && wire === 0) return true;
            if (wire === 0) varint();
            else if (wire === 2) { const length = varint(); i += length; }  // not `i += varint()`: reads i first
            else if (wire === 1) i += 8;
            else if (wire === 5) i += 4;
            else return false;
        }
        return false;
    };
    window.__runsFinished = 0;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', event => {
                if (event.data instanceof ArrayBuffer && finished(event.data)) window.__runsFinished++;
            });
        }
    };
})()"""
# Resolves with the time the app next reports a finished script run: when the DOM's script state
# turns to notRunning, or, if it never changes, two frames after the "script finished" message
# arrived with the state at notRunning. Resolves with -1 after 30 s without either.
RUN_FINISHED = """() => new Promise(resolve => {
    const app = document.querySelector("[data-testid='stApp']");
    const seen = window.__runsFinished;
    let frames = 0;
    const done = value => { observer.disconnect(); clearTimeout(timeout); resolve(value); };
    const observer = new MutationObserver(() => {
        if (app.getAttribute('data-test-script-state') === 'notRunning') done(performance.now());
    });
    observer.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
    const timeout = setTimeout(() => done(-1), 30000);
    const poll = () => {
        const arrived = window.__runsFinished > seen && app.getAttribute('data-test-script-state') === 'notRunning';
        frames = arrived ? frames + 1 : 0;
        if (frames === 2) done(performance.now()); else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
})"""


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def model_times(params: pd.DataFrame, repeat: int) -> list[tuple[str, float]]:
    """Return (case, median ms) for the model: 1,000 draws to 2030 and 2035, then draws and horizon scaling."""
    base = model.baseline()
    rows = [("project, 1,000 draws to 2030", _median_ms(lambda: model.project(base, params, draws=1000), repeat))]
    to_2035 = model.Levers(**{**vars(base), "horizon": 2035})
    rows.append(
        (
            "project, 1,000 draws to 2035 (all channels)",
            _median_ms(lambda: model.project(to_2035, params, draws=1000), repeat),
        )
    )
    for draws in (100, 1_000, 10_000):
        rows.append(
            (
                f"draws {draws:,} (to 2030)",
                _median_ms(lambda d=draws: model.project(base, params, draws=d), max(3, repeat // 3)),
            )
        )
    for horizon in (2025, 2030, 2035):
        levers = model.Levers(**{**vars(base), "horizon": horizon})
        rows.append(
            (f"horizon {horizon} (1,000 draws)", _median_ms(lambda lv=levers: model.project(lv, params), repeat))
        )
    rows.append(("tornado (all parameters)", _median_ms(lambda: model.tornado(base, params, "core_va", 2030), repeat)))
    return rows


def rerun_time(repeat: int) -> float:
    """Return the median AppTest rerun of the Scenarios page after a slider change, in ms."""
    from tests.helpers.apptest import go_to, new_session

    at = new_session(120)
    at.query_params["lang"] = "en"
    go_to(at, "scenarios").run()
    values = [7_000, 8_000]
    samples = []
    for i in range(repeat):
        slider = at.slider(key="dc_racks").set_value(values[i % 2])
        started = time.perf_counter()
        slider.run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples[1:])


def rerun_cpu(repeat: int) -> tuple[float, float]:
    """Return the median CPU time of the script thread of an AppTest rerun of Scenarios after a lever move, in ms:
    between two settings seen before (cached results) and to a setting not seen before (the model runs)."""
    from streamlit.runtime.scriptrunner import script_runner

    from tests.helpers.apptest import go_to, new_session

    spent: list[float] = []
    real = script_runner.ScriptRunner._run_script

    def timed(self, *args, **kwargs):
        started = time.thread_time()
        try:
            return real(self, *args, **kwargs)
        finally:
            spent.append((time.thread_time() - started) * 1000)

    script_runner.ScriptRunner._run_script = timed
    try:
        at = new_session(120)
        at.query_params["lang"] = "en"
        go_to(at, "scenarios").run()

        def move(value: float) -> float:
            before = len(spent)
            at.slider(key="dc_racks").set_value(value).run()
            return sum(spent[before:])

        low, high, step = (getattr(at.slider(key="dc_racks"), name) for name in ("min", "max", "step"))
        seen = [move((7_000, 8_000)[i % 2]) for i in range(repeat + 2)][2:]
        fresh = [move(value) for value in np.linspace(low, high, repeat + 2)[1:-1].round(-3) if value not in (7e3, 8e3)]
    finally:
        script_runner.ScriptRunner._run_script = real
    return statistics.median(seen), statistics.median(fresh)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(script: Path, cwd: Path) -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    started = time.perf_counter()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    serving.wait_healthy(
        url, lambda: server.poll() is not None, START_TIMEOUT_S, poll_s=0.05
    )  # fine: start-up is timed
    return server, url, started


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _painted(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid='stVegaLiteChart'], h1", timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)


def _slider(page, label: str, i: int) -> Trigger:
    """Focus a slider's thumb; the action is one arrow key (right, then back left)."""
    thumb = page.locator("[data-testid='stSlider']").filter(has_text=label).get_by_role("slider")
    thumb.focus()
    return lambda: thumb.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")


def _click_text(page, text: str) -> Trigger:
    """The action is a click on the (radio) label with this text, the one shown (the language's twin in the phone
    bar is hidden at this width)."""
    return page.get_by_text(text, exact=True).locator("visible=true").click


def _type(page, label: str, text: str) -> Trigger:
    """Type into a text box; the action is Enter."""
    box = page.get_by_role("textbox", name=label, exact=True).first
    box.fill(text)
    return lambda: box.press("Enter")


def _open(page, label: str):
    box = page.get_by_role("combobox", name=label, exact=True)
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # let the scroll settle, or the click lands beside the box
    box.click()
    return box


def _choose(page, label: str, option_start: str) -> Trigger:
    """Open a select box; the action is a click on the option whose text starts with `option_start`."""
    _open(page, label)
    option = page.get_by_role("option", name=re.compile("^" + re.escape(option_start)))
    option.wait_for()
    return option.click


def _toggle(page, label: str, option_start: str, i: int) -> Trigger:
    """Even turns: open a multiselect, the action picks the option; odd turns: the action is Backspace (removes it)."""
    if i % 2 == 1:
        box = page.get_by_role("combobox", name=label, exact=True)
        box.focus()
        return lambda: box.press("Backspace")
    return _choose(page, label, option_start)


def _cpu_ms(pid: int) -> float:
    """Return the CPU time (user + system) a process has used so far, in ms."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


# Fully painted: the script has finished, no skeleton is left and every chart has drawn its canvas.
PAINTED = """() => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector("[data-testid='stSkeleton']")) return false;
    const charts = [...document.querySelectorAll("[data-testid='stVegaLiteChart']")];
    return charts.length > 0 && charts.every(chart => chart.querySelector('canvas, svg'));
}"""


def first_load_ms(browser, url: str, repeat: int) -> float:
    """Return the median time from opening `url` in a fresh tab (warm server) until it is fully painted, in ms."""
    samples = []
    for _ in range(repeat):
        tab = browser.new_page(viewport={"width": 1366, "height": 900})
        started = time.perf_counter()
        tab.goto(url)
        tab.wait_for_function(PAINTED, timeout=60_000, polling="raf")
        samples.append((time.perf_counter() - started) * 1000)
        tab.close()
    return statistics.median(samples)


def _idle_cpu_rate(pid: int, seconds: float = 2.0) -> float:
    """Return the CPU a server uses per ms while no one acts (its file watcher, its event loop)."""
    before, started = _cpu_ms(pid), time.perf_counter()
    time.sleep(seconds)
    return (_cpu_ms(pid) - before) / ((time.perf_counter() - started) * 1000)


def _interaction_ms(page, prepare: Callable[..., Trigger], repeat: int, pid: int) -> tuple[float, float]:
    """Return the median time from the user's committing action until the rerun it causes has finished, in ms,
    and the server's CPU time per action (action to 200 ms after the rerun, less its idle CPU), in ms."""
    samples = []
    cpu = 0.0
    page.wait_for_selector(READY, timeout=30_000)
    page.wait_for_timeout(SETTLE_MS)
    idle = _idle_cpu_rate(pid)
    for i in range(repeat):
        page.wait_for_selector(READY, timeout=30_000)
        page.wait_for_timeout(SETTLE_MS)
        action = prepare(page, i)
        page.evaluate(f"() => {{ window.__finished = ({RUN_FINISHED})(); }}")  # not awaited here
        started = page.evaluate("performance.now()")
        cpu_before, wall_before = _cpu_ms(pid), time.perf_counter()
        action()
        finished = page.evaluate("window.__finished")
        page.wait_for_timeout(200)  # the server's last messages of the rerun
        cpu += _cpu_ms(pid) - cpu_before - idle * (time.perf_counter() - wall_before) * 1000
        if finished < 0:
            raise RuntimeError(f"no rerun finished within 30 s of action {i} on {page.url}")
        samples.append(finished - started)
    return statistics.median(samples), cpu / repeat


def browser_figures(repeat: int, sessions: int, only: str = "") -> list[tuple[str, float, float]]:
    """Return (measure, app, bare) for cold start, key-press latency, server CPU per action, the Scenarios page's
    first load and memory after `sessions` sessions; `only` keeps the interactions whose name contains it."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        bare_script = Path(folder) / "bare.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        rows: list[tuple[str, float, float]] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.add_init_script(WS_PROBE)
            app, app_url, app_started = _start(ROOT / "app.py", ROOT)
            _painted(page, f"{app_url}/?lang=en")
            app_cold = (time.perf_counter() - app_started) * 1000
            bare, bare_url, bare_started = _start(bare_script, Path(folder))
            _painted(page, f"{bare_url}/")
            bare_cold = (time.perf_counter() - bare_started) * 1000
            try:
                rows.append(("cold start: server start → first page painted (ms)", app_cold, bare_cold))
                rows.append(
                    (
                        "scenarios: open in a new tab → fully painted, no skeleton (ms)",
                        first_load_ms(browser, f"{app_url}/scenarios?lang=en", repeat),
                        first_load_ms(browser, f"{bare_url}/", repeat),
                    )
                )
                _painted(page, f"{bare_url}/")
                bare_ms, bare_cpu = _interaction_ms(page, BARE_INTERACTION, repeat, bare.pid)
                for name, (path, prepare) in INTERACTIONS.items():
                    if only not in name:
                        continue
                    _painted(page, f"{app_url}/{path}")
                    app_ms, app_cpu = _interaction_ms(page, prepare, repeat, app.pid)
                    rows.append((f"{name}: action → rerun finished (ms)", app_ms, bare_ms))
                    rows.append((f"{name}: server CPU per action (ms)", app_cpu, bare_cpu))
                for _ in range(sessions):
                    extra = browser.new_page()
                    _painted(extra, f"{app_url}/scenarios?lang=zh")
                    extra.close()
                    extra = browser.new_page()
                    _painted(extra, f"{bare_url}/")
                    extra.close()
                rows.append((f"server memory after {sessions} sessions (RSS, MB)", _rss_mb(app.pid), _rss_mb(bare.pid)))
            finally:
                browser.close()
                for server in (app, bare):
                    server.terminate()
                    server.wait(timeout=10)
    return rows


def main() -> None:
    """Command line: print the timings as Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15, help="repetitions per timing (median reported)")
    parser.add_argument("--sessions", type=int, default=20, help="browser sessions before reading memory")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--only", default="", help="time only the interactions whose name contains this")
    parser.add_argument("--load", action="store_true", help="also run the 30-session load test (tools/loadtest.py)")
    args = parser.parse_args()

    from explorer.data import gateway as db

    con = db.connect()
    params = db.parameters(con)
    con.close()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print("| model | median ms |\n|---|---|")
    for case, ms in model_times(params, args.repeat):
        print(f"| {case} | {ms:.1f} |")
    print(f"\n| AppTest rerun of Scenarios after a slider change | {rerun_time(args.repeat):.0f} ms |\n|---|---|")
    seen, fresh = rerun_cpu(args.repeat)
    print(f"| its script thread's CPU: a setting seen before / a new setting | {seen:.1f} / {fresh:.1f} ms |")
    if args.no_browser or not Path(CHROMIUM).is_file():
        return
    print("\n| browser (headless Chromium) | app | bare page | app / bare |\n|---|---|---|---|")
    for measure, app_value, bare_value in browser_figures(args.repeat, args.sessions, args.only):
        print(f"| {measure} | {app_value:.0f} | {bare_value:.0f} | {app_value / bare_value:.2f} |")
    if args.load:
        from tools import loadtest

        print()
        loadtest.main(["--sessions", "30", "--duration", "60", "--browser"])


if __name__ == "__main__":
    main()
