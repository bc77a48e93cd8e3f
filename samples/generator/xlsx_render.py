"""Writes blocks to worksheets: tables keep their merges, borders and numeric cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samples.generator.doc import Block, Figure, PageBreak, Para, Spacer, Table, letter_spaced

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
FONT = "맑은 고딕"
SHEET_WIDTH = 110.0  # total character width a table is spread over


@dataclass
class Placed:
    anchors: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (sheet, ref)


def _number_format(text: str) -> str:
    return "#,##0.00" if "." in text else "#,##0"


def write_table(
    ws: Worksheet,
    t: Table,
    top: int,
    widths: dict[int, float],
    placed: Placed,
    offset: int = 0,
    spaced: bool = False,
) -> int:
    """``offset`` shifts the table right; ``spaced`` types letter-spaced labels with spaces."""
    scale = SHEET_WIDTH / sum(t.widths)
    for i, w in enumerate(t.widths):
        widths[i + offset] = max(widths.get(i + offset, 8.0), w * scale)
    for c in t.cells:
        r, col = top + c.row, 1 + offset + c.col
        cell = ws.cell(row=r, column=col)
        if c.number is not None:
            cell.value = c.number
            cell.number_format = c.fmt or _number_format(c.text)
        else:
            cell.value = letter_spaced(c.text) if spaced and c.spaced else c.text
        cell.font = Font(name=FONT, size=10, bold=c.header or c.bold)
        cell.alignment = Alignment(
            horizontal="center" if c.header else c.align, vertical="center", wrap_text=True
        )
        if c.header:
            cell.fill = HEAD_FILL
        for dr in range(c.rowspan):  # borders on every covered cell, or merged edges vanish
            for dc in range(c.colspan):
                ws.cell(row=r + dr, column=col + dc).border = BOX
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(
                start_row=r,
                start_column=col,
                end_row=r + c.rowspan - 1,
                end_column=col + c.colspan - 1,
            )
        if c.key:
            placed.anchors[c.key] = (ws.title, cell.coordinate)
    first = get_column_letter(1 + offset)
    for r, key in t.row_keys.items():
        placed.anchors[key] = (ws.title, f"{first}{top + r}")
    if t.key:
        placed.anchors[t.key] = (ws.title, f"{first}{top}")
    for r in range(t.n_rows):  # rough height from the longest text in the row
        lines = max(
            (c.text.count("\n") + 1 + len(c.text) // 40 for c in t.cells if c.row == r), default=1
        )
        ws.row_dimensions[top + r].height = max(18, 14 * lines)
    return top + t.n_rows


def write_sheet(
    ws: Worksheet, blocks: list[Block], placed: Placed, offset: int = 0, spaced: bool = False
) -> None:
    row = 1
    widths: dict[int, float] = {}
    for b in blocks:
        if isinstance(b, Para):
            cell = ws.cell(row=row, column=1 + offset, value=b.text)
            cell.font = Font(name=FONT, size=max(9, min(16, b.size)), bold=b.bold)
            if b.key:
                placed.anchors[b.key] = (ws.title, cell.coordinate)
            row += 1
        elif isinstance(b, Table):
            row = write_table(ws, b, row, widths, placed, offset, spaced) + 1
        elif isinstance(b, Spacer | PageBreak):
            row += 1
        elif isinstance(b, Figure):
            continue  # drawings have no place in a workbook
    for i, w in widths.items():
        ws.column_dimensions[get_column_letter(i + 1)].width = round(w, 1)


def write_workbook(
    sheets: list[tuple[str, list[Block]]],
    path: Path,
    creator: str,
    offset: int = 0,
    spaced: bool = False,
) -> Placed:
    wb = Workbook()
    wb.remove(wb.active)
    placed = Placed()
    for name, blocks in sheets:
        write_sheet(wb.create_sheet(name[:31]), blocks, placed, offset, spaced)
    wb.properties.creator = creator
    wb.save(path)
    return placed
