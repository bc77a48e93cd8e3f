from __future__ import annotations

from collections.abc import Iterator

from schemas.claims import ListedItem, Submission
from schemas.findings import Finding, Severity
from schemas.rulespec import RuleSpec
from validators.duplicate.names import name_key, when
from validators.rule import CheckContext, Rule


class SameItemTwice(Rule):
    """The same item (normalised name, same category column, same date) listed twice in
    one list of one indicator: it is counted twice. Same name on another date is a separate
    item (the call allows it), and undated items are not compared."""

    spec = RuleSpec(
        id="duplicate.same-item-twice",
        severity=Severity.ERROR,
        template="지표 {code}의 목록에 '{name}'({date})이(가) 두 번 이상 있습니다 ({numbers})",
        clause="지침 V.제출서류 및 양식 > 지표별 자료구축양식 (동일한 사업 또는 프로그램이어도 "
               "개최 일자가 다를 경우 별건으로 작성 — 같은 일자는 1건)",
        example={"code": "A-2-3", "name": "스마트 버스정류장 리빙랩", "date": "2024-05-14",
                 "numbers": "No. 3, No. 7"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            groups: dict[tuple[str | None, str, str, str], list[ListedItem]] = {}
            for item in claim.items:
                key, dated = name_key(item.name), when(item)
                if not key or dated is None:
                    continue
                k = (item.list_id, name_key(item.kind), key, str(dated))
                groups.setdefault(k, []).append(item)
            for items in groups.values():
                if len(items) < 2:
                    continue
                first = items[0]
                numbers = ", ".join(f"No. {i.number}" if i.number is not None else "번호 없음"
                                    for i in items)
                yield self.finding(
                    indicator=claim.code, code=claim.code, name=first.name,
                    date=first.date_text or str(when(first)), numbers=numbers,
                    claimed=f"{len(items)}건", expected="1건",
                    locations=[i.location or claim.form_source for i in items])
