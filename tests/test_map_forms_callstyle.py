"""Data forms laid out as the 2025 call prints them (seed 002 § 자료구축양식, transcribed in
schemas/rulesets/city-2025/forms.yaml), filled the ways municipalities fill them: figures
above, instead of or beside the (A)/(B) label row; a merged 카테고리 column with no total
row; a breakdown whose totals stand in its 총계 row. No value may come from a label."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.catalogue.forms import load_form_templates
from smartcert.schemas.claims import IndicatorClaim
from smartcert.schemas.mapping.forms import map_forms
from smartcert.schemas.mapping.summary import map_summary
from tests.test_map_forms import indicator_table, summary_table
from tests.test_map_summary import make_doc, make_table

RS = load_ruleset("city-2025")
FORMS = {f.code: f for f in load_form_templates().forms}


def _claims(summary_rows: list[list[str]], tables: list) -> dict[str, IndicatorClaim]:
    doc = make_doc([summary_table(summary_rows), *tables])
    claims, _ = map_summary(doc, RS)
    map_forms(doc, RS, claims)
    return {c.code: c for c in claims}


def _header(code: str, table: int = 0) -> list[str]:
    """The leaf headers exactly as the call prints them."""
    return [c.header for c in FORMS[code].tables[table].columns]


def _labels(code: str, table: int = 0) -> list[str]:
    return list(FORMS[code].tables[table].label_rows[0].cells)


C23_SUMMARY = [["C-2-3", "지능형 방범 CCTV 구축 비율", "12.50%", "30"]]


def _cctv_form(second: list[list[str]]) -> list:
    first = [_header("C-2-3"), ["객체인식 CCTV", "객체인식", "300"],
             ["이상음원인식 CCTV", "이상음원인식", "200"],
             ["지능형 방범 CCTV 총계", "", "500"]]
    return [indicator_table("f", "지능형 방범 CCTV 구축 비율", "12.50%", 2, 100),
            make_table("d1", first, page=2, top=200),
            make_table("d2", [_header("C-2-3", 1), *second], page=2, top=400)]


@pytest.mark.parametrize("second", [
    # figures in a row above the printed label row
    [["4,000", "500", "12.50"], _labels("C-2-3", 1)],
    # figures beside the letters, in the same cells
    [["4,000 (A)", "500 (B)", "12.50"]],
    # figures instead of the letters
    [["4,000", "500", "12.50"]],
], ids=["above", "beside", "instead"])
def test_label_rows_name_the_figures_and_are_never_values(second: list[list[str]]) -> None:
    claim = _claims(C23_SUMMARY, _cctv_form(second))["C-2-3"]
    comps = {c.id: c.value for c in claim.components}
    assert comps == {"A": 4000, "B": 500, "ratio": Decimal("12.50")}
    assert all(c.value != 100 for c in claim.components)  # '(B/A) * 100' holds no figure


def test_label_row_left_unfilled_gives_no_value() -> None:
    """The form's letters left as printed: nothing is read from '(A)' or '(B/A) * 100'."""
    claim = _claims(C23_SUMMARY, _cctv_form([_labels("C-2-3", 1)]))["C-2-3"]
    comps = {c.id: c.value for c in claim.components}
    assert "A" not in comps and comps.get("ratio") in (None, Decimal("12.50"))
    assert 100 not in comps.values()


def test_year_label_row_with_figures_written_above() -> None:
    """A-2-1: '2024년 | (A) | (B) | (C) | (A+B/C)' kept, the figures typed in a row above."""
    rows = [_header("A-2-1"), ["2024년", "85", "13", "41.23", "2.38"], _labels("A-2-1")]
    claim = _claims([["A-2-1", "인구 1만명 당 혁신성 인증 기업 수", "1만명 당 기업 수 2.38", "12"]],
                    [indicator_table("f", "인구 1만명 당 혁신성 인증 기업 수", "2.38", 2, 100),
                     make_table("d", rows, page=2, top=200)])["A-2-1"]
    comps = {c.id: c.value for c in claim.components}
    assert comps == {"A": 85, "B": 13, "C": Decimal("41.23"), "value": Decimal("2.38")}


