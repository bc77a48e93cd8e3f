"""Each period rule fires on a hand-built submission with the defect and stays silent
without it; the window facts come from periods.yaml.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

from smartcert.core.findings import Location
from smartcert.core.values import parse_date, parse_span
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Achievement,
    Basis,
    Component,
    FieldValue,
    IndicatorClaim,
    ListedItem,
    QualitativeClaim,
    Submission,
)
from smartcert.validators.period.achievement_after_cutoff import AchievementAfterCutoff
from smartcert.validators.period.base_date import BaseDate
from smartcert.validators.period.base_year import BaseYear
from smartcert.validators.period.item_outside_window import ItemOutsideWindow
from smartcert.validators.period.items_exceed_two_years import ItemsExceedTwoYears
from smartcert.validators.period.plan_not_current import PlanNotCurrent
from smartcert.validators.period.qualitative_before_2023 import QualitativeBefore2023
from smartcert.validators.period.service_introduced_outside import ServiceIntroducedOutside
from smartcert.validators.period.span_ends_too_late import SpanEndsTooLate
from smartcert.validators.period.span_starts_too_early import SpanStartsTooEarly
from smartcert.validators.period.span_too_long import SpanTooLong
from smartcert.validators.rule import CheckContext
from tests.rule_coverage import RuleProbe

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


CTX = CheckContext(ruleset=RS)
SPAN_RULES = (SpanTooLong, SpanStartsTooEarly, SpanEndsTooLate)


def test_fixtures_have_the_period_kinds_assumed() -> None:
    assert RS.indicator(TWO_YEAR).period_rule.kind == "2y"
    assert RS.indicator(AS_OF).period_rule.kind == "asof"


def test_item_outside_window_against_the_declared_span(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, form_source=FORM,
                           declared_span=span(d(2023, 8), d(2025, 7)),
                           items=[item("리빙랩 A", d(2023, 9, 1)), item("리빙랩 B", d(2023, 5), 2)])
    (f,) = rule_probe.fires(ItemOutsideWindow, sub_with(claim), CTX)
    assert f.rule == "period.item-outside-window" and f.indicator == TWO_YEAR
    assert "리빙랩 B" in f.message and f.locations[0].page == 9


def test_item_inside_window_or_overlapping_by_precision_is_silent(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2023, 8), d(2025, 7)),
                           items=[item("리빙랩 A", d(2024, 2)), item("리빙랩 B", d(2023), 2)])
    rule_probe.silent(ItemOutsideWindow, sub_with(claim), CTX)


def test_item_outside_window_without_declared_span_uses_the_calls_outer_window(
        rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[item("리빙랩 A", d(2022, 12))])
    assert len(rule_probe.fires(ItemOutsideWindow, sub_with(claim), CTX)) == 1
    claim.items = [item("리빙랩 A", d(2025, 7, 31))]
    rule_probe.silent(ItemOutsideWindow, sub_with(claim), CTX)


def test_item_outside_window_falls_back_to_the_applications_span(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[item("리빙랩 A", d(2023, 3, 2))])
    sub = sub_with(claim)
    sub.declared_span = span(d(2023, 8), d(2025, 7))
    (f,) = rule_probe.fires(ItemOutsideWindow, sub, CTX)
    assert f.expected == str(sub.declared_span)
    claim.declared_span = span(d(2023, 1), d(2024, 12))  # the form's own span wins
    rule_probe.silent(ItemOutsideWindow, sub, CTX)


def test_span_rules_check_the_applications_span_too(rule_probe: RuleProbe) -> None:
    app = Location(file="1. 공모 신청서.pdf", page=1)
    sub = sub_with()
    sub.declared_span, sub.declared_span_text = span(d(2022, 9), d(2025, 8)), "2022.09~2025.08"
    sub.declared_span_source = app
    for rule in SPAN_RULES:
        (f,) = rule_probe.fires(rule, sub, CTX)
        assert f.indicator is None and f.message.startswith("신청서의 실적 기간 2022.09~2025.08")
        assert f.locations == [app]
    sub.declared_span = span(d(2023, 8), d(2025, 7))
    for rule in SPAN_RULES:
        rule_probe.silent(rule, sub, CTX)


def test_item_outside_window_ignores_other_period_kinds(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=AS_OF, declared_span=span(d(2023), d(2024)),
                           items=[item("성과지표", d(2019, 2))])
    rule_probe.silent(ItemOutsideWindow, sub_with(claim), CTX)


def test_span_too_long(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2023, 1), d(2025, 7)),
                           declared_span_text="'23.01~'25.07", form_source=FORM)
    (f,) = rule_probe.fires(SpanTooLong, sub_with(claim), CTX)
    assert f.rule == "period.span-too-long" and "31개월" in f.message
    claim.declared_span = span(d(2023, 8), d(2025, 7))
    rule_probe.silent(SpanTooLong, sub_with(claim), CTX)


def test_span_starts_too_early(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2022, 7), d(2024, 6)))
    (f,) = rule_probe.fires(SpanStartsTooEarly, sub_with(claim), CTX)
    assert f.rule == "period.span-starts-too-early" and "2023-01" in f.message
    claim.declared_span = span(d(2023, 1), d(2024, 12))
    rule_probe.silent(SpanStartsTooEarly, sub_with(claim), CTX)


def test_span_ends_too_late(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2023, 9), d(2025, 8)))
    (f,) = rule_probe.fires(SpanEndsTooLate, sub_with(claim), CTX)
    assert f.rule == "period.span-ends-too-late" and "2025-07" in f.message
    claim.declared_span = span(d(2023, 8), d(2025, 7))
    rule_probe.silent(SpanEndsTooLate, sub_with(claim), CTX)


def test_span_rules_ignore_spans_of_non_two_year_indicators(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=AS_OF, declared_span=span(d(2025), d(2026)))
    for rule in SPAN_RULES:
        rule_probe.silent(rule, sub_with(claim), CTX)


def test_achievement_after_cutoff(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=AS_OF, form_source=FORM,
                           items=[item("성과관리시스템", d(2025, 7)), item("KPI", d(2025, 8, 1), 2)])
    (f,) = rule_probe.fires(AchievementAfterCutoff, sub_with(claim), CTX)
    assert f.rule == "period.achievement-after-cutoff" and "KPI" in f.message


def test_rows_dated_by_one_cell_are_one_late_fact(rule_probe: RuleProbe) -> None:
    # A-1-3's KPI list under one merged 도입시기 cell ('25.09): one finding naming the rows,
    # not one per KPI; rows dated apart (another place or date) stay apart
    cell = Location(file=FORM.file, page=9, bbox=(300, 200, 360, 420))
    rows = [ListedItem(number=n, name=name, date=d(2025, 9), date_text="'25.09", location=cell)
            for n, name in enumerate(["불법 주정차 단속 처리 시간", "스마트 주차장 회전율",
                                      "응급안전 서비스 대응 시간"], 1)]
    claim = IndicatorClaim(code=AS_OF, form_source=FORM, items=rows)
    (f,) = rule_probe.fires(AchievementAfterCutoff, sub_with(claim), CTX)
    assert "'불법 주정차 단속 처리 시간' 외 2건 일자('25.09)" in f.message
    claim.items.append(item("시민 참여 앱", d(2025, 10), 4))
    assert len(rule_probe.fires(AchievementAfterCutoff, sub_with(claim), CTX)) == 2


def test_achievement_before_cutoff_is_silent(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=AS_OF, items=[item("성과관리시스템", d(2022, 2)),
                                              item("KPI", d(2025, 7, 31), 2)])
    rule_probe.silent(AchievementAfterCutoff, sub_with(claim), CTX)


def test_qualitative_before_2023(rule_probe: RuleProbe) -> None:
    q = QualitativeClaim(unit="governance", unit_as_printed="추진체계", achievements=[
        Achievement(text="전담조직 신설", date=d(2021, 3)),
        Achievement(text="스마트도시계획(2023~2027) 수립", span=span(d(2023), d(2027)))])
    (f,) = rule_probe.fires(QualitativeBefore2023, sub_with(qualitative=[q]), CTX)
    assert f.rule == "period.qualitative-before-2023" and "전담조직" in f.message
    q.achievements = q.achievements[1:]
    rule_probe.silent(QualitativeBefore2023, sub_with(qualitative=[q]), CTX)


def _population_claim(label: str) -> IndicatorClaim:
    return IndicatorClaim(code="C-2-1", form_source=FORM, components=[
        Component(id="A", label=label, value=Decimal("412.35"), location=FORM),
        Component(id="ratio", label="2023 지표값", value=Decimal("8.34"))])


def test_base_year_population_of_the_wrong_year(rule_probe: RuleProbe) -> None:
    assert RS.indicator("C-2-1").form.component("A").year == 2024
    (f,) = rule_probe.fires(BaseYear, sub_with(_population_claim("2 0 2 3 인 구 수 ( 천 명 )")), CTX)
    assert f.rule == "period.base-year" and f.expected == "2024" and f.claimed == "2023"
    assert f.locations == [FORM]


def test_base_year_silent_when_right_or_unstated(rule_probe: RuleProbe) -> None:
    rule_probe.silent(BaseYear, sub_with(_population_claim("2024년 인구수(천명)")), CTX)
    rule_probe.silent(BaseYear, sub_with(_population_claim("인구수(천명)")), CTX)


def test_base_year_population_rows_follow_the_population_bases_entry(rule_probe: RuleProbe) -> None:
    # B-3-2 '인구수 자료는 2023년 12월, 2024년 12월 기준': a population row the catalogue
    # names no year for (unmatched component) must still be printed for 2023 or 2024
    assert RS.indicator("B-3-2").rule("population_bases") is not None

    def claim(label: str) -> IndicatorClaim:
        return IndicatorClaim(code="B-3-2", form_source=FORM, components=[
            Component(label=label, value=Decimal("1482315"), location=FORM)])

    (f,) = rule_probe.fires(BaseYear, sub_with(claim("2022 인구수")), CTX)
    assert f.expected == "2023·2024" and f.claimed == "2022"
    rule_probe.silent(BaseYear, sub_with(claim("2023 인구수")), CTX)
    rule_probe.silent(BaseYear, sub_with(claim("2022 의견 반영 건수")), CTX)  # not a population


def test_items_exceed_two_years_without_a_declared_span(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[
        item("리빙랩 A", d(2023, 2)), item("리빙랩 B", d(2024, 1), 2), item("리빙랩 C", d(2025, 6), 3)])
    (f,) = rule_probe.fires(ItemsExceedTwoYears, sub_with(claim), CTX)
    assert f.rule == "period.items-exceed-two-years" and "29개월" in f.message


def test_items_within_two_years_or_with_a_declared_span_are_silent(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code=TWO_YEAR, items=[
        item("리빙랩 A", d(2023, 8)), item("리빙랩 B", d(2025, 7), 2), item("리빙랩 C", d(2024), 3)])
    rule_probe.silent(ItemsExceedTwoYears, sub_with(claim), CTX)
    claim.items.append(item("리빙랩 D", d(2023, 1), 4))
    claim.declared_span = span(d(2023, 8), d(2025, 7))
    rule_probe.silent(ItemsExceedTwoYears, sub_with(claim), CTX)


def test_the_calls_periods_are_read_once_as_dates(rule_probe: RuleProbe) -> None:
    periods = CTX.periods
    assert periods is CTX.periods
    assert [str(periods.outer_window), str(periods.cutoff), str(periods.qualitative_from)] == [
        "2023-01~2025-07", "2025-07", "2023-01"]
    # a rule set without period facts: nothing to hold a span or an undeclared item against
    bare = CheckContext(ruleset=RS.model_copy(update={"periods": None}))
    claim = IndicatorClaim(code=TWO_YEAR, declared_span=span(d(2022, 7), d(2025, 8)))
    for rule in SPAN_RULES:
        rule_probe.silent(rule, sub_with(claim), bare)
    undeclared = IndicatorClaim(code=TWO_YEAR, items=[item("리빙랩 A", d(2021, 2)),
                                                      item("리빙랩 B", d(2025, 6), 2)])
    rule_probe.silent(ItemOutsideWindow, sub_with(undeclared), bare)
    rule_probe.silent(ItemsExceedTwoYears, sub_with(undeclared), bare)
    assert len(rule_probe.fires(ItemOutsideWindow, sub_with(undeclared), CTX)) == 1


# -- every list with a date field is checked, whatever its date column is called ------------

def collaboration(n: int, year: str, name: str) -> ListedItem:
    """C-11-2 as the call prints it: 'No.' is merged over the year column and the number
    column, so the year is read as the row's 'No.' cell and no date is parsed."""
    cells = [FieldValue(name="No.", text=year), FieldValue(name="담당 업무", text="CCTV 관제"),
             FieldValue(name="협업 사업", text=name), FieldValue(name="협업 기관", text="교통과")]
    return ListedItem(list_id="projects", number=int(year), name=name, kind="CCTV 관제",
                      cells=cells, text=" | ".join(c.text for c in cells),
                      location=Location(file=FORM.file, page=30, bbox=(0, n, 1, 1)))


