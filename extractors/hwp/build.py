"""The extraction model from the typed document and where its values were drawn."""

from __future__ import annotations

from collections.abc import Sequence

from smartcert.core.normalize import match_key
from smartcert.extractors.hwp.document import TableNode, Typed
from smartcert.extractors.hwp.layout import PageLayout
from smartcert.extractors.hwp.place import Placement, union
from smartcert.extractors.models import Cell, Page, Region, Span, Table, TextLayer

A4 = (595.28, 841.89)  # points: a page rhwp could not draw keeps the paper's usual size


def _readable(text: str) -> bool:
    """Text with a character anyone can read: a line of Hancom's private-use glyphs only
    (a dotted cut line, a seal mark) is decoration, as the PDF path also treats it."""
    return any(not ch.isspace() and not _private(ch) for ch in text)


def _private(ch: str) -> bool:
    return 0xE000 <= ord(ch) <= 0xF8FF or ord(ch) >= 0xF0000


def pages(layouts: Sequence[PageLayout | None]) -> list[Page]:
    out = []
    for n, lay in enumerate(layouts, start=1):
        w, h = (lay.width, lay.height) if lay is not None else A4
        out.append(Page(number=n, width=w, height=h, text_layer=TextLayer.NOT_APPLICABLE))
    return out or [Page(number=1, width=A4[0], height=A4[1],
                        text_layer=TextLayer.NOT_APPLICABLE)]


class Builder:
    """Spans and tables in document order; an unplaced value takes the page before it."""

    def __init__(self, typed: Typed, placement: Placement) -> None:
        self.typed = typed
        self.placement = placement
        self.para_page: dict[int, int] = {}  # paragraph index → page its first line is on
        self.unplaced = 0

    def spans(self) -> list[Span]:
        out: list[Span] = []
        page = 1
        for para in self.typed.paras:
            lines = self.placement.lines.get(para.index)
            if lines:
                for line in lines:
                    out.append(Span(page=line.page, text=line.text, key=match_key(line.text),
                                    bbox=line.box, index=para.index))
                page = lines[-1].page
            elif _readable(para.text):
                text = para.text.strip()
                out.append(Span(page=page, text=text, key=match_key(text), index=para.index))
                self.unplaced += 1
            self.para_page[para.index] = page
        return out

    def tables(self) -> list[Table]:
        return [t for t in (self._table(node) for node in self.typed.tables) if t.cells]

    def _table(self, node: TableNode) -> Table:
        cells: list[Cell] = []
        placed = [self.placement.cells.get(id(c)) for c in node.cells]
        first = next((b.page for b in placed if b is not None),
                     self.para_page.get(node.para, 1))
        page = first
        for c, box in zip(node.cells, placed, strict=True):
            if box is not None:
                page = box.page
            elif c.text.strip():
                self.unplaced += 1
            cells.append(Cell(row=c.row, col=c.col, rowspan=c.rowspan, colspan=c.colspan,
                              text=c.text.strip(), key=match_key(c.text), page=page,
                              bbox=None if box is None else box.box))
        cells.sort(key=lambda c: (c.row, c.col))
        by_page: dict[int, list[tuple[float, float, float, float]]] = {}
        for box in placed:
            if box is not None:
                by_page.setdefault(box.page, []).append(box.box)
        regions = [Region(page=p, bbox=union(bs)) for p, bs in sorted(by_page.items())]
        return Table(id=node.id, pages=[r.page for r in regions] or [first], regions=regions,
                     bbox=regions[0].bbox if regions else None, n_rows=node.rows,
                     n_cols=node.cols, header_rows=node.header_rows(), cells=cells)