def test_merged_category_column_is_not_a_total() -> None:
    """A-3-2 has no 계 row: the first category's first API ('1,157 건') is not the total;
    the form's 건 total is the sum of its rows."""
    head = ["카테고리", "No.", "명칭 (데이터 중)", "서비스 유형", "23년~24년 제공 건 수", "내용(요약)"]
    rows = [head,
            ["재난안전", "1", "재난상황전파 정보", "REST", "1,157 건", "재난정보 공유"],
            [None, "2", "지진해일 대피소", "REST", "310 건", "대피소 현황"],
            ["환경기상", "3", "소음정보", "LINK", "88 건", "소음측정결과"]]
    claim = _claims([["A-3-2", "지자체 데이터 오픈 API 제공 건수", "3종, 1,555건", "14"]],
                    [indicator_table("f", "지자체 데이터 오픈 API 제공 건수", "3종, 1,555건", 2, 100),
                     make_table("d", rows, page=2, top=200)])["A-3-2"]
    comps = {c.id: c for c in claim.components}
    assert comps["cases"].value == 1555
    assert comps["cases"].text != "1,157 건"
    assert len(claim.items) == 3


@pytest.mark.parametrize("total", [["총계", "80 (A)", "", "45 (B)", "56.25"],
                                   ["총계", "80 (A)", "", "45", "56.25 (B/A)*100"],
                                   ["총계", "80", "", "45", "56.25"]],
                         ids=["letters", "formula-beside", "plain"])
def test_breakdown_totals_come_from_the_total_row(total: list[str]) -> None:
    """C-5-2: one row per school level with its own 지표값; (A) and (B) in the 총계 row."""
    rows = [_header("C-5-2"),
            ["초등학교", "40", "스마트 패드, 전자칠판", "30", "75.00"],
            ["중학교", "25", "전자칠판", "10", "40.00"],
            ["고등학교", "15", "VR 기기", "5", "33.33"],
            total]
    claim = _claims([["C-5-2", "스마트 교구 활용 학교 비율", "56.25%", "20"]],
                    [indicator_table("f", "스마트 교구 활용 학교 비율", "56.25%", 2, 100),
                     make_table("d", rows, page=2, top=200)])["C-5-2"]
    comps = {c.id: c.value for c in claim.components}
    assert comps == {"A": 80, "B": 45, "ratio": Decimal("56.25")}


def test_total_row_left_with_its_letters_labels_no_breakdown_row() -> None:
    rows = [_header("C-5-2"),
            ["초등학교", "40", "스마트 패드", "30", "75.00"],
            ["중학교", "25", "전자칠판", "10", "40.00"],
            list(_labels("C-5-2"))]
    claim = _claims([["C-5-2", "스마트 교구 활용 학교 비율", "50.77%", "20"]],
                    [indicator_table("f", "스마트 교구 활용 학교 비율", "50.77%", 2, 100),
                     make_table("d", rows, page=2, top=200)])["C-5-2"]
    comps = {c.id: c.value for c in claim.components}
    assert comps.get("A") != 25 and comps.get("B") != 10  # not the last school's figures


def test_one_item_over_several_rows_is_one_item() -> None:
    """C-2-4: No., 시스템명 and 관리부서 merged over the system's two 주요기능 rows."""
    rows = [_header("C-2-4"),
            ["1", "통합재난관리시스템", "안전총괄과", "재난상황관리", "이벤트시 발령 및 SMS"],
            [None, None, None, "재해이력정보", "과거 재해이력 등록조회관리"],
            ["2", "재난안전포털시스템", "안전총괄과", "재난안전지도", "주요재난 주제도 구축"],
            ["3", "스마트 하천 관리시스템", "하천과", "수위 감시", "하천 수위 자동 경보"],
            [None, None, None, "CCTV 연계", "하천 CCTV 영상 연계"]]
    claim = _claims([["C-2-4", "통합운영센터 재난관리서비스(시스템) 운영 건수", "3개", "22"]],
                    [indicator_table("f", "통합운영센터 재난관리서비스(시스템) 운영 건수", "3개", 2, 100),
                     make_table("d", rows, page=2, top=200)])["C-2-4"]
    assert [(i.number, i.name) for i in claim.items] == [
        (1, "통합재난관리시스템"), (2, "재난안전포털시스템"), (3, "스마트 하천 관리시스템")]
    assert {c.id: c.value for c in claim.components}["total"] == 3


def test_each_figure_says_how_it_was_located() -> None:
    claims = _claims(C23_SUMMARY, _cctv_form([["4,000", "500", "12.50"], _labels("C-2-3", 1)]))
    basis = {c.id: c.basis for c in claims["C-2-3"].components}
    assert basis == {"A": "letter", "B": "letter", "ratio": "label"}
    assert all(c.certain and c.cells for c in claims["C-2-3"].components)


