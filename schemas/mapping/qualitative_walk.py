"""The self-assessment's rows (`qualitative_rows`) walked in reading order into 중분류
blocks and their 소분류 rows.

A label naming a 중분류 (fuzzily: '민간 시민 역량', '2. 민간·시민역량') opens that block; a
소분류 label ('2.3 리빙랩', '1.1 스마트도시협의체') opens one of its rows, by name first
(the form prints '2.1 무선통신망' for the criteria table's 2.2), by number within the open
block when the name is unreadable; a closing row ('종합 자체평가 의견', a 대분류 heading)
ends the block. Stage, mark and narrative cells belong to the row they are printed on; a
cell merged over the rows below belongs to each of them; a row without a label continues
the row above.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from smartcert.core.findings import Finding
from smartcert.core.normalize import match_key, tidy
from smartcert.core.textmatch import best_match
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.program import QualitativeItem, QualitativeUnit
from smartcert.schemas.mapping import rules as R
from smartcert.schemas.mapping.classify_signals import strip_numbering
from smartcert.schemas.mapping.keyvalue import location
from smartcert.schemas.mapping.qualitative_rows import RowCell
from smartcert.schemas.mapping.rules import make_finding
from smartcert.schemas.mapping.settings import MAPPING

_TOP_NUMBER = re.compile(r"^\s*(?:\d+|[IVXⅠ-Ⅹ]+)\s*[.)]\s*\S")
# '2.3 리빙랩', '1.5. 교육' — at most two digits a side, so '2024. 3. 신설' is no 소분류
_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})\s*\.\s*(\d{1,2})(?!\d)\.?")
_CLOSERS = ("종합", "의견", "총평", "대분류", "소계", "합계")


@dataclass
class Row:
    """A 소분류 row (`item` set, or `printed` only when the catalogue has no such 소분류),
    or the block's 중분류 row (`heading`), with the cells that belong to it."""

    label: RowCell
    printed: str
    item: QualitativeItem | None = None
    heading: bool = False
    cells: list[RowCell] = field(default_factory=list)
    _seen: set[int] = field(default_factory=set)

    def attach(self, rc: RowCell) -> None:
        if id(rc) not in self._seen:  # a merged cell reaches a row once
            self._seen.add(id(rc))
            self.cells.append(rc)


@dataclass
class Block:
    """A 중분류 as printed: its heading (or the first row that named it) and its 소분류 rows."""

    unit: QualitativeUnit | None
    head: Row
    rows: dict[str, Row] = field(default_factory=dict)  # by 소분류 number (or printed label)

    @property
    def printed(self) -> str:
        return self.head.printed


class Catalogue:
    """The 중분류 and 소분류 by every name they are printed with."""

    def __init__(self, rs: RuleSet) -> None:
        self.units = list(rs.qualitative.units) if rs.qualitative else []
        subgroups = {s.id: s for s in rs.structure.subgroups}
        self.groups = [n for g in rs.structure.groups for n in (g.name, *g.aliases)]
        self.names: list[tuple[str, QualitativeUnit]] = []
        self.items: list[tuple[str, QualitativeUnit, QualitativeItem]] = []
        for u in self.units:
            sg = subgroups.get(u.subgroup)
            extra = [sg.name, *sg.aliases] if sg else []
            self.names += [(n, u) for n in (u.name, *u.aliases, *extra)]
            self.items += [(n, u, i) for i in u.items for n in (i.name, *i.aliases)]

    def unit(self, text: str) -> QualitativeUnit | None:
        m = best_match(strip_numbering(text), [n for n, _ in self.names], MAPPING.label)
        return self.names[m.index][1] if m else None

    def item(self, text: str, within: QualitativeUnit | None
             ) -> tuple[QualitativeUnit, QualitativeItem] | None:
        m = best_match(strip_numbering(text), [n for n, _, _ in self.items], MAPPING.label)
        if m is not None:
            _, unit, item = self.items[m.index]
            return unit, item
        number = _ITEM_NUMBER.match(text)
        if number is None or within is None:
            return None
        printed = f"{number.group(1)}.{number.group(2)}"  # the name is unreadable (OCR)
        hit = next((i for i in within.items if printed in (i.number, i.form_number)), None)
        return (within, hit) if hit is not None else None

    def closes(self, text: str) -> bool:
        key = match_key(text)
        return any(w in key for w in _CLOSERS) or best_match(
            strip_numbering(text), self.groups, MAPPING.label) is not None


class Walk:
    """Feeds rows in reading order; `blocks` holds the 중분류 found, in order."""

    def __init__(self, catalogue: Catalogue, doc: DocumentExtract,
                 findings: list[Finding]) -> None:
        self.catalogue, self.doc, self.findings = catalogue, doc, findings
        self.blocks: dict[str, Block] = {}
        self.block: Block | None = None
        self.row: Row | None = None
        self._below: dict[tuple[str, int], list[RowCell]] = defaultdict(list)

    def feed(self, cells: list[RowCell]) -> None:
        if not cells:
            return
        for rc in cells:
            if rc.role == "label":
                self._label(rc)
        it = cells[0].item
        own = [rc for rc in cells if rc.role != "label"]
        merged = self._below.pop((it.table, it.row), []) if it.table is not None else []
        for rc in own:
            if rc.rowspan > 1 and rc.item.table is not None:
                for r in range(rc.item.row + 1, rc.item.row + rc.rowspan):
                    self._below[(rc.item.table, r)].append(rc)
        if self.row is not None:
            for rc in (*own, *merged):
                self.row.attach(rc)

    def _label(self, rc: RowCell) -> None:
        text = rc.item.text
        within = self.block.unit if self.block else None
        if _ITEM_NUMBER.match(text):
            hit = self.catalogue.item(text, within)
            if hit is not None:
                self._open_item(rc, *hit)
            elif self.block is not None:
                self._unknown(rc)
                self._open_row(self.block, match_key(text), Row(rc, tidy(text)))
            return
        unit = self.catalogue.unit(text)
        hit = None if unit is not None else self.catalogue.item(text, None)
        if unit is not None:
            self._open_block(unit.id, unit, rc)
        elif hit is not None:
            self._open_item(rc, *hit)
        elif _TOP_NUMBER.match(text):
            self._unknown(rc)
            self._open_block(tidy(text), None, rc)
        elif self.catalogue.closes(text):
            self.block, self.row = None, None  # '종합 자체평가 의견', a 대분류 heading
        elif self.row is not None:
            self.row.attach(RowCell(rc.item, "narrative"))  # running text (or OCR noise)

    def _unknown(self, rc: RowCell) -> None:
        self.findings.append(make_finding(R.UNKNOWN_QUALITATIVE_UNIT,
                                          [location(self.doc, rc.item)],
                                          claimed=rc.item.text, text=tidy(rc.item.text)))

    def _open_block(self, key: str, unit: QualitativeUnit | None, rc: RowCell) -> None:
        block = self.blocks.get(key)  # a 중분류 continued on the next page
        if block is None:
            block = self.blocks[key] = Block(unit, Row(rc, tidy(rc.item.text), heading=True))
        self.block, self.row = block, block.head

    def _open_item(self, rc: RowCell, unit: QualitativeUnit, item: QualitativeItem) -> None:
        if self.block is None or self.block.unit is not unit:  # no 중분류 row printed
            self._open_block(unit.id, unit, rc)
        assert self.block is not None
        self._open_row(self.block, item.number, Row(rc, tidy(rc.item.text), item))

    def _open_row(self, block: Block, key: str, row: Row) -> None:
        self.row = block.rows.setdefault(key, row)  # a 소분류 continued on the next page

