"""The rehearsal's isolation (tools/cloud_rehearsal.py): read-only in a private mount namespace, untouched outside."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import ROOT

spec = importlib.util.spec_from_file_location("cloud_rehearsal", ROOT / "tools" / "cloud_rehearsal.py")
cloud_rehearsal = sys.modules["cloud_rehearsal"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cloud_rehearsal)
# Run in the repository folder: print where it runs and whether it could write the repository and HOME ($0).
PROBE = (
    'pwd; touch written 2>/dev/null && echo repo-writable; touch "$0/written" 2>/dev/null && echo home-writable; true'
)


@pytest.fixture
def folders(tmp_path):
    repo, home = tmp_path / "repo", tmp_path / "home"
    repo.mkdir()
    home.mkdir()
    if subprocess.run(cloud_rehearsal._namespace_command([repo], repo, ["true"]), capture_output=True).returncode:
        pytest.skip("no private mount namespace here (unshare --mount needs CAP_SYS_ADMIN)")
    return repo, home


def test_inside_the_namespace_the_folders_are_read_only_and_the_app_starts_in_the_repository(folders):
    repo, home = folders
    command = cloud_rehearsal._namespace_command([repo, home], repo, ["sh", "-c", PROBE, str(home)])
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(repo)]
    assert not (repo / "written").exists() and not (home / "written").exists()


def test_outside_the_namespace_the_folders_stay_writable_and_unmounted(folders):
    repo, home = folders
    subprocess.run(cloud_rehearsal._namespace_command([repo, home], repo, ["true"]), check=True, capture_output=True)
    result = subprocess.run(["sh", "-c", PROBE, str(home)], cwd=repo, capture_output=True, text=True)
    assert result.stdout.splitlines() == [str(repo), "repo-writable", "home-writable"]
    mounts = Path("/proc/self/mounts").read_text()
    assert str(repo) not in mounts and str(home) not in mounts
