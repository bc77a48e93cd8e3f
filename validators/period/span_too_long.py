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


def _too_long(span: DateSpan, periods: CallPeriods, limits: TwoYear) -> str | None:
    return f"{limits.max_months}개월 이내" if span.months() > limits.max_months else None


class SpanTooLong(Rule):
    spec = RuleSpec(
        id="period.span-too-long",
        severity=Severity.ERROR,
        template="{where}의 실적 기간 {span}은(는) {months}개월로 {limit}여야 합니다",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 ◇ 2년간의 실적을 평가하는 지표 "
               "('23년 1월 이후 임의의 2년간 실적)",
        example={"where": "지표 A-2-3", "span": "2023.01~2025.07", "months": "31",
                 "limit": "24개월 이내"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        yield from span_findings(self, sub, ctx, _too_long)
