from __future__ import annotations

from typing import ClassVar

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_keyword_rule import KeywordEntryRule


class NotSmartCityNamed(KeywordEntryRule):
    """An item whose name the call wants to say 스마트도시 and does not (B-1-1 협의체,
    B-2-2 조례, B-3-1 행사): none of the entry's words ('스마트도시', '스마트시티', 'Smart
    City' …) whatever the spacing. A role may still be one (B-1-1): a warning."""

    kinds: ClassVar[frozenset[str]] = frozenset({"smart_city_named", "smart_city_ordinance_only"})
    spec = RuleSpec(
        id="exclusion.not-smart-city-named",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}'{rows}에 {words} 중 어느 말도 없습니다 — "
                 "확인 필요: {rule} ({where})",
        clause=("지침 V.제출서류 및 양식 > B.거버넌스 및 제도 부문 > 각 지표 분석자료 "
                "(B-1-1 협의회 명칭이나 역할, B-2-2 스마트도시 조례, B-3-1 “스마트도시” 혹은 "
                "“스마트시티”가 포함된 이름의 행사)"),
        example={
            "code": "B-3-1", "item": "2024 지역 디지털혁신 성과공유회 참가", "rows": "",
            "words": "'스마트도시', '스마트시티', 'Smart City', 'Smart Cities', 'WSCE'",
            "rule": "“스마트도시” 혹은 “스마트시티”가 포함된 이름으로 개최 혹은 참여한 행사",
            "where": "B-3-1 분석자료",
        },
    )
