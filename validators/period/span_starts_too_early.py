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


def _too_early(span: DateSpan, periods: CallPeriods, limits: TwoYear) -> str | None:
    earliest = periods.earliest_start
    if earliest is None or span.first_day() >= earliest.first_day():
        return None
    return f"{earliest} 이후 시작"


class SpanStartsTooEarly(Rule):
    spec = RuleSpec(
        id="period.span-starts-too-early",
        severity=Severity.ERROR,
        template="{where}의 실적 기간 {span}은(는) {limit}이어야 합니다",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 ◇ 2년간의 실적을 평가하는 지표 "
               "('23년 1월 이후 임의의 2년간 실적)",
        example={"where": "지표 A-2-3", "span": "2022.07~2024.06", "limit": "2023-01 이후 시작"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        yield from span_findings(self, sub, ctx, _too_early)
