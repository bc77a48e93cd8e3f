from __future__ import annotations

from collections.abc import Iterator

from extractors.values.periods import DateSpan, PartialDate
from schemas.claims import Submission
from schemas.findings import Finding, Severity
from schemas.rulespec import RuleSpec
from validators.period.window import claims_of_kind, item_when, outer_window
from validators.rule import CheckContext, Rule


def _disjoint(window: DateSpan, when: PartialDate | DateSpan) -> bool:
    """True only when no day `when` may stand for lies in the window ('2023' vs
    2023.08~2025.07 overlaps, so it is not reported)."""
    return when.last_day() < window.first_day() or when.first_day() > window.last_day()


class ItemOutsideWindow(Rule):
    spec = RuleSpec(
        id="period.item-outside-window",
        severity=Severity.ERROR,
        template="지표 {code}의 '{name}' 일자({date})가 실적 기간 {span} 밖입니다",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 ◇ 2년간의 실적을 평가하는 지표",
        example={"code": "A-2-3", "name": "스마트 버스정류장 리빙랩", "date": "2022-11",
                 "span": "2023-01~2024-12"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        # a form's own span first, then the application's, then the call's outer window
        fallback = sub.declared_span or outer_window(ctx.ruleset)
        for claim in claims_of_kind(sub, ctx.ruleset, "2y"):
            window = claim.declared_span or fallback
            if window is None:
                continue
            for item in claim.items:
                when = item_when(item)
                if when is None or not _disjoint(window, when):
                    continue
                yield self.finding(
                    indicator=claim.code, code=claim.code, name=item.name or item.text[:40],
                    date=item.date_text or str(when), span=str(window),
                    claimed=item.date_text or str(when), expected=str(window),
                    locations=[item.location or claim.form_source])
