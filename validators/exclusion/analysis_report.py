from __future__ import annotations

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_rule import ExclusionRule


class AnalysisReport(ExclusionRule):
    exclusion_id = "analysis_report"
    spec = RuleSpec(
        id="exclusion.analysis-report",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}'은(는) '{keyword}'(으)로 보입니다 — 실제 정책 수립·활용 건만 작성: {reason}",
        clause=("지침 V.제출서류 및 양식 > C.서비스 기술 및 인프라 부문 > C-2. 선택 서비스 부문 > "
                "1) 행정 > ② 2년간 도시 데이터를 활용한 정책 수립 건수 > 분석자료"),
        example={
            "code": "C-3-2",
            "item": "교통량 빅데이터 분석 보고서 발간",
            "keyword": "분석 보고서",
            "reason": "단순히 데이터를 활용한 분석 보고서 발간은 제외",
        },
    )
