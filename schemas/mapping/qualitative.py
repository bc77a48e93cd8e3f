"""The qualitative self-assessment (정성지표 자체평가표) → one claim per unit (중분류).

Rows (`qualitative_rows`) are walked in reading order: a label naming one of the 10
catalogue units (fuzzily: '민간 시민 역량', '2. 민간·시민역량') or one of its sub-items
('2.3 리빙랩') opens that unit's block; a closing row ('종합 자체평가 의견', a 대분류
heading) ends it. A block's stage is the stage named in a cell or marked in a stage
column; its narrative is the assessment text, and every dated line of it an achievement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.models import DocumentExtract
from extractors.normalize import match_key, tidy
from extractors.values import DateSpan, MentionKind, PartialDate, find_dates
from schemas.catalogue import RuleSet, load_ruleset
from schemas.catalogue_rules import QualitativeUnit
from schemas.claims import Achievement, QualitativeClaim, Stage
from schemas.findings import Finding, Location
from schemas.mapping.classify_signals import strip_numbering
from schemas.mapping.keyvalue import location
from schemas.mapping.qualitative_rows import STRONG_MARKS, RowCell, assessment_rows, mark_of
from schemas.mapping.rules import make_finding
from schemas.textmatch import best_match

UNIT_THRESHOLD = 85.0
_TOP_NUMBER = re.compile(r"^\s*(?:\d+|[IVXⅠ-Ⅹ]+)\s*[.)]\s*\S")
_SUB_NUMBER = re.compile(r"^\s*\d+\s*\.\s*\d+")
_CLOSERS = ("종합", "의견", "총평", "대분류", "소계", "합계")
_FUTURE = ("향후", "예정", "계획중", "추진예정")  # plans are not achievements
_BULLET = re.compile(r"^[\s■□▪●○◦•·\-–*]+")


@dataclass
class _Block:
    unit: QualitativeUnit | None
    printed: str
    label: RowCell
    stages: list[tuple[Stage, RowCell, str | None]] = field(default_factory=list)
    marks: list[tuple[Stage, RowCell, str | None]] = field(default_factory=list)
    narrative: list[RowCell] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


class _Units:
    """Catalogue units by every name they are printed with, and by their sub-items."""

    def __init__(self, rs: RuleSet) -> None:
        self.units = list(rs.qualitative.units) if rs.qualitative else []
        subgroups = {s.id: s for s in rs.structure.subgroups}
        self.groups = [n for g in rs.structure.groups for n in (g.name, *g.aliases)]
        self.names: list[tuple[str, QualitativeUnit]] = []
        self.items: list[tuple[str, QualitativeUnit]] = []
        for u in self.units:
            sg = subgroups.get(u.subgroup)
            extra = [sg.name, *sg.aliases] if sg else []
            self.names += [(n, u) for n in (u.name, *u.aliases, *extra)]
            self.items += [(strip_numbering(i), u) for i in u.items]

    def unit(self, text: str) -> QualitativeUnit | None:
        m = best_match(strip_numbering(text), [n for n, _ in self.names], UNIT_THRESHOLD)
        return self.names[m.index][1] if m else None

    def item(self, text: str) -> QualitativeUnit | None:
        m = best_match(strip_numbering(text), [n for n, _ in self.items], UNIT_THRESHOLD)
        return self.items[m.index][1] if m else None


def _closes(text: str, units: _Units) -> bool:
    key = match_key(text)
    return any(w in key for w in _CLOSERS) or best_match(
        strip_numbering(text), units.groups, UNIT_THRESHOLD) is not None


def _blocks(rows: list[list[RowCell]], units: _Units,
            findings: list[Finding], doc: DocumentExtract) -> list[_Block]:
    blocks: list[_Block] = []
    block: _Block | None = None
    for row in rows:
        row_label: str | None = None
        for rc in row:
            if rc.role == "label":
                text = rc.item.text
                unit = units.unit(text)
                owner = unit or units.item(text)
                if owner is not None and (unit is not None or block is None
                                          or block.unit is not owner):
                    block = _Block(owner, tidy(text), rc)
                    blocks.append(block)
                elif owner is not None and block is not None:
                    block.items.append(tidy(text))
                elif _SUB_NUMBER.match(text) and block is not None:
                    block.items.append(tidy(text))  # a sub-item the catalogue does not list
                elif _TOP_NUMBER.match(text) and not _SUB_NUMBER.match(text):
                    findings.append(make_finding("completeness.unknown-qualitative-unit",
                                                 [location(doc, rc.item)], claimed=text,
                                                 text=tidy(text)))
                    block = _Block(None, tidy(text), rc)
                    blocks.append(block)
                elif _closes(text, units):
                    block = None  # '종합 자체평가 의견', a 대분류 heading: the unit ends
                elif block is not None:
                    block.narrative.append(rc)  # running text (or OCR noise) of the unit
                row_label = tidy(text) if block is not None else row_label
            elif block is not None and rc.role == "stage" and rc.stage is not None:
                block.stages.append((rc.stage, rc, row_label))
            elif block is not None and rc.role == "mark" and rc.stage is not None:
                block.marks.append((rc.stage, rc, row_label))
            elif block is not None and rc.role == "narrative":
                block.narrative.append(rc)
    return blocks


def _chosen(block: _Block) -> list[tuple[Stage, RowCell, str | None]]:
    """The stage entries a block claims; several distinct stages are ambiguous."""
    entries = block.stages
    if block.marks:
        strong = [m for m in block.marks if mark_of(m[1].item.text) in STRONG_MARKS]
        entries = entries + (strong if strong and len(strong) < len(block.marks) else block.marks)
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


def _claims(doc: DocumentExtract, blocks: list[_Block],
            findings: list[Finding]) -> list[QualitativeClaim]:
    merged: dict[str, _Block] = {}
    for b in blocks:  # a unit continued on the next page, or its sub-item opening it again
        key = b.unit.id if b.unit else b.printed
        if key in merged:
            first = merged[key]
            first.stages += b.stages
            first.marks += b.marks
            first.narrative += b.narrative
            first.items += b.items
        else:
            merged[key] = b
    claims: list[QualitativeClaim] = []
    for key, b in merged.items():
        unit_name = b.unit.name if b.unit else b.printed
        entries = _chosen(b)
        distinct = list(dict.fromkeys(st for st, _, _ in entries))
        narrative = "\n".join(dict.fromkeys(tidy(rc.item.text) for rc in b.narrative))
        base = QualitativeClaim(unit=key, unit_as_printed=b.printed, narrative=narrative,
                                achievements=_achievements(doc, b.narrative),
                                source=location(doc, b.label.item))
        if not distinct:
            findings.append(make_finding("completeness.missing-qualitative-stage",
                                         [location(doc, b.label.item)], unit=unit_name))
            claims.append(base)
            continue
        if len(distinct) > 1:
            findings.append(make_finding(
                "completeness.ambiguous-qualitative-stage",
                [location(doc, rc.item) for _, rc, _ in entries], unit=unit_name,
                claimed=", ".join(s.label for s in distinct),
                stages=", ".join(s.label for s in distinct)))
        seen: set[Stage] = set()
        for st, rc, item in entries:
            if st in seen:
                continue
            seen.add(st)
            claims.append(base.model_copy(update={
                "stage": st, "stage_text": " ".join(rc.item.text.split()), "source": location(doc, rc.item),
                "item": item if len(distinct) > 1 else None}))
    return claims


def map_qualitative(doc: DocumentExtract, ruleset: RuleSet | None = None
                    ) -> tuple[list[QualitativeClaim], list[Finding]]:
    """Claims per unit of the self-assessment, and what is missing or unclear in it."""
    rs = ruleset or load_ruleset()
    units = _Units(rs)
    findings: list[Finding] = []
    blocks = _blocks(assessment_rows(doc, rs), units, findings, doc)
    if not any(b.unit for b in blocks):
        findings.append(make_finding("completeness.missing-qualitative-table",
                                     [Location(file=doc.file)]))
        return [], findings
    claims = _claims(doc, blocks, findings)
    claimed = {c.unit for c in claims}
    for u in units.units:
        if u.id not in claimed:
            findings.append(make_finding("completeness.missing-qualitative-unit",
                                         [Location(file=doc.file)], unit=u.name))
    return claims, findings
