"""HWP/HWPX pages as a PDF, for the report's evidence crops.

The pages are the ones the extractor placed values on (rhwp's SVG, the same call), drawn
by MuPDF — whose SVG reader has the CJK fallback fonts Korean text needs — and scaled
from CSS pixels to points, so a box in the extract lands on the same spot of this PDF as
a box of a PDF extract does on its page. A page rhwp could not draw stays blank.
"""

from __future__ import annotations

import re
from pathlib import Path

import fitz

from smartcert.core.files.media import MediaType
from smartcert.core.files.sniff import sniff
from smartcert.extractors.hwp.build import A4
from smartcert.extractors.hwp.engine import BadHwp, open_document, page_svgs
from smartcert.extractors.hwp.layout import PT_PER_PX
from smartcert.extractors.hwp.library import HwpLibraryMissing

HWP_TYPES = frozenset({MediaType.HWP, MediaType.HWPX})
_GRADIENT = re.compile(r"<(linear|radial)Gradient\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</\1Gradient>",
                       re.S)
_STOP = re.compile(r"stop-color=\"#([0-9a-fA-F]{6})\"")


def flatten_gradients(svg: str) -> str:
    """Gradient fills replaced by their mean colour: MuPDF's SVG reader draws a gradient
    as solid black, which would hide the white text written on it."""
    means: dict[str, str] = {}
    for _kind, ident, body in _GRADIENT.findall(svg):
        stops = [tuple(int(h[i:i + 2], 16) for i in (0, 2, 4)) for h in _STOP.findall(body)]
        if stops:
            means[ident] = "#" + "".join(f"{round(sum(c) / len(c)):02x}" for c in zip(*stops, strict=True))
    for ident, colour in means.items():
        svg = svg.replace(f"url(#{ident})", colour)
    return svg


def _svgs(path: Path) -> list[str | None] | None:
    if sniff(path) not in HWP_TYPES:
        return None
    try:
        svgs = page_svgs(open_document(path))
    except (BadHwp, HwpLibraryMissing):
        return None
    return svgs or None


def render_pdf(path: Path) -> bytes | None:
    """The document's pages as PDF bytes; None when the file cannot be read (its extract
    already says why) or is not an HWP/HWPX file. About a second a page: for crops of a
    few pages, `HwpPages` draws only those."""
    svgs = _svgs(path)
    if svgs is None:
        return None
    out = fitz.open()
    for svg in svgs:
        _add_page(out, svg)
    return bytes(out.tobytes(garbage=3, deflate=True))


class HwpPages:
    """The pages of an HWP/HWPX file as PyMuPDF pages, each drawn when first asked for.
    Stands in for the `fitz.Document` of a PDF source: `page_count`, `doc[i]`, `close()`."""

    def __init__(self, svgs: list[str | None]) -> None:
        self._svgs = svgs
        self._drawn: dict[int, fitz.Document] = {}

    @classmethod
    def open(cls, path: Path) -> HwpPages | None:
        svgs = _svgs(path)
        return None if svgs is None else cls(svgs)

    @property
    def page_count(self) -> int:
        return len(self._svgs)

    def __getitem__(self, index: int) -> fitz.Page:
        if not 0 <= index < len(self._svgs):
            raise IndexError(index)
        if index not in self._drawn:
            one = fitz.open()
            _add_page(one, self._svgs[index])
            self._drawn[index] = one
        return self._drawn[index][0]

    def close(self) -> None:
        for doc in self._drawn.values():
            doc.close()
        self._drawn.clear()


def _add_page(out: fitz.Document, svg: str | None) -> None:
    if svg is None:
        out.new_page(width=A4[0], height=A4[1])
        return
    try:
        drawn = fitz.open(stream=flatten_gradients(svg).encode("utf-8"), filetype="svg")
        src = fitz.open("pdf", drawn.convert_to_pdf())
    except (RuntimeError, ValueError):  # MuPDF could not read this page's SVG
        out.new_page(width=A4[0], height=A4[1])
        return
    rect = src[0].rect
    page = out.new_page(width=rect.width * PT_PER_PX, height=rect.height * PT_PER_PX)
    page.show_pdf_page(page.rect, src, 0)
