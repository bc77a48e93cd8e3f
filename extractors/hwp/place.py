"""Where each typed value was drawn: the page and box of every cell and paragraph line.

Cells: the IR's cells in drawing order are aligned with the page layouts' cell boxes in
drawing order by their text (whitespace removed; difflib, so a cell the renderer skipped
or drew twice across a page break shifts nothing else). Paragraphs: each body paragraph
is found, in order, in the stream of glyphs drawn outside table cells, from where the
previous one ended (headers, footers and page numbers in between are skipped), and split
into lines where the glyphs' baseline moves. A value that cannot be placed keeps the
page of the value before it and no box: `Placement.placed` says how many were placed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from smartcert.extractors.hwp.document import CellNode, Para, TableNode, Typed, table_cells
from smartcert.extractors.hwp.layout import Box, CellBox, Glyph, PageLayout

_WINDOW = 4000  # glyphs searched ahead of the cursor for the next paragraph
_PREFIX = 12  # a paragraph whose whole text is not found is looked for by its start
_NEAR = 600


def drawn(ch: str) -> bool:
    """Letters and digits: what every renderer draws as a glyph of its own. Spaces are not
    drawn, and punctuation may be (rhwp leaves out '·', draws some symbols as shapes)."""
    return ch.isalnum()


def key(text: str) -> str:
    return "".join(ch for ch in text if drawn(ch))


@dataclass(frozen=True)
class Line:
    page: int
    text: str  # the typed text of this line, spaces as typed
    box: Box | None


@dataclass
class Placement:
    cells: dict[int, CellBox] = field(default_factory=dict)  # id(CellNode) → its box
    lines: dict[int, list[Line]] = field(default_factory=dict)  # Para.index → its lines
    placed_cells: int = 0
    placed_paras: int = 0


def union(boxes: Sequence[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def place_cells(typed: Typed, pages: Sequence[PageLayout], out: Placement) -> None:
    cells: list[CellNode] = [c for _t, c in typed.cells_in_order()]
    boxes: list[CellBox] = [b for p in pages for b in p.cells]
    a, b = [key(c.text) for c in cells], [key(x.text) for x in boxes]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i0, i1, j0, j1 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i1 - i0 == j1 - j0):
            for i, j in zip(range(i0, i1), range(j0, j1), strict=True):
                out.cells[id(cells[i])] = boxes[j]
    out.placed_cells = len(out.cells)


@dataclass
class _Stream:
    """Body glyphs of all pages as one string of non-space characters."""

    chars: str
    glyph_at: list[int]  # character → index into `glyphs`
    glyphs: list[Glyph]
    page_of: list[int]  # glyph → page number


def _stream(pages: Sequence[PageLayout]) -> _Stream:
    chars: list[str] = []
    glyph_at: list[int] = []
    glyphs: list[Glyph] = []
    page_of: list[int] = []
    for page in pages:
        for g in page.body:
            k = key(g.text)
            chars.append(k)
            glyph_at.extend([len(glyphs)] * len(k))
            glyphs.append(g)
            page_of.append(page.number)
    return _Stream("".join(chars), glyph_at, glyphs, page_of)


def _find(s: _Stream, k: str, cursor: int) -> tuple[int, int] | None:
    limit = cursor + _WINDOW + len(k)
    at = s.chars.find(k, cursor, limit)
    if at >= 0:
        return at, at + len(k)
    if len(k) > _PREFIX:  # drawn differently somewhere: its start, close to the cursor
        at = s.chars.find(k[:_PREFIX], cursor, cursor + _NEAR)
        if at >= 0:
            return at, min(len(s.chars), at + len(k))
    return None


def _cuts(text: str, typed_pos: list[int], starts: list[int]) -> list[int]:
    """Where each line's slice of `text` begins: after the last letter of the line before
    and the punctuation glued to it ('강화,' stays whole), the first line at 0."""
    cuts = [0]
    for first in starts[1:]:
        at = typed_pos[first - 1] + 1
        while at < len(text) and not text[at].isspace() and not drawn(text[at]):
            at += 1
        cuts.append(at)
    return cuts


def _lines(text: str, s: _Stream, start: int, end: int) -> list[Line]:
    """Split the glyphs of `text` (characters start..end of the stream) into lines,
    each carrying the slice of the typed text its glyphs stand for."""
    typed_pos = [i for i, ch in enumerate(text) if drawn(ch)]
    runs: list[tuple[int, list[int]]] = []  # (first character, glyph indexes) per line
    last_glyph = -1
    for n, c in enumerate(range(start, min(end, start + len(typed_pos)))):
        g = s.glyph_at[c]
        if g == last_glyph:
            continue
        last_glyph = g
        if runs:
            prev, cur = s.glyphs[runs[-1][1][-1]], s.glyphs[g]
            if s.page_of[g] == s.page_of[runs[-1][1][-1]] and \
                    abs(cur.baseline - prev.baseline) <= 0.5 * max(cur.size, prev.size):
                runs[-1][1].append(g)
                continue
        runs.append((n, [g]))
    cuts = [*_cuts(text, typed_pos, [first for first, _g in runs]), len(text)]
    lines = []
    for k, (_first, glyphs) in enumerate(runs):
        part = text[cuts[k]:cuts[k + 1]].strip()
        if part:
            lines.append(Line(s.page_of[glyphs[0]], part,
                              union([s.glyphs[g].box for g in glyphs])))
    return lines


def _in_order(typed: Typed) -> Iterator[Para | CellNode]:
    """Paragraphs and cells in document order (a table follows the paragraph holding it)."""
    after: dict[int, list[TableNode]] = {}
    for table in typed.tables:
        if table.depth == 0:
            after.setdefault(table.para, []).append(table)
    for table in after.get(-1, []):
        yield from (c for _t, c in table_cells(table))
    for para in typed.paras:
        yield para
        for table in after.get(para.index, []):
            yield from (c for _t, c in table_cells(table))


def place_stream(typed: Typed, pages: Sequence[PageLayout], out: Placement) -> None:
    """Paragraphs, and cells drawn without a cell box (a table broken across pages), found
    in order in the glyphs drawn outside cell boxes."""
    s = _stream(pages)
    cursor = 0
    for item in _in_order(typed):
        is_cell = isinstance(item, CellNode)
        if is_cell and id(item) in out.cells:
            continue
        k = key(item.text)
        if not k:
            continue
        hit = _find(s, k, cursor)
        if hit is None:
            continue
        lines = _lines(item.text, s, *hit)
        if not lines:
            continue
        cursor = hit[1]
        if isinstance(item, Para):
            out.lines[item.index] = lines
            out.placed_paras += 1
        else:
            first = [ln.box for ln in lines if ln.page == lines[0].page and ln.box]
            out.cells[id(item)] = CellBox(lines[0].page, union(first))
            out.placed_cells += 1


def place(typed: Typed, pages: Sequence[PageLayout]) -> Placement:
    out = Placement()
    place_cells(typed, pages, out)
    place_stream(typed, pages, out)
    return out
