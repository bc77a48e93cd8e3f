"""The DOCX backend: body paragraphs as spans, tables with their merges, one page.

The XML is read directly: python-docx's `row.cells` repeats a merged cell's object for
every grid column and row it covers, which hides the merge structure we need.
Merges: `w:gridSpan` (columns), `w:vMerge` restart/continue (rows), legacy `w:hMerge`.
Nested tables are flattened into their cell's text, with an info finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from smartcert.core.files.media import MediaType
from smartcert.core.normalize import match_key
from smartcert.extractors import findings as R
from smartcert.extractors.base import Backend
from smartcert.extractors.findings import extract_finding, fail_document
from smartcert.extractors.models import (
    Cell,
    DocumentExtract,
    DocumentStatus,
    Page,
    Span,
    Table,
    TextLayer,
)
from smartcert.extractors.ooxml import (
    BAD_PACKAGE_ERRORS,
    has_encrypted_members,
    is_encrypted_package,
    library_data_error,
    reason,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
P, TBL, TR, TC, T = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}t"
TXBX = f"{_W}txbxContent"
# Wrappers whose children are blocks/rows/cells as if the wrapper were not there.
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"})
# Subtrees whose text is not printed: deleted or moved-away text, text boxes (read as
# their own paragraphs), the fallback copy of a drawing, properties.
_SKIP = frozenset({f"{_W}del", f"{_W}moveFrom", TXBX, _MC_FALLBACK, f"{_W}pPr", f"{_W}rPr",
                   f"{_W}instrText", f"{_W}delText"})
_CHARS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
          f"{_W}noBreakHyphen": "-"}
_PROPS = ("title", "author", "last_modified_by", "created", "modified")


def _children(el: etree._Element, wanted: frozenset[str]) -> Iterator[etree._Element]:
    """Direct children with a tag in `wanted`, looking through content-control wrappers."""
    for child in el:
        if child.tag in wanted:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, wanted)


def _collect(el: etree._Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == T:
            out.append(child.text or "")
        elif tag in _CHARS:
            out.append(_CHARS[tag])
        else:
            _collect(child, out)


def paragraph_text(p: etree._Element) -> str:
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """Paragraphs of the text boxes anchored in `p` (the drawing's fallback copy skipped)."""
    return [q for box in p.iter(TXBX) if next(box.iterancestors(_MC_FALLBACK), None) is None
            for q in _children(box, frozenset({P}))]


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(f"{_W}val", default)


def _int_prop(parent: etree._Element | None, path: str, default: int) -> int:
    el = None if parent is None else parent.find(path)
    try:
        return default if el is None else int(_val(el, str(default)) or default)
    except ValueError:
        return default


class _Tables:
    """Builds `Table`s, flattening nested ones and remembering where they were."""

    def __init__(self) -> None:
        self.nested: list[tuple[str, int, int]] = []  # (table id, row, col)

    def table(self, tbl: etree._Element, table_id: str) -> Table:
        rows = list(_children(tbl, frozenset({TR})))
        cells: list[Cell] = []
        open_v: dict[int, Cell] = {}  # grid column → anchor of a vertical merge
        width = 0
        header = 0
        for r, tr in enumerate(rows):
            trpr = tr.find(f"{_W}trPr")
            if header == r and trpr is not None and \
                    _val(trpr.find(f"{_W}tblHeader"), "true") not in (None, "0", "false"):
                header += 1
            col = max(0, _int_prop(trpr, f"{_W}gridBefore", 0))
            still_open: dict[int, Cell] = {}
            last: Cell | None = None
            for tc in _children(tr, frozenset({TC})):
                tcpr = tc.find(f"{_W}tcPr")
                span = max(1, _int_prop(tcpr, f"{_W}gridSpan", 1))
                vmerge = hmerge = None
                if tcpr is not None:
                    vm, hm = tcpr.find(f"{_W}vMerge"), tcpr.find(f"{_W}hMerge")
                    vmerge = None if vm is None else _val(vm, "continue")
                    hmerge = None if hm is None else _val(hm, "continue")
                if hmerge == "continue" and last is not None:
                    last.colspan += span
                elif vmerge == "continue" and col in open_v:
                    anchor = open_v[col]
                    anchor.rowspan = r - anchor.row + 1
                    still_open[col] = anchor
                else:
                    text = self._cell_text(tc, table_id, r, col)
                    last = Cell(row=r, col=col, colspan=span, text=text, key=match_key(text),
                                page=1)
                    cells.append(last)
                    if vmerge is not None:
                        still_open[col] = last
                col += span
            open_v = still_open
            width = max(width, col)
        return Table(id=table_id, pages=[1], n_rows=len(rows), n_cols=width,
                     header_rows=header, cells=cells)

    def _cell_text(self, tc: etree._Element, table_id: str, row: int, col: int) -> str:
        parts: list[str] = []
        for block in _children(tc, frozenset({P, TBL})):
            if block.tag == P:
                parts.append(paragraph_text(block))
                parts.extend(paragraph_text(q) for q in _text_boxes(block))
            else:
                self.nested.append((table_id, row, col))
                inner = self.table(block, f"{table_id}.n")
                parts.extend(" ".join(t or "" for t in line).strip() for line in inner.grid())
        return "\n".join(parts).strip()


class DocxBackend(Backend):
    name = "docx"
    version = "1.0.0"
    media_types = frozenset({MediaType.DOCX})

    def extract(self, path: Path, doc: DocumentExtract) -> DocumentExtract:
        if is_encrypted_package(path) or has_encrypted_members(path):
            return fail_document(doc, DocumentStatus.ENCRYPTED, R.ENCRYPTED)
        try:
            document = docx.Document(str(path))
            body = document.element.body
        except (PackageNotFoundError, *BAD_PACKAGE_ERRORS) as exc:
            return fail_document(doc, DocumentStatus.CORRUPT, R.CORRUPT,
                                 reason=reason(exc))
        except OSError as exc:
            if not library_data_error(exc):
                raise
            return fail_document(doc, DocumentStatus.CORRUPT, R.CORRUPT,
                                 reason=reason(exc))
        doc.metadata.update(_metadata(document))
        doc.pages.append(_page(body))
        tables = _Tables()
        index = 0  # paragraph ordinal in body order, empty ones included; tables not counted
        for block in _children(body, frozenset({P, TBL})):
            if block.tag == TBL:
                table = tables.table(block, f"t{len(doc.tables) + 1}")
                if table.cells:
                    doc.tables.append(table)
                continue
            for para in (block, *_text_boxes(block)):  # text boxes follow their anchor
                text = paragraph_text(para)
                if text.strip():
                    doc.spans.append(Span(page=1, text=text, key=match_key(text), index=index))
                index += 1
        _nested_findings(doc, tables.nested)
        if not doc.spans and not any(c.text for t in doc.tables for c in t.cells):
            doc.findings.append(extract_finding(R.NO_CONTENT, doc.file))
        return doc


def _page(body: etree._Element) -> Page:
    """One page for the whole body, sized by the last section (twentieths of a point)."""
    size = body.find(f"{_W}sectPr/{_W}pgSz")
    page = Page(number=1, text_layer=TextLayer.NOT_APPLICABLE)
    if size is not None:
        try:
            page.width = int(size.get(f"{_W}w", "0")) / 20 or None
            page.height = int(size.get(f"{_W}h", "0")) / 20 or None
        except ValueError:
            pass
    return page


def _metadata(document: object) -> dict[str, str]:
    props = document.core_properties  # type: ignore[attr-defined]
    out = {}
    for key in _PROPS:
        value = getattr(props, key, None)
        if value:
            out[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return out


def _nested_findings(doc: DocumentExtract, nested: list[tuple[str, int, int]]) -> None:
    by_table: dict[str, list[str]] = {}
    for table_id, row, col in nested:
        if ".n" in table_id:  # deeper levels are reported with their outermost table
            continue
        by_table.setdefault(table_id, []).append(f"{row + 1}행 {col + 1}열")
    for table_id, where in by_table.items():
        doc.findings.append(extract_finding(R.NESTED_TABLE, doc.file, page=1,
                                            table=table_id, cells=", ".join(where)))
