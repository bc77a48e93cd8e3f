from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import DocumentKind, Submission
from smartcert.validators.rule import CheckContext, Rule


class MissingSummary(Rule):
    spec = RuleSpec(
        id="completeness.missing-summary",
        severity=Severity.ERROR,
        template="정량지표 평가제안서에서 정량지표 요약표를 찾지 못했습니다",
        clause="지침 V.제출서류 및 양식 > 작성요령 (제안서는 표지, 목차, 요약표, 지표별 양식 순) > ● 정량지표 요약표",
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        proposals = [d for d in sub.documents if d.kind is DocumentKind.QUANTITATIVE_PROPOSAL]
        if proposals and not sub.indicators:
            yield self.finding(locations=[Location(file=d.file) for d in proposals])
