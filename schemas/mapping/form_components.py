"""A data form's figures → the catalogue's components (A, B, ratio, 국내/국외, O/X …).

Each component is matched to the body cell whose column header and row label read like
its label ('2023 인구수(만명)' = row 2023 × column 인구수(만명); 'CCTV 수 총계' = column
CCTV 수 × the 총계 row), or whose header carries its letter '(A)'. Best pairs are taken
first, each cell once. What the tables do not show is read from the form's own summary
cell ('API 제공 8종 674건', '정보보안 지침 O 정보보안 계획 O', '국내 7건 국외 2건').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from smartcert.core.normalize import match_key
from smartcert.core.textmatch import similarity
from smartcert.core.values import parse_value
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue.indicators import ComponentSpec as FormComponent
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import Basis, Component
from smartcert.schemas.mapping.form_cells import BodyCell
from smartcert.schemas.mapping.form_locate import FormBlock
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.tables import TOTAL_LABELS, cell_location, flat, is_total_label

_NUMERIC_ROLES = frozenset({"input", "total", "derived"})
_GENERIC_COLS = frozenset({"값", "수치", "내용", "실적", "건수", "수량", "수", "비고", "현황"})


def _k(text: str) -> str:
    # '(A)', '(천명)' stay: units tell 인구수(만명) from 인구수(천명) only weakly, letters matter
    return match_key(text).lower()


def _tokens(text: str) -> set[str]:
    return {match_key(t).lower() for t in re.split(r"[\s/()·]+", text) if match_key(t)}


def _contained(part: str, label: str) -> bool:
    pk, lk = _k(part), _k(label)
    if not pk:
        return False
    return pk in _tokens(label) or (len(pk) >= 2 and pk in lk)


@dataclass(frozen=True)
class _Layout:
    """What the form's tables say about each block (by id), for scoring the pairs."""

    totals: frozenset[int]  # blocks with a 총계/합계 row
    lists: frozenset[int]  # blocks with two body rows or more
    periods: frozenset[int]  # blocks with rows for two years or periods
    shared: frozenset[str]  # letters printed in more than one block (C-5-1's two tables)

    @classmethod
    def of(cls, cells: list[BodyCell]) -> _Layout:
        rows: dict[int, set[int]] = {}
        years: dict[int, set[int]] = {}
        letters: dict[str, set[int]] = {}
        for c in cells:
            b = id(c.block)
            if not c.total_row:
                rows.setdefault(b, set()).add(c.row)
                years.setdefault(b, set()).update(c.years)
            if c.letter:
                letters.setdefault(c.letter, set()).add(b)
        return cls(totals=frozenset(id(c.block) for c in cells if c.total_row),
                   lists=frozenset(b for b, rs in rows.items() if len(rs) >= 2),
                   periods=frozenset(b for b, ys in years.items() if len(ys) >= 2),
                   shared=frozenset(x for x, bs in letters.items() if len(bs) >= 2))


def _letter(comp: FormComponent, cell: BodyCell, layout: _Layout) -> bool:
    if not comp.letter:
        return False
    if cell.letter is not None:
        if cell.letter != comp.letter:
            return False
        # a letter two tables reuse names this figure only where the labels agree too
        return comp.letter not in layout.shared or similarity(
            _k(_without_year(comp)), _k(cell.col_label)) >= MAPPING.same_figure
    pattern = rf"\(\s*{re.escape(comp.letter)}\s*\)"
    return bool(re.search(pattern, cell.col_label) or re.search(pattern, cell.row_label))


def _without_year(comp: FormComponent) -> str:
    return re.sub(rf"\b{comp.year}\b", "", comp.label) if comp.year else comp.label


def _in_list_row(comp: FormComponent, cell: BodyCell, list_block: bool) -> bool:
    """A total read from one row of a list: in A-3-2 the first API's '1,157 건' under
    '제공 건 수' is that API's count, never the form's total (a merged 카테고리 is no 계)."""
    return (comp.role == "total" and comp.year is None and list_block and not cell.total_row
            and not is_total_label(cell.col_label))


def _per_period(comp: FormComponent, cell: BodyCell, layout: _Layout) -> bool:
    """One year's ratio (C-4-2's '23.2~'24.1 row) is not the overall ratio of the form."""
    return (comp.role == "derived" and comp.year is None and not cell.total_row
            and id(cell.block) in layout.periods and bool(cell.years))


