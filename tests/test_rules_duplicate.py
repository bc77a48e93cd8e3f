"""Each duplicate rule fires on a hand-built submission with the defect and stays silent
without it."""

from __future__ import annotations

from decimal import Decimal

from extractors.values.periods import DateSpan, PartialDate
from schemas.catalogue import load_ruleset
from schemas.claims import Component, IndicatorClaim, ListedItem, Submission
from schemas.evidence_pages import parse_evidence_pages
from schemas.findings import Location
from validators.duplicate.contradictory_figures import ContradictoryFigures
from validators.duplicate.cross_indicator_item import CrossIndicatorItem
from validators.duplicate.same_item_twice import SameItemTwice
from validators.rule import CheckContext, Rule

RS = load_ruleset("city-2025")


def d(y: int, m: int, day: int | None = None) -> PartialDate:
    return PartialDate(year=y, month=m, day=day)


def item(name: str, date: PartialDate | None = None, n: int = 1, span: DateSpan | None = None,
         kind: str | None = None) -> ListedItem:
    return ListedItem(number=n, name=name, date=date, span=span, kind=kind,
                      location=Location(file="2. 정량지표 평가제안서.pdf", page=10 + n))


def run(rule: Rule, *claims: IndicatorClaim) -> list:
    return list(rule.check(Submission(id="sub-test", indicators=list(claims)),
                           CheckContext(ruleset=RS)))


def test_same_item_twice_after_normalisation() -> None:
    claim = IndicatorClaim(code="A-2-3", items=[
        item("「스마트 버스정류장」 리빙랩", d(2024, 5, 14), 3),
        item("스마트버스정류장 리빙랩", d(2024, 5, 14), 7)])
    (f,) = run(SameItemTwice(), claim)
    assert f.rule == "duplicate.same-item-twice" and "No. 3, No. 7" in f.message
    assert [loc.page for loc in f.locations] == [13, 17]


def test_same_name_on_another_date_or_category_or_undated_is_silent() -> None:
    claim = IndicatorClaim(code="A-2-3", items=[
        item("스마트 버스정류장 리빙랩", d(2024, 5, 14), 1),
        item("스마트 버스정류장 리빙랩", d(2024, 6, 11), 2),
        item("스마트 버스정류장 리빙랩", None, 3), item("스마트 버스정류장 리빙랩", None, 4)])
    assert run(SameItemTwice(), claim) == []
    awards = IndicatorClaim(code="A-1-2", items=[
        item("스마트시티 어워드", d(2024, 3), 1, kind="기관"),
        item("스마트시티 어워드", d(2024, 3), 2, kind="개인")])
    assert run(SameItemTwice(), awards) == []


def test_living_lab_listed_again_as_citizen_education() -> None:
    lab = IndicatorClaim(code="A-2-3", items=[item("시민참여 스마트 리빙랩", d(2024, 5, 14))])
    edu = IndicatorClaim(code="A-2-4", items=[
        item("스마트폰 활용 교육", span=DateSpan(start=d(2024, 3), end=d(2024, 4))),
        item("시민참여 스마트리빙랩", span=DateSpan(start=d(2024, 5), end=d(2024, 6)), n=2)])
    (f,) = run(CrossIndicatorItem(), lab, edu)
    assert f.rule == "duplicate.cross-indicator-item" and f.indicator == "A-2-4"
    assert "A-2-3" in f.message and len(f.locations) == 2


def test_cross_indicator_silent_on_distinct_items_or_other_dates() -> None:
    lab = IndicatorClaim(code="A-2-3", items=[item("시민참여 스마트 리빙랩", d(2023, 9, 2))])
    edu = IndicatorClaim(code="A-2-4", items=[
        item("스마트폰 활용 교육", span=DateSpan(start=d(2024, 3), end=d(2024, 4))),
        item("시민참여 스마트 리빙랩", span=DateSpan(start=d(2024, 5), end=d(2024, 6)), n=2)])
    assert run(CrossIndicatorItem(), lab, edu) == []
    assert run(CrossIndicatorItem(), edu) == []  # no A-2-3 row at all


def test_catalogue_links_the_overlapping_indicators() -> None:
    links = {(i.code, r.params.get("with")) for i in RS.indicators for r in i.rules
             if r.id == "no_overlap"}
    assert {("A-2-4", "A-2-3"), ("B-3-1", "B-1-1")} <= links


def _cited(code: str, pages: str, *items: ListedItem,
           components: list[Component] | None = None) -> IndicatorClaim:
    return IndicatorClaim(code=code, evidence_pages=parse_evidence_pages(pages),
                          items=list(items), components=components or [])


def _paid(name: str, amount: str, n: int = 1) -> ListedItem:
    return ListedItem(number=n, name=name, amount=Decimal(amount), amount_unit="백만원",
                      location=Location(file="2. 정량지표 평가제안서.pdf", page=30 + n))


def test_one_evidence_page_backing_two_amounts_for_one_project() -> None:
    invest = _cited("B-2-1", "22-24", _paid("스마트시티 챌린지 사업", "1250"))
    budget = _cited("C-8-1", "24", _paid("스마트시티 챌린지사업", "1520", 2))
    (f,) = run(ContradictoryFigures(), invest, budget)
    assert f.rule == "duplicate.contradictory-figures" and f.indicator == "C-8-1"
    assert "24쪽" in f.message and f.claimed == "1,520백만원" and f.expected == "1,250백만원"
    assert [loc.page for loc in f.locations] == [32, 31]


def test_same_component_label_with_other_value_on_a_shared_page() -> None:
    def comp(value: str) -> list[Component]:
        return [Component(label="스마트도시 예산 (백만원)", value=Decimal(value), unit="백만원",
                          text=value)]
    a = _cited("B-2-1", "10", components=comp("3200"))
    b = _cited("B-2-2", "9-11", components=comp("3400"))
    (f,) = run(ContradictoryFigures(), a, b)
    assert f.claimed == "3400" and f.expected == "3200"


def test_agreeing_figures_separate_pages_or_one_indicator_are_silent() -> None:
    same = [_cited("B-2-1", "24", _paid("챌린지 사업", "1250")),
            _cited("C-8-1", "24", _paid("챌린지 사업", "1250"))]
    apart = [_cited("B-2-1", "22-23", _paid("챌린지 사업", "1250")),
             _cited("C-8-1", "24", _paid("챌린지 사업", "1520"))]
    uncited = [_cited("B-2-1", "", _paid("챌린지 사업", "1250")),
               _cited("C-8-1", "", _paid("챌린지 사업", "1520"))]
    one = [_cited("B-2-1", "24", _paid("챌린지 사업", "1250"), _paid("챌린지 사업", "1520", 2))]
    generic = [_cited("B-2-1", "5", components=[Component(label="합계", value=Decimal(3))]),
               _cited("B-2-2", "5", components=[Component(label="합계", value=Decimal(4))])]
    for claims in (same, apart, uncited, one, generic):
        assert run(ContradictoryFigures(), *claims) == []
