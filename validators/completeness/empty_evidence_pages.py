from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.indicators import is_free_text


class EmptyEvidencePages(Rule):
    spec = RuleSpec(
        id="completeness.empty-evidence-pages",
        severity=Severity.ERROR,
        template="지표 {code}의 '증빙 페이지'가 비어 있습니다",
        clause="지침 V.제출서류 및 양식 > 작성요령 (증빙자료는 … 사실을 증명하는 "
               "근거자료로써 제출) > ● 정량지표 요약표 '증빙 페이지'",
        example={"code": "B-2-2"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            # an 'X' (not achieved) or a free-text row has nothing to prove
            if ind is None or claim.value is False or is_free_text(ind):
                continue
            if claim.evidence_pages is None or claim.evidence_pages.is_empty:
                yield self.finding(indicator=claim.code, code=claim.code,
                                   locations=[claim.source])
