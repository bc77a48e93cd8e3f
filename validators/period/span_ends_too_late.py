from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values.periods import DateSpan
from smartcert.schemas.catalogue.meta import TwoYear
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.span_findings import span_findings
from smartcert.validators.support.window import CallPeriods


def _too_late(span: DateSpan, periods: CallPeriods, limits: TwoYear) -> str | None:
    latest = periods.latest_end
    if latest is None or span.last_day() <= latest.last_day():
        return None
    return f"{latest}까지 종료"


class SpanEndsTooLate(Rule):
    spec = RuleSpec(
        id="period.span-ends-too-late",
        severity=Severity.ERROR,
        template="{where}의 실적 기간 {span}은(는) {limit}되어야 합니다",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 ◇ 2년간의 실적을 평가하는 지표 "
               "('23년 8월부터 '25년 7월과 같이)",
        example={"where": "지표 A-2-3", "span": "2023.09~2025.08", "limit": "2025-07까지 종료"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        yield from span_findings(self, sub, ctx, _too_late)
