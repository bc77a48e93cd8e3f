from pathlib import Path

from extractors.findings import RULES as EXTRACT_RULES
from intake.rules import RULES as INTAKE_RULES
from schemas.mapping.rules import RULES as MAPPING_RULES
from validators.catalogue_page import PAGE, render
from validators.registry import RULES


def test_rule_ids_are_unique_and_cite_a_clause() -> None:
    specs = [r.spec for r in RULES] + list(MAPPING_RULES)
    ids = [s.id for s in specs] + [r.value for r in INTAKE_RULES] + [r.value for r in EXTRACT_RULES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(s.clause.strip() for s in specs)


def test_catalogue_page_is_up_to_date() -> None:
    assert PAGE.exists(), "run: python -m validators.catalogue_page"
    assert PAGE.read_text(encoding="utf-8") == render(), "run: python -m validators.catalogue_page"


def test_every_rule_has_tests_in_its_category_file() -> None:
    """Each registered rule is exercised by name in tests/test_rules_<category>.py, so a rule
    cannot be added untested, and deleting one breaks the tests that import it."""
    here = Path(__file__).parent
    untested = []
    for rule in RULES:
        category = rule.spec.id.split(".")[0]
        text = (here / f"test_rules_{category}.py").read_text(encoding="utf-8")
        if rule.__name__ not in text and rule.spec.id not in text:
            untested.append(rule.spec.id)
    assert untested == []
