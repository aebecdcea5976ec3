"""Shenzhen digital-economy policy explorer: data, model and UI helpers."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DB_PATH = DATA_DIR / "explorer.duckdb"
PAPER_PATH = DATA_DIR / "paper" / "shenzhen-digital-economy-2024.zh.txt"
