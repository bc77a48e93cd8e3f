"""Build small PDFs that behave like Hancom exports, for tests.

Words are placed one run at a time with no space characters, tables are ruled with thin
filled rectangles or lines, labels may be letter-spaced — what HWP's PDF export does.
PyMuPDF's built-in 'korea' CJK font needs no font files on the machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import fitz

FONT = "korea"


def put_words(page: fitz.Page, x: float, y: float, text: str, size: float = 10.0,
              letter_gap: float = 0.0) -> float:
    """Draw `text` word by word without space glyphs (Hancom style); returns the end x."""
    for k, word in enumerate(text.split(" ")):
        if k:
            x += size * 0.3  # the gap a reader must turn into a space
        for ch in (word if letter_gap else [word]):
            page.insert_text((x, y), ch, fontname=FONT, fontsize=size)
            # the built-in CJK font advances every glyph by one em as written
            x += fitz.get_text_length(ch, fontname=FONT, fontsize=size) + letter_gap
    return x


@dataclass
class Grid:
    """A ruled table: column widths, row heights, cell texts, merges (r, c, rowspan, colspan)."""

    x: float
    y: float
    widths: list[float]
    heights: list[float]
    texts: dict[tuple[int, int], str]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    open_sides: bool = False  # no outer vertical borders, as in many government tables
    letter_spaced: set[tuple[int, int]] = field(default_factory=set)

    def covered(self) -> set[tuple[int, int]]:
        out = set()
        for r, c, rs, cs in self.merges:
            out |= {(rr, cc) for rr in range(r, r + rs) for cc in range(c, c + cs)} - {(r, c)}
        return out


def _xs(g: Grid) -> list[float]:
    xs = [g.x]
    for w in g.widths:
        xs.append(xs[-1] + w)
    return xs


def _ys(g: Grid) -> list[float]:
    ys = [g.y]
    for h in g.heights:
        ys.append(ys[-1] + h)
    return ys


def draw_grid(page: fitz.Page, g: Grid, size: float = 9.0) -> None:
    xs, ys = _xs(g), _ys(g)
    span = {(r, c): (rs, cs) for r, c, rs, cs in g.merges}
    covered = g.covered()
    shape = page.new_shape()
    for r in range(len(g.heights)):
        for c in range(len(g.widths)):
            if (r, c) in covered:
                continue
            rs, cs = span.get((r, c), (1, 1))
            x0, x1, y0, y1 = xs[c], xs[c + cs], ys[r], ys[r + rs]
            shape.draw_line((x0, y0), (x1, y0))
            shape.draw_line((x0, y1), (x1, y1))
            if not (g.open_sides and c == 0):
                shape.draw_line((x0, y0), (x0, y1))
            if not (g.open_sides and c + cs == len(g.widths)):
                shape.draw_line((x1, y0), (x1, y1))
            text = g.texts.get((r, c), "")
            for k, line in enumerate(text.split("\n")):
                gap = size * 0.6 if (r, c) in g.letter_spaced else 0.0
                put_words(page, x0 + 3, y0 + size + 3 + k * (size + 2), line, size, gap)
    shape.finish(color=(0, 0, 0), width=0.5)
    shape.commit()


def new_pdf(pages: int = 1) -> fitz.Document:
    doc = fitz.open()
    for _ in range(pages):
        doc.new_page(width=595, height=842)
    return doc
