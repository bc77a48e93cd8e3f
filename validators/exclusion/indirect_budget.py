from __future__ import annotations

from typing import ClassVar

from smartcert.core.findings import Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.validators.support.exclusion_keyword_rule import KeywordEntryRule


class IndirectBudget(KeywordEntryRule):
    """A budget line (B-4-1, B-4-2) with no smart-city word in its 사업명. The call's forms
    print no lines, only the totals: this reads the lines a submission lists, and nothing
    where it lists none. Whether a budget is direct is a judgement: a warning."""

    kinds: ClassVar[frozenset[str]] = frozenset({"direct_budget_only"})
    spec = RuleSpec(
        id="exclusion.indirect-budget",
        severity=Severity.WARNING,
        template="지표 {code}의 예산 사업 '{item}'{rows}에 {words} 중 어느 말도 없습니다 — "
                 "확인 필요: {rule} ({where})",
        clause=("지침 V.제출서류 및 양식 > B.거버넌스 및 제도 부문 > 4) 재원조성 > ①·② 분석자료 "
                "(스마트도시와 직접적으로 관련된 예산이나 독립된 예산으로만 작성)"),
        example={
            "code": "B-4-1", "item": "시청사 냉난방 설비 교체", "rows": "",
            "words": "'스마트도시', '스마트시티', '통합운영센터', '데이터', 'IoT', '지능형'",
            "rule": "스마트도시와 직접적으로 관련된 예산이나 독립된 예산으로만 작성",
            "where": "B-4-1 분석자료",
        },
    )
