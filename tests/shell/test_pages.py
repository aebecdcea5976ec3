"""explorer.shell.pages: the page registry names every page file once, and nothing else."""

from explorer import ROOT
from explorer.shell.pages import BY_STEM, DEFAULT_PAGE, PAGES, SECTIONS, STEMS


def test_the_registry_lists_exactly_the_page_files():
    assert sorted(STEMS) == sorted(path.stem for path in (ROOT / "pages").glob("*.py"))


def test_every_page_is_listed_once_in_one_section():
    assert len(set(STEMS)) == len(PAGES)
    assert [stem for stems in SECTIONS.values() for stem in stems] == list(STEMS)
    assert DEFAULT_PAGE in BY_STEM


def test_every_page_has_a_material_icon_and_keeps_lang_out_of_its_own_parameters():
    for page in PAGES:
        assert page.icon.startswith(":material/") and page.icon.endswith(":"), page.stem
        assert "lang" not in page.params, page.stem
