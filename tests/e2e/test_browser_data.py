"""The Data page in a real browser: a shared query link, the console round trip, and real downloads."""

import urllib.parse

from e2e_helpers import assert_clean, injected_markdown, rerun, screenshot, wait_for_app

from explorer.data import gateway as db


def test_a_shared_query_link_opens_on_the_console_and_runs_only_on_a_click(app_url, tab):
    sql = "SELECT city, count(*) AS n FROM benchmarks GROUP BY city ORDER BY city"
    con = db.connect()
    try:
        expected = con.sql(sql).fetchall()
    finally:
        con.close()
    tab.goto(f"{app_url}/data?lang=en&sql={urllib.parse.quote(sql)}")
    wait_for_app(tab)
    assert_clean(tab)
    assert tab.get_by_role("tab", name="SQL console").get_attribute("aria-selected") == "true"
    editor = tab.locator(".st-key-sql textarea")
    editor.wait_for()  # the text area's code loads lazily, after the script has finished
    assert editor.input_value() == sql
    assert tab.get_by_text("This link carries a query: check it, then click Run").is_visible()
    assert tab.get_by_text("The query returned").count() == 0
    with rerun(tab):
        tab.get_by_role("button", name="Run").click()
    tab.get_by_text(f"The query returned {len(expected)} rows.").wait_for()
    assert_clean(tab)
    screenshot(tab, "data-sql-en")


def test_samples_run_and_edits_go_into_the_link_and_refusals_are_explained(app_url, tab):
    tab.goto(f"{app_url}/data?lang=zh")
    wait_for_app(tab)
    tab.get_by_role("tab", name="SQL 查询").click()
    tab.locator(".st-key-sql_sample").click()
    with rerun(tab):
        tab.get_by_role("option", name="深圳与北京 GDP 对比").click()
    assert "FILTER (WHERE city = 'shenzhen')" in urllib.parse.unquote_plus(tab.url)
    assert tab.get_by_text("查询返回").first.is_visible()
    editor = tab.locator(".st-key-sql textarea")
    with rerun(tab):
        editor.fill("DROP TABLE figures")
        tab.get_by_role("button", name="运行").click()
    alerts = tab.locator("[data-testid='stAlert']").all_inner_texts()
    assert any("只允许读取数据的查询" in text and "DROP" in text for text in alerts), alerts
    assert_clean(tab)
    tab.get_by_text("复制此视图的链接").click()
    shared = tab.locator("[data-testid='stSidebar'] code").first.inner_text()
    assert "/data?" in shared and "/data/data" not in shared
    assert "sql=DROP+TABLE+figures" in shared
    screenshot(tab, "data-refusal-zh")


def test_the_duckdb_download_is_the_served_file_and_csv_opens_in_excel(app_url, tab):
    tab.goto(f"{app_url}/data?lang=en&table=parameters&grade=assumption")
    wait_for_app(tab)
    with tab.expect_download() as download:
        tab.get_by_role("button", name="Download this view (CSV)").click()
    assert download.value.suggested_filename == "shenzhen-digital-economy-parameters-filtered.csv"
    with open(download.value.path(), "rb") as handle:
        assert handle.read(3) == b"\xef\xbb\xbf"
    tab.get_by_role("tab", name="Downloads").click()
    with tab.expect_download() as download:
        tab.get_by_role("button", name="The DuckDB database file").click()
    name = download.value.suggested_filename
    assert name.startswith("shenzhen-digital-economy-") and name.endswith(".duckdb")
    # a DuckDB file of the data version its name gives (compared by version: other work may rebuild data/)
    con = db.connect(download.value.path())
    try:
        assert db.data_version(con)[:12] == name.removeprefix("shenzhen-digital-economy-").removesuffix(".duckdb")
        assert len(db.table(con, "figures")) > 0
    finally:
        con.close()
    assert_clean(tab)


def test_a_refused_identifier_with_markdown_shows_as_text_and_fetches_nothing(app_url, tab):
    # The probe's console payload (issue 24): CR ends the code span of the "no such table" refusal.
    sql = 'SELECT * FROM "x\r# PWN\r[Sign in](//ev.il/login)\r\r![](//ev.il/sql.png)"'
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(f"{app_url}/data?lang=en&sql={urllib.parse.quote(sql)}")
    wait_for_app(tab)
    tab.locator(".st-key-sql textarea").wait_for()
    with rerun(tab):
        tab.get_by_role("button", name="Run").click()
    tab.get_by_text("There is no public table named").wait_for()
    assert_clean(tab)
    tab.wait_for_timeout(500)
    assert injected_markdown(tab, requests, "PWN", "ev.il") == []
    assert any("# pwn" in code for code in tab.locator("[data-testid='stAlert'] code").all_inner_texts())
