from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import Indicator, IndicatorRule
from smartcert.schemas.claims import Component, IndicatorClaim, ListedItem, Submission
from smartcert.schemas.mapping.form_items import column_sum
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.tables import label_score
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.figures import (
    agrees,
    decimals_of,
    fmt,
    in_persons,
    number,
    population_scale,
    tolerance,
)
from smartcert.validators.support.form_cells import printed, rows_of


class TotalMismatch(Rule):
    """A total the form prints against the sum of its rows (the list column the catalogue
    says adds up to it). Tolerance: half a unit of the total's last printed decimal. A column
    whose every row repeats the total is the total cell merged across the rows (A-1-1's
    '총 인원'), not rows to add up. Totals of other components (a 계 over 공영 and 민간, a
    총계 row over two years) come from the catalogue's `sum_of_*` rules; populations printed in
    different units (C-5-1: 전체 인구 수(천명) over the years' 인구수(만명)) are added in persons,
    within the rounding of each. A total or part not located with certainty gives a warning
    that says so."""

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
                        column=f"목록 {field.name} 열", calc=calc,
                        uncertain=Doubts(ind).component(comp).text)


    def _component_sums(self, claim: IndicatorClaim, ind: Indicator) -> Iterator[Finding]:
        for rule in ind.rules_prefixed("sum_of"):
            total_id, parts = rule.params.get("total"), rule.params.get("parts")
            if rule.id.startswith("sum_of") and isinstance(rule.params.get("columns"), list):
                yield from self._column_sums(claim, ind, rule)
                continue
            if not rule.id.startswith("sum_of") or not isinstance(parts, list):
                continue
            comp = claim.component(str(total_id))
            rows = [claim.component(str(p)) for p in parts]
            vals = [number(r) for r in rows]
            value = number(comp)
            if comp is None or not printed(comp) or value is None or None in vals:
                continue
            scales = _persons(ind, [str(total_id), *map(str, parts)], [comp, *rows])
            if scales is not None:  # C-5-1: 전체 인구 수(천명) over two 인구수(만명)
                yield from self._in_persons(claim, ind, comp, rows, scales)
                continue
            total = sum((v for v in vals if v is not None), Decimal(0))
            if agrees(value, total):
                continue
            yield self._mismatch(claim, ind, comp, rows, fmt(total, decimals_of(value)))


    def _column_sums(self, claim: IndicatorClaim, ind: Indicator,
                     rule: IndicatorRule) -> Iterator[Finding]:
        """A total over several columns of every row (C-11-1: 총계 = 전담공무원 + 외부기관
        파견인력 + 관제요원 + 기타 of all centres). The call prints the 총계 figure under the
        first column; one equal to that column's own sum may be a per-column total row, so
        it only warns."""
        comp = claim.component(str(rule.params.get("total")))
        lst = next((x for x in ind.form.lists if x.id == rule.params.get("list")), None) \
            if ind.form is not None else None
        rows = rows_of(claim, lst) if lst is not None else []
        value = number(comp)
        if comp is None or not printed(comp) or value is None or not rows:
            return
        sums = {c: s for c in map(str, rule.params["columns"])
                if (s := column_sum(rows, c)) is not None}
        total = sum(sums.values(), Decimal(0))
        if not sums or agrees(value, total):
            return
        doubts = Doubts(ind).component(comp)
        under = next((c for c in sums if match_key(c) in match_key(comp.label)), None)
        if under is not None and agrees(value, sums[under]):
            doubts.note(f"총계 {comp.text}이(가) '{under}' 열 아래에 있어 그 열만의 합계일 수 있음")
        calc = fmt(total, decimals_of(value))
        cells = [c.location for it in rows for c in it.cells
                 if c.location is not None and any(label_score(c.name, [k]) >= MAPPING.label
                                                   for k in sums)]
        yield self.finding(
            indicator=claim.code, claimed=comp.text, expected=calc,
            locations=[claim.source, comp.location, *cells],
            code=claim.code, label=comp.label, value=comp.text,
            column=" + ".join(f"목록 {c} 열" for c in sums), calc=calc, uncertain=doubts.text)

    def _in_persons(self, claim: IndicatorClaim, ind: Indicator, comp: Component,
                    rows: list[Component | None], scales: list[Decimal]) -> Iterator[Finding]:
        """A population total over populations printed in another unit, compared in persons
        within the rounding of every figure."""
        figures = [number(c) or Decimal(0) for c in (comp, *rows)]
        persons = [v * s for v, s in zip(figures, scales, strict=True)]
        slack = sum((tolerance(v) * s for v, s in zip(figures, scales, strict=True)),
                    Decimal(0))
        if abs(persons[0] - sum(persons[1:], Decimal(0))) <= slack:
            return
        calc = fmt(sum(persons[1:], Decimal(0)) / scales[0], decimals_of(figures[0]))
        yield self._mismatch(claim, ind, comp, rows, calc)

    def _mismatch(self, claim: IndicatorClaim, ind: Indicator, comp: Component,
                  rows: list[Component | None], calc: str) -> Finding:
        labels = " + ".join(r.label for r in rows if r is not None)
        return self.finding(
            indicator=claim.code, claimed=comp.text, expected=calc,
            locations=[claim.source, comp.location, *[r.location for r in rows if r]],
            code=claim.code, label=comp.label, value=comp.text, column=labels, calc=calc,
            uncertain=Doubts(ind).component(comp, *rows).text)


def _persons(ind: Indicator, ids: list[str],
             comps: list[Component | None]) -> list[Decimal] | None:
    """Persons per printed unit of each population figure, when they are populations in
    units that differ (천명 and 만명); else None (compared as printed). A column filled with
    a head count counts in persons."""
    scales = []
    for cid, comp in zip(ids, comps, strict=True):
        scale, value = population_scale(comp, ind, cid), number(comp)
        if scale is None or value is None:
            return None
        scales.append(Decimal(1) if in_persons(value, scale) else scale)
    return scales if len(set(scales)) > 1 else None


def _merged(rows: list[ListedItem], column: str, total: Decimal) -> bool:
    return len(rows) > 1 and all(column_sum([it], column) == total for it in rows)
