from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.unread import pages_doubt, proposals, summary_pages


class AreaWithoutIndicators(Rule):
    """A selected area without a summary row; a warning when pages where the summary may
    continue were OCR'd or not read (`missing-indicator`'s doubt)."""

    spec = RuleSpec(
        id="completeness.area-without-indicators",
        severity=Severity.ERROR,
        template="선택 영역 '{area}'을(를) 선택했으나 요약표에 그 영역의 지표가 하나도 없습니다",
        clause="지침 III.평가방법 및 평가기준 > 정량지표 ※ 선택영역은 7개 분야 중 "
               "반드시 '3개' 분야만 선택하여 지표 설정",
        example={"area": "교육"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        present = {c.code for c in sub.indicators}
        if not present:
            return
        doubt = pages_doubt(((d, summary_pages(d)) for d in proposals(sub)), "그 쪽의 요약표 행을")
        for name in sub.selected_areas:
            area = ctx.ruleset.area(name)
            if area is None:
                continue
            codes = {i.code for i in ctx.ruleset.indicators if i.area == area.id}
            if not codes & present:
                yield self.finding(area=area.name, expected=", ".join(sorted(codes)),
                                   locations=[sub.source, ctx.summary_location,
                                              *doubt.locations], uncertain=doubt.text)
