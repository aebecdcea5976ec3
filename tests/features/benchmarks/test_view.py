"""features.benchmarks.view: yearly series per comparability group, breaks, coverage, the digital peers (real data)."""

import re
from csv import DictReader

import download_checks
import pandas as pd
import pytest
from chart_checks import check_chart, dishonest_parts
from loaded import frames

from explorer import DATA_DIR, charts
from explorer.core import formatting, vocab
from explorer.core.i18n import LANGS, t
from explorer.core.vocab import CITIES
from explorer.features.benchmarks import charts as city_charts
from explorer.features.benchmarks import view as views
from explorer.features.pieces import bracketed


def _rows(*records):
    columns = ["city", "year", "comparability_group", "status", "value", "qualifier", "break_before"]
    return pd.DataFrame.from_records(records, columns=columns)


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return frames()


def _view(data, code: str, lang: str) -> views.IndicatorView:
    return views.indicator_view(data["indicators"], data["benchmarks"], data["comparability_groups"], code, lang)


def test_a_line_restarts_after_a_missing_year_and_at_a_break():
    rows = _rows(
        ("beijing", 2019, "g", "observed", 1.0, "exact", False),
        ("beijing", 2020, "g", "observed", 2.0, "exact", False),
        ("beijing", 2022, "g", "observed", 3.0, "exact", False),  # 2021 missing: a new line
        ("beijing", 2023, "g", "observed", 4.0, "exact", True),  # new basis: a new line
        ("shanghai", 2019, "g", "observed", 5.0, "exact", False),
        ("shanghai", 2020, "h", "observed", 6.0, "exact", False),  # another group: its own line
    )
    segments = views.segments(rows)
    assert segments[0] == segments[1]
    assert len({segments[1], segments[2], segments[3]}) == 3
    assert segments[4] != segments[5] and segments[4] not in segments[:4]


def test_coverage_names_every_missing_year_and_keeps_each_bound_sign():
    rows = _rows(
        ("beijing", 2019, "g", "observed", 10.0, "exact", False),
        ("beijing", 2021, "g", "observed", 12.0, "more_than", False),
    ).assign(shown=["10", "> 12"], unit_label="%")
    table = views.coverage(rows, "en")
    assert table.columns[0] == "City (%)"
    table = table.set_index(table.columns[0])
    assert list(table.columns) == ["2019", "2020", "2021"]
    # A dash that the caption explains: "no published figure" was cut in the narrow year columns (second walk).
    assert table.loc[t("city.beijing", "en")].tolist() == ["10", "—", "> 12"]
    assert (table.loc[[t("city.shenzhen", "en"), t("city.shanghai", "en")]] == "—").all().all()
    for lang in LANGS:
        assert "“—”" in t("benchmarks.coverage", lang)


def test_the_breaks_notice_names_each_city_and_year():
    rows = _rows(
        ("shenzhen", 2020, "g", "observed", 1.0, "exact", True),
        ("beijing", 2021, "g", "observed", 1.0, "exact", True),
        ("beijing", 2022, "g", "observed", 1.0, "exact", False),
    )
    assert views.breaks_notice(rows, "en") == t(
        "benchmarks.breaks", "en", places=f"{t('city.beijing', 'en')} 2021, {t('city.shenzhen', 'en')} 2020"
    )
    assert views.breaks_notice(rows[~rows["break_before"]], "en") is None


def test_the_peers_take_the_latest_shared_year_or_else_each_citys_latest():
    shared = _rows(
        ("shenzhen", 2023, "g", "observed", 1.0, "exact", False),
        ("shenzhen", 2024, "g", "observed", 2.0, "exact", False),
        ("beijing", 2023, "g", "observed", 3.0, "exact", False),
        ("beijing", 2025, "g", "target", 9.0, "exact", False),
    )
    assert views.latest_rows(shared)["year"].tolist() == [2023, 2023]
    apart = _rows(("shenzhen", 2021, "g", "observed", 1.0, "exact", False), *shared.iloc[[2]].to_records(index=False))
    assert sorted(views.latest_rows(apart)["year"]) == [2021, 2023]


def test_the_indicator_options_and_the_default(data):
    indicators = data["indicators"]
    labels = views.indicator_labels(indicators, "en")
    assert labels == dict(zip(indicators["code"], indicators["label_en"]))
    assert list(labels.values()) == sorted(labels.values(), key=str.casefold), "sorted by label, not by code"
    assert views.default_indicator(indicators) == "gdp"
    assert views.default_indicator(indicators[indicators["code"] != "gdp"]) == indicators["code"].iloc[0]


