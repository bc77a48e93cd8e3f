from __future__ import annotations

from typing import ClassVar

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_keyword_rule import KeywordEntryRule


class UnrelatedField(KeywordEntryRule):
    """An item outside the related field an indicator asks for (A-1-2 관련부문 표창, A-2-3
    리빙랩, A-2-4 교육 프로그램 “스마트도시” 관련): none of the entry's words in its name
    (A-2-3: or 내용). Whether a field is related is a judgement: a warning naming the words."""

    kinds: ClassVar[frozenset[str]] = frozenset({"related_field", "smart_city_related"})
    spec = RuleSpec(
        id="exclusion.unrelated-field",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}'{rows}에 {words} 중 어느 말도 없습니다 — "
                 "관련 분야인지 확인 필요: {rule} ({where})",
        clause=("지침 V.제출서류 및 양식 > 각 지표 분석자료 (관련부문·“스마트도시” 관련만 작성: "
                "A-1-2 표창, A-2-3 리빙랩, A-2-4 시민 교육 프로그램)"),
        example={
            "code": "A-1-2", "item": "2024 청렴도 평가 우수기관", "rows": "",
            "words": "'스마트도시', '데이터', '전자정부', '드론', '로봇', '에너지', '지능형'",
            "rule": "스마트도시, 데이터, 통합정보시스템, 전자정부, 전기차(무인차), 드론 서비스, "
                    "로봇, 에너지(효율), 지능형서비스 등 스마트도시 분야가 명시된 부문",
            "where": "A-1-2 분석자료",
        },
    )
