"""Tests of the model package as a whole (src/explorer/model/): pure, and its public names importable from it."""

from __future__ import annotations

import ast

from explorer import ROOT, model

MODEL_DIR = ROOT / "src" / "explorer" / "model"
PUBLIC = (
    "BASE_YEAR", "GRADES", "OUTCOMES", "LEVER_GROUPS", "PARAMETER_COLUMNS", "PEER_COLUMNS", "PEER_STATUSES",
    "PRESETS", "QUANTILES", "SHARE_OUTCOMES", "WARNING_CODES", "WHOLE_OUTCOMES", "Levers", "ScenarioWarning",
    "TrendFit", "at_or_above", "baseline", "central_paths", "decompose", "fit_trend", "gdp_baseline",
    "odds_from_draws", "peer_city_draws",
    "parameter_symbols", "parameter_table", "peer_draws", "peer_odds", "peer_paths", "peer_trend", "project",
    "project_central", "project_delta", "project_draws", "scenario_warnings", "tornado", "trend_paths",
    "used_parameters",
)  # fmt: skip


def test_model_reads_no_file():
    """The model gets its data as frames: no module opens, reads or writes a file (its imports: tests/repo/)."""
    for path in sorted(MODEL_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        called = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                  for node in ast.walk(tree) if isinstance(node, ast.Call)}  # fmt: skip
        assert not called & {"open", "read_csv", "read_text", "to_csv", "write_text"}, path.name


def test_public_names_are_importable_from_the_package():
    assert set(PUBLIC) <= set(model.__all__)
    for name in PUBLIC:
        assert getattr(model, name) is not None, name
