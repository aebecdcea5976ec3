"""Tests of the equations written once (src/explorer/model/equations.py): complete, and filled from the parameters."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from explorer import model
from explorer.model import Levers, equations, parameter_symbols, parameter_table, used_parameters

PLACEHOLDER = re.compile(r"<<(\w+)>>")


def _set(params: pd.DataFrame, pid: str, low: float, central: float, high: float) -> pd.DataFrame:
    moved = params.copy()
    moved.loc[moved["id"] == pid, ["low", "central", "high"]] = (low, central, high)
    return moved


def _all_placeholders() -> set[str]:
    return {name for channel in equations.CHANNELS for name in equations.placeholders(channel)}


def test_every_placeholder_is_a_parameter_a_lever_or_a_constant(params: pd.DataFrame):
    known = set(used_parameters(params)) | set(Levers.BOUNDS) | set(equations.CONSTANTS)
    assert _all_placeholders() - known == set()
    assert set(equations.LEVER_SYMBOLS) == set(model.LEVER_NAMES)


def test_every_parameter_and_lever_the_channels_read_is_in_an_equation(params: pd.DataFrame):
    """Every parameter is read by a channel (the peers are fitted on their own series, not on parameter rows)."""
    channel_parameters = set(used_parameters(params))
    assert channel_parameters - _all_placeholders() == set()
    assert set(model.LEVER_NAMES) - _all_placeholders() == set()
    assert channel_parameters <= set(parameter_symbols(params))


def test_a_parameters_symbol_comes_from_its_row(params: pd.DataFrame):
    """The equations write the `symbol` column of the parameter sheet, so a new symbol needs no code."""
    moved = params.copy()
    moved.loc[moved["id"] == "dc_demand_growth", "symbol"] = r"\Delta_{K}"
    before = " ".join(equations.filled("dc", parameter_table(params), parameter_symbols(params)))
    after = " ".join(equations.filled("dc", parameter_table(moved), parameter_symbols(moved)))
    assert r"\delta" in before and r"\Delta_{K}" not in before
    assert r"\Delta_{K}" in after


def test_filled_equations_show_the_rack_power_of_the_parameter_sheet(params: pd.DataFrame):
    table = parameter_table(params)
    kw = params.set_index("id").loc["dc_rack_kw"]
    assert kw["low"] == kw["central"] == kw["high"], "a single-valued parameter is written as its number"
    power = next(eq for eq in equations.filled("dc", table, parameter_symbols(params)) if r"\mathrm{GWh}_t =" in eq)
    assert rf"\cdot {equations.latex_number(kw['central'])}\,\mathrm{{kW}} \cdot" in power
    assert r"8{,}760\,\mathrm{h}" in power
    assert "dc_rack_kw" not in equations.symbols("dc", table)


def test_changing_a_parameter_changes_the_equation(params: pd.DataFrame):
    before = " ".join(equations.filled("dc", parameter_table(params), parameter_symbols(params)))
    after = " ".join(
        equations.filled("dc", parameter_table(_set(params, "dc_rack_kw", 3.5, 3.5, 3.5)), parameter_symbols(params))
    )
    assert r"3.5\,\mathrm{kW}" in after and r"3.5\,\mathrm{kW}" not in before
    assert after != before


def test_a_parameter_with_a_range_is_written_as_its_symbol(params: pd.DataFrame):
    table = parameter_table(_set(params, "dc_rack_kw", 2.0, 2.5, 4.0))
    power = " ".join(equations.filled("dc", table, parameter_symbols(params)))
    assert r"\kappa" in power and r"\mathrm{kW}" not in power
    assert "dc_rack_kw" in equations.symbols("dc", table)


def test_the_base_year_gdp_is_filled_and_nothing_is_left_unfilled(params: pd.DataFrame):
    table = parameter_table(params)
    anchor = equations.latex_number(table["gdp_2022"][1])
    assert anchor == "32{,}387.68"  # the official 2022 GDP (tjj.sz.gov.cn), every digit kept
    assert anchor in equations.filled("baseline", table, parameter_symbols(params))[0]
    for channel in equations.CHANNELS:
        assert not any(
            "<<" in eq or ">>" in eq for eq in equations.filled(channel, table, parameter_symbols(params))
        ), channel


@pytest.mark.parametrize(("value", "text"), [(8446.0, "8{,}446"), (2.5, "2.5"), (0.65, "0.65"), (150000, "150{,}000")])
def test_latex_numbers(value: float, text: str):
    assert equations.latex_number(value) == text


def test_equations_carry_no_words_of_one_language(params: pd.DataFrame):
    """One language per page: the LaTeX is shown on both pages, so it holds symbols, not English or Chinese text."""
    table = parameter_table(params)
    for channel in equations.CHANNELS:
        for equation in equations.filled(channel, table, parameter_symbols(params)):
            assert r"\text" not in equation, equation
            assert not any("\u4e00" <= char <= "\u9fff" for char in equation), equation


# KaTeX commands the Methods equations may use; a run-on like "\quadq_t" or an escaped "\\bar" (a KaTeX line
# break) renders as red error text or breaks the equation, and shows up here as an unknown command.
KNOWN_COMMANDS = {
    "Delta", "allowbreak", "alpha", "bar", "beta", "big", "cdot", "chi", "delta", "ell", "exp", "gamma", "ge", "iota",
    "kappa", "lambda", "le", "lfloor", "mathrm", "max", "min", "mu", "nu", "omega", "phi", "pi", "psi", "quad",
    "rfloor", "rho", "sigma", "sim", "sum", "tau", "theta", "varepsilon", "xi",
}  # fmt: skip


def test_every_filled_equation_uses_known_katex_commands_and_no_line_break(params):
    table = parameter_table(params)
    for channel in equations.CHANNELS:
        for equation in equations.filled(channel, table, parameter_symbols(params)):
            assert "\\\\" not in equation, (channel, equation)
            assert set(re.findall(r"\\([A-Za-z]+)", equation)) <= KNOWN_COMMANDS, (channel, equation)


def test_no_two_parameters_or_levers_share_a_symbol(params: pd.DataFrame):
    """Methods lists each channel's symbols: one letter for two quantities would make an equation ambiguous."""
    symbols = [*parameter_symbols(params).values(), *equations.LEVER_SYMBOLS.values()]
    assert sorted(symbol for symbol in set(symbols) if symbols.count(symbol) > 1) == []


