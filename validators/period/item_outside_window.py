from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.window import claims_of_kind, date_doubt, item_date, list_of


def _disjoint(window: DateSpan, when: PartialDate | DateSpan) -> bool:
    """True only when no day `when` may stand for lies in the window ('2023' vs
    2023.08~2025.07 overlaps, so it is not reported)."""
    return when.last_day() < window.first_day() or when.first_day() > window.last_day()


class ItemOutsideWindow(Rule):
    """Every dated item of a 2-year indicator lies in its span: the form's own, else the
    application's, else the call's outer window. Every list with a date field is checked,
    whatever its date column is called (`window.item_date`)."""

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
        fallback = sub.declared_span or ctx.periods.outer_window
        for claim in claims_of_kind(sub, ctx.ruleset, "2y"):
            window = claim.declared_span or fallback
            if window is None:
                continue
            # where the span was read (the form prints its own; the call's is no reading)
            span_at = claim.form_source if claim.declared_span else \
                sub.declared_span_source if sub.declared_span else None
            ind = ctx.ruleset.get(claim.code)
            for item in claim.items:
                lst = list_of(item, ind)
                when = item_date(item, lst)
                if when is None or not _disjoint(window, when):
                    continue
                yield self.finding(
                    indicator=claim.code, code=claim.code, name=item.name or item.text[:40],
                    date=item.date_text or str(when), span=str(window),
                    claimed=item.date_text or str(when), expected=str(window),
                    locations=[item.location or claim.form_source],
                    uncertain=joined(date_doubt(item, lst),
                                     ocr_read(sub.documents, [item.location, span_at])))
