from __future__ import annotations

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_rule import ExclusionRule


class OwnSmartCityPlan(ExclusionRule):
    exclusion_id = "own_smart_city_plan"
    spec = RuleSpec(
        id="exclusion.own-smart-city-plan",
        severity=Severity.ERROR,
        template="지표 {code}의 '{item}'은(는) 지자체 '{keyword}'입니다: {reason}",
        clause=("지침 V.제출서류 및 양식 > A.혁신성 부문 > 3) 정보공개 및 활용 "
                "> ① 도시정보 연계·통합을 위한 계획 및 규정 수 > 분석자료"),
        example={
            "code": "A-3-1",
            "item": "누리시 스마트도시계획(2024~2028)",
            "keyword": "스마트도시계획",
            "reason": "지자체 스마트도시 계획은 제외",
        },
    )
