"""What a Chinese page may show in Latin script: the reviewed allow-list, the paper's own terms, the check itself.

Shared by the browser walk (tests/e2e/test_browser_one_language.py) and the table check run through AppTest
(tests/pages/test_table_language.py).
"""

import re

from explorer import ROOT

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+'’.\-_]*")
# Latin words a Chinese page may show, reviewed one by one (the paper's own Latin terms are allowed below).
ALLOWED_ON_ZH = {
    "English": "the language switch names English in English, so a reader of either language finds it",
    "SQL": "the query language's name (数据与 SQL)",
    "CSV": "a file format's name on download buttons",
    "JSON": "a file format's name (Scenarios download)",
    "Markdown": "a file format's name (the Scenarios brief download)",
    "Parquet": "a file format's name (Data downloads)",
    "zip": "a file format's name (Parquet，zip)",
    "DuckDB": "the database's name (downloads, console)",
    "Python": "a programming language's name (how to open the DuckDB file)",
    "BibTeX": "the citation format's name (Data page, cite tab)",
    "Excel": "the spreadsheet's name (the CSV files open in it)",
    "BOM": "byte-order mark, the name of the CSV's encoding mark",
    "PUE": "power usage effectiveness, the data-centre ratio as Chinese policy texts name it",
    "IT": "信息技术 as Chinese procurement texts abbreviate it (a Methods parameter)",
    "kW": "unit: rack power",
    "MW": "unit: a data-centre cluster's power (a Methods parameter)",
    "GaussDB": "a product's name as Chinese texts write it (华为的数据库; a Methods parameter's rationale)",
    "WPS": "the office suite's name as Chinese texts write it (a Methods parameter's rationale)",
    "CPU": "the processor's name as Chinese industry texts write it (a Methods parameter: CPU 机柜)",
    "kWh": "unit: electricity price per kilowatt-hour",
    "GWh": "unit: data-centre electricity use",
    "EFLOPS": "unit: computing power",
    "TFLOPS": "unit: computing power per rack",
    "R": "R&D (split at the &), as the NBS writes 研究与试验发展（R&D）经费 in its bulletins",
    "D": "R&D (split at the &), as above",
    "I": "门类I: the section letter of the national industry classification (GB/T 4754), as the bureaus write it",
}


def paper_terms() -> set[str]:
    """Return the Latin words the paper's own Chinese text uses (AI, GDP, PyTorch, C-V2X …): its terms, not ours."""
    text = (ROOT / "data" / "paper" / "shenzhen-digital-economy-2024.zh.txt").read_text(encoding="utf-8")
    return set(LATIN_WORD.findall(text))


def foreign_words(text: str, terms: set[str]) -> list[str]:
    """Return the Latin words of `text` that a Chinese page may not show, each with its context."""
    found = []
    text = re.sub(r"《[^》]*》", lambda title: " " * len(title.group(0)), text)  # a work's title (《…》) is its own
    text = re.sub(r"https?://[!-~]+", lambda url: " " * len(url.group(0)), text)  # an address is no word of a language
    for match in LATIN_WORD.finditer(text):
        word = match.group(0).rstrip(".-")
        if re.search(r"[\d_]", word):  # IDs, codes and numbered terms: 5G, P50, F49, the data version, gdp_stats
            continue
        if re.search(r"[a-z]\.[a-z]", word):  # a host or a file name: kaivps.com, benchmarks.csv
            continue
        if word in ALLOWED_ON_ZH or word in terms:
            continue
        found.append(f"{word!r} in …{text[max(0, match.start() - 20) : match.end() + 20]!r}…")
    return found


def chinese_outside_quotes(text: str) -> list[str]:
    """Return the lines of an English page's text with Chinese outside “quotes”, 《titles》 and (the original term)."""
    bare = re.sub(r"“[^”]*”|《[^》]*》|\([^)]*\)|（[^）]*）", "", text)
    return [line for line in bare.split("\n") if has_han(line)]


def has_han(text: str) -> bool:
    """Return whether `text` holds a Chinese character."""
    return any("\u4e00" <= char <= "\u9fff" for char in text)
