"""explorer.features.scenarios.peers: the peers' rows on the fan chart and the captions by it (rows typed by hand)."""

import pandas as pd

from explorer.core.i18n import t
from explorer.features.scenarios import peers as view


def _peers() -> pd.DataFrame:
    """Return Beijing observed then extrapolated, Shanghai under another definition, and a target row."""
    trend = "extrapolated at 10 %/yr"
    return pd.DataFrame(
        {
            "year": [2022, 2023, 2024, 2025, 2023, 2030],
            "city": ["beijing", "beijing", "beijing", "beijing", "shanghai", "beijing"],
            "indicator": ["gdp"] * 6,
            "comparability_group": ["gdp_stats"] * 4 + ["gdp_revised", "gdp_stats"],
            "value": [100.0, 110.0, 121.0, 133.0, 90.0, 200.0],
            "p10": [None, None, 115.0, 120.0, None, None],
            "p90": [None, None, 127.0, 146.0, None, None],
            "basis": ["observed", "observed", trend, trend, "observed", "target"],
        }
    )


def test_only_peers_under_the_models_definition_are_drawn_and_no_target():
    rows = view.peer_rows(_peers(), "gdp", "en")
    assert set(rows["city"]) == {"beijing"}  # Shanghai's row is under another definition
    assert 2030 not in set(rows["year"])  # a target is no path
    assert set(rows["series"]) == {"Beijing"}


def test_the_extrapolated_path_starts_at_the_last_observed_year():
    rows = view.peer_rows(_peers(), "gdp", "en")
    observed, trend = rows[~rows["is_extrapolated"]], rows[rows["is_extrapolated"]]
    assert observed["year"].tolist() == [2022, 2023]
    assert observed["p10"].isna().all()  # an observed year has no band
    assert trend["year"].tolist() == [2023, 2024, 2025]  # the dashed line joins the solid one
    assert trend["is_join"].tolist() == [True, False, False]
    assert trend["p10"].tolist() == [110.0, 115.0, 120.0]
    assert trend["p90"].tolist() == [110.0, 127.0, 146.0]


def test_an_outcome_no_peer_shares_has_no_rows():
    assert view.peer_rows(_peers(), "core_va", "zh").empty


def test_the_captions_explain_the_peers_and_name_each_missing_one():
    rows = view.peer_rows(_peers(), "gdp", "en")
    assert view.peer_captions(rows, "en") == [
        t("scenarios.peers.note", "en"),
        "Shanghai: no published figure under this definition.",
    ]
    none = view.peer_rows(_peers(), "core_va", "zh")
    assert view.peer_captions(none, "zh") == [
        t("scenarios.peers.no_figure", "zh", city=t(f"city.{city}", "zh")) for city in ("beijing", "shanghai")
    ]