def test_a_list_row_broken_across_a_page_is_one_item() -> None:
    """A-2-4 drawn by a word processor: item 15's name runs onto the next page, where its
    tail stands alone with no No. ('시민 강좌 4 기'); it is not a sixteenth programme."""
    rows = [["No.", "프로그램명", "운영기관", "운영기간"],
            ["14", "메이커 캠프 4 기", "가람 청소년수련관", "'24.03~04"],
            ["15", "AI·드론 체험", "가람 과학교육원", "'24.04~05"],
            ["", "시민 강좌 4 기", "", ""],
            ["16", "어르신 키오스크 교육 4 기", "가람 노인복지관", "'24.06"]]
    claim = _claims([["A-2-4", "2년간 스마트도시 관련 시민 교육 프로그램 운영 건수", "3건", "11"]],
                    [indicator_table("f", "2년간 스마트도시 관련 시민 교육 프로그램 운영 건수", "3건", 2, 100),
                     make_table("d", rows, page=2, top=600, row_pages={3: 3})])["A-2-4"]
    assert [(i.number, i.name) for i in claim.items] == [
        (14, "메이커 캠프 4 기"), (15, "AI·드론 체험 시민 강좌 4 기"), (16, "어르신 키오스크 교육 4 기")]


def test_a_header_over_two_columns_tells_them_apart_by_their_cells() -> None:
    """C-11-2 as the call prints it: 'No.' over the year and the number; A-3-7: '부문' over
    the group's number and name. The item's No. is the number column's."""
    head = ["No.", "<", "담당 업무", "협업 사업", "협업 기관"]
    rows = [head, ["2023", "1", "교통 관제", "스쿨존 단속", "교통과"],
            [None, "2", "데이터 연계", "치매노인 수색 지원", "보건소"],
            ["2024", "3", "CCTV 관제", "지능형 가로등 구축", "도로관리과"]]
    claim = _claims([["C-11-2", "통합운영센터 담당 업무 중 부서 또는 외부기관 간 협업 사업 건수 (2년간)",
                      "3건", "55"]],
                    [indicator_table("f", "통합운영센터 담당 업무 중 부서 또는 외부기관 간 협업 사업 건수",
                                     "3건", 2, 100),
                     make_table("d", rows, page=2, top=200)])["C-11-2"]
    assert [(i.number, str(i.date), i.name) for i in claim.items] == [
        (1, "2023", "스쿨존 단속"), (2, "2023", "치매노인 수색 지원"), (3, "2024", "지능형 가로등 구축")]
    head = ["부문", "<", "No.", "서비스명 (3개)", "관리부서", "비고"]
    rows = [head, ["1", "스마트 안전", "1", "지능형 재난 예경보 서비스", "재난관리과", ""],
            [None, None, "2", "전기화재 예방 서비스", "스마트시티과", ""],
            ["2", "스마트 환경", "3", "상수도 스마트 관리 서비스", "상하수도사업소", ""]]
    claim = _claims([["A-3-7", "지자체 스마트도시 제공 서비스 수", "3개", "18"]],
                    [indicator_table("f", "지자체 스마트도시 제공 서비스 수", "3개", 2, 100),
                     make_table("d", rows, page=2, top=200)])["A-3-7"]
    assert [(i.number, i.kind) for i in claim.items] == [
        (1, "스마트 안전"), (2, "스마트 안전"), (3, "스마트 환경")]


def test_figures_typed_over_the_letters_still_take_the_letters_the_call_prints() -> None:
    """No letter left in the table: aligned to the call's C-2-3 and A-2-1 tables, the
    figures take the (A)/(B)/(C) printed there — a certain reading, not a label guess."""
    claims = _claims(C23_SUMMARY, _cctv_form([["4,000", "500", "12.50"]]))
    basis = {c.id: c.basis for c in claims["C-2-3"].components}
    assert basis["A"] == "letter" and basis["B"] == "letter"
    rows = [_header("A-2-1"), ["2024년", "85", "13", "41.23", "2.38"]]
    claim = _claims([["A-2-1", "인구 1만명 당 혁신성 인증 기업 수", "1만명 당 기업 수 2.38", "12"]],
                    [indicator_table("f", "인구 1만명 당 혁신성 인증 기업 수", "2.38", 2, 100),
                     make_table("d", rows, page=2, top=200)])["A-2-1"]
    assert {c.id: (c.value, c.basis) for c in claim.components if c.id != "value"} == {
        "A": (85, "letter"), "B": (13, "letter"), "C": (Decimal("41.23"), "letter")}
