"""Community Cloud rehearsal: install the app as Cloud does, run it read-only, open every page in Chromium.

`python tools/cloud_rehearsal.py` copies the repository's tracked files into a scratch folder,
installs them into a fresh virtual environment (Python 3.12, Cloud's default, where one is installed;
`--python` chooses another) with `uv pip install -r requirements.txt` alone (uv comes from PyPI
into its own tool venv), then starts `streamlit run app.py` from the repository
root with Community Cloud's forced settings, the repository, the venv and HOME read-only. Every
page is opened by its direct link in both languages in headless Chromium; the run fails on an
exception element, a dialog (such as "Page not found"), a skeleton still showing after 60 s, a page
that never finishes, or a traceback in the server log. Exit 0: all passed; 1: a failure;
77: this machine cannot make the read-only layout (the reason is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the Chromium settings live with the browser tests
from explorer.core import serving  # noqa: E402
from explorer.shell.pages import DEFAULT_PAGE, STEMS  # noqa: E402
from tests.helpers.chromium import CHROMIUM, CHROMIUM_ARGS, CONTEXT  # noqa: E402

UV_VERSION = "0.13.9"
CLOUD_DEFAULT_PYTHON = "3.12"  # what Community Cloud picks unless the deployer chooses another
CANNOT_REHEARSE = 77
PAGES = ("", *(stem for stem in STEMS if stem != DEFAULT_PAGE))  # the default page is the root
LANGS = ("zh", "en")
# Settings Community Cloud forces whatever .streamlit/config.toml says.
FORCED_SETTINGS = {
    "client.showErrorDetails": "false",
    "runner.fastReruns": "true",
    "server.runOnSave": "true",
    "server.enableXsrfProtection": "true",
}
PAGE_TIMEOUT_MS = 60_000
SERVER_START_TIMEOUT_S = 90
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
PAGE_DONE = ".st-key-footer [data-testid='stCaptionContainer']"
SKELETON = "[data-testid='stAppSkeleton'], [data-testid='stSkeleton']"


class CannotRehearse(RuntimeError):
    """This machine cannot give the app a read-only repository and HOME."""


@dataclass
class PageResult:
    """What one direct link showed."""

    url: str
    seconds: float
    problems: list[str] = field(default_factory=list)


@dataclass
class Report:
    """The whole rehearsal: how the app was isolated, how long each step took, what each page showed."""

    isolation: str = ""
    python: str = ""
    timings_s: dict[str, float] = field(default_factory=dict)
    pages: list[PageResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.pages) and not any(page.problems for page in self.pages)


def _run(command: list[str], **kwargs: object) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def copy_repository(target: Path) -> None:
    """Copy the files git tracks (what Community Cloud clones), as they are in the work tree."""
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listing.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def find_python(version: str) -> str:
    """Return an interpreter of `version` (on PATH or installed by pyenv) that runs, or else the running one."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [shutil.which(f"python{version}"), *sorted(pyenv.glob(f"{version}.*/bin/python{version}"))]
    for candidate in filter(None, candidates):
        if _can([str(candidate), "-c", "import venv"]):
            return str(candidate)
    print(f"cloud rehearsal: no Python {version} here; rehearsing with {sys.executable}")
    return sys.executable


