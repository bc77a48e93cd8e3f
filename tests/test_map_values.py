"""Primary values by the catalogue's value rule (schemas/mapping/values.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.mapping.values import primary_value

RS = load_ruleset("city-2025")


@pytest.mark.parametrize(("code", "text", "value", "unit"), [
    # count: the number of 건/개/명
    ("A-1-2", "6건", Decimal(6), "건"),
    ("A-1-2", "표창 총 12 건", Decimal(12), "건"),
    ("A-3-4", "１０개", Decimal(10), "개"),
    ("C-11-1", "33명", Decimal(33), "명"),
    ("C-2-2", "2,327건", Decimal(2327), "건"),
    # bool: O/X, 여부, a named unit or system
    ("B-2-2", "관련 조례 O", True, None),
    ("B-2-2", "X", False, None),
    ("B-2-2", "없음", False, None),
    ("C-1-6", "안내서비스 도입 X", False, None),
    ("B-2-1", "계획 수립 O (승인 X)", True, None),  # the plan is the primary flag
    ("B-2-1", "계획 수립 X (승인 O)", False, None),
    ("B-2-3", "지침 O, 계획 X", True, None),  # either policy
    ("B-2-3", "지침 X, 계획 X", False, None),
    ("A-1-1", "스마트도시과 3개팀 (총원 14명)", True, None),
    # two parts: 국내 + 국외
    ("B-3-1", "국내 12건, 국외 3건", Decimal(15), "건"),
    ("B-3-1", "국내 7건 국외 0건", Decimal(7), "건"),
    # 종, 건: the 건 figure
    ("A-3-2", "8종, 674건", Decimal(674), "건"),
    ("A-3-3", "12종 1,721건", Decimal(1721), "건"),
    # amounts in 백만원
    ("B-4-3", "1,250백만원", Decimal(1250), "백만원"),
    ("B-4-3", "15억 3천만원", Decimal(1530), "백만원"),
    ("B-4-3", "2,452", Decimal(2452), "백만원"),
    # thousands of persons
    ("C-3-1", "12천명", Decimal(12), "천명"),
    ("C-3-1", "153,000명", Decimal(153), "천명"),
    # ratios and percentages: the number as written
    ("A-2-1", "1만명 당 기업 수 2.13", Decimal("2.13"), "개/만명"),
    ("C-5-1", "1천명 당 57.00", Decimal("57.00"), "명/천명"),
    ("C-1-4", "1km 당 CCTV 수 0.35", Decimal("0.35"), "대/km"),
    ("C-1-5", "0.58", Decimal("0.58"), "비율"),
    ("B-4-1", "0.99%", Decimal("0.99"), "%"),
    ("C-9-2", "감소비율 1.89%", Decimal("1.89"), "%"),
    ("B-3-2", "0.12%", Decimal("0.12"), "건/만명"),
    ("C-10-2", "인구 만명당 WiFi 비율 8.78", Decimal("8.78"), "대/만명"),
])
def test_value_rules(code: str, text: str, value: object, unit: str | None) -> None:
    got = primary_value(text, RS.indicator(code))
    assert got.readable
    assert got.value == value and type(got.value) is type(value)
    assert got.unit == unit


def test_free_text_has_no_value() -> None:
    got = primary_value("스마트 버스정류장 42개소 운영", RS.indicator("C-1-8"))
    assert (got.value, got.unit, got.readable) == (None, None, True)


@pytest.mark.parametrize(("code", "text"), [
    ("A-1-2", "00건"),  # the template left unfilled
    ("A-3-2", "000종, 000건"),
    ("A-1-2", ""),
    ("A-1-2", "해당 자료 참조"),
    ("B-2-2", "O/X"),
])
def test_unreadable_values_are_flagged_not_raised(code: str, text: str) -> None:
    got = primary_value(text, RS.indicator(code))
    assert got.value is None and not got.readable and got.notes


def test_unit_mismatch_is_noted() -> None:
    got = primary_value("4개", RS.indicator("A-1-2"))  # catalogue unit 건
    assert got.value == 4 and got.unit == "건" and any("단위" in n for n in got.notes)


def test_unknown_row_reads_what_is_written() -> None:
    got = primary_value("12건", None)
    assert (got.value, got.unit) == (Decimal(12), "건")
