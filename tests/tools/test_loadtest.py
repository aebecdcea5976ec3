"""The protocol-level load test (tools/loadtest.py): a short run has sane numbers; it loads loopback only."""

import asyncio
import importlib.util
import json
import subprocess
import sys

import in_thread
import pytest

from explorer import ROOT

TOOL = ROOT / "tools" / "loadtest.py"
spec = importlib.util.spec_from_file_location("loadtest", TOOL)
loadtest = sys.modules["loadtest"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(loadtest)


def run_tool(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.e2e
def test_three_sessions_move_the_levers_without_errors(tmp_path):
    report_path = tmp_path / "report.json"
    result = run_tool("--sessions", "3", "--duration", "8", "--think", "0.5", "--json", str(report_path))
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["errors"] == 0, report["error_samples"]
    assert report["reruns"] > 0
    assert 0 < report["rerun_p50_s"] <= report["rerun_p90_s"] <= report["rerun_max_s"] < 120
    assert report["page_loads"] == 3 and 0 < report["load_p50_s"] <= report["load_max_s"]
    assert report["first_load_s"] > 0 and report["fresh_load_idle_s"] > 0 and report["fresh_load_under_load_s"] > 0
    assert 50 < report["rss_mb_min"] <= report["rss_mb_max"] < 24_000
    assert report["rerun_mb_p50"] > 0
    assert "| rerun latency p50 / p90 / max (s) |" in result.stdout


@pytest.mark.e2e
def test_a_lever_move_reruns_only_the_levers_fragment_as_a_browser_does():
    async def statuses() -> tuple[str, list[int]]:
        server, url, log = loadtest.start_server()
        try:
            async with loadtest.Session(url.replace("http", "ws", 1) + "/_stcore/stream") as session:
                run = await session.rerun()
                lever = next(slider for slider in run.sliders.values() if loadtest._is_lever(slider.id))
                finished = []
                for fragment in (lever.fragment_id, ""):
                    session._read_run = _finished_status(session, finished)
                    await session.rerun({lever.id: lever.min}, fragment)
                return lever.fragment_id, finished
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.unlink(missing_ok=True)

    fragment, finished = in_thread.run(asyncio.wait_for(statuses(), 150))
    assert fragment
    fragment_run = loadtest.ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    assert finished == [fragment_run, loadtest.ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY]


def _finished_status(session, finished: list[int]):
    """Return a reader for `session` that records how the run finished."""

    async def read() -> loadtest.Run:
        while True:
            message = loadtest.ForwardMsg()
            message.ParseFromString(await session.ws.recv())
            if message.WhichOneof("type") == "script_finished":
                finished.append(message.script_finished)
                return loadtest.Run()

    return read


@pytest.mark.parametrize("url", ["http://10.0.0.1:8501", "http://example.com", "http://192.168.1.5", "http://[::2]"])
def test_it_refuses_any_target_but_loopback(url):
    with pytest.raises(SystemExit, match="only a loopback address"):
        loadtest.loopback_only(url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8501/", "http://localhost:8501", "http://[::1]:8501", "http://127.9.0.1"]
)
def test_it_accepts_loopback(url):
    assert loadtest.loopback_only(url) == url.rstrip("/")


@pytest.mark.parametrize("args", [["--sessions", "500"], ["--duration", "3600"], ["--max-reruns", "0"]])
def test_it_refuses_an_unbounded_load(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        loadtest.main(["--url", "http://127.0.0.1:1", *args])
    assert exit_info.value.code == 2
    assert "bounded load only" in capsys.readouterr().err
