from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.catalogue.indicators import IndicatorRule, ItemList
from smartcert.schemas.claims import IndicatorClaim, ListedItem, Submission
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.form_cells import rows_of
from smartcert.validators.support.item_names import name_key
from smartcert.validators.support.list_cells import cell_date, cells_under, list_rules
from smartcert.validators.support.window import CallPeriods, month

RULE_ID = "services_from"  # the indicators.yaml entry (B-3-2)
_WORD = "도입"  # a header with it holds the date when none reads as the field's own


@dataclass(frozen=True)
class _Introduced:
    date: PartialDate
    text: str
    doubt: str | None


def _introduced(item: ListedItem, lst: ItemList, field: str) -> _Introduced | None:
    """The row's 서비스 도입 시기, read from its own cell — the mapping keeps the row's last
    date (의견 반영 시기) as the item's date, never this one."""
    cells = cells_under(item, lst, field)
    doubt = None
    if not cells:
        cells = [c for c in item.cells if _WORD in match_key(c.name)]
        doubt = f"도입 시기를 '{cells[0].name}' 칸에서 읽음" if cells else None
    found = {d: c.text for c in cells if (d := cell_date(c.text)) is not None}
    if not found:
        return None
    if len(found) > 1:
        doubt = f"'{field}' 칸에 일자가 여럿 적혀 있음"
    date, text = next(iter(found.items()))
    return _Introduced(date, text, doubt)


def _window(rule: IndicatorRule, claim: IndicatorClaim, sub: Submission,
            periods: CallPeriods) -> DateSpan | None:
    """2023-01~2024-12 as the call states it, widened to the indicator's declared two-year
    span (within the call's outer window) when the applicant shifted it ('23.08~'25.07)."""
    start = month(str(rule.params.get("introduced_from", "")))
    end = month(str(rule.params.get("introduced_to", "")))
    if start is None or end is None:
        return None
    window = DateSpan(start=start, end=end)
    declared, outer = claim.declared_span or sub.declared_span, periods.outer_window
    if declared is None:
        return window
    if outer is not None:  # only the part of the declared span the call allows
        first = max(declared.start, outer.start, key=lambda d: d.first_day())
        last = min(declared.end, outer.end, key=lambda d: d.last_day())
        if last.last_day() < first.first_day():
            return window
        declared = DateSpan(start=first, end=last)
    if declared.last_day() < window.first_day() or declared.first_day() > window.last_day():
        return window  # apart: the call's own years decide
    return DateSpan(start=min(window.start, declared.start, key=lambda d: d.first_day()),
                    end=max(window.end, declared.end, key=lambda d: d.last_day()))


class ServiceIntroducedOutside(Rule):
    """B-3-2 counts opinions only on services introduced from 2023 to 2024 (`services_from`
    introduced_from/introduced_to; a declared shifted two-year span widens it): each row's
    서비스 도입 시기 cell — found by its header, not the item's date — must fall in it.
    An error when the cell is found under its header and holds one date; else a warning."""

    spec = RuleSpec(
        id="period.service-introduced-outside",
        severity=Severity.ERROR,
        template="지표 {code}의 '{name}' 서비스 도입 시기 {date}이(가) {window} 밖입니다 "
                 "(2023년부터 2024년 사이에 도입된 서비스로 한정)",
        clause="지침 V.제출서류 및 양식 > B.거버넌스 및 제도 부문 > 3) 참여네트워크 > ② 인구 "
               "1만명 당 신규 도입 스마트도시 서비스의 시민 의견 반영 건수 > 분석자료 (* 2023년부터 "
               "2024년 사이에 도입된 서비스로 한정)",
        example={"code": "B-3-2", "name": "공유자전거 서비스", "date": "2021.05.01",
                 "window": "2023-01~2024-12"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim, _ind, rule, lst in list_rules(sub, ctx.ruleset, RULE_ID):
            window = _window(rule, claim, sub, ctx.periods)
            if window is None:
                continue
            field = str(rule.params.get("date_field", ""))
            # one finding per service and date, with every row that names it
            groups: dict[tuple[str, str], tuple[ListedItem, _Introduced, list[Location]]] = {}
            for item in rows_of(claim, lst):
                got = _introduced(item, lst, field)
                if got is None or _inside(got.date, window):
                    continue
                key = (name_key(item.name), str(got.date))
                where = item.location or claim.form_source
                if key in groups:
                    if where is not None:
                        groups[key][2].append(where)
                    continue
                groups[key] = (item, got, [where] if where is not None else [])
            for item, got, where in groups.values():
                yield self.finding(
                    indicator=claim.code, claimed=got.text, expected=str(window),
                    locations=where, code=claim.code, name=item.name or item.text,
                    date=got.text, window=str(window),
                    uncertain=joined(got.doubt, ocr_read(sub.documents, where)))


def _inside(date: PartialDate, window: DateSpan) -> bool:
    """Whether the date may stand for a day of the window (a bare '2023' is not reported)."""
    return date.first_day() <= window.last_day() and window.first_day() <= date.last_day()
