"""`tables.build_table`, `tables.words_cross_borders` and `rows.split_unruled_rows` made
fast give what the plain versions gave: the plain ones are kept here as the reference and
compared on random grids (merged and overlapping cells, rules off by up to the tolerance,
glyphs on borders, outside the table and across rules) drawn by hypothesis."""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Cell
from smartcert.extractors.pdf import rows, tables
from smartcert.extractors.pdf.chars import Char
from smartcert.extractors.pdf.lines import group_lines, lines_text
from smartcert.extractors.pdf.rows import RowSplitSettings, split_unruled_rows
from smartcert.extractors.pdf.tables import (  # _axis: unchanged, shared with the reference
    PageTable,
    _axis,
    build_table,
    words_cross_borders,
)

BBox = tuple[float, float, float, float]


# --- the reference: the plain versions ----------------------------------------------------

def _index(axis: list[float], v: float, tol: float) -> int:
    return min(bisect_left(axis, v - tol), len(axis) - 1)


def plain_build_table(cells: list[BBox], chars: list[Char], page: int,
                      tol: float = 1.5) -> PageTable:
    xs = _axis([c[0] for c in cells] + [c[2] for c in cells], tol)
    ys = _axis([c[1] for c in cells] + [c[3] for c in cells], tol)
    placed = []
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
    for ch in chars:
        if not (xs[0] <= ch.cx <= xs[-1] and ys[0] <= ch.cy <= ys[-1]):
            continue
        k = owner.get((max(bisect_left(ys, ch.cy) - 1, 0), max(bisect_left(xs, ch.cx) - 1, 0)))
        if k is not None:
            texts[k].append(ch)
    out = []
    for (r, c, rs, cs, bb), glyphs in zip(placed, texts, strict=True):
        grouped = group_lines(glyphs)
        text = lines_text(grouped)
        out.append((Cell.model_construct(row=r, col=c, rowspan=rs, colspan=cs, text=text,
                                         key=match_key(text), bbox=bb, page=page),
                    glyphs, grouped))
    out.sort(key=lambda t: (t[0].row, t[0].col))
    return PageTable(bbox=(xs[0], ys[0], xs[-1], ys[-1]), n_rows=len(ys) - 1,
                     n_cols=len(xs) - 1, cells=[c for c, _, _ in out], xs=xs,
                     glyphs=[g for _, g, _ in out], lines=[ls for _, _, ls in out])


def plain_cuts(table: PageTable, chars: list[Char], word_gap: float = 0.22) -> int:
    def cell_of(ch: Char) -> int | None:
        for k, c in enumerate(table.cells):
            if c.bbox and c.bbox[0] <= ch.cx <= c.bbox[2] and c.bbox[1] <= ch.cy <= c.bbox[3]:
                return k
        return None

    def ruled_at(k: int | None, x: float) -> bool:
        bb = None if k is None else table.cells[k].bbox
        return bb is None or not (bb[0] + 0.5 < x < bb[2] - 0.5)

    inner = table.xs[1:-1]
    x0, y0, x1, y1 = table.bbox
    inside = [c for c in chars if x0 <= c.cx <= x1 and y0 <= c.cy <= y1 and c.c != " "]
    inside.sort(key=lambda c: (round(c.baseline), c.x0))
    cuts = 0
    for g in inside:
        for x in inner:
            if g.x0 + 0.5 < x < g.x1 - 0.5 and ruled_at(cell_of(g), x):
                cuts += 1
    for a, b in pairwise(inside):
        if round(a.baseline) != round(b.baseline) or b.x0 - a.x1 > word_gap * a.size:
            continue
        for x in inner:
            if a.x1 - 0.5 <= x <= b.x0 + 0.5 and ruled_at(cell_of(a), x):
                cuts += 1
    return cuts


def plain_split_unruled_rows(table: PageTable, s: RowSplitSettings) -> PageTable:
    """Every row's cells and spans found by a scan of all cells, row after row."""
    row = 0
    while row < table.n_rows:
        idx = [i for i, c in enumerate(table.cells) if c.row == row]
        if (any(table.cells[i].rowspan != 1 for i in idx)
                or any(c.row < row < c.row + c.rowspan for c in table.cells)):
            row += 1
        else:
            row += rows._split_row(table, row, idx, s)
    return table


