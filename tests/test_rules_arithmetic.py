"""Each arithmetic rule fires on a hand-built submission with the defect and stays silent
on the same submission without it.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

from smartcert.core.findings import Location
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Basis,
    Component,
    FieldValue,
    IndicatorClaim,
    ListedItem,
    Submission,
)
from smartcert.validators.arithmetic.count_mismatch import CountMismatch
from smartcert.validators.arithmetic.ratio_mismatch import RatioMismatch
from smartcert.validators.arithmetic.total_mismatch import TotalMismatch
from smartcert.validators.arithmetic.two_part_mismatch import TwoPartMismatch
from smartcert.validators.rule import CheckContext
from tests.rule_coverage import RuleProbe

RS = load_ruleset("city-2025")
PROPOSAL = "2. 정량지표 평가제안서.pdf"


def at(page: int) -> Location:
    return Location(file=PROPOSAL, page=page)


def comp(cid: str, label: str, text: str, unit: str | None = None,
         basis: Basis | None = Basis.LABEL) -> Component:
    """A figure of the form; by default read where its labels say (a certain reading)."""
    value = Decimal(text.replace(",", "").rstrip("건종"))
    return Component(id=cid, label=label, value=value, unit=unit, text=text, location=at(20),
                     basis=basis)


def claim(code: str, text: str, value: str, components: list[Component],
          items: list[ListedItem] | None = None) -> IndicatorClaim:
    return IndicatorClaim(code=code, text=text, value=Decimal(value), components=components,
                          items=items or [], source=at(3), form_source=at(20))


def a21(value: str = "2.13", population: str = "41.23") -> IndicatorClaim:
    return claim("A-2-1", f"1만명 당 기업 수 {value}", value, [
        comp("A", "기술혁신형 중소기업 수", "43", "개"), comp("B", "경영혁신형 중소기업 수", "45", "개"),
        comp("C", "인구수(만명)", population, "만명"), comp("value", "지표값", value)])


def c92(value: str = "1.89") -> IndicatorClaim:  # decrease_percent: (A−B)/A×100
    return claim("C-9-2", f"{value}%", value, [
        comp("A", "2023", "3,195,957"), comp("B", "2024", "3,135,576"),
        comp("ratio", "비율", value, "%")])


def award(n: int, kind: str = "기관") -> ListedItem:
    return ListedItem(list_id="awards", number=n, name=f"표창 {n}", kind=kind, location=at(21))


def a12(total: str = "3", rows: int = 3) -> IndicatorClaim:
    return claim("A-1-2", f"{total}건", total, [comp("total", "표창 총 건수", total, "건")],
                 [award(n) for n in range(1, rows + 1)])


def api(n: int, cases: str) -> ListedItem:
    return ListedItem(list_id="apis", number=n, name=f"API {n}", location=at(22),
                      cells=[FieldValue(name="23년~24년 제공 건 수", text=cases)])


def a32(kinds: str = "2종", cases: str = "30") -> IndicatorClaim:
    return claim("A-3-2", f"{kinds}, {cases}건", cases, [
        comp("kinds", "API 제공", kinds, "종"), comp("cases", "합계 제공 건수", cases, "건")],
        [api(1, "10"), api(2, "20")])


def event(n: int, kind: str) -> ListedItem:
    return ListedItem(list_id="events", number=n, name=f"스마트시티 행사 {n}", kind=kind,
                      location=at(23))


def b31(domestic: str = "2건", overseas: str = "1건") -> IndicatorClaim:
    claimed = int(domestic[:-1]) + int(overseas[:-1])
    return claim("B-3-1", f"국내 {domestic}, 국외 {overseas}", str(claimed), [
        comp("domestic", "국내", domestic, "건"), comp("overseas", "국외", overseas, "건")],
        [event(1, "국내"), event(2, "국내"), event(3, "국외")])


def sub(*claims: IndicatorClaim) -> Submission:
    return Submission(id="sub-test", applicant="누리시", population=412345,
                      indicators=list(claims))


CTX = CheckContext(ruleset=RS)


def test_ratio_matches_within_rounding(rule_probe: RuleProbe) -> None:
    rule_probe.silent(RatioMismatch, sub(a21(), c92()), CTX)


def test_ratio_mismatch_recomputes_from_components(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(RatioMismatch, sub(a21(value="2.31"), c92()), CTX)
    assert f.rule == "arithmetic.ratio-mismatch" and f.indicator == "A-2-1"
    assert f.claimed == "2.31" and f.expected == "2.13" and f.severity == "error"
    assert f.locations[0] == at(3) and at(20) in f.locations


def test_decrease_percent_mismatch(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(RatioMismatch, sub(c92(value="2.89")), CTX)
    assert f.indicator == "C-9-2" and f.expected == "1.89"


def test_population_filled_in_persons_is_accepted(rule_probe: RuleProbe) -> None:
    rule_probe.silent(RatioMismatch, sub(a21(population="412,345")), CTX)


def test_tolerance_is_half_a_unit_of_the_last_decimal(rule_probe: RuleProbe) -> None:
    # 88/41.23 = 2.1343…: 2.13 and 2.134 round to it, 2.14 does not
    rule_probe.silent(RatioMismatch, sub(a21(value="2.134")), CTX)
    assert len(rule_probe.fires(RatioMismatch, sub(a21(value="2.14")), CTX)) == 1


def test_missing_component_is_no_finding(rule_probe: RuleProbe) -> None:
    c = a21(value="9.99")
    c.components = [k for k in c.components if k.id != "C"]
    rule_probe.silent(RatioMismatch, sub(c), CTX)


def test_count_matches_items(rule_probe: RuleProbe) -> None:
    rule_probe.silent(CountMismatch, sub(a12(), a32()), CTX)


def test_count_mismatch_printed_total_vs_rows(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(CountMismatch, sub(a12(total="4", rows=3)), CTX)
    assert f.rule == "arithmetic.count-mismatch" and f.claimed == "4" and f.expected == "3"


def test_count_mismatch_summary_when_no_printed_total(rule_probe: RuleProbe) -> None:
    c = a12(total="5", rows=3)
    c.components = []
    (f,) = rule_probe.fires(CountMismatch, sub(c), CTX)
    assert f.claimed == "5건" and f.expected == "3" and f.locations[0] == at(3)


def test_total_matches_rows(rule_probe: RuleProbe) -> None:
    rule_probe.silent(TotalMismatch, sub(a32()), CTX)


def test_total_mismatch_against_column_sum(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(TotalMismatch, sub(a32(cases="35")), CTX)
    assert f.rule == "arithmetic.total-mismatch" and f.claimed == "35" and f.expected == "30"


def test_total_cell_merged_across_rows_is_not_summed(rule_probe: RuleProbe) -> None:
    c = a32(cases="30")
    for it in c.items:
        it.cells = [FieldValue(name="23년~24년 제공 건 수", text="30")]
    rule_probe.silent(TotalMismatch, sub(c), CTX)


def test_two_parts_coherent(rule_probe: RuleProbe) -> None:
    rule_probe.silent(TwoPartMismatch, sub(b31(), a32()), CTX)


def test_two_part_mismatch_part_vs_listed_category(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(TwoPartMismatch, sub(b31(overseas="2건")), CTX)
    assert f.rule == "arithmetic.two-part-mismatch" and "국외" in f.message
    assert f.claimed == "2건" and f.expected == "1"


def test_two_part_mismatch_kinds_exceed_cases(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(TwoPartMismatch, sub(a32(kinds="40종", cases="30")), CTX)
    assert f.indicator == "A-3-2" and "종" in f.message


def b32(ratio_2023: str = "0.07") -> IndicatorClaim:  # (B+D)/(A+C); per year B/A, D/C
    return claim("B-3-2", "0.12%", "0.12", [
        comp("A", "2023 인구수(만명)", "40.99"), comp("B", "2023 시민 의견 반영 건수", "3"),
        comp("C", "2024 인구수(만명)", "41.23"), comp("D", "2024 시민 의견 반영 건수", "7"),
        comp("ratio_2023", "2023 비율", ratio_2023), comp("ratio_2024", "2024 비율", "0.17"),
        comp("ratio_total", "총계 비율", "0.12")])


def test_per_year_ratios_agree(rule_probe: RuleProbe) -> None:
    rule_probe.silent(RatioMismatch, sub(b32()), CTX)


def test_per_year_ratio_mismatch(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(RatioMismatch, sub(b32(ratio_2023="0.17")), CTX)
    assert f.indicator == "B-3-2" and f.expected == "0.07" and "2023 비율" in f.message


def c17(total: str = "20,333") -> IndicatorClaim:  # 계 = 공영 + 민간 (catalogue sum_of_total)
    return claim("C-1-7", "27.63%", "27.63", [
        comp("A", "계", total, "면"), comp("public", "공영", "14,814", "면"),
        comp("private", "민간", "5,519", "면"), comp("B", "스마트 주차면수", "5,619", "면"),
        comp("ratio", "비율", "27.63", "%")])


def test_component_total_matches_its_parts(rule_probe: RuleProbe) -> None:
    rule_probe.silent(TotalMismatch, sub(c17()), CTX)


def test_component_total_mismatch(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(TotalMismatch, sub(c17(total="20,433")), CTX)
    assert f.indicator == "C-1-7" and f.claimed == "20,433" and f.expected == "20,333"
    assert "공영 + 민간" in f.message


# -- forms drawn the call's way: a figure located by a guess gives a warning naming it ------

def _guessed(c: IndicatorClaim, cid: str, basis: Basis | None) -> IndicatorClaim:
    c.components = [k.model_copy(update={"basis": basis}) if k.id == cid else k
                    for k in c.components]
    return c


def test_ratio_mismatch_on_a_guessed_figure_is_a_warning_that_names_it(
        rule_probe: RuleProbe) -> None:
    # (C) read from a cell whose label only resembles '인구수(만명)'
    (f,) = rule_probe.fires(RatioMismatch, sub(_guessed(a21(value="2.31"), "C", Basis.FUZZY)),
                            CTX)
    assert f.rule == "arithmetic.ratio-mismatch" and f.severity == "warning"
    assert f.expected == "2.13"
    assert f.message.endswith("(확인 필요: (C) 값은 양식의 항목명과 비슷한 칸에서 추정함)")
    rule_probe.silent(RatioMismatch, sub(_guessed(a21(), "C", Basis.FUZZY)), CTX)


def test_ratio_mismatch_on_letter_and_total_row_readings_stays_an_error(
        rule_probe: RuleProbe) -> None:
    c = _guessed(_guessed(a21(value="2.31"), "A", Basis.LETTER), "C", Basis.TOTAL_ROW)
    (f,) = rule_probe.fires(RatioMismatch, sub(c), CTX)
    assert f.severity == "error" and "확인 필요" not in f.message


def test_count_mismatch_on_a_positional_total_is_a_warning(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(CountMismatch,
                            sub(_guessed(a12(total="4", rows=3), "total", Basis.POSITIONAL)), CTX)
    assert f.severity == "warning" and f.claimed == "4" and f.expected == "3"
    assert "'표창 총 건수' 값의 위치가 양식과 일치하지 않아 추정함" in f.message
    rule_probe.silent(CountMismatch, sub(_guessed(a12(), "total", Basis.POSITIONAL)), CTX)


def test_total_mismatch_on_a_figure_of_unknown_origin_is_a_warning(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(TotalMismatch, sub(_guessed(a32(cases="35"), "cases", None)), CTX)
    assert f.severity == "warning" and "값을 읽은 위치가 기록되지 않음" in f.message
    rule_probe.silent(TotalMismatch, sub(_guessed(a32(), "cases", None)), CTX)
    # a part of a component sum read by a guess
    (g,) = rule_probe.fires(TotalMismatch,
                            sub(_guessed(c17(total="20,433"), "private", Basis.FUZZY)), CTX)
    assert g.severity == "warning" and "'민간' 값은" in g.message


def test_two_part_mismatch_on_a_guessed_part_is_a_warning(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(TwoPartMismatch,
                            sub(_guessed(b31(overseas="2건"), "overseas", Basis.FUZZY)), CTX)
    assert f.severity == "warning" and "'국외' 값은" in f.message
    rule_probe.silent(TwoPartMismatch, sub(_guessed(b31(), "overseas", Basis.FUZZY)), CTX)


def c51(population: str = "822.22") -> IndicatorClaim:
    """C-5-1 as the call prints it: '총계 | (A) 학습자 수 | (B) 전체 인구 수(천명)', and the yearly
    table '2023 | (A) 인구수(만명) | (B) 학습자 수' … whose 총계 is (A)+(C) in 만명."""
    return claim("C-5-1", "1천명 당 53.16", "53.16", [
        comp("A", "총계 학습자 수", "43,715"), comp("B", "총계 전체 인구 수(천명)", population),
        comp("pop_2023", "2023 인구수(만명)", "41.11"),
        comp("learners_2023", "2023 학습자 수", "20,849"),
        comp("pop_2024", "2024 인구수(만명)", "41.12"),
        comp("learners_2024", "2024 학습자 수", "22,866")])


def test_population_totals_in_another_unit_are_added_in_persons(rule_probe: RuleProbe) -> None:
    # 41.11 + 41.12 만명 = 822,300 persons = 822.22 천명 within their rounding
    rule_probe.silent(TotalMismatch, sub(c51()), CTX)
    (f,) = rule_probe.fires(TotalMismatch, sub(c51(population="832.22")), CTX)
    assert f.severity == "error" and f.claimed == "832.22" and f.expected == "822.30"


def dataset(n: int, name: str, *cells: str) -> ListedItem:
    heads = ["카테고리", "파일분류", "제공데이터 (데이터 중)", "23년~24년 제공 건 수", "관리부서"]
    return ListedItem(list_id="datasets", number=n, name=name, location=at(24),
                      cells=[FieldValue(name=h, text=t) for h, t in zip(heads, cells, strict=False)])


def a33(kinds: str) -> IndicatorClaim:
    """A-3-3 whose second row a page break cut: its tail '119 신고 접수 현황' stands alone."""
    rows = [dataset(1, "새별 민방위 대피시설 현황", "재난안전", "JSON", "새별 민방위 대피시설 현황",
                    "246", "교통정책과"),
            dataset(2, "새별 재난유형별", "재난안전", "CSV", "새별 재난유형별", "274", "정보통신과"),
            dataset(0, "119 신고 접수 현황", "", "", "119 신고 접수 현황"),
            dataset(3, "새별 침수 흔적도", "재난안전", "CSV", "새별 침수 흔적도", "189", "정보통신과")]
    return claim("A-3-3", f"{kinds}종, 709건", "709",
                 [comp("kinds", "데이터 제공 종 수", kinds, "종", basis=Basis.FORM_CELL)], rows)


def test_a_count_off_by_a_row_a_page_break_cut_is_a_warning(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(CountMismatch, sub(a33("3")), CTX)
    assert f.severity == "warning" and "'119 신고 접수 현황' 행은 칸 하나만 채워져" in f.message
    (g,) = rule_probe.fires(CountMismatch, sub(a33("5")), CTX)  # no cut row explains it
    assert g.severity == "error"
    rule_probe.silent(CountMismatch, sub(a33("4")), CTX)


def test_a_letter_the_form_prints_twice_does_not_say_which_cell(rule_probe: RuleProbe) -> None:
    # C-5-1 letters (A) and (B) in its totals table and again in its yearly table
    c = c51()
    c.components = [k.model_copy(update={"basis": Basis.LETTER}) if k.id in ("A", "B") else k
                    for k in c.components] + [comp("ratio", "총계 지표값", "34.61")]
    (f,) = rule_probe.fires(RatioMismatch, sub(c), CTX)
    assert f.severity == "warning"
    assert "(A), (B) 값은 양식의 두 표에 같은 글자가 있어 어느 칸인지 추정함" in f.message
    c.components[-1] = comp("ratio", "총계 지표값", "53.17")
    rule_probe.silent(RatioMismatch, sub(c), CTX)


# -- C-11-1: 총계 = 전담공무원 + 외부기관 파견인력 + 관제요원 + 기타 over every centre ----------

STAFF = ["센터명", "전담공무원", "외부기관 파견인력", "관제요원", "기타"]


def centre(name: str, *counts: str) -> ListedItem:
    """A row of C-11-1's form: '스마트도시통합센터 | 00 | 00 | 00 | '."""
    cells = [FieldValue(name=h, text=t, location=at(56))
             for h, t in zip(STAFF, [name, *counts], strict=True)]
    return ListedItem(list_id="centers", name=name, cells=cells, location=at(56),
                      text=" | ".join(c.text for c in cells))


