"""Each exclusion rule fires on an item the call excludes (patterns built from the
catalogue's exclusion keywords) and stays silent on an ordinary item.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcert.core.findings import Location
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Component, IndicatorClaim, ListedItem, Submission
from smartcert.validators.exclusion.analysis_report import AnalysisReport
from smartcert.validators.exclusion.candidate import Candidate
from smartcert.validators.exclusion.future_organisation import FutureOrganisation
from smartcert.validators.exclusion.model_civil_servant import ModelCivilServant
from smartcert.validators.exclusion.other import OtherExclusion
from smartcert.validators.exclusion.own_smart_city_plan import OwnSmartCityPlan
from smartcert.validators.exclusion.planned import Planned
from smartcert.validators.registry import RULES
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_patterns import match_keyword
from smartcert.validators.support.exclusion_rule import DEDICATED, ExclusionRule
from tests.rule_coverage import RuleProbe

RS = load_ruleset("city-2025")
FORM = Location(file="2. 정량지표 평가제안서.pdf", page=7)


def sub_with(code: str, *names: str) -> Submission:
    items = [ListedItem(number=i, name=n, text=n, location=Location(file=FORM.file, page=7,
                                                                   bbox=(10, 10 * i, 90, 10 * i + 8)))
             for i, n in enumerate(names, 1)]
    claim = IndicatorClaim(code=code, value=Decimal(len(items)), items=items, form_source=FORM)
    return Submission(id="sub-test", indicators=[claim])


CTX = CheckContext(ruleset=RS)


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
def test_fires_on_the_excluded_item_only(rule: type[Rule], code: str, bad: str, good: str,
                                         rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(rule, sub_with(code, good, bad), CTX)
    assert f.rule == rule.spec.id and f.indicator == code
    assert f.claimed == bad and f.locations[0].page == 7
    assert f.locations[0].bbox is not None and f.locations[0].bbox[1] == 20  # the second row


@pytest.mark.parametrize(("rule", "code", "bad", "good"), CASES)
def test_silent_on_ordinary_items(rule: type[Rule], code: str, bad: str, good: str,
                                  rule_probe: RuleProbe) -> None:
    rule_probe.silent(rule, sub_with(code, good), CTX)


@pytest.mark.parametrize(("rule", "code", "bad", "good"), CASES)
def test_silent_where_the_indicator_has_no_such_exclusion(rule: type[Rule], code: str, bad: str,
                                                          good: str, rule_probe: RuleProbe) -> None:
    other = "B-3-1" if rule is not OtherExclusion else "A-1-2"  # they exclude something else
    rule_probe.silent(rule, sub_with(other, bad), CTX)


def test_future_organisation_reads_the_form_text_figure(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code="A-1-1", value=True, form_source=FORM, components=[
        Component(id="units", label="전담부서", text="스마트도시과 신설 예정 (총원 5명)")])
    (f,) = rule_probe.fires(FutureOrganisation, Submission(id="s", indicators=[claim]), CTX)
    assert "신설 예정" in f.message


def test_a_keyword_inside_a_units_name_is_no_plan(rule_probe: RuleProbe) -> None:
    """'스마트도시계획팀' is a team that exists, not a plan to organise one (a false warning
    on a call-style A-1-1 form); '계획' standing as a word still counts."""
    claim = IndicatorClaim(code="A-1-1", value=True, form_source=FORM, components=[
        Component(id="units", label="전담부서",
                  text="스마트도시계획팀 스마트서비스팀 데이터분석팀 통합관제팀")])
    rule_probe.silent(FutureOrganisation, Submission(id="s", indicators=[claim]), CTX)
    planned = claim.model_copy(update={"components": [
        Component(id="units", label="전담부서", text="스마트도시팀 (데이터팀 구성 계획)")]})
    (f,) = rule_probe.fires(FutureOrganisation, Submission(id="s", indicators=[planned]), CTX)
    assert "계획" in f.message


def test_patterns_come_from_the_catalogue_and_tolerate_spacing_and_case() -> None:
    a31 = RS.indicator("A-3-1").exclusion("own_smart_city_plan")
    assert a31 is not None
    assert match_keyword(a31, "누리시 스마트 도시 계획") is not None  # Kiwi tokens, not literals
    a24 = RS.indicator("A-2-4").exclusion("living_lab")
    assert a24 is not None and match_keyword(a24, "시민 LIVING LAB 교육") is not None


def test_never_raises_on_empty_items(rule_probe: RuleProbe) -> None:
    claim = IndicatorClaim(code="A-1-2", value=None, items=[ListedItem(), ListedItem(text="")])
    for rule, *_ in CASES:
        rule_probe.silent(rule, Submission(id="s", indicators=[claim, IndicatorClaim(code="Z-9")]),
                          CTX)


def test_other_leaves_the_dedicated_kinds_to_their_rules(rule_probe: RuleProbe) -> None:
    rule_probe.silent(OtherExclusion, sub_with("A-1-2", "2024 모범공무원 국무총리 표창"), CTX)


def test_dedicated_kinds_are_exactly_the_exclusion_rules_of_the_registry() -> None:
    """exclusion.other skips `DEDICATED`: a kind listed without its rule would be screened by
    nobody, a dedicated rule not listed would be reported twice."""
    assert {r.exclusion_id for r in RULES if issubclass(r, ExclusionRule)} == DEDICATED


# -- A-3-1 drawn the call's way: a municipality's own 스마트도시계획, however it is written ---

def a31(*names: str) -> Submission:
    """'구분 | No. | 명칭 | 수립(시행) 연도 | 도시정보 연계·통합 관련 내용(요약)', the two groups
    letter-spaced as the call prints them ('계 획', '규 정')."""
    items = []
    for n, name in enumerate(names, 1):
        kind = "규 정" if "조례" in name else "계 획"
        cells = [kind, str(n), name, "2023~2027", "-데이터 수집, 저장, 활용 관리 체계 일원화"]
        items.append(ListedItem(list_id="plans_regulations", number=n, name=name, kind=kind,
                                text=" | ".join(cells),
                                location=Location(file=FORM.file, page=7,
                                                  bbox=(10, 10 * n, 90, 10 * n + 8))))
    claim = IndicatorClaim(code="A-3-1", value=Decimal(len(items)), items=items, form_source=FORM)
    return Submission(id="sub-test", indicators=[claim])


ORDINARY = ("빅데이터 통합 구축 기본계획", "누리시 데이터 품질·표준 관리 계획",
            "누리시 스마트도시 조성 및 운영 조례")


@pytest.mark.parametrize("plan", [
    "부산광역시 스마트도시계획(2023~2027)",  # one token to the tokenizer after the city name
    "○○시스마트도시계획(2023~2027)",
    "누리시 스마트도시 기본계획",  # a modifier before the head noun
    "제2차 누리시 스마트시티 종합계획(2024~2028)",
])
def test_own_smart_city_plan_however_written(plan: str, rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(OwnSmartCityPlan, a31(*ORDINARY, plan), CTX)
    assert f.severity == "error" and f.claimed == plan and f.locations[0].bbox[1] == 40


def test_plans_that_are_not_the_smart_city_plan_are_silent(rule_probe: RuleProbe) -> None:
    rule_probe.silent(OwnSmartCityPlan, a31(*ORDINARY), CTX)
