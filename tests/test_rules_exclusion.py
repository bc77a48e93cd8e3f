"""Each exclusion rule fires on an item the call excludes (patterns built from the
catalogue's exclusion keywords) and stays silent on an ordinary item."""

from __future__ import annotations

from decimal import Decimal

import pytest

from schemas.catalogue import load_ruleset
from schemas.claims import Component, IndicatorClaim, ListedItem, Submission
from schemas.findings import Location
from validators.exclusion.analysis_report import AnalysisReport
from validators.exclusion.candidate import Candidate
from validators.exclusion.future_organisation import FutureOrganisation
from validators.exclusion.model_civil_servant import ModelCivilServant
from validators.exclusion.other import OtherExclusion
from validators.exclusion.own_smart_city_plan import OwnSmartCityPlan
from validators.exclusion.patterns import match_keyword
from validators.exclusion.planned import Planned
from validators.rule import CheckContext, Rule

RS = load_ruleset("city-2025")
FORM = Location(file="2. 정량지표 평가제안서.pdf", page=7)


def sub_with(code: str, *names: str) -> Submission:
    items = [ListedItem(number=i, name=n, text=n, location=Location(file=FORM.file, page=7,
                                                                   bbox=(10, 10 * i, 90, 10 * i + 8)))
             for i, n in enumerate(names, 1)]
    claim = IndicatorClaim(code=code, value=Decimal(len(items)), items=items, form_source=FORM)
    return Submission(id="sub-test", indicators=[claim])


def run(rule: type[Rule], sub: Submission) -> list:
    return list(rule().check(sub, CheckContext(ruleset=RS)))


CASES = [
    (Candidate, "A-1-2", "2024 스마트시티 어워드 우수도시 후보로 선정", "2024 스마트시티 어워드 대상"),
    (ModelCivilServant, "A-1-2", "2024 모범공무원 국무총리 표창", "2023 스마트도시 발전 유공 장관 표창"),
    (Planned, "A-3-8", "교통-안전 시스템 연계 (2025 예정)", "교통-안전 시스템 연계"),
    (Planned, "C-7-1", "상권분석 서비스 고도화 계획", "상권분석 서비스 '상권 한눈에'"),
    (AnalysisReport, "C-3-2", "교통량 빅데이터 분석보고서 발간", "빅데이터 기반 버스 노선 개편"),
    (OwnSmartCityPlan, "A-3-1", "누리시 스마트도시계획(2024~2028)",
     "누리시 스마트도시 통합운영센터 운영 규정"),
    (FutureOrganisation, "A-1-1", "스마트도시과 (2026 신설 예정)", "스마트도시팀"),
    (OtherExclusion, "A-2-4", "스마트 안전 골목 리빙랩 시민 교육", "시민 데이터 리터러시 교실 1기"),
    (OtherExclusion, "A-3-2", "누리 관광지 목록 (CSV 파일데이터)", "누리 관광지 정보 조회 API"),
]


@pytest.mark.parametrize(("rule", "code", "bad", "good"), CASES)
def test_fires_on_the_excluded_item_only(rule: type[Rule], code: str, bad: str, good: str) -> None:
    (f,) = run(rule, sub_with(code, good, bad))
    assert f.rule == rule.spec.id and f.indicator == code
    assert f.claimed == bad and f.locations[0].page == 7
    assert f.locations[0].bbox is not None and f.locations[0].bbox[1] == 20  # the second row


@pytest.mark.parametrize(("rule", "code", "bad", "good"), CASES)
def test_silent_on_ordinary_items(rule: type[Rule], code: str, bad: str, good: str) -> None:
    assert run(rule, sub_with(code, good)) == []


@pytest.mark.parametrize(("rule", "code", "bad", "good"), CASES)
def test_silent_where_the_indicator_has_no_such_exclusion(rule: type[Rule], code: str, bad: str,
                                                          good: str) -> None:
    other = "B-3-1" if rule is not OtherExclusion else "A-1-2"  # they exclude something else
    assert run(rule, sub_with(other, bad)) == []


def test_future_organisation_reads_the_form_text_figure() -> None:
    claim = IndicatorClaim(code="A-1-1", value=True, form_source=FORM, components=[
        Component(id="units", label="전담부서", text="스마트도시과 신설 예정 (총원 5명)")])
    (f,) = run(FutureOrganisation, Submission(id="s", indicators=[claim]))
    assert "신설 예정" in f.message


def test_patterns_come_from_the_catalogue_and_tolerate_spacing_and_case() -> None:
    a31 = RS.indicator("A-3-1").exclusion("own_smart_city_plan")
    assert a31 is not None
    assert match_keyword(a31, "누리시 스마트 도시 계획") is not None  # Kiwi tokens, not literals
    a24 = RS.indicator("A-2-4").exclusion("living_lab")
    assert a24 is not None and match_keyword(a24, "시민 LIVING LAB 교육") is not None


def test_never_raises_on_empty_items() -> None:
    claim = IndicatorClaim(code="A-1-2", value=None, items=[ListedItem(), ListedItem(text="")])
    for rule, *_ in CASES:
        assert run(rule, Submission(id="s", indicators=[claim, IndicatorClaim(code="Z-9")])) == []


def test_other_leaves_the_dedicated_kinds_to_their_rules() -> None:
    assert run(OtherExclusion, sub_with("A-1-2", "2024 모범공무원 국무총리 표창")) == []
