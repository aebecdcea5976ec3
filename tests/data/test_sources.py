"""Grades that mean something: an official row cites the issuing body's own page, and one URL has one grade."""

from urllib.parse import urlparse

import pandas as pd
import pytest

from explorer import DATA_DIR
from explorer.core import vocab

SOURCED = ("benchmarks.csv", "national.csv", "parameters.csv", "target_status.csv")


def rows() -> pd.DataFrame:
    """Return every sourced row of every table: file, line, URL and grade."""
    frames = []
    for name in SOURCED:
        frame = pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False)
        frame = frame[frame["source_url"] != ""]
        frames.append(frame.assign(file=name, line=frame.index + 2)[["file", "line", "source_url", "grade"]])
    return pd.concat(frames, ignore_index=True)


def is_government(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    return host.endswith(vocab.GOVERNMENT_HOST_SUFFIXES)


def test_every_official_row_cites_a_government_page():
    sourced = rows()
    official = sourced[sourced["grade"] == "official"]
    assert len(official) > 0
    problems = [
        f"{r.file}, line {r.line}: {r.source_url}" for r in official.itertuples() if not is_government(r.source_url)
    ]
    assert problems == []


def test_one_url_has_one_grade_everywhere():
    """A source's grade (official / secondary); a parameter graded derived or assumption speaks of itself."""
    sourced = rows()
    grades = sourced[sourced["grade"].isin(vocab.SOURCE_GRADES)].groupby("source_url")["grade"].unique()
    assert {url: list(found) for url, found in grades.items() if len(found) > 1} == {}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://tjj.sz.gov.cn/x.html", True),
        ("http://german.beijing.gov.cn/a", True),
        ("https://www.diarysuper.com/mirror-of-a-bulletin", False),
        ("https://gov.cn.example.com/fake", False),
        ("https://www.eyeshenzhen.com/content", False),
    ],
)
def test_a_government_host_is_told_by_its_domain(url, expected):
    assert is_government(url) is expected
