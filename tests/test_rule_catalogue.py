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