# Written as they are in every language: international abbreviations and units.
KEPT = {"AI", "EFLOPS", "GDP", "GWh", "MW", "PUE", "h", "kW"}


def test_every_word_the_equations_write_out_is_one_methods_translates(params: pd.DataFrame):
    """A new \\mathrm{word} in an equation or a parameter's symbol must join WORDS (or be an abbreviation kept in
    every language), or a Chinese page would print it in English (the walk saw SOE, paper, agg, disp, TAL)."""
    lines = [*(line for lines in equations.CHANNELS.values() for line in lines), *parameter_symbols(params).values()]
    written = {word for line in lines for word in re.findall(r"\\mathrm\{([A-Za-z]+)\}", line)}
    assert written - KEPT == set(equations.WORDS)
    assert not [line for line in lines if re.search(r"\\mathrm\{[^}]*,", line)], "one word per \\mathrm{}"


def test_in_words_writes_each_word_as_given_and_leaves_symbols():
    line = r"\mathrm{revenue}_t = B_t\,q_t, \quad \mathrm{GDP}_t, \quad \mathrm{cost}^{\mathrm{paper}}"
    words = {**dict.fromkeys(equations.WORDS, "x"), "revenue": "收入", "cost": "成本", "paper": "论文"}
    spelled = equations.in_words(line, words)
    assert spelled == r"\text{收入}_t = B_t\,q_t, \quad \mathrm{GDP}_t, \quad \text{成本}^{\text{论文}}"
