"""Translations: both languages and plural forms alike, every key a page uses exists, no key is left unused."""

import ast
import re
import shutil
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer import ROOT, charts, model
from explorer.console import service as console
from explorer.core import vocab
from explorer.core.i18n import CATALOGUE, LANGS, has, keys, load, t
from explorer.features.scenarios.peers import GAP_OF_B, GAP_SENTENCES
from explorer.features.scenarios.results import (
    LIKELIHOOD,
    NO_COMPARE,
    OWN_COMPARE,
    SUMMARY_PEER_OUTCOMES,
    VIEWS,
)
from explorer.features.targets import progress as target_progress
from explorer.features.targets import verdicts as target_verdicts
from explorer.model import LEVER_GROUPS, comparison, equations, validation
from explorer.model import hindcast as backtest
from explorer.shell.pages import SECTIONS, STEMS

PROJECT = ROOT
SOURCES = [PROJECT / "app.py", *sorted((PROJECT / "pages").glob("*.py")), *sorted((PROJECT / "src").rglob("*.py"))]
CATALOGUES = load(CATALOGUE)
FIELDS = string.Formatter()
HAN = re.compile(r"[\u4e00-\u9fff]")
# A placeholder followed by a plural noun, perhaps after one adjective: "{rows} rows", "{people} digital professionals".
COUNTED_NOUN = re.compile(r"\{(\w+)\}(?: [a-z-]+)? (?!(?:is|was|has|as|its|this)\b)[a-z]+s\b")
# Each English plural string and the placeholder its `count` stands for.
COUNTED = {
    "benchmarks.groups_differ": "count",
    "data.count": "total",
    "figures.count": "total",
    "methods.intro": "draws",
    "methods.params.assumptions": "count",
    "methods.params.sourced": "count",
    "notice.link_too_long": "limit",
    "overview.kinds.caption": "total",
    "recommendations.count": "links",
    "scenarios.digital.old": "count",
    "scenarios.preset.applied": "count",
    "scenarios.summary.talent": "people",
    "scenarios.summary.xc": "delta",
    "sql.intro": "rows",
    "sql.rows": "rows",
    "sql.truncated": "rows",
    "targets.summary": "shown",
}
# Functions that take a key: t() needs it to exist; has() and the Data page's label_or() fall back to a code.
LOOKUPS = {"t": True, "has": False, "label_or": False}


