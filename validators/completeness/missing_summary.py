from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.unread import pages_doubt, proposals


class MissingSummary(Rule):
    """No summary row read from a proposal. Certain only when every page of it was read
    from its text layer; otherwise a warning naming the pages OCR'd or not read."""

    spec = RuleSpec(
        id="completeness.missing-summary",
        severity=Severity.ERROR,
        template="정량지표 평가제안서에서 정량지표 요약표를 찾지 못했습니다",
        clause="지침 V.제출서류 및 양식 > 작성요령 (제안서는 표지, 목차, 요약표, 지표별 양식 순) > ● 정량지표 요약표",
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        found = proposals(sub)
        if found and not sub.indicators:
            # a summary on a page not read from its text layer is not found either
            doubt = pages_doubt(((d, d.unsure_pages) for d in found), "그 쪽의 요약표를")
            yield self.finding(locations=[*(Location(file=d.file) for d in found),
                                          *doubt.locations], uncertain=doubt.text)
