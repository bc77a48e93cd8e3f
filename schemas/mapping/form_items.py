"""A data form's list tables → `ListedItem`s (awards, sessions, events, ordinances, plans …).

A table is taken as one of the catalogue's lists when its header reads as that list's
fields (any order, letter-spaced or not); columns the catalogue does not name are typed
by their header words (…일/일시/시기 → date, …기관 → org). Each body row becomes an item
with its number, name, category (merged cells carried down), date or span, amount and
organisation parsed, and every cell kept as printed. Total rows are not items. A cell
listing several entries ('총 7개' + '- …' lines under a '…목록' header) gives one item each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from smartcert.core.normalize import match_key
from smartcert.core.values import DateSpan, parse_date, parse_number, parse_span, parse_value
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue.indicators import Indicator, ItemField, ItemList
from smartcert.schemas.claims import FieldValue, ListedItem
from smartcert.schemas.mapping.form_cells import header_rows, label_row
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.stream import Block
from smartcert.schemas.mapping.tables import (
    cell_location,
    flat,
    is_total_label,
    label_score,
    row_location,
)

_GUESS = (  # header words → role, for columns the catalogue does not name
    ("no", ("no", "no.", "번호", "순번", "연번")),
    ("date", ("일시", "일자", "시기", "개최일", "참여일", "수립일", "제정일", "협약일", "착수",
              "도입시기", "날짜")),
    ("span", ("기간", "운영기간")),
    ("year", ("연도", "년도", "기준연도")),
    ("amount", ("금액", "예산", "사업비", "투자액")),
    ("org", ("기관", "주최", "수여")),
    ("dept", ("부서", "담당")),
    ("category", ("구분", "분류", "유형", "카테고리", "부문", "분야")),
    ("name", ("명", "명칭", "이름", "제목")),
)
_BULLET = re.compile(r"^\s*[-·•○▪◦*]\s*(.+)$")


@dataclass
class _Col:
    col: int
    header: str
    role: str
    field: ItemField | None


def _guess(header: str) -> str:
    key = match_key(header).lower()
    for role, words in _GUESS:
        if any(key == w or key.endswith(w) or (len(w) >= 2 and w in key) for w in words):
            return role
    return "text"


_YEAR_CELL = re.compile(r"(?:19|20)\d{2}년?")
_NO_CELL = re.compile(r"\d{1,3}\.?")


def _own_texts(block: Block, k: int) -> list[str]:
    """The keys of the body cells anchored in column `k`."""
    view, heads = block.view, header_rows(block)
    return [match_key(c.text) for r in range(heads.stop, block.stop)
            if (c := view.at(r, k)) is not None and c.row == r and c.col == k
            and match_key(c.text)]


def _content_role(block: Block, k: int) -> str | None:
    """What a column under a header shared with its neighbour holds, from its cells: the
    call's C-11-2 prints 'No.' over two columns, the year and the number."""
    texts = _own_texts(block, k)
    if not texts:
        return None
    for role, pattern in (("year", _YEAR_CELL), ("no", _NO_CELL)):
        if sum(1 for x in texts if pattern.fullmatch(x)) >= 0.6 * len(texts):
            return role
    return None


def _columns(block: Block, fields: list[ItemField]) -> list[_Col]:
    view, heads = block.view, header_rows(block)
    out: list[_Col] = []
    shared: set[int] = set()
    for k in range(view.n_cols):
        cell = view.at(heads.stop - 1, k) or view.at(heads.start, k)
        if cell is None or not flat(cell.text):
            continue
        if cell.colspan > 1:
            shared.add(k)
            if cell.col != k and not _own_texts(block, k):
                continue  # a merged header over one column of content: one column
        out.append(_Col(k, flat(cell.text), "text", None))
    scored = sorted(((label_score(c.header, [f.name]), -i, c, f) for i, c in enumerate(out)
                     for f in fields), key=lambda t: (t[0], t[1]), reverse=True)
    taken: set[str] = set()
    for s, _, col, f in scored:
        if s < 75 or col.field is not None or f.name in taken or col.col in shared:
            continue
        col.field, col.role = f, f.role
        taken.add(f.name)
    own_roles = {c.role for c in out if c.col not in shared and c.field is not None}
    for col in out:
        if col.col in shared:
            # the header names both columns: their cells say which is which; a number
            # beside a group's name under '부문' (A-3-7) numbers the group, not the item
            role = _content_role(block, col.col) or _guess(col.header)
            if role == "no" and "no" in own_roles:
                role = "category"
            col.field = next((f for f in fields if f.role == role and f.name not in taken), None)
            col.role = role
            if col.field is not None:
                taken.add(col.field.name)
        elif col.field is None:
            col.role = _guess(col.header)
    if fields and not any(c.role == "name" for c in out):
        # 'API 적용 서비스' for 서비스명: the first free-text column names the item
        free = next((c for c in out if c.field is None and c.role == "text"), None)
        if free is not None:
            free.role = "name"
    return out


