from __future__ import annotations

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_rule import ExclusionRule


class ModelCivilServant(ExclusionRule):
    exclusion_id = "model_civil_servant"
    spec = RuleSpec(
        id="exclusion.model-civil-servant",
        severity=Severity.ERROR,
        template="지표 {code}의 '{item}'은(는) '{keyword}' 상입니다: {reason}",
        clause="지침 V.제출서류 및 양식 > A.혁신성 부문 > 1) 공공역량 > ② 2년간 스마트도시 관련 표창 건수 > 분석자료",
        example={
            "code": "A-1-2",
            "item": "2024 모범공무원 국무총리 표창",
            "keyword": "모범공무원",
            "reason": "모범공무원 상은 제외",
        },
    )
