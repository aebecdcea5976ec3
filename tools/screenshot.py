"""README screenshot: `python -m tools.screenshot` takes the Overview in English at 1440 px and copies it to docs/.

It runs the one browser test that saves it (tests/e2e/test_browser_pages.py, under
artifacts/screenshots/); `--no-run` copies the screenshot the last browser run saved instead.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "artifacts" / "screenshots" / "overview-en-1440.png"
TARGET = ROOT / "docs" / "overview-en.png"
TEST = "tests/e2e/test_browser_pages.py::test_overview_in_english_at_1440_px_for_the_readme"


def main(argv: list[str] | None = None) -> int:
    """Take the screenshot (unless --no-run) and copy it to docs/overview-en.png; exit 1 when there is none."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-run", action="store_true", help="copy the last saved screenshot without a browser run")
    if not parser.parse_args(argv).no_run:
        SOURCE.unlink(missing_ok=True)  # a failed run must not leave an old screenshot to copy
        run = subprocess.run([sys.executable, "-m", "pytest", TEST, "-q", "-n", "0", "-p", "no:randomly"], cwd=ROOT)
        if run.returncode != 0:
            print("the browser test failed; docs/overview-en.png is unchanged", file=sys.stderr)
            return 1
    if not SOURCE.is_file():
        print(f"no {SOURCE.relative_to(ROOT)}: run `python -m pytest {TEST}` first", file=sys.stderr)
        return 1
    shutil.copyfile(SOURCE, TARGET)
    print(f"copied {SOURCE.relative_to(ROOT)} to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
