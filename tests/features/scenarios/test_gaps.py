"""explorer.features.scenarios.gaps: the peer comparison through the panel, printed as in docs/model.md."""

from __future__ import annotations

import subprocess
import sys

from explorer import ROOT, model
from explorer.features.scenarios import gaps


def test_all_levers_max_is_at_the_top_of_each_raising_levers_range():
    levers = gaps.all_levers_max()
    bounds = model.Levers.BOUNDS
    assert levers.dc_racks == bounds["dc_racks"][1] and levers.dc_util_gate == 0.0
    assert levers.dc_power == bounds["dc_power"][1]
    assert levers.talent_subsidy == bounds["talent_subsidy"][1] and levers.talent_quota == bounds["talent_quota"][1]
    assert levers.xc_share == bounds["xc_share"][1]


def test_the_command_prints_the_table_and_the_readme_holds_it():
    printed = subprocess.run(
        [sys.executable, "-m", "explorer.features.scenarios.gaps"], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert printed == gaps.report()
    lines = printed.splitlines()
    assert lines[2].startswith("| setting | peer | year |")
    assert len(lines) == 4 + (len(gaps.settings()) + 2) * 2 * len(gaps.YEARS)  # and the two alternative baselines
    assert gaps.ASSUMED in lines[-1 - 2 * len(gaps.YEARS)] and gaps.TARGETED in lines[-1]
    assert printed in (ROOT / "docs" / "model.md").read_text(encoding="utf-8"), (
        "paste `python -m explorer.features.scenarios.gaps` into docs/model.md"
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headline = [lines[0], *lines[2:4]] + [
        line for line in lines if line.startswith(("| paper |", "| all_levers_max |"))
    ]
    assert len(headline) == 3 + 2 * 2 * len(gaps.YEARS)
    assert "\n".join(headline[:1]) in readme and "\n".join(headline[1:]) in readme, "paste these rows into README.md"


def test_the_section_i_command_prints_each_citys_base_and_the_table_and_the_model_page_holds_it():
    printed = subprocess.run(
        [sys.executable, "-m", "explorer.features.scenarios.gaps", "sector_i"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.strip()
    assert printed == gaps.sector_i_report()
    lines = printed.splitlines()
    assert lines[0].startswith("Section I bases") and "shenzhen" in lines[0]
    assert lines[2].startswith("| setting | peer | year |")
    assert printed in (ROOT / "docs" / "model.md").read_text(encoding="utf-8"), (
        "paste `python -m explorer.features.scenarios.gaps sector_i` into docs/model.md"
    )
