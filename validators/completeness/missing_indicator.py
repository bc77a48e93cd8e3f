from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.indicators import required_indicators
from smartcert.validators.support.unread import pages_doubt, proposals, summary_pages


class MissingIndicator(Rule):
    """A required indicator without a summary row. A warning naming them when pages where
    the summary may continue (from its first page to the data forms) were OCR'd or not read."""

    spec = RuleSpec(
        id="completeness.missing-indicator",
        severity=Severity.ERROR,
        template="지표 {code} '{name}'의 행이 정량지표 요약표에 없습니다",
        clause="지침 V.제출서류 및 양식 > 작성요령 (최종적으로 요약표도 작성) > ● 정량지표 요약표",
        example={"code": "A-2-3", "name": "2년간 리빙랩 운영 건수"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        if not sub.indicators:
            return  # no summary table at all is one finding elsewhere, not 53
        present = {c.code for c in sub.indicators}
        # rows on a page of the summary not read from its text layer are not found either
        doubt = pages_doubt(((d, summary_pages(d)) for d in proposals(sub)), "그 쪽의 요약표 행을")
        for ind in required_indicators(sub, ctx.ruleset):
            if ind.code not in present:
                yield self.finding(indicator=ind.code, code=ind.code, name=ind.name,
                                   expected=ind.code, uncertain=doubt.text,
                                   locations=[ctx.summary_location, *doubt.locations])
