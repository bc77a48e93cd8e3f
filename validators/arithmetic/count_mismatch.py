from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import ListedItem, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.figures import number
from smartcert.validators.support.form_cells import broken_rows, printed, rows_of


class CountMismatch(Rule):
    """A count the form states (or, without a printed count, the summary value the count
    is) against the number of items the form lists. Counts are exact: no tolerance. A count
    not located with certainty, or rows that may be one row a page break cut in two, give a
    warning that says so."""

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
                doubts = Doubts(ind)
                if comp is not None and printed(comp):
                    value, text, what = number(comp), comp.text, "자료구축양식 총계"
                    places = [claim.source, comp.location]
                    doubts.component(comp)
                elif lst.count_to == primary and isinstance(claim.value, Decimal):
                    value, text, what = claim.value, claim.text or "", "요약표 값"
                    places = [claim.source]
                    doubts.summary(claim)
                else:
                    continue
                if value is None or value == len(rows):
                    continue
                broken = broken_rows(rows)
                if len(rows) - len(broken) <= value < len(rows):
                    doubts.note(f"목록의 {', '.join(_quoted(it) for it in broken)} 행은 칸 "
                                f"하나만 채워져 있어 쪽을 넘어 이어진 앞 행일 수 있음")
                places += [it.location for it in rows[:1]] or [claim.form_source]
                yield self.finding(
                    indicator=claim.code, claimed=text or str(value), expected=str(len(rows)),
                    locations=places, code=claim.code, what=what, value=text or str(value),
                    label=lst.label, rows=len(rows), uncertain=doubts.text)


def _quoted(item: ListedItem) -> str:
    return f"'{item.name or item.text}'"
