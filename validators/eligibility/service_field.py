from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_rows import choice_doubt, field_of
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceField(ServiceRule):
    """A 신청 분야 other than the call's 교통 and 환경·에너지: another of the form's twelve
    boxes ticked. The box '환경·에너지·수자원' is the 환경·에너지 field (rule set reading
    field-environment-water). A label matching none of the boxes, or a box not read from
    its label, gives a warning."""

    spec = RuleSpec(
        id="eligibility.service-field",
        severity=Severity.ERROR,
        template="신청 분야 '{field}'은(는) 인증 대상 분야({eligible})가 아닙니다",
        clause="2023 서비스 인증 공고 2. 신청자격 및 인증대상 (인증대상) (lines 26–28); "
               "지침 Ⅱ > 신청대상 (lines 141–146); 별지 제3호서식 신청분야 (lines 675–683)",
        example={"field": "방범·방재", "eligible": "교통, 환경·에너지"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        if sub.field is None or field_of(sub, rs) is not None:
            return
        fields = rs.eligibility.fields
        eligible = ", ".join(f.name for f in fields.eligible)
        doubt = choice_doubt(sub.field, "신청 분야")
        boxes = {match_key(c) for c in fields.form_choices}
        if match_key(sub.field.text) not in boxes and match_key(sub.field.id or "") not in boxes:
            doubt = "; ".join(x for x in (doubt, "신청서의 분야 칸 이름과 일치하지 않는 표기")
                              if x)
        yield self.finding(
            claimed=sub.field.text, expected=eligible, locations=[sub.field.location],
            uncertain=joined(doubt, ocr_read(sub.documents, [sub.field.location])),
            field=sub.field.text, eligible=eligible)
