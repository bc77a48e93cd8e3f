"""Reading label → value pairs out of an extraction, whatever the layout.

Forms print a label ('기 관 명', '신청유형', '선택 서비스 분야(3개)') and its value in the
cell to the right or below, inline after a colon ('※ 신청 유형: 중소도시'), or as a separate
run on the same line when no table was detected (OCR). Labels are matched fuzzily on
their jamo keys, so letter spacing, a missing space or one OCR slip still match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key, tidy
from smartcert.core.textmatch import jamo
from smartcert.extractors.models import Cell, DocumentExtract, Span, Table
from smartcert.schemas.mapping.settings import MAPPING

# Bullets and list markers that precede labels in running text.
_LEAD = re.compile(r"^[\s※○●◦■□▶▷◆◇•·\-–*]+")
# A parenthesised note right after a label: '선택 서비스 분야(3개)', '인구(명)'.
_NOTE = re.compile(r"\([^()]{0,12}\)$")


@dataclass(frozen=True)
class Item:
    """One piece of printed text: a table cell or a span, with where it sits."""

    text: str
    key: str
    page: int
    bbox: tuple[float, float, float, float] | None = None
    sheet: str | None = None
    ref: str | None = None
    size: float | None = None
    table: str | None = None
    row: int = -1
    col: int = -1
    index: int | None = None  # paragraph index (Word files)


@dataclass(frozen=True)
class LabelValue:
    """A value read next to a label, with the label that found it (its rank = preference)."""

    label: str
    rank: int
    text: str
    item: Item
    how: str  # 'right', 'below', 'inline', 'line'
    label_at: tuple[int, int] | None = None  # (row, col) of the label cell in its table


def cell_item(table: Table, cell: Cell) -> Item:
    page = cell.page or (table.pages[0] if table.pages else 1)
    return Item(text=cell.text, key=cell.key or match_key(cell.text), page=page, bbox=cell.bbox,
                sheet=table.sheet, ref=cell.ref, table=table.id, row=cell.row, col=cell.col)


def span_item(span: Span) -> Item:
    return Item(text=span.text, key=span.key or match_key(span.text), page=span.page,
                bbox=span.bbox, size=span.size, index=span.index)


def location(doc: DocumentExtract, item: Item) -> Location:
    """Where a reviewer sees `item`: a sheet cell for workbooks, else page and region."""
    if item.sheet is not None:
        return Location(file=doc.file, sheet=item.sheet, cell=item.ref)
    return Location(file=doc.file, page=item.page, bbox=item.bbox)


def _bare(text: str) -> str:
    """The label part of a label cell: bullets and a trailing colon dropped."""
    return _LEAD.sub("", text).strip().rstrip(":：").strip()


def label_rank(text: str, labels: Sequence[str]) -> int | None:
    """The index of the label `text` is (fuzzily), or None. Only short texts are labels."""
    return _label_rank(text, tuple(labels))


@lru_cache(maxsize=1 << 16)
def _label_rank(text: str, labels: tuple[str, ...]) -> int | None:
    k = match_key(_bare(text))
    if not k or len(k) > 24:
        return None
    tk = jamo(_NOTE.sub("", k) or k)
    best: tuple[float, int] | None = None
    for i, lk in enumerate(_label_keys(labels)):
        # ratio >= 85 is impossible when the lengths differ this much: skip the work
        if 2 * min(len(tk), len(lk)) < 0.85 * (len(tk) + len(lk)):
            continue
        s = fuzz.ratio(tk, lk)
        if s >= MAPPING.label and (best is None or s > best[0]):
            best = (s, i)
    return None if best is None else best[1]


@lru_cache(maxsize=256)
def _label_keys(labels: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(jamo(match_key(lab)) for lab in labels)


def is_any_label(text: str, vocab: Sequence[str]) -> bool:
    return label_rank(text, vocab) is not None


def _covering(table: Table) -> dict[tuple[int, int], Cell]:
    """(row, col) → the anchor cell covering it (merges included)."""
    grid: dict[tuple[int, int], Cell] = {}
    for c in table.cells:
        for r in range(c.row, c.row + c.rowspan):
            for col in range(c.col, c.col + c.colspan):
                grid[(r, col)] = c
    return grid


def _table_values(table: Table, labels: Sequence[str], vocab: Sequence[str]) -> list[LabelValue]:
    grid = _covering(table)
    out: list[LabelValue] = []
    for c in table.cells:
        rank = label_rank(c.text, labels)
        if rank is None:
            continue
        right = [grid.get((c.row, col)) for col in range(c.col + c.colspan, table.n_cols)]
        below = [grid.get((r, c.col)) for r in range(c.row + c.rowspan, table.n_rows)]
        for how, line in (("right", right), ("below", below)):
            value = _first_value(c, line, vocab)
            if value is not None:
                out.append(LabelValue(labels[rank], rank, tidy(value.text),
                                      cell_item(table, value), how, (c.row, c.col)))
                break
    return out


def _first_value(label: Cell, line: Iterable[Cell | None], vocab: Sequence[str]) -> Cell | None:
    """The first non-empty cell along `line` unless another label comes first."""
    for cell in line:
        if cell is None or cell is label or not cell.text.strip():
            continue
        return None if is_any_label(cell.text, vocab) else cell
    return None


def _facts(text: str, vocab: Sequence[str]) -> list[tuple[str, str]]:
    """'label: value' pairs of one line, several facts included:
    '신청기관: 한빛시    신청유형: 대도시' → [('신청기관', '한빛시'), ('신청유형', '대도시')].

    A colon starts a new fact only where the words before it are a label of the form; any
    other colon ('10:30', '비고: 별첨 2: 목록') stays in the value."""
    pieces = re.split(r"[:：]", _LEAD.sub("", text))
    if len(pieces) < 2:
        return []
    facts: list[tuple[str, str]] = []
    head, value = pieces[0].strip(), ""
    for n, piece in enumerate(pieces[1:], start=1):
        words = piece.split()
        cut = None
        if n < len(pieces) - 1:
            # the longest trailing run of words (one word at least stays the value) that
            # is itself a label: the next fact's label
            cut = next((j for j in range(1, len(words))
                        if is_any_label(" ".join(words[j:]), vocab)), None)
        if cut is None:
            value = f"{value}:{piece}" if value else piece
            continue
        facts.append((head, f"{value}:{' '.join(words[:cut])}" if value
                      else " ".join(words[:cut])))
        head, value = " ".join(words[cut:]), ""
    facts.append((head, value))
    return [(h, v.strip()) for h, v in facts if h and v.strip()]


def _split_inline(text: str, labels: Sequence[str],
                  vocab: Sequence[str]) -> list[tuple[int, str]]:
    """'※ 신청 유형: 중소도시 (…)' → [(rank of '신청유형', '중소도시 (…)')], one pair per
    fact of the line whose label is one of `labels`."""
    if ":" not in text and "：" not in text:
        return []
    out = []
    for head, rest in _facts(text, [*vocab, *labels]):
        rank = label_rank(head, labels)
        if rank is not None:
            out.append((rank, rest))
    return out


def _label_item(table: Table, v: LabelValue) -> Item:
    cell = next((c for c in table.cells if (c.row, c.col) == v.label_at), None)
    return v.item if cell is None else cell_item(table, cell)


def _same_line(a: Item, b: Item) -> bool:
    if a.bbox is None or b.bbox is None or a.page != b.page:
        return False
    mid = (b.bbox[1] + b.bbox[3]) / 2
    return a.bbox[1] - 1 <= mid <= a.bbox[3] + 1 and b.bbox[0] >= a.bbox[2] - 1


def find_values(doc: DocumentExtract, labels: Sequence[str], vocab: Sequence[str],
                keep: Callable[[Item], bool] | None = None) -> list[LabelValue]:
    """Every value printed next to one of `labels` (most preferred label first, then page).

    `vocab` is every label of the form: a neighbour that is itself a label is not a value.
    `keep` limits the text read (e.g. to a proposal's cover); label and value must pass.
    Table neighbours come first, then 'label: value' text, then a run on the same line.
    """
    ok = keep or (lambda _: True)
    out = [v for t in doc.tables for v in _table_values(t, labels, vocab)
           if ok(v.item) and ok(_label_item(t, v))]
    seen = {(v.item.page, match_key(v.text)) for v in out}
    cells = [it for t in doc.tables for c in t.cells if ok(it := cell_item(t, c))]
    spans = [it for s in doc.spans if ok(it := span_item(s))]
    for it in cells + spans:
        for rank, rest in _split_inline(it.text, labels, vocab):
            if (it.page, match_key(rest)) not in seen:
                out.append(LabelValue(labels[rank], rank, tidy(rest), it, "inline"))
                seen.add((it.page, match_key(rest)))
    for it in spans:
        rank = label_rank(it.text, labels)
        if rank is None:
            continue
        right = sorted((s for s in spans if _same_line(it, s)),
                       key=lambda s: s.bbox[0] if s.bbox else 0.0)
        if right and not is_any_label(right[0].text, vocab):
            v = right[0]
            if (v.page, v.key) not in seen:
                out.append(LabelValue(labels[rank], rank, tidy(v.text), v, "line"))
                seen.add((v.page, v.key))
    out.sort(key=lambda v: (v.rank, v.item.page))
    return out