def c112(*rows: tuple[str, str], declared: DateSpan | None = None) -> IndicatorClaim:
    return IndicatorClaim(code="C-11-2", form_source=FORM, declared_span=declared,
                          items=[collaboration(n, y, name) for n, (y, name) in enumerate(rows)])


def test_a_collaboration_dated_after_the_declared_span(rule_probe: RuleProbe) -> None:
    claim = c112(("2023", "사이버보안관제사업"), ("2024", "여성 안전"), ("2025", "안전 기술개발"),
                 declared=span(d(2023), d(2024)))  # the form's ('23~'24년)
    (f,) = rule_probe.fires(ItemOutsideWindow, sub_with(claim), CTX)
    assert f.severity == "error" and "안전 기술개발" in f.message and "2025" in f.message
    claim.items = claim.items[:2]
    rule_probe.silent(ItemOutsideWindow, sub_with(claim), CTX)


def test_figures_are_never_read_as_dates(rule_probe: RuleProbe) -> None:
    # C-1-5 dates its rows by year; a row whose year is unread keeps its count '2022' a count
    # and its note '12.5' no month
    item = ListedItem(list_id="years", name="소계", cells=[
        FieldValue(name="구분", text="소계"), FieldValue(name="교통사고 수", text="2022"),
        FieldValue(name="감지 및 대응 처리 수", text="1,954"), FieldValue(name="비고", text="12.5")])
    claim = IndicatorClaim(code="C-1-5", items=[item], declared_span=span(d(2023), d(2024)))
    assert RS.indicator("C-1-5").period_rule.kind == "2y"
    rule_probe.silent(ItemOutsideWindow, sub_with(claim), CTX)


