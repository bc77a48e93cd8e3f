from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import Indicator, ValueRule
from smartcert.schemas.claims import IndicatorClaim, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.figures import (
    agrees,
    decimals_of,
    fmt,
    for_year,
    locations,
    number,
    recompute,
)


class RatioMismatch(Rule):
    """A ratio, per-capita value or percentage against its own components. The printed
    value may differ from the exact quotient by half a unit of its last printed decimal
    (rounding to the printed decimals); readings the call itself allows (its alternative
    multiplier, a population column filled in persons) are accepted too. When a figure it
    used was not located with certainty (or the summary value took an assumption), the
    finding is a warning naming it."""

    spec = RuleSpec(
        id="arithmetic.ratio-mismatch",
        severity=Severity.ERROR,
        template="지표 {code}의 {what} {value}이(가) 구성 수치({formula})로 계산한 {calc}와(과) "
                 "맞지 않습니다 (허용 오차: 표기된 마지막 자릿수의 반 단위)",
        clause="지침 V.제출서류 및 양식 > 지표별 자료구축양식 (지표값 산식: 비율·인구 1만명/1천명 당 값)",
        example={"code": "A-2-1", "what": "자료구축양식 지표값", "value": "2.31",
                 "formula": "(A+B)/(C)", "calc": "2.13"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)  # unknown rows are kept as claims
            rule = ind.value_rule if ind else None
            if ind is None or rule is None:
                continue
            yield from self._primary(claim, ind, rule)
            for spec in ind.form.components if ind.form else []:
                sub_rule = for_year(ind, rule, spec.year) if spec.role == "derived" \
                    and spec.year is not None and spec.id != rule.primary else None
                comp = claim.component(spec.id)
                if sub_rule is not None and comp is not None and number(comp) is not None:
                    yield from self._compare(claim, ind, sub_rule, spec.id, number(comp),
                                             f"자료구축양식 {comp.label}")

    def _primary(self, claim: IndicatorClaim, ind: Indicator,
                 rule: ValueRule) -> Iterator[Finding]:
        printed = number(claim.component(rule.primary or ""))
        if printed is not None:
            yield from self._compare(claim, ind, rule, rule.primary, printed, "자료구축양식 지표값")
        elif isinstance(claim.value, Decimal):  # no derived cell on the form: the summary
            yield from self._compare(claim, ind, rule, None, claim.value, "요약표 값")

    def _compare(self, claim: IndicatorClaim, ind: Indicator, rule: ValueRule,
                 cid: str | None, printed: Decimal | None, what: str) -> Iterator[Finding]:
        candidates = recompute(claim, ind, rule)
        if printed is None or not candidates or any(agrees(printed, c) for c in candidates):
            return
        comp = claim.component(cid or "")
        ids = [*rule.numerator, *rule.denominator, rule.base or "", rule.current or "", cid or ""]
        places = decimals_of(printed) if rule.decimals is None else rule.decimals
        calc = fmt(candidates[0], places)
        doubts = Doubts(ind).component(*(claim.component(i) for i in ids if i))
        if cid is None:
            doubts.summary(claim)
        yield self.finding(
            indicator=claim.code,
            claimed=(comp.text if comp and comp.text else claim.text) or str(printed),
            expected=calc, locations=locations(claim, [i for i in ids if i]), code=claim.code,
            what=what, value=str(printed), formula=_formula(rule), calc=calc,
            uncertain=doubts.text)


def _formula(rule: ValueRule) -> str:
    if rule.kind == "decrease_percent":
        return f"({rule.base}−{rule.current})/{rule.base}×{rule.multiplier}"
    num, den = "+".join(rule.numerator), "+".join(rule.denominator)
    out = f"({num})/({den})"
    return out + (f"×{rule.multiplier}" if rule.multiplier != 1 else "")
