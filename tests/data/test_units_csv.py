"""data/units.csv: every unit labelled in both languages, every unit used has a row, labels agree with scales."""

import re

import pandas as pd
import pytest

from explorer import DATA_DIR, model
from explorer.core import vocab

# (file, column) of every unit code a source states.
UNIT_COLUMNS = (
    ("figures.csv", "unit"),
    ("indicators.csv", "unit"),
    ("benchmarks.csv", "unit"),
    ("parameters.csv", "unit"),
    ("outcomes.csv", "unit"),
)
# How the English label and symbol write a Chinese magnitude: scale -> (label prefix, symbol prefix).
# 亿元 is labelled ¥100 m (the stored unit) and shown as ¥ bn; 万亿元 is ¥ tn.
ENGLISH_MAGNITUDE_WORDS = {1e4: ("10,000 ", ""), 1e8: ("¥100 m", "¥ bn"), 1e12: ("¥ tn", "¥ tn")}


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def units() -> pd.DataFrame:
    return _read("units.csv")


def _used() -> dict[str, set[str]]:
    """Return unit code -> where it is used."""
    used: dict[str, set[str]] = {}
    for name, column in UNIT_COLUMNS:
        for code in _read(name)[column]:
            used.setdefault(code, set()).add(name)
    for unit in model.OUTCOMES.values():
        used.setdefault(unit, set()).add("explorer.model.OUTCOMES")
    return used


def test_the_table_holds_the_vocabulary_once(units: pd.DataFrame) -> None:
    assert list(units.columns) == [
        "code", "label_zh", "label_en", "symbol_en", "short_zh", "short_en", "base", "scale", "decimals", "kind",
    ]  # fmt: skip
    assert not units["code"].duplicated().any()
    assert sorted(units["code"]) == sorted(vocab.UNITS)


def test_a_units_kind_agrees_with_its_base(units: pd.DataFrame) -> None:
    """Money is counted in yuan, a share in per cent; the bare numbers are PUE's ratio and the plain count."""
    kinds = units.set_index("code")["kind"]
    bases = units.set_index("code")["base"]
    assert {code for code in kinds.index if kinds[code] == "money"} == {
        code for code in bases.index if bases[code].startswith("yuan")
    }
    assert set(bases[kinds == "share"]) == {"pct"}
    assert sorted(kinds[kinds == "bare"].index) == ["count", "ratio"]
    assert kinds.isin(vocab.UNIT_KINDS).all()


def test_every_unit_is_labelled_in_both_languages(units: pd.DataFrame) -> None:
    problems = [
        f"{row['code']}: empty {column}"
        for _, row in units.iterrows()
        for column in ("label_zh", "label_en", "symbol_en")
        if not row[column].strip()
    ]
    problems += [
        f"{code}: English label has Chinese text"
        for code in units.loc[units["label_en"].str.contains(r"[\u4e00-\u9fff]"), "code"]
    ]
    assert not problems, "\n".join(problems)


def test_a_short_card_word_names_the_magnitude_of_the_label_it_shortens(units: pd.DataFrame) -> None:
    """short_zh/short_en (a Scenarios card's word, empty: the label or symbol) keep the magnitude: 亿元, ¥ bn."""
    problems = []
    for _, row in units[(units["short_zh"] != "") | (units["short_en"] != "")].iterrows():
        _, symbol_prefix = ENGLISH_MAGNITUDE_WORDS.get(vocab.UNITS[row["code"]].scale, ("", ""))
        if row["short_en"] and not row["short_en"].startswith(symbol_prefix):
            problems.append(f"{row['code']}: short_en '{row['short_en']}' does not start with '{symbol_prefix}'")
        if row["short_zh"] and row["label_zh"].startswith("亿") != row["short_zh"].startswith("亿"):
            problems.append(f"{row['code']}: short_zh '{row['short_zh']}' against label '{row['label_zh']}'")
        if re.search(r"[\u4e00-\u9fff]", row["short_en"]):
            problems.append(f"{row['code']}: short_en has Chinese text")
    assert len(units[units["short_en"] != ""]) > 0
    assert not problems, "\n".join(problems)


def test_no_unit_is_used_without_a_row_and_none_is_unused(units: pd.DataFrame) -> None:
    used = _used()
    assert not {code: sorted(where) for code, where in used.items() if code not in set(units["code"])}
    assert not sorted(set(units["code"]) - set(used))


def test_english_labels_write_the_magnitude_the_scale_says(units: pd.DataFrame) -> None:
    problems = []
    for _, row in units.iterrows():
        scale = vocab.UNITS[row["code"]].scale
        label_prefix, symbol_prefix = ENGLISH_MAGNITUDE_WORDS.get(scale, ("", ""))
        if not row["label_en"].startswith(label_prefix) or not row["symbol_en"].startswith(symbol_prefix):
            problems.append(f"{row['code']} (scale {scale:g}): '{row['label_en']}' / '{row['symbol_en']}'")
        magnitude_words = [words for other, words in ENGLISH_MAGNITUDE_WORDS.items() if other != scale]
        if any(row["label_en"].startswith(label) for label, _ in magnitude_words):
            problems.append(f"{row['code']} (scale {scale:g}): label '{row['label_en']}' names another magnitude")
    assert not problems, "\n".join(problems)


def test_a_label_names_one_magnitude_of_one_thing(units: pd.DataFrame) -> None:
    """Two codes may share a label (the model's yi_yuan and the statistics' 100m_yuan) only if they convert 1:1.

    A Chinese measure word (家 counts firms and parks alike) names one magnitude, not one thing.
    """
    problems = []
    for language, same in (("label_zh", lambda unit: unit.scale), ("label_en", lambda unit: (unit.base, unit.scale))):
        for label, codes in units.groupby(language)["code"]:
            if len({same(vocab.UNITS[code]) for code in codes}) > 1:
                problems.append(f"{language} '{label}' names different units: {sorted(codes)}")
    assert not problems, "\n".join(problems)


def test_a_benchmark_that_cites_a_figure_states_the_figures_magnitude() -> None:
    """The app converts such a row's value (the figure's) from the row's unit, so both must be one magnitude."""
    figure_unit = _read("figures.csv").set_index("id")["unit"]
    rows = _read("benchmarks.csv")
    rows = rows[rows["figure_id"] != ""]
    assert len(rows) > 0
    problems = [
        f"{row['indicator']} cites {row['figure_id']}: {row['unit']} against {figure_unit[row['figure_id']]}"
        for _, row in rows.iterrows()
        if vocab.UNITS[row["unit"]].scale != vocab.UNITS[figure_unit[row["figure_id"]]].scale
    ]
    assert not problems, "\n".join(problems)


def test_no_english_unit_writes_100_million_yuan(units: pd.DataFrame) -> None:
    """A reader writes ¥ bn, not "100 million yuan" (issue #15)."""
    written = units["label_en"].tolist() + units["symbol_en"].tolist()
    assert not [text for text in written if "100 million" in text or "bn yuan" in text or "tn yuan" in text]
