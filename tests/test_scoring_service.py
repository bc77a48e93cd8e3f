"""Provisional scoring of service submissions (scoring/service.py): the points the cited
facts support beside the self-scores, the 과락 per 인증지표, pass at 70, the committee's
items (S-221, S-231) and the items whose doubt could change the verdict."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from smartcert.schemas.service_claims import PrintedChoice, ServiceSubmission
from smartcert.scoring import service as scoring
from smartcert.scoring.service import ServiceScoreResult, score_service
from tests.builders.service_submission import RS, at, clean, clean_facts, fact

LOW_FIT = {"1.2.3.2": 0, "1.3.1.1": 0, "1.3.2.1": 0, "1.3.2.2": 0, "1.3.3.1": 0}  # 27 → 14


def _item(result: ServiceScoreResult, code: str) -> scoring.ServiceItemScore:
    return next(i for i in result.items if i.code == code)


@pytest.mark.parametrize(("level", "total", "block"), [("L1", 91, "2.1"), ("L2", 92, "2.2"),
                                                        ("L3", 92, "2.3")])
def test_a_clean_submission_of_each_level_passes(level: str, total: float, block: str) -> None:
    r = score_service(clean(level), RS)
    assert r.provisional is True and r.level == level and r.passed is True
    assert r.total == total == r.self_total and r.pass_mark == 70 and r.shortfalls == []
    assert [(i.number, i.block, i.passed) for i in r.indicators] == [
        ("1", "1", True), ("2", block, True), ("3", "3", True)]
    assert {i.code for i in r.items} == {s.code for s in RS.items_for(level)}
    assert "잠정 점수" in r.note and "평가위원회" in r.note


def test_the_facts_support_the_clean_self_scores_where_a_ladder_reads_them() -> None:
    r = score_service(clean("L2"), RS)
    read = {i.code: (i.self_score, i.supported) for i in r.items if i.supported is not None}
    assert read == {"S-111": (3, 3), "S-112": (3, 3), "S-121": (4, 4), "S-122": (2, 2),
                    "S-312": (3, 3), "S-331": (2, 2)}
    s111 = _item(r, "S-111").rows[0]
    assert s111.basis == "facts" and "매일경제신문(가군)" in s111.reason
    s123 = _item(r, "S-123")  # part 1 read from the hire; part 2 the committee's
    assert [(x.row, x.supported, x.basis) for x in s123.rows] == [
        ("1.2.3.1", 2, "facts"), ("1.2.3.2", None, "committee")]
    assert s123.supported is None and s123.provisional == 4 and s123.committee
    # the form's missing 3.2.4.1: no self-score, nothing read, 0 for now
    assert _item(r, "S-324").provisional == 0 and _item(r, "S-324").self_score is None


@pytest.mark.parametrize(("level", "code", "lower"), [("L2", "S-221", "L1"),
                                                      ("L3", "S-231", "L2")])
def test_the_5_hal_items_are_the_committees(level: str, code: str, lower: str) -> None:
    r = score_service(clean(level), RS)
    assert r.committee_items == [code]
    item = _item(r, code)
    assert item.committee_only and item.committee and item.supported is None
    assert [(x.basis, x.self_score, x.supported) for x in item.rows] == [("derived", 22, None)]
    assert item.provisional == 22  # the applicant's reference, pending the committee
    # 25 of the block's 50 are the committee's: without them the block fails its 과락
    risk = next(a for a in r.at_risk if a.item == code)
    assert (risk.basis, risk.low, risk.high) == ("committee", 0, 22)
    assert risk.passed_if_low is False and risk.passed_if_high is True
    assert "5할" in risk.reason
    assert RS.item(code).derived is not None and RS.item(code).derived.level == lower


def test_one_under_a_cutoff_fails_although_the_total_passes() -> None:
    r = score_service(clean("L2", scores=LOW_FIT), RS)
    assert r.total == 79 and r.passed is False
    assert [(s.subject, s.score, s.required) for s in r.shortfalls] == [("1", 14, 15)]
    assert [i.passed for i in r.indicators] == [False, True, True]
    assert "3591" in r.shortfalls[0].clause


def test_a_total_under_70_fails() -> None:
    low = {"2.1.1.1": 0, "2.1.1.2": 1, "2.1.2.1": 1, "2.1.2.2": 1, "2.1.2.5": 0,
           "3.1.1.2": 0, "3.2.1.1": 0, "3.2.3.1": 0, "1.3.2.2": 1, "1.3.1.1": 1}
    sub = clean("L1", scores=low)
    _drop = {"S-311"}  # no external-data fact: 3.1.1.2 stays at its self-score 0
    sub.facts = [f for f in sub.facts if f.item not in _drop]
    r = score_service(sub, RS)
    assert r.total == 69 and r.passed is False
    assert [s.subject for s in r.shortfalls] == ["total"]


def test_documents_that_support_less_lower_the_provisional_score() -> None:
    facts = [f for f in clean_facts() if f.item not in ("S-111", "S-112", "S-312")]
    facts += [
        fact("S-111", "press", "전자신문", date="2019-05-02", label="매체"),  # too old
        fact("S-112", "survey", "96,400명", number=96400, label="모집단"),
        fact("S-112", "survey", "300명", number=300, label="표본 크기"),  # < 383
        fact("S-112", "survey", "2023. 05. 15. ~ 2023. 05. 26.", label="조사기간"),
        fact("S-112", "survey", "4.12점", number=4.12, label="종합만족도"),
        fact("S-312", "certificate", "2020.03.02 ~ 2023.03.01", label="유효기간"),  # expired
    ]
    r = score_service(clean("L2", scores=LOW_FIT, facts=facts), RS)
    assert [(i.code, i.self_score, i.supported) for i in r.items
            if i.code in ("S-111", "S-112", "S-312")] == [
        ("S-111", 3, 0), ("S-112", 3, 0), ("S-312", 3, 2)]
    assert "표본 300명 < 필요 383명" in _item(r, "S-112").rows[0].reason
    fit = r.indicators[0]
    assert (fit.self_score, fit.score, fit.passed) == (14, 8, False)
    # the documents' doubt spans pass / fail only where it could matter
    assert "S-111" not in {a.item for a in r.at_risk}  # 3 more would still leave 11 < 15


def test_a_doubt_that_could_flip_the_verdict_is_at_risk() -> None:
    # 부합성 at 16 by self-score; the survey read 0 would take it to 13 (fail)
    scores = {**LOW_FIT, "1.3.1.1": 2}
    facts = [f for f in clean_facts() if f.item != "S-112"]
    facts += [fact("S-112", "survey", "96,400명", number=96400, label="모집단"),
              fact("S-112", "survey", "300명", number=300, label="표본 크기"),
              fact("S-112", "survey", "2023. 05. 15. ~ 2023. 05. 26.", label="조사기간"),
              fact("S-112", "survey", "4.12점", number=4.12, label="종합만족도")]
    r = score_service(clean("L2", scores=scores, facts=facts), RS)
    assert r.passed is False  # 16 − 3 = 13 < 15
    risk = next(a for a in r.at_risk if a.item == "S-112")
    assert (risk.basis, risk.low, risk.high, risk.passed_if_high) == ("documents", 0, 3, True)


def test_an_unknown_level_scores_the_shared_blocks_only() -> None:
    r = score_service(clean("L2", level=PrintedChoice(text="장치/제품", location=at("x", 1))), RS)
    assert r.level is None and r.passed is None and r.at_risk == []
    assert [i.number for i in r.indicators] == ["1", "3"]
    assert not any(i.group.startswith("2.") for i in r.items)
    assert "구성 및 기능" in r.note


def test_the_result_models_are_typed_without_free_dicts() -> None:
    models = [v for v in vars(scoring).values()
              if isinstance(v, type) and issubclass(v, BaseModel) and v.__module__ == scoring.__name__]
    assert len(models) >= 6
    for m in models:
        for name, f in m.model_fields.items():
            assert "Any" not in str(f.annotation) and "dict" not in str(f.annotation), (m, name)
    assert typing.get_type_hints(scoring.score_service)["return"] is ServiceScoreResult
    ServiceScoreResult.model_validate_json(score_service(clean("L3"), RS).model_dump_json())


def test_an_empty_submission_scores_without_an_exception() -> None:
    r = score_service(ServiceSubmission(id="empty"), RS)
    assert r.passed is None and r.total == 0 and r.self_total is None


def test_a_blank_5_hal_item_fails_for_now_but_is_at_risk_up_to_its_points() -> None:
    # '신청자 입력 불필요' (S-221): left blank, the block holds 25 of 50 until the committee
    r = score_service(clean("L2", scores={"2.2.1.1": None}), RS)
    assert r.passed is False and _item(r, "S-221").provisional == 0
    risk = next(a for a in r.at_risk if a.item == "S-221")
    assert (risk.low, risk.high, risk.passed_if_high) == (0, 25, True)


def _row(sub_facts: list, code: str, level: str = "L1") -> scoring.ServiceRowScore:
    facts = [f for f in clean_facts() if f.item != code] + sub_facts
    return _item(score_service(clean(level, facts=facts), RS), code).rows[0]


def test_a_survey_of_awareness_reads_the_share_of_the_sample() -> None:
    survey = [  # 다온시 (L1 profile): 233 of 400 aware
        fact("S-111", "survey", "2023. 06. 12. ~ 2023. 06. 23.", date="2023-06-23",
             label="조사기간"),
        fact("S-111", "survey", "다온시 거주 만 19세 이상 시민 (287,415명)", number=287415,
             label="모집단"),
        fact("S-111", "survey", "400명", number=400, label="표본 수"),
        fact("S-111", "survey", "233명 (58.3%)", number=233, label="인지 응답", 비율="58.3"),
    ]
    row = _row(survey, "S-111")
    assert (row.supported, row.basis) == (3, "facts") and "인지 비율 0.583" in row.reason
    survey[3] = fact("S-111", "survey", "120명 (30.0%)", number=120, label="인지 응답")
    assert _row(survey, "S-111").supported == 1  # 30 % ≥ 1/4


@pytest.mark.parametrize(("outlet", "points"), [("전자신문", 2), ("다온일보", 1), ("KBS", 2),
                                                ("Reuters Japan", 1)])
def test_an_articles_outlet_decides_its_tier(outlet: str, points: float | None) -> None:
    # KBS is 가군 nationally and 나군 locally: the lower until the article shows which;
    # an unlisted outlet is 다군 at least
    press = [fact("S-111", "press", outlet, date="2023-05-17", label="언론사")]
    row = _row(press, "S-111")
    assert row.supported == points
    assert ("이상일 수 있음" in row.reason) is (outlet in ("KBS", "Reuters Japan"))


def test_local_income_security_checks_and_ratings_read_from_their_printed_figures() -> None:
    income = [fact("S-123", "income", "연 환산 3,600만원", number=3600, label="주민 소득")]
    assert _row(income, "S-123").supported == 2
    jobs = [fact("S-123", "jobs", "비정규직 2명", number=2, label="비정규직")]
    assert _row(jobs, "S-123").supported is None  # full- or part-time: not said
    assert _row([fact("S-331", "security_check", "41개 (87.2%)", number=41,
                      label="점검 항목 수")], "S-331").supported == 1
    assert _row([fact("S-331", "security_check", "47개 중 40개", number=47,
                      label="점검 항목 수")], "S-331").supported is None
    ratings = [fact("S-112", "rating", "4.6", number=4.6, date="2023-09-30", label="App Store"),
               fact("S-112", "rating", "3.7", number=3.7, date="2023-09-30", label="Google Play")]
    assert _row(ratings, "S-112").supported == 3  # the store better for the applicant
