from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values import parse_value
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.indicators import is_free_text


class EmptyValue(Rule):
    spec = RuleSpec(
        id="completeness.empty-value",
        severity=Severity.ERROR,
        template="지표 {code}의 '작성 지표 요약'이 비어 있거나 양식의 예시값({text})이 그대로 있습니다",
        clause="지침 V.제출서류 및 양식 > 작성요령 (각 지표별로 예시에 따라 간단하게 작성) > ● 정량지표 요약표",
        example={"code": "A-1-2", "text": "00건"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            if ind is None:
                continue
            text = (claim.text or "").strip()
            # an unreadable value is the mapping's completeness.unreadable-value
            template = bool(text) and not is_free_text(ind) and parse_value(text).placeholder
            if not text or template:
                yield self.finding(indicator=claim.code, code=claim.code,
                                   text=claim.text or "빈칸", claimed=claim.text,
                                   expected=ind.summary_format or None,
                                   locations=[claim.source])
