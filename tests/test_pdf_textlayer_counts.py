"""`textlayer.classify` counts glyphs with a regex pass over the page's text: the counts must
be those of a plain per-glyph reading of the rules (white space is no glyph, `_OK_RANGES`
and decomposable Latin letters are plausible, private-use glyphs are bad and counted apart).
"""

from __future__ import annotations

import unicodedata

from smartcert.extractors.models import TextLayer
from smartcert.extractors.pdf.chars import Char
from smartcert.extractors.pdf.textlayer import _OK_RANGES, classify


def _glyphs(text: str) -> list[Char]:
    return [Char(c, i, 0.0, i + 1.0, 10.0, 8.0, 10.0, "F", i + 0.5, 5.0)
            for i, c in enumerate(text)]


def _expected(text: str) -> tuple[int, int, int]:
    visible = [c for c in text if not c.isspace()]

    def ok(c: str) -> bool:
        o = ord(c)
        return any(lo <= o <= hi for lo, hi in _OK_RANGES) or (
            unicodedata.category(c).startswith("L") and o < 0x0250
            and bool(unicodedata.decomposition(c)))

    bad = [c for c in visible if not ok(c)]
    return len(visible), len(bad), sum(1 for c in bad if 0xE000 <= ord(c) <= 0xF8FF)


def test_counts_on_mixed_text() -> None:
    # ideographic space, no-break space, tab and line feed are white space, not glyphs;
    # é decomposes (plausible), ÇÑ± of a broken map do not all, U+E000 is private use
    text = "한글 표\u3000Café\u00a0ÇÑ±Û\t\ue000\ue001\ufffd\x01(주)\n㈜ ①"
    report = classify(_glyphs(text), lambda: 0.0, 0.5)
    assert (report.glyphs, report.bad_glyphs, report.private_use) == _expected(text)
    assert report.private_use == 2


def test_counts_on_every_plane_zero_character() -> None:
    text = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i <= 0xDFFF)
    text += "\U0001f600\U00020000"  # beyond the BMP: not in any range, bad
    report = classify(_glyphs(text), lambda: 0.0, 0.9)
    assert (report.glyphs, report.bad_glyphs, report.private_use) == _expected(text)
    assert report.status is TextLayer.UNUSABLE  # 40 % of plane 0 is no Korean text


def test_white_space_only_page_has_no_glyphs() -> None:
    report = classify(_glyphs(" \u3000\u2003\n"), lambda: 0.9, 0.5)
    assert report.glyphs == 0
    assert report.status is TextLayer.MISSING