def test_undeclared_collaborations_further_apart_than_two_years(rule_probe: RuleProbe) -> None:
    claim = c112(("2022", "사이버보안관제사업"), ("2025", "안전 기술개발"))
    (f,) = rule_probe.fires(ItemsExceedTwoYears, sub_with(claim), CTX)
    assert f.indicator == "C-11-2" and "2022" in f.message and "2025" in f.message
    rule_probe.silent(ItemsExceedTwoYears, sub_with(c112(("2023", "가"), ("2024", "나"))), CTX)


def test_an_ordinance_enacted_after_the_cutoff_under_a_header_of_its_own(
        rule_probe: RuleProbe) -> None:
    """B-2-2 '조례명 | 제정 | 담당부서': '제정' is not read as a date column by its header."""
    def ordinance(enacted: str) -> IndicatorClaim:
        cells = [FieldValue(name="조례명", text="누리시 스마트도시 조성 및 운영 조례"),
                 FieldValue(name="제정", text=enacted), FieldValue(name="담당부서", text="스마트도시과")]
        item = ListedItem(list_id="ordinances", name=cells[0].text, cells=cells,
                          location=Location(file=FORM.file, page=18))
        return IndicatorClaim(code="B-2-2", form_source=FORM, items=[item])

    (f,) = rule_probe.fires(AchievementAfterCutoff, sub_with(ordinance("2025. 9. 1.")), CTX)
    assert f.indicator == "B-2-2" and "2025-09-01" in f.message
    rule_probe.silent(AchievementAfterCutoff, sub_with(ordinance("2019. 4. 10.")), CTX)