@pytest.mark.parametrize("lang", LANGS)
def test_each_group_is_one_chart_with_its_definition_and_note_in_the_page_language(lang, data):
    benchmarks, groups = data["benchmarks"], data["comparability_groups"].set_index("code")
    rows = benchmarks[benchmarks["indicator"] == "gdp"]
    gdp = _view(data, "gdp", lang)
    sizes = rows["comparability_group"].value_counts()
    assert [group.chart.key for group in gdp.groups] == [f"bench_{code}" for code in sizes.index]
    assert gdp.groups_differ == t("benchmarks.groups_differ", lang, count=len(sizes))
    for code, group in zip(sizes.index, gdp.groups):
        own = rows[rows["comparability_group"] == code]
        check_chart(group.chart.spec, group.chart.table)
        values = group.chart.spec["datasets"]["values"]
        # GDP is stored in 亿元: charted as it is in Chinese, in ¥ bn (a tenth) in English.
        assert values["value"].tolist() == pytest.approx((own["value"] * (0.1 if lang == "en" else 1.0)).tolist())
        assert values["definition_text"].tolist() == own["definition_zh" if lang == "zh" else "definition"].tolist()
        assert values["vintage_text"].tolist() == own["vintage_zh" if lang == "zh" else "vintage"].tolist()
        assert group.definition == t("benchmarks.definition", lang, definition=groups.at[code, f"definition_{lang}"])
        note = groups.at[code, f"note_{lang}"]
        assert group.note == (t("benchmarks.not_like_for_like", lang, note=note) if isinstance(note, str) else None)
        official = own["grade"] == "official"
        assert (values["fill"] == "white").tolist() == (~official).tolist(), "hollow markers for secondary sources"
        assert list(group.chart.table.columns)[:3] == [t("col.city", lang), t("col.year", lang), t("col.value", lang)]
        years = list(range(own["year"].min(), own["year"].max() + 1))
        assert group.chart.spec["encoding"]["x"]["scale"]["domain"] == years
    label = data["indicators"].set_index("code").at["gdp", f"label_{lang}"]
    unit = {"zh": "亿元", "en": "¥ bn"}[lang]  # GDP as a reader writes it, never "100 million yuan"
    title = "".join(charts.title_lines(gdp.groups[0].chart.spec["title"])).replace(" ", "")
    assert title == bracketed(label, unit, lang).replace(" ", "")
    assert gdp.description == data["indicators"].set_index("code").at["gdp", f"description_{lang}"]


def test_a_census_break_is_marked_and_never_drawn_as_growth(data):
    source = pd.read_csv(DATA_DIR / "benchmarks.csv", dtype=str)
    flagged = source[source["break_before"] == "true"]
    assert {("beijing", "2024", "gdp"), ("shenzhen", "2020", "population")} <= set(
        zip(flagged["city"], flagged["year"], flagged["indicator"])
    )
    for indicator in flagged["indicator"].unique():
        for group in _view(data, indicator, "en").groups:
            values = group.chart.spec["datasets"]["values"]
            marked = values[values["break_before"]]
            if marked.empty:
                assert group.breaks is None
                continue
            assert group.breaks is not None
            rule = group.chart.spec["layer"][0]
            assert rule["mark"]["type"] == "rule" and rule["transform"] == [{"filter": "datum.break_before"}]
            for _, row in marked.iterrows():
                before = values[(values["city_label"] == row["city_label"]) & (values["year"] < row["year"])]
                assert not (before["segment"] == row["segment"]).any(), "a line joins a break"
                assert f"{row['city_label']} {row['year']}" in group.breaks


@pytest.mark.parametrize(("lang", "header"), [("zh", "城市（亿元）"), ("en", "City (¥ bn)")])
def test_the_coverage_table_names_the_unit_in_its_first_header(data, lang, header):
    (group, *_) = _view(data, "gdp", lang).groups
    assert group.coverage.columns[0] == header


def test_a_missing_city_year_is_shown_as_missing_not_zero(data):
    (group, *_) = _view(data, "population", "zh").groups
    table = group.coverage.set_index(group.coverage.columns[0])
    assert group.coverage.columns[0] == t("col.city", "zh")  # a plain count: no unit word (units.csv kind bare)
    rows = data["benchmarks"].query("indicator == 'population' and comparability_group == 'population_yearend'")
    for city in CITIES:
        have = set(rows.loc[rows["city"] == city, "year"])
        for year in table.columns:
            cell = table.at[t(f"city.{city}", "zh"), year]
            assert (cell == views.NO_FIGURE_CELL) == (int(year) not in have)
            assert cell not in {"0", ""}


