"""Cell grids from ruling lines: pdfplumber's TableFinder on PyMuPDF geometry.

pdfplumber's page parser is ~70× slower than PyMuPDF on Hancom exports, but its table
algorithm (snap, join, intersect, smallest cells, group) only needs edges and a page box.
We feed it edges from PyMuPDF drawings and rebuild merged cells from cell geometry.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from pdfplumber.table import TableFinder

from extractors.models import Cell
from extractors.normalize import match_key
from extractors.pdf.chars import Char
from extractors.pdf.edges import Edge
from extractors.pdf.lines import region_text

BBox = tuple[float, float, float, float]

TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "edge_min_length": 3,
    "intersection_tolerance": 3,
}


@dataclass
class _EdgePage:
    """The two attributes of pdfplumber.Page that TableFinder reads with line strategies."""

    edges: list[Edge]
    bbox: BBox


@dataclass
class PageTable:
    bbox: BBox
    n_rows: int
    n_cols: int
    cells: list[Cell]
    xs: list[float]  # column boundaries, for joining continuations across pages
    glyphs: list[list[Char]]  # per cell, in `cells` order: spans never cross a cell


def _axis(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(axis: list[float], v: float, tol: float) -> int:
    i = bisect_left(axis, v - tol)
    return min(i, len(axis) - 1)


def find_cell_groups(edges: list[Edge], page_bbox: BBox) -> list[list[BBox]]:
    finder = TableFinder(_EdgePage(edges, page_bbox), TABLE_SETTINGS)  # type: ignore[arg-type]
    return [list(t.cells) for t in finder.tables]


def build_table(cells: list[BBox], chars: list[Char], page: int, tol: float = 1.5) -> PageTable:
    """Grid positions and spans from cell rectangles; text from the glyphs inside each cell."""
    xs = _axis([c[0] for c in cells] + [c[2] for c in cells], tol)
    ys = _axis([c[1] for c in cells] + [c[3] for c in cells], tol)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    placed: list[tuple[int, int, int, int, BBox]] = []
    for bb in cells:
        c0, c1 = _index(xs, bb[0], tol), _index(xs, bb[2], tol)
        r0, r1 = _index(ys, bb[1], tol), _index(ys, bb[3], tol)
        placed.append((r0, c0, max(r1 - r0, 1), max(c1 - c0, 1), bb))
    owner: dict[tuple[int, int], int] = {}
    for k, (r, c, rs, cs, _) in enumerate(placed):
        for rr in range(r, r + rs):
            for cc in range(c, c + cs):
                owner.setdefault((rr, cc), k)
    texts: list[list[Char]] = [[] for _ in placed]
    x_min, x_max, y_min, y_max = xs[0], xs[-1], ys[0], ys[-1]
    for ch in chars:
        cx, cy = ch.cx, ch.cy
        if not (x_min <= cx <= x_max and y_min <= cy <= y_max):
            continue
        col = max(bisect_left(xs, cx) - 1, 0)
        row = max(bisect_left(ys, cy) - 1, 0)
        k = owner.get((row, col))
        if k is not None:
            texts[k].append(ch)
    out: list[tuple[Cell, list[Char]]] = []
    for (r, c, rs, cs, bb), glyphs in zip(placed, texts, strict=True):
        text = region_text(glyphs)
        cell = Cell(row=r, col=c, rowspan=rs, colspan=cs, text=text, key=match_key(text),
                    bbox=bb, page=page)
        out.append((cell, glyphs))
    out.sort(key=lambda pair: (pair[0].row, pair[0].col))
    return PageTable(bbox=(x_min, y_min, x_max, y_max), n_rows=n_rows, n_cols=n_cols,
                     cells=[c for c, _ in out], xs=xs, glyphs=[g for _, g in out])
