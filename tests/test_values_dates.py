"""Dates and periods as submissions write them (extractors.values.dates)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartcert.core.values import DateSpan, PartialDate, find_dates, parse_date, parse_span


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("'23.05", (2023, 5, None), "month"),
        ("’24.10", (2024, 10, None), "month"),
        ("‘24.10", (2024, 10, None), "month"),
        ("’24.5.10", (2024, 5, 10), "day"),
        ("2023. 5. 12.", (2023, 5, 12), "day"),
        ("2023.05.12", (2023, 5, 12), "day"),
        ("2023-05-12", (2023, 5, 12), "day"),
        ("2023/05/12", (2023, 5, 12), "day"),
        ("2023년 5월 12일", (2023, 5, 12), "day"),
        ("2023년 5월", (2023, 5, None), "month"),
        ("2023년", (2023, None, None), "year"),
        ("2023년도", (2023, None, None), "year"),
        ("23.05", (2023, 5, None), "month"),
        ("2023. 5. 12.(금)", (2023, 5, 12), "day"),
        ("20230512", (2023, 5, 12), "day"),
        ("'06.12.27", (2006, 12, 27), "day"),
        ("２０２３．５．１２．", (2023, 5, 12), "day"),
        ("2024.2.29", (2024, 2, 29), "day"),
    ],
)
def test_parse_date_styles(
    text: str, expected: tuple[int, int | None, int | None], precision: str
) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.year, parsed.month, parsed.day) == expected
    assert parsed.precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "2023.13",
        "2023.0",
        "2023.2.30",
        "2023.2.29",
        "2023-13-01",
        "’23.00",
        "23",
        "12건",
        "2023.5.12.13",
    ],
)
def test_impossible_or_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_strict_mode_needs_a_year_marker() -> None:
    assert parse_date("23.05", strict=True) is None  # in running text, a number
    assert parse_date("’23.05", strict=True) == PartialDate(year=2023, month=5)
    assert parse_date("23년 5월", strict=True) == PartialDate(year=2023, month=5)
    assert parse_date("23년", strict=True) is None


def test_partial_date_days() -> None:
    feb = parse_date("2024.02")
    assert feb is not None
    assert (feb.first_day(), feb.last_day()) == (date(2024, 2, 1), date(2024, 2, 29))
    year = parse_date("2023년")
    assert year is not None and year.last_day() == date(2023, 12, 31)
    assert str(parse_date("’24.5.10")) == "2024-05-10"


@pytest.mark.parametrize(
    ("text", "first", "last", "months"),
    [
        ("2023.08~2025.07", date(2023, 8, 1), date(2025, 7, 31), 24),
        ("23.01~02", date(2023, 1, 1), date(2023, 2, 28), 2),
        ("'24.03~04", date(2024, 3, 1), date(2024, 4, 30), 2),
        ("2023.1.1.~2024.12.31.", date(2023, 1, 1), date(2024, 12, 31), 24),
        ("’23.3.~’24.2.", date(2023, 3, 1), date(2024, 2, 29), 12),
        ("2023.08 - 2025.07", date(2023, 8, 1), date(2025, 7, 31), 24),
        ("2023.08–2025.07", date(2023, 8, 1), date(2025, 7, 31), 24),
        ("2023.08∼2025.07", date(2023, 8, 1), date(2025, 7, 31), 24),
        ("2023.08〜2025.07", date(2023, 8, 1), date(2025, 7, 31), 24),
        ("2023.08～2025.07", date(2023, 8, 1), date(2025, 7, 31), 24),
        ("('23~'24년)", date(2023, 1, 1), date(2024, 12, 31), 24),
        ("2023~2024", date(2023, 1, 1), date(2024, 12, 31), 24),
        ("2023.5.12~15", date(2023, 5, 12), date(2023, 5, 15), 1),
        ("2023.5.12~6.15", date(2023, 5, 12), date(2023, 6, 15), 2),
        ("2023년 1월 ~ 12월", date(2023, 1, 1), date(2023, 12, 31), 12),
        ("2023-05-12~2023-06-30", date(2023, 5, 12), date(2023, 6, 30), 2),
        ("'23.11~02", date(2023, 11, 1), date(2024, 2, 29), 4),  # runs into the next year
    ],
)
def test_parse_span(text: str, first: date, last: date, months: int) -> None:
    span = parse_span(text)
    assert span is not None
    assert (span.first_day(), span.last_day(), span.months()) == (first, last, months)


@pytest.mark.parametrize(
    "text",
    ["", "2024.12~2023.01", "2023.13~2024.01", "2023.05~2023.13", "2023.05", "abc~def", "1~2"],
)
def test_bad_spans(text: str) -> None:
    assert parse_span(text) is None


def test_span_contains() -> None:
    window = parse_span("2023.01~2024.12")
    assert window is not None
    inside, outside = parse_date("’24.5.10"), parse_date("2025.01")
    assert inside is not None and outside is not None
    assert window.contains(inside) and not window.contains(outside)
    assert window.contains(date(2023, 1, 1)) and not window.contains(date(2022, 12, 31))


def test_find_dates_in_running_text() -> None:
    text = (
        "사업기간은 2023.08~2025.07이며, 교육은 '24.03~04 실시, ’24.5.10 개최(2024. 5. 10.), "
        "2023년 5월 12일 공고 제2023-1152호, 문의 031-910-0225, 예산 2023.5억원, 비율 12.05%, "
        "('23~'24년) 실적, 지침(’22.1 개정), 접수 2023년 10월 24일(화)〜 10월 26일(목) 18시"
    )
    found = [(m.kind.value, m.text, str(m.value)) for m in find_dates(text)]
    assert found == [
        ("SPAN", "2023.08~2025.07", "2023-08~2025-07"),
        ("SPAN", "'24.03~04", "2024-03~2024-04"),
        ("DATE", "’24.5.10", "2024-05-10"),
        ("DATE", "2024. 5. 10.", "2024-05-10"),
        ("DATE", "2023년 5월 12일", "2023-05-12"),
        ("SPAN", "'23~'24년", "2023~2024"),
        ("DATE", "’22.1", "2022-01"),
        ("SPAN", "2023년 10월 24일(화)〜 10월 26일(목)", "2023-10-24~2023-10-26"),
    ]
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text


def test_find_dates_rejects_numbers_and_impossible_dates() -> None:
    assert find_dates("비율 12.05%, 3.21명, 버전 1.2.3, 2023.13 기준, 2023.5억원, 2023건") == []


# --- properties -----------------------------------------------------------------------

# two-digit years read as 1970-2069; four-digit years 1900-2099
days = st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31))
wide_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))

DAY_STYLES = [
    "{y}. {m}. {d}.", "{y}.{m:02d}.{d:02d}", "{y}.{m}.{d}.", "{y}-{m:02d}-{d:02d}",
    "{y}/{m:02d}/{d:02d}", "{y}년 {m}월 {d}일", "'{yy:02d}.{m}.{d}", "’{yy:02d}.{m:02d}.{d:02d}.",
    "‘{yy:02d}. {m}. {d}.", "{y}{m:02d}{d:02d}",
]  # fmt: skip
MONTH_STYLES = [
    "{y}.{m:02d}", "{y}. {m}.", "'{yy:02d}.{m:02d}", "’{yy:02d}.{m}.", "{y}년 {m}월", "{y}-{m:02d}",
]  # fmt: skip
RUNNING_TEXT_STYLES = [s for s in DAY_STYLES + MONTH_STYLES if not s.startswith("{y}{m")]


def _fmt(style: str, d: date) -> str:
    return style.format(y=d.year, yy=d.year % 100, m=d.month, d=d.day)


@given(st.data(), st.sampled_from(DAY_STYLES))
def test_day_styles_round_trip(data: st.DataObject, style: str) -> None:
    d = data.draw(days if "yy" in style else wide_days)
    assert parse_date(_fmt(style, d)) == PartialDate(year=d.year, month=d.month, day=d.day)


@given(st.data(), st.sampled_from(MONTH_STYLES))
def test_month_styles_round_trip(data: st.DataObject, style: str) -> None:
    d = data.draw(days if "yy" in style else wide_days)
    assert parse_date(_fmt(style, d)) == PartialDate(year=d.year, month=d.month)


@given(days, st.sampled_from(RUNNING_TEXT_STYLES), st.sampled_from(["사업 ", "(", "기간: ", ""]))
def test_find_dates_finds_each_style_in_text(d: date, style: str, before: str) -> None:
    written = _fmt(style, d)
    text = f"{before}{written} 개최"
    found = find_dates(text)
    assert [(m.start, m.end, m.value) for m in found] == [
        (len(before), len(before) + len(written), parse_date(written))
    ]


@given(
    days,
    days,
    st.sampled_from(["~", "-", "–", "∼", "〜", " ~ "]),
    st.sampled_from(["{y}.{m:02d}", "’{yy:02d}.{m}.", "{y}년 {m}월"]),
)
def test_month_spans_round_trip(a: date, b: date, sep: str, style: str) -> None:
    start, end = min(a, b), max(a, b)
    span = parse_span(_fmt(style, start) + sep + _fmt(style, end))
    assert span == DateSpan(
        start=PartialDate(year=start.year, month=start.month),
        end=PartialDate(year=end.year, month=end.month),
    )
    assert span.months() == (end.year - start.year) * 12 + end.month - start.month + 1


@given(days, days)
def test_day_spans_round_trip_and_abbreviated_ends(a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    full = parse_span(f"{start:%Y.%m.%d}.~{end:%Y.%m.%d}.")
    assert full is not None and (full.first_day(), full.last_day()) == (start, end)
    if start.year == end.year:  # "’23.01~02": the end leaves out the shared year
        short = parse_span(f"’{start.year % 100:02d}.{start.month:02d}~{end.month:02d}")
        assert short is not None
        assert (short.start.month, short.end.month, short.end.year) == (
            start.month,
            end.month,
            end.year,
        )


@given(st.text(max_size=60))
def test_date_functions_never_raise(text: str) -> None:
    parse_date(text)
    parse_span(text)
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text
