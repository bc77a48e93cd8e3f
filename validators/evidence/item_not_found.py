from __future__ import annotations

from collections.abc import Iterator

from schemas.claims import Submission
from schemas.findings import Finding, Severity
from schemas.rulespec import RuleSpec
from validators.evidence.grading import graded
from validators.evidence.index import CLAUSE, evidence_index
from validators.evidence.items import find_item, searchable
from validators.rule import CheckContext, Rule


class ItemNotFound(Rule):
    """Each listed item's name appears somewhere in the evidence (fuzzy, Korean jamo keys)."""

    spec = RuleSpec(
        id="evidence.item-not-found",
        severity=Severity.ERROR,
        template="지표 {code}의 '{item}'이(가) 근거자료 어디에도 보이지 않습니다",
        clause=CLAUSE,
        example={"code": "A-1-2", "item": "2024 스마트 교통 서비스 우수기관"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        index = evidence_index(ctx)
        if not index.pages:
            return
        for claim in sub.indicators:
            if claim.value is False:
                continue
            for item in claim.items:
                name = searchable(item)
                if name is None or find_item(index, claim, name) is not None:
                    continue
                finding = self.finding(indicator=claim.code, code=claim.code, item=name,
                                       claimed=name,
                                       locations=[item.location or claim.form_source])
                if (g := graded(finding, index.pages)) is not None:
                    yield g
