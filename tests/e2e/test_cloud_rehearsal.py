"""The Community Cloud rehearsal (tools/cloud_rehearsal.py): a uv-installed venv, a read-only repository and HOME."""

import json
import subprocess
import sys

import pytest

from explorer import ROOT

TOOL = ROOT / "tools" / "cloud_rehearsal.py"
CANNOT_REHEARSE = 77
# Every page file, by the path a direct link uses: the default page (Overview) is served at the root.
PAGE_PATHS = {"" if page.stem == "overview" else page.stem for page in (ROOT / "pages").glob("*.py")}


def test_every_page_opens_cleanly_as_on_community_cloud(tmp_path):
    report_path = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, str(TOOL), "--workdir", str(tmp_path / "work"), "--report", str(report_path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(result.stdout)
    if result.returncode == CANNOT_REHEARSE:
        pytest.skip(result.stdout.strip().splitlines()[-1])
    assert result.returncode == 0, f"{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["ok"] and not report["problems"]
    urls = [page["url"].split("/", 3)[-1] for page in report["pages"]]
    visited = {(url.split("?")[0], url.rsplit("lang=", 1)[-1]) for url in urls}
    assert visited == {(path, lang) for path in PAGE_PATHS for lang in ("zh", "en")}
    assert all(not page["problems"] and page["seconds"] > 0 for page in report["pages"])
    assert "read-only" in report["isolation"] or "unprivileged" in report["isolation"]
