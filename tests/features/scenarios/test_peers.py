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


def _outcomes() -> pd.DataFrame:
    return pd.DataFrame(
        {"unit": ["yi_yuan"], "unit_short_zh": ["亿元"], "unit_short_en": ["¥ bn"]},
        index=pd.Index(["gdp"], name="code"),
    )


def _gap(year: int, gap: float, effect: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [year],
            "gap_p10": [gap * 1.2],
            "gap_p50": [gap],
            "gap_p90": [gap * 0.8],
            "ratio_p50": [0.78],
            "effect_p10": [effect / 2],
            "effect_p50": [effect],
            "effect_p90": [effect * 2],
            "closed_pct": [100 * effect / -gap if gap < 0 else float("nan")],
            "needed_pp": [4.1],
            "lever_pp": [0.27],
        }
    )


def test_the_gap_sentence_says_first_what_share_of_the_gap_the_levers_close():
    gaps = {"beijing": _gap(2030, -15000.0, 900.0), "shanghai": _gap(2030, 500.0, 900.0)}
    for lang in ("en", "zh"):
        beijing, shanghai = view.gap_lines(gaps, 2030, _outcomes(), lang)
        assert beijing.startswith(t("scenarios.gap.sentence", lang).split("{")[0])
        assert " 6 %" in beijing and "4.1" in beijing and "0.27" in beijing
        gap, effect = ("1.50 万亿元", "+900 亿元") if lang == "zh" else ("¥1.50 tn", "+¥90.0 bn")
        assert gap in beijing and effect in beijing  # three significant figures (core.compact)
        assert shanghai == t("scenarios.gap.ahead", lang, city=t("city.shanghai", lang), year=2030)


def test_levers_that_lower_shenzhen_widen_the_gap_in_words_not_with_a_negative_share():
    """A new reader read "close about -0 % of the gap" (the moratorium preset): a negative effect says "widen"."""
    gaps = {"beijing": _gap(2030, -15000.0, -900.0)}
    for lang in ("en", "zh"):
        (beijing,) = view.gap_lines(gaps, 2030, _outcomes(), lang)
        assert beijing.startswith(t("scenarios.gap.sentence_widen", lang).split("{")[0])
        assert " 6 %" in beijing and "-6" not in beijing and "−6" not in beijing
        assert ("-900 亿元" if lang == "zh" else "-¥90.0 bn") in beijing.replace("−", "-")


def test_levers_that_barely_move_the_gap_say_so_not_zero_per_cent():
    """Issue 23's analyst: "widen the gap … by about 0 %" and "0.00 pp of growth a year" for an effect of
    -12.4 亿元 on a gap of 1.03 万亿元; the share and the growth are below their last printed digit."""
    table = _gap(2030, -10300.0, -12.4).assign(lever_pp=[-0.0004])
    for lang, of_b in (("en", False), ("zh", False), ("en", True), ("zh", True)):
        (beijing,) = view.gap_lines({"beijing": table}, 2030, _outcomes(), lang, of_b=of_b)
        key = "scenarios.gap.sentence_barely" + ("_b" if of_b else "")
        assert beijing.startswith(t(key, lang).split("{")[0])
        assert ("less than 1 %" if lang == "en" else "不到 1 %") in beijing, beijing
        assert ("less than 0.01 pp" if lang == "en" else "不到 0.01 个百分点") in beijing, beijing
        assert " 0 %" not in beijing and "0.00" not in beijing, beijing


def test_levers_that_do_not_move_the_gap_at_all_say_so_not_barely():
    """The paper's own levers: every quantile of the paired change is zero, so the gap is not changed, not barely
    changed; a change of one 亿元 in one tail is "barely"."""
    for lang, of_b in (("en", False), ("zh", False), ("en", True), ("zh", True)):
        suffix = "_b" if of_b else ""
        (still,) = view.gap_lines({"beijing": _gap(2030, -10300.0, 0.0)}, 2030, _outcomes(), lang, of_b=of_b)
        assert still.startswith(t("scenarios.gap.sentence_none" + suffix, lang).split("{")[0]), still
        assert (
            ("do not change" if lang == "en" else "不改变") in still and "barely" not in still and "几乎" not in still
        )
        tail = _gap(2030, -10300.0, 0.0).assign(effect_p90=[1.0])
        (barely,) = view.gap_lines({"beijing": tail}, 2030, _outcomes(), lang, of_b=of_b)
        assert barely.startswith(t("scenarios.gap.sentence_barely" + suffix, lang).split("{")[0]), barely


def test_no_gap_sentence_for_a_year_without_a_gap():
    assert view.gap_lines({"beijing": _gap(2030, -1.0, 0.0)}, 2035, _outcomes(), "en") == ()


def test_a_published_line_restarts_at_a_revision_as_on_benchmarks():
    """Issue 23 item 7: a census revision was drawn as growth on Scenarios while Benchmarks broke its line there."""
    peers = _peers().assign(break_before=[False, True, False, False, False, False])  # 2022 → 2023 is a revision
    rows = view.peer_rows(peers, "gdp", "en")
    published = rows[~rows["is_extrapolated"]].set_index("year")["segment"]
    assert published[2022] != published[2023]  # no line across the break
    projected = rows[rows["is_extrapolated"]]
    assert projected["segment"].nunique() == 1 and projected["segment"].iloc[0] not in set(published)
    unbroken = view.peer_rows(_peers(), "gdp", "en")  # no break flag: one published segment
    assert unbroken[~unbroken["is_extrapolated"]]["segment"].nunique() == 1


def test_the_caption_names_the_alternative_baseline_in_use():
    rows = view.peer_rows(_peers(), "gdp", "en")
    for growth, key in (("panel", "scenarios.peers.note"), ("sheet", "scenarios.peers.note_sheet"),
                        ("target", "scenarios.peers.note_target")):  # fmt: skip
        assert view.peer_captions(rows, "en", growth=growth)[0] == t(key, "en")
    assert "growth target" in t("scenarios.peers.note_target", "en")
