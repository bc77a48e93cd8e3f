"""The XLSX backend: every worksheet becomes a page holding one table of displayed values.

Values are Excel's cached results (`data_only=True`) shown through each cell's number
format, as a reviewer sees them. Normal (not read-only) mode is needed for merged
ranges and hidden rows; to keep memory flat we never touch cells the file does not hold.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_to_tuple, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.extractors import findings as R
from smartcert.extractors.base import Backend
from smartcert.extractors.findings import extract_finding, fail_document, ranges_text
from smartcert.extractors.limits import HOW_TO_RAISE
from smartcert.extractors.models import (
    Cell,
    DocumentExtract,
    DocumentStatus,
    Page,
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
from smartcert.extractors.xlsx_dates import CJK_BUILTIN_DATE_IDS, serial_text
from smartcert.extractors.xlsx_format import display_text
from smartcert.extractors.xlsx_formulas import MissingValue, formulas_without_value
from smartcert.extractors.xlsx_stream import (
    needs_streaming,
    no_dimension_scan,
    scan_layout,
    stream_cells,
)

# A sheet's grid beyond this many cells is cut (a stray value in row 1,048,576 would
# otherwise make us build a million empty cells).
MAX_CELLS = 500_000
# Cell-level findings per sheet and rule before the rest are folded into one finding.
_PER_SHEET = 20
_PROPS = ("title", "creator", "lastModifiedBy", "created", "modified")


def cell_text(cell: object) -> str:
    """The displayed text of an openpyxl cell (value already the cached result)."""
    value = getattr(cell, "value", None)
    # a loaded cell's style is `_style`; a streamed (read-only) cell's is `style_array`
    style = getattr(cell, "_style", None) or getattr(cell, "style_array", None)
    fmt_id = getattr(style, "numFmtId", 0) if style is not None else 0
    if fmt_id in CJK_BUILTIN_DATE_IDS and isinstance(value, int | float) \
            and not isinstance(value, bool):
        return serial_text(float(value))
    return display_text(value, getattr(cell, "number_format", None))


class XlsxBackend(Backend):
    name = "xlsx"
    version = "1.0.0"
    media_types = frozenset({MediaType.XLSX})

    def extract(self, path: Path, doc: DocumentExtract) -> DocumentExtract:
        if is_encrypted_package(path) or has_encrypted_members(path):
            return fail_document(doc, DocumentStatus.ENCRYPTED, R.ENCRYPTED)
        streaming = needs_streaming(path)
        try:
            with warnings.catch_warnings(), no_dimension_scan():
                warnings.simplefilter("ignore")  # openpyxl warns about every unknown extension
                wb = load_workbook(path, data_only=True, keep_links=False, read_only=streaming)
        except (InvalidFileException, *BAD_PACKAGE_ERRORS) as exc:
            return fail_document(doc, DocumentStatus.CORRUPT, R.CORRUPT,
                                 reason=reason(exc))
        except OSError as exc:
            if not library_data_error(exc):
                raise
            return fail_document(doc, DocumentStatus.CORRUPT, R.CORRUPT,
                                 reason=reason(exc))
        budget = CellBudget(self.settings.limits.max_cells)
        try:
            doc.metadata.update(_metadata(wb))
            sheets = self._sheets_in_limit(wb, doc)
            if streaming:
                missing = self._streamed(path, sheets, doc, budget)
            else:
                missing = _missing_values(path)
                for number, ws in enumerate(sheets, start=1):
                    _emit(_loaded(ws), number, doc, missing.get(ws.title, []), budget)
        finally:
            wb.close()
        if budget.cut:
            doc.findings.append(extract_finding(
                R.CELL_LIMIT, doc.file, limit=f"{budget.limit:,}",
                cut=", ".join(budget.cut) + "를", how=HOW_TO_RAISE["max_cells"]))
        if not any(c.text for t in doc.tables for c in t.cells) and not missing:
            doc.findings.append(extract_finding(R.NO_CONTENT, doc.file))
        return doc

    def _sheets_in_limit(self, wb: Workbook, doc: DocumentExtract) -> list[Worksheet]:
        sheets = wb.worksheets
        limit = self.settings.page_limit
        if len(sheets) > limit:
            doc.findings.append(R.page_limit(doc.file, len(sheets), limit))
        return sheets[:limit]

    @staticmethod
    def _streamed(path: Path, sheets: list[Worksheet], doc: DocumentExtract,
                  budget: CellBudget) -> dict[str, list[MissingValue]]:
        """Each sheet streamed up to where its grid is cut, then the formulas without a
        value and the layout of the rows read."""
        missing: dict[str, list[MissingValue]] = {}
        for number, ws in enumerate(sheets, start=1):
            hidden = ws.sheet_state != "visible"
            cap = min(MAX_CELLS, budget.left)
            if cap < 1:  # the workbook's cells are used up: the sheet is not read
                _emit(SheetData(ws.title, hidden, read=False), number, doc, [], budget)
                continue
            got = stream_cells(ws, cap, cell_text)
            last_row = (got.stopped_at - 1) if got.stopped_at else got.extent[0]
            with ws._get_source() as src:
                layout = scan_layout(src, last_row)
            missing.update(_missing_values(path, {ws.title: last_row}))
            _emit(SheetData(ws.title, hidden, got.texts, got.errors, layout.merges, got.extent,
                            layout.hidden_rows, layout.hidden_cols, stopped_at=got.stopped_at),
                  number, doc, missing.get(ws.title, []), budget)
        return missing


@dataclass
class CellBudget:
    """The table cells a workbook may still fill (`Limits.max_cells`), and what it cut."""

    limit: int
    used: int = 0
    cut: list[str] = field(default_factory=list)  # "'목록' 시트 100,001행 이후" …

    @property
    def left(self) -> int:
        return self.limit - self.used


def _missing_values(path: Path, rows: dict[str, int] | None = None
                    ) -> dict[str, list[MissingValue]]:
    try:
        return formulas_without_value(path, rows)
    except BAD_PACKAGE_ERRORS:  # openpyxl read the file; only this extra check failed
        return {}


def _metadata(wb: Workbook) -> dict[str, str]:
    props = wb.properties
    out = {}
    for key in _PROPS:
        value = getattr(props, key, None)
        if value:
            out[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return out


def _bounds(occupied: set[tuple[int, int]], merges: list[tuple[int, int, int, int]],
            limit: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The smallest box holding every value, widened to the merges anchored inside it
    (but not past the last row/column the file holds: a title merged across A1:XFD1)."""
    if not occupied:
        return None
    r0 = min(r for r, _ in occupied)
    r1 = max(r for r, _ in occupied)
    c0 = min(c for _, c in occupied)
    c1 = max(c for _, c in occupied)
    for top, left, bottom, right in merges:
        if (top, left) in occupied:
            r1, c1 = max(r1, min(bottom, limit[0])), max(c1, min(right, limit[1]))
    return r0, c0, r1, c1


