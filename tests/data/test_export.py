"""Downloads: CSV and Parquet bytes read back to the same tables; unshowable cells become text."""

import ast
import io
import json
import zipfile

import pandas as pd

from explorer import ROOT
from explorer.data import export
from explorer.data import gateway as db


def test_csv_opens_in_excel_and_reads_back_unchanged():
    frame = pd.DataFrame({"city": ["深圳", "北京"], "value": [1.5, None]})
    data = export.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(data), encoding="utf-8-sig"), frame)


def test_parquet_zip_holds_every_public_table_and_the_metadata():
    con = db.connect()
    try:
        tables = {name: db.table(con, name) for name in db.PUBLIC_TABLES}
        meta = db.meta(con)
    finally:
        con.close()
    archive = zipfile.ZipFile(io.BytesIO(export.parquet_zip(tables, meta)))
    assert sorted(archive.namelist()) == sorted([f"{name}.parquet" for name in tables] + ["meta.json"])
    assert json.loads(archive.read("meta.json")) == meta
    for name, frame in tables.items():
        back = pd.read_parquet(io.BytesIO(archive.read(f"{name}.parquet")))
        assert list(back.columns) == list(frame.columns)
        assert len(back) == len(frame)
    figures = pd.read_parquet(io.BytesIO(archive.read("figures.parquet")))
    assert figures["value"].sum() == tables["figures"]["value"].sum()


def test_cells_arrow_cannot_convert_become_text_and_others_stay():
    frame = pd.DataFrame({"m": [{1: "a"}, None, float("nan")], "l": [[1, 2], [3], None], "n": [1, 2, 3]})
    safe = export.arrow_safe(frame)
    assert safe["m"].iloc[0] == "{1: 'a'}"
    assert safe["m"].iloc[1:].isna().all()
    assert safe["l"].tolist()[:2] == [[1, 2], [3]]
    assert safe["n"].tolist() == [1, 2, 3]
    assert export.arrow_safe(frame[["n", "l"]]) is not None


def test_a_hostile_text_cell_is_neutralised_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "深圳", "a=b"],
            "value": [-3.5, 1.0, -0.25, 0.0, 2.0, None],
        }
    )
    data = export.csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["text"].tolist() == [
        '\'=HYPERLINK("http://evil.example","click")',
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "深圳",
        "a=b",
    ]
    assert back["value"].iloc[0] == -3.5 and back["value"].iloc[2] == -0.25  # true negative numbers kept numeric
    assert b",-3.5\r\n" in data
    assert frame["text"].iloc[0].startswith("=")  # the caller's frame is left alone


def test_tab_cr_lf_starts_and_headers_are_neutralised_and_a_bare_cr_cannot_start_a_row():
    # OWASP's CSV-injection list (=, +, -, @, tab, CR) plus LF, in cells and in headers (a console alias).
    frame = pd.DataFrame(
        {
            "=HYPERLINK(1)": ["\t=1+1", "\r=1+1", "\n@SUM(A1)", "a\rb", "a\nb", "-x"],
            "@n": [-1, 2, -3, 0, 5, -6],  # an integer column: stays numbers, minus signs and all
            "v": [-1.5, 0.25, None, -0.0, 1e-07, -2.0],
            "+mixed": ["ok", -7, None, "+1", 3.5, "t\tx"],  # numbers in a text column stay numbers too
        }
    )
    expected = (
        b"\xef\xbb\xbf'=HYPERLINK(1),'@n,v,'+mixed\r\n"
        b"'\t=1+1,-1,-1.5,ok\r\n"
        b'"\'\r=1+1",2,0.25,-7\r\n'
        b'"\'\n@SUM(A1)",-3,,\r\n'
        b'"a\rb",0,-0.0,\'+1\r\n'
        b'"a\nb",5,1e-07,3.5\r\n'
        b"'-x,-6,-2.0,t\tx\r\n"
    )
    assert export.csv_bytes(frame) == expected
    assert list(frame.columns) == ["=HYPERLINK(1)", "@n", "v", "+mixed"]  # the caller's frame is left alone
    # Read back as a spreadsheet's CSV reader does: six rows, the CR inside its cell.
    back = pd.read_csv(io.BytesIO(expected), encoding="utf-8-sig")
    assert len(back) == 6 and back.iloc[3, 0] == "a\rb"
    assert back["'@n"].tolist() == [-1, 2, -3, 0, 5, -6]


def test_whole_numbers_beside_blanks_stay_whole():
    """A column of integers with a missing cell (a probability with no band) is not written as 12.0."""
    frame = pd.DataFrame({"n": pd.Series([None, 12, 3], dtype=object), "text": ["a", "b", "c"]})
    assert export.csv_bytes(frame).decode("utf-8-sig").split("\r\n")[1:4] == [",a", "12,b", "3,c"]


def test_columns_of_the_same_name_are_each_neutralised():
    frame = pd.DataFrame([["=a", "=b"]], columns=["x", "x"])  # `SELECT '=a' AS x, '=b' AS x` in the console
    assert export.csv_bytes(frame) == b"\xef\xbb\xbfx,x\r\n'=a,'=b\r\n"


def test_every_csv_download_of_the_app_goes_through_the_one_helper():
    """No page or view writes its own CSV: each download is export.csv_bytes (BOM, neutralised cells)."""

    root = ROOT
    sources = [*root.glob("pages/*.py"), *root.glob("src/explorer/**/*.py")]
    offenders = [str(path.relative_to(root)) for path in sources if ".to_csv(" in path.read_text(encoding="utf-8")]
    assert offenders == ["src/explorer/data/export.py"]


def test_a_download_name_carries_the_page_what_was_compared_and_the_language():
    assert export.file_name("benchmarks", "core_va", lang="en", extension="csv") == "shenzhen-benchmarks-core_va-en.csv"
    assert export.file_name("targets", lang="zh", extension="csv") == "shenzhen-targets-zh.csv"
    assert export.file_name("", "outcome", lang="zh", extension="svg") == "shenzhen-outcome-zh.svg"


def _named_by_rule(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and ast.unparse(node.func).endswith("file_name")


def _download_names() -> list[tuple[str, ast.expr | None, bool]]:
    """Return each download_button of the pages and the shell: (file, its file_name expression, whether a name it
    is given by was assigned from the rule), where readers' files are named."""
    found = []
    for path in [*sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "src" / "explorer" / "shell").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        by_rule = {
            target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and _named_by_rule(node.value)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "download_button":
                given = {keyword.arg: keyword.value for keyword in node.keywords}.get("file_name")
                found.append((path.name, given, isinstance(given, ast.Name) and given.id in by_rule))
    return found


def test_every_page_names_its_downloads_by_the_one_rule():
    """Issue 23 item 8: a file name says the page and the language (the Data page's language-free tables aside)."""
    found = [(name, given, assigned) for name, given, assigned in _download_names() if name != "data.py"]
    assert len(found) >= 6  # Benchmarks (2), Targets, Figures, Scenarios, the charts' SVG
    for name, given, assigned in found:
        assert given is not None, name
        assert assigned or _named_by_rule(given), (name, ast.unparse(given))