# Every key built at run time, by the shape the source builds it in ({} for each computed part) -> the codes.
DYNAMIC: dict[str, list] = {
    "scenarios.digital.odds.{}": ["levers", "paper"],  # features/scenarios/digital.py odds_spec: the two runs
    "methods.term.{}": list(equations.WORDS),  # features/methods/view.py equation_words
    "bottlenecks.compute.group.{}": ["rooms", "power", "gate"],  # pages/bottlenecks.py COMPUTE_FIGURES
    "bottlenecks.data.gloss.{}": ["1", "2", "3", "4"],  # the data-market section's four gaps
    "bottlenecks.data.point.{}": ["1", "2", "3", "4"],
    "bottlenecks.summary.{}": list(vocab.BOTTLENECKS),
    "chart.source.{}": list(charts.CHART_SOURCES),  # explorer.charts.credited: a chart's source line
    "city.{}": list(vocab.CITIES),
    "col.{}": ["p10", "p50", "p90", "section", "city", "kind", "indicator", "grade"],  # charts; Data page facets
    "data.tab.{}": ["browse", "sql", "downloads", "cite"],  # pages/data.py TABS
    "grade.{}": list(vocab.PARAMETER_GRADES),
    "kind.{}": list(vocab.FIGURE_KINDS),
    # Every lever but dc_racks, whose label states the rack power (lever.dc_racks.kw).
    "lever.{}": [name for name in model.Levers.BOUNDS if name != "dc_racks"],
    "lever.{}.note": [spec.name for spec in model.LEVERS if spec.note],  # a caption under the slider
    "methods.channel.{}.title": list(equations.CHANNELS),
    "methods.hindcast.legend.{}": ["observed", *backtest.METHODS],  # views/hindcast.py COLOURS
    "methods.hindcast.short.{}": list(backtest.METHODS),  # views/hindcast.py score_table headers
    "methods.hindcast.reason.{}": list(backtest.MISSING_REASONS),
    "methods.hindcast.series.{}": [*backtest.SERIES, *backtest.GROWTH_ONLY],
    "methods.rolling.target.{}": list(validation.TARGETS),  # views/hindcast.py rolling_table
    "methods.prose.{}": [code for code in equations.CHANNELS if code != "baseline"],  # the baseline's has numbers
    "nav.section.{}": list(SECTIONS),
    "nav.{}": list(STEMS),
    "notice.rebuilt.{}": ["missing", "stale", "unreadable"],  # startup's states other than ok
    "notice.bad_{}": ["param", "filter", "text", "figure"],  # notices.notice_bad_param kinds
    "preset.{}": list(model.PRESETS),
    "qualifier.{}": list(vocab.QUALIFIERS),
    "recommendations.strength.{}": [*vocab.LINK_STRENGTHS, "none"],
    "recommendations.summary.{}": list(vocab.MEASURES),
    "scenarios.compare.{}": [NO_COMPARE, OWN_COMPARE],
    "scenarios.view.{}": list(VIEWS),  # the results' tabs
    "scenarios.likelihood.{}": [code for _, code in LIKELIHOOD],  # the other choices are presets
    "scenarios.group.{}": list(LEVER_GROUPS),
    # features/scenarios/growth.py: Shenzhen's GDP baseline, as the choice's option and as the downloads name it.
    "scenarios.growth.{}": list(comparison.GROWTHS),
    "scenarios.growth.name.{}": list(comparison.GROWTHS),
    "scenarios.growth.note.{}": [comparison.TARGET_GROWTH],  # the sheet's note is "scenarios.growth.note"
    # The peers' caption under an alternative baseline (the panel's is "scenarios.peers.note").
    "scenarios.peers.note_{}": [comparison.SHEET_GROWTH, comparison.TARGET_GROWTH],
    # The two sensitivity charts (pages/scenarios.py): of the outcome's level and of its change.
    **{f"scenarios.{{}}.{part}": ["tornado", "tornado_change"] for part in ("title", "axis", "flat")},
    # features.scenarios.results.odds_sentence: under the outcome chart and in the summary, a probability or why none.
    "scenarios.{}.odds": ["peers", *(f"summary.{code}" for code in SUMMARY_PEER_OUTCOMES)],
    "scenarios.{}.{}": [
        (where, status)
        for where in ("peers", *(f"summary.{code}" for code in SUMMARY_PEER_OUTCOMES))
        for status in model.PEER_STATUSES[1:]
    ],
    "scenarios.warning.{}": list(model.WARNING_CODES),
    # features.scenarios.peers.gap_lines: the levers close, widen or barely change the gap; the page's or B's.
    "scenarios.gap.{}{}": [(kind, of_b) for kind in GAP_SENTENCES.values() for of_b in ("", GAP_OF_B)],
    # features.scenarios.results.gdp_gap: GDP's change below (more SOE running cost) or above core value added's.
    "scenarios.summary.gdp_gap.{}": ["more", "less"],
    # features/scenarios/downloads.py: the CSV's runs, a peer's probability and gap rows, each side's name and levers.
    "scenarios.col.{}": ["scenario", "baseline", "change", "b", "b_change"],
    "scenarios.col.{}_name": ["scenario", "b"],
    "scenarios.col.{}_lever": ["scenario", "b"],
    "scenarios.download.{}": ["odds", "gap"],
    "sql.refused.{}": list(console.REFUSAL_CODES),
    "sql.{}": ["waiting", "hint"],  # views/data.py console_state (an answer has no caption)
    "sql.sample.{}": ["figures_by_kind", "targets_2025", "benchmarks_sources", "gdp_sz_bj", "assumptions"],
    "status.{}": list(vocab.BENCHMARK_STATUSES),
    "targets.ceiling.{}": ["met", "not_met", "unknown"],
    "targets.verdict.{}": list(vocab.TARGET_VERDICTS),
    "targets.verdict.note.{}": [
        *(code for code in vocab.VERDICT_REASONS if code not in target_verdicts.UNWORDED_REASONS),
        "at_target_no_year",
    ],
    "targets.basis.{}": list(vocab.STATUS_BASES),
    "targets.show.{}": list(target_progress.SHOW_OPTIONS),
    # The Data page's facet values: city, kind and grade codes under their column's name.
    "{}.{}": [
        *(("city", code) for code in vocab.CITIES),
        *(("kind", code) for code in vocab.FIGURE_KINDS),
        *(("grade", code) for code in vocab.PARAMETER_GRADES),
    ],
}


