"""Each consistency rule fires on a hand-built submission with the defect and stays silent
on the same submission without it.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

from smartcert.core.findings import Location
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Basis, Component, IndicatorClaim, ListedItem, Submission
from smartcert.validators.consistency.population_differs import PopulationDiffers
from smartcert.validators.consistency.service_not_listed import ServiceNotListed
from smartcert.validators.consistency.shared_figure_differs import SharedFigureDiffers
from smartcert.validators.consistency.summary_vs_form import SummaryVsForm
from smartcert.validators.rule import CheckContext
from tests.rule_coverage import RuleProbe

RS = load_ruleset("city-2025")
APPLICATION = Location(file="1. 공모신청서.pdf", page=2)
# where the application prints its 인구 (the 기관명 is elsewhere: `source`)
APPLICATION_POPULATION = Location(file="1. 공모신청서.pdf", page=1, bbox=(300.0, 410.0, 420.0, 425.0))


def at(page: int) -> Location:
    return Location(file="2. 정량지표 평가제안서.pdf", page=page)


def comp(cid: str, label: str, text: str, value: object = None,
         basis: Basis | None = Basis.LABEL) -> Component:
    """A figure of the form; by default read where its labels say (a certain reading)."""
    if value is None:
        value = Decimal(text.replace(",", "").rstrip("건종%"))
    return Component(id=cid, label=label, value=value, text=text, location=at(20),
                     basis=basis)


def claim(code: str, text: str, value: object, components: list[Component]) -> IndicatorClaim:
    return IndicatorClaim(code=code, text=text, value=value, components=components,
                          source=at(3), form_source=at(20))


def a21(summary: str = "2.13", population: str = "41.23") -> IndicatorClaim:
    return claim("A-2-1", f"1만명 당 기업 수 {summary}", Decimal(summary), [
        comp("A", "2024년 기술혁신형 중소기업 수", "43"),
        comp("B", "2024년 경영혁신형 중소기업 수", "45"),
        comp("C", "2024년 인구수(만명)", population), comp("value", "지표값", "2.13")])


def c21(population: str = "412.35") -> IndicatorClaim:
    return claim("C-2-1", "1천명 당 CCTV 수 8.34", Decimal("8.34"), [
        comp("A", "2024 인구수(천명)", population), comp("B", "2024 방범 CCTV 수", "3,441"),
        comp("ratio", "2024 지표값", "8.34")])


def b31(summary: str = "국내 7건, 국외 2건") -> IndicatorClaim:
    return claim("B-3-1", summary, Decimal(9), [
        comp("domestic", "국내", "7건"), comp("overseas", "국외", "2건")])


def a32(summary: str = "8종, 674건") -> IndicatorClaim:
    return claim("A-3-2", summary, Decimal(674), [
        comp("kinds", "API 제공", "8종"), comp("cases", "합계 제공 건수", "674")])


def b22(summary: bool = True) -> IndicatorClaim:  # O/X: a smart-city ordinance exists
    return claim("B-2-2", "관련 조례 ○" if summary else "관련 조례 ×", summary,
                 [comp("ordinance", "조례 제정 여부", "O", value=True)])


def sub(*claims: IndicatorClaim, population_text: str = "412,345명 (2024. 12. 기준)",
        ) -> Submission:
    return Submission(id="sub-test", applicant="누리시", population=412345,
                      population_text=population_text, source=APPLICATION,
                      population_source=APPLICATION_POPULATION, indicators=list(claims))


CTX = CheckContext(ruleset=RS)


def test_summary_agrees_with_form(rule_probe: RuleProbe) -> None:
    rule_probe.silent(SummaryVsForm, sub(a21(), b31(), a32(), b22()), CTX)


def test_summary_vs_form_primary_value(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(SummaryVsForm, sub(a21(summary="2.31")), CTX)
    assert f.rule == "consistency.summary-vs-form" and f.indicator == "A-2-1"
    assert f.claimed == "1만명 당 기업 수 2.31" and f.expected == "2.13"
    assert f.locations == [at(3), at(20)] and f.severity == "error"


def test_summary_vs_form_two_parts(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(SummaryVsForm, sub(b31(summary="국내 7건, 국외 3건")), CTX)
    assert f.indicator == "B-3-1" and f.expected == "2건"


def test_summary_vs_form_kinds(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(SummaryVsForm, sub(a32(summary="9종, 674건")), CTX)
    assert f.indicator == "A-3-2" and f.expected == "8종"


def test_summary_vs_form_flag(rule_probe: RuleProbe) -> None:
    assert len(rule_probe.fires(SummaryVsForm, sub(b22(summary=False)), CTX)) == 1


def test_summary_vs_form_checks_only_printed_cells(rule_probe: RuleProbe) -> None:
    c = a21(summary="2.31")
    c.component("value").text = ""  # type: ignore[union-attr]  # filled by the mapping
    rule_probe.silent(SummaryVsForm, sub(c), CTX)


def test_one_population_per_base_date(rule_probe: RuleProbe) -> None:
    rule_probe.silent(PopulationDiffers, sub(a21(), c21()), CTX)


def test_a_population_rounded_twice_is_the_same_population(rule_probe: RuleProbe) -> None:
    """412,345명 → 412.35천명 → 41.24만명: rounded from an already rounded figure, still the
    application's population; 41.26 is not."""
    rule_probe.silent(PopulationDiffers, sub(a21(population="41.24"), c21()), CTX)
    (f,) = rule_probe.fires(PopulationDiffers, sub(a21(population="41.26"), c21()), CTX)
    assert f.claimed == "41.26"