@dataclass
class SheetData:
    """What a sheet holds, however it was read (loaded, or streamed)."""

    name: str
    hidden: bool
    texts: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    extent: tuple[int, int] = (0, 0)  # the last row and column the file holds
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: set[int] = field(default_factory=set)
    read: bool = True  # False: not read at all (the workbook's cells were used up)
    stopped_at: int | None = None  # streamed: the first row left unread (the grid is full)


def _loaded(ws: Worksheet) -> SheetData:
    """A sheet openpyxl loaded whole."""
    texts: dict[tuple[int, int], str] = {}
    errors: list[tuple[str, str]] = []
    # ws._cells holds only the cells present in the file; iter_rows would create the rest
    for (r, c), cell in ws._cells.items():
        if cell.value is None:
            continue
        text = cell_text(cell)
        if text:
            texts[(r, c)] = text
        if cell.data_type == "e":
            errors.append((cell.coordinate, str(cell.value)))
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    cols: set[int] = set()
    for key, dim in ws.column_dimensions.items():
        if dim.hidden:  # a dimension covers columns min..max ('key' is its first column)
            first = dim.min or column_index_from_string(key)
            cols.update(range(first, (dim.max or first) + 1))
    rows = sorted(r for r, dim in ws.row_dimensions.items() if dim.hidden)
    return SheetData(ws.title, ws.sheet_state != "visible", texts, errors, merges,
                     (ws.max_row, ws.max_column), rows, cols)


