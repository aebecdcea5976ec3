"""tools/serve_replicas.py: nginx in front of several Streamlit processes keeps each reader's session on one replica."""

import asyncio
import importlib.util
import signal
import subprocess
import sys
import time
import urllib.request

import in_thread
import pytest

from explorer import ROOT

TOOL = ROOT / "tools" / "serve_replicas.py"
spec = importlib.util.spec_from_file_location("serve_replicas", TOOL)
serve_replicas = sys.modules["serve_replicas"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve_replicas)
spec = importlib.util.spec_from_file_location("loadtest", ROOT / "tools" / "loadtest.py")
loadtest = sys.modules["loadtest"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(loadtest)

NGINX = serve_replicas.find_nginx()
needs_nginx = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (Debian: apt-get install nginx)")


def _get(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    """Return (the X-Replica that answered, the replica cookie it set, if any)."""
    request = urllib.request.Request(url, headers={"Cookie": f"replica={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        set_cookie = response.headers.get("Set-Cookie") or ""
        key = set_cookie.split(";")[0].split("=", 1)[1] if set_cookie.startswith("replica=") else None
        return response.headers["X-Replica"], key


def test_the_config_sends_websockets_through_and_hashes_the_cookie(tmp_path):
    config = serve_replicas.nginx_config(tmp_path, "127.0.0.1", 8600, [8601, 8602, 8603])
    assert "hash $sticky_key consistent;" in config and "ip_hash" not in config
    assert "proxy_set_header Upgrade $http_upgrade;" in config
    assert "proxy_set_header Connection $connection_upgrade;" in config
    assert "listen 127.0.0.1:8600;" in config
    for number, port in enumerate((8601, 8602, 8603), start=1):
        assert f"server 127.0.0.1:{port} " in config and f'"127.0.0.1:{port}" "{number}";' in config


@needs_nginx
def test_nginx_accepts_the_config(tmp_path):
    (tmp_path / "nginx.conf").write_text(serve_replicas.nginx_config(tmp_path, "127.0.0.1", 8600, [8601, 8602]))
    result = subprocess.run(
        [NGINX, "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_it_refuses_an_unbounded_number_of_replicas(capsys):
    with pytest.raises(SystemExit) as exit_info:
        serve_replicas.main(["--replicas", "0"])
    assert exit_info.value.code == 2
    assert "--replicas: 1 to 32" in capsys.readouterr().err


async def _session_on(base_url: str, cookie: str) -> tuple[str, list[str]]:
    """Open a protocol-level session through the proxy with this cookie, load Scenarios and move one lever;
    return the replica that upgraded the websocket and what went wrong."""
    import websockets

    ws_url = base_url.replace("http", "ws", 1) + "/_stcore/stream"
    session = loadtest.Session(ws_url)
    session.ws = await websockets.connect(
        ws_url,
        subprotocols=["streamlit"],
        max_size=None,
        open_timeout=30,
        additional_headers={"Cookie": f"replica={cookie}"},
    )
    try:
        replica = session.ws.response.headers["X-Replica"]
        run = await session.rerun()
        problems = loadtest._problems(run)
        lever = next(slider for slider in run.sliders.values() if loadtest._is_lever(slider.id))
        moved = await session.rerun({lever.id: lever.min})
        problems += loadtest._problems(moved)
        if not loadtest._applied(session.query, lever, lever.min):
            problems.append(f"the rerun did not keep the session's page and levers: {session.query}")
        return replica, problems
    finally:
        await session.ws.close()


@pytest.mark.e2e
@needs_nginx
def test_two_replicas_serve_and_each_session_stays_on_one():
    port = serve_replicas.free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, str(TOOL), "--replicas", "2", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        serve_replicas.wait_healthy(base, [server], 150)
        # New readers (no cookie) are spread over both replicas; each gets a cookie naming its key.
        first_seen: dict[str, str] = {}
        for _ in range(60):
            replica, key = _get(f"{base}/")
            assert key is not None, "a reader without the cookie gets one"
            first_seen.setdefault(replica, key)
            if len(first_seen) == 2:
                break
        assert set(first_seen) == {"1", "2"}, f"only replica(s) {sorted(first_seen)} answered 60 new readers"
        # A reader with a cookie stays on its replica, for every request and for the websocket of its session.
        for replica, key in first_seen.items():
            assert {_get(f"{base}/scenarios?lang=en", key) for _ in range(8)} == {(replica, None)}

        async def both() -> list[tuple[str, list[str]]]:
            return await asyncio.gather(*(_session_on(base, key) for key in first_seen.values()))

        sessions = in_thread.run(asyncio.wait_for(both(), 150))
        assert [replica for replica, _ in sessions] == list(first_seen)
        assert [problems for _, problems in sessions] == [[], []]
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert f"serving {base} from 2 replicas" in output
    ports = [int(p) for p in output.split("(127.0.0.1:", 1)[1].split(")", 1)[0].split(", ")]
    time.sleep(0.5)
    for replica_port in [port, *ports]:  # nginx and both replicas have stopped
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{replica_port}/_stcore/health", timeout=2)
