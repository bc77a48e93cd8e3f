from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import IndicatorClaim, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_words import (
    entries,
    has_any,
    items,
    quoted,
    where,
    words,
)
from smartcert.validators.support.item_names import name_key

# a bare O/X says nothing of the kind of performance management
_FLAGS = frozenset({"o", "x", "○", "×", "◯", "예", "아니오", "있음", "없음"})


def printed_texts(claim: IndicatorClaim) -> list[str]:
    """What the claim prints in words: the summary cell, the form's figures and rows."""
    texts = [claim.text or "", *(c.text for c in claim.components)]
    for it in items(claim):
        texts += [it.name or "", *(c.text for c in it.cells)]
    return [t for t in texts if t.strip() and name_key(t) not in _FLAGS]


class NotKpiKind(Rule):
    """A-1-3 admits two kinds only: a performance-management system on own indicators, or
    quantitative KPIs against the smart city plan. A claim that prints words but none
    naming either kind (entry params `system_words`, `kpi_words`) is a warning naming them."""

    kinds: ClassVar[frozenset[str]] = frozenset({"only_two_kinds"})
    spec = RuleSpec(
        id="exclusion.not-kpi-kind",
        severity=Severity.WARNING,
        template="지표 {code}의 '{text}'에 {words} 중 어느 말도 없습니다 — 확인 필요: {rule} ({where})",
        clause=("지침 V.제출서류 및 양식 > A.혁신성 부문 > 1) 공공역량 > ③ 스마트도시 서비스 성과 "
                "관리(KPI 등) 여부 > 분석자료"),
        example={
            "code": "A-1-3", "text": "스마트도시 서비스 시민 만족도 조사 (연 1회)",
            "words": "'성과관리시스템', '성과관리', '자체지표', '성과지표', '정량지표', 'KPI'",
            "rule": "자체지표를 통한 성과관리시스템 운영, 스마트시티 계획 대비 정량적 성과지표 "
                    "보유 및 관리 여부만 작성 가능",
            "where": "A-1-3 분석자료",
        },
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            for _, entry in entries(ctx.ruleset, claim.code, self.kinds):
                sought = [*words(entry, "system_words"), *words(entry, "kpi_words")]
                texts = printed_texts(claim)
                if not sought or not texts or any(has_any(t, sought) for t in texts):
                    continue
                shown = texts[0].strip()
                yield self.finding(indicator=claim.code, code=claim.code, text=shown[:60],
                                   words=quoted(sought), rule=entry.text,
                                   where=where(claim.code, entry), claimed=shown,
                                   expected=f"{entry.text} ({entry.clause})",
                                   locations=[claim.form_source or claim.source])