def test_a_date_read_from_one_of_several_unnamed_date_cells_is_a_warning(
        rule_probe: RuleProbe) -> None:
    """B-3-2 lists two dates per row (도입 시기, 의견 반영 시기); headers the mapping did not
    read as dates leave it to guess which of the row's dates is the item's."""
    def opinion(introduced: str, reflected: str) -> IndicatorClaim:
        cells = [FieldValue(name="No.", text="1"), FieldValue(name="서비스 명", text="공유자전거"),
                 FieldValue(name="도입", text=introduced), FieldValue(name="반영", text=reflected)]
        item = ListedItem(list_id="opinions", number=1, name="공유자전거", cells=cells,
                          location=Location(file=FORM.file, page=12))
        return IndicatorClaim(code="B-3-2", form_source=FORM, items=[item],
                              declared_span=span(d(2023, 1), d(2024, 12)))

    (f,) = rule_probe.fires(ItemOutsideWindow, sub_with(opinion("2022.08.01", "2023.10.01")), CTX)
    assert f.severity == "warning" and "'도입' 칸의 '2022.08.01'에서 읽음" in f.message
    rule_probe.silent(ItemOutsideWindow, sub_with(opinion("2023.08.01", "2023.10.01")), CTX)


# -- B-2-1: a current plan of at most five years ('5년 이내 중장기 스마트도시계획') -------------

