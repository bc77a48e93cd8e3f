"""The evaluator aid for the qualitative self-assessment: each 소분류's narrative beside the
call's criteria for the stage claimed and for the stage above it (the one the committee
checks next when it adjusts stages). The call asks applicants to "check each item's stage
criteria and show convincingly how they meet them" (지침 V.제출서류 및 양식 > 정성지표
자체평가표 작성요령); this puts both side by side. It is an aid only: no finding, no score.

Rows follow the catalogue's order (중분류, then 소분류); 소분류 of one 중분류 printed with the
same stage, narrative and criteria (a cell merged over them, as the sample forms print it)
share one row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from smartcert.core.masking import mask_personal
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.reports.regions import place_text
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.program import QualitativeItem, QualitativeUnit, StageSpec
from smartcert.schemas.claims import QualitativeClaim, Submission

AID_TITLE = "정성지표 평가 보조: 자체평가 단계와 단계별 평가기준 대조"
AID_NOTE = ("평가위원 참고용 자료입니다. 각 소분류의 자체 평가내용을 공모 지침의 단계별 평가기준"
            "(신청 단계와 그 바로 위 단계) 옆에 나란히 보여 줄 뿐, 발견사항이나 잠정 점수에는 "
            "반영하지 않습니다.")
NO_STAGE = "단계 미기재"
TOP_STAGE = "최고 단계 (위 단계 없음)"
NO_NARRATIVE = "자체 평가내용 없음"


@dataclass(frozen=True)
class StageCriteria:
    name: str  # '요건 충족 단계'
    cells: tuple[str, ...]  # the call's criteria cells for the 소분류 at this stage


@dataclass(frozen=True)
class AidRow:
    group: str  # 대분류 name ('혁신성')
    unit: str  # 중분류 name ('공공 역량'), or as printed when the catalogue has no such unit
    items: tuple[str, ...]  # 소분류 labels ('1.1 전담 공무원'); the 중분류 itself when none
    unit_id: str | None
    numbers: tuple[str, ...]  # 소분류 numbers ('1.1'), for anchors and tests
    stage_text: str  # the stage as printed ('요건충족 단계'), or NO_STAGE
    claimed: StageCriteria | None  # None: no stage claimed (or not one of the five)
    above: StageCriteria | None  # None: no stage, or the highest claimed
    narrative: str  # masked
    achievements: tuple[str, ...]  # masked, 'text (2024-03)'
    place: str  # where the stage cell is printed

    @property
    def item_label(self) -> str:
        return " · ".join(self.items)

    @property
    def lacks_narrative(self) -> bool:
        """A stage is claimed but nothing is written to support it."""
        return self.claimed is not None and not self.narrative.strip() \
            and not self.achievements

    @property
    def printed_differs(self) -> bool:
        """The stage as printed reads otherwise than the call's name ('레벨3'), beyond spacing."""
        return self.claimed is not None and \
            "".join(self.stage_text.split()) != "".join(self.claimed.name.split())

    @property
    def above_label(self) -> str:
        if self.above is not None:
            return self.above.name
        return TOP_STAGE if self.claimed is not None else "—"


@dataclass(frozen=True)
class QualitativeAid:
    rows: tuple[AidRow, ...]

    @property
    def lacking(self) -> list[AidRow]:
        """Rows whose claimed stage has no narrative."""
        return [r for r in self.rows if r.lacks_narrative]

    @property
    def lacking_text(self) -> str:
        return ", ".join(f"{r.item_label or r.unit} ({r.claimed.name})" for r in self.lacking
                         if r.claimed is not None)


def stage_name(s: StageSpec) -> str:
    return f"{s.name} 단계"


