"""explorer.shell.notices: what a notice echoes of an untrusted link value, and where notices go (AppTest)."""

from streamlit.testing.v1 import AppTest

from explorer.core.i18n import t


def _page() -> None:
    import streamlit as st

    from explorer.shell.notices import notice_bad_param, open_notice_box

    st.title("above")
    open_notice_box()
    st.write("the page")
    notice_bad_param("Year", "20x6", "en", used="2026")  # a widget far below finds a bad value


def test_a_notice_goes_into_the_box_above_the_page_and_names_the_label():
    at = AppTest.from_function(_page).run()
    assert not at.exception
    title, box, text = at.main.children.values()
    assert (title.value, text.value) == ("above", "the page")  # the box sits between, though told after both
    expected = t("notice.bad_param", "en", label="Year", value="`20x6`", used="2026")
    assert [warning.value for warning in box.children.values()] == [expected]


def _hostile_page() -> None:
    from explorer.shell.notices import notice_bad_param, open_notice_box

    open_notice_box()
    notice_bad_param("Year", "\r# x\r[l](//ev.il)", "en", used="2026")
    notice_bad_param("Year", "\r\r![](http://h/t.png)", "en", used="2026")
    notice_bad_param("Year", "x" * 41, "en", kind="filter")


def test_a_rejected_value_is_echoed_as_one_short_code_span_on_one_line():
    at = AppTest.from_function(_hostile_page).run()
    assert [warning.value for warning in at.warning] == [
        t("notice.bad_param", "en", label="Year", value="`# x[l](//ev.il)`", used="2026"),
        t("notice.bad_param", "en", label="Year", value="`![](http://h/t.png)`", used="2026"),
        t("notice.bad_filter", "en", label="Year", value="`" + "x" * 40 + "…`"),
    ]