def state(t: PageTable) -> tuple:
    """Everything a table carries; glyphs by identity, cells with their pydantic state."""
    return (t.bbox, t.n_rows, t.n_cols, t.xs,
            [(c.__dict__, list(c.__dict__), c.model_fields_set, c.__pydantic_extra__,
              c.__pydantic_private__, c.model_dump_json()) for c in t.cells],
            [[id(g) for g in gs] for gs in t.glyphs],
            [[[id(g) for g in ln] for ln in ls] for ls in t.lines])


# --- random tables ------------------------------------------------------------------------

def glyph(c: str, x0: float, width: float, baseline: float, size: float) -> Char:
    top, bottom = baseline - 0.8 * size, baseline + 0.2 * size
    return Char(c, x0, top, x0 + width, bottom, baseline, size, "F",
                (2 * x0 + width) / 2, (top + bottom) / 2)


@st.composite
def pages(draw: st.DrawFn) -> tuple[list[BBox], list[Char]]:
    widths = draw(st.lists(st.sampled_from([4.0, 12.0, 20.5, 33.0]), min_size=1, max_size=5))
    heights = draw(st.lists(st.sampled_from([4.0, 9.0, 14.25, 30.0]), min_size=1, max_size=5))
    xs = [100.0 + sum(widths[:k]) for k in range(len(widths) + 1)]
    ys = [50.0 + sum(heights[:k]) for k in range(len(heights) + 1)]
    # rules drawn slightly apart, or not (then glyphs below hit them to the float)
    jitter = st.sampled_from([0.0, 0.0, 0.4, -0.7, 1.4] if draw(st.booleans()) else [0.0])
    free = {(r, c) for r in range(len(heights)) for c in range(len(widths))}
    cells: list[BBox] = []
    for r in range(len(heights)):
        for c in range(len(widths)):
            if (r, c) not in free and draw(st.integers(0, 9)) != 0:  # rare overlaps
                continue
            rs = draw(st.sampled_from([1, 1, 1, 2, 3]))
            cs = draw(st.sampled_from([1, 1, 1, 2]))
            r1, c1 = min(r + rs, len(heights)), min(c + cs, len(widths))
            free -= {(rr, cc) for rr in range(r, r1) for cc in range(c, c1)}
            cells.append((xs[c] + draw(jitter), ys[r] + draw(jitter),
                          xs[c1] + draw(jitter), ys[r1] + draw(jitter)))
    draw(st.randoms()).shuffle(cells)
    # words of glyphs, some starting or ending half a point from a rule (the edge cases of
    # a cut), some on the rules, some outside the table
    near_x = st.one_of(st.floats(90.0, xs[-1] + 10, allow_nan=False),
                       st.tuples(st.sampled_from(xs), st.sampled_from([-1.5, -1.0, -0.5, 0.5]))
                       .map(sum))
    near_y = st.one_of(st.floats(40.0, ys[-1] + 10, allow_nan=False),
                       st.sampled_from(ys + [y + 3.0 for y in ys]))
    chars: list[Char] = []
    for _ in range(draw(st.integers(0, 10))):
        x, baseline, size = draw(near_x), draw(near_y), draw(st.sampled_from([1.0, 10.0, 4.0]))
        for _ in range(draw(st.integers(1, 6))):
            width = draw(st.sampled_from([0.5, 1.0, 2.0, 5.0]))
            chars.append(glyph(draw(st.sampled_from("가1 ,.A")), x, width, baseline, size))
            x += width + draw(st.sampled_from([0.0, 0.0, 0.5, 3.0, -0.5]))
    draw(st.randoms()).shuffle(chars)
    return cells, chars


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(pages())
def test_build_table_as_plain(page: tuple[list[BBox], list[Char]]) -> None:
    cells, chars = page
    assert state(build_table(cells, chars, 3)) == state(plain_build_table(cells, chars, 3))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(pages())
