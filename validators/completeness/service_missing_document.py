from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.service.sections import DocumentSpec
from smartcert.schemas.service_claims import ServiceDocumentKind, ServiceSubmission
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule

# Not among the notice's required documents (documents.yaml: required false), but the form
# warns that refusing consent may exclude the applicant (lines 3256–3258): a warning.
_EXPECTED = {"consent": "공고의 제출서류 ①~④에는 없으나, 동의서 양식은 동의 거부 시 선정에서 "
                        "제외될 수 있다고 적고 있음 ([붙임1])"}


class ServiceMissingDocument(ServiceRule):
    """A document of a service application not among those delivered: the notice's ①–④
    (신청서, 평가제안서, 자체평가표, 근거자료), the 개인정보 동의서 (a warning: not on the
    notice's list), and the 공동참여기관 확인서 of a joint application. A required kind may
    hide among documents that were not classified: then a warning that says so."""

    spec = RuleSpec(
        id="completeness.service-missing-document",
        severity=Severity.ERROR,
        template="서비스 인증 제출서류 '{name}'을(를) 제출물에서 찾지 못했습니다",
        clause="2023 서비스 인증 공고 2. 신청자격 (공동 신청 시 별지 제5호서식, lines 23–24); "
               "3. 신청방법 < 제 출 서 류 > ①~④ (lines 43–48); "
               "[붙임1] 신청자 개인정보 수집 및 이용 동의서 (lines 3224–3268)",
        example={"name": "자체평가표"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        have = {d.kind.value for d in sub.documents}
        unclassified = len(sub.documents_of(ServiceDocumentKind.OTHER))
        for spec in ctx.ruleset.documents.documents:
            if spec.kind in have:
                continue
            doubts = []
            if not spec.required:
                if spec.kind in _EXPECTED:
                    doubts.append(_EXPECTED[spec.kind])
                elif spec.required_when == "joint" and _joint(sub):
                    if not sub.joint:
                        doubts.append("공동 신청 여부는 제출물에 적힌 공동참여기관("
                                      + ", ".join(sub.partners) + ")으로 판단함")
                else:
                    continue
            if unclassified:
                doubts.append(f"종류를 정하지 못한 문서 {unclassified}건 중에 있을 수 있음")
            yield self.finding(name=_name(spec), expected=_name(spec),
                               uncertain="; ".join(doubts) or None)


def _joint(sub: ServiceSubmission) -> bool:
    return sub.joint or bool(sub.partners)


def _name(spec: DocumentSpec) -> str:
    return f"{spec.name} {spec.form}" if spec.form else spec.name
