"""Each consistency rule fires on a hand-built submission with the defect and stays silent
on the same submission without it."""

from __future__ import annotations

from decimal import Decimal

from schemas.catalogue import load_ruleset
from schemas.claims import Component, IndicatorClaim, Submission
from schemas.findings import Location
from validators.consistency.population_differs import PopulationDiffers
from validators.consistency.summary_vs_form import SummaryVsForm
from validators.rule import CheckContext, Rule

RS = load_ruleset("city-2025")
APPLICATION = Location(file="1. 공모신청서.pdf", page=2)


def at(page: int) -> Location:
    return Location(file="2. 정량지표 평가제안서.pdf", page=page)


def comp(cid: str, label: str, text: str, value: object = None) -> Component:
    if value is None:
        value = Decimal(text.replace(",", "").rstrip("건종%"))
    return Component(id=cid, label=label, value=value, text=text, location=at(20))


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
                      indicators=list(claims))


def run(rule: Rule, s: Submission) -> list:
    return list(rule.check(s, CheckContext(ruleset=RS)))


def test_summary_agrees_with_form() -> None:
    assert run(SummaryVsForm(), sub(a21(), b31(), a32(), b22())) == []


def test_summary_vs_form_primary_value() -> None:
    (f,) = run(SummaryVsForm(), sub(a21(summary="2.31")))
    assert f.rule == "consistency.summary-vs-form" and f.indicator == "A-2-1"
    assert f.claimed == "1만명 당 기업 수 2.31" and f.expected == "2.13"
    assert f.locations == [at(3), at(20)] and f.severity == "error"


def test_summary_vs_form_two_parts() -> None:
    (f,) = run(SummaryVsForm(), sub(b31(summary="국내 7건, 국외 3건")))
    assert f.indicator == "B-3-1" and f.expected == "2건"


def test_summary_vs_form_kinds() -> None:
    (f,) = run(SummaryVsForm(), sub(a32(summary="9종, 674건")))
    assert f.indicator == "A-3-2" and f.expected == "8종"


def test_summary_vs_form_flag() -> None:
    assert len(run(SummaryVsForm(), sub(b22(summary=False)))) == 1


def test_summary_vs_form_checks_only_printed_cells() -> None:
    c = a21(summary="2.31")
    c.component("value").text = ""  # type: ignore[union-attr]  # filled by the mapping
    assert run(SummaryVsForm(), sub(c)) == []


def test_one_population_per_base_date() -> None:
    assert run(PopulationDiffers(), sub(a21(), c21())) == []


def test_population_differs_from_the_application() -> None:
    (f,) = run(PopulationDiffers(), sub(a21(), c21(population="421.35")))
    assert f.rule == "consistency.population-differs" and f.indicator == "C-2-1"
    assert f.claimed == "421.35" and f.expected == "412.35" and f.severity == "warning"
    assert f.locations == [at(20), APPLICATION] and "2024-12" in f.message


def test_population_differs_between_indicators_without_application_base() -> None:
    s = sub(a21(), c21(), c21(population="421.35"), population_text="412,345명")
    s.indicators[1].code = "C-2-1"
    (f,) = run(PopulationDiffers(), s)
    assert f.claimed == "421.35" and "C-2-1" in f.message
