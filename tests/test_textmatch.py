from hypothesis import given
from hypothesis import strategies as st

from smartcert.core.textmatch import best_match, contains, jamo, key, similarity


def test_jamo_decomposes_syllables_only() -> None:
    assert jamo("방범") == "방범"
    assert jamo("A-1 CCTV") == "A-1 CCTV"


def test_calls_own_typo_matches_its_name() -> None:
    assert similarity("인구 1천명 당 방법 CCTV 수", "인구 1천명 당 방범 CCTV 수") > 95
    assert similarity("방법", "방범") > similarity("방법", "방송")


def test_letter_spacing_and_dashes_do_not_matter() -> None:
    assert key("지 표 명") == key("지표명")
    assert key("A–1–2") == key("A-1-2")


def test_contains_finds_headings_in_noisy_text() -> None:
    page = "■ 스마트도시 및 스마트도시서비스 인증 운영지침 [별지 제1호서식] 스마트도시 인증 신청서 (앞 쪽)"
    assert contains(page, "스마트도시 인증신청서")
    assert not contains(page, "정성지표 자체평가표")


def test_best_match_respects_threshold() -> None:
    names = ["2년간 스마트도시 관련 표창 건수", "2년간 리빙랩 운영 건수", "스마트도시 조례 여부"]
    hit = best_match("2년간 스마트 도시 관련표창 건수", names)
    assert hit is not None and hit.index == 0
    assert best_match("온실가스 배출량", names) is None


@given(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=20))
def test_jamo_is_three_per_syllable_or_two(text: str) -> None:
    n = len(jamo(text))
    assert 2 * len(text) <= n <= 3 * len(text)
    assert similarity(text, text) == 100
