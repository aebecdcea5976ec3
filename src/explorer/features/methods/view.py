"""What the Methods page shows, as pure functions: each channel's prose and filled equations, the parameter table."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from explorer import model
from explorer.core import vocab
from explorer.core.formatting import amount, format_number, quantity
from explorer.core.i18n import t
from explorer.features.pieces import SpilloverChart, enumerated, sentences, spillover_belief
from explorer.features.scenarios import growth as growth_view
from explorer.features.scenarios.view import lever_label
from explorer.model import equations, panel
from explorer.model.channels import national_base, procurement_base
from explorer.model.parameters import central_parameters

GRADES = vocab.PARAMETER_GRADES


@dataclass(frozen=True)
class Channel:
    """One channel of the model: its title, prose, equations (LaTeX) and the meaning of their symbols (Markdown)."""

    code: str
    title: str
    body: str
    equations: tuple[str, ...]
    legend: str


def _prose(code: str, params: pd.DataFrame, units: pd.DataFrame, lang: str) -> str:
    """Return a channel's prose; the baseline's anchor numbers come from the parameter sheet (¥ bn in English)."""
    if code == "dc":
        table = model.parameter_table(params)
        city = model.PRESETS["city_plan"]
        return t(
            "methods.prose.dc",
            lang,
            racks=format_number(model.baseline().dc_racks),
            plan=format_number(table["dc_plan_racks"][1]),
            aggressive=t("preset.aggressive_buildout", lang),
            city=t("preset.city_plan", lang),
            budget_low=format_number(table["dc_power_budget"][0]),
            budget_high=format_number(table["dc_power_budget"][2]),
            mw=format_number(city.dc_power),
        )
    if code == "xc":
        base, national = xinchuang_bases(params)
        unit = units.loc["100m_yuan"]
        money = lambda value: amount(round(value), "100m_yuan", lang, unit["label_zh"], unit["symbol_en"])  # noqa: E731
        return t("methods.prose.xc", lang, base=money(base), national=money(national))
    if code != "baseline":
        return t(f"methods.prose.{code}", lang)
    table = model.parameter_table(params)
    rows = params.set_index("id")

    def money(parameter: str) -> str:
        unit = rows.at[parameter, "unit"]
        return amount(table[parameter][1], unit, lang, units.at[unit, "label_zh"], units.at[unit, "symbol_en"])

    return t(
        "methods.prose.baseline",
        lang,
        year=model.BASE_YEAR,
        gdp=money("gdp_2022"),
        core=money("core_va_2022"),
        sd_low=format_number(table["gdp_shock_sd"][0]),
        sd_high=format_number(table["gdp_shock_sd"][2]),
    )


def xinchuang_bases(params: pd.DataFrame) -> tuple[float, float]:
    """Return the public and SOE IT purchases a year in 2022 (亿元, central parameters): Shenzhen's, and outside it."""
    central = central_parameters(model.parameter_table(params))
    gdp = central["gdp_2022"][:, None]
    return float(procurement_base(central, gdp)[0, 0]), float(national_base(central, np.zeros((1, 1)))[0, 0])


def equation_words(lang: str) -> dict[str, str]:
    """Return the words the equations write out (`equations.WORDS`), in the page's language."""
    return {word: t(f"methods.term.{word}", lang) for word in equations.WORDS}


QUAD, ALLOW_BREAK = r"\quad", r"\allowbreak"


def equation_markdown(latex: str) -> str:
    """Return an equation as Markdown math that breaks after its = and + signs where the column is narrow.

    KaTeX breaks a line only in inline math (st.latex's display math kept 39 of 51 equations on one line, scrolling
    sideways on a 390 px phone), after a relation, an operator or an `\\allowbreak` (the equations hold one where a
    long product would not fit, and one follows each `\\quad` between two equations); `\\displaystyle` keeps
    display-sized sums and fractions.
    """
    return f"$\\displaystyle {latex.replace(QUAD, QUAD + ALLOW_BREAK)}$"


def symbol_legend(code: str, params: pd.DataFrame, units: pd.DataFrame, lang: str) -> str:
    """Return a Markdown list of the symbols in a channel's equations: each parameter's label and range, or lever."""
    table, latex = model.parameter_table(params), model.parameter_symbols(params)
    rows = params.set_index("id")
    lines = [t("methods.equations.where", lang)]
    words = equation_words(lang)
    for name in equations.symbols(code, table):
        symbol = f"${equations.in_words(equations.symbol(name, latex), words)}$"
        if name in table:
            unit = rows.at[name, "unit"]
            (low, central, high), unit_text = quantity(
                table[name], unit, lang, units.at[unit, "label_zh"], units.at[unit, "symbol_en"]
            )
            text = t(
                "methods.equations.parameter",
                lang,
                label=rows.at[name, f"label_{lang}"],
                central=central,
                low=low,
                high=high,
                unit=unit_text,
            )
        elif model.BY_NAME[name].scenario:
            text = t("methods.equations.scenario", lang, label=lever_label(name, params, lang))
        else:
            text = t("methods.equations.lever", lang, label=lever_label(name, params, lang))
        lines.append(f"- {symbol}: {text}")
    return "\n".join(lines)


