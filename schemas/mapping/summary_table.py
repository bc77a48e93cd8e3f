"""Finding the 정량지표 요약표 and reading its data rows, whatever the layout.

The table is recognised by its header meaning (분류 / 지표명 / 작성 지표 요약 / 증빙 페이지,
letter-spaced or not, any order). A summary broken over pages is one table when the
extractor could join it; two tables with the same header on consecutive pages, or a
header-less continuation with the same columns, are read as one. In a workbook the header
may sit anywhere in the sheet; rows after the table (notes, forms) end it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Cell, DocumentExtract, Table
from smartcert.schemas.mapping.codes import looks_like_code, normalise_code, split_code
from smartcert.schemas.mapping.tables import (
    Column,
    GridView,
    Header,
    find_header,
    flat,
    match_row,
    ordered_tables,
)

SUMMARY_COLUMNS = (
    Column("category", ("분류", "구분", "부문", "대분류", "중분류", "영역", "분야")),
    Column("seq", ("no", "no.", "연번", "번호", "순번")),  # the row number: not a code
    Column("code", ("코드", "지표코드", "지표번호")),
    Column("name", ("지표명", "지표", "지표명칭", "평가지표", "지표 명칭", "정량지표")),
    Column("summary", ("작성지표요약", "지표요약", "작성요약", "작성내용", "요약", "작성 지표",
                       "지표값", "작성지표값")),
    Column("evidence", ("증빙페이지", "증빙", "증빙자료", "페이지", "증빙쪽", "쪽", "근거자료",
                        "증빙 페이지(쪽)", "근거 페이지")),
    Column("points", ("배점", "점수", "평가배점")),
)
# a group or subgroup printed as a row of its own: 'A. 혁신성', 'C-1. 교통', '1) 교통'
_GROUP_ROW = re.compile(r"^\s*(?:[A-C](?:\s*-\s*\d{1,2})?\s*[.)]|\d{1,2}\))\s*\S")
_REQUIRED = ("name", "summary")


@dataclass
class SummaryRow:
    """One data row of the summary, cells resolved by meaning."""

    table: Table
    view: GridView
    row: int
    code_text: str = ""  # the printed code ('' when none)
    code: str | None = None  # normalised when well-formed
    name: str = ""
    summary: Cell | None = None
    evidence: Cell | None = None
    categories: list[str] = field(default_factory=list)  # 분류 texts, carried down


@dataclass
class _Segment:
    table: Table
    view: GridView
    header: Header
    start: int  # first data row


def summary_header(view: GridView, start: int = 0, stop: int | None = None) -> Header | None:
    """The summary header of a table (in rows `start`…`stop-1`), if it has one."""
    return find_header(view, SUMMARY_COLUMNS, _REQUIRED, min_roles=3, start=start, stop=stop)


def _is_header_repeat(view: GridView, r: int, header: Header) -> bool:
    again = match_row(view, r, SUMMARY_COLUMNS)
    return len(again.cols.keys() & header.cols.keys()) >= 2


def _code_col(view: GridView, header: Header, start: int) -> int | None:
    """Among the 지표명/코드 columns, the one holding codes in most rows."""
    cols = sorted(set(header.cols.get("code", []) + header.cols.get("name", [])))
    best, hits_best = None, 0
    for k in cols:
        hits = sum(1 for r in range(start, view.n_rows)
                   if normalise_code(view.text(r, k)) or looks_like_code(view.text(r, k)))
        if hits > hits_best:
            best, hits_best = k, hits
    return best


def _continues(prev: _Segment, table: Table, view: GridView) -> bool:
    """A header-less table right after the summary, same columns, holding codes."""
    if table.sheet is not None or table.n_cols != prev.table.n_cols:
        return False
    last = prev.table.pages[-1] if prev.table.pages else 0
    if not table.pages or table.pages[0] not in (last, last + 1):
        return False
    k = _code_col(prev.view, prev.header, prev.start)
    return k is not None and any(normalise_code(view.text(r, k)) for r in range(view.n_rows))


def segments(doc: DocumentExtract) -> list[_Segment]:
    """The summary table(s) of a document, continuations included, in reading order."""
    found: list[_Segment] = []
    for table in ordered_tables(doc):
        view = GridView(table)
        header = summary_header(view)
        if header is not None:
            found.append(_Segment(table, view, header, header.first_data_row))
        elif found and found[-1].table is not table and _continues(found[-1], table, view):
            prev = found[-1]
            found.append(_Segment(table, view, prev.header, 0))
    return found


def _read_name(view: GridView, r: int, cols: list[int], code_col: int | None) -> tuple[str, str]:
    """(printed code, name) from the 지표명 column(s): two columns or one 'A-1-2 이름' cell."""
    code_text, names, seen = "", [], set()
    for k in cols:
        cell = view.own(r, k)
        if cell is None or id(cell) in seen:
            continue
        seen.add(id(cell))
        text = flat(cell.text)
        if not text:
            continue
        if not code_text and (normalise_code(text) or (k == code_col and looks_like_code(text))):
            code_text = text
            continue
        lead, rest = split_code(text)
        if lead and not code_text:
            code_text, text = lead, rest
        if text and text not in names:
            names.append(text)
    return code_text, " ".join(names)


def _row_page(view: GridView, r: int) -> int | None:
    return next((c.page for c in view.anchors(r) if c.page is not None), None)


def _joined(a: Cell | None, b: Cell | None) -> Cell | None:
    """A cell whose text a page break cut in two: one cell, placed where it starts."""
    if b is None or not match_key(b.text):
        return a
    if a is None:
        return b
    return a.model_copy(update={"text": f"{a.text}\n{b.text}",
                                "key": match_key(f"{a.text}{b.text}")})


def _tail_of(prev: SummaryRow | None, view: GridView, r: int, code_text: str,
             header: Header, evidence: Cell | None) -> bool:
    """The tail of the row above, broken across a page by the word processor: the first row
    of a new page (under the repeated header) with no code and no 증빙 페이지 of its own
    ('89 개소' alone); a row that only lacks its code keeps its pages and stays a row."""
    if prev is None or code_text or prev.view is not view:
        return False
    if evidence is not None and match_key(evidence.text):
        return False
    here, before = _row_page(view, r), _row_page(view, prev.row)
    if here is None or before is None or here <= before:
        return False
    return all(_row_page(view, k) != here for k in range(prev.row + 1, r)
               if not view.is_blank(k) and not _is_header_repeat(view, k, header))


def rows(doc: DocumentExtract) -> Iterator[SummaryRow]:
    """Data rows of every summary segment; header repeats and blank rows are skipped, and a
    row broken across a page is read as one row."""
    carried: dict[int, str] = {}
    prev: SummaryRow | None = None
    for seg in segments(doc):
        view, header = seg.view, seg.header
        code_col = _code_col(view, header, seg.start)
        name_cols = sorted(set(header.cols.get("code", []) + header.cols.get("name", [])))
        cat_cols = header.cols.get("category", [])
        started = False
        groups: list[str] = []  # group rows ('A. 혁신성', 'C-1. 교통') above the data rows
        for r in range(seg.start, view.n_rows):
            if view.is_blank(r):
                continue
            if _is_header_repeat(view, r, header):
                continue
            code_text, name = _read_name(view, r, name_cols, code_col)
            summary = _first(view, r, header.cols.get("summary", []))
            evidence = _first(view, r, header.cols.get("evidence", []))
            if _spans_roles(view, r, name_cols, summary):
                summary = evidence = None  # one cell across the row: a note, not a data row
                code_text = "" if not normalise_code(code_text) else code_text
                name = ""
            if started and prev is not None and _tail_of(prev, view, r, code_text, header, evidence):
                prev.name = " ".join(x for x in (prev.name, name) if x)
                prev.summary = _joined(prev.summary, summary)
                prev.evidence = _joined(prev.evidence, evidence)
                continue
            has_value = bool(summary and match_key(summary.text)) or bool(
                evidence and match_key(evidence.text))
            if not (code_text or (name and has_value)):
                heading = _group_heading(view, r)
                if heading is not None:
                    groups = [heading] if _is_group(heading) else [*groups[:1], heading]
                    continue
                if started and not any(_own_text(view, r, k) for k in cat_cols):
                    break  # notes or the next part of the sheet: the table has ended
                continue
            started = True
            for k in cat_cols:
                cell = view.at(r, k)
                if cell is not None and cell.row == r and match_key(cell.text):
                    carried[k] = flat(cell.text)
                    # a new group clears the finer columns to its right
                    for j in [j for j in carried if j > k]:
                        del carried[j]
            if prev is not None:
                yield prev
            prev = SummaryRow(table=seg.table, view=view, row=r, code_text=code_text,
                              code=normalise_code(code_text), name=name, summary=summary,
                              evidence=evidence,
                              categories=[*groups, *(carried[k] for k in sorted(carried))])
    if prev is not None:
        yield prev


def _group_heading(view: GridView, r: int) -> str | None:
    """The text of a row that only names a group or subgroup, else None."""
    texts = {flat(c.text) for c in view.filled(r)}
    if len(texts) != 1:
        return None
    text = texts.pop()
    return text if _GROUP_ROW.match(text) and len(text) <= 30 else None


def _is_group(text: str) -> bool:
    return bool(re.match(r"^\s*[A-C]\s*[.)]", text))


def _spans_roles(view: GridView, r: int, name_cols: list[int], summary: Cell | None) -> bool:
    return summary is not None and any(view.own(r, k) is summary for k in name_cols)


def _own_text(view: GridView, r: int, k: int) -> str:
    cell = view.own(r, k)
    return cell.text if cell is not None else ""


def _first(view: GridView, r: int, cols: list[int]) -> Cell | None:
    for k in cols:
        cell = view.own(r, k)
        if cell is not None:
            return cell
    return None
