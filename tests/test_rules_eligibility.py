"""Each eligibility rule fires on a hand-built submission with the defect and stays silent
without it; types, kinds and the 500,000 threshold come from applicants.yaml.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

import pytest

from smartcert.core.findings import Location
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.certifications import RegisteredCertification, RegistryRecords
from smartcert.schemas.claims import (
    Basis,
    IndicatorClaim,
    StatedCertification,
    Submission,
    UnclaimedForm,
)
from smartcert.validators.eligibility.applicant_kind import ApplicantKind
from smartcert.validators.eligibility.certification_history import CertificationHistory
from smartcert.validators.eligibility.optional_area_count import OptionalAreaCount
from smartcert.validators.eligibility.type_vs_population import TypeVsPopulation
from smartcert.validators.eligibility.unselected_area import UnselectedArea
from smartcert.validators.rule import CheckContext
from tests.rule_coverage import RuleProbe

RS = load_ruleset("city-2025")
APP = Location(file="1. 공모신청서.pdf", page=1)
LIMIT = RS.applicants.population_threshold.value


def sub(applicant: str = "누리시", kind: str | None = None, claimed: str = "중소도시",
        population: int | None = 412345, areas: tuple[str, ...] = ("행정", "교육", "환경에너지")
        ) -> Submission:
    return Submission(id="sub-test", applicant=applicant, applicant_kind=kind,
                      city_type_claimed=claimed, population=population,
                      selected_areas=list(areas), source=APP)


CTX = CheckContext(ruleset=RS)


@pytest.mark.parametrize(("population", "claimed"), [(LIMIT, "중소도시"), (LIMIT - 1, "대도시")])
def test_si_on_the_wrong_side_of_the_threshold(population: int, claimed: str,
                                                rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(TypeVsPopulation, sub(population=population, claimed=claimed), CTX)
    assert f.rule == "eligibility.type-vs-population" and f.locations == [APP]
    assert claimed in f.message


@pytest.mark.parametrize(("population", "claimed"), [(LIMIT, "대도시"), (LIMIT - 1, "중소도시")])
def test_si_on_the_right_side_is_silent(population: int, claimed: str,
                                        rule_probe: RuleProbe) -> None:
    rule_probe.silent(TypeVsPopulation, sub(population=population, claimed=claimed), CTX)


def test_kind_that_cannot_be_a_large_city(rule_probe: RuleProbe) -> None:
    s = sub(applicant="푸른군", claimed="대도시", population=62418)
    (f,) = rule_probe.fires(TypeVsPopulation, s, CTX)
    assert "군" in f.message and "중소도시" in f.message
    rule_probe.silent(TypeVsPopulation, sub(applicant="푸른군", population=62418), CTX)


def test_metropolitan_city_kind_is_read_from_the_name(rule_probe: RuleProbe) -> None:
    s = sub(applicant="가람광역시", claimed="중소도시", population=2371455)
    assert len(rule_probe.fires(TypeVsPopulation, s, CTX)) == 1
    s.city_type_claimed = "대도시"
    rule_probe.silent(TypeVsPopulation, s, CTX)


def test_type_check_needs_the_facts(rule_probe: RuleProbe) -> None:
    rule_probe.silent(TypeVsPopulation, sub(population=None, claimed="대도시"), CTX)
    rule_probe.silent(TypeVsPopulation, sub(claimed="광역형"), CTX)


@pytest.mark.parametrize("areas", [("행정", "교육"), ("행정", "교육", "환경에너지", "주거"),
                                   ("행정", "교육", "교육")])
def test_optional_area_count_fires(areas: tuple[str, ...], rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(OptionalAreaCount, sub(areas=areas), CTX)
    assert f.rule == "eligibility.optional-area-count"
    assert f.expected == str(RS.structure.optional_areas.choose)


def test_optional_area_count_silent_for_three_or_none(rule_probe: RuleProbe) -> None:
    rule_probe.silent(OptionalAreaCount, sub(), CTX)
    rule_probe.silent(OptionalAreaCount, sub(areas=()), CTX)  # completeness reports it


# ── eligibility.applicant-kind: only 특·광역시, 특별자치시·도, 시·군·구 (공고 2. 신청자격) ──

FORM = Location(file="1. 공모신청서.pdf", page=2)  # the [별지 제1호서식] page


def named(applicant: str, basis: Basis | None = Basis.LABEL) -> Submission:
    """The applicant as the 별지 제1호서식 '기관명' cell prints it."""
    return Submission(id="sub-test", applicant=applicant, applicant_basis=basis,
                      city_type_claimed="대도시", source=FORM)


@pytest.mark.parametrize(("applicant", "word"), [
    ("(주)스마트시티솔루션", "(주)"), ("㈜스마트시티솔루션", "(주)"),
    ("스마트시티솔루션 주식회사", "주식회사"), ("재단법인 누리스마트도시재단", "재단법인"),
    ("누리도시공사", "공사"), ("누리읍", "읍"), ("누리시 가람동", "동"),
])
def test_applicant_that_is_no_municipality(applicant: str, word: str,
                                           rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(ApplicantKind, named(applicant), CTX)
    assert f.severity == "error" and f.locations == [FORM]
    assert applicant in f.message and f"'{word}'" in f.message


@pytest.mark.parametrize("applicant", ["누리시", "한빛광역시", "세종특별자치시", "제주특별자치도",
                                       "솔내군", "가람구", "서울특별시", "대구광역시 달서구",
                                       "안동", "누리"])
def test_municipalities_are_eligible(applicant: str, rule_probe: RuleProbe) -> None:
    rule_probe.silent(ApplicantKind, named(applicant), CTX)


def test_applicant_read_off_a_cover_is_only_a_warning(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(ApplicantKind, named("누리읍", Basis.POSITIONAL), CTX)
    assert f.severity == "warning" and "확인 필요" in f.message
    rule_probe.silent(ApplicantKind, Submission(id="sub-test"), CTX)  # no name: nothing to judge


# ── eligibility.unselected-area: "반드시 '3개' 분야만 선택" ──

HANBIT_AREAS = ("문화관광", "경제", "보건복지")
SUMMARY_PAGE = Location(file="2. 정량지표 평가제안서.pdf", page=3)


def row(code: str, basis: Basis = Basis.LABEL) -> IndicatorClaim:
    """A summary row as printed: 'C-5-1 | 인구 1천명 당 온라인 교육 참여 수 | 1천명 당 12.34 | 41'."""
    ind = RS.indicator(code)
    return IndicatorClaim(code=code, name_as_printed=ind.name, text="12건",
                          source=SUMMARY_PAGE, code_basis=basis)


def with_rows(*codes: str, areas: tuple[str, ...] = HANBIT_AREAS, **fields: object
              ) -> Submission:
    return Submission(id="sub-test", applicant="한빛광역시", selected_areas=list(areas),
                      indicators=[row(c) for c in codes], **fields)  # type: ignore[arg-type]


def test_row_of_an_area_not_selected(rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires(UnselectedArea, with_rows("C-6-1", "C-5-1", "C-7-1"), CTX)
    assert f.severity == "error" and f.indicator == "C-5-1" and f.locations == [SUMMARY_PAGE]
    assert "'교육'" in f.message and "문화관광, 경제, 보건복지" in f.message
    assert f.expected == "문화관광, 경제, 보건복지"


def test_mandatory_and_selected_areas_are_expected(rule_probe: RuleProbe) -> None:
    # 교통 (C-1), 안전 (C-2) are mandatory; C-6/C-7/C-8 the selected ones; A, B have no area
    rule_probe.silent(UnselectedArea, with_rows("A-1-1", "B-1-1", "C-1-1", "C-2-1", "C-6-1",
                                                "C-7-1", "C-8-1", "C-11-1"), CTX)
    rule_probe.silent(UnselectedArea, with_rows("C-5-1", areas=()), CTX)  # nothing selected


def test_unselected_area_uncertain_readings_are_warnings(rule_probe: RuleProbe) -> None:
    s = with_rows("C-5-1")
    s.indicators[0].code_basis = Basis.FUZZY  # the code was inferred from the row's name
    (f,) = rule_probe.fires(UnselectedArea, s, CTX)
    assert f.severity == "warning" and "지표명으로 대응" in f.message
    (f,) = rule_probe.fires(UnselectedArea, with_rows("C-5-1", areas=("문화관광", "경제")), CTX)
    assert f.severity == "warning" and "2개만" in f.message


def test_form_without_summary_row_of_an_unselected_area(rule_probe: RuleProbe) -> None:
    at = Location(file="2. 정량지표 평가제안서.pdf", page=31)
    s = with_rows("C-6-1", unclaimed_forms=[
        UnclaimedForm(code="C-5-1", code_basis=Basis.LABEL, location=at,
                      title="C-5-1 인구 1천명 당 온라인 교육 참여 수"),
        UnclaimedForm(code=None, title="스마트 가로등 설치 현황")])
    (f,) = rule_probe.fires(UnselectedArea, s, CTX)
    assert f.locations == [at] and "자료구축양식" in f.message


# ── eligibility.certification-history: 인증 실적 (별지 제1호서식) vs the registry ──

def registry(*rows: tuple[int, str]) -> RegistryRecords:
    return RegistryRecords(covers_from=2021, covers_to=2024, records=tuple(
        RegisteredCertification(id=f"{y}:경기 오산시", municipality="경기 오산시", year=y,
                                kind=k, applicant_type="중소도시") for y, k in rows))


def history(text: str, *stated: tuple[int | None, int | None],
            applicant: str = "오산시") -> Submission:
    """인증 실적 as the form prints it ('2022년 스마트도시 인증 (중소도시)')."""
    return Submission(
        id="sub-test", applicant=applicant, applicant_basis=Basis.LABEL, source=FORM,
        certification_history_text=text, certification_history_source=FORM,
        certification_history=[StatedCertification(year=y, grade=g, text=text, location=FORM)
                               for y, g in stated])


OSAN = registry((2022, "first"), (2024, "renewal"))


def test_stated_certification_the_registry_does_not_hold(rule_probe: RuleProbe) -> None:
    s = history("2023년 스마트도시 인증 3등급 (등급 상향 신청)", (2023, 3))
    found = rule_probe.fires(CertificationHistory, s, CheckContext(ruleset=RS, certifications=OSAN))
    errors = [f for f in found if f.severity == "error"]
    assert len(errors) == 1 and "2023년 인증이 없습니다" in errors[0].message
    assert "2022년 인증, 2024년 재인증" in errors[0].message and errors[0].locations == [FORM]
    # the registry's 2022 and 2024 rows are not in the 인증 실적 either: warnings
    assert sorted(f.expected or "" for f in found if f.severity == "warning") == [
        "2022년 인증", "2024년 재인증"]


def test_history_matching_the_registry_is_silent(rule_probe: RuleProbe) -> None:
    s = history("2022년 스마트도시 인증, 2024년 재인증", (2022, None), (2024, None))
    rule_probe.silent(CertificationHistory, s, CheckContext(ruleset=RS, certifications=OSAN))
    # no registry given, or no 인증 실적 read: nothing to compare
    rule_probe.silent(CertificationHistory, history("2023년 인증", (2023, None)), CTX)
    rule_probe.silent(CertificationHistory, Submission(id="sub-test", applicant="오산시"),
                      CheckContext(ruleset=RS, certifications=OSAN))
    # a year the registry does not cover (2019 pilot, this year's round) is not judged
    s = history("2019년 시범인증", (2019, None), applicant="한빛광역시")
    rule_probe.silent(CertificationHistory, s, CheckContext(ruleset=RS, certifications=registry()))


def test_history_omitting_a_registered_certification_is_a_warning(rule_probe: RuleProbe) -> None:
    s = history("2022년 스마트도시 인증 (중소도시)", (2022, None))
    (f,) = rule_probe.fires(CertificationHistory, s, CheckContext(ruleset=RS, certifications=OSAN))
    assert f.severity == "warning" and "2024년 재인증" in f.message
    (f1, f2) = rule_probe.fires(CertificationHistory, history("해당 없음 (신규 신청)"),
                                CheckContext(ruleset=RS, certifications=OSAN))
    assert {f1.severity, f2.severity} == {"warning"}


def test_history_of_an_earlier_application_is_not_held_to_later_certifications(
        rule_probe: RuleProbe) -> None:
    # 오산시's 2024 application (span '22.01~'23.12) could not list the 2024 renewal it led to
    s = history("2022년 스마트도시 인증 (중소도시)", (2022, None)).model_copy(update={
        "declared_span": DateSpan(start=PartialDate(year=2022, month=1),
                                  end=PartialDate(year=2023, month=12))})
    rule_probe.silent(CertificationHistory, s, CheckContext(ruleset=RS, certifications=OSAN))


def test_applicant_missing_from_the_registry_is_a_warning(rule_probe: RuleProbe) -> None:
    # the registry knows no '한빛광역시': its name may be printed otherwise, so not an error
    s = history("2023년 스마트도시 인증 3등급 (등급 상향 신청)", (2023, 3), applicant="한빛광역시")
    (f,) = rule_probe.fires(CertificationHistory, s,
                            CheckContext(ruleset=RS, certifications=registry()))
    assert f.severity == "warning" and "기관명 표기가 다를 수 있음" in f.message


def test_grade_other_than_the_registry(rule_probe: RuleProbe) -> None:
    graded = RegistryRecords(covers_from=2021, covers_to=2024, records=(
        RegisteredCertification(id="2023:서울특별시", municipality="서울특별시", year=2023,
                                kind="upgrade", grade=2),))
    s = history("2023년 스마트도시 인증 1등급", (2023, 1), applicant="서울특별시")
    (f,) = rule_probe.fires(CertificationHistory, s,
                            CheckContext(ruleset=RS, certifications=graded))
    assert f.severity == "error" and f.claimed == "1등급" and f.expected == "2등급"
    s = history("2023년 스마트도시 인증 2등급", (2023, 2), applicant="서울특별시")
    rule_probe.silent(CertificationHistory, s, CheckContext(ruleset=RS, certifications=graded))


def test_pipeline_selects_the_applicants_registry_rows() -> None:
    from smartcert.pipelines.certifications import registry_records

    osan = registry_records("오산시")
    assert osan is not None and [r.id for r in osan.records] == [
        "2022:경기 오산시", "2024:경기 오산시"]
    seoul = registry_records("서울시")  # the registry prints 서울특별시
    assert seoul is not None and {r.municipality for r in seoul.records} == {"서울특별시"}
    none = registry_records("한빛광역시")
    assert none is not None and none.records == () and none.covers(2023)
    assert registry_records(None) is None