def _score(comp: FormComponent, cell: BodyCell, layout: _Layout) -> float:
    label, col, row = comp.label, cell.col_label, cell.row_label
    has_total_row = id(cell.block) in layout.totals
    if comp.role in _NUMERIC_ROLES and cell.number is None:
        return 0.0
    if _in_list_row(comp, cell, id(cell.block) in layout.lists) or _per_period(
            comp, cell, layout):
        return 0.0
    if comp.role == "flag" and cell.flag is None:
        return 0.0
    # a row label alone names the figure only in a label | value table
    alone = cell.block.view.n_cols <= 2 or _k(col) in _GENERIC_COLS
    combos = [c for c in (col, row if alone else "", f"{row} {col}", f"{col} {row}")
              if match_key(c)]
    score = max((similarity(_k(label), _k(c)) for c in combos), default=0.0)
    if _k(label) in {_k(c) for c in combos}:
        score = 100.0
    elif col and row and _contained(col, label) and _contained(row, label):
        score = max(score, 95.0)
    elif col and _contained(col, label):
        # a year column alone ('2023') says little: '2023 학습자 수' is not any 2023 figure
        weak = bool(re.fullmatch(r"(?:19|20)\d{2}년?", _k(col))) and bool(row)
        score = max(score, 60.0 if weak else 80.0 if len(_k(col)) >= 2 else 72.0)
    elif not alone and col and similarity(_k(label), _k(col)) < 35:
        score -= 20.0  # the row label alone matched: the column says something else
    if _letter(comp, cell, layout):
        score = max(score, 97.0)
    # totals, and a derived figure of no particular year (the overall ratio), sit in the
    # 총계 row when the table has one
    wants_total = (comp.role == "total" or bool(_tokens(label) & TOTAL_LABELS)
                   or (comp.role == "derived" and comp.year is None))
    if wants_total and has_total_row:
        score += 5.0 if cell.total_row else -25.0
    elif not wants_total and cell.total_row and comp.year is None:
        score -= 10.0
    if comp.year is not None:
        years = cell.years
        if years and comp.year not in years:
            score -= 30.0
        elif comp.year in years:
            # the year matches: the rest of the label need only resemble the column
            rest = _without_year(comp)
            score = max(score, 50.0 + 0.5 * similarity(_k(rest), _k(col or row)))
    return score


def _basis(comp: FormComponent, cell: BodyCell, score: float, layout: _Layout) -> Basis:
    """How certain the pairing is: the form's letter or its total row name the cell, or
    the labels read as the component's own (a near-exact score); else it is a guess."""
    if cell.letter is not None and _letter(comp, cell, layout):
        return Basis.LETTER
    if cell.total_row and (comp.role == "total" or comp.role == "derived"):
        return Basis.TOTAL_ROW
    return Basis.LABEL if score >= MAPPING.label else Basis.FUZZY


def _value(cell: BodyCell) -> Decimal | bool | None:
    return cell.number if cell.number is not None else cell.flag


def from_tables(doc: DocumentExtract, ind: Indicator, cells: list[BodyCell]) -> list[Component]:
    comps = ind.form.components if ind.form else []
    layout = _Layout.of(cells)
    pairs = []
    for comp in comps:
        for n, cell in enumerate(cells):
            s = _score(comp, cell, layout)
            if s >= MAPPING.component:
                pairs.append((s, -n, comp, cell))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    done: dict[str, Component] = {}
    used: set[int] = set()
    for score, _, comp, cell in pairs:
        if comp.id in done or id(cell.cell) in used:
            continue
        used.add(id(cell.cell))
        label = " ".join(x for x in (cell.row_label, cell.col_label) if x)
        loc = cell_location(doc, cell.block.view.table, cell.cell)
        done[comp.id] = Component(
            id=comp.id, label=label or comp.label, value=_value(cell), unit=comp.unit,
            text=flat(cell.cell.text), location=loc, cells=[loc],
            basis=_basis(comp, cell, score, layout))
    return [done[c.id] for c in comps if c.id in done]


def from_summary_cell(doc: DocumentExtract, ind: Indicator, form: FormBlock,
                      have: set[str]) -> list[Component]:
    """Components the form's 지표 row states: '8종 674건', '지침 O 계획 X', '국내 7건 국외 2건'."""
    if form.text is None or ind.form is None:
        return []
    text = flat(form.text.text)
    pv = parse_value(text)
    loc = cell_location(doc, form.anchor.view.table, form.text)
    out: list[Component] = []
    missing = [c for c in ind.form.components if c.id not in have]
    flags = [f for f in pv.flags if f.value is not None]
    flag_comps = [c for c in missing if c.role == "flag"]
    for comp in flag_comps:
        best = max(flags, key=lambda f: similarity(f.label or "", comp.label), default=None)
        if best is None:
            continue
        alone = len(flag_comps) == 1 and len(flags) == 1
        alike = similarity(best.label or "", comp.label) >= MAPPING.same_figure or bool(
            best.label and _contained(best.label, comp.label))
        if alone or alike:
            out.append(Component(id=comp.id, label=best.label or comp.label, value=best.value,
                                 unit=comp.unit, text=text, location=loc, cells=[loc],
                                 basis=Basis.FORM_CELL if alike else Basis.FUZZY))
    parts = [p for p in pv.parts if p.number is not None]
    counted = [c for c in missing if c.role in ("total", "input") and c.unit]
    for comp in counted:
        same = [p for p in parts if p.unit == comp.unit or p.base_unit == comp.unit]
        if len(same) > 1:
            same = [p for p in same if p.label and (_contained(comp.label, p.label)
                                                     or _contained(p.label, comp.label))]
        if len(same) == 1:
            out.append(Component(id=comp.id, label=same[0].label or comp.label,
                                 value=same[0].number, unit=comp.unit, text=same[0].text,
                                 location=loc, cells=[loc], basis=Basis.FORM_CELL))
    rule = ind.value_rule
    primary = rule.primary if rule is not None else None
    if primary and primary not in have and all(c.id != primary for c in out):
        comp = ind.form.component(primary)
        if comp is not None and comp.role == "derived" and len(parts) == 1:
            out.append(Component(id=comp.id, label=comp.label, value=parts[0].number,
                                 unit=comp.unit, text=text, location=loc, cells=[loc],
                                 basis=Basis.FORM_CELL))
    return out