def c111(total: str, label: str = "센터 총원", basis: Basis = Basis.FORM_CELL) -> IndicatorClaim:
    figure = Component(id="total", label=label, value=Decimal(total), unit="명",
                       text=f"{total}명", location=at(56), basis=basis)
    return claim("C-11-1", f"{total}명", total, [figure],
                 [centre("누리시 스마트도시통합운영센터", "13", "9", "46", "2"),
                  centre("누리시 교통정보센터", "4", "", "6", "")])


def test_staff_total_is_the_sum_of_every_category(rule_probe: RuleProbe) -> None:
    assert RS.indicator("C-11-1").rule("sum_of_staff").params["columns"] == STAFF[1:]
    rule_probe.silent(TotalMismatch, sub(c111("80")), CTX)
    (f,) = rule_probe.fires(TotalMismatch, sub(c111("70")), CTX)  # the second centre forgotten
    assert f.severity == "error" and f.indicator == "C-11-1"
    assert (f.claimed, f.expected) == ("70명", "80")
    assert "전담공무원 열 + 목록 외부기관 파견인력 열 + 목록 관제요원 열 + 목록 기타 열" in f.message


def test_a_staff_total_under_one_column_that_is_that_columns_sum_only_warns(
        rule_probe: RuleProbe) -> None:
    """The call prints the 총계 '00명' under 전담공무원: 17 there may be that column's total."""
    c = c111("17", label="총계 전담공무원", basis=Basis.TOTAL_ROW)
    (f,) = rule_probe.fires(TotalMismatch, sub(c), CTX)
    assert f.severity == "warning" and "'전담공무원' 열 아래에 있어" in f.message
