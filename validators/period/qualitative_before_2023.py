from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule


class QualitativeBefore2023(Rule):
    """A qualitative achievement that ended before `periods.yaml` `qualitative.
    achievements_from` ('23년 이후 모든 실적) cannot be counted; earlier history may be
    background, so this is a warning."""

    spec = RuleSpec(
        id="period.qualitative-before-2023",
        severity=Severity.WARNING,
        template="정성지표 '{unit}'의 실적 '{text}'({date})은(는) {start} 이후 실적이 아닙니다",
        clause="지침 V.제출서류 및 양식 > 정성지표 자체평가표 작성요령 "
               "(정량지표와 달리 '23년 이후 모든 실적을 제출하는 것이 가능)",
        example={"unit": "추진체계", "text": "스마트도시 전담조직 신설", "date": "2021-03",
                 "start": "2023-01"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        start = ctx.periods.qualitative_from
        if start is None:
            return
        for claim in sub.qualitative:
            for ach in claim.achievements:
                when = ach.span or ach.date
                if when is None or when.last_day() >= start.first_day():
                    continue
                yield self.finding(
                    unit=claim.unit_as_printed or claim.unit, text=ach.text[:40],
                    date=str(when), start=str(start), claimed=str(when),
                    expected=f"{start} 이후", locations=[ach.location or claim.source],
                    uncertain=ocr_read(sub.documents, [ach.location]))
