"""The cells of a form's data tables, each described by its column header and row label.

A figure in a data form is named by where it sits: column '인구수(만명)' in row '2023',
column 'CCTV 수' in the '총계' row, column '지자체 면적 (A)'. `described_cells` lists
every filled body cell with those descriptions so components can be matched to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extractors.models import Cell
from extractors.normalize import match_key
from extractors.values import MentionKind, find_dates, parse_value
from schemas.mapping.stream import Block
from schemas.mapping.tables import GridView, flat

TOTAL_LABELS = frozenset({"총계", "계", "합계", "소계", "총합", "합", "total", "sum"})
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def is_total_label(text: str) -> bool:
    """'총계', '계', '합계', '지능형 방범 CCTV 총계', '총계(A+B)'."""
    key = re.sub(r"\(.*\)$", "", match_key(text).lower().rstrip(":"))
    return key in TOTAL_LABELS or key.endswith(("총계", "합계", "소계")) or key.startswith(
        ("총계", "합계"))


@dataclass
class BodyCell:
    block: Block
    cell: Cell
    row: int
    col_label: str  # header text over this column
    row_label: str  # the row's label (its first text cell), '' if none
    total_row: bool
    number: Decimal | None
    flag: bool | None

    @property
    def years(self) -> set[int]:
        """Years the row and column labels name; a period label ("'23.2~'24.1") counts as
        the year it starts in, the way forms number their first and second year."""
        found: set[int] = set()
        for label in (self.col_label, self.row_label):
            spans = [m for m in find_dates(label, strict=False) if m.kind == MentionKind.SPAN]
            if spans:
                found.add(spans[0].value.start.year)  # type: ignore[union-attr]
            else:
                found |= {int(y) for y in _YEAR.findall(match_key(label))}
        return found


def header_rows(block: Block) -> range:
    """The header row(s) of a data block: the first row, plus a second one when the first
    groups columns (a merged label over sub-columns) and the second holds labels only."""
    view, start = block.view, block.start
    end = start + 1
    grouped = any(c.colspan > 1 for c in view.anchors(start))
    if grouped and end < block.stop and all(
            _number(c.text) is None for c in view.filled(end)) and view.filled(end):
        end += 1
    return range(start, end)


def column_label(view: GridView, heads: range, k: int) -> str:
    parts: list[str] = []
    for r in heads:
        cell = view.at(r, k)
        if cell is not None and flat(cell.text) and flat(cell.text) not in parts:
            parts.append(flat(cell.text))
    return " ".join(parts)


def _number(text: str) -> Decimal | None:
    pv = parse_value(text)
    if pv.number is not None:
        return pv.number
    filled = [p for p in pv.parts if p.number is not None]
    return filled[0].number if len(filled) == 1 else None


def _flag(text: str) -> bool | None:
    pv = parse_value(text)
    return pv.boolean if not pv.parts else None


def row_label(view: GridView, r: int) -> tuple[str, int | None]:
    """The row's label — its first text when that is words or a year ('2023', '총계',
    '주간선도로') — and the column it sits in; ('', None) for a row of bare figures."""
    for k in range(view.n_cols):
        cell = view.at(r, k)
        if cell is None or not flat(cell.text):
            continue
        text = flat(cell.text)
        if _number(text) is None or _YEAR.fullmatch(match_key(text).rstrip("년")) or _is_period(
                text):
            return text, cell.col
        return "", None
    return "", None


def _is_period(text: str) -> bool:
    found = find_dates(text, strict=False)
    return len(found) == 1 and found[0].kind == MentionKind.SPAN


def described_cells(blocks: list[Block]) -> list[BodyCell]:
    out: list[BodyCell] = []
    for block in blocks:
        view = block.view
        heads = header_rows(block)
        # the No. column numbers items; its figures are never a component
        numbering = {k for k in range(view.n_cols)
                     if match_key(column_label(view, heads, k)).lower().rstrip(".")
                     in ("no", "번호", "순번", "연번")}
        for r in range(heads.stop, block.stop):
            if view.is_blank(r):
                continue
            label, label_col = row_label(view, r)
            total = is_total_label(label)
            for cell in view.anchors(r):
                text = flat(cell.text)
                if not text or cell.col == label_col or cell.col in numbering:
                    continue
                out.append(BodyCell(
                    block=block, cell=cell, row=r,
                    col_label=column_label(view, heads, cell.col), row_label=label,
                    total_row=total, number=_number(text), flag=_flag(text)))
    return out
