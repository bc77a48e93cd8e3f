"""Reading extracted tables by meaning: merged cells, header rows found by label, locations.

A table is addressed through `GridView`, which knows which anchor cell covers each grid
position (a merged 분류 cell covers the rows below it). Header rows are found by matching
cell keys against label synonyms — exact key, containment or jamo similarity — so
'증 빙 페 이 지', '증빙페이지' and a typo such as '증빙 페지' all find the same column,
in whatever order the columns come.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from smartcert.core.findings import BBox, Location
from smartcert.core.normalize import match_key
from smartcert.core.textmatch import similarity
from smartcert.extractors.models import Cell, DocumentExtract, Table
from smartcert.schemas.mapping.settings import MAPPING


def flat(text: str | None) -> str:
    """A cell's text on one line: wrapped lines joined by a space, runs of spaces folded."""
    return " ".join((text or "").split())


class GridView:
    """A table with merged cells resolved: `at(r, c)` is the anchor covering (r, c)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.n_rows, self.n_cols = table.n_rows, table.n_cols
        self._cover: dict[tuple[int, int], Cell] = {}
        self._rows: dict[int, list[Cell]] = {}
        for c in table.cells:
            self._rows.setdefault(c.row, []).append(c)
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    self._cover[(r, k)] = c
        for cells in self._rows.values():
            cells.sort(key=lambda c: c.col)

    def at(self, r: int, c: int) -> Cell | None:
        return self._cover.get((r, c))

    def own(self, r: int, c: int) -> Cell | None:
        """The cell anchored exactly at row `r` covering column `c` (no fill-down)."""
        cell = self._cover.get((r, c))
        return cell if cell is not None and cell.row == r else None

    def text(self, r: int, c: int, fill: bool = False) -> str:
        cell = self.at(r, c) if fill else self.own(r, c)
        return cell.text if cell is not None else ""

    def anchors(self, r: int) -> list[Cell]:
        return self._rows.get(r, [])

    def filled(self, r: int) -> list[Cell]:
        """Cells anchored in row `r` with text, left to right."""
        return [c for c in self.anchors(r) if match_key(c.text)]

    def is_blank(self, r: int) -> bool:
        return not self.filled(r)

    def columns(self, r: int) -> list[Cell]:
        """One covering cell per distinct anchor along row `r` (merged cells included once)."""
        out: list[Cell] = []
        for k in range(self.n_cols):
            cell = self.at(r, k)
            if cell is not None and (not out or out[-1] is not cell):
                out.append(cell)
        return out


# ── locations ──


def union(boxes: Iterable[BBox | None]) -> BBox | None:
    got = [b for b in boxes if b is not None]
    if not got:
        return None
    return (min(b[0] for b in got), min(b[1] for b in got),
            max(b[2] for b in got), max(b[3] for b in got))


def cell_location(doc: DocumentExtract, table: Table, cell: Cell) -> Location:
    if table.sheet is not None or cell.ref is not None:
        return Location(file=doc.file, sheet=table.sheet, cell=cell.ref)
    return Location(file=doc.file, page=cell.page or (table.pages[0] if table.pages else None),
                    bbox=cell.bbox)


def row_location(doc: DocumentExtract, view: GridView, r: int,
                 prefer: Cell | None = None) -> Location:
    """Where row `r` is printed: page and the union of its own cells' boxes, or (sheet, cell)
    of `prefer` (the value cell) in a workbook."""
    table = view.table
    cells = view.anchors(r)
    if table.sheet is not None:
        ref = (prefer or (cells[0] if cells else None))
        return Location(file=doc.file, sheet=table.sheet, cell=ref.ref if ref else None)
    single = [c for c in cells if c.rowspan == 1] or cells
    page = next((c.page for c in single if c.page), None)
    if page is None:
        page = table.pages[0] if table.pages else None
    box = union(c.bbox for c in single if (c.page or page) == page)
    return Location(file=doc.file, page=page, bbox=box)


# ── header rows ──


@dataclass(frozen=True)
class Column:
    """A column by meaning: its role and the labels (any spacing) it may be printed with."""

    role: str
    labels: tuple[str, ...]


@dataclass
class Header:
    row: int  # first header row
    end: int  # last header row (a header cell may span two rows)
    cols: dict[str, list[int]] = field(default_factory=dict)  # role → grid columns
    cells: dict[str, Cell] = field(default_factory=dict)  # role → header cell

    @property
    def first_data_row(self) -> int:
        return self.end + 1


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return match_key(text).lower().strip(".:·*※○●■□-")


_NOTE = re.compile(r"\([^()]*\)$")  # '제공데이터 (데이터 중)', '인원(명)'
_PERIOD = re.compile(r"^'?\d{2,4}년?[~-]'?\d{2,4}년?")  # '23년~24년 제공 건 수'


@lru_cache(maxsize=8192)
def _variants(label: str) -> tuple[str, ...]:
    """A label and its core: without a trailing note in parentheses or a leading period."""
    k = _key(label)
    out = [k]
    for core in (_NOTE.sub("", k), _PERIOD.sub("", k), _PERIOD.sub("", _NOTE.sub("", k))):
        if len(core) >= 2 and core not in out:
            out.append(core)
    return tuple(out)


def label_score(text: str, labels: Sequence[str]) -> float:
    """0–100: how well a header cell reads as one of `labels`."""
    return _label_score(text, tuple(labels))


@lru_cache(maxsize=65536)  # the same header texts are scored against the same labels
def _label_score(text: str, labels: tuple[str, ...]) -> float:
    k = _key(text)
    if not k:
        return 0.0
    best = 0.0
    core = _NOTE.sub("", k)
    for label in labels:
        variants = _variants(label)
        if k in variants:
            return 100.0
        if len(core) >= 2 and core in variants:
            best = max(best, 95.0)
        for lk in variants:
            score = similarity(k, lk)
            # '지표명(코드)', '증빙 페이지(쪽)': the label with an explanation after it
            if len(lk) >= 2 and k.startswith(lk) and len(k) <= 2 * len(lk) + 4:
                score = max(score, 90.0)
            best = max(best, score)
    return best


def match_row(view: GridView, r: int, columns: Sequence[Column],
              threshold: float = MAPPING.header) -> Header:
    """Assign header roles to the cells of row `r` (each role and cell used once, best first)."""
    scored: list[tuple[float, int, Cell, Column]] = []
    for i, cell in enumerate(view.filled(r)):
        for col in columns:
            s = label_score(cell.text, col.labels)
            if s >= threshold:
                scored.append((s, -i, cell, col))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    header = Header(row=r, end=r)
    used: set[int] = set()
    for _, _, cell, col in scored:
        if col.role in header.cols or id(cell) in used:
            continue
        used.add(id(cell))
        header.cols[col.role] = list(range(cell.col, cell.col + cell.colspan))
        header.cells[col.role] = cell
        header.end = max(header.end, r + cell.rowspan - 1)
    return header


def find_header(view: GridView, columns: Sequence[Column], required: Iterable[str],
                min_roles: int = 2, start: int = 0, stop: int | None = None) -> Header | None:
    """The first row from `start` whose cells read as the `required` roles (and at least
    `min_roles` roles in all)."""
    need = set(required)
    for r in range(start, min(view.n_rows, stop if stop is not None else view.n_rows)):
        if view.is_blank(r):
            continue
        header = match_row(view, r, columns)
        if need <= header.cols.keys() and len(header.cols) >= min_roles:
            return header
    return None


def ordered_tables(doc: DocumentExtract) -> list[Table]:
    """Tables in reading order: page (or sheet order), then top edge."""
    order = {t.id: i for i, t in enumerate(doc.tables)}

    def pos(t: Table) -> tuple[int, float, int]:
        page = t.pages[0] if t.pages else 0
        top = t.bbox[1] if t.bbox else 0.0
        return page, top, order[t.id]

    return sorted(doc.tables, key=pos)


# A total row's label: '총계', '계', '합계', '지능형 방범 CCTV 총계', '총계(A+B)'.
TOTAL_LABELS = frozenset({"총계", "계", "합계", "소계", "총합", "합", "total", "sum"})


def is_total_label(text: str) -> bool:
    """'총계', '계', '합계', '지능형 방범 CCTV 총계', '총계(A+B)'."""
    key = re.sub(r"\(.*\)$", "", match_key(text).lower().rstrip(":"))
    return key in TOTAL_LABELS or key.endswith(("총계", "합계", "소계")) or key.startswith(
        ("총계", "합계"))


def column_label(view: GridView, heads: range, k: int) -> str:
    parts: list[str] = []
    for r in heads:
        cell = view.at(r, k)
        if cell is not None and flat(cell.text) and flat(cell.text) not in parts:
            parts.append(flat(cell.text))
    return " ".join(parts)
