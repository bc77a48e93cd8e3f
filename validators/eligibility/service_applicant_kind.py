from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule

OTHER_BOX = "기타"  # a 공공기관 ticks 기타: the cover has no box for it (reading org-type-boxes)


class ServiceApplicantKind(ServiceRule):
    """A 기관유형 that is none of the call's 기업, 지자체, 공공기관 (nor a box of the proposal
    cover: 대기업, 중소기업, 개인사업자 … are 기업). The call's list ends in '등', so this is a
    judgement: a warning that names the kind, never an error. '기타' is silent: a 공공기관
    ticks it."""

    spec = RuleSpec(
        id="eligibility.service-applicant-kind",
        severity=Severity.WARNING,
        template="기관유형 '{kind}'은(는) 공고의 신청자격({kinds} 등 스마트도시 서비스 제공기관)에 "
                 "해당하는지 확인이 필요합니다",
        clause="2023 서비스 인증 공고 2. 신청자격 및 인증대상 (신청자격) (line 21); "
               "지침 Ⅱ > 신청자격 및 대상 (line 136); 평가제안서 표지 기관유형 (line 825)",
        example={"kind": "개인", "kinds": "기업, 지자체, 공공기관"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        if not sub.applicant_kind or not sub.applicant_kind.strip():
            return
        rs = ctx.ruleset
        kinds = rs.eligibility.applicants.kinds
        key = match_key(sub.applicant_kind)
        names = {match_key(x) for k in kinds for x in (k.name, *k.aliases)}
        names |= {match_key(x) for x in rs.documents.proposal.org_types}
        if key == match_key(OTHER_BOX) or any(n and n in key for n in names):
            return
        listed = ", ".join(k.name for k in kinds)
        choice = sub.applicant_kind_choice
        read = choice.location if choice is not None else None  # the cover's ticked box
        yield self.finding(claimed=sub.applicant_kind, expected=listed,
                           locations=[sub.source], uncertain=ocr_read(sub.documents, [read]),
                           kind=sub.applicant_kind, kinds=listed)