def plan(name: str = "누리시 스마트도시계획", years: str | None = "2023~2027",
         approval: str = "X") -> ListedItem:
    """A row of B-2-1's '스마트도시계획 수립 여부' table as the call prints it (계획명 | 연도 |
    국토부 승인: '00시 스마트도시계획 | 2023~2027 | x'); `years` None: no 연도 column."""
    cells = [FieldValue(name="계획명", text=name)]
    cells += [FieldValue(name="연도", text=years)] if years is not None else []
    cells += [FieldValue(name="국토부 승인", text=approval)]
    return ListedItem(list_id="plans", name=name, span=parse_span(years or ""),
                      date_text=years, cells=cells, text=" | ".join(c.text for c in cells),
                      location=Location(file=FORM.file, page=14))


def b21(*plans: ListedItem) -> IndicatorClaim:
    return IndicatorClaim(code="B-2-1", text="계획 수립 O (승인 X)", value=True,
                          form_source=FORM, items=list(plans))


def test_a_plan_that_ended_before_the_evaluation_window(rule_probe: RuleProbe) -> None:
    """The issue's example: a 2013~2017 plan got full points."""
    (f,) = rule_probe.fires(PlanNotCurrent, sub_with(b21(plan(years="2013~2017"))), CTX)
    assert f.severity == "error" and f.claimed == "2013~2017"
    assert "2023년 1월 이후" in f.message and f.locations[0].page == 14
    rule_probe.silent(PlanNotCurrent, sub_with(b21(plan(years="2023~2027"))), CTX)
    # the call's own example, and a plan still running at the cut-off
    rule_probe.silent(PlanNotCurrent, sub_with(b21(plan(years="2021~2025"))), CTX)


def test_a_plan_longer_than_five_years(rule_probe: RuleProbe) -> None:
    assert RS.indicator("B-2-1").rule("plan_within_5_years").params["max_years"] == 5
    (f,) = rule_probe.fires(PlanNotCurrent, sub_with(b21(plan(years="2021~2030"))), CTX)
    assert f.severity == "error" and "10년으로 5년을 넘습니다" in f.message
    rule_probe.silent(PlanNotCurrent, sub_with(b21(plan(years="2024.03~2029.02"))), CTX)


def test_a_plan_period_read_from_the_name_or_beside_a_valid_plan_only_warns(
        rule_probe: RuleProbe) -> None:
    named = plan(name="누리시 스마트도시계획(2013~2017)", years=None)
    (f,) = rule_probe.fires(PlanNotCurrent, sub_with(b21(named)), CTX)
    assert f.severity == "warning" and "계획명에서 읽음" in f.message
    old = plan(name="누리시 정보화 기본계획", years="2015~2019")
    (f,) = rule_probe.fires(PlanNotCurrent, sub_with(b21(plan(), old)), CTX)
    assert f.severity == "warning" and "누리시 정보화 기본계획" in f.message
    assert "'누리시 스마트도시계획'(2023~2027)이 요건을 충족함" in f.message


# -- B-3-2: services introduced 2023~2024, read from the 서비스 도입 시기 cell ---------------

OPINION_HEADERS = ["No.", "서비스 명", "서비스 도입 시기", "시민 의견", "의견 반영 결과",
                   "의견 반영 시기"]


