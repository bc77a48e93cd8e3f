from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_rows import choice_doubt, level_of
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceLevel(ServiceRule):
    """A 신청 서비스 수준 that is not certifiable: 장치/제품 (인증대상 아님), or a label naming
    none of the levels (a warning). No level read at all is the mapping's finding
    (completeness.no-level-ticked); self-scores of another level's 구성 및 기능 block are
    consistency.level-blocks."""

    spec = RuleSpec(
        id="eligibility.service-level",
        severity=Severity.ERROR,
        template="신청 서비스 수준 {level}: 인증 대상은 {eligible} 수준의 서비스입니다",
        clause="2023 서비스 인증 공고 2. (인증대상) 시스템 구조가 L1~L3에 해당하는 서비스 "
               "(lines 26–28); 지침 Ⅰ 개요 > 서비스의 시스템 구조별 인증대상 여부 (lines 119–131); "
               "별지 제3호서식 신청서비스 수준 (lines 685–691)",
        example={"level": "'장치/제품'(특정 기능을 위한 독립적 장치 또는 제품 (인증대상 아님))",
                 "eligible": "단위 서비스(L1), 네트워크 연계 서비스(L2), 데이터허브 기반 서비스(L3)"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        eligible = ", ".join(f"{lv.name}({lv.id})" for lv in rs.scored_levels)
        if sub.level is None:
            return
        lv = level_of(sub, rs)
        if lv is not None and lv.eligible:
            return
        doubt = choice_doubt(sub.level, "신청 서비스 수준")
        if lv is None:
            doubt = "; ".join(x for x in (doubt, "어느 수준의 이름과도 일치하지 않는 표기") if x)
            shown = f"'{sub.level.text}'"
        else:
            shown = f"'{sub.level.text}'({lv.definition})"
        yield self.finding(
            claimed=sub.level.text, expected=eligible, locations=[sub.level.location],
            uncertain=joined(doubt, ocr_read(sub.documents, [sub.level.location])),
            level=shown, eligible=eligible)