def test_bounds_keep_their_sign_in_tooltips_tables_coverage_and_downloads(data):
    benchmarks = data["benchmarks"]
    bounded = benchmarks[benchmarks["qualifier"].isin(list(vocab.QUALIFIER_SIGNS))]
    assert len(bounded) > 0
    for indicator in bounded["indicator"].unique():
        shown = _view(data, indicator, "en")
        assert shown.has_qualified_values
        assert shown.csv.startswith(b"\xef\xbb\xbf")
        download = download_checks.read(shown.csv)
        for _, row in bounded[bounded["indicator"] == indicator].iterrows():
            factor = 0.1 if row["unit"] == "100m_yuan" else 1.0  # 亿元 is shown as ¥ bn in English
            text = f"{vocab.QUALIFIER_SIGNS[row['qualifier']]} {formatting.format_number(row['value'] * factor)}"
            group = next(g for g in shown.groups if g.chart.key == f"bench_{row['comparability_group']}")
            assert text in set(group.chart.spec["datasets"]["values"]["shown"])
            assert text in set(group.chart.table[t("col.value", "en")])
            assert text in set(group.coverage[str(row["year"])])
            assert text in {row[t("col.value", "en")] for row in download}
            assert "shown" in [entry["field"] for entry in views.tooltips("en")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_peers_show_the_digital_groups_and_name_a_city_without_a_figure(lang, data):
    benchmarks, groups = data["benchmarks"], data["comparability_groups"].set_index("code")
    panels = views.peer_panels(
        data["indicators"], benchmarks, data["comparability_groups"], data["target_status"], lang
    )
    assert [panel.chart.key for panel in panels] == [f"peers_{ind}" for ind, _ in vocab.DIGITAL_PEER_GROUPS]
    for (indicator, code), panel in zip(vocab.DIGITAL_PEER_GROUPS, panels):
        assert groups.at[code, "indicator"] == indicator
        check_chart(panel.chart.spec, panel.chart.table)
        latest = panel.chart.spec["datasets"]["latest"]
        assert latest["city"].tolist() == list(CITIES)
        own = benchmarks[(benchmarks["comparability_group"] == code) & (benchmarks["status"] == "observed")]
        for city, label, value in zip(latest["city"], latest["row_label"], latest["value"]):
            if city in set(own["city"]):
                factor = 0.1 if lang == "en" and own["unit"].iloc[0] == "100m_yuan" else 1.0  # ¥ bn in English
                assert any(value == pytest.approx(v * factor) for v in own.loc[own["city"] == city, "value"])
            else:
                assert pd.isna(value) and label.endswith(t("benchmarks.no_figure", lang))
        encoding = panel.chart.spec["encoding"]
        assert encoding["color"]["legend"]["orient"] == "bottom"
        assert encoding["y"]["scale"]["domain"] == latest["row_label"].tolist()
        assert panel.definition == t("benchmarks.definition", lang, definition=groups.at[code, f"definition_{lang}"])


def test_the_peers_leave_out_groups_the_cities_do_not_share(data):
    shared = {code for _, code in vocab.DIGITAL_PEER_GROUPS}
    excluded = {"software_info_services_va_beijing", "g5_outdoor_yearend", "core_va_shenzhen_unstated"}
    assert not shared & excluded
    panels = views.peer_panels(
        data["indicators"], data["benchmarks"], data["comparability_groups"], data["target_status"], "en"
    )
    drawn = pd.concat([panel.chart.spec["datasets"]["latest"] for panel in panels])
    assert set(drawn["comparability_group"].dropna()) <= shared


@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        ("zh", ["**口径：首次公布（初步核算）**", "**口径：修订后数据**"]),
        (
            "en",
            ["**Definition group: First release (preliminary accounting)**", "**Definition group: Revised figures**"],
        ),
    ],
)
def test_a_group_heading_names_the_definition_in_the_page_language_not_its_code(lang, headings, data):
    assert [group.heading for group in _view(data, "gdp", lang).groups] == headings
    for indicator in data["indicators"]["code"]:
        for group in _view(data, indicator, lang).groups:
            code = group.chart.key.removeprefix("bench_")
            assert code not in group.heading, f"{indicator}: the heading shows the code {code}"


