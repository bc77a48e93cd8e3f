"""Which certified services are due for their re-review, and the rule set it runs under.

The 2023 service call (seed 003, 지침 Ⅱ 2023년 공모계획(안) > 평가내용 > 유효기간, lines
165–166): "인증 재검토 기한은 2년이며, 지속적으로 모니터링을 실시하여 인증 자격 요건 유지
여부 검토". The call says no more — no simplified review, no separate forms — so a re-review
checks the service's 인증 자격 요건 under the service call in force, on the documents the
holder last submitted. The clause and the years come from that rule set's `levels.validity`.
"""

from __future__ import annotations

from functools import cache

from smartcert.renewals.policy import Purpose, Review, RulesetChoice, scorability
from smartcert.renewals.registry import SourceRef
from smartcert.renewals.service_registry import (
    ServiceCertification,
    ServiceRegistry,
    load_service_registry,
)
from smartcert.schemas.catalogue import CatalogueError, load_service_ruleset

DEFAULT_SERVICE_RULESET = "service-2023"
_CALL = "003_05d8d24826bff78c.txt"
# the call's words, by line (tests check each quote is printed on its line)
REVIEW_SOURCES = (
    SourceRef(seed=_CALL, line=165, quote="인증 재검토 기한은 2년이며, 지속적으로 모니터링을"),
    SourceRef(seed=_CALL, line=166, quote="실시하여 인증 자격 요건 유지 여부 검토"),
)


@cache
def default_service_registry() -> ServiceRegistry:
    """renewals/data/services.yaml, loaded and checked once."""
    return load_service_registry()


def service_review_for(cert: ServiceCertification, *, registry: ServiceRegistry | None = None,
                       current: str = DEFAULT_SERVICE_RULESET) -> RulesetChoice:
    """The re-review of `cert` under the service call in force (`current`)."""
    reg = registry if registry is not None else default_service_registry()
    scor = scorability(current, "재검토")
    notes = ["공모 지침은 재검토의 절차·제출서류를 정하지 않음: 현행 서비스 인증 기준으로 "
             "마지막 제출 자료를 다시 검토하는 것으로 해석"]
    if cert.ruleset != current:
        notes.append(f"인증 당시 기준({cert.ruleset})은 시드에 없어 현행 기준({current})을 적용")
    if (nxt := reg.successor(cert)) is not None:
        notes.append(f"이 인증은 이미 {nxt.id}로 이어졌음 — 최신 인증을 기준으로 판단할 것")
    clause, years = _validity(current, reg)
    number = reg.renewals_since_certification(cert) + 1
    reason = (f"{number}회차 서비스 인증 재검토: 재검토 기한 {years}년, 인증 자격 요건 유지 "
              f"여부를 현행 공모 지침({current})으로 검토")
    return RulesetChoice(certification=cert.id, purpose=Purpose.MAINTAIN, renewal_number=number,
                         ruleset=current, review=Review.REQUALIFY, treated_as_new=False,
                         clause=clause, sources=list(REVIEW_SOURCES), reason=reason,
                         notes=notes, program="service", **scor.model_dump())


def _validity(ruleset_id: str, reg: ServiceRegistry) -> tuple[str, int]:
    """The re-review clause and years of the call in force; the registry's own when that
    rule set cannot be loaded (the choice then says it cannot be applied)."""
    try:
        v = load_service_ruleset(ruleset_id).levels.validity
    except CatalogueError:
        return reg.validity.clause, reg.validity.years
    return v.clause, v.review_years
