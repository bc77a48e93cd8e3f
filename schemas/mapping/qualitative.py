"""The qualitative self-assessment (정성지표 자체평가표) → one claim per 소분류.

The call's form (구분 | 단계 | 자체 평가내용) gives one stage per 소분류 row; 중분류 rows
are headings and '종합 자체평가 의견' closes a 대분류 (`qualitative_walk`). A stage cell
merged over several 소분류 rows is each row's stage; a stage on the 중분류 row is the stage
of its 소분류 rows that state none; a 중분류 printed without 소분류 rows is claimed as a whole
(`item` None). Only a row that itself states two stages is ambiguous. Every dated line of a
row's narrative is an achievement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from smartcert.core.findings import Finding, Location
from smartcert.core.normalize import tidy
from smartcert.core.values import DateSpan, MentionKind, PartialDate, find_dates
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet, load_ruleset
from smartcert.schemas.claims import Achievement, QualitativeClaim
from smartcert.schemas.mapping import rules as R
from smartcert.schemas.mapping.keyvalue import location
from smartcert.schemas.mapping.qualitative_rows import (
    STRONG_MARKS,
    RowCell,
    assessment_rows,
    mark_of,
)
from smartcert.schemas.mapping.qualitative_walk import Block, Catalogue, Row, Walk
from smartcert.schemas.mapping.rules import make_finding
from smartcert.schemas.mapping.unread import doc_doubt

_FUTURE = ("향후", "예정", "계획중", "추진예정")  # plans are not achievements
_BULLET = re.compile(r"^[\s■□▪●○◦•·\-–*]+")
_ITEM, _UNIT = "소분류", "중분류"
_MERGED = "단계 칸이 여러 소분류 행에 병합되어 있어 이 행에도 적용했습니다"
_FROM_HEADING = "중분류 행에 적힌 단계를 이 소분류에 적용했습니다"


def unread_doubt(doc: DocumentExtract) -> str | None:
    """Why a stage or unit not found may be the reading's miss, not the applicant's: pages
    without a usable text layer, OCR'd (no table is found on them) or not read at all.
    A finding resting on them is a warning that says so (`RuleSpec.finding(uncertain=)`)."""
    return doc_doubt(doc, "그 쪽의 표와 단계 표시를")


def _chosen(cells: list[RowCell]) -> list[RowCell]:
    """The stage cells a row claims; marks: strong ones win over hollow ones around them."""
    entries = [rc for rc in cells if rc.role == "stage" and rc.stage is not None]
    marks = [rc for rc in cells if rc.role == "mark" and rc.stage is not None]
    if marks:
        strong = [m for m in marks if mark_of(m.item.text) in STRONG_MARKS]
        entries += strong if strong and len(strong) < len(marks) else marks
    return entries


def _achievements(doc: DocumentExtract, cells: list[RowCell]) -> list[Achievement]:
    out: list[Achievement] = []
    for rc in cells:
        loc = location(doc, rc.item)
        for line in rc.item.text.splitlines():
            text = _BULLET.sub("", line).strip()
            if not text or any(w in text.replace(" ", "") for w in _FUTURE):
                continue
            found = find_dates(text)
            dates = [m.value for m in found if m.kind is MentionKind.DATE]
            spans = [m.value for m in found if m.kind is MentionKind.SPAN]
            if dates or spans:
                out.append(Achievement(
                    text=text, location=loc,
                    date=dates[0] if dates and isinstance(dates[0], PartialDate) else None,
                    span=spans[0] if spans and isinstance(spans[0], DateSpan) else None))
    return out


class _Claims:
    """Claims and findings of the walked blocks."""

    def __init__(self, doc: DocumentExtract, areas: set[str]) -> None:
        self.doc, self.areas = doc, areas
        self.doubt = unread_doubt(doc)
        self.claims: list[QualitativeClaim] = []
        self.findings: list[Finding] = []

    def block(self, key: str, b: Block) -> None:
        unit_name = b.unit.name if b.unit else b.printed
        if not b.rows:  # the stage, if any, is the whole 중분류's
            self._row(key, b, b.head, _chosen(b.head.cells), None)
            return
        default = _chosen(b.head.cells)
        for row in b.rows.values():
            entries = _chosen(row.cells)
            if entries or row.item is None or row.item.area is None \
                    or row.item.area in self.areas:
                self._row(key, b, row, entries or default, _FROM_HEADING if default else None)
            # else: an empty row of a service area the applicant did not select
        if b.unit is None:
            return
        printed = {r.item.number for r in b.rows.values() if r.item is not None}
        for item in b.unit.expected_items(self.areas):
            if item.number not in printed and not default:
                self._missing(_ITEM, f"{unit_name} {item.label}", b.head.label)

    def _row(self, key: str, b: Block, row: Row, entries: list[RowCell],
             inherited: str | None) -> None:
        unit_name = b.unit.name if b.unit else b.printed
        level, what = (_UNIT, unit_name) if row.heading else (
            _ITEM, f"{unit_name} {row.item.label if row.item else row.printed}")
        narrative = [rc for rc in row.cells if rc.role == "narrative"]
        base = QualitativeClaim(
            unit=key, unit_as_printed=b.printed, narrative="\n".join(
                dict.fromkeys(tidy(rc.item.text) for rc in narrative)),
            achievements=_achievements(self.doc, narrative),
            source=location(self.doc, row.label.item))
        if not row.heading:
            base = base.model_copy(update={
                "item": row.printed, "item_source": location(self.doc, row.label.item),
                "item_number": row.item.number if row.item else None,
                "item_name": row.item.name if row.item else None})
        distinct = list(dict.fromkeys(rc.stage for rc in entries if rc.stage is not None))
        if not distinct:
            if row.heading and b.unit is not None and b.unit.items:
                for item in b.unit.expected_items(self.areas):  # each 소분류 is unassessed
                    self._missing(_ITEM, f"{unit_name} {item.label}", row.label)
            else:
                self._missing(level, what, row.label)
            self.claims.append(base)
            return
        if len(distinct) > 1:
            self.findings.append(make_finding(
                R.AMBIGUOUS_QUALITATIVE_STAGE,
                [location(self.doc, rc.item) for rc in entries], level=level, unit=what,
                claimed=", ".join(s.label for s in distinct),
                stages=", ".join(s.label for s in distinct)))
        for stage in distinct:
            rc = next(x for x in entries if x.stage is stage)
            notes = [n for n in (inherited if rc not in row.cells else None,
                                 _MERGED if self._merged(rc, row) else None) if n]
            self.claims.append(base.model_copy(update={
                "stage": stage, "stage_text": " ".join(rc.item.text.split()),
                "source": location(self.doc, rc.item), "notes": notes}))

    @staticmethod
    def _merged(rc: RowCell, row: Row) -> bool:
        return rc.rowspan > 1 and rc.item.row != row.label.item.row

    def _missing(self, level: str, what: str, label: RowCell) -> None:
        self.findings.append(make_finding(R.MISSING_QUALITATIVE_STAGE,
                                          [location(self.doc, label.item)],
                                          level=level, unit=what, uncertain=self.doubt))


def _area_ids(rs: RuleSet, selected: Sequence[str] | None) -> set[str]:
    """The mandatory areas and the selected ones (as printed: '문화 관광')."""
    ids = {a.id for a in rs.structure.areas if a.mandatory}
    return ids | {a.id for name in selected or () if (a := rs.area(name)) is not None}


def map_qualitative(doc: DocumentExtract, ruleset: RuleSet | None = None,
                    selected_areas: Sequence[str] | None = None
                    ) -> tuple[list[QualitativeClaim], list[Finding]]:
    """Claims per 소분류 of the self-assessment, and what is missing or unclear in it.
    `selected_areas` (the application's optional areas) decide which 지능화 시설 및 서비스
    rows are expected; without them only the mandatory ones are."""
    rs = ruleset or load_ruleset()
    catalogue = Catalogue(rs)
    findings: list[Finding] = []
    walk = Walk(catalogue, doc, findings)
    for row in assessment_rows(doc, rs):
        walk.feed(row)
    if not any(b.unit for b in walk.blocks.values()):
        findings.append(make_finding(R.MISSING_QUALITATIVE_TABLE, [Location(file=doc.file)],
                                     uncertain=unread_doubt(doc)))
        return [], findings
    out = _Claims(doc, _area_ids(rs, selected_areas))
    for key, block in walk.blocks.items():
        out.block(key, block)
    findings += out.findings
    for u in catalogue.units:
        if u.id not in walk.blocks:
            findings.append(make_finding(R.MISSING_QUALITATIVE_UNIT,
                                         [Location(file=doc.file)], unit=u.name,
                                         uncertain=out.doubt))
    return out.claims, findings

