"""Each period rule fires on a hand-built submission with the defect and stays silent
without it; the window facts come from periods.yaml."""

from __future__ import annotations

from decimal import Decimal

from extractors.values.periods import DateSpan, PartialDate
from schemas.catalogue import load_ruleset
from schemas.claims import (
    Achievement,
    Component,
    IndicatorClaim,
    ListedItem,
    QualitativeClaim,
    Submission,
)
from schemas.findings import Location
from validators.period.achievement_after_cutoff import AchievementAfterCutoff
from validators.period.base_year import BaseYear
from validators.period.item_outside_window import ItemOutsideWindow
from validators.period.items_exceed_two_years import ItemsExceedTwoYears
from validators.period.qualitative_before_2023 import QualitativeBefore2023
from validators.period.span_ends_too_late import SpanEndsTooLate
from validators.period.span_starts_too_early import SpanStartsTooEarly
from validators.period.span_too_long import SpanTooLong
from validators.rule import CheckContext, Rule

RS = load_ruleset("city-2025")
FORM = Location(file="2. 정량지표 평가제안서.pdf", page=9)
TWO_YEAR = "A-2-3"  # period_rule 2y
AS_OF = "A-1-3"  # period_rule asof


def d(y: int, m: int | None = None, day: int | None = None) -> PartialDate:
    return PartialDate(year=y, month=m, day=day)


def span(a: PartialDate, b: PartialDate) -> DateSpan:
    return DateSpan(start=a, end=b)


def item(name: str, date: PartialDate, n: int = 1) -> ListedItem:
    return ListedItem(number=n, name=name, date=date, date_text=str(date),
                      location=Location(file=FORM.file, page=9))


def sub_with(*claims: IndicatorClaim, qualitative: list[QualitativeClaim] | None = None
             ) -> Submission:
    return Submission(id="sub-test", applicant="누리시", indicators=list(claims),
                      qualitative=qualitative or [])


def run(rule: Rule, sub: Submission) -> list:
    return list(rule.check(sub, CheckContext(ruleset=RS)))


def test_fixtures_have_the_period_kinds_assumed() -> None:
    assert RS.indicator(TWO_YEAR).period_rule.kind == "2y"
    assert RS.indicator(AS_OF).period_rule.kind == "asof"


def test_item_outside_window_against_the_declared_span() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, form_source=FORM,
                           declared_span=span(d(2023, 8), d(2025, 7)),
                           items=[item("리빙랩 A", d(2023, 9, 1)), item("리빙랩 B", d(2023, 5), 2)])
    (f,) = run(ItemOutsideWindow(), sub_with(claim))
    assert f.rule == "period.item-outside-window" and f.indicator == TWO_YEAR
    assert "리빙랩 B" in f.message and f.locations[0].page == 9


def test_item_inside_window_or_overlapping_by_precision_is_silent() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2023, 8), d(2025, 7)),
                           items=[item("리빙랩 A", d(2024, 2)), item("리빙랩 B", d(2023), 2)])
    assert run(ItemOutsideWindow(), sub_with(claim)) == []


def test_item_outside_window_without_declared_span_uses_the_calls_outer_window() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[item("리빙랩 A", d(2022, 12))])
    assert len(run(ItemOutsideWindow(), sub_with(claim))) == 1
    claim.items = [item("리빙랩 A", d(2025, 7, 31))]
    assert run(ItemOutsideWindow(), sub_with(claim)) == []


def test_item_outside_window_falls_back_to_the_applications_span() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[item("리빙랩 A", d(2023, 3, 2))])
    sub = sub_with(claim)
    sub.declared_span = span(d(2023, 8), d(2025, 7))
    (f,) = run(ItemOutsideWindow(), sub)
    assert f.expected == str(sub.declared_span)
    claim.declared_span = span(d(2023, 1), d(2024, 12))  # the form's own span wins
    assert run(ItemOutsideWindow(), sub) == []


def test_span_rules_check_the_applications_span_too() -> None:
    app = Location(file="1. 공모 신청서.pdf", page=1)
    sub = sub_with()
    sub.declared_span, sub.declared_span_text = span(d(2022, 9), d(2025, 8)), "2022.09~2025.08"
    sub.declared_span_source = app
    for rule in (SpanTooLong(), SpanStartsTooEarly(), SpanEndsTooLate()):
        (f,) = run(rule, sub)
        assert f.indicator is None and f.message.startswith("신청서의 실적 기간 2022.09~2025.08")
        assert f.locations == [app]
    sub.declared_span = span(d(2023, 8), d(2025, 7))
    assert [f for r in (SpanTooLong(), SpanStartsTooEarly(), SpanEndsTooLate())
            for f in run(r, sub)] == []


