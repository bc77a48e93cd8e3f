"""Each service-certification rule (validators/service_registry.py, seed 003) fires on a
hand-built ServiceSubmission with the defect and stays silent on the same submission
without it; an uncertain reading gives a warning that says what was uncertain.

Fires/silent go through the `rule_probe` fixture: the final 'rule coverage' test fails for
a service rule not shown both ways (tests/rule_coverage.py: this module covers
SERVICE_RULES)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcert.core.findings import Severity
from smartcert.schemas.claims import Basis
from smartcert.schemas.service_claims import (
    PrintedChoice,
    ServiceDocument,
    ServiceDocumentKind,
    ServiceSubmission,
    Subtotal,
)
from smartcert.validators.arithmetic.service_self_score_over_points import (
    ServiceSelfScoreOverPoints,
)
from smartcert.validators.arithmetic.service_self_score_sum import ServiceSelfScoreSum
from smartcert.validators.completeness.service_missing_document import ServiceMissingDocument
from smartcert.validators.completeness.service_missing_self_score import (
    ServiceMissingSelfScore,
)
from smartcert.validators.consistency.service_level_blocks import ServiceLevelBlocks
from smartcert.validators.eligibility.service_applicant_kind import ServiceApplicantKind
from smartcert.validators.eligibility.service_fails_cutoff import ServiceFailsCutoff
from smartcert.validators.eligibility.service_field import ServiceField
from smartcert.validators.eligibility.service_level import ServiceLevel
from smartcert.validators.evidence.service_survey_sample import ServiceSurveySample
from smartcert.validators.period.service_certificate_expired import ServiceCertificateExpired
from smartcert.validators.period.service_fact_outside_window import ServiceFactOutsideWindow
from smartcert.validators.service_registry import SERVICE_RULES, run_service_rules
from smartcert.validators.support.service_facts import required_sample
from smartcert.validators.support.service_rule import ServiceContext
from tests.builders.service_submission import (
    APP,
    JOINT,
    RS,
    at,
    clean,
    clean_facts,
    day,
    fact,
)
from tests.rule_coverage import RuleProbe

CTX = ServiceContext(ruleset=RS)


def _replace_facts(sub: ServiceSubmission, item: str, kind: str, *new: object) -> None:
    sub.facts = [f for f in sub.facts if not (f.item == item and f.kind == kind)] + list(new)


def _only(found: list, severity: Severity) -> str:
    assert len(found) == 1, [f.message for f in found]
    assert found[0].severity is severity, found[0].message
    return found[0].message


# ── the clean submissions ─────────────────────────────────────────────────────


@pytest.mark.parametrize("level", ["L1", "L2", "L3"])
def test_a_clean_submission_of_each_level_has_no_finding(level: str) -> None:
    assert run_service_rules(clean(level), CTX) == []


def test_every_service_rule_cites_seed_003_with_lines_and_is_registered_once() -> None:
    ids = [r.spec.id for r in SERVICE_RULES]
    assert len(ids) == len(set(ids)) == 12
    for r in SERVICE_RULES:
        assert r.spec.clause and r.spec.clause.startswith("2023 서비스 인증"), r.spec.id
        assert "line" in r.spec.clause, r.spec.id
        assert r.spec.template.format(**r.spec.example)  # the example fills the template


# ── completeness ──────────────────────────────────────────────────────────────


def test_missing_document_fires_for_the_notices_documents(rule_probe: RuleProbe) -> None:
    sub = clean("L2")
    sub.documents = [d for d in sub.documents if d.kind is not ServiceDocumentKind.EVIDENCE]
    msg = _only(rule_probe.fires(ServiceMissingDocument, sub, CTX), Severity.ERROR)
    assert msg == "서비스 인증 제출서류 '근거자료'을(를) 제출물에서 찾지 못했습니다"
    rule_probe.silent(ServiceMissingDocument, clean("L2"), CTX)


def test_missing_consent_is_a_warning_and_an_unclassified_file_makes_any_a_warning(
        rule_probe: RuleProbe) -> None:
    sub = clean("L1")
    sub.documents = [d for d in sub.documents if d.kind is not ServiceDocumentKind.CONSENT]
    msg = _only(rule_probe.fires(ServiceMissingDocument, sub, CTX), Severity.WARNING)
    assert "개인정보 수집 및 이용 동의서 [붙임1]" in msg and "선정에서 제외될 수 있다" in msg
    sub = clean("L1")
    sub.documents = [d if d.kind is not ServiceDocumentKind.SELF_ASSESSMENT
                     else d.model_copy(update={"kind": ServiceDocumentKind.OTHER})
                     for d in sub.documents]
    msg = _only(rule_probe.fires(ServiceMissingDocument, sub, CTX), Severity.WARNING)
    assert "'자체평가표'" in msg and "종류를 정하지 못한 문서 1건" in msg


def test_a_joint_application_needs_the_joint_confirmation(rule_probe: RuleProbe) -> None:
    partner = ["㈜한울에너지랩"]
    sub = clean("L2", partners=partner)
    msg = _only(rule_probe.fires(ServiceMissingDocument, sub, CTX), Severity.WARNING)
    assert "공동참여기관 확인서 [별지 제5호서식]" in msg and "㈜한울에너지랩" in msg
    sub = clean("L2", partners=partner, joint=True)
    _only(rule_probe.fires(ServiceMissingDocument, sub, CTX), Severity.ERROR)
    sub.documents.append(ServiceDocument(file=JOINT, sha256="1" * 64,
                                         kind=ServiceDocumentKind.JOINT_CONFIRMATION))
    rule_probe.silent(ServiceMissingDocument, sub, CTX)


def test_missing_self_score_fires_for_a_blank_row_by_its_printed_number(
        rule_probe: RuleProbe) -> None:
    sub = clean("L2", scores={"1.3.3.1": None})  # printed 1.3.4.1 on the form
    msg = _only(rule_probe.fires(ServiceMissingSelfScore, sub, CTX), Severity.ERROR)
    assert msg == "자체평가표 1.3.4.1행(S-133 시장 적합성)의 자체평가 점수가 없습니다"
    rule_probe.silent(ServiceMissingSelfScore, clean("L2"), CTX)


def test_missing_self_score_warns_for_a_row_not_read_and_skips_committee_rows(
        rule_probe: RuleProbe) -> None:
    sub = clean("L1")
    sub.self_scores = [s for s in sub.self_scores if s.row != "2.1.2.6"]
    msg = _only(rule_probe.fires(ServiceMissingSelfScore, sub, CTX), Severity.WARNING)
    assert "2.1.2.6행(S-212 인프라)" in msg and "찾지 못함" in msg
    # S-221 is set by the committee ('신청자 입력 불필요'); 3.2.4.1 is not on the form
    rule_probe.silent(ServiceMissingSelfScore, clean("L2", scores={"2.2.1.1": None}), CTX)
    rule_probe.silent(ServiceMissingSelfScore, clean("L2", self_scores=[]), CTX)


# ── arithmetic ────────────────────────────────────────────────────────────────


def test_self_score_over_points_fires_for_a_row_above_its_criterion(
        rule_probe: RuleProbe) -> None:
    sub = clean("L2", scores={"1.2.2.2": 3})
    msg = _only(rule_probe.fires(ServiceSelfScoreOverPoints, sub, CTX), Severity.ERROR)
    assert msg == "자체평가표 1.2.2.2행(S-122 서비스 혁신성)의 자체평가 점수 3점이 배점 2점을 넘습니다"
    rule_probe.silent(ServiceSelfScoreOverPoints, clean("L2"), CTX)


def test_the_forms_own_points_make_it_a_warning_and_the_bonus_keeps_the_item_cap(
        rule_probe: RuleProbe) -> None:
    # the form prints Open API at 3, 참고1 and S-311 at 2 (self-assessment-operation)
    msg = _only(rule_probe.fires(ServiceSelfScoreOverPoints, clean("L1", scores={"3.1.1.1": 3}),
                                 CTX), Severity.WARNING)
    assert "양식은 이 행의 배점을 3점으로 인쇄" in msg
    _only(rule_probe.fires(ServiceSelfScoreOverPoints, clean("L1", scores={"3.1.1.1": 4}), CTX),
          Severity.ERROR)
    # S-123: +1 '배점 외' on 1.2.3.1, but the item stays at 4
    rule_probe.silent(ServiceSelfScoreOverPoints,
                      clean("L1", scores={"1.2.3.1": 3, "1.2.3.2": 1}), CTX)
    msg = _only(rule_probe.fires(ServiceSelfScoreOverPoints,
                                 clean("L1", scores={"1.2.3.1": 3, "1.2.3.2": 2}), CTX),
                Severity.ERROR)
    assert msg == "S-123 산업활성화 행 합계의 자체평가 점수 5점이 배점 4점을 넘습니다"


def test_self_score_sum_fires_for_a_subtotal_that_is_not_its_rows(
        rule_probe: RuleProbe) -> None:
    sub = clean("L2", scores={"1.3.1.1": 1}, printed_totals=False)  # 계 still 27
    msg = _only(rule_probe.fires(ServiceSelfScoreSum, sub, CTX), Severity.ERROR)
    assert msg == ("자체평가표 (1. 스마트도시 부합성) 계 27점이 1. 스마트도시 부합성 각 행 점수의 합 "
                   "25점과 맞지 않습니다")
    rule_probe.silent(ServiceSelfScoreSum, clean("L2"), CTX)


def test_the_total_is_the_sum_of_the_chosen_levels_blocks(rule_probe: RuleProbe) -> None:
    sub = clean("L3")
    total = sub.subtotal("total")
    assert total is not None and total.value == Decimal(92)
    total.value = Decimal(95)
    msg = _only(rule_probe.fires(ServiceSelfScoreSum, sub, CTX), Severity.ERROR)
    assert msg == "자체평가표 합계 95점이 1 계 + 2.3 계 + 3 계의 합 92점과 맞지 않습니다"
    # a 계 whose place is unknown, or a row the reading missed: a warning
    sub = clean("L2", scores={"3.3.2.1": 0}, printed_totals=False)
    sub.subtotals = [s if s.group != "3" else Subtotal(group="3", value=Decimal(18))
                     for s in sub.subtotals]
    assert "3 계 값의 위치를 확인하지 못함" in _only(
        [f for f in rule_probe.fires(ServiceSelfScoreSum, sub, CTX) if f.indicator == "3"],
        Severity.WARNING)
    sub = clean("L2", scores={"3.3.2.1": 0}, printed_totals=False)
    sub.self_scores = [s for s in sub.self_scores if s.row != "3.3.2.1"]
    found = rule_probe.fires(ServiceSelfScoreSum, sub, CTX)
    assert [f.severity for f in found] == [Severity.WARNING]  # 18 ≠ 16 + a row not read


def test_the_verdict_block_is_checked_where_it_differs_from_the_subtotals(
        rule_probe: RuleProbe) -> None:
    sub = clean("L2")
    sub.verdict = [v if v.group != "1" else v.model_copy(update={"value": Decimal(28)})
                   for v in sub.verdict]
    found = rule_probe.fires(ServiceSelfScoreSum, sub, CTX)
    # its 합계 (92) is the 계 rows' one, already checked: the wrong score is reported alone
    assert [f.message for f in found] == [
        "자체평가표 평가결과 판정 1. 스마트도시 부합성 점수 28점이 1. 스마트도시 부합성 각 행 점수의 합 "
        "27점과 맞지 않습니다"]
    sub.verdict = [v if v.group != "total" else v.model_copy(update={"value": Decimal(90)})
                   for v in sub.verdict]
    assert "평가결과 판정 합계 90점이 1 점수 + 2.2 점수 + 3 점수의 합 93점과" in \
        rule_probe.fires(ServiceSelfScoreSum, sub, CTX)[-1].message
    # the same wrong 계 printed twice is reported once
    sub = clean("L2", scores={"1.3.1.1": 1}, printed_totals=False)
    assert len(rule_probe.fires(ServiceSelfScoreSum, sub, CTX)) == 1


# ── consistency ───────────────────────────────────────────────────────────────


def test_level_blocks_fires_when_another_levels_block_is_scored(rule_probe: RuleProbe) -> None:
    sub = clean("L1")  # the 2.1 block filled …
    sub.level = PrintedChoice(text="네트워크 연계 서비스", id="L2", location=at(APP, 1),
                              basis=Basis.LABEL)  # … and L2 ticked
    msg = _only(rule_probe.fires(ServiceLevelBlocks, sub, CTX), Severity.ERROR)
    assert msg == ("신청 서비스 수준은 네트워크 연계 서비스(2.2)이나 자체평가표의 2.1 단위 서비스 블록에 "
                   "점수가 기재되어 있습니다 (2.1.1.1, 2.1.1.2, 2.1.1.3 외 11개 행)")
    rule_probe.silent(ServiceLevelBlocks, clean("L2"), CTX)


def test_a_lower_block_beside_the_chosen_one_may_be_the_5_hal_basis(
        rule_probe: RuleProbe) -> None:
    l2 = clean("L2")
    l2.self_scores += [s for s in clean("L1").self_scores if s.row.startswith("2.1.")]
    msg = _only(rule_probe.fires(ServiceLevelBlocks, l2, CTX), Severity.WARNING)
    assert "5할 산정의 근거인 단위 서비스 점수" in msg
    zeros = clean("L2")
    zeros.self_scores += [s.model_copy(update={"score": Decimal(0), "score_text": "0"})
                          for s in clean("L1").self_scores if s.row.startswith("2.1.")]
    rule_probe.silent(ServiceLevelBlocks, zeros, CTX)


# ── period ────────────────────────────────────────────────────────────────────


def test_an_article_older_than_three_years_is_outside_the_window(rule_probe: RuleProbe) -> None:
    sub = clean("L2")
    _replace_facts(sub, "S-111", "press",
                   fact("S-111", "press", "전자신문", date="2019-05-02", label="매체", page=3))
    msg = _only(rule_probe.fires(ServiceFactOutsideWindow, sub, CTX), Severity.ERROR)
    assert msg == ("S-111 언론보도 '전자신문'(2019-05-02)은(는) 신청일 기준 3년 이내 기간"
                   "(2020-10-26 이후)에 해당하지 않아 인정되지 않습니다")
    rule_probe.silent(ServiceFactOutsideWindow, clean("L2"), CTX)


def test_the_window_counts_from_the_application_date_or_the_widest_submission_day(
        rule_probe: RuleProbe) -> None:
    edge = fact("S-112", "rating", "4.3", number=4.3, date="2020-10-25", label="Google Play")
    sub = clean("L2", facts=[*clean_facts(), edge])  # applied 2023-10-26: from 2020-10-26
    _only(rule_probe.fires(ServiceFactOutsideWindow, sub, CTX), Severity.ERROR)
    # without a printed 신청일, any day of submission may be it: from 2020-10-24
    rule_probe.silent(ServiceFactOutsideWindow,
                      clean("L2", facts=[*clean_facts(), edge], application_date=None), CTX)


def test_a_survey_counts_from_its_end_and_a_start_date_only_warns(
        rule_probe: RuleProbe) -> None:
    sub = clean("L2")
    _replace_facts(sub, "S-112", "survey",
                   fact("S-112", "survey", "2020. 09. 07. ~ 2020. 09. 18.", label="조사기간"),
                   fact("S-112", "survey", "420명", number=420, label="표본 크기"))
    msg = _only(rule_probe.fires(ServiceFactOutsideWindow, sub, CTX), Severity.ERROR)
    assert "S-112 설문조사" in msg and "(2020-09-18)" in msg
    sub = clean("L2")
    _replace_facts(sub, "S-112", "survey",
                   fact("S-112", "survey", "2020.10.05", date="2020-10-05", label="조사 시작일"))
    _only(rule_probe.fires(ServiceFactOutsideWindow, sub, CTX), Severity.WARNING)
    # a span that ends inside the window counts
    sub = clean("L2")
    _replace_facts(sub, "S-112", "survey",
                   fact("S-112", "survey", "2020. 10. 12. ~ 2020. 10. 30.", label="조사기간"))
    rule_probe.silent(ServiceFactOutsideWindow, sub, CTX)


def test_certificate_expired_fires_when_the_score_claims_the_valid_step(
        rule_probe: RuleProbe) -> None:
    sub = clean("L1")
    _replace_facts(sub, "S-312", "certificate",
                   fact("S-312", "certificate", "2020.03.02 ~ 2023.03.01", label="유효기간"))
    msg = _only(rule_probe.fires(ServiceCertificateExpired, sub, CTX), Severity.ERROR)
    assert msg == ("S-312 자체평가 3점은 공고접수 마감일(2023-10-26) 기준 유효한 접근성 인증(3점)을 "
                   "전제하나, 인용한 인증서는 2023-03-01에 만료되어 2점 단계에 해당합니다")
    rule_probe.silent(ServiceCertificateExpired, clean("L1"), CTX)
    # scored at the expired step: nothing claimed beyond it
    sub2 = sub.model_copy(deep=True)
    sub2.self_scores = clean("L1", scores={"3.1.2.1": 2}).self_scores
    rule_probe.silent(ServiceCertificateExpired, sub2, CTX)
    # valid on the deadline day itself
    valid = clean("L1")
    _replace_facts(valid, "S-312", "certificate",
                   fact("S-312", "certificate", "2020.10.27 ~ 2023.10.26", label="유효기간"))
    rule_probe.silent(ServiceCertificateExpired, valid, CTX)


def test_a_lone_date_labelled_validity_only_warns(rule_probe: RuleProbe) -> None:
    sub = clean("L1")
    _replace_facts(sub, "S-312", "certificate",
                   fact("S-312", "certificate", "2023.03.01", date="2023-03-01",
                        label="유효기간"))
    msg = _only(rule_probe.fires(ServiceCertificateExpired, sub, CTX), Severity.WARNING)
    assert "유효기간 종료일로 읽음" in msg


# ── evidence ──────────────────────────────────────────────────────────────────


def test_the_sample_size_formula() -> None:
    assert required_sample(0.95, 0.05, None).n == 385
    assert required_sample(0.95, 0.05, 96400).n == 383
    assert required_sample(0.95, 0.05, 500).n == 218
    assert "1.96²×0.5×0.5/0.05² = 384.1" in required_sample(0.95, 0.05, None).formula


def test_survey_sample_fires_below_the_design(rule_probe: RuleProbe) -> None:
    sub = clean("L2")
    _replace_facts(sub, "S-112", "survey",
                   fact("S-112", "survey", "96,400명", number=96400, label="모집단"),
                   fact("S-112", "survey", "300명", number=300, label="표본 크기"),
                   fact("S-112", "survey", "4.12점", number=4.12, label="종합만족도"))
    msg = _only(rule_probe.fires(ServiceSurveySample, sub, CTX), Severity.ERROR)
    assert msg.startswith("S-112 설문조사 표본 300명은 신뢰수준 95%·추정오차 ±5% 설계에 필요한 "
                          "383명보다 적습니다 (n₀ = z²·p(1−p)/e² = 1.96²×0.5×0.5/0.05² = 384.1, "
                          "모집단 보정 n = n₀/(1+(n₀−1)/N) = 382.6 (N = 96,400))")
    rule_probe.silent(ServiceSurveySample, clean("L2"), CTX)


def test_without_the_population_the_large_population_sample_only_warns(
        rule_probe: RuleProbe) -> None:
    sub = clean("L2")
    _replace_facts(sub, "S-112", "survey",
                   fact("S-112", "survey", "300명", number=300, label="응답자 수"))
    msg = _only(rule_probe.fires(ServiceSurveySample, sub, CTX), Severity.WARNING)
    assert "385명" in msg and "모집단 크기를 찾지 못해" in msg
    # a small population needs fewer: 220 of 500 users suffice (218)
    _replace_facts(sub, "S-112", "survey",
                   fact("S-112", "survey", "500명", number=500, label="모집단"),
                   fact("S-112", "survey", "220명", number=220, label="표본 크기"),
                   fact("S-112", "survey", "±4.9%p", number=4.9, label="표본오차"))
    rule_probe.silent(ServiceSurveySample, sub, CTX)


# ── eligibility ───────────────────────────────────────────────────────────────


def test_service_field_fires_for_another_box(rule_probe: RuleProbe) -> None:
    sub = clean("L1", field=PrintedChoice(text="방범·방재", location=at(APP, 1),
                                          basis=Basis.LABEL))
    msg = _only(rule_probe.fires(ServiceField, sub, CTX), Severity.ERROR)
    assert msg == "신청 분야 '방범·방재'은(는) 인증 대상 분야(교통, 환경·에너지)가 아닙니다"
    rule_probe.silent(ServiceField, clean("L1"), CTX)  # 교통
    rule_probe.silent(ServiceField, clean("L2"), CTX)  # 환경·에너지·수자원
    fuzzy = clean("L1", field=PrintedChoice(text="방범·방재", basis=Basis.FUZZY))
    _only(rule_probe.fires(ServiceField, fuzzy, CTX), Severity.WARNING)


def test_service_level_fires_for_a_device(rule_probe: RuleProbe) -> None:
    sub = clean("L1", level=PrintedChoice(text="장치/제품", location=at(APP, 1),
                                          basis=Basis.LABEL))
    msg = _only(rule_probe.fires(ServiceLevel, sub, CTX), Severity.ERROR)
    assert msg.startswith("신청 서비스 수준 '장치/제품'(특정 기능을 위한 독립적 장치 또는 제품")
    assert "단위 서비스(L1), 네트워크 연계 서비스(L2), 데이터허브 기반 서비스(L3)" in msg
    rule_probe.silent(ServiceLevel, clean("L3"), CTX)
    # no box read: the mapping reports it (completeness.no-level-ticked), not this rule
    rule_probe.silent(ServiceLevel, clean("L1", level=None), CTX)
    odd = clean("L1", level=PrintedChoice(text="플랫폼 서비스", basis=Basis.LABEL))
    _only(rule_probe.fires(ServiceLevel, odd, CTX), Severity.WARNING)


@pytest.mark.parametrize("kind", ["중소기업", "대기업", "지자체", "공공기관", "기타",
                                  "중소기업(벤처·이노비즈)", "개인사업자"])
def test_applicant_kinds_of_the_call_and_the_cover_are_silent(rule_probe: RuleProbe,
                                                               kind: str) -> None:
    rule_probe.silent(ServiceApplicantKind, clean("L1", applicant_kind=kind), CTX)


def test_applicant_kind_warns_for_another_kind(rule_probe: RuleProbe) -> None:
    msg = _only(rule_probe.fires(ServiceApplicantKind, clean("L1", applicant_kind="개인"), CTX),
                Severity.WARNING)
    assert msg.startswith("기관유형 '개인'은(는) 공고의 신청자격(기업, 지자체, 공공기관 등")


def test_fails_cutoff_warns_when_the_self_assessment_fails_a_minimum(
        rule_probe: RuleProbe) -> None:
    low = {"1.2.3.2": 0, "1.3.1.1": 0, "1.3.2.1": 0, "1.3.2.2": 0, "1.3.3.1": 0}  # 27 → 14
    msg = _only(rule_probe.fires(ServiceFailsCutoff, clean("L2", scores=low), CTX),
                Severity.WARNING)
    assert msg == "자체평가 점수로도 인증 요건에 미달합니다: 1. 스마트도시 부합성 14점 < 15점 (과락)"
    rule_probe.silent(ServiceFailsCutoff, clean("L2"), CTX)


def test_fails_cutoff_warns_for_a_total_under_70_and_spares_a_blank_5_hal(
        rule_probe: RuleProbe) -> None:
    low = {"2.1.1.1": 0, "2.1.1.2": 1, "2.1.2.1": 1, "2.1.2.2": 1, "2.1.2.5": 0,
           "3.1.1.2": 0, "3.2.1.1": 0, "3.2.3.1": 0, "1.3.2.2": 1, "1.3.1.1": 1}
    found = rule_probe.fires(ServiceFailsCutoff, clean("L1", scores=low), CTX)
    assert [f.message for f in found] == ["자체평가 점수로도 인증 요건에 미달합니다: 합계 69점 < 70점 "
                                          "(인증 기준 합계)"]
    # S-221 left to the committee: 2.2 holds 25 of its 50, neither 과락 nor total judged
    rule_probe.silent(ServiceFailsCutoff, clean("L2", scores={"2.2.1.1": None}), CTX)


def test_the_application_date_outside_the_call_is_not_used() -> None:
    # a 신청일 after the deadline would move the window forward: read as unknown instead
    edge = fact("S-112", "rating", "4.3", number=4.3, date="2020-10-25", label="Google Play")
    sub = clean("L2", facts=[*clean_facts(), edge], application_date=day("2024-10-26"))
    assert list(ServiceFactOutsideWindow().check(sub, CTX)) == []


def test_an_empty_submission_is_findings_never_an_exception() -> None:
    found = run_service_rules(ServiceSubmission(id="empty"), CTX)
    assert {f.rule for f in found} == {"completeness.service-missing-document"}
    assert [f.severity for f in found].count(Severity.ERROR) == 4  # ①–④; the 동의서 warns
