"""A document as one reading-order stream of text lines and table blocks.

PDF: spans outside every table region become lines; each table is a block. Workbook: each
sheet's used range is one extracted table, so it is cut into blocks at blank rows, and a
row holding a single heading-like cell ('① …', '○ 자료구축양식', '(단위: 건)') becomes a
line. Word: the tables in order (paragraph positions relative to tables are not kept).
Blocks are then cut again at every '지표' row, so a data form's 지표/분석자료/자료출처
rows stand alone even when drawn as one table with the data below them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.core.textmatch import similarity
from smartcert.extractors.models import DocumentExtract, Span
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.tables import GridView, flat, ordered_tables, row_location, union

_HEADING = re.compile(r"^\s*(?:[①-⑳]|[○●■□◦▪※*]|\(단위|\d{1,2}\)|[ⅠⅡⅢⅣⅤ]\.|[A-C]\.\s)")


@dataclass
class Line:
    text: str
    location: Location
    sheet: str | None = None


@dataclass
class Block:
    """Rows `start`…`stop-1` of a table view (a whole PDF table, or part of a sheet)."""

    view: GridView
    start: int
    stop: int

    @property
    def sheet(self) -> str | None:
        return self.view.table.sheet

    def rows(self) -> range:
        return range(self.start, self.stop)


Element = Line | Block


def is_indicator_row(view: GridView, r: int) -> bool:
    """The form's first row: '지 표' | title | summary text."""
    filled = view.filled(r)
    if len(filled) < 2:
        return False
    key = match_key(filled[0].text)
    return key == "지표" or (len(key) <= 4 and similarity(key, "지표") >= MAPPING.short_label)


def _span_lines(doc: DocumentExtract) -> list[tuple[tuple[int, float, float], Line]]:
    regions: dict[int, list[tuple[float, float, float, float]]] = {}
    for t in doc.tables:
        for reg in t.regions:
            regions.setdefault(reg.page, []).append(reg.bbox)
        if not t.regions and t.bbox is not None and t.pages:
            regions.setdefault(t.pages[0], []).append(t.bbox)

    def inside(s: Span) -> bool:
        if s.bbox is None:
            return False
        x, y = (s.bbox[0] + s.bbox[2]) / 2, (s.bbox[1] + s.bbox[3]) / 2
        return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in regions.get(s.page, []))

    out: list[tuple[tuple[int, float, float], Line]] = []
    for s in doc.spans:
        if s.bbox is None or inside(s) or not match_key(s.text):
            continue
        loc = Location(file=doc.file, page=s.page, bbox=s.bbox)
        out.append(((s.page, s.bbox[1], s.bbox[0]), Line(text=s.text.strip(), location=loc)))
    return out


def _sheet_blocks(doc: DocumentExtract, view: GridView) -> list[Element]:
    out: list[Element] = []
    start: int | None = None
    # a sheet may leave its first column(s) empty: the left edge is the first used column
    left = min((c.col for c in view.table.cells if match_key(c.text)), default=0)

    def close(stop: int) -> None:
        nonlocal start
        if start is not None:
            out.append(Block(view, start, stop))
        start = None

    for r in range(view.n_rows):
        filled = view.filled(r)
        if not filled:
            close(r)
            continue
        only = filled[0]
        lone = len(filled) == 1 and only.col == left and not any(
            (above := view.at(r, k)) is not None and above.row < r
            for k in range(left + 1, view.n_cols))
        if lone and (start is None or _HEADING.match(only.text) or len(flat(only.text)) > 40):
            close(r)
            loc = row_location(doc, view, r, prefer=only)
            out.append(Line(text=flat(only.text), location=loc, sheet=view.table.sheet))
            continue
        if start is None:
            start = r
    close(view.n_rows)
    return out


def _cut_at_indicator_rows(block: Block) -> list[Block]:
    """Split a block so that each '지표' row starts a block of its own."""
    cuts = [r for r in block.rows() if r > block.start and is_indicator_row(block.view, r)]
    # the data below 지표/분석자료/자료출처 starts a new block too
    for r in list(cuts) + ([block.start] if is_indicator_row(block.view, block.start) else []):
        k = r + 1
        while k < block.stop and _is_meta_row(block.view, k):
            k += 1
        if block.start < k < block.stop:
            cuts.append(k)
    bounds = sorted({block.start, *cuts, block.stop})
    return [Block(block.view, a, b) for a, b in pairwise(bounds) if a < b]


_META = ("분석자료", "자료출처", "평가대상", "산출식", "산정방법")


def _is_meta_row(view: GridView, r: int) -> bool:
    filled = view.filled(r)
    if not filled:
        return False
    key = match_key(filled[0].text)
    return any(key == m or similarity(key, m) >= MAPPING.label for m in _META)


def stream(doc: DocumentExtract) -> list[Element]:
    """Lines and blocks of a document in reading order."""
    keyed: list[tuple[tuple[int, float, float], Element]] = []
    tables = ordered_tables(doc)
    sheet_order = {p.sheet: p.number for p in doc.pages if p.sheet is not None}
    for n, table in enumerate(tables):
        view = GridView(table)
        if table.sheet is not None:
            page = sheet_order.get(table.sheet, table.pages[0] if table.pages else n)
            for k, el in enumerate(_sheet_blocks(doc, view)):
                keyed.append(((page, float(k), float(n)), el))
            continue
        page = table.pages[0] if table.pages else 0
        top = table.bbox[1] if table.bbox else float(n)
        keyed.append(((page, top, 0.0), Block(view, 0, view.n_rows)))
    keyed += _span_lines(doc)
    keyed.sort(key=lambda t: t[0])
    out: list[Element] = []
    for _, el in keyed:
        out += _cut_at_indicator_rows(el) if isinstance(el, Block) else [el]
    return out


def block_location(doc: DocumentExtract, block: Block) -> Location:
    table = block.view.table
    if table.sheet is not None:
        first = next((c for r in block.rows() for c in block.view.filled(r)), None)
        return Location(file=doc.file, sheet=table.sheet, cell=first.ref if first else None)
    cells = [c for r in block.rows() for c in block.view.anchors(r)]
    page = next((c.page for c in cells if c.page), table.pages[0] if table.pages else None)
    return Location(file=doc.file, page=page,
                    bbox=union(c.bbox for c in cells if (c.page or page) == page))