def test_item_outside_window_ignores_other_period_kinds() -> None:
    claim = IndicatorClaim(code=AS_OF, declared_span=span(d(2023), d(2024)),
                           items=[item("성과지표", d(2019, 2))])
    assert run(ItemOutsideWindow(), sub_with(claim)) == []


def test_span_too_long() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2023, 1), d(2025, 7)),
                           declared_span_text="'23.01~'25.07", form_source=FORM)
    (f,) = run(SpanTooLong(), sub_with(claim))
    assert f.rule == "period.span-too-long" and "31개월" in f.message
    claim.declared_span = span(d(2023, 8), d(2025, 7))
    assert run(SpanTooLong(), sub_with(claim)) == []


def test_span_starts_too_early() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2022, 7), d(2024, 6)))
    (f,) = run(SpanStartsTooEarly(), sub_with(claim))
    assert f.rule == "period.span-starts-too-early" and "2023-01" in f.message
    claim.declared_span = span(d(2023, 1), d(2024, 12))
    assert run(SpanStartsTooEarly(), sub_with(claim)) == []


def test_span_ends_too_late() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2023, 9), d(2025, 8)))
    (f,) = run(SpanEndsTooLate(), sub_with(claim))
    assert f.rule == "period.span-ends-too-late" and "2025-07" in f.message
    claim.declared_span = span(d(2023, 8), d(2025, 7))
    assert run(SpanEndsTooLate(), sub_with(claim)) == []


def test_span_rules_ignore_spans_of_non_two_year_indicators() -> None:
    claim = IndicatorClaim(code=AS_OF, declared_span=span(d(2025), d(2026)))
    for rule in (SpanTooLong(), SpanStartsTooEarly(), SpanEndsTooLate()):
        assert run(rule, sub_with(claim)) == []


def test_achievement_after_cutoff() -> None:
    claim = IndicatorClaim(code=AS_OF, form_source=FORM,
                           items=[item("성과관리시스템", d(2025, 7)), item("KPI", d(2025, 8, 1), 2)])
    (f,) = run(AchievementAfterCutoff(), sub_with(claim))
    assert f.rule == "period.achievement-after-cutoff" and "KPI" in f.message


def test_achievement_before_cutoff_is_silent() -> None:
    claim = IndicatorClaim(code=AS_OF, items=[item("성과관리시스템", d(2022, 2)),
                                              item("KPI", d(2025, 7, 31), 2)])
    assert run(AchievementAfterCutoff(), sub_with(claim)) == []


def test_qualitative_before_2023() -> None:
    q = QualitativeClaim(unit="governance", unit_as_printed="추진체계", achievements=[
        Achievement(text="전담조직 신설", date=d(2021, 3)),
        Achievement(text="스마트도시계획(2023~2027) 수립", span=span(d(2023), d(2027)))])
    (f,) = run(QualitativeBefore2023(), sub_with(qualitative=[q]))
    assert f.rule == "period.qualitative-before-2023" and "전담조직" in f.message
    q.achievements = q.achievements[1:]
    assert run(QualitativeBefore2023(), sub_with(qualitative=[q])) == []


def _population_claim(label: str) -> IndicatorClaim:
    return IndicatorClaim(code="C-2-1", form_source=FORM, components=[
        Component(id="A", label=label, value=Decimal("412.35"), location=FORM),
        Component(id="ratio", label="2023 지표값", value=Decimal("8.34"))])


def test_base_year_population_of_the_wrong_year() -> None:
    assert RS.indicator("C-2-1").form.component("A").year == 2024
    (f,) = run(BaseYear(), sub_with(_population_claim("2 0 2 3 인 구 수 ( 천 명 )")))
    assert f.rule == "period.base-year" and f.expected == "2024" and f.claimed == "2023"
    assert f.locations == [FORM]


def test_base_year_silent_when_right_or_unstated() -> None:
    assert run(BaseYear(), sub_with(_population_claim("2024년 인구수(천명)"))) == []
    assert run(BaseYear(), sub_with(_population_claim("인구수(천명)"))) == []


def test_items_exceed_two_years_without_a_declared_span() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[
        item("리빙랩 A", d(2023, 2)), item("리빙랩 B", d(2024, 1), 2), item("리빙랩 C", d(2025, 6), 3)])
    (f,) = run(ItemsExceedTwoYears(), sub_with(claim))
    assert f.rule == "period.items-exceed-two-years" and "29개월" in f.message


def test_items_within_two_years_or_with_a_declared_span_are_silent() -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[
        item("리빙랩 A", d(2023, 8)), item("리빙랩 B", d(2025, 7), 2), item("리빙랩 C", d(2024), 3)])
    assert run(ItemsExceedTwoYears(), sub_with(claim)) == []
    claim.items.append(item("리빙랩 D", d(2023, 1), 4))
    claim.declared_span = span(d(2023, 8), d(2025, 7))
    assert run(ItemsExceedTwoYears(), sub_with(claim)) == []