def _emit(sheet: SheetData, number: int, doc: DocumentExtract, missing: list[MissingValue],
          budget: CellBudget) -> None:
    """The sheet's page, its table (cut to the sheet's and the workbook's cell limits) and
    its findings."""
    file, name = doc.file, sheet.name
    page = Page(number=number, sheet=name, text_layer=TextLayer.NOT_APPLICABLE,
                hidden=sheet.hidden)
    doc.pages.append(page)
    if sheet.hidden:
        doc.findings.append(extract_finding(R.HIDDEN_SHEET, file, sheet=name))
    if not sheet.read:
        budget.cut.append(f"'{name}' 시트 전체")
        return
    occupied = set(sheet.texts) | {coordinate_to_tuple(m.ref) for m in missing}
    box = _bounds(occupied, sheet.merges, sheet.extent)
    if box is None:
        return
    r0, c0, r1, c1 = box
    width = c1 - c0 + 1
    cap = min(MAX_CELLS, budget.left)
    rows = cap // width or (1 if cap == MAX_CELLS else 0)  # a row wider than a sheet's cut
    if rows == 0:
        budget.cut.append(f"'{name}' 시트 전체")
        return
    if r1 - r0 + 1 > rows or sheet.stopped_at is not None:
        r1 = min(r1, r0 + rows - 1)
        if cap < MAX_CELLS:
            budget.cut.append(f"'{name}' 시트 {r1 + 1:,}행 이후")
        else:
            doc.findings.append(extract_finding(R.SHEET_TRUNCATED, file, sheet=name,
                                                rows=r1, limit=MAX_CELLS))
    budget.used += (r1 - r0 + 1) * width
    doc.tables.append(_table(number, name, box=(r0, c0, r1, c1), texts=sheet.texts,
                             merges=sheet.merges))
    _hidden_lines(sheet, page, doc, (r0, c0, r1, c1))
    _cell_findings(doc, name, [m for m in missing if coordinate_to_tuple(m.ref)[0] <= r1],
                   [e for e in sheet.errors if coordinate_to_tuple(e[0])[0] <= r1])


def _table(number: int, sheet: str, *, box: tuple[int, int, int, int],
           texts: dict[tuple[int, int], str], merges: list[tuple[int, int, int, int]]) -> Table:
    r0, c0, r1, c1 = box
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for top, left, bottom, right in merges:
        if not (r0 <= top <= r1 and c0 <= left <= c1):
            continue  # anchored outside the values: its covered cells are plain blanks
        bottom, right = min(bottom, r1), min(right, c1)
        spans[(top, left)] = (bottom - top + 1, right - left + 1)
        covered.update((r, c) for r in range(top, bottom + 1) for c in range(left, right + 1))
        covered.discard((top, left))
    cells: list[Cell] = []
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            text = texts.get((r, c), "")
            cells.append(Cell(row=r - r0, col=c - c0, rowspan=rs, colspan=cs, text=text,
                              key=match_key(text), page=number,
                              ref=f"{get_column_letter(c)}{r}"))
    return Table(id=f"t{number}", pages=[number], n_rows=r1 - r0 + 1, n_cols=c1 - c0 + 1,
                 sheet=sheet, cells=cells)


def _hidden_lines(sheet: SheetData, page: Page, doc: DocumentExtract,
                  box: tuple[int, int, int, int]) -> None:
    """Hidden rows/columns inside the used range: listed on the page and noted."""
    r0, c0, r1, c1 = box
    rows = sorted(r for r in sheet.hidden_rows if r0 <= r <= r1)
    cols = {c for c in sheet.hidden_cols if c0 <= c <= c1}
    page.hidden_rows = rows
    name = sheet.name
    if rows:
        doc.findings.append(extract_finding(
            R.HIDDEN_ROWS, doc.file, sheet=name, count=len(rows),
            rows=ranges_text(rows)))
    if cols:
        letters = ", ".join(get_column_letter(c) for c in sorted(cols))
        doc.findings.append(extract_finding(
            R.HIDDEN_COLUMNS, doc.file, sheet=name, count=len(cols),
            cols=letters))


def _cell_findings(doc: DocumentExtract, sheet: str,
                   missing: list[MissingValue], errors: list[tuple[str, str]]) -> None:
    file = doc.file
    for m in missing[:_PER_SHEET]:
        doc.findings.append(extract_finding(R.FORMULA_WITHOUT_VALUE, file,
                                            sheet=sheet, cell=m.ref,
                                            formula=m.formula or "?"))
    rest = missing[_PER_SHEET:]
    if rest:  # one finding for the remainder, pointing at every cell
        doc.findings.append(extract_finding(
            R.FORMULA_WITHOUT_VALUE, file, sheet=sheet,
            cell=f"{rest[0].ref} 외 {len(rest) - 1}개", formula=rest[0].formula or "?",
            locations=[Location(file=file, sheet=sheet, cell=m.ref)
                       for m in rest]))
    for ref, value in errors[:_PER_SHEET]:
        doc.findings.append(extract_finding(R.FORMULA_ERROR, file, sheet=sheet,
                                            cell=ref, value=value))
    if len(errors) > _PER_SHEET:
        rest_e = errors[_PER_SHEET:]
        doc.findings.append(extract_finding(
            R.FORMULA_ERROR, file, sheet=sheet,
            cell=f"{rest_e[0][0]} 외 {len(rest_e) - 1}개", value=rest_e[0][1],
            locations=[Location(file=file, sheet=sheet, cell=ref)
                       for ref, _ in rest_e]))
