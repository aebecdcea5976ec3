"""explorer.features.scenarios.brief: the one-page Markdown brief of a scenario."""

import pandas as pd
import pytest

from explorer import model
from explorer.core.i18n import LANGS, t
from explorer.features.scenarios import brief as scenario_brief
from explorer.features.scenarios.view import Kpi


def _sensitivity(params: pd.DataFrame) -> pd.DataFrame:
    ids = params["id"].tolist()
    return pd.DataFrame({"parameter": ids, "swing": [3.0, 2.0, 1.0] + [0.0] * (len(ids) - 3)})


def _brief_on(parameter: str, params: pd.DataFrame, lang: str) -> str:
    """Return the brief of a scenario whose sensitivity names one parameter only."""
    return scenario_brief.brief_markdown(
        link="https://example.org/scenarios",
        version="6a8314edaf88ffff",
        levers=model.PRESETS["talent_push"],
        cards=[],
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
        cards=cards,
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
    assert all(f"- {label}:" in text for label in first_three)
    assert f"- {params['label_' + lang].iloc[3]}:" not in text  # a parameter that does not move the change
    assert "Because of talent." in text


@pytest.mark.parametrize(
    ("lang", "column", "other"), [("zh", "rationale_zh", "rationale"), ("en", "rationale", "rationale_zh")]
)
def test_an_assumptions_rationale_is_in_the_briefs_language(params, lang, column, other):
    assumption = params[params["grade"] == "assumption"].iloc[0]
    text = _brief_on(assumption["id"], params, lang)
    assert f"- {assumption[f'label_{lang}']}: {t('scenarios.brief.assumption', lang)} {assumption[column]}" in text
    assert assumption[other] not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_sourced_parameter_names_its_grade_in_the_briefs_language(params, lang):
    sourced = params[(params["grade"] != "assumption") & params["source_title"].notna()].iloc[0]
    text = _brief_on(sourced["id"], params, lang)
    line = next(line for line in text.splitlines() if line.startswith(f"- {sourced[f'label_{lang}']}:"))
    grade = t(f"grade.{sourced['grade']}", lang)
    assert line.endswith(f"({grade})")
    assert grade != sourced["grade"] or lang == "en"  # the code itself is never the word on a Chinese brief
