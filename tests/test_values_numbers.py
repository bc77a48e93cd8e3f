"""Numbers, units and yes/no marks as summary tables write them (extractors.values.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcert.core.values import parse_number, parse_value, to_million_won

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234", D(1234)),
        ("12.34", D("12.34")),
        ("−3", D(-3)),
        ("-3", D(-3)),
        ("△3", D(-3)),
        ("１，２３４", D(1234)),  # fullwidth, folded by NFKC
        (" 1,234,567.5 ", D("1234567.5")),
        ("0", D(0)),
        ("1,2345", None),  # wrong grouping
        ("12.", None),
        ("1.2.3", None),
        ("", None),
        ("abc", None),
        ("12건", None),
    ],
)
def test_parse_number(text: str, expected: Decimal | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "number", "unit", "kind"),
    [
        ("1,234", D(1234), None, "number"),
        ("12.34%", D("12.34"), "%", "percent"),
        ("12.34 ％", D("12.34"), "%", "percent"),
        ("3.2%p", D("3.2"), "%p", "percent"),
        ("-3.5%", D("-3.5"), "%", "percent"),
        ("1,250백만원", D(1250), "백만원", "money"),
        ("15억 3천만원", D(1_530_000_000), "원", "money"),
        ("2억5천만원", D(250_000_000), "원", "money"),
        ("1억 2천 5백만원", D(125_000_000), "원", "money"),
        ("12,500천원", D(12500), "천원", "money"),
        ("12천명", D(12), "천명", "count"),
        ("1만 2천명", D(12000), "명", "count"),
        ("총 1,234건", D(1234), "건", "count"),
        ("5개소", D(5), "개소", "count"),
        ("120회", D(120), "회", "count"),
        ("10.5㎞", D("10.5"), "km", "count"),
        ("0건", D(0), "건", "count"),  # a real zero, not a template
        ("스마트도시과 (총원 12명)", D(12), "명", "count"),
        ("12건 (2023~2024)", D(12), "건", "count"),  # the period is not a figure
        ("2023년 12건", D(12), "건", "count"),
    ],
)
def test_parse_value_single_figures(
    text: str, number: Decimal, unit: str | None, kind: str
) -> None:
    value = parse_value(text)
    assert (value.number, value.unit, value.kind) == (number, unit, kind)
    assert not value.placeholder
    assert len(value.parts) == 1


def test_two_part_same_unit_is_summed() -> None:
    value = parse_value("국내 12건, 국외 3건")
    assert [(p.label, p.number, p.unit) for p in value.parts] == [
        ("국내", D(12), "건"),
        ("국외", D(3), "건"),
    ]
    assert value.number == D(15)
    assert value.total() == D(15)
    assert value.part("국외") is not None and value.part("국외").number == D(3)


def test_two_part_mixed_units_needs_a_choice() -> None:
    value = parse_value("5종, 120건")
    assert [(p.number, p.unit) for p in value.parts] == [(D(5), "종"), (D(120), "건")]
    assert value.number is None and value.unit is None and value.kind == "multi"
    assert value.total() is None
    assert value.total("건") == D(120)
    assert value.part("건") is not None and value.part("건").number == D(120)


@pytest.mark.parametrize(
    ("text", "per_amount", "per_unit", "number", "unit"),
    [
        ("1만명 당 3.21", D(10000), "명", D("3.21"), None),
        ("인구 1만명당 3.21명", D(10000), "명", D("3.21"), "명"),
        ("1천명 당 12.50", D(1000), "명", D("12.50"), None),
        ("1km 당 CCTV 수 4.75", D(1), "km", D("4.75"), None),
        ("만명당 0.5", D(10000), "명", D("0.5"), None),
    ],
)
def test_ratios(
    text: str, per_amount: Decimal, per_unit: str, number: Decimal, unit: str | None
) -> None:
    value = parse_value(text)
    assert value.per is not None
    assert (value.per.amount, value.per.unit) == (per_amount, per_unit)
    assert (value.number, value.unit, value.kind) == (number, unit, "ratio")


@pytest.mark.parametrize(
    "text",
    ["00건", "000종, 000건", "0.00%", "00.00%", "0,000건", "000백만원", "00천명", "OO건", "○○명",
     "1만명 당 00.00", "1만명 당 00명", "국내 00건, 국외 00건", "계획 수립 O/X (승인 O/X)",
     "000국/과/팀 (총원 00명)"],
)  # fmt: skip
def test_unfilled_templates_are_placeholders(text: str) -> None:
    value = parse_value(text)
    assert value.placeholder
    assert value.number is None
    assert value.boolean is None


def test_partly_filled_template_keeps_the_filled_part() -> None:
    value = parse_value("국내 12건, 국외 00건")
    assert value.placeholder and value.number is None and value.total() is None
    assert value.part("국내") is not None and value.part("국내").number == D(12)


@pytest.mark.parametrize(
    ("text", "boolean"),
    [("O", True), ("X", False), ("○", True), ("×", False), ("Ｏ", True), ("예", True),
     ("아니오", False), ("유", True), ("무", False), ("관련 조례 O", True), ("시스템 도입 X", False)],
)  # fmt: skip
def test_booleans(text: str, boolean: bool) -> None:
    value = parse_value(text)
    assert value.boolean is boolean and value.kind == "boolean" and not value.placeholder


def test_labelled_booleans() -> None:
    value = parse_value("계획 수립 O (승인 X)")
    assert [(f.label, f.value) for f in value.flags] == [("계획 수립", True), ("승인", False)]
    assert value.boolean is True
    assert value.flag("승인") is False
    assert parse_value("지침 O, 계획 X").flag("계획") is False


def test_letters_inside_words_are_not_flags() -> None:
    assert parse_value("CCTV 1,200대").flags == ()
    assert parse_value("IoT 플랫폼").flags == ()


@pytest.mark.parametrize("text", ["", "   ", "abc", "스마트도시 전담부서", "1,2345건", "3만 5억원"])
def test_no_figure(text: str) -> None:
    value = parse_value(text)
    assert value.number is None and value.parts == () and not value.placeholder
    assert value.text == text


def test_money_and_person_scales() -> None:
    assert to_million_won("1,250백만원") == D(1250)
    assert to_million_won("15억 3천만원") == D(1530)
    assert to_million_won("5,000원") == D("0.005")
    assert to_million_won("3억원") == D(300)
    assert to_million_won("12건") is None
    assert to_million_won(parse_value("1천만원")) == D(10)
    assert parse_value("12천명").persons() == D(12000)
    assert parse_value("1,250백만원").base_amount() == D(1_250_000_000)
    assert parse_value("12건").persons() is None


def test_values_serialise() -> None:
    dumped = parse_value("국내 12건, 국외 3건").model_dump(mode="json")
    assert dumped["number"] == "15" and dumped["parts"][1]["label"] == "국외"


# --- properties -----------------------------------------------------------------------

amounts = st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False)


def _all_zero_template(numeral: str) -> bool:
    digits = [c for c in numeral if c.isdigit()]
    return len(digits) >= 2 and set(digits) == {"0"}


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_integers_with_separators_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n
    assert parse_value(f"{n:,}건").number == n


@given(amounts)
def test_decimals_round_trip_as_number_percent_and_million_won(x: Decimal) -> None:
    written = f"{x:,.2f}"
    assert parse_number(written) == x
    for text, unit in ((f"{written}%", "%"), (f"{written}백만원", "백만원")):
        value = parse_value(text)
        if _all_zero_template(written):  # "0.00" is how the templates print an empty slot
            assert value.placeholder and value.number is None
        else:
            assert (value.number, value.unit) == (x, unit)
    if not _all_zero_template(written):
        assert to_million_won(f"{written}백만원") == x


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=0, max_value=9999))
def test_korean_compound_amounts(eok: int, man: int) -> None:
    text = f"{eok}억 {man}만원" if man else f"{eok}억원"
    value = parse_value(text)
    assert value.base_amount() == eok * 10**8 + man * 10**4
    assert value.million_won() == D(eok * 10**8 + man * 10**4) / D(10**6)


@given(st.text(max_size=60))
def test_parse_value_never_raises(text: str) -> None:
    value = parse_value(text)
    assert value.text == text
    parse_number(text)
