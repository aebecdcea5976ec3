"""explorer.views.benchmarks: like-for-like comparisons, an indicator's groups and the peers chart (real data)."""

import pandas as pd

from explorer.views import benchmarks as views


def _rows(*records):
    columns = ["city", "year", "indicator", "comparability_group", "status", "value"]
    return pd.DataFrame.from_records(records, columns=columns)


def test_latest_comparable_takes_the_latest_complete_year_and_indexes_to_shenzhen():
    rows = _rows(
        ("shenzhen", 2022, "gdp", "g", "observed", 200.0),
        ("beijing", 2022, "gdp", "g", "observed", 300.0),
        ("shanghai", 2022, "gdp", "g", "observed", 100.0),
        ("shenzhen", 2023, "gdp", "g", "observed", 210.0),
        ("beijing", 2023, "gdp", "g", "observed", 320.0),  # Shanghai missing in 2023: not complete
        ("shenzhen", 2023, "x", "a", "observed", 1.0),
        ("beijing", 2023, "x", "b", "observed", 1.0),  # another group: never mixed
        ("shanghai", 2023, "x", "a", "target", 1.0),  # a target is not an observation
    )
    latest = views.latest_comparable(rows)
    assert set(latest["indicator"]) == {"gdp"}
    assert set(latest["year"]) == {2022}
    assert dict(zip(latest["city"], latest["index_vs_shenzhen"])) == {
        "beijing": 150.0,
        "shanghai": 50.0,
        "shenzhen": 100.0,
    }


def test_latest_comparable_of_nothing_is_empty():
    assert views.latest_comparable(_rows(("shenzhen", 2022, "gdp", "g", "observed", 1.0))).empty


def test_missing_cities_in_a_fixed_order():
    assert views.missing_cities(_rows(("beijing", 2022, "gdp", "g", "observed", 1.0))) == ["shenzhen", "shanghai"]


def test_the_real_data_compares_at_least_eight_indicators():
    from explorer import db

    con = db.connect()
    try:
        latest = views.latest_comparable(db.benchmarks(con))
    finally:
        con.close()
    assert latest["indicator"].nunique() >= 8
    assert (latest.groupby("indicator")["city"].nunique() == 3).all()
