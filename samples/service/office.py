"""The LibreOffice producer of the service bundles: the blocks the painter lays out, typed
into Word documents (python-docx, through the generator's `DocxWriter`) and converted by
`soffice --headless --convert-to pdf`, as an applicant working in Word would submit them.

LibreOffice paginates, not we. Every key a block carries (a heading, a cell, an `Anchor`)
becomes a Word bookmark; a probe conversion exports the bookmarks as named destinations,
which give the page each key landed on (`OfficeLaid.anchors`, as the painter's
`Laid.anchors`). The submitted PDF is converted again without them and must print the same
text on every page. Drawings whose words matter (`draw.Drawn`: certificates, who signs)
are typed as text; the others (개요도, charts, screen frames, the 처리절차) are pasted as
pictures the painter draws.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fitz
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from samples.callforms.office import convert, fixed_grid
from samples.generator.doc import Block, Cell, Figure, PageBreak, Para, Spacer, Table, letter_spaced
from samples.generator.docx_render import STAMP, TEXT_WIDTH_MM, DocxWriter, _font
from samples.generator.pdf_layout import LEFT, PAGE_W, RIGHT, TOP, Laid
from samples.generator.zipcp949 import normalize_zip
from samples.service.draw import Drawn
from samples.service.render import Anchor, lay, write

FACES = {
    "gothic": "NanumGothic",
    "myeongjo": "NanumMyeongjo",
    "barun": "NanumBarunGothic",
    "square": "NanumSquare",
}
DESTINATIONS = "pdf:writer_pdf_Export:" + json.dumps(
    {"ExportBookmarksToPDFDestination": {"type": "boolean", "value": "true"}}
)
PICTURE_DPI = 150
GREY = RGBColor(0x59, 0x59, 0x59)


@dataclass
class OfficeLaid(Laid):
    """A converted document: its pages (empty: LibreOffice drew them), where each key
    landed, the Word document and the text of each page the probe printed."""

    docx: bytes = b""
    texts: list[str] = field(default_factory=list)


def _rgb(c: tuple[float, float, float]) -> RGBColor:
    return RGBColor(*(round(255 * x) for x in c))


def picture(fig: Figure, family: str) -> bytes:
    """The drawing as the painter draws it, cut out of its page as a PNG."""
    laid = lay([fig], family)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "figure.pdf"
        write(laid, pdf, "", "")
        with fitz.open(pdf) as doc:
            clip = fitz.Rect(LEFT, TOP, PAGE_W - RIGHT, TOP + fig.height)
            return doc[0].get_pixmap(dpi=PICTURE_DPI, clip=clip).tobytes("png")


class ServiceDocx(DocxWriter):
    """DocxWriter plus what the service documents need: bookmarks for keys, page breaks
    carried by what follows them, spacers of their height, headers and page numbers,
    drawings, and tables with the painter's column widths and row heights."""

    def __init__(self, family: str, spaced: bool, header: str | None, numbered_from: int) -> None:
        super().__init__(FACES[family], spaced)
        self.family = family
        self.marks: list[tuple[str, str]] = []  # (bookmark, key) in document order
        self.pending: list[str] = []  # keys of Anchors waiting for the next element
        self.broken = False  # a page break waiting for the next element
        self.running(header, numbered_from)

    # -- positions ---------------------------------------------------------------------
    def mark(self, par: Any, key: str, at_end: bool = False) -> None:
        n = len(self.marks)
        name = f"Ref{n + 1:08d}"  # letters and digits: LibreOffice escapes the rest
        start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        start.set(qn("w:id"), str(n))
        start.set(qn("w:name"), name)
        end.set(qn("w:id"), str(n))
        p = par._p
        if at_end:
            p.append(start)
        else:
            p.insert(1 if p.pPr is not None else 0, start)
        start.addnext(end)
        self.marks.append((name, key))

    def begin(self, par: Any) -> None:
        """The first paragraph of a new element: it takes a waiting page break and keys."""
        if self.broken:
            par.paragraph_format.page_break_before = True
            self.broken = False
        for key in self.pending:
            self.mark(par, key)
        self.pending = []

    def anchor(self, a: Anchor) -> None:
        """Keys recorded where the text stands: after a page break, on the next element;
        otherwise at the end of what was written last."""
        if self.broken or not self.doc.paragraphs:
            self.pending += a.keys
            return
        for key in a.keys:
            self.mark(self.doc.paragraphs[-1], key, at_end=True)

    # -- blocks ------------------------------------------------------------------------
    def run(self, blocks: list[Block | Anchor]) -> None:  # type: ignore[override]
        for b in blocks:
            if isinstance(b, Anchor):
                self.anchor(b)
            elif isinstance(b, PageBreak):
                self.broken = True
            elif isinstance(b, Spacer):
                self.gap(b.height)
            elif isinstance(b, Figure):
                self.figure(b)
            else:
                super().run([b])

    def para(self, p: Para) -> None:
        super().para(p)
        par = self.doc.paragraphs[-1]
        if p.color != (0.0, 0.0, 0.0):
            for r in par.runs:
                r.font.color.rgb = _rgb(p.color)
        self.begin(par)
        if p.key:
            self.mark(par, p.key)

    def gap(self, height: float) -> None:
        par = self.doc.add_paragraph()
        fmt = par.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(max(height, 1.0))
        self.begin(par)

    def cell_text(self, cell: Any, c: Cell, size: float) -> None:
        super().cell_text(cell, c, size)
        if c.key:
            self.mark(cell.paragraphs[0], c.key)

    def table(self, t: Table) -> None:
        super().table(t)
        tbl = self.doc.tables[-1]
        fixed_grid(tbl, t)
        for row in tbl.rows:
            row.height, row.height_rule = Pt(t.min_row_h), WD_ROW_HEIGHT_RULE.AT_LEAST
        self.begin(tbl.rows[0].cells[0].paragraphs[0])
        for r, key in t.row_keys.items():
            self.mark(tbl.rows[r].cells[0].paragraphs[0], key)
        if t.key:
            self.mark(tbl.rows[0].cells[0].paragraphs[0], t.key)
        tail = self.doc.paragraphs[-1].paragraph_format  # the paragraph Word needs after it
        tail.space_before = tail.space_after = Pt(0)
        tail.line_spacing_rule, tail.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(6)

    # -- drawings ----------------------------------------------------------------------
    def line(self, text: str, size: float, bold: bool = False, align: str = "left",
             after: float = 0.0, container: Any = None) -> Any:  # fmt: skip
        par = (container or self.doc).add_paragraph()
        par.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                         "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]  # fmt: skip
        par.paragraph_format.space_before, par.paragraph_format.space_after = Pt(0), Pt(after)
        _font(par.add_run(text), self.face, size, bold)
        return par

    def figure(self, f: Figure) -> None:
        if isinstance(f, Drawn) and f.kind == "certificate":
            first = self.certificate(f)
        elif isinstance(f, Drawn) and f.kind == "signature":
            d = f.data
            pars = [self.line(f"{label}  {name}  (인)", d["size"], align="right", after=10)
                    for label, name in d["lines"]]  # fmt: skip
            first = pars[0]
        elif isinstance(f, Drawn) and f.kind == "closing":
            text = letter_spaced(f.data["text"]) if self.spaced else f.data["text"]
            first = self.line(f"{text}  ({f.data['seal']})", 18, bold=True, align="center",
                              after=12)  # fmt: skip
        else:
            first = self.doc.add_paragraph()
            first.alignment = WD_ALIGN_PARAGRAPH.CENTER
            first.paragraph_format.space_after = Pt(4)
            png = io.BytesIO(picture(f, self.family))
            first.add_run().add_picture(png, width=Mm(TEXT_WIDTH_MM))
        self.begin(first)
        if f.key:
            self.mark(first, f.key)

    def certificate(self, f: Drawn) -> Any:
        """A framed certificate typed into one cell: number, title, labelled rows, body,
        date and issuer — the words the painter draws, as text."""
        d = f.data
        tbl = self.doc.add_table(rows=1, cols=1)
        tbl.style = "Table Grid"
        row = tbl.rows[0]
        row.height, row.height_rule = Pt(f.height * 0.9), WD_ROW_HEIGHT_RULE.AT_LEAST
        cell = row.cells[0]
        first = cell.paragraphs[0]
        _font(first.add_run(d["no"]), self.face, 9, False)
        first.paragraph_format.space_after = Pt(24)
        self.line(d["title"], 22, bold=True, align="center", after=24, container=cell)
        for label, value in d["rows"]:
            par = self.line("", 10, container=cell, after=8)
            par.paragraph_format.left_indent = Mm(8)
            par.paragraph_format.tab_stops.add_tab_stop(Mm(35), WD_TAB_ALIGNMENT.LEFT)
            _font(par.add_run(f"{label}\t"), self.face, 10, True)
            _font(par.add_run(value), self.face, 10, False)
        body = self.line(d["body"], 10, container=cell, after=36)
        body.paragraph_format.left_indent = body.paragraph_format.right_indent = Mm(8)
        body.paragraph_format.space_before = Pt(16)
        self.line(d["date"], 11, align="center", after=24, container=cell)
        self.line(f"{d['issuer']}  ({d['seal']})", 13, bold=True, align="center",
                  container=cell)  # fmt: skip
        self.doc.add_paragraph()
        return first

    # -- running heads -----------------------------------------------------------------
    def running(self, header: str | None, numbered_from: int) -> None:
        """The painter's running header (with its rule) and '- n -' page numbers, from
        page `numbered_from` (1 or 2: a cover page goes without)."""
        sec = self.doc.sections[0]
        sec.different_first_page_header_footer = numbered_from > 1
        if header:
            par = sec.header.paragraphs[0]
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = par.add_run(header)
            _font(run, self.face, 8, False)
            run.font.color.rgb = GREY
            border, bottom = OxmlElement("w:pBdr"), OxmlElement("w:bottom")
            for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"),
                         ("w:color", "808080")):  # fmt: skip
                bottom.set(qn(k), v)
            border.append(bottom)
            par._p.get_or_add_pPr().append(border)
        par = sec.footer.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(par.add_run("- "), self.face, 9, False)
        number = OxmlElement("w:fldSimple")
        number.set(qn("w:instr"), "PAGE")
        run = par.add_run("1")
        _font(run, self.face, 9, False)
        run._r.addprevious(number)
        number.append(run._r)
        _font(par.add_run(" -"), self.face, 9, False)


