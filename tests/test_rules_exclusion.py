"""Each exclusion rule fires on an item the call excludes (patterns built from the
catalogue's exclusion keywords) and stays silent on an ordinary item.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcert.core.findings import Location
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Basis,
    Component,
    FieldValue,
    IndicatorClaim,
    ListedItem,
    QualitativeClaim,
    Submission,
)
from smartcert.validators.exclusion.analysis_report import AnalysisReport
from smartcert.validators.exclusion.candidate import Candidate
from smartcert.validators.exclusion.future_organisation import FutureOrganisation
from smartcert.validators.exclusion.indirect_budget import IndirectBudget
from smartcert.validators.exclusion.model_civil_servant import ModelCivilServant
from smartcert.validators.exclusion.not_in_own_name import NotInOwnName
from smartcert.validators.exclusion.not_kpi_kind import NotKpiKind
from smartcert.validators.exclusion.not_open_api import NotOpenApi
from smartcert.validators.exclusion.not_smart_city_named import NotSmartCityNamed
from smartcert.validators.exclusion.other import OtherExclusion
from smartcert.validators.exclusion.own_smart_city_plan import OwnSmartCityPlan
from smartcert.validators.exclusion.planned import Planned
from smartcert.validators.exclusion.private_unmanaged import PrivateUnmanaged
from smartcert.validators.exclusion.qualitative_plan import QualitativePlan
from smartcert.validators.exclusion.unrelated_field import UnrelatedField
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
    # A-3-2's 파일데이터 is read from the 서비스 유형 column by exclusion.not-open-api (below)
    (OtherExclusion, "B-4-3", "누리 순환 도로 확장 민간투자사업", "누리 스마트 주차장 공유 플랫폼 구축"),
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


# -- the per-indicator conditions of the rules entries (indicators.yaml `rules:`) ----------
# Rows are built as the call's forms print them (forms.yaml headers, the call's example
# values): every cell under its printed header, the row joined as the mapping joins it.

def form(code: str, list_id: str | None, headers: list[str], *rows: list[str],
         applicant: str = "누리시", name_col: str | None = None, kind_col: str | None = None,
         components: list[Component] | None = None, text: str | None = None) -> Submission:
    items = []
    for n, row in enumerate(rows, 1):
        loc = Location(file=FORM.file, page=7, bbox=(10, 10 * n, 90, 10 * n + 8))
        cells = [FieldValue(name=h, text=t, location=Location(file=FORM.file, page=7,
                                                               bbox=(10 + 15 * i, 10 * n,
                                                                     25 + 15 * i, 10 * n + 8)))
                 for i, (h, t) in enumerate(zip(headers, row, strict=True))]
        by = {h: t for h, t in zip(headers, row, strict=True)}
        items.append(ListedItem(list_id=list_id, name=by.get(name_col or "") or None,
                                kind=by.get(kind_col or "") or None, cells=cells,
                                text=" | ".join(t for t in row if t), location=loc))
    claim = IndicatorClaim(code=code, value=Decimal(len(items)), items=items, form_source=FORM,
                           components=components or [], text=text)
    return Submission(id="sub-test", applicant=applicant, indicators=[claim])


AWARDS = ["구분", "No.", "표창명", "수상일시", "수상부서 (수상자)", "수여기관"]
CALL_AWARDS = [  # the call's own example rows of A-1-2
    ["기관", "1", "2024 공공데이터 제공 우수기관", "'23.05", "스마트도시담당관", "행정안전부"],
    ["기관", "2", "2024 공공 빅데이터 분석 대상", "'24.10", "스마트도시담당관", "경기도"],
    ["개인", "3", "스마트 아이디어 공모전", "'23.05", "0000(김00)", "000어워즈"],
    ["개인", "4", "첨단 정보기술 활용 서비스 구축 유공", "'24.10", "데이터담당관(박00)", "행정안전부"],
]


def awards(*extra: list[str]) -> Submission:
    return form("A-1-2", "awards", AWARDS, *CALL_AWARDS, *extra, name_col="표창명",
                kind_col="구분")


def test_unrelated_field_flags_an_award_outside_the_related_fields(rule_probe: RuleProbe) -> None:
    bad = ["기관", "5", "2024 청렴도 평가 우수기관", "'24.12", "감사담당관", "국민권익위원회"]
    (f,) = rule_probe.fires(UnrelatedField, awards(bad), CTX)
    assert f.severity == "warning" and f.indicator == "A-1-2"
    assert f.claimed == "2024 청렴도 평가 우수기관" and f.locations[0].bbox[1] == 50
    # the message names the words sought and where the call says so
    assert "'2024 청렴도 평가 우수기관'에 '스마트도시'" in f.message
    assert "'데이터'" in f.message and "'전자정부'" in f.message and "중 어느 말도 없습니다" in f.message
    assert "A-1-2 분석자료" in f.message and "관련부문" not in f.message
    assert f.expected is not None and "분석자료" in f.expected


def test_unrelated_field_is_silent_on_the_calls_own_examples(rule_probe: RuleProbe) -> None:
    spaced = ["개인", "5", "2023 스마트 도시 발전 유공 장관 표창", "'23.12", "스마트도시과(이00)",
              "국토교통부"]
    english = ["기관", "6", "2024 SMART CITY AWARD 대상", "'24.11", "스마트도시과", "WSCE"]
    rule_probe.silent(UnrelatedField, awards(spaced, english), CTX)


def test_unrelated_field_ignores_header_and_total_rows(rule_probe: RuleProbe) -> None:
    """A header repeated after a page break and a 합계 row are reading artefacts, not awards."""
    rule_probe.silent(UnrelatedField, awards(AWARDS, ["합계", "", "", "", "", "4건"]), CTX)


LABS = ["No.", "리빙랩명", "내용", "운영 일시"]


def test_living_labs_grouped_by_name_and_read_with_their_content(rule_probe: RuleProbe) -> None:
    sub = form("A-2-3", "sessions", LABS,
               ["1", "스마트도시 리빙랩", "스마트도시사업 완료평가 회의", "'23.05"],
               ["2", "디지털 시민랩", "정례회의 1차", "'24.10"],
               ["3", "탄소중립 시민 리빙랩", "서비스 아이디어 발굴 회의 1차", "'24.06"],
               ["4", "주민 공감 리빙랩", "IoT 센서 기반 골목 안전 실증", "'24.07"],
               ["5", "탄소중립 시민 리빙랩", "서비스 아이디어 발굴 회의 2차", "'24.09"],
               name_col="리빙랩명")
    (f,) = rule_probe.fires(UnrelatedField, sub, CTX)
    assert f.claimed == "탄소중립 시민 리빙랩" and "(2행)" in f.message
    assert [loc.bbox[1] for loc in f.locations] == [30, 50]
    assert "“스마트도시”와 직접적으로 관련이 있는 리빙랩" in f.message


def test_education_programmes_must_be_smart_city_related(rule_probe: RuleProbe) -> None:
    heads = ["No.", "프로그램명", "운영기관", "운영기간"]
    ok = [["1", "스마트 기기 기초 활용 교육1", "00시 평생학습관", "'23.01~02"],
          ["2", "스마트도시 어플 활용 대시민 교육1", "00시 교육센터", "'24.03~04"],
          ["3", "어르신 키오스크 이용 교육 1기", "누리 노인복지관", "'24.05~06"]]
    rule_probe.silent(UnrelatedField, form("A-2-4", "programmes", heads, *ok,
                                           name_col="프로그램명"), CTX)
    bad = ["4", "시민 건강 요가 교실", "누리 디지털배움터", "'24.03~04"]  # the 기관 does not decide
    (f,) = rule_probe.fires(UnrelatedField, form("A-2-4", "programmes", heads, *ok, bad,
                                                 name_col="프로그램명"), CTX)
    assert f.claimed == "시민 건강 요가 교실" and "'정보격차'" in f.message


EVENTS = ["구분", "No.", "명칭", "주최기관", "참여일"]
CALL_EVENTS = [  # the call's example rows of B-3-1 (2025 WSCE: World Smart City Expo)
    ["국내", "1", "2025 WSCE 참여", "국토부, 과기부", "’24.07.15"],
    ["국내", "2", "2024 누리시 스마트시티 포럼 개최", "누리시", "’24.11.21"],
    ["국외", "1", "2024 Smart City Expo World Congress 참석", "Fira de Barcelona", "’23.10.15"],
    ["국외", "2", "2024 Smart Cities Connect 참관", "Smart Cities Connect", "’24.04.02"],
    ["국내", "3", "2024 대한민국 스마트 시티 박람회 참가", "한국스마트도시협회", "’24.10.07"],
]


def events(*extra: list[str], applicant: str = "누리시") -> Submission:
    return form("B-3-1", "events", EVENTS, *CALL_EVENTS, *extra, name_col="명칭",
                kind_col="구분", applicant=applicant)


def test_events_must_be_named_smart_city(rule_probe: RuleProbe) -> None:
    rule_probe.silent(NotSmartCityNamed, events(), CTX)
    found = rule_probe.fires(NotSmartCityNamed, events(
        ["국내", "4", "2024 지역 디지털혁신 성과공유회 참가", "과학기술정보통신부", "’24.07.16"],
        ["국내", "5", "2024 스마트 모빌리티 컨퍼런스 참가", "한국교통연구원", "’24.06.02"]), CTX)
    assert [f.claimed for f in found] == ["2024 지역 디지털혁신 성과공유회 참가",
                                          "2024 스마트 모빌리티 컨퍼런스 참가"]
    assert all("'스마트도시', '스마트시티'" in f.message and "중 어느 말도 없습니다" in f.message
               for f in found)
    assert "B-3-1 분석자료" in found[0].message and found[0].severity == "warning"


def test_ordinance_must_be_a_smart_city_one(rule_probe: RuleProbe) -> None:
    heads = ["조례명", "제정일", "담당부서", "비고"]
    good = ["누리시 스마트도시 조성 및 운영에 관한 조례", "2019.4", "스마트도시과", ""]
    rule_probe.silent(NotSmartCityNamed, form("B-2-2", "ordinances", heads, good,
                                              name_col="조례명"), CTX)
    bad = ["누리시 정보화 기본 조례", "2015.3", "정보통신과", ""]
    (f,) = rule_probe.fires(NotSmartCityNamed, form("B-2-2", "ordinances", heads, good, bad,
                                                    name_col="조례명"), CTX)
    assert f.claimed == "누리시 정보화 기본 조례"
    assert "'누리시 정보화 기본 조례'에 '스마트도시', '스마트시티'" in f.message


def test_council_named_by_its_body_or_its_meeting(rule_probe: RuleProbe) -> None:
    heads = ["협의체명", "No.", "회의명", "개최일"]
    rows = [["스마트도시위원회", "1", "00시 스마트도시위원회 본회의", "'24.5.10"],
            ["스마트도시위원회", "2", "2024년 2차 정기회의", "'24.10.20"]]  # the body says it
    rule_probe.silent(NotSmartCityNamed, form("B-1-1", "meetings", heads, *rows,
                                              name_col="회의명", kind_col="협의체명"), CTX)
    bad = ["정보화위원회", "3", "2024 누리시 정보화위원회 정기회의", "'24.11.02"]
    (f,) = rule_probe.fires(NotSmartCityNamed, form("B-1-1", "meetings", heads, *rows, bad,
                                                    name_col="회의명", kind_col="협의체명"), CTX)
    assert f.claimed == "2024 누리시 정보화위원회 정기회의" and "협의회 명칭이나 역할" in f.message


def test_event_held_or_joined_under_another_bodys_name(rule_probe: RuleProbe) -> None:
    rule_probe.silent(NotInOwnName, events(
        ["국내", "4", "2024 한국토지주택공사 스마트시티 포럼 참가", "한국토지주택공사", "’24.05.02"],
        ["국내", "5", "2024 스마트도시 아카데미 세미나 개최", "누리시 스마트도시과", "’24.06.12"]),
        CTX)
    found = rule_probe.fires(NotInOwnName, events(
        ["국내", "4", "2024 누리 스마트시티 포럼 개최", "누리도시공사", "’24.09.03"],
        ["국외", "3", "2024 Smart City Summit & Expo (누리정보산업진흥원 참가)",
         "Taipei Computer Association", "’24.03.19"]), CTX)
    hosted, joined = found
    assert hosted.claimed == "2024 누리 스마트시티 포럼 개최"
    assert "'개최'" in hosted.message and "주최기관이 '누리도시공사'" in hosted.message
    assert "('누리시')" in hosted.message and hosted.locations[0].bbox[0] == 55  # the 주최기관 cell
    assert "'누리정보산업진흥원'" in joined.message and "명칭에서 읽음" in joined.message


def test_a_participant_column_decides_when_the_submission_adds_one(rule_probe: RuleProbe) -> None:
    heads = [*EVENTS, "참여기관"]
    rows = [["국내", "1", "2024 대한민국 스마트시티 박람회 참가", "한국스마트도시협회", "’24.10.07",
             "누리시"],
            ["국내", "2", "2024 스마트시티 리빙랩 네트워크 포럼 참가", "국가건축도시위원회",
             "’24.11.05", "(주)누리소프트"]]
    (f,) = rule_probe.fires(NotInOwnName, form("B-3-1", "events", heads, *rows, name_col="명칭"),
                            CTX)
    assert f.claimed == "2024 스마트시티 리빙랩 네트워크 포럼 참가"
    assert "참여 주체가 '(주)누리소프트'" in f.message


def test_performance_management_of_another_kind(rule_probe: RuleProbe) -> None:
    def a13(text: str, *rows: list[str]) -> Submission:
        heads = ["계획명", "분야", "성과지표", "관리방법", "성과", "비고"]
        return form("A-1-3", "plan_kpis", heads, *rows, name_col="계획명", text=text)

    rule_probe.silent(NotKpiKind, a13("누리 스마트도시 성과관리시스템 (성과지표 7개)"), CTX)
    rule_probe.silent(NotKpiKind, a13("O"), CTX)  # a bare flag says nothing of the kind
    rule_probe.silent(NotKpiKind, a13("2023 누리시 스마트도시계획 성과 지표", [
        "2023 누리시 스마트도시계획", "환경", "미세먼지 30%감소", "미세먼지측정기 및 분무시설 연계 관리",
        "구축단계", ""]), CTX)
    (f,) = rule_probe.fires(NotKpiKind, a13("스마트도시 서비스 시민 만족도 조사 (연 1회)"), CTX)
    assert "'성과관리시스템'" in f.message and "'KPI'" in f.message and "'성과지표'" in f.message
    assert "스마트시티 계획 대비 정량적 성과지표" in f.message


APIS = ["카테고리", "카테고리", "명칭 (데이터 중)", "서비스 유형", "23년~24년 제공 건 수", "내용(요약)"]
CALL_APIS = [  # the call's example rows of A-3-2
    ["재난안전", "1", "재난상황전파 정보", "REST", "120건", "재난상황 발생 시 유관기관에 공유되는 재난정보"],
    ["재난안전", "2", "지진해일 대피소", "REST", "85건",
     "지진해일시 긴급대피소 현황 정보(대피소명, 주소, 수용가능인원 등)"],
    ["환경기상", "3", "소음정보", "LINK", "40건", "소음측정결과정보 (CSV 파일로도 제공)"],
]


def apis(*extra: list[str], headers: list[str] = APIS) -> Submission:
    return form("A-3-2", "apis", headers, *CALL_APIS, *extra, name_col="명칭 (데이터 중)",
                kind_col="카테고리")


def test_file_data_read_from_the_type_column_is_an_error(rule_probe: RuleProbe) -> None:
    rule_probe.silent(NotOpenApi, apis(), CTX)  # LINK decides, whatever the summary says
    (f,) = rule_probe.fires(NotOpenApi, apis(
        ["문화관광", "4", "누리 관광지 목록", "CSV", "12건", "관광지명, 주소, 연락처"]), CTX)
    assert f.severity == "error" and f.claimed == "CSV"
    assert "서비스 유형이(가) 'CSV'" in f.message and "'CSV' 형식" in f.message
    assert f.locations[0].bbox[0] == 55  # the 서비스 유형 cell


def test_file_data_not_read_with_certainty_is_a_warning(rule_probe: RuleProbe) -> None:
    (both,) = rule_probe.fires(NotOpenApi, apis(
        ["문화관광", "4", "누리 축제 일정", "REST, XLSX", "30건", "축제명, 기간"]), CTX)
    assert both.severity == "warning" and "API 형식('REST')도" in both.message
    no_type = [h for h in APIS if h != "서비스 유형"]
    rows = [[c for c, h in zip(r, APIS, strict=True) if h != "서비스 유형"] for r in CALL_APIS]
    sub = form("A-3-2", "apis", no_type, *rows,
               ["공공행정", "4", "누리 사용자 프로파일 통계", "20건", "연령대별 이용 통계"],
               ["문화관광", "5", "누리 관광지 목록 (CSV 파일데이터)", "12건", "관광지명, 주소"],
               name_col="명칭 (데이터 중)")
    # without the column, the row's words are all there is: a hint to look, '프로파일' none
    found = rule_probe.fires(NotOpenApi, sub, CTX)
    assert len(found) == 2 and "'소음정보'은(는)" in found[0].message
    assert "'누리 관광지 목록 (CSV 파일데이터)'은(는)" in found[1].message
    assert all(f.severity == "warning" and "행의 글에서 읽음" in f.message for f in found)
    # one report only: exclusion.other no longer screens A-3-2's 파일데이터 keywords
    rule_probe.silent(OtherExclusion, sub, CTX)


def test_budget_lines_only_where_the_submission_lists_them(rule_probe: RuleProbe) -> None:
    heads = ["사업명", "예산"]
    lines = [["스마트도시 통합플랫폼 운영", "1,200"], ["공공 와이파이 확충", "830"],
             ["지능형 CCTV 관제 고도화", "2,100"]]
    rule_probe.silent(IndirectBudget, form("B-4-1", None, heads, *lines, name_col="사업명"), CTX)
    rule_probe.silent(IndirectBudget, Submission(id="s", indicators=[IndicatorClaim(
        code="B-4-1", value=Decimal("0.70"), components=[
            Component(id="A", label="총 예산", text="6,812,400"),
            Component(id="B", label="스마트도시 부서 예산", text="47,672")])]), CTX)
    (f,) = rule_probe.fires(IndirectBudget, form("B-4-2", None, heads, *lines,
                                                 ["시청사 냉난방 설비 교체", "3,400"],
                                                 name_col="사업명"), CTX)
    assert f.claimed == "시청사 냉난방 설비 교체" and "'통합운영센터'" in f.message
    assert "직접적으로 관련된 예산" in f.message


def c17(private: str, remark: str, basis: Basis = Basis.LABEL) -> Submission:
    comps = [Component(id="A", label="계 (A)", value=Decimal("79834"), text="79,834",
                       basis=Basis.LETTER),
             Component(id="public", label="공영", value=Decimal("66050"), text="66,050",
                       basis=Basis.LABEL),
             Component(id="private", label="민간", value=Decimal(private.replace(",", "")),
                       text=private, basis=basis, location=Location(file=FORM.file, page=17)),
             Component(id="remark", label="비고", text=remark, basis=Basis.LABEL)]
    claim = IndicatorClaim(code="C-1-7", value=Decimal("12.27"), components=comps,
                           form_source=FORM)
    return Submission(id="s", indicators=[claim])


def test_private_spaces_without_public_management_ask_the_evaluator(
        rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(PrivateUnmanaged, c17("13,784", "'24.12 기준"), CTX)
    assert f.severity == "info" and "민간 주차면수 13,784면" in f.message
    assert "'관리', '연계', '정보 제공'" in f.message and f.locations[0].page == 17
    rule_probe.silent(PrivateUnmanaged, c17("13,784", "'24.12 기준, 민간 부설주차장 정보 연계 관리"),
                      CTX)
    rule_probe.silent(PrivateUnmanaged, c17("0", "'24.12 기준"), CTX)
    (guess,) = rule_probe.fires(PrivateUnmanaged, c17("13,784", "", Basis.POSITIONAL), CTX)
    assert "확인 필요: 민간 주차면수의 위치를 추정함" in guess.message


def qual(*narratives: str, item: str = "3.3 시스템 연계") -> Submission:
    src = Location(file="3. 정성지표 자체평가표.pdf", page=2, bbox=(160, 200, 240, 280))
    claims = [QualitativeClaim(unit="information_disclosure", item=item, stage_text="발전단계",
                               narrative=n, source=src) for n in narratives]
    return Submission(id="s", qualitative=claims)


@pytest.mark.parametrize(("text", "phrase"), [
    ("■ 교통·방범 CCTV 연계\n- 교통-방범 CCTV 연계 플랫폼 2025년 하반기 도입 예정", "예정"),
    ("■ 스마트 버스정류장\n- 스마트 버스정류장 20개소로 확대할 계획", "할 계획"),
    ("■ 데이터 허브\n- 도시데이터 허브 고도화 방안 검토 중", "검토 중"),
    ("■ 정보공개\n- 공공데이터 개방 확대 추진 계획이며, 2025년 시행", "추진 계획이며"),
])
def test_qualitative_plans_are_flagged_with_the_phrase(text: str, phrase: str,
                                                       rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(QualitativePlan, qual(text), CTX)
    assert f"('{phrase}')" in f.message and "'3.3 시스템 연계'" in f.message
    assert "■" not in f.message and "실제 운영되는 내용" in f.message


def test_operations_and_existing_plans_are_not_plans(rule_probe: RuleProbe) -> None:
    rule_probe.silent(QualitativePlan, qual(
        "■ 스마트도시계획 수립\n- 누리시 스마트도시계획 수립(2023)\n"
        "- 계획에 따라 통합플랫폼 운영 중\n- 예정대로 2024.6 개통하여 운영 중\n"
        "■ 향후 과제: 공공과 민간 협력 기반의 관리 및 운영 조직 구성·운영"), CTX)


def test_rows_sharing_one_merged_text_make_one_finding(rule_probe: RuleProbe) -> None:
    text = "■ 예산\n- 2026년 통합운영센터 예산 확대 예정"
    sub = qual(text, text)
    sub.qualitative[1].item = "4.2 중장기 예산"
    (f,) = rule_probe.fires(QualitativePlan, sub, CTX)
    assert "'3.3 시스템 연계, 4.2 중장기 예산'" in f.message


RULE_KINDS = [(UnrelatedField, "keywords"), (NotSmartCityNamed, "keywords"),
              (IndirectBudget, "keywords"), (NotInOwnName, "body_suffixes"),
              (NotKpiKind, "kpi_words"), (NotOpenApi, "file_words"), (PrivateUnmanaged, "words")]


@pytest.mark.parametrize(("rule", "param"), RULE_KINDS)
def test_every_kind_a_rule_reads_is_in_the_rule_set_with_its_words(rule: type[Rule], param: str
                                                                   ) -> None:
    """The words are data: each entry kind a rule reads exists and carries its word list."""
    kinds = rule.kinds  # type: ignore[attr-defined]
    found = [(ind.code, e) for ind in RS.indicators for e in ind.rules if e.id in kinds]
    assert {e.id for _, e in found} == set(kinds)
    assert all(isinstance(e.params.get(param), list) and e.params[param] for _, e in found)
    assert all(e.clause.startswith("지침") for _, e in found)


def test_qualitative_phrases_come_from_the_rule_set() -> None:
    sa = RS.qualitative.self_assessment if RS.qualitative else None
    assert sa is not None and sa.operating_not_planned and "예정" in sa.plan_phrases
    assert "예정대로" in sa.not_plan_phrases