def opinion(n: int, service: str, introduced: str, said: str, result: str,
            reflected: str) -> ListedItem:
    """A row of B-3-2's list as the mapping gives it: every cell kept under its header and
    the row's LAST date (의견 반영 시기) as the item's date."""
    cells = [FieldValue(name=h, text=t, location=Location(file=FORM.file, page=12))
             for h, t in zip(OPINION_HEADERS, [str(n), service, introduced, said, result,
                                               reflected], strict=True)]
    return ListedItem(list_id="opinions", number=n, name=service, date=parse_date(reflected),
                      date_text=reflected, cells=cells, text=" | ".join(c.text for c in cells),
                      location=Location(file=FORM.file, page=12, bbox=(0, n, 1, 1)))


def b32(*rows: ListedItem, declared: DateSpan | None = None) -> IndicatorClaim:
    return IndicatorClaim(code="B-3-2", form_source=FORM, items=list(rows),
                          declared_span=declared)


CALL_ROWS = [  # the call's example rows
    opinion(1, "공공민간 주차 장 공유서비스", "2023.08.01", "A B 주차장 공유 사비스 반영 민원",
            "해당 주차장 정보를 서비스 내 업데이트", "2023.10.01"),
    opinion(2, "공 유 자 전 거 서비스", "2024.01.01", "A 정류장 공유자전거 고장 신고",
            "고장난 공유자전거 2대 수리 및 교체", "2024.05.23"),
]


def test_a_service_introduced_before_2023(rule_probe: RuleProbe) -> None:
    """The mapping's item date is the 의견 반영 시기 (2024.05.23, inside); the 도입 시기 cell
    says 2021: the service is no new one."""
    old = opinion(3, "스마트폴", "2021.05.01", "디지털 안내판 정보 업데이트 의견",
                  "안내판 정보 추가", "2024.08.25")
    (f,) = rule_probe.fires(ServiceIntroducedOutside, sub_with(b32(*CALL_ROWS, old)), CTX)
    assert f.severity == "error" and f.claimed == "2021.05.01"
    assert "스마트폴" in f.message and f.expected == "2023-01~2024-12"
    rule_probe.silent(ServiceIntroducedOutside, sub_with(b32(*CALL_ROWS)), CTX)


def test_a_shifted_declared_span_widens_the_introduction_window(rule_probe: RuleProbe) -> None:
    shifted = span(d(2023, 8), d(2025, 7))
    late = opinion(3, "스마트폴", "2025.03.01", "안내 정보 다양화 의견", "안내 항목 추가",
                   "2025.05.18")
    rule_probe.silent(ServiceIntroducedOutside, sub_with(b32(late, declared=shifted)), CTX)
    (f,) = rule_probe.fires(ServiceIntroducedOutside, sub_with(b32(late)), CTX)
    assert f.claimed == "2025.03.01"
    early = opinion(4, "스마트폴", "2022.12.01", "야간 이용 불편 민원", "조명 개선", "2024.02.01")
    (f,) = rule_probe.fires(ServiceIntroducedOutside,
                            sub_with(b32(early, declared=shifted)), CTX)
    assert f.expected == "2023-01~2025-07"


def test_one_finding_per_service_and_a_wrapped_date_is_still_read(rule_probe: RuleProbe) -> None:
    rows = [opinion(n, "스마트 안심귀갓길 서비스", "2021.05.0 1", said, "알림 설정 기능 개선",
                    reflected)
            for n, (said, reflected) in enumerate([("알림 과다 발송 민원", "2024.05.02"),
                                                   ("어르신 이용 어려움 의견", "2024.09.28")], 1)]
    (f,) = rule_probe.fires(ServiceIntroducedOutside, sub_with(b32(*rows)), CTX)
    assert f.severity == "error" and len(f.locations) == 2


def test_two_introduction_dates_in_one_row_only_warn(rule_probe: RuleProbe) -> None:
    row = opinion(1, "스마트폴", "2021.05.01", "안내 정보 의견", "안내 항목 추가", "2024.05.18")
    row.cells.append(FieldValue(name="서비스 도입 시기", text="2024.01.01"))
    (f,) = rule_probe.fires(ServiceIntroducedOutside, sub_with(b32(row)), CTX)
    assert f.severity == "warning" and "일자가 여럿" in f.message


