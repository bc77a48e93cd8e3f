"""Is a page's text layer usable, or must it be OCR'd?"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from smartcert.extractors.models import TextLayer
from smartcert.extractors.pdf.chars import Char

# Ranges a Korean public document legitimately prints. Anything else — private-use
# glyphs, U+FFFD, control characters, Latin-1 letters from a broken ToUnicode map
# ('ÇÑ±Û' for 한글) — counts against the page.
_OK_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00B7, 0x00B7), (0x00D7, 0x00D7), (0x00B0, 0x00B1), (0x00B2, 0x00B3),
    (0x1100, 0x11FF),  # Hangul jamo
    (0x2000, 0x206F),  # general punctuation (‘ ’ “ ” ‧ …)
    (0x2100, 0x21FF),  # letterlike, roman numerals, arrows
    (0x2200, 0x23FF),  # math, technical
    (0x2460, 0x27BF),  # enclosed alphanumerics, box drawing, shapes (□ ○ ■ ◆), dingbats
    (0x3000, 0x303F),  # CJK punctuation (「」『』)
    (0x3130, 0x318F),  # compatibility jamo (ㅇ bullets)
    (0x3200, 0x33FF),  # enclosed CJK, CJK compatibility (㈜ ㎞ ㎡)
    (0x4E00, 0x9FFF),  # hanja
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # compatibility hanja
    (0xFF00, 0xFFEF),  # full-width forms
)

# `\s` is `str.isspace`'s set: white space is not a visible glyph
_SUSPECT = re.compile("[^\\s" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _OK_RANGES) + "]")
_OTHER_SPACE = re.compile("[^\\S ]")  # white space but the plain space, counted apart


@cache
def _plausible(c: str) -> bool:
    o = ord(c)
    for lo, hi in _OK_RANGES:
        if lo <= o <= hi:
            return True
    # accented Latin in foreign names is fine when it decomposes to a base letter
    return unicodedata.category(c).startswith("L") and o < 0x0250 and bool(
        unicodedata.decomposition(c)
    )


def is_private_use(c: str) -> bool:
    """A glyph of the Basic Multilingual Plane's private-use area: a font whose ToUnicode
    map points there (Hancom exports of symbol or embedded fonts) gives no text at all."""
    return 0xE000 <= ord(c) <= 0xF8FF


@dataclass(frozen=True)
class TextLayerReport:
    status: TextLayer
    glyphs: int
    bad_glyphs: int
    image_coverage: float
    private_use: int = 0  # of `bad_glyphs`: private-use-area glyphs

    @property
    def good_share(self) -> float:
        return 1.0 if self.glyphs == 0 else 1 - self.bad_glyphs / self.glyphs


def mostly_private_use(reports: Iterable[TextLayerReport]) -> bool:
    """Most of the unreadable glyphs of these pages are private-use ones (the finding then
    names the font's map as the cause)."""
    rs = list(reports)
    bad = sum(r.bad_glyphs for r in rs)
    return bad > 0 and 2 * sum(r.private_use for r in rs) >= bad


def classify(
    chars: list[Char],
    image_coverage: Callable[[], float],
    min_good_share: float,
    min_glyphs: int = 8,
) -> TextLayerReport:
    """Good, missing (a scan: an image and next to no text) or unusable (mostly garbage).

    `image_coverage` is a callable because measuring it costs a second text pass, and
    only pages with next to no text need it.
    """
    # one pass of C per page instead of a Python test per glyph: the regex finds the
    # glyphs outside `_OK_RANGES` and not white space, the only ones `_plausible` must judge
    text = "".join([ch.c for ch in chars])
    n = len(text) - text.count(" ") - len(_OTHER_SPACE.findall(text))
    bad_chars = [c for c in _SUSPECT.findall(text) if not _plausible(c)]
    bad = len(bad_chars)
    coverage = 0.0
    if n < min_glyphs:
        coverage = image_coverage()
        status = TextLayer.MISSING if coverage >= 0.25 else TextLayer.GOOD
    elif 1 - bad / n < min_good_share:
        status = TextLayer.UNUSABLE
    else:
        status = TextLayer.GOOD
    return TextLayerReport(status, n, bad, coverage, sum(1 for c in bad_chars if is_private_use(c)))
