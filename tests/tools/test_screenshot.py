"""The README screenshot tool (tools/screenshot.py): copies the browser test's screenshot, or says why it cannot."""

import importlib.util
import sys
from pathlib import Path

from explorer import ROOT

spec = importlib.util.spec_from_file_location("screenshot_tool", ROOT / "tools" / "screenshot.py")
screenshot_tool = sys.modules["screenshot_tool"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screenshot_tool)


def test_it_copies_the_saved_screenshot_over_the_readmes(tmp_path: Path, monkeypatch, capsys):
    source, target = tmp_path / "artifacts" / "overview-en-1440.png", tmp_path / "docs" / "overview-en.png"
    source.parent.mkdir()
    target.parent.mkdir()
    source.write_bytes(b"\x89PNG new")
    target.write_bytes(b"\x89PNG old")
    monkeypatch.setattr(screenshot_tool, "ROOT", tmp_path)
    monkeypatch.setattr(screenshot_tool, "SOURCE", source)
    monkeypatch.setattr(screenshot_tool, "TARGET", target)
    assert screenshot_tool.main(["--no-run"]) == 0
    assert target.read_bytes() == b"\x89PNG new"
    assert "copied artifacts/overview-en-1440.png to docs/overview-en.png" in capsys.readouterr().out


def test_without_a_saved_screenshot_it_changes_nothing_and_says_how_to_make_one(tmp_path: Path, monkeypatch, capsys):
    target = tmp_path / "docs" / "overview-en.png"
    target.parent.mkdir()
    target.write_bytes(b"\x89PNG old")
    monkeypatch.setattr(screenshot_tool, "ROOT", tmp_path)
    monkeypatch.setattr(screenshot_tool, "SOURCE", tmp_path / "artifacts" / "overview-en-1440.png")
    monkeypatch.setattr(screenshot_tool, "TARGET", target)
    assert screenshot_tool.main(["--no-run"]) == 1
    assert target.read_bytes() == b"\x89PNG old"
    assert "test_overview_in_english_at_1440_px_for_the_readme" in capsys.readouterr().err
