"""explorer.views.benchmarks: like-for-like comparisons, an indicator's groups and the peers chart (real data)."""

import pandas as pd
import pytest
from chart_checks import check_chart
from loaded import frames

from explorer import charts, formatting
from explorer.i18n import LANGS, t
from explorer.views import benchmarks as views
from explorer.vocab import CITIES


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
    latest = views.latest_comparable(frames()["benchmarks"])
    assert latest["indicator"].nunique() >= 8
    assert (latest.groupby("indicator")["city"].nunique() == 3).all()


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return frames()


def test_the_indicator_options_and_the_default(data):
    indicators = data["indicators"]
    assert views.indicator_labels(indicators, "en") == dict(zip(indicators["code"], indicators["label_en"]))
    assert views.default_indicator(indicators) == "gdp"
    assert views.default_indicator(indicators[indicators["code"] != "gdp"]) == indicators["code"].iloc[0]


@pytest.mark.parametrize("lang", LANGS)
def test_one_definition_group_is_one_chart_of_every_citys_rows(lang, data):
    gdp = views.indicator_view(data["indicators"], data["benchmarks"], "gdp", lang)
    rows = data["benchmarks"][data["benchmarks"]["indicator"] == "gdp"]
    assert gdp.groups_differ is None
    assert len(gdp.groups) == rows["comparability_group"].nunique() == 1
    (group,) = gdp.groups
    check_chart(group.chart.spec, group.chart.table)
    values = group.chart.spec["datasets"]["values"]
    assert len(values) == len(rows)
    # GDP is stored in 亿元: shown as it is in Chinese, in ¥ bn (a tenth) in English.
    assert values["value"].tolist() == pytest.approx((rows["value"] * (0.1 if lang == "en" else 1.0)).tolist())
    assert set(values["city_label"]) == {t(f"city.{city}", lang) for city in rows["city"]}
    official = rows["grade"] == "official"
    assert (values["fill"] == "white").tolist() == (~official).tolist(), "hollow markers for secondary sources"
    label = data["indicators"].set_index("code").at["gdp", f"label_{lang}"]
    unit = {"zh": "亿元", "en": "¥ bn"}[lang]
    assert group.chart.spec["title"] == charts.chart_title(f"{label} ({unit})")
    assert group.chart.key == f"bench_{rows['comparability_group'].iloc[0]}"
    assert group.heading.startswith(f"**{t('benchmarks.group', lang, group=rows['comparability_group'].iloc[0])}**")
    assert group.missing is None
    assert list(group.chart.table.columns)[:3] == [t("col.city", lang), t("col.year", lang), t("col.value", lang)]
    assert gdp.description == data["indicators"].set_index("code").at["gdp", f"description_{lang}"]
    assert gdp.csv.startswith(b"\xef\xbb\xbf")
    header, *lines = gdp.csv.decode("utf-8-sig").strip().split("\n")
    assert "fill" not in header.split(",") and len(lines) >= len(rows)


@pytest.mark.parametrize("lang", LANGS)
def test_definitions_are_never_mixed_and_missing_cities_are_named(lang, data):
    benchmarks = data["benchmarks"]
    counts = benchmarks.groupby("indicator")["comparability_group"].nunique()
    code = counts[counts > 1].index[0]
    shown = views.indicator_view(data["indicators"], benchmarks, code, lang)
    rows = benchmarks[benchmarks["indicator"] == code]
    assert shown.groups_differ == t("benchmarks.groups_differ", lang, count=counts[code])
    assert len(shown.groups) == counts[code]
    for group_code, group in zip(dict.fromkeys(rows["comparability_group"]), shown.groups):
        own = rows[rows["comparability_group"] == group_code]
        assert len(group.chart.spec["datasets"]["values"]) == len(own)
        absent = [city for city in CITIES if city not in set(own["city"])]
        names = ", ".join(t(f"city.{city}", lang) for city in absent)
        assert group.missing == (t("benchmarks.missing", lang, cities=names) if absent else None)


def test_qualified_values_keep_their_sign(data):
    benchmarks = data["benchmarks"]
    qualified = benchmarks[benchmarks["qualifier"] == "more_than"].iloc[0]
    shown = views.indicator_view(data["indicators"], benchmarks, qualified["indicator"], "en")
    assert shown.has_qualified_values
    values = pd.concat([group.chart.spec["datasets"]["values"] for group in shown.groups])
    factor = 0.1 if qualified["unit"] == "100m_yuan" else 1.0  # the first such row is in 亿元: ¥ bn in English
    assert f"> {formatting.format_number(qualified['value'] * factor)}" in set(values["shown"])
    assert not views.indicator_view(data["indicators"], benchmarks, "gdp", "en").has_qualified_values


@pytest.mark.parametrize("lang", LANGS)
def test_the_peers_chart_indexes_each_latest_comparison_to_shenzhen(lang, data):
    peers = views.peers_chart(data["indicators"], data["benchmarks"], lang)
    check_chart(peers.spec, peers.table)
    latest = peers.spec["datasets"]["latest"]
    comparable = views.latest_comparable(data["benchmarks"])
    assert len(latest) == len(comparable)
    subject = latest[latest["city_label"] == t("city.shenzhen", lang)]
    assert (subject["index_vs_shenzhen"] == 100).all()
    labels = data["indicators"].set_index("code")[f"label_{lang}"]
    assert set(latest["indicator_label"]) == {
        f"{labels[c]} ({y})" for c, y in zip(comparable["indicator"], comparable["year"])
    }
    assert peers.spec["layer"][1]["encoding"]["color"]["scale"]["domain"] == [
        t(f"city.{city}", lang) for city in CITIES
    ]
    assert peers.caption == t("benchmarks.peers.caption", lang)
    assert views.peers_chart(data["indicators"], data["benchmarks"].iloc[0:0], lang) is None
