"""Glyphs of a page as small records, with Hancom shadow duplicates removed."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from smartcert.core.normalize import decode_font_name

if TYPE_CHECKING:  # the glyph records are also unpickled where PyMuPDF is not loaded
    import fitz

_SURROGATE = re.compile("[\ud800-\udfff]")
_GLYPH = itemgetter("c")
_CY = attrgetter("cy")


@dataclass(slots=True)
class Char:
    c: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    font: str
    cx: float  # centre, stored: table assignment reads it for every glyph and cell
    cy: float


class GlyphIndex:
    """Glyphs sorted by vertical centre, to take a table's glyphs without a full scan."""

    def __init__(self, chars: list[Char]) -> None:
        self.chars = sorted(chars, key=_CY)
        self.cys = list(map(_CY, self.chars))

    def within(self, x0: float, top: float, x1: float, bottom: float) -> list[Char]:
        lo, hi = bisect_left(self.cys, top), bisect_right(self.cys, bottom)
        return [c for c in self.chars[lo:hi] if x0 <= c.cx <= x1]


def _writable(text: str) -> str:
    """A lone UTF-16 surrogate (half a pair, from a bad ToUnicode map) is no character and
    cannot be written as JSON: U+FFFD instead, here at the source, so the spans and cells
    built from these glyphs are valid without being validated again (`models.DocText`)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@cache
def _flags() -> int:
    """PyMuPDF flags: keep ligatures and white space as written, clip to the media box,
    and give U+FFFD for glyphs without a Unicode mapping (so broken pages are visible)."""
    import fitz

    return int(fitz.TEXT_PRESERVE_LIGATURES | fitz.TEXT_PRESERVE_WHITESPACE
               | fitz.TEXT_MEDIABOX_CLIP)


def page_chars(page: fitz.Page, shadow_tolerance: float = 1.5) -> list[Char]:
    """All glyphs of a page in content order (spaces included), coordinates top-left origin.

    HWP's shadow and overprint-bold effects draw a run twice, offset by a fraction of a
    point; extractors then read '스스마마트트'. A run repeating an earlier run's text within
    `shadow_tolerance` of its origin is dropped whole (cheaper and safer than per glyph).
    """
    # the text page's own rawdict: `page.get_text` would also read the crop box for the
    # dict's width and height, which are not used
    raw = page.get_textpage(flags=_flags()).extractRAWDICT()
    out: list[Char] = []
    append = out.append  # this loop runs once per glyph of every page: names bound locally
    fonts: dict[str, str] = {}
    runs: dict[str, list[tuple[float, float]]] = {}
    tol = shadow_tolerance
    broken = _SURROGATE.search
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            if line["dir"][0] < 0.99:  # rotated or vertical text: not table content we parse
                continue
            for span in line["spans"]:
                chars = span["chars"]
                if not chars:
                    continue
                text = "".join(map(_GLYPH, chars))
                ox, oy = chars[0]["origin"]
                if text.strip():
                    prior = runs.get(text)
                    if prior is None:
                        runs[text] = [(ox, oy)]
                    elif any(abs(px - ox) <= tol and abs(py - oy) <= tol for px, py in prior):
                        continue
                    else:
                        prior.append((ox, oy))
                name = span["font"]
                font = fonts.get(name)
                if font is None:
                    font = fonts[name] = decode_font_name(name)
                size = float(span["size"])
                if broken(text) is not None:  # rare: fixed glyph by glyph, on copies
                    chars = [{**ch, "c": _writable(ch["c"])} for ch in chars]
                for ch in chars:
                    x0, y0, x1, y1 = ch["bbox"]
                    append(Char(ch["c"], x0, y0, x1, y1, ch["origin"][1], size, font,
                                (x0 + x1) / 2, (y0 + y1) / 2))
    return out
