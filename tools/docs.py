"""Generated docs: `python -m tools.docs` rewrites every generated block of the docs; `--check` lists stale ones.

A block sits between `<!-- BEGIN <name> ... -->` and `<!-- END <name> -->` in a Markdown file; the
text between is this tool's output and is never edited by hand. Blocks: the README's layout (from
every module's docstring) and the console limits in docs/console.md (from `explorer.core.settings`).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path

from explorer.core import settings

ROOT = Path(__file__).resolve().parents[1]
SKIPPED = {"__pycache__"}


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def summary(path: Path) -> str:
    """Return the first paragraph of a module's docstring (or of a folder's README heading) on one line."""
    if path.is_dir():
        init, readme = path / "__init__.py", path / "README.md"
        if init.is_file():
            return summary(init)
        if readme.is_file():
            return readme.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
        raise ValueError(f"{_shown(path)}: a folder needs an __init__.py docstring or a README.md")
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    if not docstring:
        raise ValueError(f"{_shown(path)}: every module needs a docstring (its first line is the layout)")
    return " ".join(docstring.strip().split("\n\n")[0].split())


def _entries(folder: Path) -> list[Path]:
    """Return the modules and folders of `folder` the layout shows, sorted (a folder after its modules)."""
    found = []
    for path in folder.iterdir():
        if path.name in SKIPPED or path.name.startswith("."):
            continue
        module = path.is_file() and path.suffix == ".py" and path.name != "__init__.py"
        if module or (path.is_dir() and ((path / "__init__.py").is_file() or (path / "README.md").is_file())):
            found.append(path)
    return sorted(found, key=lambda path: (path.is_dir(), path.name))


def _tree(folder: Path, depth: int) -> list[str]:
    lines = []
    for path in _entries(folder):
        name = f"{path.name}/" if path.is_dir() else path.name
        lines.append(f"{'  ' * depth}- `{name}` — {summary(path)}")
        if path.is_dir() and (path / "__init__.py").is_file():
            lines.extend(_tree(path, depth + 1))
    return lines


def layout(root: Path = ROOT) -> str:
    """Return the repository's layout as a Markdown list: every page, module, package and tool with its summary."""
    lines = [f"- `app.py` — {summary(root / 'app.py')}", "- `pages/` — one file per page, served at `/<name>`:"]
    lines += [f"  - `{path.name}` — {summary(path)}" for path in sorted((root / "pages").glob("*.py"))]
    lines.append(f"- `src/explorer/` — {summary(root / 'src' / 'explorer')}")
    lines += _tree(root / "src" / "explorer", 1)
    lines.append("- `tools/` — development tools, run from the repository root:")
    lines += [f"  - `{path.name}` — {summary(path)}" for path in sorted((root / "tools").glob("*.py"))]
    return "\n".join(lines)


BLOCKS: dict[tuple[str, str], Callable[[], str]] = {
    ("README.md", "layout"): layout,
    ("docs/console.md", "settings"): settings.markdown,
}


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- BEGIN {re.escape(name)}\b[^\n]*-->\n)(.*?)(<!-- END {re.escape(name)} -->)", re.S)


def render(text: str, name: str, content: str) -> str:
    """Return `text` with block `name` holding `content`; raise ValueError when the markers are missing."""
    pattern = _pattern(name)
    if not pattern.search(text):
        raise ValueError(f"no block {name!r} (<!-- BEGIN {name} --> … <!-- END {name} -->)")
    return pattern.sub(lambda match: match.group(1) + content.strip() + "\n" + match.group(3), text, count=1)


def stale(root: Path = ROOT, write: bool = False) -> list[str]:
    """Return `file: block` of every generated block that differs from its generator (rewritten when `write`)."""
    found = []
    for (file, name), generate in BLOCKS.items():
        path = root / file
        text = path.read_text(encoding="utf-8")
        fresh = render(text, name, generate())
        if fresh != text:
            found.append(f"{file}: {name}")
            if write:
                path.write_text(fresh, encoding="utf-8")
    return found


def main(argv: list[str] | None = None) -> int:
    """Rewrite the generated blocks, or with --check exit 1 naming the stale ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a block is stale")
    check = parser.parse_args(argv).check
    found = stale(write=not check)
    for block in found:
        print(f"{'stale' if check else 'rewrote'}: {block}" + (" (run python -m tools.docs)" if check else ""))
    return 1 if check and found else 0


if __name__ == "__main__":
    sys.exit(main())