def channels(params: pd.DataFrame, units: pd.DataFrame, lang: str) -> list[Channel]:
    """Return every channel with its prose and its equations filled from the parameter sheet."""
    table, latex = model.parameter_table(params), model.parameter_symbols(params)
    words = equation_words(lang)
    return [
        Channel(
            code,
            t(f"methods.channel.{code}.title", lang),
            _prose(code, params, units, lang),
            tuple(equations.in_words(equation, words) for equation in equations.filled(code, table, latex)),
            symbol_legend(code, params, units, lang),
        )
        for code in equations.CHANNELS
    ]


# Where a sentence ends: a Chinese full stop or question mark; an English one followed by a space or a line break,
# unless it ends one of these abbreviations.
_SENTENCE_END = re.compile(r"[。？]|[.?](?=\s)")
_ABBREVIATIONS = ("e.g", "i.e", "cf", "vs", "etc", "approx", "No")


def lead(text: str) -> tuple[str, str]:
    """Split Markdown prose after its first sentence: the lead a page shows, and the rest it folds away ("" when the
    text is one sentence). A sentence does not end inside $…$ or $$…$$ maths, **…** bold or `code`, so neither part
    opens a span the other closes; a paragraph break ends the lead too."""
    spans = {"$$": False, "$": False, "**": False, "`": False}
    i = 0
    while i < len(text):
        opener = next((mark for mark in spans if text.startswith(mark, i)), None)
        if opener is not None:
            spans[opener] = not spans[opener]
            i += len(opener)
            continue
        if not any(spans.values()):
            if text.startswith("\n\n", i):
                return text[:i].rstrip(), text[i:].strip()
            end = _SENTENCE_END.match(text, i)
            if end and not text[:i].endswith(_ABBREVIATIONS):
                return text[: end.end()].rstrip(), text[end.end() :].strip()
        i += 1
    return text.strip(), ""


def equations_note(lang: str) -> str:
    """Return the note on how to read the equations."""
    return t("methods.equations.note", lang, year=model.BASE_YEAR)


def parameter_counts(params: pd.DataFrame) -> tuple[int, int]:
    """Return how many parameters are assumptions and how many have a source."""
    assumptions = int((params["grade"] == "assumption").sum())
    return assumptions, len(params) - assumptions


def parameter_caption(params: pd.DataFrame, lang: str) -> str:
    """Return the caption that counts assumptions and sourced parameters (each count with its plural form)."""
    assumptions, sourced = parameter_counts(params)
    return t(
        "methods.params.assumptions", lang, count=assumptions, sourced=t("methods.params.sourced", lang, count=sourced)
    )


def rationale_column(lang: str) -> str:
    """Return the parameters column holding the rationale in this language (`rationale` is the English one)."""
    return "rationale_zh" if lang == "zh" else "rationale"


def parameter_frame(params: pd.DataFrame, units: pd.DataFrame, grades: list[str], lang: str) -> pd.DataFrame:
    """Return the parameter table in the page's language, only the chosen grades (all when none is chosen)."""
    shown = params[params["grade"].isin(grades)] if grades else params
    return pd.DataFrame(
        {
            t("col.id", lang): shown["id"],
            t("col.parameter", lang): shown[f"label_{lang}"],
            t("col.unit", lang): shown["unit"].map(units[f"label_{lang}"]),
            t("col.low", lang): shown["low"],
            t("col.central_value", lang): shown["central"],
            t("col.high", lang): shown["high"],
            t("col.grade", lang): shown["grade"].map(lambda grade: t(f"grade.{grade}", lang)),
            t("col.source", lang): shown["source_title"],
            t("col.source_url", lang): shown["source_url"],
            t("col.quote", lang): shown["source_quote"],
            t("col.rationale", lang): shown[rationale_column(lang)],
        }
    )


