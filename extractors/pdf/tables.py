"""Cell grids from ruling lines: pdfplumber's table algorithm on PyMuPDF geometry.

pdfplumber's page parser is ~70× slower than PyMuPDF on Hancom exports, but its table
algorithm (snap, join, intersect, smallest cells, group) only needs edges and a page box.
We run it (`grid`, the same algorithm made fast) on edges from PyMuPDF drawings and
rebuild merged cells from cell geometry.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Cell
from smartcert.extractors.pdf import grid
from smartcert.extractors.pdf.chars import Char
from smartcert.extractors.pdf.edges import Edge
from smartcert.extractors.pdf.lines import group_lines, lines_text

BBox = tuple[float, float, float, float]

@dataclass(frozen=True)
class TableSettings:
    """pdfplumber's tolerances (points), its defaults; validated on construction."""

    snap: float = 3.0  # rules closer than this are one rule
    join: float = 3.0  # collinear pieces with gaps up to this are one rule (dotted rules)
    edge_min_length: float = 3.0
    intersection: float = 3.0

    def __post_init__(self) -> None:
        if min(self.snap, self.join, self.edge_min_length, self.intersection) < 0:
            raise ValueError("table tolerances must not be negative")


DEFAULT_TABLES = TableSettings()


@dataclass
class PageTable:
    bbox: BBox
    n_rows: int
    n_cols: int
    cells: list[Cell]
    xs: list[float]  # column boundaries, for joining continuations across pages
    glyphs: list[list[Char]]  # per cell, in `cells` order: spans never cross a cell
    # per cell, its glyphs grouped into lines (`lines.group_lines`): grouped once, read by
    # the cell text, the row split and the page's spans
    lines: list[list[list[Char]]]


def _axis(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(axis: list[float], v: float, tol: float) -> int:
    i = bisect_left(axis, v - tol)
    return min(i, len(axis) - 1)


def find_cell_groups(edges: list[Edge], s: TableSettings = DEFAULT_TABLES) -> list[list[BBox]]:
    """pdfplumber's algorithm (intersections → smallest cells → groups) on edges that
    `pagefind.page_edges` already snapped and joined (`grid.merge_edges`)."""
    edges = grid.long_enough(edges, s.edge_min_length)
    return grid.tables(grid.cells(grid.intersections(edges, s.intersection, s.intersection)))


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
            continue  # callers pass the glyphs near the table; keep the exact test
        col = max(bisect_left(xs, cx) - 1, 0)
        row = max(bisect_left(ys, cy) - 1, 0)
        k = owner.get((row, col))
        if k is not None:
            texts[k].append(ch)
    out: list[tuple[Cell, list[Char], list[list[Char]]]] = []
    for (r, c, rs, cs, bb), glyphs in zip(placed, texts, strict=True):
        grouped = group_lines(glyphs)
        text = lines_text(grouped)
        # built unvalidated: grid positions are ≥ 0 by construction, text already writable
        cell = Cell.model_construct(row=r, col=c, rowspan=rs, colspan=cs, text=text,
                                    key=match_key(text), bbox=bb, page=page)
        out.append((cell, glyphs, grouped))
    out.sort(key=lambda t: (t[0].row, t[0].col))
    return PageTable(bbox=(x_min, y_min, x_max, y_max), n_rows=n_rows, n_cols=n_cols,
                     cells=[c for c, _, _ in out], xs=xs, glyphs=[g for _, g, _ in out],
                     lines=[ls for _, _, ls in out])


def _cell_of(table: PageTable, ch: Char) -> int | None:
    for k, c in enumerate(table.cells):
        if c.bbox and c.bbox[0] <= ch.cx <= c.bbox[2] and c.bbox[1] <= ch.cy <= c.bbox[3]:
            return k
    return None


def _ruled_at(table: PageTable, k: int | None, x: float) -> bool:
    """Is there a border at x for this glyph's cell (a merged cell has none inside it)?"""
    if k is None:
        return True
    bb = table.cells[k].bbox
    return bb is None or not (bb[0] + 0.5 < x < bb[2] - 0.5)


def words_cross_borders(
    table: PageTable,
    chars: list[Char],
    word_gap: float = 0.22,
    min_cuts: int = 2,
    min_share: float = 0.05,
) -> bool:
    """True when borders cut through words: a frame drawn over text, not a table.

    In a real table every glyph sits inside one cell, a point or more from the rule; a
    signature box drawn across a sentence cuts glyphs or words ('Receiving Offici' |
    'al)'). A long label overflowing into the next cell of a big table (a Gantt bar)
    cuts too, so it takes `min_cuts` cuts that are also `min_share` of the glyphs.
    """
    inner = table.xs[1:-1]
    if not inner:
        return False
    x0, y0, x1, y1 = table.bbox
    inside = [c for c in chars if x0 <= c.cx <= x1 and y0 <= c.cy <= y1 and c.c != " "]
    inside.sort(key=lambda c: (round(c.baseline), c.x0))
    cuts = 0
    for g in inside:  # a rule through a glyph
        for x in inner:
            if g.x0 + 0.5 < x < g.x1 - 0.5 and _ruled_at(table, _cell_of(table, g), x):
                cuts += 1
    for a, b in pairwise(inside):  # a rule in the hairline gap inside a word
        if round(a.baseline) != round(b.baseline) or b.x0 - a.x1 > word_gap * a.size:
            continue
        for x in inner:
            if a.x1 - 0.5 <= x <= b.x0 + 0.5 and _ruled_at(table, _cell_of(table, a), x):
                cuts += 1
    return cuts >= max(min_cuts, min_share * len(inside))
