"""The document as typed, from rhwp's IR: body paragraphs and every table with its grid.

Nested tables are tables of their own (listed after the table holding them), not text
of the outer cell: the outer cell keeps its own paragraphs only, as in the HWP file, so
a box drawn around a real table never hides the table's grid. Page headers, footers and
footnotes (rhwp's 'furniture') are not body text and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

_TEXT_KINDS = frozenset({"paragraph", "list_item"})


@dataclass
class Para:
    index: int  # ordinal among body paragraphs, empty ones included (tables not counted)
    text: str


@dataclass
class CellNode:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    header: bool
    nested: list[TableNode] = field(default_factory=list)


@dataclass
class TableNode:
    id: str
    rows: int
    cols: int
    depth: int
    para: int  # index of the body paragraph before it (-1: none yet)
    cells: list[CellNode] = field(default_factory=list)

    def header_rows(self) -> int:
        n = 0
        while any(c.row == n for c in self.cells) and \
                all(c.header for c in self.cells if c.row == n):
            n += 1
        return n if n < self.rows else 0


@dataclass
class Typed:
    paras: list[Para] = field(default_factory=list)
    tables: list[TableNode] = field(default_factory=list)  # pre-order: outer before nested

    def cells_in_order(self) -> Iterator[tuple[TableNode, CellNode]]:
        """Cells in drawing order: each cell, then the cells of the tables inside it."""
        for table in self.tables:
            if table.depth == 0:
                yield from table_cells(table)


def table_cells(table: TableNode) -> Iterator[tuple[TableNode, CellNode]]:
    for cell in table.cells:
        yield table, cell
        for inner in cell.nested:
            yield from table_cells(inner)


def _text_of(blocks: Iterable[Any]) -> str:
    """A cell's own paragraphs, one per line (nested tables are read as tables)."""
    lines: list[str] = []
    for b in blocks:
        if b.kind in _TEXT_KINDS:
            lines.append(b.text)
        elif b.kind == "caption":
            lines.append(_text_of(b.blocks))
    return "\n".join(lines)


class _Reader:
    def __init__(self) -> None:
        self.typed = Typed()

    def body(self, blocks: Iterable[Any]) -> None:
        for b in blocks:
            if b.kind in _TEXT_KINDS:
                self.typed.paras.append(Para(len(self.typed.paras), b.text))
            elif b.kind == "table":
                self.table(b, 0)
            elif b.kind == "caption":
                self.body(b.blocks)
            elif b.kind == "picture" and b.caption is not None:
                self.body(b.caption.blocks)

    def table(self, block: Any, depth: int) -> TableNode:
        node = TableNode(id=f"t{len(self.typed.tables) + 1}", rows=block.rows, cols=block.cols,
                         depth=depth, para=len(self.typed.paras) - 1)
        self.typed.tables.append(node)
        for c in block.cells:  # stored order: the order the renderer draws them
            cell = CellNode(row=c.row, col=c.col, rowspan=max(1, c.row_span),
                            colspan=max(1, c.col_span), text=_text_of(c.blocks),
                            header=c.role == "column_header")
            node.cells.append(cell)
            for inner in _tables_in(c.blocks):
                cell.nested.append(self.table(inner, depth + 1))
        if block.caption_block is not None:  # a caption is printed by the table: body text
            self.body(block.caption_block.blocks)
        return node


def _tables_in(blocks: Iterable[Any]) -> Iterator[Any]:
    for b in blocks:
        if b.kind == "table":
            yield b
        elif b.kind == "caption":
            yield from _tables_in(b.blocks)


def read_typed(ir: Any) -> Typed:
    """Paragraphs and tables of rhwp's `HwpDocument` IR, in document order."""
    reader = _Reader()
    reader.body(ir.body)
    return reader.typed
