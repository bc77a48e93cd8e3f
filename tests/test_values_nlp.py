"""spaCy + Kiwi over running text: exact offsets and value mentions (extractors.values.nlp)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartcert.core.values import DateSpan, MentionKind, ParsedValue, PartialDate, find_dates
from smartcert.core.values.nlp import find_mentions, iter_mentions, korean_nlp

EVIDENCE = (
    "사업기간은 2023.08~2025.07이며, 교육은 '24.03~04 실시하고 ’24.5.10 개최(2024. 5. 10.)했다.\n"
    "2023년 5월 12일 공고 제2023-1152호(문의 031-910-0225)에 따라 총 1,250백만원과 15억 3천만원을 "
    "투입하여 국내 12건, 국외 3건의 행사를 열었다. 인구 1만명당 3.21명, 1km 당 CCTV 12.5대,\t"
    "참여자 12천명, 만족도 3.2%p 증가(87.5%), 5개소에서 120회 운영. 12건물 앞, 10년 이상.\n"
    "제출: 2025년 9월 19일(금) ~ 9월 23일(화), 발표 2025. 11. 3.(월)"
)


@pytest.fixture(scope="module")
def mentions() -> list:
    return find_mentions(EVIDENCE)


def test_mentions_in_evidence_text(mentions: list) -> None:
    got = [(m.kind.value, m.text) for m in mentions]
    assert got == [
        ("SPAN", "2023.08~2025.07"),
        ("SPAN", "'24.03~04"),
        ("DATE", "’24.5.10"),
        ("DATE", "2024. 5. 10."),
        ("DATE", "2023년 5월 12일"),
        ("MONEY", "1,250백만원"),
        ("MONEY", "15억 3천만원"),
        ("COUNT", "12건"),
        ("COUNT", "3건"),
        ("RATIO", "1만명당 3.21명"),
        ("RATIO", "1km 당 CCTV 12.5대"),
        ("COUNT", "12천명"),
        ("PERCENT", "3.2%p"),
        ("PERCENT", "87.5%"),
        ("COUNT", "5개소"),
        ("COUNT", "120회"),
        ("SPAN", "2025년 9월 19일(금) ~ 9월 23일(화)"),
        ("DATE", "2025. 11. 3.(월)"),
    ]


def test_mention_offsets_and_values(mentions: list) -> None:
    for m in mentions:
        assert EVIDENCE[m.start : m.end] == m.text
    by_text = {m.text: m.value for m in mentions}
    assert by_text["2023.08~2025.07"] == DateSpan(
        start=PartialDate(year=2023, month=8), end=PartialDate(year=2025, month=7)
    )
    assert by_text["’24.5.10"] == PartialDate(year=2024, month=5, day=10)
    money = by_text["15억 3천만원"]
    assert isinstance(money, ParsedValue) and money.million_won() == Decimal(1530)
    ratio = by_text["1만명당 3.21명"]
    assert isinstance(ratio, ParsedValue) and ratio.per is not None
    assert (ratio.per.amount, ratio.number) == (Decimal(10000), Decimal("3.21"))


def test_dates_agree_with_the_regex_scanner(mentions: list) -> None:
    spacy_dates = [
        (m.start, m.end, m.value)
        for m in mentions
        if m.kind in (MentionKind.DATE, MentionKind.SPAN)
    ]
    assert spacy_dates == [(m.start, m.end, m.value) for m in find_dates(EVIDENCE)]


def test_doc_is_the_text_and_entities_are_set() -> None:
    nlp = korean_nlp()
    assert nlp is korean_nlp()  # one shared pipeline
    doc = nlp(EVIDENCE)
    assert doc.text == EVIDENCE
    assert [(e.label_, e.text) for e in doc.ents][:2] == [
        ("SPAN", "2023.08~2025.07"),
        ("SPAN", "'24.03~04"),
    ]
    words = {t.text: t for t in doc}
    assert words["건"].tag_ == "NNB" and words["1,250"].pos_ == "NUM"


def test_value_tokens_are_whole() -> None:
    doc = korean_nlp()("1,250백만원 ’24.10 12.34% 2023.08")
    assert [t.text for t in doc] == ["1,250", "백만", "원", "’", "24.10", "12.34", "%", "2023.08"]


@pytest.mark.parametrize(
    "text",
    ["", " ", "  앞뒤 공백  ", "줄\n\n바꿈\r\n끝", "탭\t\t문자", "전각\u3000공백", "😀12건", "가\u0301나",
     "http://www.example.go.kr/2023.05 참조", "\x00\x01제어문자", "１２건 ２０２３．５．"],
)  # fmt: skip
def test_tokens_preserve_the_text(text: str) -> None:
    doc = korean_nlp()(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token)] == token.text


def test_fullwidth_values_are_found_with_original_offsets() -> None:
    text = "총 １２건, ２０２３．５．１２． 완료"
    found = [(m.kind.value, m.text, m.start) for m in find_mentions(text)]
    assert found == [("COUNT", "１２건", 2), ("DATE", "２０２３．５．１２．", 7)]


def test_placeholders_are_mentions_without_a_number() -> None:
    (m,) = find_mentions("실적 00건 (작성 예시)")
    assert m.kind == MentionKind.COUNT and isinstance(m.value, ParsedValue)
    assert m.value.placeholder and m.value.number is None


def test_iter_mentions_matches_find_mentions() -> None:
    texts = [EVIDENCE, "", "인구 1천명당 3.5대", "없음"]
    assert list(iter_mentions(texts)) == [find_mentions(t) for t in texts]


_ALPHABET = st.sampled_from(
    list("가나다라마바사건개명종원년월일억만천백당수기간") + list("0123456789") + list(" .,~-%'’‘()/\n\t")
    + ["km", "O", "X", "１", "％", "\u3000"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_random_text_never_raises_and_offsets_hold(text: str) -> None:
    found = find_mentions(text)
    end = 0
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.start >= end  # sorted, no overlaps
        end = m.end
    assert korean_nlp()(text).text == text


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=40))
def test_any_unicode_text_never_raises(text: str) -> None:
    for m in find_mentions(text):
        assert text[m.start : m.end] == m.text


_DATE_BITS = st.sampled_from(
    [*"가나년월일건원 .~-'’()/", "2023", "2024", "23", "05", "12", "10.24", "2023.05", "’23.5", "  ",
     "%", "억", "(금)", "(월)"]
)  # fmt: skip


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_DATE_BITS, max_size=25).map("".join))
def test_spacy_dates_equal_regex_dates(text: str) -> None:
    spacy_dates = [
        (m.start, m.end)
        for m in find_mentions(text)
        if m.kind in (MentionKind.DATE, MentionKind.SPAN)
    ]
    assert spacy_dates == [(m.start, m.end) for m in find_dates(text)]