# -- base dates printed in the 비고 column ------------------------------------------------

def note(text: str, column: str = "비고", page: int = 20) -> Component:
    """A base-date note as the mapping keeps it: a text component without a catalogue id."""
    where = Location(file=FORM.file, page=page)
    return Component(id=None, label=column, text=text, location=where, cells=[where],
                     basis=Basis.LABEL if column == "비고" else Basis.FUZZY)


def c14(*notes: Component) -> IndicatorClaim:
    """C-1-4 as the call prints it: '총계 | (A) | (B) | (B/A) | '25.06 기준'."""
    return IndicatorClaim(code="C-1-4", form_source=FORM, components=[
        Component(id="A", label="총계 도로 길이(km) (A)", value=Decimal("569.5"), text="569.5",
                  basis=Basis.LETTER),
        Component(id="B", label="총계 CCTV 수 (B)", value=Decimal(235), text="235",
                  basis=Basis.LETTER), *notes])


def test_a_base_date_other_than_the_calls(rule_probe: RuleProbe) -> None:
    assert RS.indicator("C-1-4").form.base_date == "2025-06"
    (f,) = rule_probe.fires(BaseDate, sub_with(c14(note("'24.06 기준"))), CTX)
    assert f.severity == "error" and f.claimed == "'24.06 기준" and f.expected == "2025-06"
    assert f.locations[0].page == 20
    rule_probe.silent(BaseDate, sub_with(c14(note("'25.06 기준"))), CTX)
    rule_probe.silent(BaseDate, sub_with(c14()), CTX)  # no note: nothing contradicts the call
    (f,) = rule_probe.fires(BaseDate, sub_with(c14(note("2024.06 기준", column="CCTV 수"))), CTX)
    assert f.severity == "warning" and "비고 칸이 아닌" in f.message


def test_c17_and_an_indicator_without_a_base_date(rule_probe: RuleProbe) -> None:
    c17 = IndicatorClaim(code="C-1-7", form_source=FORM, components=[note("'24.12기준")])
    rule_probe.silent(BaseDate, sub_with(c17), CTX)
    c17.components = [note("'25.06 기준")]
    (f,) = rule_probe.fires(BaseDate, sub_with(c17), CTX)
    assert f.expected == "2024-12"
    # C-1-1 prints an empty 비고: whatever base date a city writes there is its own
    assert RS.indicator("C-1-1").form.base_date is None
    c11 = IndicatorClaim(code="C-1-1", form_source=FORM, components=[note("'25.06 기준")])
    rule_probe.silent(BaseDate, sub_with(c11), CTX)


def monitoring(n: int, kind: str, remark: str) -> ListedItem:
    """A C-2-2 row: '관제인력 탐지 | 000 | 000 | 000 | | '24년 기준'."""
    cells = [FieldValue(name="구분", text=kind), FieldValue(name="총계", text="3,887"),
             FieldValue(name="강력범죄", text="794"), FieldValue(name="경범죄", text="1,584"),
             FieldValue(name="비고", text=remark,
                        location=Location(file=FORM.file, page=22, bbox=(0, n, 1, 1)))]
    return ListedItem(list_id="monitoring", kind=kind, cells=cells,
                      text=" | ".join(c.text for c in cells))


def test_c22_accepts_both_years_the_call_prints(rule_probe: RuleProbe) -> None:
    """분석자료 ('23년 기준) against the example's '24년 기준: both accepted (ruleset.yaml
    discrepancy c-2-2-base-year); another year is one finding at every row printing it."""
    rows = [monitoring(1, "관제인력 탐지", "'23년 기준"), monitoring(2, "사고대응 요청", "'24 년 기준")]
    c22 = IndicatorClaim(code="C-2-2", form_source=FORM, items=rows)
    rule_probe.silent(BaseDate, sub_with(c22), CTX)
    c22.items = [monitoring(1, "관제인력 탐지", "'22년 기준"),
                 monitoring(2, "사고대응 요청", "'22년 기준"),
                 monitoring(3, "지능형 선별관제 탐지", "365안전센터")]
    (f,) = rule_probe.fires(BaseDate, sub_with(c22), CTX)
    assert f.expected == "2023 또는 2024" and len(f.locations) == 2
