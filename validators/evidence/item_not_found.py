from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import IndicatorClaim, ListedItem, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.evidence_grading import grade
from smartcert.validators.support.evidence_index import CLAUSE
from smartcert.validators.support.evidence_items import (
    ItemFinder,
    parts_of,
    searchable,
    to_prove,
)


class ItemNotFound(Rule):
    """Each listed item the indicator asks to prove (`to_prove`: B-2-1's 스마트도시계획, not
    the 관련 계획 beside it) appears by its name somewhere in the evidence (fuzzy, Korean jamo
    keys). Where an O/X indicator's evidence shows the parts the row describes instead of
    the name (C-2-5: 예경보 방송 단말, 자동음성통보 … for '대국민통합 상황전파 시스템'), it is a
    judgement call: a warning saying what was looked for, never an error."""

    spec = RuleSpec(
        id="evidence.item-not-found",
        severity=Severity.ERROR,
        template="지표 {code}의 '{item}'이(가) 근거자료 어디에도 보이지 않습니다",
        clause=CLAUSE,
        example={"code": "A-1-2", "item": "2024 스마트 교통 서비스 우수기관"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        index = ctx.evidence_index
        if not index.pages:
            return
        pages_read = grade(index.pages)
        if pages_read is None:
            return
        for claim in sub.indicators:
            if claim.value is False:
                continue
            ind = ctx.ruleset.get(claim.code)
            for item in to_prove(claim, ind):
                name = searchable(item)
                if name is None or ctx.evidence_items.find(claim, name) is not None:
                    continue
                doubts = Doubts(ind).note(_judgement(claim, ind, item, name, ctx.evidence_items))
                yield pages_read.apply(self.finding(
                    indicator=claim.code, code=claim.code, item=name, claimed=name,
                    locations=[item.location or claim.form_source],
                    uncertain=doubts.note(pages_read.doubt).text))


def _judgement(claim: IndicatorClaim, ind: Indicator | None, item: ListedItem, name: str,
               finder: ItemFinder) -> str | None:
    """What was looked for, when the evidence shows the item's described parts but not its
    name: whether they are the thing an O/X indicator claims is for a reviewer to judge."""
    if ind is None or ind.value_rule is None or ind.value_rule.kind != "bool" or ind.form is None:
        return None
    lst = next((lst for lst in ind.form.lists if lst.id == item.list_id), None)
    parts = parts_of(item, lst)
    seen = [p for p in parts if finder.find(claim, p, anywhere=False) is not None]
    if not seen:
        return None
    return (f"이름 '{name}'과(와) 내용 {_quoted(parts)}을(를) 찾았으나 이름은 없고 "
            f"{_quoted(seen)}만 보여 같은 것인지 판단이 필요함")


def _quoted(texts: list[str]) -> str:
    return ", ".join(f"'{t}'" for t in texts)
