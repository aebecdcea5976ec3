"""data/outcomes.csv: exactly the model's outcomes and units, each labelled once in both languages."""

import pandas as pd
import pytest

from explorer import DATA_DIR, model
from explorer.data import gateway as db
from explorer.features.scenarios.results import TARGET_MARKERS


@pytest.fixture(scope="module")
def outcomes() -> pd.DataFrame:
    """Return the outcomes as the app reads them (labels of shared codes taken from indicators.csv)."""
    con = db.connect()
    try:
        return db.outcomes(con)
    finally:
        con.close()


def test_the_codes_and_units_are_the_models() -> None:
    source = pd.read_csv(DATA_DIR / "outcomes.csv", dtype=str, keep_default_na=False)
    assert list(zip(source["code"], source["unit"])) == list(model.OUTCOMES.items())


def test_every_outcome_is_labelled_in_both_languages(outcomes: pd.DataFrame) -> None:
    for column in ("label_zh", "label_en", "unit_zh", "unit_en"):
        assert outcomes[column].notna().all() and (outcomes[column].str.strip() != "").all(), column
    for column in ("label_zh", "label_en"):
        assert not outcomes[column].duplicated().any(), column


def test_an_outcome_shared_with_the_city_statistics_has_the_indicators_label(outcomes: pd.DataFrame) -> None:
    indicators = pd.read_csv(DATA_DIR / "indicators.csv", dtype=str, keep_default_na=False).set_index("code")
    shared = outcomes[outcomes["code"].isin(indicators.index)].set_index("code")
    assert {"gdp", "core_va", "core_va_share"} <= set(shared.index)
    for language in ("zh", "en"):
        assert shared[f"label_{language}"].to_dict() == indicators.loc[shared.index, f"label_{language}"].to_dict()


def test_every_target_marker_says_how_its_scope_differs(outcomes: pd.DataFrame) -> None:
    frame = outcomes.set_index("code")
    for language in ("zh", "en"):
        assert set(frame.index[frame[f"target_caveat_{language}"].notna()]) == set(TARGET_MARKERS)
