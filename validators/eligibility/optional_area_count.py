from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule


class OptionalAreaCount(Rule):
    """Exactly `structure.optional_areas.choose` distinct optional areas. Unknown names are
    the mapping's `completeness.unknown-area`; no areas at all is
    `completeness.missing-applicant-fact`."""

    spec = RuleSpec(
        id="eligibility.optional-area-count",
        severity=Severity.ERROR,
        template="선택 서비스 분야는 반드시 {choose}개여야 하나 {count}개입니다: {areas}",
        clause="지침 참고자료 1.정량지표 > 대분류3 ※ 선택영역: 행정 등 7개 분야 중 "
               "반드시 '3개' 분야만 선택",
        example={"choose": "3", "count": "4", "areas": "행정, 교육, 환경에너지, 교통"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        rule = ctx.ruleset.structure.optional_areas
        if rule is None or not sub.selected_areas:
            return
        chosen: dict[str, str] = {}
        for name in sub.selected_areas:
            area = ctx.ruleset.area(name)
            if area is not None and not area.mandatory:
                chosen.setdefault(area.id, area.name)
        if len(chosen) == rule.choose:
            return
        yield self.finding(choose=rule.choose, count=len(chosen),
                           areas=", ".join(chosen.values()) or "없음",
                           claimed=str(len(chosen)), expected=str(rule.choose),
                           locations=[sub.selected_areas_source or sub.source],
                           uncertain=ocr_read(sub.documents, [sub.selected_areas_source]))
