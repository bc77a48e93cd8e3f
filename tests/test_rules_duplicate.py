"""Each duplicate rule fires on a hand-built submission with the defect and stays silent
without it.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.extractors.models import DocumentExtract, ExtractorInfo, Page, Span
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Basis, Component, IndicatorClaim, ListedItem, Submission
from smartcert.schemas.evidence_pages import parse_evidence_pages
from smartcert.validators.duplicate.contradictory_figures import ContradictoryFigures
from smartcert.validators.duplicate.cross_indicator_item import CrossIndicatorItem
from smartcert.validators.duplicate.same_item_twice import SameItemTwice
from smartcert.validators.rule import CheckContext
from tests.rule_coverage import RuleProbe

RS = load_ruleset("city-2025")


def d(y: int, m: int, day: int | None = None) -> PartialDate:
    return PartialDate(year=y, month=m, day=day)


def item(name: str, date: PartialDate | None = None, n: int = 1, span: DateSpan | None = None,
         kind: str | None = None) -> ListedItem:
    return ListedItem(number=n, name=name, date=date, span=span, kind=kind,
                      location=Location(file="2. 정량지표 평가제안서.pdf", page=10 + n))


CTX = CheckContext(ruleset=RS)


def _evidence(pages: dict[int, list[str]]) -> CheckContext:
    """A run whose one evidence PDF prints `pages` (page number → lines)."""
    doc = DocumentExtract(
        extractor=ExtractorInfo(name="test", version="0"), file="4. 근거자료.pdf",
        sha256="0" * 64, size=1, media_type=MediaType.PDF,
        spans=[Span(page=n, text=t) for n, lines in pages.items() for t in lines],
        pages=[Page(number=n) for n in range(1, max(pages) + 1)])
    return CheckContext(ruleset=RS, evidence=(doc,))


def sub(*claims: IndicatorClaim) -> Submission:
    return Submission(id="sub-test", indicators=list(claims))


def test_same_item_twice_after_normalisation(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code="A-2-3", items=[
        item("「스마트 버스정류장」 리빙랩", d(2024, 5, 14), 3),
        item("스마트버스정류장 리빙랩", d(2024, 5, 14), 7)])
    (f,) = rule_probe.fires(SameItemTwice, sub(claim), CTX)
    assert f.rule == "duplicate.same-item-twice" and "No. 3, No. 7" in f.message
    assert [loc.page for loc in f.locations] == [13, 17]


def test_same_name_on_another_date_or_category_or_undated_is_silent(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code="A-2-3", items=[
        item("스마트 버스정류장 리빙랩", d(2024, 5, 14), 1),
        item("스마트 버스정류장 리빙랩", d(2024, 6, 11), 2),
        item("스마트 버스정류장 리빙랩", None, 3), item("스마트 버스정류장 리빙랩", None, 4)])
    rule_probe.silent(SameItemTwice, sub(claim), CTX)
    awards = IndicatorClaim(code="A-1-2", items=[
        item("스마트시티 어워드", d(2024, 3), 1, kind="기관"),
        item("스마트시티 어워드", d(2024, 3), 2, kind="개인")])
    rule_probe.silent(SameItemTwice, sub(awards), CTX)


def test_living_lab_listed_again_as_citizen_education(rule_probe: RuleProbe) -> None:
    lab = IndicatorClaim(code="A-2-3", items=[item("시민참여 스마트 리빙랩", d(2024, 5, 14))])
    edu = IndicatorClaim(code="A-2-4", items=[
        item("스마트폰 활용 교육", span=DateSpan(start=d(2024, 3), end=d(2024, 4))),
        item("시민참여 스마트리빙랩", span=DateSpan(start=d(2024, 5), end=d(2024, 6)), n=2)])
    (f,) = rule_probe.fires(CrossIndicatorItem, sub(lab, edu), CTX)
    assert f.rule == "duplicate.cross-indicator-item" and f.indicator == "A-2-4"
    assert "A-2-3" in f.message and len(f.locations) == 2


def test_cross_indicator_silent_on_distinct_items_or_other_dates(rule_probe: RuleProbe) -> None:
    lab = IndicatorClaim(code="A-2-3", items=[item("시민참여 스마트 리빙랩", d(2023, 9, 2))])
    edu = IndicatorClaim(code="A-2-4", items=[
        item("스마트폰 활용 교육", span=DateSpan(start=d(2024, 3), end=d(2024, 4))),
        item("시민참여 스마트 리빙랩", span=DateSpan(start=d(2024, 5), end=d(2024, 6)), n=2)])
    rule_probe.silent(CrossIndicatorItem, sub(lab, edu), CTX)
    rule_probe.silent(CrossIndicatorItem, sub(edu), CTX)  # no A-2-3 row at all


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


def test_one_evidence_page_backing_two_amounts_for_one_project(rule_probe: RuleProbe) -> None:
    invest = _cited("B-2-1", "22-24", _paid("스마트시티 챌린지 사업", "1250"))
    budget = _cited("C-8-1", "24", _paid("스마트시티 챌린지사업", "1520", 2))
    (f,) = rule_probe.fires(ContradictoryFigures, sub(invest, budget), CTX)
    assert f.rule == "duplicate.contradictory-figures" and f.indicator == "C-8-1"
    assert "24쪽" in f.message and f.claimed == "1,520백만원" and f.expected == "1,250백만원"
    assert [loc.page for loc in f.locations] == [32, 31]


def test_same_component_label_with_other_value_on_a_shared_page(rule_probe: RuleProbe) -> None:
    def comp(value: str) -> list[Component]:
        return [Component(label="스마트도시 예산 (백만원)", value=Decimal(value), unit="백만원",
                          text=value)]
    a = _cited("B-2-1", "10", components=comp("3200"))
    b = _cited("B-2-2", "9-11", components=comp("3400"))
    (f,) = rule_probe.fires(ContradictoryFigures, sub(a, b), CTX)
    assert f.claimed == "3400" and f.expected == "3200"


def test_agreeing_figures_separate_pages_or_one_indicator_are_silent(rule_probe: RuleProbe) -> None:
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
        rule_probe.silent(ContradictoryFigures, sub(*claims), CTX)


# -- a shared evidence page is not a contradiction: only what a page shows can contradict --

def _per_capita(code: str, ratio: str, population: Component) -> IndicatorClaim:
    """A per-capita indicator citing the 주민등록 인구통계 page (p. 5) for its population;
    its 지표값 is the catalogue's derived figure (A-2-1 'value', else 'ratio')."""
    rid = "value" if code == "A-2-1" else "ratio"
    return _cited(code, "5", components=[
        population, Component(id=rid, label="지표값", value=Decimal(ratio), text=ratio,
                              basis=Basis.LABEL)])