def test_words_cross_borders_counts_as_plain(page: tuple[list[BBox], list[Char]]) -> None:
    cells, chars = page
    table = build_table(cells, chars, 1)
    n = plain_cuts(table, chars)
    if len(table.xs) > 2:
        assert words_cross_borders(table, chars, min_cuts=n, min_share=0.0)
    assert not words_cross_borders(table, chars, min_cuts=n + 1, min_share=0.0)


def test_words_cross_borders_at_half_a_point_from_a_rule() -> None:
    """Glyphs and word gaps that begin or end exactly half a point from a rule, where the
    plain tests switch between < and <=."""
    cells: list[BBox] = [(0.0, 0.0, 40.0, 20.0), (40.0, 0.0, 80.0, 20.0)]
    seen = set()
    for offset in (-1.5, -1.0, -0.5, 0.0, 0.5):
        for width in (1.0, 2.0, 3.0):
            for gap in (-0.5, 0.0, 0.5, 1.0):
                a = glyph("가", 40.0 + offset, width, 12.0, 10.0)
                b = glyph("나", a.x1 + gap, 1.0, 12.0, 10.0)
                table = build_table(cells, [a, b], 1)
                n = plain_cuts(table, [a, b])
                seen.add(n)
                assert words_cross_borders(table, [a, b], min_cuts=n, min_share=0.0)
                assert not words_cross_borders(table, [a, b], min_cuts=n + 1, min_share=0.0)
    assert seen == {0, 1}


LOOSE = RowSplitSettings(min_lines=2, min_cells=2, min_share=0.3, max_fill=1.0,
                         min_list_cells=1)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(pages(), st.sampled_from([RowSplitSettings(), LOOSE]))
def test_split_unruled_rows_as_plain(page: tuple[list[BBox], list[Char]],
                                     s: RowSplitSettings) -> None:
    cells, chars = page
    fast = split_unruled_rows(build_table(cells, chars, 2), s)
    assert state(fast) == state(plain_split_unruled_rows(build_table(cells, chars, 2), s))


def test_rows_below_a_split_are_found_again() -> None:
    """Four rows of listed values: the first and the last split, the last at its new row
    number; the two between would too, but a cell spans them."""
    col_x = [0.0, 40.0, 80.0, 120.0, 160.0]
    row_y = [0.0, 40.0, 80.0, 120.0, 160.0]
    cells: list[BBox] = [(col_x[c], row_y[r], col_x[c + 1], row_y[r + 1])
                         for r in range(4) for c in range(4) if c or r in (0, 3)]
    cells.append((col_x[0], row_y[1], col_x[1], row_y[3]))  # spans rows 1 and 2
    chars = [glyph(str(v), col_x[c] + 2, 5.0, row_y[r] + 10 + 10 * v, 8.0)
             for r in range(4) for c in range(4) for v in range(3)]
    table = split_unruled_rows(build_table(cells, chars, 1))
    assert table.n_rows == 3 + 1 + 1 + 3
    assert [c.text for c in table.cells if c.col == 3] == ["0", "1", "2"] + ["0\n1\n2"] * 2 \
        + ["0", "1", "2"]
    merged = [c for c in table.cells if c.col == 0 and c.row in (3, 4)]
    assert [(c.row, c.rowspan, c.text) for c in merged] == [(3, 2, "0\n1\n2\n0\n1\n2")]
    assert state(table) == state(plain_split_unruled_rows(build_table(cells, chars, 1),
                                                          RowSplitSettings()))


def test_cells_built_as_model_construct_builds_them() -> None:
    """`tables._cell` sets pydantic's attributes by hand: the same as `model_construct`."""
    fast = tables._cell(1, 2, 1, 3, "가 나", "가나", (0.0, 1.0, 2.0, 3.0), 4)
    plain = Cell.model_construct(row=1, col=2, rowspan=1, colspan=3, text="가 나", key="가나",
                                 bbox=(0.0, 1.0, 2.0, 3.0), page=4)
    assert fast == plain and list(fast.__dict__) == list(plain.__dict__)
    assert fast.model_fields_set == plain.model_fields_set
    assert (fast.__pydantic_extra__, fast.__pydantic_private__) == (None, None)
    assert fast.model_dump_json() == plain.model_dump_json()
    assert fast.model_copy(update={"row": 5}).model_fields_set == \
        plain.model_copy(update={"row": 5}).model_fields_set