def install(work: Path, repo: Path, python: str, timings: dict[str, float]) -> Path:
    """Install uv into a tool venv, then the app with `uv pip install -r requirements.txt`; return the venv."""
    tool, venv = work / "uv-tool", work / "venv"
    started = time.perf_counter()
    _run([sys.executable, "-m", "venv", str(tool)])
    _run([str(tool / "bin" / "pip"), "install", "-q", f"uv=={UV_VERSION}"])
    timings["uv_tool"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    uv = str(tool / "bin" / "uv")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_NO_CONFIG": "1"}
    env.pop("PYTHONPATH", None)
    _run([uv, "venv", "-q", "--python", python, str(venv)], env=env)
    target = str(venv / "bin" / "python")
    _run([uv, "pip", "install", "-q", "--python", target, "-r", "requirements.txt"], cwd=repo, env=env)
    timings["uv_install"] = round(time.perf_counter() - started, 1)
    return venv


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _streamlit_command(venv: Path, port: int) -> list[str]:
    flags = [f"--{name}={value}" for name, value in FORCED_SETTINGS.items()]
    return [
        str(venv / "bin" / "python"),
        "-m",
        "streamlit",
        "run",
        "app.py",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--server.headless=true",
        *flags,
    ]


def _can(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _namespace_command(read_only: list[Path], repo: Path, app: list[str]) -> list[str]:
    """Return a command that bind-mounts each folder read-only in a private mount namespace, then runs the app."""
    mounts = " && ".join(f'mount --bind "{p}" "{p}" && mount -o remount,bind,ro "{p}"' for p in read_only)
    # cd only after the mounts: a working directory entered before them would still be the writable one.
    probes = "; ".join(
        f'if touch "{p}/.rehearsal-probe" 2>/dev/null; then echo "{p} is still writable" >&2; exit 3; fi'
        for p in read_only
    )
    script = f'set -e; {mounts}; {probes}; cd "{repo}"; exec "$@"'
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "rehearsal", *app]


def isolate(work: Path, repo: Path, venv: Path, home: Path, app: list[str]) -> tuple[str, list[str], Path]:
    """Choose how to make the repository, venv and HOME read-only; return (how, command, working directory)."""
    probe = work / "probe"
    probe.mkdir()
    if _can(_namespace_command([probe], probe, ["true"])):
        command = _namespace_command([repo, venv, home], repo, app)
        return "read-only bind mounts in a private mount namespace", command, work
    if os.geteuid() == 0 and shutil.which("setpriv"):
        for path in (work, repo, venv, home):
            path.chmod(0o755)
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe_script = (
            f'test -r "{repo}/app.py" && test -x "{venv}/bin/python" && '
            f'! touch "{repo}/.rehearsal-probe" 2>/dev/null && ! touch "{home}/.rehearsal-probe" 2>/dev/null'
        )
        if _can([*nobody, "sh", "-c", probe_script]):
            print("cloud rehearsal: no mount namespace here; running the app as user nobody over root's files instead")
            return "unprivileged user (nobody) over files owned by root", [*nobody, *app], repo
    raise CannotRehearse(
        "cannot make the repository read-only: `unshare --mount` failed (needs CAP_SYS_ADMIN), and running as "
        "user nobody needs root, setpriv, a --workdir whose parent folders everyone may enter and a Python "
        f"({sys.executable}) that nobody may run"
    )


def start_server(command: list[str], cwd: Path, home: Path, venv: Path, log: Path) -> subprocess.Popen:
    """Start the app with a bare environment (no PYTHONPATH: the venv's install must be enough)."""
    env = {"PATH": f"{venv / 'bin'}:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def wait_healthy(server: subprocess.Popen, url: str, log: Path) -> None:
    try:
        serving.wait_healthy(url, lambda: server.poll() is not None, SERVER_START_TIMEOUT_S)
    except RuntimeError as error:
        raise RuntimeError(f"the app did not start ({error}):\n{log.read_text(errors='replace')[-3000:]}") from None


def check_page(browser, url: str) -> PageResult:
    """Open one direct link in a fresh context; list what is wrong with what it shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(**CONTEXT, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    started = time.perf_counter()
    problems = []
    try:
        try:
            tab.goto(url, timeout=PAGE_TIMEOUT_MS)
            tab.wait_for_selector(PAGE_DONE, timeout=PAGE_TIMEOUT_MS)
            tab.wait_for_selector(APP_READY, timeout=PAGE_TIMEOUT_MS)
            tab.wait_for_timeout(500)
        except PlaywrightTimeout:  # report what the page shows instead
            problems.append(f"the page did not finish within {PAGE_TIMEOUT_MS // 1000} s")
        seconds = time.perf_counter() - started
        exceptions = tab.locator("[data-testid='stException']")
        if exceptions.count() > 0:
            problems.append(f"{exceptions.count()} exception element(s): {exceptions.first.inner_text()[:300]}")
        if tab.get_by_role("dialog").count() > 0:
            problems.append(f"a dialog: {tab.get_by_role('dialog').first.inner_text()[:300]}")
        left_ms = max(1000, PAGE_TIMEOUT_MS - int((time.perf_counter() - started) * 1000))
        try:  # a skeleton may show while an element loads; only one still there after 60 s is a fault
            tab.wait_for_function(f"!document.querySelector({json.dumps(SKELETON)})", timeout=left_ms)
        except PlaywrightTimeout:
            problems.append(f"a loading skeleton still shows after {PAGE_TIMEOUT_MS // 1000} s")
        if tab.locator("h1").count() == 0:
            problems.append("no page title")
    finally:
        context.close()
    return PageResult(url=url, seconds=round(seconds, 2), problems=problems)


def check_pages(base: str) -> list[PageResult]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            return [check_page(browser, f"{base}/{page}?lang={lang}") for lang in LANGS for page in PAGES]
        finally:
            browser.close()


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def rehearse(work: Path, python: str) -> Report:
    """Run the whole rehearsal inside `work` (a scratch folder) with the interpreter `python`; return its report."""
    report = Report()
    repo, home, log = work / "src" / ROOT.name, work / "home", work / "server.log"
    repo.mkdir(parents=True)
    home.mkdir()
    copy_repository(repo)
    venv = install(work, repo, python, report.timings_s)
    version = subprocess.run([str(venv / "bin" / "python"), "--version"], capture_output=True, text=True)
    report.python = version.stdout.split()[-1]
    port = _free_port()
    report.isolation, command, cwd = isolate(work, repo, venv, home, _streamlit_command(venv, port))
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = start_server(command, cwd, home, venv, log)
    try:
        wait_healthy(server, url, log)
        report.timings_s["server_start"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        report.pages = check_pages(url)
        report.timings_s["pages"] = round(time.perf_counter() - started, 1)
    finally:
        stop(server)
    server_log = log.read_text(errors="replace")
    if "Traceback (most recent call last)" in server_log:
        report.problems.append(f"the server log has a traceback:\n{server_log[-3000:]}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="scratch folder to use (default: a new temporary one)")
    parser.add_argument("--report", type=Path, help="also write the report as JSON here")
    parser.add_argument(
        "--python",
        default=CLOUD_DEFAULT_PYTHON,
        help=f"a Python version (found on PATH or in pyenv) or interpreter path (default {CLOUD_DEFAULT_PYTHON})",
    )
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="cloud-rehearsal-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        python = args.python if os.sep in args.python else find_python(args.python)
        report = rehearse(work, python)
    except CannotRehearse as exc:
        print(f"cloud rehearsal: skipped: {exc}")
        return CANNOT_REHEARSE
    except RuntimeError as exc:  # the install failed or the app did not start
        print(f"cloud rehearsal FAILED: {exc}")
        return 1
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.report:
        args.report.write_text(json.dumps({**asdict(report), "ok": report.ok}, indent=2), encoding="utf-8")
    for page in report.pages:
        status = "ok" if not page.problems else "FAIL: " + "; ".join(page.problems)
        print(f"  {page.url.split('/', 3)[-1] or '/':<26} {page.seconds:5.1f} s  {status}")
    for problem in report.problems:
        print(f"  FAIL: {problem}")
    clean = sum(not page.problems for page in report.pages)
    timings = ", ".join(f"{name} {seconds} s" for name, seconds in report.timings_s.items())
    verdict = "ok" if report.ok else "FAILED"
    print(f"cloud rehearsal {verdict}: {clean} of {len(report.pages)} pages clean; {report.isolation}; ", end="")
    print(f"Python {report.python}; {timings}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