# The CSV's header keys, written by hand: indicator and group, the table's columns in its words, then the number in
# the database's unit, its qualifier, the series break, the access date and the paper's figure (issue #15).
CSV_HEADER_KEYS = ["col.indicator", "benchmarks.col.group", "col.city", "col.year", "col.value", "col.unit"]
CSV_HEADER_KEYS += ["col.status", "col.grade", "benchmarks.col.vintage", "col.definition", "col.source"]
CSV_HEADER_KEYS += ["col.source_url", "col.quote", "benchmarks.col.number", "benchmarks.col.stored_unit"]
CSV_HEADER_KEYS += ["benchmarks.col.qualifier", "benchmarks.col.break", "benchmarks.col.accessed"]
CSV_HEADER_KEYS += ["benchmarks.col.figure"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_headers_are_the_pages_language_not_database_codes(lang, data):
    every = views.download(views.decorate(data["benchmarks"], lang), data["indicators"], lang)
    for csv in (_view(data, "gdp", lang).csv, every):
        header = download_checks.header_row(csv)
        assert header == download_checks.headers(CSV_HEADER_KEYS, lang)
        assert len(set(header)) == len(header)
        assert not set(header) & download_checks.database_codes()
        if lang == "zh":
            assert [cell for cell in header if download_checks.LATIN_WORD.search(cell)] == []


# Written by hand from data/benchmarks.csv: two GDP rows, their codes' labels and the number as stored (亿元).
GDP_ROWS = [
    ("2018", "gdp_revised", "33106.0", "grade.secondary", "benchmarks.break.no"),
    ("2019", "gdp_stats", "35371.3", "grade.official", "benchmarks.break.yes"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("year", "group", "number", "grade", "is_break"), GDP_ROWS)
def test_the_csv_writes_codes_as_the_tables_labels(lang, year, group, number, grade, is_break, data):
    words = download_checks.catalogue(lang)
    groups = data["comparability_groups"].set_index("code")
    rows = [
        row
        for row in download_checks.read(_view(data, "gdp", lang).csv)
        if row[words["col.city"]] == words["city.beijing"]
        and row[words["col.year"]] == year
        and row[words["benchmarks.col.group"]] == groups.at[group, f"label_{lang}"]
    ]
    assert len(rows) == 1
    row = rows[0]
    assert row[words["col.indicator"]] == data["indicators"].set_index("code").at["gdp", f"label_{lang}"]
    assert row[words["col.grade"]] == words[grade]
    assert row[words["col.status"]] == words["status.observed"]
    assert row[words["benchmarks.col.qualifier"]] == words["qualifier.exact"]
    assert row[words["benchmarks.col.break"]] == words[is_break]
    assert row[words["benchmarks.col.number"]] == number
    assert row[words["benchmarks.col.stored_unit"]] == {"zh": "亿元", "en": "¥100 m"}[lang]
    assert row[words["col.unit"]] == {"zh": "亿元", "en": "¥ bn"}[lang]


def _glance_rows(data, years: dict[str, int], values: dict[str, float], grades: dict[str, str]) -> pd.DataFrame:
    """Return decorated R&D-intensity rows, one per city given, with made-up years, values, grades and URLs."""
    real = data["benchmarks"]
    template = real[(real["indicator"] == "rd_intensity") & (real["status"] == "observed")].iloc[[0]]
    rows = pd.concat(
        [
            template.assign(city=city, year=years[city], value=values[city], grade=grades[city],
                            qualifier="exact", source_url=f"https://{city}.example/x")
            for city in years
        ],
        ignore_index=True,
    )  # fmt: skip
    return views.decorate(rows, "en")


def test_a_glance_line_names_each_citys_figure_year_grade_and_where_shenzhen_ranks(data):
    rows = _glance_rows(
        data,
        {"shenzhen": 2023, "beijing": 2023, "shanghai": 2023},
        {"shenzhen": 6.0, "beijing": 7.0, "shanghai": 4.0},
        {"shenzhen": "official", "beijing": "secondary", "shanghai": "official"},
    )
    line = views.glance_line("R&D intensity", "%", rows, True, "en")
    assert line == (
        "**R&D intensity (%)**: in 2023, Shenzhen 6; Beijing 7; Shanghai 4. "
        "Shenzhen is No. 2 of the three in 2023. Sources: [Shenzhen](https://shenzhen.example/x); "
        "[Beijing (secondary)](https://beijing.example/x); [Shanghai](https://shanghai.example/x)."
    )
    lower_is_better = views.glance_line("R&D intensity", "%", rows, False, "en")
    assert "Shenzhen is No. 2 of the three" in lower_is_better  # 6 is second from either end
    rows.loc[rows["city"] == "shanghai", "stored_value"] = 9.0
    assert "No. 3 of the three" in views.glance_line("R&D intensity", "%", rows, True, "en")
    assert "No. 1 of the three" in views.glance_line("R&D intensity", "%", rows, False, "en")


def test_a_glance_line_says_a_missing_figure_and_ranks_only_within_one_year(data):
    rows = _glance_rows(data, {"shenzhen": 2024, "beijing": 2023}, {"shenzhen": 6.67, "beijing": 6.73},
                        {"shenzhen": "official", "beijing": "official"})  # fmt: skip
    zh = views.glance_line("研发投入强度", "%", rows.assign(grade_label="官方"), True, "zh")
    assert zh.startswith(
        "**研发投入强度（%）**：各城市无共同年份，取各自最近年份："
        "深圳 6.67（2024年）；北京 6.73（2023年）；上海：未找到公开数据。来源："
    )  # no year in common: said, and each figure with its year
    assert "居第" not in zh


def _rows_of(data, cities: dict[str, dict[int, float]]) -> pd.DataFrame:
    """Return decorated R&D-intensity rows: per city its figure by year (made up), official, each with its own URL."""
    real = data["benchmarks"]
    template = real[(real["indicator"] == "rd_intensity") & (real["status"] == "observed")].iloc[[0]]
    rows = pd.concat(
        [
            template.assign(city=city, year=year, value=value, grade="official", qualifier="exact",
                            source_url=f"https://{city}.example/{year}")
            for city, by_year in cities.items()
            for year, value in by_year.items()
        ],
        ignore_index=True,
    )  # fmt: skip
    return views.decorate(rows, "en")


def test_a_glance_line_compares_the_latest_year_all_cities_share_and_names_a_later_figure(data):
    """Issue 23: "Shenzhen 6.67 (2024); Beijing 6.73 (2023)" compared two years silently though all three publish
    2023: the line compares 2023 (and ranks in it) and names Shenzhen's 2024 figure as later, with its source."""
    rows = _rows_of(data, {"shenzhen": {2023: 6.5, 2024: 6.67}, "beijing": {2021: 6.53, 2023: 6.73},
                           "shanghai": {2023: 4.4}})  # fmt: skip
    line = views.glance_line("R&D intensity", "%", rows, True, "en")
    assert line == (
        "**R&D intensity (%)**: in 2023, Shenzhen 6.5; Beijing 6.73; Shanghai 4.4. Later: Shenzhen 6.67 (2024). "
        "Shenzhen is No. 2 of the three in 2023. Sources: [Shenzhen 2023](https://shenzhen.example/2023); "
        "[Beijing](https://beijing.example/2023); [Shanghai](https://shanghai.example/2023); "
        "[Shenzhen 2024](https://shenzhen.example/2024)."
    )


def test_a_city_without_the_compared_years_figure_is_named_with_its_own_year(data):
    """Issue 23: "Shenzhen 468.861 (2024); Beijing … (2025)": Beijing and Shanghai are compared in 2025, and the
    line says Shenzhen has no 2025 figure and gives its latest with its year; no rank across two years."""
    rows = _rows_of(data, {"shenzhen": {2024: 5.0}, "beijing": {2020: 6.0, 2025: 7.0}, "shanghai": {2025: 4.0}})
    line = views.glance_line("R&D intensity", "%", rows, True, "en")
    assert line.startswith(
        "**R&D intensity (%)**: in 2025, Beijing 7; Shanghai 4; Shenzhen: no figure for 2025, its latest 5 (2024). "
        "Sources: "
    )
    zh = views.glance_line("研发投入强度", "%", rows.assign(grade_label="官方"), True, "zh")
    assert zh.startswith("**研发投入强度（%）**：2025年，北京 7；上海 4；深圳无2025年数据，其最近为 5（2024年）。来源")


def test_when_two_years_tie_the_glance_compares_the_one_shenzhen_is_in(data):
    """Issue 21 (c): Shenzhen and Shanghai publish section I for 2024, Beijing and Shanghai for 2025; the later year
    is not a comparison with the page's subject, so 2024 is compared and Beijing is named with its own year."""
    rows = _rows_of(data, {"shenzhen": {2024: 5.0}, "beijing": {2025: 7.0}, "shanghai": {2024: 3.0, 2025: 4.0}})
    assert views.glance_year(rows) == 2024
    line = views.glance_line("R&D intensity", "%", rows, True, "en")
    assert line.startswith(
        "**R&D intensity (%)**: in 2024, Shenzhen 5; Shanghai 3; Beijing: no figure for 2024, its latest 7 (2025). "
        "Later: Shanghai 4 (2025). Sources: "
    )
    # without Shenzhen in either year the later one is compared, as before
    rows = _rows_of(
        data, {"shenzhen": {2023: 5.0}, "beijing": {2024: 6.0, 2025: 7.0}, "shanghai": {2024: 3.0, 2025: 4.0}}
    )
    assert views.glance_year(rows) == 2025


def _published_years(data, indicator: str, group: str) -> dict[str, set[int]]:
    """Return per city the years of its observed figures of one comparability group (read from the data)."""
    rows = data["benchmarks"]
    rows = rows[(rows["indicator"] == indicator) & (rows["comparability_group"] == group)]
    rows = rows[(rows["status"] == "observed") & rows["value"].notna()]
    return {city: set(frame["year"].astype(int)) for city, frame in rows.groupby("city")}


@pytest.mark.parametrize("lang", LANGS)
def test_no_glance_line_compares_two_years_without_saying_so(data, lang):
    """Every city's figure in a line is of the line's one year, unless its clause says the city has none that year
    (or the line says the cities share no year); where all cities with a figure share a year, the line's year is
    the latest they share. A later figure comes after the comparison, named as later."""
    lines = iter(views.glance(data["indicators"], data["benchmarks"], data["target_status"], lang))
    words = download_checks.catalogue(lang)
    separator = "；" if lang == "zh" else "; "
    apart = words["benchmarks.glance.apart"].split("{")[0]
    off_year = words["benchmarks.glance.off_year"].split("{year}")[0].split("{city}")[1]
    later = words["benchmarks.glance.later"].split("{")[0]
    checked = 0
    for indicator, group in vocab.DIGITAL_PEER_GROUPS:
        years = _published_years(data, indicator, group)
        if not years:
            continue
        line = next(lines)
        values = line.split("**", 2)[2].split(words["benchmarks.glance.line"].split("{rank}")[1].split("{")[0])[0]
        comparison = values.split(later)[0]
        if apart in comparison:
            assert not set.intersection(*years.values()) and len(years) > 1, line
            continue
        [year] = {int(found) for found in re.findall(r"(20\d\d)", comparison.split(separator)[0])}
        shared = set.intersection(*years.values())
        if shared:
            assert year == max(shared), line
        for clause in comparison.split(separator):
            other = {int(found) for found in re.findall(r"(20\d\d)", clause)} - {year}
            assert not other or off_year in clause, (line, clause)
        checked += 1
    assert checked >= 3


def _digits(number: str) -> tuple[int, int]:
    """Return (significant figures, decimals) of a number as written ('1,219.24' → (6, 2); '75,000' → (2, 0))."""
    bare = number.replace(",", "").lstrip("+-")
    whole, _, fraction = bare.partition(".")
    digits = (whole + fraction).lstrip("0")
    if not fraction:
        digits = digits.rstrip("0")
    return max(len(digits), 1), len(fraction)


def test_no_converted_figure_has_more_digits_than_its_source(data):
    """Issue 23: 4,688.61 亿元 was printed "468.861" in ¥ bn. A figure converted into the unit the reader is shown
    keeps at most its source's significant figures (as data/benchmarks.csv writes it) and, for money, two decimals
    at most in the unit shown (core.compact's rule for every amount); in Chinese every figure is as published."""
    raw = {
        (row["city"], int(row["year"]), row["indicator"], row["comparability_group"], row["status"]): row["value"]
        for row in DictReader((DATA_DIR / "benchmarks.csv").open(encoding="utf-8"))
        if row["value"]
    }
    for lang in LANGS:
        shown = views.decorate(data["benchmarks"].dropna(subset=["value"]), lang)
        converted = 0
        for _, row in shown.iterrows():
            key = (row["city"], int(row["year"]), row["indicator"], row["comparability_group"], row["status"])
            if key not in raw:  # a row the build derives (not written in benchmarks.csv)
                continue
            source = raw[key]
            printed = row["shown"].split(" ")[-1]  # after a qualifier's sign
            figures, decimals = _digits(printed)
            assert figures <= _digits(source)[0], (lang, row["indicator"], source, printed)
            if lang == "zh":
                assert float(printed.replace(",", "")) == pytest.approx(float(source)), (source, printed)
            elif row["unit"] in ("100m_yuan", "yi_yuan"):
                assert decimals <= 2, (row["indicator"], source, printed)
                converted += 1
        assert lang == "zh" or converted >= 10
    glance = " ".join(views.glance(data["indicators"], data["benchmarks"], data["target_status"], "en"))
    assert "Shenzhen 468.86;" in glance and "468.861" not in glance


@pytest.mark.parametrize("lang", LANGS)
def test_the_glance_has_a_line_per_digital_indicator_published_by_any_city(data, lang):
    lines = views.glance(data["indicators"], data["benchmarks"], data["target_status"], lang)
    published = {
        indicator
        for indicator, code in vocab.DIGITAL_PEER_GROUPS
        if not data["benchmarks"][
            (data["benchmarks"]["indicator"] == indicator) & (data["benchmarks"]["comparability_group"] == code)
        ].empty
    }
    assert len(lines) == len(published) >= 3
    assert all(line.count("](http") >= 1 for line in lines)


@pytest.mark.parametrize("lang", LANGS)
def test_every_citys_latest_peer_figure_is_drawn_or_named_under_the_panel(data, lang):
    """The R&D panel drew Shenzhen 2023 '< 6.5' as its latest figure with 2024 = 6.67 in the data (issue 23)."""
    panels = views.peer_panels(
        data["indicators"], data["benchmarks"], data["comparability_groups"], data["target_status"], lang
    )
    checked = 0
    for (indicator, code), panel in zip(vocab.DIGITAL_PEER_GROUPS, panels):
        rows = data["benchmarks"]
        own = views.decorate(rows[(rows["comparability_group"] == code) & (rows["status"] == "observed")], lang)
        drawn = panel.chart.spec["datasets"]["latest"].dropna(subset=["value"]).set_index("city")["year"]
        for city, row in own.sort_values("year").groupby("city").tail(1).set_index("city").iterrows():
            if drawn.get(city) == row["year"]:
                continue
            named = t("benchmarks.glance.value", lang, city=row["city_label"], value=row["shown"], year=row["year"])
            assert panel.note and named in panel.note, (indicator, city)
            checked += 1
    assert checked >= 1


def test_the_year_axis_is_continuous_and_the_kind_legend_only_shows_when_kinds_differ(data):
    """Issue 23: a year axis that skips 2017 reads 2016→2018 as one year; a 'Kind: observed' legend says nothing."""
    for code in ("gdp", "rd_intensity", "g5_per_10k"):
        for group in _view(data, code, "en").groups:
            spec = group.chart.spec
            assert dishonest_parts(spec, spec["datasets"]) == [], (code, group.heading)
    rows = views.decorate(data["benchmarks"][data["benchmarks"]["indicator"] == "gdp"], "en")
    one = rows[rows["comparability_group"] == rows["comparability_group"].iloc[0]]
    args = {"title": "t", "x_title": "x", "y_title": "y", "colours": views.city_colours("en"), "legend": "l"}
    args |= {"status_legend": "Kind", "tooltips": [], "break_tooltip": {}}
    skipping = city_charts.city_series(one[views.CHART_FIELDS], years=[2015, 2016, 2018], **args)
    assert any("skips" in part for part in dishonest_parts(skipping, skipping["datasets"]))


def test_no_point_sits_above_the_y_axis_top(data):
    """Issue 23: Beijing's blue-book 891.81 was drawn above the top gridline (800); the top is now a round tick."""
    assert city_charts.top_tick(891.81) == 1000
    for code in data["indicators"]["code"]:
        for group in _view(data, code, "en").groups:
            layer = group.chart.spec["layer"][2]
            values = group.chart.spec["datasets"]["values"]["value"].dropna()
            top = layer["encoding"]["y"]["scale"]["domainMax"]
            assert values.max() <= top < 2.5 * max(values.max(), 0.4), (code, top)


@pytest.mark.parametrize("lang", LANGS)
def test_the_glance_says_the_core_digital_headlines_are_not_comparable_and_points_to_section_i(data, lang):
    """Issue 23 / 21 item 3: core digital value added and its GDP share are on each city's own definition."""
    lines = views.apart_lines(data["indicators"], data["benchmarks"], lang)
    labels = views.indicator_labels(data["indicators"], lang)
    assert len(lines) == len(vocab.NOT_COMPARABLE_HEADLINES) == 2
    before, after = t("benchmarks.glance.not_comparable", lang).split("{values}")
    marker = before.split("{indicator}")[1].split("（")[0].split(" (")[0]  # "not comparable …" in its language
    for indicator, line in zip(vocab.NOT_COMPARABLE_HEADLINES, lines):
        assert line.startswith(f"**{labels[indicator]}")
        assert marker in line
        assert f"“{labels['sector_i_va']}”" in line  # the pointer to the comparable indicator, by name
        rows = data["benchmarks"][
            (data["benchmarks"]["indicator"] == indicator) & (data["benchmarks"]["status"] == "observed")
        ]
        for city in CITIES:
            name = t(f"city.{city}", lang)
            own = rows[rows["city"] == city]
            if own.empty:
                assert t("benchmarks.glance.absent", lang, city=name) in line
                continue
            newest = own.sort_values("year").iloc[-1]
            group = newest[f"group_label_{lang}"]
            year = int(newest["year"])
            closing = "）" if lang == "zh" else ")"
            assert f"{name}{'' if lang == 'zh' else ' '}{year}" in line
            assert f"{group}{closing}" in line
    # Beijing's statistics-bureau 2023 figure is quoted on its own definition, Shanghai (none published) is named.
    assert "11,061.5" in views.apart_lines(data["indicators"], data["benchmarks"], "zh")[0]
    assert t("benchmarks.glance.absent", lang, city=t("city.shanghai", lang)) in lines[0]
    # Shanghai's one observed share (2022, an English press report) is named, on its own definition, with its source
    assert f"{t('city.shanghai', lang)}{'' if lang == 'zh' else ' '}2022" in lines[1] and "eworksglobal.com" in lines[1]
    label, params = views.comparable_link(lang)
    assert params == {"lang": lang, "view": "peers"} and label


def _all_charts(data, lang: str) -> list[dict]:
    """Return the spec of every chart Benchmarks draws: each indicator's groups, then the peer panels."""
    args = (data["indicators"], data["benchmarks"], data["comparability_groups"])
    specs = [
        group.chart.spec
        for code in data["indicators"]["code"]
        for group in views.indicator_view(*args, code, lang).groups
    ]
    return specs + [panel.chart.spec for panel in views.peer_panels(*args, data["target_status"], lang)]


def _value_scale(spec: dict) -> dict:
    encodings = [spec.get("encoding", {})] + [layer.get("encoding", {}) for layer in spec.get("layer", [])]
    scales = [entry["scale"] for enc in encodings for entry in enc.values() if isinstance(entry, dict)
              and entry.get("field") == "value" and "scale" in entry]  # fmt: skip
    assert scales, spec["title"]
    return scales[0]


SIGNS = ("≈", ">", "≥", "<", "≤", "约", "超过", "不")


@pytest.mark.parametrize("lang", LANGS)
def test_every_point_lies_within_its_axis(data, lang):
    """Issue 23: Beijing's 49 drew past a 0–50 axis, 12,192 past one ending at 12,000."""
    for spec in _all_charts(data, lang):
        frame = next(iter(spec["datasets"].values()))
        scale = _value_scale(spec)
        assert scale.get("nice") is False and scale["domainMax"] >= frame["value"].max(), spec["title"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_line_joins_a_bound_or_an_approximation(data, lang):
    """Issue 23: "844.6 → > 900 → ≈ 1,000" drawn as a line reads bounds as growth; only exact values are joined."""
    checked = 0
    for spec in _all_charts(data, lang):
        lines = [layer for layer in spec.get("layer", []) if layer["mark"]["type"] == "line"]
        if not lines:
            continue
        assert [step["filter"] for step in lines[0]["transform"]] == ["datum.joined"]
        frame = spec["datasets"]["values"]
        for _, segment in frame[frame["joined"]].groupby("segment"):
            assert not any(str(shown).lstrip().startswith(SIGNS) for shown in segment["shown"]), segment["shown"]
            checked += len(segment)
        bounds = frame[frame["shown"].astype(str).str.lstrip().str.startswith(SIGNS)]
        assert not bounds["joined"].any()
        # Each bound is a mark of its own kind, which the marker legend and the tooltip name.
        assert all(
            label != t(f"status.{status}", lang) for label, status in zip(bounds["kind_label"], bounds["status"])
        )
    assert checked > 50


def test_core_value_added_joins_no_bound():
    rows = _rows(
        ("shenzhen", 2020, "g", "observed", 8446.0, "exact", False),
        ("shenzhen", 2021, "g", "observed", 9000.0, "more_than", False),
        ("shenzhen", 2022, "g", "observed", 10000.0, "approx", False),
        ("shenzhen", 2023, "g", "observed", 10500.0, "approx", False),
    )
    assert len(set(views.segments(rows))) == 3  # the two approximations may share a segment; no bound with 2020


@pytest.mark.parametrize("lang", LANGS)
def test_a_legend_lists_only_the_cities_in_its_chart(data, lang):
    for spec in _all_charts(data, lang):
        frame = next(iter(spec["datasets"].values()))
        encodings = [spec.get("encoding", {})] + [layer.get("encoding", {}) for layer in spec.get("layer", [])]
        colours = [enc[channel] for enc in encodings for channel in ("color", "shape")
                   if enc.get(channel, {}).get("field") == "city_label"]  # fmt: skip
        present = set(frame.loc[frame["value"].notna(), "city_label"])
        for colour in colours:
            assert set(colour["scale"]["domain"]) == present, spec["title"]
            assert colour["legend"] is None or len(present) > 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_note_on_a_target_figure_names_the_page_as_the_menu_does(data, lang):
    """The third walk: Benchmarks sent the reader to the "Targets page" / "“目标”页"; the menu says otherwise."""
    note = views.target_note(next(iter(views.TARGET_FIGURES)), data["target_status"], lang)
    assert note is not None and t("nav.targets", lang) in note, note
