"""Each arithmetic rule fires on a hand-built submission with the defect and stays silent
on the same submission without it."""

from __future__ import annotations

from decimal import Decimal

from schemas.catalogue import load_ruleset
from schemas.claims import Component, FieldValue, IndicatorClaim, ListedItem, Submission
from schemas.findings import Location
from validators.arithmetic.count_mismatch import CountMismatch
from validators.arithmetic.ratio_mismatch import RatioMismatch
from validators.arithmetic.total_mismatch import TotalMismatch
from validators.arithmetic.two_part_mismatch import TwoPartMismatch
from validators.rule import CheckContext, Rule

RS = load_ruleset("city-2025")
PROPOSAL = "2. 정량지표 평가제안서.pdf"


def at(page: int) -> Location:
    return Location(file=PROPOSAL, page=page)


def comp(cid: str, label: str, text: str, unit: str | None = None) -> Component:
    value = Decimal(text.replace(",", "").rstrip("건종"))
    return Component(id=cid, label=label, value=value, unit=unit, text=text, location=at(20))


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


def run(rule: Rule, s: Submission) -> list:
    return list(rule.check(s, CheckContext(ruleset=RS)))


def test_ratio_matches_within_rounding() -> None:
    assert run(RatioMismatch(), sub(a21(), c92())) == []


def test_ratio_mismatch_recomputes_from_components() -> None:
    (f,) = run(RatioMismatch(), sub(a21(value="2.31"), c92()))
    assert f.rule == "arithmetic.ratio-mismatch" and f.indicator == "A-2-1"
    assert f.claimed == "2.31" and f.expected == "2.13" and f.severity == "error"
    assert f.locations[0] == at(3) and at(20) in f.locations


def test_decrease_percent_mismatch() -> None:
    (f,) = run(RatioMismatch(), sub(c92(value="2.89")))
    assert f.indicator == "C-9-2" and f.expected == "1.89"


def test_population_filled_in_persons_is_accepted() -> None:
    assert run(RatioMismatch(), sub(a21(population="412,345"))) == []


def test_tolerance_is_half_a_unit_of_the_last_decimal() -> None:
    # 88/41.23 = 2.1343…: 2.13 and 2.134 round to it, 2.14 does not
    assert run(RatioMismatch(), sub(a21(value="2.134"))) == []
    assert len(run(RatioMismatch(), sub(a21(value="2.14")))) == 1


def test_missing_component_is_no_finding() -> None:
    c = a21(value="9.99")
    c.components = [k for k in c.components if k.id != "C"]
    assert run(RatioMismatch(), sub(c)) == []


def test_count_matches_items() -> None:
    assert run(CountMismatch(), sub(a12(), a32())) == []


def test_count_mismatch_printed_total_vs_rows() -> None:
    (f,) = run(CountMismatch(), sub(a12(total="4", rows=3)))
    assert f.rule == "arithmetic.count-mismatch" and f.claimed == "4" and f.expected == "3"


def test_count_mismatch_summary_when_no_printed_total() -> None:
    c = a12(total="5", rows=3)
    c.components = []
    (f,) = run(CountMismatch(), sub(c))
    assert f.claimed == "5건" and f.expected == "3" and f.locations[0] == at(3)


def test_total_matches_rows() -> None:
    assert run(TotalMismatch(), sub(a32())) == []


def test_total_mismatch_against_column_sum() -> None:
    (f,) = run(TotalMismatch(), sub(a32(cases="35")))
    assert f.rule == "arithmetic.total-mismatch" and f.claimed == "35" and f.expected == "30"


def test_total_cell_merged_across_rows_is_not_summed() -> None:
    c = a32(cases="30")
    for it in c.items:
        it.cells = [FieldValue(name="23년~24년 제공 건 수", text="30")]
    assert run(TotalMismatch(), sub(c)) == []


def test_two_parts_coherent() -> None:
    assert run(TwoPartMismatch(), sub(b31(), a32())) == []


def test_two_part_mismatch_part_vs_listed_category() -> None:
    (f,) = run(TwoPartMismatch(), sub(b31(overseas="2건")))
    assert f.rule == "arithmetic.two-part-mismatch" and "국외" in f.message
    assert f.claimed == "2건" and f.expected == "1"


def test_two_part_mismatch_kinds_exceed_cases() -> None:
    (f,) = run(TwoPartMismatch(), sub(a32(kinds="40종", cases="30")))
    assert f.indicator == "A-3-2" and "종" in f.message


def b32(ratio_2023: str = "0.07") -> IndicatorClaim:  # (B+D)/(A+C); per year B/A, D/C
    return claim("B-3-2", "0.12%", "0.12", [
        comp("A", "2023 인구수(만명)", "40.99"), comp("B", "2023 시민 의견 반영 건수", "3"),
        comp("C", "2024 인구수(만명)", "41.23"), comp("D", "2024 시민 의견 반영 건수", "7"),
        comp("ratio_2023", "2023 비율", ratio_2023), comp("ratio_2024", "2024 비율", "0.17"),
        comp("ratio_total", "총계 비율", "0.12")])


def test_per_year_ratios_agree() -> None:
    assert run(RatioMismatch(), sub(b32())) == []


def test_per_year_ratio_mismatch() -> None:
    (f,) = run(RatioMismatch(), sub(b32(ratio_2023="0.17")))
    assert f.indicator == "B-3-2" and f.expected == "0.07" and "2023 비율" in f.message


def c17(total: str = "20,333") -> IndicatorClaim:  # 계 = 공영 + 민간 (catalogue sum_of_total)
    return claim("C-1-7", "27.63%", "27.63", [
        comp("A", "계", total, "면"), comp("public", "공영", "14,814", "면"),
        comp("private", "민간", "5,519", "면"), comp("B", "스마트 주차면수", "5,619", "면"),
        comp("ratio", "비율", "27.63", "%")])


def test_component_total_matches_its_parts() -> None:
    assert run(TotalMismatch(), sub(c17())) == []


def test_component_total_mismatch() -> None:
    (f,) = run(TotalMismatch(), sub(c17(total="20,433")))
    assert f.indicator == "C-1-7" and f.claimed == "20,433" and f.expected == "20,333"
    assert "공영 + 민간" in f.message
