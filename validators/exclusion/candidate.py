from __future__ import annotations

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_rule import ExclusionRule


class Candidate(ExclusionRule):
    exclusion_id = "candidate"
    spec = RuleSpec(
        id="exclusion.candidate",
        severity=Severity.ERROR,
        template="지표 {code}의 '{item}'은(는) '{keyword}'(으)로 보입니다: {reason}",
        clause="지침 V.제출서류 및 양식 > A.혁신성 부문 > 1) 공공역량 > ② 2년간 스마트도시 관련 표창 건수 > 분석자료",
        example={
            "code": "A-1-2",
            "item": "2024 스마트시티 어워드 우수도시 후보 선정",
            "keyword": "후보",
            "reason": "후보로 선정된 표창은 제외 (최종 선정되어 받은 표창만)",
        },
    )
