from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values import parse_value
from smartcert.schemas.catalogue.indicators import Indicator, ValueRule
from smartcert.schemas.claims import Component, Document, IndicatorClaim, Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.figures import agrees, number
from smartcert.validators.support.form_cells import printed


class SummaryVsForm(Rule):
    """The summary-table value against the same figure printed on the indicator's data
    form (the primary component; for 국내/국외 and 종/건 each part). Numbers agree within
    half a unit of the less precise of the two printed figures; a ratio the call also
    prints ×100 (its alternative multiplier) is accepted in either form. A form figure not
    located with certainty, a summary value read with an assumption, or either read on an
    OCR'd page, gives a warning that says so."""

    spec = RuleSpec(
        id="consistency.summary-vs-form",
        severity=Severity.ERROR,
        template="지표 {code}의 요약표 값 '{summary}'이(가) 자료구축양식의 {label} '{form}'과(와) "
                 "다릅니다",
        clause="지침 V.제출서류 및 양식 > 작성요령 (지표별 자료구축양식 작성 후 최종적으로 요약표 작성)",
        example={"code": "A-1-2", "summary": "5건", "label": "총계", "form": "4"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)  # unknown rows are kept as claims
            rule = ind.value_rule if ind else None
            if ind is None or rule is None or not claim.text:
                continue
            if rule.kind in ("two_part_sum", "kind_count"):
                yield from self._parts(claim, ind, rule, sub.documents)
            if rule.primary:
                comp = claim.component(rule.primary)
                if comp is not None and _differs(claim.value, comp, rule):
                    yield self._finding(claim, ind, comp, sub.documents)

    def _parts(self, claim: IndicatorClaim, ind: Indicator, rule: ValueRule,
               docs: list[Document]) -> Iterator[Finding]:
        parsed = [p for p in parse_value(claim.text or "").parts if p.number is not None]
        for pid in rule.parts:
            if pid == rule.primary:
                continue
            comp, spec = claim.component(pid), ind.form.component(pid) if ind.form else None
            if comp is None or spec is None or not printed(comp) or number(comp) is None:
                continue
            key = match_key(spec.label)
            same = [p for p in parsed if p.label and match_key(p.label) == key] or \
                   [p for p in parsed if rule.kind == "kind_count" and p.unit == spec.unit]
            if len(same) == 1 and same[0].number != number(comp):
                yield self._finding(claim, ind, comp, docs)

    def _finding(self, claim: IndicatorClaim, ind: Indicator, comp: Component,
                 docs: list[Document]) -> Finding:
        ocr = ocr_read(docs, [claim.source, comp.location])
        return self.finding(
            indicator=claim.code, claimed=claim.text, expected=comp.text,
            locations=[claim.source, comp.location or claim.form_source], code=claim.code,
            summary=claim.text, label=comp.label, form=comp.text,
            uncertain=Doubts(ind).summary(claim).component(comp).note(ocr).text)


def _differs(summary: object, comp: Component, rule: ValueRule) -> bool:
    if not printed(comp):
        return False
    if isinstance(summary, bool) or isinstance(comp.value, bool):
        return isinstance(summary, bool) and isinstance(comp.value, bool) \
            and summary != comp.value
    form = number(comp)
    if not isinstance(summary, Decimal) or form is None:
        return False
    scales = [Decimal(1), *(Decimal(m) / Decimal(rule.multiplier or 1)
                            for m in rule.alt_multipliers)]
    return not any(agrees(summary, form * s) or agrees(form * s, summary) for s in scales)