def expand(shape: str) -> list[str]:
    return [shape.format(*code) if isinstance(code, tuple) else shape.format(code) for code in DYNAMIC[shape]]


def forms(catalogues: dict, lang: str, key: str) -> dict[str, str]:
    entry = catalogues[lang][key]
    return {"other": entry} if isinstance(entry, str) else entry


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in FIELDS.parse(text) if name}


# Checks over a loaded catalogue (a function each, so that a test can run them on a broken copy)


def untranslated(catalogues: dict) -> list[str]:
    every = set().union(*(catalogues[lang] for lang in LANGS))
    return sorted(
        key
        for key in every
        if any(key not in catalogues[lang] or not all(forms(catalogues, lang, key).values()) for lang in LANGS)
    )


def placeholder_mismatches(catalogues: dict) -> list[str]:
    both = catalogues["zh"].keys() & catalogues["en"].keys()
    return sorted(
        key
        for key in both
        if len({frozenset(fields(text)) for lang in LANGS for text in forms(catalogues, lang, key).values()}) > 1
    )


def plural_problems(catalogues: dict) -> list[str]:
    problems = [f"zh: {key} has plural forms" for key, entry in catalogues["zh"].items() if not isinstance(entry, str)]
    problems += [
        f"en: {key} counts something but has no plural forms"
        for key, entry in catalogues["en"].items()
        if isinstance(entry, str) and COUNTED_NOUN.search(entry)
    ]
    return problems


def test_every_key_has_text_in_both_languages():
    assert untranslated(CATALOGUES) == []
    assert keys("zh") == keys("en") == CATALOGUES["zh"].keys()


def test_placeholders_match_between_languages_and_forms():
    assert placeholder_mismatches(CATALOGUES) == []


def test_chinese_strings_are_chinese_and_english_strings_are_not():
    pairs = [(key, zh, en) for key, zh in CATALOGUES["zh"].items() for en in forms(CATALOGUES, "en", key).values()]
    # A label that is the same in both languages (%, EFLOPS, P10) is language-neutral.
    problems = [key for key, zh, en in pairs if not HAN.search(zh) and zh != en]
    problems += [key for key, zh, en in pairs if HAN.search(en) and "(" not in en and "（" not in en]
    assert problems == []


def test_english_counts_have_plural_forms_and_chinese_has_one():
    assert plural_problems(CATALOGUES) == []
    assert {key for key, entry in CATALOGUES["en"].items() if not isinstance(entry, str)} == set(COUNTED)


@pytest.mark.parametrize("key", sorted(COUNTED))
def test_a_count_of_one_reads_singular(key):
    counted, en = COUNTED[key], CATALOGUES["en"][key]
    values = {name: 7 for name in fields(en["other"])} | {counted: 1}
    one = t(key, "en", **{**values, "count": 1})
    assert one == en["one"].format(**values)
    # Whatever the plural form says of the counted number ("1 rows") the singular form does not.
    said = [match.group(0).format(**values) for match in COUNTED_NOUN.finditer(en["other"]) if match[1] == counted]
    assert one != en["other"].format(**values)
    assert not [phrase for phrase in said if phrase in one]
    assert t(key, "en", **{**values, counted: 2, "count": 2}) == en["other"].format(**{**values, counted: 2})
    assert t(key, "zh", **{**values, "count": 1}) == CATALOGUES["zh"][key].format(**values)


def test_t_picks_the_form_by_count_and_needs_one():
    assert t("sql.rows", "en", rows="1", count=1) != t("sql.rows", "en", rows="1", count=0)
    assert t("sql.rows", "en", rows="-1", count=-1) == CATALOGUES["en"]["sql.rows"]["one"].format(rows="-1")
    with pytest.raises(TypeError):
        t("sql.rows", "en", rows="3")


