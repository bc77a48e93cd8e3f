"""How the rules are kept: rule folders hold registered rules only, the import contract that
keeps rules independent covers every rule folder, every category has its test module, and
the 'rule coverage' check (tests/rule_coverage.py) fails when a rule is not shown to fire
and to stay silent by a test that passed."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from smartcert.validators.registry import RULES
from smartcert.validators.service_registry import SERVICE_RULES

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
VALIDATORS = ROOT / "validators"
CONTRACT = "Rules are independent of each other"
# city rules and the service certification's rules share the category folders
ALL_RULES = (*RULES, *SERVICE_RULES)


def _rule_folders() -> list[Path]:
    return sorted(d for d in VALIDATORS.iterdir()
                  if (d / "__init__.py").is_file() and d.name != "support")


def test_rule_folders_hold_one_registered_rule_per_module_and_nothing_else() -> None:
    modules = {f"smartcert.validators.{d.name}.{f.stem}" for d in _rule_folders()
               for f in d.glob("*.py") if f.name != "__init__.py"}
    registered = Counter(r.__module__ for r in ALL_RULES)
    assert len(modules) > 30  # the folders were read
    assert sorted(modules - set(registered)) == [], "not a rule: move it to validators/support/"
    assert sorted(set(registered) - modules) == []
    assert [m for m, n in registered.items() if n > 1] == []
    # a rule sits in the folder of its category (the id's prefix)
    assert [r.spec.id for r in ALL_RULES
            if r.__module__.split(".")[2] != r.spec.id.split(".")[0]] == []
    # a service rule's module says so (`service_` prefix) and it is registered once only
    assert [r.spec.id for r in SERVICE_RULES
            if not r.__module__.split(".")[3].startswith("service_")] == []
    assert not {r.spec.id for r in RULES} & {r.spec.id for r in SERVICE_RULES}


def test_the_independence_contract_covers_every_rule_folder() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"]
                   if c["name"] == CONTRACT]
    assert contract["type"] == "independence"
    assert sorted(contract["modules"]) == [f"smartcert.validators.{d.name}.*"
                                           for d in _rule_folders()]


def test_every_category_has_its_rule_test_module() -> None:
    categories = {r.spec.id.split(".")[0] for r in RULES}
    missing = [c for c in sorted(categories)
               if not (ROOT / "tests" / f"test_rules_{c}.py").is_file()]
    assert missing == []
    # the service rules, whatever their category, are shown by one module
    assert (ROOT / "tests" / "test_rules_service.py").is_file()


# -- the coverage check itself, on a sample test module of the eligibility rules ------------
# (type-vs-population and optional-area-count are the ones the checks are about; the others
# are shown both ways so that they do not decide the outcome)

_SAMPLE = '''
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.certifications import RegistryRecords
from smartcert.schemas.claims import IndicatorClaim, StatedCertification, Submission
from smartcert.validators.eligibility.optional_area_count import OptionalAreaCount
from smartcert.validators.rule import CheckContext

CTX = CheckContext(ruleset=load_ruleset("city-2025"))
WRONG = Submission(id="s", applicant="누리시", city_type_claimed="대도시", population=412345,
                   selected_areas=["행정", "교육"])
RIGHT = Submission(id="s", applicant="누리시", city_type_claimed="중소도시", population=412345,
                   selected_areas=["행정", "교육", "환경에너지"])
OTHERS = CheckContext(ruleset=CTX.ruleset,
                      certifications=RegistryRecords(covers_from=2021, covers_to=2024))
OTHERS_WRONG = Submission(
    id="s", applicant="누리읍", applicant_basis="label", selected_areas=["행정", "교육", "환경에너지"],
    indicators=[IndicatorClaim(code="C-6-1", code_basis="label")],
    certification_history_text="2023년 인증",
    certification_history=[StatedCertification(year=2023, text="2023년 인증")])


def test_fires(rule_probe):
    rule_probe.fires("eligibility.type-vs-population", WRONG, CTX)
    rule_probe.fires("eligibility.optional-area-count", WRONG, CTX)
    for rule in ("applicant-kind", "unselected-area", "certification-history"):
        rule_probe.fires("eligibility." + rule, OTHERS_WRONG, OTHERS)


def test_silent(rule_probe):
    rule_probe.silent("eligibility.type-vs-population", RIGHT, CTX)
    for rule in ("applicant-kind", "unselected-area", "certification-history"):
        rule_probe.silent("eligibility." + rule, RIGHT, OTHERS)
    {second}
'''


def _run(pytester: pytest.Pytester, second: str, *args: str) -> pytest.RunResult:
    pytester.makeconftest('pytest_plugins = ("tests.rule_coverage",)')
    pytester.makepyfile(test_rules_eligibility=_SAMPLE.format(second=second))
    # without the plugins the inner session does not need (hypothesis's re-imports itself)
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                              "-p", "no:anyio", *args)


def test_coverage_passes_when_each_rule_fires_and_stays_silent(pytester: pytest.Pytester) -> None:
    result = _run(pytester, 'rule_probe.silent("eligibility.optional-area-count", RIGHT, CTX)',
                  "-v")
    result.assert_outcomes(passed=3)  # two tests and the coverage check
    result.stdout.fnmatch_lines(["*rule coverage*PASSED*"])


def test_coverage_fails_for_a_rule_never_shown_silent(pytester: pytest.Pytester) -> None:
    # imported, run and asserted silent, but not through the probe: not counted
    result = _run(pytester, "assert list(OptionalAreaCount().check(RIGHT, CTX)) == []", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*rule coverage*FAILED*",
                                 "*eligibility.optional-area-count: silent*"])
    assert "type-vs-population: silent" not in result.stdout.str()


def test_a_record_of_a_failing_test_does_not_count(pytester: pytest.Pytester) -> None:
    result = _run(pytester, 'rule_probe.silent("eligibility.optional-area-count", RIGHT, CTX)\n'
                  "    assert False, 'a later assertion of the same test fails'")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*eligibility.type-vs-population: silent*",
                                 "*eligibility.optional-area-count: silent*"])


def test_a_silent_assertion_fails_when_the_rule_fires(pytester: pytest.Pytester) -> None:
    result = _run(pytester, 'rule_probe.silent("eligibility.optional-area-count", WRONG, CTX)')
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*eligibility.optional-area-count produced*"])


def test_a_partial_run_of_a_module_is_not_checked(pytester: pytest.Pytester) -> None:
    result = _run(pytester, "pass", "-k", "fires")
    result.assert_outcomes(passed=1, deselected=1)
    result = _run(pytester, "pass", "test_rules_eligibility.py::test_fires")
    result.assert_outcomes(passed=1)


_SERVICE_SAMPLE = '''
from smartcert.schemas.catalogue import load_service_ruleset
from smartcert.schemas.service_claims import PrintedChoice, ServiceSubmission
from smartcert.validators.support.service_rule import ServiceContext

CTX = ServiceContext(ruleset=load_service_ruleset("service-2023"))


def test_field(rule_probe):
    housing = ServiceSubmission(id="s", field=PrintedChoice(text="주거", basis="label"))
    rule_probe.fires("eligibility.service-field", housing, CTX)
    rule_probe.silent("eligibility.service-field",
                      ServiceSubmission(id="s", field=PrintedChoice(text="교통")), CTX)
'''


def test_the_service_rules_are_covered_by_their_own_module(pytester: pytest.Pytester) -> None:
    """test_rules_service.py run in full is checked against every SERVICE_RULES id."""
    pytester.makeconftest('pytest_plugins = ("tests.rule_coverage",)')
    pytester.makepyfile(test_rules_service=_SERVICE_SAMPLE)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                                "-p", "no:anyio", "-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*rule coverage*FAILED*",
                                 "*completeness.service-missing-document: fires*"])
    assert "eligibility.service-field:" not in result.stdout.str()
    assert len(SERVICE_RULES) > 1


# -- the one mechanism by which an uncertain reading is reported ---------------------------

def test_an_uncertain_error_is_a_warning_that_says_what_was_uncertain() -> None:
    from smartcert.core.findings import Severity
    from smartcert.core.rulespec import RuleSpec

    error = RuleSpec("arithmetic.x", Severity.ERROR, "지표 {code}의 값이 맞지 않습니다", "공고 1.")
    certain = error.finding(indicator="A-2-1", code="A-2-1")
    assert certain.severity is Severity.ERROR and certain.message == "지표 A-2-1의 값이 맞지 않습니다"
    doubted = error.finding(indicator="A-2-1", code="A-2-1",
                            uncertain="(A) 값의 위치가 양식과 일치하지 않아 추정함")
    assert doubted.severity is Severity.WARNING and doubted.rule == "arithmetic.x"
    assert doubted.message == ("지표 A-2-1의 값이 맞지 않습니다 "
                               "(확인 필요: (A) 값의 위치가 양식과 일치하지 않아 추정함)")
    # a warning stays one and says the same; an info is never raised to a warning
    warning = RuleSpec("arithmetic.y", Severity.WARNING, "경고", "공고 1.")
    info = RuleSpec("arithmetic.z", Severity.INFO, "안내", "공고 1.")
    assert warning.finding(uncertain="x").severity is Severity.WARNING
    assert info.finding(uncertain="x").severity is Severity.INFO
    assert info.finding(uncertain="x").message == "안내 (확인 필요: x)"
    assert error.finding(code="A", uncertain="").severity is Severity.ERROR