def _fit(block: Block, lst: ItemList) -> float:
    """Share of the table's columns the list names; a lone hit counts only on the name
    column ('서비스명 | 2023 | 2024' is a service list, '연도 | 혜택자 수' is not)."""
    cols = _columns(block, lst.fields)
    hits = [c for c in cols if c.field is not None]
    if not cols or not hits:
        return 0.0
    if len(hits) < min(2, len(lst.fields)) and hits[0].role != "name":
        return 0.0
    return len(hits) / max(len(cols), len(lst.fields))


def _int(text: str) -> int | None:
    n = parse_number(text.strip().rstrip("."))
    return int(n) if n is not None and n == n.to_integral_value() else None


def _item(doc: DocumentExtract, block: Block, r: int, cols: list[_Col],
          list_id: str | None) -> list[ListedItem]:
    view = block.view
    cells: list[FieldValue] = []
    item = ListedItem(list_id=list_id)
    names: list[str] = []
    bullets: list[str] = []
    for col in cols:
        cell = view.at(r, col.col)
        text = flat(cell.text) if cell is not None else ""
        if cell is None:
            continue
        cells.append(FieldValue(name=col.header, text=text,
                                location=cell_location(doc, view.table, cell)))
        if not text:
            continue
        role = col.role
        if role == "no" and item.number is None:
            item.number = _int(text)
        elif role == "name":
            names.append(text)
        elif role == "category" and (item.kind is None or (
                _NO_CELL.fullmatch(match_key(item.kind)) and not _NO_CELL.fullmatch(match_key(text)))):
            item.kind = text  # a group's name wins over its number ('스마트 안전' over '1')
        elif role in ("date", "span", "year"):
            # several date columns (도입 시기, 의견 반영 시기): the last is the event counted
            _dates(item, text, role)
        elif role == "amount" and item.amount is None:
            pv = parse_value(text)
            item.amount = pv.number if pv.number is not None else parse_number(text)
            item.amount_unit = (col.field.unit if col.field and col.field.unit else pv.unit)
        elif role in ("org", "dept") and (item.org is None or role == "org"):
            item.org = text  # the awarding/hosting body wins over the department
        if "목록" in match_key(col.header):
            bullets = [m.group(1).strip() for ln in (cell.text or "").split("\n")
                       if (m := _BULLET.match(ln))]
    item.name = names[-1] if names else None
    item.cells = cells
    item.text = " | ".join(c.text for c in cells if c.text)
    item.location = row_location(doc, view, r)
    if len(bullets) >= 2:
        return [item.model_copy(update={"name": b, "org": item.org or item.name,
                                        "cells": [*cells, FieldValue(name="항목", text=b)]})
                for b in bullets]
    return [item]


def _dates(item: ListedItem, text: str, role: str) -> None:
    head = re.split(r"\s*\(", text)[0]  # "42개소 ('24.12 기준)" → the date is not the row's
    if role == "span":
        span = parse_span(head)
        date = None if span else parse_date(head)
        if date is not None:  # a period of one month ("'25.07"): start and end alike
            span, date = DateSpan(start=date, end=date), None
    else:
        date = parse_date(head)
        span = None if date else parse_span(head)
    if date is not None or span is not None or item.date_text is None:
        item.date, item.span, item.date_text = date, span, text


