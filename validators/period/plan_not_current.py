from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values import MentionKind, find_dates
from smartcert.core.values.periods import DateSpan
from smartcert.schemas.catalogue.indicators import IndicatorRule, ItemList
from smartcert.schemas.claims import ListedItem, Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.form_cells import rows_of
from smartcert.validators.support.list_cells import cell_span, cells_under, list_rules
from smartcert.validators.support.window import month

RULE_ID = "plan_within_5_years"  # the indicators.yaml entry (B-2-1)


@dataclass(frozen=True)
class _Plan:
    item: ListedItem
    span: DateSpan
    text: str
    doubt: str | None  # why the span may not be the plan's (None: its 연도 cell says so)


def _span(item: ListedItem, lst: ItemList, field: str) -> _Plan | None:
    """The plan's period: its 연도 cell (as the form prints it), else the span the mapping
    read from the row, else a span in the plan's name ('…스마트도시계획(2024~2028)')."""
    spans = {s: c.text for c in cells_under(item, lst, field) if (s := cell_span(c.text))}
    if len(spans) == 1:
        ((span, text),) = spans.items()
        return _Plan(item, span, text, None)
    if len(spans) > 1:
        span, text = next(iter(spans.items()))
        return _Plan(item, span, text, f"'{field}' 칸에 기간이 여럿 적혀 있음")
    if item.span is not None:  # a period column under another header ('계획기간')
        return _Plan(item, item.span, item.date_text or str(item.span), None)
    named = [m for m in find_dates(item.name or "") if m.kind == MentionKind.SPAN]
    if named and isinstance(named[0].value, DateSpan):
        return _Plan(item, named[0].value, named[0].text,
                     f"계획 기간을 '{field}' 칸이 아닌 계획명에서 읽음")
    return None


def _why(span: DateSpan, rule: IndicatorRule) -> str | None:
    """What makes the plan no current plan of at most `max_years` years, if anything."""
    max_years = int(rule.params.get("max_years", 5))
    start = month(str(rule.params.get("in_force_from", "")))
    years = -(-span.months() // 12)  # calendar years touched, rounded up
    if span.months() > max_years * 12:
        return f"{years}년으로 {max_years}년을 넘습니다"
    if start is not None and span.last_day() < start.first_day():
        return f"평가 기간({start.year}년 {start.month or 1}월 이후) 전에 끝났습니다"
    return None


def _expected(rule: IndicatorRule) -> str:
    since = rule.params.get("in_force_from")
    limit = f"{rule.params.get('max_years', 5)}년 이내"
    return f"{limit}, {since} 이후까지 유효" if since else limit


class PlanNotCurrent(Rule):
    """B-2-1 asks for a mid/long-term plan 'within 5 years': each listed plan's 연도 span
    ('2023~2027') must cover at most 5 years and must not have ended before the call's
    evaluation window (`in_force_from`, '23.01) — a 2013~2017 plan is no current plan.
    The span is read from the 연도 cell; one read from the plan's name gives a warning.
    A plan beside another that qualifies only warns: the O/X may still hold."""

    spec = RuleSpec(
        id="period.plan-not-current",
        severity=Severity.ERROR,
        template="지표 {code}의 '{plan}' 계획 기간 {span}은(는) {why} (5년 이내 중장기 계획이어야 함)",
        clause="지침 V.제출서류 및 양식 > 정량지표 요약표 > B-2-1 (5년 이내 중장기 스마트도시계획 "
               "수립 여부); 정량지표 작성요령 ◇ ('23년 1월 이후 실적)",
        example={"code": "B-2-1", "plan": "누리시 스마트도시계획", "span": "2013~2017",
                 "why": "평가 기간(2023년 1월 이후) 전에 끝났습니다"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim, _ind, rule, lst in list_rules(sub, ctx.ruleset, RULE_ID):
            field = str(rule.params.get("span_field", ""))
            plans = [p for it in rows_of(claim, lst) if (p := _span(it, lst, field))]
            good = [p for p in plans if p.doubt is None and _why(p.span, rule) is None]
            for p in plans:
                why = _why(p.span, rule)
                if why is None:
                    continue
                other = (f"다른 계획 '{good[0].item.name}'({good[0].text})이 요건을 충족함"
                         if good else None)
                ocr = ocr_read(sub.documents, [p.item.location])
                doubt = "; ".join(x for x in (p.doubt, other, ocr) if x) or None
                plan = p.item.name or p.item.text
                yield self.finding(
                    indicator=claim.code, claimed=p.text, expected=_expected(rule),
                    locations=[p.item.location or claim.form_source],
                    code=claim.code, plan=plan, span=p.text, why=why, uncertain=doubt)
