"""Which certifications are due, and which rule set a renewal is reviewed under.

The 2025 call (seed 002, 지침 II.2025년 공모계획(안) > 기존 인증부여 대상의 타당성 검토):
validity is two years (line 125); a review to keep the grade (등급유지) is simplified once,
under the '23 criteria (lines 127, 130); a grade upgrade (등급상향), or keeping the grade for
the second time or more, is evaluated as a new certification under the current call (132, 134).
The rule ids and clause paths are read from the current rule set's `applicants.renewal`.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from smartcert.renewals.registry import (
    C,
    Certification,
    CertificationBase,
    Kind,
    Registry,
    RegistryBase,
    SourceRef,
    load_registry,
)
from smartcert.schemas.catalogue import (
    DEFAULT_RULESET,
    CatalogueError,
    RuleSet,
    load_program,
    load_ruleset,
)

__all__ = ["Purpose", "Review", "RulesetChoice", "default_registry", "due_for_revalidation",
           "expired_without_renewal", "is_superseded", "ruleset_for"]

_CALL = "002_9f0503501e20e7db.txt"
_CALL_YEAR = 2025  # the first call with the simplified review
# the call's words, by line (tests check each quote is printed on its line)
VALIDITY_SOURCE = SourceRef(seed=_CALL, line=125, quote="인증의 유효기간은 2년이며")
SIMPLIFIED_SOURCES = (
    SourceRef(seed=_CALL, line=127, quote="등급유지를 목적으로 타당성 검토를 신청하는 경우, 1회에 한해 "
              "신청 서류 및 증빙 자료를 간소화하여 평가* 가능"),
    SourceRef(seed=_CALL, line=130, quote="간소화된 타당성 검토는 '23년 스마트도시 인증 공모 지침을 기준으로 하며, "
              "간소화된 타당성 검토에 대한 세부지침은 해당 지자체에 한해 별도 공지"),
)
CURRENT_SOURCES = (
    SourceRef(seed=_CALL, line=132, quote="기존 인증의 등급상향을 목적으로 신청하거나 기존 인증에 대해 2회 이상 "
              "등급유지를 목적으로 타당성 검토를 신청하는 경우에는 신규 인증으로 보고 평가*"),
    SourceRef(seed=_CALL, line=134, quote="'25년 스마트도시 인증 공모 지침에 따라 신청 서류 및 증빙 자료 제출 필요"),
)


AnyRegistry = RegistryBase[Any]


class Purpose(StrEnum):
    MAINTAIN = "maintain"  # 등급유지
    UPGRADE = "upgrade"  # 등급상향


class Review(StrEnum):
    SIMPLIFIED = "simplified"  # 간소화된 타당성 검토
    FULL = "full"  # 신규 인증으로 보고 평가
    REQUALIFY = "requalify"  # a service's 재검토: its 인증 자격 요건 under the call in force


class RulesetChoice(BaseModel):
    """The rule set a renewal is reviewed under, why (Korean), and whether it can score."""

    model_config = ConfigDict(frozen=True)

    certification: str
    purpose: Purpose
    renewal_number: int | None  # the how-manieth grade-keeping review this is; None: upgrade
    ruleset: str
    review: Review
    treated_as_new: bool
    clause: str
    sources: list[SourceRef]
    reason: str
    loadable: bool
    complete: bool
    can_score: bool
    missing: list[str]  # the rule set's own `missing` metadata (or why it cannot be loaded)
    status: str
    notes: list[str] = Field(default_factory=list)
    program: str = "city"  # the program kind of `ruleset` (city / service)

    def load(self, require_complete: bool = True) -> RuleSet:
        """The chosen rule set; CatalogueError when absent or (by default) partial."""
        rs = load_ruleset(self.ruleset)
        if require_complete:
            rs.require_complete()
        return rs


@cache
def default_registry() -> Registry:
    """renewals/data/registry.yaml, loaded and checked once."""
    return load_registry()


def _start(cert: CertificationBase) -> date:
    # earliest day a certification can have taken effect when its date is not printed
    return cert.certified_on or cert.announced_on or date(cert.year, 1, 1)


def is_superseded(registry: AnyRegistry, cert: CertificationBase, today: date) -> bool:
    """True when a renewal or upgrade of `cert` in the registry has (at the earliest) started."""
    nxt = registry.successor(cert)
    return nxt is not None and _start(nxt) <= today


def due_for_revalidation(registry: RegistryBase[C], today: date,
                         within_days: int) -> list[C]:
    """Certifications not yet superseded whose validity may end in [today, today + within_days].

    Without a printed date the end is a window (the whole year two years on): a row is due as
    soon as the window overlaps, so nothing is missed for want of a date. Sorted by expiry."""
    if within_days < 0:
        raise ValueError("within_days must be ≥ 0")
    horizon = today + timedelta(days=within_days)
    due = [c for c in registry.certifications
           if not is_superseded(registry, c, today)
           and (w := registry.expiry(c)).earliest <= horizon and w.latest >= today]
    return sorted(due, key=lambda c: (registry.expiry(c).earliest, c.label))


def expired_without_renewal(registry: RegistryBase[C], today: date) -> list[C]:
    """Certifications certainly expired before `today` with no renewal in the registry."""
    return sorted((c for c in registry.certifications
                   if registry.expiry(c).latest < today and registry.successor(c) is None),
                  key=lambda c: (c.year, c.label))


def ruleset_for(cert: Certification, purpose: Purpose | str, *,
                registry: Registry | None = None,
                current: str = DEFAULT_RULESET) -> RulesetChoice:
    """The rule set the renewal of `cert` for `purpose` is reviewed under (2025 call rules).

    Grade-keeping reviews are counted along the registry's chain since the last first or
    upgraded certification; `current` is the call in force (its `applicants.renewal` data)."""
    purpose = Purpose(purpose)
    reg = registry if registry is not None else default_registry()
    rules = load_ruleset(current).applicants
    renewal = rules.renewal if rules is not None else None
    if renewal is None:
        raise ValueError(f"{current}: the rule set has no renewal rules (applicants.renewal)")
    cases = {c.case: c for c in renewal.new_certification_when}
    target_new = renewal.new_certification_ruleset or current
    prior = reg.renewals_since_certification(cert)
    notes: list[str] = []
    if (nxt := reg.successor(cert)) is not None:
        notes.append(f"이 인증은 이미 {nxt.id}({nxt.kind.value})로 이어졌음 — 최신 인증을 기준으로 판단할 것")
    if prior and any(c.kind is Kind.RENEWAL and c.year < _CALL_YEAR for c in reg.chain(cert)):
        notes.append("2025년 이전의 재인증도 등급유지 목적의 타당성 검토 1회로 셈 "
                     "(공모 지침은 이전 재인증의 산입 여부를 명시하지 않음)")

    number: int | None = prior + 1
    if purpose is Purpose.UPGRADE:
        case = cases["grade_upgrade"]
        number, ruleset, review, clause, sources = (
            None, target_new, Review.FULL, case.clause, CURRENT_SOURCES)
        reason = f"{case.text}: 신규 인증으로 보고 '25년 지침({target_new})에 따라 평가"
    elif renewal.simplified_review and prior < renewal.simplified_review.max_times:
        simple = renewal.simplified_review
        ruleset, review, clause, sources = (
            simple.criteria_ruleset, Review.SIMPLIFIED, simple.clause, SIMPLIFIED_SOURCES)
        reason = (f"{number}회차 등급유지 타당성 검토: {simple.max_times}회에 한해 간소화 평가 "
                  f"가능, '23년 공모 지침({simple.criteria_ruleset}) 기준")
        notes.append("간소화된 타당성 검토의 세부지침은 해당 지자체에만 별도 공지됨 (시드에 없음)")
    else:
        case = cases["repeated_renewal"]
        ruleset, review, clause, sources = target_new, Review.FULL, case.clause, CURRENT_SOURCES
        reason = (f"{number}회차 등급유지 타당성 검토: {case.text} → 신규 인증으로 보고 "
                  f"'25년 지침({target_new})에 따라 평가")
    return RulesetChoice(certification=cert.id, purpose=purpose, renewal_number=number,
                         ruleset=ruleset, review=review,
                         treated_as_new=review is Review.FULL, clause=clause,
                         sources=list(sources), reason=reason, notes=notes,
                         **scorability(ruleset).model_dump())


class Scorability(BaseModel):
    loadable: bool
    complete: bool
    can_score: bool
    missing: list[str]
    status: str


def scorability(ruleset_id: str, review: str = "재검증") -> Scorability:
    """Whether the rule set `ruleset_id` (of either program) can be applied and score."""
    try:
        rs = load_program(ruleset_id)
    except CatalogueError as e:
        return Scorability(loadable=False, complete=False, can_score=False, missing=e.problems,
                           status=f"{ruleset_id} 규칙 세트를 불러올 수 없어 {review}할 수 없음")
    if rs.can_score if isinstance(rs, RuleSet) else rs.meta.complete:
        return Scorability(loadable=True, complete=True, can_score=True, missing=[],
                           status=f"{ruleset_id} 규칙 세트로 검증·잠정 점수 산정 가능")
    missing = list(rs.meta.missing)
    return Scorability(loadable=True, complete=False, can_score=False, missing=missing,
                       status=f"{ruleset_id} 규칙 세트는 부분 데이터(complete: false)라 점수를 "
                              f"산정할 수 없음 — 누락 {len(missing)}개 항목")
