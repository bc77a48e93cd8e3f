from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.item_names import name_key
from smartcert.validators.support.window import item_when, overlap

OVERLAP_RULE = "no_overlap"  # catalogue rule id: `params.with` names the other indicator


class CrossIndicatorItem(Rule):
    """An item listed under an indicator and again under the one its catalogue rule
    `no_overlap` excludes (A-2-4 시민 교육 vs A-2-3 리빙랩; B-3-1 행사 vs B-1-1 협의체):
    same normalised name, dates that may coincide (an undated side matches any date)."""

    spec = RuleSpec(
        id="duplicate.cross-indicator-item",
        severity=Severity.ERROR,
        template="'{name}'이(가) 지표 {code}와 {other}에 함께 작성되어 있습니다 ({text})",
        clause="지침 V.제출서류 및 양식 > A-2-4 분석자료 (리빙랩 프로그램은 제외); "
               "B-3-1 분석자료 (‘① 스마트도시 협의체 구성 및 운영 건수’ 자료와 중복 제출 불가)",
        example={"name": "스마트 버스정류장 리빙랩", "code": "A-2-4", "other": "A-2-3",
                 "text": "리빙랩 프로그램은 제외"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            for rule in ind.rules_of(OVERLAP_RULE) if ind is not None else []:
                other_code = rule.params.get("with")
                other = sub.indicator(str(other_code)) if other_code else None
                if other is None:
                    continue
                for item in claim.items:
                    key = name_key(item.name)
                    twin = next((o for o in other.items if key and name_key(o.name) == key
                                 and overlap(item_when(item), item_when(o))), None)
                    if twin is None:
                        continue
                    yield self.finding(
                        indicator=claim.code, name=item.name, code=claim.code,
                        other=other.code, text=rule.text, claimed=claim.code,
                        expected=other.code,
                        locations=[item.location or claim.form_source,
                                   twin.location or other.form_source])
