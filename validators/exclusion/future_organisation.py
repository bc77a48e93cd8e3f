from __future__ import annotations

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_rule import ExclusionRule


class FutureOrganisation(ExclusionRule):
    exclusion_id = "future_organisation"
    spec = RuleSpec(
        id="exclusion.future-organisation",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}'에 '{keyword}'이(가) 있습니다 — 현재 조직만 작성: {reason}",
        clause="지침 V.제출서류 및 양식 > A.혁신성 부문 > 1) 공공역량 > ① 스마트도시 전담부서 지정 여부 > 분석자료",
        example={
            "code": "A-1-1",
            "item": "스마트도시과 (2026 신설 예정)",
            "keyword": "신설 예정",
            "reason": "향후 조직 구성 계획은 제외",
        },
    )
