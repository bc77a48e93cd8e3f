"""Provisional scoring of a service-certification submission (seed 003, `service-2023`).

Per 세부평가항목, beside the applicant's self-score, the points the cited facts support where
the ladder can be read from them (`scoring/service_ladders.py`), else None: the committee's
judgement. The provisional score takes the supported points, else the self-score pending the
committee (S-221 / S-231, the 5할 of the lower level, are always the committee's); then each
인증지표 against its 과락, the total against 70, and the items whose doubt could change
pass or fail. Provisional throughout: the 평가위원회 sets the scores.

    result = score_service(sub, load_service_ruleset("service-2023"))
    result.total, result.passed, result.committee_items, result.at_risk
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, Field

from smartcert.schemas.catalogue.service import Level, ServiceRuleSet, SubItem
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.scoring.service_ladders import Facts, Reading, reader_of
from smartcert.validators.support.service_facts import application_day
from smartcert.validators.support.service_rows import (
    chosen_level,
    field_name,
    printed_row,
    row_of,
)

RowBasis = Literal["facts", "committee", "derived"]

NOTE = ("잠정 점수입니다. 인용된 근거(설문, 언론보도, 평점, 인증서 등)로 평가 사다리를 읽을 수 있는 "
        "항목은 근거가 뒷받침하는 점수를, 그 밖의 항목은 평가위원회 판단 전까지 자체평가 점수를 "
        "반영했습니다. S-221·S-231(하위 수준 '구성 및 기능' 점수의 5할)은 평가위원회가 부여합니다. "
        "최종 점수는 평가위원회가 의결합니다 (지침 Ⅲ 평가방법, lines 236–241).")


class ServiceRowScore(BaseModel):
    """A criterion row (a row of 참고1 and the 자체평가표)."""

    row: str  # the catalogue row ('1.3.3.1')
    printed: str  # as the form numbers it ('1.3.4.1')
    points: float
    self_score: float | None = None
    supported: float | None = None  # what the cited facts support; None: the committee's
    basis: RowBasis
    on_form: bool = True  # False: the 자체평가표 prints no row for it (3.2.4.1)
    reason: str = ""  # Korean


class ServiceItemScore(BaseModel):
    """A 세부평가항목 (S-page)."""

    code: str
    name: str
    group: str  # 평가항목 ('1.1')
    indicator: str  # 인증지표 ('1')
    points: int
    self_score: float | None = None
    supported: float | None = None  # every row read from the facts; else None
    provisional: float  # supported where read, else the self-score (capped at the points)
    committee: bool  # some row is the committee's judgement
    committee_only: bool = False  # S-221 / S-231: derived by the committee
    rows: list[ServiceRowScore] = Field(default_factory=list)


class ServiceIndicatorScore(BaseModel):
    """A 인증지표 (구성 및 기능: the chosen level's block) against its 과락."""

    number: str
    name: str
    block: str  # '1', '2.2', '3'
    points: int
    minimum: int  # 과락
    score: float
    self_score: float | None = None
    passed: bool


class ServiceShortfall(BaseModel):
    subject: str  # 인증지표 number, or 'total'
    name: str
    score: float
    required: float
    clause: str


class ServiceAtRisk(BaseModel):
    """An item whose doubt alone could change pass / fail: between what the documents
    support and what the applicant claims, or, for the committee's items, between nothing
    and the self-score."""

    item: str
    name: str
    provisional: float
    low: float
    high: float
    passed_if_low: bool
    passed_if_high: bool
    basis: Literal["documents", "committee"]
    reason: str  # Korean


class ServiceScoreResult(BaseModel):
    submission_id: str
    ruleset: str
    provisional: Literal[True] = True
    level: str | None = None  # the level scored (None: no eligible level ticked)
    field: str | None = None
    items: list[ServiceItemScore] = Field(default_factory=list)
    indicators: list[ServiceIndicatorScore] = Field(default_factory=list)
    total: float
    self_total: float | None = None
    pass_mark: float
    passed: bool | None = None  # None: the level is unknown, 구성 및 기능 is not scored
    shortfalls: list[ServiceShortfall] = Field(default_factory=list)
    committee_items: list[str] = Field(default_factory=list)  # codes set by the committee
    at_risk: list[ServiceAtRisk] = Field(default_factory=list)
    note: str = NOTE


def _row_scores(sub: ServiceSubmission, rs: ServiceRuleSet) -> dict[str, float]:
    out: dict[str, float] = {}
    for s in sub.self_scores:
        row = row_of(s, rs)
        if row is not None and s.score is not None:
            out[row] = out.get(row, 0.0) + float(s.score)
    return out


def _read_row(fx: Facts, item: SubItem, row: str, field: str | None) -> Reading | None:
    """The best reading among the row's criteria (alternative types of evidence: the
    highest counts); None when no criterion's ladder can be read from the facts."""
    readings = [r for c in item.criteria_for(field) if c.row == row
                if (reader := reader_of(c)) is not None
                if (r := reader(fx, item.code, c)) is not None]
    known = [r for r in readings if r.points is not None]
    if known:
        best = max(known, key=lambda r: r.points or 0.0)
        others = [r.reason for r in readings if r is not best]
        return Reading(best.points, "; ".join([best.reason, *others]))
    return readings[0] if readings else None


def _score_item(fx: Facts, item: SubItem, field: str | None,
                self_rows: Mapping[str, float]) -> ServiceItemScore:
    rows: list[ServiceRowScore] = []
    off_form = set(fx.rs.documents.self_assessment.missing_rows)
    for row in dict.fromkeys(c.row for c in item.criteria_for(field)):
        points = max(c.points for c in item.criteria if c.row == row)
        own = self_rows.get(row)
        if item.committee_only:
            rows.append(ServiceRowScore(
                row=row, printed=printed_row(fx.rs, row), points=points, self_score=own,
                basis="derived", reason=item.derived.text if item.derived else ""))
            continue
        r = _read_row(fx, item, row, field)
        supported = min(r.points, points) if r is not None and r.points is not None else None
        rows.append(ServiceRowScore(
            row=row, printed=printed_row(fx.rs, row), points=points, self_score=own,
            supported=supported, basis="facts" if supported is not None else "committee",
            on_form=row not in off_form,
            reason=r.reason if r is not None else "인용된 근거로 읽을 수 있는 단계 없음: 평가위원회 판단"))
    own_rows = [r.self_score for r in rows if r.self_score is not None]
    read = [r.supported for r in rows]
    provisional = sum(_provisional(r) for r in rows)
    return ServiceItemScore(
        code=item.code, name=item.name, group=item.group,
        indicator=fx.rs.eval_item(item.group).indicator, points=item.points,
        self_score=sum(own_rows) if own_rows else None,
        supported=sum(x for x in read if x is not None) if None not in read else None,
        provisional=round(min(provisional, item.points), 2),
        committee=any(r.basis != "facts" for r in rows),
        committee_only=item.committee_only, rows=rows)


def _provisional(r: ServiceRowScore) -> float:
    if r.supported is not None:
        return r.supported
    return max(0.0, min(r.self_score or 0.0, r.points))


def _items_for(rs: ServiceRuleSet, level: Level | None) -> list[SubItem]:
    if level is not None:
        return rs.items_for(level.id)
    return [s for s in rs.sub_items if not rs.indicator(rs.eval_item(s.group).indicator).choose_one]


def _indicators(rs: ServiceRuleSet, level: Level | None,
                items: list[ServiceItemScore]) -> list[ServiceIndicatorScore]:
    out = []
    for ind in rs.indicators:
        if ind.choose_one and (level is None or level.group is None):
            continue
        block = level.group if ind.choose_one and level is not None else ind.number
        mine = [i for i in items if i.indicator == ind.number]
        score = round(sum(i.provisional for i in mine), 2)
        own = [i.self_score for i in mine if i.self_score is not None]
        out.append(ServiceIndicatorScore(
            number=ind.number, name=ind.name, block=str(block), points=ind.points,
            minimum=ind.minimum, score=score, self_score=round(sum(own), 2) if own else None,
            passed=score >= ind.minimum))
    return out


def _passes(rs: ServiceRuleSet, level: Level, scores: Mapping[str, float]) -> bool:
    return not rs.shortfalls(level.id, scores)


def _row_range(r: ServiceRowScore) -> tuple[float, float]:
    """The values a row may end at: between what the documents support and the self-score,
    or, for the committee's rows, between nothing and the self-score."""
    own = None if r.self_score is None else max(0.0, min(r.self_score, r.points))
    if r.supported is None:
        if own is None and (r.basis == "derived" or not r.on_form):
            return 0.0, r.points  # the applicant has no say: anything up to the points
        return 0.0, own or 0.0
    if own is None:
        return r.supported, r.supported
    lo, hi = sorted((r.supported, own))
    return lo, hi


def _at_risk(rs: ServiceRuleSet, level: Level, items: list[ServiceItemScore],
             scores: dict[str, float], passed: bool) -> list[ServiceAtRisk]:
    out = []
    for it in items:
        ranges = [_row_range(r) for r in it.rows]
        low = round(sum(lo for lo, _ in ranges), 2)
        high = round(min(sum(hi for _, hi in ranges), float(it.points)), 2)
        if low == high:
            continue
        committee = any(r.supported is None and hi > 0
                        for r, (_, hi) in zip(it.rows, ranges, strict=True))
        verdicts = []
        for value in (low, high):
            s = dict(scores)
            s[it.indicator] = round(s[it.indicator] - it.provisional + value, 2)
            verdicts.append(_passes(rs, level, s))
        if all(v == passed for v in verdicts):
            continue
        if it.committee_only:
            reason = "평가위원회가 하위 수준 점수의 5할로 부여하는 항목 (자체평가는 참고값)"
        elif committee:
            reason = "근거로 평가 사다리를 읽을 수 없는 행이 있어 평가위원회 판단에 달림"
        else:
            reason = f"근거가 뒷받침하는 점수와 자체평가 {it.self_score or 0:g}점이 다름"
        out.append(ServiceAtRisk(
            item=it.code, name=it.name, provisional=it.provisional, low=low, high=high,
            passed_if_low=verdicts[0], passed_if_high=verdicts[1],
            basis="committee" if committee else "documents", reason=reason))
    return out


def score_service(sub: ServiceSubmission, rs: ServiceRuleSet) -> ServiceScoreResult:
    """Score one service submission provisionally (never raises on its data)."""
    level = chosen_level(sub, rs)
    field = field_name(sub, rs)
    fx = Facts(sub=sub, rs=rs, applied=application_day(sub, rs))
    self_rows = _row_scores(sub, rs)
    items = [_score_item(fx, s, field, self_rows) for s in _items_for(rs, level)]
    indicators = _indicators(rs, level, items)
    total = round(sum(i.score for i in indicators), 2)
    own = [i.self_score for i in items if i.self_score is not None]
    result = ServiceScoreResult(
        submission_id=sub.id, ruleset=rs.id, level=level.id if level else None, field=field,
        items=items, indicators=indicators, total=total,
        self_total=round(sum(own), 2) if own else None,
        pass_mark=rs.levels.pass_mark.min_total,
        committee_items=[i.code for i in items if i.committee_only])
    if level is None:
        result.note = NOTE + " 신청 서비스 수준을 확인하지 못해 '구성 및 기능'과 합격 여부는 판정하지 않았습니다."
        return result
    scores = {i.number: i.score for i in indicators}
    result.shortfalls = [ServiceShortfall(subject=s.subject, name=s.name, score=s.score,
                                          required=s.required, clause=s.clause)
                         for s in rs.shortfalls(level.id, scores)]
    result.passed = not result.shortfalls
    result.at_risk = _at_risk(rs, level, items, scores, result.passed)
    return result
