"""The self-assessment as rows of roled cells, whatever the table looks like.

Two layouts are common: a '단계' column naming the stage of each 소분류 row ('요건충족
단계', often merged over a 중분류's 소분류 rows), or one column per stage (착수 … 최적화)
with a mark (●, ○, V, O, ✓) in the chosen one. Columns are found by their header's
meaning, never by position; a table continued on the next page without its header reuses
the previous table's columns.
Without any table (an OCR'd scan), each printed line is a row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract, Table
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import Stage
from smartcert.schemas.mapping.classify_signals import stage_of
from smartcert.schemas.mapping.keyvalue import Item, cell_item, label_rank, span_item

NARRATIVE = ["자체평가내용", "평가내용", "자체평가의견", "주요실적", "추진실적", "내용", "세부내용"]
STAGE_HEAD = ["단계", "자체평가단계", "평가단계", "추진단계", "수준", "자체평가"]
LABEL_HEAD = ["구분", "중분류", "평가항목", "항목", "세부항목", "평가지표"]
# A mark in a stage column; strong marks win over hollow ones printed in the other columns.
STRONG_MARKS = frozenset("●◉■✓✔√☑★◆VvＶ")
HOLLOW_MARKS = frozenset("○◯OoＯ◎□")


@dataclass(frozen=True)
class Roles:
    narrative: frozenset[int] = frozenset()
    stage: frozenset[int] = frozenset()  # a column naming the stage
    marks: dict[int, Stage] = field(default_factory=dict)  # column → stage it marks
    n_cols: int = 0


@dataclass(frozen=True)
class RowCell:
    item: Item
    role: str  # 'narrative', 'stage', 'mark', 'label'
    stage: Stage | None = None
    rowspan: int = 1  # a table cell merged over the rows below it


def mark_of(text: str) -> str | None:
    key = match_key(text)
    return key if len(key) == 1 and (key in STRONG_MARKS or key in HOLLOW_MARKS) else None


def _header(table: Table, rs: RuleSet) -> tuple[Roles, int] | None:
    """Column roles from the first rows, and the first data row; None if no header."""
    narrative: set[int] = set()
    stage: set[int] = set()
    marks: dict[int, Stage] = {}
    last = -1
    by_row: dict[int, list] = defaultdict(list)
    for c in table.cells:
        by_row[c.row].append(c)
    for r in range(min(table.n_rows, 4)):
        cells = by_row.get(r, [])
        staged = {c.col: st for c in cells if c.colspan == 1 and (st := stage_of(c.text, rs))}
        if len(set(staged.values())) >= 3:
            marks.update(staged)
            last = r
            continue
        hit = False
        for c in cells:
            cols = set(range(c.col, c.col + c.colspan))
            if label_rank(c.text, NARRATIVE) is not None:
                narrative |= cols
                hit = True
            elif label_rank(c.text, STAGE_HEAD) is not None:
                stage |= cols
                hit = True
            elif label_rank(c.text, LABEL_HEAD) is not None:
                hit = True
        if not hit:
            break
        last = r
    if last < 0:
        return None
    return Roles(frozenset(narrative), frozenset(stage - set(marks)), marks, table.n_cols), last + 1


def _labels_at(roles: Roles, col: int) -> bool:
    """A label column: a 중분류 heading merged across the table starts there."""
    return bool(roles.narrative or roles.stage) and col not in (
        roles.narrative | roles.stage | set(roles.marks))


def _table_rows(table: Table, roles: Roles, start: int, rs: RuleSet) -> list[list[RowCell]]:
    rows: dict[int, list[RowCell]] = defaultdict(list)
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if c.row < start or not c.text.strip():
            continue
        it, span = cell_item(table, c), c.rowspan
        if c.col in roles.marks:
            if mark_of(c.text):
                rows[c.row].append(RowCell(it, "mark", roles.marks[c.col], span))
        elif roles.narrative & set(range(c.col, c.col + c.colspan)) and not _labels_at(roles, c.col):
            rows[c.row].append(RowCell(it, "stage", st, span) if (st := stage_of(c.text, rs))
                               else RowCell(it, "narrative", rowspan=span))
        elif c.col in roles.stage:
            rows[c.row].append(RowCell(it, "stage", stage_of(c.text, rs), span))
        elif (st := stage_of(c.text, rs)) is not None:
            rows[c.row].append(RowCell(it, "stage", st, span))
        else:
            rows[c.row].append(RowCell(it, "narrative" if len(it.key) > 30 else "label",
                                       rowspan=span))
    return [rows[r] for r in sorted(rows)]


def _span_rows(doc: DocumentExtract, rs: RuleSet) -> list[list[RowCell]]:
    """Printed lines in reading order, one row each (no table was detected)."""
    lines: list[list[Item]] = []
    for s in sorted(doc.spans, key=lambda s: (s.page, s.bbox[1] if s.bbox else 0.0)):
        it = span_item(s)
        last = lines[-1][-1] if lines else None
        if (last is not None and last.page == it.page and last.bbox and it.bbox
                and it.bbox[1] < (last.bbox[1] + last.bbox[3]) / 2):
            lines[-1].append(it)
        else:
            lines.append([it])
    rows: list[list[RowCell]] = []
    for line in lines:
        row = []
        for it in sorted(line, key=lambda i: i.bbox[0] if i.bbox else 0.0):
            st = stage_of(it.text, rs)
            role = "stage" if st else ("narrative" if len(it.key) > 30 else "label")
            row.append(RowCell(it, role, st))
        rows.append(row)
    return rows


def assessment_rows(doc: DocumentExtract, rs: RuleSet) -> list[list[RowCell]]:
    """Every data row of the document's assessment tables, in reading order."""
    rows: list[list[RowCell]] = []
    previous: Roles | None = None
    for table in sorted(doc.tables, key=lambda t: (t.pages[0] if t.pages else 0)):
        found = _header(table, rs)
        if found is not None:
            previous, start = found
        elif previous is not None and previous.n_cols == table.n_cols:
            start = 0  # continued on the next page without its header row
        else:
            continue
        rows += _table_rows(table, previous, start, rs)
    return rows or _span_rows(doc, rs)
