"""explorer.data.docs: docs/data.md's table of tables and columns is made from the metadata, and kept current."""

from dataclasses import replace
from pathlib import Path

from explorer import ROOT
from explorer.data import docs as data_docs
from explorer.data import schema


def test_the_generated_data_docs_are_current():
    """If this fails, rerun `python -m explorer.data.build --docs` and commit docs/data.md."""
    assert data_docs.stale(schema.DESCRIBED) == []


def test_stale_data_docs_are_caught_and_rewritten(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    committed = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    (tmp_path / "docs" / "data.md").write_text(committed, encoding="utf-8")
    assert data_docs.stale(schema.DESCRIBED, tmp_path) == []
    renamed = tuple(replace(table, title={**table.title, "en": "Renamed"}) for table in schema.DESCRIBED)
    assert data_docs.stale(renamed, tmp_path) == ["docs/data.md"]
    data_docs.write(renamed, tmp_path)
    written = (tmp_path / "docs" / "data.md").read_text(encoding="utf-8")
    assert "**Renamed.**" in written and written.startswith(committed.split(data_docs.START)[0])
    assert data_docs.stale(renamed, tmp_path) == []
