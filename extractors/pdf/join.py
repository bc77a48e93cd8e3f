"""Join a table that continues on the next page, dropping its repeated header rows."""

from __future__ import annotations

from dataclasses import dataclass

from smartcert.extractors.models import Cell, Region, Span, Table
from smartcert.extractors.pdf.tables import PageTable


@dataclass(frozen=True)
class JoinSettings:
    column_tolerance: float = 3.0  # column boundaries must line up within this (points)
    bottom_zone: float = 0.30  # the table must end in the bottom share of its page …
    top_zone: float = 0.30  # … and the continuation start in the top share of the next
    margin_zone: float = 0.08  # running headers and page numbers live in this share

    def __post_init__(self) -> None:
        if self.column_tolerance <= 0 or not (0 < self.bottom_zone < 1 and 0 < self.top_zone < 1):
            raise ValueError("bad join settings")


@dataclass
class Placed:
    """A page table with its page number and the page height, in reading order."""

    page: int
    page_height: float
    table: PageTable
    last_on_page: bool
    first_on_page: bool
    # body text between the table and the page's foot (or head): a heading or note there
    # means the next table is another one (C-9-2's heading under C-9-1's table)
    text_below: bool = False
    text_above: bool = False


def body_text_beyond(spans: list[Span], edge: float, page_height: float, *, below: bool,
                     margin_zone: float = JoinSettings.margin_zone) -> bool:
    """Whether text that is not a running header or page number stands below (or above)
    `edge` on the page."""
    low, high = page_height * margin_zone, page_height * (1 - margin_zone)
    for s in spans:
        if s.bbox is None or not s.key:
            continue
        top, bottom = s.bbox[1], s.bbox[3]
        if below and top >= edge - 1 and bottom <= high:
            return True
        if not below and bottom <= edge + 1 and top >= low:
            return True
    return False


def _columns_match(a: PageTable, b: PageTable, tol: float) -> bool:
    if len(a.xs) != len(b.xs):
        return False
    return all(abs(x - y) <= tol for x, y in zip(a.xs, b.xs, strict=True))


def _row_keys(cells: list[Cell], row: int) -> list[tuple[int, int, str]]:
    return [(c.col, c.colspan, c.key) for c in cells if c.row == row]


def _repeated_header_rows(head: list[Cell], cont: list[Cell], max_rows: int = 3) -> int:
    """How many leading rows of the continuation repeat the first rows of the table."""
    n = 0
    while n < max_rows:
        a, b = _row_keys(head, n), _row_keys(cont, n)
        if not a or a != b or not any(k for _, _, k in a):
            break
        n += 1
    return n


def _header_only(t: PageTable, max_rows: int = 2) -> bool:
    """A table of a row or two of labels without a figure: a header whose body did not fit
    (a merged group that cannot break moves whole to the next page, leaving the header alone
    mid-page — B-3-1's 구분 | No. | 명칭 | 주최기관 | 참여일 above a 12-row 국내 group)."""
    return t.n_rows <= max_rows and not any(ch.isdigit() for c in t.cells for ch in c.text)


def continues(prev: Placed, nxt: Placed, s: JoinSettings) -> bool:
    if nxt.page != prev.page + 1 or not (prev.last_on_page and nxt.first_on_page):
        return False
    if prev.text_below or nxt.text_above:
        return False
    ends_low = prev.table.bbox[3] >= prev.page_height * (1 - s.bottom_zone) \
        or _header_only(prev.table)
    starts_high = nxt.table.bbox[1] <= nxt.page_height * s.top_zone
    return ends_low and starts_high and _columns_match(prev.table, nxt.table, s.column_tolerance)


def join_tables(placed: list[Placed], s: JoinSettings | None = None) -> list[Table]:
    """Merge chains of continued tables into `Table`s with ids t1, t2, … in reading order."""
    s = s or JoinSettings()
    out: list[Table] = []
    chain_prev: Placed | None = None
    for p in placed:
        if chain_prev is not None and out and continues(chain_prev, p, s):
            table = out[-1]
            first_rows = [c for c in table.cells if c.row < 3]
            skip = _repeated_header_rows(first_rows, p.table.cells)
            offset = table.n_rows - skip
            for c in p.table.cells:
                if c.row >= skip:
                    table.cells.append(c.model_copy(update={"row": c.row + offset}))
            table.n_rows += p.table.n_rows - skip
            table.pages.append(p.page)
            table.regions.append(Region(page=p.page, bbox=p.table.bbox))
            table.header_rows = max(table.header_rows, skip)
        else:
            out.append(Table(
                id=f"t{len(out) + 1}", pages=[p.page],
                regions=[Region(page=p.page, bbox=p.table.bbox)],
                bbox=p.table.bbox, n_rows=p.table.n_rows, n_cols=p.table.n_cols,
                cells=list(p.table.cells),
            ))
        chain_prev = p
    return out