@pytest.mark.parametrize("lang", LANGS)
def test_t_formats_values(lang):
    assert "abc123" in t("footer.version", lang, version="abc123")


def test_unknown_language_or_key_fails_loudly():
    with pytest.raises(ValueError):
        t("app.title", "fr")
    with pytest.raises(KeyError):
        t("no.such.key", "zh")
    assert has("app.title") and not has("no.such.key")


# Where the source asks for keys


@dataclass(frozen=True)
class Use:
    where: str  # file:function
    key: str | None  # a key, a shape with {} for each computed part, or None if the scan cannot read it
    required: bool
    counted: bool  # passes count=


def _patterns(node: ast.expr, assigned: dict[str, list[ast.expr]]) -> list[str]:
    """Return the keys (or shapes) an expression can be, following names assigned in the same function."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _patterns(node.body, assigned) + _patterns(node.orelse, assigned)
    if isinstance(node, ast.JoinedStr):
        return ["".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        lefts, rights = _patterns(node.left, assigned) or ["{}"], _patterns(node.right, assigned) or ["{}"]
        return [left + right for left in lefts for right in rights]
    if isinstance(node, ast.Name):
        return [found for value in assigned.get(node.id, []) for found in _patterns(value, assigned)]
    return []


def _assignments(scope: ast.AST) -> dict[str, list[ast.expr]]:
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    return assigned


def scan() -> list[Use]:
    """Return every call to t(), has() and label_or() in the app's source, with the keys it can ask for."""
    uses = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            # t(...), or view.label_or(...): a lookup called by its name or as a module's attribute.
            func = node.func if isinstance(node, ast.Call) else None
            name = getattr(func, "id", "") or getattr(func, "attr", "") if func is not None else ""
            if name not in LOOKUPS or not node.args:
                continue
            scope = node
            while scope is not tree and not isinstance(scope, ast.FunctionDef):
                scope = parents[id(scope)]
            assigned = _assignments(scope) if scope is not tree else {}
            where = f"{path.relative_to(PROJECT)}:{getattr(scope, 'name', '<module>')}"
            counted = any(keyword.arg == "count" for keyword in node.keywords)
            found = [found for found in _patterns(node.args[0], assigned) if found != "{}"] or [None]
            uses += [Use(where, key, LOOKUPS[name], counted) for key in found]
    return uses


def _constant_values(node: ast.expr | None) -> list[str]:
    """Return the string values a dict literal writes out (unpacked parts such as **OTHER are read where defined)."""
    if not isinstance(node, ast.Dict):
        return []
    return [value.value for value in node.values if isinstance(value, ast.Constant) and isinstance(value.value, str)]


def scan_column_maps() -> list[Use]:
    """Return the keys written as values of a column map (field -> key): module constants named *_COLUMNS, and
    dicts passed to translated(); the views look these up in a loop the call scan cannot follow."""
    uses = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            found: list[str] = []
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id.endswith("COLUMNS") for target in node.targets
            ):
                found = _constant_values(node.value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "translated" and len(node.args) > 1:
                columns = node.args[1]
                found = _constant_values(columns)
                if isinstance(columns, ast.Name):
                    scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and node in ast.walk(n)]
                    assigned = _assignments(scopes[-1]) if scopes else {}
                    found = [key for value in assigned.get(columns.id, []) for key in _constant_values(value)]
            uses += [Use(f"{path.relative_to(PROJECT)}:column map", key, True, False) for key in found]
    return uses


USES = scan() + scan_column_maps()
# Functions that look a key up from a column map (their keys come from scan_column_maps) or a fallback helper.
INDIRECT_LOOKUPS = {
    "src/explorer/features/data_page/view.py:label_or",
    "src/explorer/features/pieces.py:translated",
    "src/explorer/features/benchmarks/view.py:tooltips",
    "src/explorer/features/benchmarks/view.py:source_table",
    "src/explorer/features/recommendations/view.py:heatmap",
}


def test_the_scan_reads_every_key_but_the_label_helpers():
    assert {use.where for use in USES if use.key is None} == INDIRECT_LOOKUPS
    assert len([use for use in USES if use.key and "{}" not in use.key]) > 300  # the scan does find the pages' keys


