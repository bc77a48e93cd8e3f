from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import ItemList
from smartcert.schemas.claims import ListedItem, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.item_names import name_key
from smartcert.validators.support.window import date_doubt, item_date, list_of

_Key = tuple[str | None, str, str, str]  # list, defining category, name, date


class SameItemTwice(Rule):
    """The same item listed twice in one list of one indicator: it is counted twice. Items
    are matched by what defines them, never by their No.: the normalised name, a category
    from the call's closed set (기관/개인, 국내/국외) and, in a dated list, the date — the same
    name on another date is a separate item (the call allows it) and undated items of a
    dated list are not compared. In a list without dates (A-3-7's services, A-3-4's DBs)
    the name alone defines the item; the same name under two values of a free grouping
    column (A-3-7's 부문, A-3-8's 연계통합명) may be two entries: a warning that says so."""

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
            ind = ctx.ruleset.get(claim.code)
            groups: dict[_Key, list[ListedItem]] = {}
            for item in claim.items:
                key = _key(item, list_of(item, ind))
                if key is not None:
                    groups.setdefault(key, []).append(item)
            for (_, _, _, when), items in groups.items():
                if len(items) < 2:
                    continue
                first = items[0]
                numbers = ", ".join(f"No. {i.number}" if i.number is not None else "번호 없음"
                                    for i in items)
                yield self.finding(
                    indicator=claim.code, code=claim.code, name=first.name,
                    date=(first.date_text or when) if when else "같은 이름", numbers=numbers,
                    claimed=f"{len(items)}건", expected="1건",
                    locations=[i.location or claim.form_source for i in items],
                    uncertain="; ".join(dict.fromkeys(filter(None, [
                        _grouped_apart(items),
                        *(date_doubt(i, list_of(i, ind)) for i in items)]))) or None)


def _key(item: ListedItem, lst: ItemList | None) -> _Key | None:
    name = name_key(item.name)
    if not name:
        return None
    when = item_date(item, lst)
    if when is not None:
        return item.list_id, name_key(item.kind), name, str(when)
    if lst is None or lst.date_field is not None:
        return None  # undated in a dated list (or a list the catalogue does not know)
    category = lst.field_with("category")
    closed = category is not None and bool(category.values)
    return item.list_id, name_key(item.kind) if closed else "", name, ""


def _grouped_apart(items: list[ListedItem]) -> str | None:
    """Items of one name in different groups of a free category column: maybe two entries."""
    kinds = list(dict.fromkeys(i.kind.strip() for i in items if i.kind and i.kind.strip()))
    if len({name_key(k) for k in kinds}) < 2:
        return None
    return f"같은 이름이 서로 다른 구분({', '.join(kinds)})에 있어 별개 항목인지 확인 필요"
