from __future__ import annotations

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_rule import ExclusionRule


class Planned(ExclusionRule):
    exclusion_id = "planned"
    spec = RuleSpec(
        id="exclusion.planned",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}'에 '{keyword}'이(가) 있습니다 — 운영 중인 것만 작성: {reason}",
        clause=("지침 V.제출서류 및 양식 > 각 지표 분석자료 ('예정인 시스템은 제외', "
                "'예정은 제외': A-3-6, A-3-8, C-4-1, C-7-1)"),
        example={
            "code": "A-3-8",
            "item": "교통-안전 시스템 연계 (2025 예정)",
            "keyword": "예정",
            "reason": "예정인 시스템은 제외",
        },
    )
