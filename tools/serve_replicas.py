"""Scale out: `python tools/serve_replicas.py --replicas N --port P` serves the app from N processes behind nginx.

Each replica is `streamlit run app.py` on its own loopback port; nginx (Debian's package: `apt-get install
nginx`) listens on `--host`:`--port` (default 127.0.0.1) and keeps every reader on one replica: the first
response sets a `replica` cookie with a random key, and the upstream is chosen by a consistent hash of
that cookie (nginx's open-source `hash`; `ip_hash` would send every reader behind one proxy or NAT, and
every loopback client, to the same replica). A Streamlit session lives in its replica's memory (its
widgets, its download buttons' files), and its websocket is upgraded through the proxy and stays on the
replica it opened on. Responses name the replica that served them (`X-Replica: 1..N`). The nginx config
and logs go to a temporary folder; everything runs in the foreground and stops on Ctrl-C or SIGTERM, or
when any process of the set exits.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from explorer.core import serving

ROOT = Path(__file__).resolve().parents[1]
COOKIE = "replica"
START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 15.0
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")
# Community Cloud forces the last three whatever .streamlit/config.toml says; the replicas run the same way. A
# replica serves code that does not change while it runs (restart the set to deploy), so it watches no files:
# the watcher walked every loaded module after each run (about 6 % of the server's samples in a profile).
REPLICA_SETTINGS = (
    "--server.headless=true",
    "--server.fileWatcherType=none",
    "--client.showErrorDetails=false",
    "--runner.fastReruns=true",
    "--server.enableXsrfProtection=true",
)


def find_nginx() -> str | None:
    """Return the nginx executable (Debian puts it in /usr/sbin, not always on a user's PATH), or None."""
    for candidate in NGINX_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def free_port() -> int:
    """Return a loopback port that is free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_config(folder: Path, host: str, port: int, replica_ports: list[int]) -> str:
    """Return an nginx.conf that proxies `host:port` to the replicas with cookie-sticky sessions and websockets."""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in replica_ports)
    names = "\n".join(f'        "127.0.0.1:{p}" "{i}";' for i, p in enumerate(replica_ports, start=1))
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""worker_processes auto;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;

events {{
    worker_connections 4096;
}}

http {{
    access_log off;
{temp}

    # A reader without the cookie gets a random key; the hash of the key picks the replica.
    map $cookie_{COOKIE} $sticky_key {{
        "" $request_id;
        default $cookie_{COOKIE};
    }}
    map $cookie_{COOKIE} $set_sticky_cookie {{
        "" "{COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;
    }}
    map $upstream_addr $replica_name {{
        default "";
{names}
    }}

    upstream streamlit {{
        hash $sticky_key consistent;
{servers}
    }}

    server {{
        listen {host}:{port};
        client_max_body_size 50m;

        location / {{
            proxy_pass http://streamlit;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 1d;
            proxy_send_timeout 1d;
            proxy_buffering off;
            add_header Set-Cookie $set_sticky_cookie always;
            add_header X-Replica $replica_name always;
        }}
    }}
}}
"""


def start_replica(port: int, cookie_secret: str, log: Path) -> subprocess.Popen:
    """Start one `streamlit run app.py` on a loopback port (the same cookie secret on every replica)."""
    command = [sys.executable, "-m", "streamlit", "run", "app.py", f"--server.port={port}"]
    command += ["--server.address=127.0.0.1", *REPLICA_SETTINGS]
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_healthy(url: str, processes: list[subprocess.Popen], timeout_s: float) -> None:
    """Wait until `url` answers its health check; raise if a process exits first or the time runs out."""
    serving.wait_healthy(url, lambda: any(process.poll() is not None for process in processes), timeout_s)


def stop(processes: list[subprocess.Popen]) -> None:
    """Ask every process to stop (SIGTERM), then kill what is left after STOP_TIMEOUT_S."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def serve(replicas: int, host: str, port: int, nginx: str) -> int:
    """Start the replicas and nginx, wait until one of them exits or a signal arrives, stop all; return an exit code."""
    folder = Path(tempfile.mkdtemp(prefix="serve-replicas-"))
    os.chmod(folder, 0o755)  # nginx's workers (user nobody) read their temp folders under it
    processes: list[subprocess.Popen] = []
    stopping = {"signal": 0}

    def on_signal(number: int, _frame: object) -> None:
        stopping["signal"] = number

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    code = 1
    try:
        ports = [free_port() for _ in range(replicas)]
        cookie_secret = secrets.token_hex(32)
        for number, replica_port in enumerate(ports, start=1):
            processes.append(start_replica(replica_port, cookie_secret, folder / f"replica-{number}.log"))
        for replica_port in ports:
            wait_healthy(f"http://127.0.0.1:{replica_port}", processes, START_TIMEOUT_S)
        config = folder / "nginx.conf"
        config.write_text(nginx_config(folder, host, port, ports), encoding="utf-8")
        processes.append(subprocess.Popen([nginx, "-c", str(config), "-p", str(folder), "-g", "daemon off;"]))
        wait_healthy(f"http://{host}:{port}", processes, START_TIMEOUT_S)
        print(f"serving http://{host}:{port} from {replicas} replicas (127.0.0.1:{', '.join(map(str, ports))})")
        print(f"nginx config and logs: {folder}; Ctrl-C stops all", flush=True)
        while not stopping["signal"] and all(process.poll() is None for process in processes):
            time.sleep(0.2)
        if not stopping["signal"]:
            print(f"serve_replicas: a process exited; logs kept in {folder}", file=sys.stderr)
        code = 0 if stopping["signal"] else 1
    except RuntimeError as exc:
        print(f"serve_replicas: {exc}; logs kept in {folder}", file=sys.stderr)
    finally:
        stop(processes)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if code == 0:
            shutil.rmtree(folder, ignore_errors=True)
    return code


def main(argv: list[str] | None = None) -> int:
    """Command line: parse the options, check nginx is there, serve."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="Streamlit processes (default 2; about one per core)")
    parser.add_argument("--port", type=int, default=8501, help="the port nginx listens on (default 8501)")
    parser.add_argument("--host", default="127.0.0.1", help="the address nginx listens on (default 127.0.0.1)")
    args = parser.parse_args(argv)
    if not 1 <= args.replicas <= 32:
        parser.error("--replicas: 1 to 32")
    nginx = find_nginx()
    if nginx is None:
        parser.error("nginx not found: install Debian's package (apt-get install nginx)")
    return serve(args.replicas, args.host, args.port, nginx)


if __name__ == "__main__":
    sys.exit(main())