def item_criteria(unit: QualitativeUnit, item: QualitativeItem | None,
                  stage_id: str) -> tuple[str, ...]:
    """The criteria cells of the 소분류 (or of the whole 중분류) at one stage, labelled with
    the table's row names where it prints several (제도 기반: 비전 / 계획 / 지침)."""
    cells = unit.criteria.get(stage_id, [])
    if item is not None and item.criteria_cells:
        cells = [cells[i] for i in item.criteria_cells if i < len(cells)]
    if item is not None and len(item.criteria_rows) == len(cells) > 1:
        return tuple(f"{row}: {c}" for row, c in zip(item.criteria_rows, cells, strict=True))
    return tuple(cells)


def _item(unit: QualitativeUnit, claim: QualitativeClaim) -> QualitativeItem | None:
    return next((i for i in unit.items if i.number == claim.item_number), None)


def _achievement(text: str, when: str | None) -> str:
    return mask_personal(f"{text} ({when})" if when and when not in text else text)


def _row(claim: QualitativeClaim, rs: RuleSet, stages: Sequence[StageSpec]) -> AidRow:
    unit = rs.qualitative_unit(claim.unit) or rs.qualitative_unit(claim.unit_as_printed or "")
    item = _item(unit, claim) if unit is not None else None
    spec = next((s for s in stages if claim.stage is not None and s.id == claim.stage.value),
                None)
    above = next((s for s in stages if spec is not None and s.level == spec.level + 1), None)

    def criteria(s: StageSpec | None) -> StageCriteria | None:
        if s is None:
            return None
        return StageCriteria(stage_name(s), item_criteria(unit, item, s.id) if unit else ())

    group = next((g.name for g in rs.structure.groups if unit and g.id == unit.group), "")
    label = item.label if item is not None else (claim.item_label or "")
    achievements = tuple(_achievement(a.text, _when(a.span or a.date))
                         for a in claim.achievements)
    where = claim.source or claim.item_source
    return AidRow(
        group=group, unit=unit.name if unit else mask_personal(claim.unit_as_printed or claim.unit),
        items=(mask_personal(label),) if label else (), unit_id=unit.id if unit else None,
        numbers=(item.number,) if item is not None else (),
        stage_text=mask_personal(claim.stage_text or "") or NO_STAGE,
        claimed=criteria(spec), above=criteria(above),
        narrative=mask_personal(claim.narrative.strip()), achievements=achievements,
        place=mask_personal(place_text(where)) if where is not None else "")


def _when(d: PartialDate | DateSpan | None) -> str | None:
    return str(d) if d is not None else None


def _order(rs: RuleSet, claim: QualitativeClaim) -> tuple[int, int]:
    units = rs.qualitative.units if rs.qualitative else []
    unit = rs.qualitative_unit(claim.unit) or rs.qualitative_unit(claim.unit_as_printed or "")
    if unit is None:
        return len(units), 0
    numbers = [i.number for i in unit.items]
    at = numbers.index(claim.item_number) if claim.item_number in numbers else -1
    return units.index(unit), at


def _merge(rows: list[AidRow]) -> list[AidRow]:
    """One row for consecutive 소분류 of a 중분류 with the same stage, text and criteria."""
    out: list[AidRow] = []
    for r in rows:
        prev = out[-1] if out else None
        if prev is not None and r.unit_id is not None and r.numbers and prev.numbers \
                and (prev.unit_id, prev.stage_text, prev.claimed, prev.above, prev.narrative,
                     prev.achievements) == (r.unit_id, r.stage_text, r.claimed, r.above,
                                            r.narrative, r.achievements):
            out[-1] = replace(prev, items=prev.items + r.items, numbers=prev.numbers + r.numbers)
        else:
            out.append(r)
    return out


def build_aid(sub: Submission, rs: RuleSet) -> QualitativeAid:
    """The aid's rows for the submission's self-assessment (none when it has none)."""
    stages = sorted(rs.qualitative.stages, key=lambda s: s.level) if rs.qualitative else []
    claims = sorted(sub.qualitative, key=lambda c: _order(rs, c))  # stable: printed order
    return QualitativeAid(tuple(_merge([_row(c, rs, stages) for c in claims])))