def soffice(docs: list[Path], outdir: Path, target: str = "pdf") -> list[Path]:
    """Convert in one run of soffice, in a private profile (as callforms.office.convert,
    so parallel or leftover instances do not interfere); the PDFs, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{Path(tmp) / 'profile'}", "--headless",
             "--convert-to", target, "--outdir", str(outdir), *map(str, docs)],
            check=True, capture_output=True, timeout=300 + 60 * len(docs),
        )  # fmt: skip
    return [outdir / (d.stem + ".pdf") for d in docs]


def page_texts(pdf: Path) -> list[str]:
    with fitz.open(pdf) as doc:
        return [re.sub(r"\s+", "", p.get_text()) for p in doc]


def render(blocks: list[Any], family: str, *, title: str, author: str, spaced: bool,
           header: str | None = None, numbered_from: int = 1) -> OfficeLaid:  # fmt: skip
    """Type the blocks into a Word document, convert it with its bookmarks as named
    destinations, and read where every key landed."""
    w = ServiceDocx(family, spaced, header, numbered_from)
    w.run(blocks)
    props = w.doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = STAMP
    props.revision = 1
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "document.docx"
        w.doc.save(str(docx_path))
        normalize_zip(docx_path)
        (pdf,) = soffice([docx_path], docx_path.parent, DESTINATIONS)
        with fitz.open(pdf) as doc:
            dests = doc.resolve_names()
            n = doc.page_count
        anchors: dict[str, int] = {}
        for name, key in w.marks:  # the last place a key is printed, as the painter
            if name not in dests:
                raise RuntimeError(f"{title}: bookmark for {key} not exported")
            anchors[key] = dests[name]["page"] + 1
        return OfficeLaid(pages=[[] for _ in range(n)], anchors=anchors,
                          docx=docx_path.read_bytes(), texts=page_texts(pdf))  # fmt: skip


def submit(laid: OfficeLaid, pdf: Path, source: Path) -> None:
    """Keep the Word document in `source` and convert it plainly to the submitted `pdf`,
    which must print what the probe printed, page by page."""
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(laid.docx)
    convert(source, pdf)
    if page_texts(pdf) != laid.texts:
        raise RuntimeError(f"{pdf.name}: the plain conversion paginates unlike the probe")


def available() -> bool:
    return shutil.which("soffice") is not None
