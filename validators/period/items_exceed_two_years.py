from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.window import (
    claims_of_kind,
    date_doubt,
    item_date,
    list_of,
)


def _months(a: PartialDate | DateSpan, b: PartialDate | DateSpan) -> int:
    """Calendar months certainly covered from the earlier item to the later one."""
    start, end = a.last_day(), b.first_day()
    return (end.year - start.year) * 12 + end.month - start.month + 1


class ItemsExceedTwoYears(Rule):
    """No span declared, but the dated items of a 2-year indicator lie further apart than
    any allowed span (`periods.yaml` `two_year.max_months`): they cannot all count."""

    spec = RuleSpec(
        id="period.items-exceed-two-years",
        severity=Severity.ERROR,
        template="지표 {code}의 실적이 {first}부터 {last}까지 {months}개월에 걸쳐 있어 "
                 "임의의 2년({max}개월)을 넘습니다",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 ◇ 2년간의 실적을 평가하는 지표 "
               "('23년 1월 이후 임의의 2년간 실적)",
        example={"code": "A-2-3", "first": "2023-02", "last": "2025-06", "months": "29",
                 "max": "24"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        limits = ctx.periods.two_year
        if limits is None:
            return
        for claim in claims_of_kind(sub, ctx.ruleset, "2y"):
            ind = ctx.ruleset.get(claim.code)
            dated = [(i, w) for i in claim.items if (w := item_date(i, list_of(i, ind)))]
            if claim.declared_span is not None or len(dated) < 2:
                continue  # a declared span is checked item by item
            first, a = min(dated, key=lambda d: d[1].last_day())
            last, b = max(dated, key=lambda d: d[1].first_day())
            months = _months(a, b)
            if months <= limits.max_months:
                continue
            yield self.finding(
                indicator=claim.code, code=claim.code, first=str(a), last=str(b),
                months=months, max=limits.max_months,
                claimed=f"{months}개월", expected=f"{limits.max_months}개월 이내",
                locations=[first.location or claim.form_source,
                           last.location or claim.form_source],
                uncertain=joined(*(date_doubt(i, list_of(i, ind)) for i in (first, last)),
                                 ocr_read(sub.documents, [first.location, last.location])))
