from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_patterns import excluded_items
from smartcert.validators.support.exclusion_rule import DEDICATED


class OtherExclusion(Rule):
    """Every other exclusion of the catalogue (리빙랩 under A-2-4, 도로·터널 investment under
    B-4-3 …), screened by its keywords: a hint to look. An exclusion without keywords is left
    to the rule that reads its indicator's `rules:` entry (A-3-2 파일데이터:
    exclusion.not-open-api; B-3-1 지자체명: exclusion.not-in-own-name)."""

    spec = RuleSpec(
        id="exclusion.other",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}'에 '{keyword}'이(가) 있습니다 — 확인 필요: {reason}",
        clause="지침 V.제출서류 및 양식 > 각 지표 분석자료 (제외 대상: indicators.yaml exclusions)",
        example={"code": "A-2-4", "item": "스마트 안전 골목 리빙랩 시민 교육",
                 "keyword": "리빙랩", "reason": "리빙랩 프로그램은 제외"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            for exclusion in ind.exclusions if ind is not None else []:
                if exclusion.id in DEDICATED:
                    continue
                for _, hit in excluded_items(claim, ctx.ruleset, exclusion.id):
                    item = hit.text.strip()
                    yield self.finding(indicator=claim.code, code=claim.code, item=item,
                                       keyword=hit.keyword, reason=exclusion.text, claimed=item,
                                       expected=exclusion.text, locations=[hit.location])
