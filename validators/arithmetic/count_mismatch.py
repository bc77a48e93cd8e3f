from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from schemas.claims import Submission
from schemas.findings import Finding, Severity
from schemas.rulespec import RuleSpec
from validators.arithmetic.figures import number
from validators.arithmetic.listed import printed, rows_of
from validators.rule import CheckContext, Rule


class CountMismatch(Rule):
    """A count the form states (or, without a printed count, the summary value the count
    is) against the number of items the form lists. Counts are exact: no tolerance."""

    spec = RuleSpec(
        id="arithmetic.count-mismatch",
        severity=Severity.ERROR,
        template="지표 {code}의 {what} {value}이(가) 목록의 {label} {rows}개와 맞지 않습니다",
        clause="지침 V.제출서류 및 양식 > 지표별 자료구축양식 (목록의 항목 수 = 지표 값 00건/00개)",
        example={"code": "A-1-2", "what": "자료구축양식 총계", "value": "5건",
                 "label": "표창", "rows": "4"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)  # unknown rows are kept as claims
            if ind is None or ind.form is None:
                continue
            primary = ind.value_rule.primary if ind.value_rule else None
            for lst in ind.form.lists:
                rows = rows_of(claim, lst)
                if not lst.count_to or not rows:
                    continue
                comp = claim.component(lst.count_to)
                if comp is not None and printed(comp):
                    value, text, what = number(comp), comp.text, "자료구축양식 총계"
                    places = [claim.source, comp.location]
                elif lst.count_to == primary and isinstance(claim.value, Decimal):
                    value, text, what = claim.value, claim.text or "", "요약표 값"
                    places = [claim.source]
                else:
                    continue
                if value is None or value == len(rows):
                    continue
                places += [it.location for it in rows[:1]] or [claim.form_source]
                yield self.finding(
                    indicator=claim.code, claimed=text or str(value), expected=str(len(rows)),
                    locations=places, code=claim.code, what=what, value=text or str(value),
                    label=lst.label, rows=len(rows))
