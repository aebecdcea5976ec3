"""Tests of the model package as a whole (src/explorer/model/): pure, and its public names importable from it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from explorer import model

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "src" / "explorer" / "model"
PUBLIC = (
    "BASE_YEAR", "GRADES", "INDICATORS", "LEVER_GROUPS", "PARAMETER_COLUMNS", "PARAMETER_DOMAINS",
    "PARAMETER_IDS", "PEER_COLUMNS", "PEER_STATUSES", "PRESETS", "QUANTILES", "SHARE_INDICATORS", "WARNING_CODES",
    "WHOLE_INDICATORS", "Levers", "ScenarioWarning", "TrendFit", "at_or_above", "baseline", "central_paths",
    "decompose", "fit_trend", "gdp_baseline", "odds_from_draws", "parameter_table", "peer_city_draws", "peer_draws",
    "peer_odds", "peer_paths", "peer_trend", "project", "project_central", "project_delta", "project_draws",
    "scenario_warnings", "tornado", "trend_paths", "used_parameters",
)  # fmt: skip


def test_model_package_is_pure():
    """Every module imports only numpy, pandas, the standard library, explorer.vocab and itself; no file access."""
    allowed = set(sys.stdlib_module_names) | {"numpy", "pandas", "__future__"}
    modules = sorted(MODEL_DIR.glob("*.py"))
    assert {path.stem for path in modules} >= {
        "__init__", "levers", "parameters", "channels", "simulation", "attribution", "plausibility", "peers",
        "trend", "backtest", "equations",
    }  # fmt: skip
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                if node.module == "explorer":
                    names = [f"explorer.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                ours = name == "explorer.vocab" or name.startswith("explorer.model")
                assert ours or name.split(".")[0] in allowed, f"{path.name} imports {name}"
                assert not {"streamlit", "duckdb"} & set(name.split(".")), f"{path.name} imports {name}"
        called = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                  for node in ast.walk(tree) if isinstance(node, ast.Call)}  # fmt: skip
        assert not called & {"open", "read_csv", "read_text", "to_csv", "write_text"}, path.name


def test_modules_stay_small():
    for path in MODEL_DIR.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def test_public_names_are_importable_from_the_package():
    assert set(PUBLIC) <= set(model.__all__)
    for name in PUBLIC:
        assert getattr(model, name) is not None, name
