"""Each eligibility rule fires on a hand-built submission with the defect and stays silent
without it; types, kinds and the 500,000 threshold come from applicants.yaml."""

from __future__ import annotations

import pytest

from schemas.catalogue import load_ruleset
from schemas.claims import Submission
from schemas.findings import Location
from validators.eligibility.optional_area_count import OptionalAreaCount
from validators.eligibility.type_vs_population import TypeVsPopulation
from validators.rule import CheckContext, Rule

RS = load_ruleset("city-2025")
APP = Location(file="1. 공모신청서.pdf", page=1)
LIMIT = RS.applicants.population_threshold.value


def sub(applicant: str = "누리시", kind: str | None = None, claimed: str = "중소도시",
        population: int | None = 412345, areas: tuple[str, ...] = ("행정", "교육", "환경에너지")
        ) -> Submission:
    return Submission(id="sub-test", applicant=applicant, applicant_kind=kind,
                      city_type_claimed=claimed, population=population,
                      selected_areas=list(areas), source=APP)


def run(rule: Rule, s: Submission) -> list:
    return list(rule.check(s, CheckContext(ruleset=RS)))


@pytest.mark.parametrize(("population", "claimed"), [(LIMIT, "중소도시"), (LIMIT - 1, "대도시")])
def test_si_on_the_wrong_side_of_the_threshold(population: int, claimed: str) -> None:
    (f,) = run(TypeVsPopulation(), sub(population=population, claimed=claimed))
    assert f.rule == "eligibility.type-vs-population" and f.locations == [APP]
    assert claimed in f.message


@pytest.mark.parametrize(("population", "claimed"), [(LIMIT, "대도시"), (LIMIT - 1, "중소도시")])
def test_si_on_the_right_side_is_silent(population: int, claimed: str) -> None:
    assert run(TypeVsPopulation(), sub(population=population, claimed=claimed)) == []


def test_kind_that_cannot_be_a_large_city() -> None:
    (f,) = run(TypeVsPopulation(), sub(applicant="푸른군", claimed="대도시", population=62418))
    assert "군" in f.message and "중소도시" in f.message
    assert run(TypeVsPopulation(), sub(applicant="푸른군", population=62418)) == []


def test_metropolitan_city_kind_is_read_from_the_name() -> None:
    s = sub(applicant="가람광역시", claimed="중소도시", population=2371455)
    assert len(run(TypeVsPopulation(), s)) == 1
    s.city_type_claimed = "대도시"
    assert run(TypeVsPopulation(), s) == []


def test_type_check_needs_the_facts() -> None:
    assert run(TypeVsPopulation(), sub(population=None, claimed="대도시")) == []
    assert run(TypeVsPopulation(), sub(claimed="광역형")) == []


@pytest.mark.parametrize("areas", [("행정", "교육"), ("행정", "교육", "환경에너지", "주거"),
                                   ("행정", "교육", "교육")])
def test_optional_area_count_fires(areas: tuple[str, ...]) -> None:
    (f,) = run(OptionalAreaCount(), sub(areas=areas))
    assert f.rule == "eligibility.optional-area-count"
    assert f.expected == str(RS.structure.optional_areas.choose)


def test_optional_area_count_silent_for_three_or_none() -> None:
    assert run(OptionalAreaCount(), sub()) == []
    assert run(OptionalAreaCount(), sub(areas=())) == []  # completeness reports it
