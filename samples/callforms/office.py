"""The LibreOffice producer: the proposal as a Word document (python-docx: real merged
cells, header rows marked to repeat, rows free to break across pages), converted with
`soffice --headless --convert-to pdf`. Breaks a bundle asks for are placed by rendering:
an empty paragraph before the table is grown until the row lands at the page's foot."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import fitz
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from samples.callforms.proposal import Target
from samples.callforms.style import CallTable, Slack
from samples.generator.doc import Block, Table
from samples.generator.docx_render import STAMP, TEXT_WIDTH_MM, DocxWriter
from samples.generator.zipcp949 import normalize_zip

BODY_BOTTOM_MM = 20.0  # the writer's bottom margin
MARGIN = 4.0  # points between a tuned line and the page's foot
ROUNDS = 5
DEBUG = bool(os.environ.get("CALLFORMS_DEBUG"))


def _flag(row: object, name: str) -> None:
    el = OxmlElement(name)
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)  # type: ignore[attr-defined]


def fixed_grid(tbl: object, t: Table) -> None:
    """The grid's column widths as the table's (python-docx leaves equal gridCols, which
    LibreOffice follows over the cell widths), and a fixed layout."""
    scale = TEXT_WIDTH_MM / sum(t.widths)
    grid = tbl._tbl.tblGrid  # type: ignore[attr-defined]
    for col, w in zip(grid.gridCol_lst, t.widths, strict=True):
        col.w = Mm(w * scale)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl._tbl.tblPr.append(layout)  # type: ignore[attr-defined]


class CallDocx(DocxWriter):
    def __init__(self, face: str, slack: dict[str, float]) -> None:
        super().__init__(face, spaced=False)
        self.slack = slack

    def run(self, blocks: list[Block]) -> None:
        for b in blocks:
            if isinstance(b, Slack):
                self.gap(self.slack.get(b.name, 0.0))
            else:
                super().run([b])

    def gap(self, height: float) -> None:
        if height <= 0:
            return
        par = self.doc.add_paragraph()
        fmt = par.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(height)

    def table(self, t: Table) -> None:
        super().table(t)
        if not isinstance(t, CallTable):
            return
        tbl = self.doc.tables[-1]
        fixed_grid(tbl, t)
        if t.break_before:  # the table starts a new page
            tbl.rows[0].cells[0].paragraphs[0].paragraph_format.page_break_before = True
        if t.break_at is not None:
            row = tbl.rows[t.break_at]
            if not t.inside:
                _flag(row, "w:cantSplit")  # the whole row goes to the next page
            for cell in row.cells:
                for par in cell.paragraphs:
                    par.paragraph_format.widow_control = False


def write(blocks: list[Block], path: Path, face: str, slack: dict[str, float], author: str) -> None:
    w = CallDocx(face, slack)
    w.run(blocks)
    props = w.doc.core_properties
    props.title, props.author, props.last_modified_by = "정량지표 평가제안서", author, author
    props.created = props.modified = STAMP
    props.revision = 1
    w.doc.save(str(path))
    normalize_zip(path)


def convert(docx_path: Path, pdf_path: Path) -> None:
    """soffice in a private profile, so parallel or leftover instances do not interfere."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        shutil.move(Path(tmp) / (docx_path.stem + ".pdf"), pdf_path)


def squeeze(text: str) -> str:
    return "".join(text.split())


class Unreachable(RuntimeError):
    """A break's row starts after the page its slack is on: no slack can pull it back."""


@dataclass(frozen=True)
class Line:
    page: int  # 1-based
    bottom: float  # from the top of the page, points
    foot: float  # the page body's lower edge, points


def lines(pdf: Path) -> list[tuple[int, str, float, float]]:
    """(page, text without spaces, bottom, page body foot) of every printed line."""
    out = []
    with fitz.open(pdf) as doc:
        for number, page in enumerate(doc, 1):
            foot = page.rect.height - BODY_BOTTOM_MM / 25.4 * 72
            for block in page.get_text("dict")["blocks"]:
                for ln in block.get("lines", []):
                    text = squeeze("".join(s["text"] for s in ln["spans"]))
                    if text:
                        out.append((number, text, ln["bbox"][3], foot))
    return out


def find(all_lines: list[tuple[int, str, float, float]], anchor: str, line: str,
         exact: bool = False) -> Line | None:  # fmt: skip
    """The first line printing ``line`` (``exact``: the whole line; else its start, or a
    line the wrapped text starts with) at or after the first line holding ``anchor``."""
    start = next((k for k, ln in enumerate(all_lines) if squeeze(anchor)[:12] in ln[1]), None)
    if start is None:
        return None
    want = squeeze(line)
    for page, text, bottom, foot in all_lines[start:]:
        if text == want if exact else (text.startswith(want[:10])
                                       or (want.startswith(text) and len(text) >= 4)):
            return Line(page, bottom, foot)
    return None


def settle(t: Target, found: list[tuple[int, str, float, float]], slack: dict[str, float],
           name: str) -> bool:  # fmt: skip
    """Move one slack toward its target; True when the target line is where it should be."""
    at = find(found, t.anchor, t.line, exact=t.mode == "end")
    base = find(found, t.anchor, t.home)
    if at is None or base is None:
        raise RuntimeError(f"{name}: no line {t.line!r} (or {t.home!r}) after {t.anchor!r}")
    if DEBUG:
        print(t.slack, t.mode, t.line[:20], at, slack[t.slack], "slack page", base.page)
    if at.page > base.page:  # on the next page: right for 'past', too far for 'end'
        if t.mode == "past":
            return True
        if slack[t.slack] <= 0.0:
            raise Unreachable(f"{name}: {t.line!r} starts past the page of its slack; "
                               "choose a row that starts on that page")  # fmt: skip
        slack[t.slack] = max(0.0, slack[t.slack] - 12.0)
        return False
    goal = at.foot - MARGIN if t.mode == "end" else at.foot + MARGIN
    if t.mode == "end":
        if t.tail:  # a broken row: done once its tail starts the next page
            tail = find(found, t.anchor, t.tail)
            if tail is not None and tail.page > at.page:
                return True
        elif goal - 1.5 <= at.bottom <= at.foot:
            return True
    slack[t.slack] = max(0.0, slack[t.slack] + max(2.0, goal - at.bottom))
    return False


def render(blocks: list[Block], targets: list[Target], docx_path: Path, pdf_path: Path,
           face: str, author: str) -> list[tuple[int, str, float, float]]:
    """Write and convert, then place the breaks one after another in document order (a
    break moves only what follows it): each slack grows until its target line sits at the
    foot of the slack's page ('end': what follows starts the next page) or just past it
    ('past': the line's row moves to the next page). Returns the final PDF's lines."""
    slack = {t.slack: 0.0 for t in targets}
    write(blocks, docx_path, face, slack, author)
    convert(docx_path, pdf_path)
    found = lines(pdf_path)
    for t in targets:
        for _ in range(ROUNDS):
            if settle(t, found, slack, docx_path.name):
                break
            write(blocks, docx_path, face, slack, author)
            convert(docx_path, pdf_path)
            found = lines(pdf_path)
        else:
            raise RuntimeError(f"{docx_path.name}: {t.slack} did not settle in {ROUNDS} renderings")
    return found