def test_population_differs_from_the_application(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(PopulationDiffers, sub(a21(), c21(population="421.35")), CTX)
    assert f.rule == "consistency.population-differs" and f.indicator == "C-2-1"
    assert f.claimed == "421.35" and f.expected == "412.35" and f.severity == "warning"
    # the application's population cell, not where its 기관명 was read
    assert f.locations == [at(20), APPLICATION_POPULATION] and "2024-12" in f.message


def test_population_differs_between_indicators_without_application_base(
        rule_probe: RuleProbe) -> None:
    s = sub(a21(), c21(), c21(population="421.35"), population_text="412,345명")
    s.indicators[1].code = "C-2-1"
    (f,) = rule_probe.fires(PopulationDiffers, s, CTX)
    assert f.claimed == "421.35" and "C-2-1" in f.message


# -- forms drawn the call's way: what was read by a guess or an assumption is named ---------

def b43(summary: str, form_basis: Basis | None = Basis.TOTAL_ROW) -> IndicatorClaim:
    """B-4-3 (민간 투자, 백만원): the form's 총계 row under 민투예산."""
    total = comp("total", "총계 민투예산", "2,452", basis=form_basis)
    return claim("B-4-3", summary, Decimal(summary.replace(",", "").removesuffix("백만원")),
                 [total])


def test_summary_vs_form_on_a_guessed_form_figure_is_a_warning(rule_probe: RuleProbe) -> None:
    c = a21(summary="2.31")
    c.components = [k.model_copy(update={"basis": Basis.POSITIONAL}) if k.id == "value" else k
                    for k in c.components]
    (f,) = rule_probe.fires(SummaryVsForm, sub(c), CTX)
    assert f.rule == "consistency.summary-vs-form" and f.severity == "warning"
    assert f.message.endswith("(확인 필요: '지표값' 값의 위치가 양식과 일치하지 않아 추정함)")
    agreeing = a21()
    agreeing.components = c.components
    rule_probe.silent(SummaryVsForm, sub(agreeing), CTX)


def test_summary_value_read_with_an_assumption_is_a_warning(rule_probe: RuleProbe) -> None:
    # '2,542' without a unit: read as 백만원 by assumption
    (f,) = rule_probe.fires(SummaryVsForm, sub(b43("2,542")), CTX)
    assert f.severity == "warning" and "단위 없이 기재되어 백만원으로 간주" in f.message
    # the same figure with its unit, against the form's 총계 row: a certain error
    (g,) = rule_probe.fires(SummaryVsForm, sub(b43("2,542백만원")), CTX)
    assert g.severity == "error" and "확인 필요" not in g.message
    rule_probe.silent(SummaryVsForm, sub(b43("2,452")), CTX)


# -- B-3-2's services among A-3-7's ----------------------------------------------------

A37_SERVICES = [  # the call's A-3-7 example
    "지능형 재난 예경보 서비스", "전기화재 예방 서비스", "IoT 실시간 소방시설 관리시스템",
    "상수도 스마트 관리 시스템", "실시간 대기정보(미세먼지) 서비스", "공공민간 주차장 공유서비스",
    "타슈 공유자전거 서비스", "스마트 가로등", "AI 기반 민원안내 서비스",
    "도시재생 빅데이터 정책지원 서비스", "AR 스마트 관광서비스", "스마트 미술관 서비스"]


def listed(list_id: str, n: int, name: str, page: int) -> ListedItem:
    return ListedItem(list_id=list_id, number=n, name=name, location=at(page))


def a37() -> IndicatorClaim:
    return claim("A-3-7", "12개", Decimal(12), [comp("total", "서비스 수", "12")]).model_copy(
        update={"items": [listed("services", n, s, 9) for n, s in enumerate(A37_SERVICES, 1)]})


def b32(*services: str) -> IndicatorClaim:
    """B-3-2's rows name their service as the call's example does (letter-spaced, wrapped)."""
    return claim("B-3-2", "0.27%", Decimal("0.27"), []).model_copy(
        update={"items": [listed("opinions", n, s, 12) for n, s in enumerate(services, 1)]})


def test_services_of_b32_are_a37_services_whatever_their_spacing(rule_probe: RuleProbe) -> None:
    rule_probe.silent(ServiceNotListed, sub(a37(), b32(
        "공공민간 주차 장 공유서비스", "공 유 자 전 거 서비스", "AR 스마트 관광 서비스")), CTX)


def test_a_b32_service_a37_does_not_list_is_a_warning_naming_the_closest(
        rule_probe: RuleProbe) -> None:
    """The call's own example lists '스마트폴' under B-3-2 and not under A-3-7."""
    (f,) = rule_probe.fires(ServiceNotListed, sub(a37(), b32("공공민간 주차 장 공유서비스",
                                                             "스마트폴", "스마트폴")), CTX)
    assert f.severity == "warning" and f.indicator == "B-3-2" and f.claimed == "스마트폴"
    assert "'스마트 가로등', 유사도 64/100, 기준 85" in f.message
    assert f.locations[0].page == 12
    # nothing to compare with when A-3-7's list was not read
    rule_probe.silent(ServiceNotListed, sub(b32("스마트폴")), CTX)


# -- C-2-3's 전체 방범 CCTV against C-2-1's 방범 CCTV ------------------------------------------

def c23(total: str) -> IndicatorClaim:
    return claim("C-2-3", "지능형 CCTV 14.53%", Decimal("14.53"), [
        comp("A", "전체 방범 CCTV 수 (A)", total, basis=Basis.LETTER),
        comp("B", "지능형 방범 CCTV 수 (B)", "500", basis=Basis.LETTER),
        comp("ratio", "지표값", "14.53")])


def test_the_same_cameras_counted_twice(rule_probe: RuleProbe) -> None:
    rule_probe.silent(SharedFigureDiffers, sub(c21(), c23("3,441")), CTX)
    (f,) = rule_probe.fires(SharedFigureDiffers, sub(c21(), c23("3,210")), CTX)
    assert f.severity == "warning" and f.indicator == "C-2-3"
    assert (f.claimed, f.expected) == ("3,210", "3,441")
    assert "C-2-3 현재, C-2-1 2024-12 기준" in f.message
    rule_probe.silent(SharedFigureDiffers, sub(c23("3,210")), CTX)  # no C-2-1 row
