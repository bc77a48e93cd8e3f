from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule


class UnknownRow(Rule):
    spec = RuleSpec(
        id="completeness.unknown-row",
        severity=Severity.WARNING,
        template="요약표의 행 '{text}'이(가) 2025년 지표 목록의 어느 지표와도 맞지 않습니다",
        clause="지침 V.제출서류 및 양식 > ● 정량지표 요약표 (지표명)",
        example={"text": "A-9-9 스마트 가로등 설치 수"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            if ctx.ruleset.get(claim.code) is None:
                label = " ".join(x for x in (claim.code, claim.name_as_printed) if x)
                yield self.finding(indicator=None, text=label, claimed=label,
                                   locations=[claim.source])