def test_every_key_the_app_asks_for_exists():
    asked = [use for use in USES if use.required and use.key and "{}" not in use.key]
    assert [f"{use.where}: {use.key}" for use in asked if use.key not in CATALOGUES["zh"]] == []


def test_every_key_built_at_run_time_is_enumerated_here():
    built = {use.key for use in USES if use.key and "{}" in use.key}
    assert sorted(built - DYNAMIC.keys()) == [], "enumerate the codes of these keys in DYNAMIC"
    assert sorted(DYNAMIC.keys() - built) == [], "no source builds these keys any more"


def test_every_enumerated_key_exists():
    required = {use.key for use in USES if use.required and use.key in DYNAMIC}
    assert sorted(key for shape in required for key in expand(shape) if key not in CATALOGUES["zh"]) == []


def test_no_key_is_left_unused():
    used = {use.key for use in USES if use.key and "{}" not in use.key}
    used |= {key for shape in DYNAMIC for key in expand(shape)}
    assert sorted(CATALOGUES["zh"].keys() - used) == []


def test_every_plural_string_is_asked_for_with_a_count():
    plural = set(COUNTED)
    asked = [use for use in USES if use.key in plural or (use.key in DYNAMIC and set(expand(use.key)) & plural)]
    assert [use.where for use in asked if not use.counted] == []
    assert {use.key for use in asked} == plural


# The checks above can fail: run them on a broken copy of the catalogue


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _unflanked_bold(text: str) -> list[str]:
    """Return the bold spans CommonMark would not close: a closing `**` after punctuation must be followed by a space,
    punctuation or the end (the zh overview printed "**在这里可以：**阅读" as raw asterisks)."""

    def punctuation(char: str) -> bool:
        return unicodedata.category(char).startswith("P")

    found, at, opened = [], 0, None
    while (at := text.find("**", at)) != -1:
        if opened is None:
            opened = at
        else:
            before, after = text[at - 1], text[at + 2 : at + 3]
            if punctuation(before) and after and not (after.isspace() or punctuation(after)):
                found.append(text[opened : at + 3])
            opened = None
        at += 2
    return found


def test_every_bold_span_closes_as_commonmark_reads_it():
    assert _unflanked_bold("**在这里可以：**阅读") == ["**在这里可以：**阅"]
    assert _unflanked_bold("**在这里可以**：阅读") == [] and _unflanked_bold("**Note:** the") == []
    for lang in LANGS:
        bad = {key: spans for key, text in CATALOGUES[lang].items() if (spans := _unflanked_bold(str(text)))}
        assert bad == {}, (lang, bad)


def test_the_checks_catch_a_broken_catalogue(tmp_path):
    root = tmp_path / "catalogue"
    shutil.copytree(str(CATALOGUE), root)
    _edit(root / "en" / "figures.toml", '"figures.none" = ', "# gone: ")
    _edit(root / "zh" / "targets.toml", "显示 {shown} 项", "显示 {shwon} 项")
    _edit(
        root / "en" / "data.toml", '"sql.rows".one = "The query returned {rows} row."\n"sql.rows".other', '"sql.rows"'
    )
    broken = load(root)
    assert untranslated(broken) == ["figures.none"]
    assert placeholder_mismatches(broken) == ["targets.summary"]
    assert plural_problems(broken) == ["en: sql.rows counts something but has no plural forms"]


@pytest.mark.parametrize(
    ("file", "old", "new", "key"),
    [
        ("en/data.toml", '"sql.rows".one = ', '"sql.rows".single = ', "sql.rows"),  # an unknown plural form
        ("zh/words.toml", '"col.id" = ', '"app.title" = ', "app.title"),  # a key in two files
        (
            "zh/methods.toml",
            '"methods.title" = ',
            '"methods.limits.body" = "x"\n"methods.title" = ',
            "methods.limits.body",
        ),
    ],
)
def test_loading_refuses_a_malformed_catalogue(tmp_path, file, old, new, key):
    root = tmp_path / "catalogue"
    shutil.copytree(str(CATALOGUE), root)
    _edit(root / file, old, new)
    with pytest.raises(ValueError, match=re.escape(repr(key))):
        load(root)
