from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import IndicatorClaim, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.figures import number
from smartcert.validators.support.form_cells import printed, rows_of


class TwoPartMismatch(Rule):
    """Two-part values coherent: 국내/국외 each equal to the listed items of that category
    (two_part_sum); of 000종 000건 the kinds never exceed the cases (kind_count). A figure
    not located with certainty gives a warning that says so."""

    spec = RuleSpec(
        id="arithmetic.two-part-mismatch",
        severity=Severity.ERROR,
        template="지표 {code}의 {part} {value}이(가) {why}",
        clause="지침 V.제출서류 및 양식 > 정량지표 요약표 (국내 00건 국외 00건; 000종 000건)",
        example={"code": "B-3-1", "part": "국외", "value": "3건",
                 "why": "목록의 '국외' 행 수 2개와 맞지 않습니다"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)  # unknown rows are kept as claims
            rule = ind.value_rule if ind else None
            if ind is None or rule is None:
                continue
            if rule.kind == "two_part_sum":
                yield from self._by_category(claim, ind, rule.parts)
            elif rule.kind == "kind_count" and len(rule.parts) == 2:
                yield from self._kinds_within_cases(claim, ind, *rule.parts)

    def _kinds_within_cases(self, claim: IndicatorClaim, ind: Indicator, kid: str,
                            cid: str) -> Iterator[Finding]:
        kinds, cases = claim.component(kid), claim.component(cid)
        k, c = number(kinds), number(cases)
        if kinds is None or cases is None or k is None or c is None or k <= c:
            return
        yield self.finding(
            indicator=claim.code, claimed=kinds.text or str(k), expected=f"≤ {c}",
            locations=[claim.source, kinds.location, cases.location], code=claim.code,
            part=kinds.label, value=kinds.text or str(k),
            why=f"{cases.label} {cases.text or c}보다 큽니다 (종 수는 건 수를 넘을 수 없음)",
            uncertain=Doubts(ind).component(kinds, cases).text)

    def _by_category(self, claim: IndicatorClaim, ind: Indicator,
                     parts: list[str]) -> Iterator[Finding]:
        labels = {p: match_key(c.label) for p in parts
                  if ind.form and (c := ind.form.component(p)) is not None}
        for lst in ind.form.lists if ind.form else []:
            cat = next((f for f in lst.fields if f.role == "category"
                        and {match_key(v) for v in f.values} >= set(labels.values())), None)
            rows = rows_of(claim, lst)
            kinds = [match_key(it.kind or "") for it in rows]
            if cat is None or not rows or not all(k in labels.values() for k in kinds):
                continue
            for pid, key in labels.items():
                comp = claim.component(pid)
                value, n = number(comp), kinds.count(key)
                if comp is None or not printed(comp) or value is None or value == n:
                    continue
                mine = [it.location for it, k in zip(rows, kinds, strict=True) if k == key]
                yield self.finding(
                    indicator=claim.code, claimed=comp.text, expected=str(n),
                    locations=[claim.source, comp.location, *mine[:1]], code=claim.code,
                    part=comp.label, value=comp.text,
                    why=f"목록의 '{comp.label}' 행 수 {n}개와 맞지 않습니다",
                    uncertain=Doubts(ind).component(comp).text)