def _population(cid: str, label: str, value: str) -> Component:
    return Component(id=cid, label=label, value=Decimal(value), text=value, basis=Basis.LETTER)


JUMIN = _evidence({5: ["주민등록 인구통계 (2024년 12월)", "총 인구수 412,345명", "세대수 183,210"]})


def test_ratios_citing_one_population_page_do_not_contradict(rule_probe: RuleProbe) -> None:
    # A-2-1, C-2-1, C-5-1 all cite p. 5 for the population; their 지표값 differ, and none is
    # printed on the page
    claims = [_per_capita("A-2-1", "2.13", _population("C", "인구수(만명)", "41.23")),
              _per_capita("C-2-1", "8.34", _population("A", "인구수(천명)", "412.35")),
              _per_capita("C-5-1", "5.12", _population("B", "인구수(천명)", "412.35"))]
    for context in (CTX, JUMIN):
        rule_probe.silent(ContradictoryFigures, sub(*claims), context)
    # one population figure the page does not print against one it does
    wrong = _per_capita("C-5-1", "5.12", _population("B", "인구수(천명)", "421.35"))
    (f,) = rule_probe.fires(ContradictoryFigures, sub(claims[1], wrong), JUMIN)
    assert f.indicator == "C-5-1" and f.claimed == "421.35" and f.expected == "412.35"


def test_figures_a_read_page_prints_neither_of_do_not_contradict(rule_probe: RuleProbe) -> None:
    def users(code: str, value: str) -> IndicatorClaim:
        return _cited(code, "5", components=[Component(label="서비스 이용자 수",
                                                       value=Decimal(value), text=value)])

    pair = sub(users("C-4-2", "1200"), users("C-8-2", "1300"))
    rule_probe.silent(ContradictoryFigures, pair, JUMIN)
    # without the evidence nothing says which the page backs: kept, as a warning
    (f,) = rule_probe.fires(ContradictoryFigures, pair, CTX)
    assert f.severity == "warning" and f.indicator == "C-8-2"


def test_with_the_evidence_read_the_page_decides_which_figure_it_backs(
        rule_probe: RuleProbe) -> None:
    page = _evidence({24: ["스마트시티 챌린지 사업 협약서", "민간 매칭 투자 1,250,000,000원"]})
    # listed first, the figure the page does not print is still the one reported
    budget = _cited("C-8-1", "24", _paid("스마트시티 챌린지사업", "1520"))
    invest = _cited("B-4-3", "22-24", _paid("스마트시티 챌린지 사업", "1250", 2))
    (f,) = rule_probe.fires(ContradictoryFigures, sub(budget, invest), page)
    assert f.indicator == "C-8-1" and f.claimed == "1,520백만원" and f.expected == "1,250백만원"
    neither = _evidence({24: ["스마트시티 챌린지 사업 협약서", "협약일 2024. 3. 5."]})
    rule_probe.silent(ContradictoryFigures, sub(budget, invest), neither)


# -- the same item twice, matched by what defines it (A-3-7 drawn the call's way) ----------

def _service(n: int, name: str, sector: str) -> ListedItem:
    """A-3-7 '부문 | No. | 서비스명 (O개) | 관리부서 | 비고': the merged 부문 number is what the
    mapping reads as the row's category."""
    return ListedItem(list_id="services", number=n, name=name, kind=sector,
                      location=Location(file="2. 정량지표 평가제안서.pdf", page=14, bbox=(0, n, 1, 1)))


def test_a_service_listed_twice_with_another_number(rule_probe: RuleProbe) -> None:
    services = IndicatorClaim(code="A-3-7", items=[
        _service(1, "지능형 재난 예경보 서비스", "1"), _service(3, "공공민간 주차장 공유서비스", "2"),
        _service(4, "스마트 가로등", "2"), _service(5, "공공민간 주차장 공유 서비스", "2")])
    (f,) = rule_probe.fires(SameItemTwice, sub(services), CTX)
    assert f.severity == "error" and "No. 3, No. 5" in f.message and "(같은 이름)" in f.message
    services.items = services.items[:3]
    rule_probe.silent(SameItemTwice, sub(services), CTX)


def test_one_name_in_two_groups_of_a_free_column_is_a_warning(rule_probe: RuleProbe) -> None:
    services = IndicatorClaim(code="A-3-7", items=[
        _service(2, "스마트 가로등", "스마트 안전"), _service(8, "스마트가로등", "스마트 환경")])
    (f,) = rule_probe.fires(SameItemTwice, sub(services), CTX)
    assert f.severity == "warning" and "스마트 안전, 스마트 환경" in f.message