def panel_estimates(fit: panel.PanelFit, lang: str) -> str:
    """Return the sentence with every estimated number of the GDP panel (shares and sds in pp a year)."""
    observed = fit.observed_correlation.to_numpy()
    pairs = observed[np.triu_indices_from(observed, k=1)]
    real = fit.real_growths
    return t(
        "methods.panel.estimates",
        lang,
        window=f"{fit.window_start}–{fit.window[-1]}",
        years=int(fit.spans.sum()) if fit.spans is not None else len(fit.window),
        real=t(
            "methods.panel.real",
            lang,
            window=f"{int(real.index[0])}–{int(real.index[-1])}",
            years=int(fit.shock_spans.sum()) if fit.shock_spans is not None else len(real),
            city_window=f"{fit.city_window[0]}–{fit.city_window[-1]}" if fit.city_window else "—",
            city_freedom=fit.city_freedom,
        )
        if real is not None
        else t("methods.panel.real_none", lang),
        mu=f"{100 * math.expm1(fit.common_drift):.2f}",
        sigma_z=f"{100 * fit.common_sd:.2f}",
        sigma_u=f"{100 * fit.city_sd:.2f}",
        check=t(
            "methods.panel.check", lang, nominal=f"{100 * fit.nominal_city_sd:.2f}", freedom=fit.nominal_city_freedom
        )
        if fit.nominal_city_freedom > 0
        else "",
        rho=f"{fit.correlation:.2f}",
        observed=f"{pairs.min():.2f}–{pairs.max():.2f}",
        mu_sd=f"{100 * fit.common_drift_sd:.2f}",
        d_sd=f"{100 * fit.city_drift_sd:.2f}",
    )


def national_pace(fit: panel.PanelFit, national: pd.DataFrame, lang: str) -> str | None:
    """Return the sentence setting China's nominal growth beside the panel's common drift, or None without one."""
    pace = panel.national_pace(fit, national)
    if pace is None:
        return None
    steps = fit.spans.loc[list(pace.steps)] if fit.spans is not None else None
    first = pace.steps[0] - (int(steps.iloc[0]) if steps is not None else 1)
    return t(
        "methods.panel.national",
        lang,
        window=f"{first}–{pace.steps[-1]}",
        china=f"{100 * math.expm1(pace.china):.2f}",
        cities=f"{100 * math.expm1(pace.cities):.2f}",
        year=pace.latest_year,
        nominal=f"{100 * math.expm1(pace.latest_nominal):.1f}",
        real=f"{pace.latest_real:.1f}",
    )


def alternative_baseline(fit: panel.PanelFit, params: pd.DataFrame, lang: str, rows: pd.DataFrame | None = None) -> str:
    """Return the sentences on Shenzhen's alternative GDP baselines: the sheet's assumed growth with its numbers,
    and, with the benchmark `rows`, the city's own growth target with its parts."""
    found = growth_view.rates(fit, params, lang, rows)
    text = t(
        "methods.panel.alternative",
        lang,
        choice=t("scenarios.growth", lang),
        shared_sd=found.shared_sd,
        **growth_view.sheet_words(found),
    )
    if not found.target:
        return text
    return sentences((text, t("methods.panel.alternative_target", lang, **found.target)), lang)


def panel_table(fit: panel.PanelFit, units: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return one row per city of the GDP panel: anchor, drift, differential and the steps not used."""
    unit = units.loc["yi_yuan"]
    rows = [
        {
            t("col.city", lang): t(f"city.{city.city}", lang),
            t("methods.panel.col.anchor_year", lang): city.anchor_year,
            t("methods.panel.col.anchor", lang): amount(
                city.anchor_value, "yi_yuan", lang, unit["label_zh"], unit["symbol_en"]
            ),
            t("methods.panel.col.drift", lang): round(city.growth_pct, 2),
            t("methods.panel.col.differential", lang): round(100 * city.differential, 2),
            t("methods.panel.col.dropped", lang): enumerated(
                (f"{start}→{end}" for start, end in sorted(city.dropped)), lang
            ),
        }
        for city in fit.cities.values()
    ]
    return pd.DataFrame(rows)


SPILLOVER_YEAR = 2030
SPILLOVER_SCENARIO = "aggressive_buildout"


def spillover_chart(params: pd.DataFrame, units: pd.DataFrame, lang: str, start: int | None = None) -> SpilloverChart:
    """Return the aggressive build-out's effect on core value added in 2030 against the spillover elasticity ε, the
    levers acting from `start` (the Scenarios page's lever start year)."""
    levers = replace(model.PRESETS[SPILLOVER_SCENARIO], horizon=SPILLOVER_YEAR)
    return spillover_belief(levers, t(f"preset.{SPILLOVER_SCENARIO}", lang), params, units, lang, start)
