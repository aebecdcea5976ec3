"""Repository hygiene: no merge-conflict leftovers, virtual environments ignored, every imported package pinned."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from explorer import ROOT

# Built from pieces so that this file does not match itself.
MARKER = re.compile(rb"^(?:" + rb"<" * 7 + rb" |" + rb"=" * 7 + rb"$|" + rb">" * 7 + rb" |" + rb"\|" * 7 + rb" )", re.M)
IMPORTING = ("src", "pages", "app.py", "tools", "tests")  # every place Python the project runs lives
REQUIREMENTS = ("requirements.txt", "requirements-dev.txt")

pytestmark = pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout (reads git ls-files)")


def tracked(*pathspecs: str) -> list[Path]:
    """Return the tracked files under the pathspecs (all of them without one)."""
    listed = subprocess.run(["git", "ls-files", "-z", *pathspecs], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in listed.decode().split("\0") if name and (ROOT / name).is_file()]


def conflict_markers(paths: list[Path], root: Path = ROOT) -> list[str]:
    """Return `path:line` (relative to `root`) of every merge-conflict marker line in the text files among `paths`."""
    found = []
    for path in paths:
        data = path.read_bytes()
        if b"\0" in data:  # binary (the database, the screenshot)
            continue
        for match in MARKER.finditer(data):
            line = data.count(b"\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(root).as_posix()}:{line}")
    return found


def imported_packages(paths: list[Path]) -> set[str]:
    """Return the top-level names of every absolute import in the Python files among `paths`."""
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def pins(text: str) -> dict[str, str]:
    """Return normalised distribution name -> exact version of every `name==version` line."""
    found = {}
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = (part.strip() for part in line.split("==", 1))
            found[normalise(name)] = version
    return found


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_no_tracked_file_holds_a_merge_conflict_marker():
    assert conflict_markers(tracked()) == [], "resolve these conflicts (keep both sides' facts where both are true)"


def test_the_marker_check_finds_each_kind_of_marker(tmp_path: Path):
    lines = ["table", "<" * 7 + " HEAD", "ours", "|" * 7 + " base", "=" * 7, "theirs", ">" * 7 + " wt-x", "end"]
    (tmp_path / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("Title\n=====\n\n" + "=" * 8 + "\n", encoding="utf-8")
    found = conflict_markers([tmp_path / "README.md", tmp_path / "clean.md"], root=tmp_path)
    assert found == [f"README.md:{n}" for n in (2, 4, 5, 7)]


@pytest.mark.parametrize("folder", [".venv", "venv"])
def test_virtual_environments_are_ignored(folder: str):
    checked = subprocess.run(["git", "check-ignore", "-q", f"{folder}/bin/python"], cwd=ROOT)
    assert checked.returncode == 0, f"add {folder}/ to .gitignore"


def test_every_imported_third_party_package_is_pinned():
    python = tracked(*IMPORTING)
    sources = [path for path in python if path.suffix == ".py"]
    local = {path.stem for path in sources} | {part for path in python for part in path.relative_to(ROOT).parts[:-1]}
    third_party = sorted(imported_packages(sources) - set(sys.stdlib_module_names) - local - {"__future__"})
    distributions = importlib.metadata.packages_distributions()
    pinned: dict[str, str] = {}
    for name in REQUIREMENTS:
        pinned |= pins((ROOT / name).read_text(encoding="utf-8"))
    unpinned = []
    for module in third_party:
        owners = [normalise(dist) for dist in distributions.get(module, [module])]
        if not any(owner in pinned for owner in owners):
            unpinned.append(f"{module} ({', '.join(owners)})")
    assert unpinned == [], f"pin these at their installed version in {' or '.join(REQUIREMENTS)}"
    assert {"streamlit", "duckdb", "pyarrow", "starlette", "pytest"} <= set(third_party)  # the scan sees imports


def test_pyproject_declares_the_runtime_requirements():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"].get("dependencies", [])
    assert pins("\n".join(declared)) == pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert len(declared) == len(pins("\n".join(declared))), "every dependency pinned exactly, as in requirements.txt"


def test_pins_reads_exact_pins_only():
    text = "# comment\nStreamlit==1.0  # why\n-e .\nfoo>=2\nzope.interface==7.1\n"
    assert pins(text) == {"streamlit": "1.0", "zope-interface": "7.1"}
