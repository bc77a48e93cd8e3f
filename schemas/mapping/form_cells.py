"""The cells of a form's data tables, each described by its column header and row label.

A figure in a data form is named by where it sits: column '인구수(만명)' in row '2023',
column 'CCTV 수' in the '총계' row, column '지자체 면적 (A)'. `described_cells` lists
every filled body cell with those descriptions so components can be matched to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from smartcert.core.normalize import match_key
from smartcert.core.values import MentionKind, find_dates, parse_value
from smartcert.core.values.formula import (
    has_label_beside,
    is_formula_label,
    letter_beside,
    without_letters,
)
from smartcert.extractors.models import Cell
from smartcert.schemas.catalogue.forms import Table as TemplateTable
from smartcert.schemas.mapping.form_template import align, printed_letters
from smartcert.schemas.mapping.stream import Block
from smartcert.schemas.mapping.tables import (
    GridView,
    column_label,
    flat,
    is_total_label,
)

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


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
    letter: str | None = None  # '(A)' beside the figure, or in the label row of its column

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


def _number(text: str) -> Decimal | None:
    if is_formula_label(text):
        return None  # '(B/A) * 100' is a label: it holds no figure 100
    pv = parse_value(without_letters(text) if has_label_beside(text) else text)
    if pv.number is not None:
        return pv.number
    filled = [p for p in pv.parts if p.number is not None]
    return filled[0].number if len(filled) == 1 else None


def _flag(text: str) -> bool | None:
    if is_formula_label(text):
        return None
    pv = parse_value(without_letters(text) if has_label_beside(text) else text)
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


def label_row(view: GridView, r: int) -> dict[int, str] | None:
    """The letters of a label row — '(A) | (B) | (B/A) * 100' under the headers, a row label
    such as '2024년' allowed before them — by column; None for a row holding any figure."""
    _, label_col = row_label(view, r)
    letters: dict[int, str] = {}
    for cell in view.anchors(r):
        text = flat(cell.text)
        if not text:
            continue
        if is_formula_label(text):
            letters[cell.col] = text
        elif cell.col != label_col:
            return None
    return letters or None


def _attach_labels(rows: list[int], labels: dict[int, dict[int, str]],
                   totals: set[int]) -> dict[int, dict[int, str]]:
    """Each label row's letters go to the figures it labels: the row just above it when
    that holds figures (figures written over the letters), else the row just below. A 총계
    row left with its letters ('총계 | (A) | (B)', C-5-2) labels no other row: the rows
    around it are the breakdown's own."""
    out: dict[int, dict[int, str]] = {}
    for n, r in enumerate(rows):
        if r not in labels or r in totals:
            continue
        for near in (rows[n - 1] if n > 0 else None, rows[n + 1] if n + 1 < len(rows) else None):
            if near is not None and near not in labels and near not in out:
                out[near] = labels[r]
                break
    return out


def _own_total_label(view: GridView, r: int) -> bool:
    label, col = row_label(view, r)
    cell = view.at(r, col) if col is not None else None
    return is_total_label(label) and cell is not None and cell.row == r


def _letter_of(text: str) -> str | None:
    m = re.fullmatch(r"\(?\s*([A-Z])\s*\)?", re.sub(r"\s+", "", text))
    return m.group(1) if m else None


def described_cells(blocks: list[Block],
                    templates: Sequence[TemplateTable] = ()) -> list[BodyCell]:
    """Every filled body cell of the form's data tables with its column and row labels and
    its letter: beside the figure, in a label row of the table, else the letter the call
    prints there (`templates`: the form's printed tables)."""
    out: list[BodyCell] = []
    for block in blocks:
        view = block.view
        heads = header_rows(block)
        aligned = align(block, heads, templates)
        # the No. column numbers items; its figures are never a component
        numbering = {k for k in range(view.n_cols)
                     if match_key(column_label(view, heads, k)).lower().rstrip(".")
                     in ("no", "번호", "순번", "연번")}
        rows = [r for r in range(heads.stop, block.stop) if not view.is_blank(r)]
        labels = {r: lr for r in rows if (lr := label_row(view, r)) is not None}
        data_rows = [r for r in rows if r not in labels]
        # '총계 | (A) | (B)' printed as its own row, not filled in: it labels no other row; a
        # label row whose 총계 is merged down from the row above labels that total row
        totals = {r for r in labels if _own_total_label(view, r)}
        attached = _attach_labels(rows, labels, totals)
        row_labels = {r: row_label(view, r) for r in data_rows}
        single = sum(not is_total_label(label) for label, _ in row_labels.values()) == 1
        for r in data_rows:
            label, label_col = row_labels[r]
            total = is_total_label(label)
            letters = attached.get(r) or (
                printed_letters(aligned, label, single) if aligned is not None else {})
            for cell in view.anchors(r):
                text = flat(cell.text)
                if not text or cell.col == label_col or cell.col in numbering:
                    continue
                col_label = column_label(view, heads, cell.col)
                printed = letters.get(cell.col)
                letter = _letter_of(printed) if printed else None
                if letter and f"({letter})" not in col_label.replace(" ", ""):
                    col_label = f"{col_label} ({letter})".strip()
                out.append(BodyCell(
                    block=block, cell=cell, row=r, col_label=col_label, row_label=label,
                    total_row=total, number=_number(text), flag=_flag(text),
                    letter=letter_beside(text) or letter))
    return out
