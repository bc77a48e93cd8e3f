from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import DocumentKind, Submission
from smartcert.validators.rule import CheckContext, Rule

_REQUIRED = {
    DocumentKind.APPLICATION: "공모 신청서",
    DocumentKind.QUANTITATIVE_PROPOSAL: "정량지표 평가제안서",
    DocumentKind.QUALITATIVE_SELF_ASSESSMENT: "정성지표 자체평가표",
    DocumentKind.EVIDENCE: "근거자료",
}


class MissingDocument(Rule):
    spec = RuleSpec(
        id="completeness.missing-document",
        severity=Severity.ERROR,
        template="제출서류 '{name}'을(를) 제출물에서 찾지 못했습니다",
        clause="공고 3. 신청방법 < 제 출 서 류 > ①~④",
        example={"name": "정성지표 자체평가표"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        kinds = {d.kind for d in sub.documents}
        for kind, name in _REQUIRED.items():
            if kind not in kinds:
                yield self.finding(name=name, expected=name)
