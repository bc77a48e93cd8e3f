from __future__ import annotations

from collections.abc import Iterator

from extractors.values.periods import DateSpan
from schemas.catalogue_meta import TwoYear
from schemas.claims import Submission
from schemas.findings import Finding, Severity
from schemas.rulespec import RuleSpec
from validators.period.span_checks import span_findings
from validators.period.window import month
from validators.rule import CheckContext, Rule


def _too_early(span: DateSpan, limits: TwoYear) -> str | None:
    earliest = month(limits.earliest_start)
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
