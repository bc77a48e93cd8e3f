"""Cell grids from ruling lines: pdfplumber's table algorithm on PyMuPDF geometry.

pdfplumber's page parser is ~70× slower than PyMuPDF on Hancom exports, but its table
algorithm (snap, join, intersect, smallest cells, group) only needs edges and a page box.
We run it (`grid`, the same algorithm made fast) on edges from PyMuPDF drawings and
rebuild merged cells from cell geometry.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Cell
from smartcert.extractors.pdf import grid
from smartcert.extractors.pdf.chars import Char
from smartcert.extractors.pdf.edges import Edge
from smartcert.extractors.pdf.lines import group_lines, lines_text
from smartcert.extractors.trusted import TrustedModel

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


# cells are built unvalidated from grid positions (>= 0 by construction) and clean text:
# `model_construct`'s Python loop was a fifth of `build_table`
_cell = TrustedModel(Cell, ("row", "col", "rowspan", "colspan", "text", "key", "bbox", "page"))


# Cell texts repeat a lot ('1', '합계', '지 표'): their keys are worth remembering.
_match_key = lru_cache(maxsize=4096)(match_key)


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
    # each grid slot's owner (the first cell placed on it), in one flat list: slot (row,
    # col) at (row + 1) * stride + col + 1, so a glyph's slot is two bisects with lo=1
    # (`max(bisect_left(...) - 1, 0)` with the +1 folded in)
    stride = len(xs) + 1
    owner = [-1] * ((len(ys) + 1) * stride)
    placed: list[tuple[int, int, int, int, BBox]] = []
    for k, bb in enumerate(cells):
        c0 = min(bisect_left(xs, bb[0] - tol), n_cols)
        c1 = min(bisect_left(xs, bb[2] - tol), n_cols)
        r0 = min(bisect_left(ys, bb[1] - tol), n_rows)
        r1 = min(bisect_left(ys, bb[3] - tol), n_rows)
        rs, cs = max(r1 - r0, 1), max(c1 - c0, 1)
        placed.append((r0, c0, rs, cs, bb))
        for slot_row in range((r0 + 1) * stride, (r0 + rs + 1) * stride, stride):
            for slot in range(slot_row + c0 + 1, slot_row + c0 + cs + 1):
                if owner[slot] < 0:
                    owner[slot] = k
    texts: list[list[Char]] = [[] for _ in placed]
    x_min, x_max, y_min, y_max = xs[0], xs[-1], ys[0], ys[-1]
    for ch in chars:
        cx, cy = ch.cx, ch.cy
        # callers pass the glyphs near the table; keep the exact test
        if x_min <= cx <= x_max and y_min <= cy <= y_max:
            k = owner[bisect_left(ys, cy, 1) * stride + bisect_left(xs, cx, 1)]
            if k >= 0:
                texts[k].append(ch)
    out_cells: list[Cell] = []
    out_lines: list[list[list[Char]]] = []
    order = sorted(range(len(placed)), key=lambda k: (placed[k][0], placed[k][1]))  # stable
    for k in order:
        r, c, rs, cs, bb = placed[k]
        grouped = group_lines(texts[k])
        text = lines_text(grouped)
        out_cells.append(_cell(r, c, rs, cs, text, _match_key(text), bb, page))
        out_lines.append(grouped)
    return PageTable(bbox=(x_min, y_min, x_max, y_max), n_rows=n_rows, n_cols=n_cols,
                     cells=out_cells, xs=xs, glyphs=[texts[k] for k in order], lines=out_lines)


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
    inner = table.xs[1:-1]  # sorted: `_axis`; so the rules in a range are found by bisect
    if not inner:
        return False
    x0, y0, x1, y1 = table.bbox
    # the glyphs by (rounded baseline, x0), decorated once; the index keeps ties in their
    # order (a stable sort's) and means the glyphs themselves are never compared
    inside = sorted([(round(c.baseline), c.x0, k, c) for k, c in enumerate(chars)
                     if x0 <= c.cx <= x1 and y0 <= c.cy <= y1 and c.c != " "])
    n_inner = len(inner)
    cuts = 0
    for _, gx0, _, g in inside:  # a rule through a glyph: inner[j] in (x0 + .5, x1 - .5)
        j = bisect_right(inner, gx0 + 0.5)
        while j < n_inner and inner[j] < g.x1 - 0.5:
            if _ruled_at(table, _cell_of(table, g), inner[j]):
                cuts += 1
            j += 1
    for (line_a, _, _, a), (line_b, bx0, _, _) in pairwise(inside):  # a rule in the hairline
        if line_a != line_b or bx0 - a.x1 > word_gap * a.size:  # gap inside a word
            continue
        j = bisect_left(inner, a.x1 - 0.5)
        while j < n_inner and inner[j] <= bx0 + 0.5:
            if _ruled_at(table, _cell_of(table, a), inner[j]):
                cuts += 1
            j += 1
    return cuts >= max(min_cuts, min_share * len(inside))
