"""Writes blocks to a Word document: ruled tables merged with gridSpan/vMerge, as a
municipality re-typing the Hancom forms in Word would make them.

Letter-spaced labels are typed with spaces ('지 표 명'); figures (drawings) are left out.
Locations are recorded as the extractor numbers Word tables: ``t1``, ``t2`` … in body order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from samples.generator.doc import Block, Cell, Figure, PageBreak, Para, Spacer, Table, letter_spaced
from samples.generator.zipcp949 import normalize_zip

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
TEXT_WIDTH_MM = 170.0
STAMP = datetime(2025, 9, 18, 10, 30, 0)


@dataclass
class DocxPlaced:
    anchors: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (table, row)
    tables: int = 0


def _font(run: Any, face: str, size: float, bold: bool) -> None:
    run.font.name = face
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), face)  # Hangul is drawn with the East Asian face


def _shade(cell: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row: Any) -> None:
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


class DocxWriter:
    def __init__(self, face: str, spaced: bool) -> None:
        self.doc = docx.Document()
        self.face, self.spaced = face, spaced
        self.placed = DocxPlaced()
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(20)
        sec.top_margin = sec.bottom_margin = Mm(20)
        normal = self.doc.styles["Normal"]
        normal.font.name = face
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)

    def para(self, p: Para) -> None:
        par = self.doc.add_paragraph()
        par.alignment = ALIGN[p.align]
        fmt = par.paragraph_format
        fmt.space_before, fmt.space_after = Pt(p.before), Pt(p.after)
        if p.indent:
            fmt.left_indent = Pt(p.indent)
        fmt.keep_with_next = p.keep_with_next
        text = letter_spaced(p.text) if p.spaced and self.spaced else p.text
        _font(par.add_run(text), self.face, p.size, p.bold)

    def cell_text(self, cell: Any, c: Cell, size: float) -> None:
        text = letter_spaced(c.text) if c.spaced and self.spaced else c.text
        lines = text.split("\n")
        first = cell.paragraphs[0]
        for extra in cell.paragraphs[1:]:  # merge() leaves the covered cells' paragraphs
            extra._element.getparent().remove(extra._element)
        for i, line in enumerate(lines):
            par = first if i == 0 else cell.add_paragraph()
            par.alignment = ALIGN["center" if c.header else c.align]
            par.paragraph_format.space_before = par.paragraph_format.space_after = Pt(0)
            _font(par.add_run(line), self.face, size, c.bold or c.header)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if c.header:
            _shade(cell, "D9D9D9")

    def table(self, t: Table) -> None:
        tbl = self.doc.add_table(rows=t.n_rows, cols=t.n_cols)
        tbl.style = "Table Grid"
        tbl.autofit = False
        scale = TEXT_WIDTH_MM / sum(t.widths)
        for i, w in enumerate(t.widths):
            for cell in tbl.columns[i].cells:
                cell.width = Mm(w * scale)
        for r in range(t.header_rows):
            _repeat_header(tbl.rows[r])
        self.placed.tables += 1
        tid = f"t{self.placed.tables}"
        for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
            cell = tbl.cell(c.row, c.col)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(tbl.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
            self.cell_text(cell, c, t.size)
            if c.key:
                self.placed.anchors[c.key] = (tid, c.row)
        for r, key in t.row_keys.items():
            self.placed.anchors[key] = (tid, r)
        if t.key:
            self.placed.anchors[t.key] = (tid, 0)
        self.doc.add_paragraph()  # Word needs a paragraph between two tables

    def run(self, blocks: list[Block]) -> None:
        for b in blocks:
            if isinstance(b, Para):
                self.para(b)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, PageBreak):
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif isinstance(b, Spacer):
                self.doc.add_paragraph()
            elif isinstance(b, Figure):
                continue  # drawings do not survive the re-typing


def write_docx(
    blocks: list[Block], path: Path, *, title: str, author: str, face: str, spaced: bool
) -> DocxPlaced:
    """Write deterministically: fixed core properties and zip timestamps."""
    w = DocxWriter(face, spaced)
    w.run(blocks)
    props = w.doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = STAMP
    props.revision = 1
    w.doc.save(str(path))
    normalize_zip(path)
    return w.placed
