"""Data checks for data/target_status.csv: the sourced statuses of the paper's targets.

Every check collects its problems into a list and fails once, printing all of them.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from explorer import ROOT
from explorer.core import vocab
from explorer.data import gateway as db

DATA = ROOT / "data"
STATUS_PATH = DATA / "target_status.csv"
FIGURES_PATH = DATA / "figures.csv"

COLUMNS = [
    "figure_id",
    "as_of",
    "value",
    "qualifier",
    "definition",
    "definition_zh",
    "source_title",
    "source_url",
    "source_quote",
    "grade",
    "date_accessed",
    "basis",
    "inputs",
]
# A reported status carries its own source; a derived one takes value, qualifier, grade and sources from its inputs.
SOURCED = ("value", "qualifier", "source_title", "source_url", "source_quote", "grade")
# A status is in the target's unit (unit_zh): 1.5 万根 is written 1.5, and the quote may write "1.5万" or "15,000".
UNIT_FACTORS = (1, 10, 100, 1000, 10000, 0.1, 0.01, 0.0001)
TOLERANCE = 0.005
# status / target outside this band almost certainly means a unit slip (15000 written for 1.5 万根).
PLAUSIBLE_RATIO = (0.01, 10.0)
AS_OF = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _where(row: pd.Series, index: int) -> str:
    return f"target_status.csv line {index + 2} ({row['figure_id']} {row['as_of']})"


def _fail_if(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def numbers_in(text: str) -> set[float]:
    """Return every number written in `text` ("1.5萬根" -> 1.5, "15,000" -> 15000)."""
    return {float(token.replace(",", "")) for token in NUMBER.findall(text)}


def traceable(value: float, quote: str) -> bool:
    """True if the value equals a number in the quote times one of UNIT_FACTORS, within 0.5 %."""
    for number in numbers_in(quote):
        for factor in UNIT_FACTORS:
            scaled = number * factor
            if value == scaled == 0 or (scaled and abs(scaled - value) <= TOLERANCE * max(abs(value), abs(scaled))):
                return True
    return False


def test_number_helper_reads_the_quotes_way_of_writing_numbers():
    assert traceable(1.5, "建成1.5萬根多功能智能桿")
    assert traceable(28.5, "每万人拥有5G基站数28.5个")
    assert traceable(1.5, "already 15,000 poles")
    assert not traceable(4.5, "建成1.5萬根多功能智能桿")


def test_header_is_exact():
    with STATUS_PATH.open(encoding="utf-8") as handle:
        assert handle.readline().rstrip("\r\n").split(",") == COLUMNS


def test_every_row_fits_the_schema():
    frame = _read(STATUS_PATH)
    problems: list[str] = []
    for index, row in frame.iterrows():
        where = _where(row, index)
        if row["basis"] not in vocab.STATUS_BASES:
            problems.append(f"{where}: basis '{row['basis']}' not in {vocab.STATUS_BASES}")
            continue
        if row["basis"] == "derived":
            problems += [f"{where}: a derived status has no {column} of its own" for column in SOURCED if row[column]]
            if not row["inputs"].strip():
                problems.append(f"{where}: a derived status names its inputs")
            continue
        for column in COLUMNS:
            if column != "inputs" and not row[column].strip():
                problems.append(f"{where}: empty {column}")
        if row["inputs"]:
            problems.append(f"{where}: a reported status has no inputs")
        if row["qualifier"] not in vocab.NUMBER_QUALIFIERS:
            problems.append(f"{where}: qualifier '{row['qualifier']}' not in {vocab.NUMBER_QUALIFIERS}")
        if row["grade"] not in vocab.SOURCE_GRADES:
            problems.append(f"{where}: grade '{row['grade']}' not in {vocab.SOURCE_GRADES}")
        try:
            if float(row["value"]) < 0:
                problems.append(f"{where}: negative value {row['value']}")
        except ValueError:
            problems.append(f"{where}: value '{row['value']}' is not a number")
        try:
            accessed = date.fromisoformat(row["date_accessed"]) if ISO_DATE.match(row["date_accessed"]) else None
        except ValueError:
            accessed = None
        if accessed is None:
            problems.append(f"{where}: date_accessed '{row['date_accessed']}' is not an ISO date")
        match = AS_OF.match(row["as_of"])
        try:
            as_of = date(int(match[1]), int(match[2]), int(match[3] or 1)) if match else None
        except ValueError:
            as_of = None
        if as_of is None:
            problems.append(f"{where}: as_of '{row['as_of']}' is not YYYY-MM or YYYY-MM-DD")
        elif accessed is not None and as_of > accessed:
            problems.append(f"{where}: as_of {row['as_of']} is after date_accessed {row['date_accessed']}")
    duplicated = frame[frame.duplicated(["figure_id", "as_of"], keep=False)]
    problems += [f"{_where(row, index)}: duplicate (figure_id, as_of)" for index, row in duplicated.iterrows()]
    _fail_if(problems)


def test_every_figure_id_is_a_target_and_the_value_is_plausible_in_its_unit():
    frame = _read(STATUS_PATH)
    frame = frame[frame["basis"] == "reported"]
    figures = _read(FIGURES_PATH).set_index("id")
    problems: list[str] = []
    for index, row in frame.iterrows():
        where = _where(row, index)
        if row["figure_id"] not in figures.index:
            problems.append(f"{where}: figure_id not in figures.csv")
            continue
        figure = figures.loc[row["figure_id"]]
        if figure["kind"] != "target":
            problems.append(f"{where}: figure '{row['figure_id']}' is a {figure['kind']}, not a target")
        try:
            ratio = float(row["value"]) / float(figure["value"])
        except (ValueError, ZeroDivisionError):
            continue
        low, high = PLAUSIBLE_RATIO
        if not low <= ratio <= high:
            problems.append(
                f"{where}: {row['value']} against a target of {figure['value']} {figure['unit_zh']} "
                f"(ratio {ratio:.3g}) - is the value in the target's unit?"
            )
    _fail_if(problems)


def test_every_reported_row_is_sourced_with_a_traceable_quote():
    frame = _read(STATUS_PATH)
    frame = frame[frame["basis"] == "reported"]
    problems: list[str] = []
    for index, row in frame.iterrows():
        where = _where(row, index)
        if not re.match(r"^https?://\S+$", row["source_url"]):
            problems.append(f"{where}: source_url '{row['source_url']}' is not http(s)")
        if len(row["source_quote"].strip()) < 10:
            problems.append(f"{where}: source_quote too short to be a verbatim quote")
        try:
            value = float(row["value"])
        except ValueError:
            continue
        if not traceable(value, row["source_quote"]):
            problems.append(f"{where}: value {row['value']} not found in the quote (any unit factor)")
    _fail_if(problems)


def _served() -> pd.DataFrame:
    con = db.connect()
    try:
        return db.target_status(con)
    finally:
        con.close()


def test_the_gateway_serves_every_row():
    served = _served()
    source = _read(STATUS_PATH)
    assert sorted(zip(served["figure_id"], served["as_of"])) == sorted(zip(source["figure_id"], source["as_of"]))
    reported = source[source["basis"] == "reported"].sort_values(["figure_id", "as_of"])
    served_reported = served[served["basis"] == "reported"]
    assert served_reported["value"].tolist() == [float(v) for v in reported["value"]]


def test_the_derived_5g_density_is_stations_over_residents_and_keeps_the_stations_bound():
    # Worked by hand: "over 64,000" stations at end-2022 ÷ 17,661,800 residents (end-2022) × 10,000
    # = 64,000 ÷ 1,766.18 = 36.236…, kept to one decimal on the bound's safe side: "more than 36.2".
    # Both inputs are secondary, so the result is too.
    served = _served().set_index(["figure_id", "as_of"])
    row = served.loc[("target_5g_per_10k", "2022-12")]
    assert row["basis"] == "derived"
    assert row["value"] == 36.2
    assert row["qualifier"] == "more_than"
    assert row["grade"] == "secondary"
    assert pd.isna(row["source_url"]) and pd.isna(row["source_quote"])
