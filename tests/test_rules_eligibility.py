"""Each eligibility rule fires on a hand-built submission with the defect and stays silent
without it; types, kinds and the 500,000 threshold come from applicants.yaml.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

import pytest

from smartcert.core.findings import Location
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Submission
from smartcert.validators.eligibility.optional_area_count import OptionalAreaCount
from smartcert.validators.eligibility.type_vs_population import TypeVsPopulation
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