def _rows(block: Block, cols: list[_Col]) -> list[int]:
    view, heads = block.view, header_rows(block)
    out = []
    for r in range(heads.stop, block.stop):
        if view.is_blank(r):
            continue
        first = view.at(r, 0)
        named = [view.at(r, c.col) for c in cols if c.role in ("no", "name", "category", "year")]
        # a total row (its 총계 may be merged down over the letters row under it) and a row
        # of letters '(A) | (B) | (B/A)*100' are not items
        if (first is not None and is_total_label(first.text)) or any(
                c is not None and is_total_label(c.text) for c in named):
            continue
        if label_row(view, r) is not None:
            continue
        out.append(r)
    return out


def _page(block: Block, r: int) -> int | None:
    return next((c.page for c in block.view.anchors(r) if c.page is not None), None)


def _continues(block: Block, r: int, cols: list[_Col], prev: int | None) -> bool:
    """A row that carries on the item above: its No. and name are the merged cells of an
    earlier row (C-2-4: one system over its two 주요기능 rows), or left empty there; or,
    at the top of a new page, a row with no No. of its own under a numbered list — the
    tail of a row the word processor broke across the page ('시민 강좌 4 기')."""
    ident = [c for c in cols if c.role in ("no", "name")]
    if not ident or prev is None:
        return False
    own = {c.role: flat(cell.text) for c in ident
           if (cell := block.view.at(r, c.col)) is not None and cell.row == r}
    if not any(own.values()):
        return True
    here, before = _page(block, r), _page(block, prev)
    if here is None or before is None or here <= before:
        return False
    if any(c.role == "no" for c in ident):
        return not own.get("no")
    # no No. column: the name's tail alone on the row
    return all(not flat(cell.text) for c in cols if c.role not in ("no", "name")
               and (cell := block.view.at(r, c.col)) is not None and cell.row == r)


def _extend(doc: DocumentExtract, block: Block, r: int, cols: list[_Col],
            item: ListedItem) -> None:
    """The continuation row's own cells join the item (as printed, in place)."""
    view = block.view
    for col in cols:
        cell = view.at(r, col.col)
        if cell is None or cell.row != r or not flat(cell.text):
            continue
        item.cells.append(FieldValue(name=col.header, text=flat(cell.text),
                                     location=cell_location(doc, view.table, cell)))
        if col.role == "name" and item.name and cell.row == r:
            item.name = f"{item.name} {flat(cell.text)}"
    item.text = " | ".join(c.text for c in item.cells if c.text)


def read_items(doc: DocumentExtract, ind: Indicator | None,
               blocks: list[Block]) -> tuple[list[ListedItem], list[Block]]:
    """Items of the form's list tables, and the blocks they came from."""
    lists = ind.form.lists if ind is not None and ind.form is not None else []
    items: list[ListedItem] = []
    used: list[Block] = []
    for block in blocks:
        if block.stop - block.start < 2:
            continue
        best = max(lists, key=lambda lst: _fit(block, lst), default=None)
        fit = _fit(block, best) if best is not None else 0.0
        if best is not None and fit > 0:
            cols, list_id = _columns(block, best.fields), best.id
        elif ind is None or ind.form is None or ind.form.free:
            cols, list_id = _columns(block, []), None  # 자체 설정 지표: no catalogue form
        elif len(lists) == 1 and _columns(block, [])[0].role == "name":
            # '서비스명 | 2023 | 2024': a list of named entries the catalogue words otherwise
            cols, list_id = _columns(block, lists[0].fields), lists[0].id
            for c in cols:
                if c.field is None and c.role == "text":
                    c.role = _guess(c.header)
        else:
            continue
        used.append(block)
        mine: list[ListedItem] = []
        prev: int | None = None
        for r in _rows(block, cols):
            if mine and _continues(block, r, cols, prev):
                _extend(doc, block, r, cols, mine[-1])
            else:
                mine += _item(doc, block, r, cols, list_id)
            prev = r
        items += mine
    return items, used


def column_sum(items: list[ListedItem], header: str) -> Decimal | None:
    """Sum of one column over items (for components a list adds up to)."""
    total, seen = Decimal(0), False
    for it in items:
        for c in it.cells:
            if label_score(c.name, [header]) >= MAPPING.label:
                n = parse_value(c.text).number
                if n is not None:
                    total, seen = total + n, True
                break
    return total if seen else None
