"""explorer.features.scenarios.brief: the one-page Markdown brief of a scenario."""

import download_checks
import pandas as pd
import pytest

from explorer import model
from explorer.core.i18n import LANGS, t
from explorer.features.scenarios import brief as scenario_brief
from explorer.features.scenarios.view import Kpi


def _sensitivity(params: pd.DataFrame) -> pd.DataFrame:
    ids = params["id"].tolist()
    return pd.DataFrame({"parameter": ids, "swing": [3.0, 2.0, 1.0] + [0.0] * (len(ids) - 3)})


def _brief_on(parameter: str, params: pd.DataFrame, lang: str, cards: tuple[Kpi, ...] = ()) -> str:
    """Return the brief of a scenario whose sensitivity names one parameter only (and shows `cards`)."""
    return scenario_brief.brief_markdown(
        link="https://example.org/scenarios",
        version="6a8314edaf88ffff",
        levers=model.PRESETS["talent_push"],
        compare=None,
        summary="",
        cards=list(cards),
        peers=(),
        b_peers=(),
        why="",
        sensitivity=pd.DataFrame({"parameter": [parameter], "swing": [1.0]}),
        params=params,
        lang=lang,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_brief_has_the_link_levers_numbers_with_bands_sources_and_disclaimer(params, lang):
    levers = model.PRESETS["talent_push"]
    cards = [Kpi("Core | value added", "¥1.53 tn", "+¥49.2 bn (+3.3 %)", "p10–p90: +¥31.6 bn to +¥68.3 bn", "auto")]
    text = scenario_brief.brief_markdown(
        link="https://example.org/scenarios?preset=talent_push",
        version="6a8314edaf88ffff",
        levers=levers,
        compare=None,
        summary="In short.",
        cards=cards,
        peers=(),
        b_peers=(),
        why="Because of talent.",
        sensitivity=_sensitivity(params),
        params=params,
        lang=lang,
    )
    assert "<https://example.org/scenarios?preset=talent_push>" in text
    assert "6a8314edaf88" in text and "6a8314edaf88ffff" not in text
    assert t("scenarios.disclaimer", lang) in text and t("footer.citation", lang) in text
    assert "| 96,000 | 30,000 |" in text  # the subsidy against the paper's policy
    assert "| Core \\| value added | ¥1.53 tn | +¥49.2 bn (+3.3 %) | p10–p90: +¥31.6 bn to +¥68.3 bn |" in text
    first_three = params["label_" + lang].head(3)
    colon = {"zh": "：", "en": ": "}[lang]
    assert all(f"- {label}{colon}" in text for label in first_three)
    assert f"- {params['label_' + lang].iloc[3]}{colon}" not in text  # a parameter that does not move the change
    assert "Because of talent." in text


@pytest.mark.parametrize(
    ("lang", "column", "other"), [("zh", "rationale_zh", "rationale"), ("en", "rationale", "rationale_zh")]
)
def test_an_assumptions_rationale_is_in_the_briefs_language(params, lang, column, other):
    assumption = params[params["grade"] == "assumption"].iloc[0]
    text = _brief_on(assumption["id"], params, lang)
    colon = {"zh": "：", "en": ": "}[lang]
    why = t("scenarios.brief.assumption", lang, why=assumption[column])
    assert f"- {assumption[f'label_{lang}']}{colon}{why}" in text
    assert assumption[other] not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_sourced_parameter_names_its_grade_in_the_briefs_language(params, lang):
    sourced = params[(params["grade"] != "assumption") & params["source_title"].notna()].iloc[0]
    text = _brief_on(sourced["id"], params, lang)
    colon = {"zh": "：", "en": ": "}[lang]
    line = next(line for line in text.splitlines() if line.startswith(f"- {sourced[f'label_{lang}']}{colon}"))
    grade = t(f"grade.{sourced['grade']}", lang)
    assert line.endswith({"zh": f"（{grade}）", "en": f" ({grade})"}[lang])  # the language's brackets
    assert grade != sourced["grade"] or lang == "en"  # the code itself is never the word on a Chinese brief


B_CARD = Kpi(
    "Core value added",
    "¥1.53 tn",
    "+¥49.2 bn (+3.3 %)",
    None,
    "auto",
    compare="B: ¥1.49 tn, +¥9.20 bn against the baseline",
)


def _brief_with_b(params: pd.DataFrame, lang: str) -> str:
    return scenario_brief.brief_markdown(
        link="https://example.org/scenarios?preset=talent_push&cmp=city_plan",
        version="6a8314edaf88ffff",
        levers=model.PRESETS["talent_push"],
        compare=model.PRESETS["city_plan"],
        summary="SUMMARY SENTENCES.",
        cards=[B_CARD],
        peers=("A against Beijing.", "A's gap to Beijing."),
        b_peers=("B against Beijing.",),
        why="WHY.",
        sensitivity=_sensitivity(params),
        params=params,
        lang=lang,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_brief_opens_with_the_summary_naming_the_scenario_and_b(params, lang):
    lines = [line for line in _brief_with_b(params, lang).splitlines() if line]
    a, b = t("preset.talent_push", lang), t("preset.city_plan", lang)
    assert lines[0] == f"# {t('scenarios.brief.title', lang, year=2030)}"
    assert lines[1] == f"## {t('scenarios.summary.title', lang)}"
    assert lines[2] == f"**{t('scenarios.brief.scenario_b', lang, name=a, b=b)}**"
    assert lines[3] == "SUMMARY SENTENCES."
    assert lines.index("WHY.") > lines.index("SUMMARY SENTENCES.")  # the details come after


@pytest.mark.parametrize("lang", LANGS)
def test_the_brief_carries_b_and_each_peer_line(params, lang):
    text = _brief_with_b(params, lang)
    b = t("preset.city_plan", lang)
    assert "- A against Beijing.\n- A's gap to Beijing.\n" in text
    assert f"- {t('scenarios.brief.b_line', lang, name=b, line='B against Beijing.')}" in text
    column = t("scenarios.series.compare", lang, name=b)
    assert f"| {t('scenarios.brief.lever', lang)} | {t('scenarios.brief.value', lang)} | {column} |" in text
    assert "| 96,000 | 30,000 | 30,000 |" in text  # the subsidy: A, B, the paper's
    assert "| 7,000 | 117,000 | 7,000 |" in text  # racks a year
    assert "| ¥1.53 tn | +¥49.2 bn (+3.3 %) | — | B: ¥1.49 tn, +¥9.20 bn against the baseline |" in text


@pytest.mark.parametrize("lang", LANGS)
def test_years_in_the_brief_have_no_separator(params, lang):
    text = _brief_with_b(params, lang)
    assert "| 2030 | 2030 | 2030 |" in text and "2,030" not in text


def test_the_chinese_brief_uses_chinese_punctuation_before_the_link(params):
    text = _brief_with_b(params, "zh")
    assert f"- {t('scenarios.brief.link', 'zh')}：<https://example.org/" in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("growth", ["panel", "sheet"])
def test_the_brief_names_shenzhens_gdp_baseline(params, lang, growth):
    """A line under the link names the baseline the numbers are on (the catalogue's words, read from its files)."""
    words = download_checks.catalogue(lang)
    kwargs = dict(
        link="https://example.org/scenarios",
        version="6a8314edaf88ffff",
        levers=model.PRESETS["talent_push"],
        compare=None,
        summary="",
        cards=[],
        peers=(),
        b_peers=(),
        why="",
        sensitivity=pd.DataFrame({"parameter": ["gdp_growth"], "swing": [1.0]}),
        params=params,
        lang=lang,
    )
    line = "- " + words["scenarios.brief.growth"].format(name=words[f"scenarios.growth.name.{growth}"])
    assert line in scenario_brief.brief_markdown(**kwargs, growth=growth).splitlines()
    if growth == "panel":  # the default
        assert line in scenario_brief.brief_markdown(**kwargs).splitlines()


@pytest.mark.parametrize("lang", LANGS)
def test_a_cards_note_goes_under_the_table_not_into_the_band_column(params, lang):
    """The walk saw the racks card's 'Demand unmet in Shenzhen…' in the brief's p10–p90 column."""
    racks = Kpi("Racks approved 2023–2030", "50,000 racks", "89 % of a quota", None, "off", note="Demand unmet: 1")
    brief = _brief_on(params["id"].iloc[0], params, lang, cards=(racks,))
    assert "| Racks approved 2023–2030 | 50,000 racks | 89 % of a quota | — |" in brief
    assert f"- Racks approved 2023–2030{'：' if lang == 'zh' else ': '}Demand unmet: 1" in brief
