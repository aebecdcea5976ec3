"""Text widths measured with a real font, for tests of column and label widths (not the app's own estimates)."""

from functools import cache

from PIL import ImageFont

# Noto Sans CJK, from Debian's fonts-noto-cjk (the CI installs it): its Latin letters are a little wider than
# Streamlit's Source Sans, so a width that holds a text in Noto holds it on the page.
NOTO_SANS_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(NOTO_SANS_CJK, size)


def text_px(text: str, size: int = 14) -> float:
    """Return the width in pixels of `text` set in Noto Sans CJK at `size` px."""
    return _font(size).getlength(text)
