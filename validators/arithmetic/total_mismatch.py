from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from schemas.catalogue_models import Indicator
from schemas.claims import IndicatorClaim, ListedItem, Submission
from schemas.findings import Finding, Severity
from schemas.mapping.form_items import column_sum
from schemas.rulespec import RuleSpec
from validators.arithmetic.figures import agrees, decimals_of, fmt, number
from validators.arithmetic.listed import printed, rows_of
from validators.rule import CheckContext, Rule


class TotalMismatch(Rule):
    """A total the form prints against the sum of its rows (the list column the catalogue
    says adds up to it). Tolerance: half a unit of the total's last printed decimal. A column
    whose every row repeats the total is the total cell merged across the rows (A-1-1's
    '총 인원'), not rows to add up. Totals of other components (a 계 over 공영 and 민간, a
    총계 row over two years) come from the catalogue's `sum_of_*` rules."""

    spec = RuleSpec(
        id="arithmetic.total-mismatch",
        severity=Severity.ERROR,
        template="지표 {code}의 {label} {value}이(가) '{column}'의 합계 {calc}와(과) 맞지 않습니다",
        clause="지침 V.제출서류 및 양식 > 지표별 자료구축양식 (총계 행 = 각 행의 합)",
        example={"code": "A-3-2", "label": "API 제공 건 수", "value": "674",
                 "column": "목록 23년~24년 제공 건 수 열", "calc": "647"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)  # unknown rows are kept as claims
            if ind is None or ind.form is None:
                continue
            yield from self._component_sums(claim, ind)
            for lst in ind.form.lists:
                rows = rows_of(claim, lst)
                for field in lst.fields:
                    comp = claim.component(field.sums_to or "")
                    value = number(comp)
                    if not rows or comp is None or not printed(comp) or value is None:
                        continue
                    total = column_sum(rows, field.name)
                    if total is None or agrees(value, total) or _merged(rows, field.name, value):
                        continue
                    calc = fmt(total, decimals_of(value))
                    yield self.finding(
                        indicator=claim.code, claimed=comp.text, expected=calc,
                        locations=[claim.source, comp.location,
                                   *[it.location for it in rows]],
                        code=claim.code, label=comp.label, value=comp.text,
                        column=f"목록 {field.name} 열", calc=calc)


    def _component_sums(self, claim: IndicatorClaim, ind: Indicator) -> Iterator[Finding]:
        for rule in ind.rules:
            total_id, parts = rule.params.get("total"), rule.params.get("parts")
            if not rule.id.startswith("sum_of") or not isinstance(parts, list):
                continue
            comp = claim.component(str(total_id))
            rows = [claim.component(str(p)) for p in parts]
            vals = [number(r) for r in rows]
            value = number(comp)
            if comp is None or not printed(comp) or value is None or None in vals:
                continue
            total = sum((v for v in vals if v is not None), Decimal(0))
            if agrees(value, total):
                continue
            calc = fmt(total, decimals_of(value))
            labels = " + ".join(r.label for r in rows if r is not None)
            yield self.finding(
                indicator=claim.code, claimed=comp.text, expected=calc,
                locations=[claim.source, comp.location, *[r.location for r in rows if r]],
                code=claim.code, label=comp.label, value=comp.text, column=labels, calc=calc)


def _merged(rows: list[ListedItem], column: str, total: Decimal) -> bool:
    return len(rows) > 1 and all(column_sum([it], column) == total for it in rows)
